//! What a `.docx` says about a paragraph outside the paragraph: `styles.xml` (a paragraph
//! or character style may set the font, so a TCVN3 or VNI text can name its font only
//! there, and a paragraph style may be a list; styles inherit through `basedOn`, and the
//! document defaults sit under them all) and `numbering.xml` (each list's levels: the
//! number format and the level text such as "%1." or "%1.%2.", so that a numbered list
//! keeps the numbers Word shows, not a bullet).

use std::collections::HashMap;

use roxmltree::{Document, Node};

use super::doc::ListMark;

/// WordprocessingML's namespace.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// How deep a `basedOn` chain is followed: Word's own are a few long; a loop must end.
const MAX_CHAIN: usize = 20;
/// Word's list levels (0 to 8).
const LEVELS: usize = 9;

fn is_w(n: &Node, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name && n.tag_name().namespace() == Some(W)
}

fn child<'a, 'i>(n: &Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is_w(c, name))
}

fn val<'a>(n: &Node<'a, '_>) -> Option<&'a str> {
    n.attribute((W, "val"))
}

/// The font a run-properties element names (`w:ascii`, else `w:hAnsi`).
pub(crate) fn font_of(rpr: &Node) -> Option<String> {
    let f = child(rpr, "rFonts")?;
    f.attribute((W, "ascii"))
        .or(f.attribute((W, "hAnsi")))
        .map(str::to_string)
}

/// An on/off property of run properties (`<w:b/>`, `<w:b w:val="0"/>`), if present.
pub(crate) fn flag(rpr: &Node, name: &str) -> Option<bool> {
    child(rpr, name).map(|n| !matches!(val(&n), Some("0" | "false" | "off" | "none")))
}

/// A list reference: the numbering's id and, when given, the level.
pub(crate) type NumRef = (String, Option<u8>);

/// The list reference of a `w:pPr` (or a style's), if it has a `w:numPr`.
pub(crate) fn num_ref(ppr: &Node) -> Option<NumRef> {
    let num = child(ppr, "numPr")?;
    let id = child(&num, "numId").and_then(|n| val(&n))?;
    let level = child(&num, "ilvl")
        .and_then(|n| val(&n)?.parse::<u8>().ok())
        .filter(|l| usize::from(*l) < LEVELS);
    Some((id.to_string(), level))
}

#[derive(Default)]
struct StyleDef {
    based: Option<String>,
    num: Option<NumRef>,
    font: Option<String>,
    bold: Option<bool>,
    italic: Option<bool>,
}

/// The styles of a document, by id.
#[derive(Default)]
pub(crate) struct Styles {
    styles: HashMap<String, StyleDef>,
    default_font: Option<String>,
}

impl Styles {
    /// Reads `styles.xml`.
    pub(crate) fn read(xml: &Document) -> Self {
        let mut out = Styles::default();
        for s in xml.descendants().filter(|n| is_w(n, "style")) {
            let Some(id) = s.attribute((W, "styleId")) else {
                continue;
            };
            let def = StyleDef {
                based: child(&s, "basedOn")
                    .and_then(|b| val(&b))
                    .map(str::to_string),
                num: child(&s, "pPr").and_then(|p| num_ref(&p)),
                font: child(&s, "rPr").and_then(|r| font_of(&r)),
                bold: child(&s, "rPr").and_then(|r| flag(&r, "b")),
                italic: child(&s, "rPr").and_then(|r| flag(&r, "i")),
            };
            out.styles.insert(id.to_string(), def);
        }
        out.default_font = xml
            .descendants()
            .find(|n| is_w(n, "rPrDefault"))
            .and_then(|d| child(&d, "rPr"))
            .and_then(|r| font_of(&r));
        out
    }

    /// The first value `get` gives along the `basedOn` chain of style `id`.
    fn inherited<T>(&self, id: &str, get: impl Fn(&StyleDef) -> Option<T>) -> Option<T> {
        let mut cur = id;
        for _ in 0..MAX_CHAIN {
            let def = self.styles.get(cur)?;
            if let Some(v) = get(def) {
                return Some(v);
            }
            cur = def.based.as_deref()?;
        }
        None
    }

    /// The list a paragraph style (or one it is based on) makes its paragraphs.
    pub(crate) fn numbering(&self, id: &str) -> Option<NumRef> {
        self.inherited(id, |d| d.num.clone())
    }

    /// The font a style (or one it is based on) sets.
    pub(crate) fn font(&self, id: &str) -> Option<String> {
        self.inherited(id, |d| d.font.clone())
    }

    /// Whether a style (or one it is based on) makes its text bold, if it says.
    pub(crate) fn bold(&self, id: &str) -> Option<bool> {
        self.inherited(id, |d| d.bold)
    }

    /// Whether a style (or one it is based on) makes its text italic, if it says.
    pub(crate) fn italic(&self, id: &str) -> Option<bool> {
        self.inherited(id, |d| d.italic)
    }

