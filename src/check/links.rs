//! Links, anchors and images of every body against the files the build makes and the
//! anchors each page defines.

use std::collections::{HashMap, HashSet};

use super::{Findings, Rule};
use crate::content::urls::join;
use crate::error::Diagnostic;
use crate::markdown::refs::Ref;
use crate::markdown::{Rendered, TocEntry};
use crate::site::Site;
use crate::site::languages::prefix;
use crate::text::address::{Address, classify};

/// What links may point to: the build's files, and the anchors of each page's body.
pub(super) struct Targets<'a> {
    exists: &'a (dyn Fn(&str) -> bool + Sync),
    /// Output folder of a page (`/tin-tuc/abc/`) → the ids its body defines.
    ids: HashMap<String, HashSet<&'a str>>,
    /// Ids the templates write on pages.
    theme_ids: &'a HashSet<String>,
}

impl<'a> Targets<'a> {
    pub(super) fn new(
        sites: &[&'a Site],
        exists: &'a (dyn Fn(&str) -> bool + Sync),
        theme_ids: &'a HashSet<String>,
    ) -> Self {
        let mut ids = HashMap::new();
        for site in sites {
            let p = prefix(site);
            for (path, r) in bodies(site) {
                ids.insert(format!("{p}{path}"), anchors(r));
            }
        }
        Targets {
            exists,
            ids,
            theme_ids,
        }
    }

    /// Whether the build makes the file a site path (no base path) points to.
    pub(super) fn has(&self, path: &str) -> bool {
        if path.ends_with('/') {
            (self.exists)(&format!("{path}index.html"))
        } else {
            (self.exists)(path) || (self.exists)(&format!("{path}/index.html"))
        }
    }
}

/// Every rendered body of a site with its page path.
fn bodies(site: &Site) -> impl Iterator<Item = (&str, &Rendered)> {
    let pages = site
        .pages
        .iter()
        .map(|e| (e.page.path.as_str(), &*e.rendered));
    let sections = site
        .sections
        .iter()
        .map(|e| (e.section.path.as_str(), &e.rendered));
    pages.chain(sections)
}

/// The ids a body defines: its headings' and its raw HTML's.
fn anchors(r: &Rendered) -> HashSet<&str> {
    fn walk<'a>(toc: &'a [TocEntry], out: &mut HashSet<&'a str>) {
        for e in toc {
            out.insert(e.id.as_str());
            walk(&e.children, out);
        }
    }
    let mut out: HashSet<&str> = r.refs.ids.iter().map(String::as_str).collect();
    walk(&r.toc, &mut out);
    out
}

/// Checks one language's bodies.
pub(super) fn check(site: &Site, targets: &Targets<'_>, found: &mut Findings) {
    let p = prefix(site);
    let pages = site
        .pages
        .iter()
        .map(|e| (&e.page.file, &e.page.path, &*e.rendered));
    let sections = site.sections.iter().filter_map(|e| {
        let file = e.section.file.as_ref()?;
        Some((file, &e.section.path, &e.rendered))
    });
    let root = site.config.root_path.as_str();
    for (file, path, r) in pages.chain(sections) {
        let here = format!("{p}{path}");
        for u in &r.refs.unlinked {
            let number = u.number.clone();
            let list = if u.local {
                &mut found.not_on_site
            } else {
                &mut found.unlinked
            };
            list.push((file.clone(), u.line, u.column, number));
        }
        found.doubts.extend(r.refs.doubts.iter().cloned());
        for d in &r.refs.broken {
            found.problems.push((Rule::Links, d.clone()));
        }
        let at = |l: &Ref, m: String| Diagnostic::at(file, l.line, l.column, m);
        for l in &r.refs.links {
            if let Some(problem) = link(l, &here, root, targets) {
                found.problems.push((problem.0, at(l, problem.1)));
            }
        }
        for i in &r.refs.images {
            if !i.alt {
                let message = if i.raw {
                    no_alt_in_html(&i.written)
                } else {
                    no_alt(&i.written)
                };
                found.problems.push((Rule::Alt, at(i, message)));
            }
            if i.raw
                && let Some(fixed) = outside_folder(&i.url, root, targets)
            {
                let message = missing_folder(&i.written, &fixed, root);
                found.problems.push((Rule::Images, at(i, message)));
                continue;
            }
            let Some(target) = site_path(&i.url, &here, root) else {
                continue;
            };
            if !targets.has(&target.0) {
                found
                    .problems
                    .push((Rule::Images, at(i, missing_image(&i.written, &target.0))));
            }
        }
    }
}

