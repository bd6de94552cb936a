//! Owns the one rule that says where an address points: a content file (`@/…`), a path of
//! this host (`/…`), a place read from the page's own address (`anh.jpg`, `#muc`), another
//! web site (`https://…`, `//host/…`), an e-mail or a phone call, or a scheme congbo never
//! writes because it can run code or reach the reader's own machine (`javascript:`,
//! `data:`, `file:`, `c:\…`, anything unknown).
//!
//! Addresses are read the way a browser reads them, since the browser decides where a
//! link goes: leading and trailing spaces and control characters do not count, tabs and
//! line breaks inside are ignored (`java\tscript:` is `javascript:`), the scheme's case
//! does not matter, and a backslash counts as a slash. Anything doubtful is refused
//! rather than guessed: a colon before the first `/`, `?` or `#` is a scheme, and only
//! the four known ones pass.
//!
//! Every part of congbo that asks "does this leave the site", "is this a web address",
//! "may this run a script" calls [`classify`]; templates ask it through the `external`
//! test and the `address_kind` filter. A test of this module fails when another copy of
//! the rule appears in `src/` or `themes/`.

use std::borrow::Cow;

/// Where an address points; see [`classify`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Address {
    /// `@/tin-tuc/a.md`: a content file, by its path under `content/`.
    Content,
    /// `/tin-tuc/`: a path from the root of the host the site is served from.
    SitePath,
    /// `anh.jpg`, `../a/`, `./a`, `#muc`, `?trang=2`, or nothing at all: read from the
    /// address of the page it is written on.
    Relative,
    /// `https://…` or `http://…`, in any case: another web site, scheme given.
    Web,
    /// `//host/…`: another web site, in the scheme of the page that links to it.
    OtherHost,
    /// `mailto:…` or `tel:…`: an e-mail or a phone call, opened by the reader's device.
    Contact,
    /// Any other scheme: `javascript:`, `vbscript:`, `data:`, `file:`, `ftp:` (which
    /// browsers no longer open), `c:\…`, `:x`. congbo never writes one as a link.
    Refused,
}

impl Address {
    /// Whether the address leaves the site: another host, a contact or a refused scheme.
    /// The others ([`Address::Content`], [`Address::SitePath`], [`Address::Relative`])
    /// stay on the host the page is served from.
    pub fn leaves_site(self) -> bool {
        matches!(
            self,
            Address::Web | Address::OtherHost | Address::Contact | Address::Refused
        )
    }

    /// Whether it is an address of another web site, with or without its scheme.
    pub fn is_web(self) -> bool {
        matches!(self, Address::Web | Address::OtherHost)
    }

    /// The name templates see (the `address_kind` filter): `content`, `site_path`,
    /// `relative`, `web`, `other_host`, `contact` or `refused`.
    pub fn name(self) -> &'static str {
        match self {
            Address::Content => "content",
            Address::SitePath => "site_path",
            Address::Relative => "relative",
            Address::Web => "web",
            Address::OtherHost => "other_host",
            Address::Contact => "contact",
            Address::Refused => "refused",
        }
    }
}

/// The address without what a browser drops around it: spaces and control characters
/// (every character up to U+0020) at either end.
pub fn trim(address: &str) -> &str {
    address.trim_matches(|c: char| c <= ' ')
}

/// Where `address` points, read as a browser reads it (see the module's documentation).
pub fn classify(address: &str) -> Address {
    let trimmed = trim(address);
    let s: Cow<'_, str> = if trimmed.contains(['\t', '\n', '\r']) {
        Cow::Owned(
            trimmed
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect(),
        )
    } else {
        Cow::Borrowed(trimmed)
    };
    let slash = |c: char| c == '/' || c == '\\';
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some('@'), Some('/')) => return Address::Content,
        (Some(a), Some(b)) if slash(a) && slash(b) => return Address::OtherHost,
        (Some(a), _) if slash(a) => return Address::SitePath,
        _ => {}
    }
    let first = s.split(['/', '\\', '?', '#']).next().unwrap_or_default();
    let Some((scheme, _)) = first.split_once(':') else {
        return Address::Relative;
    };
    let is = |name: &str| scheme.eq_ignore_ascii_case(name);
    if is("http") || is("https") {
        Address::Web
    } else if is("mailto") || is("tel") {
        Address::Contact
    } else {
        Address::Refused
    }
}

/// The parts of a web address written with its scheme and `//`
/// (`https://xa.gov.vn/tin-tuc/?a#b`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WebParts<'a> {
    /// `http` or `https`, as written.
    pub scheme: &'a str,
    /// What comes between `//` and the first `/`, `\`, `?` or `#`: the host, with a port
    /// or a user name when the address gives them (`xa.gov.vn`); may be empty.
    pub host: &'a str,
    /// The rest, from that character on (`/tin-tuc/?a#b`); may be empty.
    pub rest: &'a str,
}

/// Splits an `http://` or `https://` address (any case, spaces around it dropped) into
/// scheme, host and the rest; `None` for every other address.
pub fn web_parts(address: &str) -> Option<WebParts<'_>> {
    let s = trim(address);
    let (scheme, after) = s.split_once(':')?;
    if classify(s) != Address::Web {
        return None;
    }
    let after = after
        .strip_prefix("//")
        .or_else(|| after.strip_prefix("\\\\"))?;
    let end = after.find(['/', '\\', '?', '#']).unwrap_or(after.len());
    Some(WebParts {
        scheme,
        host: &after[..end],
        rest: &after[end..],
    })
}

/// Whether `address` is an `https://` address (any case) that names a host: where a page
/// may send what a reader types in.
pub fn is_https(address: &str) -> bool {
    web_parts(address).is_some_and(|p| p.scheme.eq_ignore_ascii_case("https") && !p.host.is_empty())
}

#[cfg(test)]
mod tests;
