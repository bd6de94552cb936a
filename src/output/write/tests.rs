use super::*;

fn bytes(path: &str, text: &str) -> OutputFile {
    OutputFile {
        path: path.into(),
        data: OutputData::Bytes(text.as_bytes().to_vec()),
    }
}

/// A build always has a 404 page; the writer relies on it to recognise its own output.
fn built(mut files: Vec<OutputFile>) -> Vec<OutputFile> {
    files.push(bytes("/404.html", "404"));
    files
}

fn read(out: &Path, p: &str) -> String {
    std::fs::read_to_string(out.join(p)).unwrap()
}

#[test]
fn first_write_then_only_changes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let r = write(
        &out,
        &built(vec![
            bytes("/a/index.html", "A"),
            bytes("/b/index.html", "B"),
        ]),
        false,
    )
    .unwrap();
    assert_eq!(
        r,
        WriteReport {
            written: 3,
            unchanged: 0,
            removed: 0
        }
    );
    let r = write(
        &out,
        &built(vec![
            bytes("/a/index.html", "A"),
            bytes("/b/index.html", "B"),
        ]),
        false,
    )
    .unwrap();
    assert_eq!(
        r,
        WriteReport {
            written: 0,
            unchanged: 3,
            removed: 0
        },
        "nothing changed, nothing written"
    );
    let r = write(
        &out,
        &built(vec![
            bytes("/a/index.html", "A2"),
            bytes("/c/index.html", "C"),
        ]),
        false,
    )
    .unwrap();
    assert_eq!(
        r,
        WriteReport {
            written: 2,
            unchanged: 1,
            removed: 1
        }
    );
    assert_eq!(read(&out, "a/index.html"), "A2");
    assert_eq!(read(&out, "c/index.html"), "C");
    assert!(
        !out.join("b").exists(),
        "a stale file and its emptied folder are gone"
    );
    for leftover in [
        "public.congbo-new",
        "public.congbo-old",
        "public.congbo-journal",
    ] {
        assert!(!dir.path().join(leftover).exists(), "{leftover}");
    }
}

#[test]
fn unchanged_files_are_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write(&out, &built(vec![bytes("/a.html", "A")]), false).unwrap();
    let before = std::fs::metadata(out.join("a.html"))
        .unwrap()
        .modified()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    write(
        &out,
        &built(vec![bytes("/a.html", "A"), bytes("/b.html", "B")]),
        false,
    )
    .unwrap();
    assert_eq!(
        std::fs::metadata(out.join("a.html"))
            .unwrap()
            .modified()
            .unwrap(),
        before
    );
}

/// Simulates a build killed half-way through the swap, then checks the next write first
/// restores exactly the previous output.
#[test]
fn a_swap_killed_half_way_is_rolled_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write(
        &out,
        &built(vec![
            bytes("/keep.html", "K"),
            bytes("/change.html", "old"),
            bytes("/gone.html", "G"),
        ]),
        false,
    )
    .unwrap();
    let places = Places::new(&out);
    // The killed build: it staged a change and an addition, wrote its journal, backed up
    // both old files, moved the changed file in, then died before adding `new.html`.
    std::fs::write(&places.journal, "~change.html\n+new.html\n-gone.html\n").unwrap();
    std::fs::create_dir_all(&places.backup).unwrap();
    std::fs::rename(out.join("change.html"), places.backup.join("change.html")).unwrap();
    std::fs::rename(out.join("gone.html"), places.backup.join("gone.html")).unwrap();
    std::fs::write(out.join("change.html"), "new").unwrap();
    std::fs::create_dir_all(&places.staging).unwrap();
    std::fs::write(places.staging.join("new.html"), "N").unwrap();

    legacy::recover(&places).unwrap();
    assert_eq!(read(&out, "keep.html"), "K");
    assert_eq!(read(&out, "change.html"), "old");
    assert_eq!(read(&out, "gone.html"), "G");
    assert!(!out.join("new.html").exists());
    assert!(!places.journal.exists() && !places.backup.exists() && !places.staging.exists());
}

