//! Merges the pages' words into one index and cuts it into shards by folded key prefix:
//! a prefix whose keys weigh more than [`LIMIT`] bytes is split by the next letter, the
//! heaviest parts first, until what is left fits. A key lives in the shard of the longest
//! shard prefix that begins it (the script looks it up the same way), so a query fetches
//! one shard a word, or the few under a short prefix being typed.

use rayon::prelude::*;

use super::{FxMap, PageWords, json_file, postings};
use crate::output_file::{OutputData, OutputFile};
use crate::site::Site;

/// About how many bytes of JSON a shard may hold before it is split.
pub(crate) const LIMIT: usize = 12 * 1024;

/// Postings: (page, score), by page.
pub(super) type Postings = Vec<(u32, u32)>;
/// A folded word and its exact spellings, each with its postings.
pub(super) type WordEntry = (String, Vec<(String, Postings)>);
/// A key of the sorted key list: (folded key, weight in bytes, what it is).
type Keyed<'a, E = Entry> = (&'a str, usize, E);

/// The merged index, every list sorted.
pub(super) struct Index {
    /// Folded word → its exact spellings → postings (page, score), by page.
    pub(super) words: Vec<WordEntry>,
    /// Folded word pair (`"khai sinh"`) → pages, ascending.
    pub(super) pairs: Vec<(String, Vec<u32>)>,
}

/// One key of a shard: a word (index in `words`) or a pair (index in `pairs`).
#[derive(Clone, Copy)]
enum Entry {
    Word(usize),
    Pair(usize),
}

/// Pages' words interned as they come, a batch at a time, so that only one batch's
/// [`PageWords`] is ever held (at 100,000 pages, all of them were half a gigabyte).
#[derive(Default)]
pub(super) struct Merger {
    /// Each distinct word of up to 16 bytes (nearly all), as one integer (see
    /// [`super::packed`]), and its number (its index in `postings`): an integer key hashes
    /// and compares in a step and lives in the table, where a string key was a pointer
    /// to follow for every word of every page.
    ids: FxMap<u128, u32>,
    /// The longer words and their numbers.
    long_ids: FxMap<Box<str>, u32>,
    postings: Vec<Vec<(u32, u32)>>,
    pair_pages: FxMap<u64, Vec<u32>>,
    /// Pages merged so far: the number of the next one.
    pages: u32,
}

impl Merger {
    /// A merger whose first page is number `n` (one page's postings as the whole merge
    /// numbers them).
    pub(super) fn numbering_from(n: u32) -> Self {
        Merger {
            pages: n,
            ..Merger::default()
        }
    }

    /// Adds the next pages, in index order.
    pub(super) fn add<'a>(&mut self, pages: impl IntoIterator<Item = &'a PageWords>) {
        let mut local: Vec<u32> = Vec::new();
        for page in pages {
            let p = self.pages;
            self.pages += 1;
            local.clear();
            for &(s, e, score) in &page.words {
                let w = &page.text[s as usize..e as usize];
                let next = self.postings.len() as u32;
                let id = match super::packed_at(&page.text, s as usize, e as usize) {
                    Some(key) => *self.ids.entry(key).or_insert(next),
                    None => match self.long_ids.get(w) {
                        Some(&id) => id,
                        None => *self.long_ids.entry(w.into()).or_insert(next),
                    },
                };
                if id == next {
                    self.postings.push(Vec::new());
                }
                self.postings[id as usize].push((p, score));
                local.push(id);
            }
            for &(a, b) in &page.pairs {
                let key = (u64::from(local[a as usize]) << 32) | u64::from(local[b as usize]);
                self.pair_pages.entry(key).or_default().push(p);
            }
        }
    }

    /// Folds each distinct word once and sorts every list.
    pub(super) fn finish(self) -> Index {
        // The words in number order, from the maps (kept once, not also in a list).
        let mut distinct: Vec<Box<str>> = vec![Box::from(""); self.postings.len()];
        for (key, id) in self.ids {
            distinct[id as usize] = super::unpacked(key).into();
        }
        for (w, id) in self.long_ids {
            distinct[id as usize] = w;
        }
        Index::fold(&distinct, self.postings, self.pair_pages)
    }
}

