//! `congbo check` and the check inside `congbo build`, on tests/fixtures/broken-site: a
//! site whose content breaks every rule once or more. The expected report is
//! tests/fixtures/broken-site/expected.txt, compared line by line.

mod common;
use common::*;

use std::path::Path;
use std::process::{Command, Output};

/// The fixture in a temporary folder with the default theme.
fn broken_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo_root().join("tests/fixtures/broken-site"), dir.path());
    copy_dir(&repo_root().join("themes"), &dir.path().join("themes"));
    dir
}

fn congbo(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_congbo"))
        // The messages these tests pin are the English ones.
        .env("CONGBO_LANG", "en")
        .args(args)
        .arg("--root")
        .arg(root)
        .env("LC_ALL", "C")
        .env_remove("CI")
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn expected() -> Vec<String> {
    let path = repo_root().join("tests/fixtures/broken-site/expected.txt");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

fn compare(got: &str, want: &[String]) {
    let got: Vec<&str> = got.lines().collect();
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(g, w, "line {} differs", i + 1);
    }
    assert_eq!(
        got.len(),
        want.len(),
        "got {} lines, expected {}:\n{}",
        got.len(),
        want.len(),
        got.join("\n")
    );
}

#[test]
fn check_reports_every_broken_thing_with_its_place() {
    let site = broken_site();
    let out = congbo(site.path(), &["check"]);
    compare(&text(&out.stderr), &expected());
    assert_eq!(out.status.code(), Some(1), "errors give exit status 1");
    assert!(
        text(&out.stdout).contains("21 errors, 2 warnings"),
        "{}",
        text(&out.stdout)
    );
    // A local document the site has no page for is no warning (no resolver would find
    // it), but the check counts it.
    assert!(
        text(&out.stdout)
            .contains("cited, not on the site: 1 document of local bodies (512/QĐ-UBND)"),
        "{}",
        text(&out.stdout)
    );
    assert!(!site.path().join("public").exists(), "check writes nothing");
}

#[test]
fn build_fails_on_the_same_errors_and_leaves_public_alone() {
    let site = broken_site();
    let toml = site.path().join("site.toml");
    let strict = std::fs::read_to_string(&toml).unwrap();
    // An earlier good build (every rule a warning), then the same site with the rules on.
    std::fs::write(
        &toml,
        format!(
            "{strict}\n[check]\nwarn = [\"links\", \"anchors\", \"images\", \"alt\", \"files\"]\n"
        ),
    )
    .unwrap();
    assert_eq!(congbo(site.path(), &["build"]).status.code(), Some(0));
    let page = site.path().join("public/tin-tuc/bai-mot/index.html");
    let before = std::fs::read(&page).unwrap();
    std::fs::write(&toml, strict.replace("Trang hỏng", "Trang hỏng mới")).unwrap();
    let out = congbo(site.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let errors: Vec<String> = expected()
        .into_iter()
        .filter(|l| l.contains(": error: "))
        .collect();
    let stderr = text(&out.stderr);
    let got: Vec<&str> = stderr.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(got, errors, "{stderr}");
    assert!(stderr.contains("public/ was left as it was"), "{stderr}");
    assert_eq!(std::fs::read(&page).unwrap(), before, "public/ untouched");
}

#[test]
fn rules_set_to_warn_let_the_build_through() {
    let site = broken_site();
    let toml = site.path().join("site.toml");
    let mut config = std::fs::read_to_string(&toml).unwrap();
    config.push_str("\n[check]\nwarn = [\"links\", \"anchors\", \"images\", \"alt\", \"files\"]\n");
    std::fs::write(&toml, config).unwrap();
    let out = congbo(site.path(), &["build"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    // Every error as a warning; the citations only counted (a build does not list them).
    let want: Vec<String> = expected()
        .into_iter()
        .filter(|l| l.contains(": error: "))
        .map(|l| l.replace(": error: ", ": warning: "))
        .collect();
    assert!(
        stderr.contains("warning: 2 citations link nowhere (2 document numbers)"),
        "{stderr}"
    );
    let mut want_sorted = want.clone();
    want_sorted.sort();
    let mut got: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains(": warning: "))
        .collect();
    got.sort();
    assert_eq!(got, want_sorted, "{stderr}");
    let page =
        std::fs::read_to_string(site.path().join("public/tin-tuc/bai-mot/index.html")).unwrap();
    // The menu: site paths get the site's folder, an e-mail address stays as written.
    assert!(page.contains("href=\"/xa-thu/tin-tuc/\""), "{page}");
    assert!(
        page.contains("href=\"mailto:gopy@xa.example.gov.vn\""),
        "{page}"
    );
    let check = congbo(site.path(), &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
}

#[test]
fn an_unknown_rule_is_named_with_its_line() {
    let site = broken_site();
    let toml = site.path().join("site.toml");
    let mut config = std::fs::read_to_string(&toml).unwrap();
    config.push_str("\n[check]\nwarn = [\"link\"]\n");
    std::fs::write(&toml, config).unwrap();
    let out = congbo(site.path(), &["check"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("site.toml:") && stderr.contains("link"),
        "{stderr}"
    );
    assert!(
        stderr.contains("anchors"),
        "the message lists the rules: {stderr}"
    );
}

#[test]
fn the_example_site_checks_clean() {
    let out = congbo(&repo_root(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "", "no warnings either");
}
