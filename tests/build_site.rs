//! Building small fixture sites end to end: pages in lists, feeds, sitemap and taxonomies;
//! edits and rebuilds; subfolder deployment; drafts and aliases; `congbo init`.

mod common;
use common::*;

#[test]
fn an_added_news_page_reaches_lists_feeds_sitemap_and_tags() {
    let site = TestSite::new();
    site.write(
        "content/tin-tuc/_index.md",
        "+++\ntitle = \"Tin tức\"\n+++\n",
    );
    site.write(
        "content/tin-tuc/mot.md",
        &news("Tin một", "2026-01-10", &["Một cửa"]),
    );
    site.build_ok();
    assert!(site.read("tin-tuc/index.html").contains("Tin một"));

    site.write(
        "content/tin-tuc/hai.md",
        &news(
            "Hội nghị trực tuyến",
            "2026-03-05",
            &["Một cửa", "Chuyển đổi số"],
        ),
    );
    site.build_ok();
    assert_has(
        &site.read("tin-tuc/hai/index.html"),
        &["Hội nghị trực tuyến", "05/03/2026"],
    );
    let list = site.read("tin-tuc/index.html");
    assert!(
        list.find("Hội nghị trực tuyến").unwrap() < list.find("Tin một").unwrap(),
        "newest first"
    );
    let rss = site.read("rss.xml");
    assert_has(
        &rss,
        &[
            "<title>Hội nghị trực tuyến</title>",
            "https://thu-nghiem.example.gov.vn/tin-tuc/hai/",
            "Thu, 05 Mar 2026",
        ],
    );
    assert_has(
        &site.read("atom.xml"),
        &["<published>2026-03-05T00:00:00Z</published>"],
    );
    assert_has(&site.read("tin-tuc/rss.xml"), &["Hội nghị trực tuyến"]);
    assert_has(
        &site.read("sitemap.xml"),
        &["<loc>https://thu-nghiem.example.gov.vn/tin-tuc/hai/</loc><lastmod>2026-03-05</lastmod>"],
    );
    assert_has(
        &site.read("chu-de/mot-cua/index.html"),
        &["Hội nghị trực tuyến", "Tin một"],
    );
    assert_has(
        &site.read("chu-de/chuyen-doi-so/index.html"),
        &["Hội nghị trực tuyến"],
    );
    assert_has(
        &site.read("chu-de/index.html"),
        &["Một cửa", "Chuyển đổi số"],
    );
    assert_has(
        &site.read("linh-vuc/cai-cach-hanh-chinh/index.html"),
        &["Tin một"],
    );
    assert_has(
        &site.read("robots.txt"),
        &["Sitemap: https://thu-nghiem.example.gov.vn/sitemap.xml"],
    );
    assert!(site.exists("404.html"));

    site.remove("content/tin-tuc/mot.md");
    site.build_ok();
    assert!(
        !site.exists("tin-tuc/mot/index.html"),
        "a deleted page leaves no stale file"
    );
    assert!(!site.read("rss.xml").contains("Tin một"));
}

#[test]
fn sections_paginate() {
    let site = TestSite::new();
    for i in 1..=5 {
        site.write(
            &format!("content/tin-tuc/tin-{i}.md"),
            &news(&format!("Tin số {i}"), &format!("2026-02-0{i}"), &[]),
        );
    }
    site.build_ok();
    assert_has(&site.read("tin-tuc/index.html"), &["Tin số 5", "Tin số 4"]);
    assert!(!site.read("tin-tuc/index.html").contains("Tin số 3"));
    assert_has(
        &site.read("tin-tuc/trang/2/index.html"),
        &["Tin số 3", "Tin số 2"],
    );
    assert_has(&site.read("tin-tuc/trang/3/index.html"), &["Tin số 1"]);
    assert!(!site.exists("tin-tuc/trang/4/index.html"));
}

