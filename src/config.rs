//! `site.toml`: what the site is called, where it is deployed, who owns it. Parsed from a
//! string into a resolved [`Config`] so the rules are tested without disk.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::Diagnostic;

mod agencies;
pub mod check;
pub mod deploy;
pub mod editor;
pub mod feedback;
pub mod indexes;
mod languages;
pub mod strings;
pub mod toml_explain;
pub mod toml_keys;
mod toml_text;
pub use languages::Language;
use languages::{RawLanguage, resolve_languages, table_line};
use strings::Catalogue;
use toml_text::mark_menu_lines;
pub use toml_text::{key_line, toml_error, toml_to_json};

/// How many of the next events the home page lists when `site.toml` does not say: a short
/// block, as the home page must stay within its weight budget on a cheap phone.
pub const HOME_EVENTS: usize = 3;

/// The resolved site configuration every later stage reads.
#[derive(Clone, Debug, Serialize)]
pub struct Config {
    /// Site title.
    pub title: String,
    /// One-line description for search engines and feeds.
    pub description: String,
    /// Absolute base URL with a trailing slash (`https://host/xa-thanh-an/`), or a bare path.
    pub base_url: String,
    /// The path part of `base_url`, always starting and ending with `/` (`/xa-thanh-an/`).
    pub base_path: String,
    /// Language code (`vi`).
    pub language: String,
    /// Theme folder name under `themes/`.
    pub theme: String,
    /// The site's owner (`Ủy ban nhân dân xã …`).
    pub authority: String,
    /// The authority above the owner, shown above it in the header (`Tỉnh …`).
    pub parent_authority: String,
    /// Items per list page.
    pub paginate_by: usize,
    /// Entries per feed.
    pub feed_limit: usize,
    /// How many of the next events the home page lists (`0`: none).
    pub home_events: usize,
    /// Contact details shown in the footer and on the contact page.
    pub contact: Contact,
    /// `[feedback]`: the feedback page's form and the national feedback system.
    pub feedback: feedback::Feedback,
    /// `[social]`: the commune's Zalo, Facebook and YouTube, in every page's footer.
    pub social: feedback::Social,
    /// `data/chi-so.toml`, read by [`crate::build::load_config`] when the site has it:
    /// the site then has the page `/chi-so/` and its open data. A configuration parsed
    /// alone has none.
    #[serde(skip)]
    pub indexes: Option<Arc<Vec<indexes::IndexResult>>>,
    /// Main navigation.
    pub menu: Vec<MenuItem>,
    /// Legal-citation settings.
    pub legal: Legal,
    /// Let raw HTML in Markdown through unsanitised (a warning says so on every build).
    pub unsafe_html: bool,
    /// Hosts whose `https://` pages may be embedded with `<iframe>` (video).
    pub iframe_hosts: Vec<String>,
    /// Write `.htaccess` (Apache) and `web.config` (IIS) into the output (default true).
    pub server_files: bool,
    /// The picture shown when a page without an image of its own is shared (Zalo, Facebook):
    /// a site path or a full URL; the theme's `anh-chia-se.png` when unset.
    pub share_image: Option<String>,
    /// `[check]`: which check rules only warn.
    pub check: check::CheckConfig,
    /// Search settings (`[search]`).
    pub search: SearchConfig,
    /// The browser editor's settings (`[editor]`); nothing a template needs.
    #[serde(skip)]
    pub editor: editor::EditorConfig,
    /// What `site.toml` asks that congbo cannot do as written, said as warnings (an
    /// abbreviation of `authority` the document header cannot write in full).
    #[serde(skip)]
    pub warnings: Vec<Diagnostic>,
    /// The site's own spellings of its agencies (`[agencies] aliases`).
    #[serde(skip)]
    pub agency_aliases: crate::text::agency::Aliases,
    /// Free-form settings for templates.
    pub extra: serde_json::Value,
    /// `[deploy.<name>]`: where `congbo deploy` sends the site, in the file's order (the
    /// first is the default). Not for templates.
    #[serde(skip)]
    pub deploy: Vec<deploy::DeployTarget>,
    /// The other languages the site is also published in (`[languages.en]`), by code.
    pub languages: Vec<Language>,
    /// The base path of the whole site (`/xa-thanh-an/`): equal to `base_path`, except in a
    /// language's configuration, whose `base_path` is its own folder (`/xa-thanh-an/en/`).
    pub root_path: String,
    /// The theme's strings in `language`; [`crate::build::load_config`] loads them, and a
    /// configuration parsed alone has none (the code then writes Vietnamese).
    #[serde(skip)]
    pub strings: Arc<Catalogue>,
}

/// Contact details of the site's owner.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Postal address.
    pub address: Option<String>,
    /// Office phone.
    pub phone: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Hotline for complaints and recommendations (phản ánh, kiến nghị).
    pub hotline: Option<String>,
    /// When the office receives citizens ("Sáng 7 giờ – 11 giờ, thứ Hai đến thứ Sáu").
    pub hours: Option<String>,
}

