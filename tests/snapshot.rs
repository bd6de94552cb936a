//! The example site's whole output, byte for byte, as a manifest of every file's size and
//! hash. Optimisations must leave it unchanged; a deliberate change to the output is
//! accepted by running `CONGBO_BLESS=1 cargo test --test snapshot` and reviewing the diff
//! of `tests/snapshots/example-site.manifest`.

mod common;
use common::*;

/// FNV-1a, 64 bits: stable across Rust versions, unlike `DefaultHasher`.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `anh-480w.webp`, `anh-960w.jpg`: a copy made by the images stage.
fn is_resized_image(f: &str) -> bool {
    let Some((stem, ext)) = f.rsplit_once('.') else {
        return false;
    };
    let width = stem.rsplit_once('-').map_or("", |(_, w)| w);
    matches!(ext, "webp" | "jpg" | "png")
        && width.len() > 1
        && width.ends_with('w')
        && width[..width.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

fn manifest(site: &TestSite) -> String {
    site.files()
        .iter()
        .map(|f| {
            // Resized images come from the encoders (libwebp picks code paths by CPU), so
            // only their names are pinned; the tests in tests/images.rs check them.
            if is_resized_image(f) {
                return format!("{f} resized image\n");
            }
            let bytes = std::fs::read(site.out().join(f)).unwrap();
            format!("{f} {} {:016x}\n", bytes.len(), fnv1a(&bytes))
        })
        .collect()
}

#[test]
fn the_example_site_output_is_unchanged() {
    let mut site = TestSite::new();
    copy_dir(&repo_root().join("content"), &site.root().join("content"));
    copy_dir(&repo_root().join("data"), &site.root().join("data"));
    std::fs::copy(repo_root().join("site.toml"), site.root().join("site.toml")).unwrap();
    site.opts.build_date = congbo::text::date::Date::new(2026, 11, 23);
    site.build_ok();
    let got = manifest(&site);
    let path = repo_root().join("tests/snapshots/example-site.manifest");
    if std::env::var_os("CONGBO_BLESS").is_some() {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if got != want {
        let (g, w): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
        let changed: Vec<String> = g
            .iter()
            .filter(|l| !w.contains(l))
            .map(|l| format!("+ {l}"))
            .chain(
                w.iter()
                    .filter(|l| !g.contains(l))
                    .map(|l| format!("- {l}")),
            )
            .take(40)
            .collect();
        panic!(
            "the example site's output changed ({} files now, {} before):\n{}\n\
             If the change is intended, run CONGBO_BLESS=1 cargo test --test snapshot",
            g.len(),
            w.len(),
            changed.join("\n")
        );
    }
}

#[test]
fn streaming_build_writes_exactly_what_the_in_memory_build_makes() {
    let mut site = TestSite::new();
    copy_dir(&repo_root().join("content"), &site.root().join("content"));
    std::fs::copy(repo_root().join("site.toml"), site.root().join("site.toml")).unwrap();
    site.opts.build_date = congbo::text::date::Date::new(2026, 11, 23);
    site.build_ok();
    let (_, files) = congbo::build::build_in_memory(&site.opts).unwrap();
    let mut paths: Vec<String> = files
        .iter()
        .map(|f| f.path.trim_start_matches('/').to_string())
        .collect();
    paths.sort();
    assert_eq!(paths, site.files());
    for f in &files {
        let on_disk = std::fs::read(site.out().join(f.path.trim_start_matches('/'))).unwrap();
        let made = match &f.data {
            congbo::output_file::OutputData::Bytes(b) => b.clone(),
            congbo::output_file::OutputData::Copy(p) => std::fs::read(p).unwrap(),
        };
        assert!(on_disk == made, "{} differs", f.path);
    }
}
