use super::*;
use crate::config::{Overrides, parse};
use crate::images::{Processed, Variant};
use std::path::{Path, PathBuf};

fn config(base_url: &str) -> Config {
    parse(
        &format!("title = \"Xã\"\nbase_url = \"{base_url}\"\nauthority = \"UBND xã\"\n"),
        Path::new("site.toml"),
        &Overrides::default(),
    )
    .unwrap()
}

/// `/tin-tuc/a/anh.jpg`, 1600 × 900, as the images stage would describe it.
fn set() -> ImageSet {
    let mut variants = Vec::new();
    for w in [480, 960, 1440] {
        for f in [Format::Webp, Format::Jpeg] {
            variants.push(Variant {
                path: format!("/tin-tuc/a/anh-{w}w.{}", f.ext()),
                width: w,
                format: f,
                file: PathBuf::new(),
                made: true,
            });
        }
    }
    let mut s = ImageSet::default();
    s.by_path.insert(
        "/tin-tuc/a/anh.jpg".into(),
        Processed {
            width: 1600,
            height: 900,
            format: Format::Jpeg,
            variants,
        },
    );
    s
}

fn run(html: &str) -> String {
    pictures(
        html,
        "/tin-tuc/a/",
        &set(),
        &config("https://x.gov.vn/xa/"),
        false,
    )
    .into_owned()
}

