//! What serve's next site model takes from its last one. After an edit most pages are the
//! same; reading a plan's tasks from its tables and due texts, and a title's collation
//! key, cost most of assembling a 10,000-page model again, and their results depend only
//! on the page itself (and, for a task's report, on every page's path). So an entry whose
//! inputs are unchanged keeps what the last model read, and the agencies (grouped from
//! every plan's tasks) are kept when no task changed; what orders or groups pages
//! (sections, taxonomies, documents) is made again by the same builders, which is what
//! keeps the model exactly that of a clean build.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use super::agencies::Agency;
use super::tasks::Task;
use super::{PageEntry, Site};
use crate::content::Page;
use crate::markdown::Rendered;
use crate::text::agency::Aliases;
use crate::text::date::Date;

/// The last model of the same site, looked up by content file.
pub(super) struct Earlier<'a> {
    site: Option<&'a Site>,
    by_file: HashMap<&'a Path, usize>,
}

impl<'a> Earlier<'a> {
    /// Nothing to take from (`congbo build`, or serve's first build).
    pub(super) fn none() -> Self {
        Earlier {
            site: None,
            by_file: HashMap::new(),
        }
    }

    /// The last model `site`.
    pub(super) fn of(site: &'a Site) -> Self {
        let by_file = (site.pages.iter().enumerate())
            .map(|(i, p)| (p.page.file.as_path(), i))
            .collect();
        Earlier {
            site: Some(site),
            by_file,
        }
    }

    /// The last model's entry of the page of `file`.
    pub(super) fn entry(&self, file: &Path) -> Option<&'a PageEntry> {
        let i = *self.by_file.get(file)?;
        self.site?.pages.get(i)
    }

    /// The tasks the last model read of the page `new` (at its index in `pages`), when
    /// everything [`super::tasks::read_all`] reads of it is unchanged: its own tasks, date,
    /// plan, bundle files and path, the build day, and every page's path (a report may
    /// name another page). `paths_same` says the last.
    pub(super) fn read_tasks(
        &self,
        new: &PageEntry,
        today: Date,
        paths_same: bool,
    ) -> Option<&'a [Task]> {
        let site = self.site?;
        let i = *self.by_file.get(new.page.file.as_path())?;
        let old = site.pages.get(i)?;
        let same = paths_same
            && site.build_date == today
            && old.page.path == new.page.path
            && old.page.date == new.page.date
            && old.page.plan == new.page.plan
            && old.files == new.files
            && old.tasks == new.tasks;
        same.then(|| site.tasks.get(i).map(Vec::as_slice)).flatten()
    }

    /// The last model's agencies, when what [`super::agencies::group_agencies`] reads is
    /// unchanged: every page's kind and read tasks, by index, and the site's aliases.
    pub(super) fn agencies(
        &self,
        pages: &[PageEntry],
        tasks: &[Vec<Task>],
        aliases: &Aliases,
    ) -> Option<Vec<Agency>> {
        let site = self.site?;
        let same = site.config.agency_aliases == *aliases
            && site.tasks == tasks
            && site.pages.len() == pages.len()
            && (site.pages.iter().zip(pages)).all(|(a, b)| a.page.kind == b.page.kind);
        same.then(|| site.agencies.clone())
    }

    /// Whether `pages` are the last model's pages at the same paths, in the same order.
    pub(super) fn same_paths(&self, pages: &[PageEntry]) -> bool {
        self.site.is_some_and(|s| {
            s.pages.len() == pages.len()
                && (s.pages.iter().zip(pages))
                    .all(|(a, b)| a.page.file == b.page.file && a.page.path == b.page.path)
        })
    }
}

