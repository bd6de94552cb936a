//! `congbo deploy` to a `file://` target (a local web root or a mounted share), run as the
//! binary: the target equals `public/` byte for byte; a re-deploy sends nothing; one edit
//! sends that page and the lists that show it; a deploy killed half way leaves every file
//! old or new and the next run finishes it; addresses it cannot serve yet are refused at
//! their line.

mod common;
use common::deploy::*;
use common::*;

fn file_target(dest: &std::path::Path) -> String {
    format!("[deploy.web]\nurl = \"file://{}\"\n", dest.display())
}

#[test]
fn the_target_becomes_public_byte_for_byte_and_an_unchanged_site_sends_nothing() {
    let dest = tempfile::tempdir().unwrap();
    let web = dest.path().join("www");
    let site = site_with_target(&file_target(&web), 5);
    // --dry-run says what would go and touches nothing.
    let o = run_deploy(&site, &["--dry-run"], &[]);
    assert!(o.status.success(), "{}", said(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    let files = public_tree(&site).len();
    assert_has(
        &out,
        &[&format!("{files} new, 0 changed, 0 removed"), "Dry run"],
    );
    assert!(!web.exists(), "a dry run made the target");

    let o = run_deploy(&site, &["--yes"], &[]);
    assert!(o.status.success(), "{}", said(&o));
    assert_eq!(tree(&web), public_tree(&site), "the target is the site");
    assert_has(
        &String::from_utf8_lossy(&o.stdout),
        &[&format!("{files} files sent"), "0 removed"],
    );
    // Nothing of the build's own bookkeeping, nothing half sent.
    assert!(!web.join(".congbo-manifest").exists());
    assert!(web.join(REMOTE_MANIFEST).is_file());

    let before = inodes(&web);
    let o = run_deploy(&site, &["--yes"], &[]);
    assert!(o.status.success(), "{}", said(&o));
    assert_has(
        &String::from_utf8_lossy(&o.stdout),
        &["0 new, 0 changed, 0 removed", "nothing to send"],
    );
    assert_eq!(inodes(&web), before, "an unchanged site touches no file");
}

#[test]
fn one_edited_page_sends_that_page_and_the_lists_that_show_it_and_removals_spare_others_files() {
    let dest = tempfile::tempdir().unwrap();
    let web = dest.path().join("www");
    let site = site_with_target(&file_target(&web), 6);
    assert!(run_deploy(&site, &["--yes"], &[]).status.success());
    let old = public_tree(&site);
    // Someone else's file on the target, which no deploy may touch.
    std::fs::write(web.join("google1234.html"), "google-site-verification").unwrap();

    site.write(
        "content/tin-tuc/tin-2.md",
        &news("Tin số 2 (đã sửa)", "2026-03-03", &["thử"]),
    );
    let before = inodes(&web);
    let o = run_deploy(&site, &["--yes"], &[]);
    assert!(o.status.success(), "{}", said(&o));
    let new = public_tree(&site);
    let changed = differing(&old, &new);
    let sent = replaced(&before, &inodes(&web));
    assert_eq!(sent, changed, "exactly what the build changed is sent");
    // The page itself and the lists that show its title; not the other news items.
    // (Two items a page: the second page of the news list shows it.)
    for p in [
        "tin-tuc/tin-2/index.html",
        "tin-tuc/trang/2/index.html",
        "rss.xml",
    ] {
        assert!(sent.iter().any(|s| s == p), "{p} not sent: {sent:?}");
    }
    assert!(
        !sent.iter().any(|s| s.starts_with("tin-tuc/tin-4/")),
        "an unchanged page was sent: {sent:?}"
    );
    assert!(sent.len() < new.len() / 2, "{sent:?}");
    let mut expected = new.clone();
    expected.insert(
        "google1234.html".into(),
        b"google-site-verification".to_vec(),
    );
    assert_eq!(tree(&web), expected);

    // A page the site no longer has goes; the other file stays.
    site.remove("content/tin-tuc/tin-5.md");
    let o = run_deploy(&site, &["--yes"], &[]);
    assert!(o.status.success(), "{}", said(&o));
    assert!(!web.join("tin-tuc/tin-5").exists(), "its folder goes too");
    let mut expected = public_tree(&site);
    expected.insert(
        "google1234.html".into(),
        b"google-site-verification".to_vec(),
    );
    assert_eq!(tree(&web), expected);
}

#[test]
fn a_deploy_killed_at_20_50_and_80_percent_leaves_every_file_old_or_new_and_the_next_run_finishes_it()
 {
    let dest = tempfile::tempdir().unwrap();
    let web = dest.path().join("www");
    let site = site_with_target(&file_target(&web), 30);
    assert!(run_deploy(&site, &["--yes"], &[]).status.success());
    for (round, fraction) in [0.2, 0.5, 0.8].into_iter().enumerate() {
        kill_and_resume(&site, &web, round, fraction, &[]);
    }
}

#[test]
fn targets_it_cannot_serve_and_wrong_keys_are_refused_at_their_line() {
    let site = site_with_target("[deploy.tinh]\nurl = \"webdav://tinh.example.vn/www\"\n", 1);
    let o = run_deploy(&site, &["--yes"], &[]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    let line = SITE_TOML.lines().count() + 3;
    assert_has(
        &err,
        &[&format!("site.toml:{line}"), "webdav://", "does not know"],
    );
    assert!(!site.out().exists(), "refused before building");

    let site = site_with_target(
        "[deploy.web]\nurl = \"file:///tmp/x\"\npasword_env = \"P\"\n",
        1,
    );
    let o = run_deploy(&site, &["--yes"], &[]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    let line = SITE_TOML.lines().count() + 4;
    assert_has(
        &err,
        &[&format!("site.toml:{line}"), "pasword_env", "password_env"],
    );

    let o = run_deploy(&site_with_target("", 1), &["--yes"], &[]);
    assert!(!o.status.success());
    assert_has(&String::from_utf8_lossy(&o.stderr), &["[deploy."]);
}

#[test]
fn jobs_from_the_target_or_the_command_line_give_the_same_tree_and_a_wrong_number_its_line() {
    let dest = tempfile::tempdir().unwrap();
    let web = dest.path().join("www");
    let table = format!("{}jobs = 8\n", file_target(&web));
    let site = site_with_target(&table, 12);
    let o = run_deploy(&site, &["--yes"], &[]);
    assert!(o.status.success(), "{}", said(&o));
    assert_eq!(tree(&web), public_tree(&site));
    // One at a time, after a change to every page, gives the same tree again.
    site.write(
        "site.toml",
        &std::fs::read_to_string(site.root().join("site.toml"))
            .unwrap()
            .replace("xã Thử Nghiệm\"", "xã Thử Nghiệm Mới\""),
    );
    let o = run_deploy(&site, &["--yes", "--jobs", "1"], &[]);
    assert!(o.status.success(), "{}", said(&o));
    assert_eq!(tree(&web), public_tree(&site));

    let site = site_with_target(&format!("{}jobs = 0\n", file_target(&web)), 1);
    let o = run_deploy(&site, &["--yes"], &[]);
    assert!(!o.status.success());
    let line = SITE_TOML.lines().count() + 4;
    assert_has(
        &String::from_utf8_lossy(&o.stderr),
        &[&format!("site.toml:{line}"), "jobs = 0", "from 1 to 16"],
    );
    let o = run_deploy(&site, &["--yes", "--jobs", "40"], &[]);
    assert!(!o.status.success());
}
