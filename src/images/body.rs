//! Images in page bodies. An `<img>` of a body whose source is a resized image of the site
//! (`![Sơ đồ](so-do.png)` in a page bundle) becomes a `<picture>`: WebP copies in a
//! `<source>`, the image's own format as the `<img>` with `srcset`, `width` and `height`
//! (no layout shift), `loading="lazy"` and `decoding="async"`. Remote images and files the
//! images stage did not resize stay as they are.
//!
//! It runs when a page is rendered, on the body the Markdown stage made, which raw HTML has
//! already been sanitised out of: the markup is ours, built from the image table and
//! escaped, so nothing an editor writes can add to it. Keeping the Markdown stage's output
//! untouched also keeps `serve`'s reuse of unchanged bodies right when only an image changed.
//! Every language's pages point at the same copies, published once at the site root.

use std::borrow::Cow;

use super::{Format, ImageSet, scaled_height};
use crate::config::Config;
use crate::text::html::escape_into;
use crate::text::html_scan::decode_entities;

/// `sizes` of body images: the text column of the theme's pages (848 px from 880 px wide).
pub const BODY_SIZES: &str = "(min-width: 880px) 848px, 100vw";

/// `html` (the body of the page or section at site path `page_path`) with every resized
/// image as a `<picture>`; borrowed as it is when it has none, the common case.
/// `eager_first`: the first image is not lazy, for a body at the top of its page with no
/// featured image above it, where that image may be the largest thing on the first screen
/// (a lazy one would be fetched late).
pub fn pictures<'h>(
    html: &'h str,
    page_path: &str,
    set: &ImageSet,
    c: &Config,
    eager_first: bool,
) -> Cow<'h, str> {
    if set.by_path.is_empty() || !html.contains("<img") {
        return Cow::Borrowed(html);
    }
    let mut out = String::new();
    let mut last = 0;
    let mut from = 0;
    let mut eager = eager_first;
    // Tag by tag, each read whole (quotes included), so that `<img` written inside another
    // tag's attribute value, a comment or a script is never taken for an image.
    let mut pictures_open = 0usize;
    while let Some(i) = html[from..].find('<') {
        let start = from + i;
        if html[start..].starts_with("<!--") {
            from = html[start..]
                .find("-->")
                .map_or(html.len(), |e| start + e + 3);
            continue;
        }
        let Some((end, name, attrs)) = parse_tag(html, start) else {
            from = start + 1;
            continue;
        };
        from = end;
        let lower = name.to_ascii_lowercase();
        match lower.as_str() {
            "picture" => pictures_open += 1,
            "/picture" => pictures_open = pictures_open.saturating_sub(1),
            // Raw text (only with `unsafe_html`): skip to its end tag.
            "script" | "style" => {
                let close = format!("</{lower}");
                from = html[end..]
                    .to_ascii_lowercase()
                    .find(&close)
                    .map_or(html.len(), |e| end + e);
            }
            // An image inside the editor's own `<picture>` is offered as the editor chose.
            "img" if pictures_open == 0 => {
                // Only the body's first image, whatever it is, may be on the first screen.
                let lazy = !std::mem::take(&mut eager);
                if let Some(p) = picture(&attrs, page_path, set, c, lazy) {
                    out.push_str(&html[last..start]);
                    out.push_str(&p);
                    last = end;
                }
            }
            _ => {}
        }
    }
    if last == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[last..]);
    Cow::Owned(out)
}

/// The root-relative URL of a site path at the site root, whatever the language: image
/// copies are published once, by the main language.
pub fn root_url(c: &Config, path: &str) -> String {
    format!("{}{}", c.root_path, url_path(path.trim_start_matches('/')))
}

/// [`root_url`] as an absolute URL, for sharing tags.
pub fn root_permalink(c: &Config, path: &str) -> String {
    let host = c.base_url.strip_suffix(&c.base_path).unwrap_or("");
    format!("{host}{}", root_url(c, path))
}

/// An attribute as written: its name, its value (undecoded, `None` when bare), its text.
type Attr<'h> = (&'h str, Option<&'h str>, &'h str);

