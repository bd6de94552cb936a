//! Issue #30, bulletins (bản tin): a `bulletin` page in `ban-tin/` from its Markdown to its
//! HTML ("Bản tin CCHC số 03/2025", its period, cover and file), the archive by year, its
//! own Atom and RSS feeds read back strictly, schema.org `PublicationIssue`, the search
//! record, `/data/ban-tin.json`, and the keys' errors at their lines (two bulletins of one
//! number name both files; a missing file is a warning).

mod common;
use common::*;

fn bulletin(title: &str, keys: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\n{keys}\n+++\n\n{body}\n")
}

/// A 600 × 850 portrait cover, as a printed bulletin's first page.
fn cover() -> Vec<u8> {
    let img = image::ImageBuffer::from_fn(600, 850, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 120])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// Four bulletins over two years, written out of order; one of another series.
fn bulletins_site() -> TestSite {
    let site = TestSite::new();
    site.write(
        "content/ban-tin/so-03-2025/index.md",
        &bulletin(
            "Tháng 3: một cửa liên thông",
            "date = 2025-04-02\nissue = 3\nmonth = \"03/2025\"\n\
             description = \"Kết quả giải quyết hồ sơ tháng 3 và lịch tiếp dân.\"\n\
             image = \"bia.png\"\nimage_alt = \"Bìa bản tin số 03\"\n\
             attachments = [\"ban-tin-03-2025.pdf\"]\nfields = [\"Cải cách hành chính\"]",
            "Số này có **ba** chuyên mục.",
        ),
    );
    std::fs::write(
        site.root().join("content/ban-tin/so-03-2025/bia.png"),
        cover(),
    )
    .unwrap();
    site.write(
        "content/ban-tin/so-03-2025/ban-tin-03-2025.pdf",
        "%PDF-1.4\n%%EOF\n",
    );
    site.write(
        "content/ban-tin/so-01-2025.md",
        &bulletin(
            "Tháng 1",
            "date = 2025-02-03\nissue = 1\nperiod = { start = 2025-01-01, end = 2025-01-31 }",
            "",
        ),
    );
    site.write(
        "content/ban-tin/so-12-2024.md",
        &bulletin("Tháng 12", "date = 2025-01-05\nissue = 12\nyear = 2024", ""),
    );
    site.write(
        "content/ban-tin/phat-thanh-01.md",
        &bulletin(
            "Phát thanh tuần 1",
            "date = 2025-01-08\nissue = 1\nseries = \"Bản tin phát thanh\"",
            "",
        ),
    );
    site
}

#[test]
fn a_bulletin_page_shows_its_number_period_cover_and_file() {
    let site = bulletins_site();
    site.build_ok();
    let html = site.read("ban-tin/so-03-2025/index.html");
    assert_has(
        &html,
        &[
            "<title>Bản tin CCHC số 03/2025 – Tháng 3: một cửa liên thông",
            "<p class=\"eyebrow\">Bản tin CCHC số 03/2025</p>",
            "<h1>Tháng 3: một cửa liên thông</h1>",
            "Kết quả giải quyết hồ sơ tháng 3 và lịch tiếp dân.",
            "Số 03/2025",
            "<time datetime=\"2025-03-01\">",
            "<time datetime=\"2025-03-31\">",
            "alt=\"Bìa bản tin số 03\"",
            "class=\"article-figure bulletin-cover\"",
            "href=\"/ban-tin/so-03-2025/ban-tin-03-2025.pdf\" download",
            "Tải bản tin",
            "<strong>ba</strong>",
        ],
    );
    // The cover goes through the image pipeline: resized copies in WebP.
    assert!(html.contains("image/webp"), "{html}");
    // The body is optional: none, no empty prose block.
    let bare = site.read("ban-tin/so-01-2025/index.html");
    assert_has(&bare, &["Bản tin CCHC số 01/2025", "Số 01/2025"]);
    assert!(!bare.contains("class=\"prose\""), "{bare}");
    // Another series names itself.
    assert_has(
        &site.read("ban-tin/phat-thanh-01/index.html"),
        &["Bản tin phát thanh số 01/2025"],
    );
}

#[test]
fn the_archive_lists_years_newest_first_and_numbers_in_order() {
    let site = bulletins_site();
    site.build_ok();
    let html = site.read("ban-tin/index.html");
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("no {s:?} in {html}"));
    assert!(at("id=\"tieu-de-nam-2025\"") < at("id=\"tieu-de-nam-2024\""));
    // 2025: số 01 (both series), then số 03; 2024: số 12.
    assert!(at("id=\"tieu-de-nam-2025\"") < at("Bản tin CCHC số 01/2025"));
    assert!(at("Bản tin CCHC số 01/2025") < at("Bản tin CCHC số 03/2025"));
    assert!(at("Bản tin phát thanh số 01/2025") < at("Bản tin CCHC số 03/2025"));
    assert!(at("Bản tin CCHC số 03/2025") < at("id=\"tieu-de-nam-2024\""));
    assert!(at("id=\"tieu-de-nam-2024\"") < at("Bản tin CCHC số 12/2024"));
    assert_has(
        &html,
        &["href=\"#nam-2025\"", "(3 số)", "href=\"/ban-tin/atom.xml\""],
    );
    // Not paginated (paginate_by is 2 in the test site): every issue on the one page.
    assert!(!site.exists("ban-tin/trang/2/index.html"));
}

