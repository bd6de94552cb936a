//! Front matter that does not deserialise: every bad key reported with its own line and
//! what to write, not just serde's first complaint. The happy path is one `toml::from_str`;
//! the key-by-key reading runs only when it fails.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::raw::front_examples;
use crate::config::toml_error;
use crate::config::toml_keys::check_keys;
use crate::error::{Diagnostic, LineIndex};

/// The errors of a front matter, and what could still be read from its good keys.
pub(super) struct Bad<T> {
    /// The front matter without its bad keys, when it has no syntax error.
    pub(super) partial: Option<T>,
    /// The keys reported (and left out of `partial`).
    pub(super) bad_keys: Vec<String>,
    /// One error per bad key.
    pub(super) errors: Vec<Diagnostic>,
}

impl<T> Bad<T> {
    /// Adds the errors later checks found in `partial`, except those about a key already
    /// reported: a bad `title` left out must not also be reported as a missing `title`.
    /// Missing keys are reported on the opening `+++` line (before `front_line`); with a
    /// bad key they are dropped too, as the bad key is most likely the missing one
    /// misspelt (`titel`).
    pub(super) fn add_later(&mut self, later: Vec<Diagnostic>, front_line: usize) {
        let about_bad_key = |d: &Diagnostic| {
            d.line < front_line
                || self
                    .bad_keys
                    .iter()
                    .any(|k| d.message.contains(&format!("`{k}`")))
        };
        let later: Vec<Diagnostic> = later.into_iter().filter(|d| !about_bad_key(d)).collect();
        self.errors.extend(later);
    }
}

/// Reads a front matter (`front`, whose first line is file line `front_line`) as `T`.
pub(super) fn read<T: DeserializeOwned>(
    front: &str,
    file: &Path,
    front_line: usize,
) -> Result<T, Bad<T>> {
    let first = match toml::from_str(front) {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    let report = check_keys::<T>(front, front_line, front_examples);
    let lines = LineIndex::new(front);
    let mut errors: Vec<Diagnostic> = report
        .problems
        .into_iter()
        .map(|p| {
            let (line, col) = lines.line_col(p.offset);
            Diagnostic::at(file, front_line + line - 1, col, p.message)
        })
        .collect();
    if errors.is_empty() {
        // Read key by key, nothing was wrong: still the whole failed, so say why.
        errors.push(toml_error(front, file, front_line, &first));
    }
    Err(Bad {
        partial: report.value,
        bad_keys: report.bad_keys,
        errors,
    })
}
