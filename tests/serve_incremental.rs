//! The property of `congbo serve`'s incremental rebuilds: after any sequence of edits
//! (pages added, edited, renamed and deleted; front matter of news, plans, procedures and
//! documents: title, date, tags, fields, description, number, weight, image, tasks,
//! citations; summaries and task tables; bundle files, templates, static files,
//! `site.toml`, editors' temporary files, errors made and fixed), the files it serves are
//! exactly those of a clean `build_in_memory` of the same folder (the reload script is
//! added to responses only, so it is not in either).

mod common;
mod serve_edits;

use serve_edits::*;

use std::path::PathBuf;

use congbo::build::build_in_memory;
use congbo::serve::classify::{Change, ChangeKind, Layout, Rebuild, classify};
use congbo::serve::engine::Engine;

fn run(seed: u64, steps: usize, paginate_by: Option<usize>) {
    let site = example_site();
    let root: PathBuf = site.root().to_path_buf();
    if let Some(n) = paginate_by {
        // Short lists, so an edit moves pages between list pages.
        let toml = std::fs::read_to_string(root.join("site.toml")).unwrap();
        site.write(
            "site.toml",
            &toml.replace("paginate_by = 10", &format!("paginate_by = {n}")),
        );
    }
    let mut engine = Engine::new(site.opts.clone());
    engine
        .apply(&Rebuild::Full)
        .unwrap_or_else(|e| panic!("{e}"));
    check_same(&engine, &site, 0, "first build");
    let mut rng = Rng(seed);
    let mut broken = None;
    for step in 1..=steps {
        let changes = edit(&site, &mut rng, step, &mut broken);
        let layout = Layout {
            root: root.clone(),
            theme: "cong-thong-tin".into(),
        };
        let plan = classify(&layout, &changes);
        let what = format!("{plan:?}");
        let result = engine.apply(&plan);
        let clean = build_in_memory(&site.opts);
        // Nothing to do leaves a broken site broken.
        let result = match result {
            Ok(_) if engine.is_broken() => Err(()),
            Ok(o) => Ok(o),
            Err(_) => Err(()),
        };
        match (&result, &clean) {
            (Ok(_), Ok(_)) => check_same(&engine, &site, step, &what),
            (Err(_), Err(_)) => {}
            (Ok(_), Err(e)) => {
                panic!("step {step} ({what}): the clean build failed, serve did not:\n{e}")
            }
            (Err(_), Ok(_)) => {
                panic!("step {step} ({what}): serve failed, the clean build did not")
            }
        }
    }
}

#[test]
fn random_edits_give_the_same_files_as_a_clean_build() {
    for seed in [0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03] {
        run(seed, 40, None);
    }
}

#[test]
fn random_edits_on_short_lists_give_the_same_files_as_a_clean_build() {
    for (seed, n) in [
        (0x2545_F491_4F6C_DD1D, 2),
        (0x5851_F42D_4C95_7F2D, 3),
        (0x1405_7B7E_F767_814F, 4),
    ] {
        run(seed, 40, Some(n));
    }
}

#[test]
fn a_title_edit_renders_only_what_shows_the_title() {
    let site = example_site();
    let mut engine = Engine::new(site.opts.clone());
    let all = engine.apply(&Rebuild::Full).unwrap().rendered;
    let rel = "content/tin-tuc/to-cong-nghe-so-cong-dong-ve-tung-ap/index.md";
    let text = std::fs::read_to_string(site.root().join(rel)).unwrap();
    site.write(rel, &text.replacen("title = \"", "title = \"Tổ ", 1));
    let o = engine
        .apply(&Rebuild::Pages([rel.into()].into_iter().collect()))
        .unwrap();
    assert_eq!(o.how, "content rebuild (affected pages)");
    assert!(
        o.rendered < 30 && o.rendered * 3 < all,
        "{} of {all} rendered",
        o.rendered
    );
    // The served files are patched where the edit may have changed them, not merged
    // again whole.
    let served = engine.files().len();
    assert!(
        o.merged * 3 < served,
        "{} of {served} served files merged again",
        o.merged
    );
    check_same(&engine, &site, 1, "title");
}

/// The search shards and record chunks of the last build, by path, as shared bytes.
fn search_files(engine: &Engine) -> Vec<(String, std::sync::Arc<Vec<u8>>)> {
    let mut out: Vec<_> = (engine.files().iter())
        .filter(|(p, _)| p.starts_with("/search/s/") || p.starts_with("/search/d/"))
        .filter_map(|(p, b)| match b {
            congbo::serve::state::Body::Bytes(b) => Some((p.clone(), b.clone())),
            congbo::serve::state::Body::File(_) => None,
        })
        .collect();
    out.sort();
    out
}

