//! Text pasted or extracted from a PDF (`.txt`, `.md`): each line a paragraph, so the
//! header and ending are recognised the same way as in Word.

use std::path::Path;

use super::doc::{Block, Doc, Para, collapse};
use crate::error::Diagnostic;
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
    let blocks = text
        .lines()
        .enumerate()
        .map(|(i, line)| {
            // Tabs inside a line are table cells pasted as text: kept for the build.
            // Stray Markdown heading marks of a copy: the level comes from the numbering.
            let line = line.trim();
            let unmarked = line.trim_start_matches('#');
            let line = if unmarked.len() < line.len() && unmarked.starts_with(' ') {
                unmarked.trim()
            } else {
                line
            };
            let md = line.to_string();
            Block::Para(Para {
                text: collapse(&md.replace("**", "")),
                md,
                pos: i + 1,
                ..Para::default()
            })
        })
        .collect();
    Ok(Doc {
        blocks,
        ..Doc::default()
    })
}
