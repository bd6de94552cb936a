//! Where links go: internal links (`@/tin-tuc/abc.md`, `../abc.md`, `/tin-tuc/`) rewritten
//! for the deployed base path, and legal citations linked to the site's own document page
//! or to the configured resolver.

use std::collections::HashMap;

use super::citation::matching::{DocumentPages, Found};
use super::citation::{Citation, find_citations};
use crate::text::address::{self, Address};
use crate::text::html::escape_into;

/// What the Markdown stage needs to know about the whole site to write links.
#[derive(Clone, Debug, Default)]
pub struct LinkContext {
    /// Path part of the base URL (`/xa-thanh-an/`).
    pub base_path: String,
    /// Content file (relative to `content/`, `/` separators) → site path.
    pub by_file: HashMap<String, String>,
    /// The pages that have a `number`, by it, with their year and authority → site path.
    pub documents: DocumentPages<String>,
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
    /// The name of a table's scrolling region, `{n}` its number on the page (the theme's
    /// `table_n`, "Bảng {n}"); empty: "Bảng {n}".
    pub table_label: String,
    /// The site's audio and video files, for their players' duration and poster.
    pub media: super::media::MediaFiles,
    /// What the players say.
    pub media_labels: super::media::MediaLabels,
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
        let kind = address::classify(target);
        if let Some(file) = address::trim(target)
            .strip_prefix("@/")
            .filter(|_| kind == Address::Content)
        {
            return self.page_url(file, anchor).ok_or_else(|| {
                crate::tr!(
                    en: "the link {dest} points to content/{file}, which does not exist (or is a draft); correct the file name after @/ (a path under content/), or remove the link",
                    vi: "liên kết {dest} trỏ đến content/{file}, nhưng tệp này không có (hoặc là bản nháp); hãy sửa tên tệp sau @/ (đường dẫn trong content/), hoặc bỏ liên kết",
                )
            });
        }
        if kind.leaves_site() {
            return Ok(dest.to_string());
        }
        if let Some(rest) = address::trim(target)
            .strip_prefix('/')
            .filter(|_| kind == Address::SitePath)
        {
            let root = self.root_path.as_deref().unwrap_or(&self.base_path);
            return Ok(format!("{root}{rest}{anchor}"));
        }
        if kind == Address::Relative && target.ends_with(".md") {
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

    /// Where a cited document links to: the site's own page, else (for a central
    /// document) the resolver, else nowhere. `own_path` is the citing page, which never
    /// links to itself.
    pub fn citation_url(&self, c: &Citation, own_path: &str) -> Option<String> {
        match self.citation_target(c, own_path).0 {
            Target::Url(url) => Some(url),
            Target::Own | Target::Nowhere { .. } => None,
        }
    }

    /// The resolver's address for a document that is not on the site, if it is central
    /// and a resolver is set: local documents are not in the national database.
    pub fn resolver_url(&self, c: &Citation) -> Option<String> {
        resolver_url(self.resolver.as_deref(), c)
    }

    /// Where a citation links, and the doubt to report when the site's pages could not
    /// tell which one it means.
    pub fn citation_target(&self, c: &Citation, own_path: &str) -> (Target, Option<Doubt>) {
        let doubt = match self.documents.find(c) {
            Found::One(path) if path == own_path => return (Target::Own, None),
            Found::One(path) => return (Target::Url(self.url(path)), None),
            Found::None => None,
            Found::Several(paths) => Some(Doubt::Several(owned(paths, own_path))),
            Found::NoYear(paths) => Some(Doubt::NoYear(owned(paths, own_path))),
        };
        // The only page of that number is the citing one: it cites itself.
        if doubt.as_ref().is_some_and(|d| d.paths().is_empty()) {
            return (Target::Own, None);
        }
        let target = match self.resolver_url(c) {
            Some(url) => Target::Url(url),
            None => Target::Nowhere {
                local: !c.is_central(),
            },
        };
        (target, doubt)
    }

    /// Escapes `text` into `out`, turning each citation into a link; returns what was cited.
    pub fn link_citations(&self, text: &str, own_path: &str, out: &mut String) -> Vec<Citation> {
        let found = find_citations(text);
        self.write_linked(text, &found, own_path, out);
        found
    }

    /// Escapes `text` into `out` with the given citations (from [`find_citations`]) linked;
    /// returns what the check reports: citations that link nowhere, and doubts.
    pub fn write_linked<'c>(
        &self,
        text: &str,
        found: &'c [Citation],
        own_path: &str,
        out: &mut String,
    ) -> Vec<Note<'c>> {
        let mut notes = Vec::new();
        let mut last = 0;
        for c in found {
            escape_into(&text[last..c.range.start], out);
            let shown = &text[c.range.clone()];
            let (target, doubt) = self.citation_target(c, own_path);
            let nowhere = match target {
                Target::Nowhere { local } => Some(local),
                _ => None,
            };
            if nowhere.is_some() || doubt.is_some() {
                notes.push(Note {
                    citation: c,
                    nowhere,
                    doubt,
                });
            }
            match target {
                Target::Url(url) => {
                    out.push_str("<a class=\"citation\" href=\"");
                    escape_into(&url, out);
                    out.push_str("\">");
                    escape_into(shown, out);
                    out.push_str("</a>");
                }
                Target::Own | Target::Nowhere { .. } => escape_into(shown, out),
            }
            last = c.range.end;
        }
        escape_into(&text[last..], out);
        notes
    }
}