#[test]
fn a_bundle_image_becomes_a_picture() {
    let out =
        run(r#"<p>Trước <img src="anh.jpg" alt="Cầu &quot;mới&quot;" title="Ảnh" /> sau</p>"#);
    assert_eq!(
        out,
        "<p>Trước <picture><source type=\"image/webp\" srcset=\"/xa/tin-tuc/a/anh-480w.webp 480w, /xa/tin-tuc/a/anh-960w.webp 960w, /xa/tin-tuc/a/anh-1440w.webp 1440w\" sizes=\"(min-width: 880px) 848px, 100vw\">\
<img src=\"/xa/tin-tuc/a/anh-1440w.jpg\" srcset=\"/xa/tin-tuc/a/anh-480w.jpg 480w, /xa/tin-tuc/a/anh-960w.jpg 960w, /xa/tin-tuc/a/anh-1440w.jpg 1440w\" sizes=\"(min-width: 880px) 848px, 100vw\" \
alt=\"Cầu &quot;mới&quot;\" title=\"Ảnh\" width=\"1440\" height=\"810\" loading=\"lazy\" decoding=\"async\"></picture> sau</p>"
    );
}

#[test]
fn every_way_of_naming_the_file_is_found() {
    for src in [
        "anh.jpg",
        "./anh.jpg",
        "../a/anh.jpg",
        "/xa/tin-tuc/a/anh.jpg",
        "@/tin-tuc/a/anh.jpg",
        "anh.jpg?v=2",
    ] {
        let out = run(&format!("<img src=\"{src}\" alt=\"\">"));
        assert!(out.starts_with("<picture>"), "{src}: {out}");
    }
}

#[test]
fn other_images_are_left_alone() {
    for html in [
        // Remote, not resized, not in the site, outside the site.
        "<img src=\"https://x.gov.vn/xa/tin-tuc/a/anh.jpg\" alt=\"\">",
        "<img src=\"//cdn.example/anh.jpg\" alt=\"\">",
        "<img src=\"khac.jpg\" alt=\"\">",
        "<img src=\"/khac/tin-tuc/a/anh.jpg\" alt=\"\">",
        "<img src=\"../../../anh.jpg\" alt=\"\">",
        // Sized by hand, or inside the editor's own picture.
        "<img src=\"anh.jpg\" srcset=\"anh.jpg 2x\" alt=\"\">",
        "<picture><source srcset=\"x.avif\"><img src=\"anh.jpg\" alt=\"\"></picture>",
        // Not an img tag; text that mentions one is escaped by then.
        "<imgx src=\"anh.jpg\">",
        "<p>&lt;img src=\"anh.jpg\"&gt;</p>",
        "<p>no images</p>",
    ] {
        assert_eq!(run(html), html);
    }
}

#[test]
fn the_editors_size_and_loading_win() {
    let out = run("<img src=\"anh.jpg\" alt=\"\" width=\"300\" loading=\"eager\">");
    assert!(
        out.contains(" width=\"300\" loading=\"eager\" decoding=\"async\">"),
        "{out}"
    );
    assert!(!out.contains("height="), "{out}");
    assert!(!out.contains("lazy"), "{out}");
}

#[test]
fn attribute_values_with_brackets_are_read_whole() {
    // `>` may stand unescaped inside attribute values.
    let out = run("<img alt=\"a > b\" src=\"anh.jpg\"><img src='anh.jpg' alt=x>");
    assert_eq!(out.matches("<picture>").count(), 2, "{out}");
    assert!(out.contains("alt=\"a > b\""), "{out}");
    assert!(out.contains(" alt=x "), "{out}");
}

#[test]
fn a_language_under_its_folder_uses_the_copies_at_the_root() {
    let c = parse(
        "title = \"Xã\"\nbase_url = \"https://x.gov.vn/xa/\"\nauthority = \"UBND xã\"\n[languages.en]\ntitle = \"Commune\"\n",
        Path::new("site.toml"),
        &Overrides::default(),
    )
    .unwrap()
    .for_language("en")
    .unwrap();
    assert_eq!(c.base_path, "/xa/en/");
    let out = pictures(
        "<img src=\"anh.jpg\" alt=\"\">",
        "/tin-tuc/a/",
        &set(),
        &c,
        false,
    );
    assert!(out.contains("src=\"/xa/tin-tuc/a/anh-1440w.jpg\""), "{out}");
    assert_eq!(
        root_permalink(&c, "/tin-tuc/a/anh-1440w.jpg"),
        "https://x.gov.vn/xa/tin-tuc/a/anh-1440w.jpg"
    );
}

#[test]
fn names_with_spaces_and_vietnamese_letters() {
    let mut s = set();
    let p = s.by_path.remove("/tin-tuc/a/anh.jpg").unwrap();
    let mut p2 = p.clone();
    for v in &mut p2.variants {
        v.path = v.path.replace("anh-", "ảnh 1,");
    }
    s.by_path.insert("/tin-tuc/a/ảnh 1.jpg".into(), p2);
    let c = config("/");
    let out = pictures(
        "<img src=\"%E1%BA%A3nh%201.jpg\" alt=\"\">",
        "/tin-tuc/a/",
        &s,
        &c,
        false,
    );
    assert!(
        out.contains("srcset=\"/tin-tuc/a/ảnh%201%2C480w.webp 480w,"),
        "{out}"
    );
}

#[test]
fn only_the_first_image_of_a_body_at_the_top_is_eager() {
    let c = config("/");
    let html = "<img src=\"anh.jpg\" alt=\"1\"><img src=\"anh.jpg\" alt=\"2\">";
    let out = pictures(html, "/tin-tuc/a/", &set(), &c, true);
    assert_eq!(out.matches("<picture>").count(), 2);
    assert_eq!(out.matches("loading=\"lazy\"").count(), 1, "{out}");
    assert!(out.find("alt=\"1\"").unwrap() < out.find("loading=\"lazy\"").unwrap());
    // A remote first image is the one that may be on the first screen.
    let html = "<img src=\"https://x/y.jpg\" alt=\"\"><img src=\"anh.jpg\" alt=\"\">";
    let out = pictures(html, "/tin-tuc/a/", &set(), &c, true);
    assert!(out.contains("loading=\"lazy\""), "{out}");
}

#[test]
fn an_img_written_inside_an_attribute_value_is_text_not_a_tag() {
    // HTML may hold `<` unescaped inside attribute values (the editor's own with
    // `unsafe_html`, or a sanitiser that leaves it); markup put there would close the
    // attribute and let `onerror` out.
    for html in [
        "<a title=\"<img src=anh.jpg onerror=alert(1)>\">x</a>",
        "<a title='<img src=\"anh.jpg\" onerror=alert(1)>'>x</a>",
        "<!-- <img src=\"anh.jpg\"> -->",
        "<script>var s = '<img src=\"anh.jpg\">';</script>",
        "<STYLE>/* <img src=\"anh.jpg\"> */</STYLE>",
    ] {
        assert_eq!(run(html), html);
    }
    // After such a tag, a real image is still found.
    let out = run("<a title=\"<img src=anh.jpg>\">x</a><img src=\"anh.jpg\" alt=\"\">");
    assert!(
        out.starts_with("<a title=\"<img src=anh.jpg>\">x</a><picture>"),
        "{out}"
    );
}
