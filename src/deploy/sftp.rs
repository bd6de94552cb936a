//! `sftp://user@host[:port]/path`: an account on a server reached over SSH, through russh
//! and russh-sftp (pure Rust: nothing to install, and the Windows build stays one file).
//! The libraries are asynchronous; each connection sends one file at a time, so each call
//! runs to its end on a small runtime of the connection's own, and files go side by side
//! on several connections ([`Remote::another`]), each on a thread of the engine. A
//! connection that drops is opened again at the next call (the engine retries transient
//! errors), with the login settled once.

mod connect;

use std::path::PathBuf;

use russh_sftp::client::RawSftpSession;
use russh_sftp::client::error::Error as SftpError;
use russh_sftp::protocol::{FileAttributes, OpenFlags, Packet, StatusCode};

use super::Ui;
use super::remote::{Remote, RemoteError};
use crate::config::deploy::{DeployTarget, DeployUrl};
use connect::{HostKey, Login, Session};

/// The largest piece of a file sent in one SFTP write (every server takes 32 KiB).
const CHUNK: usize = 32 * 1024;

/// An SFTP target.
pub struct Sftp {
    runtime: tokio::runtime::Runtime,
    session: Option<Session>,
    host: String,
    port: u16,
    known_hosts: PathBuf,
    login: Login,
    /// The target folder on the server (`.`: the account's home).
    root: String,
    /// `sftp://user@host:port/path`, for messages.
    shown: String,
}

/// SFTP's error in words, and whether the connection is the trouble.
fn sftp_error(e: &SftpError) -> RemoteError {
    match e {
        SftpError::Status(s) => match s.status_code {
            StatusCode::NoConnection | StatusCode::ConnectionLost => {
                RemoteError::transient(format!("{}: {}", s.status_code, s.error_message))
            }
            _ => RemoteError::lasting(format!("{}: {}", s.status_code, s.error_message)),
        },
        SftpError::Limited(_) | SftpError::UnexpectedPacket => RemoteError::lasting(e.to_string()),
        _ => RemoteError::transient(e.to_string()),
    }
}

fn status_is(e: &SftpError, code: StatusCode) -> bool {
    matches!(e, SftpError::Status(s) if s.status_code == code)
}

/// `string` of the SSH wire format: length, then bytes.
fn wire_string(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_be_bytes());
    out.extend_from_slice(s.as_bytes());
}

/// A runtime for one connection's calls.
fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())
}

impl Sftp {
    fn at(&self, path: &str) -> String {
        match self.root.as_str() {
            "." => path.to_string(),
            r => format!("{}/{path}", r.trim_end_matches('/')),
        }
    }

    /// The open session, opening one if the last dropped.
    fn session(&mut self) -> Result<&Session, RemoteError> {
        if self.session.is_none() {
            let opened = self.runtime.block_on(connect::open(
                &self.host,
                self.port,
                &self.known_hosts,
                &self.login,
            ));
            match opened {
                Ok(s) => self.session = Some(s),
                Err((reply, _)) => return Err(RemoteError::transient(reply)),
            }
        }
        self.session
            .as_ref()
            .ok_or_else(|| RemoteError::transient("no session"))
    }

    /// Runs one call on the session; a connection error drops the session, so that the
    /// next attempt opens a new one.
    fn call<T>(
        &mut self,
        op: impl AsyncFnOnce(&RawSftpSession, bool) -> Result<T, SftpError>,
    ) -> Result<T, RemoteError> {
        self.session()?;
        let Some(s) = self.session.as_ref() else {
            return Err(RemoteError::transient("no session"));
        };
        let r = self.runtime.block_on(op(&s.sftp, s.posix_rename));
        r.map_err(|e| {
            let e = sftp_error(&e);
            if e.transient {
                self.session = None;
            }
            e
        })
    }
}

/// Writes `data` into a new file `file` (replacing one of that name).
async fn put(s: &RawSftpSession, file: &str, data: &[u8]) -> Result<(), SftpError> {
    let flags = OpenFlags::CREATE | OpenFlags::TRUNCATE | OpenFlags::WRITE;
    let handle = s.open(file, flags, FileAttributes::empty()).await?.handle;
    let mut offset = 0;
    for piece in data.chunks(CHUNK) {
        if let Err(e) = s.write(handle.as_str(), offset, piece.to_vec()).await {
            let _ = s.close(handle.as_str()).await;
            return Err(e);
        }
        offset += piece.len() as u64;
    }
    s.close(handle).await.map(|_| ())
}

/// Makes `folder` and the folders above it that are missing.
async fn make_folders(s: &RawSftpSession, folder: &str) -> Result<(), SftpError> {
    let mut made = if folder.starts_with('/') {
        String::from("/")
    } else {
        String::new()
    };
    for part in folder.split('/').filter(|p| !p.is_empty() && *p != ".") {
        if !made.is_empty() && !made.ends_with('/') {
            made.push('/');
        }
        made.push_str(part);
        if s.stat(made.as_str()).await.is_err()
            && let Err(e) = s.mkdir(made.as_str(), FileAttributes::empty()).await
            // Made meanwhile by a connection sending another file of the folder.
            && s.stat(made.as_str()).await.is_err()
        {
            return Err(e);
        }
    }
    Ok(())
}

