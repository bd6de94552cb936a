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

mod contract;
mod dates_keys;
mod edge;
mod named;
mod random;
