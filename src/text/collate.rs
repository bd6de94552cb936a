//! Owns Vietnamese alphabetical order, for sorting procedure lists, agency
//! names and indexes: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v
//! x y (f j w z in their Latin places), numbers before letters and in
//! numeric order ("Điều 2" < "Điều 10"), tones as a
//! secondary level (ngang < huyền < hỏi < ngã < sắc < nặng, wherever the
//! mark sits), lower case before upper case, then the raw string.

use std::cmp::Ordering;

use unicode_normalization::char::is_combining_mark;

use super::fold::{is_dash, tone_of};
use super::normalize::nfc;

/// The letters in Vietnamese dictionary order, with f j w z (used in
/// foreign names and abbreviations) slotted in where Latin puts them.
const ALPHABET: [char; 33] = [
    'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];

// Primary weights. The first unit of every character's weights tells its
// class and so how many units follow, which keeps the lexicographic order of
// the whole vector equal to a character-by-character comparison.
/// A run of whitespace: sorts before everything, so "an ninh" < "anh".
const W_SPACE: u16 = 0x0001;
/// ASCII punctuation and symbols: `W_ASCII_PUNCT + code point`.
const W_ASCII_PUNCT: u16 = 0x0010;
/// Other non-alphanumeric characters: this unit, then the code point in two units.
const W_OTHER_SYMBOL: u16 = 0x0090;
/// A run of ASCII digits: this unit, the number of significant digits,
/// then each digit, so that shorter numbers (smaller ones) come first.
const W_NUMBER: u16 = 0x0100;
/// Digit runs longer than this are weighed in chunks of this many digits,
/// keeping the length unit in range without losing determinism.
const NUMBER_CHUNK: usize = 1000;
/// Other numeric characters: this unit, then the code point in two units.
const W_OTHER_NUMBER: u16 = 0x0110;
/// Letters of [`ALPHABET`]: `W_LETTER + index`.
const W_LETTER: u16 = 0x0200;
/// Other letters (Greek, CJK, ø …): this unit, then the code point in two units.
const W_OTHER_LETTER: u16 = 0x0300;

/// A collation key: comparing two keys orders their strings the way
/// [`compare`] does. The derived `Ord` compares the fields in order.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Debug, Hash)]
pub struct SortKey {
    /// Letters, digits and separators with tones and case ignored
    /// ("Hoá" and "hoa" agree here).
    pub primary: Vec<u16>,
    /// The tone of each word, 0 ngang … 5 nặng, in word order. Where the
    /// mark sits inside the word does not matter ("hoá" and "hóa" agree).
    pub secondary: Vec<u8>,
    /// 0 for a lower-case and 1 for an upper-case letter, letter by letter.
    pub tertiary: Vec<u8>,
    /// The input itself, so that only equal strings compare equal.
    pub raw: String,
}

/// The collation key of `s`; see the module doc for the order it encodes.
/// NFD and NFC spellings agree on every level except `raw`.
pub fn sort_key(s: &str) -> SortKey {
    let mut key = SortKey {
        primary: Vec::with_capacity(s.len()),
        secondary: Vec::new(),
        tertiary: Vec::new(),
        raw: s.to_owned(),
    };
    // Tones of the word being read; `None` between words.
    let mut word: Option<Vec<u8>> = None;
    // Whitespace is written only when something follows it, so runs count
    // once and leading or trailing space not at all. (The last unit cannot
    // be inspected instead: inside a number a digit 1 equals `W_SPACE`.)
    let mut pending_space = false;
    let clean = nfc(s);
    let mut chars = super::decompose::nfd(&clean).peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            end_word(&mut word, &mut key.secondary);
            pending_space = !key.primary.is_empty();
            continue;
        }
        // A bare combining mark adds no primary weight, so it cannot end
        // the space either.
        let weighs = c.is_alphabetic() || !is_combining_mark(c);
        if pending_space && weighs {
            key.primary.push(W_SPACE);
            pending_space = false;
        }
        if c.is_ascii_digit() {
            end_word(&mut word, &mut key.secondary);
            let mut digits = vec![c];
            // Marks on digits carry nothing; skip them inside the run.
            while let Some(&d) = chars
                .peek()
                .filter(|&&d| d.is_ascii_digit() || is_combining_mark(d))
            {
                if d.is_ascii_digit() {
                    digits.push(d);
                }
                chars.next();
            }
            push_number(&mut key.primary, &digits);
            continue;
        }
        // The marks following a base letter, collected before weighing it
        // because ă, â, ơ … are distinct letters, not a with a mark.
        let mut marks: Vec<char> = Vec::new();
        while let Some(&m) = chars.peek().filter(|&&m| is_combining_mark(m)) {
            marks.push(m);
            chars.next();
        }
        let tones = marks.iter().filter_map(|&m| tone_of(m));
        if c.is_alphabetic() {
            word.get_or_insert_with(Vec::new).extend(tones);
            let lower = c.to_lowercase().next().unwrap_or(c);
            key.tertiary.push(u8::from(lower != c));
            push_letter(&mut key.primary, lower, &marks);
            continue;
        }
        if is_combining_mark(c) {
            // A mark with no letter before it: it may still carry a tone.
            if let Some(tones_so_far) = word.as_mut() {
                tones_so_far.extend(
                    std::iter::once(c)
                        .chain(marks.iter().copied())
                        .filter_map(tone_of),
                );
            }
            continue;
        }
        end_word(&mut word, &mut key.secondary);
        if is_dash(c) {
            key.primary.push(W_ASCII_PUNCT + u16::from(b'-'));
        } else if c.is_ascii() {
            key.primary.push(W_ASCII_PUNCT + c as u16);
        } else if c.is_numeric() {
            push_code_point(&mut key.primary, W_OTHER_NUMBER, c);
        } else {
            push_code_point(&mut key.primary, W_OTHER_SYMBOL, c);
        }
    }
    end_word(&mut word, &mut key.secondary);
    key
}

