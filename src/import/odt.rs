//! The OpenDocument text reader (`.odt`, what LibreOffice saves by default): `content.xml`
//! with the styles of `styles.xml`, into the same [`Doc`] as a Word file: paragraphs and
//! headings, lists (numbered ones keep the numbers shown), tables (a cell spanning rows
//! repeats its value below, one spanning columns leaves the covered cells empty, a typed
//! repeated header row is dropped), footnotes, links, images, bold/italic/underline, and
//! legacy TCVN3/VNI fonts decoded by each span's font. Read through the same zip and XML
//! limits as `.docx` ([`super::package`]).

use std::collections::HashMap;
use std::path::Path;

use roxmltree::Node;

use super::doc::{Block, Doc, Image, ListMark, Para, Rows, Table, collapse, image_name, para_of};
use super::inline::{Piece, Style};
use super::legacy;
use super::package::{Package, parse_xml};
use crate::error::Diagnostic;
use crate::text::address::Address;
use styles::{Def, ListLevels, inherited, mark, read_styles, styled};

const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const TABLE: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
const FO: &str = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
const DRAW: &str = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
const XLINK: &str = "http://www.w3.org/1999/xlink";
const SVG: &str = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";
mod styles;

const OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

/// How deep a parent-style chain or nested lists and tables are followed.
const MAX_DEPTH: usize = 20;

#[derive(Default)]
struct Ctx {
    /// (family, name) → what it sets.
    styles: HashMap<(String, String), Def>,
    /// Font declaration name → family name.
    fonts: HashMap<String, String>,
    lists: HashMap<String, ListLevels>,
    /// Counts of the numbered list being read, one per level.
    counts: Vec<u32>,
    footnotes: Vec<(String, String)>,
    images: Vec<Image>,
    image_names: HashMap<String, String>,
    legacy_runs: usize,
}

fn is(n: &Node, ns: &str, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(ns)
}

/// Reads a `.odt` file's bytes.
pub(crate) fn read(file: &Path, bytes: &[u8]) -> Result<Doc, Diagnostic> {
    let mut pkg = Package::open(file, bytes)?;
    let Some(content) = pkg.text("content.xml")? else {
        return Err(Diagnostic::file(
            file,
            crate::tr!(
                en: "this file has no content.xml, so it is not an OpenDocument text (.odt); save it from LibreOffice as \"ODF Text Document (.odt)\"",
                vi: "tệp này không có content.xml nên không phải văn bản OpenDocument (.odt); hãy lưu lại trong LibreOffice dạng \"ODF Text Document (.odt)\"",
            ),
        ));
    };
    let mut ctx = Ctx::default();
    if let Some(text) = pkg.text("styles.xml")? {
        read_styles(&mut ctx, &parse_xml(file, "styles.xml", &text)?);
    }
    let xml = parse_xml(file, "content.xml", &content)?;
    read_styles(&mut ctx, &xml);
    let mut doc = Doc::default();
    let body = xml
        .descendants()
        .find(|n| is(n, OFFICE, "text") && n.parent().is_some_and(|p| is(&p, OFFICE, "body")));
    if let Some(body) = body {
        blocks(&body, &mut ctx, &mut pkg, &mut doc.blocks, 0)?;
    }
    doc.footnotes = ctx.footnotes;
    doc.images = ctx.images;
    doc.legacy_runs = ctx.legacy_runs;
    Ok(doc)
}

fn blocks(
    parent: &Node,
    ctx: &mut Ctx,
    pkg: &mut Package,
    out: &mut Vec<Block>,
    depth: usize,
) -> Result<(), Diagnostic> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    for n in parent.children().filter(Node::is_element) {
        let pos = out.len() + 1;
        if is(&n, TEXT, "p") || is(&n, TEXT, "h") {
            out.push(Block::Para(paragraph(&n, ctx, pkg, None, pos)?));
        } else if is(&n, TEXT, "list") {
            ctx.counts.clear();
            list(&n, ctx, pkg, out, n.attribute((TEXT, "style-name")), 0)?;
        } else if is(&n, TABLE, "table") {
            out.push(Block::Table(table(&n, ctx, pkg, pos, depth)?));
        } else if is(&n, TEXT, "section") || is(&n, TABLE, "table-header-rows") {
            blocks(&n, ctx, pkg, out, depth + 1)?;
        }
    }
    Ok(())
}

