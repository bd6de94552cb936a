use super::*;

fn kinds(list: &[&str], want: Address) {
    for a in list {
        assert_eq!(classify(a), want, "{a:?}");
    }
}

#[test]
fn content_files_start_with_at_slash() {
    kinds(&["@/tin-tuc/a.md", " @/a.md#muc", "@/"], Address::Content);
    // Only `@/` is a content link: `@x` is a relative file name.
    assert_eq!(classify("@x"), Address::Relative);
}

#[test]
fn site_paths_start_with_one_slash_or_backslash() {
    kinds(
        &[
            "/",
            "/tin-tuc/",
            " /a",
            "/tim-kiem/?q=a:b",
            "/lien-he/#a:b",
            "\\a",
        ],
        Address::SitePath,
    );
}

#[test]
fn relative_addresses_have_no_scheme_and_no_leading_slash() {
    kinds(
        &[
            "",
            "   ",
            "anh.jpg",
            "./a",
            "../x",
            "#top",
            "?q=1",
            "?q=a:b",
            "#a:b",
            "a/b:c",
            "a\\b:c",
            "bao-cao.pdf",
        ],
        Address::Relative,
    );
}

#[test]
fn web_addresses_in_any_case_and_with_spaces_around() {
    kinds(
        &[
            "https://x.vn/",
            "http://x.vn",
            "HTTP://X.VN",
            "HtTpS://x",
            "  https://x.vn/  ",
            "\u{1}https://x",
            "ht\ttps://x",
            "http:x",
        ],
        Address::Web,
    );
}

#[test]
fn two_slashes_are_another_host() {
    kinds(
        &["//x", "//cdn.x.vn/a/", "\\\\x", "/\\x", " //x"],
        Address::OtherHost,
    );
}

#[test]
fn mail_and_phone_are_contacts() {
    kinds(
        &[
            "mailto:",
            "mailto:a@b.vn",
            "MAILTO:a@b.vn",
            "tel:0123",
            " tel:1",
        ],
        Address::Contact,
    );
}

#[test]
fn every_other_scheme_is_refused_however_it_is_disguised() {
    kinds(
        &[
            "javascript:alert(1)",
            " javascript:x",
            "JavaScript:void(0)",
            "java\tscript:alert(1)",
            "java\nscript:x",
            "\u{0}javascript:x",
            "vbscript:msgbox(1)",
            "data:text/html,<script>",
            "data:image/png;base64,AAAA",
            "file:///etc/passwd",
            "ftp://x.vn/a",
            "c:\\file",
            "C:/file",
            ":foo",
            "java script:x",
            "tin tuc:x",
            "unknown:x",
        ],
        Address::Refused,
    );
}

#[test]
fn leaving_the_site_and_web_follow_the_kinds() {
    for (a, leaves, web) in [
        ("@/a.md", false, false),
        ("/a/", false, false),
        ("a", false, false),
        ("https://x", true, true),
        ("//x", true, true),
        ("tel:1", true, false),
        ("javascript:x", true, false),
    ] {
        assert_eq!(classify(a).leaves_site(), leaves, "{a}");
        assert_eq!(classify(a).is_web(), web, "{a}");
    }
}

#[test]
fn every_kind_has_its_own_name() {
    let all = [
        Address::Content,
        Address::SitePath,
        Address::Relative,
        Address::Web,
        Address::OtherHost,
        Address::Contact,
        Address::Refused,
    ];
    let names: std::collections::HashSet<&str> = all.iter().map(|a| a.name()).collect();
    assert_eq!(names.len(), all.len());
}

#[test]
fn trimming_drops_spaces_and_controls_only() {
    assert_eq!(trim(" \t\u{1}/a b\n"), "/a b");
    assert_eq!(trim("\u{a0}x"), "\u{a0}x");
}

#[test]
fn web_parts_split_scheme_host_and_rest() {
    let p = web_parts(" HTTPS://Xa.gov.vn/tin-tuc/?a#b ").unwrap();
    assert_eq!(
        (p.scheme, p.host, p.rest),
        ("HTTPS", "Xa.gov.vn", "/tin-tuc/?a#b")
    );
    let p = web_parts("http://x.vn").unwrap();
    assert_eq!((p.host, p.rest), ("x.vn", ""));
    let p = web_parts("https://x.vn?q").unwrap();
    assert_eq!((p.host, p.rest), ("x.vn", "?q"));
    assert_eq!(web_parts("https:///a").unwrap().host, "");
    for a in [
        "http:x",
        "//x/a",
        "/a",
        "mailto:a@b",
        "javascript://x",
        "ftp://x/",
    ] {
        assert_eq!(web_parts(a), None, "{a}");
    }
}

#[test]
fn https_addresses_with_a_host() {
    for a in ["https://a.gov.vn/x", " HTTPS://a.gov.vn"] {
        assert!(is_https(a), "{a}");
    }
    for a in [
        "http://a.gov.vn/",
        "https:///x",
        "//a.gov.vn/",
        "javascript:https://a",
        "/x",
    ] {
        assert!(!is_https(a), "{a}");
    }
}

#[test]
fn no_input_panics() {
    let mut g = crate::text::testgen::Lcg::new(26);
    for _ in 0..3000 {
        let pieces = ["http", "://", "@/", "\\", "mailto:", "//", ":"];
        let s = format!("{}{}", pieces[g.below(pieces.len())], g.text(8));
        let _ = classify(&s);
        let _ = web_parts(&s);
    }
}

/// What writes the rule of this module again: a scheme or `//` compared by hand.
const COPIES: &[&str] = &[
    "starts_with(\"http",
    "strip_prefix(\"http",
    "eq_ignore_ascii_case(\"http",
    "starts_with(\"//\")",
    "\"://\"",
    "starts_with(\"mailto",
    "starts_with(\"tel:",
    "\"mailto\"",
    "\"javascript\"",
    "contains(':')",
    "starting_with(pat=\"http",
    "starting_with(pat=\"//",
    "starting_with(pat=\"mailto",
];

/// Places that match [`COPIES`] but are not this rule: file, pattern, and why.
const NOT_THIS_RULE: &[(&str, &str, &str)] = &[
    (
        "src/markdown/sanitize.rs",
        "eq_ignore_ascii_case(\"http",
        "an embedded frame must come over https: a policy on top of `web_parts`, not where \
         an address points",
    ),
    (
        "src/config/deploy.rs",
        "\"://\"",
        "a deploy target's address (`[deploy.<name>] url`): its scheme picks the protocol \
         congbo deploy sends the site with (file, sftp), not where a link of the site points",
    ),
];

#[test]
fn no_other_copy_of_the_rule_in_src_or_themes() {
    let allowed: Vec<(&str, &str)> = NOT_THIS_RULE.iter().map(|(f, p, _)| (*f, *p)).collect();
    let found = crate::text::source_scan::copies(COPIES, &["src/text/address"], &allowed);
    assert!(
        found.is_empty(),
        "where an address points is decided by crate::text::address::classify (in \
         templates: `is external`, `address_kind`); call it instead of:\n{}",
        found.join("\n")
    );
}
