//! `--relative-urls`: every internal link, stylesheet, script and image URL of the HTML
//! output is rewritten relative to the page that holds it, with directory URLs ending in
//! `index.html`, so the output also works opened from disk or a USB stick (`file://`).
//!
//! It is a stage on the finished HTML rather than a change to every URL helper, because
//! URLs come from many places (templates, `get_url`, Markdown links, citations, menus,
//! redirect pages): rewriting the output catches them all, including those a site's own
//! templates write. Only URLs under the site's base URL or base path change; the canonical
//! link stays absolute (search engines need it), and so do feeds, the sitemap, open data and
//! JSON-LD, which are not HTML attributes. `404.html` keeps its root-relative links: a
//! server shows it at any address, where relative links would break.

use crate::config::Config;
use crate::output_file::{OutputData, OutputFile};

/// Rewrites the HTML files of one site.
#[derive(Clone, Debug)]
pub struct Relative {
    /// `https://host/xa-thanh-an/`.
    base_url: String,
    /// `/xa-thanh-an/`.
    base_path: String,
}

/// Attributes that hold one URL.
const URL_ATTRS: [&str; 6] = ["href", "src", "action", "poster", "data", "formaction"];

impl Relative {
    /// For a site with this configuration.
    pub fn new(config: &Config) -> Self {
        Relative {
            base_url: config.base_url.clone(),
            base_path: config.base_path.clone(),
        }
    }

    /// The file with its URLs made relative, or `None` when it is left as it is (not a
    /// generated HTML file, or `404.html`).
    pub fn apply(&self, f: &OutputFile) -> Option<OutputFile> {
        let OutputData::Bytes(bytes) = &f.data else {
            return None;
        };
        if !(f.path.ends_with(".html") || f.path.ends_with(".htm")) || f.path == "/404.html" {
            return None;
        }
        let html = std::str::from_utf8(bytes).ok()?;
        Some(OutputFile {
            path: f.path.clone(),
            data: OutputData::Bytes(self.rewrite_html(&f.path, html).into_bytes()),
        })
    }

    /// `html`, the file at site path `file` (`/tin-tuc/abc/index.html`), with its internal
    /// URLs relative to that file's folder.
    pub fn rewrite_html(&self, file: &str, html: &str) -> String {
        let mut out = String::with_capacity(html.len() + html.len() / 16);
        let mut copied = 0;
        for tag in crate::text::html_scan::tags(html) {
            let attr = |name: &str| tag.attrs.iter().find(|a| a.name.eq_ignore_ascii_case(name));
            let canonical = attr("rel").is_some_and(|a| {
                a.value(html)
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
            });
            let refresh =
                attr("http-equiv").is_some_and(|a| a.value(html).eq_ignore_ascii_case("refresh"));
            for a in &tag.attrs {
                let value = a.value(html);
                let new = if URL_ATTRS.iter().any(|n| a.name.eq_ignore_ascii_case(n)) {
                    if canonical {
                        None
                    } else {
                        self.url(file, value)
                    }
                } else if a.name.eq_ignore_ascii_case("srcset") {
                    self.srcset(file, value)
                } else if refresh && a.name.eq_ignore_ascii_case("content") {
                    self.refresh(file, value)
                } else {
                    None
                };
                if let Some(new) = new {
                    out.push_str(&html[copied..a.value.start]);
                    out.push_str(&new);
                    copied = a.value.end;
                }
            }
        }
        out.push_str(&html[copied..]);
        out
    }

    /// One URL made relative to the folder of `file`, or `None` if it is not internal.
    fn url(&self, file: &str, url: &str) -> Option<String> {
        let trimmed = url.trim();
        let rest = if let Some(r) = trimmed.strip_prefix(&self.base_url) {
            r
        } else if crate::text::address::classify(trimmed)
            == crate::text::address::Address::OtherHost
        {
            return None;
        } else if let Some(r) = trimmed.strip_prefix(&self.base_path) {
            r
        } else if trimmed.len() + 1 == self.base_path.len()
            && self.base_path.starts_with(trimmed)
            && !trimmed.is_empty()
        {
            // `/xa-thanh-an` without its slash: the home page.
            ""
        } else {
            return None;
        };
        let cut = rest.find(['?', '#']).unwrap_or(rest.len());
        let (path, suffix) = rest.split_at(cut);
        Some(format!(
            "{}{suffix}",
            relative_path(file, &target_file(path))
        ))
    }

    fn srcset(&self, file: &str, value: &str) -> Option<String> {
        let mut changed = false;
        let parts: Vec<String> = value
            .split(',')
            .map(|candidate| {
                let c = candidate.trim();
                let (url, descriptor) = c.split_once(char::is_whitespace).unwrap_or((c, ""));
                match self.url(file, url) {
                    Some(new) => {
                        changed = true;
                        if descriptor.is_empty() {
                            new
                        } else {
                            format!("{new} {}", descriptor.trim())
                        }
                    }
                    None => c.to_string(),
                }
            })
            .collect();
        changed.then(|| parts.join(", "))
    }

    /// `0; url=…` of a `<meta http-equiv="refresh">`.
    fn refresh(&self, file: &str, value: &str) -> Option<String> {
        let at = value.to_ascii_lowercase().find("url=")? + 4;
        let new = self.url(file, &value[at..])?;
        Some(format!("{}{new}", &value[..at]))
    }
}

/// The file a site path names: folders (`/tin-tuc/`, and `/lien-he` whose last part has no
/// dot) get `index.html`, since `file://` shows a folder's listing, not its index.
fn target_file(path: &str) -> String {
    let path = path.trim_start_matches('/');
    let last = path.rsplit('/').next().unwrap_or("");
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else if !last.contains('.') {
        format!("{path}/index.html")
    } else {
        path.to_string()
    }
}

