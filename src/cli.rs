//! The command line: `congbo build`, `congbo serve`, `congbo init`. Parses arguments, calls
//! the library, and prints results and errors in plain words; the exit status says whether
//! it worked.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::build::{BuildOptions, build};
use crate::scaffold;

/// congbo: static sites for the administrative-reform portals of Vietnamese communes.
#[derive(Parser, Debug)]
#[command(name = "congbo", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
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
    },
    /// Create a new site in DIR: site.toml, content of every kind, the default theme.
    Init {
        /// The folder to create (must be empty or not exist).
        dir: PathBuf,
    },
}

/// The line a successful build ends with, in the messages' language.
pub fn summary(r: &crate::build::BuildReport) -> String {
    let vi = crate::lang::current() == crate::lang::Lang::Vi;
    let kinds: Vec<String> = r
        .pages_by_kind
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| {
            if vi {
                format!("{n} {}", k.label_vi().to_lowercase())
            } else {
                format!("{n} {}", k.name())
            }
        })
        .collect();
    let kinds = if kinds.is_empty() {
        crate::tr!(en: "no pages", vi: "không có trang nào")
    } else {
        kinds.join(", ")
    };
    let (files, out, secs) = (r.files, r.output_dir.display(), r.seconds);
    let (written, unchanged, removed) = (r.write.written, r.write.unchanged, r.write.removed);
    crate::tr!(
        en: "Built {files} files ({kinds}) into {out} in {secs:.2} s: {written} written, {unchanged} unchanged, {removed} removed",
        vi: "Đã dựng {files} tệp ({kinds}) vào {out} trong {secs:.2} giây: {written} tệp ghi mới, {unchanged} tệp giữ nguyên, {removed} tệp xoá",
    )
}

/// The command line's help in the messages' language: clap reads the English doc comments
/// above; in Vietnamese each text is replaced.
fn command() -> clap::Command {
    use clap::CommandFactory;
    let cmd = Cli::command();
    if crate::lang::current() != crate::lang::Lang::Vi {
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
            _ => return a,
        };
        a.help(help)
    };
    let about = |name: &str| match name {
        "build" => "Dựng trang trong thư mục hiện tại (hoặc --root) vào public/.",
        "serve" => {
            "Dựng trang trong bộ nhớ, phục vụ nó, rồi dựng lại và tải lại trình duyệt mỗi khi có thay đổi."
        }
        "init" => "Tạo một trang mới trong DIR: site.toml, nội dung mỗi loại, giao diện mặc định.",
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

/// Runs the command line; returns the process exit status.
pub fn main() -> i32 {
    use clap::FromArgMatches;
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
        } => {
            let opts = BuildOptions {
                root,
                output_dir,
                base_url,
                drafts,
                build_date: None,
            };
            match build(&opts) {
                Ok(r) => {
                    for w in &r.warnings {
                        eprintln!("{w}");
                    }
                    println!("{}", summary(&r));
                    0
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
        } => crate::serve::run(&crate::serve::ServeOptions {
            root,
            port,
            bind,
            drafts,
            open,
        }),
        Command::Init { dir } => match scaffold::init(&dir) {
            Ok(()) => {
                let d = dir.display();
                println!(
                    "{}",
                    crate::tr!(
                        en: "Created a new site in {d}. Next: cd {d} && congbo build",
                        vi: "Đã tạo trang mới trong {d}. Tiếp theo: cd {d} && congbo build",
                    )
                );
                0
            }
            Err(e) => {
                eprintln!("{e}");
                1
            }
        },
    }
}
