//! Tasks written as text rather than as a table, in the two shapes plans use:
//!
//! - list form: an activity (numbered, lettered, a heading or bold) followed by
//!   "- Đơn vị thực hiện: …", "- Phối hợp: …", "- Thời gian thực hiện: …", "- Số lượng: …"
//!   lines, whose labels are read by the table's own [`classify`];
//! - a "Tổ chức thực hiện" / "Trách nhiệm thực hiện" section: an agency heading ("3.1.
//!   Phòng Văn hóa – Xã hội", "1. Văn phòng HĐND và UBND xã:") and the bullets under it
//!   that start with an action; or a sentence whose subject is the agency ("Đề nghị
//!   UBMTTQVN phường tổ chức …"). The due is read from the sentence when it says one.
//!
//! Precision over recall: what looks like a task but names no agency is not made one; it
//! is returned as [`Missed`] for `congbo check` to show at its line.

use super::blocks::{Block, Kind};
use super::{Column, Missed, Shape, classify};
use crate::content::page::TaskSource;
use crate::text::agency::{
    capitalised, is_agency_name, split_partners, starts_with_action, subject_agency, without_asking,
};
use crate::text::due::due_in_text;
use crate::text::fold::{search_fold, search_fold_starts_with};

/// A task read from prose: `name` done by the agencies `agencies` (the first leads).
fn task(name: &str, agencies: &str, line: usize) -> TaskSource {
    let name = capitalised(
        name.trim()
            .trim_end_matches(['.', ';', ':', '/', ','])
            .trim(),
    );
    // "Ủy ban MTTQ xã và các tổ chức chính trị - xã hội": one agency with the group it
    // leads, not one agency named by both.
    let (first, group) = match agencies.split_once(" và các ") {
        Some((first, group)) if is_agency_name(first) => (first, Some(format!("các {group}"))),
        _ => (agencies, None),
    };
    let mut parts = split_partners(first).parts.into_iter().chain(group);
    TaskSource {
        due: due_in_text(&name).map(capitalised),
        name,
        lead: parts.next(),
        partners: parts.collect(),
        line,
        ..TaskSource::default()
    }
}

/// A "label: value" line whose label names a task field.
fn field(block: &Block) -> Option<(Column, String)> {
    if !matches!(block.kind, Kind::Bullet | Kind::Paragraph) {
        return None;
    }
    let (label, value) = block.text.split_once(':')?;
    let column = classify(label).filter(|c| {
        matches!(
            c,
            Column::Lead | Column::Partners | Column::Time | Column::Quantity
        )
    })?;
    let value = value.trim().trim_end_matches(['.', ';']).trim();
    (label.split_whitespace().count() <= 6 && !value.is_empty())
        .then(|| (column, value.to_string()))
}

/// Whether a block can name an activity in list form.
fn is_activity(block: &Block) -> bool {
    matches!(
        block.kind,
        Kind::Numbered | Kind::Lettered | Kind::Heading(_)
    ) || block.bold
}

/// Tasks in list form, and the indices of the blocks they used.
fn list_form(blocks: &[Block], missed: &mut Vec<Missed>) -> (Vec<TaskSource>, Vec<usize>) {
    let mut tasks = Vec::new();
    let mut used = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let fields: Vec<(usize, (Column, String))> = blocks[i + 1..]
            .iter()
            .enumerate()
            .map_while(|(j, b)| field(b).map(|f| (i + 1 + j, f)))
            .collect();
        if fields.is_empty() || !is_activity(&blocks[i]) {
            i += 1;
            continue;
        }
        let get = |c: Column| {
            fields
                .iter()
                .find(|(_, (k, _))| *k == c)
                .map(|(_, (_, v))| v.clone())
        };
        let activity = &blocks[i];
        match get(Column::Lead) {
            Some(lead) => {
                let mut t = task(&activity.text, &lead, activity.line);
                // A lead line names the agencies that lead, each of them (as a table's
                // lead cell does), not one lead and its partners.
                t.lead = Some(lead);
                t.partners = get(Column::Partners)
                    .map(|p| split_partners(&p).parts)
                    .unwrap_or_default();
                t.due = get(Column::Time).or(t.due);
                t.quantity = get(Column::Quantity);
                tasks.push(t);
            }
            None => missed.push(Missed {
                line: activity.line,
                text: activity.text.clone(),
                why: crate::tr!(
                    en: "an activity with details but no \"Đơn vị thực hiện:\" line",
                    vi: "hoạt động có chi tiết nhưng thiếu dòng \"Đơn vị thực hiện:\""
                ),
            }),
        }
        used.push(i);
        used.extend(fields.iter().map(|(j, _)| *j));
        i += fields.len() + 1;
    }
    (tasks, used)
}

