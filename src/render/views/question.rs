//! A question's view (hỏi đáp) and its schema.org JSON-LD: `QAPage` on its own page,
//! `FAQPage` on the questions index. Who asked, the answering agency and the answer's
//! text are read one way for both (the rules are `site::questions`).

use std::borrow::Cow;

use serde::Serialize;

use super::domain::script_safe_json_string;
use super::{QuestionView, Views};
use crate::content::page::QuestionMeta;
use crate::site::questions::answering_agency;
use crate::text::html::plain_text;

/// What the theme calls a citizen who gave no name, when its strings do not say.
const ANONYMOUS: &str = "Người dân";

#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: Cow<'a, str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Answer<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Named<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_created: Option<String>,
    text: String,
    url: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Question<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    accepted_answer: Answer<'a>,
    answer_count: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Named<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_created: Option<String>,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

/// How much of a question its JSON-LD says.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Depth {
    /// All of it, on its own page.
    Whole,
    /// On the index: its title and its answer's summary, what the list shows of it, so
    /// that the index is current whenever its list is (serve compares summaries).
    Summary,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct QaPage<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    main_entity: Question<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FaqPage<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    main_entity: Vec<Question<'a>>,
    name: &'a str,
    url: String,
}

impl<'a> Views<'a> {
    /// Who asked question `m`: as written, else the theme's word for a citizen.
    fn asker(&self, m: &'a QuestionMeta) -> Cow<'a, str> {
        match m.asker.as_deref() {
            Some(a) => Cow::Borrowed(a),
            None => Cow::Owned(self.config().strings.label("asker_anonymous", ANONYMOUS)),
        }
    }

    /// The `question` of page `i`'s view, if it is a question.
    pub(super) fn question(&self, i: usize) -> Option<QuestionView<'a>> {
        let p = &self.site.pages.get(i)?.page;
        let m = p.question.as_ref()?;
        let agency = answering_agency(self.site, m);
        Some(QuestionView {
            question: m.question.as_deref().unwrap_or(&p.title),
            asker: self.asker(m),
            anonymous: m.asker.is_none(),
            asked: m.asked,
            answered: p.date,
            field: m.field.as_deref(),
            field_url: m.field.as_ref().and_then(|f| {
                self.site.taxonomies[1]
                    .term(f)
                    .map(|t| self.config().url(&t.path))
            }),
            agency_url: agency
                .as_ref()
                .and_then(|(_, a)| a.map(|a| self.config().url(&a.path))),
            agency: agency.map(|(name, _)| name),
        })
    }

    /// schema.org `Question` of page `i` with its accepted answer.
    fn question_ld(&self, i: usize, depth: Depth) -> Option<Question<'a>> {
        let e = self.site.pages.get(i)?;
        let p = &e.page;
        let m = p.question.as_ref()?;
        let c = self.config();
        let whole = depth == Depth::Whole;
        let agency = || answering_agency(self.site, m).map(|(name, _)| name);
        Some(Question {
            kind: "Question",
            accepted_answer: Answer {
                kind: "Answer",
                author: whole.then(|| Named {
                    kind: "GovernmentOrganization",
                    name: agency().map_or(Cow::Borrowed(c.owner_name()), Cow::Owned),
                }),
                date_created: p.date.filter(|_| whole).map(|d| d.iso()),
                text: plain_text(if whole {
                    &e.rendered.html
                } else {
                    &e.rendered.summary
                }),
                url: c.permalink(&p.path),
            },
            answer_count: 1,
            author: whole.then(|| Named {
                kind: "Person",
                name: self.asker(m),
            }),
            date_created: m.asked.filter(|_| whole).map(|d| d.iso()),
            name: &p.title,
            text: whole.then(|| m.question.as_deref().unwrap_or(&p.title)),
        })
    }

    /// `QAPage` JSON-LD of question page `i`, safe inside `<script>`.
    pub(super) fn qa_page_json_ld(&self, i: usize) -> Option<String> {
        let page = QaPage {
            context: "https://schema.org",
            kind: "QAPage",
            main_entity: self.question_ld(i, Depth::Whole)?,
        };
        Some(script_safe_json_string(
            serde_json::to_string(&page).unwrap_or_else(|_| "{}".into()),
        ))
    }

    /// `FAQPage` JSON-LD of a questions index at site path `path` listing `pages`, safe
    /// inside `<script>`; none without questions.
    pub fn faq_page_json_ld(&self, title: &'a str, path: &str, pages: &[usize]) -> Option<String> {
        let main_entity: Vec<Question<'a>> = pages
            .iter()
            .filter_map(|&i| self.question_ld(i, Depth::Summary))
            .collect();
        if main_entity.is_empty() {
            return None;
        }
        let page = FaqPage {
            context: "https://schema.org",
            kind: "FAQPage",
            main_entity,
            name: title,
            url: self.config().permalink(path),
        };
        Some(script_safe_json_string(
            serde_json::to_string(&page).unwrap_or_else(|_| "{}".into()),
        ))
    }
}
