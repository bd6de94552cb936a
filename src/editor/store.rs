//! Where the editor writes, and how: paths under `content/` made from checked segments
//! only, a hash of what the editor opened (to notice a file changed since), atomic writes,
//! the previous version kept (one git commit per save in a git repository, else a copy in
//! `.congbo/history/`), and one line per change in `.congbo/audit.log`.

use std::hash::Hasher;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::content::walk::is_ignored;
use crate::output_file::write_atomic;
use crate::text::date::Date;

/// A page file under `content/`, as `/`-separated segments, each checked: no empty, `.`
/// or `..` segment, no backslash, colon or control character, no hidden or temporary
/// name; `None` for anything else. `md` asks for a Markdown file name at the end.
pub fn checked_rel(raw: &str, md: bool) -> Option<String> {
    let raw = raw.trim_matches('/');
    let segments: Vec<&str> = raw.split('/').collect();
    let ok = |s: &&str| {
        !s.is_empty()
            && *s != "."
            && *s != ".."
            && !is_ignored(s)
            && !s.chars().any(|c| c.is_control() || matches!(c, '\\' | ':'))
    };
    if raw.is_empty() || !segments.iter().all(ok) {
        return None;
    }
    if md && !raw.ends_with(".md") {
        return None;
    }
    Some(raw.to_string())
}

/// The file of `rel` under the site's `content/`, when it stays there once links are
/// followed (a link inside `content/` pointing elsewhere is refused).
pub fn inside_content(root: &Path, rel: &str) -> Option<PathBuf> {
    let content = root.join("content").canonicalize().ok()?;
    let path = content.join(rel);
    // The deepest existing folder on the way decides where the file really is.
    let mut dir = path.parent()?.to_path_buf();
    while !dir.exists() {
        dir = dir.parent()?.to_path_buf();
    }
    let real = dir.canonicalize().ok()?;
    if !real.starts_with(&content) {
        return None;
    }
    if path.exists() {
        let real = path.canonicalize().ok()?;
        if !real.starts_with(&content) {
            return None;
        }
    }
    Some(path)
}

/// The hash of a file's bytes as the editor opened them; `""` for a file that does not
/// exist.
pub fn hash_of(bytes: Option<&[u8]>) -> String {
    let Some(bytes) = bytes else {
        return String::new();
    };
    let mut h = siphasher::sip128::SipHasher13::new_with_keys(0x636f_6e67_626f, 0x736f_616e);
    h.write(bytes);
    let v = siphasher::sip128::Hasher128::finish128(&h);
    format!("{:016x}{:016x}", v.h1, v.h2)
}

/// Writes a page: the previous version kept first, then the new text atomically, then the
/// change logged. `what` names the change in the log (`save`, `publish`, `create`).
pub fn save(root: &Path, rel: &str, file: &Path, text: &str, what: &str) -> std::io::Result<()> {
    save_as(root, rel, file, text, what, "local")
}

/// [`save`] by the account `who`, whom the commit and the log name.
pub fn save_as(
    root: &Path,
    rel: &str,
    file: &Path,
    text: &str,
    what: &str,
    who: &str,
) -> std::io::Result<()> {
    let old = std::fs::read(file).ok();
    let git = is_git(root);
    if git && old.is_some() && !committed(root, rel) {
        // Changed outside the editor since its last commit (or never committed): kept as
        // a version of its own before it is replaced.
        commit(root, rel, "keep", "congbo");
    }
    if let (Some(old), false) = (&old, git) {
        let dir = root.join(".congbo/history").join(rel);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(format!("{}.md", stamp_for_name())), old)?;
    }
    if let Some(parent) = file.parent() {
        std::fs::create_dir_all(parent)?;
    }
    write_atomic(file, text.as_bytes())?;
    record(root, rel, what, who)
}

/// Whether the site folder is a git repository (versions are then its commits).
pub fn is_git(root: &Path) -> bool {
    root.join(".git").exists()
}

/// Records a change of `content/<rel>` already made on disk (written, moved to the trash
/// or back): one commit in a git repository, and a line in the audit log.
pub fn record(root: &Path, rel: &str, what: &str, who: &str) -> std::io::Result<()> {
    if is_git(root) {
        commit(root, rel, what, who);
    }
    audit(root, rel, what, who)
}

/// Whether `content/<rel>` is as its last commit has it.
fn committed(root: &Path, rel: &str) -> bool {
    std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["status", "--porcelain", "--", &format!("content/{rel}")])
        .output()
        .is_ok_and(|o| o.status.success() && o.stdout.is_empty())
}

/// Logs a change by `who` that is no page's save (a file sent to a bundle): `rel` under
/// `content/`.
pub fn log(root: &Path, rel: &str, what: &str, who: &str) -> std::io::Result<()> {
    audit(root, rel, what, who)
}

/// Logs a login (`what`: `login`, `login-failed`, `logout`) of the account `who` from the
/// address `from`: when, who, what, from where, never a password. A name as typed at a
/// failed login is the sender's text: kept to one short line, so that it cannot forge
/// other lines of the log.
pub fn log_access(root: &Path, who: &str, what: &str, from: &str) -> std::io::Result<()> {
    let clean = |s: &str| -> String {
        s.chars()
            .take(64)
            .map(|c| if c.is_control() { '?' } else { c })
            .collect()
    };
    line(
        root,
        &format!("{}\t{}\t{what}\tfrom {}", stamp(), clean(who), clean(from)),
    )
}

