//! `congbo serve` as editors use it: the real binary on a free loopback port, serving a
//! small site in a temporary folder. Tests edit, break and fix files and check what is
//! served, what the live-reload stream says, and that the server is still running.

mod common;
use common::serve::Server;
use common::*;

use std::time::{Duration, Instant};

use common::editor::news_site;

#[test]
fn edits_show_up_and_errors_show_over_the_last_good_page_until_fixed() {
    let site = news_site();
    let mut server = Server::start(&site);
    let (status, head, body) = server.get("/tin-tuc/mot/");
    assert_eq!(status, 200);
    assert!(
        head.contains("Content-Type: text/html; charset=utf-8"),
        "{head}"
    );
    assert_has(&body, &["Tin một", "data-congbo-serve", "/__congbo/events"]);
    assert!(body.find("data-congbo-serve").unwrap() < body.rfind("</body>").unwrap());

    let mut events = server.events();
    events.expect("retry:");
    // A body edit, saved in three writes.
    for text in ["Đoạn", "Đoạn mới", "Đoạn mới toanh."] {
        site.write(
            "content/tin-tuc/mot.md",
            &format!("{}\n{text}\n", news("Tin một", "2026-01-10", &["Một cửa"])),
        );
    }
    server.until("/tin-tuc/mot/", "shows the edit", |_, b| {
        b.contains("Đoạn mới toanh.")
    });
    events.expect("event: reload");

    // A mistake: the page keeps its last good version, the stream carries the error.
    site.write(
        "content/tin-tuc/mot.md",
        "+++\ntitel = \"Tin một\"\n+++\nSai.\n",
    );
    let err = events.expect("event: errors");
    assert_has(&err, &["content/tin-tuc/mot.md", "\"line\":2", "titel"]);
    let (status, _, body) = server.get("/tin-tuc/mot/");
    assert_eq!(status, 200);
    assert!(body.contains("Đoạn mới toanh."));
    // A page opened now gets the errors at once.
    let mut late = server.events();
    late.expect("event: errors");

    // Fixed: the errors clear and the new text is served.
    site.write(
        "content/tin-tuc/mot.md",
        &format!("{}\nĐã sửa.\n", news("Tin một", "2026-01-10", &["Một cửa"])),
    );
    events.expect("event: ok");
    server.until("/tin-tuc/mot/", "shows the fix", |_, b| {
        b.contains("Đã sửa.")
    });
    assert!(server.alive());
    assert!(
        !site.root().join("public").exists(),
        "serve never writes public/"
    );
}

#[test]
fn new_renamed_and_deleted_pages_and_folders() {
    let site = news_site();
    let mut server = Server::start(&site);
    site.write(
        "content/thong-bao/lich-tiep-dan.md",
        "+++\ntitle = \"Lịch tiếp dân\"\n+++\nThứ Năm hằng tuần.\n",
    );
    server.until("/thong-bao/lich-tiep-dan/", "appears", |s, b| {
        s == 200 && b.contains("Thứ Năm")
    });
    std::fs::rename(
        site.root().join("content/tin-tuc/hai.md"),
        site.root().join("content/tin-tuc/ba.md"),
    )
    .unwrap();
    server.until("/tin-tuc/ba/", "appears", |s, _| s == 200);
    server.until("/tin-tuc/hai/", "goes", |s, _| s == 404);
    let list = server.until("/tin-tuc/", "lists the rename", |_, b| {
        b.contains("/tin-tuc/ba/")
    });
    assert!(!list.contains("/tin-tuc/hai/"));
    std::fs::remove_dir_all(site.root().join("content/thong-bao")).unwrap();
    server.until("/thong-bao/lich-tiep-dan/", "goes", |s, _| s == 404);
    // Editors' temporary files are never served.
    site.write("content/tin-tuc/mot.md~", "x");
    site.write("content/tin-tuc/.mot.md.swp", "x");
    site.write("content/tin-tuc/anh.png", "png");
    server.until("/tin-tuc/anh.png", "is copied", |s, _| s == 200);
    assert_eq!(server.get("/tin-tuc/mot.md~").0, 404);
    assert_eq!(server.get("/tin-tuc/.mot.md.swp").0, 404);
    assert!(server.alive());
}

