//! Raw HTML in Markdown, made safe: editors paste from Word and web pages, and a
//! government site must not publish a script, an event handler or a `javascript:` link
//! that came along. Only a safe subset passes (ammonia, a well-kept html5ever-based
//! sanitiser); `<iframe>` only from hosts the site lists (video embeds).

use std::collections::HashSet;

/// What raw HTML may contain, from `site.toml`.
#[derive(Clone, Debug, Default)]
pub struct HtmlPolicy {
    /// `unsafe_html = true`: raw HTML passes untouched (a warning says so).
    pub unsafe_html: bool,
    /// `iframe_hosts`: hosts whose `https://` pages may be embedded.
    pub iframe_hosts: Vec<String>,
}

/// Cleans rendered HTML of a page that had raw HTML in its Markdown, keeping the markup
/// congbo itself makes (heading ids, highlighting classes, footnotes, task lists, table
/// alignment, citation links).
pub fn sanitize(html: &str, policy: &HtmlPolicy) -> String {
    if policy.unsafe_html {
        return html.to_string();
    }
    let hosts: HashSet<String> = policy
        .iframe_hosts
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let mut b = ammonia::Builder::default();
    b.add_generic_attributes(&["id", "class"])
        .add_tags(&["input"])
        .add_tag_attributes("input", &["type", "checked", "disabled"])
        .add_tag_attributes("th", &["style"])
        .add_tag_attributes("td", &["style"])
        .filter_style_properties(["text-align"].into_iter().collect())
        .link_rel(None);
    if !hosts.is_empty() {
        b.add_tags(&["iframe"]).add_tag_attributes(
            "iframe",
            &[
                "src",
                "width",
                "height",
                "title",
                "allow",
                "allowfullscreen",
                "loading",
                "referrerpolicy",
            ],
        );
    }
    b.attribute_filter(
        move |element, attribute, value| match (element, attribute) {
            ("iframe", "src") => allowed_embed(value, &hosts).then(|| value.into()),
            ("input", "type") => (value == "checkbox").then(|| value.into()),
            _ => Some(value.into()),
        },
    );
    b.clean(html).to_string()
}

/// Whether `src` is an `https://` address on one of the listed hosts.
fn allowed_embed(src: &str, hosts: &HashSet<String>) -> bool {
    let Some(rest) = src.strip_prefix("https://") else {
        return false;
    };
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    !host.contains('@') && !host.contains(':') && hosts.contains(&host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(html: &str) -> String {
        sanitize(
            html,
            &HtmlPolicy {
                unsafe_html: false,
                iframe_hosts: vec!["www.youtube-nocookie.com".into()],
            },
        )
    }

    #[test]
    fn scripts_handlers_and_javascript_urls_are_removed() {
        let out = clean(
            "<p onclick=\"x()\">Xin chào<script>alert(1)</script></p><a href=\"javascript:alert(1)\">a</a><img src=x onerror=alert(1)>",
        );
        assert!(
            !out.contains("script")
                && !out.contains("onclick")
                && !out.contains("onerror")
                && !out.contains("javascript:"),
            "{out}"
        );
        assert!(out.contains("Xin chào"));
    }

    #[test]
    fn iframes_only_from_listed_hosts() {
        let ok = clean(
            "<iframe src=\"https://www.youtube-nocookie.com/embed/abc\" title=\"Video\"></iframe>",
        );
        assert!(
            ok.contains("src=\"https://www.youtube-nocookie.com/embed/abc\""),
            "{ok}"
        );
        for bad in [
            "https://evil.example/x",
            "http://www.youtube-nocookie.com/embed/abc",
            "https://www.youtube-nocookie.com@evil.example/",
            "javascript:alert(1)",
        ] {
            let out = clean(&format!("<iframe src=\"{bad}\"></iframe>"));
            assert!(!out.contains("src="), "{bad}: {out}");
        }
        let none = sanitize(
            "<iframe src=\"https://www.youtube-nocookie.com/embed/abc\"></iframe>",
            &HtmlPolicy::default(),
        );
        assert!(
            !none.contains("iframe"),
            "no hosts listed, no iframes: {none}"
        );
    }

    #[test]
    fn congbo_markup_survives() {
        let html = "<h2 id=\"muc-1\">Mục</h2><pre class=\"code\"><code class=\"language-rust\"><span class=\"hl-keyword\">fn</span></code></pre>\
                    <table><tr><th style=\"text-align: center\">A</th><td style=\"text-align: right; background: url(x)\">1</td></tr></table>\
                    <ul><li><input disabled=\"\" type=\"checkbox\" checked=\"\"> xong</li></ul><a class=\"citation\" href=\"/van-ban/x/\">Nghị định</a>";
        let out = clean(html);
        for keep in [
            "id=\"muc-1\"",
            "class=\"hl-keyword\"",
            "text-align:center",
            "type=\"checkbox\"",
            "class=\"citation\"",
            "href=\"/van-ban/x/\"",
        ] {
            assert!(out.contains(keep), "{keep} lost: {out}");
        }
        assert!(
            !out.contains("url(x)"),
            "only text-align passes in style: {out}"
        );
    }

    #[test]
    fn unsafe_html_passes_everything() {
        let p = HtmlPolicy {
            unsafe_html: true,
            iframe_hosts: vec![],
        };
        assert_eq!(sanitize("<script>x</script>", &p), "<script>x</script>");
    }
}
