//! The views that gather pages from across the site: procedures grouped by field (the
//! procedure section and the home page), questions grouped by field, and the home page's
//! latest items.

use super::super::HOME_LATEST;
use crate::content::Kind;
use crate::render::views::{FieldGroup, HomeView, QuestionGroup, Views};
use crate::site::questions::{group_by_field, question_groups};

/// Procedures grouped by field, fields and procedures in Vietnamese alphabetical order.
pub(super) fn field_groups<'a>(v: &Views<'a>, pages: &[usize]) -> Vec<FieldGroup<'a>> {
    let site = v.site;
    // Abolished procedures leave the index; their pages stay.
    let listed: Vec<usize> = pages
        .iter()
        .copied()
        .filter(|&i| {
            site.pages[i]
                .page
                .procedure
                .as_ref()
                .is_some_and(|p| p.is_listed())
        })
        .collect();
    let groups = group_by_field(&listed, |i| {
        site.pages[i]
            .page
            .procedure
            .as_ref()
            .and_then(|p| p.field.as_deref())
    });
    groups
        .into_iter()
        .map(|(name, mut list)| {
            // The model's precomputed keys: the same order as collate::compare on titles.
            list.sort_by(|a, b| site.pages[*a].title_key.cmp(&site.pages[*b].title_key));
            field_group(v, name, list)
        })
        .collect()
}

/// Questions grouped by field, fields in Vietnamese alphabetical order, each field's
/// questions in `pages`' order (a question section's: newest answered first).
pub(super) fn question_fields<'a>(v: &Views<'a>, pages: &[usize]) -> Vec<QuestionGroup<'a>> {
    question_groups(v.site, pages)
        .into_iter()
        .map(|(name, list)| QuestionGroup {
            name,
            url: field_url(v, name),
            questions: list.into_iter().map(|i| v.summary_value(i)).collect(),
        })
        .collect()
}

/// The field's page, when the `fields` taxonomy has it.
fn field_url(v: &Views<'_>, name: &str) -> Option<String> {
    v.site.taxonomies[1]
        .term(name)
        .map(|t| v.site.config.url(&t.path))
}

/// One field's group of procedures.
fn field_group<'a>(v: &Views<'a>, name: &'a str, list: Vec<usize>) -> FieldGroup<'a> {
    FieldGroup {
        name,
        url: field_url(v, name),
        procedures: list.into_iter().map(|i| v.summary_value(i)).collect(),
    }
}

/// The home page: the latest of each kind, the next events and the procedures by field.
pub(super) fn home<'a>(v: &Views<'a>) -> HomeView<'a> {
    let site = v.site;
    let latest = |kind: Kind, n: usize| {
        site.pages_of(kind)
            .into_iter()
            .take(n)
            .map(|i| v.summary_value(i))
            .collect::<Vec<_>>()
    };
    let section_url = |kind: Kind| {
        site.sections
            .iter()
            .find(|s| s.section.kind == kind && s.section.parent.as_deref() == Some(""))
            .map(|s| site.config.url(&s.section.path))
    };
    let mut procedures = site.pages_of(Kind::Procedure);
    procedures.retain(|&i| !site.pages[i].page.is_abolished_procedure());
    let [news, plans, documents] = HOME_LATEST.map(|(kind, n)| latest(kind, n));
    HomeView {
        news,
        events: crate::site::events::next_events(site, site.config.home_events)
            .into_iter()
            .map(|i| v.summary_value(i))
            .collect(),
        events_url: section_url(Kind::Event),
        plans,
        documents,
        procedures_total: procedures.len(),
        procedure_fields: field_groups(v, &procedures),
        news_url: section_url(Kind::News),
        plans_url: section_url(Kind::Plan),
        procedures_url: section_url(Kind::Procedure),
        documents_url: section_url(Kind::Document),
        open: v.open_now(),
    }
}
