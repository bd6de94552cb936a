use super::*;
use std::io::Write;

/// A .docx made in memory from (entry name, text) pairs.
pub(crate) fn docx(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, text) in entries {
            z.start_file(*name, o).expect("in-memory zip");
            z.write_all(text.as_bytes()).expect("in-memory zip");
        }
        z.finish().expect("in-memory zip");
    }
    buf.into_inner()
}

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
    )
}

fn read(entries: &[(&str, &str)]) -> Result<Converted, Diagnostic> {
    convert(Path::new("ke-hoach.docx"), &docx(entries), None, None)
}

#[test]
fn merged_cells_runs_links_and_footnotes() {
    let body = r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>I. NỘI DUNG</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Xem </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>Cổng</w:t></w:r></w:hyperlink><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"> ngay</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:br w:type="page"/></w:r></w:p>
<w:tbl>
<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>Việc</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Chủ trì</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Thời gian</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Một</w:t></w:r></w:p><w:p><w:r><w:t>Hai</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Sở Nội vụ</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2026</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>Việc</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Chủ trì</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Thời gian</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Ba</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>2027</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Cộng</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>"#;
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="hyperlink" Target="https://x.gov.vn/" TargetMode="External"/></Relationships>"#;
    let notes = format!(
        r#"<w:footnotes {NS}><w:footnote w:type="separator" w:id="0"><w:p/></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>Ghi chú.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let c = read(&[
        ("word/document.xml", &document(body)),
        ("word/_rels/document.xml.rels", rels),
        ("word/footnotes.xml", &notes),
    ])
    .expect("a valid document");
    let md = c.page.split("+++\n\n").nth(1).unwrap_or("");
    assert_eq!(
        md,
        "## I. NỘI DUNG\n\nXem [Cổng](<https://x.gov.vn/>) *ngay*[^2]\n\n| Việc | Chủ trì | Thời gian |\n|---|---|---|\n| Một<br>Hai | Sở Nội vụ | 2026 |\n| Ba | Sở Nội vụ | 2027 |\n| Cộng |  | 2 |\n\n[^2]: Ghi chú.\n"
    );
}

#[test]
fn legacy_font_runs_are_decoded_beside_unicode_ones() {
    let body = r#"<w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr><w:t xml:space="preserve">Thùc hiÖn </w:t></w:r><w:r><w:t>Kế hoạch</w:t></w:r></w:p>"#;
    let c = read(&[("word/document.xml", &document(body))]).expect("valid");
    assert!(c.page.contains("Thực hiện Kế hoạch"), "{}", c.page);
}

#[test]
fn unsafe_and_broken_files_are_refused_naming_the_file() {
    let doc = document("<w:p/>");
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (b"not a zip at all".to_vec(), "zip"),
        (
            docx(&[("word/document.xml", &doc), ("../evil.txt", "x")]),
            "../evil.txt",
        ),
        (
            docx(&[(
                "word/document.xml",
                r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>"#,
            )]),
            "DTD",
        ),
        (docx(&[("word/other.xml", "<x/>")]), "word/document.xml"),
        (
            docx(&[("word/document.xml", "<w:document><unclosed>")]),
            "XML",
        ),
    ];
    for (bytes, says) in cases {
        let e = convert(Path::new("ke-hoach.docx"), &bytes, None, None)
            .err()
            .expect("refused");
        assert_eq!(e.file, Path::new("ke-hoach.docx"));
        assert!(e.message.contains(says), "{says}: {}", e.message);
    }
}

#[test]
fn a_zip_bomb_stops_at_the_limit() {
    // One entry of zeros that deflates to almost nothing and unpacks past the limit.
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        z.start_file("word/document.xml", o).expect("zip");
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..(package::MAX_TOTAL >> 20) + 1 {
            z.write_all(&chunk).expect("zip");
        }
        z.finish().expect("zip");
    }
    let bytes = buf.into_inner();
    assert!(
        bytes.len() < 2 * 1024 * 1024,
        "the bomb is small: {}",
        bytes.len()
    );
    let e = convert(Path::new("bom.docx"), &bytes, None, None)
        .err()
        .expect("refused");
    assert!(e.message.contains("MB"), "{}", e.message);
}

