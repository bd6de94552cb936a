//! The live preview beside the body: the page made from the form as the build would make
//! it, written nowhere. The editor knows no site model (it sits below `serve`): `serve`
//! hands it one through [`SiteModel`], which renders only this page with the site it
//! already holds, so a preview costs one page, not a build, on a site of 10,000.
//!
//! Two ways in, one answer: the page's script posts the form as the editor types and puts
//! the HTML (or the errors) in the pane; without JavaScript the "Xem trước" button posts
//! the same form and gets the whole form back with the preview under the body.

use std::path::Path;

use super::contract::fields;
use super::front::{make, open};
use super::{Caller, Editor, Form, Reply, html, refused, text_of, values_of};
use crate::error::Diagnostic;
use crate::text::html::escape;
use crate::text::slug::slugify;

/// What the editor asks of the site being served.
pub trait SiteModel: Send + Sync + std::fmt::Debug {
    /// The HTML of the page `content/…` (`file`, relative to the site root) if its text
    /// were `text`, rendered in the site's theme with the rest of the site as it is; or
    /// the errors the build would report, in its words.
    fn preview(&self, file: &Path, text: &str) -> Result<Vec<u8>, Vec<Diagnostic>>;

    /// The values the site already has, offered as the editor types.
    fn suggestions(&self) -> super::suggest::Suggestions;
}

/// The preview shown in the form posted without JavaScript.
#[derive(Debug)]
pub(super) struct Shown(pub(super) Result<String, Vec<Diagnostic>>);

impl Editor {
    /// The preview of the form posted to `xem-truoc/<place>`, where `place` is `sua/<file>`
    /// or `moi/<section>`: the page alone (`only_page`, for the script) or the form with
    /// the preview in it. Nothing is written.
    pub fn preview(&self, place: &str, form: &Form, caller: &Caller, only_page: bool) -> Reply {
        if !caller.allowed(form) {
            return refused();
        }
        let values = values_of(form);
        let (rel, mut page_form, kept) = if let Some(file) = place.strip_prefix("sua/") {
            let Some((rel, path)) = self.file(file) else {
                return super::not_found();
            };
            let kind = self.kind_of(&rel);
            let kept = std::fs::read(&path)
                .ok()
                .and_then(|b| open(&text_of(&b), &fields(kind)).ok())
                .map(|o| o.kept)
                .unwrap_or_default();
            let opened = form
                .iter()
                .find(|(k, _)| k == "goc")
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            let mut f = self.form(kind, &rel, Some(opened), caller);
            // The page's address on the site takes a parse of the whole content: only the
            // form shown without JavaScript links it, not the page the script asks for as
            // the editor types (that parse was most of a preview's time on a large site).
            if !only_page {
                f.site_link = self.site_link(&rel);
            }
            (rel, f, kept)
        } else if let Some(section) = place.strip_prefix("moi/") {
            let (section, kind) = match self.section(section) {
                Ok(s) => s,
                Err(d) => return Reply::page(404, html::message(&d.message)),
            };
            let title = values.get("title").map_or("", |t| t.trim());
            let slug = Some(slugify(title))
                .filter(|s| !s.is_empty() && crate::content::names::unsafe_name(s).is_none())
                .unwrap_or_else(|| "trang-moi".to_string());
            let rel = self.free_name(&section, &slug);
            let f = self.form(kind, &section, None, caller);
            (rel, f, toml::Table::new())
        } else {
            return super::not_found();
        };
        let kind = page_form.kind;
        page_form.tasks = super::tasks_grid::posted(kind, form);
        page_form.tables = super::tables::for_form(kind, form, &kept);
        let kept = super::tables::merged(kind, &kept, form);
        let written = super::tasks_grid::for_file(kind, &values, form);
        let made = make(&fields(kind), &written, &kept, false);
        let result = self.render_preview(&rel, &made.text);
        if only_page {
            return match result {
                Ok(html) => Reply::page(200, html),
                Err(errors) => Reply::page(422, errors_html(&errors)),
            };
        }
        page_form.preview = Some(Shown(result));
        Reply::page(200, page_form.render(&values, &[]))
    }

    /// The page `content/<rel>` with `text`, from serve's model.
    fn render_preview(&self, rel: &str, text: &str) -> Result<String, Vec<Diagnostic>> {
        let Some(site) = &self.site else {
            return Err(vec![Diagnostic::command(crate::tr!(
                en: "the preview needs congbo serve's site; start the editor with congbo serve --edit",
                vi: "xem trước cần trang web của congbo serve; hãy mở trình soạn thảo bằng congbo serve --edit",
            ))]);
        };
        let file = Path::new("content").join(rel);
        site.preview(&file, text)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// The errors of a preview, in the command line's words, as a list for the pane.
pub(super) fn errors_html(errors: &[Diagnostic]) -> String {
    let mut out = String::from(
        "<div class=\"loi-chung\"><p>Trang chưa xem trước được vì có lỗi (như khi dựng trang):</p>\n<ul>\n",
    );
    for d in errors {
        out.push_str(&format!("<li>{}</li>\n", escape(&d.to_string())));
    }
    out.push_str("</ul></div>\n");
    out
}

/// The preview pane of a form posted to `action`: empty until the script or the button
/// fills it.
pub(super) fn pane(action: &str, shown: Option<&Shown>) -> String {
    let place = action.strip_prefix(super::PREFIX).unwrap_or(action);
    let target = format!("{}xem-truoc/{place}", super::PREFIX);
    let (errors, frame) = match shown {
        Some(Shown(Ok(page))) => (String::new(), format!(" srcdoc=\"{}\"", escape(page))),
        Some(Shown(Err(list))) => (errors_html(list), String::new()),
        None => (String::new(), String::new()),
    };
    format!(
        "<section class=\"xem-truoc\" aria-labelledby=\"xt-tieu-de\" data-dich=\"{}\">\n\
         <h2 id=\"xt-tieu-de\">Xem trước</h2>\n\
         <p class=\"goi-y\">Trang như sẽ hiện trên trang web, theo nội dung đang gõ (chưa lưu).</p>\n\
         <button type=\"submit\" name=\"xem-truoc\" value=\"1\" formaction=\"{}\">Xem trước</button>\n\
         <div id=\"xt-loi\" role=\"status\" aria-live=\"polite\">{errors}</div>\n\
         <iframe id=\"xt-khung\" title=\"Xem trước trang\" sandbox=\"allow-same-origin\"{frame}></iframe>\n\
         </section>\n",
        escape(&target),
        escape(&target),
    )
}
