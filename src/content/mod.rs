//! The content stage: walk `content/`, split and parse front matter, resolve each file into
//! a typed [`Page`] or [`Section`], give everything its URL and place bundle files.
//! [`parse`] is pure (files in, model out); [`walk::read`] is the disk part.

mod checks;
mod front_keys;
pub mod frontmatter;
pub mod key_docs;
pub mod langs;
pub mod names;
pub mod page;
pub mod raw;
pub mod resolve;
pub mod urls;
pub mod walk;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use checks::{check_bulletin_numbers, check_names};
pub use page::{KeyLines, Kind, Page, Section};
use raw::{RawPage, RawSection};
use resolve::Origin;
use walk::{ContentFiles, SourceFile};

use crate::error::{Diagnostic, Diagnostics};
use crate::text::slug::slugify;

/// The parsed content of a site.
#[derive(Clone, Debug, Default)]
pub struct Content {
    /// Sections by key (`""` is home), parents before children.
    pub sections: Vec<Section>,
    /// Pages, in file path order, drafts removed unless asked for.
    pub pages: Vec<Page>,
    /// Non-Markdown files and where they go in the output.
    pub assets: Vec<PlacedAsset>,
}

/// A file to copy into the output.
#[derive(Clone, Debug)]
pub struct PlacedAsset {
    /// Where it is on disk.
    pub abs: PathBuf,
    /// Site path it is published at (`/tin-tuc/abc/anh.jpg`).
    pub path: String,
    /// Size in bytes.
    pub size: u64,
}

/// Options of the content stage.
#[derive(Clone, Debug, Default)]
pub struct ParseOptions {
    /// Keep pages with `draft = true`.
    pub drafts: bool,
    /// The language suffix the files carry (`en` for `abc.en.md`), for a language other
    /// than the main one: names are read without it, so `index.en.md` is a bundle.
    pub language: Option<String>,
}

enum Parsed {
    Section(
        String,
        Box<Result<SectionFile, (Vec<Diagnostic>, SectionFile)>>,
    ),
    Page(SourceFile),
}

/// A section's `_index.md` after splitting, before resolving (an empty one for implicit sections).
#[derive(Default)]
struct SectionFile {
    raw: RawSection,
    front: String,
    body: String,
    body_line: usize,
    file: PathBuf,
}

/// Parses all content files into sections and pages, reporting every error at once.
pub fn parse(files: ContentFiles, opts: ParseOptions) -> Result<Content, Diagnostics> {
    let mut errors = Diagnostics::default();
    let mut raw_sections: BTreeMap<String, SectionFile> = BTreeMap::new();
    let mut page_files = Vec::new();
    let lang = opts.language.as_deref();
    for f in files.sources {
        match classify(f, lang) {
            Parsed::Section(key, parsed) => match *parsed {
                Ok(sf) => {
                    raw_sections.insert(key, sf);
                }
                Err((ds, sf)) => {
                    ds.into_iter().for_each(|d| errors.push(d));
                    raw_sections.insert(key, sf);
                }
            },
            Parsed::Page(f) => page_files.push(f),
        }
    }
    // Every folder holding pages is a section, with or without an `_index.md`.
    for f in &page_files {
        let mut key = page_section_key(&f.rel, lang);
        loop {
            raw_sections.entry(key.clone()).or_default();
            match key.rfind('/') {
                Some(i) => key.truncate(i),
                None if !key.is_empty() => key.clear(),
                None => break,
            }
        }
    }
    raw_sections.entry(String::new()).or_default();
    // A section's `draft = true` holds back the section, its pages and the sections in it,
    // as a page's holds back the page (the home page cannot be held back: it is the site).
    let draft_sections: Vec<String> = raw_sections
        .iter()
        .filter(|(key, sf)| !key.is_empty() && sf.raw.draft == Some(true) && !opts.drafts)
        .map(|(key, _)| key.clone())
        .collect();
    let in_draft = |key: &str| {
        draft_sections.iter().any(|d| {
            key == d
                || key
                    .strip_prefix(d.as_str())
                    .is_some_and(|r| r.starts_with('/'))
        })
    };

    let mut sections = resolve_sections(raw_sections, &mut errors);
    let by_key: HashMap<&str, &Section> = sections.iter().map(|s| (s.key.as_str(), s)).collect();

    let results: Vec<Result<Page, Vec<Diagnostic>>> = page_files
        .into_par_iter()
        .map(|f| parse_page(f, &by_key, lang))
        .collect();
    // Collected in place: the pages take the results' memory (100 MB at 100,000 pages).
    let pages: Vec<Page> = results
        .into_iter()
        .filter_map(|r| match r {
            Ok(p) if p.draft && !opts.drafts || in_draft(&p.section) => None,
            Ok(p) => Some(p),
            Err(ds) => {
                ds.into_iter().for_each(|d| errors.push(d));
                None
            }
        })
        .collect();
    sections.retain(|s| !in_draft(&s.key));
    // Within this language; the whole site's check adds what congbo makes and the other
    // languages, through the same rule.
    for d in urls::clashes(&urls::content_claims(&sections, &pages)) {
        errors.push(d);
    }
    let mut assets = place_assets(files.assets, &pages);
    if lang.is_some() {
        // Files outside this language's bundles are published by the main language.
        assets.retain(|a| {
            pages
                .iter()
                .any(|p| p.bundle_dir.is_some() && a.path.starts_with(&p.path))
        });
    }
    check_names(&sections, &pages, &assets, &mut errors);
    check_bulletin_numbers(&pages, &mut errors);
    errors.into_result(Content {
        sections,
        pages,
        assets,
    })
}

