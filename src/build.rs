//! `build()`, `check()` and `build_in_memory()`: the one pipeline (`pipeline.rs`) run with
//! what each needs, into the publishing writer, only paths, or memory (`sink.rs`). Stages
//! are functions from data to data; errors of independent stages (content and templates)
//! are reported together.

mod check;
pub use check::{CheckReport, check, check_given};
pub mod languages;
pub mod pipeline;
mod progress;
mod sink;
mod urls;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::config::{self, Config, Overrides};
use crate::content::Kind;
use crate::error::{Diagnostic, Diagnostics};
use crate::output;
use crate::output_file::OutputFile;
use crate::render;
use crate::site::Site;
use crate::text::date::Date;
// The Markdown stage over the whole site lives in markdown::bodies (the site model's tests
// run it too); build names it among its stages, as before.
pub use crate::markdown::bodies::{
    link_context, render_markdown, render_markdown_consuming, render_markdown_reusing,
};
use pipeline::{Made, Plan};
pub use progress::{Progress, Stage};
pub use sink::Sink;

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
    /// Pages by kind: plan, news, procedure, document, question, page.
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

/// Builds the site and writes it, replacing the output folder only on success: the
/// pipeline's stages up to the site model, then rendered and output into the publishing
/// writer and checked before any file is published.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let started = Instant::now();
    let config = pipeline::config(opts)?;
    // Notes (local documents not on the site) are for `congbo check` only.
    let mut model = pipeline::model(opts, config, Plan::checked(0))?;
    let output_dir = (opts.output_dir.clone()).unwrap_or_else(|| opts.root.join("public"));
    let writer = output::Writer::begin(&output_dir, opts.clean_output)?;
    let Made {
        errors, warnings, ..
    } = pipeline::make(opts, &mut model, &writer);
    if !errors.is_empty() {
        writer.abort();
        return Err(errors.into_result(()).err().unwrap_or_default());
    }
    let (write, kept) = writer.finish()?;
    model.lap("swap");
    let warnings = warnings.into_iter().chain(kept).collect();
    Ok(report(&model.parts, write, output_dir, started, warnings))
}

/// What the build made, for the command line.
fn report(
    parts: &[languages::Part],
    write: output::WriteReport,
    output_dir: PathBuf,
    started: Instant,
    more_warnings: Vec<String>,
) -> BuildReport {
    let pages_by_kind = Kind::ALL
        .into_iter()
        .map(|k| {
            let count = |s: &Site| s.pages.iter().filter(|p| p.page.kind == k).count();
            (k, parts.iter().map(|p| count(&p.site)).sum())
        })
        .collect();
    BuildReport {
        pages_by_kind,
        files: write.written + write.unchanged,
        write,
        output_dir,
        seconds: started.elapsed().as_secs_f64(),
        warnings: warnings(&parts[0].site.config)
            .into_iter()
            .chain(parts[0].site.images.warnings.iter().cloned())
            .chain(more_warnings)
            .collect(),
        images_encoded: parts[0].site.images.encoded,
        images_reused: parts[0].site.images.reused,
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

/// Every stage but the write and the check: the site model (the main language's) and the
/// files it makes (every language's), sorted by path.
pub fn build_in_memory(opts: &BuildOptions) -> Result<(Site, Vec<OutputFile>), Diagnostics> {
    let config = pipeline::config(opts)?;
    let mut model = pipeline::model(opts, config, Plan::in_memory())?;
    let files = sink::Memory::default();
    let made = pipeline::make(opts, &mut model, &files);
    made.errors.into_result(())?;
    let files = files.into_files()?;
    let site = (model.parts.into_iter().next())
        .map(|p| p.site)
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
    // The index results: the page `/chi-so/` exists when this file does.
    let indexes = root.join(config::indexes::FILE);
    if indexes.is_file() {
        match std::fs::read_to_string(&indexes) {
            Ok(text) => match config::indexes::parse(&text, Path::new(config::indexes::FILE)) {
                Ok(list) => config.indexes = Some(std::sync::Arc::new(list)),
                Err(es) => es.into_iter().for_each(|d| errors.push(d)),
            },
            Err(e) => errors.push(Diagnostic::file(
                config::indexes::FILE,
                crate::tr!(en: "cannot be read: {e}", vi: "không đọc được: {e}"),
            )),
        }
    }
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
