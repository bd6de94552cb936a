//! The editor's pages as HTML: plain forms that work without JavaScript, in Vietnamese,
//! each field with its label, help text and, after a refused save, its error. Everything
//! from the site or the form goes through [`escape`].

use super::contract::{Field, Shape, fields};
use super::front::Values;
use super::{Editor, PREFIX};
use crate::content::Kind;
use crate::error::Diagnostic;
use crate::text::html::escape;

/// The frame of every editor page.
pub(super) fn layout(title: &str, main: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} · Soạn thảo</title>\n<link rel=\"stylesheet\" href=\"{PREFIX}editor.css\">\n\
         <script src=\"{PREFIX}editor.js\" defer></script>\n\
         </head>\n<body>\n<header><a href=\"{PREFIX}\">Soạn thảo trang web</a> \
         <a href=\"{PREFIX}thung-rac\" class=\"thung-rac\">Thùng rác</a></header>\n\
         <main id=\"noi-dung\">\n{main}</main>\n</body>\n</html>\n",
        escape(title)
    )
}

/// A page saying one thing, with the way back to the list.
/// A Word file imported as the draft `rel`, with what the import could not read as it
/// should (the same warnings `congbo import` prints): said before the draft is opened.
pub(super) fn imported_with_warnings(rel: &str, warnings: &[String]) -> String {
    let items: String = warnings
        .iter()
        .map(|w| format!("<li>{}</li>\n", escape(w)))
        .collect();
    layout(
        "Đã nhập tệp Word",
        &format!(
            "<h1>Đã nhập thành bản nháp content/{}</h1>\n<p role=\"alert\">Cần xem lại những chỗ sau \
             trước khi xuất bản:</p>\n<ul>\n{items}</ul>\n<p><a href=\"{PREFIX}sua/{}?da-nhap=1\">Mở bản nháp</a></p>\n",
            escape(rel),
            escape(rel)
        ),
    )
}

pub(super) fn message(text: &str) -> String {
    layout(
        "Thông báo",
        &format!(
            "<h1>Không làm được</h1>\n<p role=\"alert\">{}</p>\n<p><a href=\"{PREFIX}\">Về danh sách trang</a></p>\n",
            escape(text)
        ),
    )
}

/// A file whose front matter cannot be read: the parser's words and the text, to be fixed
/// in a text editor (the form would lose what it cannot show).
pub(super) fn broken(rel: &str, why: &str, text: &str) -> String {
    layout(
        rel,
        &format!(
            "<h1>content/{}</h1>\n<p role=\"alert\" class=\"loi\">Không đọc được phần khai báo của trang này: {}</p>\n\
             <p>Hãy sửa tệp bằng trình soạn thảo văn bản; nội dung hiện tại:</p>\n<pre>{}</pre>\n",
            escape(rel),
            escape(why),
            escape(text)
        ),
    )
}

/// A new-page or edit form.
pub(super) struct Form<'a> {
    /// The kind of page, which decides the fields.
    pub(super) kind: Kind,
    /// The section (new page) or the file under `content/` (edit).
    place: String,
    /// The hash of the file as opened; `None` for a new page.
    opened: Option<String>,
    /// The editor, for the site's suggestions.
    pub(super) editor: &'a Editor,
    /// The token the form carries (the caller's).
    pub(super) csrf: &'a str,
    /// Show "saved".
    pub(super) saved: bool,
    /// The page on the served site.
    pub(super) site_link: Option<String>,
    /// The text on disk and the form's as a file, when the file changed since the form
    /// was opened.
    pub(super) conflict: Option<(String, String)>,
    /// Links and buttons about the file (its versions, delete), shown above the form.
    pub(super) links: String,
    /// The preview asked for without JavaScript.
    pub(super) preview: Option<super::preview::Shown>,
    /// A plan's task rows, and how many empty rows to offer after them.
    pub(super) tasks: Option<(Vec<super::tasks_grid::Row>, usize)>,
    /// The file just sent to the page's bundle.
    pub(super) uploaded: Option<String>,
    /// The table keys (a signer, dossier rows) and their rows.
    pub(super) tables: Vec<super::tables::Rows>,
    /// The files beside the page (in its bundle), offered where a file is named.
    pub(super) files: Vec<String>,
    /// Whether the caller may publish (else the form offers only "Lưu").
    pub(super) publisher: bool,
}

impl<'a> Form<'a> {
    pub(super) fn new(kind: Kind, place: &str, opened: Option<String>, editor: &'a Editor) -> Self {
        Form {
            kind,
            place: place.to_string(),
            opened,
            saved: false,
            site_link: None,
            conflict: None,
            editor,
            csrf: editor.token(),
            links: String::new(),
            preview: None,
            tasks: None,
            uploaded: None,
            tables: Vec::new(),
            files: Vec::new(),
            publisher: true,
        }
    }

