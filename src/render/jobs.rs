//! What pages the site has and which template renders each: pages, paginated section and
//! taxonomy lists, home, 404. Rendered in parallel; every failure is collected.

mod metrics;
mod owners;
mod prepare;

use rayon::prelude::*;
use tera::Context;

pub use owners::{job_path, made_by};
use prepare::prepare_job;
pub use prepare::{prepare, prepare_many};

use super::Theme;
use super::views::Views;
use crate::content::Kind;
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::LinkContext;
use crate::output_file::{OutputData, OutputFile};
use crate::site::Site;

/// One HTML file to render.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Job {
    /// A page, by index in [`Site::pages`].
    Page(usize),
    /// Page `page` (1-based) of a section's list.
    Section {
        /// Index in [`Site::sections`].
        section: usize,
        /// 1-based list page.
        page: usize,
    },
    /// A taxonomy's list of terms.
    TaxonomyList(usize),
    /// The list of agencies.
    AgencyList,
    /// Page `page` (1-based) of one agency's tasks.
    Agency {
        /// Index in [`Site::agencies`].
        agency: usize,
        /// 1-based list page.
        page: usize,
    },
    /// The index of cited documents, when no document section lists them.
    DocumentsIndex,
    /// Page `page` (1-based) of the list of pages citing a document (one with a
    /// [`list`](crate::site::documents::CitedDocument::list)).
    Citations {
        /// Index in [`Site::documents`].
        document: usize,
        /// 1-based list page.
        page: usize,
    },
    /// A procedure's posting sheet, by page index.
    ProcedureSheet(usize),
    /// The posting sheets of every procedure in force of a field, one A4 page each, by
    /// term index in the `fields` taxonomy.
    FieldSheets(usize),
    /// Page `page` (1-based) of a term's list.
    Term {
        /// Index in [`Site::taxonomies`].
        taxonomy: usize,
        /// Index in the taxonomy's terms.
        term: usize,
        /// 1-based list page.
        page: usize,
    },
    /// `404.html`.
    NotFound,
    /// The search page.
    Search,
    /// The page of feedback channels (phản ánh, kiến nghị), from `site.toml`.
    Feedback,
    /// The page of index results, from `data/chi-so.toml`.
    Indexes,
    /// One month's events of an event section (`/lich/2025-03/`).
    EventMonth {
        /// Index in [`Site::sections`].
        section: usize,
        /// The month.
        month: crate::site::events::Month,
    },
}

/// Task rows on each page of an agency's tasks: a table, so more than a list of summaries
/// (`paginate_by`), but not the thousands a busy agency gathers over the years.
pub const AGENCY_TASKS_PER_PAGE: usize = 50;

/// The template of a document's list of citing pages. A theme made before these lists has
/// none: its site is built without them, and its other lists keep every citing page.
pub const CITATIONS_TEMPLATE: &str = "citations.html";

/// Citing pages on each page of a document's list of them: short rows (a title and a
/// date), so more than a list of summaries holds; a decree cited by 2,000 procedures gets
/// 40 pages, not 200.
pub const CITATIONS_PER_PAGE: usize = 50;

/// The template of a field's page of posting sheets. A theme made before these pages has
/// none: its site is built without them.
pub const FIELD_SHEETS_TEMPLATE: &str = "field_sheets.html";

/// Where the search page is, in every language's folder.
pub const SEARCH_PATH: &str = "/tim-kiem/";

/// Where the page of feedback channels is, in every language's folder.
pub const FEEDBACK_PATH: &str = "/phan-anh-kien-nghi/";

/// The template of the page of feedback channels. A theme made before it has none: its
/// site is built without the page.
pub const FEEDBACK_TEMPLATE: &str = "feedback.html";

/// The template of an event section's month page. A theme made before these pages has
/// none: its site is built without them.
pub const EVENT_MONTH_TEMPLATE: &str = "event_month.html";

/// Where the page of index results is, when the site has `data/chi-so.toml`.
pub const INDEXES_PATH: &str = "/chi-so/";

/// The template of the page of index results.
pub const INDEXES_TEMPLATE: &str = "indexes.html";

/// A job with its output path, template and context: everything its HTML depends on besides
/// the templates and the global `site` view.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// Site path of the output file (`/tin-tuc/abc/index.html`).
    pub file: String,
    /// The template that renders it.
    pub template: String,
    /// The template context.
    pub context: Context,
}

