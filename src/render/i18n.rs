//! Theme strings by language: `i18n/<lang>.toml` files of flat `key = "text"` pairs, the
//! theme's first and then the site's own, whose keys win. Loaded once per build; templates
//! read them with `t(key="…")`, and every key a template names is checked when the
//! templates load, so a missing translation is an error naming the template and the key
//! instead of a blank on the page.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use crate::error::{Diagnostic, Diagnostics, line_col};

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

    /// Adds the pairs of a parsed file; later files replace earlier keys.
    fn merge(&mut self, file: PathBuf, pairs: HashMap<String, String>) {
        self.strings.extend(pairs);
        self.files.push(file);
    }

    /// Reads `<theme_dir>/i18n/<lang>.toml`, then `<root>/i18n/<lang>.toml` over it. Having
    /// neither gives an empty catalogue, an error only if a template asks it for a string
    /// (see [`check_templates`]).
    pub fn load(root: &Path, theme_dir: &Path, lang: &str) -> Result<Catalogue, Diagnostics> {
        let mut cat = Catalogue {
            lang: lang.to_string(),
            ..Catalogue::default()
        };
        let mut errors = Diagnostics::default();
        for dir in [theme_dir.join("i18n"), root.join("i18n")] {
            let path = dir.join(format!("{lang}.toml"));
            if !path.is_file() {
                continue;
            }
            let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            let text = std::fs::read(&path)
                .map_err(|e| e.to_string())
                .and_then(crate::content::walk::decode);
            match text.map_err(|m| Diagnostic::file(&rel, m)).and_then(|t| {
                let t = crate::text::normalize::nfc(&t);
                parse(&t, &rel)
            }) {
                Ok(pairs) => cat.merge(rel, pairs),
                Err(d) => errors.push(d),
            }
        }
        errors.into_result(cat)
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
        toml::from_str(text).map_err(|e| crate::config::toml_error(text, file, 1, &e))?;
    let mut out = HashMap::with_capacity(table.len());
    for (k, v) in table {
        match v {
            toml::Value::String(s) => {
                out.insert(k, s);
            }
            _ => {
                let line = crate::config::key_line(text, &k).unwrap_or(0);
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

/// Every `t(key="…")` a template names, with its 1-based line and column.
pub fn template_keys(source: &str) -> Vec<(String, usize, usize)> {
    static KEY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"\bt\(\s*key\s*=\s*(?:"([^"]*)"|'([^']*)')"#).expect("a valid pattern")
    });
    KEY.captures_iter(source)
        .filter_map(|c| {
            let m = c.get(1).or_else(|| c.get(2))?;
            let (line, col) = line_col(source, c.get(0)?.start());
            Some((m.as_str().to_string(), line, col))
        })
        .collect()
}

/// Checks that every key the templates name exists in every catalogue. `sources` maps a
/// template name to its file (relative to the site root) and text.
pub fn check_templates(
    sources: &HashMap<String, (PathBuf, String)>,
    catalogues: &[&Catalogue],
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let mut names: Vec<&String> = sources.keys().collect();
    names.sort();
    for name in names {
        let (file, text) = &sources[name];
        for (key, line, col) in template_keys(text) {
            for cat in catalogues {
                let lang = &cat.lang;
                if cat.strings.is_empty() {
                    // One error for a language without strings, not one per key.
                    if !errors.iter().any(|d: &Diagnostic| {
                        d.file.as_os_str() == "site.toml"
                            && d.message.contains(&format!("\"{lang}\""))
                    }) {
                        errors.push(Diagnostic::file(
                            "site.toml",
                            crate::tr!(
                                en: "the theme has no strings for the language \"{lang}\": there is no i18n/{lang}.toml in the theme or the site; copy the theme's i18n/en.toml to i18n/{lang}.toml and translate it",
                                vi: "giao diện chưa có bản dịch cho ngôn ngữ \"{lang}\": không có i18n/{lang}.toml trong giao diện hay trong trang; hãy chép tệp i18n/en.toml của giao diện thành i18n/{lang}.toml rồi dịch",
                            ),
                        ));
                    }
                    continue;
                }
                if !cat.has(&key) {
                    errors.push(Diagnostic::at(
                        file,
                        line,
                        col,
                        crate::tr!(
                            en: "the translation key \"{key}\" is not in i18n/{lang}.toml: add {key} = \"…\" to the site's i18n/{lang}.toml",
                            vi: "khóa bản dịch \"{key}\" không có trong i18n/{lang}.toml: hãy thêm {key} = \"…\" vào i18n/{lang}.toml của trang",
                        ),
                    ));
                }
            }
        }
    }
    errors
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

    #[test]
    fn finds_keys_with_their_place() {
        let src = "<a>{{ t(key=\"home\") }}</a>\n{{ t( key = 'next', n=1) }} {{ at(key=\"no\") }}";
        let keys = template_keys(src);
        assert_eq!(
            keys,
            vec![("home".into(), 1, 7), ("next".into(), 2, 4)],
            "`at(` is another function"
        );
    }

    #[test]
    fn missing_key_names_template_file_key_and_language() {
        let mut sources = HashMap::new();
        sources.insert(
            "base.html".to_string(),
            (
                PathBuf::from("themes/t/templates/base.html"),
                "x\n{{ t(key=\"home\") }} {{ t(key=\"skip\") }}".to_string(),
            ),
        );
        let vi = Catalogue::from_pairs("vi", &[("home", "Trang chủ"), ("skip", "Bỏ qua")]);
        let en = Catalogue::from_pairs("en", &[("home", "Home")]);
        assert!(check_templates(&sources, &[&vi]).is_empty());
        let e = check_templates(&sources, &[&vi, &en]);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].file, PathBuf::from("themes/t/templates/base.html"));
        assert_eq!((e[0].line, e[0].column), (2, 24));
        assert!(
            e[0].message.contains("\"skip\"") && e[0].message.contains("i18n/en.toml"),
            "{}",
            e[0].message
        );
    }

    #[test]
    fn site_file_overrides_theme_file() {
        let dir = tempfile::tempdir().unwrap();
        let theme = dir.path().join("themes/t");
        std::fs::create_dir_all(theme.join("i18n")).unwrap();
        std::fs::create_dir_all(dir.path().join("i18n")).unwrap();
        std::fs::write(
            theme.join("i18n/vi.toml"),
            "a = \"theme a\"\nb = \"theme b\"",
        )
        .unwrap();
        std::fs::write(dir.path().join("i18n/vi.toml"), "b = \"site b\"").unwrap();
        let c = Catalogue::load(dir.path(), &theme, "vi").unwrap();
        assert_eq!(c.get("a"), Some("theme a"));
        assert_eq!(c.get("b"), Some("site b"));
        let fr = Catalogue::load(dir.path(), &theme, "fr").unwrap();
        let mut sources = HashMap::new();
        sources.insert(
            "a.html".to_string(),
            (
                PathBuf::from("a.html"),
                "{{ t(key='a') }}{{ t(key='b') }}".to_string(),
            ),
        );
        let e = check_templates(&sources, &[&c, &fr]);
        assert_eq!(e.len(), 1, "one error for the language, not one per key");
        assert!(e[0].message.contains("i18n/fr.toml"), "{}", e[0].message);
    }
}
