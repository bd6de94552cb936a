//! The template context of each job: which template renders it and what it sees. Views
//! are built here from the site model; planning and rendering are in the parent module.

use std::path::PathBuf;

use rayon::prelude::*;
use tera::Context;

use super::{AGENCY_TASKS_PER_PAGE, CITATIONS_TEMPLATE, FIELD_SHEETS_TEMPLATE, Job, Prepared};
use crate::error::Diagnostic;
use crate::markdown::LinkContext;
use crate::render::Theme;
use crate::render::views::domain::CitedDocumentView;
use crate::render::views::{self, Views};
use crate::site::Site;
use crate::site::agencies::AGENCY_SECTION;
mod groups;
mod lists;

fn cited_documents<'a>(v: &Views<'a>, links: &LinkContext) -> Vec<CitedDocumentView<'a>> {
    v.site
        .documents
        .iter()
        .map(|d| {
            v.cited_document(
                d,
                crate::markdown::links::resolver_for(
                    links.resolver.as_deref(),
                    d.central,
                    &d.query,
                ),
            )
        })
        .collect()
}

fn base_context(v: &Views<'_>, path: &str) -> Context {
    let mut ctx = Context::new();
    ctx.insert("current_path", path);
    ctx.insert("current_url", &v.site.config.url(path));
    ctx.insert("permalink", &v.site.config.permalink(path));
    ctx.insert_value("nav", v.nav_for(path));
    // Only a multilingual site has these (a site in one language pays one test).
    if !v.site.languages.is_empty() {
        let versions = v.site.translations.get(path);
        ctx.insert(
            "translations",
            &versions
                .map(|list| views::alternates(list))
                .unwrap_or_default(),
        );
        ctx.insert(
            "language_switch",
            &views::language_switch(&v.site.languages, versions, &v.site.config.language),
        );
    }
    ctx
}

/// The template and context of one job; an error if its template does not exist.
pub fn prepare(
    theme: &Theme,
    site: &Site,
    links: &LinkContext,
    job: Job,
) -> Result<Prepared, Diagnostic> {
    let v = Views::bare(site).with_citation_lists(theme.has(CITATIONS_TEMPLATE));
    prepare_job(theme, &v, links, job)
}

/// The template and context of many jobs with one shared set of views: page summaries are
/// made once up front, which pays off when the jobs include lists.
pub fn prepare_many(
    theme: &Theme,
    site: &Site,
    links: &LinkContext,
    jobs: &[Job],
) -> Vec<(Job, Result<Prepared, Diagnostic>)> {
    // A handful of jobs (one page and its neighbours) is cheaper without the precomputation.
    let v = if jobs.len() > 32 {
        Views::new(site)
    } else {
        Views::bare(site)
    }
    .with_citation_lists(theme.has(CITATIONS_TEMPLATE));
    jobs.par_iter()
        .map(|j| (*j, prepare_job(theme, &v, links, *j)))
        .collect()
}

/// What a job renders: the site path it is published at, the template, the context, and
/// the front matter place that named the template (for the error when it is missing).
struct Parts {
    path: String,
    template: String,
    ctx: Context,
    origin: Option<(PathBuf, usize)>,
}

impl Parts {
    /// A job with one of the theme's own templates.
    fn theme(path: String, template: &str, ctx: Context) -> Self {
        Parts {
            path,
            template: template.to_string(),
            ctx,
            origin: None,
        }
    }
}

pub(super) fn prepare_job(
    theme: &Theme,
    v: &Views<'_>,
    links: &LinkContext,
    job: Job,
) -> Result<Prepared, Diagnostic> {
    let site = v.site;
    let parts = match job {
        Job::Page(i) => page_job(theme, v, links, i)?,
        Job::Section { section, page } => lists::section_job(v, links, section, page),
        Job::EventMonth { section, month } => lists::event_month_job(v, section, month),
        Job::TaxonomyList(t) => {
            let tax = &site.taxonomies[t];
            let mut ctx = base_context(v, &tax.path);
            ctx.insert("taxonomy", &v.taxonomy_value(t));
            Parts::theme(tax.path.clone(), "taxonomy_list.html", ctx)
        }
        Job::Term {
            taxonomy,
            term,
            page,
        } => lists::term_job(v, taxonomy, term, page),
        Job::AgencyList => {
            let path = AGENCY_SECTION.to_string();
            let mut ctx = base_context(v, &path);
            ctx.insert("agencies", &v.agency_links());
            Parts::theme(path, "agency_list.html", ctx)
        }
        Job::Agency { agency, page } => {
            let a = &site.agencies[agency];
            let path = views::pager_path(&a.path, page);
            let mut ctx = base_context(v, &path);
            ctx.insert("agency", &v.agency(a, page, AGENCY_TASKS_PER_PAGE));
            Parts::theme(path, "agency.html", ctx)
        }
        Job::DocumentsIndex => {
            let path = site
                .documents_index_path()
                .unwrap_or_else(|| "/van-ban/".into());
            let mut ctx = base_context(v, &path);
            ctx.insert("cited_documents", &cited_documents(v, links));
            Parts::theme(path, "documents.html", ctx)
        }
        Job::Citations { document, page } => lists::citations_job(v, links, document, page)?,
        Job::ProcedureSheet(i) => sheet_job(v, links, i),
        Job::FieldSheets(term) => field_sheets_job(v, links, term),
        Job::NotFound => Parts::theme(
            "/404.html".to_string(),
            "404.html",
            base_context(v, "/404.html"),
        ),
        Job::Search => search_job(v),
        Job::Feedback => {
            let path = super::FEEDBACK_PATH.to_string();
            let mut ctx = base_context(v, &path);
            ctx.insert("feedback", &views::feedback::view(&site.config));
            Parts::theme(path, super::FEEDBACK_TEMPLATE, ctx)
        }
        Job::Indexes => {
            let path = super::INDEXES_PATH.to_string();
            let mut ctx = base_context(v, &path);
            let results = site
                .config
                .indexes
                .as_deref()
                .map_or(&[][..], Vec::as_slice);
            ctx.insert("indexes", &views::indexes::view(&site.config, results));
            Parts::theme(path, super::INDEXES_TEMPLATE, ctx)
        }
    };
    finish(theme, site, parts)
}

