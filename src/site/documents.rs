//! The documents index: every legal document the site cites, with the pages that cite it.
//!
//! Citations come from each page's front matter (a plan's `basis`, a procedure's
//! `legal_basis`, each entry read with [`find_citations`]) and then its rendered body, in
//! page order. Citations are grouped by [`number_key`], so `45/2020/NĐ- CP` (copied from a
//! PDF) and `45/2020/NĐ-CP` are one document. The number and type shown are those first
//! written; the date is the first one given with a citation, else the date of the site's
//! own page for the document. A page citing its own number does not count as citing it.
//! URLs are not decided here: the output stage links the own page, else the resolver.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::{PageEntry, compare_entries};
use crate::content::page::SortBy;
use crate::markdown::citation::{Citation, find_citations, number_key};
use crate::text::collate;
use crate::text::date::Date;
use crate::text::slug::slugify;

/// One cited document and who cites it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CitedDocument {
    /// [`number_key`] of the number: what citations are grouped by.
    pub key: String,
    /// Number and symbol as first written (`45/2020/NĐ-CP`).
    pub number: String,
    /// Document type as first written, in canonical capitalisation (`Nghị định`).
    pub doc_type: String,
    /// Date of issue: the first given with a citation, else the own page's date.
    pub date: Option<Date>,
    /// Index of the site's own page for the document (the first page whose `number`
    /// has the same key), if any.
    pub page: Option<usize>,
    /// Indexes of the pages that cite it, each once, newest first (as a section of news
    /// lists them).
    pub cited_by: Vec<usize>,
    /// Site path of the list of every page citing it (`/van-ban/trich-dan/61-2018-nd-cp/`),
    /// for a document cited by more than [`CITED_PREVIEW`] pages: other lists show those
    /// first few and link there. Set by [`place_lists`].
    pub list: Option<String>,
}

/// How many citing pages the documents index and a document's own page show before
/// linking to the document's list of them all: a decree every procedure cites would
/// otherwise put thousands of links on each.
pub const CITED_PREVIEW: usize = 5;

/// The folder under the documents index that holds each document's list of citing pages.
pub const LIST_FOLDER: &str = "trich-dan";

/// Every citation of one page: front matter entries (`basis`, `legal_basis`, `decision`) first, as the
/// file has them first, then the body's. Entries that hold no citation are skipped.
pub fn page_citations(entry: &PageEntry) -> Vec<Citation> {
    let page = &entry.page;
    let front = page
        .plan
        .iter()
        .flat_map(|p| p.basis.iter())
        .chain(page.procedure.iter().flat_map(|p| p.legal_basis.iter()))
        .chain(page.procedure.iter().flat_map(|p| p.decision.iter()));
    front
        .flat_map(|text| find_citations(text))
        .chain(entry.rendered.citations.iter().cloned())
        .collect()
}

/// The date of a citation, when it names a real day.
fn citation_date(c: &Citation) -> Option<Date> {
    c.date.and_then(|(y, m, d)| Date::new(y, m, d))
}

/// Collects every cited document, sorted by type then number in Vietnamese order.
pub fn collect_documents(pages: &[PageEntry]) -> Vec<CitedDocument> {
    let own_key = |i: usize| pages[i].page.number.as_deref().map(number_key);
    let mut own_page: HashMap<String, usize> = HashMap::new();
    for i in 0..pages.len() {
        if let Some(key) = own_key(i) {
            own_page.entry(key).or_insert(i);
        }
    }
    let mut docs: Vec<CitedDocument> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, entry) in pages.iter().enumerate() {
        let own = own_key(i);
        for c in page_citations(entry) {
            let key = number_key(&c.number);
            if own.as_ref() == Some(&key) {
                continue;
            }
            let date = citation_date(&c);
            let at = *by_key.entry(key.clone()).or_insert_with(|| {
                docs.push(CitedDocument {
                    page: own_page.get(&key).copied(),
                    key,
                    number: c.number,
                    doc_type: c.doc_type,
                    date: None,
                    cited_by: Vec::new(),
                    list: None,
                });
                docs.len() - 1
            });
            let doc = &mut docs[at];
            doc.date = doc.date.or(date);
            if doc.cited_by.last() != Some(&i) {
                doc.cited_by.push(i);
            }
        }
    }
    for doc in &mut docs {
        if doc.date.is_none() {
            doc.date = doc.page.and_then(|p| pages[p].page.date);
        }
        doc.cited_by
            .sort_by(|a, b| compare_entries(&pages[*a], &pages[*b], SortBy::Date));
    }
    docs.sort_by(|a, b| {
        collate::compare(&a.doc_type, &b.doc_type)
            .then_with(|| collate::compare(&a.number, &b.number))
            .then_with(|| a.key.cmp(&b.key))
    });
    docs
}

/// Gives each document cited by more than [`CITED_PREVIEW`] pages the path of its list of
/// citing pages, under the documents index `index` (none without an index): its number as
/// a slug (`61/2018/NĐ-CP` → `61-2018-nd-cp`), with `-2`, `-3`… when another document or
/// a page (`taken`) has that path already.
pub fn place_lists(docs: &mut [CitedDocument], index: Option<&str>, taken: &dyn Fn(&str) -> bool) {
    let Some(index) = index else { return };
    let mut used: HashSet<String> = HashSet::new();
    for d in docs.iter_mut().filter(|d| d.cited_by.len() > CITED_PREVIEW) {
        let mut base = slugify(&d.number);
        if base.is_empty() {
            base = "van-ban".to_string();
        }
        let path = (1..)
            .map(|n| match n {
                1 => format!("{index}{LIST_FOLDER}/{base}/"),
                n => format!("{index}{LIST_FOLDER}/{base}-{n}/"),
            })
            .find(|p| !used.contains(p) && !taken(p));
        if let Some(p) = path {
            used.insert(p.clone());
            d.list = Some(p);
        }
    }
}

#[cfg(test)]
mod tests;
