//! Tests of reading tasks from tables and text.

use super::*;

#[test]
fn header_variants() {
    let cases = [
        ("TT", Some(Column::Order)),
        ("STT", Some(Column::Order)),
        ("Hình thức tuyên truyền", Some(Column::What)),
        ("NỘI DUNG", Some(Column::What)),
        ("Số lượng/tần suất", Some(Column::Quantity)),
        ("Số lượng / Tần suất", Some(Column::Quantity)),
        ("Cơ quan chủ trì (**)", Some(Column::Lead)),
        ("Cơ quan chủ trì(*)", Some(Column::Lead)),
        ("Đơn vị thực hiện *", Some(Column::Lead)),
        ("co quan chu tri", Some(Column::Lead)),
        ("Cơ quan phối hợp", Some(Column::Partners)),
        ("Đơn vị phối hợp", Some(Column::Partners)),
        ("Thời gian thực hiện", Some(Column::Time)),
        ("Thời hạn", Some(Column::Time)),
        ("Ghi chú", None),
        ("", None),
    ];
    for (h, want) in cases {
        assert_eq!(classify(h), want, "{h}");
    }
}

fn table(header: &[&str], rows: &[&[&str]]) -> Table {
    Table {
        row_lines: (0..rows.len()).map(|r| 10 + r).collect(),
        header: header.iter().map(|s| s.to_string()).collect(),
        rows: rows
            .iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect(),
    }
}

#[test]
fn rows_become_tasks() {
    let t = table(
        &[
            "STT",
            "Nhiệm vụ",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
            "Thời hạn",
        ],
        &[
            &[
                "1",
                "Tuyên truyền",
                "Phòng Văn hoá – Xã hội",
                "Văn phòng UBND; Đoàn Thanh niên",
                "Quý I/2026",
            ],
            &["2", "", "X", "", ""],
        ],
    );
    let tasks = tasks_from_table(&t).unwrap();
    assert_eq!(tasks.len(), 1, "a row with no task text is skipped");
    assert_eq!(tasks[0].name, "Tuyên truyền");
    assert_eq!(tasks[0].lead.as_deref(), Some("Phòng Văn hoá – Xã hội"));
    assert_eq!(tasks[0].partners, vec!["Văn phòng UBND", "Đoàn Thanh niên"]);
    assert_eq!(tasks[0].due.as_deref(), Some("Quý I/2026"));
}

#[test]
fn a_status_column_gives_each_row_its_status_or_a_warning() {
    for h in ["Kết quả", "Tình trạng", "TIẾN ĐỘ", "Kết quả thực hiện"] {
        assert_eq!(classify(h), Some(Column::Status), "{h}");
    }
    let t = table(
        &["TT", "Nội dung", "Cơ quan chủ trì", "Kết quả"],
        &[
            &["1", "Tuyên truyền", "UBND xã", "hoan thanh: 3 hội nghị"],
            &["2", "Rà soát", "UBND xã", "Đang thực hiện"],
            &["3", "Niêm yết", "UBND xã", "Xong rồi"],
            &["4", "Báo cáo", "UBND xã", ""],
        ],
    );
    let tasks = tasks_from_table(&t).unwrap();
    let got: Vec<_> = tasks
        .iter()
        .map(|t| {
            (
                t.status,
                t.result.as_deref(),
                t.unknown_status.as_deref(),
                t.line,
            )
        })
        .collect();
    use crate::text::status::TaskStatus::*;
    assert_eq!(
        got,
        vec![
            (Some(Done), Some("3 hội nghị"), None, 10),
            (Some(InProgress), None, None, 11),
            (None, None, Some("Xong rồi"), 12),
            (None, None, None, 13),
        ]
    );
}

#[test]
fn tables_without_lead_are_not_tasks() {
    assert!(tasks_from_table(&table(&["Họ và tên", "Chức vụ"], &[&["A", "B"]])).is_none());
}

#[test]
fn a_partner_with_a_comma_in_its_name_stays_one() {
    let t = table(
        &["Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"],
        &[&[
            "Tuyên truyền",
            "UBND xã",
            "Báo và Phát thanh, Truyền hình Thái Nguyên; Công an xã",
        ]],
    );
    let tasks = tasks_from_table(&t).unwrap();
    assert_eq!(
        tasks[0].partners,
        vec!["Báo và Phát thanh, Truyền hình Thái Nguyên", "Công an xã"]
    );
}

#[test]
fn common_header_wordings_name_their_columns() {
    let cases = [
        ("Chủ trì", Some(Column::Lead)),
        ("Phối hợp", Some(Column::Partners)),
        ("Cơ quan, đơn vị chủ trì", Some(Column::Lead)),
        ("CƠ QUAN, ĐƠN VỊ CHỦ TRÌ", Some(Column::Lead)),
        ("Đơn vị chủ trì thực hiện", Some(Column::Lead)),
        ("Bộ phận thực hiện", Some(Column::Lead)),
        ("Bộ phận  thực  hiện", Some(Column::Lead)),
        ("Nội dung công việc", Some(Column::What)),
        ("Cơ quan chủ trì", Some(Column::Lead)),
        ("Cơ quan phối hợp", Some(Column::Partners)),
        ("Cơ quan, đơn vị phối hợp", Some(Column::Partners)),
        ("Thời gian thực hiện", Some(Column::Time)),
        ("Thời gian hoàn thành", Some(Column::Time)),
        ("Thời gian hoàn thành", Some(Column::Time)),
        ("Sản phẩm", Some(Column::Quantity)),
        ("Sản phẩm đầu ra", Some(Column::Quantity)),
        ("Ghi chú", None),
        ("Kinh phí thực hiện", None),
    ];
    for (h, want) in cases {
        assert_eq!(classify(h), want, "{h}");
    }
}

