//! Owns reading the free-text "due" column of a plan task ("Quý III/2025",
//! "6 tháng đầu năm 2025", "Trước ngày 25/12/2024", "Thường xuyên" …) into
//! a period, so plans can be put on a timeline and checked for lateness.
//!
//! The text is folded (lower case, no diacritics, one kind of dash) and cut
//! into words, numbers and symbols. Recognised forms are picked out left to
//! right and every other word ("Trong", "Trước", "Hoàn thành", "Dự kiến" …)
//! is skipped; a number alone is a year ("2025"). A form without a year
//! ("Quý I - Quý II/2025") borrows the next year written, else the previous
//! one. The period runs from the earliest start to the latest end, which
//! covers both ranges ("Tháng 3 - 5/2025") and lists ("Quý I/2025 và Quý
//! III/2025"). A form that names no real period (month 13, 30/02) makes the
//! whole text unreadable rather than silently wrong.

mod phrase;
mod recur;
mod tokens;

pub use self::phrase::due_in_text;
pub use self::recur::{Recurrence, recurrence};

use self::tokens::{Tok, connector, date_sep, num, tokenize, word};
use super::date::Date;
use super::fold::search_fold;

/// What a due text says about when a task is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Due {
    /// Due within `start..=end` (equal for a single day).
    Period {
        /// The first day of the period.
        start: Date,
        /// The last day of the period, never before `start`.
        end: Date,
    },
    /// Recurring or continuous work ("Thường xuyên", "Hằng năm"); the
    /// caller spreads it over the plan's own period.
    Ongoing,
    /// Nothing usable: no date, a date that does not exist, or a period
    /// without any year.
    Unreadable,
}

/// A recognised form before its year is known. Months and days are kept
/// as written (possibly out of range) and checked when the year is added.
#[derive(Clone, Copy, Debug)]
enum Span {
    /// Whole months `first..=last`.
    Months(i32, i32),
    /// One day: (month, day).
    Day(i32, i32),
}

/// A recognised form and the year written with it, if any.
#[derive(Clone, Copy, Debug)]
struct Form {
    span: Span,
    year: Option<i32>,
}

impl Form {
    /// The day `day` of `month`, in `year` if one was written.
    fn day(month: i32, day: i32, year: Option<i32>) -> Form {
        Form {
            span: Span::Day(month, day),
            year,
        }
    }

    /// The months `first..=last`, in `year` if one was written.
    fn months(first: i32, last: i32, year: Option<i32>) -> Form {
        Form {
            span: Span::Months(first, last),
            year,
        }
    }
}

/// Word pairs that mark recurring or continuous work, folded.
const ONGOING: [&str; 10] = [
    "thuong xuyen",
    "thuong nien",
    "lien tuc",
    "dinh ky",
    "hang nam",
    "hang quy",
    "hang thang",
    "hang tuan",
    "hang ngay",
    // "Trước ngày 05 tháng cuối quý": every quarter.
    "cuoi quy",
];

/// Reads a plan task's due text. Never fails: what cannot be read is
/// [`Due::Unreadable`]. See the module doc for the forms understood.
pub fn parse_due(text: &str) -> Due {
    let toks = tokenize(&search_fold(text));
    let mut forms: Vec<Form> = Vec::new();
    // A year standing alone ("2025") is the whole year; inside other text a
    // bare number is too likely to be something else ("Kế hoạch 2025").
    if let [Tok::Num(year, 4)] = toks.as_slice() {
        let year = i32::try_from(*year).ok();
        forms.push(Form::months(1, 12, year));
    }
    let mut i = 0;
    while i < toks.len() {
        match read_form(&toks, i) {
            Some((found, next)) => {
                forms.extend(found);
                i = next;
            }
            None => i += 1,
        }
    }
    let mut period: Option<(Date, Date)> = None;
    for (k, form) in forms.iter().enumerate() {
        let borrowed = forms[k + 1..]
            .iter()
            .chain(forms[..k].iter().rev())
            .find_map(|f| f.year);
        // A form with no year anywhere in the text cannot be placed; it is
        // left out (so "Hằng năm, trước ngày 15/12" stays Ongoing).
        let Some(year) = form.year.or(borrowed) else {
            continue;
        };
        let Some((start, end)) = resolve(form.span, year) else {
            return Due::Unreadable;
        };
        period = Some(match period {
            Some((s, e)) => (s.min(start), e.max(end)),
            None => (start, end),
        });
    }
    match period {
        Some((start, end)) => Due::Period { start, end },
        None if is_ongoing(&toks) => Due::Ongoing,
        None => Due::Unreadable,
    }
}

