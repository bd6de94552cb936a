//! A Word (`.docx`) or OpenDocument (`.odt`) file sent from the new-page form, made a new
//! draft in the section through `congbo import`'s public API, and opened; what the import
//! could not read as it should is shown first, never dropped.

use std::path::Path;

use super::contract::fields;
use super::front::{make, open};
use super::upload::{Upload, file_name, no_file, too_big};
use super::{Caller, Editor, Form, PREFIX, Reply, html, refused, store, text_of};
use crate::error::Diagnostic;
use crate::text::html::escape;

impl Editor {
    /// Makes a new draft in `section` from a Word (`.docx`) or OpenDocument (`.odt`) file,
    /// through `congbo import`, and opens it.
    pub fn import_word(
        &self,
        section: &str,
        form: &Form,
        file: Option<Upload>,
        caller: &Caller,
    ) -> Reply {
        if !caller.allowed(form) {
            return refused();
        }
        let (section, _) = match self.section(section) {
            Ok(s) => s,
            Err(d) => return Reply::page(404, html::message(&d.message)),
        };
        let Some(file) = file.filter(|f| !f.name.is_empty()) else {
            return Reply::page(400, html::message(&no_file()));
        };
        let name = match file_name(&file.name, &["docx", "odt"]) {
            Ok(n) => n,
            Err(why) => return Reply::page(415, html::message(&why)),
        };
        if file.bytes.len() > self.max_upload {
            return Reply::page(413, html::message(&too_big(self.max_upload)));
        }
        // The import reads a file: the sent one, under `.congbo/` (never `content/`),
        // removed after.
        let dir = self.root.join(".congbo/nhap");
        let source = dir.join(&name);
        let read = std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(&source, &file.bytes));
        if let Err(e) = read {
            return Reply::page(
                500,
                html::message(&Diagnostic::io(&source, "write", &e).to_string()),
            );
        }
        let opts = crate::import::ImportOptions {
            root: self.root.clone(),
            files: vec![source.clone()],
            kind: None,
            section: Some(section),
            dry_run: false,
        };
        let (done, errors) = crate::import::import(&opts);
        let _ = std::fs::remove_file(&source);
        let Some(page) = done.into_iter().next() else {
            let why: Vec<String> = errors.iter().map(ToString::to_string).collect();
            return Reply::page(422, html::message(&why.join("\n")));
        };
        let rel = page
            .page
            .strip_prefix("content")
            .unwrap_or(&page.page)
            .to_string_lossy()
            .replace('\\', "/");
        if let Err(d) = self.make_draft(&rel, &caller.name) {
            return Reply::page(500, html::message(&d.to_string()));
        }
        // What the import could not read as it should is said, never dropped.
        if !page.warnings.is_empty() {
            return Reply::page(200, html::imported_with_warnings(&rel, &page.warnings));
        }
        Reply {
            status: 303,
            html: String::new(),
            location: Some(format!("{PREFIX}sua/{rel}?da-nhap=1")),
        }
    }

    /// Marks the imported page `rel` a draft: it is read before it is published.
    fn make_draft(&self, rel: &str, who: &str) -> Result<(), Diagnostic> {
        let path = store::inside_content(&self.root, rel)
            .ok_or_else(|| Diagnostic::file(Path::new("content").join(rel), "outside content/"))?;
        let bytes =
            std::fs::read(&path).map_err(|e| Diagnostic::io(&path, "read this file", &e))?;
        let kind = self.kind_of(rel);
        let f = fields(kind);
        let mut opened = open(&text_of(&bytes), &f)
            .map_err(|why| Diagnostic::file(Path::new("content").join(rel), why))?;
        opened.values.insert("draft".into(), "true".into());
        let made = make(&f, &opened.values, &opened.kept, false);
        store::save_as(&self.root, rel, &path, &made.text, "import", who)
            .map_err(|e| Diagnostic::io(&path, "write", &e))
    }
}

/// The form that makes a new draft in `section` from a Word file.
pub(super) fn word_form(section: &str, token: &str) -> String {
    format!(
        "<section class=\"tai-len\" aria-labelledby=\"nw-tieu-de\">\n<h2 id=\"nw-tieu-de\">Hoặc nhập từ tệp Word</h2>\n\
         <form method=\"post\" action=\"{PREFIX}nhap-word/{}\" enctype=\"multipart/form-data\">\n\
         <input type=\"hidden\" name=\"csrf\" value=\"{}\">\n\
         <label for=\"nw-tep\">Tệp Word (.docx) hoặc OpenDocument (.odt)</label>\n\
         <p class=\"goi-y\" id=\"h-nw-tep\">congbo đọc văn bản thành một trang nháp mới trong chuyên mục này, rồi mở trang đó để bạn xem lại.</p>\n\
         <input type=\"file\" id=\"nw-tep\" name=\"tep\" accept=\".docx,.odt\" aria-describedby=\"h-nw-tep\">\n\
         <button type=\"submit\">Nhập văn bản</button>\n</form>\n</section>\n",
        escape(section),
        escape(token)
    )
}
