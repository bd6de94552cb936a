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
}
