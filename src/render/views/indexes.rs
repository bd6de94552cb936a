//! The page of index results (`/chi-so/`) from `data/chi-so.toml`: for each index, its
//! score and rank year on year and its latest component scores, each as a chart
//! ([`super::charts`]) and as a table of the same numbers.

use serde::Serialize;

use super::charts::{Bar, bar_chart, number};
use crate::config::Config;
use crate::config::indexes::IndexResult;
use crate::text::slug::slugify;

/// What the page shows.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct IndexesView {
    /// Each index, in the order the file first names it.
    pub indexes: Vec<IndexView>,
    /// The open data: `/data/chi-so.json`.
    pub json_url: String,
    /// The open data: `/data/chi-so.csv`.
    pub csv_url: String,
}

/// One index over the years.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct IndexView {
    /// Its name.
    pub name: String,
    /// Its anchor on the page.
    pub id: String,
    /// Each year, oldest first.
    pub years: Vec<YearRow>,
    /// The score chart (SVG).
    pub score_chart: String,
    /// The rank chart (SVG); empty when no year has a rank.
    pub rank_chart: String,
    /// The year of the component scores shown (the latest that has them).
    pub components_year: Option<i32>,
    /// That year's component scores.
    pub components: Vec<ComponentRow>,
    /// Their chart (SVG); empty without components.
    pub components_chart: String,
}

/// One year's numbers, as the table writes them.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct YearRow {
    /// The year.
    pub year: i32,
    /// The score ("88,5").
    pub score: String,
    /// The highest score possible ("100"), or empty.
    pub max: String,
    /// The rank ("5"), or empty.
    pub rank: String,
    /// How many were ranked ("30"), or empty.
    pub of: String,
}

/// One component score.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ComponentRow {
    /// Its name.
    pub name: String,
    /// Its score ("12,5").
    pub score: String,
}

/// The view of the page for `c`'s index results.
pub fn view(c: &Config, results: &[IndexResult]) -> IndexesView {
    let mut names: Vec<&str> = Vec::new();
    for r in results {
        if !names.contains(&r.name.as_str()) {
            names.push(&r.name);
        }
    }
    let mut ids = std::collections::HashSet::new();
    IndexesView {
        indexes: names
            .into_iter()
            .map(|name| {
                let mut years: Vec<&IndexResult> =
                    results.iter().filter(|r| r.name == name).collect();
                years.sort_by_key(|r| r.year);
                let id = crate::text::slug::unique_slug(&slugify(name), &mut ids);
                index_view(c, name, id, &years)
            })
            .collect(),
        json_url: c.url("/data/chi-so.json"),
        csv_url: c.url("/data/chi-so.csv"),
    }
}

fn index_view(c: &Config, name: &str, id: String, years: &[&IndexResult]) -> IndexView {
    let lang = c.language.as_str();
    let n = |x: f64| number(x, lang);
    let label = |key: &str, fallback: &str| c.strings.label(key, fallback);
    // The scale: the latest maximum given, else the highest score.
    let scale = years
        .iter()
        .rev()
        .find_map(|r| r.max)
        .unwrap_or_else(|| years.iter().map(|r| r.score).fold(0.0, f64::max));
    let score_bars: Vec<Bar> = years
        .iter()
        .map(|r| Bar {
            label: r.year.to_string(),
            share: share(r.score, scale),
            value: match r.max {
                Some(m) => format!("{}/{}", n(r.score), n(m)),
                None => n(r.score),
            },
        })
        .collect();
    let rank_word = label("indexes_rank", "hạng");
    let rank_bars: Vec<Bar> = years
        .iter()
        .filter_map(|r| {
            let rank = r.rank?;
            // Longer is better: first of 30 is a full bar, last a thin one.
            let (share, value) = match r.of {
                Some(of) if of > 0 => (
                    f64::from(of.saturating_sub(rank) + 1) / f64::from(of),
                    format!("{rank_word} {rank}/{of}"),
                ),
                _ => (0.0, format!("{rank_word} {rank}")),
            };
            Some(Bar {
                label: r.year.to_string(),
                share,
                value,
            })
        })
        .collect();
    let latest = years.iter().rev().find(|r| !r.components.is_empty());
    let components: Vec<ComponentRow> = latest
        .map(|r| {
            r.components
                .iter()
                .map(|k| ComponentRow {
                    name: k.name.clone(),
                    score: n(k.score),
                })
                .collect()
        })
        .unwrap_or_default();
    let components_chart = match latest {
        Some(r) => {
            let top = r.components.iter().map(|k| k.score).fold(0.0, f64::max);
            let bars: Vec<Bar> = r
                .components
                .iter()
                .map(|k| Bar {
                    label: k.name.clone(),
                    share: share(k.score, top),
                    value: n(k.score),
                })
                .collect();
            let title = label(
                "indexes_components_chart",
                "{name} năm {year}: điểm các chỉ số thành phần",
            )
            .replace("{name}", name)
            .replace("{year}", &r.year.to_string());
            bar_chart(&format!("{id}-tp"), &title, &bars)
        }
        None => String::new(),
    };
    IndexView {
        name: name.to_string(),
        years: years
            .iter()
            .map(|r| YearRow {
                year: r.year,
                score: n(r.score),
                max: r.max.map(n).unwrap_or_default(),
                rank: r.rank.map(|x| x.to_string()).unwrap_or_default(),
                of: r.of.map(|x| x.to_string()).unwrap_or_default(),
            })
            .collect(),
        score_chart: bar_chart(
            &format!("{id}-diem"),
            &label("indexes_score_chart", "{name}: điểm qua các năm").replace("{name}", name),
            &score_bars,
        ),
        rank_chart: if rank_bars.is_empty() {
            String::new()
        } else {
            bar_chart(
                &format!("{id}-hang"),
                &label("indexes_rank_chart", "{name}: thứ hạng qua các năm")
                    .replace("{name}", name),
                &rank_bars,
            )
        },
        components_year: latest.map(|r| r.year),
        components,
        components_chart,
        id,
    }
}

