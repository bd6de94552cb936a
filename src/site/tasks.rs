//! A plan's tasks with their due text read into a period: the editor's words are kept, and
//! where they name a period ("Quý III/2025", "Tháng 6/2025", "25/12/2024") its first and
//! last day are added. Recurring work ("Thường xuyên") spans the plan's own period, or the
//! year of the plan's date when it has none. Text that cannot be read stays text, with no
//! dates: it is never an error.
//!
//! This module is also the one home of the rule that says a task is late ([`standing`]):
//! every view, the open data and the agency pages read the [`Standing`] it decides.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use super::PageEntry;
use crate::content::Page;
use crate::content::page::{TaskSource, TaskStatus};
use crate::text::address::{self, Address};
use crate::text::agency::split_leads;
use crate::text::date::Date;
use crate::text::due::{Due, parse_due};

/// Days after the end of its period during which a plan is still in force, so that its
/// late tasks are still called late (reports are due soon after a plan ends).
pub const GRACE_DAYS: i64 = 30;

/// How a task stands on the build date: decided by [`standing`] only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Nothing to flag: not late, or its plan has not ended, or its status says enough.
    Open,
    /// Late (quá hạn): not done or cancelled, its period ended, its plan still in force.
    Overdue,
    /// Its plan has ended and no status was given: shown neutrally as "Chưa cập nhật kết
    /// quả", never as late.
    Unreported,
}

/// A plan task, ready for the agency pages, the open data and the calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Task {
    /// What is to be done.
    pub name: String,
    /// Lead agency, as written.
    pub lead: Option<String>,
    /// Each agency the lead names ([`split_leads`]): the task is each one's.
    pub leads: Vec<String>,
    /// Partner agencies, as written.
    pub partners: Vec<String>,
    /// Quantity or frequency.
    pub quantity: Option<String>,
    /// Due text as written (`None` when the editor gave none).
    pub due: Option<String>,
    /// First day of the due period, when the text could be read.
    pub start: Option<Date>,
    /// Last day of the due period (inclusive), when the text could be read.
    pub end: Option<Date>,
    /// Recurring or continuous work, spread over the plan's period.
    pub ongoing: bool,
    /// File line of the task in its plan (0 when unknown), for warnings.
    #[serde(skip)]
    pub line: usize,
    /// Status, when the editor gave one.
    pub status: Option<TaskStatus>,
    /// What was achieved, as written.
    pub result: Option<String>,
    /// The report (báo cáo kết quả) as written.
    pub report: Option<String>,
    /// Where the report is: a site path (`/ke-hoach/a/bao-cao.pdf`) or a full URL; `None`
    /// when there is none or it names nothing the site has (the check stage says so).
    pub report_url: Option<String>,
    /// Late, unreported or neither, on the build date.
    pub standing: Standing,
}

impl Task {
    /// Whether the task is late on the build date (see [`standing`]).
    pub fn overdue(&self) -> bool {
        self.standing == Standing::Overdue
    }

    /// Whether its plan has ended with no status given (see [`standing`]).
    pub fn unreported(&self) -> bool {
        self.standing == Standing::Unreported
    }

    /// The report's link: a site path made a URL by `url` (a page's relative URL, or the
    /// open data's permalink), a full URL as it is.
    pub fn report_link(&self, url: impl Fn(&str) -> String) -> Option<String> {
        let r = self.report_url.as_deref()?;
        Some(if address::classify(r) == Address::SitePath {
            url(r)
        } else {
            r.to_string()
        })
    }
}

/// The one rule for "late": a task is [`Standing::Overdue`] only when it is not done or
/// cancelled, is not ongoing work (which has no deadline of its own), its period ended
/// before `today`, and its plan is in force: `today` inside the plan's period (`plan`) or
/// within [`GRACE_DAYS`] after it. A task without a status whose plan has ended is
/// [`Standing::Unreported`]. Without a plan period nothing can be said: [`Standing::Open`].
pub fn standing(
    status: Option<TaskStatus>,
    ongoing: bool,
    end: Option<Date>,
    plan: Option<(Date, Date)>,
    today: Date,
) -> Standing {
    if status.is_some_and(TaskStatus::is_closed) {
        return Standing::Open;
    }
    let Some((first, last)) = plan else {
        return Standing::Open;
    };
    let until = last.checked_add_days(GRACE_DAYS).unwrap_or(last);
    let in_force = first <= today && today <= until;
    if in_force && !ongoing && end.is_some_and(|end| end < today) {
        Standing::Overdue
    } else if status.is_none() && today > last {
        Standing::Unreported
    } else {
        Standing::Open
    }
}

