//! `build()`: the whole pipeline, one stage per line. Stages are functions from data to
//! data; errors of independent stages (content and templates) are reported together.

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::config::{self, Config, Overrides};
use crate::content::{self, Content, Kind, Page, ParseOptions};
use crate::error::{Diagnostic, Diagnostics, both};
use crate::markdown::{self, LinkContext, PageRef, Rendered, citation::number_key};
use crate::output;
use crate::render::{self, OutputFile};
use crate::site::{self, Site};
use crate::text::date::Date;

/// What `congbo build` was asked to do.
#[derive(Clone, Debug, Default)]
pub struct BuildOptions {
    /// The site folder (with `site.toml`).
    pub root: PathBuf,
    /// Where to write; `public/` under the root by default.
    pub output_dir: Option<PathBuf>,
    /// Overrides `base_url` of `site.toml`.
    pub base_url: Option<String>,
    /// Include drafts.
    pub drafts: bool,
    /// The day the build counts as today (overdue tasks, feeds); default: today, or
    /// `SOURCE_DATE_EPOCH` when set.
    pub build_date: Option<Date>,
}

/// What a successful build made.
#[derive(Clone, Debug)]
pub struct BuildReport {
    /// Pages by kind: plan, news, procedure, document, page.
    pub pages_by_kind: Vec<(Kind, usize)>,
    /// Files the site has.
    pub files: usize,
    /// How many were written, left unchanged, removed.
    pub write: output::WriteReport,
    /// Where they were written.
    pub output_dir: PathBuf,
    /// Wall time.
    pub seconds: f64,
    /// Things that did not stop the build but that the person running it should know.
    pub warnings: Vec<String>,
    /// Image variants encoded by this build, and those reused from `.congbo-cache/`.
    pub images_encoded: usize,
    /// See `images_encoded`.
    pub images_reused: usize,
}

/// Builds the site and writes it, replacing the output folder only on success.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let started = Instant::now();
    let mut clock = StageClock::new();
    let (site, mut theme, links) = model(opts, &mut clock, true)?;
    let output_dir = opts
        .output_dir
        .clone()
        .unwrap_or_else(|| opts.root.join("public"));
    let writer = output::Writer::begin(&output_dir)?;
    let statics = output::static_files(&theme, &site);
    // Feeds and open data are made on one thread while the pages render on the others;
    // they are put afterwards, and only at paths no page took (a page wins).
    // Pages go to the writer as they are rendered: the site is never all in memory.
    let (generated, rendered) = rayon::join(
        || output::generated(&site),
        || render::jobs::render_each(&mut theme, &site, &links, &|f| writer.put(&f)),
    );
    let extras = output::merge(vec![statics, generated]);
    let rendered = rendered.and_then(|()| {
        let put_errors: Vec<Diagnostic> = extras
            .par_iter()
            .filter(|f| !writer.has(&f.path))
            .filter_map(|f| writer.put(f).err())
            .collect();
        Diagnostics(put_errors).into_result(())
    });
    clock.lap("templates, feeds, data and write");
    if let Err(e) = rendered {
        writer.abort();
        return Err(e);
    }
    let write = writer.finish()?;
    clock.lap("swap");
    let pages_by_kind = [
        Kind::Plan,
        Kind::News,
        Kind::Procedure,
        Kind::Document,
        Kind::Page,
    ]
    .into_iter()
    .map(|k| (k, site.pages.iter().filter(|p| p.page.kind == k).count()))
    .collect();
    Ok(BuildReport {
        pages_by_kind,
        files: write.written + write.unchanged,
        write,
        output_dir,
        seconds: started.elapsed().as_secs_f64(),
        warnings: warnings(&site.config)
            .into_iter()
            .chain(site.images.warnings.iter().cloned())
            .collect(),
        images_encoded: site.images.encoded,
        images_reused: site.images.reused,
    })
}

/// Settings that are allowed but risky.
fn warnings(config: &Config) -> Vec<String> {
    let mut w = Vec::new();
    if config.unsafe_html {
        w.push(
            "site.toml: warning: unsafe_html = true publishes raw HTML in Markdown as written, scripts \
             included; remove it unless every editor and every pasted text is trusted"
                .to_string(),
        );
    }
    w
}

