//! The views that gather pages from across the site: procedures grouped by field (the
//! procedure section and the home page) and the home page's latest items.

use super::super::HOME_LATEST;
use crate::content::Kind;
use crate::render::views::{FieldGroup, HomeView, Views};
use crate::text::collate;

/// Procedures grouped by field, fields and procedures in Vietnamese alphabetical order.
pub(super) fn field_groups<'a>(v: &Views<'a>, pages: &[usize]) -> Vec<FieldGroup<'a>> {
    let mut groups: Vec<(String, &'a str, Vec<usize>)> = Vec::new();
    for &i in pages {
        let Some(proc) = v.site.pages[i].page.procedure.as_ref() else {
            continue;
        };
        // Abolished procedures leave the index; their pages stay.
        if !proc.is_listed() {
            continue;
        }
        let field = proc.field.as_deref().unwrap_or("Khác");
        let key = crate::text::fold::match_key(field);
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(g) => g.2.push(i),
            None => groups.push((key, field, vec![i])),
        }
    }
    groups.sort_by(|a, b| collate::compare(a.1, b.1));
    groups
        .into_iter()
        .map(|(_, name, mut list)| {
            // The model's precomputed keys: the same order as collate::compare on titles.
            list.sort_by(|a, b| v.site.pages[*a].title_key.cmp(&v.site.pages[*b].title_key));
            let url = v.site.taxonomies[1]
                .term(name)
                .map(|t| v.site.config.url(&t.path));
            FieldGroup {
                name,
                url,
                procedures: list.into_iter().map(|i| v.summary_value(i)).collect(),
            }
        })
        .collect()
}

/// The home page: the latest of each kind and the procedures by field.
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
        plans,
        documents,
        procedures_total: procedures.len(),
        procedure_fields: field_groups(v, &procedures),
        news_url: section_url(Kind::News),
        plans_url: section_url(Kind::Plan),
        procedures_url: section_url(Kind::Procedure),
        documents_url: section_url(Kind::Document),
    }
}
