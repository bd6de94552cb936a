//! Day arithmetic against known calendars, quarters, serde, and property tests.

use super::*;
use crate::text::date::parse::read_numbers;

#[test]
fn epoch_days_and_weekdays() {
    // (date, days since epoch, weekday 0 = Monday, rfc2822)
    let cases: &[(Date, i64, u8, &str)] = &[
        (d(1970, 1, 1), 0, 3, "Thu, 01 Jan 1970 00:00:00 +0000"),
        (d(1969, 12, 31), -1, 2, "Wed, 31 Dec 1969 00:00:00 +0000"),
        (d(2000, 3, 1), 11_017, 2, "Wed, 01 Mar 2000 00:00:00 +0000"),
        (d(2024, 2, 29), 19_782, 3, "Thu, 29 Feb 2024 00:00:00 +0000"),
        (d(2025, 9, 2), 20_333, 1, "Tue, 02 Sep 2025 00:00:00 +0000"),
        (d(1945, 9, 2), -8_887, 6, "Sun, 02 Sep 1945 00:00:00 +0000"),
        (
            d(1000, 1, 1),
            MIN_DAYS,
            2,
            "Wed, 01 Jan 1000 00:00:00 +0000",
        ),
        (
            d(9999, 12, 31),
            MAX_DAYS,
            4,
            "Fri, 31 Dec 9999 00:00:00 +0000",
        ),
    ];
    for (date, days, weekday, rfc) in cases {
        assert_eq!(date.days_since_epoch(), *days, "{date}");
        assert_eq!(Date::from_days_since_epoch(*days), *date, "{days}");
        assert_eq!(date.weekday(), *weekday, "{date}");
        assert_eq!(date.rfc2822(), *rfc);
    }
}

#[test]
fn day_arithmetic() {
    let leap = d(2024, 2, 28);
    assert_eq!(leap.add_days(1), d(2024, 2, 29));
    assert_eq!(leap.add_days(2), d(2024, 3, 1));
    assert_eq!(d(2023, 2, 28).add_days(1), d(2023, 3, 1));
    assert_eq!(d(2024, 12, 31).add_days(1), d(2025, 1, 1));
    assert_eq!(d(2025, 1, 1).add_days(-1), d(2024, 12, 31));
    assert_eq!(leap.add_days(366), d(2025, 2, 28));
    assert_eq!(leap.add_days(0), leap);
    // Clamped, never panicking.
    assert_eq!(leap.add_days(i64::MAX), d(9999, 12, 31));
    assert_eq!(leap.add_days(i64::MIN), d(1000, 1, 1));
    assert_eq!(Date::from_days_since_epoch(i64::MAX), d(9999, 12, 31));
    assert_eq!(Date::from_days_since_epoch(i64::MIN), d(1000, 1, 1));
    assert_eq!(leap.checked_add_days(2), Some(d(2024, 3, 1)));
    assert_eq!(leap.checked_add_days(i64::MAX), None);
    assert_eq!(d(9999, 12, 31).checked_add_days(1), None);
    assert_eq!(d(1000, 1, 1).checked_add_days(-1), None);
}

#[test]
fn quarters() {
    let want = [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4];
    for (month, q) in (1..=12).zip(want) {
        assert_eq!(d(2025, month, 1).quarter(), q, "month {month}");
    }
}

#[test]
fn today_is_plausible() {
    let today = Date::today_utc();
    assert!(today.year >= 2024, "{today}");
    assert_eq!(Date::new(today.year, today.month, today.day), Some(today));
}

#[test]
fn serde_round_trip() {
    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Page {
        date: Date,
    }
    let page = Page {
        date: d(2024, 2, 29),
    };
    let json = serde_json::to_string(&page).expect("serialises");
    assert_eq!(json, r#"{"date":"2024-02-29"}"#);
    assert_eq!(
        serde_json::from_str::<Page>(&json).expect("reads back"),
        page
    );
    let from_list: Page = serde_json::from_str(r#"{"date":"29/02/2024"}"#).expect("list form");
    assert_eq!(from_list, page);
    let bad = serde_json::from_str::<Page>(r#"{"date":"30/02/2024"}"#).expect_err("impossible");
    assert!(
        bad.to_string().contains("February 2024 has 29 days"),
        "{bad}"
    );
    assert!(serde_json::from_str::<Page>(r#"{"date":{"a":"2024-02-29"}}"#).is_err());
    assert!(serde_json::from_str::<Page>(r#"{"date":20240229}"#).is_err());

    let toml_text = toml::to_string(&page).expect("toml");
    assert_eq!(toml_text.trim(), r#"date = "2024-02-29""#);
    // A native TOML date as well as a quoted one.
    for src in ["date = 2024-02-29", "date = \"29/02/2024\""] {
        assert_eq!(toml::from_str::<Page>(src).expect(src), page);
    }
    assert!(toml::from_str::<Page>("date = 2024-02-29T10:00:00Z").is_err());
}

#[test]
fn invalid_struct_values_do_not_panic() {
    // The fields are public, so nonsense can be built by hand.
    for date in [
        d(2024, 0, 0),
        d(2024, 13, 40),
        d(-1, 255, 255),
        d(i32::MAX, 2, 30),
    ] {
        let _ = (
            date.iso(),
            date.list(),
            date.document(),
            date.rfc2822(),
            date.rfc3339(),
        );
        let _ = (
            date.weekday(),
            date.quarter(),
            date.add_days(1),
            date.checked_add_days(1),
        );
    }
}

#[test]
fn date_property() {
    let mut rng = Lcg::new(0x5EED_0005);
    for _ in 0..3000 {
        // Random text never panics and either parses or explains itself.
        let s = rng.text(10);
        match parse_date(&s) {
            Ok(date) => assert_eq!(parse_date(&date.iso()), Ok(date)),
            Err(e) => assert!(!e.to_string().is_empty()),
        }
        // Random days round-trip through every form.
        let days = MIN_DAYS + (rng.next_u32() as i64 % (MAX_DAYS - MIN_DAYS + 1));
        let date = Date::from_days_since_epoch(days);
        assert_eq!(date.days_since_epoch(), days);
        assert_eq!(Date::new(date.year, date.month, date.day), Some(date));
        assert_eq!(
            date.add_days(1).days_since_epoch(),
            days.min(MAX_DAYS - 1) + 1
        );
        assert_eq!(date.add_days(7).weekday(), date.weekday());
        for form in [date.iso(), date.list(), date.document()] {
            assert_eq!(parse_date(&form), Ok(date), "{form}");
        }
    }
}

#[test]
fn iso_dates_read_fast_as_the_general_reader_reads_them() {
    let general = |s: &str| match read_numbers(s) {
        Some((y, m, d)) => Date::new(y, m, d).ok_or(DateError::Impossible { text: s.into() }),
        None => Err(DateError::Unreadable { text: s.into() }),
    };
    let mut rng = Lcg::new(7);
    let mut samples: Vec<String> = [
        "2024-02-29",
        "2023-02-29",
        "2024-13-01",
        "2024-00-10",
        "0000-01-01",
        "9999-12-31",
        "2024-1-01",
        "2024-01-1x",
        "2024/01/01",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for _ in 0..2000 {
        let (y, m, d) = (rng.below(10_000), rng.below(100), rng.below(100));
        samples.push(format!("{y:04}-{m:02}-{d:02}"));
    }
    for s in &samples {
        assert_eq!(parse_date(s), general(s), "{s}");
    }
}
