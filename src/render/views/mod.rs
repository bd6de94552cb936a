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
mod kinds;
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
pub use kinds::{
    DossierView, EventLists, EventView, OpenItem, PeriodView, PlanView, ProcedureView,
    QuestionGroup, QuestionView, ReplacementView, SurveyLists, SurveyView,
};
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
