//! What congbo knows of the domain, end to end: plan tasks and timeline, agencies across
//! plans, legal citations and the documents index, procedure pages and posting sheets,
//! JSON-LD and the open data files.

mod common;
use common::*;
use congbo::text::date::Date;

fn plan(number: &str, lead_a: &str, body: &str) -> String {
    format!(
        "+++\ntitle = \"Kế hoạch {number}\"\nnumber = \"{number}\"\nauthority = \"UBND xã Thử\"\nplace = \"Thử\"\ndate = 2026-01-05\n\
         period = {{ start = 2026-01-01, end = 2026-12-31 }}\n\n[[tasks]]\nname = \"Việc của {number}\"\nlead = \"{lead_a}\"\n\
         partners = [\"Công an xã\"]\ndue = \"Quý I/2026\"\n+++\n\n{body}\n"
    )
}

fn site_with_plans() -> TestSite {
    let mut site = TestSite::new();
    site.opts.build_date = Date::new(2026, 5, 1);
    site.write(
        "site.toml",
        &format!("{SITE_TOML}\n[legal]\nresolver = \"https://vbpl.vn/tim?q={{number}}\"\n"),
    );
    let table = "| TT | Nội dung | Cơ quan chủ trì (**) | Cơ quan phối hợp | Thời gian thực hiện |\n|---|---|---|---|---|\n\
                 | 1 | Tuyên truyền | phòng Văn hóa - Xã hội | Đoàn Thanh niên | Quý III/2026 |\n\
                 | 2 | Khảo sát | Văn phòng UBND | | Theo chỉ đạo |\n\
                 | 3 | Cập nhật | Văn phòng UBND | | Thường xuyên |\n";
    site.write("content/ke-hoach/a.md", &plan("01/KH-UBND", "Phòng Văn hoá – Xã hội", &format!(
        "Căn cứ Nghị định số 45/2020/NĐ- CP ngày 08/4/2020 và `Nghị định 99/2020/NĐ-CP` trong mã.\n\n## Theo Nghị định 61/2018/NĐ-CP\n\n{table}"
    )));
    site.write(
        "content/ke-hoach/b.md",
        &plan(
            "02/KH-UBND",
            "PHÒNG VĂN HÓA - XÃ HỘI",
            "Thực hiện Nghị định số 45/2020/NĐ-CP và [Nghị định 61/2018/NĐ-CP](https://x.vn/).\n",
        ),
    );
    site.write("content/van-ban/nd-45.md", "+++\ntitle = \"Nghị định về thực hiện thủ tục hành chính trên môi trường điện tử\"\nnumber = \"45/2020/NĐ-CP\"\ndate = 2020-04-08\n+++\nTóm tắt.\n");
    site
}

#[test]
fn agencies_spelled_three_ways_are_one_page_with_every_task() {
    let site = site_with_plans();
    site.build_ok();
    let page = site.read("co-quan/phong-van-hoa-xa-hoi/index.html");
    assert_has(
        &page,
        &[
            "Việc của 01/KH-UBND",
            "Việc của 02/KH-UBND",
            "Tuyên truyền",
            "Quá hạn",
        ],
    );
    assert!(
        page.find("Việc của 01").unwrap() < page.find("Tuyên truyền").unwrap(),
        "nearest due first"
    );
    assert_has(
        &site.read("co-quan/index.html"),
        // Named in full: the plan wrote "Văn phòng UBND".
        &["Văn phòng Ủy ban nhân dân", "Công an xã"],
    );
    let agencies = site.read("data/agencies.json");
    assert_eq!(
        agencies
            .matches("\"slug\": \"phong-van-hoa-xa-hoi\"")
            .count(),
        1,
        "{agencies}"
    );
}

#[test]
fn plan_pages_show_tasks_with_periods_and_a_timeline() {
    let site = site_with_plans();
    site.build_ok();
    let page = site.read("ke-hoach/a/index.html");
    assert_has(
        &page,
        &[
            "Tiến độ thực hiện theo quý",
            "Quý I/2026",
            "Quý IV/2026",
            "01/07/2026 – 30/09/2026",
            "Theo chỉ đạo",
        ],
    );
    let plans = site.read("data/plans.json");
    assert_has(
        &plans,
        &[
            "\"due\": \"Theo chỉ đạo\",\n        \"start\": null,\n        \"end\": null",
            "\"due\": \"Thường xuyên\",\n        \"start\": \"2026-01-01\"",
        ],
    );
}

