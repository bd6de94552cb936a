//! `congbo check --external`: every `http(s)://` link and image of the bodies is asked for
//! once (HEAD, then GET where a server refuses HEAD), many at a time, each with a timeout.
//! Addresses that answered well are remembered in `.congbo-cache/links.json` for a day, so
//! a second run asks only for the new and the failing ones. Never part of `congbo build`:
//! a build must not depend on other sites being up.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::{Findings, Rule};
use crate::error::Diagnostic;
use crate::site::Site;

/// How the external check asks.
#[derive(Clone, Debug)]
pub struct Options {
    /// The longest one address may take, redirects included.
    pub timeout: Duration,
    /// Addresses asked for at the same time.
    pub threads: usize,
    /// How long a good answer is remembered.
    pub ttl: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            timeout: Duration::from_secs(10),
            threads: 16,
            ttl: Duration::from_secs(24 * 3600),
        }
    }
}

/// `.congbo-cache/links.json`: address → when it last answered well (seconds since 1970).
#[derive(Default, Deserialize, Serialize)]
struct Cache {
    ok: BTreeMap<String, u64>,
}

/// Where an address is used: (file, line, column).
type Places = Vec<(PathBuf, usize, usize)>;

/// Checks every external address of the sites' bodies.
pub fn check(sites: &[&Site], root: &Path, opts: &Options) -> Findings {
    let mut used: BTreeMap<String, Places> = BTreeMap::new();
    for site in sites {
        let pages = site.pages.iter().map(|e| (&e.page.file, &*e.rendered));
        let sections = site
            .sections
            .iter()
            .filter_map(|e| Some((e.section.file.as_ref()?, &e.rendered)));
        for (file, r) in pages.chain(sections) {
            for l in r.refs.links.iter().chain(&r.refs.images) {
                if is_external(&l.url) {
                    let url = l.url.split('#').next().unwrap_or("").to_string();
                    used.entry(url)
                        .or_default()
                        .push((file.clone(), l.line, l.column));
                }
            }
        }
    }
    let cache_file = root.join(".congbo-cache").join("links.json");
    let mut cache: Cache = std::fs::read(&cache_file)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let fresh = |url: &str| {
        cache
            .ok
            .get(url)
            .is_some_and(|t| now.saturating_sub(*t) < opts.ttl.as_secs())
    };
    let ask: Vec<&str> = used
        .keys()
        .map(String::as_str)
        .filter(|u| !fresh(u))
        .collect();
    let answers = ask_all(&ask, opts);
    let mut found = Findings::default();
    for (url, answer) in answers {
        match answer {
            Ok(()) => {
                cache.ok.insert(url.to_string(), now);
            }
            Err(why) => {
                cache.ok.remove(url);
                for (file, line, column) in used.get(url).into_iter().flatten() {
                    let message = crate::tr!(
                        en: "the external link {url} does not work ({why}); correct the address, link to an archived copy, or remove the link",
                        vi: "liên kết ngoài {url} không hoạt động ({why}); hãy sửa địa chỉ, trỏ đến một bản lưu trữ, hoặc bỏ liên kết",
                    );
                    found.problems.push((
                        Rule::External,
                        Diagnostic::at(file, *line, *column, message),
                    ));
                }
            }
        }
    }
    // The cache only saves time: a cache that cannot be written is not worth an error.
    let _ = std::fs::create_dir_all(root.join(".congbo-cache"));
    if let Ok(json) = serde_json::to_vec_pretty(&cache) {
        let _ = std::fs::write(&cache_file, json);
    }
    found
}

/// Whether the check can ask for it: an `http(s)://` address (`//host` has no scheme to
/// ask with).
fn is_external(url: &str) -> bool {
    crate::text::address::classify(url) == crate::text::address::Address::Web
}

/// Asks for every address, `opts.threads` at a time (plain threads: the work is waiting on
/// the network, which the build's CPU-sized thread pool would do one or two at a time).
fn ask_all<'a>(urls: &[&'a str], opts: &Options) -> HashMap<&'a str, Result<(), String>> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .http_status_as_error(false)
        .user_agent(concat!("congbo-check/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let next = Mutex::new(urls.iter());
    let answers = Mutex::new(HashMap::new());
    std::thread::scope(|s| {
        for _ in 0..opts.threads.clamp(1, urls.len().max(1)) {
            s.spawn(|| {
                loop {
                    let url = match next.lock() {
                        Ok(mut it) => it.next().copied(),
                        Err(_) => None,
                    };
                    let Some(url) = url else { break };
                    let answer = ask(&agent, url);
                    if let Ok(mut a) = answers.lock() {
                        a.insert(url, answer);
                    }
                }
            });
        }
    });
    answers.into_inner().unwrap_or_default()
}

/// HEAD, then GET where HEAD fails or is refused (some servers answer 403, 404 or 405 to
/// HEAD only); a status below 400 is good.
fn ask(agent: &ureq::Agent, url: &str) -> Result<(), String> {
    let status = |r: Result<ureq::http::Response<ureq::Body>, ureq::Error>| match r {
        Ok(resp) => Ok(resp.status().as_u16()),
        Err(e) => Err(e.to_string()),
    };
    if let Ok(code) = status(agent.head(url).call())
        && code < 400
    {
        return Ok(());
    }
    match status(agent.get(url).call()) {
        Ok(code) if code < 400 => Ok(()),
        Ok(code) => Err(format!("HTTP {code}")),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;

    /// A server on this computer: `/ok` answers 200 (HEAD too), `/get-only` 405 to HEAD and
    /// 200 to GET, `/slow` nothing for longer than the timeout, anything else 404.
    fn serve() -> String {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(&stream);
                    let mut first = String::new();
                    if reader.read_line(&mut first).is_err() {
                        return;
                    }
                    let mut line = String::new();
                    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                        line.clear();
                    }
                    let mut parts = first.split(' ');
                    let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                    let code = match (method, path) {
                        (_, "/ok") | ("GET", "/get-only") => "200 OK",
                        ("HEAD", "/get-only") => "405 Method Not Allowed",
                        (_, "/slow") => {
                            std::thread::sleep(Duration::from_secs(3));
                            "200 OK"
                        }
                        _ => "404 Not Found",
                    };
                    let _ = (&stream).write_all(
                        format!(
                            "HTTP/1.1 {code}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                        )
                        .as_bytes(),
                    );
                });
            }
        });
        format!("http://{addr}")
    }

    #[test]
    fn answers_head_then_get_with_a_timeout() {
        let base = serve();
        let urls: Vec<String> = ["/ok", "/get-only", "/missing", "/slow"]
            .iter()
            .map(|p| format!("{base}{p}"))
            .collect();
        let refs: Vec<&str> = urls.iter().map(String::as_str).collect();
        let opts = Options {
            timeout: Duration::from_millis(500),
            ..Options::default()
        };
        let answers = ask_all(&refs, &opts);
        assert_eq!(answers[refs[0]], Ok(()));
        assert_eq!(answers[refs[1]], Ok(()), "GET after a refused HEAD");
        assert_eq!(answers[refs[2]], Err("HTTP 404".into()));
        assert!(answers[refs[3]].is_err(), "the slow one timed out");
    }
}
