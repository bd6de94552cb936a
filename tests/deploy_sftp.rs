//! `congbo deploy` to an `sftp://` target: a real OpenSSH server started by the test on the
//! loopback interface, on a free port, with its own host key, a key for the client in its
//! own authorized_keys, and the account running the tests (all in a temporary folder).
//! Skipped, with a message, where OpenSSH's server is not installed (`apt-get install
//! openssh-server`; CI installs it).

mod common;
use common::deploy::*;
use common::http::{Server, free_port, installed, wait_for};
use common::*;

use std::path::{Path, PathBuf};
use std::process::Command;

/// OpenSSH's server and key tool, when installed.
fn openssh() -> Option<(PathBuf, PathBuf)> {
    let sshd = ["/usr/sbin/sshd", "/usr/bin/sshd"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())?;
    let keygen = installed(&["ssh-keygen", "/usr/bin/ssh-keygen"]).or_else(|| {
        // ssh-keygen has no -v: look for it on the usual path.
        Some(PathBuf::from("/usr/bin/ssh-keygen")).filter(|p| p.is_file())
    })?;
    Some((sshd, keygen))
}

/// A running sshd and what a target needs to reach it.
struct Sshd {
    _server: Server,
    port: u16,
    user: String,
    /// The client's private key.
    identity: PathBuf,
    /// The server's public host key line (`ssh-ed25519 AAAA…`).
    host_key: String,
    dir: PathBuf,
}

fn keygen(keygen: &Path, file: &Path) {
    let ok = Command::new(keygen)
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(file)
        .status()
        .unwrap()
        .success();
    assert!(ok, "ssh-keygen failed");
}

fn start_sshd(dir: &Path) -> Option<Sshd> {
    let Some((sshd, kg)) = openssh() else {
        eprintln!(
            "SKIPPED the SFTP deploy tests: OpenSSH's server is not installed (apt-get install openssh-server)"
        );
        return None;
    };
    keygen(&kg, &dir.join("host_key"));
    keygen(&kg, &dir.join("id_client"));
    std::fs::copy(dir.join("id_client.pub"), dir.join("authorized_keys")).unwrap();
    let port = free_port();
    let config = format!(
        "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\nPidFile {d}/sshd.pid\n\
         AuthorizedKeysFile {d}/authorized_keys\nStrictModes no\nUsePAM no\n\
         PasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n\
         Subsystem sftp internal-sftp\nLogLevel ERROR\n",
        d = dir.display()
    );
    std::fs::write(dir.join("sshd_config"), config).unwrap();
    // sshd insists on the folder it was privilege-separated into.
    let _ = std::fs::create_dir_all("/run/sshd");
    let mut c = Command::new(&sshd);
    c.arg("-D")
        .arg("-e")
        .arg("-f")
        .arg(dir.join("sshd_config"))
        .stderr(std::fs::File::create(dir.join("sshd.log")).unwrap());
    let server = Server::start(c);
    let log = dir.join("sshd.log");
    wait_for(&[port], "sshd", || {
        std::fs::read_to_string(&log).unwrap_or_default()
    });
    let user = String::from_utf8(Command::new("id").arg("-un").output().unwrap().stdout)
        .unwrap()
        .trim()
        .to_string();
    let host_key = std::fs::read_to_string(dir.join("host_key.pub"))
        .unwrap()
        .trim()
        .to_string();
    Some(Sshd {
        _server: server,
        port,
        user,
        identity: dir.join("id_client"),
        host_key,
        dir: dir.to_path_buf(),
    })
}

impl Sshd {
    /// A `[deploy.tinh]` table for `folder` on this server; `known` says whether its
    /// known_hosts file already holds the server's key.
    fn target(&self, folder: &Path, known: bool) -> String {
        let kh = self.dir.join("known_hosts");
        let line = if known {
            format!("[127.0.0.1]:{} {}\n", self.port, self.host_key)
        } else {
            String::new()
        };
        std::fs::write(&kh, line).unwrap();
        format!(
            "[deploy.tinh]\nurl = \"sftp://{}@127.0.0.1:{}{}\"\nidentity = \"{}\"\nknown_hosts = \"{}\"\n",
            self.user,
            self.port,
            folder.display(),
            self.identity.display(),
            kh.display()
        )
    }
}

