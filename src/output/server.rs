//! `.htaccess` (Apache) and `web.config` (IIS) in the output, so a site copied to either
//! server gets the right types (`.ics`, `.csv`), UTF-8, caching and compression without
//! anyone editing server configuration. Each server ignores the other's file. The texts
//! are the files in `deploy/`, which serve a site at the root of a host; only the 404
//! page's address changes, to sit under the base path. `server_files = false` in
//! `site.toml` leaves them out.

use crate::config::Config;
use crate::output_file::{OutputData, OutputFile};

const HTACCESS: &str = include_str!("../../deploy/htaccess");
const WEB_CONFIG: &str = include_str!("../../deploy/web.config");

/// The server files for this site (none when `server_files = false`).
pub fn server_files(config: &Config) -> Vec<OutputFile> {
    if !config.server_files {
        return Vec::new();
    }
    let not_found = format!("{}404.html", config.base_path);
    [("/.htaccess", HTACCESS), ("/web.config", WEB_CONFIG)]
        .into_iter()
        .map(|(path, text)| OutputFile {
            path: path.to_string(),
            data: OutputData::Bytes(text.replace("/404.html", &not_found).into_bytes()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn config(extra: &str) -> Config {
        let text =
            format!("title = \"X\"\nbase_url = \"https://tinh.gov.vn/xa-thanh-an/\"\n{extra}");
        crate::config::parse(&text, Path::new("site.toml"), &Default::default()).unwrap()
    }

    fn text(f: &OutputFile) -> &str {
        match &f.data {
            OutputData::Bytes(b) => std::str::from_utf8(b).unwrap(),
            OutputData::Copy(_) => panic!("generated"),
        }
    }

    #[test]
    fn the_404_page_sits_under_the_base_path() {
        let files = server_files(&config(""));
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["/.htaccess", "/web.config"]);
        assert!(text(&files[0]).contains("\nErrorDocument 404 /xa-thanh-an/404.html\n"));
        assert!(text(&files[0]).contains("AddType text/calendar .ics"));
        assert!(text(&files[1]).contains("path='/xa-thanh-an/404.html'"));
        assert!(text(&files[1]).contains("mimeType=\"text/csv; charset=utf-8\""));
        assert!(!text(&files[1]).contains("<httpErrors"));
        // IIS serves no file of a type it does not know: the manifest stays private.
        assert!(!text(&files[1]).contains("fileExtension=\".*\""));
    }

    #[test]
    fn they_can_be_left_out() {
        assert!(server_files(&config("server_files = false")).is_empty());
    }
}
