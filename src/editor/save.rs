//! Saving a form: a new page made in a section, or an edited one written back. The page is
//! made from the form, checked with the build's own parser (and, to publish, with the
//! checks of `congbo check`) before anything is written; refused, the form comes back with
//! what was typed and each error at its field. A file changed on disk since the form was
//! opened is not overwritten: the conflict page shows both.

use std::path::Path;

use super::contract::fields;
use super::front::{Values, field_at, make, open};
use super::{
    Caller, Editor, Form, PREFIX, Reply, html, not_found, refused, store, tables, tasks_grid,
    text_of, values_of,
};
use crate::content::walk;
use crate::content::{self, ParseOptions};
use crate::error::Diagnostic;
use crate::text::slug::slugify;

impl Editor {
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
        page_form.tables = tables::for_form(kind, form, &toml::Table::new());
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
            &tables::merged(kind, &toml::Table::new(), form),
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
        page_form.tables = tables::for_form(kind, form, &kept);
        page_form.files = self.files_beside(&rel);
        let kept = tables::merged(kind, &kept, form);
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
    pub(super) fn write(
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
    pub(super) fn check(&self, rel: &str, text: &str) -> Vec<Diagnostic> {
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
}
