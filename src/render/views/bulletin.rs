//! A bulletin's view (bản tin), the archive by year and its schema.org JSON-LD: a
//! `PublicationIssue` (its `issueNumber`, `datePublished`) that `isPartOf` a `Periodical`
//! named by the series, published by the commune. The orders are `site::bulletins`'.

use serde::Serialize;

use super::domain::script_safe_json_string;
use super::{FileView, PeriodView, SummaryValue, Views};
use crate::site::bulletins::by_year;

/// Bulletin details (bản tin); the cover is the page's `image`, the summary its
/// `description`.
#[derive(Serialize)]
pub struct BulletinView<'a> {
    /// "Bản tin CCHC số 03/2025".
    pub label: &'a str,
    pub series: &'a str,
    /// The number as printed: "03".
    pub issue: String,
    pub year: i32,
    /// The days it covers, when given.
    pub period: Option<PeriodView>,
    /// Its files (PDF, Word) from `attachments`; one missing from the bundle has
    /// `exists` false (the check warns).
    pub attachments: Vec<FileView>,
}

/// A year of the bulletins' archive, its issues in number order.
#[derive(Serialize)]
pub struct BulletinYear {
    pub year: i32,
    pub bulletins: Vec<SummaryValue>,
}

#[derive(Serialize)]
struct Publisher<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: String,
}

#[derive(Serialize)]
struct Periodical<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    publisher: Publisher<'a>,
}

#[derive(Serialize)]
struct Media {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "contentUrl")]
    content_url: String,
    name: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PublicationIssue<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    associated_media: Vec<Media>,
    date_published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<String>,
    in_language: &'a str,
    is_part_of: Periodical<'a>,
    issue_number: String,
    name: &'a str,
    /// The period covered, an ISO 8601 interval ("2025-03-01/2025-03-31").
    #[serde(skip_serializing_if = "Option::is_none")]
    temporal_coverage: Option<String>,
    url: String,
}

impl<'a> Views<'a> {
    /// The `bulletin` of page `i`'s view, if it is a bulletin.
    pub(super) fn bulletin(&self, i: usize) -> Option<BulletinView<'a>> {
        let e = self.site.pages.get(i)?;
        let m = e.page.bulletin.as_ref()?;
        Some(BulletinView {
            label: &m.label,
            series: &m.series,
            issue: crate::content::page::BulletinMeta::issue_text(m.issue),
            year: m.year,
            period: m.period.map(|(start, end)| PeriodView { start, end }),
            attachments: m.attachments.iter().map(|a| self.file(e, a)).collect(),
        })
    }

    /// `PublicationIssue` JSON-LD of bulletin page `i`, safe inside `<script>`.
    pub(super) fn bulletin_json_ld(&self, i: usize) -> Option<String> {
        let e = self.site.pages.get(i)?;
        let p = &e.page;
        let m = p.bulletin.as_ref()?;
        let c = self.config();
        let ld = PublicationIssue {
            context: "https://schema.org",
            kind: "PublicationIssue",
            // Only the files the bundle holds: a missing one would be a dead link.
            associated_media: (m.attachments.iter())
                .filter_map(|a| e.files.iter().find(|(n, _, _)| n == a))
                .map(|(name, path, _)| Media {
                    kind: "MediaObject",
                    content_url: c.permalink(path),
                    name: name.clone(),
                })
                .collect(),
            date_published: p.date?.iso(),
            description: p.description.as_deref(),
            image: self.image_permalink(i),
            in_language: &c.language,
            is_part_of: Periodical {
                kind: "Periodical",
                name: &m.series,
                publisher: Publisher {
                    kind: "GovernmentOrganization",
                    name: c.owner_name(),
                    url: c.permalink("/"),
                },
            },
            issue_number: m.issue.to_string(),
            name: &p.title,
            temporal_coverage: m
                .period
                .map(|(start, end)| format!("{}/{}", start.iso(), end.iso())),
            url: c.permalink(&p.path),
        };
        Some(script_safe_json_string(
            serde_json::to_string(&ld).unwrap_or_else(|_| "{}".into()),
        ))
    }

    /// The bulletins index: `pages` by year, newest year first, in number order within
    /// a year.
    pub fn bulletin_years(&self, pages: &[usize]) -> Vec<BulletinYear> {
        by_year(self.site, pages)
            .into_iter()
            .map(|(year, list)| BulletinYear {
                year,
                bulletins: list.into_iter().map(|i| self.summary_value(i)).collect(),
            })
            .collect()
    }
}