/// The first and last day of `span` in `year`, or `None` if it names no
/// real period.
fn resolve(span: Span, year: i32) -> Option<(Date, Date)> {
    match span {
        Span::Months(first, last) => {
            let (first, last) = (u8::try_from(first).ok()?, u8::try_from(last).ok()?);
            if first > last {
                return None;
            }
            let start = Date::new(year, first, 1)?;
            let end = Date::new(year, last, Date::last_day_of_month(year, last))?;
            Some((start, end))
        }
        Span::Day(month, day) => {
            let date = Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)?;
            Some((date, date))
        }
    }
}

/// Whether two consecutive words mark recurring work.
fn is_ongoing(toks: &[Tok]) -> bool {
    toks.windows(2).any(|pair| match pair {
        [Tok::Word(a), Tok::Word(b)] => ONGOING.contains(&format!("{a} {b}").as_str()),
        _ => false,
    })
}

/// A year written after a form: "năm 2025" or "/2025" ("-2025", ".2025").
/// Returns the year and the index after it.
fn year_suffix(t: &[Tok], i: usize) -> Option<(i32, usize)> {
    if word(t, i, "nam") || date_sep(t, i).is_some() {
        return Some((num(t, i + 1, 4, 4)?, i + 2));
    }
    None
}

/// Reads one item of a series ("III", "5", "2026"), without its keyword:
/// the span, the year it carries itself (years do), and the next index.
type Item = fn(&[Tok], usize) -> Option<(Span, Option<i32>, usize)>;

/// The quarter numbers: Roman I–IV (as folded words) or one digit.
fn quarter_item(t: &[Tok], i: usize) -> Option<(Span, Option<i32>, usize)> {
    let q = match t.get(i)? {
        Tok::Word(w) => 1 + ["i", "ii", "iii", "iv"].iter().position(|r| r == w)? as i32,
        _ => num(t, i, 1, 1)?,
    };
    Some((Span::Months(3 * q - 2, 3 * q), None, i + 1))
}

/// A month number — unless it starts a day such as "15/7/2025" (two equal
/// separators), while "3-5/2025" (a range) is still months 3 and 5.
fn month_item(t: &[Tok], i: usize) -> Option<(Span, Option<i32>, usize)> {
    let m = num(t, i, 1, 2)?;
    let sep = date_sep(t, i + 1);
    if sep.is_some() && num(t, i + 2, 1, 2).is_some() && date_sep(t, i + 3) == sep {
        return None;
    }
    Some((Span::Months(m, m), None, i + 1))
}

/// A four-digit year, standing for the whole year.
fn year_item(t: &[Tok], i: usize) -> Option<(Span, Option<i32>, usize)> {
    let y = num(t, i, 4, 4)?;
    Some((Span::Months(1, 12), Some(y), i + 1))
}

/// Reads `keyword item [year]`, then any `connector [keyword] item [year]`
/// that follow: "Quý I, II và Quý III/2025", "Tháng 3 - 5/2025".
fn series(t: &[Tok], i: usize, keywords: &[&str], item: Item) -> Option<(Vec<Form>, usize)> {
    let skip_keyword = |k: usize| {
        keywords
            .iter()
            .enumerate()
            .all(|(n, w)| word(t, k + n, w))
            .then_some(k + keywords.len())
    };
    let mut next = skip_keyword(i)?;
    let mut forms = Vec::new();
    while let Some((span, own_year, after)) = item(t, next) {
        next = after;
        let mut year = own_year;
        if year.is_none()
            && let Some((y, after_year)) = year_suffix(t, next)
        {
            (year, next) = (Some(y), after_year);
        }
        forms.push(Form { span, year });
        // Go on only where a connector leads to another item of the kind.
        match connector(t, next).map(|c| skip_keyword(c).unwrap_or(c)) {
            Some(start) if item(t, start).is_some() => next = start,
            _ => break,
        }
    }
    (!forms.is_empty()).then_some((forms, next))
}

/// The form starting at token `i`, if any, and the index after it.
fn read_form(t: &[Tok], i: usize) -> Option<(Vec<Form>, usize)> {
    let one = |(form, next): (Form, usize)| (vec![form], next);
    half_year(t, i)
        .or_else(|| end_of_year(t, i))
        .map(one)
        .or_else(|| series(t, i, &["quy"], quarter_item))
        .or_else(|| series(t, i, &["qui"], quarter_item))
        .or_else(|| series(t, i, &["thang"], month_item))
        .or_else(|| series(t, i, &["nam"], year_item))
        .or_else(|| series(t, i, &["giai", "doan"], year_item))
        .or_else(|| day_range(t, i))
        .or_else(|| day(t, i).map(one))
        .or_else(|| bare_numbers(t, i).map(one))
}

/// "Cuối năm 2025": the year's last quarter (work finished "at the end of the year" is
/// late in January, not due any day of the year).
fn end_of_year(t: &[Tok], i: usize) -> Option<(Form, usize)> {
    if !(word(t, i, "cuoi") && word(t, i + 1, "nam")) {
        return None;
    }
    let year = num(t, i + 2, 4, 4);
    let next = if year.is_some() { i + 3 } else { i + 2 };
    Some((Form::months(10, 12, year), next))
}

