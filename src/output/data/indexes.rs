//! `/data/chi-so.json` and `/data/chi-so.csv`: the index results of `data/chi-so.toml`,
//! written when the site has that file. The JSON keeps the file's shape (one object per
//! index and year, its components in order); the CSV is long: one row per index and year
//! (its `component` empty), then one per component score, so that a spreadsheet filters
//! either without splitting cells. Numbers are written with a decimal point, as machines
//! read them.

use crate::config::indexes::IndexResult;

use super::{json, push_csv_row};

/// The columns of `chi-so.csv`.
pub(super) const COLUMNS: &str = "index,year,component,score,max,rank,of";

/// `chi-so.json`.
pub(super) fn indexes_json(results: &[IndexResult]) -> Vec<u8> {
    json(&results)
}

/// `chi-so.csv`: BOM, header, the rows, every field quoted (and guarded), CRLF.
pub(super) fn indexes_csv(results: &[IndexResult]) -> String {
    let mut out = String::from("\u{FEFF}");
    let mut row = |fields: [String; 7]| push_csv_row(&mut out, fields.iter().map(String::as_str));
    row(COLUMNS
        .split(',')
        .map(String::from)
        .collect::<Vec<_>>()
        .try_into()
        .unwrap_or_default());
    let opt = |n: Option<String>| n.unwrap_or_default();
    for r in results {
        row([
            r.name.clone(),
            r.year.to_string(),
            String::new(),
            r.score.to_string(),
            opt(r.max.map(|m| m.to_string())),
            opt(r.rank.map(|m| m.to_string())),
            opt(r.of.map(|m| m.to_string())),
        ]);
        for c in &r.components {
            row([
                r.name.clone(),
                r.year.to_string(),
                c.name.clone(),
                c.score.to_string(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::indexes::parse;

    fn results() -> Vec<IndexResult> {
        parse(
            "[[index]]\nname = \"=HYPERLINK(\\\"http://x\\\")\"\nyear = 2025\nscore = 88.5\nmax = 100\nrank = 5\nof = 30\n[index.components]\n\"Thủ tục \\\"một cửa\\\"\" = 12\n\"@SUM(A1)\" = 3.25\n",
            Path::new("data/chi-so.toml"),
        )
        .unwrap()
    }

    #[test]
    fn the_csv_is_long_quoted_and_guarded_against_formulas() {
        let csv = indexes_csv(&results());
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "\u{FEFF}\"index\",\"year\",\"component\",\"score\",\"max\",\"rank\",\"of\""
        );
        assert_eq!(
            lines[1],
            "\"'=HYPERLINK(\"\"http://x\"\")\",\"2025\",\"\",\"88.5\",\"100\",\"5\",\"30\""
        );
        assert_eq!(
            lines[2],
            "\"'=HYPERLINK(\"\"http://x\"\")\",\"2025\",\"Thủ tục \"\"một cửa\"\"\",\"12\",\"\",\"\",\"\""
        );
        assert_eq!(
            lines[3],
            "\"'=HYPERLINK(\"\"http://x\"\")\",\"2025\",\"'@SUM(A1)\",\"3.25\",\"\",\"\",\"\""
        );
        assert_eq!((lines.len(), lines[4]), (5, ""));
    }

    #[test]
    fn the_json_keeps_the_files_shape() {
        let v: serde_json::Value = serde_json::from_slice(&indexes_json(&results())).unwrap();
        assert_eq!(v[0]["year"], 2025);
        assert_eq!(v[0]["score"], 88.5);
        assert_eq!(v[0]["rank"], 5);
        assert_eq!(v[0]["components"][0]["name"], "Thủ tục \"một cửa\"");
        assert_eq!(v[0]["components"][1]["score"], 3.25);
    }
}
