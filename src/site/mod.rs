//! The site model: every page with its rendered body, sections with their pages in order,
//! taxonomies, and (for plans) tasks. Built once per build from plain data and shared
//! read-only with the renderers.

pub mod agencies;
pub mod bulletins;
pub mod documents;
mod earlier;
pub mod events;
pub mod languages;
pub mod procedures;
pub mod questions;
pub mod surveys;
pub mod tasks;
pub mod taxonomy;

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::config::Config;
use rayon::prelude::*;

use crate::content::page::{SortBy, TaskSource};
use crate::content::{Content, Kind, Page, PlacedAsset, Section};
use crate::markdown::Rendered;
use crate::markdown::tasks::plan_tasks;
use crate::text::collate;
use crate::text::date::Date;
pub use taxonomy::{Taxonomy, Term};

/// The whole site, ready to render.
#[derive(Debug)]
pub struct Site {
    /// Configuration.
    pub config: Config,
    /// The day of the build (for "overdue" and feeds).
    pub build_date: Date,
    /// Pages with their bodies.
    pub pages: Vec<PageEntry>,
    /// Sections, home first.
    pub sections: Vec<SectionEntry>,
    /// `tags` then `fields`.
    pub taxonomies: Vec<Taxonomy>,
    /// Files to copy beside pages.
    pub assets: Vec<PlacedAsset>,
    /// Each page's tasks with their due text read, by page index (empty for non-plans).
    pub tasks: Vec<Vec<tasks::Task>>,
    /// The agencies of every plan's tasks, in Vietnamese alphabetical order.
    pub agencies: Vec<agencies::Agency>,
    /// Every cited document, by type then number.
    pub documents: Vec<documents::CitedDocument>,
    /// Every language of a multilingual site, the main one first, with its home; empty
    /// for a site in one language.
    pub languages: Vec<languages::LanguageLink>,
    /// Site path of a page or section → its versions in every language that has it (this
    /// one included); only paths that have a translation are listed.
    pub translations: HashMap<String, Vec<languages::LanguageLink>>,
    /// The resized copies of the JPEG and PNG assets (empty until the images stage runs).
    pub images: crate::images::ImageSet,
}

/// A page and what the Markdown stage made of it.
#[derive(Debug)]
pub struct PageEntry {
    /// The resolved page.
    pub page: Page,
    /// Its rendered body, shared with serve's previous model while unchanged.
    pub rendered: Arc<Rendered>,
    /// Tasks of a plan: front matter first, then table rows.
    pub tasks: Vec<TaskSource>,
    /// File lines of the plan's activity-table rows that say something but no task text,
    /// as reading its tasks found them: `congbo check` warns at each without reading the
    /// tasks a second time.
    pub rows_without_task: Vec<usize>,
    /// Index of the page's section in [`Site::sections`].
    pub section: usize,
    /// Newer and older neighbours in its section (for news).
    pub newer: Option<usize>,
    /// See `newer`.
    pub older: Option<usize>,
    /// Bundle files that go with this page: (file name, site path, size).
    pub files: Vec<(String, String, u64)>,
    /// The title's Vietnamese collation key, computed once: sorting recomputed it on
    /// every comparison, a tenth of a build's instructions on large sites.
    pub title_key: collate::SortKey,
}

impl PageEntry {
    /// The entry of `page` in section `section` (by index), with its tasks read from its
    /// front matter and its body's task tables; no neighbours or bundle files yet.
    pub fn new(page: Page, rendered: Arc<Rendered>, section: usize) -> PageEntry {
        let mut tasks = page
            .plan
            .as_ref()
            .map(|p| p.tasks.clone())
            .unwrap_or_default();
        let mut rows_without_task = Vec::new();
        if page.kind == Kind::Plan {
            let found = plan_tasks(&rendered.text_tasks, &rendered.tables, &tasks);
            tasks.extend(found.tasks.into_iter().map(|(_, t)| t));
            rows_without_task = found.rows_without_task;
        }
        let title_key = collate::sort_key(&page.title);
        PageEntry {
            page,
            rendered,
            tasks,
            rows_without_task,
            section,
            newer: None,
            older: None,
            files: Vec::new(),
            title_key,
        }
    }