/// One entry of the main navigation.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    /// Label.
    pub name: String,
    /// Site path (`/tin-tuc/`) or absolute URL.
    pub url: String,
    /// The line of this entry's `url` in `site.toml` (of its `[[menu]]` header when it has
    /// no `url` line of its own), so that the link check can point at it; 0 when unknown.
    #[serde(skip)]
    pub line: usize,
}

impl MenuItem {
    /// Whether the entry leaves the site: `https://…`, `//host/…`, `mailto:…`, `tel:…`
    /// ([`crate::text::address`]). Anything else is a site path from the site root, with
    /// or without its first `/`.
    pub fn is_external(&self) -> bool {
        crate::text::address::classify(&self.url).leaves_site()
    }
}

/// How legal citations are linked when the site has no page for the cited document.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Legal {
    /// URL template with `{number}`, e.g. `https://vbpl.vn/tim-kiem?q={number}`.
    pub resolver: Option<String>,
}

/// `[search]`: where the search form sends a query when the browser runs no JavaScript.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SearchConfig {
    /// An external search page that takes the query as `q` (e.g. a search engine limited
    /// to the site). Without it, the search form is hidden when JavaScript is off.
    pub external_url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    #[serde(default)]
    description: String,
    base_url: String,
    language: Option<String>,
    theme: Option<String>,
    #[serde(default)]
    authority: String,
    #[serde(default)]
    parent_authority: String,
    paginate_by: Option<usize>,
    feed_limit: Option<usize>,
    home_events: Option<usize>,
    #[serde(default)]
    contact: Contact,
    #[serde(default)]
    feedback: feedback::RawFeedback,
    #[serde(default)]
    social: feedback::RawSocial,
    #[serde(default)]
    menu: Vec<MenuItem>,
    #[serde(default)]
    legal: Legal,
    #[serde(default)]
    unsafe_html: bool,
    #[serde(default)]
    iframe_hosts: Vec<String>,
    server_files: Option<bool>,
    share_image: Option<String>,
    #[serde(default)]
    check: check::CheckConfig,
    #[serde(default)]
    search: SearchConfig,
    #[serde(default)]
    editor: editor::EditorConfig,
    #[serde(default)]
    agencies: agencies::RawAgencies,
    #[serde(default)]
    extra: toml::Table,
    #[serde(default)]
    deploy: deploy::RawTargets,
    #[serde(default)]
    languages: std::collections::BTreeMap<String, RawLanguage>,
}

/// Command-line values that win over `site.toml`.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// `--base-url`.
    pub base_url: Option<String>,
}

/// The site's `language` as `site.toml` gives it ("vi" when unset, as [`parse`] takes it),
/// read before anything else to choose the language of congbo's messages; a file that does
/// not parse counts as the default, and its errors are reported by the build.
pub fn site_language(text: &str) -> String {
    toml::from_str::<toml::Table>(text)
        .ok()
        .and_then(|t| t.get("language")?.as_str().map(str::to_string))
        .unwrap_or_else(|| "vi".into())
}

