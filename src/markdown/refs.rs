//! What a body links to and what it defines, gathered while the Markdown renders (from
//! the same events, never by reading the HTML again) so that `congbo check` and the build
//! can find links to nowhere, missing images, images without alt text and citations that
//! link nowhere at almost no cost.

use crate::error::Diagnostic;
use crate::text::address::{self, Address};
use crate::text::html_scan::decode_entities;

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
    /// Citations whose page could not be told (several pages fit, or the citation gives
    /// no year while pages have its number): warnings of the build and the check.
    pub doubts: Vec<Diagnostic>,
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
    /// Written in the editor's raw HTML (`<a href>`, `<img src>`), which congbo passes on
    /// as written: `@/…` addresses there are not rewritten.
    pub raw: bool,
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
    /// Issued by a local body (`-UBND`, `-HĐND`, …) and not on the site: no resolver
    /// would find it, so it is counted as "cited, not on the site".
    pub local: bool,
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
                raw: false,
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
            raw: false,
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

    /// Raw HTML at byte `offset` of the body: the ids it defines are anchors links may
    /// point to; its `<a href>` and `<img src>` are checked like Markdown links and images.
    /// An `<img>` with an `alt` attribute, even an empty one, has alt text: `alt=""` is how
    /// HTML marks an image as decoration (WCAG H67), which Markdown cannot say.
    pub(super) fn html(&mut self, html: &str, offset: usize) {
        self.html_block(&[(html, offset)]);
    }

    /// The lines of one HTML block (each with its byte offset), read as one text: a tag or
    /// a comment may run over several lines, and read line by line the second half of
    /// `<a⏎href="…">` was no tag, and a link inside a `<!--⏎…⏎-->` was taken for a live one.
    pub(super) fn html_block(&mut self, parts: &[(&str, usize)]) {
        let joined;
        let html = match parts {
            [(one, _)] => *one,
            _ => {
                joined = parts.iter().map(|p| p.0).collect::<String>();
                joined.as_str()
            }
        };
        // Where each part starts in `html`.
        let starts: Vec<usize> = parts
            .iter()
            .scan(0, |at, p| {
                let start = *at;
                *at += p.0.len();
                Some(start)
            })
            .collect();
        for tag in crate::text::html_scan::tags(html) {
            let attr = |name: &str| tag.attrs.iter().find(|a| a.name.eq_ignore_ascii_case(name));
            if let Some(id) = attr("id") {
                self.refs
                    .ids
                    .push(decode_entities(id.value(html)).into_owned());
            }
            let (is_link, is_image) = (
                tag.name.eq_ignore_ascii_case("a"),
                tag.name.eq_ignore_ascii_case("img"),
            );
            let Some(target) = (match (is_link, is_image) {
                (true, _) => attr("href"),
                (_, true) => attr("src"),
                _ => None,
            }) else {
                continue;
            };
            let written = target.value(html);
            let url = decode_entities(written.trim()).into_owned();
            if url.is_empty() || (is_link && !checkable(&url)) {
                continue;
            }
            let k = starts
                .partition_point(|&s| s <= target.value.start)
                .saturating_sub(1);
            let (text, offset) = parts[k];
            // A line of an HTML block is the source text itself; inside a quote or a list
            // the event drops the markers, and places fall back to the start of the line.
            let exact = self.md.get(offset..offset + text.len()) == Some(text);
            let at = offset
                + if exact {
                    target.value.start - starts[k]
                } else {
                    0
                };
            let (line, column) = self.place(at);
            let r = Ref {
                url,
                written: written.to_string(),
                line,
                column,
                alt: is_image && attr("alt").is_some(),
                raw: true,
            };
            if is_link {
                self.refs.links.push(r);
            } else {
                self.refs.images.push(r);
            }
        }
    }

    /// A citation that links nowhere, once per number.
    pub(super) fn unlinked(&mut self, number: &str, offset: usize, local: bool) {
        if self.refs.unlinked.iter().any(|u| u.number == number) {
            return;
        }
        let (line, column) = self.place(offset);
        self.refs.unlinked.push(Unlinked {
            number: number.to_string(),
            line,
            column,
            local,
        });
    }

    /// A citation whose page could not be told, at byte `offset` of the body of `file`.
    pub(super) fn doubt(
        &mut self,
        file: &std::path::Path,
        c: &crate::markdown::Citation,
        doubt: &crate::markdown::links::Doubt,
        offset: usize,
    ) {
        let (line, column) = self.place(offset);
        let message = doubt_message(c, doubt);
        self.refs
            .doubts
            .push(Diagnostic::at(file, line, column, message));
    }
}

