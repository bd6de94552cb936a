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

#[cfg(test)]
mod tests;

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
    /// The name between type word and "số" for laws ("Hộ tịch"), if any.
    pub name: Option<String>,
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
const MAX_NAME_WORDS: usize = 8;
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

/// A position in the text; copying it is how the parser backtracks.
#[derive(Clone, Copy)]
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// True unless the next char continues a word.
    fn at_word_end(&self) -> bool {
        !self.peek().is_some_and(is_word_char)
    }

    /// Skips up to [`MAX_WS`] spaces with at most one line break; returns
    /// how many bytes were skipped.
    fn skip_ws(&mut self) -> usize {
        let start = self.pos;
        let mut newline = false;
        for _ in 0..MAX_WS {
            match self.peek() {
                Some(c) if is_hspace(c) => {
                    self.bump();
                }
                Some('\n') if !newline => {
                    self.bump();
                    newline = true;
                }
                Some('\r') if !newline && self.rest().starts_with("\r\n") => {
                    self.pos += 2;
                    newline = true;
                }
                _ => break,
            }
        }
        self.pos - start
    }

    /// Skips one horizontal space (the PDF stray space); true if it did.
    fn stray_space(&mut self) -> bool {
        match self.peek() {
            Some(c) if is_hspace(c) => {
                self.bump();
                true
            }
            _ => false,
        }
    }

    /// Takes up to `max` chars satisfying `pred`.
    fn take_while(&mut self, max: usize, pred: impl Fn(char) -> bool) -> &'a str {
        let start = self.pos;
        for _ in 0..max {
            match self.peek() {
                Some(c) if pred(c) => {
                    self.bump();
                }
                _ => break,
            }
        }
        &self.s[start..self.pos]
    }

    /// Takes ASCII digits; None unless their count is in `min..=max` and no
    /// further digit follows.
    fn digits(&mut self, min: usize, max: usize) -> Option<&'a str> {
        let d = self.take_while(max + 1, |c| c.is_ascii_digit());
        (min..=max).contains(&d.len()).then_some(d)
    }

    /// Consumes `word` (lower-case) if the text has it here in any case,
    /// followed by a word end.
    fn word(&mut self, word: &str) -> bool {
        let mut probe = *self;
        for expected in word.chars() {
            match probe.bump() {
                Some(c) if fold_eq(c, expected) => {}
                _ => return false,
            }
        }
        if probe.at_word_end() {
            *self = probe;
            true
        } else {
            false
        }
    }
}

/// Tries to read a citation whose type word is `text[start..type_end]`.
fn parse_citation(text: &str, start: usize, type_end: usize) -> Option<Citation> {
    if text[..start].chars().next_back().is_some_and(is_word_char) {
        return None;
    }
    let mut cur = Cursor {
        s: text,
        pos: type_end,
    };
    if !cur.at_word_end() {
        return None;
    }
    let doc_type = canonical_type(&text[start..type_end])?;
    if cur.skip_ws() == 0 {
        return None;
    }

    let mut name = None;
    let has_so = if NAMED_TYPES.contains(&doc_type) {
        let (n, has_so) = parse_name(&mut cur)?;
        name = n;
        has_so
    } else {
        false
    };
    if has_so || cur.word("số") {
        let colon = cur.peek() == Some(':');
        if colon {
            cur.bump();
        }
        if cur.skip_ws() == 0 && !colon {
            return None;
        }
    }

    let number = parse_number(&mut cur)?;
    let mut end = cur.pos;
    let mut date = None;
    if let Some((date_end, d)) = parse_date(cur) {
        end = date_end;
        date = d;
    }
    Some(Citation {
        range: start..end,
        doc_type: doc_type.to_string(),
        number,
        date,
        name,
    })
}

/// [`DOC_TYPES`] in lower case.
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

/// Reads a law's optional name up to and including `số`.
///
/// Returns the name (None if `số` came at once) and whether `số` was read;
/// fails when a name is present but no `số` follows within
/// [`MAX_NAME_WORDS`] words, or when a capitalised type word interrupts it.
fn parse_name(cur: &mut Cursor) -> Option<(Option<String>, bool)> {
    let name_start = cur.pos;
    let mut name_end = cur.pos;
    for _ in 0..=MAX_NAME_WORDS {
        let mut probe = *cur;
        if probe.word("số") {
            *cur = probe;
            let name = (name_end > name_start).then(|| {
                cur.s[name_start..name_end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            });
            return Some((name, true));
        }
        if name_end == name_start && cur.peek().is_some_and(|c| c.is_ascii_digit()) {
            // "Luật 60/2014/QH13": no name, no "số".
            return Some((None, false));
        }
        if starts_capitalised_type(cur.rest()) {
            return None;
        }
        let word = cur.take_while(MAX_NAME_WORD + 1, is_word_char);
        if word.is_empty()
            || word.chars().count() > MAX_NAME_WORD
            || !word.chars().all(char::is_alphabetic)
        {
            return None;
        }
        name_end = cur.pos;
        if cur.peek() == Some(',') {
            cur.bump();
        }
        if cur.skip_ws() == 0 {
            return None;
        }
    }
    None
}

/// How one symbol part reads.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    /// `NĐ`, `CP`, `TTg`, `CTr`, `QH13`, `UBTVQH15`: capitals and digits,
    /// plus lone unaccented lower-case letters when there are at least two
    /// capitals.
    Valid,
    /// One capital and up to two lower-case letters (`Ctr`, but also `Ban`):
    /// accepted only when another part follows.
    Short,
    /// Starts with a capital but reads as an ordinary word (`Chính`,
    /// `CPcủa`, `NĐBộ`): two lower-case letters in a row, an accented
    /// lower-case letter, or any other char.
    Bad,
    /// Does not start with a capital: the symbol has ended.
    Ended,
}

