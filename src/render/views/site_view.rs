//! The `site` view every template sees, with the main menu and its navigation.

use super::*;

impl<'a> Views<'a> {
    /// The `site` view.
    pub fn site_view(&self) -> SiteView<'a> {
        let c = self.config();
        let has_news = self.site.pages.iter().any(|p| p.page.kind == Kind::News);
        SiteView {
            title: &c.title,
            description: &c.description,
            base_url: &c.base_url,
            base_path: &c.base_path,
            home_url: &c.base_path,
            language: &c.language,
            authority: &c.authority,
            authority_lines: crate::text::authority::header(&c.authority).lines,
            parent_authority: &c.parent_authority,
            contact: &c.contact,
            menu: self.menu(),
            nav: self.nav(),
            sections: self
                .site
                .sections
                .iter()
                .filter(|s| s.section.parent.as_deref() == Some(""))
                .map(|s| self.section_link(s))
                .collect(),
            taxonomies: self
                .site
                .taxonomies
                .iter()
                .filter(|t| !t.terms.is_empty())
                .map(|t| LinkView {
                    title: &t.title,
                    url: c.url(&t.path),
                })
                .collect(),
            feed_rss: has_news.then(|| c.url("/rss.xml")),
            feed_atom: has_news.then(|| c.url("/atom.xml")),
            build_date: self.site.build_date,
            build_year: self.site.build_date.year,
            agencies_url: (!self.site.agencies.is_empty())
                .then(|| c.url(crate::site::agencies::AGENCY_SECTION)),
            documents_url: self.site.documents_index_path().map(|p| c.url(&p)),
            json_ld: self.organization_json_ld(),
            share_image: match c.share_image.as_deref() {
                Some(u) if crate::text::address::classify(u).leaves_site() => u.to_string(),
                Some(p) => c.permalink(p),
                None => c.permalink("/anh-chia-se.png"),
            },
            search_url: c.url(crate::render::jobs::SEARCH_PATH),
            search_external_url: c.search.external_url.as_deref(),
            social: &c.social,
            feedback_url: c.url(crate::render::jobs::FEEDBACK_PATH),
            extra: &c.extra,
        }
    }

    /// The `[[menu]]` of site.toml, its URLs resolved for the base path and language.
    fn menu(&self) -> Vec<MenuView> {
        let c = self.config();
        c.menu
            .iter()
            .map(|m| {
                let external = m.is_external();
                // A language's menu is written from the site root (`/en/news/`); its
                // path, compared with the page's, is within the language (`/news/`).
                let rel = m.url.trim_start_matches('/');
                let in_lang = rel
                    .strip_prefix(&c.language)
                    .and_then(|r| r.strip_prefix('/'))
                    .filter(|_| c.base_path != c.root_path);
                MenuView {
                    name: m.name.clone(),
                    url: if external {
                        m.url.clone()
                    } else {
                        format!("{}{rel}", c.root_path)
                    },
                    path: if external {
                        String::new()
                    } else {
                        format!("/{}", in_lang.unwrap_or(rel))
                    },
                    external,
                }
            })
            .collect()
    }

    /// The main menu as the header shows it: the `[[menu]]` of site.toml, else home and the
    /// top-level sections. Made once a build, not in every page's template.
    pub(super) fn nav(&self) -> Vec<MenuView> {
        let menu = self.menu();
        if !menu.is_empty() {
            return menu;
        }
        let c = self.config();
        let home = MenuView {
            name: c.strings.label("home", "Trang chủ"),
            url: c.base_path.clone(),
            path: "/".to_string(),
            external: false,
        };
        std::iter::once(home)
            .chain(
                self.site
                    .sections
                    .iter()
                    .filter(|s| s.section.parent.as_deref() == Some(""))
                    .map(|s| MenuView {
                        name: s.section.title.clone(),
                        url: c.url(&s.section.path),
                        path: s.section.path.clone(),
                        external: false,
                    }),
            )
            .collect()
    }
}
