//! Owns calendar dates: the [`Date`] type, reading the ways editors write a
//! date ([`parse_date`]), plain-English errors that say what to write
//! instead ([`DateError`]), and the written forms congbo needs — ISO, the
//! dd/mm/yyyy list form, the state-document form "ngày 05 tháng 7 năm 2021",
//! and RFC 2822 / RFC 3339 for feeds.

use std::fmt;
use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Serialize, Serializer};

/// Month names in English, for error messages.
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Days since 1970-01-01 of 1000-01-01 and 9999-12-31, the range [`Date`]
/// accepts; `from_days_since_epoch` clamps into it.
const MIN_DAYS: i64 = days_from_civil(1000, 1, 1);
const MAX_DAYS: i64 = days_from_civil(9999, 12, 31);

/// A calendar day (proleptic Gregorian) between 1000-01-01 and 9999-12-31.
/// Ordering is chronological. Serialises as the ISO string "2024-02-29".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, 1000–9999 for dates made by [`Date::new`].
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm;
/// exact for every date, including far before the epoch).
const fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let m = month as i64;
    let y = year as i64 - if m <= 2 { 1 } else { 0 };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Whether `year` is a Gregorian leap year.
fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

impl Date {
    /// The date `year-month-day`, or `None` when there is no such day or
    /// the year is outside 1000–9999.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1000..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= Date::last_day_of_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// The number of days in `month` of `year` (28–31), or 0 when `month`
    /// is not 1–12.
    pub fn last_day_of_month(year: i32, month: u8) -> u8 {
        match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if is_leap(year) => 29,
            2 => 28,
            _ => 0,
        }
    }

    /// "2024-02-29".
    pub fn iso(&self) -> String {
        let mut out = String::with_capacity(10);
        super::push_padded(&mut out, self.year, 4);
        out.push('-');
        super::push_padded(&mut out, self.month.into(), 2);
        out.push('-');
        super::push_padded(&mut out, self.day.into(), 2);
        out
    }

    /// "29/02/2024": the form used in lists and tables, always two-digit
    /// day and month.
    pub fn list(&self) -> String {
        let mut out = String::with_capacity(10);
        super::push_padded(&mut out, self.day.into(), 2);
        out.push('/');
        super::push_padded(&mut out, self.month.into(), 2);
        out.push('/');
        super::push_padded(&mut out, self.year, 4);
        out
    }

    /// The form state documents use (Nghị định 30/2020): days under 10 and
    /// months 1 and 2 get a leading zero, other months do not —
    /// "ngày 29 tháng 02 năm 2024", "ngày 05 tháng 7 năm 2021".
    pub fn document(&self) -> String {
        // Months 1 and 2 are padded so they cannot be misread (or altered)
        // as 10, 11 or 12; the rule is the decree's, not ours.
        let mut out = String::with_capacity(32);
        out.push_str("ngày ");
        super::push_padded(&mut out, self.day.into(), 2);
        out.push_str(" tháng ");
        super::push_padded(
            &mut out,
            self.month.into(),
            if self.month <= 2 { 2 } else { 1 },
        );
        out.push_str(" năm ");
        super::push_padded(&mut out, self.year, 1);
        out
    }

    /// Days since 1970-01-01 (which is day 0); negative before it.
    pub fn days_since_epoch(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// The date `days` days after 1970-01-01, clamped to
    /// 1000-01-01..=9999-12-31 so any input gives a valid date.
    pub fn from_days_since_epoch(days: i64) -> Date {
        // Hinnant's civil-from-days; every intermediate fits easily in i64
        // once `days` is clamped.
        let z = days.clamp(MIN_DAYS, MAX_DAYS) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Today's date in UTC, from the system clock.
    pub fn today_utc() -> Date {
        let days = match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(since) => (since.as_secs() / 86_400) as i64,
            // A clock set before 1970: count backwards instead of failing.
            Err(e) => -(e.duration().as_secs().div_ceil(86_400) as i64),
        };
        Date::from_days_since_epoch(days)
    }

    /// The day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(&self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        (self.days_since_epoch() + 3).rem_euclid(7) as u8
    }

    /// The date `days` days later (earlier when negative), clamped to the
    /// range [`Date::from_days_since_epoch`] allows.
    pub fn add_days(&self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch().saturating_add(days))
    }

    /// The date `days` days later, or `None` when it would leave
    /// 1000-01-01..=9999-12-31.
    pub fn checked_add_days(&self, days: i64) -> Option<Date> {
        let target = self.days_since_epoch().checked_add(days)?;
        (MIN_DAYS..=MAX_DAYS)
            .contains(&target)
            .then(|| Date::from_days_since_epoch(target))
    }

    /// The quarter of the year, 1–4.
    pub fn quarter(&self) -> u8 {
        (self.month.saturating_sub(1) / 3 + 1).min(4)
    }

    /// Midnight UTC of this day in RFC 2822 form, for RSS:
    /// "Thu, 29 Feb 2024 00:00:00 +0000".
    pub fn rfc2822(&self) -> String {
        const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        let weekday = DAYS.get(usize::from(self.weekday())).unwrap_or(&"Mon");
        let month = MONTH_NAMES
            .get(usize::from(self.month.wrapping_sub(1)))
            .map_or("Jan", |name| &name[..3]);
        format!(
            "{weekday}, {:02} {month} {:04} 00:00:00 +0000",
            self.day, self.year
        )
    }

    /// Midnight UTC of this day in RFC 3339 form, for Atom and sitemaps:
    /// "2024-02-29T00:00:00Z".
    pub fn rfc3339(&self) -> String {
        format!("{}T00:00:00Z", self.iso())
    }
}

impl fmt::Display for Date {
    /// Writes the ISO form, "2024-02-29".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Same as [`parse_date`].
    fn from_str(s: &str) -> Result<Date, DateError> {
        parse_date(s)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    /// Reads any form [`parse_date`] accepts, from a string — and from a
    /// native TOML date (`date = 2024-02-29`), which the toml crate hands
    /// over as a one-entry map holding the date as a string.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        struct DateVisitor;
        impl<'de> Visitor<'de> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date such as 2024-02-29 or 29/02/2024")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                parse_date(v).map_err(E::custom)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
                const TOML_DATETIME_KEY: &str = "$__toml_private_datetime";
                match map.next_entry::<String, String>()? {
                    Some((key, value)) if key == TOML_DATETIME_KEY => {
                        parse_date(&value).map_err(de::Error::custom)
                    }
                    _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
                }
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

mod parse;
pub use parse::{DateError, parse_date};

#[cfg(test)]
mod tests;
