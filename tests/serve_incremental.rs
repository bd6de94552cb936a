//! The property of `congbo serve`'s incremental rebuilds: after any sequence of edits
//! (pages added, edited, renamed and deleted, bundle files, templates, static files,
//! `site.toml`, editors' temporary files, errors made and fixed), the files it serves are
//! exactly those of a clean `build_in_memory` of the same folder (the reload script is
//! added to responses only, so it is not in either).

mod common;
use common::*;

use std::path::{Path, PathBuf};

use congbo::build::build_in_memory;
use congbo::serve::classify::{Change, ChangeKind, Layout, Rebuild, classify};
use congbo::serve::engine::{Engine, to_files};

/// A small deterministic random generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<T: Clone>(&mut self, v: &[T]) -> Option<T> {
        (!v.is_empty()).then(|| v[self.below(v.len())].clone())
    }
}

/// The example site with its theme, in a temporary folder.
fn example_site() -> TestSite {
    let site = TestSite::new();
    copy_dir(&repo_root().join("content"), &site.root().join("content"));
    site.write(
        "site.toml",
        &std::fs::read_to_string(repo_root().join("site.toml")).unwrap(),
    );
    site
}

fn files_under(root: &Path, dir: &str, pred: impl Fn(&str) -> bool) -> Vec<String> {
    let mut v: Vec<String> = walkdir::WalkDir::new(root.join(dir))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .filter(|p| pred(p))
        .collect();
    v.sort();
    v
}

/// One random edit; returns the changes a watcher would report.
fn edit(
    site: &TestSite,
    rng: &mut Rng,
    step: usize,
    broken: &mut Option<(String, String)>,
) -> Vec<Change> {
    let root = site.root().to_path_buf();
    let at = |rel: &str, kind| Change {
        path: root.join(rel),
        kind,
    };
    let pages = files_under(&root, "content", |p| {
        p.ends_with(".md") && !p.ends_with("_index.md")
    });
    let assets = files_under(&root, "content", |p| !p.ends_with(".md"));
    let modify = |rel: &str, f: &dyn Fn(String) -> String| {
        let text = std::fs::read_to_string(root.join(rel)).unwrap();
        std::fs::write(root.join(rel), f(text)).unwrap();
    };
    use ChangeKind::*;
    if let Some((rel, good)) = broken.take() {
        // Fix the error made before.
        std::fs::write(root.join(&rel), good).unwrap();
        return vec![at(&rel, Modify)];
    }
    match rng.below(16) {
        0..=3 => {
            let Some(p) = rng.pick(&pages) else {
                return vec![];
            };
            modify(&p, &|t| {
                format!("{t}\nĐoạn thêm số {step}, chỉ ở thân trang.\n")
            });
            vec![at(&p, Modify), at(&p, Modify), at(&p, Modify)]
        }
        4 => {
            let Some(p) = rng.pick(&pages) else {
                return vec![];
            };
            modify(&p, &|t| {
                t.replacen("title = \"", &format!("title = \"Sửa {step} "), 1)
            });
            vec![at(&p, Modify)]
        }
        5 => {
            let rel = format!("content/tin-tuc/moi-{step}.md");
            let own = format!("Chủ đề riêng {step}");
            let tags = ["Một cửa", "Chuyển đổi số", own.as_str()];
            let tag = tags[rng.below(3)];
            let date = format!("2026-02-{:02}", 1 + step % 28);
            site.write(&rel, &news(&format!("Tin mới {step}"), &date, &[tag]));
            vec![at(&rel, Create)]
        }
        6 => {
            let dir = format!("content/tin-tuc/goi-{step}");
            site.write(
                &format!("{dir}/index.md"),
                &news(&format!("Gói {step}"), "2025-12-01", &["Một cửa"]),
            );
            std::fs::write(root.join(&dir).join("anh.jpg"), vec![7u8; 100 + step]).unwrap();
            vec![at(&dir, Create)]
        }
        7 => {
            let Some(p) = rng.pick(&pages) else {
                return vec![];
            };
            if p.ends_with("/index.md") {
                let dir = p.trim_end_matches("/index.md").to_string();
                std::fs::remove_dir_all(root.join(&dir)).unwrap();
                vec![at(&dir, Remove)]
            } else {
                site.remove(&p);
                vec![at(&p, Remove)]
            }
        }
        8 => {
            let Some(p) = rng.pick(&pages) else {
                return vec![];
            };
            if p.ends_with("/index.md") {
                return vec![];
            }
            let to = p.replace(".md", &format!("-{step}.md"));
            std::fs::rename(root.join(&p), root.join(&to)).unwrap();
            vec![at(&p, Remove), at(&to, Create)]
        }
        9 => {
            let Some(a) = rng.pick(&assets) else {
                return vec![];
            };
            let len = std::fs::metadata(root.join(&a)).unwrap().len() as usize;
            let grow = rng.below(2);
            std::fs::write(root.join(&a), vec![(step % 250) as u8; len + grow]).unwrap();
            vec![at(&a, Modify)]
        }
        10 => {
            let (rel, from) = match rng.below(2) {
                0 => (
                    "templates/news.html",
                    "themes/cong-thong-tin/templates/news.html",
                ),
                _ => (
                    "themes/cong-thong-tin/templates/partials/page_nav.html",
                    "themes/cong-thong-tin/templates/partials/page_nav.html",
                ),
            };
            let text = std::fs::read_to_string(root.join(from)).unwrap();
            let marker = format!("<!-- sửa {step} -->");
            let text = if text.contains("{% endblock") {
                text.replacen("{% endblock", &format!("{marker}{{% endblock"), 1)
            } else {
                format!("{text}{marker}\n")
            };
            site.write(rel, &text);
            vec![at(rel, Modify)]
        }
        11 => {
            let rel = "themes/cong-thong-tin/static/css/style.css";
            modify(rel, &|t| format!("{t}\n/* {step} */\n"));
            vec![at(rel, Modify)]
        }
        12 => {
            site.write("content/tin-tuc/nhap.md~", "rác");
            site.write("content/tin-tuc/.nhap.md.swp", "rác");
            site.write("content/.#khoa.md", "rác");
            vec![
                at("content/tin-tuc/nhap.md~", Create),
                at("content/tin-tuc/.nhap.md.swp", Modify),
                at("content/.#khoa.md", Create),
            ]
        }
        13 => {
            let Some(p) = rng.pick(&pages) else {
                return vec![];
            };
            let good = std::fs::read_to_string(root.join(&p)).unwrap();
            std::fs::write(root.join(&p), good.replacen("title = ", "titel = ", 1)).unwrap();
            *broken = Some((p.clone(), good));
            vec![at(&p, Modify)]
        }
        14 => {
            let Some(p) = rng.pick(&pages) else {
                return vec![];
            };
            let extra = match rng.below(3) {
                0 => "\n| TT | Nội dung | Cơ quan chủ trì | Thời gian thực hiện |\n|---|---|---|---|\n| 1 | Việc mới | Công an xã | Quý III/2026 |\n".to_string(),
                1 => "\nThực hiện Nghị định số 45/2020/NĐ-CP.\n".to_string(),
                _ => String::new(),
            };
            // Also a new first paragraph, which is the summary lists show.
            modify(&p, &|t| match t.rfind("+++\n") {
                Some(i) => format!(
                    "{}Mở đầu mới {step}.\n\n{}{extra}",
                    &t[..i + 4],
                    &t[i + 4..]
                ),
                None => t,
            });
            vec![at(&p, Modify)]
        }
        _ => {
            let n = 2 + step % 3;
            modify("site.toml", &|t| {
                let t = t
                    .lines()
                    .filter(|l| !l.starts_with("paginate_by"))
                    .collect::<Vec<_>>()
                    .join("\n");
                match t.find("\n[") {
                    Some(i) => format!("{}\npaginate_by = {n}{}\n", &t[..i], &t[i..]),
                    None => format!("{t}\npaginate_by = {n}\n"),
                }
            });
            vec![at("site.toml", Modify)]
        }
    }
}