/// A list's items at `level` (0 the outermost), each paragraph with the mark its level shows.
fn list(
    l: &Node,
    ctx: &mut Ctx,
    pkg: &mut Package,
    out: &mut Vec<Block>,
    style: Option<&str>,
    level: usize,
) -> Result<(), Diagnostic> {
    if level >= MAX_DEPTH {
        return Ok(());
    }
    let style = l.attribute((TEXT, "style-name")).or(style);
    for item in l
        .children()
        .filter(|n| is(n, TEXT, "list-item") || is(n, TEXT, "list-header"))
    {
        let counted = is(&item, TEXT, "list-item");
        let mut first = true;
        for c in item.children().filter(Node::is_element) {
            if is(&c, TEXT, "list") {
                list(&c, ctx, pkg, out, style, level + 1)?;
            } else if is(&c, TEXT, "p") || is(&c, TEXT, "h") {
                let mark = if first && counted {
                    mark(ctx, style, level)
                } else {
                    None
                };
                first = false;
                let pos = out.len() + 1;
                out.push(Block::Para(paragraph(&c, ctx, pkg, mark, pos)?));
            }
        }
    }
    Ok(())
}

fn table(
    t: &Node,
    ctx: &mut Ctx,
    pkg: &mut Package,
    pos: usize,
    depth: usize,
) -> Result<Table, Diagnostic> {
    let mut rows = Rows::default();
    // Per column: rows still covered by a cell above, and that cell's paragraphs.
    let mut down: Vec<(usize, Vec<Para>)> = Vec::new();
    let mut trs: Vec<(Node, bool)> = Vec::new();
    for c in t.children().filter(Node::is_element) {
        if is(&c, TABLE, "table-header-rows") {
            trs.extend(
                c.children()
                    .filter(|r| is(r, TABLE, "table-row"))
                    .map(|r| (r, true)),
            );
        } else if is(&c, TABLE, "table-row") {
            trs.push((c, false));
        } else if is(&c, TABLE, "table-rows") {
            trs.extend(
                c.children()
                    .filter(|r| is(r, TABLE, "table-row"))
                    .map(|r| (r, false)),
            );
        }
    }
    for (tr, is_header) in trs {
        let mut row: Vec<Vec<Para>> = Vec::new();
        for tc in tr.children().filter(Node::is_element) {
            let col = row.len();
            if down.len() <= col {
                down.resize(col + 1, (0, Vec::new()));
            }
            if is(&tc, TABLE, "covered-table-cell") {
                // Covered from above: the value of the cell above; from the left: empty.
                let cell = if down[col].0 > 0 {
                    down[col].0 -= 1;
                    down[col].1.clone()
                } else {
                    Vec::new()
                };
                row.push(cell);
            } else if is(&tc, TABLE, "table-cell") {
                let mut inner = Vec::new();
                blocks(&tc, ctx, pkg, &mut inner, depth + 1)?;
                let cell: Vec<Para> = inner
                    .into_iter()
                    .flat_map(|b| match b {
                        Block::Para(p) => vec![p],
                        Block::Table(t) => t.rows.into_iter().flatten().flatten().collect(),
                    })
                    .filter(|p| !p.md.is_empty())
                    .collect();
                let span_rows = span(&tc, "number-rows-spanned");
                down[col] = (span_rows - 1, cell.clone());
                row.push(cell);
            }
        }
        rows.push(row, is_header);
    }
    Ok(Table {
        rows: rows.rows,
        pos,
    })
}

fn span(tc: &Node, attr: &str) -> usize {
    tc.attribute((TABLE, attr))
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, 10_000)
}

fn paragraph(
    p: &Node,
    ctx: &mut Ctx,
    pkg: &mut Package,
    list: Option<ListMark>,
    pos: usize,
) -> Result<Para, Diagnostic> {
    let style = p.attribute((TEXT, "style-name"));
    let center = style
        .and_then(|s| inherited(ctx, "paragraph", s, |d| d.center))
        .unwrap_or(false);
    let base = styled(ctx, "paragraph", style, &(Style::default(), None));
    let mut pieces = Vec::new();
    inline(p, ctx, pkg, &base, &mut pieces, 0)?;
    let list = list.filter(|_| {
        pieces
            .iter()
            .any(|p| matches!(p, Piece::Text(t, _) if !t.trim().is_empty()))
    });
    Ok(para_of(&pieces, list, center, pos))
}

