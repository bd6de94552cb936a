use super::*;
use crate::output::data::tests::{site_and_files, text};
use crate::site::tasks::tests::d;

#[test]
fn escaping_text_values() {
    let cases = [
        ("Sở Nội vụ", "Sở Nội vụ"),
        ("a,b;c\\d", "a\\,b\\;c\\\\d"),
        ("một\nhai\r\nba\rbốn", "một\\nhai\\nba\\nbốn"),
        ("tab\tgiữ\u{7}bỏ", "tab\tgiữbỏ"),
        ("", ""),
    ];
    for (input, want) in cases {
        assert_eq!(ics_escape(input), want, "{input:?}");
    }
}

#[test]
fn folding_a_long_vietnamese_line() {
    let line: String = "Tuyên truyền cải cách hành chính, chuyển đổi số ở xã Tân Hòa Lợi; "
        .chars()
        .cycle()
        .take(200)
        .collect();
    assert!(line.len() > 2 * 75, "many multi-byte characters");
    let folded = ics_fold(&line);
    let parts: Vec<&str> = folded.split("\r\n").collect();
    assert!(parts.len() >= 3);
    for (i, p) in parts.iter().enumerate() {
        assert!(p.len() <= 75, "line {i} has {} octets", p.len());
        if i > 0 {
            assert!(p.starts_with(' '), "{p:?}");
        }
        // A full line was folded only because the next character did not fit.
        if i + 1 < parts.len() {
            let next = parts[i + 1][1..].chars().next().unwrap();
            assert!(p.len() + next.len_utf8() > 75);
        }
    }
    assert_eq!(folded.replace("\r\n ", ""), line);
    // Short and exact-width lines stay as they are; one octet more folds.
    assert_eq!(ics_fold("SUMMARY:ngắn"), "SUMMARY:ngắn");
    let exact = "x".repeat(75);
    assert_eq!(ics_fold(&exact), exact);
    assert_eq!(ics_fold(&format!("{exact}y")), format!("{exact}\r\n y"));
    // A 2-octet character at octet 75 moves whole to the next line.
    let edge = format!("{}đ", "x".repeat(74));
    assert_eq!(ics_fold(&edge), format!("{}\r\n đ", "x".repeat(74)));
}

/// Reads a calendar back the way a strict client would: CRLF only, lines of at most 75
/// octets, unfolded into content lines.
fn unfold(ics: &str) -> Vec<String> {
    assert!(ics.ends_with("\r\n"));
    let mut lines: Vec<String> = Vec::new();
    for physical in ics.split_terminator("\r\n") {
        assert!(
            !physical.contains(['\r', '\n']),
            "bare line end in {physical:?}"
        );
        assert!(
            physical.len() <= 75,
            "{} octets: {physical:?}",
            physical.len()
        );
        match physical.strip_prefix(' ') {
            Some(rest) => lines
                .last_mut()
                .expect("no line to continue")
                .push_str(rest),
            None => lines.push(physical.to_string()),
        }
    }
    lines
}

fn events(lines: &[String]) -> Vec<Vec<(String, String)>> {
    let mut stack: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for l in lines {
        let (name, value) = l.split_once(':').expect("name:value");
        match name {
            "BEGIN" => {
                stack.push(value);
                if value == "VEVENT" {
                    out.push(Vec::new());
                }
            }
            "END" => assert_eq!(stack.pop(), Some(value), "unbalanced END:{value}"),
            _ if stack.last() == Some(&"VEVENT") => {
                out.last_mut()
                    .unwrap()
                    .push((name.to_string(), value.to_string()));
            }
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
    out
}

fn prop<'a>(event: &'a [(String, String)], name: &str) -> &'a str {
    let found = event.iter().find(|(n, _)| n == name);
    found
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name}"))
}

