//! What a deploy will do, from the two manifests: which files are new, changed or to be
//! removed, and in which order, so that a reader of the target never meets a link to a
//! page that is not there yet: assets and new pages first, then changed pages, then the
//! home pages, feeds and sitemaps (the lists that point to everything), then removals.

use super::manifest::{Entry, Files};

/// Whether an upload adds a file or replaces one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// The target has no such file of congbo's.
    New,
    /// The target has an older version (or one a deploy did not finish).
    Changed,
}

/// One file to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upload {
    /// The site path (`a/b.html`).
    pub path: String,
    /// Its size and hash, for the target's manifest once it is in place.
    pub entry: Entry,
    /// New or changed.
    pub change: Change,
    /// The phase it goes in: every file of a phase is in place before any of the next is
    /// sent, however many go at once.
    pub phase: Phase,
}

/// The whole deploy, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// The files to send, in the order they go.
    pub uploads: Vec<Upload>,
    /// congbo's files the target has and the site no longer has, removed last.
    pub removals: Vec<String>,
    /// Files already on the target as they are.
    pub unchanged: usize,
}

/// The phases of the uploads, in the order they go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// Stylesheets, scripts, images, documents and new pages: nothing links to them yet.
    AssetsAndNewPages,
    /// Pages that replace older versions (they may link to the new ones).
    ChangedPages,
    /// The home pages, feeds, sitemaps and robots.txt: they point to everything.
    Lists,
}

/// Whether a site path is a page (HTML).
fn is_page(path: &str) -> bool {
    path.ends_with(".html") || path.ends_with(".htm")
}

/// Whether a site path is one of the lists that go last: a home page (`homes` holds the
/// site's, `index.html` and each language's `en/index.html`), a feed, a sitemap,
/// `robots.txt`, or the search index and open data of the site or of a language (they
/// list pages too).
fn is_last_list(path: &str, homes: &[String]) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let in_listing_folder = homes.iter().any(|h| {
        let lang = h.strip_suffix("index.html").unwrap_or("");
        path.strip_prefix(lang)
            .is_some_and(|rest| rest.starts_with("search/") || rest.starts_with("data/"))
    });
    homes.iter().any(|h| h == path)
        || in_listing_folder
        || matches!(name, "rss.xml" | "atom.xml" | "robots.txt")
        || (name.starts_with("sitemap") && name.ends_with(".xml"))
}

fn phase(path: &str, change: Change, homes: &[String]) -> Phase {
    if is_last_list(path, homes) {
        Phase::Lists
    } else if is_page(path) && change == Change::Changed {
        Phase::ChangedPages
    } else {
        Phase::AssetsAndNewPages
    }
}

impl Plan {
    /// Compares the built site (`local`) with what the target holds (`remote`, by its
    /// manifest); `homes` are the site's home pages (`index.html`, `en/index.html`).
    pub fn new(local: &Files, remote: &Files, homes: &[String]) -> Plan {
        let mut uploads = Vec::new();
        let mut unchanged = 0;
        for (path, entry) in local {
            let change = match remote.get(path) {
                None => Change::New,
                Some(r) if r == entry => {
                    unchanged += 1;
                    continue;
                }
                Some(_) => Change::Changed,
            };
            uploads.push(Upload {
                path: path.clone(),
                entry: entry.clone(),
                change,
                phase: phase(path, change, homes),
            });
        }
        // Stable: within a phase, the paths stay in their (sorted) order.
        uploads.sort_by_key(|u| u.phase);
        let removals = (remote.keys())
            .filter(|p| !local.contains_key(*p))
            .cloned()
            .collect();
        Plan {
            uploads,
            removals,
            unchanged,
        }
    }

    /// Whether there is nothing to do.
    pub fn is_empty(&self) -> bool {
        self.uploads.is_empty() && self.removals.is_empty()
    }

    /// The uploads phase by phase, in order: each a run of the same [`Phase`].
    pub fn phases(&self) -> impl Iterator<Item = &[Upload]> {
        self.uploads.chunk_by(|a, b| a.phase == b.phase)
    }

    /// Bytes to send.
    pub fn bytes(&self) -> u64 {
        self.uploads.iter().map(|u| u.entry.size).sum()
    }

