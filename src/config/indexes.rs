//! `data/chi-so.toml`: the results of the indexes a commune is ranked by (PAR Index, SIPAS,
//! PAPI, PCI, the province's own), one `[[index]]` entry per index and year. Read from a
//! string, every problem reported at its line: an editor copies these numbers from the
//! province's decision, and a typo (a score above the maximum, a rank past the number
//! ranked) must be caught before the portal publishes it.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::toml_error;
use crate::error::{Diagnostic, line_col};

/// Where the file is, from the site folder.
pub const FILE: &str = "data/chi-so.toml";

/// One index's result for one year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndexResult {
    /// The index's name, as the province publishes it ("Chỉ số SIPAS").
    pub name: String,
    /// The year assessed.
    pub year: i32,
    /// The score.
    pub score: f64,
    /// The highest score possible (100 for most), when given.
    pub max: Option<f64>,
    /// The rank among the units assessed, 1 the best.
    pub rank: Option<u32>,
    /// How many units were ranked.
    pub of: Option<u32>,
    /// The component scores, in the file's order.
    pub components: Vec<ComponentScore>,
}

/// One component of an index ("Cải cách thủ tục hành chính": 12.5).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ComponentScore {
    /// Its name.
    pub name: String,
    /// Its score.
    pub score: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    index: Vec<RawIndex>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndex {
    name: Spanned<String>,
    year: Spanned<i64>,
    score: Spanned<toml::Value>,
    max: Option<Spanned<toml::Value>>,
    rank: Option<Spanned<i64>>,
    of: Option<Spanned<i64>>,
    #[serde(default)]
    components: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
}