    /// Whether `other` has the same rendered body: the same shared body at once, else
    /// compared (serve compares every page of two models after an edit).
    pub fn same_body(&self, other: &PageEntry) -> bool {
        Arc::ptr_eq(&self.rendered, &other.rendered) || self.rendered == other.rendered
    }
}

/// A section and its pages in order.
#[derive(Debug)]
pub struct SectionEntry {
    /// The resolved section.
    pub section: Section,
    /// Its rendered body.
    pub rendered: Rendered,
    /// Pages directly in it, sorted by its `sort_by`.
    pub pages: Vec<usize>,
    /// Child sections, by weight then title.
    pub subsections: Vec<usize>,
}

/// Assembles the model. `page_bodies` and `section_bodies` are in the order of `content`.
pub fn assemble(
    config: Config,
    content: Content,
    page_bodies: Vec<Arc<Rendered>>,
    section_bodies: Vec<Rendered>,
    build_date: Date,
) -> Site {
    let earlier = earlier::Earlier::none();
    assemble_with(
        &earlier,
        config,
        content,
        page_bodies,
        section_bodies,
        build_date,
    )
}

/// [`assemble`] after an edit of the site whose last model is `previous` (serve): the same
/// model, but each page whose inputs are unchanged keeps what `previous` read of it (its
/// tasks, its title's key), instead of reading it again.
pub fn assemble_after(
    previous: &Site,
    config: Config,
    content: Content,
    page_bodies: Vec<Arc<Rendered>>,
    section_bodies: Vec<Rendered>,
    build_date: Date,
) -> Site {
    let earlier = earlier::Earlier::of(previous);
    assemble_with(
        &earlier,
        config,
        content,
        page_bodies,
        section_bodies,
        build_date,
    )
}

fn assemble_with(
    earlier: &earlier::Earlier<'_>,
    config: Config,
    mut content: Content,
    page_bodies: Vec<Arc<Rendered>>,
    section_bodies: Vec<Rendered>,
    build_date: Date,
) -> Site {
    let section_index: HashMap<String, usize> = content
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| (s.key.clone(), i))
        .collect();
    // Parallel: each page's tasks and sort key are independent of the others.
    let mut pages: Vec<PageEntry> = std::mem::take(&mut content.pages)
        .into_par_iter()
        .zip(page_bodies)
        .map(|(page, rendered)| {
            let section = section_index.get(&page.section).copied().unwrap_or(0);
            earlier::entry_after(earlier.entry(&page.file), page, rendered, section)
        })
        .collect();
    attach_files(&mut pages, &content.assets);
    let strings = &config.strings;
    let mut sections: Vec<SectionEntry> = content
        .sections
        .into_iter()
        .map(|mut s| {
            if s.default_title {
                s.title = strings.label(&format!("section_{}", s.kind.name()), s.kind.label_vi());
            }
            s
        })
        .zip(section_bodies)
        .map(|(section, rendered)| SectionEntry {
            section,
            rendered,
            pages: Vec::new(),
            subsections: Vec::new(),
        })
        .collect();
    for (i, p) in pages.iter().enumerate() {
        sections[p.section].pages.push(i);
    }
    for i in 0..sections.len() {
        if let Some(parent) = sections[i]
            .section
            .parent
            .as_ref()
            .and_then(|k| section_index.get(k))
        {
            sections[*parent].subsections.push(i);
        }
    }
    for s in 0..sections.len() {
        let sort_by = sections[s].section.sort_by;
        let mut list = std::mem::take(&mut sections[s].pages);
        list.sort_by(|a, b| compare_entries(&pages[*a], &pages[*b], sort_by));
        // An abolished procedure is no one's neighbour, and has none: it left the lists.
        let linked: Vec<usize> = (list.iter().copied())
            .filter(|&i| !pages[i].page.is_abolished_procedure())
            .collect();
        for w in linked.windows(2) {
            pages[w[0]].older = Some(w[1]);
            pages[w[1]].newer = Some(w[0]);
        }
        sections[s].pages = list;
        let mut subs = std::mem::take(&mut sections[s].subsections);
        subs.sort_by(|a, b| {
            let (a, b) = (&sections[*a].section, &sections[*b].section);
            a.weight
                .cmp(&b.weight)
                .then_with(|| collate::compare(&a.title, &b.title))
        });
        sections[s].subsections = subs;
    }
    let taxonomies = taxonomy::build(
        &pages,
        [
            config.strings.label("taxonomy_tags", "Chủ đề"),
            config.strings.label("taxonomy_fields", "Lĩnh vực"),
        ],
    );
    let paths_same = earlier.same_paths(&pages);
    let plan_tasks = tasks::read_all_keeping(&pages, build_date, &|p| {
        earlier.read_tasks(p, build_date, paths_same)
    });
    let aliases = &config.agency_aliases;
    let agencies = (earlier.agencies(&pages, &plan_tasks, aliases))
        .unwrap_or_else(|| agencies::group_agencies(&pages, &plan_tasks, aliases));
    let documents = documents::collect_documents(&pages, &config.authority);
    let mut site = Site {
        config,
        build_date,
        pages,
        sections,
        taxonomies,
        assets: content.assets,
        tasks: plan_tasks,
        agencies,
        documents,
        languages: Vec::new(),
        translations: HashMap::new(),
        images: Default::default(),
    };
    let index = site.documents_index_path();
    let taken: HashSet<&str> = site.pages.iter().map(|p| p.page.path.as_str()).collect();
    documents::place_lists(&mut site.documents, index.as_deref(), &|p| {
        taken.contains(p)
    });
    site
}

