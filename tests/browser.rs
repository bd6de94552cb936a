//! The browser checks of `tests/browser/`: axe-core (WCAG 2.1 A and AA rules) with zero
//! violations on every page kind of the example site at 360 px and 1280 px, plus the skip
//! link, visible focus, landmarks, `lang`, table captions and headers, no request to another
//! host, and text without JavaScript; the header's height at 360 px (at most 160 px) and
//! its "Menu" button, and the home page's layout shift (under 0.01). The same axe checks run
//! on the 1,000-page benchmark corpus of `../shared/bench/` (skipped, saying so, without
//! it, unless `CONGBO_REQUIRE_SHARED` is set). They need Node.js, Debian's `chromium` and
//! `npm ci --prefix tests/browser`; without them the test is skipped with a message, except
//! when `CI` is set, where it fails and says what to install. The browser editor of
//! `serve --edit` is checked too (`tests/browser/editor.mjs`): axe at both widths, a bad
//! date refused with the text kept, a news item created and then served; a plan's form with
//! its task grid (axe too), a row added and moved up by the keyboard, the toolbar, the live
//! preview, and the published task on the served plan; an image uploaded to the new item
//! and served; a Word file imported as a draft, published and served; axe on the conflict
//! page; a form attached to a procedure from its upload form, named in its dossier row by
//! the editor, published and linked on the served page; and with accounts
//! (`tests/browser/editor-accounts.mjs`): login, an edit, an earlier version restored and
//! served, axe on the login, versions and trash pages.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::*;

const INSTALL: &str =
    "install them with: apt-get install -y chromium nodejs npm && npm ci --prefix tests/browser";

/// What is missing to run the browser checks, if anything.
fn missing() -> Vec<String> {
    let mut m = Vec::new();
    let node = Command::new("node").arg("--version").output();
    if !node.is_ok_and(|o| o.status.success()) {
        m.push("node (Node.js) is not on PATH".to_string());
    }
    let chrome = std::env::var_os("CHROME_PATH")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if !chrome.exists() {
        m.push(format!(
            "{} (Debian's chromium) is not installed",
            chrome.display()
        ));
    }
    let modules = repo_root().join("tests/browser/node_modules");
    for p in ["playwright-core", "axe-core"] {
        if !modules.join(p).join("package.json").exists() {
            m.push(format!("tests/browser/node_modules/{p} is not installed"));
        }
    }
    m
}

/// The example site with a paginated news section (3 items a page), so a page-2 list is
/// checked too, and six more news items citing Nghị định 61/2018/NĐ-CP, so that it gets
/// its own list of citing pages.
fn built_example() -> TestSite {
    let site = example_copy();
    let index = site.root().join("content/tin-tuc/_index.md");
    let text = std::fs::read_to_string(&index).unwrap();
    let text = text.replacen("+++\n", "+++\npaginate_by = 3\n", 1);
    std::fs::write(&index, text).unwrap();
    for d in 1..=6 {
        site.write(
            &format!("content/tin-tuc/mot-cua-{d}.md"),
            &format!("+++\ntitle = \"Một cửa, bài {d}\"\ndate = 2026-02-0{d}\n+++\nTheo Nghị định số 61/2018/NĐ-CP.\n"),
        );
    }
    site.build_ok();
    site
}

