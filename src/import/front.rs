//! The front matter of an imported page, in TOML: only the keys the document gave, in the
//! order the guide shows them; the original file in `attachments`.

use super::header::Meta;
use crate::content::Kind;

/// A TOML basic string.
fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The front matter block, `+++` lines included.
pub(crate) fn front_matter(
    kind: Kind,
    title: &str,
    meta: &Meta,
    attachment: Option<&str>,
) -> String {
    let mut out = String::from("+++\n");
    out.push_str(&format!("title = {}\n", quote(title)));
    // Number, authority, signer… are keys of plans and documents only; the build refuses
    // them on other kinds.
    let official = matches!(kind, Kind::Plan | Kind::Document);
    if official {
        if let Some(n) = &meta.number {
            out.push_str(&format!("number = {}\n", quote(n)));
        }
        if let Some(p) = &meta.parent_authority {
            out.push_str(&format!("parent_authority = {}\n", quote(p)));
        }
        if let Some(a) = &meta.authority {
            out.push_str(&format!("authority = {}\n", quote(a)));
        }
        if let Some(p) = &meta.place {
            out.push_str(&format!("place = {}\n", quote(p)));
        }
    }
    if let Some(d) = meta.date {
        out.push_str(&format!("date = {}\n", d.iso()));
    }
    if official {
        if let Some(s) = &meta.signer {
            let mut parts = vec![format!("name = {}", quote(&s.name))];
            if let Some(t) = &s.title {
                parts.push(format!("title = {}", quote(t)));
            }
            if let Some(a) = &s.sign_as {
                parts.push(format!("sign_as = {}", quote(a)));
            }
            out.push_str(&format!("signer = {{ {} }}\n", parts.join(", ")));
        }
        if !meta.recipients.is_empty() {
            let list: Vec<String> = meta.recipients.iter().map(|r| quote(r)).collect();
            out.push_str(&format!("recipients = [{}]\n", list.join(", ")));
        }
        if let Some(a) = attachment {
            out.push_str(&format!("attachments = [{}]\n", quote(a)));
        }
    }
    out.push_str("+++\n");
    out
}
