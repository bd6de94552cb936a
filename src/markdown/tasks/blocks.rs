//! A plan body cut into the blocks task extraction reads: headings, list items (by their
//! marker: "-", "1.", "3.1.", "a)", "II.") and paragraphs, each with its text on one line
//! and the file line it starts on. Written for plans as editors and `congbo import` write
//! them, not as a full Markdown parser: tables and fenced code are skipped (tables are read
//! from the rendered body), and bold marks are dropped but remembered.

/// What kind of block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// `#`… heading of this level.
    Heading(u8),
    /// "I.", "II." …: a part of the plan, as a level-2 heading would be.
    Part,
    /// "1.", "3.1.", "2)": numbered.
    Numbered,
    /// "a)", "đ)": lettered.
    Lettered,
    /// "-", "+", "*", "•".
    Bullet,
    /// Running text.
    Paragraph,
}

/// One block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Block {
    pub kind: Kind,
    /// The text without its marker or bold marks, lines joined by a space.
    pub text: String,
    /// The whole text was bold ("**1. Tuyên truyền**").
    pub bold: bool,
    /// File line of its first line.
    pub line: usize,
}

/// The list marker at the start of `line` and the text after it.
fn marker(line: &str) -> Option<(Kind, &str)> {
    for b in ["- ", "+ ", "* ", "• ", "– "] {
        if let Some(rest) = line.strip_prefix(b) {
            return Some((Kind::Bullet, rest));
        }
    }
    let end = line.find(' ')?;
    let (m, rest) = (&line[..end], &line[end + 1..]);
    let body = m.trim_end_matches(['.', ')']);
    if body.len() == m.len() || body.is_empty() {
        return None;
    }
    if body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.starts_with(|c: char| c.is_ascii_digit())
    {
        return Some((Kind::Numbered, rest));
    }
    if m.ends_with('.') && body.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return Some((Kind::Part, rest));
    }
    let mut chars = body.chars();
    if m.ends_with(')') && chars.next().is_some_and(char::is_lowercase) && chars.next().is_none() {
        return Some((Kind::Lettered, rest));
    }
    None
}

/// `text` without `**`/`__`, and whether it was wholly bold.
fn unbold(text: &str) -> (String, bool) {
    let t = text.trim();
    // Most lines have no bold at all: nothing to replace, and not wholly bold.
    if !t.contains("**") && !t.contains("__") {
        return (t.to_string(), false);
    }
    let bold = (t.starts_with("**") && t.ends_with("**")
        || t.starts_with("__") && t.ends_with("__"))
        && t.len() > 4;
    (
        t.replace("**", "").replace("__", "").trim().to_string(),
        bold,
    )
}

/// The blocks of `body`, whose first line is file line `first_line`.
pub(super) fn blocks(body: &str, first_line: usize) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut open = false;
    let mut fence = false;
    for (i, raw) in body.lines().enumerate() {
        let line = raw.trim();
        if line.starts_with("```") || line.starts_with("~~~") {
            fence = !fence;
            open = false;
            continue;
        }
        if fence || line.is_empty() || line.starts_with('|') {
            open = false;
            continue;
        }
        let hashes = line.chars().take_while(|c| *c == '#').count();
        let (kind, (text, bold)) = if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
            // A heading's own numbering ("### 2. Sở Nội vụ") is not a list marker; the bold
            // marks go first, as they may wrap it ("## **VI. TỔ CHỨC THỰC HIỆN**").
            let raw = line[hashes..].trim();
            let (plain, whole) = unbold(raw);
            let text = marker(&plain)
                .map_or(plain.as_str(), |(_, rest)| rest)
                .to_string();
            let bold = whole || marker(raw).is_some_and(|(_, rest)| unbold(rest).1);
            (Kind::Heading(hashes as u8), (text, bold))
        } else {
            // Unbolded once: the marker may sit inside the bold ("**1. Tuyên truyền**").
            let (plain, bold) = unbold(line);
            if let Some((kind, text)) = marker(&plain) {
                out.push(Block {
                    kind,
                    text: text.to_string(),
                    bold,
                    line: first_line + i,
                });
                open = kind != Kind::Part;
                continue;
            } else if open {
                if let Some(last) = out.last_mut() {
                    last.text.push(' ');
                    last.text.push_str(&plain);
                }
                continue;
            } else if line.starts_with(char::is_lowercase)
                && out
                    .last()
                    .is_some_and(|b| !matches!(b.kind, Kind::Heading(_) | Kind::Part))
            {
                // A sentence broken by a blank line (a page break in the source) goes on.
                if let Some(last) = out.last_mut() {
                    last.text.push(' ');
                    last.text.push_str(&plain);
                }
                open = true;
                continue;
            }
            (Kind::Paragraph, (plain, bold))
        };
        out.push(Block {
            kind,
            text,
            bold,
            line: first_line + i,
        });
        open = !matches!(kind, Kind::Heading(_));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_is_cut_into_blocks_with_their_lines() {
        let body = "## V. TỔ CHỨC THỰC HIỆN\n\n### 1. Phòng Văn hóa - Xã hội\n\n- Tham mưu\nkế hoạch.\n\
                    a) Rà soát\n\ntheo quy định.\n\n**2. Tuyên truyền**\n\nII. KINH PHÍ\n\n| a | b |\n\nTrên đây là.\n";
        let got: Vec<(Kind, String, bool, usize)> = blocks(body, 10)
            .into_iter()
            .map(|b| (b.kind, b.text, b.bold, b.line))
            .collect();
        let want = |k, t: &str, b, l| (k, t.to_string(), b, l);
        assert_eq!(
            got,
            vec![
                want(Kind::Heading(2), "TỔ CHỨC THỰC HIỆN", false, 10),
                want(Kind::Heading(3), "Phòng Văn hóa - Xã hội", false, 12),
                want(Kind::Bullet, "Tham mưu kế hoạch.", false, 14),
                want(Kind::Lettered, "Rà soát theo quy định.", false, 16),
                want(Kind::Numbered, "Tuyên truyền", true, 20),
                want(Kind::Part, "KINH PHÍ", false, 22),
                want(Kind::Paragraph, "Trên đây là.", false, 26),
            ]
        );
    }
}
