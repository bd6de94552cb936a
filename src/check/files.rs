//! Files that front matter names and the page bundle must hold: a procedure's dossier
//! forms (`[[documents]] form`), a plan's `attachments`, a survey's or contest's `rules`
//! and `results`, errors by default; and a bulletin's `attachments`, only warnings: a
//! bulletin is often put up before its PDF comes back from the print shop, and its page
//! says the file is missing meanwhile.

use std::collections::HashMap;
use std::path::Path;

use super::{Findings, Rule};
use crate::error::Diagnostic;
use crate::site::Site;

/// Checks one language's pages.
pub(super) fn check(site: &Site, root: &Path, found: &mut Findings) {
    for e in &site.pages {
        let p = &e.page;
        let forms = p
            .procedure
            .iter()
            .flat_map(|m| m.documents.iter().filter_map(|d| d.form.as_deref()));
        let attachments = p
            .plan
            .iter()
            .flat_map(|m| m.attachments.iter().map(String::as_str));
        // A survey's or contest's rules and results files.
        let survey_files = p
            .survey
            .iter()
            .flat_map(|m| [&m.rules, &m.results].into_iter().flatten())
            .map(String::as_str);
        let bulletin_files = p
            .bulletin
            .iter()
            .flat_map(|m| m.attachments.iter().map(String::as_str));
        let warns = p.bulletin.is_some();
        let mut missing = forms
            .chain(attachments)
            .chain(survey_files)
            .chain(bulletin_files)
            .filter(|name| !e.files.iter().any(|(n, _, _)| n == name))
            .peekable();
        if missing.peek().is_none() {
            continue;
        }
        // The front matter is read again only for a page with a missing file, for its line;
        // every quoted string's first place is found in one pass (a plan may list thousands).
        let text = std::fs::read_to_string(root.join(&p.file)).unwrap_or_default();
        let places = quoted_places(&text);
        for name in missing {
            let (line, column) = places.get(name).copied().unwrap_or((1, 1));
            let folder = p.bundle_dir.as_ref().map_or_else(
                || {
                    crate::tr!(
                        en: "this page is not a bundle: move it to a folder of its own as index.md and put the file beside it",
                        vi: "trang này không phải là một thư mục trang: hãy chuyển nó vào một thư mục riêng thành index.md và đặt tệp bên cạnh",
                    )
                },
                |d| {
                    crate::tr!(
                        en: "put the file in {}, or correct the name",
                        vi: "hãy đặt tệp vào {}, hoặc sửa lại tên",
                        d.display()
                    )
                },
            );
            let message = crate::tr!(
                en: "the file {name} is not in the page's folder; {folder}",
                vi: "tệp {name} không có trong thư mục của trang; {folder}",
            );
            let d = Diagnostic::at(&p.file, line, column, message);
            if warns {
                found.warnings.push(d);
            } else {
                found.problems.push((Rule::Files, d));
            }
        }
    }
}

/// The first (line, column) of each `"…"` or `'…'` string in TOML text, inside the quotes.
pub(super) fn quoted_places(text: &str) -> HashMap<&str, (usize, usize)> {
    let mut places = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let mut rest = line;
        let mut offset = 0;
        while let Some(open) = rest.find(['"', '\'']) {
            let quote = &rest[open..=open];
            let inner = &rest[open + 1..];
            let Some(close) = inner.find(quote) else {
                break;
            };
            let column = line[..offset + open].chars().count() + 2;
            places.entry(&inner[..close]).or_insert((i + 1, column));
            offset += open + 1 + close + 1;
            rest = &inner[close + 1..];
        }
    }
    places
}

#[cfg(test)]
mod tests {
    #[test]
    fn quoted_strings_have_their_first_place() {
        let p = super::quoted_places("a = [\"x.pdf\", 'đ.doc']\nform = \"x.pdf\"\nb = \"y");
        assert_eq!(p["x.pdf"], (1, 7));
        assert_eq!(p["đ.doc"], (1, 16));
        assert_eq!(p.get("y"), None);
    }
}
