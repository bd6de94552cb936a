//! Building views from the site model: one method a view, borrowing from the model.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::*;
use crate::content::page::{DossierDoc, Time};
use crate::site::{SectionEntry, Site};

/// Builds views from the model; holds what every view needs.
pub struct Views<'a> {
    pub site: &'a Site,
    /// Every page's summary as a template value, by page index.
    pub(super) summaries: Vec<SummaryValue>,
    /// Each taxonomy's view (all its terms) as a template value, shared by its term pages.
    taxonomies: Vec<tera::Value>,
    /// Whether the theme renders each much-cited document's list of citing pages, so
    /// other lists may show the first few and link there (see [`Views::with_citation_lists`]).
    pub(super) citation_lists: bool,
    /// The main menu for each page's header.
    nav: super::nav::NavStates,
    /// Each page's QR code (SVG), made when first asked: a procedure's code is drawn on
    /// its own posting sheet and again on its field's page of sheets.
    qr: Vec<OnceLock<String>>,
    /// Each procedure's steps, read from its body when first asked: its page, its posting
    /// sheet and its field's page of sheets all show them, and reading them (every
    /// heading's text folded) cost more than the rest of a procedure's view.
    steps: Vec<OnceLock<Vec<String>>>,
}

impl<'a> Views<'a> {
    /// Views of `site`, with every page's summary made once, in parallel.
    pub fn new(site: &'a Site) -> Self {
        use rayon::prelude::*;
        let mut v = Views {
            site,
            summaries: Vec::new(),
            taxonomies: Vec::new(),
            citation_lists: false,
            nav: Default::default(),
            qr: (0..site.pages.len()).map(|_| OnceLock::new()).collect(),
            steps: (0..site.pages.len()).map(|_| OnceLock::new()).collect(),
        };
        v.nav = super::nav::NavStates::new(&v, true);
        let links = v.shared_term_links();
        v.summaries = (0..site.pages.len())
            .into_par_iter()
            .map(|i| v.summary_sharing(i, &links))
            .collect();
        v.taxonomies = (0..site.taxonomies.len())
            .map(|t| tera::Value::from_serializable(&v.taxonomy_view(t)))
            .collect();
        v
    }

