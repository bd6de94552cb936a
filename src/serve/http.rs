//! A small HTTP/1.1 server on std's `TcpListener`: one thread per connection, GET and HEAD,
//! `Connection: close`, except the live-reload stream (Server-Sent Events), which stays
//! open. It serves only the built site held in memory: a bad request gets 400, a missing
//! path the site's 404 page. Nothing a client sends can make it panic or read outside the
//! site: every index and slice below is checked.

use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use super::inject::{EVENTS_PATH, inject};
use super::paths::{clean_path, content_type};
use super::state::{Body, Message, Shared};

/// Most connections served at once (live-reload streams included).
const MAX_CONNECTIONS: usize = 512;
/// Longest request head accepted.
const MAX_HEAD: usize = 16 * 1024;

/// Accepts connections until the listener fails; each is served on its own thread.
pub fn serve(listener: TcpListener, shared: Arc<Shared>) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        if open.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
            let _ = respond(
                &mut stream,
                503,
                "text/plain; charset=utf-8",
                &[],
                b"busy\n",
                false,
            );
            continue;
        }
        let guard = Counted::new(&open);
        let shared = Arc::clone(&shared);
        let spawned = std::thread::Builder::new()
            .name("congbo-http".into())
            .spawn(move || {
                let _guard = guard;
                let _ = handle(stream, &shared);
            });
        // Out of threads: the connection is dropped, the server goes on.
        drop(spawned);
    }
}

/// Counts a connection while it is open.
struct Counted(Arc<AtomicUsize>);

impl Counted {
    fn new(n: &Arc<AtomicUsize>) -> Self {
        n.fetch_add(1, Ordering::SeqCst);
        Counted(Arc::clone(n))
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A parsed request line.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    /// `GET`, `HEAD`, … (upper-case ASCII letters).
    pub method: String,
    /// The request target as sent, before [`clean_path`] (printable ASCII only).
    pub target: String,
}

fn handle(mut stream: TcpStream, shared: &Shared) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.set_write_timeout(Some(Duration::from_secs(10)))?;
    let req = match read_head(&mut stream) {
        Ok(r) => r,
        Err(status) => {
            plain(&mut stream, status, false)?;
            return drain(&mut stream);
        }
    };
    let head_only = req.method == "HEAD";
    if req.method != "GET" && !head_only {
        let allow = [("Allow", "GET, HEAD".to_string())];
        return respond(
            &mut stream,
            405,
            "text/plain; charset=utf-8",
            &allow,
            b"405 method not allowed\n",
            false,
        );
    }
    let path = match clean_path(&req.target) {
        Ok(p) => p,
        Err(_) => return plain(&mut stream, 400, head_only),
    };
    if path == EVENTS_PATH {
        return events(stream, shared);
    }
    let base = shared.base_path.as_str();
    let Some(rest) = path.strip_prefix(base) else {
        if path == "/" || format!("{path}/") == base {
            let to = [("Location", base.to_string())];
            return respond(
                &mut stream,
                302,
                "text/plain; charset=utf-8",
                &to,
                b"",
                head_only,
            );
        }
        return not_found(&mut stream, shared, head_only);
    };
    let site_path = format!("/{rest}");
    let files = shared.files();
    let key = if site_path.ends_with('/') {
        format!("{site_path}index.html")
    } else {
        site_path.clone()
    };
    match files.get(&key) {
        Some(body) => match read_body(body) {
            Some(bytes) => send(&mut stream, 200, &key, &bytes, head_only),
            None => not_found(&mut stream, shared, head_only),
        },
        None if files.contains_key(&format!("{site_path}/index.html")) => {
            let raw = req.target.split(['?', '#']).next().unwrap_or_default();
            let to = [("Location", format!("{raw}/"))];
            respond(
                &mut stream,
                301,
                "text/plain; charset=utf-8",
                &to,
                b"",
                head_only,
            )
        }
        None => not_found(&mut stream, shared, head_only),
    }
}

/// After an error answer: closes our side and reads what the client still sends (a little
/// while, a little data), so its operating system does not drop our answer.
fn drain(stream: &mut TcpStream) -> io::Result<()> {
    stream.shutdown(std::net::Shutdown::Write)?;
    stream.set_read_timeout(Some(Duration::from_millis(500)))?;
    let mut sink = [0u8; 8192];
    let mut total = 0;
    while total < 1 << 20 {
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => total += n,
        }
    }
    Ok(())
}

