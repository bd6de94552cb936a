//! A real FTP server for the deploy tests: Debian's vsftpd, started on the loopback
//! interface on a free port, serving an anonymous account that may upload, make folders,
//! rename and remove (all in a temporary folder), plainly or, with `tls`, only over
//! explicit TLS with a self-signed certificate made by openssl (as openssl makes them by
//! default, and as hosts' control panels do: marked as its own authority). `None`, with a message,
//! where vsftpd or openssl is missing or the tests do not run as root (vsftpd needs root to
//! enter its chroot; CI runs as root and installs both).

use std::path::{Path, PathBuf};
use std::process::Command;

use super::http::{Server, free_port, wait_for};

/// A running vsftpd.
pub struct Ftpd {
    _server: Server,
    pub port: u16,
    /// The account's folder that targets write into (`/www` on the server).
    pub www: PathBuf,
    /// The server's certificate (PEM), for `ca_file`, when started with TLS.
    pub cert: Option<PathBuf>,
    log: PathBuf,
}

fn id(args: &[&str]) -> Option<u32> {
    let o = Command::new("id").args(args).output().ok()?;
    String::from_utf8_lossy(&o.stdout).trim().parse().ok()
}

/// Starts vsftpd in `dir`; `tls`: the account is refused without TLS, for the login and
/// the files.
pub fn start_vsftpd(dir: &Path, tls: bool) -> Option<Ftpd> {
    let vsftpd = Path::new("/usr/sbin/vsftpd");
    let skip = |why: &str| {
        eprintln!("SKIPPED the FTP deploy tests: {why}");
        None
    };
    if !vsftpd.is_file() {
        return skip("vsftpd is not installed (apt-get install vsftpd)");
    }
    if id(&["-u"]) != Some(0) {
        return skip("vsftpd needs root to enter its chroot, and the tests do not run as root");
    }
    let (Some(ftp_uid), Some(ftp_gid)) = (id(&["-u", "ftp"]), id(&["-g", "ftp"])) else {
        return skip("there is no ftp account (vsftpd's package makes it)");
    };
    let root = dir.join("ftproot");
    let www = root.join("www");
    std::fs::create_dir_all(&www).unwrap();
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    std::os::unix::fs::chown(&www, Some(ftp_uid), Some(ftp_gid)).unwrap();
    let port = free_port();
    let mut config = format!(
        "listen=YES\nlisten_address=127.0.0.1\nlisten_port={port}\nbackground=NO\n\
         anonymous_enable=YES\nno_anon_password=YES\nanon_root={root}\n\
         anon_upload_enable=YES\nanon_mkdir_write_enable=YES\nanon_other_write_enable=YES\n\
         anon_umask=022\nwrite_enable=YES\nlocal_enable=NO\nallow_writeable_chroot=YES\n\
         seccomp_sandbox=NO\npasv_enable=YES\nxferlog_enable=YES\nlog_ftp_protocol=YES\n\
         vsftpd_log_file={log}\nsecure_chroot_dir={empty}\nmax_clients=50\nmax_per_ip=50\n",
        root = root.display(),
        log = dir.join("vsftpd.log").display(),
        empty = dir.join("empty").display(),
    );
    let mut cert = None;
    if tls {
        let Some((pem, key)) = self_signed(dir) else {
            return skip(
                "openssl, to make a certificate, is not installed (apt-get install openssl)",
            );
        };
        config.push_str(&format!(
            "ssl_enable=YES\nallow_anon_ssl=YES\nforce_anon_logins_ssl=YES\n\
             force_anon_data_ssl=YES\nrsa_cert_file={}\nrsa_private_key_file={}\n",
            pem.display(),
            key.display()
        ));
        cert = Some(pem);
    }
    let conf = dir.join("vsftpd.conf");
    std::fs::write(&conf, config).unwrap();
    let log = dir.join("vsftpd.out");
    let mut c = Command::new(vsftpd);
    c.arg(&conf)
        .stdout(std::fs::File::create(&log).unwrap())
        .stderr(std::fs::File::create(dir.join("vsftpd.err")).unwrap());
    let server = Server::start(c);
    let shown = dir.to_path_buf();
    wait_for(&[port], "vsftpd", || {
        ["vsftpd.out", "vsftpd.err", "vsftpd.log"]
            .iter()
            .map(|f| std::fs::read_to_string(shown.join(f)).unwrap_or_default())
            .collect()
    });
    Some(Ftpd {
        _server: server,
        port,
        www,
        cert,
        log: dir.join("vsftpd.log"),
    })
}

/// A certificate for 127.0.0.1 signed by itself, as openssl makes them by default (marked
/// as its own authority), and its key: `(cert.pem, key.pem)` in `dir`; `None` without
/// openssl.
pub fn self_signed(dir: &Path) -> Option<(PathBuf, PathBuf)> {
    let (key, pem) = (dir.join("key.pem"), dir.join("cert.pem"));
    let made = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        ])
        .args([
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&pem)
        .output();
    made.is_ok_and(|o| o.status.success()).then_some((pem, key))
}

impl Ftpd {
    /// A `[deploy.tinh]` table for the account's `/www`; its password (any, the account
    /// being anonymous) in the variable `CONGBO_TEST_FTP_PASSWORD`.
    pub fn target(&self) -> String {
        let scheme = if self.cert.is_some() { "ftps" } else { "ftp" };
        let mut t = format!(
            "[deploy.tinh]\nurl = \"{scheme}://anonymous@127.0.0.1:{}/www\"\npassword_env = \"CONGBO_TEST_FTP_PASSWORD\"\n",
            self.port
        );
        if let Some(cert) = &self.cert {
            t.push_str(&format!("ca_file = \"{}\"\n", cert.display()));
        }
        t
    }

    /// The server's log (each command and reply), to show when a test fails.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}
