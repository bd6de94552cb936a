//! The output stage: feeds, sitemap, robots, redirects and static files join the rendered
//! pages, and everything is written to a staging folder that replaces `public/` only when
//! the whole write succeeded. A failed build leaves the old `public/` exactly as it was.

pub mod data;
pub mod feeds;
pub mod relative;
pub mod search;
pub mod served;
pub mod server;
pub mod sitemap;
mod write;

use std::collections::HashMap;

use std::path::PathBuf;

use walkdir::WalkDir;

use crate::output_file::{OutputData, OutputFile};
use crate::render::Theme;
use crate::site::Site;

/// Everything besides the rendered pages: feeds, sitemap, robots, aliases.
pub fn generated(site: &Site) -> Vec<OutputFile> {
    let mut out = Vec::new();
    generated_into(site, &mut |f, _| out.push(f));
    out
}

/// What kind of file [`generated_into`] made: the other side of an error when content
/// takes its URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Made {
    /// An RSS or Atom feed.
    Feed,
    /// A file of the open data (`/data/…`).
    OpenData,
    /// `sitemap.xml`.
    Sitemap,
    /// `robots.txt`.
    Robots,
    /// The redirect of a page's alias (a claim of the content itself).
    Redirect,
    /// A file of the search index (`/search/…`).
    SearchIndex,
}

impl Made {
    /// The file at `path` in words ("the feed /tin-tuc/rss.xml").
    pub fn words(self, path: &str) -> String {
        match self {
            Made::Feed => crate::tr!(en: "the feed {path}", vi: "kênh tin {path}"),
            Made::OpenData => {
                crate::tr!(en: "the open data file {path}", vi: "tệp dữ liệu mở {path}")
            }
            Made::Sitemap => crate::tr!(en: "the sitemap {path}", vi: "sơ đồ trang {path}"),
            Made::Robots => {
                crate::tr!(en: "the file {path} for search engines", vi: "tệp {path} cho máy tìm kiếm")
            }
            Made::Redirect => {
                crate::tr!(en: "the redirect {path}", vi: "trang chuyển hướng {path}")
            }
            Made::SearchIndex => {
                crate::tr!(en: "the search index file {path}", vi: "tệp chỉ mục tìm kiếm {path}")
            }
        }
    }
}

/// [`generated`], each file handed to `sink` with what it is as soon as its part is made
/// (in the same order), so a build can write them while the pages render instead of
/// holding them all.
pub fn generated_into(site: &Site, sink: &mut dyn FnMut(OutputFile, Made)) {
    generated_with(site, Words::Count, sink);
}

/// Where the search index takes each page's words from.
#[derive(Clone, Copy)]
pub enum Words<'a> {
    /// Counted now, a batch of pages at a time (a build).
    Count,
    /// Kept between edits by `congbo serve`, for every page of the site as it is.
    Kept(&'a search::PageWordsCache),
}

/// [`generated_into`], the search index made from `words`.
pub fn generated_with(site: &Site, words: Words<'_>, sink: &mut dyn FnMut(OutputFile, Made)) {
    generated_only(site, words, &|_| true, sink);
}

/// [`generated_with`], making only the kinds of file `make` asks for (`congbo serve`
/// keeps the others from its last build when an edit cannot change them). The files of
/// one kind are made together, in the same order as [`generated_with`] makes them.
pub fn generated_only(
    site: &Site,
    words: Words<'_>,
    make: &dyn Fn(Made) -> bool,
    sink: &mut dyn FnMut(OutputFile, Made),
) {
    if make(Made::Feed) {
        feeds::feeds(site)
            .into_iter()
            .for_each(|f| sink(f, Made::Feed));
    }
    if make(Made::OpenData) {
        data::open_data_into(
            site,
            &site.tasks,
            &site.agencies,
            &site.documents,
            &mut |f| sink(f, Made::OpenData),
        );
    }
    if make(Made::Sitemap) {
        sink(sitemap::sitemap(site), Made::Sitemap);
    }
    if make(Made::Robots) {
        sink(sitemap::robots(site), Made::Robots);
    }
    if make(Made::Redirect) {
        sitemap::aliases(site)
            .into_iter()
            .for_each(|f| sink(f, Made::Redirect));
    }
    if make(Made::SearchIndex) {
        match words {
            Words::Count => search::index_files_into(site, &mut |f| sink(f, Made::SearchIndex)),
            Words::Kept(kept) => kept
                .index_files(site)
                .into_iter()
                .for_each(|f| sink(f, Made::SearchIndex)),
        }
    }
}

