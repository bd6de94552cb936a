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
    /// Heading shown to readers, in the site's language.
    pub title: String,
    /// Site path of its list page (`/chu-de/`).
    pub path: String,
    /// Terms in Vietnamese alphabetical order.
    pub terms: Vec<Term>,
    /// `match_key` of a spelling → index in `terms`, so views find a page's terms directly.
    pub index: HashMap<String, usize>,
    /// For each page (by index), its terms in the order the editor wrote them, each with
    /// the position of the spelling used on that page: folding names once here spares
    /// every list that shows the page from doing it again.
    pub page_terms: Vec<Vec<(usize, usize)>>,
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

/// Builds both taxonomies from the pages; `titles` are those of tags and fields.
pub fn build(pages: &[PageEntry], titles: [String; 2]) -> Vec<Taxonomy> {
    let [tags, fields] = titles;
    vec![
        one(pages, "tags", tags, "/chu-de/", |p| &p.page.tags),
        one(pages, "fields", fields, "/linh-vuc/", |p| &p.page.fields),
    ]
}

fn one(
    pages: &[PageEntry],
    name: &'static str,
    title: String,
    base: &str,
    values: impl Fn(&PageEntry) -> &Vec<String>,
) -> Taxonomy {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut terms: Vec<Term> = Vec::new();
    let mut page_terms: Vec<Vec<(usize, usize)>> = vec![Vec::new(); pages.len()];
    // The same few spellings recur on thousands of pages: fold each one once.
    let mut by_spelling: HashMap<&str, usize> = HashMap::new();
    for (i, p) in pages.iter().enumerate() {
        // An abolished procedure leaves the lists: its page stays, reachable by its URL.
        if p.page.is_abolished_procedure() {
            continue;
        }
        for (pos, v) in values(p).iter().enumerate() {
            let t = *by_spelling.entry(v.as_str()).or_insert_with(|| {
                *index.entry(match_key(v)).or_insert_with(|| {
                    let slug = slugify(v);
                    terms.push(Term {
                        name: v.clone(),
                        path: format!("{base}{slug}/"),
                        slug,
                        pages: Vec::new(),
                    });
                    terms.len() - 1
                })
            });
            if terms[t].pages.last() != Some(&i) {
                terms[t].pages.push(i);
            }
            if !page_terms[i].iter().any(|(x, _)| *x == t) {
                page_terms[i].push((t, pos));
            }
        }
    }
    for t in &mut terms {
        t.pages
            .sort_by(|a, b| super::compare_entries(&pages[*a], &pages[*b], SortBy::Date));
    }
    // Sort terms alphabetically and renumber the pages' term lists to match.
    let mut order: Vec<usize> = (0..terms.len()).collect();
    order.sort_by(|a, b| collate::compare(&terms[*a].name, &terms[*b].name));
    let mut new_index = vec![0; terms.len()];
    for (new, old) in order.iter().enumerate() {
        new_index[*old] = new;
    }
    let mut slots: Vec<Option<Term>> = terms.into_iter().map(Some).collect();
    let mut terms: Vec<Term> = order.iter().filter_map(|old| slots[*old].take()).collect();
    for list in &mut page_terms {
        for (t, _) in list.iter_mut() {
            *t = new_index[*t];
        }
    }
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
        page_terms,
    }
}

#[cfg(test)]
mod tests {
    use crate::content::walk::{ContentFiles, SourceFile};
    use crate::content::{Content, ParseOptions};

    fn site(pages: &[(&str, &str)]) -> crate::site::Site {
        let sources = pages
            .iter()
            .map(|(f, tags)| SourceFile {
                rel: format!("content/{f}").into(),
                text: format!("+++\ntitle = \"{f}\"\ntags = {tags}\n+++\n"),
                nul_line: None,
            })
            .collect();
        let content: Content = crate::content::parse(
            ContentFiles {
                sources,
                assets: vec![],
            },
            ParseOptions::default(),
        )
        .unwrap();
        let n = content.pages.len();
        let m = content.sections.len();
        let config = crate::config::parse(
            "title = \"X\"\nbase_url = \"/\"",
            std::path::Path::new("site.toml"),
            &Default::default(),
        )
        .unwrap();
        crate::site::assemble(
            config,
            content,
            vec![Default::default(); n],
            vec![Default::default(); m],
            crate::text::date::Date::new(2026, 1, 1).unwrap(),
        )
    }

    #[test]
    fn spellings_group_sort_and_map_back_to_pages() {
        let s = site(&[
            ("a.md", "[\"Văn hoá\", \"Một cửa\"]"),
            ("b.md", "[\"văn hóa\", \"Văn hóa\", \"An ninh\"]"),
        ]);
        let tags = &s.taxonomies[0];
        let names: Vec<&str> = tags.terms.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            vec!["An ninh", "Một cửa", "Văn hoá"],
            "Vietnamese order, first spelling shown"
        );
        assert_eq!(
            tags.terms[2].pages.len(),
            2,
            "hoá/hóa and case are one term"
        );
        let a = s.pages.iter().position(|p| p.page.title == "a.md").unwrap();
        let b = s.pages.iter().position(|p| p.page.title == "b.md").unwrap();
        assert_eq!(
            tags.page_terms[a],
            vec![(2, 0), (1, 1)],
            "editor's order, sorted term ids"
        );
        assert_eq!(
            tags.page_terms[b],
            vec![(2, 0), (0, 2)],
            "a repeated spelling counts once"
        );
        assert_eq!(
            tags.term("VĂN HOÁ").map(|t| t.slug.as_str()),
            Some("van-hoa")
        );
    }
}
