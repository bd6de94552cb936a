//! Warnings about what congbo read but could not apply as written (issue #25, "never
//! silent"): each page's own (an unknown procedure `status`, an abbreviation a document
//! header cannot write in full), and those that need the whole site: a `replaced_by` that
//! names no procedure, a `decision` that cites no document.

use super::Findings;
use crate::error::Diagnostic;
use crate::markdown::citation::find_citations;
use crate::site::Site;
use crate::site::procedures::{Replacement, replacement};

/// Adds the warnings of `site`'s pages to `found`.
pub(super) fn check(site: &Site, found: &mut Findings) {
    for (i, e) in site.pages.iter().enumerate() {
        let page = &e.page;
        found.warnings.extend(page.warnings.iter().cloned());
        let Some(p) = page.procedure.as_ref() else {
            continue;
        };
        if replacement(site, i) == Replacement::Missing {
            let written = p.replaced_by.as_deref().unwrap_or_default();
            found.warnings.push(Diagnostic::at(
                &page.file,
                page.lines.replaced_by,
                1,
                crate::tr!(
                    en: "`replaced_by` = \"{written}\" names no procedure of the site, so the page shows it as written, without a link: write @/ and the file under content/ (@/thu-tuc/ten-thu-tuc.md), or the code of a procedure of the site",
                    vi: "`replaced_by` = \"{written}\" không trỏ đến thủ tục nào của trang, nên trang chỉ ghi nguyên văn, không có liên kết: hãy viết @/ và tệp trong content/ (@/thu-tuc/ten-thu-tuc.md), hoặc mã của một thủ tục có trên trang",
                ),
            ));
        }
        if let Some(d) = &p.decision
            && find_citations(d).is_empty()
        {
            found.warnings.push(Diagnostic::at(
                &page.file,
                page.lines.decision,
                1,
                crate::tr!(
                    en: "`decision` names no document congbo can read, so it is shown as text, not linked: write its number and symbol, e.g. decision = \"Quyết định số 1234/QĐ-UBND ngày 12/5/2025 của Chủ tịch UBND tỉnh\"",
                    vi: "`decision` không có số hiệu văn bản congbo đọc được, nên chỉ hiện thành chữ, không có liên kết: hãy viết số và ký hiệu, ví dụ decision = \"Quyết định số 1234/QĐ-UBND ngày 12/5/2025 của Chủ tịch UBND tỉnh\"",
                ),
            ));
        }
    }
}
