//! Words as the search index and `tim-kiem.js` both see them. The two must cut and fold
//! text the same way, so the rules are few and written down here (and mirrored in the
//! script):
//! - text is lower-cased; a word is a run of letters, digits and combining marks;
//! - a run of words joined by single `.`, `/` or `-` that holds a digit is also one word,
//!   so procedure codes (`1.001193`) and document numbers (`61/2018/nđ-cp`) are found
//!   whole as well as by their parts;
//! - a word's *folded* key has no diacritics and `đ` as `d` (what a phone without a
//!   Vietnamese keyboard types); its *exact* key keeps the tones, put on the vowel of the
//!   new-style rule (`hóa` = `hoá`), see [`crate::text::fold::match_key`].
//!
//! Cheap on purpose: the page text is lower-cased once and words are slices of it.

use crate::text::fold::{match_key, strip_marks};

/// Whether `c` is part of a word.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Vietnamese letters: Latin-1 and Latin Extended-A/B, Latin Extended Additional.
    if matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}') {
        return c != '\u{00D7}' && c != '\u{00F7}';
    }
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// Whether `c` joins the parts of a code or number (`1.001193`, `61/2018/NĐ-CP`).
fn is_joiner(c: char) -> bool {
    matches!(c, '.' | '/' | '-')
}

/// Calls `f(start, end, is_compound)` for every word of lower-cased `text`, in order:
/// each plain word, and after the last part of a joined code, the code as a whole.
pub(crate) fn each_word(text: &str, mut f: impl FnMut(usize, usize, bool)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    // The current code: its start, and whether it has a joiner and a digit so far.
    let mut code_start: Option<usize> = None;
    let mut joined = false;
    let mut digit = false;
    while i < bytes.len() {
        let (c, len) = next_char(text, i);
        if !is_word_char(c) {
            i += len;
            continue;
        }
        let start = i;
        while i < bytes.len() {
            let (c, len) = next_char(text, i);
            if !is_word_char(c) {
                break;
            }
            digit |= c.is_ascii_digit();
            i += len;
        }
        f(start, i, false);
        code_start.get_or_insert(start);
        // A single joiner followed by a word character continues the code.
        let continues = i + 1 < bytes.len()
            && is_joiner(bytes[i] as char)
            && is_word_char(next_char(text, i + 1).0);
        if continues {
            joined = true;
            i += 1;
            continue;
        }
        if let Some(s) = code_start.take()
            && joined
            && digit
        {
            f(s, i, true);
        }
        joined = false;
        digit = false;
    }
}

/// Appends `s` lower-cased to `out`, with fast paths for ASCII and the Vietnamese
/// letters (the same result as [`str::to_lowercase`] for them).
pub(crate) fn push_lower(s: &str, out: &mut String) {
    for c in s.chars() {
        let l = match c {
            'A'..='Z' => (c as u8 + 32) as char,
            _ if c.is_ascii() => c,
            // À–Þ but ×; Vietnamese pairs in Latin Extended Additional: upper case even.
            '\u{00C0}'..='\u{00DE}' if c != '\u{00D7}' => {
                char::from_u32(c as u32 + 32).unwrap_or(c)
            }
            '\u{1EA0}'..='\u{1EF9}' => char::from_u32(c as u32 | 1).unwrap_or(c),
            'Đ' => 'đ',
            'Ă' => 'ă',
            'Ĩ' => 'ĩ',
            'Ũ' => 'ũ',
            'Ơ' => 'ơ',
            'Ư' => 'ư',
            _ => {
                out.extend(c.to_lowercase());
                continue;
            }
        };
        out.push(l);
    }
}

/// The character at byte `i` and its length (`i` is always on a boundary here).
fn next_char(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    text[i..]
        .chars()
        .next()
        .map_or((' ', 1), |c| (c, c.len_utf8()))
}

/// The folded key of a lower-case word: no diacritics, `đ` as `d`.
pub(crate) fn folded(word: &str) -> String {
    strip_marks(word)
}

/// The exact key of a lower-case word: its tones on the new-style vowel.
pub(crate) fn exact(word: &str) -> String {
    if word.is_ascii() {
        word.to_owned()
    } else {
        match_key(word)
    }
}

/// The plain text of rendered HTML: tags become spaces, the entities the Markdown
/// renderer writes are decoded (others become spaces). Stops once `out` holds `max`
/// bytes or more.
pub(crate) fn html_text(html: &str, out: &mut String, max: usize) {
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        if !push_capped(out, &rest[..i], max) {
            return;
        }
        let tail = &rest[i..];
        if tail.starts_with('<') {
            out.push(' ');
            rest = tail.find('>').map_or("", |j| &tail[j + 1..]);
        } else {
            let end = tail.bytes().take(10).position(|b| b == b';');
            let (text, skip) = match end {
                Some(j) => (entity(&tail[1..j]), j + 1),
                None => ("&", 1),
            };
            out.push_str(text);
            rest = &tail[skip..];
        }
    }
    push_capped(out, rest, max);
}

/// Appends as much of `s` as fits in `max` bytes (whole characters); whether all did.
fn push_capped(out: &mut String, s: &str, max: usize) -> bool {
    let room = max.saturating_sub(out.len());
    if s.len() <= room {
        out.push_str(s);
        return true;
    }
    let mut end = room;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    out.push_str(&s[..end]);
    false
}

/// The text of an entity's name (`amp`, `#39`), a space when unknown.
fn entity(name: &str) -> &'static str {
    match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" | "#34" => "\"",
        "#39" | "#x27" | "apos" => "'",
        _ => " ",
    }
}

/// At most `max` bytes of `text` with runs of white space as one space, cut at a word
/// boundary and marked with `…` when cut.
pub(crate) fn snippet(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(max + 4);
    for w in text.split_whitespace() {
        if out.len() + w.len() + 1 > max {
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
