//! Errors as values: every problem a build finds is a [`Diagnostic`] that names the file,
//! the line and column where known, and says in plain words what was expected. Stages
//! collect them into [`Diagnostics`] so one build reports every error at once.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem found in the editor's input, with where it is and what to write instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, relative to the site root where possible (`content/tin-tuc/abc.md`).
    pub file: PathBuf,
    /// 1-based line, 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub column: usize,
    /// Plain words: what is wrong and what was expected.
    pub message: String,
}

impl Diagnostic {
    /// A problem at a known place in a file.
    pub fn at(
        file: impl Into<PathBuf>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.into(),
            line,
            column,
            message: message.into(),
        }
    }

    /// A problem with a whole file (it could not be read, or two files clash).
    pub fn file(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::at(file, 0, 0, message)
    }

    /// A problem with what was typed on the command line, which is no file's: printed as
    /// `error: …` alone, not as if a file named `content` were wrong.
    pub fn command(message: impl Into<String>) -> Self {
        Self::at(PathBuf::new(), 0, 0, message)
    }

    /// An I/O failure, worded for the person who runs the build.
    pub fn io(path: &Path, what: &str, err: &std::io::Error) -> Self {
        // `what` is written by the code, in English (a short phrase the callers share);
        // the system's own words in `err` stay as the system wrote them.
        match io_action_vi(what) {
            Some(vi) if crate::lang::current() == crate::lang::Lang::Vi => {
                Self::file(path, format!("không thể {vi}: {err}"))
            }
            _ => Self::file(path, format!("could not {what}: {err}")),
        }
    }
}

/// The Vietnamese of the actions [`Diagnostic::io`] is called with; `None` for a new one
/// not listed yet (its message then stays in English; a test lists every call's phrase).
fn io_action_vi(what: &str) -> Option<&'static str> {
    Some(match what {
        "create" => "tạo tệp",
        "create a folder" => "tạo thư mục",
        "create the staging folder" => "tạo thư mục tạm để ghi trang",
        "move a file into place" => "chuyển tệp vào chỗ",
        "put the output in place" => "đặt thư mục trang vào chỗ",
        "read this file" => "đọc tệp này",
        "remove a file of an earlier build" => "xóa tệp của lần dựng trước",
        "remove a half-built file" => "xóa tệp dựng dở",
        "remove a staged file" => "xóa tệp tạm",
        "remove the build journal" => "xóa sổ ghi quá trình dựng trang",
        "restore the previous output" => "khôi phục bản trang trước",
        "write" => "ghi tệp",
        "write the build journal" => "ghi sổ ghi quá trình dựng trang",
        _ => return None,
    })
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = crate::tr!(en: "error", vi: "lỗi");
        if self.file.as_os_str().is_empty() {
            return write!(f, "{word}: {}", self.message);
        }
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        write!(f, ": {word}: {}", self.message)
    }
}

/// Every problem of one build, in a stable order (by file, then line).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Adds one problem.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Adds all problems of another stage.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// Whether nothing went wrong.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Turns "no problems" into `Ok(value)`, anything else into `Err(self)`, sorted.
    pub fn into_result<T>(mut self, value: T) -> Result<T, Diagnostics> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            self.0
                .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
            self.0.dedup();
            Err(self)
        }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        let n = self.0.len();
        let s = if n == 1 { "" } else { "s" };
        f.write_str(&crate::tr!(
            en: "{n} error{s} found.",
            vi: "{n} lỗi.",
        ))
    }
}

/// Both results, or every error of either: stages that do not depend on each other (content
/// and templates) are run both, so one build reports all their errors together.
pub fn both<A, B>(
    a: Result<A, Diagnostics>,
    b: Result<B, Diagnostics>,
) -> Result<(A, B), Diagnostics> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => {
            let mut errors = Diagnostics::default();
            if let Err(e) = a {
                errors.extend(e);
            }
            if let Err(e) = b {
                errors.extend(e);
            }
            // Sorted for a stable report; at least one side failed, so this is never empty.
            Err(errors.into_result(()).err().unwrap_or_default())
        }
    }
}

