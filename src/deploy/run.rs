//! Carries out a [`Plan`] on a [`Remote`]. Each file is written under a temporary name and
//! renamed into place, so a reader sees the old file or the new one, never half of one.
//! The target's manifest is brought along as the files land (written every couple of
//! seconds, and at the end, itself through a temporary name): a deploy that is cut off
//! leaves a manifest that is true of what is there, and the next run sends only the rest.
//! Before anything is sent, the manifest claims the new files (with an empty hash), so a
//! file a cut-off deploy put there is still known as congbo's.

use std::path::Path;
use std::time::{Duration, Instant};

use super::manifest::{Entry, Files, REMOTE_MANIFEST, hash, remote_text};
use super::plan::{Change, Plan};
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
}

impl Default for Pace {
    fn default() -> Self {
        Pace {
            attempts: 5,
            first_wait: Duration::from_millis(500),
            manifest_every: Duration::from_secs(2),
            manifest_share: 10,
            pause: Duration::ZERO,
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

/// The deploy in progress: the target, and its manifest as it stands.
struct Run<'a> {
    remote: &'a mut dyn Remote,
    pace: Pace,
    manifest: Files,
    written_at: Instant,
    /// How long the last write of the manifest took.
    took: Duration,
    dirty: bool,
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

    fn upload(&mut self, path: &str, data: &[u8]) -> Result<(), Failure> {
        let tmp = format!("{path}{UPLOADING}");
        let fail = |doing, e: RemoteError| Failure {
            path: path.into(),
            doing,
            reply: e.message,
        };
        let (pace, remote) = (self.pace, &mut *self.remote);
        put(&pace, remote, path, &tmp, data, fail)?;
        let entry = Entry {
            size: data.len() as u64,
            hash: hash(data),
        };
        self.manifest.insert(path.to_string(), entry);
        self.dirty = true;
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
        pace,
        manifest,
        written_at: Instant::now(),
        took: Duration::ZERO,
        dirty: false,
    };
    let mut seen = Progressed {
        total: plan.uploads.len() + plan.removals.len(),
        total_bytes: plan.bytes(),
        ..Progressed::default()
    };
    let result = steps(plan, out_dir, &mut run, &mut seen, progress);
    // Whatever happened, the manifest says what is there now.
    let written = if run.dirty {
        run.write_manifest()
    } else {
        Ok(())
    };
    let done = result?;
    written.map(|()| done)
}

fn steps(
    plan: &Plan,
    out_dir: &Path,
    run: &mut Run<'_>,
    seen: &mut Progressed,
    progress: &mut dyn FnMut(Progressed),
) -> Result<Done, Failure> {
    // The new files are claimed before any of them is sent.
    let mut claimed = false;
    for u in plan.uploads.iter().filter(|u| u.change == Change::New) {
        run.manifest.entry(u.path.clone()).or_insert_with(|| {
            claimed = true;
            Entry {
                size: 0,
                hash: String::new(),
            }
        });
    }
    if claimed {
        run.write_manifest()?;
    }
    let mut done = Done::default();
    for u in &plan.uploads {
        let file = out_dir.join(&u.path);
        let data = std::fs::read(&file).map_err(|e| Failure {
            path: file.display().to_string(),
            doing: "read",
            reply: e.to_string(),
        })?;
        run.upload(&u.path, &data)?;
        done.uploaded += 1;
        done.bytes += data.len() as u64;
        seen.done += 1;
        seen.bytes += u.entry.size;
        progress(*seen);
        run.maybe_write_manifest()?;
        if !run.pace.pause.is_zero() {
            std::thread::sleep(run.pace.pause);
        }
    }
    for path in &plan.removals {
        run.remove(path)?;
        done.removed += 1;
        seen.done += 1;
        progress(*seen);
        run.maybe_write_manifest()?;
    }
    Ok(done)
}

#[cfg(test)]
mod tests;
