//! `congbo import FILE…`: a document that already exists as a Word file (`.docx`) or as
//! an OpenDocument text (`.odt`, [`odt`]) or text pasted from a signed PDF (`.txt`, `.md`) becomes a page bundle with congbo's front
//! matter, so an editor does not retype it. The reader ([`docx`], with the zip and XML
//! limits of [`package`]) makes a [`doc::Doc`]; [`header`] finds the ND 30/2020 frame;
//! [`body`] writes the rest as Markdown. Task extraction is the build's: import converts
//! faithfully, and the build finds the tasks in the Markdown.

mod body;
mod doc;
mod docx;
mod front;
mod header;
mod inline;
mod legacy;
mod odt;
mod package;
mod text;
mod word_styles;

use std::path::{Path, PathBuf};

use crate::content::Kind;
use crate::error::Diagnostic;
use crate::markdown::tasks::plan_tasks;
use crate::markdown::{LinkContext, PageRef};
use crate::text::slug::slugify;

/// What `congbo import` was asked for.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The site folder (with `site.toml`).
    pub root: PathBuf,
    /// The files to import.
    pub files: Vec<PathBuf>,
    /// The kind, instead of the one the type word gives.
    pub kind: Option<Kind>,
    /// The section folder under `content/`, instead of the kind's.
    pub section: Option<String>,
    /// Write nothing, only say what would be written.
    pub dry_run: bool,
}

/// What one file gave.
#[derive(Clone, Debug, Default)]
pub struct Imported {
    /// The source file.
    pub source: PathBuf,
    /// The page written (or that would be), relative to the site folder.
    pub page: PathBuf,
    /// One line per thing found, for the editor to check.
    pub lines: Vec<String>,
    /// Values left unset and paragraphs not placed.
    pub warnings: Vec<String>,
}

/// Imports every file; a file that fails is reported and writes nothing, the others go on.
pub fn import(opts: &ImportOptions) -> (Vec<Imported>, Vec<Diagnostic>) {
    let mut done = Vec::new();
    let mut errors = Vec::new();
    if let Err(e) = std::fs::metadata(opts.root.join("site.toml")) {
        errors.push(crate::build::no_site(&opts.root, &e));
        return (done, errors);
    }
    for file in &opts.files {
        match import_one(opts, file) {
            Ok(i) => done.push(i),
            Err(e) => errors.push(e),
        }
    }
    (done, errors)
}

/// The page `congbo import` would write for a source file's `bytes`, read by the extension
/// of `file` (`.docx`, `.odt`, `.txt`, `.md`); nothing is written. The reader's whole
/// path, for the fuzz target (fuzz/fuzz_targets/import_docx.rs).
pub fn page_of(file: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    convert(file, bytes, None, None).map(|c| c.page)
}

/// A converted document, before anything is written.
pub(crate) struct Converted {
    /// The kind of page.
    pub kind: Kind,
    /// The title.
    pub title: String,
    /// `index.md`'s text.
    pub page: String,
    /// Images to write beside it.
    pub images: Vec<doc::Image>,
    /// Summary lines.
    pub lines: Vec<String>,
    /// Warnings.
    pub warnings: Vec<String>,
}

/// Reads and converts one source file; `attachment` is the name the original gets in the
/// bundle.
pub(crate) fn convert(
    file: &Path,
    bytes: &[u8],
    kind: Option<Kind>,
    attachment: Option<&str>,
) -> Result<Converted, Diagnostic> {
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let (document, formatted) = match ext.as_str() {
        "docx" => (docx::read(file, bytes)?, true),
        "odt" => (odt::read(file, bytes)?, true),
        "txt" | "md" => (text::read(file, bytes)?, false),
        _ => {
            return Err(Diagnostic::file(
                file,
                crate::tr!(
                    en: "congbo import reads .docx, .odt, .txt and .md files; save this one from Word as .docx, or copy its text into a .txt file",
                    vi: "congbo import đọc tệp .docx, .odt, .txt và .md; hãy lưu tệp này trong Word dạng .docx, hoặc chép chữ vào một tệp .txt",
                ),
            ));
        }
    };
    let framed = header::frame(document.blocks);
    let meta = &framed.meta;
    let kind = kind
        .or_else(|| meta.kind.and_then(Kind::parse))
        .unwrap_or(Kind::Page);
    let title = meta.title.clone().unwrap_or_else(|| {
        file.file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string()
    });
    let (body, counts) = body::markdown(&framed.body, &document.footnotes, formatted);
    let citations = crate::markdown::citation::find_citations(&body).len();
    let page = front::front_matter(kind, &title, meta, attachment) + "\n" + &body;
    let none = || crate::tr!(en: "(none)", vi: "(không có)");
    let mut lines = vec![
        format!("kind: {}", kind.name()),
        format!("number: {}", meta.number.clone().unwrap_or_else(none)),
        format!("date: {}", meta.date.map(|d| d.iso()).unwrap_or_else(none)),
        format!("authority: {}", meta.authority.clone().unwrap_or_else(none)),
        format!("title: {title}"),
        format!(
            "period: {}",
            front::title_years(&title)
                .filter(|_| kind == Kind::Plan)
                .map_or_else(none, |(a, b)| if a == b {
                    crate::tr!(en: "{a} (from the title)", vi: "{a} (theo tên văn bản)")
                } else {
                    crate::tr!(en: "{a}–{b} (from the title)", vi: "{a}–{b} (theo tên văn bản)")
                })
        ),
        format!("sections: {}", counts.sections),
        format!("tables: {}", counts.tables),
        format!("citations: {citations}"),
        format!("images: {}", document.images.len()),
    ];
    if document.legacy_runs > 0 {
        lines.push(format!(
            "legacy-font runs decoded: {}",
            document.legacy_runs
        ));
    }
    let mut warnings = framed.warnings.clone();
    for (pos, t) in &framed.unplaced {
        warnings.push(crate::tr!(
            en: "paragraph {pos} not placed (left out): \"{t}\"",
            vi: "đoạn {pos} không xếp được vào đâu (đã bỏ ra): \"{t}\"",
        ));
    }
    Ok(Converted {
        kind,
        title,
        page,
        images: document.images,
        lines,
        warnings,
    })
}

