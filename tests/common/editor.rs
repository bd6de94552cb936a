//! The browser editor (`serve --edit`) seen from outside: accounts made with the real
//! `congbo user add`, a login through the login form; forms fetched with their token, the
//! hash they were opened at and their cookie; files of the site folder, and all of them at
//! once, to prove a refused change wrote nothing.

use std::io::Write;
use std::process::{Command, Stdio};

use super::serve::Server;
use super::{TestSite, news};

/// A password long enough for `congbo user`.
pub const PASSWORD: &str = "mật khẩu thử nghiệm";

/// Runs `congbo user ARGS --root SITE` with `stdin` as its input: (exit code, stdout, stderr).
pub fn user(site: &TestSite, args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_congbo"))
        .arg("user")
        .args(args)
        .arg("--root")
        .arg(site.root())
        .env("CONGBO_LANG", "en")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Adds the account `name` with `role` and [`PASSWORD`].
pub fn add_user(site: &TestSite, name: &str, role: &str) {
    let (code, out, err) = user(
        site,
        &["add", name, "--role", role],
        &format!("{PASSWORD}\n"),
    );
    assert_eq!(code, 0, "{out}{err}");
}

/// The value of the hidden or text field `name` in a page.
pub fn attr(html: &str, name: &str) -> String {
    let needle = format!("name=\"{name}\" value=\"");
    let at = html
        .find(&needle)
        .unwrap_or_else(|| panic!("no {name} in the page:\n{html}"));
    let rest = &html[at + needle.len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// The `name=value` of a `Set-Cookie` header named `name`, with the header's whole line.
pub fn set_cookie<'h>(head: &'h str, name: &str) -> Option<(String, &'h str)> {
    head.lines()
        .filter_map(|l| l.strip_prefix("Set-Cookie: "))
        .find(|l| l.starts_with(&format!("{name}=")))
        .map(|l| (l.split(';').next().unwrap().to_string(), l))
}

/// The value of the `Location` header.
pub fn location(head: &str) -> String {
    head.lines()
        .find_map(|l| l.strip_prefix("Location: "))
        .unwrap_or_default()
        .to_string()
}

/// Posts the login form as `name` with `password`: (status, head, body, the cookies to send
/// afterwards).
pub fn try_login(server: &Server, name: &str, password: &str) -> (u16, String, String, String) {
    let (status, head, page) = server.get("/_soan-thao/dang-nhap");
    assert_eq!(status, 200, "{page}");
    let (token, _) = set_cookie(&head, "congbo_soan_thao").expect("the login page's cookie");
    let csrf = attr(&page, "csrf");
    let (status, head, body) = server.post(
        "/_soan-thao/dang-nhap",
        &[
            ("csrf", &csrf),
            ("tiep", "/_soan-thao/"),
            ("ten", name),
            ("mat-khau", password),
        ],
        Some(&token),
    );
    let cookies = match set_cookie(&head, "congbo_phien") {
        Some((session, _)) => format!("{token}; {session}"),
        None => token,
    };
    (status, head, body, cookies)
}

/// A logged-in client.
pub struct Client<'s> {
    pub server: &'s Server,
    pub cookies: String,
}

impl<'s> Client<'s> {
    /// Logs in as `name` (with [`PASSWORD`]), which must work.
    pub fn login(server: &'s Server, name: &str) -> Client<'s> {
        let (status, head, body, cookies) = try_login(server, name, PASSWORD);
        assert_eq!(status, 303, "{head}\n{body}");
        assert!(cookies.contains("congbo_phien="), "{head}");
        Client { server, cookies }
    }

    pub fn get(&self, path: &str) -> (u16, String, String) {
        self.server.raw(
            format!(
                "GET {path} HTTP/1.1\r\nHost: localhost\r\nCookie: {}\r\n\r\n",
                self.cookies
            )
            .as_bytes(),
        )
    }

    pub fn post(&self, path: &str, fields: &[(&str, &str)]) -> (u16, String, String) {
        self.server.post(path, fields, Some(&self.cookies))
    }

    /// Opens the edit form of `rel` (under content/): its `csrf` and `goc`, and the page.
    pub fn open(&self, rel: &str) -> (String, String, String) {
        let (status, _, html) = self.get(&format!("/_soan-thao/sua/{rel}"));
        assert_eq!(status, 200, "{html}");
        (attr(&html, "csrf"), attr(&html, "goc"), html)
    }
}

/// A form as fetched: its token, the hash it was opened at, and the cookie to send back.
pub struct Opened {
    pub csrf: String,
    pub goc: String,
    pub cookie: String,
    pub html: String,
}

pub fn open(server: &Server, path: &str) -> Opened {
    let (status, head, html) = server.get(path);
    assert_eq!(status, 200, "{path}: {html}");
    let cookie = head
        .lines()
        .find_map(|l| l.strip_prefix("Set-Cookie: "))
        .expect("the editor sets its cookie")
        .split(';')
        .next()
        .unwrap()
        .to_string();
    assert!(head.contains("HttpOnly; SameSite=Strict"), "{head}");
    Opened {
        csrf: attr(&html, "csrf"),
        goc: if html.contains("name=\"goc\"") {
            attr(&html, "goc")
        } else {
            String::new()
        },
        cookie,
        html,
    }
}

/// A file of the site folder (not of its output).
pub fn source(site: &TestSite, rel: &str) -> String {
    std::fs::read_to_string(site.root().join(rel)).unwrap()
}

/// Every file of the site folder and its bytes.
pub fn snapshot(site: &TestSite) -> Vec<(String, Vec<u8>)> {
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

/// Posts a multipart form: text fields, then the file `tep` named `name`.
pub fn send(
    server: &Server,
    path: &str,
    fields: &[(&str, &str)],
    file: Option<(&str, &[u8])>,
    cookie: &str,
) -> (u16, String, String) {
    let boundary = "----congbo-thu-7d3f";
    let mut body: Vec<u8> = Vec::new();
    for (k, v) in fields {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    if let Some((name, bytes)) = file {
        body.extend(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"{name}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend(bytes);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{boundary}--\r\n").as_bytes());
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: localhost\r\nCookie: {cookie}\r\n\
         Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend(body);
    server.raw(&request)
}

/// A site with a news section and two news items.
pub fn news_site() -> TestSite {
    let site = TestSite::new();
    site.write(
        "content/tin-tuc/_index.md",
        "+++\ntitle = \"Tin tức\"\n+++\n",
    );
    site.write(
        "content/tin-tuc/mot.md",
        &news("Tin một", "2026-01-10", &["Một cửa"]),
    );
    site.write(
        "content/tin-tuc/hai.md",
        &news("Tin hai", "2026-01-12", &["Một cửa"]),
    );
    site
}
