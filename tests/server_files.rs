//! `.htaccess` and `web.config` in the output: written with the 404 page under the base
//! path, replaced by a site's own files from `static/`, and left out with
//! `server_files = false`.

mod common;
use common::*;

#[test]
fn server_files_follow_the_base_path_and_yield_to_the_site() {
    let mut site = TestSite::new();
    site.write(
        "content/gioi-thieu.md",
        "+++\ntitle = \"Giới thiệu\"\n+++\nNội dung.\n",
    );
    site.opts.base_url = Some("https://tinh.example.gov.vn/xa-thanh-an/".into());
    site.build_ok();
    assert_has(
        &site.read(".htaccess"),
        &["ErrorDocument 404 /xa-thanh-an/404.html\n"],
    );
    assert_has(
        &site.read("web.config"),
        &["<mimeMap fileExtension=\".ics\""],
    );

    site.write("static/.htaccess", "# riêng của xã\n");
    site.build_ok();
    assert_eq!(site.read(".htaccess"), "# riêng của xã\n");
    assert_has(&site.read("web.config"), &["<configuration>"]);

    site.remove("static/.htaccess");
    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write("site.toml", &format!("server_files = false\n{toml}"));
    site.build_ok();
    assert!(!site.exists(".htaccess") && !site.exists("web.config"));
    assert!(site.exists("gioi-thieu/index.html"));
}

/// IIS serves any file whose extension has a type, and `.congbo-deploy.json` (congbo
/// deploy's list in the target folder) ends in `.json`, which web.config maps: the shipped
/// web.config must hide it (request filtering, a section IIS lets a site set), and the
/// build's `.congbo-manifest` with it, as `.htaccess` and the nginx snippet do.
#[test]
fn web_config_hides_the_deploy_and_build_lists_from_iis() {
    let site = TestSite::new();
    site.build_ok();
    let text = site.read("web.config");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let hidden: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("hiddenSegments"))
        .flat_map(|n| n.children().filter(|c| c.has_tag_name("add")))
        .filter_map(|a| a.attribute("segment"))
        .collect();
    for segment in [".congbo-deploy.json", ".congbo-manifest"] {
        assert!(
            hidden.contains(&segment),
            "{segment} not hidden: {hidden:?}"
        );
    }
    let within = doc
        .descendants()
        .find(|n| n.has_tag_name("hiddenSegments"))
        .and_then(|n| n.parent())
        .map(|n| n.tag_name().name());
    assert_eq!(within, Some("requestFiltering"));
    // A file still being sent has a type IIS does not know, so it is not served.
    assert!(!text.contains(".congbo-up\""), "a type for .congbo-up");
}
