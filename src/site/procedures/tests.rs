use super::*;

#[test]
fn steps_are_the_numbered_list_under_the_trinh_tu_heading() {
    let html = "<p>Mở đầu.</p>\n<ol><li>Không phải bước</li></ol>\n\
                <h2 id=\"trinh-tu\">Trình tự thực hiện</h2>\n<p>Các bước:</p>\n\
                <ol>\n<li>Nộp <strong>tờ khai</strong>.</li>\n<li><p>Kiểm tra &amp; trả lời</p>\n<ul><li>con</li></ul></li>\n</ol>\n\
                <h2>Cách thức</h2><ol><li>Khác</li></ol>";
    assert_eq!(steps(html), ["Nộp tờ khai.", "Kiểm tra & trả lời con"]);
}

#[test]
fn no_heading_or_no_list_gives_no_steps() {
    assert!(steps("<h2>Thành phần</h2><ol><li>A</li></ol>").is_empty());
    assert!(steps("<h3>TRINH TU</h3><p>Văn bản.</p><h2>Sau</h2><ol><li>B</li></ol>").is_empty());
    assert!(steps("<h2>Trình tự").is_empty());
    assert_eq!(steps("<h3>TRÌNH TỰ</h3><ol><li>B</li>"), ["B"]);
}

#[test]
fn headings_are_found_among_other_tags_that_start_with_h() {
    // `<hr>`, `<header>`, `<h7>` and text after multi-byte letters are not headings.
    let html = "<header>Đầu</header><hr><h7>Trình tự</h7><ol><li>X</li></ol>\
                <p>Đường <b>hẻm</b></p><h4 class=\"a\">Trình <em>tự</em></h4>\
                <hr/><ol><li>Một</li><li>Hai</li></ol><h5>Sau</h5>";
    assert_eq!(steps(html), ["Một", "Hai"]);
    assert_eq!(find_heading(html, 0), html.find("<h4"));
    assert_eq!(find(html, 1, "<h"), html.find("<hr>"));
}
