//! Tasks from every shape a plan writes them in (issue 27): activity tables with any common
//! header wording and Word's quirks, "- Đơn vị thực hiện: …" lists under an activity,
//! "Tổ chức thực hiện" sections (an agency heading and its bullets, or a sentence whose
//! subject is the agency) and appendix tables. Each is built into a fixture site and read
//! back from `/data/tasks.csv`, the open data citizens and the province download.

mod common;
use common::*;

/// One row of `tasks.csv`: name, lead, partners, quantity, due.
#[derive(Debug, PartialEq, Eq)]
struct Row {
    name: String,
    lead: String,
    partners: String,
    quantity: String,
    due: String,
}

/// The rows of `tasks.csv` (every field quoted, `""` for a quote, CRLF).
fn rows(csv: &str) -> Vec<Row> {
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = csv.trim_start_matches('\u{FEFF}').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                fields.push(std::mem::take(&mut field));
                out.push(std::mem::take(&mut fields));
            }
            c => field.push(c),
        }
    }
    out.into_iter()
        .skip(1)
        .map(|f| Row {
            name: f[2].clone(),
            lead: f[3].clone(),
            partners: f[4].clone(),
            quantity: f[5].clone(),
            due: f[6].clone(),
        })
        .collect()
}

fn row(name: &str, lead: &str, partners: &str, quantity: &str, due: &str) -> Row {
    Row {
        name: name.into(),
        lead: lead.into(),
        partners: partners.into(),
        quantity: quantity.into(),
        due: due.into(),
    }
}

fn plan(body: &str) -> String {
    format!(
        "+++\ntitle = \"Kế hoạch thử năm 2026\"\ndate = 2026-01-10\n\
         period = {{ start = 2026-01-01, end = 2026-12-31 }}\n+++\n{body}"
    )
}

fn built(body: &str) -> Vec<Row> {
    let site = TestSite::new();
    site.write("content/ke-hoach/thu.md", &plan(body));
    site.build_ok();
    rows(&site.read("/data/tasks.csv"))
}

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
