//! The engine's whole-model path: content parsed again from cached texts, the Markdown of
//! unchanged pages reused, and only the affected pages rendered again; and the
//! every-language rebuild of a multilingual site.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::affected::{changed_pages, jobs_of_changed};
use super::engine::{Engine, Model, Outcome, differing, render_jobs, to_files};
use super::generated::{Generated, stale_kinds};
use crate::build::languages::Part;
use crate::build::pipeline::{self, Bodies, Checking, Plan, SiteModel, Texts};
use crate::config::Config;
use crate::content::Page;
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::{LinkContext, Rendered};
use crate::output::search::PageWordsCache;
use crate::output::{self, Made};
use crate::render::jobs::{self, Job};
use crate::site::Site;
use crate::timing::StageClock;

/// Which pages the content path renders again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pages {
    /// Only those whose output can differ from the last good build ([`jobs_of_changed`]);
    /// the others keep its files.
    Affected,
    /// Every page (`site.toml` changed, or the site was broken).
    All,
}

impl Engine {
    /// Content changed in a way that may touch lists: the pipeline up to the site model
    /// from cached texts, with the Markdown of unchanged pages reused, then the `pages`
    /// rendered again.
    pub(super) fn content(
        &mut self,
        config: Config,
        force: &BTreeSet<PathBuf>,
        pages: Pages,
    ) -> Result<Outcome, Diagnostics> {
        let mut clock = StageClock::new();
        if !self.sources.refresh_named(&self.opts.root, force) {
            self.sources.refresh(&self.opts.root, force);
        }
        clock.lap("serve: refresh texts");
        let previous = self.model.as_ref().map(|m| Previous {
            site: &m.site,
            links: &m.links,
            page_index: &m.page_index,
        });
        // Whether the links are the last build's, asked once per link context (serve keeps
        // one language): compared for every page, a large site's links (a path per page)
        // were compared as many times as there are pages, seconds at 10,000.
        let same: OnceLock<(usize, bool)> = OnceLock::new();
        // A bundle whose audio or video file changed: its page shows the file's length, so
        // its Markdown is rendered again.
        let media_bundles: Vec<&Path> = force
            .iter()
            .filter(|f| crate::markdown::media::kind_of(&f.to_string_lossy()).is_some())
            .filter_map(|f| f.parent())
            .collect();
        let reused = |p: &Page, links: &LinkContext| {
            if (p.bundle_dir.as_deref()).is_some_and(|d| media_bundles.contains(&d)) {
                return None;
            }
            let previous = previous.as_ref()?;
            let at = std::ptr::from_ref(links) as usize;
            let &(asked, answer) = same.get_or_init(|| (at, same_links(previous.links, links)));
            let answer = if asked == at {
                answer
            } else {
                same_links(previous.links, links)
            };
            answer.then(|| previous.body_of(p)).flatten()
        };
        let plan = Plan {
            texts: Texts::Given(self.sources.content_files()),
            bodies: Bodies::Reuse(&reused),
            checking: Checking::None,
            earlier: self.model.as_ref().map(|m| &m.site),
        };
        let model = pipeline::model(&self.opts, config.clone(), plan)?;
        clock = StageClock::new();
        self.rebuild_with(config, model, pages, &mut clock)
    }

