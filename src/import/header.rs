//! The ND 30/2020 frame around a document's body: the header (authority, number, place and
//! date, type word and subject) and the ending ("Nơi nhận:" and the signature block),
//! recognised on paragraphs whether they sit in Word's borderless tables or on lines of
//! text pasted from a PDF. What is recognised becomes front matter; what is left over is
//! reported with its position rather than guessed.

use super::doc::{Block, Para, collapse};
use crate::text::date::{Date, parse_date};

/// The words a document's type line may hold, with the kind of page they make.
const TYPE_WORDS: &[(&str, &str)] = &[
    ("KẾ HOẠCH", "plan"),
    ("CHƯƠNG TRÌNH", "plan"),
    ("QUYẾT ĐỊNH", "document"),
    ("THÔNG BÁO", "document"),
    ("BÁO CÁO", "document"),
    ("CÔNG VĂN", "document"),
    ("TỜ TRÌNH", "document"),
    ("CHỈ THỊ", "document"),
    ("HƯỚNG DẪN", "document"),
    ("NGHỊ QUYẾT", "document"),
    ("QUY CHẾ", "document"),
    ("QUY ĐỊNH", "document"),
    ("THÔNG CÁO", "document"),
    ("BIÊN BẢN", "document"),
];

/// Words that open the name of an administrative unit in the authority lines.
const UNITS: &[&str] = &[
    "XÃ",
    "PHƯỜNG",
    "THỊ TRẤN",
    "THỊ XÃ",
    "HUYỆN",
    "QUẬN",
    "THÀNH PHỐ",
    "TỈNH",
    "ĐẶC KHU",
];

/// The signer as the plan layout reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Signer {
    /// The name.
    pub name: String,
    /// The position ("Phó Chủ tịch").
    pub title: Option<String>,
    /// The authority line ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH").
    pub sign_as: Option<String>,
}

/// What the frame says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Meta {
    /// The type word as written ("KẾ HOẠCH").
    pub type_word: Option<String>,
    /// The kind the type word makes.
    pub kind: Option<&'static str>,
    /// Type word and subject, as a title.
    pub title: Option<String>,
    /// The issuing authority ("UBND xã Thanh An").
    pub authority: Option<String>,
    /// The authority above it ("UBND thành phố Cần Thơ").
    pub parent_authority: Option<String>,
    /// "05/KH-UBND".
    pub number: Option<String>,
    /// The date of issue.
    pub date: Option<Date>,
    /// The place of the date line.
    pub place: Option<String>,
    /// The signer.
    pub signer: Option<Signer>,
    /// The "Nơi nhận" list.
    pub recipients: Vec<String>,
}

/// A document split into its frame and its body.
#[derive(Debug, Default)]
pub(crate) struct Framed {
    /// The frame's values.
    pub meta: Meta,
    /// The body's blocks.
    pub body: Vec<Block>,
    /// Warnings: values left blank for the office to fill, a missing header.
    pub warnings: Vec<String>,
    /// Paragraphs of the frame that are none of its parts: (position, text).
    pub unplaced: Vec<(usize, String)>,
}

