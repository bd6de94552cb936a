//! The editor's live preview from the served site's model: one page parsed alone (with the
//! section files, as the fast path parses an edit), its Markdown rendered with the last
//! build's links, put in the model in place of the page (or beside the others when new),
//! rendered with its template, and taken out again. Nothing is written and nothing of the
//! served site changes; the cost is one page, whatever the size of the site.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use super::engine::{Engine, content_rel};
use crate::content::walk::typed_source;
use crate::content::{self, Kind, ParseOptions};
use crate::editor::preview::SiteModel;
use crate::editor::suggest::Suggestions;
use crate::error::Diagnostic;
use crate::markdown::{self, PageRef};
use crate::render::jobs::{self, Job};
use crate::site::PageEntry;
use crate::site::tasks::{find_reports, paths_by_file, read_tasks};

/// The engine shared between the rebuilding thread and the editor's previews.
#[derive(Clone)]
pub struct SharedEngine(pub Arc<Mutex<Engine>>);

impl std::fmt::Debug for SharedEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SharedEngine")
    }
}

impl SiteModel for SharedEngine {
    fn preview(&self, file: &Path, text: &str) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let mut engine = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        engine.preview(file, text)
    }

    fn suggestions(&self) -> Suggestions {
        let engine = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        engine.suggestions()
    }
}

fn not_ready() -> Vec<Diagnostic> {
    vec![Diagnostic::command(crate::tr!(
        en: "no preview while the site has errors (see the terminal) or is a multilingual site",
        vi: "chưa xem trước được khi trang web đang có lỗi (xem cửa sổ lệnh) hoặc là trang nhiều ngôn ngữ",
    ))]
}

impl Engine {
    /// The HTML of the page `file` (relative to the root) with `text`, or its errors.
    pub fn preview(&mut self, file: &Path, text: &str) -> Result<Vec<u8>, Vec<Diagnostic>> {
        if self.broken {
            return Err(not_ready());
        }
        let mut files = self.sources.subset(&[]).ok_or_else(not_ready)?;
        files.sources.retain(|s| s.rel != file);
        files.sources.push(typed_source(file.to_path_buf(), text));
        files.sources.sort_by(|a, b| a.rel.cmp(&b.rel));
        let opts = ParseOptions {
            drafts: true,
            language: None,
        };
        let parsed = content::parse(files, opts).map_err(|e| e.0)?;
        let page = (parsed.pages.into_iter())
            .find(|p| p.file == file)
            .ok_or_else(|| {
                vec![Diagnostic::file(
                    file,
                    crate::tr!(
                        en: "this file would make no page of the site",
                        vi: "tệp này không tạo ra trang nào của trang web",
                    ),
                )]
            })?;
        let model = self.model.as_mut().ok_or_else(not_ready)?;
        let cf = content_rel(&page.file);
        let r = PageRef {
            file: &page.file,
            content_file: &cf,
            path: &page.path,
            body_line: page.body_line,
            plan: page.kind == Kind::Plan,
        };
        let rendered = markdown::render(&page.body, &r, &model.links)?;
        let section = (model.site.sections.iter())
            .position(|s| s.section.key == page.section)
            .unwrap_or(0);
        let mut entry = PageEntry::new(page, Arc::new(rendered), section);
        let site = &mut model.site;
        let at = (model.page_index.get(file).copied()).filter(|&i| i < site.pages.len());
        if let Some(i) = at {
            let was = &site.pages[i];
            entry.files = was.files.clone();
            (entry.newer, entry.older) = (was.newer, was.older);
        }
        let mut tasks = read_tasks(&entry.page, &entry.tasks, site.build_date);
        // Reports found as the build finds them (a bundle file, another page), once the
        // entry has its bundle's files; the site's paths only when a task names a report.
        if tasks.iter().any(|t| t.report.is_some()) {
            find_reports(&mut tasks, &entry, &paths_by_file(&site.pages));
        }
        let (i, old) = match at {
            Some(i) => {
                let old_entry = std::mem::replace(&mut site.pages[i], entry);
                let old_tasks = std::mem::replace(&mut site.tasks[i], tasks);
                (i, Some((old_entry, old_tasks)))
            }
            _ => {
                site.pages.push(entry);
                site.tasks.push(tasks);
                (site.pages.len() - 1, None)
            }
        };
        let (theme, links) = (&model.theme, &model.links);
        let made = catch_unwind(AssertUnwindSafe(|| {
            let p = jobs::prepare(theme, site, links, Job::Page(i))?;
            jobs::render(theme, &p)
        }));
        // The model goes back as it was, whatever the rendering did.
        match old {
            Some((e, t)) => {
                site.pages[i] = e;
                site.tasks[i] = t;
            }
            None => {
                site.pages.pop();
                site.tasks.pop();
            }
        }
        match made {
            Ok(Ok(f)) => match f.data {
                crate::output_file::OutputData::Bytes(b) => Ok(b),
                crate::output_file::OutputData::Copy(_) => Err(not_ready()),
            },
            Ok(Err(d)) => Err(vec![d]),
            Err(_) => Err(vec![Diagnostic::file(
                file,
                crate::tr!(
                    en: "congbo stopped while making this preview (an internal error); please report it",
                    vi: "congbo dừng giữa chừng khi làm bản xem trước (lỗi bên trong chương trình); xin báo lỗi này cho người phát triển",
                ),
            )]),
        }
    }
}

impl Engine {
    /// What the last good build's site has for the editor's suggestions, each list in
    /// Vietnamese order without repeats.
    pub fn suggestions(&self) -> Suggestions {
        let mut out = Suggestions::default();
        let Some(model) = &self.model else {
            return out;
        };
        let site = &model.site;
        let terms = |i: usize| -> Vec<String> {
            (site.taxonomies.get(i).into_iter())
                .flat_map(|t| t.terms.iter().map(|t| t.name.clone()))
                .collect()
        };
        let pages = || site.pages.iter().map(|p| &p.page);
        let lists: [(&'static str, Vec<String>); 5] = [
            ("tags", terms(0)),
            ("fields", terms(1)),
            (
                "agencies",
                site.agencies.iter().map(|a| a.name.clone()).collect(),
            ),
            ("author", pages().filter_map(|p| p.author.clone()).collect()),
            (
                "authority",
                pages()
                    .flat_map(|p| [p.authority.clone(), p.parent_authority.clone()])
                    .flatten()
                    .collect(),
            ),
        ];
        for (name, mut values) in lists {
            values.sort_by(|a, b| crate::text::collate::compare(a, b));
            values.dedup();
            out.0.insert(name, values);
        }
        out
    }
}
