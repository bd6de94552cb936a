//! Bad input: every error of a build reported at once, with file and line, and the previous
//! `public/` left exactly as it was.

mod common;
use common::*;

#[test]
fn all_errors_at_once_and_public_untouched() {
    let site = TestSite::new();
    site.write(
        "content/tin-tuc/tot.md",
        &news("Tin tốt", "2026-01-10", &[]),
    );
    site.build_ok();
    let before = site.files();
    let home_before = site.read("index.html");

    site.write("content/yaml.md", "---\ntitle: A\n---\n");
    site.write(
        "content/tin-tuc/sai-khoa.md",
        "+++\ntitle = \"A\"\ndate = 2026-01-01\ntitel = \"x\"\n+++\n",
    );
    site.write(
        "content/tin-tuc/sai-ngay.md",
        "+++\ntitle = \"B\"\ndate = \"30/02/2024\"\n+++\n",
    );
    site.write("content/tin-tuc/thieu-ngay.md", "+++\ntitle = \"C\"\n+++\n");
    site.write("content/toml.md", "+++\ntitle = \"D\n+++\n");
    site.write("content/khong-dong.md", "+++\ntitle = \"E\"\n");
    site.write("content/khong-mo.md", "title = \"F\"\n");
    site.write(
        "content/trung.md",
        "+++\ntitle = \"G\"\nslug = \"tot\"\n+++\n",
    );
    site.write(
        "content/tin-tuc/trung.md",
        "+++\ntitle = \"H\"\ndate = 2026-01-01\nslug = \"tot\"\n+++\n",
    );
    site.write("content/kieu.md", "+++\ntitle = 5\n+++\n");
    site.write(
        "content/mau.md",
        "+++\ntitle = \"I\"\ntemplate = \"khong-co.html\"\n+++\n",
    );
    let err = site.build().unwrap_err();
    let report = err.to_string();
    let expect = [
        "content/khong-dong.md:1:",
        "content/khong-mo.md:1:",
        "content/kieu.md:2:",
        "content/tin-tuc/sai-khoa.md:4:",
        "content/tin-tuc/sai-ngay.md:3:",
        "content/tin-tuc/thieu-ngay.md:2:",
        "content/tin-tuc/trung.md",
        "content/toml.md:2:",
        "content/yaml.md:1:",
    ];
    for e in expect {
        assert!(report.contains(e), "missing {e} in:\n{report}");
    }
    assert!(
        report.contains("titel") && report.contains("YAML") && report.contains("30/02/2024"),
        "{report}"
    );
    assert_eq!(site.files(), before, "public/ must be left as it was");
    assert_eq!(site.read("index.html"), home_before);
    // Errors in the content stop the build before it writes anything, even beside public/.
    assert!(!site.root().join("public.congbo-spare").exists());

    // Errors in templates are found only when content is good; fix content, keep the missing template.
    for f in [
        "yaml.md",
        "tin-tuc/sai-khoa.md",
        "tin-tuc/sai-ngay.md",
        "tin-tuc/thieu-ngay.md",
        "toml.md",
        "khong-dong.md",
        "khong-mo.md",
        "trung.md",
        "tin-tuc/trung.md",
        "kieu.md",
    ] {
        site.remove(&format!("content/{f}"));
    }
    let err = site.build().unwrap_err().to_string();
    assert!(
        err.contains("content/mau.md:3:1") && err.contains("khong-co.html"),
        "{err}"
    );
}

#[test]
fn template_syntax_errors_name_the_template_file_and_line() {
    let site = TestSite::new();
    site.write("content/a.md", "+++\ntitle = \"A\"\n+++\n");
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}\n{{ page.title \n{% endblock content %}",
    );
    site.write("templates/404.html", "{% if %}");
    let err = site.build().unwrap_err().to_string();
    assert!(err.contains("templates/page.html:4"), "{err}");
    assert!(err.contains("templates/404.html:1"), "{err}");
}

#[test]
fn template_render_errors_are_reported() {
    let site = TestSite::new();
    site.write("content/a.md", "+++\ntitle = \"A\"\n+++\n");
    site.write("content/tin-tuc/b.md", &news("Tin", "2026-01-01", &[]));
    site.build_ok();
    let before = site.snapshot();
    site.write("content/tin-tuc/b.md", &news("Tin mới", "2026-01-02", &[]));
    site.write("templates/page.html", "{{ page.khong_co }}");
    let err = site.build().unwrap_err().to_string();
    assert!(
        err.contains("templates/page.html:1") && err.contains("khong_co"),
        "{err}"
    );
    // The error came while pages were being written out: nothing of it may show.
    let after = site.snapshot();
    assert!(before == after, "public/ changed by a failed build");
    // What it wrote into the spare beside public/ is brought up to date by the next build.
    site.remove("templates/page.html");
    site.build_ok();
    assert_has(&site.read("tin-tuc/b/index.html"), &["Tin mới"]);
}