/// The period that ongoing work covers: the plan's `period`, else the whole year of its date.
fn plan_span(page: &Page) -> Option<(Date, Date)> {
    if let Some(period) = page.plan.as_ref().and_then(|p| p.period) {
        return Some(period);
    }
    let year = page.date?.year;
    Some((Date::new(year, 1, 1)?, Date::new(year, 12, 31)?))
}

/// Reads the due text of every task of `page` (a plan) into a period, and judges each on
/// `today`. Never fails: a task whose due text cannot be read keeps the text, with `start`
/// and `end` left empty. `report_url` is left for [`read_all`], which knows the other pages.
pub fn read_tasks(page: &Page, sources: &[TaskSource], today: Date) -> Vec<Task> {
    let span = plan_span(page);
    sources
        .iter()
        .map(|s| {
            let due = s.due.as_deref().map(str::trim).filter(|d| !d.is_empty());
            let (period, ongoing) = match due.map(parse_due) {
                Some(Due::Period { start, end }) => (Some((start, end)), false),
                Some(Due::Ongoing) => (span, true),
                Some(Due::Unreadable) | None => (None, false),
            };
            Task {
                name: s.name.clone(),
                lead: s.lead.clone(),
                leads: s
                    .lead
                    .as_deref()
                    .map(|l| split_leads(l).parts)
                    .unwrap_or_default(),
                partners: s.partners.clone(),
                quantity: s.quantity.clone(),
                due: due.map(str::to_string),
                start: period.map(|p| p.0),
                end: period.map(|p| p.1),
                ongoing,
                line: s.line,
                status: s.status,
                result: s.result.clone(),
                report: s.report.clone(),
                report_url: None,
                standing: standing(s.status, ongoing, period.map(|p| p.1), span, today),
            }
        })
        .collect()
}

/// The tasks of every page, by page index (empty for pages that are not plans), judged on
/// `today`, with their reports found.
pub fn read_all(pages: &[PageEntry], today: Date) -> Vec<Vec<Task>> {
    read_all_keeping(pages, today, &|_| None)
}

/// [`read_all`], where `kept` gives a page's tasks as a last model read them when nothing
/// they are read from changed (serve, `site::earlier`).
pub(super) fn read_all_keeping<'a>(
    pages: &[PageEntry],
    today: Date,
    kept: &dyn Fn(&PageEntry) -> Option<&'a [Task]>,
) -> Vec<Vec<Task>> {
    let by_file = paths_by_file(pages);
    pages
        .iter()
        .map(|p| {
            if p.tasks.is_empty() {
                return Vec::new();
            }
            if let Some(tasks) = kept(p) {
                return tasks.to_vec();
            }
            let mut tasks = read_tasks(&p.page, &p.tasks, today);
            find_reports(&mut tasks, p, &by_file);
            tasks
        })
        .collect()
}

/// Each page's site path by its file, for [`find_reports`].
pub fn paths_by_file(pages: &[PageEntry]) -> HashMap<&Path, &str> {
    pages
        .iter()
        .map(|p| (p.page.file.as_path(), p.page.path.as_str()))
        .collect()
}

/// Finds where the reports of `tasks` (of the plan `plan`) are, by [`report_url`].
pub fn find_reports(tasks: &mut [Task], plan: &PageEntry, by_file: &HashMap<&Path, &str>) {
    for t in tasks {
        t.report_url = t
            .report
            .as_deref()
            .and_then(|r| report_url(r, plan, by_file));
    }
}

/// Where a report written as `report` is: a full `http(s)://` URL as it is, `@/…md` the
/// site path of that page, else the site path of the file of that name in the plan's
/// bundle. `None` when it names nothing the site has.
pub fn report_url(
    report: &str,
    plan: &PageEntry,
    by_file: &HashMap<&Path, &str>,
) -> Option<String> {
    let kind = address::classify(report);
    if kind == Address::Web {
        return Some(report.to_string());
    }
    if let Some(rest) = report
        .strip_prefix("@/")
        .filter(|_| kind == Address::Content)
    {
        let (file, anchor) = rest.split_once('#').map_or((rest, ""), |(f, a)| (f, a));
        let path = by_file.get(Path::new("content").join(file).as_path())?;
        let anchor = if anchor.is_empty() {
            String::new()
        } else {
            format!("#{anchor}")
        };
        return Some(format!("{path}{anchor}"));
    }
    plan.files
        .iter()
        .find(|(name, _, _)| name == report)
        .map(|(_, path, _)| path.clone())
}

#[cfg(test)]
pub(crate) mod tests;
