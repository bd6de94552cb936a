//! Languages: the theme's strings in the site's language, sites in two languages with
//! `/en/` pages, and congbo's own messages in the language of the locale.

mod common;

use common::{SITE_TOML, TestSite, assert_has, copy_dir, news, repo_root};

const EN: &str = r#"
[languages.en]
title = "Thu Nghiem Commune portal"
description = "Test site in English"

[[languages.en.menu]]
name = "News"
url = "/en/tin-tuc/"
"#;

fn two_languages() -> TestSite {
    let s = TestSite::new();
    s.write("site.toml", &format!("{SITE_TOML}{EN}"));
    s.write(
        "content/_index.md",
        "+++\ntitle = \"Trang chủ\"\n+++\nChào mừng.\n",
    );
    s.write(
        "content/_index.en.md",
        "+++\ntitle = \"Home\"\n+++\nWelcome.\n",
    );
    s.write(
        "content/tin-tuc/a.md",
        &news("Tin A", "2026-01-02", &["Một cửa"]),
    );
    s.write(
        "content/tin-tuc/a.en.md",
        "+++\ntitle = \"News A\"\ndate = 2026-01-02\ntags = [\"One stop\"]\n+++\nFirst. See [B](@/tin-tuc/b.md) and [A in Vietnamese](@/tin-tuc/a.md).\n",
    );
    s.write("content/tin-tuc/b.md", &news("Tin B", "2026-01-03", &[]));
    s.write(
        "content/tin-tuc/le/index.en.md",
        "+++\ntitle = \"Ceremony\"\ndate = 2026-01-04\nimage = \"anh.jpg\"\nimage_alt = \"A photo\"\n+++\nText.\n",
    );
    s.write(
        "content/tin-tuc/le/index.md",
        &news("Lễ", "2026-01-04", &[]),
    );
    s.write("content/tin-tuc/le/anh.jpg", "jpg");
    s.write("content/tai-lieu/x.pdf", "pdf");
    s
}

#[test]
fn english_pages_live_under_en_with_their_own_lists_and_feeds() {
    let s = two_languages();
    s.build_ok();
    let en = s.read("en/tin-tuc/a/index.html");
    assert_has(
        &en,
        &[
            "<html lang=\"en\">",
            "<title>News A – Thu Nghiem Commune portal</title>",
            "<link rel=\"alternate\" hreflang=\"vi\" href=\"https://thu-nghiem.example.gov.vn/tin-tuc/a/\">",
            "<link rel=\"alternate\" hreflang=\"en\" href=\"https://thu-nghiem.example.gov.vn/en/tin-tuc/a/\">",
            "<a href=\"/tin-tuc/a/\" hreflang=\"vi\" lang=\"vi\" rel=\"alternate\">Tiếng Việt</a>",
            "<a href=\"/en/tin-tuc/\" aria-current=\"page\">News</a>",
            "Skip to main content",
            "content=\"en_US\"",
            // b has no English version: the link goes to the Vietnamese page.
            "<a href=\"/tin-tuc/b/\">B</a>",
            // a has one: `@/tin-tuc/a.md` in an English page is the English page.
            "<a href=\"/en/tin-tuc/a/\">A in Vietnamese</a>",
            "href=\"/en/chu-de/one-stop/\"",
        ],
    );
    let vi = s.read("tin-tuc/a/index.html");
    assert_has(
        &vi,
        &[
            "<html lang=\"vi\">",
            "hreflang=\"en\" href=\"https://thu-nghiem.example.gov.vn/en/tin-tuc/a/\"",
            "<a href=\"/en/tin-tuc/a/\" hreflang=\"en\" lang=\"en\" rel=\"alternate\">English</a>",
            "Bỏ qua đến nội dung chính",
        ],
    );
    // A page without a translation has no alternates; its switch goes to the English home.
    let b = s.read("tin-tuc/b/index.html");
    assert!(!b.contains("hreflang=\"en\" href"), "{b}");
    assert_has(
        &b,
        &["<a href=\"/en/\" hreflang=\"en\" lang=\"en\">English</a>"],
    );
    assert!(!s.exists("en/tin-tuc/b/index.html"));
    // Lists, taxonomies and feeds per language.
    let en_list = s.read("en/tin-tuc/index.html");
    assert_has(&en_list, &["News A", "Ceremony", "<h1>News</h1>"]);
    assert!(!en_list.contains("Tin B"));
    assert!(!s.read("tin-tuc/index.html").contains("News A"));
    assert_has(
        &s.read("en/chu-de/index.html"),
        &["<h1>Topics</h1>", "One stop"],
    );
    let rss = s.read("en/rss.xml");
    assert_has(
        &rss,
        &[
            "<language>en</language>",
            "News A",
            "https://thu-nghiem.example.gov.vn/en/tin-tuc/a/",
        ],
    );
    assert!(!rss.contains("Tin B"));
    assert!(!s.read("rss.xml").contains("News A"));
    assert_has(&s.read("en/index.html"), &["Welcome.", "Latest news"]);
    // The bundle's image is beside the English page too; other files are published once.
    assert!(s.exists("en/tin-tuc/le/anh.jpg") && s.exists("tin-tuc/le/anh.jpg"));
    assert!(s.exists("tai-lieu/x.pdf") && !s.exists("en/tai-lieu/x.pdf"));
    // One sitemap lists both languages; open data and robots.txt are the main language's.
    let sitemap = s.read("sitemap.xml");
    assert_has(
        &sitemap,
        &[
            "<loc>https://thu-nghiem.example.gov.vn/tin-tuc/b/</loc>",
            "<loc>https://thu-nghiem.example.gov.vn/en/tin-tuc/a/</loc>",
            "<loc>https://thu-nghiem.example.gov.vn/en/</loc>",
        ],
    );
    assert!(!s.exists("en/sitemap.xml") && !s.exists("en/data/plans.json"));
    assert!(s.exists("data/plans.json") && s.exists("robots.txt"));
}

