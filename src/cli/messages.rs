//! What the command line says after a build and after `congbo new`, and the stage names of
//! the progress bar, in one place so they can be translated; every text is made by a plain
//! function of its values.

use std::path::Path;
use std::time::Duration;

use crate::build::{BuildReport, Stage};
use crate::content::Kind;

/// "3 plans", "1 news item", …: a count of pages of one kind.
pub fn pages_of_kind(kind: Kind, n: usize) -> String {
    let (one, many) = match kind {
        Kind::Plan => ("plan", "plans"),
        Kind::News => ("news item", "news items"),
        Kind::Procedure => ("procedure", "procedures"),
        Kind::Document => ("document", "documents"),
        Kind::Page => ("page", "pages"),
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The line `congbo build` ends with.
pub fn build_summary(r: &BuildReport) -> String {
    let kinds: Vec<String> = r
        .pages_by_kind
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| pages_of_kind(*k, *n))
        .collect();
    format!(
        "Built {} files ({}) into {} in {:.2} s: {} written, {} unchanged, {} removed",
        r.files,
        if kinds.is_empty() {
            "no pages".to_string()
        } else {
            kinds.join(", ")
        },
        r.output_dir.display(),
        r.seconds,
        r.write.written,
        r.write.unchanged,
        r.write.removed
    )
}

/// What the progress bar says the build is doing.
pub fn stage(s: Stage) -> &'static str {
    match s {
        Stage::Reading => "reading content",
        Stage::Markdown => "Markdown",
        Stage::Model => "lists and links",
        Stage::Rendering => "pages",
        Stage::Finishing => "feeds, data, saving",
    }
}

/// Elapsed time on the progress bar: `12 s`, `1 min 05 s`.
pub fn elapsed(d: Duration) -> String {
    let s = d.as_secs();
    if s < 60 {
        format!("{s} s")
    } else {
        format!("{} min {:02} s", s / 60, s % 60)
    }
}

/// What `congbo new` says once it has written a page.
pub fn created(file: &Path, kind: Kind) -> String {
    format!(
        "Created {} (a {} page). Open it, fill in the lines starting with #, then run congbo build.",
        file.display(),
        kind.name()
    )
}

/// What `congbo init` says once it has made a site.
pub fn initialised(dir: &Path) -> String {
    format!(
        "Created a new site in {}. Next: cd {} && congbo build",
        dir.display(),
        dir.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::WriteReport;

    fn report(pages: [usize; 5], seconds: f64) -> BuildReport {
        let kinds = [
            Kind::Plan,
            Kind::News,
            Kind::Procedure,
            Kind::Document,
            Kind::Page,
        ];
        BuildReport {
            pages_by_kind: kinds.into_iter().zip(pages).collect(),
            files: 120,
            write: WriteReport {
                written: 7,
                unchanged: 113,
                removed: 2,
            },
            output_dir: "public".into(),
            seconds,
            warnings: Vec::new(),
        }
    }

    #[test]
    fn the_summary_line() {
        assert_eq!(
            build_summary(&report([3, 1, 6, 0, 2], 1.234)),
            "Built 120 files (3 plans, 1 news item, 6 procedures, 2 pages) into public in 1.23 s: \
             7 written, 113 unchanged, 2 removed"
        );
        assert_eq!(
            build_summary(&report([0; 5], 0.0)),
            "Built 120 files (no pages) into public in 0.00 s: 7 written, 113 unchanged, 2 removed"
        );
    }

    #[test]
    fn times_and_counts() {
        assert_eq!(elapsed(Duration::from_millis(12_400)), "12 s");
        assert_eq!(elapsed(Duration::from_secs(65)), "1 min 05 s");
        assert_eq!(pages_of_kind(Kind::Document, 1), "1 document");
        assert_eq!(pages_of_kind(Kind::News, 0), "0 news items");
    }
}
