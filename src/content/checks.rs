//! Checks over all the content at once: output paths that are not valid names everywhere,
//! and two bulletins with one number. (Two files at one URL are [`super::urls`]' rule.)

use std::path::PathBuf;

use std::collections::HashMap;

use super::{Page, PlacedAsset, Section, names};
use crate::error::{Diagnostic, Diagnostics};
use crate::text::fold::match_key;

/// Every output path must be a valid name on Windows servers too.
pub(super) fn check_names(
    sections: &[Section],
    pages: &[Page],
    assets: &[PlacedAsset],
    errors: &mut Diagnostics,
) {
    let explain = |what: String| {
        crate::tr!(
            en: "{what}; rename it (or set `slug`)",
            vi: "{what}; hãy đổi tên (hoặc đặt `slug`)",
        )
    };
    for s in sections {
        if let Some(why) = names::unsafe_path(&s.path) {
            let file = s
                .file
                .clone()
                .unwrap_or_else(|| PathBuf::from(format!("content/{}", s.key)));
            errors.push(Diagnostic::file(file, explain(why)));
        }
    }
    for p in pages {
        for path in std::iter::once(&p.path).chain(&p.aliases) {
            if let Some(why) = names::unsafe_path(path) {
                errors.push(Diagnostic::file(&p.file, explain(why)));
            }
        }
    }
    for a in assets {
        if let Some(why) = names::unsafe_path(&a.path) {
            errors.push(Diagnostic::file(
                &a.abs,
                crate::tr!(en: "{why}; rename the file", vi: "{why}; hãy đổi tên tệp"),
            ));
        }
    }
}

/// Two bulletins of one series cannot have one number in one year: readers and the
/// archive tell issues apart by "số 03/2025". Each later one is an error at its `issue`
/// line naming the first one's file, so the editor sees both.
pub(super) fn check_bulletin_numbers(pages: &[Page], errors: &mut Diagnostics) {
    let mut first: HashMap<(String, i32, u32), &Page> = HashMap::new();
    for p in pages {
        let Some(b) = &p.bulletin else { continue };
        if b.issue == 0 || b.year == 0 {
            continue; // already an error at its own key
        }
        let key = (match_key(&b.series), b.year, b.issue);
        match first.get(&key) {
            None => {
                first.insert(key, p);
            }
            Some(other) => {
                let (label, other) = (&b.label, other.file.display());
                errors.push(Diagnostic::at(
                    &p.file,
                    b.issue_line,
                    1,
                    crate::tr!(
                        en: "{label} is also the number of {other}: each bulletin of a year needs its own number; correct `issue` (or `year`) in one of the two files",
                        vi: "{label} trùng số với {other}: mỗi bản tin trong năm cần một số riêng; hãy sửa `issue` (hoặc `year`) ở một trong hai tệp",
                    ),
                ));
            }
        }
    }
}
