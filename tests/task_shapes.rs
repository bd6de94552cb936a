//! Tasks from every shape a plan writes them in (issue 27): activity tables with any common
//! header wording and Word's quirks, "- Đơn vị thực hiện: …" lists under an activity,
//! "Tổ chức thực hiện" sections (an agency heading and its bullets, or a sentence whose
//! subject is the agency) and appendix tables. Each is built into a fixture site and read
//! back from `/data/tasks.csv`, the open data citizens and the province download.

mod common;
use common::tasks::*;
use common::*;

#[test]
fn a_word_table_with_other_headers_gives_its_tasks_and_no_bogus_ones() {
    let got = built(
        "## IV. NHIỆM VỤ

| STT | Nội dung công việc | Cơ quan, đơn vị chủ trì | Phối hợp | Thời gian hoàn thành | Sản phẩm |
|---|---|---|---|---|---|
| 1 | Đăng tin, bài về | Văn phòng HĐND và UBND xã | Công an xã | Quý I/2026 | 12 tin |
| STT | Nội dung công việc | Cơ quan, đơn vị chủ trì | Phối hợp | Thời gian hoàn thành | Sản phẩm |
| | cải cách hành chính | | | | |
| 2 | Phát chuyên mục | | nt | Quý II/2026 | 52 buổi |
",
    );
    assert_eq!(
        got,
        vec![
            row(
                "Đăng tin, bài về cải cách hành chính",
                "Văn phòng HĐND và UBND xã",
                "Công an xã",
                "12 tin",
                "Quý I/2026"
            ),
            row(
                "Phát chuyên mục",
                "Văn phòng HĐND và UBND xã",
                "Công an xã",
                "52 buổi",
                "Quý II/2026"
            ),
        ]
    );
}

#[test]
fn an_activity_with_detail_lines_is_a_task() {
    let got = built(
        "## II. NỘI DUNG

**1. Tuyên truyền trên hệ thống loa truyền thanh**

- Đơn vị thực hiện: Trung tâm Dịch vụ tổng hợp xã
- Phối hợp: Công an xã; Đoàn Thanh niên xã
- Thời gian thực hiện: Quý II/2026
- Số lượng: 52 buổi

2. Niêm yết thủ tục hành chính:
- Cơ quan chủ trì: Văn phòng HĐND và UBND xã
- Thời gian thực hiện: Thường xuyên

3. Tổ chức hội nghị

- Thời gian thực hiện: Quý III/2026
",
    );
    assert_eq!(
        got,
        vec![
            row(
                "Tuyên truyền trên hệ thống loa truyền thanh",
                "Trung tâm Dịch vụ tổng hợp xã",
                "Công an xã; Đoàn Thanh niên xã",
                "52 buổi",
                "Quý II/2026"
            ),
            row(
                "Niêm yết thủ tục hành chính",
                "Văn phòng HĐND và UBND xã",
                "",
                "",
                "Thường xuyên"
            ),
        ],
        "an activity without its agency is no task"
    );
}

