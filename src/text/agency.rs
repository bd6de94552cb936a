//! Agency names (cơ quan) as plans write them. Plans spell one organisation many ways
//! ("UBND xã", "Ủy ban nhân dân xã"; "VP HĐND & UBND xã"; "Phòng Văn hoá-Xã hội"), and a
//! partners cell lists several agencies with the same commas that real names contain
//! ("Báo và Phát thanh, Truyền hình Thái Nguyên" is one newspaper). This module owns:
//!
//! - [`full_name`]: the name with the standard abbreviations written out (the table is in
//!   `table.rs`), `&` read as "và" and every dash, spaced or not, as " - ";
//! - [`agency_key`]: the key under which two spellings are one organisation (the full
//!   name, folded by [`match_key`], then the site's own [`Aliases`]);
//! - [`split_partners`]: a partners cell cut only where every part reads as an agency;
//! - [`split_leads`]: a lead cell naming several agencies cut into each, "và" too.
//!
//! Like the rest of `text`, nothing here fails or panics: a name it cannot read is kept.

mod leads;
mod subject;
mod table;

pub use leads::split_leads;

pub use subject::{
    capitalised, is_agency_name, starts_with_action, subject_agency, without_asking,
};

use std::collections::HashMap;
use std::sync::OnceLock;

use super::fold::{is_dash, match_key, strip_marks};
use super::normalize::nfc;

/// `name` tidied: NFC, `&` as " và ", every dash kind as " - ", whitespace runs as one
/// space, and trailing stops and separators dropped ("UBND xã." → "UBND xã").
fn tidy(name: &str) -> String {
    let mut spaced = String::with_capacity(name.len() + 8);
    for c in nfc(name).chars() {
        match c {
            '&' => spaced.push_str(" và "),
            c if is_dash(c) => spaced.push_str(" - "),
            c => spaced.push(c),
        }
    }
    let joined = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .trim_end_matches(|c: char| matches!(c, '.' | ',' | ';' | ':') || c.is_whitespace())
        .to_string()
}

/// Whether a pattern word is an abbreviation (two or more capitals: "UBND", "TTg"), which
/// matches only in capitals, marks optional.
fn is_abbreviation(word: &str) -> bool {
    word.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// One word of a name: its punctuation before and after, and its folded forms.
struct Word<'a> {
    lead: &'a str,
    bare: &'a str,
    tail: &'a str,
    /// `strip_marks` of `bare`, for abbreviations.
    plain: String,
    /// `match_key` of `bare`, for other words.
    key: String,
}

impl<'a> Word<'a> {
    fn new(word: &'a str) -> Self {
        let is_edge = |c: char| matches!(c, '(' | ')' | '"' | '“' | '”' | ',' | ';' | ':');
        let inner = word.trim_start_matches(is_edge);
        let bare = inner.trim_end_matches(is_edge);
        Word {
            lead: &word[..word.len() - inner.len()],
            tail: &inner[bare.len()..],
            bare,
            plain: strip_marks(bare),
            key: match_key(bare),
        }
    }

    fn matches(&self, pattern: &PatternWord) -> bool {
        if pattern.abbreviation {
            self.plain == pattern.plain || self.plain == pattern.upper
        } else {
            self.key == pattern.key
        }
    }
}

/// A word of a pattern of the abbreviation table, folded once: every word of every name
/// is tried against every pattern, so nothing of a pattern is worked out per try.
struct PatternWord {
    abbreviation: bool,
    plain: String,
    /// `plain` in capitals.
    upper: String,
    key: String,
}

/// The abbreviation table, tidied and folded, longest patterns first.
fn patterns() -> &'static [(Vec<PatternWord>, &'static str)] {
    static PATTERNS: OnceLock<Vec<(Vec<PatternWord>, &'static str)>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let mut list: Vec<(Vec<PatternWord>, &'static str)> = table::ABBREVIATIONS
            .iter()
            .map(|(short, full)| {
                let words = tidy(short)
                    .split(' ')
                    .map(|w| {
                        let plain = strip_marks(w);
                        PatternWord {
                            abbreviation: is_abbreviation(w),
                            upper: plain.to_uppercase(),
                            plain,
                            key: match_key(w),
                        }
                    })
                    .collect();
                (words, *full)
            })
            .collect();
        // Stable: among patterns of one length, the table's order decides.
        list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        list
    })
}

