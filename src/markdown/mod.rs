//! The Markdown stage: one page body in, HTML and what the site model needs out (table of
//! contents, summary, citations, tables, word count). Pure: the whole-site knowledge it
//! needs comes in a [`LinkContext`].

pub mod citation;
pub mod highlight;
pub mod links;
pub mod refs;
pub mod sanitize;
pub mod tasks;

use std::collections::HashSet;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::error::{Diagnostic, line_col};
use crate::text::slug::{slugify, unique_slug};
pub use citation::Citation;
pub use links::LinkContext;

/// A rendered body.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rendered {
    /// The whole body as HTML.
    pub html: String,
    /// The part before `<!-- more -->`, else the first paragraph, as HTML.
    pub summary: String,
    /// Headings, nested.
    pub toc: Vec<TocEntry>,
    /// Citations found in running text, in order.
    pub citations: Vec<Citation>,
    /// Tables, as cell text, for plans' task lists.
    pub tables: Vec<Table>,
    /// Words in the text.
    pub word_count: usize,
    /// Links, images, anchors and unlinked citations, for `congbo check`.
    pub refs: refs::Refs,
}

/// One heading in the table of contents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TocEntry {
    /// 1–6.
    pub level: u8,
    /// Anchor id.
    pub id: String,
    /// Heading text.
    pub title: String,
    /// Lower headings under it.
    pub children: Vec<TocEntry>,
}

/// A table's cell text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Header cells.
    pub header: Vec<String>,
    /// Body rows.
    pub rows: Vec<Vec<String>>,
}

/// Which page is being rendered, for links and errors.
pub struct PageRef<'a> {
    /// Content file relative to the site root, for errors.
    pub file: &'a std::path::Path,
    /// Content file relative to `content/`, for relative links.
    pub content_file: &'a str,
    /// The page's own site path (citations never link to it).
    pub path: &'a str,
    /// File line of the body's first line.
    pub body_line: usize,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders a Markdown body. Broken internal links are errors with their line.
pub fn render(
    md: &str,
    page: &PageRef<'_>,
    ctx: &LinkContext,
) -> Result<Rendered, Vec<Diagnostic>> {
    let mut st = State::default_for(ctx, page, md);
    for (event, range) in Parser::new_ext(md, options()).into_offset_iter() {
        st.event(event, range.start);
    }
    st.flush_text();
    if !st.errors.is_empty() {
        return Err(st.errors);
    }
    let mut html = String::with_capacity(md.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, st.out.iter().cloned());
    let summary_end = st.more.or(st.first_para).unwrap_or(0);
    let mut summary = String::new();
    pulldown_cmark::html::push_html(&mut summary, st.out[..summary_end].iter().cloned());
    if st.raw_html {
        html = sanitize::sanitize(&html, &ctx.html);
        summary = sanitize::sanitize(&summary, &ctx.html);
    }
    Ok(Rendered {
        html,
        summary,
        toc: nest(st.headings),
        citations: st.citations,
        tables: st.tables,
        word_count: st.words,
        refs: st.refs.refs,
    })
}

/// A heading being read: level, explicit id, classes, where its events start, its text.
type OpenHeading<'a> = (
    HeadingLevel,
    Option<CowStr<'a>>,
    Vec<CowStr<'a>>,
    usize,
    String,
);

/// Walks the event stream once, rewriting as it goes.
struct State<'a> {
    ctx: &'a LinkContext,
    page: &'a PageRef<'a>,
    md: &'a str,
    out: Vec<Event<'a>>,
    errors: Vec<Diagnostic>,
    text: String,
    text_offset: usize,
    ids: HashSet<String>,
    headings: Vec<(u8, String, String)>,
    heading: Option<OpenHeading<'a>>,
    code: Option<(String, String)>,
    link_depth: usize,
    depth: usize,
    more: Option<usize>,
    first_para: Option<usize>,
    citations: Vec<Citation>,
    tables: Vec<Table>,
    cell: Option<String>,
    row: Vec<String>,
    in_head: bool,
    words: usize,
    /// The editor's own HTML was met: the page is sanitised.
    raw_html: bool,
    refs: refs::Collector<'a>,
}

impl<'a> State<'a> {
    fn default_for(ctx: &'a LinkContext, page: &'a PageRef<'a>, md: &'a str) -> Self {
        State {
            ctx,
            page,
            md,
            out: Vec::new(),
            errors: Vec::new(),
            text: String::new(),
            text_offset: 0,
            ids: HashSet::new(),
            headings: Vec::new(),
            heading: None,
            code: None,
            link_depth: 0,
            depth: 0,
            more: None,
            first_para: None,
            citations: Vec::new(),
            tables: Vec::new(),
            cell: None,
            row: Vec::new(),
            in_head: false,
            words: 0,
            raw_html: false,
            refs: refs::Collector::new(md, page.body_line),
        }
    }

