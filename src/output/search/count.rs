//! Counting one page's words: each distinct word, lower-cased, with its score, and the
//! pairs of neighbouring words.
//!
//! The page's text is walked as written, not lower-cased first: a page repeats its words
//! many times over, so each distinct spelling (`Xã`, `xã`) is lower-cased once, when first
//! met, and every later occurrence is a look-up of its spelling. Cutting words does not
//! depend on case (a letter and its small letter are both word characters), and
//! lower-casing maps each character alone, so a word lower-cased by itself is the same as
//! the word cut from the lower-cased text.

use super::{FxMap, MAX_TF, PAIR_WORDS, PageWords, TITLE, ids, packed_at, tokens};

/// Word ids by spelling as written and by lower-cased word, with the page's distinct
/// words kept once each.
struct Counter<'t> {
    /// The page's text as written.
    text: &'t str,
    /// Spellings of up to 16 bytes (nearly all words), packed, numbered as met.
    spellings: ids::PackedIds,
    /// By spelling number, its word's id.
    spelling_word: Vec<u32>,
    /// Longer spellings and their word's id.
    long_spellings: FxMap<&'t str, u32>,
    /// Lower-cased words of up to 16 bytes, packed, numbered as met.
    lowers: ids::PackedIds,
    /// By lower-cased word number, its word's id.
    lower_word: Vec<u32>,
    /// Longer lower-cased words and their id.
    long_lowers: FxMap<String, u32>,
    /// Each distinct word once, lower-cased: what [`PageWords::text`] holds.
    out: String,
    /// Distinct words: (start, end) in `out`, and score.
    words: Vec<(u32, u32, u32)>,
}

impl<'t> Counter<'t> {
    /// A counter for the words of `text`.
    fn new(text: &'t str) -> Self {
        // Sized for one distinct spelling in 16 bytes of text, grown past that.
        let n = text.len() / 16;
        Counter {
            text,
            spellings: ids::PackedIds::with_capacity(n),
            spelling_word: Vec::with_capacity(n),
            long_spellings: FxMap::default(),
            lowers: ids::PackedIds::with_capacity(n),
            lower_word: Vec::with_capacity(n),
            long_lowers: FxMap::default(),
            out: String::with_capacity(text.len() / 4),
            words: Vec::with_capacity(n),
        }
    }

    /// The id of the word at `text[s..e]`: its place in `words`, given in the order the
    /// lower-cased words are first met.
    #[inline]
    fn id(&mut self, s: usize, e: usize) -> u32 {
        let text = self.text;
        match packed_at(text, s, e) {
            Some(key) => {
                let n = self.spellings.get_or_insert(key) as usize;
                if n == self.spelling_word.len() {
                    let id = self.packed_lower_id(key, s, e);
                    self.spelling_word.push(id);
                }
                self.spelling_word[n]
            }
            None => match self.long_spellings.get(&text[s..e]) {
                Some(&id) => id,
                None => {
                    let id = self.lower_id(s, e);
                    self.long_spellings.insert(&text[s..e], id);
                    id
                }
            },
        }
    }

    /// [`Counter::lower_id`] of the spelling `text[s..e]` packed as `key`, lower-cased in
    /// the register when it can be (nearly always), so that a word met before in another
    /// case costs no copy.
    #[inline]
    fn packed_lower_id(&mut self, key: u128, s: usize, e: usize) -> u32 {
        let Some(lower) = tokens::lower_packed(key) else {
            return self.lower_id(s, e);
        };
        let bytes = lower.to_le_bytes();
        let Ok(word) = std::str::from_utf8(&bytes[..e - s]) else {
            return self.lower_id(s, e);
        };
        let next = self.words.len() as u32;
        let n = self.lowers.get_or_insert(lower) as usize;
        if n < self.lower_word.len() {
            return self.lower_word[n];
        }
        self.lower_word.push(next);
        let at = self.out.len() as u32;
        self.out.push_str(word);
        self.words.push((at, self.out.len() as u32, 0));
        next
    }

    /// The id of `text[s..e]` lower-cased, for a spelling met for the first time: a new
    /// word, or one met before in another case.
    fn lower_id(&mut self, s: usize, e: usize) -> u32 {
        let at = self.out.len();
        tokens::push_lower(&self.text[s..e], &mut self.out);
        let end = self.out.len();
        let next = self.words.len() as u32;
        let id = match packed_at(&self.out, at, end) {
            Some(key) => {
                let n = self.lowers.get_or_insert(key) as usize;
                if n == self.lower_word.len() {
                    self.lower_word.push(next);
                }
                self.lower_word[n]
            }
            None => *self
                .long_lowers
                .entry(self.out[at..].to_string())
                .or_insert(next),
        };
        if id == next {
            self.words.push((at as u32, end as u32, 0));
        } else {
            // Kept already, in the case first met.
            self.out.truncate(at);
        }
        id
    }
}

