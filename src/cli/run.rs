//! Running the commands that report on a site's files: `congbo build` (with its progress
//! line and what a failure means for the output folder), `congbo check` and
//! `congbo import`; each prints in plain words and gives the exit status.

use std::path::PathBuf;
use std::sync::Arc;

use super::{messages, progress};
use crate::build::{BuildOptions, Progress, build};

/// `congbo build`.
pub(super) fn build_site(mut opts: BuildOptions) -> i32 {
    // What a failed build says about the output folder is what was there before.
    // (`-o` is taken from the current folder, as the build takes it.)
    let shown = opts
        .output_dir
        .clone()
        .unwrap_or_else(|| PathBuf::from("public"));
    let out_dir = opts
        .output_dir
        .clone()
        .unwrap_or_else(|| opts.root.join("public"));
    let existed = out_dir.exists();
    let counters = Arc::new(Progress::default());
    let display = progress::Display::start(Arc::clone(&counters));
    opts.progress = display.is_some().then_some(counters);
    let result = build(&opts);
    if let Some(d) = display {
        d.finish();
    }
    match result {
        Ok(r) => {
            for w in &r.warnings {
                eprintln!("{w}");
            }
            println!("{}", messages::build_summary(&r));
            0
        }
        Err(errors) => {
            let said = messages::output_after_failure(&shown, existed, out_dir.exists());
            eprintln!("{errors} {said}");
            1
        }
    }
}

/// `congbo check` (`external`: links to other sites asked too).
pub(super) fn check_site(opts: BuildOptions, external: bool) -> i32 {
    match crate::build::check(&opts, external) {
        Ok((report, errors)) => {
            for d in &errors.0 {
                eprintln!("{d}");
            }
            for w in &report.warnings {
                eprintln!("{w}");
            }
            for note in &report.notes {
                println!("{note}");
            }
            let n = errors.0.len();
            println!(
                "{}",
                messages::check_summary(&report, n, report.warnings.len())
            );
            i32::from(n > 0)
        }
        Err(errors) => {
            eprintln!("{errors}");
            1
        }
    }
}

/// `congbo import`.
pub(super) fn import_files(opts: crate::import::ImportOptions) -> i32 {
    let (done, errors) = crate::import::import(&opts);
    for i in &done {
        println!("{}", messages::imported(&i.source, &i.page, opts.dry_run));
        for line in &i.lines {
            println!("  {line}");
        }
        for w in &i.warnings {
            eprintln!("  {}: {w}", crate::tr!(en: "warning", vi: "cảnh báo"));
        }
    }
    for e in &errors {
        eprintln!("{e}");
    }
    i32::from(!errors.is_empty())
}
