//! The browser editor of `congbo serve --edit`, at `/_soan-thao/`: a list of the site's
//! pages, and new-page and edit forms made from the content contract ([`contract`]).
//! Saving checks the page with the build's own parser before anything is written, keeps
//! what the editor typed when it is refused, refuses to overwrite a file changed since the
//! form was opened, keeps the previous version and logs the change ([`store`]).
//!
//! This module knows nothing of HTTP: `serve` hands it decoded paths and form fields and
//! sends back its [`Reply`]. Every change needs the per-process token ([`Editor::token`])
//! in both the form and the cookie the editor's pages set.

pub mod accounts;
mod assets;
mod attach;
mod conflict;
pub mod contract;
mod forms;
pub mod front;
mod history;
mod html;
mod list;
pub mod login;
mod places;
pub mod preview;
mod publish;
mod save;
pub mod session;
pub mod store;
pub mod suggest;
mod tables;
pub mod tasks_grid;
mod trash;
pub mod upload;
mod word;

use std::path::{Path, PathBuf};

use crate::content::walk;
use crate::text::normalize::nfc_owned;
use front::Values;

pub use assets::JS;
pub use html::CSS;
pub use session::Caller;

/// The editor's own address on the server.
pub const PREFIX: &str = "/_soan-thao/";
/// The name of the cookie holding the token.
pub const COOKIE: &str = "congbo_soan_thao";

/// An answer of the editor.
#[derive(Debug)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// The page (HTML).
    pub html: String,
    /// Where to send the browser next (with status 303).
    pub location: Option<String>,
}

impl Reply {
    fn page(status: u16, html: String) -> Reply {
        Reply {
            status,
            html,
            location: None,
        }
    }
}

/// The editor of one site.
#[derive(Debug)]
pub struct Editor {
    root: PathBuf,
    base_path: String,
    token: String,
    /// The site as `serve` holds it, for previews; none outside `serve`.
    site: Option<std::sync::Arc<dyn preview::SiteModel>>,
    /// The largest file taken from the browser, in bytes.
    max_upload: usize,
}

/// A form as sent: its fields in order.
pub type Form = [(String, String)];

impl Editor {
    /// The editor of the site at `root` (served under `base_path`), with a fresh token.
    pub fn new(root: &Path, base_path: &str) -> Editor {
        Editor {
            root: root.to_path_buf(),
            base_path: base_path.to_string(),
            token: new_token(),
            site: None,
            max_upload: upload::DEFAULT_MAX,
        }
    }

    /// The editor taking files of at most `bytes`.
    pub fn with_max_upload(mut self, bytes: usize) -> Editor {
        self.max_upload = bytes;
        self
    }

    /// The largest file taken from the browser, in bytes.
    pub fn max_upload(&self) -> usize {
        self.max_upload
    }

    /// The editor with the served site's model, which makes its previews.
    pub fn with_site(mut self, site: std::sync::Arc<dyn preview::SiteModel>) -> Editor {
        self.site = Some(site);
        self
    }

    /// The site's values offered in the forms (none outside `serve`).
    fn suggestions(&self) -> suggest::Suggestions {
        self.site
            .as_ref()
            .map(|s| s.suggestions())
            .unwrap_or_default()
    }

    /// The token a change must carry, in its form and its cookie.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// The list of pages, filtered by the query (`q`, `loai`, `nhap`).
    pub fn list(&self, query: &Form) -> Reply {
        Reply::page(200, list::page(&self.root, &self.base_path, query))
    }
}

/// The form's values: every field but the buttons and hidden fields, line ends as in files.
fn values_of(form: &Form) -> Values {
    form.iter()
        .filter(|(k, _)| {
            !matches!(
                k.as_str(),
                "csrf" | "goc" | "luu" | "xuat-ban" | "xem-truoc" | "chi-trang"
            ) && !tasks_grid::is_grid_field(k)
                && !tables::is_table_field(k)
        })
        .map(|(k, v)| (k.clone(), nfc_owned(v.replace("\r\n", "\n"))))
        .collect()
}

/// A file's text as the build reads it (BOM dropped, NFC), or as much as is readable.
fn text_of(bytes: &[u8]) -> String {
    walk::decode(bytes.to_vec())
        .map(nfc_owned)
        .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned())
}

/// A page of the editor saying one thing (for answers made before the editor is asked).
pub fn message_page(text: &str) -> String {
    html::message(text)
}

fn not_found() -> Reply {
    Reply::page(
        404,
        html::message(&crate::tr!(
            en: "there is no such page under content/",
            vi: "không có trang này trong content/",
        )),
    )
}

fn refused() -> Reply {
    Reply::page(
        403,
        html::message(&crate::tr!(
            en: "this form is out of date (congbo serve was restarted, or it came from another site): open the page again from the list and save again",
            vi: "biểu mẫu này đã cũ (congbo serve đã khởi động lại, hoặc biểu mẫu đến từ trang khác): hãy mở lại trang từ danh sách rồi lưu lại",
        )),
    )
}

/// 128 unpredictable bits for this process: std seeds each `RandomState` from the
/// operating system's randomness, so hashing under two of them gives keys no page can
/// guess (no extra crate needed for a token that lives as long as the process).
fn new_token() -> String {
    use std::hash::{BuildHasher, Hasher};
    let part = |n: u64| {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(n);
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default()
                .as_nanos(),
        );
        h.finish()
    };
    format!("{:016x}{:016x}", part(1), part(2))
}

#[cfg(test)]
mod tests;
