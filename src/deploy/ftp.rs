//! `ftp://user@host[:port]/path` and `ftps://…` (FTP secured with explicit TLS, `AUTH
//! TLS`, then `PROT P` for the files too): the accounts of most provincial and shared
//! hosts. Through suppaftp, on rustls (pure Rust, see `Cargo.toml`). Passive mode, binary
//! transfers; folders are made with `MKD` as files need them; each file lands under its
//! temporary name and `RNFR`/`RNTO` puts it in place. A dropped connection is opened again
//! at the next call (the engine retries transient errors, and FTP's 4xx replies are
//! transient by the protocol's own definition).

use std::collections::HashSet;
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use suppaftp::types::FileType;
use suppaftp::{FtpError, Mode, RustlsConnector, RustlsFtpStream};

use super::Ui;
use super::remote::{Remote, RemoteError};
use crate::config::deploy::{DeployTarget, DeployUrl};

/// How long a silent server is waited for.
const TIMEOUT: Duration = Duration::from_secs(60);

/// FTP's "file unavailable" (not found, or no access).
const UNAVAILABLE: u32 = 550;

/// An FTP or FTPS target.
pub struct Ftp {
    conn: Option<RustlsFtpStream>,
    host: String,
    port: u16,
    /// The TLS settings for `ftps://`; `None` for plain `ftp://`.
    tls: Option<Arc<rustls::ClientConfig>>,
    user: String,
    password: String,
    /// The target folder on the server (`.`: the account's home).
    root: String,
    /// Folders known to exist (made, or found), by full path; shared with the other
    /// connections of files sent side by side.
    folders: Arc<Mutex<HashSet<String>>>,
    /// `ftps://user@host:port/path`, for messages.
    shown: String,
}

/// The server's reply in words (`550 Permission denied.`), or the connection's error;
/// whether trying again may work (4xx replies and connection errors) or not (5xx).
fn ftp_error(e: &FtpError) -> RemoteError {
    match e {
        FtpError::UnexpectedResponse(r) => {
            let text = String::from_utf8_lossy(&r.body).trim().to_string();
            let code = reply_code(r);
            let text = if text.starts_with(&code.to_string()) {
                text
            } else {
                format!("{code} {text}")
            };
            if (400..500).contains(&code) {
                RemoteError::transient(text)
            } else {
                RemoteError::lasting(text)
            }
        }
        FtpError::InvalidAddress(_) => RemoteError::lasting(e.to_string()),
        _ => RemoteError::transient(e.to_string()),
    }
}

/// A reply's code: the library's, or read from the reply for the codes it does not name
/// (`522`), which it gives as 0.
fn reply_code(r: &suppaftp::types::Response) -> u32 {
    match r.status.code() {
        0 => r
            .body
            .get(..3)
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| d.parse().ok())
            .unwrap_or(0),
        c => c,
    }
}

/// The reply code of an error, if it is a reply.
fn code_of(e: &FtpError) -> Option<u32> {
    match e {
        FtpError::UnexpectedResponse(r) => Some(reply_code(r)),
        _ => None,
    }
}

/// Whether a 550 reply says the file is not there (ProFTPD's and Pure-FTPd's "No such
/// file or directory", IIS's "cannot find the file", FileZilla's "File not found").
fn says_missing(reply: &str) -> bool {
    let reply = reply.to_lowercase();
    [
        "no such file",
        "not found",
        "cannot find",
        "does not exist",
        "doesn't exist",
    ]
    .iter()
    .any(|w| reply.contains(w))
}

/// The folders above `file` (`/a/b/c.html` → `/a`, `/a/b`), outermost first.
fn folders_above(file: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = file[at..].find('/') {
        let end = at + i;
        if end > 0 {
            out.push(file[..end].to_string());
        }
        at = end + 1;
    }
    out
}

impl Ftp {
    fn at(&self, path: &str) -> String {
        match self.root.as_str() {
            "." => path.to_string(),
            r => format!("{}/{path}", r.trim_end_matches('/')),
        }
    }

    /// A new logged-in connection.
    fn open(&self) -> Result<RustlsFtpStream, FtpError> {
        let addrs: Vec<SocketAddr> = (self.host.as_str(), self.port)
            .to_socket_addrs()
            .map_err(FtpError::ConnectionError)?
            .collect();
        let mut last = None;
        let mut tcp = None;
        for addr in addrs {
            match TcpStream::connect_timeout(&addr, Duration::from_secs(30)) {
                Ok(s) => {
                    tcp = Some(s);
                    break;
                }
                Err(e) => last = Some(e),
            }
        }
        let tcp = tcp.ok_or_else(|| {
            FtpError::ConnectionError(last.unwrap_or_else(|| {
                std::io::Error::new(std::io::ErrorKind::NotFound, "no address for this host")
            }))
        })?;
        tcp.set_read_timeout(Some(TIMEOUT))
            .and_then(|()| tcp.set_write_timeout(Some(TIMEOUT)))
            .map_err(FtpError::ConnectionError)?;
        let mut ftp = RustlsFtpStream::connect_with_stream(tcp)?;
        if let Some(config) = &self.tls {
            ftp = ftp.into_secure(RustlsConnector::from(Arc::clone(config)), &self.host)?;
        }
        ftp.login(self.user.as_str(), self.password.as_str())?;
        ftp.transfer_type(FileType::Binary)?;
        // Passive: the client opens the data connections (firewalls and NAT allow it);
        // a private address in the server's reply is replaced by the server's own.
        ftp.set_mode(Mode::Passive);
        ftp.set_passive_nat_workaround(true);
        Ok(ftp)
    }

