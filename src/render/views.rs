//! Typed, serialisable views of the site model: what templates see. Views borrow from the
#![allow(missing_docs)] // Field names are the template contract, documented in the README.
//! model (bodies are `&str`), and list pages get summaries, never whole bodies.

use serde::Serialize;

use crate::config::{Config, Contact};
use crate::content::Kind;
use crate::content::page::{DossierDoc, Signer};
use crate::markdown::TocEntry;
use crate::site::{PageEntry, SectionEntry, Site};
use crate::text::date::Date;

/// `site`: available in every template.
#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub base_url: &'a str,
    pub base_path: &'a str,
    pub home_url: &'a str,
    pub language: &'a str,
    pub authority: &'a str,
    pub parent_authority: &'a str,
    pub contact: &'a Contact,
    pub menu: Vec<MenuView>,
    pub sections: Vec<SectionLink<'a>>,
    pub taxonomies: Vec<LinkView<'a>>,
    pub feed_rss: Option<String>,
    pub feed_atom: Option<String>,
    pub build_date: Date,
    pub build_year: i32,
    pub extra: &'a serde_json::Value,
}

/// A menu entry, with its URL resolved for the base path.
#[derive(Serialize)]
pub struct MenuView {
    pub name: String,
    pub url: String,
    /// Site path it matches, for marking the current entry (`/tin-tuc/`).
    pub path: String,
    pub external: bool,
}

/// A title and a URL.
#[derive(Serialize)]
pub struct LinkView<'a> {
    pub title: &'a str,
    pub url: String,
}

/// A link to a section.
#[derive(Serialize)]
pub struct SectionLink<'a> {
    pub title: &'a str,
    pub url: String,
    pub path: &'a str,
    pub kind: Kind,
    pub count: usize,
}

/// A taxonomy term with its URL and page count.
#[derive(Serialize)]
pub struct TermLink<'a> {
    pub name: &'a str,
    pub url: String,
    pub count: usize,
}

/// A featured image.
#[derive(Serialize)]
pub struct ImageView<'a> {
    pub url: String,
    pub alt: &'a str,
}

/// A downloadable file of a page bundle.
#[derive(Serialize)]
pub struct FileView {
    pub name: String,
    pub url: String,
    pub size: u64,
    /// "37 KB", "1,2 MB".
    pub size_text: String,
    /// "DOCX", "PDF".
    pub ext: String,
    /// Whether the file is in the bundle (false: the editor named a file that is not there).
    pub exists: bool,
}

/// A page in a list: no body, only its summary.
#[derive(Serialize)]
pub struct PageSummary<'a> {
    pub title: &'a str,
    pub url: String,
    pub permalink: String,
    pub kind: Kind,
    pub date: Option<Date>,
    pub updated: Option<Date>,
    pub description: Option<&'a str>,
    pub summary: &'a str,
    pub image: Option<ImageView<'a>>,
    pub tags: Vec<TermLink<'a>>,
    pub fields: Vec<TermLink<'a>>,
    pub number: Option<&'a str>,
    pub authority: Option<&'a str>,
    pub code: Option<&'a str>,
    pub field: Option<&'a str>,
    pub online: Option<&'a str>,
}

/// `page`: a page with its body.
#[derive(Serialize)]
pub struct PageView<'a> {
    #[serde(flatten)]
    pub summary: PageSummary<'a>,
    pub path: &'a str,
    pub content: &'a str,
    pub toc: &'a [TocEntry],
    pub word_count: usize,
    pub reading_time: usize,
    pub author: Option<&'a str>,
    pub source: Option<&'a str>,
    pub section: SectionLink<'a>,
    pub newer: Option<PageSummary<'a>>,
    pub older: Option<PageSummary<'a>>,
    pub files: Vec<FileView>,
    pub plan: Option<PlanView<'a>>,
    pub procedure: Option<ProcedureView<'a>>,
    pub extra: &'a serde_json::Value,
}

/// A start and end date.
#[derive(Serialize)]
pub struct PeriodView {
    pub start: Date,
    pub end: Date,
}