/// The child element `name` of `n`, which must be there.
fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> roxmltree::Node<'a, 'i> {
    n.children()
        .find(|c| c.tag_name().name() == name)
        .unwrap_or_else(|| panic!("no <{name}>"))
}

#[test]
fn the_bulletins_have_their_own_feeds_newest_issue_first() {
    let site = bulletins_site();
    site.build_ok();
    // No news on this site, so no site feed; the bulletins still have theirs.
    assert!(!site.exists("atom.xml"));
    let atom = site.read("ban-tin/atom.xml");
    let doc = roxmltree::Document::parse(&atom).expect("the Atom feed is well-formed XML");
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().name(), "feed");
    assert_eq!(
        feed.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    for required in ["id", "title", "updated"] {
        child(feed, required);
    }
    let entries: Vec<_> = feed
        .children()
        .filter(|c| c.tag_name().name() == "entry")
        .collect();
    let titles: Vec<&str> = entries
        .iter()
        .map(|e| child(*e, "title").text().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Bản tin CCHC số 03/2025 – Tháng 3: một cửa liên thông",
            "Bản tin CCHC số 01/2025 – Tháng 1",
            "Bản tin phát thanh số 01/2025 – Phát thanh tuần 1",
            "Bản tin CCHC số 12/2024 – Tháng 12",
        ]
    );
    for e in &entries {
        for required in ["id", "title", "updated", "link", "summary"] {
            child(*e, required);
        }
    }
    assert_eq!(
        child(entries[0], "id").text(),
        Some("https://thu-nghiem.example.gov.vn/ban-tin/so-03-2025/")
    );
    assert_eq!(
        child(entries[0], "summary").text(),
        Some("Kết quả giải quyết hồ sơ tháng 3 và lịch tiếp dân.")
    );
    let rss = site.read("ban-tin/rss.xml");
    let doc = roxmltree::Document::parse(&rss).expect("the RSS feed is well-formed XML");
    let items = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "item")
        .count();
    assert_eq!(items, 4);
}

#[test]
fn a_bulletin_is_a_publication_issue_of_a_periodical() {
    let site = bulletins_site();
    site.build_ok();
    let ld = json_ld_of(
        &site.read("ban-tin/so-03-2025/index.html"),
        "PublicationIssue",
    );
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "PublicationIssue");
    assert_eq!(ld["issueNumber"], "3");
    assert_eq!(ld["datePublished"], "2025-04-02");
    assert_eq!(ld["name"], "Tháng 3: một cửa liên thông");
    assert_eq!(ld["temporalCoverage"], "2025-03-01/2025-03-31");
    assert_eq!(ld["isPartOf"]["@type"], "Periodical");
    assert_eq!(ld["isPartOf"]["name"], "Bản tin CCHC");
    assert_eq!(
        ld["isPartOf"]["publisher"]["name"],
        "Ủy ban nhân dân xã Thử Nghiệm"
    );
    assert_eq!(
        ld["url"],
        "https://thu-nghiem.example.gov.vn/ban-tin/so-03-2025/"
    );
    assert_eq!(
        ld["associatedMedia"][0]["contentUrl"],
        "https://thu-nghiem.example.gov.vn/ban-tin/so-03-2025/ban-tin-03-2025.pdf"
    );
    assert!(ld["image"].as_str().unwrap().ends_with("bia.png"), "{ld}");
    // Without a period or files, those properties are left out, not empty.
    let bare = json_ld_of(
        &site.read("ban-tin/so-12-2024/index.html"),
        "PublicationIssue",
    );
    assert_eq!(bare["issueNumber"], "12");
    assert!(bare.get("temporalCoverage").is_none());
    assert!(bare.get("associatedMedia").is_none());
}

#[test]
fn ban_tin_json_lists_every_bulletin_newest_first() {
    let site = bulletins_site();
    site.build_ok();
    let data: serde_json::Value = serde_json::from_str(&site.read("data/ban-tin.json")).unwrap();
    let labels: Vec<&str> = data
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "Bản tin CCHC số 03/2025",
            "Bản tin CCHC số 01/2025",
            "Bản tin phát thanh số 01/2025",
            "Bản tin CCHC số 12/2024",
        ]
    );
    let first = &data[0];
    assert_eq!(first["issue"], 3);
    assert_eq!(first["year"], 2025);
    assert_eq!(first["series"], "Bản tin CCHC");
    assert_eq!(first["date"], "2025-04-02");
    assert_eq!(first["period_start"], "2025-03-01");
    assert_eq!(first["period_end"], "2025-03-31");
    assert_eq!(
        first["files"][0],
        "https://thu-nghiem.example.gov.vn/ban-tin/so-03-2025/ban-tin-03-2025.pdf"
    );
    assert_eq!(
        first["url"],
        "https://thu-nghiem.example.gov.vn/ban-tin/so-03-2025/"
    );
    assert_eq!(data[3]["period_start"], serde_json::Value::Null);
}

