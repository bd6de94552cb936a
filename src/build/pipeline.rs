//! The one pipeline, in its order: config, content, Markdown and images, site model, render
//! and output, check. `build`, `check` and `build_in_memory` run all of it; serve's content
//! path runs it up to the site model ([`model`]) and renders only the pages an edit can
//! change. What differs between them is said by named values, never by flags:
//! - where the content's texts come from ([`Texts`]): the disk, or serve's cached texts;
//! - how page bodies are had ([`Bodies`]): rendered, rendered with each page's Markdown
//!   freed, or reused from serve's previous model;
//! - whether a check stage follows ([`Checking`]), and so whether broken `@/` links wait
//!   for it;
//! - where the files go (a [`Sink`]): the publishing writer, memory, or only their paths.

use std::sync::Arc;

use rayon::prelude::*;

use super::progress::{Stage, mark};
use super::sink::{Relative, Sink};
use super::{
    BuildOptions, build_date, check,
    languages::{self, LanguageContent},
    load_config, render_markdown, render_markdown_consuming, render_markdown_reusing, urls,
};
use crate::config::{Config, Overrides};
use crate::content::walk::ContentFiles;
use crate::content::{self, Page};
use crate::error::{Diagnostics, both};
use crate::markdown::{LinkContext, Rendered};
use crate::output;
use crate::render::{self, Theme};
use crate::site::{self, Site};
use crate::timing::StageClock;

/// What one run of the pipeline does where runs differ.
pub struct Plan<'a> {
    /// Where the content's texts come from.
    pub texts: Texts,
    /// How page bodies are had.
    pub bodies: Bodies<'a>,
    /// Whether a check stage follows.
    pub checking: Checking,
    /// The last model of the same site in one language (serve's): each page whose inputs
    /// are unchanged keeps what it read of that page ([`site::assemble_after`]).
    pub earlier: Option<&'a Site>,
}

/// Where the content's texts come from.
pub enum Texts {
    /// Read from `content/` now.
    Disk,
    /// Already read (serve keeps every text between rebuilds).
    Given(Result<ContentFiles, Diagnostics>),
}

/// A page's body from the previous model, when its Markdown and links are unchanged.
pub type Reuse<'a> = dyn Fn(&Page, &LinkContext) -> Option<Arc<Rendered>> + Sync + 'a;

/// How page bodies are had.
pub enum Bodies<'a> {
    /// Rendered, each page keeping its Markdown (the model is kept: serve, tests).
    Render,
    /// Rendered, each page's Markdown freed as it is rendered: a build does not need it
    /// again, and at 100,000 pages it is most of a gigabyte.
    RenderFreeingSources,
    /// Rendered, except where the previous model gives a page's body (serve).
    Reuse(&'a Reuse<'a>),
}

/// Whether a check stage follows the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checking {
    /// None (serve, `build_in_memory`): a broken `@/` link is an error of the Markdown
    /// stage.
    None,
    /// Every link checked against the files made; broken `@/` links are left to it, which
    /// reports them with the other check errors (or as warnings). The first `listed`
    /// unlinked citations are each said on a line, then a count.
    Links {
        /// See [`Checking::Links`].
        listed: usize,
    },
}

impl Plan<'_> {
    /// `congbo build` and `congbo check`: from the disk, sources freed, links checked.
    pub(super) fn checked(listed: usize) -> Self {
        Plan {
            texts: Texts::Disk,
            bodies: Bodies::RenderFreeingSources,
            checking: Checking::Links { listed },
            earlier: None,
        }
    }

    /// `build_in_memory`: from the disk, the model kept whole, no check.
    pub(super) fn in_memory() -> Self {
        Plan {
            texts: Texts::Disk,
            bodies: Bodies::Render,
            checking: Checking::None,
            earlier: None,
        }
    }
}

/// The site model: one part per language, the main language first, and the theme.
pub struct SiteModel {
    /// Each language's site and links.
    pub parts: Vec<languages::Part>,
    /// The templates and static files.
    pub theme: Theme,
    checking: Checking,
    clock: StageClock,
}

impl SiteModel {
    /// Prints how long the stage since the last lap took, when timings are asked for.
    pub(super) fn lap(&mut self, stage: &str) {
        self.clock.lap(stage);
    }
}

