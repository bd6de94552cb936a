//! `s3://bucket/prefix`: objects of a bucket of an S3-compatible store (AWS, or a
//! provider's at `endpoint`), as a CDN or the store's website serves them. Path-style
//! requests (`endpoint/bucket/key`, which every S3-compatible store answers), signed with
//! Signature Version 4 ([`sign`]), through ureq (already congbo's HTTPS client, on rustls).
//!
//! No S3 crate: a deploy needs three requests (GET, PUT, DELETE of one object), and the
//! crates weighed brought far more (rust-s3's blocking form pulls aws-lc, a C library the
//! Windows cross-build cannot take; its tokio form reqwest, hyper's client and sysinfo;
//! the official SDK some hundred crates). The signing is the published algorithm, tested
//! against AWS's own example.
//!
//! S3 has no rename, and needs none: a PUT replaces an object whole, so a reader gets
//! the old object or the new one. Each object carries its content type and cache time,
//! from the one table the shipped server configurations follow
//! ([`crate::output::served`]).

mod sign;
mod tls;

use std::io::Read;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ureq::unversioned::resolver::DefaultResolver;
use ureq::unversioned::transport::{Connector, TcpConnector};

use super::remote::{Remote, RemoteError};
use crate::config::deploy::{DeployTarget, DeployUrl};
use sign::{Keys, amz_date, authorization, sha256_hex, uri_encode};

/// An S3 target. A clone is another connection: ureq's agent keeps a pool of them.
#[derive(Clone)]
pub struct S3 {
    agent: ureq::Agent,
    keys: Keys,
    /// `https://host:port` of the endpoint.
    origin: String,
    /// The `Host` header (`host:port`).
    host: String,
    /// `/base/bucket/` (the endpoint's own path, then the bucket), encoded.
    bucket_path: String,
    prefix: String,
    shown: String,
}

/// The server's reply to a request, as words: `403 AccessDenied: Access Denied`.
fn reply_words(status: u16, body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let tag = |name: &str| {
        let open = format!("<{name}>");
        let start = text.find(&open)? + open.len();
        let end = text[start..].find(&format!("</{name}>"))? + start;
        Some(text[start..end].to_string())
    };
    match (tag("Code"), tag("Message")) {
        (Some(c), Some(m)) => format!("{status} {c}: {m}"),
        (Some(c), None) => format!("{status} {c}"),
        _ => format!("HTTP {status}"),
    }
}

/// Whether trying again may mend an answer: the store busy or failing for a moment.
fn transient_status(status: u16) -> bool {
    status >= 500 || status == 429 || status == 408
}

impl S3 {
    /// Sends one request (`body` for PUT), signed; the status and the answer's bytes.
    fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<&[u8]>,
    ) -> Result<(u16, Vec<u8>), RemoteError> {
        let key = format!("{}{path}", self.prefix);
        let uri = format!("{}{}", self.bucket_path, uri_encode(&key));
        let url = format!("{}{uri}", self.origin);
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let date = amz_date(now);
        let payload = sha256_hex(body.unwrap_or(b""));
        let signed = [
            ("host", self.host.as_str()),
            ("x-amz-content-sha256", payload.as_str()),
            ("x-amz-date", date.as_str()),
        ];
        let auth = authorization(&self.keys, method, &uri, "", &signed, &payload, &date);
        let result = match (method, body) {
            ("PUT", Some(data)) => self
                .agent
                .put(&url)
                .header("x-amz-content-sha256", &payload)
                .header("x-amz-date", &date)
                .header("authorization", &auth)
                .header("content-type", crate::output::served::content_type(path))
                .header("cache-control", crate::output::served::cache_control(path))
                .send(data),
            ("DELETE", _) => self
                .agent
                .delete(&url)
                .header("x-amz-content-sha256", &payload)
                .header("x-amz-date", &date)
                .header("authorization", &auth)
                .call(),
            _ => self
                .agent
                .get(&url)
                .header("x-amz-content-sha256", &payload)
                .header("x-amz-date", &date)
                .header("authorization", &auth)
                .call(),
        };
        let mut response = result.map_err(|e| {
            let words = e.to_string();
            // A certificate not trusted stays so: no retry, and what to do about it.
            if matches!(e, ureq::Error::Rustls(_) | ureq::Error::Tls(_))
                || words.contains("certificate")
            {
                RemoteError::lasting(super::tls::untrusted(&self.host, &words))
            } else {
                RemoteError::transient(words)
            }
        })?;
        let status = response.status().as_u16();
        let mut bytes = Vec::new();
        response
            .body_mut()
            .as_reader()
            .read_to_end(&mut bytes)
            .map_err(|e| RemoteError::io(&e))?;
        Ok((status, bytes))
    }

    /// A request that must succeed (2xx); the store's words otherwise.
    fn must(&self, method: &str, path: &str, body: Option<&[u8]>) -> Result<(), RemoteError> {
        match self.request(method, path, body)? {
            (s, _) if (200..300).contains(&s) => Ok(()),
            (s, b) if transient_status(s) => Err(RemoteError::transient(reply_words(s, &b))),
            (s, b) => Err(RemoteError::lasting(reply_words(s, &b))),
        }
    }
}

