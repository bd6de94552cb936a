//! `[deploy.<name>]`: where `congbo deploy` sends the built site. Only the shape of each
//! target is read here (its address, and the names of its key file, known-hosts file and
//! password variable); credentials themselves never live in `site.toml`. An address of
//! any other protocol is an error of `site.toml`, at its line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::Diagnostic;

/// One `[deploy.<name>]` table as written.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTarget {
    url: String,
    identity: Option<String>,
    known_hosts: Option<String>,
    password_env: Option<String>,
    ca_file: Option<String>,
    endpoint: Option<String>,
    region: Option<String>,
    access_key_env: Option<String>,
    secret_key_env: Option<String>,
    jobs: Option<i64>,
}

/// The most files a target may take at once: more only opens connections a host refuses.
pub const MAX_JOBS: usize = 16;

/// All `[deploy.*]` tables as written, by name.
pub(super) type RawTargets = BTreeMap<String, RawTarget>;

/// A place the site can be deployed to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeployTarget {
    /// The name after `deploy.` (`[deploy.tinh]` → `tinh`).
    pub name: String,
    /// Where, parsed from `url`.
    pub url: DeployUrl,
    /// `identity`: the SSH private key file (`~/` is the home folder).
    pub identity: Option<PathBuf>,
    /// `known_hosts`: the file of known host keys (default `~/.ssh/known_hosts`).
    pub known_hosts: Option<PathBuf>,
    /// `password_env`: the environment variable that holds the password.
    pub password_env: Option<String>,
    /// `ca_file`: a PEM file of certificates to trust for `ftps://` besides the usual
    /// authorities (a host's self-signed certificate).
    pub ca_file: Option<PathBuf>,
    /// `endpoint`: the address of an S3-compatible store (`https://s3.example.vn`); AWS's
    /// for the region when not written.
    pub endpoint: Option<String>,
    /// `region`: the store's region (`us-east-1` when not written).
    pub region: Option<String>,
    /// `access_key_env`: the variable holding the S3 access key (`AWS_ACCESS_KEY_ID`).
    pub access_key_env: Option<String>,
    /// `secret_key_env`: the variable holding the S3 secret key (`AWS_SECRET_ACCESS_KEY`).
    pub secret_key_env: Option<String>,
    /// `jobs`: files sent at the same time, each on its own connection (1 to
    /// [`MAX_JOBS`]); the deploy's default when not written.
    pub jobs: Option<usize>,
    /// The line of the target's `url` in `site.toml` (of its table when not found).
    pub line: usize,
}

/// A target's address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeployUrl {
    /// `file:///path`: a folder of this computer or a mounted share.
    File(PathBuf),
    /// `sftp://user@host[:port]/path`.
    Sftp {
        /// The account on the server.
        user: String,
        /// The server's name or address.
        host: String,
        /// The SSH port (22 when not written).
        port: u16,
        /// The folder on the server: absolute (`/var/www/xa`), or from the account's home
        /// folder when written `/~/public_html` (kept as `public_html`); `.` for the home.
        path: String,
    },
    /// `ftp://user@host[:port]/path`, or `ftps://` for FTP over explicit TLS (`AUTH TLS`).
    Ftp {
        /// Whether to secure the connection with TLS first (`ftps://`).
        tls: bool,
        /// The account on the server.
        user: String,
        /// The server's name or address.
        host: String,
        /// The FTP port (21 when not written).
        port: u16,
        /// The folder on the server, as for SFTP.
        path: String,
    },
    /// `s3://bucket/prefix`: objects of a bucket of an S3-compatible store.
    S3 {
        /// The bucket.
        bucket: String,
        /// The objects' common beginning (`www/`), or empty for the whole bucket.
        prefix: String,
    },
}

