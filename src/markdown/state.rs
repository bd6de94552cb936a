//! The walk over one body's events: [`State`] rewrites links, headings, code blocks and
//! citations as it goes, and gathers the table of contents, tables, words and references.

use std::collections::HashSet;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::{Citation, LinkContext, PageRef, Table, citation, count_words, highlight, refs};
use crate::error::{Diagnostic, line_col};
use crate::text::address::{self, Address};
use crate::text::slug::{slugify, unique_slug};

/// A heading being read: level, explicit id, classes, where its events start, its text.
type OpenHeading<'a> = (
    HeadingLevel,
    Option<CowStr<'a>>,
    Vec<CowStr<'a>>,
    usize,
    String,
);

/// Walks the event stream once, rewriting as it goes.
pub(super) struct State<'a> {
    ctx: &'a LinkContext,
    page: &'a PageRef<'a>,
    md: &'a str,
    pub(super) out: Vec<Event<'a>>,
    pub(super) errors: Vec<Diagnostic>,
    text: String,
    text_offset: usize,
    ids: HashSet<String>,
    pub(super) headings: Vec<(u8, String, String)>,
    heading: Option<OpenHeading<'a>>,
    code: Option<(String, String)>,
    link_depth: usize,
    depth: usize,
    pub(super) more: Option<usize>,
    pub(super) first_para: Option<usize>,
    pub(super) citations: Vec<Citation>,
    pub(super) tables: Vec<Table>,
    cell: Option<String>,
    row: Vec<String>,
    /// File line of the table row being read.
    row_line: usize,
    /// The offset of the last row met and its line in the body (0-based).
    row_at: (usize, usize),
    in_head: bool,
    pub(super) words: usize,
    /// The editor's own HTML was met: the page is sanitised.
    pub(super) raw_html: bool,
    /// The lines of the HTML block being read, with their offsets, for the link check.
    html_block: Option<Vec<(CowStr<'a>, usize)>>,
    pub(super) refs: refs::Collector<'a>,
    /// The type word the last paragraph ended with ("Nghị quyết số"), whose number may
    /// open the next one.
    dangling: Option<&'static str>,
    /// Where the paragraph being read starts in `out`, for a link alone in it that
    /// becomes a player ([`super::media`]).
    para_start: Option<usize>,
}

