//! Owns the first step every other text function takes: turning whatever an
//! editor pasted (Word documents, PDFs, web forms) into one canonical Unicode
//! form — NFC, plain spaces, no zero-width characters, `\n` line ends.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc, is_nfc_quick};

/// Whether `c` is a space-like character that should be read as a plain
/// `' '`. Office software and PDF exports love these (NBSP in "Điều 1",
/// narrow NBSP before units, ideographic space from IMEs).
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Whether `c` is an invisible formatting character that carries no text.
/// They break search and slug matching while being impossible to see.
fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Normalises `s` to the canonical form used throughout congbo: Unicode NFC,
/// odd spaces (NBSP, U+2000–U+200A, U+202F, U+3000 …) turned into `' '`,
/// zero-width characters (U+200B/C/D, U+2060, BOM) and NUL removed, and CRLF or a
/// lone CR turned into LF.
///
/// ASCII input without `'\r'` is already canonical and is returned as a
/// plain copy without running the normaliser.
pub fn nfc(s: &str) -> String {
    if is_clean_fast(s) {
        return s.to_owned();
    }
    let mut cleaned = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                // CRLF becomes one LF, and a lone CR (old Mac files) too.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                cleaned.push('\n');
            }
            c if is_odd_space(c) => cleaned.push(' '),
            // A NUL (from a broken copy or a binary paste) is invisible in an editor, and
            // would reach the HTML and the open data, which readers reject.
            '\0' => {}
            // Removed before NFC on purpose: a ZWJ between a vowel and its
            // tone mark would otherwise block the composition.
            c if is_zero_width(c) => {}
            c => cleaned.push(c),
        }
    }
    if is_nfc(&cleaned) {
        cleaned
    } else {
        cleaned.nfc().collect()
    }
}

/// [`nfc`] for text the caller owns: returns it unchanged, without copying, when it is
/// already canonical (the usual case for files saved by a careful editor).
pub fn nfc_owned(s: String) -> String {
    if is_clean_fast(&s) { s } else { nfc(&s) }
}

/// A cheap test that `s` needs no work: no CR, no odd or zero-width character, and NFC.
/// Vietnamese typed on a normal keyboard is precomposed letters from a few Unicode blocks,
/// all already NFC, so one pass over the bytes settles the usual case; anything else goes
/// to the exact (slower) quick check.
fn is_clean_fast(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let mut needs_exact_check = false;
    while i < b.len() {
        #[cfg(target_arch = "x86_64")]
        if b.len() >= 17 && i <= b.len() - 17 && block_is_plain_sse2(&b[i..i + 17]) {
            i += 16;
            continue;
        }
        // Skip the ASCII bytes of the next eight in one step: up to the first non-ASCII
        // byte, unless a '\r' comes before it. (Vietnamese words mix ASCII and
        // multi-byte letters every few bytes, so whole ASCII chunks are rare.)
        if let Some(chunk) = b.get(i..i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let x = u64::from_le_bytes(word);
            let high = x & 0x8080_8080_8080_8080;
            let cr = x ^ 0x0d0d_0d0d_0d0d_0d0d;
            let has_cr = cr.wrapping_sub(0x0101_0101_0101_0101) & !cr & 0x8080_8080_8080_8080;
            let has_nul = x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080;
            // Bytes before the first non-ASCII one (8 when all are ASCII).
            let ascii = (high.trailing_zeros() / 8) as usize;
            // The zero-byte trick may flag bytes after a real match, never before it, so
            // the lowest flagged byte is exact.
            let first_cr = ((has_cr | has_nul).trailing_zeros() / 8) as usize;
            if first_cr < ascii {
                return false;
            }
            if ascii > 0 {
                i += ascii;
                continue;
            }
        }
        let c = b[i];
        if c < 0x80 {
            if c == b'\r' || c == 0 {
                return false;
            }
            i += 1;
            continue;
        }
        match c {
            // U+00C0–U+01BF: Latin-1 letters and Latin Extended-A/B (ă â đ ê ô ơ ư …).
            // C2 is U+0080–U+00BF, where U+00A0 (NBSP) must be replaced.
            0xC2 if b.get(i + 1) == Some(&0xA0) => return false,
            0xC2..=0xC6 => i += 2,
            // The rest of a character whose first byte a 16-byte block above accepted.
            0x80..=0xBF => i += 1,
            // U+1EA0–U+1EFF: Latin Extended Additional, the Vietnamese tone letters.
            0xE1 if matches!(b.get(i + 1), Some(0xBA | 0xBB)) => i += 3,
            // U+2000–U+206F: punctuation; dashes and quotes are fine, spaces and joiners not.
            0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
                Some(0x80..=0x8D | 0xAF) => return false,
                _ => i += 3,
            },
            0xE2 if b.get(i + 1) == Some(&0x81) && b.get(i + 2) == Some(&0xA0) => return false,
            0xEF if b.get(i + 1) == Some(&0xBB) && b.get(i + 2) == Some(&0xBF) => return false,
            0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80) => return false,
            _ => {
                needs_exact_check = true;
                i += 1;
            }
        }
    }
    if !needs_exact_check {
        return true;
    }
    !s.chars().any(|c| is_odd_space(c) || is_zero_width(c))
        && is_nfc_quick(s.chars()) == IsNormalized::Yes
}

