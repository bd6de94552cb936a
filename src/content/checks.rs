//! Checks over all the content at once: two files written at one URL, and output paths
//! that are not valid names everywhere.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::{Page, PlacedAsset, Section, names};
use crate::error::{Diagnostic, Diagnostics};

pub(super) fn check_url_clashes(sections: &[Section], pages: &[Page], errors: &mut Diagnostics) {
    let mut seen: HashMap<&str, &Path> = HashMap::new();
    let section_files = sections.iter().map(|s| {
        (
            s.path.as_str(),
            s.file.as_deref().unwrap_or(Path::new("content")),
        )
    });
    let page_files = pages.iter().map(|p| (p.path.as_str(), p.file.as_path()));
    for (path, file) in section_files.chain(page_files) {
        if let Some(other) = seen.insert(path, file) {
            errors.push(Diagnostic::file(
                file,
                crate::tr!(
                    en: "this page would be written at {path}, like {}; give one of them another `slug` or file name",
                    vi: "trang này sẽ được ghi ở {path}, trùng với {}; hãy đổi `slug` hoặc tên tệp của một trong hai",
                    other.display()
                ),
            ));
        }
    }
}

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
