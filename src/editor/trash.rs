//! The trash: deleting a page in the editor moves it to `.congbo/trash/`, keeping its path
//! under `content/` (a bundle's `index.md` takes its whole folder, images and all), and
//! the trash page (`/_soan-thao/thung-rac`) moves it back, unless a file is there again.
//! Both are a publisher's to do, and both are logged (and committed in a git repository).
//! An older deleted copy at the same path is not lost: it moves to `.congbo/trash/.cu/`.

use std::path::{Path, PathBuf};

use super::contract::fields;
use super::front::open;
use super::session::Caller;
use super::{Editor, Form, PREFIX, Reply, html, not_found, refused, store, text_of};
use crate::content::Kind;
use crate::text::html::escape;

/// The trash, under the site folder.
const TRASH: &str = ".congbo/trash";

/// What moves for the page `rel`: the file, or a bundle's folder; as a path under a root.
fn moved_part(rel: &str) -> &str {
    rel.strip_suffix("/index.md").unwrap_or(rel)
}

fn message(status: u16, text: &str) -> Reply {
    Reply::page(status, html::message(text))
}

impl Editor {
    /// Moves the page `rel` to the trash.
    pub fn delete(&self, rel: &str, form: &Form, caller: &Caller) -> Reply {
        if !caller.allowed(form) {
            return refused();
        }
        if let Err(why) = caller.must_publish() {
            return message(403, &why);
        }
        let Some((rel, file)) = self.file(rel) else {
            return not_found();
        };
        if !file.is_file() {
            return not_found();
        }
        let part = moved_part(&rel);
        let from = if part == rel {
            file.clone()
        } else {
            match store::inside_content(&self.root, &format!("{part}/x.md")) {
                Some(p) => p.parent().map(Path::to_path_buf).unwrap_or_default(),
                None => return not_found(),
            }
        };
        let to = self.root.join(TRASH).join(part);
        let moved = set_aside(&self.root, part, &to).and_then(|()| {
            if let Some(dir) = to.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::rename(&from, &to)
        });
        if let Err(e) = moved {
            let path = Path::new("content").join(part);
            let d = crate::error::Diagnostic::io(&path, "move a file into place", &e);
            return message(500, &d.to_string());
        }
        let _ = store::record(&self.root, part, "delete", &caller.name);
        Reply {
            status: 303,
            html: String::new(),
            location: Some(format!("{PREFIX}thung-rac")),
        }
    }

    /// The pages in the trash, each with its restore button.
    pub fn trash(&self, caller: &Caller) -> Reply {
        let title = "Thùng rác";
        let mut main = format!(
            "<h1>{title}</h1>\n<p>Trang đã xoá nằm ở đây (trong thư mục <code>{TRASH}/</code>) cho đến khi được khôi phục.</p>\n"
        );
        let pages = in_trash(&self.root);
        if pages.is_empty() {
            main.push_str("<p>Thùng rác trống.</p>\n");
        } else {
            let publisher = caller.must_publish().is_ok();
            main.push_str(
                "<table>\n<caption>Các trang đã xoá</caption>\n\
                 <thead><tr><th scope=\"col\">Trang</th><th scope=\"col\">Tệp</th><th scope=\"col\">Khôi phục</th></tr></thead>\n<tbody>\n",
            );
            for (rel, title) in &pages {
                let button = if publisher {
                    format!(
                        "<form method=\"post\" action=\"{PREFIX}thung-rac/{}\">\
                         <input type=\"hidden\" name=\"csrf\" value=\"{}\">\
                         <button type=\"submit\" name=\"khoi-phuc\" value=\"1\" aria-label=\"Khôi phục {}\">Khôi phục</button></form>",
                        escape(rel),
                        escape(&caller.csrf),
                        escape(title)
                    )
                } else {
                    "chỉ người có quyền xuất bản".to_string()
                };
                main.push_str(&format!(
                    "<tr><td>{}</td><td><code>content/{}</code></td><td>{button}</td></tr>\n",
                    escape(title),
                    escape(rel)
                ));
            }
            main.push_str("</tbody>\n</table>\n");
        }
        main.push_str(&format!(
            "<p><a href=\"{PREFIX}\">Về danh sách trang</a></p>\n"
        ));
        Reply::page(200, html::layout(title, &main))
    }

    /// Moves the page `rel` back from the trash, unless a file is there now.
    pub fn restore_from_trash(&self, rel: &str, form: &Form, caller: &Caller) -> Reply {
        if !caller.allowed(form) {
            return refused();
        }
        if let Err(why) = caller.must_publish() {
            return message(403, &why);
        }
        let Some(rel) = store::checked_rel(rel, true) else {
            return not_found();
        };
        let part = moved_part(&rel);
        let from = self.root.join(TRASH).join(part);
        if !from.exists() {
            return not_found();
        }
        let Some(to) = store::inside_content(&self.root, part) else {
            return not_found();
        };
        if to.exists() || (part != rel && to.join("index.md").exists()) {
            return message(
                409,
                &crate::tr!(
                    en: "content/{rel} exists again (a page was made there since): nothing was restored; rename or delete that page first",
                    vi: "đã có content/{rel} (một trang mới được tạo ở đó sau khi xoá): chưa khôi phục gì; hãy đổi tên hoặc xoá trang đó trước",
                ),
            );
        }
        let moved = to
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::rename(&from, &to));
        if let Err(e) = moved {
            let path = Path::new("content").join(part);
            let d = crate::error::Diagnostic::io(&path, "move a file into place", &e);
            return message(500, &d.to_string());
        }
        let _ = store::record(&self.root, part, "restore-from-trash", &caller.name);
        Reply {
            status: 303,
            html: String::new(),
            location: Some(format!("{PREFIX}sua/{rel}?da-luu=1")),
        }
    }
}

/// Moves an older trashed copy at `to` aside, to `.congbo/trash/.cu/<time>/<part>`.
fn set_aside(root: &Path, part: &str, to: &Path) -> std::io::Result<()> {
    if !to.exists() {
        return Ok(());
    }
    let aside: PathBuf = root
        .join(TRASH)
        .join(".cu")
        .join(store::stamp_for_name())
        .join(part);
    if let Some(dir) = aside.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::rename(to, aside)
}

/// The pages in the trash (hidden folders left out): their path under `content/` and title.
fn in_trash(root: &Path) -> Vec<(String, String)> {
    let trash = root.join(TRASH);
    let mut out: Vec<(String, String)> = walkdir::WalkDir::new(&trash)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e
                .path()
                .strip_prefix(&trash)
                .ok()?
                .to_str()?
                .replace('\\', "/");
            // A file inside a deleted bundle is not a page of its own.
            let is_page = rel.ends_with(".md")
                && (rel.ends_with("/index.md")
                    || !e.path().parent()?.join("index.md").exists()
                    || e.depth() == 1);
            if !is_page {
                return None;
            }
            let text = std::fs::read(e.path()).map(|b| text_of(&b)).ok()?;
            let title = open(&text, &fields(Kind::Page))
                .ok()
                .and_then(|o| o.values.get("title").cloned())
                .unwrap_or_else(|| rel.clone());
            Some((rel, title))
        })
        .collect();
    out.sort();
    out
}
