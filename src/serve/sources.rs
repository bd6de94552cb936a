//! The text of every file under `content/`, kept between rebuilds. A refresh walks the
//! folder without reading (names, sizes and times only) and reads again only files that
//! are new, changed on disk, or named by the watcher. It yields exactly what
//! [`crate::content::walk::read`] would.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::content::walk::{
    AssetFile, ContentFiles, SourceFile, asset_rel, list_files, read_source, rel_to,
};
use crate::error::{Diagnostic, Diagnostics};

/// A Markdown file as last read.
#[derive(Clone, Debug)]
struct Cached {
    stamp: (u64, Option<SystemTime>),
    /// The file as read (its text and the line of a NUL it had), or why it could not be.
    text: Result<SourceFile, Diagnostic>,
}

/// The cache of `content/`.
#[derive(Debug, Default)]
pub struct Sources {
    /// Markdown files by path relative to the site root, in the order the walk yields them.
    markdown: BTreeMap<PathBuf, Cached>,
    /// Other files by path relative to the site root.
    assets: BTreeMap<PathBuf, AssetFile>,
    /// Errors of the walk itself (unreadable folders).
    walk_errors: Vec<Diagnostic>,
}

impl Sources {
    /// Walks `root/content` and reads what is new or changed, and every path in `force`
    /// (relative to the root). Returns how many Markdown files were read.
    pub fn refresh(&mut self, root: &Path, force: &BTreeSet<PathBuf>) -> usize {
        let dir = root.join("content");
        let mut seen_md: BTreeMap<PathBuf, Cached> = BTreeMap::new();
        let mut assets = BTreeMap::new();
        self.walk_errors.clear();
        let mut read = 0;
        if !dir.is_dir() {
            self.markdown.clear();
            self.assets.clear();
            return 0;
        }
        let (files, walk_errors) = list_files(root);
        self.walk_errors = walk_errors;
        for path in files {
            let meta = std::fs::metadata(&path).ok();
            let stamp = (
                meta.as_ref().map_or(0, |m| m.len()),
                meta.as_ref().and_then(|m| m.modified().ok()),
            );
            let rel = rel_to(root, &path);
            if path.extension().is_some_and(|e| e == "md") {
                let cached = self.markdown.remove(&rel);
                let cached = match cached {
                    Some(c) if c.stamp == stamp && !force.contains(&rel) => c,
                    _ => {
                        read += 1;
                        Cached {
                            stamp,
                            text: read_source(&path, rel.clone()),
                        }
                    }
                };
                seen_md.insert(rel, cached);
            } else {
                let asset_rel = asset_rel(&dir, &path);
                assets.insert(
                    rel,
                    AssetFile {
                        abs: path,
                        rel: asset_rel,
                        size: stamp.0,
                    },
                );
            }
        }
        self.markdown = seen_md;
        self.assets = assets;
        read
    }

    /// Reads again only the files in `named` (relative to the root), when each is a
    /// Markdown file of the last refresh that is still a file: an edit of existing pages,
    /// which the watcher names. Returns false, having read nothing, when a file is new,
    /// gone, not Markdown or unreadable, or none is named: the caller walks the folder
    /// ([`Sources::refresh`]). At 10,000 pages the walk alone was ~50 ms of every edit.
    pub fn refresh_named(&mut self, root: &Path, named: &BTreeSet<PathBuf>) -> bool {
        let known = |rel: &PathBuf| {
            rel.extension().is_some_and(|e| e == "md")
                && matches!(self.markdown.get(rel), Some(Cached { text: Ok(_), .. }))
                && std::fs::symlink_metadata(root.join(rel)).is_ok_and(|m| m.is_file())
        };
        if named.is_empty() || !named.iter().all(known) {
            return false;
        }
        named.iter().all(|rel| self.reread(root, rel).is_ok())
    }

    /// Everything, as [`crate::content::walk::read`] returns it.
    pub fn content_files(&self) -> Result<ContentFiles, Diagnostics> {
        let mut errors = Diagnostics(self.walk_errors.clone());
        let mut sources = Vec::with_capacity(self.markdown.len());
        for c in self.markdown.values() {
            match &c.text {
                Ok(source) => sources.push(source.clone()),
                Err(d) => errors.push(d.clone()),
            }
        }
        errors.into_result(ContentFiles {
            sources,
            assets: self.assets.values().cloned().collect(),
        })
    }

    /// The section files (`_index.md`) and the given Markdown files, without assets: enough
    /// to parse those pages alone. None if one of them is missing or unreadable.
    pub fn subset(&self, pages: &[PathBuf]) -> Option<ContentFiles> {
        let mut sources = Vec::new();
        let mut found = 0;
        for (rel, c) in &self.markdown {
            let wanted = pages.contains(rel);
            if wanted || rel.file_name().is_some_and(|n| n == "_index.md") {
                found += usize::from(wanted);
                sources.push(c.text.clone().ok()?);
            }
        }
        (found == pages.len()).then_some(ContentFiles {
            sources,
            assets: Vec::new(),
        })
    }

