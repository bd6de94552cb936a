use super::*;

fn lines(text: &str) -> Vec<Block> {
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            Block::Para(Para {
                text: l.trim().to_string(),
                md: l.trim().to_string(),
                pos: i + 1,
                ..Para::default()
            })
        })
        .collect()
}

#[test]
fn header_and_ending_in_plain_lines() {
    let f = frame(lines(
        "UBND THÀNH PHỐ CẦN THƠ\nỦY BAN NHÂN DÂN\nXÃ THANH AN\nSố: 05/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nThanh An, ngày 05 tháng 01 năm 2026\n\nKẾ HOẠCH\nVề công tác tuyên truyền năm 2026\n\nThực hiện Kế hoạch số 1/KH-UBND.\nNơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A đã ký lên văn bản này!\nNguyễn Văn A",
    ));
    let m = &f.meta;
    assert_eq!(m.authority.as_deref(), Some("UBND xã Thanh An"));
    assert_eq!(
        m.parent_authority.as_deref(),
        Some("UBND thành phố Cần Thơ")
    );
    assert_eq!(m.number.as_deref(), Some("05/KH-UBND"));
    assert_eq!(m.place.as_deref(), Some("Thanh An"));
    assert_eq!(m.date, Date::new(2026, 1, 5));
    assert_eq!(m.kind, Some("plan"));
    assert_eq!(
        m.title.as_deref(),
        Some("Kế hoạch về công tác tuyên truyền năm 2026")
    );
    assert_eq!(m.recipients, ["Sở Nội vụ", "Lưu: VT"]);
    let s = m.signer.clone().unwrap_or_default();
    assert_eq!(s.name, "Nguyễn Văn A");
    assert_eq!(s.title.as_deref(), Some("Phó Chủ tịch"));
    assert_eq!(s.sign_as.as_deref(), Some("KT. CHỦ TỊCH"));
    assert_eq!(f.body.len(), 2, "{:?}", f.body);
    assert!(f.warnings.is_empty(), "{:?}", f.warnings);
}

#[test]
fn blank_number_and_day_warn_and_stay_unset() {
    let f = frame(lines(
        "ỦY BAN NHÂN DÂN\nPHƯỜNG THẠCH KHÔI\nSố:      /KH-UBND\nThạch Khôi, ngày      tháng 01 năm 2026\nKẾ HOẠCH\nTuyên truyền\n\nCăn cứ.",
    ));
    assert_eq!(f.meta.number, None);
    assert_eq!(f.meta.date, None);
    assert_eq!(f.meta.authority.as_deref(), Some("UBND phường Thạch Khôi"));
    assert_eq!(f.warnings.len(), 2, "{:?}", f.warnings);
}
