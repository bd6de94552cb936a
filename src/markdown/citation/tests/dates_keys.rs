//! What a found citation carries: its date, its order among others, its key, its
//! serialised form and every canonical type.

use super::*;
use crate::markdown::citation::parse::checked_date;

#[test]
fn dates() {
    fn date_of(text: &str) -> (Option<(i32, u8, u8)>, &str) {
        let got = find_citations(text);
        assert_eq!(got.len(), 1, "{text:?}");
        (got[0].date, &text[got[0].range.clone()])
    }
    let t = "Quyết định số 1/QĐ-UBND, ngày 15/11/2015 của";
    assert_eq!(
        date_of(t),
        (
            Some((2015, 11, 15)),
            "Quyết định số 1/QĐ-UBND, ngày 15/11/2015"
        )
    );
    let t = "Quyết định số 1/QĐ-UBND ngày 15-7-2021.";
    assert_eq!(
        date_of(t),
        (
            Some((2021, 7, 15)),
            "Quyết định số 1/QĐ-UBND ngày 15-7-2021"
        )
    );
    let t = "Quyết định số 1/QĐ-UBND ngày 15.7.2021";
    assert_eq!(date_of(t), (Some((2021, 7, 15)), t));
    let t = "Quyết định số 1/QĐ-UBND Ngày 5 Tháng 1 Năm 2024";
    assert_eq!(date_of(t), (Some((2024, 1, 5)), t));
    let t = "Quyết định số 1/QĐ-UBND ngày 29/2/2024";
    assert_eq!(date_of(t), (Some((2024, 2, 29)), t));
    // Impossible dates: the text is still part of the citation.
    let t = "Quyết định số 1/QĐ-UBND ngày 29/2/2023";
    assert_eq!(date_of(t), (None, t));
    let t = "Quyết định số 1/QĐ-UBND ngày 31 tháng 4 năm 2021";
    assert_eq!(date_of(t), (None, t));
    let t = "Quyết định số 1/QĐ-UBND ngày 15/13/2021";
    assert_eq!(date_of(t), (None, t));
    let t = "Quyết định số 1/QĐ-UBND ngày 0/1/2021";
    assert_eq!(date_of(t), (None, t));
    assert_eq!(checked_date("1900", "2", "29"), None);
    assert_eq!(checked_date("2000", "2", "29"), Some((2000, 2, 29)));
    // Not dates: the citation ends with the number.
    for t in [
        "Quyết định số 1/QĐ-UBND ngày 15/7",
        "Quyết định số 1/QĐ-UBND ngày 15/7-2021",
        "Quyết định số 1/QĐ-UBND ngày 15/7/21",
        "Quyết định số 1/QĐ-UBND ngày 15/7/20215",
        "Quyết định số 1/QĐ-UBND ngày 15/7/2021a",
        "Quyết định số 1/QĐ-UBND ngày 115/7/2021",
        "Quyết định số 1/QĐ-UBND ngày 15 tháng 7 2021",
        "Quyết định số 1/QĐ-UBND ngàyy 15/7/2021",
        "Quyết định số 1/QĐ-UBND,ngày",
        "Quyết định số 1/QĐ-UBND ,ngày 15/7/2021",
    ] {
        assert_eq!(date_of(t), (None, "Quyết định số 1/QĐ-UBND"), "{t:?}");
    }
}

#[test]
fn several_in_a_row_are_ordered_and_disjoint() {
    let text = "Nghị định số 45/2020/NĐ-CP; Nghị định số 107/2021/NĐ-CP và Luật Hộ tịch số 60/2014/QH13, Chỉ thị 23/CT-TTg.";
    let got = find_citations(text);
    let numbers: Vec<_> = got.iter().map(|c| c.number.as_str()).collect();
    assert_eq!(
        numbers,
        [
            "45/2020/NĐ-CP",
            "107/2021/NĐ-CP",
            "60/2014/QH13",
            "23/CT-TTg"
        ]
    );
    assert!(got.windows(2).all(|w| w[0].range.end <= w[1].range.start));
}

#[test]
fn number_keys() {
    assert_eq!(number_key("45/2020/nđ- cp"), number_key("45/2020/NĐ-CP"));
    assert_eq!(number_key("45/2020/NĐ-CP"), "45/2020/NĐ-CP");
    assert_eq!(number_key("26–CTr/TU"), "26-CTR/TU");
    assert_eq!(number_key("26—ctr / tu"), number_key("26-CTr/TU"));
    assert_eq!(number_key("45/2020/NÐ-CP"), "45/2020/NĐ-CP"); // eth look-alike
    assert_eq!(number_key("45/2020/N\u{200B}Đ-\u{AD}CP"), "45/2020/NĐ-CP");
    assert_eq!(number_key(" 23/CT-\u{A0}TTg\n"), "23/CT-TTG");
    assert_eq!(number_key(""), "");
    // A found number and the same number written cleanly share a key.
    let found = &find_citations("Chỉ thị số 23/CT‑ TTg")[0].number;
    assert_eq!(number_key(found), number_key("23/CT-TTg"));
}

#[test]
fn citation_serializes() {
    fn assert_serialize<T: Serialize>(_: &T) {}
    assert_serialize(&find_citations("Luật Hộ tịch số 60/2014/QH13")[0]);
}

#[test]
fn canonical_types_are_all_reachable() {
    for t in DOC_TYPES {
        let text = format!("{} số 1/ABC ngày 1/1/2020", t.to_lowercase());
        let got = find_citations(&text);
        assert_eq!(got.len(), 1, "{text}");
        assert_eq!(got[0].doc_type, *t);
        assert_eq!(got[0].range, 0..text.len());
    }
}