/// What the check stage found: errors (with those of rendering and writing before them),
/// warning lines, and notes only `congbo check` shows.
#[derive(Default)]
pub(super) struct Made {
    pub(super) errors: Diagnostics,
    pub(super) warnings: Vec<String>,
    pub(super) notes: Vec<String>,
}

/// Stage 1: `site.toml`, with the theme's strings in each of the site's languages.
pub fn config(opts: &BuildOptions) -> Result<Config, Diagnostics> {
    let overrides = Overrides {
        base_url: opts.base_url.clone(),
    };
    load_config(&opts.root, &overrides)
}

/// Stages 2 to 5, up to the site model: content (with the templates, whose errors are
/// reported with the content's), Markdown and images side by side, then the model.
pub fn model(
    opts: &BuildOptions,
    config: Config,
    plan: Plan<'_>,
) -> Result<SiteModel, Diagnostics> {
    let mut clock = StageClock::new();
    let progress = opts.progress.as_deref();
    mark(progress, Stage::Reading);
    let (theme, mut contents) = content(opts, &config, plan.texts, &mut clock)?;
    let links = link_contexts(&contents, plan.checking);
    mark(progress, Stage::Markdown);
    // Images (the main language's bundles) are resized while the Markdown renders; a site
    // without images pays nothing. The assets are lent to the images while the Markdown
    // takes the pages' sources out of `contents`, then put back.
    let assets = std::mem::take(&mut contents[0].content.assets);
    let (bodies, images) = rayon::join(
        || markdown(&mut contents, &links, &plan.bodies),
        || crate::images::process(&opts.root, &assets),
    );
    contents[0].content.assets = assets;
    let bodies = bodies?;
    clock.lap("markdown and images");
    mark(progress, Stage::Model);
    let today = opts.build_date.unwrap_or_else(build_date);
    let parts = site_model(contents, bodies, images, links, today, plan.earlier);
    clock.lap("site model");
    Ok(SiteModel {
        parts,
        theme,
        checking: plan.checking,
        clock,
    })
}

/// Stages 6 to 8: render and output into `sink`, then check.
pub(super) fn make(opts: &BuildOptions, model: &mut SiteModel, sink: &dyn Sink) -> Made {
    let mut made = Made::default();
    if let Err(e) = render_and_output(opts, model, sink) {
        made.errors.extend(e);
    }
    model.clock.lap("templates, feeds, data and write");
    if let Checking::Links { listed } = model.checking {
        let found = check::stage(&model.parts, &model.theme, &opts.root, sink, listed);
        made.errors.extend(found.errors);
        made.warnings = found.warnings;
        made.notes = found.notes;
        model.clock.lap("check links");
    }
    made
}

/// Stage 2: the templates, and each language's content read and parsed.
fn content(
    opts: &BuildOptions,
    config: &Config,
    texts: Texts,
    clock: &mut StageClock,
) -> Result<(Theme, Vec<LanguageContent>), Diagnostics> {
    let theme = render::load_theme(&opts.root, config);
    clock.lap("config and templates");
    let files = match texts {
        Texts::Disk => content::walk::read(&opts.root),
        Texts::Given(files) => files,
    };
    clock.lap("read content");
    let content = files.and_then(|f| languages::parse(f, config, opts.drafts));
    clock.lap("parse front matter");
    both(theme, content)
}

/// Each language's links; with a check stage, broken `@/` links wait for it.
fn link_contexts(contents: &[LanguageContent], checking: Checking) -> Vec<LinkContext> {
    let mut links = languages::link_contexts(contents);
    for l in &mut links {
        l.defer_broken = checking != Checking::None;
    }
    links
}

/// One language's rendered bodies.
struct LanguageBodies {
    /// In the order of its content's pages.
    pages: crate::markdown::bodies::PageBodies,
    /// In the order of its sections.
    sections: Vec<Rendered>,
}

/// Stage 3: every language's page and section bodies.
fn markdown(
    contents: &mut [LanguageContent],
    links: &[LinkContext],
    how: &Bodies<'_>,
) -> Result<Vec<LanguageBodies>, Diagnostics> {
    let mut errors = Diagnostics::default();
    let mut bodies = Vec::with_capacity(contents.len());
    for (LanguageContent { content, .. }, links) in contents.iter_mut().zip(links) {
        let rendered = match how {
            Bodies::Render => render_markdown(content, links),
            Bodies::RenderFreeingSources => render_markdown_consuming(content, links),
            Bodies::Reuse(previous) => {
                render_markdown_reusing(content, links, &|p| previous(p, links))
            }
        };
        match rendered {
            Ok((pages, sections)) => bodies.push(LanguageBodies { pages, sections }),
            Err(e) => errors.extend(e),
        }
    }
    errors.into_result(bodies)
}

