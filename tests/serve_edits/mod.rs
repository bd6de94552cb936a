//! The edits the serve property test makes: a small deterministic random generator, the
//! example site in a temporary folder, and one random edit of each kind with the changes
//! a watcher would report.
#![allow(dead_code, unreachable_pub, missing_docs)]

use std::path::Path;

use congbo::serve::classify::{Change, ChangeKind};

use crate::common::*;

/// A small deterministic random generator (xorshift), so a failure can be replayed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<T: Clone>(&mut self, v: &[T]) -> Option<T> {
        (!v.is_empty()).then(|| v[self.below(v.len())].clone())
    }
}

/// The example site with its theme, in a temporary folder.
pub fn example_site() -> TestSite {
    let site = TestSite::new();
    copy_dir(&repo_root().join("content"), &site.root().join("content"));
    site.write(
        "site.toml",
        &std::fs::read_to_string(repo_root().join("site.toml")).unwrap(),
    );
    site
}

pub fn files_under(root: &Path, dir: &str, pred: impl Fn(&str) -> bool) -> Vec<String> {
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

/// Sets a top-level front matter key of a page's text, or adds it before the first table
/// (`[[tasks]]`, `[[documents]]`), where TOML wants top-level keys.
pub fn set_key(text: &str, key: &str, value: &str) -> String {
    let Some(rest) = text.strip_prefix("+++\n") else {
        return text.to_string();
    };
    let Some(end) = rest.find("\n+++") else {
        return text.to_string();
    };
    let (front, body) = rest.split_at(end);
    let mut lines: Vec<String> = front.lines().map(String::from).collect();
    let tables = lines
        .iter()
        .position(|l| l.starts_with('['))
        .unwrap_or(lines.len());
    let line = format!("{key} = {value}");
    match lines[..tables]
        .iter()
        .position(|l| l.starts_with(&format!("{key} = ")))
    {
        Some(i) => lines[i] = line,
        None => lines.insert(tables, line),
    }
    format!("+++\n{}{body}", lines.join("\n"))
}

/// A page's body (after the front matter) changed by `f`.
pub fn edit_body(text: &str, f: impl Fn(&str) -> String) -> String {
    match text.get(4..).and_then(|r| r.find("\n+++\n")) {
        Some(i) => format!("{}{}", &text[..i + 9], f(&text[i + 9..])),
        None => text.to_string(),
    }
}

/// One edit of what lists, terms, agencies or documents show of a page: its front matter,
/// its summary, its tasks or its citations, on a news item, plan, procedure or document.
pub fn list_edit(text: &str, folder: &str, rng: &mut Rng, step: usize) -> String {
    let pick = |rng: &mut Rng, v: &[&str]| v[rng.below(v.len())].to_string();
    let list = |rng: &mut Rng, v: &[&str]| {
        let a = pick(rng, v);
        let b = pick(rng, v);
        if a == b {
            format!("[\"{a}\"]")
        } else {
            format!("[\"{a}\", \"{b}\"]")
        }
    };
    let numbers = ["61/2018/NĐ-CP", "76/NQ-CP", "512/QĐ-UBND"];
    match rng.below(12) {
        0 => text.replacen("title = \"", &format!("title = \"Sửa {step} "), 1),
        1 => {
            let date = format!("2025-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
            set_key(text, "date", &date)
        }
        2 => {
            let own = format!("Chủ đề {step}");
            let tags = [
                "Một cửa",
                "Chuyển đổi số",
                "Hộ tịch",
                "Tuyên truyền",
                own.as_str(),
            ];
            let known = 4 + rng.below(2);
            set_key(text, "tags", &list(rng, &tags[..known]))
        }
        3 => {
            let fields = [
                "Cải cách hành chính",
                "Hộ tịch",
                "Chứng thực",
                "Chuyển đổi số",
            ];
            set_key(text, "fields", &list(rng, &fields))
        }
        4 => set_key(text, "description", &format!("\"Mô tả mới {step}\"")),
        5 => edit_body(text, |b| format!("Mở đầu mới {step}.\n\n{b}")),
        6 if folder == "ke-hoach" && text.contains("due = \"") => {
            let due = pick(
                rng,
                &["Quý IV/2026", "Thường xuyên", "Tháng 6/2025", "không rõ"],
            );
            let start = text.find("due = \"").unwrap_or(0);
            let end = text[start + 7..]
                .find('"')
                .map_or(text.len(), |e| start + 7 + e);
            format!("{}due = \"{due}{}", &text[..start], &text[end..])
        }
        6 => edit_body(text, |b| {
            format!(
                "{b}\n| TT | Nội dung | Cơ quan chủ trì | Thời gian thực hiện |\n|---|---|---|---|\n| 1 | Việc {step} | Văn phòng HĐND và UBND xã | Quý III/2026 |\n"
            )
        }),
        7 => {
            let n = pick(rng, &numbers);
            if rng.below(3) == 0 {
                edit_body(text, |b| b.replace(n.as_str(), "số khác"))
            } else {
                edit_body(text, |b| {
                    format!("{b}\nThực hiện văn bản số {n} của cấp trên.\n")
                })
            }
        }
        8 if folder == "ke-hoach" || folder == "van-ban" => {
            set_key(text, "number", &format!("\"{step}/KH-UBND\""))
        }
        8 | 9 => set_key(text, "weight", &rng.below(4).to_string()),
        10 => {
            let t = set_key(
                text,
                "image",
                &format!("\"https://anh.example.vn/{step}.jpg\""),
            );
            set_key(&t, "image_alt", &format!("\"Ảnh {step}\""))
        }
        _ => match folder {
            "thu-tuc" => {
                let fields = ["Chứng thực", "Hộ tịch", "Bảo trợ xã hội", "Đất đai"];
                set_key(text, "field", &format!("\"{}\"", pick(rng, &fields)))
            }
            "ke-hoach" => {
                let n = pick(rng, &numbers);
                set_key(text, "basis", &format!("[\"Văn bản số {n}\"]"))
            }
            "van-ban" => set_key(text, "authority", &format!("\"Cơ quan {step}\"")),
            _ => set_key(text, "author", &format!("\"Tác giả {step}\"")),
        },
    }
}

/// One random edit; returns the changes a watcher would report.
pub fn edit(
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
    match rng.below(26) {
        16..=25 => {
            let folder = ["tin-tuc", "ke-hoach", "thu-tuc", "van-ban"][rng.below(4)];
            let prefix = format!("content/{folder}/");
            let mine: Vec<String> = pages
                .iter()
                .filter(|p| p.starts_with(&prefix))
                .cloned()
                .collect();
            let Some(p) = rng.pick(&mine) else {
                return vec![];
            };
            let text = std::fs::read_to_string(root.join(&p)).unwrap();
            std::fs::write(root.join(&p), list_edit(&text, folder, rng, step)).unwrap();
            vec![at(&p, Modify)]
        }
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

/// Fails unless the engine serves exactly the files of a clean build of `site`.
pub fn check_same(
    engine: &congbo::serve::engine::Engine,
    site: &TestSite,
    step: usize,
    what: &str,
) {
    let (_, want) =
        congbo::build::build_in_memory(&site.opts).unwrap_or_else(|e| panic!("step {step}: {e}"));
    let want = congbo::serve::engine::to_files(want);
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
