//! The search index a static host can serve: small JSON files under `search/` that the
//! theme's `tim-kiem.js` fetches as a query needs them (issue 7).
//!
//! - `search/meta.json`: which shard holds which key prefix, the chunk size, field names;
//! - `search/s/<n>.json`: shards of the word index, split by folded key prefix until each
//!   is small. A shard maps a folded word to its exact spellings, each with its postings
//!   (page, score) as short text (see [`postings`]); and a folded word pair (`"khai
//!   sinh"`) to the pages where the two words stand side by side, which ranks phrases
//!   first;
//! - `search/d/<n>.json`: page records (URL, title, kind, date, fields, snippet text) in
//!   chunks of [`CHUNK`] pages, fetched only for the results shown;
//! - `search/loc.json`: each page's kind and fields, fetched only when a filter is used.
//!
//! Pages are numbered newest first, so a lower number is the newer page on a tie.
//! Built in parallel per page, words interned once per site, folded once per distinct
//! word; every map is sorted before it is written, so the output is byte-identical.

mod cache;
mod count;
mod fx;
mod ids;
mod live;
mod postings;
mod shards;
mod tokens;

#[cfg(test)]
mod tests;

use rayon::prelude::*;
use serde::Serialize;

use crate::content::Kind;
use crate::output_file::{OutputData, OutputFile};
use crate::site::Site;
pub use cache::PageWordsCache;
pub(crate) use fx::FxMap;
pub use live::{IndexUpdate, LiveIndex};
pub(crate) use tokens::{exact, folded};

/// Pages per record chunk: a result page of ten fetches at most ten small chunks.
pub(crate) const CHUNK: usize = 16;
/// Bytes of snippet text kept per page.
const SNIPPET: usize = 240;
/// Neighbour pairs (for phrase ranking) are taken from the first this many words (title,
/// number and fields first, then the body).
const PAIR_WORDS: usize = 64;
/// A word counts at most this many times in a page's score.
const MAX_TF: u32 = 15;
/// Added to the score of a word found in the title, number, code or fields.
pub(crate) const TITLE: u32 = 16;

/// One page's words: slices of a text of its distinct words, lower-cased.
struct PageWords {
    /// Each distinct word once, lower-cased (see [`count`]).
    text: String,
    /// Distinct words: (start, end, score).
    words: Vec<(u32, u32, u32)>,
    /// Distinct pairs of neighbouring plain words, as indexes into `words`.
    pairs: Vec<(u32, u32)>,
}

/// A page as the result list shows it.
#[derive(Serialize)]
struct Record<'a> {
    /// URL.
    u: String,
    /// Title.
    t: &'a str,
    /// Kind.
    k: Kind,
    /// ISO date, empty when none.
    d: String,
    /// Fields.
    f: &'a [String],
    /// Procedure code or document number.
    n: &'a str,
    /// Snippet text.
    s: String,
}

/// The index files of one language's site, at paths under `/search/`.
pub fn index_files(site: &Site) -> Vec<OutputFile> {
    let mut out = Vec::new();
    index_files_into(site, &mut |f| out.push(f));
    out
}

/// [`index_files`], each handed to `sink` as soon as it is made: the page records a batch
/// at a time, then the shards.
pub fn index_files_into(site: &Site, sink: &mut dyn FnMut(OutputFile)) {
    let clock = crate::timing::cpu_clock();
    let mut files = 0;
    index_files_inner(site, &mut |f| {
        files += 1;
        sink(f);
    });
    if let Some((wall, cpu)) = clock {
        eprintln!(
            "{:>8.1} ms wall {:>8.1} ms cpu  search index ({files} files, while the pages render)",
            wall.elapsed().as_secs_f64() * 1000.0,
            (crate::timing::cpu_seconds() - cpu) * 1000.0,
        );
    }
}

/// Pages counted in parallel and merged at a time: a whole number of record chunks.
const BATCH: usize = 256 * CHUNK;

fn index_files_inner(site: &Site, sink: &mut dyn FnMut(OutputFile)) {
    let order = page_order(site);
    let mut merger = shards::Merger::default();
    let mut records_made = 0;
    for batch in order.chunks(BATCH) {
        let (words, records): (Vec<PageWords>, Vec<Record>) = batch
            .par_iter()
            .map(|&i| {
                let (words, snippet) = page_words(site, i);
                (words, record(site, i, snippet))
            })
            .unzip();
        merger.add(&words);
        sink_records(&records, &mut records_made, sink);
    }
    for f in merger.finish().files(site) {
        sink(f);
    }
    sink(json_file("/search/loc.json", &locations(site, &order)));
}

