//! Opening an SFTP session: the TCP connection, the server's host key checked against
//! `known_hosts` (an unknown host stops, showing the key's fingerprint to confirm; a changed
//! key stops for good), then the login: the `identity` key, the SSH agent, the usual key
//! files of `~/.ssh`, and a password (from `password_env`, or asked on the terminal).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use russh::client::{self, Handle};
use russh::keys::{HashAlg, PrivateKey, PrivateKeyWithHashAlg, PublicKey, PublicKeyOrCertificate};
use russh_sftp::client::RawSftpSession;

use crate::deploy::Ui;
pub(super) use crate::deploy::login::expand_home;

/// What the host-key check found, kept for after a refused connection.
#[derive(Clone, Debug)]
pub(super) enum HostKey {
    /// In `known_hosts` and the same.
    Known,
    /// Not in `known_hosts`.
    Unknown(PublicKey),
    /// In `known_hosts` with another key, at this line.
    Changed(usize),
    /// `known_hosts` does not read.
    Unreadable(String),
}

/// The SSH client's side: checks the server's key.
pub(super) struct Client {
    host: String,
    port: u16,
    known_hosts: PathBuf,
    found: Arc<Mutex<Option<HostKey>>>,
}

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        let key = match key {
            PublicKeyOrCertificate::PublicKey { key, .. } => key.clone(),
            PublicKeyOrCertificate::Certificate(c) => PublicKey::from(c.public_key().clone()),
        };
        let found = match russh::keys::check_known_hosts_path(
            &self.host,
            self.port,
            &key,
            &self.known_hosts,
        ) {
            Ok(true) => HostKey::Known,
            Ok(false) => HostKey::Unknown(key),
            Err(russh::keys::Error::KeyChanged { line }) => HostKey::Changed(line),
            Err(e) => HostKey::Unreadable(e.to_string()),
        };
        let known = matches!(found, HostKey::Known);
        if let Ok(mut f) = self.found.lock() {
            *f = Some(found);
        }
        Ok(known)
    }
}

/// How to log in, settled once (a password is asked once, not at every reconnection, nor
/// for each connection of files sent side by side).
#[derive(Clone)]
pub(super) struct Login {
    pub(super) user: String,
    pub(super) keys: Vec<Arc<PrivateKey>>,
    pub(super) password: Option<String>,
    pub(super) agent: bool,
}

/// The `known_hosts` file: the target's, else `~/.ssh/known_hosts`.
pub(super) fn known_hosts(given: Option<&Path>) -> PathBuf {
    given.map_or_else(|| expand_home(Path::new("~/.ssh/known_hosts")), expand_home)
}

/// Reads a private key, asking for its passphrase on the terminal if it has one.
pub(super) fn load_key(path: &Path, ui: &mut dyn Ui) -> Result<PrivateKey, String> {
    let shown = path.display();
    match russh::keys::load_secret_key(path, None) {
        Ok(k) => Ok(k),
        Err(russh::keys::Error::KeyIsEncrypted) => {
            let prompt = crate::tr!(
                en: "Passphrase of the key {shown}: ",
                vi: "Cụm mật khẩu của khoá {shown}: ",
            );
            let Some(pass) = ui.secret(&prompt) else {
                return Err(crate::tr!(
                    en: "the key {shown} has a passphrase, and there is no terminal to ask it on; load the key into the SSH agent (ssh-add) and deploy again",
                    vi: "khoá {shown} có cụm mật khẩu, mà không có cửa sổ dòng lệnh để hỏi; hãy nạp khoá vào SSH agent (ssh-add) rồi triển khai lại",
                ));
            };
            russh::keys::load_secret_key(path, Some(&pass)).map_err(|e| {
                crate::tr!(
                    en: "the key {shown} does not open with that passphrase ({e})",
                    vi: "khoá {shown} không mở được với cụm mật khẩu đó ({e})",
                )
            })
        }
        Err(e) => Err(crate::tr!(
            en: "could not read the key {shown} ({e}); write the path of an OpenSSH private key in identity",
            vi: "không đọc được khoá {shown} ({e}); hãy ghi đường dẫn của một khoá riêng OpenSSH vào identity",
        )),
    }
}

