//! Owns a fast canonical decomposition (NFD) for the text congbo sees most: ASCII and the
//! precomposed Latin letters of Vietnamese with Latin-1 signs (U+00A0–U+024F,
//! U+1E00–U+1EFF) and general punctuation such as dashes and quotes (U+2000–U+206F). Sorting,
//! slugs and folding decompose every title and heading; the general decomposer costs
//! some hundred instructions a character, a table lookup a few. Any other text takes the
//! general path, so results are always exactly those of `unicode_normalization`.

use std::str::Chars;
use std::sync::OnceLock;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{Decompositions, UnicodeNormalization};

/// The ranges the table covers, as (first code point, count).
const RANGES: [(u32, u32); 3] = [(0x00A0, 0x01B0), (0x1E00, 0x0100), (0x2000, 0x0070)];

/// One character's NFD: up to four characters, `len` of them used.
#[derive(Clone, Copy)]
struct Entry {
    chars: [char; 4],
    len: u8,
}

/// The table, built once from `unicode_normalization` itself so it cannot disagree.
fn table() -> &'static [Option<Entry>] {
    static TABLE: OnceLock<Vec<Option<Entry>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        RANGES
            .iter()
            .flat_map(|&(first, count)| first..first + count)
            .map(|cp| char::from_u32(cp).and_then(entry_of))
            .collect()
    })
}

/// The entry of `c`, if its decomposition starts with a starter (a character of
/// combining class 0): then a string of such characters decomposes character by
/// character, with no reordering across characters.
fn entry_of(c: char) -> Option<Entry> {
    let mut chars = ['\0'; 4];
    let mut len = 0;
    for (i, d) in std::iter::once(c).nfd().enumerate() {
        *chars.get_mut(i)? = d;
        len = i + 1;
    }
    (canonical_combining_class(chars[0]) == 0).then_some(Entry {
        chars,
        len: u8::try_from(len).ok()?,
    })
}

/// The decomposition of `c` when the table covers it (ASCII included).
pub(crate) fn lookup(c: char) -> Option<&'static [char]> {
    static ASCII: OnceLock<Vec<char>> = OnceLock::new();
    if c.is_ascii() {
        let ascii = ASCII.get_or_init(|| (0u8..128).map(char::from).collect());
        let i = c as usize;
        return ascii.get(i..i + 1);
    }
    let cp = c as u32;
    let mut offset = 0;
    for &(first, count) in &RANGES {
        if (first..first + count).contains(&cp) {
            let e = table().get((offset + cp - first) as usize)?.as_ref()?;
            return e.chars.get(..usize::from(e.len));
        }
        offset += count;
    }
    None
}

/// Whether every character of `s` is in the table, so [`nfd`] takes the fast path.
pub(crate) fn is_covered(s: &str) -> bool {
    s.chars().all(|c| lookup(c).is_some())
}

/// The NFD of `s`, as `s.nfd()` gives it.
pub(crate) fn nfd(s: &str) -> Nfd<'_> {
    if is_covered(s) {
        Nfd::Fast {
            chars: s.chars(),
            pending: &[],
        }
    } else {
        Nfd::Slow(s.nfd())
    }
}

/// The iterator of [`nfd`].
pub(crate) enum Nfd<'a> {
    /// Character by character through the table.
    Fast {
        chars: Chars<'a>,
        pending: &'static [char],
    },
    /// The general decomposer.
    Slow(Decompositions<Chars<'a>>),
}

impl Iterator for Nfd<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match self {
            Nfd::Fast { chars, pending } => {
                if let Some((&first, rest)) = pending.split_first() {
                    *pending = rest;
                    return Some(first);
                }
                let c = chars.next()?;
                match lookup(c) {
                    Some([first, rest @ ..]) => {
                        *pending = rest;
                        Some(*first)
                    }
                    // Not reached: the whole string was checked to be covered.
                    _ => Some(c),
                }
            }
            Nfd::Slow(d) => d.next(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_path_equals_the_general_decomposer() {
        let all: String = RANGES
            .iter()
            .flat_map(|&(first, count)| first..first + count)
            .filter_map(char::from_u32)
            .chain((0u8..128).map(char::from))
            .collect();
        assert!(is_covered("Đường Hoà Bình, Thủy lợi 2024 – ỹ"));
        for s in [
            all.as_str(),
            "Đường Hoà Bình",
            "Nghị định số 61/2018/NĐ-CP",
            // Not covered: combining marks and other scripts take the general path.
            "Hoa\u{0300} ấ\u{0323} 日本 ø",
            "",
        ] {
            assert_eq!(
                nfd(s).collect::<String>(),
                s.nfd().collect::<String>(),
                "{s:?}"
            );
        }
        // strip_marks takes a shortcut through the table: it must equal the general way.
        let general = |s: &str| -> String {
            let stripped: String = s
                .nfd()
                .filter(|&c| !unicode_normalization::char::is_combining_mark(c))
                .map(|c| match c {
                    'đ' => 'd',
                    'Đ' => 'D',
                    c => c,
                })
                .collect();
            stripped.nfc().collect()
        };
        for c in all.chars() {
            let one = c.to_string();
            assert_eq!(
                super::super::fold::strip_marks(&one),
                general(&one),
                "{c:?}"
            );
            let s = format!("{c}\u{0323}{c}");
            assert_eq!(nfd(&s).collect::<String>(), s.nfd().collect::<String>());
        }
    }
}