    /// How many uploads are of `change`.
    pub fn count(&self, change: Change) -> usize {
        self.uploads.iter().filter(|u| u.change == change).count()
    }

    /// `N new, M changed, K removed, X MB`.
    pub fn summary(&self) -> String {
        let (new, changed, removed) = (
            self.count(Change::New),
            self.count(Change::Changed),
            self.removals.len(),
        );
        let mb = megabytes(self.bytes());
        crate::tr!(
            en: "{new} new, {changed} changed, {removed} removed, {mb} MB",
            vi: "{new} tệp mới, {changed} tệp thay đổi, {removed} tệp xoá, {mb} MB",
        )
    }
}

/// Bytes as megabytes with one decimal (`0.1` for anything above nothing and below it).
pub fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / 1_000_000.0;
    if bytes > 0 && mb < 0.1 {
        "0.1".into()
    } else {
        format!("{mb:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::super::manifest::hash;
    use super::*;

    fn files(list: &[(&str, &str)]) -> Files {
        list.iter()
            .map(|(p, text)| {
                let entry = Entry {
                    size: text.len() as u64,
                    hash: hash(text.as_bytes()),
                };
                (p.to_string(), entry)
            })
            .collect()
    }

    #[test]
    fn the_plan_sends_what_changed_in_an_order_that_never_links_to_a_missing_page() {
        let remote = files(&[
            ("index.html", "home v1"),
            ("tin-tuc/a.html", "a v1"),
            ("tin-tuc/index.html", "list v1"),
            ("tin-tuc/rss.xml", "feed v1"),
            ("style.css", "css"),
            ("old.html", "gone"),
            ("en/index.html", "en home v1"),
        ]);
        let local = files(&[
            ("index.html", "home v2"),
            ("tin-tuc/a.html", "a v1"),
            ("tin-tuc/b.html", "b new"),
            ("tin-tuc/index.html", "list v2"),
            ("tin-tuc/rss.xml", "feed v2"),
            ("style.css", "css"),
            ("anh/x.png", "png"),
            ("sitemap.xml", "sitemap"),
            ("en/search/s/0.json", "shard"),
            ("en/index.html", "en home v2"),
        ]);
        let homes = ["index.html".to_string(), "en/index.html".to_string()];
        let plan = Plan::new(&local, &remote, &homes);
        let order: Vec<&str> = plan.uploads.iter().map(|u| u.path.as_str()).collect();
        assert_eq!(
            order,
            [
                // Assets and new pages.
                "anh/x.png",
                "tin-tuc/b.html",
                // Changed pages.
                "tin-tuc/index.html",
                // Home pages, feeds, sitemap.
                "en/index.html",
                "en/search/s/0.json",
                "index.html",
                "sitemap.xml",
                "tin-tuc/rss.xml",
            ]
        );
        let phases: Vec<usize> = plan.phases().map(<[Upload]>::len).collect();
        assert_eq!(phases, [2, 1, 5]);
        assert_eq!(plan.removals, ["old.html"]);
        assert_eq!(plan.unchanged, 2);
        assert_eq!(
            (plan.count(Change::New), plan.count(Change::Changed)),
            (4, 4)
        );
        assert_eq!(plan.bytes(), 3 + 5 + 7 + 10 + 5 + 7 + 7 + 7);
        // The words are in the messages' language, which another test may have chosen.
        let summary = plan.summary();
        assert!(
            summary == "4 new, 4 changed, 1 removed, 0.1 MB"
                || summary == "4 tệp mới, 4 tệp thay đổi, 1 tệp xoá, 0.1 MB",
            "{summary}"
        );
    }

    #[test]
    fn an_unchanged_site_plans_nothing_and_an_unfinished_file_is_sent_again() {
        let local = files(&[("index.html", "home"), ("a.html", "a")]);
        assert!(Plan::new(&local, &local, &[]).is_empty());
        // A file a deploy began and did not finish is in the manifest with no hash.
        let mut remote = local.clone();
        if let Some(e) = remote.get_mut("a.html") {
            e.hash.clear();
        }
        let plan = Plan::new(&local, &remote, &[]);
        assert_eq!(plan.uploads.len(), 1);
        assert_eq!(plan.uploads[0].change, Change::Changed);
        assert_eq!(megabytes(0), "0.0");
        assert_eq!(megabytes(2_540_000), "2.5");
    }
}
