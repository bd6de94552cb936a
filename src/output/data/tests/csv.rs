//! The CSV files of the open data: quoting, BOM and line ends, and the guard against
//! spreadsheets reading a field as a formula.

use super::*;

fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    for line in text.split_terminator("\r\n") {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare line end: {line:?}"
        );
        let mut fields = Vec::new();
        let mut rest = line;
        loop {
            rest = rest
                .strip_prefix('"')
                .unwrap_or_else(|| panic!("unquoted: {rest:?}"));
            let mut field = String::new();
            loop {
                let q = rest.find('"').expect("closing quote");
                field.push_str(&rest[..q]);
                rest = &rest[q + 1..];
                match rest.strip_prefix('"') {
                    Some(r) => (field.push('"'), rest = r).1,
                    None => break,
                }
            }
            fields.push(field);
            match rest.strip_prefix(',') {
                Some(r) => rest = r,
                None => break,
            }
        }
        assert!(rest.is_empty(), "junk after a field: {rest:?}");
        records.push(fields);
    }
    records
}

#[test]
fn procedures_csv_has_bom_crlf_and_every_field_quoted() {
    let (_, files) = site_and_files(d(2025, 6, 1));
    let csv = text(&files, "/data/procedures.csv");
    let body = csv.strip_prefix('\u{FEFF}').expect("a BOM first");
    assert!(body.ends_with("\r\n"));
    let records = read_csv(body);
    assert_eq!(records.len(), 3);
    // The national record's fields and the status follow the dossier (issue #25).
    assert!(records.iter().all(|r| r.len() == 27));
    assert_eq!(
        records[0][14..21],
        [
            "requirements",
            "dossier_sets",
            "receipt_place",
            "receipt_hours",
            "decision",
            "status",
            "replaced_by"
        ]
    );
    assert_eq!(records[2][19], "current");
    assert_eq!(records[0][..3], ["title", "code", "field"]);
    let p = &records[2];
    assert_eq!(p[0], "Đăng ký khai tử");
    assert_eq!(p[7], "Trực tiếp; Trực tuyến");
    assert_eq!(p[11], "Trích lục khai tử \"bản chính\"");
    assert_eq!(
        p[13],
        "Tờ khai (1 bản chính, 0 bản sao); Giấy báo tử (1 bản chính, 2 bản sao)"
    );
    assert_eq!(p[26], format!("{URL}/thu-tuc/dang-ky-khai-tu/"));
    assert_eq!(
        records[1][1], "",
        "a missing value is an empty quoted field"
    );
}

#[test]
fn csv_field_quotes_everything() {
    assert_eq!(csv_field(""), "\"\"");
    assert_eq!(csv_field("a,b"), "\"a,b\"");
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_field("hai\r\ndòng"), "\"hai\r\ndòng\"");
}

#[test]
fn csv_field_keeps_spreadsheets_from_reading_formulas() {
    assert_eq!(
        csv_field("=HYPERLINK(\"http://x\")"),
        "\"'=HYPERLINK(\"\"http://x\"\")\""
    );
    for start in ["+84 912", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
        assert_eq!(csv_field(start), format!("\"'{start}\""), "{start:?}");
    }
    assert_eq!(csv_field("Quý III/2026"), "\"Quý III/2026\"");
    assert_eq!(csv_field("a=b"), "\"a=b\"");
}

#[test]
fn a_row_is_its_fields_quoted_joined_by_commas_and_ended_by_crlf() {
    let fields = [
        "",
        "say \"hi\"",
        "\"\"",
        "=1+1",
        "Quý III/2026, \"xã\" Đông",
    ];
    let mut out = String::from("x");
    push_csv_row(&mut out, fields);
    let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    assert_eq!(out, format!("x{}\r\n", quoted.join(",")));
    assert_eq!(
        out,
        "x\"\",\"say \"\"hi\"\"\",\"\"\"\"\"\",\"'=1+1\",\"Quý III/2026, \"\"xã\"\" Đông\"\r\n"
    );
}
