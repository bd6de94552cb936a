//! The Markdown stage: the link context of a site, and page and section bodies rendered in
//! parallel (reusing previous bodies when serve gives them).

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::page::Kind;
use crate::content::walk::content_rel;
use crate::content::{Content, Page};
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::media::{self, MediaFile, MediaFiles, MediaKind, MediaLabels};
use crate::markdown::{self, LinkContext, PageRef, Rendered};

/// What the Markdown stage needs to know about the whole site.
pub fn link_context(config: &Config, content: &Content) -> LinkContext {
    let mut links = LinkContext {
        base_path: config.base_path.clone(),
        resolver: config.legal.resolver.clone(),
        html: crate::markdown::sanitize::HtmlPolicy {
            unsafe_html: config.unsafe_html,
            iframe_hosts: config.iframe_hosts.clone(),
        },
        table_label: config.strings.label("table_n", "Bảng {n}"),
        media: media_files(content),
        media_labels: media_labels(config),
        ..Default::default()
    };
    let rel = |f: &Path| content_rel(f);
    for p in &content.pages {
        links.by_file.insert(rel(&p.file), p.path.clone());
        if let Some(n) = &p.number {
            links.documents.add(
                n,
                p.date.map(|d| d.year),
                Some(p.authority.as_deref().unwrap_or(&config.authority)),
                p.path.clone(),
            );
        }
    }
    for s in &content.sections {
        if let Some(f) = &s.file {
            links.by_file.insert(rel(f), s.path.clone());
        }
    }
    links
}

/// The site's audio and video files: each one's duration read from its headers (a file
/// that cannot be read has none: its player just shows no duration), a video's same-name
/// image as its poster.
fn media_files(content: &Content) -> MediaFiles {
    let paths: std::collections::HashSet<&str> =
        content.assets.iter().map(|a| a.path.as_str()).collect();
    content
        .assets
        .iter()
        .filter_map(|a| {
            let kind = media::kind_of(&a.path)?;
            let (stem, ext) = a.path.rsplit_once('.')?;
            let file = match kind {
                MediaKind::Audio => MediaFile {
                    seconds: std::fs::read(&a.abs)
                        .ok()
                        .and_then(|b| media::duration::seconds(ext, &b)),
                    poster_ext: None,
                },
                MediaKind::Video => MediaFile {
                    seconds: media::duration::file_seconds(&a.abs, ext),
                    poster_ext: ["jpg", "jpeg", "png", "webp"]
                        .into_iter()
                        .find(|e| paths.contains(format!("{stem}.{e}").as_str()))
                        .map(str::to_string),
                },
            };
            Some((a.path.clone(), file))
        })
        .collect()
}

/// What the players say, in the site's language.
fn media_labels(config: &Config) -> MediaLabels {
    let d = MediaLabels::default();
    let s = &config.strings;
    MediaLabels {
        download: s.label("media_download", &d.download),
        duration: s.label("media_duration", &d.duration),
        facebook: s.label("media_facebook", &d.facebook),
        youtube: s.label("media_youtube", &d.youtube),
        play: s.label("media_play", &d.play),
    }
}

/// Page bodies, shared: serve carries an unchanged page's body into the next model
/// without copying it (at 10,000 pages the copies took ~90 ms of a title edit), and
/// compares an unchanged one by its pointer.
pub type PageBodies = Vec<Arc<Rendered>>;

/// Renders every page and section body in parallel.
pub fn render_markdown(
    content: &Content,
    links: &LinkContext,
) -> Result<(PageBodies, Vec<Rendered>), Diagnostics> {
    render_markdown_reusing(content, links, &|_| None)
}

/// [`render_markdown`], taking a page's body from `reuse` when it gives one (serve passes
/// the previous build's bodies of unchanged pages).
pub fn render_markdown_reusing(
    content: &Content,
    links: &LinkContext,
    reuse: &(dyn Fn(&Page) -> Option<Arc<Rendered>> + Sync),
) -> Result<(PageBodies, Vec<Rendered>), Diagnostics> {
    let pages = content
        .pages
        .par_iter()
        .map(|p| reuse(p).map_or_else(|| render_one(links, p, &p.body).map(Arc::new), Ok))
        .collect();
    all_ok(pages, render_sections(content, links))
}

