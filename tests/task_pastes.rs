//! Tasks from plans pasted as editors paste them (issue 27): a table copied from Word or
//! Excel into a text editor (cells separated by tabs, broken across pages), agencies
//! sharing a lead cell, and a task written twice (a table row and a "Tổ chức thực hiện"
//! bullet, or a hand-written `[[tasks]]` entry and the text). Read back from the open data.

mod common;
use common::tasks::*;
use common::*;

/// The Cần Thơ table as its raw text has it: tabs between cells, a page break that repeats
/// the header and leaves a row's last words (and the lead's last words) on a row of their own.
const PASTED: &str = "## IV. MỘT SỐ HOẠT ĐỘNG

TT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian
1\tĐăng tin về cải cách hành chính trên trang của\tVăn phòng HĐND và UBND xã\tCông an xã\tQuý I/2026
2\tTổ chức Hội nghị,\tPhòng Kinh\tCác thôn\tTrong

TT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian
\tđối thoại với doanh nghiệp\ttế\t\tnăm 2026
3\tIn tờ gấp | tờ rơi\tPhòng Văn hóa - Xã hội\t\tQuý II/2026

Sau bảng.
";

#[test]
fn a_table_pasted_with_tabs_gives_its_tasks() {
    assert_eq!(
        built(PASTED),
        vec![
            row(
                "Đăng tin về cải cách hành chính trên trang của",
                "Văn phòng HĐND và UBND xã",
                "Công an xã",
                "",
                "Quý I/2026"
            ),
            row(
                "Tổ chức Hội nghị, đối thoại với doanh nghiệp",
                "Phòng Kinh tế",
                "Các thôn",
                "",
                "Trong năm 2026"
            ),
            row(
                "In tờ gấp | tờ rơi",
                "Phòng Văn hóa - Xã hội",
                "",
                "",
                "Quý II/2026"
            ),
        ]
    );
}

#[test]
fn a_table_pasted_with_tabs_shows_as_a_table() {
    let site = plan_site(PASTED);
    site.build_ok();
    let html = site.read("/ke-hoach/thu/index.html");
    assert_has(
        &html,
        &[
            "<th>Đơn vị chủ trì</th>",
            "<td>Phòng Văn hóa - Xã hội</td>",
            "<td>In tờ gấp | tờ rơi</td>",
            "<p>Sau bảng.</p>",
        ],
    );
    assert!(!html.contains("\tĐơn vị chủ trì"), "no tab is left as text");
}

/// Each agency of `agencies.json` by name, with the names of the tasks it leads.
fn leads_of(site: &TestSite) -> Vec<(String, Vec<String>)> {
    let agencies: serde_json::Value =
        serde_json::from_str(&site.read("/data/agencies.json")).unwrap();
    let list = agencies.as_array().unwrap();
    list.iter()
        .map(|a| {
            let led = a["tasks"].as_array().unwrap().iter();
            let led = led.filter(|t| t["role"] == "lead");
            let names = led.map(|t| t["name"].as_str().unwrap().to_string());
            (a["name"].as_str().unwrap().to_string(), names.collect())
        })
        .collect()
}

