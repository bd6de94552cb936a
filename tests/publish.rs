//! The publish step of `congbo build`: a reader of `public/` sees the old site or the new
//! one at every instant, a failed write leaves the old site whole (and says so truthfully),
//! and files congbo did not write in its output folder are never deleted without asking.

mod common;
use common::*;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

fn congbo(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_congbo"))
        .args(args)
        .current_dir(root)
        .env("LANG", "C")
        .env("CONGBO_LANG", "en")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn site_with_news(n: usize) -> TestSite {
    let site = TestSite::new();
    for i in 0..n {
        site.write(
            &format!("content/tin-tuc/tin-{i}.md"),
            &news(
                &format!("Tin số {i}"),
                &format!("2026-01-{:02}", 1 + i % 28),
                &[],
            ),
        );
    }
    site
}

/// Every file of the output folder, read while builds run: none of those present in every
/// version may ever be missing, not even for a moment.
#[test]
fn readers_never_miss_a_page_while_the_site_is_rebuilt() {
    let site = site_with_news(60);
    site.build_ok();
    let out = site.out();
    let watched: Vec<PathBuf> = site.files().iter().map(|f| out.join(f)).collect();
    assert!(watched.iter().any(|p| p.ends_with("tin-tuc/index.html")));
    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || {
            let (mut reads, mut missed) = (0usize, Vec::new());
            while !stop.load(Ordering::Relaxed) {
                for p in &watched {
                    reads += 1;
                    if std::fs::read(p).is_err() && !missed.contains(p) {
                        missed.push(p.clone());
                    }
                }
            }
            (reads, missed)
        })
    };
    // Each build adds an item: the home page, the lists and the feeds change every time.
    for round in 0..6 {
        site.write(
            &format!("content/tin-tuc/moi-{round}.md"),
            &news(&format!("Tin mới {round}"), "2026-02-01", &[]),
        );
        let r = site.build_ok();
        assert!(r.write.written > 0, "round {round} changed files");
    }
    stop.store(true, Ordering::Relaxed);
    let (reads, missed) = reader.join().unwrap();
    assert!(reads > 1000, "the reader read ({reads})");
    assert!(
        missed.is_empty(),
        "missing during a rebuild: {missed:?} ({reads} reads)"
    );
    assert_has(&site.read("tin-tuc/moi-5/index.html"), &["Tin mới 5"]);
    // The live site is a whole build: what a build into an empty folder makes.
    let live = site.snapshot();
    std::fs::remove_dir_all(&out).unwrap();
    site.build_ok();
    assert!(
        live == site.snapshot(),
        "the published site is a whole build"
    );
}

/// Makes a folder impossible to change, for as long as the guard lives: by its mode, or
/// (when the tests run as root, whom modes do not stop) by the immutable flag.
struct Locked(PathBuf, bool);

impl Locked {
    fn new(dir: &Path) -> Option<Locked> {
        use std::os::unix::fs::PermissionsExt;
        let writable = || {
            let probe = dir.join(".probe");
            let ok = std::fs::write(&probe, "x").is_ok();
            let _ = std::fs::remove_file(&probe);
            ok
        };
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        if !writable() {
            return Some(Locked(dir.to_path_buf(), false));
        }
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let flagged = Command::new("chattr")
            .arg("+i")
            .arg(dir)
            .status()
            .is_ok_and(|s| s.success());
        let locked = Locked(dir.to_path_buf(), true);
        (flagged && !writable()).then_some(locked)
    }
}

impl Drop for Locked {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        // The locked folder may have moved into the spare beside the output folder.
        let (out, name) = (self.0.parent().unwrap(), self.0.file_name().unwrap());
        let spare = out.with_file_name("public.congbo-spare").join(name);
        for dir in [&self.0, &spare] {
            if self.1 {
                let _ = Command::new("chattr").arg("-i").arg(dir).status();
            } else {
                let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755));
            }
        }
    }
}

