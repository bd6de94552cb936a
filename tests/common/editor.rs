//! The editor's forms as a test sees them (`serve --edit`): a form fetched with its token,
//! the hash it was opened at and its cookie; files of the site folder, and all of them at
//! once, to prove a refused change wrote nothing.

use super::serve::Server;
use super::{TestSite, news};

/// A form as fetched: its token, the hash it was opened at, and the cookie to send back.
pub struct Opened {
    pub csrf: String,
    pub goc: String,
    pub cookie: String,
    pub html: String,
}

pub fn attr(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("no {name} in the form:\n{html}"));
    let rest = &html[at + name.len() + 15..];
    rest[..rest.find('"').unwrap()].to_string()
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
