//! The layering guard's own tests: each form of reference the scanner must find, and
//! what it must not take for one.

use std::fs;
use std::path::Path;

use super::layer_problems;
use super::scan::*;

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
    assert!(problems[0].starts_with("src/gadget.rs: module `gadget` is not in the layer order"));
    assert_eq!(problems[1], "src/text/mod.rs:3: text imports config");
}