/// Resolves the `[deploy.*]` tables into targets in the order the file writes them (the
/// first is the default).
pub(super) fn resolve(
    raw: RawTargets,
    text: &str,
    file: &Path,
) -> Result<Vec<DeployTarget>, Diagnostic> {
    let mut targets = Vec::new();
    for (name, t) in raw {
        let table = table_line(text, &name);
        let line = table
            .and_then(|l| key_line_after(text, l, "url"))
            .or(table)
            .unwrap_or(0);
        let url = parse_url(&t.url).map_err(|msg| Diagnostic::at(file, line, 1, msg))?;
        let path = |s: Option<String>| s.filter(|s| !s.trim().is_empty()).map(PathBuf::from);
        let jobs = match t.jobs {
            None => None,
            Some(n) if (1..=MAX_JOBS as i64).contains(&n) => Some(n as usize),
            Some(n) => {
                let at = table
                    .and_then(|l| key_line_after(text, l, "jobs"))
                    .unwrap_or(line);
                return Err(Diagnostic::at(
                    file,
                    at,
                    1,
                    crate::tr!(
                        en: "jobs = {n} is not a number of files to send at once; write a number from 1 to {MAX_JOBS}, e.g. jobs = 4 (jobs = 1 for a host that allows one connection)",
                        vi: "jobs = {n} không phải số tệp gửi cùng lúc; hãy viết một số từ 1 đến {MAX_JOBS}, ví dụ jobs = 4 (jobs = 1 cho máy chủ chỉ cho một kết nối)",
                    ),
                ));
            }
        };
        targets.push(DeployTarget {
            name,
            url,
            identity: path(t.identity),
            known_hosts: path(t.known_hosts),
            password_env: t.password_env.filter(|s| !s.trim().is_empty()),
            ca_file: path(t.ca_file),
            endpoint: t.endpoint.filter(|s| !s.trim().is_empty()),
            region: t.region.filter(|s| !s.trim().is_empty()),
            access_key_env: t.access_key_env.filter(|s| !s.trim().is_empty()),
            secret_key_env: t.secret_key_env.filter(|s| !s.trim().is_empty()),
            jobs,
            line,
        });
    }
    targets.sort_by_key(|t| (t.line == 0, t.line));
    Ok(targets)
}

/// The line of `[deploy.<name>]` (quoted names too).
fn table_line(text: &str, name: &str) -> Option<usize> {
    let names = [format!("deploy.{name}"), format!("deploy.\"{name}\"")];
    text.lines()
        .position(|l| {
            let code = l.split('#').next().unwrap_or("").trim();
            code.strip_prefix('[')
                .and_then(|c| c.strip_suffix(']'))
                .is_some_and(|c| names.iter().any(|n| n == c.trim()))
        })
        .map(|i| i + 1)
}

/// The line of `key = …` in the table that starts at line `table`.
fn key_line_after(text: &str, table: usize, key: &str) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(table)
        .take_while(|(_, l)| !l.trim_start().starts_with('['))
        .find(|(_, l)| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map(|(i, _)| i + 1)
}

/// What to write instead of an address congbo cannot read.
fn write_instead() -> String {
    crate::tr!(
        en: "write file:///path/to/folder (a folder or mounted share), sftp://user@host/path (an SFTP account; sftp://user@host:2222/path for another port), ftps://user@host/path (FTP over TLS; ftp:// without), or s3://bucket/folder (an S3-compatible store)",
        vi: "hãy viết file:///đường/dẫn/thư-mục (một thư mục hoặc ổ mạng), sftp://tài-khoản@máy-chủ/đường/dẫn (một tài khoản SFTP; sftp://tài-khoản@máy-chủ:2222/đường/dẫn nếu dùng cổng khác), ftps://tài-khoản@máy-chủ/đường/dẫn (FTP qua TLS; ftp:// nếu không mã hoá), hoặc s3://bucket/thư-mục (kho lưu trữ tương thích S3)",
    )
}

