//! `congbo deploy` on the terminal: the plan, the question, a progress line on one
//! refreshed line, and a password typed without echo. With no terminal (a script, CI) it
//! asks nothing and draws no progress.

use std::io::{BufRead, IsTerminal, Write};
use std::time::{Duration, Instant};

use crate::build::BuildReport;
use crate::deploy::plan::{Plan, megabytes};
use crate::deploy::{Progressed, Ui};
use crate::tr;

/// The terminal's side of a deploy.
struct Terminal {
    /// The last time the progress line was drawn.
    drawn: Option<Instant>,
    /// Whether a progress line waits for its end of line.
    open_line: bool,
}

impl Terminal {
    fn new() -> Self {
        Terminal {
            drawn: None,
            open_line: false,
        }
    }

    /// Ends the progress line, before the last line or an error.
    fn finish(&mut self) {
        if self.open_line {
            eprintln!();
            self.open_line = false;
        }
    }
}

impl Ui for Terminal {
    fn built(&mut self, report: &BuildReport) {
        for w in &report.warnings {
            eprintln!("{w}");
        }
        println!("{}", super::messages::build_summary(report));
    }

    fn plan(&mut self, target: &str, plan: &Plan) {
        let summary = plan.summary();
        println!(
            "{}",
            tr!(
                en: "To {target}: {summary}",
                vi: "Lên {target}: {summary}",
            )
        );
    }

    fn confirm(&mut self, question: &str) -> bool {
        eprint!("{question}");
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        if std::io::stdin().lock().read_line(&mut answer).is_err() {
            return false;
        }
        let a = answer.trim().to_lowercase();
        // y/yes, and Vietnamese c/có.
        matches!(a.as_str(), "y" | "yes" | "c" | "có" | "co")
    }

    fn secret(&mut self, prompt: &str) -> Option<String> {
        if !self.can_ask() {
            return None;
        }
        rpassword::prompt_password(prompt).ok()
    }

    fn progress(&mut self, p: Progressed) {
        if !std::io::stderr().is_terminal() {
            return;
        }
        let last = p.done == p.total;
        if !last
            && self
                .drawn
                .is_some_and(|t| t.elapsed() < Duration::from_millis(100))
        {
            return;
        }
        self.drawn = Some(Instant::now());
        let (done, total) = (p.done, p.total);
        let (mb, total_mb) = (megabytes(p.bytes), megabytes(p.total_bytes));
        let line = tr!(
            en: "{done}/{total} files, {mb}/{total_mb} MB",
            vi: "{done}/{total} tệp, {mb}/{total_mb} MB",
        );
        eprint!("\r{line}   ");
        self.open_line = true;
    }

    fn can_ask(&self) -> bool {
        std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
    }
}

/// The deploy's rhythm: the default, with a pause after each file when
/// `CONGBO_DEPLOY_PAUSE_MS` is set (the tests that cut a deploy off half way use it).
pub(super) fn pace() -> crate::deploy::Pace {
    let mut pace = crate::deploy::Pace::default();
    if let Some(ms) = std::env::var("CONGBO_DEPLOY_PAUSE_MS")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
    {
        pace.pause = std::time::Duration::from_millis(ms);
    }
    pace
}

/// `congbo deploy`: its exit status.
pub(super) fn run(opts: crate::deploy::DeployOptions) -> i32 {
    let mut ui = Terminal::new();
    let result = crate::deploy::deploy(&opts, &mut ui);
    ui.finish();
    match result {
        Ok(report) => {
            println!("{}", crate::deploy::done_summary(&report));
            0
        }
        Err(errors) => {
            eprintln!("{errors}");
            1
        }
    }
}
