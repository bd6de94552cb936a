//! The partial rebuilds that leave the site model as it is: templates (only the pages
//! whose templates use a changed one are rendered again), static files and bundle files
//! changed in place (copied; nothing is rendered).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::engine::{Engine, Outcome, render_jobs, to_files};
use super::state::Body;
use super::templates::{TemplateGraph, template_name};
use crate::error::Diagnostics;
use crate::output;
use crate::render::{
    self,
    jobs::{self, Job},
};

impl Engine {
    /// Templates changed: reload them and render again the pages whose templates use them.
    pub(super) fn templates(&mut self, set: &BTreeSet<PathBuf>) -> Result<Outcome, Diagnostics> {
        let Some(model) = self.model.as_mut() else {
            return self.full(set);
        };
        let mut theme = render::load_theme(&self.opts.root, &model.config)?;
        let names: BTreeSet<String> = set
            .iter()
            .filter_map(|p| template_name(p, &model.config.theme))
            .collect();
        let same_names = {
            let mut a: Vec<&String> = theme.files.keys().collect();
            let mut b: Vec<&String> = model.theme.files.keys().collect();
            a.sort();
            b.sort();
            a == b
        };
        let affected = if same_names {
            TemplateGraph::load(&self.opts.root, &theme.files).affected(&names)
        } else {
            None
        };
        let selected: Vec<Job> = model
            .jobs
            .iter()
            .filter(|(_, t)| affected.as_ref().is_none_or(|a| a.contains(t)))
            .map(|(j, _)| *j)
            .collect();
        jobs::set_globals(&mut theme, &model.site)?;
        let (pages, job_templates) = render_jobs(&theme, &model.site, &model.links, &selected)?;
        let rendered = pages.len();
        model.theme = theme;
        let changed = if affected.is_none() {
            model.pages = pages;
            model.jobs = job_templates;
            let mut changed = self.remerge();
            changed.sort();
            changed
        } else {
            let touched: Vec<String> = pages.keys().cloned().collect();
            model.pages.extend(pages);
            self.patch(touched)
        };
        Ok(Outcome {
            changed,
            rendered,
            how: "templates",
            ..Outcome::default()
        })
    }

    /// Static files changed: collect them again (nothing is rendered).
    pub(super) fn statics(&mut self, set: &BTreeSet<PathBuf>) -> Result<Outcome, Diagnostics> {
        let root = self.opts.root.clone();
        let Some(model) = self.model.as_mut() else {
            return self.full(&BTreeSet::new());
        };
        let theme_static = Path::new("themes").join(&model.config.theme).join("static");
        model.theme.static_dirs = [root.join(&theme_static), root.join("static")]
            .into_iter()
            .filter(|d| d.is_dir())
            .collect();
        model.statics = to_files(output::static_files(&model.theme, &model.site));
        // A file's bytes change while its source path stays the same: name it too.
        let mut changed = self.remerge();
        for rel in set {
            if let Ok(p) = rel
                .strip_prefix(&theme_static)
                .or_else(|_| rel.strip_prefix("static"))
            {
                changed.push(format!("/{}", p.to_string_lossy().replace('\\', "/")));
            }
        }
        changed.sort();
        changed.dedup();
        Ok(Outcome {
            changed,
            how: "static files",
            ..Outcome::default()
        })
    }

    /// Bundle files changed in place with the same size: nothing to render, only to tell
    /// the browser. `None` when a file appeared, went away or changed size.
    pub(super) fn try_same_size_assets(&mut self, set: &BTreeSet<PathBuf>) -> Option<Outcome> {
        let mut abs = Vec::new();
        for rel in set {
            // A JPEG or PNG has resized copies to make again: that is a content rebuild.
            if crate::images::is_resizable(&rel.to_string_lossy()) {
                return None;
            }
            // An audio or video file's length is written in its page: that page again.
            if crate::markdown::media::kind_of(&rel.to_string_lossy()).is_some() {
                return None;
            }
            let meta = std::fs::symlink_metadata(self.opts.root.join(rel)).ok()?;
            if !meta.is_file() || self.sources.asset_size(rel) != Some(meta.len()) {
                return None;
            }
            abs.push(self.opts.root.join(rel));
        }
        let changed = self
            .files
            .iter()
            .filter(|(_, b)| matches!(b, Body::File(f) if abs.contains(f)))
            .map(|(p, _)| p.clone())
            .collect();
        Some(Outcome {
            changed,
            how: "bundle files",
            ..Outcome::default()
        })
    }
}
