//! Task status (issue 25): no false "Quá hạn". A plan's tasks carry a status set in
//! `[[tasks]]` or in a status column; late is decided by one rule that the plan page, the
//! agency page and the open data share; an unknown status is a warning at its line in
//! `build` and `check`; a report that points nowhere is an error like any broken link.

mod common;
use common::*;
use congbo::text::date::Date;

/// An ended plan (2025), with a status in front matter for one task and none for another.
const ENDED: &str = r#"+++
title = "Kế hoạch rà soát năm 2025"
date = 2025-01-10
period = { start = 2025-01-01, end = 2025-12-31 }

[[tasks]]
name = "Rà soát thủ tục"
lead = "Văn phòng UBND xã"
due = "Quý II/2025"
status = "hoan thanh"
result = "Đã rà soát 12 thủ tục"
report = "bao-cao.pdf"

[[tasks]]
name = "Niêm yết công khai"
lead = "Văn phòng UBND xã"
due = "Quý III/2025"
+++
Nội dung.
"#;

/// A plan in force, whose activity table has a status column with an unknown value.
const IN_FORCE: &str = "+++
title = \"Kế hoạch tuyên truyền năm 2026\"
date = 2026-01-10
period = { start = 2026-01-01, end = 2026-12-31 }
+++
Nội dung.

| TT | Nội dung | Cơ quan chủ trì | Thời gian | Tình trạng |
|---|---|---|---|---|
| 1 | Treo băng rôn | Văn phòng UBND xã | Quý I/2026 | Đang thực hiện |
| 2 | In tờ gấp | Văn phòng UBND xã | Quý II/2026 | Xong một nửa |
| 3 | Hội nghị | Văn phòng UBND xã | Quý IV/2026 | |
";

fn site() -> TestSite {
    let mut site = TestSite::new();
    site.write("content/ke-hoach/ra-soat-2025/index.md", ENDED)
        .write("content/ke-hoach/ra-soat-2025/bao-cao.pdf", "%PDF-1.4")
        .write("content/ke-hoach/tuyen-truyen-2026.md", IN_FORCE);
    site.opts.build_date = Date::new(2026, 7, 15);
    site
}

#[test]
fn an_ended_plan_shows_statuses_not_failures() {
    let site = site();
    site.build_ok();
    let html = site.read("/ke-hoach/ra-soat-2025/index.html");
    assert!(!html.contains("badge-overdue"), "an ended plan is not late");
    assert_has(
        &html,
        &[
            "badge-done\">Hoàn thành</strong>",
            "Đã rà soát 12 thủ tục",
            "href=\"/ke-hoach/ra-soat-2025/bao-cao.pdf\">Báo cáo kết quả</a>",
            "badge-unreported\">Chưa cập nhật kết quả</span>",
            "Đã hoàn thành 1/2 nhiệm vụ",
        ],
    );
}

#[test]
fn a_plan_in_force_and_its_agency_page_flag_the_same_tasks() {
    let site = site();
    site.build_ok();
    let plan = site.read("/ke-hoach/tuyen-truyen-2026/index.html");
    let agency = site.read("/co-quan/van-phong-uy-ban-nhan-dan-xa/index.html");
    // Quý I and Quý II are over on 15/07/2026; Quý IV is not. The one in progress is
    // still late: only done or cancelled tasks are never late.
    for html in [&plan, &agency] {
        assert_eq!(html.matches("badge badge-overdue").count(), 2, "{html}");
        assert_has(html, &["badge-in-progress\">Đang thực hiện</strong>"]);
    }
    // The agency's ended-plan tasks are not late either, and it shows its progress.
    assert_has(&agency, &["Đã hoàn thành 1/5 nhiệm vụ"]);
    let csv = site.read("/data/tasks.csv");
    // overdue, then leads (the last column).
    assert_eq!(csv.matches(",\"true\",\"").count(), 2, "{csv}");
}

#[test]
fn an_unknown_status_is_a_warning_at_its_line_in_build_and_check() {
    let site = site();
    let report = site.build_ok();
    let want = "content/ke-hoach/tuyen-truyen-2026.md:11: warning: the task \"In tờ gấp\" has the status \"Xong một nửa\"";
    let found = |lines: &[String]| lines.iter().any(|w| w.starts_with(want));
    assert!(found(&report.warnings), "{:#?}", report.warnings);
    let (checked, errors) = congbo::build::check(&site.opts, false).unwrap();
    assert!(errors.is_empty(), "{errors}");
    assert!(found(&checked.warnings), "{:#?}", checked.warnings);
    // The task is shown without a status: never a guessed one.
    let html = site.read("/ke-hoach/tuyen-truyen-2026/index.html");
    let table = &html[html.find("<table class=\"tasks\"").unwrap()..];
    let row = &table[table.find("<td>In tờ gấp</td>").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(
        !row.contains("badge-status") && !row.contains("Xong"),
        "{row}"
    );
}

#[test]
fn a_report_that_points_nowhere_is_an_error_at_its_line() {
    let site = site();
    site.write(
        "content/ke-hoach/ra-soat-2025/index.md",
        &ENDED.replace("bao-cao.pdf", "@/tin-tuc/khong-co.md"),
    );
    let errors = site.build().unwrap_err().to_string();
    assert_has(
        &errors,
        &[
            "content/ke-hoach/ra-soat-2025/index.md:12:11: error: the report @/tin-tuc/khong-co.md points to content/tin-tuc/khong-co.md, which does not exist",
        ],
    );
}
