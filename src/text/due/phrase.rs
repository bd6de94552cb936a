//! The due written inside a sentence ("… cập nhật thường xuyên", "… báo cáo định kỳ hằng
//! quý", "… trước ngày 15/12"), for tasks read from prose rather than from a due column.
//! Only forms that say when on their own are picked out; the phrase is returned as
//! written, to be read by [`super::parse_due`] like any due cell.

use crate::text::fold::search_fold;

/// Phrases, folded, longest first where one starts another.
const PHRASES: &[&str] = &[
    "dinh ky hang quy",
    "dinh ky hang thang",
    "dinh ky hang nam",
    "dinh ky 6 thang",
    "dinh ky 06 thang",
    "hang quy",
    "hang thang",
    "hang nam",
    "thuong xuyen",
    "cuoi nam",
];

/// Whether a folded word is a date: "15/12", "15/12/2025", "05".
fn is_date(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_ascii_digit() || c == '/')
}

/// The first due phrase in `text`, as written: "thường xuyên", "định kỳ hằng quý",
/// "trước ngày 15/12", "trước ngày 05 tháng cuối quý", "Cuối năm 2025".
pub fn due_in_text(text: &str) -> Option<&str> {
    let spans: Vec<(usize, usize)> = text
        .split_whitespace()
        .map(|w| {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            (start, start + w.len())
        })
        .collect();
    let keys: Vec<String> = spans
        .iter()
        .map(|&(a, b)| {
            search_fold(text[a..b].trim_matches(|c: char| !c.is_alphanumeric() && c != '/'))
        })
        .collect();
    let at = |i: usize, n: usize| -> Option<&str> {
        let end = spans[i + n - 1].1;
        Some(text[spans[i].0..end].trim_end_matches(|c: char| !c.is_alphanumeric()))
    };
    for i in 0..keys.len() {
        for p in PHRASES {
            let words: Vec<&str> = p.split(' ').collect();
            let n = words.len();
            if keys.len() >= i + n && keys[i..i + n].iter().zip(&words).all(|(k, w)| k == w) {
                // "cuối năm" says when only with its year.
                if *p == "cuoi nam" {
                    match keys.get(i + n) {
                        Some(y) if y.len() == 4 && is_date(y) => return at(i, n + 1),
                        _ => continue,
                    }
                }
                return at(i, n);
            }
        }
        if keys[i] == "truoc" && keys.get(i + 1).is_some_and(|k| k == "ngay") {
            let Some(day) = keys.get(i + 2).filter(|k| is_date(k)) else {
                continue;
            };
            // "trước ngày 05 tháng cuối quý" / "trước ngày 15 tháng 12 năm 2025".
            let mut n = 3;
            if !day.contains('/') && keys.get(i + 3).is_some_and(|k| k == "thang") {
                n = 4;
                let ends_clause =
                    |j: usize| text[spans[j].0..spans[j].1].ends_with([',', ';', '.']);
                while let Some(k) = keys.get(i + n).filter(|_| !ends_clause(i + n - 1)) {
                    let more = is_date(k) || matches!(k.as_str(), "cuoi" | "quy" | "nam" | "dau");
                    if !more {
                        break;
                    }
                    n += 1;
                }
            }
            return at(i, n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_due_inside_a_sentence_is_found_as_written() {
        let cases = [
            ("Thường xuyên cập nhật các thủ tục", Some("Thường xuyên")),
            (
                "báo cáo kết quả định kỳ hàng quý, 6 tháng, năm",
                Some("định kỳ hàng quý"),
            ),
            ("gửi Sở Nội vụ trước ngày 15/12.", Some("trước ngày 15/12")),
            (
                "báo cáo trước ngày 05 tháng cuối quý, năm",
                Some("trước ngày 05 tháng cuối quý"),
            ),
            ("hoàn thành Cuối năm 2025;", Some("Cuối năm 2025")),
            ("đánh giá cán bộ cuối năm", None),
            ("Tổ chức hội nghị tuyên truyền", None),
            ("trước ngày làm việc", None),
        ];
        for (text, want) in cases {
            assert_eq!(due_in_text(text), want, "{text}");
        }
    }
}
