//! The files besides the pages (feeds, open data, sitemap, robots, redirects, search
//! index), kept between content edits by kind ([`Made`]): a content edit makes again only
//! the kinds that read something it changed; the others keep the last build's files. At
//! 10,000 pages making them all again was most of a title edit's time, and a news title
//! changes no plan, procedure or document of the open data, nor any date of the sitemap.
//!
//! What each kind reads of the pages, when the frame is the same (`affected::changed_pages`:
//! the configuration, the build date, which pages, sections, terms and agencies exist,
//! every page's path, kind and section):
//! - feeds: news pages (a section's pages are of its kind);
//! - open data: plans and their tasks, procedures, the cited documents (each with its own
//!   page's title and its citers' paths) and the agencies; when the documents differ only
//!   in their citers, `documents.json` alone;
//! - the sitemap: each page's date (or date updated), each term's number of pages, the
//!   agencies' paths and whether documents are cited;
//! - `robots.txt`: the configuration only;
//! - redirects: each page's aliases, and the agencies' old paths;
//! - the search index: every page.

use super::state::{Body, Files};
use crate::content::Kind;
use crate::output::search::{LiveIndex, PageWordsCache};
use crate::output::{self, Made, Words};
use crate::site::Site;
use crate::timing::StageClock;

/// Every kind, in the order `output::generated_with` makes them: a later file wins at a
/// path two kinds share, as it does there.
const KINDS: [Made; 6] = [
    Made::Feed,
    Made::OpenData,
    Made::Sitemap,
    Made::Robots,
    Made::Redirect,
    Made::SearchIndex,
];

/// The generated files of the last good build, by kind (in the order of [`KINDS`]).
#[derive(Default)]
pub(super) struct Generated {
    kinds: Vec<(Made, Files)>,
    /// The merged search index its files were made from, updated in place by an edit.
    search: Option<LiveIndex>,
}

impl Generated {
    /// Makes the kinds `stale` names for `site` (the search index from `words`), keeping
    /// the others' files from `old`; with no `old`, every kind is made. Adds to `touched`
    /// the paths of a kind made again whose file differs from `old`'s or went away.
    pub(super) fn make(
        site: &Site,
        words: &PageWordsCache,
        stale: &dyn Fn(Made) -> bool,
        old: Option<Generated>,
        touched: &mut Vec<String>,
    ) -> Generated {
        let mut clock = StageClock::new();
        let (mut old, search) = old.map(|g| (g.kinds, g.search)).unwrap_or_default();
        let mut kinds = Vec::with_capacity(KINDS.len());
        let mut search_stale = search.is_none();
        for kind in KINDS {
            let kept = (old.iter().position(|(k, _)| *k == kind)).map(|at| old.swap_remove(at).1);
            let files = match kept {
                Some(files) if !stale(kind) => files,
                // Updated in place below, from the kept merged index.
                kept if kind == Made::SearchIndex => {
                    search_stale = true;
                    kept.unwrap_or_default()
                }
                kept => {
                    let mut made = Vec::new();
                    output::generated_only(
                        site,
                        Words::Kept(words),
                        &|k| k == kind,
                        &mut |f, _| made.push(f),
                    );
                    let files = super::engine::to_files(made);
                    if let Some(kept) = &kept {
                        touched.extend(super::engine::differing(kept, &files));
                    }
                    clock.lap(&format!("serve: generated {kind:?}"));
                    files
                }
            };
            kinds.push((kind, files));
        }
        let mut g = Generated { kinds, search };
        if search_stale {
            g.search_again(site, words, touched);
            clock.lap("serve: generated SearchIndex");
        }
        g
    }

    /// The search index brought up to `site` and `words` (which holds every page of it):
    /// the kept merged index updated where pages changed, or merged again whole when
    /// they were reordered or many changed. Adds the paths that differ to `touched`.
    pub(super) fn search_again(
        &mut self,
        site: &Site,
        words: &PageWordsCache,
        touched: &mut Vec<String>,
    ) {
        let mut files = match self.kinds.iter().position(|(k, _)| *k == Made::SearchIndex) {
            Some(at) => std::mem::take(&mut self.kinds[at].1),
            None => Files::new(),
        };
        match self.search.as_mut().and_then(|s| s.update(site, words)) {
            Some(update) => {
                for path in update.gone {
                    if files.remove(&path).is_some() {
                        touched.push(path);
                    }
                }
                for (path, body) in super::engine::to_files(update.files) {
                    if files.get(&path) != Some(&body) {
                        touched.push(path.clone());
                        files.insert(path, body);
                    }
                }
            }
            None => {
                let (search, made) = LiveIndex::new(site, words);
                let made = super::engine::to_files(made);
                touched.extend(super::engine::differing(&files, &made));
                files = made;
                self.search = Some(search);
            }
        }
        self.set(Made::SearchIndex, files);
    }

