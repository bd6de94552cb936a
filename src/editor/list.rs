//! The list of every page, by section, newest first, as the build's content parser reads
//! them (so kinds, drafts and dates are the build's), with tone-insensitive search by
//! [`search_fold`] (the site search's folding), filters by kind and draft, and each page's
//! state: draft, published, or has errors (with the build's words).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::PREFIX;
use super::html::layout;
use crate::content::{self, Content, Kind, ParseOptions, walk};
use crate::error::Diagnostic;
use crate::text::fold::search_fold;
use crate::text::html::escape;

/// The site's content as the build reads it with drafts, and the errors of the files it
/// could not read (parsed again without them, so one broken page hides no other).
fn parse(root: &Path) -> (Content, Vec<Diagnostic>) {
    let Ok(files) = walk::read(root) else {
        return (Content::default(), Vec::new());
    };
    let opts = ParseOptions {
        drafts: true,
        language: None,
    };
    match content::parse(files.clone(), opts.clone()) {
        Ok(c) => (c, Vec::new()),
        Err(e) => {
            let broken: Vec<PathBuf> = e.0.iter().map(|d| d.file.clone()).collect();
            let mut rest = files;
            rest.sources.retain(|s| !broken.contains(&s.rel));
            (content::parse(rest, opts).unwrap_or_default(), e.0)
        }
    }
}

/// The site path of the page `rel` (under `content/`), when it parses.
pub(super) fn site_path(root: &Path, rel: &str) -> Option<String> {
    let file = Path::new("content").join(rel);
    let (c, _) = parse(root);
    c.pages.into_iter().find(|p| p.file == file).map(|p| p.path)
}

/// A row of the list.
struct Row {
    rel: String,
    title: String,
    kind: Kind,
    date: Option<crate::text::date::Date>,
    state: String,
    draft: bool,
    link: Option<String>,
}

fn param<'a>(query: &'a [(String, String)], key: &str) -> &'a str {
    query
        .iter()
        .find(|(k, _)| k == key)
        .map_or("", |(_, v)| v.as_str())
}

/// The list page.
pub(super) fn page(root: &Path, base_path: &str, query: &[(String, String)]) -> String {
    let (c, errors) = parse(root);
    let (q, kind, draft) = (
        param(query, "q"),
        param(query, "loai"),
        param(query, "nhap"),
    );
    let wanted = search_fold(q);
    let base = base_path.trim_end_matches('/');
    let mut by_section: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for p in &c.pages {
        let rel = p
            .file
            .strip_prefix("content")
            .unwrap_or(&p.file)
            .to_string_lossy()
            .replace('\\', "/");
        by_section.entry(p.section.clone()).or_default().push(Row {
            rel,
            title: p.title.clone(),
            kind: p.kind,
            date: p.date,
            state: if p.draft {
                "Bản nháp"
            } else {
                "Đã xuất bản"
            }
            .into(),
            draft: p.draft,
            link: Some(format!("{base}{}", p.path)),
        });
    }
    let mut seen = Vec::new();
    for d in &errors {
        let Ok(rel) = d.file.strip_prefix("content") else {
            continue;
        };
        if seen.contains(&d.file) || d.file.extension().is_none_or(|e| e != "md") {
            continue;
        }
        seen.push(d.file.clone());
        let rel = rel.to_string_lossy().replace('\\', "/");
        let section = rel.rsplit_once('/').map_or("", |(s, _)| s).to_string();
        let why = errors
            .iter()
            .filter(|e| e.file == d.file)
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("; ");
        by_section.entry(section).or_default().push(Row {
            title: rel.clone(),
            rel,
            kind: Kind::Page,
            date: None,
            state: format!("Có lỗi: {why}"),
            draft: false,
            link: None,
        });
    }
    let mut out = String::from("<h1>Các trang của trang web</h1>\n");
    out.push_str(&filters(q, kind, draft));
    let sections: BTreeMap<&str, (&str, Kind)> = c
        .sections
        .iter()
        .map(|s| (s.key.as_str(), (s.title.as_str(), s.kind)))
        .collect();
    for (key, (title, _)) in &sections {
        if !key.is_empty() {
            out.push_str(&format!(
                "<p><a href=\"{PREFIX}moi/{}\">+ Thêm trang mới vào «{}»</a></p>\n",
                escape(key),
                escape(title)
            ));
        }
    }
    let mut shown = 0;
    for (section, mut rows) in by_section {
        rows.retain(|r| {
            (wanted.is_empty() || search_fold(&r.title).contains(&wanted))
                && (kind.is_empty() || r.kind.name() == kind)
                && match draft {
                    "1" => r.draft,
                    "0" => !r.draft,
                    _ => true,
                }
        });
        if rows.is_empty() {
            continue;
        }
        // Newest first; undated pages after, by title.
        rows.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
        let name = sections
            .get(section.as_str())
            .map_or(section.as_str(), |(t, _)| t);
        out.push_str(&format!(
            "<h2>{}</h2>\n<table>\n<thead><tr><th scope=\"col\">Tiêu đề</th><th scope=\"col\">Loại</th>\
             <th scope=\"col\">Ngày</th><th scope=\"col\">Tình trạng</th></tr></thead>\n<tbody>\n",
            escape(if name.is_empty() { "Trang gốc" } else { name })
        ));
        for r in rows {
            shown += 1;
            let view = r.link.map_or(String::new(), |l| {
                format!(" · <a href=\"{}\">xem</a>", escape(&l))
            });
            out.push_str(&format!(
                "<tr><td><a href=\"{PREFIX}sua/{}\">{}</a>{view}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                escape(&r.rel),
                escape(&r.title),
                r.kind.label_vi(),
                r.date.map_or(String::new(), |d| d.list()),
                escape(&r.state)
            ));
        }
        out.push_str("</tbody>\n</table>\n");
    }
    if shown == 0 {
        out.push_str("<p>Không có trang nào khớp.</p>\n");
    }
    layout("Danh sách trang", &out)
}

/// The search and filter form (GET: works without JavaScript, and the address can be kept).
fn filters(q: &str, kind: &str, draft: &str) -> String {
    let option = |value: &str, label: &str, now: &str| {
        format!(
            "<option value=\"{value}\"{}>{label}</option>",
            if value == now { " selected" } else { "" }
        )
    };
    let kinds: String = std::iter::once(option("", "Mọi loại", kind))
        .chain(
            Kind::ALL
                .iter()
                .map(|k| option(k.name(), k.label_vi(), kind)),
        )
        .collect();
    let drafts = [("", "Tất cả"), ("1", "Bản nháp"), ("0", "Đã xuất bản")]
        .iter()
        .map(|(v, l)| option(v, l, draft))
        .collect::<String>();
    format!(
        "<form method=\"get\" action=\"{PREFIX}\" class=\"loc\" role=\"search\">\n\
         <div><label for=\"q\">Tìm theo tiêu đề</label><input type=\"text\" id=\"q\" name=\"q\" value=\"{}\"></div>\n\
         <div><label for=\"loai\">Loại</label><select id=\"loai\" name=\"loai\">{kinds}</select></div>\n\
         <div><label for=\"nhap\">Tình trạng</label><select id=\"nhap\" name=\"nhap\">{drafts}</select></div>\n\
         <div><button type=\"submit\">Lọc</button></div>\n</form>\n",
        escape(q)
    )
}