#[test]
fn a_site_in_one_language_has_no_switch_and_no_alternates() {
    let s = TestSite::new();
    s.write("content/tin-tuc/a.md", &news("Tin A", "2026-01-02", &[]));
    s.write(
        "content/tin-tuc/a.en.md",
        &news("Not a language here", "2026-01-02", &[]),
    );
    s.build_ok();
    let a = s.read("tin-tuc/a/index.html");
    assert!(!a.contains("hreflang") && !a.contains("lang-switch"), "{a}");
    // Without [languages.en], `.en` is part of the name.
    assert!(s.exists("tin-tuc/a-en/index.html"));
}

#[test]
fn the_example_site_in_english_uses_the_english_strings() {
    let s = TestSite::new();
    copy_dir(&repo_root().join("content"), &s.root().join("content"));
    let toml = std::fs::read_to_string(repo_root().join("site.toml"))
        .unwrap()
        .replace("language = \"vi\"", "language = \"en\"");
    s.write("site.toml", &toml);
    s.build_ok();
    let proc = s.read("thu-tuc/chung-thuc-chu-ky/index.html");
    assert_has(
        &proc,
        &[
            "<html lang=\"en\">",
            "Skip to main content",
            "About this procedure",
            "Home</a>",
            // What the copy-link script says comes from the page, in its language.
            "data-copied=\"Link copied.\"",
        ],
    );
    assert!(!proc.contains("Bỏ qua đến nội dung chính"));
    let plan = s.read("ke-hoach/ke-hoach-kiem-soat-tthc-2026/index.html");
    assert_has(
        &plan,
        &[
            "SOCIALIST REPUBLIC OF VIETNAM",
            "Recipients:",
            "January 2026",
        ],
    );
    assert_has(&s.read("404.html"), &["Page not found"]);
}

#[test]
fn a_missing_translation_names_the_template_and_the_key() {
    let s = TestSite::new();
    s.write("content/a.md", "+++\ntitle = \"A\"\n+++\n");
    s.write(
        "templates/page.html",
        "<p>\n{{ t(key=\"no_such_key\") }}</p>",
    );
    let e = s.build().unwrap_err().to_string();
    assert!(
        e.contains("templates/page.html:2:4: error:")
            && e.contains("\"no_such_key\"")
            && e.contains("i18n/vi.toml"),
        "{e}"
    );
    // The site's own translation file adds (or overrides) keys.
    s.write(
        "i18n/vi.toml",
        "no_such_key = \"Có rồi\"\nskip_to_content = \"Vào nội dung\"\n",
    );
    s.write("templates/page.html", "{% extends \"base.html\" %}{% block content %}{{ t(key=\"no_such_key\") }}{% endblock content %}");
    s.build_ok();
    assert_has(&s.read("a/index.html"), &["Có rồi", "Vào nội dung"]);
}

