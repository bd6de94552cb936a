//! The issuing authority of a state document's header, laid out as Decree 30/2020/NĐ-CP
//! (Nghị định 30/2020, appendix I) writes it: in capitals, in full, the organ on one line
//! and its place on the next ("ỦY BAN NHÂN DÂN" / "PHƯỜNG MỸ THẠNH"). Only the parent
//! authority's line may keep abbreviations.
//!
//! Abbreviations are written out by the one table of them, [`super::agency::full_name`]
//! (the agency pages use it too), plus the place abbreviations only a header can read.

/// The header lines of an authority as an editor wrote it, and the abbreviations congbo
/// could not write in full (kept as written; the caller warns about them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    /// The lines, in capitals.
    pub lines: Vec<String>,
    /// Words that look like abbreviations (all capitals, in an authority written in lower
    /// case otherwise) that the table does not know.
    pub unknown: Vec<String>,
}

/// What a warning says of an abbreviation [`header`] could not write in full, wherever the
/// `authority` was written (a page's front matter, `site.toml`).
pub fn unknown_abbreviation(word: &str) -> String {
    crate::tr!(
        en: "`authority`: congbo does not know the abbreviation \"{word}\", so the document header prints it as written, while Decree 30/2020 wants the issuing authority in full; write it in full",
        vi: "`authority`: congbo không biết chữ viết tắt \"{word}\", nên phần đầu văn bản in nguyên như vậy, trong khi Nghị định 30/2020 yêu cầu ghi tên cơ quan ban hành đầy đủ; hãy viết đầy đủ",
    )
}

/// The abbreviations of places that the table of agency names leaves alone (they have
/// several meanings in a name), but which in a header's authority, after its organ, can only
/// be places. Matched on the word in capitals, without a final full stop (`TP.` = `TP`).
fn place_abbreviation(word: &str) -> Option<&'static str> {
    Some(match word {
        "TP" => "thành phố",
        "TX" => "thị xã",
        "TT" => "thị trấn",
        _ => return None,
    })
}

/// The words that start the place of an authority ("xã Mỹ Thạnh"), where ND 30 breaks
/// the line; two-word ones first.
const PLACE_WORDS: [&[&str]; 9] = [
    &["thị", "trấn"],
    &["thị", "xã"],
    &["thành", "phố"],
    &["đặc", "khu"],
    &["xã"],
    &["phường"],
    &["huyện"],
    &["quận"],
    &["tỉnh"],
];

/// Lays out `authority` for the header. An explicit line break in it is kept: each line is
/// then one line of the header, and a first line that names a place ("UBND huyện A"
/// above "PHÒNG TƯ PHÁP") is the parent authority, which keeps its abbreviations.
/// Without one, the line breaks before the place, as ND 30 does.
pub fn header(authority: &str) -> Header {
    let mut out = Header::default();
    let has_lower = authority.chars().any(char::is_lowercase);
    let written: Vec<&str> = authority
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if written.len() > 1 {
        for (n, line) in written.iter().enumerate() {
            let words: Vec<&str> = line.split_whitespace().collect();
            let parent = n == 0 && place_at(&words).is_some();
            let text = if parent {
                line.to_string()
            } else {
                expand(&words, has_lower, &mut out.unknown).join(" ")
            };
            out.lines.push(text.to_uppercase());
        }
        return out;
    }
    let words: Vec<&str> = authority.split_whitespace().collect();
    let full = expand(&words, has_lower, &mut out.unknown);
    let full: Vec<&str> = full.iter().flat_map(|w| w.split(' ')).collect();
    match place_at(&full) {
        Some(i) => {
            out.lines.push(full[..i].join(" ").to_uppercase());
            out.lines.push(full[i..].join(" ").to_uppercase());
        }
        None if !full.is_empty() => out.lines.push(full.join(" ").to_uppercase()),
        None => {}
    }
    out
}

/// [`header`] under the authority above the issuer (a plan's `parent_authority`), whose
/// line comes first and, as a parent line, keeps its abbreviations ("UBND THÀNH PHỐ CẦN
/// THƠ" over "ỦY BAN NHÂN DÂN" / "XÃ THANH AN").
pub fn header_under(parent: Option<&str>, authority: &str) -> Header {
    let mut out = header(authority);
    if let Some(p) = parent.map(str::trim).filter(|p| !p.is_empty()) {
        let line = p.split_whitespace().collect::<Vec<_>>().join(" ");
        out.lines.insert(0, line.to_uppercase());
    }
    out
}

/// The words with the known abbreviations written in full; unknown ones are noted.
fn expand(words: &[&str], has_lower: bool, unknown: &mut Vec<String>) -> Vec<String> {
    let full = super::agency::full_name(&words.join(" "));
    full.split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let bare = w.trim_end_matches('.');
            match place_abbreviation(&bare.to_uppercase()) {
                Some(place) => place.to_string(),
                None => {
                    if has_lower && looks_abbreviated(bare) && !unknown.iter().any(|u| u == bare) {
                        unknown.push(bare.to_string());
                    }
                    w.to_string()
                }
            }
        })
        .collect()
}

/// Two or more letters, all capitals, and not a Roman numeral (`Khu phố IV`).
fn looks_abbreviated(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2
        && letters.iter().all(|c| c.is_uppercase())
        && !letters.iter().all(|c| "IVXLC".contains(*c))
}

/// Where the place starts: the first place word after at least one word of the organ.
/// "Xã hội" (society, as in "Phòng Văn hóa - Xã hội") is not a place.
fn place_at(words: &[impl AsRef<str>]) -> Option<usize> {
    let lower: Vec<String> = words.iter().map(|w| w.as_ref().to_lowercase()).collect();
    (1..lower.len()).find(|&i| {
        PLACE_WORDS.iter().any(|place| {
            lower.len() >= i + place.len()
                && place.iter().zip(&lower[i..]).all(|(p, w)| p == w)
                && !(place == &["xã"] && lower.get(i + 1).is_some_and(|w| w == "hội"))
        })
    })
}

#[cfg(test)]
mod tests;
