//! The fast path for the commonest edit: the body of existing pages. Each changed file is
//! parsed alone (with the section files, which give it its kind and URL) and its Markdown
//! rendered with the last build's links. When its front matter is unchanged and what lists,
//! feeds and open data read of it (summary, citations, tables) is unchanged too, only its
//! own page depends on what changed, so only that page is rendered again. Anything else
//! returns `None` and the caller takes the whole-model path.
//!
//! The HTML files that show a page's body are those of `render::jobs::page_jobs`: the
//! fields of the views that show it are declared `Body` in `affected/shown.rs`, whose test
//! fails on a body field outside a page's own view. Outputs that are no views (feeds, open
//! data, the search index) are handled here: the search index's kept merged index takes
//! this page's words out and its new ones in; the others read of a body only its summary,
//! citations and tables, compared below.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::engine::{Engine, Outcome, content_rel, render_jobs};
use crate::content::{self, Page, ParseOptions};
use crate::error::Diagnostics;
use crate::markdown::{self, PageRef, Rendered};
use crate::render::jobs;

impl Engine {
    /// Re-renders only the pages whose bodies changed, if that is all that changed.
    pub(super) fn try_page_bodies(
        &mut self,
        set: &BTreeSet<PathBuf>,
    ) -> Option<Result<Outcome, Diagnostics>> {
        let model = self.model.as_ref()?;
        let mut wanted = Vec::new();
        for rel in set {
            let is_page = rel.extension().is_some_and(|e| e == "md")
                && rel.file_name().is_some_and(|n| n != "_index.md");
            if !is_page {
                return None;
            }
            wanted.push((rel.clone(), *model.page_index.get(rel)?));
        }
        let mut changed = Vec::new();
        for (rel, i) in wanted {
            match self.sources.reread(&self.opts.root, &rel) {
                Ok(true) => changed.push((rel, i)),
                Ok(false) => {}
                Err(_) => return None,
            }
        }
        if changed.is_empty() {
            return Some(Ok(Outcome {
                how: "no change",
                ..Outcome::default()
            }));
        }
        let paths: Vec<PathBuf> = changed.iter().map(|(p, _)| p.clone()).collect();
        let files = self.sources.subset(&paths)?;
        let parsed = content::parse(
            files,
            ParseOptions {
                drafts: self.opts.drafts,
                ..ParseOptions::default()
            },
        )
        .ok()?;
        let mut updates: Vec<(usize, Page, Rendered)> = Vec::new();
        for (rel, i) in &changed {
            let new = parsed.pages.iter().find(|p| &p.file == rel)?;
            let old = model.site.pages.get(*i)?;
            if !same_but_body(&old.page, new) {
                return None;
            }
            let cf = content_rel(&new.file);
            let r = PageRef {
                file: &new.file,
                content_file: &cf,
                path: &new.path,
                body_line: new.body_line,
                plan: new.kind == crate::content::page::Kind::Plan,
            };
            // `/data/hoi-dap.json` reads a question's whole answer, not only its summary;
            // `/data/khao-sat.json` and `cuoc-thi.json` a survey's or contest's whole body.
            if new.kind == crate::content::page::Kind::Question || new.takes_part() {
                return None;
            }
            let rendered = markdown::render(&new.body, &r, &model.links).ok()?;
            let old = &old.rendered;
            if rendered.summary != old.summary
                || rendered.citations != old.citations
                || rendered.tables != old.tables
                || rendered.text_tasks != old.text_tasks
            {
                return None;
            }
            updates.push((*i, new.clone(), rendered));
        }
        let model = self.model.as_mut()?;
        let mut todo = Vec::with_capacity(updates.len());
        for (i, page, rendered) in updates {
            if let Some(e) = model.site.pages.get_mut(i) {
                e.page = page;
                e.rendered = std::sync::Arc::new(rendered);
                model.search.update(&model.site, i);
                todo.extend(jobs::page_jobs(&model.site, i));
            }
        }
        let (files, _) = match render_jobs(&model.theme, &model.site, &model.links, &todo) {
            Ok(r) => r,
            Err(e) => return Some(Err(e)),
        };
        let rendered = files.len();
        let mut touched: Vec<String> = files.keys().cloned().collect();
        model.pages.extend(files);
        // The search index reads every page's text: only the changed pages' words were
        // counted again, and only their postings are replaced in the kept merged index.
        (model.generated).search_again(&model.site, &model.search, &mut touched);
        Some(Ok(Outcome {
            changed: self.patch(touched),
            rendered,
            how: "page bodies",
            ..Outcome::default()
        }))
    }
}

/// Whether two versions of a page differ at most in their Markdown body.
fn same_but_body(a: &Page, b: &Page) -> bool {
    let strip = |p: &Page| {
        let mut p = p.clone();
        p.body.clear();
        format!("{p:?}")
    };
    strip(a) == strip(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_body_may_differ() {
        let files = |text: &str| crate::content::walk::ContentFiles {
            sources: vec![crate::content::walk::SourceFile {
                rel: "content/tin-tuc/a.md".into(),
                text: text.into(),
                nul_line: None,
            }],
            assets: Vec::new(),
        };
        let parse = |text: &str| {
            content::parse(files(text), ParseOptions::default())
                .unwrap()
                .pages
                .remove(0)
        };
        let a = parse("+++\ntitle = \"A\"\ndate = 2024-01-02\n+++\nMột.\n");
        let b = parse("+++\ntitle = \"A\"\ndate = 2024-01-02\n+++\nHai.\n");
        let c = parse("+++\ntitle = \"B\"\ndate = 2024-01-02\n+++\nMột.\n");
        assert!(same_but_body(&a, &b));
        assert!(!same_but_body(&a, &c));
    }
}
