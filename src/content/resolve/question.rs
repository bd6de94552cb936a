//! A question's own keys (hỏi đáp): the question, who asked and when, its field and the
//! answering agency. The answer is the page's body and the date answered its `date`.

use super::{Origin, non_empty, read_date};
use crate::content::page::QuestionMeta;
use crate::content::raw::RawPage;
use crate::error::Diagnostic;
use crate::text::date::Date;

/// A question's keys, taken out of the raw front matter; `answered` is the page's `date`.
pub(super) fn question_meta(
    raw: &mut RawPage,
    origin: &Origin<'_>,
    answered: Option<Date>,
    errors: &mut Vec<Diagnostic>,
) -> QuestionMeta {
    let asked = raw.asked.take().and_then(|v| {
        read_date(&v, "asked", origin)
            .map_err(|e| errors.push(e))
            .ok()
    });
    if let (Some(asked), Some(answered)) = (asked, answered)
        && answered < asked
    {
        let (a, d) = (asked.list(), answered.list());
        errors.push(origin.at_key(
            "asked",
            crate::tr!(
                en: "the question was answered before it was asked: `asked` is {a} but `date` (the day it was answered) is {d}; check both dates",
                vi: "câu hỏi được trả lời trước khi được hỏi: `asked` (ngày hỏi) là {a} mà `date` (ngày trả lời) là {d}; hãy xem lại hai ngày này",
            ),
        ));
    }
    QuestionMeta {
        question: non_empty(raw.question.take()),
        asker: non_empty(raw.asker.take()),
        asked,
        field: non_empty(raw.field.take()),
        agency: non_empty(raw.agency.take()),
    }
}
