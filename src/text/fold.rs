//! Owns the folding keys: the forms under which two spellings of the same
//! Vietnamese text are treated as one — [`match_key`] for grouping agencies
//! and matching table headers (tones kept, their placement canonicalised),
//! [`search_fold`] for tone-insensitive search, plus [`strip_marks`] and
//! [`has_marks`].
//!
//! Tone placement: [`match_key`] removes the tone mark from every word and
//! puts it back on the vowel chosen by the *new-style* rule ("hoá", "thuỷ",
//! "khoẻ", "uỷ"), so the key is still readable Vietnamese. Old-style
//! spellings ("hóa", "thủy", "khỏe") therefore give the same key, while
//! different tones stay on the same vowel and so give different keys.
//! The rule, per word: the u of "qu" and the i of "gi" + vowel are not
//! vowels; a vowel with a quality mark takes the tone (the last one: "ươ" →
//! ơ); else the last vowel when a consonant follows ("hoàng"), the middle of
//! three ("ngoài"), the second of oa/oe/uy ("hoá", "khoẻ", "thuỷ") and the
//! first of any other pair ("mía", "múa"). Being a fixed function of the
//! toneless word, it needs no dictionary and is idempotent.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{UnicodeNormalization, is_nfc};

use super::normalize::nfc;

/// The five Vietnamese tone marks in collation order (huyền, hỏi, ngã,
/// sắc, nặng), as combining characters.
const TONE_MARKS: [char; 5] = ['\u{0300}', '\u{0309}', '\u{0303}', '\u{0301}', '\u{0323}'];

/// The combining marks that change the vowel itself rather than the tone:
/// breve (ă), circumflex (â ê ô) and horn (ơ ư).
const QUALITY_MARKS: [char; 3] = ['\u{0306}', '\u{0302}', '\u{031B}'];

/// The tone carried by combining mark `c`: 1 huyền, 2 hỏi, 3 ngã, 4 sắc,
/// 5 nặng; `None` when `c` is not a tone mark.
pub(crate) fn tone_of(c: char) -> Option<u8> {
    TONE_MARKS.iter().position(|&t| t == c).map(|i| i as u8 + 1)
}

/// Whether `c` is one of the dash kinds editors type for a hyphen or dash
/// (hyphen, non-breaking hyphen, figure/en/em dash, bar, minus sign, and
/// the small and fullwidth hyphen-minus forms).
pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// Folds every dash kind to `'-'` and every whitespace run to one space,
/// trimming both ends: the common tail of both keys.
fn fold_dashes_and_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(if is_dash(c) { '-' } else { c });
    }
    out
}

/// The key under which two spellings are "the same": NFC, lower case, dash
/// kinds folded to `'-'`, a dash with a space on either side written as
/// `" - "`, whitespace runs folded to one space and trimmed, and the tone of
/// every word put on the new-style vowel (see the module doc).
///
/// "Văn hoá – Xã hội", "Văn hóa - Xã hội" and "văn hóa -  xã hội" all give
/// `"văn hoá - xã hội"`.
pub fn match_key(s: &str) -> String {
    let folded = fold_dashes_and_spaces(&nfc(s).to_lowercase());
    // A dash touching a space on either side is a separator ("Văn hoá –Xã
    // hội"); one with no space at all is a hyphen inside a word ("Kon-Tum")
    // and is left tight.
    let chars: Vec<char> = folded.chars().collect();
    let mut spaced = String::with_capacity(folded.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        let before = i > 0 && chars[i - 1] == ' ';
        let after = chars.get(i + 1) == Some(&' ');
        if c == '-' && (before || after) {
            spaced.push_str(" - ");
        } else {
            spaced.push(c);
        }
    }
    canonical_tones(&fold_dashes_and_spaces(&spaced))
}

