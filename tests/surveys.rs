//! Issue #30, surveys and contests (khảo sát, cuộc thi): pages in `khao-sat/` and
//! `cuoc-thi/` from their Markdown to their HTML in each status on a fixed build date,
//! their indexes (open, then to come, then closed), JSON-LD, open data, the home page's
//! block of those open now, and the keys' errors at their lines.

mod common;
use common::*;

fn page(title: &str, keys: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\n{keys}\n+++\n\n{body}\n")
}

/// A build date of 20/06/2025, and around it: an open survey, one still to open, a closed
/// contest with its winners and results, an open contest.
fn surveys_site() -> TestSite {
    let mut site = TestSite::new();
    site.opts.build_date = congbo::text::date::Date::new(2025, 6, 20);
    site.write(
        "content/khao-sat/sipas.md",
        &page(
            "Khảo sát SIPAS 2025",
            "start = 2025-06-01\nend = 2025-06-30\n\
             participants = \"Người dân đã làm thủ tục tại Một cửa\"\n\
             join_url = \"https://khaosat.example.gov.vn/sipas\"",
            "Phiếu gồm **22 câu hỏi**.",
        ),
    );
    site.write(
        "content/khao-sat/sap-toi.md",
        &page(
            "Khảo sát dịch vụ công trực tuyến",
            "start = 2025-07-01\nend = 2025-07-31\njoin_url = \"https://khaosat.example.gov.vn/dvc\"",
            "Sắp mở.",
        ),
    );
    site.write(
        "content/khao-sat/cu.md",
        &page(
            "Khảo sát năm 2024",
            "start = 2024-10-01\nend = 2024-10-31\njoin_url = \"https://khaosat.example.gov.vn/2024\"",
            "Đã xong.",
        ),
    );
    site.write(
        "content/cuoc-thi/tim-hieu/index.md",
        &page(
            "Cuộc thi tìm hiểu CCHC",
            "start = 2025-05-01\nend = 2025-05-31\n\
             join_url = \"https://thi.example.gov.vn/cchc\"\nrules = \"the-le.pdf\"\n\
             results = \"ket-qua.pdf\"\n\n[[winners]]\nname = \"Nguyễn Thị Lan\"\n\
             prize = \"Giải Nhất\"\n\n[[winners]]\nname = \"Trần Văn Bình\"",
            "## Kết quả\n\nCó **1.200** lượt thi.",
        ),
    );
    site.write("content/cuoc-thi/tim-hieu/the-le.pdf", "%PDF-1.4 thể lệ");
    site.write("content/cuoc-thi/tim-hieu/ket-qua.pdf", "%PDF-1.4 kết quả");
    site.write(
        "content/cuoc-thi/hoi-thi.md",
        &page(
            "Hội thi chung tay CCHC",
            "start = 2025-06-15\nend = 2025-06-20\nparticipants = \"Đoàn viên\"",
            "Đang thi.",
        ),
    );
    site
}

#[test]
fn an_open_survey_offers_its_link_to_take_part() {
    let site = surveys_site();
    site.build_ok();
    let html = site.read("khao-sat/sipas/index.html");
    assert_has(
        &html,
        &[
            "<h1>Khảo sát SIPAS 2025</h1>",
            "Đang diễn ra",
            "<time datetime=\"2025-06-01\">",
            "<time datetime=\"2025-06-30\">",
            "Người dân đã làm thủ tục tại Một cửa",
            "href=\"https://khaosat.example.gov.vn/sipas\"",
            "Tham gia khảo sát",
            "<strong>22 câu hỏi</strong>",
            "css/portal.css",
        ],
    );
    assert!(!html.contains("Đã kết thúc"));
}

#[test]
fn a_survey_still_to_open_says_so_and_offers_no_button_yet() {
    let site = surveys_site();
    site.build_ok();
    let html = site.read("khao-sat/sap-toi/index.html");
    assert_has(
        &html,
        &["Sắp diễn ra", "Địa chỉ tham gia mở từ ngày bắt đầu"],
    );
    assert!(!html.contains("href=\"https://khaosat.example.gov.vn/dvc\""));
    assert!(!html.contains("Tham gia khảo sát"));
}

