//! The `.htaccess` every build writes (the text of `deploy/htaccess`) serves a built site
//! through a real Apache as the book says (`docs/setup/deploying.md`): the example site is
//! built for the root of a host and for a subfolder, each folder given only `AllowOverride
//! FileInfo` (what shared hosting usually allows, and the class of every directive in the
//! file), and the answers are checked: the 404 page, types with UTF-8, caching, compression,
//! folder redirects, the server files hidden. Skipped, with a message, where Apache is not
//! installed (CI installs it).

mod common;
use common::http::{
    Server, assert_serves_the_site, build_example, free_port, get, installed, open_readable,
    wait_for, wait_gone,
};

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn apache() -> Option<PathBuf> {
    installed(&["apache2", "/usr/sbin/apache2", "httpd", "/usr/sbin/httpd"])
}

/// Where the modules are: Debian's folder, or the `modules/` of a plain install.
fn modules() -> Option<PathBuf> {
    [
        "/usr/lib/apache2/modules",
        "/usr/lib64/httpd/modules",
        "/usr/lib/httpd/modules",
    ]
    .into_iter()
    .map(PathBuf::from)
    .find(|d| d.join("mod_mime.so").is_file())
}

/// A server of its own, run in the foreground: the modules the file relies on, the two
/// sites on their ports, each folder with `AllowOverride FileInfo` and nothing more.
fn config(p: &Path, modules: &Path, sites: [(u16, &Path); 2], empty: &Path) -> String {
    let load: String = [
        ("mpm_event", "mpm_event"),
        ("authz_core", "authz_core"),
        ("mime", "mime"),
        ("dir", "dir"),
        ("alias", "alias"),
        ("headers", "headers"),
        ("filter", "filter"),
        ("deflate", "deflate"),
    ]
    .iter()
    .map(|(name, file)| {
        format!(
            "LoadModule {name}_module {}/mod_{file}.so\n",
            modules.display()
        )
    })
    .collect();
    // Run as root (CI), Apache hands the requests to an unprivileged user.
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
    let user = if root {
        "User nobody\nGroup nogroup\n"
    } else {
        ""
    };
    let [(root_port, at_root), (sub_port, in_sub)] = sites;
    let folder = |dir: &Path| {
        format!(
            "<Directory \"{}\">\n  AllowOverride FileInfo\n  Require all granted\n</Directory>\n",
            dir.display()
        )
    };
    format!(
        "ServerRoot \"{p}\"\nServerName 127.0.0.1\nListen 127.0.0.1:{root_port}\n\
         Listen 127.0.0.1:{sub_port}\nPidFile \"{p}/logs/httpd.pid\"\n\
         ErrorLog \"{p}/logs/error.log\"\nLogLevel warn\n{load}{user}\
         TypesConfig /etc/mime.types\nDirectoryIndex index.html\n\
         <Directory />\n  AllowOverride None\n  Require all denied\n</Directory>\n\
         <Files \".ht*\">\n  Require all denied\n</Files>\n\
         <VirtualHost 127.0.0.1:{root_port}>\nDocumentRoot \"{root}\"\n{root_dir}</VirtualHost>\n\
         <VirtualHost 127.0.0.1:{sub_port}>\nDocumentRoot \"{empty}\"\n\
         Alias /xa-thanh-an/ \"{sub}/\"\n{sub_dir}</VirtualHost>\n",
        p = p.display(),
        root = at_root.display(),
        root_dir = folder(at_root),
        empty = empty.display(),
        sub = in_sub.display(),
        sub_dir = folder(in_sub),
    )
}

#[test]
fn apache_serves_a_site_at_the_root_and_in_a_subfolder() {
    let (Some(apache), Some(modules)) = (apache(), modules()) else {
        eprintln!(
            "SKIPPED apache_serves_a_site_at_the_root_and_in_a_subfolder: Apache is not installed (apt-get install apache2)"
        );
        return;
    };
    if !Path::new("/etc/mime.types").is_file() {
        eprintln!(
            "SKIPPED apache_serves_a_site_at_the_root_and_in_a_subfolder: no /etc/mime.types"
        );
        return;
    }
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
    std::fs::create_dir_all(p.join("logs")).unwrap();
    std::fs::create_dir_all(p.join("empty")).unwrap();
    let conf = config(
        p,
        &modules,
        [(root_port, &at_root.out()), (sub_port, &in_sub.out())],
        &p.join("empty"),
    );
    std::fs::write(p.join("httpd.conf"), conf).unwrap();
    for d in [p, at_root.root(), in_sub.root()] {
        open_readable(d);
    }
    let run = |args: &[&str]| {
        let mut c = Command::new(&apache);
        c.arg("-f").arg(p.join("httpd.conf")).args(args);
        c
    };
    let check = run(&["-t"]).output().unwrap();
    assert!(
        check.status.success(),
        "apache2 -t: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    let mut command = run(&["-DFOREGROUND"]);
    command.stdout(Stdio::null()).stderr(Stdio::null());
    let server = Server::start(command);
    let log = || std::fs::read_to_string(p.join("logs/error.log")).unwrap_or_default();
    wait_for(&[root_port, sub_port], "Apache", log);

    for (port, base) in [(root_port, "/"), (sub_port, "/xa-thanh-an/")] {
        let at = |p: &str| format!("{base}{p}");
        assert_serves_the_site(port, base, "application/xml", log);

        // Apache answers with the whole address.
        let folder = get(port, &at("tin-tuc"), false);
        assert_eq!(folder.status, 301);
        let location = folder.header("Location").unwrap_or_default();
        assert!(
            location.ends_with(&format!("127.0.0.1:{port}{}", at("tin-tuc/"))),
            "{location}"
        );

        // The server refuses .ht* files itself (403 here); web.config and the manifest of
        // congbo's files are the file's to hide.
        for (hidden, refused) in [
            (".htaccess", [403, 404]),
            ("web.config", [404, 404]),
            (".congbo-manifest", [404, 404]),
            (".congbo-deploy.json", [404, 404]),
            ("tin-tuc/index.html.congbo-up", [404, 404]),
        ] {
            assert!(at_root.exists(hidden));
            let status = get(port, &at(hidden), false).status;
            assert!(
                refused.contains(&status),
                "{base}{hidden} answered {status}"
            );
        }
    }

    // Ending the test ends the whole server: the master and every child it forked.
    drop(server);
    let conf = p.join("httpd.conf").to_string_lossy().to_string();
    let left = wait_gone(&conf);
    assert!(left.is_empty(), "apache2 processes left running: {left:?}");
}
