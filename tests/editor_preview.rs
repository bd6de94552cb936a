//! The editor's live preview over HTTP (`serve --edit`, port 0): the page as the build
//! would make it from the typed form, in the site's theme, with nothing written; errors
//! in the command line's words; without JavaScript the same through the form.

mod common;
use common::editor::*;
use common::serve::Server;

#[test]
fn a_preview_is_the_page_as_built_from_the_typed_form_and_writes_nothing() {
    let site = news_site();
    let server = Server::start_with(&site, &["--edit"]);
    let form = open(&server, "/_soan-thao/sua/tin-tuc/mot.md");
    assert!(
        form.html
            .contains("formaction=\"/_soan-thao/xem-truoc/sua/tin-tuc/mot.md\""),
        "{}",
        form.html
    );
    let before = snapshot(&site);
    let typed = |title: &str, body: &str| {
        vec![
            ("csrf", form.csrf.clone()),
            ("goc", form.goc.clone()),
            ("title", title.to_string()),
            ("date", "11/01/2026".to_string()),
            ("body", body.to_string()),
        ]
    };
    let fields = typed("Tiêu đề đang gõ", "Đoạn **đang gõ** chưa lưu.");
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, page) = server.post(
        "/_soan-thao/xem-truoc/sua/tin-tuc/mot.md?chi-trang=1",
        &fields,
        Some(&form.cookie),
    );
    assert_eq!(status, 200, "{page}");
    // The page in the site's theme (its stylesheet, its header), with what was typed.
    assert!(page.contains("<strong>đang gõ</strong>"), "{page}");
    assert!(page.contains("Tiêu đề đang gõ"));
    assert!(page.contains("11/01/2026"), "{page}");
    assert!(page.contains("Cổng thông tin xã Thử Nghiệm"), "{page}");
    // Not on the served site, not on disk.
    let (_, _, served) = server.get("/tin-tuc/mot/");
    assert!(!served.contains("đang gõ"));
    assert_eq!(snapshot(&site), before, "a preview wrote something");

    // Without JavaScript: the whole form, with the page in the preview frame.
    let (status, _, html) = server.post(
        "/_soan-thao/xem-truoc/sua/tin-tuc/mot.md",
        &fields,
        Some(&form.cookie),
    );
    assert_eq!(status, 200);
    assert!(html.contains("value=\"Tiêu đề đang gõ\""), "{html}");
    assert!(html.contains("srcdoc=\"") && html.contains("&lt;strong&gt;đang gõ&lt;/strong&gt;"));

    // A new page not saved yet is previewed too.
    let new = open(&server, "/_soan-thao/moi/tin-tuc");
    let (status, _, page) = server.post(
        "/_soan-thao/xem-truoc/moi/tin-tuc?chi-trang=1",
        &[
            ("csrf", &new.csrf),
            ("title", "Tin mới chưa lưu"),
            ("date", "20/01/2026"),
            ("body", "Nội dung tin mới."),
        ],
        Some(&new.cookie),
    );
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Tin mới chưa lưu") && page.contains("Nội dung tin mới."));
    assert_eq!(snapshot(&site), before, "a preview wrote something");
    // The served site's model is as it was: the other page still renders as before.
    server.get("/tin-tuc/hai/");
    let (_, _, list) = server.get("/tin-tuc/");
    assert!(!list.contains("Tin mới chưa lưu"));
}

#[test]
fn errors_in_the_typed_text_show_in_the_command_lines_words_and_need_the_token() {
    let site = news_site();
    let server = Server::start_with(&site, &["--edit"]);
    let form = open(&server, "/_soan-thao/sua/tin-tuc/mot.md");
    let (status, _, html) = server.post(
        "/_soan-thao/xem-truoc/sua/tin-tuc/mot.md?chi-trang=1",
        &[
            ("csrf", &form.csrf),
            ("goc", &form.goc),
            ("title", "Tin một"),
            ("date", "31/02/2026"),
            ("body", "Xem [trang không có](@/tin-tuc/khong-co.md)."),
        ],
        Some(&form.cookie),
    );
    assert_eq!(status, 422, "{html}");
    assert!(
        html.contains("content/tin-tuc/mot.md:") && html.contains("31/02/2026"),
        "{html}"
    );
    // A form from elsewhere gets nothing.
    let (status, _, _) = server.post(
        "/_soan-thao/xem-truoc/sua/tin-tuc/mot.md?chi-trang=1",
        &[("csrf", "0123"), ("title", "x")],
        Some(&form.cookie),
    );
    assert_eq!(status, 403);
    let (status, _, _) = server.post(
        "/_soan-thao/xem-truoc/sua/..%2f..%2fsite.toml?chi-trang=1",
        &[("csrf", &form.csrf), ("title", "x")],
        Some(&form.cookie),
    );
    assert_eq!(status, 400);
}

