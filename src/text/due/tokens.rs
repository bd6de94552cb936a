//! Owns the tokens of a folded due text — words, numbers, symbols — and
//! the small look-ups the form readers in the parent module build on.

/// One piece of the folded due text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Tok {
    /// A run of letters, lower case and without diacritics ("quy", "iii").
    Word(String),
    /// A run of ASCII digits: its value (saturated) and how many digits.
    Num(u32, usize),
    /// Any other single non-space character ('/', '-', ',' …).
    Sym(char),
}

/// Cuts folded text into words, numbers and symbols; spaces only separate.
pub(super) fn tokenize(folded: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut run = String::from(c);
        if c.is_ascii_digit() {
            while let Some(d) = chars.next_if(char::is_ascii_digit) {
                run.push(d);
            }
            // Too long for u32: no form wants more than 4 digits anyway.
            toks.push(Tok::Num(run.parse().unwrap_or(u32::MAX), run.len()));
        } else if c.is_alphabetic() {
            while let Some(l) = chars.next_if(|l| l.is_alphabetic()) {
                run.push(l);
            }
            toks.push(Tok::Word(run));
        } else {
            toks.push(Tok::Sym(c));
        }
    }
    toks
}

/// Whether token `i` is the word `w`.
pub(super) fn word(t: &[Tok], i: usize, w: &str) -> bool {
    matches!(t.get(i), Some(Tok::Word(x)) if x == w)
}

/// The value of token `i` if it is a number of `min..=max` digits.
pub(super) fn num(t: &[Tok], i: usize, min: usize, max: usize) -> Option<i32> {
    match t.get(i) {
        Some(&Tok::Num(v, len)) if (min..=max).contains(&len) => i32::try_from(v).ok(),
        _ => None,
    }
}

/// Token `i` if it is one of the symbols that separate date parts.
pub(super) fn date_sep(t: &[Tok], i: usize) -> Option<char> {
    match t.get(i) {
        Some(&Tok::Sym(c)) if matches!(c, '/' | '-' | '.') => Some(c),
        _ => None,
    }
}

/// Skips one or two connectors ("-", ",", "đến", "và", "tới" …) and
/// returns the index after them, or `None` if there is none at `i`.
pub(super) fn connector(t: &[Tok], i: usize) -> Option<usize> {
    let is_conn = |k: usize| match t.get(k) {
        Some(Tok::Sym(c)) => matches!(c, '-' | ',' | ';' | '&' | '+'),
        Some(Tok::Word(w)) => matches!(w.as_str(), "den" | "toi" | "va" | "hoac"),
        _ => false,
    };
    if !is_conn(i) {
        return None;
    }
    Some(if is_conn(i + 1) { i + 2 } else { i + 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Tok {
        Tok::Word(s.to_owned())
    }

    #[test]
    fn tokenize_table() {
        let cases: Vec<(&str, Vec<Tok>)> = vec![
            ("", vec![]),
            ("   ", vec![]),
            (
                "quy iii/2025",
                vec![w("quy"), w("iii"), Tok::Sym('/'), Tok::Num(2025, 4)],
            ),
            (
                "thang 06 - 5",
                vec![w("thang"), Tok::Num(6, 2), Tok::Sym('-'), Tok::Num(5, 1)],
            ),
            ("t6", vec![w("t"), Tok::Num(6, 1)]),
            ("99999999999", vec![Tok::Num(u32::MAX, 11)]),
            ("a,b", vec![w("a"), Tok::Sym(','), w("b")]),
            ("中文", vec![w("中文")]),
            ("٢", vec![Tok::Sym('٢')]),
        ];
        for (input, want) in cases {
            assert_eq!(tokenize(input), want, "tokenize({input:?})");
        }
    }

    #[test]
    fn lookups() {
        let t = tokenize("quy 3 / 2025 , va den");
        assert!(word(&t, 0, "quy") && !word(&t, 1, "quy") && !word(&t, 99, "quy"));
        assert_eq!(num(&t, 1, 1, 2), Some(3));
        assert_eq!(num(&t, 3, 1, 2), None);
        assert_eq!(num(&t, 3, 4, 4), Some(2025));
        assert_eq!(date_sep(&t, 2), Some('/'));
        assert_eq!(date_sep(&t, 4), None);
        assert_eq!(connector(&t, 4), Some(6));
        assert_eq!(connector(&t, 6), Some(7));
        assert_eq!(connector(&t, 0), None);
        assert_eq!(connector(&t, 99), None);
    }
}
