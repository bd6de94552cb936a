//! Agencies (cơ quan) named as lead or partner of plan tasks, grouped across every plan.
//!
//! Two names are one agency when their [`agency_key`]s are equal: abbreviations written
//! out ("UBND" is "Ủy ban nhân dân"), `&` as "và", dashes spaced or not, case, tone
//! placement, then the site's `[agencies] aliases`. So "Phòng Văn hoá-Xã hội", "Phòng VH –
//! XH" and "phòng Văn hóa - Xã hội" are one. The name shown is the spelling used most often
//! (ties: the first met, in page order, then task order, lead before partners) written out
//! in full, or the site's alias when it names the agency. Each agency keeps every spelling
//! the plans used, and gets a unique ASCII slug, the site path `/co-quan/<slug>/`, and its
//! tasks from every plan, nearest due first.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::PageEntry;
use super::tasks::Task;
use crate::content::Kind;
use crate::text::agency::{Aliases, agency_key, full_name};
use crate::text::collate;
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
    /// Which of the agency's [`Agency::spellings`] the plan wrote here.
    pub spelling: usize,
}

/// One way the plans write an agency's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Spelling {
    /// As written (whitespace runs made single spaces).
    pub text: String,
    /// How many times the plans use it.
    pub count: usize,
    /// Where it is first used: the plan's index in [`Site::pages`](super::Site::pages)…
    pub plan: usize,
    /// …and the file line of that task (0 when unknown).
    pub line: usize,
}

/// An agency after grouping, with its tasks from every plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Agency {
    /// Display name: the spelling used most often, written out in full (or the site's
    /// alias for it).
    pub name: String,
    /// Unique ASCII slug.
    pub slug: String,
    /// Site path (`/co-quan/phong-van-hoa-xa-hoi/`).
    pub path: String,
    /// Every spelling the plans use for it, in the order first met.
    pub spellings: Vec<Spelling>,
    /// Site paths its spellings would have had as pages of their own (`/co-quan/ubnd-xa/`),
    /// which redirect to its page: links made before the spellings were grouped still work.
    pub redirects: Vec<String>,
    /// Tasks, nearest due first (by end date; tasks without a date last).
    pub tasks: Vec<AgencyTask>,
}

/// The folder agency pages live under.
pub const AGENCY_SECTION: &str = "/co-quan/";

/// An agency while names are being gathered.
struct Group {
    /// Spellings in the order first met, with how often each was used.
    spellings: Vec<Spelling>,
    /// The site's alias for it, when one of its spellings has one.
    alias: Option<String>,
    tasks: Vec<AgencyTask>,
}

/// A name as written, with its runs of whitespace made single spaces; `None` if blank.
fn clean(name: &str) -> Option<String> {
    let s = name.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Groups the lead and partner agencies of every plan's tasks. `tasks` holds each page's
/// tasks by page index (see [`super::tasks::read_all`]); pages that are not plans are
/// skipped; `aliases` is the site's own table. Agencies come in Vietnamese alphabetical
/// order of their display names.
pub fn group_agencies(pages: &[PageEntry], tasks: &[Vec<Task>], aliases: &Aliases) -> Vec<Agency> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut by_spelling: HashMap<String, usize> = HashMap::new();
    for (plan, (entry, list)) in pages.iter().zip(tasks).enumerate() {
        if entry.page.kind != Kind::Plan {
            continue;
        }
        for (index, task) in list.iter().enumerate() {
            let named = task
                .leads
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
                        let name = agency_key(&spelling, aliases);
                        let g = *by_key.entry(name.key).or_insert_with(|| {
                            groups.push(Group {
                                spellings: Vec::new(),
                                alias: None,
                                tasks: Vec::new(),
                            });
                            groups.len() - 1
                        });
                        if name.aliased {
                            groups[g].alias = Some(name.full);
                        }
                        by_spelling.insert(spelling.clone(), g);
                        g
                    }
                };
                let group = &mut groups[g];
                let at = match group.spellings.iter().position(|s| s.text == spelling) {
                    Some(at) => {
                        group.spellings[at].count += 1;
                        at
                    }
                    None => {
                        group.spellings.push(Spelling {
                            text: spelling,
                            count: 1,
                            plan,
                            line: task.line,
                        });
                        group.spellings.len() - 1
                    }
                };
                if seen.insert(g) {
                    group.tasks.push(AgencyTask {
                        plan,
                        task: index,
                        role,
                        overdue: task.overdue(),
                        spelling: at,
                    });
                }
            }
        }
    }
    let mut agencies: Vec<Agency> = groups
        .into_iter()
        .map(|g| {
            // `max_by_key` returns the last of equal counts: walk backwards to get the first met.
            let commonest = g
                .spellings
                .iter()
                .rev()
                .max_by_key(|s| s.count)
                .map(|s| s.text.as_str())
                .unwrap_or_default();
            let name = g.alias.unwrap_or_else(|| full_name(commonest));
            let mut list = g.tasks;
            list.sort_by(|a, b| by_due(a, b, tasks));
            Agency {
                name,
                slug: String::new(),
                path: String::new(),
                spellings: g.spellings,
                redirects: Vec::new(),
                tasks: list,
            }
        })
        .collect();
    // Equal display names would mean equal keys, so this order is total.
    agencies.sort_by(|a, b| collate::compare(&a.name, &b.name));
    assign_slugs(&mut agencies);
    agencies
}

/// Gives every agency its slug and path. Every spelling of one agency gives the same slug
/// (they differ only in what a slug drops), so the slug does not move when another spelling
/// becomes the commonest. Where two agencies share a slug ("Phòng Văn hóa" and the typo
/// "Phòng Văn hoa"), the one with more tasks keeps it bare, so that a new rare spelling does
/// not push an established page to `-1`.
fn assign_slugs(agencies: &mut [Agency]) {
    let bases: Vec<String> = agencies
        .iter()
        .map(|a| {
            let base = slugify(&a.name);
            if base.is_empty() {
                "co-quan".into()
            } else {
                base
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..agencies.len()).collect();
    // Stable: equal bases and task counts keep the alphabetical order.
    order.sort_by(|&a, &b| {
        (bases[a].cmp(&bases[b])).then(agencies[b].tasks.len().cmp(&agencies[a].tasks.len()))
    });
    let mut taken = HashSet::new();
    for i in order {
        let a = &mut agencies[i];
        a.slug = unique_slug(&bases[i], &mut taken);
        a.path = format!("{AGENCY_SECTION}{}/", a.slug);
    }
    let mut redirected = HashSet::new();
    for a in agencies.iter_mut() {
        for s in &a.spellings {
            let slug = slugify(&s.text);
            if !slug.is_empty() && !taken.contains(&slug) && redirected.insert(slug.clone()) {
                a.redirects.push(format!("{AGENCY_SECTION}{slug}/"));
            }
        }
    }
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
