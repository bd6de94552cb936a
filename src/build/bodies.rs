//! The Markdown stage: the link context of a site, and page and section bodies rendered in
//! parallel (reusing previous bodies when serve gives them).

use std::path::Path;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{Content, Page};
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::{self, LinkContext, PageRef, Rendered, citation::number_key};

/// What the Markdown stage needs to know about the whole site.
pub fn link_context(config: &Config, content: &Content) -> LinkContext {
    let mut links = LinkContext {
        base_path: config.base_path.clone(),
        resolver: config.legal.resolver.clone(),
        html: crate::markdown::sanitize::HtmlPolicy {
            unsafe_html: config.unsafe_html,
            iframe_hosts: config.iframe_hosts.clone(),
        },
        ..Default::default()
    };
    let rel = |f: &Path| content_rel(f);
    for p in &content.pages {
        links.by_file.insert(rel(&p.file), p.path.clone());
        if let Some(n) = &p.number {
            links.by_number.insert(number_key(n), p.path.clone());
        }
    }
    for s in &content.sections {
        if let Some(f) = &s.file {
            links.by_file.insert(rel(f), s.path.clone());
        }
    }
    links
}

/// A content file's path relative to `content/`, with `/` separators (`tin-tuc/abc.md`).
pub fn content_rel(f: &Path) -> String {
    f.strip_prefix("content")
        .unwrap_or(f)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Renders every page and section body in parallel.
pub fn render_markdown(
    content: &Content,
    links: &LinkContext,
) -> Result<(Vec<Rendered>, Vec<Rendered>), Diagnostics> {
    render_markdown_reusing(content, links, &|_| None)
}

/// [`render_markdown`], taking a page's body from `reuse` when it gives one (serve passes
/// the previous build's bodies of unchanged pages).
pub fn render_markdown_reusing(
    content: &Content,
    links: &LinkContext,
    reuse: &(dyn Fn(&Page) -> Option<Rendered> + Sync),
) -> Result<(Vec<Rendered>, Vec<Rendered>), Diagnostics> {
    let render = |file: &Path, path: &str, body: &str, body_line: usize| {
        let cf = content_rel(file);
        markdown::render(
            body,
            &PageRef {
                file,
                content_file: &cf,
                path,
                body_line,
            },
            links,
        )
    };
    let pages: Vec<Result<Rendered, Vec<Diagnostic>>> = content
        .pages
        .par_iter()
        .map(|p| reuse(p).map_or_else(|| render(&p.file, &p.path, &p.body, p.body_line), Ok))
        .collect();
    let sections: Vec<Result<Rendered, Vec<Diagnostic>>> = content
        .sections
        .par_iter()
        .map(|s| {
            render(
                s.file.as_deref().unwrap_or(Path::new("")),
                &s.path,
                &s.body,
                s.body_line,
            )
        })
        .collect();
    let mut errors = Diagnostics::default();
    let mut all_ok = |list: Vec<Result<Rendered, Vec<Diagnostic>>>| -> Vec<Rendered> {
        list.into_iter()
            .map(|r| {
                r.unwrap_or_else(|ds| {
                    ds.into_iter().for_each(|d| errors.push(d));
                    Rendered::default()
                })
            })
            .collect()
    };
    let pages = all_ok(pages);
    let sections = all_ok(sections);
    errors.into_result((pages, sections))
}
