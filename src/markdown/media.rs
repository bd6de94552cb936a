//! Audio and video in a page body. A paragraph that holds nothing but one link or image
//! to a bundle's `.mp3`/`.m4a`/`.ogg` becomes an audio player, to its `.mp4`/`.webm` a
//! video player (with the same-name `.jpg`/`.png`/`.webp` as its poster); a YouTube link
//! alone in its paragraph becomes a youtube-nocookie embed (no cookies until played) and a
//! Facebook video link a plain link card, so that neither needs `iframe_hosts` nor loads a
//! third-party script. Loudspeaker bulletins are the main case: `preload="none"` keeps a
//! cheap phone from fetching megabytes before the reader asks, and a download link is
//! always there for the phones whose browser cannot play the file.
//!
//! The markup is written here and nowhere else; [`super::sanitize`] lets exactly it through.

pub mod duration;

use std::collections::HashMap;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::LinkContext;
use crate::text::address::{self, Address};
use crate::text::html::escape_into;

/// The host of the privacy-friendly YouTube embeds congbo writes.
pub const YOUTUBE_EMBED_HOST: &str = "www.youtube-nocookie.com";

/// Audio and video files of the site, by site path (`/tin-tuc/a/ban-tin.mp3`).
pub type MediaFiles = HashMap<String, MediaFile>;

/// What is known of one audio or video file of a bundle.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MediaFile {
    /// Seconds, when the file's headers tell it.
    pub seconds: Option<u32>,
    /// A video's poster: the extension of its same-name image (`jpg`).
    pub poster_ext: Option<String>,
}

/// The words the players say, from the theme's strings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MediaLabels {
    /// Before a file's download link ("Tải về").
    pub download: String,
    /// Before a duration ("Thời lượng").
    pub duration: String,
    /// A Facebook video's link card ("Xem video trên Facebook").
    pub facebook: String,
    /// A YouTube video's name when its link has no text ("Video trên YouTube").
    pub youtube: String,
    /// The button that loads a YouTube video ("Xem video").
    pub play: String,
}

impl Default for MediaLabels {
    fn default() -> Self {
        MediaLabels {
            download: "Tải về".into(),
            duration: "Thời lượng".into(),
            facebook: "Xem video trên Facebook".into(),
            youtube: "Video trên YouTube".into(),
            play: "Xem video".into(),
        }
    }
}

/// Which player a file's extension asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MediaKind {
    /// `.mp3`, `.m4a`, `.ogg`.
    Audio,
    /// `.mp4`, `.webm`.
    Video,
}

/// The player a file name asks for, by its extension (any case).
pub fn kind_of(name: &str) -> Option<MediaKind> {
    let path = name.split(['?', '#']).next().unwrap_or(name);
    let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
    match ext.as_str() {
        "mp3" | "m4a" | "ogg" => Some(MediaKind::Audio),
        "mp4" | "webm" => Some(MediaKind::Video),
        _ => None,
    }
}

/// The markup that replaces a paragraph whose events (between its start and end) are
/// `inner`, or `None` to keep it. `page_path` is the page's site path.
pub(super) fn paragraph(inner: &[Event<'_>], ctx: &LinkContext, page_path: &str) -> Option<String> {
    let (dest, text) = alone(inner)?;
    let dest = address::trim(&dest);
    if let Some(id) = youtube_id(dest) {
        return Some(youtube(&id, &text, &ctx.media_labels));
    }
    if is_facebook_video(dest) {
        return Some(facebook(dest, &text, &ctx.media_labels));
    }
    let kind = kind_of(dest)?;
    let file = site_path(dest, ctx, page_path)
        .and_then(|p| ctx.media.get(&p))
        .cloned()
        .unwrap_or_default();
    Some(match kind {
        MediaKind::Audio => audio(dest, &text, file.seconds, &ctx.media_labels),
        MediaKind::Video => video(dest, &text, &file, &ctx.media_labels),
    })
}

/// The one link or image a paragraph holds, as its address and its text; or a web
/// address written alone as text.
fn alone(inner: &[Event<'_>]) -> Option<(String, String)> {
    match inner {
        [Event::Text(t)] => {
            let t = t.trim();
            (!t.contains(char::is_whitespace) && address::classify(t) == Address::Web)
                .then(|| (t.to_string(), String::new()))
        }
        [
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }),
            middle @ ..,
            Event::End(TagEnd::Link | TagEnd::Image),
        ] => {
            let mut text = String::new();
            for e in middle {
                match e {
                    Event::Text(t) | Event::Code(t) => text.push_str(t),
                    Event::SoftBreak | Event::HardBreak => text.push(' '),
                    _ => return None,
                }
            }
            let text = text.trim().to_string();
            // An autolink's text is its address: no name of its own.
            let text = if text == dest_url.as_ref() {
                String::new()
            } else {
                text
            };
            Some((dest_url.to_string(), text))
        }
        _ => None,
    }
}

