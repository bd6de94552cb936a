//! Raw HTML in Markdown, made safe: editors paste from Word and web pages, and a
//! government site must not publish a script, an event handler or a `javascript:` link
//! that came along. Only a safe subset passes (ammonia, a well-kept html5ever-based
//! sanitiser); `<iframe>` only from hosts the site lists (video embeds) and the
//! youtube-nocookie embeds congbo writes itself ([`super::media`]); `<audio>` and `<video>`
//! (and their `<source>`s) with a file of the site, or of a listed host.

use std::collections::HashSet;

use super::media::YOUTUBE_EMBED_HOST;
use crate::text::address::{Address, classify};

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
    let media_hosts = hosts.clone();
    let listed = hosts.clone();
    let mut b = ammonia::Builder::default();
    b.add_generic_attributes(&["id", "class"])
        .add_tags(&["input", "audio", "video", "source", "iframe"])
        .add_tag_attributes("input", &["type", "checked", "disabled"])
        // The players of super::media, and an editor's own with the same attributes. A
        // <source> keeps `src` and `type` only (never an editor's <picture>'s `srcset`,
        // which would choose the image): `player_sources` then drops every one that is
        // not in a player with an address the filter kept.
        .add_tag_attributes("audio", &["src", "controls", "preload", "aria-label"])
        .add_tag_attributes("source", &["src", "type"])
        .add_tag_attributes(
            "video",
            &[
                "src",
                "controls",
                "preload",
                "poster",
                "aria-label",
                "width",
                "height",
            ],
        )
        .add_tag_attributes("a", &["download"])
        .add_tag_attributes("time", &["datetime"])
        .add_tag_attributes("div", &["role", "tabindex", "aria-label"])
        .add_tag_attributes("th", &["style"])
        .add_tag_attributes("td", &["style"])
        .filter_style_properties(["text-align"].into_iter().collect())
        .link_rel(None);
    b.add_tag_attributes(
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
            "srcdoc",
        ],
    );
    b.attribute_filter(
        move |element, attribute, value| match (element, attribute) {
            ("iframe", "src") => allowed_embed(value, &hosts).then(|| value.into()),
            ("iframe", "srcdoc") => super::media::is_facade(value).then(|| value.into()),
            ("audio" | "video" | "source", "src") | ("video", "poster") => {
                allowed_media(value, &media_hosts).then(|| value.into())
            }
            ("input", "type") => (value == "checkbox").then(|| value.into()),
            // Only the scrolling region congbo wraps a table in (state.rs): no other tab
            // stop, role or tab order from pasted HTML.
            ("div", "role") => (value == "region").then(|| value.into()),
            ("div", "tabindex") => (value == "0").then(|| value.into()),
            _ => Some(value.into()),
        },
    );
    let mut out = b.clean(html).to_string();
    if out.contains("<source") {
        out = player_sources(&out);
    }
    if !out.contains("<iframe") {
        out
    } else {
        empty_iframes(&drop_unlisted_iframes(&out, &listed))
    }
}

