//! The engine on a target in memory: order, temporary names, the manifest along the way,
//! retries, and a deploy cut off and resumed.

use std::collections::BTreeMap;

use super::*;
use crate::deploy::manifest::{self, parse_remote};

mod jobs;

/// A target in memory that logs what it is asked, and fails as told.
#[derive(Default)]
struct Memory {
    files: BTreeMap<String, Vec<u8>>,
    log: Vec<String>,
    /// Transient failures still to give, on any operation.
    flaky: usize,
    /// The operation (`rename a.html`) that fails for good, after this many operations.
    cut_after: Option<usize>,
}

impl Memory {
    fn op(&mut self, what: String) -> Result<(), RemoteError> {
        if self.flaky > 0 {
            self.flaky -= 1;
            return Err(RemoteError::transient("connection reset"));
        }
        if self.cut_after == Some(self.log.len()) {
            return Err(RemoteError::lasting("permission denied"));
        }
        self.log.push(what);
        Ok(())
    }

    fn manifest(&self) -> Files {
        parse_remote(self.files.get(REMOTE_MANIFEST).map(Vec::as_slice)).unwrap()
    }
}

impl Remote for Memory {
    fn name(&self) -> String {
        "memory".into()
    }
    fn read(&mut self, path: &str) -> Result<Option<Vec<u8>>, RemoteError> {
        Ok(self.files.get(path).cloned())
    }
    fn write(&mut self, path: &str, data: &[u8]) -> Result<(), RemoteError> {
        self.op(format!("write {path}"))?;
        self.files.insert(path.into(), data.to_vec());
        Ok(())
    }
    fn rename(&mut self, from: &str, to: &str) -> Result<(), RemoteError> {
        self.op(format!("rename {to}"))?;
        let data = self
            .files
            .remove(from)
            .ok_or_else(|| RemoteError::lasting("no file"))?;
        self.files.insert(to.into(), data);
        Ok(())
    }
    fn remove(&mut self, path: &str) -> Result<(), RemoteError> {
        self.op(format!("remove {path}"))?;
        self.files.remove(path);
        Ok(())
    }
    fn remove_empty_dir(&mut self, path: &str) {
        self.log.push(format!("rmdir {path}"));
    }
    fn another(&self) -> Result<Box<dyn Remote>, RemoteError> {
        // One connection only: the files go one after another on it.
        Err(RemoteError::lasting("421 Too many connections"))
    }
}

fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (p, text) in files {
        let f = dir.path().join(p);
        std::fs::create_dir_all(f.parent().unwrap()).unwrap();
        std::fs::write(f, text).unwrap();
    }
    dir
}

fn files_of(dir: &Path, paths: &[&str]) -> Files {
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(dir.join(p)).unwrap();
            let e = Entry {
                size: bytes.len() as u64,
                hash: manifest::hash(&bytes),
            };
            (p.to_string(), e)
        })
        .collect()
}

fn quick() -> Pace {
    Pace {
        first_wait: Duration::from_millis(1),
        // Every landing file is written into the manifest at once.
        manifest_every: Duration::ZERO,
        manifest_share: 0,
        ..Pace::default()
    }
}

const PATHS: [&str; 3] = ["index.html", "tin-tuc/a.html", "css/x.css"];

