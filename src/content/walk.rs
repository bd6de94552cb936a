//! Reads `content/` from disk: Markdown sources (decoded, normalised to NFC) and the other
//! files (images, PDFs, forms) that travel with them. The only part of the content stage
//! that touches the file system.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::error::{Diagnostic, Diagnostics};

/// A Markdown file's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the site root (`content/tin-tuc/abc.md`).
    pub rel: PathBuf,
    /// Text, UTF-8 and NFC, LF line ends.
    pub text: String,
    /// The line of the first NUL byte the file had (dropped on read), for a warning.
    pub nul_line: Option<usize>,
}

/// Any other file under `content/`.
#[derive(Clone, Debug)]
pub struct AssetFile {
    /// Where it is on disk.
    pub abs: PathBuf,
    /// Path relative to `content/`, with `/` separators.
    pub rel: String,
    /// Size in bytes.
    pub size: u64,
}

/// Everything under `content/`.
#[derive(Clone, Debug, Default)]
pub struct ContentFiles {
    /// Markdown files, in path order.
    pub sources: Vec<SourceFile>,
    /// Other files, in path order.
    pub assets: Vec<AssetFile>,
}

/// Whether a file name is an editor's temporary or hidden file that must never be published.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.starts_with(".#")
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.starts_with("~$")
        || name.eq_ignore_ascii_case("Thumbs.db")
        || name == "desktop.ini"
        // Emacs auto-save, JetBrains safe-write, Kate's swap file.
        || (name.len() > 2 && name.starts_with('#') && name.ends_with('#'))
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name.ends_with(".kate-swp")
        || is_vim_probe(name)
}

/// Vim checks that it may write in a folder by making and removing the file `4913` (the
/// next free of 4913, 5036, 5159 …) before every save: not a page, and not worth a line
/// in serve's log.
fn is_vim_probe(name: &str) -> bool {
    name.len() <= 5
        && name
            .parse::<u32>()
            .is_ok_and(|n| n >= 4913 && (n - 4913) % 123 == 0)
}

/// Reads every file under `root/content`.
pub fn read(root: &Path) -> Result<ContentFiles, Diagnostics> {
    let dir = root.join("content");
    if !dir.is_dir() {
        return Err(Diagnostic::file(
            "content",
            crate::tr!(
                en: "there is no content/ folder here: run congbo in the site's folder, or pass --root",
                vi: "không có thư mục content/ ở đây: hãy chạy congbo trong thư mục của trang, hoặc thêm --root",
            ),
        )
        .into());
    }
    let (files, walk_errors) = list_files(root);
    let mut errors = Diagnostics(walk_errors);
    let mut markdown = Vec::new();
    let mut assets = Vec::new();
    for path in files {
        if path.extension().is_some_and(|e| e == "md") {
            markdown.push(path);
        } else {
            let rel = asset_rel(&dir, &path);
            let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            assets.push(AssetFile {
                abs: path,
                rel,
                size,
            });
        }
    }
    let read: Vec<Result<SourceFile, Diagnostic>> = markdown
        .par_iter()
        .map(|path| {
            let rel = rel_to(root, path);
            read_source(path, rel)
        })
        .collect();
    let mut sources = Vec::with_capacity(read.len());
    for r in read {
        match r {
            Ok(s) => sources.push(s),
            Err(d) => errors.push(d),
        }
    }
    errors.into_result(ContentFiles { sources, assets })
}

/// Every file under `root/content` that may be published, in path order: editors'
/// temporary and hidden files are skipped; links are followed only while they stay inside
/// the site (one pointing elsewhere would publish files nobody meant to, and is an error).
/// Shared by `build` and `serve`, so both see the same files.
pub fn list_files(root: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let dir = root.join("content");
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let walker = WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let p = e.path().map_or_else(|| dir.clone(), Path::to_path_buf);
                errors.push(Diagnostic::file(
                    rel_to(root, &p),
                    crate::tr!(en: "could not read: {e}", vi: "không đọc được: {e}"),
                ));
                continue;
            }
        };
        let path = entry.path().to_path_buf();
        if entry.path_is_symlink() {
            match follow_link(root, &path) {
                Link::File => files.push(path),
                // Folder links are not walked into (their pages would be published twice,
                // or loop): an error, as a link outside the site is.
                other => errors.push(Diagnostic::file(rel_to(root, &path), other.why())),
            }
        } else if entry.file_type().is_file() {
            files.push(path);
        }
    }
    (files, errors)
}

/// Where a symbolic link (a Windows shortcut-like link) leads, as the build sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// A file inside the site folder: published like the file itself.
    File,
    /// A folder inside the site folder: not walked into.
    Folder,
    /// Something outside the site folder: never published.
    Outside,
    /// A link that leads back to itself (directly or through other links).
    Loop,
    /// A link to nothing.
    Broken,
}

impl Link {
    /// Plain words for a link that is not followed, and what to do instead.
    pub fn why(self) -> String {
        match self {
            Link::Loop => crate::tr!(
                en: "this link leads back to itself (a loop of links); delete it, or copy the real file here",
                vi: "lối tắt này vòng lại chính nó (một vòng lối tắt); hãy xoá nó, hoặc chép tệp thật vào đây",
            ),
            Link::Broken => crate::tr!(
                en: "this link points to a file that does not exist; delete it, or copy the real file here",
                vi: "lối tắt này trỏ đến một tệp không tồn tại; hãy xoá nó, hoặc chép tệp thật vào đây",
            ),
            Link::Folder => crate::tr!(
                en: "this is a link to a folder, which congbo does not follow; copy the folder here instead",
                vi: "đây là lối tắt đến một thư mục, congbo không đi theo; hãy chép hẳn thư mục vào đây",
            ),
            Link::File | Link::Outside => crate::tr!(
                en: "this is a link to a file outside the site folder; copy the file into the site instead",
                vi: "đây là lối tắt đến một tệp nằm ngoài thư mục của trang; hãy chép hẳn tệp đó vào trang",
            ),
        }
    }
}