#[test]
fn citations_are_linked_indexed_and_left_alone_in_code_links_and_headings() {
    let site = site_with_plans();
    site.build_ok();
    let a = site.read("ke-hoach/a/index.html");
    assert_has(
        &a,
        &[
            "<a class=\"citation\" href=\"/van-ban/nd-45/\">Nghị định số 45/2020/NĐ- CP ngày 08/4/2020</a>",
        ],
    );
    assert!(!a.contains("q=99%2F2020"), "no link inside code");
    assert!(
        a.contains("<h2 id=\"theo-nghi-dinh-61-2018-nd-cp\">Theo Nghị định 61/2018/NĐ-CP</h2>"),
        "no link inside headings"
    );
    let b = site.read("ke-hoach/b/index.html");
    assert!(
        b.contains("<a href=\"https://x.vn/\">Nghị định 61/2018/NĐ-CP</a>"),
        "existing links kept"
    );
    let docs = site.read("data/documents.json");
    assert_eq!(
        docs.matches("\"number\": \"45/2020/NĐ").count(),
        1,
        "PDF-broken number is the same document: {docs}"
    );
    assert!(!docs.contains("99/2020"));
    assert_has(
        &site.read("van-ban/index.html"),
        &["45/2020/NĐ", "Kế hoạch 01/KH-UBND", "Kế hoạch 02/KH-UBND"],
    );
    assert_has(
        &site.read("van-ban/nd-45/index.html"),
        &[
            "Được trích dẫn tại",
            "href=\"/ke-hoach/a/\"",
            "href=\"/ke-hoach/b/\"",
        ],
    );
}

#[test]
fn procedures_have_a_full_page_a_posting_sheet_and_json_ld() {
    let Some(corpus) = shared("corpus/thu-tuc", "procedures_have_a_full_page…") else {
        return;
    };
    let site = TestSite::new();
    copy_dir(&corpus, &site.root().join("content/thu-tuc"));
    site.build_ok();
    let page = site.read("thu-tuc/dang-ky-khai-sinh/index.html");
    assert_has(
        &page,
        &[
            "1.001193",
            "Bản chính",
            "Nộp hồ sơ trực tuyến",
            "https://dichvucong.gov.vn/",
            "/thu-tuc/dang-ky-khai-sinh/in/",
            "\"@type\":\"GovernmentService\"",
            "\"@type\":\"GovernmentOrganization\"",
        ],
    );
    let sheet = site.read("thu-tuc/dang-ky-khai-sinh/in/index.html");
    assert_has(
        &sheet,
        &[
            "<svg role=\"img\" aria-label=\"Mã QR: https://thu-nghiem.example.gov.vn/thu-tuc/dang-ky-khai-sinh/\"",
            "Thành phần hồ sơ",
            "noindex",
        ],
    );
    let index = site.read("thu-tuc/index.html");
    assert_has(&index, &["Hộ tịch", "Đăng ký khai sinh", "Đăng ký kết hôn"]);
    let csv = std::fs::read(site.out().join("data/procedures.csv")).unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBF\"title\""));
}

#[test]
fn news_carries_news_article_json_ld_that_parses() {
    let site = TestSite::new();
    site.write(
        "content/tin-tuc/a.md",
        &news("Tin <script>", "2026-01-10", &[]),
    );
    site.build_ok();
    let html = site.read("tin-tuc/a/index.html");
    let start = html.find("\"@type\":\"NewsArticle\"").expect("NewsArticle");
    let open = html[..start]
        .rfind("<script type=\"application/ld+json\">")
        .unwrap()
        + "<script type=\"application/ld+json\">".len();
    let end = open + html[open..].find("</script>").unwrap();
    let v: serde_json::Value = serde_json::from_str(&html[open..end]).unwrap();
    assert_eq!(v["headline"], "Tin <script>");
    assert_eq!(v["datePublished"], "2026-01-10");
}

#[test]
fn json_ld_names_the_publisher_by_the_site_title_without_an_authority() {
    let site = TestSite::new();
    site.write(
        "site.toml",
        &SITE_TOML.replace("authority = \"Ủy ban nhân dân xã Thử Nghiệm\"\n", ""),
    );
    site.write("content/tin-tuc/a.md", &news("Tin", "2026-01-10", &[]));
    site.write(
        "content/thu-tuc/a.md",
        "+++\ntitle = \"Đăng ký khai sinh\"\ncode = \"1.001193\"\n+++\nHồ sơ.\n",
    );
    site.build_ok();
    let news = json_ld_of(&site.read("tin-tuc/a/index.html"), "NewsArticle");
    assert_eq!(news["publisher"]["name"], "Cổng thông tin xã Thử Nghiệm");
    assert_eq!(news["author"]["name"], "Cổng thông tin xã Thử Nghiệm");
    let service = json_ld_of(&site.read("thu-tuc/a/index.html"), "GovernmentService");
    assert_eq!(service["provider"]["name"], "Cổng thông tin xã Thử Nghiệm");
    // Not known without an authority: left out rather than an empty place.
    assert!(service.get("areaServed").is_none(), "{service}");
}

