//! Tests of reading due text, and the small site fixture the issue-4 modules share: content
//! strings run through the real pipeline (config, content, Markdown, site model).

use std::path::{Path, PathBuf};

use super::*;
use crate::config::{self, Overrides};
use crate::content::walk::{ContentFiles, SourceFile};
use crate::content::{self, Kind, ParseOptions};
use crate::markdown::{self, PageRef};
use crate::site::Site;
use crate::text::normalize::nfc;

/// Builds a site from `(file, text)` pairs (paths like `content/ke-hoach/a.md`) through the
/// real stages; `extra_config` is appended to a minimal `site.toml`.
pub(crate) fn build_site(extra_config: &str, files: &[(&str, &str)], build_date: Date) -> Site {
    let toml = format!(
        "title = \"Xã Thử\"\nbase_url = \"https://xa-thu.example.gov.vn/\"\n{extra_config}"
    );
    let config = config::parse(&toml, Path::new("site.toml"), &Overrides::default()).unwrap();
    let content = content::parse(content_files(files), ParseOptions::default()).unwrap();
    let links = crate::markdown::bodies::link_context(&config, &content);
    let (pages, sections) = crate::markdown::bodies::render_markdown(&content, &links).unwrap();
    crate::site::assemble(config, content, pages, sections, build_date)
}

fn content_files(files: &[(&str, &str)]) -> ContentFiles {
    ContentFiles {
        sources: files
            .iter()
            .map(|(rel, text)| SourceFile {
                rel: PathBuf::from(rel),
                text: nfc(text),
                nul_line: None,
            })
            .collect(),
        assets: vec![],
    }
}

/// A date from its numbers, for short tests.
pub(crate) fn d(year: i32, month: u8, day: u8) -> Date {
    Date::new(year, month, day).unwrap()
}

/// A plan's front matter head (without the closing `+++`) with tasks given by due text.
fn plan_with_dues(head: &str, dues: &[&str]) -> String {
    let mut s = format!("+++\ntitle = \"Kế hoạch\"\n{head}\n");
    for (i, due) in dues.iter().enumerate() {
        s.push_str(&format!(
            "[[tasks]]\nname = \"Việc {i}\"\nlead = \"Văn phòng\"\ndue = \"{due}\"\n"
        ));
    }
    s.push_str("+++\nNội dung.\n");
    s
}

fn tasks_of(head: &str, dues: &[&str]) -> Vec<Task> {
    let text = plan_with_dues(head, dues);
    let site = build_site("", &[("content/ke-hoach/a.md", &text)], d(2025, 6, 1));
    let all = read_all(&site.pages, site.build_date);
    assert_eq!(all.len(), site.pages.len());
    all.into_iter().next().unwrap()
}

#[test]
fn every_form_of_due_text_is_read() {
    let cases: &[(&str, Date, Date)] = &[
        ("Trong năm 2025", d(2025, 1, 1), d(2025, 12, 31)),
        ("Quý III/2025", d(2025, 7, 1), d(2025, 9, 30)),
        ("6 tháng cuối năm 2025", d(2025, 7, 1), d(2025, 12, 31)),
        ("Tháng 6/2025", d(2025, 6, 1), d(2025, 6, 30)),
        ("25/12/2024", d(2024, 12, 25), d(2024, 12, 25)),
        (
            "ngày 25 tháng 12 năm 2024",
            d(2024, 12, 25),
            d(2024, 12, 25),
        ),
    ];
    let dues: Vec<&str> = cases.iter().map(|c| c.0).collect();
    let tasks = tasks_of("date = 2025-01-02", &dues);
    for (task, (text, start, end)) in tasks.iter().zip(cases) {
        assert_eq!(task.due.as_deref(), Some(*text));
        assert_eq!((task.start, task.end), (Some(*start), Some(*end)), "{text}");
        assert!(!task.ongoing, "{text}");
    }
}

#[test]
fn unreadable_due_stays_text_with_no_dates() {
    let tasks = tasks_of(
        "date = 2025-01-02",
        &["Khi có yêu cầu", "30/02/2025", "Quý V/2025"],
    );
    for t in &tasks {
        assert!(t.due.is_some());
        assert_eq!((t.start, t.end, t.ongoing), (None, None, false), "{t:?}");
    }
    assert_eq!(tasks[0].due.as_deref(), Some("Khi có yêu cầu"));
}