/// Turns a byte offset in `text` into a 1-based (line, column), counting columns in characters.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// [`line_col`] for many offsets of one text: the line starts are found once, so a file
/// with thousands of errors costs one pass, not one pass per error.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        Self { text, starts }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// The 1-based (line, column) of byte `offset`, as [`line_col`] counts them.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line(offset);
        let start = self.starts[line - 1];
        (line, line_col(&self.text[start..], offset - start).1)
    }

    /// The text of 1-based `line`, without its line end (`""` past the end).
    pub fn text(&self, line: usize) -> &'a str {
        let Some(&start) = self.starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let end = self.starts.get(line).map_or(self.text.len(), |&e| e - 1);
        self.text.get(start..end).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars_not_bytes() {
        let t = "a\nđườngx";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 2), (2, 1));
        let x = t.find('x').unwrap();
        assert_eq!(line_col(t, x), (2, 6));
    }

    #[test]
    fn line_index_agrees_with_line_col() {
        let t = "a = 1\nđường = \"x\"\n\nz";
        let idx = LineIndex::new(t);
        for off in 0..=t.len() {
            if t.is_char_boundary(off) {
                assert_eq!(idx.line_col(off), line_col(t, off), "offset {off}");
            }
        }
        assert_eq!(idx.text(2), "đường = \"x\"");
        assert_eq!(idx.text(3), "");
        assert_eq!(idx.text(4), "z");
        assert_eq!(idx.text(9), "");
        assert_eq!(idx.text(0), "");
    }

    #[test]
    fn display_names_file_line_column() {
        let d = Diagnostic::at("content/a.md", 3, 7, "unknown key `titel`");
        assert_eq!(
            d.to_string(),
            "content/a.md:3:7: error: unknown key `titel`"
        );
        assert_eq!(Diagnostic::file("x.md", "m").to_string(), "x.md: error: m");
    }

    #[test]
    fn every_io_action_has_its_vietnamese() {
        // The phrases are written at each call; a new one must be added to the table.
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut seen = 0;
        for e in walkdir::WalkDir::new(src)
            .into_iter()
            .filter_map(Result::ok)
        {
            // This file names the call in its own code and test.
            if e.path().extension().is_none_or(|x| x != "rs") || e.path().ends_with("error.rs") {
                continue;
            }
            let text = std::fs::read_to_string(e.path()).unwrap();
            for call in text.split("Diagnostic::io(").skip(1) {
                let Some(phrase) = call.split('"').nth(1) else {
                    continue;
                };
                if call
                    .split('"')
                    .next()
                    .is_some_and(|before| before.contains(')'))
                {
                    continue;
                }
                seen += 1;
                assert!(
                    io_action_vi(phrase).is_some(),
                    "{}: \"{phrase}\" has no Vietnamese in io_action_vi",
                    e.path().display()
                );
            }
        }
        assert!(seen > 10, "the calls were found ({seen})");
    }

    #[test]
    fn both_keeps_every_error_of_either_side() {
        let e = |f: &str| Err::<(), _>(Diagnostics::from(Diagnostic::file(f, "x")));
        assert!(both(Ok::<_, Diagnostics>(1), Ok::<_, Diagnostics>(2)).is_ok());
        let err = both(e("b.md"), e("a.md")).unwrap_err();
        let files: Vec<_> = err
            .0
            .iter()
            .map(|d| d.file.to_string_lossy().to_string())
            .collect();
        assert_eq!(files, vec!["a.md", "b.md"]);
        assert_eq!(
            both(Ok::<_, Diagnostics>(1), e("c.md"))
                .unwrap_err()
                .0
                .len(),
            1
        );
    }

    #[test]
    fn into_result_sorts_by_place() {
        let mut ds = Diagnostics::default();
        ds.push(Diagnostic::at("b.md", 1, 1, "x"));
        ds.push(Diagnostic::at("a.md", 9, 1, "y"));
        ds.push(Diagnostic::at("a.md", 2, 1, "z"));
        let err = ds.into_result(()).unwrap_err();
        let files: Vec<_> = err
            .0
            .iter()
            .map(|d| (d.file.to_string_lossy().to_string(), d.line))
            .collect();
        assert_eq!(
            files,
            vec![("a.md".into(), 2), ("a.md".into(), 9), ("b.md".into(), 1)]
        );
    }
}