/// Renders every HTML page of the site.
pub fn render_all(
    theme: &mut Theme,
    site: &Site,
    links: &LinkContext,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let files = std::sync::Mutex::new(Vec::new());
    render_each(theme, site, links, &|f| {
        files
            .lock()
            .map_err(|_| Diagnostic::file("public", "an internal lock was poisoned"))?
            .push(f);
        Ok(())
    })?;
    let mut files = files.into_inner().map_err(|_| {
        Diagnostics::from(Diagnostic::file("public", "an internal lock was poisoned"))
    })?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Renders every HTML page of the site in parallel, handing each file to `sink` as soon as
/// it is made, so a build need not hold the whole site in memory. Every error is collected.
pub fn render_each(
    theme: &mut Theme,
    site: &Site,
    links: &LinkContext,
    sink: &(dyn Fn(OutputFile) -> Result<(), Diagnostic> + Sync),
) -> Result<(), Diagnostics> {
    set_globals(theme, site)?;
    let theme: &Theme = theme;
    let mut v = Views::new(site).with_citation_lists(theme.has(CITATIONS_TEMPLATE));
    if theme.has(CACHED_ITEM) {
        v.add_cached_items(&|p| render_item(theme, p));
    }
    let times = metrics::TemplateTimes::from_env();
    let errors: Vec<Diagnostic> = plan(site)
        .par_iter()
        .filter(|j| theme_makes(theme, **j))
        .filter_map(|j| timed_job(theme, &v, links, *j, &times).and_then(sink).err())
        .collect();
    if let Some(table) = times.report() {
        eprintln!(
            "time per template ({} pages):\n{table}",
            site.config.language
        );
    }
    Diagnostics(errors).into_result(())
}

/// Prepares and renders job `j`, adding its times to `times` when they are collected.
fn timed_job(
    theme: &Theme,
    v: &Views<'_>,
    links: &LinkContext,
    j: Job,
    times: &metrics::TemplateTimes,
) -> Result<OutputFile, Diagnostic> {
    if !times.on() {
        return prepare_job(theme, v, links, j).and_then(|p| render(theme, &p));
    }
    let started = std::time::Instant::now();
    let prepared = prepare_job(theme, v, links, j)?;
    let context_made = std::time::Instant::now();
    let file = render(theme, &prepared);
    times.add(
        &prepared.template,
        context_made - started,
        context_made.elapsed(),
    );
    file
}

/// Whether the theme renders job `j`: a theme copied before the search page was added has
/// no `search.html`, and its site is built as before, without the page.
pub fn theme_makes(theme: &Theme, j: Job) -> bool {
    match j {
        Job::Search => theme.has("search.html"),
        Job::Citations { .. } => theme.has(CITATIONS_TEMPLATE),
        Job::FieldSheets(_) => theme.has(FIELD_SHEETS_TEMPLATE),
        Job::Feedback => theme.has(FEEDBACK_TEMPLATE),
        Job::Indexes => theme.has(INDEXES_TEMPLATE),
        Job::EventMonth { .. } => theme.has(EVENT_MONTH_TEMPLATE),
        _ => true,
    }
}

/// Puts the `site` view, which every template sees, into the theme's global context, then
/// renders each template under `cached/` once with that context alone and puts its HTML in
/// the global `cached` map (`cached/footer.html` → `{{ cached.footer | safe }}`): what is the
/// same on every page is rendered once a build, not once a page (Hugo's `partialCached`).
pub fn set_globals(theme: &mut Theme, site: &Site) -> Result<(), Diagnostics> {
    let v = Views::bare(site);
    theme.tera.global_context().insert("site", &v.site_view());
    let mut names: Vec<String> = theme
        .files
        .keys()
        .filter(|n| n.starts_with(CACHED_PREFIX) && n.as_str() != CACHED_ITEM)
        .cloned()
        .collect();
    names.sort();
    let mut cached = std::collections::BTreeMap::new();
    let mut errors = Diagnostics::default();
    for name in names {
        match theme.tera.render(&name, &Context::new()) {
            Ok(html) => {
                let key = name[CACHED_PREFIX.len()..].trim_end_matches(".html");
                cached.insert(key.to_string(), html);
            }
            Err(e) => errors.push(theme.diagnostic(&name, &e)),
        }
    }
    theme.tera.global_context().insert("cached", &cached);
    errors.into_result(())
}

/// Templates rendered once a build by [`set_globals`].
pub(crate) const CACHED_PREFIX: &str = "cached/";

/// The template of one list item, rendered once per page and build with the page's summary
/// as `p` (not by [`set_globals`]); lists get its HTML as `p.cached_item`. The tag, field
/// and section lists of a 10,000-page site show some 50,000 items: laid out once per page
/// they cost a fifth as much.
pub(crate) const CACHED_ITEM: &str = "cached/item.html";

/// [`CACHED_ITEM`] for the summary `p`. An error gives `None`: the lists that show the page
/// then include the template themselves, and report the error with its page.
fn render_item(theme: &Theme, p: &tera::Value) -> Option<String> {
    let mut ctx = Context::new();
    ctx.insert_value("p", p.clone());
    theme.tera.render(CACHED_ITEM, &ctx).ok()
}

/// Every HTML file the site has, in a stable order: pages, section lists, taxonomies,
/// agencies, the documents index, procedure sheets, 404.
pub fn plan(site: &Site) -> Vec<Job> {
    let mut jobs: Vec<Job> = (0..site.pages.len()).map(Job::Page).collect();
    for (i, s) in site.sections.iter().enumerate() {
        let pages = if is_grouped(s.section.kind) {
            1
        } else {
            s.pages.len().div_ceil(site.paginate_by(s)).max(1)
        };
        jobs.extend((1..=pages).map(|page| Job::Section { section: i, page }));
        if s.section.kind == Kind::Event {
            let months = crate::site::events::by_month(site, &s.pages);
            jobs.extend(
                months
                    .into_iter()
                    .map(|(month, _)| Job::EventMonth { section: i, month }),
            );
        }
    }
    for (t, tax) in site.taxonomies.iter().enumerate() {
        if tax.terms.is_empty() {
            continue;
        }
        jobs.push(Job::TaxonomyList(t));
        for (i, term) in tax.terms.iter().enumerate() {
            let pages = term.pages.len().div_ceil(site.config.paginate_by).max(1);
            jobs.extend((1..=pages).map(|page| Job::Term {
                taxonomy: t,
                term: i,
                page,
            }));
        }
    }
    if !site.agencies.is_empty() {
        jobs.push(Job::AgencyList);
        for (agency, a) in site.agencies.iter().enumerate() {
            let pages = a.tasks.len().div_ceil(AGENCY_TASKS_PER_PAGE).max(1);
            jobs.extend((1..=pages).map(|page| Job::Agency { agency, page }));
        }
    }
    if site.documents_index_path().is_some() && site.document_section().is_none() {
        jobs.push(Job::DocumentsIndex);
    }
    for (document, d) in site.documents.iter().enumerate() {
        if d.list.is_some() {
            let pages = d.cited_by.len().div_ceil(CITATIONS_PER_PAGE).max(1);
            jobs.extend((1..=pages).map(|page| Job::Citations { document, page }));
        }
    }
    // An abolished procedure has no posting sheet: it is no longer posted.
    jobs.extend(
        (0..site.pages.len())
            .filter(|i| has_sheet(site, *i))
            .map(Job::ProcedureSheet),
    );
    jobs.extend(field_sheet_terms(site).map(Job::FieldSheets));
    jobs.push(Job::NotFound);
    // Always planned: a page at its path is an error (`content::urls`), not a replacement.
    jobs.push(Job::Search);
    // A site that wrote its own page at these paths before congbo made them keeps it.
    let free = |path: &str| {
        !site.pages.iter().any(|e| e.page.path == path)
            && !site.sections.iter().any(|s| s.section.path == path)
    };
    if free(FEEDBACK_PATH) {
        jobs.push(Job::Feedback);
    }
    if site.config.indexes.is_some() && free(INDEXES_PATH) {
        jobs.push(Job::Indexes);
    }
    jobs
}

/// The jobs that show page `i`'s own body (`content`, `toc`, `word_count`). When only a
/// page's body changed, `congbo serve` renders just these again: a new job that shows a
/// page's body belongs here.
pub fn page_jobs(site: &Site, i: usize) -> Vec<Job> {
    let mut jobs = vec![Job::Page(i)];
    if has_sheet(site, i) {
        jobs.push(Job::ProcedureSheet(i));
        // The field's page of sheets shows its steps.
        let fields = site.taxonomies.get(1).and_then(|t| t.page_terms.get(i));
        jobs.extend(
            fields
                .into_iter()
                .flatten()
                .map(|(t, _)| Job::FieldSheets(*t)),
        );
    }
    jobs
}

/// Whether page `i` is a procedure with a posting sheet: one in force.
fn has_sheet(site: &Site, i: usize) -> bool {
    site.pages
        .get(i)
        .and_then(|p| p.page.procedure.as_ref())
        .is_some_and(|p| p.is_listed())
}

/// The terms of the `fields` taxonomy with procedures in force: each has a page of sheets.
fn field_sheet_terms(site: &Site) -> impl Iterator<Item = usize> + '_ {
    let terms = site.taxonomies.get(1).map_or(0, |t| t.terms.len());
    (0..terms).filter(|&t| !crate::site::procedures::field_procedures(site, t).is_empty())
}

/// Procedure and question sections list all their pages grouped by field, and event
/// sections theirs upcoming then past, survey and contest sections theirs open, to come
/// then closed, bulletin sections theirs by year, instead of paginating.
pub(crate) fn is_grouped(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Procedure
            | Kind::Question
            | Kind::Event
            | Kind::Survey
            | Kind::Contest
            | Kind::Bulletin
    )
}

/// Renders a prepared job (after [`set_globals`]).
pub fn render(theme: &Theme, job: &Prepared) -> Result<OutputFile, Diagnostic> {
    // Rendered straight into bytes: `render` would re-validate every page as UTF-8.
    let mut html = Vec::with_capacity(16 * 1024);
    theme
        .tera
        .render_to(&job.template, &job.context, &mut html)
        .map_err(|e| theme.diagnostic(&job.template, &e))?;
    Ok(OutputFile {
        path: job.file.clone(),
        data: OutputData::Bytes(html),
    })
}

/// How many of the latest news, plans and documents the home page lists; `congbo serve`
/// reads it to tell whether an edit shows there.
pub(crate) const HOME_LATEST: [(Kind, usize); 3] =
    [(Kind::News, 6), (Kind::Plan, 5), (Kind::Document, 5)];