#[test]
fn bulletins_are_search_records_found_by_their_number() {
    let site = bulletins_site();
    site.build_ok();
    let loc: serde_json::Value = serde_json::from_str(&site.read("search/loc.json")).unwrap();
    assert_eq!(loc["k"].as_str().unwrap().matches('b').count(), 4);
    let records: String = (0..4)
        .filter(|n| site.exists(&format!("search/d/{n}.json")))
        .map(|n| site.read(&format!("search/d/{n}.json")))
        .collect();
    assert_has(
        &records,
        &["\"k\":\"bulletin\"", "\"n\":\"Bản tin CCHC số 03/2025\""],
    );
    assert_has(
        &site.read("tim-kiem/index.html"),
        &["<option value=\"bulletin\">Bản tin</option>"],
    );
}

#[test]
fn a_site_without_bulletins_or_questions_has_no_file_of_them() {
    let site = TestSite::new();
    site.write("content/tin-tuc/a.md", &news("Tin", "2025-01-02", &[]));
    site.build_ok();
    assert!(!site.exists("data/ban-tin.json"));
    assert!(!site.exists("data/hoi-dap.json"));
    assert!(!site.exists("ban-tin/atom.xml"));
    assert!(site.exists("data/plans.json"), "the other files stay");
}

#[test]
fn bulletin_keys_are_checked_with_their_lines() {
    let site = TestSite::new();
    site.write(
        "content/ban-tin/a.md",
        &bulletin("A", "date = 2025-03-01\nissue = 0\nmonth = \"13/2025\"", ""),
    );
    site.write("content/ban-tin/b.md", &bulletin("B", "issue = 2", ""));
    site.write(
        "content/ban-tin/c.md",
        &bulletin("C", "date = 2025-03-01", ""),
    );
    site.write(
        "content/tin-tuc/d.md",
        &bulletin("Tin", "date = 2025-05-01\nissue = 4", "x"),
    );
    let e = site.build().unwrap_err().to_string();
    assert_has(
        &e,
        &[
            "content/ban-tin/a.md:4",
            "`issue` = 0 is not a bulletin number",
            "content/ban-tin/a.md:5",
            "`month` = \"13/2025\" is not a month",
            "content/ban-tin/b.md:2",
            "a bulletin needs a `date`",
            "content/ban-tin/c.md:2",
            "a bulletin needs its number",
            "content/tin-tuc/d.md:4",
            "`issue` is a key for bulletins",
        ],
    );
}

#[test]
fn two_bulletins_of_one_number_in_a_year_name_both_files() {
    let site = TestSite::new();
    site.write(
        "content/ban-tin/thang-3.md",
        &bulletin("Tháng 3", "date = 2025-04-01\nissue = 3", ""),
    );
    site.write(
        "content/ban-tin/thang-4.md",
        &bulletin("Tháng 4", "date = 2025-05-01\n\nissue = 3", ""),
    );
    // The same number in another year, or in another series, is another bulletin.
    site.write(
        "content/ban-tin/nam-truoc.md",
        &bulletin("Năm trước", "date = 2024-04-01\nissue = 3", ""),
    );
    site.write(
        "content/ban-tin/phat-thanh.md",
        &bulletin(
            "Phát thanh",
            "date = 2025-04-01\nissue = 3\nseries = \"Bản tin phát thanh\"",
            "",
        ),
    );
    let e = site.build().unwrap_err().to_string();
    assert_has(
        &e,
        &[
            "Bản tin CCHC số 03/2025",
            "content/ban-tin/thang-3.md",
            "content/ban-tin/thang-4.md",
        ],
    );
    assert_eq!(e.matches("số 03/").count(), 1, "{e}");
    // Each error points at the later file's `issue` line.
    assert!(
        e.contains("content/ban-tin/thang-4.md:5") || e.contains("content/ban-tin/thang-3.md:4"),
        "{e}"
    );
}

#[test]
fn a_missing_bulletin_file_is_a_warning_and_the_page_says_so() {
    let site = TestSite::new();
    site.write(
        "content/ban-tin/so-05/index.md",
        &bulletin(
            "Tháng 5",
            "date = 2025-06-01\nissue = 5\nattachments = [\"ban-tin-05.pdf\"]",
            "",
        ),
    );
    let report = site.build_ok();
    let said = warnings_with(&report, "ban-tin-05.pdf");
    assert_eq!(said.len(), 1, "{:#?}", report.warnings);
    assert!(
        said[0].contains("content/ban-tin/so-05/index.md:5"),
        "{}",
        said[0]
    );
    assert_has(
        &site.read("ban-tin/so-05/index.html"),
        &["file-missing", "ban-tin-05.pdf"],
    );
}