/// The name with the standard abbreviations of Vietnamese administration written out,
/// `&` as "và" and every dash as " - ": "VP HĐND & UBND xã" → "Văn phòng Hội đồng nhân
/// dân và Ủy ban nhân dân xã", "Phòng VH-XH" → "Phòng Văn hóa - Xã hội". Words that are
/// not in the table are kept as written.
pub fn full_name(name: &str) -> String {
    let tidied = tidy(name);
    let words: Vec<Word<'_>> = tidied.split(' ').map(Word::new).collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let rest = &words[i..];
        let found = patterns().iter().find(|(pattern, _)| {
            pattern.len() <= rest.len()
                && pattern.iter().zip(rest).enumerate().all(|(k, (p, w))| {
                    // Inside a pattern, punctuation would join words it does not join.
                    let inner_ok = (k == 0 || w.lead.is_empty())
                        && (k + 1 == pattern.len() || w.tail.is_empty());
                    inner_ok && w.matches(p)
                })
        });
        match found {
            Some((pattern, full)) => {
                let last = &words[i + pattern.len() - 1];
                out.push(format!("{}{full}{}", words[i].lead, last.tail));
                i += pattern.len();
            }
            None => {
                out.push(format!(
                    "{}{}{}",
                    words[i].lead, words[i].bare, words[i].tail
                ));
                i += 1;
            }
        }
    }
    out.join(" ")
}

/// A site's own spellings of its agencies (`[agencies] aliases` in `site.toml`): each
/// spelling, by its key, to the full name of the agency it means.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Aliases {
    by_key: HashMap<String, String>,
}

/// Why an alias entry cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AliasProblem {
    /// The spelling or the name it stands for is blank.
    Blank,
    /// The name it stands for is itself a spelling of the table (holds that entry's target).
    Chain(String),
    /// Another entry gives the same spelling another name (holds that name).
    Conflict(String),
}

impl Aliases {
    /// Adds "`spelling` is the agency `name`". Entries are checked against those added
    /// before, so the caller reports each problem at its own entry. An entry whose two
    /// sides are already one agency (a built-in abbreviation) changes nothing and is no
    /// error: a table written for an older congbo keeps building.
    pub fn insert(&mut self, spelling: &str, name: &str) -> Result<(), AliasProblem> {
        if spelling.trim().is_empty() || name.trim().is_empty() {
            return Err(AliasProblem::Blank);
        }
        let key = match_key(&full_name(spelling));
        let target = full_name(name);
        let target_key = match_key(&target);
        if key == target_key {
            return Ok(());
        }
        if let Some(next) = self.by_key.get(&target_key) {
            return Err(AliasProblem::Chain(next.clone()));
        }
        if let Some(chained) = self.by_key.values().find(|v| match_key(v) == key) {
            // An earlier entry points at this spelling, which now points elsewhere.
            return Err(AliasProblem::Chain(chained.clone()));
        }
        match self.by_key.get(&key) {
            Some(other) if match_key(other) != target_key => {
                Err(AliasProblem::Conflict(other.clone()))
            }
            _ => {
                self.by_key.insert(key, target);
                Ok(())
            }
        }
    }

    /// Whether the site gave no aliases.
    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }
}

/// An agency name read for grouping: its key and its full name (the alias's, when the
/// site's table names it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgencyName {
    /// Equal for two spellings of one organisation.
    pub key: String,
    /// The name written out in full.
    pub full: String,
    /// `full` is the site's alias for the name.
    pub aliased: bool,
}

/// The key and full name of `name`: abbreviations written out, folded by [`match_key`]
/// (case, tone placement, dashes, spaces), then looked up in the site's `aliases`.
pub fn agency_key(name: &str, aliases: &Aliases) -> AgencyName {
    let full = full_name(name);
    let key = match_key(&full);
    match aliases.by_key.get(&key) {
        Some(target) => AgencyName {
            key: match_key(target),
            full: target.clone(),
            aliased: true,
        },
        None => AgencyName {
            key,
            full,
            aliased: false,
        },
    }
}

