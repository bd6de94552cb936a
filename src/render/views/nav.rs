//! The main menu as one page's header shows it (`nav`): `site.nav` with the entries the page
//! is under marked `current`. The rule used to be the theme's, worked out in every page's
//! template for every entry, 4% of a build's instructions at 1,000 pages; here it is a
//! string comparison, and the menus a page can get (no entry current, or one) are template
//! values made once a build and shared.

use serde::Serialize;

use super::{MenuView, Views};

/// One menu entry for a page's header.
#[derive(Serialize)]
struct NavEntry<'a> {
    name: &'a str,
    url: &'a str,
    path: &'a str,
    external: bool,
    /// The page is this entry's page or under it: home only on the home page, an external
    /// link never.
    current: bool,
}

/// The menu with the shared values of its common states.
#[derive(Default)]
pub(super) struct NavStates {
    entries: Vec<MenuView>,
    /// `shared[i]`: entry `i` current; the last: none. Empty for views made for a few pages.
    shared: Vec<tera::Value>,
}

/// Whether a page at `path` is under menu entry `m`.
fn is_current(m: &MenuView, path: &str) -> bool {
    !m.external
        && if m.path == "/" {
            path == "/"
        } else {
            path.starts_with(&m.path)
        }
}

impl NavStates {
    /// The menu of `views`, with (`share`) or without its common states made.
    pub(super) fn new(views: &Views<'_>, share: bool) -> Self {
        Self::of(views.nav(), share)
    }

    /// The states of menu `entries`.
    fn of(entries: Vec<MenuView>, share: bool) -> Self {
        let mut states = NavStates {
            entries,
            shared: Vec::new(),
        };
        if share {
            states.shared = (0..=states.entries.len())
                .map(|i| states.value(|k| k == i))
                .collect();
        }
        states
    }

    /// The menu with entry `k` current where `current(k)`.
    fn value(&self, current: impl Fn(usize) -> bool) -> tera::Value {
        let entries: Vec<NavEntry<'_>> = self
            .entries
            .iter()
            .enumerate()
            .map(|(k, m)| NavEntry {
                name: &m.name,
                url: &m.url,
                path: &m.path,
                external: m.external,
                current: current(k),
            })
            .collect();
        tera::Value::from_serializable(&entries)
    }

    /// The menu for the page at site path `path`.
    pub(super) fn for_path(&self, path: &str) -> tera::Value {
        let mut current = self.entries.iter().map(|m| is_current(m, path));
        let first = current.position(|c| c);
        let more = current.any(|c| c);
        match first {
            _ if more || self.shared.is_empty() => {
                self.value(|k| is_current(&self.entries[k], path))
            }
            Some(k) => self.shared[k].clone(),
            None => self.shared[self.entries.len()].clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, external: bool) -> MenuView {
        MenuView {
            name: path.to_string(),
            url: path.to_string(),
            path: path.to_string(),
            external,
        }
    }

    fn currents(states: &NavStates, path: &str) -> Vec<bool> {
        let value = states.for_path(path);
        value
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                e.as_map()
                    .unwrap()
                    .get(&tera::value::Key::Str("current"))
                    .unwrap()
                    .as_bool()
                    .unwrap()
            })
            .collect()
    }

    #[test]
    fn a_page_is_current_under_its_entry_home_only_at_home_external_never() {
        let entries = [
            entry("/", false),
            entry("/tin-tuc/", false),
            entry("/tin-tuc/su-kien/", false),
            entry("https://dichvucong.gov.vn/", true),
        ];
        for share in [false, true] {
            let states = NavStates::of(
                entries.iter().map(|e| entry(&e.path, e.external)).collect(),
                share,
            );
            let cases: [(&str, [bool; 4]); 6] = [
                ("/", [true, false, false, false]),
                ("/tin-tuc/", [false, true, false, false]),
                ("/tin-tuc/bai-1/", [false, true, false, false]),
                ("/tin-tuc/su-kien/le-hoi/", [false, true, true, false]),
                ("/thu-tuc/", [false, false, false, false]),
                ("https://dichvucong.gov.vn/x", [false, false, false, false]),
            ];
            for (path, want) in cases {
                assert_eq!(currents(&states, path), want, "{path}, shared: {share}");
            }
        }
    }
}
