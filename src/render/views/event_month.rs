//! An event section's month pages (`/lich/2025-03/`): a month's events by day and time,
//! with links to the nearest months that have events, and the list of those months on
//! the events index. Which months exist, and the order of their events, are
//! `site::events`' rules.

use serde::Serialize;

use super::{SummaryValue, Views};
use crate::site::events::{Month, by_month, month_path};
use crate::text::date::Date;

/// A link to a month page.
#[derive(Serialize)]
pub struct MonthLink {
    /// `03/2025`.
    pub label: String,
    pub url: String,
}

/// A month with events, on the events index: its link and how many events it has.
#[derive(Serialize)]
pub struct MonthCount {
    /// `03/2025`.
    pub label: String,
    pub url: String,
    pub count: usize,
}

/// One day of a month page, its events by start time.
#[derive(Serialize)]
pub struct DayView {
    pub date: Date,
    pub events: Vec<SummaryValue>,
}

/// `event_month`: one month's events of an event section.
#[derive(Serialize)]
pub struct EventMonthView<'a> {
    /// `03/2025`, for the title ("Lịch tháng 03/2025").
    pub label: String,
    /// `2025-03`, for `<time datetime>`.
    pub month: String,
    pub url: String,
    pub permalink: String,
    pub section_title: &'a str,
    pub section_url: String,
    pub days: Vec<DayView>,
    /// The nearest earlier and later months that have events.
    pub prev: Option<MonthLink>,
    pub next: Option<MonthLink>,
}

impl<'a> Views<'a> {
    /// A link to month `m`'s page of the event section at `section_path`.
    fn month_link(&self, section_path: &str, m: Month) -> MonthLink {
        MonthLink {
            label: m.label(),
            url: self.config().url(&month_path(section_path, m)),
        }
    }

    /// The months of section `section`'s events, earliest first, with their counts.
    pub fn event_months(&self, section: usize) -> Vec<MonthCount> {
        let s = &self.site.sections[section];
        by_month(self.site, &s.pages)
            .into_iter()
            .map(|(m, list)| {
                let MonthLink { label, url } = self.month_link(&s.section.path, m);
                MonthCount {
                    label,
                    url,
                    count: list.len(),
                }
            })
            .collect()
    }

    /// Month `month`'s page of event section `section`.
    pub fn event_month(&self, section: usize, month: Month) -> EventMonthView<'a> {
        let s = &self.site.sections[section];
        let months = by_month(self.site, &s.pages);
        let at = months.iter().position(|(m, _)| *m == month);
        let mut days: Vec<DayView> = Vec::new();
        let events = at.map_or(&[][..], |k| months[k].1.as_slice());
        for &i in events {
            let Some(date) = self.site.pages[i].page.date else {
                continue;
            };
            let summary = self.summary_value(i);
            match days.last_mut() {
                Some(d) if d.date == date => d.events.push(summary),
                _ => days.push(DayView {
                    date,
                    events: vec![summary],
                }),
            }
        }
        let link = |k: Option<usize>| {
            k.and_then(|k| months.get(k))
                .map(|(m, _)| self.month_link(&s.section.path, *m))
        };
        let path = month_path(&s.section.path, month);
        EventMonthView {
            label: month.label(),
            month: month.slug(),
            url: self.config().url(&path),
            permalink: self.config().permalink(&path),
            section_title: &s.section.title,
            section_url: self.config().url(&s.section.path),
            days,
            prev: link(at.and_then(|k| k.checked_sub(1))),
            next: link(at.map(|k| k + 1)),
        }
    }
}
