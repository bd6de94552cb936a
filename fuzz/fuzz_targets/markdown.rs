//! Fuzzes the Markdown stage: rendering with internal links and legal citations (linked to
//! the site's own documents and to a resolver), tables read as plan tasks, the free-text
//! due column of each task, and the raw-HTML sanitiser. Invariants: no panic, no hang;
//! with `unsafe_html` off no `<script` and no `javascript:`/`vbscript:`/`data:` link or
//! image reaches the HTML; every citation's range is a real slice of the text.
#![no_main]

use std::path::Path;

use congbo::markdown::sanitize::HtmlPolicy;
use congbo::markdown::{self, LinkContext, PageRef, citation, tasks};
use congbo::text::due::parse_due;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let md = congbo::text::normalize::nfc(text);
    let mut ctx = LinkContext {
        base_path: "/cchc/".into(),
        resolver: Some("https://vb.example/?q={number}".into()),
        html: HtmlPolicy {
            unsafe_html: false,
            iframe_hosts: vec!["www.youtube.com".into()],
        },
        ..Default::default()
    };
    ctx.by_file
        .insert("van-ban/qd-1.md".into(), "/van-ban/qd-1/".into());
    ctx.documents.add(
        "01/2024/QĐ-UBND",
        Some(2024),
        Some("UBND xã Thử"),
        "/van-ban/qd-1/".into(),
    );
    let page = PageRef {
        file: Path::new("content/tin-tuc/a.md"),
        content_file: "tin-tuc/a.md",
        path: "/tin-tuc/a/",
        body_line: 4,
        // Half the inputs as a plan, whose tasks written as text are read too.
        plan: md.len() % 2 == 0,
    };
    for c in citation::find_citations(&md) {
        assert!(
            md.get(c.range.clone()).is_some(),
            "citation range {:?}",
            c.range
        );
    }
    let Ok(r) = markdown::render(&md, &page, &ctx) else {
        return;
    };
    for html in [&r.html, &r.summary] {
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "a script got through:\n{html}");
        // In tags only: text may say `href="vbscript:` (escaped, it is harmless there).
        for tag in tags(&lower) {
            for attr in ["href=\"", "src=\""] {
                for scheme in ["javascript:", "vbscript:", "data:"] {
                    assert!(
                        !tag.contains(&format!("{attr}{scheme}")),
                        "a {scheme} URL got through:\n{html}"
                    );
                }
            }
        }
    }
    for table in &r.tables {
        if let Some(list) = tasks::tasks_from_table(table) {
            for t in list {
                if let Some(due) = &t.due {
                    let _ = parse_due(due);
                }
            }
        }
    }
    // The due reader on the raw text too: it is free text an editor types.
    let _ = parse_due(&md);
});

/// The tags of serialised HTML (`<a href="…">`), quotes respected: text has no raw `<`,
/// and a `>` inside a quoted attribute value does not end its tag.
fn tags(html: &str) -> Vec<&str> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(start) = html[i..].find('<').map(|j| i + j) {
        let mut quote = None;
        let mut end = bytes.len();
        for (k, &b) in bytes.iter().enumerate().skip(start + 1) {
            match (quote, b) {
                (None, b'"' | b'\'') => quote = Some(b),
                (Some(q), b) if b == q => quote = None,
                (None, b'>') => {
                    end = k + 1;
                    break;
                }
                _ => {}
            }
        }
        out.push(&html[start..end]);
        i = end;
    }
    out
}
