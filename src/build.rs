//! `build()`: the whole pipeline, one stage per line. Stages are functions from data to
//! data; errors of independent stages (content and templates) are reported together.

mod check;
pub use check::{CheckReport, check};
pub mod languages;
mod model;
mod progress;
mod urls;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::config::{self, Config, Overrides};
use crate::content::Kind;
use crate::error::{Diagnostic, Diagnostics};
use crate::output;
use crate::output_file::OutputFile;
use crate::render;
use crate::site::Site;
use crate::text::date::Date;
use crate::timing::StageClock;
// The Markdown stage over the whole site lives in markdown::bodies (the site model's tests
// run it too); build names it among its stages, as before.
pub use crate::markdown::bodies::{
    link_context, render_markdown, render_markdown_consuming, render_markdown_reusing,
};
use model::model;
use progress::mark;
pub use progress::{Progress, Stage};

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
    /// Write every internal URL of the HTML relative to its page (`--relative-urls`), so
    /// the output works opened from disk.
    pub relative_urls: bool,
    /// Counters a progress display reads while the build runs.
    pub progress: Option<Arc<Progress>>,
    /// Replace everything in the output folder, also files congbo did not write there
    /// (`--clean-output`); without it those are kept, and a folder congbo never built is
    /// refused.
    pub clean_output: bool,
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
    // Config, content, Markdown and the site model (each timed inside).
    let (parts, mut theme) = model(opts, &mut clock, true, true)?;
    let output_dir = (opts.output_dir.clone()).unwrap_or_else(|| opts.root.join("public"));
    let writer = output::Writer::begin(&output_dir, opts.clean_output)?;
    let written = render_and_write(opts, &parts, &mut theme, &writer);
    clock.lap("templates, feeds, data and write");
    // Links are checked against the files the build made, before any of them is published.
    // Notes (local documents not on the site) are for `congbo check` only.
    let (check_errors, check_warnings, _notes) =
        check::stage(&parts, &theme, &opts.root, &|p| writer.has(p), 0);
    clock.lap("check links");
    if let Err(e) = both_stages(written, check_errors) {
        writer.abort();
        return Err(e);
    }
    let (write, kept) = writer.finish()?;
    clock.lap("swap");
    let warnings = check_warnings.into_iter().chain(kept).collect();
    Ok(report(&parts, write, output_dir, started, warnings))
}

/// Renders every language's pages, feeds, open data and static files into `writer`.
/// Feeds and open data are made on one thread while the pages render on the others.
/// Pages go to the writer as they are rendered, and so do the generated files as they
/// are made, except those that may meet a page (redirects) and static files: those are
/// put afterwards, once no URL has two owners ([`urls::check`]). The site is never all in
/// memory.
fn render_and_write(
    opts: &BuildOptions,
    parts: &[languages::Part],
    theme: &mut render::Theme,
    writer: &output::Writer,
) -> Result<(), Diagnostics> {
    let statics = languages::static_files(theme, parts);
    let progress = opts.progress.as_deref();
    if let Some(p) = progress {
        p.start_rendering(parts.iter().map(|(s, _)| render::jobs::plan(s).len()).sum());
    }
    // Relative to the site root: every language's pages live under it.
    let relative = opts
        .relative_urls
        .then(|| output::relative::Relative::new(&parts[0].0.config));
    let put = |f: &OutputFile| match relative.as_ref().and_then(|r| r.apply(f)) {
        Some(rewritten) => writer.put(&rewritten),
        None => writer.put(f),
    };
    let ((held, claims, mut put_errors), rendered) = rayon::join(
        || {
            // At 100,000 pages the search index and open data alone are 280 MB: written
            // as they come, they are never all in memory beside the pages being rendered.
            let mut held = Vec::new();
            let mut claims = Vec::new();
            let mut errors = Vec::new();
            languages::generated_into(parts, &mut |f, made| {
                claims.extend(urls::made_claim(&f, made));
                if output::may_meet_a_page(&f.path) {
                    held.push(f);
                } else if let Err(e) = put(&f) {
                    errors.push(e);
                }
            });
            (held, claims, errors)
        },
        || {
            languages::render_each(theme, parts, &|f| {
                let done = put(&f);
                if let Some(p) = progress {
                    p.tick();
                }
                done
            })
        },
    );
    mark(progress, Stage::Finishing);
    // Two owners of one URL fail the build with every clash. The other files are still
    // staged, so the link check sees the site as it is; what fails to be written at a
    // clash (a file where a folder is needed) is said better by the clash itself.
    let clashes = urls::check(theme, parts, &opts.root, claims);
    // Generated files win over static ones at the same path, pages over both.
    let extras = output::merge(vec![statics, held]);
    if let Err(mut e) = rendered {
        e.extend(clashes);
        return Err(e);
    }
    put_errors.par_extend(
        extras
            .par_iter()
            .filter(|f| !writer.has(&f.path))
            .filter_map(|f| put(f).err()),
    );
    if !clashes.is_empty() {
        return Err(clashes);
    }
    Diagnostics(put_errors).into_result(())
}