impl<'a> State<'a> {
    pub(super) fn default_for(ctx: &'a LinkContext, page: &'a PageRef<'a>, md: &'a str) -> Self {
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
            row_line: 0,
            row_at: (0, 0),
            in_head: false,
            words: 0,
            raw_html: false,
            html_block: None,
            refs: refs::Collector::new(md, page.body_line),
            dangling: None,
            para_start: None,
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

    pub(super) fn event(&mut self, event: Event<'a>, offset: usize) {
        if let Event::Text(t) = &event
            && self.code.is_none()
        {
            if self.text.is_empty() {
                self.text_offset = offset;
            }
            self.text.push_str(t);
            return;
        }
        // A line break inside a paragraph joins the text around it, so that a citation
        // broken over two lines ("Nghị quyết số⏎76/NQ-CP") is found whole; the break is
        // written as the "\n" it would have been.
        if matches!(event, Event::SoftBreak)
            && self.code.is_none()
            && self.heading.is_none()
            && !self.text.is_empty()
        {
            self.text.push('\n');
            return;
        }
        self.flush_text();
        // A blank line between "Nghị quyết số" and its number leaves them one citation;
        // anything but the paragraph's end and the next one's start parts them.
        if !matches!(
            event,
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
        ) {
            self.dangling = None;
        }
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
                match &mut self.html_block {
                    Some(lines) => lines.push((h.clone(), offset)),
                    None => self.refs.html(&h, offset),
                }
                self.raw_html = true;
                self.out.push(Event::Html(h));
            }
            Event::Start(Tag::HtmlBlock) => {
                self.html_block = Some(Vec::new());
                self.depth += 1;
                self.out.push(Event::Start(Tag::HtmlBlock));
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some(lines) = self.html_block.take() {
                    let parts: Vec<(&str, usize)> =
                        lines.iter().map(|(h, o)| (h.as_ref(), *o)).collect();
                    self.refs.html_block(&parts);
                }
                self.depth = self.depth.saturating_sub(1);
                self.out.push(Event::End(TagEnd::HtmlBlock));
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
                // A wide table scrolls sideways in its wrapper (the theme's `.table-wrap`):
                // keyboard users reach it by Tab and screen readers hear its name.
                let name = self.table_name(self.tables.len());
                let mut open = String::with_capacity(80 + name.len());
                open.push_str(
                    "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"",
                );
                crate::text::html::escape_into(&name, &mut open);
                open.push_str("\">");
                self.out.push(Event::Html(open.into()));
                self.out.push(Event::Start(Tag::Table(a)));
            }
            Event::End(TagEnd::Table) => {
                self.depth = self.depth.saturating_sub(1);
                self.out.push(Event::End(TagEnd::Table));
                self.out.push(Event::Html("</div>\n".into()));
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
            Event::Start(Tag::TableRow) => {
                // Kept for the warnings about a task row (an agency list it cannot split).
                // Counted on from the previous row: a table of a thousand rows is not
                // a thousand scans from the top.
                let (from, line) = self.row_at;
                let from = from.min(offset);
                let more = self
                    .md
                    .as_bytes()
                    .get(from..offset)
                    .map_or(0, |b| memchr::memchr_iter(b'\n', b).count());
                self.row_at = (offset, line + more);
                self.row_line = self.page.body_line + line + more;
                self.depth += 1;
                self.out.push(Event::Start(Tag::TableRow));
            }
            Event::End(TagEnd::TableRow) => {
                let row = std::mem::take(&mut self.row);
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(row);
                    t.row_lines.push(self.row_line);
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
                if tag == Tag::Paragraph {
                    self.para_start = Some(self.out.len());
                }
                self.out.push(Event::Start(tag));
            }
            Event::End(tag) => {
                self.depth = self.depth.saturating_sub(1);
                let is_para = tag == TagEnd::Paragraph;
                let player = is_para
                    .then(|| self.para_start.take())
                    .flatten()
                    .and_then(|start| {
                        let inner = self.out.get(start + 1..)?;
                        Some((
                            start,
                            super::media::paragraph(inner, self.ctx, self.page.path)?,
                        ))
                    });
                match player {
                    Some((start, html)) => {
                        self.out.truncate(start);
                        self.out.push(Event::Html(html.into()));
                    }
                    None => self.out.push(Event::End(tag)),
                }
                if is_para && self.depth == 0 && self.first_para.is_none() {
                    self.first_para = Some(self.out.len());
                }
            }
            other => self.out.push(other),
        }
    }

    /// The name of the page's `n`th table's scrolling region ("Bảng 2").
    fn table_name(&self, n: usize) -> String {
        let label = match self.ctx.table_label.as_str() {
            "" => "Bảng {n}",
            l => l,
        };
        label.replace("{n}", &n.to_string())
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
        if address::classify(dest) == Address::Refused {
            self.raw_html = true;
        }
    }

    fn capture_cell_text(&mut self, t: &str) {
        if let Some(cell) = &mut self.cell {
            cell.push_str(t);
        }
    }

    /// Emits merged text, linking citations outside code, links and headings.
    pub(super) fn flush_text(&mut self) {
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
        let found = match self.dangling.take() {
            Some(doc_type) => match citation::continued_citation(doc_type, &text) {
                Some(first) => {
                    let rest = first.range.end;
                    let mut found = vec![first];
                    found.extend(citation::find_citations(&text[rest..]).into_iter().map(
                        |mut c| {
                            c.range = c.range.start + rest..c.range.end + rest;
                            c
                        },
                    ));
                    found
                }
                None => citation::find_citations(&text),
            },
            None => citation::find_citations(&text),
        };
        self.dangling = citation::dangling_type(&text);
        if found.is_empty() {
            self.out.push(Event::Text(text.into()));
        } else {
            let mut html = String::with_capacity(text.len() + 64 * found.len());
            // Linking already looked each number up: what linked nowhere is reported.
            let notes = self
                .ctx
                .write_linked(&text, &found, self.page.path, &mut html);
            for n in notes {
                let at = self.text_offset + n.citation.range.start;
                // A doubt says it all: the page is there, the citation cannot tell it.
                if let Some(local) = n.nowhere.filter(|_| n.doubt.is_none()) {
                    self.refs.unlinked(&n.citation.resolver_query(), at, local);
                }
                if let Some(d) = &n.doubt {
                    self.refs.doubt(self.page.file, n.citation, d, at);
                }
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
