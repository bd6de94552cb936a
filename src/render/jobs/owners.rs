//! The site path of each job and, for the pages congbo makes (not a content file's page),
//! what it is in words: the other side of an error when content takes its URL
//! ([`crate::content::urls`]).

use super::{Job, SEARCH_PATH};
use crate::render::views::pager_path;
use crate::site::Site;
use crate::site::agencies::AGENCY_SECTION;

/// The site path job `j` is published at (`/tin-tuc/trang/2/`, `/404.html`).
pub fn job_path(site: &Site, j: Job) -> String {
    match j {
        Job::Page(i) => site.pages[i].page.path.clone(),
        Job::Section { section, page } => pager_path(&site.sections[section].section.path, page),
        Job::TaxonomyList(t) => site.taxonomies[t].path.clone(),
        Job::Term {
            taxonomy,
            term,
            page,
        } => pager_path(&site.taxonomies[taxonomy].terms[term].path, page),
        Job::AgencyList => AGENCY_SECTION.to_string(),
        Job::Agency { agency, page } => pager_path(&site.agencies[agency].path, page),
        Job::DocumentsIndex => site
            .documents_index_path()
            .unwrap_or_else(|| "/van-ban/".into()),
        Job::Citations { document, page } => pager_path(
            site.documents[document].list.as_deref().unwrap_or("/"),
            page,
        ),
        Job::ProcedureSheet(i) => format!("{}in/", site.pages[i].page.path),
        Job::FieldSheets(t) => format!("{}in/", site.taxonomies[1].terms[t].path),
        Job::NotFound => "/404.html".to_string(),
        Job::Search => SEARCH_PATH.to_string(),
        Job::Feedback => super::FEEDBACK_PATH.to_string(),
        Job::Indexes => super::INDEXES_PATH.to_string(),
        Job::EventMonth { section, month } => {
            crate::site::events::month_path(&site.sections[section].section.path, month)
        }
    }
}

/// What job `j` makes, in words, when congbo makes it; `None` for a page of a content file
/// (a page, a section's first list page), which is a claim of the content itself.
pub fn made_by(site: &Site, j: Job) -> Option<String> {
    let nth = |page: usize, what: String| {
        if page == 1 {
            what
        } else {
            crate::tr!(en: "page {page} of {what}", vi: "trang {page} của {what}")
        }
    };
    Some(match j {
        Job::Page(_) | Job::Section { page: 1, .. } => return None,
        Job::Section { section, page } => {
            let s = &site.sections[section].section;
            let file = s
                .file
                .as_ref()
                .map_or_else(|| format!("content/{}", s.key), |f| f.display().to_string());
            nth(
                page,
                crate::tr!(en: "the list of {file}", vi: "danh sách của {file}"),
            )
        }
        Job::TaxonomyList(t) => match site.taxonomies[t].name {
            "tags" => crate::tr!(en: "the tag index", vi: "trang danh sách chủ đề"),
            "fields" => crate::tr!(en: "the field index", vi: "trang danh sách lĩnh vực"),
            other => crate::tr!(en: "the index of {other}", vi: "trang danh sách {other}"),
        },
        Job::Term {
            taxonomy,
            term,
            page,
        } => {
            let tax = &site.taxonomies[taxonomy];
            let name = &tax.terms[term].name;
            let what = match tax.name {
                "tags" => crate::tr!(en: "the page of tag {name}", vi: "trang của chủ đề {name}"),
                "fields" => {
                    crate::tr!(en: "the page of field {name}", vi: "trang của lĩnh vực {name}")
                }
                other => crate::tr!(en: "the page of {other} {name}", vi: "trang {other} {name}"),
            };
            nth(page, what)
        }
        Job::AgencyList => crate::tr!(en: "the agency index", vi: "trang danh sách cơ quan"),
        Job::Agency { agency, page } => {
            let name = &site.agencies[agency].name;
            nth(
                page,
                crate::tr!(en: "the page of agency {name}", vi: "trang của cơ quan {name}"),
            )
        }
        Job::DocumentsIndex => crate::tr!(
            en: "the index of cited documents",
            vi: "trang danh mục văn bản được trích dẫn",
        ),
        Job::Citations { document, page } => {
            let number = &site.documents[document].number;
            nth(
                page,
                crate::tr!(
                    en: "the list of pages citing {number}",
                    vi: "danh sách các trang trích dẫn {number}",
                ),
            )
        }
        Job::ProcedureSheet(i) => crate::tr!(
            en: "the posting sheet of {}",
            vi: "bản niêm yết của {}",
            site.pages[i].page.file.display()
        ),
        Job::FieldSheets(t) => {
            let name = &site.taxonomies[1].terms[t].name;
            crate::tr!(
                en: "the posting sheets of field {name}",
                vi: "các bản niêm yết của lĩnh vực {name}",
            )
        }
        Job::NotFound => crate::tr!(en: "the 404 page", vi: "trang 404"),
        Job::Search => crate::tr!(en: "the search page", vi: "trang tìm kiếm"),
        Job::Feedback => crate::tr!(en: "the feedback page", vi: "trang phản ánh, kiến nghị"),
        Job::Indexes => {
            crate::tr!(en: "the page of index results (data/chi-so.toml)", vi: "trang kết quả các chỉ số (data/chi-so.toml)")
        }
        Job::EventMonth { section, month } => {
            let key = &site.sections[section].section.key;
            let label = month.label();
            crate::tr!(
                en: "the page of the events of {label} in content/{key}",
                vi: "trang lịch tháng {label} của content/{key}",
            )
        }
    })
}
