//! Edge cases: case and spacing, laws with names, PDF stray spaces, number boundaries and
//! text that is not a citation.

use super::*;

#[test]
fn type_word_case_and_spacing() {
    check(
        "theo nghị định số 45/2020/NĐ-CP",
        &[(
            "Nghị định",
            "45/2020/NĐ-CP",
            None,
            None,
            "nghị định số 45/2020/NĐ-CP",
        )],
    );
    check(
        "NGHỊ ĐỊNH SỐ 45/2020/NĐ-CP",
        &[(
            "Nghị định",
            "45/2020/NĐ-CP",
            None,
            None,
            "NGHỊ ĐỊNH SỐ 45/2020/NĐ-CP",
        )],
    );
    check(
        "Quyết định Số: 123/QĐ-UBND",
        &[(
            "Quyết định",
            "123/QĐ-UBND",
            None,
            None,
            "Quyết định Số: 123/QĐ-UBND",
        )],
    );
    check(
        "Nghị\u{A0}định  số\n61/2018/NĐ-CP",
        &[(
            "Nghị định",
            "61/2018/NĐ-CP",
            None,
            None,
            "Nghị\u{A0}định  số\n61/2018/NĐ-CP",
        )],
    );
    check(
        "Nghị\r\nđịnh 61/2018/NĐ-CP",
        &[(
            "Nghị định",
            "61/2018/NĐ-CP",
            None,
            None,
            "Nghị\r\nđịnh 61/2018/NĐ-CP",
        )],
    );
    // A blank line (paragraph break) ends the citation attempt.
    check("Nghị định số\n\n61/2018/NĐ-CP", &[]);
    check("Nghị\n\nđịnh 61/2018/NĐ-CP", &[]);
    // Glued to a preceding or following word.
    check("XNghị định 61/2018/NĐ-CP", &[]);
    check("Nghị địnhx 61/2018/NĐ-CP", &[]);
    check("Nghị định số61/2018/NĐ-CP", &[]);
}

#[test]
fn laws_with_names() {
    check(
        "Luật Hộ tịch số 60/2014/QH13",
        &[(
            "Luật",
            "60/2014/QH13",
            None,
            Some("Hộ tịch"),
            "Luật Hộ tịch số 60/2014/QH13",
        )],
    );
    check(
        "theo Bộ luật Dân sự số 91/2015/QH13 ngày 24/11/2015.",
        &[(
            "Bộ luật",
            "91/2015/QH13",
            Some((2015, 11, 24)),
            Some("Dân sự"),
            "Bộ luật Dân sự số 91/2015/QH13 ngày 24/11/2015",
        )],
    );
    check(
        "Luật Cán bộ, công chức số 22/2008/QH12",
        &[(
            "Luật",
            "22/2008/QH12",
            None,
            Some("Cán bộ, công chức"),
            "Luật Cán bộ, công chức số 22/2008/QH12",
        )],
    );
    // Eight words, one of them the lower-case type word "luật".
    check(
        "Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13",
        &[(
            "Luật",
            "80/2015/QH13",
            None,
            Some("Ban hành văn bản quy phạm pháp luật"),
            "Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13",
        )],
    );
    check(
        "Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14",
        &[(
            "Pháp lệnh",
            "02/2020/UBTVQH14",
            None,
            Some("Ưu đãi người có công với cách mạng"),
            "Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14",
        )],
    );
    // Fifteen words is too many.
    check(
        "Luật một hai ba bốn năm sáu bảy tám chín mười một hai ba bốn năm số 1/2000/QH10",
        &[],
    );
    // A name and a number need "số" between them; the name alone is still a citation.
    check(
        "Luật Hộ tịch 60/2014/QH13",
        &[("Luật", "", None, Some("Hộ tịch"), "Luật Hộ tịch")],
    );
    check(
        "Luật 60/2014/QH13",
        &[("Luật", "60/2014/QH13", None, None, "Luật 60/2014/QH13")],
    );
    // A capitalised type word ends the name: the second law is the citation.
    check(
        "Luật Cán bộ, công chức và Luật Viên chức số 52/2019/QH14",
        &[
            // Cited by its name alone: the comma belongs to the name.
            (
                "Luật",
                "",
                None,
                Some("Cán bộ, công chức"),
                "Luật Cán bộ, công chức",
            ),
            (
                "Luật",
                "52/2019/QH14",
                None,
                Some("Viên chức"),
                "Luật Viên chức số 52/2019/QH14",
            ),
        ],
    );
    // "một số điều" is not "số" + number; the amending law's own name is
    // not reached, the last law named is taken (a known limit).
    check(
        "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức số 52/2019/QH14",
        &[
            // Cited by its name alone: the comma belongs to the name.
            (
                "Luật",
                "",
                None,
                Some("Cán bộ, công chức"),
                "Luật Cán bộ, công chức",
            ),
            (
                "Luật",
                "52/2019/QH14",
                None,
                Some("Viên chức"),
                "Luật Viên chức số 52/2019/QH14",
            ),
        ],
    );
    // The lower-case type word alone cites the law.
    check(
        "văn bản quy phạm pháp luật số 80/2015/QH13",
        &[("Luật", "80/2015/QH13", None, None, "luật số 80/2015/QH13")],
    );
    // Names only for laws.
    check("Nghị định Chính phủ số 61/2018/NĐ-CP", &[]);
    check("pháp luật số lượng lớn", &[]);
}