/// The site path a local address of a page points to, for the file table.
fn site_path(dest: &str, ctx: &LinkContext, page_path: &str) -> Option<String> {
    let target = dest.split(['?', '#']).next().unwrap_or(dest);
    match address::classify(target) {
        Address::Relative => {
            let joined = super::links::join_relative(page_path, target)?;
            Some(format!("/{joined}"))
        }
        Address::SitePath => {
            let root = ctx.root_path.as_deref().unwrap_or(&ctx.base_path);
            let rest = target
                .strip_prefix(root)
                .or_else(|| target.strip_prefix('/'))?;
            Some(format!("/{rest}"))
        }
        _ => None,
    }
}

/// The video id of a YouTube watch, short or shorts address, on YouTube's own hosts only.
pub fn youtube_id(url: &str) -> Option<String> {
    let parts = address::web_parts(url)?;
    let host = parts.host.to_ascii_lowercase();
    let rest = parts.rest.replace('\\', "/");
    let (path, query) = rest.split_once('?').unwrap_or((&rest, ""));
    let query = query.split('#').next().unwrap_or("");
    let id = match host.as_str() {
        "youtu.be" => path.trim_start_matches('/').split('/').next()?.to_string(),
        "youtube.com" | "www.youtube.com" | "m.youtube.com" => {
            if path == "/watch" {
                query
                    .split('&')
                    .find_map(|kv| kv.strip_prefix("v="))?
                    .to_string()
            } else {
                path.strip_prefix("/shorts/")?
                    .split('/')
                    .next()?
                    .to_string()
            }
        }
        _ => return None,
    };
    let valid = id.len() == 11
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    valid.then_some(id)
}

/// Whether `url` is a Facebook video (`facebook.com/…/videos/…`, `/watch`, `/reel/`,
/// `fb.watch/…`), on Facebook's own hosts only.
pub fn is_facebook_video(url: &str) -> bool {
    let Some(parts) = address::web_parts(url) else {
        return false;
    };
    let host = parts.host.to_ascii_lowercase();
    let path = parts.rest.split(['?', '#']).next().unwrap_or("");
    match host.as_str() {
        "fb.watch" => path.len() > 1,
        "facebook.com" | "www.facebook.com" | "m.facebook.com" | "web.facebook.com" => {
            path.contains("/videos/") || path.starts_with("/watch") || path.starts_with("/reel/")
        }
        _ => false,
    }
}

fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_into(value, out);
    out.push('"');
}

/// The name of a file for its caption: the link's text, else its file name.
fn name_of<'t>(text: &'t str, dest: &'t str) -> &'t str {
    if text.is_empty() {
        dest.rsplit('/').next().unwrap_or(dest)
    } else {
        text
    }
}

fn audio(dest: &str, text: &str, seconds: Option<u32>, l: &MediaLabels) -> String {
    let name = name_of(text, dest);
    let mut h =
        String::from("<figure class=\"media media-audio\"><audio controls=\"\" preload=\"none\"");
    attr(&mut h, "src", dest);
    attr(&mut h, "aria-label", name);
    h.push_str("></audio><figcaption>");
    download(&mut h, dest, name, l);
    length(&mut h, seconds, l);
    h.push_str("</figcaption></figure>\n");
    h
}

/// A file's length in its caption, when its headers told it.
fn length(h: &mut String, seconds: Option<u32>, l: &MediaLabels) {
    if let Some(s) = seconds {
        h.push_str(" <span class=\"media-duration\">");
        escape_into(&l.duration, h);
        h.push_str(": <time");
        attr(h, "datetime", &duration::iso(s));
        h.push('>');
        h.push_str(&duration::format(s));
        h.push_str("</time></span>");
    }
}

