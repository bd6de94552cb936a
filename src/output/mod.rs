//! The output stage: feeds, sitemap, robots, redirects and static files join the rendered
//! pages, and everything is written to a staging folder that replaces `public/` only when
//! the whole write succeeded. A failed build leaves the old `public/` exactly as it was.

pub mod data;
pub mod feeds;
pub mod sitemap;
mod write;

use std::collections::HashMap;

use walkdir::WalkDir;

use crate::render::{OutputData, OutputFile, Theme};
use crate::site::Site;

/// Everything besides the rendered pages: feeds, sitemap, robots, aliases.
pub fn generated(site: &Site) -> Vec<OutputFile> {
    let mut out = feeds::feeds(site);
    out.extend(data::open_data(
        site,
        &site.tasks,
        &site.agencies,
        &site.documents,
    ));
    out.push(sitemap::sitemap(site));
    out.push(sitemap::robots(site));
    out.extend(sitemap::aliases(site));
    out
}

/// Static files of the theme, then the site's `static/` (which wins), then content files.
pub fn static_files(theme: &Theme, site: &Site) -> Vec<OutputFile> {
    let mut out = Vec::new();
    for dir in &theme.static_dirs {
        for e in WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            if !e.file_type().is_file()
                || crate::content::walk::is_ignored(&e.file_name().to_string_lossy())
            {
                continue;
            }
            if let Ok(rel) = e.path().strip_prefix(dir) {
                out.push(OutputFile {
                    path: format!("/{}", rel.to_string_lossy().replace('\\', "/")),
                    data: OutputData::Copy(e.path().to_path_buf()),
                });
            }
        }
    }
    out.extend(site.assets.iter().map(|a| OutputFile {
        path: a.path.clone(),
        data: OutputData::Copy(a.abs.clone()),
    }));
    out.extend(site.images.files());
    out
}

/// Joins the file lists; a later file replaces an earlier one at the same path (the site's
/// static files win over the theme's), but a page never loses to a redirect.
pub fn merge(lists: Vec<Vec<OutputFile>>) -> Vec<OutputFile> {
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<OutputFile> = Vec::new();
    for f in lists.into_iter().flatten() {
        match index.get(&f.path) {
            Some(&i) => out[i] = f,
            None => {
                index.insert(f.path.clone(), out.len());
                out.push(f);
            }
        }
    }
    out
}

pub use write::{WriteReport, Writer, write};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_files_win() {
        let f = |p: &str, b: &str| OutputFile {
            path: p.into(),
            data: OutputData::Bytes(b.as_bytes().to_vec()),
        };
        let m = merge(vec![
            vec![f("/a", "theme"), f("/b", "x")],
            vec![f("/a", "site")],
        ]);
        assert_eq!(m.len(), 2);
        assert!(matches!(&m[0].data, OutputData::Bytes(b) if b == b"site"));
    }
}
