//! A plan's tasks with their due text read into a period: the editor's words are kept, and
//! where they name a period ("Quý III/2025", "Tháng 6/2025", "25/12/2024") its first and
//! last day are added. Recurring work ("Thường xuyên") spans the plan's own period, or the
//! year of the plan's date when it has none. Text that cannot be read stays text, with no
//! dates: it is never an error.

use serde::Serialize;

use super::PageEntry;
use crate::content::Page;
use crate::content::page::TaskSource;
use crate::text::date::Date;
use crate::text::due::{Due, parse_due};

/// A plan task, ready for the agency pages, the open data and the calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Task {
    /// What is to be done.
    pub name: String,
    /// Lead agency, as written.
    pub lead: Option<String>,
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
}

/// The period that ongoing work covers: the plan's `period`, else the whole year of its date.
fn plan_span(page: &Page) -> Option<(Date, Date)> {
    if let Some(period) = page.plan.as_ref().and_then(|p| p.period) {
        return Some(period);
    }
    let year = page.date?.year;
    Some((Date::new(year, 1, 1)?, Date::new(year, 12, 31)?))
}

/// Reads the due text of every task of `page` (a plan) into a period. Never fails: a task
/// whose due text cannot be read keeps the text, with `start` and `end` left empty.
pub fn read_tasks(page: &Page, sources: &[TaskSource]) -> Vec<Task> {
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
                partners: s.partners.clone(),
                quantity: s.quantity.clone(),
                due: due.map(str::to_string),
                start: period.map(|p| p.0),
                end: period.map(|p| p.1),
                ongoing,
                line: s.line,
            }
        })
        .collect()
}

/// The tasks of every page, by page index (empty for pages that are not plans).
pub fn read_all(pages: &[PageEntry]) -> Vec<Vec<Task>> {
    pages
        .iter()
        .map(|p| read_tasks(&p.page, &p.tasks))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests;