/// What another language of a multilingual site makes besides its pages, into `sink` as
/// [`generated_into`]: feeds, redirects and its search index. The open data is the main
/// language's, and the sitemap and `robots.txt` are made once for all languages.
pub fn generated_for_language_into(site: &Site, sink: &mut dyn FnMut(OutputFile, Made)) {
    feeds::feeds(site)
        .into_iter()
        .for_each(|f| sink(f, Made::Feed));
    sitemap::aliases(site)
        .into_iter()
        .for_each(|f| sink(f, Made::Redirect));
    search::index_files_into(site, &mut |f| sink(f, Made::SearchIndex));
}

/// Whether a file at `path` can share its path with a rendered page: every page's file is
/// HTML (`…/index.html`, or a path the page names ending in `.html`), so a file of another
/// type never can, and may be written before the pages are done.
pub fn may_meet_a_page(path: &str) -> bool {
    path.ends_with(".html")
}

/// The content files (images, PDFs) published beside the pages.
pub fn content_files(site: &Site) -> Vec<OutputFile> {
    site.assets
        .iter()
        .map(|a| OutputFile {
            path: a.path.clone(),
            data: OutputData::Copy(a.abs.clone()),
        })
        .collect()
}

/// The server files (`.htaccess`, `web.config`), then static files of the theme, then the
/// site's `static/` (which wins over both), then content files.
pub fn static_files(theme: &Theme, site: &Site) -> Vec<OutputFile> {
    let mut out = server::server_files(&site.config);
    for (rel, abs) in static_entries(theme).files {
        out.push(OutputFile {
            path: rel,
            data: OutputData::Copy(abs),
        });
    }
    out.extend(content_files(site));
    out.extend(site.images.files());
    out
}

/// What the static folders hold: the files to publish (site path, file), and a warning for
/// each link that is not followed.
pub struct StaticEntries {
    /// `/css/style.css` and where it is read from.
    pub files: Vec<(String, PathBuf)>,
    /// A line for each link left out (outside the site, to a folder, broken, a loop).
    pub warnings: Vec<String>,
}

/// Walks the theme's and the site's `static/`: files, and links that stay inside the site
/// (by [`crate::content::walk::follow_link`], the rule `content/` follows too). Hidden and
/// temporary files are never published, but a site may bring its own `.htaccess` (and
/// files in hidden folders such as `.well-known/` are).
pub fn static_entries(theme: &Theme) -> StaticEntries {
    use crate::content::walk::{Link, follow_link, is_ignored};
    let mut found = StaticEntries {
        files: Vec::new(),
        warnings: Vec::new(),
    };
    for dir in &theme.static_dirs {
        let walker = WalkDir::new(dir).sort_by_file_name().into_iter();
        for e in walker.filter_map(Result::ok) {
            let name = e.file_name().to_string_lossy();
            let Ok(rel) = e.path().strip_prefix(dir) else {
                continue;
            };
            if is_ignored(&name) && name != ".htaccess" {
                continue;
            }
            let published = if e.path_is_symlink() {
                match follow_link(&theme.site_root, e.path()) {
                    Link::File => true,
                    why => {
                        let shown = e.path().strip_prefix(&theme.site_root).unwrap_or(e.path());
                        found.warnings.push(crate::tr!(
                            en: "{}: warning: not published: {}",
                            vi: "{}: cảnh báo: không đăng: {}",
                            shown.display(),
                            why.why()
                        ));
                        false
                    }
                }
            } else {
                e.file_type().is_file()
            };
            if published {
                let rel = rel.to_string_lossy().replace('\\', "/");
                found
                    .files
                    .push((format!("/{rel}"), e.path().to_path_buf()));
            }
        }
    }
    found
}

/// Joins the file lists; a later file replaces an earlier one at the same path (the site's
/// static files win over the theme's), but a page never loses to a redirect.
pub fn merge(lists: Vec<Vec<OutputFile>>) -> Vec<OutputFile> {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<OutputFile> = Vec::new();
    for f in lists.into_iter().flatten() {
        match index.get(&f.path) {
            Some(&i) => out[i] = f,
            None => {
                index.insert(f.path.clone(), out.len());
                out.push(f);
            }
        }
    }
    out
}

pub use write::{WriteReport, Writer, site_files, write};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_files_win() {
        let f = |p: &str, b: &str| OutputFile {
            path: p.into(),
            data: OutputData::Bytes(b.as_bytes().to_vec()),
        };
        let m = merge(vec![
            vec![f("/a", "theme"), f("/b", "x")],
            vec![f("/a", "site")],
        ]);
        assert_eq!(m.len(), 2);
        assert!(matches!(&m[0].data, OutputData::Bytes(b) if b == b"site"));
    }
}
