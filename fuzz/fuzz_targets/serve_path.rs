//! Fuzzes how `congbo serve` reads a request target's path (percent-decoding, refusing
//! `..`, backslashes, NUL and control characters). The request line itself is hyper's to
//! read since serve moved onto it; a request-shaped input still gives its second word. Invariants:
//! no panic, no hang; an accepted path is absolute and, joined onto any root folder,
//! stays inside it.
#![no_main]

use std::path::{Component, Path};

use congbo::serve::paths::{clean_path, content_type};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Both as a whole request head and, when it is text, as a bare request target.
    let text = std::str::from_utf8(data).ok();
    let targets: Vec<String> = text
        .and_then(|t| t.lines().next()?.split(' ').nth(1))
        .map(str::to_string)
        .into_iter()
        .chain(text.map(str::to_string))
        .collect();
    for target in targets {
        let Ok(path) = clean_path(&target) else {
            continue;
        };
        assert!(path.starts_with('/'), "{path:?}");
        let joined = Path::new("/srv/site").join(path.trim_start_matches('/'));
        let escapes = joined.strip_prefix("/srv/site").map_or(true, |rest| {
            rest.components()
                .any(|c| !matches!(c, Component::Normal(_)))
        });
        assert!(!escapes, "{target:?} → {path:?} leaves the root");
        let _ = content_type(&path);
    }
});
