use super::*;
use crate::site::agencies::group_agencies;
use crate::site::documents::collect_documents;
use crate::site::tasks::read_all;
use crate::site::tasks::tests::{build_site, d};

mod csv;

const PLAN_A: &str = "+++
title = \"Kế hoạch tuyên truyền CCHC năm 2025\"
number = \"12/KH-UBND\"
authority = \"UBND xã Thử\"
date = 2025-01-02
period = { start = 2025-01-01, end = 2025-12-31 }
basis = [\"Nghị định số 45/2020/NĐ- CP\"]

[[tasks]]
name = \"Tuyên truyền, phổ biến; \\\"CCHC\\\" \\\\ mới\"
lead = \"Phòng Văn hoá – Xã hội\"
partners = [\"Công an xã\", \"Đoàn Thanh niên\"]
quantity = \"12 số\"
due = \"Quý III/2025\"

[[tasks]]
name = \"Cập nhật thường xuyên tin bài về cải cách hành chính, chuyển đổi số, Đề án 06 và các thủ tục hành chính liên thông trên Trang thông tin điện tử của xã\"
lead = \"Văn phòng HĐND và UBND\"
due = \"Thường xuyên\"

[[tasks]]
name = \"Hội nghị đối thoại\"
lead = \"phòng Văn hóa - Xã hội\"
due = \"Khi có yêu cầu\"
+++
Thực hiện Nghị định 45/2020/NĐ-CP và Nghị định 61/2018/NĐ-CP; Chỉ thị số 23/CT-TTg.
";

const PLAN_B: &str = "+++
title = \"Kế hoạch kiểm soát thủ tục hành chính\"
date = 2024-12-20
+++
| TT | Nội dung | Cơ quan chủ trì | Thời gian | Kết quả |
|---|---|---|---|---|
| 1 | Rà soát thủ tục | Phòng  Văn hóa -  Xã hội | 25/12/2024 | Hoàn thành: rà soát 12 thủ tục, \"đạt\" |
| 2 | Báo cáo | Công an xã | Tháng 6/2025 | không thuc hien |
";

const PROCEDURE: &str = "+++
title = \"Đăng ký khai tử\"
code = \"1.004561\"
field = \"Hộ tịch\"
agency = \"UBND cấp xã\"
level = \"Cấp xã\"
online = \"toàn trình\"
online_url = \"https://dichvucong.gov.vn/p/1.004561\"
ways = [\"Trực tiếp\", \"Trực tuyến\"]
processing_time = \"Ngay trong ngày\"
fee = \"Miễn lệ phí\"
subjects = [\"Thân nhân của người chết\"]
result = \"Trích lục khai tử \\\"bản chính\\\"\"
legal_basis = [\"Nghị định số 45/2020/NĐ–CP\", \"Luật Hộ tịch số 60/2014/QH13\"]
fields = [\"Hộ tịch\"]

[[documents]]
name = \"Tờ khai\"
originals = 1
copies = 0
form = \"to-khai.docx\"

[[documents]]
name = \"Giấy báo tử\"
originals = 1
copies = 2
+++
Các bước.
";

pub(crate) fn site_and_files(build_date: Date) -> (Site, Vec<OutputFile>) {
    let mut site = build_site(
        "[legal]\nresolver = \"https://vbpl.vn/tim?q={number}\"",
        &[
            ("content/ke-hoach/a.md", PLAN_A),
            ("content/ke-hoach/b.md", PLAN_B),
            (
                "content/thu-tuc/chung-thuc.md",
                "+++\ntitle = \"Chứng thực chữ ký\"\n+++\n",
            ),
            ("content/thu-tuc/dang-ky-khai-tu/index.md", PROCEDURE),
            (
                "content/tin-tuc/c.md",
                "+++\ntitle = \"Tin\"\ndate = 2025-02-03\n+++\nNghị định 45/2020/NĐ- CP.\n",
            ),
            (
                "content/van-ban/nd-61.md",
                "+++\ntitle = \"Nghị định về một cửa\"\nnumber = \"61/2018/NĐ-CP\"\n+++\n",
            ),
        ],
        build_date,
    );
    let proc = site
        .pages
        .iter()
        .position(|p| p.page.path == "/thu-tuc/dang-ky-khai-tu/");
    site.pages[proc.unwrap()].files.push((
        "to-khai.docx".into(),
        "/thu-tuc/dang-ky-khai-tu/to-khai.docx".into(),
        3,
    ));
    let tasks = read_all(&site.pages, build_date);
    let agencies = group_agencies(&site.pages, &tasks, &site.config.agency_aliases);
    let documents = collect_documents(&site.pages, &site.config.authority);
    let files = open_data(&site, &tasks, &agencies, &documents);
    (site, files)
}

pub(crate) fn text<'a>(files: &'a [OutputFile], path: &str) -> &'a str {
    let file = files.iter().find(|f| f.path == path).unwrap();
    let OutputData::Bytes(bytes) = &file.data else {
        panic!("{path} is not generated");
    };
    std::str::from_utf8(bytes).unwrap()
}

fn json_of(files: &[OutputFile], path: &str) -> serde_json::Value {
    serde_json::from_str(text(files, path)).unwrap()
}

/// Asserts that `keys` appear in `text` in this order (keys of nested objects included).
fn keys_in_order(text: &str, keys: &[&str]) {
    let mut at = 0;
    for k in keys {
        let found = text[at..].find(&format!("\"{k}\":"));
        at += found.unwrap_or_else(|| panic!("{k} missing or out of order in {text}"));
    }
}

const URL: &str = "https://xa-thu.example.gov.vn";

#[test]
fn eight_files_every_build_in_a_stable_order() {
    let (_, files) = site_and_files(d(2025, 6, 1));
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/data/plans.json",
            "/data/agencies.json",
            "/data/procedures.json",
            "/data/procedures.csv",
            "/data/documents.json",
            "/data/tasks.ics",
            "/data/tasks.csv",
            "/data/lich.ics"
        ]
    );
    // No questions, no bulletins: no hoi-dap.json, no ban-tin.json (as no chi-so.toml, no
    // chi-so.json), rather than empty lists saying the commune publishes some.
    for absent in ["/data/hoi-dap.json", "/data/ban-tin.json"] {
        assert!(!paths.contains(&absent), "{absent}");
    }
    let (_, again) = site_and_files(d(2025, 6, 1));
    for (a, b) in files.iter().zip(&again) {
        assert_eq!(text(&files, &a.path), text(&again, &b.path), "{}", a.path);
    }
    let empty = build_site("", &[], d(2025, 6, 1));
    let files = open_data(&empty, &[], &[], &[]);
    assert_eq!(text(&files, "/data/plans.json"), "[]\n");
    assert_eq!(text(&files, "/data/procedures.csv").lines().count(), 1);
    assert_eq!(text(&files, "/data/tasks.csv").lines().count(), 1);
}

#[test]
fn tasks_csv_has_a_row_per_task_with_the_json_fields() {
    let (_, files) = site_and_files(d(2025, 10, 15));
    let csv = text(&files, "/data/tasks.csv");
    assert!(
        csv.starts_with('\u{FEFF}'),
        "a BOM for spreadsheet programs"
    );
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{FEFF}\"plan\",\"plan_url\",\"name\",\"lead\",\"partners\",\"quantity\",\"due\",\"start\",\"end\",\"status\",\"result\",\"report\",\"overdue\",\"leads\""
    );
    // Three tasks of plan A, two of plan B, and the empty string after the last CRLF.
    assert_eq!(lines.len(), 7);
    assert_eq!(
        lines[1],
        "\"Kế hoạch tuyên truyền CCHC năm 2025\",\"https://xa-thu.example.gov.vn/ke-hoach/a/\",\
         \"Tuyên truyền, phổ biến; \"\"CCHC\"\" \\ mới\",\"Phòng Văn hoá – Xã hội\",\
         \"Công an xã; Đoàn Thanh niên\",\"12 số\",\"Quý III/2025\",\"2025-07-01\",\"2025-09-30\",\
         \"\",\"\",\"\",\"true\",\"Phòng Văn hoá – Xã hội\""
    );
    assert!(
        lines[4].contains("\"done\",\"rà soát 12 thủ tục, \"\"đạt\"\"\",\"\",\"false\","),
        "{}",
        lines[4]
    );
    assert!(
        lines[5].contains("\"cancelled\",\"\",\"\",\"false\","),
        "{}",
        lines[5]
    );
}

#[test]
fn the_open_data_carries_status_and_the_one_overdue_rule() {
    let (site, files) = site_and_files(d(2025, 10, 15));
    let plans = json_of(&files, "/data/plans.json");
    let a = &plans[0]["tasks"];
    assert_eq!(a[0]["overdue"], true, "Quý III/2025, plan in force");
    assert!(a[0]["status"].is_null());
    assert_eq!(a[1]["overdue"], false, "ongoing work has no deadline");
    let b = &plans[1]["tasks"];
    assert_eq!(b[0]["status"], "done");
    assert_eq!(b[0]["result"], "rà soát 12 thủ tục, \"đạt\"");
    assert_eq!(b[1]["status"], "cancelled");
    // The agencies' file says the same of the same task.
    let agencies = json_of(&files, "/data/agencies.json");
    let vh = &agencies[2]["tasks"];
    assert_eq!(vh[1]["name"], a[0]["name"]);
    assert_eq!(vh[1]["overdue"], true);
    assert_eq!(vh[0]["status"], "done");
    assert_eq!(
        site.tasks.iter().flatten().filter(|t| t.overdue()).count(),
        1
    );
    let ics = text(&files, "/data/tasks.ics");
    assert!(ics.contains("STATUS:CANCELLED"));
    assert!(
        ics.replace("\r\n ", "")
            .contains("Tình trạng: Hoàn thành\\nKết quả: rà soát 12 thủ tục\\, \"đạt\"")
    );
}

#[test]
fn plans_json_follows_the_contract() {
    let (_, files) = site_and_files(d(2025, 6, 1));
    let raw = text(&files, "/data/plans.json");
    keys_in_order(
        raw,
        &[
            "title",
            "url",
            "number",
            "authority",
            "date",
            "tasks",
            "name",
            "lead",
            "partners",
            "quantity",
            "due",
            "start",
            "end",
            "status",
            "result",
            "report",
            "overdue",
            "leads",
            "citations",
        ],
    );
    let plans = json_of(&files, "/data/plans.json");
    let a = &plans[0];
    assert_eq!(a["url"], format!("{URL}/ke-hoach/a/"));
    assert_eq!(a["date"], "2025-01-02");
    assert_eq!(a["tasks"][0]["start"], "2025-07-01");
    assert_eq!(a["tasks"][0]["end"], "2025-09-30");
    assert_eq!(
        a["tasks"][1]["start"], "2025-01-01",
        "Thường xuyên: the plan period"
    );
    assert_eq!(a["tasks"][2]["due"], "Khi có yêu cầu");
    assert!(a["tasks"][2]["start"].is_null() && a["tasks"][2]["end"].is_null());
    let cited: Vec<&str> = (a["citations"].as_array().unwrap().iter())
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(cited, ["45/2020/NĐ-CP", "61/2018/NĐ-CP", "23/CT-TTg"]);
    let b = &plans[1];
    assert_eq!(b["title"], "Kế hoạch kiểm soát thủ tục hành chính");
    assert!(b["number"].is_null() && b["authority"].is_null());
    assert_eq!(b["tasks"].as_array().unwrap().len(), 2);
}

#[test]
fn agencies_json_groups_spellings_with_absolute_urls() {
    let (_, files) = site_and_files(d(2025, 6, 1));
    let raw = text(&files, "/data/agencies.json");
    keys_in_order(
        raw,
        &[
            "name",
            "slug",
            "url",
            "spellings",
            "tasks",
            "plan_url",
            "name",
            "role",
            "spelling",
            "due",
            "start",
            "end",
            "status",
            "result",
            "report",
            "overdue",
        ],
    );
    let agencies = json_of(&files, "/data/agencies.json");
    let names: Vec<&str> = (agencies.as_array().unwrap().iter())
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Công an xã",
            "Đoàn Thanh niên",
            "Phòng Văn hoá - Xã hội",
            "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"
        ]
    );
    let vh = &agencies[2];
    // The grouped name, and each spelling the plans used: all of them, and each task's.
    assert_eq!(
        vh["spellings"],
        serde_json::json!([
            "Phòng Văn hoá – Xã hội",
            "phòng Văn hóa - Xã hội",
            "Phòng Văn hóa - Xã hội"
        ])
    );
    assert_eq!(vh["tasks"][0]["spelling"], "Phòng Văn hóa - Xã hội");
    assert_eq!(agencies[3]["spellings"][0], "Văn phòng HĐND và UBND");
    assert_eq!(vh["url"], format!("{URL}/co-quan/phong-van-hoa-xa-hoi/"));
    let dues: Vec<&str> = (vh["tasks"].as_array().unwrap().iter())
        .map(|t| t["due"].as_str().unwrap())
        .collect();
    assert_eq!(dues, ["25/12/2024", "Quý III/2025", "Khi có yêu cầu"]);
    assert_eq!(vh["tasks"][0]["plan_url"], format!("{URL}/ke-hoach/b/"));
    assert_eq!(vh["tasks"][0]["role"], "lead");
    // Công an xã: lead in plan B (June), partner in plan A (third quarter).
    assert_eq!(agencies[0]["tasks"][0]["role"], "lead");
    assert_eq!(agencies[0]["tasks"][1]["role"], "partner");
}