fn inline(
    n: &Node,
    ctx: &mut Ctx,
    pkg: &mut Package,
    style: &(Style, Option<String>),
    out: &mut Vec<Piece>,
    depth: usize,
) -> Result<(), Diagnostic> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    for c in n.children() {
        if c.is_text() {
            let raw = c.text().unwrap_or("");
            let enc = style.1.as_deref().and_then(legacy::of_font);
            let text = match enc {
                Some(e) => {
                    ctx.legacy_runs += 1;
                    legacy::decode(raw, e)
                }
                None => raw.to_string(),
            };
            // Spaces in the XML are layout; ODF writes meant spaces as <text:s/>.
            out.push(Piece::Text(
                text.replace(['\n', '\r', '\t'], " "),
                style.0.clone(),
            ));
            continue;
        }
        if !c.is_element() {
            continue;
        }
        let ns = c.tag_name().namespace();
        match (ns, c.tag_name().name()) {
            (Some(TEXT), "span") => {
                let s = styled(ctx, "text", c.attribute((TEXT, "style-name")), style);
                inline(&c, ctx, pkg, &s, out, depth + 1)?;
            }
            (Some(TEXT), "a") => {
                let mut s = style.clone();
                s.0.link = c
                    .attribute((XLINK, "href"))
                    // Links out of the document only (as a .docx's external ones): a
                    // bookmark or a file beside the original means nothing on the site.
                    .filter(|h| {
                        matches!(
                            crate::text::address::classify(h),
                            Address::Web | Address::Contact
                        )
                    })
                    .map(str::to_string);
                inline(&c, ctx, pkg, &s, out, depth + 1)?;
            }
            (Some(TEXT), "s") => {
                let n = c
                    .attribute((TEXT, "c"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(100);
                out.push(Piece::Text(" ".repeat(n), style.0.clone()));
            }
            (Some(TEXT), "tab" | "line-break") => {
                out.push(Piece::Text(" ".into(), style.0.clone()))
            }
            (Some(TEXT), "note") => {
                let id = (ctx.footnotes.len() + 1).to_string();
                let mut parts = Vec::new();
                if let Some(body) = c.children().find(|b| is(b, TEXT, "note-body")) {
                    for p in body.descendants().filter(|p| is(p, TEXT, "p")) {
                        let para = paragraph(&p, ctx, pkg, None, 0)?;
                        if !para.md.is_empty() {
                            parts.push(para.md);
                        }
                    }
                }
                ctx.footnotes.push((id.clone(), parts.join(" ")));
                out.push(Piece::Raw(format!("[^{id}]")));
            }
            (Some(DRAW), "frame") => {
                if let Some(md) = image(&c, ctx, pkg)? {
                    out.push(Piece::Raw(md));
                }
            }
            // Bookmarks, change marks, soft page breaks: not text.
            (
                Some(TEXT),
                "bookmark" | "bookmark-start" | "bookmark-end" | "soft-page-break"
                | "tracked-changes" | "change-start" | "change-end",
            ) => {}
            // Fields, metadata spans: their text is text.
            _ => inline(&c, ctx, pkg, style, out, depth + 1)?,
        }
    }
    Ok(())
}

/// An image in a frame: extracted from the package and referred to by its file name.
fn image(frame: &Node, ctx: &mut Ctx, pkg: &mut Package) -> Result<Option<String>, Diagnostic> {
    let Some(target) = frame
        .children()
        .find(|n| is(n, DRAW, "image"))
        .and_then(|i| i.attribute((XLINK, "href")))
    else {
        return Ok(None);
    };
    let alt = frame
        .children()
        .find(|n| is(n, SVG, "desc") || is(n, SVG, "title"))
        .and_then(|d| d.text())
        .map(|a| super::inline::escape(&collapse(a)))
        .unwrap_or_default();
    if let Some(name) = ctx.image_names.get(target) {
        return Ok(Some(format!("![{alt}]({name})")));
    }
    let Some(name) = image_name(ctx.images.len() + 1, target) else {
        return Ok(None);
    };
    let Some(bytes) = pkg.read(target)? else {
        return Ok(None);
    };
    ctx.images.push(Image {
        name: name.clone(),
        bytes,
    });
    ctx.image_names.insert(target.to_string(), name.clone());
    Ok(Some(format!("![{alt}]({name})")))
}
