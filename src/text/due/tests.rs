//! Tests for reading due texts, kept in their own file so `due.rs` stays
//! short: every form in the brief, with upper case, NFD and odd spaces,
//! ranges and lists, the unreadable cases, and a property test.

use unicode_normalization::UnicodeNormalization;

use super::super::testgen::Lcg;
use super::*;

/// `Due::Period` from two (year, month, day) triples.
fn p(start: (i32, u8, u8), end: (i32, u8, u8)) -> Due {
    let date = |(y, m, d): (i32, u8, u8)| Date {
        year: y,
        month: m,
        day: d,
    };
    Due::Period {
        start: date(start),
        end: date(end),
    }
}

/// Checks every text in `texts` reads as `want`, also in NFD, upper case
/// and with odd spaces — the ways real spreadsheets deliver them.
fn check(texts: &[&str], want: &Due) {
    for text in texts {
        let nfd: String = text.nfd().collect();
        let upper = text.to_uppercase();
        let spaced = format!("\u{00A0}{}\u{200B} ", text.replace(' ', "\u{00A0} "));
        for variant in [text.to_string(), nfd, upper, spaced] {
            assert_eq!(parse_due(&variant), *want, "parse_due({variant:?})");
        }
    }
}

#[test]
fn whole_years() {
    let want = p((2025, 1, 1), (2025, 12, 31));
    check(
        &[
            "Trong năm 2025",
            "Năm 2025",
            "năm 2025",
            "Trong  năm   2025",
            "Hoàn thành trong năm 2025",
        ],
        &want,
    );
    check(
        &["Năm 2025 - 2026", "Năm 2025, 2026", "năm 2025 và năm 2026"],
        &p((2025, 1, 1), (2026, 12, 31)),
    );
    check(
        &["Giai đoạn 2021-2025", "giai đoạn 2021 – 2025"],
        &p((2021, 1, 1), (2025, 12, 31)),
    );
}

#[test]
fn quarters() {
    let q3 = p((2025, 7, 1), (2025, 9, 30));
    check(
        &[
            "Quý III/2025",
            "Quý 3/2025",
            "quý III năm 2025",
            "Quý III / 2025",
            "Hoàn thành trong Quý III/2025",
            "Dự kiến quý III năm 2025",
            "Trước Quý III/2025",
            "Quí III/2025",
            "Trong quý III-2025",
        ],
        &q3,
    );
    check(&["Quý I/2025"], &p((2025, 1, 1), (2025, 3, 31)));
    check(&["Quý II/2024"], &p((2024, 4, 1), (2024, 6, 30)));
    check(
        &["Quý IV năm 2024", "Quý 4/2024"],
        &p((2024, 10, 1), (2024, 12, 31)),
    );
}

#[test]
fn half_years_and_first_months() {
    check(
        &[
            "6 tháng đầu năm 2025",
            "sáu tháng đầu năm 2025",
            "06 tháng đầu năm 2025",
            "Nửa đầu năm 2025",
        ],
        &p((2025, 1, 1), (2025, 6, 30)),
    );
    check(
        &[
            "6 tháng cuối năm 2025",
            "Sáu tháng cuối năm 2025",
            "nửa cuối năm 2025",
        ],
        &p((2025, 7, 1), (2025, 12, 31)),
    );
    check(&["9 tháng đầu năm 2025"], &p((2025, 1, 1), (2025, 9, 30)));
    check(
        &["3 tháng cuối năm 2024"],
        &p((2024, 10, 1), (2024, 12, 31)),
    );
}

#[test]
fn months() {
    let june = p((2025, 6, 1), (2025, 6, 30));
    check(
        &[
            "Tháng 6/2025",
            "tháng 6 năm 2025",
            "Tháng 06/2025",
            "Trong tháng 6/2025",
            "Tháng 6-2025",
            "6/2025",
        ],
        &june,
    );
    check(&["Tháng 2/2024"], &p((2024, 2, 1), (2024, 2, 29)));
    check(&["Tháng 2/2025"], &p((2025, 2, 1), (2025, 2, 28)));
}

