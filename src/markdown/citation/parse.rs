//! The hand-written parser behind [`super::find_citations`]: from a type word, read the
//! optional law name, `số`, the number and symbol, and an optional date, each within a
//! bounded distance so the whole search stays linear.

use super::*;

/// A position in the text; copying it is how the parser backtracks.
#[derive(Clone, Copy)]
pub(super) struct Cursor<'a> {
    pub(super) s: &'a str,
    pub(super) pos: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }

    pub(super) fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    pub(super) fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// True unless the next char continues a word.
    pub(super) fn at_word_end(&self) -> bool {
        !self.peek().is_some_and(is_word_char)
    }

    /// Skips up to [`MAX_WS`] spaces with at most one line break; returns
    /// how many bytes were skipped.
    pub(super) fn skip_ws(&mut self) -> usize {
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
    pub(super) fn stray_space(&mut self) -> bool {
        match self.peek() {
            Some(c) if is_hspace(c) => {
                self.bump();
                true
            }
            _ => false,
        }
    }

    /// Takes up to `max` chars satisfying `pred`.
    pub(super) fn take_while(&mut self, max: usize, pred: impl Fn(char) -> bool) -> &'a str {
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
    pub(super) fn digits(&mut self, min: usize, max: usize) -> Option<&'a str> {
        let d = self.take_while(max + 1, |c| c.is_ascii_digit());
        (min..=max).contains(&d.len()).then_some(d)
    }

    /// Consumes `word` (lower-case) if the text has it here in any case,
    /// followed by a word end.
    pub(super) fn word(&mut self, word: &str) -> bool {
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
pub(super) fn parse_citation(text: &str, start: usize, type_end: usize) -> Option<Citation> {
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
    parse_numbered(text, start, doc_type, cur).or_else(|| {
        // "Luật Thực hiện dân chủ ở cơ sở": a law or ordinance cited by its name alone.
        let written = &text[start..type_end];
        NAMED_TYPES
            .contains(&doc_type)
            .then(|| super::law::parse_by_name(text, start, written, doc_type, cur))
            .flatten()
    })
}

/// The rest of [`parse_citation`] for a citation with a number: `cur` is past the type word
/// and its space.
fn parse_numbered(
    text: &str,
    start: usize,
    doc_type: &'static str,
    mut cur: Cursor,
) -> Option<Citation> {
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
    let year = number_year(&number).or(date.map(|d| d.0));
    Some(Citation {
        range: start..end,
        doc_type: doc_type.to_string(),
        issuer: super::issuer::parse_issuer(Cursor { s: text, pos: end }),
        number,
        date,
        name,
        year,
    })
}

/// [`DOC_TYPES`] in lower case.
/// Reads a law's optional name up to and including `số`.
///
/// Returns the name (None if `số` came at once) and whether `số` was read;
/// fails when a name is present but no `số` follows within
/// [`MAX_NAME_WORDS`] words, or when a capitalised type word interrupts it.
pub(super) fn parse_name(cur: &mut Cursor) -> Option<(Option<String>, bool)> {
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
pub(super) enum Part {
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
pub(super) fn classify(token: &str) -> Part {
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
pub(super) fn parse_number(cur: &mut Cursor) -> Option<String> {
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
pub(super) fn parse_date(mut cur: Cursor) -> Option<(usize, Option<Date>)> {
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
    // "ngày 20 /10/2023", "ngày 14/ 01/2020": text from PDFs puts a stray space beside
    // a separator; one on either side of each is read.
    let mut numeric = cur;
    numeric.stray_space();
    match numeric.peek() {
        Some(sep @ ('/' | '-' | '.')) => {
            cur = numeric;
            cur.bump();
            cur.stray_space();
            month = cur.digits(1, 2)?;
            cur.stray_space();
            if cur.bump() != Some(sep) {
                return None;
            }
            cur.stray_space();
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
pub(super) fn checked_date(year: &str, month: &str, day: &str) -> Option<Date> {
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
