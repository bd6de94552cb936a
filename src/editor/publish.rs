//! "Xuất bản" runs `congbo check` first: the whole site built in memory (nothing written)
//! with the page as typed in place of the file on disk, every link and file checked as
//! the command checks them. What would break in this page stops the publishing and is
//! shown at its field, in the command's words; nothing is written. Errors of other pages
//! are theirs to fix and do not hold this one back.

use std::path::Path;

use super::Editor;
use crate::build::{BuildOptions, check_given};
use crate::content::walk;
use crate::error::Diagnostic;

impl Editor {
    /// The errors `congbo check` would report in `content/<rel>` if its text were `text`.
    pub(super) fn publish_check(&self, rel: &str, text: &str) -> Vec<Diagnostic> {
        let file = Path::new("content").join(rel);
        let mut files = match walk::read(&self.root) {
            Ok(f) => f,
            Err(e) => return e.0.into_iter().filter(|d| d.file == file).collect(),
        };
        files.sources.retain(|s| s.rel != file);
        files.sources.push(walk::typed_source(file.clone(), text));
        files.sources.sort_by(|a, b| a.rel.cmp(&b.rel));
        let opts = BuildOptions {
            root: self.root.clone(),
            ..BuildOptions::default()
        };
        let errors = match check_given(&opts, files) {
            Ok((_, errors)) => errors.0,
            Err(stopped) => stopped.0,
        };
        errors.into_iter().filter(|d| d.file == file).collect()
    }
}
