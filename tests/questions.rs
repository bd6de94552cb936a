//! Issue #30, questions and answers (hỏi đáp): a `question` page in `hoi-dap/` from its
//! Markdown to its HTML, the index grouped by field (newest answered first), schema.org
//! `QAPage` and `FAQPage`, the search records and `/data/hoi-dap.json`.

mod common;
use common::*;

fn question(title: &str, keys: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\n{keys}\n+++\n\n{body}\n")
}

/// Three questions in two fields; one anonymous.
fn questions_site() -> TestSite {
    let site = TestSite::new();
    site.write(
        "content/hoi-dap/khai-sinh-qua-mang.md",
        &question(
            "Đăng ký khai sinh trực tuyến có phải đến xã không?",
            "question = \"Tôi đã nộp hồ sơ khai sinh cho con trên Cổng Dịch vụ công. Tôi có phải đến UBND xã nữa không?\"\n\
             asker = \"Nguyễn Văn An, ấp Tân Lập\"\nfield = \"Hộ tịch\"\nagency = \"UBND xã\"\n\
             asked = 2025-03-02\ndate = 2025-03-05",
            "Chào ông, theo **Luật Hộ tịch số 60/2014/QH13**, ông nhận giấy khai sinh bản điện tử qua tài khoản định danh.",
        ),
    );
    site.write(
        "content/hoi-dap/khai-sinh-cu.md",
        &question(
            "Làm lại giấy khai sinh bị mất ở đâu?",
            "field = \"Hộ tịch\"\nagency = \"Công chức Tư pháp - Hộ tịch\"\nasked = 2025-01-02\ndate = 2025-01-10",
            "Ông bà đến Bộ phận Một cửa để được cấp bản sao trích lục.",
        ),
    );
    site.write(
        "content/hoi-dap/tach-thua.md",
        &question(
            "Diện tích tối thiểu được tách thửa là bao nhiêu?",
            "question = \"Đất ở nông thôn tách thửa tối thiểu bao nhiêu mét vuông?\"\n\
             asker = \"\"\nfield = \"Đất đai\"\nasked = 2025-04-01\ndate = 2025-04-10",
            "Theo quyết định của UBND tỉnh, tối thiểu 50 m².",
        ),
    );
    site
}

#[test]
fn a_question_page_shows_the_question_who_asked_and_the_answer() {
    let site = questions_site();
    site.build_ok();
    let html = site.read("hoi-dap/khai-sinh-qua-mang/index.html");
    assert_has(
        &html,
        &[
            "Đăng ký khai sinh trực tuyến có phải đến xã không?",
            "Tôi có phải đến UBND xã nữa không?",
            "Nguyễn Văn An, ấp Tân Lập",
            "Hộ tịch",
            // The agency's name written in full, by the agency rules.
            "Ủy ban nhân dân xã",
            "ngày 02 tháng 3 năm 2025",
            "ngày 05 tháng 3 năm 2025",
            "<strong>Luật Hộ tịch số 60/2014/QH13</strong>",
        ],
    );
    // Who asked, when the editor left it empty: a citizen, not a blank.
    let anon = site.read("hoi-dap/tach-thua/index.html");
    assert_has(&anon, &["Người dân"]);
    // Without `question` the title is the question.
    let untitled = site.read("hoi-dap/khai-sinh-cu/index.html");
    assert_has(
        &untitled,
        &["Làm lại giấy khai sinh bị mất ở đâu?", "Người dân"],
    );
}

#[test]
fn a_question_page_carries_qa_page_json_ld() {
    let site = questions_site();
    site.build_ok();
    let html = site.read("hoi-dap/khai-sinh-qua-mang/index.html");
    let v = json_ld_of(&html, "QAPage");
    assert_eq!(v["@context"], "https://schema.org");
    let q = &v["mainEntity"];
    assert_eq!(q["@type"], "Question");
    assert_eq!(
        q["name"],
        "Đăng ký khai sinh trực tuyến có phải đến xã không?"
    );
    assert!(q["text"].as_str().unwrap().contains("Cổng Dịch vụ công"));
    assert_eq!(q["answerCount"], 1);
    assert_eq!(q["dateCreated"], "2025-03-02");
    assert_eq!(q["author"]["@type"], "Person");
    assert_eq!(q["author"]["name"], "Nguyễn Văn An, ấp Tân Lập");
    let a = &q["acceptedAnswer"];
    assert_eq!(a["@type"], "Answer");
    assert!(a["text"].as_str().unwrap().contains("tài khoản định danh"));
    assert!(!a["text"].as_str().unwrap().contains("<strong>"));
    assert_eq!(a["dateCreated"], "2025-03-05");
    assert_eq!(a["author"]["@type"], "GovernmentOrganization");
    assert_eq!(a["author"]["name"], "Ủy ban nhân dân xã");
    assert_eq!(
        a["url"],
        "https://thu-nghiem.example.gov.vn/hoi-dap/khai-sinh-qua-mang/"
    );
    // An anonymous asker is a citizen in the JSON-LD too.
    let anon = json_ld_of(&site.read("hoi-dap/tach-thua/index.html"), "QAPage");
    assert_eq!(anon["mainEntity"]["author"]["name"], "Người dân");
}