    /// Runs one exchange on the connection (opening one if needed); a connection error
    /// drops the connection, so that the next attempt opens a new one.
    fn call<T>(
        &mut self,
        op: impl FnOnce(&mut RustlsFtpStream) -> Result<T, FtpError>,
    ) -> Result<T, FtpError> {
        if self.conn.is_none() {
            self.conn = Some(self.open()?);
        }
        let Some(conn) = self.conn.as_mut() else {
            return Err(FtpError::BadResponse);
        };
        let r = op(conn);
        if let Err(e) = &r
            && ftp_error(e).transient
        {
            self.conn = None;
        }
        r
    }

    /// Makes the folders `file` needs, once each (`MKD` of one that exists fails, which
    /// is no error here: the upload itself says if the folder is missing).
    fn make_folders(&mut self, file: &str) -> Result<(), FtpError> {
        for folder in folders_above(file) {
            if self.knows(&folder) {
                continue;
            }
            match self.call(|c| c.mkdir(&folder)) {
                Ok(()) => {}
                Err(e) if code_of(&e).is_some_and(|c| c >= 500) => {}
                Err(e) => return Err(e),
            }
            if let Ok(mut known) = self.folders.lock() {
                known.insert(folder);
            }
        }
        Ok(())
    }

    /// Whether the server says there is no file `file`, after a 550 that may mean "not
    /// found" or "no access" (vsftpd's "550 Failed to open file." says either): `SIZE`
    /// looks the file up without opening it, so it answers 550 only for a file not there.
    fn is_gone(&mut self, file: &str) -> bool {
        match self.call(|c| c.size(file)) {
            Err(e) => code_of(&e) == Some(UNAVAILABLE),
            Ok(_) => false,
        }
    }

    /// Whether `folder` is known to exist.
    fn knows(&self, folder: &str) -> bool {
        self.folders.lock().is_ok_and(|k| k.contains(folder))
    }
}

impl Remote for Ftp {
    fn name(&self) -> String {
        self.shown.clone()
    }

    fn read(&mut self, path: &str) -> Result<Option<Vec<u8>>, RemoteError> {
        let file = self.at(path);
        match self.call(|c| c.retr_as_buffer(&file)) {
            Ok(b) => Ok(Some(b.into_inner())),
            // 550 is "not found" or "no access": only the first is a file not there (a
            // manifest not read for want of access would make congbo's files there
            // strangers, never to be removed).
            Err(e) if code_of(&e) == Some(UNAVAILABLE) => {
                if says_missing(&ftp_error(&e).message) || self.is_gone(&file) {
                    Ok(None)
                } else {
                    Err(ftp_error(&e))
                }
            }
            Err(e) => Err(ftp_error(&e)),
        }
    }

    fn write(&mut self, path: &str, data: &[u8]) -> Result<(), RemoteError> {
        let file = self.at(path);
        self.make_folders(&file).map_err(|e| ftp_error(&e))?;
        self.call(|c| c.put_file(&file, &mut &data[..]))
            .map(|_| ())
            .map_err(|e| ftp_error(&e))
    }

    fn rename(&mut self, from: &str, to: &str) -> Result<(), RemoteError> {
        let (from, to) = (self.at(from), self.at(to));
        match self.call(|c| c.rename(&from, &to)) {
            Ok(()) => Ok(()),
            // Some servers (IIS's among them) refuse to rename onto an existing file:
            // the old one goes just before, leaving that one address empty for a moment.
            Err(e) if code_of(&e).is_some_and(|c| c >= 500) => {
                let _ = self.call(|c| c.rm(&to));
                self.call(|c| c.rename(&from, &to))
                    .map_err(|e| ftp_error(&e))
            }
            Err(e) => Err(ftp_error(&e)),
        }
    }

    fn remove(&mut self, path: &str) -> Result<(), RemoteError> {
        let file = self.at(path);
        match self.call(|c| c.rm(&file)) {
            Ok(()) => Ok(()),
            // 550 is also "not found": gone is no error, but a file still there is.
            Err(e) if code_of(&e) == Some(UNAVAILABLE) => {
                if self.is_gone(&file) {
                    Ok(())
                } else {
                    Err(ftp_error(&e))
                }
            }
            Err(e) => Err(ftp_error(&e)),
        }
    }

    fn remove_empty_dir(&mut self, path: &str) {
        let folder = self.at(path);
        // Fails, as it should, on a folder that still holds something.
        let _ = self.call(|c| c.rmdir(&folder));
        if let Ok(mut known) = self.folders.lock() {
            known.remove(&folder);
        }
    }

