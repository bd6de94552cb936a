//! Files sent from the browser: images, forms and attachments into a page's bundle (and,
//! where the form says, named in the page: [`super::attach`]). Word files: [`super::word`].
//!
//! Nothing from the request reaches a path as it came: a file's name is made again by the
//! slug function from its stem, its type must be on [`ALLOWED`] and its first bytes must
//! be what that type starts with, its size at most the limit, and the folder is the
//! page's own, found from a checked page path. A page that is a single file
//! (`tin-tuc/abc.md`) becomes a bundle (`tin-tuc/abc/index.md`, the same address on the
//! site) before its first file. Images are resized by the build's image stage like any
//! bundle image.

use std::path::{Path, PathBuf};

use super::{Caller, Editor, Form, PREFIX, Reply, html, refused, store};
use crate::content::Kind;
use crate::error::Diagnostic;
use crate::output_file::write_atomic;
use crate::text::html::escape;
use crate::text::slug::slugify;

/// The types a page's bundle takes from the browser.
pub const ALLOWED: [&str; 11] = [
    "pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "jpg", "jpeg", "png", "webp",
];

/// The largest file taken when the site does not say (20 MB).
pub const DEFAULT_MAX: usize = 20 * 1024 * 1024;

/// A file as sent: the name the browser gave, and its bytes.
#[derive(Debug)]
pub struct Upload {
    /// The name on the editor's computer (only its stem and extension are used).
    pub name: String,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// Whether `bytes` start as a file of type `ext` does: an image renamed `.pdf`, or a
/// program renamed `.jpg`, is refused.
fn looks_like(ext: &str, bytes: &[u8]) -> bool {
    match ext {
        "pdf" => bytes.starts_with(b"%PDF"),
        "jpg" | "jpeg" => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
        "png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "webp" => bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP",
        // Office Open XML and OpenDocument files are zip archives.
        "docx" | "xlsx" | "odt" | "ods" => bytes.starts_with(b"PK\x03\x04"),
        // Word 97 and Excel 97 files are OLE compound files.
        "doc" | "xls" => bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        _ => false,
    }
}

/// The file name a sent name becomes: its stem by the slug function, its extension in
/// lower case (`.jpeg` as `.jpg`), or why it is refused.
pub fn file_name(sent: &str, allowed: &[&str]) -> Result<String, String> {
    // Only the last part: a browser may send a whole path ("C:\\Users\\…\\a.pdf").
    let base = sent.rsplit(['/', '\\']).next().unwrap_or("");
    let (stem, ext) = base.rsplit_once('.').unwrap_or((base, ""));
    let ext = ext.to_ascii_lowercase();
    if !allowed.contains(&ext.as_str()) {
        let list = allowed.join(", ");
        return Err(crate::tr!(
            en: "\"{base}\" is not a type the editor takes; send one of: {list}",
            vi: "\"{base}\" không thuộc loại tệp được nhận; hãy gửi tệp: {list}",
        ));
    }
    let ext = if ext == "jpeg" {
        "jpg".to_string()
    } else {
        ext
    };
    let mut slug = slugify(stem);
    if slug.is_empty() || crate::content::names::unsafe_name(&slug).is_some() {
        slug = "tep".to_string();
    }
    Ok(format!("{slug}.{ext}"))
}

impl Editor {
    /// Puts a file sent with the form of the page `rel` into its bundle.
    pub fn upload(&self, rel: &str, form: &Form, file: Option<Upload>, caller: &Caller) -> Reply {
        if !caller.allowed(form) {
            return refused();
        }
        let Some((rel, path)) = self.file(rel) else {
            return super::not_found();
        };
        let Some(file) = file.filter(|f| !f.name.is_empty()) else {
            return Reply::page(400, html::message(&no_file()));
        };
        let name = match file_name(&file.name, &ALLOWED) {
            Ok(n) => n,
            Err(why) => return Reply::page(415, html::message(&why)),
        };
        if file.bytes.len() > self.max_upload {
            return Reply::page(413, html::message(&too_big(self.max_upload)));
        }
        let ext = name.rsplit('.').next().unwrap_or("");
        if !looks_like(ext, &file.bytes) {
            return Reply::page(
                415,
                html::message(&crate::tr!(
                    en: "\"{name}\" does not hold what its name says (a .{ext} file); open it on your computer and save it again as .{ext}",
                    vi: "tệp \"{name}\" không đúng loại như tên (.{ext}); hãy mở tệp trên máy và lưu lại dạng .{ext}",
                )),
            );
        }
        let rel = match self.as_bundle(&rel, &path, &caller.name) {
            Ok(r) => r,
            Err(d) => return Reply::page(409, html::message(&d.to_string())),
        };
        let dir = rel.trim_end_matches("index.md").trim_end_matches('/');
        let Some((saved, target)) = self.free_file(dir, &name) else {
            return super::not_found();
        };
        // Where the form asked the file to be named in the page: checked before any write.
        let gan = form.iter().find(|(k, _)| k == super::attach::FIELD);
        let attached = match gan.filter(|(_, v)| !v.is_empty()) {
            Some((_, to)) => match self.attached(&rel, to, &saved, &file.name, caller) {
                Ok(text) => Some(text),
                Err(d) => return Reply::page(422, html::message(&d.to_string())),
            },
            None => None,
        };
        let written = write_atomic(&target, &file.bytes).and_then(|_| {
            store::log(
                &self.root,
                &format!("{dir}/{saved}"),
                "upload",
                &caller.name,
            )
        });
        if let Err(e) = written {
            let d = Diagnostic::io(&target, "write", &e);
            return Reply::page(500, html::message(&d.to_string()));
        }
        if let Some(text) = attached {
            let page = store::inside_content(&self.root, &rel);
            let done = page.as_ref().map(|p| {
                store::save_as(&self.root, &rel, p, &text, "attach", &caller.name)
                    .map_err(|e| Diagnostic::io(p, "write", &e))
            });
            if let Some(Err(d)) = done {
                return Reply::page(500, html::message(&d.to_string()));
            }
        }
        Reply {
            status: 303,
            html: String::new(),
            location: Some(format!("{PREFIX}sua/{rel}?tai-len={saved}")),
        }
    }

