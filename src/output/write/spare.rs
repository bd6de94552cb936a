//! The spare tree beside the output folder (`public.congbo-spare`): a build brings it to the
//! new site, then exchanges it with `public/` in one atomic rename, so a web server serving
//! `public/` answers from the old site or the new one at every instant, never from half of
//! each or from nothing. Files the two sites share are hard links of one file, so the two
//! trees take about the disk of one site. The spare is congbo's alone: anything in the way
//! there is removed, and a spare a killed build left half done is simply brought up to date
//! by the next build. The live tree is never written into: a file of the spare may be a
//! link of a live file, so the spare's files are replaced by renaming over them, never
//! rewritten in place.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use walkdir::WalkDir;

use crate::error::Diagnostic;

static TEMP: AtomicUsize = AtomicUsize::new(0);

/// A name in `dir` no other file has, for a file being written.
fn temp_in(dir: &Path) -> PathBuf {
    let n = TEMP.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(".congbo-tmp-{}-{n}", std::process::id()))
}

/// Makes `dir` (inside the spare `root`) a folder, removing files in its way: they are the
/// spare's own, from an earlier build.
fn make_dir(root: &Path, dir: &Path) -> Result<(), Diagnostic> {
    if std::fs::create_dir_all(dir).is_ok() {
        return Ok(());
    }
    if let Ok(rel) = dir.strip_prefix(root) {
        let mut p = root.to_path_buf();
        for c in rel.components() {
            p.push(c);
            if std::fs::symlink_metadata(&p).is_ok_and(|m| !m.is_dir()) {
                let _ = std::fs::remove_file(&p);
            }
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| Diagnostic::io(dir, "create a folder", &e))
}

/// Puts a file at `to` inside the spare `root`: `fill` writes a new file under a temporary
/// name beside it, which is then renamed over `to`.
pub(super) fn place(
    root: &Path,
    to: &Path,
    fill: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<(), Diagnostic> {
    let parent = to.parent().unwrap_or(root);
    make_dir(root, parent)?;
    let tmp = temp_in(parent);
    let put = fill(&tmp).and_then(|()| {
        std::fs::rename(&tmp, to).or_else(|_| {
            // A folder where the file goes, left by an earlier build.
            let _ = std::fs::remove_dir_all(to);
            std::fs::rename(&tmp, to)
        })
    });
    put.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Diagnostic::io(to, "write", &e)
    })
}

/// Makes the spare's `to` the same file as the live `from` (a hard link, or a copy where
/// the filesystem has none), unless it already is.
pub(super) fn share(root: &Path, from: &Path, to: &Path) -> Result<(), Diagnostic> {
    if same_file(from, to) {
        return Ok(());
    }
    place(root, to, |tmp| {
        std::fs::hard_link(from, tmp).or_else(|_| std::fs::copy(from, tmp).map(|_| ()))
    })
}

#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::symlink_metadata(a), std::fs::symlink_metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Without inode numbers at hand, every shared file is linked again.
#[cfg(not(unix))]
fn same_file(_: &Path, _: &Path) -> bool {
    false
}

/// Removes from the spare every file the new site does not have (`wanted` takes
/// `a/b.html`), and the folders that leaves empty.
pub(super) fn prune(root: &Path, wanted: &(dyn Fn(&str) -> bool + Sync)) -> Result<(), Diagnostic> {
    for e in WalkDir::new(root)
        .min_depth(1)
        .contents_first(true)
        .into_iter()
        .filter_map(Result::ok)
    {
        let Ok(rel) = e.path().strip_prefix(root) else {
            continue;
        };
        if e.file_type().is_dir() {
            // Fails while the folder holds a file the site has, as it should.
            let _ = std::fs::remove_dir(e.path());
        } else if !wanted(&rel.to_string_lossy().replace('\\', "/")) {
            std::fs::remove_file(e.path()).map_err(|err| {
                Diagnostic::io(e.path(), "remove a file of an earlier build", &err)
            })?;
        }
    }
    Ok(())
}

/// Exchanges the spare and the live folder. On Linux one `renameat2(RENAME_EXCHANGE)`:
/// atomic, so a reader finds every path in the old site or in the new one. Where that is
/// missing (another system, a filesystem without it) two renames, with a moment between
/// them when `out` is missing: `out` goes to `swap`, the spare to `out`, then `swap` becomes
/// the spare. A build killed between them is repaired by [`recover_swap`].
pub(super) fn exchange(spare: &Path, out: &Path, swap: &Path) -> Result<(), Diagnostic> {
    match exchange_atomic(spare, out) {
        Ok(()) => return Ok(()),
        Err(e) if is_mount_point(&e) => {
            return Err(Diagnostic::file(
                out,
                crate::tr!(
                    en: "could not put the new site in place ({e}): this folder seems to be a disk of its own (a mount point),                          and congbo replaces the output folder as a whole; write into a folder inside it (--output-dir),                          or mount the folder above it instead",
                    vi: "không đặt được trang mới vào chỗ ({e}): thư mục này có vẻ là một ổ đĩa riêng (điểm gắn kết),                          mà congbo thay cả thư mục ghi trang; hãy ghi vào một thư mục bên trong nó (--output-dir),                          hoặc gắn kết thư mục bên trên nó",
                ),
            ));
        }
        Err(e) if !lacks_exchange(&e) => {
            return Err(Diagnostic::io(out, "put the output in place", &e));
        }
        Err(_) => {}
    }
    exchange_by_renames(spare, out, swap)
}