#[test]
fn word_table_quirks_are_read_as_word_means_them() {
    let t = table(
        &[
            "TT",
            "Nội dung công việc",
            "Chủ trì",
            "Phối hợp",
            "Thời gian hoàn thành",
        ],
        &[
            &["I", "Tuyên truyền", "", "", ""],
            &[
                "1",
                "Đăng tin, bài về",
                "Văn phòng HĐND và UBND xã",
                "Công an xã",
                "Quý I/2026",
            ],
            // The rest of row 1 after a page break, under the repeated header.
            &[
                "TT",
                "Nội dung công việc",
                "Chủ trì",
                "Phối hợp",
                "Thời gian hoàn thành",
            ],
            &["", "cải cách hành chính", "", "", ""],
            &["(1)", "(2)", "(3)", "(4)", "(5)"],
            // The lead cell merged down from row 1.
            &["2", "Phát chuyên mục", "", "nt", "Quý II/2026"],
            &["3", "Niêm yết", "Phòng Văn hóa - Xã hội", "như trên", "〃"],
        ],
    );
    let tasks = tasks_from_table(&t).unwrap();
    let got: Vec<_> = tasks
        .iter()
        .map(|t| {
            (
                t.name.as_str(),
                t.lead.as_deref(),
                t.partners.clone(),
                t.due.as_deref(),
                t.line,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "Đăng tin, bài về cải cách hành chính",
                Some("Văn phòng HĐND và UBND xã"),
                vec!["Công an xã".to_string()],
                Some("Quý I/2026"),
                11
            ),
            (
                "Phát chuyên mục",
                Some("Văn phòng HĐND và UBND xã"),
                vec!["Công an xã".to_string()],
                Some("Quý II/2026"),
                15
            ),
            (
                "Niêm yết",
                Some("Phòng Văn hóa - Xã hội"),
                vec!["Công an xã".to_string()],
                Some("Quý II/2026"),
                16
            ),
        ]
    );
}

#[test]
fn a_table_without_order_numbers_keeps_every_row() {
    let t = table(
        &["Nhiệm vụ", "Chủ trì"],
        &[&["Tuyên truyền", "UBND xã"], &["Niêm yết", "Công an xã"]],
    );
    let tasks = tasks_from_table(&t).unwrap();
    assert_eq!(tasks.len(), 2);
    assert_eq!(tasks[1].lead.as_deref(), Some("Công an xã"));
}

#[test]
fn plan_tasks_reads_text_shapes() {
    let body = "## V. TỔ CHỨC THỰC HIỆN\n\n### 1. Phòng Văn hóa – Xã hội\n\n- Tham mưu kế hoạch.\n";
    let found = plan_tasks(&read_text(body, 5), &[], &[]);
    let got: Vec<_> = found
        .tasks
        .iter()
        .map(|(s, t)| (*s, t.name.as_str(), t.lead.as_deref(), t.line))
        .collect();
    assert_eq!(
        got,
        vec![(
            Shape::Section,
            "Tham mưu kế hoạch",
            Some("Phòng Văn hóa – Xã hội"),
            9
        )]
    );
}

#[test]
fn a_section_heading_written_bold_inside_is_the_section() {
    // As the Cần Thơ text has it: the bold marks inside the heading, around its numbering.
    let body = "## **VI. TỔ CHỨC THỰC HIỆN**\n\n### **1. Phòng Văn hóa – Xã hội**\n\n- Tham mưu kế hoạch.\n";
    let found = plan_tasks(&read_text(body, 5), &[], &[]);
    let got: Vec<_> = found
        .tasks
        .iter()
        .map(|(s, t)| (*s, t.name.as_str(), t.lead.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![(
            Shape::Section,
            "Tham mưu kế hoạch",
            Some("Phòng Văn hóa – Xã hội")
        )]
    );
}

#[test]
fn a_ditto_is_told_from_task_text_by_its_first_letter_alone() {
    // Task text that starts with an ASCII letter other than n is settled unfolded.
    for cell in ["Tuyên truyền", "1", "- Tổ chức", "(a) Họp", "UBND xã"] {
        assert!(!may_be_ditto_word(cell), "{cell}");
    }
    // What could fold to a ditto word is folded.
    for cell in [
        "nt",
        " - N.T",
        "như trên",
        "Như trên (**)",
        "Ñt",
        "– nt",
        "Đơn vị",
    ] {
        assert!(may_be_ditto_word(cell), "{cell}");
    }
    // The same answers as folding every cell whole.
    let whole = |c: &str| {
        matches!(header_key(c).as_str(), "nt" | "n t" | "nhu tren")
            || matches!(c.trim(), "〃" | "\"" | "”" | "''")
    };
    let cells = [
        "nt",
        "NT",
        "n.t",
        "N/T",
        " nt ",
        "- nt",
        "– nt",
        "\tnt",
        "(nt)",
        "nt (*)",
        "Như trên",
        "NHƯ TRÊN",
        "như  trên (**)",
        "〃",
        "\"",
        "”",
        "''",
        "",
        "  ",
        "**",
        "Năm 2025",
        "nội dung",
        "Tuyên truyền",
        "1",
        "=\u{338}nt",
        "n\u{303}t",
        "Ñ T",
        "ntt",
        "nt2",
        "nhu tren nua",
    ];
    for c in cells {
        assert_eq!(is_ditto(c), whole(c), "{c:?}");
    }
}