    /// `rel` as a bundle's `index.md`: a single-file page is moved into a folder of its
    /// name first (the same address on the site), the move kept and logged as a save.
    fn as_bundle(&self, rel: &str, path: &Path, who: &str) -> Result<String, Diagnostic> {
        if rel.ends_with("/index.md") || rel == "index.md" {
            return Ok(rel.to_string());
        }
        let stem = rel.trim_end_matches(".md");
        let new_rel = format!("{stem}/index.md");
        let taken = || {
            Diagnostic::file(
                Path::new("content").join(stem),
                crate::tr!(
                    en: "a folder of this page's name already exists, so its files cannot go beside it; move the page into that folder as index.md by hand",
                    vi: "đã có thư mục trùng tên trang này, nên không đặt tệp cạnh trang được; hãy tự chuyển trang vào thư mục đó thành index.md",
                ),
            )
        };
        let Some(new_path) = store::inside_content(&self.root, &new_rel) else {
            return Err(taken());
        };
        if new_path.parent().is_some_and(Path::exists) {
            return Err(taken());
        }
        let bytes = std::fs::read(path).map_err(|e| Diagnostic::io(path, "read this file", &e))?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Diagnostic::file(
                Path::new("content").join(rel),
                crate::tr!(
                    en: "this file is not UTF-8 text; save it as UTF-8 before adding files to it",
                    vi: "tệp này không phải chữ UTF-8; hãy lưu lại dạng UTF-8 trước khi thêm tệp",
                ),
            )
        })?;
        store::save_as(&self.root, &new_rel, &new_path, &text, "bundle", who)
            .and_then(|_| std::fs::remove_file(path))
            .map_err(|e| Diagnostic::io(path, "move a file into place", &e))?;
        Ok(new_rel)
    }

    /// A free name for `name` in the bundle folder `dir` (`name-2.ext` … when taken), and
    /// its checked path.
    fn free_file(&self, dir: &str, name: &str) -> Option<(String, PathBuf)> {
        let (stem, ext) = name.rsplit_once('.')?;
        let mut candidate = name.to_string();
        for n in 2..1000 {
            let path = store::inside_content(&self.root, &format!("{dir}/{candidate}"))?;
            if !path.exists() {
                return Some((candidate, path));
            }
            candidate = format!("{stem}-{n}.{ext}");
        }
        None
    }
}

pub(super) fn no_file() -> String {
    crate::tr!(
        en: "choose a file to send first",
        vi: "hãy chọn tệp cần gửi trước",
    )
}