impl Index {
    /// The index of the interned words (`postings[i]` is `distinct[i]`'s): each word
    /// folded once, every list sorted.
    fn fold(
        distinct: &[Box<str>],
        postings: Vec<Vec<(u32, u32)>>,
        pair_pages: FxMap<u64, Vec<u32>>,
    ) -> Index {
        let keys: Vec<(String, String)> = distinct
            .par_iter()
            .map(|w| (super::folded(w), super::exact(w)))
            .collect();
        let mut words: FxMap<&str, FxMap<&str, Postings>> = FxMap::default();
        for ((f, e), list) in keys.iter().zip(postings) {
            words
                .entry(f)
                .or_default()
                .entry(e)
                .or_default()
                .extend(list);
        }
        let mut words: Vec<WordEntry> = words
            .into_iter()
            .map(|(f, variants)| {
                let mut v: Vec<(String, Vec<(u32, u32)>)> = variants
                    .into_iter()
                    .map(|(e, list)| (e.to_string(), merge_postings(list)))
                    .collect();
                v.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                (f.to_string(), v)
            })
            .collect();
        words.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut pairs: FxMap<String, Vec<u32>> = FxMap::default();
        for (key, list) in pair_pages {
            let (a, b) = ((key >> 32) as usize, (key & 0xffff_ffff) as usize);
            // Joined by hand: a `format!` for each of the pairs was most of this loop.
            let (fa, fb) = (&keys[a].0, &keys[b].0);
            let mut k = String::with_capacity(fa.len() + 1 + fb.len());
            k.push_str(fa);
            k.push(' ');
            k.push_str(fb);
            pairs.entry(k).or_default().extend(list);
        }
        let mut pairs: Vec<(String, Vec<u32>)> = pairs
            .into_par_iter()
            .map(|(k, mut list)| {
                list.sort_unstable();
                list.dedup();
                (k, list)
            })
            .collect();
        pairs.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Index { words, pairs }
    }

    /// `search/meta.json` and the shard files.
    pub(super) fn files(&self, site: &Site) -> Vec<OutputFile> {
        // Every posting list in its text form once: its length is what it weighs.
        let words: Vec<Vec<String>> = self
            .words
            .par_iter()
            .map(|(_, v)| {
                v.iter()
                    .map(|(_, l)| {
                        let mut s = String::with_capacity(l.len() * 2);
                        postings::push_postings(&mut s, l);
                        s
                    })
                    .collect()
            })
            .collect();
        let pairs: Vec<String> = self
            .pairs
            .par_iter()
            .map(|(_, l)| {
                let mut s = String::with_capacity(l.len() * 2);
                postings::push_pages(&mut s, l);
                s
            })
            .collect();
        let mut entries: Vec<Keyed> = self
            .words
            .iter()
            .zip(&words)
            .enumerate()
            .map(|(i, ((k, v), text))| {
                let variants = v
                    .iter()
                    .zip(text)
                    .map(|((e, _), t)| (e.as_str(), t.as_str()));
                (k.as_str(), word_weight(k, variants), Entry::Word(i))
            })
            .chain(
                self.pairs
                    .iter()
                    .zip(&pairs)
                    .enumerate()
                    .map(|(i, ((k, _), t))| (k.as_str(), pair_weight(k, t), Entry::Pair(i))),
            )
            .collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        let mut shards: Vec<(String, Vec<Entry>)> = Vec::new();
        split(&entries, "", &mut shards);
        shards.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out: Vec<OutputFile> = shards
            .par_iter()
            .enumerate()
            .map(|(n, (_, list))| OutputFile {
                path: format!("/search/s/{n}.json"),
                data: OutputData::Bytes(self.shard_json(list, &words, &pairs).into_bytes()),
            })
            .collect();
        let prefixes: Vec<&str> = shards.iter().map(|(p, _)| p.as_str()).collect();
        out.push(meta_file(site, &prefixes));
        out
    }

