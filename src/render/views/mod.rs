//! Typed, serialisable views of the site model: what templates see. Views borrow from the
//! model (bodies are `&str`), and list pages get summaries, never whole bodies. Field names
//! are the template contract, documented in docs/setup/themes.md.
#![allow(missing_docs)]

mod builder;
mod bulletin;
mod cached_items;
pub mod charts;
pub mod domain;
mod event;
pub mod event_month;
pub mod feedback;
pub mod indexes;
mod json_ld;
mod languages;
mod nav;
mod page_ser;
mod pager;
mod question;
mod sheet;
mod site_view;
mod survey;
mod task;
mod timeline;

pub use builder::Views;
pub use bulletin::{BulletinView, BulletinYear};
pub use languages::{Alternate, SwitchLink, alternates, language_switch};
pub use pager::{PAGER_WINDOW, PagerLink, PaginatorView, page_slice, pager_path, paginator};
pub use task::TaskView;

use serde::Serialize;

use crate::config::{Config, Contact};
use crate::content::Kind;
use crate::content::page::Signer;
use crate::markdown::TocEntry;
use crate::text::date::Date;

/// `site`: available in every template.
#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub base_url: &'a str,
    pub base_path: &'a str,
    pub home_url: &'a str,
    pub language: &'a str,
    pub authority: &'a str,
    /// `authority` as a state document's header writes it (Decree 30/2020): in capitals,
    /// in full, one entry a line.
    pub authority_lines: Vec<String>,
    pub parent_authority: &'a str,
    pub contact: &'a Contact,
    pub menu: Vec<MenuView>,
    /// The main menu as shown: `menu`, else home and the top-level sections.
    pub nav: Vec<MenuView>,
    pub sections: Vec<SectionLink<'a>>,
    pub taxonomies: Vec<LinkView<'a>>,
    pub feed_rss: Option<String>,
    pub feed_atom: Option<String>,
    pub build_date: Date,
    pub build_year: i32,
    /// The agency index, when plans have tasks.
    pub agencies_url: Option<String>,
    /// The documents index, when pages cite documents.
    pub documents_url: Option<String>,
    /// schema.org `GovernmentOrganization` for the site's owner, safe inside `<script>`.
    pub json_ld: String,
    /// Absolute URL of the picture shown when a page without its own image is shared:
    /// `share_image` of site.toml, else the theme's `anh-chia-se.png`.
    pub share_image: String,
    /// The search page (`/tim-kiem/`), which needs JavaScript.
    pub search_url: String,
    /// Where the search form sends the query without JavaScript (`[search] external_url`);
    /// without it the form is hidden until the script shows it.
    pub search_external_url: Option<&'a str>,
    /// `[social]`: the commune's Zalo, Facebook and YouTube, for the footer.
    pub social: &'a crate::config::feedback::Social,
    /// The page of feedback channels (`/phan-anh-kien-nghi/`).
    pub feedback_url: String,
    pub extra: &'a serde_json::Value,
}

/// A menu entry, with its URL resolved for the base path.
#[derive(Serialize)]
pub struct MenuView {
    pub name: String,
    pub url: String,
    /// Site path it matches, for marking the current entry (`/tin-tuc/`).
    pub path: String,
    pub external: bool,
}

/// A title and a URL.
#[derive(Serialize)]
pub struct LinkView<'a> {
    pub title: &'a str,
    pub url: String,
}

/// A link to a section.
#[derive(Serialize)]
pub struct SectionLink<'a> {
    pub title: &'a str,
    pub url: String,
    pub path: &'a str,
    pub kind: Kind,
    pub count: usize,
}

/// A taxonomy term with its URL and page count.
#[derive(Serialize)]
pub struct TermLink<'a> {
    pub name: &'a str,
    pub url: String,
    pub count: usize,
}

