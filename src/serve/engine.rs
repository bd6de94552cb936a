//! The incremental builder: the last good build (site model, link context, rendered pages,
//! which template made each page) and the text of every content file, kept between
//! rebuilds. Each [`Rebuild`] is applied by the cheapest path that gives the same files
//! as a clean `build_in_memory`:
//! - a page's body → only that page (see `fast.rs`);
//! - a template → only the pages whose templates use it (`partial.rs`);
//! - static files and bundle files of the same size → copied, nothing re-rendered;
//! - anything else under `content/` → the whole model again from cached texts, with the
//!   Markdown of unchanged pages reused, and only the pages whose output can differ from
//!   the last build rendered again (`affected.rs`; every page when what all pages show,
//!   the set of pages, sections or terms, or the links changed);
//! - `site.toml` → everything from scratch.
//!
//! While the site has errors, every rebuild takes the whole-model path, so fixing one
//! error shows the next at once.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use super::affected::{Affected, affected_jobs};
use super::classify::Rebuild;
use super::sources::Sources;
use super::state::{Body, Files};
pub(super) use crate::build::content_rel;
use crate::build::{BuildOptions, build_date, link_context, load_config, render_markdown_reusing};
use crate::config::{Config, Overrides};
use crate::content::{self, Content, ParseOptions};
use crate::error::{Diagnostic, Diagnostics, both};
use crate::markdown::{LinkContext, Rendered};
use crate::output;
use crate::render::jobs::{self, Job};
use crate::render::{self, OutputData, OutputFile, Theme};
use crate::site::{self, Site};

/// The last good build.
pub(super) struct Model {
    pub(super) config: Config,
    pub(super) theme: Theme,
    pub(super) site: Site,
    pub(super) links: LinkContext,
    /// Content file (relative to the root) → index in `site.pages`.
    pub(super) page_index: HashMap<PathBuf, usize>,
    /// Every HTML job and its template.
    pub(super) jobs: Vec<(Job, String)>,
    pub(super) statics: Files,
    pub(super) generated: Files,
    pub(super) pages: Files,
}

/// What a rebuild did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Site paths whose bytes changed, appeared or went away.
    pub changed: Vec<String>,
    /// Files rendered again.
    pub rendered: usize,
    /// Which path was taken, for the terminal.
    pub how: &'static str,
    /// Wall time.
    pub seconds: f64,
}

/// The incremental builder.
pub struct Engine {
    pub(super) opts: BuildOptions,
    pub(super) sources: Sources,
    pub(super) model: Option<Model>,
    /// Served files of the last good build.
    pub(super) files: Files,
    /// Whether the last rebuild failed.
    pub(super) broken: bool,
    /// The theme of a multilingual site, which keeps no model.
    pub(super) theme: Option<String>,
}

impl Engine {
    /// An engine that has built nothing yet.
    pub fn new(opts: BuildOptions) -> Self {
        Engine {
            opts,
            sources: Sources::default(),
            model: None,
            files: Files::new(),
            broken: true,
            theme: None,
        }
    }

    /// The served files of the last good build.
    pub fn files(&self) -> &Files {
        &self.files
    }

    /// Whether the last rebuild failed (the files are those of the last good build).
    pub fn is_broken(&self) -> bool {
        self.broken
    }

    /// Serves these files until the next good build (after the engine was reset).
    pub fn keep_files(&mut self, files: Files) {
        self.files = files;
    }

    /// The theme named in `site.toml` at the last good build.
    pub fn theme_name(&self) -> Option<&str> {
        self.model
            .as_ref()
            .map(|m| m.config.theme.as_str())
            .or(self.theme.as_deref())
    }

    /// Applies a rebuild plan. On errors the last good files stay as they were.
    pub fn apply(&mut self, plan: &Rebuild) -> Result<Outcome, Diagnostics> {
        let started = Instant::now();
        let result = match plan {
            Rebuild::Nothing => {
                return Ok(Outcome {
                    how: "nothing to do",
                    ..Outcome::default()
                });
            }
            Rebuild::Full => self.full(&BTreeSet::new()),
            Rebuild::Pages(set) | Rebuild::Assets(set) | Rebuild::Templates(set)
                if self.broken || self.model.is_none() =>
            {
                self.full(set)
            }
            Rebuild::Static(_) if self.broken || self.model.is_none() => {
                self.full(&BTreeSet::new())
            }
            Rebuild::Pages(set) => match self.try_page_bodies(set) {
                Some(r) => r,
                None => self.content_again(set),
            },
            Rebuild::Assets(set) => match self.try_same_size_assets(set) {
                Some(o) => Ok(o),
                None => self.content_again(set),
            },
            Rebuild::Templates(set) => self.templates(set),
            Rebuild::Static(set) => self.statics(set),
        };
        self.broken = result.is_err();
        result.map(|mut o| {
            o.seconds = started.elapsed().as_secs_f64();
            o
        })
    }

