//! What a reader makes of a source document, whatever its format: paragraphs (with their
//! plain text for recognising the header and ending, and their inline Markdown for the
//! body) and tables whose merged cells are already resolved.

use super::inline::{Piece, render};
use crate::text::normalize::nfc;

/// One paragraph of the source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Para {
    /// The plain text, NFC, spaces collapsed.
    pub text: String,
    /// The same text as inline Markdown (bold, italic, links, footnote marks, images).
    pub md: String,
    /// Every letter of the paragraph is bold (a heading in Word's way of writing one).
    pub bold: bool,
    /// A real Word list item (numbering), with its mark.
    pub list: Option<ListMark>,
    /// Centred (the title lines of the ND 30/2020 layout).
    pub center: bool,
    /// Where it is in the source: the paragraph's number (Word) or line (text), from 1.
    pub pos: usize,
}

/// The mark of a list item, as Word shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ListMark {
    /// A bullet (written `- `).
    Bullet,
    /// A number as the list's level text makes it ("1.", "a)", "II.", "1.2.").
    Numbered(String),
}

/// A table: rows of cells, each cell its paragraphs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Table {
    /// The rows, merged cells resolved: a vertical merge repeats the value above, a
    /// horizontal one leaves the spanned cells empty.
    pub rows: Vec<Vec<Vec<Para>>>,
    /// Where it starts in the source.
    pub pos: usize,
}

/// One block of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Block {
    /// A paragraph.
    Para(Para),
    /// A table.
    Table(Table),
}

/// An image found in the document, to be written into the page's folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Image {
    /// Its file name in the page's folder.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// A whole source document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Doc {
    /// The body, in order.
    pub blocks: Vec<Block>,
    /// Footnotes: (label, Markdown text).
    pub footnotes: Vec<(String, String)>,
    /// The images the body refers to.
    pub images: Vec<Image>,
    /// Runs written in a legacy font (TCVN3, VNI) that were decoded.
    pub legacy_runs: usize,
}

impl Table {
    /// The plain text of cell (row, col), paragraphs joined by a space.
    pub(crate) fn cell_text(&self, row: usize, col: usize) -> String {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .map(|c| {
                c.iter()
                    .map(|p| p.text.as_str())
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default()
    }
}

/// Collapses runs of white space into one space and trims.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A paragraph from its pieces, whatever the format: the plain text (NFC, spaces
/// collapsed), the inline Markdown, and whether every letter of it is bold.
pub(crate) fn para_of(pieces: &[Piece], list: Option<ListMark>, center: bool, pos: usize) -> Para {
    let text = nfc(&collapse(
        &pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Text(t, _) => Some(t.as_str()),
                Piece::Raw(_) => None,
            })
            .collect::<String>(),
    ));
    let bold = pieces
        .iter()
        .any(|p| matches!(p, Piece::Text(t, _) if !t.trim().is_empty()))
        && pieces
            .iter()
            .all(|p| !matches!(p, Piece::Text(t, s) if !t.trim().is_empty() && !s.bold));
    Para {
        text,
        md: render(pieces),
        bold,
        list,
        center,
        pos,
    }
}

/// The rows of a table as a reader meets them. A header row repeated further down (typed
/// again, or marked to repeat after body rows) is the page layout's, not a row of the
/// table, so it is dropped.
#[derive(Default)]
pub(crate) struct Rows {
    /// The rows kept.
    pub rows: Vec<Vec<Vec<Para>>>,
    header_seen: bool,
    body_seen: bool,
}

impl Rows {
    /// Adds `row`; `is_header` when the file marks it as a header row.
    pub(crate) fn push(&mut self, row: Vec<Vec<Para>>, is_header: bool) {
        if is_header && self.body_seen {
            return;
        }
        if let Some(first) = self.rows.first()
            && self.body_seen
            && texts(first) == texts(&row)
        {
            return;
        }
        self.header_seen |= is_header;
        self.body_seen |= !is_header || !self.header_seen;
        self.rows.push(row);
    }
}

fn texts(row: &[Vec<Para>]) -> Vec<String> {
    row.iter()
        .map(|c| {
            c.iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The file name an image of the document gets in the page's folder (`n` counts from 1),
/// from its path in the package; `None` for a path that leaves the package or a format a
/// browser does not show.
pub(crate) fn image_name(n: usize, target: &str) -> Option<String> {
    if super::package::unsafe_entry(target) {
        return None;
    }
    let base = target.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
    let (_, ext) = base.rsplit_once('.')?;
    if !matches!(ext, "png" | "jpg" | "jpeg" | "gif" | "webp") {
        return None;
    }
    let clean: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    Some(format!("{n}-{clean}"))
}
