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