impl Remote for Sftp {
    fn name(&self) -> String {
        self.shown.clone()
    }

    fn read(&mut self, path: &str) -> Result<Option<Vec<u8>>, RemoteError> {
        let file = self.at(path);
        self.call(async |s, _| {
            let handle = match s
                .open(file.as_str(), OpenFlags::READ, FileAttributes::empty())
                .await
            {
                Ok(h) => h.handle,
                Err(e) if status_is(&e, StatusCode::NoSuchFile) => return Ok(None),
                Err(e) => return Err(e),
            };
            let mut bytes = Vec::new();
            loop {
                match s
                    .read(handle.as_str(), bytes.len() as u64, CHUNK as u32)
                    .await
                {
                    Ok(d) if d.data.is_empty() => break,
                    Ok(d) => bytes.extend_from_slice(&d.data),
                    Err(e) if status_is(&e, StatusCode::Eof) => break,
                    Err(e) => return Err(e),
                }
            }
            s.close(handle).await?;
            Ok(Some(bytes))
        })
    }

    fn write(&mut self, path: &str, data: &[u8]) -> Result<(), RemoteError> {
        let file = self.at(path);
        self.call(async |s, _| match put(s, &file, data).await {
            // The first file of a new folder: make the folder, then again.
            Err(e) if status_is(&e, StatusCode::NoSuchFile) => {
                if let Some((folder, _)) = file.rsplit_once('/') {
                    make_folders(s, folder).await?;
                }
                put(s, &file, data).await
            }
            r => r,
        })
    }

    fn rename(&mut self, from: &str, to: &str) -> Result<(), RemoteError> {
        let (from, to) = (self.at(from), self.at(to));
        self.call(async |s, posix| {
            if posix {
                let mut data = Vec::new();
                wire_string(&mut data, &from);
                wire_string(&mut data, &to);
                return match s.extended("posix-rename@openssh.com", data).await? {
                    Packet::Status(st) if st.status_code == StatusCode::Ok => Ok(()),
                    Packet::Status(st) => Err(SftpError::Status(st)),
                    _ => Err(SftpError::UnexpectedPacket),
                };
            }
            // Plain SFTP renames only onto a free name: the old file goes first, and for
            // a moment the address has no file.
            match s.remove(to.as_str()).await {
                Err(e) if !status_is(&e, StatusCode::NoSuchFile) => return Err(e),
                _ => {}
            }
            s.rename(from.as_str(), to.as_str()).await.map(|_| ())
        })
    }

    fn remove(&mut self, path: &str) -> Result<(), RemoteError> {
        let file = self.at(path);
        self.call(async |s, _| match s.remove(file.as_str()).await {
            Err(e) if !status_is(&e, StatusCode::NoSuchFile) => Err(e),
            _ => Ok(()),
        })
    }

    fn remove_empty_dir(&mut self, path: &str) {
        let folder = self.at(path);
        // Refused, as it should be, for a folder that still holds something.
        let _ = self.call(async |s, _| s.rmdir(folder.as_str()).await.map(|_| ()));
    }

    fn another(&self) -> Result<Box<dyn Remote>, RemoteError> {
        let mut other = Sftp {
            runtime: runtime().map_err(RemoteError::lasting)?,
            session: None,
            host: self.host.clone(),
            port: self.port,
            known_hosts: self.known_hosts.clone(),
            login: self.login.clone(),
            root: self.root.clone(),
            shown: self.shown.clone(),
        };
        other.session()?;
        Ok(Box::new(other))
    }
}

