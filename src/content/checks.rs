//! Checks over all the content at once: output paths that are not valid names everywhere.
//! (Two files at one URL are [`super::urls`]' rule.)

use std::path::PathBuf;

use super::{Page, PlacedAsset, Section, names};
use crate::error::{Diagnostic, Diagnostics};

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