/// A file's name as the content stage reads it: without the language suffix.
fn name_of(rel: &Path, lang: Option<&str>) -> String {
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    langs::plain_name(&name, lang)
}

fn classify(f: SourceFile, lang: Option<&str>) -> Parsed {
    let is_section = name_of(&f.rel, lang) == "_index.md";
    if !is_section {
        return Parsed::Page(f);
    }
    let key = dir_key(f.rel.parent().unwrap_or(Path::new("")));
    let failed = |d: Diagnostic| {
        (
            vec![d],
            SectionFile {
                file: f.rel.clone(),
                body_line: 1,
                ..SectionFile::default()
            },
        )
    };
    let split = match frontmatter::split(&f.text) {
        Ok(s) => s,
        Err(e) => {
            return Parsed::Section(
                key,
                Box::new(Err(failed(Diagnostic::at(&f.rel, e.line, 1, e.message)))),
            );
        }
    };
    let file = |raw| SectionFile {
        raw,
        front: split.front.to_string(),
        body: split.body.to_string(),
        body_line: split.body_line,
        file: f.rel.clone(),
    };
    let parsed = match front_keys::read::<RawSection>(split.front, &f.rel, split.front_line) {
        Ok(raw) => Ok(file(raw)),
        // The good keys still make the section (its kind, its pages' URLs), so its pages
        // are checked as what they are and its other errors are reported too.
        Err(bad) => Err((bad.errors, file(bad.partial.unwrap_or_default()))),
    };
    Parsed::Section(key, Box::new(parsed))
}

/// `content/tin-tuc/sub` → `tin-tuc/sub`; `content` → ``.
fn dir_key(dir: &Path) -> String {
    let s = dir.to_string_lossy().replace('\\', "/");
    let s = s.strip_prefix("content").unwrap_or(&s);
    s.trim_matches('/').to_string()
}

/// The section a page file belongs to: its folder, or for a bundle's `index.md` the bundle's parent.
fn page_section_key(rel: &Path, lang: Option<&str>) -> String {
    let dir = rel.parent().unwrap_or(Path::new(""));
    if name_of(rel, lang) == "index.md" {
        dir_key(dir.parent().unwrap_or(Path::new("")))
    } else {
        dir_key(dir)
    }
}

fn resolve_sections(raw: BTreeMap<String, SectionFile>, errors: &mut Diagnostics) -> Vec<Section> {
    let mut keys: Vec<String> = raw.keys().cloned().collect();
    keys.sort_by_key(|k| {
        (
            k.matches('/').count() + usize::from(!k.is_empty()),
            k.clone(),
        )
    });
    let mut raw = raw;
    let mut done: Vec<Section> = Vec::with_capacity(keys.len());
    for key in keys {
        let Some(sf) = raw.remove(&key) else { continue };
        let parent = (!key.is_empty()).then(|| {
            key.rfind('/')
                .map_or(String::new(), |i| key[..i].to_string())
        });
        let parent_kind = parent
            .as_ref()
            .and_then(|p| done.iter().find(|s| &s.key == p))
            .map(|s| s.kind);
        let top = key.split('/').next().unwrap_or("");
        let default_kind = match parent_kind {
            Some(k) if parent.as_deref() != Some("") => k,
            _ => Kind::default_for_folder(top),
        };
        let origin = Origin {
            file: &sf.file,
            front: &sf.front,
            front_line: 2,
        };
        let has_file = !sf.file.as_os_str().is_empty();
        let mut section =
            match resolve::section(sf.raw, default_kind, &origin, sf.body, sf.body_line.max(1)) {
                Ok(s) => s,
                Err(ds) => {
                    ds.into_iter().for_each(|d| errors.push(d));
                    // Keep a plain section in its place so its pages are still checked.
                    match resolve::section(
                        RawSection::default(),
                        default_kind,
                        &origin,
                        String::new(),
                        1,
                    ) {
                        Ok(s) => s,
                        Err(_) => continue,
                    }
                }
            };
        if !has_file {
            section.file = None;
            if section.kind == Kind::Page && !key.is_empty() {
                section.title = key.rsplit('/').next().unwrap_or(&key).to_string();
                section.default_title = false;
            }
        }
        section.path = section_path(&key);
        section.parent = parent;
        section.key = key;
        done.push(section);
    }
    done
}

