//! Writing the output folder. Every file is compared with what `public/` has, so an
//! unchanged rebuild writes nothing (which matters on disks where deleting is slow: ext4
//! mounted with `discard` trims on every delete). When something changed, a spare tree
//! beside `public/` is brought to the new site (unchanged files as hard links of the live
//! ones) and exchanged with `public/` in one atomic rename: a web server serving `public/`
//! sees the old site or the new one at every instant, and a build that fails or is killed
//! before the exchange leaves `public/` exactly as it was (see [`spare`]). A manifest in
//! the folder lists the files congbo wrote, so files others put there are kept (see
//! [`owner`]).

mod legacy;
mod owner;
mod spare;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::error::{Diagnostic, Diagnostics};
use crate::output_file::{OutputData, OutputFile};

/// What a write did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Files written (new or changed).
    pub written: usize,
    /// Files left as they were.
    pub unchanged: usize,
    /// Files removed because the site no longer has them.
    pub removed: usize,
}

/// The folders beside the output folder.
struct Places {
    out: PathBuf,
    /// The tree brought to the new site and exchanged with `out`; afterwards it holds the
    /// previous build.
    spare: PathBuf,
    /// Where the two-rename exchange keeps the previous site for a moment.
    swap: PathBuf,
    /// An older version's staging folder, backup folder and journal (see [`legacy`]).
    staging: PathBuf,
    backup: PathBuf,
    journal: PathBuf,
    journal_part: PathBuf,
}

impl Places {
    fn new(out_dir: &Path) -> Self {
        // A link to the served folder stays a link: the folder it names is exchanged.
        let out_dir = match std::fs::symlink_metadata(out_dir) {
            Ok(m) if m.file_type().is_symlink() => {
                std::fs::canonicalize(out_dir).unwrap_or_else(|_| out_dir.to_path_buf())
            }
            _ => out_dir.to_path_buf(),
        };
        let name = out_dir
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().to_string());
        let sibling = |suffix: &str| out_dir.with_file_name(format!("{name}.congbo-{suffix}"));
        Places {
            spare: sibling("spare"),
            swap: sibling("swap"),
            staging: sibling("new"),
            backup: sibling("old"),
            journal: sibling("journal"),
            journal_part: sibling("journal-part"),
            out: out_dir,
        }
    }
}

/// Site path → file path under `root`, ignoring empty, `.` and `..` parts.
fn target(root: &Path, site_path: &str) -> PathBuf {
    let mut p = root.to_path_buf();
    for part in site_path
        .split('/')
        .filter(|s| !s.is_empty() && *s != "." && *s != "..")
    {
        p.push(part);
    }
    p
}

/// Site paths are `/a/b.html`; relative forms used on disk are `a/b.html`.
fn rel(site_path: &str) -> String {
    site_path.trim_start_matches('/').to_string()
}

/// The files of the site last built into `out_dir` (`a/b.html`, sorted), by the manifest
/// the build wrote there: what a deploy sends. Files others put in the folder are not
/// listed. The error says the folder holds no finished build.
pub fn site_files(out_dir: &Path) -> Result<Vec<String>, Diagnostic> {
    owner::site_files(out_dir).ok_or_else(|| {
        let manifest = owner::MANIFEST;
        Diagnostic::file(
            out_dir,
            crate::tr!(
                en: "this folder holds no site built by congbo (it has no {manifest}); build it first with congbo build, or deploy without --no-build",
                vi: "thư mục này không chứa trang do congbo dựng (không có tệp {manifest}); hãy dựng trước bằng congbo build, hoặc triển khai không kèm --no-build",
            ),
        )
    })
}

