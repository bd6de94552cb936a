use std::path::PathBuf;

use super::links::path_of;
use super::*;

#[test]
fn addresses_become_site_paths() {
    let here = "/tin-tuc/abc/";
    let p = |u: &str| path_of(u, here, "/xa/");
    let some =
        |path: &str, anchor: Option<&str>| Some((path.to_string(), anchor.map(String::from)));
    assert_eq!(
        p("/xa/gioi-thieu/#lich-su"),
        some("/gioi-thieu/", Some("lich-su"))
    );
    assert_eq!(p("#muc"), some("/tin-tuc/abc/", Some("muc")));
    assert_eq!(p("anh.jpg"), some("/tin-tuc/abc/anh.jpg", None));
    assert_eq!(p("../xyz/"), some("/tin-tuc/xyz/", None));
    assert_eq!(p("../../"), some("/", None));
    assert_eq!(p("/xa/t%E1%BB%87p.pdf?v=2"), some("/tệp.pdf", None));
    assert_eq!(p("../../../x"), None, "above the site");
    assert_eq!(p("/khac/"), None, "outside the site's folder");
    assert_eq!(p("https://x.vn/"), None);
    assert_eq!(p("mailto:a@b.vn"), None);
}

fn finding(rule: Rule, line: usize) -> (Rule, Diagnostic) {
    (
        rule,
        Diagnostic::at("content/a.md", line, 1, format!("{rule:?}")),
    )
}

#[test]
fn warn_turns_a_rule_into_warnings() {
    let found = || Findings {
        problems: vec![finding(Rule::Links, 3), finding(Rule::Alt, 1)],
        unlinked: vec![],
        notes: vec![],
    };
    let (errors, warnings) = report(found(), &CheckConfig::default(), 0);
    assert_eq!(errors.0.len(), 2);
    assert!(warnings.is_empty());
    let config = CheckConfig {
        warn: vec![Rule::Alt],
    };
    let (errors, warnings) = report(found(), &config, 0);
    assert_eq!(errors.0.len(), 1);
    assert_eq!(warnings, ["content/a.md:1:1: warning: Alt"]);
}

#[test]
fn many_unlinked_citations_end_in_one_summary_line() {
    let unlinked: Vec<(PathBuf, usize, usize, String)> = (0..3600)
        .map(|i| {
            (
                PathBuf::from(format!("content/p{:04}.md", i / 3)),
                5,
                1,
                format!("{}/CT-TTg", i % 40),
            )
        })
        .collect();
    let found = Findings {
        problems: vec![],
        unlinked,
        notes: vec![],
    };
    let (errors, warnings) = report(found.clone(), &CheckConfig::default(), LISTED_CITATIONS);
    assert!(errors.is_empty());
    assert_eq!(warnings.len(), LISTED_CITATIONS + 1);
    assert!(
        warnings[LISTED_CITATIONS].contains("3590 more citations")
            && warnings[LISTED_CITATIONS].contains("40 document numbers"),
        "{}",
        warnings[LISTED_CITATIONS]
    );
    let (_, in_a_build) = report(found, &CheckConfig::default(), 0);
    assert_eq!(
        in_a_build.len(),
        1,
        "a build says only how many: {in_a_build:?}"
    );
    assert!(
        in_a_build[0].contains("3600 citations"),
        "{}",
        in_a_build[0]
    );
}

#[test]
fn rules_are_named_in_site_toml() {
    let c: CheckConfig = toml::from_str(
        "warn = [\"links\", \"anchors\", \"images\", \"alt\", \"files\", \"external\"]",
    )
    .unwrap();
    assert_eq!(c.warn.len(), 6);
    let e = toml::from_str::<CheckConfig>("warn = [\"link\"]")
        .unwrap_err()
        .to_string();
    assert!(e.contains("links"), "{e}");
    assert!(toml::from_str::<CheckConfig>("warns = []").is_err());
}
