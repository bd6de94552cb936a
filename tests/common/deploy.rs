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
/// A file renamed away between the listing and its reading (a deploy running) is left out.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            Some((rel, std::fs::read(e.path()).ok()?))
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

/// A new title for round `round`: it changes every page, so a deploy has many files to send.
fn retitle(site: &TestSite, round: usize) {
    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    let title = |r: usize| format!("xã Thử Nghiệm{}\"", " Mới".repeat(r));
    site.write("site.toml", &toml.replace(&title(round), &title(round + 1)));
    site.build_ok();
}

/// The proof of "never half-published" on a target whose files are in `web` (a folder of
/// this computer, or what an SFTP or FTP server writes): with the site deployed there, a
/// change to every page (round `round`) is deployed by a child `congbo deploy`, slowed to
/// 80 ms a file (each of its connections pausing that much times their number), killed once `fraction` of the changed files
/// have landed. Then every file there is the old one or the new one, at most the files in
/// flight (one a connection: the default four) lie under their temporary names, and the
/// next run sends only what the target's manifest does not record as landed and leaves the
/// target equal to `public/`, byte for byte, with no temporary file.
pub fn kill_and_resume(
    site: &TestSite,
    web: &Path,
    round: usize,
    fraction: f64,
    envs: &[(&str, &str)],
) {
    let old = tree(web);
    retitle(site, round);
    let new = public_tree(site);
    let changed = differing(&old, &new);
    assert!(changed.len() > 60, "{}", changed.len());
    let mut envs = envs.to_vec();
    // 80 ms a file in all: each of the connections pauses that much times their number.
    let pause = 80 * congbo::deploy::run::DEFAULT_JOBS;
    let pause = pause.to_string();
    envs.push(("CONGBO_DEPLOY_PAUSE_MS", &pause));
    let mut child = deploy_command(site, &["--yes", "--no-build"], &envs)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let goal = (changed.len() as f64 * fraction).ceil() as usize;
    loop {
        let landed = tree(web)
            .iter()
            .filter(|(p, b)| changed.contains(p) && new.get(*p) == Some(b))
            .count();
        if landed >= goal {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the deploy ended before {fraction}"
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(120),
            "too slow"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    // Every file of the site is whole: the old one or the new one.
    let now = tree(web);
    let (mut still_old, mut already_new) = (0, 0);
    for (p, bytes) in &now {
        if p.ends_with(".congbo-up") {
            continue;
        }
        let is_old = old.get(p) == Some(bytes);
        let is_new = new.get(p) == Some(bytes);
        assert!(
            is_old || is_new,
            "{p} is neither the old nor the new file ({fraction})"
        );
        if !is_new {
            still_old += 1;
        } else if changed.contains(p) {
            already_new += 1;
        }
    }
    assert!(
        still_old > 0 && already_new >= goal,
        "cut at {fraction}: {still_old} old, {already_new} new of {}",
        changed.len()
    );
    assert!(
        now.keys().filter(|p| p.ends_with(".congbo-up")).count()
            <= congbo::deploy::run::DEFAULT_JOBS,
        "at most the files being sent are half there"
    );

    // What the target's manifest recorded as landed (it is written every 2 s on the way).
    let text = std::fs::read(web.join(REMOTE_MANIFEST)).unwrap_or_default();
    let recorded = congbo::deploy::manifest::parse_remote(Some(&text)).unwrap_or_default();
    let recorded = changed
        .iter()
        .filter(|p| {
            let new_hash = new.get(*p).map(|b| congbo::deploy::manifest::hash(b));
            recorded.get(*p).map(|e| e.hash.clone()) == new_hash
        })
        .count();
    if fraction >= 0.5 {
        assert!(recorded > 0, "the manifest followed the files ({fraction})");
    }

    // The next run sends the rest only, and the target is the site.
    let o = run_deploy(site, &["--yes", "--no-build"], &envs[..envs.len() - 1]);
    assert!(o.status.success(), "{}", said(&o));
    assert_eq!(
        tree(web),
        new,
        "after the run that finished the one cut at {fraction}"
    );
    let out = String::from_utf8_lossy(&o.stdout);
    let sent: usize = out
        .split(" files sent")
        .next()
        .and_then(|s| s.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(
        sent,
        changed.len() - recorded,
        "resumed, not restarted: {out}"
    );
}