    /// Replaces the files of one kind.
    pub(super) fn set(&mut self, kind: Made, files: Files) {
        match self.kinds.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, f)) => *f = files,
            None => self.kinds.push((kind, files)),
        }
    }

    /// Only the search index and its files, for a rebuild that makes every other kind
    /// again.
    pub(super) fn search_only(mut self) -> Generated {
        self.kinds.retain(|(k, _)| *k == Made::SearchIndex);
        self
    }

    /// The file at `path`, from the last kind that has one (the one a merge keeps).
    pub(super) fn get(&self, path: &str) -> Option<&Body> {
        self.kinds.iter().rev().find_map(|(_, f)| f.get(path))
    }

    /// How many files there are, counting a path two kinds share twice.
    pub(super) fn len(&self) -> usize {
        self.kinds.iter().map(|(_, f)| f.len()).sum()
    }

    /// Every file, kind by kind in the order they are made.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&String, &Body)> {
        self.kinds.iter().flat_map(|(_, f)| f.iter())
    }
}

/// Page `i` of `site`.
fn page(site: &Site, i: usize) -> &crate::content::Page {
    &site.pages[i].page
}

/// What of the generated files can differ from the last build's.
#[derive(Debug, Default)]
pub(super) struct Stale {
    /// Kinds to make again whole.
    pub(super) kinds: Vec<Made>,
    /// Only `documents.json` of the open data (when the open data is not made again
    /// whole): the documents differ only in which pages cite them, or in their order. A
    /// news title decides the order of the pages of its day, and so of the citers of the
    /// decrees it cites: at 10,000 pages making every open-data file again for that took
    /// ~80 ms.
    pub(super) documents_file: bool,
}

impl Generated {
    /// Makes `documents.json` again, keeping the other open-data files; adds its path to
    /// `touched`.
    pub(super) fn documents_file_again(&mut self, site: &Site, touched: &mut Vec<String>) {
        let f = output::data::documents_file(site, &site.documents);
        touched.push(f.path.clone());
        let files = super::engine::to_files(vec![f]);
        if let Some((_, kept)) = self.kinds.iter_mut().find(|(k, _)| *k == Made::OpenData) {
            kept.extend(files);
        }
    }
}

/// Which kinds of generated file can differ from `old`'s in `new`, when the frame is the
/// same and `changed` are the pages that differ (`affected::changed_pages`).
pub(super) fn stale_kinds(old: &Site, new: &Site, changed: &[usize]) -> Stale {
    let any = |f: &dyn Fn(usize) -> bool| changed.iter().any(|&i| f(i));
    let kind = |i: usize| new.pages[i].page.kind;
    let owns_a_document = |i: usize| {
        (old.documents.iter())
            .chain(&new.documents)
            .any(|d| d.page == Some(i))
    };
    let term_counts = |s: &Site| -> Vec<Vec<usize>> {
        (s.taxonomies.iter())
            .map(|t| t.terms.iter().map(|term| term.pages.len()).collect())
            .collect()
    };
    let mut stale = Vec::new();
    if any(&|i| matches!(kind(i), Kind::News | Kind::Bulletin)) {
        stale.push(Made::Feed);
    }
    let same_documents_but_citers = old.documents.len() == new.documents.len()
        && (old.documents.iter())
            .zip(&new.documents)
            .all(|(a, b)| a.same_but_citers(b));
    let mut documents_file = false;
    if !same_documents_but_citers
        || old.agencies != new.agencies
        || any(&|i| {
            matches!(
                kind(i),
                Kind::Plan
                    | Kind::Procedure
                    | Kind::Question
                    | Kind::Event
                    | Kind::Survey
                    | Kind::Contest
                    | Kind::Bulletin
            ) || owns_a_document(i)
        })
    {
        stale.push(Made::OpenData);
    } else if old.documents != new.documents {
        documents_file = true;
    }
    let date = |s: &Site, i: usize| page(s, i).updated.or(page(s, i).date);
    if any(&|i| date(old, i) != date(new, i))
        || term_counts(old) != term_counts(new)
        || old.agencies != new.agencies
        || old.documents.is_empty() != new.documents.is_empty()
    {
        stale.push(Made::Sitemap);
    }
    if old.agencies != new.agencies || any(&|i| page(old, i).aliases != page(new, i).aliases) {
        stale.push(Made::Redirect);
    }
    if !changed.is_empty() {
        stale.push(Made::SearchIndex);
    }
    Stale {
        kinds: stale,
        documents_file,
    }
}
