//! The engine's whole-model path: content parsed again from cached texts, the Markdown of
//! unchanged pages reused, and only the affected pages rendered again; and the
//! every-language rebuild of a multilingual site.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

use super::affected::{Affected, affected_jobs};
use super::engine::{Engine, Model, Outcome, render_jobs, to_files};
use crate::build::{build_date, link_context, render_markdown_reusing};
use crate::config::Config;
use crate::content::{self, Content, ParseOptions};
use crate::error::{Diagnostics, both};
use crate::markdown::{LinkContext, Rendered};
use crate::output;
use crate::render::jobs::{self, Job};
use crate::render::{self, Theme};
use crate::site::{self, Site};

impl Engine {
    /// Content changed in a way that may touch lists: the whole model from cached texts,
    /// with the Markdown of unchanged pages reused. With `reuse`, only the pages whose
    /// output can differ from the last good build are rendered again; else every page.
    pub(super) fn content(
        &mut self,
        config: Config,
        force: &BTreeSet<PathBuf>,
        reuse: bool,
    ) -> Result<Outcome, Diagnostics> {
        let theme = render::load_theme(&self.opts.root, &config);
        self.sources.refresh(&self.opts.root, force);
        let content = self.sources.content_files().and_then(|files| {
            content::parse(
                files,
                ParseOptions {
                    drafts: self.opts.drafts,
                    ..ParseOptions::default()
                },
            )
        });
        let (theme, content) = both(theme, content)?;
        let links = link_context(&config, &content);
        let previous = self.model.as_ref().map(|m| Previous {
            site: &m.site,
            links: &m.links,
            page_index: &m.page_index,
        });
        let (page_bodies, section_bodies) = render_bodies(&content, &links, previous.as_ref())?;
        self.rebuild_with(
            config,
            theme,
            content,
            links,
            (page_bodies, section_bodies),
            reuse,
        )
    }

