//! `/data/lich.ics`: the events (lịch) as an iCalendar file, by the same rules as
//! `tasks.ics` (folding, escaping, UIDs from a stable hash of the page's path, DTSTAMP the
//! build date). An event with a time is given in UTC (Vietnam is UTC+7 all year, so no
//! VTIMEZONE is needed and every calendar program reads it alike); one without is an
//! all-day event. Events come upcoming first, then past ones, as on the index.

use super::{fnv1a, host_of, ics_escape, line};
use crate::content::page::Time;
use crate::site::Site;
use crate::site::events::upcoming_then_past;
use crate::text::date::Date;

/// The file's name under `/data/`.
pub(in crate::output::data) const EVENTS_FILE: &str = "lich.ics";

/// `YYYYMMDD`.
fn compact(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

/// A time in Vietnam (UTC+7) on `day` as an iCalendar UTC date-time, `YYYYMMDDTHHMMSSZ`.
fn utc(day: Date, t: Time) -> String {
    let minutes = i64::from(t.hour) * 60 + i64::from(t.minute) - 7 * 60;
    let (day, minutes) = if minutes < 0 {
        (day.add_days(-1), minutes + 24 * 60)
    } else {
        (day, minutes)
    };
    format!("{}T{:02}{:02}00Z", compact(day), minutes / 60, minutes % 60)
}

/// The calendar of the site's events.
pub(in crate::output::data) fn calendar(site: &Site) -> String {
    let c = &site.config;
    let host = host_of(&c.base_url);
    let stamp = compact(site.build_date);
    let (upcoming, past) = upcoming_then_past(site, &site.pages_of(crate::content::Kind::Event));
    let mut out = String::with_capacity(256 + 512 * (upcoming.len() + past.len()));
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//congbo//congbo//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        line(&mut out, l);
    }
    line(&mut out, &format!("X-WR-CALNAME:{}", ics_escape(&c.title)));
    for i in upcoming.into_iter().chain(past) {
        let page = &site.pages[i].page;
        let (Some(day), Some(m)) = (page.date, page.event.as_ref()) else {
            continue;
        };
        line(&mut out, "BEGIN:VEVENT");
        let uid = fnv1a(&page.path);
        line(&mut out, &format!("UID:{uid:016x}@{host}"));
        line(&mut out, &format!("DTSTAMP:{stamp}T000000Z"));
        match m.time {
            Some(t) => {
                line(&mut out, &format!("DTSTART:{}", utc(day, t)));
                if let Some(e) = m.end_time {
                    line(&mut out, &format!("DTEND:{}", utc(day, e)));
                }
            }
            None => {
                // DTEND is exclusive: the day after.
                line(&mut out, &format!("DTSTART;VALUE=DATE:{}", compact(day)));
                if let Some(after) = day.checked_add_days(1) {
                    line(&mut out, &format!("DTEND;VALUE=DATE:{}", compact(after)));
                }
            }
        }
        line(&mut out, &format!("SUMMARY:{}", ics_escape(&page.title)));
        if let Some(place) = &m.place {
            line(&mut out, &format!("LOCATION:{}", ics_escape(place)));
        }
        let mut about = Vec::new();
        about.extend(m.event_type.map(|t| format!("Loại: {}", t.label_vi())));
        about.extend(m.presides.as_ref().map(|p| format!("Chủ trì: {p}")));
        about.extend(m.attendees.as_ref().map(|a| format!("Thành phần: {a}")));
        about.extend(page.description.as_ref().cloned());
        if !about.is_empty() {
            let description = ics_escape(&about.join("\n"));
            line(&mut out, &format!("DESCRIPTION:{description}"));
        }
        line(&mut out, &format!("URL:{}", c.permalink(&page.path)));
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::utc;
    use crate::content::page::Time;
    use crate::text::date::Date;

    #[test]
    fn vietnam_times_become_utc_across_midnight() {
        let day = Date::new(2025, 3, 1).unwrap();
        let t = |hour, minute| Time { hour, minute };
        assert_eq!(utc(day, t(8, 0)), "20250301T010000Z");
        assert_eq!(utc(day, t(7, 0)), "20250301T000000Z");
        assert_eq!(utc(day, t(6, 30)), "20250228T233000Z");
        assert_eq!(utc(day, t(23, 59)), "20250301T165900Z");
    }
}
