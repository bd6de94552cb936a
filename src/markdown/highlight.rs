//! Code highlighting with syntect, as CSS classes (prefix `hl-`) so the theme's stylesheet
//! decides the colours and pages carry no inline styles.

use std::sync::LazyLock;

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::text::html::{escape, escape_into};

/// Loaded once, and only if a page has a fenced code block with a language.
static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

/// The class style shared with the theme's `highlight.css`.
pub const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Renders a code block; unknown languages and plain blocks are escaped text.
pub fn code_block(lang: &str, code: &str) -> String {
    let lang = lang.split([',', ' ']).next().unwrap_or("").trim();
    let mut out = String::with_capacity(code.len() + 64);
    if lang.is_empty() {
        out.push_str("<pre class=\"code\"><code>");
        escape_into(code, &mut out);
        out.push_str("</code></pre>\n");
        return out;
    }
    let lang_attr = escape(lang);
    out.push_str(&format!(
        "<pre class=\"code\" data-lang=\"{lang_attr}\"><code class=\"language-{lang_attr}\">"
    ));
    match SYNTAXES.find_syntax_by_token(lang) {
        Some(syntax) => {
            let mut generator =
                ClassedHTMLGenerator::new_with_class_style(syntax, &SYNTAXES, CLASS_STYLE);
            let ok = LinesWithEndings::from(code).all(|line| {
                generator
                    .parse_html_for_line_which_includes_newline(line)
                    .is_ok()
            });
            if ok {
                out.push_str(&generator.finalize());
            } else {
                escape_into(code, &mut out);
            }
        }
        None => escape_into(code, &mut out),
    }
    out.push_str("</code></pre>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_language_gets_classes_not_styles() {
        let h = code_block("rust", "fn main() {}\n");
        assert!(h.contains("class=\"hl-"), "{h}");
        assert!(!h.contains("style="));
    }

    #[test]
    fn unknown_language_and_plain_are_escaped() {
        assert!(code_block("khong-co", "<b>").contains("&lt;b&gt;"));
        assert_eq!(
            code_block("", "a<b"),
            "<pre class=\"code\"><code>a&lt;b</code></pre>\n"
        );
    }
}
