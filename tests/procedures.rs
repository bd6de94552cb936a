//! Issue #25: the state-document header as Decree 30/2020 writes it, and procedures with the
//! whole national record: new fields, a status (abolished procedures stay reachable but
//! leave the lists and posting sheets), fuller posting sheets and one printable page of
//! sheets per field. What congbo cannot apply is a warning at its line, in build and check.

mod common;
use common::*;

const CONTACT: &str = "\n[contact]\naddress = \"Số 1 đường Lê Lợi, xã Thử Nghiệm\"\nemail = \"ubnd@thu.example.gov.vn\"\nhotline = \"0299 111 222\"\n\n[legal]\nresolver = \"https://vbpl.vn/tim?q={number}\"\n";

fn site() -> TestSite {
    let site = TestSite::new();
    site.write("site.toml", &format!("{SITE_TOML}{CONTACT}"));
    site
}

fn procedure(title: &str, extra: &str, body: &str) -> String {
    format!(
        "+++\ntitle = \"{title}\"\ncode = \"1.00{}\"\nfield = \"Hộ tịch\"\nfields = [\"Hộ tịch\"]\n{extra}\n+++\n\n{body}\n",
        title.len()
    )
}

const STEPS: &str = "## Trình tự thực hiện\n\n1. Người yêu cầu nộp tờ khai tại Bộ phận Một cửa.\n2. Công chức tư pháp - hộ tịch kiểm tra hồ sơ.\n3. Trả kết quả.\n";

/// Three procedures of one field: one with the whole record, one plain, one abolished.
fn procedures_site() -> TestSite {
    let site = site();
    site.write(
        "content/thu-tuc/khai-sinh/index.md",
        &procedure(
            "Đăng ký khai sinh",
            "requirements = [\"Trẻ em sinh ra trên địa bàn xã\", \"Người đi khai là cha, mẹ hoặc người thân thích\"]\n\
             dossier_sets = 1\nreceipt_place = \"Trung tâm Phục vụ hành chính công xã\"\n\
             receipt_hours = \"Sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ, thứ Hai đến thứ Sáu\"\n\
             result = \"Giấy khai sinh\"\n\
             decision = \"Quyết định số 1872/QĐ-BTP ngày 04/9/2020 của Bộ Tư pháp\"\n\
             status = \"amended\"\n\
             legal_basis = [\"Luật Hộ tịch số 60/2014/QH13\"]\n\n\
             [[documents]]\nname = \"Tờ khai đăng ký khai sinh\"\noriginals = 1\nform = \"to-khai.docx\"\n\n\
             [[documents]]\nname = \"Giấy chứng sinh\"\noriginals = 1",
            STEPS,
        ),
    );
    site.write("content/thu-tuc/khai-sinh/to-khai.docx", "tờ khai");
    site.write(
        "content/thu-tuc/ket-hon.md",
        &procedure("Đăng ký kết hôn", "", STEPS),
    );
    site.write(
        "content/thu-tuc/khai-sinh-cu.md",
        &procedure(
            "Đăng ký khai sinh theo mẫu cũ",
            "status = \"abolished\"\nreplaced_by = \"@/thu-tuc/khai-sinh/index.md\"",
            STEPS,
        ),
    );
    site
}