#[test]
fn pdf_stray_spaces() {
    check(
        "Nghị định số 45/2020/NĐ- CP ngày 09/4/2020",
        &[(
            "Nghị định",
            "45/2020/NĐ-CP",
            Some((2020, 4, 9)),
            None,
            "Nghị định số 45/2020/NĐ- CP ngày 09/4/2020",
        )],
    );
    check(
        "Chỉ thị số 23/CT- TTg của Thủ tướng",
        &[("Chỉ thị", "23/CT-TTg", None, None, "Chỉ thị số 23/CT- TTg")],
    );
    check(
        "Kế hoạch số 12/ KH-UBND;",
        &[(
            "Kế hoạch",
            "12/KH-UBND",
            None,
            None,
            "Kế hoạch số 12/ KH-UBND",
        )],
    );
    check(
        "Nghị định 45/ 2020/NĐ-CP",
        &[(
            "Nghị định",
            "45/2020/NĐ-CP",
            None,
            None,
            "Nghị định 45/ 2020/NĐ-CP",
        )],
    );
    check(
        "Nghị định 45/2020/NĐ -CP.",
        &[(
            "Nghị định",
            "45/2020/NĐ-CP",
            None,
            None,
            "Nghị định 45/2020/NĐ -CP",
        )],
    );
    // A dash with spaces on both sides is prose, not part of the number.
    check(
        "Công văn số 12/UBND - UBND xã",
        &[("Công văn", "12/UBND", None, None, "Công văn số 12/UBND")],
    );
    check(
        "Kế hoạch số 12/KH-UBND- Trung tâm",
        &[(
            "Kế hoạch",
            "12/KH-UBND",
            None,
            None,
            "Kế hoạch số 12/KH-UBND",
        )],
    );
    check(
        "Kế hoạch số 12/KH-UBND- Ban Chỉ đạo",
        &[(
            "Kế hoạch",
            "12/KH-UBND",
            None,
            None,
            "Kế hoạch số 12/KH-UBND",
        )],
    );
    check(
        "Chương trình số 26–CTr/TU",
        &[(
            "Chương trình",
            "26–CTr/TU",
            None,
            None,
            "Chương trình số 26–CTr/TU",
        )],
    );
}

#[test]
fn number_boundaries() {
    let one = |text: &str, number: &str, matched: &str| {
        let got = find_citations(text);
        assert_eq!(got.len(), 1, "{text:?} → {got:?}");
        assert_eq!(got[0].number, number, "{text:?}");
        assert_eq!(&text[got[0].range.clone()], matched, "{text:?}");
    };
    one(
        "Nghị định 61/2018/NĐ-CP của Chính phủ",
        "61/2018/NĐ-CP",
        "Nghị định 61/2018/NĐ-CP",
    );
    one(
        "(Nghị định 61/2018/NĐ-CP).",
        "61/2018/NĐ-CP",
        "Nghị định 61/2018/NĐ-CP",
    );
    one(
        "Nghị định 61/2018/NĐ-CP, Luật",
        "61/2018/NĐ-CP",
        "Nghị định 61/2018/NĐ-CP",
    );
    one(
        "Nghị định 61/2018/NĐ-CP; và",
        "61/2018/NĐ-CP",
        "Nghị định 61/2018/NĐ-CP",
    );
    one(
        "**Nghị định 61/2018/NĐ-CP**",
        "61/2018/NĐ-CP",
        "Nghị định 61/2018/NĐ-CP",
    );
    one(
        "[Quyết định số 12/QĐ-UBND](/van-ban/12)",
        "12/QĐ-UBND",
        "Quyết định số 12/QĐ-UBND",
    );
    one(
        "Quyết định số 12/QĐ-UBND/2021",
        "12/QĐ-UBND",
        "Quyết định số 12/QĐ-UBND",
    );
    one(
        "Chương trình số 05/Ctr-UBND.",
        "05/Ctr-UBND",
        "Chương trình số 05/Ctr-UBND",
    );
    one("Quyết định 1/Đ.", "1/Đ", "Quyết định 1/Đ");
}

#[test]
fn negatives() {
    for text in [
        "Kế hoạch này",
        "Thông báo 3 lần",
        "Quyết định 2 năm",
        "Kế hoạch số 15",
        "Kế hoạch số 15.",
        "Kế hoạch số 15/2020 của UBND",
        "Kế hoạch 2021-2025",
        "Nghị định 61/18/NĐ-CP",
        "Nghị định 61/20188/NĐ-CP",
        "Nghị định 61/2018/",
        "Nghị định 61/2018/nđ-cp",
        "Quyết định 15/7/2021",
        "Quyết định 1/5 của",
        "Thông tư 01/Năm 2020",
        "Thông tư 01/Chính phủ",
        "Kế hoạch số 12/KH-Ban",
        "Nghị định 61/2018/NĐ-CPcủa Chính phủ",
        "Quyết định số 12/QĐ-UBNDcủa",
        "Kế hoạch 31/NĐBộ luật",
        "Nghị định 1234567890/NĐ-CP",
        "Báo cáo số/BC-UBND",
        "",
        "Luật",
        "Luật số",
        "Luật số 1/",
        "số 12/QĐ-UBND",
    ] {
        check(text, &[]);
    }
}