    fn error(&mut self, offset: usize, message: String) {
        let (line, col) = line_col(self.md, offset);
        self.errors.push(Diagnostic::at(
            self.page.file,
            self.page.body_line + line - 1,
            col,
            message,
        ));
    }

    fn event(&mut self, event: Event<'a>, offset: usize) {
        if let Event::Text(t) = &event
            && self.code.is_none()
        {
            if self.text.is_empty() {
                self.text_offset = offset;
            }
            self.text.push_str(t);
            return;
        }
        self.flush_text();
        match event {
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => {
                self.heading = Some((level, id, classes, self.out.len(), String::new()));
                self.depth += 1;
            }
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => l.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((lang, String::new()));
            }
            Event::Text(t) if self.code.is_some() => {
                if let Some((_, buf)) = &mut self.code {
                    buf.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, code)) = self.code.take() {
                    self.out
                        .push(Event::Html(highlight::code_block(&lang, &code).into()));
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = match self.ctx.resolve_link(&dest_url, self.page.content_file) {
                    Ok(d) => {
                        self.refs.link(&dest_url, &d, offset);
                        d
                    }
                    Err(m) => {
                        self.broken_link(offset, m);
                        dest_url.to_string()
                    }
                };
                self.link_depth += 1;
                self.check_scheme(&dest);
                self.out.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url: dest.into(),
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Link) => {
                self.link_depth = self.link_depth.saturating_sub(1);
                self.out.push(Event::End(TagEnd::Link));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = self
                    .ctx
                    .resolve_link(&dest_url, self.page.content_file)
                    .unwrap_or_else(|_| dest_url.to_string());
                self.refs.image(&dest_url, &dest, offset);
                self.link_depth += 1;
                self.check_scheme(&dest);
                self.out.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url: dest.into(),
                    title,
                    id,
                }));
            }
            Event::End(TagEnd::Image) => {
                self.refs.image_end();
                self.link_depth = self.link_depth.saturating_sub(1);
                self.out.push(Event::End(TagEnd::Image));
            }
            Event::Html(h) | Event::InlineHtml(h) if h.trim() == "<!-- more -->" => {
                if self.more.is_none() {
                    self.more = Some(self.out.len());
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                self.refs.html(&h);
                self.raw_html = true;
                self.out.push(Event::Html(h));
            }
            Event::Code(c) => {
                self.refs.text(&c);
                self.capture_cell_text(&c);
                if let Some(h) = &mut self.heading {
                    h.4.push_str(&c);
                }
                self.out.push(Event::Code(c));
            }
            Event::Start(Tag::Table(a)) => {
                self.tables.push(Table::default());
                self.out.push(Event::Start(Tag::Table(a)));
            }
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.out.push(Event::Start(Tag::TableHead));
            }
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                let header = std::mem::take(&mut self.row);
                if let Some(t) = self.tables.last_mut() {
                    t.header = header;
                }
                self.out.push(Event::End(TagEnd::TableHead));
            }
            Event::End(TagEnd::TableRow) => {
                let row = std::mem::take(&mut self.row);
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(row);
                }
                self.out.push(Event::End(TagEnd::TableRow));
            }
            Event::Start(Tag::TableCell) => {
                self.cell = Some(String::new());
                self.out.push(Event::Start(Tag::TableCell));
            }
            Event::End(TagEnd::TableCell) => {
                let cell = self.cell.take().unwrap_or_default();
                self.row
                    .push(cell.split_whitespace().collect::<Vec<_>>().join(" "));
                self.out.push(Event::End(TagEnd::TableCell));
            }
            Event::SoftBreak | Event::HardBreak => {
                self.capture_cell_text(" ");
                self.out.push(event);
            }
            Event::Start(tag) => {
                self.depth += 1;
                self.out.push(Event::Start(tag));
            }
            Event::End(tag) => {
                self.depth = self.depth.saturating_sub(1);
                let is_para = tag == TagEnd::Paragraph;
                self.out.push(Event::End(tag));
                if is_para && self.depth == 0 && self.first_para.is_none() {
                    self.first_para = Some(self.out.len());
                }
            }
            other => self.out.push(other),
        }
    }

    /// An `@/…` or `….md` link to no page: an error of the render, or, when the check
    /// stage reports it (and may be told to only warn), recorded for it.
    fn broken_link(&mut self, offset: usize, message: String) {
        if self.ctx.defer_broken {
            let (line, column) = self.refs.place(offset);
            let d = Diagnostic::at(self.page.file, line, column, message);
            self.refs.refs.broken.push(d);
        } else {
            self.error(offset, message);
        }
    }

    /// A link or image to a `javascript:` (or any other unusual scheme) address is treated
    /// like raw HTML: the page goes through the sanitiser, which drops the address. Markdown
    /// links are not raw HTML, but `[bấm](javascript:…)` runs a script all the same.
    fn check_scheme(&mut self, dest: &str) {
        if !links::plain_scheme(dest) {
            self.raw_html = true;
        }
    }

    fn capture_cell_text(&mut self, t: &str) {
        if let Some(cell) = &mut self.cell {
            cell.push_str(t);
        }
    }

    /// Emits merged text, linking citations outside code, links and headings.
    fn flush_text(&mut self) {
        if self.text.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.text);
        self.refs.text(&text);
        self.words += count_words(&text);
        if let Some(cell) = &mut self.cell {
            cell.push_str(&text);
        }
        if let Some(h) = &mut self.heading {
            h.4.push_str(&text);
            self.out.push(Event::Text(text.into()));
            return;
        }
        if self.link_depth > 0 {
            self.out.push(Event::Text(text.into()));
            return;
        }
        let found = citation::find_citations(&text);
        if found.is_empty() {
            self.out.push(Event::Text(text.into()));
        } else {
            let mut html = String::with_capacity(text.len() + 64 * found.len());
            // Linking already looked each number up: what linked nowhere is reported.
            let unlinked = self
                .ctx
                .write_linked(&text, &found, self.page.path, &mut html);
            for c in unlinked {
                self.refs
                    .unlinked(&c.number, self.text_offset + c.range.start);
            }
            self.citations.extend(found);
            self.out.push(Event::InlineHtml(html.into()));
        }
    }

    fn end_heading(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        let Some((level, id, classes, start, title)) = self.heading.take() else {
            return;
        };
        let title = title.trim().to_string();
        let id = match id {
            Some(id) => {
                self.ids.insert(id.to_string());
                id.to_string()
            }
            None => unique_slug(&slugify(&title), &mut self.ids),
        };
        self.headings.push((level as u8, id.clone(), title));
        let inner: Vec<Event<'a>> = self.out.drain(start..).collect();
        self.out.push(Event::Start(Tag::Heading {
            level,
            id: Some(id.into()),
            classes,
            attrs: vec![],
        }));
        self.out.extend(inner);
        self.out.push(Event::End(TagEnd::Heading(level)));
    }
}

