//! A content file and the form's values, both ways. Reading fills each field with the
//! file's value as the editor types it (dates dd/mm/yyyy, lists with commas); writing makes
//! the file back, one line per key, and remembers which line holds which key, so the
//! build's errors can be shown at their field. A value the form cannot make valid TOML of
//! (a date that is no date, a number with letters) is written as text, so the build's own
//! parser reports it in its own words.

use std::collections::BTreeMap;

use super::contract::{Field, Shape};
use crate::content::frontmatter;
use crate::text::date::parse_date;

/// The values of a form as typed: field name → text.
pub type Values = BTreeMap<String, String>;

/// A content file read for the form.
#[derive(Debug, Default)]
pub struct Opened {
    /// The form's values, with `body` for the Markdown.
    pub values: Values,
    /// Keys the form does not show (tables, a plan's tasks), kept as written.
    pub kept: toml::Table,
}

/// Reads a content file into form values; `Err` with the parser's words when its front
/// matter cannot be read at all.
pub fn open(text: &str, fields: &[Field]) -> Result<Opened, String> {
    let split = frontmatter::split(text).map_err(|e| e.message)?;
    let table: toml::Table = toml::from_str(split.front).map_err(|e| e.message().to_string())?;
    let mut out = Opened::default();
    for (k, v) in table {
        match fields.iter().find(|f| f.key == k) {
            Some(f) => {
                out.values.insert(k, show(f.shape, &v));
            }
            None => {
                out.kept.insert(k, v);
            }
        }
    }
    out.values.insert(
        "body".into(),
        split.body.strip_prefix('\n').unwrap_or(split.body).into(),
    );
    Ok(out)
}

/// A value as the form shows it.
fn show(shape: Shape, v: &toml::Value) -> String {
    match (shape, v) {
        (_, toml::Value::String(s)) => s.clone(),
        (Shape::Date, toml::Value::Datetime(d)) => {
            parse_date(&d.to_string()).map_or_else(|_| d.to_string(), |d| d.list())
        }
        (_, toml::Value::Array(items)) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join(", "),
        (_, other) => other.to_string(),
    }
}

/// A file made from the form.
#[derive(Debug)]
pub struct Made {
    /// The whole file.
    pub text: String,
    /// File line → the field written on it.
    pub lines: Vec<(usize, &'static str)>,
    /// The first line of the body.
    pub body_line: usize,
}

/// Writes the file: the form's fields in the contract's order, then the kept keys, then
/// the body. `publish` leaves `draft` out, whatever the box says.
pub fn make(fields: &[Field], values: &Values, kept: &toml::Table, publish: bool) -> Made {
    let mut text = String::from("+++\n");
    let mut lines = Vec::new();
    let mut line = 2;
    for f in fields {
        let typed = values.get(f.key).map_or("", |s| s.trim());
        if publish && f.key == "draft" {
            continue;
        }
        let Some(value) = value(f.shape, typed) else {
            continue;
        };
        text.push_str(&format!("{} = {value}\n", f.key));
        lines.push((line, f.key));
        line += 1;
    }
    if !kept.is_empty() {
        // Tables go last: a `[[tasks]]` header would take the keys after it.
        let rest = toml::to_string(kept).unwrap_or_default();
        line += rest.lines().count();
        text.push_str(&rest);
        if !rest.ends_with('\n') {
            text.push('\n');
        }
    }
    text.push_str("+++\n");
    line += 1;
    let body = values.get("body").map_or("", String::as_str);
    text.push_str(body);
    if !body.is_empty() && !body.ends_with('\n') {
        text.push('\n');
    }
    Made {
        text,
        lines,
        body_line: line,
    }
}

/// The TOML value for a typed text; `None` when the field is left empty.
fn value(shape: Shape, typed: &str) -> Option<String> {
    let quoted = || toml::Value::String(typed.to_string()).to_string();
    if typed.is_empty() {
        return None;
    }
    Some(match shape {
        Shape::Bool => match typed {
            "on" | "true" => "true".into(),
            _ => return None,
        },
        Shape::Date => parse_date(typed).map_or_else(|_| quoted(), |d| d.iso()),
        Shape::Integer => typed
            .parse::<i64>()
            .map_or_else(|_| quoted(), |n| n.to_string()),
        Shape::List => {
            let items: Vec<toml::Value> = typed
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| toml::Value::String(s.to_string()))
                .collect();
            toml::Value::Array(items).to_string()
        }
        Shape::Text | Shape::Nested => quoted(),
    })
}

/// The field an error on `line` of a made file belongs to: `body`, a key, or `None` for
/// the page as a whole.
pub fn field_at(made: &Made, line: usize) -> Option<&'static str> {
    if line >= made.body_line {
        return Some("body");
    }
    made.lines.iter().find(|(l, _)| *l == line).map(|(_, k)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Kind;
    use crate::editor::contract::fields;

    #[test]
    fn a_file_round_trips_through_the_form() {
        let text = "+++\ntitle = \"Tin \\\"một\\\"\"\ndate = 2026-01-10\ntags = [\"Một cửa\", \"Hộ tịch\"]\n\
                    draft = true\n[extra]\nmau = \"đỏ\"\n+++\nĐoạn *một*.\n";
        let f = fields(Kind::News);
        let o = open(text, &f).unwrap();
        assert_eq!(o.values["date"], "10/01/2026");
        assert_eq!(o.values["tags"], "Một cửa, Hộ tịch");
        assert_eq!(o.values["title"], "Tin \"một\"");
        assert_eq!(o.values["draft"], "true");
        assert!(o.kept.contains_key("extra"));
        let made = make(&f, &o.values, &o.kept, false);
        let again = open(&made.text, &f).unwrap();
        assert_eq!(again.values, o.values);
        assert!(made.text.contains("date = 2026-01-10\n"), "{}", made.text);
        assert_eq!(field_at(&made, 2), Some("title"));
        assert_eq!(field_at(&made, made.body_line), Some("body"));
        let published = make(&f, &o.values, &o.kept, true);
        assert!(!published.text.contains("draft"));
    }

    #[test]
    fn what_is_no_valid_value_is_written_as_text_for_the_parser_to_refuse() {
        let f = fields(Kind::News);
        let mut v = Values::new();
        v.insert("title".into(), "A".into());
        v.insert("date".into(), "31/02/2026".into());
        v.insert("weight".into(), "ba".into());
        let made = make(&f, &v, &toml::Table::new(), false);
        assert!(made.text.contains("date = \"31/02/2026\""), "{}", made.text);
        assert!(made.text.contains("weight = \"ba\""));
    }
}
