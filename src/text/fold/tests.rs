//! Tests for the folding keys, kept in their own file so `fold.rs` stays
//! short: tone placement tables, dash and space handling, NFD input.

use super::super::normalize::is_nfc_clean;
use super::super::testgen::Lcg;
use super::*;

#[test]
fn match_key_groups_spellings() {
    let groups: &[&[&str]] = &[
        &[
            "Văn hoá – Xã hội",
            "Văn hóa - Xã hội",
            "văn hóa -  xã hội",
            "VĂN HOÁ — XÃ HỘI",
            "Văn hoá –Xã hội",
            "Văn hóa- Xã hội",
            "Va\u{0306}n ho\u{0301}a \u{2013} Xa\u{0303} ho\u{0302}\u{0323}i",
            "Văn\u{00A0}hóa\u{2009}−\u{202F}Xã\u{200B} hội",
            "  Văn\thoá\n-\r\nXã hội  ",
        ],
        &[
            "Thuỷ lợi",
            "Thủy lợi",
            "THỦY LỢI",
            "Thu\u{0309}y lơ\u{0323}i",
        ],
        &["Sức khoẻ", "Sức khỏe", "sức kho\u{0309}e"],
        &["Hoà Bình", "Hòa Bình", "HOÀ BÌNH"],
        &["Ủy ban nhân dân", "Uỷ ban nhân dân", "UỶ BAN NHÂN DÂN"],
        &["toả sáng", "tỏa sáng"],
        &["oà", "òa"],
        &["uý", "úy"],
        &["Kon-Tum", "Kon‑Tum", "kon‐tum"],
    ];
    for group in groups {
        let want = match_key(group[0]);
        for s in group.iter() {
            assert_eq!(match_key(s), want, "match_key({s:?}) vs {:?}", group[0]);
        }
    }
}

#[test]
fn match_key_exact_output() {
    let cases: &[(&str, &str)] = &[
        ("", ""),
        ("   ", ""),
        ("Văn hóa - Xã hội", "văn hoá - xã hội"),
        ("Thủy lợi", "thuỷ lợi"),
        ("Ủy ban", "uỷ ban"),
        ("Sức khỏe", "sức khoẻ"),
        ("Hòa Bình", "hoà bình"),
        ("  a   b  ", "a b"),
        ("Kon‑Tum", "kon-tum"),
        ("2024–2025", "2024-2025"),
        ("a -b", "a - b"),
        ("a- b", "a - b"),
        ("a\t—\nb", "a - b"),
        ("- a -", "- a -"),
        ("a -- b", "a - - b"),
        ("Sở Y tế", "sở y tế"),
        ("Phòng Tư pháp – Hộ tịch", "phòng tư pháp - hộ tịch"),
        ("café", "café"),
    ];
    for (input, want) in cases {
        assert_eq!(match_key(input), *want, "match_key({input:?})");
    }
}

#[test]
fn tone_goes_to_the_new_style_vowel() {
    // (written, canonical) — words already canonical map to themselves.
    let cases: &[(&str, &str)] = &[
        ("người", "người"),
        ("ngừơi", "người"),
        ("nguời", "nguời"),
        ("quốc", "quốc"),
        ("già", "già"),
        ("gìa", "già"),
        ("gìn", "gìn"),
        ("giữa", "giữa"),
        ("ngoài", "ngoài"),
        ("ngòai", "ngoài"),
        ("xoáy", "xoáy"),
        ("xóay", "xoáy"),
        ("khuỷu", "khuỷu"),
        ("hoàng", "hoàng"),
        ("hòang", "hoàng"),
        ("huỳnh", "huỳnh"),
        ("toán", "toán"),
        ("tóan", "toán"),
        ("mía", "mía"),
        ("miá", "mía"),
        ("múa", "múa"),
        ("muá", "múa"),
        ("túi", "túi"),
        ("cháo", "cháo"),
        ("hái", "hái"),
        ("quý", "quý"),
        ("qúy", "quý"),
        ("quá", "quá"),
        ("qúa", "quá"),
        ("thuở", "thuở"),
        ("rượu", "rượu"),
        ("hữu", "hữu"),
        ("chuyển", "chuyển"),
        ("việt", "việt"),
        ("xoắn", "xoắn"),
        ("hoá", "hoá"),
        ("hóa", "hoá"),
        ("thủy", "thuỷ"),
        ("khỏe", "khoẻ"),
        ("đẹp", "đẹp"),
        // NFD input with the mark on the "wrong" letter.
        ("ho\u{0300}a", "hoà"),
        ("ngu\u{031B}\u{0300}o\u{031B}i", "người"),
    ];
    for (input, want) in cases {
        assert_eq!(match_key(input), *want, "match_key({input:?})");
    }
}

#[test]
fn different_tones_give_different_keys() {
    let spellings: &[[&str; 2]] = &[
        ["hoa", "hoa"],
        ["hoà", "hòa"],
        ["hoả", "hỏa"],
        ["hoã", "hõa"],
        ["hoá", "hóa"],
        ["hoạ", "họa"],
    ];
    let keys: Vec<String> = spellings
        .iter()
        .map(|[new, old]| {
            assert_eq!(match_key(new), match_key(old), "{new} vs {old}");
            match_key(new)
        })
        .collect();
    for (i, a) in keys.iter().enumerate() {
        for b in &keys[i + 1..] {
            assert_ne!(a, b);
        }
    }
    assert_ne!(match_key("ma"), match_key("mà"));
    assert_ne!(match_key("hoá"), match_key("hoa"));
}

