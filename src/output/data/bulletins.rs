//! `/data/ban-tin.json`: every bulletin (bản tin), newest first (latest year, highest
//! number: `site::bulletins::newest_first`), with its number, the period it covers and the
//! absolute URLs of its files and cover. Written only when the site has bulletins.

use serde::Serialize;

use crate::content::Kind;
use crate::content::page::ImageRef;
use crate::site::Site;
use crate::site::bulletins::newest_first;
use crate::text::date::Date;

/// The file's name under `/data/`.
pub(super) const BULLETINS_FILE: &str = "ban-tin.json";

/// A bulletin: its front matter keys, then `url`.
#[derive(Serialize)]
pub(super) struct BulletinJson<'a> {
    title: &'a str,
    /// "Bản tin CCHC số 03/2025".
    label: &'a str,
    series: &'a str,
    issue: u32,
    year: i32,
    /// The date published.
    date: Option<Date>,
    /// The first and last day it covers, when given.
    period_start: Option<Date>,
    period_end: Option<Date>,
    /// The summary.
    description: Option<&'a str>,
    /// The cover's absolute URL.
    image: Option<String>,
    /// Its files in the bundle, absolute URLs; a file named but missing is left out.
    files: Vec<String>,
    fields: &'a [String],
    tags: &'a [String],
    url: String,
}

/// Every bulletin of the site, newest first.
pub(super) fn bulletins(site: &Site) -> Vec<BulletinJson<'_>> {
    let c = &site.config;
    newest_first(site, &site.pages_of(Kind::Bulletin))
        .into_iter()
        .filter_map(|i| {
            let e = &site.pages[i];
            let p = &e.page;
            let m = p.bulletin.as_ref()?;
            Some(BulletinJson {
                title: &p.title,
                label: &m.label,
                series: &m.series,
                issue: m.issue,
                year: m.year,
                date: p.date,
                period_start: m.period.map(|(s, _)| s),
                period_end: m.period.map(|(_, e)| e),
                description: p.description.as_deref(),
                image: p.image_ref().and_then(|r| match r {
                    ImageRef::External(u) => Some(u.to_string()),
                    ImageRef::Site(path) => Some(c.permalink(&path)),
                    ImageRef::Outside => None,
                }),
                files: (m.attachments.iter())
                    .filter_map(|a| e.files.iter().find(|(n, _, _)| n == a))
                    .map(|(_, path, _)| c.permalink(path))
                    .collect(),
                fields: &p.fields,
                tags: &p.tags,
                url: c.permalink(&p.path),
            })
        })
        .collect()
}