pub(super) fn too_big(max: usize) -> String {
    let mb = max / (1024 * 1024);
    crate::tr!(
        en: "the file is larger than {mb} MB, the largest the editor takes; make it smaller (a PDF printed again, a photo resized) or ask the IT staff to raise the limit",
        vi: "tệp lớn hơn {mb} MB, mức lớn nhất được nhận; hãy làm tệp nhỏ lại (in lại PDF, thu nhỏ ảnh) hoặc nhờ cán bộ kỹ thuật nâng mức này",
    )
}

/// The form that sends a file to the page `rel`'s bundle, with what to write after
/// (nothing when the page already names it, `named`); `choices`: where the page may name
/// the file ([`super::attach::choices`]).
pub(super) fn file_form(
    (rel, token, kind, max): (&str, &str, Kind, usize),
    uploaded: Option<&str>,
    named: bool,
    choices: &str,
) -> String {
    let mut out = String::from(
        "<section class=\"tai-len\" aria-labelledby=\"tl-tieu-de\">\n<h2 id=\"tl-tieu-de\">Tải tệp lên</h2>\n",
    );
    if let Some(name) = uploaded.filter(|_| named) {
        out.push_str(&format!(
            "<p class=\"da-luu\" role=\"status\">Đã tải lên <code>{}</code> và ghi tên tệp vào trang.</p>\n",
            escape(name)
        ));
    } else if let Some(name) = uploaded {
        let is_image = matches!(name.rsplit('.').next(), Some("jpg" | "png" | "webp"));
        let snippet = if is_image {
            format!("![mô tả ảnh]({name})")
        } else {
            format!("[{name}]({name})")
        };
        out.push_str(&format!(
            "<p class=\"da-luu\" role=\"status\">Đã tải lên <code>{}</code>. Viết <code>{}</code> vào nội dung để hiện tệp này.</p>\n",
            escape(name),
            escape(&snippet)
        ));
    }
    let what = match kind {
        Kind::Procedure => "Ảnh, biểu mẫu của thủ tục (tờ khai)",
        Kind::Plan => "Ảnh, tệp đính kèm của kế hoạch (bản có chữ ký, phụ lục)",
        _ => "Ảnh hoặc tệp đính kèm",
    };
    out.push_str(&format!(
        "<form method=\"post\" action=\"{PREFIX}tai-len/{}\" enctype=\"multipart/form-data\">\n\
         <input type=\"hidden\" name=\"csrf\" value=\"{}\">\n\
         <label for=\"tl-tep\">{what}</label>\n\
         <p class=\"goi-y\" id=\"h-tl-tep\">Nhận tệp {} (tối đa {} MB). Tên tệp được viết lại không dấu. \
         Lưu nội dung đang sửa trước khi tải tệp.</p>\n\
         <input type=\"file\" id=\"tl-tep\" name=\"tep\" aria-describedby=\"h-tl-tep\">\n\
         {choices}<button type=\"submit\">Tải lên</button>\n</form>\n</section>\n",
        escape(rel),
        escape(token),
        ALLOWED.join(", "),
        max / (1024 * 1024)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_made_again_and_types_allow_listed() {
        assert_eq!(
            file_name("Ảnh Hội nghị.JPEG", &ALLOWED).unwrap(),
            "anh-hoi-nghi.jpg"
        );
        assert_eq!(
            file_name("C:\\Users\\a\\Tờ khai.docx", &ALLOWED).unwrap(),
            "to-khai.docx"
        );
        assert_eq!(
            file_name("../../site.toml.pdf", &ALLOWED).unwrap(),
            "site-toml.pdf"
        );
        assert_eq!(file_name("..pdf", &ALLOWED).unwrap(), "tep.pdf");
        assert!(file_name("a.exe", &ALLOWED).is_err());
        assert!(file_name("a.html", &ALLOWED).is_err());
        assert!(file_name("a.svg", &ALLOWED).is_err());
        assert!(file_name("pdf", &ALLOWED).is_err());
        assert!(file_name("a.pdf", &["docx", "odt"]).is_err());
    }

    #[test]
    fn contents_must_match_the_type() {
        assert!(looks_like("pdf", b"%PDF-1.7\n"));
        assert!(!looks_like("pdf", b"<html>"));
        assert!(looks_like("png", b"\x89PNG\r\n\x1a\n...."));
        assert!(!looks_like("jpg", b"MZ\x90\x00"));
        assert!(looks_like("webp", b"RIFF\x10\x00\x00\x00WEBPVP8 "));
        assert!(looks_like("docx", b"PK\x03\x04rest"));
    }
}