/// Removes `<iframe>` elements whose address the filter dropped (an empty box on the
/// page), and youtube-nocookie frames that are not congbo's own: the filter lets that host
/// through for [`super::media`]'s embeds, which alone carry its `srcdoc` (the filter keeps
/// no other); an editor's raw frame from it still needs the host in `iframe_hosts`.
fn drop_unlisted_iframes<'h>(html: &'h str, listed: &HashSet<String>) -> std::borrow::Cow<'h, str> {
    if !html.contains("<iframe>") && !html.contains("<iframe ") {
        return html.into();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<iframe") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        // In the sanitiser's output every value is in double quotes, `"` escaped inside.
        let keep = tag_end(after).is_some_and(|e| {
            let tag = &after[..e];
            let src = tag
                .split_once(" src=\"")
                .and_then(|(_, r)| r.split_once('"'))
                .map(|(s, _)| s);
            src.is_some_and(|s| on_host(s, listed) || tag.contains(" srcdoc=\""))
        });
        if keep {
            out.push_str("<iframe");
            rest = &after["<iframe".len()..];
        } else {
            rest = after
                .find("</iframe>")
                .map_or("", |e| &after[e + "</iframe>".len()..]);
        }
    }
    out.push_str(rest);
    out.into()
}

/// Keeps the `<source>` elements of an `<audio>` or `<video>` whose `src` the filter kept
/// (by [`allowed_media`], the rule of the player's own `src`), and drops every other: one
/// left empty by the filter (a remote file of an unlisted host, an editor's `<picture>`'s
/// `srcset`), or outside a player (a `<picture>` the sanitiser removed around it). In the
/// sanitiser's output `<source>` is a void tag with its values in double quotes, and
/// players do not nest.
fn player_sources(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut in_player = false;
    loop {
        let next = ["<audio", "<video", "</audio>", "</video>", "<source"]
            .iter()
            .filter_map(|t| find_ascii_ci(rest, t).map(|at| (at, *t)))
            .min_by_key(|(at, _)| *at);
        let Some((at, token)) = next else {
            break;
        };
        let Some(end) = tag_end(&rest[at..]).map(|e| at + e) else {
            break;
        };
        out.push_str(&rest[..at]);
        let tag = &rest[at..end];
        match token {
            "<source" if !(in_player && tag.contains(" src=\"")) => {}
            "<audio" | "<video" => {
                in_player = true;
                out.push_str(tag);
            }
            "</audio>" | "</video>" => {
                in_player = false;
                out.push_str(tag);
            }
            _ => out.push_str(tag),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Drops whatever the sanitiser wrote between `<iframe …>` and `</iframe>`. The HTML parser
/// reads an iframe's content as raw text, and the serialiser writes raw text back unescaped:
/// an unclosed `<iframe>` in the Markdown turned the rest of the page, `<script` included,
/// into that text (fuzz/found/markdown-script-survives.md). Browsers never show an
/// iframe's children, so nothing is lost. In the sanitiser's output every attribute value is
/// in double quotes with `"` escaped, so the tag ends at the first `>` outside quotes; and
/// the first `</iframe>` after it is the serialiser's own closing tag (the parser ends raw
/// text at `</iframe` followed by a space, `/` or `>`, so the text never holds one; it may
/// hold `</iframet`).
fn empty_iframes(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = find_ascii_ci(rest, "<iframe") {
        let Some(tag_end) = tag_end(&rest[start..]).map(|e| start + e) else {
            break;
        };
        out.push_str(&rest[..tag_end]);
        rest = &rest[tag_end..];
        match rest.find("</iframe>") {
            Some(close) => rest = &rest[close..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

/// The end (after its `>`) of the tag `html` starts with: the first `>` outside double
/// quotes, the only quotes the sanitiser's output has.
fn tag_end(html: &str) -> Option<usize> {
    let mut in_quotes = false;
    html.char_indices().find_map(|(i, c)| match c {
        '"' => {
            in_quotes = !in_quotes;
            None
        }
        '>' if !in_quotes => Some(i + 1),
        _ => None,
    })
}

/// Byte offset of `needle` (ASCII) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    hay.as_bytes()
        .windows(n)
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Whether `src` is an `https://` address on one of the listed hosts (no user name or
/// port that could make a listed name say something else), or a youtube-nocookie embed.
fn allowed_embed(src: &str, hosts: &HashSet<String>) -> bool {
    on_host(src, hosts)
        || (on_host(src, &HashSet::from([YOUTUBE_EMBED_HOST.to_string()]))
            && crate::text::address::web_parts(src).is_some_and(|p| p.rest.starts_with("/embed/")))
}

/// Whether `src` is an `https://` address on one of `hosts`.
fn on_host(src: &str, hosts: &HashSet<String>) -> bool {
    let Some(parts) = crate::text::address::web_parts(src) else {
        return false;
    };
    let host = parts.host.to_ascii_lowercase();
    parts.scheme.eq_ignore_ascii_case("https")
        && !host.contains(['@', ':'])
        && hosts.contains(&host)
}

/// Whether an audio or video file's address may be kept: a file of the site (a path of
/// its own, or read from the page's address), or one on a listed host.
fn allowed_media(src: &str, hosts: &HashSet<String>) -> bool {
    match classify(src) {
        Address::Relative | Address::SitePath => true,
        Address::Web => on_host(src, hosts),
        _ => false,
    }
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
            "<iframe src=\"https://player.example/embed/abc\"></iframe><iframe src=\"https://www.youtube-nocookie.com/x\"></iframe>",
            &HtmlPolicy::default(),
        );
        assert!(
            !none.contains("iframe"),
            "no hosts listed, no iframes: {none}"
        );
        // The embeds congbo writes itself (super::media, with their srcdoc) need no listed
        // host; an editor's frame from the same host does.
        let doc = crate::text::html::escape(
            &super::super::media::facade("dQw4w9WgXcQ", "Xem video").unwrap(),
        );
        let own = sanitize(
            &format!(
                "<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" srcdoc=\"{doc}\" title=\"V\"></iframe>"
            ),
            &HtmlPolicy::default(),
        );
        assert!(
            own.contains("src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\""),
            "{own}"
        );
        let raw = sanitize(
            "<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" title=\"V\"></iframe>",
            &HtmlPolicy::default(),
        );
        assert!(!raw.contains("iframe"), "{raw}");
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

    /// fuzz/found/markdown-script-survives.md: an unclosed allowed `<iframe>` made the
    /// parser read the rest of the page as the iframe's raw text, which was written back
    /// unescaped, `<script` included.
    #[test]
    fn an_unclosed_iframe_does_not_carry_raw_text_out() {
        for html in [
            "<iframe src=\"https://www.youtube-nocookie.com/embed/x\"><script>alert(1)</script>",
            "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" title=\"a>b\">x<p>y</p><script>alert(1)</script></iframe><p>z</p>",
            "<iframe src=\"https://evil.example/\"></iframet(1)>\n<p><script>alert(1)</script></p>",
        ] {
            let out = clean(html);
            let lower = out.to_ascii_lowercase();
            assert!(!lower.contains("<script"), "{html}\n=> {out}");
            assert!(!lower.contains("<p>y"), "no children of an iframe: {out}");
        }
        let found = include_str!("../../fuzz/found/markdown-script-survives.md");
        let out = clean(&found.replace("www.youtube.com", "www.youtube-nocookie.com"));
        assert!(!out.to_ascii_lowercase().contains("<script"), "{out}");
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
