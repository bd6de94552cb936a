//! The editor's routes (`serve --edit`), the only ones of serve that take POST:
//! `/_soan-thao/` (list), `/_soan-thao/moi/<section>` (new page),
//! `/_soan-thao/sua/<file under content/>` (edit), and its stylesheet. Paths are decoded
//! and refused as the site's are ([`clean_path`]) before [`crate::editor`] checks them
//! again as content paths; forms are limited to 2 MiB.

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Form, FromRequest, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};

use super::editor_auth::{Auth, framed, gate};
use super::http::{plain, respond};
use super::paths::clean_path;
use crate::editor::{Caller, Editor, PREFIX, Reply};

/// The largest form accepted: a long page's text, with room to spare.
const MAX_FORM: usize = 2 * 1024 * 1024;

/// The editor's routes, each behind the login gate of `auth` ([`gate`]).
pub fn router(auth: Arc<Auth>) -> Router {
    Router::new()
        .route("/_soan-thao", get(to_list))
        .route(PREFIX, get(list))
        .route("/_soan-thao/editor.css", get(css))
        .route("/_soan-thao/moi/{*section}", get(new_form).post(create))
        .route("/_soan-thao/sua/{*file}", get(edit_form).post(save))
        .route("/_soan-thao/lich-su/{*file}", get(history).post(restore))
        .route("/_soan-thao/xoa/{*file}", post(delete))
        .route("/_soan-thao/thung-rac", get(trash))
        .route("/_soan-thao/thung-rac/{*file}", post(untrash))
        .with_state(Arc::clone(&auth.editor))
        .route_layer(axum::middleware::from_fn_with_state(
            Arc::clone(&auth),
            gate,
        ))
        .merge(super::editor_auth::routes(auth))
        .layer(DefaultBodyLimit::max(MAX_FORM))
}

async fn to_list() -> Response {
    let mut r = respond(
        StatusCode::FOUND,
        "text/plain; charset=utf-8",
        Vec::new(),
        false,
    );
    r.headers_mut()
        .insert(header::LOCATION, HeaderValue::from_static(PREFIX));
    r
}

async fn css() -> Response {
    respond(
        StatusCode::OK,
        "text/css; charset=utf-8",
        crate::editor::CSS.as_bytes().to_vec(),
        false,
    )
}

/// The decoded path after `prefix`, or `None` when it is malformed or climbs out.
fn rest_of(req: &Request, prefix: &str) -> Option<String> {
    let target = req.uri().path();
    let path = clean_path(target).ok()?;
    path.strip_prefix(prefix).map(str::to_string)
}

/// The query string's pairs, decoded as a form's are; none when it cannot be read.
fn query_of(req: &Request) -> Vec<(String, String)> {
    Query::<Vec<(String, String)>>::try_from_uri(req.uri())
        .map(|Query(v)| v)
        .unwrap_or_default()
}

/// The caller the gate let in (none only if a route were left outside the gate).
fn caller_of(req: &Request) -> Option<Caller> {
    req.extensions().get::<Caller>().cloned()
}

async fn list(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let query = query_of(&req);
    let Some(caller) = caller_of(&req) else {
        return plain(StatusCode::FORBIDDEN, false);
    };
    blocking(ed, caller, move |ed, _| ed.list(&query)).await
}

/// A GET's path after `prefix` and its caller.
fn get_parts(req: &Request, prefix: &str) -> Option<(String, Caller)> {
    Some((rest_of(req, prefix)?, caller_of(req)?))
}

async fn new_form(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let Some((section, caller)) = get_parts(&req, "/_soan-thao/moi/") else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    blocking(ed, caller, move |ed, c| ed.new_form_as(&section, c)).await
}

async fn edit_form(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let Some((file, caller)) = get_parts(&req, "/_soan-thao/sua/") else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    let saved = query_of(&req).iter().any(|(k, _)| k == "da-luu");
    blocking(ed, caller, move |ed, c| ed.edit_form_as(&file, saved, c)).await
}

async fn history(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let Some((file, caller)) = get_parts(&req, "/_soan-thao/lich-su/") else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    let ban = query_of(&req)
        .into_iter()
        .find(|(k, _)| k == "ban")
        .map(|(_, v)| v);
    blocking(ed, caller, move |ed, c| {
        ed.history(&file, ban.as_deref(), c)
    })
    .await
}

async fn trash(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let Some(caller) = caller_of(&req) else {
        return plain(StatusCode::FORBIDDEN, false);
    };
    blocking(ed, caller, move |ed, c| ed.trash(c)).await
}

/// A POST's path, caller and form.
async fn post_parts(req: Request, prefix: &str) -> Option<(String, Caller, Vec<(String, String)>)> {
    let (rest, caller) = get_parts(&req, prefix)?;
    let Form(form) = Form::<Vec<(String, String)>>::from_request(req, &())
        .await
        .ok()?;
    Some((rest, caller, form))
}

async fn create(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let Some((section, caller, form)) = post_parts(req, "/_soan-thao/moi/").await else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    blocking(ed, caller, move |ed, c| ed.create_as(&section, &form, c)).await
}

async fn save(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let Some((file, caller, form)) = post_parts(req, "/_soan-thao/sua/").await else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    blocking(ed, caller, move |ed, c| ed.save_as(&file, &form, c)).await
}

async fn restore(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let Some((file, caller, form)) = post_parts(req, "/_soan-thao/lich-su/").await else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    blocking(ed, caller, move |ed, c| ed.restore(&file, &form, c)).await
}

async fn delete(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let Some((file, caller, form)) = post_parts(req, "/_soan-thao/xoa/").await else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    blocking(ed, caller, move |ed, c| ed.delete(&file, &form, c)).await
}

async fn untrash(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let Some((file, caller, form)) = post_parts(req, "/_soan-thao/thung-rac/").await else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    blocking(ed, caller, move |ed, c| {
        ed.restore_from_trash(&file, &form, c)
    })
    .await
}

/// Runs the editor (which reads and parses the site) off the runtime's threads, and sends
/// its answer with the token's cookie (and, in a session, the logout button).
async fn blocking(
    ed: Arc<Editor>,
    caller: Caller,
    work: impl FnOnce(&Editor, &Caller) -> Reply + Send + 'static,
) -> Response {
    let token = ed.token().to_string();
    let Ok((reply, caller)) =
        tokio::task::spawn_blocking(move || (work(&ed, &caller), caller)).await
    else {
        return plain(StatusCode::INTERNAL_SERVER_ERROR, false);
    };
    let reply = Reply {
        html: if reply.html.is_empty() {
            reply.html
        } else {
            framed(reply.html, &caller)
        },
        ..reply
    };
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::OK);
    let mut r = respond(
        status,
        "text/html; charset=utf-8",
        reply.html.into_bytes(),
        false,
    );
    let h = r.headers_mut();
    if let Some(to) = reply.location.and_then(|l| HeaderValue::from_str(&l).ok()) {
        h.insert(header::LOCATION, to);
    }
    // The token in a cookie no script can read and no other site's page can send.
    if let Ok(c) = HeaderValue::from_str(&format!(
        "{}={token}; Path=/_soan-thao/; HttpOnly; SameSite=Strict",
        crate::editor::COOKIE
    )) {
        h.insert(header::SET_COOKIE, c);
    }
    h.insert(
        "Content-Security-Policy",
        HeaderValue::from_static("frame-ancestors 'none'"),
    );
    r
}