fn section_path(key: &str) -> String {
    if key.is_empty() {
        return "/".into();
    }
    let parts: Vec<String> = key.split('/').map(slugify).collect();
    format!("/{}/", parts.join("/"))
}

/// Takes the file by value: its text becomes the page's body in place (the front matter cut
/// off the front), so the site's Markdown is held once, not once read and once parsed: at
/// 100,000 pages that copy was most of a gigabyte of fresh memory.
fn parse_page(
    f: SourceFile,
    sections: &HashMap<&str, &Section>,
    lang: Option<&str>,
) -> Result<Page, Vec<Diagnostic>> {
    let split = frontmatter::split(&f.text)
        .map_err(|e| vec![Diagnostic::at(&f.rel, e.line, 1, e.message)])?;
    let key = page_section_key(&f.rel, lang);
    let section = sections.get(key.as_str()).copied();
    let kind = section.map_or(Kind::Page, |s| s.kind);
    let raw: RawPage = match front_keys::read(split.front, &f.rel, split.front_line) {
        Ok(raw) => raw,
        Err(mut bad) => {
            // The resolver's checks (dates, keys of another kind) on the good keys: one
            // build reports every error of the file.
            if let Some(raw) = bad.partial.take() {
                let origin = Origin {
                    file: &f.rel,
                    front: split.front,
                    front_line: split.front_line,
                };
                if let Err(more) = resolve::page(raw, kind, &origin, String::new(), split.body_line)
                {
                    bad.add_later(more, split.front_line);
                }
            }
            return Err(bad.errors);
        }
    };
    let slug_source = raw.slug.clone();
    let (front, front_line, body_line) =
        (split.front.to_string(), split.front_line, split.body_line);
    // The body is always the text's tail.
    let body_start = f.text.len() - split.body.len();
    let mut body = f.text;
    body.drain(..body_start);
    let origin = Origin {
        file: &f.rel,
        front: &front,
        front_line,
    };
    let mut page = resolve::page(raw, kind, &origin, body, body_line)?;
    if let Some(line) = f.nul_line {
        page.warnings.push(Diagnostic::at(
            &f.rel,
            line,
            0,
            crate::tr!(
                en: "this file has NUL characters (from a broken copy or paste), first on this line; they were removed: check the text there and save the file again",
                vi: "tệp này có ký tự NUL (do sao chép hoặc dán bị lỗi), đầu tiên ở dòng này; các ký tự đó đã được bỏ đi: hãy kiểm tra lại chữ ở đó và lưu lại tệp",
            ),
        ));
    }
    let name = name_of(&f.rel, lang);
    let is_bundle = name == "index.md";
    let stem = if is_bundle {
        f.rel
            .parent()
            .and_then(Path::file_name)
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default()
    } else {
        name.strip_suffix(".md").unwrap_or(&name).to_string()
    };
    let slug = slugify(slug_source.as_deref().unwrap_or(&stem));
    if slug.is_empty() {
        return Err(vec![origin.at_key(
            "slug",
            crate::tr!(
                en: "this page's slug is empty after removing marks and symbols: set `slug` to a few words",
                vi: "tên đường dẫn (slug) của trang này trống sau khi bỏ dấu và ký hiệu: hãy đặt `slug` bằng vài chữ",
            ),
        )]);
    }
    let base = section.map_or_else(|| "/".to_string(), |s| s.path.clone());
    page.path = format!("{base}{slug}/");
    page.section = key;
    page.bundle_dir = is_bundle
        .then(|| f.rel.parent().map(Path::to_path_buf))
        .flatten();
    Ok(page)
}

fn place_assets(assets: Vec<walk::AssetFile>, pages: &[Page]) -> Vec<PlacedAsset> {
    let bundles: HashMap<String, &str> = pages
        .iter()
        .filter_map(|p| p.bundle_dir.as_ref().map(|d| (dir_key(d), p.path.as_str())))
        .collect();
    assets
        .into_iter()
        .map(|a| {
            let mut dir = a.rel.as_str();
            let path = loop {
                match dir.rfind('/') {
                    Some(i) => {
                        dir = &dir[..i];
                        if let Some(page_path) = bundles.get(dir) {
                            break format!("{page_path}{}", &a.rel[dir.len() + 1..]);
                        }
                    }
                    None => break format!("/{}", a.rel),
                }
            };
            PlacedAsset {
                abs: a.abs,
                path,
                size: a.size,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
