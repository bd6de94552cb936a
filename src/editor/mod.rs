//! The browser editor of `congbo serve --edit`, at `/_soan-thao/`: a list of the site's
//! pages, and new-page and edit forms made from the content contract ([`contract`]).
//! Saving checks the page with the build's own parser before anything is written, keeps
//! what the editor typed when it is refused, refuses to overwrite a file changed since the
//! form was opened, keeps the previous version and logs the change ([`store`]).
//!
//! This module knows nothing of HTTP: `serve` hands it decoded paths and form fields and
//! sends back its [`Reply`]. Every change needs the per-process token ([`Editor::token`])
//! in both the form and the cookie the editor's pages set.

pub mod accounts;
mod assets;
mod conflict;
pub mod contract;
pub mod front;
mod history;
mod html;
mod list;
pub mod login;
pub mod preview;
mod publish;
pub mod session;
pub mod store;
pub mod suggest;
pub mod tasks_grid;
mod trash;
pub mod upload;

use std::path::{Path, PathBuf};

use crate::content::walk;
use crate::content::{self, Kind, ParseOptions};
use crate::error::Diagnostic;
use crate::text::normalize::nfc_owned;
use crate::text::slug::slugify;
use contract::fields;
use front::{Values, field_at, make, open};

pub use assets::JS;
pub use html::CSS;
pub use session::Caller;

/// The editor's own address on the server.
pub const PREFIX: &str = "/_soan-thao/";
/// The name of the cookie holding the token.
pub const COOKIE: &str = "congbo_soan_thao";

/// An answer of the editor.
#[derive(Debug)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// The page (HTML).
    pub html: String,
    /// Where to send the browser next (with status 303).
    pub location: Option<String>,
}

impl Reply {
    fn page(status: u16, html: String) -> Reply {
        Reply {
            status,
            html,
            location: None,
        }
    }
}

/// The editor of one site.
#[derive(Debug)]
pub struct Editor {
    root: PathBuf,
    base_path: String,
    token: String,
    /// The site as `serve` holds it, for previews; none outside `serve`.
    site: Option<std::sync::Arc<dyn preview::SiteModel>>,
    /// The largest file taken from the browser, in bytes.
    max_upload: usize,
}

/// A form as sent: its fields in order.
pub type Form = [(String, String)];

impl Editor {
    /// The editor of the site at `root` (served under `base_path`), with a fresh token.
    pub fn new(root: &Path, base_path: &str) -> Editor {
        Editor {
            root: root.to_path_buf(),
            base_path: base_path.to_string(),
            token: new_token(),
            site: None,
            max_upload: upload::DEFAULT_MAX,
        }
    }

    /// The editor taking files of at most `bytes`.
    pub fn with_max_upload(mut self, bytes: usize) -> Editor {
        self.max_upload = bytes;
        self
    }

    /// The largest file taken from the browser, in bytes.
    pub fn max_upload(&self) -> usize {
        self.max_upload
    }

    /// The editor with the served site's model, which makes its previews.
    pub fn with_site(mut self, site: std::sync::Arc<dyn preview::SiteModel>) -> Editor {
        self.site = Some(site);
        self
    }

    /// The site's values offered in the forms (none outside `serve`).
    fn suggestions(&self) -> suggest::Suggestions {
        self.site
            .as_ref()
            .map(|s| s.suggestions())
            .unwrap_or_default()
    }

    /// The token a change must carry, in its form and its cookie.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// The list of pages, filtered by the query (`q`, `loai`, `nhap`).
    pub fn list(&self, query: &Form) -> Reply {
        Reply::page(200, list::page(&self.root, &self.base_path, query))
    }

    /// The form for a new page in `section` (a folder under `content/`).
    pub fn new_form(&self, section: &str) -> Reply {
        self.new_form_as(section, &Caller::local(self, Some(&self.token)))
    }

    /// [`Editor::new_form`] for `caller`, whose token the form carries.
    pub fn new_form_as(&self, section: &str, caller: &Caller) -> Reply {
        match self.section(section) {
            Ok((section, kind)) => {
                let mut form = self.form(kind, &section, None, caller);
                form.tasks = tasks_grid::posted(kind, &[]);
                // An editor's page can only be saved as a draft: start it as one.
                let mut values = Values::new();
                if caller.must_publish().is_err() {
                    values.insert("draft".to_string(), "true".to_string());
                }
                Reply::page(200, form.render(&values, &[]))
            }
            Err(d) => Reply::page(404, html::message(&d.message)),
        }
    }

