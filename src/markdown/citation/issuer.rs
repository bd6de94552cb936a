//! Who issued a cited document: the issuer written after the number ("… của UBND tỉnh"),
//! whether it agrees with a page's `authority`, and whether the document is central (in
//! the national legal database, so worth sending to the `[legal] resolver`) or local.

use super::parse::Cursor;
use super::{is_word_char, starts_capitalised_type};
use crate::text::fold::match_key;

/// Words that open an issuer's name, as [`match_key`] spells them; the longest that fits
/// is taken. Those in [`NAMED_HEADS`] need a capitalised name after them ("Bộ Nội vụ").
const HEADS: &[&str] = &[
    "ủy ban nhân dân",
    "ubnd",
    "hội đồng nhân dân",
    "hđnd",
    "chính phủ",
    "thủ tướng chính phủ",
    "thủ tướng",
    "quốc hội",
    "ủy ban thường vụ quốc hội",
    "chủ tịch nước",
    "chủ tịch",
    "bộ chính trị",
    "ban chấp hành trung ương",
    "ban bí thư",
    "ban thường vụ",
    "ban chỉ đạo",
    "bcđ",
    "tỉnh ủy",
    "thành ủy",
    "huyện ủy",
    "đảng ủy",
    "ủy ban mặt trận tổ quốc",
    "ubmttq",
    "văn phòng",
    "trung tâm",
    "bộ",
    "sở",
    "ban",
    "phòng",
];

/// Heads that are only an issuer with a capitalised name after them.
const NAMED_HEADS: &[&str] = &[
    "bộ",
    "sở",
    "ban",
    "phòng",
    "văn phòng",
    "trung tâm",
    "chủ tịch",
];

/// The words of an administrative unit ("xã", "thị trấn", …) after a head.
const UNITS: &[&str] = &[
    "xã",
    "phường",
    "thị",
    "trấn",
    "huyện",
    "quận",
    "tỉnh",
    "thành",
    "phố",
];

/// Most words read for an issuer.
const MAX_WORDS: usize = 10;

/// Reads "[,] của ISSUER" at `cur` (just after a citation's number or date); the issuer
/// as written, spaces folded, or None when no issuer follows.
pub(super) fn parse_issuer(mut cur: Cursor) -> Option<String> {
    if cur.peek() == Some(',') {
        cur.bump();
    }
    if cur.skip_ws() == 0 || !cur.word("của") || cur.skip_ws() == 0 {
        return None;
    }
    let words = read_words(cur);
    let keys: Vec<String> = words.iter().map(|w| match_key(w)).collect();
    let head = HEADS
        .iter()
        .filter_map(|h| {
            let n = h.split(' ').count();
            (keys.len() >= n && keys[..n].join(" ") == match_key(h)).then_some((h, n))
        })
        .max_by_key(|(_, n)| *n)?;
    let (head, n) = head;
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let named = NAMED_HEADS.contains(head);
    if named && !(capital(words[0]) && words.get(n).is_some_and(|w| capital(w))) {
        return None;
    }
    let mut taken = n;
    let mut after_capital = false;
    for w in &words[n..] {
        let key = match_key(w);
        // A capitalised word, a unit word ("xã", "tỉnh") before any name, or, after a
        // capitalised word of a named head, a ministry's name going on in lower case
        // ("Bộ Tài chính").
        let ok = capital(w)
            || (UNITS.contains(&key.as_str()) && !after_capital)
            || (named && after_capital && !STOP.contains(&key.as_str()));
        if !ok {
            break;
        }
        after_capital = capital(w);
        taken += 1;
    }
    Some(words[..taken].join(" "))
}

/// Words that end an issuer's name: what a sentence says next ("… ban hành", "… về").
const STOP: &[&str] = &[
    "về", "ban", "phê", "quy", "hướng", "triển", "thực", "và", "năm", "ngày", "số", "được", "đã",
    "có", "là", "trong", "tại", "theo", "với", "cho", "để", "nhằm", "thì", "này", "các",
];

/// Up to [`MAX_WORDS`] words from `cur`, separated by spaces (at most one line break);
/// a punctuation mark or a capitalised type word ("Kế hoạch") ends them.
fn read_words<'a>(mut cur: Cursor<'a>) -> Vec<&'a str> {
    let mut words = Vec::new();
    while words.len() < MAX_WORDS {
        if !words.is_empty() && starts_capitalised_type(cur.rest()) {
            break;
        }
        let w = cur.take_while(32, is_word_char);
        if w.is_empty() {
            break;
        }
        words.push(w);
        if cur.skip_ws() == 0 {
            break;
        }
    }
    words
}

/// An issuer or authority as compared: abbreviations written out by the one table of
/// them ([`crate::text::agency::full_name`]: "UBND" → "Ủy ban nhân dân"), then
/// [`match_key`]. "TP", which that table leaves alone (it has several meanings in agency
/// names), can only be "thành phố" in an issuer.
pub fn normalize(issuer: &str) -> String {
    let full = crate::text::agency::full_name(issuer);
    let words: Vec<String> = full
        .split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
        .map(|w| match match_key(w) {
            tp if tp == "tp" => match_key("thành phố"),
            key => key,
        })
        .collect();
    let joined = words.join(" ");
    // "Thủ tướng" alone is the Prime Minister: "Thủ tướng Chính phủ" in full.
    let pm = match_key("thủ tướng chính phủ");
    let short = match_key("thủ tướng");
    match joined.strip_prefix(&short) {
        Some(rest) if !joined.starts_with(&pm) => format!("{pm}{rest}"),
        _ => joined,
    }
}