/// Reads the file's text; `file` names it in errors. Every problem is reported, each at
/// its line.
pub fn parse(text: &str, file: &Path) -> Result<Vec<IndexResult>, Vec<Diagnostic>> {
    let raw: RawFile = toml::from_str(text).map_err(|e| vec![toml_error(text, file, 1, &e)])?;
    let mut errors = Vec::new();
    let mut at = |offset: usize, message: String| {
        let (line, col) = line_col(text, offset);
        errors.push(Diagnostic::at(file, line, col, message));
    };
    let mut out: Vec<IndexResult> = Vec::new();
    for r in raw.index {
        let name = r.name.get_ref().trim().to_string();
        if name.is_empty() {
            at(
                r.name.span().start,
                crate::tr!(
                    en: "the index has no `name`; write the name the province publishes, like name = \"Chỉ số SIPAS\"",
                    vi: "chỉ số chưa có tên (`name`); hãy viết tên như tỉnh công bố, ví dụ name = \"Chỉ số SIPAS\"",
                ),
            );
        }
        let year = *r.year.get_ref();
        if !(1990..=2100).contains(&year) {
            at(
                r.year.span().start,
                crate::tr!(
                    en: "`year` is {year}; write the year assessed, like year = 2025",
                    vi: "`year` là {year}; hãy viết năm được đánh giá, ví dụ year = 2025",
                ),
            );
        }
        let mut number = |v: &Spanned<toml::Value>, key: &str| -> Option<f64> {
            let n = match v.get_ref() {
                toml::Value::Integer(i) => *i as f64,
                toml::Value::Float(f) if f.is_finite() => *f,
                _ => f64::NAN,
            };
            if n.is_nan() || n < 0.0 {
                at(
                    v.span().start,
                    crate::tr!(
                        en: "`{key}` must be a number of 0 or more, with a point for decimals (88.5), without quotes",
                        vi: "`{key}` phải là một số từ 0 trở lên, phần thập phân viết bằng dấu chấm (88.5), không có dấu ngoặc kép",
                    ),
                );
                return None;
            }
            Some(n)
        };
        let score = number(&r.score, "score");
        let max = r.max.as_ref().and_then(|m| number(m, "max"));
        let components: Vec<(usize, ComponentScore)> = r
            .components
            .iter()
            .filter_map(|(k, v)| {
                let score = number(v, k.get_ref())?;
                Some((
                    k.span().start,
                    ComponentScore {
                        name: k.get_ref().trim().to_string(),
                        score,
                    },
                ))
            })
            .collect();
        if let (Some(s), Some(m)) = (score, max) {
            if m <= 0.0 {
                at(
                    r.max.as_ref().map_or(0, |m| m.span().start),
                    crate::tr!(
                        en: "`max` must be above 0: the highest score possible, like max = 100",
                        vi: "`max` phải lớn hơn 0: điểm tối đa có thể đạt, ví dụ max = 100",
                    ),
                );
            } else if s > m {
                at(
                    r.score.span().start,
                    crate::tr!(
                        en: "`score` {s} is above `max` {m}; check both numbers against the published result",
                        vi: "`score` {s} lớn hơn điểm tối đa `max` {m}; hãy đối chiếu hai số với kết quả được công bố",
                    ),
                );
            }
        }
        let rank = r.rank.as_ref().map(|v| (*v.get_ref(), v.span().start));
        let of = r.of.as_ref().map(|v| (*v.get_ref(), v.span().start));
        for (key, v) in [("rank", rank), ("of", of)] {
            if let Some((n, offset)) = v
                && !(1..=100_000).contains(&n)
            {
                at(
                    offset,
                    crate::tr!(
                        en: "`{key}` is {n}; it must be a whole number of 1 or more",
                        vi: "`{key}` là {n}; phải là số nguyên từ 1 trở lên",
                    ),
                );
            }
        }
        match (rank, of) {
            (Some((r, offset)), Some((o, _))) if r > o => at(
                offset,
                crate::tr!(
                    en: "`rank` {r} is past `of` {o}, the number of units ranked; check both numbers",
                    vi: "`rank` (hạng) {r} lớn hơn `of` {o}, số đơn vị được xếp hạng; hãy kiểm tra lại hai số",
                ),
            ),
            (None, Some((_, offset))) => at(
                offset,
                crate::tr!(
                    en: "`of` (how many were ranked) is given without `rank`; add rank = … or remove `of`",
                    vi: "có `of` (số đơn vị được xếp hạng) mà không có `rank` (hạng); hãy thêm rank = … hoặc bỏ `of`",
                ),
            ),
            _ => {}
        }
        if out
            .iter()
            .any(|o| o.name == name && i64::from(o.year) == year)
        {
            at(
                r.name.span().start,
                crate::tr!(
                    en: "\"{name}\" of {year} is given twice; keep one entry for each index and year",
                    vi: "\"{name}\" năm {year} có hai lần; mỗi chỉ số, mỗi năm chỉ ghi một lần",
                ),
            );
        }
        let mut components = components;
        components.sort_by_key(|(offset, _)| *offset);
        out.push(IndexResult {
            name,
            year: i32::try_from(year).unwrap_or_default(),
            score: score.unwrap_or_default(),
            max,
            rank: rank.and_then(|(n, _)| u32::try_from(n).ok()),
            of: of.and_then(|(n, _)| u32::try_from(n).ok()),
            components: components.into_iter().map(|(_, c)| c).collect(),
        });
    }
    errors.sort_by_key(|d| (d.line, d.column));
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Vec<IndexResult>, Vec<Diagnostic>> {
        parse(text, Path::new(FILE))
    }

    #[test]
    fn entries_with_components_in_the_files_order() {
        let r = read(
            "[[index]]\nname = \"Chỉ số PAR Index\"\nyear = 2025\nscore = 88.5\nmax = 100\nrank = 5\nof = 30\n\n[index.components]\n\"Công tác chỉ đạo, điều hành\" = 9.5\n\"Cải cách thủ tục hành chính\" = 12\n\"Cải cách tổ chức bộ máy\" = 8.25\n\n[[index]]\nname = \"Chỉ số SIPAS\"\nyear = 2024\nscore = 91\n",
        )
        .unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(
            (r[0].score, r[0].max, r[0].rank, r[0].of),
            (88.5, Some(100.0), Some(5), Some(30))
        );
        let names: Vec<&str> = r[0].components.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Công tác chỉ đạo, điều hành",
                "Cải cách thủ tục hành chính",
                "Cải cách tổ chức bộ máy"
            ]
        );
        assert_eq!(r[0].components[1].score, 12.0);
        assert_eq!(
            (r[1].max, r[1].rank, r[1].components.len()),
            (None, None, 0)
        );
    }

    #[test]
    fn unknown_keys_and_bad_types_are_errors_at_their_line() {
        let e = read("[[index]]\nname = \"A\"\nyear = 2025\nscore = 1\nrnak = 3\n").unwrap_err();
        assert_eq!((e.len(), e[0].line), (1, 5), "{e:?}");
        assert!(e[0].message.contains("rnak"), "{}", e[0].message);
        let e = read("[[index]]\nname = \"A\"\nyear = 2025\nscore = \"88,5\"\n").unwrap_err();
        assert_eq!(e[0].line, 4, "{e:?}");
        assert!(e[0].message.contains("score"), "{}", e[0].message);
    }

    #[test]
    fn every_inconsistent_number_is_reported_at_its_line() {
        let e = read(
            "[[index]]\nname = \"A\"\nyear = 2025\nscore = 101\nmax = 100\nrank = 31\nof = 30\n\n[[index]]\nname = \"A\"\nyear = 2025\nscore = 1\nof = 4\n\n[index.components]\n\"B\" = -2\n",
        )
        .unwrap_err();
        let lines: Vec<usize> = e.iter().map(|d| d.line).collect();
        assert_eq!(lines, [4, 6, 10, 13, 16], "{e:?}");
        assert!(e[0].message.contains("101") && e[0].message.contains("100"));
        assert!(e[1].message.contains("31") && e[1].message.contains("30"));
    }
}
