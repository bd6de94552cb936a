//! The progress bar of `congbo build`: drawn on stderr from its own thread, which reads the
//! build's atomic counters ten times a second, so the build itself never waits for it. It
//! appears only when stderr is a terminal, not in CI (`CI` set) nor on a dumb terminal, and
//! only once a build has run for a moment: small builds print just their summary line.

use std::ffi::OsStr;
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::messages;
use crate::build::{Progress, Stage};

/// How long a build runs before the bar appears.
const DELAY: Duration = Duration::from_millis(300);
/// How often the bar is redrawn.
const TICK: Duration = Duration::from_millis(100);

/// Whether to draw a bar, from the environment: stderr is a terminal, `CI` is unset (or
/// `false`/`0`), and `TERM` is not `dumb`.
pub(crate) fn wanted(stderr_is_terminal: bool, ci: Option<&OsStr>, term: Option<&OsStr>) -> bool {
    let in_ci = ci.is_some_and(|v| !v.is_empty() && v != "false" && v != "0");
    stderr_is_terminal && !in_ci && term.is_none_or(|t| t != "dumb")
}

/// A running progress display; dropping it (or [`Display::finish`]) clears the bar.
pub(crate) struct Display {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Display {
    /// Starts a display of `progress` if this environment wants one.
    pub(crate) fn start(progress: Arc<Progress>) -> Option<Display> {
        let show = wanted(
            std::io::stderr().is_terminal(),
            std::env::var_os("CI").as_deref(),
            std::env::var_os("TERM").as_deref(),
        );
        if !show {
            return None;
        }
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("congbo-progress".into())
            .spawn(move || draw(&progress, &stopped))
            .ok()?;
        Some(Display {
            stop,
            thread: Some(thread),
        })
    }

    /// Clears the bar and waits for its thread.
    pub(crate) fn finish(mut self) {
        self.stop_now();
    }

    fn stop_now(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        self.stop_now();
    }
}

/// The display thread: waits [`DELAY`], then redraws every [`TICK`] until stopped.
fn draw(progress: &Progress, stop: &AtomicBool) {
    let started = Instant::now();
    while started.elapsed() < DELAY {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        std::thread::sleep(TICK / 4);
    }
    let spinner = ProgressStyle::with_template("{spinner} {msg}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    let counting = ProgressStyle::with_template("{msg} [{wide_bar}] {pos}/{len}")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(10))
        .with_style(spinner.clone());
    let mut counting_shown = false;
    while !stop.load(Ordering::Relaxed) {
        let stage = progress.stage();
        // The message first: each change below redraws the line.
        bar.set_message(format!(
            "{} {}",
            messages::elapsed(started.elapsed()),
            messages::stage(stage)
        ));
        if stage == Stage::Rendering {
            bar.set_length(progress.total() as u64);
            bar.set_position(progress.done() as u64);
            if !counting_shown {
                bar.set_style(counting.clone());
                counting_shown = true;
            }
        } else if counting_shown {
            bar.set_style(spinner.clone());
            counting_shown = false;
        }
        bar.tick();
        std::thread::sleep(TICK);
    }
    bar.finish_and_clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_on_a_terminal_and_never_in_ci() {
        let os = |s: &'static str| Some(OsStr::new(s));
        assert!(wanted(true, None, os("xterm-256color")));
        assert!(wanted(true, None, None));
        assert!(!wanted(false, None, os("xterm")));
        assert!(!wanted(true, os("true"), os("xterm")));
        assert!(!wanted(true, os("1"), None));
        assert!(wanted(true, os("false"), None));
        assert!(wanted(true, os(""), None));
        assert!(!wanted(true, None, os("dumb")));
    }
}