/// A folder that cannot be written makes the write fail at some build: that build must
/// leave the site as it was, byte for byte, and say so; every other build publishes the
/// whole new site.
#[test]
fn a_failed_write_leaves_the_old_site_whole_and_says_so() {
    let site = site_with_news(6);
    assert_eq!(congbo(site.root(), &["build"]).status.code(), Some(0));
    let Some(_lock) = Locked::new(&site.out().join("tin-tuc")) else {
        eprintln!("skipped: no way to make a folder unwritable here");
        return;
    };
    let mut failures = 0;
    for round in 0..3 {
        let before = site.snapshot();
        site.write(
            &format!("content/tin-tuc/moi-{round}.md"),
            &news(&format!("Tin mới {round}"), "2026-02-01", &[]),
        );
        let run = congbo(site.root(), &["build"]);
        let stderr = text(&run.stderr);
        if run.status.success() {
            assert_has(&site.read("index.html"), &[&format!("Tin mới {round}")]);
            assert!(site.exists(&format!("tin-tuc/moi-{round}/index.html")));
        } else {
            failures += 1;
            assert!(
                site.snapshot() == before,
                "round {round}: public/ changed although the build failed:\n{stderr}"
            );
            assert_has(&stderr, &[": error: ", "public/ was left as it was"]);
        }
    }
    assert!(failures > 0, "the locked folder made a build fail");
}