#[test]
fn files_land_through_temporary_names_in_plan_order_and_the_manifest_follows() {
    let dir = site(&[
        ("index.html", "home"),
        ("tin-tuc/a.html", "a"),
        ("css/x.css", "css"),
    ]);
    let local = files_of(dir.path(), &PATHS);
    let mut remote = Memory::default();
    // An old file of congbo's, and one of someone else's.
    remote.files.insert("old/gone.html".into(), b"old".to_vec());
    remote
        .files
        .insert("ghi-chu.txt".into(), b"not ours".to_vec());
    let mut before = Files::new();
    before.insert(
        "old/gone.html".into(),
        Entry {
            size: 3,
            hash: manifest::hash(b"old"),
        },
    );
    remote
        .files
        .insert(REMOTE_MANIFEST.into(), manifest::remote_text(&before));
    let plan = Plan::new(&local, &before, &["index.html".into()]);
    let mut seen = Vec::new();
    let done = carry_out(&plan, dir.path(), &mut remote, before, quick(), &mut |p| {
        seen.push(p)
    })
    .unwrap();
    assert_eq!(
        done,
        Done {
            uploaded: 3,
            removed: 1,
            bytes: 8
        }
    );
    let m = format!("{REMOTE_MANIFEST}{UPLOADING}");
    let manifest_write = [format!("write {m}"), format!("rename {REMOTE_MANIFEST}")];
    let mut expected: Vec<String> = manifest_write.to_vec();
    for p in ["css/x.css", "tin-tuc/a.html", "index.html"] {
        expected.push(format!("write {p}{UPLOADING}"));
        expected.push(format!("rename {p}"));
        expected.extend(manifest_write.iter().cloned());
    }
    expected.push("remove old/gone.html".into());
    expected.push(format!("remove old/gone.html{UPLOADING}"));
    expected.push("rmdir old".into());
    expected.extend(manifest_write.iter().cloned());
    assert_eq!(remote.log, expected);
    // The target holds the site, the manifest says so, and the other file is kept.
    assert_eq!(remote.manifest(), local);
    assert_eq!(remote.files["tin-tuc/a.html"], b"a");
    assert_eq!(remote.files["ghi-chu.txt"], b"not ours");
    assert!(!remote.files.contains_key("old/gone.html"));
    assert_eq!(seen.len(), 4);
    assert_eq!(
        seen[3],
        Progressed {
            done: 4,
            total: 4,
            bytes: 8,
            total_bytes: 8
        }
    );
}

