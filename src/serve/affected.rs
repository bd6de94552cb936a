//! Which HTML files an edit under `content/` can change. The content path rebuilds the
//! whole site model, which is cheap; rendering every page is what costs seconds on large
//! sites. This compares the previous model with the new one and names the jobs whose
//! template context can differ; every other file stays as the previous build made it.
//!
//! What each job shows of other pages (`render::views`, `render::jobs::prepare_job`):
//! - a page (and a procedure's sheet): its own fields, body and tasks; its summary, whose
//!   tags and fields carry each term's page count; its newer and older neighbours'
//!   summaries; the titles of the pages that cite its `number`;
//! - a section list page: the summaries of its slice of pages (a procedure section: all of
//!   them, grouped by field); home also the latest news, plans and documents, every
//!   procedure and the surveys and contests open now; the document section also every cited document;
//! - a term page: its slice of pages, and every term of its taxonomy with its count;
//! - an event section's month page: its month's events' summaries, by day and time; home
//!   also the next events;
//! - an abolished procedure's page: also the title and code of the one replacing it;
//! - a field's page of posting sheets: its procedures' pages, as their sheets show them;
//! - agency pages: plans' titles, paths, numbers and tasks;
//! - the documents index: every cited document with its own page's and citers' titles;
//! - a document's list of citing pages: their summaries, and the document as the index
//!   shows it.
//!
//! An edit that changes what every page shows (`site`, configuration), which pages,
//! sections, terms or agencies exist, or any page's path renders all: such edits are
//! rarer, and job indexes stay the same otherwise. Only a term's number of list pages may
//! change (a tag moved between terms): its new list pages are named here, and the caller
//! drops the files of the ones gone. Links (`same_links`) and templates are checked by
//! the caller. Every field every view shows is declared in `shown.rs`, under what it
//! shows and so which comparison here covers it; its test fails on a field not declared, so
//! a view that shows more of another page cannot be missed here.

use std::collections::HashSet;

use rayon::prelude::*;

use crate::content::Kind;
use crate::render::jobs::{self, Job};
use crate::render::views::Views;
use crate::site::Site;

/// The jobs to render again after a content edit.
#[cfg(test)]
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Affected {
    /// Every job.
    All,
    /// Only these, in the order of `all_jobs` (with every job the old plan lacks); the
    /// other jobs' files are unchanged.
    Some(Vec<Job>),
}

/// The jobs of `new` (whose plan is `all_jobs`) whose output can differ from `old`'s.
#[cfg(test)]
pub(super) fn affected_jobs(old: &Site, new: &Site, all_jobs: &[Job]) -> Affected {
    match changed_pages(old, new, all_jobs) {
        Some(changed) => Affected::Some(jobs_of_changed(old, new, all_jobs, &changed, true)),
        None => Affected::All,
    }
}

/// The pages of `new` (whose plan is `all_jobs`) that differ from `old`'s in anything a
/// page or list reads of them, in index order; `None` when the frame changed (what every
/// page shows, which pages, sections, terms or agencies exist, a page's path), which
/// nothing can be kept through.
pub(super) fn changed_pages(old: &Site, new: &Site, all_jobs: &[Job]) -> Option<Vec<usize>> {
    if !same_frame(old, new, &jobs::plan(old), all_jobs) {
        return None;
    }
    // Parallel: on large sites this compares every page body twice over (source and HTML).
    Some(
        (0..new.pages.len())
            .into_par_iter()
            .filter(|&i| page_changed(old, new, i))
            .collect(),
    )
}

