//! Two owners of one URL: a page, a section, an alias or a content file at an address
//! congbo writes something else at (the search page, a tag's page, the agency index, a
//! list's second page, a feed, a static file…) is an error naming both sides, in `build`
//! and in `check`, and `public/` is left as it was.

mod common;
use common::*;

const PLAN: &str = "+++\ntitle = \"Kế hoạch 01\"\nnumber = \"01/KH-UBND\"\nauthority = \"UBND xã Thử\"\n\
    place = \"Thử\"\ndate = 2026-01-05\n\n[[tasks]]\nname = \"Tuyên truyền\"\nlead = \"Văn phòng UBND\"\n\
    due = \"Quý I/2026\"\n+++\n\nNội dung.\n";

/// A small site that has a search page, a tag, a plan with an agency and a news list of
/// two pages; built once, so `public/` exists.
fn base() -> TestSite {
    let s = TestSite::new();
    s.write(
        "content/tin-tuc/a.md",
        &news("Tin A", "2026-01-02", &["Hộ tịch"]),
    );
    s.write("content/tin-tuc/b.md", &news("Tin B", "2026-01-03", &[]));
    s.write("content/tin-tuc/c.md", &news("Tin C", "2026-01-04", &[]));
    s.write("content/ke-hoach/kh-01.md", PLAN);
    s.build_ok();
    s
}

/// Builds after `files` are written: the build fails with an error at `at` saying
/// each of `says`, `congbo check` reports the same, and `public/` is as it was.
fn clash(files: &[(&str, &str)], at: &str, says: &[&str]) {
    let s = base();
    let before = s.snapshot();
    for (rel, text) in files {
        s.write(rel, text);
    }
    let report = match s.build() {
        Ok(_) => panic!("the build passed with {files:?}"),
        Err(e) => e.to_string(),
    };
    let line = report
        .lines()
        .find(|l| l.starts_with(at))
        .unwrap_or_else(|| panic!("no error at {at} in:\n{report}"));
    for w in says {
        assert!(line.contains(w), "{w:?} missing in:\n{report}");
    }
    assert_eq!(s.snapshot(), before, "public/ must be left as it was");
    let (_, errors) = congbo::build::check(&s.opts, false).expect("the check runs");
    let checked = errors.to_string();
    assert!(
        checked.lines().any(|l| l == line),
        "congbo check does not report {line:?}:\n{checked}"
    );
}

#[test]
fn a_page_at_the_search_page() {
    clash(
        &[(
            "content/tim.md",
            "+++\ntitle = \"Tìm\"\n\nslug = \"tim-kiem\"\n+++\n",
        )],
        "content/tim.md:4:1: error: this page would be written at /tim-kiem/",
        &["the search page", "`slug`"],
    );
}

#[test]
fn a_section_at_the_search_page() {
    clash(
        &[(
            "content/tim-kiem/_index.md",
            "+++\ntitle = \"Tìm kiếm\"\n+++\n",
        )],
        "content/tim-kiem/_index.md:1:1: error: the list of this section would be written at /tim-kiem/",
        &["the search page"],
    );
}

#[test]
fn a_page_at_the_tag_index() {
    clash(
        &[(
            "content/cd.md",
            "+++\ntitle = \"Chủ đề\"\nslug = \"chu-de\"\n+++\n",
        )],
        "content/cd.md:3:1: error: this page would be written at /chu-de/",
        &["the tag index"],
    );
}

#[test]
fn a_page_at_a_tag_s_page() {
    clash(
        &[(
            "content/chu-de/ho-tich.md",
            "+++\ntitle = \"Hộ tịch\"\n+++\n",
        )],
        "content/chu-de/ho-tich.md:1:1: error: this page would be written at /chu-de/ho-tich/",
        &["the page of tag Hộ tịch"],
    );
}

#[test]
fn a_section_at_the_agency_index() {
    clash(
        &[(
            "content/co-quan/_index.md",
            "+++\ntitle = \"Cơ quan\"\n+++\n",
        )],
        "content/co-quan/_index.md:1:1: error:",
        &["/co-quan/", "the agency index", "rename the folder"],
    );
}

#[test]
fn a_page_at_an_agency_s_page() {
    clash(
        &[(
            "content/co-quan/van-phong-uy-ban-nhan-dan.md",
            "+++\ntitle = \"VP\"\n+++\n",
        )],
        "content/co-quan/van-phong-uy-ban-nhan-dan.md:1:1: error:",
        &[
            "/co-quan/van-phong-uy-ban-nhan-dan/",
            "the page of agency Văn phòng Ủy ban nhân dân",
        ],
    );
}

