//! schema.org JSON-LD of a page: `GovernmentService` for procedures, `NewsArticle` for
//! news, `QAPage` for questions (`question.rs`), `Event` for events (`event.rs`), `PublicationIssue` for bulletins (`bulletin.rs`). Typed and borrowed, serialised once:
//! building `serde_json::Value` trees (with `json!`) for every page cost 2% of a build. Fields are declared in alphabetical order,
//! the order the earlier `Value` maps wrote, so the bytes are the same.

use serde::Serialize;

use super::Views;
use super::domain::script_safe_json_string;
use crate::content::Kind;

#[derive(Serialize)]
struct Organization<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct Person<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Author<'a> {
    Person(Person<'a>),
    Organization(Organization<'a>),
}

#[derive(Serialize)]
struct Audience<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "audienceType")]
    audience_type: &'a str,
}

#[derive(Serialize)]
struct ServiceChannel<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "serviceUrl")]
    service_url: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GovernmentService<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    /// The commune the service is for; unknown (left out) without `authority`.
    #[serde(skip_serializing_if = "Option::is_none")]
    area_served: Option<&'a str>,
    audience: Vec<Audience<'a>>,
    available_channel: Option<ServiceChannel<'a>>,
    description: Option<&'a str>,
    identifier: Option<&'a str>,
    name: &'a str,
    provider: Organization<'a>,
    service_type: Option<&'a str>,
    url: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NewsArticle<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    author: Author<'a>,
    date_modified: Option<String>,
    date_published: Option<String>,
    description: Option<&'a str>,
    headline: &'a str,
    image: Option<String>,
    in_language: &'a str,
    main_entity_of_page: String,
    publisher: Organization<'a>,
}

impl Views<'_> {
    /// schema.org JSON-LD for page `i`, safe inside `<script>`; none for other kinds.
    pub fn json_ld(&self, i: usize) -> Option<String> {
        let c = &self.site.config;
        let p = &self.site.pages.get(i)?.page;
        let provider = || Organization {
            kind: "GovernmentOrganization",
            // Never empty: a page's publisher without a name is an error to search engines.
            name: c.owner_name(),
            url: &c.base_url,
        };
        let json = match p.kind {
            Kind::Procedure => {
                let m = p.procedure.as_ref()?;
                serde_json::to_string(&GovernmentService {
                    context: "https://schema.org",
                    kind: "GovernmentService",
                    area_served: (!c.authority.is_empty()).then_some(c.authority.as_str()),
                    audience: m
                        .subjects
                        .iter()
                        .map(|s| Audience {
                            kind: "Audience",
                            audience_type: s,
                        })
                        .collect(),
                    available_channel: m.online_url.as_deref().map(|u| ServiceChannel {
                        kind: "ServiceChannel",
                        service_url: u,
                    }),
                    description: p.description.as_deref(),
                    identifier: m.code.as_deref(),
                    name: &p.title,
                    provider: provider(),
                    service_type: m.field.as_deref(),
                    url: c.permalink(&p.path),
                })
            }
            Kind::News => serde_json::to_string(&NewsArticle {
                context: "https://schema.org",
                kind: "NewsArticle",
                author: p.author.as_deref().map_or_else(
                    || Author::Organization(provider()),
                    |a| {
                        Author::Person(Person {
                            kind: "Person",
                            name: a,
                        })
                    },
                ),
                date_modified: p.updated.or(p.date).map(|d| d.iso()),
                date_published: p.date.map(|d| d.iso()),
                description: p.description.as_deref(),
                headline: &p.title,
                image: self.image_permalink(i),
                in_language: &c.language,
                main_entity_of_page: c.permalink(&p.path),
                publisher: provider(),
            }),
            Kind::Question => return self.qa_page_json_ld(i),
            Kind::Event => return self.event_json_ld(i),
            Kind::Survey | Kind::Contest => return self.survey_json_ld(i),
            Kind::Bulletin => return self.bulletin_json_ld(i),
            _ => return None,
        };
        Some(script_safe_json_string(
            json.unwrap_or_else(|_| "{}".into()),
        ))
    }
}
