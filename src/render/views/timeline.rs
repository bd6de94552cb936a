//! A plan's tasks laid out by quarter, as a table the theme draws bars in; each row shows
//! its task as [`TaskView`] does (late as [`crate::site::tasks::standing`] decided), never
//! by itself.

use serde::Serialize;

use super::TaskView;
use crate::site::tasks::Task;
use crate::text::date::Date;
use crate::text::status::TaskStatus;

/// A plan's tasks laid out by quarter.
#[derive(Serialize)]
pub struct TimelineView<'a> {
    /// Column labels: "Quý I/2026".
    pub quarters: Vec<String>,
    pub rows: Vec<TimelineRow<'a>>,
}

/// One task's bar: it starts in column `start` (1-based) and covers `span` quarters. Its
/// other fields are those of the task's [`TaskView`].
#[derive(Serialize)]
pub struct TimelineRow<'a> {
    pub name: &'a str,
    pub lead: Option<&'a str>,
    pub due: Option<&'a str>,
    pub start: usize,
    pub span: usize,
    pub ongoing: bool,
    /// Late on the build date ([`crate::site::tasks::standing`]).
    pub overdue: bool,
    /// Its plan has ended and no status was given.
    pub unreported: bool,
    /// `done`, `in_progress`, `not_started`, `cancelled`, when the editor gave one.
    pub status: Option<TaskStatus>,
}

/// Longest timeline drawn; longer plans are clipped to their first 12 quarters.
const MAX_QUARTERS: i64 = 12;

fn quarter_index(d: Date) -> i64 {
    i64::from(d.year) * 4 + i64::from(d.quarter()) - 1
}

fn roman(q: i64) -> &'static str {
    ["I", "II", "III", "IV"][usize::try_from(q.rem_euclid(4)).unwrap_or(0)]
}

/// Lays out tasks with a readable period by quarter, over the plan's period widened to
/// cover every task. `None` when no task has a period.
/// Column labels come from the catalogue's `quarter` (`{q}` Roman, `{qn}` Arabic, `{year}`).
pub fn timeline<'a>(
    tasks: &'a [Task],
    period: Option<(Date, Date)>,
    strings: &crate::config::strings::Catalogue,
) -> Option<TimelineView<'a>> {
    let dated: Vec<&Task> = tasks
        .iter()
        .filter(|t| t.start.is_some() && t.end.is_some())
        .collect();
    if dated.is_empty() {
        return None;
    }
    let starts = dated
        .iter()
        .filter_map(|t| t.start)
        .chain(period.map(|p| p.0));
    let ends = dated
        .iter()
        .filter_map(|t| t.end)
        .chain(period.map(|p| p.1));
    let first = starts.map(quarter_index).min()?;
    let last = ends.map(quarter_index).max()?.min(first + MAX_QUARTERS - 1);
    let pattern = strings.get("quarter").unwrap_or("Quý {q}/{year}");
    let quarters = (first..=last)
        .map(|q| {
            crate::config::strings::fill(
                pattern,
                &[
                    ("q", roman(q).to_string()),
                    ("qn", (q.rem_euclid(4) + 1).to_string()),
                    ("year", q.div_euclid(4).to_string()),
                ],
            )
        })
        .collect();
    let rows = dated
        .iter()
        .filter_map(|t| {
            let (s, e) = (quarter_index(t.start?), quarter_index(t.end?));
            if s > last {
                return None;
            }
            let s = s.max(first);
            let e = e.min(last).max(s);
            // The bar has no report link: no URL to make.
            let v = TaskView::of(t, str::to_string);
            Some(TimelineRow {
                name: v.name,
                lead: v.lead,
                due: v.due,
                start: usize::try_from(s - first + 1).unwrap_or(1),
                span: usize::try_from(e - s + 1).unwrap_or(1),
                ongoing: v.ongoing,
                overdue: v.overdue,
                unreported: v.unreported,
                status: v.status,
            })
        })
        .collect();
    Some(TimelineView { quarters, rows })
}
