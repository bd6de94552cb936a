//! Events (lịch): whether an event is still to come, decided against the build date by
//! [`is_upcoming`] alone, and the order every list of events uses: upcoming ones first,
//! soonest first, then past ones, latest first. The index, the open data and the
//! calendar call these, so an event is upcoming or past the same everywhere.

use super::Site;
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
    let when = |i: &usize| {
        let p = &site.pages[*i].page;
        (p.date, p.event.as_ref().and_then(|e| e.time))
    };
    upcoming.sort_by_key(when);
    past.sort_by_key(|i| std::cmp::Reverse(when(i)));
    (upcoming, past)
}

#[cfg(test)]
mod tests {
    use super::is_upcoming;
    use crate::text::date::Date;

    #[test]
    fn an_event_of_the_build_day_is_still_upcoming() {
        let today = Date::new(2025, 3, 20).unwrap();
        assert!(is_upcoming(Date::new(2025, 3, 20), today));
        assert!(is_upcoming(Date::new(2025, 4, 1), today));
        assert!(!is_upcoming(Date::new(2025, 3, 19), today));
        assert!(!is_upcoming(None, today));
    }
}
