//! Images in page bundles and the featured `image` are resized at build time into WebP and
//! their own format, offered with `srcset` in `<picture>`, and cached between builds.

mod common;

use common::{SITE_TOML, TestSite, assert_has};
use image::{ImageBuffer, Rgb, Rgba};

/// A 1600 × 900 photo-like JPEG (a gradient with noise, so it compresses like a photo).
fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = ImageBuffer::from_fn(w, h, |x, y| {
        let n = (x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)) % 23;
        Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, (n * 10) as u8])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&img)
        .unwrap();
    out
}

/// A 600 × 400 PNG with transparency.
fn png(w: u32, h: u32) -> Vec<u8> {
    let img = ImageBuffer::from_fn(w, h, |x, y| {
        Rgba([
            200,
            (x % 256) as u8,
            (y % 256) as u8,
            if x < 20 { 0 } else { 255 },
        ])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn site() -> TestSite {
    let s = TestSite::new();
    s.write(
        "content/tin-tuc/_index.md",
        "+++\ntitle = \"Tin tức\"\n+++\n",
    );
    s.write(
        "content/tin-tuc/ngay-hoi/index.md",
        "+++\ntitle = \"Ngày hội\"\ndate = 2026-10-10\nimage = \"anh.jpg\"\nimage_alt = \"Người dân tại ngày hội\"\n+++\nNội dung.\n",
    );
    let dir = s.root().join("content/tin-tuc/ngay-hoi");
    std::fs::write(dir.join("anh.jpg"), jpeg(1600, 900)).unwrap();
    std::fs::write(dir.join("so-do.png"), png(600, 400)).unwrap();
    s
}

fn size_of(bytes: &[u8]) -> (u32, u32) {
    if bytes.get(8..12) == Some(b"WEBP") {
        let img = webp::Decoder::new(bytes).decode().expect("a WebP file");
        return (img.width(), img.height());
    }
    let img = image::load_from_memory(bytes).unwrap();
    (img.width(), img.height())
}

#[test]
fn each_image_gets_webp_and_its_own_format_at_a_few_widths() {
    let s = site();
    let r = s.build_ok();
    let base = s.out().join("tin-tuc/ngay-hoi");
    for (name, size) in [
        ("anh-480w.jpg", (480, 270)),
        ("anh-960w.jpg", (960, 540)),
        ("anh-1440w.jpg", (1440, 810)),
        ("anh-480w.webp", (480, 270)),
        ("anh-1440w.webp", (1440, 810)),
        ("so-do-480w.png", (480, 320)),
        ("so-do-480w.webp", (480, 320)),
        ("so-do-600w.webp", (600, 400)),
    ] {
        let bytes = std::fs::read(base.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(size_of(&bytes), size, "{name}");
    }
    assert_eq!(
        &std::fs::read(base.join("anh-480w.webp")).unwrap()[8..12],
        b"WEBP"
    );
    // The originals are still published; nothing wider than them is made.
    assert!(s.exists("tin-tuc/ngay-hoi/anh.jpg"));
    assert!(!s.exists("tin-tuc/ngay-hoi/anh-1600w.jpg"));
    assert!(!s.exists("tin-tuc/ngay-hoi/so-do-960w.png"));
    assert!(
        !s.exists("tin-tuc/ngay-hoi/so-do-600w.png"),
        "the original is its own largest PNG"
    );
    // 1600 px: 3 widths × 2 formats; 600 px: 480 in both, 600 in WebP (the PNG is the original).
    assert_eq!(r.images_encoded, 6 + 3);
    assert_eq!(r.images_reused, 0);
    // The smaller copies are smaller files.
    let len = |n: &str| std::fs::metadata(base.join(n)).unwrap().len();
    assert!(len("anh-480w.jpg") < len("anh-1440w.jpg"));
    assert!(len("anh-1440w.webp") < len("anh.jpg"));
}

#[test]
fn the_featured_image_is_a_picture_with_srcset_and_a_size() {
    let s = site();
    s.build_ok();
    let html = s.read("tin-tuc/ngay-hoi/index.html");
    let p = "/tin-tuc/ngay-hoi/";
    assert!(html.contains(&format!(
        r#"<picture><source type="image/webp" srcset="{p}anh-480w.webp 480w, {p}anh-960w.webp 960w, {p}anh-1440w.webp 1440w" sizes="#
    )), "{html}");
    assert!(html.contains(&format!(
        r#"<img src="{p}anh-1440w.jpg" srcset="{p}anh-480w.jpg 480w, {p}anh-960w.jpg 960w, {p}anh-1440w.jpg 1440w" sizes="#
    )));
    assert!(html.contains(r#"alt="Người dân tại ngày hội" width="1440" height="810""#));
    // The article's own image is at the top: not lazy.
    let figure = &html[html.find("article-figure").unwrap()..];
    let img = &figure[..figure.find("</picture>").unwrap()];
    assert!(!img.contains("loading=\"lazy\""));
    // Shared links show the largest JPEG copy.
    assert!(html.contains(&format!(
        r#"<meta property="og:image" content="https://thu-nghiem.example.gov.vn{p}anh-1440w.jpg">"#
    )));
    assert!(html.contains(r#"<meta property="og:image:width" content="1440">"#));
    // The list shows it too, lazily after the first item.
    let list = s.read("tin-tuc/index.html");
    assert!(list.contains(&format!(r#"srcset="{p}anh-480w.webp 480w"#)));
}

#[test]
fn unchanged_images_are_not_encoded_again() {
    let s = site();
    let first = s.build_ok();
    assert!(first.images_encoded > 0);
    let cache = s.root().join(congbo::images::CACHE_DIR);
    let mtimes = |dir: &std::path::Path| -> Vec<(String, std::time::SystemTime)> {
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    e.metadata().unwrap().modified().unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let before = mtimes(&cache);
    assert_eq!(before.len(), first.images_encoded);
    let second = s.build_ok();
    assert_eq!(second.images_encoded, 0);
    assert_eq!(second.images_reused, first.images_encoded);
    assert_eq!(mtimes(&cache), before);
    // A changed image is encoded again; the other is still reused.
    std::fs::write(
        s.root().join("content/tin-tuc/ngay-hoi/anh.jpg"),
        jpeg(1000, 500),
    )
    .unwrap();
    let third = s.build_ok();
    assert_eq!(
        third.images_encoded, 5,
        "480 and 960 in JPEG and WebP, 1000 in WebP"
    );
    assert!(
        s.read("tin-tuc/ngay-hoi/index.html")
            .contains("width=\"1000\" height=\"500\"")
    );
}

#[test]
fn a_broken_image_is_published_as_it_is_with_a_warning() {
    let s = TestSite::new();
    s.write(
        "content/tin-tuc/_index.md",
        "+++\ntitle = \"Tin tức\"\n+++\n",
    );
    s.write(
        "content/tin-tuc/a/index.md",
        "+++\ntitle = \"A\"\ndate = 2026-10-10\nimage = \"anh.jpg\"\nimage_alt = \"Ảnh\"\n+++\nNội dung.\n",
    );
    s.write("content/tin-tuc/a/anh.jpg", "this is not a picture");
    let r = s.build_ok();
    assert!(
        r.warnings.iter().any(|w| w.contains("anh.jpg")),
        "{:?}",
        r.warnings
    );
    assert_eq!(s.read("tin-tuc/a/anh.jpg"), "this is not a picture");
    let html = s.read("tin-tuc/a/index.html");
    assert!(
        html.contains(r#"<img src="/tin-tuc/a/anh.jpg" alt="Ảnh""#),
        "{html}"
    );
}

/// A bundle whose body shows its own images, a remote one and one from `static/`.
fn body_site() -> TestSite {
    let s = site();
    s.write(
        "content/tin-tuc/ngay-hoi/index.md",
        "+++\ntitle = \"Ngày hội\"\ndate = 2026-10-10\n+++\n\
         Mở đầu.\n\n![Sơ đồ khu vực](so-do.png)\n\n![Toàn cảnh](anh.jpg \"Ảnh: UBND xã\")\n\n\
         ![Ảnh từ nơi khác](https://example.org/x.jpg)\n\n![Biểu trưng](/logo.png)\n",
    );
    s.write("static/logo.png", "");
    std::fs::write(s.root().join("static/logo.png"), png(100, 100)).unwrap();
    s
}

#[test]
fn body_images_of_a_bundle_are_pictures_with_sizes() {
    let s = body_site();
    s.build_ok();
    let html = s.read("tin-tuc/ngay-hoi/index.html");
    let p = "/tin-tuc/ngay-hoi/";
    let sizes = congbo::images::body::BODY_SIZES;
    assert!(html.contains(&format!(
        r#"<picture><source type="image/webp" srcset="{p}so-do-480w.webp 480w, {p}so-do-600w.webp 600w" sizes="{sizes}"><img src="{p}so-do.png" srcset="{p}so-do-480w.png 480w, {p}so-do.png 600w" sizes="{sizes}" alt="Sơ đồ khu vực" width="600" height="400" decoding="async"></picture>"#
    )), "{html}");
    assert!(html.contains(&format!(
        r#"<img src="{p}anh-1440w.jpg" srcset="{p}anh-480w.jpg 480w, {p}anh-960w.jpg 960w, {p}anh-1440w.jpg 1440w" sizes="{sizes}" alt="Toàn cảnh" title="Ảnh: UBND xã" width="1440" height="810" loading="lazy" decoding="async"></picture>"#
    )), "{html}");
    // Every file the markup names is published.
    for name in [
        "so-do-480w.webp",
        "so-do-600w.webp",
        "so-do-480w.png",
        "so-do.png",
        "anh-960w.webp",
        "anh-1440w.jpg",
    ] {
        assert!(s.exists(&format!("tin-tuc/ngay-hoi/{name}")), "{name}");
    }
    // Remote images and files outside bundles stay plain.
    assert!(
        html.contains(r#"<img src="https://example.org/x.jpg" alt="Ảnh từ nơi khác" />"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<img src="/logo.png" alt="Biểu trưng" />"#),
        "{html}"
    );
    assert_eq!(html.matches("<picture>").count(), 2);
    // The page has no featured image: its first image may fill the first screen, so only
    // the others are lazy.
    assert_eq!(html.matches("loading=\"lazy\"").count(), 1);
}

#[test]
fn body_images_are_cached_like_featured_ones() {
    let s = body_site();
    let first = s.build_ok();
    // No featured image any more: the copies are made for the body.
    assert_eq!(first.images_encoded, 6 + 3);
    let second = s.build_ok();
    assert_eq!(second.images_encoded, 0);
    assert_eq!(second.images_reused, first.images_encoded);
    assert_eq!(
        s.read("tin-tuc/ngay-hoi/index.html")
            .matches("<picture>")
            .count(),
        2
    );
}

#[test]
fn raw_html_is_sanitised_before_pictures_are_made() {
    let s = body_site();
    s.write(
        "content/tin-tuc/ngay-hoi/index.md",
        "+++\ntitle = \"Ngày hội\"\ndate = 2026-10-10\n+++\n\
         <p onclick=\"x()\">Dán từ Word</p>\n\n![Toàn cảnh](anh.jpg)\n\n\
         <picture><source srcset=\"javascript:alert(1)\"><img src=\"so-do.png\" onerror=\"alert(1)\" alt=\"Sơ đồ\"></picture>\n\n\
         <p><abbr title=\"<img src=anh.jpg onerror=alert(2)>\">UBND</abbr></p>\n",
    );
    s.build_ok();
    let html = s.read("tin-tuc/ngay-hoi/index.html");
    let body = &html[html.find("class=\"prose\"").unwrap()..];
    let body = &body[..body.find("</div>").unwrap()];
    assert!(
        !body.contains("onclick") && !body.contains("alert(1)") && !body.contains("javascript:"),
        "{body}"
    );
    // An image written inside an attribute stays text there.
    assert!(
        body.contains(r#"<abbr title="&lt;img src=anh.jpg onerror=alert(2)&gt;">UBND</abbr>"#),
        "{body}"
    );
    assert_eq!(body.matches("<img ").count(), 2, "{body}");
    // The editor's picture is dropped by the sanitiser, its img kept; both images are ours.
    assert_eq!(body.matches("<picture>").count(), 2, "{body}");
    assert_eq!(body.matches("<source").count(), 2, "{body}");
    assert!(
        body.contains(r#"alt="Sơ đồ" width="600" height="400" loading="lazy""#),
        "{body}"
    );
}

#[test]
fn english_pages_show_the_same_copies() {
    let s = body_site();
    s.write(
        "site.toml",
        &format!(
            "{}\n[languages.en]\ntitle = \"Thu Nghiem Commune\"\n",
            common::SITE_TOML
        ),
    );
    s.write(
        "content/tin-tuc/ngay-hoi/index.en.md",
        "+++\ntitle = \"Festival\"\ndate = 2026-10-10\nimage = \"anh.jpg\"\nimage_alt = \"The festival\"\n+++\n![Map](so-do.png)\n",
    );
    let r = s.build_ok();
    assert_eq!(r.images_encoded, 6 + 3, "made once for both languages");
    let html = s.read("en/tin-tuc/ngay-hoi/index.html");
    let p = "/tin-tuc/ngay-hoi/";
    assert!(
        html.contains(&format!(
            r#"<source type="image/webp" srcset="{p}so-do-480w.webp 480w"#
        )),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            r#"srcset="{p}anh-480w.webp 480w, {p}anh-960w.webp 960w, {p}anh-1440w.webp 1440w""#
        )),
        "{html}"
    );
    assert!(html.contains(&format!(
        r#"<meta property="og:image" content="https://thu-nghiem.example.gov.vn{p}anh-1440w.jpg">"#
    )), "{html}");
    // The copies are published once, at the root.
    assert!(s.exists("tin-tuc/ngay-hoi/anh-1440w.webp"));
    assert!(!s.exists("en/tin-tuc/ngay-hoi/anh-1440w.webp"));
}

/// The featured `image`: an https address is used as written, absolute in `og:image` and
/// JSON-LD; a missing file or one outside the site is an `images` error at its line, and
/// with `images` set to warn the page shows no broken picture for an address outside.
#[test]
fn featured_images_are_checked_and_external_ones_stay_absolute() {
    let s = TestSite::new();
    s.write(
        "content/tin-tuc/ngoai.md",
        "+++\ntitle = \"Ngoài\"\ndate = 2026-01-02\nimage = \"https://anh.example.vn/a.jpg\"\nimage_alt = \"Ảnh\"\n+++\nThân.\n",
    );
    s.write("static/anh/logo.png", "png");
    s.write(
        "content/tin-tuc/tinh.md",
        "+++\ntitle = \"Tĩnh\"\ndate = 2026-01-03\nimage = \"../../anh/logo.png\"\nimage_alt = \"Ảnh\"\n+++\nThân.\n",
    );
    s.build_ok();
    let html = s.read("tin-tuc/ngoai/index.html");
    assert_has(
        &html,
        &[
            r#"<meta property="og:image" content="https://anh.example.vn/a.jpg">"#,
            r#"src="https://anh.example.vn/a.jpg""#,
            r#""image":"https://anh.example.vn/a.jpg""#,
        ],
    );
    // `..` read from the page's address, as a browser reads it.
    assert_has(
        &s.read("tin-tuc/tinh/index.html"),
        &[r#"<meta property="og:image" content="https://thu-nghiem.example.gov.vn/anh/logo.png">"#],
    );

    s.write(
        "content/tin-tuc/thieu.md",
        "+++\ntitle = \"Thiếu\"\ndate = 2026-01-04\nimage_alt = \"Ảnh\"\nimage = \"khong-co.jpg\"\n+++\nThân.\n",
    );
    s.write(
        "content/tin-tuc/ra-ngoai.md",
        "+++\ntitle = \"Ra ngoài\"\ndate = 2026-01-05\nimage = \"../../../etc/x.jpg\"\nimage_alt = \"Ảnh\"\n+++\nThân.\n",
    );
    let err = s.build().unwrap_err().to_string();
    assert_has(
        &err,
        &[
            "content/tin-tuc/thieu.md:5:1: error: the featured image \"khong-co.jpg\" points to /tin-tuc/thieu/khong-co.jpg",
            "content/tin-tuc/ra-ngoai.md:4:1: error: the featured image \"../../../etc/x.jpg\" leads outside the site",
        ],
    );
    s.write(
        "site.toml",
        &format!("{SITE_TOML}\n[check]\nwarn = [\"images\"]\n"),
    );
    s.build_ok();
    let page = s.read("tin-tuc/ra-ngoai/index.html");
    assert!(!page.contains("etc/x.jpg"), "{page}");
}
