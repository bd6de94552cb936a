//! The check stage inside a build, and `congbo check`: the whole build in memory, with
//! only the paths of the files kept, then the check of every link against them.

use std::path::Path;

use super::pipeline::{self, Made, Plan, Texts};
use super::sink::{Paths, Sink};
use super::{BuildOptions, languages};
use crate::check::{self, external};
use crate::content::walk::ContentFiles;
use crate::error::Diagnostics;
use crate::render::Theme;

/// Checks every language's pages against the files the build put into `sink`; errors,
/// warning lines for the rules `[check] warn` names and for unlinked citations (the first
/// `listed` of them each on a line, then a count), and notes (local documents cited, not
/// on the site), which only `congbo check` shows.
pub(super) fn stage(
    parts: &[languages::Part],
    theme: &Theme,
    root: &Path,
    sink: &dyn Sink,
    listed: usize,
) -> Made {
    let sites: Vec<_> = parts.iter().map(|p| &p.site).collect();
    let exists = |p: &str| sink.has(p);
    let found = check::site(&sites, root, &exists, &check::template_ids(theme, root));
    let notes = check::not_on_site_line(&found).into_iter().collect();
    let (errors, mut warnings) = check::report(found, &parts[0].site.config.check, listed);
    // Links in static/ that are left out: said, not silently skipped.
    warnings.extend(crate::output::static_entries(theme).warnings);
    // Citations of front matter whose page cannot be told, as the body's are.
    for languages::Part { site, links } in parts {
        warnings.extend(
            check::basis::doubts(site, links)
                .iter()
                .map(check::warning_line),
        );
    }
    // Partners cells that read as lists but could not be cut: said, not guessed.
    for languages::Part { site, .. } in parts {
        warnings.extend(
            check::agencies::warnings(site)
                .iter()
                .map(check::warning_line),
        );
    }
    Made {
        errors,
        warnings,
        notes,
    }
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
    check_texts(opts, with_external, Texts::Disk)
}

/// [`check`] of the site with these texts of `content/` instead of the disk's (the
/// browser editor checks a page before publishing it, with the page as typed).
pub fn check_given(
    opts: &BuildOptions,
    files: ContentFiles,
) -> Result<(CheckReport, Diagnostics), Diagnostics> {
    check_texts(opts, false, Texts::Given(Ok(files)))
}

fn check_texts(
    opts: &BuildOptions,
    with_external: bool,
    texts: Texts,
) -> Result<(CheckReport, Diagnostics), Diagnostics> {
    let config = pipeline::config(opts)?;
    let mut plan = Plan::checked(check::LISTED_CITATIONS);
    plan.texts = texts;
    let mut model = pipeline::model(opts, config, plan)?;
    let Made {
        mut errors,
        mut warnings,
        mut notes,
    } = pipeline::make(opts, &mut model, &Paths::default());
    let parts = &model.parts;
    if with_external {
        let sites: Vec<_> = parts.iter().map(|p| &p.site).collect();
        let found = external::check(&sites, &opts.root, &external::Options::default());
        let (e, w) = check::report(found, &parts[0].site.config.check, 0);
        errors.extend(e);
        warnings.extend(w);
    }
    let bodies = parts
        .iter()
        .flat_map(|p| {
            let s = &p.site;
            let pages = s.pages.iter().map(|e| &*e.rendered);
            pages.chain(s.sections.iter().map(|e| &e.rendered))
        })
        .map(|r| (1, r.refs.links.len() + r.refs.images.len()))
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    notes.extend(parts.iter().flat_map(|p| check::agencies::notes(&p.site)));
    // Each plan's tasks by shape, and what looked like a task but was not taken.
    notes.extend(parts.iter().flat_map(|p| check::tasks::notes(&p.site)));
    // What site.toml asks that cannot be done as written, as `build` says it.
    let config = &parts[0].site.config;
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
