use super::*;

#[test]
fn widths_never_exceed_the_original() {
    assert_eq!(widths_for(800), vec![480, 800]);
    assert_eq!(widths_for(480), vec![480]);
    assert_eq!(widths_for(300), vec![300]);
    assert_eq!(widths_for(1440), vec![480, 960, 1440]);
    assert_eq!(widths_for(4000), vec![480, 960, 1440]);
}

#[test]
fn heights_keep_the_aspect_ratio() {
    assert_eq!(scaled_height(800, 450, 480), 270);
    assert_eq!(scaled_height(4000, 3000, 1440), 1080);
    assert_eq!(scaled_height(1000, 1, 480), 1);
}

#[test]
fn only_jpeg_and_png_sources_are_resized() {
    assert_eq!(Format::of_source("/a/b.JPG"), Some(Format::Jpeg));
    assert_eq!(Format::of_source("/a/b.jpeg"), Some(Format::Jpeg));
    assert_eq!(Format::of_source("/a/b.png"), Some(Format::Png));
    assert_eq!(Format::of_source("/a/b.gif"), None);
    assert_eq!(Format::of_source("/a/b.docx"), None);
    assert_eq!(Format::of_source("/a/png"), None);
}

#[test]
fn the_hash_depends_on_every_byte() {
    assert_ne!(hash_hex(b"abc"), hash_hex(b"abd"));
    assert_eq!(hash_hex(b"abc"), hash_hex(b"abc"));
    assert_eq!(hash_hex(b"abc").len(), 32);
}

#[test]
fn a_site_without_images_reads_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let assets = vec![PlacedAsset {
        abs: dir.path().join("does-not-exist.docx"),
        path: "/a/to-khai.docx".into(),
        size: 0,
    }];
    let set = process(dir.path(), &assets);
    assert!(set.by_path.is_empty());
    assert_eq!((set.encoded, set.reused), (0, 0));
    assert!(!dir.path().join(CACHE_DIR).exists());
}

#[test]
fn an_unreadable_image_is_a_warning_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let abs = dir.path().join("anh.jpg");
    std::fs::write(&abs, b"not a jpeg").unwrap();
    let assets = vec![PlacedAsset {
        abs: abs.clone(),
        path: "/tin-tuc/a/anh.jpg".into(),
        size: 10,
    }];
    let set = process(dir.path(), &assets);
    assert!(set.by_path.is_empty());
    assert_eq!(set.warnings.len(), 1);
    assert!(set.warnings[0].contains("anh.jpg"), "{}", set.warnings[0]);
}
