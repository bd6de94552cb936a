//! `/data/khao-sat.json` and `/data/cuoc-thi.json`: every survey and every contest with
//! its days, its status on the build date (`site::surveys::status`, the rule the pages
//! use) and its results, in the order of its index (open, to come, closed). Written only
//! when the site has such pages, as `chi-so.json` only when it has index results.

use serde::Serialize;

use crate::content::Kind;
use crate::content::page::Winner;
use crate::site::Site;
use crate::site::surveys::{Status, by_status, status};
use crate::text::date::Date;
use crate::text::html::plain_text;

/// The file's name under `/data/` for surveys or contests; none for other kinds.
pub(super) fn file_name(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::Survey => Some("khao-sat.json"),
        Kind::Contest => Some("cuoc-thi.json"),
        _ => None,
    }
}

/// A survey or contest: its front matter keys, files as addresses, its body as plain text
/// (what it is about, and a summary of its results), then `url`.
#[derive(Serialize)]
pub(super) struct SurveyJson<'a> {
    title: &'a str,
    description: Option<&'a str>,
    status: Status,
    start: Date,
    end: Date,
    participants: Option<&'a str>,
    join_url: Option<&'a str>,
    rules: Option<String>,
    results: Option<String>,
    /// A contest's winners; a survey has none and no such field.
    #[serde(skip_serializing_if = "Option::is_none")]
    winners: Option<&'a [Winner]>,
    content: String,
    fields: &'a [String],
    tags: &'a [String],
    url: String,
}

/// Every page of `kind` (survey or contest), open ones first as on its index; empty when
/// there is none.
pub(super) fn surveys(site: &Site, kind: Kind) -> Vec<SurveyJson<'_>> {
    let pages = site.pages_of(kind);
    let c = &site.config;
    by_status(site, &pages)
        .into_iter()
        .flatten()
        .filter_map(|i| {
            let e = &site.pages[i];
            let p = &e.page;
            let m = p.survey.as_ref()?;
            // A file's address where the bundle publishes it (the check reports one that
            // is not in the bundle).
            let file = |name: &Option<String>| {
                let name = name.as_deref()?;
                let found = e.files.iter().find(|(n, _, _)| n == name);
                Some(found.map_or_else(
                    || c.permalink(&format!("{}{name}", p.path)),
                    |(_, path, _)| c.permalink(path),
                ))
            };
            Some(SurveyJson {
                title: &p.title,
                description: p.description.as_deref(),
                status: status(m, site.build_date),
                start: m.start,
                end: m.end,
                participants: m.participants.as_deref(),
                join_url: m.join_url.as_deref(),
                rules: file(&m.rules),
                results: file(&m.results),
                winners: (kind == Kind::Contest).then_some(m.winners.as_slice()),
                content: plain_text(&e.rendered.html),
                fields: &p.fields,
                tags: &p.tags,
                url: c.permalink(&p.path),
            })
        })
        .collect()
}
