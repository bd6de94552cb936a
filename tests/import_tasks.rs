//! `congbo import` then `congbo build` on the shared corpus gives the tasks (text, lead,
//! partners, due period) and the citations of the hand-made Markdown version of each plan,
//! compared field by field (issue #27's proof): the Word copies and the raw-text copies alike.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{TestSite, shared};
use congbo::import::{ImportOptions, import};
use serde_json::Value;

const PLANS: &[&str] = &[
    "ke-hoach-tuyen-truyen-cchc-can-tho-2025",
    "ke-hoach-tuyen-truyen-cchc-thach-khoi-2026",
    "ke-hoach-tuyen-truyen-cchc-thanh-an-2026",
];

/// A task as compared: its words (lower case, letters and digits only, so that stray marks
/// and line breaks of a copy do not count), lead and partners (lower case: the hand-made
/// copy writes "Sở Kế hoạch và Đầu tư" where the source has "đầu tư", one agency to the
/// build), and due period.
type Task = (String, String, String, String, String);

fn words(s: &str) -> String {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn field(t: &Value, k: &str) -> String {
    match t.get(k) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    }
}

/// The built site's tasks of its one plan, and the numbers of the documents it cites.
fn built(site: &TestSite) -> (Vec<Task>, BTreeSet<String>) {
    let plans: Value = serde_json::from_str(&site.read("data/plans.json")).expect("plans.json");
    let plan = plans
        .as_array()
        .or_else(|| plans.get("plans").and_then(Value::as_array))
        .and_then(|a| a.first())
        .cloned()
        .unwrap_or(Value::Null);
    let tasks = plan
        .get("tasks")
        .and_then(Value::as_array)
        .map(|ts| {
            ts.iter()
                .map(|t| {
                    (
                        words(&field(t, "name")),
                        field(t, "lead").to_lowercase(),
                        field(t, "partners").to_lowercase(),
                        field(t, "start"),
                        field(t, "end"),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let docs: Value =
        serde_json::from_str(&site.read("data/documents.json")).expect("documents.json");
    let cited = docs
        .as_array()
        .or_else(|| docs.get("documents").and_then(Value::as_array))
        .map(|a| {
            a.iter()
                .filter_map(|d| d.get("number").and_then(Value::as_str))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    (tasks, cited)
}

/// The hand-made Markdown plan built alone.
fn hand_made(name: &str) -> Option<(Vec<Task>, BTreeSet<String>)> {
    let md = shared(&format!("corpus/ke-hoach/{name}.md"), "import_tasks")?;
    let site = TestSite::new();
    site.write(
        &format!("content/ke-hoach/{name}.md"),
        &std::fs::read_to_string(md).expect("corpus Markdown"),
    );
    site.build_ok();
    Some(built(&site))
}

/// `file` imported into a new site, built.
fn imported(file: &Path) -> (Vec<Task>, BTreeSet<String>) {
    let site = TestSite::new();
    let opts = ImportOptions {
        root: site.root().to_path_buf(),
        files: vec![file.to_path_buf()],
        ..ImportOptions::default()
    };
    let (_, errors) = import(&opts);
    assert!(errors.is_empty(), "{errors:?}");
    site.build_ok();
    built(&site)
}

fn compare(copy: &str, ext: &str) {
    for name in PLANS {
        let Some(file) = shared(&format!("corpus/{copy}/{name}.{ext}"), "import_tasks") else {
            return;
        };
        let Some((want_tasks, want_cited)) = hand_made(name) else {
            return;
        };
        let (got_tasks, got_cited) = imported(&file);
        let missing: Vec<_> = want_tasks
            .iter()
            .filter(|t| !got_tasks.contains(t))
            .collect();
        let extra: Vec<_> = got_tasks
            .iter()
            .filter(|t| !want_tasks.contains(t))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty() && got_tasks.len() == want_tasks.len(),
            "{copy}/{name}: {} tasks imported, {} hand-made\nmissing: {missing:#?}\nextra: {extra:#?}",
            got_tasks.len(),
            want_tasks.len()
        );
        assert_eq!(got_cited, want_cited, "{copy}/{name}: cited documents");
    }
}

#[test]
fn word_copies_give_the_hand_made_tasks_and_citations() {
    compare("docx", "docx");
}

#[test]
fn text_copies_give_the_hand_made_tasks_and_citations() {
    compare("txt", "txt");
}
