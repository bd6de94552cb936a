//! `congbo serve --edit` over HTTP, as a browser without JavaScript uses it: the real
//! binary on a free loopback port, a small site in a temporary folder. Forms are fetched,
//! filled in and posted; the served site must change, and every refused change must leave
//! every file as it was.

mod common;
use common::editor::*;
use common::serve::Server;
use common::*;

#[test]
fn a_page_edited_and_one_created_through_the_form_show_on_the_site() {
    let site = news_site();
    let server = Server::start_with(&site, &["--edit"]);
    let (status, _, list) = server.get("/_soan-thao/");
    assert_eq!(status, 200);
    assert_has(
        &list,
        &["Tin một", "Tin hai", "/_soan-thao/sua/tin-tuc/mot.md"],
    );
    assert!(list.find("Tin hai").unwrap() < list.find("Tin một").unwrap());
    // Search without tones finds the toned title, and only it.
    let (_, _, found) = server.get("/_soan-thao/?q=MOT");
    assert!(
        found.contains("Tin một") && !found.contains("Tin hai"),
        "{found}"
    );

    let form = open(&server, "/_soan-thao/sua/tin-tuc/mot.md");
    assert_has(
        &form.html,
        &["name=\"date\" value=\"10/01/2026\"", "Tiêu đề"],
    );
    let (status, head, _) = server.post(
        "/_soan-thao/sua/tin-tuc/mot.md",
        &[
            ("csrf", &form.csrf),
            ("goc", &form.goc),
            ("title", "Tin một đã sửa"),
            ("date", "11/01/2026"),
            ("tags", "Một cửa, Hộ tịch"),
            ("body", "Đoạn sửa trong trình duyệt.\r\n"),
            ("luu", "1"),
        ],
        Some(&form.cookie),
    );
    assert_eq!(status, 303, "{head}");
    assert!(head.contains("Location: /_soan-thao/sua/tin-tuc/mot.md?da-luu=1"));
    server.until("/tin-tuc/mot/", "shows the edit", |_, b| {
        b.contains("Đoạn sửa trong trình duyệt.") && b.contains("Tin một đã sửa")
    });
    let text = source(&site, "content/tin-tuc/mot.md");
    assert!(
        text.contains("date = 2026-01-11\n") && !text.contains('\r'),
        "{text}"
    );
    // The version before is kept, and the change logged.
    let kept: Vec<_> = std::fs::read_dir(site.root().join(".congbo/history/tin-tuc/mot.md"))
        .unwrap()
        .collect();
    assert_eq!(kept.len(), 1);
    let log = std::fs::read_to_string(site.root().join(".congbo/audit.log")).unwrap();
    assert!(log.contains("\tsave\tcontent/tin-tuc/mot.md"), "{log}");

    let new = open(&server, "/_soan-thao/moi/tin-tuc");
    let (status, head, body) = server.post(
        "/_soan-thao/moi/tin-tuc",
        &[
            ("csrf", &new.csrf),
            ("title", "Lễ ra mắt Tổ công nghệ số"),
            ("date", "15/01/2026"),
            ("body", "Sáng nay, xã ra mắt Tổ công nghệ số."),
            ("xuat-ban", "1"),
        ],
        Some(&new.cookie),
    );
    assert_eq!(status, 303, "{body}");
    assert!(
        head.contains("sua/tin-tuc/le-ra-mat-to-cong-nghe-so.md"),
        "{head}"
    );
    server.until("/tin-tuc/le-ra-mat-to-cong-nghe-so/", "appears", |s, b| {
        s == 200 && b.contains("Sáng nay, xã ra mắt")
    });
    server.until("/tin-tuc/", "lists it", |_, b| {
        b.contains("Lễ ra mắt Tổ công nghệ số")
    });
}

#[test]
fn a_bad_date_keeps_what_was_typed_shows_the_error_at_its_field_and_writes_nothing() {
    let site = news_site();
    let server = Server::start_with(&site, &["--edit"]);
    let form = open(&server, "/_soan-thao/sua/tin-tuc/mot.md");
    let before = snapshot(&site);
    let (status, _, html) = server.post(
        "/_soan-thao/sua/tin-tuc/mot.md",
        &[
            ("csrf", &form.csrf),
            ("goc", &form.goc),
            ("title", "Tiêu đề vừa gõ"),
            ("date", "31/02/2026"),
            ("body", "Một đoạn dài vừa gõ, không được mất."),
            ("luu", "1"),
        ],
        Some(&form.cookie),
    );
    assert_eq!(status, 422, "{html}");
    assert_has(
        &html,
        &[
            "value=\"Tiêu đề vừa gõ\"",
            "value=\"31/02/2026\"",
            ">Một đoạn dài vừa gõ, không được mất.</textarea>",
        ],
    );
    // The build's own words, at the date field: its error sits between its label and input.
    let field = &html[html.find("<label for=\"f-date\">").unwrap()..];
    let field = &field[..field.find("<input").unwrap()];
    assert!(
        field.contains("class=\"loi\"") && field.contains("`date`") && field.contains("31/02/2026"),
        "{field}"
    );
    assert_eq!(snapshot(&site), before, "a refused save wrote something");
}

