//! Test harness: a small site in a temporary folder, with the real default theme, that a
//! test can write files into, build, edit and rebuild, and read the output of.
#![allow(dead_code, unreachable_pub, missing_docs)]

pub mod deploy;
pub mod editor;
pub mod events;
pub mod ftpd;
pub mod http;
pub mod serve;
pub mod tasks;

use std::path::{Path, PathBuf};

use congbo::build::{BuildOptions, BuildReport, build};
use congbo::error::Diagnostics;

pub const SITE_TOML: &str = r#"title = "Cổng thông tin xã Thử Nghiệm"
description = "Trang thử"
base_url = "https://thu-nghiem.example.gov.vn/"
authority = "Ủy ban nhân dân xã Thử Nghiệm"
parent_authority = "Tỉnh Thử"
paginate_by = 2

[[menu]]
name = "Trang chủ"
url = "/"
"#;

pub struct TestSite {
    dir: tempfile::TempDir,
    pub opts: BuildOptions,
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A folder of `../shared/` (the corpus of real plans and procedures, beside the project),
/// or `None` when this checkout has none: a fresh clone must pass `cargo test`, so the tests
/// that read it say they skipped. CI sets `CONGBO_REQUIRE_SHARED=1`, which turns a missing
/// folder into a failure, so that they never skip there unnoticed.
pub fn shared(rel: &str, test: &str) -> Option<PathBuf> {
    let path = repo_root().join("../shared").join(rel);
    if path.exists() {
        return Some(path);
    }
    let why = format!(
        "{test} needs ../shared/{rel} beside the project (the shared corpus of real plans)"
    );
    if std::env::var_os("CONGBO_REQUIRE_SHARED").is_some() {
        panic!("{why}, and CONGBO_REQUIRE_SHARED is set");
    }
    eprintln!("SKIPPED {why}");
    None
}

pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

impl TestSite {
    /// A site with `site.toml` and the default theme, and no content yet.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&repo_root().join("themes"), &dir.path().join("themes"));
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        let opts = BuildOptions {
            root: dir.path().to_path_buf(),
            ..Default::default()
        };
        let s = TestSite { dir, opts };
        s.write("site.toml", SITE_TOML);
        s
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let p = self.root().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    pub fn remove(&self, rel: &str) -> &Self {
        std::fs::remove_file(self.root().join(rel)).unwrap();
        self
    }

    pub fn build(&self) -> Result<BuildReport, Diagnostics> {
        build(&self.opts)
    }

    pub fn build_ok(&self) -> BuildReport {
        match self.build() {
            Ok(r) => r,
            Err(e) => panic!("build failed:\n{e}"),
        }
    }

    pub fn out(&self) -> PathBuf {
        self.opts
            .output_dir
            .clone()
            .unwrap_or_else(|| self.root().join("public"))
    }

    pub fn read(&self, rel: &str) -> String {
        let p = self.out().join(rel.trim_start_matches('/'));
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.out().join(rel.trim_start_matches('/')).exists()
    }

    /// Every output file with its bytes, to compare the output before and after.
    pub fn snapshot(&self) -> Vec<(String, Vec<u8>)> {
        self.files()
            .into_iter()
            .map(|f| {
                let bytes = std::fs::read(self.out().join(&f)).unwrap();
                (f, bytes)
            })
            .collect()
    }

    /// Every output file's path relative to the output folder, sorted: the site's files,
    /// without congbo's list of them (`.congbo-manifest`, which is not served).
    pub fn files(&self) -> Vec<String> {
        let out = self.out();
        let mut v: Vec<String> = walkdir::WalkDir::new(&out)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file() && e.file_name() != ".congbo-manifest")
            .map(|e| {
                e.path()
                    .strip_prefix(&out)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        v.sort();
        v
    }
}

/// A news item's front matter and body.
/// The example site of the repository (`site.toml` and `content/`), in a temporary folder.
pub fn example_copy() -> TestSite {
    let site = TestSite::new();
    copy_dir(&repo_root().join("content"), &site.root().join("content"));
    copy_dir(&repo_root().join("data"), &site.root().join("data"));
    std::fs::copy(repo_root().join("site.toml"), site.root().join("site.toml")).unwrap();
    site
}

pub fn news(title: &str, date: &str, tags: &[&str]) -> String {
    let tags: Vec<String> = tags.iter().map(|t| format!("\"{t}\"")).collect();
    format!(
        "+++\ntitle = \"{title}\"\ndate = {date}\ndescription = \"Mô tả {title}\"\ntags = [{}]\nfields = [\"Cải cách hành chính\"]\n+++\n\nĐoạn đầu của {title}.\n\nĐoạn sau.\n",
        tags.join(", ")
    )
}

/// The warnings of `report` that contain `needle`.
pub fn warnings_with<'r>(report: &'r BuildReport, needle: &str) -> Vec<&'r String> {
    report
        .warnings
        .iter()
        .filter(|w| w.contains(needle))
        .collect()
}

/// Asserts `haystack` contains each needle, showing what was missing.
pub fn assert_has(haystack: &str, needles: &[&str]) {
    for n in needles {
        assert!(
            haystack.contains(n),
            "missing {n:?} in:\n{}",
            &haystack[..(0..=haystack.len().min(4000))
                .rev()
                .find(|i| haystack.is_char_boundary(*i))
                .unwrap_or(0)]
        );
    }
}

/// The JSON-LD block of `html` that holds `"@type":"<kind>"`, parsed: the page's schema.org
/// data as a search engine reads it.
pub fn json_ld_of(html: &str, kind: &str) -> serde_json::Value {
    let start = html
        .find(&format!("\"@type\":\"{kind}\""))
        .unwrap_or_else(|| panic!("no {kind} in {html}"));
    let tag = "<script type=\"application/ld+json\">";
    let open = html[..start].rfind(tag).unwrap() + tag.len();
    let end = open + html[open..].find("</script>").unwrap();
    serde_json::from_str(&html[open..end]).unwrap()
}