/// Whether the first 16 of these 17 bytes need no work: each is ASCII other than CR, a
/// continuation byte, the first byte of U+00C0–U+01BF (C3–C6: ă â đ ê ô ơ ư …), or E1
/// followed by BA or BB (U+1EA0–U+1EFF, the Vietnamese tone letters). The 17th byte is
/// only read, to see what follows an E1 in the 16th. Typed Vietnamese passes 16 bytes at
/// a time here instead of one character at a time; any other byte sends the block to the
/// character-by-character check. SSE2 is part of the x86_64 baseline.
#[cfg(target_arch = "x86_64")]
fn block_is_plain_sse2(b: &[u8]) -> bool {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    debug_assert!(b.len() >= 17);
    if b.len() < 17 {
        return false;
    }
    // SAFETY: SSE2 is baseline on x86_64; both unaligned loads read within `b` (bytes
    // 0..16 and 1..17).
    unsafe {
        let v = _mm_loadu_si128(b.as_ptr().cast::<__m128i>());
        let next = _mm_loadu_si128(b.as_ptr().add(1).cast::<__m128i>());
        let byte = |x: u8| _mm_set1_epi8(x as i8);
        // As signed bytes: ASCII is 0..=127, continuation bytes 0x80..=0xBF are
        // -128..=-65, and C3..=C6 are -61..=-58.
        let ascii = _mm_cmpgt_epi8(v, byte(0xFF));
        let cr_or_nul = _mm_or_si128(
            _mm_cmpeq_epi8(v, byte(b'\r')),
            _mm_cmpeq_epi8(v, _mm_set1_epi8(0)),
        );
        let not_cr = _mm_cmpeq_epi8(cr_or_nul, _mm_set1_epi8(0));
        let continuation = _mm_cmplt_epi8(v, byte(0xC0));
        let latin = _mm_and_si128(_mm_cmpgt_epi8(v, byte(0xC2)), _mm_cmplt_epi8(v, byte(0xC7)));
        let tone_letter = _mm_and_si128(
            _mm_cmpeq_epi8(v, byte(0xE1)),
            _mm_or_si128(
                _mm_cmpeq_epi8(next, byte(0xBA)),
                _mm_cmpeq_epi8(next, byte(0xBB)),
            ),
        );
        let ok = _mm_or_si128(
            _mm_or_si128(_mm_and_si128(ascii, not_cr), continuation),
            _mm_or_si128(latin, tone_letter),
        );
        _mm_movemask_epi8(ok) == 0xFFFF
    }
}

/// Whether `s` is already in the form [`nfc`] produces, i.e. `nfc(s) == s`,
/// checked without allocating.
pub fn is_nfc_clean(s: &str) -> bool {
    !s.chars()
        .any(|c| c == '\r' || c == '\0' || is_odd_space(c) || is_zero_width(c))
        && is_nfc(s)
}

#[cfg(test)]
mod tests {
    use super::super::testgen::Lcg;
    use super::*;

