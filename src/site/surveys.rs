//! Surveys and contests (khảo sát, cuộc thi): whether one is still to open, open or
//! closed, decided against the build date by [`status`] alone, and the order every list
//! of them uses: open ones first (closing soonest first), then those still to open
//! (opening soonest first), then closed ones (latest closed first). The pages, their
//! index, the home page and the open data call these, so one is open the same everywhere.

use serde::Serialize;

use super::Site;
use crate::content::page::SurveyMeta;
use crate::text::date::Date;

/// Where a survey or contest stands on the build date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Đang diễn ra: one may take part today.
    Open,
    /// Sắp diễn ra: it opens after today.
    Upcoming,
    /// Đã kết thúc: its last day has passed.
    Closed,
}

impl Status {
    /// The words pages show.
    pub fn label_vi(self) -> &'static str {
        match self {
            Status::Open => "Đang diễn ra",
            Status::Upcoming => "Sắp diễn ra",
            Status::Closed => "Đã kết thúc",
        }
    }
}

/// Where a survey or contest open from `start` to `end` (both days included) stands on
/// `today`: the portal is rebuilt daily, and on its last day one may still take part.
pub fn status(m: &SurveyMeta, today: Date) -> Status {
    if today < m.start {
        Status::Upcoming
    } else if today <= m.end {
        Status::Open
    } else {
        Status::Closed
    }
}

/// `pages` (surveys or contests) by status: open ones closing soonest first, those to
/// come opening soonest first, closed ones latest closed first. A page without its
/// details (none has, once resolved) is left out.
pub fn by_status(site: &Site, pages: &[usize]) -> [Vec<usize>; 3] {
    let mut out: [Vec<usize>; 3] = Default::default();
    for &i in pages {
        if let Some(m) = &site.pages[i].page.survey {
            out[status(m, site.build_date) as usize].push(i);
        }
    }
    let meta = |i: &usize| {
        site.pages[*i]
            .page
            .survey
            .as_ref()
            .map(|m| (m.start, m.end))
    };
    let [open, upcoming, closed] = &mut out;
    open.sort_by_key(|i| meta(i).map(|(_, e)| e));
    upcoming.sort_by_key(|i| meta(i).map(|(s, _)| s));
    closed.sort_by_key(|i| std::cmp::Reverse(meta(i).map(|(_, e)| e)));
    out
}

/// Every survey and contest of the site open on the build date, closing soonest first:
/// what the home page lists.
pub fn open_now(site: &Site) -> Vec<usize> {
    let mut pages = site.pages_of(crate::content::Kind::Survey);
    pages.extend(site.pages_of(crate::content::Kind::Contest));
    let [open, _, _] = by_status(site, &pages);
    open
}

#[cfg(test)]
mod tests {
    use super::{Status, status};
    use crate::content::page::SurveyMeta;
    use crate::text::date::Date;

    #[test]
    fn open_from_its_first_day_to_its_last_included() {
        let d = |m, day| Date::new(2025, m, day).unwrap();
        let m = SurveyMeta {
            start: d(6, 1),
            end: d(6, 30),
            participants: None,
            join_url: None,
            rules: None,
            results: None,
            winners: Vec::new(),
        };
        assert_eq!(status(&m, d(5, 31)), Status::Upcoming);
        assert_eq!(status(&m, d(6, 1)), Status::Open);
        assert_eq!(status(&m, d(6, 30)), Status::Open);
        assert_eq!(status(&m, d(7, 1)), Status::Closed);
        let one_day = SurveyMeta { end: d(6, 1), ..m };
        assert_eq!(status(&one_day, d(6, 1)), Status::Open);
        assert_eq!(status(&one_day, d(6, 2)), Status::Closed);
    }
}
