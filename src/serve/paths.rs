//! Request paths and content types. A request path is percent-decoded once and must then
//! be a clean absolute path: no `.` or `..` segments, no backslashes, no NUL, valid UTF-8.
//! Anything else is refused, so no form of `/../` reaches a lookup.

/// Why a request path was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadPath {
    /// Not starting with `/`, bad percent-encoding or not UTF-8.
    Malformed,
    /// `.`/`..` segments, backslashes or NUL: an attempt to leave the site.
    Traversal,
}

/// Decodes the path part of a request target (`/tin-tuc/x%C3%A3/?a=1` → `/tin-tuc/xã/`).
pub fn clean_path(target: &str) -> Result<String, BadPath> {
    let raw = target.split(['?', '#']).next().unwrap_or("");
    if !raw.starts_with('/') {
        return Err(BadPath::Malformed);
    }
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or(BadPath::Malformed)?;
            let hex = std::str::from_utf8(hex).map_err(|_| BadPath::Malformed)?;
            let b = u8::from_str_radix(hex, 16).map_err(|_| BadPath::Malformed)?;
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let path = String::from_utf8(out).map_err(|_| BadPath::Malformed)?;
    if path.contains('\\') || path.chars().any(char::is_control) {
        return Err(BadPath::Traversal);
    }
    if path.split('/').any(|seg| seg == "." || seg == "..") {
        return Err(BadPath::Traversal);
    }
    Ok(path)
}

/// The content type of a file (one table for `congbo serve` and S3 deploys, beside the
/// shipped server configurations it follows).
pub use crate::output::served::content_type;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_vietnamese_and_drops_the_query() {
        assert_eq!(
            clean_path("/ch%E1%BB%A7-%C4%91%E1%BB%81/?v=1#x").unwrap(),
            "/chủ-đề/"
        );
        assert_eq!(clean_path("/").unwrap(), "/");
    }

    #[test]
    fn refuses_every_form_of_climbing_out() {
        for t in [
            "/../etc/passwd",
            "/a/../../b",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/a/%2e/b",
            "/..%5c..%5cwin.ini",
            "/a%00.html",
            "/a%0d%0aSet-Cookie:x",
            "/.",
        ] {
            assert_eq!(clean_path(t), Err(BadPath::Traversal), "{t}");
        }
        for t in ["", "etc/passwd", "/%zz", "/%e", "/%C3", "http://x/"] {
            assert_eq!(clean_path(t), Err(BadPath::Malformed), "{t}");
        }
        // Dots inside names are fine.
        assert_eq!(clean_path("/a..b/c.d").unwrap(), "/a..b/c.d");
    }
}