/// A summary's tags or fields, as the same list either way: links made for this summary,
/// or template values shared by every summary showing that term in that spelling
/// (`Views::new`).
#[derive(Serialize)]
#[serde(untagged)]
pub enum TermLinks<'a> {
    Own(Vec<TermLink<'a>>),
    Shared(Vec<tera::Value>),
}

/// A featured image. For a JPEG or PNG of the site, `src`, `width`, `height`, `srcset` and
/// `webp_srcset` come from the resized copies; for others they are the URL and none.
#[derive(Serialize)]
pub struct ImageView<'a> {
    /// The image as the editor named it.
    pub url: String,
    pub alt: &'a str,
    /// The `<img src>`: the largest resized copy in the original format.
    pub src: String,
    /// Absolute URL of `src`, for sharing (`og:image`).
    pub permalink: String,
    /// Size of `src` in pixels, when known.
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// `srcset` in the original format, and in WebP.
    pub srcset: Option<String>,
    pub webp_srcset: Option<String>,
}

/// A downloadable file of a page bundle.
#[derive(Serialize)]
pub struct FileView {
    pub name: String,
    pub url: String,
    pub size: u64,
    /// "37 KB", "1,2 MB".
    pub size_text: String,
    /// "DOCX", "PDF".
    pub ext: String,
    /// Whether the file is in the bundle (false: the editor named a file that is not there).
    pub exists: bool,
}

/// A [`PageSummary`] already turned into a template value. Each page's summary is made
/// once per build and shared by every list that shows it: Tera clones a `Value` it meets
/// while serialising (an `Arc`), where a `PageSummary` would be serialised again each time.
pub type SummaryValue = tera::Value;

/// A page in a list: no body, only its summary. Serialised by hand (`page_ser.rs`), field
/// by field in this order, so that [`PageView`] can add its own fields after these.
pub struct PageSummary<'a> {
    pub title: &'a str,
    pub url: String,
    pub permalink: String,
    pub kind: Kind,
    pub date: Option<Date>,
    /// An event's start time (`08:00`): lists order the events of a day by it, so serve,
    /// which compares summaries, sees a time edit reorder them.
    pub time: Option<String>,
    pub updated: Option<Date>,
    pub description: Option<&'a str>,
    pub summary: std::borrow::Cow<'a, str>,
    pub image: Option<ImageView<'a>>,
    pub tags: TermLinks<'a>,
    pub fields: TermLinks<'a>,
    pub number: Option<&'a str>,
    pub authority: Option<&'a str>,
    pub code: Option<&'a str>,
    pub field: Option<&'a str>,
    pub online: Option<&'a str>,
    /// `full`, `partial` or `none` for procedures' online badge.
    pub online_class: Option<&'static str>,
}

/// `page`: a page with its body: the summary's fields, then these (serialised by hand in
/// `page_ser.rs`: `serde(flatten)` made tera build the map key by key, a string each).
pub struct PageView<'a> {
    pub summary: PageSummary<'a>,
    pub path: &'a str,
    pub content: std::borrow::Cow<'a, str>,
    pub toc: &'a [TocEntry],
    pub word_count: usize,
    pub reading_time: usize,
    pub author: Option<&'a str>,
    pub source: Option<&'a str>,
    pub section: SectionLink<'a>,
    /// Neighbours in the section, as summaries.
    pub newer: Option<SummaryValue>,
    pub older: Option<SummaryValue>,
    pub files: Vec<FileView>,
    pub plan: Option<PlanView<'a>>,
    pub procedure: Option<ProcedureView<'a>>,
    pub question: Option<QuestionView<'a>>,
    pub event: Option<EventView<'a>>,
    pub survey: Option<SurveyView<'a>>,
    pub bulletin: Option<BulletinView<'a>>,
    /// Pages citing this page's `number` (documents, plans), newest first: all of them,
    /// or the first few when `cited_list` lists them all.
    pub cited_by: Vec<LinkView<'a>>,
    /// How many pages cite it.
    pub cited_count: usize,
    /// URL of the list of every page citing it, when `cited_by` shows only the first few.
    pub cited_list: Option<String>,
    /// schema.org JSON-LD (news, procedures, questions), safe to print inside `<script>`.
    pub json_ld: Option<String>,
    pub extra: &'a serde_json::Value,
    /// `authority` as a state document's header writes it (Decree 30/2020): in capitals,
    /// in full, one entry a line, below `parent_authority`'s; empty without an authority.
    pub authority_lines: Vec<String>,
    /// The authority above the issuer, as written.
    pub parent_authority: Option<&'a str>,
}

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