fn check_same(engine: &Engine, site: &TestSite, step: usize, what: &str) {
    let (_, want) = build_in_memory(&site.opts).unwrap_or_else(|e| panic!("step {step}: {e}"));
    let want = to_files(want);
    let got = engine.files();
    let mut missing: Vec<&String> = want.keys().filter(|k| !got.contains_key(*k)).collect();
    let mut extra: Vec<&String> = got.keys().filter(|k| !want.contains_key(*k)).collect();
    missing.sort();
    extra.sort();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "step {step} ({what}): missing {missing:?}, extra {extra:?}"
    );
    let mut differ: Vec<&String> = want
        .iter()
        .filter(|(k, v)| got.get(*k) != Some(*v))
        .map(|(k, _)| k)
        .collect();
    differ.sort();
    assert!(
        differ.is_empty(),
        "step {step} ({what}): these differ from a clean build: {differ:?}"
    );
}

fn run(seed: u64, steps: usize) {
    let site = example_site();
    let root: PathBuf = site.root().to_path_buf();
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
        run(seed, 40);
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
    assert_eq!(
        o.changed,
        vec!["/tin-tuc/to-cong-nghe-so-cong-dong-ve-tung-ap/index.html".to_string()]
    );
    check_same(&engine, &site, 1, "body");

    site.write(rel, &text.replacen("title = \"", "title = \"Tổ ", 1));
    let o = engine.apply(&classify(&layout, &change)).unwrap();
    assert_eq!(o.how, "content rebuild");
    assert!(
        o.changed.iter().any(|p| p == "/tin-tuc/index.html"),
        "{:?}",
        o.changed
    );
    check_same(&engine, &site, 2, "title");
}
