//! Tests for dates, kept in their own file so `date.rs` stays short:
//! validation, every written form, parsing and error messages here; day
//! arithmetic, serde and the property tests in `calendar`.

use super::super::testgen::Lcg;
use super::*;

fn d(year: i32, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

#[test]
fn new_validates() {
    let cases: &[((i32, u8, u8), bool)] = &[
        ((2024, 2, 29), true),
        ((2023, 2, 29), false),
        ((2000, 2, 29), true),
        ((1900, 2, 29), false),
        ((2024, 2, 30), false),
        ((2024, 4, 30), true),
        ((2024, 4, 31), false),
        ((2024, 12, 31), true),
        ((2024, 13, 1), false),
        ((2024, 0, 1), false),
        ((2024, 1, 0), false),
        ((999, 1, 1), false),
        ((1000, 1, 1), true),
        ((9999, 12, 31), true),
        ((10000, 1, 1), false),
        ((-5, 1, 1), false),
    ];
    for &((y, m, day), ok) in cases {
        assert_eq!(
            Date::new(y, m, day).is_some(),
            ok,
            "Date::new({y}, {m}, {day})"
        );
    }
}

#[test]
fn last_day_of_month_table() {
    let cases: &[(i32, u8, u8)] = &[
        (2024, 1, 31),
        (2024, 2, 29),
        (2023, 2, 28),
        (2100, 2, 28),
        (2400, 2, 29),
        (2024, 4, 30),
        (2024, 6, 30),
        (2024, 9, 30),
        (2024, 11, 30),
        (2024, 12, 31),
        (2024, 0, 0),
        (2024, 13, 0),
    ];
    for &(y, m, want) in cases {
        assert_eq!(Date::last_day_of_month(y, m), want, "{y}-{m}");
    }
}

#[test]
fn written_forms() {
    // (date, iso, list, document)
    let cases: &[(Date, &str, &str, &str)] = &[
        (
            d(2024, 2, 29),
            "2024-02-29",
            "29/02/2024",
            "ngày 29 tháng 02 năm 2024",
        ),
        (
            d(2021, 7, 15),
            "2021-07-15",
            "15/07/2021",
            "ngày 15 tháng 7 năm 2021",
        ),
        (
            d(2023, 10, 2),
            "2023-10-02",
            "02/10/2023",
            "ngày 02 tháng 10 năm 2023",
        ),
        (
            d(2024, 1, 5),
            "2024-01-05",
            "05/01/2024",
            "ngày 05 tháng 01 năm 2024",
        ),
        (
            d(2025, 12, 31),
            "2025-12-31",
            "31/12/2025",
            "ngày 31 tháng 12 năm 2025",
        ),
        (
            d(2025, 3, 9),
            "2025-03-09",
            "09/03/2025",
            "ngày 09 tháng 3 năm 2025",
        ),
    ];
    for (date, iso, list, document) in cases {
        assert_eq!(date.iso(), *iso);
        assert_eq!(date.to_string(), *iso);
        assert_eq!(date.list(), *list);
        assert_eq!(date.document(), *document);
        assert_eq!(date.rfc3339(), format!("{iso}T00:00:00Z"));
        // Every written form reads back.
        for form in [*iso, *list, *document] {
            assert_eq!(parse_date(form), Ok(*date), "parse_date({form:?})");
        }
    }
}

#[test]
fn parse_date_accepts() {
    let want = d(2024, 2, 29);
    let inputs = [
        "2024-02-29",
        "29/02/2024",
        "29/2/2024",
        "29-02-2024",
        "29.02.2024",
        "2024/02/29",
        "2024-2-29",
        "  29/02/2024\n",
        "\u{00A0}29/02/2024\u{3000}",
        "\u{FEFF}2024-02-29",
        "ngày 29/02/2024",
        "Ngày 29 tháng 02 năm 2024",
        "NGÀY 29 THÁNG 2 NĂM 2024",
        "nga\u{0300}y 29 tha\u{0301}ng 2 na\u{0306}m 2024",
        "29 tháng 2 năm 2024",
    ];
    for input in inputs {
        assert_eq!(parse_date(input), Ok(want), "parse_date({input:?})");
    }
    assert_eq!(parse_date("1/1/1000"), Ok(d(1000, 1, 1)));
    assert_eq!("2025-06-30".parse::<Date>(), Ok(d(2025, 6, 30)));
}

#[test]
fn parse_date_errors() {
    let impossible = [
        "30/02/2024",
        "2023-02-29",
        "31/04/2025",
        "15/13/2024",
        "00/01/2024",
        "01/00/2024",
        "29/02/0999",
        "ngày 30 tháng 2 năm 2024",
    ];
    for input in impossible {
        assert!(
            matches!(parse_date(input), Err(DateError::Impossible { .. })),
            "{input:?} should be Impossible"
        );
    }
    let unreadable = [
        "",
        "   ",
        "mai",
        "2024",
        "29/02",
        "29/02/24",
        "29/02-2024",
        "2024-02-29T10:00",
        "29 / 02 / 2024",
        "tháng 2 năm 2024",
        "12345/1/2024",
        "1/123/2024",
        "٢٩/٠٢/٢٠٢٤",
        "29/02/2024 và 01/03/2024",
    ];
    for input in unreadable {
        assert!(
            matches!(parse_date(input), Err(DateError::Unreadable { .. })),
            "{input:?} should be Unreadable, got {:?}",
            parse_date(input)
        );
    }
}

#[test]
fn error_messages_say_what_to_write() {
    let cases: &[(&str, &str)] = &[
        (
            "30/02/2024",
            "\"30/02/2024\" is not a real date (February 2024 has 29 days)",
        ),
        (
            "2023-02-29",
            "\"2023-02-29\" is not a real date (February 2023 has 28 days)",
        ),
        (
            "31/4/2025",
            "\"31/4/2025\" is not a real date (April 2025 has 30 days)",
        ),
        (
            "15/13/2024",
            "\"15/13/2024\" is not a real date (there is no month 13; the day comes first, as in 29/02/2024)",
        ),
        (
            "0/1/2024",
            "\"0/1/2024\" is not a real date (there is no day 0)",
        ),
        (
            "1/1/0999",
            "\"1/1/0999\" is not a real date (the year must be between 1000 and 9999)",
        ),
        (
            "mai",
            "\"mai\" is not a date; write it as 2024-02-29 or 29/02/2024",
        ),
        (
            "  mai ",
            "\"mai\" is not a date; write it as 2024-02-29 or 29/02/2024",
        ),
        (
            "",
            "the date is empty; write it as 2024-02-29 or 29/02/2024",
        ),
    ];
    for (input, want) in cases {
        let err = parse_date(input).expect_err(input);
        assert_eq!(err.to_string(), *want, "message for {input:?}");
    }
}

mod calendar;

/// The written forms build their digits by hand; they must say what `format!` said,
/// for every year a `Date` can hold, not only 1000–9999.
#[test]
fn written_forms_match_the_format_macro_for_any_year() {
    for year in [-12, 0, 7, 99, 999, 1000, 2024, 9999, 12345] {
        for (month, day) in [(1u8, 1u8), (2, 29), (7, 5), (10, 31), (12, 9)] {
            let d = Date { year, month, day };
            assert_eq!(d.iso(), format!("{year:04}-{month:02}-{day:02}"));
            assert_eq!(d.to_string(), d.iso());
            assert_eq!(d.list(), format!("{day:02}/{month:02}/{year:04}"));
            let m = if month <= 2 {
                format!("{month:02}")
            } else {
                month.to_string()
            };
            assert_eq!(d.document(), format!("ngày {day:02} tháng {m} năm {year}"));
        }
    }
}
