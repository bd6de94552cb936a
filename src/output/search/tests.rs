//! Tests of the tokeniser, the folding keys and the shards.

use super::tokens::{each_word, html_text, push_lower};
use super::*;

fn words(text: &str) -> Vec<String> {
    let mut lower = String::new();
    push_lower(text, &mut lower);
    let mut out = Vec::new();
    each_word(&lower, |s, e, _| out.push(lower[s..e].to_string()));
    out
}

#[test]
fn lower_case_matches_the_standard_library_on_vietnamese() {
    let s = "ĐƯỜNG Hòa BÌNH ẤP Ỹ ỴÊN ĂN ĨŨƠ À×Þ Ω";
    let mut out = String::new();
    push_lower(s, &mut out);
    assert_eq!(out, s.to_lowercase());
}

#[test]
fn codes_and_numbers_are_words_whole_and_in_parts() {
    assert_eq!(
        words("Mã 1.001193; Nghị định 61/2018/NĐ-CP."),
        [
            "mã",
            "1",
            "001193",
            "1.001193",
            "nghị",
            "định",
            "61",
            "2018",
            "nđ",
            "cp",
            "61/2018/nđ-cp"
        ]
    );
    // A digit only at the start of the first part still makes a code.
    assert_eq!(
        words("Kế hoạch 4/KH-UBND"),
        ["kế", "hoạch", "4", "kh", "ubnd", "4/kh-ubnd"]
    );
    // A sentence's full stop and a hyphen between words make no code.
    assert_eq!(words("Kon-Tum. Hết"), ["kon", "tum", "hết"]);
}

#[test]
fn words_split_at_signs_and_symbols_of_every_utf8_length() {
    // 2-byte × and ÷ and 3-byte – are not letters; 2-byte combining marks and 4-byte
    // letters are; an emoji (4 bytes) is not.
    assert_eq!(
        words("2×3÷4 – Hoa\u{0301} 𝐀b 😀x"),
        ["2", "3", "4", "hoa\u{0301}", "𝐀b", "x"]
    );
}

#[test]
fn lower_case_matches_the_standard_library_on_every_char_to_u_2100_and_beyond() {
    let s: String = (0..0x2100u32)
        .chain(0x1e00..0x1f00)
        .chain([0x1_d400, 0x1_f600, 0x1_0400])
        .filter_map(char::from_u32)
        .collect();
    let mut out = String::new();
    push_lower(&s, &mut out);
    assert_eq!(out, s.to_lowercase());
}

#[test]
fn lower_case_of_a_packed_word_is_the_standard_librarys_or_none() {
    use super::tokens::lower_packed;
    let lower = |w: &str| lower_packed(packed(w).expect("at most 16 bytes"));
    // Every ASCII byte, sixteen to a word: the edges of the capitals (`@`, `[`, `` ` ``,
    // `{`) in every position of the integer.
    let ascii: Vec<u8> = (1..128).collect();
    for w in ascii.chunks(16).chain(ascii[5..].chunks(16)) {
        let w = std::str::from_utf8(w).expect("ASCII");
        assert_eq!(lower(w), packed(&w.to_lowercase()), "{w:?}");
    }
    // Every character to U+2100 and Vietnamese's U+1E00–U+1EFF, alone and between
    // capitals: the same as the standard library, or `None` when the small letter is
    // written with other bytes than the last.
    let vietnamese = "ĐƯỜNGHÒABÌNHẤPỸỴÊNĂNĨŨƠÀÉÝÂÔ";
    for c in (1..0x2100u32)
        .chain(0x1e00..0x1f00)
        .filter_map(char::from_u32)
    {
        for w in [c.to_string(), format!("A{c}Z"), format!("{c}Đ{c}")] {
            let got = lower(&w);
            assert!(got.is_none() || got == packed(&w.to_lowercase()), "{w:?}");
        }
    }
    for c in vietnamese.chars().chain('A'..='Z') {
        let w = format!("{c}{}", c.to_lowercase());
        assert_eq!(lower(&w), packed(&w.to_lowercase()), "{w:?}");
    }
    assert_eq!(lower("ÀÉ×ÞĐƯ"), packed("àé×þđư"));
    for other in ["İ", "Ω", "\u{212A}", "ẞ"] {
        assert_eq!(lower(other), None, "{other:?}");
    }
}

#[test]
fn lower_case_keeps_ascii_runs_and_other_scripts() {
    let s = "ABC def-GHI Ωμέγα İSTANBUL ÀÉ 123";
    let mut out = String::from("x");
    push_lower(s, &mut out);
    assert_eq!(out, format!("x{}", s.to_lowercase()));
}

#[test]
fn folding_drops_tones_and_đ_and_exact_keeps_tones_in_one_place() {
    assert_eq!(folded("đường"), "duong");
    assert_eq!(folded("nđ-cp"), "nd-cp");
    assert_eq!(exact("hóa"), exact("hoá"));
    assert_eq!(exact("thủy"), exact("thuỷ"));
    assert_ne!(exact("hóa"), exact("hòa"));
    assert_eq!(exact("abc"), "abc");
}

#[test]
fn html_text_drops_tags_and_decodes_entities() {
    let mut out = String::new();
    html_text("<p>A &amp; B</p><p>C&#39;s</p>", &mut out);
    assert_eq!(out, " A & B  C's ");
    // An ampersand before multi-byte text is not cut inside a character.
    let mut out = String::new();
    html_text("&Đường", &mut out);
    assert_eq!(out, "&Đường");
}

