//! What the check says about plan tasks: a status it does not know is a warning at its
//! line (the task is shown without a status, never with a guessed one), and a `report`
//! that names no page of the site and no file of the plan's bundle is a link or file
//! problem, as any other link or file would be.

use std::path::Path;

use super::{Findings, Rule};
use crate::error::Diagnostic;
use crate::site::Site;

/// Checks one language's plans.
pub(super) fn check(site: &Site, root: &Path, found: &mut Findings) {
    for (e, tasks) in site.pages.iter().zip(&site.tasks) {
        let file = &e.page.file;
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
