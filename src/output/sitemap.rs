//! `sitemap.xml`, `robots.txt` and alias redirect pages.

use crate::output_file::{OutputData, OutputFile};
use crate::render::views::pager_path;
use crate::site::Site;
use crate::text::html::escape;

/// Every page, section, list page, event month page and taxonomy page, with the date it
/// last changed.
pub fn sitemap(site: &Site) -> OutputFile {
    sitemap_of(&[site])
}

/// One sitemap for the sites of every language, the main language's URLs first.
pub fn sitemap_of(sites: &[&Site]) -> OutputFile {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for site in sites {
        for (path, last) in entries(site) {
            x.push_str(&format!(
                "<url><loc>{}</loc>",
                escape(&site.config.permalink(&path))
            ));
            if let Some(l) = last {
                x.push_str(&format!("<lastmod>{l}</lastmod>"));
            }
            x.push_str("</url>\n");
        }
    }
    x.push_str("</urlset>\n");
    OutputFile {
        path: "/sitemap.xml".into(),
        data: OutputData::Bytes(x.into_bytes()),
    }
}

/// A site's paths with their last change, sorted.
fn entries(site: &Site) -> Vec<(String, Option<String>)> {
    let c = &site.config;
    let mut entries: Vec<(String, Option<String>)> = Vec::new();
    for s in &site.sections {
        let last = s
            .pages
            .iter()
            .filter_map(|i| site.pages[*i].page.updated.or(site.pages[*i].page.date))
            .max();
        entries.push((s.section.path.clone(), last.map(|d| d.iso())));
        if s.section.kind == crate::content::Kind::Event {
            let months = crate::site::events::by_month(site, &s.pages);
            entries.extend(
                months
                    .into_iter()
                    .map(|(m, _)| (crate::site::events::month_path(&s.section.path, m), None)),
            );
        }
    }
    for p in &site.pages {
        entries.push((
            p.page.path.clone(),
            p.page.updated.or(p.page.date).map(|d| d.iso()),
        ));
    }
    if !site.agencies.is_empty() {
        entries.push((crate::site::agencies::AGENCY_SECTION.to_string(), None));
        entries.extend(site.agencies.iter().map(|a| (a.path.clone(), None)));
    }
    if let Some(p) = site.documents_index_path() {
        entries.push((p, None));
    }
    for t in site.taxonomies.iter().filter(|t| !t.terms.is_empty()) {
        entries.push((t.path.clone(), None));
        for term in &t.terms {
            let pages = term.pages.len().div_ceil(c.paginate_by).max(1);
            entries.extend((1..=pages).map(|n| (pager_path(&term.path, n), None)));
        }
    }
    entries.sort();
    entries.dedup();
    entries
}

/// `robots.txt`, pointing at the sitemap.
pub fn robots(site: &Site) -> OutputFile {
    let text = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.config.permalink("/sitemap.xml")
    );
    OutputFile {
        path: "/robots.txt".into(),
        data: OutputData::Bytes(text.into_bytes()),
    }
}

/// A small page at each alias that sends readers (and search engines) to the page, and at
/// the path each agency spelling had before it was grouped under another name.
pub fn aliases(site: &Site) -> Vec<OutputFile> {
    let mut out = Vec::new();
    for a in &site.agencies {
        let target = site.config.permalink(&a.path);
        for path in &a.redirects {
            out.push(OutputFile {
                path: format!("{path}index.html"),
                data: OutputData::Bytes(redirect_html(&target, &site.config).into_bytes()),
            });
        }
    }
    for p in &site.pages {
        let target = site.config.permalink(&p.page.path);
        for a in &p.page.aliases {
            out.push(OutputFile {
                path: crate::content::urls::file_of(a),
                data: OutputData::Bytes(redirect_html(&target, &site.config).into_bytes()),
            });
        }
    }
    out
}

/// The HTML of a redirect page, in the language of `config`.
pub fn redirect_html(target: &str, config: &crate::config::Config) -> String {
    let t = escape(target);
    let lang = escape(&config.language);
    let title = escape(&config.strings.label("redirect_title", "Trang đã chuyển"));
    let text = escape(
        &config
            .strings
            .label("redirect_text", "Trang này đã chuyển đến"),
    );
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
         <link rel=\"canonical\" href=\"{t}\">\n<meta name=\"robots\" content=\"noindex\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={t}\">\n</head>\n<body>\n\
         <p>{text} <a href=\"{t}\">{t}</a>.</p>\n</body>\n</html>\n"
    )
}