/// The `<picture>` for one `<img>`, or `None` to leave it as it is.
fn picture(
    attrs: &[Attr<'_>],
    page_path: &str,
    set: &ImageSet,
    c: &Config,
    lazy: bool,
) -> Option<String> {
    let get = |n: &str| attrs.iter().find(|a| a.0.eq_ignore_ascii_case(n));
    // An image with its own srcset was sized by hand.
    if get("srcset").is_some() {
        return None;
    }
    let src = decode_entities(get("src")?.1?);
    let path = site_path(&percent_decode(&src)?, page_path, c)?;
    let p = set.get(&path)?;
    let shown = p.fallback()?;
    let link = |v: &str| root_url(c, v);
    let mut out = String::with_capacity(512);
    out.push_str("<picture><source type=\"");
    out.push_str(Format::Webp.mime());
    out.push_str("\" srcset=\"");
    escape_into(&p.srcset(Format::Webp, &link), &mut out);
    out.push_str("\" sizes=\"");
    out.push_str(BODY_SIZES);
    out.push_str("\"><img src=\"");
    escape_into(&link(&shown.path), &mut out);
    out.push_str("\" srcset=\"");
    escape_into(&p.srcset(p.format, &link), &mut out);
    out.push_str("\" sizes=\"");
    out.push_str(BODY_SIZES);
    out.push('"');
    for (name, _, text) in attrs {
        if !["src", "srcset", "sizes"]
            .iter()
            .any(|n| name.eq_ignore_ascii_case(n))
        {
            out.push(' ');
            out.push_str(text);
        }
    }
    // Sizes the editor wrote win; without them the box is reserved from the copy's size.
    if get("width").is_none() && get("height").is_none() {
        let h = scaled_height(p.width, p.height, shown.width);
        out.push_str(&format!(" width=\"{}\" height=\"{h}\"", shown.width));
    }
    if lazy && get("loading").is_none() {
        out.push_str(" loading=\"lazy\"");
    }
    if get("decoding").is_none() {
        out.push_str(" decoding=\"async\"");
    }
    out.push_str("></picture>");
    Some(out)
}

/// Reads the tag starting at `start` (`<img …>`, `</p>`): where it ends, its name (`/p`
/// for an end tag) and its attributes. `None` when `<` starts no tag.
fn parse_tag(html: &str, start: usize) -> Option<(usize, &str, Vec<Attr<'_>>)> {
    let b = html.as_bytes();
    let name_start = start + 1;
    let mut i = name_start + usize::from(b.get(name_start) == Some(&b'/'));
    if !b.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    while b
        .get(i)
        .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'>' | b'/'))
    {
        i += 1;
    }
    let name = &html[name_start..i];
    let mut attrs = Vec::new();
    loop {
        while b
            .get(i)
            .is_some_and(|c| c.is_ascii_whitespace() || *c == b'/')
        {
            i += 1;
        }
        match b.get(i)? {
            b'>' => return Some((i + 1, name, attrs)),
            _ => {
                let name_start = i;
                while b
                    .get(i)
                    .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'=' | b'>' | b'/'))
                {
                    i += 1;
                }
                let name = &html[name_start..i];
                if b.get(i) != Some(&b'=') {
                    attrs.push((name, None, name));
                    continue;
                }
                i += 1;
                let value = match b.get(i)? {
                    q @ (b'"' | b'\'') => {
                        let close = html[i + 1..].find(*q as char)? + i + 1;
                        let v = &html[i + 1..close];
                        i = close + 1;
                        v
                    }
                    _ => {
                        let v_start = i;
                        while b
                            .get(i)
                            .is_some_and(|c| !c.is_ascii_whitespace() && *c != b'>')
                        {
                            i += 1;
                        }
                        &html[v_start..i]
                    }
                };
                attrs.push((name, Some(value), &html[name_start..i]));
            }
        }
    }
}

/// The site path an image source names, relative ones against the page's folder; `None`
/// for remote images and addresses outside the site.
fn site_path(src: &str, page_path: &str, c: &Config) -> Option<String> {
    let src = src.split(['?', '#']).next()?;
    if crate::text::address::classify(src).leaves_site() {
        return None;
    }
    let joined = if let Some(rest) = src.strip_prefix("@/") {
        rest.to_string()
    } else if src.starts_with('/') {
        let rest = src
            .strip_prefix(c.root_path.as_str())
            .or_else(|| src.strip_prefix(c.base_path.as_str()))?;
        rest.to_string()
    } else {
        let dir = page_path.rsplit_once('/').map_or("", |(d, _)| d);
        format!("{dir}/{src}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(format!("/{}", parts.join("/")))
}

/// Undoes percent-encoding (Markdown writes `ảnh 1.jpg` as `%E1%BA%A3nh%201.jpg`); `None`
/// when the result is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    if !s.contains('%') {
        return Some(s.to_string());
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// A path as it can stand in `src` and `srcset`: spaces and commas would split a
/// `srcset` entry, so they (and other unsafe bytes) are percent-encoded.
fn url_path(path: &str) -> Cow<'_, str> {
    let unsafe_byte = |b: u8| b <= b' ' || matches!(b, b',' | b'"' | b'%' | b'<' | b'>' | 0x7f);
    if !path.bytes().any(unsafe_byte) {
        return Cow::Borrowed(path);
    }
    let mut out = String::with_capacity(path.len() + 8);
    for ch in path.chars() {
        if ch.is_ascii() && unsafe_byte(ch as u8) {
            out.push_str(&format!("%{:02X}", ch as u32));
        } else {
            out.push(ch);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests;
