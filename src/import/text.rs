//! Text pasted or extracted from a PDF (`.txt`, `.md`): each line a paragraph, so the
//! header and ending are recognised the same way as in Word; but a table pasted with tabs
//! is one block, its lines kept as they are, since the build reads it only whole.

use std::path::Path;

use super::doc::{Block, Doc, Para, collapse};
use crate::error::Diagnostic;
use crate::markdown::tab_tables::table_lines;
use crate::text::normalize::nfc;

/// Reads UTF-8 text (a byte-order mark is dropped).
pub(crate) fn read(file: &Path, bytes: &[u8]) -> Result<Doc, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| {
        Diagnostic::file(
            file,
            crate::tr!(
                en: "this file is not UTF-8 text (probably Windows-1258 or TCVN3 from an old editor); save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)",
                vi: "tệp này không phải văn bản UTF-8 (có lẽ Windows-1258 hoặc TCVN3 từ trình soạn thảo cũ); hãy lưu lại dạng UTF-8 (trong Notepad: Save As → Encoding: UTF-8)",
            ),
        )
    })?;
    let text = nfc(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut blocks = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        // A table pasted with tabs stays one block, its lines as they are (a row broken
        // across pages starts with a tab), so the build reads it as a table.
        let span = table_lines(lines[i..].iter().copied());
        if span > 0 {
            let md = lines[i..i + span].join("\n");
            blocks.push(para(md, i + 1));
            i += span;
            continue;
        }
        // Stray Markdown heading marks of a copy: the level comes from the numbering.
        let line = lines[i].trim();
        let unmarked = line.trim_start_matches('#');
        let line = if unmarked.len() < line.len() && unmarked.starts_with(' ') {
            unmarked.trim()
        } else {
            line
        };
        blocks.push(para(line.to_string(), i + 1));
        i += 1;
    }
    Ok(Doc {
        blocks,
        ..Doc::default()
    })
}

/// A paragraph of Markdown `md` from source line `pos`.
fn para(md: String, pos: usize) -> Block {
    Block::Para(Para {
        text: collapse(&md.replace("**", "")),
        md,
        pos,
        ..Para::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The paragraphs' Markdown and source lines.
    fn paras(text: &str) -> Vec<(String, usize)> {
        let doc = read(Path::new("k.txt"), text.as_bytes()).expect("UTF-8");
        doc.blocks
            .into_iter()
            .map(|b| match b {
                Block::Para(p) => (p.md, p.pos),
                Block::Table(_) => panic!("text has no Word table"),
            })
            .collect()
    }

    #[test]
    fn a_tab_table_stays_one_block_with_its_page_broken_rows() {
        let table = "TT\tNội dung\tChủ trì\tThời gian\n1\tRà soát\tPhòng VH-XH\tQuý I\n\tnốt\t\t";
        let got = paras(&format!("Bảng:\n{table}\nSau.\n\n## I. MỤC\tĐÍCH\n"));
        let md = |s: &str, pos| (s.to_string(), pos);
        assert_eq!(
            got,
            vec![
                md("Bảng:", 1),
                md(table, 2),
                md("Sau.", 5),
                md("", 6),
                md("I. MỤC\tĐÍCH", 7)
            ]
        );
        // As the body writes it, the build's rule reads its three lines as one table.
        let (body, _) = super::super::body::markdown(
            &read(Path::new("k.txt"), table.as_bytes())
                .expect("UTF-8")
                .blocks,
            &[],
            false,
        );
        assert_eq!(table_lines(body.lines()), 3, "{body:?}");
    }
}
