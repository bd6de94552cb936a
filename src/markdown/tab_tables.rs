//! Tables pasted as text: a plan copied from Word or Excel into a text editor keeps each
//! table row on a line with its cells separated by tabs. Markdown knows no such table (it
//! would show one long paragraph), so before the body is parsed each such block becomes a
//! pipe table: the page shows a table, and the build reads its rows for tasks as it reads
//! any other table.
//!
//! A block is a header line with at least [`MIN_CELLS`] filled cells, not indented and not
//! a list item, heading or quote, followed at once by lines with a tab (a row broken across
//! pages may start with a tab: its first cell is empty). It ends at a blank line or a line
//! without a tab. Inside fenced code nothing is changed.
//!
//! Every line keeps its number: the delimiter row a pipe table needs is put after the
//! header with a lone carriage return, which Markdown reads as a line end while every line
//! counter of congbo counts only line feeds (text is normalised on read, so a body has no
//! other carriage return).

use std::borrow::Cow;

/// Filled cells a header line needs: an activity table has at least what, who and when;
/// two cells are more often a layout (the "Nơi nhận" and signature columns).
const MIN_CELLS: usize = 3;

/// Whether `line` may head a pasted table.
fn is_header(line: &str) -> bool {
    let starts_block = line.starts_with(char::is_whitespace)
        || line.starts_with(['#', '>', '|', '-', '*', '+', '•'])
        || line
            .split_once(['.', ')'])
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    !starts_block && line.split('\t').filter(|c| !c.trim().is_empty()).count() >= MIN_CELLS
}

/// Whether `line` is a row of the pasted table above it.
fn is_row(line: &str) -> bool {
    line.contains('\t') && !line.trim().is_empty()
}

/// How many of `lines` (without their line ends) the pasted table heading the first one
/// spans: its header and the rows right after it; 0 when they start no such table. The
/// one rule of what a pasted table is, for the build and for `congbo import` of text
/// (which must keep such a block together for the build to read it).
pub(crate) fn table_lines<'a>(mut lines: impl Iterator<Item = &'a str>) -> usize {
    match lines.next() {
        Some(first) if is_header(first) => match lines.take_while(|l| is_row(l)).count() {
            0 => 0,
            rows => rows + 1,
        },
        _ => 0,
    }
}

/// A tab-separated line as a pipe table row, a `|` in a cell escaped.
fn pipe_row(line: &str, out: &mut String) {
    out.push('|');
    for cell in line.split('\t') {
        out.push(' ');
        out.push_str(&cell.trim().replace('|', "\\|"));
        out.push_str(" |");
    }
}

/// `md` with its tab-separated tables written as pipe tables, line for line; borrowed as
/// it is when it has none (most bodies have no tab at all).
pub(super) fn as_pipe_tables(md: &str) -> Cow<'_, str> {
    if !md.contains('\t') {
        return Cow::Borrowed(md);
    }
    let lines: Vec<&str> = md.split_inclusive('\n').collect();
    let mut out = String::with_capacity(md.len() + md.len() / 8);
    let mut fence = false;
    let mut changed = false;
    let mut i = 0;
    while i < lines.len() {
        let raw = lines[i];
        let line = raw.strip_suffix('\n').unwrap_or(raw);
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = !fence;
        }
        let span = if fence {
            0
        } else {
            table_lines(lines[i..].iter().map(|l| l.strip_suffix('\n').unwrap_or(l)))
        };
        if span == 0 {
            out.push_str(raw);
            i += 1;
            continue;
        }
        changed = true;
        pipe_row(line, &mut out);
        out.push('\r');
        for _ in line.split('\t') {
            out.push_str("|---");
        }
        out.push_str("|\n");
        for raw in &lines[i + 1..i + span] {
            pipe_row(raw.strip_suffix('\n').unwrap_or(raw), &mut out);
            if raw.ends_with('\n') {
                out.push('\n');
            }
        }
        i += span;
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(md)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_table_becomes_a_pipe_table_line_for_line() {
        let md = "Bảng:\n\nSTT\tNội dung\tĐơn vị chủ trì\tThời gian\n1\tRà soát a|b\tPhòng VH-XH\tQuý I\n\tnốt\t\t\nSau.\n";
        let got = as_pipe_tables(md);
        assert_eq!(
            got,
            "Bảng:\n\n| STT | Nội dung | Đơn vị chủ trì | Thời gian |\r|---|---|---|---|\n\
             | 1 | Rà soát a\\|b | Phòng VH-XH | Quý I |\n|  | nốt |  |  |\nSau.\n"
        );
        assert_eq!(got.matches('\n').count(), md.matches('\n').count());
    }

    #[test]
    fn what_is_no_pasted_table_is_left_alone() {
        for md in [
            "Nơi nhận:\t\tTM. ỦY BAN NHÂN DÂN\n- Như trên;\t\tKT. CHỦ TỊCH\n",
            "```\na\tb\tc\nd\te\tf\n```\n",
            "- a\tb\tc\n- d\te\tf\n",
            "a\tb\tc\n\nd\te\tf\n",
            "\ta\tb\tc\n\td\te\tf\n",
            "no tab at all\n",
        ] {
            assert!(matches!(as_pipe_tables(md), Cow::Borrowed(_)), "{md:?}");
        }
    }
}