/// One commit per save, of this file only; a repository that refuses (no user name set)
/// leaves the file saved and says so in the audit log's line.
fn commit(root: &Path, rel: &str, what: &str, who: &str) {
    let file = format!("content/{rel}");
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let message = format!("congbo soạn thảo: {what} {file} ({who})");
    let name = format!("user.name={who}");
    let email = format!("user.email={who}@congbo.localhost");
    // `-A`: a file moved to the trash is committed as deleted.
    let done = git(&["add", "-A", "--", &file])
        && git(&[
            "-c", &name, "-c", &email, "commit", "-q", "-m", &message, "--", &file,
        ]);
    if !done {
        let _ = audit(root, rel, "git-commit-failed", who);
    }
}

/// Adds a line to `.congbo/audit.log`: when (UTC), who (the account, or `local` without
/// accounts), what, which file.
fn audit(root: &Path, rel: &str, what: &str, who: &str) -> std::io::Result<()> {
    line(root, &format!("{}\t{who}\t{what}\tcontent/{rel}", stamp()))
}

/// Appends one line to `.congbo/audit.log`.
fn line(root: &Path, text: &str) -> std::io::Result<()> {
    let dir = root.join(".congbo");
    std::fs::create_dir_all(&dir)?;
    let mut log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("audit.log"))?;
    writeln!(log, "{text}")
}

fn now() -> (Date, u64, u32) {
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = since.as_secs();
    let day = Date::from_days_since_epoch(i64::try_from(secs / 86_400).unwrap_or(0));
    (day, secs % 86_400, since.subsec_nanos())
}

/// `2026-12-07T14:05:09Z`.
fn stamp() -> String {
    let (day, s, _) = now();
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        day.iso(),
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// `2026-12-07T140509.123456789Z`: sorts in time order, valid on Windows too.
pub fn stamp_for_name() -> String {
    let (day, s, nanos) = now();
    format!(
        "{}T{:02}{:02}{:02}.{nanos:09}Z",
        day.iso(),
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_segments_make_a_path() {
        assert_eq!(
            checked_rel("tin-tuc/mot.md", true).as_deref(),
            Some("tin-tuc/mot.md")
        );
        assert_eq!(checked_rel("tin-tuc", false).as_deref(), Some("tin-tuc"));
        for bad in [
            "../site.toml",
            "tin-tuc/../../x.md",
            "tin-tuc//x.md",
            "./x.md",
            "a\\..\\x.md",
            "C:/x.md",
            "tin-tuc/.an.md",
            "tin-tuc/x.md~",
            "tin-tuc/x.txt",
            "",
        ] {
            assert_eq!(checked_rel(bad, true), None, "{bad}");
        }
    }

    #[test]
    fn a_save_keeps_the_last_version_and_logs_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/tin-tuc")).unwrap();
        let file = inside_content(root, "tin-tuc/mot.md").unwrap();
        save(root, "tin-tuc/mot.md", &file, "một", "create").unwrap();
        save(root, "tin-tuc/mot.md", &file, "hai", "save").unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "hai");
        let kept: Vec<_> = std::fs::read_dir(root.join(".congbo/history/tin-tuc/mot.md"))
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        assert_eq!(kept, ["một"]);
        let log = std::fs::read_to_string(root.join(".congbo/audit.log")).unwrap();
        assert_eq!(log.lines().count(), 2);
        assert!(log.contains("\tsave\tcontent/tin-tuc/mot.md"), "{log}");
        assert_ne!(hash_of(Some(b"a")), hash_of(Some(b"b")));
        assert_eq!(hash_of(None), "");
    }

    #[test]
    fn in_a_git_repository_each_save_is_a_commit_of_that_file_only() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let git = |args: &[&str]| {
            std::process::Command::new("git")
                .arg("-C")
                .arg(root)
                .args(args)
                .output()
        };
        if git(&["init", "-q"]).is_err() {
            eprintln!("SKIPPED: git is not installed");
            return;
        }
        std::fs::create_dir_all(root.join("content/tin-tuc")).unwrap();
        std::fs::write(root.join("site.toml"), "title = \"x\"\n").unwrap();
        let file = inside_content(root, "tin-tuc/mot.md").unwrap();
        save(root, "tin-tuc/mot.md", &file, "một", "create").unwrap();
        save_as(root, "tin-tuc/mot.md", &file, "hai", "save", "lan").unwrap();
        let log = git(&["log", "--format=%an %s", "--name-only"]).unwrap();
        let log = String::from_utf8_lossy(&log.stdout).to_string();
        assert_eq!(log.matches("content/tin-tuc/mot.md").count(), 4, "{log}");
        assert!(log.contains("lan congbo soạn thảo: save"), "{log}");
        assert!(log.contains("local congbo soạn thảo: create"), "{log}");
        assert!(!log.contains("site.toml"), "{log}");
        assert!(!root.join(".congbo/history").exists());
        // A change made outside the editor is committed before the editor replaces it.
        std::fs::write(&file, "sửa tay").unwrap();
        save_as(root, "tin-tuc/mot.md", &file, "ba", "save", "lan").unwrap();
        let kept = git(&["show", "HEAD~1:content/tin-tuc/mot.md"]).unwrap();
        assert_eq!(String::from_utf8_lossy(&kept.stdout), "sửa tay");
        let log = std::fs::read_to_string(root.join(".congbo/audit.log")).unwrap();
        assert!(log.contains("\tlan\tsave\tcontent/tin-tuc/mot.md"), "{log}");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_content_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::os::unix::fs::symlink(root, root.join("content/ra-ngoai")).unwrap();
        assert!(inside_content(root, "ra-ngoai/site.md").is_none());
        assert!(inside_content(root, "tin-tuc/moi.md").is_some());
    }
}