/// Splits `blocks` into frame and body.
pub(crate) fn frame(blocks: Vec<Block>) -> Framed {
    let mut out = Framed::default();
    let centers = blocks
        .iter()
        .any(|b| matches!(b, Block::Para(p) if p.center));
    let mut start = 0;
    // The header: a table holding the number or the motto, or paragraphs before the type
    // word.
    let mut header: Vec<Para> = Vec::new();
    let first = blocks.iter().position(|b| !is_empty(b));
    if let Some(i) = first
        && let Block::Table(t) = &blocks[i]
        && is_header_text(
            &(0..t.rows.first().map_or(0, Vec::len))
                .map(|c| t.cell_text(0, c))
                .collect::<Vec<_>>()
                .join(" "),
        )
    {
        let cols = t.rows.iter().map(Vec::len).max().unwrap_or(0);
        for c in 0..cols {
            for r in &t.rows {
                header.extend(r.get(c).into_iter().flatten().cloned());
            }
        }
        start = i + 1;
    }
    let type_at = blocks
        .iter()
        .enumerate()
        .skip(start)
        .take(30)
        .find_map(|(i, b)| match b {
            Block::Para(p) => type_word(&p.text).map(|t| (i, t)),
            Block::Table(_) => None,
        });
    if let Some((ti, (word, kind))) = type_at {
        for b in &blocks[start..ti] {
            if let Block::Para(p) = b
                && !p.text.is_empty()
            {
                header.push(p.clone());
            }
        }
        out.meta.type_word = Some(word.to_string());
        out.meta.kind = Some(kind);
        // The subject: the lines after the type word, centred in Word, up to the first
        // blank line in text.
        let mut subject = Vec::new();
        let mut i = ti + 1;
        while let Some(Block::Para(p)) = blocks.get(i) {
            let t = p.text.trim();
            if is_separator(t) {
                i += 1;
                break;
            }
            if t.is_empty() {
                if subject.is_empty() && !centers {
                    i += 1;
                    continue;
                }
                if !centers {
                    break;
                }
                i += 1;
                continue;
            }
            if (centers && !p.center) || opens_body(t) || subject.len() >= 4 {
                break;
            }
            subject.push(t.trim_matches('*').to_string());
            i += 1;
        }
        out.meta.title = Some(title(word, &subject.join(" ")));
        start = i;
    } else if header.is_empty() {
        out.warnings.push(crate::tr!(
            en: "no ND 30/2020 header (number, date, type word) found: fill in the front matter by hand",
            vi: "không thấy phần đầu văn bản theo Nghị định 30/2020 (số, ngày, tên loại): hãy tự điền phần khai báo",
        ));
    }
    read_header(&header, &mut out);
    // The ending, from the last "Nơi nhận".
    let mut end = blocks.len();
    if let Some(ni) = blocks.iter().rposition(|b| match b {
        Block::Para(p) => is_recipients_head(&p.text),
        Block::Table(t) => t
            .rows
            .iter()
            .flatten()
            .flatten()
            .any(|p| is_recipients_head(&p.text)),
    }) && ni >= start
    {
        end = ni;
        let mut lines: Vec<Para> = Vec::new();
        match &blocks[ni] {
            Block::Table(t) => {
                let cols = t.rows.iter().map(Vec::len).max().unwrap_or(0);
                for c in 0..cols {
                    for r in &t.rows {
                        lines.extend(r.get(c).into_iter().flatten().cloned());
                    }
                }
            }
            Block::Para(_) => {}
        }
        // A signature set before "Nơi nhận" in text copied from a PDF.
        while end > start {
            let Some(Block::Para(p)) = blocks.get(end - 1) else {
                break;
            };
            let t = clean(&p.text);
            if t.is_empty() || is_sign_as(&t) || (is_upper(&t) && t.chars().count() < 40) {
                end -= 1;
            } else {
                break;
            }
        }
        for b in &blocks[end..] {
            match b {
                Block::Para(p) => lines.push(p.clone()),
                Block::Table(t) if !std::ptr::eq(b, &blocks[ni]) => {
                    lines.extend(t.rows.iter().flatten().flatten().cloned())
                }
                Block::Table(_) => {}
            }
        }
        read_ending(&lines, &mut out);
    }
    out.body = blocks.into_iter().take(end).skip(start).collect();
    out
}

fn is_empty(b: &Block) -> bool {
    matches!(b, Block::Para(p) if p.text.is_empty() && p.md.is_empty())
}

fn is_header_text(t: &str) -> bool {
    let u = t.to_uppercase();
    u.contains("CỘNG HÒA") || u.contains("CỘNG HOÀ") || u.contains("SỐ:") || u.contains("ĐỘC LẬP")
}

/// The type word a line is, with its kind.
fn type_word(line: &str) -> Option<(&'static str, &'static str)> {
    let t = clean(line).to_uppercase();
    TYPE_WORDS
        .iter()
        .find(|(w, _)| t == *w)
        .map(|&(w, k)| (w, k))
}

/// A line that starts the body, not the subject.
fn opens_body(t: &str) -> bool {
    ["Căn cứ", "Thực hiện", "Theo ", "Kính gửi", "Trên cơ sở"]
        .iter()
        .any(|w| t.starts_with(w))
}

/// A line of rule characters only ("______", "-----").
pub(crate) fn is_separator(t: &str) -> bool {
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '_' | '-' | '–' | '—' | '=' | '*' | ' '))
}

fn is_recipients_head(t: &str) -> bool {
    clean(t).starts_with("Nơi nhận")
}

/// Stray Markdown marks and spaces around a line of the frame.
fn clean(t: &str) -> String {
    collapse(&t.replace("**", ""))
        .trim_matches('*')
        .trim()
        .to_string()
}

fn is_upper(t: &str) -> bool {
    t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase)
}

fn is_sign_as(t: &str) -> bool {
    ["TM.", "KT.", "TL.", "TUQ.", "Q.", "Q. "]
        .iter()
        .any(|p| t.to_uppercase().starts_with(p))
}

