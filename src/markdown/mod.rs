//! The Markdown stage: one page body in, HTML and what the site model needs out (table of
//! contents, summary, citations, tables, word count). Pure: the whole-site knowledge it
//! needs comes in a [`LinkContext`]. [`bodies`] runs it over a whole site: the site's
//! link context, and every page and section body rendered in parallel.

pub mod bodies;
pub mod citation;
pub mod highlight;
pub mod links;
pub mod media;
pub mod refs;
pub mod sanitize;
mod state;
pub(crate) mod tab_tables;
pub mod tasks;

use pulldown_cmark::{Options, Parser};
use serde::Serialize;

use crate::error::Diagnostic;
pub use citation::Citation;
pub use links::LinkContext;
use state::State;

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
    /// A plan's tasks written as text, and what looked like a task but was not taken
    /// (empty for other pages).
    pub text_tasks: tasks::TextTasks,
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
    /// File line of each body row (0 when unknown).
    pub row_lines: Vec<usize>,
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
    /// The page is a plan: its tasks written as text are read (see [`tasks`]).
    pub plan: bool,
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
    // Tables pasted as text (cells between tabs) are tables, line for line.
    let md = tab_tables::as_pipe_tables(md);
    let md = md.as_ref();
    let mut st = State::default_for(ctx, page, md);
    for (event, range) in Parser::new_ext(md, options()).into_offset_iter() {
        st.event(event, range.start);
    }
    st.flush_text();
    if !st.errors.is_empty() {
        return Err(st.errors);
    }
    let mut html = exact_html(&st.out);
    let summary_end = st.more.or(st.first_para).unwrap_or(0);
    let mut summary = exact_html(&st.out[..summary_end]);
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
        text_tasks: if page.plan {
            tasks::read_text(md, page.body_line)
        } else {
            tasks::TextTasks::default()
        },
        word_count: st.words,
        refs: st.refs.refs,
    })
}

thread_local! {
    /// Each thread's buffer for a body's HTML, reused from page to page.
    static HTML: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The HTML of `events` in a string of its own length. The site keeps every page's body
/// and summary until the pages render, so it matters: written straight into a string, the
/// doubling left about a third of the bodies' memory unused.
fn exact_html(events: &[pulldown_cmark::Event<'_>]) -> String {
    HTML.with_borrow_mut(|buf| {
        buf.clear();
        pulldown_cmark::html::push_html(buf, events.iter().cloned());
        buf.as_str().to_owned()
    })
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
