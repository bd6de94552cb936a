//! `congbo new <kind-or-section> "Tiêu đề"`: a new content file with the front matter of
//! its kind, today's date and a slug from the title. The section's kind is found the way
//! the build finds it (the `kind` of its `_index.md`, else the folder name, else its
//! parent's), so the file builds as written. Keys the editor has to fill in are written
//! as TOML comments with an example, so nothing made up is ever published.

mod front;

use std::path::{Path, PathBuf};

use crate::content::raw::RawSection;
use crate::content::{Kind, frontmatter, names};
use crate::error::Diagnostic;
use crate::text::date::{Date, parse_date};
use crate::text::normalize::nfc;
use crate::text::slug::slugify;

pub use front::front_matter;

/// What `congbo new` was asked for.
#[derive(Clone, Debug, Default)]
pub struct NewOptions {
    /// The site folder (with `site.toml`).
    pub root: PathBuf,
    /// A kind (`plan`, `news`, `procedure`, `document`, `page`) or a section folder under
    /// `content/` (`tin-tuc`, `tin-tuc/su-kien`); `.` or `/` is the top of `content/`.
    pub place: String,
    /// The page's title.
    pub title: String,
    /// `date`, as the editor wrote it (`2026-05-04` or `04/05/2026`); default today.
    pub date: Option<String>,
    /// Write `draft = true`.
    pub draft: bool,
    /// Write a page bundle (`<slug>/index.md`) that can hold images and files.
    pub bundle: bool,
    /// The day counted as today.
    pub today: Option<Date>,
}

/// What `congbo new` wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Created {
    /// The file, relative to the site folder (`content/tin-tuc/le-ra-mat.md`).
    pub file: PathBuf,
    /// The kind of page it is.
    pub kind: Kind,
}

/// Writes the new page; refuses to replace a file or to make a name the build would refuse.
pub fn create(opts: &NewOptions) -> Result<Created, Diagnostic> {
    // A page written outside any site would be lost where no build looks for it.
    if let Err(e) = std::fs::metadata(opts.root.join("site.toml")) {
        return Err(crate::build::no_site(&opts.root, &e));
    }
    let title = nfc(opts.title.trim());
    let slug = slugify(&title);
    if slug.is_empty() {
        return Err(Diagnostic::command(crate::tr!(
            en: "the title \"{title}\" has no letters or digits to make a file name from: write a title such as \"Lễ ra mắt Trung tâm\"",
            vi: "tiêu đề \"{title}\" không có chữ hay số nào để đặt tên tệp: hãy viết một tiêu đề như \"Lễ ra mắt Trung tâm\"",
        )));
    }
    if let Some(why) = names::unsafe_name(&slug) {
        return Err(Diagnostic::command(crate::tr!(
            en: "{why}: add a word to the title",
            vi: "{why}: hãy thêm một chữ vào tiêu đề",
        )));
    }
    let date = match &opts.date {
        Some(d) => parse_date(d.trim()).map_err(|e| {
            // The date reader's own words already say how to write a date.
            Diagnostic::command(format!("--date: {e}"))
        })?,
        None => opts.today.unwrap_or_else(crate::build::build_date),
    };
    let (section, kind) = section_of(&opts.root, &opts.place)?;
    let dir = Path::new("content").join(&section);
    let file = if opts.bundle {
        dir.join(&slug).join("index.md")
    } else {
        dir.join(format!("{slug}.md"))
    };
    for taken in [
        dir.join(format!("{slug}.md")),
        dir.join(&slug).join("index.md"),
    ] {
        if opts.root.join(&taken).exists() {
            return Err(Diagnostic::file(
                &taken,
                crate::tr!(
                    en: "this file already exists, so congbo new did not replace it: open it, or choose another title",
                    vi: "tệp này đã có, nên congbo new không ghi đè lên: hãy mở tệp đó ra sửa, hoặc chọn tiêu đề khác",
                ),
            ));
        }
    }
    let authority = site_authority(&opts.root);
    let text = front_matter(kind, &title, date, opts.draft, authority.as_deref());
    let abs = opts.root.join(&file);
    if let Some(parent) = abs.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| Diagnostic::io(parent, "create a folder", &e))?;
    }
    write_new(&abs, &text)?;
    Ok(Created { file, kind })
}

/// Writes `text` to a file that must not exist yet (checked again at the write itself,
/// so two editors saving at once cannot overwrite each other).
fn write_new(path: &Path, text: &str) -> Result<(), Diagnostic> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| Diagnostic::io(path, "create", &e))?;
    f.write_all(text.as_bytes())
        .map_err(|e| Diagnostic::io(path, "write", &e))
}

