//! The check stage inside a build, and `congbo check`: the whole build in memory, with
//! only the paths of the files kept, then the check of every link against them.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Mutex;

use super::{BuildOptions, StageClock, languages, model, urls};
use crate::check::{self, external};
use crate::error::{Diagnostic, Diagnostics};
use crate::render::Theme;

/// Checks every language's pages against the files the build makes; errors, warning
/// lines for the rules `[check] warn` names and for unlinked citations (the first
/// `listed` of them each on a line, then a count), and notes (local documents cited, not
/// on the site), which only `congbo check` shows.
pub(super) fn stage(
    parts: &[languages::Part],
    theme: &Theme,
    root: &Path,
    exists: &(dyn Fn(&str) -> bool + Sync),
    listed: usize,
) -> (Diagnostics, Vec<String>, Vec<String>) {
    let sites: Vec<_> = parts.iter().map(|(s, _)| s).collect();
    let found = check::site(&sites, root, exists, &check::template_ids(theme, root));
    let notes = check::not_on_site_line(&found).into_iter().collect();
    let (errors, mut warnings) = check::report(found, &parts[0].0.config.check, listed);
    // Links in static/ that are left out: said, not silently skipped.
    warnings.extend(crate::output::static_entries(theme).warnings);
    // Citations of front matter whose page cannot be told, as the body's are.
    for (site, links) in parts {
        warnings.extend(
            check::basis::doubts(site, links)
                .iter()
                .map(check::warning_line),
        );
    }
    // Partners cells that read as lists but could not be cut: said, not guessed.
    for (site, _) in parts {
        warnings.extend(
            check::agencies::warnings(site)
                .iter()
                .map(check::warning_line),
        );
    }
    (errors, warnings, notes)
}

/// What `congbo check` found that is not an error.
#[derive(Clone, Debug, Default)]
pub struct CheckReport {
    /// Pages and sections whose bodies were checked.
    pub pages: usize,
    /// Links and images checked.
    pub links: usize,
    /// Warning lines.
    pub warnings: Vec<String>,
    /// Notes for the editor that are no problem: the count of local documents cited, not
    /// on the site; agency spellings grouped under another name, and agencies named once;
    /// each plan's tasks by shape, and the lines that looked like tasks but were not taken.
    pub notes: Vec<String>,
}

/// `congbo check`: builds the site in memory (writing nothing) and checks it; with
/// `external`, also every `http(s)://` link, through [`external`]. The outer error is a
/// build that stopped before the check (bad front matter, templates); the check's own
/// errors come with the report.
pub fn check(
    opts: &BuildOptions,
    with_external: bool,
) -> Result<(CheckReport, Diagnostics), Diagnostics> {
    let mut clock = StageClock::new();
    let (parts, mut theme) = model(opts, &mut clock, true, true)?;
    let paths = Mutex::new(HashSet::new());
    let lock_error = || Diagnostic::file("public", "an internal lock was poisoned");
    let keep = |f: crate::output_file::OutputFile| {
        paths.lock().map_err(|_| lock_error())?.insert(f.path);
        Ok(())
    };
    let rendered = languages::render_each(&mut theme, &parts, &keep);
    for f in languages::static_files(&theme, &parts) {
        keep(f)?;
    }
    let mut claims = Vec::new();
    let mut kept = Ok(());
    languages::generated_into(&parts, &mut |f, made| {
        claims.extend(urls::made_claim(&f, made));
        if kept.is_ok() {
            kept = keep(f);
        }
    });
    kept?;
    let paths = paths.into_inner().map_err(|_| lock_error())?;
    clock.lap("templates, feeds, data");
    let (mut errors, mut warnings, mut notes) = stage(
        &parts,
        &theme,
        &opts.root,
        &|p| paths.contains(p),
        check::LISTED_CITATIONS,
    );
    if let Err(e) = rendered {
        errors.extend(e);
    }
    errors.extend(urls::check(&theme, &parts, &opts.root, claims));
    if with_external {
        let sites: Vec<_> = parts.iter().map(|(s, _)| s).collect();
        let found = external::check(&sites, &opts.root, &external::Options::default());
        let (e, w) = check::report(found, &parts[0].0.config.check, 0);
        errors.extend(e);
        warnings.extend(w);
    }
    clock.lap("check");
    let bodies = parts
        .iter()
        .flat_map(|(s, _)| {
            let pages = s.pages.iter().map(|e| &e.rendered);
            pages.chain(s.sections.iter().map(|e| &e.rendered))
        })
        .map(|r| (1, r.refs.links.len() + r.refs.images.len()))
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    notes.extend(parts.iter().flat_map(|(s, _)| check::agencies::notes(s)));
    // Each plan's tasks by shape, and what looked like a task but was not taken.
    notes.extend(parts.iter().flat_map(|(s, _)| check::tasks::notes(s)));
    // What site.toml asks that cannot be done as written, as `build` says it.
    let config = &parts[0].0.config;
    warnings.extend(config.warnings.iter().map(check::warning_line));
    let report = CheckReport {
        pages: bodies.0,
        links: bodies.1,
        warnings,
        notes,
    };
    // Sorted and without repeats, as a failed build lists them.
    Ok((report, errors.into_result(()).err().unwrap_or_default()))
}