    /// The form for the page `rel` (under `content/`); `saved` after a save.
    pub fn edit_form(&self, rel: &str, saved: bool) -> Reply {
        self.edit_form_with(rel, saved, None)
    }

    /// The form for the page `rel`, saying `uploaded` was just put in its bundle.
    pub fn edit_form_with(&self, rel: &str, saved: bool, uploaded: Option<&str>) -> Reply {
        let caller = Caller::local(self, Some(&self.token));
        self.edit_form_as(rel, saved, uploaded, &caller)
    }

    /// [`Editor::edit_form_with`] for `caller`.
    pub fn edit_form_as(
        &self,
        rel: &str,
        saved: bool,
        uploaded: Option<&str>,
        caller: &Caller,
    ) -> Reply {
        let Some((rel, file)) = self.file(rel) else {
            return not_found();
        };
        let Ok(bytes) = std::fs::read(&file) else {
            return not_found();
        };
        let kind = self.kind_of(&rel);
        let text = text_of(&bytes);
        let mut form = self.form(kind, &rel, Some(store::hash_of(Some(&bytes))), caller);
        form.saved = saved;
        form.links = history::links(&rel, caller);
        form.uploaded = uploaded.map(str::to_string);
        form.site_link = self.site_link(&rel);
        match open(&text, &fields(kind)) {
            Ok(mut o) => {
                if kind == Kind::Plan {
                    let body = o.values.get("body").map_or("", String::as_str);
                    let (body, rows) = tasks_grid::take_table(body);
                    o.values.insert("body".into(), body);
                    form.tasks = Some((rows, tasks_grid::EMPTY_ROWS));
                }
                Reply::page(200, form.render(&o.values, &[]))
            }
            Err(why) => Reply::page(422, html::broken(&rel, &why, &text)),
        }
    }

    /// Makes a new page in `section` from the form.
    pub fn create(&self, section: &str, form: &Form, cookie: Option<&str>) -> Reply {
        self.create_as(section, form, &Caller::local(self, cookie))
    }

    /// [`Editor::create`] by `caller`.
    pub fn create_as(&self, section: &str, form: &Form, caller: &Caller) -> Reply {
        if !caller.allowed(form) {
            return refused();
        }
        let (section, kind) = match self.section(section) {
            Ok(s) => s,
            Err(d) => return Reply::page(404, html::message(&d.message)),
        };
        let values = values_of(form);
        let title = values.get("title").map_or("", |t| t.trim());
        let slug = slugify(title);
        let mut page_form = self.form(kind, &section, None, caller);
        page_form.tasks = tasks_grid::posted(kind, form);
        if slug.is_empty() || crate::content::names::unsafe_name(&slug).is_some() {
            let why = crate::tr!(
                en: "write a title with letters or digits: the file name is made from it",
                vi: "hãy viết tiêu đề có chữ hoặc số: tên tệp được đặt theo tiêu đề",
            );
            let d = Diagnostic::file("", why);
            return Reply::page(422, page_form.render(&values, &[(Some("title"), d)]));
        }
        let rel = self.free_name(&section, &slug);
        self.write(
            &rel,
            &values,
            &toml::Table::new(),
            form,
            page_form,
            ("create", caller),
        )
    }

    /// Saves the page `rel` from the form.
    pub fn save(&self, rel: &str, form: &Form, cookie: Option<&str>) -> Reply {
        self.save_as(rel, form, &Caller::local(self, cookie))
    }

