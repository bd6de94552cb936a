//! Two people saved the same page: what the editor shows so that neither text is lost.
//! Both texts in full (the one on disk read-only, to copy from; the editor's own still in
//! the form), the lines that differ, and the two ways out: keep the form's text (save
//! again, which the page's new hash now allows) or keep the one on disk (open the page
//! again, dropping the form).

use super::PREFIX;
use crate::text::html::escape;

/// Past this many lines on either side, the diff is left out (it costs lines × lines).
const MAX_DIFF_LINES: usize = 3000;

/// One line of a diff.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Line<'a> {
    /// In both texts.
    Same(&'a str),
    /// Only on disk (theirs).
    Theirs(&'a str),
    /// Only in the form (yours).
    Yours(&'a str),
}

/// The lines of `theirs` and `yours` in order, each marked; `None` when too long to compare.
pub(super) fn diff<'a>(theirs: &'a str, yours: &'a str) -> Option<Vec<Line<'a>>> {
    let a: Vec<&str> = theirs.lines().collect();
    let b: Vec<&str> = yours.lines().collect();
    if a.len() > MAX_DIFF_LINES || b.len() > MAX_DIFF_LINES {
        return None;
    }
    // The longest common subsequence, from the ends, then read from the start.
    let w = b.len() + 1;
    let mut lcs = vec![0u32; (a.len() + 1) * w];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i * w + j] = if a[i] == b[j] {
                lcs[(i + 1) * w + j + 1] + 1
            } else {
                lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push(Line::Same(a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
            // Theirs first on a tie: what was there, then what replaces it.
            out.push(Line::Theirs(a[i]));
            i += 1;
        } else {
            out.push(Line::Yours(b[j]));
            j += 1;
        }
    }
    Some(out)
}

/// The lines that differ, as HTML, `−` for theirs and `+` for yours (by sign and words,
/// not by colour alone).
pub(super) fn diff_html(theirs: &str, yours: &str, theirs_name: &str, yours_name: &str) -> String {
    let Some(lines) = diff(theirs, yours) else {
        return String::new();
    };
    if lines.iter().all(|l| matches!(l, Line::Same(_))) {
        return "<p>Hai bản giống hệt nhau.</p>\n".to_string();
    }
    let mut out = format!(
        "<p>Dòng có dấu <strong>−</strong> chỉ có ở {}; dòng có dấu <strong>+</strong> chỉ có ở {}.</p>\n<pre class=\"khac-nhau\">",
        escape(theirs_name),
        escape(yours_name)
    );
    for l in lines {
        match l {
            Line::Same(t) => out.push_str(&format!("  {}\n", escape(t))),
            Line::Theirs(t) => out.push_str(&format!("<del>− {}</del>\n", escape(t))),
            Line::Yours(t) => out.push_str(&format!("<ins>+ {}</ins>\n", escape(t))),
        }
    }
    out.push_str("</pre>\n");
    out
}

/// The box above the form on a refused save: both texts, what differs, how to go on.
pub(super) fn panel(place: &str, disk: &str, mine: &str) -> String {
    format!(
        "<div class=\"loi-chung\" role=\"alert\"><h2>Trang đã bị sửa ở nơi khác</h2>\n\
         <p>Từ khi bạn mở biểu mẫu, tệp content/{place} đã được sửa (người khác, hoặc trình soạn thảo khác). \
         Chưa có gì bị ghi đè: bản trên đĩa ở ngay dưới đây, bản của bạn vẫn ở trong biểu mẫu.</p>\n\
         <ul>\n<li><strong>Giữ bản của bạn</strong>: chép những gì cần giữ từ bản trên đĩa vào biểu mẫu, rồi bấm Lưu.</li>\n\
         <li><strong>Giữ bản trên đĩa</strong>: <a href=\"{PREFIX}sua/{place}\">mở lại trang</a> (bỏ những gì bạn vừa gõ).</li>\n</ul>\n\
         <h3>Những dòng khác nhau</h3>\n{}\
         <label for=\"ban-tren-dia\">Bản trên đĩa (để chép)</label>\n\
         <textarea id=\"ban-tren-dia\" class=\"ban-tren-dia\" rows=\"12\" readonly>{}</textarea></div>\n",
        diff_html(disk, mine, "bản trên đĩa", "bản của bạn"),
        escape(disk),
        place = escape(place),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_diff_marks_what_each_side_alone_has() {
        let d = diff("a\nb\nc\n", "a\nx\nc\nd\n").unwrap();
        assert_eq!(
            d,
            [
                Line::Same("a"),
                Line::Theirs("b"),
                Line::Yours("x"),
                Line::Same("c"),
                Line::Yours("d")
            ]
        );
        assert!(diff("", "").unwrap().is_empty());
        let long = "x\n".repeat(MAX_DIFF_LINES + 1);
        assert!(diff(&long, "x").is_none());
    }

    #[test]
    fn the_panel_shows_both_texts_escaped_and_both_ways_out() {
        let p = panel("tin-tuc/mot.md", "<b>theirs</b>\n", "mine\n");
        assert!(p.contains("&lt;b&gt;theirs&lt;/b&gt;"), "{p}");
        assert!(p.contains("<del>− &lt;b&gt;theirs"), "{p}");
        assert!(p.contains("<ins>+ mine</ins>"), "{p}");
        assert!(p.contains("href=\"/_soan-thao/sua/tin-tuc/mot.md\""), "{p}");
    }
}
