//! Test-only scan of congbo's own sources, for the tests that keep one rule in one place
//! (issue #26): they fail when a rule's home is bypassed by a copy written elsewhere.
//! Only code is read: tests (files named `tests.rs`, folders named `tests`, and whatever
//! follows a file's first line `#[cfg(test)]`) write the rule's tricky inputs on purpose.

use std::path::{Path, PathBuf};

/// Every line of `src/` (`.rs`) and of the theme's templates that contains one of
/// `patterns`, as `file:line: text`; files whose path (from the crate root, `/`
/// separators) starts with one of `homes` are the rule's own and skipped, and
/// `allowed` lists `(file, pattern)` pairs that are not the rule.
pub(crate) fn copies(patterns: &[&str], homes: &[&str], allowed: &[(&str, &str)]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    files(&root.join("src"), &[".rs"], &mut all);
    files(
        &root.join("themes"),
        &[".html", ".xml", ".txt", ".json"],
        &mut all,
    );
    assert!(
        all.len() > 50,
        "the scan found too few files: {}",
        all.len()
    );
    let mut found = Vec::new();
    for path in all {
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        if homes.iter().any(|h| rel.starts_with(h))
            || rel.ends_with("tests.rs")
            || rel.contains("/tests/")
        {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let code = text
            .lines()
            .take_while(|l| !l.trim_start().starts_with("#[cfg(test)]"));
        for (n, line) in code.enumerate() {
            for pat in patterns {
                let ok = allowed.iter().any(|(f, p)| *f == rel && p == pat);
                if line.contains(pat) && !ok {
                    found.push(format!("{rel}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    found
}

/// Files of `dir` (recursively) whose names end in one of `exts`.
fn files(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, exts, out);
        } else if exts.iter().any(|x| p.to_string_lossy().ends_with(x)) {
            out.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_scan_finds_code_and_skips_homes_and_tests() {
        // This file's own function name is code in src/.
        let found = super::copies(&["fn copies("], &[], &[]);
        assert!(
            found
                .iter()
                .any(|f| f.starts_with("src/text/source_scan.rs:")),
            "{found:?}"
        );
        assert!(super::copies(&["fn copies("], &["src/text/source_scan"], &[]).is_empty());
        // Text written only in tests is not found.
        assert!(super::copies(&["the_scan_finds_code_and_skips"], &[], &[]).is_empty());
    }
}