#[test]
fn a_broken_internal_link_is_an_error_with_its_line() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "+++\ntitle = \"A\"\n+++\n\nXem [bài](@/tin-tuc/khong-co.md).\n",
    );
    let err = site.build().unwrap_err().to_string();
    assert!(
        err.contains("content/a.md:5:") && err.contains("content/tin-tuc/khong-co.md"),
        "{err}"
    );
}

#[test]
fn non_utf8_files_are_explained() {
    let site = TestSite::new();
    std::fs::write(
        site.root().join("content/a.md"),
        b"+++\ntitle = \"H\xf2a\"\n+++\n",
    )
    .unwrap();
    let err = site.build().unwrap_err().to_string();
    assert!(
        err.contains("content/a.md") && err.contains("UTF-8"),
        "{err}"
    );
}

#[test]
fn raw_html_is_sanitised_unless_the_site_says_otherwise() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "+++\ntitle = \"A\"\n+++\n\nXin chào <b onclick=\"x()\">bà con</b>.\n\n<script>alert(1)</script>\n\n\
         <iframe src=\"https://www.youtube-nocookie.com/embed/abc\" title=\"Video\"></iframe>\n\n[x](javascript:alert(1))\n",
    );
    let report = site.build_ok();
    assert!(report.warnings.is_empty());
    let html = site.read("a/index.html");
    let body = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
    assert!(body.contains("<b>bà con</b>"), "{body}");
    assert!(
        !body.contains("alert(1)") && !body.contains("onclick") && !body.contains("<iframe"),
        "{body}"
    );

    site.write(
        "site.toml",
        &format!("iframe_hosts = [\"www.youtube-nocookie.com\"]\n{SITE_TOML}"),
    );
    site.build_ok();
    let body = site.read("a/index.html");
    assert!(
        body.contains("<iframe src=\"https://www.youtube-nocookie.com/embed/abc\""),
        "listed host embeds"
    );

    site.write("site.toml", &format!("unsafe_html = true\n{SITE_TOML}"));
    let report = site.build_ok();
    assert!(report.warnings[0].contains("unsafe_html"));
    assert!(
        site.read("a/index.html")
            .contains("<script>alert(1)</script>")
    );
}

