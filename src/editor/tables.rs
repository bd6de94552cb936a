//! The front matter keys whose value is a table (a plan's `signer`) or a list of tables (a
//! procedure's `documents`, the dossier rows) as fields of the form: one field per key of
//! the table, named `signer.name`, `documents.form` … (repeated, in order, for each row of
//! a list). Which keys, and their own keys, come from [`table_keys`], read from the
//! parser's structs; whether a kind carries one, and whether a value is a number, is asked
//! of the parser itself ([`RawPage`]), as [`super::contract`] does for plain keys.
//!
//! A value the fields cannot show whole (a key they lack, a value that is neither text nor
//! a number) is not shown: it stays in the file as written, and a save leaves it alone,
//! because only a key whose fields were posted is written from the form.

use super::Form;
use crate::content::Kind;
use crate::content::key_docs::{TableKey, key_doc, table_keys};
use crate::content::raw::RawPage;
use crate::text::html::escape;

/// Empty rows offered after a list's filled ones.
pub(super) const EMPTY_ROWS: usize = 2;

/// A table key and its rows as typed: one text per key of the table (one row for a
/// single table, none when it is not set).
pub(super) type Rows = (TableKey, Vec<Vec<String>>);

/// Whether the parser reads `front` as a page's front matter.
fn accepts(front: &str) -> Option<RawPage> {
    toml::from_str::<RawPage>(front).ok()
}

/// `key = …` with the table `inner` (a list of one such table when `t.many`).
fn front_with(t: &TableKey, inner: &str) -> String {
    if t.many {
        format!("{} = [{{ {inner} }}]", t.key)
    } else {
        format!("{} = {{ {inner} }}", t.key)
    }
}

/// Whether `t`'s own key `sub` holds a number, by the parser: the table with its first key
/// (which none can be without) as text and `sub` as a number is read.
fn is_number(t: &TableKey, sub: &str) -> bool {
    let first = t.keys.first().copied().unwrap_or("name");
    if sub == first {
        return false;
    }
    accepts(&front_with(t, &format!("{first} = \"x\", {sub} = 1"))).is_some()
}

/// The table keys a page of `kind` may carry, by the build's own rule.
pub(super) fn of_kind(kind: Kind) -> Vec<TableKey> {
    table_keys()
        .into_iter()
        .filter(|t| {
            let first = t.keys.first().copied().unwrap_or("name");
            accepts(&front_with(t, &format!("{first} = \"x\""))).is_some_and(|raw| {
                raw.kind_keys()
                    .iter()
                    .all(|(k, owner)| *k != t.key || kind.allows(owner))
            })
        })
        .collect()
}

/// Whether a form field belongs to a table key (and not to the page's plain values).
pub(super) fn is_table_field(name: &str) -> bool {
    table_keys()
        .iter()
        .any(|t| name.split_once('.').is_some_and(|(k, _)| k == t.key))
}

/// A table's cells as the fields show them; `None` when a key or a value cannot be shown.
fn row_of(t: &TableKey, v: &toml::Value) -> Option<Vec<String>> {
    let table = v.as_table()?;
    if table.keys().any(|k| !t.keys.contains(&k.as_str())) {
        return None;
    }
    t.keys
        .iter()
        .map(|k| match table.get(*k) {
            None => Some(String::new()),
            Some(toml::Value::String(s)) => Some(s.clone()),
            Some(toml::Value::Integer(n)) => Some(n.to_string()),
            Some(_) => None,
        })
        .collect()
}

/// Takes the table keys of a page of `kind` that the fields can show out of the keys
/// `kept` as written, as rows; the others stay in `kept`. Keys not set give no rows.
pub(super) fn take(kind: Kind, kept: &mut toml::Table) -> Vec<Rows> {
    let mut out = Vec::new();
    for t in of_kind(kind) {
        let rows = match kept.get(t.key) {
            None => Some(Vec::new()),
            Some(toml::Value::Array(items)) if t.many => {
                items.iter().map(|i| row_of(&t, i)).collect()
            }
            Some(v) if !t.many => row_of(&t, v).map(|r| vec![r]),
            Some(_) => None,
        };
        if let Some(rows) = rows {
            kept.remove(t.key);
            out.push((t, rows));
        }
    }
    out
}

/// The rows posted in `form` for each table key of `kind` whose fields it has, in the
/// order posted; rows with every cell empty dropped.
pub(super) fn posted(kind: Kind, form: &Form) -> Vec<Rows> {
    let mut out = Vec::new();
    for t in of_kind(kind) {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut at = vec![0usize; t.keys.len()];
        let mut seen = false;
        for (name, value) in form {
            let Some(col) = name
                .split_once('.')
                .filter(|(k, _)| *k == t.key)
                .and_then(|(_, sub)| t.keys.iter().position(|k| *k == sub))
            else {
                continue;
            };
            seen = true;
            let i = at[col];
            at[col] += 1;
            while rows.len() <= i {
                rows.push(vec![String::new(); t.keys.len()]);
            }
            let one_line = value.split_whitespace().collect::<Vec<_>>().join(" ");
            rows[i][col] = crate::text::normalize::nfc_owned(one_line);
        }
        if seen {
            rows.retain(|r| r.iter().any(|c| !c.is_empty()));
            out.push((t, rows));
        }
    }
    out
}

