//! Views of what congbo knows about the commune's domain: agencies and their tasks, cited
//! documents, a plan's timeline by quarter, schema.org JSON-LD, and the QR code of a
//! procedure's posting sheet.

use serde::Serialize;
use serde_json::json;

pub use super::timeline::{TimelineRow, TimelineView, timeline};
use super::{LinkView, PaginatorView, TaskView, Views};
use crate::content::page::ImageRef;
use crate::site::agencies::{Agency, Role};
use crate::site::documents::CitedDocument;
use crate::site::tasks::Task;
use crate::text::date::Date;
use crate::text::push_decimal;
use crate::text::status::TaskStatus;

/// An agency in the agency index.
#[derive(Serialize)]
pub struct AgencyLink<'a> {
    pub name: &'a str,
    pub url: String,
    pub lead_count: usize,
    pub partner_count: usize,
    pub overdue_count: usize,
}

/// A task on an agency's page: the task as every view shows it, and the plan it is in.
#[derive(Serialize)]
pub struct AgencyTaskView<'a> {
    #[serde(flatten)]
    pub task: TaskView<'a>,
    pub role: Role,
    pub plan_title: &'a str,
    pub plan_url: String,
    pub plan_number: Option<&'a str>,
}

/// How many tasks are done, of how many: shown when any task has a status.
#[derive(Serialize)]
pub struct ProgressView {
    pub done: usize,
    pub total: usize,
}

/// The progress of `tasks`, or `None` when no task has a status (nothing was reported).
pub fn progress<'t>(tasks: impl Iterator<Item = &'t Task>) -> Option<ProgressView> {
    let (mut done, mut total, mut any) = (0, 0, false);
    for t in tasks {
        total += 1;
        any |= t.status.is_some();
        done += usize::from(t.status == Some(TaskStatus::Done));
    }
    any.then_some(ProgressView { done, total })
}

/// Whether a task list needs a status column: some task has a status, a result or a
/// report, or is unreported.
pub fn shows_status<'t>(mut tasks: impl Iterator<Item = &'t Task>) -> bool {
    tasks.any(|t| t.status.is_some() || t.result.is_some() || t.report.is_some() || t.unreported())
}

/// `agency`: one agency's page.
#[derive(Serialize)]
pub struct AgencyView<'a> {
    pub name: &'a str,
    pub url: String,
    pub permalink: String,
    /// This page's slice of the tasks, nearest due first.
    pub tasks: Vec<AgencyTaskView<'a>>,
    /// Tasks on all its pages.
    pub task_count: usize,
    /// Done of all its tasks, when any of them has a status.
    pub progress: Option<ProgressView>,
    /// Its tasks need a status column ([`shows_status`]).
    pub show_status: bool,
    pub paginator: PaginatorView,
}

/// A cited document in the documents index and in "cited by" lists.
#[derive(Serialize)]
pub struct CitedDocumentView<'a> {
    /// The number, or a law's type and name when it is cited by name alone.
    pub number: &'a str,
    pub doc_type: &'a str,
    pub date: Option<Date>,
    /// Who issued it: the own page's `authority`, else as a citation names it.
    pub issuer: Option<&'a str>,
    /// Title of the site's own page for it, if any.
    pub title: Option<&'a str>,
    /// The own page, else the resolver, else none.
    pub url: Option<String>,
    pub own_page: bool,
    /// The pages citing it, newest first: all, or the first few when `cited_list` lists
    /// them all.
    pub cited_by: Vec<LinkView<'a>>,
    /// How many pages cite it.
    pub cited_count: usize,
    /// URL of its list of every citing page, when `cited_by` shows only the first few.
    pub cited_list: Option<String>,
}

