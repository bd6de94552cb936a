//! A survey's or a contest's view (khảo sát, cuộc thi), its index's three lists, the home
//! page's list of those open now, and its JSON-LD: a contest is a schema.org `Event`
//! (it happens between two dates, online at its address); schema.org has no type for a
//! survey, so its page is a `WebPage` about it, its days as `temporalCoverage` and its
//! address as `significantLink`. Whether one is open is `site::surveys`' one rule.

use serde::Serialize;

use super::domain::script_safe_json_string;
use super::{OpenItem, SurveyLists, SurveyView, Views};
use crate::content::Kind;
use crate::site::surveys::{Status, by_status, open_now, status};

#[derive(Serialize)]
struct Organization<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: String,
}

/// Where a contest takes place: its address online, else the commune.
#[derive(Serialize)]
#[serde(untagged)]
enum Location<'a> {
    Virtual {
        #[serde(rename = "@type")]
        kind: &'static str,
        url: &'a str,
    },
    Place {
        #[serde(rename = "@type")]
        kind: &'static str,
        name: &'a str,
        address: &'a str,
    },
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ContestLd<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    end_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    event_attendance_mode: Option<&'static str>,
    event_status: &'static str,
    location: Location<'a>,
    name: &'a str,
    organizer: Organization<'a>,
    start_date: String,
    url: String,
}

#[derive(Serialize)]
struct Thing<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SurveyLd<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    about: Thing<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    in_language: &'a str,
    name: &'a str,
    publisher: Organization<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    significant_link: Option<&'a str>,
    temporal_coverage: String,
    url: String,
}

impl<'a> Views<'a> {
    /// The `survey` of page `i`'s view, if it is a survey or a contest.
    pub(super) fn survey(&self, i: usize) -> Option<SurveyView<'a>> {
        let e = &self.site.pages.get(i)?;
        let m = e.page.survey.as_ref()?;
        let status = status(m, self.site.build_date);
        Some(SurveyView {
            start: m.start,
            end: m.end,
            participants: m.participants.as_deref(),
            // Once closed there is nothing to take part in: the address is not offered.
            join_url: m.join_url.as_deref().filter(|_| status != Status::Closed),
            rules: m.rules.as_deref().map(|f| self.file(e, f)),
            results: m.results.as_deref().map(|f| self.file(e, f)),
            winners: &m.winners,
            status,
        })
    }

    /// The survey or contest index's three lists of `pages`.
    pub fn survey_lists(&self, pages: &[usize]) -> SurveyLists {
        let [open, upcoming, closed] =
            by_status(self.site, pages).map(|l| l.into_iter().map(|i| self.summary_value(i)));
        SurveyLists {
            open: open.collect(),
            upcoming: upcoming.collect(),
            closed: closed.collect(),
        }
    }

    /// The surveys and contests open on the build date, for the home page.
    pub fn open_now(&self) -> Vec<OpenItem<'a>> {
        open_now(self.site)
            .into_iter()
            .filter_map(|i| {
                let p = &self.site.pages[i].page;
                Some(OpenItem {
                    title: &p.title,
                    url: self.config().url(&p.path),
                    kind: p.kind,
                    end: p.survey.as_ref()?.end,
                })
            })
            .collect()
    }

    /// JSON-LD of survey or contest page `i`, safe inside `<script>`.
    pub(super) fn survey_json_ld(&self, i: usize) -> Option<String> {
        let p = &self.site.pages.get(i)?.page;
        let m = p.survey.as_ref()?;
        let c = self.config();
        let organization = || Organization {
            kind: "GovernmentOrganization",
            name: c.owner_name(),
            url: c.permalink("/"),
        };
        let json = if p.kind == Kind::Contest {
            serde_json::to_string(&ContestLd {
                context: "https://schema.org",
                kind: "Event",
                description: p.description.as_deref(),
                end_date: m.end.iso(),
                event_attendance_mode: m
                    .join_url
                    .as_ref()
                    .map(|_| "https://schema.org/OnlineEventAttendanceMode"),
                event_status: "https://schema.org/EventScheduled",
                location: match m.join_url.as_deref() {
                    Some(url) => Location::Virtual {
                        kind: "VirtualLocation",
                        url,
                    },
                    None => Location::Place {
                        kind: "Place",
                        name: c.owner_name(),
                        address: c.owner_name(),
                    },
                },
                name: &p.title,
                organizer: organization(),
                start_date: m.start.iso(),
                url: c.permalink(&p.path),
            })
        } else {
            serde_json::to_string(&SurveyLd {
                context: "https://schema.org",
                kind: "WebPage",
                about: Thing {
                    kind: "Thing",
                    name: &p.title,
                    description: p.description.as_deref(),
                },
                description: p.description.as_deref(),
                in_language: &c.language,
                name: &p.title,
                publisher: organization(),
                significant_link: m.join_url.as_deref(),
                temporal_coverage: format!("{}/{}", m.start.iso(), m.end.iso()),
                url: c.permalink(&p.path),
            })
        };
        Some(script_safe_json_string(
            json.unwrap_or_else(|_| "{}".into()),
        ))
    }
}
