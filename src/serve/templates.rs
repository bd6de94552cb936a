//! Which templates a template change touches: a template is affected when it is one of the
//! changed files or names one of them, directly or through others, in `extends`,
//! `include` or `import`. Tera 2 components are global, so a changed template that
//! defines one affects every template; so does a change reaching a `cached/` template,
//! whose HTML every page may show.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use regex::Regex;

/// Template names → the template names they refer to.
#[derive(Debug, Default)]
pub struct TemplateGraph {
    refs: HashMap<String, BTreeSet<String>>,
    defines_components: BTreeSet<String>,
}

impl TemplateGraph {
    /// Reads the graph from template sources (name → text).
    pub fn from_sources<'a>(sources: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        // A quoted name right after extends/include/import (include may list several).
        let tag = Regex::new(
            r#"\{%-?\s*(?:extends|include|import)\s+((?:\[[^\]]*\])|(?:"[^"]*")|(?:'[^']*'))"#,
        )
        .ok();
        let quoted = Regex::new(r#""([^"]*)"|'([^']*)'"#).ok();
        let component = Regex::new(r"\{%-?\s*component\s").ok();
        let mut g = TemplateGraph::default();
        for (name, text) in sources {
            let mut refs = BTreeSet::new();
            if let (Some(tag), Some(quoted)) = (&tag, &quoted) {
                for cap in tag.captures_iter(text) {
                    let Some(list) = cap.get(1) else { continue };
                    for q in quoted.captures_iter(list.as_str()) {
                        if let Some(m) = q.get(1).or_else(|| q.get(2)) {
                            refs.insert(m.as_str().to_string());
                        }
                    }
                }
            }
            if component.as_ref().is_none_or(|c| c.is_match(text)) {
                g.defines_components.insert(name.to_string());
            }
            g.refs.insert(name.to_string(), refs);
        }
        g
    }

    /// Reads every template named in `files` (name → file relative to `root`).
    pub fn load(root: &Path, files: &HashMap<String, PathBuf>) -> Self {
        let texts: Vec<(String, String)> = files
            .iter()
            .map(|(n, p)| {
                let text = std::fs::read_to_string(root.join(p)).unwrap_or_default();
                (n.clone(), text)
            })
            .collect();
        Self::from_sources(texts.iter().map(|(n, t)| (n.as_str(), t.as_str())))
    }

    /// The templates affected by a change of `changed`; `None` means all of them.
    pub fn affected(&self, changed: &BTreeSet<String>) -> Option<BTreeSet<String>> {
        if changed.iter().any(|c| self.defines_components.contains(c)) {
            return None;
        }
        let mut out: BTreeSet<String> = changed.clone();
        loop {
            let before = out.len();
            for (name, refs) in &self.refs {
                if !out.contains(name) && refs.iter().any(|r| out.contains(r)) {
                    out.insert(name.clone());
                }
            }
            if out.len() == before {
                let global = out
                    .iter()
                    .any(|n| n.starts_with(crate::render::jobs::CACHED_PREFIX));
                return (!global).then_some(out);
            }
        }
    }
}

/// The template name of a file under `templates/` or `themes/<theme>/templates/`.
pub fn template_name(rel: &Path, theme: &str) -> Option<String> {
    let rest = rel
        .strip_prefix("templates")
        .or_else(|_| rel.strip_prefix(Path::new("themes").join(theme).join("templates")))
        .ok()?;
    Some(rest.to_string_lossy().replace('\\', "/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> BTreeSet<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn follows_extends_and_includes() {
        let g = TemplateGraph::from_sources([
            (
                "base.html",
                r#"{% include "partials/header.html" %}{% block x %}{% endblock %}"#,
            ),
            (
                "news.html",
                r#"{% extends "base.html" %}{%- include 'partials/nav.html' -%}"#,
            ),
            ("page.html", r#"{% extends "base.html" %}"#),
            ("partials/header.html", "<header>"),
            ("partials/nav.html", "<nav>"),
            ("404.html", "plain"),
        ]);
        assert_eq!(
            g.affected(&names(&["news.html"])),
            Some(names(&["news.html"]))
        );
        assert_eq!(
            g.affected(&names(&["partials/nav.html"])),
            Some(names(&["partials/nav.html", "news.html"]))
        );
        assert_eq!(
            g.affected(&names(&["partials/header.html"])),
            Some(names(&[
                "partials/header.html",
                "base.html",
                "news.html",
                "page.html"
            ]))
        );
    }

    #[test]
    fn cached_templates_touch_everything() {
        let g = TemplateGraph::from_sources([
            ("base.html", "{{ cached.footer | safe }}"),
            ("page.html", r#"{% extends "base.html" %}"#),
            (
                "cached/footer.html",
                r#"{% include "partials/links.html" %}"#,
            ),
            ("partials/links.html", "<ul>"),
            ("partials/other.html", "<p>"),
        ]);
        assert_eq!(g.affected(&names(&["cached/footer.html"])), None);
        assert_eq!(g.affected(&names(&["partials/links.html"])), None);
        assert_eq!(
            g.affected(&names(&["partials/other.html"])),
            Some(names(&["partials/other.html"]))
        );
    }

    #[test]
    fn components_touch_everything() {
        let g = TemplateGraph::from_sources([
            (
                "c.html",
                "{% component Badge(x) %}{{ x }}{% endcomponent Badge %}",
            ),
            ("page.html", "<Badge />"),
        ]);
        assert_eq!(g.affected(&names(&["c.html"])), None);
    }

    #[test]
    fn names_from_paths() {
        assert_eq!(
            template_name(Path::new("templates/partials/a.html"), "t").as_deref(),
            Some("partials/a.html")
        );
        assert_eq!(
            template_name(Path::new("themes/t/templates/news.html"), "t").as_deref(),
            Some("news.html")
        );
        assert_eq!(template_name(Path::new("static/a.css"), "t"), None);
    }
}
