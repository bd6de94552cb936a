//! An event's view (lịch) and its schema.org `Event` JSON-LD: the day and times in
//! Vietnam's time zone (+07:00, the only one the communes' portals serve), the place and
//! the commune as organiser. Upcoming or past is `site::events`' one rule.

use serde::Serialize;

use super::domain::script_safe_json_string;
use super::{EventLists, EventView, Views};
use crate::content::page::Time;
use crate::site::events::{is_upcoming, upcoming_then_past};
use crate::text::date::Date;

#[derive(Serialize)]
struct Place<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    address: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct Organizer<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EventLd<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    event_attendance_mode: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<Place<'a>>,
    name: &'a str,
    organizer: Organizer<'a>,
    start_date: String,
    url: String,
}

/// A schema.org date (`2025-03-20`) or date and time in Vietnam (`2025-03-20T08:00:00+07:00`).
pub(crate) fn local_date_time(day: Date, time: Option<Time>) -> String {
    match time {
        Some(t) => format!("{}T{}:00+07:00", day.iso(), t.hhmm()),
        None => day.iso(),
    }
}

impl<'a> Views<'a> {
    /// The `event` of page `i`'s view, if it is an event.
    pub(super) fn event(&self, i: usize) -> Option<EventView<'a>> {
        let p = &self.site.pages.get(i)?.page;
        let m = p.event.as_ref()?;
        Some(EventView {
            date: p.date,
            time: m.time.map(Time::hhmm),
            end_time: m.end_time.map(Time::hhmm),
            place: m.place.as_deref(),
            presides: m.presides.as_deref(),
            attendees: m.attendees.as_deref(),
            event_type: m.event_type.map(|t| t.label_vi()),
            upcoming: is_upcoming(p.date, self.site.build_date),
        })
    }

    /// `Event` JSON-LD of event page `i`, safe inside `<script>`.
    pub(super) fn event_json_ld(&self, i: usize) -> Option<String> {
        let p = &self.site.pages.get(i)?.page;
        let m = p.event.as_ref()?;
        let day = p.date?;
        let c = self.config();
        let ld = EventLd {
            context: "https://schema.org",
            kind: "Event",
            description: p.description.as_deref(),
            // An all-day event ends the same day; a timed one when its end time says.
            end_date: match (m.time, m.end_time) {
                (None, _) => Some(day.iso()),
                (Some(_), end) => end.map(|e| local_date_time(day, Some(e))),
            },
            event_attendance_mode: "https://schema.org/OfflineEventAttendanceMode",
            location: m.place.as_deref().map(|place| Place {
                kind: "Place",
                address: place,
                name: place,
            }),
            name: &p.title,
            organizer: Organizer {
                kind: "GovernmentOrganization",
                name: c.owner_name(),
                url: c.permalink("/"),
            },
            start_date: local_date_time(day, m.time),
            url: c.permalink(&p.path),
        };
        Some(script_safe_json_string(
            serde_json::to_string(&ld).unwrap_or_else(|_| "{}".into()),
        ))
    }

    /// The events index of section `section`: its two lists, and its months.
    pub fn event_lists(&self, section: usize) -> EventLists {
        let pages = &self.site.sections[section].pages;
        let (upcoming, past) = upcoming_then_past(self.site, pages);
        EventLists {
            upcoming: upcoming
                .into_iter()
                .map(|i| self.summary_value(i))
                .collect(),
            past: past.into_iter().map(|i| self.summary_value(i)).collect(),
            months: self.event_months(section),
        }
    }
}