/// Every stage but the write: the site model and the files it makes.
pub fn build_in_memory(opts: &BuildOptions) -> Result<(Site, Vec<OutputFile>), Diagnostics> {
    let mut clock = StageClock::new();
    let (site, mut theme, links) = model(opts, &mut clock, false)?;
    let pages = render::jobs::render_all(&mut theme, &site, &links)?;
    clock.lap("templates");
    let files = output::merge(vec![
        output::static_files(&theme, &site),
        output::generated(&site),
        pages,
    ]);
    clock.lap("feeds, sitemap, data");
    Ok((site, files))
}

/// The stages up to the site model: configuration, templates, content, Markdown, model.
/// `drop_sources` frees each page's Markdown once rendered (a build does not need it again;
/// at 100,000 pages it is most of a gigabyte).
fn model(
    opts: &BuildOptions,
    clock: &mut StageClock,
    drop_sources: bool,
) -> Result<(Site, render::Theme, LinkContext), Diagnostics> {
    let config = load_config(
        &opts.root,
        &Overrides {
            base_url: opts.base_url.clone(),
        },
    )?;
    let theme = render::load_theme(&opts.root, &config);
    clock.lap("config and templates");
    let files = content::walk::read(&opts.root);
    clock.lap("read content");
    let content = files.and_then(|f| {
        content::parse(
            f,
            ParseOptions {
                drafts: opts.drafts,
            },
        )
    });
    clock.lap("parse front matter");
    let (theme, mut content) = both(theme, content)?;
    let links = link_context(&config, &content);
    // Images are resized while the Markdown renders; a site without images pays nothing.
    let (bodies, images) = rayon::join(
        || render_markdown(&content, &links),
        || crate::images::process(&opts.root, &content.assets),
    );
    let (page_bodies, section_bodies) = bodies?;
    if drop_sources {
        content
            .pages
            .iter_mut()
            .for_each(|p| p.body = String::new());
    }
    clock.lap("markdown and images");
    let today = opts.build_date.unwrap_or_else(build_date);
    let mut site = site::assemble(config, content, page_bodies, section_bodies, today);
    site.images = images;
    clock.lap("site model");
    Ok((site, theme, links))
}

/// Prints how long each stage took when `CONGBO_TIMINGS` is set, to find where time goes.
struct StageClock {
    on: bool,
    last: Instant,
    last_cpu: f64,
}

impl StageClock {
    fn new() -> Self {
        StageClock {
            on: std::env::var_os("CONGBO_TIMINGS").is_some(),
            last: Instant::now(),
            last_cpu: cpu_seconds(),
        }
    }

    fn lap(&mut self, stage: &str) {
        if self.on {
            // CPU time beside wall time shows whether a stage kept every core busy.
            let cpu = cpu_seconds();
            eprintln!(
                "{:>8.1} ms wall {:>8.1} ms cpu  {stage}",
                self.last.elapsed().as_secs_f64() * 1000.0,
                (cpu - self.last_cpu) * 1000.0
            );
            self.last = Instant::now();
            self.last_cpu = cpu;
        }
    }
}

/// User and system CPU time of this process so far, from `/proc/self/stat` (Linux only;
/// 0 elsewhere, where the timings then show wall time alone).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name (which may hold spaces) start at ") ".
    let fields: Vec<&str> = stat
        .rsplit_once(") ")
        .map(|(_, rest)| rest.split(' ').collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the whole line; 100 ticks a second on Linux.
    (ticks(11) + ticks(12)) / 100.0
}

/// Reads and parses `site.toml`.
pub fn load_config(root: &Path, overrides: &Overrides) -> Result<Config, Diagnostics> {
    let path = root.join("site.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        Diagnostic::file("site.toml", format!("could not read site.toml in {} ({e}); run congbo in the site's folder, or pass --root", root.display()))
    })?;
    Ok(config::parse(&text, Path::new("site.toml"), overrides)?)
}

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

/// Today, or the day of `SOURCE_DATE_EPOCH` for reproducible builds.
pub fn build_date() -> Date {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .map(|secs| Date::from_days_since_epoch(secs.div_euclid(86_400)))
        .unwrap_or_else(Date::today_utc)
}
