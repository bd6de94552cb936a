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