/// Counts the distinct words and neighbour pairs of `text` (in any case); words before
/// `head_end` score as title words.
pub(super) fn count(text: &str, head_end: usize) -> PageWords {
    let mut c = Counter::new(text);
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut prev: Option<u32> = None;
    let mut prev_end = 0;
    let mut n = 0;
    for (s, e, compound) in tokens::Words::new(text) {
        let id = c.id(s, e);
        let w = &mut c.words[id as usize];
        if s < head_end {
            w.2 |= TITLE;
        }
        if w.2 % TITLE < MAX_TF {
            w.2 += 1;
        }
        if compound || n >= PAIR_WORDS {
            continue;
        }
        n += 1;
        // Neighbours only across white space: "a. B" starts a new sentence.
        if let Some(a) = prev
            && text.as_bytes()[prev_end..s].iter().all(|&b| b == b' ')
        {
            pairs.push((a, id));
        }
        prev = Some(id);
        prev_end = e;
    }
    pairs.sort_unstable();
    pairs.dedup();
    PageWords {
        text: c.out,
        words: c.words,
        pairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words with their scores, and pairs of word ids.
    type Counted = (Vec<(String, u32)>, Vec<(u32, u32)>);

    /// The words, scores and pairs of `text` as counting them in the lower-cased text
    /// found them: the text lower-cased whole, then each word looked up as cut from it.
    fn counted_lowered_whole(text: &str, head_end: usize) -> Counted {
        let mut lower = String::new();
        tokens::push_lower(&text[..head_end], &mut lower);
        let lower_head_end = lower.len();
        tokens::push_lower(&text[head_end..], &mut lower);
        let mut ids: std::collections::HashMap<&str, u32> = Default::default();
        let mut words: Vec<(String, u32)> = Vec::new();
        let mut pairs = Vec::new();
        let (mut prev, mut prev_end, mut n) = (None, 0, 0);
        for (s, e, compound) in tokens::Words::new(&lower) {
            let id = *ids.entry(&lower[s..e]).or_insert_with(|| {
                words.push((lower[s..e].to_string(), 0));
                words.len() as u32 - 1
            });
            let w = &mut words[id as usize];
            if s < lower_head_end {
                w.1 |= TITLE;
            }
            if w.1 % TITLE < MAX_TF {
                w.1 += 1;
            }
            if compound || n >= PAIR_WORDS {
                continue;
            }
            n += 1;
            if let Some(a) = prev
                && lower.as_bytes()[prev_end..s].iter().all(|&b| b == b' ')
            {
                pairs.push((a, id));
            }
            prev = Some(id);
            prev_end = e;
        }
        pairs.sort_unstable();
        pairs.dedup();
        (words, pairs)
    }

    fn as_written(p: &PageWords) -> Vec<(String, u32)> {
        p.words
            .iter()
            .map(|&(s, e, score)| (p.text[s as usize..e as usize].to_string(), score))
            .collect()
    }

    #[test]
    fn each_distinct_word_is_kept_once_lower_cased_in_the_case_first_met() {
        let p = count("Xã\nxã XÃ Đường đường ĐƯỜNG xã", 3);
        assert_eq!(p.text, "xãđường");
        assert_eq!(
            as_written(&p),
            [("xã".to_string(), TITLE + 4), ("đường".to_string(), 3)]
        );
    }

    #[test]
    fn counting_as_written_finds_what_counting_the_lower_cased_text_finds() {
        let texts = [
            "Thủ tục\n1.001193\nHộ tịch\nĐăng ký khai sinh. Đăng KÝ khai SINH cho trẻ em",
            "Nghị định\n61/2018/NĐ-CP\nCăn cứ Nghị định số 61/2018/nđ-cp về một cửa",
            "THÀNH-PHỐ-HỒ-CHÍ-MINH\n\nThành-phố-Hồ-Chí-Minh thành-phố-hồ-chí-minh Thành phố",
            "İstanbul\n\nİSTANBUL istanbul Σίσυφος ΣΊΣΥΦΟΣ KELVIN \u{212A}elvin ẞ ß Ǆ ǆ ǅ",
            "A a A a\nÀ à Ạ ạ Ỹ ỹ Ơ ơ Ư ư Ă ă Đ đ × ÷ x",
        ];
        for t in texts {
            let head_end = t.find('\n').map_or(0, |i| i + 1);
            let p = count(t, head_end);
            let (words, pairs) = counted_lowered_whole(t, head_end);
            assert_eq!(as_written(&p), words, "{t}");
            assert_eq!(p.pairs, pairs, "{t}");
        }
    }
}
