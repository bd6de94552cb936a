//! HTML escaping of text, for every stage that writes HTML or XML by hand: code blocks and
//! links in the Markdown, the images' `<picture>`, the views, feeds and sitemaps. It lives
//! at the bottom (in `text`) so each of them can call the one rule without reaching into
//! another stage. Beside it, the one rule of which link addresses may be written as they
//! are ([`plain_scheme`]), which the Markdown links and the menus of `site.toml` both follow.

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

/// Whether a link address is relative or uses a scheme that cannot run code (`http`,
/// `https`, `mailto`, `tel`, `ftp`). Read the way a browser reads it: leading spaces and
/// control characters dropped, tabs and line breaks inside ignored, any case.
pub fn plain_scheme(dest: &str) -> bool {
    let cleaned: String = dest
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take_while(|c| !matches!(c, '/' | '?' | '#'))
        .collect();
    match cleaned.split_once(':') {
        None => true,
        Some((scheme, _)) => ["http", "https", "mailto", "tel", "ftp"]
            .iter()
            .any(|ok| scheme.eq_ignore_ascii_case(ok)),
    }
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
    fn plain_schemes_are_those_that_cannot_run_code() {
        for ok in [
            "/tin-tuc/",
            "abc.md",
            "https://x.vn",
            "MAILTO:a@b.vn",
            "tel:0123",
            "a/b:c",
        ] {
            assert!(plain_scheme(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " \tjava\nscript:x",
            "data:text/html,x",
            "vbscript:x",
        ] {
            assert!(!plain_scheme(bad), "{bad}");
        }
    }
}
