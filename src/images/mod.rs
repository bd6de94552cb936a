//! The images stage: every JPEG and PNG of `content/` (page bundles, featured images) is
//! resized into a few widths, each in WebP and in its own format, for `srcset` in
//! `<picture>`. Results are kept in `.congbo-cache/images/` under the site root, named by
//! the source's content hash, the width and the format, so an unchanged image is never
//! encoded twice. A site without images reads nothing and encodes nothing.

pub mod body;
mod encode;

use std::collections::HashMap;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::content::PlacedAsset;
use crate::output_file::{OutputData, OutputFile, write_atomic};

/// Widths made of each image (never wider than the original, which is always offered too
/// when it is narrower than the widest of these).
pub const WIDTHS: [u32; 3] = [480, 960, 1440];

/// Where the encoded variants are kept between builds, under the site root.
pub const CACHE_DIR: &str = ".congbo-cache/images";

/// Bumped when encoding settings change, so old cache files are not reused.
const ENCODING_VERSION: u32 = 1;

/// An image format the stage writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Lossy WebP.
    Webp,
    /// JPEG, for JPEG sources.
    Jpeg,
    /// PNG, for PNG sources.
    Png,
}

impl Format {
    /// The file extension.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }

    /// The MIME type, for `<source type>`.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Webp => "image/webp",
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
        }
    }

    fn of_source(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "jpg" | "jpeg" => Some(Format::Jpeg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }
}

/// One resized file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    /// Site path it is published at (`/tin-tuc/abc/anh-480w.webp`).
    pub path: String,
    /// Its width in pixels.
    pub width: u32,
    /// Its format.
    pub format: Format,
    /// The file to copy (the cache file, or the original for its own width and format).
    pub file: PathBuf,
    /// Made by this stage (false: the original itself, published as an asset already).
    pub made: bool,
}

/// What the stage knows of one source image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Processed {
    /// The original's size in pixels.
    pub width: u32,
    /// See `width`.
    pub height: u32,
    /// The source's own format (the `<img>` fallback).
    pub format: Format,
    /// Every variant, narrowest first, WebP before the fallback format at each width.
    pub variants: Vec<Variant>,
}

impl Processed {
    /// `srcset` of one format: `a-480w.webp 480w, a-800w.webp 800w`, with URLs from `url`.
    pub fn srcset(&self, format: Format, url: &dyn Fn(&str) -> String) -> String {
        self.variants
            .iter()
            .filter(|v| v.format == format)
            .map(|v| format!("{} {}w", url(&v.path), v.width))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The largest variant of the fallback format: the `<img src>`.
    pub fn fallback(&self) -> Option<&Variant> {
        self.variants.iter().rfind(|v| v.format == self.format)
    }
}

/// Every processed image, by the site path of its source.
#[derive(Clone, Debug, Default)]
pub struct ImageSet {
    /// Source site path (`/tin-tuc/abc/anh.jpg`) → what was made of it.
    pub by_path: HashMap<String, Processed>,
    /// Variants encoded by this build.
    pub encoded: usize,
    /// Variants taken from the cache.
    pub reused: usize,
    /// Images that could not be read (they are copied as they are).
    pub warnings: Vec<String>,
}

impl ImageSet {
    /// Whether two sets make the same pages and files (the counters aside).
    pub fn same_output(&self, other: &ImageSet) -> bool {
        self.by_path == other.by_path
    }

    /// The processed image published at `path`, if any.
    pub fn get(&self, path: &str) -> Option<&Processed> {
        self.by_path.get(path)
    }

