//! Agencies (cơ quan) named as lead or partner of plan tasks, grouped across every plan.
//!
//! Two names are one agency when their [`match_key`]s are equal (Unicode NFC, case, tone
//! placement, dash kinds, spaces), so "Phòng Văn hoá – Xã hội" and "phòng Văn hóa - Xã hội"
//! are one. The name shown is the spelling used most often (ties: the first met, in page
//! order, then task order, lead before partners). Each agency gets a unique ASCII slug, the
//! site path `/co-quan/<slug>/`, and its tasks from every plan, nearest due first.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::PageEntry;
use super::tasks::Task;
use crate::content::Kind;
use crate::text::collate;
use crate::text::fold::match_key;
use crate::text::slug::{slugify, unique_slug};

/// What an agency does in a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Leads it (chủ trì).
    Lead,
    /// Takes part (phối hợp).
    Partner,
}

/// One task of an agency: which plan, which of its tasks, and in what role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AgencyTask {
    /// Index of the plan in [`Site::pages`](super::Site::pages).
    pub plan: usize,
    /// Index of the task in that plan's task list.
    pub task: usize,
    /// Lead or partner.
    pub role: Role,
    /// The task is late: [`Task::overdue`], the rule every view shares.
    pub overdue: bool,
}

/// An agency after grouping, with its tasks from every plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Agency {
    /// Display spelling: the one used most often.
    pub name: String,
    /// Unique ASCII slug.
    pub slug: String,
    /// Site path (`/co-quan/phong-van-hoa-xa-hoi/`).
    pub path: String,
    /// Tasks, nearest due first (by end date; tasks without a date last).
    pub tasks: Vec<AgencyTask>,
}

/// The folder agency pages live under.
pub const AGENCY_SECTION: &str = "/co-quan/";

/// An agency while names are being gathered.
struct Group {
    /// Spellings in the order first met, with how often each was used.
    spellings: Vec<(String, usize)>,
    tasks: Vec<AgencyTask>,
}

/// A name as written, with its runs of whitespace made single spaces; `None` if blank.
fn clean(name: &str) -> Option<String> {
    let s = name.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Groups the lead and partner agencies of every plan's tasks. `tasks` holds each page's
/// tasks by page index (see [`super::tasks::read_all`]); pages that are not plans are
/// skipped. Agencies come in Vietnamese alphabetical order of their display names.
pub fn group_agencies(pages: &[PageEntry], tasks: &[Vec<Task>]) -> Vec<Agency> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut by_spelling: HashMap<String, usize> = HashMap::new();
    for (plan, (entry, list)) in pages.iter().zip(tasks).enumerate() {
        if entry.page.kind != Kind::Plan {
            continue;
        }
        for (index, task) in list.iter().enumerate() {
            let named = task
                .lead
                .iter()
                .map(|n| (n, Role::Lead))
                .chain(task.partners.iter().map(|n| (n, Role::Partner)));
            // One entry per agency and task: leading wins over taking part.
            let mut seen: HashSet<usize> = HashSet::new();
            for (name, role) in named {
                let Some(spelling) = clean(name) else {
                    continue;
                };
                // A spelling recurs in many tasks: fold it once.
                let g = match by_spelling.get(&spelling) {
                    Some(&g) => g,
                    None => {
                        let g = *by_key.entry(match_key(&spelling)).or_insert_with(|| {
                            groups.push(Group {
                                spellings: Vec::new(),
                                tasks: Vec::new(),
                            });
                            groups.len() - 1
                        });
                        by_spelling.insert(spelling.clone(), g);
                        g
                    }
                };
                let group = &mut groups[g];
                match group.spellings.iter_mut().find(|(s, _)| *s == spelling) {
                    Some((_, n)) => *n += 1,
                    None => group.spellings.push((spelling, 1)),
                }
                if seen.insert(g) {
                    group.tasks.push(AgencyTask {
                        plan,
                        task: index,
                        role,
                        overdue: task.overdue(),
                    });
                }
            }
        }
    }
    let mut agencies: Vec<Agency> = groups
        .into_iter()
        .map(|g| {
            // `max_by_key` returns the last of equal counts: walk backwards to get the first met.
            let name = g
                .spellings
                .iter()
                .rev()
                .max_by_key(|(_, n)| *n)
                .map(|(s, _)| s.clone())
                .unwrap_or_default();
            let mut list = g.tasks;
            list.sort_by(|a, b| by_due(a, b, tasks));
            Agency {
                name,
                slug: String::new(),
                path: String::new(),
                tasks: list,
            }
        })
        .collect();
    // Equal display names would mean equal keys, so this order is total.
    agencies.sort_by(|a, b| collate::compare(&a.name, &b.name));
    let mut taken = HashSet::new();
    for a in &mut agencies {
        let base = slugify(&a.name);
        let base = if base.is_empty() {
            "co-quan".into()
        } else {
            base
        };
        a.slug = unique_slug(&base, &mut taken);
        a.path = format!("{AGENCY_SECTION}{}/", a.slug);
    }
    agencies
}

/// Nearest due first: by end date, then start date, tasks without an end last; ties keep
/// page and task order, lead before partner.
fn by_due(a: &AgencyTask, b: &AgencyTask, tasks: &[Vec<Task>]) -> Ordering {
    let dates = |t: &AgencyTask| {
        let task = &tasks[t.plan][t.task];
        (task.end, task.start)
    };
    let ((end_a, start_a), (end_b, start_b)) = (dates(a), dates(b));
    let end = match (end_a, end_b) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    end.then_with(|| start_a.cmp(&start_b))
        .then_with(|| (a.plan, a.task, a.role).cmp(&(b.plan, b.task, b.role)))
}

#[cfg(test)]
mod tests;
