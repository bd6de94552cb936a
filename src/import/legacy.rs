//! Legacy Vietnamese font encodings still common in commune offices: text typed in a
//! TCVN3 (ABC) font (`.VnTime`, `.VnArial`…; the `…H` fonts such as `.VnTimeH` store
//! lower-case codes and show them as capitals) or a VNI font (`VNI-Times`…) is stored by
//! Word as the Latin-1 characters of its bytes. Each run is decoded by its own font, so a
//! document mixing them with Unicode runs comes out whole.

use crate::text::normalize::nfc_owned;

/// The encoding a run's font implies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Legacy {
    /// TCVN3 (ABC), shown as written.
    Tcvn3,
    /// TCVN3 in a capitals font (`.VnTimeH`).
    Tcvn3Upper,
    /// VNI (a letter followed by its marks).
    Vni,
}

/// The legacy encoding of a font name, `None` for a Unicode font.
pub(crate) fn of_font(font: &str) -> Option<Legacy> {
    let f = font.trim();
    if f.starts_with(".Vn") || f.starts_with(".vn") {
        let upper = f.ends_with('H') && !f.ends_with("VnH");
        return Some(if upper {
            Legacy::Tcvn3Upper
        } else {
            Legacy::Tcvn3
        });
    }
    let lower = f.to_ascii_lowercase();
    if lower.starts_with("vni-") || lower.starts_with("vni ") {
        return Some(Legacy::Vni);
    }
    None
}

/// Decodes `text` written in `enc`, NFC.
pub(crate) fn decode(text: &str, enc: Legacy) -> String {
    match enc {
        Legacy::Tcvn3 => nfc_owned(text.chars().map(tcvn3).collect()),
        Legacy::Tcvn3Upper => nfc_owned(text.chars().map(tcvn3).collect::<String>().to_uppercase()),
        Legacy::Vni => vni(text),
    }
}

/// One TCVN3 (TCVN 5712:1993, VN3) code, read as the Latin-1 character Word stored.
fn tcvn3(c: char) -> char {
    const HIGH: [char; 95] = [
        // 0xA1..=0xFF
        'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ',
        '\u{AF}', // A1-AF
        '\u{B0}', '\u{B1}', '\u{B2}', '\u{B3}', '\u{B4}', 'à', 'ả', 'ã', 'á', 'ạ', '\u{BA}', 'ằ',
        'ẳ', 'ẵ', 'ắ', '\u{BF}', // B0-BF
        '\u{C0}', '\u{C1}', '\u{C2}', '\u{C3}', '\u{C4}', '\u{C5}', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ',
        'è', '\u{CD}', 'ẻ', 'ẽ', // C0-CF
        'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', '\u{D9}', '\u{DA}', '\u{DB}', 'ĩ', 'í', 'ị',
        'ò', // D0-DF
        '\u{E0}', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ',
        'ù', // E0-EF
        '\u{F0}', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ',
        '\u{FF}', // F0-FF
    ];
    match u32::from(c) {
        n @ 0xA1..=0xFF => HIGH[(n - 0xA1) as usize],
        _ => c,
    }
}

/// VNI: letters stand for themselves, a few codes are whole letters (ơ ư đ ị ỉ ì í ĩ) and
/// the others are the marks of the letter before them.
fn vni(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev_letter = false;
    for c in text.chars() {
        let whole = match c {
            'ô' => Some("ơ"),
            'Ô' => Some("Ơ"),
            'ö' => Some("ư"),
            'Ö' => Some("Ư"),
            'ñ' => Some("đ"),
            'Ñ' => Some("Đ"),
            'ò' => Some("ị"),
            'Ò' => Some("Ị"),
            'ó' => Some("ỉ"),
            'Ó' => Some("Ỉ"),
            'æ' => Some("ì"),
            'Æ' => Some("Ì"),
            'í' => Some("í"),
            'Í' => Some("Í"),
            'î' => Some("ĩ"),
            'Î' => Some("Ĩ"),
            _ => None,
        };
        // Marks follow a letter; ơ and ư take tones too.
        let mark = if prev_letter { vni_mark(c) } else { None };
        if let Some(m) = mark {
            out.push_str(m);
            continue;
        }
        if let Some(w) = whole {
            out.push_str(w);
            prev_letter = true;
            continue;
        }
        out.push(c);
        prev_letter = c.is_alphabetic();
    }
    nfc_owned(out)
}

/// The combining marks a VNI mark code stands for.
fn vni_mark(c: char) -> Option<&'static str> {
    Some(match c.to_lowercase().next()? {
        'ù' => "\u{301}",
        'ø' => "\u{300}",
        'û' => "\u{309}",
        'õ' => "\u{303}",
        'ï' => "\u{323}",
        'â' => "\u{302}",
        'ê' => "\u{306}",
        'á' => "\u{302}\u{301}",
        'à' => "\u{302}\u{300}",
        'å' => "\u{302}\u{309}",
        'ã' => "\u{302}\u{303}",
        'ä' => "\u{302}\u{323}",
        'é' => "\u{306}\u{301}",
        'è' => "\u{306}\u{300}",
        'ú' => "\u{306}\u{309}",
        'ü' => "\u{306}\u{303}",
        'ë' => "\u{306}\u{323}",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_words_of_the_corpus_decode() {
        let t = |s: &str| decode(s, Legacy::Tcvn3);
        assert_eq!(t("Thùc hiÖn KÕ ho¹ch sè"), "Thực hiện Kế hoạch số");
        assert_eq!(t("ngµy 31 th¸ng 12 n¨m 2026"), "ngày 31 tháng 12 năm 2026");
        assert_eq!(
            t("§éc lËp - Tù do - H¹nh phóc"),
            "Độc lập - Tự do - Hạnh phúc"
        );
        assert_eq!(t("®èi t\u{AD}îng"), "đối tượng");
        assert_eq!(t("Së Néi vô"), "Sở Nội vụ");
        assert_eq!(
            t("nh÷ng khã kh¨n, v\u{AD}íng m¾c"),
            "những khó khăn, vướng mắc"
        );
    }

    #[test]
    fn tcvn3_capital_fonts_show_capitals() {
        assert_eq!(of_font(".VnTimeH"), Some(Legacy::Tcvn3Upper));
        assert_eq!(of_font(".VnTime"), Some(Legacy::Tcvn3));
        assert_eq!(of_font("Times New Roman"), None);
        assert_eq!(decode("kÕ ho¹ch", Legacy::Tcvn3Upper), "KẾ HOẠCH");
        assert_eq!(
            decode("ñy ban nh©n d©n", Legacy::Tcvn3Upper),
            "ỦY BAN NHÂN DÂN"
        );
    }

    #[test]
    fn vni_marks_join_their_letter() {
        assert_eq!(of_font("VNI-Times"), Some(Legacy::Vni));
        let v = |s: &str| decode(s, Legacy::Vni);
        assert_eq!(v("Keá hoaïch"), "Kế hoạch");
        assert_eq!(v("Vieät Nam"), "Việt Nam");
        assert_eq!(v("ngöôøi"), "người");
        assert_eq!(v("ñoái töôïng"), "đối tượng");
        assert_eq!(v("Ñoäc laäp"), "Độc lập");
        assert_eq!(v("UÛY BAN"), "ỦY BAN");
        // Already Unicode text passes through.
        assert_eq!(v("Cần Thơ 2026"), "Cần Thơ 2026");
    }
}