fn video(dest: &str, text: &str, file: &MediaFile, l: &MediaLabels) -> String {
    let poster_ext = file.poster_ext.as_deref();
    let name = name_of(text, dest);
    let mut h = String::from(
        "<figure class=\"media media-video\"><video controls=\"\" preload=\"metadata\"",
    );
    attr(&mut h, "src", dest);
    if let Some(ext) = poster_ext
        && let Some((stem, _)) = dest.rsplit_once('.')
    {
        attr(&mut h, "poster", &format!("{stem}.{ext}"));
    }
    attr(&mut h, "aria-label", name);
    h.push_str("></video><figcaption>");
    download(&mut h, dest, name, l);
    length(&mut h, file.seconds, l);
    h.push_str("</figcaption></figure>\n");
    h
}

fn download(h: &mut String, dest: &str, name: &str, l: &MediaLabels) {
    h.push_str("<a");
    attr(h, "href", dest);
    h.push_str(" download=\"\">");
    escape_into(&l.download, h);
    h.push_str(": ");
    escape_into(name, h);
    h.push_str("</a>");
}

fn youtube(id: &str, text: &str, l: &MediaLabels) -> String {
    let title = if text.is_empty() { &l.youtube } else { text };
    let mut h =
        String::from("<figure class=\"media media-embed\"><div class=\"embed-16x9\"><iframe");
    attr(
        &mut h,
        "src",
        &format!("https://{YOUTUBE_EMBED_HOST}/embed/{id}"),
    );
    if let Some(doc) = facade(id, &l.play) {
        attr(&mut h, "srcdoc", &doc);
    }
    attr(&mut h, "title", title);
    h.push_str(" loading=\"lazy\" allow=\"encrypted-media; picture-in-picture; fullscreen\" allowfullscreen=\"\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe></div><figcaption><a");
    attr(
        &mut h,
        "href",
        &format!("https://www.youtube.com/watch?v={id}"),
    );
    h.push('>');
    escape_into(title, &mut h);
    h.push_str("</a></figcaption></figure>\n");
    h
}

/// The page an embed shows until the reader asks for the video (`srcdoc`, which browsers
/// show instead of `src`): a play button whose link loads the player in the frame. Until
/// then nothing is fetched from YouTube, neither its half-megabyte player on a metered
/// phone nor a request that tells Google who reads the commune's page. `None` for a label
/// that would need escaping, which [`is_facade`] could not tell from an editor's HTML.
pub fn facade(id: &str, label: &str) -> Option<String> {
    if label.contains(['<', '>', '&', '"', '\'']) {
        return None;
    }
    Some(format!(
        "<style>html,body{{margin:0;height:100%}}a{{display:flex;height:100%;align-items:center;justify-content:center;background:#000;color:#fff;font:700 18px sans-serif;text-decoration:none}}span{{background:#c00;border-radius:12px;padding:12px 22px}}a:focus span{{outline:3px solid #fff;outline-offset:3px}}</style><a href=\"https://{YOUTUBE_EMBED_HOST}/embed/{id}?autoplay=1\"><span>&#9654; {label}</span></a>"
    ))
}

/// Whether a `srcdoc` is exactly a [`facade`] congbo writes: the sanitiser keeps no other
/// (a `srcdoc` is a whole page, scripts included).
pub fn is_facade(srcdoc: &str) -> bool {
    let prefix = format!("href=\"https://{YOUTUBE_EMBED_HOST}/embed/");
    let Some((_, rest)) = srcdoc.split_once(&prefix) else {
        return false;
    };
    let Some((id, rest)) = rest.split_once("?autoplay=1\"><span>&#9654; ") else {
        return false;
    };
    let Some(label) = rest.strip_suffix("</span></a>") else {
        return false;
    };
    youtube_id(&format!("https://youtu.be/{id}")).as_deref() == Some(id)
        && facade(id, label).as_deref() == Some(srcdoc)
}

fn facebook(dest: &str, text: &str, l: &MediaLabels) -> String {
    let mut h = String::from("<p class=\"link-card link-card-video\"><a");
    attr(&mut h, "href", dest);
    h.push_str(" rel=\"noopener\">");
    escape_into(if text.is_empty() { &l.facebook } else { text }, &mut h);
    h.push_str("</a> <span class=\"link-card-host\">Facebook</span></p>\n");
    h
}

#[cfg(test)]
mod tests;