    /// The form with `values`; `errors` each at its field (`None`: the page as a whole).
    pub(super) fn render(&self, values: &Values, errors: &[(Option<&str>, Diagnostic)]) -> String {
        let is_new = self.opened.is_none();
        let (title, action) = if is_new {
            (
                format!("{} mới", self.kind.label_vi()),
                format!("{PREFIX}moi/{}", self.place),
            )
        } else {
            (
                format!("Sửa content/{}", self.place),
                format!("{PREFIX}sua/{}", self.place),
            )
        };
        let mut out = format!("<h1>{}</h1>\n", escape(&title));
        if self.saved {
            out.push_str("<p class=\"da-luu\" role=\"status\">Đã lưu.</p>\n");
        }
        if let Some(link) = &self.site_link {
            out.push_str(&format!(
                "<p><a href=\"{}\">Xem trang trên trang web</a></p>\n",
                escape(link)
            ));
        }
        out.push_str(&self.links);
        if !errors.is_empty() {
            out.push_str(
                "<div class=\"loi-chung\" role=\"alert\"><h2>Chưa lưu: trang có lỗi</h2>\n<ul>\n",
            );
            for (_, d) in errors {
                out.push_str(&format!("<li>{}</li>\n", escape(&d.to_string())));
            }
            out.push_str(
                "</ul>\n<p>Những gì bạn đã gõ vẫn còn bên dưới; sửa rồi lưu lại.</p></div>\n",
            );
        }
        if let Some((disk, mine)) = &self.conflict {
            out.push_str(&super::conflict::panel(&self.place, disk, mine));
        }
        out.push_str(&format!(
            "<form id=\"bieu-mau\" method=\"post\" action=\"{}\" novalidate>\n\
             <input type=\"hidden\" name=\"csrf\" value=\"{}\">\n",
            escape(&action),
            escape(self.csrf)
        ));
        if let Some(h) = &self.opened {
            out.push_str(&format!(
                "<input type=\"hidden\" name=\"goc\" value=\"{}\">\n",
                escape(h)
            ));
        }
        let lists = self.editor.suggestions();
        for f in fields(self.kind) {
            let value = values.get(f.key).map_or("", String::as_str);
            let list = super::suggest::list_attr(&lists, f.key);
            out.push_str(&field(&f, value, errors_at(errors, f.key), &list));
        }
        out.push_str(&super::tables::render(&self.tables, &self.files));
        if let Some((rows, extra)) = &self.tasks {
            let add = action.replacen(PREFIX, &format!("{PREFIX}xem-truoc/"), 1);
            out.push_str(&super::tasks_grid::grid(rows, *extra, &lists, &add));
        }
        out.push_str(&super::suggest::datalists(&lists));
        out.push_str("<div class=\"soan-va-xem\">\n");
        out.push_str(&body(
            values.get("body").map_or("", String::as_str),
            errors_at(errors, "body"),
        ));
        out.push_str(&super::preview::pane(&action, self.preview.as_ref()));
        out.push_str("</div>\n");
        // An editor's account may save drafts only: the server refuses its "publish", so
        // the button is not offered (a publisher's and the local editor's forms have it).
        out.push_str(
            "<p class=\"nut\"><button type=\"submit\" name=\"luu\" value=\"1\">Lưu</button>\n",
        );
        if self.publisher {
            out.push_str("<button type=\"submit\" name=\"xuat-ban\" value=\"1\">Xuất bản</button>");
        } else {
            out.push_str(
                "<span class=\"goi-y\">Tài khoản của bạn lưu bản nháp; người có quyền xuất bản sẽ xuất bản trang.</span>",
            );
        }
        out.push_str("</p>\n</form>\n");
        let token = self.csrf;
        out.push_str(&if is_new {
            super::word::word_form(&self.place, token)
        } else {
            let uploaded = self.uploaded.as_deref();
            let named = uploaded.is_some_and(|f| super::attach::is_named(values, &self.tables, f));
            let choices = super::attach::choices(self.kind, &self.tables);
            super::upload::file_form(
                (&self.place, token, self.kind, self.editor.max_upload()),
                uploaded,
                named,
                &choices,
            )
        });
        layout(&title, &out)
    }
}

fn errors_at<'d>(errors: &'d [(Option<&str>, Diagnostic)], key: &str) -> Vec<&'d Diagnostic> {
    errors
        .iter()
        .filter(|(k, _)| *k == Some(key))
        .map(|(_, d)| d)
        .collect()
}

