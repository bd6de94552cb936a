//! `congbo deploy` to `ftp://` and `ftps://` targets: a real vsftpd started by the test on
//! the loopback interface (tests/common/ftpd.rs), plain, and with TLS required for the
//! login and the files, its certificate self-signed and trusted through `ca_file`. Each
//! test skips itself, saying so, where vsftpd cannot run.

mod common;
use common::deploy::*;
use common::ftpd::start_vsftpd;
use common::*;

const PASSWORD: (&str, &str) = ("CONGBO_TEST_FTP_PASSWORD", "congbo@example");

#[test]
fn a_deploy_over_ftp_makes_the_folder_the_site_and_then_sends_only_changes() {
    let dir = tempfile::tempdir().unwrap();
    let Some(ftpd) = start_vsftpd(dir.path(), false) else {
        return;
    };
    let site = site_with_target(&ftpd.target(), 4);
    let o = run_deploy(&site, &["--yes"], &[PASSWORD]);
    assert!(o.status.success(), "{}\n{}", said(&o), ftpd.log());
    assert_eq!(tree(&ftpd.www), public_tree(&site), "{}", said(&o));
    assert_has(
        &String::from_utf8_lossy(&o.stdout),
        &[&format!("ftp://anonymous@127.0.0.1:{}/www", ftpd.port)],
    );

    // Nothing changed: nothing sent.
    let before = inodes(&ftpd.www);
    let o = run_deploy(&site, &["--yes"], &[PASSWORD]);
    assert!(o.status.success(), "{}", said(&o));
    assert_has(&String::from_utf8_lossy(&o.stdout), &["nothing to send"]);
    assert_eq!(inodes(&ftpd.www), before);

    // One page edited, one removed: the build's changes go, renamed into place, and the
    // folder of the removed page goes too.
    let old = public_tree(&site);
    site.write(
        "content/tin-tuc/tin-1.md",
        &news("Tin số 1 (đã sửa)", "2026-03-02", &["thử"]),
    );
    site.remove("content/tin-tuc/tin-3.md");
    let o = run_deploy(&site, &["--yes"], &[PASSWORD]);
    assert!(o.status.success(), "{}\n{}", said(&o), ftpd.log());
    let new = public_tree(&site);
    let sent = replaced(&before, &inodes(&ftpd.www));
    let changed: Vec<String> = differing(&old, &new)
        .into_iter()
        .filter(|p| new.contains_key(p))
        .collect();
    assert_eq!(sent, changed);
    assert_eq!(tree(&ftpd.www), new);
    assert!(!ftpd.www.join("tin-tuc/tin-3").exists());
    // Each file went up under its temporary name and was renamed into place.
    assert_has(&ftpd.log(), &["RNFR", ".congbo-up", "RNTO"]);
}

#[test]
fn a_deploy_over_ftps_trusts_a_self_signed_host_through_ca_file_only() {
    let dir = tempfile::tempdir().unwrap();
    let Some(ftpd) = start_vsftpd(dir.path(), true) else {
        return;
    };
    // Without ca_file the certificate is not trusted, and nothing is sent.
    let target = ftpd.target();
    let untrusted: String = target
        .lines()
        .filter(|l| !l.starts_with("ca_file"))
        .map(|l| format!("{l}\n"))
        .collect();
    let site = site_with_target(&untrusted, 3);
    let o = run_deploy(&site, &["--yes"], &[PASSWORD]);
    assert!(!o.status.success(), "{}", said(&o));
    assert_has(
        &String::from_utf8_lossy(&o.stderr),
        &["certificate", "ca_file"],
    );
    assert_eq!(tree(&ftpd.www).len(), 0, "nothing was sent");

    // With it, the site goes over TLS (the server refuses anything else).
    let site = site_with_target(&target, 3);
    let o = run_deploy(&site, &["--yes"], &[PASSWORD]);
    assert!(o.status.success(), "{}\n{}", said(&o), ftpd.log());
    assert_eq!(tree(&ftpd.www), public_tree(&site));
    assert_has(
        &String::from_utf8_lossy(&o.stdout),
        &[&format!("ftps://anonymous@127.0.0.1:{}/www", ftpd.port)],
    );
}

#[test]
fn a_plain_ftp_client_is_refused_where_tls_is_required_and_says_the_reply() {
    let dir = tempfile::tempdir().unwrap();
    let Some(ftpd) = start_vsftpd(dir.path(), true) else {
        return;
    };
    let plain = ftpd.target().replace("ftps://", "ftp://");
    let site = site_with_target(&plain, 1);
    let o = run_deploy(&site, &["--yes"], &[PASSWORD]);
    assert!(!o.status.success(), "{}", said(&o));
    // vsftpd's reply: "530 Non-anonymous sessions must use encryption." or the like.
    assert_has(&String::from_utf8_lossy(&o.stderr), &["530"]);
}

#[test]
fn a_deploy_over_ftp_killed_at_20_50_and_80_percent_leaves_the_site_whole_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let Some(ftpd) = start_vsftpd(dir.path(), false) else {
        return;
    };
    let site = site_with_target(&ftpd.target(), 30);
    let o = run_deploy(&site, &["--yes"], &[PASSWORD]);
    assert!(o.status.success(), "{}\n{}", said(&o), ftpd.log());
    for (round, fraction) in [0.2, 0.5, 0.8].into_iter().enumerate() {
        kill_and_resume(&site, &ftpd.www, round, fraction, &[PASSWORD]);
    }
}

#[test]
fn a_manifest_the_server_will_not_let_congbo_read_stops_the_deploy_with_the_reply() {
    let dir = tempfile::tempdir().unwrap();
    let Some(ftpd) = start_vsftpd(dir.path(), false) else {
        return;
    };
    // The target's manifest is there, but the account may not read it: vsftpd answers
    // "550 Failed to open file.", as it does for a file not there.
    let manifest = ftpd.www.join(REMOTE_MANIFEST);
    std::fs::write(&manifest, "{\"congbo_deploy\": 1, \"files\": {}}\n").unwrap();
    std::fs::set_permissions(
        &manifest,
        std::os::unix::fs::PermissionsExt::from_mode(0o600),
    )
    .unwrap();
    let site = site_with_target(&ftpd.target(), 2);
    let o = run_deploy(&site, &["--yes"], &[PASSWORD]);
    assert!(!o.status.success(), "{}\n{}", said(&o), ftpd.log());
    assert_has(
        &String::from_utf8_lossy(&o.stderr),
        &[REMOTE_MANIFEST, "550"],
    );
    assert!(tree(&ftpd.www).is_empty(), "nothing was sent");
}