#[test]
fn ongoing_work_spans_the_plan_period() {
    let tasks = tasks_of(
        "date = 2024-12-20\nperiod = { start = 2025-01-01, end = 2025-06-30 }",
        &["Thường xuyên", "Hằng tháng"],
    );
    for t in &tasks {
        assert!(t.ongoing);
        assert_eq!(
            (t.start, t.end),
            (Some(d(2025, 1, 1)), Some(d(2025, 6, 30)))
        );
    }
}

#[test]
fn ongoing_work_without_period_takes_the_year_of_the_plan_date() {
    let tasks = tasks_of("date = \"20/12/2024\"", &["Thường xuyên"]);
    assert_eq!(
        (tasks[0].start, tasks[0].end, tasks[0].ongoing),
        (Some(d(2024, 1, 1)), Some(d(2024, 12, 31)), true)
    );
    // Neither period nor date: still ongoing, but no dates to give.
    let tasks = tasks_of("", &["Thường xuyên"]);
    assert_eq!(
        (tasks[0].start, tasks[0].end, tasks[0].ongoing),
        (None, None, true)
    );
}

#[test]
fn missing_or_blank_due_is_none() {
    let page = content::parse(
        content_files(&[("content/ke-hoach/a.md", "+++\ntitle = \"K\"\n+++\n")]),
        ParseOptions::default(),
    )
    .unwrap()
    .pages
    .remove(0);
    let source = |due: Option<&str>| TaskSource {
        name: "Việc".into(),
        lead: None,
        partners: vec![],
        quantity: None,
        due: due.map(str::to_string),
        ..Default::default()
    };
    let tasks = read_tasks(
        &page,
        &[
            source(None),
            source(Some("  ")),
            source(Some(" Quý I/2025 ")),
        ],
        d(2025, 1, 1),
    );
    assert_eq!((tasks[0].due.as_deref(), tasks[0].start), (None, None));
    assert_eq!((tasks[1].due.as_deref(), tasks[1].start), (None, None));
    assert_eq!(tasks[2].due.as_deref(), Some("Quý I/2025"));
    assert_eq!(tasks[2].end, Some(d(2025, 3, 31)));
}

/// Reads a file of the shared corpus, as the content walker would (UTF-8, NFC), or `None`
/// on a checkout without `../shared/` (a fresh clone must pass `cargo test`; CI sets
/// `CONGBO_REQUIRE_SHARED=1` so that there a missing corpus fails instead).
pub(crate) fn corpus(rel: &str) -> Option<String> {
    let path = format!("{}/../shared/corpus/{rel}", env!("CARGO_MANIFEST_DIR"));
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if std::env::var_os("CONGBO_REQUIRE_SHARED").is_some() => panic!("{path}: {e}"),
        Err(_) => {
            eprintln!("SKIPPED: this test needs {path} (the shared corpus beside the project)");
            return None;
        }
    };
    Some(nfc(&content::walk::decode(bytes).unwrap()))
}

#[test]
fn can_tho_plan_has_fourteen_table_tasks_eight_led_by_so_noi_vu() {
    let Some(text) = corpus("ke-hoach/ke-hoach-tuyen-truyen-cchc-can-tho-2025.md") else {
        return;
    };
    let content = content::parse(
        content_files(&[("content/ke-hoach/can-tho.md", &text)]),
        ParseOptions::default(),
    )
    .unwrap();
    let page = &content.pages[0];
    assert_eq!(page.kind, Kind::Plan);
    let rendered = markdown::render(
        &page.body,
        &PageRef {
            file: &page.file,
            content_file: "ke-hoach/can-tho.md",
            path: &page.path,
            body_line: page.body_line,
            plan: true,
        },
        &Default::default(),
    )
    .unwrap();
    let sources: Vec<TaskSource> = rendered
        .tables
        .iter()
        .filter_map(markdown::tasks::tasks_from_table)
        .flatten()
        .collect();
    let tasks = read_tasks(page, &sources, d(2025, 1, 1));
    assert_eq!(tasks.len(), 14);
    let led = |who: &str| {
        tasks
            .iter()
            .filter(|t| t.lead.as_deref() == Some(who))
            .count()
    };
    assert_eq!(led("Sở Nội vụ"), 8);
    assert!(
        tasks
            .iter()
            .all(|t| t.due.as_deref() == Some("Trong năm 2025")
                && t.start == Some(d(2025, 1, 1))
                && t.end == Some(d(2025, 12, 31))
                && !t.ongoing)
    );
    assert_eq!(tasks[10].quantity.as_deref(), Some("15.000 tờ"));
    assert_eq!(
        tasks[0].partners.len(),
        1,
        "“… Cần Thơ và các cơ quan có liên quan” is one name"
    );
}

