//! Fuzzes how `congbo serve` reads a request: the request line, then the target's path
//! (percent-decoding, refusing `..`, backslashes, NUL and control characters). Invariants:
//! no panic, no hang; an accepted path is absolute and, joined onto any root folder,
//! stays inside it.
#![no_main]

use std::path::{Component, Path};

use congbo::serve::http::parse_request_line;
use congbo::serve::paths::{clean_path, content_type};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Both as a whole request head and, when it is text, as a bare request target.
    let targets: Vec<String> = parse_request_line(data)
        .map(|r| r.target)
        .into_iter()
        .chain(std::str::from_utf8(data).ok().map(str::to_string))
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