/// Puts the page records in chunks of [`CHUNK`], numbered on from `made`.
fn sink_records(records: &[Record<'_>], made: &mut usize, sink: &mut dyn FnMut(OutputFile)) {
    for chunk in records.chunks(CHUNK) {
        sink(json_file(&format!("/search/d/{made}.json"), &chunk));
        *made += 1;
    }
}

/// Page indexes, newest first (undated last), then by path.
fn page_order(site: &Site) -> Vec<usize> {
    let mut order: Vec<usize> = (0..site.pages.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&site.pages[a].page, &site.pages[b].page);
        b.date.cmp(&a.date).then_with(|| a.path.cmp(&b.path))
    });
    order
}

/// Page `i`'s words, and the snippet of its record.
fn page_words(site: &Site, i: usize) -> (PageWords, String) {
    let e = &site.pages[i];
    let p = &e.page;
    let number = number_of(p);
    // The head (title, number, fields), then the body, in one text as written: counting
    // lower-cases each distinct word once rather than the whole text.
    let mut text = String::with_capacity(p.title.len() + p.body.len() + 320);
    for part in [p.title.as_str(), number]
        .into_iter()
        .chain(p.fields.iter().map(String::as_str))
    {
        text.push_str(part);
        text.push('\n');
    }
    let head_end = text.len();
    // The whole text of the page (issue 25): what a citizen reads is what a query finds.
    if let Some(d) = &p.description {
        text.push_str(d);
        text.push('\n');
    }
    tokens::html_text(&e.rendered.html, &mut text);
    details_text(p, &mut text);
    let snippet = tokens::snippet(&text[head_end..], SNIPPET);
    (count::count(&text, head_end), snippet)
}

/// A procedure's code, else a document's number, else a bulletin's "Bản tin CCHC số
/// 03/2025" (how a reader names an issue when looking for it), else nothing.
fn number_of(p: &crate::content::Page) -> &str {
    let code = p.procedure.as_ref().and_then(|m| m.code.as_deref());
    let bulletin = p.bulletin.as_ref().map(|b| b.label.as_str());
    code.or(p.number.as_deref()).or(bulletin).unwrap_or("")
}

/// Page `i`'s record, with its snippet.
fn record(site: &Site, i: usize, snippet: String) -> Record<'_> {
    let p = &site.pages[i].page;
    Record {
        u: site.config.url(&p.path),
        t: &p.title,
        k: p.kind,
        d: p.date.map(|d| d.iso()).unwrap_or_default(),
        f: &p.fields,
        n: number_of(p),
        s: snippet,
    }
}

/// The text the page's template shows from its front matter rather than its body: a
/// plan's tasks (those of its body's tables are in its HTML already) and legal basis, a
/// procedure's details and dossier, the tags.
fn details_text(p: &crate::content::Page, out: &mut String) {
    let mut parts: Vec<&str> = Vec::new();
    if let Some(plan) = &p.plan {
        for t in &plan.tasks {
            parts.push(&t.name);
            parts.extend(
                [&t.lead, &t.quantity, &t.due, &t.result]
                    .into_iter()
                    .flatten()
                    .map(String::as_str),
            );
            parts.extend(t.partners.iter().map(String::as_str));
        }
        parts.extend(plan.basis.iter().map(String::as_str));
    }
    if let Some(m) = &p.procedure {
        let one = [
            &m.field,
            &m.agency,
            &m.level,
            &m.processing_time,
            &m.fee,
            &m.result,
            &m.receipt_place,
            &m.receipt_hours,
            &m.decision,
        ];
        parts.extend(one.into_iter().flatten().map(String::as_str));
        for list in [&m.ways, &m.subjects, &m.legal_basis, &m.requirements] {
            parts.extend(list.iter().map(String::as_str));
        }
        parts.extend(m.documents.iter().map(|d| d.name.as_str()));
    }
    if let Some(q) = &p.question {
        // The question as sent: citizens search with its words, not the title's.
        let one = [&q.question, &q.asker, &q.field, &q.agency];
        parts.extend(one.into_iter().flatten().map(String::as_str));
    }
    if let Some(m) = &p.survey {
        // Who may take part, and a contest's winners, looked up by name.
        parts.extend(m.participants.as_deref());
        for w in &m.winners {
            parts.push(&w.name);
            parts.extend(w.prize.as_deref());
        }
    }
    if let Some(e) = &p.event {
        // Citizens look for a reception day by its place or who presides.
        let one = [&e.place, &e.presides, &e.attendees];
        parts.extend(one.into_iter().flatten().map(String::as_str));
        parts.extend(e.event_type.map(|t| t.label_vi()));
    }
    parts.extend(p.tags.iter().map(String::as_str));
    for s in parts {
        out.push_str(s);
        out.push('\n');
    }
}