/// A numbering part: list 1 is decimal ("%1."), list 2 bullets, list 3 upper Roman ("%1.")
/// with decimal under it ("%2.").
fn numbering() -> String {
    format!(
        r#"<w:numbering {NS}>
<w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="11"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="12"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="12"/></w:num>
</w:numbering>"#
    )
}

fn numbered(num: &str, lvl: &str, text: &str, bold: bool) -> String {
    let b = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r>{b}<w:t>{text}</w:t></w:r></w:p>"#
    )
}

#[test]
fn numbered_word_lists_keep_their_numbers_and_bullets_stay_dashes() {
    let body = [
        numbered("3", "0", "MỤC ĐÍCH", true),
        numbered("3", "1", "Nội dung", false),
        numbered("3", "1", "Hình thức", false),
        numbered("1", "0", "Tuyên truyền.", false),
        numbered("1", "0", "Tập huấn.", false),
        numbered("2", "0", "Sở Nội vụ;", false),
        numbered("1", "0", "Kiểm tra.", false),
        numbered("3", "0", "TỔ CHỨC THỰC HIỆN", true),
        numbered("3", "1", "Phòng Văn hóa", false),
        // A heading numbered by hand stays as written.
        r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>III. KINH PHÍ</w:t></w:r></w:p>"#.to_string(),
    ]
    .concat();
    let c = read(&[
        ("word/document.xml", &document(&body)),
        ("word/numbering.xml", &numbering()),
    ])
    .expect("valid");
    let md = c.page.split("+++\n\n").nth(1).unwrap_or("");
    assert_eq!(
        md,
        "## I. MỤC ĐÍCH\n\na) Nội dung\n\nb) Hình thức\n\n1. Tuyên truyền.\n\n2. Tập huấn.\n\n- Sở Nội vụ;\n\n3. Kiểm tra.\n\n## II. TỔ CHỨC THỰC HIỆN\n\na) Phòng Văn hóa\n\n## III. KINH PHÍ\n"
    );
}

#[test]
fn legacy_fonts_set_by_styles_and_defaults_are_decoded() {
    let styles = format!(
        r#"<w:styles {NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:styleId="Cu"><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="CuCon"><w:basedOn w:val="Cu"/></w:style>
<w:style w:type="paragraph" w:styleId="Hoa"><w:basedOn w:val="Cu"/><w:rPr><w:rFonts w:ascii=".VnTimeH"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Vni"><w:rPr><w:rFonts w:ascii="VNI-Times"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Moi"><w:rPr><w:rFonts w:ascii="Arial"/></w:rPr></w:style>
</w:styles>"#
    );
    let body = r#"<w:p><w:pPr><w:pStyle w:val="CuCon"/></w:pPr><w:r><w:t xml:space="preserve">Thùc hiÖn </w:t></w:r><w:r><w:rPr><w:rStyle w:val="Moi"/></w:rPr><w:t>Kế hoạch</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Hoa"/></w:pPr><w:r><w:t>nh©n d©n</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:rStyle w:val="Vni"/></w:rPr><w:t>Vieät Nam</w:t></w:r><w:r><w:t xml:space="preserve"> Việt Nam</w:t></w:r></w:p>"#;
    let c = read(&[
        ("word/document.xml", &document(body)),
        ("word/styles.xml", &styles),
    ])
    .expect("valid");
    let md = c.page.split("+++\n\n").nth(1).unwrap_or("");
    assert_eq!(md, "Thực hiện Kế hoạch\n\nNHÂN DÂN\n\nViệt Nam Việt Nam\n");
    // And a document whose default font is a legacy one.
    let styles = format!(
        r#"<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=".VnTime"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>"#
    );
    let body = r#"<w:p><w:r><w:t>Së Néi vô</w:t></w:r></w:p>"#;
    let c = read(&[
        ("word/document.xml", &document(body)),
        ("word/styles.xml", &styles),
    ])
    .expect("valid");
    assert!(c.page.ends_with("\nSở Nội vụ\n"), "{}", c.page);
}

/// An .odt made in memory from its content.xml body and automatic styles.
fn odt(styles: &str, body: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"><office:font-face-decls><style:font-face style:name="VnTime1" svg:font-family="'.VnTime'"/></office:font-face-decls><office:automatic-styles>{styles}</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    );
    let mut entries = vec![
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", content.as_str()),
    ];
    entries.extend_from_slice(extra);
    docx(&entries)
}

