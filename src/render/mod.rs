//! The render stage: load the theme's templates (the site's `templates/` overriding them
//! file by file), then render every page, section, taxonomy and the 404 page in parallel
//! into [`OutputFile`](crate::output_file::OutputFile)s. Template errors become diagnostics with the template's file and line.

pub mod filters;
pub mod i18n;
mod inline;
pub mod jobs;
pub mod views;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tera::{ErrorKind, Tera};
use walkdir::WalkDir;

use crate::config::Config;
use crate::config::strings::Catalogue;
use crate::error::{Diagnostic, Diagnostics};

/// The loaded templates and where each came from.
#[derive(Clone)]
pub struct Theme {
    /// Compiled templates with congbo's filters.
    pub tera: Tera,
    /// Template name → file (relative to the site root), for error messages.
    pub files: HashMap<String, PathBuf>,
    /// Static folders to copy, theme first, then the site's (which wins).
    pub static_dirs: Vec<PathBuf>,
    /// The site folder: links in the static folders are followed only inside it.
    pub site_root: PathBuf,
    /// The template sources (name, text), kept to compile them again for each language.
    sources: std::sync::Arc<Vec<(String, String)>>,
}

impl Theme {
    /// Whether a template of that name exists.
    pub fn has(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// The same templates writing another language's strings and dates (for the pages of
    /// `config`, a language's configuration).
    pub fn for_language(&self, config: &Config) -> Theme {
        let mut t = self.clone();
        match compile(&self.sources, &config.root_path, &config.strings) {
            Ok(tera) => t.tera = tera,
            // The sources compiled once already; should the literals upset tera, the
            // calls stay calls.
            Err(_) => filters::register(&mut t.tera, &config.root_path, &config.strings),
        }
        t
    }

    /// Turns a Tera error into a diagnostic naming the template file and line.
    pub fn diagnostic(&self, template: &str, err: &tera::Error) -> Diagnostic {
        diagnostic(&self.files, template, err)
    }
}

fn diagnostic(files: &HashMap<String, PathBuf>, template: &str, err: &tera::Error) -> Diagnostic {
    let file_of = |name: &str| {
        files
            .get(name)
            .cloned()
            .unwrap_or_else(|| PathBuf::from(name))
    };
    match err.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
            let name = if r.filename().is_empty() {
                template
            } else {
                r.filename()
            };
            let span = r.span();
            Diagnostic::at(
                file_of(name),
                span.start_line,
                span.start_col + 1,
                crate::tr!(en: "template error: {}", vi: "lỗi mẫu giao diện: {}", r.message()),
            )
        }
        other => {
            let mut msg = other.to_string();
            if let Some(src) = std::error::Error::source(err) {
                msg.push_str(&format!(": {src}"));
            }
            Diagnostic::file(
                file_of(template),
                crate::tr!(en: "template error: {msg}", vi: "lỗi mẫu giao diện: {msg}"),
            )
        }
    }
}

/// Reads the theme named in `site.toml` and the site's `templates/`.
pub fn load_theme(root: &Path, config: &Config) -> Result<Theme, Diagnostics> {
    let theme_dir = root.join("themes").join(&config.theme);
    let mut errors = Diagnostics::default();
    if !theme_dir.is_dir() && !root.join("templates").is_dir() {
        return Err(Diagnostic::file(
            "site.toml",
            crate::tr!(
                en: "the theme \"{}\" is not in themes/{}: copy a theme there or fix `theme`",
                vi: "không có giao diện \"{}\" trong themes/{}: hãy chép một giao diện vào đó hoặc sửa `theme`",
                config.theme,
                config.theme
            ),
        )
        .into());
    }
    let mut sources: HashMap<String, (PathBuf, String)> = HashMap::new();
    for dir in [theme_dir.join("templates"), root.join("templates")] {
        for (name, path) in template_files(&dir) {
            let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            match std::fs::read(&path)
                .map_err(|e| e.to_string())
                .and_then(crate::content::walk::decode)
            {
                Ok(text) => {
                    sources.insert(name, (rel, text));
                }
                Err(m) => errors.push(Diagnostic::file(rel, m)),
            }
        }
    }
    let files: HashMap<String, PathBuf> = sources
        .iter()
        .map(|(n, (p, _))| (n.clone(), p.clone()))
        .collect();
    let mut tera = Tera::default();
    filters::register(&mut tera, &config.base_path, &config.strings);
    // Every key a template names must be in every language's strings.
    let catalogues: Vec<&Catalogue> = std::iter::once(&*config.strings)
        .chain(config.languages.iter().map(|l| &*l.strings))
        .collect();
    errors.extend(Diagnostics(i18n::check_templates(&sources, &catalogues)));
    // Syntax errors file by file first, so one build reports them all.
    let mut names: Vec<&String> = sources.keys().collect();
    names.sort();
    for name in &names {
        let mut single = Tera::default();
        filters::register(&mut single, &config.base_path, &config.strings);
        if let Err(e) = single.add_raw_template(name, &sources[*name].1)
            && matches!(e.kind(), ErrorKind::SyntaxError(_))
        {
            errors.push(diagnostic(&files, name, &e));
        }
    }
    let mut texts: Vec<(String, String)> = sources
        .into_iter()
        .map(|(n, (_, text))| (n, text))
        .collect();
    texts.sort();
    if errors.is_empty() {
        match compile(&texts, &config.base_path, &config.strings) {
            Ok(t) => tera = t,
            Err(e) => errors.push(diagnostic(&files, "", &e)),
        }
    }
    let static_dirs = [theme_dir.join("static"), root.join("static")]
        .into_iter()
        .filter(|d| d.is_dir())
        .collect();
    errors.into_result(Theme {
        tera,
        files,
        static_dirs,
        site_root: root.to_path_buf(),
        sources: std::sync::Arc::new(texts),
    })
}

/// Compiles the templates for one language: congbo's filters, and the constant calls
/// written as that language's literals ([`inline::inline_constants`]).
fn compile(
    sources: &[(String, String)],
    base_path: &str,
    strings: &std::sync::Arc<Catalogue>,
) -> Result<Tera, tera::Error> {
    let mut tera = Tera::default();
    filters::register(&mut tera, base_path, strings);
    let inlined: Vec<(&str, String)> = sources
        .iter()
        .map(|(n, t)| (n.as_str(), inline::inline_constants(t, strings, base_path)))
        .collect();
    tera.add_raw_templates(inlined.iter().map(|(n, t)| (*n, t.as_str())))?;
    Ok(tera)
}

/// Template files under `dir`, named by their path relative to it with `/` separators.
fn template_files(dir: &Path) -> Vec<(String, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_type().is_file()
                && !crate::content::walk::is_ignored(&e.file_name().to_string_lossy())
        })
        .filter_map(|e| {
            let name = e
                .path()
                .strip_prefix(dir)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            Some((name, e.into_path()))
        })
        .collect()
}
