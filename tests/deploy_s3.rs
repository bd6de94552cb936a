//! `congbo deploy` to an `s3://` target: moto's S3-compatible server (PyPI `moto[server]`,
//! run as `moto_server`) started by the test on the loopback interface, on a free port. The
//! bucket ends up holding `public/` byte for byte, each object with the content type and
//! cache time the shipped server configurations give its file; a re-deploy sends nothing;
//! a page the site no longer has is deleted. Skipped, with a message, where moto_server is
//! not installed (`pip install 'moto[server]'`; CI installs it).

mod common;
use common::deploy::*;
use common::http::{Answer, Server, free_port};
use common::*;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

const KEYS: [(&str, &str); 2] = [
    ("CONGBO_TEST_S3_KEY", "AKIAEXAMPLEKEY"),
    ("CONGBO_TEST_S3_SECRET", "secret/example"),
];

/// A GET of the bucket, as an S3 client would send it (moto answers 403 to a request with
/// no `Authorization`, and does not check the signature: the signing is checked against
/// AWS's own example in src/deploy/s3/sign.rs).
fn get(port: u16, path: &str, _gzip: bool) -> Answer {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIAEXAMPLEKEY/20260101/ap-southeast-1/s3/aws4_request, SignedHeaders=host, Signature=0\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Answer {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

struct Moto {
    _server: Server,
    port: u16,
    /// Its certificate, when it speaks HTTPS.
    cert: Option<std::path::PathBuf>,
}

fn start_moto(dir: &std::path::Path) -> Option<Moto> {
    spawn_moto(dir, None)
}

/// moto over HTTPS, with a certificate signed by itself (`cert`, `key`).
fn spawn_moto(
    dir: &std::path::Path,
    tls: Option<(std::path::PathBuf, std::path::PathBuf)>,
) -> Option<Moto> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("moto_server"))
            .find(|p| p.is_file())
    });
    let Some(moto) = found else {
        eprintln!(
            "SKIPPED the S3 deploy tests: moto_server is not installed (pip install 'moto[server]')"
        );
        return None;
    };
    let port = free_port();
    let mut c = Command::new(moto);
    c.args(["-H", "127.0.0.1", "-p", &port.to_string()]);
    if let Some((cert, key)) = &tls {
        c.arg("-c").arg(cert).arg("-k").arg(key);
    }
    c.stdout(std::fs::File::create(dir.join("moto.log")).unwrap())
        .stderr(std::fs::File::create(dir.join("moto.err")).unwrap());
    let server = Server::start(c);
    // Python takes its time to start on a loaded machine.
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "moto_server did not start: {}",
            std::fs::read_to_string(dir.join("moto.err")).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // The bucket (moto takes unsigned requests).
    if let Some((cert, _)) = tls {
        let made = Command::new("curl")
            .args(["-sS", "-X", "PUT", "--cacert"])
            .arg(&cert)
            .arg(format!("https://127.0.0.1:{port}/cong-xa"))
            .output()
            .unwrap();
        assert!(made.status.success(), "{made:?}");
        return Some(Moto {
            _server: server,
            port,
            cert: Some(cert),
        });
    }
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "PUT /cong-xa HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    Some(Moto {
        _server: server,
        port,
        cert: None,
    })
}

impl Moto {
    fn target(&self) -> String {
        let scheme = if self.cert.is_some() { "https" } else { "http" };
        format!(
            "[deploy.cdn]\nurl = \"s3://cong-xa/www\"\nendpoint = \"{scheme}://127.0.0.1:{}\"\nregion = \"ap-southeast-1\"\naccess_key_env = \"CONGBO_TEST_S3_KEY\"\nsecret_key_env = \"CONGBO_TEST_S3_SECRET\"\n",
            self.port
        )
    }

    /// The bucket's objects under `www/`, without the deploy's manifest.
    fn keys(&self) -> Vec<String> {
        let list = get(self.port, "/cong-xa?list-type=2&prefix=www/", false);
        assert_eq!(list.status, 200);
        let text = String::from_utf8_lossy(&list.body);
        assert!(!text.contains("<IsTruncated>true"), "more than a page");
        text.split("<Key>")
            .skip(1)
            .filter_map(|s| s.split("</Key>").next())
            .map(|k| k.strip_prefix("www/").unwrap().to_string())
            .filter(|k| k != REMOTE_MANIFEST)
            .collect()
    }

    /// Each object: its bytes, content type and cache control.
    fn objects(&self) -> BTreeMap<String, (Vec<u8>, String, String)> {
        self.keys()
            .into_iter()
            .map(|k| {
                let encoded: String = k
                    .bytes()
                    .map(|b| {
                        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
                            (b as char).to_string()
                        } else {
                            format!("%{b:02X}")
                        }
                    })
                    .collect();
                let a = get(self.port, &format!("/cong-xa/www/{encoded}"), false);
                assert_eq!(a.status, 200, "{k}");
                let ctype = a.header("Content-Type").unwrap_or("").to_string();
                let cache = a.header("Cache-Control").unwrap_or("").to_string();
                (k, (a.body, ctype, cache))
            })
            .collect()
    }
}

