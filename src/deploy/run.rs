//! Carries out a [`Plan`] on a [`Remote`]. Each file is written under a temporary name and
//! renamed into place, so a reader sees the old file or the new one, never half of one.
//! The target's manifest is brought along as the files land (written every couple of
//! seconds, and at the end, itself through a temporary name): a deploy that is cut off
//! leaves a manifest that is true of what is there, and the next run sends only the rest.
//! Before anything is sent, the manifest claims the files to be sent (new ones with an
//! empty hash, changed ones losing theirs), so a file a cut-off deploy left under its
//! temporary name is always of a path the next deploy sends again or removes.
//!
//! The files of one phase of the plan go several at a time ([`Pace::jobs`], each on a
//! connection of its own, see [`jobs`]); a phase is whole before the next begins.

mod jobs;

use std::path::Path;
use std::time::{Duration, Instant};

use super::manifest::{Entry, Files, REMOTE_MANIFEST, hash, remote_text};
use super::plan::{Plan, Upload};
use super::remote::{Remote, RemoteError};

/// The suffix of a file being sent, before it is renamed into place.
pub const UPLOADING: &str = ".congbo-up";

/// How a deploy runs, besides what it sends.
#[derive(Clone, Copy, Debug)]
pub struct Pace {
    /// Attempts of one operation before giving up on a transient error.
    pub attempts: u32,
    /// The wait before the second attempt; it doubles each time after.
    pub first_wait: Duration,
    /// How often, at most, the target's manifest is written while files land.
    pub manifest_every: Duration,
    /// And at most once in this many times the last write of it took: a large site's
    /// manifest on a slow line takes long, and the files must go on.
    pub manifest_share: u32,
    /// A pause after each file (for the tests that cut a deploy off half way).
    pub pause: Duration,
    /// Files sent at the same time, each on its own connection (1: one after another).
    pub jobs: usize,
}

/// Files sent at the same time when neither `--jobs` nor the target's `jobs` says: enough
/// to hide most of a slow line's round trips, few enough for the hosts that limit an
/// account to a handful of connections (counting the one that writes the manifest).
pub const DEFAULT_JOBS: usize = 4;

impl Default for Pace {
    fn default() -> Self {
        Pace {
            attempts: 5,
            first_wait: Duration::from_millis(500),
            manifest_every: Duration::from_secs(2),
            manifest_share: 10,
            pause: Duration::ZERO,
            jobs: DEFAULT_JOBS,
        }
    }
}

/// How far a deploy has gone, for the progress line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progressed {
    /// Operations done (uploads and removals) and planned.
    pub done: usize,
    /// See `done`.
    pub total: usize,
    /// Bytes sent and to send.
    pub bytes: u64,
    /// See `bytes`.
    pub total_bytes: u64,
}

/// A failure that stopped the deploy: the file and the server's reply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The site path concerned (`.congbo-deploy.json` for the target's manifest), or, for
    /// `read`, the local file in full.
    pub path: String,
    /// What congbo was doing: `read` (a file of `public/`, named in full in `path`),
    /// `fetch` (a file of the target), `upload`, `rename`, `remove`.
    pub doing: &'static str,
    /// The server's reply.
    pub reply: String,
}

/// What a finished deploy did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Done {
    /// Files sent.
    pub uploaded: usize,
    /// Files removed.
    pub removed: usize,
    /// Bytes sent.
    pub bytes: u64,
}

/// Runs `op` until it works, a lasting error, or `pace.attempts` transient ones, waiting
/// longer each time.
pub(super) fn retried<T>(
    pace: &Pace,
    mut op: impl FnMut() -> Result<T, RemoteError>,
) -> Result<T, RemoteError> {
    let mut wait = pace.first_wait;
    let mut attempt = 1;
    loop {
        match op() {
            Err(e) if e.transient && attempt < pace.attempts => {
                std::thread::sleep(wait);
                wait *= 2;
                attempt += 1;
            }
            r => return r,
        }
    }
}

/// Puts `data` at `path`: written as `tmp` and renamed into place, or, on a target whose
/// one write replaces a file whole ([`Remote::renames`]), written there at once.
fn put(
    pace: &Pace,
    remote: &mut dyn Remote,
    path: &str,
    tmp: &str,
    data: &[u8],
    fail: impl Fn(&'static str, RemoteError) -> Failure,
) -> Result<(), Failure> {
    if !remote.renames() {
        return retried(pace, || remote.write(path, data)).map_err(|e| fail("upload", e));
    }
    retried(pace, || remote.write(tmp, data)).map_err(|e| fail("upload", e))?;
    retried(pace, || remote.rename(tmp, path)).map_err(|e| fail("rename", e))
}

/// Reads the file of `path` from `out_dir` and puts it in place on `remote`: its size and
/// hash, for the manifest.
fn send(
    pace: &Pace,
    remote: &mut dyn Remote,
    out_dir: &Path,
    path: &str,
) -> Result<Entry, Failure> {
    let file = out_dir.join(path);
    let data = std::fs::read(&file).map_err(|e| Failure {
        path: file.display().to_string(),
        doing: "read",
        reply: e.to_string(),
    })?;
    let tmp = format!("{path}{UPLOADING}");
    let fail = |doing, e: RemoteError| Failure {
        path: path.into(),
        doing,
        reply: e.message,
    };
    put(pace, remote, path, &tmp, &data, fail)?;
    if !pace.pause.is_zero() {
        std::thread::sleep(pace.pause);
    }
    Ok(Entry {
        size: data.len() as u64,
        hash: hash(&data),
    })
}

/// The deploy in progress: the target, and its manifest as it stands.
struct Run<'a> {
    /// The first connection: it reads and writes the manifest, removes, and sends when
    /// files go one at a time.
    remote: &'a mut dyn Remote,
    /// The other connections, opened when a phase first sends files side by side.
    others: Vec<Box<dyn Remote>>,
    pace: Pace,
    manifest: Files,
    written_at: Instant,
    /// How long the last write of the manifest took.
    took: Duration,
    dirty: bool,
    done: Done,
    seen: Progressed,
}

