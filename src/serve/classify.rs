//! What a batch of file changes asks for: a pure function from changed paths (and what
//! happened to them) to a small [`Rebuild`] plan. No disk access, so it is tested with a
//! table of cases. Editors' temporary and hidden files never cause a rebuild.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use crate::content::walk::is_ignored;

/// What happened to a path, as the watcher reported it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// A file or folder appeared (also the new name of a rename).
    Create,
    /// A file's data or metadata changed.
    Modify,
    /// A file or folder went away (also the old name of a rename).
    Remove,
    /// Anything else the watcher could not say more about.
    Other,
}

/// One changed path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Absolute path (or relative to the same root as [`Layout::root`]).
    pub path: PathBuf,
    /// What happened.
    pub kind: ChangeKind,
}

/// Where things are in the site folder.
#[derive(Clone, Debug)]
pub struct Layout {
    /// The site folder (holding `site.toml`).
    pub root: PathBuf,
    /// The theme named in `site.toml`.
    pub theme: String,
}

/// What to rebuild. Paths are relative to the site root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rebuild {
    /// Nothing the site is made of changed.
    Nothing,
    /// Files under `content/` that are not Markdown: copy them (pages re-render only if
    /// their list of files changed).
    Assets(BTreeSet<PathBuf>),
    /// Markdown files or folders under `content/`: re-read them and re-render what depends
    /// on them.
    Pages(BTreeSet<PathBuf>),
    /// Template files: re-render the pages whose templates use them.
    Templates(BTreeSet<PathBuf>),
    /// Files of the site's or the theme's `static/`: copy them.
    Static(BTreeSet<PathBuf>),
    /// `site.toml`, a whole top folder, or changes of several kinds at once: rebuild all.
    Full,
}

/// The category of one path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Category {
    Ignore,
    Assets,
    Pages,
    Templates,
    Static,
    Full,
}

/// Turns a batch of changes into one rebuild plan.
pub fn classify(layout: &Layout, changes: &[Change]) -> Rebuild {
    let mut sets: [(Category, BTreeSet<PathBuf>); 4] = [
        (Category::Assets, BTreeSet::new()),
        (Category::Pages, BTreeSet::new()),
        (Category::Templates, BTreeSet::new()),
        (Category::Static, BTreeSet::new()),
    ];
    for c in changes {
        let Some(rel) = relative(&layout.root, &c.path) else {
            continue;
        };
        match category(layout, &rel) {
            Category::Ignore => {}
            Category::Full => return Rebuild::Full,
            cat => {
                if let Some((_, set)) = sets.iter_mut().find(|(k, _)| *k == cat) {
                    set.insert(rel);
                }
            }
        }
    }
    let [(_, assets), (_, mut pages), (_, templates), (_, statics)] = sets;
    if !pages.is_empty() {
        // Assets beside Markdown are handled by the page rebuild.
        pages.extend(assets);
        return one_of(vec![
            Rebuild::Pages(pages),
            Rebuild::Templates(templates),
            Rebuild::Static(statics),
        ]);
    }
    one_of(vec![
        Rebuild::Assets(assets),
        Rebuild::Templates(templates),
        Rebuild::Static(statics),
    ])
}

/// The single non-empty plan, `Nothing` if none, `Full` if several.
fn one_of(plans: Vec<Rebuild>) -> Rebuild {
    let mut found: Vec<Rebuild> = plans
        .into_iter()
        .filter(|r| match r {
            Rebuild::Assets(s) | Rebuild::Pages(s) | Rebuild::Templates(s) | Rebuild::Static(s) => {
                !s.is_empty()
            }
            _ => true,
        })
        .collect();
    match found.len() {
        0 => Rebuild::Nothing,
        1 => found.pop().unwrap_or(Rebuild::Full),
        _ => Rebuild::Full,
    }
}