#[test]
fn a_deploy_cut_off_resumes_from_the_manifest_and_sends_only_the_rest() {
    let dir = site(&[
        ("index.html", "home"),
        ("tin-tuc/a.html", "a"),
        ("css/x.css", "css"),
    ]);
    let local = files_of(dir.path(), &PATHS);
    // Cut at the rename of the second file: the claim (2 operations) and the first file
    // with its manifest (4) went through.
    let mut remote = Memory {
        cut_after: Some(2 + 4 + 1),
        ..Memory::default()
    };
    let plan = Plan::new(&local, &Files::new(), &["index.html".into()]);
    let err = carry_out(
        &plan,
        dir.path(),
        &mut remote,
        Files::new(),
        quick(),
        &mut |_| {},
    )
    .unwrap_err();
    assert_eq!(
        err,
        Failure {
            path: "tin-tuc/a.html".into(),
            doing: "rename",
            reply: "permission denied".into()
        }
    );
    // What landed is in the manifest; what did not is claimed with no hash, so it is
    // congbo's but counts as not sent.
    let partial = remote.manifest();
    assert_eq!(partial["css/x.css"], local["css/x.css"]);
    assert_eq!(partial["tin-tuc/a.html"].hash, "");
    assert_eq!(partial["index.html"].hash, "");
    assert!(!remote.files.contains_key("index.html"), "never half sent");
    // The next run reads that manifest and sends the two others only.
    remote.cut_after = None;
    remote.log.clear();
    let plan = Plan::new(&local, &partial, &["index.html".into()]);
    let sent: Vec<&str> = plan.uploads.iter().map(|u| u.path.as_str()).collect();
    assert_eq!(sent, ["tin-tuc/a.html", "index.html"]);
    carry_out(
        &plan,
        dir.path(),
        &mut remote,
        partial,
        quick(),
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(remote.manifest(), local);
    assert_eq!(remote.files["index.html"], b"home");
    assert!(
        !remote.files.keys().any(|k| k.ends_with(UPLOADING)),
        "no temporary file is left: {:?}",
        remote.files.keys()
    );
}

#[test]
fn a_file_left_half_sent_by_a_killed_deploy_goes_with_its_page() {
    // A deploy was killed while sending b.html (claimed in the manifest, no hash; its
    // temporary file half there); then b.html left the site.
    let dir = site(&[("index.html", "home")]);
    let local = files_of(dir.path(), &["index.html"]);
    let mut there = local.clone();
    there.insert(
        "tin/b.html".into(),
        Entry {
            size: 0,
            hash: String::new(),
        },
    );
    let mut remote = Memory::default();
    remote.files.insert("index.html".into(), b"home".to_vec());
    let leftover = format!("tin/b.html{UPLOADING}");
    remote.files.insert(leftover.clone(), b"<htm".to_vec());
    remote
        .files
        .insert(REMOTE_MANIFEST.into(), manifest::remote_text(&there));
    let plan = Plan::new(&local, &there, &[]);
    assert_eq!(plan.removals, ["tin/b.html"]);
    carry_out(&plan, dir.path(), &mut remote, there, quick(), &mut |_| {}).unwrap();
    assert!(!remote.files.contains_key(&leftover), "{:?}", remote.files);
    assert_eq!(remote.manifest(), local);
}

#[test]
fn transient_errors_are_tried_again_and_lasting_ones_named() {
    let dir = site(&[("index.html", "home")]);
    let local = files_of(dir.path(), &["index.html"]);
    let plan = Plan::new(&local, &Files::new(), &[]);
    let mut remote = Memory {
        flaky: 3,
        ..Memory::default()
    };
    carry_out(
        &plan,
        dir.path(),
        &mut remote,
        Files::new(),
        quick(),
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(remote.files["index.html"], b"home");
    // More failures than attempts: the deploy stops with the server's words.
    let mut remote = Memory {
        flaky: 100,
        ..Memory::default()
    };
    let err = carry_out(
        &plan,
        dir.path(),
        &mut remote,
        Files::new(),
        quick(),
        &mut |_| {},
    )
    .unwrap_err();
    assert_eq!(err.reply, "connection reset");
    assert_eq!(err.path, REMOTE_MANIFEST);
}

#[test]
fn a_temporary_file_left_by_a_killed_upload_goes_even_when_its_change_is_undone() {
    // A deploy of a changed a.html is cut off while a.html is on its way: its temporary
    // file stays.
    let dir = site(&[("a.html", "a v2")]);
    let v2 = files_of(dir.path(), &["a.html"]);
    let mut there = Files::new();
    there.insert(
        "a.html".into(),
        Entry {
            size: 4,
            hash: manifest::hash(b"a v1"),
        },
    );
    let mut remote = Memory {
        // The claim (2 operations), then the temporary file; its rename fails.
        cut_after: Some(3),
        ..Memory::default()
    };
    remote.files.insert("a.html".into(), b"a v1".to_vec());
    remote
        .files
        .insert(REMOTE_MANIFEST.into(), manifest::remote_text(&there));
    let plan = Plan::new(&v2, &there, &[]);
    let pace = Pace { jobs: 1, ..quick() };
    carry_out(&plan, dir.path(), &mut remote, there, pace, &mut |_| {}).unwrap_err();
    let tmp = format!("a.html{UPLOADING}");
    assert!(remote.files.contains_key(&tmp));
    // The editor undoes the change: the site is again what the target had.
    std::fs::write(dir.path().join("a.html"), "a v1").unwrap();
    let v1 = files_of(dir.path(), &["a.html"]);
    remote.cut_after = None;
    let there = remote.manifest();
    let plan = Plan::new(&v1, &there, &[]);
    carry_out(&plan, dir.path(), &mut remote, there, pace, &mut |_| {}).unwrap();
    assert!(
        !remote.files.contains_key(&tmp),
        "{:?}",
        remote.files.keys()
    );
    assert_eq!(remote.files["a.html"], b"a v1");
    assert_eq!(remote.manifest(), v1);
}