impl Run<'_> {
    /// Writes the target's manifest through a temporary name.
    fn write_manifest(&mut self) -> Result<(), Failure> {
        let text = remote_text(&self.manifest);
        let tmp = format!("{REMOTE_MANIFEST}{UPLOADING}");
        let fail = |doing, e: RemoteError| Failure {
            path: REMOTE_MANIFEST.into(),
            doing,
            reply: e.message,
        };
        let (pace, remote) = (self.pace, &mut *self.remote);
        let started = Instant::now();
        put(&pace, remote, REMOTE_MANIFEST, &tmp, &text, fail)?;
        self.took = started.elapsed();
        self.written_at = Instant::now();
        self.dirty = false;
        Ok(())
    }

    /// Writes the manifest if it changed and the last write is old enough.
    fn maybe_write_manifest(&mut self) -> Result<(), Failure> {
        let every = self
            .pace
            .manifest_every
            .max(self.took * self.pace.manifest_share);
        if self.dirty && self.written_at.elapsed() >= every {
            self.write_manifest()?;
        }
        Ok(())
    }

    /// A file is in place: the manifest, the tally and the progress line say so.
    fn landed(
        &mut self,
        path: &str,
        entry: Entry,
        progress: &mut dyn FnMut(Progressed),
    ) -> Result<(), Failure> {
        self.done.uploaded += 1;
        self.done.bytes += entry.size;
        self.seen.done += 1;
        self.seen.bytes += entry.size;
        self.manifest.insert(path.to_string(), entry);
        self.dirty = true;
        progress(self.seen);
        self.maybe_write_manifest()
    }

    /// Sends the files of one phase: side by side when the pace allows, else one by one.
    fn send_phase(
        &mut self,
        files: &[Upload],
        out_dir: &Path,
        progress: &mut dyn FnMut(Progressed),
    ) -> Result<(), Failure> {
        if self.pace.jobs > 1 && files.len() > 1 {
            return self.send_side_by_side(files, out_dir, progress);
        }
        for u in files {
            let entry = send(&self.pace, &mut *self.remote, out_dir, &u.path)?;
            self.landed(&u.path, entry, progress)?;
        }
        Ok(())
    }

    fn remove(&mut self, path: &str) -> Result<(), Failure> {
        let (pace, remote) = (self.pace, &mut *self.remote);
        retried(&pace, || remote.remove(path)).map_err(|e| Failure {
            path: path.into(),
            doing: "remove",
            reply: e.message,
        })?;
        // And what a deploy cut off while sending it may have left under its temporary
        // name (every such file is of a path the manifest names, so of one that is either
        // sent again, which replaces it, or removed here).
        let tmp = format!("{path}{UPLOADING}");
        let _ = retried(&pace, || remote.remove(&tmp));
        self.manifest.remove(path);
        self.dirty = true;
        // The folders it leaves empty go too, innermost first.
        let mut folder = path;
        while let Some((parent, _)) = folder.rsplit_once('/') {
            self.remote.remove_empty_dir(parent);
            folder = parent;
        }
        Ok(())
    }
}

/// Carries out `plan` on `remote`, reading the files from `out_dir`; `manifest` is the
/// target's as read before planning. The target's manifest is left true of the target
/// whether this succeeds or fails.
pub fn carry_out(
    plan: &Plan,
    out_dir: &Path,
    remote: &mut dyn Remote,
    manifest: Files,
    pace: Pace,
    progress: &mut dyn FnMut(Progressed),
) -> Result<Done, Failure> {
    let mut run = Run {
        remote,
        others: Vec::new(),
        pace,
        manifest,
        written_at: Instant::now(),
        took: Duration::ZERO,
        dirty: false,
        done: Done::default(),
        seen: Progressed {
            total: plan.uploads.len() + plan.removals.len(),
            total_bytes: plan.bytes(),
            ..Progressed::default()
        },
    };
    let result = steps(plan, out_dir, &mut run, progress);
    // Whatever happened, the manifest says what is there now.
    let written = if run.dirty {
        run.write_manifest()
    } else {
        Ok(())
    };
    result?;
    written.map(|()| run.done)
}

fn steps(
    plan: &Plan,
    out_dir: &Path,
    run: &mut Run<'_>,
    progress: &mut dyn FnMut(Progressed),
) -> Result<(), Failure> {
    // The files to send are claimed before any of them is: a new one with an empty hash,
    // a changed one losing its hash. A file cut off under its temporary name is then of a
    // path the next deploy sends again (even if its change was undone meanwhile) or
    // removes, and either takes the temporary file away.
    let mut claimed = false;
    for u in &plan.uploads {
        match run.manifest.get_mut(&u.path) {
            Some(e) if e.hash.is_empty() => {}
            Some(e) => {
                e.hash.clear();
                claimed = true;
            }
            None => {
                let unknown = Entry {
                    size: 0,
                    hash: String::new(),
                };
                run.manifest.insert(u.path.clone(), unknown);
                claimed = true;
            }
        }
    }
    if claimed {
        run.write_manifest()?;
    }
    for phase in plan.phases() {
        run.send_phase(phase, out_dir, progress)?;
    }
    for path in &plan.removals {
        run.remove(path)?;
        run.done.removed += 1;
        run.seen.done += 1;
        progress(run.seen);
        run.maybe_write_manifest()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
