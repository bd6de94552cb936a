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

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use super::classify::Rebuild;
use super::generated::Generated;
use super::sources::Sources;
use super::state::{Body, Files};
use crate::build::BuildOptions;
use crate::config::Config;
pub(super) use crate::content::walk::content_rel;
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::LinkContext;
use crate::output::search::PageWordsCache;
use crate::output_file::{OutputData, OutputFile};
use crate::render::Theme;
use crate::render::jobs::{self, Job};
use crate::site::Site;

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
    /// Feeds, open data, sitemap, redirects and search index, by kind.
    pub(super) generated: Generated,
    pub(super) pages: Files,
    /// Each page's counted words for the search index: an edit counts only the pages
    /// it changed again.
    pub(super) search: PageWordsCache,
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
    /// How many served paths were compared with the last build's: every file when the
    /// served files were merged again whole, else those an edit may have changed.
    pub merged: usize,
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
    /// [`Outcome::merged`] of the rebuild being applied.
    merged: usize,
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
            merged: 0,
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
        self.merged = 0;
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
            o.merged = self.merged;
            o
        })
    }

    /// Everything again: `site.toml`, templates, content. Texts and rendered Markdown of
    /// unchanged files come from the caches; the files in `force` are read again.
    pub(super) fn full(&mut self, force: &BTreeSet<PathBuf>) -> Result<Outcome, Diagnostics> {
        let config = crate::build::pipeline::config(&self.opts)?;
        if !config.languages.is_empty() {
            self.theme = Some(config.theme.clone());
            return self.every_language();
        }
        self.theme = None;
        // `site.toml` or a broken site: no file of the last build is kept.
        let mut o = self.content(config, force, super::rebuild::Pages::All)?;
        o.how = "full rebuild";
        Ok(o)
    }

    /// Merges static files, generated files and pages (later wins, as `output::merge`)
    /// into the served files; returns the paths that differ from before.
    pub(super) fn remerge(&mut self) -> Vec<String> {
        let Some(m) = &self.model else {
            return Vec::new();
        };
        let mut files = Files::with_capacity(m.statics.len() + m.generated.len() + m.pages.len());
        let parts = (m.statics.iter())
            .chain(m.generated.iter())
            .chain(m.pages.iter());
        for (p, b) in parts {
            files.insert(p.clone(), b.clone());
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
        self.merged = files.len() + self.files.len();
        self.files = files;
        changed
    }

    /// [`Engine::remerge`] for the `paths` that may have changed in some layer (a page
    /// rendered again or gone, a generated or static file made again or gone): each is
    /// given the layers' winner in place, the other served files stay as they are.
    /// Returns the paths that differ from before, sorted. At 10,000 pages a new map of
    /// every file (about 19,000) per edit cost more than what the edit rendered.
    pub(super) fn patch(&mut self, paths: impl IntoIterator<Item = String>) -> Vec<String> {
        let Some(m) = &self.model else {
            return Vec::new();
        };
        let mut changed = Vec::new();
        for path in paths {
            self.merged += 1;
            let now = (m.pages.get(&path))
                .or_else(|| m.generated.get(&path))
                .or_else(|| m.statics.get(&path));
            match now {
                Some(b) if self.files.get(&path) == Some(b) => {}
                Some(b) => {
                    self.files.insert(path.clone(), b.clone());
                    changed.push(path);
                }
                None => {
                    if self.files.remove(&path).is_some() {
                        changed.push(path);
                    }
                }
            }
        }
        changed.sort();
        changed.dedup();
        changed
    }
}

/// The paths whose bodies differ between two sets of files, or that only one has.
pub(super) fn differing(old: &Files, new: &Files) -> Vec<String> {
    let mut out: Vec<String> = (new.iter())
        .filter(|(p, b)| old.get(*p) != Some(*b))
        .map(|(p, _)| p.clone())
        .collect();
    out.extend(old.keys().filter(|p| !new.contains_key(*p)).cloned());
    out
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