#[test]
fn a_closed_contest_shows_its_results_and_no_longer_its_link() {
    let site = surveys_site();
    site.build_ok();
    let html = site.read("cuoc-thi/tim-hieu/index.html");
    assert_has(
        &html,
        &[
            "Đã kết thúc",
            "Đã kết thúc, không còn nhận tham gia.",
            "Danh sách đoạt giải",
            "<strong>Giải Nhất</strong>: Nguyễn Thị Lan",
            "<li>Trần Văn Bình</li>",
            "Thể lệ",
            "/cuoc-thi/tim-hieu/the-le.pdf",
            "/cuoc-thi/tim-hieu/ket-qua.pdf",
            "<strong>1.200</strong> lượt thi",
        ],
    );
    // The address stays in the JSON-LD (where it took place), but is no link to follow.
    assert!(!html.contains("href=\"https://thi.example.gov.vn/cchc\""));
    assert!(!html.contains("Tham gia cuộc thi"));
    // The open contest, without an address, has no button either but says it is open.
    let open = site.read("cuoc-thi/hoi-thi/index.html");
    assert_has(&open, &["Đang diễn ra", "Đoàn viên"]);
    assert!(!open.contains("Danh sách đoạt giải"));
}

#[test]
fn the_index_lists_open_then_upcoming_then_closed() {
    let site = surveys_site();
    site.build_ok();
    let html = site.read("khao-sat/index.html");
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("no {s:?} in {html}"));
    assert!(at("Đang diễn ra") < at("Khảo sát SIPAS 2025"));
    assert!(at("Khảo sát SIPAS 2025") < at("Sắp diễn ra"));
    assert!(at("Sắp diễn ra") < at("Khảo sát dịch vụ công trực tuyến"));
    assert!(at("Khảo sát dịch vụ công trực tuyến") < at("Đã kết thúc"));
    assert!(at("Đã kết thúc") < at("Khảo sát năm 2024"));
    let contests = site.read("cuoc-thi/index.html");
    let at = |s: &str| contests.find(s).unwrap();
    assert!(at("Hội thi chung tay CCHC") < at("Đã kết thúc"));
    assert!(at("Đã kết thúc") < at("Cuộc thi tìm hiểu CCHC"));
    assert!(
        !contests.contains("Sắp diễn ra"),
        "no empty list of those to come"
    );
}

#[test]
fn the_home_page_lists_what_is_open_now_and_nothing_when_none() {
    let site = surveys_site();
    site.build_ok();
    let home = site.read("index.html");
    assert_has(
        &home,
        &[
            "Khảo sát, cuộc thi đang diễn ra",
            "Khảo sát SIPAS 2025",
            "Hội thi chung tay CCHC",
            "<time datetime=\"2025-06-30\">",
        ],
    );
    // Closing soonest first: the contest ends on the 20th, the survey on the 30th.
    assert!(home.find("Hội thi chung tay CCHC") < home.find("Khảo sát SIPAS 2025"));
    for gone in [
        "Khảo sát năm 2024",
        "Khảo sát dịch vụ công",
        "Cuộc thi tìm hiểu",
    ] {
        assert!(!home.contains(gone), "{gone} is not open");
    }
    let mut later = surveys_site();
    later.opts.build_date = congbo::text::date::Date::new(2026, 1, 1);
    later.build_ok();
    assert!(!later.read("index.html").contains("khoi-dang-dien-ra"));
}

#[test]
fn a_contest_is_a_schema_org_event_and_a_survey_a_web_page_about_it() {
    let site = surveys_site();
    site.build_ok();
    let ld = json_ld_of(&site.read("cuoc-thi/tim-hieu/index.html"), "Event");
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["name"], "Cuộc thi tìm hiểu CCHC");
    assert_eq!(ld["startDate"], "2025-05-01");
    assert_eq!(ld["endDate"], "2025-05-31");
    assert_eq!(ld["location"]["@type"], "VirtualLocation");
    assert_eq!(ld["location"]["url"], "https://thi.example.gov.vn/cchc");
    assert_eq!(
        ld["eventAttendanceMode"],
        "https://schema.org/OnlineEventAttendanceMode"
    );
    assert_eq!(ld["organizer"]["@type"], "GovernmentOrganization");
    assert_eq!(
        ld["url"],
        "https://thu-nghiem.example.gov.vn/cuoc-thi/tim-hieu/"
    );
    // Without an address to take part, the commune is the place.
    let here = json_ld_of(&site.read("cuoc-thi/hoi-thi/index.html"), "Event");
    assert_eq!(here["location"]["@type"], "Place");
    assert!(here.get("eventAttendanceMode").is_none());
    let survey = json_ld_of(&site.read("khao-sat/sipas/index.html"), "WebPage");
    assert_eq!(survey["name"], "Khảo sát SIPAS 2025");
    assert_eq!(survey["about"]["@type"], "Thing");
    assert_eq!(survey["temporalCoverage"], "2025-06-01/2025-06-30");
    assert_eq!(
        survey["significantLink"],
        "https://khaosat.example.gov.vn/sipas"
    );
    assert_eq!(survey["publisher"]["@type"], "GovernmentOrganization");
}

