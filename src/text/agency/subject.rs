//! Reading who does what from the start of a sentence, as "Tổ chức thực hiện" sections
//! write it: "Bộ phận Tiếp nhận và trả kết quả phường tăng cường hướng dẫn …" (the agency,
//! then an action in lower case), "Đề nghị Ủy ban MTTQ Việt Nam xã phối hợp …", "Giao phòng
//! Văn hóa - Xã hội thực hiện …"; and whether a bullet starts with an action ("Tham mưu …",
//! "Chủ trì, phối hợp …"), which under an agency heading makes it that agency's task.
//!
//! Precision over recall: a sentence is read only when an action word from [`ACTIONS`]
//! follows a name that reads as an agency ([`reads_as_agency`]); a name that is a whole
//! clause ("… là đầu mối giúp …") or a generic "Các cơ quan, đơn vị" is not an agency.

use std::sync::OnceLock;

use super::reads_as_agency;
use crate::text::fold::match_key;

/// Words that start an action in a plan's assignments. An agency name may contain some of
/// them capitalised ("Ban Chỉ đạo", "Bộ phận Tiếp nhận và trả kết quả"): inside a sentence
/// only a lower-case one ends the name.
const ACTIONS: &[&str] = &[
    "ban hành",
    "bám sát",
    "báo cáo",
    "bảo đảm",
    "bố trí",
    "cải tiến",
    "căn cứ",
    "cập nhật",
    "chỉ đạo",
    "chịu trách nhiệm",
    "chủ động",
    "chủ trì",
    "cung cấp",
    "cử",
    "duy trì",
    "đảm bảo",
    "đăng tải",
    "đẩy mạnh",
    "đôn đốc",
    "đưa",
    "hướng dẫn",
    "in",
    "kiểm tra",
    "kịp thời",
    "lồng ghép",
    "nâng cao",
    "niêm yết",
    "phát hành",
    "phối hợp",
    "phổ biến",
    "quán triệt",
    "rà soát",
    "tăng cường",
    "tham gia",
    "tham mưu",
    "theo dõi",
    "thông tin",
    "thường xuyên",
    "thực hiện",
    "tích cực",
    "tiếp tục",
    "tổ chức",
    "tổng hợp",
    "trao đổi",
    "triển khai",
    "tuyên truyền",
    "vận động",
    "xây dựng",
];

/// Lower-case words that make the words before them a clause, not an agency's name.
const CLAUSE_WORDS: &[&str] = &["là", "có", "được", "giúp", "cần", "phải", "sẽ", "đã", "nếu"];

/// Words after which an action word is a noun ("các tổ chức"), folded.
const QUANTIFIERS: &[&str] = &["các", "những", "mọi", "từng"];

/// Words before the agency that ask or assign ("Đề nghị X phối hợp", "Giao X thực hiện").
const ASKING: &[&str] = &["đề nghị", "giao", "yêu cầu"];

fn folded(list: &'static [&'static str]) -> Vec<Vec<String>> {
    list.iter()
        .map(|w| match_key(w).split(' ').map(str::to_string).collect())
        .collect()
}

fn actions() -> &'static [Vec<String>] {
    static ACTION_KEYS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    ACTION_KEYS.get_or_init(|| folded(ACTIONS))
}

