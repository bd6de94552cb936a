//! Files sent to the editor (`serve --edit`, port 0), as a browser sends a multipart form:
//! an image into the page's bundle (a single-file page becoming a bundle at the same
//! address), a type not on the list, a file over the limit, a hostile name, a file whose
//! bytes are not its type, a form from elsewhere: each refused with nothing written, and
//! a Word file becoming a new draft through `congbo import`.

mod common;
use common::editor::*;
use common::serve::Server;
use common::*;

fn png() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(8, 6, image::Rgb([200, 30, 30]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

#[test]
fn an_image_goes_into_the_pages_bundle_which_keeps_its_address() {
    let site = news_site();
    let server = Server::start_with(&site, &["--edit"]);
    let form = open(&server, "/_soan-thao/sua/tin-tuc/mot.md");
    assert!(
        form.html.contains("enctype=\"multipart/form-data\""),
        "{}",
        form.html
    );
    let (status, head, body) = send(
        &server,
        "/_soan-thao/tai-len/tin-tuc/mot.md",
        &[("csrf", &form.csrf)],
        Some(("Ảnh Hội nghị.PNG", &png())),
        &form.cookie,
    );
    assert_eq!(status, 303, "{head}{body}");
    assert!(
        head.contains("Location: /_soan-thao/sua/tin-tuc/mot/index.md?tai-len=anh-hoi-nghi.png"),
        "{head}"
    );
    assert!(!site.root().join("content/tin-tuc/mot.md").exists());
    assert!(source(&site, "content/tin-tuc/mot/index.md").contains("Tin một"));
    assert_eq!(
        std::fs::read(site.root().join("content/tin-tuc/mot/anh-hoi-nghi.png")).unwrap(),
        png()
    );
    let log = source(&site, ".congbo/audit.log");
    assert!(
        log.contains("\tupload\tcontent/tin-tuc/mot/anh-hoi-nghi.png"),
        "{log}"
    );
    // The form says what to write; the page is where it was, with the image beside it.
    let again = open(
        &server,
        "/_soan-thao/sua/tin-tuc/mot/index.md?tai-len=anh-hoi-nghi.png",
    );
    assert!(
        again.html.contains("![mô tả ảnh](anh-hoi-nghi.png)"),
        "{}",
        again.html
    );
    server.until(
        "/tin-tuc/mot/anh-hoi-nghi.png",
        "serves the image",
        |s, _| s == 200,
    );
    server.until("/tin-tuc/mot/", "still serves the page", |s, b| {
        s == 200 && b.contains("Tin một")
    });
    // A second file of the same name does not replace the first.
    let (status, head, _) = send(
        &server,
        "/_soan-thao/tai-len/tin-tuc/mot/index.md",
        &[("csrf", &form.csrf)],
        Some(("anh hoi nghi.png", &png())),
        &form.cookie,
    );
    assert_eq!(status, 303);
    assert!(head.contains("tai-len=anh-hoi-nghi-2.png"), "{head}");
}

#[test]
fn wrong_types_large_files_hostile_names_and_foreign_forms_write_nothing() {
    let site = news_site();
    let server = Server::start_with(&site, &["--edit", "--upload-limit", "1"]);
    let form = open(&server, "/_soan-thao/sua/tin-tuc/mot.md");
    let before = snapshot(&site);
    let token = [("csrf", form.csrf.as_str())];
    let pdf = b"%PDF-1.7\n1 0 obj\n".to_vec();
    let big = [pdf.clone(), vec![b'x'; 1024 * 1024 + 10_000]].concat();
    for (name, bytes, want) in [
        ("chay.exe", b"MZ\x90\x00".to_vec(), 415),
        ("trang.html", b"<script>".to_vec(), 415),
        ("anh.svg", b"<svg/>".to_vec(), 415),
        ("gia-pdf.pdf", b"<html>".to_vec(), 415),
        ("to-khai.pdf", big, 413),
    ] {
        let (status, _, body) = send(
            &server,
            "/_soan-thao/tai-len/tin-tuc/mot.md",
            &token,
            Some((name, &bytes)),
            &form.cookie,
        );
        assert_eq!(status, want, "{name}: {body}");
    }
    // No token; no file; a path out of content/.
    let (status, _, _) = send(
        &server,
        "/_soan-thao/tai-len/tin-tuc/mot.md",
        &[("csrf", "0123")],
        Some(("a.pdf", &pdf)),
        &form.cookie,
    );
    assert_eq!(status, 403);
    let (status, _, _) = send(
        &server,
        "/_soan-thao/tai-len/tin-tuc/mot.md",
        &token,
        None,
        &form.cookie,
    );
    assert_eq!(status, 400);
    let (status, _, _) = send(
        &server,
        "/_soan-thao/tai-len/..%2f..%2fsite.toml",
        &token,
        Some(("a.pdf", &pdf)),
        &form.cookie,
    );
    assert_eq!(status, 400);
    assert_eq!(snapshot(&site), before, "a refused upload wrote something");
    // A hostile name is made again, inside the bundle.
    let (status, head, _) = send(
        &server,
        "/_soan-thao/tai-len/tin-tuc/mot.md",
        &token,
        Some(("../../../site.toml.pdf", &pdf)),
        &form.cookie,
    );
    assert_eq!(status, 303, "{head}");
    assert!(
        site.root()
            .join("content/tin-tuc/mot/site-toml.pdf")
            .exists()
    );
    assert_eq!(
        source(&site, "site.toml"),
        String::from_utf8(
            before
                .iter()
                .find(|(p, _)| p.ends_with("site.toml"))
                .unwrap()
                .1
                .clone()
        )
        .unwrap()
    );
}

#[test]
fn a_word_file_becomes_a_new_draft_in_the_chosen_section() {
    let site = TestSite::new();
    site.write(
        "content/ke-hoach/_index.md",
        "+++\ntitle = \"Kế hoạch\"\n+++\n",
    );
    let server = Server::start_with(&site, &["--edit"]);
    let form = open(&server, "/_soan-thao/moi/ke-hoach");
    assert!(
        form.html
            .contains("action=\"/_soan-thao/nhap-word/ke-hoach\"")
    );
    let docx = std::fs::read(repo_root().join("tests/fixtures/import/ke-hoach-mau.docx")).unwrap();
    let (status, head, body) = send(
        &server,
        "/_soan-thao/nhap-word/ke-hoach",
        &[("csrf", &form.csrf)],
        Some(("Kế hoạch mẫu.docx", &docx)),
        &form.cookie,
    );
    assert_eq!(status, 303, "{head}{body}");
    let rel = head
        .lines()
        .find_map(|l| l.strip_prefix("Location: /_soan-thao/sua/"))
        .expect("opens the new page")
        .trim()
        .trim_end_matches("?da-nhap=1");
    assert!(rel.starts_with("ke-hoach/"), "{rel}");
    let text = source(&site, &format!("content/{rel}"));
    assert!(rel.ends_with("/index.md"), "{rel}");
    assert!(text.contains("draft = true"), "{text}");
    // The sent file went through .congbo/ only, and is gone from there.
    let left: Vec<_> = std::fs::read_dir(site.root().join(".congbo/nhap"))
        .unwrap()
        .collect();
    assert!(left.is_empty());
    let (status, _, html) = server.get(&format!("/_soan-thao/sua/{rel}"));
    assert_eq!(status, 200, "{html}");
    // A file that is no Word file is refused, nothing written.
    let before = snapshot(&site);
    let (status, _, _) = send(
        &server,
        "/_soan-thao/nhap-word/ke-hoach",
        &[("csrf", &form.csrf)],
        Some(("a.pdf", b"%PDF-1.7")),
        &form.cookie,
    );
    assert_eq!(status, 415);
    assert_eq!(snapshot(&site), before);
}

#[test]
fn the_upload_limit_of_site_toml_counts_and_the_command_line_wins_over_it() {
    let big = [b"%PDF-1.7\n".to_vec(), vec![b'x'; 1024 * 1024 + 10_000]].concat();
    for (args, want) in [
        (&["--edit"][..], 413),
        (&["--edit", "--upload-limit", "2"][..], 303),
    ] {
        let site = news_site();
        let toml = source(&site, "site.toml");
        site.write(
            "site.toml",
            &format!("{toml}\n[editor]\nupload_limit = 1\n"),
        );
        let server = Server::start_with(&site, args);
        let form = open(&server, "/_soan-thao/sua/tin-tuc/mot.md");
        assert!(
            form.html.contains("tối đa 1 MB") || want == 303,
            "{}",
            form.html
        );
        let (status, _, body) = send(
            &server,
            "/_soan-thao/tai-len/tin-tuc/mot.md",
            &[("csrf", &form.csrf)],
            Some(("to-khai.pdf", &big)),
            &form.cookie,
        );
        assert_eq!(status, want, "{args:?}: {body}");
    }
}

/// A .docx made in memory: `word/document.xml` with one paragraph per text.
fn docx(paragraphs: &[&str]) -> Vec<u8> {
    use std::io::Write;
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
        .collect();
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \
         xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    z.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    z.write_all(xml.as_bytes()).unwrap();
    z.finish().unwrap();
    buf.into_inner()
}

#[test]
fn a_word_file_the_import_cannot_read_whole_shows_its_warnings_and_the_draft() {
    let site = TestSite::new();
    site.write(
        "content/ke-hoach/_index.md",
        "+++\ntitle = \"Kế hoạch\"\n+++\n",
    );
    let server = Server::start_with(&site, &["--edit"]);
    let form = open(&server, "/_soan-thao/moi/ke-hoach");
    // No header of Decree 30/2020 (number, date, type word): the import says so.
    let word = docx(&[
        "Tuyên truyền cải cách hành chính năm 2026",
        "Các cơ quan phối hợp tuyên truyền trên Cổng thông tin của xã.",
    ]);
    let (status, head, page) = send(
        &server,
        "/_soan-thao/nhap-word/ke-hoach",
        &[("csrf", &form.csrf)],
        Some(("Tuyên truyền.docx", &word)),
        &form.cookie,
    );
    assert_eq!(status, 200, "{head}{page}");
    assert!(page.contains("role=\"alert\""), "{page}");
    assert!(page.contains("30/2020"), "{page}");
    let link = page
        .split("href=\"/_soan-thao/sua/")
        .nth(1)
        .map(|r| r[..r.find('"').unwrap()].to_string())
        .expect("a link to the draft");
    let rel = link.trim_end_matches("?da-nhap=1");
    assert!(rel.starts_with("ke-hoach/"), "{rel}");
    assert!(source(&site, &format!("content/{rel}")).contains("draft = true"));
    let (status, _, draft) = server.get(&format!("/_soan-thao/sua/{link}"));
    assert_eq!(status, 200, "{draft}");
}