#[test]
fn an_odt_reads_into_the_same_document_as_a_docx() {
    let styles = r#"<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Cu" style:family="text"><style:text-properties style:font-name="VnTime1"/></style:style>
<style:style style:name="H" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
<text:list-style style:name="Num"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/></text:list-style>
<text:list-style style:name="Dot"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>"#;
    let body = r#"<text:h text:style-name="H" text:outline-level="1">I. NỘI DUNG</text:h>
<text:p>Xem <text:a xlink:href="https://x.gov.vn/">Cổng</text:a> <text:span text:style-name="B">ngay</text:span><text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Ghi chú.</text:p></text:note-body></text:note><text:soft-page-break/></text:p>
<text:p><text:span text:style-name="Cu">Thùc hiÖn</text:span> kế hoạch<draw:frame draw:name="a"><draw:image xlink:href="Pictures/logo.png"/><svg:desc>Biểu trưng</svg:desc></draw:frame></text:p>
<text:list text:style-name="Num"><text:list-item><text:p>Tuyên truyền.</text:p></text:list-item><text:list-item><text:p>Tập huấn.</text:p></text:list-item></text:list>
<text:list text:style-name="Dot"><text:list-item><text:p>Sở Nội vụ;</text:p></text:list-item></text:list>
<table:table><table:table-header-rows><table:table-row><table:table-cell><text:p>Việc</text:p></table:table-cell><table:table-cell><text:p>Chủ trì</text:p></table:table-cell><table:table-cell><text:p>Thời gian</text:p></table:table-cell></table:table-row></table:table-header-rows>
<table:table-row><table:table-cell><text:p>Một</text:p><text:p>Hai</text:p></table:table-cell><table:table-cell table:number-rows-spanned="2"><text:p>Sở Nội vụ</text:p></table:table-cell><table:table-cell><text:p>2026</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>Ba</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>2027</text:p></table:table-cell></table:table-row>
<!-- typed again on the next page --><table:table-row><table:table-cell><text:p>Việc</text:p></table:table-cell><table:table-cell><text:p>Chủ trì</text:p></table:table-cell><table:table-cell><text:p>Thời gian</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Cộng</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>2</text:p></table:table-cell></table:table-row>
</table:table>"#;
    let bytes = odt(styles, body, &[("Pictures/logo.png", "PNG")]);
    let c = convert(Path::new("ke-hoach.odt"), &bytes, None, None).expect("a valid .odt");
    let md = c.page.split("+++\n\n").nth(1).unwrap_or("");
    assert_eq!(
        md,
        "## I. NỘI DUNG\n\nXem [Cổng](<https://x.gov.vn/>) **ngay**[^1]\n\nThực hiện kế hoạch![Biểu trưng](1-logo.png)\n\n1. Tuyên truyền.\n\n2. Tập huấn.\n\n- Sở Nội vụ;\n\n| Việc | Chủ trì | Thời gian |\n|---|---|---|\n| Một<br>Hai | Sở Nội vụ | 2026 |\n| Ba | Sở Nội vụ | 2027 |\n| Cộng |  | 2 |\n\n[^1]: Ghi chú.\n"
    );
    assert_eq!(c.images.len(), 1);
    assert_eq!(c.images[0].name, "1-logo.png");
}

#[test]
fn unsafe_and_broken_odt_files_are_refused_naming_the_file() {
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (odt("", "<text:p/>", &[("../../evil", "x")]), "../../evil"),
        (
            docx(&[(
                "content.xml",
                r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;</d>"#,
            )]),
            "DTD",
        ),
        (docx(&[("styles.xml", "<x/>")]), "content.xml"),
        (b"PK\x03\x04 broken".to_vec(), "zip"),
    ];
    for (bytes, says) in cases {
        let e = convert(Path::new("ke-hoach.odt"), &bytes, None, None)
            .err()
            .expect("refused");
        assert_eq!(e.file, Path::new("ke-hoach.odt"));
        assert!(e.message.contains(says), "{says}: {}", e.message);
    }
}