/// Whether two issuers (each [`normalize`]d) may be the same body: one's words start the
/// other's, so "ủy ban nhân dân xã" agrees with "ủy ban nhân dân xã tân hòa lợi" but
/// "ủy ban nhân dân tỉnh" does not.
pub fn agree(a: &str, b: &str) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let n = a.len().min(b.len());
    a[..n] == b[..n]
}

/// Document types only central bodies issue.
const CENTRAL_TYPES: &[&str] = &[
    "Luật",
    "Bộ luật",
    "Pháp lệnh",
    "Nghị định",
    "Thông tư",
    "Thông tư liên tịch",
];

/// Symbol parts of central issuers (trailing digits dropped: `QH15` → `QH`); a part
/// starting with `B` names a ministry (`BNV`, `BTC`) unless it is in [`LOCAL_PARTS`].
const CENTRAL_PARTS: &[&str] = &[
    "CP", "TTG", "QH", "UBTVQH", "CTN", "VPCP", "NHNN", "TTCP", "KTNN", "TANDTC", "VKSNDTC",
    "HĐTP", "TW", "UBDT",
];

/// Symbol parts of commune, district and provincial bodies: people's committees and
/// councils, steering boards, offices, party committees.
const LOCAL_PARTS: &[&str] = &[
    "UBND", "HĐND", "BCĐ", "VP", "TU", "HU", "ĐU", "TTHĐND", "UBMTTQ", "MTTQ", "BTV", "BCH", "BQL",
    "BDT", "BTG", "TTPVHCC",
];

/// Whether a numbered document is central: its type is one only central bodies issue
/// (Luật, Nghị định, Thông tư, …), or its symbol names a central body (`-CP`, `-TTg`,
/// `-QH15`, a ministry) and no local one (`-UBND`, `-HĐND`, `-BCĐ`, `-VP`, a Sở: `S…`).
/// An unknown symbol is local: a resolver link to nothing is worse than no link.
pub fn is_central(doc_type: &str, number: &str) -> bool {
    if CENTRAL_TYPES.contains(&doc_type) {
        return true;
    }
    let parts: Vec<String> = number
        .split(['/', '-'])
        .map(|p| {
            p.trim_end_matches(|c: char| c.is_ascii_digit())
                .to_uppercase()
        })
        .filter(|p| !p.is_empty())
        .collect();
    let local = |p: &str| LOCAL_PARTS.contains(&p) || (p.starts_with('S') && p.len() >= 2);
    if parts.iter().any(|p| local(p)) {
        return false;
    }
    parts
        .iter()
        .any(|p| CENTRAL_PARTS.contains(&p.as_str()) || (p.starts_with('B') && p.len() >= 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn central_and_local_symbols() {
        for (t, n) in [
            ("Nghị quyết", "76/NQ-CP"),
            ("Quyết định", "749/QĐ-TTg"),
            ("Chỉ thị", "23/CT-TTg"),
            ("Nghị quyết", "35/2023/UBTVQH15"),
            ("Quyết định", "1085/QĐ-BNV"),
            ("Nghị định", "61/2018/NĐ-CP"),
            ("Thông tư", "01/2023/TT-VPCP"),
            ("Nghị quyết", "18-NQ/TW"),
        ] {
            assert!(is_central(t, n), "{t} {n}");
        }
        for (t, n) in [
            ("Kế hoạch", "172/KH-UBND"),
            ("Nghị quyết", "12/NQ-HĐND"),
            ("Kế hoạch", "05/KH-BCĐ"),
            ("Công văn", "259/UBND-VP"),
            ("Chương trình", "26-CTr/TU"),
            ("Quyết định", "12/QĐ-SNV"),
            ("Kế hoạch", "3/KH-XYZ"),
        ] {
            assert!(!is_central(t, n), "{t} {n}");
        }
    }

    #[test]
    fn issuers_agree_by_their_first_words() {
        let n = normalize;
        assert_eq!(n("UBND tỉnh"), match_key("ủy ban nhân dân tỉnh"));
        assert_eq!(n("Thủ tướng"), match_key("thủ tướng chính phủ"));
        assert_eq!(n("Thủ tướng Chính phủ"), match_key("thủ tướng chính phủ"));
        assert!(agree(&n("Ủy ban nhân dân xã"), &n("UBND xã Tân Hòa Lợi")));
        assert!(agree(
            &n("Uỷ ban nhân dân xã Tân Hoà Lợi"),
            &n("UBND xã Tân Hòa Lợi")
        ));
        assert!(!agree(
            &n("UBND tỉnh"),
            &n("Ủy ban nhân dân xã Tân Hòa Lợi")
        ));
        assert!(!agree(&n("Chính phủ"), &n("Thủ tướng Chính phủ")));
    }

    #[test]
    fn issuer_after_the_number() {
        let read = |s: &str| parse_issuer(Cursor { s, pos: 0 });
        assert_eq!(read(" của UBND tỉnh về việc").as_deref(), Some("UBND tỉnh"));
        assert_eq!(
            read(" của Ủy ban nhân dân xã ban hành Kế hoạch").as_deref(),
            Some("Ủy ban nhân dân xã")
        );
        assert_eq!(
            read(", của UBND tỉnh Thái Nguyên.").as_deref(),
            Some("UBND tỉnh Thái Nguyên")
        );
        assert_eq!(
            read(" của Thủ tướng Chính phủ phê duyệt").as_deref(),
            Some("Thủ tướng Chính phủ")
        );
        assert_eq!(
            read(" của Bộ Tài chính hướng dẫn").as_deref(),
            Some("Bộ Tài chính")
        );
        assert_eq!(read(" của các sở, ngành"), None);
        assert_eq!(read(" của bộ máy"), None);
        assert_eq!(read(" về việc"), None);
    }
}
