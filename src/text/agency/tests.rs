use super::*;

fn key(name: &str) -> String {
    agency_key(name, &Aliases::default()).key
}

#[test]
fn the_issue_spellings_are_one_agency_each() {
    for (a, b) in [
        ("UBND xã", "Ủy ban nhân dân xã"),
        ("Văn phòng HĐND và UBND xã", "VP HĐND & UBND xã"),
        ("VP HĐND-UBND xã", "Văn phòng HĐND và UBND xã"),
        ("Phòng Văn hoá-Xã hội", "Phòng Văn hóa - Xã hội"),
        ("Phòng VH-XH", "Phòng Văn hóa - Xã hội"),
        ("Phòng VH – XH", "Phòng Văn hóa - Xã hội"),
        ("Trung tâm PVHCC xã", "Trung tâm Phục vụ hành chính công xã"),
        ("Bộ phận TN&TKQ", "Bộ phận Tiếp nhận và trả kết quả"),
        ("Bộ phận TN & TKQ", "Bộ phận tiếp nhận và trả kết quả"),
        ("Ủy ban MTTQ xã", "UB MTTQ xã"),
        ("UBMTTQ xã", "Ủy ban Mặt trận Tổ quốc xã"),
        (
            "Đoàn TNCS HCM xã",
            "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã",
        ),
        ("ĐTN xã", "Đoàn TN xã"),
        ("Hội LHPN xã", "Hội Liên hiệp Phụ nữ xã"),
        ("HLHPN xã", "Hội Liên hiệp Phụ nữ xã"),
        ("Hội CCB xã", "Hội Cựu chiến binh xã"),
        ("Hội ND xã", "Hội Nông dân xã"),
        ("Phòng LĐTB&XH", "Phòng Lao động - Thương binh và Xã hội"),
        ("Phòng LĐ-TB&XH", "Phòng Lao động – Thương binh và Xã hội"),
        ("Phòng TN-MT", "Phòng Tài nguyên và Môi trường"),
        ("Phòng TNMT", "Phòng Tài nguyên và Môi trường"),
        ("BCĐ CCHC xã", "Ban Chỉ đạo cải cách hành chính xã"),
        ("Thủ tướng Chính phủ", "TTg"),
        ("UBND xã.", "Ủy ban nhân dân xã"),
        // Typed without Đ, or in capitals.
        ("HDND xã", "Hội đồng nhân dân xã"),
        ("TTG", "Thủ tướng Chính phủ"),
    ] {
        assert_eq!(key(a), key(b), "{a} / {b}");
    }
}

#[test]
fn different_agencies_stay_apart() {
    for (a, b) in [
        ("UBND xã", "UBND huyện"),
        ("Phòng Văn hóa", "Phòng Văn hoa"),
        ("Hội Nông dân xã", "Hội Phụ nữ xã"),
        // "ND" alone is also Nghị định: only "Hội ND" is Hội Nông dân.
        ("ND xã", "Hội Nông dân xã"),
        // Abbreviations match in capitals only: "Vp" is no abbreviation.
        ("Vp xã", "Văn phòng xã"),
    ] {
        assert_ne!(key(a), key(b), "{a} / {b}");
    }
}

#[test]
fn full_names_are_written_out() {
    assert_eq!(
        full_name("VP HĐND & UBND xã"),
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"
    );
    assert_eq!(full_name("Phòng VH-XH"), "Phòng Văn hóa - Xã hội");
    assert_eq!(full_name("Phòng Văn hoá-Xã hội"), "Phòng Văn hoá - Xã hội");
    assert_eq!(
        full_name("Trung tâm PVHCC xã"),
        "Trung tâm Phục vụ hành chính công xã"
    );
    // Punctuation around an abbreviation stays around its full words.
    assert_eq!(
        full_name("Công an xã (CA), UBND"),
        "Công an xã (Công an), Ủy ban nhân dân"
    );
    assert_eq!(full_name("  "), "");
    // An abbreviation with small letters in the table is found as written and in
    // capitals, marks or not; not in small letters.
    for written in ["TTg", "TTG"] {
        assert_eq!(full_name(written), "Thủ tướng Chính phủ", "{written}");
    }
    assert_eq!(full_name("ttg"), "ttg");
}

#[test]
fn each_pattern_word_keeps_its_capitals_made_once() {
    for (words, _) in patterns() {
        for w in words {
            assert_eq!(w.upper, w.plain.to_uppercase());
        }
    }
}

