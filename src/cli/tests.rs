use super::*;

fn args(a: &[&str]) -> Vec<String> {
    std::iter::once("congbo")
        .chain(a.iter().copied())
        .map(String::from)
        .collect()
}

#[test]
fn a_vietnamese_site_speaks_vietnamese_whatever_the_locale() {
    let vi_site = tempfile::tempdir().unwrap();
    std::fs::write(vi_site.path().join("site.toml"), "title = \"Xã\"\n").unwrap();
    let en_site = tempfile::tempdir().unwrap();
    std::fs::write(
        en_site.path().join("site.toml"),
        "title = \"Commune\"\nlanguage = \"en\"\n",
    )
    .unwrap();
    let (vi, en) = (
        vi_site.path().to_string_lossy().to_string(),
        en_site.path().to_string_lossy().to_string(),
    );
    let choose = |a: &[&str], env: Option<&str>| messages_language(&args(a), env, Lang::En);
    assert_eq!(choose(&["build", "--root", &vi], None), Lang::Vi);
    assert_eq!(choose(&["check", &format!("--root={vi}")], None), Lang::Vi);
    assert_eq!(choose(&["serve", "-r", &vi], None), Lang::Vi);
    assert_eq!(choose(&["new", "news", "Tin", "-r", &vi], None), Lang::Vi);
    // Asked for by name: the flag, then CONGBO_LANG.
    assert_eq!(
        choose(&["build", "--root", &vi, "--lang", "en"], None),
        Lang::En
    );
    assert_eq!(
        choose(&["--lang=en", "build", "-r", &vi], Some("vi")),
        Lang::En
    );
    assert_eq!(choose(&["build", "--root", &vi], Some("en")), Lang::En);
    assert_eq!(choose(&["build", "--root", &en], Some("vi")), Lang::Vi);
    // An English site, no site at all, or a command without one: the locale.
    assert_eq!(choose(&["build", "--root", &en], None), Lang::En);
    let empty = tempfile::tempdir().unwrap();
    let empty = empty.path().to_string_lossy().to_string();
    assert_eq!(choose(&["build", "--root", &empty], None), Lang::En);
    assert_eq!(choose(&["init", &vi], None), Lang::En);
    assert_eq!(
        messages_language(&args(&["build", "-r", &en]), None, Lang::Vi),
        Lang::Vi
    );
}
