//! Writing the output folder. Only what changed is touched: every file is compared with
//! what `public/` holds, changed files are staged beside it, and then swapped in with
//! renames, the old versions kept in a backup folder until the swap is done. A journal
//! lists the swap; if a build is killed in the middle of it, the next build rolls it back
//! first. An unchanged rebuild writes nothing, which matters on disks where deleting is
//! slow (ext4 mounted with `discard` trims on every delete).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::error::{Diagnostic, Diagnostics};
use crate::render::{OutputData, OutputFile};

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

/// The folders and journal beside the output folder.
struct Places {
    out: PathBuf,
    staging: PathBuf,
    backup: PathBuf,
    journal: PathBuf,
    /// The journal while it is written, renamed to `journal` once whole: a build killed
    /// mid-write must not leave a cut line that recovery would read as another path.
    journal_part: PathBuf,
}

impl Places {
    fn new(out_dir: &Path) -> Self {
        let name = out_dir
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().to_string());
        let sibling = |suffix: &str| out_dir.with_file_name(format!("{name}.congbo-{suffix}"));
        Places {
            out: out_dir.to_path_buf(),
            staging: sibling("new"),
            backup: sibling("old"),
            journal: sibling("journal"),
            journal_part: sibling("journal-part"),
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

/// Writes the site into `out_dir`, touching only what changed.
pub fn write(out_dir: &Path, files: &[OutputFile]) -> Result<WriteReport, Diagnostics> {
    let writer = Writer::begin(out_dir)?;
    let errors: Vec<Diagnostic> = files
        .par_iter()
        .filter_map(|f| writer.put(f).err())
        .collect();
    if !errors.is_empty() {
        writer.abort();
        return Err(Diagnostics(errors));
    }
    writer.finish()
}

/// Takes output files one at a time, from many threads, as they are made: each is compared
/// with `public/` and staged if it changed, so a build never holds the whole site in
/// memory. [`Writer::finish`] swaps the staged files in; [`Writer::abort`] leaves
/// `public/` exactly as it was.
pub struct Writer {
    places: Places,
    /// No output folder yet: everything is staged and the folder renamed into place.
    fresh: bool,
    /// Every path put so far (as `a/b.html`), and whether it was staged as changed.
    seen: Mutex<HashMap<String, bool>>,
}

impl Writer {
    /// Gets ready to write into `out_dir`: rolls back a swap a killed build left half done
    /// and clears leftovers.
    pub fn begin(out_dir: &Path) -> Result<Writer, Diagnostics> {
        let places = Places::new(out_dir);
        // Recovery first: a swap killed half way may have moved `404.html` and `sitemap.xml`
        // (by which the check knows our own output) to the backup folder. The journal beside
        // the folder is congbo's own, so rolling it back is safe before the check.
        recover(&places)?;
        check_output_dir(out_dir)?;
        std::fs::create_dir_all(&places.staging)
            .map_err(|e| Diagnostic::io(&places.staging, "create the staging folder", &e))?;
        let fresh = !places.out.exists();
        Ok(Writer {
            places,
            fresh,
            seen: Mutex::new(HashMap::new()),
        })
    }

    /// Stages one file if it differs from what `public/` has. A path put twice keeps the
    /// later file (a site's `static/` over the theme's, a page over both).
    pub fn put(&self, f: &OutputFile) -> Result<(), Diagnostic> {
        let changed = self.fresh || differs(&self.places.out, f);
        let staged = target(&self.places.staging, &f.path);
        if changed {
            stage_one(&staged, f)?;
        }
        let earlier = self.seen_lock()?.insert(rel(&f.path), changed);
        if earlier == Some(true) && !changed {
            // An earlier file at this path was staged; the later one, which wins, is what
            // `public/` already has.
            std::fs::remove_file(&staged)
                .map_err(|e| Diagnostic::io(&staged, "remove a staged file", &e))?;
        }
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

    /// Puts the staged files in place and removes files the site no longer has.
    pub fn finish(self) -> Result<WriteReport, Diagnostics> {
        let seen = std::mem::take(&mut *self.seen_lock()?);
        let places = &self.places;
        if self.fresh {
            std::fs::rename(&places.staging, &places.out)
                .map_err(|e| Diagnostic::io(&places.out, "put the output in place", &e))?;
            return Ok(WriteReport {
                written: seen.len(),
                ..Default::default()
            });
        }
        let mut changed: Vec<String> = seen
            .iter()
            .filter(|(_, c)| **c)
            .map(|(p, _)| p.clone())
            .collect();
        changed.sort();
        let mut stale: Vec<String> = existing_files(&places.out)
            .into_iter()
            .filter(|p| !seen.contains_key(p))
            .collect();
        stale.sort();
        let report = WriteReport {
            written: changed.len(),
            unchanged: seen.len() - changed.len(),
            removed: stale.len(),
        };
        if changed.is_empty() && stale.is_empty() {
            cleanup(places);
            return Ok(report);
        }
        // `~` replaces a file, `+` adds one, `-` removes one: what recovery needs to undo each.
        let journal: String = changed
            .iter()
            .map(|p| {
                if target(&places.out, p).exists() {
                    format!("~{p}\n")
                } else {
                    format!("+{p}\n")
                }
            })
            .chain(stale.iter().map(|p| format!("-{p}\n")))
            .collect();
        std::fs::write(&places.journal_part, journal)
            .and_then(|()| std::fs::rename(&places.journal_part, &places.journal))
            .map_err(|e| Diagnostic::io(&places.journal, "write the build journal", &e))?;
        swap_in(places, &changed, &stale)?;
        std::fs::remove_file(&places.journal)
            .map_err(|e| Diagnostic::io(&places.journal, "remove the build journal", &e))?;
        cleanup(places);
        remove_empty_dirs(&places.out, &stale);
        Ok(report)
    }

    /// Gives up: removes what was staged; `public/` is untouched.
    pub fn abort(self) {
        cleanup(&self.places);
    }
}

/// Refuses an output folder whose files are not ours to replace: the writer removes files
/// the site no longer has, so pointing it at a folder of other files would delete them.
/// An existing, non-empty folder must look like a build (a `404.html` or `sitemap.xml`).
pub(crate) fn check_output_dir(out_dir: &Path) -> Result<(), Diagnostic> {
    let is_empty = std::fs::read_dir(out_dir).map_or(true, |mut d| d.next().is_none());
    if is_empty {
        return Ok(());
    }
    let looks_built = out_dir.join("404.html").is_file() || out_dir.join("sitemap.xml").is_file();
    let holds_a_site = ["site.toml", "content"]
        .iter()
        .any(|n| out_dir.join(n).exists());
    if looks_built && !holds_a_site {
        return Ok(());
    }
    Err(Diagnostic::file(
        out_dir,
        crate::tr!(
            en: "this output folder already holds other files (it is not an earlier build of a site); \
                 congbo replaces everything in its output folder, so choose a new or empty folder, \
                 e.g. --output-dir public",
            vi: "thư mục ghi trang này đang chứa các tệp khác (không phải một lần dựng trang trước); \
                 congbo thay toàn bộ nội dung của thư mục ghi trang, nên hãy chọn một thư mục mới \
                 hoặc trống, ví dụ --output-dir public",
        ),
    ))
}

/// Every file under the output folder, as `a/b.html`.
fn existing_files(out: &Path) -> Vec<String> {
    WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            e.path()
                .strip_prefix(out)
                .ok()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        .collect()
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

/// Writes one file into the staging folder, creating its folders.
fn stage_one(to: &Path, f: &OutputFile) -> Result<(), Diagnostic> {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| Diagnostic::io(parent, "create a folder", &e))?;
    }
    let r = match &f.data {
        OutputData::Bytes(b) => std::fs::write(to, b),
        OutputData::Copy(from) => std::fs::copy(from, to).map(|_| ()),
    };
    r.map_err(|e| Diagnostic::io(to, "write", &e))
}

/// Moves old versions of changed and stale files to the backup folder, then the staged
/// files into place. Renames only: no file is ever half-written in the output.
fn swap_in(places: &Places, changed: &[String], stale: &[String]) -> Result<(), Diagnostics> {
    let move_file = |from: &Path, to: &Path| -> Result<(), Diagnostic> {
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Diagnostic::io(parent, "create a folder", &e))?;
        }
        std::fs::rename(from, to).map_err(|e| Diagnostic::io(to, "move a file into place", &e))
    };
    for p in changed.iter().chain(stale) {
        let old = target(&places.out, p);
        if old.exists() {
            move_file(&old, &target(&places.backup, p))?;
        }
    }
    for p in changed {
        move_file(&target(&places.staging, p), &target(&places.out, p))?;
    }
    Ok(())
}