impl<'a> Views<'a> {
    /// The agency index.
    pub fn agency_links(&self) -> Vec<AgencyLink<'a>> {
        self.site
            .agencies
            .iter()
            .map(|a| AgencyLink {
                name: &a.name,
                url: self.site.config.url(&a.path),
                lead_count: a.tasks.iter().filter(|t| t.role == Role::Lead).count(),
                partner_count: a.tasks.iter().filter(|t| t.role == Role::Partner).count(),
                overdue_count: a.tasks.iter().filter(|t| t.overdue).count(),
            })
            .collect()
    }

    /// Every task of an agency, from every plan.
    fn agency_tasks(&self, a: &'a Agency) -> impl Iterator<Item = &'a Task> + 'a {
        let tasks = &self.site.tasks;
        (a.tasks.iter()).filter_map(move |at| tasks.get(at.plan)?.get(at.task))
    }

    /// Page `page` (1-based) of one agency's tasks, `per_page` tasks a page.
    pub fn agency(&self, a: &'a Agency, page: usize, per_page: usize) -> AgencyView<'a> {
        let c = &self.site.config;
        let path = super::pager_path(&a.path, page);
        AgencyView {
            name: &a.name,
            url: c.url(&path),
            permalink: c.permalink(&path),
            task_count: a.tasks.len(),
            progress: progress(self.agency_tasks(a)),
            show_status: shows_status(self.agency_tasks(a)),
            paginator: super::paginator(c, &a.path, page, a.tasks.len(), per_page),
            tasks: super::page_slice(&a.tasks, page, per_page)
                .iter()
                .filter_map(|at| {
                    let plan = &self.site.pages.get(at.plan)?.page;
                    let t = self.site.tasks.get(at.plan)?.get(at.task)?;
                    Some(AgencyTaskView {
                        task: TaskView::of(t, |p| c.url(p)),
                        role: at.role,
                        plan_title: &plan.title,
                        plan_url: c.url(&plan.path),
                        plan_number: plan.number.as_deref(),
                    })
                })
                .collect(),
        }
    }

    /// A cited document with its links.
    pub fn cited_document(
        &self,
        d: &'a CitedDocument,
        resolver_url: Option<String>,
    ) -> CitedDocumentView<'a> {
        let c = &self.site.config;
        let own = d.page.and_then(|i| self.site.pages.get(i));
        let (cited_by, cited_list) = self.citers(d);
        CitedDocumentView {
            number: crate::site::documents::shown_number(d),
            doc_type: &d.doc_type,
            date: d.date,
            issuer: own
                .and_then(|p| p.page.authority.as_deref())
                .or(d.issuer.as_deref()),
            title: own.map(|p| p.page.title.as_str()),
            url: own.map(|p| c.url(&p.page.path)).or(resolver_url),
            own_page: own.is_some(),
            cited_by,
            cited_count: d.cited_by.len(),
            cited_list,
        }
    }

    /// The pages that cite page `i` (by its `number`): as [`Views::citers`] gives them,
    /// with how many there are.
    pub fn cited_by(&self, i: usize) -> (Vec<LinkView<'a>>, usize, Option<String>) {
        match self.site.documents.iter().find(|d| d.page == Some(i)) {
            Some(d) => {
                let (links, list) = self.citers(d);
                (links, d.cited_by.len(), list)
            }
            None => (Vec::new(), 0, None),
        }
    }

    /// Links to the pages citing `d`, newest first, and the URL of its list of them all:
    /// those [`CitedDocument::shown_citers`] names.
    pub fn citers(&self, d: &'a CitedDocument) -> (Vec<LinkView<'a>>, Option<String>) {
        let c = &self.site.config;
        let list = d.list.as_deref().filter(|_| self.citation_lists);
        let links = d
            .shown_citers(self.citation_lists)
            .iter()
            .filter_map(|j| self.site.pages.get(*j))
            .map(|p| LinkView {
                title: &p.page.title,
                url: c.url(&p.page.path),
            })
            .collect();
        (links, list.map(|l| c.url(l)))
    }

    pub(super) fn image_permalink(&self, i: usize) -> Option<String> {
        let p = &self.site.pages.get(i)?.page;
        match p.image_ref()? {
            ImageRef::External(img) => Some(img.to_string()),
            ImageRef::Site(path) => Some(self.site.config.permalink(&path)),
            ImageRef::Outside => None,
        }
    }

    /// schema.org JSON-LD describing the site's owner.
    pub fn organization_json_ld(&self) -> String {
        let c = &self.site.config;
        let contact = &c.contact;
        let mut v = json!({
            "@context": "https://schema.org",
            "@type": "GovernmentOrganization",
            "name": c.owner_name(),
            "url": c.base_url,
        });
        if let Some(a) = &contact.address {
            v["address"] = json!(a);
        }
        if let Some(t) = contact.phone.as_ref().or(contact.hotline.as_ref()) {
            v["telephone"] = json!(t);
        }
        if let Some(e) = &contact.email {
            v["email"] = json!(e);
        }
        if !c.parent_authority.is_empty() {
            v["parentOrganization"] =
                json!({"@type": "GovernmentOrganization", "name": c.parent_authority});
        }
        script_safe_json(&v)
    }
}

