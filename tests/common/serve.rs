//! A running `congbo serve` on a free loopback port, for the tests of `serve` and of its
//! editor (`serve --edit`): raw requests, polling until a page changes, the live-reload
//! stream.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::TestSite;

/// A running `congbo serve`, stopped when dropped.
pub struct Server {
    pub child: Child,
    pub port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    pub fn start(site: &TestSite) -> Server {
        Server::start_with(site, &[])
    }

    /// With more arguments (`--edit`).
    pub fn start_with(site: &TestSite, args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_congbo"))
            .args(["serve", "--port", "0", "--root"])
            .arg(site.root())
            .args(args)
            .env("CONGBO_LANG", "en")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut port = None;
        let mut line = String::new();
        while port.is_none() && out.read_line(&mut line).unwrap() > 0 {
            if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                port = rest.split('/').next().and_then(|p| p.parse().ok());
            }
            line.clear();
        }
        // Keep reading its output so it never blocks on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
        Server {
            child,
            port: port.expect("congbo serve printed no address"),
        }
    }

    pub fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// Sends raw bytes; returns (status, head, body).
    pub fn raw(&self, request: &[u8]) -> (u16, String, String) {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        // The server may answer (and close) before reading everything.
        let _ = s.write_all(request);
        let _ = s.shutdown(std::net::Shutdown::Write);
        let mut buf = Vec::new();
        let _ = s.read_to_end(&mut buf);
        let text = String::from_utf8_lossy(&buf).to_string();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, head.to_string(), body.to_string())
    }

    pub fn get(&self, path: &str) -> (u16, String, String) {
        self.raw(format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").as_bytes())
    }

    /// Polls until the body at `path` satisfies `ok`, or fails after 15 s.
    pub fn until(&self, path: &str, what: &str, ok: impl Fn(u16, &str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let (status, _, body) = self.get(path);
            if ok(status, &body) {
                return body;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "{path}: never {what}; last {status}:\n{}",
                &body[..body.len().min(500)]
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Opens the live-reload stream.
    pub fn events(&self) -> Events {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.write_all(b"GET /__congbo/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .unwrap();
        s.set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        Events {
            s,
            seen: String::new(),
        }
    }
}

pub struct Events {
    s: TcpStream,
    seen: String,
}

impl Events {
    /// Reads until the stream has shown `needle`, or fails after 15 s.
    pub fn expect(&mut self, needle: &str) -> String {
        let start = Instant::now();
        let mut buf = [0u8; 4096];
        while !self.seen.contains(needle) {
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "no {needle:?} in the stream:\n{}",
                self.seen
            );
            if let Ok(n) = self.s.read(&mut buf) {
                self.seen.push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        }
        let at = self.seen.find(needle).unwrap_or(0);
        let rest = self.seen[at..].to_string();
        self.seen = self.seen[at + needle.len()..].to_string();
        rest
    }
}

/// `application/x-www-form-urlencoded`, as a browser sends a form.
pub fn form_encode(fields: &[(&str, &str)]) -> String {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                    (b as char).to_string()
                }
                b' ' => "+".to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect::<String>()
    };
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

impl Server {
    /// Posts a form, with the cookie header `cookie` (`name=value`) when given.
    pub fn post(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> (u16, String, String) {
        let body = form_encode(fields);
        let cookie = cookie.map_or(String::new(), |c| format!("Cookie: {c}\r\n"));
        self.raw(
            format!(
                "POST {path} HTTP/1.1\r\nHost: localhost\r\n{cookie}Content-Type: \
                 application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .as_bytes(),
        )
    }
}

/// Runs `congbo serve ARGS --root ROOT`, which must refuse to start: its standard error,
/// after checking it ended with exit code 1. `what` says in a failure what kept running.
pub fn refused_start(args: &[&str], root: &std::path::Path, what: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_congbo"))
        .arg("serve")
        .args(args)
        .arg("--root")
        .arg(root)
        .env("CONGBO_LANG", "en")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut status = None;
    for _ in 0..200 {
        status = child.try_wait().unwrap();
        if status.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    if status.is_none() {
        let _ = child.kill();
        let _ = child.wait();
        panic!("{what}");
    }
    assert_eq!(status.and_then(|s| s.code()), Some(1));
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    stderr
}
