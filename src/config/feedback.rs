//! `[feedback]` and `[social]`: where citizens send a report or petition (phản ánh, kiến
//! nghị) besides the hotline and e-mail of `[contact]`, and the commune's Zalo Official
//! Account, Facebook page and YouTube channel. Every address is checked here, at its line:
//! they are written on every page (the footer), so one that could run a script is an error,
//! and the form's endpoint must be `https://` since it carries citizens' names and phones.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Diagnostic, line_col};
use crate::text::address::{self, Address};

/// The national system that receives reports and petitions on administrative rules and
/// procedures, a part of the Cổng Dịch vụ công quốc gia the plans name. The plans of
/// `../shared/corpus/` name the portal but give no address for its feedback part (the one
/// dichvucong.gov.vn address there is a procedure's page), so this is the portal's own
/// address for sending a report; a site whose province names another sets `[feedback]
/// portal`.
pub const NATIONAL_PORTAL: &str = "https://dichvucong.gov.vn/p/phananhkiennghi/pakn-gui-pakn.html";

/// `[feedback]`, resolved.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Feedback {
    /// Where the page's form posts (`https://…`); without it the page has no form.
    pub endpoint: Option<String>,
    /// The national feedback system's address ([`NATIONAL_PORTAL`] unless set).
    pub portal: String,
}

/// `[social]`, resolved: the commune's own accounts.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Social {
    /// Zalo Official Account (`https://zalo.me/…`).
    pub zalo: Option<String>,
    /// Facebook page.
    pub facebook: Option<String>,
    /// YouTube channel.
    pub youtube: Option<String>,
}

type Spanned = toml::Spanned<String>;

/// `[feedback]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFeedback {
    endpoint: Option<Spanned>,
    portal: Option<Spanned>,
}

/// `[social]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSocial {
    zalo: Option<Spanned>,
    facebook: Option<Spanned>,
    youtube: Option<Spanned>,
}

/// Checks and resolves both tables; `text` is the whole `site.toml`, for lines.
pub(super) fn resolve(
    feedback: RawFeedback,
    social: RawSocial,
    text: &str,
    file: &Path,
) -> Result<(Feedback, Social), Diagnostic> {
    let web = |key: &str,
               v: Option<Spanned>,
               https_only: bool|
     -> Result<Option<String>, Diagnostic> {
        let Some(v) = v else { return Ok(None) };
        let value = v.get_ref().trim();
        if value.is_empty() {
            return Ok(None);
        }
        let ok = if https_only {
            address::is_https(value)
        } else {
            address::classify(value) == Address::Web
                && address::web_parts(value).is_some_and(|p| !p.host.is_empty())
        };
        if ok {
            return Ok(Some(value.to_string()));
        }
        let (line, col) = line_col(text, v.span().start);
        Err(Diagnostic::at(
            file,
            line,
            col,
            if https_only {
                crate::tr!(
                    en: "`{key}` is \"{value}\"; the form sends citizens' names and phone numbers there, so it must be an https:// address (https://host/…)",
                    vi: "`{key}` là \"{value}\"; biểu mẫu gửi họ tên và số điện thoại của người dân đến đó, nên phải là địa chỉ https:// (https://tên-miền/…)",
                )
            } else {
                crate::tr!(
                    en: "`{key}` is \"{value}\", which is not a web address; write it in full, like https://zalo.me/… or https://www.facebook.com/…",
                    vi: "`{key}` là \"{value}\", không phải địa chỉ trang web; hãy viết đầy đủ, như https://zalo.me/… hoặc https://www.facebook.com/…",
                )
            },
        ))
    };
    Ok((
        Feedback {
            endpoint: web("[feedback] endpoint", feedback.endpoint, true)?,
            portal: web("[feedback] portal", feedback.portal, false)?
                .unwrap_or_else(|| NATIONAL_PORTAL.to_string()),
        },
        Social {
            zalo: web("[social] zalo", social.zalo, false)?,
            facebook: web("[social] facebook", social.facebook, false)?,
            youtube: web("[social] youtube", social.youtube, false)?,
        },
    ))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::config::{Overrides, parse};

    fn site(extra: &str) -> Result<crate::config::Config, crate::error::Diagnostic> {
        parse(
            &format!("title = \"Xã Thử\"\nbase_url = \"https://xa.example.gov.vn/\"\n{extra}"),
            Path::new("site.toml"),
            &Overrides::default(),
        )
    }

    #[test]
    fn feedback_and_social_are_read_with_the_national_portal_by_default() {
        let c = site("[feedback]\nendpoint = \"https://form.example.gov.vn/pakn\"\n\n[social]\nzalo = \"https://zalo.me/123\"\nfacebook = \"https://www.facebook.com/xathu\"\n[contact]\nhours = \"Thứ Hai đến thứ Sáu\"\n").unwrap();
        assert_eq!(
            c.feedback.endpoint.as_deref(),
            Some("https://form.example.gov.vn/pakn")
        );
        assert_eq!(c.feedback.portal, super::NATIONAL_PORTAL);
        assert_eq!(c.social.zalo.as_deref(), Some("https://zalo.me/123"));
        assert_eq!(c.social.youtube, None);
        assert_eq!(c.contact.hours.as_deref(), Some("Thứ Hai đến thứ Sáu"));
        let none = site("").unwrap();
        assert_eq!(none.feedback.endpoint, None);
        assert_eq!(none.social, super::Social::default());
    }

    #[test]
    fn bad_addresses_are_errors_at_their_line() {
        let e = site("\n[social]\nfacebook = \"javascript:alert(1)\"\n").unwrap_err();
        assert_eq!(e.line, 5, "{e:?}");
        assert!(e.message.contains("[social] facebook"), "{}", e.message);
        let e = site("[feedback]\nendpoint = \"http://form.example.gov.vn/\"\n").unwrap_err();
        assert_eq!(e.line, 4, "{e:?}");
        assert!(e.message.contains("https://"), "{}", e.message);
        let e = site("[social]\nzalo = \"zalo.me/123\"\n").unwrap_err();
        assert_eq!(e.line, 4);
        let e = site("[social]\ntiktok = \"https://tiktok.com/@x\"\n").unwrap_err();
        assert!(e.message.contains("tiktok"), "{}", e.message);
    }
}
