//! Where links go: internal links (`@/tin-tuc/abc.md`, `../abc.md`, `/tin-tuc/`) rewritten
//! for the deployed base path, and legal citations linked to the site's own document page
//! or to the configured resolver.

use std::collections::HashMap;

use super::citation::{Citation, find_citations, number_key};
use super::highlight::escape_into;

/// What the Markdown stage needs to know about the whole site to write links.
#[derive(Clone, Debug, Default)]
pub struct LinkContext {
    /// Path part of the base URL (`/xa-thanh-an/`).
    pub base_path: String,
    /// Content file (relative to `content/`, `/` separators) → site path.
    pub by_file: HashMap<String, String>,
    /// [`number_key`] of a page's `number` → site path.
    pub by_number: HashMap<String, String>,
    /// `[legal] resolver` URL template with `{number}`.
    pub resolver: Option<String>,
    /// What raw HTML in Markdown may contain.
    pub html: super::sanitize::HtmlPolicy,
    /// The base path of the whole site, where `/…` links start, when it differs from
    /// `base_path` (the pages of a language under `/en/`).
    pub root_path: Option<String>,
    /// Content files of the site's other languages → their root-relative URLs, for links
    /// to a page that this language does not have.
    pub other_files: HashMap<String, String>,
    /// `@/…` and `….md` links to no page are left to the check stage (which the site may
    /// tell to only warn) instead of failing the render: `congbo build` and `congbo check`.
    pub defer_broken: bool,
}

impl LinkContext {
    /// A site path as a root-relative URL under the base path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_path, path.trim_start_matches('/'))
    }

    /// Rewrites a Markdown link destination. `page_file` is the linking file relative to
    /// `content/`. An internal `.md` link to no page is an error in plain words.
    pub fn resolve_link(&self, dest: &str, page_file: &str) -> Result<String, String> {
        let (target, anchor) = match dest.find('#') {
            Some(i) => (&dest[..i], &dest[i..]),
            None => (dest, ""),
        };
        if let Some(file) = target.strip_prefix("@/") {
            return self.page_url(file, anchor).ok_or_else(|| {
                crate::tr!(
                    en: "the link {dest} points to content/{file}, which does not exist (or is a draft); correct the file name after @/ (a path under content/), or remove the link",
                    vi: "liên kết {dest} trỏ đến content/{file}, nhưng tệp này không có (hoặc là bản nháp); hãy sửa tên tệp sau @/ (đường dẫn trong content/), hoặc bỏ liên kết",
                )
            });
        }
        if target.is_empty() || target.starts_with("//") || has_scheme(target) {
            return Ok(dest.to_string());
        }
        if let Some(rest) = target.strip_prefix('/') {
            let root = self.root_path.as_deref().unwrap_or(&self.base_path);
            return Ok(format!("{root}{rest}{anchor}"));
        }
        if target.ends_with(".md") {
            let dir = page_file.rsplit_once('/').map_or("", |(d, _)| d);
            let joined = join_relative(dir, target).ok_or_else(|| {
                crate::tr!(
                    en: "the link {dest} goes above content/",
                    vi: "liên kết {dest} trỏ ra ngoài thư mục content/",
                )
            })?;
            return self.page_url(&joined, anchor).ok_or_else(|| {
                crate::tr!(
                    en: "the link {dest} points to content/{joined}, which does not exist (or is a draft); correct the file name (relative to this file), or remove the link",
                    vi: "liên kết {dest} trỏ đến content/{joined}, nhưng tệp này không có (hoặc là bản nháp); hãy sửa tên tệp (tính từ tệp này), hoặc bỏ liên kết",
                )
            });
        }
        Ok(dest.to_string())
    }

    fn page_url(&self, file: &str, anchor: &str) -> Option<String> {
        let file = file.trim_start_matches('/');
        let section_file = format!("{}/_index.md", file.trim_end_matches('/'));
        // `@/tin-tuc/` or `@/tin-tuc/_index.md` style links to sections.
        let path = self
            .by_file
            .get(file)
            .or_else(|| self.by_file.get(&section_file));
        if let Some(path) = path {
            return Some(format!("{}{anchor}", self.url(path)));
        }
        let url = self
            .other_files
            .get(file)
            .or_else(|| self.other_files.get(&section_file))?;
        Some(format!("{url}{anchor}"))
    }

    /// Where a cited document links to: the site's own page, else the resolver, else nowhere.
    /// `own_path` is the citing page, which never links to itself.
    pub fn citation_url(&self, number: &str, own_path: &str) -> Option<String> {
        self.citation_target(number, own_path).ok().flatten()
    }

    /// `Ok(Some(url))`, `Ok(None)` for the citing page's own number (not linked), or
    /// `Err(())` when the number has no page and there is no resolver.
    fn citation_target(&self, number: &str, own_path: &str) -> Result<Option<String>, ()> {
        if let Some(path) = self.by_number.get(&number_key(number)) {
            return Ok((path != own_path).then(|| self.url(path)));
        }
        self.resolver
            .as_ref()
            .map(|r| Some(r.replace("{number}", &percent_encode(number))))
            .ok_or(())
    }

    /// Escapes `text` into `out`, turning each citation into a link; returns what was cited.
    pub fn link_citations(&self, text: &str, own_path: &str, out: &mut String) -> Vec<Citation> {
        let found = find_citations(text);
        self.write_linked(text, &found, own_path, out);
        found
    }

    /// Escapes `text` into `out` with the given citations (from [`find_citations`]) linked;
    /// returns the citations that link nowhere (no page of that number, no resolver).
    pub fn write_linked<'c>(
        &self,
        text: &str,
        found: &'c [Citation],
        own_path: &str,
        out: &mut String,
    ) -> Vec<&'c Citation> {
        let mut unlinked = Vec::new();
        let mut last = 0;
        for c in found {
            escape_into(&text[last..c.range.start], out);
            let shown = &text[c.range.clone()];
            let target = self.citation_target(&c.number, own_path);
            if target.is_err() {
                unlinked.push(c);
            }
            match target.ok().flatten() {
                Some(url) => {
                    out.push_str("<a class=\"citation\" href=\"");
                    escape_into(&url, out);
                    out.push_str("\">");
                    escape_into(shown, out);
                    out.push_str("</a>");
                }
                None => escape_into(shown, out),
            }
            last = c.range.end;
        }
        escape_into(&text[last..], out);
        unlinked
    }
}

