//! How often recurring work comes round, for the calendar: "Hằng tháng", "Hằng quý",
//! "Định kỳ 6 tháng", "Hằng năm", "Trước ngày 05 tháng cuối quý". Each falls in the last
//! month of every calendar period of its length (a report "hằng quý" is due by the end of
//! each quarter), on the day written or else that month's last day.

use super::super::date::Date;
use super::tokens::{Tok, num, tokenize, word};
use crate::text::fold::search_fold;

/// A recurrence: every `every` months (1, 3, 6 or 12), in the last month of each
/// calendar period of that length, on `day` or else the month's last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recurrence {
    /// Months between two occurrences.
    pub every: u8,
    /// Day of the month, when the text gives one.
    pub day: Option<u8>,
}

/// How often the due text `text` comes round, if it says so.
pub fn recurrence(text: &str) -> Option<Recurrence> {
    let t = tokenize(&search_fold(text));
    let every = (0..t.len()).find_map(|i| {
        let hang = word(&t, i, "hang") || word(&t, i, "moi");
        if hang && word(&t, i + 1, "thang") {
            Some(1)
        } else if (hang || word(&t, i, "cuoi")) && word(&t, i + 1, "quy") {
            Some(3)
        } else if hang && word(&t, i + 1, "nam") {
            Some(12)
        } else if word(&t, i, "dinh") && word(&t, i + 1, "ky") && num(&t, i + 2, 1, 2) == Some(6) {
            word(&t, i + 3, "thang").then_some(6)
        } else {
            None
        }
    })?;
    // "ngày 05 tháng cuối quý": the day of the month it falls on.
    let day = (0..t.len()).find_map(|i| {
        let d = num(&t, i + 1, 1, 2)?;
        (word(&t, i, "ngay") && matches!(t.get(i + 2), Some(Tok::Word(w)) if w == "thang"))
            .then(|| u8::try_from(d).ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    });
    Some(Recurrence { every, day })
}

impl Recurrence {
    /// The day it falls on in `year`/`month`.
    fn on(self, year: i32, month: u8) -> Option<Date> {
        let last = Date::last_day_of_month(year, month);
        Date::new(year, month, self.day.map_or(last, |d| d.min(last)))
    }

    /// The first occurrence on or after `from`.
    pub fn first_on_or_after(self, from: Date) -> Option<Date> {
        let every = i32::from(self.every.clamp(1, 12));
        // The last month of the calendar period `from` is in, as months since year 0.
        let month0 = from.year * 12 + i32::from(from.month) - 1;
        let mut end0 = month0 - month0.rem_euclid(every) + every - 1;
        for _ in 0..2 {
            let (year, month) = (
                end0.div_euclid(12),
                u8::try_from(end0.rem_euclid(12) + 1).ok()?,
            );
            let date = self.on(year, month)?;
            if date >= from {
                return Some(date);
            }
            end0 += every;
        }
        None
    }

    /// The iCalendar RRULE value, repeating until `until` (inclusive).
    pub fn rrule(self, until: Date) -> String {
        let day = self.day.map_or(-1, i32::from);
        format!(
            "FREQ=MONTHLY;INTERVAL={};BYMONTHDAY={day};UNTIL={:04}{:02}{:02}",
            self.every, until.year, until.month, until.day
        )
    }
}