/// Parses a target's `url`; the error says what is wrong and what to write.
pub fn parse_url(url: &str) -> Result<DeployUrl, String> {
    let url = url.trim();
    let Some((scheme, rest)) = url.split_once("://") else {
        let how = write_instead();
        return Err(crate::tr!(
            en: "the deploy address \"{url}\" has no scheme; {how}",
            vi: "địa chỉ triển khai \"{url}\" thiếu phần giao thức; {how}",
        ));
    };
    match scheme.to_ascii_lowercase().as_str() {
        "file" => parse_file(url, rest),
        "sftp" => {
            let (user, host, port, path) = parse_account(url, rest, "sftp", 22)?;
            Ok(DeployUrl::Sftp {
                user,
                host,
                port,
                path,
            })
        }
        s @ ("ftp" | "ftps") => {
            let (user, host, port, path) = parse_account(url, rest, s, 21)?;
            Ok(DeployUrl::Ftp {
                tls: s == "ftps",
                user,
                host,
                port,
                path,
            })
        }
        "s3" => parse_s3(url, rest),
        _ => {
            let how = write_instead();
            Err(crate::tr!(
                en: "the deploy address \"{url}\" uses {scheme}://, which congbo does not know; {how}",
                vi: "địa chỉ triển khai \"{url}\" dùng {scheme}://, congbo không biết giao thức này; {how}",
            ))
        }
    }
}

/// `file:///srv/www` → `/srv/www`; `file:///C:/inetpub/wwwroot` → `C:/inetpub/wwwroot`.
fn parse_file(url: &str, rest: &str) -> Result<DeployUrl, String> {
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    let path = percent_decode(path);
    let windows_drive = path.len() >= 3
        && path.as_bytes()[0] == b'/'
        && path.as_bytes()[1].is_ascii_alphabetic()
        && path.as_bytes()[2] == b':';
    let path = if windows_drive { &path[1..] } else { &path[..] };
    if !path.starts_with('/') && !windows_drive {
        return Err(crate::tr!(
            en: "the deploy address \"{url}\" does not name a whole folder path; write three slashes and the full path, e.g. file:///var/www/xa-thanh-an",
            vi: "địa chỉ triển khai \"{url}\" không ghi đủ đường dẫn thư mục; hãy viết ba dấu gạch chéo và đường dẫn đầy đủ, ví dụ file:///var/www/xa-thanh-an",
        ));
    }
    Ok(DeployUrl::File(PathBuf::from(path)))
}

/// `user@host:port/path` of an `sftp://`, `ftp://` or `ftps://` address (`scheme`, whose
/// port is `default_port` when none is written): the user, host, port and folder.
fn parse_account(
    url: &str,
    rest: &str,
    scheme: &str,
    default_port: u16,
) -> Result<(String, String, u16, String), String> {
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let Some((user, hostport)) = authority.rsplit_once('@') else {
        return Err(crate::tr!(
            en: "the deploy address \"{url}\" has no user name; write the account before the host: {scheme}://user@{authority}/path",
            vi: "địa chỉ triển khai \"{url}\" thiếu tên tài khoản; hãy viết tài khoản trước tên máy chủ: {scheme}://tài-khoản@{authority}/đường/dẫn",
        ));
    };
    let (host, port) = if let Some(v6) = hostport.strip_prefix('[') {
        match v6.split_once(']') {
            Some((h, p)) => (h, p.strip_prefix(':')),
            None => (hostport, None),
        }
    } else {
        match hostport.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (hostport, None),
        }
    };
    let port = match port {
        None => default_port,
        Some(p) => match p.parse::<u16>() {
            Ok(n) if n > 0 => n,
            _ => {
                return Err(crate::tr!(
                    en: "the deploy address \"{url}\" has the port \"{p}\", which is not a number from 1 to 65535; write it like {scheme}://user@host:2222/path",
                    vi: "địa chỉ triển khai \"{url}\" có cổng \"{p}\", không phải một số từ 1 đến 65535; hãy viết như {scheme}://tài-khoản@máy-chủ:2222/đường/dẫn",
                ));
            }
        },
    };
    if user.is_empty() || host.is_empty() {
        let how = write_instead();
        return Err(crate::tr!(
            en: "the deploy address \"{url}\" lacks its user or host; {how}",
            vi: "địa chỉ triển khai \"{url}\" thiếu tài khoản hoặc máy chủ; {how}",
        ));
    }
    let path = percent_decode(path);
    let path = match path.strip_prefix("/~") {
        Some(home) => match home.trim_start_matches('/') {
            "" => ".".to_string(),
            p => p.to_string(),
        },
        None if path.is_empty() => ".".to_string(),
        None => path,
    };
    Ok((percent_decode(user), host.to_string(), port, path))
}