/// Words in `text`, counted on ASCII whitespace: text was normalised on read, which turned
/// the other Unicode spaces into plain ones. This runs over every text node of every page
/// (6 instructions a byte as a byte loop, 6% of a build), so on x86_64 it takes 16 bytes at
/// a time with SSE2, which every x86_64 processor has.
fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    #[cfg(target_arch = "x86_64")]
    {
        let whole = bytes.len() / 16 * 16;
        let (words, prev_space) = count_words_sse2(&bytes[..whole]);
        words + count_words_scalar(&bytes[whole..], prev_space)
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        count_words_scalar(bytes, true)
    }
}

/// Word starts in `bytes` (a non-space after a space, or first when `prev_space`).
fn count_words_scalar(bytes: &[u8], mut prev_space: bool) -> usize {
    let mut words = 0;
    for &b in bytes {
        let space = b.is_ascii_whitespace();
        words += usize::from(prev_space && !space);
        prev_space = space;
    }
    words
}

/// [`count_words_scalar`] over whole 16-byte blocks; also says whether the last byte was
/// a space.
#[cfg(target_arch = "x86_64")]
fn count_words_sse2(bytes: &[u8]) -> (usize, bool) {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let mut words = 0;
    let mut prev_space = true;
    for block in bytes.chunks_exact(16) {
        // SAFETY: SSE2 is part of the x86_64 baseline, and `block` is 16 readable bytes
        // (an unaligned load).
        let mask = unsafe {
            let v = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
            // `u8::is_ascii_whitespace`: space, tab, line feed, form feed, carriage return.
            let eq = |c: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(c as i8));
            let space = _mm_or_si128(
                _mm_or_si128(
                    _mm_or_si128(eq(b' '), eq(b'\t')),
                    _mm_or_si128(eq(b'\n'), eq(0x0C)),
                ),
                eq(b'\r'),
            );
            _mm_movemask_epi8(space) as u32
        };
        // A word starts where a byte is not a space and the byte before it is.
        let before_is_space = (mask << 1) | u32::from(prev_space);
        words += (!mask & before_is_space & 0xFFFF).count_ones() as usize;
        prev_space = mask & 0x8000 != 0;
    }
    (words, prev_space)
}

/// Nests a flat heading list by level.
fn nest(flat: Vec<(u8, String, String)>) -> Vec<TocEntry> {
    let mut root: Vec<TocEntry> = Vec::new();
    for (level, id, title) in flat {
        let entry = TocEntry {
            level,
            id,
            title,
            children: Vec::new(),
        };
        let mut list = &mut root;
        while list.last().is_some_and(|last| last.level < level) {
            list = &mut list.last_mut().expect("checked above").children;
        }
        list.push(entry);
    }
    root
}

#[cfg(test)]
mod tests;
