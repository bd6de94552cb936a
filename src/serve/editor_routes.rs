//! The editor's routes (`serve --edit`), the only ones of serve that take POST:
//! `/_soan-thao/` (list), `/_soan-thao/moi/<section>` (new page),
//! `/_soan-thao/sua/<file under content/>` (edit), and its stylesheet. Paths are decoded
//! and refused as the site's are ([`clean_path`]) before [`crate::editor`] checks them
//! again as content paths; forms are limited to 2 MiB.

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Form, FromRequest, Multipart, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};

use super::http::{plain, respond};
use super::paths::clean_path;
use crate::editor::upload::Upload;
use crate::editor::{COOKIE, Editor, PREFIX, Reply};

/// The largest form accepted: a long page's text, with room to spare.
const MAX_FORM: usize = 2 * 1024 * 1024;

/// The editor's routes for `editor`.
pub fn router(editor: Arc<Editor>) -> Router {
    // A file's limit, with room for the form's other fields and the multipart framing.
    let files = DefaultBodyLimit::max(editor.max_upload() + 64 * 1024);
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
        .layer(DefaultBodyLimit::max(MAX_FORM))
        .with_state(editor)
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
    let Some((place, cookie)) = post_parts(&req, "/_soan-thao/xem-truoc/") else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    let only_page = query_of(&req).iter().any(|(k, _)| k == "chi-trang");
    let Ok(Form(form)) = Form::<Vec<(String, String)>>::from_request(req, &()).await else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    blocking(ed, move |ed| {
        ed.preview(&place, &form, cookie.as_deref(), only_page)
    })
    .await
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
    let Some((file, cookie)) = post_parts(&req, "/_soan-thao/tai-len/") else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    let (form, sent) = match multipart(req).await {
        Ok(r) => r,
        Err(status) => return refused_upload(status, &ed),
    };
    blocking(ed, move |ed| {
        ed.upload(&file, &form, sent, cookie.as_deref())
    })
    .await
}

async fn import_word(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let Some((section, cookie)) = post_parts(&req, "/_soan-thao/nhap-word/") else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    let (form, sent) = match multipart(req).await {
        Ok(r) => r,
        Err(status) => return refused_upload(status, &ed),
    };
    blocking(ed, move |ed| {
        ed.import_word(&section, &form, sent, cookie.as_deref())
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

async fn list(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let query = query_of(&req);
    blocking(ed, move |ed| ed.list(&query)).await
}

async fn new_form(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let Some(section) = rest_of(&req, "/_soan-thao/moi/") else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    blocking(ed, move |ed| ed.new_form(&section)).await
}

async fn edit_form(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let Some(file) = rest_of(&req, "/_soan-thao/sua/") else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    let query = query_of(&req);
    let saved = query.iter().any(|(k, _)| k == "da-luu");
    let uploaded = (query.into_iter())
        .find(|(k, _)| k == "tai-len")
        .map(|(_, v)| v);
    blocking(ed, move |ed| {
        ed.edit_form_with(&file, saved, uploaded.as_deref())
    })
    .await
}

/// A POST's path and cookie; the form is read after (it consumes the request).
fn post_parts(req: &Request, prefix: &str) -> Option<(String, Option<String>)> {
    Some((rest_of(req, prefix)?, cookie(req.headers())))
}

async fn create(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let Some((section, cookie)) = post_parts(&req, "/_soan-thao/moi/") else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    let Ok(Form(form)) = Form::<Vec<(String, String)>>::from_request(req, &()).await else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    blocking(ed, move |ed| ed.create(&section, &form, cookie.as_deref())).await
}

async fn save(State(ed): State<Arc<Editor>>, req: Request) -> Response {
    let Some((file, cookie)) = post_parts(&req, "/_soan-thao/sua/") else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    let Ok(Form(form)) = Form::<Vec<(String, String)>>::from_request(req, &()).await else {
        return plain(StatusCode::BAD_REQUEST, false);
    };
    blocking(ed, move |ed| ed.save(&file, &form, cookie.as_deref())).await
}

/// The value of the editor's cookie.
fn cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_string())
}

/// Runs the editor (which reads and parses the site) off the runtime's threads, and sends
/// its answer with the token's cookie.
async fn blocking(
    ed: Arc<Editor>,
    work: impl FnOnce(&Editor) -> Reply + Send + 'static,
) -> Response {
    let token = ed.token().to_string();
    let Ok(reply) = tokio::task::spawn_blocking(move || work(&ed)).await else {
        return plain(StatusCode::INTERNAL_SERVER_ERROR, false);
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
        "{COOKIE}={token}; Path=/_soan-thao/; HttpOnly; SameSite=Strict"
    )) {
        h.insert(header::SET_COOKIE, c);
    }
    h.insert(
        "Content-Security-Policy",
        HeaderValue::from_static("frame-ancestors 'none'"),
    );
    r
}
