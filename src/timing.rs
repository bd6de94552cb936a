//! The stage timings `CONGBO_TIMINGS` prints: a wall and CPU clock per stage. At the bottom
//! of the modules (it depends on nothing) so that the stages that time themselves while
//! running beside others (render's templates, output's search index) need not import the
//! build that drives them.

use std::time::Instant;

/// Prints how long each stage took when `CONGBO_TIMINGS` is set, to find where time goes.
pub(crate) struct StageClock {
    on: bool,
    last: Instant,
    last_cpu: f64,
}

impl StageClock {
    pub(crate) fn new() -> Self {
        StageClock {
            on: timings_on(),
            last: Instant::now(),
            last_cpu: cpu_seconds(),
        }
    }

    pub(crate) fn lap(&mut self, stage: &str) {
        if self.on {
            // CPU time beside wall time shows whether a stage kept every core busy.
            let cpu = cpu_seconds();
            // Resident memory after the stage shows which stages hold it.
            eprintln!(
                "{:>8.1} ms wall {:>8.1} ms cpu {:>6} MB rss  {stage}",
                self.last.elapsed().as_secs_f64() * 1000.0,
                (cpu - self.last_cpu) * 1000.0,
                resident_mb()
            );
            self.last = Instant::now();
            self.last_cpu = cpu;
        }
    }
}

/// Whether `CONGBO_TIMINGS` asks for timings: the stages', a stage's running beside others,
/// the templates'.
pub(crate) fn timings_on() -> bool {
    std::env::var_os("CONGBO_TIMINGS").is_some()
}

/// With `CONGBO_TIMINGS` set, the wall clock and CPU time now, for a stage that runs
/// beside others to time itself.
pub(crate) fn cpu_clock() -> Option<(Instant, f64)> {
    timings_on().then(|| (Instant::now(), cpu_seconds()))
}

/// User and system CPU time of this process so far, from `/proc/self/stat` (Linux only;
/// 0 elsewhere, where the timings then show wall time alone).
pub(crate) fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name (which may hold spaces) start at ") ".
    let fields: Vec<&str> = stat
        .rsplit_once(") ")
        .map(|(_, rest)| rest.split(' ').collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the whole line; 100 ticks a second on Linux.
    (ticks(11) + ticks(12)) / 100.0
}

/// Resident memory of this process in MB, from `/proc/self/status` (0 elsewhere).
fn resident_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}