#[test]
fn the_header_writes_the_authority_in_full_on_two_lines() {
    let site = site();
    site.write(
        "content/ke-hoach/a.md",
        "+++\ntitle = \"Kế hoạch tuyên truyền\"\nnumber = \"01/KH-UBND\"\nauthority = \"UBND phường Mỹ Thạnh\"\ndate = 2026-01-05\n+++\n\nNội dung.\n",
    );
    site.write(
        "content/ke-hoach/b.md",
        "+++\ntitle = \"Kế hoạch phòng\"\nnumber = \"02/KH-PTP\"\nauthority = \"UBND huyện Cờ Đỏ\\nPhòng Tư pháp\"\ndate = 2026-01-05\n+++\n\nNội dung.\n",
    );
    let report = site.build_ok();
    assert_has(
        &site.read("ke-hoach/a/index.html"),
        &["<p class=\"doc-authority\">ỦY BAN NHÂN DÂN<br>PHƯỜNG MỸ THẠNH</p>"],
    );
    assert_has(
        &site.read("ke-hoach/b/index.html"),
        &["<p class=\"doc-authority\">UBND HUYỆN CỜ ĐỎ<br>PHÒNG TƯ PHÁP</p>"],
    );
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

/// A Word plan's header names the authority above the issuer ("UBND THÀNH PHỐ CẦN THƠ"
/// over "ỦY BAN NHÂN DÂN" / "XÃ THANH AN"); `parent_authority` keeps it, as written, above
/// the issuer's two lines, and a document's facts show it too.
#[test]
fn the_parent_authority_is_the_first_line_of_the_header() {
    let site = site();
    site.write(
        "content/ke-hoach/a.md",
        "+++\ntitle = \"Kế hoạch\"\nnumber = \"05/KH-UBND\"\nparent_authority = \"UBND thành phố Cần Thơ\"\nauthority = \"UBND xã Thanh An\"\n+++\n\nNội dung.\n",
    );
    site.write(
        "content/van-ban/qd.md",
        "+++\ntitle = \"Quyết định\"\nnumber = \"06/QĐ-UBND\"\nparent_authority = \"UBND thành phố Cần Thơ\"\nauthority = \"UBND xã Thanh An\"\n+++\n\nNội dung.\n",
    );
    let report = site.build_ok();
    assert_has(
        &site.read("ke-hoach/a/index.html"),
        &[
            "<p class=\"doc-authority\">UBND THÀNH PHỐ CẦN THƠ<br>ỦY BAN NHÂN DÂN<br>XÃ THANH AN</p>",
        ],
    );
    assert_has(
        &site.read("van-ban/qd/index.html"),
        &["<dd>UBND thành phố Cần Thơ<br>UBND xã Thanh An</dd>"],
    );
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    // Like `authority`, a key of plans and documents only.
    site.write(
        "content/tin-tuc/a.md",
        "+++\ntitle = \"Tin\"\ndate = 2026-01-05\nparent_authority = \"UBND thành phố Cần Thơ\"\n+++\n\nTin.\n",
    );
    let errors = site
        .build()
        .expect_err("parent_authority on news is refused");
    assert!(errors.to_string().contains("parent_authority"), "{errors}");
}

#[test]
fn an_abbreviation_the_header_cannot_expand_is_a_warning_at_its_line() {
    let site = site();
    site.write(
        "content/ke-hoach/a.md",
        "+++\ntitle = \"Kế hoạch\"\nnumber = \"01/KH-QLDX\"\nauthority = \"QLDX dự án xã Thử\"\n+++\n\nNội dung.\n",
    );
    let report = site.build_ok();
    let line = "content/ke-hoach/a.md:4:1: warning: `authority`: congbo does not know the abbreviation \"QLDX\"";
    assert!(
        report.warnings.iter().any(|w| w.starts_with(line)),
        "{:?}",
        report.warnings
    );
    let (checked, errors) = congbo::build::check(&site.opts, false).unwrap();
    assert!(errors.is_empty(), "{errors}");
    assert!(checked.warnings.iter().any(|w| w.starts_with(line)));
}

#[test]
fn a_procedure_page_shows_the_whole_national_record() {
    let site = procedures_site();
    site.build_ok();
    let page = site.read("thu-tuc/khai-sinh/index.html");
    assert_has(
        &page,
        &[
            "Yêu cầu, điều kiện",
            "<li>Trẻ em sinh ra trên địa bàn xã</li>",
            "Số lượng hồ sơ",
            "01 bộ",
            "Địa điểm tiếp nhận",
            "Trung tâm Phục vụ hành chính công xã",
            "Thời gian tiếp nhận",
            "thứ Hai đến thứ Sáu",
            "Quyết định công bố",
            "href=\"https://vbpl.vn/tim?q=1872%2FQ%C4%90-BTP\"",
            "Tình trạng",
            "Đã được sửa đổi, bổ sung",
        ],
    );
    let data: serde_json::Value = serde_json::from_str(&site.read("data/procedures.json")).unwrap();
    let by_title = |t: &str| {
        data.as_array()
            .unwrap()
            .iter()
            .find(|p| p["title"] == t)
            .unwrap()
            .clone()
    };
    let current = by_title("Đăng ký khai sinh");
    assert_eq!(current["status"], "amended");
    assert_eq!(current["dossier_sets"], 1);
    assert_eq!(
        current["receipt_place"],
        "Trung tâm Phục vụ hành chính công xã"
    );
    assert_eq!(current["requirements"][0], "Trẻ em sinh ra trên địa bàn xã");
    assert!(
        current["decision"]
            .as_str()
            .unwrap()
            .contains("1872/QĐ-BTP")
    );
    let old = by_title("Đăng ký khai sinh theo mẫu cũ");
    assert_eq!(
        old["status"], "abolished",
        "open data keeps it, with its status"
    );
    assert_eq!(
        old["replaced_by"],
        "https://thu-nghiem.example.gov.vn/thu-tuc/khai-sinh/"
    );
    let csv = site.read("data/procedures.csv");
    assert!(csv.contains("\"status\""), "{csv}");
}

#[test]
fn an_abolished_procedure_stays_reachable_marked_in_words_but_leaves_the_lists() {
    let site = procedures_site();
    site.build_ok();
    let page = site.read("thu-tuc/khai-sinh-cu/index.html");
    let notice = page
        .find("Thủ tục này đã bị bãi bỏ")
        .expect("the page says it is abolished");
    let title = page.find("<h1>").unwrap();
    assert!(notice < title, "the notice comes first, above the title");
    assert_has(
        &page,
        &[
            "Thay thế bằng",
            "href=\"/thu-tuc/khai-sinh/\">Đăng ký khai sinh</a>",
        ],
    );
    assert!(
        !page.contains("/thu-tuc/khai-sinh-cu/in/"),
        "no posting sheet"
    );
    assert!(!site.exists("thu-tuc/khai-sinh-cu/in/index.html"));
    for list in ["thu-tuc/index.html", "linh-vuc/ho-tich/index.html"] {
        let html = site.read(list);
        assert!(html.contains("Đăng ký kết hôn"), "{list} lists the others");
        assert!(
            !html.contains("mẫu cũ"),
            "{list} leaves the abolished one out"
        );
    }
    assert!(!site.read("index.html").contains("mẫu cũ"));
    // Nor is it the "other procedures" neighbour of a procedure in force.
    for other in ["thu-tuc/ket-hon/index.html", "thu-tuc/khai-sinh/index.html"] {
        assert!(
            !site.read(other).contains("/thu-tuc/khai-sinh-cu/"),
            "{other} links to the abolished procedure"
        );
    }
    assert!(
        !site
            .read("linh-vuc/ho-tich/in/index.html")
            .contains("mẫu cũ")
    );
}

#[test]
fn the_posting_sheet_has_steps_basis_forms_and_where_to_complain() {
    let site = procedures_site();
    site.build_ok();
    let sheet = site.read("thu-tuc/khai-sinh/in/index.html");
    assert_has(
        &sheet,
        &[
            "Trình tự thực hiện",
            "<li>Người yêu cầu nộp tờ khai tại Bộ phận Một cửa.</li>",
            "Căn cứ pháp lý",
            "Luật Hộ tịch số 60/2014/QH13",
            "Có mẫu",
            "Số 1 đường Lê Lợi, xã Thử Nghiệm",
            "ubnd@thu.example.gov.vn",
            "0299 111 222",
            "<p class=\"sheet-authority\">ỦY BAN NHÂN DÂN<br>XÃ THỬ NGHIỆM</p>",
        ],
    );
    // The form mark is on the row with a form only.
    let row = |name: &str| {
        let at = sheet.find(name).unwrap();
        sheet[at..at + sheet[at..].find("</tr>").unwrap()].to_string()
    };
    assert!(row("Tờ khai đăng ký khai sinh").contains("Có mẫu"));
    assert!(!row("Giấy chứng sinh").contains("Có mẫu"));
}

#[test]
fn long_steps_are_shortened_to_fit_the_sheet() {
    let site = site();
    let long = "rất dài ".repeat(60);
    let steps: String = (1..=12)
        .map(|n| format!("{n}. Bước {n} {long}\n"))
        .collect();
    site.write(
        "content/thu-tuc/dai.md",
        &procedure(
            "Thủ tục dài",
            "",
            &format!("## Trình tự thực hiện\n\n{steps}"),
        ),
    );
    site.build_ok();
    let sheet = site.read("thu-tuc/dai/in/index.html");
    let at = sheet.find("sheet-steps").expect("steps on the sheet");
    let steps = &sheet[at..at + sheet[at..].find("</ol>").unwrap()];
    assert!(steps.matches("<li>").count() <= 8, "{steps}");
    assert!(steps.contains('…'), "{steps}");
    assert!(steps.len() < 3000, "{}", steps.len());
    assert_has(&sheet, &["Xem đầy đủ"]);
}

#[test]
fn each_field_has_one_printable_page_of_its_posting_sheets() {
    let site = procedures_site();
    site.build_ok();
    let field = site.read("linh-vuc/ho-tich/index.html");
    assert_has(&field, &["href=\"/linh-vuc/ho-tich/in/\""]);
    let sheets = site.read("linh-vuc/ho-tich/in/index.html");
    assert_eq!(sheets.matches("<article class=\"sheet\"").count(), 2);
    // Vietnamese order: "kết" before "khai".
    assert!(sheets.find("Đăng ký kết hôn") < sheets.find("Đăng ký khai sinh"));
    assert_has(
        &sheets,
        &[
            "noindex",
            "Mã QR: https://thu-nghiem.example.gov.vn/thu-tuc/ket-hon/",
        ],
    );
    let css = site.read("css/sheet.css");
    assert!(
        css.contains("break-after: page"),
        "each sheet on its own A4 page"
    );
}

/// Issue #26: "Ctrl+P" means nothing on a phone, so the sheets have a print button; it
/// needs JavaScript, so it is hidden until js/in.js shows it. The address under the QR
/// code breaks only after a slash, never inside the host name (it broke anywhere).
#[test]
fn the_posting_sheets_print_by_a_button_and_break_their_address_only_after_slashes() {
    let site = procedures_site();
    site.build_ok();
    for page in [
        "thu-tuc/khai-sinh/in/index.html",
        "linh-vuc/ho-tich/in/index.html",
    ] {
        let html = site.read(page);
        assert_has(
            &html,
            &[
                "<button class=\"btn btn-primary\" type=\"button\" data-print hidden>",
                "<script src=\"/js/in.js\" defer></script>",
                "<link rel=\"stylesheet\" href=\"/css/sheet.css\">",
                "https://<wbr><span class=\"sheet-host\">thu-nghiem.example.gov.vn</span>/<wbr>thu-tuc/<wbr>",
            ],
        );
    }
    assert_has(
        &site.read("js/in.js"),
        &["window.print()", "hidden = false"],
    );
    assert!(!site.read("css/sheet.css").contains("break-all"));
    // The procedure's own page prints as it is, without the sheets' button.
    assert!(
        !site
            .read("thu-tuc/khai-sinh/index.html")
            .contains("js/in.js")
    );
}

#[test]
fn what_a_procedure_cannot_apply_is_a_warning_at_its_line_in_build_and_check() {
    let site = procedures_site();
    site.write(
        "content/thu-tuc/a.md",
        &procedure("Thủ tục A", "status = \"tạm dừng\"", ""),
    );
    site.write(
        "content/thu-tuc/b.md",
        &procedure("Thủ tục B", "replaced_by = \"1.000894\"", ""),
    );
    site.write(
        "content/thu-tuc/c.md",
        &procedure(
            "Thủ tục C",
            "status = \"abolished\"\nreplaced_by = \"@/thu-tuc/khong-co.md\"",
            "",
        ),
    );
    site.write(
        "content/thu-tuc/d.md",
        &procedure(
            "Thủ tục D",
            "decision = \"Quyết định công bố của tỉnh\"",
            "",
        ),
    );
    let expected = [
        "content/thu-tuc/a.md:6:1: warning: `status` = \"tạm dừng\" is not a status congbo knows",
        "content/thu-tuc/b.md:6:1: warning: `replaced_by` is only read for an abolished procedure",
        "content/thu-tuc/c.md:7:1: warning: `replaced_by` = \"@/thu-tuc/khong-co.md\" names no procedure of the site",
        "content/thu-tuc/d.md:6:1: warning: `decision` names no document congbo can read",
    ];
    let report = site.build_ok();
    let (checked, errors) = congbo::build::check(&site.opts, false).unwrap();
    assert!(errors.is_empty(), "{errors}");
    for want in expected {
        for (what, warnings) in [("build", &report.warnings), ("check", &checked.warnings)] {
            assert!(
                warnings.iter().any(|w| w.starts_with(want)),
                "{what} lacks {want:?} in {warnings:#?}"
            );
        }
    }
    // The unknown status is shown as in force: listed.
    assert!(site.read("thu-tuc/index.html").contains("Thủ tục A"));
}

#[test]
fn an_abbreviation_of_the_site_s_authority_is_a_warning_at_its_site_toml_line() {
    let site = site();
    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    let toml = toml.replace(
        "authority = \"Ủy ban nhân dân xã Thử Nghiệm\"",
        "authority = \"QLDX xã Thử Nghiệm\"",
    );
    assert!(
        toml.contains("QLDX"),
        "the harness's site.toml changed: {toml}"
    );
    let line = toml
        .lines()
        .position(|l| l.starts_with("authority"))
        .unwrap()
        + 1;
    site.write("site.toml", &toml);
    site.write("content/a.md", "+++\ntitle = \"A\"\n+++\n");
    let said = format!(
        "site.toml:{line}:1: warning: `authority`: congbo does not know the abbreviation \"QLDX\""
    );
    let report = site.build_ok();
    assert!(
        report.warnings.iter().any(|w| w.starts_with(&said)),
        "{:?}",
        report.warnings
    );
    let (checked, _) = congbo::build::check(&site.opts, false).unwrap();
    assert!(
        checked.warnings.iter().any(|w| w.starts_with(&said)),
        "{:?}",
        checked.warnings
    );
}