#[test]
fn a_file_changed_on_disk_since_the_form_was_opened_is_not_overwritten() {
    let site = news_site();
    let server = Server::start_with(&site, &["--edit"]);
    let form = open(&server, "/_soan-thao/sua/tin-tuc/mot.md");
    let theirs = format!("{}\nSửa ở máy khác.\n", news("Tin một", "2026-01-10", &[]));
    site.write("content/tin-tuc/mot.md", &theirs);
    let fields = [
        ("csrf", form.csrf.as_str()),
        ("goc", form.goc.as_str()),
        ("title", "Tin một"),
        ("date", "10/01/2026"),
        ("body", "Bản của tôi."),
        ("luu", "1"),
    ];
    let (status, _, html) = server.post(
        "/_soan-thao/sua/tin-tuc/mot.md",
        &fields,
        Some(&form.cookie),
    );
    assert_eq!(status, 409, "{html}");
    assert_has(&html, &["Sửa ở máy khác.", ">Bản của tôi.</textarea>"]);
    assert_eq!(source(&site, "content/tin-tuc/mot.md"), theirs);
    // Saving again from the page that showed both is the editor's choice, and goes through.
    let goc = attr(&html, "goc");
    let again = [
        ("goc", goc.as_str()),
        ("csrf", form.csrf.as_str()),
        ("title", "Tin một"),
        ("date", "10/01/2026"),
        ("body", "Bản của tôi."),
        ("luu", "1"),
    ];
    let (status, _, _) = server.post("/_soan-thao/sua/tin-tuc/mot.md", &again, Some(&form.cookie));
    assert_eq!(status, 303);
    assert!(source(&site, "content/tin-tuc/mot.md").contains("Bản của tôi."));
}

#[test]
fn changes_without_the_token_or_leaving_content_are_refused_and_write_nothing() {
    let site = news_site();
    let mut server = Server::start_with(&site, &["--edit"]);
    let form = open(&server, "/_soan-thao/sua/tin-tuc/mot.md");
    let before = snapshot(&site);
    fn fields(csrf: &str) -> Vec<(&str, &str)> {
        vec![
            ("csrf", csrf),
            ("title", "Chiếm quyền"),
            ("body", "x"),
            ("luu", "1"),
        ]
    }
    let cookie = form.cookie.as_str();
    let mut with_goc = fields(&form.csrf);
    with_goc.push(("goc", &form.goc));
    // No token; a wrong token; the right token without the cookie (another site's page).
    for (f, c) in [
        (fields(""), Some(cookie)),
        (fields("0123"), Some(cookie)),
        (with_goc.clone(), None),
        (with_goc.clone(), Some("congbo_soan_thao=0123")),
    ] {
        let (status, _, _) = server.post("/_soan-thao/sua/tin-tuc/mot.md", &f, c);
        assert_eq!(status, 403);
    }
    let (status, _, _) = server.post("/_soan-thao/moi/tin-tuc", &fields(""), Some(cookie));
    assert_eq!(status, 403);
    // Paths that leave content/, or name no page: refused before anything is read.
    for path in [
        "/_soan-thao/sua/../site.toml",
        "/_soan-thao/sua/%2e%2e/site.toml",
        "/_soan-thao/sua/tin-tuc/..%2f..%2fsite.toml",
        "/_soan-thao/moi/..%2f..%2fthemes",
        "/_soan-thao/sua/tin-tuc%5c..%5c..%5csite.toml",
    ] {
        let (status, _, _) = server.post(path, &with_goc, Some(cookie));
        assert_eq!(status, 400, "{path}");
    }
    for path in [
        "/_soan-thao/sua/tin-tuc/mot.txt",
        "/_soan-thao/sua/tin-tuc/.an.md",
        "/_soan-thao/moi/khong-co",
    ] {
        let (status, _, _) = server.post(path, &with_goc, Some(cookie));
        assert_eq!(status, 404, "{path}");
    }
    assert_eq!(snapshot(&site), before, "a refused change wrote something");
    assert!(!site.root().join(".congbo").exists());
    assert!(server.alive());
}

#[test]
fn the_site_stays_read_only_and_the_editor_exists_only_with_edit() {
    let site = news_site();
    let edit = Server::start_with(&site, &["--edit"]);
    let (status, head, _) = edit.post("/tin-tuc/mot/", &[("a", "b")], None);
    assert_eq!(status, 405);
    assert!(head.contains("Allow: GET, HEAD"), "{head}");
    assert_eq!(edit.post("/_soan-thao/", &[("a", "b")], None).0, 405);
    let plain = Server::start(&site);
    assert_eq!(plain.get("/_soan-thao/").0, 404);
    assert_eq!(
        plain
            .post("/_soan-thao/sua/tin-tuc/mot.md", &[("a", "b")], None)
            .0,
        405
    );
}

#[test]
fn edit_on_an_address_other_computers_reach_refuses_to_start() {
    let site = news_site();
    let stderr = common::serve::refused_start(
        &["--edit", "--bind", "0.0.0.0", "--port", "0"],
        site.root(),
        "congbo serve --edit started on 0.0.0.0",
    );
    assert!(stderr.contains("--edit with --bind 0.0.0.0"), "{stderr}");
}
