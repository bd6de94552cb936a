//! `congbo deploy`: brings a target (`[deploy.<name>]` of `site.toml`) to exactly the
//! built site, sending only what changed, in an order and a way that never shows a reader
//! half a site (issue #29). The parts:
//! - [`manifest`]: the built site's files with size and hash, and the target's manifest;
//! - [`plan`]: what to send and remove, and in which order;
//! - [`run`]: the engine that carries a plan out on any [`remote::Remote`];
//! - the targets: [`file`] (`file://`), [`sftp`] (`sftp://`) and [`ftp`] (`ftp://`,
//!   `ftps://`), with [`login`] for what they share to log in, and [`s3`] (`s3://`).
//!
//! Talking to the person (the plan, the question, the progress line, a password) goes
//! through [`Ui`], which the command line implements.

pub mod file;
pub mod ftp;
mod login;
pub mod manifest;
mod messages;
pub mod plan;
pub mod remote;
pub mod run;
pub mod s3;
pub mod sftp;
mod tls;

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::build::{BuildOptions, BuildReport};
use crate::config::deploy::{DeployTarget, DeployUrl};
use crate::error::{Diagnostic, Diagnostics};
pub use messages::done_summary;
use plan::Plan;
use remote::Remote;
pub use run::{Pace, Progressed};

/// What `congbo deploy` was asked to do.
#[derive(Clone, Debug, Default)]
pub struct DeployOptions {
    /// The site folder (with `site.toml`).
    pub root: PathBuf,
    /// The target's name (`[deploy.<name>]`); the first target when `None`.
    pub target: Option<String>,
    /// Print the plan and touch nothing.
    pub dry_run: bool,
    /// Do not ask before sending.
    pub yes: bool,
    /// Send the `public/` the last build made, without building.
    pub no_build: bool,
    /// Files sent at the same time (`--jobs`); the target's `jobs`, else
    /// [`run::DEFAULT_JOBS`], when `None`.
    pub jobs: Option<usize>,
    /// Retries, waits and the manifest's rhythm (its `jobs` is set from the above).
    pub pace: Pace,
}

/// What the person running the deploy sees and answers. The command line implements it;
/// a deploy with no one to ask (`--yes`, no terminal) gets `None` and `false` answers.
pub trait Ui {
    /// The build before the deploy finished.
    fn built(&mut self, report: &BuildReport);
    /// The plan, before anything is sent (`target`: where to).
    fn plan(&mut self, target: &str, plan: &Plan);
    /// Whether to go on with `question`; only asked on a terminal.
    fn confirm(&mut self, question: &str) -> bool;
    /// A secret typed on the terminal (`prompt` says which); `None` when there is no
    /// terminal to ask on.
    fn secret(&mut self, prompt: &str) -> Option<String>;
    /// How far the deploy has gone.
    fn progress(&mut self, p: Progressed);
    /// Whether someone can answer (a terminal).
    fn can_ask(&self) -> bool;
}

/// What a deploy did, for its last line.
#[derive(Clone, Debug)]
pub struct DeployReport {
    /// The target as named in messages.
    pub target: String,
    /// What was (or, with `--dry-run`, would be) done.
    pub plan: Plan,
    /// What was done; `None` when nothing was sent (a dry run, a refusal, nothing to do).
    pub done: Option<run::Done>,
    /// Wall time.
    pub seconds: f64,
    /// Whether the person said no at the question.
    pub declined: bool,
}

/// The target named on the command line, or the first of `site.toml`.
fn choose<'a>(
    targets: &'a [DeployTarget],
    name: Option<&str>,
) -> Result<&'a DeployTarget, Diagnostic> {
    let Some(first) = targets.first() else {
        return Err(Diagnostic::file("site.toml", messages::no_targets()));
    };
    match name {
        None => Ok(first),
        Some(n) => targets.iter().find(|t| t.name == n).ok_or_else(|| {
            let names: Vec<&str> = targets.iter().map(|t| t.name.as_str()).collect();
            Diagnostic::command(messages::unknown_target(n, &names))
        }),
    }
}

