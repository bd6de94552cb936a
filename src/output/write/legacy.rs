//! What older versions of congbo left beside the output folder: they staged changed files
//! in `public.congbo-new` and moved them in one by one under a journal
//! (`public.congbo-journal`), the old versions kept in `public.congbo-old`. A build of
//! such a version killed mid-swap is rolled back here before anything else, so the user's
//! site is whole again; then those folders are removed.

use std::path::{Path, PathBuf};

use super::{Places, target};
use crate::error::{Diagnostic, Diagnostics};

/// Rolls back a swap that a killed build left half done, then clears leftovers. All old
/// versions go to the backup folder before any new file moves in, so: a backed-up file is
/// restored; a replaced or removed file with no backup was never touched; an added file is
/// removed.
pub(super) fn recover(places: &Places) -> Result<(), Diagnostics> {
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

/// Removes the folders an older version staged its writes in, and a cut journal.
pub(super) fn cleanup(places: &Places) {
    for d in [&places.staging, &places.backup] {
        if d.exists() {
            let _ = std::fs::remove_dir_all(d);
        }
    }
    let _ = std::fs::remove_file(&places.journal_part);
}

/// Removes folders that removing stale files left empty.
pub(super) fn remove_empty_dirs(out: &Path, removed: &[String]) {
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