/// Reads up to the blank line ending the head; returns the request line, or the status
/// to answer with.
fn read_head(stream: &mut TcpStream) -> Result<Request, u16> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        if buf.windows(4).any(|w| w == b"\r\n\r\n") || buf.windows(2).any(|w| w == b"\n\n") {
            break;
        }
        if buf.len() > MAX_HEAD {
            return Err(431);
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return Err(400),
            Ok(n) => buf.extend_from_slice(chunk.get(..n).ok_or(400u16)?),
        }
    }
    parse_request_line(&buf).ok_or(400)
}

/// Reads the request line at the start of a request head: method, target and an HTTP/1.x
/// version, separated by single spaces. `None` for anything else (answered with 400).
/// Public for the fuzz target in `fuzz/`.
pub fn parse_request_line(head: &[u8]) -> Option<Request> {
    let line_end = head.iter().position(|b| *b == b'\n')?;
    let line = std::str::from_utf8(head.get(..line_end)?)
        .ok()?
        .trim_end_matches('\r');
    let mut parts = line.split(' ');
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !version.starts_with("HTTP/1.") || method.is_empty() {
        return None;
    }
    if !method.bytes().all(|b| b.is_ascii_uppercase())
        || !target.bytes().all(|b| b.is_ascii_graphic())
    {
        return None;
    }
    Some(Request {
        method: method.to_string(),
        target: target.to_string(),
    })
}

fn read_body(body: &Body) -> Option<Vec<u8>> {
    match body {
        Body::Bytes(b) => Some(b.as_ref().clone()),
        Body::File(p) => std::fs::read(p).ok(),
    }
}

/// Sends a file, with the live-reload script added to HTML.
fn send(
    stream: &mut TcpStream,
    status: u16,
    path: &str,
    bytes: &[u8],
    head_only: bool,
) -> io::Result<()> {
    let ctype = content_type(path);
    if ctype.starts_with("text/html") {
        respond(stream, status, ctype, &[], &inject(bytes), head_only)
    } else {
        respond(stream, status, ctype, &[], bytes, head_only)
    }
}

fn not_found(stream: &mut TcpStream, shared: &Shared, head_only: bool) -> io::Result<()> {
    match shared.files().get("/404.html").and_then(read_body) {
        Some(page) => send(stream, 404, "/404.html", &page, head_only),
        None => plain(stream, 404, head_only),
    }
}

fn plain(stream: &mut TcpStream, status: u16, head_only: bool) -> io::Result<()> {
    let text = format!("{status} {}\n", reason(status));
    respond(
        stream,
        status,
        "text/plain; charset=utf-8",
        &[],
        text.as_bytes(),
        head_only,
    )
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "Error",
    }
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    ctype: &str,
    headers: &[(&str, String)],
    body: &[u8],
    head_only: bool,
) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        reason(status),
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// The live-reload stream: the current errors first, then every message as it comes, and
/// a comment every 15 s so a closed tab is noticed.
fn events(mut stream: TcpStream, shared: &Shared) -> io::Result<()> {
    stream.set_read_timeout(None)?;
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n\
          Cache-Control: no-store\r\nConnection: keep-alive\r\nX-Accel-Buffering: no\r\n\r\n\
          retry: 1000\n\n",
    )?;
    let mut seq = shared.last_seq();
    let errors = shared.errors();
    if !errors.is_empty() {
        stream.write_all(Message::Errors(errors).to_sse().as_bytes())?;
    }
    stream.flush()?;
    loop {
        let Some((msgs, next)) = shared.wait(seq, Duration::from_secs(15)) else {
            return Ok(());
        };
        seq = next;
        if msgs.is_empty() {
            stream.write_all(b": ping\n\n")?;
        }
        for m in msgs {
            stream.write_all(m.to_sse().as_bytes())?;
        }
        stream.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_lines() {
        let r = parse_request_line(b"GET /tin-tuc/?a=1 HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        assert_eq!(r.method, "GET");
        assert_eq!(r.target, "/tin-tuc/?a=1");
        for bad in [
            &b"GET /\r\n\r\n"[..],
            b"GET / HTTP/2\r\n\r\n",
            b"get / HTTP/1.1\r\n\r\n",
            b"GET  / HTTP/1.1\r\n\r\n",
            b"\xff / HTTP/1.1\r\n\r\n",
            b"GET /a\rb HTTP/1.1\r\n\r\n",
            "GET /xã HTTP/1.1\r\n\r\n".as_bytes(),
            b"",
        ] {
            assert!(parse_request_line(bad).is_none(), "{bad:?}");
        }
    }
}
