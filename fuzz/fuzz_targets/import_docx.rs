//! Fuzzes `congbo import`'s readers: the bytes as a whole `.docx` and a whole `.odt` (the
//! zip layer: corrupt archives, bombs, entry names), and, so that the fuzzer reaches the
//! XML readers past the zip's checksums, the same bytes as the main XML part of an
//! otherwise valid package (`word/document.xml`, `word/numbering.xml`, `word/styles.xml`
//! of a .docx; `content.xml` and `styles.xml` of an .odt). Invariant: no panic, no hang,
//! bounded memory (the zip and XML limits of src/import/package.rs), and every page read
//! has a front matter the content stage can split.
#![no_main]

use std::io::Write;
use std::path::Path;

use libfuzzer_sys::fuzz_target;

const DOC: &str = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:pStyle w:val="A"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p></w:body></w:document>"#;
const ODT: &str = r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p text:style-name="A">KẾ HOẠCH</text:p></office:text></office:body></office:document-content>"#;

/// A zip of the given parts, stored (not compressed), as the readers receive it.
fn package(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in parts {
        if z.start_file(*name, o).is_err() || z.write_all(bytes).is_err() {
            return Vec::new();
        }
    }
    if z.finish().is_err() {
        return Vec::new();
    }
    buf.into_inner()
}

fn read(name: &str, bytes: &[u8]) {
    if let Ok(page) = congbo::import::page_of(Path::new(name), bytes) {
        assert!(
            congbo::content::frontmatter::split(&page).is_ok(),
            "an imported page without a front matter congbo reads:\n{page}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    read("f.docx", data);
    read("f.odt", data);
    let doc = DOC.as_bytes();
    for part in ["word/document.xml", "word/numbering.xml", "word/styles.xml"] {
        let mut parts = vec![(part, data)];
        if part != "word/document.xml" {
            parts.push(("word/document.xml", doc));
        }
        read("f.docx", &package(&parts));
    }
    read("f.odt", &package(&[("content.xml", data)]));
    read("f.odt", &package(&[("content.xml", ODT.as_bytes()), ("styles.xml", data)]));
});
