//! Content in several languages: `abc.en.md`, `abc/index.en.md` and `_index.en.md` are the
//! English versions of `abc.md`, `abc/index.md` and `_index.md`, published under `/en/`.
//! Only the codes declared in `[languages.…]` count as suffixes, so a file named
//! `nghi-dinh.2018.md` stays a Vietnamese page. Each language's files are parsed on their
//! own, as a whole site; these helpers split them and name the pairs of translations.

use std::path::Path;

use super::walk::ContentFiles;

/// The declared language whose suffix `file_name` carries (`abc.en.md` → `en`).
pub fn language_of<'a>(file_name: &str, languages: &[&'a str]) -> Option<&'a str> {
    let stem = file_name.strip_suffix(".md")?;
    let (_, code) = stem.rsplit_once('.')?;
    languages.iter().copied().find(|l| *l == code)
}

/// A file name without its language suffix (`abc.en.md` → `abc.md`); other names as they are.
pub fn plain_name(file_name: &str, lang: Option<&str>) -> String {
    match lang.and_then(|l| file_name.strip_suffix(&format!(".{l}.md"))) {
        Some(stem) => format!("{stem}.md"),
        None => file_name.to_string(),
    }
}

/// The name shared by a file and its translations: its path relative to `content/`
/// without the language suffix (`tin-tuc/abc.en.md` → `tin-tuc/abc.md`).
pub fn translation_key(content_rel: &str, lang: Option<&str>) -> String {
    match content_rel.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/{}", plain_name(name, lang)),
        None => plain_name(content_rel, lang),
    }
}

/// Splits the content into one set of files per language: the main language first with
/// every file that has no declared suffix and every other file (images, PDFs); then each
/// declared language with its Markdown files and, again, the other files (its bundles
/// need theirs; files outside bundles are published once, by the main language).
pub fn split(files: ContentFiles, main: &str, others: &[&str]) -> Vec<(String, ContentFiles)> {
    if others.is_empty() {
        return vec![(main.to_string(), files)];
    }
    let mut parts: Vec<(String, ContentFiles)> = std::iter::once(main)
        .chain(others.iter().copied())
        .map(|l| {
            (
                l.to_string(),
                ContentFiles {
                    sources: Vec::new(),
                    assets: files.assets.clone(),
                },
            )
        })
        .collect();
    for s in files.sources {
        let name = file_name(&s.rel);
        let i = language_of(&name, others)
            .and_then(|l| others.iter().position(|o| *o == l))
            .map_or(0, |i| i + 1);
        parts[i].1.sources.push(s);
    }
    parts
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::walk::SourceFile;

    #[test]
    fn suffixes_of_declared_languages_only() {
        let langs = ["en"];
        assert_eq!(language_of("abc.en.md", &langs), Some("en"));
        assert_eq!(language_of("_index.en.md", &langs), Some("en"));
        assert_eq!(language_of("abc.md", &langs), None);
        assert_eq!(language_of("nghi-dinh.2018.md", &langs), None);
        assert_eq!(language_of("abc.fr.md", &langs), None);
        assert_eq!(language_of("abc.en.txt", &langs), None);
        assert_eq!(plain_name("index.en.md", Some("en")), "index.md");
        assert_eq!(plain_name("index.md", Some("en")), "index.md");
        assert_eq!(
            translation_key("tin-tuc/abc/index.en.md", Some("en")),
            "tin-tuc/abc/index.md"
        );
        assert_eq!(translation_key("_index.en.md", Some("en")), "_index.md");
    }

    #[test]
    fn split_sends_each_file_to_its_language() {
        let src = |p: &str| SourceFile {
            rel: format!("content/{p}").into(),
            text: String::new(),
            nul_line: None,
        };
        let files = ContentFiles {
            sources: vec![
                src("a.md"),
                src("a.en.md"),
                src("b/_index.en.md"),
                src("c.2018.md"),
            ],
            assets: vec![],
        };
        let parts = split(files, "vi", &["en"]);
        let names = |i: usize| -> Vec<String> {
            parts[i]
                .1
                .sources
                .iter()
                .map(|s| s.rel.to_string_lossy().to_string())
                .collect()
        };
        assert_eq!(parts[0].0, "vi");
        assert_eq!(names(0), vec!["content/a.md", "content/c.2018.md"]);
        assert_eq!(parts[1].0, "en");
        assert_eq!(names(1), vec!["content/a.en.md", "content/b/_index.en.md"]);
    }
}