#[test]
fn calendar_parses_back_strictly() {
    let (_, files) = site_and_files(d(2025, 6, 1));
    let lines = unfold(text(&files, "/data/tasks.ics"));
    assert_eq!(lines[0], "BEGIN:VCALENDAR");
    assert_eq!(lines[1], "VERSION:2.0");
    assert!(lines[2].starts_with("PRODID:"));
    assert_eq!(lines.last().unwrap(), "END:VCALENDAR");
    let events = events(&lines);
    // Plan A (newest): Quý III and Thường xuyên (the unreadable one has no event); plan B: two.
    assert_eq!(events.len(), 4);
    let first = &events[0];
    assert_eq!(
        prop(first, "SUMMARY"),
        "Tuyên truyền\\, phổ biến\\; \"CCHC\" \\\\ mới"
    );
    assert_eq!(prop(first, "DTSTART;VALUE=DATE"), "20250701");
    assert_eq!(
        prop(first, "DTEND;VALUE=DATE"),
        "20251001",
        "the day after 30/09"
    );
    assert_eq!(prop(first, "DTSTAMP"), "20250601T000000Z");
    assert_eq!(
        prop(first, "URL"),
        "https://xa-thu.example.gov.vn/ke-hoach/a/"
    );
    assert_eq!(
        prop(first, "DESCRIPTION"),
        "Chủ trì: Phòng Văn hoá – Xã hội\\nPhối hợp: Công an xã\\; Đoàn Thanh niên\\n\
         Số lượng: 12 số\\nThời gian: Quý III/2025\\nKế hoạch: Kế hoạch tuyên truyền CCHC năm 2025"
    );
    assert_eq!(prop(&events[1], "DTSTART;VALUE=DATE"), "20250101");
    assert_eq!(prop(&events[1], "DTEND;VALUE=DATE"), "20260101");
    assert_eq!(prop(&events[2], "DTEND;VALUE=DATE"), "20241226");
    let mut uids: Vec<&str> = events.iter().map(|e| prop(e, "UID")).collect();
    assert!(uids.iter().all(|u| u.ends_with("@xa-thu.example.gov.vn")));
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), 4, "UIDs are unique");
}

#[test]
fn uids_are_stable_across_builds() {
    let uids = |day: u8| {
        let (_, files) = site_and_files(d(2025, 6, day));
        let lines = unfold(text(&files, "/data/tasks.ics"));
        let stamps: Vec<String> = (lines.iter())
            .filter(|l| l.starts_with("DTSTAMP:"))
            .cloned()
            .collect();
        let uids: Vec<String> = (lines.iter())
            .filter(|l| l.starts_with("UID:"))
            .cloned()
            .collect();
        (uids, stamps)
    };
    let (a, stamp_a) = uids(1);
    let (b, stamp_b) = uids(2);
    assert_eq!(a, b);
    assert_ne!(stamp_a, stamp_b);
    assert_eq!(host_of("http://127.0.0.1:1111/xa/"), "127.0.0.1:1111");
    assert_eq!(host_of("/"), "congbo.invalid");
}

#[test]
fn folding_fills_every_line_whatever_the_character_lengths() {
    let mut rng = crate::text::testgen::Lcg::new(0x5EED_0012);
    for _ in 0..2000 {
        let line: String = (0..rng.below(400))
            .map(|_| ['a', 'ắ', 'đ', '€', '𝐀', ' '][rng.below(6)])
            .collect();
        let folded = ics_fold(&line);
        assert_eq!(folded.replace("\r\n ", ""), line);
        let parts: Vec<&str> = folded.split("\r\n").collect();
        for (k, part) in parts.iter().enumerate() {
            assert!(part.len() <= 75, "{part:?}");
            if let Some(next) = parts.get(k + 1) {
                // Folded only because the next character did not fit.
                let c = next[1..].chars().next().map_or(0, char::len_utf8);
                assert!(part.len() + c > 75, "{part:?} then {next:?}");
            }
        }
    }
}
