//! `--relative-urls`: the example site, built for a subfolder with relative URLs, has no
//! link, stylesheet, image or form in any HTML file that points anywhere but at a file of
//! the output (or outside the site), so it works from disk. Checked with a plain regular
//! expression, independent of the scanner that rewrites them.

mod common;
use common::*;

use std::path::Path;

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let hex = s.get(i + 1..i + 3).map(|h| u8::from_str_radix(h, 16));
        if let (b'%', Some(Ok(v))) = (b[i], hex) {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap().replace("&amp;", "&")
}

#[test]
fn every_internal_url_is_a_file_relative_to_its_page() {
    let mut site = TestSite::new();
    copy_dir(&repo_root().join("content"), &site.root().join("content"));
    std::fs::copy(repo_root().join("site.toml"), site.root().join("site.toml")).unwrap();
    site.opts.base_url = Some("https://tinh.example.gov.vn/xa-thanh-an/".into());
    site.opts.relative_urls = true;
    site.build_ok();
    let out = site.out();
    let attr = regex::Regex::new(r#"\s(href|src|srcset|action)\s*=\s*"([^"]*)""#).unwrap();
    let canonical = regex::Regex::new(r#"<link rel="canonical" href="[^"]*">"#).unwrap();
    let mut checked = 0;
    let mut bad = Vec::new();
    for f in site.files().iter().filter(|f| f.ends_with(".html")) {
        if f == "404.html" {
            continue;
        }
        let html = site.read(f);
        let html = canonical.replace_all(&html, "");
        let dir = out.join(f).parent().unwrap().to_path_buf();
        for c in attr.captures_iter(&html) {
            let urls: Vec<&str> = if &c[1] == "srcset" {
                c[2].split(',')
                    .filter_map(|p| p.split_whitespace().next())
                    .collect()
            } else {
                vec![c.get(2).unwrap().as_str()]
            };
            for url in urls {
                if url.starts_with('#')
                    || url.starts_with("mailto:")
                    || url.starts_with("tel:")
                    || url
                        .split_once("://")
                        .is_some_and(|(_, rest)| !rest.starts_with("tinh.example.gov.vn"))
                {
                    continue;
                }
                let path = decode(url.split(['?', '#']).next().unwrap());
                let target = dir.join(&path);
                checked += 1;
                if url.starts_with('/') || url.contains("://") || !target.is_file() {
                    bad.push(format!("{f}: {url}"));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {checked} URLs do not work from disk:\n{}",
        bad.len(),
        bad.join("\n")
    );
    assert!(checked > 1000, "only {checked} URLs checked");
    // Canonical links stay absolute, for search engines; the 404 page keeps links from the
    // site's root, since a server shows it at any address.
    assert_has(
        &site.read("tin-tuc/index.html"),
        &["<link rel=\"canonical\" href=\"https://tinh.example.gov.vn/xa-thanh-an/tin-tuc/\">"],
    );
    assert_has(
        &site.read("404.html"),
        &["href=\"/xa-thanh-an/css/style.css\""],
    );
    assert!(Path::new(&out).join("index.html").is_file());
}
