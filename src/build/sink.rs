//! Where the pipeline's files go: the publishing [`output::Writer`] (`congbo build`), memory
//! (`build_in_memory`, for serve and the tests), or only their paths (`congbo check`, which
//! checks links against them and writes nothing). The render and output stages are the
//! same for all three; only the sink differs.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use crate::error::Diagnostic;
use crate::output;
use crate::output_file::OutputFile;

/// Takes the files the pipeline makes, from several threads at once.
pub trait Sink: Sync {
    /// Takes one file. A path put twice keeps the later file.
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic>;
    /// Whether a file was already put at this path.
    fn has(&self, path: &str) -> bool;
}

impl Sink for output::Writer {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        output::Writer::put(self, &file)
    }

    fn has(&self, path: &str) -> bool {
        output::Writer::has(self, path)
    }
}

fn lock_error() -> Diagnostic {
    Diagnostic::file("public", "an internal lock was poisoned")
}

/// Every file, kept in memory.
#[derive(Default)]
pub(super) struct Memory(Mutex<HashMap<String, OutputFile>>);

impl Memory {
    /// The files, sorted by path.
    pub(super) fn into_files(self) -> Result<Vec<OutputFile>, Diagnostic> {
        let mut files: Vec<OutputFile> = self
            .0
            .into_inner()
            .map_err(|_| lock_error())?
            .into_values()
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    }
}

impl Sink for Memory {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self.0
            .lock()
            .map_err(|_| lock_error())?
            .insert(file.path.clone(), file);
        Ok(())
    }

    fn has(&self, path: &str) -> bool {
        self.0.lock().is_ok_and(|m| m.contains_key(path))
    }
}

/// Only the paths of the files: what the link check needs, without the site in memory.
#[derive(Default)]
pub(super) struct Paths(Mutex<HashSet<String>>);

impl Sink for Paths {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self.0.lock().map_err(|_| lock_error())?.insert(file.path);
        Ok(())
    }

    fn has(&self, path: &str) -> bool {
        self.0.lock().is_ok_and(|s| s.contains(path))
    }
}

/// A sink that rewrites every internal URL of the HTML relative to its page
/// (`--relative-urls`) before handing the file on.
pub(super) struct Relative<'s> {
    pub(super) relative: Option<output::relative::Relative>,
    pub(super) sink: &'s dyn Sink,
}

impl Sink for Relative<'_> {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        match self.relative.as_ref().and_then(|r| r.apply(&file)) {
            Some(rewritten) => self.sink.put(rewritten),
            None => self.sink.put(file),
        }
    }

    fn has(&self, path: &str) -> bool {
        self.sink.has(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output_file::OutputData;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            data: OutputData::Bytes(text.as_bytes().to_vec()),
        }
    }

    #[test]
    fn memory_keeps_the_later_file_and_sorts_by_path() {
        let m = Memory::default();
        m.put(file("/b.html", "1")).unwrap();
        m.put(file("/a.html", "1")).unwrap();
        m.put(file("/b.html", "2")).unwrap();
        assert!(m.has("/a.html") && !m.has("/c.html"));
        let files = m.into_files().unwrap();
        let got: Vec<(&str, &[u8])> = files
            .iter()
            .map(|f| match &f.data {
                OutputData::Bytes(b) => (f.path.as_str(), b.as_slice()),
                OutputData::Copy(_) => (f.path.as_str(), &b"copy"[..]),
            })
            .collect();
        assert_eq!(got, vec![("/a.html", &b"1"[..]), ("/b.html", &b"2"[..])]);
    }

    #[test]
    fn paths_know_what_was_put() {
        let p = Paths::default();
        p.put(file("/a.html", "1")).unwrap();
        assert!(p.has("/a.html") && !p.has("/b.html"));
    }
}
