//! Reading the ways editors write a date ([`parse_date`]) and the plain-words error
//! ([`DateError`]) that says what to write instead.

use std::fmt;

use super::{Date, MONTH_NAMES};
use crate::text::fold::search_fold;
use crate::text::normalize::nfc;

/// Why a text could not be read as a date. `text` is the input, trimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Written like a date, but no such day exists ("30/02/2024",
    /// "2023-02-29", "15/13/2024").
    Impossible {
        /// The text as written, trimmed.
        text: String,
    },
    /// Not written like a date at all ("mai", "", "2024").
    Unreadable {
        /// The text as written, trimmed.
        text: String,
    },
}

impl fmt::Display for DateError {
    /// Plain English telling the editor what is wrong and what to write.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Unreadable { text } if text.is_empty() => f.write_str(&crate::tr!(
                en: "the date is empty; write it as 2024-02-29 or 29/02/2024",
                vi: "ngày tháng đang để trống; hãy viết như 2024-02-29 hoặc 29/02/2024",
            )),
            DateError::Unreadable { text } => f.write_str(&crate::tr!(
                en: "\"{text}\" is not a date; write it as 2024-02-29 or 29/02/2024",
                vi: "\"{text}\" không phải là ngày tháng; hãy viết như 2024-02-29 hoặc 29/02/2024",
            )),
            DateError::Impossible { text } => {
                f.write_str(&crate::tr!(
                    en: "\"{text}\" is not a real date",
                    vi: "\"{text}\" không phải là một ngày có thật",
                ))?;
                // Re-read the numbers to say exactly which part is wrong.
                let Some((year, month, day)) = read_numbers(text) else {
                    return Ok(());
                };
                if !(1000..=9999).contains(&year) {
                    f.write_str(&crate::tr!(
                        en: " (the year must be between 1000 and 9999)",
                        vi: " (năm phải từ 1000 đến 9999)",
                    ))
                } else if !(1..=12).contains(&month) {
                    f.write_str(&crate::tr!(
                        en: " (there is no month {month}; the day comes first, as in 29/02/2024)",
                        vi: " (không có tháng {month}; ngày viết trước, như 29/02/2024)",
                    ))
                } else if day == 0 {
                    f.write_str(&crate::tr!(en: " (there is no day 0)", vi: " (không có ngày 0)"))
                } else {
                    let name = MONTH_NAMES[usize::from(month - 1)];
                    let days = Date::last_day_of_month(year, month);
                    f.write_str(&crate::tr!(
                        en: " ({name} {year} has {days} days)",
                        vi: " (tháng {month}/{year} có {days} ngày)",
                    ))
                }
            }
        }
    }
}

impl std::error::Error for DateError {}

/// Reads a date written as "2024-02-29", "29/02/2024", "29/2/2024",
/// "29-02-2024", "29.02.2024" (also "2024/02/29", "2024.02.29") or
/// "ngày 29 tháng 02 năm 2024", optionally preceded by "ngày", with any
/// surrounding whitespace.
///
/// A text shaped like a date that names no real day is
/// [`DateError::Impossible`]; anything else is [`DateError::Unreadable`].
pub fn parse_date(s: &str) -> Result<Date, DateError> {
    // ISO dates, the form templates pass to the date filters (thousands a build), read
    // without folding and splitting: the same numbers `read_numeric` would read.
    if let Some((year, month, day)) = read_iso(s.as_bytes()) {
        return Date::new(year, month, day)
            .ok_or_else(|| DateError::Impossible { text: s.to_owned() });
    }
    let text = nfc(s).trim().to_owned();
    match read_numbers(&text) {
        Some((year, month, day)) => {
            Date::new(year, month, day).ok_or(DateError::Impossible { text })
        }
        None => Err(DateError::Unreadable { text }),
    }
}

/// The (year, month, day) numbers of a text shaped like a date, valid or
/// not; `None` when it is not shaped like one. Kept apart from validation
/// so the error message can re-read them and say which part is wrong.
pub(super) fn read_numbers(text: &str) -> Option<(i32, u8, u8)> {
    let folded = search_fold(text);
    let words: Vec<&str> = folded.split(' ').collect();
    match words.as_slice() {
        ["ngay", d, "thang", m, "nam", y] | [d, "thang", m, "nam", y] => {
            Some((number(y, 4..=4)?, number(m, 1..=2)?, number(d, 1..=2)?))
        }
        ["ngay", numeric] | [numeric] => read_numeric(numeric),
        _ => None,
    }
}

/// The numbers of exactly `YYYY-MM-DD`.
fn read_iso(b: &[u8]) -> Option<(i32, u8, u8)> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *b else {
        return None;
    };
    let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = |hi: u8, lo: u8| (hi - b'0') * 10 + (lo - b'0');
    let year = i32::from(n(y0, y1)) * 100 + i32::from(n(y2, y3));
    Some((year, n(m0, m1), n(d0, d1)))
}

/// Reads "29/02/2024" (any one of `/ - .` as separator) or "2024-02-29".
fn read_numeric(s: &str) -> Option<(i32, u8, u8)> {
    let sep = s.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, '/' | '-' | '.') {
        return None;
    }
    let parts: Vec<&str> = s.split(sep).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    if a.len() == 4 {
        Some((number(a, 4..=4)?, number(b, 1..=2)?, number(c, 1..=2)?))
    } else {
        Some((number(c, 4..=4)?, number(b, 1..=2)?, number(a, 1..=2)?))
    }
}

/// `s` as a number when it is all ASCII digits and its length is in
/// `digits`. Callers allow at most 4 digits, so the value fits any target.
fn number<T: TryFrom<u32>>(s: &str, digits: std::ops::RangeInclusive<usize>) -> Option<T> {
    if !digits.contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value = s.parse::<u32>().ok()?;
    T::try_from(value).ok()
}