/// The exchange as two renames, not atomic: see [`exchange`].
fn exchange_by_renames(spare: &Path, out: &Path, swap: &Path) -> Result<(), Diagnostic> {
    std::fs::rename(out, swap).map_err(|e| Diagnostic::io(out, "put the output in place", &e))?;
    if let Err(e) = std::fs::rename(spare, out) {
        return Err(match std::fs::rename(swap, out) {
            Ok(()) => Diagnostic::io(out, "put the output in place", &e),
            Err(_) => Diagnostic::file(
                swap,
                crate::tr!(
                    en: "could not put the new site in place ({e}), nor the previous one back: it is in this folder; \
                         the next build puts it back, or rename it to {}",
                    vi: "không đặt được trang mới vào chỗ ({e}), cũng không đặt lại được trang cũ: nó nằm trong thư mục này; \
                         lần dựng sau sẽ đặt lại, hoặc hãy đổi tên nó thành {}",
                    out.display()
                ),
            ),
        });
    }
    // The previous site becomes the spare; if that fails, the next build does it.
    let _ = std::fs::rename(swap, spare);
    Ok(())
}

/// Repairs what a build killed in the middle of the two-rename exchange left: the previous
/// site goes back in place if the output folder is missing, else becomes the spare.
pub(super) fn recover_swap(spare: &Path, out: &Path, swap: &Path) -> Result<(), Diagnostic> {
    if !swap.exists() {
        return Ok(());
    }
    if !out.exists() {
        return std::fs::rename(swap, out)
            .map_err(|e| Diagnostic::io(out, "restore the previous output", &e));
    }
    if !spare.exists() && std::fs::rename(swap, spare).is_ok() {
        return Ok(());
    }
    std::fs::remove_dir_all(swap)
        .map_err(|e| Diagnostic::io(swap, "remove a file of an earlier build", &e))
}

/// Whether an exchange failed because the output folder is a mount point: it cannot be
/// renamed, and the spare beside it is on another filesystem.
fn is_mount_point(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        e.kind() == std::io::ErrorKind::CrossesDevices
            || e.kind() == std::io::ErrorKind::ResourceBusy
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// Whether an exchange failed only because the system or filesystem cannot do it.
fn lacks_exchange(e: &std::io::Error) -> bool {
    #[cfg(target_os = "linux")]
    {
        matches!(
            e.raw_os_error(),
            Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP)
        )
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = e;
        true
    }
}

#[cfg(target_os = "linux")]
fn exchange_atomic(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both paths are NUL-terminated strings that outlive the call, and
    // renameat2 reads nothing else. The raw syscall (not glibc's wrapper, which needs
    // glibc 2.28) also works with older C libraries; a kernel without it says ENOSYS.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange_atomic(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fallback_and_its_repair_keep_a_site_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let (spare, out, swap) = (
            dir.path().join("s"),
            dir.path().join("o"),
            dir.path().join("w"),
        );
        for (d, text) in [(&spare, "new"), (&out, "old")] {
            std::fs::create_dir_all(d).unwrap();
            std::fs::write(d.join("index.html"), text).unwrap();
        }
        // Killed after the first rename: the previous site goes back.
        std::fs::rename(&out, &swap).unwrap();
        recover_swap(&spare, &out, &swap).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "old"
        );
        // Killed after the second: the new site stays, the previous one is the spare.
        std::fs::rename(&out, &swap).unwrap();
        std::fs::rename(&spare, &out).unwrap();
        recover_swap(&spare, &out, &swap).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "new"
        );
        assert_eq!(
            std::fs::read_to_string(spare.join("index.html")).unwrap(),
            "old"
        );
        assert!(!swap.exists());
        exchange(&spare, &out, &swap).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "old"
        );
        assert_eq!(
            std::fs::read_to_string(spare.join("index.html")).unwrap(),
            "new"
        );
        // The fallback does the same, and leaves no folder of its own behind.
        exchange_by_renames(&spare, &out, &swap).unwrap();
        let read = |d: &Path| std::fs::read_to_string(d.join("index.html")).unwrap();
        assert_eq!((read(&out), read(&spare)), ("new".into(), "old".into()));
        assert!(!swap.exists());
    }

    #[test]
    fn placing_clears_the_spares_own_files_and_folders_in_the_way() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("a"), "file where a folder goes").unwrap();
        std::fs::create_dir_all(root.join("b/c")).unwrap();
        place(root, &root.join("a/x.html"), |t| std::fs::write(t, "x")).unwrap();
        place(root, &root.join("b"), |t| std::fs::write(t, "b")).unwrap();
        assert_eq!(std::fs::read_to_string(root.join("a/x.html")).unwrap(), "x");
        assert_eq!(std::fs::read_to_string(root.join("b")).unwrap(), "b");
        let names: Vec<_> = std::fs::read_dir(root.join("a")).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left");
    }
}
