//! Login for the editor (`serve --edit` once `.congbo/users.toml` has accounts): the login
//! and logout routes, and the gate every other editor route goes through. Without
//! accounts the gate lets the request in as `local`, with the process's token, as before
//! accounts existed (serve then refuses any address but loopback). With accounts, a
//! request needs a live session: a GET without one is sent to the login page, anything
//! else is refused. The session's account is read again from users.toml on each request,
//! so a removed account or a changed role counts at once.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::{ConnectInfo, Form, FromRequest, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::{get, post};

use super::http::{plain, respond};
use crate::editor::accounts::Users;
use crate::editor::login::{LOGIN, LOGOUT, next_of, page};
use crate::editor::session::{Limiter, Sessions};
use crate::editor::{COOKIE, Caller, Editor, PREFIX};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "congbo_phien";

/// The editor's login state on one server.
#[derive(Debug)]
pub struct Auth {
    /// The editor served.
    pub editor: Arc<Editor>,
    /// Whether a login is needed (accounts existed when serve started).
    pub login: bool,
    root: PathBuf,
    sessions: Sessions,
    limiter: Limiter,
}

impl Auth {
    /// The login state of the site at `root`; `login` when it has accounts.
    pub fn new(editor: Arc<Editor>, root: PathBuf, login: bool) -> Auth {
        Auth {
            editor,
            login,
            root,
            sessions: Sessions::default(),
            limiter: Limiter::default(),
        }
    }

    /// Who sends the request, when it may come in.
    fn caller(&self, headers: &HeaderMap) -> Option<Caller> {
        if !self.login {
            return Some(Caller::local(
                &self.editor,
                cookie(headers, COOKIE).as_deref(),
            ));
        }
        let token = cookie(headers, SESSION_COOKIE)?;
        let mut session = self.sessions.get(&token)?;
        match Users::load(&self.root).ok()?.get(&session.user) {
            Some(u) => session.role = u.role,
            None => {
                self.sessions.end_user(&session.user);
                return None;
            }
        }
        Some(Caller::of(&session))
    }
}

/// The login and logout routes.
pub fn routes(auth: Arc<Auth>) -> Router {
    Router::new()
        .route(LOGIN, get(login_form).post(login))
        .route(LOGOUT, post(logout))
        .with_state(auth)
}

/// Lets a request into the editor's other routes, with its [`Caller`], or sends it to log in.
pub async fn gate(State(auth): State<Arc<Auth>>, mut req: Request, next: Next) -> Response {
    // The login page loads the editor's style and script too.
    if matches!(
        req.uri().path(),
        "/_soan-thao/editor.css" | "/_soan-thao/editor.js"
    ) {
        return next.run(req).await;
    }
    let Some(caller) = auth.caller(req.headers()) else {
        if matches!(*req.method(), Method::GET | Method::HEAD) {
            let asked = req.uri().path_and_query().map_or(PREFIX, |p| p.as_str());
            let to = format!("{LOGIN}?tiep={}", encode(asked));
            return see_other(&to, None);
        }
        let html = crate::editor::login::page(
            Some(&crate::tr!(
                en: "you are not logged in (or your session ended): nothing was saved; log in, then open the page again",
                vi: "bạn chưa đăng nhập (hoặc phiên đã hết hạn): chưa lưu gì; hãy đăng nhập rồi mở lại trang",
            )),
            auth.editor.token(),
            PREFIX,
            "",
        );
        return page_response(StatusCode::FORBIDDEN, html, &auth);
    };
    req.extensions_mut().insert(caller);
    next.run(req).await
}

async fn login_form(State(auth): State<Arc<Auth>>, req: Request) -> Response {
    if !auth.login {
        return see_other(PREFIX, None);
    }
    let next = query(&req, "tiep").unwrap_or_default();
    let html = page(None, auth.editor.token(), &next_of(&next), "");
    page_response(StatusCode::OK, html, &auth)
}

