//! The merged search index kept between edits by `congbo serve`: an edit of a few pages
//! (a body, a title, tags) takes those pages' postings out and puts their new ones in, and
//! makes again only the shards and record chunks that hold them, with `meta.json` and
//! `loc.json`. At 10,000 pages merging every page's words again was ~120 ms of each edit.
//! The files are the same bytes as [`super::index_files`] makes for the site as it is now:
//! the shards are cut by the same rule ([`shards::split`]) and written by the same writer.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use super::shards::{self, Merger, Postings};
use super::{
    CHUNK, PageWords, PageWordsCache, Record, json_file, locations, page_order, postings, record,
};
use crate::output_file::OutputFile;
use crate::site::Site;

/// More changed pages than this are merged again whole: taking each out costs more.
const MOST_CHANGED: usize = 64;

/// One page's spellings of a folded word, each with its postings (of that page only).
type Variants = Vec<(String, Postings)>;

/// A folded word's spellings, each with its postings and their text, by spelling.
#[derive(Default)]
struct WordSlot {
    variants: Vec<(String, Postings, String)>,
    /// What it weighs in a shard ([`shards::word_weight`]).
    weight: usize,
}

/// The kept index of one site.
pub struct LiveIndex {
    words: BTreeMap<String, WordSlot>,
    /// Folded word pair → its pages and their text.
    pairs: BTreeMap<String, (Vec<u32>, String)>,
    /// Each page's words and snippet, by number (newest first), as last merged.
    pages: Vec<Arc<(PageWords, String)>>,
    /// Each page's path, by number: an edit that reorders the pages numbers them anew.
    paths: Vec<String>,
    /// The site's address of `/`, which every record's URL starts with.
    root_url: String,
    /// The shards' prefixes, by number.
    prefixes: Vec<String>,
}

/// What an update made again.
pub struct IndexUpdate {
    /// The files that may differ from before.
    pub files: Vec<OutputFile>,
    /// Shards that no longer exist.
    pub gone: Vec<String>,
}