/// [`render_markdown`], taking each page's Markdown out of `content` as it is rendered:
/// a build needs it no more, and the memory of the pages done is reused for the HTML of
/// the next (at 100,000 pages, holding every source beside every body was most of a
/// gigabyte of fresh memory).
pub fn render_markdown_consuming(
    content: &mut Content,
    links: &LinkContext,
) -> Result<(PageBodies, Vec<Rendered>), Diagnostics> {
    let pages = content
        .pages
        .par_iter_mut()
        .map(|p| {
            let body = std::mem::take(&mut p.body);
            render_one(links, p, &body).map(Arc::new)
        })
        .collect();
    all_ok(pages, render_sections(content, links))
}

fn render_one(links: &LinkContext, p: &Page, body: &str) -> Result<Rendered, Vec<Diagnostic>> {
    render_body(
        links,
        &p.file,
        &p.path,
        body,
        p.body_line,
        p.kind == Kind::Plan,
    )
}

fn render_body(
    links: &LinkContext,
    file: &Path,
    path: &str,
    body: &str,
    body_line: usize,
    plan: bool,
) -> Result<Rendered, Vec<Diagnostic>> {
    let cf = content_rel(file);
    markdown::render(
        body,
        &PageRef {
            file,
            content_file: &cf,
            path,
            body_line,
            plan,
        },
        links,
    )
}

fn render_sections(
    content: &Content,
    links: &LinkContext,
) -> Vec<Result<Rendered, Vec<Diagnostic>>> {
    content
        .sections
        .par_iter()
        .map(|s| {
            render_body(
                links,
                s.file.as_deref().unwrap_or(Path::new("")),
                &s.path,
                &s.body,
                s.body_line,
                false,
            )
        })
        .collect()
}

/// The bodies, or every error of them all.
fn all_ok(
    pages: Vec<Result<Arc<Rendered>, Vec<Diagnostic>>>,
    sections: Vec<Result<Rendered, Vec<Diagnostic>>>,
) -> Result<(PageBodies, Vec<Rendered>), Diagnostics> {
    let mut errors = Diagnostics::default();
    let pages = ok_or_collect(pages, &mut errors);
    let sections = ok_or_collect(sections, &mut errors);
    errors.into_result((pages, sections))
}

/// Each body, the errors of those that failed collected into `errors`.
fn ok_or_collect<T: Default>(
    list: Vec<Result<T, Vec<Diagnostic>>>,
    errors: &mut Diagnostics,
) -> Vec<T> {
    list.into_iter()
        .map(|r| {
            r.unwrap_or_else(|ds| {
                ds.into_iter().for_each(|d| errors.push(d));
                T::default()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::config::{self, Overrides};
    use crate::content::walk::{ContentFiles, SourceFile};
    use crate::content::{self, ParseOptions};

    #[test]
    fn consuming_renders_what_borrowing_renders_and_frees_the_sources() {
        let files = [
            (
                "content/_index.md",
                "+++\ntitle = \"Trang chủ\"\n+++\nXin chào.\n",
            ),
            (
                "content/tin-tuc/a.md",
                "+++\ntitle = \"A\"\ndate = 2024-02-29\n+++\n## Mục một\n\nXem [B](@/tin-tuc/b.md).\n",
            ),
            (
                "content/tin-tuc/b.md",
                "+++\ntitle = \"B\"\ndate = 2024-03-01\n+++\n| Nội dung | Hạn |\n| --- | --- |\n| Việc | 31/12/2024 |\n",
            ),
        ];
        let config = config::parse(
            "title = \"Xã Thử\"\nbase_url = \"https://xa-thu.example.gov.vn/\"\n",
            Path::new("site.toml"),
            &Overrides::default(),
        )
        .unwrap();
        let sources = ContentFiles {
            sources: files
                .iter()
                .map(|(rel, text)| SourceFile {
                    rel: PathBuf::from(rel),
                    text: text.to_string(),
                    nul_line: None,
                })
                .collect(),
            assets: vec![],
        };
        let mut content = content::parse(sources, ParseOptions::default()).unwrap();
        let links = link_context(&config, &content);
        let borrowed = render_markdown(&content, &links).unwrap();
        assert!(borrowed.0[0].html.contains("href=\"/tin-tuc/b/\""));
        assert!(borrowed.0[1].html.contains("<table>"));
        let consumed = render_markdown_consuming(&mut content, &links).unwrap();
        assert_eq!(consumed, borrowed);
        assert!(content.pages.iter().all(|p| p.body.is_empty()));
        // Section bodies (few and small) are left as they were.
        assert!(!content.sections[0].body.is_empty());
    }
}
