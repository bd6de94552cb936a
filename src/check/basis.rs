//! Citations in front matter: a plan's `basis`, a procedure's `legal_basis` and `decision`.
//! The body's citations are judged as the Markdown renders; these are linked when the page
//! renders, by the same rule ([`LinkContext::citation_target`]). A citation whose page
//! cannot be told is said here, at the line of its key, as the body's are at theirs.

use crate::error::Diagnostic;
use crate::markdown::LinkContext;
use crate::markdown::citation::find_citations;
use crate::markdown::refs::doubt_message;
use crate::site::Site;

/// A warning for each citation of a page's front matter that fits several pages (or gives
/// no year while a page has its number).
pub fn doubts(site: &Site, links: &LinkContext) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for entry in &site.pages {
        let page = &entry.page;
        let plan = page.plan.iter().flat_map(|m| &m.basis);
        let plan = plan.map(|b| (b.as_str(), page.lines.basis));
        let procedure = page.procedure.iter().flat_map(|m| {
            let basis = m.legal_basis.iter();
            let basis = basis.map(|b| (b.as_str(), page.lines.legal_basis));
            basis.chain(m.decision.iter().map(|d| (d.as_str(), page.lines.decision)))
        });
        for (text, line) in plan.chain(procedure) {
            for c in find_citations(text) {
                if let (_, Some(doubt)) = links.citation_target(&c, &page.path) {
                    let said = doubt_message(&c, &doubt);
                    found.push(Diagnostic::at(&page.file, line, 1, said));
                }
            }
        }
    }
    found
}