impl Remote for S3 {
    fn name(&self) -> String {
        self.shown.clone()
    }

    fn read(&mut self, path: &str) -> Result<Option<Vec<u8>>, RemoteError> {
        match self.request("GET", path, None)? {
            (200, b) => Ok(Some(b)),
            (404, _) => Ok(None),
            (s, b) if transient_status(s) => Err(RemoteError::transient(reply_words(s, &b))),
            (s, b) => Err(RemoteError::lasting(reply_words(s, &b))),
        }
    }

    fn write(&mut self, path: &str, data: &[u8]) -> Result<(), RemoteError> {
        self.must("PUT", path, Some(data))
    }

    fn rename(&mut self, _from: &str, _to: &str) -> Result<(), RemoteError> {
        // Never asked: `renames` is false.
        Err(RemoteError::lasting("S3 has no rename"))
    }

    fn remove(&mut self, path: &str) -> Result<(), RemoteError> {
        // DELETE of an object that is not there succeeds too.
        self.must("DELETE", path, None)
    }

    fn remove_empty_dir(&mut self, _path: &str) {
        // A bucket has no folders, only names with slashes.
    }

    fn renames(&self) -> bool {
        false
    }

    fn another(&self) -> Result<Box<dyn Remote>, RemoteError> {
        Ok(Box::new(self.clone()))
    }
}

/// A key from the environment variable the target names (or the usual one).
fn key_from(var: &str, key: &str) -> Result<String, String> {
    std::env::var(var).map_err(|_| {
        crate::tr!(
            en: "the environment variable {var} ({key}) is not set; set it to the store's key, e.g. {var}=… congbo deploy",
            vi: "biến môi trường {var} ({key}) chưa được đặt; hãy đặt nó bằng khoá của kho lưu trữ, ví dụ {var}=… congbo deploy",
        )
    })
}

/// Makes an `s3://` target from its table: the endpoint, the region and the keys.
pub fn connect(target: &DeployTarget) -> Result<S3, String> {
    let DeployUrl::S3 { bucket, prefix } = &target.url else {
        return Err("not an S3 address".into());
    };
    let region = target.region.clone().unwrap_or_else(|| "us-east-1".into());
    let endpoint =
        (target.endpoint.clone()).unwrap_or_else(|| format!("https://s3.{region}.amazonaws.com"));
    let endpoint = endpoint.trim_end_matches('/');
    // The endpoint is a web address: its parts by the one rule for those.
    let Some(parts) = crate::text::address::web_parts(endpoint).filter(|p| !p.host.is_empty())
    else {
        return Err(crate::tr!(
            en: "the endpoint \"{endpoint}\" is not a web address; write the store's address, e.g. endpoint = \"https://s3.example.vn\"",
            vi: "endpoint \"{endpoint}\" không phải địa chỉ web; hãy viết địa chỉ của kho lưu trữ, ví dụ endpoint = \"https://s3.example.vn\"",
        ));
    };
    let (scheme, host) = (parts.scheme.to_ascii_lowercase(), parts.host);
    let base = parts.rest.trim_matches('/');
    let base = if base.is_empty() {
        String::new()
    } else {
        format!("/{}", uri_encode(base))
    };
    let access_var = target
        .access_key_env
        .as_deref()
        .unwrap_or("AWS_ACCESS_KEY_ID");
    let secret_var = (target.secret_key_env.as_deref()).unwrap_or("AWS_SECRET_ACCESS_KEY");
    let keys = Keys {
        access: key_from(access_var, "access_key_env")?,
        secret: key_from(secret_var, "secret_key_env")?,
        region,
    };
    let config = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(300)))
        .http_status_as_error(false)
        .user_agent(concat!("congbo-deploy/", env!("CARGO_PKG_VERSION")))
        // A connection kept for each file sent at the same time.
        .max_idle_connections_per_host(crate::config::deploy::MAX_JOBS)
        .build();
    // With `ca_file`, TLS with the settings `ftps://` has (a host's own certificate
    // trusted, pinned when it signs itself); else ureq's, with the public authorities.
    let agent = match &target.ca_file {
        Some(file) => {
            let tls = super::tls::client_config(Some(&super::login::expand_home(file)))?;
            let connector = TcpConnector::default().chain(tls::Pinned(tls));
            ureq::Agent::with_parts(config, connector, DefaultResolver::default())
        }
        None => config.into(),
    };
    Ok(S3 {
        agent,
        keys,
        origin: format!("{scheme}://{host}"),
        host: host.to_string(),
        bucket_path: format!("{base}/{}/", uri_encode(bucket)),
        prefix: prefix.clone(),
        shown: format!("s3://{bucket}/{prefix}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stores_words_name_the_trouble() {
        let body = b"<?xml version=\"1.0\"?><Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>";
        assert_eq!(
            reply_words(404, body),
            "404 NoSuchBucket: The specified bucket does not exist"
        );
        assert_eq!(reply_words(502, b"<html>"), "HTTP 502");
        assert!(transient_status(503) && transient_status(429) && !transient_status(403));
    }
}
