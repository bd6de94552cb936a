use super::*;

fn lines(a: &str) -> Vec<String> {
    header(a).lines
}

#[test]
fn an_abbreviated_commune_authority_is_written_in_full_on_two_lines() {
    assert_eq!(
        lines("UBND phường Mỹ Thạnh"),
        ["ỦY BAN NHÂN DÂN", "PHƯỜNG MỸ THẠNH"]
    );
    assert_eq!(
        lines("Ủy ban nhân dân xã Tân Hòa Lợi"),
        ["ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA LỢI"]
    );
    assert_eq!(
        lines("HĐND thị trấn Đức Phổ"),
        ["HỘI ĐỒNG NHÂN DÂN", "THỊ TRẤN ĐỨC PHỔ"]
    );
}

#[test]
fn capitals_are_vietnamese_capitals() {
    assert_eq!(
        lines("UBND xã Đường Ưng"),
        ["ỦY BAN NHÂN DÂN", "XÃ ĐƯỜNG ƯNG"]
    );
    assert_eq!(lines("UBND xã ơ đ ư"), ["ỦY BAN NHÂN DÂN", "XÃ Ơ Đ Ư"]);
}

#[test]
fn an_office_of_both_councils_breaks_before_its_place() {
    assert_eq!(
        lines("VP HĐND & UBND xã Mới"),
        ["VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN VÀ ỦY BAN NHÂN DÂN", "XÃ MỚI"]
    );
}

#[test]
fn society_is_not_a_place() {
    assert_eq!(
        lines("Phòng Văn hóa - Xã hội xã Mới"),
        ["PHÒNG VĂN HÓA - XÃ HỘI", "XÃ MỚI"]
    );
}

#[test]
fn an_authority_without_a_place_is_one_line() {
    assert_eq!(lines("Chính phủ"), ["CHÍNH PHỦ"]);
    assert!(lines("   ").is_empty());
}

#[test]
fn an_explicit_line_break_is_kept_and_a_parent_line_keeps_its_abbreviations() {
    assert_eq!(
        lines("UBND huyện Cờ Đỏ\nPhòng Tư pháp"),
        ["UBND HUYỆN CỜ ĐỎ", "PHÒNG TƯ PHÁP"]
    );
    // A first line with no place is the organ itself, written in full.
    assert_eq!(
        lines("UBND\nphường Mỹ Thạnh"),
        ["ỦY BAN NHÂN DÂN", "PHƯỜNG MỸ THẠNH"]
    );
}

#[test]
fn unknown_abbreviations_are_reported_not_guessed() {
    let h = header("QLDX dự án xã Mới");
    assert_eq!(h.lines, ["QLDX DỰ ÁN", "XÃ MỚI"]);
    assert_eq!(h.unknown, ["QLDX"]);
    // The agency names' table is the header's too.
    assert_eq!(lines("BQL dự án xã Mới"), ["BAN QUẢN LÝ DỰ ÁN", "XÃ MỚI"]);
    // Written all in capitals: nothing looks abbreviated; Roman numerals are numbers.
    assert!(header("ỦY BAN NHÂN DÂN XÃ MỚI").unknown.is_empty());
    assert!(header("Ban chỉ huy khu phố IV").unknown.is_empty());
    assert!(header("UBND TP. Thủ Đức").unknown.is_empty());
    assert_eq!(
        lines("UBND TP. Thủ Đức"),
        ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ THỦ ĐỨC"]
    );
}

#[test]
fn a_parent_authority_is_the_first_line_and_keeps_its_abbreviations() {
    let h = header_under(Some(" UBND thành phố  Cần Thơ "), "UBND xã Thanh An");
    assert_eq!(
        h.lines,
        ["UBND THÀNH PHỐ CẦN THƠ", "ỦY BAN NHÂN DÂN", "XÃ THANH AN"]
    );
    assert_eq!(header_under(None, "UBND xã A").lines, lines("UBND xã A"));
    assert_eq!(
        header_under(Some(" "), "UBND xã A").lines,
        lines("UBND xã A")
    );
}