/// Closes the current word, if any, recording its tones (0 when it has none).
fn end_word(word: &mut Option<Vec<u8>>, secondary: &mut Vec<u8>) {
    if let Some(tones) = word.take() {
        if tones.is_empty() {
            secondary.push(0);
        } else {
            secondary.extend(tones);
        }
    }
}

/// Pushes the primary weight of the lower-case base letter `lower` followed
/// by the combining `marks` (tones included; only vowel-quality marks count).
fn push_letter(primary: &mut Vec<u16>, lower: char, marks: &[char]) {
    let has = |m: char| marks.contains(&m);
    let letter = match lower {
        'a' if has('\u{0306}') => 'ă',
        'a' if has('\u{0302}') => 'â',
        'e' if has('\u{0302}') => 'ê',
        'o' if has('\u{0302}') => 'ô',
        'o' if has('\u{031B}') => 'ơ',
        'u' if has('\u{031B}') => 'ư',
        other => other,
    };
    match ALPHABET.iter().position(|&l| l == letter) {
        Some(i) => primary.push(W_LETTER + i as u16),
        None => push_code_point(primary, W_OTHER_LETTER, letter),
    }
}

/// Pushes the weights of a run of ASCII digits. Leading zeros are dropped
/// so "07" and "7" weigh the same (the raw string still tells them apart).
fn push_number(primary: &mut Vec<u16>, digits: &[char]) {
    let significant = match digits.iter().position(|&d| d != '0') {
        Some(first) => &digits[first..],
        None => &[],
    };
    if significant.is_empty() {
        primary.extend([W_NUMBER, 0]);
    }
    for chunk in significant.chunks(NUMBER_CHUNK) {
        primary.extend([W_NUMBER, chunk.len() as u16]);
        primary.extend(chunk.iter().map(|&d| d as u16 - u16::from(b'0')));
    }
}

/// Pushes `class` and then the code point of `c` as two units (high, low).
fn push_code_point(primary: &mut Vec<u16>, class: u16, c: char) {
    let cp = c as u32;
    primary.extend([class, (cp >> 16) as u16, (cp & 0xFFFF) as u16]);
}

/// Compares two strings in Vietnamese alphabetical order; equal only when
/// the strings are identical. Same as comparing their [`sort_key`]s.
pub fn compare(a: &str, b: &str) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    sort_key(a).cmp(&sort_key(b))
}

#[cfg(test)]
mod tests {
    use super::super::testgen::Lcg;
    use super::*;

