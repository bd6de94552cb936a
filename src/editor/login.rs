//! The editor's login page (`/_soan-thao/dang-nhap`) and the logout button every page of
//! a logged-in session shows. Plain forms, labelled fields, errors announced: readable by
//! screen readers and usable without JavaScript.

use super::{PREFIX, html};
use crate::text::html::escape;

/// Where the login form is.
pub const LOGIN: &str = "/_soan-thao/dang-nhap";
/// Where the logout button posts.
pub const LOGOUT: &str = "/_soan-thao/dang-xuat";

/// The login page: `error` above the form, `csrf` the process's token, `next` where to
/// go once logged in, `name` as typed before.
pub fn page(error: Option<&str>, csrf: &str, next: &str, name: &str) -> String {
    let alert = error.map_or_else(String::new, |e| {
        format!(
            "<div class=\"loi-chung\" role=\"alert\"><p>{}</p></div>\n",
            escape(e)
        )
    });
    let main = format!(
        "<h1>Đăng nhập để soạn thảo</h1>\n{alert}\
         <form method=\"post\" action=\"{LOGIN}\" class=\"dang-nhap\">\n\
         <input type=\"hidden\" name=\"csrf\" value=\"{}\">\n\
         <input type=\"hidden\" name=\"tiep\" value=\"{}\">\n\
         <label for=\"ten\">Tên đăng nhập</label>\n\
         <input type=\"text\" id=\"ten\" name=\"ten\" value=\"{}\" autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\" required>\n\
         <label for=\"mat-khau\">Mật khẩu</label>\n\
         <input type=\"password\" id=\"mat-khau\" name=\"mat-khau\" autocomplete=\"current-password\" required>\n\
         <p><button type=\"submit\" name=\"dang-nhap\" value=\"1\">Đăng nhập</button></p>\n</form>\n\
         <p class=\"goi-y\">Chưa có tài khoản hoặc quên mật khẩu? Nhờ cán bộ quản trị chạy lệnh \
         <code>congbo user add</code> hoặc <code>congbo user passwd</code>.</p>\n",
        escape(csrf),
        escape(next),
        escape(name),
    );
    html::layout("Đăng nhập", &main)
}

/// Where to go after login: the page asked for when it is one of the editor's, else the list.
pub fn next_of(asked: &str) -> String {
    let plain = asked.starts_with(PREFIX)
        && !asked.contains("//")
        && !asked.contains('\\')
        && asked.chars().all(|c| !c.is_control() && c != ' ');
    if plain && !asked.starts_with(LOGIN) {
        asked.to_string()
    } else {
        PREFIX.to_string()
    }
}

/// `page` with the account's name and its logout button in the header.
pub fn with_logout(page: String, user: &str, role_vi: &str, csrf: &str) -> String {
    let button = format!(
        "<form method=\"post\" action=\"{LOGOUT}\"><span>{} · {}</span> \
         <input type=\"hidden\" name=\"csrf\" value=\"{}\">\
         <button type=\"submit\" name=\"dang-xuat\" value=\"1\">Đăng xuất</button></form></header>",
        escape(user),
        escape(role_vi),
        escape(csrf)
    );
    page.replacen("</header>", &button, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_login_only_the_editors_own_pages_are_followed() {
        assert_eq!(
            next_of("/_soan-thao/sua/tin-tuc/mot.md"),
            "/_soan-thao/sua/tin-tuc/mot.md"
        );
        for bad in [
            "https://evil.example/",
            "//evil.example/",
            "/_soan-thao//x",
            "/tin-tuc/",
            "/_soan-thao/dang-nhap",
            "/_soan-thao/\r\nX: y",
        ] {
            assert_eq!(next_of(bad), PREFIX, "{bad:?}");
        }
    }

    #[test]
    fn the_login_page_labels_its_fields_and_escapes_what_was_typed() {
        let p = page(Some("sai"), "tok", "/_soan-thao/", "<lan>");
        assert!(p.contains("<label for=\"ten\">") && p.contains("<label for=\"mat-khau\">"));
        assert!(p.contains("value=\"&lt;lan&gt;\""), "{p}");
        assert!(p.contains("role=\"alert\""));
        let out = with_logout(p, "lan", "người xuất bản", "c");
        assert!(out.contains("Đăng xuất</button></form></header>"), "{out}");
    }
}