/// "6 tháng đầu năm 2025", "sáu tháng cuối năm", "nửa đầu năm 2025": the
/// first or last N months of a year.
fn half_year(t: &[Tok], i: usize) -> Option<(Form, usize)> {
    let (n, after_n) = if word(t, i, "nua") {
        (6, i + 1)
    } else {
        let n = num(t, i, 1, 2).or_else(|| word(t, i, "sau").then_some(6))?;
        if !word(t, i + 1, "thang") {
            return None;
        }
        (n, i + 2)
    };
    let first_part = if word(t, after_n, "dau") {
        true
    } else if word(t, after_n, "cuoi") {
        false
    } else {
        return None;
    };
    let mut next = after_n + 1;
    let mut year = None;
    if let Some((y, after)) = year_suffix(t, next) {
        (year, next) = (Some(y), after);
    } else if word(t, next, "nam") {
        next += 1;
    }
    let span = if first_part {
        Span::Months(1, n)
    } else {
        Span::Months(13 - n, 12)
    };
    Some((Form { span, year }, next))
}

/// A day: "ngày 25 tháng 12 năm 2024", "ngày 25/12/2024", "25/12/2024",
/// "2024-12-25", or without a year "ngày 15/3". Without "ngày", a day with
/// no year must use '/' or '.', so "3-5" is not taken for 3 May.
fn day(t: &[Tok], i: usize) -> Option<(Form, usize)> {
    let has_ngay = word(t, i, "ngay");
    let s = if has_ngay { i + 1 } else { i };
    if !has_ngay && !free_standing(t, s) {
        return None;
    }
    // Year first: "2024-12-25", "2024/12/25".
    if let (Some(y), Some(sep), Some(m), Some(d)) = (
        num(t, s, 4, 4),
        date_sep(t, s + 1),
        num(t, s + 2, 1, 2),
        num(t, s + 4, 1, 2),
    ) {
        if date_sep(t, s + 3) != Some(sep) {
            return None;
        }
        return Some((Form::day(m, d, Some(y)), s + 5));
    }
    let d = num(t, s, 1, 2)?;
    if word(t, s + 1, "thang") {
        let m = num(t, s + 2, 1, 2)?;
        let (year, next) = match year_suffix(t, s + 3) {
            Some((y, next)) => (Some(y), next),
            None => (None, s + 3),
        };
        return Some((Form::day(m, d, year), next));
    }
    let sep = date_sep(t, s + 1)?;
    let m = num(t, s + 2, 1, 2)?;
    if date_sep(t, s + 3) == Some(sep)
        && let Some(y) = num(t, s + 4, 4, 4)
    {
        return Some((Form::day(m, d, Some(y)), s + 5));
    }
    // No year: only a clean "15/3", not part of a longer run of numbers
    // ("3-5-25"); a different symbol after it ("01/3 - 15/3") is a connector.
    let longer = date_sep(t, s + 3) == Some(sep) && matches!(t.get(s + 4), Some(Tok::Num(..)));
    if longer || (!has_ngay && sep == '-') {
        return None;
    }
    Some((Form::day(m, d, None), s + 3))
}

/// "ngày 01 - 15/3/2025", "từ ngày 01 đến ngày 15/3/2025": a first day
/// written bare, taking its month and year from the day after it.
fn day_range(t: &[Tok], i: usize) -> Option<(Vec<Form>, usize)> {
    if !word(t, i, "ngay") {
        return None;
    }
    let first = num(t, i + 1, 1, 2)?;
    let (second, next) = day(t, connector(t, i + 2)?)?;
    let Span::Day(month, _) = second.span else {
        return None;
    };
    let first = Form::day(month, first, second.year);
    Some((vec![first, second], next))
}

/// "6/2025" on its own: a month of a year.
fn bare_numbers(t: &[Tok], i: usize) -> Option<(Form, usize)> {
    if !free_standing(t, i) {
        return None;
    }
    let m = num(t, i, 1, 2)?;
    date_sep(t, i + 1)?;
    let y = num(t, i + 2, 4, 4)?;
    if date_sep(t, i + 3) == Some('/') {
        // "12/2025/NQ-HĐND" is a document number, not December.
        return None;
    }
    Some((Form::months(m, m, Some(y)), i + 3))
}

/// Whether numbers starting at `i` stand on their own rather than being
/// part of a document number ("số 12/2025", "…/12/2025/NQ").
fn free_standing(t: &[Tok], i: usize) -> bool {
    let before = i.checked_sub(1).and_then(|k| t.get(k));
    !matches!(before, Some(Tok::Sym('/'))) && !matches!(before, Some(Tok::Word(w)) if w == "so")
}

#[cfg(test)]
mod tests;
