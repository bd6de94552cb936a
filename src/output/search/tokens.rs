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

/// Calls `f(start, end, is_compound)` for every word of lower-cased `text`, in order:
/// each plain word, and after the last part of a joined code, the code as a whole.
#[cfg(test)]
pub(crate) fn each_word(text: &str, mut f: impl FnMut(usize, usize, bool)) {
    for (s, e, compound) in Words::new(text) {
        f(s, e, compound);
    }
}

/// The words of lower-cased `text` as [`each_word`] gives them, as an iterator: the
/// indexer's loop body is then inlined into the walk (a callback called from two places
/// was not, and cost a call per word of every page).
pub(crate) struct Words<'a> {
    bytes: &'a [u8],
    i: usize,
    /// The current code: its start, and whether it has a joiner and a digit so far.
    code_start: Option<usize>,
    joined: bool,
    digit: bool,
    /// A whole code to give after the word that ended it.
    pending: Option<(usize, usize)>,
}

impl<'a> Words<'a> {
    /// The words of `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        Words {
            bytes: text.as_bytes(),
            i: 0,
            code_start: None,
            joined: false,
            digit: false,
            pending: None,
        }
    }
}

impl Iterator for Words<'_> {
    /// (start, end, is_compound).
    type Item = (usize, usize, bool);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize, bool)> {
        if let Some((s, e)) = self.pending.take() {
            return Some((s, e, true));
        }
        let bytes = self.bytes;
        let mut i = self.i;
        // Up to the next word character.
        loop {
            if i >= bytes.len() {
                self.i = i;
                return None;
            }
            let (word, len) = word_char_at(bytes, i);
            if word {
                break;
            }
            i += len;
        }
        let start = i;
        // To its end; ASCII (most bytes, even in Vietnamese) without decoding.
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                if !ASCII_WORD[usize::from(b)] {
                    break;
                }
                i += 1;
            } else {
                let (word, len) = word_char_at(bytes, i);
                if !word {
                    break;
                }
                i += len;
            }
        }
        // Whether a word holds a digit matters only next to a joiner: looked at then.
        let digit = |s: usize, e: usize| bytes[s..e].iter().any(u8::is_ascii_digit);
        self.code_start.get_or_insert(start);
        // A single joiner followed by a word character continues the code.
        let continues = i + 1 < bytes.len()
            && matches!(bytes[i], b'.' | b'/' | b'-')
            && word_char_at(bytes, i + 1).0;
        if continues {
            self.joined = true;
            self.digit = self.digit || digit(start, i);
            self.i = i + 1;
        } else {
            if let Some(s) = self.code_start.take()
                && self.joined
                && (self.digit || digit(start, i))
            {
                self.pending = Some((s, i));
            }
            self.joined = false;
            self.digit = false;
            self.i = i;
        }
        Some((start, i, false))
    }
}

/// ASCII letters and digits.
const ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Whether the character at byte `i` of UTF-8 `bytes` (on a boundary) is part of a word,
/// and its length; `(false, 1)` past the end. Decodes by hand, and Vietnamese letters not
/// at all: this runs on every character of every indexed page.
#[inline]
fn word_char_at(bytes: &[u8], i: usize) -> (bool, usize) {
    let Some(&b) = bytes.get(i) else {
        return (false, 1);
    };
    if b < 0x80 {
        return (ASCII_WORD[b as usize], 1);
    }
    let next = bytes.get(i + 1).copied().unwrap_or(0);
    // The ranges `is_word_char` takes whole, known by their first bytes: U+00C0–U+00FF
    // but × (C3 97) and ÷ (C3 B7), U+0100–U+023F, U+0240–U+024F, U+1E00–U+1EFF.
    match b {
        0xc3 => return (next != 0x97 && next != 0xb7, 2),
        0xc4..=0xc8 => return (true, 2),
        0xc9 if next < 0x90 => return (true, 2),
        0xe1 if (0xb8..=0xbb).contains(&next) => return (true, 3),
        _ => {}
    }
    let len = utf8_len(b);
    // The lead byte's payload, then six bits from each continuation byte.
    let c = (1..len).fold(u32::from(b & (0x7f >> len)), |c, k| {
        (c << 6) | u32::from(bytes.get(i + k).copied().unwrap_or(0x80) & 0x3f)
    });
    (char::from_u32(c).is_some_and(is_word_char), len)
}

/// The length of the UTF-8 character that starts with the non-ASCII byte `lead`.
fn utf8_len(lead: u8) -> usize {
    match lead {
        ..0xe0 => 2,
        0xe0..0xf0 => 3,
        _ => 4,
    }
}