#[test]
fn a_to_chuc_thuc_hien_section_gives_each_agency_its_tasks() {
    let got = built(
        "## II. NỘI DUNG

- Tuyên truyền sâu rộng về cải cách hành chính.

## V. TỔ CHỨC THỰC HIỆN

Thủ trưởng các cơ quan, đơn vị thực hiện các nội dung sau:

1. Chủ động triển khai các hoạt động tuyên truyền.

### 1. Phòng Văn hóa – Xã hội

- Tham mưu Ủy ban nhân dân phường tổ chức triển khai kế hoạch; tổng hợp, báo cáo \
kết quả định kỳ hằng quý.

- Thường xuyên cập nhật tin, bài trên Cổng thông tin điện tử phường.

- Nội dung tuyên truyền phải ngắn gọn.

2. Văn phòng HĐND và UBND xã: Đăng tải kế hoạch trên Cổng thông tin điện tử trước ngày 15/12.

3. Đề nghị Ủy ban MTTQ Việt Nam phường và các tổ chức chính trị - xã hội phối hợp tuyên truyền.

- Bộ phận Tiếp nhận và trả kết quả phường tăng cường hướng dẫn người dân nộp hồ sơ trực tuyến.

- Văn phòng HĐND và UBND xã là đầu mối giúp Ủy ban nhân dân xã theo dõi việc thực hiện.

Trên đây là Kế hoạch tuyên truyền. Các cơ quan, đơn vị kịp thời báo cáo.
",
    );
    let tasks: Vec<(&str, &str, &str)> = got
        .iter()
        .map(|r| (r.name.as_str(), r.lead.as_str(), r.due.as_str()))
        .collect();
    assert_eq!(
        tasks,
        vec![
            (
                "Tham mưu Ủy ban nhân dân phường tổ chức triển khai kế hoạch; tổng hợp, báo cáo \
                 kết quả định kỳ hằng quý",
                "Phòng Văn hóa – Xã hội",
                "Định kỳ hằng quý"
            ),
            (
                "Thường xuyên cập nhật tin, bài trên Cổng thông tin điện tử phường",
                "Phòng Văn hóa – Xã hội",
                "Thường xuyên"
            ),
            (
                "Đăng tải kế hoạch trên Cổng thông tin điện tử trước ngày 15/12",
                "Văn phòng HĐND và UBND xã",
                "Trước ngày 15/12"
            ),
            ("Phối hợp tuyên truyền", "Ủy ban MTTQ Việt Nam phường", ""),
            (
                "Tăng cường hướng dẫn người dân nộp hồ sơ trực tuyến",
                "Bộ phận Tiếp nhận và trả kết quả phường",
                ""
            ),
        ]
    );
}

#[test]
fn an_appendix_table_gives_its_tasks() {
    let got = built(
        "## III. NHIỆM VỤ CỤ THỂ

Chi tiết tại Phụ lục đính kèm.

**PHỤ LỤC: DANH MỤC NHIỆM VỤ**

| TT | Nhiệm vụ | Đơn vị chủ trì thực hiện | Thời gian thực hiện |
|---|---|---|---|
| 1 | Xây dựng chuyên mục cải cách hành chính | Trung tâm Văn hóa, Thể thao và Truyền thông | Quý I/2026 |
",
    );
    assert_eq!(
        got,
        vec![row(
            "Xây dựng chuyên mục cải cách hành chính",
            "Trung tâm Văn hóa, Thể thao và Truyền thông",
            "",
            "",
            "Quý I/2026"
        )]
    );
}

/// Builds a corpus plan as a site's only plan: its tasks and `congbo check`'s notes on it.
fn corpus_plan(name: &str, test: &str) -> Option<(Vec<Row>, Vec<String>)> {
    let dir = shared("corpus/ke-hoach", test)?;
    let text = std::fs::read_to_string(dir.join(format!("{name}.md"))).unwrap();
    let site = TestSite::new();
    site.write(&format!("content/ke-hoach/{name}.md"), &text);
    site.build_ok();
    let (report, errors) = congbo::build::check(&site.opts, false).unwrap();
    assert!(errors.is_empty(), "{errors}");
    Some((rows(&site.read("/data/tasks.csv")), report.notes))
}

fn has(rows: &[Row], lead: &str, name_start: &str, due: &str) -> bool {
    rows.iter()
        .any(|r| r.lead == lead && r.name.starts_with(name_start) && r.due == due)
}

