//! A small HTML tag scanner: finds start tags and the byte ranges of their attribute
//! values, skipping comments, doctype and the raw text of `<script>` and `<style>`, and
//! the character references of those values. Enough for rewriting URLs in HTML congbo
//! wrote itself and for finding the links and images in an editor's raw HTML; not a parser.

use std::borrow::Cow;
use std::ops::Range;

/// One attribute of a start tag.
#[derive(Debug)]
pub struct Attr<'a> {
    /// Its name as written.
    pub name: &'a str,
    /// Byte range of its value in the document, without quotes (empty for `<a download>`).
    pub value: Range<usize>,
}

impl Attr<'_> {
    /// The value's text.
    pub fn value<'h>(&self, html: &'h str) -> &'h str {
        &html[self.value.clone()]
    }
}

/// A start tag.
#[derive(Debug)]
pub struct Tag<'a> {
    /// The element name as written.
    pub name: &'a str,
    /// Its attributes in order.
    pub attrs: Vec<Attr<'a>>,
}

/// Every start tag of `html`, in order.
pub fn tags(html: &str) -> Vec<Tag<'_>> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off;
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |e| i + e + 3);
            continue;
        }
        match b.get(i + 1) {
            Some(c) if c.is_ascii_alphabetic() => {}
            Some(b'!' | b'?' | b'/') => {
                i = rest.find('>').map_or(html.len(), |e| i + e + 1);
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        }
        let (tag, end) = start_tag(html, i + 1);
        i = end;
        if tag.name.eq_ignore_ascii_case("script") || tag.name.eq_ignore_ascii_case("style") {
            i = raw_text_end(html, i, tag.name);
        }
        out.push(tag);
    }
    out
}

/// Reads a start tag whose name begins at `i`; returns it and the index after its `>`.
fn start_tag(html: &str, mut i: usize) -> (Tag<'_>, usize) {
    let b = html.as_bytes();
    let name_start = i;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let mut tag = Tag {
        name: &html[name_start..i],
        attrs: Vec::new(),
    };
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (tag, b.len());
        }
        if b[i] == b'>' {
            return (tag, i + 1);
        }
        let n0 = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = &html[n0..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            tag.attrs.push(Attr { name, value: i..i });
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = match b.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                let start = i + 1;
                let end = html[start..]
                    .find(q as char)
                    .map_or(html.len(), |e| start + e);
                i = (end + 1).min(b.len());
                start..end
            }
            _ => {
                let start = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                start..i
            }
        };
        tag.attrs.push(Attr { name, value });
    }
}

/// Where the raw text of a `<script>` or `<style>` that starts at `i` ends: at its closing
/// tag, matched without regard to case.
fn raw_text_end(html: &str, i: usize, name: &str) -> usize {
    let close = format!("</{}", name.to_ascii_lowercase());
    let lower = html[i..].to_ascii_lowercase();
    lower.find(&close).map_or(html.len(), |e| i + e)
}

/// An attribute value as a browser reads it, for the character references that HTML
/// writers (congbo's own, Word's, an editor's) put in addresses and ids: `&amp;`, `&quot;`,
/// `&apos;`, `&#39;`, `&lt;`, `&gt;`. Anything else is left as written. One pass, so
/// `&amp;quot;` stays `&quot;`.
pub fn decode_entities(value: &str) -> Cow<'_, str> {
    if !value.contains('&') {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = [
            ("&amp;", '&'),
            ("&quot;", '"'),
            ("&apos;", '\''),
            ("&#39;", '\''),
            ("&lt;", '<'),
            ("&gt;", '>'),
        ]
        .iter()
        .find(|(e, _)| rest.starts_with(e));
        match decoded {
            Some((e, c)) => {
                out.push(*c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_attributes_and_what_is_skipped() {
        let html = "<!DOCTYPE html><!-- <a href=x> --><A HREF = 'a' download class=b c=\"d e\"/>\
                    <script>if (a<b) document.write('<img src=z>')</SCRIPT><img src=y.png>\
                    <p>1 < 2</p><br/>";
        let tags = tags(html);
        let names: Vec<&str> = tags.iter().map(|t| t.name).collect();
        assert_eq!(names, ["A", "script", "img", "p", "br"]);
        let a: Vec<(&str, &str)> = tags[0]
            .attrs
            .iter()
            .map(|x| (x.name, x.value(html)))
            .collect();
        assert_eq!(
            a,
            [
                ("HREF", "a"),
                ("download", ""),
                ("class", "b"),
                ("c", "d e")
            ]
        );
        assert_eq!(tags[2].attrs[0].value(html), "y.png");
    }

    #[test]
    fn unfinished_input_ends_cleanly() {
        for html in [
            "<a href=\"x",
            "<a href=",
            "<a",
            "<!-- x",
            "<script>x",
            "<",
            "<a b",
        ] {
            let _ = tags(html);
        }
    }

    #[test]
    fn entities_in_addresses() {
        assert_eq!(decode_entities("a&amp;b&quot;&#39;&x;&"), "a&b\"'&x;&");
        assert_eq!(decode_entities("/đường/"), "/đường/");
    }
}
