//! The editor's fields for front matter tables (`serve --edit`, port 0): a procedure's
//! dossier rows with their form files, a plan's attachments and its signer. A file sent
//! from the upload form is named in the page by the editor (a dossier row's `form`, or the
//! plan's `attachments`), not typed by hand, and the served page links it; the signer is
//! typed in its own fields and written as the table the build reads.

mod common;
use common::editor::*;
use common::serve::Server;
use common::*;

fn procedure_site() -> TestSite {
    let site = TestSite::new();
    site.write(
        "content/thu-tuc/_index.md",
        "+++\ntitle = \"Thủ tục\"\n+++\n",
    );
    site.write(
        "content/thu-tuc/khai-sinh.md",
        "+++\ntitle = \"Đăng ký khai sinh\"\ncode = \"1.001193\"\n\n[[documents]]\nname = \"Tờ khai đăng ký khai sinh\"\noriginals = 1\n+++\nThủ tục.\n",
    );
    site
}

const DOCX: &[u8] = b"PK\x03\x04 a Word form";

#[test]
fn a_form_sent_for_a_dossier_row_is_named_in_it_and_served() {
    let site = procedure_site();
    let server = Server::start_with(&site, &["--edit"]);
    let form = open(&server, "/_soan-thao/sua/thu-tuc/khai-sinh.md");
    // The dossier rows are fields of the form, named by their keys.
    assert!(
        form.html
            .contains("name=\"documents.name\" value=\"Tờ khai đăng ký khai sinh\""),
        "{}",
        form.html
    );
    assert!(
        form.html.contains("<option value=\"hs-1\">"),
        "{}",
        form.html
    );
    let (status, head, body) = send(
        &server,
        "/_soan-thao/tai-len/thu-tuc/khai-sinh.md",
        &[("csrf", &form.csrf), ("gan", "hs-1")],
        Some(("Tờ khai khai sinh.docx", DOCX)),
        &form.cookie,
    );
    assert_eq!(status, 303, "{head}{body}");
    let text = source(&site, "content/thu-tuc/khai-sinh/index.md");
    assert!(text.contains("form = \"to-khai-khai-sinh.docx\""), "{text}");
    assert!(text.contains("originals = 1"), "{text}");
    // A second form, as a new row named after the file.
    let again = open(&server, "/_soan-thao/sua/thu-tuc/khai-sinh/index.md");
    let (status, head, body) = send(
        &server,
        "/_soan-thao/tai-len/thu-tuc/khai-sinh/index.md",
        &[("csrf", &again.csrf), ("gan", "hs-moi")],
        Some(("Giấy ủy quyền.pdf", b"%PDF-1.7\n")),
        &again.cookie,
    );
    assert_eq!(status, 303, "{head}{body}");
    let text = source(&site, "content/thu-tuc/khai-sinh/index.md");
    assert!(text.contains("name = \"Giấy ủy quyền\""), "{text}");
    assert!(text.contains("form = \"giay-uy-quyen.pdf\""), "{text}");
    let log = source(&site, ".congbo/audit.log");
    assert!(
        log.contains("\tattach\tcontent/thu-tuc/khai-sinh/index.md"),
        "{log}"
    );
    server.until("/thu-tuc/khai-sinh/", "links both forms", |s, b| {
        s == 200 && b.contains("to-khai-khai-sinh.docx") && b.contains("giay-uy-quyen.pdf")
    });
    // The form shows the row with its file; saving it keeps both rows.
    let shown = open(&server, "/_soan-thao/sua/thu-tuc/khai-sinh/index.md");
    assert!(
        shown
            .html
            .contains("name=\"documents.form\" value=\"giay-uy-quyen.pdf\""),
        "{}",
        shown.html
    );
}

#[test]
fn a_row_that_is_not_there_writes_nothing() {
    let site = procedure_site();
    let server = Server::start_with(&site, &["--edit"]);
    let form = open(&server, "/_soan-thao/sua/thu-tuc/khai-sinh.md");
    let (status, _, _) = send(
        &server,
        "/_soan-thao/tai-len/thu-tuc/khai-sinh.md",
        &[("csrf", &form.csrf), ("gan", "hs-7")],
        Some(("to khai.docx", DOCX)),
        &form.cookie,
    );
    assert_eq!(status, 422);
    let bundle = site.root().join("content/thu-tuc/khai-sinh");
    assert!(!bundle.join("to-khai.docx").exists());
}

