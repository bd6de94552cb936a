//! A plan task in the open data: its JSON object in `plans.json`, and `/data/tasks.csv`,
//! one row per task of every plan with the same fields after the plan's title and URL.
//! Whether a task is late comes from [`crate::site::tasks::standing`], as on the pages.

use serde::Serialize;

use super::csv_field;
use crate::site::Site;
use crate::site::tasks::Task;
use crate::text::date::Date;
use crate::text::status::TaskStatus;

/// A task of `plans.json`.
#[derive(Serialize)]
pub(super) struct TaskJson<'a> {
    name: &'a str,
    lead: Option<&'a str>,
    partners: &'a [String],
    quantity: Option<&'a str>,
    due: Option<&'a str>,
    start: Option<Date>,
    end: Option<Date>,
    #[serde(flatten)]
    outcome: TaskOutcome<'a>,
}

/// How a task stands, as every open-data file gives it (`plans.json`, `agencies.json`,
/// `tasks.csv`): the one mapping of [`Task`]'s status, result, report and lateness.
#[derive(Serialize)]
pub(super) struct TaskOutcome<'a> {
    /// `done`, `in_progress`, `not_started`, `cancelled`, or null when not reported.
    status: Option<TaskStatus>,
    result: Option<&'a str>,
    /// The report's absolute URL.
    report: Option<String>,
    /// Late on the build date.
    overdue: bool,
}

pub(super) fn task_outcome<'a>(site: &Site, t: &'a Task) -> TaskOutcome<'a> {
    TaskOutcome {
        status: t.status,
        result: t.result.as_deref(),
        report: t.report_link(|p| site.config.permalink(p)),
        overdue: t.overdue(),
    }
}

/// The CSV header: the plan's title and URL, then the fields of [`TaskJson`], in order.
const TASK_COLUMNS: &str = concat!(
    "plan,plan_url,name,lead,partners,quantity,due,start,end,",
    "status,result,report,overdue"
);

pub(super) fn task_json<'a>(site: &Site, t: &'a Task) -> TaskJson<'a> {
    TaskJson {
        name: &t.name,
        lead: t.lead.as_deref(),
        partners: &t.partners,
        quantity: t.quantity.as_deref(),
        due: t.due.as_deref(),
        start: t.start,
        end: t.end,
        outcome: task_outcome(site, t),
    }
}

/// Every task of the plans `plans` (in that order) as CSV: BOM, header, one row each, every
/// field quoted, CRLF; lists joined with "; ", dates ISO, booleans `true`/`false`.
pub(super) fn tasks_csv(site: &Site, plans: &[usize], tasks: &[Vec<Task>]) -> String {
    let mut out = String::from("\u{FEFF}");
    let mut row = |fields: &[&str]| {
        let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    };
    row(&TASK_COLUMNS.split(',').collect::<Vec<_>>());
    let date = |d: Option<Date>| d.map(|d| d.iso()).unwrap_or_default();
    for &i in plans {
        let page = &site.pages[i].page;
        let plan_url = site.config.permalink(&page.path);
        for t in tasks.get(i).into_iter().flatten() {
            let j = task_json(site, t);
            row(&[
                &page.title,
                &plan_url,
                j.name,
                j.lead.unwrap_or_default(),
                &j.partners.join("; "),
                j.quantity.unwrap_or_default(),
                j.due.unwrap_or_default(),
                &date(j.start),
                &date(j.end),
                j.outcome.status.map(TaskStatus::key).unwrap_or_default(),
                j.outcome.result.unwrap_or_default(),
                j.outcome.report.as_deref().unwrap_or_default(),
                if j.outcome.overdue { "true" } else { "false" },
            ]);
        }
    }
    out
}
