//! Earlier versions of a page, shown and restored in the editor
//! (`/_soan-thao/lich-su/<file>`). They are what [`store::save_as`] kept: the file's
//! commits when the site folder is a git repository, else the copies in
//! `.congbo/history/<file>/`. A restore is a save like any other: checked with the build's
//! parser, refused if the page changed since the version was opened, logged, and the
//! current text kept as a version first.

use std::path::Path;

use super::contract::fields;
use super::front::open;
use super::session::Caller;
use super::{Editor, Form, PREFIX, Reply, html, not_found, refused, store, text_of};
use crate::text::html::escape;

/// One earlier version.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Version {
    /// The commit's hash, or the copy's name in `.congbo/history/`.
    pub(super) id: String,
    /// When it was saved, as shown.
    pub(super) when: String,
    /// Who saved it, when known.
    pub(super) who: String,
}

/// Runs git in the site folder; its output when it worked.
fn git(root: &Path, args: &[&str]) -> Option<Vec<u8>> {
    let o = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .ok()?;
    o.status.success().then_some(o.stdout)
}

/// The versions of `content/<rel>`, newest first.
pub(super) fn versions(root: &Path, rel: &str) -> Vec<Version> {
    if store::is_git(root) {
        let file = format!("content/{rel}");
        let out = git(
            root,
            &[
                "log",
                "--format=%H%x09%ad%x09%an",
                "--date=format:%d/%m/%Y %H:%M:%S",
                "--",
                &file,
            ],
        )
        .unwrap_or_default();
        return String::from_utf8_lossy(&out)
            .lines()
            .filter_map(|l| {
                let mut p = l.splitn(3, '\t');
                Some(Version {
                    id: p.next()?.to_string(),
                    when: p.next()?.to_string(),
                    who: p.next().unwrap_or_default().to_string(),
                })
            })
            .collect();
    }
    let dir = root.join(".congbo/history").join(rel);
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .filter_map(|e| {
                    e.file_name()
                        .to_str()?
                        .strip_suffix(".md")
                        .map(String::from)
                })
                .filter(|n| plain_id(n))
                .collect()
        })
        .unwrap_or_default();
    names.sort_by(|a, b| b.cmp(a));
    names
        .into_iter()
        .map(|id| Version {
            when: shown_stamp(&id),
            who: String::new(),
            id,
        })
        .collect()
}

/// The text of version `id` of `content/<rel>`; `None` for an id that is no version.
pub(super) fn text(root: &Path, rel: &str, id: &str) -> Option<String> {
    if store::is_git(root) {
        if id.len() != 40 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let bytes = git(root, &["show", &format!("{id}:content/{rel}")])?;
        return Some(text_of(&bytes));
    }
    if !plain_id(id) {
        return None;
    }
    let file = root
        .join(".congbo/history")
        .join(rel)
        .join(format!("{id}.md"));
    std::fs::read(file).ok().map(|b| text_of(&b))
}

/// A copy's name as [`store::stamp_for_name`] makes it: digits, `-`, `T`, `.`, `Z`.
fn plain_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'T' | b'.' | b'Z'))
}

/// `2026-12-07T140509.123Z` → `07/12/2026 14:05:09 UTC`.
fn shown_stamp(id: &str) -> String {
    let (Some(y), Some(m), Some(d), Some(h), Some(mi), Some(s)) = (
        id.get(0..4),
        id.get(5..7),
        id.get(8..10),
        id.get(11..13),
        id.get(13..15),
        id.get(15..17),
    ) else {
        return id.to_string();
    };
    format!("{d}/{m}/{y} {h}:{mi}:{s} UTC")
}

/// The links above an edit form: the page's versions, and (for a publisher) its delete
/// button, a form of its own since forms cannot nest.
pub(super) fn links(rel: &str, caller: &Caller) -> String {
    let rel = escape(rel);
    let mut out = format!(
        "<p class=\"cong-cu\"><a href=\"{PREFIX}lich-su/{rel}\">Các bản trước của trang này</a></p>\n"
    );
    if caller.must_publish().is_ok() {
        out.push_str(&format!(
            "<form method=\"post\" action=\"{PREFIX}xoa/{rel}\" class=\"xoa\">\n\
             <input type=\"hidden\" name=\"csrf\" value=\"{}\">\n\
             <button type=\"submit\" name=\"xoa\" value=\"1\">Chuyển trang vào thùng rác</button></form>\n",
            escape(&caller.csrf)
        ));
    }
    out
}