    #[test]
    fn nfc_table() {
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("plain ascii", "plain ascii"),
            ("tab\tand\nnewline", "tab\tand\nnewline"),
            // NFD input: "Hoà" with a combining grave, "Việt" with two marks.
            ("Hoa\u{0300}", "Hoà"),
            ("Vie\u{0302}\u{0323}t Nam", "Việt Nam"),
            ("Vie\u{0323}\u{0302}t", "Việt"),
            ("đu\u{031B}o\u{031B}\u{0300}ng", "đường"),
            // Odd spaces.
            ("Điều\u{00A0}1", "Điều 1"),
            ("10\u{202F}km", "10 km"),
            ("a\u{2007}b\u{2000}c\u{200A}d", "a b c d"),
            ("xã\u{3000}hội", "xã hội"),
            // Zero-width characters, including one splitting a tone mark.
            ("\u{FEFF}Tiêu đề", "Tiêu đề"),
            ("a\u{200B}b\u{200C}c\u{200D}d\u{2060}e", "abcde"),
            ("Hoa\u{200D}\u{0301}", "Hoá"),
            // Line ends.
            ("a\r\nb", "a\nb"),
            ("a\rb", "a\nb"),
            ("a\r\r\nb\r", "a\n\nb\n"),
            ("dòng\r\nmới", "dòng\nmới"),
            // NUL bytes are dropped.
            ("a\0b\0", "ab"),
        ];
        for (input, want) in cases {
            assert_eq!(nfc(input), *want, "nfc({input:?})");
            assert!(is_nfc_clean(want), "is_nfc_clean({want:?})");
        }
    }

    #[test]
    fn is_nfc_clean_table() {
        let cases: &[(&str, bool)] = &[
            ("", true),
            ("Việt Nam", true),
            ("Vie\u{0302}\u{0323}t", false),
            ("a\u{00A0}b", false),
            ("a\u{200B}b", false),
            ("a\r\nb", false),
            ("a\nb", true),
            ("a\0b", false),
        ];
        for (input, want) in cases {
            assert_eq!(is_nfc_clean(input), *want, "is_nfc_clean({input:?})");
        }
    }

    #[test]
    fn fast_check_agrees_with_exact_check_at_every_offset() {
        let mut rng = Lcg::new(0x5EED_0002);
        for n in 0..2000 {
            // ASCII padding of every length puts odd characters at every place in an
            // eight-byte chunk, and on chunk boundaries.
            let pad = "abcdefghijklmnop".get(..n % 17).unwrap_or("");
            let s = format!("{pad}{}{pad}", rng.text(20));
            // The fast check may send clean text to the exact path (combining marks that
            // the quick check cannot settle), never unclean text past it.
            if is_clean_fast(&s) {
                assert!(is_nfc_clean(&s), "{s:?}");
            }
            let clean = nfc(&s);
            let padded = format!("{pad}{clean}{pad}");
            let vietnamese = |c: char| {
                c.is_ascii() && c != '\r'
                    || ('\u{C0}'..='\u{1BF}').contains(&c)
                    || ('\u{1EA0}'..='\u{1EFF}').contains(&c)
            };
            if clean.chars().all(vietnamese) {
                assert!(is_clean_fast(&padded), "{padded:?}");
            }
            let with_cr = format!("{pad}x\r{pad}");
            assert!(!is_clean_fast(&with_cr), "{with_cr:?}");
            let with_nul = format!("{pad}x\0{pad}");
            assert!(!is_clean_fast(&with_nul), "{with_nul:?}");
        }
    }

    #[test]
    fn every_odd_character_is_caught_at_every_place_of_a_long_text() {
        // Long enough for the 16-byte blocks: each odd character at each offset, with
        // typed Vietnamese around it.
        let text =
            "Ủy ban nhân dân xã Tân Hòa Lợi thực hiện kế hoạch cải cách hành chính năm 2026. ";
        assert!(is_clean_fast(text) && is_clean_fast(&text.repeat(3)));
        for odd in [
            "\r",
            "\0",
            "\u{A0}",
            "\u{200B}",
            "\u{FEFF}",
            "\u{3000}",
            "a\u{0300}",
            "\u{2009}",
        ] {
            for cut in text.char_indices().map(|(i, _)| i) {
                let s = format!("{}{odd}{}", &text[..cut], &text[cut..]);
                assert!(!is_clean_fast(&s) || is_nfc_clean(&s), "{odd:?} at {cut}");
                assert!(!is_nfc_clean(&s), "{odd:?} at {cut} is not clean");
                assert!(!is_clean_fast(&s), "{odd:?} at {cut} passed the fast check");
            }
        }
    }

    #[test]
    fn nfc_property() {
        let mut rng = Lcg::new(0x5EED_0001);
        for _ in 0..3000 {
            let s = rng.text(24);
            let once = nfc(&s);
            assert!(is_nfc_clean(&once), "not clean after nfc: {s:?}");
            assert_eq!(nfc(&once), once, "nfc not idempotent on {s:?}");
            assert!(!once.contains('\r'));
        }
    }
}