async fn login(State(auth): State<Arc<Auth>>, req: Request) -> Response {
    if !auth.login {
        return see_other(PREFIX, None);
    }
    let from = client_address(&req);
    let cookie_ok = cookie(req.headers(), COOKIE).as_deref() == Some(auth.editor.token());
    let Ok(Form(form)) = Form::<Vec<(String, String)>>::from_request(req, &()).await else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    let field = |k: &str| {
        form.iter()
            .find(|(n, _)| n == k)
            .map_or(String::new(), |(_, v)| v.clone())
    };
    let (name, password, next) = (
        field("ten").trim().to_string(),
        field("mat-khau"),
        field("tiep"),
    );
    let next = next_of(&next);
    let again = |status: StatusCode, why: String| {
        let html = page(Some(&why), auth.editor.token(), &next, &name);
        page_response(status, html, &auth)
    };
    if !cookie_ok || field("csrf") != auth.editor.token() {
        return again(
            StatusCode::FORBIDDEN,
            crate::tr!(
                en: "this login form is out of date (congbo serve was restarted): type your name and password again",
                vi: "biểu mẫu đăng nhập này đã cũ (congbo serve vừa khởi động lại): hãy gõ lại tên và mật khẩu",
            ),
        );
    }
    let log = |what: &str| {
        // The log is a record, not a gate: a login goes on when it cannot be written.
        let _ = crate::editor::store::log_access(&auth.root, &name, what, &from);
    };
    let keys = [format!("user:{name}"), format!("addr:{from}")];
    if let Some(wait) = auth.limiter.wait(&keys) {
        log("login-waited");
        let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
        let mut r = again(
            StatusCode::TOO_MANY_REQUESTS,
            crate::tr!(
                en: "too many wrong passwords: wait {secs} seconds, then try again",
                vi: "đã nhập sai quá nhiều lần: hãy đợi {secs} giây rồi thử lại",
            ),
        );
        r.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        return r;
    }
    // The hash takes tens of milliseconds on purpose: off the runtime's threads.
    let checked = {
        let (auth, name) = (Arc::clone(&auth), name.clone());
        tokio::task::spawn_blocking(move || {
            let users = Users::load(&auth.root).ok()?;
            users.verify(&name, &password).map(|u| u.role)
        })
        .await
        .ok()
        .flatten()
    };
    let Some(role) = checked else {
        auth.limiter.failed(&keys);
        log("login-failed");
        return again(
            StatusCode::UNAUTHORIZED,
            crate::tr!(
                en: "wrong name or password: type them again (letters are case-sensitive)",
                vi: "sai tên đăng nhập hoặc mật khẩu: hãy gõ lại (chữ hoa và chữ thường khác nhau)",
            ),
        );
    };
    auth.limiter.succeeded(&keys);
    log("login");
    let Some(token) = auth.sessions.start(&name, role) else {
        return plain(StatusCode::INTERNAL_SERVER_ERROR, false);
    };
    let cookie = format!(
        "{SESSION_COOKIE}={token}; Path={PREFIX}; HttpOnly; SameSite=Strict; Max-Age={}",
        crate::editor::session::LONGEST.as_secs()
    );
    see_other(&next, Some(&cookie))
}

async fn logout(State(auth): State<Arc<Auth>>, req: Request) -> Response {
    let from = client_address(&req);
    let caller = auth.caller(req.headers());
    let token = cookie(req.headers(), SESSION_COOKIE);
    let Ok(Form(form)) = Form::<Vec<(String, String)>>::from_request(req, &()).await else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    match (caller, token) {
        (Some(c), Some(t)) if c.logged_in && c.allowed(&form) => {
            auth.sessions.end(&t);
            let _ = crate::editor::store::log_access(&auth.root, &c.name, "logout", &from);
            let gone =
                format!("{SESSION_COOKIE}=; Path={PREFIX}; HttpOnly; SameSite=Strict; Max-Age=0");
            see_other(LOGIN, Some(&gone))
        }
        _ => plain(StatusCode::FORBIDDEN, false),
    }
}

/// A page of the login routes, with the process's token in its cookie (the login form's
/// own CSRF guard) and the editor's headers.
fn page_response(status: StatusCode, html: String, auth: &Auth) -> Response {
    let mut r = respond(status, "text/html; charset=utf-8", html.into_bytes(), false);
    let h = r.headers_mut();
    if let Ok(c) = HeaderValue::from_str(&format!(
        "{COOKIE}={}; Path={PREFIX}; HttpOnly; SameSite=Strict",
        auth.editor.token()
    )) {
        h.insert(header::SET_COOKIE, c);
    }
    h.insert(
        "Content-Security-Policy",
        HeaderValue::from_static("frame-ancestors 'none'"),
    );
    r
}

fn see_other(to: &str, cookie: Option<&str>) -> Response {
    let mut r = respond(
        StatusCode::SEE_OTHER,
        "text/plain; charset=utf-8",
        Vec::new(),
        false,
    );
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(to) {
        h.insert(header::LOCATION, v);
    }
    if let Some(c) = cookie.and_then(|c| HeaderValue::from_str(c).ok()) {
        h.insert(header::SET_COOKIE, c);
    }
    r
}

/// The address the request came from (its IP), as the connection gives it.
fn client_address(req: &Request) -> String {
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_default()
}

/// A cookie's value.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// One query value, decoded.
fn query(req: &Request, key: &str) -> Option<String> {
    axum::extract::Query::<Vec<(String, String)>>::try_from_uri(req.uri())
        .ok()?
        .0
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// A path as a query value: everything but unreserved characters and `/` percent-encoded.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The page with its caller's logout button, for a logged-in session.
pub fn framed(html: String, caller: &Caller) -> String {
    if !caller.logged_in {
        return html;
    }
    crate::editor::login::with_logout(html, &caller.name, caller.role.label_vi(), &caller.csrf)
}
