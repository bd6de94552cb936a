//! What a body links to and what it defines, gathered while the Markdown renders (from
//! the same events, never by reading the HTML again) so that `congbo check` and the build
//! can find links to nowhere, missing images, images without alt text and citations that
//! link nowhere at almost no cost.

use crate::error::Diagnostic;

/// A body's links, images, anchors and unlinked citations.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Refs {
    /// Links, their address as rewritten (`/xa/tin-tuc/abc/#muc-1`, `#muc`, `https://…`).
    pub links: Vec<Ref>,
    /// Images, their address as rewritten.
    pub images: Vec<Ref>,
    /// Ids the editor's own HTML defines (`<a id="x">`); heading ids are in the toc.
    pub ids: Vec<String>,
    /// `@/…` and `….md` links to no page, when the link context defers them to the check.
    pub broken: Vec<Diagnostic>,
    /// Citations that link nowhere (no page has the number, no resolver is set): the first
    /// place of each number.
    pub unlinked: Vec<Unlinked>,
}

/// A link or image and where it is in the content file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ref {
    /// The address as written into the HTML.
    pub url: String,
    /// The address as the editor wrote it, for messages.
    pub written: String,
    /// File line (1-based).
    pub line: usize,
    /// Column in characters (1-based).
    pub column: usize,
    /// For an image: whether it has alt text.
    pub alt: bool,
}

/// A citation that links nowhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unlinked {
    /// The document number as cited (`23/CT-TTg`).
    pub number: String,
    /// File line.
    pub line: usize,
    /// Column.
    pub column: usize,
}

/// Collects [`Refs`] during one render; turns byte offsets into lines moving forward only,
/// so a page with many links is not scanned from its start for each one.
pub(super) struct Collector<'a> {
    md: &'a str,
    body_line: usize,
    from: usize,
    line: usize,
    open_image: Option<usize>,
    pub(super) refs: Refs,
}

impl<'a> Collector<'a> {
    pub(super) fn new(md: &'a str, body_line: usize) -> Self {
        Collector {
            md,
            body_line,
            from: 0,
            line: 1,
            open_image: None,
            refs: Refs::default(),
        }
    }

    /// File line and column of a byte offset in the body.
    pub(super) fn place(&mut self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.md.len());
        while !self.md.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.from {
            self.from = 0;
            self.line = 1;
        }
        self.line += memchr::memchr_iter(b'\n', &self.md.as_bytes()[self.from..offset]).count();
        self.from = offset;
        let line_start = self.md[..offset].rfind('\n').map_or(0, |i| i + 1);
        let column = self.md[line_start..offset].chars().count() + 1;
        (self.body_line + self.line - 1, column)
    }

    /// A link; only addresses a browser follows to a page or file are kept.
    pub(super) fn link(&mut self, written: &str, url: &str, offset: usize) {
        if checkable(url) {
            let (line, column) = self.place(offset);
            self.refs.links.push(Ref {
                url: url.to_string(),
                written: written.to_string(),
                line,
                column,
                alt: false,
            });
        }
    }

    /// An image starts; its alt text is the text until [`Collector::image_end`].
    pub(super) fn image(&mut self, written: &str, url: &str, offset: usize) {
        let (line, column) = self.place(offset);
        self.open_image = Some(self.refs.images.len());
        self.refs.images.push(Ref {
            url: url.to_string(),
            written: written.to_string(),
            line,
            column,
            alt: false,
        });
    }

    pub(super) fn image_end(&mut self) {
        self.open_image = None;
    }

    /// Text (or inline code) of the body; inside an image it is the alt text.
    pub(super) fn text(&mut self, text: &str) {
        if let Some(i) = self.open_image
            && !text.trim().is_empty()
            && let Some(img) = self.refs.images.get_mut(i)
        {
            img.alt = true;
        }
    }

    /// Raw HTML: the ids it defines are anchors links may point to.
    pub(super) fn html(&mut self, html: &str) {
        let mut rest = html;
        while let Some(i) = rest.find("id=") {
            let before = rest[..i].chars().next_back();
            rest = &rest[i + 3..];
            if before.is_some_and(|c| !c.is_ascii_whitespace()) {
                continue;
            }
            let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                continue;
            };
            if let Some(end) = rest[1..].find(quote) {
                self.refs.ids.push(rest[1..1 + end].to_string());
                rest = &rest[1 + end..];
            }
        }
    }

    /// A citation that links nowhere, once per number.
    pub(super) fn unlinked(&mut self, number: &str, offset: usize) {
        if self.refs.unlinked.iter().any(|u| u.number == number) {
            return;
        }
        let (line, column) = self.place(offset);
        self.refs.unlinked.push(Unlinked {
            number: number.to_string(),
            line,
            column,
        });
    }
}

/// Whether a link address is one to check: relative, root-relative or `http(s)://`, not
/// `mailto:`, `tel:` and the like.
fn checkable(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return true;
    }
    !url.starts_with("//")
        && !url
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("")
            .contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_file_lines_and_char_columns() {
        let md = "a\nđường [x](y)\n\nz [w](v)";
        let mut c = Collector::new(md, 5);
        assert_eq!(c.place(md.find("[x]").unwrap()), (6, 7));
        assert_eq!(c.place(md.find("[w]").unwrap()), (8, 3));
        assert_eq!(c.place(0), (5, 1), "going back starts over");
    }

    #[test]
    fn raw_html_ids_are_anchors() {
        let mut c = Collector::new("", 1);
        c.html("<a id=\"muc-a\"></a><span data-id=\"no\" id='muc-b'>");
        assert_eq!(c.refs.ids, ["muc-a", "muc-b"]);
    }

    #[test]
    fn only_page_and_file_links_are_checked() {
        for url in [
            "/a/",
            "#x",
            "anh.jpg",
            "../b/",
            "https://x.vn/",
            "HTTP://X.VN",
        ] {
            assert!(checkable(url), "{url}");
        }
        for url in ["mailto:a@b.vn", "tel:0123", "javascript:x", "//cdn.x/y"] {
            assert!(!checkable(url), "{url}");
        }
    }
}