/// The jobs of `new` whose output can differ from `old`'s, given the frame is the same and
/// `changed` ([`changed_pages`]) are the pages that differ: in the order of `all_jobs`,
/// with every job the old plan lacks; the other jobs' files are unchanged.
pub(super) fn jobs_of_changed(
    old: &Site,
    new: &Site,
    all_jobs: &[Job],
    changed: &[usize],
    lists: bool,
) -> Vec<Job> {
    let before: HashSet<Job> = jobs::plan(old).into_iter().collect();
    let n = new.pages.len();
    if changed.is_empty() {
        // Nothing a page shows changed, so neither did the plan.
        return Vec::new();
    }
    // Pages whose summary (what lists and neighbours show of them) differs.
    let mut listed = vec![false; n];
    for &i in changed {
        let (a, b) = (summary(old, i), summary(new, i));
        listed[i] = a.is_none() || a != b;
    }
    // A term's count shows in the summary of every page that has it, and on every list
    // of its taxonomy.
    let mut counts_changed = vec![false; new.taxonomies.len()];
    for (t, (a, b)) in old.taxonomies.iter().zip(&new.taxonomies).enumerate() {
        for (x, y) in a.terms.iter().zip(&b.terms) {
            if x.pages.len() != y.pages.len() {
                counts_changed[t] = true;
                for &i in x.pages.iter().chain(&y.pages) {
                    listed[i] = true;
                }
            }
        }
    }
    let is_listed = |i: Option<usize>| i.is_some_and(|i| listed.get(i).copied().unwrap_or(true));
    let mut own: Vec<bool> = (0..n)
        .map(|i| {
            let (a, b) = (&old.pages[i], &new.pages[i]);
            listed[i]
                || a.newer != b.newer
                || a.older != b.older
                || is_listed(b.newer)
                || is_listed(b.older)
        })
        .collect();
    for &i in changed {
        own[i] = true;
    }
    // Lists of citations show the citing pages' titles (their paths cannot have changed).
    let retitled: HashSet<usize> = changed
        .iter()
        .copied()
        .filter(|&i| old.pages[i].page.title != new.pages[i].page.title)
        .collect();
    // What lists of documents show of each document: the document section or index, its
    // list's heading and its own page's "cited by".
    let docs = documents_shown_changed(old, new, changed, &retitled, lists);
    // A document that went away leaves no flag: its old own page is rendered again too.
    let documents_then = old.documents.len().max(new.documents.len());
    for k in (0..documents_then).filter(|&k| docs.get(k).copied().unwrap_or(true)) {
        let owners = (old.documents.get(k).into_iter()).chain(new.documents.get(k));
        for j in owners.filter_map(|d| d.page) {
            if let Some(o) = own.get_mut(j) {
                *o = true;
            }
        }
    }
    // An abolished procedure's page names the procedure that replaces it (its title and
    // code, which its summary holds).
    for (j, o) in own.iter_mut().enumerate() {
        if let crate::site::procedures::Replacement::Page(k) =
            crate::site::procedures::replacement(new, j)
            && listed.get(k).copied().unwrap_or(true)
        {
            *o = true;
        }
    }
    let procedures = changed
        .iter()
        .any(|&i| new.pages[i].page.kind == Kind::Procedure);
    let documents = old.documents.len() != new.documents.len() || docs.iter().any(|&c| c);
    let plans = old.agencies != new.agencies
        || changed
            .iter()
            .any(|&i| new.pages[i].page.kind == Kind::Plan);
    let document_section = new.document_section();
    // Home lists the surveys and contests open now, and their indexes each under its
    // status, by their days (which their summaries do not hold).
    let takes_part = changed.iter().any(|&i| new.pages[i].page.takes_part());
    let home = home_changed(old, new, &listed) || takes_part;
    let select = |job: &Job| match *job {
        Job::Page(i) | Job::ProcedureSheet(i) => own.get(i).copied().unwrap_or(true),
        Job::Section { section, page } => {
            let (Some(a), Some(b)) = (old.sections.get(section), new.sections.get(section)) else {
                return true;
            };
            let per = if jobs::is_grouped(b.section.kind) {
                b.pages.len().max(1)
            } else {
                new.paginate_by(b)
            };
            (b.section.key.is_empty() && home)
                || (takes_part && matches!(b.section.kind, Kind::Survey | Kind::Contest))
                || (documents && document_section == Some(section))
                || slice_changed(&a.pages, &b.pages, page, per, &listed)
        }
        Job::TaxonomyList(t) => counts_changed.get(t).copied().unwrap_or(true),
        Job::Term {
            taxonomy,
            term,
            page,
        } => {
            let a = old.taxonomies.get(taxonomy).and_then(|t| t.terms.get(term));
            let b = new.taxonomies.get(taxonomy).and_then(|t| t.terms.get(term));
            match (a, b) {
                (Some(a), Some(b)) => {
                    counts_changed[taxonomy]
                        || slice_changed(&a.pages, &b.pages, page, new.config.paginate_by, &listed)
                }
                _ => true,
            }
        }
        // A field's sheets show its procedures' pages; which procedures is the frame's.
        Job::FieldSheets(_) => procedures || counts_changed.get(1).copied().unwrap_or(true),
        Job::AgencyList | Job::Agency { .. } => plans,
        Job::DocumentsIndex => documents,
        // A list of citing pages shows the document as lists do, and its slice of their
        // summaries: a citer's new title past the preview changes only its slice.
        Job::Citations { document, page } => {
            let (Some(a), Some(b)) = (old.documents.get(document), new.documents.get(document))
            else {
                return true;
            };
            docs.get(document).copied().unwrap_or(true)
                || slice_changed(
                    &a.cited_by,
                    &b.cited_by,
                    page,
                    jobs::CITATIONS_PER_PAGE,
                    &listed,
                )
        }
        // A month page shows its events' summaries, in order; which months have events
        // (its links to the months before and after) is the plan's, which `same_frame`
        // compares.
        Job::EventMonth { section, month } => {
            let of = |site: &Site| -> Vec<usize> {
                site.sections.get(section).map_or_else(Vec::new, |s| {
                    crate::site::events::by_month(site, &s.pages)
                        .into_iter()
                        .find(|(m, _)| *m == month)
                        .map(|(_, list)| list)
                        .unwrap_or_default()
                })
            };
            let (before, now) = (of(old), of(new));
            // One list page holds the whole month, before and after.
            let per = before.len().max(now.len()).max(1);
            slice_changed(&before, &now, 1, per, &listed)
        }
        // The search page shows the site view and the field terms' names, which
        // `same_frame` compares.
        // The feedback page shows `site.toml` alone, which `same_frame` compares.
        // So does the page of index results: `data/chi-so.toml` is read with it.
        Job::NotFound | Job::Search | Job::Feedback | Job::Indexes => false,
    };
    all_jobs
        .iter()
        .copied()
        .filter(|j| !before.contains(j) || select(j))
        .collect()
}

