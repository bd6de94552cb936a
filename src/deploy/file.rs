//! `file:///path`: a folder of this computer, a local web root or a mounted share. A
//! rename within one folder replaces the old file in one step on every system congbo runs
//! on (POSIX `rename`, Windows `MoveFileEx` with replace).

use std::path::{Path, PathBuf};

use super::remote::{Remote, RemoteError};

/// A folder target.
pub struct Folder {
    root: PathBuf,
}

impl Folder {
    /// The target folder; it is made on the first write if missing.
    pub fn new(root: &Path) -> Folder {
        Folder {
            root: root.to_path_buf(),
        }
    }

    fn at(&self, path: &str) -> PathBuf {
        let mut p = self.root.clone();
        for part in path.split('/').filter(|s| !s.is_empty() && *s != "..") {
            p.push(part);
        }
        p
    }
}

impl Remote for Folder {
    fn name(&self) -> String {
        self.root.display().to_string()
    }

    fn read(&mut self, path: &str) -> Result<Option<Vec<u8>>, RemoteError> {
        match std::fs::read(self.at(path)) {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(RemoteError::io(&e)),
        }
    }

    fn write(&mut self, path: &str, data: &[u8]) -> Result<(), RemoteError> {
        let file = self.at(path);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent).map_err(|e| RemoteError::io(&e))?;
        }
        std::fs::write(&file, data).map_err(|e| RemoteError::io(&e))
    }

    fn rename(&mut self, from: &str, to: &str) -> Result<(), RemoteError> {
        std::fs::rename(self.at(from), self.at(to)).map_err(|e| RemoteError::io(&e))
    }

    fn remove(&mut self, path: &str) -> Result<(), RemoteError> {
        match std::fs::remove_file(self.at(path)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(RemoteError::io(&e)),
            _ => Ok(()),
        }
    }

    fn remove_empty_dir(&mut self, path: &str) {
        // Fails, as it should, on a folder that still holds something.
        let _ = std::fs::remove_dir(self.at(path));
    }

    fn another(&self) -> Result<Box<dyn Remote>, RemoteError> {
        Ok(Box::new(Folder::new(&self.root)))
    }
}
