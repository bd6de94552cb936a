//! The example commune site in `content/` and a site made of the real-shaped plans and
//! procedures in `../shared/corpus/` build, and their pages say what the documents say.

mod common;
use common::*;

fn example_site() -> TestSite {
    let site = TestSite::new();
    copy_dir(&repo_root().join("content"), &site.root().join("content"));
    std::fs::copy(repo_root().join("site.toml"), site.root().join("site.toml")).unwrap();
    site
}

#[test]
fn the_example_site_builds_with_every_kind() {
    let site = example_site();
    let report = site.build_ok();
    let count = |k: congbo::content::Kind| {
        report
            .pages_by_kind
            .iter()
            .find(|(x, _)| *x == k)
            .map_or(0, |(_, n)| *n)
    };
    use congbo::content::Kind;
    assert_eq!(count(Kind::Plan), 3);
    assert_eq!(count(Kind::News), 8);
    assert_eq!(count(Kind::Procedure), 6);
    assert!(count(Kind::Document) >= 3);

    let plan = site.read("ke-hoach/ke-hoach-tuyen-truyen-cchc-2026/index.html");
    assert_has(
        &plan,
        &[
            "18/KH-UBND",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Nơi nhận",
            "<table",
        ],
    );
    assert!(
        plan.contains("ngày 12 tháng 01 năm 2026"),
        "state-format date with a 0 before January"
    );
    assert_has(&site.read("index.html"), &["Tân Hòa Lợi"]);
    let home = site.read("index.html");
    assert!(home.matches("/tin-tuc/").count() >= 3, "home lists news");
    assert_has(
        &site.read("thu-tuc/index.html"),
        &["Hộ tịch", "Chứng thực", "Bảo trợ xã hội"],
    );
    let th = site.read("thu-tuc/index.html");
    let (a, b, c) = (
        th.find("Bảo trợ xã hội").unwrap(),
        th.find("Chứng thực").unwrap(),
        th.find("Hộ tịch").unwrap(),
    );
    assert!(a < b && b < c, "fields in Vietnamese alphabetical order");
    let rss = site.read("rss.xml");
    assert_eq!(rss.matches("<item>").count(), 8);
    let sitemap = site.read("sitemap.xml");
    assert_has(
        &sitemap,
        &[
            "https://tanhoaloi.example.gov.vn/ke-hoach/ke-hoach-tuyen-truyen-cchc-2026/",
            "https://tanhoaloi.example.gov.vn/thu-tuc/",
        ],
    );
    // Bundled images and forms are copied beside their pages.
    let files = site.files();
    assert!(
        files
            .iter()
            .filter(|f| f.starts_with("tin-tuc/") && f.ends_with(".jpg"))
            .count()
            >= 8
    );
    assert!(
        files
            .iter()
            .any(|f| f.starts_with("thu-tuc/dang-ky-khai-tu/") && f.ends_with(".docx"))
    );
    assert!(site.exists("css/style.css"));
}

#[test]
fn the_corpus_builds_into_plan_and_procedure_pages() {
    let Some(corpus) = shared("corpus", "the_corpus_builds_into_plan_and_procedure_pages") else {
        return;
    };
    let site = TestSite::new();
    copy_dir(
        &corpus.join("ke-hoach"),
        &site.root().join("content/ke-hoach"),
    );
    copy_dir(
        &corpus.join("thu-tuc"),
        &site.root().join("content/thu-tuc"),
    );
    site.build_ok();
    let can_tho = site.read("ke-hoach/ke-hoach-tuyen-truyen-cchc-can-tho-2025/index.html");
    assert_has(
        &can_tho,
        &[
            // ND 30/2020: the issuing organ in full, above its place.
            "<p class=\"doc-authority\">ỦY BAN NHÂN DÂN<br>THÀNH PHỐ CẦN THƠ</p>",
            "Cần Thơ, ngày 20 tháng 12 năm 2024",
            "TM. ỦY BAN NHÂN DÂN",
            "Trần Việt Trường",
            "Bộ Nội vụ",
            "Sở Nội vụ",
        ],
    );
    let khai_sinh = site.read("thu-tuc/dang-ky-khai-sinh/index.html");
    assert_has(
        &khai_sinh,
        &[
            "Đăng ký khai sinh",
            "1.001193",
            "Hộ tịch",
            "Tờ khai đăng ký khai sinh theo mẫu",
            "Trình tự thực hiện",
        ],
    );
    assert!(site.exists("thu-tuc/dang-ky-ket-hon/index.html"));
}