fn has_scheme(s: &str) -> bool {
    match s.find(':') {
        Some(i) => {
            s[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-' || c == '.')
                && i > 0
        }
        None => false,
    }
}

/// Whether a link address is relative or uses a scheme that cannot run code (`http`,
/// `https`, `mailto`, `tel`, `ftp`). Read the way a browser reads it: leading spaces and
/// control characters dropped, tabs and line breaks inside ignored, any case.
pub fn plain_scheme(dest: &str) -> bool {
    let cleaned: String = dest
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take_while(|c| !matches!(c, '/' | '?' | '#'))
        .collect();
    match cleaned.split_once(':') {
        None => true,
        Some((scheme, _)) => ["http", "https", "mailto", "tel", "ftp"]
            .iter()
            .any(|ok| scheme.eq_ignore_ascii_case(ok)),
    }
}

/// Joins a relative path onto a folder, resolving `.` and `..`; `None` if it climbs out.
fn join_relative(dir: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for p in rel.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// Percent-encodes everything but unreserved characters (RFC 3986), UTF-8 bytes.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> LinkContext {
        let mut c = LinkContext {
            base_path: "/xa/".into(),
            ..Default::default()
        };
        c.by_file
            .insert("tin-tuc/abc.md".into(), "/tin-tuc/abc/".into());
        c.by_file
            .insert("tin-tuc/_index.md".into(), "/tin-tuc/".into());
        c.by_file
            .insert("gioi-thieu.md".into(), "/gioi-thieu/".into());
        c.by_number
            .insert(number_key("61/2018/NĐ-CP"), "/van-ban/nd-61/".into());
        c
    }

    #[test]
    fn internal_links_follow_the_base_path() {
        let c = ctx();
        let r = |d: &str| c.resolve_link(d, "tin-tuc/xyz.md");
        assert_eq!(r("@/tin-tuc/abc.md").unwrap(), "/xa/tin-tuc/abc/");
        assert_eq!(
            r("@/tin-tuc/abc.md#muc-1").unwrap(),
            "/xa/tin-tuc/abc/#muc-1"
        );
        assert_eq!(r("@/tin-tuc/").unwrap(), "/xa/tin-tuc/");
        assert_eq!(r("abc.md").unwrap(), "/xa/tin-tuc/abc/");
        assert_eq!(r("../gioi-thieu.md").unwrap(), "/xa/gioi-thieu/");
        assert_eq!(r("/lien-he/").unwrap(), "/xa/lien-he/");
        assert_eq!(r("https://a.vn/x").unwrap(), "https://a.vn/x");
        assert_eq!(r("mailto:a@b.vn").unwrap(), "mailto:a@b.vn");
        assert_eq!(r("#muc").unwrap(), "#muc");
        assert_eq!(r("anh.jpg").unwrap(), "anh.jpg");
        assert!(
            r("@/tin-tuc/khong-co.md")
                .unwrap_err()
                .contains("content/tin-tuc/khong-co.md")
        );
        assert!(r("../../x.md").is_err());
    }

    #[test]
    fn citations_link_to_own_page_then_resolver() {
        let mut c = ctx();
        assert_eq!(
            c.citation_url("61/2018/NĐ-CP", "/x/").as_deref(),
            Some("/xa/van-ban/nd-61/")
        );
        assert_eq!(c.citation_url("61/2018/NĐ-CP", "/van-ban/nd-61/"), None);
        assert_eq!(c.citation_url("23/CT-TTg", "/x/"), None);
        c.resolver = Some("https://vbpl.vn/tim?q={number}".into());
        assert_eq!(
            c.citation_url("23/CT-TTg", "/x/").as_deref(),
            Some("https://vbpl.vn/tim?q=23%2FCT-TTg")
        );
    }

    #[test]
    fn percent_encoding_is_utf8() {
        assert_eq!(percent_encode("NĐ-CP"), "N%C4%90-CP");
    }
}
