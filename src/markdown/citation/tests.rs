//! Tests for the citation finder.

use super::*;

/// What a test expects of one citation: type, number, date, name and the
/// exact text the range covers.
type Want = (
    &'static str,
    &'static str,
    Option<(i32, u8, u8)>,
    Option<&'static str>,
    &'static str,
);

fn check(text: &str, want: &[Want]) {
    let got = find_citations(text);
    let got: Vec<_> = got
        .iter()
        .map(|c| {
            (
                c.doc_type.as_str(),
                c.number.as_str(),
                c.date,
                c.name.as_deref(),
                &text[c.range.clone()],
            )
        })
        .collect();
    assert_eq!(got, want, "in {text:?}");
}

/// Sentences copied from the three plans in the project's corpus
/// (`shared/corpus/ke-hoach/`), with every citation they hold.
#[test]
fn corpus_sentences() {
    let cases: &[(&str, &[Want])] = &[
        (
            "Thực hiện Quyết định số 4168/QĐ-UBND ngày 27 tháng 12 năm 2021 của Ủy ban nhân dân thành phố ban hành Kế hoạch cải cách hành chính (CCHC) thành phố Cần Thơ giai đoạn 2021 - 2025, nhằm đẩy mạnh và nâng cao hơn nữa chất lượng công tác CCHC trên địa bàn thành phố",
            &[(
                "Quyết định",
                "4168/QĐ-UBND",
                Some((2021, 12, 27)),
                None,
                "Quyết định số 4168/QĐ-UBND ngày 27 tháng 12 năm 2021",
            )],
        ),
        (
            "tuyên truyền tình hình triển khai, kết quả, thành tựu trong thực hiện Chương trình tổng thể CCHC nhà nước giai đoạn 2021 - 2030 được ban hành tại Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ, Chỉ thị số 23/CT-TTg ngày 02 tháng 9 năm 2021 của Thủ tướng Chính phủ về việc đẩy mạnh thực hiện Chương trình tổng thể CCHC nhà nước giai đoạn 2021 - 2030, Quyết định số 4168/QĐ-UBND ngày 27 tháng 12 năm 2021 của UBND thành phố ban hành Kế hoạch CCHC thành phố giai đoạn 2021 - 2025; Chương trình số 26-CTr/TU ngày 31 tháng 12 năm 2021 của Thành ủy Cần Thơ về CCHC, trọng tâm là xây dựng nền hành chính điện tử, hành động, phục vụ.",
            &[
                (
                    "Nghị quyết",
                    "76/NQ-CP",
                    Some((2021, 7, 15)),
                    None,
                    "Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021",
                ),
                (
                    "Chỉ thị",
                    "23/CT-TTg",
                    Some((2021, 9, 2)),
                    None,
                    "Chỉ thị số 23/CT-TTg ngày 02 tháng 9 năm 2021",
                ),
                (
                    "Quyết định",
                    "4168/QĐ-UBND",
                    Some((2021, 12, 27)),
                    None,
                    "Quyết định số 4168/QĐ-UBND ngày 27 tháng 12 năm 2021",
                ),
                (
                    "Chương trình",
                    "26-CTr/TU",
                    Some((2021, 12, 31)),
                    None,
                    "Chương trình số 26-CTr/TU ngày 31 tháng 12 năm 2021",
                ),
            ],
        ),
        (
            "(**) Thực hiện Quyết định số 2344/QĐ-UBND ngày 02 tháng 10 năm 2023 của Ủy ban nhân dân thành phố về việc Ủy quyền cho các cơ quan chuyên môn lựa chọn phương thức",
            &[(
                "Quyết định",
                "2344/QĐ-UBND",
                Some((2023, 10, 2)),
                None,
                "Quyết định số 2344/QĐ-UBND ngày 02 tháng 10 năm 2023",
            )],
        ),
        (
            "Căn cứ Quyết định số 37/QĐ-UBND ngày 15 tháng 01 năm 2026 của UBND phường về việc ban hành Kế hoạch cải cách hành chính nhà nước phường Thạch Khôi năm 2026; Ủy ban nhân dân phường ban hành Kế hoạch tuyên truyền về cải cách hành chính nhà nước phường Thạch Khôi năm 2026, cụ thể như sau:",
            &[(
                "Quyết định",
                "37/QĐ-UBND",
                Some((2026, 1, 15)),
                None,
                "Quyết định số 37/QĐ-UBND ngày 15 tháng 01 năm 2026",
            )],
        ),
        (
            "triển khai Chương trình tổng thể cải cách hành chính giai đoạn 2021-2030 và Nghị quyết số 03-NQ/TU của Ban Thường vụ Thành ủy về Chuyển đổi số thành phố Hải Phòng đến năm 2026, định hướng đến năm 2030.",
            &[(
                "Nghị quyết",
                "03-NQ/TU",
                None,
                None,
                "Nghị quyết số 03-NQ/TU",
            )],
        ),
        (
            "Tuyên truyền nội dung các văn bản: Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ về ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030; Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ về đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai",
            &[
                (
                    "Nghị quyết",
                    "76/NQ-CP",
                    Some((2021, 7, 15)),
                    None,
                    "Nghị quyết số 76/NQ-CP ngày 15/7/2021",
                ),
                (
                    "Chỉ thị",
                    "23/CT-TTg",
                    Some((2021, 9, 2)),
                    None,
                    "Chỉ thị số 23/CT-TTg ngày 02/9/2021",
                ),
            ],
        ),
        (
            "đoạn 2021-2030; Nghị quyết số 35/2023/UBTVQH15 ngày 12/7/2023 của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2023 - 2030; Nghị quyết số 117/NQ-CP ngày 30/7/2023 của Chính phủ ban hành Kế hoạch thực hiện sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2023 - 2025; Nghị quyết số 1232/NQ-UBTVQH15 ngày 24/10/2024 của Ủy ban Thường vụ Quốc hội",
            &[
                (
                    "Nghị quyết",
                    "35/2023/UBTVQH15",
                    Some((2023, 7, 12)),
                    None,
                    "Nghị quyết số 35/2023/UBTVQH15 ngày 12/7/2023",
                ),
                (
                    "Nghị quyết",
                    "117/NQ-CP",
                    Some((2023, 7, 30)),
                    None,
                    "Nghị quyết số 117/NQ-CP ngày 30/7/2023",
                ),
                (
                    "Nghị quyết",
                    "1232/NQ-UBTVQH15",
                    Some((2024, 10, 24)),
                    None,
                    "Nghị quyết số 1232/NQ-UBTVQH15 ngày 24/10/2024",
                ),
            ],
        ),
        (
            "Nghị quyết số 169/2024/QH15 ngày 30/11/2024 của Quốc hội về tổ chức chính quyền đô thị tại thành phố Hải Phòng; Chỉ thị số 37-CT/TU ngày 17/12/2024 của Thành ủy về việc triển khai thực hiện Nghị quyết của Quốc hội về tổ chức chính quyền đô thị tại thành phố Hải Phòng; Kế hoạch số 273/KH-UBND ngày 09/12/2024 của Ủy ban nhân dân thành phố về triển khai thực hiện Nghị quyết số 169/2024/QH15 về tổ chức chính quyền đô thị tại thành phố Hải Phòng.",
            &[
                (
                    "Nghị quyết",
                    "169/2024/QH15",
                    Some((2024, 11, 30)),
                    None,
                    "Nghị quyết số 169/2024/QH15 ngày 30/11/2024",
                ),
                (
                    "Chỉ thị",
                    "37-CT/TU",
                    Some((2024, 12, 17)),
                    None,
                    "Chỉ thị số 37-CT/TU ngày 17/12/2024",
                ),
                (
                    "Kế hoạch",
                    "273/KH-UBND",
                    Some((2024, 12, 9)),
                    None,
                    "Kế hoạch số 273/KH-UBND ngày 09/12/2024",
                ),
                (
                    "Nghị quyết",
                    "169/2024/QH15",
                    None,
                    None,
                    "Nghị quyết số 169/2024/QH15",
                ),
            ],
        ),
        (
            "Thực hiện Kế hoạch số 1683/KH-UBND ngày 31 tháng 12 năm 2026 của Ủy ban nhân dân xã Thanh An về công tác cải cách hành chính (CCHC) năm 2026.",
            &[(
                "Kế hoạch",
                "1683/KH-UBND",
                Some((2026, 12, 31)),
                None,
                "Kế hoạch số 1683/KH-UBND ngày 31 tháng 12 năm 2026",
            )],
        ),
        // Type words used as ordinary words: no citation.
        (
            "1. Công tác tuyên truyền trên địa bàn thành phố: các sở, ban, ngành thành phố được giao chủ trì tại mục IV Kế hoạch này lập dự toán kinh phí gửi Sở Nội vụ chậm nhất vào ngày 25 tháng 12 năm 2024 để tổng hợp trình Sở Tài chính thẩm định",
            &[],
        ),
        (
            "| 2 | Đặt hàng thực hiện Chương trình Gặp gỡ và Đối thoại về CCHC (truyền hình trực tiếp) trên Đài Phát thanh và Truyền hình thành phố Cần Thơ | 03 số | Sở Nội vụ |",
            &[],
        ),
        (
            "| 3 | Đặt hàng thực hiện Chương trình “Hỏi - đáp nhanh về CCHC” | 04 số | Sở Nội vụ | Đài Phát thanh và Truyền hình thành phố Cần Thơ | Trong năm 2025 |",
            &[],
        ),
        (
            "đ) Báo cáo UBND thành phố (thông qua Sở Nội vụ) kết quả thực hiện công tác thông tin tuyên truyền CCHC tại đơn vị, địa phương định kỳ hàng quý, 6 tháng, năm theo thời gian báo cáo kết quả công tác CCHC.",
            &[],
        ),
        (
            "Lồng ghép việc kiểm tra công tác thông tin, tuyên truyền CCHC trong Kế hoạch kiểm tra CCHC năm 2025.",
            &[],
        ),
        (
            "a) Rà soát, cập nhật kịp thời thủ tục hành chính tại các Quyết định công bố của Chủ tịch UBND thành phố trên cơ sở dữ liệu quốc gia về thủ tục hành chính;",
            &[],
        ),
        (
            "i) Đẩy mạnh tuyên truyền thực hiện Hệ thống Quản lý chất lượng theo tiêu chuẩn quốc gia TCVN ISO 9001:2015 trong hoạt động của các cơ quan nhà nước thành phố.",
            &[],
        ),
        (
            "bám sát nội dung tại các kế hoạch của Ủy ban nhân dân phường về thực hiện nghị quyết của Chính phủ và các nghị quyết của Thành ủy, Hội đồng nhân dân thành phố và các văn bản chỉ đạo của UBND thành phố",
            &[],
        ),
        (
            "Các cơ quan, đơn vị có liên quan tổng hợp tình hình, kết quả thực hiện tuyên truyền về cải cách hành chính nhà nước hoặc lòng ghép trong Báo cáo định kỳ cải cách hành chính của cơ quan, đơn vị hàng quý, 06 tháng, năm (*trước ngày 05 tháng cuối của quý, năm*).",
            &[],
        ),
        (
            "Căn cứ Danh mục nhiệm vụ cụ thể ban hành kèm theo Kế hoạch này, các cơ quan, phòng ban chuyên môn được giao chủ trì tập trung triển khai thực hiện nhiệm vụ",
            &[],
        ),
        (
            "Chỉ thị số 23/CT-TTg ngày 02 tháng 9 năm 2021 của Thủ tướng Chính phủ về việc đẩy mạnh thực hiện Chương trình tổng thể CCHC nhà nước giai đoạn 2021 – 2030 và Kế hoạch CCHC thành phố Cần Thơ giai đoạn 2026 - 2030.",
            &[(
                "Chỉ thị",
                "23/CT-TTg",
                Some((2021, 9, 2)),
                None,
                "Chỉ thị số 23/CT-TTg ngày 02 tháng 9 năm 2021",
            )],
        ),
        (
            "1. Tuyên truyền trên các phương tiện thông tin đại chúng, phương tiện báo chí, trên trang Thông tin điện tử Cải cách hành chính thành phố Cần Thơ (<http://cchccanθο.gov.vn>), trang Thông tin điện tử của xã (<https://thanhan.canθο.gov.vn>)",
            &[],
        ),
        (
            "Chỉ đạo Công Đoàn cơ sở trực thuộc và các cơ quan, đơn vị liên quan tổ chức Hội thi “Chung tay cải cách CCHC gắn với chuyển đổi số” năm 2025.",
            &[],
        ),
        (
            "a) Thông tin tuyên truyền về cải cách hành chính trong đó tập trung vào các nội dung: hoàn thiện cơ chế, chính sách đặc thù; tăng cường chuyển đổi xanh, chuyển đổi số; triển khai Chương trình tổng thể cải cách hành chính giai đoạn 2021-2030",
            &[],
        ),
    ];
    for (text, want) in cases {
        check(text, want);
    }
}