#[test]
fn a_page_at_a_list_s_second_page() {
    clash(
        &[(
            "content/tin-tuc/trang/2.md",
            "+++\ntitle = \"Hai\"\ndate = 2026-01-01\n+++\n",
        )],
        "content/tin-tuc/trang/2.md:1:1: error:",
        &["/tin-tuc/trang/2/", "page 2 of the list of content/tin-tuc"],
    );
}

#[test]
fn an_alias_at_the_404_page_and_the_feed() {
    clash(
        &[(
            "content/cu.md",
            "+++\ntitle = \"Cũ\"\naliases = [\"/404.html\"]\n+++\n",
        )],
        "content/cu.md:3:1: error: the alias /404.html would be written at /404.html",
        &["the 404 page", "`aliases`"],
    );
    clash(
        &[(
            "content/cu.md",
            "+++\ntitle = \"Cũ\"\naliases = [\"/tin-tuc/rss.xml\"]\n+++\n",
        )],
        "content/cu.md:3:1: error: the alias /tin-tuc/rss.xml/",
        &["the feed /tin-tuc/rss.xml"],
    );
}

#[test]
fn an_alias_at_a_static_file() {
    clash(
        &[(
            "content/cu.md",
            "+++\ntitle = \"Cũ\"\naliases = [\"/css/style.css\"]\n+++\n",
        )],
        "content/cu.md:3:1: error: the alias /css/style.css/",
        &["the theme's static file css/style.css"],
    );
    clash(
        &[
            ("static/tai-lieu/mau.pdf", "pdf"),
            (
                "content/cu.md",
                "+++\ntitle = \"Cũ\"\naliases = [\"/tai-lieu/mau.pdf/\"]\n+++\n",
            ),
        ],
        "content/cu.md:3:1: error:",
        &["the file static/tai-lieu/mau.pdf"],
    );
}

#[test]
fn a_content_file_at_the_open_data() {
    clash(
        &[("content/data/plans.json", "[]")],
        "content/data/plans.json: error: this file would be written at /data/plans.json",
        &["the open data file /data/plans.json"],
    );
}

#[test]
fn a_page_at_the_posting_sheet() {
    clash(
        &[
            (
                "content/thu-tuc/khai-sinh.md",
                "+++\ntitle = \"Đăng ký khai sinh\"\ncode = \"1.001193\"\n+++\n",
            ),
            (
                "content/cu.md",
                "+++\ntitle = \"Cũ\"\naliases = [\"/thu-tuc/khai-sinh/in/\"]\n+++\n",
            ),
        ],
        "content/cu.md:3:1: error:",
        &["the posting sheet of content/thu-tuc/khai-sinh.md"],
    );
}

#[test]
fn a_page_at_the_documents_index() {
    clash(
        &[
            (
                "content/gioi-thieu.md",
                "+++\ntitle = \"Giới thiệu\"\n+++\nTheo Nghị định số 61/2018/NĐ-CP.\n",
            ),
            (
                "content/vb.md",
                "+++\ntitle = \"VB\"\nslug = \"van-ban\"\n+++\n",
            ),
        ],
        "content/vb.md:3:1: error:",
        &["/van-ban/", "the index of cited documents"],
    );
}

#[test]
fn an_english_page_at_the_english_search_page() {
    let s = base();
    s.write(
        "site.toml",
        &format!("{SITE_TOML}\n[languages.en]\ntitle = \"Test\"\n"),
    );
    s.write(
        "content/tim.en.md",
        "+++\ntitle = \"Search\"\nslug = \"tim-kiem\"\n+++\n",
    );
    let report = s.build().unwrap_err().to_string();
    assert!(
        report.contains("content/tim.en.md:3:1: error: this page would be written at /en/tim-kiem/, where congbo writes the search page"),
        "{report}"
    );
}

#[test]
fn the_example_site_has_no_clash() {
    example_copy().build_ok();
}

/// The paths the ownership check gives the pages congbo renders are where they are written.
#[test]
fn job_paths_are_the_written_files() {
    let s = example_copy();
    let (site, files) = congbo::build::build_in_memory(&s.opts).expect("builds");
    let written: std::collections::HashSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let jobs = congbo::render::jobs::plan(&site);
    assert!(jobs.len() > 50);
    for j in jobs {
        let file = congbo::content::urls::file_of(&congbo::render::jobs::job_path(&site, j));
        assert!(written.contains(file.as_str()), "{j:?}: {file} not written");
    }
}