#[test]
fn open_data_lists_each_kind_with_its_status_and_only_when_it_has_pages() {
    let site = surveys_site();
    site.build_ok();
    let surveys: serde_json::Value =
        serde_json::from_str(&site.read("data/khao-sat.json")).unwrap();
    let titles: Vec<&str> = surveys
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Khảo sát SIPAS 2025",
            "Khảo sát dịch vụ công trực tuyến",
            "Khảo sát năm 2024"
        ]
    );
    let statuses: Vec<&str> = surveys
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["open", "upcoming", "closed"]);
    assert_eq!(surveys[0]["start"], "2025-06-01");
    assert_eq!(
        surveys[0]["join_url"],
        "https://khaosat.example.gov.vn/sipas"
    );
    assert!(surveys[0].get("winners").is_none());
    let contests: serde_json::Value =
        serde_json::from_str(&site.read("data/cuoc-thi.json")).unwrap();
    let closed = &contests[1];
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["winners"][0]["name"], "Nguyễn Thị Lan");
    assert_eq!(closed["winners"][0]["prize"], "Giải Nhất");
    assert_eq!(closed["winners"][1]["prize"], serde_json::Value::Null);
    assert_eq!(
        closed["results"],
        "https://thu-nghiem.example.gov.vn/cuoc-thi/tim-hieu/ket-qua.pdf"
    );
    assert!(
        closed["content"]
            .as_str()
            .unwrap()
            .contains("1.200 lượt thi")
    );
    // A site without surveys or contests has neither file.
    let plain = TestSite::new();
    plain.write("content/tin-tuc/a.md", &news("Tin", "2025-01-01", &[]));
    plain.build_ok();
    assert!(!plain.exists("data/khao-sat.json"));
    assert!(!plain.exists("data/cuoc-thi.json"));
}

#[test]
fn survey_keys_are_checked_with_their_lines() {
    let site = TestSite::new();
    site.write(
        "content/khao-sat/a.md",
        &page(
            "Ngược",
            "start = 2025-06-30\nend = 2025-06-01\njoin_url = \"javascript:alert(1)\"",
            "x",
        ),
    );
    site.write(
        "content/khao-sat/b.md",
        &page(
            "Thiếu ngày",
            "end = 2025-06-01\njoin_url = \"/khao-sat/\"\n\n[[winners]]\nname = \"A\"",
            "x",
        ),
    );
    site.write(
        "content/tin-tuc/c.md",
        &page("Tin", "date = 2025-05-01\njoin_url = \"https://a.vn\"", "x"),
    );
    let e = site.build().unwrap_err().to_string();
    assert_has(
        &e,
        &[
            "content/khao-sat/a.md:4",
            "it closes before it opens",
            "content/khao-sat/a.md:5",
            "`join_url` = \"javascript:alert(1)\" has a scheme",
            "content/khao-sat/b.md:2",
            "a survey or contest needs `start`",
            "content/khao-sat/b.md:4",
            "`join_url` = \"/khao-sat/\" is not an address of a web site",
            "content/khao-sat/b.md:6",
            "`winners` is a key for contests",
            "content/tin-tuc/c.md:4",
            "`join_url` is a key for surveys and contests",
        ],
    );
}

#[test]
fn a_rules_file_missing_from_the_bundle_is_an_error_at_its_line() {
    let site = TestSite::new();
    site.write(
        "content/cuoc-thi/thi/index.md",
        &page(
            "Thi",
            "start = 2025-06-01\nend = 2025-06-30\nrules = \"the-le.pdf\"",
            "x",
        ),
    );
    let e = site.build().unwrap_err().to_string();
    assert_has(
        &e,
        &[
            "content/cuoc-thi/thi/index.md:5",
            "the file the-le.pdf is not in the page's folder",
        ],
    );
}
