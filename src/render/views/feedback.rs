//! The page of feedback channels (phản ánh, kiến nghị): every way the plans name for a
//! citizen to report a problem or make a petition, from `site.toml` (`[contact]`,
//! `[feedback]`, `[social]`), in the order a citizen is most likely to use them. Web
//! addresses get a QR code, for the printed copy pinned at the one-stop desk.

use serde::Serialize;

use super::domain::qr_svg;
use crate::config::Config;

/// What the page shows.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct FeedbackView {
    /// Each channel the site has, in order.
    pub channels: Vec<Channel>,
    /// Where the form posts, when the site has one.
    pub endpoint: Option<String>,
    /// A `mailto:` address to write instead of the form (no endpoint, or no JavaScript
    /// needed either way), when the site has an e-mail.
    pub write_to: Option<String>,
}

/// The kind of a channel, which chooses its words and icon in the theme.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// The hotline (`tel:`).
    Hotline,
    /// The office's phone (`tel:`).
    Phone,
    /// E-mail (`mailto:`).
    Email,
    /// The office's address, to come in person.
    Address,
    /// Office hours, with the address.
    Hours,
    /// The national feedback system.
    Portal,
    /// The Zalo Official Account.
    Zalo,
    /// The Facebook page.
    Facebook,
    /// The YouTube channel.
    Youtube,
}

/// One channel.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Channel {
    /// What it is.
    pub kind: ChannelKind,
    /// The theme's string key of its name (`feedback_hotline`).
    pub label: String,
    /// What is shown: the number, address or web address.
    pub value: String,
    /// Where its link goes (`tel:…`, `mailto:…`, `https://…`); empty for the address
    /// and hours.
    pub url: String,
    /// The QR code of a web address (inline SVG); empty for the others.
    pub qr_svg: String,
}

/// The view of the page for the site `c`.
pub fn view(c: &Config) -> FeedbackView {
    let mut channels = Vec::new();
    let mut add = |kind, value: &Option<String>, url: &dyn Fn(&str) -> String, qr: bool| {
        if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            let url = url(v);
            channels.push(Channel {
                kind,
                label: format!("feedback_{}", label(kind)),
                value: v.to_string(),
                qr_svg: if qr {
                    qr_svg(&url).unwrap_or_default()
                } else {
                    String::new()
                },
                url,
            });
        }
    };
    let tel = |v: &str| format!("tel:{}", v.replace([' ', '.'], ""));
    let web = |v: &str| v.to_string();
    let none = |_: &str| String::new();
    add(ChannelKind::Hotline, &c.contact.hotline, &tel, false);
    add(ChannelKind::Phone, &c.contact.phone, &tel, false);
    add(
        ChannelKind::Email,
        &c.contact.email,
        &|v| format!("mailto:{v}"),
        false,
    );
    add(ChannelKind::Address, &c.contact.address, &none, false);
    add(ChannelKind::Hours, &c.contact.hours, &none, false);
    add(
        ChannelKind::Portal,
        &Some(c.feedback.portal.clone()),
        &web,
        true,
    );
    add(ChannelKind::Zalo, &c.social.zalo, &web, true);
    add(ChannelKind::Facebook, &c.social.facebook, &web, true);
    add(ChannelKind::Youtube, &c.social.youtube, &web, false);
    FeedbackView {
        channels,
        endpoint: c.feedback.endpoint.clone(),
        write_to: c
            .contact
            .email
            .as_deref()
            .map(|e| format!("mailto:{}", e.trim())),
    }
}

fn label(kind: ChannelKind) -> &'static str {
    match kind {
        ChannelKind::Hotline => "hotline",
        ChannelKind::Phone => "phone",
        ChannelKind::Email => "email",
        ChannelKind::Address => "address",
        ChannelKind::Hours => "hours",
        ChannelKind::Portal => "portal",
        ChannelKind::Zalo => "zalo",
        ChannelKind::Facebook => "facebook",
        ChannelKind::Youtube => "youtube",
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::{Overrides, parse};

    fn config(extra: &str) -> Config {
        parse(
            &format!("title = \"Xã Thử\"\nbase_url = \"https://xa.example.gov.vn/\"\n{extra}"),
            Path::new("site.toml"),
            &Overrides::default(),
        )
        .unwrap()
    }

    #[test]
    fn every_channel_of_the_site_in_order_with_qr_codes_for_web_addresses() {
        let v = view(&config(
            "[contact]\nhotline = \"0299 3812 199\"\nemail = \"ubnd@xa.example.gov.vn\"\naddress = \"Số 1\"\nhours = \"Thứ Hai – thứ Sáu\"\n[social]\nzalo = \"https://zalo.me/123\"\nfacebook = \"https://www.facebook.com/xathu\"\n[feedback]\nendpoint = \"https://form.example.gov.vn/\"\n",
        ));
        let kinds: Vec<ChannelKind> = v.channels.iter().map(|c| c.kind).collect();
        use ChannelKind::*;
        assert_eq!(
            kinds,
            [Hotline, Email, Address, Hours, Portal, Zalo, Facebook]
        );
        assert_eq!(v.channels[0].url, "tel:02993812199");
        assert_eq!(v.channels[1].url, "mailto:ubnd@xa.example.gov.vn");
        for c in &v.channels {
            let wants_qr = matches!(c.kind, Portal | Zalo | Facebook);
            assert_eq!(!c.qr_svg.is_empty(), wants_qr, "{:?}", c.kind);
        }
        assert!(v.channels[5].qr_svg.contains("https://zalo.me/123"));
        assert_eq!(v.endpoint.as_deref(), Some("https://form.example.gov.vn/"));
        assert_eq!(v.write_to.as_deref(), Some("mailto:ubnd@xa.example.gov.vn"));
    }

    #[test]
    fn a_site_without_settings_still_names_the_national_system() {
        let v = view(&config(""));
        assert_eq!(v.channels.len(), 1);
        assert_eq!(v.channels[0].kind, ChannelKind::Portal);
        assert_eq!(v.channels[0].url, crate::config::feedback::NATIONAL_PORTAL);
        assert_eq!((v.endpoint, v.write_to), (None, None));
    }
}