/// Whether a heading's text names the section that assigns the work.
fn is_assignment_title(text: &str) -> bool {
    let key = search_fold(text.trim_end_matches(':'));
    key.split_whitespace().count() <= 6
        && ["to chuc thuc hien", "trach nhiem thuc hien"]
            .iter()
            .any(|t| key.starts_with(t))
}

/// The level a block opens a section at, if it is a heading.
fn heading_level(block: &Block) -> Option<u8> {
    match block.kind {
        Kind::Heading(l) => Some(l),
        Kind::Part => Some(2),
        _ => None,
    }
}

/// Whether a block ends the plan's body proper (its closing words or an appendix).
fn is_closing(block: &Block) -> bool {
    search_fold_starts_with(
        &block.text,
        &["tren day la", "noi nhan", "phu luc", "danh muc nhiem vu"],
    )
}

/// Tasks of the "Tổ chức thực hiện" sections.
fn sections(blocks: &[Block], used: &[usize], missed: &mut Vec<Missed>) -> Vec<TaskSource> {
    let mut tasks = Vec::new();
    let mut section: Option<u8> = None;
    let mut agency: Option<String> = None;
    for (i, b) in blocks.iter().enumerate() {
        if let Some(level) = heading_level(b) {
            if is_assignment_title(&b.text) {
                section = Some(level);
                agency = None;
                continue;
            }
            if section.is_some_and(|s| level <= s) {
                section = None;
            }
        }
        if is_closing(b) {
            section = None;
        }
        if section.is_none() || used.contains(&i) {
            continue;
        }
        let mut not_taken = |text: &str| {
            missed.push(Missed {
                line: b.line,
                text: text.to_string(),
                why: crate::tr!(
                    en: "congbo cannot tell which agency does it: put it under a heading that is the agency's name, or write the agency's name followed at once by the action (\"Phòng … tổ chức …\")",
                    vi: "congbo không đọc được cơ quan thực hiện: đặt dưới tiêu đề là tên cơ quan, hoặc viết tên cơ quan rồi ngay sau đó là việc làm (\"Phòng … tổ chức …\")"
                ),
            })
        };
        let mut text = b.text.trim().to_string();
        if matches!(b.kind, Kind::Heading(_) | Kind::Numbered) {
            // An agency heading, maybe with its first task after a colon.
            let head = text.trim_end_matches(':').to_string();
            let (name, rest) = head.split_once(':').unwrap_or((&head, ""));
            let name = without_asking(name).trim();
            if is_agency_name(name) {
                agency = Some(capitalised(name));
                if rest.trim().is_empty() {
                    continue;
                }
                text = rest.trim().to_string();
            } else {
                agency = None;
            }
        }
        if starts_with_action(&text) {
            match &agency {
                Some(a) => tasks.push(task(&text, a, b.line)),
                None => not_taken(&text),
            }
        } else if let Some((who, what)) = subject_agency(&text) {
            tasks.push(task(&what, &who, b.line));
        } else if b.kind == Kind::Paragraph && text.ends_with(':') {
            // "Thủ trưởng các cơ quan … thực hiện các nội dung sau:" heads what follows.
            agency = None;
        } else if b.kind != Kind::Paragraph {
            not_taken(&text);
        }
    }
    tasks
}

/// The tasks written as text in a plan body's [blocks](super::blocks::blocks), with their shapes, and what
/// looked like a task but was not taken.
pub(super) fn tasks_from_text(
    blocks: &[Block],
    missed: &mut Vec<Missed>,
) -> Vec<(Shape, TaskSource)> {
    let (listed, used) = list_form(blocks, missed);
    let assigned = sections(blocks, &used, missed);
    let mut out: Vec<(Shape, TaskSource)> = listed.into_iter().map(|t| (Shape::List, t)).collect();
    out.extend(assigned.into_iter().map(|t| (Shape::Section, t)));
    out.sort_by_key(|(_, t)| t.line);
    out
}

/// The file line where the plan's appendix starts ("PHỤ LỤC", "DANH MỤC NHIỆM VỤ"), if any,
/// from its body's [blocks](super::blocks::blocks).
pub(super) fn appendix_line(blocks: &[Block]) -> Option<usize> {
    blocks
        .iter()
        .find(|b| {
            (heading_level(b).is_some() || b.bold || b.kind == Kind::Paragraph)
                && search_fold_starts_with(&b.text, &["phu luc", "danh muc nhiem vu"])
        })
        .map(|b| b.line)
}
