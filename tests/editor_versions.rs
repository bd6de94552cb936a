//! Nothing lost in `congbo serve --edit`, over HTTP against the real binary: earlier
//! versions listed, shown and restored (a restore is a save: conflict-safe, logged, the
//! current text kept); delete moves a page to the trash and back, never over a page made
//! since; two people saving the same page see both texts.

mod common;
use common::editor::*;
use common::serve::Server;
use common::*;

fn news_site() -> TestSite {
    let site = TestSite::new();
    site.write(
        "content/tin-tuc/_index.md",
        "+++\ntitle = \"Tin tức\"\n+++\n",
    );
    site.write(
        "content/tin-tuc/mot.md",
        &format!("{}Bản đầu tiên.\n", news("Tin một", "2026-01-10", &[])),
    );
    site
}

fn source(site: &TestSite, rel: &str) -> String {
    std::fs::read_to_string(site.root().join(rel)).unwrap_or_default()
}

/// Saves `body` as the page's text through the form; the answer's status.
fn save(c: &Client, body: &str) -> u16 {
    let (csrf, goc, _) = c.open("tin-tuc/mot.md");
    c.post(
        "/_soan-thao/sua/tin-tuc/mot.md",
        &[
            ("csrf", &csrf),
            ("goc", &goc),
            ("title", "Tin một"),
            ("date", "10/01/2026"),
            ("body", body),
            ("xuat-ban", "1"),
        ],
    )
    .0
}

/// The links to the versions on the history page, newest first.
fn version_links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|h| h.contains("?ban="))
        .map(|h| h.replace("&amp;", "&"))
        .collect()
}

fn versions_are_listed_shown_and_restored(git: bool) {
    let site = news_site();
    if git {
        let ok = std::process::Command::new("git")
            .arg("-C")
            .arg(site.root())
            .args(["init", "-q"])
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("SKIPPED: git is not installed");
            return;
        }
    }
    add_user(&site, "lan", "publisher");
    let server = Server::start_with(&site, &["--edit"]);
    let lan = Client::login(&server, "lan");
    assert_eq!(save(&lan, "Bản thứ hai."), 303);
    assert_eq!(save(&lan, "Bản thứ ba."), 303);
    let (_, _, form) = lan.open("tin-tuc/mot.md");
    assert!(
        form.contains("href=\"/_soan-thao/lich-su/tin-tuc/mot.md\""),
        "no link to the versions"
    );
    let (status, _, list) = lan.get("/_soan-thao/lich-su/tin-tuc/mot.md");
    assert_eq!(status, 200, "{list}");
    let links = version_links(&list);
    // Kept copies: the two texts before each save; commits: the first text (never
    // committed, so kept by a commit of its own before the first save) and the two saves.
    assert_eq!(links.len(), if git { 3 } else { 2 }, "{list}");
    if git {
        assert!(list.contains("<td>lan</td>"), "{list}");
    }
    let wanted = "Bản đầu tiên.";
    let full = |page: &str| page[page.find("Toàn văn").unwrap()..].to_string();
    let (status, _, shown) = lan.get(&links[links.len() - 1]);
    assert_eq!(status, 200, "{shown}");
    assert!(full(&shown).contains(wanted), "{shown}");
    assert!(
        shown.contains("<ins>+ ") && shown.contains("<del>− "),
        "no diff: {shown}"
    );
    let csrf = attr(&shown, "csrf");
    let goc = attr(&shown, "goc");
    let ban = attr(&shown, "ban");

    // A stale page (the file changed since) restores nothing.
    site.write(
        "content/tin-tuc/mot.md",
        &format!("{}Sửa ở nơi khác.\n", news("Tin một", "2026-01-10", &[])),
    );
    let fields = [
        ("csrf", csrf.as_str()),
        ("goc", goc.as_str()),
        ("ban", ban.as_str()),
        ("khoi-phuc", "1"),
    ];
    let (status, _, _) = lan.post("/_soan-thao/lich-su/tin-tuc/mot.md", &fields);
    assert_eq!(status, 409);
    assert!(source(&site, "content/tin-tuc/mot.md").contains("Sửa ở nơi khác."));
    // Opened again, it restores; the text it replaced is kept as a version.
    let (_, _, shown) = lan.get(&links[links.len() - 1]);
    let goc = attr(&shown, "goc");
    let fields = [
        ("csrf", csrf.as_str()),
        ("goc", goc.as_str()),
        ("ban", ban.as_str()),
        ("khoi-phuc", "1"),
    ];
    let (status, head, body) = lan.post("/_soan-thao/lich-su/tin-tuc/mot.md", &fields);
    assert_eq!(status, 303, "{body}");
    assert_eq!(location(&head), "/_soan-thao/sua/tin-tuc/mot.md?da-luu=1");
    assert!(source(&site, "content/tin-tuc/mot.md").contains(wanted));
    server.until("/tin-tuc/mot/", "shows the restored text", |_, b| {
        b.contains(wanted)
    });
    let (_, _, list) = lan.get("/_soan-thao/lich-su/tin-tuc/mot.md");
    let after = version_links(&list);
    // The text it replaced is a version now (and in git, so is the restore).
    assert_eq!(after.len(), links.len() + if git { 2 } else { 1 }, "{list}");
    let kept = after
        .iter()
        .take(2)
        .any(|l| full(&lan.get(l).2).contains("Sửa ở nơi khác."));
    assert!(kept, "the replaced text is no version: {list}");
    let log = source(&site, ".congbo/audit.log");
    assert!(
        log.contains("\tlan\trestore\tcontent/tin-tuc/mot.md"),
        "{log}"
    );
    // An id that is no version: nothing.
    assert_eq!(
        lan.get("/_soan-thao/lich-su/tin-tuc/mot.md?ban=..%2F..%2Fusers")
            .0,
        404
    );
}