#[test]
fn procedures_json_has_every_key_and_url() {
    let (_, files) = site_and_files(d(2025, 6, 1));
    let raw = text(&files, "/data/procedures.json");
    let mut keys: Vec<&str> = PROCEDURE_COLUMNS.split(',').collect();
    keys.insert(14, "name");
    keys.insert(15, "originals");
    keys.insert(16, "copies");
    keys.insert(17, "form");
    keys_in_order(&raw[raw.find("Đăng ký khai tử").unwrap() - 15..], &keys);
    let list = json_of(&files, "/data/procedures.json");
    assert_eq!(
        list[0]["title"], "Chứng thực chữ ký",
        "Vietnamese order: C before Đ"
    );
    assert_eq!(list[0]["online"], "");
    let p = &list[1];
    assert_eq!(p["url"], format!("{URL}/thu-tuc/dang-ky-khai-tu/"));
    assert_eq!(p["ways"][1], "Trực tuyến");
    assert_eq!(
        p["documents"][0]["form"],
        format!("{URL}/thu-tuc/dang-ky-khai-tu/to-khai.docx")
    );
    assert!(p["documents"][1]["form"].is_null());
    assert_eq!(p["documents"][1]["copies"], 2);
    assert!(p["date"].is_null());
}

/// Splits CSV text (every field quoted, CRLF records) into records of unquoted fields,
/// checking the quoting as it goes.
#[test]
fn documents_json_groups_stray_space_numbers_and_links_them() {
    let (_, files) = site_and_files(d(2025, 6, 1));
    keys_in_order(
        text(&files, "/data/documents.json"),
        &["number", "type", "title", "url", "cited_by"],
    );
    let docs = json_of(&files, "/data/documents.json");
    let numbers: Vec<&str> = (docs.as_array().unwrap().iter())
        .map(|d| d["number"].as_str().unwrap())
        .collect();
    assert_eq!(
        numbers,
        [
            "23/CT-TTg",
            "60/2014/QH13",
            "45/2020/NĐ-CP",
            "61/2018/NĐ-CP"
        ]
    );
    let nd45 = &docs[2];
    assert_eq!(nd45["type"], "Nghị định");
    assert!(nd45["title"].is_null());
    assert_eq!(nd45["url"], "https://vbpl.vn/tim?q=45%2F2020%2FN%C4%90-CP");
    // Newest first; the undated procedure last.
    let citers: Vec<String> = ["tin-tuc/c/", "ke-hoach/a/", "thu-tuc/dang-ky-khai-tu/"]
        .iter()
        .map(|p| format!("{URL}/{p}"))
        .collect();
    assert_eq!(nd45["cited_by"], serde_json::json!(citers));
    let nd61 = &docs[3];
    assert_eq!(nd61["title"], "Nghị định về một cửa");
    assert_eq!(nd61["url"], format!("{URL}/van-ban/nd-61/"));
}

#[test]
fn unlinked_documents_have_null_url_without_resolver() {
    let site = build_site(
        "",
        &[(
            "content/tin-tuc/c.md",
            "+++\ntitle = \"T\"\ndate = 2025-01-01\n+++\nChỉ thị số 23/CT-TTg.\n",
        )],
        d(2025, 1, 1),
    );
    let docs = collect_documents(&site.pages, &site.config.authority);
    let files = open_data(&site, &read_all(&site.pages, site.build_date), &[], &docs);
    let json = json_of(&files, "/data/documents.json");
    assert!(json[0]["url"].is_null());
    assert_eq!(json[0]["cited_by"][0], format!("{URL}/tin-tuc/c/"));
}