/// The prepared job, or an error naming the template when the theme does not have it.
fn finish(theme: &Theme, site: &Site, parts: Parts) -> Result<Prepared, Diagnostic> {
    let Parts {
        path,
        template,
        ctx,
        origin,
    } = parts;
    if !theme.has(&template) {
        let msg = crate::tr!(
            en: "the template \"{template}\" does not exist in themes/{}/templates/ or templates/",
            vi: "không có mẫu giao diện \"{template}\" trong themes/{}/templates/ hay templates/",
            site.config.theme
        );
        return Err(match origin {
            Some((file, line)) => Diagnostic::at(file, line, 1, msg),
            None => Diagnostic::file(
                format!("themes/{}/templates/{template}", site.config.theme),
                msg,
            ),
        });
    }
    Ok(Prepared {
        file: crate::content::urls::file_of(&path),
        template,
        context: ctx,
    })
}

/// A context at `path` with page `i` as `page`, its legal citations linked.
fn page_context(v: &Views<'_>, links: &LinkContext, i: usize, path: &str) -> Context {
    let mut ctx = base_context(v, path);
    let basis = |text: &str, own: &str| {
        let mut html = String::new();
        links.link_citations(text, own, &mut html);
        html
    };
    ctx.insert("page", &v.page(i, &basis));
    ctx
}

/// A page, with the template its front matter, its section or its kind names.
fn page_job(
    theme: &Theme,
    v: &Views<'_>,
    links: &LinkContext,
    i: usize,
) -> Result<Parts, Diagnostic> {
    let path = v.site.pages[i].page.path.clone();
    let (template, origin) = page_template(theme, v.site, i)?;
    let ctx = page_context(v, links, i, &path);
    Ok(Parts {
        path,
        template,
        ctx,
        origin,
    })
}

/// A procedure's posting sheet: the page, and a QR code of its address.
fn sheet_job(v: &Views<'_>, links: &LinkContext, i: usize) -> Parts {
    let e = &v.site.pages[i];
    let path = format!("{}in/", e.page.path);
    let mut ctx = page_context(v, links, i, &path);
    ctx.insert("qr_svg", v.qr_svg(i));
    Parts::theme(path, "procedure_sheet.html", ctx)
}

/// A field's page of posting sheets: every procedure in force of the field, each as its
/// own sheet sees it, with its QR code.
fn field_sheets_job(v: &Views<'_>, links: &LinkContext, term: usize) -> Parts {
    let site = v.site;
    let tm = &site.taxonomies[1].terms[term];
    let path = format!("{}in/", tm.path);
    let mut ctx = base_context(v, &path);
    let basis = |text: &str, own: &str| {
        let mut html = String::new();
        links.link_citations(text, own, &mut html);
        html
    };
    let sheets: Vec<_> = crate::site::procedures::field_procedures(site, term)
        .into_iter()
        .map(|i| {
            serde_json::json!({
                "page": v.page(i, &basis),
                "qr_svg": v.qr_svg(i),
            })
        })
        .collect();
    ctx.insert(
        "field",
        &serde_json::json!({
            "name": tm.name,
            "url": site.config.url(&tm.path),
        }),
    );
    ctx.insert("sheets", &sheets);
    Parts::theme(path, FIELD_SHEETS_TEMPLATE, ctx)
}

/// The search page, with the field names its filter offers.
fn search_job(v: &Views<'_>) -> Parts {
    let site = v.site;
    let path = super::SEARCH_PATH.to_string();
    let mut ctx = base_context(v, &path);
    // Only the names of the field terms: the serve check compares them.
    let fields: Vec<&str> = site
        .taxonomies
        .iter()
        .filter(|t| t.name == "fields")
        .flat_map(|t| t.terms.iter().map(|term| term.name.as_str()))
        .collect();
    ctx.insert("search_fields", &fields);
    ctx.insert("search_index", &site.config.url("/search/"));
    Parts::theme(path, "search.html", ctx)
}

/// The template for a page, and the front matter place that asked for it (for errors).
fn page_template(
    theme: &Theme,
    site: &Site,
    i: usize,
) -> Result<(String, Option<(PathBuf, usize)>), Diagnostic> {
    let e = &site.pages[i];
    if let Some(t) = &e.page.template {
        return Ok((t.name.clone(), Some((e.page.file.clone(), t.line))));
    }
    let section = &site.sections[e.section].section;
    if let Some(t) = &section.page_template {
        return Ok((
            t.name.clone(),
            Some((section.file.clone().unwrap_or_default(), t.line)),
        ));
    }
    let by_kind = format!("{}.html", e.page.kind.name());
    Ok((
        if theme.has(&by_kind) {
            by_kind
        } else {
            "page.html".to_string()
        },
        None,
    ))
}
