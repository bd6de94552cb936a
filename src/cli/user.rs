//! `congbo user add|list|remove|passwd`: the accounts of the browser editor, in the
//! site's `.congbo/users.toml` ([`crate::editor::accounts`]). A password is asked twice
//! on the terminal without echo; when the standard input is not a terminal (scripts,
//! tests) it is its first line.

use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};

use clap::Subcommand;

use crate::editor::accounts::{self, Role, User, Users};
use crate::error::Diagnostic;

/// What to do with the accounts.
#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Add an account: congbo user add lan --role publisher (asks for its password).
    Add {
        /// The login name (letters, digits, '.', '-', '_').
        name: String,
        /// editor: saves drafts only; publisher: also publishes and deletes.
        #[arg(long, default_value = "editor", value_parser = ["editor", "publisher"])]
        role: String,
        /// The site folder, holding site.toml.
        #[arg(long, short = 'r', default_value = ".")]
        root: PathBuf,
    },
    /// List the accounts and their roles.
    List {
        /// The site folder, holding site.toml.
        #[arg(long, short = 'r', default_value = ".")]
        root: PathBuf,
    },
    /// Remove an account (its sessions end at its next request).
    Remove {
        /// The login name.
        name: String,
        /// The site folder, holding site.toml.
        #[arg(long, short = 'r', default_value = ".")]
        root: PathBuf,
    },
    /// Set a new password for an account (asks for it).
    Passwd {
        /// The login name.
        name: String,
        /// The site folder, holding site.toml.
        #[arg(long, short = 'r', default_value = ".")]
        root: PathBuf,
    },
}

/// Runs a `congbo user` command; the exit status.
pub(super) fn run(cmd: UserCommand) -> i32 {
    match act(cmd) {
        Ok(said) => {
            println!("{said}");
            0
        }
        Err(d) => {
            eprintln!("{d}");
            1
        }
    }
}

fn act(cmd: UserCommand) -> Result<String, Diagnostic> {
    match cmd {
        UserCommand::Add { name, role, root } => {
            let mut users = site_users(&root)?;
            accounts::check_name(&name).map_err(Diagnostic::command)?;
            if users.get(&name).is_some() {
                return Err(Diagnostic::command(crate::tr!(
                    en: "there is already an account \"{name}\"; `congbo user passwd {name}` sets a new password",
                    vi: "đã có tài khoản \"{name}\"; lệnh `congbo user passwd {name}` đặt mật khẩu mới",
                )));
            }
            let role = Role::parse(&role).unwrap_or(Role::Editor);
            let hash = accounts::hash(&ask_password(&name)?)?;
            users.list.push(User {
                name: name.clone(),
                role,
                hash,
            });
            users.store(&root)?;
            let role = role.name();
            Ok(crate::tr!(
                en: "Added the account \"{name}\" ({role}) to .congbo/users.toml",
                vi: "Đã thêm tài khoản \"{name}\" ({role}) vào .congbo/users.toml",
            ))
        }
        UserCommand::List { root } => {
            let users = site_users(&root)?;
            if users.is_empty() {
                return Ok(crate::tr!(
                    en: "No accounts yet: `congbo user add NAME --role publisher` adds one",
                    vi: "Chưa có tài khoản nào: lệnh `congbo user add TÊN --role publisher` thêm một tài khoản",
                ));
            }
            Ok(users
                .list
                .iter()
                .map(|u| format!("{}\t{}", u.name, u.role.name()))
                .collect::<Vec<_>>()
                .join("\n"))
        }
        UserCommand::Remove { name, root } => {
            let mut users = site_users(&root)?;
            let before = users.list.len();
            users.list.retain(|u| u.name != name);
            if users.list.len() == before {
                return Err(no_such(&name));
            }
            users.store(&root)?;
            Ok(crate::tr!(
                en: "Removed the account \"{name}\"",
                vi: "Đã xoá tài khoản \"{name}\"",
            ))
        }
        UserCommand::Passwd { name, root } => {
            let mut users = site_users(&root)?;
            if users.get(&name).is_none() {
                return Err(no_such(&name));
            }
            let hash = accounts::hash(&ask_password(&name)?)?;
            for u in users.list.iter_mut().filter(|u| u.name == name) {
                u.hash.clone_from(&hash);
            }
            users.store(&root)?;
            Ok(crate::tr!(
                en: "Set a new password for \"{name}\"",
                vi: "Đã đặt mật khẩu mới cho \"{name}\"",
            ))
        }
    }
}

/// The accounts of the site at `root`, which must be a site.
fn site_users(root: &Path) -> Result<Users, Diagnostic> {
    if let Err(e) = std::fs::metadata(root.join("site.toml")) {
        return Err(crate::build::no_site(root, &e));
    }
    Users::load(root)
}

fn no_such(name: &str) -> Diagnostic {
    Diagnostic::command(crate::tr!(
        en: "there is no account \"{name}\"; `congbo user list` shows them",
        vi: "không có tài khoản \"{name}\"; lệnh `congbo user list` liệt kê các tài khoản",
    ))
}

/// The new password: typed twice without echo on a terminal, else the first line of the
/// standard input.
fn ask_password(name: &str) -> Result<String, Diagnostic> {
    let failed = |e: std::io::Error| {
        Diagnostic::command(crate::tr!(
            en: "could not read the password ({e})",
            vi: "không đọc được mật khẩu ({e})",
        ))
    };
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password(crate::tr!(
            en: "Password for {name}: ",
            vi: "Mật khẩu cho {name}: ",
        ))
        .map_err(failed)?;
        let again = rpassword::prompt_password(crate::tr!(
            en: "The same password again: ",
            vi: "Gõ lại mật khẩu đó: ",
        ))
        .map_err(failed)?;
        if first != again {
            return Err(Diagnostic::command(crate::tr!(
                en: "the two passwords differ; nothing was changed: run the command again",
                vi: "hai lần gõ mật khẩu khác nhau; chưa thay đổi gì: hãy chạy lại lệnh",
            )));
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(failed)?;
        line.trim_end_matches(['\r', '\n']).to_string()
    };
    accounts::check_password(&password).map_err(Diagnostic::command)?;
    Ok(password)
}
