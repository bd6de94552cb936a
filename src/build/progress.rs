//! How far a build has got, for the command line's progress bar. The build only bumps
//! atomic counters (one relaxed add per rendered file: no lock, no allocation, no output);
//! whoever shows the progress reads them from its own thread.

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

/// The stages a progress bar names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Reading `site.toml`, the templates and `content/`, and the front matter.
    Reading,
    /// Turning Markdown into HTML.
    Markdown,
    /// Building the site model (lists, taxonomies, tasks, agencies, documents).
    Model,
    /// Rendering and writing the pages; [`Progress::done`] of [`Progress::total`].
    Rendering,
    /// Feeds, data files and the swap of the output folder.
    Finishing,
}

impl Stage {
    const ALL: [Stage; 5] = [
        Stage::Reading,
        Stage::Markdown,
        Stage::Model,
        Stage::Rendering,
        Stage::Finishing,
    ];
}

/// Counters shared between a build and a progress display.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Progress {
    /// The stage the build is in.
    pub fn stage(&self) -> Stage {
        let i = usize::from(self.stage.load(Ordering::Relaxed));
        Stage::ALL[i.min(Stage::ALL.len() - 1)]
    }

    /// Moves to a stage.
    pub fn set_stage(&self, stage: Stage) {
        let i = Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
        self.stage.store(i as u8, Ordering::Relaxed);
    }

    /// Starts the rendering stage with `total` files to make.
    pub fn start_rendering(&self, total: usize) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.set_stage(Stage::Rendering);
    }

    /// One more file made (called from the render threads).
    pub fn tick(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// Files made so far in the rendering stage.
    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }

    /// Files the rendering stage makes in all.
    pub fn total(&self) -> usize {
        self.total.load(Ordering::Relaxed)
    }
}

/// Marks a stage on an optional progress (a build without a display passes none).
pub(crate) fn mark(progress: Option<&Progress>, stage: Stage) {
    if let Some(p) = progress {
        p.set_stage(stage);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_stages() {
        let p = Progress::default();
        assert_eq!(p.stage(), Stage::Reading);
        mark(Some(&p), Stage::Model);
        assert_eq!(p.stage(), Stage::Model);
        p.start_rendering(3);
        std::thread::scope(|s| {
            s.spawn(|| p.tick());
            s.spawn(|| p.tick());
        });
        assert_eq!((p.stage(), p.done(), p.total()), (Stage::Rendering, 2, 3));
        mark(Some(&p), Stage::Finishing);
        assert_eq!(p.stage(), Stage::Finishing);
    }
}