/// What [`PageEntry::new`] reads of a page, kept from `old` where its inputs are the same:
/// the tasks when the page's kind, plan keys and rendered body are (a reused body is the
/// same shared value), the title's key when the title is.
pub(super) fn entry_after(
    old: Option<&PageEntry>,
    page: Page,
    rendered: Arc<Rendered>,
    section: usize,
) -> PageEntry {
    let Some(old) = old else {
        return PageEntry::new(page, rendered, section);
    };
    let same_tasks = old.page.kind == page.kind
        && old.page.plan == page.plan
        && Arc::ptr_eq(&old.rendered, &rendered);
    let same_title = old.page.title == page.title;
    if !same_tasks {
        let mut e = PageEntry::new(page, rendered, section);
        if same_title {
            e.title_key = old.title_key.clone();
        }
        return e;
    }
    let title_key = if same_title {
        old.title_key.clone()
    } else {
        crate::text::collate::sort_key(&page.title)
    };
    PageEntry {
        page,
        rendered,
        tasks: old.tasks.clone(),
        rows_without_task: old.rows_without_task.clone(),
        section,
        newer: None,
        older: None,
        files: Vec::new(),
        title_key,
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};
    use std::sync::Arc;

    use crate::config::{self, Overrides};
    use crate::content::walk::{ContentFiles, SourceFile};
    use crate::content::{self, Content, ParseOptions};
    use crate::site::{Site, assemble, assemble_after};
    use crate::text::date::Date;

    const PLAN: &str = "+++\ntitle = \"Kế hoạch A\"\ndate = 2025-01-02\n+++\n\
        | STT | Nội dung | Cơ quan chủ trì | Thời gian |\n|---|---|---|---|\n\
        | 1 | Rà soát thủ tục | Văn phòng UBND | Quý II/2025 |\n";

    fn news(title: &str) -> String {
        format!("+++\ntitle = \"{title}\"\ndate = 2025-03-04\ntags = [\"Hộ tịch\"]\n+++\nTin.\n")
    }

    fn parsed(files: &[(&str, &str)]) -> (config::Config, Content) {
        let toml = "title = \"Xã Thử\"\nbase_url = \"https://xa-thu.example.gov.vn/\"\n";
        let config = config::parse(toml, Path::new("site.toml"), &Overrides::default()).unwrap();
        let sources = (files.iter())
            .map(|(rel, text)| SourceFile {
                rel: PathBuf::from(rel),
                text: text.to_string(),
                nul_line: None,
            })
            .collect();
        let files = ContentFiles {
            sources,
            assets: Vec::new(),
        };
        (
            config,
            content::parse(files, ParseOptions::default()).unwrap(),
        )
    }

    /// The site of `files`, and the same content again ready to assemble, with the bodies
    /// of `reuse` where it has the page (as serve's content path lends them).
    fn site(files: &[(&str, &str)], reuse: Option<&Site>) -> Site {
        let (config, content) = parsed(files);
        let links = crate::markdown::bodies::link_context(&config, &content);
        let (mut pages, sections) =
            crate::markdown::bodies::render_markdown(&content, &links).unwrap();
        if let Some(old) = reuse {
            for (body, p) in pages.iter_mut().zip(&content.pages) {
                if let Some(e) = old.pages.iter().find(|e| e.page == *p) {
                    *body = Arc::clone(&e.rendered);
                }
            }
        }
        let day = Date::new(2025, 6, 1).unwrap();
        match reuse {
            Some(old) => assemble_after(old, config, content, pages, sections, day),
            None => assemble(config, content, pages, sections, day),
        }
    }

    fn files(title: &str) -> Vec<(&'static str, String)> {
        vec![
            ("content/ke-hoach/a.md", PLAN.to_string()),
            ("content/tin-tuc/b.md", news(title)),
            ("content/tin-tuc/c.md", news("Tin C")),
        ]
    }

    fn refs<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
        v.iter().map(|(a, b)| (*a, b.as_str())).collect()
    }

    /// After a title edit the model is the one a clean build assembles.
    #[test]
    fn an_edit_gives_the_clean_model() {
        let before = site(&refs(&files("Tin B")), None);
        let after = files("Tin Ă mới");
        let kept = site(&refs(&after), Some(&before));
        let clean = site(&refs(&after), None);
        assert_eq!(format!("{kept:?}"), format!("{clean:?}"));
        assert_eq!(kept.pages[1].page.title, "Tin Ă mới");
    }

    /// An unchanged plan keeps the tasks the last model read, and the agencies grouped from
    /// them (proved by marking them); the edited page has its title's key made again.
    #[test]
    fn unchanged_pages_keep_what_the_last_model_read() {
        let mut before = site(&refs(&files("Tin B")), None);
        assert_eq!(before.pages[0].tasks.len(), 1);
        before.pages[0].tasks[0].name = "đã đọc".into();
        before.tasks[0][0].name = "đã đọc".into();
        before.pages[1].title_key = before.pages[2].title_key.clone();
        assert_eq!(before.agencies.len(), 1);
        before.agencies[0].name = "đã gộp".into();
        let kept = site(&refs(&files("Tin B mới")), Some(&before));
        assert_eq!(kept.pages[0].tasks[0].name, "đã đọc");
        assert_eq!(kept.tasks[0][0].name, "đã đọc");
        assert_eq!(kept.agencies[0].name, "đã gộp");
        let clean = site(&refs(&files("Tin B mới")), None);
        assert_eq!(kept.pages[1].title_key, clean.pages[1].title_key);
        assert_ne!(kept.pages[1].title_key, kept.pages[2].title_key);
    }
}