#[test]
fn the_site_table_joins_what_the_built_in_one_cannot() {
    let mut aliases = Aliases::default();
    aliases
        .insert("Phòng VHXH-TT", "Phòng Văn hóa - Xã hội")
        .unwrap();
    let a = agency_key("phòng VHXH - TT", &aliases);
    assert_eq!(a.key, key("Phòng Văn hóa - Xã hội"));
    assert_eq!(a.full, "Phòng Văn hóa - Xã hội");
    assert_eq!(
        aliases.insert("Phòng VH-XH", "Phòng Văn hóa - Xã hội"),
        Ok(())
    );
    assert_eq!(aliases.insert(" ", "X"), Err(AliasProblem::Blank));
    assert_eq!(
        aliases.insert("PHÒNG VHXH - TT", "Văn phòng"),
        Err(AliasProblem::Conflict("Phòng Văn hóa - Xã hội".into()))
    );
    assert_eq!(
        aliases.insert("VH", "Phòng VHXH-TT"),
        Err(AliasProblem::Chain("Phòng Văn hóa - Xã hội".into()))
    );
    assert_eq!(
        aliases.insert("Phòng Văn hóa - Xã hội", "Phòng Văn hóa"),
        Err(AliasProblem::Chain("Phòng Văn hóa - Xã hội".into()))
    );
}

#[test]
fn parts_read_as_agencies_by_their_first_words() {
    for yes in [
        "Phòng Văn hóa",
        "UBND xã",
        "Văn phòng",
        "Trung tâm PVHCC",
        "Báo Cần Thơ",
        "Đài Phát thanh",
        "Công an xã",
        "Hội Phụ nữ",
        "Đoàn Thanh niên",
        "Mặt trận Tổ quốc",
        "MTTQ xã",
        "BQLDA huyện",
        "các cơ quan liên quan",
        "sở, ban, ngành thành phố",
        "Sở Nội vụ",
    ] {
        assert!(reads_as_agency(yes), "{yes}");
    }
    for no in [
        "Truyền hình Thái Nguyên",
        "phường",
        "thị trấn",
        "ban",
        "đơn vị có liên quan",
        "Kế hoạch",
        "Công",
        "",
    ] {
        assert!(!reads_as_agency(no), "{no}");
    }
}

fn parts(cell: &str) -> Vec<String> {
    let s = split_partners(cell);
    assert!(!s.unsplit_list, "{cell}");
    s.parts
}

#[test]
fn partners_split_only_where_every_part_is_an_agency() {
    assert_eq!(
        parts("Báo và Phát thanh, Truyền hình Thái Nguyên"),
        ["Báo và Phát thanh, Truyền hình Thái Nguyên"]
    );
    assert_eq!(
        parts("Công an xã, Báo và Phát thanh, Truyền hình Thái Nguyên; Đoàn Thanh niên."),
        [
            "Công an xã",
            "Báo và Phát thanh, Truyền hình Thái Nguyên",
            "Đoàn Thanh niên"
        ]
    );
    assert_eq!(
        parts("Văn phòng UBND; Đoàn Thanh niên"),
        ["Văn phòng UBND", "Đoàn Thanh niên"]
    );
    assert_eq!(
        parts("Sở, ban, ngành thành phố"),
        ["Sở, ban, ngành thành phố"]
    );
    assert_eq!(
        parts("UBND xã, phường, thị trấn"),
        ["UBND xã, phường, thị trấn"]
    );
    assert_eq!(
        parts("Phòng Tài chính, Kế hoạch,  Công an xã"),
        ["Phòng Tài chính, Kế hoạch", "Công an xã"]
    );
    assert_eq!(
        parts("Phòng VH-XH, các đoàn thể"),
        ["Phòng VH-XH", "các đoàn thể"]
    );
    assert_eq!(parts(" ; , "), Vec::<String>::new());
}

#[test]
fn a_list_that_starts_with_no_agency_is_kept_whole_and_said() {
    let s = split_partners("thôn, bản, Công an xã");
    assert_eq!(s.parts, ["thôn, bản, Công an xã"]);
    assert!(s.unsplit_list);
    // Splitting a part again gives it back: the check re-reads the parts a build kept.
    for cell in [
        "Công an xã, Báo và Phát thanh, Truyền hình Thái Nguyên",
        "thôn, bản, Công an xã",
    ] {
        for p in split_partners(cell).parts {
            assert_eq!(split_partners(&p).parts, vec![p]);
        }
    }
}

#[test]
fn the_corpus_cells_split_as_a_reader_would() {
    // Cells of the Cần Thơ plan's activity table (shared corpus), in plain words.
    assert_eq!(
        parts("Báo Cần Thơ, sở, ban, ngành thành phố; UBND quận, huyện; UBND xã, phường, thị trấn"),
        [
            "Báo Cần Thơ",
            "sở, ban, ngành thành phố",
            "UBND quận, huyện",
            "UBND xã, phường, thị trấn"
        ]
    );
    assert_eq!(
        parts("Sở Nội vụ, Sở Thông tin và Truyền thông, UBND quận, huyện"),
        [
            "Sở Nội vụ",
            "Sở Thông tin và Truyền thông",
            "UBND quận, huyện"
        ]
    );
}

#[test]
fn never_panics_on_odd_input() {
    for s in [
        "&",
        "-",
        "–&–",
        ",;,",
        "(",
        "\"UBND\"",
        "a\u{0301}",
        "ĐĐĐ, ,ĐĐ",
    ] {
        let _ = full_name(s);
        let _ = split_partners(s);
        let _ = reads_as_agency(s);
        let _ = key(s);
    }
}
