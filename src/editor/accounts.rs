//! The editor's accounts (`congbo user`, `serve --edit` with login): names, roles and
//! argon2id password hashes in `.congbo/users.toml`. That folder is outside `content/`,
//! `static/` and the output, so no build copies it and `serve` never serves it; on Unix the
//! file is readable by its owner only (mode 0600).

use std::path::{Path, PathBuf};

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use serde::{Deserialize, Serialize};

use crate::error::Diagnostic;

/// Where the accounts are kept, under the site folder.
pub const USERS_FILE: &str = ".congbo/users.toml";
/// The shortest password accepted: a passphrase of a few words is better still.
pub const MIN_PASSWORD: usize = 10;

/// What an account may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Saves drafts only.
    Editor,
    /// Also publishes, deletes, restores from the trash.
    Publisher,
}

impl Role {
    /// `editor` or `publisher`, as typed on the command line.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "editor" => Some(Role::Editor),
            "publisher" => Some(Role::Publisher),
            _ => None,
        }
    }

    /// The word in users.toml and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Role::Editor => "editor",
            Role::Publisher => "publisher",
        }
    }

    /// The role in Vietnamese, for the editor's pages.
    pub fn label_vi(self) -> &'static str {
        match self {
            Role::Editor => "biên tập viên (chỉ lưu bản nháp)",
            Role::Publisher => "người xuất bản",
        }
    }
}

/// One account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct User {
    /// The login name (letters, digits, `.`, `-`, `_`).
    pub name: String,
    /// What it may do.
    pub role: Role,
    /// The argon2id hash of its password (PHC string).
    pub hash: String,
}

/// Every account of a site, in the order they were added.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Users {
    /// The accounts.
    #[serde(default, rename = "user")]
    pub list: Vec<User>,
}

impl Users {
    /// Reads users.toml's text; `file` names it in errors.
    pub fn parse(text: &str, file: &Path) -> Result<Users, Diagnostic> {
        let users: Users = toml::from_str(text).map_err(|e| {
            let (line, column) = e
                .span()
                .map_or((0, 0), |s| crate::error::line_col(text, s.start));
            let why = e.message().to_string();
            Diagnostic::at(
                file,
                line,
                column,
                crate::tr!(
                    en: "{why}; this file is written by `congbo user`: fix it or remove it and add the accounts again",
                    vi: "{why}; tệp này do lệnh `congbo user` ghi: hãy sửa lại, hoặc xoá tệp rồi thêm lại các tài khoản",
                ),
            )
        })?;
        for u in &users.list {
            if let Err(why) = check_name(&u.name) {
                return Err(Diagnostic::file(file, why));
            }
        }
        Ok(users)
    }

    /// The accounts of the site at `root`; none when the file does not exist.
    pub fn load(root: &Path) -> Result<Users, Diagnostic> {
        let file = root.join(USERS_FILE);
        match std::fs::read_to_string(&file) {
            Ok(text) => Users::parse(&text, Path::new(USERS_FILE)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Users::default()),
            Err(e) => Err(Diagnostic::io(Path::new(USERS_FILE), "read this file", &e)),
        }
    }

    /// Writes the accounts to the site at `root`, atomically, readable by the owner only.
    pub fn store(&self, root: &Path) -> Result<(), Diagnostic> {
        let file = root.join(USERS_FILE);
        let shown = Path::new(USERS_FILE);
        let fail = |e: std::io::Error| Diagnostic::io(shown, "write", &e);
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).map_err(fail)?;
        }
        let text = toml::to_string(self).unwrap_or_default();
        let head = "# The accounts of `congbo serve --edit`, written by `congbo user`.\n\
                    # Password hashes only (argon2id); keep this file out of what you deploy.\n";
        write_private(&file, format!("{head}{text}").as_bytes()).map_err(fail)
    }

    /// The account `name`.
    pub fn get(&self, name: &str) -> Option<&User> {
        self.list.iter().find(|u| u.name == name)
    }

    /// Whether there is any account.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The account `name` when `password` is its password. An unknown name costs a hash
    /// too, so the time taken does not tell which names exist.
    pub fn verify(&self, name: &str, password: &str) -> Option<&User> {
        match self.get(name) {
            Some(u) if verify(password, &u.hash) => Some(u),
            Some(_) => None,
            None => {
                let _ = verify(password, dummy_hash());
                None
            }
        }
    }
}

/// Whether `password` matches the PHC `hash`.
pub fn verify(password: &str, hash: &str) -> bool {
    argon2::Argon2::default()
        .verify_password(password.as_bytes(), hash)
        .is_ok()
}

/// The argon2id hash of `password` (the crate's defaults: 19 MiB, 2 passes, as OWASP
/// advises), with a fresh random salt.
pub fn hash(password: &str) -> Result<String, Diagnostic> {
    let failed = |what: String| {
        Diagnostic::command(crate::tr!(
            en: "could not make the password's hash ({what})",
            vi: "không tạo được mã băm của mật khẩu ({what})",
        ))
    };
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| failed(e.to_string()))?;
    argon2::Argon2::default()
        .hash_password_with_salt(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| failed(e.to_string()))
}