    fn sorted(items: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = items.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| compare(a, b));
        v
    }

    #[test]
    fn sorts_agency_fields() {
        let got = sorted(&[
            "Đất đai",
            "Chứng thực",
            "Hộ tịch",
            "Bảo trợ xã hội",
            "An ninh",
        ]);
        assert_eq!(
            got,
            [
                "An ninh",
                "Bảo trợ xã hội",
                "Chứng thực",
                "Đất đai",
                "Hộ tịch"
            ]
        );
    }

    #[test]
    fn strictly_increasing_chains() {
        let chains: &[&[&str]] = &[
            &["an", "ăn", "ân", "bà"],
            &["da", "đa", "e"],
            &["ma", "mà", "mả", "mã", "má", "mạ"],
            &["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"],
            &["e", "ê", "f", "g"],
            &["o", "ô", "ơ", "p"],
            &["u", "ư", "v", "w", "x", "y", "z"],
            &["0", "9", "10", "a"],
            &[
                "00",
                "1",
                "2",
                "07",
                "10",
                "99",
                "100",
                "1000000000000000000000000",
            ],
            &["Điều 2", "Điều 10", "Điều 10a", "Điều 11"],
            &["1.2", "1.10", "2"],
            &["2024", "an"],
            &["an", "an ninh", "anh"],
            &["an", "An", "ăn"],
            &["hoa", "hoà", "hoá", "hoạ", "hoang"],
            &["ma", "mà", "maa"],
            &["ma", "ma ma", "ma mà", "mà ma"],
            &["-", "1", "a", "α", "中"],
            &["Đà Nẵng", "Điện Biên", "Đồng Nai"],
            &["đ", "Đ", "đa"],
        ];
        for chain in chains {
            for pair in chain.windows(2) {
                assert_eq!(
                    compare(pair[0], pair[1]),
                    Ordering::Less,
                    "{:?} < {:?}",
                    pair[0],
                    pair[1]
                );
                assert_eq!(compare(pair[1], pair[0]), Ordering::Greater);
            }
        }
    }

    #[test]
    fn alphabet_order_from_shuffled_letters() {
        let shuffled = [
            "y", "đ", "ơ", "a", "ư", "ê", "â", "z", "c", "ă", "ô", "d", "b", "e", "w", "f", "g",
            "j", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x",
        ];
        let want: Vec<String> = ALPHABET.iter().map(|c| c.to_string()).collect();
        assert_eq!(sorted(&shuffled), want);
        let upper: Vec<String> = shuffled.iter().map(|s| s.to_uppercase()).collect();
        let upper: Vec<&str> = upper.iter().map(String::as_str).collect();
        let want_upper: Vec<String> = want.iter().map(|s| s.to_uppercase()).collect();
        assert_eq!(sorted(&upper), want_upper);
    }

    #[test]
    fn placement_and_normal_form_are_ignored_below_raw() {
        let same: &[(&str, &str)] = &[
            ("hoá", "hóa"),
            ("thuỷ", "thủy"),
            ("khoẻ", "khỏe"),
            ("Hoà Bình", "Hòa Bình"),
            ("hoá", "ho\u{0301}a"),
            ("việt", "vie\u{0323}\u{0302}t"),
            ("a b", "a  b"),
            ("a b", "a\u{00A0}b"),
            ("x", " x "),
            ("a–b", "a-b"),
        ];
        for (a, b) in same {
            let (ka, kb) = (sort_key(a), sort_key(b));
            assert_eq!(ka.primary, kb.primary, "{a:?} vs {b:?}");
            assert_eq!(ka.secondary, kb.secondary, "{a:?} vs {b:?}");
            assert_eq!(ka.tertiary, kb.tertiary, "{a:?} vs {b:?}");
            assert_ne!(compare(a, b), Ordering::Equal, "raw differs");
        }
    }

    #[test]
    fn levels_hold_what_they_say() {
        let k = sort_key("Mà ơi");
        assert_eq!(k.secondary, [1, 0]);
        assert_eq!(k.tertiary, [1, 0, 0, 0]);
        assert_eq!(sort_key("Hoa").primary, sort_key("hoạ").primary);
        assert_eq!(sort_key("").primary, Vec::<u16>::new());
        assert_eq!(compare("", ""), Ordering::Equal);
        assert_eq!(compare("", "a"), Ordering::Less);
    }

    #[test]
    fn collate_property() {
        let mut rng = Lcg::new(0x5EED_0004);
        let items: Vec<String> = (0..600).map(|_| rng.text(8)).collect();
        let keys: Vec<SortKey> = items.iter().map(|s| sort_key(s)).collect();
        for _ in 0..4000 {
            let (i, j, k) = (
                rng.below(items.len()),
                rng.below(items.len()),
                rng.below(items.len()),
            );
            let (a, b, c) = (&items[i], &items[j], &items[k]);
            let ab = compare(a, b);
            assert_eq!(
                ab,
                keys[i].cmp(&keys[j]),
                "compare vs sort_key on {a:?} {b:?}"
            );
            assert_eq!(ab, compare(b, a).reverse(), "antisymmetry on {a:?} {b:?}");
            assert_eq!(ab == Ordering::Equal, a == b, "equality on {a:?} {b:?}");
            if ab != Ordering::Greater && compare(b, c) != Ordering::Greater {
                assert_ne!(
                    compare(a, c),
                    Ordering::Greater,
                    "transitivity on {a:?} {b:?} {c:?}"
                );
            }
        }
        // Sorting by compare and by key must agree exactly.
        let mut by_compare = items.clone();
        by_compare.sort_by(|a, b| compare(a, b));
        let mut by_key = items.clone();
        by_key.sort_by_cached_key(|s| sort_key(s));
        assert_eq!(by_compare, by_key);
    }
}
