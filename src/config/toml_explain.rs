//! Plain words for TOML errors: the key a problem is about, and what to write instead.
//! serde and the TOML parser speak of "sequences", "maps" and "i64"; an editor needs
//! `tags = ["mot"]`. Shared by `site.toml` ([`super::toml_error`]) and every front matter.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

use crate::error::LineIndex;
use crate::text::date::{DateError, parse_date};

/// Examples a caller knows for keys whose shape the words alone cannot give (`[[tasks]]`
/// is a list of tables, `period` a table of two dates); `None` for the rest.
pub type Examples = fn(&str) -> Option<String>;

/// No examples beyond the words' own.
pub fn no_examples(_: &str) -> Option<String> {
    None
}

/// One step of the way from a top-level key down to the value a problem is in, with the
/// span to point at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A key of a table.
    Key(String, Range<usize>),
    /// The n-th (0-based) item of an array.
    Item(usize, Range<usize>),
}

/// A problem's place (a byte offset into the TOML text) and its plain words.
#[derive(Debug, PartialEq, Eq)]
pub struct Explained {
    /// Byte offset to point at.
    pub offset: usize,
    /// What is wrong and what to write instead.
    pub message: String,
}

/// Whether a message is serde's (the text parsed, a value has the wrong shape) rather than
/// the parser's (the text is not TOML).
pub fn is_data_error(m: &str) -> bool {
    [
        "invalid type:",
        "invalid value:",
        "invalid length",
        "unknown field",
        "missing field",
    ]
    .iter()
    .any(|p| m.starts_with(p))
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// The path from a top-level key of `table` to the deepest key whose key or value holds
/// `span`; empty when no key does (a missing key of the whole document).
pub fn path_in(table: &DeTable<'_>, span: &Range<usize>) -> Vec<Step> {
    let mut path = Vec::new();
    for (k, v) in table {
        if let Some(rest) = path_in_entry(k, v, span) {
            path = rest;
            break;
        }
    }
    path
}

/// [`path_in`] for one entry, `None` when the span is elsewhere.
pub fn path_in_entry(
    k: &Spanned<DeString<'_>>,
    v: &Spanned<DeValue<'_>>,
    span: &Range<usize>,
) -> Option<Vec<Step>> {
    let step = Step::Key(k.get_ref().to_string(), k.span());
    if contains(&k.span(), span) {
        return Some(vec![step]);
    }
    // Tables of `[[tasks]]` have the header's span, not their keys': look inside first.
    let deeper = match v.get_ref() {
        DeValue::Table(t) => {
            let p = path_in(t, span);
            (!p.is_empty()).then_some(p)
        }
        DeValue::Array(a) => a.iter().enumerate().find_map(|(i, item)| {
            let item_step = Step::Item(i, item.span());
            match item.get_ref() {
                DeValue::Table(t) => {
                    let p = path_in(t, span);
                    if !p.is_empty() {
                        return Some([vec![item_step], p].concat());
                    }
                    contains(&item.span(), span).then(|| vec![item_step])
                }
                _ => contains(&item.span(), span).then(|| vec![item_step]),
            }
        }),
        _ => None,
    };
    match deeper {
        Some(rest) => Some([vec![step], rest].concat()),
        None => contains(&v.span(), span).then(|| vec![step]),
    }
}

/// How the path reads in a message: "`name` (in item 2 of `tasks`)".
fn subject(path: &[Step]) -> String {
    match path.split_last() {
        None => String::new(),
        Some((Step::Key(k, _), [])) => format!("`{k}`"),
        Some((Step::Key(k, _), parents)) => {
            let of = subject(parents);
            crate::tr!(en: "`{k}` (in {of})", vi: "`{k}` (trong {of})")
        }
        Some((Step::Item(i, _), parents)) => {
            let (n, of) = (i + 1, subject(parents));
            crate::tr!(en: "item {n} of {of}", vi: "mục {n} của {of}")
        }
    }
}

fn leaf(path: &[Step]) -> &str {
    path.iter()
        .rev()
        .find_map(|s| match s {
            Step::Key(k, _) => Some(k.as_str()),
            Step::Item(..) => None,
        })
        .unwrap_or("")
}

/// The shapes serde names after "expected".
enum Shape {
    List,
    Text,
    Whole,
    Count,
    YesNo,
    Table,
}

fn shape(expected: &str) -> Option<Shape> {
    Some(match expected {
        "a sequence" => Shape::List,
        "a string" | "a borrowed string" => Shape::Text,
        "i8" | "i16" | "i32" | "i64" | "isize" => Shape::Whole,
        "u8" | "u16" | "u32" | "u64" | "usize" => Shape::Count,
        "a boolean" => Shape::YesNo,
        e if e == "a map" || e.starts_with("struct ") => Shape::Table,
        _ => return None,
    })
}

/// What to write for `key` of `shape`, using the editor's own value where it fits.
fn example(key: &str, shape: &Shape, found: &str, examples: Examples) -> String {
    let quoted = found.starts_with('"') || found.starts_with('\'');
    let inner = found.trim_matches(|c| c == '"' || c == '\'').trim();
    match shape {
        Shape::List | Shape::Table if examples(key).is_some() => examples(key).unwrap_or_default(),
        Shape::List if quoted => format!("{key} = [{found}]"),
        Shape::List => format!("{key} = [\"…\"]"),
        Shape::Text if !found.is_empty() && !quoted && !found.starts_with(['[', '{']) => {
            format!("{key} = \"{found}\"")
        }
        Shape::Text => format!("{key} = \"…\""),
        Shape::Whole if inner.parse::<i64>().is_ok() => format!("{key} = {inner}"),
        Shape::Count if inner.parse::<u32>().is_ok() => format!("{key} = {inner}"),
        Shape::Whole | Shape::Count => format!("{key} = 1"),
        Shape::YesNo => {
            crate::tr!(en: "{key} = true or {key} = false", vi: "{key} = true hoặc {key} = false")
        }
        Shape::Table => crate::tr!(
            en: "[{key}] and its keys on the lines below it",
            vi: "[{key}] và các khóa của nó ở các dòng bên dưới",
        ),
    }
}

/// Plain words for a serde error (wrong shape, unknown or missing key) at `path`.
pub fn explain_data(
    text: &str,
    path: &[Step],
    message: &str,
    span: Option<Range<usize>>,
    examples: Examples,
) -> Explained {
    let offset = match path.last() {
        Some(Step::Key(_, r) | Step::Item(_, r)) => r.start,
        None => span.as_ref().map_or(0, |s| s.start),
    };
    let at = |message: String| Explained { offset, message };
    let m = message.trim().replace('\n', " ");
    if let Some(rest) = m.strip_prefix("unknown field ") {
        let key = rest.split(',').next().unwrap_or(rest);
        let expected = rest.split_once(", ").map_or("", |(_, e)| e);
        let expected = expected.strip_prefix("expected one of ").map_or_else(
            || expected.to_string(),
            |keys| crate::tr!(en: "expected one of {keys}", vi: "các khóa được dùng: {keys}"),
        );
        if path.len() > 1 {
            let of = subject(&path[..path.len() - 1]);
            return at(crate::tr!(
                en: "unknown key {key} (in {of}): check its spelling ({expected})",
                vi: "khóa {key} (trong {of}) không có trong quy ước: hãy kiểm tra chính tả ({expected})",
            ));
        }
        return at(crate::tr!(
            en: "unknown key {key}: check its spelling, or put keys of your own under [extra] ({expected})",
            vi: "khóa {key} không có trong quy ước: hãy kiểm tra chính tả, hoặc đặt các khóa riêng dưới [extra] ({expected})",
        ));
    }
    if let Some(rest) = m.strip_prefix("missing field ") {
        if path.is_empty() {
            return at(crate::tr!(
                en: "missing required key {rest}",
                vi: "thiếu khóa bắt buộc {rest}",
            ));
        }
        let of = subject(path);
        return at(crate::tr!(
            en: "missing required key {rest} in {of}",
            vi: "thiếu khóa bắt buộc {rest} trong {of}",
        ));
    }
    let what = subject(path);
    let wrong = m
        .strip_prefix("invalid type: ")
        .or_else(|| m.strip_prefix("invalid value: "))
        .and_then(|r| r.rsplit_once(", expected "))
        .and_then(|(_, e)| shape(e));
    let (Some(shape), false) = (wrong, what.is_empty()) else {
        return at(if what.is_empty() {
            m
        } else {
            format!("{what}: {m}")
        });
    };
    let found = span
        .and_then(|s| text.get(s))
        .map_or("", str::trim)
        .to_string();
    let write = example(leaf(path), &shape, &found, examples);
    at(match shape {
        Shape::List => crate::tr!(
            en: "{what} must be a list in square brackets: write {write}",
            vi: "{what} phải là một danh sách trong ngoặc vuông: hãy viết {write}",
        ),
        Shape::Text => crate::tr!(
            en: "{what} must be text in quotes: write {write}",
            vi: "{what} phải là chữ đặt trong dấu ngoặc kép: hãy viết {write}",
        ),
        Shape::Whole => crate::tr!(
            en: "{what} must be a whole number, without quotes: write {write}",
            vi: "{what} phải là một số nguyên, không có dấu ngoặc kép: hãy viết {write}",
        ),
        Shape::Count => crate::tr!(
            en: "{what} must be a whole number from 0 up, without quotes: write {write}",
            vi: "{what} phải là một số nguyên từ 0 trở lên, không có dấu ngoặc kép: hãy viết {write}",
        ),
        Shape::YesNo => crate::tr!(
            en: "{what} must be true or false, without quotes: write {write}",
            vi: "{what} phải là true hoặc false, không có dấu ngoặc kép: hãy viết {write}",
        ),
        Shape::Table => crate::tr!(
            en: "{what} must be a table: write {write}",
            vi: "{what} phải là một bảng: hãy viết {write}",
        ),
    })
}

/// The key a line sets (`title = …`) or opens (`[extra]`, `[[tasks]]`).
fn line_key(line: &str) -> Option<&str> {
    let l = line.trim();
    if let Some(h) = l.strip_prefix('[') {
        let name = h.trim_start_matches('[').split(']').next()?.trim();
        return (!name.is_empty()).then_some(name);
    }
    let (k, _) = l.split_once('=')?;
    let k = k.trim().trim_matches(|c| c == '"' || c == '\'');
    let plain = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' ');
    (!k.is_empty() && k.chars().all(plain)).then_some(k)
}