/// The title: the type word in sentence case, then the subject with its first letter
/// lower-cased (unless it is an abbreviation such as "CCHC").
fn title(word: &str, subject: &str) -> String {
    let head = sentence_case(word);
    if subject.is_empty() {
        return head;
    }
    let first = subject.split(' ').next().unwrap_or("");
    let subject = if is_upper(first) && first.chars().count() > 1 {
        subject.to_string()
    } else {
        let mut c = subject.chars();
        c.next()
            .map(|f| f.to_lowercase().chain(c).collect())
            .unwrap_or_default()
    };
    format!("{head} {subject}")
}

fn sentence_case(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut c = lower.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(sentence_case)
        .collect::<Vec<_>>()
        .join(" ")
}

/// An authority line in the case the front matter uses: "UBND xã Thanh An".
fn authority_case(line: &str) -> String {
    let line = collapse(line);
    let upper = line.to_uppercase();
    for organ in ["ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UBND"] {
        if let Some(rest) = upper.strip_prefix(organ) {
            let rest = rest.trim();
            return if rest.is_empty() {
                "UBND".to_string()
            } else {
                format!("UBND {}", unit_case(rest))
            };
        }
    }
    if UNITS.iter().any(|u| upper.starts_with(u)) {
        return unit_case(&upper);
    }
    sentence_case(&line)
}

/// "THÀNH PHỐ CẦN THƠ" → "thành phố Cần Thơ".
fn unit_case(s: &str) -> String {
    let up = s.to_uppercase();
    for u in UNITS {
        if let Some(name) = up.strip_prefix(u)
            && (name.is_empty() || name.starts_with(' '))
        {
            return format!("{} {}", u.to_lowercase(), title_case(name.trim()))
                .trim()
                .to_string();
        }
    }
    title_case(s)
}

fn read_header(lines: &[Para], out: &mut Framed) {
    let mut authority: Vec<String> = Vec::new();
    for p in lines {
        let t = clean(&p.text);
        if t.is_empty() || is_separator(&t) {
            continue;
        }
        let upper = t.to_uppercase();
        if let Some(rest) = t
            .strip_prefix("Số")
            .filter(|r| r.trim_start().starts_with([':', '.']))
        {
            let n: String = rest
                .trim_start()
                .trim_start_matches([':', '.'])
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if n.starts_with(|c: char| c.is_ascii_digit()) {
                out.meta.number = Some(n);
            } else {
                out.warnings.push(crate::tr!(
                    en: "the number is left blank (\"{t}\", paragraph {}): number is not set; add it when the office has given one",
                    vi: "số văn bản còn để trống (\"{t}\", đoạn {}): chưa ghi number; hãy thêm khi văn thư đã cho số",
                    p.pos
                ));
            }
        } else if upper.starts_with("CỘNG HÒA")
            || upper.starts_with("CỘNG HOÀ")
            || upper.starts_with("ĐỘC LẬP")
        {
        } else if let Some((place, date)) = t.split_once(", ngày").or_else(|| t.split_once(",ngày"))
        {
            out.meta.place = Some(place.trim().to_string());
            match parse_date(&format!("ngày {}", collapse(date.trim_end_matches('.')))) {
                Ok(d) => out.meta.date = Some(d),
                Err(_) => out.warnings.push(crate::tr!(
                    en: "the date is not complete (\"{t}\", paragraph {}): date is not set; add it when the document is signed",
                    vi: "ngày ban hành chưa đủ (\"{t}\", đoạn {}): chưa ghi date; hãy thêm khi văn bản được ký",
                    p.pos
                )),
            }
        } else if is_upper(&t) && out.meta.number.is_none() && !t.starts_with("V/v") {
            authority.push(t);
        } else {
            out.unplaced.push((p.pos, t));
        }
    }
    // The last two lines "ỦY BAN NHÂN DÂN" / "XÃ THANH AN" name the authority; lines
    // above them the authority it belongs to.
    let n = authority.len();
    let pair = n >= 2
        && UNITS
            .iter()
            .any(|u| authority[n - 1].to_uppercase().starts_with(u))
        && !UNITS
            .iter()
            .any(|u| authority[n - 2].to_uppercase().starts_with(u));
    let (own, parent) = if pair {
        (
            authority_case(&format!("{} {}", authority[n - 2], authority[n - 1])),
            &authority[..n - 2],
        )
    } else if n >= 1 {
        (authority_case(&authority[n - 1]), &authority[..n - 1])
    } else {
        return;
    };
    out.meta.authority = Some(own);
    if !parent.is_empty() {
        out.meta.parent_authority = Some(authority_case(&parent.join(" ")));
    }
}

mod ending;
use ending::read_ending;

#[cfg(test)]
mod tests;