#[test]
fn a_packed_word_unpacks_to_itself() {
    for w in [
        "a",
        "khai",
        "nghị",
        "61/2018/nđ-cp",
        "1234567890abcdef",
        "đường",
    ] {
        assert_eq!(packed(w).map(unpacked).as_deref(), Some(w), "{w}");
    }
    // Longer than 16 bytes: kept by its text instead.
    assert_eq!(packed("thành-phố-hồ-chí-minh"), None);
}

#[test]
fn a_word_packed_in_place_is_the_word_packed_alone() {
    let text = "khai sinh 61/2018/nđ-cp thành-phố-hồ-chí-minh đường";
    let mut n = 0;
    each_word(text, |s, e, _| {
        assert_eq!(
            packed_at(text, s, e),
            packed(&text[s..e]),
            "{}",
            &text[s..e]
        );
        n += 1;
    });
    assert!(n > 8);
}

/// The bytes of index files, by path.
fn by_path(files: Vec<OutputFile>) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|f| match f.data {
            OutputData::Bytes(b) => (f.path, b),
            OutputData::Copy(p) => (f.path, p.to_string_lossy().as_bytes().to_vec()),
        })
        .collect();
    out.sort();
    out
}

#[test]
fn kept_words_make_the_same_index_after_a_page_changed() {
    use crate::site::tasks::tests::{build_site, d};
    let news = |n: &str, body: &str| {
        (
            format!("content/tin-tuc/{n}.md"),
            format!("+++\ntitle = \"Tin {n}\"\ndate = 2025-01-0{n}\n+++\n{body}\n"),
        )
    };
    let site = |second: &str| {
        let files = [news("1", "Khai sinh tại xã."), news("2", second)];
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        build_site("", &refs, d(2025, 6, 1))
    };
    let old = site("Đăng ký kết hôn.");
    let mut cache = PageWordsCache::new(&old);
    assert_eq!(by_path(cache.index_files(&old)), by_path(index_files(&old)));
    let new = site("Chứng thực bản sao điện tử.");
    let i = new
        .pages
        .iter()
        .position(|p| p.page.title == "Tin 2")
        .unwrap();
    // Before the update the kept words are the old page's: the index is the old one's.
    assert_ne!(by_path(cache.index_files(&new)), by_path(index_files(&new)));
    // Carried into the new site: the unchanged page's words kept, the changed one counted.
    let carried = PageWordsCache::carried(&new, &cache, &|j| (j != i).then_some(j));
    assert_eq!(
        by_path(carried.index_files(&new)),
        by_path(index_files(&new))
    );
    cache.update(&new, i);
    assert_eq!(by_path(cache.index_files(&new)), by_path(index_files(&new)));
}

/// The tokeniser's rules (the module doc of `tokens`) char by char, plainly: the oracle
/// the byte walk, with its shortcuts for Vietnamese letters, must match.
fn words_by_chars(text: &str) -> Vec<(usize, usize, bool)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
    let word = |k: usize| chars.get(k).is_some_and(|&(_, c)| tokens::is_word_char(c));
    let mut out = Vec::new();
    let (mut k, mut code, mut joined, mut digit) = (0, None, false, false);
    while k < chars.len() {
        if !word(k) {
            k += 1;
            continue;
        }
        let start = k;
        while word(k) {
            digit |= chars[k].1.is_ascii_digit();
            k += 1;
        }
        out.push((at(start), at(k), false));
        code.get_or_insert(start);
        if k + 1 < chars.len() && matches!(chars[k].1, '.' | '/' | '-') && word(k + 1) {
            joined = true;
            k += 1;
            continue;
        }
        if let Some(c) = code.take()
            && joined
            && digit
        {
            out.push((at(c), at(k), true));
        }
        joined = false;
        digit = false;
    }
    out
}

#[test]
fn the_byte_walk_cuts_words_as_the_rules_say_for_every_character() {
    // Every character around the ranges the walk takes by their first bytes (Latin-1,
    // Extended-A/B, IPA, combining marks, Latin Extended Additional), among letters,
    // digits and joiners; then random texts.
    let mut texts: Vec<String> = [(0x80u32, 0x380u32), (0x1d00, 0x1f10), (0x2000, 0x2100)]
        .into_iter()
        .map(|(a, b)| {
            (a..b)
                .filter_map(char::from_u32)
                .flat_map(|c| [c, 'a', c, '1', '.', c, ' ', c, '/', '2', c, '-'])
                .collect()
        })
        .collect();
    let mut rng = crate::text::testgen::Lcg::new(0x5EED_0010);
    for _ in 0..3000 {
        let mut t = rng.text(24);
        for j in ["1.001193", "61/2018/", "-", ".", "/", " "] {
            if rng.below(3) == 0 {
                t.push_str(j);
            }
        }
        texts.push(t);
    }
    for t in texts {
        let mut lower = String::new();
        push_lower(&t, &mut lower);
        for text in [lower.as_str(), t.as_str()] {
            let walked: Vec<_> = tokens::Words::new(text).collect();
            assert_eq!(walked, words_by_chars(text), "on {text:?}");
        }
    }
}