/// Rolls back a swap that a killed build left half done, then clears leftovers. All old
/// versions go to the backup folder before any new file moves in, so: a backed-up file is
/// restored; a replaced or removed file with no backup was never touched; an added file is
/// removed.
fn recover(places: &Places) -> Result<(), Diagnostics> {
    if let Ok(journal) = std::fs::read_to_string(&places.journal) {
        let mut added = Vec::new();
        for line in journal.lines() {
            let (Some(kind), Some(p)) = (line.get(..1), line.get(1..)) else {
                continue;
            };
            let (in_out, in_backup) = (target(&places.out, p), target(&places.backup, p));
            if in_backup.exists() {
                if let Some(parent) = in_out.parent() {
                    let _ = std::fs::create_dir_all(parent);
                }
                std::fs::rename(&in_backup, &in_out)
                    .map_err(|e| Diagnostic::io(&in_out, "restore the previous output", &e))?;
            } else if kind == "+" && in_out.is_file() {
                std::fs::remove_file(&in_out)
                    .map_err(|e| Diagnostic::io(&in_out, "remove a half-built file", &e))?;
                added.push(p.to_string());
            }
        }
        // Folders made for added files go too: the output is the earlier build's exactly.
        remove_empty_dirs(&places.out, &added);
        std::fs::remove_file(&places.journal)
            .map_err(|e| Diagnostic::io(&places.journal, "remove the build journal", &e))?;
    }
    cleanup(places);
    Ok(())
}

fn cleanup(places: &Places) {
    for d in [&places.staging, &places.backup] {
        if d.exists() {
            let _ = std::fs::remove_dir_all(d);
        }
    }
    let _ = std::fs::remove_file(&places.journal_part);
}

/// Removes folders that removing stale files left empty.
fn remove_empty_dirs(out: &Path, removed: &[String]) {
    let mut dirs: Vec<PathBuf> = removed
        .iter()
        .filter_map(|p| target(out, p).parent().map(Path::to_path_buf))
        .collect();
    dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    dirs.dedup();
    for mut d in dirs {
        while d != out && d.starts_with(out) && std::fs::remove_dir(&d).is_ok() {
            if !d.pop() {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests;
