//! The editor's routes (`serve --edit`), the only ones of serve that take POST:
//! `/_soan-thao/` (list), `/_soan-thao/moi/<section>` (new page),
//! `/_soan-thao/sua/<file under content/>` (edit), and its stylesheet. Paths are decoded
//! and refused as the site's are ([`clean_path`]) before [`crate::editor`] checks them
//! again as content paths; forms are limited to 2 MiB.

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Form, FromRequest, Multipart, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};

use super::editor_auth::{Auth, framed, gate};
use super::http::{plain, respond};
use super::paths::clean_path;
use crate::editor::upload::Upload;
use crate::editor::{Caller, Editor, PREFIX, Reply};

/// The largest form accepted: a long page's text, with room to spare.
const MAX_FORM: usize = 2 * 1024 * 1024;

/// The editor's routes, each behind the login gate of `auth` ([`gate`]).
pub fn router(auth: Arc<Auth>) -> Router {
    // A file's limit, with room for the form's other fields and the multipart framing.
    let files = DefaultBodyLimit::max(auth.editor.max_upload() + 64 * 1024);
    Router::new()
        .route("/_soan-thao/tai-len/{*file}", post(upload).layer(files))
        .route(
            "/_soan-thao/nhap-word/{*section}",
            post(import_word).layer(files),
        )
        .route("/_soan-thao", get(to_list))
        .route(PREFIX, get(list))
        .route("/_soan-thao/editor.css", get(css))
        .route("/_soan-thao/moi/{*section}", get(new_form).post(create))
        .route("/_soan-thao/sua/{*file}", get(edit_form).post(save))
        .route("/_soan-thao/editor.js", get(js))
        .route("/_soan-thao/xem-truoc/{*place}", post(preview))
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

async fn js() -> Response {
    respond(
        StatusCode::OK,
        "text/javascript; charset=utf-8",
        crate::editor::JS.as_bytes().to_vec(),
        false,
    )
}

/// The preview of a posted form (`?chi-trang=1`: the page alone, for the script).
async fn preview(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let Some((place, caller)) = get_parts(&req, "/_soan-thao/xem-truoc/") else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    let only_page = query_of(&req).iter().any(|(k, _)| k == "chi-trang");
    let Ok(Form(form)) = Form::<Vec<(String, String)>>::from_request(req, &()).await else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    let work = move |ed: &Editor, c: &Caller| ed.preview(&place, &form, c, only_page);
    if only_page {
        // The site's own page: no editor header to put the logout button in.
        answer(ed, caller, work, Frame::Bare).await
    } else {
        blocking(ed, caller, work).await
    }
}

/// A multipart form's text fields and its file (`tep`); `Err` with the status to answer
/// when it cannot be read whole (over the size limit: 413).
async fn multipart(req: Request) -> Result<(Vec<(String, String)>, Option<Upload>), StatusCode> {
    let mut parts = Multipart::from_request(req, &())
        .await
        .map_err(|_| StatusCode::BAD_REQUEST)?;
    let mut fields = Vec::new();
    let mut file = None;
    let too_big = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            StatusCode::PAYLOAD_TOO_LARGE
        } else {
            StatusCode::BAD_REQUEST
        }
    };
    while let Some(field) = parts.next_field().await.map_err(too_big)? {
        let name = field.name().unwrap_or("").to_string();
        if name == "tep" {
            let sent = field.file_name().unwrap_or("").to_string();
            let bytes = field.bytes().await.map_err(too_big)?;
            file = Some(Upload {
                name: sent,
                bytes: bytes.to_vec(),
            });
        } else {
            fields.push((name, field.text().await.map_err(too_big)?));
        }
    }
    Ok((fields, file))
}

/// The page an upload refused before the editor saw it: too large, or no readable form.
fn refused_upload(status: StatusCode, ed: &Editor) -> Response {
    let max = ed.max_upload() / (1024 * 1024);
    let why = if status == StatusCode::PAYLOAD_TOO_LARGE {
        crate::tr!(
            en: "the file is larger than {max} MB, the largest the editor takes",
            vi: "tệp lớn hơn {max} MB, mức lớn nhất được nhận",
        )
    } else {
        crate::tr!(en: "the form could not be read; send it again", vi: "không đọc được biểu mẫu; hãy gửi lại")
    };
    respond(
        status,
        "text/html; charset=utf-8",
        crate::editor::message_page(&why).into_bytes(),
        false,
    )
}

async fn upload(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let Some((file, caller)) = get_parts(&req, "/_soan-thao/tai-len/") else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    let (form, sent) = match multipart(req).await {
        Ok(r) => r,
        Err(status) => return refused_upload(status, &ed),
    };
    blocking(ed, caller, move |ed, c| ed.upload(&file, &form, sent, c)).await
}

async fn import_word(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let Some((section, caller)) = get_parts(&req, "/_soan-thao/nhap-word/") else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    let (form, sent) = match multipart(req).await {
        Ok(r) => r,
        Err(status) => return refused_upload(status, &ed),
    };
    blocking(ed, caller, move |ed, c| {
        ed.import_word(&section, &form, sent, c)
    })
    .await
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
    let query = query_of(&req);
    let saved = query.iter().any(|(k, _)| k == "da-luu");
    let uploaded = (query.into_iter())
        .find(|(k, _)| k == "tai-len")
        .map(|(_, v)| v);
    blocking(ed, caller, move |ed, c| {
        ed.edit_form_as(&file, saved, uploaded.as_deref(), c)
    })
    .await
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
    answer(ed, caller, work, Frame::Editor).await
}

/// Whether an answer is one of the editor's pages (which get the logout button) or a page
/// of the site shown as it is.
#[derive(Clone, Copy, PartialEq)]
enum Frame {
    Editor,
    Bare,
}

/// [`blocking`], with the answer framed as `frame` says.
async fn answer(
    ed: Arc<Editor>,
    caller: Caller,
    work: impl FnOnce(&Editor, &Caller) -> Reply + Send + 'static,
    frame: Frame,
) -> Response {
    let token = ed.token().to_string();
    let Ok((reply, caller)) =
        tokio::task::spawn_blocking(move || (work(&ed, &caller), caller)).await
    else {
        return plain(StatusCode::INTERNAL_SERVER_ERROR, false);
    };
    let reply = Reply {
        html: if reply.html.is_empty() || frame == Frame::Bare {
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
