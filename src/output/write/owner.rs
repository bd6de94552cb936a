//! Whose files are in the output folder. congbo lists the files it wrote in a manifest
//! (`.congbo-manifest`, inside the folder, which also marks the folder as congbo's), so a
//! build removes only files of its own that the site no longer has: a file someone else put
//! there (an upload, a note) is kept, named once in a warning. A folder without the
//! manifest is congbo's only if it looks like an earlier version's build; any other
//! non-empty folder is refused unless `--clean-output` is given.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use walkdir::WalkDir;

use crate::error::Diagnostic;

/// The manifest's name, inside the output folder. Servers are told not to serve it (see
/// `deploy/`).
pub(super) const MANIFEST: &str = ".congbo-manifest";

/// What the output folder holds, as far as ownership goes.
#[derive(Debug, Default)]
pub(super) struct Owner {
    /// The files congbo wrote there, by the manifest; `None`: every file there is congbo's
    /// (no folder or an empty one, an earlier version's build, or `--clean-output`).
    written: Option<HashSet<String>>,
    /// Files of others the manifest lists as already reported.
    known: HashSet<String>,
    /// The manifest as it was found, to write it only when it changes.
    pub(super) text: Option<String>,
}

/// How the files of the live folder divide, once the new site is known.
#[derive(Debug, Default)]
pub(super) struct Division {
    /// congbo's files the new site no longer has.
    pub(super) stale: Vec<String>,
    /// Files of others, carried into the new site as they are.
    pub(super) foreign: Vec<String>,
    /// Files of others in the way of the new site's files: the build stops.
    pub(super) in_the_way: Vec<String>,
}

impl Owner {
    /// Whether congbo wrote this file (`a/b.html`).
    fn wrote(&self, p: &str) -> bool {
        self.written.as_ref().is_none_or(|w| w.contains(p))
    }

    /// Divides the live files: `seen` is the new site, each path with whether it changed.
    pub(super) fn divide(&self, live: Vec<String>, seen: &HashMap<String, bool>) -> Division {
        let mut d = Division::default();
        for p in live {
            match seen.get(&p) {
                // The site replaces a file it did not write: someone else's file is lost.
                Some(true) if !self.wrote(&p) => d.in_the_way.push(p),
                Some(_) => {}
                None if self.wrote(&p) => d.stale.push(p),
                None => d.foreign.push(p),
            }
        }
        if !d.foreign.is_empty() {
            // A kept file where the site needs a folder, or inside a folder that is now a file.
            let folders: HashSet<&str> = seen.keys().flat_map(|p| ancestors(p)).collect();
            let (blocked, kept): (Vec<String>, Vec<String>) =
                std::mem::take(&mut d.foreign).into_iter().partition(|p| {
                    folders.contains(p.as_str()) || ancestors(p).any(|a| seen.contains_key(a))
                });
            d.in_the_way.extend(blocked);
            d.foreign = kept;
        }
        d.stale.sort();
        d.foreign.sort();
        d.in_the_way.sort();
        d
    }

    /// The files of others not reported by an earlier build.
    pub(super) fn newly_found<'a>(&self, foreign: &'a [String]) -> Vec<&'a String> {
        foreign
            .iter()
            .filter(|p| !self.known.contains(*p))
            .collect()
    }
}

/// Paths the site has both as a file and as a folder of other files (an alias onto a
/// file the site has): one would replace the other.
pub(super) fn clashes(seen: &HashMap<String, bool>) -> Vec<String> {
    let folders: HashSet<&str> = seen.keys().flat_map(|p| ancestors(p)).collect();
    let mut v: Vec<String> = (seen.keys())
        .filter(|p| folders.contains(p.as_str()))
        .cloned()
        .collect();
    v.sort();
    v
}