/// Classifies one symbol part, `token` being a maximal run of word chars.
fn classify(token: &str) -> Part {
    if !token.chars().next().is_some_and(char::is_uppercase) {
        return Part::Ended;
    }
    let (mut upper, mut lower, mut digits, mut other) = (0, 0, 0, 0);
    let mut two_lower_in_a_row = false;
    let mut prev_lower = false;
    for c in token.chars() {
        let is_lower = c.is_lowercase();
        two_lower_in_a_row |= is_lower && prev_lower;
        prev_lower = is_lower;
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_ascii_lowercase() {
            lower += 1;
        } else if c.is_ascii_digit() {
            digits += 1;
        } else {
            other += 1;
        }
    }
    if other > 0 || upper + lower + digits > MAX_PART {
        Part::Bad
    } else if lower == 0 || (upper >= 2 && !two_lower_in_a_row) {
        Part::Valid
    } else if upper == 1 && lower <= 2 && digits == 0 {
        Part::Short
    } else {
        Part::Bad
    }
}

/// Reads `digits[/year](sep part)+`, dropping stray spaces after separators.
fn parse_number(cur: &mut Cursor) -> Option<String> {
    let mut number = String::from(cur.digits(1, MAX_DIGITS)?);

    if cur.peek() == Some('/') {
        let mut probe = *cur;
        probe.bump();
        probe.stray_space();
        if let Some(year) = probe.digits(4, 4)
            && probe.peek().is_some_and(is_sep)
        {
            number.push('/');
            number.push_str(year);
            *cur = probe;
        }
    }

    // For each accepted part: cursor and number length before it, whether a
    // stray space followed its separator, and whether it was `Part::Short`.
    let mut parts: Vec<(Cursor, usize, bool, bool)> = Vec::new();
    while parts.len() < MAX_PARTS {
        let saved = *cur;
        // "NĐ -CP": a stray space before a separator that is glued to the
        // next part; "NĐ - CP" reads as prose and ends the symbol.
        let space_before = !parts.is_empty() && cur.stray_space();
        if space_before {
            let mut probe = *cur;
            if !probe.bump().is_some_and(is_sep) || !probe.peek().is_some_and(char::is_uppercase) {
                *cur = saved;
                break;
            }
        }
        let Some(sep) = cur.peek().filter(|&c| is_sep(c)) else {
            break;
        };
        cur.bump();
        let spaced = cur.stray_space() || space_before;
        let token = cur.take_while(MAX_PART + 1, is_word_char);
        let kind = classify(token);
        match kind {
            Part::Ended => {
                *cur = saved;
                break;
            }
            Part::Bad if spaced => {
                *cur = saved;
                break;
            }
            Part::Bad => return None,
            Part::Valid | Part::Short => {
                parts.push((saved, number.len(), spaced, kind == Part::Short));
                number.push(sep);
                number.push_str(token);
            }
        }
    }
    // A short title-case part ("Ctr", "Ban") may not end the symbol: drop it
    // if a stray space set it apart, else the whole thing is no citation.
    while let Some(&(saved, len, spaced, short)) = parts.last() {
        if !short {
            break;
        }
        if !spaced {
            return None;
        }
        *cur = saved;
        number.truncate(len);
        parts.pop();
    }
    (!parts.is_empty()).then_some(number)
}

/// Reads an optional date after the number, starting at `cur`.
///
/// Returns where the date text ends and its value (None if impossible).
fn parse_date(mut cur: Cursor) -> Option<(usize, Option<Date>)> {
    let comma = cur.peek() == Some(',');
    if comma {
        cur.bump();
    }
    if cur.skip_ws() == 0 && !comma {
        return None;
    }
    if !cur.word("ngày") || cur.skip_ws() == 0 {
        return None;
    }
    let day = cur.digits(1, 2)?;
    let (month, year);
    match cur.peek() {
        Some(sep @ ('/' | '-' | '.')) => {
            cur.bump();
            month = cur.digits(1, 2)?;
            if cur.bump() != Some(sep) {
                return None;
            }
            year = cur.digits(4, 4)?;
        }
        _ => {
            if cur.skip_ws() == 0 || !cur.word("tháng") || cur.skip_ws() == 0 {
                return None;
            }
            month = cur.digits(1, 2)?;
            if cur.skip_ws() == 0 || !cur.word("năm") || cur.skip_ws() == 0 {
                return None;
            }
            year = cur.digits(4, 4)?;
        }
    }
    if !cur.at_word_end() {
        return None;
    }
    Some((cur.pos, checked_date(year, month, day)))
}

/// Turns digit strings into a real calendar date, or None.
fn checked_date(year: &str, month: &str, day: &str) -> Option<Date> {
    let year: i32 = year.parse().ok()?;
    let month: u8 = month.parse().ok()?;
    let day: u8 = day.parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (year >= 1000 && (1..=days).contains(&day)).then_some((year, month, day))
}
