//! The views of a page's media: its image (with the copies the build resized) and the
//! files of its bundle named in front matter.

use super::super::*;
use crate::content::page::ImageRef;
use crate::site::PageEntry;

impl<'a> super::Views<'a> {
    /// The page's `image` as shown: its resized copies when the build made them.
    pub(super) fn image(&self, e: &'a PageEntry) -> Option<ImageView<'a>> {
        let alt = e.page.image_alt.as_deref().unwrap_or("");
        let path = match e.page.image_ref()? {
            ImageRef::External(img) => {
                return Some(ImageView {
                    url: img.to_string(),
                    alt,
                    src: img.to_string(),
                    permalink: img.to_string(),
                    width: None,
                    height: None,
                    srcset: None,
                    webp_srcset: None,
                });
            }
            ImageRef::Site(path) => path,
            // An error of the check; with `images` among `[check] warn`, no broken picture.
            ImageRef::Outside => return None,
        };
        let c = self.config();
        let url = c.url(&path);
        let processed = self.site.images.get(&path);
        let shown = processed.and_then(|p| p.fallback());
        // The copies are published once, at the site root, for every language.
        let link = |p: &str| crate::images::body::root_url(c, p);
        let (src, permalink) = match shown {
            Some(v) => (
                link(&v.path),
                crate::images::body::root_permalink(c, &v.path),
            ),
            None => (c.url(&path), c.permalink(&path)),
        };
        Some(ImageView {
            src,
            permalink,
            url,
            alt,
            width: shown.map(|v| v.width),
            height: processed
                .zip(shown)
                .map(|(p, v)| crate::images::scaled_height(p.width, p.height, v.width)),
            srcset: processed.map(|p| p.srcset(p.format, &link)),
            webp_srcset: processed.map(|p| p.srcset(crate::images::Format::Webp, &link)),
        })
    }

    /// A bundle file named in front matter (`form`, `attachments`), or a missing one.
    pub fn file(&self, e: &PageEntry, name: &str) -> FileView {
        let found = e.files.iter().find(|(n, _, _)| n == name);
        let (url, size) = match found {
            Some((_, path, size)) => (self.config().url(path), *size),
            None => (self.config().url(&format!("{}{}", e.page.path, name)), 0),
        };
        FileView {
            name: name.to_string(),
            url,
            size,
            size_text: size_text_with(
                size,
                self.config()
                    .strings
                    .get("decimal_separator")
                    .unwrap_or(","),
            ),
            ext: name
                .rsplit_once('.')
                .map(|(_, x)| x.to_uppercase())
                .unwrap_or_default(),
            exists: found.is_some(),
        }
    }
}