fn import_one(opts: &ImportOptions, file: &Path) -> Result<Imported, Diagnostic> {
    let bytes = std::fs::read(file).map_err(|e| Diagnostic::io(file, "read this file", &e))?;
    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("van-ban");
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let attachment = {
        let s = slugify(stem);
        let s = if s.is_empty() {
            "van-ban".to_string()
        } else {
            s
        };
        format!("{s}.{ext}")
    };
    let c = convert(file, &bytes, opts.kind, Some(&attachment))?;
    let section = match &opts.section {
        Some(s) => s.trim().trim_matches('/').to_string(),
        None => crate::new_page::section_for(&opts.root, c.kind)?,
    };
    if section.split('/').any(|p| p == ".." || p == ".") {
        return Err(Diagnostic::command(crate::tr!(
            en: "--section \"{section}\" is not a folder under content/",
            vi: "--section \"{section}\" không phải thư mục trong content/",
        )));
    }
    let mut slug = slugify(&c.title);
    if slug.is_empty() {
        slug = slugify(stem);
    }
    let dir_rel = Path::new("content").join(&section).join(&slug);
    let page = dir_rel.join("index.md");
    let dir = opts.root.join(&dir_rel);
    if dir.exists()
        || opts
            .root
            .join("content")
            .join(&section)
            .join(format!("{slug}.md"))
            .exists()
    {
        return Err(Diagnostic::file(
            &page,
            crate::tr!(
                en: "this page already exists, so congbo import did not replace it: remove or rename it first, or edit it by hand",
                vi: "trang này đã có, nên congbo import không ghi đè: hãy xóa hoặc đổi tên trang cũ trước, hoặc sửa tay",
            ),
        ));
    }
    let mut lines = c.lines.clone();
    if c.kind == Kind::Plan {
        // What the build will find, read from the page as written (or as it would be).
        let text = if opts.dry_run {
            c.page.clone()
        } else {
            write_bundle(&dir, &c, &attachment, &bytes)?;
            let written = dir.join("index.md");
            std::fs::read_to_string(&written)
                .map_err(|e| Diagnostic::io(&written, "read this file", &e))?
        };
        lines.push(tasks_line(&page, &text));
    } else if !opts.dry_run {
        write_bundle(&dir, &c, &attachment, &bytes)?;
    }
    Ok(Imported {
        source: file.to_path_buf(),
        page,
        lines,
        warnings: c.warnings,
    })
}

/// The summary's tasks line of a plan page (`file`, with text `text`): the build's own
/// extraction (its Markdown rendering of a plan, then [`plan_tasks`]), so what import says
/// is what `congbo build` will list, by the shape each task was read from.
fn tasks_line(file: &Path, text: &str) -> String {
    let Ok(split) = crate::content::frontmatter::split(text) else {
        return crate::tr!(en: "tasks: not read (the front matter)", vi: "tasks: không đọc được (phần khai báo)");
    };
    let page = PageRef {
        file,
        content_file: "",
        path: "",
        body_line: split.body_line,
        plan: true,
    };
    // Links to pages of the site are not checked here: the build does that.
    let ctx = LinkContext {
        defer_broken: true,
        ..LinkContext::default()
    };
    let found = match crate::markdown::render(split.body, &page, &ctx) {
        // An imported page has no `[[tasks]]` of its own: every task comes from its text.
        Ok(r) => plan_tasks(&r.text_tasks, &r.tables, &[]),
        Err(e) => {
            let n = e.len();
            return crate::tr!(
                en: "tasks: not read ({n} problems in the body; congbo build names them)",
                vi: "tasks: không đọc được ({n} lỗi trong nội dung; congbo build sẽ chỉ ra)",
            );
        }
    };
    let n = found.tasks.len();
    if n == 0 {
        return crate::tr!(
            en: "tasks: 0 (no shape congbo reads; see the guide, Nhiệm vụ)",
            vi: "tasks: 0 (không có cách viết nào congbo đọc được; xem hướng dẫn, Nhiệm vụ)",
        );
    }
    let shapes = found
        .by_shape()
        .iter()
        .map(|(s, k)| format!("{k} {}", s.label()))
        .collect::<Vec<_>>()
        .join(", ");
    format!("tasks: {n} ({shapes})")
}

/// Writes the bundle into a folder that must not exist yet; on a failure half way the
/// folder is removed again, so nothing half-written is left for the build.
fn write_bundle(
    dir: &Path,
    c: &Converted,
    attachment: &str,
    original: &[u8],
) -> Result<(), Diagnostic> {
    if let Some(parent) = dir.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| Diagnostic::io(parent, "create a folder", &e))?;
    }
    std::fs::create_dir(dir).map_err(|e| Diagnostic::io(dir, "create a folder", &e))?;
    let write = || -> Result<(), Diagnostic> {
        let put = |name: &str, bytes: &[u8]| {
            let p = dir.join(name);
            std::fs::write(&p, bytes).map_err(|e| Diagnostic::io(&p, "write", &e))
        };
        put(attachment, original)?;
        for img in &c.images {
            put(&img.name, &img.bytes)?;
        }
        put("index.md", c.page.as_bytes())
    };
    write().inspect_err(|_| {
        let _ = std::fs::remove_dir_all(dir);
    })
}

#[cfg(test)]
mod tests;
