//! What a procedure's A4 posting sheet shows that its page does not: the steps shortened
//! to fit one sheet, and the procedure that replaces an abolished one.

use super::{ProcedureView, ReplacementView, Views};
use crate::site::procedures::{Replacement, replacement};

/// Steps a sheet shows at most; the QR code leads to the rest.
pub(super) const SHEET_STEPS: usize = 8;

/// Characters of one step a sheet shows at most (about three printed lines).
pub(super) const SHEET_STEP_CHARS: usize = 200;

/// The view with `sheet_steps` filled from `steps`: at most [`SHEET_STEPS`] steps of at
/// most [`SHEET_STEP_CHARS`] characters each, cut between words with "…".
pub(super) fn shorten_steps(mut v: ProcedureView<'_>) -> ProcedureView<'_> {
    let mut shortened = v.steps.len() > SHEET_STEPS;
    v.sheet_steps = v
        .steps
        .iter()
        .take(SHEET_STEPS)
        .map(|s| {
            let (text, cut) = shorten(s, SHEET_STEP_CHARS);
            shortened |= cut;
            text
        })
        .collect();
    v.sheet_steps_shortened = shortened;
    v
}

/// `s` cut to at most `max` characters between words, "…" added; and whether it was cut.
fn shorten(s: &str, max: usize) -> (String, bool) {
    if s.chars().count() <= max {
        return (s.to_string(), false);
    }
    let head: String = s.chars().take(max).collect();
    let cut = head
        .rfind(' ')
        .filter(|&i| i > max / 2)
        .unwrap_or(head.len());
    let text = head[..cut].trim_end_matches([' ', ',', ';', ':', '.']);
    (format!("{text}…"), true)
}

impl<'a> Views<'a> {
    /// What replaces procedure `i`, when it is abolished and names a replacement.
    pub(super) fn replacement(&self, i: usize) -> Option<ReplacementView<'a>> {
        let site = self.site;
        match replacement(site, i) {
            Replacement::None => None,
            Replacement::Page(j) => {
                let page = &site.pages[j].page;
                Some(ReplacementView {
                    title: &page.title,
                    code: page.procedure.as_ref().and_then(|p| p.code.as_deref()),
                    url: Some(site.config.url(&page.path)),
                })
            }
            Replacement::Missing => {
                let written = site.pages[i]
                    .page
                    .procedure
                    .as_ref()?
                    .replaced_by
                    .as_deref()?;
                Some(ReplacementView {
                    title: written,
                    code: None,
                    url: None,
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn a_long_step_is_cut_between_words() {
        assert_eq!(shorten("ngắn", 10), ("ngắn".to_string(), false));
        let (text, cut) = shorten("một hai ba bốn năm sáu bảy", 12);
        assert!(cut);
        assert_eq!(text, "một hai ba…");
        // One long word: cut inside it rather than show nothing.
        assert_eq!(shorten("aaaaaaaaaaaa", 5).0, "aaaaa…");
    }
}