#[test]
fn templates_and_stylesheets() {
    let site = news_site();
    let mut server = Server::start(&site);
    let mut events = server.events();
    events.expect("retry:");
    let theme = site.root().join("themes/cong-thong-tin");
    let css = theme.join("static/css/style.css");
    let text = std::fs::read_to_string(&css).unwrap();
    std::fs::write(&css, format!("{text}\n.moi {{ color: red }}\n")).unwrap();
    let ev = events.expect("event: css");
    assert!(ev.contains("/css/style.css"), "{ev}");
    server.until("/css/style.css", "has the rule", |_, b| b.contains(".moi"));

    let news_html = std::fs::read_to_string(theme.join("templates/news.html")).unwrap();
    let marked = news_html.replacen("{% endblock", "<p>Mẫu đã sửa</p>{% endblock", 1);
    site.write("templates/news.html", &marked);
    server.until("/tin-tuc/mot/", "uses the new template", |_, b| {
        b.contains("Mẫu đã sửa")
    });
    // A broken template: error in the stream with the template's file; then fixed.
    site.write(
        "templates/news.html",
        "{% extends \"base.html\" %}{% block main %}{{ page.title {% endblock %}",
    );
    let err = events.expect("event: errors");
    assert!(err.contains("templates/news.html"), "{err}");
    site.write("templates/news.html", &news_html);
    events.expect("event: ok");
    server.until("/tin-tuc/mot/", "drops the marker", |_, b| {
        !b.contains("Mẫu đã sửa")
    });
    assert!(server.alive());
}

#[test]
fn the_server_answers_bad_requests_and_keeps_running() {
    let site = news_site();
    site.write(
        "static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    let mut server = Server::start(&site);
    for path in [
        "/../site.toml",
        "/%2e%2e/site.toml",
        "/%2E%2E%2fsite.toml",
        "/tin-tuc/..%2f..%2fsite.toml",
        "/a%00b",
        "/%zz",
        "/..\\site.toml",
    ] {
        let (status, _, body) = server.get(path);
        assert_eq!(status, 400, "{path}");
        assert!(!body.contains("base_url"), "{path}");
    }
    for junk in [
        &b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"[..],
        b"GET\r\n\r\n",
        b"BREW /pot HTTP/1.1\r\n\r\n",
    ] {
        let (status, _, _) = server.raw(junk);
        assert!(status == 400 || status == 405, "{junk:?}: {status}");
    }
    // A head the client stops sending half-way (it closes its side) is no request: hyper
    // closes the connection at once, without an answer (0 here), and never hangs on it.
    let started = Instant::now();
    let (status, _, _) = server.raw(b"GET / HTTP/1.1\r\n");
    assert!(status == 0 || status == 400, "{status}");
    assert!(started.elapsed() < Duration::from_secs(5));
    let huge = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(100_000));
    assert_eq!(server.raw(huge.as_bytes()).0, 431);

    let (status, head, body) = server.get("/khong-co/");
    assert_eq!(status, 404);
    assert!(head.contains("text/html; charset=utf-8") && body.contains("404"));
    assert_eq!(server.get("/tin-tuc").0, 301);
    for (path, ctype) in [
        ("/logo.svg", "image/svg+xml"),
        ("/data/tasks.ics", "text/calendar; charset=utf-8"),
        ("/data/procedures.csv", "text/csv; charset=utf-8"),
        ("/data/plans.json", "application/json; charset=utf-8"),
        ("/rss.xml", "application/xml; charset=utf-8"),
    ] {
        let (status, head, _) = server.get(path);
        assert_eq!(status, 200, "{path}");
        assert!(
            head.contains(&format!("Content-Type: {ctype}")),
            "{path}: {head}"
        );
    }
    let (status, head, body) = server.raw(b"HEAD /tin-tuc/ HTTP/1.1\r\n\r\n");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Length: ") && body.is_empty());
    // Only the injected script in served HTML: JSON and feeds are as built.
    assert!(!server.get("/rss.xml").2.contains("congbo-serve"));
    assert!(server.alive());
    assert_eq!(server.get("/tin-tuc/").0, 200);
}

#[test]
fn build_output_never_has_the_reload_script() {
    let site = news_site();
    site.build_ok();
    for f in site.files() {
        if f.ends_with(".html") {
            assert!(!site.read(&f).contains("congbo-serve"), "{f}");
        }
    }
}

#[test]
fn a_folder_without_site_toml_is_refused_as_build_refuses_it() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = common::serve::refused_start(
        &["--port", "0"],
        dir.path(),
        "congbo serve kept running in a folder without site.toml",
    );
    assert!(
        stderr.starts_with("site.toml: error: could not read site.toml"),
        "{stderr}"
    );
}
