//! The template context of each job: which template renders it and what it sees. Views
//! are built here from the site model; planning and rendering are in the parent module.

use rayon::prelude::*;
use tera::Context;

use super::{
    AGENCY_TASKS_PER_PAGE, CITATIONS_PER_PAGE, CITATIONS_TEMPLATE, Job, Prepared, is_grouped,
};
use crate::error::Diagnostic;
use crate::markdown::LinkContext;
use crate::render::Theme;
use crate::render::views::domain::{CitedDocumentView, qr_svg};
use crate::render::views::{self, CitationsView, SectionView, TermView, Views};
use crate::site::Site;
use crate::site::agencies::AGENCY_SECTION;
mod groups;
use groups::{field_groups, home};

fn cited_documents<'a>(v: &Views<'a>, links: &LinkContext) -> Vec<CitedDocumentView<'a>> {
    v.site
        .documents
        .iter()
        .map(|d| v.cited_document(d, links.citation_url(&d.number, "")))
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

pub(super) fn prepare_job(
    theme: &Theme,
    v: &Views<'_>,
    links: &LinkContext,
    job: Job,
) -> Result<Prepared, Diagnostic> {
    let site = v.site;
    let (path, template, ctx, origin) = match job {
        Job::Page(i) => {
            let e = &site.pages[i];
            let (template, origin) = page_template(theme, site, i)?;
            let mut ctx = base_context(v, &e.page.path);
            let basis = |text: &str, own: &str| {
                let mut html = String::new();
                links.link_citations(text, own, &mut html);
                html
            };
            ctx.insert("page", &v.page(i, &basis));
            (e.page.path.clone(), template, ctx, origin)
        }
        Job::Section { section, page } => {
            let s = &site.sections[section];
            let path = views::pager_path(&s.section.path, page);
            let mut ctx = base_context(v, &path);
            let per_page = if is_grouped(s.section.kind) {
                s.pages.len().max(1)
            } else {
                site.paginate_by(s)
            };
            let items = v.summaries_of(&s.pages, page, per_page);
            ctx.insert(
                "section",
                &SectionView {
                    title: &s.section.title,
                    description: s.section.description.as_deref(),
                    url: site.config.url(&s.section.path),
                    permalink: site.config.permalink(&s.section.path),
                    path: &s.section.path,
                    kind: s.section.kind,
                    content: v.body(&s.rendered.html, &s.section.path, true),
                    pages: items,
                    subsections: s
                        .subsections
                        .iter()
                        .map(|c| v.section_link(&site.sections[*c]))
                        .collect(),
                    paginator: views::paginator(
                        &site.config,
                        &s.section.path,
                        page,
                        s.pages.len(),
                        per_page,
                    ),
                    extra: &s.section.extra,
                },
            );
            if is_grouped(s.section.kind) {
                ctx.insert("procedure_fields", &field_groups(v, &s.pages));
            }
            if site.document_section() == Some(section) {
                ctx.insert("cited_documents", &cited_documents(v, links));
            }
            let is_home = s.section.key.is_empty();
            if is_home {
                ctx.insert("home", &home(v));
            }
            let default = if is_home {
                "index.html"
            } else {
                "section.html"
            };
            let (template, origin) = match &s.section.template {
                Some(t) => (
                    t.name.clone(),
                    Some((s.section.file.clone().unwrap_or_default(), t.line)),
                ),
                None => (default.to_string(), None),
            };
            (path, template, ctx, origin)
        }
        Job::TaxonomyList(t) => {
            let tax = &site.taxonomies[t];
            let mut ctx = base_context(v, &tax.path);
            ctx.insert("taxonomy", &v.taxonomy_value(t));
            (
                tax.path.clone(),
                "taxonomy_list.html".to_string(),
                ctx,
                None,
            )
        }
        Job::Term {
            taxonomy,
            term,
            page,
        } => {
            let tax = &site.taxonomies[taxonomy];
            let tm = &tax.terms[term];
            let path = views::pager_path(&tm.path, page);
            let per_page = site.config.paginate_by;
            let mut ctx = base_context(v, &path);
            ctx.insert("taxonomy", &v.taxonomy_value(taxonomy));
            ctx.insert(
                "term",
                &TermView {
                    name: &tm.name,
                    url: site.config.url(&tm.path),
                    permalink: site.config.permalink(&tm.path),
                    pages: v.summaries_of(&tm.pages, page, per_page),
                    paginator: views::paginator(
                        &site.config,
                        &tm.path,
                        page,
                        tm.pages.len(),
                        per_page,
                    ),
                },
            );
            (path, "taxonomy_term.html".to_string(), ctx, None)
        }
        Job::AgencyList => {
            let path = AGENCY_SECTION.to_string();
            let mut ctx = base_context(v, &path);
            ctx.insert("agencies", &v.agency_links());
            (path, "agency_list.html".to_string(), ctx, None)
        }
        Job::Agency { agency, page } => {
            let a = &site.agencies[agency];
            let path = views::pager_path(&a.path, page);
            let mut ctx = base_context(v, &path);
            ctx.insert("agency", &v.agency(a, page, AGENCY_TASKS_PER_PAGE));
            (path, "agency.html".to_string(), ctx, None)
        }
        Job::DocumentsIndex => {
            let path = site
                .documents_index_path()
                .unwrap_or_else(|| "/van-ban/".into());
            let mut ctx = base_context(v, &path);
            ctx.insert("cited_documents", &cited_documents(v, links));
            (path, "documents.html".to_string(), ctx, None)
        }
        Job::Citations { document, page } => {
            let d = &site.documents[document];
            // `plan` makes these jobs only for documents with a list; anything else is a
            // bug, which must not write over the home page (an empty path).
            let Some(base) = d.list.clone() else {
                return Err(Diagnostic::file(
                    "public",
                    format!("internal error: {} has no list of citing pages", d.number),
                ));
            };
            let path = views::pager_path(&base, page);
            let per_page = CITATIONS_PER_PAGE;
            let mut ctx = base_context(v, &path);
            ctx.insert(
                "citations",
                &CitationsView {
                    document: v.cited_document(d, links.citation_url(&d.number, "")),
                    url: site.config.url(&path),
                    permalink: site.config.permalink(&path),
                    pages: v.summaries_of(&d.cited_by, page, per_page),
                    paginator: views::paginator(
                        &site.config,
                        &base,
                        page,
                        d.cited_by.len(),
                        per_page,
                    ),
                },
            );
            (path, CITATIONS_TEMPLATE.to_string(), ctx, None)
        }
        Job::ProcedureSheet(i) => {
            let e = &site.pages[i];
            let path = format!("{}in/", e.page.path);
            let mut ctx = base_context(v, &path);
            let basis = |text: &str, own: &str| {
                let mut html = String::new();
                links.link_citations(text, own, &mut html);
                html
            };
            ctx.insert("page", &v.page(i, &basis));
            ctx.insert(
                "qr_svg",
                &qr_svg(&site.config.permalink(&e.page.path)).unwrap_or_default(),
            );
            (path, "procedure_sheet.html".to_string(), ctx, None)
        }
        Job::NotFound => (
            "/404.html".to_string(),
            "404.html".to_string(),
            base_context(v, "/404.html"),
            None,
        ),
        Job::Search => {
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
            (path, "search.html".to_string(), ctx, None)
        }
    };
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
    let file = if path.ends_with(".html") {
        path
    } else {
        format!("{path}index.html")
    };
    Ok(Prepared {
        file,
        template,
        context: ctx,
    })
}

/// The template for a page, and the front matter place that asked for it (for errors).
fn page_template(
    theme: &Theme,
    site: &Site,
    i: usize,
) -> Result<(String, Option<(std::path::PathBuf, usize)>), Diagnostic> {
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
