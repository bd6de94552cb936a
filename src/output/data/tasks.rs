//! A plan task in the open data: its JSON object in `plans.json`, and `/data/tasks.csv`,
//! one row per task of every plan with the same fields after the plan's title and URL.
//! What a task shows is the pages' own [`TaskView`], made with absolute URLs: the open data
//! only names and orders its fields as its published format says.

use serde::Serialize;

use super::push_csv_row;
use crate::render::views::TaskView;
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
    /// Each agency `lead` names: added after the others, so that no reader's field moves.
    leads: &'a [String],
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

/// The view of `t` the open data publishes: the pages' own, its report an absolute URL.
pub(super) fn open_view<'a>(site: &Site, t: &'a Task) -> TaskView<'a> {
    TaskView::of(t, |p| site.config.permalink(p))
}

impl<'a> From<TaskView<'a>> for TaskOutcome<'a> {
    fn from(v: TaskView<'a>) -> Self {
        TaskOutcome {
            status: v.status,
            result: v.result,
            report: v.report_url,
            overdue: v.overdue,
        }
    }
}

impl<'a> From<TaskView<'a>> for TaskJson<'a> {
    fn from(v: TaskView<'a>) -> Self {
        TaskJson {
            name: v.name,
            lead: v.lead,
            partners: v.partners,
            quantity: v.quantity,
            due: v.due,
            start: v.start,
            end: v.end,
            leads: v.leads,
            outcome: v.into(),
        }
    }
}

/// The CSV header: the plan's title and URL, then the fields of [`TaskJson`], in order.
const TASK_COLUMNS: &str = concat!(
    "plan,plan_url,name,lead,partners,quantity,due,start,end,",
    "status,result,report,overdue,leads"
);

pub(super) fn task_json<'a>(site: &Site, t: &'a Task) -> TaskJson<'a> {
    open_view(site, t).into()
}

/// Every task of the plans `plans` (in that order) as CSV: BOM, header, one row each, every
/// field quoted, CRLF; lists joined with "; ", dates ISO, booleans `true`/`false`.
pub(super) fn tasks_csv(site: &Site, plans: &[usize], tasks: &[Vec<Task>]) -> String {
    let mut out = String::from("\u{FEFF}");
    let mut row = |fields: &[&str]| push_csv_row(&mut out, fields.iter().copied());
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
                &j.leads.join("; "),
            ]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::site::tasks::Standing;

    fn task(status: Option<TaskStatus>, standing: Standing, report: Option<&str>) -> Task {
        Task {
            name: "Rà soát".into(),
            lead: Some("Văn phòng".into()),
            leads: vec!["Văn phòng".into()],
            partners: vec!["Công an xã".into()],
            quantity: None,
            due: Some("Quý II/2025".into()),
            start: Date::new(2025, 4, 1),
            end: Date::new(2025, 6, 30),
            ongoing: false,
            line: 3,
            status,
            result: status.map(|s| format!("kết quả {}", s.key())),
            report: report.map(str::to_string),
            report_url: report.map(str::to_string),
            standing,
        }
    }

    /// The template's view and the open data's record of every kind of task say the same
    /// status, lateness, result and report: they are one mapping, and this fails when a
    /// second one creeps back in.
    #[test]
    fn the_pages_and_the_open_data_show_a_task_alike() {
        let statuses = [
            None,
            Some(TaskStatus::Done),
            Some(TaskStatus::InProgress),
            Some(TaskStatus::NotStarted),
            Some(TaskStatus::Cancelled),
        ];
        let standings = [Standing::Open, Standing::Overdue, Standing::Unreported];
        let reports = [
            None,
            Some("/ke-hoach/a/bao-cao.pdf"),
            Some("https://x.vn/b.pdf"),
        ];
        for status in statuses {
            for standing in standings {
                for report in reports {
                    let t = task(status, standing, report);
                    let page = serde_json::to_value(TaskView::of(&t, |p| format!("/xa{p}")))
                        .unwrap_or_default();
                    let open = TaskView::of(&t, |p| format!("https://h.vn/xa{p}"));
                    let open = serde_json::to_value(TaskJson::from(open)).unwrap_or_default();
                    let at = format!("{status:?} {standing:?} {report:?}");
                    let key = status.map_or(Value::Null, |s| json!(s.key()));
                    assert_eq!(page["status"], key, "{at}");
                    assert_eq!(open["status"], key, "{at}");
                    assert_eq!(
                        page["overdue"],
                        json!(standing == Standing::Overdue),
                        "{at}"
                    );
                    assert_eq!(open["overdue"], page["overdue"], "{at}");
                    assert_eq!(
                        page["unreported"],
                        json!(standing == Standing::Unreported),
                        "{at}"
                    );
                    assert_eq!(open["result"], page["result"], "{at}");
                    for field in [
                        "name", "lead", "leads", "partners", "quantity", "due", "start", "end",
                    ] {
                        assert_eq!(open[field], page[field], "{field} {at}");
                    }
                    // The same report: the open data's absolute, the page's relative.
                    let (on_page, in_data) = (page["report_url"].as_str(), open["report"].as_str());
                    assert_eq!(on_page.is_some(), report.is_some(), "{at}");
                    assert_eq!(
                        in_data.map(|r| r.replace("https://h.vn/xa/", "/xa/")),
                        on_page.map(str::to_string),
                        "{at}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_open_data_keeps_its_field_names_and_order() {
        let t = task(Some(TaskStatus::Done), Standing::Open, Some("/a.pdf"));
        let json = serde_json::to_string(&TaskJson::from(TaskView::of(&t, |p| {
            format!("https://h.vn{p}")
        })))
        .unwrap_or_default();
        let keys: Vec<&str> = json
            .split('"')
            .collect::<Vec<_>>()
            .windows(3)
            .filter(|w| w[2].starts_with(':'))
            .map(|w| w[1])
            .collect();
        let columns: Vec<&str> = TASK_COLUMNS.split(',').skip(2).collect();
        assert_eq!(keys, columns);
    }
}
