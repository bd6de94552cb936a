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

use std::fs;
use std::path::{Path, PathBuf};

use scan::{
    Token, exported_macros, module_path, references, rust_files, strip_comments_and_strings, tokens,
};

/// The top modules of `src/` from the bottom up: each may import only those before it.
/// - `lang` (the message language, `tr!`) and `error` (the `Diagnostic`, whose words use
///   `tr!`) sit under everything;
/// - `timing` (the `CONGBO_TIMINGS` clocks) and `output_file` (the files a build makes)
///   depend on nothing and are handed between several stages;
/// - `text` holds the pure text rules (dates, slugs, folding, HTML escaping);
/// - then the pipeline in the order a build runs its stages, `config` to `check`, and
///   `build`, which runs them all;
/// - then the commands made of whole builds (`deploy`, `new_page`, `scaffold`, `serve`), with the
///   browser editor (`editor`, which `serve --edit` serves) just under `serve`; and last
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
    "editor",
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

#[cfg(test)]
#[path = "layers/guard_tests.rs"]
mod guard_tests;
#[path = "layers/scan.rs"]
mod scan;
