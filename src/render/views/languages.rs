//! The language views of a page: its `hreflang` alternates and the language switch.

use serde::Serialize;

/// A version of the current page in one language, for `<link rel="alternate" hreflang>`.
#[derive(Serialize)]
pub struct Alternate<'a> {
    pub code: &'a str,
    /// Absolute URL.
    pub url: &'a str,
}

/// A link of the language switch: the page in that language, else that language's home.
#[derive(Serialize)]
pub struct SwitchLink<'a> {
    pub code: &'a str,
    /// The language's name in itself.
    pub name: &'a str,
    pub url: &'a str,
    /// Whether `url` is this page's translation (not the language's home).
    pub translated: bool,
}

/// Every language version of a page, as `hreflang` alternates.
pub fn alternates(list: &[crate::site::languages::LanguageLink]) -> Vec<Alternate<'_>> {
    list.iter()
        .map(|l| Alternate {
            code: &l.code,
            url: &l.permalink,
        })
        .collect()
}

/// The language switch of a page in language `current`: each other language, linked to
/// this page's version in it when there is one.
pub fn language_switch<'a>(
    languages: &'a [crate::site::languages::LanguageLink],
    versions: Option<&'a Vec<crate::site::languages::LanguageLink>>,
    current: &str,
) -> Vec<SwitchLink<'a>> {
    languages
        .iter()
        .filter(|l| l.code != current)
        .map(|home| {
            let version = versions.and_then(|v| v.iter().find(|l| l.code == home.code));
            SwitchLink {
                code: &home.code,
                name: &home.name,
                url: version.map_or(&home.url, |v| &v.url),
                translated: version.is_some(),
            }
        })
        .collect()
}
