//! The command line as editors run it: `congbo new` for every kind writes a page that
//! builds as it is, and `congbo build` run without a terminal (as in CI or a log file)
//! prints its summary line and nothing else: no progress bar.

mod common;
use common::*;

use std::process::Command;

fn congbo(root: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_congbo"))
        // The messages these tests pin are the English ones.
        .env("CONGBO_LANG", "en")
        .args(args)
        .arg("--root")
        .arg(root)
        // Quiet because stdout and stderr are pipes, not because of CI.
        .env_remove("CI")
        .env("TERM", "xterm-256color")
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn new_pages_of_every_kind_build_as_written() {
    let site = TestSite::new();
    site.write(
        "content/su-kien/_index.md",
        "+++\ntitle = \"Sự kiện\"\nkind = \"news\"\n+++\n",
    );
    let cases: &[(&[&str], &str)] = &[
        (
            &["tin-tuc", "Lễ ra mắt Tổ công nghệ số"],
            "content/tin-tuc/le-ra-mat-to-cong-nghe-so.md",
        ),
        (
            &["plan", "Kế hoạch CCHC năm 2026"],
            "content/ke-hoach/ke-hoach-cchc-nam-2026.md",
        ),
        (
            &["thu-tuc", "Đăng ký khai sinh", "--bundle"],
            "content/thu-tuc/dang-ky-khai-sinh/index.md",
        ),
        (
            &["document", "Nghị quyết 76/NQ-CP", "--date", "15/07/2021"],
            "content/van-ban/nghi-quyet-76-nq-cp.md",
        ),
        (
            &["su-kien", "Ngày hội \"Chuyển đổi số\""],
            "content/su-kien/ngay-hoi-chuyen-doi-so.md",
        ),
        (&["page", "Giới thiệu"], "content/gioi-thieu.md"),
        (
            &["news", "Tin nháp", "--draft"],
            "content/tin-tuc/tin-nhap.md",
        ),
    ];
    for (args, file) in cases {
        let mut all = vec!["new"];
        all.extend_from_slice(args);
        let out = congbo(site.root(), &all);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains(file),
            "{args:?}: {}",
            text(&out.stdout)
        );
        assert!(site.root().join(file).is_file(), "{file}");
    }
    let plan = std::fs::read_to_string(
        site.root()
            .join("content/ke-hoach/ke-hoach-cchc-nam-2026.md"),
    )
    .unwrap();
    assert_has(
        &plan,
        &[
            "authority = \"Ủy ban nhân dân xã Thử Nghiệm\"",
            "# number = ",
            "# signer = ",
        ],
    );
    site.build_ok();
    for page in [
        "tin-tuc/le-ra-mat-to-cong-nghe-so/index.html",
        "ke-hoach/ke-hoach-cchc-nam-2026/index.html",
        "thu-tuc/dang-ky-khai-sinh/index.html",
        "thu-tuc/dang-ky-khai-sinh/in/index.html",
        "van-ban/nghi-quyet-76-nq-cp/index.html",
        "su-kien/ngay-hoi-chuyen-doi-so/index.html",
        "gioi-thieu/index.html",
    ] {
        assert!(site.exists(page), "{page}");
    }
    // The body hint is an HTML comment: it is not published.
    assert!(!site.read("gioi-thieu/index.html").contains("Viết nội dung"));
    assert_has(
        &site.read("van-ban/nghi-quyet-76-nq-cp/index.html"),
        &["Nghị quyết 76/NQ-CP"],
    );
    assert!(
        !site.exists("tin-tuc/tin-nhap/index.html"),
        "a draft is not built"
    );

    let again = congbo(site.root(), &["new", "news", "Lễ ra mắt Tổ công nghệ số"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again.stderr).contains("already exists"),
        "{}",
        text(&again.stderr)
    );
}

#[test]
fn a_build_without_a_terminal_prints_only_its_summary() {
    let site = TestSite::new();
    copy_dir(&repo_root().join("content"), &site.root().join("content"));
    std::fs::copy(repo_root().join("site.toml"), site.root().join("site.toml")).unwrap();
    let out = congbo(site.root(), &["build"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The example site takes longer than the bar's delay in a debug build, so a bar
    // would have been drawn if the pipes were taken for a terminal.
    assert_eq!(text(&out.stderr), "");
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.starts_with("Built ")
            && stdout.contains(" plans, ")
            && stdout.contains(" written, "),
        "{stdout}"
    );
}

#[test]
fn new_says_what_it_made_and_blames_no_file_for_a_bad_date() {
    let site = TestSite::new();
    let out = congbo(site.root(), &["new", "page", "Giới thiệu"]);
    let said = text(&out.stdout);
    assert!(said.contains("(a plain page)"), "{said}");
    let out = congbo(site.root(), &["new", "news", "Họp", "--date", "hôm nay"]);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    assert!(said.starts_with("error: --date: "), "{said}");
}

/// `congbo new --help` in Vietnamese names the kinds its first argument takes (it showed
/// `import --section`'s "a folder" text), and keeps the kind before the title in its usage.
#[test]
fn new_s_vietnamese_help_names_the_kinds_and_keeps_the_arguments_in_order() {
    let out = Command::new(env!("CARGO_BIN_EXE_congbo"))
        .args(["new", "--help", "--lang", "vi"])
        .output()
        .unwrap();
    let help = text(&out.stdout);
    assert!(
        help.contains("congbo new [OPTIONS] <SECTION> <TITLE>"),
        "{help}"
    );
    assert!(
        help.contains("<SECTION>  Loại trang (plan, news,") && help.contains("bulletin, page)"),
        "{help}"
    );
}
