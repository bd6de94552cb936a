//! Issue #26: a header that fits a phone. The menu folds behind a "Menu" button that works
//! without JavaScript (a `<summary>`, announced as a button with its state), and each page
//! kind loads only the stylesheets it needs (the home page weighed 50.7 KiB). The browser
//! checks (tests/browser.rs) measure the header and the layout shift in Chromium.

mod common;
use common::*;

#[test]
fn the_menu_folds_behind_a_menu_button_inside_the_navigation() {
    let site = example_copy();
    site.build_ok();
    let home = site.read("index.html");
    let nav_at = home
        .find("<nav class=\"main-nav\"")
        .expect("the main navigation");
    let nav = &home[nav_at..nav_at + home[nav_at..].find("</nav>").unwrap()];
    // The button comes first, then the list it opens; the list is the menu of site.toml.
    assert_has(
        nav,
        &[
            "<details class=\"menu-fold\">",
            "<summary>Menu</summary>",
            "</details>",
            "<ul class=\"menu\">",
            "<a href=\"/\" aria-current=\"page\">Trang chủ</a>",
        ],
    );
    assert!(nav.find("<summary>") < nav.find("<ul class=\"menu\">"));
    // It is the whole fold: no script needed, none loaded for it.
    let css = site.read("css/style.css");
    assert_has(
        &css,
        &[
            ".menu-fold { display: none; }",
            ".menu-fold:not([open]) + .menu { display: none; }",
        ],
    );
}

/// (page, stylesheets of its kind it must load, those it must not).
const KINDS: &[(&str, &[&str], &[&str])] = &[
    ("index.html", &[], &["plan", "sheet", "search"]),
    (
        "ke-hoach/ke-hoach-kiem-soat-tthc-2026/index.html",
        &["plan"],
        &["sheet", "search"],
    ),
    (
        "thu-tuc/dang-ky-khai-tu/in/index.html",
        &["sheet"],
        &["plan", "search"],
    ),
    (
        "linh-vuc/ho-tich/in/index.html",
        &["sheet"],
        &["plan", "search"],
    ),
    ("tim-kiem/index.html", &["search"], &["plan", "sheet"]),
    (
        "thu-tuc/dang-ky-khai-tu/index.html",
        &[],
        &["plan", "sheet", "search"],
    ),
];

#[test]
fn each_page_kind_loads_its_own_stylesheet_and_no_other() {
    let site = example_copy();
    site.build_ok();
    for (page, wanted, unwanted) in KINDS {
        let html = site.read(page);
        assert_has(
            &html,
            &["<link rel=\"stylesheet\" href=\"/css/style.css\">"],
        );
        for css in *wanted {
            let link = format!("<link rel=\"stylesheet\" href=\"/css/{css}.css\">");
            assert!(html.contains(&link), "{page} lacks {link}");
            assert!(site.exists(&format!("css/{css}.css")));
        }
        for css in *unwanted {
            assert!(
                !html.contains(&format!("/css/{css}.css")),
                "{page} loads {css}.css"
            );
        }
    }
    // The rules moved: the base sheet has none of a page kind's own.
    let base = site.read("css/style.css");
    for rule in [
        ".state-doc {",
        ".sheet{",
        ".search-result {",
        ".timeline-table",
    ] {
        assert!(!base.contains(rule), "style.css still has {rule}");
    }
}