/// Plan (and document) details.
#[derive(Serialize)]
pub struct PlanView<'a> {
    pub place: Option<&'a str>,
    pub period: Option<PeriodView>,
    pub signer: Option<&'a Signer>,
    pub recipients: &'a [String],
    pub attachments: Vec<FileView>,
    pub tasks: Vec<TaskView<'a>>,
    /// Legal basis entries as HTML with their citations linked.
    pub basis: Vec<String>,
}

/// A task of a plan, with its due text read into a period where it could be.
#[derive(Serialize)]
pub struct TaskView<'a> {
    pub name: &'a str,
    pub lead: Option<&'a str>,
    pub partners: &'a [String],
    pub quantity: Option<&'a str>,
    pub due: Option<&'a str>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub ongoing: bool,
}

/// Procedure details.
#[derive(Serialize)]
pub struct ProcedureView<'a> {
    pub code: Option<&'a str>,
    pub field: Option<&'a str>,
    pub field_url: Option<String>,
    pub agency: Option<&'a str>,
    pub level: Option<&'a str>,
    /// `toàn trình`, `một phần` or empty.
    pub online: &'a str,
    /// `full`, `partial` or `none`, for styling the badge.
    pub online_class: &'static str,
    pub online_url: Option<&'a str>,
    pub ways: &'a [String],
    pub processing_time: Option<&'a str>,
    pub fee: Option<&'a str>,
    pub subjects: &'a [String],
    pub result: Option<&'a str>,
    /// Legal basis entries as HTML with their citations linked.
    pub legal_basis: Vec<String>,
    pub documents: Vec<DossierView<'a>>,
}

/// One paper of a dossier.
#[derive(Serialize)]
pub struct DossierView<'a> {
    pub name: &'a str,
    pub originals: u32,
    pub copies: u32,
    pub form: Option<FileView>,
}

/// Where the reader is in a paginated list.
#[derive(Serialize)]
pub struct PaginatorView {
    pub current: usize,
    pub total_pages: usize,
    pub total_items: usize,
    pub first: String,
    pub last: String,
    pub prev: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PagerLink>,
}

/// One numbered link of a paginator.
#[derive(Serialize)]
pub struct PagerLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
}

/// `section`: a section list page.
#[derive(Serialize)]
pub struct SectionView<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub url: String,
    pub permalink: String,
    pub path: &'a str,
    pub kind: Kind,
    pub content: &'a str,
    pub pages: Vec<PageSummary<'a>>,
    pub subsections: Vec<SectionLink<'a>>,
    pub paginator: PaginatorView,
    pub extra: &'a serde_json::Value,
}

/// A procedure field on the home page and the procedures index.
#[derive(Serialize)]
pub struct FieldGroup<'a> {
    pub name: &'a str,
    pub url: Option<String>,
    pub procedures: Vec<PageSummary<'a>>,
}

/// `home`: what the home page lists.
#[derive(Serialize)]
pub struct HomeView<'a> {
    pub news: Vec<PageSummary<'a>>,
    pub plans: Vec<PageSummary<'a>>,
    pub documents: Vec<PageSummary<'a>>,
    pub procedure_fields: Vec<FieldGroup<'a>>,
    pub procedures_total: usize,
    pub news_url: Option<String>,
    pub plans_url: Option<String>,
    pub procedures_url: Option<String>,
    pub documents_url: Option<String>,
}

/// `taxonomy`: a taxonomy's list of terms.
#[derive(Serialize)]
pub struct TaxonomyView<'a> {
    pub name: &'a str,
    pub title: &'a str,
    pub url: String,
    pub terms: Vec<TermLink<'a>>,
}

/// `term`: one term's pages.
#[derive(Serialize)]
pub struct TermView<'a> {
    pub name: &'a str,
    pub url: String,
    pub permalink: String,
    pub pages: Vec<PageSummary<'a>>,
    pub paginator: PaginatorView,
}

/// Builds views from the model; holds what every view needs.
pub struct Views<'a> {
    pub site: &'a Site,
}

