//! The Office Open XML reader: `word/document.xml` with its relationships (links, images),
//! styles (which paragraph styles are lists), numbering and footnotes, into a [`Doc`].

use std::collections::HashMap;
use std::path::Path;

use roxmltree::Node;

use super::doc::{Block, Doc, Image, Para, Rows, Table, collapse, image_name, para_of};
use super::inline::{Piece, Style};
use super::legacy;
use super::package::{Package, parse_xml};
use super::word_styles::{Numbering, Styles, flag, font_of, num_ref};
use crate::error::Diagnostic;

/// WordprocessingML's namespace.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The relationships namespace (`r:id`, `r:embed`).
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// What the reader needs from the parts beside the document.
#[derive(Default)]
struct Ctx {
    /// Relationship id → (target, external).
    rels: HashMap<String, (String, bool)>,
    /// Styles: their lists and fonts.
    styles: Styles,
    /// Lists: their levels and counts.
    numbering: Numbering,
    /// The font of the paragraph being read (its style's, or the document's default), for
    /// runs that name none.
    para_font: Option<String>,
    /// Images read so far, by relationship id → file name.
    image_names: HashMap<String, String>,
    images: Vec<Image>,
    legacy_runs: usize,
}

/// Reads a `.docx` file's bytes.
pub(crate) fn read(file: &Path, bytes: &[u8]) -> Result<Doc, Diagnostic> {
    let mut pkg = Package::open(file, bytes)?;
    let Some(main) = pkg.text("word/document.xml")? else {
        return Err(Diagnostic::file(
            file,
            crate::tr!(
                en: "this file has no word/document.xml, so it is not a Word document (.docx); save it from Word as \"Word Document (.docx)\"",
                vi: "tệp này không có word/document.xml nên không phải văn bản Word (.docx); hãy lưu lại trong Word dạng \"Word Document (.docx)\"",
            ),
        ));
    };
    let mut ctx = Ctx::default();
    if let Some(text) = pkg.text("word/_rels/document.xml.rels")? {
        let xml = parse_xml(file, "word/_rels/document.xml.rels", &text)?;
        for r in xml.descendants().filter(|n| n.has_tag_name("Relationship")) {
            if let (Some(id), Some(target)) = (r.attribute("Id"), r.attribute("Target")) {
                let external = r.attribute("TargetMode") == Some("External");
                ctx.rels
                    .insert(id.to_string(), (target.to_string(), external));
            }
        }
    }
    if let Some(text) = pkg.text("word/styles.xml")? {
        ctx.styles = Styles::read(&parse_xml(file, "word/styles.xml", &text)?);
    }
    if let Some(text) = pkg.text("word/numbering.xml")? {
        ctx.numbering = Numbering::read(&parse_xml(file, "word/numbering.xml", &text)?);
    }
    let mut doc = Doc::default();
    if let Some(text) = pkg.text("word/footnotes.xml")? {
        let xml = parse_xml(file, "word/footnotes.xml", &text)?;
        for f in xml
            .root_element()
            .children()
            .filter(|n| is_w(n, "footnote"))
        {
            if f.attribute((W, "type")).is_some_and(|t| t != "normal") {
                continue;
            }
            let Some(id) = f.attribute((W, "id")) else {
                continue;
            };
            let mut parts = Vec::new();
            for p in f.descendants().filter(|n| is_w(n, "p")) {
                let para = paragraph(&p, &mut ctx, &mut pkg, 0)?;
                if !para.md.is_empty() {
                    parts.push(para.md);
                }
            }
            doc.footnotes.push((id.to_string(), parts.join(" ")));
        }
    }
    let xml = parse_xml(file, "word/document.xml", &main)?;
    let Some(body) = xml.root_element().children().find(|n| is_w(n, "body")) else {
        return Ok(doc);
    };
    blocks(&body, &mut ctx, &mut pkg, &mut doc.blocks)?;
    doc.images = ctx.images;
    doc.legacy_runs = ctx.legacy_runs;
    Ok(doc)
}

/// Whether a paragraph has any text of its own.
fn has_text(p: &Node) -> bool {
    p.descendants()
        .any(|n| is_w(&n, "t") && n.text().is_some_and(|t| !t.trim().is_empty()))
}

fn is_w(n: &Node, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(W)
}

fn child<'a, 'i>(n: &Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is_w(c, name))
}

fn val<'a>(n: &Node<'a, '_>) -> Option<&'a str> {
    n.attribute((W, "val"))
}