/// The errors of writing and of the link check, together.
fn both_stages(written: Result<(), Diagnostics>, check: Diagnostics) -> Result<(), Diagnostics> {
    match written {
        Ok(()) => check.into_result(()),
        Err(mut e) => {
            e.extend(check);
            Diagnostics(e.0).into_result(())
        }
    }
}

/// What the build made, for the command line.
fn report(
    parts: &[languages::Part],
    write: output::WriteReport,
    output_dir: PathBuf,
    started: Instant,
    more_warnings: Vec<String>,
) -> BuildReport {
    let pages_by_kind = [
        Kind::Plan,
        Kind::News,
        Kind::Procedure,
        Kind::Document,
        Kind::Page,
    ]
    .into_iter()
    .map(|k| {
        let count = |s: &Site| s.pages.iter().filter(|p| p.page.kind == k).count();
        (k, parts.iter().map(|(s, _)| count(s)).sum())
    })
    .collect();
    BuildReport {
        pages_by_kind,
        files: write.written + write.unchanged,
        write,
        output_dir,
        seconds: started.elapsed().as_secs_f64(),
        warnings: warnings(&parts[0].0.config)
            .into_iter()
            .chain(parts[0].0.images.warnings.iter().cloned())
            .chain(more_warnings)
            .collect(),
        images_encoded: parts[0].0.images.encoded,
        images_reused: parts[0].0.images.reused,
    }
}

/// Settings that are allowed but risky.
fn warnings(config: &Config) -> Vec<String> {
    let mut w: Vec<String> = config
        .warnings
        .iter()
        .map(crate::check::warning_line)
        .collect();
    if config.unsafe_html {
        w.push(crate::tr!(
            en: "site.toml: warning: unsafe_html = true publishes raw HTML in Markdown as written, scripts included; remove it unless every editor and every pasted text is trusted",
            vi: "site.toml: cảnh báo: unsafe_html = true đăng nguyên văn HTML trong Markdown, kể cả mã script; hãy bỏ dòng này, trừ khi mọi biên tập viên và mọi đoạn văn dán vào đều đáng tin cậy",
        ));
    }
    w
}

/// Every stage but the write: the site model (the main language's) and the files it makes
/// (every language's).
pub fn build_in_memory(opts: &BuildOptions) -> Result<(Site, Vec<OutputFile>), Diagnostics> {
    let mut clock = StageClock::new();
    let (parts, mut theme) = model(opts, &mut clock, false, false)?;
    let pages = std::sync::Mutex::new(Vec::new());
    languages::render_each(&mut theme, &parts, &|f| {
        pages
            .lock()
            .map_err(|_| Diagnostic::file("public", "an internal lock was poisoned"))?
            .push(f);
        Ok(())
    })?;
    let mut pages = pages.into_inner().map_err(|_| {
        Diagnostics::from(Diagnostic::file("public", "an internal lock was poisoned"))
    })?;
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    clock.lap("templates");
    let mut files = output::merge(vec![
        languages::static_files(&theme, &parts),
        languages::generated(&parts),
        pages,
    ]);
    if opts.relative_urls {
        let relative = output::relative::Relative::new(&parts[0].0.config);
        for f in &mut files {
            if let Some(rewritten) = relative.apply(f) {
                *f = rewritten;
            }
        }
    }
    clock.lap("feeds, sitemap, data");
    let site = parts
        .into_iter()
        .next()
        .map(|(s, _)| s)
        .ok_or_else(|| Diagnostics::from(Diagnostic::file("content", "no site was built")))?;
    Ok((site, files))
}

/// The error of every command that needs a site (`build`, `check`, `serve`, `new`) run in a
/// folder without a readable `site.toml`.
pub fn no_site(root: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::file(
        "site.toml",
        crate::tr!(
            en: "could not read site.toml in {} ({e}); run congbo in the site's folder, or pass --root",
            vi: "không đọc được site.toml trong {} ({e}); hãy chạy congbo trong thư mục của trang, hoặc thêm --root",
            root.display()
        ),
    )
}

/// Reads and parses `site.toml`, with the theme's strings in each of the site's languages.
pub fn load_config(root: &Path, overrides: &Overrides) -> Result<Config, Diagnostics> {
    let path = root.join("site.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| no_site(root, &e))?;
    let mut config = config::parse(&text, Path::new("site.toml"), overrides)?;
    let theme_dir = root.join("themes").join(&config.theme);
    let load = |lang: &str| render::i18n::load(root, &theme_dir, lang).map(std::sync::Arc::new);
    let mut errors = Diagnostics::default();
    match load(&config.language) {
        Ok(c) => config.strings = c,
        Err(e) => errors.extend(e),
    }
    for l in &mut config.languages {
        match load(&l.code) {
            Ok(c) => l.strings = c,
            Err(e) => errors.extend(e),
        }
    }
    errors.into_result(config)
}

/// Today, or the day of `SOURCE_DATE_EPOCH` for reproducible builds.
pub fn build_date() -> Date {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .map(|secs| Date::from_days_since_epoch(secs.div_euclid(86_400)))
        .unwrap_or_else(Date::today_utc)
}
