//! The styles of an `.odt`: named styles (`styles.xml`) and automatic ones (`content.xml`),
//! each family's by name, inheriting through `parent-style-name`; the font declarations
//! (a style names a declaration, whose family is the font, so TCVN3/VNI text is found by
//! it); and list styles, whose numbered levels give the marks a list shows.

use roxmltree::Node;

use super::super::doc::ListMark;
use super::super::inline::Style;
use super::{Ctx, FO, MAX_DEPTH, STYLE, SVG, TEXT, is};

/// What a style sets; `None` where it leaves it to its parent.
#[derive(Clone, Default)]
pub(super) struct Def {
    pub(super) parent: Option<String>,
    pub(super) bold: Option<bool>,
    pub(super) italic: Option<bool>,
    pub(super) underline: Option<bool>,
    pub(super) font: Option<String>,
    pub(super) center: Option<bool>,
}

/// A list style's levels: `Some((prefix, format, suffix, start))` numbered, `None` bullets.
pub(super) type ListLevels = Vec<Option<(String, String, String, u32)>>;

/// The styles, list styles and font declarations of one part.
pub(super) fn read_styles(ctx: &mut Ctx, xml: &roxmltree::Document) {
    for f in xml.descendants().filter(|n| is(n, STYLE, "font-face")) {
        if let (Some(name), Some(family)) = (
            f.attribute((STYLE, "name")),
            f.attribute((SVG, "font-family")),
        ) {
            ctx.fonts.insert(
                name.to_string(),
                family.trim_matches(['\'', '"']).to_string(),
            );
        }
    }
    for s in xml.descendants().filter(|n| is(n, STYLE, "style")) {
        let (Some(name), Some(family)) =
            (s.attribute((STYLE, "name")), s.attribute((STYLE, "family")))
        else {
            continue;
        };
        let mut def = Def {
            parent: s
                .attribute((STYLE, "parent-style-name"))
                .map(str::to_string),
            ..Def::default()
        };
        for p in s.children().filter(Node::is_element) {
            if is(&p, STYLE, "text-properties") {
                def.bold = p
                    .attribute((FO, "font-weight"))
                    .map(|w| w == "bold" || w.parse::<u32>().is_ok_and(|n| n >= 600));
                def.italic = p
                    .attribute((FO, "font-style"))
                    .map(|s| s == "italic" || s == "oblique");
                def.underline = p
                    .attribute((STYLE, "text-underline-style"))
                    .map(|u| u != "none");
                def.font = p
                    .attribute((STYLE, "font-name"))
                    .map(|f| ctx.fonts.get(f).cloned().unwrap_or_else(|| f.to_string()))
                    .or_else(|| {
                        p.attribute((FO, "font-family"))
                            .map(|f| f.trim_matches(['\'', '"']).to_string())
                    });
            } else if is(&p, STYLE, "paragraph-properties") {
                def.center = p.attribute((FO, "text-align")).map(|a| a == "center");
            }
        }
        ctx.styles
            .insert((family.to_string(), name.to_string()), def);
    }
    for l in xml.descendants().filter(|n| is(n, TEXT, "list-style")) {
        let Some(name) = l.attribute((STYLE, "name")) else {
            continue;
        };
        let mut levels: ListLevels = vec![None; 10];
        for lvl in l.children().filter(Node::is_element) {
            let Some(i) = lvl
                .attribute((TEXT, "level"))
                .and_then(|v| v.parse::<usize>().ok())
                .filter(|i| (1..=10).contains(i))
            else {
                continue;
            };
            if is(&lvl, TEXT, "list-level-style-number") {
                let a = |k: &str| lvl.attribute((STYLE, k)).unwrap_or("").to_string();
                let start = lvl
                    .attribute((TEXT, "start-value"))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1u32)
                    .min(100_000);
                levels[i - 1] = Some((a("num-prefix"), a("num-format"), a("num-suffix"), start));
            }
        }
        ctx.lists.insert(name.to_string(), levels);
    }
}

/// The first value `get` gives along the parent chain of style (`family`, `name`).
pub(super) fn inherited<T>(
    ctx: &Ctx,
    family: &str,
    name: &str,
    get: impl Fn(&Def) -> Option<T>,
) -> Option<T> {
    let mut cur = name.to_string();
    for _ in 0..MAX_DEPTH {
        let def = ctx.styles.get(&(family.to_string(), cur))?;
        if let Some(v) = get(def) {
            return Some(v);
        }
        cur = def.parent.clone()?;
    }
    None
}

/// The formatting and font a style (`family`, `name`) gives on top of `base`.
pub(super) fn styled(
    ctx: &Ctx,
    family: &str,
    name: Option<&str>,
    base: &(Style, Option<String>),
) -> (Style, Option<String>) {
    let (mut s, mut font) = base.clone();
    if let Some(n) = name {
        if let Some(b) = inherited(ctx, family, n, |d| d.bold) {
            s.bold = b;
        }
        if let Some(i) = inherited(ctx, family, n, |d| d.italic) {
            s.italic = i;
        }
        if let Some(u) = inherited(ctx, family, n, |d| d.underline) {
            s.underline = u;
        }
        if let Some(f) = inherited(ctx, family, n, |d| d.font.clone()) {
            font = Some(f);
        }
    }
    (s, font)
}

/// The mark of the next item at `level` of a list of `style`, counting it.
pub(super) fn mark(ctx: &mut Ctx, style: Option<&str>, level: usize) -> Option<ListMark> {
    let levels = style.and_then(|s| ctx.lists.get(s));
    let Some(Some((prefix, format, suffix, start))) = levels.and_then(|l| l.get(level)).cloned()
    else {
        return Some(ListMark::Bullet);
    };
    ctx.counts.resize(level + 1, 0);
    ctx.counts[level] += 1;
    let n = start + ctx.counts[level] - 1;
    let shown = match format.as_str() {
        "" => return None,
        "a" => letter(n),
        "A" => letter(n).to_uppercase(),
        "i" => super::super::word_styles::roman(n).to_lowercase(),
        "I" => super::super::word_styles::roman(n),
        _ => n.to_string(),
    };
    Some(ListMark::Numbered(
        format!("{prefix}{shown}{suffix}").trim().to_string(),
    ))
}

pub(super) fn letter(n: u32) -> String {
    super::super::word_styles::number("lowerLetter", n)
}