/// `target` (relative to the site root, `css/style.css`) as seen from the folder of `file`
/// (a site path, `/tin-tuc/abc/index.html`): `../../css/style.css`.
fn relative_path(file: &str, target: &str) -> String {
    let from: Vec<&str> = file
        .trim_start_matches('/')
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    let from = &from[..from.len().saturating_sub(1)];
    let to: Vec<&str> = target.split('/').collect();
    let common = from
        .iter()
        .zip(&to)
        .take_while(|(a, b)| a == b)
        .count()
        .min(to.len().saturating_sub(1));
    let mut out = "../".repeat(from.len() - common);
    out.push_str(&to[common..].join("/"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(base_url: &str, base_path: &str) -> Relative {
        Relative {
            base_url: base_url.into(),
            base_path: base_path.into(),
        }
    }

    #[test]
    fn paths_relative_to_the_page_folder() {
        assert_eq!(
            relative_path("/tin-tuc/abc/index.html", "css/style.css"),
            "../../css/style.css"
        );
        assert_eq!(
            relative_path("/index.html", "css/style.css"),
            "css/style.css"
        );
        assert_eq!(
            relative_path("/tin-tuc/abc/index.html", "tin-tuc/abc/anh.jpg"),
            "anh.jpg"
        );
        assert_eq!(
            relative_path("/tin-tuc/abc/index.html", "tin-tuc/index.html"),
            "../index.html"
        );
        assert_eq!(
            relative_path("/tin-tuc/index.html", "tin-tuc/trang/2/index.html"),
            "trang/2/index.html"
        );
        assert_eq!(target_file(""), "index.html");
        assert_eq!(target_file("tin-tuc/"), "tin-tuc/index.html");
        assert_eq!(target_file("lien-he"), "lien-he/index.html");
        assert_eq!(target_file("data/tasks.ics"), "data/tasks.ics");
    }

    #[test]
    fn internal_urls_change_and_others_do_not() {
        let r = rel("https://host.gov.vn/xa/", "/xa/");
        let page = "/tin-tuc/abc/index.html";
        let html = concat!(
            "<!DOCTYPE html><html><head>",
            "<link rel=\"canonical\" href=\"https://host.gov.vn/xa/tin-tuc/abc/\">",
            "<link rel=\"stylesheet\" href=\"/xa/css/style.css\">",
            "<meta http-equiv=\"refresh\" content=\"0; url=https://host.gov.vn/xa/tin-tuc/\">",
            "<meta property=\"og:url\" content=\"https://host.gov.vn/xa/tin-tuc/abc/\">",
            "<script>var a = '<a href=\"/xa/x/\">';</script>",
            "<!-- <a href=\"/xa/comment/\"> -->",
            "</head><body>",
            "<a href=\"/xa/\">Trang chủ</a><a href='/xa/tin-tuc/?trang=2#cuoi'>Tin</a>",
            "<a href=/xa/lien-he>Liên hệ</a>",
            "<a href=\"#noi-dung\">skip</a><a href=\"https://vbpl.vn/x\">vbpl</a>",
            "<a href=\"/khac/\">outside the base path</a><a href=\"//cdn.example/x.js\">cdn</a>",
            "<a href=\"mailto:a@b.vn\">mail</a><img src=\"anh.jpg\" alt=\"\">",
            "<img srcset=\"/xa/tin-tuc/abc/anh-480.webp 480w, /xa/tin-tuc/abc/anh-960.webp 960w\" src=\"/xa/tin-tuc/abc/anh.jpg\" alt=\"\">",
            "<form action=\"/xa/tim-kiem/\"><input name=q></form>",
            "</body></html>"
        );
        let out = r.rewrite_html(page, html);
        for want in [
            "<link rel=\"canonical\" href=\"https://host.gov.vn/xa/tin-tuc/abc/\">",
            "href=\"../../css/style.css\"",
            "content=\"0; url=../index.html\"",
            "<meta property=\"og:url\" content=\"https://host.gov.vn/xa/tin-tuc/abc/\">",
            "<script>var a = '<a href=\"/xa/x/\">';</script>",
            "<!-- <a href=\"/xa/comment/\"> -->",
            "<a href=\"../../index.html\">",
            "<a href='../index.html?trang=2#cuoi'>",
            "<a href=../../lien-he/index.html>",
            "<a href=\"#noi-dung\">",
            "<a href=\"https://vbpl.vn/x\">",
            "<a href=\"/khac/\">",
            "<a href=\"//cdn.example/x.js\">",
            "<a href=\"mailto:a@b.vn\">",
            "<img src=\"anh.jpg\"",
            "srcset=\"anh-480.webp 480w, anh-960.webp 960w\" src=\"anh.jpg\"",
            "action=\"../../tim-kiem/index.html\"",
        ] {
            assert!(out.contains(want), "missing {want} in {out}");
        }
    }

    #[test]
    fn a_site_at_the_root_and_the_404_page() {
        let r = rel("https://host.gov.vn/", "/");
        assert_eq!(
            r.rewrite_html(
                "/index.html",
                "<a href=\"/\">x</a><a href=\"/tin-tuc/\">y</a>"
            ),
            "<a href=\"index.html\">x</a><a href=\"tin-tuc/index.html\">y</a>"
        );
        let f = |path: &str| OutputFile {
            path: path.into(),
            data: OutputData::Bytes(b"<a href=\"/\">x</a>".to_vec()),
        };
        assert!(r.apply(&f("/404.html")).is_none());
        assert!(r.apply(&f("/rss.xml")).is_none());
        assert!(r.apply(&f("/a/index.html")).is_some());
    }
}
