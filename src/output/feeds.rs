//! RSS 2.0 and Atom feeds of news: one for the site, one per news section; and one pair
//! per bulletin section (`/ban-tin/atom.xml`), newest issue first, whose entries are
//! titled by the issue ("Bản tin CCHC số 03/2025 – …"): a reader's feed of bulletins is
//! read by number.

use crate::content::Kind;
use crate::output_file::{OutputData, OutputFile};
use crate::site::Site;
use crate::text::date::Date;
use crate::text::fold::match_key;
use crate::text::html;

/// Site feeds (`/rss.xml`, `/atom.xml`) and one pair per news section.
pub fn feeds(site: &Site) -> Vec<OutputFile> {
    let mut out = Vec::new();
    let news = site.pages_of(Kind::News);
    if !news.is_empty() {
        out.extend(pair(site, "/", &site.config.title, &news));
    }
    for s in &site.sections {
        let kind = s.section.kind;
        let has_feed = matches!(kind, Kind::News | Kind::Bulletin);
        if has_feed && !s.section.key.is_empty() && !s.pages.is_empty() {
            let title = format!("{} – {}", s.section.title, site.config.title);
            let pages = match kind {
                Kind::Bulletin => crate::site::bulletins::newest_first(site, &s.pages),
                _ => s.pages.clone(),
            };
            out.extend(pair(site, &s.section.path, &title, &pages));
        }
    }
    out
}

fn pair(site: &Site, base: &str, title: &str, pages: &[usize]) -> Vec<OutputFile> {
    let items: Vec<usize> = pages.iter().copied().take(site.config.feed_limit).collect();
    vec![
        OutputFile {
            path: format!("{base}rss.xml"),
            data: OutputData::Bytes(rss(site, base, title, &items).into_bytes()),
        },
        OutputFile {
            path: format!("{base}atom.xml"),
            data: OutputData::Bytes(atom(site, base, title, &items).into_bytes()),
        },
    ]
}

fn latest(site: &Site, items: &[usize]) -> Date {
    items
        .iter()
        .filter_map(|i| site.pages[*i].page.updated.or(site.pages[*i].page.date))
        .max()
        .unwrap_or(site.build_date)
}

/// An RSS 2.0 feed.
pub fn rss(site: &Site, base: &str, title: &str, items: &[usize]) -> String {
    let c = &site.config;
    let mut x = String::with_capacity(4096);
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
    x.push_str(&format!(
        "<title>{}</title>\n<link>{}</link>\n",
        escape(title),
        escape(&c.permalink(base))
    ));
    x.push_str(&format!(
        "<description>{}</description>\n<language>{}</language>\n",
        escape(&c.description),
        escape(&c.language)
    ));
    x.push_str(&format!(
        "<atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        escape(&c.permalink(&format!("{base}rss.xml")))
    ));
    x.push_str(&format!(
        "<lastBuildDate>{}</lastBuildDate>\n<generator>congbo</generator>\n",
        latest(site, items).rfc2822()
    ));
    for i in items {
        let p = &site.pages[*i];
        let link = c.permalink(&p.page.path);
        x.push_str("<item>\n");
        x.push_str(&format!(
            "<title>{}</title>\n<link>{}</link>\n<guid isPermaLink=\"true\">{}</guid>\n",
            escape(&entry_title(p)),
            escape(&link),
            escape(&link)
        ));
        if let Some(d) = p.page.date {
            x.push_str(&format!("<pubDate>{}</pubDate>\n", d.rfc2822()));
        }
        if let Some(a) = &p.page.author {
            x.push_str(&format!(
                "<dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">{}</dc:creator>\n",
                escape(a)
            ));
        }
        for t in categories(p) {
            x.push_str(&format!("<category>{}</category>\n", escape(t)));
        }
        x.push_str(&format!(
            "<description>{}</description>\n",
            escape(description(p))
        ));
        x.push_str("</item>\n");
    }
    x.push_str("</channel>\n</rss>\n");
    x
}

/// A page's tags then fields, each value once: a value in both (or spelt "hoá" in one and
/// "hóa" in the other) is one category, as the site's own tag pages count it.
fn categories(p: &crate::site::PageEntry) -> Vec<&str> {
    let mut seen = std::collections::HashSet::new();
    p.page
        .tags
        .iter()
        .chain(&p.page.fields)
        .filter(|t| seen.insert(match_key(t)))
        .map(String::as_str)
        .collect()
}

/// An entry's title: a bulletin's starts with its issue, "Bản tin CCHC số 03/2025 – ",
/// unless the editor's title already says it.
fn entry_title(p: &crate::site::PageEntry) -> std::borrow::Cow<'_, str> {
    match &p.page.bulletin {
        Some(b) if !match_key(&p.page.title).contains(&match_key(&b.label)) => {
            format!("{} – {}", b.label, p.page.title).into()
        }
        _ => p.page.title.as_str().into(),
    }
}

fn description(p: &crate::site::PageEntry) -> &str {
    p.page.description.as_deref().unwrap_or(&p.rendered.summary)
}

/// An Atom 1.0 feed.
pub fn atom(site: &Site, base: &str, title: &str, items: &[usize]) -> String {
    let c = &site.config;
    let mut x = String::with_capacity(4096);
    x.push_str(&format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n", escape(&c.language)));
    x.push_str(&format!("<title>{}</title>\n", escape(title)));
    x.push_str(&format!(
        "<link href=\"{}\" rel=\"self\" type=\"application/atom+xml\"/>\n",
        escape(&c.permalink(&format!("{base}atom.xml")))
    ));
    x.push_str(&format!(
        "<link href=\"{}\" rel=\"alternate\" type=\"text/html\"/>\n",
        escape(&c.permalink(base))
    ));
    x.push_str(&format!(
        "<id>{}</id>\n<updated>{}</updated>\n<generator>congbo</generator>\n",
        escape(&c.permalink(base)),
        latest(site, items).rfc3339()
    ));
    if !c.authority.is_empty() {
        x.push_str(&format!(
            "<author><name>{}</name></author>\n",
            escape(&c.authority)
        ));
    }
    for i in items {
        let p = &site.pages[*i];
        let link = c.permalink(&p.page.path);
        let updated = p.page.updated.or(p.page.date).unwrap_or(site.build_date);
        x.push_str("<entry>\n");
        x.push_str(&format!("<title>{}</title>\n<link href=\"{}\" rel=\"alternate\" type=\"text/html\"/>\n<id>{}</id>\n", escape(&entry_title(p)), escape(&link), escape(&link)));
        if let Some(d) = p.page.date {
            x.push_str(&format!("<published>{}</published>\n", d.rfc3339()));
        }
        x.push_str(&format!("<updated>{}</updated>\n", updated.rfc3339()));
        if let Some(a) = &p.page.author {
            x.push_str(&format!("<author><name>{}</name></author>\n", escape(a)));
        }
        for t in categories(p) {
            x.push_str(&format!("<category term=\"{}\"/>\n", escape(t)));
        }
        x.push_str(&format!(
            "<summary type=\"html\">{}</summary>\n",
            escape(description(p))
        ));
        x.push_str("</entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

/// Escapes text for XML, dropping the characters XML 1.0 forbids (control characters
/// other than tab and line ends, U+FFFE, U+FFFF): TOML lets an editor write `\u0001`, and
/// one such character makes a feed reader reject the whole feed.
fn escape(s: &str) -> String {
    let forbidden = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if s.contains(forbidden) {
        html::escape(&s.replace(forbidden, ""))
    } else {
        html::escape(s)
    }
}