/// A word of at most 16 bytes as one integer (zero-padded: words hold no NUL byte, so
/// two words have the same integer only if they are the same word).
fn packed(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    (b.len() <= 16).then(|| {
        let mut x = [0u8; 16];
        x[..b.len()].copy_from_slice(b);
        u128::from_le_bytes(x)
    })
}

/// [`packed`] of `text[s..e]`, read as one 16-byte load and masked where 16 bytes follow
/// `s` (nearly always): a copy of a few bytes of unknown length is a call to `memcpy`,
/// and this runs for every word of every page.
#[inline]
fn packed_at(text: &str, s: usize, e: usize) -> Option<u128> {
    let len = e - s;
    if len > 16 {
        return None;
    }
    match text.as_bytes().get(s..s + 16) {
        Some(chunk) => {
            let mut x = [0u8; 16];
            x.copy_from_slice(chunk);
            Some(u128::from_le_bytes(x) & MASKS[len])
        }
        None => packed(&text[s..e]),
    }
}

/// The low `len` bytes of a `u128` set, by `len` (0–16): looked up, since a shift of a
/// `u128` by a variable amount is a branchy sequence, paid for every word.
const MASKS: [u128; 17] = {
    let mut t = [u128::MAX; 17];
    let mut len = 0;
    while len < 16 {
        t[len] = (1u128 << (8 * len)) - 1;
        len += 1;
    }
    t
};

/// The word [`packed`] made `key`.
fn unpacked(key: u128) -> String {
    let bytes = key.to_le_bytes();
    let len = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    // A packed word was a whole `str`, so its bytes are UTF-8.
    String::from_utf8_lossy(&bytes[..len]).into_owned()
}

/// Each page's kind (one letter) and field numbers, in index order, for the filters.
#[derive(Serialize)]
struct Locations {
    /// One letter a page: p(lan), n(ews), t(hủ tục), d(ocument), g (page), q(uestion), e(vent),
    /// k(hảo sát), c(uộc thi), b(ulletin).
    k: String,
    /// Per page, its fields as term numbers of the `fields` taxonomy, in the order of its
    /// terms (the search page lists them in that order).
    f: Vec<Vec<usize>>,
}

fn locations(site: &Site, order: &[usize]) -> Locations {
    let fields = site.taxonomies.iter().find(|t| t.name == "fields");
    Locations {
        k: order
            .iter()
            .map(|&i| kind_letter(site.pages[i].page.kind))
            .collect(),
        f: order
            .iter()
            .map(|&i| {
                fields
                    .and_then(|t| t.page_terms.get(i))
                    .map(|l| l.iter().map(|&(term, _)| term).collect())
                    .unwrap_or_default()
            })
            .collect(),
    }
}

/// The letter `loc.json` writes for a kind.
pub(crate) fn kind_letter(k: Kind) -> char {
    match k {
        Kind::Plan => 'p',
        Kind::News => 'n',
        Kind::Procedure => 't',
        Kind::Document => 'd',
        Kind::Page => 'g',
        Kind::Question => 'q',
        Kind::Event => 'e',
        Kind::Survey => 'k',
        Kind::Contest => 'c',
        Kind::Bulletin => 'b',
    }
}

/// A JSON file at `path`.
pub(crate) fn json_file<T: Serialize + ?Sized>(path: &str, value: &T) -> OutputFile {
    OutputFile {
        path: path.to_string(),
        data: OutputData::Bytes(serde_json::to_vec(value).unwrap_or_default()),
    }
}
