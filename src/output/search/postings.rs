//! Postings as short text (index format 2). The whole text of every page is indexed, so a
//! common word has a posting on nearly every page; as JSON numbers (`[1,3,1,1,…]`) each
//! cost four to six bytes, which a query pays in full for each word it fetches. Here a
//! posting is one character when it can be, two or three otherwise:
//!
//! - numbers are written in groups of five bits, most significant first, each group a
//!   character of [`DIGITS`] (64 characters that need no escaping in JSON); a group with
//!   more to follow has 32 added;
//! - a word's postings are, per page, `gap × 2 + (score ≠ 1)` and, when that bit is set,
//!   the score; `gap` is the page number less the one before (the first from 0);
//! - a word pair's pages are their gaps alone.
//!
//! `tim-kiem.js` (`decode`) reads it back; the tests of both sides pin the same strings.

/// The characters of the groups, by value (0–63).
pub(crate) const DIGITS: &[u8; 64] =
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// Appends `v` in groups of five bits, most significant first.
fn push_number(out: &mut String, mut v: u64) {
    let mut groups = [0u8; 13];
    let mut n = 0;
    loop {
        groups[n] = (v & 31) as u8;
        n += 1;
        v >>= 5;
        if v == 0 {
            break;
        }
    }
    for i in (0..n).rev() {
        let more = if i > 0 { 32 } else { 0 };
        out.push(char::from(DIGITS[usize::from(groups[i] | more)]));
    }
}

/// Appends a word's postings (page, score), ascending by page.
pub(crate) fn push_postings(out: &mut String, list: &[(u32, u32)]) {
    let mut last = 0;
    for &(page, score) in list {
        let gap = u64::from(page - last);
        last = page;
        if score == 1 {
            push_number(out, gap * 2);
        } else {
            push_number(out, gap * 2 + 1);
            push_number(out, u64::from(score));
        }
    }
}

/// Appends a pair's pages, ascending.
pub(crate) fn push_pages(out: &mut String, pages: &[u32]) {
    let mut last = 0;
    for &page in pages {
        push_number(out, u64::from(page - last));
        last = page;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn postings(list: &[(u32, u32)]) -> String {
        let mut s = String::new();
        push_postings(&mut s, list);
        s
    }

    /// The numbers of a text, as the script reads them.
    fn numbers(s: &str) -> Vec<u64> {
        let mut out = Vec::new();
        let mut v = 0u64;
        for b in s.bytes() {
            let d = DIGITS.iter().position(|&d| d == b).unwrap() as u64;
            v = v * 32 + (d & 31);
            if d & 32 == 0 {
                out.push(v);
                v = 0;
            }
        }
        out
    }

    /// Reads [`push_postings`]'s text back.
    fn read(s: &str) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        let mut page = 0;
        let mut it = numbers(s).into_iter();
        while let Some(v) = it.next() {
            page += (v / 2) as u32;
            let score = if v % 2 == 1 {
                it.next().unwrap() as u32
            } else {
                1
            };
            out.push((page, score));
        }
        out
    }

    #[test]
    fn common_postings_take_one_character_and_scores_follow_only_when_not_one() {
        // Page 0 score 1, page 1 score 1, page 2 score 17 (title, once), page 40 score 1.
        let s = postings(&[(0, 1), (1, 1), (2, 17), (40, 1)]);
        // 0 → "0"; 2 → "2"; 3 then 17 → "3H"; 38 × 2 = 76 = 2·32 + 12 → "YC".
        assert_eq!(s, "023HYC");
        assert_eq!(read(&s), [(0, 1), (1, 1), (2, 17), (40, 1)]);
    }

    #[test]
    fn large_gaps_and_every_score_read_back() {
        let list: Vec<(u32, u32)> = (0..40u32).map(|i| (i * i * i * 97, 1 + i % 31)).collect();
        let s = postings(&list);
        assert!(s.bytes().all(|b| DIGITS.contains(&b)));
        assert_eq!(read(&s), list);
    }

    #[test]
    fn pairs_are_gaps() {
        let mut s = String::new();
        push_pages(&mut s, &[3, 4, 100]);
        // 3, 1, 96 = 3·32 + 0 → "31" "Z0" (35 = 'Z').
        assert_eq!(s, "31Z0");
    }
}