#[test]
fn single_days() {
    let day = p((2024, 12, 25), (2024, 12, 25));
    check(
        &[
            "25/12/2024",
            "ngày 25 tháng 12 năm 2024",
            "ngày 25/12/2024",
            "Trước ngày 25/12/2024",
            "Chậm nhất ngày 25/12/2024",
            "25-12-2024",
            "25.12.2024",
            "2024-12-25",
            "Trước 25/12/2024",
            "ngày 25 tháng 12/2024",
        ],
        &day,
    );
    check(&["1/2/2025"], &p((2025, 2, 1), (2025, 2, 1)));
}

#[test]
fn ongoing() {
    check(
        &[
            "Thường xuyên",
            "Hằng năm",
            "Hàng năm",
            "Thường xuyên, liên tục",
            "Định kỳ hằng quý",
            "Hằng năm, trước ngày 15/12",
            "Thường niên",
            "Liên tục",
        ],
        &Due::Ongoing,
    );
    // A concrete period wins over the recurring words around it.
    check(
        &["Thường xuyên trong năm 2025"],
        &p((2025, 1, 1), (2025, 12, 31)),
    );
}

#[test]
fn ranges_and_lists() {
    check(
        &[
            "Quý I - Quý II/2025",
            "Quý I – II/2025",
            "Quý I, II/2025",
            "Quý I-II/2025",
            "Quý I và Quý II năm 2025",
        ],
        &p((2025, 1, 1), (2025, 6, 30)),
    );
    check(
        &[
            "Tháng 3 - 5/2025",
            "Tháng 3-5/2025",
            "Từ tháng 3 đến tháng 5 năm 2025",
            "Tháng 3, 4, 5/2025",
        ],
        &p((2025, 3, 1), (2025, 5, 31)),
    );
    check(
        &["Quý I/2025 và Quý III/2025", "Quý III/2025 và Quý I/2025"],
        &p((2025, 1, 1), (2025, 9, 30)),
    );
    check(
        &["Tháng 12/2024 - 02/2025"],
        &p((2024, 12, 1), (2025, 2, 28)),
    );
    check(
        &[
            "Từ 01/3/2025 đến 15/3/2025",
            "Từ ngày 01/3 đến ngày 15/3/2025",
            "Từ ngày 01/3 - 15/3/2025",
            "Ngày 01 - 15/3/2025",
            "Từ ngày 01 đến ngày 15 tháng 3 năm 2025",
        ],
        &p((2025, 3, 1), (2025, 3, 15)),
    );
    check(
        &["Tháng 6/2025, 15/7/2025"],
        &p((2025, 6, 1), (2025, 7, 15)),
    );
    check(
        &["Quý IV/2024 - Quý I/2025"],
        &p((2024, 10, 1), (2025, 3, 31)),
    );
}

#[test]
fn unreadable() {
    check(
        &[
            "",
            "   ",
            "Theo chỉ đạo của UBND",
            "Khi có yêu cầu",
            "30/02/2025",
            "Trước ngày 30/02/2025",
            "31/4/2025",
            "Tháng 13/2025",
            "Quý V/2025",
            "Quý 5/2025",
            "Quý 0/2025",
            "Quý III",
            "Trong tháng 6",
            "0 tháng đầu năm 2025",
            "13 tháng đầu năm 2025",
            "Năm 0999",
            "Theo Nghị quyết 12/2025/NQ-HĐND",
            "Kế hoạch số 15/KH-UBND",
            "Số 6/2025",
            "3-5",
            "Kế hoạch 2025",
            "12345",
            "Quý I/2025 và 30/02/2025",
            "ngày 25 tháng 13 năm 2024",
            "99999999999999/1/2025",
        ],
        &Due::Unreadable,
    );
}

#[test]
fn due_property_random_text() {
    let mut rng = Lcg::new(0x5EED_0006);
    for _ in 0..4000 {
        let s = rng.text(16);
        if let Due::Period { start, end } = parse_due(&s) {
            assert!(start <= end, "{s:?} gave {start}..{end}");
        }
    }
}

