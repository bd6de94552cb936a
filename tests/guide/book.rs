//! The book as a whole (`docs/` and its folders): every link from one of its pages to
//! another leads to a page, and to an anchor that page sets.

use super::common::repo_root;

/// Every `.md` file of the book (`docs/` and its folders), relative to `docs/`.
fn book_pages() -> Vec<(String, String)> {
    let docs = repo_root().join("docs");
    walkdir::WalkDir::new(&docs)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| {
            let rel = e.path().strip_prefix(&docs).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

/// The targets of the Markdown links `[…](target)` in `text` that stay inside the book.
fn book_links(text: &str) -> Vec<&str> {
    text.split("](")
        .skip(1)
        .filter_map(|rest| rest.split_once(')').map(|(target, _)| target))
        .filter(|t| !t.contains("://") && !t.starts_with('@') && !t.starts_with('/'))
        .filter(|t| t.contains(".md"))
        .collect()
}

#[test]
fn links_between_pages_of_the_book_lead_somewhere() {
    let pages = book_pages();
    let mut checked = 0;
    let mut broken = Vec::new();
    for (from, text) in &pages {
        let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
        // Links in code show an editor what to write in content/, not pages of the book.
        let prose: String = text.split("```").step_by(2).collect::<Vec<_>>().join("\n");
        let prose: String = prose.split('`').step_by(2).collect();
        for target in book_links(&prose) {
            let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
            let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
            for p in file.split('/') {
                match p {
                    ".." => {
                        parts.pop();
                    }
                    "." | "" => {}
                    p => parts.push(p),
                }
            }
            let path = parts.join("/");
            checked += 1;
            match pages.iter().find(|(rel, _)| *rel == path) {
                None => broken.push(format!("{from}: {target}: no page {path}")),
                // mdBook makes its own ids from headings; the guide links only to ids it sets.
                Some((_, t)) if !anchor.is_empty() && !t.contains(&format!("{{#{anchor}}}")) => {
                    broken.push(format!("{from}: {target}: no {{#{anchor}}} in {path}"))
                }
                Some(_) => {}
            }
        }
    }
    assert!(checked >= 30, "the guide links its pages: {checked}");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}