impl Editor {
    /// The versions of the page `rel`, or version `ban` with its restore button.
    pub fn history(&self, rel: &str, ban: Option<&str>, caller: &Caller) -> Reply {
        let Some((rel, file)) = self.file(rel) else {
            return not_found();
        };
        let current = std::fs::read(&file).ok();
        let now_text = current.as_deref().map(text_of).unwrap_or_default();
        let title = format!("Các bản trước của content/{rel}");
        let back = format!(
            "<p><a href=\"{PREFIX}sua/{}\">Về trang đang sửa</a></p>\n",
            escape(&rel)
        );
        let Some(id) = ban else {
            let list = versions(&self.root, &rel);
            let mut main = format!("<h1>{}</h1>\n{back}", escape(&title));
            if list.is_empty() {
                main.push_str("<p>Chưa có bản nào được giữ lại cho trang này.</p>\n");
            } else {
                main.push_str(
                    "<table>\n<caption>Mới nhất ở trên</caption>\n\
                     <thead><tr><th scope=\"col\">Lưu lúc</th><th scope=\"col\">Người lưu</th><th scope=\"col\">Xem</th></tr></thead>\n<tbody>\n",
                );
                for v in &list {
                    main.push_str(&format!(
                        "<tr><td>{}</td><td>{}</td><td><a href=\"{PREFIX}lich-su/{}?ban={}\">Xem bản lúc {}</a></td></tr>\n",
                        escape(&v.when),
                        escape(&v.who),
                        escape(&rel),
                        escape(&v.id),
                        escape(&v.when)
                    ));
                }
                main.push_str("</tbody>\n</table>\n");
            }
            return Reply::page(200, html::layout(&title, &main));
        };
        let Some(old) = text(&self.root, &rel, id) else {
            return not_found();
        };
        let when = versions(&self.root, &rel)
            .into_iter()
            .find(|v| v.id == id)
            .map_or_else(|| id.to_string(), |v| v.when);
        let title = format!("Bản lúc {when} của content/{rel}");
        let main = format!(
            "<h1>{}</h1>\n{back}\
             <form method=\"post\" action=\"{PREFIX}lich-su/{}\">\n\
             <input type=\"hidden\" name=\"csrf\" value=\"{}\">\n\
             <input type=\"hidden\" name=\"goc\" value=\"{}\">\n\
             <input type=\"hidden\" name=\"ban\" value=\"{}\">\n\
             <p>Khôi phục bản này thì bản hiện tại vẫn được giữ lại trong danh sách các bản trước.</p>\n\
             <button type=\"submit\" name=\"khoi-phuc\" value=\"1\">Khôi phục bản này</button></form>\n\
             <h2>So với bản hiện tại</h2>\n{}<h2>Toàn văn bản này</h2>\n<pre>{}</pre>\n",
            escape(&title),
            escape(&rel),
            escape(&caller.csrf),
            escape(&store::hash_of(current.as_deref())),
            escape(id),
            super::conflict::diff_html(&now_text, &old, "bản hiện tại", "bản này"),
            escape(&old),
        );
        Reply::page(200, html::layout(&title, &main))
    }

    /// Restores the version the form names (`ban`) of the page `rel`.
    pub fn restore(&self, rel: &str, form: &Form, caller: &Caller) -> Reply {
        if !caller.allowed(form) {
            return refused();
        }
        let Some((rel, file)) = self.file(rel) else {
            return not_found();
        };
        let field = |k: &str| {
            form.iter()
                .find(|(n, _)| n == k)
                .map_or("", |(_, v)| v.as_str())
        };
        let Some(old) = text(&self.root, &rel, field("ban")) else {
            return not_found();
        };
        let now = store::hash_of(std::fs::read(&file).ok().as_deref());
        if field("goc") != now {
            return Reply::page(
                409,
                html::message(&crate::tr!(
                    en: "the page was changed since you opened this version: nothing was restored; open the list of versions again",
                    vi: "trang đã được sửa từ khi bạn mở bản này: chưa khôi phục gì; hãy mở lại danh sách các bản trước",
                )),
            );
        }
        let kind = self.kind_of(&rel);
        let values = open(&old, &fields(kind))
            .map(|o| o.values)
            .unwrap_or_default();
        if let Err(d) = caller.may_write(false, &values) {
            return Reply::page(403, html::message(&d.message));
        }
        let errors = self.check(&rel, &old);
        if !errors.is_empty() {
            let words: Vec<String> = errors.iter().map(ToString::to_string).collect();
            return Reply::page(
                422,
                html::message(&crate::tr!(
                    en: "this version does not build with the rest of the site as it is now, so it was not restored: {}",
                    vi: "bản này không dựng được cùng phần còn lại của trang web hiện nay, nên chưa được khôi phục: {}",
                    words.join("; ")
                )),
            );
        }
        if let Err(e) = store::save_as(&self.root, &rel, &file, &old, "restore", &caller.name) {
            let path = Path::new("content").join(&rel);
            let d = crate::error::Diagnostic::io(&path, "write", &e);
            return Reply::page(500, html::message(&d.to_string()));
        }
        Reply {
            status: 303,
            html: String::new(),
            location: Some(format!("{PREFIX}sua/{rel}?da-luu=1")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_copies_are_listed_newest_first_and_read_back_by_id_only() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let h = root.join(".congbo/history/tin-tuc/mot.md");
        std::fs::create_dir_all(&h).unwrap();
        std::fs::write(h.join("2026-01-02T030405.000000001Z.md"), "cũ").unwrap();
        std::fs::write(h.join("2026-02-02T030405.000000001Z.md"), "mới hơn").unwrap();
        let v = versions(root, "tin-tuc/mot.md");
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].when, "02/02/2026 03:04:05 UTC");
        assert_eq!(
            text(root, "tin-tuc/mot.md", &v[1].id).as_deref(),
            Some("cũ")
        );
        assert_eq!(text(root, "tin-tuc/mot.md", "../../../site"), None);
        assert_eq!(text(root, "tin-tuc/mot.md", ""), None);
        assert!(versions(root, "tin-tuc/khac.md").is_empty());
    }
}
