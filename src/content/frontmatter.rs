//! Splits a content file into its TOML front matter and Markdown body, with the line
//! numbers later errors need. Pure string work: no disk.

/// A file cut into front matter and body.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// TOML text between the `+++` lines.
    pub front: &'a str,
    /// File line of the first front matter line (the line after the opening `+++`).
    pub front_line: usize,
    /// Markdown after the closing `+++`.
    pub body: &'a str,
    /// File line of the first body line.
    pub body_line: usize,
}

/// Why a file could not be split, with the 1-based line to point at.
#[derive(Debug, PartialEq, Eq)]
pub struct SplitError {
    /// Line of the problem.
    pub line: usize,
    /// Plain words.
    pub message: String,
}

/// Cuts `text` at its `+++` fences. The text must already be normalised (LF line ends).
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let first = text.lines().next().unwrap_or("").trim_end();
    if first == "---" {
        return Err(SplitError {
            line: 1,
            message: crate::tr!(
                en: "this file starts with `---` (YAML front matter); congbo reads TOML between two `+++` lines: write `+++`, then keys like `title = \"…\"`, then `+++`",
                vi: "tệp này bắt đầu bằng `---` (front matter kiểu YAML); congbo đọc TOML giữa hai dòng `+++`: hãy viết `+++`, rồi các khóa như `title = \"…\"`, rồi `+++`",
            ),
        });
    }
    if first != "+++" {
        return Err(SplitError {
            line: 1,
            message: crate::tr!(
                en: "the file must start with a `+++` line, then the front matter (title = \"…\"), then another `+++` line",
                vi: "tệp phải bắt đầu bằng một dòng `+++`, rồi phần khai báo (title = \"…\"), rồi một dòng `+++` nữa",
            ),
        });
    }
    let after_open = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = after_open;
    for (line, l) in (2..).zip(text[after_open..].split_inclusive('\n')) {
        if l.trim_end() == "+++" {
            let front = &text[after_open..offset];
            let body_start = offset + l.len();
            return Ok(Split {
                front,
                front_line: 2,
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        offset += l.len();
    }
    Err(SplitError {
        line: 1,
        message: crate::tr!(
            en: "the front matter opened with `+++` on line 1 is never closed: add a `+++` line after the last key",
            vi: "phần khai báo mở bằng `+++` ở dòng 1 chưa được đóng: hãy thêm một dòng `+++` sau khóa cuối cùng",
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines() {
        let s = split("+++\ntitle = \"A\"\n+++\n\nBody\n").unwrap();
        assert_eq!(s.front, "title = \"A\"\n");
        assert_eq!(s.front_line, 2);
        assert_eq!(s.body, "\nBody\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn empty_front_matter_and_no_body() {
        let s = split("+++\n+++").unwrap();
        assert_eq!(s.front, "");
        assert_eq!(s.body, "");
    }

    #[test]
    fn yaml_is_explained() {
        let e = split("---\ntitle: A\n---\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("YAML"));
    }

    #[test]
    fn missing_fences() {
        assert!(
            split("# Tiêu đề\n")
                .unwrap_err()
                .message
                .contains("must start")
        );
        assert!(
            split("+++\ntitle = \"A\"\n")
                .unwrap_err()
                .message
                .contains("never closed")
        );
        assert!(split("").is_err());
    }

    #[test]
    fn fence_with_trailing_spaces() {
        assert!(split("+++  \ntitle = \"A\"\n+++ \nx").is_ok());
    }
}