/// The organisation words and lower-case starts of the table, folded once.
fn starts() -> &'static (Vec<Vec<String>>, Vec<String>) {
    static STARTS: OnceLock<(Vec<Vec<String>>, Vec<String>)> = OnceLock::new();
    STARTS.get_or_init(|| {
        let words = table::ORGANISATION_WORDS
            .iter()
            .map(|w| match_key(w).split(' ').map(str::to_string).collect())
            .collect();
        let lower = table::LOWER_CASE_STARTS
            .iter()
            .map(|s| match_key(s))
            .collect();
        (words, lower)
    })
}

/// Whether `text` starts like an agency's name: with an organisation word (Phòng, Ban,
/// Sở, Ủy ban, Văn phòng, Trung tâm, Báo, Đài, Công an, Hội, Đoàn, Mặt trận, …) written
/// with a capital, abbreviations written out first ("UBND xã"); with an abbreviation the
/// table does not know ("BQLDA"); or with "các" or "sở, ban, ngành".
pub fn reads_as_agency(text: &str) -> bool {
    let tidied = tidy(text);
    let Some(first) = tidied.split(' ').next().filter(|w| !w.is_empty()) else {
        return false;
    };
    let full = full_name(&tidied);
    let key = match_key(&full);
    let (words, lower) = starts();
    let starts_with = |s: &String| {
        key == *s || key.starts_with(&format!("{s} ")) || key.starts_with(&format!("{s},"))
    };
    if lower.iter().any(starts_with) {
        return true;
    }
    if !full.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let letters = || first.chars().filter(|c| c.is_alphabetic());
    if letters().count() >= 2 && letters().all(char::is_uppercase) {
        return true;
    }
    let key_words: Vec<&str> = key.split(' ').collect();
    words
        .iter()
        .any(|w| key_words.len() >= w.len() && key_words[..w.len()] == w[..])
}

/// A partners cell cut into agencies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Split {
    /// The agencies, as written (spaces tidied, a final stop dropped).
    pub parts: Vec<String>,
    /// The cell reads as a list (a later part starts an agency) but its first part does
    /// not, so it was kept whole: the editor should be told, not left with a guess.
    pub unsplit_list: bool,
}

/// Cuts a partners cell at the commas and semicolons followed by a part that reads as an
/// agency on its own ([`reads_as_agency`]); a part that does not stays with the one
/// before it, separator and all. "Công an xã, Báo và Phát thanh, Truyền hình Thái
/// Nguyên" → "Công an xã" and "Báo và Phát thanh, Truyền hình Thái Nguyên"; "UBND xã,
/// phường, thị trấn" stays one. When the first part does not read as an agency but a
/// later one does, the cell is kept whole and `unsplit_list` says so.
pub fn split_partners(cell: &str) -> Split {
    let whole = |unsplit_list| {
        let text = cell.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = text
            .trim_matches(|c: char| matches!(c, ',' | ';') || c.is_whitespace())
            .trim_end_matches('.')
            .trim_end()
            .to_string();
        Split {
            parts: if text.is_empty() { vec![] } else { vec![text] },
            unsplit_list,
        }
    };
    // Parts with where each starts in `cell` and the separator before it.
    let mut segments: Vec<(usize, &str, char)> = Vec::new();
    let mut start = 0;
    let mut before = ',';
    for (i, c) in cell.char_indices() {
        if c == ',' || c == ';' {
            segments.push((start, &cell[start..i], before));
            start = i + c.len_utf8();
            before = c;
        }
    }
    segments.push((start, &cell[start..], before));
    segments.retain(|(_, s, _)| !s.trim().is_empty());
    if segments.len() < 2 {
        return whole(false);
    }
    let cuts: Vec<bool> = segments
        .iter()
        .enumerate()
        .map(|(i, (at, _, _))| i > 0 && reads_as_agency(&cell[*at..]))
        .collect();
    if !cuts.contains(&true) {
        return whole(false);
    }
    if !reads_as_agency(&cell[segments[0].0..]) {
        return whole(true);
    }
    let mut parts: Vec<String> = Vec::new();
    for ((_, text, sep), cut) in segments.iter().zip(&cuts) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        match parts.last_mut() {
            Some(last) if !cut => {
                last.push(*sep);
                last.push(' ');
                last.push_str(&text);
            }
            _ => parts.push(text),
        }
    }
    for p in &mut parts {
        let trimmed = p.trim_end_matches('.').trim_end();
        p.truncate(trimmed.len());
    }
    parts.retain(|p| !p.is_empty());
    Split {
        parts,
        unsplit_list: false,
    }
}

#[cfg(test)]
mod tests;