    /// Every term link a summary shows (tags, then fields), as one template value per term
    /// and spelling, for [`Views::summary_sharing`].
    fn shared_term_links(&self) -> [HashMap<(usize, &'a str), tera::Value>; 2] {
        let mut links: [HashMap<(usize, &'a str), tera::Value>; 2] = Default::default();
        for (i, e) in self.site.pages.iter().enumerate() {
            for (tax, names) in [(0, &e.page.tags), (1, &e.page.fields)] {
                for key in self.term_refs(tax, i, names) {
                    links[tax].entry(key).or_insert_with(|| {
                        tera::Value::from_serializable(&self.term_link(tax, key.0, key.1))
                    });
                }
            }
        }
        links
    }

    /// Page `i`'s summary as a template value whose tags and fields are clones of the
    /// values in `links`: tera clones a value met while serialising instead of rebuilding
    /// it, and its maps are reference-counted. At 10,000 pages with three tags and a field
    /// each, a map of its own for every link was a fifth of the memory the summaries took.
    fn summary_sharing(
        &self,
        i: usize,
        links: &[HashMap<(usize, &'a str), tera::Value>; 2],
    ) -> SummaryValue {
        let p = &self.site.pages[i].page;
        let shared = |tax: usize, names: &'a [String]| {
            TermLinks::Shared(
                self.term_refs(tax, i, names)
                    .filter_map(|k| links[tax].get(&k).cloned())
                    .collect(),
            )
        };
        let summary = self.summary_with(i, shared(0, &p.tags), shared(1, &p.fields));
        tera::Value::from_serializable(&summary)
    }

    /// Taxonomy `t`'s view as a shared template value.
    pub fn taxonomy_value(&self, t: usize) -> tera::Value {
        self.taxonomies
            .get(t)
            .cloned()
            .unwrap_or_else(|| tera::Value::from_serializable(&self.taxonomy_view(t)))
    }

    /// A taxonomy and all its terms.
    pub fn taxonomy_view(&self, t: usize) -> TaxonomyView<'a> {
        let tax = &self.site.taxonomies[t];
        TaxonomyView {
            name: tax.name,
            title: &tax.title,
            url: self.site.config.url(&tax.path),
            terms: tax
                .terms
                .iter()
                .map(|term| TermLink {
                    name: &term.name,
                    url: self.site.config.url(&term.path),
                    count: term.pages.len(),
                })
                .collect(),
        }
    }

    /// Views of `site` that make summaries when asked: for rendering a few pages.
    pub fn bare(site: &'a Site) -> Self {
        let mut v = Views {
            site,
            summaries: Vec::new(),
            taxonomies: Vec::new(),
            citation_lists: false,
            nav: Default::default(),
            qr: (0..site.pages.len()).map(|_| OnceLock::new()).collect(),
            steps: (0..site.pages.len()).map(|_| OnceLock::new()).collect(),
        };
        v.nav = super::nav::NavStates::new(&v, false);
        v
    }

    /// These views for a theme that does (`yes`) or does not render the lists of citing
    /// pages (`citations.html`): a theme made before them keeps its full lists.
    pub fn with_citation_lists(mut self, yes: bool) -> Self {
        self.citation_lists = yes;
        self
    }

    /// The QR code (SVG) of page `i`'s permalink, made once per build however many
    /// sheets show it; empty when the address cannot be encoded.
    pub fn qr_svg(&self, i: usize) -> &str {
        let make = || {
            let permalink = self.site.config.permalink(&self.site.pages[i].page.path);
            super::domain::qr_svg(&permalink).unwrap_or_default()
        };
        match self.qr.get(i) {
            Some(cell) => cell.get_or_init(make),
            None => "",
        }
    }

    /// The steps of procedure page `i` ([`crate::site::procedures::steps`]), read once
    /// per build however many views show them.
    fn steps(&self, i: usize) -> Vec<String> {
        let read = || crate::site::procedures::steps(&self.site.pages[i].rendered.html);
        match self.steps.get(i) {
            Some(cell) => cell.get_or_init(read).clone(),
            None => read(),
        }
    }

    /// The main menu as the header of the page at site path `path` shows it (`nav`).
    pub fn nav_for(&self, path: &str) -> tera::Value {
        self.nav.for_path(path)
    }

    /// Page `i`'s summary as a shared template value.
    pub fn summary_value(&self, i: usize) -> SummaryValue {
        self.summaries
            .get(i)
            .cloned()
            .unwrap_or_else(|| tera::Value::from_serializable(&self.summary(i)))
    }

    /// The summaries of list page `page` (1-based) of `pages`, `per_page` a page.
    pub fn summaries_of(&self, pages: &[usize], page: usize, per_page: usize) -> Vec<SummaryValue> {
        page_slice(pages, page, per_page)
            .iter()
            .map(|i| self.summary_value(*i))
            .collect()
    }

    /// A rendered body with its resized images as `<picture>`s (see [`crate::images::body`]);
    /// `eager_first` when the body starts near the top of its page with no image above it.
    pub fn body(&self, html: &'a str, path: &str, eager_first: bool) -> std::borrow::Cow<'a, str> {
        crate::images::body::pictures(html, path, &self.site.images, self.config(), eager_first)
    }

    pub(super) fn config(&self) -> &'a Config {
        &self.site.config
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

    /// A page's terms in one taxonomy, in the editor's order and spelling.
    fn terms(&self, tax: usize, page: usize, names: &'a [String]) -> Vec<TermLink<'a>> {
        self.term_refs(tax, page, names)
            .map(|(id, name)| self.term_link(tax, id, name))
            .collect()
    }

    /// The terms of [`Views::terms`] as (term index, spelling).
    fn term_refs(
        &self,
        tax: usize,
        page: usize,
        names: &'a [String],
    ) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        let t = &self.site.taxonomies[tax];
        let ids = t.page_terms.get(page).map_or(&[][..], Vec::as_slice);
        ids.iter().filter_map(move |(id, pos)| {
            t.terms.get(*id)?;
            Some((*id, names.get(*pos)?.as_str()))
        })
    }

    /// Term `id` of taxonomy `tax`, spelled `name`.
    fn term_link(&self, tax: usize, id: usize, name: &'a str) -> TermLink<'a> {
        let term = &self.site.taxonomies[tax].terms[id];
        TermLink {
            name,
            url: self.config().url(&term.path),
            count: term.pages.len(),
        }
    }

    /// A page in a list.
    pub fn summary(&self, i: usize) -> PageSummary<'a> {
        let p = &self.site.pages[i].page;
        self.summary_with(
            i,
            TermLinks::Own(self.terms(0, i, &p.tags)),
            TermLinks::Own(self.terms(1, i, &p.fields)),
        )
    }

    /// Page `i`'s summary with these tags and fields.
    fn summary_with(
        &self,
        i: usize,
        tags: TermLinks<'a>,
        fields: TermLinks<'a>,
    ) -> PageSummary<'a> {
        let e = &self.site.pages[i];
        let p = &e.page;
        let proc = p.procedure.as_ref();
        PageSummary {
            title: &p.title,
            url: self.config().url(&p.path),
            permalink: self.config().permalink(&p.path),
            kind: p.kind,
            date: p.date,
            time: p.event.as_ref().and_then(|m| m.time).map(Time::hhmm),
            updated: p.updated,
            description: p.description.as_deref(),
            summary: self.body(&e.rendered.summary, &p.path, false),
            image: self.image(e),
            tags,
            fields,
            // A bulletin's "Bản tin CCHC số 03/2025" stands where a document's number does.
            number: p
                .number
                .as_deref()
                .or_else(|| p.bulletin.as_ref().map(|b| b.label.as_str())),
            authority: p.authority.as_deref(),
            code: proc.and_then(|x| x.code.as_deref()),
            field: proc
                .and_then(|x| x.field.as_deref())
                .or_else(|| p.question.as_ref().and_then(|q| q.field.as_deref())),
            online: proc.map(|x| x.online.as_str()).filter(|s| !s.is_empty()),
            online_class: proc.map(|x| online_class(&x.online)),
        }
    }

    /// The `page` view.
    pub fn page(&self, i: usize, link_basis: &dyn Fn(&str, &str) -> String) -> PageView<'a> {
        let e = &self.site.pages[i];
        let p = &e.page;
        let section = &self.site.sections[e.section];
        let (cited_by, cited_count, cited_list) = self.cited_by(i);
        PageView {
            summary: self.summary(i),
            path: &p.path,
            content: self.body(&e.rendered.html, &p.path, p.image.is_none()),
            toc: &e.rendered.toc,
            word_count: e.rendered.word_count,
            reading_time: e.rendered.word_count.div_ceil(200).max(1),
            author: p.author.as_deref(),
            source: p.source.as_deref(),
            section: self.section_link(section),
            newer: e.newer.map(|n| self.summary_value(n)),
            older: e.older.map(|n| self.summary_value(n)),
            files: e.files.iter().map(|(n, _, _)| self.file(e, n)).collect(),
            plan: p.plan.as_ref().map(|m| PlanView {
                place: m.place.as_deref(),
                period: m.period.map(|(start, end)| PeriodView { start, end }),
                signer: m.signer.as_ref(),
                recipients: &m.recipients,
                attachments: m.attachments.iter().map(|a| self.file(e, a)).collect(),
                tasks: self.site.tasks[i]
                    .iter()
                    .map(|t| TaskView::of(t, |p| self.config().url(p)))
                    .collect(),
                timeline: super::domain::timeline(
                    &self.site.tasks[i],
                    m.period,
                    &self.site.config.strings,
                ),
                progress: super::domain::progress(self.site.tasks[i].iter()),
                show_status: super::domain::shows_status(self.site.tasks[i].iter()),
                basis: m.basis.iter().map(|b| link_basis(b, &p.path)).collect(),
            }),
            procedure: p
                .procedure
                .as_ref()
                .map(|m| ProcedureView {
                    code: m.code.as_deref(),
                    field: m.field.as_deref(),
                    field_url: m.field.as_ref().and_then(|f| {
                        self.site.taxonomies[1]
                            .term(f)
                            .map(|t| self.config().url(&t.path))
                    }),
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
                    sheet_url: self.config().url(&format!("{}in/", p.path)),
                    requirements: &m.requirements,
                    dossier_sets: m.dossier_sets,
                    dossier_sets_text: m.dossier_sets.map(|n| format!("{n:02}")),
                    receipt_place: m.receipt_place.as_deref(),
                    receipt_hours: m.receipt_hours.as_deref(),
                    decision: m.decision.as_deref().map(|d| link_basis(d, &p.path)),
                    status: m.status.name(),
                    listed: m.is_listed(),
                    replaced_by: self.replacement(i),
                    steps: self.steps(i),
                    sheet_steps: Vec::new(),
                    sheet_steps_shortened: false,
                })
                .map(super::sheet::shorten_steps),
            question: self.question(i),
            event: self.event(i),
            survey: self.survey(i),
            bulletin: self.bulletin(i),
            cited_by,
            cited_count,
            cited_list,
            json_ld: self.json_ld(i),
            extra: &p.extra,
            authority_lines: p
                .authority
                .as_deref()
                .map(|a| {
                    crate::text::authority::header_under(p.parent_authority.as_deref(), a).lines
                })
                .unwrap_or_default(),
            parent_authority: p.parent_authority.as_deref(),
        }
    }
}

mod media;

#[cfg(test)]
mod tests;
