//! The form's fields, made from the content contract itself: the keys are those of
//! [`RawPage`] (see [`page_keys`]), the shape of each is found by asking the same struct
//! what it accepts, and which kinds may carry it by [`RawPage::kind_keys`] and
//! [`Kind::allows`], the rule the build applies. Nothing here lists keys a second time.

use crate::content::Kind;
use crate::content::key_docs::{key_doc, page_keys};
use crate::content::raw::RawPage;

/// What a key holds, as the form shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One line of text.
    Text,
    /// A date, typed dd/mm/yyyy.
    Date,
    /// Yes or no: a checkbox.
    Bool,
    /// A whole number.
    Integer,
    /// A list of texts, typed with commas between.
    List,
    /// A table or list of tables (a plan's tasks, a signer): not in the form yet; kept as
    /// written when the page is saved.
    Nested,
}

/// One field of the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The front matter key, which is also the form field's name.
    pub key: &'static str,
    /// What it holds.
    pub shape: Shape,
    /// The Vietnamese label (the key itself when the contract has none).
    pub label: &'static str,
    /// What to write.
    pub help: &'static str,
}

/// Whether a front matter made of `toml` alone is read by the parser.
fn accepts(toml: &str) -> Option<RawPage> {
    toml::from_str::<RawPage>(toml).ok()
}

/// The shape of `key`, from what `RawPage` accepts for it.
pub fn shape_of(key: &str) -> Shape {
    let ok = |v: &str| accepts(&format!("{key} = {v}")).is_some();
    let (text, yes, number, date, list) = (
        ok("\"x\""),
        ok("true"),
        ok("1"),
        ok("2026-01-01"),
        ok("[\"x\"]"),
    );
    match () {
        // Any value at all: a raw value the resolver reads as a date.
        _ if text && yes && date => Shape::Date,
        _ if text => Shape::Text,
        _ if yes => Shape::Bool,
        _ if number => Shape::Integer,
        _ if list => Shape::List,
        _ => Shape::Nested,
    }
}

/// A sample value of the shape, to ask the parser whether a kind may carry the key.
fn sample(shape: Shape) -> &'static str {
    match shape {
        Shape::Text => "\"x\"",
        Shape::Date => "2026-01-01",
        Shape::Bool => "true",
        Shape::Integer => "1",
        Shape::List => "[\"x\"]",
        Shape::Nested => "{}",
    }
}

/// Whether a page of `kind` may carry `key`, by the build's own rule.
fn fits(key: &str, shape: Shape, kind: Kind) -> bool {
    let Some(raw) = accepts(&format!("{key} = {}", sample(shape))) else {
        return true;
    };
    raw.kind_keys()
        .iter()
        .all(|(k, owner)| *k != key || kind.allows(owner))
}

/// The fields of a page of `kind`, in the contract's order (tables and lists of tables
/// left out: they are kept as written).
pub fn fields(kind: Kind) -> Vec<Field> {
    page_keys()
        .iter()
        .map(|&key| (key, shape_of(key)))
        .filter(|&(key, shape)| shape != Shape::Nested && fits(key, shape, kind))
        .map(|(key, shape)| {
            let doc = key_doc(key);
            Field {
                key,
                shape,
                label: doc.map_or(key, |d| d.label),
                help: doc.map_or("", |d| d.help),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_come_from_the_parser() {
        assert_eq!(shape_of("title"), Shape::Text);
        assert_eq!(shape_of("date"), Shape::Date);
        assert_eq!(shape_of("updated"), Shape::Date);
        assert_eq!(shape_of("draft"), Shape::Bool);
        assert_eq!(shape_of("weight"), Shape::Integer);
        assert_eq!(shape_of("tags"), Shape::List);
        assert_eq!(shape_of("tasks"), Shape::Nested);
        assert_eq!(shape_of("signer"), Shape::Nested);
        assert_eq!(shape_of("extra"), Shape::Nested);
        // A bulletin's number and year are numbers to type, not days to pick.
        assert_eq!(shape_of("issue"), Shape::Integer);
        assert_eq!(shape_of("year"), Shape::Integer);
        assert_eq!(shape_of("month"), Shape::Text);
    }

    #[test]
    fn each_kind_gets_the_keys_the_build_lets_it_carry() {
        let keys = |k: Kind| fields(k).into_iter().map(|f| f.key).collect::<Vec<_>>();
        let news = keys(Kind::News);
        assert_eq!(news.first(), Some(&"title"));
        assert!(news.contains(&"author") && news.contains(&"tags"));
        assert!(!news.contains(&"code") && !news.contains(&"number"));
        let procedure = keys(Kind::Procedure);
        assert!(procedure.contains(&"code") && procedure.contains(&"fee"));
        assert!(!procedure.contains(&"number"));
        assert!(keys(Kind::Plan).contains(&"number"));
        assert!(!keys(Kind::Plan).contains(&"tasks"));
        let title = fields(Kind::News).into_iter().next().unwrap();
        assert_eq!(title.label, "Tiêu đề");
        assert!(!title.help.is_empty());
    }

    #[test]
    fn a_question_gets_its_own_keys_and_a_procedure_keeps_field_and_agency() {
        let question = fields(Kind::Question);
        let of = |key: &str| question.iter().find(|f| f.key == key).cloned();
        for key in ["question", "asker", "asked", "field", "agency"] {
            assert!(of(key).is_some(), "{key}");
        }
        assert_eq!(
            of("asked").map(|f| (f.shape, f.label)),
            Some((Shape::Date, "Ngày hỏi"))
        );
        assert_eq!(of("asker").map(|f| f.label), Some("Người hỏi"));
        assert!(of("code").is_none());
        let procedure: Vec<&str> = fields(Kind::Procedure).iter().map(|f| f.key).collect();
        assert!(procedure.contains(&"field") && procedure.contains(&"agency"));
        assert!(!procedure.contains(&"asker"));
        assert!(!fields(Kind::News).iter().any(|f| f.key == "question"));
    }

    #[test]
    fn an_event_gets_its_own_keys_and_its_times_are_text() {
        let event = fields(Kind::Event);
        let of = |key: &str| event.iter().find(|f| f.key == key).cloned();
        for key in ["place", "presides", "attendees", "event_type", "end_time"] {
            assert!(of(key).is_some(), "{key}");
        }
        // "08:00" is typed as text, not picked from a calendar.
        assert_eq!(
            of("time").map(|f| (f.shape, f.label)),
            Some((Shape::Text, "Giờ bắt đầu"))
        );
        assert_eq!(of("end_time").map(|f| f.shape), Some(Shape::Text));
        assert!(!fields(Kind::News).iter().any(|f| f.key == "presides"));
        assert!(fields(Kind::Plan).iter().any(|f| f.key == "place"));
    }

    #[test]
    fn a_survey_and_a_contest_get_their_days_as_dates() {
        for kind in [Kind::Survey, Kind::Contest] {
            let form = fields(kind);
            let of = |key: &str| form.iter().find(|f| f.key == key).cloned();
            assert_eq!(
                of("start").map(|f| (f.shape, f.label)),
                Some((Shape::Date, "Ngày bắt đầu"))
            );
            assert_eq!(of("end").map(|f| f.shape), Some(Shape::Date));
            for key in ["participants", "join_url", "rules", "results"] {
                assert_eq!(of(key).map(|f| f.shape), Some(Shape::Text), "{key}");
            }
            // Winners are a list of tables, kept as written.
            assert!(of("winners").is_none());
        }
        assert_eq!(shape_of("winners"), Shape::Nested);
        assert!(!fields(Kind::News).iter().any(|f| f.key == "join_url"));
    }
}
