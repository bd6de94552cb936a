//! The stages up to the site model, shared by `build`, `build_in_memory` and `check`.

use super::progress::{Stage, mark};
use super::{
    BuildOptions, StageClock, build_date, languages, load_config, render_markdown,
    render_markdown_consuming,
};
use crate::config::Overrides;
use crate::content;
use crate::error::{Diagnostics, both};
use crate::render;
use crate::site::{self, Site};

/// The stages up to the site model: configuration, templates, content, Markdown, model;
/// one model per language, the main language first.
/// `drop_sources` frees each page's Markdown as it is rendered (a build does not need it again;
/// at 100,000 pages it is most of a gigabyte). With `checking`, broken `@/` links are left
/// to the check stage, which reports them with the other check errors (or as warnings).
pub(super) fn model(
    opts: &BuildOptions,
    clock: &mut StageClock,
    drop_sources: bool,
    checking: bool,
) -> Result<(Vec<languages::Part>, render::Theme), Diagnostics> {
    let config = load_config(
        &opts.root,
        &Overrides {
            base_url: opts.base_url.clone(),
        },
    )?;
    let progress = opts.progress.as_deref();
    mark(progress, Stage::Reading);
    let theme = render::load_theme(&opts.root, &config);
    clock.lap("config and templates");
    let files = content::walk::read(&opts.root);
    clock.lap("read content");
    let content = files.and_then(|f| languages::parse(f, &config, opts.drafts));
    clock.lap("parse front matter");
    let (theme, mut contents) = both(theme, content)?;
    let mut links = languages::link_contexts(&contents);
    links.iter_mut().for_each(|l| l.defer_broken = checking);
    mark(progress, Stage::Markdown);
    // Images (the main language's bundles) are resized while the Markdown renders; a site
    // without images pays nothing.
    // The assets are lent to the images while the Markdown takes the pages' sources out
    // of `contents`, then put back.
    let assets = std::mem::take(&mut contents[0].1.assets);
    let (bodies, images) = rayon::join(
        || {
            let mut errors = Diagnostics::default();
            let mut bodies = Vec::with_capacity(contents.len());
            for ((_, content), links) in contents.iter_mut().zip(&links) {
                let rendered = if drop_sources {
                    render_markdown_consuming(content, links)
                } else {
                    render_markdown(content, links)
                };
                match rendered {
                    Ok(b) => bodies.push(b),
                    Err(e) => errors.extend(e),
                }
            }
            errors.into_result(bodies)
        },
        || crate::images::process(&opts.root, &assets),
    );
    contents[0].1.assets = assets;
    let bodies = bodies?;
    clock.lap("markdown and images");
    mark(progress, Stage::Model);
    let today = opts.build_date.unwrap_or_else(build_date);
    let mut sites: Vec<Site> = contents
        .into_iter()
        .zip(bodies)
        .map(|((config, content), (pages, sections))| {
            site::assemble(config, content, pages, sections, today)
        })
        .collect();
    site::languages::link(&mut sites);
    // Every language shows the same copies (made once, published at the site root).
    for other in sites.iter_mut().skip(1) {
        other.images = images.clone();
    }
    if let Some(main) = sites.first_mut() {
        main.images = images;
    }
    clock.lap("site model");
    Ok((sites.into_iter().zip(links).collect(), theme))
}