    /// Whether this Markdown file was there at the last refresh.
    pub fn has_markdown(&self, rel: &Path) -> bool {
        self.markdown.contains_key(rel)
    }

    /// The cached text of a Markdown file.
    pub fn text(&self, rel: &Path) -> Option<&str> {
        self.markdown
            .get(rel)
            .and_then(|c| c.text.as_ref().ok())
            .map(|s| s.text.as_str())
    }

    /// Re-reads one Markdown file that the watcher named; returns whether its text changed.
    /// An unreadable file is an error (the caller falls back to a full refresh).
    pub fn reread(&mut self, root: &Path, rel: &Path) -> Result<bool, Diagnostic> {
        let path = root.join(rel);
        let meta = std::fs::symlink_metadata(&path)
            .map_err(|e| Diagnostic::io(rel, "read this file", &e))?;
        if !meta.is_file() {
            return Err(Diagnostic::file(
                rel,
                crate::tr!(en: "not a file", vi: "không phải là tệp"),
            ));
        }
        let text = read_source(&path, rel.to_path_buf());
        let stamp = (meta.len(), meta.modified().ok());
        let changed = match (self.markdown.get(rel), &text) {
            (Some(Cached { text: Ok(old), .. }), Ok(new)) => old != new,
            _ => true,
        };
        let failed = text.as_ref().err().cloned();
        self.markdown
            .insert(rel.to_path_buf(), Cached { stamp, text });
        match failed {
            Some(d) => Err(d),
            None => Ok(changed),
        }
    }

    /// The size of an asset at the last refresh.
    pub fn asset_size(&self, rel: &Path) -> Option<u64> {
        self.assets.get(rel).map(|a| a.size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yields_what_the_walk_reads() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for (p, t) in [
            ("content/_index.md", "+++\n+++\n"),
            ("content/a.md", "a"),
            ("content/a/b.md", "b"),
            ("content/a.b/c.md", "c"),
            ("content/a/anh.jpg", "jpg"),
            ("content/a/.b.md.swp", "x"),
            ("content/a/b.md~", "x"),
        ] {
            let p = root.join(p);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, t).unwrap();
        }
        let mut s = Sources::default();
        assert_eq!(s.refresh(root, &BTreeSet::new()), 4);
        let ours = s.content_files().unwrap();
        let walk = crate::content::walk::read(root).unwrap();
        let names = |f: &ContentFiles| -> Vec<(PathBuf, String)> {
            f.sources
                .iter()
                .map(|s| (s.rel.clone(), s.text.clone()))
                .collect()
        };
        assert_eq!(names(&ours), names(&walk));
        let assets = |f: &ContentFiles| -> Vec<(String, u64)> {
            f.assets.iter().map(|a| (a.rel.clone(), a.size)).collect()
        };
        assert_eq!(assets(&ours), assets(&walk));
        // Nothing changed: nothing read again; a forced path is.
        assert_eq!(s.refresh(root, &BTreeSet::new()), 0);
        let force: BTreeSet<PathBuf> = [PathBuf::from("content/a.md")].into();
        assert_eq!(s.refresh(root, &force), 1);
        std::fs::remove_file(root.join("content/a/b.md")).unwrap();
        s.refresh(root, &BTreeSet::new());
        assert!(!s.has_markdown(Path::new("content/a/b.md")));
    }

    /// Named edits of known pages are read without a walk; a new, gone or other file
    /// named asks for the walk, having read nothing.
    #[test]
    fn named_edits_of_known_pages_are_read_alone() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |p: &str, t: &str| {
            let p = root.join(p);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, t).unwrap();
        };
        write("content/a.md", "a");
        write("content/b.md", "b");
        let mut s = Sources::default();
        s.refresh(root, &BTreeSet::new());
        let named =
            |list: &[&str]| -> BTreeSet<PathBuf> { list.iter().map(PathBuf::from).collect() };
        write("content/a.md", "a2");
        assert!(s.refresh_named(root, &named(&["content/a.md"])));
        assert_eq!(s.text(Path::new("content/a.md")), Some("a2"));
        write("content/c.md", "c");
        write("content/b.md", "b2");
        assert!(!s.refresh_named(root, &named(&["content/b.md", "content/c.md"])));
        assert_eq!(s.text(Path::new("content/b.md")), Some("b"));
        std::fs::remove_file(root.join("content/a.md")).unwrap();
        assert!(!s.refresh_named(root, &named(&["content/a.md"])));
        write("content/anh.jpg", "x");
        assert!(!s.refresh_named(root, &named(&["content/anh.jpg"])));
        assert!(!s.refresh_named(root, &BTreeSet::new()));
    }
}