/// Rewrites every word of `s` with its tone on the canonical vowel. A word
/// is a run of letters and combining marks; everything else is copied.
fn canonical_tones(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    for c in s.chars() {
        if c.is_alphabetic() || is_combining_mark(c) {
            word.push(c);
        } else {
            if !word.is_empty() {
                out.push_str(&canonical_word(&word));
                word.clear();
            }
            out.push(c);
        }
    }
    if !word.is_empty() {
        out.push_str(&canonical_word(&word));
    }
    out
}

/// One letter with the combining marks that follow it in NFD. `base` is
/// `None` for marks at the start of a word that have no letter to sit on.
struct Cluster {
    base: Option<char>,
    marks: Vec<char>,
}

impl Cluster {
    /// The lower-case base letter when it is a Vietnamese vowel letter.
    fn vowel(&self) -> Option<char> {
        let c = self.base?.to_lowercase().next()?;
        matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y').then_some(c)
    }

    /// Whether the vowel carries a quality mark (ă â ê ô ơ ư), which always
    /// takes the tone in Vietnamese spelling.
    fn has_quality_mark(&self) -> bool {
        self.marks.iter().any(|m| QUALITY_MARKS.contains(m))
    }
}

/// One word with its tone marks moved onto the canonical vowel.
fn canonical_word(word: &str) -> String {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut tones: Vec<char> = Vec::new();
    let mut first_tone_at: Option<usize> = None;
    for c in super::decompose::nfd(word) {
        if !is_combining_mark(c) {
            clusters.push(Cluster {
                base: Some(c),
                marks: Vec::new(),
            });
            continue;
        }
        if clusters.is_empty() {
            clusters.push(Cluster {
                base: None,
                marks: Vec::new(),
            });
        }
        let last = clusters.len() - 1;
        if tone_of(c).is_some() {
            first_tone_at.get_or_insert(last);
            tones.push(c);
        } else {
            clusters[last].marks.push(c);
        }
    }
    let Some(tone_at) = first_tone_at else {
        // No tone: nothing to move.
        return if is_nfc(word) {
            word.to_owned()
        } else {
            word.nfc().collect()
        };
    };
    let target = tone_target(&clusters, tone_at);
    let mut rebuilt = String::with_capacity(word.len() + 4);
    for (i, cl) in clusters.iter().enumerate() {
        rebuilt.extend(cl.base);
        rebuilt.extend(cl.marks.iter());
        if i == target {
            rebuilt.extend(tones.iter());
        }
    }
    rebuilt.nfc().collect()
}

/// The index of the cluster that takes the tone, by the new-style rule.
/// `tone_at` is where the (first) tone was found; it picks the vowel group
/// when a word has several, and is kept when the word has no vowel.
fn tone_target(clusters: &[Cluster], tone_at: usize) -> usize {
    // Maximal runs of vowel clusters, as index ranges.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, cl) in clusters.iter().enumerate() {
        if cl.vowel().is_none() {
            continue;
        }
        match runs.last_mut() {
            Some((_, end)) if *end == i => *end = i + 1,
            _ => runs.push((i, i + 1)),
        }
    }
    let Some(&(mut start, end)) = runs
        .iter()
        .find(|(s, e)| (*s..*e).contains(&tone_at))
        .or_else(|| runs.first())
    else {
        return tone_at;
    };
    // In "qu…" and "gi…" + vowel the u / i belongs to the consonant.
    if end - start > 1 && start > 0 {
        let prev = clusters[start - 1]
            .base
            .and_then(|c| c.to_lowercase().next());
        let first = clusters[start].vowel();
        if matches!(
            (prev, first),
            (Some('q'), Some('u')) | (Some('g'), Some('i'))
        ) {
            start += 1;
        }
    }
    let run = start..end;
    if let Some(i) = run.clone().rev().find(|&i| clusters[i].has_quality_mark()) {
        return i;
    }
    let len = end - start;
    let closed = end < clusters.len();
    if len == 1 || closed {
        // "toán", "hoàng", "huỳnh": a final consonant pulls it to the last vowel.
        return end - 1;
    }
    if len >= 3 {
        // "ngoài", "xoáy", "khuỷu": the middle vowel.
        return start + 1;
    }
    match (clusters[start].vowel(), clusters[start + 1].vowel()) {
        // The new-style rule: "hoá", "khoẻ", "thuỷ".
        (Some('o'), Some('a' | 'e')) | (Some('u'), Some('y')) => start + 1,
        // "mía", "múa", "túi", "cháo", "hái".
        _ => start,
    }
}

