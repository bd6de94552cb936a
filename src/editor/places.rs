//! Where the editor reads and writes: checked page paths under `content/`, sections and
//! their kinds (found as `congbo new` finds them), free file names for new pages, and a
//! page's address on the served site.

use std::path::{Path, PathBuf};

use super::{Editor, list, store};
use crate::content::Kind;
use crate::error::Diagnostic;

impl Editor {
    /// A checked page path under `content/` and its file. A section's `_index.md` has
    /// other keys (`RawSection`) than the page form shows: not editable here yet.
    pub(super) fn file(&self, rel: &str) -> Option<(String, PathBuf)> {
        let rel = store::checked_rel(rel, true)?;
        if rel
            .rsplit('/')
            .next()
            .is_some_and(|n| n.starts_with("_index"))
        {
            return None;
        }
        let file = store::inside_content(&self.root, &rel)?;
        Some((rel, file))
    }

    /// A section folder and its kind, found as `congbo new` finds them.
    pub(super) fn section(&self, section: &str) -> Result<(String, Kind), Diagnostic> {
        let checked = store::checked_rel(section, false).ok_or_else(|| {
            Diagnostic::command(crate::tr!(
                en: "\"{section}\" is not a section folder under content/",
                vi: "\"{section}\" không phải thư mục chuyên mục trong content/",
            ))
        })?;
        let found = crate::new_page::section_of(&self.root, &checked)?;
        if store::inside_content(&self.root, &format!("{}/x.md", found.0)).is_none() {
            return Err(Diagnostic::command(crate::tr!(
                en: "\"{section}\" is not a section folder under content/",
                vi: "\"{section}\" không phải thư mục chuyên mục trong content/",
            )));
        }
        Ok(found)
    }

    /// The kind of the page `rel`: its section's, as the build decides it.
    pub(super) fn kind_of(&self, rel: &str) -> Kind {
        let mut dir = Path::new(rel).parent().unwrap_or(Path::new(""));
        if rel.ends_with("/index.md") {
            dir = dir.parent().unwrap_or(Path::new(""));
        }
        let dir = dir.to_string_lossy();
        if dir.is_empty() {
            return Kind::Page;
        }
        crate::new_page::section_of(&self.root, &dir).map_or(Kind::Page, |(_, k)| k)
    }

    /// `section/slug.md`, or `section/slug-2.md` … when the name is taken.
    pub(super) fn free_name(&self, section: &str, slug: &str) -> String {
        let content = self.root.join("content").join(section);
        let taken =
            |name: &str| content.join(format!("{name}.md")).exists() || content.join(name).exists();
        let mut name = slug.to_string();
        let mut n = 2;
        while taken(&name) {
            name = format!("{slug}-{n}");
            n += 1;
        }
        if section.is_empty() {
            format!("{name}.md")
        } else {
            format!("{section}/{name}.md")
        }
    }

    /// Where the page is on the served site, when the content parses.
    pub(super) fn site_link(&self, rel: &str) -> Option<String> {
        list::site_path(&self.root, rel)
            .map(|p| format!("{}{}", self.base_path.trim_end_matches('/'), p))
    }
}