    fn another(&self) -> Result<Box<dyn Remote>, RemoteError> {
        let conn = self.open().map_err(|e| ftp_error(&e))?;
        Ok(Box::new(Ftp {
            conn: Some(conn),
            host: self.host.clone(),
            port: self.port,
            tls: self.tls.clone(),
            user: self.user.clone(),
            password: self.password.clone(),
            root: self.root.clone(),
            folders: Arc::clone(&self.folders),
            shown: self.shown.clone(),
        }))
    }
}

/// Connects to an `ftp://` or `ftps://` target: settles the password (from
/// `password_env`, else asked on the terminal) and logs in once, so that a wrong password
/// or certificate stops the deploy before anything is planned.
pub fn connect(target: &DeployTarget, ui: &mut dyn Ui) -> Result<Ftp, String> {
    let DeployUrl::Ftp {
        tls,
        user,
        host,
        port,
        path,
    } = &target.url
    else {
        return Err("not an FTP address".into());
    };
    let scheme = if *tls { "ftps" } else { "ftp" };
    let shown = match path.as_str() {
        "." => format!("{scheme}://{user}@{host}:{port}/~"),
        p if p.starts_with('/') => format!("{scheme}://{user}@{host}:{port}{p}"),
        p => format!("{scheme}://{user}@{host}:{port}/~/{p}"),
    };
    let var = target.password_env.as_deref();
    let password = match super::login::password(user, var, ui) {
        Some(p) => p,
        // An anonymous account takes any password.
        None if matches!(user.as_str(), "anonymous" | "ftp") => String::new(),
        None => return Err(super::login::no_password(user, var)),
    };
    let tls_config = if *tls {
        Some(super::tls::client_config(
            target
                .ca_file
                .as_deref()
                .map(super::login::expand_home)
                .as_deref(),
        )?)
    } else {
        None
    };
    let mut ftp = Ftp {
        conn: None,
        host: host.clone(),
        port: *port,
        tls: tls_config,
        user: user.clone(),
        password,
        root: path.clone(),
        folders: Arc::default(),
        shown,
    };
    match ftp.open() {
        Ok(c) => {
            ftp.conn = Some(c);
            Ok(ftp)
        }
        Err(e) => Err(refused(&e, user, host, *port, var)),
    }
}

/// Why the first connection failed, and what to do.
fn refused(e: &FtpError, user: &str, host: &str, port: u16, var: Option<&str>) -> String {
    match e {
        FtpError::UnexpectedResponse(r) if reply_code(r) == 530 => {
            let reply = ftp_error(e).message;
            let var = var.unwrap_or("password_env");
            crate::tr!(
                en: "the server {host} refused the login of {user}: {reply}; check the account in the address and the password in {var}",
                vi: "máy chủ {host} từ chối đăng nhập tài khoản {user}: {reply}; hãy kiểm tra tài khoản trong địa chỉ và mật khẩu trong {var}",
            )
        }
        // rustls's words, whether they come as a TLS error or the connection's.
        _ if !matches!(e, FtpError::UnexpectedResponse(_))
            && e.to_string().contains("certificate") =>
        {
            super::tls::untrusted(host, &e.to_string())
        }
        FtpError::UnexpectedResponse(_) | FtpError::SecureError(_) => {
            let reply = ftp_error(e).message;
            crate::tr!(
                en: "could not open an FTP session on {host} port {port}: the server replied: {reply}",
                vi: "không mở được phiên FTP tới {host} cổng {port}: máy chủ trả lời: {reply}",
            )
        }
        _ => crate::tr!(
            en: "could not connect to {host} port {port}: {e}",
            vi: "không kết nối được tới {host} cổng {port}: {e}",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_the_library_does_not_name_keeps_its_code_and_4xx_is_transient() {
        let reply = |code: u32, body: &str| {
            FtpError::UnexpectedResponse(suppaftp::types::Response::new(
                suppaftp::Status::from(code),
                body.as_bytes().to_vec(),
            ))
        };
        let e = ftp_error(&reply(
            522,
            "522 SSL connection failed: session reuse required",
        ));
        assert_eq!(
            e.message,
            "522 SSL connection failed: session reuse required"
        );
        assert!(!e.transient);
        let e = ftp_error(&reply(450, "450 Try later."));
        assert_eq!(e.message, "450 Try later.");
        assert!(e.transient);
        assert_eq!(code_of(&reply(550, "550 No such file")), Some(550));
    }

    #[test]
    fn a_550_reply_says_a_file_is_missing_only_in_those_words() {
        assert!(says_missing(
            "550 .congbo-deploy.json: No such file or directory"
        ));
        assert!(says_missing(
            "550 The system cannot find the file specified."
        ));
        assert!(says_missing("550 File not found"));
        assert!(!says_missing("550 Permission denied."));
        assert!(!says_missing("550 Failed to open file."));
    }

    #[test]
    fn the_folders_above_a_file_come_outermost_first() {
        assert_eq!(
            folders_above("/www/xa/a/b.html"),
            ["/www", "/www/xa", "/www/xa/a"]
        );
        assert_eq!(folders_above("a/b.html"), ["a"]);
        assert!(folders_above("b.html").is_empty());
    }
}
