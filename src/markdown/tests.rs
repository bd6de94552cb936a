use super::*;
use std::path::Path;

fn page() -> PageRef<'static> {
    PageRef {
        file: Path::new("content/tin-tuc/a.md"),
        content_file: "tin-tuc/a.md",
        path: "/tin-tuc/a/",
        body_line: 5,
        plan: false,
    }
}

fn md(s: &str) -> Rendered {
    render(
        s,
        &page(),
        &LinkContext {
            base_path: "/".into(),
            ..Default::default()
        },
    )
    .unwrap()
}

#[test]
fn headings_get_vietnamese_ascii_ids_unique_per_page() {
    let r =
        md("## Mục đích, yêu cầu\n\n### Đối tượng\n\n## Mục đích, yêu cầu\n\n## Khác {#rieng}\n");
    assert!(
        r.html
            .contains("<h2 id=\"muc-dich-yeu-cau\">Mục đích, yêu cầu</h2>"),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("<h2 id=\"muc-dich-yeu-cau-1\">"),
        "{}",
        r.html
    );
    assert!(r.html.contains("<h2 id=\"rieng\">"), "{}", r.html);
    assert_eq!(r.toc.len(), 3);
    assert_eq!(r.toc[0].children[0].title, "Đối tượng");
    assert_eq!(r.toc[0].children[0].id, "doi-tuong");
}

#[test]
fn summary_is_more_marker_else_first_paragraph() {
    let r = md("Đoạn một.\n\nĐoạn hai.\n\n<!-- more -->\n\nĐoạn ba.");
    assert_eq!(r.summary, "<p>Đoạn một.</p>\n<p>Đoạn hai.</p>\n");
    let r = md("## Tiêu đề\n\nĐoạn một.\n\nĐoạn hai.");
    assert_eq!(
        r.summary,
        "<h2 id=\"tieu-de\">Tiêu đề</h2>\n<p>Đoạn một.</p>\n"
    );
}

#[test]
fn gfm_extensions() {
    let r = md(
        "~~cũ~~\n\n- [x] xong\n\nChú thích[^1].\n\n[^1]: Ghi chú.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n",
    );
    assert!(r.html.contains("<del>cũ</del>"));
    assert!(r.html.contains("type=\"checkbox\""));
    assert!(r.html.contains("footnote"));
    assert!(r.html.contains("<table>"));
    assert_eq!(r.tables[0].header, vec!["A", "B"]);
    assert_eq!(
        r.tables[0].rows,
        vec![vec!["1".to_string(), "2".to_string()]]
    );
}

#[test]
fn table_cells_keep_inline_text() {
    let r = md("| Nội dung | Cơ quan chủ trì |\n|---|---|\n| Làm **việc** `x` | Phòng *VH* |\n");
    assert_eq!(r.tables[0].rows[0], vec!["Làm việc x", "Phòng VH"]);
}

#[test]
fn code_blocks_are_highlighted_and_escaped() {
    let r = md("```rust\nlet a = \"<a>\";\n```\n");
    assert!(r.html.contains("hl-"), "{}", r.html);
    assert!(!r.html.contains("<a>"));
}

#[test]
fn broken_internal_link_is_an_error_with_line() {
    let e = render(
        "Xem\n\n[bài](@/tin-tuc/khong.md)",
        &page(),
        &LinkContext::default(),
    )
    .unwrap_err();
    assert_eq!(e[0].line, 7);
    assert!(e[0].message.contains("content/tin-tuc/khong.md"));
}

