//! Bulletins (bản tin): the two orders every list of them uses. The archive groups them
//! by year, newest year first, each year's issues in number order (số 01, 02, 03 …, as a
//! shelf of printed issues reads); the feed and the open data give them newest first
//! (latest year, highest number). Two series' issues of one number go by their dates. Pages of one number in one year are an error
//! (`content::checks`), so these orders never depend on anything but the content.

use super::Site;
use crate::text::date::Date;

/// Where a bulletin stands among others: (year, issue, date published).
type Place = (i32, u32, Option<Date>);

/// The (year, issue, date published) of page `i`, none for a page that is not a
/// bulletin: two series may both have a "số 01/2025", told apart by their dates.
fn year_issue(site: &Site, i: usize) -> Option<Place> {
    let p = &site.pages[i].page;
    let b = p.bulletin.as_ref()?;
    Some((b.year, b.issue, p.date))
}

/// `pages` (bulletins) by year, newest year first, each year's in number order.
pub fn by_year(site: &Site, pages: &[usize]) -> Vec<(i32, Vec<usize>)> {
    let mut sorted: Vec<(Place, usize)> = pages
        .iter()
        .filter_map(|&i| year_issue(site, i).map(|k| (k, i)))
        .collect();
    let path = |i: usize| &site.pages[i].page.path;
    sorted.sort_by(|(a, i), (b, j)| {
        (b.0.cmp(&a.0))
            .then((a.1, a.2).cmp(&(b.1, b.2)))
            .then_with(|| path(*i).cmp(path(*j)))
    });
    let mut years: Vec<(i32, Vec<usize>)> = Vec::new();
    for ((year, _, _), i) in sorted {
        match years.last_mut() {
            Some((y, list)) if *y == year => list.push(i),
            _ => years.push((year, vec![i])),
        }
    }
    years
}

/// `pages` (bulletins) newest first: latest year, then highest number, then latest
/// published.
pub fn newest_first(site: &Site, pages: &[usize]) -> Vec<usize> {
    let mut list: Vec<usize> = pages
        .iter()
        .copied()
        .filter(|&i| year_issue(site, i).is_some())
        .collect();
    let path = |i: usize| &site.pages[i].page.path;
    list.sort_by(|&a, &b| {
        (year_issue(site, b).cmp(&year_issue(site, a))).then_with(|| path(a).cmp(path(b)))
    });
    list
}
