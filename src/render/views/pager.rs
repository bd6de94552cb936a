//! Pagination of lists: the paginator a section or term page shows, its numbered links,
//! and the site path of each page of a list.

use serde::Serialize;

use crate::config::Config;

/// Where the reader is in a paginated list.
#[derive(Serialize)]
pub struct PaginatorView {
    pub current: usize,
    pub total_pages: usize,
    pub total_items: usize,
    pub first: String,
    pub last: String,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// The first page, the last, and the pages within [`PAGER_WINDOW`] of the current one.
    pub pages: Vec<PagerLink>,
}

/// One numbered link of a paginator.
#[derive(Serialize)]
pub struct PagerLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
}

/// How far from the current page [`PaginatorView::pages`] reaches (the default theme shows
/// 2 and marks the gap at 3).
pub const PAGER_WINDOW: usize = 3;

/// The first page, the last, and those within [`PAGER_WINDOW`] of `current`, in order.
fn pager_numbers(current: usize, total_pages: usize) -> Vec<usize> {
    let near =
        current.saturating_sub(PAGER_WINDOW).max(1)..=(current + PAGER_WINDOW).min(total_pages);
    let mut numbers: Vec<usize> = std::iter::once(1)
        .chain(near)
        .chain(std::iter::once(total_pages))
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
}

/// Paginator for page `current` (1-based) of `total_items`, at `base` (`/tin-tuc/`).
pub fn paginator(
    config: &Config,
    base: &str,
    current: usize,
    total_items: usize,
    per_page: usize,
) -> PaginatorView {
    let total_pages = total_items.div_ceil(per_page).max(1);
    let url = |n: usize| {
        if n == 1 {
            config.url(base)
        } else {
            config.url(&format!("{base}trang/{n}/"))
        }
    };
    PaginatorView {
        current,
        total_pages,
        total_items,
        first: url(1),
        last: url(total_pages),
        prev: (current > 1).then(|| url(current - 1)),
        next: (current < total_pages).then(|| url(current + 1)),
        // Only the links a pager shows: listing every page on every page made a section of
        // n pages cost n² links (1,250 pages of 2 items: 1.5 million links, most of a build).
        pages: pager_numbers(current, total_pages)
            .into_iter()
            .map(|n| PagerLink {
                number: n,
                url: url(n),
                current: n == current,
            })
            .collect(),
    }
}

/// The site path of page `n` of a list at `base`.
pub fn pager_path(base: &str, n: usize) -> String {
    if n == 1 {
        base.to_string()
    } else {
        format!("{base}trang/{n}/")
    }
}

/// The items of list page `page` (1-based), `per_page` a page: empty past the last page.
pub fn page_slice<T>(items: &[T], page: usize, per_page: usize) -> &[T] {
    let start = page
        .saturating_sub(1)
        .saturating_mul(per_page)
        .min(items.len());
    &items[start..(start.saturating_add(per_page)).min(items.len())]
}

#[cfg(test)]
mod pager_tests {
    use super::{page_slice, pager_numbers};

    #[test]
    fn pager_lists_the_ends_and_the_window_only() {
        assert_eq!(pager_numbers(1, 1), vec![1]);
        assert_eq!(pager_numbers(1, 3), vec![1, 2, 3]);
        assert_eq!(pager_numbers(1, 1250), vec![1, 2, 3, 4, 1250]);
        assert_eq!(
            pager_numbers(600, 1250),
            vec![1, 597, 598, 599, 600, 601, 602, 603, 1250]
        );
        assert_eq!(pager_numbers(1250, 1250), vec![1, 1247, 1248, 1249, 1250]);
    }

    #[test]
    fn a_page_slice_is_that_pages_items_and_empty_past_the_end() {
        let items: Vec<u32> = (1..=7).collect();
        assert_eq!(page_slice(&items, 1, 3), [1, 2, 3]);
        assert_eq!(page_slice(&items, 3, 3), [7]);
        assert!(page_slice(&items, 4, 3).is_empty());
        assert!(page_slice(&[] as &[u32], 1, 3).is_empty());
    }
}
