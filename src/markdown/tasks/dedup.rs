//! One task written twice is one task: a plan often lists its activities in a table and
//! assigns them again in "Tổ chức thực hiện", and an editor may write a task by hand in
//! `[[tasks]]` (to give it a status) that the text already has. Two are the same when
//! their agencies share one (spellings folded as agency pages fold them, without the
//! site's aliases) and their words, with tone marks, case and punctuation ignored, are
//! the same, or one is the other with a few words added. The one kept is the one written
//! with most care: a hand-written entry over the text, a table row over a sentence.

use super::Shape;
use crate::content::page::TaskSource;
use crate::text::agency::{full_name, split_leads};
use crate::text::fold::search_fold;

/// Words one text may add at its end to the other and still be the same task ("… đúng
/// hạn", "… thường xuyên")…
const MAX_ADDED: usize = 2;

/// … when the other has at least this many words: "Tuyên truyền" is not "Tuyên truyền
/// về CCHC".
const MIN_WORDS: usize = 4;

/// A task's words, folded.
fn words(name: &str) -> Vec<String> {
    search_fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A task's lead agencies, folded.
fn agencies(t: &TaskSource) -> Vec<String> {
    let lead = t.lead.as_deref().unwrap_or_default();
    split_leads(lead)
        .parts
        .iter()
        .map(|a| words(&full_name(a)).join(" "))
        .collect()
}

/// A task as compared: its words, its agencies and its due, folded.
struct Key {
    words: Vec<String>,
    agencies: Vec<String>,
    due: Option<String>,
}

impl Key {
    fn of(t: &TaskSource) -> Key {
        Key {
            words: words(&t.name),
            agencies: agencies(t),
            due: t.due.as_deref().map(|d| words(d).join(" ")),
        }
    }

    /// Whether `self` and `other` are one task: not when both have a due and the dues
    /// differ (a table may hold one report for each quarter).
    fn same(&self, other: &Key) -> bool {
        if let (Some(a), Some(b)) = (&self.due, &other.due)
            && a != b
        {
            return false;
        }
        let (short, long) = if self.words.len() <= other.words.len() {
            (&self.words, &other.words)
        } else {
            (&other.words, &self.words)
        };
        let added = long.len() - short.len();
        !short.is_empty()
            && long.starts_with(short)
            && (added == 0 || added <= MAX_ADDED && short.len() >= MIN_WORDS)
            && self.agencies.iter().any(|a| other.agencies.contains(a))
    }
}

/// `found` (tables first, then text in file order) without the tasks that repeat one of
/// `front` (written by hand) or, for a task written as text, a table's row. Rows are not
/// compared with rows, nor sentences with sentences: each is a task as written.
pub(super) fn without_repeats(
    front: &[TaskSource],
    found: Vec<(Shape, TaskSource)>,
) -> Vec<(Shape, TaskSource)> {
    let front: Vec<Key> = front.iter().map(Key::of).collect();
    let mut rows: Vec<Key> = Vec::new();
    let mut out = Vec::with_capacity(found.len());
    for (shape, task) in found {
        let key = Key::of(&task);
        let table = matches!(shape, Shape::Table | Shape::Appendix);
        let against = if table { &[][..] } else { &rows[..] };
        if front.iter().chain(against).any(|k| k.same(&key)) {
            continue;
        }
        if table {
            rows.push(key);
        }
        out.push((shape, task));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(name: &str, lead: &str) -> TaskSource {
        TaskSource {
            name: name.into(),
            lead: Some(lead.into()),
            ..TaskSource::default()
        }
    }

    #[test]
    fn a_repeated_task_is_kept_once() {
        let front = [t("Tiếp nhận hồ sơ đúng hạn", "VP UBND xã")];
        let found = vec![
            (Shape::Table, t("Tuyên truyền về CCHC", "Phòng VH-XH")),
            (
                Shape::Section,
                t("Tuyên truyền về cchc.", "Phòng Văn hóa – Xã hội"),
            ),
            (
                Shape::Section,
                t("Tiếp nhận hồ sơ đúng hạn.", "Văn phòng UBND xã"),
            ),
            (
                Shape::List,
                t("Tuyên truyền về CCHC thường xuyên", "Phòng VH-XH"),
            ),
            (Shape::Section, t("Tuyên truyền về CCHC", "Công an xã")),
            (Shape::Section, t("Tuyên truyền", "Phòng VH-XH")),
        ];
        let got: Vec<(Shape, String)> = without_repeats(&front, found)
            .into_iter()
            .map(|(s, t)| (s, t.name))
            .collect();
        assert_eq!(
            got,
            [
                (Shape::Table, "Tuyên truyền về CCHC".to_string()),
                (Shape::Section, "Tuyên truyền về CCHC".to_string()),
                (Shape::Section, "Tuyên truyền".to_string()),
            ],
            "another agency, or fewer words, is another task"
        );
    }
}
