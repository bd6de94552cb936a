//! The files of one phase sent side by side: up to [`Pace::jobs`](super::Pace::jobs)
//! threads, each with a connection of its own ([`Remote::another`], opened once and kept
//! for the next phases), take the phase's files in plan order. The thread that started
//! the deploy does the bookkeeping as each file lands (the manifest, written through the
//! first connection, and the progress line), so the manifest is only ever written from
//! one place. A failure stops the others from taking a new file; the files already on
//! their way finish and are recorded, so the manifest stays true of the target. The
//! phase ends when every thread is done: the next phase's files (the pages linking to
//! these) never go before.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use super::{Failure, Progressed, Run, send};
use crate::deploy::manifest::Entry;
use crate::deploy::plan::Upload;

impl Run<'_> {
    /// Opens the other connections this phase can use (no more than it has files); a host
    /// that refuses one only gets fewer files at a time.
    fn open_others(&mut self, files: usize) {
        let want = self.pace.jobs.min(files);
        while self.others.len() < want {
            match self.remote.another() {
                Ok(r) => self.others.push(r),
                Err(_) => break,
            }
        }
    }

    /// Sends `files` (one phase) on the other connections at once.
    pub(super) fn send_side_by_side(
        &mut self,
        files: &[Upload],
        out_dir: &Path,
        progress: &mut dyn FnMut(Progressed),
    ) -> Result<(), Failure> {
        self.open_others(files.len());
        if self.others.len() < 2 {
            // No second connection: one file after another, on the first one.
            let pace = super::Pace {
                jobs: 1,
                ..self.pace
            };
            let saved = std::mem::replace(&mut self.pace, pace);
            let r = self.send_phase(files, out_dir, progress);
            self.pace = saved;
            return r;
        }
        let mut others = std::mem::take(&mut self.others);
        let next = AtomicUsize::new(0);
        let stop = AtomicBool::new(false);
        let pace = self.pace;
        let mut failure = None;
        std::thread::scope(|scope| {
            let (tx, rx) = mpsc::channel::<(usize, Result<Entry, Failure>)>();
            for remote in others.iter_mut() {
                let (tx, next, stop) = (tx.clone(), &next, &stop);
                scope.spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(u) = files.get(i) else { break };
                        let sent = send(&pace, remote.as_mut(), out_dir, &u.path);
                        let failed = sent.is_err();
                        if tx.send((i, sent)).is_err() || failed {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            // Until every thread has ended: a file on its way when another failed is
            // still recorded once it lands.
            for (i, sent) in rx {
                let landed = sent.and_then(|entry| self.landed(&files[i].path, entry, progress));
                if let Err(f) = landed {
                    stop.store(true, Ordering::Relaxed);
                    failure.get_or_insert(f);
                }
            }
        });
        self.others = others;
        failure.map_or(Ok(()), Err)
    }
}
