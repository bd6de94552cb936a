//! Finds citations of Vietnamese legal documents in running text.
//!
//! A citation is a document type word (`Nghị định`, `Quyết định`, `Kế hoạch`,
//! …, matched in any case), an optional `số`, then a number and
//! symbol such as `61/2018/NĐ-CP`, `26-CTr/TU` or `35/2023/UBTVQH15`, and an
//! optional date (`ngày 15/7/2021`, `ngày 02 tháng 10 năm 2023`,
//! `, ngày 15-7-2021`). Laws (`Luật`, `Bộ luật`, `Pháp lệnh`) may carry a
//! name before `số`: `Luật Hộ tịch số 60/2014/QH13`.
//!
//! Text copied from PDFs often has a stray space after a hyphen or slash
//! (`45/2020/NĐ- CP`); it is tolerated and left out of [`Citation::number`].
//! Use [`number_key`] to compare a cited number with a page's own number.
//!
//! A date that reads as one but cannot exist (`ngày 31/2/2021`) still belongs
//! to the citation's range; only [`Citation::date`] is None.
//!
//! The input is assumed to be Unicode NFC. The search is linear in the input:
//! one pass of a literal-alternation regex finds the type words, and each hit
//! is checked by a hand-written parser that looks ahead a bounded distance.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

pub mod issuer;
mod law;
pub mod matching;
mod parse;
#[cfg(test)]
mod tests;

use parse::{Cursor, parse_citation};

/// A legal-document citation found by [`find_citations`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// Byte range of the whole citation in the input (type word through the date, if any).
    pub range: Range<usize>,
    /// The document type as written in canonical capitalisation, e.g. "Nghị định".
    pub doc_type: String,
    /// The number and symbol, stray spaces removed: "45/2020/NĐ-CP".
    pub number: String,
    /// The date if one follows, as (year, month, day); None if absent or impossible.
    pub date: Option<(i32, u8, u8)>,
    /// The name of a law or ordinance ("Hộ tịch" in "Luật Hộ tịch số 60/2014/QH13"), if
    /// any. A law cited by its name alone ("Luật Ngân sách nhà nước") has an empty
    /// [`Citation::number`] and this name.
    pub name: Option<String>,
    /// The year of issue: from the number (`61/2018/NĐ-CP`), else the date, else a law's
    /// "năm 2022". Numbers repeat every year, so a citation matches a page only when
    /// their years agree.
    pub year: Option<i32>,
    /// Who issued it, as written after "của" ("UBND tỉnh", "Thủ tướng Chính phủ").
    pub issuer: Option<String>,
}

impl Citation {
    /// What citations of one document share: [`number_key`] of the number, or for a law
    /// cited by name alone, the name's [`crate::text::fold::match_key`] after `#`.
    pub fn key(&self) -> String {
        match (&self.name, self.number.is_empty()) {
            (Some(name), true) => format!(
                "#{} {}",
                crate::text::fold::match_key(&self.doc_type),
                crate::text::fold::match_key(name)
            ),
            _ => number_key(&self.number),
        }
    }

    /// Whether the cited document comes from a central body (laws, decrees, the Prime
    /// Minister, ministries), which the national legal database and so the `[legal]
    /// resolver` holds; see [`issuer::is_central`].
    pub fn is_central(&self) -> bool {
        self.number.is_empty() || issuer::is_central(&self.doc_type, &self.number)
    }

    /// What a resolver is asked for: the number, or a law's type and name.
    pub fn resolver_query(&self) -> String {
        match (&self.name, self.number.is_empty()) {
            (Some(name), true) => format!("{} {name}", self.doc_type),
            _ => self.number.clone(),
        }
    }
}

/// The year in a number's second part (`61/2018/NĐ-CP` → 2018), if it has one.
pub fn number_year(number: &str) -> Option<i32> {
    let second = number.split('/').nth(1)?;
    (second.len() == 4 && second.bytes().all(|b| b.is_ascii_digit()))
        .then(|| second.parse().ok())
        .flatten()
}

/// The document type words recognised, in canonical capitalisation.
///
/// They are matched case-insensitively ("nghị định", "NGHỊ ĐỊNH"), with any
/// run of spaces (and at most one line break) between their words.
const DOC_TYPES: &[&str] = &[
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Nghị quyết liên tịch",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Chỉ thị",
    "Thông tư liên tịch",
    "Thông tư",
    "Kế hoạch",
    "Chương trình",
    "Công văn",
    "Hướng dẫn",
    "Thông báo",
    "Báo cáo",
];

