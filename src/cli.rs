//! The command line: `congbo build`, `congbo serve`, `congbo init`, `congbo new`,
//! `congbo import`, `congbo deploy`, `congbo user`. Parses
//! arguments, calls the library, and prints results and errors in plain words; the exit
//! status says whether it worked.

mod deploy_ui;
pub mod messages;
mod progress;
mod user;

use std::path::PathBuf;
use std::sync::Arc;

use clap::{Parser, Subcommand};

use crate::build::{BuildOptions, Progress, build};
use crate::lang::Lang;
use crate::new_page::{NewOptions, create};
use crate::scaffold;

/// congbo: static sites for the administrative-reform portals of Vietnamese communes.
#[derive(Parser, Debug)]
#[command(name = "congbo", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// The language of congbo's messages: vi or en (default: Vietnamese for a Vietnamese
    /// site, else the system's language; also CONGBO_LANG).
    #[arg(long, global = true, value_parser = ["vi", "en"])]
    pub lang: Option<String>,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the site in the current folder (or --root) into public/.
    Build {
        /// The site folder, holding site.toml.
        #[arg(long, short = 'r', default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default: public/ in the site folder).
        #[arg(long, short = 'o')]
        output_dir: Option<PathBuf>,
        /// Use this base URL instead of site.toml's (e.g. https://host/xa-thanh-an/).
        #[arg(long, short = 'u')]
        base_url: Option<String>,
        /// Include pages marked draft = true.
        #[arg(long)]
        drafts: bool,
        /// Write links relative to each page, so the site also works opened from disk or a
        /// USB stick (file://).
        #[arg(long)]
        relative_urls: bool,
        /// Replace everything in the output folder, also files congbo did not write there
        /// (without it they are kept, and a folder congbo never built is refused).
        #[arg(long)]
        clean_output: bool,
    },
    /// Build the site in memory (writing nothing) and report links, anchors, images and
    /// files that point nowhere, with file and line; the exit status is 1 if any error is found.
    Check {
        /// The site folder, holding site.toml.
        #[arg(long, short = 'r', default_value = ".")]
        root: PathBuf,
        /// Also ask every external (http, https) link whether it works: many at a time, 10 s
        /// each, good answers remembered for a day in .congbo-cache/links.json.
        #[arg(long)]
        external: bool,
        /// Include pages marked draft = true.
        #[arg(long)]
        drafts: bool,
    },
    /// Build the site into memory, serve it, and rebuild and reload the browser on every change.
    Serve {
        /// The site folder, holding site.toml.
        #[arg(long, short = 'r', default_value = ".")]
        root: PathBuf,
        /// The port to listen on (0: any free port).
        #[arg(long, short = 'p', default_value_t = 1111)]
        port: u16,
        /// The address to listen on; the default lets only this computer in.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Include pages marked draft = true.
        #[arg(long)]
        drafts: bool,
        /// Open the site in the web browser.
        #[arg(long)]
        open: bool,
        /// Also serve the browser editor at /_soan-thao/ (with accounts of `congbo user`, it
        /// asks for a login; without, --bind must stay a loopback address).
        #[arg(long)]
        edit: bool,
        /// The largest file the editor takes from the browser, in MB; wins over
        /// `[editor] upload_limit` of site.toml (default 20).
        #[arg(long, value_name = "MB")]
        upload_limit: Option<usize>,
    },
    /// Create a new site in DIR: site.toml, content of every kind, the default theme.
    Init {
        /// The folder to create (must be empty or not exist).
        dir: PathBuf,
    },
    /// Write a new page with the front matter of its kind: congbo new tin-tuc "Lễ ra mắt".
    New {
        /// A kind (plan, news, procedure, document, question, event, page) or a section folder under
        /// content/ (tin-tuc, ke-hoach, thu-tuc/ho-tich …).
        section: String,
        /// The page's title; its file name is made from it.
        title: String,
        /// The site folder, holding site.toml.
        #[arg(long, short = 'r', default_value = ".")]
        root: PathBuf,
        /// The page's date (2026-05-04 or 04/05/2026); default today.
        #[arg(long)]
        date: Option<String>,
        /// Mark the page draft = true (built only with --drafts).
        #[arg(long)]
        draft: bool,
        /// Make a folder (<slug>/index.md) that can also hold the page's images and files.
        #[arg(long)]
        bundle: bool,
    },
    /// Build the site and bring a target of site.toml ([deploy.NAME]) to it, sending only
    /// what changed: congbo deploy, or congbo deploy NAME.
    Deploy {
        /// The target: a NAME of [deploy.NAME] in site.toml (default: the first).
        target: Option<String>,
        /// The site folder, holding site.toml.
        #[arg(long, short = 'r', default_value = ".")]
        root: PathBuf,
        /// Only print what would be sent and removed; touch nothing.
        #[arg(long)]
        dry_run: bool,
        /// Do not ask before sending.
        #[arg(long, short = 'y')]
        yes: bool,
        /// Send public/ as the last build left it, without building.
        #[arg(long)]
        no_build: bool,
    },
    /// Turn Word files (.docx) or text pasted from a PDF (.txt) into pages, keeping the
    /// original beside each: congbo import ke-hoach.docx.
    Import {
        /// The files to import.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The kind of page (plan, document, news, procedure, page); default: from the
        /// document's type word (KẾ HOẠCH → plan, QUYẾT ĐỊNH → document).
        #[arg(long, value_parser = ["plan", "document", "news", "procedure", "page"])]
        kind: Option<String>,
        /// The section folder under content/ (default: the kind's).
        #[arg(long)]
        section: Option<String>,
        /// The site folder, holding site.toml.
        #[arg(long, short = 'r', default_value = ".")]
        root: PathBuf,
        /// Only say what would be written.
        #[arg(long)]
        dry_run: bool,
    },
    /// The accounts of the browser editor (serve --edit): congbo user add lan --role publisher.
    User {
        /// add, list, remove or passwd.
        #[command(subcommand)]
        action: user::UserCommand,
    },
}