#[test]
fn a_swap_killed_after_moving_the_404_page_is_still_recognised_and_rolled_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write(&out, &built(vec![bytes("/a.html", "A")]), false).unwrap();
    let places = Places::new(&out);
    // Killed after backing up both changed files, `404.html` among them: the folder no
    // longer looks like a build until the swap is rolled back.
    std::fs::write(&places.journal, "~404.html\n~a.html\n").unwrap();
    std::fs::create_dir_all(&places.backup).unwrap();
    std::fs::rename(out.join("404.html"), places.backup.join("404.html")).unwrap();
    std::fs::rename(out.join("a.html"), places.backup.join("a.html")).unwrap();
    std::fs::write(out.join("a.html"), "new").unwrap();
    let r = write(&out, &built(vec![bytes("/a.html", "A")]), false).unwrap();
    assert_eq!(r.written, 0);
    assert_eq!(read(&out, "404.html"), "404");
    assert_eq!(read(&out, "a.html"), "A");
}

#[test]
fn a_rollback_removes_added_files_and_their_new_folders() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write(
        &out,
        &built(vec![bytes("/tin-tuc/a/index.html", "A")]),
        false,
    )
    .unwrap();
    let places = Places::new(&out);
    // Killed after moving in a page at a new folder.
    std::fs::write(&places.journal, "+thong-bao/moi/index.html\n").unwrap();
    std::fs::create_dir_all(out.join("thong-bao/moi")).unwrap();
    std::fs::write(out.join("thong-bao/moi/index.html"), "N").unwrap();
    legacy::recover(&places).unwrap();
    assert!(!out.join("thong-bao").exists(), "an empty folder is left");
    assert_eq!(read(&out, "tin-tuc/a/index.html"), "A");
}

#[test]
fn a_journal_cut_short_by_a_kill_is_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write(
        &out,
        &built(vec![bytes("/tin-tuc/a/index.html", "A")]),
        false,
    )
    .unwrap();
    let places = Places::new(&out);
    // Killed while writing the journal: `+tin-tuc/moi/index.html` cut to `+tin-tuc`, the
    // name of a folder the output has. It must not stop every later build.
    std::fs::write(&places.journal_part, "+tin-tuc").unwrap();
    let r = write(
        &out,
        &built(vec![bytes("/tin-tuc/a/index.html", "A")]),
        false,
    )
    .unwrap();
    assert_eq!(r.written, 0);
    assert!(!places.journal_part.exists());
    // Even a cut journal under the final name (as older versions wrote it) is harmless.
    std::fs::write(&places.journal, "+tin-tuc").unwrap();
    write(
        &out,
        &built(vec![bytes("/tin-tuc/a/index.html", "A")]),
        false,
    )
    .unwrap();
    assert_eq!(read(&out, "tin-tuc/a/index.html"), "A");
}

#[test]
fn a_kill_before_the_swap_leaves_output_alone() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write(&out, &built(vec![bytes("/a.html", "A")]), false).unwrap();
    let places = Places::new(&out);
    // Killed while staging: no journal yet.
    std::fs::create_dir_all(&places.staging).unwrap();
    std::fs::write(places.staging.join("a.html"), "half").unwrap();
    let r = write(&out, &built(vec![bytes("/a.html", "A")]), false).unwrap();
    assert_eq!(r.written, 0);
    assert_eq!(read(&out, "a.html"), "A");
    assert!(!places.staging.exists());
}

#[test]
fn copies_compare_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("anh.jpg");
    std::fs::write(&src, "img1").unwrap();
    let out = dir.path().join("public");
    let copy = || OutputFile {
        path: "/anh.jpg".into(),
        data: OutputData::Copy(src.clone()),
    };
    write(&out, &built(vec![copy()]), false).unwrap();
    assert_eq!(write(&out, &built(vec![copy()]), false).unwrap().written, 0);
    std::fs::write(&src, "img2").unwrap();
    assert_eq!(write(&out, &built(vec![copy()]), false).unwrap().written, 1);
    assert_eq!(read(&out, "anh.jpg"), "img2");
}

#[test]
fn folders_of_other_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    // The site itself, e.g. `--output-dir .`.
    std::fs::write(dir.path().join("site.toml"), "title = \"x\"").unwrap();
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    assert!(write(dir.path(), &[bytes("/a.html", "A")], false).is_err());
    assert!(dir.path().join("site.toml").exists(), "nothing was removed");
    // Someone's documents.
    let docs = dir.path().join("tai-lieu");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("bao-cao.docx"), "x").unwrap();
    let err = write(&docs, &[bytes("/a.html", "A")], false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("output folder"), "{err}");
    assert!(docs.join("bao-cao.docx").exists());
    // An empty folder and an earlier build are fine.
    let empty = dir.path().join("trong");
    std::fs::create_dir_all(&empty).unwrap();
    write(&empty, &[bytes("/404.html", "x")], false).unwrap();
    write(&empty, &[bytes("/404.html", "y")], false).unwrap();
}