/// Types that may carry a name before `số` ("Luật Hộ tịch số …").
const NAMED_TYPES: &[&str] = &["Bộ luật", "Luật", "Pháp lệnh"];

/// A calendar date as (year, month, day).
type Date = (i32, u8, u8);

/// Most words allowed in a law's name.
const MAX_NAME_WORDS: usize = 14;
/// Longest word (in chars) allowed in a law's name.
const MAX_NAME_WORD: usize = 32;
/// Most whitespace chars skipped between two tokens.
const MAX_WS: usize = 8;
/// Most digits in the leading number.
const MAX_DIGITS: usize = 9;
/// Most symbol parts after the number.
const MAX_PARTS: usize = 8;
/// Longest symbol part, in chars.
const MAX_PART: usize = 24;

/// Whitespace between the words of a type word: spaces, at most one line break.
const TYPE_WS: &str = r"(?:[\t\p{Zs}]+(?:\r?\n[\t\p{Zs}]*)?|\r?\n[\t\p{Zs}]*)";

/// The type words as a regex alternation, longest first.
fn type_alternation() -> String {
    let mut types = DOC_TYPES.to_vec();
    // Longest first, so "Nghị quyết liên tịch" wins over "Nghị quyết".
    types.sort_by_key(|t| std::cmp::Reverse(t.len()));
    types
        .iter()
        .map(|t| {
            t.split(' ')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(TYPE_WS)
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// Every type word, anywhere.
static TYPE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?i:{})", type_alternation())).expect("type-word regex is valid")
});

/// Finds every citation in `text`, non-overlapping and in order.
///
/// Runs in time linear in `text.len()`; never panics.
pub fn find_citations(text: &str) -> Vec<Citation> {
    let mut out = Vec::new();
    if !may_hold_number(text) && !may_hold_law(text) {
        return out;
    }
    let mut last_end = 0;
    for hit in TYPE_RE.find_iter(text) {
        if hit.start() < last_end {
            continue;
        }
        if let Some(citation) = parse_citation(text, hit.start(), hit.end()) {
            last_end = citation.range.end;
            out.push(citation);
        }
    }
    out
}

/// The type word `text` ends with, when it ends with "Nghị quyết số" (or "số:") and the
/// number is left for what follows: a PDF copy often puts the number after a blank line.
pub fn dangling_type(text: &str) -> Option<&'static str> {
    let t = text.trim_end();
    let t = t.strip_suffix(':').unwrap_or(t).trim_end();
    let before_so = t
        .strip_suffix("số")
        .or_else(|| t.strip_suffix("Số"))
        .or_else(|| t.strip_suffix("SỐ"))?;
    let head = before_so.trim_end();
    if head.len() == before_so.len() {
        return None;
    }
    // Only the last few words can hold the type word.
    let mut from = head.len().saturating_sub(48);
    while !head.is_char_boundary(from) {
        from += 1;
    }
    let hit = TYPE_RE.find_iter(&head[from..]).last()?;
    let start = from + hit.start();
    let clean_start = !head[..start].chars().next_back().is_some_and(is_word_char);
    (from + hit.end() == head.len() && clean_start)
        .then(|| canonical_type(hit.as_str()))
        .flatten()
}

/// The citation `text` starts with when the text before it ended with a [`dangling_type`]:
/// its number (and date and issuer), with `doc_type` from there.
pub fn continued_citation(doc_type: &str, text: &str) -> Option<Citation> {
    let mut cur = Cursor { s: text, pos: 0 };
    cur.skip_ws();
    let start = cur.pos;
    let number = parse::parse_number(&mut cur)?;
    let mut end = cur.pos;
    let mut date = None;
    if let Some((date_end, d)) = parse::parse_date(cur) {
        end = date_end;
        date = d;
    }
    Some(Citation {
        range: start..end,
        doc_type: doc_type.to_string(),
        issuer: issuer::parse_issuer(Cursor { s: text, pos: end }),
        year: number_year(&number).or(date.map(|d| d.0)),
        number,
        date,
        name: None,
    })
}

