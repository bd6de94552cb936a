use super::*;
use crate::content::raw::RawPage;

fn resolve(front: &str, kind: Kind) -> Result<Page, Vec<Diagnostic>> {
    let raw: RawPage = toml::from_str(front).expect("valid toml in test");
    let origin = Origin {
        file: Path::new("content/x.md"),
        front,
        front_line: 2,
    };
    page(raw, kind, &origin, String::new(), 10)
}

#[test]
fn dates_in_three_forms() {
    for d in [
        "date = 2024-02-29",
        "date = \"2024-02-29\"",
        "date = \"29/02/2024\"",
    ] {
        let p = resolve(&format!("title = \"A\"\n{d}"), Kind::Page).unwrap();
        assert_eq!(p.date, Date::new(2024, 2, 29), "{d}");
    }
}

#[test]
fn impossible_date_points_at_its_line() {
    let e = resolve("title = \"A\"\ndate = \"30/02/2024\"", Kind::Page).unwrap_err();
    assert_eq!(e[0].line, 3);
    assert!(e[0].message.contains("30/02/2024"), "{}", e[0].message);
}

#[test]
fn wrong_type_is_explained() {
    let e = resolve("title = \"A\"\ndate = 2024", Kind::Page).unwrap_err();
    assert!(e[0].message.contains("2024-02-29"), "{}", e[0].message);
}

#[test]
fn keys_of_another_kind_are_rejected() {
    let e = resolve(
        "title = \"A\"\ndate = 2024-01-01\ncode = \"1.0\"",
        Kind::News,
    )
    .unwrap_err();
    assert_eq!(e[0].line, 4);
    assert!(e[0].message.contains("procedures"));
    assert!(resolve("title = \"A\"\ncode = \"1.0\"", Kind::Procedure).is_ok());
}

#[test]
fn news_needs_date_and_images_need_alt() {
    let e = resolve("title = \"A\"\nimage = \"a.jpg\"", Kind::News).unwrap_err();
    assert_eq!(e.len(), 2);
    assert!(e.iter().any(|d| d.message.contains("image_alt")));
    assert!(e.iter().any(|d| d.message.contains("date")));
}

#[test]
fn missing_title() {
    let e = resolve("description = \"x\"", Kind::Page).unwrap_err();
    assert!(e[0].message.contains("title"));
}

#[test]
fn plan_keys_are_read() {
    let p = resolve(
        "title = \"KH\"\nnumber = \"172/KH-UBND\"\nperiod = { start = 2024-01-01, end = \"31/12/2024\" }\n\
         signer = { name = \"Huỳnh Quốc Dũng\", title = \"Phó Chủ tịch\", sign_as = \"KT. CHỦ TỊCH\" }\n\
         [[tasks]]\nname = \"Việc\"\nlead = \"Phòng VH-XH\"\ndue = \"Quý III/2024\"",
        Kind::Plan,
    )
    .unwrap();
    let plan = p.plan.unwrap();
    assert_eq!(p.number.as_deref(), Some("172/KH-UBND"));
    assert_eq!(
        plan.period,
        Some((
            Date::new(2024, 1, 1).unwrap(),
            Date::new(2024, 12, 31).unwrap()
        ))
    );
    assert_eq!(plan.tasks[0].due.as_deref(), Some("Quý III/2024"));
    assert_eq!(
        plan.signer.unwrap().sign_as.as_deref(),
        Some("KT. CHỦ TỊCH")
    );
}

#[test]
fn reversed_period_is_an_error() {
    let e = resolve(
        "title = \"KH\"\nperiod = { start = 2024-12-01, end = 2024-01-01 }",
        Kind::Plan,
    )
    .unwrap_err();
    assert_eq!(e[0].line, 3);
}

#[test]
fn procedure_online_level_is_checked() {
    let e = resolve("title = \"P\"\nonline = \"có\"", Kind::Procedure).unwrap_err();
    assert!(e[0].message.contains("toàn trình"));
    assert!(resolve("title = \"P\"\nonline = \"Toàn trình\"", Kind::Procedure).is_ok());
}

#[test]
fn aliases_become_site_paths() {
    let p = resolve(
        "title = \"A\"\naliases = [\"tin-cu\", \"/a/b.html\"]",
        Kind::Page,
    )
    .unwrap();
    assert_eq!(p.aliases, vec!["/tin-cu/", "/a/b.html"]);
    assert!(resolve("title = \"A\"\naliases = [\"../x\"]", Kind::Page).is_err());
}

#[test]
fn an_alias_that_is_an_address_elsewhere_is_refused() {
    // A mail, phone or script address is no path of this site: before, only `://` and `//`
    // were refused, and `mailto:a@b.vn` made a folder of that name (a colon Windows
    // servers cannot store) holding a redirect no one could reach.
    for a in [
        "https://x.vn/a/",
        "//x.vn/a/",
        "mailto:a@b.vn",
        "tel:0123",
        "javascript:x",
        "HTTP:x",
    ] {
        let front = format!("title = \"A\"\naliases = [\"{a}\"]");
        assert!(resolve(&front, Kind::Page).is_err(), "{a}");
    }
}

#[test]
fn a_number_left_blank_is_an_error_at_its_line() {
    for n in ["/KH-UBND", "Số: /KH-UBND", " /QĐ-UBND"] {
        let front = format!("title = \"A\"\ndate = 2025-01-02\nnumber = \"{n}\"");
        let e = resolve(&front, Kind::Plan).unwrap_err();
        assert_eq!(e.len(), 1, "{n}");
        assert_eq!(e[0].line, 4, "{n}");
        assert!(e[0].message.contains("172"), "{}", e[0].message);
    }
    for n in ["172/KH-UBND", "26-CTr/TU", "KH-01"] {
        let front = format!("title = \"A\"\nnumber = \"{n}\"");
        assert!(resolve(&front, Kind::Plan).is_ok(), "{n}");
    }
}

#[test]
fn procedure_status_reads_english_and_vietnamese_with_or_without_tones() {
    use crate::content::page::ProcedureStatus;
    for (written, status) in [
        ("abolished", ProcedureStatus::Abolished),
        ("Đã bãi bỏ", ProcedureStatus::Abolished),
        ("bai bo", ProcedureStatus::Abolished),
        ("sửa đổi, bổ sung", ProcedureStatus::Amended),
        ("AMENDED", ProcedureStatus::Amended),
        ("còn hiệu lực", ProcedureStatus::Current),
    ] {
        let p = resolve(
            &format!("title = \"A\"\nstatus = \"{written}\""),
            Kind::Procedure,
        )
        .unwrap();
        let meta = p.procedure.unwrap();
        assert_eq!(meta.status, status, "{written}");
        assert_eq!(meta.is_listed(), status != ProcedureStatus::Abolished);
        assert!(p.warnings.is_empty(), "{written}: {:?}", p.warnings);
    }
}

#[test]
fn an_unknown_status_is_a_warning_at_its_line_and_the_procedure_stays_in_force() {
    let p = resolve("title = \"A\"\nstatus = \"tạm dừng\"", Kind::Procedure).unwrap();
    assert!(p.procedure.unwrap().is_listed());
    assert_eq!(p.warnings.len(), 1);
    assert_eq!(p.warnings[0].line, 3);
    assert!(p.warnings[0].message.contains("tạm dừng"));
}

#[test]
fn new_procedure_keys_belong_to_procedures() {
    let e = resolve(
        "title = \"A\"\ndossier_sets = 1\nstatus = \"abolished\"",
        Kind::Page,
    )
    .unwrap_err();
    assert_eq!(e.len(), 2, "{e:?}");
}
