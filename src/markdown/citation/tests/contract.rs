//! Every citation form the content contract names (`content-format.md`).

use super::*;

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
