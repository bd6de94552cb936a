use std::path::PathBuf;

use super::*;
use crate::content::walk::{ContentFiles, SourceFile};
use crate::content::{ParseOptions, parse};

fn parse_errors(files: &[(&str, &str)]) -> Vec<String> {
    let sources = files
        .iter()
        .map(|(rel, text)| SourceFile {
            rel: PathBuf::from(rel),
            text: text.to_string(),
            nul_line: None,
        })
        .collect();
    let files = ContentFiles {
        sources,
        assets: vec![],
    };
    match parse(files, ParseOptions::default()) {
        Ok(_) => vec![],
        Err(e) => e.0.iter().map(ToString::to_string).collect(),
    }
}

fn made(file: &str, words: &str) -> Claim {
    Claim {
        file: file.into(),
        owner: Owner::Made(words.into()),
    }
}

fn page(file: &str, source: &str, line: usize) -> Claim {
    Claim {
        file: file.into(),
        owner: Owner::Page {
            file: source.into(),
            line,
        },
    }
}

#[test]
fn site_paths_become_files() {
    assert_eq!(file_of("/"), "/index.html");
    assert_eq!(file_of("/tin-tuc/"), "/tin-tuc/index.html");
    assert_eq!(file_of("/a/b.html"), "/a/b.html");
    assert_eq!(file_of("/404.html"), "/404.html");
}

#[test]
fn two_pages_at_one_url_stay_an_error() {
    let errors = parse_errors(&[
        ("content/a.md", "+++\ntitle = \"A\"\n+++\n"),
        ("content/b.md", "+++\ntitle = \"B\"\nslug = \"a\"\n+++\n"),
    ]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(
            "content/b.md:3:1: error: this page would be written at /a/, like content/a.md"
        ),
        "{errors:?}"
    );
}

#[test]
fn an_alias_onto_a_page_names_both() {
    let errors = parse_errors(&[
        ("content/a.md", "+++\ntitle = \"A\"\n+++\n"),
        (
            "content/b.md",
            "+++\ntitle = \"B\"\n\naliases = [\"/x/\", \"a\"]\n+++\n",
        ),
    ]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(
            "content/b.md:4:1: error: the alias /a/ would be written at /a/, like content/a.md;"
        ),
        "{errors:?}"
    );
}

#[test]
fn two_aliases_at_one_url() {
    let errors = parse_errors(&[
        (
            "content/a.md",
            "+++\ntitle = \"A\"\naliases = [\"cu\"]\n+++\n",
        ),
        (
            "content/b.md",
            "+++\ntitle = \"B\"\naliases = [\"/cu/\"]\n+++\n",
        ),
    ]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("the alias /cu/ of content/a.md"),
        "{errors:?}"
    );
}

#[test]
fn a_page_at_what_congbo_makes_is_an_error_at_the_page() {
    let claims = [
        page("/tim-kiem/index.html", "content/tim-kiem.md", 1),
        made("/tim-kiem/index.html", "the search page"),
    ];
    let errors = clashes(&claims);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].file, PathBuf::from("content/tim-kiem.md"));
    assert!(
        errors[0]
            .message
            .contains("/tim-kiem/, where congbo writes the search page"),
        "{}",
        errors[0].message
    );
    // In either order.
    let errors = clashes(&[claims[1].clone(), claims[0].clone()]);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].file, PathBuf::from("content/tim-kiem.md"));
}

#[test]
fn a_file_where_a_folder_is_needed() {
    let alias = Claim {
        file: file_of("/css/style.css/"),
        owner: Owner::Alias {
            file: "content/a.md".into(),
            line: 3,
            alias: "/css/style.css/".into(),
        },
    };
    let css = made("/css/style.css", "the theme's static file css/style.css");
    for claims in [[alias.clone(), css.clone()], [css, alias]] {
        let errors = clashes(&claims);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].line, errors[0].column), (3, 1));
        assert!(
            errors[0].message.contains("css/style.css"),
            "{}",
            errors[0].message
        );
    }
    // A page written as a file where a generated list needs its folder.
    let errors = clashes(&[
        made("/tin-tuc/trang/2/index.html", "page 2 of the list"),
        page("/tin-tuc/trang/2", "content/x.md", 2),
    ]);
    assert_eq!(errors.len(), 1, "{errors:?}");
}

#[test]
fn what_congbo_makes_twice_is_not_the_content_s_error() {
    let errors = clashes(&[
        made("/css/style.css", "the theme's static file css/style.css"),
        made("/css/style.css", "the file static/css/style.css"),
    ]);
    assert!(errors.is_empty());
}

#[test]
fn a_content_file_may_stand_where_a_static_file_is_but_not_a_page() {
    let file = Claim {
        file: "/logo.svg".into(),
        owner: Owner::File("content/logo.svg".into()),
    };
    let logo = Claim {
        file: "/logo.svg".into(),
        owner: Owner::Static("the file static/logo.svg".into()),
    };
    assert!(clashes(&[logo.clone(), file.clone()]).is_empty());
    let data = made("/logo.svg", "the open data file /logo.svg");
    assert_eq!(clashes(&[data, file]).len(), 1);
    let alias = Claim {
        file: "/logo.svg/index.html".into(),
        owner: Owner::Alias {
            file: "content/a.md".into(),
            line: 2,
            alias: "/logo.svg/".into(),
        },
    };
    assert_eq!(clashes(&[logo, alias]).len(), 1);
}