#[test]
fn the_index_groups_questions_by_field_newest_answered_first() {
    let site = questions_site();
    site.build_ok();
    let html = site.read("hoi-dap/index.html");
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("no {s:?} in {html}"));
    // Fields in Vietnamese alphabetical order, each a heading.
    assert!(
        at("<h2 id=\"tieu-de-linh-vuc-1\">Đất đai") < at("<h2 id=\"tieu-de-linh-vuc-2\">Hộ tịch")
    );
    // Within a field, the newest answer first.
    assert!(at("Đăng ký khai sinh trực tuyến") < at("Làm lại giấy khai sinh"));
    // Dates in lists as 05/03/2025.
    assert_has(&html, &["05/03/2025"]);
    // Every question on one page: the groups are not cut by `paginate_by` (2 here).
    assert!(!site.exists("hoi-dap/trang/2/index.html"));
    let faq = json_ld_of(&html, "FAQPage");
    let entities = faq["mainEntity"].as_array().unwrap();
    assert_eq!(entities.len(), 3);
    for q in entities {
        assert_eq!(q["@type"], "Question");
        assert!(!q["name"].as_str().unwrap().is_empty());
        assert_eq!(q["acceptedAnswer"]["@type"], "Answer");
        assert!(!q["acceptedAnswer"]["text"].as_str().unwrap().is_empty());
    }
}

#[test]
fn questions_are_open_data_and_search_records() {
    let site = questions_site();
    site.build_ok();
    let data: serde_json::Value = serde_json::from_str(&site.read("data/hoi-dap.json")).unwrap();
    let list = data.as_array().unwrap();
    assert_eq!(list.len(), 3);
    // Newest answered first, as the index.
    assert_eq!(
        list[0]["title"],
        "Diện tích tối thiểu được tách thửa là bao nhiêu?"
    );
    let q = &list[1];
    assert_eq!(q["asker"], "Nguyễn Văn An, ấp Tân Lập");
    assert_eq!(q["field"], "Hộ tịch");
    assert_eq!(q["agency"], "Ủy ban nhân dân xã");
    assert_eq!(q["asked"], "2025-03-02");
    assert_eq!(q["answered"], "2025-03-05");
    assert_eq!(
        q["url"],
        "https://thu-nghiem.example.gov.vn/hoi-dap/khai-sinh-qua-mang/"
    );
    assert!(
        q["answer"]
            .as_str()
            .unwrap()
            .contains("tài khoản định danh")
    );
    // An anonymous question names no one.
    assert_eq!(list[0]["asker"], serde_json::Value::Null);
    // Search: the kind filter knows questions.
    let loc: serde_json::Value = serde_json::from_str(&site.read("search/loc.json")).unwrap();
    assert_eq!(loc["k"].as_str().unwrap().matches('q').count(), 3);
    assert_has(
        &site.read("tim-kiem/index.html"),
        &["<option value=\"question\">"],
    );
}

#[test]
fn question_keys_are_checked_with_their_lines() {
    let site = TestSite::new();
    site.write(
        "content/hoi-dap/a.md",
        &question("Hỏi", "asked = 2025-05-02\ndate = 2025-05-01", "Đáp."),
    );
    site.write(
        "content/tin-tuc/b.md",
        &question("Tin", "date = 2025-05-01\nasker = \"Ai đó\"", "Tin."),
    );
    let e = site.build().unwrap_err().to_string();
    assert_has(
        &e,
        &[
            "content/hoi-dap/a.md:3",
            "answered before it was asked",
            "content/tin-tuc/b.md:4",
            "`asker` is a key for questions",
        ],
    );
}

#[test]
fn a_question_field_feeds_the_field_pages_as_a_procedure_field_does() {
    // None of these questions writes `fields`: their `field` is one, by the one rule
    // every kind with a `field` follows (a procedure below writes it both ways).
    let site = questions_site();
    site.write(
        "content/thu-tuc/khai-sinh.md",
        "+++\ntitle = \"Đăng ký khai sinh\"\nfield = \"hộ tịch\"\n+++\n\nNộp tờ khai.\n",
    );
    site.write(
        "content/thu-tuc/ket-hon.md",
        "+++\ntitle = \"Đăng ký kết hôn\"\nfield = \"Hộ tịch\"\nfields = [\"Hộ Tịch\", \"Gia đình\"]\n+++\n\nNộp tờ khai.\n",
    );
    site.build_ok();
    // Four pages in the field, two a list page in the test site.
    let civil = site.read("linh-vuc/ho-tich/index.html")
        + &site.read("linh-vuc/ho-tich/trang/2/index.html");
    assert_has(
        &civil,
        &[
            "Đăng ký khai sinh trực tuyến có phải đến xã không?",
            "Làm lại giấy khai sinh bị mất ở đâu?",
            "Đăng ký khai sinh",
            "Đăng ký kết hôn",
        ],
    );
    assert_has(
        &site.read("linh-vuc/dat-dai/index.html"),
        &["Diện tích tối thiểu được tách thửa là bao nhiêu?"],
    );
    // The question's page links its field there.
    assert_has(
        &site.read("hoi-dap/tach-thua/index.html"),
        &["href=\"/linh-vuc/dat-dai/\""],
    );
    // Another spelling of a field already in `fields` is not added a second time.
    let data: serde_json::Value = serde_json::from_str(&site.read("data/procedures.json")).unwrap();
    let fields: Vec<&serde_json::Value> = data
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["fields"])
        .collect();
    assert!(
        fields.contains(&&serde_json::json!(["Hộ Tịch", "Gia đình"])),
        "{fields:?}"
    );
    assert!(
        fields.contains(&&serde_json::json!(["hộ tịch"])),
        "{fields:?}"
    );
}
