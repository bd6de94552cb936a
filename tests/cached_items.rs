//! List items are laid out once per page (`cached/item.html`) and shown by every list that
//! has the page, with the same HTML a list that lays them out itself would make.

mod common;
use common::*;

/// The theme's list, changed to lay out every item itself instead of using `cached_item`.
fn list_without_cached_items() -> String {
    let list = std::fs::read_to_string(
        repo_root().join("themes/cong-thong-tin/templates/partials/page_list.html"),
    )
    .unwrap();
    let cached = "p.cached_item and";
    assert!(
        list.contains(cached),
        "page_list.html no longer uses {cached}"
    );
    list.replace(cached, "false and")
}

#[test]
fn lists_show_each_pages_item_as_rendered_once_and_lay_out_the_first_themselves() {
    let site = TestSite::new();
    for (slug, day) in [("mot", "01"), ("hai", "02"), ("ba", "03")] {
        site.write(
            &format!("content/tin-tuc/{slug}.md"),
            &news(
                &format!("Tin {slug}"),
                &format!("2026-03-{day}"),
                &["Chuyển đổi số"],
            ),
        );
    }
    // Tells the two ways apart: rendered once per page `item_lazy` is not set.
    site.write(
        "templates/cached/item.html",
        "<li>{{ p.title }}|{{ item_lazy | default(value=\"cached\") }}</li>",
    );
    site.build_ok();
    let tag = site.read("chu-de/chuyen-doi-so/index.html");
    // The test site lists two a page: the first item of each page is laid out in place.
    assert_has(&tag, &["<li>Tin ba|false</li>", "<li>Tin hai|cached</li>"]);
    let page2 = site.read("chu-de/chuyen-doi-so/trang/2/index.html");
    assert_has(&page2, &["<li>Tin mot|false</li>"]);
    let section = site.read("tin-tuc/index.html");
    assert_has(
        &section,
        &["<li>Tin ba|false</li>", "<li>Tin hai|cached</li>"],
    );
    // The item is not a part rendered once a build with the site alone.
    assert!(!site.exists("cached/item.html"));
}

#[test]
fn the_default_themes_lists_are_the_same_whether_items_are_cached_or_not() {
    let site = example_copy();
    site.build_ok();
    let cached = site.snapshot();
    let items = site
        .read("tin-tuc/index.html")
        .matches("class=\"item ")
        .count();
    assert!(items > 3, "the example's news list shows {items} items");
    site.write(
        "templates/partials/page_list.html",
        &list_without_cached_items(),
    );
    site.build_ok();
    let laid_out = site.snapshot();
    assert_eq!(cached.len(), laid_out.len());
    for ((file, a), (_, b)) in cached.iter().zip(&laid_out) {
        assert!(
            a == b,
            "{file} differs when lists lay out their items themselves"
        );
    }
}