#[test]
fn two_agencies_in_one_lead_cell_each_lead_the_task() {
    let site = plan_site(
        "| TT | Nội dung | Chủ trì | Thời gian |
|---|---|---|---|
| 1 | Tuyên truyền | Phòng VH-XH, Công an xã | Quý I/2026 |
| 2 | Niêm yết | Văn phòng HĐND và UBND xã và Phòng Kinh tế | Quý II/2026 |
| 3 | Tiếp dân | Văn phòng HĐND và UBND xã | Quý II/2026 |
",
    );
    site.build_ok();
    let leads = leads_of(&site);
    let names: Vec<&str> = leads.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains(',') || n.contains("Kinh tế") && n.contains("Văn phòng")),
        "no agency is made of a whole cell: {names:?}"
    );
    let led = |agency: &str| {
        leads
            .iter()
            .find(|(n, _)| n.contains(agency))
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    };
    assert_eq!(led("Văn hóa"), ["Tuyên truyền"]);
    assert_eq!(led("Công an"), ["Tuyên truyền"]);
    assert_eq!(led("Kinh tế"), ["Niêm yết"]);
    assert_eq!(led("Văn phòng"), ["Niêm yết", "Tiếp dân"]);
    // The published task keeps its lead as written and lists each lead.
    let plans: serde_json::Value = serde_json::from_str(&site.read("/data/plans.json")).unwrap();
    let task = &plans[0]["tasks"][1];
    assert_eq!(task["lead"], "Văn phòng HĐND và UBND xã và Phòng Kinh tế");
    assert_eq!(
        task["leads"],
        serde_json::json!(["Văn phòng HĐND và UBND xã", "Phòng Kinh tế"])
    );
    let csv = site.read("/data/tasks.csv");
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(",\"leads\""), "{header}");
    assert!(
        csv.contains(",\"Văn phòng HĐND và UBND xã; Phòng Kinh tế\"\r\n"),
        "{csv}"
    );
    // Each lead's page lists the task.
    let page = site.read("/co-quan/cong-an-xa/index.html");
    assert!(page.contains("Tuyên truyền"), "{page}");
}

#[test]
fn a_task_written_twice_counts_once() {
    let site = TestSite::new();
    let body = "## IV. NHIỆM VỤ

| TT | Nội dung | Chủ trì | Thời gian |
|---|---|---|---|
| 1 | Tuyên truyền về cải cách hành chính | Phòng Văn hóa - Xã hội | Quý I/2026 |

## V. TỔ CHỨC THỰC HIỆN

### 1. Phòng Văn hóa – Xã hội

- Tuyên truyền về cải cách hành chính.
- Tổ chức hội nghị tổng kết.

### 2. Văn phòng UBND xã

- Tham mưu tiếp nhận hồ sơ đúng hạn.
";
    let front = "+++\ntitle = \"Kế hoạch thử năm 2026\"\ndate = 2026-01-10\n\
                 period = { start = 2026-01-01, end = 2026-12-31 }\n\n\
                 [[tasks]]\nname = \"Tham mưu tiếp nhận hồ sơ\"\nlead = \"VP UBND xã\"\n\
                 status = \"Hoàn thành\"\n+++\n";
    site.write("content/ke-hoach/thu.md", &format!("{front}{body}"));
    site.build_ok();
    let got = rows(&site.read("/data/tasks.csv"));
    let names: Vec<(&str, &str)> = got
        .iter()
        .map(|r| (r.name.as_str(), r.due.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("Tham mưu tiếp nhận hồ sơ", ""),
            ("Tuyên truyền về cải cách hành chính", "Quý I/2026"),
            ("Tổ chức hội nghị tổng kết", ""),
        ],
        "the table row and the hand-written entry win"
    );
    let (report, _) = congbo::build::check(&site.opts, false).unwrap();
    let summary =
        "content/ke-hoach/thu.md: note: 3 tasks: 1 front matter, 1 table, 1 \"Tổ chức thực hiện\"";
    assert!(
        report.notes.iter().any(|n| n == summary),
        "{:#?}",
        report.notes
    );
}

#[test]
fn a_table_row_with_no_task_text_is_a_warning_at_its_line() {
    let site = plan_site(
        "| TT | Nội dung | Chủ trì | Thời gian |
|---|---|---|---|
| 1 | Tuyên truyền | Công an xã | Quý I/2026 |
| 2 |  | Phòng Kinh tế | Quý II/2026 |
|  |  |  |  |
",
    );
    let report = site.build_ok();
    let empty = warnings_with(&report, "no task text");
    // The body starts on file line 6: the row numbered 2 is line 9; a row with nothing
    // in it says nothing to warn about.
    assert_eq!(empty.len(), 1, "{:#?}", report.warnings);
    assert!(
        empty[0].starts_with("content/ke-hoach/thu.md:9: warning: "),
        "{}",
        empty[0]
    );
    assert_eq!(rows(&site.read("/data/tasks.csv")).len(), 1);
}
