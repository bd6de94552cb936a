//! The details of a page by its kind, as templates see them under `page.plan`,
//! `page.procedure`, `page.question`, `page.event` and `page.survey`, with the list views
//! the event and survey indexes and the home page make of them. Field names are the
//! template contract (docs/setup/themes.md).
#![allow(missing_docs)]

use serde::Serialize;

use super::*;

/// A start and end date.
#[derive(Serialize)]
pub struct PeriodView {
    pub start: Date,
    pub end: Date,
}

/// Plan (and document) details.
#[derive(Serialize)]
pub struct PlanView<'a> {
    pub place: Option<&'a str>,
    pub period: Option<PeriodView>,
    pub signer: Option<&'a Signer>,
    pub recipients: &'a [String],
    pub attachments: Vec<FileView>,
    pub tasks: Vec<TaskView<'a>>,
    /// Tasks by quarter, when any task has a readable period.
    pub timeline: Option<domain::TimelineView<'a>>,
    /// Done of all tasks, when any task has a status.
    pub progress: Option<domain::ProgressView>,
    /// The tasks need a status column ([`domain::shows_status`]).
    pub show_status: bool,
    /// Legal basis entries as HTML with their citations linked.
    pub basis: Vec<String>,
}

/// Procedure details.
#[derive(Serialize)]
pub struct ProcedureView<'a> {
    pub code: Option<&'a str>,
    pub field: Option<&'a str>,
    pub field_url: Option<String>,
    pub agency: Option<&'a str>,
    pub level: Option<&'a str>,
    /// `toàn trình`, `một phần` or empty.
    pub online: &'a str,
    /// `full`, `partial` or `none`, for styling the badge.
    pub online_class: &'static str,
    pub online_url: Option<&'a str>,
    pub ways: &'a [String],
    pub processing_time: Option<&'a str>,
    pub fee: Option<&'a str>,
    pub subjects: &'a [String],
    pub result: Option<&'a str>,
    /// Legal basis entries as HTML with their citations linked.
    pub legal_basis: Vec<String>,
    pub documents: Vec<DossierView<'a>>,
    /// The printable A4 posting sheet (`…/in/`); an abolished procedure has none.
    pub sheet_url: String,
    /// Yêu cầu, điều kiện.
    pub requirements: &'a [String],
    /// Số lượng hồ sơ (bộ).
    pub dossier_sets: Option<u32>,
    /// `dossier_sets` as state documents write a count: two digits at least ("01").
    pub dossier_sets_text: Option<String>,
    pub receipt_place: Option<&'a str>,
    pub receipt_hours: Option<&'a str>,
    /// The announcing decision as HTML, its citation linked.
    pub decision: Option<String>,
    /// `current`, `amended` or `abolished`.
    pub status: &'static str,
    /// Whether it is in the lists and has a posting sheet (every status but abolished).
    pub listed: bool,
    /// What replaces an abolished procedure.
    pub replaced_by: Option<ReplacementView<'a>>,
    /// The steps the body lists under "Trình tự thực hiện", as plain text.
    pub steps: Vec<String>,
    /// The steps shortened to fit the A4 sheet.
    pub sheet_steps: Vec<String>,
    /// Whether `sheet_steps` leaves something out (the sheet then points to the page).
    pub sheet_steps_shortened: bool,
}

/// The procedure that replaces an abolished one: a page of the site (with its URL), or
/// what `replaced_by` says when it names none (a warning says so).
#[derive(Serialize)]
pub struct ReplacementView<'a> {
    pub title: &'a str,
    pub code: Option<&'a str>,
    pub url: Option<String>,
}

/// Question details (hỏi đáp); the answer is the page's `content`.
#[derive(Serialize)]
pub struct QuestionView<'a> {
    /// The question as the citizen sent it, else the title.
    pub question: &'a str,
    /// Who asked: as written, else the theme's `asker_anonymous` ("Người dân").
    pub asker: std::borrow::Cow<'a, str>,
    /// Whether the asker gave no name.
    pub anonymous: bool,
    pub asked: Option<Date>,
    /// The page's `date`.
    pub answered: Option<Date>,
    pub field: Option<&'a str>,
    pub field_url: Option<String>,
    /// The answering agency written out in full.
    pub agency: Option<String>,
    /// Its page among the agencies of plans' tasks, when it has one.
    pub agency_url: Option<String>,
}

/// Event details (lịch); what happens is the page's `content`.
#[derive(Serialize)]
pub struct EventView<'a> {
    /// The day: the page's `date`.
    pub date: Option<Date>,
    /// "08:00", none for an all-day event.
    pub time: Option<String>,
    pub end_time: Option<String>,
    pub place: Option<&'a str>,
    pub presides: Option<&'a str>,
    pub attendees: Option<&'a str>,
    /// The type's words: "Tiếp công dân".
    pub event_type: Option<&'static str>,
    /// Not yet passed on the build date ([`crate::site::events::is_upcoming`]).
    pub upcoming: bool,
}

/// The events index: upcoming events soonest first, then past ones latest first.
#[derive(Serialize)]
pub struct EventLists {
    pub upcoming: Vec<SummaryValue>,
    pub past: Vec<SummaryValue>,
    /// The months that have events, each with its page, earliest first.
    pub months: Vec<event_month::MonthCount>,
}

/// Survey or contest details (khảo sát, cuộc thi); what it is about is the page's
/// `content`.
#[derive(Serialize)]
pub struct SurveyView<'a> {
    pub start: Date,
    pub end: Date,
    pub participants: Option<&'a str>,
    /// Where to take part; none once closed.
    pub join_url: Option<&'a str>,
    pub rules: Option<FileView>,
    pub results: Option<FileView>,
    pub winners: &'a [crate::content::page::Winner],
    /// `open`, `upcoming` or `closed` on the build date ([`crate::site::surveys::status`]).
    pub status: crate::site::surveys::Status,
}

/// A survey or contest index: open ones, then those to come, then closed ones.
#[derive(Serialize)]
pub struct SurveyLists {
    pub open: Vec<SummaryValue>,
    pub upcoming: Vec<SummaryValue>,
    pub closed: Vec<SummaryValue>,
}

/// A survey or contest open now, as the home page lists it.
#[derive(Serialize)]
pub struct OpenItem<'a> {
    pub title: &'a str,
    pub url: String,
    pub kind: Kind,
    /// Its last day.
    pub end: Date,
}

/// A field of the questions index, its questions newest answered first.
#[derive(Serialize)]
pub struct QuestionGroup<'a> {
    pub name: &'a str,
    pub url: Option<String>,
    pub questions: Vec<SummaryValue>,
}

/// One paper of a dossier.
#[derive(Serialize)]
pub struct DossierView<'a> {
    pub name: &'a str,
    pub originals: u32,
    pub copies: u32,
    pub form: Option<FileView>,
}