#[test]
fn a_subfolder_base_url_gives_correct_links_everywhere() {
    let mut site = TestSite::new();
    site.opts.base_url = Some("https://host.gov.vn/xa-thanh-an/".into());
    site.write(
        "content/tin-tuc/mot.md",
        &format!(
            "{}\n[Liên hệ](/lien-he/) và [bài khác](@/gioi-thieu.md)\n",
            news("Tin một", "2026-01-10", &["Một cửa"])
        ),
    );
    site.write(
        "content/gioi-thieu.md",
        "+++\ntitle = \"Giới thiệu\"\n+++\nXem ![ảnh](/anh.jpg)\n",
    );
    // What the links point to exists: a build fails on links to nowhere.
    site.write("content/lien-he.md", "+++\ntitle = \"Liên hệ\"\n+++\n");
    site.write("static/anh.jpg", "jpg");
    site.build_ok();
    for f in site.files().iter().filter(|f| f.ends_with(".html")) {
        let html = site.read(f);
        for attr in ["href=\"/", "src=\"/", "action=\"/"] {
            for (i, _) in html.match_indices(attr) {
                let rest = &html[i + attr.len() - 1..];
                assert!(
                    rest.starts_with("/xa-thanh-an/"),
                    "{f}: link outside the base path: {}",
                    &rest[..rest.len().min(60)]
                );
            }
        }
    }
    assert_has(
        &site.read("tin-tuc/mot/index.html"),
        &[
            "href=\"/xa-thanh-an/lien-he/\"",
            "href=\"/xa-thanh-an/gioi-thieu/\"",
        ],
    );
    assert_has(
        &site.read("sitemap.xml"),
        &["<loc>https://host.gov.vn/xa-thanh-an/tin-tuc/mot/</loc>"],
    );
}

#[test]
fn drafts_aliases_and_bundles() {
    let mut site = TestSite::new();
    site.write(
        "content/tin-tuc/nhap.md",
        "+++\ntitle = \"Bản nháp\"\ndate = 2026-01-01\ndraft = true\n+++\n",
    );
    site.write("content/tin-tuc/le/index.md", "+++\ntitle = \"Lễ ra mắt\"\ndate = 2026-01-02\naliases = [\"/tin-cu/le-ra-mat/\"]\nimage = \"anh.jpg\"\nimage_alt = \"Quang cảnh buổi lễ\"\n+++\nNội dung.\n");
    site.write("content/tin-tuc/le/anh.jpg", "jpg");
    site.build_ok();
    assert!(!site.exists("tin-tuc/nhap/index.html"));
    assert_eq!(site.read("tin-tuc/le/anh.jpg"), "jpg");
    assert_has(
        &site.read("tin-tuc/le/index.html"),
        &["alt=\"Quang cảnh buổi lễ\""],
    );
    assert_has(
        &site.read("tin-cu/le-ra-mat/index.html"),
        &[
            "url=https://thu-nghiem.example.gov.vn/tin-tuc/le/",
            "rel=\"canonical\"",
        ],
    );
    site.opts.drafts = true;
    site.build_ok();
    assert!(site.exists("tin-tuc/nhap/index.html"));
}

#[test]
fn site_templates_override_the_theme_file_by_file() {
    let site = TestSite::new();
    site.write(
        "content/gioi-thieu.md",
        "+++\ntitle = \"Giới thiệu\"\n+++\nNội dung.\n",
    );
    site.write("templates/page.html", "{% extends \"base.html\" %}{% block content %}<p id=\"rieng\">{{ page.title }}</p>{% endblock content %}");
    site.build_ok();
    let html = site.read("gioi-thieu/index.html");
    assert_has(
        &html,
        &["<p id=\"rieng\">Giới thiệu</p>", "<html lang=\"vi\""],
    );
}

#[test]
fn a_site_with_only_plans_and_procedures_builds() {
    let site = TestSite::new();
    site.write("content/ke-hoach/kh.md", "+++\ntitle = \"Kế hoạch CCHC\"\nnumber = \"01/KH-UBND\"\ndate = 2026-01-05\n+++\nNội dung.\n");
    site.write("content/thu-tuc/tt.md", "+++\ntitle = \"Chứng thực chữ ký\"\nfield = \"Chứng thực\"\ncode = \"2.000884\"\n+++\nCác bước.\n");
    site.build_ok();
    assert_has(&site.read("index.html"), &["Kế hoạch CCHC", "Chứng thực"]);
    assert!(!site.exists("rss.xml"), "no news, no feed");
}

#[test]
fn init_writes_a_site_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("xa-moi");
    congbo::scaffold::init(&root).unwrap();
    let opts = congbo::build::BuildOptions {
        root: root.clone(),
        ..Default::default()
    };
    let report = congbo::build::build(&opts).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        report.pages_by_kind.iter().all(|(_, n)| *n >= 1),
        "one page of each kind: {:?}",
        report.pages_by_kind
    );
    let document =
        std::fs::read_to_string(root.join("public/van-ban/nghi-quyet-76-nq-cp/index.html"))
            .unwrap();
    assert!(
        document.contains("Được trích dẫn tại"),
        "the plan's citation reaches the document page"
    );
    assert!(
        root.join("public/thu-tuc/dang-ky-khai-sinh/index.html")
            .exists()
    );
    assert!(
        congbo::scaffold::init(&root).is_err(),
        "init refuses a folder that is not empty"
    );
}