/// The rows a form shows again after a refused save or a preview: those posted, and for a
/// key whose fields were not posted, what the file has (`kept`), when the fields can show it.
pub(super) fn for_form(kind: Kind, form: &Form, kept: &toml::Table) -> Vec<Rows> {
    let mut shown = posted(kind, form);
    let mut rest = kept.clone();
    for r in take(kind, &mut rest) {
        if !shown.iter().any(|(t, _)| t.key == r.0.key) {
            shown.push(r);
        }
    }
    shown
}

/// The keys kept for the file with the posted tables of `form` written in.
pub(super) fn merged(kind: Kind, kept: &toml::Table, form: &Form) -> toml::Table {
    let mut kept = kept.clone();
    merge(&mut kept, &posted(kind, form));
    kept
}

/// Writes the posted `rows` into the keys kept for the file: each posted key replaced by
/// its rows, or removed when it has none.
pub(super) fn merge(kept: &mut toml::Table, rows: &[Rows]) {
    for (t, rows) in rows {
        let mut tables = rows.iter().map(|r| toml::Value::Table(table_of(t, r)));
        let value = if t.many {
            Some(toml::Value::Array(tables.collect())).filter(|_| !rows.is_empty())
        } else {
            tables.next()
        };
        match value {
            Some(v) => kept.insert(t.key.to_string(), v),
            None => kept.remove(t.key),
        };
    }
}

/// One row as a table: empty cells left out; a cell written as a number when the parser
/// takes one there and it is one, else as text (for the parser to refuse in its words).
fn table_of(t: &TableKey, row: &[String]) -> toml::Table {
    let mut table = toml::Table::new();
    for (k, cell) in t.keys.iter().zip(row) {
        if cell.is_empty() {
            continue;
        }
        let value = match cell.parse::<i64>() {
            Ok(n) if is_number(t, k) => toml::Value::Integer(n),
            _ => toml::Value::String(cell.clone()),
        };
        table.insert((*k).to_string(), value);
    }
    table
}

/// The label and help of `t`'s own key `sub`.
fn doc(t: &TableKey, sub: &str) -> (String, String) {
    let full = format!("{}.{sub}", t.key);
    match key_doc(&full) {
        Some(d) => (d.label.to_string(), d.help.to_string()),
        None => (full, String::new()),
    }
}

/// The fields of each table key: a fieldset of labelled fields for a single table, a
/// grid of rows (and [`EMPTY_ROWS`] empty ones) for a list. `files` are the files beside
/// the page, offered for a file name.
pub(super) fn render(tables: &[Rows], files: &[String]) -> String {
    let mut out = String::new();
    for (t, rows) in tables {
        let legend = key_doc(t.key).map_or(t.key, |d| d.label);
        let id = format!("bang-{}", t.key);
        out.push_str(&format!(
            "<fieldset class=\"bang-khoa\" id=\"{id}\">\n<legend>{}</legend>\n",
            escape(legend)
        ));
        if t.many {
            out.push_str(&grid(t, rows));
        } else {
            let empty = vec![String::new(); t.keys.len()];
            let row = rows.first().unwrap_or(&empty);
            for (sub, value) in t.keys.iter().zip(row) {
                let (label, help) = doc(t, sub);
                let fid = format!("f-{}-{sub}", t.key);
                out.push_str(&format!(
                    "<div class=\"truong\">\n<label for=\"{fid}\">{}</label>\n\
                     <p class=\"goi-y\" id=\"h-{fid}\">{} <code>{}.{sub}</code></p>\n\
                     <input type=\"text\" id=\"{fid}\" name=\"{}.{sub}\" value=\"{}\" aria-describedby=\"h-{fid}\">\n</div>\n",
                    escape(&label),
                    escape(&help),
                    t.key,
                    t.key,
                    escape(value)
                ));
            }
        }
        out.push_str("</fieldset>\n");
    }
    if !files.is_empty() {
        out.push_str("<datalist id=\"tep-canh-trang\">");
        for f in files {
            out.push_str(&format!("<option value=\"{}\"></option>", escape(f)));
        }
        out.push_str("</datalist>\n");
    }
    out
}