#[test]
fn due_property_generated_forms() {
    const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
    let mut rng = Lcg::new(0x5EED_0007);
    for _ in 0..3000 {
        let year = 1000 + rng.below(9000) as i32;
        let month = 1 + rng.below(12) as u8;
        let q = 1 + rng.below(4) as u8;
        let last = Date::last_day_of_month(year, month);
        let day = 1 + rng.below(usize::from(last)) as u8;
        let date = Date::new(year, month, day).expect("generated valid");
        let prefix = ["", "Trong ", "Trước ", "Dự kiến ", "Hoàn thành trong "][rng.below(5)];
        let (text, want) = match rng.below(5) {
            0 => (
                format!("{prefix}Quý {}/{year}", ROMAN[usize::from(q - 1)]),
                {
                    let end = 3 * q;
                    p(
                        (year, end - 2, 1),
                        (year, end, Date::last_day_of_month(year, end)),
                    )
                },
            ),
            1 => (
                format!("{prefix}tháng {month} năm {year}"),
                p((year, month, 1), (year, month, last)),
            ),
            2 => (
                format!("{prefix}ngày {}", date.list()),
                p((year, month, day), (year, month, day)),
            ),
            3 => (
                format!("{prefix}{}", date.document()),
                p((year, month, day), (year, month, day)),
            ),
            _ => (
                format!("{prefix}năm {year}"),
                p((year, 1, 1), (year, 12, 31)),
            ),
        };
        // Random case, NFD and odd spaces must not change the reading.
        let text = match rng.below(3) {
            0 => text.to_uppercase(),
            1 => text.nfd().collect(),
            _ => text.replace(' ', "\u{202F}"),
        };
        assert_eq!(parse_due(&text), want, "parse_due({text:?})");
    }
}

#[test]
fn end_of_year_is_its_last_quarter() {
    check(
        &["Cuối năm 2025", "cuối năm 2025", "Trước cuối năm 2025"],
        &p((2025, 10, 1), (2025, 12, 31)),
    );
    // "6 tháng cuối năm" keeps its six months.
    check(&["6 tháng cuối năm 2025"], &p((2025, 7, 1), (2025, 12, 31)));
}

#[test]
fn every_quarter_is_recurring_work() {
    for text in [
        "Trước ngày 05 tháng cuối quý",
        "Hằng tháng",
        "Hằng quý",
        "Định kỳ 6 tháng",
    ] {
        assert_eq!(parse_due(text), Due::Ongoing, "{text}");
    }
}

#[test]
fn recurring_texts_say_how_often() {
    let r = |every, day| Some(Recurrence { every, day });
    let cases = [
        ("Hằng tháng", r(1, None)),
        ("hàng tháng", r(1, None)),
        ("Hằng quý", r(3, None)),
        ("Định kỳ hằng quý", r(3, None)),
        ("Trước ngày 05 tháng cuối quý", r(3, Some(5))),
        ("Định kỳ 6 tháng", r(6, None)),
        ("định kỳ 06 tháng", r(6, None)),
        ("Hằng năm", r(12, None)),
        ("Thường xuyên", None),
        ("Quý I/2026", None),
        ("6 tháng đầu năm 2026", None),
    ];
    for (text, want) in cases {
        assert_eq!(recurrence(text), want, "{text}");
    }
}

#[test]
fn a_recurrence_starts_on_its_first_day_in_a_period() {
    let d = |y, m, day| Date::new(y, m, day).unwrap();
    let quarterly = Recurrence {
        every: 3,
        day: Some(5),
    };
    assert_eq!(
        quarterly.first_on_or_after(d(2026, 1, 1)),
        Some(d(2026, 3, 5))
    );
    assert_eq!(
        quarterly.first_on_or_after(d(2026, 3, 6)),
        Some(d(2026, 6, 5))
    );
    let monthly = Recurrence {
        every: 1,
        day: None,
    };
    assert_eq!(
        monthly.first_on_or_after(d(2026, 2, 10)),
        Some(d(2026, 2, 28))
    );
    assert_eq!(
        monthly.rrule(d(2026, 12, 31)),
        "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=-1;UNTIL=20261231"
    );
    assert_eq!(
        quarterly.rrule(d(2026, 12, 31)),
        "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=5;UNTIL=20261231"
    );
}