#[test]
fn a_deploy_over_sftp_makes_the_folder_the_site_and_then_sends_only_changes() {
    let dir = tempfile::tempdir().unwrap();
    let Some(sshd) = start_sshd(dir.path()) else {
        return;
    };
    let web = dir.path().join("www/xa");
    let site = site_with_target(&sshd.target(&web, true), 4);
    let o = run_deploy(&site, &["--yes"], &[]);
    assert!(o.status.success(), "{}", said(&o));
    assert_eq!(tree(&web), public_tree(&site), "{}", said(&o));
    assert_has(
        &String::from_utf8_lossy(&o.stdout),
        &[&format!("sftp://{}@127.0.0.1:{}", sshd.user, sshd.port)],
    );

    // Nothing changed: nothing sent.
    let before = inodes(&web);
    let o = run_deploy(&site, &["--yes"], &[]);
    assert!(o.status.success(), "{}", said(&o));
    assert_has(&String::from_utf8_lossy(&o.stdout), &["nothing to send"]);
    assert_eq!(inodes(&web), before);

    // One page edited, one removed: the build's changes go, renamed into place.
    let old = public_tree(&site);
    site.write(
        "content/tin-tuc/tin-1.md",
        &news("Tin số 1 (đã sửa)", "2026-03-02", &["thử"]),
    );
    site.remove("content/tin-tuc/tin-3.md");
    let o = run_deploy(&site, &["--yes"], &[]);
    assert!(o.status.success(), "{}", said(&o));
    let new = public_tree(&site);
    let sent = replaced(&before, &inodes(&web));
    let changed: Vec<String> = differing(&old, &new)
        .into_iter()
        .filter(|p| new.contains_key(p))
        .collect();
    assert_eq!(sent, changed);
    assert_eq!(tree(&web), new);
    assert!(!web.join("tin-tuc/tin-3").exists());
}

#[test]
fn an_unknown_server_stops_the_deploy_with_its_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let Some(sshd) = start_sshd(dir.path()) else {
        return;
    };
    let web = dir.path().join("www");
    let site = site_with_target(&sshd.target(&web, false), 1);
    let o = run_deploy(&site, &["--yes"], &[]);
    assert!(!o.status.success(), "{}", said(&o));
    // The fingerprint ssh-keygen gives the host key is the one shown.
    let fp = Command::new("ssh-keygen")
        .arg("-lf")
        .arg(dir.path().join("host_key.pub"))
        .output()
        .unwrap();
    let fp = String::from_utf8_lossy(&fp.stdout);
    let fp = fp.split_whitespace().nth(1).unwrap();
    assert_has(&String::from_utf8_lossy(&o.stderr), &[fp, "ssh-keyscan"]);
    assert!(!web.exists(), "nothing was sent");
}

#[test]
fn a_refused_login_says_how_to_log_in() {
    let dir = tempfile::tempdir().unwrap();
    let Some(sshd) = start_sshd(dir.path()) else {
        return;
    };
    // Another key than the authorized one.
    keygen(&openssh().unwrap().1, &dir.path().join("id_other"));
    let web = dir.path().join("www");
    let target = sshd.target(&web, true).replace("id_client", "id_other");
    let site = site_with_target(&target, 1);
    let o = run_deploy(&site, &["--yes"], &[]);
    assert!(!o.status.success(), "{}", said(&o));
    assert_has(
        &String::from_utf8_lossy(&o.stderr),
        &["refused every way to log in", "identity"],
    );
}

#[test]
fn a_deploy_over_sftp_killed_at_20_50_and_80_percent_leaves_the_site_whole_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let Some(sshd) = start_sshd(dir.path()) else {
        return;
    };
    let web = dir.path().join("www/xa");
    let site = site_with_target(&sshd.target(&web, true), 30);
    let o = run_deploy(&site, &["--yes"], &[]);
    assert!(o.status.success(), "{}", said(&o));
    for (round, fraction) in [0.2, 0.5, 0.8].into_iter().enumerate() {
        kill_and_resume(&site, &web, round, fraction, &[]);
    }
}
