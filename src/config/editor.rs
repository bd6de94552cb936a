//! `[editor]` of `site.toml`: settings of the browser editor (`congbo serve --edit`) that
//! belong with the site rather than with one start of the server. A command-line option
//! of the same meaning wins over them (`--upload-limit`).

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Diagnostic;

/// `[editor]` in `site.toml`.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EditorConfig {
    /// The largest file the editor takes from the browser, in MB (20 when unset).
    pub upload_limit: Option<usize>,
}

/// The limit when neither `site.toml` nor the command line gives one, in MB.
pub const DEFAULT_UPLOAD_LIMIT: usize = 20;

impl EditorConfig {
    /// The section as written, or the error at its line when a value cannot be used.
    pub(super) fn checked(self, text: &str, file: &Path) -> Result<EditorConfig, Diagnostic> {
        if self.upload_limit == Some(0) {
            let line = super::key_line(text, "upload_limit").unwrap_or(0);
            return Err(Diagnostic::at(
                file,
                line,
                1,
                crate::tr!(
                    en: "`[editor] upload_limit` is in MB and must be 1 or more: write upload_limit = 20",
                    vi: "`[editor] upload_limit` tính bằng MB và phải từ 1 trở lên: hãy viết upload_limit = 20",
                ),
            ));
        }
        Ok(self)
    }

    /// The limit in MB: `cli` when given, else this section's, else the default.
    pub fn upload_limit_mb(&self, cli: Option<usize>) -> usize {
        cli.or(self.upload_limit).unwrap_or(DEFAULT_UPLOAD_LIMIT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Overrides, parse};

    fn config(text: &str) -> Result<crate::config::Config, Diagnostic> {
        let base = "title = \"X\"\nbase_url = \"https://x.gov.vn/\"\n";
        parse(
            &format!("{base}{text}"),
            Path::new("site.toml"),
            &Overrides::default(),
        )
    }

    #[test]
    fn the_upload_limit_comes_from_the_command_line_then_site_toml_then_the_default() {
        let c = config("[editor]\nupload_limit = 50\n").unwrap();
        assert_eq!(c.editor.upload_limit_mb(None), 50);
        assert_eq!(c.editor.upload_limit_mb(Some(5)), 5);
        assert_eq!(config("").unwrap().editor.upload_limit_mb(None), 20);
        let zero = config("[editor]\nupload_limit = 0\n").unwrap_err();
        assert_eq!(zero.line, 4);
        assert!(config("[editor]\nupload = 1\n").is_err());
    }
}