    /// The variant files to publish (the originals are published as assets already).
    pub fn files(&self) -> Vec<OutputFile> {
        let mut out: Vec<OutputFile> = self
            .by_path
            .values()
            .flat_map(|p| p.variants.iter())
            .filter(|v| v.made)
            .map(|v| OutputFile {
                path: v.path.clone(),
                data: OutputData::Copy(v.file.clone()),
            })
            .collect();
        out.sort_by(|a, b| a.path.cmp(&b.path));
        out
    }
}

/// Processes the JPEG and PNG assets of the site at `root`, in parallel.
pub fn process(root: &Path, assets: &[PlacedAsset]) -> ImageSet {
    let sources: Vec<(&PlacedAsset, Format)> = assets
        .iter()
        .filter_map(|a| Format::of_source(&a.path).map(|f| (a, f)))
        .collect();
    if sources.is_empty() {
        return ImageSet::default();
    }
    let cache = root.join(CACHE_DIR);
    let encoded = AtomicUsize::new(0);
    let reused = AtomicUsize::new(0);
    let results: Vec<Result<(String, Processed), String>> = sources
        .par_iter()
        .map(|(a, format)| {
            let counters = (&encoded, &reused);
            one(a, *format, &cache, counters).map(|p| (a.path.clone(), p))
        })
        .collect();
    let mut set = ImageSet {
        encoded: encoded.into_inner(),
        reused: reused.into_inner(),
        ..Default::default()
    };
    for r in results {
        match r {
            Ok((path, p)) => {
                set.by_path.insert(path, p);
            }
            Err(w) => set.warnings.push(w),
        }
    }
    set.warnings.sort();
    set
}

/// Whether a file (by its name) is a JPEG or PNG that this stage resizes.
pub fn is_resizable(name: &str) -> bool {
    Format::of_source(name).is_some()
}

/// The widths made of an image `width` pixels wide.
pub fn widths_for(width: u32) -> Vec<u32> {
    let mut w: Vec<u32> = WIDTHS.iter().copied().filter(|&x| x < width).collect();
    if width <= WIDTHS[WIDTHS.len() - 1] {
        w.push(width);
    }
    w
}

/// One image: reads it, finds its variants in the cache, encodes the missing ones.
fn one(
    a: &PlacedAsset,
    format: Format,
    cache: &Path,
    (encoded, reused): (&AtomicUsize, &AtomicUsize),
) -> Result<Processed, String> {
    let shown = a.abs.display();
    let bytes = std::fs::read(&a.abs).map_err(|e| {
        crate::tr!(
            en: "{shown}: warning: could not read ({e})",
            vi: "{shown}: cảnh báo: không đọc được ({e})",
        )
    })?;
    let (width, height) = encode::dimensions(&bytes).map_err(|e| {
        crate::tr!(
            en: "{shown}: warning: not a readable image ({e}); it is published as it is, without smaller sizes. Save it again as JPEG or PNG",
            vi: "{shown}: cảnh báo: không đọc được ảnh này ({e}); ảnh được đăng nguyên như cũ, không có bản thu nhỏ. Hãy lưu lại ảnh dưới dạng JPEG hoặc PNG",
        )
    })?;
    let key = hash_hex(&bytes);
    let stem = a.path.rsplit_once('.').map_or(a.path.as_str(), |(s, _)| s);
    let mut variants = Vec::new();
    let mut missing = Vec::new();
    for w in widths_for(width) {
        for f in [Format::Webp, format] {
            // The original's own width and format is the original file, at its own URL.
            let made = !(w == width && f == format);
            let (path, file) = if made {
                let file = cache.join(format!("{key}-{w}.{}", f.ext()));
                (format!("{stem}-{w}w.{}", f.ext()), file)
            } else {
                (a.path.clone(), a.abs.clone())
            };
            if made {
                if file.is_file() {
                    reused.fetch_add(1, Ordering::Relaxed);
                } else {
                    missing.push((w, f, file.clone()));
                }
            }
            variants.push(Variant {
                path,
                width: w,
                format: f,
                file,
                made,
            });
        }
    }
    if !missing.is_empty() {
        std::fs::create_dir_all(cache).map_err(|e| {
            crate::tr!(
                en: "{}: warning: could not create ({e})",
                vi: "{}: cảnh báo: không tạo được thư mục ({e})",
                cache.display()
            )
        })?;
        let img = encode::decode(&bytes).map_err(|e| {
            crate::tr!(
                en: "{shown}: warning: not a readable image ({e}); it is published as it is, without smaller sizes",
                vi: "{shown}: cảnh báo: không đọc được ảnh này ({e}); ảnh được đăng nguyên như cũ, không có bản thu nhỏ",
            )
        })?;
        for (w, f, file) in missing {
            let h = scaled_height(width, height, w);
            let data = encode::resize_and_encode(&img, w, h, f).map_err(|e| {
                crate::tr!(
                    en: "{shown}: warning: could not make the {w} px copy ({e})",
                    vi: "{shown}: cảnh báo: không làm được bản rộng {w} px ({e})",
                )
            })?;
            write_atomic(&file, &data).map_err(|e| {
                crate::tr!(
                    en: "{}: warning: could not write ({e})",
                    vi: "{}: cảnh báo: không ghi được ({e})",
                    file.display()
                )
            })?;
            encoded.fetch_add(1, Ordering::Relaxed);
        }
    }
    Ok(Processed {
        width,
        height,
        format,
        variants,
    })
}

/// The height of a `w`-wide copy of a `width` × `height` image, rounded.
pub fn scaled_height(width: u32, height: u32, w: u32) -> u32 {
    ((u64::from(height) * u64::from(w) + u64::from(width) / 2) / u64::from(width)).max(1) as u32
}

/// A stable 128-bit hash of the bytes and the encoding settings, as hex.
fn hash_hex(bytes: &[u8]) -> String {
    let mut h = siphasher::sip128::SipHasher13::new_with_keys(0x636f_6e67_626f, 0x696d_6167_6573);
    h.write_u32(ENCODING_VERSION);
    h.write(bytes);
    let v = siphasher::sip128::Hasher128::finish128(&h);
    format!("{:016x}{:016x}", v.h1, v.h2)
}

#[cfg(test)]
mod tests;