/// Writes the site into `out_dir`, touching only what changed. `clean`: replace files
/// congbo did not write there too (`--clean-output`).
pub fn write(
    out_dir: &Path,
    files: &[OutputFile],
    clean: bool,
) -> Result<WriteReport, Diagnostics> {
    let writer = Writer::begin(out_dir, clean)?;
    let errors: Vec<Diagnostic> = files
        .par_iter()
        .filter_map(|f| writer.put(f).err())
        .collect();
    if !errors.is_empty() {
        writer.abort();
        return Err(Diagnostics(errors));
    }
    writer.finish().map(|(report, _)| report)
}

/// Takes output files one at a time, from many threads, as they are made: each is compared
/// with `public/` and, if it changed, written into the spare tree, so a build never holds
/// the whole site in memory. [`Writer::finish`] publishes the new site; [`Writer::abort`]
/// leaves `public/` exactly as it was.
pub struct Writer {
    places: Places,
    /// No output folder yet: everything is new, and the spare becomes the output folder.
    fresh: bool,
    /// Whose files the output folder holds.
    owner: owner::Owner,
    /// Every path put so far (as `a/b.html`), and whether it differs from `public/`.
    seen: Mutex<HashMap<String, bool>>,
}

impl Writer {
    /// Gets ready to write into `out_dir`: repairs what a killed build left, checks the
    /// folder is congbo's to write (`clean`: `--clean-output`), and makes the spare tree.
    pub fn begin(out_dir: &Path, clean: bool) -> Result<Writer, Diagnostics> {
        let places = Places::new(out_dir);
        // Recovery first: an older version's swap killed half way may have moved
        // `404.html` and `sitemap.xml` (by which the check knows a build) to its backup
        // folder, and a two-rename exchange killed half way leaves no output folder.
        legacy::recover(&places)?;
        spare::recover_swap(&places.spare, &places.out, &places.swap)?;
        let owner = owner::check_output_dir(&places.out, clean)?;
        // The spare itself is made by the first file written into it: an unchanged
        // rebuild makes nothing.
        if std::fs::symlink_metadata(&places.spare).is_ok_and(|m| !m.is_dir()) {
            std::fs::remove_file(&places.spare).map_err(|e| {
                Diagnostic::io(&places.spare, "remove a file of an earlier build", &e)
            })?;
        }
        let fresh = !places.out.exists();
        Ok(Writer {
            places,
            fresh,
            owner,
            seen: Mutex::new(HashMap::new()),
        })
    }

    /// Compares one file with `public/` and writes it into the spare if it differs. A
    /// path put twice keeps the later file (a site's `static/` over the theme's, a page
    /// over both).
    pub fn put(&self, f: &OutputFile) -> Result<(), Diagnostic> {
        let changed = self.fresh || differs(&self.places.out, f);
        if changed {
            let to = target(&self.places.spare, &f.path);
            spare::place(&self.places.spare, &to, |tmp| match &f.data {
                OutputData::Bytes(b) => std::fs::write(tmp, b),
                OutputData::Copy(from) => std::fs::copy(from, tmp).map(|_| ()),
            })?;
        }
        // An earlier file at this path written into the spare is replaced at the finish by
        // the live file, if this later one, which wins, is what `public/` already has.
        self.seen_lock()?.insert(rel(&f.path), changed);
        Ok(())
    }

    /// Whether a file was already put at this path.
    pub fn has(&self, path: &str) -> bool {
        self.seen_lock()
            .map(|seen| seen.contains_key(&rel(path)))
            .unwrap_or(false)
    }