#[test]
fn versions_kept_in_the_history_folder_are_listed_shown_and_restored() {
    versions_are_listed_shown_and_restored(false);
}

#[test]
fn versions_kept_as_git_commits_are_listed_shown_and_restored() {
    versions_are_listed_shown_and_restored(true);
}

#[test]
fn a_deleted_page_goes_to_the_trash_and_comes_back_unless_replaced() {
    let site = news_site();
    site.write(
        "content/tin-tuc/anh/index.md",
        &news("Tin có ảnh", "2026-01-11", &[]),
    );
    site.write("content/tin-tuc/anh/ghi-chu.txt", "tệp đi kèm");
    add_user(&site, "lan", "publisher");
    let server = Server::start_with(&site, &["--edit"]);
    let lan = Client::login(&server, "lan");
    server.until("/tin-tuc/mot/", "is served", |s, _| s == 200);
    let (csrf, _, form) = lan.open("tin-tuc/mot.md");
    assert!(
        form.contains("action=\"/_soan-thao/xoa/tin-tuc/mot.md\""),
        "{form}"
    );
    let (status, head, _) = lan.post("/_soan-thao/xoa/tin-tuc/mot.md", &[("csrf", &csrf)]);
    assert_eq!(status, 303);
    assert_eq!(location(&head), "/_soan-thao/thung-rac");
    assert!(!site.root().join("content/tin-tuc/mot.md").exists());
    assert!(source(&site, ".congbo/trash/tin-tuc/mot.md").contains("Bản đầu tiên."));
    server.until("/tin-tuc/mot/", "is gone", |s, _| s == 404);
    // A bundle goes whole.
    let (status, _, _) = lan.post("/_soan-thao/xoa/tin-tuc/anh/index.md", &[("csrf", &csrf)]);
    assert_eq!(status, 303);
    assert!(!site.root().join("content/tin-tuc/anh").exists());
    assert_eq!(
        source(&site, ".congbo/trash/tin-tuc/anh/ghi-chu.txt"),
        "tệp đi kèm"
    );

    let (status, _, trash) = lan.get("/_soan-thao/thung-rac");
    assert_eq!(status, 200);
    assert_has(
        &trash,
        &[
            "Tin một",
            "Tin có ảnh",
            "content/tin-tuc/mot.md",
            "action=\"/_soan-thao/thung-rac/tin-tuc/anh/index.md\"",
        ],
    );
    assert!(!trash.contains("ghi-chu"), "{trash}");

    // A page made at the same path since: the trash does not overwrite it.
    let since = format!(
        "{}Trang mới cùng tên.\n",
        news("Tin một mới", "2026-02-01", &[])
    );
    site.write("content/tin-tuc/mot.md", &since);
    let (status, _, _) = lan.post("/_soan-thao/thung-rac/tin-tuc/mot.md", &[("csrf", &csrf)]);
    assert_eq!(status, 409);
    assert_eq!(source(&site, "content/tin-tuc/mot.md"), since);
    assert!(site.root().join(".congbo/trash/tin-tuc/mot.md").exists());
    std::fs::remove_file(site.root().join("content/tin-tuc/mot.md")).unwrap();
    let (status, head, _) = lan.post("/_soan-thao/thung-rac/tin-tuc/mot.md", &[("csrf", &csrf)]);
    assert_eq!(status, 303);
    assert_eq!(location(&head), "/_soan-thao/sua/tin-tuc/mot.md?da-luu=1");
    assert!(source(&site, "content/tin-tuc/mot.md").contains("Bản đầu tiên."));
    let (status, _, _) = lan.post(
        "/_soan-thao/thung-rac/tin-tuc/anh/index.md",
        &[("csrf", &csrf)],
    );
    assert_eq!(status, 303);
    assert_eq!(
        source(&site, "content/tin-tuc/anh/ghi-chu.txt"),
        "tệp đi kèm"
    );
    server.until("/tin-tuc/mot/", "is back", |s, b| {
        s == 200 && b.contains("Bản đầu tiên.")
    });
    let log = source(&site, ".congbo/audit.log");
    assert!(
        log.contains("\tlan\tdelete\tcontent/tin-tuc/mot.md"),
        "{log}"
    );
    assert!(
        log.contains("\tlan\trestore-from-trash\tcontent/tin-tuc/anh"),
        "{log}"
    );
    // Deleted twice: the older copy is set aside, not lost.
    let (csrf, _, _) = lan.open("tin-tuc/mot.md");
    assert_eq!(
        lan.post("/_soan-thao/xoa/tin-tuc/mot.md", &[("csrf", &csrf)])
            .0,
        303
    );
    site.write("content/tin-tuc/mot.md", &since);
    let (csrf, _, _) = lan.open("tin-tuc/mot.md");
    assert_eq!(
        lan.post("/_soan-thao/xoa/tin-tuc/mot.md", &[("csrf", &csrf)])
            .0,
        303
    );
    assert_eq!(source(&site, ".congbo/trash/tin-tuc/mot.md"), since);
    let aside: Vec<_> = walkdir::WalkDir::new(site.root().join(".congbo/trash/.cu"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "mot.md")
        .collect();
    assert_eq!(aside.len(), 1);
    assert!(
        std::fs::read_to_string(aside[0].path())
            .unwrap()
            .contains("Bản đầu tiên.")
    );
}

#[test]
fn two_people_saving_the_same_page_see_both_texts_and_lose_neither() {
    let site = news_site();
    add_user(&site, "lan", "publisher");
    add_user(&site, "hoa", "publisher");
    let server = Server::start_with(&site, &["--edit"]);
    let lan = Client::login(&server, "lan");
    let hoa = Client::login(&server, "hoa");
    let (lan_csrf, lan_goc, _) = lan.open("tin-tuc/mot.md");
    let (hoa_csrf, hoa_goc, _) = hoa.open("tin-tuc/mot.md");
    let fields = |csrf: &'static str, goc: &'static str, body: &'static str| {
        [
            ("csrf", csrf),
            ("goc", goc),
            ("title", "Tin một"),
            ("date", "10/01/2026"),
            ("body", body),
            ("luu", "1"),
        ]
    };
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let (status, _, _) = lan.post(
        "/_soan-thao/sua/tin-tuc/mot.md",
        &fields(
            leak(lan_csrf),
            leak(lan_goc),
            "Dòng chung.\nĐoạn của Lan.\n",
        ),
    );
    assert_eq!(status, 303);
    let (status, _, html) = hoa.post(
        "/_soan-thao/sua/tin-tuc/mot.md",
        &fields(
            leak(hoa_csrf.clone()),
            leak(hoa_goc),
            "Dòng chung.\nĐoạn của Hoa.\n",
        ),
    );
    assert_eq!(status, 409, "{html}");
    // Lan's text on disk, untouched; both texts on the page, and the lines that differ.
    assert!(source(&site, "content/tin-tuc/mot.md").contains("Đoạn của Lan."));
    assert_has(
        &html,
        &[
            "readonly>",
            "Đoạn của Lan.",
            ">Dòng chung.\nĐoạn của Hoa.\n</textarea>",
            "<del>− Đoạn của Lan.</del>",
            "<ins>+ Đoạn của Hoa.</ins>",
            "href=\"/_soan-thao/sua/tin-tuc/mot.md\"",
        ],
    );
    // Hoa copies Lan's paragraph into hers and saves: both are kept.
    let goc = attr(&html, "goc");
    let (status, _, _) = hoa.post(
        "/_soan-thao/sua/tin-tuc/mot.md",
        &fields(
            leak(hoa_csrf),
            leak(goc),
            "Dòng chung.\nĐoạn của Lan.\nĐoạn của Hoa.\n",
        ),
    );
    assert_eq!(status, 303);
    let text = source(&site, "content/tin-tuc/mot.md");
    assert!(text.contains("Đoạn của Lan.\nĐoạn của Hoa."), "{text}");
}
