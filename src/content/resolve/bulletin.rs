//! A bulletin's own keys (bản tin): its series, its number and the year the numbering
//! belongs to, the period it covers (a plan's `period` table, or a month) and its files
//! (`attachments`, as plans have). The date published is the page's `date`, which a
//! bulletin must have (its feed and archive are ordered by it); two bulletins of one
//! number are `content::checks`' rule, since it needs every page.

use super::meta::read_period;
use super::{Origin, clean_list, non_empty};
use crate::content::page::BulletinMeta;
use crate::content::raw::RawPage;
use crate::error::Diagnostic;
use crate::text::date::Date;
use crate::text::due::{Due, parse_due};

/// A bulletin's keys, taken out of the raw front matter; `date` is the page's.
pub(super) fn bulletin_meta(
    raw: &mut RawPage,
    origin: &Origin<'_>,
    date: Option<Date>,
    errors: &mut Vec<Diagnostic>,
) -> BulletinMeta {
    if raw.date.is_none() {
        errors.push(origin.at_key(
            "title",
            crate::tr!(
                en: "a bulletin needs a `date`, the day it was published: add a line like date = 2025-03-31",
                vi: "bản tin cần có `date`, ngày phát hành: hãy thêm một dòng như date = 2025-03-31",
            ),
        ));
    }
    let issue = read_issue(raw.issue.take(), origin, errors);
    let year = match raw.year.take() {
        Some(y) if (1900..=9999).contains(&y) => i32::try_from(y).ok(),
        Some(y) => {
            errors.push(origin.at_key(
                "year",
                crate::tr!(
                    en: "`year` = {y} is not a year: write the year of the numbering with four digits, like year = 2025",
                    vi: "`year` = {y} không phải là năm: hãy ghi năm của số bản tin bằng bốn chữ số, như year = 2025",
                ),
            ));
            None
        }
        None => date.map(|d| d.year),
    };
    let period = match (raw.period.take(), non_empty(raw.month.take())) {
        (Some(_), Some(_)) => {
            errors.push(origin.at_key(
                "month",
                crate::tr!(
                    en: "a bulletin has `period` and `month`: keep one of them (month = \"03/2025\" for a whole month, period = {{ start = …, end = … }} for other days)",
                    vi: "bản tin có cả `period` và `month`: hãy giữ một trong hai (month = \"03/2025\" cho cả tháng, period = {{ start = …, end = … }} cho các ngày khác)",
                ),
            ));
            None
        }
        (Some(p), None) => read_period(&p, origin, errors),
        (None, Some(m)) => {
            let found = month_period(&m);
            if found.is_none() {
                errors.push(origin.at_key(
                    "month",
                    crate::tr!(
                        en: "`month` = \"{m}\" is not a month: write the month and year, like month = \"03/2025\"",
                        vi: "`month` = \"{m}\" không phải là một tháng: hãy ghi tháng và năm, như month = \"03/2025\"",
                    ),
                ));
            }
            found
        }
        (None, None) => None,
    };
    let series =
        non_empty(raw.series.take()).unwrap_or_else(|| BulletinMeta::DEFAULT_SERIES.to_string());
    let (issue, year) = (issue.unwrap_or(0), year.unwrap_or(0));
    BulletinMeta {
        label: BulletinMeta::label_of(&series, issue, year),
        series,
        issue,
        year,
        period,
        attachments: clean_list(raw.attachments.take().unwrap_or_default()),
        issue_line: origin.line_of("issue"),
    }
}

/// The first and last day of a month written "03/2025", "3/2025" or "tháng 3/2025": the
/// due-text rule of plans' tasks reads it, so a month means the same days everywhere.
fn month_period(text: &str) -> Option<(Date, Date)> {
    let folded = crate::text::fold::search_fold(text);
    let with_word = if folded.trim_start().starts_with("thang") {
        text.to_string()
    } else {
        format!("tháng {text}")
    };
    match parse_due(&with_word) {
        Due::Period { start, end }
            if start.day == 1
                && start.month == end.month
                && start.year == end.year
                && end.day == Date::last_day_of_month(end.year, end.month) =>
        {
            Some((start, end))
        }
        _ => None,
    }
}

/// `issue`: a whole number from 1.
fn read_issue(v: Option<i64>, origin: &Origin<'_>, errors: &mut Vec<Diagnostic>) -> Option<u32> {
    let Some(v) = v else {
        errors.push(origin.at_key(
            "title",
            crate::tr!(
                en: "a bulletin needs its number: add a line like issue = 3 (for \"số 03\")",
                vi: "bản tin cần có số: hãy thêm một dòng như issue = 3 (cho \"số 03\")",
            ),
        ));
        return None;
    };
    let found = u32::try_from(v).ok().filter(|&n| n >= 1);
    if found.is_none() {
        errors.push(origin.at_key(
            "issue",
            crate::tr!(
                en: "`issue` = {v} is not a bulletin number: write a whole number from 1, like issue = 3",
                vi: "`issue` = {v} không phải là số bản tin: hãy ghi một số nguyên từ 1, như issue = 3",
            ),
        ));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::month_period;
    use crate::text::date::Date;

    #[test]
    fn a_month_is_its_first_to_its_last_day() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        let march = Some((d(2025, 3, 1), d(2025, 3, 31)));
        assert_eq!(month_period("03/2025"), march);
        assert_eq!(month_period("3/2025"), march);
        assert_eq!(month_period("Tháng 3/2025"), march);
        assert_eq!(
            month_period("02/2024"),
            Some((d(2024, 2, 1), d(2024, 2, 29)))
        );
        for bad in [
            "13/2025",
            "2025",
            "quý I/2025",
            "tháng ba",
            "",
            "15/03/2025",
        ] {
            assert_eq!(month_period(bad), None, "{bad}");
        }
    }
}