    /// The document's default font.
    pub(crate) fn default_font(&self) -> Option<String> {
        self.default_font.clone()
    }
}

/// One level of a list.
#[derive(Clone, Debug)]
struct Level {
    /// `decimal`, `lowerLetter`, `upperRoman`, `bullet`, …
    format: String,
    /// "%1.", "%1.%2.", "%2)".
    text: String,
    start: u32,
}

/// The lists of a document and how far each has counted.
#[derive(Default)]
pub(crate) struct Numbering {
    lists: HashMap<String, Vec<Level>>,
    counts: HashMap<String, [u32; LEVELS]>,
}

impl Numbering {
    /// Reads `numbering.xml`: each `w:num` gets the levels of its abstract numbering, with
    /// its start overrides.
    pub(crate) fn read(xml: &Document) -> Self {
        let mut abstracts: HashMap<&str, Vec<Level>> = HashMap::new();
        for a in xml.descendants().filter(|n| is_w(n, "abstractNum")) {
            let Some(id) = a.attribute((W, "abstractNumId")) else {
                continue;
            };
            let mut levels = vec![
                Level {
                    format: "bullet".into(),
                    text: String::new(),
                    start: 1,
                };
                LEVELS
            ];
            for l in a.children().filter(|n| is_w(n, "lvl")) {
                let Some(i) = l
                    .attribute((W, "ilvl"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .filter(|i| *i < LEVELS)
                else {
                    continue;
                };
                levels[i] = Level {
                    format: child(&l, "numFmt")
                        .and_then(|n| val(&n))
                        .unwrap_or("decimal")
                        .to_string(),
                    text: child(&l, "lvlText")
                        .and_then(|n| val(&n))
                        .unwrap_or("")
                        .to_string(),
                    start: start_of(&l, "start"),
                };
            }
            abstracts.insert(id, levels);
        }
        let mut out = Numbering::default();
        for n in xml.descendants().filter(|n| is_w(n, "num")) {
            let (Some(id), Some(abs)) = (
                n.attribute((W, "numId")),
                child(&n, "abstractNumId").and_then(|a| val(&a)),
            ) else {
                continue;
            };
            let Some(mut levels) = abstracts.get(abs).cloned() else {
                continue;
            };
            for o in n.children().filter(|c| is_w(c, "lvlOverride")) {
                if let Some(i) = o
                    .attribute((W, "ilvl"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .filter(|i| *i < LEVELS)
                    && child(&o, "startOverride").is_some()
                {
                    levels[i].start = start_of(&o, "startOverride");
                }
            }
            out.lists.insert(id.to_string(), levels);
        }
        out
    }

    /// The mark of the next item of list `num` at `level`, counting it; `None` for no list
    /// (`numId` 0, Word's "numbering removed") or a level without a mark. A list the part
    /// does not define is shown as bullets.
    pub(crate) fn mark(&mut self, (num, level): &NumRef) -> Option<ListMark> {
        if num == "0" {
            return None;
        }
        let level = usize::from(level.unwrap_or(0));
        let Some(levels) = self.lists.get(num) else {
            return Some(ListMark::Bullet);
        };
        let this = &levels[level];
        match this.format.as_str() {
            "bullet" => return Some(ListMark::Bullet),
            "none" => return None,
            _ => {}
        }
        let counts = self.counts.entry(num.clone()).or_insert([0; LEVELS]);
        counts[level] += 1;
        for deeper in counts.iter_mut().skip(level + 1) {
            *deeper = 0;
        }
        let mut label = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match digit {
                Some(d) if c == '%' && (1..=LEVELS as u32).contains(&d) => {
                    chars.next();
                    let i = d as usize - 1;
                    let l = &levels[i];
                    let n = l.start + counts[i].max(1) - 1;
                    label.push_str(&number(&l.format, n));
                }
                _ => label.push(c),
            }
        }
        let label = label.trim().to_string();
        (!label.is_empty()).then_some(ListMark::Numbered(label))
    }
}

fn start_of(n: &Node, name: &str) -> u32 {
    child(n, name)
        .and_then(|s| val(&s)?.parse::<u32>().ok())
        .unwrap_or(1)
        .min(100_000)
}

/// `n` in a Word number format.
pub(crate) fn number(format: &str, n: u32) -> String {
    match format {
        "lowerLetter" => letter(n),
        "upperLetter" => letter(n).to_uppercase(),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" => format!("{n:02}"),
        _ => n.to_string(),
    }
}

/// a … z, then aa, bb (Word's way).
fn letter(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    let c = char::from(b'a' + ((n - 1) % 26) as u8);
    c.to_string().repeat(((n - 1) / 26 + 1) as usize)
}

pub(crate) fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v && out.len() < 40 {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_word_formats() {
        assert_eq!(number("upperRoman", 14), "XIV");
        assert_eq!(number("lowerLetter", 2), "b");
        assert_eq!(number("lowerLetter", 27), "aa");
        assert_eq!(number("decimal", 12), "12");
        assert_eq!(number("decimalZero", 3), "03");
    }
}