#[cfg(unix)]
fn inode(p: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::symlink_metadata(p).unwrap().ino()
}

/// After a change the spare holds the previous build whole, sharing the files the two
/// builds have in common: nothing was written into a file the live site uses.
#[cfg(unix)]
#[test]
fn the_spare_keeps_the_previous_build_and_shares_unchanged_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let places = Places::new(&out);
    let site = |a: &str| built(vec![bytes("/a.html", a), bytes("/b/index.html", "B")]);
    write(&out, &site("A1"), false).unwrap();
    write(&out, &site("A2"), false).unwrap();
    assert_eq!(read(&out, "a.html"), "A2");
    assert_eq!(read(&places.spare, "a.html"), "A1", "the previous build");
    assert_eq!(
        inode(&out.join("b/index.html")),
        inode(&places.spare.join("b/index.html")),
        "one file for both"
    );
    // The next change replaces the spare's links, never the file both trees share.
    let r = write(
        &out,
        &built(vec![bytes("/a.html", "A3"), bytes("/b/index.html", "B3")]),
        false,
    )
    .unwrap();
    assert_eq!(r.written, 2);
    assert_eq!(read(&places.spare, "b/index.html"), "B");
    assert_eq!(read(&places.spare, "a.html"), "A2");
    assert_eq!(read(&out, "b/index.html"), "B3");
}

/// An unchanged rebuild does not exchange the trees: the live folder is the same folder.
#[cfg(unix)]
#[test]
fn an_unchanged_rebuild_touches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let site = || built(vec![bytes("/a.html", "A")]);
    write(&out, &site(), false).unwrap();
    write(&out, &built(vec![bytes("/a.html", "A0")]), false).unwrap();
    write(&out, &site(), false).unwrap();
    let (folder, file) = (inode(&out), inode(&out.join("a.html")));
    let r = write(&out, &site(), false).unwrap();
    assert_eq!((r.written, r.removed), (0, 0));
    assert_eq!((inode(&out), inode(&out.join("a.html"))), (folder, file));
}

/// A build killed while bringing the spare up to date leaves it with anything: stray
/// files, files where folders go, old versions, temporary files. The next build copes.
#[test]
fn a_half_synced_spare_is_brought_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let places = Places::new(&out);
    let first = built(vec![
        bytes("/a.html", "A"),
        bytes("/b/index.html", "B"),
        bytes("/c.html", "C"),
    ]);
    write(&out, &first, false).unwrap();
    std::fs::create_dir_all(&places.spare).unwrap();
    std::fs::write(places.spare.join("b"), "a file where a folder goes").unwrap();
    std::fs::create_dir_all(places.spare.join("c.html/x")).unwrap();
    std::fs::write(places.spare.join("a.html"), "half").unwrap();
    std::fs::write(places.spare.join(".congbo-tmp-1-1"), "temp").unwrap();
    std::fs::write(places.spare.join("stray.html"), "S").unwrap();
    let r = write(
        &out,
        &built(vec![
            bytes("/a.html", "A"),
            bytes("/b/index.html", "B"),
            bytes("/c.html", "C2"),
        ]),
        false,
    )
    .unwrap();
    assert_eq!((r.written, r.unchanged), (1, 3));
    let mut files = owner::live_files(&out);
    files.sort();
    assert_eq!(files, ["404.html", "a.html", "b/index.html", "c.html"]);
    assert_eq!(read(&out, "a.html"), "A");
    assert_eq!(read(&out, "c.html"), "C2");
    assert!(out.join(owner::MANIFEST).is_file());
}

/// An older version's journal beside a site this version already exchanged is still
/// rolled back, the previous build kept.
#[test]
fn an_older_versions_killed_swap_is_still_rolled_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write(&out, &built(vec![bytes("/a.html", "A")]), false).unwrap();
    let places = Places::new(&out);
    std::fs::write(&places.journal, "~a.html\n").unwrap();
    std::fs::create_dir_all(&places.backup).unwrap();
    std::fs::rename(out.join("a.html"), places.backup.join("a.html")).unwrap();
    let r = write(&out, &built(vec![bytes("/a.html", "A")]), false).unwrap();
    assert_eq!(r.written, 0);
    assert_eq!(read(&out, "a.html"), "A");
    assert!(!places.journal.exists() && !places.backup.exists());
}