/// Where the link at `path` leads: the one rule for links under `content/` and `static/`.
pub fn follow_link(root: &Path, path: &Path) -> Link {
    let target = match std::fs::canonicalize(path) {
        Ok(t) => t,
        Err(e) if is_loop(&e) => return Link::Loop,
        Err(_) => return Link::Broken,
    };
    let inside = std::fs::canonicalize(root).is_ok_and(|root| target.starts_with(root));
    match (inside, target.is_dir()) {
        (false, _) => Link::Outside,
        (true, true) => Link::Folder,
        (true, false) => Link::File,
    }
}

/// "Too many levels of symbolic links": ELOOP on Linux (40) and macOS (62),
/// ERROR_CANT_RESOLVE_FILENAME on Windows (1921).
fn is_loop(e: &std::io::Error) -> bool {
    let code = e.raw_os_error();
    if cfg!(windows) {
        code == Some(1921)
    } else if cfg!(target_os = "linux") {
        code == Some(40)
    } else {
        code == Some(62)
    }
}

/// A file's path relative to `content/`, with `/` separators (`tin-tuc/abc/anh.jpg`).
pub fn asset_rel(content_dir: &Path, path: &Path) -> String {
    path.strip_prefix(content_dir)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// A content file's path relative to `content/`, with `/` separators (`tin-tuc/abc.md`):
/// the name links (`@/tin-tuc/abc.md`) and translations (`abc.en.md`) know a file by.
pub fn content_rel(f: &Path) -> String {
    asset_rel(Path::new("content"), f)
}

/// A Markdown file's text: read, decoded (with a plain error for other encodings) and
/// normalised to NFC. `rel` names the file in errors.
pub fn read_text(path: &Path, rel: &Path) -> Result<String, Diagnostic> {
    read_source(path, rel.to_path_buf()).map(|s| s.text)
}

/// A Markdown file read as [`read_text`] reads it, with the line of its first NUL byte:
/// normalising drops NULs (they would reach the HTML and the open data), and the page
/// then warns there, since the text around a NUL from a broken copy may be damaged too.
pub fn read_source(path: &Path, rel: PathBuf) -> Result<SourceFile, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| Diagnostic::io(&rel, "read this file", &e))?;
    let nul_line =
        memchr::memchr(0, &bytes).map(|at| memchr::memchr_iter(b'\n', &bytes[..at]).count() + 1);
    let text = decode(bytes).map_err(|m| Diagnostic::file(&rel, m))?;
    Ok(SourceFile {
        rel,
        text: crate::text::normalize::nfc_owned(text),
        nul_line,
    })
}

/// A Markdown file typed rather than read (the browser editor's form), made as
/// [`read_source`] makes one from a file: NFC, NULs dropped and the first one's line kept.
pub fn typed_source(rel: PathBuf, text: &str) -> SourceFile {
    SourceFile {
        rel,
        text: crate::text::normalize::nfc_owned(text.to_string()),
        nul_line: text
            .find('\0')
            .map(|at| text[..at].matches('\n').count() + 1),
    }
}

/// A path relative to the site root.
pub fn rel_to(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Decodes a file's bytes as UTF-8 (a BOM is accepted), or says which encoding it seems to
/// be in and how to fix it.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    let bytes = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(crate::tr!(
            en: "this file is saved as UTF-16 (Word's \"Unicode\"); save it as UTF-8 instead (in Notepad: Save As → Encoding: UTF-8)",
            vi: "tệp này được lưu dạng UTF-16 (\"Unicode\" của Word); hãy lưu lại dạng UTF-8 (trong Notepad: Save As → Encoding: UTF-8)",
        ));
    }
    // SIMD validation costs a fraction of std's byte-by-byte validation on Vietnamese
    // text, where most characters are multi-byte; std still finds the place of an error.
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: simdutf8 has just validated these very bytes as UTF-8. (Copying them
        // into a new string instead cost a second buffer and a copy of every file.)
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1;
        crate::tr!(
            en: "this file is not UTF-8 (line {line} has bytes of another encoding, probably Windows-1258 or TCVN3 from an old editor); save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)",
            vi: "tệp này không phải UTF-8 (dòng {line} có byte của bảng mã khác, có lẽ Windows-1258 hoặc TCVN3 từ trình soạn thảo cũ); hãy lưu lại dạng UTF-8 (trong Notepad: Save As → Encoding: UTF-8)",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_accepts_bom_and_rejects_others() {
        assert_eq!(decode(b"\xEF\xBB\xBF+++".to_vec()).unwrap(), "+++");
        assert!(
            decode(vec![0xFF, 0xFE, b'+', 0])
                .unwrap_err()
                .contains("UTF-16")
        );
        let e = decode(b"ok\nH\xf2a".to_vec()).unwrap_err();
        assert!(e.contains("line 2") && e.contains("Windows-1258"), "{e}");
    }

    #[test]
    fn editor_temp_files_are_ignored() {
        for n in [
            "a.md~",
            ".#a.md",
            ".a.md.swp",
            "~$bao-cao.docx",
            ".git",
            "Thumbs.db",
            "4913",
            "5036",
            "#a.md#",
            "a.md___jb_tmp___",
            "a.md___jb_old___",
            "a.md.kate-swp",
        ] {
            assert!(is_ignored(n), "{n}");
        }
        for n in ["a.md", "anh.jpg", "index.md", "2024", "4914", "#", "#1"] {
            assert!(!is_ignored(n), "{n}");
        }
    }
}