    /// [`Editor::save`] by `caller`.
    pub fn save_as(&self, rel: &str, form: &Form, caller: &Caller) -> Reply {
        if !caller.allowed(form) {
            return refused();
        }
        let Some((rel, file)) = self.file(rel) else {
            return not_found();
        };
        let kind = self.kind_of(&rel);
        let values = values_of(form);
        let on_disk = std::fs::read(&file).ok();
        let now = store::hash_of(on_disk.as_deref());
        let mut page_form = self.form(kind, &rel, Some(now.clone()), caller);
        page_form.site_link = self.site_link(&rel);
        page_form.tasks = tasks_grid::posted(kind, form);
        let opened = form
            .iter()
            .find(|(k, _)| k == "goc")
            .map_or("", |(_, v)| v.as_str());
        let kept = on_disk
            .as_deref()
            .and_then(|b| open(&text_of(b), &fields(kind)).ok())
            .map(|o| o.kept)
            .unwrap_or_default();
        if opened != now {
            let disk = on_disk.as_deref().map(text_of).unwrap_or_default();
            let publish = form.iter().any(|(k, _)| k == "xuat-ban");
            let mine = make(
                &fields(kind),
                &tasks_grid::for_file(kind, &values, form),
                &kept,
                publish,
            )
            .text;
            page_form.conflict = Some((disk, mine));
            return Reply::page(409, page_form.render(&values, &[]));
        }
        self.write(&rel, &values, &kept, form, page_form, ("save", caller))
    }

    /// Checks the page made from the form with the build's parser; writes it if it passes.
    fn write(
        &self,
        rel: &str,
        values: &Values,
        kept: &toml::Table,
        form: &Form,
        page_form: html::Form<'_>,
        (what, caller): (&str, &Caller),
    ) -> Reply {
        let kind = page_form.kind;
        let publish = form.iter().any(|(k, _)| k == "xuat-ban");
        if let Err(why) = caller.may_write(publish, values) {
            return Reply::page(403, page_form.render(values, &[(None, why)]));
        }
        let made = make(
            &fields(kind),
            &tasks_grid::for_file(kind, values, form),
            kept,
            publish,
        );
        let mut errors = self.check(rel, &made.text);
        if errors.is_empty() && publish {
            errors = self.publish_check(rel, &made.text);
        }
        if !errors.is_empty() {
            let at: Vec<(Option<&str>, Diagnostic)> = errors
                .into_iter()
                .map(|d| (field_at(&made, d.line), d))
                .collect();
            return Reply::page(422, page_form.render(values, &at));
        }
        let Some(file) = store::inside_content(&self.root, rel) else {
            return not_found();
        };
        let what = if publish { "publish" } else { what };
        if let Err(e) = store::save_as(&self.root, rel, &file, &made.text, what, &caller.name) {
            let path = Path::new("content").join(rel);
            let d = Diagnostic::io(&path, "write", &e);
            return Reply::page(500, page_form.render(values, &[(None, d)]));
        }
        Reply {
            status: 303,
            html: String::new(),
            location: Some(format!("{PREFIX}sua/{rel}?da-luu=1")),
        }
    }

    /// The build's errors in `text` as the file `content/<rel>`: the whole content is
    /// parsed as a build parses it, with this file in place of what is on disk.
    fn check(&self, rel: &str, text: &str) -> Vec<Diagnostic> {
        let file = Path::new("content").join(rel);
        let mut files = walk::read(&self.root).unwrap_or_default();
        files.sources.retain(|s| s.rel != file);
        files.sources.push(walk::typed_source(file.clone(), text));
        files.sources.sort_by(|a, b| a.rel.cmp(&b.rel));
        let opts = ParseOptions {
            drafts: true,
            language: None,
        };
        match content::parse(files, opts) {
            Ok(_) => Vec::new(),
            Err(e) => e.0.into_iter().filter(|d| d.file == file).collect(),
        }
    }

