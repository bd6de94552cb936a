//! Invariants under random, large and adversarial inputs.

use super::*;

/// Checks the invariants every result must keep.
fn assert_well_formed(text: &str, found: &[Citation]) {
    let mut last_end = 0;
    for c in found {
        assert!(c.range.start >= last_end, "overlap in {text:?}");
        assert!(c.range.start < c.range.end && c.range.end <= text.len());
        assert!(text.is_char_boundary(c.range.start) && text.is_char_boundary(c.range.end));
        last_end = c.range.end;
        let slice = &text[c.range.clone()];
        let words: Vec<_> = slice.split_whitespace().collect();
        let type_words = c.doc_type.split(' ').count();
        assert!(words.len() > type_words, "{slice:?}");
        let head = words[..type_words].join(" ").to_lowercase();
        assert_eq!(head, c.doc_type.to_lowercase(), "{slice:?}");
        if c.number.is_empty() {
            // A law cited by its name alone.
            assert!(c.name.as_ref().is_some_and(|n| !n.is_empty()), "{slice:?}");
            continue;
        }
        assert!(!c.number.contains(char::is_whitespace));
        assert!(c.number.starts_with(|ch: char| ch.is_ascii_digit()));
    }
}

/// A tiny deterministic linear congruential generator.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

/// Pieces the random texts are made of, separated by `|`.
const PIECES: &str = "Nghị định|nghị định|Luật|Bộ luật|Pháp lệnh|Kế hoạch|Thông tư liên tịch|\
    Nghị quyết|Chỉ thị|Quyết định|Công văn|Báo cáo|Thông báo|Hướng dẫn|số|Số:|ngày|tháng|năm|\
    Hộ|tịch|của|Chính|phủ|và|này|NĐ|CP|TTg|CTr|Ctr|QĐ|UBND|QH13|Năm|Đ|đ|ĐĐ|x|1|15|2021|\
    2018|02|31|9|123456789|0|76/NQ-CP|45/2020/NĐ- CP|26-CTr/TU|15/7/2021|1/|/NĐ|-CP|/2018|\
    /|-|–|—|‑|,|.|;|:|(|)|*| |  |\u{A0}|\n|\r\n|\n\n|é|\u{301}|θ|😀|ﬁ|ß|İ|\u{212A}";

#[test]
fn random_inputs_never_break_invariants() {
    let pieces: Vec<&str> = PIECES.split('|').collect();
    let mut rng = Lcg(0x5eed);
    let mut total = 0;
    for _ in 0..5000 {
        let len = 1 + rng.next() % 40;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(rng.pick(&pieces));
            // Half the time a space between pieces, else none.
            if rng.next().is_multiple_of(2) {
                text.push(' ');
            }
        }
        let found = find_citations(&text);
        assert_well_formed(&text, &found);
        total += found.len();
        // Every suffix starting on a char boundary must be safe too.
        let cut = rng.next() % (text.len() + 1);
        if let Some(tail) = text.get(cut..) {
            assert_well_formed(tail, &find_citations(tail));
        }
    }
    assert!(
        total > 50,
        "the generator should hit real citations, got {total}"
    );
}

#[test]
fn large_input_completes() {
    let unit = "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ; Luật Hộ tịch số 60/2014/QH13; Kế hoạch này và Kế hoạch số 15; Luật Luật Luật số; 1/2/3/4-5-6 NĐ-CP- ";
    let mut text = String::with_capacity(2 * 1024 * 1024 + unit.len());
    while text.len() < 2 * 1024 * 1024 {
        text.push_str(unit);
    }
    let found = find_citations(&text);
    let units = text.len() / unit.len();
    assert_eq!(found.len(), 2 * units);
    assert_well_formed(&text, &found);
}

#[test]
fn adversarial_inputs_complete() {
    let n = 100_000;
    let inputs = [
        "Luật ".repeat(n),
        "Nghị định số ".repeat(n),
        format!("Nghị định {}", "1".repeat(n)),
        format!("Nghị định 1/{}", "A-".repeat(n)),
        format!("Nghị định 1/{}", "Ab".repeat(n)),
        format!("Luật {}", "a ".repeat(n)),
        format!("Nghị định{}61/2018/NĐ-CP", " ".repeat(n)),
        format!("Nghị định 1/A {}", "ngày ".repeat(n)),
        "Nghị định 1/A-B-C-D-E-F-G-H-I-J-K ".repeat(n / 10),
    ];
    for text in &inputs {
        assert_well_formed(text, &find_citations(text));
    }
    let long_symbol = find_citations("Nghị định 1/A-B-C-D-E-F-G-H-I-J");
    assert_eq!(long_symbol[0].number, "1/A-B-C-D-E-F-G-H");
}

#[test]
fn the_number_prefilter_never_hides_a_citation() {
    // Every separator `is_sep` accepts, right after the digits.
    for sep in [
        "/", "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}",
    ] {
        let text = format!("Theo Chương trình số 26{sep}CTr/TU của Thành ủy.");
        assert!(super::super::may_hold_number(&text), "{sep:?}");
        assert_eq!(find_citations(&text).len(), 1, "{sep:?}");
    }
    assert!(!super::super::may_hold_number(
        "Nghị định số mới ban hành năm 2024."
    ));
}
