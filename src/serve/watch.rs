//! Watches the site folder with notify and hands over changes in debounced batches: a batch
//! starts with the first change and ends when nothing more has happened for a short quiet
//! time (an editor's save that writes a file three times, or a folder copy, is one batch),
//! or at a longest wait so a steady stream of changes still shows.

use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::{EventKind, ModifyKind, RenameMode};
use notify::{Event, RecommendedWatcher, RecursiveMode, Watcher};

use super::classify::{Change, ChangeKind};

/// The folders of a site that are watched, each with everything in it.
/// `data/` holds `chi-so.toml`, the index results.
pub const WATCHED: [&str; 6] = ["content", "templates", "themes", "static", "i18n", "data"];

/// How batches are cut.
#[derive(Clone, Copy, Debug)]
pub struct Debounce {
    /// A batch ends after this long without a change.
    pub quiet: Duration,
    /// A batch never waits longer than this from its first change.
    pub longest: Duration,
}

impl Default for Debounce {
    fn default() -> Self {
        Debounce {
            quiet: Duration::from_millis(25),
            longest: Duration::from_millis(400),
        }
    }
}

/// Starts watching `root` (which should be canonical, as notify reports canonical paths).
/// The batches arrive on the returned channel; the watcher lives as long as its thread,
/// which ends when the receiver is dropped.
pub fn spawn(root: &Path, debounce: Debounce) -> notify::Result<Receiver<Vec<Change>>> {
    let (raw_tx, raw_rx) = mpsc::channel::<notify::Result<Event>>();
    let mut watcher = notify::recommended_watcher(raw_tx)?;
    // The root alone, for `site.toml` (editors replace it by renaming) and top folders.
    watcher.watch(root, RecursiveMode::NonRecursive)?;
    for name in WATCHED {
        let dir = root.join(name);
        if dir.is_dir() {
            watcher.watch(&dir, RecursiveMode::Recursive)?;
        }
    }
    let (tx, rx) = mpsc::channel();
    let root = root.to_path_buf();
    std::thread::Builder::new()
        .name("congbo-watch".into())
        .spawn(move || {
            let mut watcher = watcher;
            while let Some(batch) = next_batch(&raw_rx, &root, debounce) {
                for c in &batch {
                    watch_new_top_folder(&mut watcher, &root, c);
                }
                if tx.send(batch).is_err() {
                    break;
                }
            }
        })
        .map_err(notify::Error::io)?;
    Ok(rx)
}

/// Waits for the first change, then collects until quiet. `None` when the watcher is gone.
fn next_batch(
    raw: &Receiver<notify::Result<Event>>,
    root: &Path,
    d: Debounce,
) -> Option<Vec<Change>> {
    let mut batch = Vec::new();
    while batch.is_empty() {
        let event = raw.recv().ok()?;
        batch.extend(changes(event, root));
    }
    let deadline = Instant::now() + d.longest;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        match raw.recv_timeout(d.quiet.min(left)) {
            Ok(event) => batch.extend(changes(event, root)),
            Err(RecvTimeoutError::Timeout) => break,
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    Some(batch)
}

/// The changes one notify event stands for. Opening and reading files are not changes.
/// When the watcher lost events (its queue overflowed), it asks for a rescan, which is
/// reported as a change of `site.toml` so that everything is rebuilt.
pub fn changes(event: notify::Result<Event>, root: &Path) -> Vec<Change> {
    let rescan = || {
        vec![Change {
            path: root.join("site.toml"),
            kind: ChangeKind::Other,
        }]
    };
    let event = match event {
        Ok(e) => e,
        Err(_) => return rescan(),
    };
    if event.need_rescan() {
        return rescan();
    }
    let kind = match event.kind {
        EventKind::Access(_) => return Vec::new(),
        EventKind::Create(_) => ChangeKind::Create,
        EventKind::Remove(_) => ChangeKind::Remove,
        EventKind::Modify(ModifyKind::Name(RenameMode::From)) => ChangeKind::Remove,
        EventKind::Modify(ModifyKind::Name(RenameMode::To)) => ChangeKind::Create,
        EventKind::Modify(ModifyKind::Name(_)) => ChangeKind::Other,
        EventKind::Modify(_) => ChangeKind::Modify,
        EventKind::Any | EventKind::Other => ChangeKind::Other,
    };
    event
        .paths
        .into_iter()
        .map(|path| Change { path, kind })
        .collect()
}

/// A watched top folder that appeared after the start (`static/` made later) is watched
/// from now on.
fn watch_new_top_folder(watcher: &mut RecommendedWatcher, root: &Path, c: &Change) {
    if c.kind == ChangeKind::Remove {
        return;
    }
    let is_top = c.path.parent() == Some(root)
        && c.path
            .file_name()
            .is_some_and(|n| WATCHED.iter().any(|w| n == *w));
    if is_top && c.path.is_dir() {
        // Already watched folders answer with an error or a no-op; either is fine.
        let _ = watcher.watch(&c.path, RecursiveMode::Recursive);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_is_not_a_change() {
        let root = Path::new("/site");
        let ev = |kind| Ok(Event::new(kind).add_path(root.join("content/a.md")));
        assert!(changes(ev(EventKind::Access(notify::event::AccessKind::Any)), root).is_empty());
        let c = changes(
            ev(EventKind::Modify(ModifyKind::Data(
                notify::event::DataChange::Any,
            ))),
            root,
        );
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].kind, ChangeKind::Modify);
    }

    #[test]
    fn lost_events_rebuild_everything() {
        let root = Path::new("/site");
        let c = changes(Err(notify::Error::generic("overflow")), root);
        assert_eq!(c[0].path, root.join("site.toml"));
    }

    #[test]
    fn a_save_in_three_writes_is_one_batch() {
        let (tx, rx) = mpsc::channel();
        let root = std::path::PathBuf::from("/site");
        let writer = {
            let root = root.clone();
            std::thread::spawn(move || {
                for _ in 0..3 {
                    let e = Event::new(EventKind::Modify(ModifyKind::Any))
                        .add_path(root.join("content/a.md"));
                    tx.send(Ok(e)).unwrap();
                    std::thread::sleep(Duration::from_millis(5));
                }
            })
        };
        let d = Debounce {
            quiet: Duration::from_millis(100),
            longest: Duration::from_secs(5),
        };
        let batch = next_batch(&rx, &root, d).unwrap();
        writer.join().unwrap();
        assert_eq!(batch.len(), 3);
    }
}
