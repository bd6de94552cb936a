//! A site in several languages is built as one site per language: the main language at the
//! root, each other one under `/<code>/` with its own configuration (title, menu, strings).
//! This module splits the content, links the languages' Markdown to each other, and puts
//! each language's files under its folder. A site in one language has one part, and goes
//! through here unchanged.

use std::collections::HashMap;

use super::link_context;
use crate::config::Config;
use crate::content::langs::{split, translation_key};
use crate::content::walk::ContentFiles;
use crate::content::walk::content_rel;
use crate::content::{self, Content, ParseOptions};
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::LinkContext;
use crate::output;
use crate::output_file::OutputFile;
use crate::render::{self, Theme};
use crate::site::Site;
use crate::site::languages::prefix;

/// One language's part of the site: its model, and the links its Markdown was rendered
/// with (the check stage and the templates read them again).
pub struct Part {
    /// The language's site model.
    pub site: Site,
    /// Its link context.
    pub links: LinkContext,
}

/// One language's configuration and parsed content, before its Markdown is rendered.
pub struct LanguageContent {
    /// The site's configuration as this language sees it (title, menu, strings, paths).
    pub config: Config,
    /// Its pages and sections.
    pub content: Content,
}

/// Parses each language's content with its configuration, the main language first.
pub fn parse(
    files: ContentFiles,
    config: &Config,
    drafts: bool,
) -> Result<Vec<LanguageContent>, Diagnostics> {
    let others: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    let mut errors = Diagnostics::default();
    let mut out = Vec::new();
    for (code, files) in split(files, &config.language, &others) {
        let language = (code != config.language).then(|| code.clone());
        let lang_config = config.for_language(&code).unwrap_or_else(|| config.clone());
        match content::parse(files, ParseOptions { drafts, language }) {
            Ok(content) => out.push(LanguageContent {
                config: lang_config,
                content,
            }),
            Err(e) => errors.extend(e),
        }
    }
    errors.into_result(out)
}

/// Each language's link context. `@/tin-tuc/abc.md` in an English page goes to the English
/// version when there is one, else to the Vietnamese page; `/…` links start at the site
/// root in every language.
pub fn link_contexts(parts: &[LanguageContent]) -> Vec<LinkContext> {
    let mut links: Vec<LinkContext> = parts
        .iter()
        .map(|p| link_context(&p.config, &p.content))
        .collect();
    if parts.len() < 2 {
        return links;
    }
    let main = parts[0].config.language.clone();
    // Per language: (file, translation key, site path) of every page and section file.
    let files: Vec<Vec<(String, String, String)>> = parts
        .iter()
        .map(
            |LanguageContent {
                 config: c,
                 content: t,
             }| {
                let lang = (c.language != main).then_some(c.language.as_str());
                let pages = t.pages.iter().map(|p| (&p.file, &p.path));
                let sections = t
                    .sections
                    .iter()
                    .filter_map(|s| s.file.as_ref().map(|f| (f, &s.path)));
                pages
                    .chain(sections)
                    .map(|(f, path)| {
                        let rel = content_rel(f);
                        (translation_key(&rel, lang), rel, path.clone())
                    })
                    .map(|(key, rel, path)| (rel, key, path))
                    .collect()
            },
        )
        .collect();
    for (i, l) in links.iter_mut().enumerate() {
        let config = &parts[i].config;
        l.root_path = Some(config.root_path.clone());
        for (_, key, path) in &files[i] {
            l.by_file.entry(key.clone()).or_insert_with(|| path.clone());
        }
        // Sections without an `_index.<code>.md` are still this language's sections.
        for s in &parts[i].content.sections {
            let file = if s.key.is_empty() {
                "_index.md".to_string()
            } else {
                format!("{}/_index.md", s.key)
            };
            l.by_file.entry(file).or_insert_with(|| s.path.clone());
        }
        let mut other: HashMap<String, String> = HashMap::new();
        for (j, list) in files.iter().enumerate().filter(|(j, _)| *j != i) {
            for (rel, _, path) in list {
                if !l.by_file.contains_key(rel) {
                    other.insert(rel.clone(), parts[j].config.url(path));
                }
            }
        }
        l.other_files = other;
    }
    links
}

fn prefixed(mut f: OutputFile, prefix: &str) -> OutputFile {
    if !prefix.is_empty() {
        f.path = format!("{prefix}{}", f.path);
    }
    f
}

/// The theme's and the site's static files, and each language's content files.
pub fn static_files(theme: &Theme, parts: &[Part]) -> Vec<OutputFile> {
    let mut out = output::static_files(theme, &parts[0].site);
    for Part { site, .. } in &parts[1..] {
        let p = prefix(site);
        out.extend(
            output::content_files(site)
                .into_iter()
                .map(|f| prefixed(f, &p)),
        );
    }
    out
}

/// The main language's generated files (open data among them), the feeds and redirects of
/// the others, and one sitemap and `robots.txt` for all.
pub fn generated(parts: &[Part]) -> Vec<OutputFile> {
    let mut out = Vec::new();
    generated_into(parts, &mut |f, _| out.push(f));
    out
}

/// [`generated`], each file handed to `sink` with what it is as soon as it is made, in the
/// same order.
pub fn generated_into(parts: &[Part], sink: &mut dyn FnMut(OutputFile, output::Made)) {
    if parts.len() == 1 {
        return output::generated_into(&parts[0].site, sink);
    }
    let sites: Vec<&Site> = parts.iter().map(|p| &p.site).collect();
    // The main language's sitemap is replaced by one of all languages, made last.
    output::generated_into(sites[0], &mut |f, made| {
        if f.path != "/sitemap.xml" {
            sink(f, made);
        }
    });
    for site in &sites[1..] {
        let p = prefix(site);
        output::generated_for_language_into(site, &mut |f, made| sink(prefixed(f, &p), made));
    }
    sink(output::sitemap::sitemap_of(&sites), output::Made::Sitemap);
}

/// Renders every language's pages, each with the theme writing its strings, into `sink`.
pub fn render_each(
    theme: &mut Theme,
    parts: &[Part],
    sink: &(dyn Fn(OutputFile) -> Result<(), Diagnostic> + Sync),
) -> Result<(), Diagnostics> {
    let mut errors = Diagnostics::default();
    for (i, Part { site, links }) in parts.iter().enumerate() {
        let p = prefix(site);
        let put = |f: OutputFile| sink(prefixed(f, &p));
        let result = if i == 0 {
            render::jobs::render_each(theme, site, links, &put)
        } else {
            let mut t = theme.for_language(&site.config);
            render::jobs::render_each(&mut t, site, links, &put)
        };
        if let Err(e) = result {
            errors.extend(e);
        }
    }
    errors.into_result(())
}
