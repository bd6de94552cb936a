//! Laws and ordinances cited by their name alone: "Luật Thực hiện dân chủ ở cơ sở",
//! "Bộ luật Dân sự năm 2015", "Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn".
//!
//! The name must stop where the sentence goes on, and "luật" in ordinary prose ("pháp
//! luật", "kỷ luật", "Luật này quy định") must not become a citation. So: the type word is
//! written with a capital; a law's name starts with a capital ("Luật Đất đai"), an
//! ordinance's may not; the name runs over words until a punctuation mark, a word that
//! continues the sentence ([`STOP`]: "của", "được", "quy định", …), a capitalised type
//! word ("và Luật Viên chức") or "năm 2022" (its year). A comma goes on inside the name
//! only in the names that have one: after a short head ("Phòng, chống", "Cán bộ, công
//! chức", "Thi đua, khen thưởng") or between administrative units ("xã, phường, thị
//! trấn"); "và" only before a lower-case word that is no [`STOP`] ("Hôn nhân và gia
//! đình").

use super::parse::{Cursor, parse_date};
use super::{Citation, MAX_NAME_WORD, is_word_char, starts_capitalised_type};
use crate::text::fold::match_key;

/// Most words in a name cited alone.
const MAX_WORDS: usize = 14;

/// Lower-case words that never go on a law's name (after its first word): the sentence
/// has gone on.
const STOP: &[&str] = &[
    "của", "được", "đã", "đang", "sẽ", "quy", "này", "nêu", "có", "về", "thì", "là", "các",
    "những", "cho", "theo", "tại", "trong", "với", "để", "do", "hoặc", "nhằm", "ban", "hướng",
    "thi", "số", "ngày", "năm", "một", "cũng", "vẫn", "không", "chưa", "phải", "cần", "nên", "khi",
    "nếu", "mà", "như", "vào", "từ", "đến", "trước", "sau", "đó", "yêu", "gồm", "bao", "còn",
    "đều", "chỉ", "cùng", "qua", "bằng", "thuộc", "nhưng", "vì", "và", "sửa", "mới", "hết", "thay",
    "văn", "điều", "khoản", "chương", "mục",
];

/// Name heads that a comma continues ("Luật Phòng, chống tham nhũng").
const COMMA_HEADS: &[&str] = &[
    "phòng",
    "cán bộ",
    "thi đua",
    "phổ biến",
    "sửa đổi",
    "khiếu nại",
    "xuất cảnh",
    "tiếp cận",
];

/// Administrative units a comma lists ("xã, phường, thị trấn").
const UNITS: &[&str] = &[
    "xã",
    "phường",
    "thị",
    "trấn",
    "huyện",
    "quận",
    "tỉnh",
    "phố",
];

/// Reads the name after the type word (`cur` is past it and its space); `written` is the
/// type word as written, which must start with a capital.
pub(super) fn parse_by_name(
    text: &str,
    start: usize,
    written: &str,
    doc_type: &'static str,
    mut cur: Cursor,
) -> Option<Citation> {
    if !written.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let name_start = cur.pos;
    let mut name_end = cur.pos;
    let mut words: Vec<String> = Vec::new();
    let mut year = None;
    while words.len() < MAX_WORDS {
        if !words.is_empty() && starts_capitalised_type(cur.rest()) {
            break;
        }
        let mut probe = cur;
        let word = probe.take_while(MAX_NAME_WORD + 1, is_word_char);
        if word.is_empty()
            || word.chars().count() > MAX_NAME_WORD
            || !word.chars().all(char::is_alphabetic)
        {
            break;
        }
        let key = match_key(word);
        if words.is_empty() {
            if starts_capitalised_type(cur.rest()) {
                return None;
            }
            // A law's name starts with a capital; an ordinance's may not ("Pháp lệnh thực
            // hiện dân chủ …"), but never with a word that goes on a sentence.
            if (doc_type != "Pháp lệnh" && !capital(word)) || STOP.contains(&key.as_str()) {
                return None;
            }
        } else if key == "năm" {
            let mut y = probe;
            if y.skip_ws() > 0
                && let Some(digits) = y.digits(4, 4)
                && y.at_word_end()
            {
                year = digits.parse().ok();
                cur = y;
            }
            break;
        } else if !capital(word) && key == "và" {
            // "Hôn nhân và gia đình", not "Đất đai và các văn bản".
            let mut next = probe;
            next.skip_ws();
            let after = next.take_while(MAX_NAME_WORD + 1, is_word_char);
            let after_key = match_key(after);
            if after.is_empty() || capital(after) || STOP.contains(&after_key.as_str()) {
                break;
            }
        } else if !capital(word) && STOP.contains(&key.as_str()) {
            break;
        }
        words.push(key);
        cur = probe;
        name_end = cur.pos;
        // Between words: a space, or a comma where the name has one.
        let mut gap = cur;
        if gap.peek() == Some(',') {
            gap.bump();
            let mut next = gap;
            if next.skip_ws() == 0 {
                break;
            }
            let after = match_key(next.take_while(MAX_NAME_WORD + 1, is_word_char));
            let head = words.join(" ");
            let listed =
                UNITS.contains(&words[words.len() - 1].as_str()) && UNITS.contains(&after.as_str());
            if !(COMMA_HEADS.contains(&head.as_str()) || listed) || STOP.contains(&after.as_str()) {
                break;
            }
        }
        if gap.skip_ws() == 0 {
            break;
        }
        cur = gap;
    }
    if words.is_empty() {
        return None;
    }
    let name = text[name_start..name_end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut end = year.map_or(name_end, |_| cur.pos);
    let mut date = None;
    if let Some((date_end, d)) = parse_date(Cursor { s: text, pos: end }) {
        end = date_end;
        date = d;
    }
    Some(Citation {
        range: start..end,
        doc_type: doc_type.to_string(),
        number: String::new(),
        date,
        name: Some(name),
        year: year.or(date.map(|d| d.0)),
        issuer: None,
    })
}