#[test]
fn corpus_plans_yield_their_tasks_and_citations() {
    let Some(plans) = shared("corpus/ke-hoach", "corpus_plans_yield_their_tasks…") else {
        return;
    };
    let site = TestSite::new();
    copy_dir(&plans, &site.root().join("content/ke-hoach"));
    site.build_ok();
    let plans: serde_json::Value = serde_json::from_str(&site.read("data/plans.json")).unwrap();
    let can_tho = plans
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["url"].as_str().unwrap().contains("can-tho"))
        .unwrap();
    let tasks = can_tho["tasks"].as_array().unwrap();
    // 14 rows of the activity table, then 20 assignments of section VI (issue 27).
    assert_eq!(tasks.len(), 34);
    let by_home_affairs =
        |ts: &[serde_json::Value]| ts.iter().filter(|t| t["lead"] == "Sở Nội vụ").count();
    assert_eq!(by_home_affairs(&tasks[..14]), 8);
    assert_eq!(by_home_affairs(tasks), 8 + 5, "section VI.2 a) to đ)");
    let docs = site.read("data/documents.json");
    for n in [
        "4168/QĐ-UBND",
        "76/NQ-CP",
        "23/CT-TTg",
        "26-CTr/TU",
        "2344/QĐ-UBND",
        "37/QĐ-UBND",
        "03-NQ/TU",
        "35/2023/UBTVQH15",
        "117/NQ-CP",
        "1232/NQ-UBTVQH15",
        "169/2024/QH15",
        "37-CT/TU",
        "273/KH-UBND",
        "1683/KH-UBND",
    ] {
        assert!(
            docs.contains(&format!("\"number\": \"{n}\"")),
            "{n} missing from documents.json"
        );
    }
    let ics = std::fs::read_to_string(site.out().join("data/tasks.ics")).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        ics.split("\r\n").all(|l| l.len() <= 75),
        "lines folded at 75 octets"
    );
}

/// The badge class a page's first online badge shows (`badge-full`, `badge-partial`,
/// `badge-none`), after `after` in the page.
fn badge_after(html: &str, after: &str) -> String {
    let start = html
        .find(after)
        .unwrap_or_else(|| panic!("{after} not in the page"));
    let rest = &html[start..];
    let at = rest
        .find("class=\"badge badge-")
        .unwrap_or_else(|| panic!("no online badge after {after}"));
    let class = &rest[at + "class=\"badge ".len()..];
    class[..class.find('"').unwrap_or(class.len())].to_string()
}

#[test]
fn lists_show_the_same_online_badge_as_the_procedures_own_page() {
    let site = TestSite::new();
    // Every level, in spellings the content check accepts as that level.
    let levels = [
        ("a", "toàn trình", "badge-full"),
        ("b", "Toàn Trình", "badge-full"),
        ("c", "một phần", "badge-partial"),
        ("d", "MỘT  PHẦN", "badge-partial"),
        ("e", "", "badge-none"),
    ];
    for (slug, online, _) in levels {
        site.write(
            &format!("content/thu-tuc/{slug}.md"),
            &format!(
                "+++\ntitle = \"Thủ tục {slug}\"\ncode = \"1.00{slug}\"\nfield = \"Hộ tịch\"\nonline = \"{online}\"\nfields = [\"Hộ tịch\"]\n+++\n\nNội dung.\n"
            ),
        );
    }
    site.build_ok();
    let section = site.read("thu-tuc/index.html");
    // The test site lists two a page: the field's list over all its pages.
    let mut field = site.read("linh-vuc/ho-tich/index.html");
    for n in 2..=3 {
        field.push_str(&site.read(&format!("linh-vuc/ho-tich/trang/{n}/index.html")));
    }
    for (slug, online, class) in levels {
        let page = site.read(&format!("thu-tuc/{slug}/index.html"));
        let link = format!("href=\"/thu-tuc/{slug}/\"");
        assert_eq!(badge_after(&page, "<h1"), class, "{online:?} on its page");
        assert_eq!(
            badge_after(&section, &link),
            class,
            "{online:?} in the section"
        );
        assert_eq!(
            badge_after(&field, &link),
            class,
            "{online:?} in the field's list"
        );
    }
}
