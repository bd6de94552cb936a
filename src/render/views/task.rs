//! Owns what a plan task shows, wherever it is shown: the task tables of plan and agency
//! pages, and the open data (`plans.json`, `agencies.json`, `tasks.csv`), which renames a
//! few of these fields for its published format but computes none of them. Lateness comes
//! from [`crate::site::tasks::standing`], through [`Task::overdue`] and
//! [`Task::unreported`].

use serde::Serialize;

use crate::site::tasks::Task;
use crate::text::date::Date;
use crate::text::status::TaskStatus;

/// A task of a plan, with its due text read into a period where it could be.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TaskView<'a> {
    pub name: &'a str,
    /// The lead as written.
    pub lead: Option<&'a str>,
    /// Each agency the lead names.
    pub leads: &'a [String],
    pub partners: &'a [String],
    pub quantity: Option<&'a str>,
    pub due: Option<&'a str>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub ongoing: bool,
    /// Late on the build date ([`crate::site::tasks::standing`]).
    pub overdue: bool,
    /// Its plan has ended and no status was given: "Chưa cập nhật kết quả".
    pub unreported: bool,
    /// `done`, `in_progress`, `not_started`, `cancelled`, when the editor gave one.
    pub status: Option<TaskStatus>,
    pub result: Option<&'a str>,
    /// The report (báo cáo kết quả): its URL, a site path made a URL by the caller's `url`.
    pub report_url: Option<String>,
}

impl<'a> TaskView<'a> {
    /// The view of `t`; `url` makes a site path a URL (a page's relative URL, or the open
    /// data's permalink).
    pub fn of(t: &'a Task, url: impl Fn(&str) -> String) -> Self {
        TaskView {
            name: &t.name,
            lead: t.lead.as_deref(),
            leads: &t.leads,
            partners: &t.partners,
            quantity: t.quantity.as_deref(),
            due: t.due.as_deref(),
            start: t.start,
            end: t.end,
            ongoing: t.ongoing,
            overdue: t.overdue(),
            unreported: t.unreported(),
            status: t.status,
            result: t.result.as_deref(),
            report_url: t.report_link(url),
        }
    }
}