#[test]
fn strip_marks_table() {
    let cases: &[(&str, &str)] = &[
        ("", ""),
        ("abc", "abc"),
        ("Đường Hoà Bình", "Duong Hoa Binh"),
        ("Đu\u{031B}o\u{031B}\u{0300}ng", "Duong"),
        ("ĂÂÊÔƠƯ ăâêôơư", "AAEOOU aaeoou"),
        ("Nguyễn Thị Ánh", "Nguyen Thi Anh"),
        ("Ỵ ỵ Ỹ", "Y y Y"),
        ("café naïve", "cafe naive"),
        ("\u{0301}a", "a"),
        ("中文", "中文"),
    ];
    for (input, want) in cases {
        assert_eq!(strip_marks(input), *want, "strip_marks({input:?})");
    }
}

#[test]
fn search_fold_table() {
    let cases: &[(&str, &str)] = &[
        ("", ""),
        ("  Đăng KÝ –  Hộ tịch ", "dang ky - ho tich"),
        ("HOÁ", "hoa"),
        ("hóa", "hoa"),
        ("Ho\u{0301}a", "hoa"),
        ("Chứng\u{00A0}thực", "chung thuc"),
        ("a\r\nb", "a b"),
        ("Kon‑Tum", "kon-tum"),
        ("Thủ tục\u{200B} hành chính", "thu tuc hanh chinh"),
        ("ĐẤT ĐAI", "dat dai"),
    ];
    for (input, want) in cases {
        assert_eq!(search_fold(input), *want, "search_fold({input:?})");
    }
}

#[test]
fn has_marks_table() {
    let cases: &[(&str, bool)] = &[
        ("", false),
        ("abc", false),
        ("Ha Noi", false),
        ("Đ", true),
        ("đ", true),
        ("a\u{0301}", true),
        ("á", true),
        ("ư", true),
        ("Â", true),
        ("ü", false),
        ("中", false),
        ("Hà Nội", true),
    ];
    for (input, want) in cases {
        assert_eq!(has_marks(input), *want, "has_marks({input:?})");
    }
}

#[test]
fn fold_property() {
    let mut rng = Lcg::new(0x5EED_0002);
    for _ in 0..4000 {
        let s = rng.text(20);
        let key = match_key(&s);
        assert_eq!(match_key(&key), key, "match_key not idempotent on {s:?}");
        assert!(is_nfc_clean(&key), "match_key not clean on {s:?}");
        assert_eq!(key.trim(), key);
        assert!(!key.contains("  "));

        let stripped = strip_marks(&s);
        assert!(!has_marks(&stripped), "strip_marks left marks on {s:?}");
        assert_eq!(strip_marks(&stripped), stripped);

        let folded = search_fold(&s);
        assert_eq!(search_fold(&folded), folded, "search_fold on {s:?}");
        assert!(!has_marks(&folded));
        assert!(!folded.chars().any(|c| c.is_ascii_uppercase()));
        // The search key ignores tones, so it must not split what match_key joins.
        assert_eq!(search_fold(&strip_marks(&s)), folded);
    }
}

#[test]
fn folded_start_reads_the_same_as_folding_the_whole_text() {
    let keys = ["phu luc", "danh muc nhiem vu", "tren day la", "noi nhan"];
    let whole = |s: &str| keys.iter().any(|k| search_fold(s).starts_with(k));
    let mut cases: Vec<String> = vec![
        "PHỤ LỤC I. DANH MỤC".into(),
        "Danh mục nhiệm vụ trọng tâm năm 2025 của Ủy ban nhân dân xã".into(),
        // The key spread over more than four bytes of text a byte: spaces and marks
        // before it, so the cut must fall back to the whole text.
        format!("{}phụ lục kèm theo", " ".repeat(80)),
        format!("{}Nơi nhận: như trên", "\u{00A0}\t ".repeat(30)),
        "Pha\u{0323}\u{0309}\u{0301}\u{0300}u".repeat(12) + " lục",
        format!("P{}hụ lục {}", "\u{0301}".repeat(90), "x ".repeat(40)),
        // A capital sigma just before the cut, and a dash run across it.
        format!("Trên đây là ΣΣ{} – — tiếp", "Σ".repeat(40)),
        "Kế hoạch tuyên truyền phổ biến pháp luật năm 2025 trên địa bàn xã".into(),
    ];
    let mut rng = Lcg::new(0x5EED_0003);
    for _ in 0..3000 {
        let lead = [
            "phụ lục ",
            "DANH MỤC  NHIỆM\u{00A0}VỤ ",
            "Trên đây ",
            "",
            " ",
        ][rng.below(5)];
        cases.push(format!("{lead}{}", rng.text(30)));
    }
    for s in &cases {
        assert_eq!(search_fold_starts_with(s, &keys), whole(s), "on {s:?}");
        // Keys a first word can hold whole, or be longer than.
        let short = ["phu", "d", "tren day la"];
        let by_whole = short.iter().any(|k| search_fold(s).starts_with(k));
        assert_eq!(search_fold_starts_with(s, &short), by_whole, "on {s:?}");
    }
}