/// `section`: a section list page.
#[derive(Serialize)]
pub struct SectionView<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub url: String,
    pub permalink: String,
    pub path: &'a str,
    pub kind: Kind,
    pub content: std::borrow::Cow<'a, str>,
    pub pages: Vec<SummaryValue>,
    pub subsections: Vec<SectionLink<'a>>,
    pub paginator: PaginatorView,
    pub extra: &'a serde_json::Value,
}

/// A procedure field on the home page and the procedures index.
#[derive(Serialize)]
pub struct FieldGroup<'a> {
    pub name: &'a str,
    pub url: Option<String>,
    pub procedures: Vec<SummaryValue>,
}

/// `home`: what the home page lists.
#[derive(Serialize)]
pub struct HomeView<'a> {
    pub news: Vec<SummaryValue>,
    /// The next events (`home_events` of them), soonest first.
    pub events: Vec<SummaryValue>,
    pub events_url: Option<String>,
    pub plans: Vec<SummaryValue>,
    pub documents: Vec<SummaryValue>,
    pub procedure_fields: Vec<FieldGroup<'a>>,
    pub procedures_total: usize,
    pub news_url: Option<String>,
    pub plans_url: Option<String>,
    pub procedures_url: Option<String>,
    pub documents_url: Option<String>,
    /// Surveys and contests open now, closing soonest first.
    pub open: Vec<OpenItem<'a>>,
}

/// `taxonomy`: a taxonomy's list of terms.
#[derive(Serialize)]
pub struct TaxonomyView<'a> {
    pub name: &'a str,
    pub title: &'a str,
    pub url: String,
    pub terms: Vec<TermLink<'a>>,
}

/// One document's list of citing pages: a page of their summaries, newest first.
#[derive(Serialize)]
pub struct CitationsView<'a> {
    pub document: domain::CitedDocumentView<'a>,
    pub url: String,
    pub permalink: String,
    pub pages: Vec<SummaryValue>,
    pub paginator: PaginatorView,
}

/// `term`: one term's pages.
#[derive(Serialize)]
pub struct TermView<'a> {
    pub name: &'a str,
    pub url: String,
    pub permalink: String,
    pub pages: Vec<SummaryValue>,
    pub paginator: PaginatorView,
    /// The field's printable page of posting sheets, when it has procedures in force.
    pub sheets_url: Option<String>,
}

pub(crate) fn online_class(online: &str) -> &'static str {
    let k = crate::text::fold::search_fold(online);
    if k.contains("toan trinh") {
        "full"
    } else if k.contains("mot phan") {
        "partial"
    } else {
        "none"
    }
}

/// A file size as Vietnamese readers write it: "37 KB", "1,2 MB".
pub fn size_text(bytes: u64) -> String {
    size_text_with(bytes, ",")
}

/// A file size with the given decimal separator ("1.2 MB" in English).
pub fn size_text_with(bytes: u64, decimal_separator: &str) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        let tenths = (bytes * 10).div_ceil(1024 * 1024);
        format!("{}{decimal_separator}{} MB", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(size_text(500), "500 B");
        assert_eq!(size_text(37 * 1024), "37 KB");
        assert_eq!(size_text(1_258_291), "1,2 MB");
        assert_eq!(size_text_with(1_258_291, "."), "1.2 MB");
    }
}
