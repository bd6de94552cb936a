//! Constant calls written as literals before templates compile: `t(key="…")` with no other
//! argument becomes its text in the theme's language, `get_url(path="…")` its URL. Both are
//! the same on every page, yet as calls they went through tera's function machinery on
//! every page (about 60 calls a page, 5% of a 10,000-page build). Each language compiles
//! its own copy of the templates, so the literal is that language's text.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::config::strings::Catalogue;

/// `source` with its constant `t` and `get_url` calls replaced by string literals. A call
/// whose key is missing (reported elsewhere, with its line), or whose text holds every
/// kind of quote or a line break (a literal could not hold it, or the template's line
/// numbers would move), is left as a call.
pub(crate) fn inline_constants(source: &str, strings: &Catalogue, base_path: &str) -> String {
    static CALL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"\b(t|get_url)\(\s*(key|path)\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)')\s*\)"#)
            .expect("a valid pattern")
    });
    if !source.contains("t(") && !source.contains("get_url(") {
        return source.to_string();
    }
    CALL.replace_all(source, |c: &Captures<'_>| {
        let whole = c.get(0).map_or("", |m| m.as_str());
        let arg = c.get(3).or_else(|| c.get(4)).map_or("", |m| m.as_str());
        let value = match (&c[1], &c[2]) {
            ("t", "key") => strings.get(arg).map(str::to_string),
            ("get_url", "path") => Some(super::filters::url_for(base_path, arg)),
            _ => None,
        };
        value
            .and_then(|v| literal(&v))
            .unwrap_or_else(|| whole.to_string())
    })
    .into_owned()
}

/// A tera string literal of `text`, in the first quote kind it does not contain.
fn literal(text: &str) -> Option<String> {
    if text.contains('\n') {
        return None;
    }
    ['"', '\'', '`']
        .into_iter()
        .find(|q| !text.contains(*q))
        .map(|q| format!("{q}{text}{q}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use tera::{Context, Tera};

    fn strings() -> Catalogue {
        Catalogue::from_pairs(
            "vi",
            &[
                ("home", "Trang chủ"),
                ("amp", "Hỏi & đáp <b>"),
                ("quotes", "nói \"có\" và 'không'"),
                ("page_n", "Trang {n}"),
            ],
        )
    }

    #[test]
    fn constant_calls_become_literals() {
        let s = strings();
        assert_eq!(
            inline_constants(
                r#"<a>{{ t(key="home") }}</a>{{ t( key = 'amp' ) }}"#,
                &s,
                "/xa/"
            ),
            r#"<a>{{ "Trang chủ" }}</a>{{ "Hỏi & đáp <b>" }}"#
        );
        assert_eq!(
            inline_constants(r#"{{ get_url(path="css/a.css") }}"#, &s, "/xa/"),
            r#"{{ "/xa/css/a.css" }}"#
        );
        assert_eq!(
            inline_constants(r#"{{ t(key="quotes") }}"#, &s, "/"),
            "{{ `nói \"có\" và 'không'` }}"
        );
    }

    #[test]
    fn other_calls_stay() {
        let s = strings();
        for src in [
            r#"{{ t(key="page_n", n=2) }}"#,
            r#"{{ t(key="missing") }}"#,
            r#"{{ at(key="home") }}"#,
            r#"{{ t(key=name) }}"#,
            r#"{{ get_url(path=p) }}"#,
        ] {
            assert_eq!(inline_constants(src, &s, "/"), src);
        }
    }

    #[test]
    fn inlined_templates_render_the_same_bytes() {
        let src = r#"<p title="{{ t(key="amp") }}">{{ t(key="home") }} {{ t(key="amp") }} {{ t(key="quotes") }}</p>
{% set x = t(key="home") ~ "!" %}{{ x }} {{ get_url(path="js/a.js") }} {{ t(key="page_n", n=3) }}
{% if t(key="home") == "Trang chủ" %}yes{% endif %}"#;
        let s = Arc::new(strings());
        let render = |text: &str| {
            let mut t = Tera::default();
            super::super::filters::register(&mut t, "/xa/", &s);
            t.add_raw_template("a.html", text).unwrap();
            t.render("a.html", &Context::new()).unwrap()
        };
        let plain = render(src);
        assert_eq!(render(&inline_constants(src, &s, "/xa/")), plain);
        assert!(plain.contains("Hỏi &amp; đáp &lt;b&gt;"), "{plain}");
    }
}