#[test]
fn late_only_when_not_done_its_period_over_and_its_plan_in_force() {
    use crate::content::page::TaskStatus::*;
    let plan = Some((d(2025, 1, 1), d(2025, 12, 31)));
    let june = Some(d(2025, 6, 30));
    let judge = |status, ongoing, today| standing(status, ongoing, june, plan, today);
    // In force, period over, nothing reported or still going: late.
    assert_eq!(judge(None, false, d(2025, 7, 1)), Standing::Overdue);
    assert_eq!(
        judge(Some(InProgress), false, d(2025, 7, 1)),
        Standing::Overdue
    );
    assert_eq!(
        judge(Some(NotStarted), false, d(2025, 7, 1)),
        Standing::Overdue
    );
    // Within 30 days after the plan's end, still in force; the 31st day, no longer.
    assert_eq!(judge(None, false, d(2026, 1, 30)), Standing::Overdue);
    assert_eq!(judge(None, false, d(2026, 1, 31)), Standing::Unreported);
    // Done or cancelled: never late, and nothing to report.
    assert_eq!(judge(Some(Done), false, d(2025, 7, 1)), Standing::Open);
    assert_eq!(
        judge(Some(Cancelled), false, d(2026, 1, 10)),
        Standing::Open
    );
    // Not over yet, or ongoing work (no deadline of its own).
    assert_eq!(judge(None, false, d(2025, 6, 30)), Standing::Open);
    assert_eq!(judge(None, true, d(2025, 7, 1)), Standing::Open);
    // An ended plan: a task with a status keeps it, one without is "not reported".
    assert_eq!(
        judge(Some(InProgress), false, d(2027, 1, 1)),
        Standing::Open
    );
    assert_eq!(judge(None, false, d(2027, 1, 1)), Standing::Unreported);
    // No plan period at all: nothing can be said.
    assert_eq!(
        standing(None, false, june, None, d(2027, 1, 1)),
        Standing::Open
    );
}

#[test]
fn an_ended_plan_is_not_a_list_of_failures_and_agency_pages_agree() {
    let plan = "+++\ntitle = \"KH\"\ndate = 2024-01-05\n[period]\nstart = 2024-01-01\nend = 2024-12-31\n\
        [[tasks]]\nname = \"Xong\"\nlead = \"UBND xã\"\ndue = \"Quý I/2024\"\nstatus = \"hoan thanh\"\n\
        [[tasks]]\nname = \"Không rõ\"\nlead = \"UBND xã\"\ndue = \"Quý II/2024\"\n\
        [[tasks]]\nname = \"Thường xuyên\"\nlead = \"UBND xã\"\ndue = \"Thường xuyên\"\n+++\n";
    // A year after the plan ended: nothing is late, the unreported task says so.
    let site = build_site("", &[("content/ke-hoach/a.md", plan)], d(2026, 1, 1));
    let tasks = &site.tasks[0];
    let got: Vec<Standing> = tasks.iter().map(|t| t.standing).collect();
    assert_eq!(
        got,
        [Standing::Open, Standing::Unreported, Standing::Unreported]
    );
    assert_eq!(tasks[0].status, Some(TaskStatus::Done));
    // While in force, the agency page flags exactly the tasks the plan does.
    let site = build_site("", &[("content/ke-hoach/a.md", plan)], d(2024, 12, 1));
    let flagged: Vec<bool> = site.tasks[0].iter().map(Task::overdue).collect();
    assert_eq!(flagged, [false, true, false]);
    let agency: Vec<(usize, bool)> = site.agencies[0]
        .tasks
        .iter()
        .map(|t| (t.task, t.overdue))
        .collect();
    let mut agency = agency;
    agency.sort();
    assert_eq!(agency, [(0, false), (1, true), (2, false)]);
}

/// Lateness is decided by [`standing`] alone: no other code compares a task's standing,
/// uses the grace days or asks whether a status closes a task (views read
/// [`Task::overdue`] and [`Task::unreported`]).
#[test]
fn no_other_code_decides_a_task_is_late() {
    let found = crate::text::source_scan::copies(
        &[
            "Standing::Overdue",
            "Standing::Unreported",
            ".standing ==",
            ".standing !=",
            "GRACE_DAYS",
            "is_closed()",
        ],
        &["src/site/tasks.rs", "src/text/status.rs"],
        &[],
    );
    assert!(
        found.is_empty(),
        "whether a task is late is site::tasks::standing's to say; read Task::overdue or \
         Task::unreported instead of:\n{}",
        found.join("\n")
    );
}
