//! What logging in to a target needs, the same for every protocol: the password of an
//! account (SFTP without a key, FTP, FTPS), from the environment variable the target names
//! in `password_env`, else typed on the terminal; and the files the target names (`~/` is
//! the home folder). One home, so that every protocol asks and refuses in the same words.

use std::path::{Path, PathBuf};

use super::Ui;

/// `~/x` → the home folder's `x` (the paths of `identity`, `known_hosts`, `ca_file`).
pub(super) fn expand_home(p: &Path) -> PathBuf {
    match (p.strip_prefix("~"), std::env::home_dir()) {
        (Ok(rest), Some(home)) => home.join(rest),
        _ => p.to_path_buf(),
    }
}

/// The password of `user`: the value of `var` (the target's `password_env`) when set, else
/// typed on the terminal; `None` when neither (no terminal to ask on).
pub(super) fn password(user: &str, var: Option<&str>, ui: &mut dyn Ui) -> Option<String> {
    if let Some(var) = var
        && let Ok(p) = std::env::var(var)
    {
        return Some(p);
    }
    let prompt = match var {
        Some(var) => crate::tr!(
            en: "Password of {user} ({var} is not set): ",
            vi: "Mật khẩu của {user} (biến {var} chưa được đặt): ",
        ),
        None => crate::tr!(
            en: "Password of {user}: ",
            vi: "Mật khẩu của {user}: ",
        ),
    };
    ui.secret(&prompt)
}

/// What to do when there is no password and no one to ask it of.
pub(super) fn no_password(user: &str, var: Option<&str>) -> String {
    match var {
        Some(var) => crate::tr!(
            en: "the environment variable {var} (password_env) is not set, and there is no terminal to ask the password on; set it, e.g. {var}=… congbo deploy",
            vi: "biến môi trường {var} (password_env) chưa được đặt, và không có cửa sổ dòng lệnh để hỏi mật khẩu; hãy đặt nó, ví dụ {var}=… congbo deploy",
        ),
        None => crate::tr!(
            en: "the server needs the password of {user}, and there is no terminal to ask it on; name the environment variable that holds it in password_env, e.g. password_env = \"CONGBO_FTP_PASSWORD\"",
            vi: "máy chủ cần mật khẩu của {user}, mà không có cửa sổ dòng lệnh để hỏi; hãy ghi tên biến môi trường chứa mật khẩu vào password_env, ví dụ password_env = \"CONGBO_FTP_PASSWORD\"",
        ),
    }
}
