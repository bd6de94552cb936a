//! The nginx files in `deploy/nginx/` serve a built site as the book says
//! (`docs/setup/deploying.md`): the example site is built for the root of a host and for a
//! subfolder, served by a real nginx on free ports with `site-root.conf`, `site-subfolder.conf`
//! and `congbo.conf` as shipped (only ports and folders changed), and the answers are checked:
//! the 404 page, types with UTF-8, caching, compression, folder redirects. Skipped, with a
//! message, where nginx is not installed (CI installs it).

mod common;
use common::*;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::http::{
    Server, assert_serves_the_site, build_example, free_port, get, installed, open_readable,
    wait_for,
};

fn nginx() -> Option<PathBuf> {
    installed(&["nginx", "/usr/sbin/nginx"])
}

/// `deploy/nginx/<file>` with `from` replaced by `to`, each of which must be there.
fn shipped(file: &str, swaps: &[(&str, &str)]) -> String {
    let mut text = std::fs::read_to_string(repo_root().join("deploy/nginx").join(file)).unwrap();
    for (from, to) in swaps {
        assert!(text.contains(from), "{file} no longer has {from:?}");
        text = text.replace(from, to);
    }
    text
}

#[test]
fn nginx_serves_a_site_at_the_root_and_in_a_subfolder() {
    let Some(nginx) = nginx() else {
        eprintln!(
            "SKIPPED nginx_serves_a_site_at_the_root_and_in_a_subfolder: nginx is not installed (apt-get install nginx)"
        );
        return;
    };
    let (root_port, sub_port) = (free_port(), free_port());
    let at_root = build_example(&format!("http://127.0.0.1:{root_port}/"));
    let in_sub = build_example(&format!("http://127.0.0.1:{sub_port}/xa-thanh-an/"));
    // What congbo deploy leaves in a target folder: its list, and a file cut off mid-way.
    for site in [&at_root, &in_sub] {
        site.write("public/.congbo-deploy.json", "{}");
        site.write("public/tin-tuc/index.html.congbo-up", "<!doctype html>");
    }
    let prefix = tempfile::tempdir().unwrap();
    let p = prefix.path();
    std::fs::create_dir_all(p.join("conf/snippets")).unwrap();
    std::fs::create_dir_all(p.join("logs")).unwrap();
    std::fs::copy(
        repo_root().join("deploy/nginx/congbo.conf"),
        p.join("conf/snippets/congbo.conf"),
    )
    .unwrap();
    let mime = ["/etc/nginx/mime.types", "/usr/local/nginx/conf/mime.types"]
        .into_iter()
        .find(|m| Path::new(m).is_file())
        .expect("nginx's mime.types");
    std::fs::copy(mime, p.join("conf/mime.types")).unwrap();
    let root_conf = shipped(
        "site-root.conf",
        &[
            ("listen 80;", &format!("listen 127.0.0.1:{root_port};")),
            (
                "root /var/www/tanhoaloi/public;",
                &format!("root {};", at_root.out().display()),
            ),
        ],
    );
    let sub_conf = shipped(
        "site-subfolder.conf",
        &[
            ("listen 80;", &format!("listen 127.0.0.1:{sub_port};")),
            (
                "alias /var/www/xa-thanh-an/public/;",
                &format!("alias {}/;", in_sub.out().display()),
            ),
        ],
    );
    let logs = p.join("logs");
    let temps: String = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
        .iter()
        .map(|t| format!("{t}_temp_path {};\n", logs.display()))
        .collect();
    let conf = format!(
        "daemon off;\nmaster_process off;\nerror_log {}/error.log;\npid {}/nginx.pid;\nevents {{}}\n\
         http {{\naccess_log off;\n{temps}{root_conf}\n{sub_conf}\n}}\n",
        logs.display(),
        logs.display()
    );
    std::fs::write(p.join("conf/nginx.conf"), conf).unwrap();
    for d in [p, at_root.root(), in_sub.root()] {
        open_readable(d);
    }
    let check = Command::new(&nginx)
        .args(["-t", "-p"])
        .arg(p)
        .args(["-c", "conf/nginx.conf"])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "nginx -t: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    let mut command = Command::new(&nginx);
    command
        .arg("-p")
        .arg(p)
        .args(["-c", "conf/nginx.conf"])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let _server = Server::start(command);
    wait_for(&[root_port, sub_port], "nginx", String::new);

    for (port, base) in [(root_port, "/"), (sub_port, "/xa-thanh-an/")] {
        let at = |p: &str| format!("{base}{p}");
        assert_serves_the_site(port, base, "text/xml", String::new);

        let folder = get(port, &at("tin-tuc"), false);
        assert_eq!(folder.status, 301);
        assert_eq!(folder.header("Location"), Some(at("tin-tuc/").as_str()));

        // The manifest lists congbo's files; it is not a page either, nor are congbo
        // deploy's list and a file it is still sending.
        for hidden in [
            ".htaccess",
            "web.config",
            ".congbo-manifest",
            ".congbo-deploy.json",
            "tin-tuc/index.html.congbo-up",
        ] {
            assert!(at_root.exists(hidden));
            assert_eq!(get(port, &at(hidden), false).status, 404, "{base}{hidden}");
        }
    }
}
