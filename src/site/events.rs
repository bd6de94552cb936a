//! Events (lịch): whether an event is still to come, decided against the build date by
//! [`is_upcoming`] alone, and the order every list of events uses: upcoming ones first,
//! soonest first, then past ones, latest first. The index, the open data and the
//! calendar call these, so an event is upcoming or past the same everywhere. Also the
//! months that have events ([`by_month`]), each with its own page ([`month_path`]), and
//! the next events the home page lists ([`next_events`]).

use super::Site;
use crate::content::Kind;
use crate::text::date::Date;

/// Whether an event on `day` (the page's `date`) has not yet passed on `today`: an event
/// of the build day is still upcoming (the portal is rebuilt daily, and on the day
/// citizens look it up).
pub fn is_upcoming(day: Option<Date>, today: Date) -> bool {
    day.is_some_and(|d| d >= today)
}

/// `pages` (events) split into upcoming, soonest first (by day then start time), and
/// past, latest first.
pub fn upcoming_then_past(site: &Site, pages: &[usize]) -> (Vec<usize>, Vec<usize>) {
    let today = site.build_date;
    let (mut upcoming, mut past): (Vec<usize>, Vec<usize>) = pages
        .iter()
        .partition(|&&i| is_upcoming(site.pages[i].page.date, today));
    upcoming.sort_by_key(|i| when(site, *i));
    past.sort_by_key(|i| std::cmp::Reverse(when(site, *i)));
    (upcoming, past)
}

/// When event `i` starts: its day, then its time (an all-day event first of its day).
fn when(site: &Site, i: usize) -> (Option<Date>, Option<crate::content::page::Time>) {
    let p = &site.pages[i].page;
    (p.date, p.event.as_ref().and_then(|e| e.time))
}

/// A calendar month, the unit of the events' month pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
}

impl Month {
    /// The month of day `d`.
    pub fn of(d: Date) -> Month {
        Month {
            year: d.year,
            month: d.month,
        }
    }

    /// `2025-03`: the month page's folder, sorted as the months are (ISO 8601, like the
    /// dates in every other address and file congbo writes).
    pub fn slug(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// `03/2025`, as Vietnamese writes a month.
    pub fn label(self) -> String {
        format!("{:02}/{:04}", self.month, self.year)
    }
}

/// `pages` (events) by month, earliest month first, each month's events by day then start
/// time (`pages`' order among equals). An event without a day is in no month.
pub fn by_month(site: &Site, pages: &[usize]) -> Vec<(Month, Vec<usize>)> {
    let mut dated: Vec<(Date, usize)> = pages
        .iter()
        .filter_map(|&i| Some((site.pages[i].page.date?, i)))
        .collect();
    dated.sort_by_key(|&(_, i)| when(site, i));
    let mut out: Vec<(Month, Vec<usize>)> = Vec::new();
    for (d, i) in dated {
        let m = Month::of(d);
        match out.last_mut() {
            Some((last, list)) if *last == m => list.push(i),
            _ => out.push((m, vec![i])),
        }
    }
    out
}

/// The site path of month `m`'s page of the event section at `section_path` (`/lich/`):
/// `/lich/2025-03/`.
pub fn month_path(section_path: &str, m: Month) -> String {
    format!("{section_path}{}/", m.slug())
}

/// The next `n` events of the whole site, soonest first: the home page's list.
pub fn next_events(site: &Site, n: usize) -> Vec<usize> {
    let (mut upcoming, _) = upcoming_then_past(site, &site.pages_of(Kind::Event));
    upcoming.truncate(n);
    upcoming
}

#[cfg(test)]
mod tests {
    use super::{Month, is_upcoming, month_path};
    use crate::text::date::Date;

    #[test]
    fn a_month_is_written_iso_in_addresses_and_day_first_in_words() {
        let m = Month::of(Date::new(2025, 3, 20).unwrap());
        assert_eq!(m.slug(), "2025-03");
        assert_eq!(m.label(), "03/2025");
        assert_eq!(month_path("/lich/", m), "/lich/2025-03/");
        assert!(m < Month::of(Date::new(2025, 11, 1).unwrap()));
        assert!(m > Month::of(Date::new(2024, 12, 31).unwrap()));
    }

    #[test]
    fn an_event_of_the_build_day_is_still_upcoming() {
        let today = Date::new(2025, 3, 20).unwrap();
        assert!(is_upcoming(Date::new(2025, 3, 20), today));
        assert!(is_upcoming(Date::new(2025, 4, 1), today));
        assert!(!is_upcoming(Date::new(2025, 3, 19), today));
        assert!(!is_upcoming(None, today));
    }
}