/// A key of a shard: a folded word or a word pair.
#[derive(Clone, Copy)]
enum Key<'a> {
    Word(&'a str),
    Pair(&'a str),
}

impl LiveIndex {
    /// The index of `site` from `words` (which must hold every page of `site` as it is),
    /// and its files, the same as [`super::index_files`] makes.
    pub fn new(site: &Site, words: &PageWordsCache) -> (LiveIndex, Vec<OutputFile>) {
        let order = page_order(site);
        let mut merger = Merger::default();
        merger.add(order.iter().map(|&i| &words.pages[i].0));
        let index = merger.finish();
        let mut live = LiveIndex {
            words: BTreeMap::new(),
            pairs: BTreeMap::new(),
            pages: order.iter().map(|&i| Arc::clone(&words.pages[i])).collect(),
            paths: order
                .iter()
                .map(|&i| site.pages[i].page.path.clone())
                .collect(),
            root_url: site.config.url("/"),
            prefixes: Vec::new(),
        };
        for (folded, variants) in index.words {
            let mut slot = WordSlot {
                variants: (variants.into_iter())
                    .map(|(exact, list)| {
                        let text = postings_text(&list);
                        (exact, list, text)
                    })
                    .collect(),
                weight: 0,
            };
            slot.weigh(&folded);
            live.words.insert(folded, slot);
        }
        for (key, pages) in index.pairs {
            let text = pages_text(&pages);
            live.pairs.insert(key, (pages, text));
        }
        let mut files = live.records(site, &order, 0..order.len().div_ceil(CHUNK));
        files.extend(live.shards(site, None));
        files.push(json_file("/search/loc.json", &locations(site, &order)));
        (live, files)
    }

    /// Brings the index to `site` and `words`: the pages whose kept words differ from
    /// the last merged (by identity: the cache shares an unchanged page's) are taken out
    /// and put in again. `None` when the pages were added, removed or reordered (a date or
    /// a path changed), the site's address changed, or many pages changed: the caller
    /// makes a new index with [`LiveIndex::new`].
    pub fn update(&mut self, site: &Site, words: &PageWordsCache) -> Option<IndexUpdate> {
        if site.pages.len() != self.pages.len() || site.config.url("/") != self.root_url {
            return None;
        }
        let order = page_order(site);
        let reordered = (order.iter())
            .zip(&self.paths)
            .any(|(&i, path)| site.pages[i].page.path != *path);
        if reordered {
            return None;
        }
        let changed: Vec<usize> = (0..order.len())
            .filter(|&n| !Arc::ptr_eq(&self.pages[n], &words.pages[order[n]]))
            .collect();
        if changed.len() > MOST_CHANGED {
            return None;
        }
        let mut touched: BTreeSet<String> = BTreeSet::new();
        for &n in &changed {
            let new = Arc::clone(&words.pages[order[n]]);
            let old = std::mem::replace(&mut self.pages[n], Arc::clone(&new));
            self.replace(n, &old.0, &new.0, &mut touched);
        }
        let chunks: BTreeSet<usize> = changed.iter().map(|n| n / CHUNK).collect();
        let mut files = self.records(site, &order, chunks.into_iter());
        let before = self.prefixes.len();
        files.extend(self.shards(site, Some(&touched)));
        files.push(json_file("/search/loc.json", &locations(site, &order)));
        let gone = (self.prefixes.len()..before)
            .map(|n| format!("/search/s/{n}.json"))
            .collect();
        Some(IndexUpdate { files, gone })
    }

    /// Page `n`'s postings of `old` replaced by those of `new`: only the keys whose
    /// postings of this page differ are touched (an edit of a few words leaves the
    /// page's other hundreds, and their shards, as they were).
    fn replace(
        &mut self,
        n: usize,
        old: &PageWords,
        new: &PageWords,
        touched: &mut BTreeSet<String>,
    ) {
        let (old_words, old_pairs) = alone(n, old);
        let (new_words, new_pairs) = alone(n, new);
        let by_key = |w: &[shards::WordEntry]| -> HashMap<String, Variants> {
            w.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
        };
        let (was, now) = (by_key(&old_words), by_key(&new_words));
        for (folded, variants) in old_words {
            if now.get(&folded) != Some(&variants) {
                self.take_word(n, &folded, &variants);
                touched.insert(folded);
            }
        }
        for (folded, variants) in new_words {
            if was.get(&folded) != Some(&variants) {
                self.put_word(&folded, variants);
                touched.insert(folded);
            }
        }
        let pairs = |list: Vec<(String, Vec<u32>)>| -> BTreeSet<String> {
            list.into_iter().map(|(k, _)| k).collect()
        };
        let (was, now) = (pairs(old_pairs), pairs(new_pairs));
        for key in was.difference(&now) {
            if let Some((list, _)) = self.pairs.get_mut(key) {
                if let Ok(at) = list.binary_search(&(n as u32)) {
                    list.remove(at);
                }
                if list.is_empty() {
                    self.pairs.remove(key);
                }
            }
            touched.insert(key.clone());
        }
        for key in now.difference(&was) {
            let (list, _) = self.pairs.entry(key.clone()).or_default();
            if let Err(at) = list.binary_search(&(n as u32)) {
                list.insert(at, n as u32);
            }
            touched.insert(key.clone());
        }
    }

    /// Page `n`'s postings of a folded word taken out.
    fn take_word(&mut self, n: usize, folded: &str, variants: &Variants) {
        let Some(slot) = self.words.get_mut(folded) else {
            return;
        };
        for (exact, _) in variants {
            if let Ok(v) = slot.variants.binary_search_by(|x| x.0.cmp(exact)) {
                let list = &mut slot.variants[v].1;
                if let Ok(at) = list.binary_search_by(|x| x.0.cmp(&(n as u32))) {
                    list.remove(at);
                }
                if list.is_empty() {
                    slot.variants.remove(v);
                }
            }
        }
        if slot.variants.is_empty() {
            self.words.remove(folded);
        }
    }

    /// A page's postings of a folded word put in.
    fn put_word(&mut self, folded: &str, variants: Variants) {
        let slot = self.words.entry(folded.to_string()).or_default();
        for (exact, list) in variants {
            let v = match slot.variants.binary_search_by(|x| x.0.cmp(&exact)) {
                Ok(v) => v,
                Err(v) => {
                    slot.variants.insert(v, (exact, Vec::new(), String::new()));
                    v
                }
            };
            let postings = &mut slot.variants[v].1;
            for posting in list {
                match postings.binary_search_by(|x| x.0.cmp(&posting.0)) {
                    Ok(at) => postings[at] = posting,
                    Err(at) => postings.insert(at, posting),
                }
            }
        }
    }

    /// The record chunks `chunks` of the pages in `order`.
    fn records(
        &self,
        site: &Site,
        order: &[usize],
        chunks: impl Iterator<Item = usize>,
    ) -> Vec<OutputFile> {
        chunks
            .map(|c| {
                let numbers = c * CHUNK..((c + 1) * CHUNK).min(order.len());
                let records: Vec<Record<'_>> = numbers
                    .map(|n| record(site, order[n], self.pages[n].1.clone()))
                    .collect();
                json_file(&format!("/search/d/{c}.json"), &records)
            })
            .collect()
    }

    /// The index cut into shards again: `meta.json` and the shards that may have changed
    /// (every one with `touched` `None`; else those that hold a touched key, whose texts
    /// are made again first, and those whose keys or number the new cut changed).
    fn shards(&mut self, site: &Site, touched: Option<&BTreeSet<String>>) -> Vec<OutputFile> {
        if let Some(keys) = touched {
            for key in keys {
                if let Some(slot) = self.words.get_mut(key) {
                    for (_, list, text) in &mut slot.variants {
                        *text = postings_text(list);
                    }
                    slot.weigh(key);
                }
                if let Some((pages, text)) = self.pairs.get_mut(key) {
                    *text = pages_text(pages);
                }
            }
        }
        let entries = self.entries();
        let mut cut: Vec<(String, Vec<Key<'_>>)> = Vec::new();
        shards::split(&entries, "", &mut cut);
        cut.sort_by(|a, b| a.0.cmp(&b.0));
        let dirty: Option<BTreeSet<usize>> = touched.map(|keys| {
            // A key lives in the shard of the longest prefix that begins it: a shard keeps
            // its keys unless a prefix that extends its own came or went (keys moved
            // between them), or its number changed (its file is another's).
            let was: BTreeSet<&str> = self.prefixes.iter().map(String::as_str).collect();
            let now: BTreeSet<&str> = cut.iter().map(|(p, _)| p.as_str()).collect();
            let moved: Vec<&str> = was.symmetric_difference(&now).copied().collect();
            let number: HashMap<&str, usize> = (cut.iter().enumerate())
                .map(|(n, (p, _))| (p.as_str(), n))
                .collect();
            let mut dirty: BTreeSet<usize> =
                keys.iter().filter_map(|k| shard_of(&number, k)).collect();
            for (n, (p, _)) in cut.iter().enumerate() {
                let extended =
                    (moved.iter()).any(|q| q.len() > p.len() && q.starts_with(p.as_str()));
                if extended || self.prefixes.get(n) != Some(p) {
                    dirty.insert(n);
                }
            }
            dirty
        });
        let mut files: Vec<OutputFile> = (cut.iter().enumerate())
            .filter(|(n, _)| dirty.as_ref().is_none_or(|d| d.contains(n)))
            .map(|(n, (_, list))| OutputFile {
                path: format!("/search/s/{n}.json"),
                data: crate::output_file::OutputData::Bytes(self.shard(list).into_bytes()),
            })
            .collect();
        let prefixes: Vec<&str> = cut.iter().map(|(p, _)| p.as_str()).collect();
        files.push(shards::meta_file(site, &prefixes));
        let prefixes = cut.into_iter().map(|(p, _)| p).collect();
        self.prefixes = prefixes;
        files
    }

    /// Every key with its weight, sorted by key (a word before a pair of the same key, as
    /// the whole merge sorts them).
    fn entries(&self) -> Vec<(&str, usize, Key<'_>)> {
        let mut out = Vec::with_capacity(self.words.len() + self.pairs.len());
        let mut words = self.words.iter().peekable();
        let mut pairs = self.pairs.iter().peekable();
        loop {
            let word_first = match (words.peek(), pairs.peek()) {
                (Some(w), Some(p)) => w.0 <= p.0,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            if word_first {
                if let Some((k, slot)) = words.next() {
                    out.push((k.as_str(), slot.weight, Key::Word(k.as_str())));
                }
            } else if let Some((k, (_, text))) = pairs.next() {
                out.push((
                    k.as_str(),
                    shards::pair_weight(k, text),
                    Key::Pair(k.as_str()),
                ));
            }
        }
        out
    }

    /// One shard's JSON.
    fn shard(&self, list: &[Key<'_>]) -> String {
        let words = list.iter().filter_map(|k| match *k {
            Key::Word(w) => {
                let slot = self.words.get(w)?;
                let variants = slot.variants.iter();
                Some((w, variants.map(|(e, _, t)| (e.as_str(), t.as_str()))))
            }
            Key::Pair(_) => None,
        });
        let pairs = list.iter().filter_map(|k| match *k {
            Key::Pair(p) => self.pairs.get(p).map(|(_, t)| (p, t.as_str())),
            Key::Word(_) => None,
        });
        shards::shard_json(words, pairs)
    }
}

impl WordSlot {
    fn weigh(&mut self, key: &str) {
        let variants = self.variants.iter();
        self.weight = shards::word_weight(key, variants.map(|(e, _, t)| (e.as_str(), t.as_str())));
    }
}

/// One page's words as the whole merge files them under page number `n`: folded word →
/// spellings → postings, and word pairs.
#[allow(clippy::type_complexity)]
fn alone(n: usize, page: &PageWords) -> (Vec<shards::WordEntry>, Vec<(String, Vec<u32>)>) {
    let mut merger = Merger::numbering_from(n as u32);
    merger.add([page]);
    let index = merger.finish();
    (index.words, index.pairs)
}

/// The shard of the longest shard prefix that begins `key` (how the script finds it).
fn shard_of(number: &HashMap<&str, usize>, key: &str) -> Option<usize> {
    let mut ends: Vec<usize> = key.char_indices().map(|(i, _)| i).skip(1).collect();
    ends.push(key.len());
    (ends.into_iter().rev())
        .chain([0])
        .find_map(|end| number.get(&key[..end]).copied())
}

fn postings_text(list: &[(u32, u32)]) -> String {
    let mut s = String::with_capacity(list.len() * 2);
    postings::push_postings(&mut s, list);
    s
}

fn pages_text(list: &[u32]) -> String {
    let mut s = String::with_capacity(list.len() * 2);
    postings::push_pages(&mut s, list);
    s
}

#[cfg(test)]
mod tests;
