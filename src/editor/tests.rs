use super::*;
use crate::content::Kind;

/// A site with a news section and one news item; the editor of it.
fn site() -> (tempfile::TempDir, Editor) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("site.toml"),
        "title = \"Xã\"\nbase_url = \"https://x.vn/\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("content/tin-tuc")).unwrap();
    std::fs::write(
        root.join("content/tin-tuc/mot.md"),
        "+++\ntitle = \"Tin một\"\ndate = 2026-01-10\n+++\nĐoạn.\n",
    )
    .unwrap();
    let ed = Editor::new(root, "/");
    (dir, ed)
}

fn form(ed: &Editor, pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    std::iter::once(("csrf".to_string(), ed.token().to_string()))
        .chain(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
        .collect()
}

#[test]
fn tokens_differ_between_editors() {
    let (_d, a) = site();
    let b = Editor::new(Path::new("."), "/");
    assert_eq!(a.token().len(), 32);
    assert_ne!(a.token(), b.token());
}

#[test]
fn a_new_page_gets_a_free_name_from_its_title_and_a_taken_one_is_not_replaced() {
    let (d, ed) = site();
    let f = form(
        &ed,
        &[
            ("title", "Một"),
            ("date", "02/03/2026"),
            ("body", "Mới.\r\n"),
            ("luu", "1"),
        ],
    );
    let r = ed.create("tin-tuc", &f, Some(ed.token()));
    assert_eq!(r.status, 303, "{}", r.html);
    assert_eq!(
        r.location.as_deref(),
        Some("/_soan-thao/sua/tin-tuc/mot-2.md?da-luu=1")
    );
    let old = std::fs::read_to_string(d.path().join("content/tin-tuc/mot.md")).unwrap();
    assert!(old.contains("Đoạn."));
    let new = std::fs::read_to_string(d.path().join("content/tin-tuc/mot-2.md")).unwrap();
    // Files keep LF line ends, whatever the browser sent.
    assert_eq!(new, "+++\ntitle = \"Một\"\ndate = 2026-03-02\n+++\nMới.\n");
}

#[test]
fn the_kind_of_a_page_is_its_sections() {
    let (_d, ed) = site();
    assert_eq!(ed.kind_of("tin-tuc/mot.md"), Kind::News);
    assert_eq!(ed.kind_of("tin-tuc/abc/index.md"), Kind::News);
    assert_eq!(ed.kind_of("gioi-thieu.md"), Kind::Page);
}

#[test]
fn an_edit_form_shows_the_files_values() {
    let (_d, ed) = site();
    let r = ed.edit_form("tin-tuc/mot.md", false);
    assert_eq!(r.status, 200);
    for needle in [
        "name=\"title\" value=\"Tin một\"",
        "name=\"date\" value=\"10/01/2026\"",
        "<textarea id=\"f-body\" name=\"body\"",
        ">Đoạn.\n</textarea>",
        "name=\"luu\"",
        "name=\"xuat-ban\"",
    ] {
        assert!(r.html.contains(needle), "{needle}");
    }
    assert_eq!(ed.edit_form("tin-tuc/khong.md", false).status, 404);
    assert_eq!(ed.edit_form("../site.toml", false).status, 404);
    // A section's own file has other keys than a page's.
    std::fs::write(
        ed.root.join("content/tin-tuc/_index.md"),
        "+++\ntitle = \"Tin tức\"\n+++\n",
    )
    .unwrap();
    assert_eq!(ed.edit_form("tin-tuc/_index.md", false).status, 404);
}