impl<'a> Views<'a> {
    fn config(&self) -> &'a Config {
        &self.site.config
    }

    /// The `site` view.
    pub fn site_view(&self) -> SiteView<'a> {
        let c = self.config();
        let has_news = self.site.pages.iter().any(|p| p.page.kind == Kind::News);
        SiteView {
            title: &c.title,
            description: &c.description,
            base_url: &c.base_url,
            base_path: &c.base_path,
            home_url: &c.base_path,
            language: &c.language,
            authority: &c.authority,
            parent_authority: &c.parent_authority,
            contact: &c.contact,
            menu: c
                .menu
                .iter()
                .map(|m| {
                    let external = m.url.contains("://");
                    MenuView {
                        name: m.name.clone(),
                        url: if external {
                            m.url.clone()
                        } else {
                            c.url(&m.url)
                        },
                        path: if external {
                            String::new()
                        } else {
                            format!("/{}", m.url.trim_start_matches('/'))
                        },
                        external,
                    }
                })
                .collect(),
            sections: self
                .site
                .sections
                .iter()
                .filter(|s| s.section.parent.as_deref() == Some(""))
                .map(|s| self.section_link(s))
                .collect(),
            taxonomies: self
                .site
                .taxonomies
                .iter()
                .filter(|t| !t.terms.is_empty())
                .map(|t| LinkView {
                    title: t.title,
                    url: c.url(&t.path),
                })
                .collect(),
            feed_rss: has_news.then(|| c.url("/rss.xml")),
            feed_atom: has_news.then(|| c.url("/atom.xml")),
            build_date: self.site.build_date,
            build_year: self.site.build_date.year,
            extra: &c.extra,
        }
    }

    /// A link to a section.
    pub fn section_link(&self, s: &'a SectionEntry) -> SectionLink<'a> {
        SectionLink {
            title: &s.section.title,
            url: self.config().url(&s.section.path),
            path: &s.section.path,
            kind: s.section.kind,
            count: s.pages.len(),
        }
    }

    fn terms(&self, tax: usize, names: &'a [String]) -> Vec<TermLink<'a>> {
        let t = &self.site.taxonomies[tax];
        names
            .iter()
            .filter_map(|n| {
                t.term(n).map(|term| TermLink {
                    name: n,
                    url: self.config().url(&term.path),
                    count: term.pages.len(),
                })
            })
            .collect()
    }

    fn image(&self, e: &'a PageEntry) -> Option<ImageView<'a>> {
        let img = e.page.image.as_deref()?;
        let url = if img.contains("://") {
            img.to_string()
        } else if let Some(rest) = img.strip_prefix('/') {
            self.config().url(rest)
        } else {
            self.config().url(&format!("{}{}", e.page.path, img))
        };
        Some(ImageView {
            url,
            alt: e.page.image_alt.as_deref().unwrap_or(""),
        })
    }

    /// A page in a list.
    pub fn summary(&self, i: usize) -> PageSummary<'a> {
        let e = &self.site.pages[i];
        let p = &e.page;
        let proc = p.procedure.as_ref();
        PageSummary {
            title: &p.title,
            url: self.config().url(&p.path),
            permalink: self.config().permalink(&p.path),
            kind: p.kind,
            date: p.date,
            updated: p.updated,
            description: p.description.as_deref(),
            summary: &e.rendered.summary,
            image: self.image(e),
            tags: self.terms(0, &p.tags),
            fields: self.terms(1, &p.fields),
            number: p.number.as_deref(),
            authority: p.authority.as_deref(),
            code: proc.and_then(|x| x.code.as_deref()),
            field: proc.and_then(|x| x.field.as_deref()),
            online: proc.map(|x| x.online.as_str()).filter(|s| !s.is_empty()),
        }
    }

    /// A bundle file named in front matter (`form`, `attachments`), or a missing one.
    pub fn file(&self, e: &PageEntry, name: &str) -> FileView {
        let found = e.files.iter().find(|(n, _, _)| n == name);
        let (url, size) = match found {
            Some((_, path, size)) => (self.config().url(path), *size),
            None => (self.config().url(&format!("{}{}", e.page.path, name)), 0),
        };
        FileView {
            name: name.to_string(),
            url,
            size,
            size_text: size_text(size),
            ext: name
                .rsplit_once('.')
                .map(|(_, x)| x.to_uppercase())
                .unwrap_or_default(),
            exists: found.is_some(),
        }
    }

    /// The `page` view.
    pub fn page(&self, i: usize, link_basis: &dyn Fn(&str, &str) -> String) -> PageView<'a> {
        let e = &self.site.pages[i];
        let p = &e.page;
        let section = &self.site.sections[e.section];
        PageView {
            summary: self.summary(i),
            path: &p.path,
            content: &e.rendered.html,
            toc: &e.rendered.toc,
            word_count: e.rendered.word_count,
            reading_time: e.rendered.word_count.div_ceil(200).max(1),
            author: p.author.as_deref(),
            source: p.source.as_deref(),
            section: self.section_link(section),
            newer: e.newer.map(|n| self.summary(n)),
            older: e.older.map(|n| self.summary(n)),
            files: e.files.iter().map(|(n, _, _)| self.file(e, n)).collect(),
            plan: p.plan.as_ref().map(|m| PlanView {
                place: m.place.as_deref(),
                period: m.period.map(|(start, end)| PeriodView { start, end }),
                signer: m.signer.as_ref(),
                recipients: &m.recipients,
                attachments: m.attachments.iter().map(|a| self.file(e, a)).collect(),
                tasks: self.site.tasks[i]
                    .iter()
                    .map(|t| TaskView {
                        name: &t.name,
                        lead: t.lead.as_deref(),
                        partners: &t.partners,
                        quantity: t.quantity.as_deref(),
                        due: t.due.as_deref(),
                        start: t.start,
                        end: t.end,
                        ongoing: t.ongoing,
                    })
                    .collect(),
                basis: m.basis.iter().map(|b| link_basis(b, &p.path)).collect(),
            }),
            procedure: p.procedure.as_ref().map(|m| ProcedureView {
                code: m.code.as_deref(),
                field: m.field.as_deref(),
                field_url: m
                    .field
                    .as_ref()
                    .and_then(|f| self.terms(1, std::slice::from_ref(f)).pop().map(|t| t.url)),
                agency: m.agency.as_deref(),
                level: m.level.as_deref(),
                online: &m.online,
                online_class: online_class(&m.online),
                online_url: m.online_url.as_deref(),
                ways: &m.ways,
                processing_time: m.processing_time.as_deref(),
                fee: m.fee.as_deref(),
                subjects: &m.subjects,
                result: m.result.as_deref(),
                legal_basis: m
                    .legal_basis
                    .iter()
                    .map(|b| link_basis(b, &p.path))
                    .collect(),
                documents: m
                    .documents
                    .iter()
                    .map(|d: &'a DossierDoc| DossierView {
                        name: &d.name,
                        originals: d.originals,
                        copies: d.copies,
                        form: d.form.as_ref().map(|f| self.file(e, f)),
                    })
                    .collect(),
            }),
            extra: &p.extra,
        }
    }
}