/// What is said of a citation whose page could not be told, and what to write instead.
pub fn doubt_message(
    c: &crate::markdown::Citation,
    doubt: &crate::markdown::links::Doubt,
) -> String {
    use crate::markdown::links::Doubt;
    let number = &c.number;
    let pages = doubt.paths().join(", ");
    match doubt {
        Doubt::Several(_) => {
            let year = c.year.map(|y| y.to_string()).unwrap_or_default();
            crate::tr!(
                en: "the citation {number} of {year} fits several pages ({pages}), so it is linked to none of them: give each of those pages its own `number`, `date` and `authority`, or name the issuer after the number (\"{number} … của UBND tỉnh\")",
                vi: "trích dẫn {number} năm {year} khớp với nhiều trang ({pages}) nên không được liên kết đến trang nào: hãy cho mỗi trang đó `number`, `date` và `authority` riêng, hoặc ghi cơ quan ban hành sau số hiệu (\"{number} … của UBND tỉnh\")",
            )
        }
        Doubt::NoYear(_) => crate::tr!(
            en: "the citation {number} gives no year, so it is not linked to the page with that number ({pages}): numbers repeat every year; write the date after the number (\"{number} ngày 26/01/2026\") so that it links",
            vi: "trích dẫn {number} không có năm nên không được liên kết đến trang có số hiệu này ({pages}): số hiệu lặp lại mỗi năm; hãy ghi ngày ban hành sau số hiệu (\"{number} ngày 26/01/2026\") để có liên kết",
        ),
    }
}

/// Whether a link address is one to check: relative, root-relative or `http(s)://`, not
/// `mailto:`, `tel:`, `//host` and the like.
fn checkable(url: &str) -> bool {
    let kind = address::classify(url);
    kind == Address::Web || !kind.leaves_site()
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
        c.html("<a id=\"muc-a\"></a><span data-id=\"no\" id='muc-b'>", 0);
        assert_eq!(c.refs.ids, ["muc-a", "muc-b"]);
    }

    #[test]
    fn raw_html_links_and_images_are_collected_where_written() {
        let md = "Mở đầu\n\n<p>Xem <a href=\"/tin-tuc/?a=1&amp;b=2\">tin</a>, \
                  <a href=\"mailto:x@y.vn\">thư</a> <A HREF='#muc'>mục</A> <a name=x></a></p>\n\
                  <img src=\"anh.jpg\"> <img src=\"trang-tri.png\" alt=\"\">";
        let mut c = Collector::new(md, 3);
        let first = md.find("<p>").unwrap();
        let line = &md[first..md.find("\n<img").unwrap()];
        c.html(line, first);
        let last = md.find("<img").unwrap();
        c.html(&md[last..], last);
        let links: Vec<(&str, &str, usize, usize, bool)> = c
            .refs
            .links
            .iter()
            .map(|r| (r.url.as_str(), r.written.as_str(), r.line, r.column, r.raw))
            .collect();
        assert_eq!(
            links,
            [
                ("/tin-tuc/?a=1&b=2", "/tin-tuc/?a=1&amp;b=2", 5, 17, true),
                ("#muc", "#muc", 5, 90, true),
            ]
        );
        let images: Vec<(&str, usize, bool)> = c
            .refs
            .images
            .iter()
            .map(|r| (r.url.as_str(), r.column, r.alt))
            .collect();
        assert_eq!(
            images,
            [("anh.jpg", 11, false), ("trang-tri.png", 31, true)]
        );
    }

    #[test]
    fn raw_html_inside_a_quote_is_placed_at_its_event() {
        let md = "> <a href=\"/x/\">x</a>";
        let mut c = Collector::new(md, 1);
        c.html("<a href=\"/x/\">", 2);
        assert_eq!((c.refs.links[0].line, c.refs.links[0].column), (1, 12));
        let mut c = Collector::new(md, 1);
        c.html("<a href=\"/x/\">x</a>", 0);
        assert_eq!(
            c.refs.links[0].column, 1,
            "not the source text: the event's start"
        );
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
