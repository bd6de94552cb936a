//! Runs of text with their formatting, written as inline Markdown: adjacent runs of the
//! same formatting are joined first (Word splits a word into runs at every edit), and the
//! marks hug the text (`**bold** text`, never `** bold **`, which Markdown does not read).

/// The formatting of a run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Style {
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Underlined.
    pub underline: bool,
    /// Inside a link to this address.
    pub link: Option<String>,
}

/// A piece of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    /// Text (not yet escaped) with its formatting.
    Text(String, Style),
    /// Markdown written as is (a footnote mark, an image).
    Raw(String),
}

/// Escapes the characters Markdown would read as marks inside a line.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The pieces as one line of inline Markdown, spaces collapsed.
pub(crate) fn render(pieces: &[Piece]) -> String {
    // Join runs of the same formatting.
    let mut joined: Vec<Piece> = Vec::new();
    for p in pieces {
        match (joined.last_mut(), p) {
            (Some(Piece::Text(t, s)), Piece::Text(t2, s2)) if s == s2 => t.push_str(t2),
            // White space takes the formatting of the text before it.
            (Some(Piece::Text(t, _)), Piece::Text(t2, _)) if t2.trim().is_empty() => t.push_str(t2),
            _ => joined.push(p.clone()),
        }
    }
    let mut out = String::new();
    for p in &joined {
        match p {
            Piece::Raw(md) => out.push_str(md),
            Piece::Text(t, s) => {
                let t = t.replace(char::is_whitespace, " ");
                let core = t.trim();
                if core.is_empty() {
                    out.push_str(&t);
                    continue;
                }
                let lead = &t[..t.len() - t.trim_start().len()];
                let trail = &t[t.trim_end().len()..];
                out.push_str(lead);
                let mut md = escape(core);
                if s.underline {
                    md = format!("<u>{md}</u>");
                }
                if s.italic {
                    md = format!("*{md}*");
                }
                if s.bold {
                    md = format!("**{md}**");
                }
                if let Some(url) = &s.link {
                    md = format!("[{md}](<{}>)", url.replace(['<', '>', '\n'], ""));
                }
                out.push_str(&md);
                out.push_str(trail);
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str, bold: bool, italic: bool) -> Piece {
        Piece::Text(
            t.into(),
            Style {
                bold,
                italic,
                ..Style::default()
            },
        )
    }

    #[test]
    fn runs_of_one_format_join_and_marks_hug_the_text() {
        let p = [
            text("Thời ", true, false),
            text("gian ", true, false),
            text("thực hiện", false, true),
            text(": 2026 *", false, false),
        ];
        assert_eq!(render(&p), "**Thời gian** *thực hiện*: 2026 \\*");
    }

    #[test]
    fn links_and_raw_marks() {
        let p = [
            Piece::Text(
                "Cổng".into(),
                Style {
                    link: Some("https://x.gov.vn/a_b".into()),
                    ..Style::default()
                },
            ),
            Piece::Raw("[^1]".into()),
        ];
        assert_eq!(render(&p), "[Cổng](<https://x.gov.vn/a_b>)[^1]");
    }
}