/// Without an output folder before, a failed build says nothing was published.
#[test]
fn a_failed_first_build_says_nothing_was_published() {
    let site = site_with_news(1);
    site.write("content/hong.md", "+++\ntitle = 5\n+++\n");
    let run = congbo(site.root(), &["build", "-o", "www"]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert_has(&stderr, &["Nothing was published"]);
    assert!(!stderr.contains("was left as it was"), "{stderr}");
    assert!(!site.root().join("www").exists());
    // With a folder there, it is named as the user named it.
    assert_eq!(
        congbo(site.root(), &["build", "-o", "www"]).status.code(),
        Some(1)
    );
    site.write("content/hong.md", "+++\ntitle = \"Hồng\"\n+++\n");
    assert_eq!(
        congbo(site.root(), &["build", "-o", "www"]).status.code(),
        Some(0)
    );
    site.write("content/hong.md", "+++\ntitle = 5\n+++\n");
    let stderr = text(&congbo(site.root(), &["build", "-o", "www"]).stderr);
    assert_has(&stderr, &["www/ was left as it was"]);
}

/// Files someone put in a folder congbo built (an upload, a note) are kept across builds,
/// named once in a warning, and never served as part of congbo's own list.
#[test]
fn files_congbo_did_not_write_are_kept_and_named_once() {
    let mut site = site_with_news(2);
    site.opts.output_dir = Some(site.root().join("www"));
    site.build_ok();
    site.write("www/important.txt", "ghi chú");
    site.write("www/uploads/bao-cao.pdf", "%PDF");
    site.write(
        "content/tin-tuc/moi.md",
        &news("Tin mới", "2026-02-01", &[]),
    );
    let r = site.build_ok();
    assert!(r.write.written > 0 && r.write.removed == 0, "{:?}", r.write);
    assert_eq!(site.read("important.txt"), "ghi chú");
    assert_eq!(site.read("uploads/bao-cao.pdf"), "%PDF");
    let warned: Vec<&String> = r
        .warnings
        .iter()
        .filter(|w| w.contains("important.txt") || w.contains("bao-cao.pdf"))
        .collect();
    assert!(
        warned.iter().any(|w| w.contains("important.txt"))
            && warned.iter().any(|w| w.contains("uploads/bao-cao.pdf")),
        "{:?}",
        r.warnings
    );
    // Once: the next builds keep them without a word.
    site.remove("content/tin-tuc/moi.md");
    let r = site.build_ok();
    assert!(r.write.removed > 0, "the removed item's page went");
    assert!(!site.exists("tin-tuc/moi/index.html"));
    assert_eq!(site.read("important.txt"), "ghi chú");
    assert!(
        !r.warnings.iter().any(|w| w.contains("important.txt")),
        "{:?}",
        r.warnings
    );
    // --clean-output removes them.
    site.opts.clean_output = true;
    site.build_ok();
    assert!(!site.exists("important.txt") && !site.exists("uploads/bao-cao.pdf"));
    assert!(site.exists("index.html"));
}

/// A file of someone else's at a path the site now writes is not replaced silently.
#[test]
fn a_file_congbo_did_not_write_in_the_way_of_a_page_stops_the_build() {
    let mut site = site_with_news(1);
    site.opts.output_dir = Some(site.root().join("www"));
    site.build_ok();
    site.write("www/gioi-thieu/index.html", "của người khác");
    site.write(
        "content/gioi-thieu.md",
        "+++\ntitle = \"Giới thiệu\"\n+++\nA\n",
    );
    let err = site.build().unwrap_err().to_string();
    assert_has(&err, &["gioi-thieu/index.html", "--clean-output"]);
    assert_eq!(site.read("gioi-thieu/index.html"), "của người khác");
    site.opts.clean_output = true;
    site.build_ok();
    assert_has(&site.read("gioi-thieu/index.html"), &["Giới thiệu"]);
}

/// A folder congbo never built is refused, naming what it would delete; `--clean-output`
/// lets the build replace it.
#[test]
fn a_folder_of_other_files_is_refused_unless_clean_output_is_given() {
    let site = site_with_news(1);
    let www = site.root().join("www");
    site.write("www/important.txt", "x");
    site.write("www/uploads/bao-cao.pdf", "x");
    let run = congbo(site.root(), &["build", "-o", "www"]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert_has(
        &stderr,
        &[
            "important.txt",
            "uploads/bao-cao.pdf",
            "2 files",
            "--clean-output",
        ],
    );
    assert!(www.join("important.txt").exists() && www.join("uploads/bao-cao.pdf").exists());
    let run = congbo(site.root(), &["build", "-o", "www", "--clean-output"]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert!(!www.join("important.txt").exists() && www.join("index.html").exists());
}

/// An output folder of an earlier congbo (a `404.html`, no manifest) is taken as congbo's
/// once: what the site no longer has goes, and the manifest is written.
#[test]
fn an_earlier_versions_output_is_taken_over_once() {
    let site = site_with_news(1);
    site.build_ok();
    let manifest = site.out().join(".congbo-manifest");
    assert!(manifest.is_file(), "a build writes its manifest");
    std::fs::remove_file(&manifest).unwrap();
    site.write("public/tin-tuc/cu/index.html", "an old page");
    let r = site.build_ok();
    assert_eq!(r.write.removed, 1, "{:?}", r.write);
    assert!(!site.exists("tin-tuc/cu/index.html"));
    assert!(manifest.is_file());
    // From now on a new file there is someone else's.
    site.write("public/ghi-chu.txt", "x");
    site.build_ok();
    assert!(site.exists("ghi-chu.txt"));
}

/// The issue's own case: an alias onto a static file makes the site hold a file and a
/// folder at one path. Whichever stage refuses it, the build fails and `public/` is whole.
#[test]
fn an_alias_onto_a_static_file_leaves_the_site_whole() {
    let site = site_with_news(2);
    site.write("static/tai-lieu/mau.txt", "mẫu");
    site.build_ok();
    let before = site.snapshot();
    site.write(
        "content/tin-tuc/tin-0.md",
        &news("Tin số 0", "2026-01-01", &[]).replacen(
            "+++\n",
            "+++\naliases = [\"/tai-lieu/mau.txt\"]\n",
            1,
        ),
    );
    let err = site.build().unwrap_err().to_string();
    assert_has(&err, &["tai-lieu/mau.txt"]);
    assert!(
        site.snapshot() == before,
        "public/ changed by a failed build"
    );
}

/// A real `congbo build` killed (SIGKILL) at moments spread over its run leaves `public/`
/// as the previous build or as the new one, whole, and the next build succeeds.
#[test]
fn a_build_killed_at_any_moment_leaves_one_whole_site() {
    let site = site_with_news(150);
    let started = std::time::Instant::now();
    assert_eq!(congbo(site.root(), &["build"]).status.code(), Some(0));
    let took = started.elapsed();
    for round in 1..6u32 {
        let before = site.snapshot();
        site.write(
            &format!("content/tin-tuc/moi-{round}.md"),
            &news(&format!("Tin mới {round}"), "2026-02-01", &[]),
        );
        let mut child = Command::new(env!("CARGO_BIN_EXE_congbo"))
            .arg("build")
            .current_dir(site.root())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(took * round / 5);
        let _ = child.kill();
        let _ = child.wait();
        let killed = site.snapshot();
        site.build_ok();
        let after = site.snapshot();
        assert!(
            killed == before || killed == after,
            "round {round}: a kill after {:?} left a site that is neither build",
            took * round / 5
        );
    }
}