/// The path relative to the root, with `.` and `..` resolved away; none if outside.
fn relative(root: &Path, path: &Path) -> Option<PathBuf> {
    let rel = if path.is_absolute() {
        path.strip_prefix(root).ok()?
    } else {
        path
    };
    let mut out = PathBuf::new();
    for c in rel.components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

fn category(layout: &Layout, rel: &Path) -> Category {
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    if parts.is_empty() {
        return Category::Ignore;
    }
    // Temporary and hidden files, and anything inside hidden folders (`.git/`).
    if parts.iter().any(|p| is_ignored(p)) {
        return Category::Ignore;
    }
    let is_md = rel.extension().is_some_and(|e| e == "md");
    match parts
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        // `data/chi-so.toml` is read with the configuration.
        ["site.toml"] | ["data", ..] => Category::Full,
        ["content" | "templates" | "static" | "themes" | "i18n"] => Category::Full,
        // Translations are read with the configuration: everything again.
        ["i18n", ..] => Category::Full,
        ["content", ..] if is_md => Category::Pages,
        // Without an extension it may be a folder, which may hold pages.
        ["content", .., last] if !last.contains('.') => Category::Pages,
        ["content", ..] => Category::Assets,
        ["templates", ..] => Category::Templates,
        ["static", ..] => Category::Static,
        ["themes", name, rest @ ..] if *name == layout.theme => match rest {
            [] | ["templates"] | ["static"] | ["i18n", ..] => Category::Full,
            ["templates", ..] => Category::Templates,
            ["static", ..] => Category::Static,
            _ => Category::Ignore,
        },
        _ => Category::Ignore,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(paths: &[&str]) -> BTreeSet<PathBuf> {
        paths.iter().map(PathBuf::from).collect()
    }

    /// A case: its name, the changes, the plan.
    type Case = (&'static str, Vec<(&'static str, ChangeKind)>, Rebuild);

    #[test]
    fn table_of_cases() {
        let layout = Layout {
            root: PathBuf::from("/site"),
            theme: "cong-thong-tin".into(),
        };
        use ChangeKind::*;
        let cases: Vec<Case> = vec![
            ("nothing", vec![], Rebuild::Nothing),
            (
                "translations",
                vec![("/site/i18n/en.toml", Modify)],
                Rebuild::Full,
            ),
            (
                "theme translations",
                vec![("/site/themes/cong-thong-tin/i18n/vi.toml", Modify)],
                Rebuild::Full,
            ),
            (
                "one page, written three times",
                vec![
                    ("/site/content/tin-tuc/a.md", Modify),
                    ("/site/content/tin-tuc/a.md", Modify),
                    ("/site/content/tin-tuc/a.md", Modify),
                ],
                Rebuild::Pages(set(&["content/tin-tuc/a.md"])),
            ),
            (
                "vim's swap, backup and emacs lock files",
                vec![
                    ("/site/content/tin-tuc/.a.md.swp", Modify),
                    ("/site/content/tin-tuc/a.md~", Create),
                    ("/site/content/tin-tuc/.#a.md", Create),
                    ("/site/content/tin-tuc/~$bao-cao.docx", Create),
                ],
                Rebuild::Nothing,
            ),
            (
                "vim's atomic save: backup, then the page",
                vec![
                    ("/site/content/a.md~", Create),
                    ("/site/content/a.md", Create),
                    ("/site/content/a.md~", Remove),
                ],
                Rebuild::Pages(set(&["content/a.md"])),
            ),
            (
                "site.toml",
                vec![("/site/site.toml", Modify)],
                Rebuild::Full,
            ),
            (
                "the index results, and their folder appearing",
                vec![("/site/data/chi-so.toml", Modify), ("/site/data", Create)],
                Rebuild::Full,
            ),
            (
                "site.toml among pages",
                vec![("/site/content/a.md", Modify), ("/site/site.toml", Modify)],
                Rebuild::Full,
            ),
            (
                "a bundle image",
                vec![("/site/content/tin-tuc/le/anh.jpg", Create)],
                Rebuild::Assets(set(&["content/tin-tuc/le/anh.jpg"])),
            ),
            (
                "a bundle image and its page",
                vec![
                    ("/site/content/tin-tuc/le/anh.jpg", Create),
                    ("/site/content/tin-tuc/le/index.md", Modify),
                ],
                Rebuild::Pages(set(&[
                    "content/tin-tuc/le/anh.jpg",
                    "content/tin-tuc/le/index.md",
                ])),
            ),
            (
                "a new folder",
                vec![("/site/content/tin-tuc/2025", Create)],
                Rebuild::Pages(set(&["content/tin-tuc/2025"])),
            ),
            (
                "a rename: old and new names",
                vec![
                    ("/site/content/tin-tuc/a.md", Remove),
                    ("/site/content/tin-tuc/b.md", Create),
                ],
                Rebuild::Pages(set(&["content/tin-tuc/a.md", "content/tin-tuc/b.md"])),
            ),
            (
                "a site template",
                vec![("/site/templates/news.html", Modify)],
                Rebuild::Templates(set(&["templates/news.html"])),
            ),
            (
                "a theme partial",
                vec![(
                    "/site/themes/cong-thong-tin/templates/partials/header.html",
                    Modify,
                )],
                Rebuild::Templates(set(&[
                    "themes/cong-thong-tin/templates/partials/header.html",
                ])),
            ),
            (
                "another theme",
                vec![("/site/themes/khac/templates/news.html", Modify)],
                Rebuild::Nothing,
            ),
            (
                "the theme's stylesheet",
                vec![("/site/themes/cong-thong-tin/static/css/style.css", Modify)],
                Rebuild::Static(set(&["themes/cong-thong-tin/static/css/style.css"])),
            ),
            (
                "the site's static file",
                vec![("/site/static/logo.svg", Create)],
                Rebuild::Static(set(&["static/logo.svg"])),
            ),
            (
                "a template and a page",
                vec![
                    ("/site/templates/news.html", Modify),
                    ("/site/content/a.md", Modify),
                ],
                Rebuild::Full,
            ),
            (
                "a top folder appears",
                vec![("/site/templates", Create)],
                Rebuild::Full,
            ),
            (
                "the output and other folders",
                vec![
                    ("/site/public/index.html", Modify),
                    ("/site/public.congbo-new/x", Create),
                    ("/site/target/debug/x", Modify),
                    ("/elsewhere/content/a.md", Modify),
                    ("/site/.git/index", Modify),
                ],
                Rebuild::Nothing,
            ),
            (
                "a hidden folder inside content",
                vec![("/site/content/.cache/a.md", Modify)],
                Rebuild::Nothing,
            ),
        ];
        for (name, changes, want) in cases {
            let changes: Vec<Change> = changes
                .into_iter()
                .map(|(p, kind)| Change {
                    path: PathBuf::from(p),
                    kind,
                })
                .collect();
            assert_eq!(classify(&layout, &changes), want, "{name}");
        }
    }

    #[test]
    fn paths_that_climb_out_are_ignored() {
        let layout = Layout {
            root: PathBuf::from("/site"),
            theme: "t".into(),
        };
        let c = Change {
            path: PathBuf::from("/site/content/../site.toml"),
            kind: ChangeKind::Modify,
        };
        assert_eq!(classify(&layout, &[c]), Rebuild::Nothing);
    }
}
