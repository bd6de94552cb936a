//! The jobs that list pages a page at a time: sections (and the home page), terms, a
//! document's citing pages, and an event section's months.

use super::groups::{field_groups, home, question_fields};
use super::{Parts, base_context, cited_documents};
use crate::content::Kind;
use crate::error::Diagnostic;
use crate::markdown::LinkContext;
use crate::render::jobs::{
    CITATIONS_PER_PAGE, CITATIONS_TEMPLATE, EVENT_MONTH_TEMPLATE, is_grouped,
};
use crate::render::views::{self, CitationsView, SectionView, TermView, Views};
use crate::site::events::{Month, month_path};

/// Page `page` of a section's list; the home page is the root section.
pub(super) fn section_job(
    v: &Views<'_>,
    links: &LinkContext,
    section: usize,
    page: usize,
) -> Parts {
    let site = v.site;
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
    match s.section.kind {
        Kind::Procedure => ctx.insert("procedure_fields", &field_groups(v, &s.pages)),
        Kind::Question => {
            ctx.insert("question_fields", &question_fields(v, &s.pages));
            let ld = v.faq_page_json_ld(&s.section.title, &s.section.path, &s.pages);
            ctx.insert("questions_json_ld", &ld);
        }
        Kind::Event => ctx.insert("event_lists", &v.event_lists(section)),
        Kind::Survey | Kind::Contest => ctx.insert("survey_lists", &v.survey_lists(&s.pages)),
        Kind::Bulletin => ctx.insert("bulletin_years", &v.bulletin_years(&s.pages)),
        _ => {}
    }
    if site.document_section() == Some(section) {
        ctx.insert("cited_documents", &cited_documents(v, links));
    }
    let is_home = s.section.key.is_empty();
    if is_home {
        ctx.insert("home", &home(v));
    }
    match &s.section.template {
        Some(t) => Parts {
            path,
            template: t.name.clone(),
            ctx,
            origin: Some((s.section.file.clone().unwrap_or_default(), t.line)),
        },
        None if is_home => Parts::theme(path, "index.html", ctx),
        None => Parts::theme(path, "section.html", ctx),
    }
}

/// Month `month`'s page of event section `section`.
pub(super) fn event_month_job(v: &Views<'_>, section: usize, month: Month) -> Parts {
    let path = month_path(&v.site.sections[section].section.path, month);
    let mut ctx = base_context(v, &path);
    ctx.insert("event_month", &v.event_month(section, month));
    Parts::theme(path, EVENT_MONTH_TEMPLATE, ctx)
}

/// Page `page` of a taxonomy term's list.
pub(super) fn term_job(v: &Views<'_>, taxonomy: usize, term: usize, page: usize) -> Parts {
    let site = v.site;
    let tm = &site.taxonomies[taxonomy].terms[term];
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
            paginator: views::paginator(&site.config, &tm.path, page, tm.pages.len(), per_page),
            // A theme without `field_sheets.html` makes no such page, and its term
            // template (older than the page) does not link there.
            sheets_url: (site.taxonomies[taxonomy].name == "fields"
                && !crate::site::procedures::field_procedures(site, term).is_empty())
            .then(|| site.config.url(&format!("{}in/", tm.path))),
        },
    );
    Parts::theme(path, "taxonomy_term.html", ctx)
}

/// Page `page` of the list of pages citing a much-cited document.
pub(super) fn citations_job(
    v: &Views<'_>,
    links: &LinkContext,
    document: usize,
    page: usize,
) -> Result<Parts, Diagnostic> {
    let site = v.site;
    let d = &site.documents[document];
    // `plan` makes these jobs only for documents with a list; anything else is a bug,
    // which must not write over the home page (an empty path).
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
            document: v.cited_document(
                d,
                crate::markdown::links::resolver_for(
                    links.resolver.as_deref(),
                    d.central,
                    &d.query,
                ),
            ),
            url: site.config.url(&path),
            permalink: site.config.permalink(&path),
            pages: v.summaries_of(&d.cited_by, page, per_page),
            paginator: views::paginator(&site.config, &base, page, d.cited_by.len(), per_page),
        },
    );
    Ok(Parts::theme(path, CITATIONS_TEMPLATE, ctx))
}
