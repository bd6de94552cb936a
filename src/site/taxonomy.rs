//! Taxonomies: `tags` (chủ đề) and `fields` (lĩnh vực). Terms spelled with old and new tone
//! placement or other case are one term; the first spelling met is shown.

use std::collections::HashMap;

use super::PageEntry;
use crate::content::page::SortBy;
use crate::text::collate;
use crate::text::fold::match_key;
use crate::text::slug::slugify;

/// One taxonomy and its terms.
#[derive(Debug)]
pub struct Taxonomy {
    /// Front matter key: `tags` or `fields`.
    pub name: &'static str,
    /// Heading shown to readers.
    pub title: &'static str,
    /// Site path of its list page (`/chu-de/`).
    pub path: String,
    /// Terms in Vietnamese alphabetical order.
    pub terms: Vec<Term>,
    /// `match_key` of a spelling → index in `terms`, so views find a page's terms directly.
    pub index: HashMap<String, usize>,
}

impl Taxonomy {
    /// The term a spelling belongs to (any case or tone placement).
    pub fn term(&self, spelling: &str) -> Option<&Term> {
        self.index
            .get(&match_key(spelling))
            .map(|i| &self.terms[*i])
    }
}

/// A term and its pages, newest first.
#[derive(Debug)]
pub struct Term {
    /// Display spelling.
    pub name: String,
    /// ASCII slug.
    pub slug: String,
    /// Site path (`/chu-de/mot-cua/`).
    pub path: String,
    /// Pages, newest first.
    pub pages: Vec<usize>,
}

/// Builds both taxonomies from the pages.
pub fn build(pages: &[PageEntry]) -> Vec<Taxonomy> {
    vec![
        one(pages, "tags", "Chủ đề", "/chu-de/", |p| &p.page.tags),
        one(pages, "fields", "Lĩnh vực", "/linh-vuc/", |p| {
            &p.page.fields
        }),
    ]
}

fn one(
    pages: &[PageEntry],
    name: &'static str,
    title: &'static str,
    base: &str,
    values: impl Fn(&PageEntry) -> &Vec<String>,
) -> Taxonomy {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut terms: Vec<Term> = Vec::new();
    for (i, p) in pages.iter().enumerate() {
        for v in values(p) {
            let key = match_key(v);
            let t = *index.entry(key).or_insert_with(|| {
                let slug = slugify(v);
                terms.push(Term {
                    name: v.clone(),
                    path: format!("{base}{slug}/"),
                    slug,
                    pages: Vec::new(),
                });
                terms.len() - 1
            });
            if terms[t].pages.last() != Some(&i) {
                terms[t].pages.push(i);
            }
        }
    }
    for t in &mut terms {
        t.pages
            .sort_by(|a, b| super::compare_pages(&pages[*a].page, &pages[*b].page, SortBy::Date));
    }
    terms.sort_by(|a, b| collate::compare(&a.name, &b.name));
    // Two different terms may still slug alike ("Hộ tịch" / "Hồ tích"): keep their URLs apart.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for t in &mut terms {
        let n = seen.entry(t.slug.clone()).or_insert(0);
        if *n > 0 {
            t.slug = format!("{}-{}", t.slug, n);
            t.path = format!("{base}{}/", t.slug);
        }
        *n += 1;
    }
    let index = terms
        .iter()
        .enumerate()
        .map(|(i, t)| (match_key(&t.name), i))
        .collect();
    Taxonomy {
        name,
        title,
        path: base.to_string(),
        terms,
        index,
    }
}
