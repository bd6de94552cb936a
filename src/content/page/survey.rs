//! What a survey (khảo sát) or a contest (cuộc thi) adds to a [`Page`](super::Page): the
//! days it is open, who may take part, where to take part, its rules file and, once it is
//! over, its results. Both kinds share these keys but `winners`, which only a contest has;
//! whether one is open is `site::surveys::status`' one rule.

use serde::Serialize;

use crate::text::date::Date;

/// Survey or contest details; what it is about (and a summary of its results) is the
/// page's body.
#[derive(Clone, Debug, PartialEq)]
pub struct SurveyMeta {
    /// The first day one may take part.
    pub start: Date,
    /// The last day one may take part, on or after `start`.
    pub end: Date,
    /// Who may take part, as written.
    pub participants: Option<String>,
    /// Where to take part: an address of another web site (the province's survey
    /// system, an online form), checked by `text::address`.
    pub join_url: Option<String>,
    /// The rules (thể lệ): a file of the page bundle.
    pub rules: Option<String>,
    /// The results: a file of the page bundle.
    pub results: Option<String>,
    /// A contest's winners, in the order written (a survey has none).
    pub winners: Vec<Winner>,
}

/// One winner of a contest: who, and what they won.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Winner {
    /// A person's, a team's or an agency's name.
    pub name: String,
    /// The prize or rank ("Giải Nhất"), as written.
    pub prize: Option<String>,
}