fn run_node(script: &str, args: &[&std::ffi::OsStr]) -> (bool, String) {
    let o = Command::new("node")
        .arg(repo_root().join("tests/browser").join(script))
        .args(args)
        .output()
        .expect("node runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.success(), text)
}

/// Whether the browser checks can run; if not, says why (and fails under `CI`).
fn can_run() -> bool {
    let missing = missing();
    if missing.is_empty() {
        return true;
    }
    let why = missing.join("; ");
    if std::env::var_os("CI").is_some() {
        panic!("the browser checks cannot run: {why}; {INSTALL}");
    }
    eprintln!("SKIPPED browser checks (axe-core, keyboard, layout in Chromium): {why}; {INSTALL}");
    false
}

#[test]
fn every_page_kind_passes_axe_and_the_keyboard_checks() {
    if !can_run() {
        return;
    }
    let site = built_example();
    assert!(site.exists("tin-tuc/trang/2/index.html"));
    assert!(site.exists("van-ban/trich-dan/61-2018-nd-cp/index.html"));
    let (ok, text) = run_node("axe.mjs", &[site.out().as_os_str()]);
    eprintln!("{text}");
    assert!(ok, "the browser checks failed:\n{text}");
}

/// The benchmark corpus has what the example site lacks: plans whose Markdown tables are
/// wider than a phone (axe `scrollable-region-focusable` found them), and a thousand pages
/// of every kind.
#[test]
fn the_benchmark_corpus_passes_axe_too() {
    let Some(script) = shared("bench/gen_corpus.py", "the_benchmark_corpus_passes_axe_too") else {
        return;
    };
    if !can_run() {
        return;
    }
    let mut site = TestSite::new();
    let root = site.root().join("corpus");
    let o = Command::new("python3")
        .arg(&script)
        .args(["--pages", "1000", "--flavor", "congbo", "--out"])
        .arg(&root)
        .arg("--theme-from")
        .arg(repo_root())
        .output()
        .expect("python3 runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    site.opts.root = root.clone();
    site.opts.output_dir = Some(root.join("public"));
    site.build_ok();
    let (ok, text) = run_node("axe.mjs", &["--corpus".as_ref(), site.out().as_os_str()]);
    eprintln!("{text}");
    assert!(ok, "the browser checks failed on the corpus:\n{text}");
}

#[test]
fn the_editor_creates_a_news_item_that_the_site_then_serves() {
    if !can_run() {
        return;
    }
    let site = TestSite::new();
    site.write(
        "content/tin-tuc/_index.md",
        "+++\ntitle = \"Tin tức\"\n+++\n",
    );
    site.write(
        "content/tin-tuc/mot.md",
        &news("Tin một", "2026-01-10", &["Một cửa"]),
    );
    site.write(
        "content/ke-hoach/thu.md",
        &common::tasks::plan(
            "Kế hoạch.\n\n| TT | Nội dung | Cơ quan chủ trì | Thời gian thực hiện |\n|---|---|---|---|\n\
             | 1 | Đăng tin về CCHC | Văn phòng HĐND và UBND xã | Thường xuyên |\n",
        ),
    );
    site.write(
        "content/thu-tuc/khai-sinh.md",
        "+++\ntitle = \"Đăng ký khai sinh\"\ncode = \"1.001193\"\n\n\
         [[documents]]\nname = \"Tờ khai đăng ký khai sinh\"\noriginals = 1\n+++\nThủ tục.\n",
    );
    let server = common::serve::Server::start_with(&site, &["--edit"]);
    let url = format!("http://127.0.0.1:{}", server.port);
    let docx = repo_root().join("tests/fixtures/import/ke-hoach-mau.docx");
    let (ok, text) = run_node("editor.mjs", &[url.as_ref(), docx.as_ref()]);
    eprintln!("{text}");
    assert!(ok, "the editor's browser checks failed:\n{text}");
    // The item became a bundle when its image was sent.
    let item = site
        .root()
        .join("content/tin-tuc/hoi-nghi-doi-thoai-voi-thanh-nien");
    let text = std::fs::read_to_string(item.join("index.md")).unwrap();
    assert!(text.contains("date = 2026-01-20"), "{text}");
    assert!(item.join("anh-hoi-nghi.png").is_file());
    // The form went into the procedure's bundle, named in its first dossier row.
    let proc = site.root().join("content/thu-tuc/khai-sinh");
    let text = std::fs::read_to_string(proc.join("index.md")).unwrap();
    assert!(
        text.contains("form = \"to-khai-dang-ky-khai-sinh.docx\""),
        "{text}"
    );
    assert!(proc.join("to-khai-dang-ky-khai-sinh.docx").is_file());
}

#[test]
fn the_editor_with_accounts_logs_in_edits_and_restores_an_earlier_version() {
    if !can_run() {
        return;
    }
    let site = TestSite::new();
    site.write(
        "content/tin-tuc/_index.md",
        "+++\ntitle = \"Tin tức\"\n+++\n",
    );
    site.write(
        "content/tin-tuc/mot.md",
        &format!("{}Bản đầu tiên.\n", news("Tin một", "2026-01-10", &[])),
    );
    common::editor::add_user(&site, "lan", "publisher");
    let server = common::serve::Server::start_with(&site, &["--edit"]);
    let url = format!("http://127.0.0.1:{}", server.port);
    let (ok, text) = run_node(
        "editor-accounts.mjs",
        &[
            url.as_ref(),
            "lan".as_ref(),
            common::editor::PASSWORD.as_ref(),
        ],
    );
    eprintln!("{text}");
    assert!(
        ok,
        "the editor's browser checks with accounts failed:\n{text}"
    );
    assert!(site.root().join(".congbo/trash/tin-tuc/mot.md").exists());
}