#[test]
fn dossier_rows_are_edited_in_the_form() {
    let site = procedure_site();
    let server = Server::start_with(&site, &["--edit"]);
    let form = open(&server, "/_soan-thao/sua/thu-tuc/khai-sinh.md");
    let (status, _, body) = server.post(
        "/_soan-thao/sua/thu-tuc/khai-sinh.md",
        &[
            ("csrf", &form.csrf),
            ("goc", &form.goc),
            ("title", "Đăng ký khai sinh"),
            ("code", "1.001193"),
            ("documents.name", "Tờ khai"),
            ("documents.originals", "1"),
            ("documents.copies", ""),
            ("documents.form", ""),
            ("documents.name", "Giấy chứng sinh"),
            ("documents.originals", ""),
            ("documents.copies", "1"),
            ("documents.form", ""),
            ("body", "Thủ tục."),
            ("luu", "1"),
        ],
        Some(&form.cookie),
    );
    assert_eq!(status, 303, "{body}");
    let text = source(&site, "content/thu-tuc/khai-sinh.md");
    // (The keys of a table are written in TOML's order, by name.)
    assert!(
        text.contains("[[documents]]\ncopies = 1\nname = \"Giấy chứng sinh\"\n"),
        "{text}"
    );
    assert!(
        text.contains("name = \"Tờ khai\"\noriginals = 1\n"),
        "{text}"
    );
    server.until("/thu-tuc/khai-sinh/", "shows the new row", |s, b| {
        s == 200 && b.contains("Giấy chứng sinh")
    });
    // A number that is no number is refused with the row kept as typed.
    let form = open(&server, "/_soan-thao/sua/thu-tuc/khai-sinh.md");
    let (status, _, body) = server.post(
        "/_soan-thao/sua/thu-tuc/khai-sinh.md",
        &[
            ("csrf", &form.csrf),
            ("goc", &form.goc),
            ("title", "Đăng ký khai sinh"),
            ("documents.name", "Tờ khai"),
            ("documents.originals", "một"),
            ("body", "Thủ tục."),
            ("luu", "1"),
        ],
        Some(&form.cookie),
    );
    assert_eq!(status, 422, "{body}");
    assert!(
        body.contains("name=\"documents.originals\" value=\"một\""),
        "{body}"
    );
    assert!(!source(&site, "content/thu-tuc/khai-sinh.md").contains("một"));
}

#[test]
fn a_plans_attachment_and_signer_come_from_the_form() {
    let site = TestSite::new();
    site.write(
        "content/ke-hoach/thu.md",
        &common::tasks::plan("Kế hoạch.\n"),
    );
    let server = Server::start_with(&site, &["--edit"]);
    let form = open(&server, "/_soan-thao/sua/ke-hoach/thu.md");
    assert!(form.html.contains("name=\"signer.name\""), "{}", form.html);
    let (status, _, body) = server.post(
        "/_soan-thao/sua/ke-hoach/thu.md",
        &[
            ("csrf", &form.csrf),
            ("goc", &form.goc),
            ("title", "Kế hoạch thử"),
            ("date", "10/01/2026"),
            ("signer.name", "Thạch Thị Kim Ngân"),
            ("signer.title", "Phó Chủ tịch"),
            ("signer.sign_as", "KT. CHỦ TỊCH"),
            ("body", "Kế hoạch."),
            ("luu", "1"),
        ],
        Some(&form.cookie),
    );
    assert_eq!(status, 303, "{body}");
    let text = source(&site, "content/ke-hoach/thu.md");
    assert!(
        text.contains("[signer]\nname = \"Thạch Thị Kim Ngân\""),
        "{text}"
    );
    assert!(text.contains("sign_as = \"KT. CHỦ TỊCH\""), "{text}");
    let again = open(&server, "/_soan-thao/sua/ke-hoach/thu.md");
    assert!(
        again
            .html
            .contains("name=\"signer.title\" value=\"Phó Chủ tịch\""),
        "{}",
        again.html
    );
    let (status, head, body) = send(
        &server,
        "/_soan-thao/tai-len/ke-hoach/thu.md",
        &[("csrf", &again.csrf), ("gan", "dinh-kem")],
        Some(("Kế hoạch có chữ ký.pdf", b"%PDF-1.7\n")),
        &again.cookie,
    );
    assert_eq!(status, 303, "{head}{body}");
    let text = source(&site, "content/ke-hoach/thu/index.md");
    assert!(
        text.contains("attachments = [\"ke-hoach-co-chu-ky.pdf\"]"),
        "{text}"
    );
    assert!(text.contains("Thạch Thị Kim Ngân"), "{text}");
    server.until(
        "/ke-hoach/thu/",
        "links the attachment, shows the signer",
        |s, b| s == 200 && b.contains("ke-hoach-co-chu-ky.pdf") && b.contains("Thạch Thị Kim Ngân"),
    );
}
