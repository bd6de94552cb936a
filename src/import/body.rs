//! The body as congbo's Markdown: headings from their numbering (I. → `##`, 1. → `###`,
//! 1.1. and a) → `####`) when Word shows them as headings (the whole paragraph bold; in
//! text without formatting, a short line), Word lists with their marks (bullets as `- `,
//! numbers as Word shows them: `1.`, `a)`), tables as pipe tables
//! (paragraphs of a cell joined with `<br>`), footnotes at the end.

use std::sync::LazyLock;

use regex::Regex;

use super::doc::{Block, ListMark, Para, Table};

static ROMAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})[.)]\s").expect("roman heading regex is valid")
});
static ARABIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}\.\s").expect("arabic heading regex is valid"));
static DEEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,2}\.\d{1,2}\.?(?:\d{1,2}\.?)?|[a-zđ]\))\s")
        .expect("deep heading regex is valid")
});

/// What the body holds, for the summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    /// Headings of the first level (I., II.).
    pub sections: usize,
    /// Tables.
    pub tables: usize,
}

/// The heading level a paragraph's numbering gives, if it is shown as a heading.
fn heading_level(p: &Para, formatted: bool) -> Option<usize> {
    let t = p.text.as_str();
    if t.is_empty() || p.list.is_some() {
        return None;
    }
    let shown = if formatted {
        p.bold
    } else {
        // Text has no bold: a heading is a short line without a sentence's end (a block
        // of several lines is a pasted table, whatever its first cell says).
        t.chars().count() <= 90 && !t.ends_with(['.', ';', ',']) && !p.md.contains('\n')
    };
    if !shown {
        return None;
    }
    if ROMAN.is_match(t) && !t.starts_with(['.', ')']) && ROMAN.find(t).is_some_and(|m| m.len() > 2)
    {
        Some(2)
    } else if ARABIC.is_match(t) {
        Some(3)
    } else if DEEP.is_match(t) && formatted {
        Some(4)
    } else {
        None
    }
}

/// The body's Markdown, and what it holds.
pub(crate) fn markdown(
    blocks: &[Block],
    footnotes: &[(String, String)],
    formatted: bool,
) -> (String, Counts) {
    let mut counts = Counts::default();
    let mut parts: Vec<String> = Vec::new();
    for b in blocks {
        match b {
            Block::Para(p) => {
                if p.md.is_empty() || super::header::is_separator(&p.text) {
                    continue;
                }
                // A heading numbered by Word's list reads with the number Word shows.
                let shown = match &p.list {
                    Some(ListMark::Numbered(label)) => Para {
                        text: format!("{label} {}", p.text),
                        list: None,
                        ..p.clone()
                    },
                    _ => p.clone(),
                };
                match heading_level(&shown, formatted) {
                    Some(level) => {
                        if level == 2 {
                            counts.sections += 1;
                        }
                        let text = super::inline::escape(shown.text.trim_matches('*').trim());
                        parts.push(format!("{} {text}", "#".repeat(level)));
                    }
                    None => parts.push(match &p.list {
                        Some(ListMark::Bullet) => format!("- {}", p.md),
                        Some(ListMark::Numbered(label)) => numbered(label, &p.md),
                        None => line_start(&p.md),
                    }),
                }
            }
            Block::Table(t) => {
                if let Some(md) = table(t) {
                    counts.tables += 1;
                    parts.push(md);
                }
            }
        }
    }
    for (id, text) in footnotes {
        if !text.is_empty() {
            parts.push(format!("[^{id}]: {text}"));
        }
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    (out, counts)
}

/// A numbered item: "1." starts a Markdown ordered list (which keeps its first number);
/// any other label ("a)", "II.", "1.2.") is written before the text as Word shows it.
fn numbered(label: &str, md: &str) -> String {
    let digits = label.strip_suffix('.').unwrap_or("");
    if !digits.is_empty() && digits.len() <= 9 && digits.bytes().all(|b| b.is_ascii_digit()) {
        format!("{label} {md}")
    } else {
        format!("{} {md}", super::inline::escape(label))
    }
}

/// A paragraph whose first character would start a Markdown block it does not mean.
fn line_start(md: &str) -> String {
    if md.starts_with(['#', '>', '=']) {
        format!("\\{md}")
    } else {
        md.to_string()
    }
}

fn table(t: &Table) -> Option<String> {
    let cols = t.rows.iter().map(Vec::len).max()?;
    if cols == 0 {
        return None;
    }
    let cell = |c: Option<&Vec<Para>>| {
        c.map(|ps| {
            ps.iter()
                .map(|p| p.md.as_str())
                .filter(|m| !m.is_empty())
                .collect::<Vec<_>>()
                .join("<br>")
        })
        .unwrap_or_default()
    };
    let mut lines = Vec::new();
    for (i, row) in t.rows.iter().enumerate() {
        let cells: Vec<String> = (0..cols).map(|c| cell(row.get(c))).collect();
        lines.push(format!("| {} |", cells.join(" | ")));
        if i == 0 {
            lines.push(format!("|{}", "---|".repeat(cols)));
        }
    }
    Some(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str, bold: bool) -> Block {
        Block::Para(Para {
            text: text.into(),
            md: text.into(),
            bold,
            ..Para::default()
        })
    }

    #[test]
    fn bold_numbered_paragraphs_are_headings_by_their_numbering() {
        let blocks = [
            para("I. MỤC ĐÍCH", true),
            para("1. Mục đích", true),
            para("a) Nội dung", true),
            para("1. Tuyên truyền sâu rộng.", false),
            para("# không phải tiêu đề", false),
        ];
        let (md, counts) = markdown(&blocks, &[], true);
        assert_eq!(
            md,
            "## I. MỤC ĐÍCH\n\n### 1. Mục đích\n\n#### a) Nội dung\n\n1. Tuyên truyền sâu rộng.\n\n\\# không phải tiêu đề\n"
        );
        assert_eq!(counts.sections, 1);
    }

    #[test]
    fn a_pasted_table_of_text_is_never_a_heading() {
        // Short enough for a heading of text, and its first cell looks like a numbering.
        let table = "V.\tNội dung\tChủ trì\tThời gian\n1\tRà soát\tCông an xã\tQuý I";
        let p = Block::Para(Para {
            text: super::super::doc::collapse(table),
            md: table.into(),
            ..Para::default()
        });
        assert_eq!(markdown(&[p], &[], false).0, format!("{table}\n"));
    }

    #[test]
    fn cells_keep_their_paragraphs_apart() {
        let p = |t: &str| Para {
            text: t.into(),
            md: t.into(),
            ..Para::default()
        };
        let t = Table {
            rows: vec![
                vec![vec![p("TT")], vec![p("Nội dung")]],
                vec![vec![p("1")], vec![p("Một"), p("Hai")]],
            ],
            pos: 1,
        };
        let (md, counts) = markdown(&[Block::Table(t)], &[("1".into(), "Ghi chú".into())], true);
        assert_eq!(
            md,
            "| TT | Nội dung |\n|---|---|\n| 1 | Một<br>Hai |\n\n[^1]: Ghi chú\n"
        );
        assert_eq!(counts.tables, 1);
    }
}
