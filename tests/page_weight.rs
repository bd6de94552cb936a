//! Light pages: the home page and a news page of the example site each weigh at most
//! 50 KiB, counting the HTML and every stylesheet and script they load as the browser
//! holds them (uncompressed: not every commune's host compresses, and a phone parses every
//! byte), images aside; and they load nothing from another host. Issue #26: the home page
//! weighed 50.7 KiB, 31 KiB of it CSS mostly for other page kinds.

mod common;

use std::io::Write;

use common::*;

/// The budget of one page, images aside, uncompressed.
const BUDGET: usize = 50 * 1024;

fn gzip_len(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    e.write_all(bytes).unwrap();
    e.finish().unwrap().len()
}

/// Every `attr="…"` value of the tags named `tag` that match `want`.
fn attr_values(html: &str, tag: &str, attr: &str, want: &dyn Fn(&str) -> bool) -> Vec<String> {
    let open = format!("<{tag} ");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        let t = &rest[i..];
        let end = t.find('>').unwrap_or(t.len());
        let tag_text = &t[..end];
        if want(tag_text) {
            let key = format!(" {attr}=\"");
            if let Some(j) = tag_text.find(&key) {
                let v = &tag_text[j + key.len()..];
                out.push(v[..v.find('"').unwrap_or(v.len())].to_string());
            }
        }
        rest = &t[end..];
    }
    out
}

/// What a page makes the browser fetch besides images: stylesheets and scripts.
fn subresources(html: &str) -> Vec<String> {
    let mut v = attr_values(html, "link", "href", &|t| t.contains("rel=\"stylesheet\""));
    v.extend(attr_values(html, "script", "src", &|_| true));
    v
}

/// The page's weight: its HTML plus each subresource, uncompressed, in bytes.
fn weight(site: &TestSite, page: &str) -> (usize, Vec<(String, usize)>) {
    let html = site.read(page);
    let mut parts = vec![(page.to_string(), html.len())];
    for url in subresources(&html) {
        assert!(
            url.starts_with('/') && !url.starts_with("//"),
            "{page} loads {url} from another host"
        );
        let bytes = std::fs::read(site.out().join(url.trim_start_matches('/')))
            .unwrap_or_else(|e| panic!("{page} loads {url}, which is not in the output: {e}"));
        parts.push((url, bytes.len()));
    }
    (parts.iter().map(|(_, n)| n).sum(), parts)
}

#[test]
fn the_home_and_a_news_page_weigh_at_most_50_kib_without_images() {
    let site = example_copy();
    site.build_ok();
    for page in [
        "index.html",
        "tin-tuc/huong-ung-ngay-chuyen-doi-so-quoc-gia/index.html",
    ] {
        let (total, parts) = weight(&site, page);
        let gzipped: usize = std::iter::once(gzip_len(site.read(page).as_bytes()))
            .chain(parts[1..].iter().map(|(url, _)| {
                gzip_len(&std::fs::read(site.out().join(url.trim_start_matches('/'))).unwrap())
            }))
            .sum();
        eprintln!("{page}: {total} bytes ({gzipped} gzipped): {parts:?}");
        assert!(
            parts.len() >= 2,
            "{page}: the stylesheet was not found: {parts:?}"
        );
        assert!(
            total <= BUDGET,
            "{page} weighs {total} bytes without images (budget {BUDGET}): {parts:?}"
        );
    }
}

#[test]
fn no_page_blocks_rendering_on_a_script() {
    let site = example_copy();
    site.build_ok();
    for page in site.files().iter().filter(|f| f.ends_with(".html")) {
        let html = site.read(page);
        let blocking = attr_values(&html, "script", "src", &|t| {
            !t.contains(" defer") && !t.contains(" async") && !t.contains("type=\"module\"")
        });
        assert!(
            blocking.is_empty(),
            "{page}: render-blocking scripts {blocking:?}"
        );
        for url in subresources(&html) {
            assert!(
                !url.contains("://") && !url.starts_with("//"),
                "{page} loads {url}"
            );
        }
    }
}

#[test]
fn weights_count_what_pages_load() {
    let html = r#"<link rel="stylesheet" href="/css/a.css"><link rel="icon" href="/f.svg"><script src="/js/b.js" defer></script>"#;
    assert_eq!(subresources(html), vec!["/css/a.css", "/js/b.js"]);
    assert!(gzip_len(&[b'a'; 10_000]) < 200);
}

#[test]
fn the_code_stylesheet_loads_only_where_there_is_code() {
    let site = TestSite::new();
    site.write(
        "content/a.md",
        "+++\ntitle = \"A\"\n+++\n```rust\nfn main() {}\n```\n",
    );
    site.write("content/b.md", "+++\ntitle = \"B\"\n+++\nKhông có mã.\n");
    site.build_ok();
    assert!(site.read("a/index.html").contains("css/highlight.css"));
    assert!(!site.read("b/index.html").contains("css/highlight.css"));
    assert!(!site.read("index.html").contains("css/highlight.css"));
}
