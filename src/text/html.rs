//! HTML escaping of text, for every stage that writes HTML or XML by hand: code blocks and
//! links in the Markdown, the images' `<picture>`, the views, feeds and sitemaps. It lives
//! at the bottom (in `text`) so each of them can call the one rule without reaching into
//! another stage. Which addresses may be written as links is `text::address`'s rule.

/// HTML-escapes text.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(s, &mut out);
    out
}

/// HTML-escapes text into `out`, copying runs without special characters in one piece.
pub fn escape_into(s: &str, out: &mut String) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// The plain text of rendered HTML: tags become spaces, the entities the Markdown
/// renderer writes are decoded (others become spaces).
pub fn html_text(html: &str, out: &mut String) {
    let mut rest = html;
    while let Some(i) = memchr::memchr2(b'<', b'&', rest.as_bytes()) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with('<') {
            out.push(' ');
            rest = memchr::memchr(b'>', tail.as_bytes()).map_or("", |j| &tail[j + 1..]);
        } else {
            let end = tail.bytes().take(10).position(|b| b == b';');
            let (text, skip) = match end {
                Some(j) => (entity(&tail[1..j]), j + 1),
                None => ("&", 1),
            };
            out.push_str(text);
            rest = &tail[skip..];
        }
    }
    out.push_str(rest);
}

/// The text of an entity's name (`amp`, `#39`), a space when unknown.
fn entity(name: &str) -> &'static str {
    match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" | "#34" => "\"",
        "#39" | "#x27" | "apos" => "'",
        _ => " ",
    }
}

/// The plain text of rendered HTML in one line: [`html_text`] with every run of white
/// space made one space, and no space left before a closing punctuation mark (a tag
/// closing a word before its comma became one), for places that show or send text without
/// markup (JSON-LD).
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    html_text(html, &mut text);
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let closes = word.starts_with([',', '.', ';', ':', '!', '?', ')']);
        if !out.is_empty() && !closes {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_special_characters_and_keeps_the_rest() {
        assert_eq!(
            escape("a<b>&\"c\"'d' Việt"),
            "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39; Việt"
        );
        let mut out = String::from("x");
        escape_into("<", &mut out);
        assert_eq!(out, "x&lt;");
    }

    #[test]
    fn plain_text_drops_tags_and_joins_lines() {
        assert_eq!(
            plain_text("<p>Chào <strong>ông</strong>,</p>\n<p>A &amp; B</p>"),
            "Chào ông, A & B"
        );
    }
}