    /// A shard's JSON (see [`shard_json`]) from the merged lists.
    fn shard_json(&self, list: &[Entry], words: &[Vec<String>], pairs: &[String]) -> String {
        shard_json(
            list.iter().filter_map(|e| match *e {
                Entry::Word(i) => {
                    let (k, variants) = &self.words[i];
                    let texts = variants.iter().zip(&words[i]);
                    Some((
                        k.as_str(),
                        texts.map(|((e, _), t)| (e.as_str(), t.as_str())),
                    ))
                }
                Entry::Pair(_) => None,
            }),
            list.iter().filter_map(|e| match *e {
                Entry::Pair(i) => Some((self.pairs[i].0.as_str(), pairs[i].as_str())),
                Entry::Word(_) => None,
            }),
        )
    }
}

/// What a word key weighs in a shard: its key and each spelling with its postings' text.
pub(super) fn word_weight<'a>(
    key: &str,
    variants: impl Iterator<Item = (&'a str, &'a str)>,
) -> usize {
    key.len() + 4 + variants.map(|(e, t)| e.len() + 4 + t.len()).sum::<usize>()
}

/// What a word pair key weighs in a shard: its key and its pages' text.
pub(super) fn pair_weight(key: &str, text: &str) -> usize {
    key.len() + 4 + text.len()
}

/// `search/meta.json`, for the shards of these prefixes.
pub(super) fn meta_file(site: &Site, prefixes: &[&str]) -> OutputFile {
    let meta = Meta {
        v: 2,
        pages: site.pages.len(),
        chunk: super::CHUNK,
        title: super::TITLE,
        shards: prefixes.to_vec(),
    };
    json_file("/search/meta.json", &meta)
}

/// A shard's JSON: `{"w":{folded:{exact:"postings"}},"p":{pair:"pages"}}`: its words (each
/// folded key with its spellings and their postings' text) and pairs (each key with its
/// pages' text), as [`postings`] writes them, in key order.
pub(super) fn shard_json<'a, V>(
    words: impl Iterator<Item = (&'a str, V)>,
    pairs: impl Iterator<Item = (&'a str, &'a str)>,
) -> String
where
    V: Iterator<Item = (&'a str, &'a str)>,
{
    let mut s = String::with_capacity(LIMIT + 1024);
    s.push_str("{\"w\":{");
    for (n, (k, variants)) in words.enumerate() {
        if n > 0 {
            s.push(',');
        }
        push_key(&mut s, k);
        s.push('{');
        for (j, (exact, text)) in variants.enumerate() {
            if j > 0 {
                s.push(',');
            }
            push_key(&mut s, exact);
            push_text(&mut s, text);
        }
        s.push('}');
    }
    s.push_str("},\"p\":{");
    for (n, (k, text)) in pairs.enumerate() {
        if n > 0 {
            s.push(',');
        }
        push_key(&mut s, k);
        push_text(&mut s, text);
    }
    s.push_str("}}");
    s
}

/// A JSON string of [`postings`] text (its characters need no escaping).
fn push_text(s: &mut String, text: &str) {
    s.push('"');
    s.push_str(text);
    s.push('"');
}

/// `search/meta.json`.
#[derive(serde::Serialize)]
struct Meta<'a> {
    /// Format version.
    v: u32,
    pages: usize,
    chunk: usize,
    /// What a title word adds to a score.
    title: u32,
    /// Shard prefixes; shard `n` is `search/s/<n>.json`.
    shards: Vec<&'a str>,
}

/// `"key":` with the key escaped as JSON.
fn push_key(s: &mut String, k: &str) {
    if k.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        s.push('"');
        s.push_str(k);
        s.push('"');
    } else {
        s.push_str(&serde_json::to_string(k).unwrap_or_else(|_| "\"\"".into()));
    }
    s.push(':');
}