/// Opens the SFTP target: settles the login (asking what must be asked), checks the host
/// key (asking to trust an unknown one on a terminal), and opens the session.
pub fn connect(target: &DeployTarget, ui: &mut dyn Ui) -> Result<Sftp, String> {
    let DeployUrl::Sftp {
        user,
        host,
        port,
        path,
    } = &target.url
    else {
        return Err(String::new());
    };
    let shown = if *port == 22 {
        format!("sftp://{user}@{host}/{}", path.trim_start_matches('/'))
    } else {
        format!(
            "sftp://{user}@{host}:{port}/{}",
            path.trim_start_matches('/')
        )
    };
    let login = settle_login(target, user, ui)?;
    let runtime = runtime()?;
    let known_hosts = connect::known_hosts(target.known_hosts.as_deref());
    let mut sftp = Sftp {
        runtime,
        session: None,
        host: host.clone(),
        port: *port,
        known_hosts,
        login,
        root: path.clone(),
        shown,
    };
    let mut asked = false;
    loop {
        let opened =
            sftp.runtime
                .block_on(connect::open(host, *port, &sftp.known_hosts, &sftp.login));
        let (reply, found) = match opened {
            Ok(s) => {
                sftp.session = Some(s);
                return Ok(sftp);
            }
            Err(e) => e,
        };
        match found {
            Some(HostKey::Unknown(key)) if !asked => {
                let fp = connect::fingerprint(&key);
                let kh = sftp.known_hosts.display();
                if !ui.can_ask() {
                    return Err(crate::tr!(
                        en: "the server {host} is not in {kh}; its key's fingerprint is {fp}. Check it with the server's administrator, then run congbo deploy once on a terminal to accept it (or add it with ssh-keyscan -p {port} {host} >> {kh})",
                        vi: "máy chủ {host} chưa có trong {kh}; dấu vân tay khoá của nó là {fp}. Hãy đối chiếu với người quản trị máy chủ, rồi chạy congbo deploy một lần trong cửa sổ dòng lệnh để chấp nhận (hoặc thêm bằng ssh-keyscan -p {port} {host} >> {kh})",
                    ));
                }
                let question = crate::tr!(
                    en: "The server {host} is new to this computer. Its key's fingerprint is\n  {fp}\nCheck it with the server's administrator. Trust it and remember it in {kh}? [y/N] ",
                    vi: "Máy chủ {host} lần đầu được kết nối từ máy này. Dấu vân tay khoá của nó là\n  {fp}\nHãy đối chiếu với người quản trị máy chủ. Tin cậy và ghi nhớ nó vào {kh}? [c/K] ",
                );
                if !ui.confirm(&question) {
                    return Err(crate::tr!(
                        en: "the server's key was not accepted; nothing was sent",
                        vi: "khoá của máy chủ không được chấp nhận; chưa gửi gì",
                    ));
                }
                russh::keys::known_hosts::learn_known_hosts_path(
                    host,
                    *port,
                    &key,
                    &sftp.known_hosts,
                )
                .map_err(|e| e.to_string())?;
                asked = true;
            }
            Some(HostKey::Changed(line)) => {
                let kh = sftp.known_hosts.display();
                return Err(crate::tr!(
                    en: "the server {host} shows a key other than the one remembered at line {line} of {kh}: someone may be in between. Nothing was sent. If the server's administrator confirms the server's key changed, delete that line and deploy again",
                    vi: "máy chủ {host} đưa ra một khoá khác với khoá đã ghi nhớ ở dòng {line} của {kh}: có thể có kẻ đứng giữa. Chưa gửi gì. Nếu người quản trị máy chủ xác nhận khoá đã đổi, hãy xoá dòng đó rồi triển khai lại",
                ));
            }
            Some(HostKey::Unreadable(e)) => {
                let kh = sftp.known_hosts.display();
                return Err(crate::tr!(
                    en: "could not read {kh} ({e}); write the path of an OpenSSH known_hosts file in known_hosts",
                    vi: "không đọc được {kh} ({e}); hãy ghi đường dẫn của một tệp known_hosts của OpenSSH vào known_hosts",
                ));
            }
            _ if reply.is_empty() => {
                return Err(crate::tr!(
                    en: "the server {host} refused every way to log in as {user} (key, SSH agent, password); give the key in identity, load it into the agent (ssh-add), or name the variable holding the password in password_env",
                    vi: "máy chủ {host} từ chối mọi cách đăng nhập bằng tài khoản {user} (khoá, SSH agent, mật khẩu); hãy ghi khoá vào identity, nạp khoá vào agent (ssh-add), hoặc ghi tên biến môi trường chứa mật khẩu vào password_env",
                ));
            }
            _ => {
                return Err(crate::tr!(
                    en: "could not connect to {host} port {port}: {reply}",
                    vi: "không kết nối được tới {host} cổng {port}: {reply}",
                ));
            }
        }
    }
}

/// The keys and password to log in with: the target's `identity` (else the usual key
/// files of `~/.ssh`), the agent, and the password from `password_env` or, when nothing
/// else is given and a terminal is there, asked.
fn settle_login(target: &DeployTarget, user: &str, ui: &mut dyn Ui) -> Result<Login, String> {
    let mut keys = Vec::new();
    match &target.identity {
        Some(p) => keys.push(std::sync::Arc::new(connect::load_key(
            &connect::expand_home(p),
            ui,
        )?)),
        None => {
            for name in ["id_ed25519", "id_ecdsa", "id_rsa"] {
                let p = connect::expand_home(&PathBuf::from("~/.ssh").join(name));
                // A default key that does not open without a passphrase is the agent's.
                if let Ok(k) = russh::keys::load_secret_key(&p, None) {
                    keys.push(std::sync::Arc::new(k));
                }
            }
        }
    }
    let agent = std::env::var_os("SSH_AUTH_SOCK").is_some();
    let var = target.password_env.as_deref();
    let password = match var {
        Some(_) => {
            let asked = super::login::password(user, var, ui);
            if asked.is_none() && keys.is_empty() && !agent {
                return Err(super::login::no_password(user, var));
            }
            asked
        }
        None if keys.is_empty() && !agent => super::login::password(user, None, ui),
        None => None,
    };
    Ok(Login {
        user: user.to_string(),
        keys,
        password,
        agent,
    })
}
