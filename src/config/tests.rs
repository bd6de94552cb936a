use super::*;

fn cfg(text: &str) -> Result<Config, Diagnostic> {
    parse(text, Path::new("site.toml"), &Overrides::default())
}

#[test]
fn base_url_with_subfolder_gives_base_path() {
    let c = cfg("title = \"X\"\nbase_url = \"https://host.gov.vn/xa-thanh-an\"").unwrap();
    assert_eq!(c.base_url, "https://host.gov.vn/xa-thanh-an/");
    assert_eq!(c.base_path, "/xa-thanh-an/");
    assert_eq!(c.url("/tin-tuc/"), "/xa-thanh-an/tin-tuc/");
    assert_eq!(
        c.permalink("/tin-tuc/a/"),
        "https://host.gov.vn/xa-thanh-an/tin-tuc/a/"
    );
}

#[test]
fn root_base_url() {
    let c = cfg("title = \"X\"\nbase_url = \"https://host.gov.vn\"").unwrap();
    assert_eq!(c.base_path, "/");
    assert_eq!(c.url("/"), "/");
}

#[test]
fn override_wins() {
    let o = Overrides {
        base_url: Some("http://127.0.0.1:1111/".into()),
    };
    let c = parse(
        "title = \"X\"\nbase_url = \"https://a/\"",
        Path::new("s"),
        &o,
    )
    .unwrap();
    assert_eq!(c.base_url, "http://127.0.0.1:1111/");
}

#[test]
fn menu_entries_know_the_line_of_their_url() {
    let text = "title = \"X\"\nbase_url = \"https://a/\"\n\
        [[menu]]  # main navigation\nname = \"Tin tức\"\nurl = \"/tin-tuc/\"\n\n\
        [[menu]]\nurl = \"/lien-he/#ban-do\"\nname = \"Liên hệ\"\n\
        [languages.en]\ntitle = \"Y\"\n\
        [[languages.en.menu]]\nname = \"News\"\nurl = \"/en/news/\"\n";
    let c = cfg(text).unwrap();
    let lines: Vec<usize> = c.menu.iter().map(|m| m.line).collect();
    assert_eq!(lines, [5, 8]);
    let en = c.for_language("en").unwrap();
    assert_eq!(en.menu[0].line, 14);
    // Written inline, the entries have no lines of their own.
    let inline = "title = \"X\"\nbase_url = \"https://a/\"\n\
        menu = [{ name = \"A\", url = \"/a/\" }]\n";
    assert_eq!(cfg(inline).unwrap().menu[0].line, 0);
}

#[test]
fn menu_entries_with_a_scheme_or_a_host_leave_the_site() {
    let external = |url: &str| {
        MenuItem {
            name: "x".into(),
            url: url.into(),
            line: 0,
        }
        .is_external()
    };
    for url in [
        "https://dichvucong.gov.vn/",
        "http://x.vn",
        "//cdn.x.vn/a/",
        "mailto:ubnd@xa.gov.vn",
        "tel:02283123456",
    ] {
        assert!(external(url), "{url}");
    }
    for url in [
        "/",
        "/tin-tuc/",
        "tin-tuc/",
        "/tim-kiem/?q=a:b",
        "/lien-he/#a:b",
        "",
    ] {
        assert!(!external(url), "{url}");
    }
}

#[test]
fn unknown_key_names_key_and_line() {
    let e = cfg("title = \"X\"\nbase_url = \"https://a/\"\ntitel = \"y\"").unwrap_err();
    assert_eq!(e.line, 3);
    assert!(e.message.contains("titel"), "{}", e.message);
}

#[test]
fn bad_base_url_is_explained() {
    let e = cfg("title = \"X\"\nbase_url = \"host.gov.vn\"").unwrap_err();
    assert_eq!(e.line, 2);
    assert!(e.message.contains("https://"));
}

#[test]
fn resolver_needs_placeholder() {
    let e = cfg("title = \"X\"\nbase_url = \"/\"\n[legal]\nresolver = \"https://x/\"").unwrap_err();
    assert_eq!(e.line, 4);
}

#[test]
fn a_menu_entry_that_runs_a_script_is_refused_at_its_line() {
    for url in [
        "javascript:alert(1)",
        " JavaScript:void(0)",
        "java\tscript:alert(1)",
        "vbscript:x",
        "data:text/html,<script>alert(1)</script>",
    ] {
        let text = format!(
            "title = \"X\"\nbase_url = \"https://a/\"\n[[menu]]\nname = \"A\"\nurl = {}\n",
            toml::Value::String(url.into())
        );
        let e = cfg(&text).unwrap_err();
        assert_eq!(e.line, 5, "{url}");
        assert!(e.message.contains("script"), "{}", e.message);
    }
    let ok =
        "title = \"X\"\nbase_url = \"https://a/\"\n[[menu]]\nname = \"A\"\nurl = \"/du-lieu/\"\n";
    assert!(cfg(ok).is_ok());
}