/// `value` as a share of `scale`, 0 to 1 ([`super::charts::bar_length`] over the longest).
fn share(value: f64, scale: f64) -> f64 {
    super::charts::bar_length(value, scale) / super::charts::BAR_MAX
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::{Overrides, indexes, parse};

    fn site() -> Config {
        parse(
            "title = \"Xã Thử\"\nbase_url = \"https://xa.example.gov.vn/\"\n",
            Path::new("site.toml"),
            &Overrides::default(),
        )
        .unwrap()
    }

    #[test]
    fn each_index_year_on_year_with_its_latest_components() {
        let results = indexes::parse(
            "[[index]]\nname = \"Chỉ số PAR Index\"\nyear = 2025\nscore = 88.5\nmax = 100\nrank = 5\nof = 30\n[index.components]\n\"Chỉ đạo, điều hành\" = 9.5\n\"Thủ tục hành chính\" = 12\n\n[[index]]\nname = \"Chỉ số SIPAS\"\nyear = 2025\nscore = 91.2\nmax = 100\n\n[[index]]\nname = \"Chỉ số PAR Index\"\nyear = 2024\nscore = 80\nmax = 100\nrank = 12\nof = 30\n",
            Path::new("data/chi-so.toml"),
        )
        .unwrap();
        let v = view(&site(), &results);
        assert_eq!(v.indexes.len(), 2);
        let par = &v.indexes[0];
        assert_eq!(
            (par.name.as_str(), par.id.as_str()),
            ("Chỉ số PAR Index", "chi-so-par-index")
        );
        let years: Vec<i32> = par.years.iter().map(|y| y.year).collect();
        assert_eq!(years, [2024, 2025]);
        assert_eq!(par.years[1].score, "88,5");
        assert!(
            par.score_chart.contains(
                "<desc id=\"chi-so-par-index-diem-d\">2024: 80/100; 2025: 88,5/100</desc>"
            ),
            "{}",
            par.score_chart
        );
        assert!(par.score_chart.contains(&format!(
            "width=\"{:.1}\"",
            0.885 * crate::render::views::charts::BAR_MAX
        )));
        // 5th of 30: 26 of 30 bars long; 12th: 19 of 30.
        assert!(
            par.rank_chart.contains("2024: hạng 12/30; 2025: hạng 5/30"),
            "{}",
            par.rank_chart
        );
        assert!(par.rank_chart.contains(&format!(
            "width=\"{:.1}\"",
            26.0 / 30.0 * crate::render::views::charts::BAR_MAX
        )));
        assert_eq!(par.components_year, Some(2025));
        assert!(
            par.components_chart
                .contains("Chỉ đạo, điều hành: 9,5; Thủ tục hành chính: 12"),
            "{}",
            par.components_chart
        );
        let sipas = &v.indexes[1];
        assert!(sipas.rank_chart.is_empty() && sipas.components_chart.is_empty());
        assert_eq!(v.json_url, "/data/chi-so.json");
    }
}