/// The section folder (relative to `content/`, `/` separators) and its kind, for a kind
/// or a section folder as the editor names it; the browser editor's new pages use it too.
pub fn section_of(root: &Path, place: &str) -> Result<(String, Kind), Diagnostic> {
    let place = place.trim().replace('\\', "/");
    let place = place.trim_matches('/');
    let place = place
        .strip_prefix("content")
        .unwrap_or(place)
        .trim_matches('/');
    if place.is_empty() || place == "." {
        return Ok((String::new(), Kind::Page));
    }
    if let Some(kind) = Kind::parse(place) {
        return section_for_kind(root, kind);
    }
    if place
        .split('/')
        .any(|p| p == ".." || p == "." || p.is_empty())
    {
        return Err(Diagnostic::command(crate::tr!(
            en: "\"{place}\" is not a section folder under content/",
            vi: "\"{place}\" không phải thư mục chuyên mục trong content/",
        )));
    }
    let is_default = Kind::default_for_folder(place) != Kind::Page;
    if !root.join("content").join(place).is_dir() && !is_default {
        let known: Vec<String> = top_sections(root).into_iter().map(|(s, _)| s).collect();
        return Err(Diagnostic::file(Path::new("content").join(place), {
            let known = if known.is_empty() {
                crate::tr!(en: "(none yet)", vi: "(chưa có)")
            } else {
                known.join(", ")
            };
            // From the kinds themselves: a written list missed each kind added after it.
            let kinds = Kind::ALL.map(Kind::name).join(", ");
            crate::tr!(
                en: "there is no section folder content/{place}: write a kind ({kinds}) or one of: {known}",
                vi: "không có thư mục chuyên mục content/{place}: hãy viết một loại trang ({kinds}) hoặc một trong các thư mục: {known}",
            )
        }));
    }
    if root.join("content").join(place).join("index.md").exists() {
        return Err(Diagnostic::file(
            Path::new("content").join(place).join("index.md"),
            crate::tr!(
                en: "content/{place} is a page (a bundle), not a section: name its section instead",
                vi: "content/{place} là một trang (thư mục trang), không phải chuyên mục: hãy ghi tên chuyên mục chứa nó",
            ),
        ));
    }
    Ok((place.to_string(), kind_of(root, place)))
}

/// The section folder (relative to `content/`) that holds pages of `kind`, as
/// `congbo new <kind>` chooses it; `congbo import` writes there too.
pub fn section_for(root: &Path, kind: Kind) -> Result<String, Diagnostic> {
    section_for_kind(root, kind).map(|(s, _)| s)
}

/// The section that holds pages of `kind`: the one whose folder is the default name for
/// it, else the only top-level section of that kind, else the default folder (created).
fn section_for_kind(root: &Path, kind: Kind) -> Result<(String, Kind), Diagnostic> {
    if kind == Kind::Page {
        return Ok((String::new(), Kind::Page));
    }
    let default = kind.default_folder().unwrap_or("van-ban");
    let sections = top_sections(root);
    let of_kind: Vec<&String> = sections
        .iter()
        .filter(|(_, k)| *k == kind)
        .map(|(s, _)| s)
        .collect();
    match of_kind.as_slice() {
        [] if root.join("content").join(default).is_dir() => Err(Diagnostic::file(
            Path::new("content").join(default),
            crate::tr!(
                en: "content/{default} holds another kind of page here, and no section holds {} pages: name the section folder instead",
                vi: "ở trang này content/{default} chứa loại trang khác, và không chuyên mục nào chứa trang loại {}: hãy ghi tên thư mục chuyên mục",
                kind.name()
            ),
        )),
        [] => Ok((default.to_string(), kind)),
        [one] => Ok(((*one).clone(), kind)),
        many if many.iter().any(|s| *s == default) => Ok((default.to_string(), kind)),
        many => Err(Diagnostic::command(crate::tr!(
            en: "several sections hold {} pages ({}): write the folder instead of the kind",
            vi: "có nhiều chuyên mục chứa trang loại {} ({}): hãy ghi tên thư mục thay cho loại trang",
            kind.name(),
            many.iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// The top-level section folders under `content/` with their kinds, sorted.
fn top_sections(root: &Path) -> Vec<(String, Kind)> {
    let Ok(dir) = std::fs::read_dir(root.join("content")) else {
        return Vec::new();
    };
    let mut out: Vec<(String, Kind)> = dir
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| !crate::content::walk::is_ignored(n))
        // A folder with an index.md is a page bundle, not a section.
        .filter(|n| !root.join("content").join(n).join("index.md").exists())
        .map(|n| {
            let k = kind_of(root, &n);
            (n, k)
        })
        .collect();
    out.sort();
    out
}

/// A section's kind as the build reads it: its `_index.md`'s `kind`, else for a top-level
/// folder the default of its name, else its parent's kind.
fn kind_of(root: &Path, section: &str) -> Kind {
    if let Some(k) = declared_kind(&root.join("content").join(section).join("_index.md")) {
        return k;
    }
    match section.rsplit_once('/') {
        Some((parent, _)) => kind_of(root, parent),
        None => Kind::default_for_folder(section),
    }
}

/// The `kind` an `_index.md` sets, if it can be read (a broken one is the build's to report).
fn declared_kind(index: &Path) -> Option<Kind> {
    let text = std::fs::read(index)
        .ok()
        .and_then(|b| crate::content::walk::decode(b).ok())?;
    let split = frontmatter::split(&text).ok()?;
    let raw: RawSection = toml::from_str(split.front).ok()?;
    Kind::parse(raw.kind.as_deref()?)
}

/// The site's `authority` from `site.toml`, to prefill a plan's.
fn site_authority(root: &Path) -> Option<String> {
    let text = std::fs::read_to_string(root.join("site.toml")).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    let a = table.get("authority")?.as_str()?.trim();
    (!a.is_empty()).then(|| nfc(a))
}

#[cfg(test)]
mod tests;
