//! `[languages.<code>]` of `site.toml`: the other languages a site is published in, and
//! the configuration of each language's pages (its root under `/<code>/`, title, menu).

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::strings::Catalogue;
use super::{Config, MenuItem};

/// A language the site is also published in, under `/<code>/`.
#[derive(Clone, Debug, Serialize)]
pub struct Language {
    /// Language code (`en`): the suffix of its content files (`abc.en.md`) and its folder.
    pub code: String,
    /// The site's title in this language.
    pub title: String,
    /// The description in this language.
    pub description: String,
    /// The owner's name in this language (default: the main one).
    pub authority: String,
    /// The authority above the owner in this language (default: the main one).
    pub parent_authority: String,
    /// Navigation in this language; URLs are site paths from the site root (`/en/news/`).
    pub menu: Vec<MenuItem>,
    /// The theme's strings in this language.
    #[serde(skip)]
    pub strings: Arc<Catalogue>,
}

/// `[languages.<code>]` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLanguage {
    title: String,
    #[serde(default)]
    description: String,
    authority: Option<String>,
    parent_authority: Option<String>,
    #[serde(default)]
    pub(super) menu: Vec<MenuItem>,
}

/// Checks the codes of `[languages.…]`: lower-case letters (a region after a hyphen), and
/// not the main language.
pub(super) fn resolve_languages(
    raw: std::collections::BTreeMap<String, RawLanguage>,
    main: &str,
    authority: &str,
    parent_authority: &str,
) -> Result<Vec<Language>, (String, String)> {
    raw.into_iter()
        .map(|(code, l)| {
            if !valid_code(&code) {
                return Err((
                    code.clone(),
                    crate::tr!(
                        en: "`[languages.{code}]`: a language code is two or three lower-case letters, like en or fr (a region may follow a hyphen: pt-br)",
                        vi: "`[languages.{code}]`: mã ngôn ngữ gồm hai hoặc ba chữ thường, ví dụ en hoặc fr (có thể thêm vùng sau dấu gạch nối: pt-br)",
                    ),
                ));
            }
            if code == main {
                return Err((
                    code.clone(),
                    crate::tr!(
                        en: "`[languages.{code}]` is the site's main language (`language = \"{main}\"`); list only the other languages here",
                        vi: "`[languages.{code}]` là ngôn ngữ chính của trang (`language = \"{main}\"`); ở đây chỉ ghi các ngôn ngữ khác",
                    ),
                ));
            }
            Ok(Language {
                title: l.title,
                description: l.description,
                authority: l.authority.unwrap_or_else(|| authority.to_string()),
                parent_authority: l
                    .parent_authority
                    .unwrap_or_else(|| parent_authority.to_string()),
                menu: l.menu,
                strings: Arc::default(),
                code,
            })
        })
        .collect()
}

fn valid_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let lang = parts.next().unwrap_or("");
    let region_ok = parts.all(|p| {
        (2..=8).contains(&p.len())
            && p.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    });
    (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase()) && region_ok
}

/// The 1-based line of a `[table]` header in TOML text.
pub(super) fn table_line(text: &str, table: &str) -> Option<usize> {
    text.lines()
        .position(|l| {
            l.trim()
                .trim_start_matches('[')
                .trim_end_matches(']')
                .trim()
                == table
        })
        .map(|i| i + 1)
}

impl Config {
    /// The configuration of the pages in language `code`, published under `/<code>/`: its
    /// own title, description, owner's names, menu and strings; `None` for a language the
    /// site does not have. The main language gives the configuration itself.
    pub fn for_language(&self, code: &str) -> Option<Config> {
        if code == self.language {
            return Some(self.clone());
        }
        let l = self.languages.iter().find(|l| l.code == code)?;
        let mut c = self.clone();
        c.base_url = format!("{}{code}/", self.base_url);
        c.base_path = format!("{}{code}/", self.root_path);
        c.language = code.to_string();
        c.title = l.title.clone();
        c.description = l.description.clone();
        c.authority = l.authority.clone();
        c.parent_authority = l.parent_authority.clone();
        c.menu = l.menu.clone();
        c.strings = Arc::clone(&l.strings);
        Some(c)
    }

    /// Every language code of the site, the main one first.
    pub fn language_codes(&self) -> Vec<&str> {
        std::iter::once(self.language.as_str())
            .chain(self.languages.iter().map(|l| l.code.as_str()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::Overrides;
    use super::*;
    use crate::error::Diagnostic;
    use std::path::Path;

    fn cfg(text: &str) -> Result<Config, Diagnostic> {
        super::super::parse(text, Path::new("site.toml"), &Overrides::default())
    }

    #[test]
    fn languages_have_their_own_root_title_and_menu() {
        let c = cfg("title = \"Xã\"\nbase_url = \"https://h/xa/\"\nauthority = \"UBND xã\"\n\
             [languages.en]\ntitle = \"Commune\"\n[[languages.en.menu]]\nname = \"News\"\nurl = \"/en/news/\"")
        .unwrap();
        assert_eq!(c.language_codes(), vec!["vi", "en"]);
        let en = c.for_language("en").unwrap();
        assert_eq!(
            (
                en.base_url.as_str(),
                en.base_path.as_str(),
                en.root_path.as_str()
            ),
            ("https://h/xa/en/", "/xa/en/", "/xa/")
        );
        assert_eq!((en.title.as_str(), en.language.as_str()), ("Commune", "en"));
        assert_eq!(en.authority, "UBND xã", "the main names unless translated");
        assert_eq!(en.menu[0].url, "/en/news/");
        assert_eq!(c.for_language("vi").unwrap().base_path, "/xa/");
        assert!(c.for_language("fr").is_none());
    }

    #[test]
    fn language_tables_are_checked() {
        let e =
            cfg("title = \"X\"\nbase_url = \"/\"\n[languages.en]\ntitle = \"X\"\ntitel = \"y\"")
                .unwrap_err();
        assert_eq!(e.line, 5);
        assert!(e.message.contains("titel"));
        let e =
            cfg("title = \"X\"\nbase_url = \"/\"\n\n[languages.vi]\ntitle = \"X\"").unwrap_err();
        assert_eq!(e.line, 4);
        assert!(e.message.contains("main language"), "{}", e.message);
        let e =
            cfg("title = \"X\"\nbase_url = \"/\"\n[languages.English]\ntitle = \"X\"").unwrap_err();
        assert!(e.message.contains("two or three"), "{}", e.message);
        assert!(
            cfg("title = \"X\"\nbase_url = \"/\"\n[languages.en]").is_err(),
            "title is required"
        );
    }
}
