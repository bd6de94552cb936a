//! Search (issues 7 and 25): the index under `search/` is written for every language, holds
//! the whole text of every page and is the same on every build; the ranking tests of `tests/search_js/` (node --test) and the search
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
    // Without [search] external_url the header's form shows from the start and goes to
    // the search page, which needs no script to reach (issue #26: showing it late moved
    // the page by 52 px on phones); no script is loaded for it.
    let home = site.read("index.html");
    assert_has(
        &home,
        &["class=\"header-search\" role=\"search\" method=\"get\" action=\"/tim-kiem/\">"],
    );
    assert!(!home.contains("tim-kiem-mo.js"), "{home}");
}

/// The postings text of `src/output/search/postings.rs` read back: page numbers.
fn pages_of(postings: &str) -> Vec<u64> {
    const DIGITS: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
    let mut numbers = Vec::new();
    let mut v = 0u64;
    for c in postings.chars() {
        let d = DIGITS.find(c).expect("a postings digit") as u64;
        v = v * 32 + (d & 31);
        if d & 32 == 0 {
            numbers.push(v);
            v = 0;
        }
    }
    let (mut pages, mut page, mut it) = (Vec::new(), 0, numbers.into_iter());
    while let Some(n) = it.next() {
        page += n / 2;
        if n % 2 == 1 {
            it.next();
        }
        pages.push(page);
    }
    pages
}

/// The URLs of the pages the index lists for `word` (lower case, as written: its tones
/// count), looked up as `tim-kiem.js` does: the shard of the longest prefix of its folded
/// key, then the records of its pages.
fn pages_with(site: &TestSite, word: &str) -> Vec<String> {
    use congbo::text::fold::{match_key, strip_marks};
    let json = |rel: &str| -> serde_json::Value {
        serde_json::from_str(&site.read(&format!("search/{rel}"))).expect("JSON")
    };
    let meta = json("meta.json");
    let key = strip_marks(word);
    let shards: Vec<&str> = meta["shards"]
        .as_array()
        .expect("shards")
        .iter()
        .map(|s| s.as_str().expect("a prefix"))
        .collect();
    let n = (0..shards.len())
        .filter(|&i| key.starts_with(shards[i]))
        .max_by_key(|&i| shards[i].len())
        .expect("a shard for every key");
    let shard = json(&format!("s/{n}.json"));
    let chunk = meta["chunk"].as_u64().expect("chunk");
    let mut urls = Vec::new();
    for (exact, postings) in shard["w"][&key].as_object().into_iter().flatten() {
        if match_key(exact) != match_key(word) {
            continue;
        }
        for page in pages_of(postings.as_str().expect("postings text")) {
            let records = json(&format!("d/{}.json", page / chunk));
            let url = records[(page % chunk) as usize]["u"].as_str().expect("url");
            urls.push(url.to_string());
        }
    }
    urls
}

#[test]
fn the_whole_text_of_every_page_is_indexed() {
    let site = TestSite::new();
    // A long plan: the words to find are at its very end, past many kilobytes of text.
    let filler: String = (1..=60)
        .map(|i| format!("Mục {i}: các phòng, ban triển khai nội dung theo lịch của xã.\n\n"))
        .collect();
    site.write(
        "content/ke-hoach/kh-dai.md",
        &format!(
            "+++\ntitle = \"Kế hoạch dài\"\nnumber = \"03/KH-UBND\"\ndate = 2026-01-05\n\n\
             [[tasks]]\nname = \"Tổ chức đối thoại với Nhân dân\"\nlead = \"UBND xã\"\n\
             status = \"Hoàn thành\"\nresult = \"Đã tổ chức 3 buổi tại nhà văn hóa\"\n+++\n\n\
             {filler}Tập thể có thành tích được khen thưởng theo Quyết định số 749/QĐ-TTg.\n"
        ),
    );
    site.write(
        "content/thu-tuc/dang-ky-lai-khai-sinh.md",
        "+++\ntitle = \"Đăng ký lại khai sinh\"\ncode = \"1.004884\"\n\
         requirements = [\"Việc khai sinh trước đây đã được đăng ký tại Việt Nam\"]\n\
         receipt_place = \"Bộ phận một cửa, trụ sở Ủy ban\"\n\n\
         [[documents]]\nname = \"Bản sao giấy chứng nhận kết hôn của cha mẹ\"\n\
         originals = 0\ncopies = 1\n+++\n\nCác bước.\n",
    );
    site.build_ok();
    let plan = |urls: Vec<String>| urls.iter().any(|u| u.ends_with("/ke-hoach/kh-dai/"));
    assert!(
        plan(pages_with(&site, "khen")),
        "a word at the end of the body"
    );
    assert!(plan(pages_with(&site, "thưởng")));
    assert!(
        plan(pages_with(&site, "749/qđ-ttg")),
        "a document number at the end"
    );
    assert!(
        plan(pages_with(&site, "thoại")),
        "a word of a task of the front matter"
    );
    assert!(
        pages_with(&site, "hôn")
            .iter()
            .any(|u| u.ends_with("/thu-tuc/dang-ky-lai-khai-sinh/")),
        "a word of a procedure's dossier"
    );
    assert!(plan(pages_with(&site, "buổi")), "a task's result");
    let procedure = |w: &str| {
        pages_with(&site, w)
            .iter()
            .any(|u| u.ends_with("/thu-tuc/dang-ky-lai-khai-sinh/"))
    };
    assert!(procedure("trước"), "a procedure's requirement");
    assert!(procedure("trụ"), "where a procedure's dossier is received");
    // Exact spellings stay apart under one folded key: "thường" is on no page.
    assert!(pages_with(&site, "thường").is_empty());
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
    assert_has(
        &home,
        &["data-search=\"/tim-kiem/\">", "js/tim-kiem-mo.js\" defer"],
    );
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

    // A site that overrides search.html with a copy from before the tone notice.
    let theme = repo_root().join("themes/cong-thong-tin/templates/search.html");
    let template = std::fs::read_to_string(theme).expect("the theme's search.html");
    let old: String = template
        .lines()
        .filter(|l| !l.contains("search-toneless"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(old, template);
    site.write("templates/search.html", &old);
    site.build_ok();
    let o = Command::new("node")
        .arg(repo_root().join("tests/browser/search.mjs"))
        .arg(site.out())
        .arg("old-template")
        .output()
        .expect("node runs");
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "with an old search.html:\n{text}");
}