    fn seen_lock(&self) -> Result<std::sync::MutexGuard<'_, HashMap<String, bool>>, Diagnostic> {
        self.seen.lock().map_err(|_| {
            Diagnostic::file(
                &self.places.out,
                crate::tr!(
                    en: "a thread writing the output failed",
                    vi: "một luồng ghi trang bị lỗi",
                ),
            )
        })
    }

    /// Publishes the new site, if anything changed: the spare gets the unchanged files and
    /// the files of others, loses what the site no longer has, and is exchanged with
    /// `public/`. Returns the counts and the warnings about files of others found.
    pub fn finish(self) -> Result<(WriteReport, Vec<String>), Diagnostics> {
        let seen = std::mem::take(&mut *self.seen_lock()?);
        let places = &self.places;
        let live = if self.fresh {
            Vec::new()
        } else {
            owner::live_files(&places.out)
        };
        let clashes = owner::clashes(&seen);
        if !clashes.is_empty() {
            return Err(Diagnostics(
                (clashes.iter())
                    .map(|p| owner::clash(&places.out, p))
                    .collect(),
            ));
        }
        let division = self.owner.divide(live, &seen);
        if !division.in_the_way.is_empty() {
            return Err(Diagnostics(
                (division.in_the_way.iter())
                    .map(|p| owner::in_the_way(&places.out, p))
                    .collect(),
            ));
        }
        let written = seen.values().filter(|c| **c).count();
        let report = WriteReport {
            written,
            unchanged: seen.len() - written,
            removed: division.stale.len(),
        };
        let warnings = (self.owner.newly_found(&division.foreign).into_iter())
            .map(|p| owner::kept_warning(&places.out, p))
            .collect();
        let manifest = owner::manifest(seen.keys(), &division.foreign);
        let manifest_changed = self.owner.text.as_deref() != Some(manifest.as_str());
        if !self.fresh && written == 0 && division.stale.is_empty() && !manifest_changed {
            return Ok((report, warnings));
        }
        self.sync_spare(&seen, &division.foreign, &manifest)?;
        if self.fresh {
            std::fs::rename(&places.spare, &places.out)
                .map_err(|e| Diagnostic::io(&places.out, "put the output in place", &e))?;
        } else {
            spare::exchange(&places.spare, &places.out, &places.swap)?;
        }
        Ok((report, warnings))
    }

    /// Brings the spare to the new site: what did not change and the files of others as
    /// the live files themselves, the manifest, and nothing else.
    fn sync_spare(
        &self,
        seen: &HashMap<String, bool>,
        foreign: &[String],
        manifest: &str,
    ) -> Result<(), Diagnostics> {
        let (out, root) = (&self.places.out, &self.places.spare);
        let unchanged: Vec<&String> = (seen.iter())
            .filter(|(_, changed)| !**changed)
            .map(|(p, _)| p)
            .chain(foreign)
            .collect();
        let errors: Vec<Diagnostic> = unchanged
            .par_iter()
            .filter_map(|p| spare::share(root, &target(out, p), &target(root, p)).err())
            .collect();
        Diagnostics(errors).into_result(())?;
        let foreign: std::collections::HashSet<&str> = foreign.iter().map(String::as_str).collect();
        spare::prune(root, &|p| {
            p == owner::MANIFEST || seen.contains_key(p) || foreign.contains(p)
        })?;
        spare::place(root, &root.join(owner::MANIFEST), |tmp| {
            std::fs::write(tmp, manifest)
        })?;
        Ok(())
    }

    /// Gives up: `public/` is untouched. What was written into the spare stays there; the
    /// next build brings the spare up to date anyway.
    pub fn abort(self) {}
}

/// Whether the output file differs from what is on disk (cheap size check first).
fn differs(out: &Path, f: &OutputFile) -> bool {
    let on_disk = target(out, &f.path);
    let Ok(meta) = std::fs::metadata(&on_disk) else {
        return true;
    };
    match &f.data {
        OutputData::Bytes(b) => {
            meta.len() != b.len() as u64 || std::fs::read(&on_disk).map_or(true, |old| old != *b)
        }
        OutputData::Copy(from) => {
            let Ok(src) = std::fs::metadata(from) else {
                return true;
            };
            src.len() != meta.len()
                || match (std::fs::read(from), std::fs::read(&on_disk)) {
                    (Ok(a), Ok(b)) => a != b,
                    _ => true,
                }
        }
    }
}

#[cfg(test)]
mod tests;