/// The key of the line `line`, or of the nearest line above that sets one (a value spread
/// over lines, like a long array). Looks back a few lines only: many errors in one long
/// array must not each walk the whole file.
fn key_near<'a>(lines: &LineIndex<'a>, line: usize) -> Option<&'a str> {
    (line.saturating_sub(50).max(1)..=line)
        .rev()
        .find_map(|l| line_key(lines.text(l)))
}

/// Plain words for a TOML syntax error; `first_line` is the file line of the text's start.
pub fn explain_syntax(
    text: &str,
    lines: &LineIndex<'_>,
    first_line: usize,
    message: &str,
    span: Option<Range<usize>>,
) -> Explained {
    let span = span.unwrap_or(0..0);
    let offset = span.start;
    let line = lines.line(offset);
    let raw = text.get(span.clone()).unwrap_or("").trim();
    let m = message.trim().replace('\n', " ");
    let at = |message: String| Explained { offset, message };
    if m.starts_with("duplicate key") {
        let key = raw.trim_matches(|c| c == '"' || c == '\'');
        let again = first_line + line - 1;
        let first = (1..line)
            .rev()
            .find(|&l| line_key(lines.text(l)).is_some_and(|k| k.rsplit('.').next() == Some(key)));
        return at(match first {
            Some(l) => {
                let first = first_line + l - 1;
                crate::tr!(
                    en: "`{key}` is written twice (lines {first} and {again}): keep one",
                    vi: "`{key}` được viết hai lần (dòng {first} và {again}): hãy giữ một",
                )
            }
            None => crate::tr!(
                en: "`{key}` is written twice: keep one",
                vi: "`{key}` được viết hai lần: hãy giữ một",
            ),
        });
    }
    if m.starts_with("key with no value") {
        let this = lines.text(line).trim();
        let (key, rest) = this.split_once(char::is_whitespace).unwrap_or((this, ""));
        let rest = if rest.trim().is_empty() {
            "…"
        } else {
            rest.trim()
        };
        return at(crate::tr!(
            en: "`{key}` has no `=`: write {key} = {rest}",
            vi: "`{key}` thiếu dấu `=`: hãy viết {key} = {rest}",
        ));
    }
    let Some(key) = key_near(lines, line) else {
        return at(m);
    };
    if m.starts_with("string values must be quoted") {
        if !matches!(parse_date(raw), Err(DateError::Unreadable { .. })) {
            return at(crate::tr!(
                en: "`{key}`: write a date as 2024-02-29, or in quotes: {key} = \"{raw}\"",
                vi: "`{key}`: hãy viết ngày tháng dạng 2024-02-29, hoặc trong dấu ngoặc kép: {key} = \"{raw}\"",
            ));
        }
        let whole = lines
            .text(line)
            .split_once('=')
            .is_some_and(|(_, v)| v.trim() == raw);
        let write = if whole {
            format!("{key} = \"{raw}\"")
        } else {
            format!("\"{raw}\"")
        };
        return at(crate::tr!(
            en: "`{key}`: text must be in quotes: write {write}",
            vi: "`{key}`: chữ phải đặt trong dấu ngoặc kép: hãy viết {write}",
        ));
    }
    let quote = if m.starts_with("invalid basic string") {
        Some('"')
    } else if m.starts_with("invalid literal string") {
        Some('\'')
    } else {
        None
    };
    if let Some(q) = quote {
        return at(crate::tr!(
            en: "`{key}`: the text opened with {q} is not closed on its line: end it with {q}",
            vi: "`{key}`: đoạn chữ mở bằng {q} chưa được đóng trên dòng của nó: hãy kết thúc bằng {q}",
        ));
    }
    if m.starts_with("invalid date") || m.starts_with("invalid time") {
        return at(crate::tr!(
            en: "`{key}` = {raw} is not a real date: write a date like 2024-02-29",
            vi: "`{key}` = {raw} không phải là một ngày có thật: hãy viết ngày như 2024-02-29",
        ));
    }
    at(format!("`{key}`: {m}"))
}

#[cfg(test)]
mod tests;