/// Key for matching a page's `number` against [`Citation::number`].
///
/// Upper-cases (so "đ" becomes "Đ"), drops whitespace and invisible
/// characters (zero-width spaces, soft hyphens), turns every dash kind into
/// `-` and the look-alike "Ð"/"ð" (eth, common in PDF text) into "Đ":
/// `number_key("45/2020/nđ- cp") == number_key("45/2020/NĐ-CP")`.
pub fn number_key(number: &str) -> String {
    number
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
                )
        })
        .map(|c| match c {
            c if is_dash(c) => '-',
            'Ð' | 'ð' => 'Đ',
            c => c,
        })
        .flat_map(char::to_uppercase)
        .collect()
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

/// Separator inside a number: slash or any dash.
/// Whether `text` has a digit directly followed by a separator, which every citation's
/// number has (`61/…`, `26-CTr/…`). Most running text has none, and this byte scan is
/// far cheaper than the type-word search it spares.
fn may_hold_number(text: &str) -> bool {
    let b = text.as_bytes();
    // Separators are rare in running text: find them with memchr, then look behind.
    memchr::memchr3_iter(b'/', b'-', 0xE2, b).any(|i| {
        i > 0
            && b[i - 1].is_ascii_digit()
            && match b[i] {
                // U+2010–U+2014 and U+2212, the dashes `is_dash` accepts, in UTF-8.
                0xE2 => matches!(
                    (b.get(i + 1), b.get(i + 2)),
                    (Some(0x80), Some(0x90..=0x94)) | (Some(0x88), Some(0x92))
                ),
                _ => true,
            }
    })
}

/// Whether `text` may name a law or ordinance without a number ("Luật Đất đai"): it has
/// "uật" or "UẬT" (Luật, Bộ luật) or "lệnh"/"LỆNH" (Pháp lệnh). A byte search, as cheap
/// as [`may_hold_number`].
fn may_hold_law(text: &str) -> bool {
    static FINDERS: LazyLock<[memchr::memmem::Finder<'static>; 4]> = LazyLock::new(|| {
        ["uật", "UẬT", "lệnh", "LỆNH"].map(|s| memchr::memmem::Finder::new(s.as_bytes()))
    });
    FINDERS.iter().any(|f| f.find(text.as_bytes()).is_some())
}

fn is_sep(c: char) -> bool {
    c == '/' || is_dash(c)
}

/// Horizontal whitespace: tab and the Unicode space separators.
fn is_hspace(c: char) -> bool {
    c.is_whitespace()
        && !matches!(
            c,
            '\n' | '\r' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
}

/// A char that continues a word: letters, digits and combining diacritics.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36F}').contains(&c)
}

static DOC_TYPES_LOWER: LazyLock<Vec<String>> =
    LazyLock::new(|| DOC_TYPES.iter().map(|t| t.to_lowercase()).collect());

/// True if `c` lower-cases to exactly `lower`.
fn fold_eq(c: char, lower: char) -> bool {
    if c == lower {
        true
    } else if c.is_ascii() {
        c.to_ascii_lowercase() == lower
    } else {
        let mut folded = c.to_lowercase();
        folded.next() == Some(lower) && folded.next().is_none()
    }
}

/// If `rest` starts with the lower-case type word `t` in any case (its
/// spaces matching runs of whitespace), the byte length matched.
fn type_len_at(rest: &str, t: &str) -> Option<usize> {
    let mut cur = Cursor { s: rest, pos: 0 };
    for expected in t.chars() {
        if expected == ' ' {
            if cur.skip_ws() == 0 {
                return None;
            }
        } else if !cur.bump().is_some_and(|c| fold_eq(c, expected)) {
            return None;
        }
    }
    Some(cur.pos)
}

/// The canonical spelling of a type word matched by [`TYPE_RE`].
fn canonical_type(matched: &str) -> Option<&'static str> {
    DOC_TYPES_LOWER
        .iter()
        .position(|t| type_len_at(matched, t) == Some(matched.len()))
        .map(|i| DOC_TYPES[i])
}

/// True if `rest` starts with a type word whose first letter is upper-case.
fn starts_capitalised_type(rest: &str) -> bool {
    rest.chars().next().is_some_and(char::is_uppercase)
        && DOC_TYPES_LOWER
            .iter()
            .any(|t| type_len_at(rest, t).is_some_and(|len| !rest[len..].starts_with(is_word_char)))
}
