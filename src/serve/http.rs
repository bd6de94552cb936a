//! The HTTP side of `congbo serve`, on hyper (HTTP/1.1, keep-alive, header limits and
//! timeouts) with axum's router, on a tokio runtime of its own thread. The site and the
//! live-reload stream answer GET and HEAD only; the editor's routes (`serve --edit`, see
//! [`super::editor_routes`]) are the only ones that take POST. A bad request gets 400, a
//! missing path the site's 404 page; nothing a client sends can read outside the built
//! site held in memory: every path goes through [`clean_path`] before any lookup.

use std::net::TcpListener;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::{Body as HttpBody, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::Response;
use http_body::Frame;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::AsyncWriteExt;

use super::inject::{EVENTS_PATH, inject};
use super::paths::{clean_path, content_type};
use super::state::{Body, Message, Shared};

/// Most connections served at once (live-reload streams included).
const MAX_CONNECTIONS: usize = 512;
/// Longest request head accepted (hyper's buffer; its smallest allowed is 8 KiB).
const MAX_HEAD: usize = 16 * 1024;
/// How long a client may take to send a request head.
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves `app` (the site, plus the editor when asked) on `listener` until the process
/// ends. Runs its own tokio runtime, so the caller's thread is a plain thread.
pub fn serve(listener: TcpListener, app: Router) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("congbo-http")
        .enable_io()
        .enable_time()
        .build()?;
    runtime.block_on(accept(listener, app))
}

async fn accept(listener: TcpListener, app: Router) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let open = Arc::new(AtomicUsize::new(0));
    loop {
        let Ok((mut stream, peer)) = listener.accept().await else {
            continue;
        };
        if open.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
            tokio::spawn(async move {
                let busy = b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; \
                    charset=utf-8\r\nContent-Length: 5\r\nConnection: close\r\n\r\nbusy\n";
                let _ = stream.write_all(busy).await;
            });
            continue;
        }
        let guard = Counted::new(&open);
        // The client's address, for the editor's brake on password guessing.
        let app = app.clone().layer(axum::Extension(ConnectInfo(peer)));
        let service = TowerToHyperService::new(app);
        tokio::spawn(async move {
            let _guard = guard;
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new())
                .header_read_timeout(HEAD_TIMEOUT)
                .max_buf_size(MAX_HEAD)
                // Header names as browsers and older tools expect them (`Content-Type`).
                .title_case_headers(true)
                // A client may close its side once its request is sent and still wait for
                // the answer (scripts, `curl --no-keepalive`, the tests).
                .half_close(true);
            let _ = http.serve_connection(TokioIo::new(stream), service).await;
        });
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

/// The router of the site alone: every path is the site's (see [`site`]).
pub fn site_router(shared: Arc<Shared>) -> Router {
    Router::new().fallback(site).with_state(shared)
}

/// The built site: GET and HEAD of the files in memory, the live-reload stream, redirects
/// to the base path and to a folder's `/`, the site's 404 page.
pub async fn site(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let head_only = req.method() == Method::HEAD;
    if req.method() != Method::GET && !head_only {
        let mut r = respond(
            StatusCode::METHOD_NOT_ALLOWED,
            "text/plain; charset=utf-8",
            b"405 method not allowed\n".to_vec(),
            false,
        );
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let target = req
        .uri()
        .path_and_query()
        .map_or("/", |p| p.as_str())
        .to_string();
    let path = match clean_path(&target) {
        Ok(p) => p,
        Err(_) => return plain(StatusCode::BAD_REQUEST, head_only),
    };
    if path == EVENTS_PATH {
        return events(shared);
    }
    // Reading a source file from disk: off the runtime's threads.
    let answer = tokio::task::spawn_blocking(move || lookup(&shared, &path, &target, head_only));
    answer
        .await
        .unwrap_or_else(|_| plain(StatusCode::INTERNAL_SERVER_ERROR, head_only))
}

fn lookup(shared: &Shared, path: &str, target: &str, head_only: bool) -> Response {
    let base = shared.base_path.as_str();
    let Some(rest) = path.strip_prefix(base) else {
        if path == "/" || format!("{path}/") == base {
            return redirect(StatusCode::FOUND, base, head_only);
        }
        return not_found(shared, head_only);
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
            Some(bytes) => send(StatusCode::OK, &key, bytes, head_only),
            None => not_found(shared, head_only),
        },
        None if files.contains_key(&format!("{site_path}/index.html")) => {
            let raw = target.split(['?', '#']).next().unwrap_or_default();
            redirect(StatusCode::MOVED_PERMANENTLY, &format!("{raw}/"), head_only)
        }
        None => not_found(shared, head_only),
    }
}