#[test]
fn root_links_follow_base_path() {
    let r = render(
        "[a](/lien-he/) ![ảnh](/anh.jpg)",
        &page(),
        &LinkContext {
            base_path: "/xa/".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(r.html.contains("href=\"/xa/lien-he/\""), "{}", r.html);
    assert!(r.html.contains("src=\"/xa/anh.jpg\""), "{}", r.html);
}

#[test]
fn word_count() {
    assert_eq!(md("Một hai ba.\n\n**bốn** năm").word_count, 5);
}

#[test]
fn count_words_matches_split_whitespace_on_normalised_text() {
    for text in [
        "",
        "  ",
        "một",
        " Nghị định  số\t61/2018/NĐ-CP\n ngày ",
        "Ủy ban nhân dân xã — thực hiện.",
    ] {
        assert_eq!(
            count_words(text),
            text.split_whitespace().count(),
            "{text:?}"
        );
    }
}

#[test]
fn count_words_by_blocks_matches_split_whitespace() {
    // Long and random texts: the 16-byte blocks, their seams (a word across two blocks, a
    // space as a block's last byte) and the tail after the last whole block.
    let mut g = crate::text::testgen::Lcg::new(7);
    for _ in 0..3000 {
        let mut text = g.text(40);
        for _ in 0..g.below(4) {
            text.push_str([" ", "\t", "\n", "\r\n", "\u{0C}", "ab", "đường"][g.below(7)]);
        }
        assert_eq!(
            count_words(&text),
            text.split_ascii_whitespace().count(),
            "{text:?}"
        );
    }
    let long = "Ủy ban  nhân\tdân xã\n".repeat(37);
    assert_eq!(count_words(&long), 5 * 37);
}

#[test]
fn script_urls_in_markdown_links_are_dropped() {
    for src in [
        "[bấm](javascript:alert(1))",
        "[bấm](JavaScript:alert(1))",
        "[bấm](<java\tscript:alert(1)>)",
        "[bấm](  vbscript:msgbox(1))",
        "![ảnh](javascript:alert(1))",
        "<javascript:alert(1)>",
        "[bấm][r]\n\n[r]: javascript:alert(1)",
        "[bấm](data:text/html;base64,PHNjcmlwdD4=)",
    ] {
        let r = md(src);
        let lower = r.html.to_ascii_lowercase().replace(['\t', ' '], "");
        for scheme in ["javascript:", "vbscript:", "data:"] {
            assert!(
                !lower.contains(&format!("=\"{scheme}")),
                "{src} → {}",
                r.html
            );
        }
    }
    // Ordinary links are kept as written.
    let r = md(
        "[a](https://dichvucong.gov.vn/) [b](mailto:ubnd@x.gov.vn) [c](tel:0123) [d](/tin-tuc/)",
    );
    assert!(
        r.html.contains("href=\"https://dichvucong.gov.vn/\""),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("href=\"mailto:ubnd@x.gov.vn\""),
        "{}",
        r.html
    );
    assert!(r.html.contains("href=\"tel:0123\""), "{}", r.html);
    assert!(r.html.contains("href=\"/tin-tuc/\""), "{}", r.html);
}

#[test]
fn raw_html_blocks_are_read_whole_for_the_link_check() {
    // Body line 1 is file line 5 (see `page`).
    let r = md(
        "Mở đầu\n\n<div>\n<a class=\"nut\"\n   href=\"/lich-tiep-dan/\">Lịch</a>\n\
                <!--\n<a href=\"/trang-cu/\">cũ</a>\n-->\n<img\n src=\"anh.jpg\" alt=\"\">\n</div>\n",
    );
    let links: Vec<(&str, usize, usize)> = r
        .refs
        .links
        .iter()
        .map(|l| (l.url.as_str(), l.line, l.column))
        .collect();
    // The tag split over two lines is seen, at the line of its href; the commented-out
    // link is not a link.
    assert_eq!(links, [("/lich-tiep-dan/", 9, 10)]);
    let images: Vec<(&str, usize, bool)> = r
        .refs
        .images
        .iter()
        .map(|i| (i.url.as_str(), i.line, i.alt))
        .collect();
    assert_eq!(images, [("anh.jpg", 14, true)]);
}

#[test]
fn raw_html_in_a_quote_is_placed_at_its_line() {
    let r = md("> <div>\n> <a href=\"/a/\">a</a>\n> </div>\n");
    let links: Vec<(&str, usize)> = r
        .refs
        .links
        .iter()
        .map(|l| (l.url.as_str(), l.line))
        .collect();
    assert_eq!(links, [("/a/", 6)]);
}

fn with_documents(s: &str) -> Rendered {
    let mut ctx = LinkContext {
        base_path: "/".into(),
        resolver: Some("https://vb.example/?q={number}".into()),
        ..Default::default()
    };
    ctx.documents.add(
        "76/NQ-CP",
        Some(2021),
        Some("Chính phủ"),
        "/van-ban/nq-76/".into(),
    );
    ctx.documents
        .add("9/KH-UBND", Some(2025), None, "/ke-hoach/a/".into());
    ctx.documents
        .add("9/KH-UBND", Some(2025), None, "/ke-hoach/b/".into());
    render(s, &page(), &ctx).unwrap()
}

#[test]
fn a_citation_broken_over_lines_or_paragraphs_is_one() {
    let r = with_documents("Thực hiện Nghị quyết số\n76/NQ-CP ngày 15/7/2021 của Chính phủ.\n");
    assert!(
        r.html
            .contains("<a class=\"citation\" href=\"/van-ban/nq-76/\">Nghị quyết số\n76/NQ-CP ngày 15/7/2021</a>"),
        "{}",
        r.html
    );
    let r = with_documents("Thực hiện Nghị quyết số\n\n76/NQ-CP ngày 15/7/2021 của Chính phủ.\n");
    assert!(
        r.html.contains(
            "<p><a class=\"citation\" href=\"/van-ban/nq-76/\">76/NQ-CP ngày 15/7/2021</a>"
        ),
        "{}",
        r.html
    );
    assert_eq!(r.citations.len(), 1);
    assert_eq!(r.citations[0].doc_type, "Nghị quyết");
    // A heading between them parts them.
    let r = with_documents("Nghị quyết số\n\n## Mục\n\n76/NQ-CP\n");
    assert!(r.citations.is_empty());
}

#[test]
fn doubtful_citations_are_warnings_at_their_line() {
    let r = with_documents(
        "Mở đầu.\n\nTheo Kế hoạch số 9/KH-UBND ngày 3/3/2025 và Nghị quyết số 76/NQ-CP.\n",
    );
    let doubts: Vec<(usize, usize, bool)> = r
        .refs
        .doubts
        .iter()
        .map(|d| {
            (
                d.line,
                d.column,
                d.message.contains("/ke-hoach/a/, /ke-hoach/b/"),
            )
        })
        .collect();
    assert_eq!(doubts.len(), 2, "{:?}", r.refs.doubts);
    assert_eq!(doubts[0], (7, 6, true));
    assert!(r.refs.doubts[1].message.contains("76/NQ-CP"));
    // Neither is linked to a page; the central one goes to the resolver.
    assert!(!r.html.contains("/ke-hoach/a/"));
    assert!(r.html.contains("https://vb.example/?q=76%2FNQ-CP"));
}

/// A wide table scrolls sideways inside its wrapper, so the wrapper must be reachable by
/// keyboard and named for screen readers (axe `scrollable-region-focusable`): a focusable
/// region named after its number on the page, in the site's language.
#[test]
fn tables_scroll_in_a_focusable_named_region() {
    let body = "| A | B |\n|---|---|\n| 1 | 2 |\n\nGiữa.\n\n| C |\n|---|\n| 3 |\n";
    let r = md(body);
    assert!(
        r.html.contains(
            "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Bảng 1\"><table>"
        ),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("aria-label=\"Bảng 2\"><table>"),
        "{}",
        r.html
    );
    assert_eq!(r.html.matches("</table>\n</div>").count(), 2, "{}", r.html);
    let en = render(
        body,
        &page(),
        &LinkContext {
            base_path: "/".into(),
            table_label: "Table \"{n}\"".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        en.html.contains("aria-label=\"Table &quot;2&quot;\""),
        "{}",
        en.html
    );
    // Raw HTML sends the page through the sanitiser, which keeps the wrapper whole.
    let raw = md(&format!("<b>x</b>\n\n{body}"));
    assert!(
        raw.html.contains(
            "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Bảng 1\">"
        ),
        "{}",
        raw.html
    );
    // An editor's own div gets no tab stop nor role from it.
    let own = md("<div role=\"button\" tabindex=\"3\" aria-label=\"x\">y</div>\n");
    assert!(!own.html.contains("tabindex=\"3\""), "{}", own.html);
    assert!(!own.html.contains("role=\"button\""), "{}", own.html);
}
