//! The output stage: feeds, sitemap, robots, redirects and static files join the rendered
//! pages, and everything is written to a staging folder that replaces `public/` only when
//! the whole write succeeded. A failed build leaves the old `public/` exactly as it was.

pub mod data;
pub mod feeds;
pub mod sitemap;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::error::{Diagnostic, Diagnostics};
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

/// The staging and old folders beside the output folder.
fn siblings(out_dir: &Path) -> (PathBuf, PathBuf) {
    let name = out_dir
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().to_string());
    (
        out_dir.with_file_name(format!("{name}.congbo-new")),
        out_dir.with_file_name(format!("{name}.congbo-old")),
    )
}

/// Writes all files into a fresh folder and swaps it in place of `out_dir`.
pub fn write(out_dir: &Path, files: &[OutputFile]) -> Result<(), Diagnostics> {
    let (staging, old) = siblings(out_dir);
    for d in [&staging, &old] {
        if d.exists() {
            std::fs::remove_dir_all(d).map_err(|e| {
                Diagnostic::io(d, "remove a leftover folder of an interrupted build", &e)
            })?;
        }
    }
    std::fs::create_dir_all(&staging)
        .map_err(|e| Diagnostic::io(&staging, "create the output folder", &e))?;
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| target(&staging, &f.path).parent().map(Path::to_path_buf))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        std::fs::create_dir_all(d).map_err(|e| Diagnostic::io(d, "create a folder", &e))?;
    }
    let errors: Vec<Diagnostic> = files
        .par_iter()
        .filter_map(|f| {
            let to = target(&staging, &f.path);
            let r = match &f.data {
                OutputData::Bytes(b) => std::fs::write(&to, b),
                OutputData::Copy(from) => std::fs::copy(from, &to).map(|_| ()),
            };
            r.err().map(|e| Diagnostic::io(&to, "write", &e))
        })
        .collect();
    if !errors.is_empty() {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(Diagnostics(errors));
    }
    swap(out_dir, &staging, &old)
}

fn target(root: &Path, site_path: &str) -> PathBuf {
    let mut p = root.to_path_buf();
    for part in site_path
        .split('/')
        .filter(|s| !s.is_empty() && *s != "." && *s != "..")
    {
        p.push(part);
    }
    p
}

fn swap(out_dir: &Path, staging: &Path, old: &Path) -> Result<(), Diagnostics> {
    let had_old = out_dir.exists();
    if had_old {
        std::fs::rename(out_dir, old)
            .map_err(|e| Diagnostic::io(out_dir, "move the previous output aside", &e))?;
    }
    if let Err(e) = std::fs::rename(staging, out_dir) {
        if had_old {
            let _ = std::fs::rename(old, out_dir);
        }
        return Err(Diagnostic::io(out_dir, "put the new output in place", &e).into());
    }
    if had_old {
        let _ = std::fs::remove_dir_all(old);
    }
    Ok(())
}

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

    #[test]
    fn write_swaps_whole_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("cu")).unwrap();
        std::fs::write(out.join("cu/index.html"), "old").unwrap();
        let files = vec![OutputFile {
            path: "/moi/index.html".into(),
            data: OutputData::Bytes(b"new".to_vec()),
        }];
        write(&out, &files).unwrap();
        assert!(
            !out.join("cu").exists(),
            "stale files go with the old output"
        );
        assert_eq!(
            std::fs::read_to_string(out.join("moi/index.html")).unwrap(),
            "new"
        );
        assert!(
            !dir.path().join("public.congbo-new").exists()
                && !dir.path().join("public.congbo-old").exists()
        );
    }
}