/// Every form the content contract names.
#[test]
fn contract_forms() {
    let cases: &[(&str, &[Want])] = &[
        (
            "Nghị quyết số 76/NQ-CP ngày 15/7/2021",
            &[(
                "Nghị quyết",
                "76/NQ-CP",
                Some((2021, 7, 15)),
                None,
                "Nghị quyết số 76/NQ-CP ngày 15/7/2021",
            )],
        ),
        (
            "Nghị định 61/2018/NĐ-CP",
            &[(
                "Nghị định",
                "61/2018/NĐ-CP",
                None,
                None,
                "Nghị định 61/2018/NĐ-CP",
            )],
        ),
        (
            "Chỉ thị số 23/CT-TTg",
            &[("Chỉ thị", "23/CT-TTg", None, None, "Chỉ thị số 23/CT-TTg")],
        ),
        (
            "Quyết định số 2344/QĐ-UBND ngày 02 tháng 10 năm 2023",
            &[(
                "Quyết định",
                "2344/QĐ-UBND",
                Some((2023, 10, 2)),
                None,
                "Quyết định số 2344/QĐ-UBND ngày 02 tháng 10 năm 2023",
            )],
        ),
        (
            "Chương trình số 26-CTr/TU",
            &[(
                "Chương trình",
                "26-CTr/TU",
                None,
                None,
                "Chương trình số 26-CTr/TU",
            )],
        ),
        (
            "Công văn số 259/UBND-TTPVHCC",
            &[(
                "Công văn",
                "259/UBND-TTPVHCC",
                None,
                None,
                "Công văn số 259/UBND-TTPVHCC",
            )],
        ),
        (
            "Luật số 80/2015/QH13",
            &[("Luật", "80/2015/QH13", None, None, "Luật số 80/2015/QH13")],
        ),
        (
            "Pháp lệnh số 02/2020/UBTVQH14",
            &[(
                "Pháp lệnh",
                "02/2020/UBTVQH14",
                None,
                None,
                "Pháp lệnh số 02/2020/UBTVQH14",
            )],
        ),
        (
            "Thông tư số 01/2018/TT-VPCP ngày 23/11/2018",
            &[(
                "Thông tư",
                "01/2018/TT-VPCP",
                Some((2018, 11, 23)),
                None,
                "Thông tư số 01/2018/TT-VPCP ngày 23/11/2018",
            )],
        ),
        (
            "Thông tư liên tịch số 01/2015/TTLT-BNV-BTC",
            &[(
                "Thông tư liên tịch",
                "01/2015/TTLT-BNV-BTC",
                None,
                None,
                "Thông tư liên tịch số 01/2015/TTLT-BNV-BTC",
            )],
        ),
        (
            "Nghị quyết liên tịch số 09/2008/NQLT-CP-UBTWMTTQVN",
            &[(
                "Nghị quyết liên tịch",
                "09/2008/NQLT-CP-UBTWMTTQVN",
                None,
                None,
                "Nghị quyết liên tịch số 09/2008/NQLT-CP-UBTWMTTQVN",
            )],
        ),
        (
            "Kế hoạch số 12/KH-UBND",
            &[(
                "Kế hoạch",
                "12/KH-UBND",
                None,
                None,
                "Kế hoạch số 12/KH-UBND",
            )],
        ),
        (
            "Hướng dẫn số 12-HD/BTGTW",
            &[(
                "Hướng dẫn",
                "12-HD/BTGTW",
                None,
                None,
                "Hướng dẫn số 12-HD/BTGTW",
            )],
        ),
        (
            "Thông báo số 15/TB-VP",
            &[("Thông báo", "15/TB-VP", None, None, "Thông báo số 15/TB-VP")],
        ),
        (
            "Báo cáo số 45/BC-UBND",
            &[("Báo cáo", "45/BC-UBND", None, None, "Báo cáo số 45/BC-UBND")],
        ),
        (
            "Quyết định 15/2014/QĐ-TTg",
            &[(
                "Quyết định",
                "15/2014/QĐ-TTg",
                None,
                None,
                "Quyết định 15/2014/QĐ-TTg",
            )],
        ),
        (
            "Tờ trình 5/TTr-UBND kèm theo Quyết định số 7/QĐ-UBND",
            &[(
                "Quyết định",
                "7/QĐ-UBND",
                None,
                None,
                "Quyết định số 7/QĐ-UBND",
            )],
        ),
    ];
    for (text, want) in cases {
        check(text, want);
    }
}

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
    // Nine words is too many.
    check(
        "Luật một hai ba bốn năm sáu bảy tám chín số 1/2000/QH10",
        &[],
    );
    // A name needs "số".
    check("Luật Hộ tịch 60/2014/QH13", &[]);
    check(
        "Luật 60/2014/QH13",
        &[("Luật", "60/2014/QH13", None, None, "Luật 60/2014/QH13")],
    );
    // A capitalised type word ends the name: the second law is the citation.
    check(
        "Luật Cán bộ, công chức và Luật Viên chức số 52/2019/QH14",
        &[(
            "Luật",
            "52/2019/QH14",
            None,
            Some("Viên chức"),
            "Luật Viên chức số 52/2019/QH14",
        )],
    );
    // "một số điều" is not "số" + number; the amending law's own name is
    // not reached, the last law named is taken (a known limit).
    check(
        "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức số 52/2019/QH14",
        &[(
            "Luật",
            "52/2019/QH14",
            None,
            Some("Viên chức"),
            "Luật Viên chức số 52/2019/QH14",
        )],
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
        assert!(!c.number.is_empty() && !c.number.contains(char::is_whitespace));
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