/// The error for a path the site has as a file and as a folder.
pub(super) fn clash(out: &Path, p: &str) -> Diagnostic {
    Diagnostic::file(
        super::target(out, p),
        crate::tr!(
            en: "the site has a file at this address and other files under it (an alias onto a page or a file of the site?),                  and one would replace the other; change the alias, or rename the file",
            vi: "trang có một tệp ở địa chỉ này và các tệp khác bên dưới nó (một bí danh trùng với một trang hoặc tệp của trang?),                  nên cái này sẽ thay mất cái kia; hãy sửa bí danh, hoặc đổi tên tệp",
        ),
    )
}

/// `a/b/c.html` → `a/b`, `a`.
fn ancestors(p: &str) -> impl Iterator<Item = &str> {
    p.match_indices('/').map(move |(i, _)| &p[..i])
}

/// The manifest's text for a site of `files` and the kept files of others.
pub(super) fn manifest<'a>(files: impl Iterator<Item = &'a String>, foreign: &[String]) -> String {
    let mut files: Vec<&String> = files.collect();
    files.sort();
    let mut text = String::from(
        "# Written by congbo. \"w\": a file congbo wrote here, replaced or removed by the next build.\n\
         # \"k\": a file congbo did not write, kept as it is. Do not edit; do not publish.\n",
    );
    for p in files {
        text.push_str("w ");
        text.push_str(p);
        text.push('\n');
    }
    for p in foreign {
        text.push_str("k ");
        text.push_str(p);
        text.push('\n');
    }
    text
}

fn parse(text: &str) -> (HashSet<String>, HashSet<String>) {
    let (mut written, mut known) = (HashSet::new(), HashSet::new());
    for line in text.lines() {
        if let Some(p) = line.strip_prefix("w ") {
            written.insert(p.to_string());
        } else if let Some(p) = line.strip_prefix("k ") {
            known.insert(p.to_string());
        }
    }
    (written, known)
}

/// Decides whether congbo may write into `out_dir`, and whose files it holds. A folder
/// holding a site is always refused; a non-empty folder without a manifest must look like
/// an earlier build (a `404.html` or `sitemap.xml`), unless `clean` (`--clean-output`).
pub(super) fn check_output_dir(out_dir: &Path, clean: bool) -> Result<Owner, Diagnostic> {
    let is_empty = std::fs::read_dir(out_dir).map_or(true, |mut d| d.next().is_none());
    if is_empty {
        return Ok(Owner::default());
    }
    let holds_a_site = ["site.toml", "content"]
        .iter()
        .any(|n| out_dir.join(n).exists());
    if holds_a_site {
        return Err(Diagnostic::file(
            out_dir,
            crate::tr!(
                en: "this output folder holds a site (site.toml or content/), which a build would replace; \
                     choose a new or empty folder, e.g. --output-dir public",
                vi: "thư mục ghi trang này đang chứa một trang (site.toml hoặc content/), mà việc dựng trang sẽ thay mất; \
                     hãy chọn một thư mục mới hoặc trống, ví dụ --output-dir public",
            ),
        ));
    }
    let text = std::fs::read_to_string(out_dir.join(MANIFEST)).ok();
    if let Some(t) = &text {
        let (written, known) = parse(t);
        return Ok(Owner {
            written: (!clean).then_some(written),
            known,
            text,
        });
    }
    let looks_built = out_dir.join("404.html").is_file() || out_dir.join("sitemap.xml").is_file();
    if looks_built || clean {
        return Ok(Owner::default());
    }
    Err(Diagnostic::file(out_dir, refusal(out_dir)))
}

/// What the refusal of a folder of other files says: which files a build would delete
/// (the first few, and how many), and how to go on.
fn refusal(out_dir: &Path) -> String {
    let mut files = live_files(out_dir);
    files.sort();
    let n = files.len();
    let s = if n == 1 { "" } else { "s" };
    let mut shown = files
        .iter()
        .take(5)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if n > 5 {
        shown.push_str(", …");
    }
    crate::tr!(
        en: "this output folder holds files congbo did not write ({shown}: {n} file{s}), and a build would delete them; \
             choose a new or empty folder (e.g. --output-dir public), or build with --clean-output to replace everything in it",
        vi: "thư mục ghi trang này đang chứa các tệp không do congbo ghi ({shown}: {n} tệp), và việc dựng trang sẽ xoá chúng; \
             hãy chọn một thư mục mới hoặc trống (ví dụ --output-dir public), hoặc dựng với --clean-output để thay toàn bộ nội dung của nó",
    )
}

