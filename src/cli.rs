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

/// Runs the command line; returns the process exit status.
pub fn main() -> i32 {
    let cli = Cli::parse();
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
                    let kinds: Vec<String> = r
                        .pages_by_kind
                        .iter()
                        .filter(|(_, n)| *n > 0)
                        .map(|(k, n)| format!("{n} {}", k.name()))
                        .collect();
                    println!(
                        "Built {} files ({}) into {} in {:.2} s: {} written, {} unchanged, {} removed",
                        r.files,
                        if kinds.is_empty() {
                            "no pages".to_string()
                        } else {
                            kinds.join(", ")
                        },
                        r.output_dir.display(),
                        r.seconds,
                        r.write.written,
                        r.write.unchanged,
                        r.write.removed
                    );
                    if r.images_encoded + r.images_reused > 0 {
                        println!(
                            "Images: {} resized copies made, {} reused from {}",
                            r.images_encoded,
                            r.images_reused,
                            crate::images::CACHE_DIR
                        );
                    }
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
                println!(
                    "Created a new site in {}. Next: cd {} && congbo build",
                    dir.display(),
                    dir.display()
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
