//! The setup part's `docs/setup/site-toml.md` against the code: every key `site.toml`
//! accepts is documented there and no other, and its examples are read by congbo.

use std::collections::BTreeSet;

use congbo::lang::{self, Lang};

use super::common::repo_root;

/// The keys `site.toml` accepts in one table, read from congbo's own error for an unknown
/// key there: the backticked names after the message's last `(`, in either language.
fn site_toml_keys(probe: &str) -> BTreeSet<String> {
    let text = format!("title = \"T\"\nbase_url = \"https://x.example/\"\n{probe}");
    let e = congbo::config::parse(
        &text,
        std::path::Path::new("site.toml"),
        &congbo::config::Overrides::default(),
    )
    .expect_err("an unknown key is refused");
    let m = e.to_string();
    let list = m
        .rsplit_once('(')
        .unwrap_or_else(|| panic!("the error lists the keys: {m}"))
        .1;
    let keys: BTreeSet<String> = list
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    assert!(!keys.is_empty(), "the error lists the keys: {m}");
    keys
}

/// Every (table, key) the code accepts in `site.toml`; a language's table is `languages.<code>`.
fn site_toml_accepted() -> BTreeSet<(String, String)> {
    let tables = [
        ("", "zz_unknown = 1"),
        ("contact", "[contact]\nzz_unknown = 1"),
        ("[menu]", "[[menu]]\nname = \"a\"\nzz_unknown = 1"),
        ("legal", "[legal]\nzz_unknown = 1"),
        ("feedback", "[feedback]\nzz_unknown = 1"),
        ("social", "[social]\nzz_unknown = 1"),
        ("check", "[check]\nzz_unknown = 1"),
        ("search", "[search]\nzz_unknown = 1"),
        ("editor", "[editor]\nzz_unknown = 1"),
        ("agencies", "[agencies]\nzz_unknown = 1"),
        (
            "deploy.<name>",
            "[deploy.web]\nurl = \"file:///srv/www\"\nzz_unknown = 1",
        ),
        ("languages.<code>", "[languages.en]\nzz_unknown = 1"),
        (
            "[languages.<code>.menu]",
            "[languages.en]\ntitle = \"a\"\n[[languages.en.menu]]\nname = \"a\"\nzz_unknown = 1",
        ),
    ];
    let mut all = BTreeSet::new();
    for (table, probe) in tables {
        for key in site_toml_keys(probe) {
            all.insert((table.to_string(), key));
        }
    }
    all
}

/// The setup part's site.toml page.
fn site_toml_page() -> String {
    let path = repo_root().join("docs/setup/site-toml.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The keys the page documents: the first cell of each row of its tables, written
/// `` `key` `` (the top level, where `` `[contact]` `` names a table), `` `[contact] key` ``
/// or `` `[[menu]] key` ``, as (table, key) with `[menu]` for a list of tables.
fn site_toml_documented(page: &str) -> Vec<(String, String)> {
    let mut keys = Vec::new();
    for row in page.lines().filter(|l| l.starts_with("| `")) {
        let cell = row.split('|').nth(1).unwrap_or("").trim();
        let name = cell.trim_matches('`');
        let entry = if let Some(rest) = name.strip_prefix("[[") {
            match rest.split_once("]] ") {
                Some((table, key)) => (format!("[{table}]"), key.to_string()),
                None => (String::new(), rest.trim_end_matches("]]").to_string()),
            }
        } else if let Some(rest) = name.strip_prefix('[') {
            match rest.split_once("] ") {
                Some((table, key)) => (table.to_string(), key.to_string()),
                None => (String::new(), rest.trim_end_matches(']').to_string()),
            }
        } else {
            (String::new(), name.to_string())
        };
        keys.push(entry);
    }
    keys
}

#[test]
fn every_site_toml_key_is_on_the_setup_page_and_no_other() {
    lang::init(Lang::Vi);
    let accepted = site_toml_accepted();
    // The probes are real: the top level, a table, a list of tables and a language's.
    for (table, key) in [
        ("", "base_url"),
        ("contact", "hotline"),
        ("[menu]", "url"),
        ("languages.<code>", "parent_authority"),
        ("[languages.<code>.menu]", "name"),
    ] {
        assert!(
            accepted.contains(&(table.to_string(), key.to_string())),
            "{table} {key} in {accepted:?}"
        );
    }
    let documented = site_toml_documented(&site_toml_page());
    let documented_set: BTreeSet<(String, String)> = documented.iter().cloned().collect();
    let missing: Vec<_> = accepted.difference(&documented_set).collect();
    assert!(
        missing.is_empty(),
        "site.toml keys that docs/setup/site-toml.md does not document in a row: {missing:?}"
    );
    let unknown: Vec<_> = documented_set.difference(&accepted).collect();
    assert!(
        unknown.is_empty(),
        "docs/setup/site-toml.md documents keys congbo does not accept: {unknown:?}"
    );
}

#[test]
fn every_site_toml_example_of_the_setup_page_is_read_by_congbo() {
    lang::init(Lang::Vi);
    let page = site_toml_page();
    let blocks: Vec<&str> = page
        .split("```toml\n")
        .skip(1)
        .filter_map(|b| b.split_once("```").map(|(code, _)| code))
        .collect();
    assert!(!blocks.is_empty(), "the page shows a site.toml");
    for block in blocks {
        // A block of tables alone gets the two required keys, so that it is a whole file.
        let has = |key: &str| block.lines().any(|l| l.starts_with(&format!("{key} =")));
        let mut text = String::new();
        if !has("title") {
            text.push_str("title = \"T\"\n");
        }
        if !has("base_url") {
            text.push_str("base_url = \"https://x.example/\"\n");
        }
        text.push_str(block);
        if let Err(e) = congbo::config::parse(
            &text,
            std::path::Path::new("site.toml"),
            &congbo::config::Overrides::default(),
        ) {
            panic!("a site.toml example of docs/setup/site-toml.md is refused: {e}\n{block}");
        }
    }
}