#[test]
fn a_page_at_a_static_file_is_an_error_and_generated_files_win_over_static() {
    let site = TestSite::new();
    site.write(
        "content/gioi-thieu.md",
        "+++\ntitle = \"Giới thiệu xã\"\n+++\nBài.\n",
    );
    site.write("static/gioi-thieu/index.html", "static copy");
    // The page would silently replace the file (or the file the page): two owners.
    let err = site.build().unwrap_err().to_string();
    assert!(
        err.contains("content/gioi-thieu.md:1:1: error: this page would be written at /gioi-thieu/, where congbo writes the file static/gioi-thieu/index.html"),
        "{err}"
    );
    site.remove("static/gioi-thieu/index.html");
    site.write("static/robots.txt", "static robots");
    site.write("static/ghi-chu.txt", "kept");
    for _ in 0..2 {
        // Twice: a fresh output, then a rebuild over it.
        site.build_ok();
        assert!(site.read("gioi-thieu/index.html").contains("Giới thiệu xã"));
        assert!(site.read("robots.txt").contains("Sitemap:"));
        assert_eq!(site.read("ghi-chu.txt"), "kept");
    }
}

#[test]
fn cached_templates_render_once_and_show_on_every_page() {
    let site = TestSite::new();
    site.write(
        "content/gioi-thieu.md",
        "+++\ntitle = \"Giới thiệu\"\n+++\nNội dung.\n",
    );
    site.write("content/tin-tuc/a.md", &news("Tin A", "2026-01-02", &[]));
    // The site's own footer replaces the theme's; a second cached part is also offered.
    site.write(
        "templates/cached/footer.html",
        "<footer id=\"chan\">{{ site.title }} – {{ t(key=\"home\") }}</footer>",
    );
    site.write("templates/cached/thong-bao.html", "<p>Thông báo & tin</p>");
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}{{ cached[\"thong-bao\"] | safe }}{% endblock content %}",
    );
    site.build_ok();
    for file in [
        "index.html",
        "gioi-thieu/index.html",
        "tin-tuc/a/index.html",
        "404.html",
    ] {
        assert_has(
            &site.read(file),
            &["<footer id=\"chan\">", "Trang chủ</footer>"],
        );
    }
    assert_has(
        &site.read("gioi-thieu/index.html"),
        &["<p>Thông báo & tin</p>"],
    );
    // An error in a cached part names its file, like any template's.
    site.write("templates/cached/footer.html", "{{ site.khong_co }}");
    let err = site.build().unwrap_err().to_string();
    assert!(
        err.contains("templates/cached/footer.html:1") && err.contains("khong_co"),
        "{err}"
    );
}

#[test]
fn a_template_looping_over_a_table_lists_it_in_the_same_order_every_build() {
    // Themes may loop over `page.extra`; its keys must come out the same way on every
    // build, or output is not reproducible and unchanged pages are rewritten.
    let site = TestSite::new();
    let keys: Vec<String> = (0..16).map(|i| format!("khoa_{i:02}")).collect();
    let extra: String = keys.iter().map(|k| format!("{k} = 1\n")).collect();
    site.write(
        "content/a.md",
        &format!("+++\ntitle = \"A\"\n[extra]\n{extra}+++\n"),
    );
    site.write(
        "templates/page.html",
        "{% for k, v in page.extra %}{{ k }} {% endfor %}",
    );
    site.build_ok();
    assert_eq!(site.read("a/index.html").trim(), keys.join(" "));
}

#[test]
fn feeds_give_each_category_once() {
    // A value both a tag and a field, and one spelt "hoá" as a tag and "hóa" as a field,
    // are one category each, as the site's own tag pages count them.
    let site = TestSite::new();
    site.write(
        "content/tin-tuc/a.md",
        &news("Tin", "2026-01-01", &["Cải cách hành chính", "Văn hoá"]).replace(
            "fields = [\"Cải cách hành chính\"]",
            "fields = [\"Cải cách hành chính\", \"Văn hóa\"]",
        ),
    );
    site.build_ok();
    let rss = site.read("rss.xml");
    assert_eq!(rss.matches("<category>").count(), 2, "{rss}");
    assert_eq!(
        rss.matches("<category>Cải cách hành chính</category>")
            .count(),
        1
    );
    let atom = site.read("atom.xml");
    assert_eq!(atom.matches("<category term=").count(), 2, "{atom}");
}