/// `s3://bucket/prefix` → the bucket and `prefix/` (empty for the whole bucket).
fn parse_s3(url: &str, rest: &str) -> Result<DeployUrl, String> {
    let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
    if bucket.is_empty() || bucket.contains(['@', ':']) {
        return Err(crate::tr!(
            en: "the deploy address \"{url}\" does not name a bucket; write s3://bucket/folder, with the store's address in endpoint and its region in region",
            vi: "địa chỉ triển khai \"{url}\" không ghi tên bucket; hãy viết s3://bucket/thư-mục, với địa chỉ kho trong endpoint và vùng trong region",
        ));
    }
    let prefix = percent_decode(prefix.trim_matches('/'));
    let prefix = if prefix.is_empty() {
        prefix
    } else {
        format!("{prefix}/")
    };
    Ok(DeployUrl::S3 {
        bucket: bucket.to_string(),
        prefix,
    })
}

/// `%20` → a space; anything else is kept as written.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_read_as_targets() {
        assert_eq!(
            parse_url("file:///var/www/xa%20a"),
            Ok(DeployUrl::File("/var/www/xa a".into()))
        );
        assert_eq!(
            parse_url("file:///C:/inetpub/wwwroot"),
            Ok(DeployUrl::File("C:/inetpub/wwwroot".into()))
        );
        assert_eq!(
            parse_url("sftp://xa@host.example:2222/var/www/xa"),
            Ok(DeployUrl::Sftp {
                user: "xa".into(),
                host: "host.example".into(),
                port: 2222,
                path: "/var/www/xa".into()
            })
        );
        assert_eq!(
            parse_url("sftp://xa@[::1]/~/public_html"),
            Ok(DeployUrl::Sftp {
                user: "xa".into(),
                host: "::1".into(),
                port: 22,
                path: "public_html".into()
            })
        );
        assert!(matches!(
            parse_url("sftp://xa@host"),
            Ok(DeployUrl::Sftp { path, .. }) if path == "."
        ));
        assert_eq!(
            parse_url("ftps://u@h/x"),
            Ok(DeployUrl::Ftp {
                tls: true,
                user: "u".into(),
                host: "h".into(),
                port: 21,
                path: "/x".into()
            })
        );
        assert_eq!(
            parse_url("ftp://xa%40tinh@h:2121/~/public_html"),
            Ok(DeployUrl::Ftp {
                tls: false,
                user: "xa@tinh".into(),
                host: "h".into(),
                port: 2121,
                path: "public_html".into()
            })
        );
        assert_eq!(
            parse_url("s3://cong-xa/www/"),
            Ok(DeployUrl::S3 {
                bucket: "cong-xa".into(),
                prefix: "www/".into()
            })
        );
        assert_eq!(
            parse_url("s3://cong-xa"),
            Ok(DeployUrl::S3 {
                bucket: "cong-xa".into(),
                prefix: String::new()
            })
        );
        for bad in [
            "/var/www",
            "file://var/www",
            "sftp://host/x",
            "sftp://u@h:0/x",
            "sftp://u@h:port/x",
            "ftp://h/x",
            "ftps://u@h:99999/x",
            "s3:///x",
            "http://h/x",
        ] {
            assert!(parse_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn targets_keep_the_file_order_and_their_lines() {
        let text = "title = \"T\"\n[deploy.z]\nurl = \"file:///a\"\n\n[deploy.a]\n# x\nurl = \"sftp://u@h/b\"\npassword_env = \"P\"\n";
        let raw: RawTargets = toml::from_str::<toml::Table>(text).unwrap()["deploy"]
            .clone()
            .try_into()
            .unwrap();
        let t = resolve(raw, text, Path::new("site.toml")).unwrap();
        assert_eq!(t[0].name, "z");
        assert_eq!(t[0].line, 3);
        assert_eq!(t[1].name, "a");
        assert_eq!(t[1].line, 7);
        assert_eq!(t[1].password_env.as_deref(), Some("P"));
    }
}