/// Postings of several spellings that share an exact key, one per page (the higher
/// title flag, the counts added).
fn merge_postings(mut list: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    list.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(list.len());
    for (p, s) in list {
        match out.last_mut() {
            Some(last) if last.0 == p => {
                let title = (last.1 | s) & super::TITLE;
                let tf = (last.1 % super::TITLE + s % super::TITLE).min(super::TITLE - 1);
                last.1 = title | tf;
            }
            _ => out.push((p, s)),
        }
    }
    out
}

/// Cuts the sorted `entries` (key, weight, what it is) that all begin with `prefix` into
/// shards.
pub(super) fn split<E: Copy>(
    entries: &[Keyed<'_, E>],
    prefix: &str,
    out: &mut Vec<(String, Vec<E>)>,
) {
    let total: usize = entries.iter().map(|e| e.1).sum();
    if total <= LIMIT && !prefix.is_empty() {
        out.push((prefix.to_string(), entries.iter().map(|e| e.2).collect()));
        return;
    }
    // Keys equal to the prefix stay; the rest are grouped by their next character.
    let mut kept: Vec<E> = Vec::new();
    let mut kept_weight = 0;
    let mut groups: Vec<(String, &[Keyed<'_, E>], usize)> = Vec::new();
    let mut i = 0;
    while i < entries.len() {
        let key = entries[i].0;
        let Some(c) = key[prefix.len()..].chars().next() else {
            kept.push(entries[i].2);
            kept_weight += entries[i].1;
            i += 1;
            continue;
        };
        let child = format!("{prefix}{c}");
        let end = i + entries[i..].partition_point(|e| e.0.starts_with(child.as_str()));
        let weight = entries[i..end].iter().map(|e| e.1).sum();
        groups.push((child, &entries[i..end], weight));
        i = end;
    }
    // The heaviest groups get shards of their own until what is left fits here.
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by(|&a, &b| groups[b].2.cmp(&groups[a].2).then(a.cmp(&b)));
    let mut rest: usize = kept_weight + groups.iter().map(|g| g.2).sum::<usize>();
    let mut own = vec![false; groups.len()];
    for &g in &order {
        if rest <= LIMIT && !prefix.is_empty() {
            break;
        }
        own[g] = true;
        rest -= groups[g].2;
    }
    for (g, (child, list, _)) in groups.iter().enumerate() {
        if own[g] {
            split(list, child, out);
        } else {
            kept.extend(list.iter().map(|e| e.2));
        }
    }
    if !kept.is_empty() {
        out.push((prefix.to_string(), kept));
    }
}

#[cfg(test)]
mod tests {
    use super::super::count::count;
    use super::*;

    fn page(text: &str) -> PageWords {
        count(text, text.find('\n').unwrap_or(0))
    }

    fn merged(batches: &[&[&str]]) -> (Vec<WordEntry>, Vec<(String, Vec<u32>)>) {
        let mut m = Merger::default();
        for batch in batches {
            let words: Vec<PageWords> = batch.iter().map(|t| page(t)).collect();
            m.add(&words);
        }
        let index = m.finish();
        (index.words, index.pairs)
    }

    #[test]
    fn pages_merged_in_batches_are_numbered_as_one_list() {
        let texts = [
            "khai sinh\ncấp giấy khai sinh cho trẻ",
            "hóa đơn\nthủ tục hoá đơn khai sinh",
            "kế hoạch\nkhai sinh trực tuyến",
            "khai tử\ncấp giấy khai tử",
        ];
        let whole = merged(&[&texts]);
        assert_eq!(merged(&[&texts[..1], &texts[1..3], &texts[3..]]), whole);
        // Page numbers run on across batches: "khai tử" is on the fourth page only.
        let (words, pairs) = whole;
        let tu = words.iter().find(|w| w.0 == "tu").map(|w| &w.1[0].1);
        assert_eq!(tu.map(|l| l[0].0), Some(3));
        let khai_sinh = pairs.iter().find(|p| p.0 == "khai sinh").map(|p| &p.1);
        assert_eq!(khai_sinh, Some(&vec![0, 1, 2]));
    }
}
