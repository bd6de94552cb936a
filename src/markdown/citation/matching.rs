//! Which page of the site a citation means. Document numbers repeat every year and across
//! issuers ("172/KH-UBND" of the commune in 2024, of the province in 2025), so a citation
//! matches a page only when their years agree (from the number, the citation's date, the
//! page's date) and, where the citation names its issuer, the page's `authority` agrees.
//! A citation that fits several pages, or gives no year while pages have its number, is
//! linked to none of them and said ([`Found::Several`], [`Found::NoYear`]): never a guess.
//!
//! The pages are indexed by [`number_key`], so matching costs one lookup and a look at the
//! few pages that share a number, on sites of any size.

use std::collections::HashMap;

use super::{Citation, issuer, number_key, number_year};

/// One page that has a document number.
#[derive(Clone, Debug, PartialEq)]
struct PageDocument<T> {
    value: T,
    year: Option<i32>,
    /// [`issuer::normalize`]d authority.
    issuer: Option<String>,
}

/// The pages of a site that have a `number`, each with what it is matched by; `T` is what
/// a match gives back (a site path, a page index).
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentPages<T> {
    by_key: HashMap<String, Vec<PageDocument<T>>>,
}

impl<T> Default for DocumentPages<T> {
    fn default() -> Self {
        DocumentPages {
            by_key: HashMap::new(),
        }
    }
}

/// What a citation matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found<'a, T> {
    /// Exactly this page.
    One(&'a T),
    /// No page.
    None,
    /// Several pages of the same year (and issuer): which one is meant cannot be told.
    Several(Vec<&'a T>),
    /// The citation gives no year, and these pages have its number.
    NoYear(Vec<&'a T>),
}

impl<T> DocumentPages<T> {
    /// Adds a page: its `number`, the year of its `date`, its `authority` (the site's when
    /// the page names none).
    pub fn add(&mut self, number: &str, date_year: Option<i32>, authority: Option<&str>, value: T) {
        self.by_key
            .entry(number_key(number))
            .or_default()
            .push(PageDocument {
                value,
                year: number_year(number).or(date_year),
                issuer: authority
                    .filter(|a| !a.trim().is_empty())
                    .map(issuer::normalize),
            });
    }

    /// Whether any page has this number.
    pub fn has_number(&self, number: &str) -> bool {
        self.by_key.contains_key(&number_key(number))
    }

    /// The page a citation means, if one can be told. A law cited by name alone matches
    /// no page (pages are known by number).
    pub fn find(&self, c: &Citation) -> Found<'_, T> {
        if c.number.is_empty() {
            return Found::None;
        }
        let Some(list) = self.by_key.get(&number_key(&c.number)) else {
            return Found::None;
        };
        let cited_by = c.issuer.as_deref().map(issuer::normalize);
        let fits = list.iter().filter(|p| match (&cited_by, &p.issuer) {
            (Some(a), Some(b)) => issuer::agree(a, b),
            _ => true,
        });
        let Some(year) = c.year else {
            let all: Vec<&T> = fits.map(|p| &p.value).collect();
            return if all.is_empty() {
                Found::None
            } else {
                Found::NoYear(all)
            };
        };
        let same: Vec<&T> = fits
            .filter(|p| p.year == Some(year))
            .map(|p| &p.value)
            .collect();
        match same.as_slice() {
            [] => Found::None,
            [one] => Found::One(one),
            _ => Found::Several(same),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::find_citations;
    use super::*;

    fn pages() -> DocumentPages<&'static str> {
        let mut d = DocumentPages::default();
        d.add(
            "172/KH-UBND",
            Some(2024),
            Some("UBND xã Tân Hòa Lợi"),
            "/ke-hoach/172/",
        );
        d.add("61/2018/NĐ-CP", None, Some("Chính phủ"), "/van-ban/nd-61/");
        d.add("5/KH-UBND", Some(2025), None, "/a/");
        d.add("5/KH-UBND", Some(2025), None, "/b/");
        d
    }

    fn find(text: &str) -> Found<'static, &'static str> {
        let c = find_citations(text).remove(0);
        // The index outlives the call in this test: leak it.
        let d: &'static DocumentPages<&'static str> = Box::leak(Box::new(pages()));
        d.find(&c)
    }

    #[test]
    fn another_year_or_issuer_is_another_document() {
        assert_eq!(
            find("Kế hoạch số 172/KH-UBND ngày 10/01/2025 của UBND tỉnh"),
            Found::None
        );
        assert_eq!(find("Kế hoạch số 172/KH-UBND ngày 10/01/2025"), Found::None);
        assert_eq!(
            find("Kế hoạch số 172/KH-UBND ngày 10/01/2024 của UBND tỉnh"),
            Found::None
        );
        assert_eq!(
            find("Kế hoạch số 172/KH-UBND ngày 10/01/2024 của Ủy ban nhân dân xã"),
            Found::One(&"/ke-hoach/172/")
        );
        assert_eq!(
            find("Nghị định số 61/2018/NĐ-CP"),
            Found::One(&"/van-ban/nd-61/")
        );
    }

    #[test]
    fn doubts_are_said() {
        assert_eq!(
            find("Kế hoạch số 172/KH-UBND của UBND xã"),
            Found::NoYear(vec![&"/ke-hoach/172/"])
        );
        assert_eq!(
            find("Kế hoạch 5/KH-UBND ngày 1/2/2025"),
            Found::Several(vec![&"/a/", &"/b/"])
        );
    }
}
