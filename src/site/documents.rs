//! The documents index: every legal document the site cites, with the pages that cite it.
//!
//! Citations come from each page's front matter (a plan's `basis`, a procedure's
//! `legal_basis`, each entry read with [`find_citations`]) and then its rendered body, in
//! page order. Citations are grouped by [`Citation::key`] and year, so `45/2020/NĐ- CP`
//! (copied from a PDF) and `45/2020/NĐ-CP` are one document, and `172/KH-UBND` of 2024
//! and of 2025 two. The number and type shown are those first written; the date is the
//! first one given with a citation, else the date of the site's own page for the document,
//! which is the page its citations match by the links' own rule
//! ([`DocumentPages::find`]). A page citing its own number does not count as citing it.
//! URLs are not decided here: the output stage links the own page, else the resolver.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::{PageEntry, compare_entries};
use crate::content::page::SortBy;
use crate::markdown::citation::matching::{DocumentPages, Found};
use crate::markdown::citation::{Citation, find_citations};
use crate::text::collate;
use crate::text::date::Date;
use crate::text::slug::slugify;

/// One cited document and who cites it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CitedDocument {
    /// [`Citation::key`] and the year: what citations are grouped by. Numbers repeat
    /// every year, so `172/KH-UBND` of 2024 and of 2025 are two documents.
    pub key: String,
    /// Number and symbol as first written (`45/2020/NĐ-CP`); empty for a law cited by its
    /// name alone.
    pub number: String,
    /// A law's name ("Ngân sách nhà nước"), if given.
    pub name: Option<String>,
    /// Document type as first written, in canonical capitalisation (`Nghị định`).
    pub doc_type: String,
    /// Date of issue: the first given with a citation, else the own page's date.
    pub date: Option<Date>,
    /// Year of issue, from the number, a citation's date or a law's "năm 2022".
    pub year: Option<i32>,
    /// The issuer as the first citation naming one writes it ("UBND tỉnh").
    pub issuer: Option<String>,
    /// Issued by a central body: the `[legal] resolver` may link it (see
    /// [`Citation::is_central`]).
    pub central: bool,
    /// What the resolver is asked for ([`Citation::resolver_query`]).
    pub query: String,
    /// Index of the site's own page for the document (the page its citations match, see
    /// [`DocumentPages::find`]), if any.
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

impl CitedDocument {
    /// The citing pages that lists of documents (the documents index, a document's own
    /// page, a list's heading) show by title: the first [`CITED_PREVIEW`] when its list of
    /// them all is rendered (`lists`: the theme has the template), else every one. The
    /// others show only on their slice of that list, so serve, which renders again what a
    /// citer's new title can change, asks here too.
    pub fn shown_citers(&self, lists: bool) -> &[usize] {
        let shown = if lists && self.list.is_some() {
            CITED_PREVIEW.min(self.cited_by.len())
        } else {
            self.cited_by.len()
        };
        &self.cited_by[..shown]
    }

    /// Whether `other` is the same document but for which pages cite it and in what order
    /// (what serve can make again alone: a list's slices, `documents.json`).
    pub fn same_but_citers(&self, other: &CitedDocument) -> bool {
        // Whole, so that a new field is compared here too.
        let CitedDocument {
            key,
            number,
            name,
            doc_type,
            date,
            year,
            issuer,
            central,
            query,
            page,
            cited_by: _,
            list,
        } = self;
        (key, number, name, doc_type, date, year)
            == (
                &other.key,
                &other.number,
                &other.name,
                &other.doc_type,
                &other.date,
                &other.year,
            )
            && (issuer, central, query, page, list)
                == (
                    &other.issuer,
                    &other.central,
                    &other.query,
                    &other.page,
                    &other.list,
                )
    }
}

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

/// What citations of one document share: [`Citation::key`] and the year.
pub fn document_key(c: &Citation) -> String {
    let year = c.year.map(|y| y.to_string()).unwrap_or_default();
    format!("{}@{year}", c.key())
}

/// How a document is named in lists: its number, or a law's type and name.
pub fn shown_number(d: &CitedDocument) -> &str {
    if d.number.is_empty() {
        &d.query
    } else {
        &d.number
    }
}

/// The date of a citation, when it names a real day.
fn citation_date(c: &Citation) -> Option<Date> {
    c.date.and_then(|(y, m, d)| Date::new(y, m, d))
}

/// Collects every cited document, sorted by type then number in Vietnamese order.
/// `site_authority` is the issuer of a page that names none.
pub fn collect_documents(pages: &[PageEntry], site_authority: &str) -> Vec<CitedDocument> {
    let mut own_pages: DocumentPages<usize> = DocumentPages::default();
    for (i, e) in pages.iter().enumerate() {
        if let Some(n) = &e.page.number {
            let authority = e.page.authority.as_deref().unwrap_or(site_authority);
            own_pages.add(n, e.page.date.map(|d| d.year), Some(authority), i);
        }
    }
    let mut docs: Vec<CitedDocument> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, entry) in pages.iter().enumerate() {
        for c in page_citations(entry) {
            // The same rule as the links in the bodies: a page only when one fits.
            let page = match own_pages.find(&c) {
                Found::One(&p) if p == i => continue,
                Found::Several(v) | Found::NoYear(v) if v.iter().all(|&&p| p == i) => continue,
                Found::One(&p) => Some(p),
                _ => None,
            };
            let key = document_key(&c);
            let date = citation_date(&c);
            let at = *by_key.entry(key.clone()).or_insert_with(|| {
                docs.push(CitedDocument {
                    key,
                    central: c.is_central(),
                    query: c.resolver_query(),
                    number: c.number.clone(),
                    name: c.name.clone(),
                    doc_type: c.doc_type.clone(),
                    date: None,
                    year: c.year,
                    issuer: None,
                    page: None,
                    cited_by: Vec::new(),
                    list: None,
                });
                docs.len() - 1
            });
            let doc = &mut docs[at];
            doc.date = doc.date.or(date);
            doc.page = doc.page.or(page);
            if doc.issuer.is_none() {
                doc.issuer = c.issuer;
            }
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
            .then_with(|| a.year.cmp(&b.year))
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
        let mut base = slugify(if d.number.is_empty() {
            &d.query
        } else {
            &d.number
        });
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
