//! Files sent side by side ([`Remote::another`]): each phase lands whole before the next
//! begins, and a refused file stops the deploy before the next phase.

use super::*;

/// A target in memory reached by several connections ([`Remote::another`]): they share
/// its files and its log, and count the writes under way at once.
#[derive(Clone, Default)]
struct Shared {
    state: std::sync::Arc<std::sync::Mutex<SharedState>>,
}

#[derive(Default)]
struct SharedState {
    files: BTreeMap<String, Vec<u8>>,
    /// The files renamed into place, in order (the manifest left out).
    renamed: Vec<String>,
    connections: usize,
    writing: usize,
    most_writing: usize,
    /// A path whose upload fails for good.
    refuse: Option<String>,
}

impl Shared {
    fn state(&self) -> std::sync::MutexGuard<'_, SharedState> {
        self.state.lock().unwrap()
    }
}

impl Remote for Shared {
    fn name(&self) -> String {
        "shared".into()
    }
    fn read(&mut self, path: &str) -> Result<Option<Vec<u8>>, RemoteError> {
        Ok(self.state().files.get(path).cloned())
    }
    fn write(&mut self, path: &str, data: &[u8]) -> Result<(), RemoteError> {
        {
            let mut s = self.state();
            if s.refuse.as_deref().is_some_and(|r| path.starts_with(r)) {
                return Err(RemoteError::lasting("550 Permission denied."));
            }
            s.writing += 1;
            s.most_writing = s.most_writing.max(s.writing);
        }
        // Long enough for the other connections' writes to overlap this one.
        std::thread::sleep(Duration::from_millis(5));
        let mut s = self.state();
        s.writing -= 1;
        s.files.insert(path.into(), data.to_vec());
        Ok(())
    }
    fn rename(&mut self, from: &str, to: &str) -> Result<(), RemoteError> {
        let mut s = self.state();
        let data = (s.files.remove(from)).ok_or_else(|| RemoteError::lasting("no file"))?;
        s.files.insert(to.into(), data);
        if to != REMOTE_MANIFEST {
            s.renamed.push(to.into());
        }
        Ok(())
    }
    fn remove(&mut self, path: &str) -> Result<(), RemoteError> {
        self.state().files.remove(path);
        Ok(())
    }
    fn remove_empty_dir(&mut self, _path: &str) {}
    fn another(&self) -> Result<Box<dyn Remote>, RemoteError> {
        self.state().connections += 1;
        Ok(Box::new(self.clone()))
    }
}

/// A site of 12 images, 6 news pages and 2 lists; the target has an older version of the
/// pages and lists.
fn site_of_three_phases() -> (tempfile::TempDir, Files, Shared, Files) {
    let mut files: Vec<(String, String)> = Vec::new();
    for i in 0..12 {
        files.push((format!("anh/{i}.png"), format!("png {i}")));
    }
    for i in 0..6 {
        files.push((format!("tin-tuc/{i}.html"), format!("tin {i} v2")));
    }
    files.push(("index.html".into(), "home v2".into()));
    files.push(("tin-tuc/rss.xml".into(), "feed v2".into()));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = site(&refs);
    let paths: Vec<&str> = refs.iter().map(|(p, _)| *p).collect();
    let local = files_of(dir.path(), &paths);
    let remote = Shared::default();
    let mut there = Files::new();
    for (p, _) in refs.iter().filter(|(p, _)| !p.starts_with("anh/")) {
        let old = format!("{p} v1").into_bytes();
        let e = Entry {
            size: old.len() as u64,
            hash: manifest::hash(&old),
        };
        there.insert(p.to_string(), e);
        remote.state().files.insert(p.to_string(), old);
    }
    (dir, local, remote, there)
}

#[test]
fn files_sent_side_by_side_land_whole_and_each_phase_ends_before_the_next_begins() {
    let (dir, local, mut remote, there) = site_of_three_phases();
    let plan = Plan::new(&local, &there, &["index.html".into()]);
    let phase_of: BTreeMap<&str, crate::deploy::plan::Phase> = (plan.uploads.iter())
        .map(|u| (u.path.as_str(), u.phase))
        .collect();
    let pace = Pace { jobs: 4, ..quick() };
    let mut seen = Vec::new();
    let done = carry_out(&plan, dir.path(), &mut remote, there, pace, &mut |p| {
        seen.push(p)
    })
    .unwrap();
    assert_eq!(done.uploaded, 20);
    let s = remote.state();
    // Four connections besides the first, opened once for all the phases, and writes
    // did overlap.
    assert_eq!(s.connections, 4);
    assert!(s.most_writing > 1, "one write at a time");
    // Every file of a phase was in place before any file of the next.
    let phases: Vec<_> = s.renamed.iter().map(|p| phase_of[p.as_str()]).collect();
    assert_eq!(phases.len(), 20);
    assert!(phases.is_sorted(), "{:?}", s.renamed);
    // The target holds the site byte for byte, and its manifest says so.
    for (p, e) in &local {
        assert_eq!(manifest::hash(&s.files[p]), e.hash, "{p}");
    }
    let m = parse_remote(s.files.get(REMOTE_MANIFEST).map(Vec::as_slice)).unwrap();
    assert_eq!(m, local);
    assert!(!s.files.keys().any(|k| k.ends_with(UPLOADING)));
    // The progress line counted up, one file at a time, to the whole.
    let counts: Vec<usize> = seen.iter().map(|p| p.done).collect();
    assert_eq!(counts, (1..=20).collect::<Vec<_>>());
    assert_eq!(seen[19].bytes, plan.bytes());
}

#[test]
fn a_file_refused_among_files_sent_side_by_side_stops_the_deploy_before_the_next_phase() {
    let (dir, local, mut remote, there) = site_of_three_phases();
    remote.state().refuse = Some("anh/7.png".into());
    let plan = Plan::new(&local, &there, &["index.html".into()]);
    let pace = Pace { jobs: 3, ..quick() };
    let err = carry_out(&plan, dir.path(), &mut remote, there, pace, &mut |_| {}).unwrap_err();
    assert_eq!(
        err,
        Failure {
            path: "anh/7.png".into(),
            doing: "upload",
            reply: "550 Permission denied.".into()
        }
    );
    let s = remote.state();
    // No page of the later phases went, and what landed is in the manifest.
    assert!(
        s.renamed.iter().all(|p| p.starts_with("anh/")),
        "{:?}",
        s.renamed
    );
    let m = parse_remote(s.files.get(REMOTE_MANIFEST).map(Vec::as_slice)).unwrap();
    for p in &s.renamed {
        assert_eq!(m[p], local[p], "{p}");
    }
    assert_eq!(s.files["index.html"], b"index.html v1");
    assert_eq!(
        m["index.html"].hash, "",
        "claimed: the next deploy sends it"
    );
}