#[test]
fn the_corpus_plans_give_their_assigned_tasks() {
    let can_tho = "ke-hoach-tuyen-truyen-cchc-can-tho-2025";
    let Some((rows, notes)) = corpus_plan(can_tho, "the_corpus_plans_give_their_assigned_tasks")
    else {
        return;
    };
    // 14 rows of the activity table, 20 assignments in section VI.
    let summary = format!(
        "content/ke-hoach/{can_tho}.md: note: 34 tasks: 14 table, 20 \"Tổ chức thực hiện\""
    );
    assert!(notes.contains(&summary), "{notes:#?}");
    assert!(has(
        &rows,
        "Sở Tài chính",
        "Phối hợp với các đơn vị có liên quan đảm bảo kinh phí",
        ""
    ));
    assert!(has(
        &rows,
        "Trường Chính trị thành phố",
        "Phối hợp với Sở Nội vụ thường xuyên",
        "Thường xuyên"
    ));
    let radio = rows
        .iter()
        .find(|r| r.name.starts_with("Bám sát chủ trương"))
        .expect("section VI.9 a)");
    assert_eq!(
        (radio.lead.as_str(), radio.partners.as_str()),
        ("Đài Phát thanh và Truyền hình thành phố", "Báo Cần Thơ")
    );
    // Section VI.1 assigns its a)–đ) to "Thủ trưởng … ; Chủ tịch UBND quận, huyện", not an
    // agency: noted, not taken.
    let not_taken = |n: &String| n.contains("not taken as a task: \"Căn cứ vào Kế hoạch này");
    assert!(notes.iter().any(not_taken), "{notes:#?}");

    let thach_khoi = "ke-hoach-tuyen-truyen-cchc-thach-khoi-2026";
    let (rows, notes) = corpus_plan(thach_khoi, "").unwrap();
    let summary =
        format!("content/ke-hoach/{thach_khoi}.md: note: 13 tasks: 13 \"Tổ chức thực hiện\"");
    assert!(notes.contains(&summary), "{notes:#?}");
    assert!(has(
        &rows,
        "Phòng Kinh tế, Hạ tầng và Đô thị",
        "Tham mưu bố trí kinh phí",
        ""
    ));
    assert!(has(
        &rows,
        "Trung tâm phục vụ hành chính công",
        "Thường xuyên cập nhật",
        "Thường xuyên"
    ));
    let front = rows
        .iter()
        .find(|r| {
            r.name
                .starts_with("Tổ chức triển khai các hoạt động thông tin")
        })
        .expect("section V.6");
    assert_eq!(
        (front.lead.as_str(), front.partners.as_str()),
        (
            "Ủy ban Mặt trận Tổ quốc Việt Nam phường",
            "các tổ chức chính trị - xã hội"
        ),
        "an agency and the group it leads are not one agency"
    );

    let thanh_an = "ke-hoach-tuyen-truyen-cchc-thanh-an-2026";
    let (rows, notes) = corpus_plan(thanh_an, "").unwrap();
    // Items 1–4 of section V belong to "Thủ trưởng cơ quan, ban, ngành …": not an agency.
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert!(has(
        &rows,
        "Phòng Văn hóa – Xã hội",
        "Thực hiện báo cáo về Ủy ban nhân dân thành phố",
        "Định kỳ hàng quý"
    ));
    assert!(
        rows[0].name.ends_with("theo yêu cầu"),
        "a page-broken sentence is joined"
    );
    let missed = notes
        .iter()
        .filter(|n| n.contains(": note: not taken as a task:"))
        .count();
    assert_eq!(missed, 4, "{notes:#?}");
}

#[test]
fn recurring_work_repeats_in_the_calendar() {
    let site = TestSite::new();
    site.write(
        "content/ke-hoach/thu.md",
        &plan(
            "| TT | Nội dung | Chủ trì | Thời gian thực hiện |
|---|---|---|---|
| 1 | Báo cáo kết quả | Văn phòng UBND xã | Trước ngày 05 tháng cuối quý |
| 2 | Hội nghị tổng kết | Văn phòng UBND xã | Cuối năm 2026 |
",
        ),
    );
    site.build_ok();
    let ics = site.read("/data/tasks.ics");
    let events: Vec<&str> = ics.split("BEGIN:VEVENT").skip(1).collect();
    assert_eq!(events.len(), 2, "{ics}");
    assert_has(
        events[0],
        &[
            "DTSTART;VALUE=DATE:20260305\r\n",
            "DTEND;VALUE=DATE:20260306\r\n",
            "RRULE:FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=5;UNTIL=20261231\r\n",
        ],
    );
    assert_has(
        events[1],
        &[
            "DTSTART;VALUE=DATE:20261001\r\n",
            "DTEND;VALUE=DATE:20270101\r\n",
        ],
    );
    assert!(!events[1].contains("RRULE"), "{}", events[1]);
}