fn read_body(body: &Body) -> Option<Vec<u8>> {
    match body {
        Body::Bytes(b) => Some(b.as_ref().clone()),
        Body::File(p) => std::fs::read(p).ok(),
    }
}

/// Sends a file, with the live-reload script added to HTML.
fn send(status: StatusCode, path: &str, bytes: Vec<u8>, head_only: bool) -> Response {
    let ctype = content_type(path);
    if ctype.starts_with("text/html") {
        respond(status, ctype, inject(&bytes), head_only)
    } else {
        respond(status, ctype, bytes, head_only)
    }
}

fn not_found(shared: &Shared, head_only: bool) -> Response {
    match shared.files().get("/404.html").and_then(read_body) {
        Some(page) => send(StatusCode::NOT_FOUND, "/404.html", page, head_only),
        None => plain(StatusCode::NOT_FOUND, head_only),
    }
}

fn redirect(status: StatusCode, to: &str, head_only: bool) -> Response {
    let mut r = respond(status, "text/plain; charset=utf-8", Vec::new(), head_only);
    // `to` comes from a checked path or the configuration; a value no header may carry
    // is left out rather than sent.
    if let Ok(v) = HeaderValue::from_str(to) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

/// A short plain-text answer: `404 Not Found`.
pub fn plain(status: StatusCode, head_only: bool) -> Response {
    let text = format!(
        "{} {}\n",
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error")
    );
    respond(
        status,
        "text/plain; charset=utf-8",
        text.into_bytes(),
        head_only,
    )
}

/// An answer with the headers every answer of serve carries; for HEAD, the length of the
/// body that GET would send, and no body.
pub fn respond(status: StatusCode, ctype: &str, body: Vec<u8>, head_only: bool) -> Response {
    let len = body.len();
    let body = if head_only {
        HttpBody::empty()
    } else {
        HttpBody::from(body)
    };
    let mut r = Response::new(body);
    *r.status_mut() = status;
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(ctype) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

/// The live-reload stream: the current errors first, then every message as it comes, and
/// a comment every 15 s so a closed tab is noticed. [`Shared::wait`] blocks, so a thread
/// of its own waits and hands each text to the response through a channel; it ends when
/// the page is closed (the channel's receiver is gone).
fn events(shared: Arc<Shared>) -> Response {
    let (tx, rx) = tokio::sync::mpsc::channel::<Bytes>(16);
    let first = {
        let mut t = String::from("retry: 1000\n\n");
        let errors = shared.errors();
        if !errors.is_empty() {
            t.push_str(&Message::Errors(errors).to_sse());
        }
        t
    };
    let seq = shared.last_seq();
    let spawned = std::thread::Builder::new()
        .name("congbo-events".into())
        .spawn(move || {
            let mut seq = seq;
            if tx.blocking_send(Bytes::from(first)).is_err() {
                return;
            }
            loop {
                let Some((msgs, next)) = shared.wait(seq, Duration::from_secs(15)) else {
                    return;
                };
                seq = next;
                let mut text = String::new();
                if msgs.is_empty() {
                    text.push_str(": ping\n\n");
                }
                for m in msgs {
                    text.push_str(&m.to_sse());
                }
                if tx.blocking_send(Bytes::from(text)).is_err() {
                    return;
                }
            }
        });
    if spawned.is_err() {
        return plain(StatusCode::SERVICE_UNAVAILABLE, false);
    }
    let mut r = Response::new(HttpBody::new(Stream(rx)));
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert("X-Accel-Buffering", HeaderValue::from_static("no"));
    r
}

/// A response body fed by a channel, one frame per text.
struct Stream(tokio::sync::mpsc::Receiver<Bytes>);

impl http_body::Body for Stream {
    type Data = Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        self.0.poll_recv(cx).map(|m| m.map(|b| Ok(Frame::data(b))))
    }
}
