//! Laws and ordinances cited by their name alone, dates with stray spaces, and what a
//! citation says of its year and issuer (issue 25, "Citations: the right document or none").

use super::*;

#[test]
fn laws_cited_by_name_stop_where_the_sentence_goes_on() {
    check(
        "Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022; Luật Ngân sách nhà nước và các văn bản hướng dẫn.",
        &[
            (
                "Luật",
                "",
                None,
                Some("Thực hiện dân chủ ở cơ sở"),
                "Luật Thực hiện dân chủ ở cơ sở năm 2022",
            ),
            (
                "Luật",
                "",
                None,
                Some("Ngân sách nhà nước"),
                "Luật Ngân sách nhà nước",
            ),
        ],
    );
    check(
        "theo Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn, các quy định",
        &[(
            "Pháp lệnh",
            "",
            None,
            Some("thực hiện dân chủ ở xã, phường, thị trấn"),
            "Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn",
        )],
    );
    check(
        "Bộ luật Dân sự quy định; Luật Hôn nhân và gia đình.",
        &[
            ("Bộ luật", "", None, Some("Dân sự"), "Bộ luật Dân sự"),
            (
                "Luật",
                "",
                None,
                Some("Hôn nhân và gia đình"),
                "Luật Hôn nhân và gia đình",
            ),
        ],
    );
    check(
        "Luật Phòng, chống tham nhũng được ban hành",
        &[(
            "Luật",
            "",
            None,
            Some("Phòng, chống tham nhũng"),
            "Luật Phòng, chống tham nhũng",
        )],
    );
    // A comma after an ordinary name ends it.
    check(
        "Luật Cư trú, thủ tục đăng ký",
        &[("Luật", "", None, Some("Cư trú"), "Luật Cư trú")],
    );
    assert_eq!(
        find_citations("Luật Thực hiện dân chủ ở cơ sở năm 2022")[0].year,
        Some(2022)
    );
}

#[test]
fn luat_in_ordinary_prose_is_no_citation() {
    for text in [
        "chính sách pháp luật của Nhà nước; kỷ luật, kỷ cương",
        "Luật này quy định về thực hiện dân chủ",
        "theo quy định của Luật.",
        "phổ biến, giáo dục pháp luật Luật",
        "các luật chuyên ngành; luật Đất đai",
        "Pháp lệnh này có hiệu lực",
    ] {
        assert_eq!(find_citations(text), [], "{text}");
    }
}

#[test]
fn dates_with_stray_spaces_are_read() {
    check(
        "Kế hoạch số 12/KH-UBND ngày 20 /10/2023 của UBND xã",
        &[(
            "Kế hoạch",
            "12/KH-UBND",
            Some((2023, 10, 20)),
            None,
            "Kế hoạch số 12/KH-UBND ngày 20 /10/2023",
        )],
    );
    check(
        "Quyết định số 5/QĐ-UBND ngày 14/ 01/2020",
        &[(
            "Quyết định",
            "5/QĐ-UBND",
            Some((2020, 1, 14)),
            None,
            "Quyết định số 5/QĐ-UBND ngày 14/ 01/2020",
        )],
    );
}

#[test]
fn a_number_on_the_next_line_is_one_citation() {
    check(
        "Nghị quyết số\n76/NQ-CP ngày 15/7/2021",
        &[(
            "Nghị quyết",
            "76/NQ-CP",
            Some((2021, 7, 15)),
            None,
            "Nghị quyết số\n76/NQ-CP ngày 15/7/2021",
        )],
    );
}

#[test]
fn year_and_issuer_of_a_citation() {
    let c = &find_citations("Kế hoạch số 172/KH-UBND ngày 10/01/2025 của UBND tỉnh về việc")[0];
    assert_eq!(
        (c.year, c.issuer.as_deref()),
        (Some(2025), Some("UBND tỉnh"))
    );
    let c = &find_citations("Nghị định số 61/2018/NĐ-CP của Chính phủ")[0];
    assert_eq!(
        (c.year, c.issuer.as_deref()),
        (Some(2018), Some("Chính phủ"))
    );
    let c = &find_citations("Chỉ thị số 23/CT-TTg")[0];
    assert_eq!((c.year, c.issuer.as_deref()), (None, None));
}