fn online_class(online: &str) -> &'static str {
    let k = crate::text::fold::search_fold(online);
    if k.contains("toan trinh") {
        "full"
    } else if k.contains("mot phan") {
        "partial"
    } else {
        "none"
    }
}

/// A file size as Vietnamese readers write it: "37 KB", "1,2 MB".
pub fn size_text(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        let tenths = (bytes * 10).div_ceil(1024 * 1024);
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
}

/// Paginator for page `current` (1-based) of `total_items`, at `base` (`/tin-tuc/`).
pub fn paginator(
    config: &Config,
    base: &str,
    current: usize,
    total_items: usize,
    per_page: usize,
) -> PaginatorView {
    let total_pages = total_items.div_ceil(per_page).max(1);
    let url = |n: usize| {
        if n == 1 {
            config.url(base)
        } else {
            config.url(&format!("{base}trang/{n}/"))
        }
    };
    PaginatorView {
        current,
        total_pages,
        total_items,
        first: url(1),
        last: url(total_pages),
        prev: (current > 1).then(|| url(current - 1)),
        next: (current < total_pages).then(|| url(current + 1)),
        pages: (1..=total_pages)
            .map(|n| PagerLink {
                number: n,
                url: url(n),
                current: n == current,
            })
            .collect(),
    }
}

/// The site path of page `n` of a list at `base`.
pub fn pager_path(base: &str, n: usize) -> String {
    if n == 1 {
        base.to_string()
    } else {
        format!("{base}trang/{n}/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(size_text(500), "500 B");
        assert_eq!(size_text(37 * 1024), "37 KB");
        assert_eq!(size_text(1_258_291), "1,2 MB");
    }
}
