//! Time per template, printed with the stage timings when `CONGBO_TIMINGS` is set (Hugo's
//! `--templateMetrics`): which templates a theme author should make cheaper. Making a job's
//! context is timed apart from running its template, as either may be the slow part.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

/// What the jobs of one template took, summed over every thread.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Stat {
    /// Jobs rendered with the template.
    pub(super) count: u32,
    /// Making their contexts.
    pub(super) prepare: Duration,
    /// Running the template.
    pub(super) render: Duration,
    /// The slowest single run of the template.
    pub(super) slowest: Duration,
}

/// Collects [`Stat`]s by template name while pages render; does nothing unless asked.
#[derive(Default)]
pub(super) struct TemplateTimes {
    by_template: Option<Mutex<HashMap<String, Stat>>>,
}

impl TemplateTimes {
    /// Collecting when `CONGBO_TIMINGS` is set, else a no-op.
    pub(super) fn from_env() -> Self {
        TemplateTimes {
            by_template: crate::timing::timings_on().then(Mutex::default),
        }
    }

    /// Whether jobs should be timed at all (no clock is read otherwise).
    pub(super) fn on(&self) -> bool {
        self.by_template.is_some()
    }

    /// Adds one job of `template`.
    pub(super) fn add(&self, template: &str, prepare: Duration, render: Duration) {
        let Some(by) = &self.by_template else { return };
        // A poisoned lock only loses timings; the build goes on.
        if let Ok(mut by) = by.lock() {
            // The name is copied once per template, not once per page.
            if !by.contains_key(template) {
                by.insert(template.to_string(), Stat::default());
            }
            let Some(s) = by.get_mut(template) else {
                return;
            };
            s.count += 1;
            s.prepare += prepare;
            s.render += render;
            s.slowest = s.slowest.max(render);
        }
    }

    /// The table to print, when collecting.
    pub(super) fn report(self) -> Option<String> {
        let by = self.by_template?.into_inner().ok()?;
        Some(table(by.into_iter().collect()))
    }
}

/// The templates, the costliest first (context and template time together), one line each.
fn table(mut rows: Vec<(String, Stat)>) -> String {
    let total = |s: &Stat| s.prepare + s.render;
    rows.sort_by(|a, b| total(&b.1).cmp(&total(&a.1)).then_with(|| a.0.cmp(&b.0)));
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let us = |d: Duration, n: u32| d.as_secs_f64() * 1e6 / f64::from(n.max(1));
    let mut out = format!(
        "{:>8} {:>10} {:>10} {:>9} {:>9} {:>9}  template\n",
        "pages", "context ms", "render ms", "mean µs", "max µs", "ctx µs"
    );
    for (name, s) in rows {
        out.push_str(&format!(
            "{:>8} {:>10.1} {:>10.1} {:>9.0} {:>9.0} {:>9.0}  {name}\n",
            s.count,
            ms(s.prepare),
            ms(s.render),
            us(s.render, s.count),
            us(s.slowest, 1),
            us(s.prepare, s.count),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stat(count: u32, prepare_us: u64, render_us: u64, slowest_us: u64) -> Stat {
        Stat {
            count,
            prepare: Duration::from_micros(prepare_us),
            render: Duration::from_micros(render_us),
            slowest: Duration::from_micros(slowest_us),
        }
    }

    #[test]
    fn off_collects_nothing() {
        let t = TemplateTimes::default();
        assert!(!t.on());
        t.add(
            "page.html",
            Duration::from_millis(1),
            Duration::from_millis(2),
        );
        assert_eq!(t.report(), None);
    }

    #[test]
    fn sums_jobs_by_template_and_keeps_the_slowest() {
        let t = TemplateTimes {
            by_template: Some(Mutex::default()),
        };
        t.add(
            "page.html",
            Duration::from_micros(10),
            Duration::from_micros(30),
        );
        t.add(
            "page.html",
            Duration::from_micros(20),
            Duration::from_micros(90),
        );
        t.add(
            "section.html",
            Duration::from_micros(5),
            Duration::from_micros(7),
        );
        let by = t.by_template.as_ref().unwrap().lock().unwrap().clone();
        assert_eq!(by["page.html"], stat(2, 30, 120, 90));
        assert_eq!(by["section.html"], stat(1, 5, 7, 7));
    }

    #[test]
    fn the_table_lists_the_costliest_template_first_with_means() {
        let out = table(vec![
            ("section.html".into(), stat(4, 400, 1_600, 900)),
            ("page.html".into(), stat(1_000, 20_000, 80_000, 300)),
            ("404.html".into(), stat(1, 1, 1, 1)),
        ]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].ends_with("template"));
        assert!(lines[1].ends_with("  page.html"), "{out}");
        assert!(lines[2].ends_with("  section.html"), "{out}");
        assert!(lines[3].ends_with("  404.html"), "{out}");
        // page.html: 1,000 pages, 20 ms of contexts, 80 ms of rendering, 80 µs each on
        // average, 300 µs at most, 20 µs of context each.
        let cells: Vec<&str> = lines[1].split_whitespace().collect();
        assert_eq!(
            cells,
            ["1000", "20.0", "80.0", "80", "300", "20", "page.html"]
        );
    }
}