/// The site's home pages: `index.html` and each other language's.
fn homes(config: &crate::config::Config) -> Vec<String> {
    std::iter::once("index.html".to_string())
        .chain((config.languages.iter()).map(|l| format!("{}/index.html", l.code.to_lowercase())))
        .collect()
}

/// Opens the target.
fn open(target: &DeployTarget, ui: &mut dyn Ui) -> Result<Box<dyn Remote>, Diagnostic> {
    let at = || Diagnostic::at("site.toml", target.line, 1, String::new());
    match &target.url {
        DeployUrl::File(path) => Ok(Box::new(file::Folder::new(path))),
        DeployUrl::Sftp { .. } => sftp::connect(target, ui)
            .map(|s| Box::new(s) as Box<dyn Remote>)
            .map_err(|message| Diagnostic { message, ..at() }),
        DeployUrl::Ftp { .. } => ftp::connect(target, ui)
            .map(|s| Box::new(s) as Box<dyn Remote>)
            .map_err(|message| Diagnostic { message, ..at() }),
        DeployUrl::S3 { .. } => s3::connect(target)
            .map(|s| Box::new(s) as Box<dyn Remote>)
            .map_err(|message| Diagnostic { message, ..at() }),
    }
}

/// Runs `congbo deploy`.
pub fn deploy(opts: &DeployOptions, ui: &mut dyn Ui) -> Result<DeployReport, Diagnostics> {
    let started = Instant::now();
    let text = std::fs::read_to_string(opts.root.join("site.toml"))
        .map_err(|e| crate::build::no_site(&opts.root, &e))?;
    let config = crate::config::parse(
        &text,
        Path::new("site.toml"),
        &crate::config::Overrides::default(),
    )?;
    let target = choose(&config.deploy, opts.target.as_deref())?;
    let out_dir = opts.root.join("public");
    // An S3 target is only settings and keys, no connection: settled before the build, so
    // that a key missing from the environment says so at once, not after a long build.
    let settled = match target.url {
        DeployUrl::S3 { .. } => Some(open(target, ui)?),
        _ => None,
    };
    if !opts.no_build {
        let report = crate::build::build(&BuildOptions {
            root: opts.root.clone(),
            ..BuildOptions::default()
        })?;
        ui.built(&report);
    }
    let local = manifest::local(&out_dir)?;
    let mut remote = match settled {
        Some(r) => r,
        None => open(target, ui)?,
    };
    let name = remote.name();
    let fail = |f: run::Failure| Diagnostics(vec![messages::failure(&name, &f)]);
    let bytes =
        run::retried(&opts.pace, || remote.read(manifest::REMOTE_MANIFEST)).map_err(|e| {
            fail(run::Failure {
                path: manifest::REMOTE_MANIFEST.into(),
                doing: "fetch",
                reply: e.message,
            })
        })?;
    let there = manifest::parse_remote(bytes.as_deref()).map_err(|reply| {
        Diagnostic::file(format!("{name}/{}", manifest::REMOTE_MANIFEST), reply)
    })?;
    let plan = Plan::new(&local, &there, &homes(&config));
    ui.plan(&name, &plan);
    let mut report = DeployReport {
        target: name.clone(),
        plan,
        done: None,
        seconds: 0.0,
        declined: false,
    };
    if opts.dry_run || report.plan.is_empty() {
        report.seconds = started.elapsed().as_secs_f64();
        return Ok(report);
    }
    if !opts.yes && ui.can_ask() && !ui.confirm(&messages::question(&name)) {
        report.declined = true;
        report.seconds = started.elapsed().as_secs_f64();
        return Ok(report);
    }
    let done = run::carry_out(
        &report.plan,
        &out_dir,
        remote.as_mut(),
        there,
        Pace {
            jobs: (opts.jobs.or(target.jobs)).unwrap_or(run::DEFAULT_JOBS),
            ..opts.pace
        },
        &mut |p| ui.progress(p),
    )
    .map_err(fail)?;
    report.done = Some(done);
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}