/// An on/off property (`<w:b/>`, `<w:b w:val="0"/>`).
fn on(n: Option<Node>) -> bool {
    n.is_some_and(|n| !matches!(val(&n), Some("0" | "false" | "off" | "none")))
}

/// The blocks under `parent` (the body, a cell, a content control).
fn blocks(
    parent: &Node,
    ctx: &mut Ctx,
    pkg: &mut Package,
    out: &mut Vec<Block>,
) -> Result<(), Diagnostic> {
    for n in parent.children().filter(Node::is_element) {
        let pos = out.len() + 1;
        if is_w(&n, "p") {
            out.push(Block::Para(paragraph(&n, ctx, pkg, pos)?));
        } else if is_w(&n, "tbl") {
            out.push(Block::Table(table(&n, ctx, pkg, pos)?));
        } else if is_w(&n, "sdt")
            && let Some(c) = child(&n, "sdtContent")
        {
            blocks(&c, ctx, pkg, out)?;
        }
    }
    Ok(())
}

fn table(tbl: &Node, ctx: &mut Ctx, pkg: &mut Package, pos: usize) -> Result<Table, Diagnostic> {
    let mut rows = Rows::default();
    for tr in tbl.children().filter(|n| is_w(n, "tr")) {
        let is_header = child(&tr, "trPr").is_some_and(|p| on(child(&p, "tblHeader")));
        let mut row: Vec<Vec<Para>> = Vec::new();
        for tc in tr.children().filter(|n| is_w(n, "tc")) {
            let pr = child(&tc, "tcPr");
            let span = pr
                .and_then(|p| child(&p, "gridSpan"))
                .and_then(|g| val(&g)?.parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, 64);
            let merge = pr.and_then(|p| child(&p, "vMerge"));
            let continues = merge.is_some_and(|m| val(&m).is_none_or(|v| v == "continue"));
            let col = row.len();
            let cell = if continues {
                // Word's vertical merge: the cell shows the value of the first cell above.
                rows.rows
                    .last()
                    .and_then(|r| r.get(col))
                    .cloned()
                    .unwrap_or_default()
            } else {
                let mut inner = Vec::new();
                blocks(&tc, ctx, pkg, &mut inner)?;
                inner
                    .into_iter()
                    .flat_map(|b| match b {
                        Block::Para(p) => vec![p],
                        Block::Table(t) => t.rows.into_iter().flatten().flatten().collect(),
                    })
                    .filter(|p| !p.md.is_empty())
                    .collect()
            };
            row.push(cell);
            for _ in 1..span {
                row.push(Vec::new());
            }
        }
        rows.push(row, is_header);
    }
    Ok(Table {
        rows: rows.rows,
        pos,
    })
}

fn paragraph(p: &Node, ctx: &mut Ctx, pkg: &mut Package, pos: usize) -> Result<Para, Diagnostic> {
    let ppr = child(p, "pPr");
    let center = ppr
        .and_then(|p| child(&p, "jc"))
        .is_some_and(|j| val(&j) == Some("center"));
    let style = ppr
        .and_then(|p| child(&p, "pStyle"))
        .and_then(|s| val(&s))
        .unwrap_or("");
    // The paragraph's own numbering, else its style's; a level given directly wins.
    let own = ppr.and_then(|p| num_ref(&p));
    let num = match (own, ctx.styles.numbering(style)) {
        (Some((id, None)), Some((_, level))) => Some((id, level)),
        (Some(own), _) => Some(own),
        (None, from_style) => from_style,
    };
    // Only a paragraph with text counts as an item: Word shows no number on an empty one.
    let list = num
        .filter(|_| has_text(p))
        .and_then(|n| ctx.numbering.mark(&n));
    ctx.para_font = ctx.styles.font(style).or_else(|| ctx.styles.default_font());
    // A paragraph style may make its text bold (a heading style): runs start from it.
    let base = Style {
        bold: ctx.styles.bold(style).unwrap_or(false),
        italic: ctx.styles.italic(style).unwrap_or(false),
        ..Style::default()
    };
    let mut pieces = Vec::new();
    inline(p, ctx, pkg, &base, &mut pieces)?;
    Ok(para_of(&pieces, list, center, pos))
}