    /// A form for `caller`: it carries the caller's token.
    fn form<'a>(
        &'a self,
        kind: Kind,
        place: &str,
        opened: Option<String>,
        caller: &'a Caller,
    ) -> html::Form<'a> {
        let mut form = html::Form::new(kind, place, opened, self);
        form.csrf = &caller.csrf;
        form
    }

    /// A checked page path under `content/` and its file. A section's `_index.md` has
    /// other keys (`RawSection`) than the page form shows: not editable here yet.
    fn file(&self, rel: &str) -> Option<(String, PathBuf)> {
        let rel = store::checked_rel(rel, true)?;
        if rel
            .rsplit('/')
            .next()
            .is_some_and(|n| n.starts_with("_index"))
        {
            return None;
        }
        let file = store::inside_content(&self.root, &rel)?;
        Some((rel, file))
    }

    /// A section folder and its kind, found as `congbo new` finds them.
    fn section(&self, section: &str) -> Result<(String, Kind), Diagnostic> {
        let checked = store::checked_rel(section, false).ok_or_else(|| {
            Diagnostic::command(crate::tr!(
                en: "\"{section}\" is not a section folder under content/",
                vi: "\"{section}\" không phải thư mục chuyên mục trong content/",
            ))
        })?;
        let found = crate::new_page::section_of(&self.root, &checked)?;
        if store::inside_content(&self.root, &format!("{}/x.md", found.0)).is_none() {
            return Err(Diagnostic::command(crate::tr!(
                en: "\"{section}\" is not a section folder under content/",
                vi: "\"{section}\" không phải thư mục chuyên mục trong content/",
            )));
        }
        Ok(found)
    }

    /// The kind of the page `rel`: its section's, as the build decides it.
    fn kind_of(&self, rel: &str) -> Kind {
        let mut dir = Path::new(rel).parent().unwrap_or(Path::new(""));
        if rel.ends_with("/index.md") {
            dir = dir.parent().unwrap_or(Path::new(""));
        }
        let dir = dir.to_string_lossy();
        if dir.is_empty() {
            return Kind::Page;
        }
        crate::new_page::section_of(&self.root, &dir).map_or(Kind::Page, |(_, k)| k)
    }

    /// `section/slug.md`, or `section/slug-2.md` … when the name is taken.
    fn free_name(&self, section: &str, slug: &str) -> String {
        let content = self.root.join("content").join(section);
        let taken =
            |name: &str| content.join(format!("{name}.md")).exists() || content.join(name).exists();
        let mut name = slug.to_string();
        let mut n = 2;
        while taken(&name) {
            name = format!("{slug}-{n}");
            n += 1;
        }
        if section.is_empty() {
            format!("{name}.md")
        } else {
            format!("{section}/{name}.md")
        }
    }

    /// Where the page is on the served site, when the content parses.
    fn site_link(&self, rel: &str) -> Option<String> {
        list::site_path(&self.root, rel)
            .map(|p| format!("{}{}", self.base_path.trim_end_matches('/'), p))
    }
}

/// The form's values: every field but the buttons and hidden fields, line ends as in files.
fn values_of(form: &Form) -> Values {
    form.iter()
        .filter(|(k, _)| {
            !matches!(
                k.as_str(),
                "csrf" | "goc" | "luu" | "xuat-ban" | "xem-truoc" | "chi-trang"
            ) && !tasks_grid::is_grid_field(k)
        })
        .map(|(k, v)| (k.clone(), nfc_owned(v.replace("\r\n", "\n"))))
        .collect()
}

/// A file's text as the build reads it (BOM dropped, NFC), or as much as is readable.
fn text_of(bytes: &[u8]) -> String {
    walk::decode(bytes.to_vec())
        .map(nfc_owned)
        .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned())
}

/// A page of the editor saying one thing (for answers made before the editor is asked).
pub fn message_page(text: &str) -> String {
    html::message(text)
}

fn not_found() -> Reply {
    Reply::page(
        404,
        html::message(&crate::tr!(
            en: "there is no such page under content/",
            vi: "không có trang này trong content/",
        )),
    )
}

fn refused() -> Reply {
    Reply::page(
        403,
        html::message(&crate::tr!(
            en: "this form is out of date (congbo serve was restarted, or it came from another site): open the page again from the list and save again",
            vi: "biểu mẫu này đã cũ (congbo serve đã khởi động lại, hoặc biểu mẫu đến từ trang khác): hãy mở lại trang từ danh sách rồi lưu lại",
        )),
    )
}

/// 128 unpredictable bits for this process: std seeds each `RandomState` from the
/// operating system's randomness, so hashing under two of them gives keys no page can
/// guess (no extra crate needed for a token that lives as long as the process).
fn new_token() -> String {
    use std::hash::{BuildHasher, Hasher};
    let part = |n: u64| {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(n);
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default()
                .as_nanos(),
        );
        h.finish()
    };
    format!("{:016x}{:016x}", part(1), part(2))
}

#[cfg(test)]
mod tests;
