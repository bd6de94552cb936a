//! `/data/hoi-dap.json`: every question with its answer, newest answered first (the
//! order of the questions index within a field).

use serde::Serialize;

use crate::content::Kind;
use crate::site::Site;
use crate::site::questions::answering_agency;
use crate::text::date::Date;
use crate::text::html::plain_text;

/// The file's name under `/data/`.
pub(super) const QUESTIONS_FILE: &str = "hoi-dap.json";

/// A question: its front matter keys, the answer as plain text, then `url`.
#[derive(Serialize)]
pub(super) struct QuestionJson<'a> {
    title: &'a str,
    /// The question as sent, else the title.
    question: &'a str,
    /// Who asked; none for a citizen who gave no name.
    asker: Option<&'a str>,
    field: Option<&'a str>,
    /// The answering agency written out in full, by the agency rules.
    agency: Option<String>,
    asked: Option<Date>,
    answered: Option<Date>,
    answer: String,
    fields: &'a [String],
    tags: &'a [String],
    url: String,
}

/// Every question of the site, newest answered first.
pub(super) fn questions(site: &Site) -> Vec<QuestionJson<'_>> {
    site.pages_of(Kind::Question)
        .into_iter()
        .filter_map(|i| {
            let e = &site.pages[i];
            let p = &e.page;
            let m = p.question.as_ref()?;
            Some(QuestionJson {
                title: &p.title,
                question: m.question.as_deref().unwrap_or(&p.title),
                asker: m.asker.as_deref(),
                field: m.field.as_deref(),
                agency: answering_agency(site, m).map(|(name, _)| name),
                asked: m.asked,
                answered: p.date,
                answer: plain_text(&e.rendered.html),
                fields: &p.fields,
                tags: &p.tags,
                url: site.config.permalink(&p.path),
            })
        })
        .collect()
}
