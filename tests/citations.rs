//! Citations link the right document or none (issue 25): years and issuers must agree with
//! the site's page, local documents are not sent to the resolver, laws cited by name are
//! indexed, and every doubt is a warning with file:line in `build` and `check`.

mod common;
use common::*;

use congbo::build::check;
use congbo::markdown::citation::find_citations;

const RESOLVER: &str = "\n[legal]\nresolver = \"https://vb.example/tim?q={number}\"\n";

fn site() -> TestSite {
    let s = TestSite::new();
    s.write("site.toml", &format!("{SITE_TOML}{RESOLVER}"));
    s.write(
        "content/ke-hoach/kh-172.md",
        "+++\ntitle = \"Kế hoạch tuyên truyền 2024\"\nnumber = \"172/KH-UBND\"\n\
         date = 2024-03-05\nauthority = \"UBND xã Thử Nghiệm\"\n+++\nNội dung.\n",
    );
    s.write(
        "content/tin-tuc/a.md",
        "+++\ntitle = \"Tin A\"\ndate = 2025-02-01\n+++\n\
         Thực hiện Kế hoạch số 172/KH-UBND ngày 10/01/2025 của UBND tỉnh về cải cách.\n\n\
         Tiếp tục Kế hoạch số 172/KH-UBND ngày 05/3/2024 của Ủy ban nhân dân xã.\n\n\
         Căn cứ Luật Thực hiện dân chủ ở cơ sở năm 2022 và Nghị quyết số 76/NQ-CP ngày 15/7/2021.\n",
    );
    s
}

#[test]
fn another_year_and_issuer_is_another_document() {
    let s = site();
    let r = s.build_ok();
    let html = s.read("tin-tuc/a/index.html");
    // The province's plan of 2025 is not the commune's of 2024, and a local document is
    // not sent to the national resolver: no link at all.
    assert!(!html.contains("q=172%2FKH-UBND"), "{html}");
    let province = html
        .split("Kế hoạch số 172/KH-UBND ngày 10/01/2025")
        .next()
        .unwrap();
    assert!(!province.ends_with('>'), "linked: {html}");
    // The commune's own plan of 2024 is linked to its page.
    assert_has(
        &html,
        &["href=\"/ke-hoach/kh-172/\">Kế hoạch số 172/KH-UBND ngày 05/3/2024</a>"],
    );
    // Central documents and laws by name go to the resolver.
    assert_has(
        &html,
        &[
            "href=\"https://vb.example/tim?q=76%2FNQ-CP\"",
            ">Luật Thực hiện dân chủ ở cơ sở năm 2022</a>",
        ],
    );
    assert!(
        r.warnings.iter().all(|w| !w.contains("172")),
        "{:?}",
        r.warnings
    );

    // The documents index: two documents numbered 172/KH-UBND, the issuer shown.
    let index = s.read("van-ban/index.html");
    assert_has(
        &index,
        &[
            "UBND tỉnh",
            "UBND xã Thử Nghiệm",
            "Luật Thực hiện dân chủ ở cơ sở",
        ],
    );
    assert_eq!(index.matches(">172/KH-UBND<").count(), 2, "{index}");
    let data = s.read("data/documents.json");
    assert_has(&data, &["\"number\": \"Luật Thực hiện dân chủ ở cơ sở\""]);
}

#[test]
fn doubts_are_warnings_with_their_line_in_build_and_check() {
    let s = site();
    s.write(
        "content/ke-hoach/kh-172-b.md",
        "+++\ntitle = \"Kế hoạch khác\"\nnumber = \"172/KH-UBND\"\ndate = 2024-09-01\n+++\nNội dung.\n",
    );
    s.write(
        "content/tin-tuc/b.md",
        "+++\ntitle = \"Tin B\"\ndate = 2025-03-01\n+++\nMở đầu.\n\n\
         Theo Kế hoạch số 172/KH-UBND ngày 02/02/2024, và Kế hoạch số 172/KH-UBND.\n",
    );
    let r = s.build_ok();
    let ours: Vec<&String> = r
        .warnings
        .iter()
        .filter(|w| w.contains("tin-tuc/b.md"))
        .collect();
    assert_eq!(ours.len(), 2, "{:?}", r.warnings);
    assert!(ours[0].contains("b.md:7:6"), "{}", ours[0]);
    assert!(ours[0].contains("several pages"), "{}", ours[0]);
    assert!(ours[1].contains("no year"), "{}", ours[1]);
    // Neither is linked to either page.
    let html = s.read("tin-tuc/b/index.html");
    assert!(!html.contains("href=\"/ke-hoach/kh-172"), "{html}");

    let (report, errors) = check(&s.opts, false).unwrap();
    assert!(errors.0.is_empty(), "{errors}");
    let ours = report
        .warnings
        .iter()
        .filter(|w| w.contains("tin-tuc/b.md:7:"))
        .count();
    assert_eq!(ours, 2, "{:?}", report.warnings);
}