/// Checks the `[[menu]]` entries of a language's `site.toml` menu: every page shows them,
/// so one that points nowhere is a broken link on every page. Their URLs are site paths
/// from the site root in every language (`/en/news/`), as the header writes them.
pub(super) fn menu(site: &Site, targets: &Targets<'_>, found: &mut Findings) {
    for m in site.config.menu.iter().filter(|m| !m.is_external()) {
        // From the site root, with or without its first `/`, as the header writes it.
        let from_root = format!("/{}", m.url.trim().trim_start_matches('/'));
        let Some((path, _)) = site_path(&from_root, "/", "/") else {
            continue;
        };
        if targets.has(&path) {
            continue;
        }
        // The site's folder written in as well (`/xa/tin-tuc/` on a site served under
        // `/xa/`): the header adds it again.
        let root = site.config.root_path.as_str();
        let without_folder = path
            .strip_prefix(root)
            .filter(|_| root != "/")
            .map(|r| format!("/{r}"))
            .filter(|p| targets.has(p));
        let message = match without_folder {
            Some(fixed) => menu_with_folder(&m.name, &m.url, &fixed, root),
            None => missing_menu(&m.name, &m.url),
        };
        let column = usize::from(m.line > 0);
        let d = Diagnostic::at("site.toml", m.line, column, message);
        found.problems.push((Rule::Links, d));
    }
}

/// What is wrong with a link, if anything.
fn link(l: &Ref, here: &str, root: &str, targets: &Targets<'_>) -> Option<(Rule, String)> {
    let (url, written) = (l.url.as_str(), l.written.as_str());
    if l.raw
        && let Some(fixed) = outside_folder(url, root, targets)
    {
        return Some((Rule::Links, missing_folder(written, &fixed, root)));
    }
    let (path, anchor) = site_path(url, here, root)?;
    if !url.starts_with('#') && !targets.has(&path) {
        let message = if l.raw {
            missing_page_in_html(written, &path, root)
        } else {
            missing_page(written, &path)
        };
        return Some((Rule::Links, message));
    }
    let anchor = anchor.filter(|a| !a.is_empty())?;
    let ids = targets.ids.get(&path)?;
    let known = ids.contains(anchor.as_str()) || targets.theme_ids.contains(&anchor);
    (!known).then(|| {
        let mut known: Vec<&str> = ids.iter().copied().collect();
        known.sort_unstable();
        (Rule::Anchors, missing_anchor(written, &anchor, &known))
    })
}

/// For an address in raw HTML that starts at the host's root, outside the site's folder
/// (`/tin-tuc/` on a site served under `/xa/`), the address it was meant to be, when the
/// site has that page or file. congbo puts the folder before Markdown links, not before
/// raw HTML, so on a site served from a subfolder such a link is broken; one to a path
/// the site does not have may be another application on the same host, and is left alone.
fn outside_folder(url: &str, root: &str, targets: &Targets<'_>) -> Option<String> {
    if root == "/"
        || classify(url) != Address::SitePath
        || !url.starts_with('/')
        || url.starts_with(root)
    {
        return None;
    }
    let path = url.split(['?', '#']).next().unwrap_or(url);
    targets
        .has(&percent_decode(path))
        .then(|| format!("{root}{}", &url[1..]))
}

/// The site path (from the site root, no base path) and anchor a local address points to;
/// `None` for an address on another site or one that leaves the site's folder.
fn site_path(url: &str, here: &str, root: &str) -> Option<(String, Option<String>)> {
    if classify(url).leaves_site() {
        return None;
    }
    let (rest, anchor) = match url.split_once('#') {
        Some((r, a)) => (r, Some(percent_decode(a))),
        None => (url, None),
    };
    let rest = rest.split('?').next().unwrap_or("");
    let path = if rest.is_empty() {
        here.to_string()
    } else if let Some(r) = rest.strip_prefix(root) {
        format!("/{r}")
    } else if rest.starts_with('/') {
        // Under the host but outside the site's folder: not the site's to check.
        return None;
    } else {
        join(here, rest)?
    };
    Some((percent_decode(&path), anchor))
}

