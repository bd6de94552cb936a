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
    write(&out, &built(vec![bytes("/a.html", "A")])).unwrap();
    let before = std::fs::metadata(out.join("a.html"))
        .unwrap()
        .modified()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    write(
        &out,
        &built(vec![bytes("/a.html", "A"), bytes("/b.html", "B")]),
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

    recover(&places).unwrap();
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
    write(&out, &built(vec![bytes("/a.html", "A")])).unwrap();
    let places = Places::new(&out);
    // Killed after backing up both changed files, `404.html` among them: the folder no
    // longer looks like a build until the swap is rolled back.
    std::fs::write(&places.journal, "~404.html\n~a.html\n").unwrap();
    std::fs::create_dir_all(&places.backup).unwrap();
    std::fs::rename(out.join("404.html"), places.backup.join("404.html")).unwrap();
    std::fs::rename(out.join("a.html"), places.backup.join("a.html")).unwrap();
    std::fs::write(out.join("a.html"), "new").unwrap();
    let r = write(&out, &built(vec![bytes("/a.html", "A")])).unwrap();
    assert_eq!(r.written, 0);
    assert_eq!(read(&out, "404.html"), "404");
    assert_eq!(read(&out, "a.html"), "A");
}

#[test]
fn a_rollback_removes_added_files_and_their_new_folders() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write(&out, &built(vec![bytes("/tin-tuc/a/index.html", "A")])).unwrap();
    let places = Places::new(&out);
    // Killed after moving in a page at a new folder.
    std::fs::write(&places.journal, "+thong-bao/moi/index.html\n").unwrap();
    std::fs::create_dir_all(out.join("thong-bao/moi")).unwrap();
    std::fs::write(out.join("thong-bao/moi/index.html"), "N").unwrap();
    recover(&places).unwrap();
    assert!(!out.join("thong-bao").exists(), "an empty folder is left");
    assert_eq!(read(&out, "tin-tuc/a/index.html"), "A");
}

#[test]
fn a_journal_cut_short_by_a_kill_is_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write(&out, &built(vec![bytes("/tin-tuc/a/index.html", "A")])).unwrap();
    let places = Places::new(&out);
    // Killed while writing the journal: `+tin-tuc/moi/index.html` cut to `+tin-tuc`, the
    // name of a folder the output has. It must not stop every later build.
    std::fs::write(&places.journal_part, "+tin-tuc").unwrap();
    let r = write(&out, &built(vec![bytes("/tin-tuc/a/index.html", "A")])).unwrap();
    assert_eq!(r.written, 0);
    assert!(!places.journal_part.exists());
    // Even a cut journal under the final name (as older versions wrote it) is harmless.
    std::fs::write(&places.journal, "+tin-tuc").unwrap();
    write(&out, &built(vec![bytes("/tin-tuc/a/index.html", "A")])).unwrap();
    assert_eq!(read(&out, "tin-tuc/a/index.html"), "A");
}

#[test]
fn a_kill_before_the_swap_leaves_output_alone() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    write(&out, &built(vec![bytes("/a.html", "A")])).unwrap();
    let places = Places::new(&out);
    // Killed while staging: no journal yet.
    std::fs::create_dir_all(&places.staging).unwrap();
    std::fs::write(places.staging.join("a.html"), "half").unwrap();
    let r = write(&out, &built(vec![bytes("/a.html", "A")])).unwrap();
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
    write(&out, &built(vec![copy()])).unwrap();
    assert_eq!(write(&out, &built(vec![copy()])).unwrap().written, 0);
    std::fs::write(&src, "img2").unwrap();
    assert_eq!(write(&out, &built(vec![copy()])).unwrap().written, 1);
    assert_eq!(read(&out, "anh.jpg"), "img2");
}

#[test]
fn folders_of_other_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    // The site itself, e.g. `--output-dir .`.
    std::fs::write(dir.path().join("site.toml"), "title = \"x\"").unwrap();
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    assert!(write(dir.path(), &[bytes("/a.html", "A")]).is_err());
    assert!(dir.path().join("site.toml").exists(), "nothing was removed");
    // Someone's documents.
    let docs = dir.path().join("tai-lieu");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("bao-cao.docx"), "x").unwrap();
    let err = write(&docs, &[bytes("/a.html", "A")])
        .unwrap_err()
        .to_string();
    assert!(err.contains("output folder"), "{err}");
    assert!(docs.join("bao-cao.docx").exists());
    // An empty folder and an earlier build are fine.
    let empty = dir.path().join("trong");
    std::fs::create_dir_all(&empty).unwrap();
    write(&empty, &[bytes("/404.html", "x")]).unwrap();
    write(&empty, &[bytes("/404.html", "y")]).unwrap();
}
