//! Every value an editor types reaches the output escaped: a script or an attribute break
//! in a title, description, tag, field, agency, author, number, signer or document name
//! comes out as text in every page kind, in the feeds (XML) and inside JSON-LD (where a
//! `</script>` would end the block early). Only the sanitised Markdown HTML is trusted.

mod common;

use common::{SITE_TOML, TestSite, news, warnings_with};

/// What an attacker (or a careless paste) puts in every field: a script, and a quote
/// that would end an HTML attribute and start an event handler.
const EVIL: &str = r#"X<script>alert(1)</script>"onmouseover=alert(2) '"#;

/// `EVIL` inside a TOML basic string.
fn toml_str() -> String {
    format!("\"{}\"", EVIL.replace('"', "\\\""))
}

fn hostile_site() -> TestSite {
    let e = toml_str();
    let site = TestSite::new();
    site.write(
        "site.toml",
        &format!("{SITE_TOML}\n[legal]\nresolver = \"https://vbpl.vn/tim?q={{number}}\"\n"),
    );
    site.write(
        "content/tin-tuc/a.md",
        &format!(
            "+++\ntitle = {e}\ndate = 2026-01-05\ndescription = {e}\ntags = [{e}]\nfields = [{e}]\n\
             author = {e}\nsource = {e}\nimage = \"/anh.svg\"\nimage_alt = {e}\n+++\n\nĐoạn đầu.\n"
        ),
    );
    // The featured image must exist (a missing one is a check error); its alt text is the
    // editor's text under test.
    site.write(
        "static/anh.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    site.write(
        "content/thu-tuc/b.md",
        &format!(
            "+++\ntitle = {e}\ncode = {e}\nfield = {e}\nagency = {e}\nlevel = {e}\n\
             ways = [{e}]\nprocessing_time = {e}\nfee = {e}\nsubjects = [{e}]\nresult = {e}\n\
             legal_basis = [{e}]\ndescription = {e}\nrequirements = [{e}]\nreceipt_place = {e}\n\
             receipt_hours = {e}\ndecision = {e}\nfields = [{e}]\n\n[[documents]]\nname = {e}\noriginals = 1\n\
             copies = 0\n+++\n\nCác bước.\n"
        ),
    );
    site.write(
        "content/ke-hoach/c.md",
        &format!(
            "+++\ntitle = {e}\nnumber = {e}\nauthority = {e}\nplace = {e}\ndate = 2026-01-05\n\
             basis = [{e}]\nrecipients = [{e}]\nperiod = {{ start = 2026-01-01, end = 2026-12-31 }}\n\
             [signer]\nname = {e}\ntitle = {e}\nsign_as = {e}\n\n[[tasks]]\nname = {e}\nlead = {e}\n\
             partners = [{e}]\nquantity = {e}\ndue = {e}\n+++\n\nNội dung.\n"
        ),
    );
    site.write(
        "content/van-ban/d.md",
        &format!(
            "+++\ntitle = {e}\nnumber = \"45/2020/NĐ-CP\"\ndate = 2020-04-08\ndescription = {e}\n+++\n\
             Tóm tắt.\n"
        ),
    );
    site.write(
        "content/gioi-thieu.md",
        &format!("+++\ntitle = {e}\ndescription = {e}\n+++\n\nGiới thiệu.\n"),
    );
    site.write(
        "content/tin-tuc/_index.md",
        &format!("+++\ntitle = {e}\ndescription = {e}\n+++\n"),
    );
    site
}

/// The text of each `<script type="application/ld+json">` block, and the page without them.
fn split_json_ld(html: &str) -> (Vec<&str>, String) {
    const OPEN: &str = "<script type=\"application/ld+json\">";
    let mut blocks = Vec::new();
    let mut rest = String::new();
    let mut s = html;
    while let Some(i) = s.find(OPEN) {
        rest.push_str(&s[..i]);
        let body = &s[i + OPEN.len()..];
        let end = body.find("</script>").expect("a JSON-LD block is closed");
        blocks.push(&body[..end]);
        s = &body[end + "</script>".len()..];
    }
    rest.push_str(s);
    (blocks, rest)
}