/// A list of tables as a grid: a column per own key, a row per table.
fn grid(t: &TableKey, rows: &[Vec<String>]) -> String {
    let helps: Vec<String> = t
        .keys
        .iter()
        .map(|sub| {
            let (label, help) = doc(t, sub);
            format!("<b>{}</b>: {}", escape(&label), escape(&help))
        })
        .collect();
    let mut out = format!(
        "<p class=\"goi-y\">Mỗi dòng một giấy tờ; dòng để trống bị bỏ. {}</p>\n<div class=\"cuon\"><table>\n<thead><tr>",
        helps.join(" ")
    );
    for sub in t.keys {
        out.push_str(&format!(
            "<th scope=\"col\">{}</th>",
            escape(&doc(t, sub).0)
        ));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let empty = vec![String::new(); t.keys.len()];
    let all = rows.iter().chain(std::iter::repeat_n(&empty, EMPTY_ROWS));
    for (n, row) in all.enumerate() {
        let n = n + 1;
        out.push_str("<tr>");
        for (sub, value) in t.keys.iter().zip(row) {
            let list = if *sub == "form" {
                " list=\"tep-canh-trang\""
            } else {
                ""
            };
            let mode = if is_number(t, sub) {
                " inputmode=\"numeric\" size=\"3\""
            } else {
                ""
            };
            out.push_str(&format!(
                "<td><input type=\"text\" name=\"{}.{sub}\" value=\"{}\" aria-label=\"{} dòng {n}\"{mode}{list}></td>",
                t.key,
                escape(value),
                escape(&doc(t, sub).0)
            ));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn kinds_get_the_tables_the_build_lets_them_carry() {
        let keys = |k: Kind| of_kind(k).into_iter().map(|t| t.key).collect::<Vec<_>>();
        assert_eq!(keys(Kind::Plan), ["signer"]);
        assert_eq!(keys(Kind::Procedure), ["documents"]);
        assert!(keys(Kind::News).is_empty());
        let docs = of_kind(Kind::Procedure)[0];
        assert!(is_number(&docs, "originals") && !is_number(&docs, "form"));
        assert!(is_table_field("documents.form") && !is_table_field("title"));
    }

    #[test]
    fn rows_round_trip_through_the_form_and_the_parser_reads_them() {
        let text = "documents = [{ name = \"Tờ khai\", originals = 1, form = \"to-khai.docx\" }, { name = \"CCCD\", copies = 1 }]\nextra = { a = 1 }\n";
        let mut kept: toml::Table = toml::from_str(text).unwrap();
        let taken = take(Kind::Procedure, &mut kept);
        assert!(!kept.contains_key("documents") && kept.contains_key("extra"));
        assert_eq!(taken[0].1[0], ["Tờ khai", "1", "", "to-khai.docx"]);
        let posted = posted(
            Kind::Procedure,
            &form(&[
                ("documents.name", "Tờ khai"),
                ("documents.originals", "1"),
                ("documents.copies", ""),
                ("documents.form", "to-khai.docx"),
                ("documents.name", "CCCD"),
                ("documents.originals", ""),
                ("documents.copies", "1"),
                ("documents.form", ""),
                ("documents.name", ""),
                ("documents.originals", ""),
                ("documents.copies", ""),
                ("documents.form", ""),
            ]),
        );
        assert_eq!(posted, taken);
        merge(&mut kept, &posted);
        let written = toml::to_string(&kept).unwrap();
        let raw: RawPage = toml::from_str(&written).unwrap();
        let docs = raw.documents.unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].form.as_deref(), Some("to-khai.docx"));
        assert_eq!(docs[0].originals, Some(1));
        assert_eq!(docs[1].copies, Some(1));
    }

    #[test]
    fn the_signer_is_one_table_and_emptied_it_goes() {
        let mut kept: toml::Table =
            toml::from_str("signer = { name = \"Lan\", title = \"Chủ tịch\" }\n").unwrap();
        let taken = take(Kind::Plan, &mut kept);
        assert_eq!(taken[0].1, [["Lan", "Chủ tịch", ""]]);
        let rows = posted(
            Kind::Plan,
            &form(&[
                ("signer.name", "Ngân"),
                ("signer.title", "Phó Chủ tịch"),
                ("signer.sign_as", "KT. CHỦ TỊCH"),
            ]),
        );
        merge(&mut kept, &rows);
        let raw: RawPage = toml::from_str(&toml::to_string(&kept).unwrap()).unwrap();
        let signer = raw.signer.unwrap();
        assert_eq!(signer.sign_as.as_deref(), Some("KT. CHỦ TỊCH"));
        let none = posted(
            Kind::Plan,
            &form(&[("signer.name", " "), ("signer.title", "")]),
        );
        merge(&mut kept, &none);
        assert!(!kept.contains_key("signer"));
    }

    #[test]
    fn what_the_fields_cannot_show_stays_as_written() {
        let mut kept: toml::Table =
            toml::from_str("signer = { name = \"Lan\", chu_ky = true }\n").unwrap();
        assert!(take(Kind::Plan, &mut kept).is_empty());
        assert!(kept.contains_key("signer"));
        // A form without the fields leaves the key alone.
        assert!(posted(Kind::Plan, &form(&[("title", "A")])).is_empty());
    }
}