/// A body edit (the fast path) and a title edit (the content path) replace only their
/// page's records in the kept search index: the shards and record chunks that do not hold
/// the page are the same bytes as before, not made again, and every file is a clean
/// build's.
#[test]
fn page_edits_make_again_only_the_search_files_of_their_page() {
    let site = example_site();
    let mut engine = Engine::new(site.opts.clone());
    engine.apply(&Rebuild::Full).unwrap();
    let rel = "content/tin-tuc/to-cong-nghe-so-cong-dong-ve-tung-ap/index.md";
    let text = std::fs::read_to_string(site.root().join(rel)).unwrap();
    let edits: [(&str, String, &str); 3] = [
        (
            "body",
            format!("{text}\nMột từ khóariêng mới.\n"),
            "page bodies",
        ),
        (
            "title",
            text.replacen("title = \"", "title = \"Mới ", 1),
            "content rebuild (affected pages)",
        ),
        // A new term renders every page again (what all pages show changed).
        (
            "tags",
            set_key(&text, "tags", "[\"Chủ đề riêng\"]"),
            "content rebuild",
        ),
    ];
    for (step, (what, new, how)) in edits.into_iter().enumerate() {
        let before = search_files(&engine);
        site.write(rel, &new);
        let o = engine
            .apply(&Rebuild::Pages([rel.into()].into_iter().collect()))
            .unwrap();
        assert_eq!(o.how, how, "{what}");
        check_same(&engine, &site, step + 1, what);
        let after = search_files(&engine);
        let kept = (before.iter())
            .filter(|(p, b)| {
                after
                    .iter()
                    .any(|(q, c)| p == q && std::sync::Arc::ptr_eq(b, c))
            })
            .count();
        assert!(
            kept * 2 > before.len(),
            "{what}: {kept} of {} search files kept",
            before.len()
        );
    }
}

#[test]
fn body_edits_take_the_fast_path_and_list_edits_do_not() {
    let site = example_site();
    let mut engine = Engine::new(site.opts.clone());
    engine.apply(&Rebuild::Full).unwrap();
    let layout = Layout {
        root: site.root().to_path_buf(),
        theme: "cong-thong-tin".into(),
    };
    let rel = "content/tin-tuc/to-cong-nghe-so-cong-dong-ve-tung-ap/index.md";
    let text = std::fs::read_to_string(site.root().join(rel)).unwrap();
    site.write(rel, &format!("{text}\nMột đoạn cuối mới.\n"));
    let change = vec![Change {
        path: site.root().join(rel),
        kind: ChangeKind::Modify,
    }];
    let o = engine.apply(&classify(&layout, &change)).unwrap();
    assert_eq!((o.how, o.rendered), ("page bodies", 1));
    // The page, and the search shards of the new words (the whole body is indexed).
    let (search, other): (Vec<&String>, Vec<&String>) =
        o.changed.iter().partition(|p| p.starts_with("/search/s/"));
    assert_eq!(
        other,
        ["/tin-tuc/to-cong-nghe-so-cong-dong-ve-tung-ap/index.html"]
    );
    assert!(!search.is_empty(), "{:?}", o.changed);
    check_same(&engine, &site, 1, "body");

    site.write(rel, &text.replacen("title = \"", "title = \"Tổ ", 1));
    let o = engine.apply(&classify(&layout, &change)).unwrap();
    assert_eq!(o.how, "content rebuild (affected pages)");
    assert!(
        o.changed.iter().any(|p| p == "/tin-tuc/index.html"),
        "{:?}",
        o.changed
    );
    check_same(&engine, &site, 2, "title");
}

/// The search index is merged from the words serve keeps for every page: edits of two
/// pages' bodies one after another (the fast path), and a title edit between them (the
/// content path, which keeps the unchanged pages' words), each give the index of a clean
/// build.
#[test]
fn body_edits_one_after_another_keep_the_search_index_right() {
    let site = example_site();
    let mut engine = Engine::new(site.opts.clone());
    engine.apply(&Rebuild::Full).unwrap();
    let layout = Layout {
        root: site.root().to_path_buf(),
        theme: "cong-thong-tin".into(),
    };
    let pages = [
        "content/tin-tuc/to-cong-nghe-so-cong-dong-ve-tung-ap/index.md",
        "content/tin-tuc/huong-ung-ngay-chuyen-doi-so-quoc-gia/index.md",
        "content/tin-tuc/to-cong-nghe-so-cong-dong-ve-tung-ap/index.md",
    ];
    for (step, rel) in pages.iter().enumerate() {
        let text = std::fs::read_to_string(site.root().join(rel)).unwrap();
        site.write(
            rel,
            &format!("{text}\nTừ khóa{step} riêng của lần sửa này.\n"),
        );
        let change = vec![Change {
            path: site.root().join(rel),
            kind: ChangeKind::Modify,
        }];
        let o = engine.apply(&classify(&layout, &change)).unwrap();
        assert_eq!(o.how, "page bodies", "step {step}");
        assert!(
            o.changed.iter().any(|p| p.starts_with("/search/")),
            "step {step}: {:?}",
            o.changed
        );
        check_same(&engine, &site, step, "body");
        if step == 1 {
            // A title edit takes the content path: this page's words are counted again.
            site.write(rel, &text.replacen("title = \"", "title = \"Mới ", 1));
            let o = engine.apply(&classify(&layout, &change)).unwrap();
            assert_eq!(o.how, "content rebuild (affected pages)");
            check_same(&engine, &site, step, "title");
        }
    }
}
