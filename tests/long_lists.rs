//! Lists that grow with the years stay light: an agency's tasks are split into pages, and
//! a document cited by many pages shows the newest few where it is listed, with a link to
//! its own paginated list of every citing page. (On a 10,000-page site an agency page had
//! reached 700 KB and the documents index 2.7 MB: too much for a cheap phone.)

mod common;
use common::*;
use congbo::text::date::Date;

/// A plan with `n` tasks led by one agency, task `k` due on day `k` of 2026.
fn plan_with_tasks(n: usize) -> String {
    let mut s = String::from(
        "+++\ntitle = \"Kế hoạch nhiều việc\"\nnumber = \"09/KH-UBND\"\ndate = 2026-01-05\n",
    );
    for k in 1..=n {
        let day = Date::new(2026, 1, 1).unwrap().add_days(k as i64 - 1);
        s.push_str(&format!(
            "\n[[tasks]]\nname = \"Việc số {k:03}\"\nlead = \"Phòng Văn hóa - Xã hội\"\ndue = \"{}\"\n",
            day.list()
        ));
    }
    s.push_str("+++\nNội dung.\n");
    s
}

/// How many task rows an agency page shows.
fn rows(html: &str) -> usize {
    html.matches("Việc số ").count()
}

#[test]
fn an_agency_with_many_tasks_gets_pages_of_fifty() {
    let site = TestSite::new();
    site.write("content/ke-hoach/nhieu-viec.md", &plan_with_tasks(120));
    site.build_ok();
    let dir = "co-quan/phong-van-hoa-xa-hoi";
    let first = site.read(&format!("{dir}/index.html"));
    assert_eq!(rows(&first), 50, "{first}");
    assert_has(
        &first,
        &[
            "Việc số 001",
            "Việc số 050",
            "120",
            "/co-quan/phong-van-hoa-xa-hoi/trang/2/",
        ],
    );
    assert!(!first.contains("Việc số 051"));
    let second = site.read(&format!("{dir}/trang/2/index.html"));
    assert_eq!(rows(&second), 50);
    assert_has(&second, &["Việc số 051", "Việc số 100"]);
    let third = site.read(&format!("{dir}/trang/3/index.html"));
    assert_eq!(rows(&third), 20);
    assert_has(&third, &["Việc số 101", "Việc số 120"]);
    assert!(!site.exists(&format!("{dir}/trang/4/index.html")));
    // The open data still has every task.
    assert_eq!(
        site.read("data/agencies.json").matches("Việc số ").count(),
        120
    );
}

#[test]
fn an_agency_with_few_tasks_has_one_page_and_no_pager() {
    let site = TestSite::new();
    site.write("content/ke-hoach/it-viec.md", &plan_with_tasks(3));
    site.build_ok();
    let page = site.read("co-quan/phong-van-hoa-xa-hoi/index.html");
    assert_eq!(rows(&page), 3);
    assert!(!page.contains("trang/2/"), "{page}");
    assert!(!site.exists("co-quan/phong-van-hoa-xa-hoi/trang/2/index.html"));
}

/// A site where 52 news items (dated 1 March onwards, a day apart) cite Nghị định
/// 61/2018/NĐ-CP and the first two also Thông tư 01/2023/TT-BNV; the decree has its own
/// page.
fn site_with_citations() -> TestSite {
    let site = TestSite::new();
    for d in 1..=52 {
        let date = Date::new(2026, 3, 1).unwrap().add_days(d - 1);
        site.write(
            &format!("content/tin-tuc/tin-{d:02}.md"),
            &format!(
                "+++\ntitle = \"Tin trích dẫn {d:02}\"\ndate = {}\n+++\nTheo Nghị định số 61/2018/NĐ-CP.{}\n",
                date.iso(),
                if d <= 2 { " Và Thông tư số 01/2023/TT-BNV." } else { "" }
            ),
        );
    }
    site.write(
        "content/van-ban/nd-61.md",
        "+++\ntitle = \"Nghị định về một cửa\"\nnumber = \"61/2018/NĐ-CP\"\ndate = 2018-04-23\n+++\nTóm tắt.\n",
    );
    site
}

/// The numbers of the "Tin trích dẫn NN" titles in `html`, in order.
fn citers(html: &str) -> Vec<u32> {
    html.split("Tin trích dẫn ")
        .skip(1)
        .filter_map(|s| s.get(..2)?.parse().ok())
        .collect()
}

#[test]
fn a_document_cited_by_many_pages_lists_the_newest_five_and_links_the_rest() {
    let site = site_with_citations();
    site.build_ok();
    let all = "/van-ban/trich-dan/61-2018-nd-cp/";
    let index = site.read("van-ban/index.html");
    // The decree's newest five, then the link; both of the circular's.
    assert_eq!(citers(&index), [52, 51, 50, 49, 48, 2, 1], "{index}");
    assert_has(&index, &[all, "52"]);
    assert_eq!(index.matches("/van-ban/trich-dan/").count(), 1, "{index}");
    // The decree's own page: the same five and the same link.
    let own = site.read("van-ban/nd-61/index.html");
    assert_eq!(citers(&own), [52, 51, 50, 49, 48]);
    assert_has(&own, &[all]);
    // The list of every citing page, newest first, 50 a page.
    let list = site.read("van-ban/trich-dan/61-2018-nd-cp/index.html");
    assert_has(
        &list,
        &[
            "61/2018/NĐ-CP",
            "Nghị định về một cửa",
            "/van-ban/nd-61/",
            "/van-ban/trich-dan/61-2018-nd-cp/trang/2/",
        ],
    );
    assert_eq!(citers(&list), (3..=52).rev().collect::<Vec<_>>());
    let last = site.read("van-ban/trich-dan/61-2018-nd-cp/trang/2/index.html");
    assert_eq!(citers(&last), [2, 1]);
    assert!(!site.exists("van-ban/trich-dan/61-2018-nd-cp/trang/3/index.html"));
    // Two citing pages need no list of their own.
    assert!(!site.exists("van-ban/trich-dan/01-2023-tt-bnv/index.html"));
    // The open data names every citing page.
    let json = site.read("data/documents.json");
    assert_eq!(json.matches("/tin-tuc/tin-").count(), 54, "{json}");
}

#[test]
fn a_theme_without_the_citations_template_keeps_the_full_lists() {
    let site = site_with_citations();
    let theme = site
        .root()
        .join("themes/cong-thong-tin/templates/citations.html");
    std::fs::remove_file(&theme).unwrap();
    site.build_ok();
    let index = site.read("van-ban/index.html");
    assert_eq!(citers(&index).len(), 54);
    assert!(!index.contains("/van-ban/trich-dan/"), "{index}");
    assert!(!site.exists("van-ban/trich-dan/61-2018-nd-cp/index.html"));
}