    /// Assembles the site from parsed content and rendered bodies, renders the pages (with
    /// `reuse`, those [`affected_jobs`] names, keeping the last build's files of the
    /// others), makes every other file, and replaces the last good build.
    fn rebuild_with(
        &mut self,
        config: Config,
        mut theme: Theme,
        content: Content,
        links: LinkContext,
        (page_bodies, section_bodies): (Vec<Rendered>, Vec<Rendered>),
        reuse: bool,
    ) -> Result<Outcome, Diagnostics> {
        let mut site = site::assemble(
            config.clone(),
            content,
            page_bodies,
            section_bodies,
            self.opts.build_date.unwrap_or_else(build_date),
        );
        // The same resized images as a build, from the same cache.
        site.images = crate::images::process(&self.opts.root, &site.assets);
        jobs::set_globals(&mut theme, &site)?;
        let all = jobs::plan(&site);
        let selected = match &self.model {
            // Files rendered with other links or templates cannot be kept.
            // Nor can pages that show an image whose copies changed: rare, so all are.
            Some(m)
                if reuse
                    && same_links(&m.links, &links)
                    && m.theme.files == theme.files
                    && m.site.images.same_output(&site.images) =>
            {
                match (affected_jobs(&m.site, &site, &all), gone_files(m, &all)) {
                    (Affected::Some(list), Some(gone)) => Some((list, gone)),
                    _ => None,
                }
            }
            _ => None,
        };
        let (pages, job_templates, rendered, how) = match selected {
            Some((list, gone)) => {
                let (fresh, templates) = render_jobs(&theme, &site, &links, &list)?;
                let rendered = fresh.len();
                // `Some` only comes with a last good build, whose files the others keep.
                let (mut pages, old_jobs) = self
                    .model
                    .take()
                    .map(|m| (m.pages, m.jobs))
                    .unwrap_or_default();
                for f in &gone {
                    pages.remove(f);
                }
                pages.extend(fresh);
                // Jobs new to the plan were rendered; the others keep their template unless
                // rendered again.
                let mut old_jobs: HashMap<Job, String> = old_jobs.into_iter().collect();
                let mut templates: HashMap<Job, String> = templates.into_iter().collect();
                let job_templates = all
                    .iter()
                    .filter_map(|j| {
                        let t = templates.remove(j).or_else(|| old_jobs.remove(j))?;
                        Some((*j, t))
                    })
                    .collect();
                (
                    pages,
                    job_templates,
                    rendered,
                    "content rebuild (affected pages)",
                )
            }
            None => {
                let (pages, job_templates) = render_jobs(&theme, &site, &links, &all)?;
                let rendered = pages.len();
                (pages, job_templates, rendered, "content rebuild")
            }
        };
        let statics = to_files(output::static_files(&theme, &site));
        let generated = to_files(output::generated(&site));
        let page_index = site
            .pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.page.file.clone(), i))
            .collect();
        self.model = Some(Model {
            config,
            theme,
            site,
            links,
            page_index,
            jobs: job_templates,
            statics,
            generated,
            pages,
        });
        let changed = self.remerge();
        Ok(Outcome {
            changed,
            rendered,
            how,
            ..Outcome::default()
        })
    }

    /// A multilingual site is built whole on every change, every language in memory: the
    /// incremental paths know one language. With no model kept, every later change comes
    /// back here through [`Engine::full`].
    pub(super) fn every_language(&mut self) -> Result<Outcome, Diagnostics> {
        let (_, files) = crate::build::build_in_memory(&self.opts)?;
        let files = to_files(files);
        let mut changed: Vec<String> = files
            .iter()
            .filter(|(p, b)| self.files.get(*p) != Some(*b))
            .map(|(p, _)| p.clone())
            .chain(
                self.files
                    .keys()
                    .filter(|p| !files.contains_key(*p))
                    .cloned(),
            )
            .collect();
        changed.sort();
        let rendered = files.len();
        self.model = None;
        self.files = files;
        Ok(Outcome {
            changed,
            rendered,
            how: "full rebuild (every language)",
            ..Outcome::default()
        })
    }

    /// The content path with the configuration of the last good build.
    pub(super) fn content_again(
        &mut self,
        force: &BTreeSet<PathBuf>,
    ) -> Result<Outcome, Diagnostics> {
        match self.model.as_ref().map(|m| m.config.clone()) {
            Some(config) => self.content(config, force, true),
            None => self.full(force),
        }
    }
}

/// The files of the last build's jobs that the plan `all` no longer has (a term's list
/// that lost a page); `None` when one cannot be named, so that nothing stale is kept.
fn gone_files(m: &Model, all: &[Job]) -> Option<Vec<String>> {
    let now: HashSet<&Job> = all.iter().collect();
    m.jobs
        .iter()
        .filter(|(j, _)| !now.contains(j))
        .map(|(j, _)| {
            jobs::prepare(&m.theme, &m.site, &m.links, *j)
                .ok()
                .map(|p| p.file)
        })
        .collect()
}

/// The previous build, for reusing the Markdown of unchanged pages.
struct Previous<'a> {
    site: &'a Site,
    links: &'a LinkContext,
    page_index: &'a HashMap<PathBuf, usize>,
}

fn same_links(a: &LinkContext, b: &LinkContext) -> bool {
    a.base_path == b.base_path
        && a.resolver == b.resolver
        && a.by_file == b.by_file
        && a.documents == b.documents
}

/// Content file relative to `content/`, for relative links.
/// Renders page and section bodies like `build::render_markdown`, reusing the previous
/// build's result for a page whose body, path and links are unchanged.
fn render_bodies(
    content: &Content,
    links: &LinkContext,
    previous: Option<&Previous<'_>>,
) -> Result<(Vec<Rendered>, Vec<Rendered>), Diagnostics> {
    let previous = previous.filter(|p| same_links(p.links, links));
    render_markdown_reusing(content, links, &|p| {
        let prev = previous?;
        let old = prev.site.pages.get(*prev.page_index.get(&p.file)?)?;
        (old.page.body == p.body && old.page.path == p.path && old.page.body_line == p.body_line)
            .then(|| old.rendered.clone())
    })
}