#[test]
fn a_language_without_strings_is_one_clear_error() {
    let s = TestSite::new();
    s.write(
        "site.toml",
        &format!("{SITE_TOML}\n[languages.fr]\ntitle = \"Portail\"\n"),
    );
    s.write("content/a.md", "+++\ntitle = \"A\"\n+++\n");
    let e = s.build().unwrap_err();
    assert_eq!(e.0.len(), 1, "{e}");
    assert!(e.0[0].message.contains("i18n/fr.toml"), "{e}");
}

/// `congbo build` with `LANG=<locale>` and, when given, `CONGBO_LANG=<asked>`.
fn congbo_in(locale: &str, asked: Option<&str>, root: &std::path::Path) -> std::process::Output {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_congbo"));
    c.args(["build", "--root"])
        .arg(root)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("CONGBO_LANG")
        .env("LANG", locale);
    if let Some(asked) = asked {
        c.env("CONGBO_LANG", asked);
    }
    c.output().unwrap()
}

/// `congbo build` under an English locale (`C.UTF-8`, as a fresh Windows or Linux box has),
/// asking for `vi` or `en` messages through `CONGBO_LANG`.
fn congbo(lang: &str, root: &std::path::Path) -> std::process::Output {
    congbo_in("C.UTF-8", Some(lang), root)
}

#[test]
fn a_vietnamese_site_speaks_vietnamese_unless_asked_otherwise() {
    let s = TestSite::new();
    s.write("content/a.md", "+++\ntitel = \"A\"\n+++\n");
    // No language asked for: the site's, whatever the locale says.
    for locale in ["C.UTF-8", "en_US.UTF-8", "vi_VN.UTF-8"] {
        let out = congbo_in(locale, None, s.root());
        assert_has(
            &String::from_utf8_lossy(&out.stderr),
            &["lỗi: khóa `titel`"],
        );
    }
    let vi = congbo("vi", s.root());
    let en = congbo("en", s.root());
    let (vi, en) = (
        String::from_utf8_lossy(&vi.stderr).to_string(),
        String::from_utf8_lossy(&en.stderr).to_string(),
    );
    assert_has(
        &vi,
        &["content/a.md:2:1: lỗi: khóa `titel` không có", "1 lỗi"],
    );
    assert_has(
        &en,
        &[
            "content/a.md:2:1: error: unknown key `titel`",
            "1 error found",
        ],
    );
    s.write("content/a.md", "+++\ntitle = \"A\"\n+++\n");
    let ok = congbo("vi", s.root());
    assert_has(&String::from_utf8_lossy(&ok.stdout), &["Đã dựng"]);
    let ok = congbo("en", s.root());
    assert_has(&String::from_utf8_lossy(&ok.stdout), &["Built"]);
    // --lang wins over CONGBO_LANG.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_congbo"))
        .args(["build", "--lang", "en", "--root"])
        .arg(s.root())
        .env("CONGBO_LANG", "vi")
        .output()
        .unwrap();
    assert_has(&String::from_utf8_lossy(&out.stdout), &["Built"]);
    // A site in English: the locale decides.
    s.write("site.toml", &format!("language = \"en\"\n{SITE_TOML}"));
    assert_has(
        &String::from_utf8_lossy(&congbo_in("vi_VN.UTF-8", None, s.root()).stdout),
        &["Đã dựng"],
    );
    assert_has(
        &String::from_utf8_lossy(&congbo_in("C.UTF-8", None, s.root()).stdout),
        &["Built"],
    );
}

