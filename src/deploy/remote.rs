//! What a deploy needs of a target, whatever the protocol: read a file, write one, rename
//! one onto another, remove one. The engine ([`super::run`]) makes everything else of
//! these (temporary names, the manifest, the order, retries), so each protocol stays small
//! and the engine is tested without a network.

/// A failed operation on the target: the server's reply (or the system's), and whether
/// trying again may work (a dropped connection, a time-out) or not (no permission).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemoteError {
    /// What the server or the system said.
    pub message: String,
    /// Whether to try again.
    pub transient: bool,
}

impl RemoteError {
    /// An error trying again will not mend.
    pub fn lasting(message: impl Into<String>) -> Self {
        RemoteError {
            message: message.into(),
            transient: false,
        }
    }

    /// An error of the connection, which may be gone on the next try.
    pub fn transient(message: impl Into<String>) -> Self {
        RemoteError {
            message: message.into(),
            transient: true,
        }
    }

    /// A local I/O error (a mounted share), transient when it is the connection's kind.
    pub fn io(e: &std::io::Error) -> Self {
        use std::io::ErrorKind as K;
        let transient = matches!(
            e.kind(),
            K::TimedOut
                | K::Interrupted
                | K::ConnectionReset
                | K::ConnectionAborted
                | K::NotConnected
                | K::BrokenPipe
                | K::WouldBlock
                | K::UnexpectedEof
        );
        RemoteError {
            message: e.to_string(),
            transient,
        }
    }
}

/// A deploy target. Paths are site paths (`a/b.html`) under the target's folder. `Send`:
/// the connections of [`Remote::another`] each send files on a thread of their own.
pub trait Remote: Send {
    /// The target as the messages name it (`sftp://xa@host/var/www`).
    fn name(&self) -> String;
    /// A file's bytes; `None` when there is no such file.
    fn read(&mut self, path: &str) -> Result<Option<Vec<u8>>, RemoteError>;
    /// Writes a file whole, making its folders; replaces a file of that name.
    fn write(&mut self, path: &str, data: &[u8]) -> Result<(), RemoteError>;
    /// Renames `from` onto `to` in one step, replacing `to`: a reader sees the old file or
    /// the new one.
    fn rename(&mut self, from: &str, to: &str) -> Result<(), RemoteError>;
    /// Removes a file; a file already gone is no error.
    fn remove(&mut self, path: &str) -> Result<(), RemoteError>;
    /// Removes a folder if it is empty; anything else leaves it (and is no error).
    fn remove_empty_dir(&mut self, path: &str);
    /// Another connection to the same target, logged in as this one (nothing is asked
    /// again), for files sent side by side. An error (a host that takes fewer connections
    /// at once) only means fewer files go at a time.
    fn another(&self) -> Result<Box<dyn Remote>, RemoteError>;
    /// Whether files go under a temporary name and are renamed into place (`true`), or
    /// straight to their name because one write replaces a file whole for every reader
    /// (an S3 object: no rename there, and none needed).
    fn renames(&self) -> bool {
        true
    }
}
