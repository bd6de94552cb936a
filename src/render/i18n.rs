//! Theme strings for the templates: reading `i18n/<lang>.toml` from the theme and the site
//! into a [`Catalogue`] (the type lives in `config::strings`, as the configuration each
//! language carries), and checking every key a template names with `t(key="…")` when the
//! templates load, so a missing translation is an error naming the template and the key
//! instead of a blank on the page.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use crate::config::strings::{Catalogue, parse};
use crate::error::{Diagnostic, Diagnostics, line_col};

/// Reads `<theme_dir>/i18n/<lang>.toml`, then `<root>/i18n/<lang>.toml` over it. Having
/// neither gives an empty catalogue, an error only if a template asks it for a string
/// (see [`check_templates`]).
pub fn load(root: &Path, theme_dir: &Path, lang: &str) -> Result<Catalogue, Diagnostics> {
    let mut cat = Catalogue::from_pairs(lang, &[]);
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
                if cat.is_empty() {
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
        let c = load(dir.path(), &theme, "vi").unwrap();
        assert_eq!(c.get("a"), Some("theme a"));
        assert_eq!(c.get("b"), Some("site b"));
        let fr = load(dir.path(), &theme, "fr").unwrap();
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