/// The files of the site built into `out_dir` (`a/b.html`, sorted), as its manifest lists
/// them: not the files of others kept there. `None` when the folder has no manifest.
pub(super) fn site_files(out_dir: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(out_dir.join(MANIFEST)).ok()?;
    let mut files: Vec<String> = parse(&text).0.into_iter().collect();
    files.sort();
    Some(files)
}

/// Every file (or link) under the output folder, as `a/b.html`, except the manifest.
pub(super) fn live_files(out: &Path) -> Vec<String> {
    WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .filter_map(|e| {
            e.path()
                .strip_prefix(out)
                .ok()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        .filter(|p| p != MANIFEST)
        .collect()
}

/// The error for files of others in the way of the new site.
pub(super) fn in_the_way(out: &Path, p: &str) -> Diagnostic {
    Diagnostic::file(
        super::target(out, p),
        crate::tr!(
            en: "congbo did not write this file, and the site now has a file at this address or in the way of it; \
                 move it out of the output folder, or build with --clean-output to replace it",
            vi: "tệp này không do congbo ghi, và trang giờ có một tệp ở đúng địa chỉ này hoặc vướng địa chỉ này; \
                 hãy chuyển nó ra khỏi thư mục ghi trang, hoặc dựng với --clean-output để thay nó",
        ),
    )
}

/// The warning for a file of others found for the first time.
pub(super) fn kept_warning(out: &Path, p: &str) -> String {
    let shown = super::target(out, p);
    let shown = shown.display();
    crate::tr!(
        en: "{shown}: warning: congbo did not write this file; it is kept as it is in every build (build with --clean-output to remove it)",
        vi: "{shown}: cảnh báo: tệp này không do congbo ghi; nó được giữ nguyên qua mỗi lần dựng (dựng với --clean-output để xoá nó)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(paths: &[(&str, bool)]) -> HashMap<String, bool> {
        paths.iter().map(|(p, c)| (p.to_string(), *c)).collect()
    }

    #[test]
    fn files_divide_into_stale_kept_and_in_the_way() {
        let (written, _) = parse("# x\nw a.html\nw old.html\nw d/x.html\n");
        let owner = Owner {
            written: Some(written),
            ..Owner::default()
        };
        let live = ["a.html", "old.html", "note.txt", "b.html", "d", "a.html/x"]
            .map(String::from)
            .to_vec();
        let d = owner.divide(
            live,
            &seen(&[("a.html", true), ("b.html", true), ("d/x.html", true)]),
        );
        assert_eq!(d.stale, ["old.html"]);
        assert_eq!(d.foreign, ["note.txt"]);
        // `b.html` would be replaced, `d` is where a folder goes, `a.html/x` is under a file.
        assert_eq!(d.in_the_way, ["a.html/x", "b.html", "d"]);
        // An earlier version's build: everything there is congbo's.
        let d = Owner::default().divide(vec!["note.txt".into()], &seen(&[]));
        assert_eq!(d.stale, ["note.txt"]);
    }

    #[test]
    fn the_manifest_reads_back() {
        let text = manifest(["b".to_string(), "a".to_string()].iter(), &["k/x".into()]);
        let (written, known) = parse(&text);
        assert_eq!(written, HashSet::from(["a".into(), "b".into()]));
        assert_eq!(known, HashSet::from(["k/x".into()]));
        assert!(
            text.find("w a").unwrap() < text.find("w b").unwrap(),
            "sorted"
        );
    }
}
