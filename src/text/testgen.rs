//! Test-only source of pseudo-random strings for the property tests of the
//! sibling modules: a tiny deterministic LCG (no extra crates) drawing from
//! Vietnamese letters, bare combining marks, digits, punctuation, dashes and
//! odd spaces, so every run checks the same few thousand awkward inputs.

/// Pieces the generator glues together. Kept as `&str` so a piece can be a
/// whole NFD sequence, a date-like run or a due-text keyword.
const PIECES: &[&str] = &[
    "a", "ă", "â", "b", "c", "d", "đ", "Đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o", "ô",
    "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y", "A", "Ă", "Ơ", "Ư", "f", "z", "w", "j",
    "á", "à", "ả", "ã", "ạ", "ấ", "ầ", "ẩ", "ẫ", "ậ", "ế", "ề", "ể", "ễ", "ệ", "ố", "ờ", "ở", "ỡ",
    "ợ", "ú", "ừ", "ử", "ữ", "ự", "ý", "ỳ", "ỷ", "ỹ", "ỵ", "Ấ", "Ỵ", "hoá", "hóa", "thuỷ", "thủy",
    "khoẻ", "oà", "uý", "người", "quốc", "gì", "\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}",
    "\u{0323}", "\u{0306}", "\u{0302}", "\u{031B}", "\u{0308}", "0", "1", "2", "9", "12", "2025",
    "30", "/", "-", ".", ",", "!", "?", "(", ")", "'", "\"", ":", "–", "—", "−", "‐", " ", " ",
    " ", "  ", "\t", "\n", "\r", "\r\n", "\u{00A0}", "\u{2007}", "\u{202F}", "\u{3000}",
    "\u{200B}", "\u{200D}", "\u{FEFF}", "ß", "ø", "é", "ü", "İ", "ǅ", "中", "🙂", "Quý", "III",
    "tháng", "năm", "ngày", "Trong", "đầu", "cuối", "6", "06",
];

/// A linear congruential generator (Knuth's MMIX constants): deterministic,
/// dependency-free and plenty for shaking out panics.
pub(crate) struct Lcg(u64);

impl Lcg {
    /// A generator starting from `seed`.
    pub(crate) fn new(seed: u64) -> Self {
        Lcg(seed)
    }

    /// The next 32 pseudo-random bits (the high half, the better half of an LCG).
    pub(crate) fn next_u32(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 32) as u32
    }

    /// A pseudo-random number in `0..n` (`n > 0`).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.next_u32() as usize % n
    }

    /// A string of up to `max_pieces` pieces, sometimes with a random
    /// Unicode scalar thrown in to reach corners the piece list misses.
    pub(crate) fn text(&mut self, max_pieces: usize) -> String {
        let n = self.below(max_pieces + 1);
        let mut s = String::new();
        for _ in 0..n {
            if self.below(12) == 0 {
                if let Some(c) = char::from_u32(self.next_u32() % 0x3_0000) {
                    s.push(c);
                }
            } else {
                s.push_str(PIECES[self.below(PIECES.len())]);
            }
        }
        s
    }
}