/// `%XX` sequences decoded (UTF-8), the rest kept.
fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && let (Some(h), Some(l)) = (
                b.get(i + 1).and_then(|c| hex(*c)),
                b.get(i + 2).and_then(|c| hex(*c)),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

fn missing_page(url: &str, path: &str) -> String {
    crate::tr!(
        en: "the link {url} points to {path}, which the site does not have; write the address of an existing page (for a content file, @/section/file.md), or remove the link",
        vi: "liên kết {url} trỏ đến {path}, nhưng trang không có địa chỉ này; hãy viết địa chỉ của một trang có thật (với một tệp nội dung: @/muc/tep.md), hoặc bỏ liên kết",
    )
}

fn menu_with_folder(name: &str, url: &str, fixed: &str, root: &str) -> String {
    crate::tr!(
        en: "the menu entry \"{name}\" links to {url}, which repeats the folder the site is served from ({root}): menu addresses start at the site root, and congbo adds the folder itself; write url = \"{fixed}\"",
        vi: "mục menu \"{name}\" trỏ đến {url}, tức là viết lặp thư mục mà trang web được đặt trong đó ({root}): địa chỉ trong menu tính từ gốc trang, congbo tự thêm thư mục; hãy viết url = \"{fixed}\"",
    )
}

fn missing_menu(name: &str, url: &str) -> String {
    crate::tr!(
        en: "the menu entry \"{name}\" links to {url}, which the site does not have; write the address of an existing page or section from the site root (e.g. url = \"/tin-tuc/\"), or remove the entry",
        vi: "mục menu \"{name}\" trỏ đến {url}, nhưng trang không có địa chỉ này; hãy viết địa chỉ của một trang hoặc chuyên mục có thật, tính từ gốc trang (ví dụ url = \"/tin-tuc/\"), hoặc bỏ mục này",
    )
}

/// For a link in raw HTML, which congbo does not rewrite: `@/…` and `….md` work only in
/// Markdown links.
fn missing_page_in_html(url: &str, path: &str, root: &str) -> String {
    crate::tr!(
        en: "the HTML link {url} points to {path}, which the site does not have; in HTML write the full address of an existing page ({root}section/page/), or write a Markdown link [text](@/section/file.md), which congbo turns into the right address",
        vi: "liên kết HTML {url} trỏ đến {path}, nhưng trang không có địa chỉ này; trong HTML hãy viết đầy đủ địa chỉ của một trang có thật ({root}muc/trang/), hoặc viết liên kết Markdown [chữ](@/muc/tep.md) để congbo đổi thành địa chỉ đúng",
    )
}

fn missing_anchor(url: &str, anchor: &str, known: &[&str]) -> String {
    let list = if known.is_empty() {
        crate::tr!(en: "that page has no headings to link to", vi: "trang đó không có đề mục nào để liên kết")
    } else {
        let shown: Vec<String> = known.iter().take(8).map(|k| format!("#{k}")).collect();
        crate::tr!(en: "its anchors are {}", vi: "các neo của nó là {}", shown.join(", "))
    };
    crate::tr!(
        en: "the link {url} points to the anchor #{anchor}, which that page does not have ({list}); link to one of these, or give the heading an id: ## Heading {{#{anchor}}}",
        vi: "liên kết {url} trỏ đến neo #{anchor}, nhưng trang đó không có ({list}); hãy trỏ đến một neo có thật, hoặc đặt id cho đề mục: ## Đề mục {{#{anchor}}}",
    )
}

fn missing_image(url: &str, path: &str) -> String {
    crate::tr!(
        en: "the image {url} points to {path}, which the site does not have; put the file beside the page (a page bundle: folder/index.md) or in static/, and check the spelling",
        vi: "ảnh {url} trỏ đến {path}, nhưng trang không có tệp này; hãy đặt tệp cạnh trang (thư mục trang: thu-muc/index.md) hoặc trong static/, và kiểm tra lại chính tả",
    )
}

fn no_alt(url: &str) -> String {
    crate::tr!(
        en: "the image {url} has no alt text: describe it for people who cannot see it, e.g. ![Cán bộ tiếp nhận hồ sơ]({url})",
        vi: "ảnh {url} không có văn bản thay thế: hãy tả bức ảnh cho người không nhìn thấy, ví dụ ![Cán bộ tiếp nhận hồ sơ]({url})",
    )
}

fn missing_folder(url: &str, fixed: &str, root: &str) -> String {
    crate::tr!(
        en: "the HTML address {url} leaves out the folder the site is served from ({root}), so it is broken once published; write {fixed}, or use Markdown, where congbo adds the folder itself",
        vi: "địa chỉ HTML {url} thiếu thư mục mà trang web được đặt trong đó ({root}), nên sẽ hỏng khi xuất bản; hãy viết {fixed}, hoặc dùng cú pháp Markdown, congbo sẽ tự thêm thư mục",
    )
}

fn no_alt_in_html(url: &str) -> String {
    crate::tr!(
        en: "the HTML image {url} has no alt attribute: describe it for people who cannot see it, e.g. <img src=\"{url}\" alt=\"Cán bộ tiếp nhận hồ sơ\">, or write alt=\"\" if it is only decoration",
        vi: "ảnh HTML {url} không có thuộc tính alt: hãy tả bức ảnh cho người không nhìn thấy, ví dụ <img src=\"{url}\" alt=\"Cán bộ tiếp nhận hồ sơ\">, hoặc viết alt=\"\" nếu ảnh chỉ để trang trí",
    )
}

/// [`site_path`], for the tests.
#[cfg(test)]
pub(super) fn path_of(url: &str, here: &str, root: &str) -> Option<(String, Option<String>)> {
    site_path(url, here, root)
}