    /// Everything again: `site.toml`, templates, content. Texts and rendered Markdown of
    /// unchanged files come from the caches; the files in `force` are read again.
    pub(super) fn full(&mut self, force: &BTreeSet<PathBuf>) -> Result<Outcome, Diagnostics> {
        let overrides = Overrides {
            base_url: self.opts.base_url.clone(),
        };
        let config = load_config(&self.opts.root, &overrides)?;
        if !config.languages.is_empty() {
            self.theme = Some(config.theme.clone());
            return self.every_language();
        }
        self.theme = None;
        // `site.toml` or a broken site: no file of the last build is kept.
        let mut o = self.content(config, force, false)?;
        o.how = "full rebuild";
        Ok(o)
    }

    /// Content changed in a way that may touch lists: the whole model from cached texts,
    /// with the Markdown of unchanged pages reused. With `reuse`, only the pages whose
    /// output can differ from the last good build are rendered again; else every page.
    fn content(
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
    fn every_language(&mut self) -> Result<Outcome, Diagnostics> {
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
    fn content_again(&mut self, force: &BTreeSet<PathBuf>) -> Result<Outcome, Diagnostics> {
        match self.model.as_ref().map(|m| m.config.clone()) {
            Some(config) => self.content(config, force, true),
            None => self.full(force),
        }
    }

    /// Merges static files, generated files and pages (later wins, as `output::merge`)
    /// into the served files; returns the paths that differ from before.
    pub(super) fn remerge(&mut self) -> Vec<String> {
        let Some(m) = &self.model else {
            return Vec::new();
        };
        let mut files = Files::with_capacity(m.statics.len() + m.generated.len() + m.pages.len());
        for part in [&m.statics, &m.generated, &m.pages] {
            for (p, b) in part {
                files.insert(p.clone(), b.clone());
            }
        }
        let mut changed: Vec<String> = files
            .iter()
            .filter(|(p, b)| self.files.get(*p) != Some(*b))
            .map(|(p, _)| p.clone())
            .collect();
        changed.extend(
            self.files
                .keys()
                .filter(|p| !files.contains_key(*p))
                .cloned(),
        );
        changed.sort();
        self.files = files;
        changed
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
        && a.by_number == b.by_number
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

/// Renders the given jobs in parallel: their files, and each job's template.
pub(super) fn render_jobs(
    theme: &Theme,
    site: &Site,
    links: &LinkContext,
    list: &[Job],
) -> Result<(Files, Vec<(Job, String)>), Diagnostics> {
    let list: Vec<Job> = list
        .iter()
        .copied()
        .filter(|j| jobs::theme_makes(theme, *j))
        .collect();
    let results: Vec<Result<(Job, String, OutputFile), Diagnostic>> =
        jobs::prepare_many(theme, site, links, &list)
            .into_par_iter()
            .map(|(j, p)| {
                let p = p?;
                let f = jobs::render(theme, &p)?;
                Ok((j, p.template, f))
            })
            .collect();
    let mut errors = Diagnostics::default();
    let mut files = Files::with_capacity(results.len());
    let mut templates = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok((job, template, f)) => {
                templates.push((job, template));
                files.extend(to_files(vec![f]));
            }
            Err(d) => errors.push(d),
        }
    }
    errors.into_result((files, templates))
}

/// Output files as served files.
pub fn to_files(list: Vec<OutputFile>) -> Files {
    let mut files = Files::with_capacity(list.len());
    for f in list {
        let body = match f.data {
            OutputData::Bytes(b) => Body::Bytes(Arc::new(b)),
            OutputData::Copy(p) => Body::File(p),
        };
        files.insert(f.path, body);
    }
    files
}
