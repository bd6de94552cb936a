//! The command line: `congbo build`, `congbo serve`, `congbo init`, `congbo new`,
//! `congbo import`, `congbo deploy`, `congbo user`. Parses
//! arguments, calls the library, and prints results and errors in plain words; the exit
//! status says whether it worked.

mod deploy_ui;
mod help;
pub mod messages;
mod progress;
mod run;
mod user;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::build::BuildOptions;
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
        /// A kind (plan, news, procedure, document, question, event, survey, contest, bulletin,
        /// page) or a section folder under content/ (tin-tuc, ke-hoach, thu-tuc/ho-tich …).
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
        /// Files sent at the same time, each on its own connection (1 to 16; default: the
        /// target's jobs, else 4).
        #[arg(long, short = 'j', value_parser = clap::value_parser!(u8).range(1..=crate::config::deploy::MAX_JOBS as i64))]
        jobs: Option<u8>,
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
    let cli = match Cli::from_arg_matches(&help::command().get_matches()) {
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
        } => run::build_site(BuildOptions {
            root,
            output_dir,
            base_url,
            drafts,
            relative_urls,
            clean_output,
            ..BuildOptions::default()
        }),
        Command::Check {
            root,
            external,
            drafts,
        } => run::check_site(
            BuildOptions {
                root,
                drafts,
                ..BuildOptions::default()
            },
            external,
        ),
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
            jobs,
        } => deploy_ui::run(crate::deploy::DeployOptions {
            root,
            target,
            dry_run,
            yes,
            no_build,
            jobs: jobs.map(usize::from),
            pace: deploy_ui::pace(),
        }),
        Command::Import {
            files,
            kind,
            section,
            root,
            dry_run,
        } => run::import_files(crate::import::ImportOptions {
            root,
            files,
            kind: kind.as_deref().and_then(crate::content::Kind::parse),
            section,
            dry_run,
        }),
        Command::User { action } => user::run(action),
    }
}

#[cfg(test)]
mod tests;
