//! Serving a built site through a real web server in the tests of `deploy/`: free ports,
//! the example site built for a base URL, plain HTTP/1.1 requests and their answers.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command};
use std::time::Duration;

use super::{TestSite, copy_dir, repo_root};

/// The first of these programs that runs (`-v`, as nginx and Apache take it).
pub fn installed(candidates: &[&str]) -> Option<std::path::PathBuf> {
    candidates.iter().map(std::path::PathBuf::from).find(|p| {
        std::process::Command::new(p)
            .arg("-v")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A web server started in a process group of its own, so that ending it ends its workers
/// too: nginx and Apache fork children that outlive a killed master.
pub struct Server(Child);

impl Server {
    pub fn start(mut command: Command) -> Server {
        Server(command.process_group(0).spawn().unwrap())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        // TERM first: the master stops its children and removes its pid file.
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        for _ in 0..100 {
            if self.0.try_wait().is_ok_and(|s| s.is_some()) {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.0.wait();
    }
}

/// The processes whose command line contains `needle` (read from `/proc`), leaving out
/// zombies, which have none.
pub fn processes_with(needle: &str) -> Vec<u32> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .is_ok_and(|c| String::from_utf8_lossy(&c).contains(needle))
        })
        .collect()
}

/// Waits (up to 5 s) until no process's command line contains `needle`; the pids left.
pub fn wait_gone(needle: &str) -> Vec<u32> {
    for _ in 0..100 {
        if processes_with(needle).is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    processes_with(needle)
}

pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

pub fn get(port: u16, path: &str, gzip: bool) -> Answer {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let enc = if gzip {
        "Accept-Encoding: gzip\r\n"
    } else {
        ""
    };
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{enc}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Answer {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

pub fn build_example(base_url: &str) -> TestSite {
    let mut site = TestSite::new();
    copy_dir(&repo_root().join("content"), &site.root().join("content"));
    std::fs::copy(repo_root().join("site.toml"), site.root().join("site.toml")).unwrap();
    site.opts.base_url = Some(base_url.to_string());
    site.build_ok();
    // A WebP image, which older servers send with the wrong type.
    std::fs::write(site.out().join("anh.webp"), b"RIFF\0\0\0\0WEBPVP8 ").unwrap();
    site
}

pub fn open_readable(dir: &Path) {
    // Only Unix has these modes; elsewhere (the tests built for Windows) there is nothing to open.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for e in walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
        {
            let mode = if e.file_type().is_dir() { 0o755 } else { 0o644 };
            let _ = std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(mode));
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Waits until every port takes connections: the server has started. `log` says why not.
pub fn wait_for(ports: &[u16], server: &str, log: impl Fn() -> String) {
    let started = std::time::Instant::now();
    while ports
        .iter()
        .any(|port| TcpStream::connect(("127.0.0.1", *port)).is_err())
    {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{server} did not start: {}",
            log()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// What every server should do with the example site built for `base` (the list of
/// docs/setup/deploying.md): the home page as UTF-8 HTML, compressed and checked on each visit;
/// the site's 404 page for a missing page; each kind of file with its type and cache time.
/// `xml` is the type the server gives `.xml` (`text/xml` or `application/xml`, both right).
pub fn assert_serves_the_site(port: u16, base: &str, xml: &str, log: impl Fn() -> String) {
    let at = |p: &str| format!("{base}{p}");
    let home = get(port, &at(""), true);
    assert_eq!(home.status, 200, "{base}: {}", log());
    assert_eq!(
        home.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.header("Cache-Control"), Some("no-cache"));
    assert_eq!(home.header("Content-Encoding"), Some("gzip"));

    let missing = get(port, &at("tin-tuc/khong-co-bai-nay/"), false);
    assert_eq!(missing.status, 404);
    let body = String::from_utf8_lossy(&missing.body);
    assert!(
        body.contains("trang-404"),
        "the site's 404 page at {base}: {body}"
    );
    assert!(body.contains(&format!("href=\"{base}css/style.css\"")));

    let xml = format!("{xml}; charset=utf-8");
    for (file, ty, cache) in [
        ("data/tasks.ics", "text/calendar; charset=utf-8", "no-cache"),
        ("data/procedures.csv", "text/csv; charset=utf-8", "no-cache"),
        (
            "data/plans.json",
            "application/json; charset=utf-8",
            "no-cache",
        ),
        ("sitemap.xml", xml.as_str(), "no-cache"),
        ("css/style.css", "text/css; charset=utf-8", "max-age=86400"),
        (
            "favicon.svg",
            "image/svg+xml; charset=utf-8",
            "max-age=604800",
        ),
        ("anh.webp", "image/webp", "max-age=604800"),
    ] {
        let a = get(port, &at(file), false);
        assert_eq!(a.status, 200, "{base}{file}");
        assert_eq!(a.header("Content-Type"), Some(ty), "{base}{file}");
        assert_eq!(a.header("Cache-Control"), Some(cache), "{base}{file}");
    }
    let css = get(port, &at("css/style.css"), true);
    assert_eq!(css.header("Content-Encoding"), Some("gzip"));
}
