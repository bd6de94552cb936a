//! Accounts, login and roles of `congbo serve --edit`, over HTTP against the real binary:
//! `congbo user` keeps argon2id hashes in `.congbo/users.toml`; with accounts every editor
//! route needs a session; wrong passwords are braked; an editor saves drafts only; a POST
//! without the session's token is refused; users.toml is never served nor built.

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
        &news("Tin một", "2026-01-10", &["Một cửa"]),
    );
    site
}

/// Every file of the site folder and its bytes.
fn files(site: &TestSite) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(site.root())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    all.sort();
    all
}

#[test]
fn the_user_command_adds_lists_changes_and_removes_accounts() {
    let site = news_site();
    add_user(&site, "lan", "publisher");
    add_user(&site, "minh", "editor");
    let text = std::fs::read_to_string(site.root().join(".congbo/users.toml")).unwrap();
    assert!(text.contains("$argon2id$"), "{text}");
    assert!(!text.contains(PASSWORD), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(site.root().join(".congbo/users.toml"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let (code, out, _) = user(&site, &["list"], "");
    assert_eq!(code, 0);
    assert_eq!(out, "lan\tpublisher\nminh\teditor\n");
    // A name taken, a short password, a name that is no name: refused, nothing changed.
    let before = std::fs::read(site.root().join(".congbo/users.toml")).unwrap();
    let (code, _, err) = user(&site, &["add", "lan"], &format!("{PASSWORD}\n"));
    assert_eq!(code, 1);
    assert!(err.contains("already an account \"lan\""), "{err}");
    let (code, _, err) = user(&site, &["add", "hoa"], "ngan\n");
    assert_eq!(code, 1);
    assert!(err.contains("too short"), "{err}");
    let (code, _, _) = user(&site, &["add", "../x"], &format!("{PASSWORD}\n"));
    assert_eq!(code, 1);
    assert_eq!(
        std::fs::read(site.root().join(".congbo/users.toml")).unwrap(),
        before
    );

    let (code, _, err) = user(&site, &["passwd", "minh"], "mật khẩu mới đủ dài\n");
    assert_eq!(code, 0, "{err}");
    let (code, _, _) = user(&site, &["remove", "lan"], "");
    assert_eq!(code, 0);
    let (code, _, err) = user(&site, &["remove", "lan"], "");
    assert_eq!(code, 1);
    assert!(err.contains("no account \"lan\""), "{err}");
    let (_, out, _) = user(&site, &["list"], "");
    assert_eq!(out, "minh\teditor\n");

    let server = Server::start_with(&site, &["--edit"]);
    assert_eq!(try_login(&server, "minh", PASSWORD).0, 401);
    assert_eq!(try_login(&server, "minh", "mật khẩu mới đủ dài").0, 303);
}

#[test]
fn with_accounts_every_editor_route_needs_a_session() {
    let site = news_site();
    add_user(&site, "lan", "publisher");
    // On an address other computers reach, it starts once accounts exist.
    let server = Server::start_with(&site, &["--edit", "--bind", "0.0.0.0"]);
    let before = files(&site);
    for path in [
        "/_soan-thao/",
        "/_soan-thao/moi/tin-tuc",
        "/_soan-thao/sua/tin-tuc/mot.md",
        "/_soan-thao/lich-su/tin-tuc/mot.md",
        "/_soan-thao/thung-rac",
    ] {
        let (status, head, _) = server.get(path);
        assert_eq!(status, 303, "{path}");
        assert!(
            location(&head).starts_with("/_soan-thao/dang-nhap?tiep=/_soan-thao/"),
            "{path}: {head}"
        );
    }
    // The process's token (which the login page hands out) is no session.
    let (_, head, page) = server.get("/_soan-thao/dang-nhap");
    let (token, _) = set_cookie(&head, "congbo_soan_thao").unwrap();
    let csrf = attr(&page, "csrf");
    let fields = [
        ("csrf", csrf.as_str()),
        ("title", "Chiếm quyền"),
        ("date", "10/01/2026"),
        ("body", "x"),
        ("xuat-ban", "1"),
    ];
    for path in [
        "/_soan-thao/moi/tin-tuc",
        "/_soan-thao/sua/tin-tuc/mot.md",
        "/_soan-thao/lich-su/tin-tuc/mot.md",
        "/_soan-thao/xoa/tin-tuc/mot.md",
        "/_soan-thao/thung-rac/tin-tuc/mot.md",
        "/_soan-thao/dang-xuat",
    ] {
        for cookie in [None, Some(token.as_str()), Some("congbo_phien=0123")] {
            let (status, _, _) = server.post(path, &fields, cookie);
            assert_eq!(status, 403, "{path} {cookie:?}");
        }
    }
    assert_eq!(files(&site), before, "a refused request wrote something");
    // The stylesheet is no secret: the login page needs it.
    assert_eq!(server.get("/_soan-thao/editor.css").0, 200);
    let (status, _, html) = Client::login(&server, "lan").get("/_soan-thao/");
    assert_eq!(status, 200);
    assert_has(&html, &["Tin một", "Đăng xuất", "lan"]);
}

#[test]
fn the_session_cookie_is_http_only_strict_and_ends_at_logout() {
    let site = news_site();
    add_user(&site, "lan", "publisher");
    let server = Server::start_with(&site, &["--edit"]);
    let (status, head, _, cookies) = try_login(&server, "lan", PASSWORD);
    assert_eq!(status, 303);
    assert_eq!(location(&head), "/_soan-thao/");
    let (session, line) = set_cookie(&head, "congbo_phien").unwrap();
    assert_eq!(session.len(), "congbo_phien=".len() + 64, "{line}");
    for flag in [
        "Path=/_soan-thao/",
        "HttpOnly",
        "SameSite=Strict",
        "Max-Age=",
    ] {
        assert!(line.contains(flag), "{line}");
    }
    let client = Client {
        server: &server,
        cookies,
    };
    let (status, _, page) = client.get("/_soan-thao/");
    assert_eq!(status, 200);
    let csrf = attr(&page, "csrf");
    // Logout needs the session's token too.
    assert_eq!(
        client.post("/_soan-thao/dang-xuat", &[("csrf", "x")]).0,
        403
    );
    let (status, head, _) = client.post("/_soan-thao/dang-xuat", &[("csrf", &csrf)]);
    assert_eq!(status, 303);
    assert!(
        head.contains("congbo_phien=;") && head.contains("Max-Age=0"),
        "{head}"
    );
    assert_eq!(client.get("/_soan-thao/").0, 303);
    let log = std::fs::read_to_string(site.root().join(".congbo/audit.log")).unwrap();
    let what: Vec<&str> = log.lines().map(|l| &l[l.find('\t').unwrap()..]).collect();
    assert_eq!(
        what,
        [
            "\tlan\tlogin\tfrom 127.0.0.1",
            "\tlan\tlogout\tfrom 127.0.0.1"
        ],
        "{log}"
    );
}

#[test]
fn wrong_passwords_make_the_next_tries_wait() {
    let site = news_site();
    add_user(&site, "lan", "publisher");
    let server = Server::start_with(&site, &["--edit"]);
    for _ in 0..5 {
        let (status, _, body, cookies) = try_login(&server, "lan", "không phải mật khẩu");
        assert_eq!(status, 401, "{body}");
        assert!(body.contains("role=\"alert\""));
        assert!(!cookies.contains("congbo_phien"));
    }
    // The right password now waits too, and so does another name from the same address.
    let (status, head, body, cookies) = try_login(&server, "lan", PASSWORD);
    assert_eq!(status, 429, "{body}");
    assert!(head.contains("Retry-After: 30"), "{head}");
    assert!(!cookies.contains("congbo_phien"));
    assert_eq!(try_login(&server, "ai-do", PASSWORD).0, 429);
    // Each try is in the audit log: who, when, from where; never a password.
    let log = std::fs::read_to_string(site.root().join(".congbo/audit.log")).unwrap();
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 7, "{log}");
    let fields: Vec<&str> = lines[0].split('\t').collect();
    assert!(fields[0].ends_with('Z') && fields[0].contains('T'), "{log}");
    assert_eq!(
        fields[1..],
        ["lan", "login-failed", "from 127.0.0.1"],
        "{log}"
    );
    assert!(
        lines[5].ends_with("\tlan\tlogin-waited\tfrom 127.0.0.1"),
        "{log}"
    );
    assert!(lines[6].contains("\tai-do\tlogin-waited\t"), "{log}");
    assert!(
        !log.contains("mật khẩu") && !log.contains(PASSWORD),
        "{log}"
    );
    // An unknown name is told apart from a wrong password by nothing.
    let other = news_site();
    add_user(&other, "lan", "publisher");
    let server = Server::start_with(&other, &["--edit"]);
    let (_, _, unknown, _) = try_login(&server, "khong-co", PASSWORD);
    let (_, _, wrong, _) = try_login(&server, "lan", "sai mật khẩu rồi");
    let alert = |b: &str| {
        b[b.find("role=\"alert\"").unwrap()..]
            .split("</p>")
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(alert(&unknown), alert(&wrong));
}

#[test]
fn an_editor_saves_drafts_only_and_may_not_publish_or_delete() {
    let site = news_site();
    add_user(&site, "minh", "editor");
    let server = Server::start_with(&site, &["--edit"]);
    let minh = Client::login(&server, "minh");
    let (csrf, goc, page) = minh.open("tin-tuc/mot.md");
    assert!(
        !page.contains("/_soan-thao/xoa/"),
        "an editor is offered delete"
    );
    // Nor publish: the form offers only "Lưu", on an edit form and a new one.
    assert!(
        !page.contains("name=\"xuat-ban\""),
        "an editor is offered publish"
    );
    assert!(page.contains("name=\"luu\""), "{page}");
    // A new page starts as a draft for an editor, so that "Lưu" just works.
    let (_, _, new) = minh.get("/_soan-thao/moi/tin-tuc");
    let draft = &new[new.find("id=\"f-draft\"").expect("a draft box")..];
    assert!(
        draft[..draft.find('>').unwrap()].contains(" checked"),
        "{new}"
    );
    assert!(!new.contains("name=\"xuat-ban\""), "{new}");
    let before = files(&site);
    let typed = |extra: &[(&'static str, &'static str)]| {
        let mut f = vec![
            ("csrf", csrf.clone()),
            ("goc", goc.clone()),
            ("title", "Tin một".to_string()),
            ("date", "10/01/2026".to_string()),
            ("body", "Bản của biên tập viên.".to_string()),
        ];
        f.extend(extra.iter().map(|(k, v)| (*k, v.to_string())));
        f
    };
    let send = |f: &Vec<(&str, String)>, path: &str| {
        let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        minh.post(path, &f)
    };
    for extra in [
        &[("xuat-ban", "1")][..],
        &[("luu", "1")][..],
        &[("draft", "true"), ("xuat-ban", "1")][..],
    ] {
        let (status, _, html) = send(&typed(extra), "/_soan-thao/sua/tin-tuc/mot.md");
        assert_eq!(status, 403, "{extra:?}");
        assert_has(
            &html,
            &["may save drafts only", ">Bản của biên tập viên.</textarea>"],
        );
    }
    let (status, _, _) = send(&typed(&[]), "/_soan-thao/xoa/tin-tuc/mot.md");
    assert_eq!(status, 403);
    assert_eq!(files(&site), before, "a refused change wrote something");

    let (status, _, html) = send(
        &typed(&[("draft", "true"), ("luu", "1")]),
        "/_soan-thao/sua/tin-tuc/mot.md",
    );
    assert_eq!(status, 303, "{html}");
    let text = std::fs::read_to_string(site.root().join("content/tin-tuc/mot.md")).unwrap();
    assert!(
        text.contains("draft = true") && text.contains("Bản của biên tập viên."),
        "{text}"
    );
    let log = std::fs::read_to_string(site.root().join(".congbo/audit.log")).unwrap();
    assert!(
        log.contains("\tminh\tsave\tcontent/tin-tuc/mot.md"),
        "{log}"
    );
}

#[test]
fn a_post_without_the_sessions_token_is_refused() {
    let site = news_site();
    add_user(&site, "lan", "publisher");
    let server = Server::start_with(&site, &["--edit"]);
    let lan = Client::login(&server, "lan");
    let (csrf, goc, _) = lan.open("tin-tuc/mot.md");
    // (A login is logged in .congbo/audit.log: the second one comes before the snapshot.)
    let other = Client::login(&server, "lan");
    let (other_csrf, _, _) = other.open("tin-tuc/mot.md");
    let before = files(&site);
    assert_ne!(csrf, other_csrf, "two sessions share a token");
    for token in ["", "0123", other_csrf.as_str()] {
        let (status, _, _) = lan.post(
            "/_soan-thao/sua/tin-tuc/mot.md",
            &[
                ("csrf", token),
                ("goc", &goc),
                ("title", "X"),
                ("date", "10/01/2026"),
                ("xuat-ban", "1"),
            ],
        );
        assert_eq!(status, 403, "{token}");
    }
    assert_eq!(
        lan.post("/_soan-thao/xoa/tin-tuc/mot.md", &[("goc", &goc)])
            .0,
        403
    );
    assert_eq!(files(&site), before);
}

#[test]
fn users_toml_is_never_served_nor_built() {
    let site = news_site();
    add_user(&site, "lan", "publisher");
    let server = Server::start_with(&site, &["--edit"]);
    for path in [
        "/.congbo/users.toml",
        "/.congbo/",
        "/%2econgbo/users.toml",
        "/_soan-thao/../.congbo/users.toml",
        "/_soan-thao/sua/..%2f.congbo%2fusers.toml",
        "/_soan-thao/lich-su/..%2f..%2f.congbo/users.toml",
    ] {
        let (status, _, body) = Client::login(&server, "lan").get(path);
        assert!(matches!(status, 400 | 404), "{path}: {status}");
        assert!(!body.contains("argon2"), "{path}");
    }
    site.build_ok();
    for f in site.files() {
        assert!(
            !f.contains("users.toml") && !f.contains(".congbo/"),
            "{f} in the output"
        );
        let bytes = std::fs::read(site.out().join(&f)).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains("$argon2id$"),
            "{f}"
        );
    }
}

#[test]
fn a_broken_users_toml_stops_serve_edit_at_its_line() {
    let site = news_site();
    site.write(
        ".congbo/users.toml",
        "[[user]]\nname = \"lan\"\nrole = \"admin\"\nhash = \"x\"\n",
    );
    let err = common::serve::refused_start(
        &["--edit", "--port", "0"],
        site.root(),
        "serve --edit started with a broken users.toml",
    );
    assert!(err.contains(".congbo/users.toml:3:"), "{err}");
    assert!(err.contains("congbo user"), "{err}");
}
