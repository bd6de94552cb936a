//! The layering guard (issue #26, "No import circle"): every module of `src/` may use only
//! the modules below it in [`LAYERS`]. A module that reaches up (config using a render type,
//! output using a build helper…) ties the pipeline into a circle: no stage can then be
//! understood, tested or changed without the ones after it. This test reads `src/` as text
//! (no dependency), so it also catches a file added later.
//!
//! What counts as a reference from a file to a top module: `crate::x` anywhere in code
//! (`use`, `pub use`, a path in an expression or a type, `$crate::x` in a macro), the items of
//! a grouped `use crate::{x, y::z}`, a `super::` chain that climbs to the crate root and goes
//! on into another module, and a `#[macro_export]` macro called as `crate::name!` (it counts
//! as the module that defines it). Comments and string literals are ignored.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The top modules of `src/` from the bottom up: each may import only those before it.
/// - `lang` (the message language, `tr!`) and `error` (the `Diagnostic`, whose words use
///   `tr!`) sit under everything;
/// - `timing` (the `CONGBO_TIMINGS` clocks) and `output_file` (the files a build makes)
///   depend on nothing and are handed between several stages;
/// - `text` holds the pure text rules (dates, slugs, folding, HTML escaping);
/// - then the pipeline in the order a build runs its stages, `config` to `check`, and
///   `build`, which runs them all;
/// - then the commands made of whole builds (`deploy`, `new_page`, `scaffold`, `serve`), and last
///   the command line that calls them all.
///
/// A new top module must be placed here on purpose (and in the `//!` doc of src/lib.rs).
const LAYERS: &[&str] = &[
    "lang",
    "error",
    "timing",
    "output_file",
    "text",
    "config",
    "content",
    "markdown",
    "images",
    "site",
    "render",
    "output",
    "check",
    "build",
    "deploy",
    "new_page",
    "import",
    "scaffold",
    "serve",
    "cli",
];

/// Files that are not part of the layered library: `lib.rs` only declares the modules, and
/// `main.rs` is the binary, a separate crate above all (it uses `congbo::`, not `crate::`).
const NOT_LAYERED: &[&str] = &["lib.rs", "main.rs"];

#[test]
fn modules_import_only_downward() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let problems = layer_problems(&src);
    assert!(
        problems.is_empty(),
        "modules must import only downward (order in tests/layers.rs LAYERS):\n{}",
        problems.join("\n")
    );
}

/// Every upward import (and every file outside the known modules) under `src`, one line each.
fn layer_problems(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let sources: Vec<(PathBuf, Vec<Token>)> = files
        .into_iter()
        .filter(|f| {
            let rel = f.strip_prefix(src).unwrap_or(f);
            !NOT_LAYERED.iter().any(|n| rel == Path::new(n))
        })
        .map(|f| {
            let text = fs::read_to_string(&f).unwrap_or_default();
            let tokens = tokens(&strip_comments_and_strings(&text));
            (f, tokens)
        })
        .collect();
    let macros = exported_macros(src, &sources);
    let mut problems = Vec::new();
    for (file, toks) in &sources {
        let rel = file.strip_prefix(src).unwrap_or(file);
        let shown = format!("src/{}", rel.display()).replace('\\', "/");
        let path = module_path(rel);
        let own = &path[0];
        let Some(own_rank) = rank(own) else {
            problems.push(format!(
                "{shown}: module `{own}` is not in the layer order: add it to LAYERS in \
                 tests/layers.rs (and to the order in the `//!` doc of src/lib.rs)"
            ));
            continue;
        };
        for (line, target) in references(toks, path.len()) {
            let module = macros.get(&target).unwrap_or(&target);
            match rank(module) {
                Some(r) if r <= own_rank => {}
                Some(_) => problems.push(format!("{shown}:{line}: {own} imports {module}")),
                None => problems.push(format!(
                    "{shown}:{line}: {own} refers to `crate::{target}`, which is no module \
                     in LAYERS (add it there, or name the module that holds it)"
                )),
            }
        }
    }
    problems
}

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|m| *m == module)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file relative to `src/`: `render/jobs/metrics.rs` is
/// `[render, jobs, metrics]`, `render/mod.rs` is `[render]`.
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.last_mut() {
        *last = last.trim_end_matches(".rs").to_string();
    }
    if parts.len() > 1 && parts.last().is_some_and(|l| l == "mod") {
        parts.pop();
    }
    parts
}