/// The words of `text`, each folded by [`match_key`] and stripped of punctuation around it.
fn keys(words: &[&str]) -> Vec<String> {
    words
        .iter()
        .map(|w| match_key(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .collect()
}

/// Whether `words` (folded) start with one of `list`.
fn starts_with_any(words: &[String], list: &[Vec<String>]) -> bool {
    list.iter()
        .any(|a| words.len() >= a.len() && words[..a.len()] == a[..])
}

/// Whether `text` starts with an action word ("Tham mưu …", "Chủ trì, phối hợp …",
/// "Thường xuyên cập nhật …"), in any case.
pub fn starts_with_action(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().take(4).collect();
    starts_with_any(&keys(&words), actions())
}

/// `text` without a leading "Đề nghị", "Giao" or "Yêu cầu".
pub fn without_asking(text: &str) -> &str {
    let text = text.trim_start();
    let words: Vec<&str> = text.split_whitespace().take(3).collect();
    let k = keys(&words);
    for ask in ASKING {
        let n = ask.split(' ').count();
        if k.len() > n && k[..n].join(" ") == match_key(ask) {
            // Skip the asking words and the spaces between and after them.
            let mut rest = text;
            for _ in 0..n {
                rest = rest.trim_start();
                rest = &rest[rest.find(char::is_whitespace).unwrap_or(rest.len())..];
            }
            return rest.trim_start();
        }
    }
    text
}

/// `s` with its first letter upper case.
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether `name` reads as one agency (or a list of them) on its own: an agency's start,
/// no clause word, not a generic "Các …", not a whole sentence.
pub fn is_agency_name(name: &str) -> bool {
    let name = name.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let k = keys(&words);
    !words.is_empty()
        && words.len() <= 20
        && k[0] != "các"
        // Only written in lower case: "Cần Thơ" is a place, "cần" a clause.
        && !words.iter().zip(&k).any(|(w, key)| {
            w.starts_with(char::is_lowercase) && CLAUSE_WORDS.iter().any(|c| match_key(c) == *key)
        })
        && !name.contains([';', ':', '.'])
        && !starts_with_action(name)
        && reads_as_agency(&capitalised(name))
}

/// The agency a sentence starts with and the action after it: "Bộ phận Tiếp nhận và trả
/// kết quả phường tăng cường hướng dẫn …" → ("Bộ phận Tiếp nhận và trả kết quả phường",
/// "tăng cường hướng dẫn …"). A leading "Đề nghị" or "Giao" is dropped. `None` when no
/// lower-case action word follows a name that reads as an agency.
pub fn subject_agency(text: &str) -> Option<(String, String)> {
    let text = without_asking(text);
    let words: Vec<&str> = text.split_whitespace().collect();
    let k = keys(&words);
    (1..words.len().min(24)).find_map(|i| {
        let lower = words[i].chars().next().is_some_and(char::is_lowercase);
        // After "các", "những" … the word is a noun: "các tổ chức chính trị - xã hội".
        let counted = QUANTIFIERS.contains(&k[i - 1].as_str());
        if !lower || counted || !starts_with_any(&k[i..], actions()) {
            return None;
        }
        let agency = words[..i].join(" ");
        let agency = agency.trim_end_matches(',').to_string();
        is_agency_name(&agency).then(|| (capitalised(&agency), words[i..].join(" ")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agency_is_read_from_the_start_of_a_sentence() {
        let cases = [
            (
                "Bộ phận Tiếp nhận và trả kết quả phường tăng cường hướng dẫn người dân",
                Some((
                    "Bộ phận Tiếp nhận và trả kết quả phường",
                    "tăng cường hướng dẫn người dân",
                )),
            ),
            (
                "Đề nghị UBMTTQVN và các Đoàn thể phường tổ chức tuyên truyền",
                Some(("UBMTTQVN và các Đoàn thể phường", "tổ chức tuyên truyền")),
            ),
            (
                "Đề nghị Ủy ban MTTQ Việt Nam phường và các tổ chức chính trị - xã hội phối hợp",
                Some((
                    "Ủy ban MTTQ Việt Nam phường và các tổ chức chính trị - xã hội",
                    "phối hợp",
                )),
            ),
            (
                "Văn phòng UBND kịp thời tham mưu",
                Some(("Văn phòng UBND", "kịp thời tham mưu")),
            ),
            (
                "Giao phòng Văn hóa – Xã hội thực hiện báo cáo định kỳ",
                Some(("Phòng Văn hóa – Xã hội", "thực hiện báo cáo định kỳ")),
            ),
            (
                "Ban Chỉ đạo CCHC xã chỉ đạo các bộ phận",
                Some(("Ban Chỉ đạo CCHC xã", "chỉ đạo các bộ phận")),
            ),
            // A clause, a person, a generic subject, no action: not read.
            (
                "Văn phòng HĐND và UBND xã là đầu mối giúp Ủy ban nhân dân xã theo dõi",
                None,
            ),
            ("Trưởng ấp các ấp phát và thu phiếu", None),
            ("Các cơ quan, đơn vị kịp thời báo cáo", None),
            ("Kinh phí in phiếu được chi từ nguồn", None),
            ("Tuyên truyền trên các phương tiện", None),
        ];
        for (text, want) in cases {
            let got = subject_agency(text);
            let got = got.as_ref().map(|(a, r)| (a.as_str(), r.as_str()));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn agency_names_alone() {
        for yes in [
            "Đài Phát thanh và Truyền hình thành phố, Báo Cần Thơ",
            "Phòng Kinh tế, Hạ tầng và Đô thị",
            "Sở Nội vụ",
        ] {
            assert!(is_agency_name(yes), "{yes}");
        }
        for no in [
            "Thủ trưởng các cơ quan",
            "Tham mưu kế hoạch",
            "Các cơ quan, đơn vị",
        ] {
            assert!(!is_agency_name(no), "{no}");
        }
    }

    #[test]
    fn an_action_starts_a_bullet() {
        for yes in [
            "Tham mưu Ủy ban nhân dân phường",
            "Chủ trì, phối hợp với",
            "THƯỜNG XUYÊN cập nhật",
            "Căn cứ kế hoạch",
        ] {
            assert!(starts_with_action(yes), "{yes}");
        }
        for no in [
            "Phòng Văn hóa - Xã hội",
            "Kinh phí thực hiện",
            "Trên đây là",
        ] {
            assert!(!starts_with_action(no), "{no}");
        }
    }
}
