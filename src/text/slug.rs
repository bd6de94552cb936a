//! Owns URL slugs and heading ids: ASCII-only, lower-case, dash-separated
//! forms of Vietnamese titles ("Đăng ký khai sinh" → "dang-ky-khai-sinh"),
//! and de-duplication of ids within one page.

use std::collections::HashSet;

use super::fold::strip_marks;
use super::normalize::nfc;

/// The slug of `s`: diacritics dropped, đ → d, ASCII letters lower-cased,
/// ASCII digits kept, and every run of anything else turned into one `'-'`
/// with none at either end.
///
/// "Kế hoạch CCHC năm 2024" → "ke-hoach-cchc-nam-2024"; "  --Ả!!  " → "a";
/// "" → "". NFD input gives the same slug as NFC input. The result only
/// ever holds `[a-z0-9-]`, and slugifying a slug returns it unchanged.
pub fn slugify(s: &str) -> String {
    let plain = strip_marks(&nfc(s));
    let mut out = String::with_capacity(plain.len());
    // A separator is only written once the next kept character arrives, so
    // runs collapse and no dash is left at either end.
    let mut pending_dash = false;
    let mut buf = [0u8; 4];
    for c in plain.chars() {
        let kept: &str = match c {
            'a'..='z' | '0'..='9' => c.encode_utf8(&mut buf),
            'A'..='Z' => c.to_ascii_lowercase().encode_utf8(&mut buf),
            // A few Latin letters with no decomposition, so a foreign
            // name in a title still reads in its slug.
            'ß' => "ss",
            'æ' | 'Æ' => "ae",
            'œ' | 'Œ' => "oe",
            'ø' | 'Ø' => "o",
            'ł' | 'Ł' => "l",
            'ı' => "i",
            _ => {
                pending_dash = true;
                continue;
            }
        };
        push_kept(&mut out, &mut pending_dash, kept);
    }
    out
}

/// Appends `kept` to a slug, first writing the dash a separator run left
/// pending (unless the slug is still empty).
fn push_kept(out: &mut String, pending_dash: &mut bool, kept: &str) {
    if *pending_dash && !out.is_empty() {
        out.push('-');
    }
    *pending_dash = false;
    out.push_str(kept);
}

/// The fallback id for a heading whose text has no letters or digits
/// ("mục" means "section").
const EMPTY_BASE: &str = "muc";

/// Returns `base` if it is not in `taken`, otherwise the first of `base-1`,
/// `base-2`, … that is not, and records the result in `taken`. An empty
/// `base` is read as `"muc"`. Used to give every heading of a page a
/// distinct id.
pub fn unique_slug(base: &str, taken: &mut HashSet<String>) -> String {
    let base = if base.is_empty() { EMPTY_BASE } else { base };
    if taken.insert(base.to_owned()) {
        return base.to_owned();
    }
    // `taken` is finite, so some suffix is always free; counting with u64
    // cannot realistically overflow.
    let mut n: u64 = 1;
    loop {
        let candidate = format!("{base}-{n}");
        if taken.insert(candidate.clone()) {
            return candidate;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::super::testgen::Lcg;
    use super::*;

    #[test]
    fn slugify_table() {
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("   ", ""),
            ("!!!", ""),
            ("Kế hoạch CCHC năm 2024", "ke-hoach-cchc-nam-2024"),
            ("Đăng ký khai sinh", "dang-ky-khai-sinh"),
            ("  --Ả!!  ", "a"),
            ("ĐĂNG KÝ KẾT HÔN", "dang-ky-ket-hon"),
            ("Đa\u{0306}ng ky\u{0301} khai sinh", "dang-ky-khai-sinh"),
            ("Quyết định số 12/QĐ-UBND", "quyet-dinh-so-12-qd-ubnd"),
            ("Văn hoá – Xã hội", "van-hoa-xa-hoi"),
            ("Điều\u{00A0}1.\u{2007}Phạm vi", "dieu-1-pham-vi"),
            ("Thủ\u{200B}tục", "thutuc"),
            ("người dân", "nguoi-dan"),
            ("Ưu tiên Ơn", "uu-tien-on"),
            ("Straße Ærø", "strasse-aero"),
            ("a---b", "a-b"),
            ("already-a-slug", "already-a-slug"),
            ("中文 title", "title"),
            ("2024", "2024"),
            ("🙂 vui 🙂", "vui"),
        ];
        for (input, want) in cases {
            assert_eq!(slugify(input), *want, "slugify({input:?})");
        }
    }

    #[test]
    fn unique_slug_sequence() {
        let mut taken = HashSet::new();
        let steps: &[(&str, &str)] = &[
            ("gioi-thieu", "gioi-thieu"),
            ("gioi-thieu", "gioi-thieu-1"),
            ("gioi-thieu", "gioi-thieu-2"),
            ("", "muc"),
            ("", "muc-1"),
            ("muc", "muc-2"),
            ("gioi-thieu-1", "gioi-thieu-1-1"),
            ("lien-he", "lien-he"),
        ];
        for (base, want) in steps {
            assert_eq!(
                unique_slug(base, &mut taken),
                *want,
                "unique_slug({base:?})"
            );
        }
        assert_eq!(taken.len(), steps.len());
    }

    #[test]
    fn unique_slug_skips_preexisting_suffixes() {
        let mut taken: HashSet<String> =
            ["a", "a-1", "a-3"].iter().map(|s| s.to_string()).collect();
        assert_eq!(unique_slug("a", &mut taken), "a-2");
        assert_eq!(unique_slug("a", &mut taken), "a-4");
    }

    #[test]
    fn slug_property() {
        let mut rng = Lcg::new(0x5EED_0003);
        let mut taken = HashSet::new();
        for _ in 0..4000 {
            let s = rng.text(20);
            let slug = slugify(&s);
            assert!(
                slug.bytes()
                    .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-')),
                "slugify({s:?}) = {slug:?}"
            );
            assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
            assert_eq!(slugify(&slug), slug, "not idempotent on {s:?}");
            // NFD input must not change the slug.
            let nfd: String =
                unicode_normalization::UnicodeNormalization::nfd(s.as_str()).collect();
            assert_eq!(slugify(&nfd), slug, "NFD changed slugify({s:?})");
            let id = unique_slug(&slug, &mut taken);
            assert!(id.starts_with(if slug.is_empty() {
                "muc"
            } else {
                slug.as_str()
            }));
        }
    }
}