#[test]
fn editor_text_is_escaped_in_every_page_kind_feed_and_json_ld() {
    let site = hostile_site();
    site.build_ok();
    let mut escaped_seen = 0;
    let mut json_ld_seen = 0;
    for f in site.files() {
        let is_markup = f.ends_with(".html") || f.ends_with(".xml");
        if !is_markup {
            continue;
        }
        let text = site.read(&f);
        let (blocks, rest) = split_json_ld(&text);
        assert!(
            !rest.contains("<script>alert(1)"),
            "{f}: an unescaped script:\n{rest}"
        );
        assert!(
            !rest.contains("\"onmouseover="),
            "{f}: a quote that ends an attribute:\n{rest}"
        );
        for b in &blocks {
            // No `<` at all: neither `</script>` nor `<!--` can end or bend the block.
            assert!(!b.contains('<'), "{f}: JSON-LD with a raw `<`: {b}");
            let v: serde_json::Value = serde_json::from_str(b)
                .unwrap_or_else(|e| panic!("{f}: JSON-LD does not parse ({e}): {b}"));
            if v.to_string().contains("<script>alert(1)</script>") {
                json_ld_seen += 1;
            }
        }
        if rest.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;")
            || rest.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        {
            escaped_seen += 1;
        }
    }
    // The payload really went through: shown as text on many pages, and in JSON-LD.
    assert!(escaped_seen >= 8, "escaped payload on {escaped_seen} files");
    assert!(
        json_ld_seen >= 2,
        "payload in JSON-LD on {json_ld_seen} files"
    );
    for page in [
        "tin-tuc/index.html",
        "tin-tuc/a/index.html",
        "thu-tuc/b/index.html",
        "thu-tuc/b/in/index.html",
        "ke-hoach/c/index.html",
        "van-ban/d/index.html",
        "gioi-thieu/index.html",
        "rss.xml",
    ] {
        let text = site.read(page);
        assert!(
            text.contains("&lt;script&gt;alert(1)"),
            "{page} does not show the title as text"
        );
    }
}

#[test]
fn markdown_links_with_script_addresses_are_dropped_in_the_page() {
    let site = TestSite::new();
    site.write(
        "content/gioi-thieu.md",
        "+++\ntitle = \"Giới thiệu\"\n+++\n\n[bấm vào đây](javascript:alert(1)) và \
         [đây](JAVASCRIPT:alert(2)) và <javascript:alert(3)>.\n",
    );
    site.build_ok();
    let page = site.read("gioi-thieu/index.html").to_ascii_lowercase();
    assert!(!page.contains("href=\"javascript:"), "{page}");
    assert!(page.contains("bấm vào đây"), "{page}");
}

#[test]
fn feeds_drop_characters_xml_forbids() {
    let site = TestSite::new();
    site.write(
        "content/tin-tuc/a.md",
        "+++\ntitle = \"Tin\\u0001 mới\\u001b\"\ndate = 2026-01-05\ndescription = \"Mô\\u0008 tả\"\n+++\n\nĐoạn.\n",
    );
    site.build_ok();
    for feed in ["rss.xml", "atom.xml"] {
        let xml = site.read(feed);
        assert!(xml.contains("Tin mới"), "{feed}: {xml}");
        assert!(
            !xml.chars()
                .any(|c| c < ' ' && !matches!(c, '\t' | '\n' | '\r')),
            "{feed} holds a control character: {xml:?}"
        );
    }
}

#[test]
fn nul_bytes_of_a_body_reach_no_page() {
    // A NUL from a broken copy is invisible in an editor; browsers show it as a box and
    // XML readers reject the whole file. It is dropped when the file is read, and the
    // editor is told where, since the text there may be damaged.
    let site = TestSite::new();
    site.write(
        "content/tin-tuc/a.md",
        &news("Tin\0 NUL", "2026-01-01", &[]).replace("Đoạn đầu", "Đoạn\0 đầu"),
    );
    let report = site.build_ok();
    // Dropped, but said once for the file, at the first one's line (the title's).
    let said = warnings_with(&report, "NUL");
    assert_eq!(said.len(), 1, "{:#?}", report.warnings);
    assert!(
        said[0].starts_with("content/tin-tuc/a.md:2: warning: "),
        "{}",
        said[0]
    );
    for f in ["tin-tuc/a/index.html", "tin-tuc/index.html", "index.html"] {
        let html = site.read(f);
        assert!(!html.contains('\0'), "{f} has a NUL");
        assert!(html.contains("Tin NUL"), "{f}");
    }
    assert!(site.read("tin-tuc/a/index.html").contains("Đoạn đầu"));
}