/// Where a citation links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The site's page for it, or the resolver.
    Url(String),
    /// The citing page itself: not linked.
    Own,
    /// Nowhere: a local document the site has no page for (`local`), or a central one
    /// with no resolver set.
    Nowhere {
        /// Issued by a local body: no resolver would find it.
        local: bool,
    },
}

/// Why a citation was not linked to a page of the site that has its number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Doubt {
    /// Several pages have its number, year and issuer (their site paths).
    Several(Vec<String>),
    /// It gives no year, and these pages have its number.
    NoYear(Vec<String>),
}

impl Doubt {
    /// The site paths of the pages concerned.
    pub fn paths(&self) -> &[String] {
        match self {
            Doubt::Several(p) | Doubt::NoYear(p) => p,
        }
    }
}

/// A citation the check reports.
#[derive(Debug)]
pub struct Note<'c> {
    /// The citation.
    pub citation: &'c Citation,
    /// It links nowhere; `Some(true)` when the document is local.
    pub nowhere: Option<bool>,
    /// The site's pages could not tell which one it means.
    pub doubt: Option<Doubt>,
}

/// The paths of `paths` but the citing page's own.
fn owned(paths: Vec<&String>, own_path: &str) -> Vec<String> {
    paths
        .into_iter()
        .filter(|p| p.as_str() != own_path)
        .cloned()
        .collect()
}

/// The `[legal] resolver` address for a document: its number (or a law's type and name)
/// in place of `{number}`. Local documents get none: the national database has none.
pub fn resolver_url(resolver: Option<&str>, c: &Citation) -> Option<String> {
    resolver_for(resolver, c.is_central(), &c.resolver_query())
}

/// [`resolver_url`] from a document's parts: whether it is central and what the resolver
/// is asked for ([`Citation::is_central`], [`Citation::resolver_query`]).
pub fn resolver_for(resolver: Option<&str>, central: bool, query: &str) -> Option<String> {
    let r = resolver?;
    central.then(|| r.replace("{number}", &percent_encode(query)))
}

/// Joins a relative path onto a folder, resolving `.` and `..`; `None` if it climbs out.
pub(super) fn join_relative(dir: &str, rel: &str) -> Option<String> {
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
        c.documents.add(
            "61/2018/NĐ-CP",
            Some(2018),
            Some("Chính phủ"),
            "/van-ban/nd-61/".into(),
        );
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
        let cite = |t: &str| find_citations(t).remove(0);
        let nd = cite("Nghị định 61/2018/NĐ-CP");
        assert_eq!(
            c.citation_url(&nd, "/x/").as_deref(),
            Some("/xa/van-ban/nd-61/")
        );
        assert_eq!(c.citation_url(&nd, "/van-ban/nd-61/"), None);
        let ct = cite("Chỉ thị số 23/CT-TTg");
        assert_eq!(c.citation_url(&ct, "/x/"), None);
        c.resolver = Some("https://vbpl.vn/tim?q={number}".into());
        assert_eq!(
            c.citation_url(&ct, "/x/").as_deref(),
            Some("https://vbpl.vn/tim?q=23%2FCT-TTg")
        );
        // Local documents are not in the national database: no resolver link.
        let kh = cite("Kế hoạch số 172/KH-UBND ngày 10/01/2025 của UBND tỉnh");
        assert_eq!(c.citation_url(&kh, "/x/"), None);
        assert_eq!(
            c.citation_target(&kh, "/x/").0,
            Target::Nowhere { local: true }
        );
        // Laws cited by name go to the resolver by name.
        let law = cite("Luật Ngân sách nhà nước");
        assert_eq!(
            c.citation_url(&law, "/x/").as_deref(),
            Some(
                "https://vbpl.vn/tim?q=Lu%E1%BA%ADt%20Ng%C3%A2n%20s%C3%A1ch%20nh%C3%A0%20n%C6%B0%E1%BB%9Bc"
            )
        );
    }

    #[test]
    fn a_citation_of_another_year_or_issuer_is_not_linked_to_the_page() {
        let mut c = ctx();
        c.documents.add(
            "172/KH-UBND",
            Some(2024),
            Some("UBND xã Thử"),
            "/ke-hoach/kh-172/".into(),
        );
        let cite = |t: &str| find_citations(t).remove(0);
        let other = cite("Kế hoạch số 172/KH-UBND ngày 10/01/2025 của UBND tỉnh");
        assert_eq!(c.citation_url(&other, "/x/"), None);
        let same = cite("Kế hoạch số 172/KH-UBND ngày 03/02/2024 của Ủy ban nhân dân xã");
        assert_eq!(
            c.citation_url(&same, "/x/").as_deref(),
            Some("/xa/ke-hoach/kh-172/")
        );
        let yearless = cite("Kế hoạch số 172/KH-UBND");
        assert_eq!(
            c.citation_target(&yearless, "/x/"),
            (
                Target::Nowhere { local: true },
                Some(Doubt::NoYear(vec!["/ke-hoach/kh-172/".into()]))
            )
        );
    }

    #[test]
    fn percent_encoding_is_utf8() {
        assert_eq!(percent_encode("NĐ-CP"), "N%C4%90-CP");
    }
}
