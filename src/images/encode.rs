//! Decoding, resizing and encoding one image. `image` reads JPEG and PNG, resizes and
//! writes JPEG and PNG; WebP is written lossy by libwebp (the `webp` crate), because the
//! `image` crate's WebP encoder is lossless only, which makes photos larger than the JPEG
//! they came from.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::FilterType;
use image::{DynamicImage, ImageEncoder, ImageReader};

use super::Format;

/// JPEG and WebP quality: small files that still look right on a phone.
const QUALITY: u8 = 80;

/// The size of an image from its header, without decoding it.
pub(super) fn dimensions(bytes: &[u8]) -> Result<(u32, u32), String> {
    ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?
        .into_dimensions()
        .map_err(|e| e.to_string())
}

/// The whole image.
pub(super) fn decode(bytes: &[u8]) -> Result<DynamicImage, String> {
    ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?
        .decode()
        .map_err(|e| e.to_string())
}

/// A `w` × `h` copy of `img` in `format`.
pub(super) fn resize_and_encode(
    img: &DynamicImage,
    w: u32,
    h: u32,
    format: Format,
) -> Result<Vec<u8>, String> {
    let small = if img.width() == w && img.height() == h {
        img.clone()
    } else {
        img.resize_exact(w, h, FilterType::Triangle)
    };
    let mut out = Vec::new();
    match format {
        Format::Jpeg => {
            let rgb = small.to_rgb8();
            JpegEncoder::new_with_quality(&mut out, QUALITY)
                .write_image(&rgb, w, h, image::ExtendedColorType::Rgb8)
                .map_err(|e| e.to_string())?;
        }
        Format::Png => {
            let rgba = small.to_rgba8();
            PngEncoder::new_with_quality(&mut out, CompressionType::Best, PngFilter::Adaptive)
                .write_image(&rgba, w, h, image::ExtendedColorType::Rgba8)
                .map_err(|e| e.to_string())?;
        }
        Format::Webp => {
            let memory = if small.color().has_alpha() {
                let rgba = small.to_rgba8();
                webp::Encoder::from_rgba(&rgba, w, h).encode(f32::from(QUALITY))
            } else {
                let rgb = small.to_rgb8();
                webp::Encoder::from_rgb(&rgb, w, h).encode(f32::from(QUALITY))
            };
            out.extend_from_slice(&memory);
        }
    }
    Ok(out)
}