/// `s` with every diacritic removed and đ/Đ turned into d/D, case kept:
/// "Đường Hoà Bình" → "Duong Hoa Binh". Accepts NFC or NFD input.
pub fn strip_marks(s: &str) -> String {
    if s.is_ascii() {
        return s.to_owned();
    }
    if super::decompose::is_covered(s) {
        // Each character's base letter: no mark is left to recompose (the general path
        // below gives the same string, only slower).
        return s
            .chars()
            .map(|c| match c {
                'đ' => 'd',
                'Đ' => 'D',
                c => super::decompose::lookup(c)
                    .and_then(|d| d.first().copied())
                    .unwrap_or(c),
            })
            .collect();
    }
    let stripped: String = s
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect();
    // Recompose what is left (e.g. Hangul jamo) so the output is NFC.
    stripped.nfc().collect()
}

/// The key for tone-insensitive search: [`nfc`], lower case,
/// [`strip_marks`], dash kinds folded to `'-'`, whitespace runs folded to
/// one space and trimmed. "  Đăng KÝ –  Hộ tịch " → "dang ky - ho tich".
pub fn search_fold(s: &str) -> String {
    fold_dashes_and_spaces(&strip_marks(&nfc(s).to_lowercase()))
}

/// Whether [`search_fold`] of `s` starts with one of `keys`, folding only as much of `s`
/// as it takes to tell: plan bodies ask this of every paragraph, and folding a whole
/// paragraph to read its first words made task reading most of a plan's Markdown cost.
///
/// Exact, not a guess: `s` is cut at an ASCII space, which nothing in the fold joins
/// across (no composition, case or sigma rule reaches over a space), so the fold of the
/// part before it is a prefix of the fold of the whole. The first word alone settles
/// most texts (no key goes on from it); else a longer start, else the whole text.
pub fn search_fold_starts_with(s: &str, keys: &[&str]) -> bool {
    let need = keys.iter().map(|k| k.len()).max().unwrap_or(0);
    let space_from = |from: usize| {
        let from = from.min(s.len());
        memchr::memchr(b' ', &s.as_bytes()[from..]).map_or(s.len(), |j| from + j)
    };
    // Four bytes of text a byte of key: a folded letter is never longer than its source,
    // and leading spaces, marks and three-byte letters shrink it.
    for cut in [space_from(0), space_from(4 * need), s.len()] {
        let head = search_fold(&s[..cut]);
        if cut == s.len() {
            return keys.iter().any(|k| head.starts_with(k));
        }
        // `head` is how the whole fold starts: a key it holds is found; a longer key
        // must go on from it.
        if keys
            .iter()
            .any(|k| k.len() <= head.len() && head.starts_with(k))
        {
            return true;
        }
        if !keys
            .iter()
            .any(|k| k.len() > head.len() && k.starts_with(head.as_str()))
        {
            return false;
        }
    }
    false
}

/// Whether `s` has any Vietnamese diacritic — a tone mark, breve,
/// circumflex or horn, precomposed or combining — or the letter đ/Đ.
pub fn has_marks(s: &str) -> bool {
    !s.is_ascii()
        && super::decompose::nfd(s).any(|c| {
            matches!(c, 'đ' | 'Đ') || TONE_MARKS.contains(&c) || QUALITY_MARKS.contains(&c)
        })
}

#[cfg(test)]
mod tests;
