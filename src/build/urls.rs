//! Who owns each URL of the whole site: every language's content (pages, section lists,
//! aliases, content files) against everything congbo makes (its pages, feeds, open data,
//! search index, sitemap, static files), through the one rule of [`crate::content::urls`].
//! The content stage has already compared a language's content with itself; this adds the
//! rest, which only the whole site knows.

use std::path::Path;

use super::languages::{self, Part};
use crate::content::urls::{self, Claim, Owner, file_of};
use crate::error::Diagnostics;
use crate::output::Made;
use crate::output_file::{OutputData, OutputFile};
use crate::render::{self, Theme};
use crate::site::languages::prefix;

/// The claim of a file [`languages::generated_into`] made; `None` for a redirect, which
/// the content claims already hold with its page's file and line.
pub(super) fn made_claim(f: &OutputFile, made: Made) -> Option<Claim> {
    (made != Made::Redirect).then(|| Claim {
        file: f.path.clone(),
        owner: Owner::Made(made.words(&f.path)),
    })
}

/// Every clash of the site: `generated` are the claims of the files
/// [`languages::generated_into`] made (through [`made_claim`]).
pub(super) fn check(
    theme: &Theme,
    parts: &[Part],
    root: &Path,
    generated: Vec<Claim>,
) -> Diagnostics {
    let mut claims = Vec::new();
    for Part { site, .. } in parts {
        let p = prefix(site);
        let sections = site.sections.iter().map(|s| &s.section);
        let pages = site.pages.iter().map(|e| &e.page);
        let mut own = urls::content_claims(sections, pages);
        own.extend(site.assets.iter().map(|a| Claim {
            file: a.path.clone(),
            owner: Owner::File(a.abs.strip_prefix(root).unwrap_or(&a.abs).to_path_buf()),
        }));
        for j in render::jobs::plan(site) {
            if !render::jobs::theme_makes(theme, j) {
                continue;
            }
            if let Some(words) = render::jobs::made_by(site, j) {
                own.push(Claim {
                    file: file_of(&render::jobs::job_path(site, j)),
                    owner: Owner::Made(words),
                });
            }
        }
        claims.extend(own.into_iter().map(|mut c| {
            c.file = format!("{p}{}", c.file);
            c
        }));
    }
    claims.extend(generated);
    claims.extend(
        languages::static_files(theme, parts)
            .iter()
            .filter_map(|f| static_claim(f, theme, root)),
    );
    Diagnostics(urls::clashes(&claims))
}

/// The claim of a static file: the server's, the theme's or the site's `static/`, or a
/// resized image. Content files are claimed as content, by [`check`].
fn static_claim(f: &OutputFile, theme: &Theme, root: &Path) -> Option<Claim> {
    let words = match &f.data {
        OutputData::Bytes(_) => crate::tr!(
            en: "the web server's file {}",
            vi: "tệp cấu hình máy chủ web {}",
            f.path.trim_start_matches('/')
        ),
        OutputData::Copy(abs) => {
            if abs.starts_with(root.join("content")) {
                return None;
            }
            let site_static = root.join("static");
            match theme.static_dirs.iter().find(|d| abs.starts_with(d)) {
                Some(d) if *d == site_static => crate::tr!(
                    en: "the file static{}",
                    vi: "tệp static{}",
                    f.path
                ),
                Some(_) => crate::tr!(
                    en: "the theme's static file {}",
                    vi: "tệp tĩnh của giao diện {}",
                    f.path.trim_start_matches('/')
                ),
                None => crate::tr!(
                    en: "a resized copy of an image, {}",
                    vi: "một bản thu nhỏ của ảnh, {}",
                    f.path
                ),
            }
        }
    };
    Some(Claim {
        file: f.path.clone(),
        owner: Owner::Static(words),
    })
}
