//! The two manifests a deploy compares: the built site's (each file congbo wrote into
//! `public/`, by the build's own `.congbo-manifest`, with its size and hash) and the
//! target's (`.congbo-deploy.json`, kept on the target: what earlier deploys put there).
//! Only the target's manifest says which files there are congbo's, so a deploy never
//! removes a file it did not put there.

use std::collections::BTreeMap;
use std::hash::Hasher;
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Diagnostic, Diagnostics};

/// The remote manifest's name, at the top of the target folder.
pub const REMOTE_MANIFEST: &str = ".congbo-deploy.json";

/// The size and hash of one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Bytes.
    pub size: u64,
    /// [`hash`] of the bytes; empty for a file a deploy began to put in place and did not
    /// finish (its content is unknown, but it is congbo's).
    pub hash: String,
}

/// Files by site path (`a/b.html`).
pub type Files = BTreeMap<String, Entry>;

/// The target's manifest as stored.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remote {
    /// The format's version.
    pub congbo_deploy: u32,
    /// What the target holds that congbo put there.
    pub files: Files,
}

/// The hash a deploy compares: a 128-bit SipHash of the bytes, as hex. Not a defence
/// against a forger (the manifest sits beside the files), only a change detector.
pub fn hash(bytes: &[u8]) -> String {
    let mut h = siphasher::sip128::SipHasher13::new_with_keys(0x636f_6e67_626f, 0x6465_706c_6f79);
    h.write(bytes);
    let v = siphasher::sip128::Hasher128::finish128(&h);
    format!("{:016x}{:016x}", v.h1, v.h2)
}

/// The built site in `out_dir`: every file its build wrote, with size and hash (read in
/// parallel). The file list is the build's own (`crate::output::site_files`).
pub fn local(out_dir: &Path) -> Result<Files, Diagnostics> {
    let paths = crate::output::site_files(out_dir).map_err(|d| Diagnostics(vec![d]))?;
    let read: Vec<Result<(String, Entry), Diagnostic>> = paths
        .into_par_iter()
        .map(|p| {
            let file = out_dir.join(&p);
            let bytes =
                std::fs::read(&file).map_err(|e| Diagnostic::io(&file, "read this file", &e))?;
            let entry = Entry {
                size: bytes.len() as u64,
                hash: hash(&bytes),
            };
            Ok((p, entry))
        })
        .collect();
    let mut files = Files::new();
    let mut errors = Vec::new();
    for r in read {
        match r {
            Ok((p, e)) => {
                files.insert(p, e);
            }
            Err(d) => errors.push(d),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(Diagnostics(errors))
    }
}

/// Reads the target's manifest; `None` (no file) is a target congbo never deployed to.
/// A manifest that does not read is an error: going on would take congbo's files there
/// for someone else's and leave them forever.
pub fn parse_remote(bytes: Option<&[u8]>) -> Result<Files, String> {
    let Some(bytes) = bytes else {
        return Ok(Files::new());
    };
    match serde_json::from_slice::<Remote>(bytes) {
        Ok(m) if m.congbo_deploy == 1 => Ok(m.files),
        Ok(m) => {
            let v = m.congbo_deploy;
            Err(crate::tr!(
                en: "{REMOTE_MANIFEST} on the target was written by a newer congbo (format {v}); deploy with that version",
                vi: "tệp {REMOTE_MANIFEST} trên nơi triển khai do một phiên bản congbo mới hơn ghi (định dạng {v}); hãy triển khai bằng phiên bản đó",
            ))
        }
        Err(e) => Err(crate::tr!(
            en: "{REMOTE_MANIFEST} on the target does not read ({e}); if nobody else deploys there, delete it and deploy again (every file is then sent once more)",
            vi: "không đọc được tệp {REMOTE_MANIFEST} trên nơi triển khai ({e}); nếu không ai khác triển khai ở đó, hãy xoá nó rồi triển khai lại (mọi tệp sẽ được gửi lại một lần)",
        )),
    }
}

/// The target's manifest as written.
pub fn remote_text(files: &Files) -> Vec<u8> {
    let m = Remote {
        congbo_deploy: 1,
        files: files.clone(),
    };
    let mut text = serde_json::to_vec_pretty(&m).unwrap_or_default();
    text.push(b'\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_remote_manifest_reads_back_and_refuses_what_it_cannot_trust() {
        let mut files = Files::new();
        files.insert(
            "a/b.html".into(),
            Entry {
                size: 3,
                hash: hash(b"abc"),
            },
        );
        assert_eq!(parse_remote(Some(&remote_text(&files))), Ok(files));
        assert_eq!(parse_remote(None), Ok(Files::new()));
        assert!(parse_remote(Some(b"{ not json")).is_err());
        assert!(parse_remote(Some(br#"{"congbo_deploy": 2, "files": {}}"#)).is_err());
        assert_ne!(hash(b"abc"), hash(b"abd"));
        assert_eq!(hash(b"abc").len(), 32);
    }
}
