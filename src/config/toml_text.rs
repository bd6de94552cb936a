//! Helpers over TOML text and values, for `site.toml` and every front matter: parse errors
//! an editor can act on, the line of a key, and TOML values as JSON for templates.

use std::path::Path;

use super::toml_explain::{explain_data, explain_syntax, is_data_error, no_examples, path_in};
use crate::error::{Diagnostic, LineIndex};

/// Turns a TOML parse error into a diagnostic; `first_line` is the file line of the text's start.
/// The message names the key the error is about and what to write (see [`super::toml_explain`]).
pub fn toml_error(text: &str, file: &Path, first_line: usize, e: &toml::de::Error) -> Diagnostic {
    let lines = LineIndex::new(text);
    let explained = if is_data_error(e.message()) {
        // serde's errors carry a span but no key: the spanned table finds the key.
        let (table, _) = toml::de::DeTable::parse_recoverable(text);
        let path = e
            .span()
            .map(|s| path_in(table.get_ref(), &s))
            .unwrap_or_default();
        explain_data(text, &path, e.message(), e.span(), no_examples)
    } else {
        explain_syntax(text, &lines, first_line, e.message(), e.span())
    };
    let (line, col) = lines.line_col(explained.offset);
    Diagnostic::at(file, first_line + line - 1, col, explained.message)
}

/// The 1-based line of a top-level `key = …` in TOML text, else of the first `[[key]]` or
/// `[key]` header (a list of tables such as a contest's `[[winners]]`), for errors found
/// after parsing.
pub fn key_line(text: &str, key: &str) -> Option<usize> {
    let header = |l: &str| {
        let c = code(l);
        let name = (c.strip_prefix("[[").and_then(|r| r.strip_suffix("]]")))
            .or_else(|| c.strip_prefix('[').and_then(|r| r.strip_suffix(']')));
        name.is_some_and(|n| n.trim() == key)
    };
    (text.lines().position(|l| is_key(l, key)))
        .or_else(|| text.lines().position(header))
        .map(|i| i + 1)
}

/// A line of TOML text without its comment (`[[menu]]  # main navigation`).
fn code(line: &str) -> &str {
    line.split('#').next().unwrap_or("").trim()
}

#[cfg(test)]
#[test]
fn a_list_of_tables_is_found_at_its_first_header() {
    let text = "title = \"a\"\n\n[[winners]]\nname = \"x\"\n[[winners]]\n[extra]\n";
    assert_eq!(key_line(text, "winners"), Some(3));
    assert_eq!(key_line(text, "extra"), Some(6));
    assert_eq!(key_line(text, "name"), Some(4));
    assert_eq!(key_line(text, "prize"), None);
}

/// Whether a line of TOML text sets `key` (`key = …`).
fn is_key(line: &str, key: &str) -> bool {
    line.trim_start()
        .strip_prefix(key)
        .is_some_and(|r| r.trim_start().starts_with('='))
}

/// Sets the `line` of each entry of an array of tables (`[[menu]]`, or
/// `[[languages.en.menu]]` for `table = "languages.en.menu"`): the line of the `url` under
/// the entry's header, else the header's own. Entries written inline (`menu = [{…}]`) keep 0.
pub(super) fn mark_menu_lines(text: &str, table: &str, items: &mut [super::MenuItem]) {
    let lines: Vec<&str> = text.lines().collect();
    let is_header = |l: &str| {
        code(l)
            .strip_prefix("[[")
            .and_then(|r| r.strip_suffix("]]"))
            .is_some_and(|name| name.trim() == table)
    };
    let headers = (0..lines.len()).filter(|&i| is_header(lines[i]));
    for (item, h) in items.iter_mut().zip(headers) {
        let url = lines[h + 1..]
            .iter()
            .take_while(|l| !code(l).starts_with('['))
            .position(|l| is_key(l, "url"));
        // 1-based: the header is line h + 1, the n-th line after it h + 2 + n.
        item.line = url.map_or(h + 1, |n| h + 2 + n);
    }
}

/// Converts TOML values to JSON for templates, dates becoming ISO strings.
pub fn toml_to_json(v: &toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => J::Object(
            t.iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}
