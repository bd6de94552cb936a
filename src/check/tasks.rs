//! What the check says about plan tasks: a status it does not know is a warning at its
//! line (the task is shown without a status, never with a guessed one), and so is an
//! activity-table row with something written but no task text; a `report` that names no
//! page of the site and no file of the plan's bundle is a link or file problem, as any
//! other link or file would be. Notes, which only `congbo check` shows, sum up each plan's
//! tasks by the shape they were read from and name, at its line, what looked like a task
//! but was not taken (precision over recall: the editor decides).

use std::path::Path;

use super::{Findings, Notes, Rule};
use crate::content::page::Kind;
use crate::error::Diagnostic;
use crate::markdown::tasks::{Extraction, plan_tasks};
use crate::site::{PageEntry, Site};

/// At most this many characters of a line not taken are quoted.
const QUOTED: usize = 80;

/// A plan's tasks as the build read them from its body, with what it did not take.
fn read(e: &PageEntry) -> Extraction {
    let written = e.page.plan.as_ref().map_or(&[][..], |p| &p.tasks[..]);
    plan_tasks(&e.rendered.text_tasks, &e.rendered.tables, written)
}

/// Notes on each plan's tasks: how many were read from each shape, and each line that
/// looked like a task but was not taken, at its line.
pub fn notes(site: &Site) -> Vec<String> {
    let mut notes = Notes::default();
    for e in site.pages.iter().filter(|e| e.page.kind == Kind::Plan) {
        let file = &e.page.file;
        let found = read(e);
        let front = e.page.plan.as_ref().map_or(0, |p| p.tasks.len());
        let mut counts: Vec<(String, usize)> = Vec::new();
        if front > 0 {
            counts.push((crate::tr!(en: "front matter", vi: "phần khai báo"), front));
        }
        for (shape, n) in found.by_shape() {
            counts.push((shape.label(), n));
        }
        let total = e.tasks.len();
        let by_shape = counts
            .iter()
            .map(|(label, n)| format!("{n} {label}"))
            .collect::<Vec<_>>()
            .join(", ");
        let message = if total == 0 {
            crate::tr!(
                en: "no task found in this plan; see the shapes congbo reads in the guide (Nhiệm vụ)",
                vi: "không tìm thấy nhiệm vụ nào trong kế hoạch này; xem các cách viết congbo đọc được trong hướng dẫn (Nhiệm vụ)"
            )
        } else {
            crate::tr!(en: "{total} tasks: {by_shape}", vi: "{total} nhiệm vụ: {by_shape}")
        };
        notes.add(file, 0, message);
        for m in &found.missed {
            let mut text: String = m.text.chars().take(QUOTED).collect();
            if text.len() < m.text.len() {
                text.push('…');
            }
            let why = &m.why;
            notes.add(
                file,
                m.line,
                crate::tr!(
                    en: "not taken as a task: \"{text}\" ({why})",
                    vi: "không được lấy làm nhiệm vụ: \"{text}\" ({why})"
                ),
            );
        }
    }
    notes.lines()
}

/// Checks one language's plans.
pub(super) fn check(site: &Site, root: &Path, found: &mut Findings) {
    for (e, tasks) in site.pages.iter().zip(&site.tasks) {
        let file = &e.page.file;
        if e.page.kind == Kind::Plan {
            for &line in &e.rows_without_task {
                let message = crate::tr!(
                    en: "this row of the activity table has no task text (its \"Nội dung\" cell is empty), so it is not a task; write what is to be done in it, or delete the row",
                    vi: "dòng này của bảng nhiệm vụ không có tên nhiệm vụ (ô \"Nội dung\" trống) nên không được lấy làm nhiệm vụ; hãy ghi việc cần làm vào ô đó, hoặc xóa dòng",
                );
                found.warnings.push(Diagnostic::at(file, line, 0, message));
            }
        }
        for s in &e.tasks {
            if let Some(written) = &s.unknown_status {
                let message = crate::tr!(
                    en: "the task \"{}\" has the status \"{written}\", which congbo does not know, so it is shown without one; write \"Hoàn thành\", \"Đang thực hiện\", \"Chưa thực hiện\" or \"Không thực hiện\" (a result may follow after a colon: \"Hoàn thành: …\")",
                    vi: "nhiệm vụ \"{}\" có tình trạng \"{written}\" mà congbo không hiểu, nên được hiển thị không kèm tình trạng; hãy viết \"Hoàn thành\", \"Đang thực hiện\", \"Chưa thực hiện\" hoặc \"Không thực hiện\" (kết quả có thể viết sau dấu hai chấm: \"Hoàn thành: …\")",
                    s.name
                );
                found
                    .warnings
                    .push(Diagnostic::at(file, s.line, 0, message));
            }
        }
        let missing: Vec<&str> = e
            .tasks
            .iter()
            .zip(tasks)
            .filter(|(_, t)| t.report.is_some() && t.report_url.is_none())
            .filter_map(|(s, _)| s.report.as_deref())
            .collect();
        if missing.is_empty() {
            continue;
        }
        // Read again only for a plan with a missing report, for the report's line.
        let text = std::fs::read_to_string(root.join(file)).unwrap_or_default();
        let places = super::files::quoted_places(&text);
        for report in missing {
            let (line, column) = places.get(report).copied().unwrap_or((1, 1));
            let (rule, message) = if let Some(rest) = report.strip_prefix("@/") {
                (
                    Rule::Links,
                    crate::tr!(
                        en: "the report {report} points to content/{rest}, which does not exist (or is a draft); correct the file name after @/ (a path under content/)",
                        vi: "báo cáo {report} trỏ đến content/{rest}, nhưng tệp này không có (hoặc là bản nháp); hãy sửa tên tệp sau @/ (đường dẫn trong content/)",
                    ),
                )
            } else {
                (
                    Rule::Files,
                    crate::tr!(
                        en: "the report {report} is not in the plan's folder; put the file beside the plan's index.md, or write @/… for a page, or a full https:// address",
                        vi: "báo cáo {report} không có trong thư mục của kế hoạch; hãy đặt tệp cạnh index.md của kế hoạch, hoặc viết @/… cho một trang, hoặc một địa chỉ đầy đủ https://",
                    ),
                )
            };
            found
                .problems
                .push((rule, Diagnostic::at(file, line, column, message)));
        }
    }
}
