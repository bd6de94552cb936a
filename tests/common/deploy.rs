//! `congbo deploy` in the tests: a small site with a `[deploy.*]` target, the command run
//! as a user runs it, and the files of a target folder to compare with `public/`.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use super::{SITE_TOML, TestSite, news};

/// The target's manifest, which the comparisons leave out (`public/` has its own).
pub const REMOTE_MANIFEST: &str = ".congbo-deploy.json";

/// A site of `n` news items whose `site.toml` ends with `deploy` (the `[deploy.*]` tables).
pub fn site_with_target(deploy: &str, n: usize) -> TestSite {
    let site = TestSite::new();
    site.write("site.toml", &format!("{SITE_TOML}\n{deploy}"));
    for i in 0..n {
        let day = 1 + i % 28;
        site.write(
            &format!("content/tin-tuc/tin-{i}.md"),
            &news(
                &format!("Tin số {i}"),
                &format!("2026-03-{day:02}"),
                &["thử"],
            ),
        );
    }
    site
}

/// `congbo deploy --root <site> <args>`, in English, with `envs` set.
pub fn run_deploy(site: &TestSite, args: &[&str], envs: &[(&str, &str)]) -> Output {
    deploy_command(site, args, envs).output().unwrap()
}

/// The command of [`run_deploy`], to start it and stop it half way.
pub fn deploy_command(site: &TestSite, args: &[&str], envs: &[(&str, &str)]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_congbo"));
    c.arg("deploy")
        .arg("--root")
        .arg(site.root())
        .args(args)
        .env("CONGBO_LANG", "en")
        .env_remove("SSH_AUTH_SOCK")
        .stdin(std::process::Stdio::null());
    for (k, v) in envs {
        c.env(k, v);
    }
    c
}

/// Its output, to show when an assertion fails.
pub fn said(o: &Output) -> String {
    format!(
        "status {}\nstdout:\n{}\nstderr:\n{}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Every file under `dir` with its bytes, by path (`a/b.html`), without the target's manifest.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .filter(|(p, _)| p != REMOTE_MANIFEST)
        .collect()
}

/// The built site's files, as a target should hold them.
pub fn public_tree(site: &TestSite) -> BTreeMap<String, Vec<u8>> {
    site.snapshot().into_iter().collect()
}

/// The paths whose bytes differ between two trees, or that only one has.
pub fn differing(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut v: Vec<String> = a
        .keys()
        .chain(b.keys())
        .filter(|p| a.get(*p) != b.get(*p))
        .cloned()
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Each file's inode under `dir`: a file renamed into place gets a new one, so the files a
/// deploy sent are those whose inode changed.
pub fn inodes(dir: &Path) -> BTreeMap<String, u64> {
    use std::os::unix::fs::MetadataExt;
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, e.metadata().unwrap().ino())
        })
        .filter(|(p, _)| p != REMOTE_MANIFEST)
        .collect()
}

/// The paths whose inode changed or that are new.
pub fn replaced(before: &BTreeMap<String, u64>, after: &BTreeMap<String, u64>) -> Vec<String> {
    after
        .iter()
        .filter(|(p, ino)| before.get(*p) != Some(ino))
        .map(|(p, _)| p.clone())
        .collect()
}