#[test]
fn names_that_break_on_windows_servers_are_errors() {
    let site = TestSite::new();
    site.write("content/tin-tuc/con.md", &news("Con", "2026-01-01", &[]));
    site.write("content/tin-tuc/b/index.md", &news("B", "2026-01-01", &[]));
    site.write("content/tin-tuc/b/mẫu?.docx", "x");
    let err = site.build().unwrap_err().to_string();
    assert!(
        err.contains("content/tin-tuc/con.md") && err.contains("device name"),
        "{err}"
    );
    assert!(
        err.contains("mẫu?.docx") && err.contains("Windows"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn links_out_of_the_site_are_refused() {
    let site = TestSite::new();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("bi-mat.txt"), "secret").unwrap();
    site.write("content/a.md", "+++\ntitle = \"A\"\n+++\n");
    std::os::unix::fs::symlink(
        outside.path().join("bi-mat.txt"),
        site.root().join("content/bi-mat.txt"),
    )
    .unwrap();
    let err = site.build().unwrap_err().to_string();
    assert!(
        err.contains("content/bi-mat.txt") && err.contains("outside the site"),
        "{err}"
    );
    // A link that stays inside the site is fine.
    std::fs::remove_file(site.root().join("content/bi-mat.txt")).unwrap();
    site.write("static/logo.svg", "<svg/>");
    std::os::unix::fs::symlink(
        site.root().join("static/logo.svg"),
        site.root().join("content/logo.svg"),
    )
    .unwrap();
    site.build_ok();
    assert_eq!(site.read("logo.svg"), "<svg/>");
}

#[cfg(unix)]
#[test]
fn a_loop_of_links_is_named_a_loop_and_a_folder_link_is_refused() {
    use std::os::unix::fs::symlink;
    let site = TestSite::new();
    site.write("content/a.md", "+++\ntitle = \"A\"\n+++\n");
    symlink("vong-b.md", site.root().join("content/vong-a.md")).unwrap();
    symlink("vong-a.md", site.root().join("content/vong-b.md")).unwrap();
    site.write("content/tin-tuc/b.md", "+++\ntitle = \"B\"\n+++\n");
    symlink(
        site.root().join("content/tin-tuc"),
        site.root().join("content/tin-cu"),
    )
    .unwrap();
    let err = site.build().unwrap_err().to_string();
    assert!(
        err.contains("content/vong-a.md: error: this link leads back to itself"),
        "{err}"
    );
    assert!(!err.contains("outside the site"), "{err}");
    assert!(
        err.contains("content/tin-cu: error: this is a link to a folder"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn links_in_static_are_published_inside_the_site_and_named_when_not() {
    use std::os::unix::fs::symlink;
    let site = TestSite::new();
    site.write("content/a.md", "+++\ntitle = \"A\"\n+++\n");
    site.write("tai-lieu/huong-dan.pdf", "%PDF");
    std::fs::create_dir_all(site.root().join("static")).unwrap();
    symlink(
        site.root().join("tai-lieu/huong-dan.pdf"),
        site.root().join("static/huong-dan.pdf"),
    )
    .unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("bi-mat.txt"), "secret").unwrap();
    symlink(
        outside.path().join("bi-mat.txt"),
        site.root().join("static/bi-mat.txt"),
    )
    .unwrap();
    symlink("vong.txt", site.root().join("static/vong.txt")).unwrap();
    let report = site.build_ok();
    assert_eq!(site.read("huong-dan.pdf"), "%PDF");
    assert!(!site.exists("bi-mat.txt") && !site.exists("vong.txt"));
    let warnings = report.warnings.join("\n");
    assert!(
        warnings.contains("static/bi-mat.txt: warning: not published: this is a link to a file outside the site folder"),
        "{warnings}"
    );
    assert!(
        warnings
            .contains("static/vong.txt: warning: not published: this link leads back to itself"),
        "{warnings}"
    );
}

#[test]
fn every_bad_front_matter_key_is_named_with_its_line_and_what_to_write() {
    let site = TestSite::new();
    site.write(
        "content/tin-tuc/a.md",
        "+++\ntitle = \"A\"\ndate = 2026-01-01\ntags = \"mot\"\nweight = \"3\"\nupdated = 5\n+++\n",
    );
    site.write(
        "content/b.md",
        "+++\ntitle = \"B\"\ndraft = false\ntitle = \"C\"\n+++\n",
    );
    site.write(
        "content/c.md",
        "+++\ntitle = \"C\"\ndate = 29/02/2024\n+++\n",
    );
    site.write(
        "content/ke-hoach/d.md",
        "+++\ntitle = \"D\"\n\n[[tasks]]\nname = 5\n\n[[tasks]]\nname = \"Tuyên truyền\"\nnam = \"x\"\n+++\n",
    );
    site.write(
        "content/thu-tuc/_index.md",
        "+++\ntitle = \"Thủ tục\"\npaginate_by = \"10\"\nsort_by = \"khong-co\"\n+++\n",
    );
    let err = site.build().unwrap_err().to_string();
    for want in [
        "content/tin-tuc/a.md:4:1: error: `tags` must be a list in square brackets: write tags = [\"mot\"]",
        "content/tin-tuc/a.md:5:1: error: `weight` must be a whole number, without quotes: write weight = 3",
        // The resolver's own check of a good key, in the same build.
        "content/tin-tuc/a.md:6:1: error: `updated` must be a date",
        "content/b.md:4:1: error: `title` is written twice (lines 2 and 4): keep one",
        "content/c.md:3:8: error: `date`: write a date as 2024-02-29, or in quotes: date = \"29/02/2024\"",
        "content/ke-hoach/d.md:5:1: error: `name` (in item 1 of `tasks`) must be text in quotes: write name = \"5\"",
        "content/ke-hoach/d.md:9:1: error: unknown key `nam` (in item 2 of `tasks`)",
        "content/thu-tuc/_index.md:3:1: error: `paginate_by` must be a whole number from 0 up, without quotes: write paginate_by = 10",
    ] {
        assert!(err.contains(want), "missing {want} in:\n{err}");
    }
    // The section's good keys are still checked.
    assert!(
        err.contains("content/thu-tuc/_index.md:4") && err.contains("khong-co"),
        "{err}"
    );
    // A bad key is not reported twice (as itself and as missing).
    assert_eq!(err.matches("content/tin-tuc/a.md").count(), 3, "{err}");
}