/// JSON that can sit inside `<script>`: `<`, `>` and `&` escaped so no `</script>` or
/// comment can end the block early, whatever an editor typed.
pub fn script_safe_json(v: &serde_json::Value) -> String {
    script_safe_json_string(serde_json::to_string(v).unwrap_or_else(|_| "{}".into()))
}

/// JSON text made safe inside `<script>` (see [`script_safe_json`]).
pub fn script_safe_json_string(text: String) -> String {
    if !text.contains(['<', '>', '&']) {
        return text;
    }
    text.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The QR code of a URL as inline SVG, for printed posting sheets.
///
/// The mask pattern is fixed instead of searched: scoring all eight masks made QR codes a
/// large share of a whole build's work, and any mask decodes; the search only tunes
/// contrast for hard scans.
pub fn qr_svg(url: &str) -> Option<String> {
    let (modules, width) = qr_modules(url)?;
    let label = crate::text::html::escape(url);
    Some(modules_svg(&modules, width, &label))
}

/// Draws QR modules as one SVG path, a segment per run of dark modules in a row, with a
/// four-module quiet zone. (The crate's renderer formats one rectangle per module: most of
/// a QR code's cost, and a larger file.)
fn modules_svg(modules: &[qrcode::Color], width: usize, label: &str) -> String {
    const QUIET: usize = 4;
    let side = width + 2 * QUIET;
    let mut d = String::with_capacity(width * width);
    for y in 0..width {
        let row = &modules[y * width..(y + 1) * width];
        let mut x = 0;
        while x < width {
            if row[x] == qrcode::Color::Dark {
                let start = x;
                while x < width && row[x] == qrcode::Color::Dark {
                    x += 1;
                }
                // "M{x} {y}h{run}v1h-{run}z", without the formatting machinery (a
                // procedure's posting sheet has hundreds of these runs).
                let run = x - start;
                d.push('M');
                push_decimal(&mut d, start + QUIET);
                d.push(' ');
                push_decimal(&mut d, y + QUIET);
                d.push('h');
                push_decimal(&mut d, run);
                d.push_str("v1h-");
                push_decimal(&mut d, run);
                d.push('z');
            } else {
                x += 1;
            }
        }
    }
    format!(
        "<svg role=\"img\" aria-label=\"Mã QR: {label}\" xmlns=\"http://www.w3.org/2000/svg\" \
         viewBox=\"0 0 {side} {side}\" width=\"160\" height=\"160\" shape-rendering=\"crispEdges\">\
         <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{d}\"/></svg>"
    )
}

/// The QR modules of `url` (row by row) and the width in modules.
fn qr_modules(url: &str) -> Option<(Vec<qrcode::Color>, usize)> {
    use qrcode::canvas::{Canvas, MaskPattern};
    let level = qrcode::EcLevel::M;
    let bits = qrcode::bits::encode_auto(url.as_bytes(), level).ok()?;
    let version = bits.version();
    let (data, ec) = qrcode::ec::construct_codewords(&bits.into_bytes(), version, level).ok()?;
    let mut canvas = Canvas::new(version, level);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    canvas.apply_mask(MaskPattern::Checkerboard);
    Some((canvas.into_colors(), version.width().try_into().ok()?))
}

#[cfg(test)]
mod tests;