#[test]
fn publishing_runs_the_check_and_a_broken_link_is_refused_with_its_message() {
    let site = news_site();
    let server = Server::start_with(&site, &["--edit"]);
    let form = open(&server, "/_soan-thao/sua/tin-tuc/mot.md");
    let before = snapshot(&site);
    let fields = |button: &'static str| {
        vec![
            ("csrf", form.csrf.clone()),
            ("goc", form.goc.clone()),
            ("title", "Tin một".to_string()),
            ("date", "10/01/2026".to_string()),
            (
                "body",
                "Xem [trang đã xóa](/tin-tuc/khong-co/).".to_string(),
            ),
            (button, "1".to_string()),
        ]
    };
    let publish = fields("xuat-ban");
    let publish: Vec<(&str, &str)> = publish.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, html) = server.post(
        "/_soan-thao/sua/tin-tuc/mot.md",
        &publish,
        Some(&form.cookie),
    );
    assert_eq!(status, 422, "{html}");
    // `congbo check`'s own words: those it says of the same page on disk.
    let (_, report) = congbo::build::check(&site.opts, false).unwrap();
    assert!(report.0.is_empty(), "the site on disk is fine: {report:?}");
    let broken = news_site();
    broken.write(
        "content/tin-tuc/mot.md",
        "+++\ntitle = \"Tin một\"\ndate = 2026-01-10\n+++\nXem [trang đã xóa](/tin-tuc/khong-co/).\n",
    );
    let (_, said) = congbo::build::check(&broken.opts, false).unwrap();
    assert_eq!(said.0.len(), 1, "{said:?}");
    let words = said.0[0]
        .message
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;");
    assert!(html.contains(&words), "{words}\n{html}");
    assert!(html.contains("content/tin-tuc/mot.md:"), "{html}");
    assert!(html.contains(">Xem [trang đã xóa](/tin-tuc/khong-co/).</textarea>"));
    assert_eq!(snapshot(&site), before, "a refused publish wrote something");
    // Saving (not publishing) is not held back by the check.
    let save = fields("luu");
    let save: Vec<(&str, &str)> = save.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, _) = server.post("/_soan-thao/sua/tin-tuc/mot.md", &save, Some(&form.cookie));
    assert_eq!(status, 303);
}

/// The `href`s of the task report links of a page, in order.
fn report_links(html: &str) -> Vec<String> {
    html.split("class=\"task-report\" href=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

#[test]
fn task_reports_link_in_the_preview_as_on_the_built_page() {
    let site = news_site();
    site.write(
        "content/ke-hoach/thu/index.md",
        "+++\ntitle = \"Kế hoạch thử\"\ndate = 2026-01-10\n\
         period = { start = 2026-01-01, end = 2026-12-31 }\n\n\
         [[tasks]]\nname = \"Rà soát thủ tục\"\nlead = \"Văn phòng\"\nstatus = \"Hoàn thành\"\nreport = \"bao-cao.pdf\"\n\n\
         [[tasks]]\nname = \"Đăng tin\"\nlead = \"Văn phòng\"\nstatus = \"Hoàn thành\"\nreport = \"@/tin-tuc/mot.md\"\n+++\nKế hoạch.\n",
    );
    site.write("content/ke-hoach/thu/bao-cao.pdf", "%PDF-1.7\n");
    let server = Server::start_with(&site, &["--edit"]);
    let served = server.until("/ke-hoach/thu/", "shows the plan", |s, b| {
        s == 200 && b.contains("Rà soát thủ tục")
    });
    let built = report_links(&served);
    assert_eq!(built.len(), 2, "{served}");
    let form = open(&server, "/_soan-thao/sua/ke-hoach/thu/index.md");
    let (status, _, page) = server.post(
        "/_soan-thao/xem-truoc/sua/ke-hoach/thu/index.md?chi-trang=1",
        &[
            ("csrf", &form.csrf),
            ("goc", &form.goc),
            ("title", "Kế hoạch thử"),
            ("date", "10/01/2026"),
            ("body", "Kế hoạch đang sửa."),
        ],
        Some(&form.cookie),
    );
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Kế hoạch đang sửa."), "{page}");
    assert_eq!(report_links(&page), built, "{page}");
}
