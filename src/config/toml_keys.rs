//! Reads a TOML text key by key, for when it does not deserialise whole: serde stops at the
//! first bad key, and an editor fixing one error a build would wait for the next. Each
//! top-level key (and each item of a list such as `[[tasks]]`) is tried on its own, so each
//! bad one gets its own error and line. Only the error path pays for this: the happy path
//! stays one `toml::from_str`.

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeArray, DeString, DeTable, DeValue, Deserializer};

use super::toml_explain::{Examples, Explained, explain_data, explain_syntax, path_in_entry};
use crate::error::LineIndex;

/// Every problem of a TOML text that did not deserialise, one per bad key.
pub struct KeyReport<T> {
    /// The value read from the good keys alone, when the text has no syntax error: later
    /// checks can still run on it and report their own errors in the same build.
    pub value: Option<T>,
    /// The top-level keys left out of `value`.
    pub bad_keys: Vec<String>,
    /// Each problem, in the text's order.
    pub problems: Vec<Explained>,
}

/// Checks `text` key by key against `T`; `first_line` is the file line of its start.
pub fn check_keys<T: DeserializeOwned>(
    text: &str,
    first_line: usize,
    examples: Examples,
) -> KeyReport<T> {
    let lines = LineIndex::new(text);
    let (table, syntax) = DeTable::parse_recoverable(text);
    let mut problems = Vec::new();
    let mut broken = Vec::new();
    for e in &syntax {
        let ex = explain_syntax(text, &lines, first_line, e.message(), e.span());
        broken.push(lines.line(ex.offset));
        problems.push(ex);
    }
    broken.sort_unstable();
    let whole = 0..text.len();
    let mut good = DeTable::new();
    let mut bad_keys = Vec::new();
    for (k, v) in table.into_inner() {
        let first = lines.line(k.span().start);
        let last = lines.line(v.span().end.max(k.span().end));
        // The parser's guess at a broken value would only add noise to its syntax error.
        let near_syntax_error = broken
            .get(broken.partition_point(|&l| l < first))
            .is_some_and(|&l| l <= last);
        let found = if near_syntax_error {
            Vec::new()
        } else {
            check_entry::<T>(text, &k, &v, &whole, examples)
        };
        if near_syntax_error || !found.is_empty() {
            bad_keys.push(k.get_ref().to_string());
            problems.extend(found);
        } else {
            good.insert(k, v);
        }
    }
    let mut value = None;
    if syntax.is_empty() {
        // Keys required by the whole (none in front matter) are missing only here.
        match T::deserialize(Deserializer::from(Spanned::new(whole, good))) {
            Ok(v) => value = Some(v),
            Err(e) => problems.push(explain_data(text, &[], e.message(), e.span(), examples)),
        }
    }
    problems.sort_by_key(|p| p.offset);
    KeyReport {
        value,
        bad_keys,
        problems,
    }
}

/// `T` read from a table holding one key only.
fn one<T: DeserializeOwned>(
    k: &Spanned<DeString<'_>>,
    v: Spanned<DeValue<'_>>,
    whole: &std::ops::Range<usize>,
) -> Result<(), toml::de::Error> {
    let mut t = DeTable::new();
    t.insert(k.clone(), v);
    match T::deserialize(Deserializer::from(Spanned::new(whole.clone(), t))) {
        Ok(_) => Ok(()),
        // Another key is missing: not this key's fault (the whole is checked after).
        Err(e) if e.message().starts_with("missing field") && e.span() == Some(whole.clone()) => {
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// The problems of one top-level entry: one per bad item of a list, else one.
fn check_entry<T: DeserializeOwned>(
    text: &str,
    k: &Spanned<DeString<'_>>,
    v: &Spanned<DeValue<'_>>,
    whole: &std::ops::Range<usize>,
    examples: Examples,
) -> Vec<Explained> {
    let explain = |e: toml::de::Error| {
        let path = e
            .span()
            .and_then(|s| path_in_entry(k, v, &s))
            .unwrap_or_else(|| {
                vec![super::toml_explain::Step::Key(
                    k.get_ref().to_string(),
                    k.span(),
                )]
            });
        explain_data(text, &path, e.message(), e.span(), examples)
    };
    let Err(e) = one::<T>(k, v.clone(), whole) else {
        return Vec::new();
    };
    if let DeValue::Array(items) = v.get_ref()
        && items.len() > 1
    {
        let found: Vec<Explained> = items
            .iter()
            .filter_map(|item| {
                let alone: DeArray<'_> = std::iter::once(item.clone()).collect();
                one::<T>(k, Spanned::new(v.span(), DeValue::Array(alone)), whole)
                    .err()
                    .map(explain)
            })
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    vec![explain(e)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::toml_explain::no_examples;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: String,
        tags: Option<Vec<String>>,
        weight: Option<i64>,
        tasks: Option<Vec<Task>>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Task {
        name: String,
    }

    fn lines_of(text: &str, r: &KeyReport<Doc>) -> Vec<usize> {
        let idx = LineIndex::new(text);
        r.problems.iter().map(|p| idx.line(p.offset)).collect()
    }

    #[test]
    fn every_bad_key_once_and_the_good_ones_kept() {
        let text = "title = \"A\"\ntags = \"mot\"\nweight = \"3\"\ntitel = 1\n";
        let r = check_keys::<Doc>(text, 2, no_examples);
        assert_eq!(lines_of(text, &r), vec![2, 3, 4], "{:?}", r.problems);
        assert_eq!(r.bad_keys.len(), 3);
        assert!(r.problems[0].message.contains("tags = [\"mot\"]"));
        assert!(r.problems[1].message.contains("weight = 3"));
        assert!(r.problems[2].message.starts_with("unknown key `titel`"));
        assert_eq!(r.value.map(|d| d.title), Some("A".to_string()));
    }

    #[test]
    fn each_bad_item_of_a_list_of_tables() {
        let text = "title = \"A\"\n[[tasks]]\nname = 5\n[[tasks]]\nname = \"ok\"\n[[tasks]]\nnam = \"x\"\n";
        let r = check_keys::<Doc>(text, 1, no_examples);
        assert_eq!(lines_of(text, &r), vec![3, 7], "{:?}", r.problems);
        assert!(
            r.problems[0]
                .message
                .contains("`name` (in item 1 of `tasks`)")
                && r.problems[0].message.contains("name = \"5\""),
            "{:?}",
            r.problems
        );
        assert!(
            r.problems[1]
                .message
                .contains("unknown key `nam` (in item 3 of `tasks`)")
        );
    }

    #[test]
    fn a_key_missing_from_the_whole_is_reported_once() {
        let text = "tags = [\"a\"]\n";
        let r = check_keys::<Doc>(text, 1, no_examples);
        assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
        assert!(
            r.problems[0]
                .message
                .contains("missing required key `title`")
        );
        assert!(r.value.is_none());
    }

    #[test]
    fn syntax_errors_are_not_doubled_by_type_errors() {
        let text = "title = \"A\"\ntags = [\"a\", \"b\"\nweight = \"x\"\n";
        let r = check_keys::<Doc>(text, 1, no_examples);
        assert!(
            r.problems.iter().all(|p| !p.message.contains("boolean")),
            "{:?}",
            r.problems
        );
        assert!(r.value.is_none());
    }
}