/// Appends `s` lower-cased to `out` (the same result as [`char::to_lowercase`] on each
/// character). Vietnamese text switches between ASCII and accented letters every few
/// bytes, and going char by char cost as much as the rest of the indexing, so this copies
/// the text, lower-cases its ASCII at once, then fixes the accented capitals in place:
/// each differs from its small letter in its last byte alone.
pub(crate) fn push_lower(s: &str, out: &mut String) {
    let at = out.len();
    out.push_str(s);
    out[at..].make_ascii_lowercase();
    let mut i = at;
    while let Some(j) = next_non_ascii(out.as_bytes(), i) {
        i = j;
        let bytes = out.as_bytes();
        let len = utf8_len(bytes[i]);
        let ch = &bytes[i..(i + len).min(bytes.len())];
        match small_last_byte(ch) {
            Some(x) if x == ch[len - 1] => {}
            Some(x) => {
                // SAFETY: `x` replaces a continuation byte (0x80–0xBF) with another
                // (`small_last_byte` keeps to that range), so the UTF-8 stays valid.
                unsafe { out.as_mut_vec()[i + len - 1] = x };
            }
            None => {
                // Rare letters (Greek, Cyrillic, İ…): char by char from here on.
                let rest = out.split_off(i);
                for c in rest.chars() {
                    out.extend(c.to_lowercase());
                }
                return;
            }
        }
        i += len;
    }
}

/// [`push_lower`] of a word of at most 16 bytes packed as one integer (its bytes in
/// little-endian order, zero after its end), packed the same way; `None` for a word with a
/// letter whose small letter is written with other bytes (Greek, `İ`, the Kelvin sign…),
/// which [`push_lower`] handles. Counting a page's words lower-cases each new spelling:
/// done in a register it needs no copy and no call (`push_lower` on one word was about
/// 340 instructions).
#[inline]
pub(crate) fn lower_packed(key: u128) -> Option<u128> {
    const EACH: u128 = u128::from_le_bytes([1; 16]);
    // ASCII capitals, each byte alone: below 0x80, `b + 0x3f` has its top bit set from
    // `A` on and `b + 0x25` from past `Z`; no byte carries into the next.
    let seven = key & (EACH * 0x7f);
    let from_a = seven + EACH * (0x80 - u128::from(b'A'));
    let past_z = seven + EACH * (0x80 - u128::from(b'Z') - 1);
    let capitals = from_a & !past_z & !key & (EACH * 0x80);
    let lower = key | (capitals >> 2);
    if key & (EACH * 0x80) == 0 {
        return Some(lower);
    }
    // The accented capitals, each differing from its small letter in its last byte.
    let mut bytes = lower.to_le_bytes();
    let mut i = 0;
    while i < 16 && bytes[i] != 0 {
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        let len = utf8_len(bytes[i]);
        let ch = bytes.get(i..i + len)?;
        let x = small_last_byte(ch)?;
        bytes[i + len - 1] = x;
        i += len;
    }
    Some(u128::from_le_bytes(bytes))
}

/// The index of the first byte of `bytes` from `i` on that is not ASCII, found eight bytes
/// a step (a byte at a time was a third of lower-casing a page).
#[inline]
fn next_non_ascii(bytes: &[u8], mut i: usize) -> Option<usize> {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let high = u64::from_le_bytes(w) & 0x8080_8080_8080_8080;
        if high != 0 {
            return Some(i + (high.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    let rest = bytes.get(i..)?;
    rest.iter().position(|&b| b >= 0x80).map(|j| i + j)
}

/// The last byte of the small letter of the UTF-8 character `ch`, for the Vietnamese
/// letters and the marks and punctuation that have no case; `None` for other characters.
/// Always a continuation byte (0x80–0xBF).
fn small_last_byte(ch: &[u8]) -> Option<u8> {
    match *ch {
        // À–Þ but × (U+00C0–U+00DE): +32; à–ÿ as they are.
        [0xc3, x] if (0x80..=0x9e).contains(&x) && x != 0x97 => Some(x + 0x20),
        [0xc3, x] if x >= 0x97 => Some(x),
        // Ă Đ Ĩ Ũ Ơ Ư: the small letter is the next code point.
        [0xc4, x @ (0x82 | 0x90 | 0xa8)] | [0xc5, x @ 0xa8] | [0xc6, x @ (0xa0 | 0xaf)] => {
            Some(x + 1)
        }
        [0xc4, x @ (0x83 | 0x91 | 0xa9)] | [0xc5, x @ 0xa9] | [0xc6, x @ (0xa1 | 0xb0)] => Some(x),
        // Ạ–ỹ (U+1EA0–U+1EF9): capitals even, small letters odd.
        [0xe1, 0xba, x] if x >= 0xa0 => Some(x | 1),
        [0xe1, 0xbb, x] if x <= 0xb9 => Some(x | 1),
        // Combining marks (U+0300–U+036F) and general punctuation (U+2000–U+203F).
        [0xcc, x] | [0xe2, 0x80, x] => Some(x),
        [0xcd, x] if x < 0xb0 => Some(x),
        _ => None,
    }
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

/// The plain text of rendered HTML: the one rule of `text::html`, used here by the index.
pub(crate) use crate::text::html::html_text;

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
