//! Agency pages and `agencies.json` on built sites: one organisation one page whatever the
//! spelling, partners cut only where every part is an agency, warnings with file:line in
//! `build` and `check` for what cannot be cut, and `congbo check`'s notes on spellings.

mod common;
use common::*;

const PLAN_A: &str = "+++
title = \"Kế hoạch A\"
date = 2025-01-02

[[tasks]]
name = \"Việc một\"
lead = \"UBND xã\"
partners = [\"VP HĐND & UBND xã\"]

[[tasks]]
name = \"Việc hai\"
lead = \"Phòng Văn hoá-Xã hội\"
partners = [\"Trung tâm PVHCC xã\"]
+++
Nội dung.
";

const PLAN_B: &str = "+++
title = \"Kế hoạch B\"
date = 2025-02-03
+++
Mở đầu.

| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp |
|---|---|---|---|
| 1 | Việc ba | Ủy ban nhân dân xã | Văn phòng HĐND và UBND xã |
| 2 | Việc bốn | Phòng Văn hóa - Xã hội | Trung tâm Phục vụ hành chính công xã; Báo và Phát thanh, Truyền hình Thái Nguyên |
| 3 | Việc năm | Công an xã | thôn, bản, Đoàn Thanh niên xã |
";

fn site() -> TestSite {
    let site = TestSite::new();
    site.write("content/ke-hoach/a.md", PLAN_A);
    site.write("content/ke-hoach/b.md", PLAN_B);
    site
}

fn agencies_json(site: &TestSite) -> serde_json::Value {
    serde_json::from_str(&site.read("data/agencies.json")).unwrap()
}

#[test]
fn each_organisation_has_one_page_named_in_full() {
    let site = site();
    site.build_ok();
    let json = agencies_json(&site);
    let names: Vec<&str> = (json.as_array().unwrap().iter())
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Báo và Phát thanh, Truyền hình Thái Nguyên",
            "Công an xã",
            "Phòng Văn hoá - Xã hội",
            "thôn, bản, Đoàn Thanh niên xã",
            "Trung tâm Phục vụ hành chính công xã",
            "Ủy ban nhân dân xã",
            "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
        ]
    );
    let dirs: Vec<String> = (site.files().into_iter())
        .filter(|f| f.starts_with("co-quan/") && f.ends_with("/index.html"))
        .collect();
    assert!(
        dirs.iter().all(|d| !d.contains("-1/")),
        "no -1 page for one organisation: {dirs:?}"
    );
    let page = site.read("co-quan/uy-ban-nhan-dan-xa/index.html");
    assert_has(&page, &["<h1>Ủy ban nhân dân xã", "Việc một", "Việc ba"]);
    // The open data carries the grouped name and the spelling each plan used.
    let ubnd = &json[5];
    assert_eq!(
        ubnd["spellings"],
        serde_json::json!(["UBND xã", "Ủy ban nhân dân xã"])
    );
    let written: Vec<&str> = (ubnd["tasks"].as_array().unwrap().iter())
        .map(|t| t["spelling"].as_str().unwrap())
        .collect();
    assert_eq!(written, ["UBND xã", "Ủy ban nhân dân xã"]);
    // A link made to a spelling's own page before grouping still leads there.
    assert_has(
        &site.read("co-quan/ubnd-xa/index.html"),
        &["/co-quan/uy-ban-nhan-dan-xa/", "noindex"],
    );
}

#[test]
fn a_list_that_cannot_be_cut_is_a_warning_at_its_line_in_build_and_check() {
    let site = site();
    let report = site.build_ok();
    let want = "content/ke-hoach/b.md:11: warning: the partners \"thôn, bản, Đoàn Thanh niên xã\"";
    assert!(
        report.warnings.iter().any(|w| w.starts_with(want)),
        "{:#?}",
        report.warnings
    );
    let (check, errors) = congbo::build::check(&site.opts, false).unwrap();
    assert!(errors.is_empty(), "{errors}");
    assert!(
        check.warnings.iter().any(|w| w.starts_with(want)),
        "{:#?}",
        check.warnings
    );
}

#[test]
fn check_notes_grouped_spellings_and_names_used_once() {
    let site = site();
    let (check, _) = congbo::build::check(&site.opts, false).unwrap();
    let notes = check.notes.join("\n");
    assert_has(
        &notes,
        &[
            "content/ke-hoach/a.md:5: note: the agency \"UBND xã\" is grouped as \"Ủy ban nhân dân xã\" (/co-quan/uy-ban-nhan-dan-xa/)",
            "content/ke-hoach/b.md:9: note: the agency \"Văn phòng HĐND và UBND xã\" is grouped as \"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã\"",
            "content/ke-hoach/b.md:11: note: the agency \"Công an xã\" appears in one task only (/co-quan/cong-an-xa/)",
        ],
    );
    assert!(
        !notes.contains("\"Ủy ban nhân dân xã\" is grouped"),
        "the spelling that is the name is no note:\n{notes}"
    );
}

#[test]
fn the_site_table_joins_names_and_a_bad_entry_is_an_error_at_its_line() {
    let site = site();
    site.write(
        "site.toml",
        &format!("{SITE_TOML}\n[agencies.aliases]\n\"Công an xã\" = \"Công an xã Thử Nghiệm\"\n"),
    );
    site.build_ok();
    assert!(site.exists("co-quan/cong-an-xa-thu-nghiem/index.html"));
    site.write(
        "site.toml",
        &format!(
            "{SITE_TOML}\n[agencies.aliases]\n\"Công an xã\" = \"Công an xã Thử Nghiệm\"\n\"CÔNG AN XÃ\" = \"Đồn Công an\"\n"
        ),
    );
    let e = site.build().unwrap_err().to_string();
    let line = SITE_TOML.lines().count() + 4;
    assert!(
        e.contains(&format!("site.toml:{line}:1: error: [agencies] aliases")),
        "{e}"
    );
}

#[test]
fn the_cities_plan_keeps_its_names_and_splits_its_lists() {
    let Some(dir) = shared(
        "corpus/ke-hoach",
        "the_cities_plan_keeps_its_names_and_splits_its_lists",
    ) else {
        return;
    };
    let site = TestSite::new();
    let plan =
        std::fs::read_to_string(dir.join("ke-hoach-tuyen-truyen-cchc-can-tho-2025.md")).unwrap();
    site.write("content/ke-hoach/can-tho.md", &plan);
    site.build_ok();
    let json = agencies_json(&site);
    let names: Vec<&str> = (json.as_array().unwrap().iter())
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    // "Báo Cần Thơ, sở, ban, ngành thành phố" was one agency: two organisations.
    assert!(names.contains(&"Báo Cần Thơ"), "{names:#?}");
    assert!(
        !names.iter().any(|n| n.starts_with("Báo Cần Thơ,")),
        "{names:#?}"
    );
    // No part that is no agency became a page of its own.
    for n in &names {
        assert!(
            congbo::text::agency::reads_as_agency(n),
            "{n} is no agency: {names:#?}"
        );
    }
}
