//! Search (issue 7): the index under `search/` is written for every language and is the
//! same on every build; the ranking tests of `tests/search_js/` (node --test) and the search
//! page in headless Chromium (`tests/browser/search.mjs`) run on the built example site.
//! The node and Chromium parts are skipped with a message when node or Chromium is missing,
//! except under `CI`.

mod common;

use std::process::Command;

use common::*;

fn node_ok() -> bool {
    Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn skip(why: &str) -> bool {
    if std::env::var_os("CI").is_some() {
        panic!("the search checks cannot run: {why}");
    }
    eprintln!("SKIPPED: {why}");
    true
}

#[test]
fn the_index_is_written_and_byte_identical_on_every_build() {
    let site = example_copy();
    site.build_ok();
    let first: Vec<(String, Vec<u8>)> = site
        .snapshot()
        .into_iter()
        .filter(|(p, _)| p.starts_with("search/"))
        .collect();
    assert!(first.iter().any(|(p, _)| p == "search/meta.json"));
    assert!(first.iter().any(|(p, _)| p == "search/loc.json"));
    assert!(first.iter().any(|(p, _)| p.starts_with("search/s/")));
    assert!(first.iter().any(|(p, _)| p.starts_with("search/d/")));
    site.build_ok();
    let second: Vec<(String, Vec<u8>)> = site
        .snapshot()
        .into_iter()
        .filter(|(p, _)| p.starts_with("search/"))
        .collect();
    assert_eq!(first, second);
    let page = site.read("tim-kiem/index.html");
    assert_has(&page, &["id=\"q\"", "js/tim-kiem.js", "<noscript>"]);
    // Without [search] external_url the forms are hidden until the script shows them.
    assert_has(
        &site.read("index.html"),
        &["class=\"header-search\" role=\"search\" method=\"get\" action=\"/tim-kiem/\" hidden>"],
    );
}

#[test]
fn an_external_search_url_takes_the_query_without_javascript() {
    let site = example_copy();
    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &format!("{toml}\n[search]\nexternal_url = \"https://www.google.com/search\"\n"),
    );
    site.build_ok();
    let home = site.read("index.html");
    assert_has(&home, &["action=\"https://www.google.com/search\""]);
    assert_has(&home, &["data-search=\"/tim-kiem/\">"]);
    assert_has(
        &site.read("tim-kiem/index.html"),
        &["action=\"https://www.google.com/search\""],
    );
}

#[test]
fn ranking_tests_in_node() {
    if !node_ok() && skip("node (Node.js) is not on PATH") {
        return;
    }
    let site = example_copy();
    site.build_ok();
    let o = Command::new("node")
        .arg("--test")
        .arg(repo_root().join("tests/search_js/"))
        .env("SEARCH_SITE", site.out())
        .output()
        .expect("node runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        o.status.success(),
        "node --test tests/search_js/ failed:\n{text}"
    );
}

#[test]
fn the_search_page_in_chromium() {
    let chrome = std::env::var_os("CHROME_PATH")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| "/usr/bin/chromium".into());
    let modules = repo_root().join("tests/browser/node_modules/playwright-core");
    if (!node_ok() || !chrome.exists() || !modules.exists())
        && skip("node, chromium or tests/browser/node_modules is missing")
    {
        return;
    }
    let site = example_copy();
    site.build_ok();
    let o = Command::new("node")
        .arg(repo_root().join("tests/browser/search.mjs"))
        .arg(site.out())
        .output()
        .expect("node runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    eprintln!("{text}");
    assert!(o.status.success(), "the search page checks failed:\n{text}");
}
