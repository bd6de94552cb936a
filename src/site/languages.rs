//! The sites of a multilingual site, one per language, linked to each other: which page is
//! the translation of which (the same content file with another language suffix), and the
//! home of each language, for `hreflang` links and the language switch.

use std::collections::HashMap;

use serde::Serialize;

use super::Site;
use crate::content::langs::translation_key;

/// A page (or home) in one language.
#[derive(Clone, Debug, Serialize)]
pub struct LanguageLink {
    /// Language code (`vi`, `en`).
    pub code: String,
    /// The language's name in itself (`Tiếng Việt`, `English`), from its strings.
    pub name: String,
    /// Root-relative URL.
    pub url: String,
    /// Absolute URL.
    pub permalink: String,
}

/// The folder a language's files go in: `""` for the main language, `/en` for English.
pub fn prefix(site: &Site) -> String {
    if site.config.base_path == site.config.root_path {
        String::new()
    } else {
        format!("/{}", site.config.language)
    }
}

/// Fills [`Site::languages`] and [`Site::translations`] of each language's site; `sites`
/// holds the main language first. Nothing is done for a site in one language.
pub fn link(sites: &mut [Site]) {
    if sites.len() < 2 {
        return;
    }
    let main = sites[0].config.language.clone();
    let link_to = |s: &Site, path: &str| LanguageLink {
        code: s.config.language.clone(),
        name: s.config.strings.label("language_name", &s.config.language),
        url: s.config.url(path),
        permalink: s.config.permalink(path),
    };
    let homes: Vec<LanguageLink> = sites.iter().map(|s| link_to(s, "/")).collect();
    // Per language: translation key → site path.
    let keys: Vec<HashMap<String, String>> = sites
        .iter()
        .map(|s| {
            let lang = (s.config.language != main).then_some(s.config.language.as_str());
            let pages = s.pages.iter().map(|p| {
                let rel = crate::content::walk::content_rel(&p.page.file);
                (translation_key(&rel, lang), p.page.path.clone())
            });
            let sections = s
                .sections
                .iter()
                .map(|e| (format!("{}/", e.section.key), e.section.path.clone()));
            pages.chain(sections).collect()
        })
        .collect();
    for s in sites.iter_mut() {
        s.languages = homes.clone();
    }
    let mut all: Vec<HashMap<String, Vec<LanguageLink>>> = vec![HashMap::new(); sites.len()];
    for (i, own) in keys.iter().enumerate() {
        for (key, path) in own {
            let versions: Vec<LanguageLink> = keys
                .iter()
                .enumerate()
                .filter_map(|(j, k)| k.get(key).map(|p| link_to(&sites[j], p)))
                .collect();
            if versions.len() > 1 {
                all[i].insert(path.clone(), versions);
            }
        }
    }
    for (s, t) in sites.iter_mut().zip(all) {
        s.translations = t;
    }
}
