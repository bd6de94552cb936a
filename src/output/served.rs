//! How a server should send each file of the built site: its content type and how long
//! browsers may keep it. One table, which `congbo serve` answers with and `congbo deploy`
//! gives to S3 objects (a store has no server configuration), and which follows the
//! shipped `deploy/` configurations for nginx, Apache and IIS (a test reads `.htaccess`
//! to hold them together).

/// The content type of a file, by its extension. Text is always UTF-8.
pub fn content_type(path: &str) -> &'static str {
    let ext = extension(path);
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        "zip" => "application/zip",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        _ => "application/octet-stream",
    }
}

/// The `Cache-Control` of a file, as the shipped server configurations set it: pages,
/// feeds and open data are checked on every visit (`no-cache`: a few bytes when
/// unchanged), so news shows at once; the theme's stylesheets and scripts, whose names
/// carry no version, are kept a day; images and fonts, which rarely change in place, a
/// week.
pub fn cache_control(path: &str) -> &'static str {
    let ext = extension(path);
    match ext.as_str() {
        "css" | "js" => "max-age=86400",
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "avif" | "svg" | "ico" | "woff" | "woff2" => {
            "max-age=604800"
        }
        _ => "no-cache",
    }
}

/// A file name's extension, in lower case (`""` for none).
fn extension(path: &str) -> String {
    path.rsplit('/')
        .next()
        .and_then(|name| name.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_of_the_files_a_portal_serves() {
        assert_eq!(content_type("/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("/logo.SVG"), "image/svg+xml");
        assert_eq!(
            content_type("/data/tasks.ics"),
            "text/calendar; charset=utf-8"
        );
        assert_eq!(
            content_type("/data/procedures.csv"),
            "text/csv; charset=utf-8"
        );
        assert_eq!(
            content_type("/data/plans.json"),
            "application/json; charset=utf-8"
        );
        assert_eq!(content_type("/a.b/README"), "application/octet-stream");
    }

    #[test]
    fn cache_times_are_those_of_the_shipped_htaccess() {
        // Each `<FilesMatch "\.(a|b)$">` block of deploy/htaccess and its max-age.
        let htaccess = include_str!("../../deploy/htaccess");
        let mut blocks = 0;
        for block in htaccess.split("<FilesMatch \"\\.(").skip(1) {
            let (pattern, rest) = block.split_once(")$\">").unwrap();
            let header = rest.split("</FilesMatch>").next().unwrap();
            let age = header.split('"').nth(1).unwrap();
            for ext in pattern.split('|') {
                // `jpe?g`, `woff2?`: both spellings.
                let names = match ext.split_once('?') {
                    Some((a, b)) => vec![format!("{}{b}", &a[..a.len() - 1]), format!("{a}{b}")],
                    None => vec![ext.to_string()],
                };
                for name in names {
                    assert_eq!(cache_control(&format!("/x/a.{name}")), age, "{name}");
                }
            }
            blocks += 1;
        }
        assert_eq!(blocks, 2);
        assert!(htaccess.contains("Header set Cache-Control \"no-cache\""));
        for page in [
            "/index.html",
            "/rss.xml",
            "/data/tasks.ics",
            "/search/index.json",
        ] {
            assert_eq!(cache_control(page), "no-cache");
        }
    }
}