#[test]
fn check_counts_local_documents_not_on_the_site() {
    let s = site();
    let (report, _) = check(&s.opts, false).unwrap();
    let line = report
        .notes
        .iter()
        .find(|w| w.contains("cited, not on the site"))
        .unwrap_or_else(|| panic!("{:?}", report.notes));
    assert!(
        line.contains("1 document of local bodies (172/KH-UBND)"),
        "{line}"
    );
    // They are not "links nowhere": a resolver would not help them.
    assert!(
        report.warnings.iter().all(|w| !w.contains("links nowhere")),
        "{:?}",
        report.warnings
    );
    // A build does not list them.
    let r = s.build_ok();
    assert!(r.warnings.iter().all(|w| !w.contains("not on the site")));
}

#[test]
fn a_number_left_blank_stops_the_build_at_its_line() {
    let s = TestSite::new();
    s.write(
        "content/ke-hoach/a.md",
        "+++\ntitle = \"Kế hoạch\"\nnumber = \"/KH-UBND\"\n+++\nNội dung.\n",
    );
    let e = s.build().unwrap_err();
    let text = e.to_string();
    assert!(text.contains("a.md:3"), "{text}");
}

/// "Luật" in the ordinary prose of real plans ("pháp luật", "kỷ luật") is no citation,
/// and every citation the plans hold keeps its number.
#[test]
fn corpus_prose_holds_no_law_by_name() {
    let Some(corpus) = shared("corpus", "corpus_prose_holds_no_law_by_name") else {
        return;
    };
    let mut seen = 0;
    for dir in ["ke-hoach", "txt"] {
        for e in std::fs::read_dir(corpus.join(dir)).unwrap() {
            let path = e.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for c in find_citations(&text) {
                seen += 1;
                assert!(
                    !c.number.is_empty(),
                    "{}: {:?} read as a law by name",
                    path.display(),
                    &text[c.range.clone()]
                );
            }
        }
    }
    assert!(seen > 20, "the corpus plans cite documents: {seen}");
}

#[test]
fn doubts_in_front_matter_are_warnings_at_the_line_of_their_key() {
    let s = site();
    s.write(
        "content/ke-hoach/kh-172-b.md",
        "+++\ntitle = \"Kế hoạch khác\"\nnumber = \"172/KH-UBND\"\ndate = 2024-09-01\n+++\nNội dung.\n",
    );
    s.write(
        "content/ke-hoach/c.md",
        "+++\ntitle = \"Kế hoạch C\"\ndate = 2025-03-01\n\
         basis = [\"Kế hoạch số 172/KH-UBND ngày 02/02/2024\"]\n+++\nNội dung.\n",
    );
    s.write(
        "content/thu-tuc/d.md",
        "+++\ntitle = \"Thủ tục D\"\nlegal_basis = [\"Luật Hộ tịch\"]\n\
         decision = \"Kế hoạch số 172/KH-UBND\"\n+++\nNội dung.\n",
    );
    let r = s.build_ok();
    let said = |file: &str, w: &[String]| {
        w.iter()
            .filter(|l| l.contains(file))
            .cloned()
            .collect::<Vec<_>>()
    };
    let plan = said("ke-hoach/c.md", &r.warnings);
    assert_eq!(plan.len(), 1, "{:?}", r.warnings);
    assert!(
        plan[0].contains("c.md:4:1: warning:") && plan[0].contains("several pages"),
        "{}",
        plan[0]
    );
    let procedure = said("thu-tuc/d.md", &r.warnings);
    assert_eq!(procedure.len(), 1, "{:?}", r.warnings);
    assert!(
        procedure[0].contains("d.md:4:1: warning:") && procedure[0].contains("no year"),
        "{}",
        procedure[0]
    );
    let (report, _) = check(&s.opts, false).unwrap();
    assert_eq!(said("ke-hoach/c.md", &report.warnings), plan);
    assert_eq!(said("thu-tuc/d.md", &report.warnings), procedure);
}