/// The command line's help in the messages' language: clap reads the English doc comments
/// above; in Vietnamese each text is replaced.
fn command() -> clap::Command {
    use clap::CommandFactory;
    let cmd = Cli::command();
    if crate::lang::current() != Lang::Vi {
        return cmd;
    }
    let arg_help = |a: clap::Arg| {
        let help = match a.get_id().as_str() {
            "root" => "Thư mục của trang, chứa site.toml.",
            "output_dir" => "Nơi ghi trang (mặc định: public/ trong thư mục của trang).",
            "base_url" => {
                "Dùng địa chỉ gốc này thay cho địa chỉ trong site.toml (ví dụ https://host/xa-thanh-an/)."
            }
            "drafts" => "Dựng cả các trang có draft = true.",
            "port" => "Cổng để lắng nghe (0: một cổng bất kỳ còn trống).",
            "bind" => "Địa chỉ để lắng nghe; mặc định chỉ máy này vào được.",
            "open" => "Mở trang trong trình duyệt.",
            "dir" => "Thư mục cần tạo (phải trống hoặc chưa có).",
            "files" => "Các tệp cần nhập.",
            "kind" => {
                "Loại trang (plan, document, news, procedure, page); mặc định: theo tên loại văn bản (KẾ HOẠCH → plan, QUYẾT ĐỊNH → document)."
            }
            "section" => "Thư mục chuyên mục trong content/ (mặc định: theo loại trang).",
            "dry_run" => "Chỉ cho biết sẽ ghi (hoặc gửi) gì, không ghi.",
            "target" => {
                "Nơi triển khai: một TÊN của [deploy.TÊN] trong site.toml (mặc định: nơi đầu tiên)."
            }
            "yes" => "Không hỏi lại trước khi gửi.",
            "no_build" => "Gửi public/ như lần dựng trước để lại, không dựng lại.",
            "lang" => {
                "Ngôn ngữ của các thông báo: vi hoặc en (mặc định: tiếng Việt với trang tiếng Việt, nếu không thì theo ngôn ngữ của máy; cũng có thể đặt CONGBO_LANG)."
            }
            "clean_output" => {
                "Thay toàn bộ thư mục ghi trang, kể cả các tệp không do congbo ghi (nếu không có tuỳ chọn này, các tệp đó được giữ lại, và thư mục congbo chưa từng dựng vào bị từ chối)."
            }
            "external" => {
                "Hỏi cả mọi liên kết ngoài (http, https) xem còn hoạt động không: nhiều liên kết một lúc, mỗi liên kết tối đa 10 giây, kết quả tốt được nhớ một ngày trong .congbo-cache/links.json."
            }
            _ => return a,
        };
        a.help(help)
    };
    let about = |name: &str| match name {
        "build" => "Dựng trang trong thư mục hiện tại (hoặc --root) vào public/.",
        "serve" => {
            "Dựng trang trong bộ nhớ, phục vụ nó, rồi dựng lại và tải lại trình duyệt mỗi khi có thay đổi."
        }
        "check" => {
            "Dựng trang trong bộ nhớ (không ghi gì) và báo các liên kết, neo, ảnh và tệp không dẫn đến đâu, kèm tệp và dòng; mã thoát là 1 nếu có lỗi."
        }
        "deploy" => {
            "Dựng trang rồi đưa nó lên một nơi triển khai trong site.toml ([deploy.TÊN]), chỉ gửi những gì thay đổi: congbo deploy, hoặc congbo deploy TÊN."
        }
        "init" => "Tạo một trang mới trong DIR: site.toml, nội dung mỗi loại, giao diện mặc định.",
        "user" => {
            "Tài khoản của trình soạn thảo trên trình duyệt (serve --edit): congbo user add lan --role publisher."
        }
        "import" => {
            "Chuyển tệp Word (.docx) hoặc chữ chép từ PDF (.txt) thành trang, giữ tệp gốc bên cạnh: congbo import ke-hoach.docx."
        }
        _ => "",
    };
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut cmd =
        cmd.about("congbo: trang tĩnh cho cổng thông tin cải cách hành chính của xã, phường.");
    for name in names {
        let text = about(&name);
        cmd = cmd.mut_subcommand(&name, |s| {
            let ids: Vec<String> = s.get_arguments().map(|a| a.get_id().to_string()).collect();
            let mut s = if text.is_empty() { s } else { s.about(text) };
            for id in ids {
                s = s.mut_arg(&id, arg_help);
            }
            s
        });
    }
    cmd
}