/// An open SFTP session, with the SSH connection it runs on (dropping that ends it).
pub(super) struct Session {
    pub(super) sftp: RawSftpSession,
    /// Whether the server renames onto an existing file in one step
    /// (`posix-rename@openssh.com`).
    pub(super) posix_rename: bool,
    _ssh: Handle<Client>,
}

/// An open session, or why not (the reply, and what the host-key check found).
pub(super) async fn open(
    host: &str,
    port: u16,
    known_hosts: &Path,
    login: &Login,
) -> Result<Session, (String, Option<HostKey>)> {
    let found = Arc::new(Mutex::new(None));
    let handler = Client {
        host: host.to_string(),
        port,
        known_hosts: known_hosts.to_path_buf(),
        found: Arc::clone(&found),
    };
    let config = Arc::new(client::Config {
        inactivity_timeout: Some(Duration::from_secs(120)),
        keepalive_interval: Some(Duration::from_secs(15)),
        ..client::Config::default()
    });
    let connected = tokio::time::timeout(
        Duration::from_secs(30),
        client::connect(config, (host, port), handler),
    )
    .await;
    let host_key = || found.lock().ok().and_then(|f| f.clone());
    let mut handle = match connected {
        Ok(Ok(h)) => h,
        Ok(Err(e)) => return Err((e.to_string(), host_key())),
        Err(_) => return Err(("no answer in 30 s".into(), None)),
    };
    let logged_in = log_in(&mut handle, login).await.map_err(|e| (e, None))?;
    if !logged_in {
        return Err((String::new(), None));
    }
    let words = |e: russh::Error| (e.to_string(), None);
    let channel = handle.channel_open_session().await.map_err(words)?;
    channel
        .request_subsystem(true, "sftp")
        .await
        .map_err(words)?;
    let session = RawSftpSession::new(channel.into_stream());
    session.set_timeout(60);
    let version = session.init().await.map_err(|e| (e.to_string(), None))?;
    let posix_rename = version.extensions.contains_key("posix-rename@openssh.com");
    Ok(Session {
        sftp: session,
        posix_rename,
        _ssh: handle,
    })
}

/// Tries each way to log in; `false` when the server took none.
async fn log_in(handle: &mut Handle<Client>, login: &Login) -> Result<bool, String> {
    let user = &login.user;
    let rsa_hash = handle
        .best_supported_rsa_hash()
        .await
        .map_err(|e| e.to_string())?
        .flatten();
    for key in &login.keys {
        let with_hash = PrivateKeyWithHashAlg::new(Arc::clone(key), rsa_hash);
        let r = handle.authenticate_publickey(user, with_hash).await;
        if r.map_err(|e| e.to_string())?.success() {
            return Ok(true);
        }
    }
    #[cfg(unix)]
    if login.agent
        && let Ok(mut agent) = russh::keys::agent::client::AgentClient::connect_env().await
        && let Ok(ids) = agent.request_identities().await
    {
        for id in ids {
            let key = id.public_key().into_owned();
            let hash = key.algorithm().is_rsa().then_some(rsa_hash).flatten();
            if let Ok(r) = handle
                .authenticate_publickey_with(user, key, hash, &mut agent)
                .await
                && r.success()
            {
                return Ok(true);
            }
        }
    }
    // (Windows: the agent's named pipe is not tried yet.)
    #[cfg(not(unix))]
    let _ = login.agent;
    if let Some(pass) = &login.password {
        let r = handle.authenticate_password(user, pass).await;
        return Ok(r.map_err(|e| e.to_string())?.success());
    }
    Ok(false)
}

/// The fingerprint of a host key as ssh shows it (`SHA256:…`).
pub(super) fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}