/// Each `#[macro_export]` macro's name and the top module that defines it: such a macro
/// lives at the crate root (`crate::tr!`), but its code is its module's.
fn exported_macros(src: &Path, sources: &[(PathBuf, Vec<Token>)]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for (file, toks) in sources {
        let rel = file.strip_prefix(src).unwrap_or(file);
        let own = module_path(rel)[0].clone();
        for (i, t) in toks.iter().enumerate() {
            if t.text == "macro_export" {
                let rest = &toks[i..];
                if let Some(j) = rest.iter().position(|t| t.text == "macro_rules")
                    && let Some(name) = rest.get(j + 2)
                {
                    out.insert(name.text.clone(), own.clone());
                }
            }
        }
    }
    out
}

#[derive(Debug, Clone)]
struct Token {
    text: String,
    line: usize,
}

/// Every top module (or root item) the code refers to, with its line. `depth` is the file's
/// module depth (`render/jobs/metrics.rs` is 3); inline `mod name { … }` blocks add to it.
fn references(toks: &[Token], depth: usize) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    // Brace depths at which an inline module opened, to know how deep `super::` starts.
    let mut inline_mods: Vec<usize> = Vec::new();
    let mut braces = 0usize;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i].text.as_str();
        let prev = if i > 0 { toks[i - 1].text.as_str() } else { "" };
        match t {
            "{" => {
                if i >= 2 && toks[i - 2].text == "mod" {
                    inline_mods.push(braces);
                }
                braces += 1;
            }
            "}" => {
                braces = braces.saturating_sub(1);
                if inline_mods.last() == Some(&braces) {
                    inline_mods.pop();
                }
            }
            // A path that starts here (not the tail of `a::crate`, which is no Rust).
            "crate" | "$crate" | "super" if prev != "::" && next_is(toks, i, "::") => {
                let here = depth + inline_mods.len();
                path_refs(toks, i, here, &mut out);
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn next_is(toks: &[Token], i: usize, text: &str) -> bool {
    toks.get(i + 1).is_some_and(|t| t.text == text)
}

/// Follows the path starting at `toks[i]` (`crate`, `$crate` or `super`) from module depth
/// `depth`, and records the top module it enters once it stands at the crate root.
fn path_refs(toks: &[Token], mut i: usize, mut depth: usize, out: &mut Vec<(usize, String)>) {
    loop {
        match toks.get(i).map(|t| t.text.as_str()) {
            Some("crate" | "$crate") => depth = 0,
            Some("super") => depth = depth.saturating_sub(1),
            _ => break,
        }
        if !next_is(toks, i, "::") {
            return;
        }
        i += 2;
    }
    if depth > 0 {
        // Still inside the file's own top module; a group may climb further (`super::{super::x}`).
        if toks.get(i).is_some_and(|t| t.text == "{") {
            group_refs(toks, i, depth, out);
        }
        return;
    }
    match toks.get(i) {
        Some(t) if t.text == "{" => group_refs(toks, i, 0, out),
        Some(t) if t.text == "*" => out.push((t.line, "*".to_string())),
        Some(t) if is_ident(&t.text) => out.push((t.line, t.text.clone())),
        _ => {}
    }
}

/// The items of a `{ … }` group at `toks[open]`, standing at module depth `depth`.
fn group_refs(toks: &[Token], open: usize, depth: usize, out: &mut Vec<(usize, String)>) {
    let mut i = open + 1;
    let mut item_start = true;
    let mut level = 0usize;
    while let Some(t) = toks.get(i) {
        match t.text.as_str() {
            "{" => {
                if item_start && level == 0 && depth == 0 {
                    // `crate::{{a, b}}`: a nested group at the root.
                    group_refs(toks, i, 0, out);
                }
                level += 1;
                item_start = false;
            }
            "}" if level == 0 => return,
            "}" => level -= 1,
            "," if level == 0 => {
                item_start = true;
                i += 1;
                continue;
            }
            text if item_start && level == 0 => {
                if text == "super" && next_is(toks, i, "::") {
                    path_refs(toks, i, depth, out);
                } else if depth == 0 && text == "*" {
                    out.push((t.line, "*".to_string()));
                } else if depth == 0 && is_ident(text) && text != "self" {
                    out.push((t.line, text.to_string()));
                }
                item_start = false;
            }
            _ => {}
        }
        i += 1;
    }
}

fn is_ident(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// Splits code (already free of comments and strings) into identifiers, `$ident`, `::` and
/// single punctuation characters, each with its line.
fn tokens(code: &str) -> Vec<Token> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() || c == '_' || (c == '$' && i + 1 < chars.len()) {
            let start = i;
            i += 1;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            // `r#ident` (a raw identifier) is the identifier itself.
            let text = text.strip_prefix("r#").unwrap_or(&text).to_string();
            out.push(Token { text, line });
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push(Token {
                text: "::".into(),
                line,
            });
            i += 2;
        } else {
            out.push(Token {
                text: c.to_string(),
                line,
            });
            i += 1;
        }
    }
    out
}

/// The source with comments, string, byte-string, raw-string and char literals blanked to
/// spaces (newlines kept, so lines still count), so that a path written in a doc or a
/// message is not taken for an import.
fn strip_comments_and_strings(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < c.len() {
        let ident_before = i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_');
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            // Block comments nest in Rust.
            let mut level = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    level += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    level -= 1;
                    out.push_str("  ");
                    i += 2;
                    if level == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
        } else if let Some(hashes) = raw_string_start(&c, i).filter(|_| !ident_before) {
            // r"…", r#"…"#, br"…", cr"…": up to the quote followed by as many hashes.
            while c[i] != '"' {
                out.push(' ');
                i += 1;
            }
            out.push(' ');
            i += 1;
            while i < c.len() {
                if c[i] == '"' && (1..=hashes).all(|k| c.get(i + k) == Some(&'#')) {
                    for _ in 0..=hashes {
                        out.push(' ');
                    }
                    i += hashes + 1;
                    break;
                }
                blank(&mut out, c[i]);
                i += 1;
            }
        } else if c[i] == '"' {
            // "…", and the quote of b"…" / c"…" (their prefix letter stays, harmless).
            out.push(' ');
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' && i + 1 < c.len() {
                    blank(&mut out, c[i]);
                    i += 1;
                }
                blank(&mut out, c[i]);
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else if c[i] == '\'' {
            // A char literal ('x', '\n', '\u{7b}', '{') or a lifetime / label ('a).
            if c.get(i + 1) == Some(&'\\') {
                // Past the backslash and the escaped character (which may be a quote).
                let mut j = i + 3;
                while j < c.len() && c[j] != '\'' {
                    j += 1;
                }
                for _ in i..=j.min(c.len() - 1) {
                    out.push(' ');
                }
                i = j + 1;
            } else if c.get(i + 2) == Some(&'\'') {
                out.push_str("   ");
                i += 3;
            } else {
                out.push(c[i]);
                i += 1;
            }
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

/// At a raw string (`r"`, `r#"`, `br"`, `cr#"`…), the number of its hashes.
fn raw_string_start(c: &[char], i: usize) -> Option<usize> {
    let mut j = i;
    if matches!(c.get(j), Some('b' | 'c')) {
        j += 1;
    }
    if c.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let mut hashes = 0;
    while c.get(j) == Some(&'#') {
        hashes += 1;
        j += 1;
    }
    (c.get(j) == Some(&'"')).then_some(hashes)
}

#[cfg(test)]
mod guard_tests {
    use super::*;

    fn refs(code: &str, depth: usize) -> Vec<(usize, String)> {
        references(&tokens(&strip_comments_and_strings(code)), depth)
    }

    fn names(code: &str, depth: usize) -> Vec<String> {
        refs(code, depth).into_iter().map(|(_, m)| m).collect()
    }

    #[test]
    fn finds_every_form_of_reference() {
        let code = "use crate::render::i18n::Catalogue;\n\
                    pub use crate::check::X;\n\
                    use crate::{text, build::clock::{a, b}, error::Diagnostic};\n\
                    fn f() { let x = crate::output::write(); $crate::lang::current(); }\n\
                    use super::super::site::Site;\n\
                    use super::{super::markdown::escape, Local};\n";
        assert_eq!(
            refs(code, 2),
            vec![
                (1, "render".to_string()),
                (2, "check".into()),
                (3, "text".into()),
                (3, "build".into()),
                (3, "error".into()),
                (4, "output".into()),
                (4, "lang".into()),
                (5, "site".into()),
                (6, "markdown".into()),
            ]
        );
    }

    #[test]
    fn super_within_the_own_module_is_no_reference() {
        assert!(names("use super::jobs::X; use super::super::Y;", 3).is_empty());
        // One level deeper inside an inline `mod tests { … }`.
        let code = "mod tests { use super::super::super::render::X; }";
        assert!(names(code, 3).is_empty());
        assert_eq!(names(code, 2), vec!["render"]);
        // After the inline module closes, the depth is the file's again.
        assert_eq!(
            names("mod t { fn f() {} } use super::super::site::S;", 2),
            vec!["site"]
        );
    }

    #[test]
    fn ignores_comments_strings_and_visibility() {
        let code = "// use crate::build::x;\n/* crate::serve /* nested */ crate::cli */\n\
                    /// [`crate::render`]\nlet s = \"crate::check::x\"; let r = r#\"crate::build\"#;\n\
                    let c = '{'; let q = '\\''; fn f<'a>(x: &'a str) {}\n\
                    pub(crate) fn g() {} pub(in crate::text) fn h() {}\n";
        assert_eq!(names(code, 1), vec!["text"]);
    }

    #[test]
    fn lines_are_counted_through_blanked_text() {
        let code = "/* a\nb */\nlet s = \"x\ny\";\nuse crate::site::S;";
        assert_eq!(refs(code, 1), vec![(5, "site".to_string())]);
    }

    #[test]
    fn module_paths_of_files() {
        assert_eq!(module_path(Path::new("render/mod.rs")), vec!["render"]);
        assert_eq!(module_path(Path::new("build.rs")), vec!["build"]);
        assert_eq!(
            module_path(Path::new("render/jobs/metrics.rs")),
            vec!["render", "jobs", "metrics"]
        );
    }

    #[test]
    fn a_new_unknown_module_and_an_upward_import_fail() {
        let dir = std::env::temp_dir().join(format!("congbo-layers-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("text")).unwrap();
        fs::write(dir.join("lib.rs"), "pub mod text;\npub mod gadget;\n").unwrap();
        fs::write(dir.join("text/mod.rs"), "\n\nuse crate::config::Config;\n").unwrap();
        fs::write(dir.join("gadget.rs"), "use crate::text;\n").unwrap();
        let problems = layer_problems(&dir);
        let _ = fs::remove_dir_all(&dir);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("src/gadget.rs: module `gadget` is not in the layer order")
        );
        assert_eq!(problems[1], "src/text/mod.rs:3: text imports config");
    }
}