/// Parses `site.toml` text; `file` only names the file in errors.
pub fn parse(text: &str, file: &Path, overrides: &Overrides) -> Result<Config, Diagnostic> {
    let text = crate::text::normalize::nfc(text);
    let mut raw: RawConfig = toml::from_str(&text).map_err(|e| toml_error(&text, file, 1, &e))?;
    mark_menu_lines(&text, "menu", &mut raw.menu);
    for (code, l) in &mut raw.languages {
        mark_menu_lines(&text, &format!("languages.{code}.menu"), &mut l.menu);
    }
    let menus = raw
        .menu
        .iter()
        .chain(raw.languages.values().flat_map(|l| &l.menu));
    // The header writes an address with a scheme as it is: only those that cannot run code,
    // by the rule Markdown links follow.
    let plain = |m: &&MenuItem| {
        crate::text::address::classify(&m.url) != crate::text::address::Address::Refused
    };
    if let Some(m) = menus.into_iter().find(|m| !plain(m)) {
        return Err(Diagnostic::at(
            file,
            m.line,
            usize::from(m.line > 0),
            crate::tr!(
                en: "the menu entry \"{}\" has the address {}, which is not a page, web, e-mail or phone address and could run a script from every page; write the address of a page (url = \"/tin-tuc/\"), of another site (https://…), mailto: or tel:",
                vi: "mục menu \"{}\" có địa chỉ {}, không phải địa chỉ trang, trang web, thư điện tử hay số điện thoại và có thể chạy một đoạn mã trên mọi trang; hãy viết địa chỉ của một trang (url = \"/tin-tuc/\"), của một trang web khác (https://…), mailto: hoặc tel:",
                m.name, m.url
            ),
        ));
    }
    let base_url = overrides.base_url.clone().unwrap_or(raw.base_url);
    let (base_url, base_path) = resolve_base_url(&base_url).map_err(|msg| {
        let line = key_line(&text, "base_url").unwrap_or(0);
        Diagnostic::at(file, line, 1, msg)
    })?;
    let paginate_by = raw.paginate_by.unwrap_or(10);
    if paginate_by == 0 {
        let line = key_line(&text, "paginate_by").unwrap_or(0);
        return Err(Diagnostic::at(
            file,
            line,
            1,
            crate::tr!(
                en: "`paginate_by` must be 1 or more",
                vi: "`paginate_by` phải từ 1 trở lên",
            ),
        ));
    }
    if let Some(r) = &raw.legal.resolver
        && !r.contains("{number}")
    {
        let line = key_line(&text, "resolver").unwrap_or(0);
        return Err(Diagnostic::at(
            file,
            line,
            1,
            crate::tr!(
                en: "`[legal] resolver` must contain `{{number}}` where the document number goes",
                vi: "`[legal] resolver` phải có `{{number}}` ở chỗ đặt số hiệu văn bản",
            ),
        ));
    }
    let agency_aliases = agencies::resolve(raw.agencies, &text, file)?;
    let deploy = deploy::resolve(raw.deploy, &text, file)?;
    let (feedback, social) = feedback::resolve(raw.feedback, raw.social, &text, file)?;
    let language = raw.language.unwrap_or_else(|| "vi".into());
    let languages = resolve_languages(
        raw.languages,
        &language,
        &raw.authority,
        &raw.parent_authority,
    )
    .map_err(|(code, msg)| {
        let line = table_line(&text, &format!("languages.{code}")).unwrap_or(0);
        Diagnostic::at(file, line, 1, msg)
    })?;
    let line = key_line(&text, "authority").unwrap_or(0);
    let warnings = crate::text::authority::header(&raw.authority)
        .unknown
        .iter()
        .map(|w| {
            Diagnostic::at(
                file,
                line,
                1,
                crate::text::authority::unknown_abbreviation(w),
            )
        })
        .collect();
    Ok(Config {
        warnings,
        title: raw.title,
        description: raw.description,
        root_path: base_path.clone(),
        base_url,
        base_path,
        language,
        theme: raw.theme.unwrap_or_else(|| "cong-thong-tin".into()),
        authority: raw.authority,
        parent_authority: raw.parent_authority,
        paginate_by,
        feed_limit: raw.feed_limit.unwrap_or(20),
        home_events: raw.home_events.unwrap_or(HOME_EVENTS),
        contact: raw.contact,
        feedback,
        social,
        indexes: None,
        menu: raw.menu,
        legal: raw.legal,
        unsafe_html: raw.unsafe_html,
        iframe_hosts: raw.iframe_hosts,
        server_files: raw.server_files.unwrap_or(true),
        share_image: raw.share_image.filter(|s| !s.trim().is_empty()),
        check: raw.check,
        search: SearchConfig {
            external_url: raw.search.external_url.filter(|u| !u.trim().is_empty()),
        },
        editor: raw.editor.checked(&text, file)?,
        agency_aliases,
        extra: toml_to_json(&toml::Value::Table(raw.extra)),
        deploy,
        languages,
        strings: Arc::default(),
    })
}

impl Config {
    /// The name of the site's owner for machines (schema.org): `authority`, else the
    /// site's title, which names it too ("Cổng thông tin điện tử xã …").
    pub fn owner_name(&self) -> &str {
        if self.authority.is_empty() {
            &self.title
        } else {
            &self.authority
        }
    }

    /// The root-relative URL of a site path: `/tin-tuc/` → `/xa-thanh-an/tin-tuc/`.
    pub fn url(&self, path: &str) -> String {
        joined(&self.base_path, path.trim_start_matches('/'))
    }

    /// The absolute URL of a site path, for feeds, sitemaps and sharing.
    pub fn permalink(&self, path: &str) -> String {
        joined(&self.base_url, path.trim_start_matches('/'))
    }
}

/// `a` then `b` in one string of the right size. Not `format!`: URLs are made tens of
/// thousands of times a build (every link of every list), and the formatting machinery
/// costs several times the copy.
fn joined(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len());
    s.push_str(a);
    s.push_str(b);
    s
}

/// Splits a base URL into its normalised form and its path part.
fn resolve_base_url(url: &str) -> Result<(String, String), String> {
    let url = url.trim();
    let path = match crate::text::address::web_parts(url) {
        Some(parts) => {
            if parts.host.is_empty() {
                return Err(crate::tr!(
                    en: "`base_url` \"{url}\" has no host; write it like https://xa-thanh-an.gov.vn/",
                    vi: "`base_url` \"{url}\" thiếu tên miền; hãy viết như https://xa-thanh-an.gov.vn/",
                ));
            }
            parts.rest
        }
        None if url.starts_with('/') => url,
        None => {
            return Err(crate::tr!(
                en: "`base_url` \"{url}\" must start with https:// or http:// (or be a path such as /)",
                vi: "`base_url` \"{url}\" phải bắt đầu bằng https:// hoặc http:// (hoặc là một đường dẫn như /)",
            ));
        }
    };
    let mut path = path.to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    if path.is_empty() {
        path.push('/');
    }
    let mut full = url.to_string();
    if !full.ends_with('/') {
        full.push('/');
    }
    Ok((full, path))
}

#[cfg(test)]
mod tests;
