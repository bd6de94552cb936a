//! Bar charts as inline SVG, made at build time: an index's score year on year, its rank,
//! its component scores. No script: a cheap phone shows them as pictures, a printer prints
//! them, and a screen reader reads each chart's title and a description that states every
//! number (the page also has the numbers in a table). Bars run across, a label above each
//! one, so that long Vietnamese names fit a 360 px screen without turning.

use crate::text::html::escape_into;

/// The drawing's width in SVG units; the theme scales it to the column.
pub const WIDTH: f64 = 320.0;
/// The longest bar, in SVG units (the rest of the row holds its number).
pub const BAR_MAX: f64 = 240.0;
/// One row's height: its label, then its bar.
const ROW: f64 = 40.0;
const BAR_HEIGHT: f64 = 14.0;

/// One bar: what it is, how long (0 to 1 of the longest), and its number in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Its label ("2025", "Cải cách thủ tục hành chính").
    pub label: String,
    /// Its length as a share of [`BAR_MAX`], 0 to 1.
    pub share: f64,
    /// The number written after the bar and in the description ("88,5/100").
    pub value: String,
}

/// The length in SVG units of a bar of `value` on a scale whose longest bar is `scale`.
pub fn bar_length(value: f64, scale: f64) -> f64 {
    if scale <= 0.0 || !value.is_finite() {
        return 0.0;
    }
    (value / scale).clamp(0.0, 1.0) * BAR_MAX
}

/// The text alternative of a chart: every bar's label and number ("2024: 86,1/100; …").
pub fn description(bars: &[Bar]) -> String {
    bars.iter()
        .map(|b| format!("{}: {}", b.label, b.value))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The chart of `bars` with its `title`; `id` makes its title's and description's ids
/// unique on the page.
pub fn bar_chart(id: &str, title: &str, bars: &[Bar]) -> String {
    let height = ROW * bars.len() as f64 + 4.0;
    let mut s = String::with_capacity(400 + 200 * bars.len());
    s.push_str(&format!(
        "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\"><title id=\"{id}-t\">"
    ));
    escape_into(title, &mut s);
    s.push_str(&format!("</title><desc id=\"{id}-d\">"));
    escape_into(&description(bars), &mut s);
    s.push_str("</desc>");
    for (i, b) in bars.iter().enumerate() {
        let top = ROW * i as f64;
        let len = b.share.clamp(0.0, 1.0) * BAR_MAX;
        s.push_str(&format!(
            "<text x=\"0\" y=\"{:.1}\" class=\"chart-label\">",
            top + 14.0
        ));
        escape_into(&b.label, &mut s);
        s.push_str(&format!(
            "</text><rect x=\"0\" y=\"{:.1}\" width=\"{:.1}\" height=\"{BAR_HEIGHT}\" class=\"chart-bar\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"chart-value\">",
            top + 20.0,
            len,
            len + 6.0,
            top + 31.0
        ));
        escape_into(&b.value, &mut s);
        s.push_str("</text>");
    }
    s.push_str("</svg>");
    s
}

/// A number as the site's language writes it: at most two decimals, no trailing zeros,
/// a decimal comma in Vietnamese (88,5), a point otherwise.
pub fn number(n: f64, language: &str) -> String {
    let s = format!("{n:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if language == "vi" {
        s.replace('.', ",")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_lengths_follow_the_numbers() {
        assert_eq!(bar_length(50.0, 100.0), BAR_MAX / 2.0);
        assert_eq!(bar_length(88.5, 100.0), 0.885 * BAR_MAX);
        assert_eq!(bar_length(100.0, 100.0), BAR_MAX);
        assert_eq!(bar_length(120.0, 100.0), BAR_MAX, "never past the frame");
        assert_eq!(bar_length(5.0, 0.0), 0.0);
    }

    #[test]
    fn the_chart_draws_each_bar_and_states_every_number() {
        let bars = [
            Bar {
                label: "2024".into(),
                share: 0.861,
                value: "86,1/100".into(),
            },
            Bar {
                label: "2025".into(),
                share: 0.885,
                value: "88,5/100".into(),
            },
        ];
        let svg = bar_chart("par", "Chỉ số PAR Index qua các năm", &bars);
        assert!(
            svg.starts_with("<svg class=\"chart\" role=\"img\" aria-labelledby=\"par-t par-d\""),
            "{svg}"
        );
        assert!(
            svg.contains("<title id=\"par-t\">Chỉ số PAR Index qua các năm</title>"),
            "{svg}"
        );
        assert!(
            svg.contains("<desc id=\"par-d\">2024: 86,1/100; 2025: 88,5/100</desc>"),
            "{svg}"
        );
        assert!(
            svg.contains(&format!("width=\"{:.1}\"", 0.861 * BAR_MAX)),
            "{svg}"
        );
        assert!(
            svg.contains(&format!("width=\"{:.1}\"", 0.885 * BAR_MAX)),
            "{svg}"
        );
        assert_eq!(svg.matches("<rect").count(), 2);
        let hostile = bar_chart(
            "x",
            "<script>",
            &[Bar {
                label: "</text><script>".into(),
                share: 0.5,
                value: "1".into(),
            }],
        );
        assert!(!hostile.contains("<script>"), "{hostile}");
    }

    #[test]
    fn numbers_in_the_sites_language() {
        assert_eq!(number(88.5, "vi"), "88,5");
        assert_eq!(number(88.5, "en"), "88.5");
        assert_eq!(number(100.0, "vi"), "100");
        assert_eq!(number(8.25, "vi"), "8,25");
        assert_eq!(number(1.0 / 3.0, "vi"), "0,33");
    }
}
