//! Issue #30, schedules and events (lịch): an `event` page in `lich/` from its Markdown to
//! its HTML, schema.org `Event`, the index (upcoming events first, decided against the
//! build date), `/data/lich.ics` read back strictly, and the keys' errors at their lines.

mod common;
use common::events::*;
use common::*;

#[test]
fn an_event_page_shows_when_where_and_who() {
    let site = events_site();
    site.build_ok();
    let html = site.read("lich/tiep-dan-thang-4/index.html");
    assert_has(
        &html,
        &[
            "<h1>Tiếp công dân định kỳ tháng 4</h1>",
            "<time datetime=\"2025-04-15T07:30+07:00\">07:30</time>",
            "<time datetime=\"2025-04-15T11:00+07:00\">11:00</time>",
            "Phòng tiếp công dân, UBND xã",
            "Chủ tịch UBND xã",
            "Mọi người dân",
            "Tiếp công dân",
            "<strong>căn cước</strong>",
        ],
    );
    assert!(!html.contains("Sự kiện này đã diễn ra"));
    // A past event says so; an all-day one says "Cả ngày".
    assert_has(
        &site.read("lich/hoi-nghi-cu/index.html"),
        &["Sự kiện này đã diễn ra"],
    );
    assert_has(&site.read("lich/hom-nay/index.html"), &["Cả ngày"]);
}

#[test]
fn an_event_is_a_schema_org_event_in_vietnam_time() {
    let site = events_site();
    site.build_ok();
    let ld = json_ld_of(&site.read("lich/tiep-dan-thang-4/index.html"), "Event");
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["name"], "Tiếp công dân định kỳ tháng 4");
    assert_eq!(ld["startDate"], "2025-04-15T07:30:00+07:00");
    assert_eq!(ld["endDate"], "2025-04-15T11:00:00+07:00");
    assert_eq!(ld["location"]["@type"], "Place");
    assert_eq!(ld["location"]["name"], "Phòng tiếp công dân, UBND xã");
    assert_eq!(ld["location"]["address"], "Phòng tiếp công dân, UBND xã");
    assert_eq!(ld["organizer"]["@type"], "GovernmentOrganization");
    assert!(!ld["organizer"]["name"].as_str().unwrap().is_empty());
    assert_eq!(
        ld["url"],
        "https://thu-nghiem.example.gov.vn/lich/tiep-dan-thang-4/"
    );
    // All day: a date alone, ending the same day; no place, no location.
    let all_day = json_ld_of(&site.read("lich/hom-nay/index.html"), "Event");
    assert_eq!(all_day["startDate"], "2025-03-20");
    assert_eq!(all_day["endDate"], "2025-03-20");
    assert!(all_day.get("location").is_none());
}

#[test]
fn the_index_lists_upcoming_events_soonest_first_then_past_ones() {
    let site = events_site();
    site.build_ok();
    let html = site.read("lich/index.html");
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("no {s:?} in {html}"));
    // Today's event is still upcoming; then the next ones; the past one after the heading.
    assert!(at("Sắp diễn ra") < at("Tập huấn dịch vụ công"));
    assert!(at("Tập huấn dịch vụ công") < at("Đối thoại với doanh nghiệp"));
    assert!(at("Đối thoại với doanh nghiệp") < at("Tiếp công dân định kỳ tháng 4"));
    assert!(at("Tiếp công dân định kỳ tháng 4") < at("Đã diễn ra"));
    assert!(at("Đã diễn ra") < at("Hội nghị sơ kết quý I"));
    assert_has(&html, &["/data/lich.ics"]);
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

/// The VEVENTs' properties, checking every BEGIN has its END.
fn vevents(lines: &[String]) -> Vec<Vec<(String, String)>> {
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

fn prop<'a>(event: &'a [(String, String)], name: &str) -> Option<&'a str> {
    event
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

#[test]
fn lich_ics_parses_back_strictly_with_utc_times_and_all_day_events() {
    let site = events_site();
    site.build_ok();
    let lines = unfold(&site.read("data/lich.ics"));
    assert_eq!(lines[0], "BEGIN:VCALENDAR");
    assert_eq!(lines[1], "VERSION:2.0");
    assert!(lines[2].starts_with("PRODID:"));
    assert_eq!(lines.last().unwrap(), "END:VCALENDAR");
    let events = vevents(&lines);
    assert_eq!(events.len(), 4);
    for e in &events {
        assert!(
            prop(e, "UID")
                .unwrap()
                .ends_with("@thu-nghiem.example.gov.vn")
        );
        assert_eq!(prop(e, "DTSTAMP"), Some("20250320T000000Z"));
    }
    // Upcoming first, soonest first, as on the index.
    let summaries: Vec<&str> = events.iter().map(|e| prop(e, "SUMMARY").unwrap()).collect();
    assert_eq!(
        summaries,
        [
            "Tập huấn dịch vụ công",
            "Đối thoại với doanh nghiệp",
            "Tiếp công dân định kỳ tháng 4",
            "Hội nghị sơ kết quý I",
        ]
    );
    // All day: DATE values, DTEND the day after.
    assert_eq!(prop(&events[0], "DTSTART;VALUE=DATE"), Some("20250320"));
    assert_eq!(prop(&events[0], "DTEND;VALUE=DATE"), Some("20250321"));
    // 07:30 in Vietnam is 00:30 UTC; 06:30 is the day before in UTC.
    let reception = &events[2];
    assert_eq!(prop(reception, "DTSTART"), Some("20250415T003000Z"));
    assert_eq!(prop(reception, "DTEND"), Some("20250415T040000Z"));
    assert_eq!(
        prop(reception, "LOCATION"),
        Some("Phòng tiếp công dân\\, UBND xã")
    );
    assert_eq!(
        prop(reception, "DESCRIPTION"),
        Some("Loại: Tiếp công dân\\nChủ trì: Chủ tịch UBND xã\\nThành phần: Mọi người dân")
    );
    assert_eq!(prop(&events[3], "DTSTART"), Some("20250228T233000Z"));
    // A start time and no end: a start alone.
    assert_eq!(prop(&events[1], "DTEND"), None);
    let mut uids: Vec<&str> = events.iter().map(|e| prop(e, "UID").unwrap()).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), 4, "UIDs are unique");
}

#[test]
fn event_keys_are_checked_with_their_lines() {
    let site = TestSite::new();
    site.write(
        "content/lich/a.md",
        &event(
            "Họp",
            "date = 2025-05-02\ntime = \"9 giờ\"\nevent_type = \"họp chi bộ\"",
            "x",
        ),
    );
    site.write(
        "content/lich/b.md",
        &event(
            "Họp",
            "date = 2025-05-02\ntime = \"14:00\"\nend_time = \"13:00\"",
            "x",
        ),
    );
    site.write(
        "content/lich/c.md",
        &event("Không ngày", "place = \"Xã\"", "x"),
    );
    site.write(
        "content/tin-tuc/d.md",
        &event("Tin", "date = 2025-05-01\npresides = \"Ai đó\"", "x"),
    );
    let e = site.build().unwrap_err().to_string();
    assert_has(
        &e,
        &[
            "content/lich/a.md:4",
            "`time` = \"9 giờ\" is not a time of day",
            "content/lich/a.md:5",
            "`event_type` = \"họp chi bộ\" is not a type of event",
            "\"tiếp công dân\", \"đối thoại\", \"hội nghị\", \"tập huấn\"",
            "content/lich/b.md:5",
            "the event ends before it starts",
            "content/lich/c.md:2",
            "an event needs a `date`",
            "content/tin-tuc/d.md:4",
            "`presides` is a key for events",
        ],
    );
}