/// Stage 5: each language's site, linked to the others, every one showing the same image
/// copies (made once, published at the site root).
fn site_model(
    contents: Vec<LanguageContent>,
    bodies: Vec<LanguageBodies>,
    images: crate::images::ImageSet,
    links: Vec<LinkContext>,
    today: crate::text::date::Date,
    earlier: Option<&Site>,
) -> Vec<languages::Part> {
    // A last model is of one language: a site that gained languages assembles afresh.
    let earlier = earlier.filter(|_| contents.len() == 1);
    let mut sites: Vec<Site> = contents
        .into_iter()
        .zip(bodies)
        .map(|(language, bodies)| {
            let LanguageContent { config, content } = language;
            let (pages, sections) = (bodies.pages, bodies.sections);
            match earlier {
                Some(e) => site::assemble_after(e, config, content, pages, sections, today),
                None => site::assemble(config, content, pages, sections, today),
            }
        })
        .collect();
    site::languages::link(&mut sites);
    for other in sites.iter_mut().skip(1) {
        other.images = images.clone();
    }
    if let Some(main) = sites.first_mut() {
        main.images = images;
    }
    let parts = sites.into_iter().zip(links);
    parts
        .map(|(site, links)| languages::Part { site, links })
        .collect()
}

/// Stages 6 and 7: every language's pages rendered into `sink` while feeds, open data and
/// the other generated files are made on one thread. Pages go to the sink as they are
/// rendered, and so do the generated files as they are made, except those that may meet a
/// page (redirects) and static files: those are put afterwards, where no page is, once no
/// URL has two owners ([`urls::check`]). The site is never all in memory (at 100,000 pages
/// the search index and open data alone are 280 MB).
fn render_and_output(
    opts: &BuildOptions,
    model: &mut SiteModel,
    sink: &dyn Sink,
) -> Result<(), Diagnostics> {
    let SiteModel { parts, theme, .. } = model;
    let parts: &[languages::Part] = parts;
    let statics = languages::static_files(theme, parts);
    let progress = opts.progress.as_deref();
    if let Some(p) = progress {
        p.start_rendering(
            parts
                .iter()
                .map(|p| render::jobs::plan(&p.site).len())
                .sum(),
        );
    }
    // Relative to the site root: every language's pages live under it.
    let sink = Relative {
        relative: (opts.relative_urls)
            .then(|| output::relative::Relative::new(&parts[0].site.config)),
        sink,
    };
    let ((held, claims, mut put_errors), rendered) = rayon::join(
        || {
            let mut held = Vec::new();
            let mut claims = Vec::new();
            let mut errors = Vec::new();
            languages::generated_into(parts, &mut |f, made| {
                claims.extend(urls::made_claim(&f, made));
                if output::may_meet_a_page(&f.path) {
                    held.push(f);
                } else if let Err(e) = sink.put(f) {
                    errors.push(e);
                }
            });
            (held, claims, errors)
        },
        || {
            languages::render_each(theme, parts, &|f| {
                let done = sink.put(f);
                if let Some(p) = progress {
                    p.tick();
                }
                done
            })
        },
    );
    mark(progress, Stage::Finishing);
    // Two owners of one URL fail the build with every clash. The other files are still
    // put, so the link check sees the site as it is; what fails to be written at a clash
    // (a file where a folder is needed) is said better by the clash itself.
    let clashes = urls::check(theme, parts, &opts.root, claims);
    // Generated files win over static ones at the same path, pages over both.
    let extras = output::merge(vec![statics, held]);
    // Put even when rendering failed, so that the check sees every static file.
    put_errors.par_extend(
        extras
            .into_par_iter()
            .filter(|f| !sink.has(&f.path))
            .filter_map(|f| sink.put(f).err()),
    );
    let mut errors = rendered.err().unwrap_or_default();
    errors.extend(clashes);
    if errors.is_empty() {
        errors.extend(Diagnostics(put_errors));
    }
    errors.into_result(())
}
