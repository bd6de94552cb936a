//! The new-page and edit forms of the editor: a page of a kind opened into its fields (the
//! contract's keys, the tables of its front matter, a plan's task grid, the files beside
//! it), for the caller whose token and role the form carries.

use super::contract::fields;
use super::front::{Values, open};
use super::{Caller, Editor, Reply, history, html, not_found, store, tables, tasks_grid, text_of};
use crate::content::Kind;

impl Editor {
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
                form.tables = tables::take(kind, &mut toml::Table::new());
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
                form.tables = tables::take(kind, &mut o.kept);
                form.files = self.files_beside(&rel);
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

    /// A form for `caller`: it carries the caller's token.
    pub(super) fn form<'a>(
        &'a self,
        kind: Kind,
        place: &str,
        opened: Option<String>,
        caller: &'a Caller,
    ) -> html::Form<'a> {
        let mut form = html::Form::new(kind, place, opened, self);
        form.csrf = &caller.csrf;
        form.publisher = caller.must_publish().is_ok();
        form
    }
}