/// One field: label, help, errors, input.
fn field(f: &Field, value: &str, errors: Vec<&Diagnostic>, list: &str) -> String {
    let id = format!("f-{}", f.key);
    let mut described = vec![format!("h-{}", f.key)];
    let mut errs = String::new();
    for (i, d) in errors.iter().enumerate() {
        let eid = format!("e-{}-{i}", f.key);
        errs.push_str(&format!(
            "<p class=\"loi\" id=\"{eid}\">{}</p>\n",
            escape(&d.message)
        ));
        described.push(eid);
    }
    let aria = format!(
        " aria-describedby=\"{}\"{}",
        described.join(" "),
        if errors.is_empty() {
            ""
        } else {
            " aria-invalid=\"true\""
        }
    );
    let input = match f.shape {
        Shape::Bool => format!(
            "<input type=\"checkbox\" id=\"{id}\" name=\"{}\" value=\"true\"{}{aria}>",
            f.key,
            if value == "true" || value == "on" {
                " checked"
            } else {
                ""
            }
        ),
        Shape::Date => format!(
            "<input type=\"text\" id=\"{id}\" name=\"{}\" value=\"{}\" inputmode=\"numeric\" \
             placeholder=\"ngày/tháng/năm\" autocomplete=\"off\" class=\"ngay\"{aria}>",
            f.key,
            escape(value)
        ),
        Shape::Integer => format!(
            "<input type=\"text\" id=\"{id}\" name=\"{}\" value=\"{}\" inputmode=\"numeric\"{aria}>",
            f.key,
            escape(value)
        ),
        _ if f.key == "description" => format!(
            "<textarea id=\"{id}\" name=\"{}\" rows=\"3\"{aria}>{}</textarea>",
            f.key,
            escape(value)
        ),
        _ => format!(
            "<input type=\"text\" id=\"{id}\" name=\"{}\" value=\"{}\"{list}{aria}>",
            f.key,
            escape(value)
        ),
    };
    let class = if errors.is_empty() {
        "truong"
    } else {
        "truong co-loi"
    };
    format!(
        "<div class=\"{class}\">\n<label for=\"{id}\">{}</label>\n\
         <p class=\"goi-y\" id=\"h-{}\">{} <code>{}</code></p>\n{errs}{input}\n</div>\n",
        escape(f.label),
        f.key,
        escape(f.help),
        f.key
    )
}

/// The Markdown body.
fn body(value: &str, errors: Vec<&Diagnostic>) -> String {
    let errs: String = errors
        .iter()
        .map(|d| {
            let line = if d.line > 0 {
                format!("dòng {} của tệp: ", d.line)
            } else {
                String::new()
            };
            format!("<p class=\"loi\">{line}{}</p>\n", escape(&d.message))
        })
        .collect();
    format!(
        "<div class=\"truong\">\n<label for=\"f-body\">Nội dung</label>\n\
         <p class=\"goi-y\" id=\"h-body\">Viết bằng Markdown: ## Tiêu đề mục, **chữ đậm**, - danh sách.</p>\n\
         {errs}<textarea id=\"f-body\" name=\"body\" rows=\"18\" aria-describedby=\"h-body\">{}</textarea>\n</div>\n",
        escape(value)
    )
}

/// The editor's stylesheet: readable on a phone, visible focus, errors in red with a
/// border (not by colour alone).
pub const CSS: &str = concat!("body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}
header{background:#0b3d91;padding:.6em 1em}header a{color:#fff;font-weight:600}
main{max-width:60em;margin:0 auto;padding:1em}
label{display:block;font-weight:600;margin-top:1em}
input[type=text],textarea,select{width:100%;box-sizing:border-box;font:inherit;padding:.4em;border:1px solid #555;border-radius:3px}
textarea{font-family:ui-monospace,monospace}
.goi-y{margin:.1em 0 .3em;color:#444;font-size:.9em}
.loi{color:#a00;font-weight:600;margin:.2em 0}
.co-loi input,.co-loi textarea{border:2px solid #a00}
.loi-chung{border:2px solid #a00;background:#fff5f5;padding:.5em 1em;margin:1em 0}
.da-luu{border:2px solid #060;background:#f3fff3;padding:.5em 1em}
pre{white-space:pre-wrap;background:#f4f4f4;padding:.5em}
button{font:inherit;padding:.5em 1.2em;margin:1em .5em 0 0}
:focus{outline:3px solid #e8a800;outline-offset:2px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3em;border-bottom:1px solid #ccc;vertical-align:top}
.loc{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:end}.loc label{margin-top:0}
header{display:flex;flex-wrap:wrap;gap:.3em 1.2em;align-items:center}header form{margin:0 0 0 auto;color:#fff}header button{margin:0;padding:.2em .8em}
.khac-nhau del{color:#7a0000;background:#ffecec;text-decoration:none;display:block}.khac-nhau ins{color:#004d00;background:#eaffea;text-decoration:none;display:block}
.dang-nhap{max-width:24em}.dang-nhap input{width:100%;box-sizing:border-box;font:inherit;padding:.4em;border:1px solid #555;border-radius:3px}
", include_str!("assets/editor.css"));
