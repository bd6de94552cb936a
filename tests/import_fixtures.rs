//! `congbo import` on real files: a small plan that LibreOffice saved as .docx and as .odt
//! (tests/fixtures/import/make-fixtures.py makes them again), with the ND 30 header table,
//! a table whose header row repeats on each page and whose lead cell is merged over three
//! rows, numbered and bulleted lists, a footnote, a link, an image, and runs in a TCVN3
//! and a VNI font. Both formats must give the same page, and the build its tasks.

mod common;

use common::{TestSite, repo_root};
use congbo::import::{ImportOptions, import};

const LEAD: &str = "Văn phòng HĐND và UBND xã";

fn front(text: &str) -> toml::Table {
    let inner = text
        .strip_prefix("+++\n")
        .and_then(|t| t.split_once("\n+++"))
        .map(|(f, _)| f)
        .expect("front matter");
    toml::from_str(inner).expect("front matter is TOML")
}

/// Imports the fixture of extension `ext` into a new site; the site, the page's folder
/// and its text.
fn imported(ext: &str) -> (TestSite, std::path::PathBuf, String) {
    let site = TestSite::new();
    let file = repo_root().join(format!("tests/fixtures/import/ke-hoach-mau.{ext}"));
    let opts = ImportOptions {
        root: site.root().to_path_buf(),
        files: vec![file],
        ..ImportOptions::default()
    };
    let (done, errors) = import(&opts);
    assert!(errors.is_empty(), "{ext}: {errors:?}");
    let page = site.root().join(&done[0].page);
    let text = std::fs::read_to_string(&page).expect("page written");
    let dir = page.parent().expect("bundle").to_path_buf();
    (site, dir, text)
}

#[test]
fn word_and_opendocument_files_made_by_libreoffice_import_alike_and_build() {
    let mut bodies = Vec::new();
    for ext in ["docx", "odt"] {
        let (site, dir, text) = imported(ext);
        let f = front(&text);
        let s = |k: &str| f.get(k).and_then(|v| v.as_str()).map(str::to_string);
        assert_eq!(s("number").as_deref(), Some("12/KH-UBND"), "{ext}");
        assert_eq!(
            s("authority").as_deref(),
            Some("UBND xã Thử Nghiệm"),
            "{ext}"
        );
        assert_eq!(
            s("parent_authority").as_deref(),
            Some("UBND thành phố Cần Thơ"),
            "{ext}"
        );
        assert_eq!(s("place").as_deref(), Some("Thử Nghiệm"), "{ext}");
        assert_eq!(
            f.get("date").map(|d| d.to_string()).as_deref(),
            Some("2026-03-15")
        );
        assert_eq!(
            s("title").as_deref(),
            Some("Kế hoạch tuyên truyền cải cách hành chính năm 2026"),
            "{ext}"
        );
        let signer = f.get("signer").and_then(|v| v.as_table()).expect("signer");
        assert_eq!(
            signer.get("name").and_then(|v| v.as_str()),
            Some("Nguyễn Văn An")
        );
        assert_eq!(
            signer.get("sign_as").and_then(|v| v.as_str()),
            Some("KT. CHỦ TỊCH")
        );
        assert_eq!(
            f.get("recipients").and_then(|v| v.as_array()).map(Vec::len),
            Some(2),
            "{ext}"
        );
        let body = text
            .split_once("\n+++\n")
            .map_or("", |(_, b)| b)
            .to_string();
        for want in [
            // Bold by their paragraph style: headings by their numbering.
            "\n## I. MỤC ĐÍCH, YÊU CẦU\n",
            "\n## II. NHIỆM VỤ\n",
            // The TCVN3 run and the VNI run, decoded.
            "\nThực hiện Kế hoạch số 05/KH-UBND của ủy ban nhân dân xã.\n",
            "\nKế hoạch tuyên truyền cải cách hành chính năm 2026.\n",
            "\n1. Nâng cao nhận thức của cán bộ.\n\n2. Công khai thủ tục hành chính.\n",
            "\n- Cán bộ, công chức xã;\n\n- Người dân và doanh nghiệp.\n",
            "[Cổng thông tin](<https://thunghiem.gov.vn/>)",
            "]: Ban hành ngày 05/01/2026.\n",
            "![Biểu trưng của xã](1-",
        ] {
            assert!(body.contains(want), "{ext}: {want:?} in\n{body}");
        }
        // The header row repeated on each page is one row; the merged lead is in each row.
        assert_eq!(body.matches("| TT | Nội dung |").count(), 1, "{ext}");
        let rows: Vec<&str> = body.lines().filter(|l| l.starts_with("| ")).collect();
        assert_eq!(rows.len(), 19, "{ext}: header and 18 rows");
        for row in &rows[1..4] {
            assert!(row.contains(&format!("| {LEAD} |")), "{ext}: {row}");
        }
        let image = body
            .split("![Biểu trưng của xã](")
            .nth(1)
            .and_then(|r| r.split(')').next())
            .expect("image name");
        let bytes = std::fs::read(dir.join(image)).expect("image written");
        assert!(
            bytes.starts_with(b"\x89PNG"),
            "{ext}: the image's own bytes"
        );
        site.build_ok();
        let plans: serde_json::Value =
            serde_json::from_str(&site.read("data/plans.json")).expect("plans.json");
        let tasks = plans
            .as_array()
            .and_then(|a| a.first())
            .and_then(|p| p.get("tasks"))
            .and_then(|t| t.as_array())
            .cloned()
            .unwrap_or_default();
        assert_eq!(tasks.len(), 18, "{ext}: one task a row");
        assert_eq!(tasks[2].get("lead").and_then(|v| v.as_str()), Some(LEAD));
        bodies.push(body.replace(image, "IMAGE"));
    }
    // Footnote labels differ (Word numbers its own); the rest is the same document.
    let norm = |b: &str| b.replace("[^2]", "[^1]");
    assert_eq!(norm(&bodies[0]), norm(&bodies[1]));
}