    /// Renders the pages of the site model (with [`Pages::Affected`], those
    /// [`jobs_of_changed`] names, keeping the last build's files of the others), makes every
    /// other file, and replaces the last good build.
    fn rebuild_with(
        &mut self,
        config: Config,
        model: SiteModel,
        pages: Pages,
        clock: &mut StageClock,
    ) -> Result<Outcome, Diagnostics> {
        let SiteModel {
            parts, mut theme, ..
        } = model;
        // Serve keeps a model of a site in one language only (`every_language`).
        let Some(Part { site, links }) = parts.into_iter().next() else {
            return Err(Diagnostic::file("content", "no site was built").into());
        };
        jobs::set_globals(&mut theme, &site)?;
        let all = jobs::plan(&site);
        let selected = match &self.model {
            // Files rendered with other links or templates cannot be kept.
            // Nor can pages that show an image whose copies changed: rare, so all are.
            Some(m)
                if pages == Pages::Affected
                    && same_links(&m.links, &links)
                    && m.theme.files == theme.files
                    && m.site.images.same_output(&site.images) =>
            {
                let changed = changed_pages(&m.site, &site, &all);

                let lists = theme.has(jobs::CITATIONS_TEMPLATE);
                let jobs = changed
                    .as_ref()
                    .map(|c| jobs_of_changed(&m.site, &site, &all, c, lists));
                match (jobs, gone_files(m, &all), changed) {
                    (Some(list), Some(gone), Some(changed)) => {
                        let stale = stale_kinds(&m.site, &site, &changed);
                        Some((list, gone, stale))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        clock.lap("serve: plan and affected jobs");
        // Before the last good build is taken apart below.
        let search = self.words_of(&site);
        clock.lap("serve: search words");
        // The paths that may differ from the served files, when the last build's are kept
        // (`None`: every file is merged again).
        let mut touched: Option<Vec<String>> = None;
        let (pages, job_templates, rendered, how, kept) = match selected {
            Some((list, gone, stale)) => {
                let (fresh, templates) = render_jobs(&theme, &site, &links, &list)?;
                let rendered = fresh.len();
                // `Some` only comes with a last good build, whose files the others keep.
                let (mut pages, old_jobs, generated) = self
                    .model
                    .take()
                    .map(|m| (m.pages, m.jobs, Some((m.generated, m.statics))))
                    .unwrap_or_default();
                for f in &gone {
                    pages.remove(f);
                }
                touched = Some(gone.into_iter().chain(fresh.keys().cloned()).collect());
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
                    generated.map(|g| (g, stale)),
                )
            }
            None => {
                let (pages, job_templates) = render_jobs(&theme, &site, &links, &all)?;
                let rendered = pages.len();
                (pages, job_templates, rendered, "content rebuild", None)
            }
        };
        clock.lap("serve: render");
        let statics = to_files(output::static_files(&theme, &site));
        clock.lap("serve: static files");
        let generated = match (kept, touched.as_mut()) {
            (Some(((old, old_statics), stale)), Some(touched)) => {
                touched.extend(differing(&old_statics, &statics));
                let stale_kind = |k| stale.kinds.contains(&k);
                let mut g = Generated::make(&site, &search, &stale_kind, Some(old), touched);
                if stale.documents_file && !stale.kinds.contains(&Made::OpenData) {
                    g.documents_file_again(&site, touched);
                }
                g
            }
            _ => {
                touched = None;
                // Every kind is made again, the search index from the kept merged one: it
                // checks itself which pages changed, and takes its own way when the pages
                // were reordered or many changed.
                let old =
                    (self.model.as_mut()).map(|m| std::mem::take(&mut m.generated).search_only());
                Generated::make(&site, &search, &|_| true, old, &mut Vec::new())
            }
        };
        clock.lap("serve: generated files");
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
            search,
        });
        let changed = match touched {
            Some(paths) => self.patch(paths),
            None => self.remerge(),
        };
        clock.lap("serve: merge served files");
        Ok(Outcome {
            changed,
            rendered,
            how,
            ..Outcome::default()
        })
    }

    /// The search words of every page of `site`: kept from the last good build for a
    /// page whose front matter and rendered body are unchanged, counted for the others.
    fn words_of(&self, site: &Site) -> PageWordsCache {
        let Some(m) = &self.model else {
            return PageWordsCache::new(site);
        };
        let same = |i: usize| {
            let new = &site.pages[i];
            let j = *m.page_index.get(&new.page.file)?;
            let old = m.site.pages.get(j)?;
            (old.same_body(new) && old.page == new.page).then_some(j)
        };
        PageWordsCache::carried(site, &m.search, &same)
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
            Some(config) => self.content(config, force, Pages::Affected),
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

impl Previous<'_> {
    /// The previous build's body of a page whose body and path are unchanged (the caller
    /// vouches that the links are).
    fn body_of(&self, p: &Page) -> Option<Arc<Rendered>> {
        let old = self.site.pages.get(*self.page_index.get(&p.file)?)?;
        (old.page.body == p.body && old.page.path == p.path && old.page.body_line == p.body_line)
            .then(|| Arc::clone(&old.rendered))
    }
}