/// Whether everything every page shows is the same, and the jobs (`before`, `after`) but
/// for the number of each term's list pages.
fn same_frame(old: &Site, new: &Site, before: &[Job], after: &[Job]) -> bool {
    let no_terms = |l: &[Job]| -> Vec<Job> {
        l.iter()
            .copied()
            .filter(|j| !matches!(j, Job::Term { .. }))
            .collect()
    };
    old.pages.len() == new.pages.len()
        && old.pages.iter().zip(&new.pages).all(|(a, b)| {
            a.page.file == b.page.file
                && a.page.path == b.page.path
                && a.page.kind == b.page.kind
                && a.section == b.section
        })
        && old.sections.len() == new.sections.len()
        && old.sections.iter().zip(&new.sections).all(|(a, b)| {
            a.section == b.section && a.rendered == b.rendered && a.subsections == b.subsections
        })
        && old.taxonomies.len() == new.taxonomies.len()
        && old.taxonomies.iter().zip(&new.taxonomies).all(|(a, b)| {
            a.terms.len() == b.terms.len()
                && a.terms
                    .iter()
                    .zip(&b.terms)
                    .all(|(x, y)| x.name == y.name && x.path == y.path)
        })
        && old.agencies.len() == new.agencies.len()
        && old
            .agencies
            .iter()
            .zip(&new.agencies)
            .all(|(a, b)| a.name == b.name && a.path == b.path)
        && old.build_date == new.build_date
        && no_terms(before) == no_terms(after)
        && json(&old.config).is_some_and(|a| json(&new.config) == Some(a))
        && json(&Views::bare(old).site_view())
            .is_some_and(|a| json(&Views::bare(new).site_view()) == Some(a))
}

