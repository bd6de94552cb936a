//! The featured `image` of each page (front matter), under the rule `images`: a file the
//! site does not have, or an address that leaves the site, would put a broken picture on
//! the page, on every list that shows it and in the `og:image` of shared links.

use super::links::Targets;
use super::{Findings, Rule};
use crate::content::page::ImageRef;
use crate::error::Diagnostic;
use crate::site::Site;
use crate::site::languages::prefix;

/// Checks one language's featured images.
pub(super) fn check(site: &Site, targets: &Targets<'_>, found: &mut Findings) {
    let p = prefix(site);
    for e in &site.pages {
        let page = &e.page;
        let (Some(written), Some(at)) = (page.image.as_deref(), page.image_ref()) else {
            continue;
        };
        let message = match at {
            ImageRef::External(_) => continue,
            ImageRef::Site(path) if targets.has(&format!("{p}{path}")) => continue,
            ImageRef::Site(path) => missing(written, &path),
            ImageRef::Outside => outside(written),
        };
        let d = Diagnostic::at(&page.file, page.lines.image, 1, message);
        found.problems.push((Rule::Images, d));
    }
}

fn missing(image: &str, path: &str) -> String {
    crate::tr!(
        en: "the featured image \"{image}\" points to {path}, which the site does not have; put the file in the page's folder (a page bundle: folder/index.md) and write image = \"anh.jpg\", or put it in static/ and write its path from there (image = \"/anh/anh.jpg\"), and check the spelling",
        vi: "ảnh đại diện \"{image}\" trỏ đến {path}, nhưng trang không có tệp này; hãy đặt tệp vào thư mục của trang (thư mục trang: thu-muc/index.md) và viết image = \"anh.jpg\", hoặc đặt vào static/ và viết đường dẫn tính từ đó (image = \"/anh/anh.jpg\"), và kiểm tra lại chính tả",
    )
}

fn outside(image: &str) -> String {
    crate::tr!(
        en: "the featured image \"{image}\" leads outside the site; write the name of a file in the page's folder (image = \"anh.jpg\"), a path from static/ (image = \"/anh/anh.jpg\"), or a full https:// address",
        vi: "ảnh đại diện \"{image}\" trỏ ra ngoài trang; hãy viết tên một tệp trong thư mục của trang (image = \"anh.jpg\"), một đường dẫn tính từ static/ (image = \"/anh/anh.jpg\"), hoặc một địa chỉ https:// đầy đủ",
    )
}
