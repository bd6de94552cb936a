//! A plan's tasks edited in the editor's grid (`serve --edit`, port 0), as a browser
//! without JavaScript posts it: the grid shows the table the plan has, and what it
//! posts is written as the Markdown table the build reads back to the same tasks.

mod common;
use common::editor::*;
use common::serve::Server;
use common::tasks::{plan_site, row, rows};

const TABLE: &str = "| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |\n\
                     |---|---|---|---|---|\n\
                     | 1 | Đăng tin về CCHC | Văn phòng HĐND và UBND xã | Công an xã | Thường xuyên |\n";

#[test]
fn the_grid_shows_the_plans_table_and_writes_back_what_the_build_reads() {
    let site = plan_site(&format!("Mở đầu kế hoạch.\n\n{TABLE}\nKết thúc.\n"));
    let server = Server::start_with(&site, &["--edit"]);
    let form = open(&server, "/_soan-thao/sua/ke-hoach/thu.md");
    // The table is in the grid, and its place in the body is kept.
    assert!(
        form.html
            .contains("name=\"nv-ten\" value=\"Đăng tin về CCHC\""),
        "{}",
        form.html
    );
    assert!(
        form.html
            .contains("Mở đầu kế hoạch.\n\n[[BẢNG NHIỆM VỤ]]\n\nKết thúc.")
    );
    assert!(!form.html.contains("| Đăng tin về CCHC |"));
    // Reordered (the new row first by its number), one more partner, a status.
    let fields = [
        ("csrf", form.csrf.as_str()),
        ("goc", form.goc.as_str()),
        ("title", "Kế hoạch thử năm 2026"),
        ("date", "10/01/2026"),
        (
            "body",
            "Mở đầu kế hoạch.\r\n\r\n[[BẢNG NHIỆM VỤ]]\r\n\r\nKết thúc.\r\n",
        ),
        ("nv-tt", "2"),
        ("nv-ten", "Đăng tin về CCHC"),
        ("nv-chu-tri", "Văn phòng HĐND và UBND xã"),
        ("nv-phoi-hop", "Công an xã; Đoàn Thanh niên xã"),
        ("nv-thoi-gian", "Thường xuyên"),
        ("nv-so-luong", "48 tin, bài"),
        ("nv-tinh-trang", "Đang thực hiện"),
        ("nv-tt", "1"),
        ("nv-ten", "Rà soát | niêm yết thủ tục"),
        ("nv-chu-tri", "Phòng Văn hóa - Xã hội"),
        ("nv-phoi-hop", ""),
        ("nv-thoi-gian", "Quý II/2026"),
        ("nv-so-luong", ""),
        ("nv-tinh-trang", ""),
        ("nv-tt", "3"),
        ("nv-ten", ""),
        ("nv-chu-tri", "Không ai"),
        ("nv-phoi-hop", ""),
        ("nv-thoi-gian", ""),
        ("nv-so-luong", ""),
        ("nv-tinh-trang", ""),
        ("luu", "1"),
    ];
    let (status, _, html) = server.post(
        "/_soan-thao/sua/ke-hoach/thu.md",
        &fields,
        Some(&form.cookie),
    );
    assert_eq!(status, 303, "{html}");
    let text = source(&site, "content/ke-hoach/thu.md");
    assert!(!text.contains("BẢNG NHIỆM VỤ"), "{text}");
    let at = text.find("| TT | Nội dung").expect("the table is written");
    assert!(text.find("Mở đầu").unwrap() < at && at < text.find("Kết thúc.").unwrap());
    // Built, the plan has exactly the grid's tasks, in its order.
    site.build_ok();
    assert_eq!(
        rows(&site.read("/data/tasks.csv")),
        vec![
            row(
                "Rà soát | niêm yết thủ tục",
                "Phòng Văn hóa - Xã hội",
                "",
                "",
                "Quý II/2026"
            ),
            row(
                "Đăng tin về CCHC",
                "Văn phòng HĐND và UBND xã",
                "Công an xã; Đoàn Thanh niên xã",
                "48 tin, bài",
                "Thường xuyên"
            ),
        ]
    );
    // Opened again, the grid shows the same rows.
    let again = open(&server, "/_soan-thao/sua/ke-hoach/thu.md");
    assert!(
        again
            .html
            .contains("name=\"nv-ten\" value=\"Rà soát | niêm yết thủ tục\"")
    );
    assert!(
        again
            .html
            .contains("name=\"nv-tinh-trang\" value=\"Đang thực hiện\"")
    );
}

#[test]
fn more_rows_without_javascript_keep_what_was_typed_and_write_nothing() {
    let site = plan_site("Không có bảng.\n");
    let server = Server::start_with(&site, &["--edit"]);
    let form = open(&server, "/_soan-thao/sua/ke-hoach/thu.md");
    assert_eq!(form.html.matches("name=\"nv-ten\"").count(), 3);
    let before = snapshot(&site);
    let (status, _, html) = server.post(
        "/_soan-thao/xem-truoc/sua/ke-hoach/thu.md",
        &[
            ("csrf", &form.csrf),
            ("goc", &form.goc),
            ("title", "Kế hoạch thử năm 2026"),
            ("body", "Không có bảng.\n"),
            ("nv-tt", "1"),
            ("nv-ten", "Việc đã gõ"),
            ("nv-chu-tri", "Công an xã"),
            ("nv-tt", "2"),
            ("nv-ten", ""),
            ("nv-chu-tri", ""),
            ("them-dong", "1"),
        ],
        Some(&form.cookie),
    );
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("value=\"Việc đã gõ\""));
    assert_eq!(html.matches("name=\"nv-ten\"").count(), 5, "{html}");
    // The preview shows the task in the plan's table.
    let frame = &html[html.find("srcdoc=\"").expect("a preview")..];
    assert!(frame.contains("Việc đã gõ"), "{frame}");
    assert_eq!(snapshot(&site), before);
}
