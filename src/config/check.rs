//! `[check]` of `site.toml`: which rules of the check stage only warn. The names of the
//! rules are what an editor writes there, so they are configuration read with the rest of
//! `site.toml`; the check stage (`crate::check`) applies them.

use serde::{Deserialize, Serialize};

/// A rule of the check, as named in `[check] warn`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// A link to a page or file the site does not have.
    Links,
    /// A link to an anchor (`#muc-1`) the page does not have.
    Anchors,
    /// An image the site does not have.
    Images,
    /// An image without alt text.
    Alt,
    /// A procedure's `form` or a plan's `attachments` file missing from the page bundle.
    Files,
    /// An external link that does not answer (`congbo check --external` only).
    External,
}

/// `[check]` in `site.toml`.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CheckConfig {
    /// Rules whose findings are warnings, not errors.
    #[serde(default)]
    pub warn: Vec<Rule>,
}
