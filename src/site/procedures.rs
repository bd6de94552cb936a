//! What the site knows about its procedures beyond each one's front matter: which
//! procedure replaces an abolished one, the steps (trình tự) its body lists, and the
//! procedures of a field, for the field's page of posting sheets.

use super::{PageEntry, Site};
use crate::text::fold::search_fold;
use crate::text::html_scan::decode_entities;

/// What an abolished procedure's `replaced_by` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Replacement {
    /// Nothing is set (or the procedure is not abolished).
    None,
    /// A procedure of the site, by page index.
    Page(usize),
    /// A file or code that is no procedure of the site (a warning; shown as written).
    Missing,
}

/// The procedure that replaces procedure `i`: `replaced_by` is read as `@/….md` (a content
/// file) or as a procedure code (`1.000894`). Only an abolished procedure has one.
pub fn replacement(site: &Site, i: usize) -> Replacement {
    let Some(p) = site.pages.get(i).and_then(|e| e.page.procedure.as_ref()) else {
        return Replacement::None;
    };
    let Some(target) = p.replaced_by.as_deref().filter(|_| !p.is_listed()) else {
        return Replacement::None;
    };
    let found = match target.strip_prefix("@/") {
        Some(file) => {
            let file = file.trim_start_matches('/');
            let bundle = format!("{}/index.md", file.trim_end_matches('/'));
            site.pages.iter().position(|e| {
                let own = content_file(e);
                e.page.procedure.is_some() && (own == file || own == bundle)
            })
        }
        None => site.pages.iter().position(|e| {
            e.page
                .procedure
                .as_ref()
                .is_some_and(|q| q.code.as_deref() == Some(target))
        }),
    };
    match found {
        Some(j) if j != i => Replacement::Page(j),
        _ => Replacement::Missing,
    }
}

/// A page's file relative to `content/`, with `/` separators.
fn content_file(e: &PageEntry) -> String {
    let file = e.page.file.to_string_lossy().replace('\\', "/");
    file.strip_prefix("content/").unwrap_or(&file).to_string()
}

/// The steps of a procedure: the items of the first numbered list under a heading that
/// says "Trình tự" (any level, any case or tone marks), as plain text. Empty when the
/// body has no such list.
pub fn steps(html: &str) -> Vec<String> {
    let mut at = 0;
    while let Some(open) = find_heading(html, at) {
        let Some(close) = find(html, open, "</h") else {
            return Vec::new();
        };
        let title = plain(&html[open..close]);
        at = close;
        if !search_fold(&title).contains("trinh tu") {
            continue;
        }
        // The list must come before the next heading.
        let end = find_heading(html, close).unwrap_or(html.len());
        let Some(list) = find(&html[..end], close, "<ol") else {
            return Vec::new();
        };
        return list_items(&html[list..end]);
    }
    Vec::new()
}

/// Where `needle` is next in `html` at or after byte `from`. memchr's search rather than
/// `str::find`, which goes about a byte a step: every procedure's whole body is searched
/// for its headings, for each of its page, its sheet and its field's page of sheets.
fn find(html: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = html.as_bytes().get(from..)?;
    memchr::memmem::find(hay, needle.as_bytes()).map(|i| from + i)
}

/// The next `<h1>`…`<h6>` at or after `from`.
fn find_heading(html: &str, from: usize) -> Option<usize> {
    let b = html.as_bytes();
    let mut i = from;
    while let Some(at) = find(html, i, "<h") {
        i = at;
        if b.get(i + 2).is_some_and(|c| (b'1'..=b'6').contains(c)) {
            return Some(i);
        }
        i += 2;
    }
    None
}

/// The text of each top-level `<li>` of the list `html` starts with (nested lists are
/// part of their item's text).
fn list_items(html: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut start = None;
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off;
        let rest = &html[i..];
        let end = rest.find('>').map_or(html.len(), |e| i + e + 1);
        if rest.starts_with("<ol") || rest.starts_with("<ul") {
            depth += 1;
        } else if rest.starts_with("</ol") || rest.starts_with("</ul") {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                break;
            }
        } else if depth == 1 && rest.starts_with("<li") {
            start = Some(end);
        } else if depth == 1
            && rest.starts_with("</li")
            && let Some(s) = start.take()
        {
            items.push(plain(&html[s..i]));
        }
        i = end;
    }
    items.retain(|s| !s.is_empty());
    items
}

/// Text without tags, character references decoded, whitespace runs as one space.
fn plain(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let decoded = decode_entities(&text);
    let words: Vec<&str> = decoded.split_whitespace().collect();
    // A tag between a word and its punctuation ("<strong>A</strong>.") left a space.
    words
        .join(" ")
        .replace(" .", ".")
        .replace(" ,", ",")
        .replace(" ;", ";")
        .replace(" :", ":")
}

/// The procedures in force of the field `term` (an index in the `fields` taxonomy), in
/// Vietnamese alphabetical order: the procedures the field's page lists.
pub fn field_procedures(site: &Site, term: usize) -> Vec<usize> {
    let Some(t) = site.taxonomies.get(1).and_then(|t| t.terms.get(term)) else {
        return Vec::new();
    };
    let mut list: Vec<usize> = (t.pages.iter().copied())
        .filter(|&i| {
            let page = &site.pages[i].page;
            page.procedure.as_ref().is_some_and(|p| p.is_listed())
        })
        .collect();
    list.sort_by(|a, b| site.pages[*a].title_key.cmp(&site.pages[*b].title_key));
    list
}

#[cfg(test)]
mod tests;
