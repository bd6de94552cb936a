//! The words of every page kept between edits (`congbo serve`), so that an edit of one
//! page's body counts that page's words again, not the whole site's.

use std::sync::Arc;

use rayon::prelude::*;

use super::{
    PageWords, Record, json_file, locations, page_order, page_words, record, shards, sink_records,
};
use crate::output_file::OutputFile;
use crate::site::Site;

/// Each page's counted words and snippet, by page index, kept by `congbo serve` between
/// edits: after an edit of one page's body only that page is counted again, and the index
/// merged from the others' kept words. What a page's words are depends on that page alone
/// (its front matter and rendered body); its URL (in its record) is made anew each time.
pub struct PageWordsCache {
    /// Shared, so that a new model carries an unchanged page's words without copying.
    pub(super) pages: Vec<Arc<(PageWords, String)>>,
}

impl PageWordsCache {
    /// Every page of `site` counted.
    pub fn new(site: &Site) -> Self {
        PageWordsCache {
            pages: (0..site.pages.len())
                .into_par_iter()
                .map(|i| Arc::new(page_words(site, i)))
                .collect(),
        }
    }

    /// Every page of `site` with the words kept in `old` for page `same(i)` of the old
    /// site when it gives one (the caller vouches that page and its rendered body are
    /// unchanged), else counted.
    pub fn carried(
        site: &Site,
        old: &PageWordsCache,
        same: &(dyn Fn(usize) -> Option<usize> + Sync),
    ) -> Self {
        PageWordsCache {
            pages: (0..site.pages.len())
                .into_par_iter()
                .map(|i| match same(i).and_then(|j| old.pages.get(j)) {
                    Some(kept) => Arc::clone(kept),
                    None => Arc::new(page_words(site, i)),
                })
                .collect(),
        }
    }

    /// Counts page `i` again, after its page or body changed in `site`.
    pub fn update(&mut self, site: &Site, i: usize) {
        if let Some(slot) = self.pages.get_mut(i) {
            *slot = Arc::new(page_words(site, i));
        }
    }

    /// The index files of `site`, as [`super::index_files`] makes them, from the kept words; the
    /// cache must hold every page of `site` as it is now.
    pub fn index_files(&self, site: &Site) -> Vec<OutputFile> {
        let mut out = Vec::new();
        let order = page_order(site);
        let mut merger = shards::Merger::default();
        merger.add(order.iter().map(|&i| &self.pages[i].0));
        let records: Vec<Record<'_>> = order
            .iter()
            .map(|&i| record(site, i, self.pages[i].1.clone()))
            .collect();
        let mut made = 0;
        sink_records(&records, &mut made, &mut |f| out.push(f));
        out.extend(merger.finish().files(site));
        out.push(json_file("/search/loc.json", &locations(site, &order)));
        out
    }
}