/// The language of this run's messages ([`Lang::choose`]): `--lang`, else `CONGBO_LANG`,
/// else the `language` of the site's `site.toml` (in `--root`, for the commands that have a
/// site), else the locale. Read from the raw arguments, since clap's own help and errors
/// are already in it.
pub fn messages_language(args: &[String], congbo_lang: Option<&str>, locale: Lang) -> Lang {
    let value_of = |long: &str, short: &str| {
        args.iter().enumerate().find_map(|(i, a)| {
            if a == long || a == short {
                args.get(i + 1).cloned()
            } else if let Some(v) = a.strip_prefix(&format!("{long}=")) {
                Some(v.to_string())
            } else {
                a.strip_prefix(short)
                    .filter(|v| !v.is_empty() && short.len() == 2)
                    .map(str::to_string)
            }
        })
    };
    let asked = value_of("--lang", "--lang")
        .as_deref()
        .or(congbo_lang)
        .and_then(Lang::parse);
    let command = args.iter().skip(1).find(|a| {
        ["build", "check", "serve", "new", "init", "deploy", "user"].contains(&a.as_str())
    });
    let site = match command.map(String::as_str) {
        Some("build" | "check" | "serve" | "new" | "deploy" | "user") => {
            let root = PathBuf::from(value_of("--root", "-r").unwrap_or_else(|| ".".into()));
            std::fs::read_to_string(root.join("site.toml"))
                .ok()
                .map(|t| crate::config::site_language(&t))
        }
        _ => None,
    };
    Lang::choose(asked, site.as_deref(), locale)
}

