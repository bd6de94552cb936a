//! A file sent to a page's bundle, named in the page by the editor itself: as the form
//! file of a procedure's dossier row (`[[documents]] form`), of an existing row or of a new
//! one named after the sent file, or added to a plan's `attachments`. The editor picks
//! where in the upload form (`gan`); the name written is the one the upload made, so no
//! one types a file name by hand. The page so changed is checked by the build's parser
//! before anything is written, like any save.

use std::path::Path;

use super::contract::fields;
use super::front::{Opened, make, open};
use super::tables::{self, Rows};
use super::{Caller, Editor, store, text_of};
use crate::content::Kind;
use crate::error::Diagnostic;
use crate::text::html::escape;

/// The upload form's field saying where the sent file is named in the page.
pub(super) const FIELD: &str = "gan";
/// `gan`: added to the plan's attachments.
const ATTACHMENTS: &str = "dinh-kem";
/// `gan`: a new dossier row, named after the sent file.
const NEW_ROW: &str = "hs-moi";
/// `gan`: the dossier row `hs-<n>` (from 1).
const ROW: &str = "hs-";

impl Editor {
    /// The files beside the page `rel` (in its bundle), by name.
    pub(super) fn files_beside(&self, rel: &str) -> Vec<String> {
        let Some(dir) = rel.strip_suffix("index.md") else {
            return Vec::new();
        };
        let Some(path) = store::inside_content(&self.root, &format!("{dir}x")) else {
            return Vec::new();
        };
        let mut names: Vec<String> = path
            .parent()
            .and_then(|d| std::fs::read_dir(d).ok())
            .map(|d| {
                d.filter_map(Result::ok)
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                    .filter_map(|e| e.file_name().into_string().ok())
                    .filter(|n| !n.ends_with(".md") && !n.starts_with('.'))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    /// The text of the page `rel` with the file `saved` named where `target` says (`sent`:
    /// the name the browser gave, whose stem names a new dossier row); checked with the
    /// build's parser. Nothing is written here.
    pub(super) fn attached(
        &self,
        rel: &str,
        target: &str,
        saved: &str,
        sent: &str,
        caller: &Caller,
    ) -> Result<String, Diagnostic> {
        let file = Path::new("content").join(rel);
        let path = store::inside_content(&self.root, rel)
            .ok_or_else(|| Diagnostic::file(&file, "outside content/"))?;
        let bytes =
            std::fs::read(&path).map_err(|e| Diagnostic::io(&path, "read this file", &e))?;
        let kind = self.kind_of(rel);
        let f = fields(kind);
        let mut opened = open(&text_of(&bytes), &f).map_err(|why| Diagnostic::file(&file, why))?;
        caller.may_write(false, &opened.values)?;
        name_in(kind, &mut opened, target, saved, sent)
            .map_err(|why| Diagnostic::file(&file, why))?;
        let made = make(&f, &opened.values, &opened.kept, false);
        match self.check(rel, &made.text).into_iter().next() {
            Some(d) => Err(d),
            None => Ok(made.text),
        }
    }
}

/// Names `saved` in the opened page where `target` says; the reason when it cannot.
fn name_in(
    kind: Kind,
    page: &mut Opened,
    target: &str,
    saved: &str,
    sent: &str,
) -> Result<(), String> {
    if target == ATTACHMENTS && fields(kind).iter().any(|f| f.key == "attachments") {
        let now = page.values.get("attachments").map_or("", |s| s.trim());
        let listed = now.split(',').any(|a| a.trim() == saved);
        if !listed {
            let joined = if now.is_empty() {
                saved.to_string()
            } else {
                format!("{now}, {saved}")
            };
            page.values.insert("attachments".into(), joined);
        }
        return Ok(());
    }
    let cannot = || {
        crate::tr!(
            en: "this page has no dossier row \"{target}\" to name the file in; the file was not sent",
            vi: "trang này không có dòng thành phần hồ sơ \"{target}\" để gắn tệp; tệp chưa được gửi",
        )
    };
    let mut shown = tables::take(kind, &mut page.kept);
    let (t, rows) = shown
        .iter_mut()
        .find(|(t, _)| t.many && t.keys.contains(&"form"))
        .ok_or_else(cannot)?;
    let col = |k: &str| t.keys.iter().position(|x| *x == k);
    let (name_col, form_col) = (
        col("name").ok_or_else(cannot)?,
        col("form").ok_or_else(cannot)?,
    );
    if target == NEW_ROW {
        let base = sent.rsplit(['/', '\\']).next().unwrap_or(sent);
        let stem = base.rsplit_once('.').map_or(base, |(s, _)| s).trim();
        let mut row = vec![String::new(); t.keys.len()];
        row[name_col] = if stem.is_empty() { saved } else { stem }.to_string();
        row[form_col] = saved.to_string();
        rows.push(row);
    } else {
        let n: usize = target
            .strip_prefix(ROW)
            .and_then(|n| n.parse().ok())
            .ok_or_else(cannot)?;
        let row = n
            .checked_sub(1)
            .and_then(|i| rows.get_mut(i))
            .ok_or_else(cannot)?;
        row[form_col] = saved.to_string();
    }
    tables::merge(&mut page.kept, &shown);
    Ok(())
}

/// Whether the page shown in a form names `file` (in its attachments or a dossier row).
pub(super) fn is_named(values: &super::front::Values, rows: &[Rows], file: &str) -> bool {
    let in_attachments = values
        .get("attachments")
        .is_some_and(|a| a.split(',').any(|x| x.trim() == file));
    in_attachments
        || rows
            .iter()
            .any(|(_, r)| r.iter().flatten().any(|c| c == file))
}

/// The upload form's choice of where to name the sent file, for a page of `kind` with
/// the table rows `rows`; empty for a kind that names no files.
pub(super) fn choices(kind: Kind, rows: &[Rows]) -> String {
    let mut options = Vec::new();
    if fields(kind).iter().any(|f| f.key == "attachments") {
        options.push((
            ATTACHMENTS.to_string(),
            "Thêm vào tệp đính kèm của trang".to_string(),
        ));
    }
    if let Some((_, list)) = rows
        .iter()
        .find(|(t, _)| t.many && t.keys.contains(&"form"))
    {
        options.push((
            NEW_ROW.to_string(),
            "Thêm thành phần hồ sơ mới, tệp này là mẫu".to_string(),
        ));
        for (i, row) in list.iter().enumerate() {
            let name = row.first().map_or("", String::as_str);
            options.push((format!("{ROW}{}", i + 1), format!("Làm mẫu cho: {name}")));
        }
    }
    if options.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<label for=\"tl-gan\">Gắn tệp vào trang</label>\n\
         <p class=\"goi-y\" id=\"h-tl-gan\">congbo tự ghi tên tệp vào chỗ đã chọn; không cần gõ tên tệp.</p>\n\
         <select id=\"tl-gan\" name=\"{FIELD}\" aria-describedby=\"h-tl-gan\">\n\
         <option value=\"\">Không gắn (chỉ tải lên)</option>\n"
    );
    for (value, label) in options {
        out.push_str(&format!(
            "<option value=\"{}\">{}</option>\n",
            escape(&value),
            escape(&label)
        ));
    }
    out.push_str("</select>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::raw::RawPage;

    fn opened(text: &str, kind: Kind) -> Opened {
        open(text, &fields(kind)).unwrap()
    }

    fn raw(page: &Opened, kind: Kind) -> RawPage {
        let made = make(&fields(kind), &page.values, &page.kept, false);
        let front = made.text.split("+++\n").nth(1).unwrap();
        toml::from_str(front).unwrap()
    }

    #[test]
    fn a_form_file_goes_into_a_new_or_an_existing_dossier_row() {
        let text = "+++\ntitle = \"Khai sinh\"\n[[documents]]\nname = \"Tờ khai\"\noriginals = 1\n+++\nThân.\n";
        let mut page = opened(text, Kind::Procedure);
        name_in(Kind::Procedure, &mut page, "hs-1", "to-khai.docx", "x.docx").unwrap();
        name_in(
            Kind::Procedure,
            &mut page,
            NEW_ROW,
            "giay-uy-quyen.pdf",
            "C:\\a\\Giấy ủy quyền.pdf",
        )
        .unwrap();
        let docs = raw(&page, Kind::Procedure).documents.unwrap();
        assert_eq!(docs[0].form.as_deref(), Some("to-khai.docx"));
        assert_eq!(docs[0].originals, Some(1));
        assert_eq!(docs[1].name, "Giấy ủy quyền");
        assert_eq!(docs[1].form.as_deref(), Some("giay-uy-quyen.pdf"));
        assert!(name_in(Kind::Procedure, &mut page, "hs-9", "a.pdf", "a.pdf").is_err());
        assert!(name_in(Kind::Procedure, &mut page, "hs-x", "a.pdf", "a.pdf").is_err());
    }

    #[test]
    fn an_attachment_is_added_once_to_a_plan() {
        let text = "+++\ntitle = \"KH\"\nattachments = [\"a.pdf\"]\n+++\n";
        let mut page = opened(text, Kind::Plan);
        name_in(Kind::Plan, &mut page, ATTACHMENTS, "b.pdf", "b.pdf").unwrap();
        name_in(Kind::Plan, &mut page, ATTACHMENTS, "b.pdf", "b.pdf").unwrap();
        assert_eq!(
            raw(&page, Kind::Plan).attachments.unwrap(),
            ["a.pdf", "b.pdf"]
        );
        // A news item has neither: nothing to name the file in.
        let mut news = opened("+++\ntitle = \"Tin\"\n+++\n", Kind::News);
        assert!(name_in(Kind::News, &mut news, ATTACHMENTS, "b.pdf", "b.pdf").is_err());
        assert!(choices(Kind::News, &[]).is_empty());
        assert!(choices(Kind::Plan, &[]).contains("dinh-kem"));
    }
}
