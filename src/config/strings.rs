//! Theme strings by language: the flat `key = "text"` pairs of `i18n/<lang>.toml`, the
//! theme's first and then the site's own, whose keys win. A [`Catalogue`] is configuration
//! data the [`Config`](super::Config) of each language carries, so it lives here; reading
//! the files from the theme and checking the templates' keys is the renderer's
//! (`render::i18n`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::Diagnostic;

/// The strings of one language.
#[derive(Clone, Debug, Default)]
pub struct Catalogue {
    /// Language code (`vi`, `en`).
    pub lang: String,
    strings: HashMap<String, String>,
    /// The files read, in order (theme, then site), for error messages.
    pub files: Vec<PathBuf>,
}

impl Catalogue {
    /// A catalogue from `(key, text)` pairs, for tests and built-in defaults.
    pub fn from_pairs(lang: &str, pairs: &[(&str, &str)]) -> Self {
        Catalogue {
            lang: lang.to_string(),
            strings: pairs
                .iter()
                .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
                .collect(),
            files: Vec::new(),
        }
    }

    /// The text of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.strings.get(key).map(String::as_str)
    }

    /// The text of `key`, or `fallback` when the catalogue lacks it (for strings the Rust
    /// code writes, which must work even with a theme that has no translation files).
    pub fn label(&self, key: &str, fallback: &str) -> String {
        self.get(key).unwrap_or(fallback).to_string()
    }

    /// Whether the catalogue has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.strings.contains_key(key)
    }

    /// Whether the catalogue has no strings at all (no file of its language was found).
    pub fn is_empty(&self) -> bool {
        self.strings.is_empty()
    }

    /// Adds the pairs of a parsed file; later files replace earlier keys.
    pub(crate) fn merge(&mut self, file: PathBuf, pairs: HashMap<String, String>) {
        self.strings.extend(pairs);
        self.files.push(file);
    }

    /// `key`'s text with each `{name}` replaced by the argument of that name.
    pub fn format(&self, key: &str, args: &[(&str, String)]) -> Option<String> {
        let text = self.get(key)?;
        Some(fill(text, args))
    }
}

/// Replaces `{name}` in `text` by the value of argument `name`; other braces stay.
pub fn fill<S: AsRef<str>>(text: &str, args: &[(&str, S)]) -> String {
    if args.is_empty() || !text.contains('{') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(v.as_ref()),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Parses a translation file: a flat table whose values are all strings.
pub fn parse(text: &str, file: &Path) -> Result<HashMap<String, String>, Diagnostic> {
    let table: toml::Table =
        toml::from_str(text).map_err(|e| super::toml_error(text, file, 1, &e))?;
    let mut out = HashMap::with_capacity(table.len());
    for (k, v) in table {
        match v {
            toml::Value::String(s) => {
                out.insert(k, s);
            }
            _ => {
                let line = super::key_line(text, &k).unwrap_or(0);
                return Err(Diagnostic::at(
                    file,
                    line,
                    1,
                    crate::tr!(
                        en: "`{k}` must be text in quotes, like {k} = \"…\"",
                        vi: "`{k}` phải là chữ trong dấu nháy kép, ví dụ {k} = \"…\"",
                    ),
                ));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_flat_strings_and_rejects_other_values() {
        let m = parse("home = \"Trang chủ\"\nnext = 'Sau'", Path::new("vi.toml")).unwrap();
        assert_eq!(m["home"], "Trang chủ");
        assert_eq!(m["next"], "Sau");
        let e = parse("a = \"x\"\nb = 3", Path::new("i18n/vi.toml")).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("`b`"), "{}", e.message);
    }

    #[test]
    fn fills_named_placeholders_only() {
        let args = [("n", "3".to_string()), ("total", "9".to_string())];
        assert_eq!(fill("Trang {n} / {total}", &args), "Trang 3 / 9");
        assert_eq!(fill("{x} {n}", &args), "{x} 3");
        assert_eq!(fill("open { brace", &args), "open { brace");
        let c = Catalogue::from_pairs("en", &[("page", "Page {n}")]);
        assert_eq!(c.format("page", &args).as_deref(), Some("Page 3"));
        assert_eq!(c.format("nope", &args), None);
    }
}
