//! Views built from small sites.

use super::*;
use crate::site::tasks::tests::{build_site, d};

#[test]
fn shared_term_links_give_the_same_summaries_as_maps_of_their_own() {
    let news = |title: &str, tags: &str| {
        format!(
            "+++\ntitle = \"{title}\"\ndate = 2025-01-02\ntags = {tags}\nfields = [\"Hộ tịch\"]\n+++\nTin.\n"
        )
    };
    // One tag in two tone placements (each page shows its editor's spelling), one
    // page without tags, one whose tags repeat another's.
    let site = build_site(
        "",
        &[
            (
                "content/tin-tuc/a.md",
                &news("A", "[\"Văn hoá\", \"Một cửa\"]"),
            ),
            ("content/tin-tuc/b.md", &news("B", "[\"Văn hóa\"]")),
            ("content/tin-tuc/c.md", &news("C", "[]")),
            (
                "content/tin-tuc/d.md",
                &news("D", "[\"Một cửa\", \"Văn hoá\"]"),
            ),
        ],
        d(2025, 6, 1),
    );
    let shared = Views::new(&site);
    let bare = Views::bare(&site);
    for i in 0..site.pages.len() {
        let own = tera::Value::from_serializable(&bare.summary(i));
        assert_eq!(shared.summary_value(i), own, "page {i}");
        assert_eq!(format!("{}", shared.summary_value(i)), format!("{own}"));
    }
}

#[test]
fn a_pages_qr_code_is_drawn_once_and_shown_by_every_sheet() {
    let site = build_site(
        "",
        &[(
            "content/thu-tuc/khai-sinh.md",
            "+++\ntitle = \"Đăng ký khai sinh\"\n+++\nThủ tục.\n",
        )],
        d(2025, 6, 1),
    );
    let v = Views::new(&site);
    let i = 0;
    let drawn =
        crate::render::views::domain::qr_svg(&site.config.permalink(&site.pages[i].page.path))
            .unwrap();
    let first = v.qr_svg(i);
    assert_eq!(first, drawn);
    // The field's page of sheets asks again: the same string, not a second drawing.
    assert!(std::ptr::eq(first, v.qr_svg(i)));
}

#[test]
fn a_procedures_steps_are_read_once_and_shown_by_every_view() {
    let site = build_site(
        "",
        &[(
            "content/thu-tuc/khai-sinh.md",
            "+++\ntitle = \"Đăng ký khai sinh\"\n+++\n## TRÌNH TỰ thực hiện\n\n\
             1. Nộp hồ sơ.\n2. Nhận kết quả.\n\n## Phí\n\nKhông.\n",
        )],
        d(2025, 6, 1),
    );
    let v = Views::new(&site);
    let i = 0;
    let read = crate::site::procedures::steps(&site.pages[i].rendered.html);
    assert_eq!(read, ["Nộp hồ sơ.", "Nhận kết quả."]);
    assert!(v.steps[i].get().is_none());
    let page = v.page(i, &|b, _| b.to_string());
    assert_eq!(page.procedure.map(|p| p.steps), Some(read.clone()));
    // Kept for the posting sheet and the field's page of sheets, which ask again.
    assert_eq!(v.steps[i].get(), Some(&read));
    assert_eq!(v.steps(i), read);
}
