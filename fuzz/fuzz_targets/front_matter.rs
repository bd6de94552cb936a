//! Fuzzes a content file through every string-level stage after reading: the `+++` split,
//! the TOML front matter (`RawPage`/`RawSection`), the resolver (dates, kind keys, tasks,
//! signer, slugs), the Markdown body, the site model (tasks' due text, agencies) and the
//! feeds and open data made from it. The same text is tried as a page of every kind and
//! as a section's `_index.md`. Invariant: no panic, no hang; and every page path the
//! content stage gives is a safe site path (no `..`, no backslash).
#![no_main]

use std::path::{Path, PathBuf};

use congbo::config::{self, Overrides};
use congbo::content::{
    self, ParseOptions,
    walk::{ContentFiles, SourceFile},
};
use congbo::text::date::Date;
use libfuzzer_sys::fuzz_target;

const SITE: &str = "title = \"Xã Thử\"\nbase_url = \"https://x.example.gov.vn/cchc/\"\n\
                    authority = \"UBND xã Thử\"\n[legal]\nresolver = \"https://vb.example/?q={number}\"\n";

/// Sections of each kind (by the default kind of their folder).
const FOLDERS: [&str; 5] = ["tin-tuc", "van-ban", "thu-tuc", "ke-hoach", "gioi-thieu"];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let text = congbo::text::normalize::nfc(text);
    for (i, folder) in FOLDERS.iter().enumerate() {
        // Every other kind is also tried as a section file, with a plain page beside it.
        let mut sources = vec![SourceFile {
            rel: PathBuf::from(format!("content/{folder}/mot.md")),
            text: text.clone(),
            nul_line: None,
        }];
        if i % 2 == 0 {
            sources.push(SourceFile {
                rel: PathBuf::from(format!("content/{folder}/_index.md")),
                text: text.clone(),
                nul_line: None,
            });
        }
        pipeline(sources);
    }
});

fn pipeline(sources: Vec<SourceFile>) {
    let files = ContentFiles {
        sources,
        assets: Vec::new(),
    };
    let Ok(content) = content::parse(files, ParseOptions { drafts: true, ..Default::default() }) else {
        return;
    };
    for p in &content.pages {
        assert!(p.path.starts_with('/'), "page path {:?}", p.path);
        assert!(
            !p.path.split('/').any(|s| s == ".." || s == ".") && !p.path.contains('\\'),
            "page path leaves the site: {:?}",
            p.path
        );
    }
    let config = config::parse(SITE, Path::new("site.toml"), &Overrides::default())
        .expect("the fixed site.toml parses");
    let links = congbo::build::link_context(&config, &content);
    let Ok((pages, sections)) = congbo::build::render_markdown(&content, &links) else {
        return;
    };
    let today = Date::new(2025, 6, 15).expect("a real day");
    let site = congbo::site::assemble(config, content, pages, sections, today);
    let _ = congbo::output::generated(&site);
}