/// `congbo <args…>` in the site folder with `CONGBO_LANG` from the locale name `lang`: its
/// stderr.
fn congbo_stderr(lang: &str, root: &std::path::Path, args: &[&str]) -> String {
    let asked = if lang.starts_with("vi") { "vi" } else { "en" };
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_congbo"))
        .args(args)
        .current_dir(root)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .env("CONGBO_LANG", asked)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn the_rarer_messages_speak_the_locale_too() {
    // Section keys and aliases, then (a later check) Windows names.
    let s = TestSite::new();
    s.write(
        "content/a.md",
        "+++\ntitle = \"A\"\naliases = [\"http://x/\"]\n+++\n",
    );
    s.write(
        "content/tin-tuc/_index.md",
        "+++\ntitle = \"Tin\"\nsort_by = \"ngay\"\n+++\n",
    );
    let vi = congbo_stderr("vi_VN.UTF-8", s.root(), &["build"]);
    assert_has(
        &vi,
        &[
            "địa chỉ cũ (alias) \"http://x/\" phải là một đường dẫn",
            "`sort_by` = \"ngay\": hãy viết \"date\" (theo ngày)",
        ],
    );
    let en = congbo_stderr("C", s.root(), &["build"]);
    assert_has(
        &en,
        &["alias \"http://x/\" must be", "`sort_by` = \"ngay\": write"],
    );
    s.write("content/a.md", "+++\ntitle = \"A\"\n+++\n");
    s.write("content/tin-tuc/_index.md", "+++\ntitle = \"Tin\"\n+++\n");
    s.write("content/con.md", "+++\ntitle = \"Con\"\n+++\n");
    let vi = congbo_stderr("vi_VN.UTF-8", s.root(), &["build"]);
    assert_has(
        &vi,
        &[
            "là tên thiết bị trên máy chủ Windows",
            "hãy đổi tên (hoặc đặt `slug`)",
        ],
    );
    let en = congbo_stderr("C", s.root(), &["build"]);
    assert_has(&en, &["is a device name on Windows servers"]);
    // The output-folder check, and `congbo new`.
    s.remove("content/con.md");
    s.write("khac/ghi-chu.txt", "không phải trang");
    let vi = congbo_stderr("vi_VN.UTF-8", s.root(), &["build", "-o", "khac"]);
    assert_has(
        &vi,
        &[
            "khac: lỗi: thư mục ghi trang này đang chứa các tệp không do congbo ghi (ghi-chu.txt: 1 tệp)",
            "--clean-output",
            "Thư mục khac/ được giữ nguyên như cũ.",
        ],
    );
    let vi = congbo_stderr("vi_VN.UTF-8", s.root(), &["new", "khong-co", "Bài mới"]);
    assert_has(&vi, &["lỗi: không có thư mục chuyên mục content/khong-co"]);
    let en = congbo_stderr("C", s.root(), &["new", "khong-co", "Bài mới"]);
    assert_has(&en, &["error: there is no section folder content/khong-co"]);
    // Every kind is offered, those added after the message was first written too.
    assert_has(&en, &["question, event, survey, contest, bulletin, page)"]);
}

#[test]
fn serving_a_multilingual_site_makes_what_the_build_writes() {
    // `congbo serve` builds a multilingual site in memory: the same files as a build.
    let s = two_languages();
    s.build_ok();
    let (_, files) = congbo::build::build_in_memory(&s.opts).unwrap();
    let mut paths: Vec<String> = files
        .iter()
        .map(|f| f.path.trim_start_matches('/').to_string())
        .collect();
    paths.sort();
    assert_eq!(paths, s.files());
    for f in &files {
        let on_disk = std::fs::read(s.out().join(f.path.trim_start_matches('/'))).unwrap();
        let made = match &f.data {
            congbo::output_file::OutputData::Bytes(b) => b.clone(),
            congbo::output_file::OutputData::Copy(p) => std::fs::read(p).unwrap(),
        };
        assert!(on_disk == made, "{} differs", f.path);
    }
}

#[test]
fn every_language_has_its_own_search_index_and_page() {
    let s = two_languages();
    s.build_ok();
    assert!(s.exists("search/meta.json") && s.exists("en/search/meta.json"));
    assert_has(
        &s.read("en/tim-kiem/index.html"),
        &["<html lang=\"en\">", "data-index=\"/en/search/\""],
    );
    let records = s.read("en/search/d/0.json");
    assert!(records.contains("\"u\":\"/en/"), "{records}");
    assert!(!s.read("search/d/0.json").contains("\"u\":\"/en/"));
}