#[test]
fn a_deploy_to_s3_puts_the_site_with_types_and_cache_times_and_then_only_changes() {
    let dir = tempfile::tempdir().unwrap();
    let Some(moto) = start_moto(dir.path()) else {
        return;
    };
    let site = site_with_target(&moto.target(), 4);
    let o = run_deploy(&site, &["--yes"], &KEYS);
    assert!(o.status.success(), "{}", said(&o));
    assert_has(&String::from_utf8_lossy(&o.stdout), &["s3://cong-xa/www/"]);
    let objects = moto.objects();
    let bytes: BTreeMap<String, Vec<u8>> = objects
        .iter()
        .map(|(k, (b, _, _))| (k.clone(), b.clone()))
        .collect();
    assert_eq!(bytes, public_tree(&site));
    let (_, ctype, cache) = &objects["index.html"];
    assert_eq!(
        (ctype.as_str(), cache.as_str()),
        ("text/html; charset=utf-8", "no-cache")
    );
    let css = objects.keys().find(|k| k.ends_with(".css")).unwrap();
    assert_eq!(objects[css].1, "text/css; charset=utf-8");
    assert_eq!(objects[css].2, "max-age=86400");
    assert_eq!(objects["rss.xml"].1, "application/xml; charset=utf-8");

    // Nothing changed: nothing sent.
    let o = run_deploy(&site, &["--yes"], &KEYS);
    assert!(o.status.success(), "{}", said(&o));
    assert_has(&String::from_utf8_lossy(&o.stdout), &["nothing to send"]);

    // One page edited, one removed.
    let old = public_tree(&site);
    site.write(
        "content/tin-tuc/tin-1.md",
        &news("Tin số 1 (đã sửa)", "2026-03-02", &["thử"]),
    );
    site.remove("content/tin-tuc/tin-3.md");
    let o = run_deploy(&site, &["--yes"], &KEYS);
    assert!(o.status.success(), "{}", said(&o));
    let new = public_tree(&site);
    let changed = differing(&old, &new)
        .iter()
        .filter(|p| new.contains_key(*p))
        .count();
    assert_has(
        &String::from_utf8_lossy(&o.stdout),
        &[&format!("{changed} files sent")],
    );
    let bytes: BTreeMap<String, Vec<u8>> = moto
        .objects()
        .into_iter()
        .map(|(k, (b, _, _))| (k, b))
        .collect();
    assert_eq!(bytes, new);
}

#[test]
fn missing_keys_are_named_before_the_build_and_before_anything_is_sent() {
    let dir = tempfile::tempdir().unwrap();
    let Some(moto) = start_moto(dir.path()) else {
        return;
    };
    let site = site_with_target(&moto.target(), 1);
    let o = run_deploy(&site, &["--yes"], &KEYS[..1]);
    assert!(!o.status.success(), "{}", said(&o));
    assert_has(
        &String::from_utf8_lossy(&o.stderr),
        &["CONGBO_TEST_S3_SECRET", "secret_key_env"],
    );
    assert!(moto.keys().is_empty());
    // Said at once: the site was not built first.
    assert!(!site.root().join("public").exists(), "built before asking");
}

#[test]
fn a_store_with_its_own_certificate_is_trusted_through_ca_file_only() {
    let dir = tempfile::tempdir().unwrap();
    let Some(tls) = common::ftpd::self_signed(dir.path()) else {
        eprintln!("SKIPPED: openssl, to make a certificate, is not installed");
        return;
    };
    let Some(moto) = spawn_moto(dir.path(), Some(tls)) else {
        return;
    };
    // Without ca_file the certificate is not trusted: nothing is sent, and the words say
    // what to do, at once (no retries).
    let site = site_with_target(&moto.target(), 3);
    let started = Instant::now();
    let o = run_deploy(&site, &["--yes"], &KEYS);
    assert!(!o.status.success(), "{}", said(&o));
    assert_has(
        &String::from_utf8_lossy(&o.stderr),
        &["certificate", "ca_file"],
    );
    assert!(started.elapsed() < Duration::from_secs(30), "retried");

    // With it the site goes over HTTPS, and the manifest reads back: nothing to send.
    let cert = moto.cert.clone().unwrap();
    let target = format!("{}ca_file = \"{}\"\n", moto.target(), cert.display());
    let site = site_with_target(&target, 3);
    let o = run_deploy(&site, &["--yes"], &KEYS);
    assert!(o.status.success(), "{}", said(&o));
    let files = public_tree(&site).len();
    assert_has(
        &String::from_utf8_lossy(&o.stdout),
        &[&format!("{files} files sent")],
    );
    let o = run_deploy(&site, &["--yes"], &KEYS);
    assert!(o.status.success(), "{}", said(&o));
    assert_has(&String::from_utf8_lossy(&o.stdout), &["nothing to send"]);
}
