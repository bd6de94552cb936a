//! Who owns each URL of the site. Every file a build writes has one owner: a content file
//! (a page, a section's list, an alias of a page) or something congbo makes (the search
//! page, a tag's page, a feed, a static file of the theme). Two owners of one file, or a
//! file where another owner needs a folder, would lose one of them without a word or break
//! the write half-way. [`clashes`] is the one rule for it: the content stage calls it with
//! the content's claims, the check of the whole site with every claim of every language.

use std::collections::HashMap;
use std::path::PathBuf;

use super::{Page, Section};
use crate::error::Diagnostic;

/// Who writes a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Owner {
    /// A page, from its file; `line` is where its URL is decided (`slug`, else `+++`).
    Page {
        /// The content file.
        file: PathBuf,
        /// Line of `slug`, or of the opening `+++`.
        line: usize,
    },
    /// The list of a section: its `_index.md`, or the folder of an implicit section.
    Section {
        /// `content/tin-tuc/_index.md`, or `content/chu-de` without one.
        file: PathBuf,
        /// Whether `file` is the folder (no `_index.md`).
        folder: bool,
    },
    /// A redirect written for one of a page's `aliases`.
    Alias {
        /// The page's content file.
        file: PathBuf,
        /// Line of `aliases`.
        line: usize,
        /// The alias as a site path (`/tin-tuc/bai-cu/`).
        alias: String,
    },
    /// A file of `content/` published as it is (an image, a form), by its path from the
    /// site root.
    File(PathBuf),
    /// Something congbo makes, in words: "the search page", "the page of tag Hộ tịch".
    Made(String),
    /// A file of the theme's or the site's `static/`, in words, copied as it is. Like
    /// what congbo makes, except that a content file may stand at its path: the content
    /// file is published (a site may link one file into both folders).
    Static(String),
}

impl Owner {
    fn is_content(&self) -> bool {
        !matches!(self, Owner::Made(_) | Owner::Static(_))
    }

    /// The owner as the other side of an error: a file name, or congbo's words.
    fn other(&self) -> String {
        match self {
            Owner::Page { file, .. } | Owner::Section { file, .. } | Owner::File(file) => {
                file.display().to_string()
            }
            Owner::Alias { file, alias, .. } => crate::tr!(
                en: "the alias {alias} of {}",
                vi: "địa chỉ cũ (alias) {alias} của {}",
                file.display()
            ),
            Owner::Made(words) | Owner::Static(words) => words.clone(),
        }
    }
}

/// One file of the output and who writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// The output file (`/tin-tuc/abc/index.html`), see [`file_of`].
    pub file: String,
    /// Its owner.
    pub owner: Owner,
}

/// The file a site path is written to: `/tin-tuc/` → `/tin-tuc/index.html`; a path that
/// names an `.html` file (`/a/b.html`, `/404.html`) is that file.
pub fn file_of(path: &str) -> String {
    if path.ends_with(".html") || path.ends_with(".htm") {
        path.to_string()
    } else {
        format!("{}/index.html", path.trim_end_matches('/'))
    }
}

/// `rel` read from the folder `dir` (ends with `/`), `.` and `..` resolved; `None` when it
/// climbs above the site root.
pub fn join(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    let segments: Vec<&str> = rel.split('/').collect();
    for (i, s) in segments.iter().enumerate() {
        match *s {
            "." => {}
            "" if i + 1 < segments.len() => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let trailing = if rel.ends_with('/') || rel.ends_with("/.") || rel.ends_with("..") {
        "/"
    } else {
        ""
    };
    let joined = parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join("/");
    Some(if joined.is_empty() {
        "/".into()
    } else {
        format!("/{joined}{trailing}")
    })
}

/// The claims of the content: each section's list (its first page), each page, each alias.
pub fn content_claims<'a, P>(
    sections: impl IntoIterator<Item = &'a Section>,
    pages: P,
) -> Vec<Claim>
where
    P: IntoIterator<Item = &'a Page>,
    P::IntoIter: Clone,
{
    let pages = pages.into_iter();
    let mut out = Vec::new();
    for s in sections {
        let (file, folder) = match &s.file {
            Some(f) => (f.clone(), false),
            None => (PathBuf::from("content").join(&s.key), true),
        };
        out.push(Claim {
            file: file_of(&s.path),
            owner: Owner::Section { file, folder },
        });
    }
    for p in pages.clone() {
        out.push(Claim {
            file: file_of(&p.path),
            owner: Owner::Page {
                file: p.file.clone(),
                line: p.lines.slug,
            },
        });
    }
    for p in pages {
        for a in &p.aliases {
            out.push(Claim {
                file: file_of(a),
                owner: Owner::Alias {
                    file: p.file.clone(),
                    line: p.lines.aliases,
                    alias: a.clone(),
                },
            });
        }
    }
    out
}

/// Every file claimed twice, and every file where another claim needs a folder, with at
/// least one content side: an error at the content side (the later claim when both are),
/// naming the other. What congbo makes twice is its own business (the site's `static/`
/// replaces the theme's file on purpose), and is not reported.
pub fn clashes(claims: &[Claim]) -> Vec<Diagnostic> {
    let mut by_file: HashMap<&str, usize> = HashMap::with_capacity(claims.len());
    let mut errors = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        match by_file.get(c.file.as_str()) {
            Some(&j) => errors.extend(clash(&claims[i], &claims[j], Meet::Same)),
            None => {
                by_file.insert(&c.file, i);
            }
        }
    }
    for c in claims {
        // `/css/style.css/index.html` needs `/css/style.css` and `/css` to be folders.
        let mut dir = c.file.as_str();
        while let Some(cut) = dir.rfind('/').filter(|&i| i > 0) {
            dir = &dir[..cut];
            if let Some(&j) = by_file.get(dir) {
                errors.extend(clash(c, &claims[j], Meet::Inside(dir)));
            }
        }
    }
    errors
}