/// Runs the command line; returns the process exit status.
pub fn main() -> i32 {
    use clap::FromArgMatches;
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let congbo_lang = std::env::var("CONGBO_LANG").ok();
    crate::lang::init(messages_language(
        &args,
        congbo_lang.as_deref(),
        Lang::from_env(),
    ));
    let cli = match Cli::from_arg_matches(&command().get_matches()) {
        Ok(c) => c,
        Err(e) => e.exit(),
    };
    match cli.command {
        Command::Build {
            root,
            output_dir,
            base_url,
            drafts,
            relative_urls,
            clean_output,
        } => {
            // What a failed build says about the output folder is what was there before.
            // (`-o` is taken from the current folder, as the build takes it.)
            let shown = output_dir
                .clone()
                .unwrap_or_else(|| PathBuf::from("public"));
            let out_dir = output_dir.clone().unwrap_or_else(|| root.join("public"));
            let existed = out_dir.exists();
            let counters = Arc::new(Progress::default());
            let display = progress::Display::start(Arc::clone(&counters));
            let opts = BuildOptions {
                root: root.clone(),
                output_dir,
                base_url,
                drafts,
                relative_urls,
                clean_output,
                progress: display.is_some().then_some(counters),
                ..BuildOptions::default()
            };
            let result = build(&opts);
            if let Some(d) = display {
                d.finish();
            }
            match result {
                Ok(r) => {
                    for w in &r.warnings {
                        eprintln!("{w}");
                    }
                    println!("{}", messages::build_summary(&r));
                    0
                }
                Err(errors) => {
                    let said = messages::output_after_failure(&shown, existed, out_dir.exists());
                    eprintln!("{errors} {said}");
                    1
                }
            }
        }
        Command::Check {
            root,
            external,
            drafts,
        } => {
            let opts = BuildOptions {
                root,
                drafts,
                ..BuildOptions::default()
            };
            match crate::build::check(&opts, external) {
                Ok((report, errors)) => {
                    for d in &errors.0 {
                        eprintln!("{d}");
                    }
                    for w in &report.warnings {
                        eprintln!("{w}");
                    }
                    for note in &report.notes {
                        println!("{note}");
                    }
                    let n = errors.0.len();
                    println!(
                        "{}",
                        messages::check_summary(&report, n, report.warnings.len())
                    );
                    i32::from(n > 0)
                }
                Err(errors) => {
                    eprintln!("{errors}");
                    1
                }
            }
        }
        Command::Serve {
            root,
            port,
            bind,
            drafts,
            open,
            edit,
            upload_limit,
        } => crate::serve::run(&crate::serve::ServeOptions {
            root,
            port,
            bind,
            drafts,
            open,
            edit,
            upload_limit_mb: upload_limit,
        }),
        Command::Init { dir } => match scaffold::init(&dir) {
            Ok(()) => {
                println!("{}", messages::initialised(&dir));
                0
            }
            Err(e) => {
                eprintln!("{e}");
                1
            }
        },
        Command::New {
            section,
            title,
            root,
            date,
            draft,
            bundle,
        } => {
            let opts = NewOptions {
                root,
                place: section,
                title,
                date,
                draft,
                bundle,
                today: None,
            };
            match create(&opts) {
                Ok(made) => {
                    println!("{}", messages::created(&made.file, made.kind));
                    0
                }
                Err(e) => {
                    eprintln!("{e}");
                    1
                }
            }
        }
        Command::Deploy {
            target,
            root,
            dry_run,
            yes,
            no_build,
        } => deploy_ui::run(crate::deploy::DeployOptions {
            root,
            target,
            dry_run,
            yes,
            no_build,
            pace: deploy_ui::pace(),
        }),
        Command::Import {
            files,
            kind,
            section,
            root,
            dry_run,
        } => {
            let opts = crate::import::ImportOptions {
                root,
                files,
                kind: kind.as_deref().and_then(crate::content::Kind::parse),
                section,
                dry_run,
            };
            let (done, errors) = crate::import::import(&opts);
            for i in &done {
                println!("{}", messages::imported(&i.source, &i.page, dry_run));
                for line in &i.lines {
                    println!("  {line}");
                }
                for w in &i.warnings {
                    eprintln!("  {}: {w}", crate::tr!(en: "warning", vi: "cảnh báo"));
                }
            }
            for e in &errors {
                eprintln!("{e}");
            }
            i32::from(!errors.is_empty())
        }
        Command::User { action } => user::run(action),
    }
}

#[cfg(test)]
mod tests;