/// A hash of nothing anyone types, computed once, for unknown names.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash("\u{0}congbo").unwrap_or_default())
}

/// A login name: 1 to 40 letters, digits, `.`, `-` or `_`.
pub fn check_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.chars().count() <= 40
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if ok {
        Ok(())
    } else {
        Err(crate::tr!(
            en: "\"{name}\" cannot be a login name: use 1 to 40 letters, digits, '.', '-' or '_' (lan, nguyen.van.a)",
            vi: "\"{name}\" không dùng làm tên đăng nhập được: hãy dùng 1 đến 40 chữ, số, '.', '-' hoặc '_' (lan, nguyen.van.a)",
        ))
    }
}

/// Whether `password` is long enough; the reason when not.
pub fn check_password(password: &str) -> Result<(), String> {
    if password.chars().count() >= MIN_PASSWORD {
        Ok(())
    } else {
        Err(crate::tr!(
            en: "the password is too short: use at least {MIN_PASSWORD} characters (a few words are easy to remember)",
            vi: "mật khẩu quá ngắn: hãy dùng ít nhất {MIN_PASSWORD} ký tự (vài từ ghép lại vừa dễ nhớ vừa khó đoán)",
        ))
    }
}

/// Writes `data` to `file` through a temporary file made readable by its owner only
/// before anything is written to it.
fn write_private(file: &Path, data: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let tmp: PathBuf = file.with_file_name(format!(".{name}.tmp{}", std::process::id()));
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let written = opts.open(&tmp).and_then(|mut f| {
        f.write_all(data)?;
        f.sync_all()
    });
    written
        .and_then(|()| std::fs::rename(&tmp, file))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_toml_is_read_from_its_text() {
        let text = "[[user]]\nname = \"lan\"\nrole = \"publisher\"\nhash = \"$argon2id$x\"\n\n\
                    [[user]]\nname = \"minh\"\nrole = \"editor\"\nhash = \"$argon2id$y\"\n";
        let users = Users::parse(text, Path::new(USERS_FILE)).unwrap();
        assert_eq!(users.list.len(), 2);
        assert_eq!(users.get("lan").unwrap().role, Role::Publisher);
        assert_eq!(users.get("minh").unwrap().role, Role::Editor);
        assert!(users.get("khong-co").is_none());
        assert!(Users::parse("", Path::new(USERS_FILE)).unwrap().is_empty());
    }

    #[test]
    fn a_broken_users_toml_is_an_error_at_its_line() {
        let text = "[[user]]\nname = \"lan\"\nrole = \"admin\"\nhash = \"x\"\n";
        let d = Users::parse(text, Path::new(USERS_FILE)).unwrap_err();
        assert_eq!(d.line, 3, "{d:?}");
        assert!(d.message.contains("congbo user"), "{d:?}");
        let bad_name = "[[user]]\nname = \"../x\"\nrole = \"editor\"\nhash = \"x\"\n";
        assert!(Users::parse(bad_name, Path::new(USERS_FILE)).is_err());
        let unknown = "[[user]]\nname = \"a\"\nrole = \"editor\"\nhash = \"x\"\npassword = \"p\"\n";
        assert!(Users::parse(unknown, Path::new(USERS_FILE)).is_err());
    }

    #[test]
    fn a_password_verifies_against_its_argon2id_hash_only() {
        let h = hash("mật khẩu đủ dài").unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify("mật khẩu đủ dài", &h));
        assert!(!verify("mật khẩu sai rồi", &h));
        assert!(!verify("x", "not a hash"));
        // A fresh salt each time.
        assert_ne!(h, hash("mật khẩu đủ dài").unwrap());
        let users = Users {
            list: vec![User {
                name: "lan".into(),
                role: Role::Editor,
                hash: h,
            }],
        };
        assert!(users.verify("lan", "mật khẩu đủ dài").is_some());
        assert!(users.verify("lan", "sai").is_none());
        assert!(users.verify("ai-do", "mật khẩu đủ dài").is_none());
    }

    #[test]
    fn names_and_passwords_are_checked() {
        for ok in ["lan", "nguyen.van.a", "Hùng_2"] {
            assert!(check_name(ok).is_ok(), "{ok}");
        }
        for bad in ["", "a b", "../x", "a/b", &"x".repeat(41)] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
        assert!(check_password("ngắn").is_err());
        assert!(check_password("đủ mười ký tự").is_ok());
    }

    #[test]
    fn stored_accounts_read_back_and_only_the_owner_may_read_them() {
        let dir = tempfile::tempdir().unwrap();
        let users = Users {
            list: vec![User {
                name: "lan".into(),
                role: Role::Publisher,
                hash: "$argon2id$v=19$x".into(),
            }],
        };
        users.store(dir.path()).unwrap();
        assert_eq!(Users::load(dir.path()).unwrap(), users);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(USERS_FILE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let none = tempfile::tempdir().unwrap();
        assert!(Users::load(none.path()).unwrap().is_empty());
    }
}