/// How two claims meet: at one file, or the first inside the second's file (as a folder).
#[derive(Clone, Copy)]
enum Meet<'a> {
    Same,
    Inside(&'a str),
}

/// The error of claim `a` meeting claim `b`, at the content side.
fn clash(a: &Claim, b: &Claim, meet: Meet<'_>) -> Option<Diagnostic> {
    let (here, there, flipped) = match (a.owner.is_content(), b.owner.is_content()) {
        (true, _) => (a, b, false),
        (false, true) => (b, a, true),
        (false, false) => return None,
    };
    if matches!(
        (&here.owner, &there.owner),
        (Owner::File(_), Owner::Static(_))
    ) {
        return None;
    }
    let url = url_of(&here.file);
    let other = there.owner.other();
    let made = !there.owner.is_content();
    let (what, fix) = words(&here.owner, made);
    let message = match meet {
        Meet::Same if made => crate::tr!(
            en: "{what} would be written at {url}, where congbo writes {other}; {fix}",
            vi: "{what} sẽ được ghi ở {url}, là chỗ congbo ghi {other}; {fix}",
        ),
        Meet::Same => crate::tr!(
            en: "{what} would be written at {url}, like {other}; {fix}",
            vi: "{what} sẽ được ghi ở {url}, trùng với {other}; {fix}",
        ),
        // `here` needs a folder where `there` is a file.
        Meet::Inside(dir) if !flipped => crate::tr!(
            en: "{what} would be written at {url}, inside {dir}, which is a file: {other}; {fix}",
            vi: "{what} sẽ được ghi ở {url}, tức là bên trong {dir}, vốn là một tệp: {other}; {fix}",
        ),
        // `there` needs a folder where `here` is a file.
        Meet::Inside(dir) => crate::tr!(
            en: "{what} would be written at {dir}, where {other} needs a folder ({}); {fix}",
            vi: "{what} sẽ được ghi ở {dir}, là chỗ {other} cần một thư mục ({}); {fix}",
            url_of(&there.file)
        ),
    };
    Some(match &here.owner {
        Owner::Page { file, line } | Owner::Alias { file, line, .. } => {
            Diagnostic::at(file, *line, 1, message)
        }
        Owner::Section { file, folder: true } | Owner::File(file) => {
            Diagnostic::file(file, message)
        }
        Owner::Section { file, .. } => Diagnostic::at(file, 1, 1, message),
        Owner::Made(_) | Owner::Static(_) => return None,
    })
}

/// A file as readers see its address: `/tin-tuc/index.html` → `/tin-tuc/`.
fn url_of(file: &str) -> &str {
    file.strip_suffix("index.html").unwrap_or(file)
}

/// The subject of the error and what to do, for the content side `owner`; `made`: the other
/// side is congbo's, so only this side can move.
fn words(owner: &Owner, made: bool) -> (String, String) {
    match owner {
        Owner::Page { .. } => (
            crate::tr!(en: "this page", vi: "trang này"),
            if made {
                crate::tr!(
                    en: "give it another `slug` or file name",
                    vi: "hãy đổi `slug` hoặc tên tệp của trang này",
                )
            } else {
                crate::tr!(
                    en: "give one of them another `slug` or file name",
                    vi: "hãy đổi `slug` hoặc tên tệp của một trong hai",
                )
            },
        ),
        Owner::Section { folder, .. } => (
            if *folder {
                crate::tr!(en: "the list of this folder", vi: "danh sách của thư mục này")
            } else {
                crate::tr!(en: "the list of this section", vi: "danh sách của chuyên mục này")
            },
            crate::tr!(en: "rename the folder", vi: "hãy đổi tên thư mục"),
        ),
        Owner::Alias { alias, .. } => (
            crate::tr!(en: "the alias {alias}", vi: "địa chỉ cũ (alias) {alias}"),
            crate::tr!(
                en: "remove it from `aliases`, or write an address nothing else has",
                vi: "hãy bỏ nó khỏi `aliases`, hoặc viết một địa chỉ chưa có gì khác dùng",
            ),
        ),
        Owner::File(_) => (
            crate::tr!(en: "this file", vi: "tệp này"),
            crate::tr!(
                en: "rename it, or move it to another folder",
                vi: "hãy đổi tên tệp, hoặc chuyển nó sang thư mục khác",
            ),
        ),
        Owner::Made(_) | Owner::Static(_) => (String::new(), String::new()),
    }
}

#[cfg(test)]
mod tests;