/// A value's JSON text, for comparing views (`None` never equals anything).
fn json<T: serde::Serialize>(v: &T) -> Option<String> {
    serde_json::to_string(v).ok()
}

/// Whether page `i` differs in anything its own page or any list reads of it.
fn page_changed(old: &Site, new: &Site, i: usize) -> bool {
    let (a, b) = (&old.pages[i], &new.pages[i]);
    a.page != b.page
        || !a.same_body(b)
        || a.tasks != b.tasks
        || a.files != b.files
        || old.tasks.get(i) != new.tasks.get(i)
}

/// Page `i`'s summary as lists show it.
fn summary(site: &Site, i: usize) -> Option<String> {
    json(&Views::bare(site).summary(i))
}

/// Whether page `page` (1-based) of a list with `per` items a page shows other pages, or
/// pages whose summary changed.
fn slice_changed(old: &[usize], new: &[usize], page: usize, per: usize, listed: &[bool]) -> bool {
    let slice = |l: &[usize]| -> Vec<usize> {
        l.iter()
            .skip(page.saturating_sub(1) * per)
            .take(per)
            .copied()
            .collect()
    };
    let items = slice(new);
    items != slice(old)
        || items
            .iter()
            .any(|&i| listed.get(i).copied().unwrap_or(true))
}

/// Whether what home lists besides its own pages (the latest pages of some kinds, the
/// next events, every procedure by field) shows other pages than before, or a page whose
/// summary changed.
fn home_changed(old: &Site, new: &Site, listed: &[bool]) -> bool {
    let next = |s: &Site| crate::site::events::next_events(s, s.config.home_events);
    let events = next(new);
    if events != next(old)
        || events
            .iter()
            .any(|&i| listed.get(i).copied().unwrap_or(true))
    {
        return true;
    }
    let procedure = new
        .pages
        .iter()
        .zip(listed)
        .any(|(p, l)| *l && p.page.kind == Kind::Procedure);
    procedure
        || jobs::HOME_LATEST.iter().any(|&(kind, n)| {
            let latest =
                |s: &Site| -> Vec<usize> { s.pages_of(kind).into_iter().take(n).collect() };
            let now = latest(new);
            now != latest(old) || now.iter().any(|&i| listed.get(i).copied().unwrap_or(true))
        })
}

/// For each document of `new`, whether what lists of documents show of it can differ from
/// `old`'s: anything but its citers past those shown (`CitedDocument::shown_citers`,
/// with `lists` saying whether the theme renders lists of citing pages), how many cite
/// it, its own page (title, issuer), or a shown citer's title. Every document when their
/// number changed. The citers past those shown are only on their slice of its list. On
/// large sites most pages cite the same few decrees: a news title made all their lists
/// (hundreds of pages) render again.
fn documents_shown_changed(
    old: &Site,
    new: &Site,
    changed: &[usize],
    retitled: &HashSet<usize>,
    lists: bool,
) -> Vec<bool> {
    if old.documents.len() != new.documents.len() {
        return vec![true; new.documents.len()];
    }
    let changed: HashSet<usize> = changed.iter().copied().collect();
    old.documents
        .iter()
        .zip(&new.documents)
        .map(|(a, b)| {
            let shown = b.shown_citers(lists);
            a.cited_by.len() != b.cited_by.len()
                || a.shown_citers(lists) != shown
                || !a.same_but_citers(b)
                || (a.page.iter().chain(&b.page)).any(|i| changed.contains(i))
                || shown.iter().any(|i| retitled.contains(i))
        })
        .collect()
}

#[cfg(test)]
mod shown;
#[cfg(test)]
mod tests;