/// The runs under `n` (a paragraph, a link, an insertion…), in order.
fn inline(
    n: &Node,
    ctx: &mut Ctx,
    pkg: &mut Package,
    style: &Style,
    out: &mut Vec<Piece>,
) -> Result<(), Diagnostic> {
    for c in n.children().filter(Node::is_element) {
        if is_w(&c, "r") {
            run(&c, ctx, pkg, style, out)?;
        } else if is_w(&c, "hyperlink") {
            let mut s = style.clone();
            if let Some(id) = c.attribute((R, "id"))
                && let Some((target, true)) = ctx.rels.get(id)
            {
                s.link = Some(target.clone());
            }
            inline(&c, ctx, pkg, &s, out)?;
        } else if is_w(&c, "pPr") || is_w(&c, "del") || is_w(&c, "moveFrom") {
            // Paragraph properties, and deleted text of tracked changes, are not text.
        } else {
            // Insertions, smart tags, fields, content controls: their runs are text.
            inline(&c, ctx, pkg, style, out)?;
        }
    }
    Ok(())
}

fn run(
    r: &Node,
    ctx: &mut Ctx,
    pkg: &mut Package,
    outer: &Style,
    out: &mut Vec<Piece>,
) -> Result<(), Diagnostic> {
    let mut style = outer.clone();
    // Word's order: the run's own font, its character style's, its paragraph's.
    let mut font = ctx.para_font.clone();
    if let Some(pr) = child(r, "rPr") {
        // Word's order: the run's own setting, its character style's, the paragraph's.
        let char_style = child(&pr, "rStyle").and_then(|s| val(&s));
        let set = |name: &str, of_style: &dyn Fn(&str) -> Option<bool>| {
            flag(&pr, name).or_else(|| char_style.and_then(of_style))
        };
        if let Some(b) = set("b", &|s| ctx.styles.bold(s)) {
            style.bold = b;
        }
        if let Some(i) = set("i", &|s| ctx.styles.italic(s)) {
            style.italic = i;
        }
        style.underline = on(child(&pr, "u"));
        if let Some(f) = font_of(&pr).or_else(|| {
            child(&pr, "rStyle")
                .and_then(|s| val(&s))
                .and_then(|s| ctx.styles.font(s))
        }) {
            font = Some(f);
        }
    }
    let enc = font.as_deref().and_then(legacy::of_font);
    for c in r.children().filter(Node::is_element) {
        let name = c.tag_name().name();
        match name {
            "t" if is_w(&c, "t") => {
                let raw = c.text().unwrap_or("");
                let text = match enc {
                    Some(e) => {
                        ctx.legacy_runs += 1;
                        legacy::decode(raw, e)
                    }
                    None => raw.to_string(),
                };
                out.push(Piece::Text(text, style.clone()));
            }
            "tab" | "cr" => out.push(Piece::Text(" ".into(), style.clone())),
            // A page break is the printer's; a line break inside a paragraph reads as a space.
            "br" => out.push(Piece::Text(" ".into(), style.clone())),
            "noBreakHyphen" => out.push(Piece::Text("-".into(), style.clone())),
            "footnoteReference" => {
                if let Some(id) = c.attribute((W, "id")) {
                    out.push(Piece::Raw(format!("[^{id}]")));
                }
            }
            "drawing" | "pict" | "object" => {
                if let Some(md) = image(&c, ctx, pkg)? {
                    out.push(Piece::Raw(md));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// An image in a drawing: extracted from `word/media/` and referred to by its file name.
fn image(n: &Node, ctx: &mut Ctx, pkg: &mut Package) -> Result<Option<String>, Diagnostic> {
    let Some(id) = n.descendants().find_map(|d| {
        d.attribute((R, "embed"))
            .or_else(|| (d.tag_name().name() == "imagedata").then(|| d.attribute((R, "id")))?)
    }) else {
        return Ok(None);
    };
    let alt = n
        .descendants()
        .find(|d| d.tag_name().name() == "docPr")
        .and_then(|d| d.attribute("descr"))
        .map(|a| super::inline::escape(&collapse(a)))
        .unwrap_or_default();
    if let Some(name) = ctx.image_names.get(id) {
        return Ok(Some(format!("![{alt}]({name})")));
    }
    let Some((target, false)) = ctx.rels.get(id).cloned() else {
        return Ok(None);
    };
    // The target is relative to word/; one that climbs out of it is not an image of this
    // document.
    let Some(name) = image_name(ctx.images.len() + 1, &target) else {
        return Ok(None);
    };
    let Some(bytes) = pkg.read(&format!("word/{target}"))? else {
        return Ok(None);
    };
    ctx.images.push(Image {
        name: name.clone(),
        bytes,
    });
    ctx.image_names.insert(id.to_string(), name.clone());
    Ok(Some(format!("![{alt}]({name})")))
}