/// Orders two pages the way a section asks; ties fall back to title (Vietnamese order),
/// then path, so the order never depends on the file system.
pub fn compare_entries(a: &PageEntry, b: &PageEntry, by: SortBy) -> Ordering {
    let (pa, pb) = (&a.page, &b.page);
    let first = match by {
        SortBy::Date => pb.date.cmp(&pa.date),
        SortBy::Weight => match (pa.weight, pb.weight) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        SortBy::Title => Ordering::Equal,
    };
    first
        .then_with(|| a.title_key.cmp(&b.title_key))
        .then_with(|| pa.path.cmp(&pb.path))
}

fn attach_files(pages: &mut [PageEntry], assets: &[PlacedAsset]) {
    let by_path: HashMap<&str, usize> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.page.path.as_str(), i))
        .collect();
    let mut found: Vec<(usize, (String, String, u64))> = Vec::new();
    for a in assets {
        if let Some((dir, name)) = a.path.rsplit_once('/')
            && let Some(i) = by_path.get(format!("{dir}/").as_str())
        {
            found.push((*i, (name.to_string(), a.path.clone(), a.size)));
        }
    }
    for (i, f) in found {
        pages[i].files.push(f);
    }
}

impl Site {
    /// Pages of a kind, newest first, leaving out none.
    pub fn pages_of(&self, kind: Kind) -> Vec<usize> {
        let mut v: Vec<usize> = (0..self.pages.len())
            .filter(|i| self.pages[*i].page.kind == kind)
            .collect();
        v.sort_by(|a, b| compare_entries(&self.pages[*a], &self.pages[*b], SortBy::Date));
        v
    }

    /// The top-level section of kind document, whose list page is the documents index.
    pub fn document_section(&self) -> Option<usize> {
        self.sections.iter().position(|s| {
            s.section.kind == Kind::Document && s.section.parent.as_deref() == Some("")
        })
    }

    /// Where the documents index is: the document section, else `/van-ban/` when pages
    /// cite documents.
    pub fn documents_index_path(&self) -> Option<String> {
        if let Some(i) = self.document_section() {
            return Some(self.sections[i].section.path.clone());
        }
        // A page at this path is an error (`content::urls`), not a replacement.
        (!self.documents.is_empty()).then(|| "/van-ban/".to_string())
    }

    /// Items per list page for a section.
    pub fn paginate_by(&self, section: &SectionEntry) -> usize {
        section
            .section
            .paginate_by
            .unwrap_or(self.config.paginate_by)
            .max(1)
    }
}
