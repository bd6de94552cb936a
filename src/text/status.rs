//! Owns reading a plan task's status words ("Hoàn thành", "Đang thực hiện", "Chưa thực
//! hiện", "Không thực hiện"), from a `status` key or a status cell of an activity table.
//!
//! Case, tone marks and their placement do not matter ("hoan thanh", "HOÀN THÀNH"). A cell
//! may go on with the result after a colon or a dash ("Hoàn thành: đã tổ chức 3 hội nghị");
//! any other text after the status words makes the whole cell unknown, never a guess:
//! "Hoàn thành trước 30/6/2025" is a deadline, not a task that is done.

use serde::Serialize;

use super::fold::search_fold;

/// Where a task stands, as the editor reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    /// Hoàn thành.
    Done,
    /// Đang thực hiện.
    InProgress,
    /// Chưa thực hiện.
    NotStarted,
    /// Không thực hiện (cancelled).
    Cancelled,
}

/// The spellings understood, folded (see [`search_fold`]); longer ones first.
const PHRASES: [(&str, TaskStatus); 5] = [
    ("da hoan thanh", TaskStatus::Done),
    ("hoan thanh", TaskStatus::Done),
    ("dang thuc hien", TaskStatus::InProgress),
    ("chua thuc hien", TaskStatus::NotStarted),
    ("khong thuc hien", TaskStatus::Cancelled),
];

/// What may stand between the status and the result text that follows it.
const SEPARATORS: [char; 5] = [':', '-', '–', '—', ';'];

impl TaskStatus {
    /// The name used in open data and templates: `done`, `in_progress`, `not_started`,
    /// `cancelled`.
    pub fn key(self) -> &'static str {
        match self {
            TaskStatus::Done => "done",
            TaskStatus::InProgress => "in_progress",
            TaskStatus::NotStarted => "not_started",
            TaskStatus::Cancelled => "cancelled",
        }
    }

    /// The Vietnamese words, as an editor writes them (for the calendar and messages).
    pub fn label_vi(self) -> &'static str {
        match self {
            TaskStatus::Done => "Hoàn thành",
            TaskStatus::InProgress => "Đang thực hiện",
            TaskStatus::NotStarted => "Chưa thực hiện",
            TaskStatus::Cancelled => "Không thực hiện",
        }
    }

    /// Done or cancelled: nothing is left to do, so the task can never be late.
    pub fn is_closed(self) -> bool {
        matches!(self, TaskStatus::Done | TaskStatus::Cancelled)
    }
}

/// Reads a status, and the result text written after it (`None` when there is none).
/// `None` when the text is not a status congbo knows (the caller warns).
pub fn read_status(text: &str) -> Option<(TaskStatus, Option<String>)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for (phrase, status) in PHRASES {
        let want: Vec<&str> = phrase.split(' ').collect();
        let n = want.len();
        if words.len() < n {
            continue;
        }
        let last = words[n - 1];
        // The last status word may carry the punctuation that ends it ("thành:", "thành.").
        let cut = last
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(last.len(), |(i, _)| i);
        let same = words[..n - 1]
            .iter()
            .zip(&want)
            .all(|(w, f)| search_fold(w) == *f)
            && search_fold(&last[..cut]) == want[n - 1];
        if !same {
            continue;
        }
        let tail = std::iter::once(&last[cut..])
            .chain(words[n..].iter().copied())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let tail = tail.trim();
        if tail.is_empty() || tail == "." {
            return Some((status, None));
        }
        let rest = tail.trim_start_matches(|c: char| SEPARATORS.contains(&c) || c.is_whitespace());
        // Only a separator may lead on to the result.
        if rest.len() == tail.len() {
            return None;
        }
        let rest = rest.trim();
        return Some((status, (!rest.is_empty()).then(|| rest.to_string())));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_statuses_in_any_case_with_or_without_tones() {
        let cases = [
            ("Hoàn thành", TaskStatus::Done),
            ("hoan thanh", TaskStatus::Done),
            ("HOÀN THÀNH", TaskStatus::Done),
            ("Đã hoàn thành.", TaskStatus::Done),
            ("Đang thực hiện", TaskStatus::InProgress),
            ("dang thuc hien", TaskStatus::InProgress),
            ("Chưa thực hiện", TaskStatus::NotStarted),
            ("chua thuc hien", TaskStatus::NotStarted),
            ("Không thực hiện", TaskStatus::Cancelled),
            ("khong  thuc hien", TaskStatus::Cancelled),
        ];
        for (text, want) in cases {
            assert_eq!(read_status(text), Some((want, None)), "{text}");
        }
    }

    #[test]
    fn a_result_follows_a_colon_or_a_dash() {
        assert_eq!(
            read_status("Hoàn thành: đã tổ chức 3 hội nghị"),
            Some((TaskStatus::Done, Some("đã tổ chức 3 hội nghị".into())))
        );
        assert_eq!(
            read_status("Đang thực hiện – đạt 60%"),
            Some((TaskStatus::InProgress, Some("đạt 60%".into())))
        );
    }

    #[test]
    fn anything_else_is_unknown_not_a_guess() {
        for text in [
            "Hoàn thành trước 30/6/2025",
            "Xong",
            "Quý II/2025",
            "",
            "hoàn",
            "Chưa",
            "Không thực hiện được vì thiếu kinh phí",
        ] {
            assert_eq!(read_status(text), None, "{text}");
        }
    }
}
