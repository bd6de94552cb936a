//! What each view shows, field by field, and how serve keeps it right after an edit: the
//! declared side of [`super::affected_jobs`] and of the fast path (`fast.rs`). The test
//! below renders the contexts of every job of the example site, collects the key path of
//! every field the templates can read (`page.procedure.replaced_by`, `term.pages[]`), and
//! fails on any field not declared here, saying where to declare it. So a field added to
//! a view cannot leave serve stale silently: declaring it means saying what it shows, and
//! the kind it is declared under says which comparison of `affected.rs` covers it.
//!
//! Two parts need no declaring because serve compares them whole, derived from the views
//! themselves: a page's summary as lists show it (any object with exactly the fields of
//! `Views::summary`, written `{summary}` below; `listed` in `affected.rs` compares its
//! JSON), and the global `site` view (`same_frame` compares its JSON). The page views
//! inside a field's posting sheets (`sheets[].page`) are declared as `page`.
#![cfg(test)]

/// What a field shows, and so which comparison of serve covers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shows {
    /// The job's own page, from its front matter, tasks or files: `page_changed` compares
    /// the whole page and renders its own jobs again.
    Own,
    /// The job's own page, from its Markdown body: the fast path renders `page_jobs` of
    /// a page whose body alone changed; `page_changed` compares `rendered` otherwise.
    Body,
    /// Another page's summary: `listed` (compared whole as JSON), neighbours and slices.
    Summary,
    /// The number of pages of a term: `counts_changed`.
    TermCount,
    /// The same on every job, or what `same_frame` compares (pages' paths and sections,
    /// sections, terms' names and paths, agencies' names and paths, configuration, build
    /// date, the set of jobs): a change there renders every page.
    Frame,
    /// The pages citing this page's `number`: their titles (`retitled`) and who they are
    /// (`cited_by_changed`).
    Citers,
    /// The procedure replacing an abolished one: its summary's title and code (`listed`).
    Replacement,
    /// Plans' titles, paths, numbers and tasks, on agency pages: `plans`.
    Plans,
    /// Every cited document, on the documents index: `documents`.
    Documents,
    /// Every procedure by field (home, posting sheets): `home_changed`, `procedures`.
    Procedures,
    /// The surveys and contests open now (home), and which list of its index each is on:
    /// any survey or contest changed renders home and their indexes again
    /// (`jobs_of_changed`); which are open on the build date is `Frame`'s.
    Open,
}

use Shows::*;

/// Every field a template context shows besides `site` and summaries: the object (a key
/// path, `[]` for an array's items), its fields, and what they show.
#[rustfmt::skip]
pub(super) const SHOWN: &[(&str, &[&str], Shows)] = &[
    // Every job.
    ("", &["current_path", "current_url", "permalink", "search_fields[]", "search_index"], Frame),
    ("", &["qr_svg"], Own),
    ("nav[]", &["current", "external", "name", "path", "url"], Frame),
    // The feedback page, from `site.toml`.
    ("", &["feedback"], Frame),
    ("feedback", &["channels", "channels[]", "endpoint", "write_to"], Frame),
    ("feedback.channels[]", &["kind", "label", "value", "url", "qr_svg"], Frame),
    // The page of index results, from `data/chi-so.toml` (read with `site.toml`).
    ("", &["indexes"], Frame),
    ("indexes", &["indexes", "indexes[]", "json_url", "csv_url"], Frame),
    ("indexes.indexes[]", &[
        "name", "id", "years", "years[]", "score_chart", "rank_chart", "components_year",
        "components", "components[]", "components_chart",
    ], Frame),
    ("indexes.indexes[].years[]", &["year", "score", "max", "rank", "of"], Frame),
    ("indexes.indexes[].components[]", &["name", "score"], Frame),
    // A page (`page.html`, `procedure.html`, the posting sheet).
    ("page", &[
        "author", "authority", "authority_lines", "authority_lines[]", "code", "date",
        "description", "extra", "field", "files", "image", "json_ld", "kind", "number", "online",
        "online_class", "parent_authority", "path", "permalink", "plan", "procedure", "question", "event",
        "survey", "bulletin",
        "source", "tags", "fields", "time",
        "title", "updated", "url",
    ], Own),
    ("page", &["content", "reading_time", "summary", "toc", "word_count"], Body),
    ("page.toc[]", &["children", "id", "level", "title"], Body),
    ("page.toc[].children[]", &["children", "id", "level", "title"], Body),
    ("page", &["newer", "older"], Summary),
    ("page", &["cited_by", "cited_count", "cited_list"], Citers),
    ("page.cited_by[]", &["title"], Citers),
    ("page.cited_by[]", &["url"], Frame),
    ("page.tags[]", &["count"], TermCount),
    ("page.tags[]", &["name", "url"], Frame),
    ("page.fields[]", &["count"], TermCount),
    ("page.fields[]", &["name", "url"], Frame),
    ("page.section", &["count", "kind", "path", "title", "url"], Frame),
    ("page.files[]", &["exists", "ext", "name", "size", "size_text", "url"], Own),
    ("page.image", &[
        "alt", "height", "permalink", "src", "srcset", "url", "webp_srcset", "width",
    ], Own),
    ("page.plan", &[
        "attachments", "basis", "period", "place", "progress", "recipients", "recipients[]",
        "show_status", "signer", "tasks", "timeline",
    ], Own),
    ("page.plan.period", &["end", "start"], Own),
    ("page.plan.progress", &["done", "total"], Own),
    ("page.plan.signer", &["name", "sign_as", "title"], Own),
    ("page.plan.tasks[]", &[
        "due", "end", "lead", "leads", "leads[]", "name", "ongoing", "overdue", "partners",
        "partners[]", "quantity", "report_url", "result", "start", "status", "unreported",
    ], Own),
    ("page.plan.timeline", &["quarters[]"], Own),
    ("page.plan.timeline.rows[]", &[
        "due", "lead", "name", "ongoing", "overdue", "span", "start", "status", "unreported",
    ], Own),
    ("page.procedure", &[
        "agency", "code", "decision", "documents", "dossier_sets", "dossier_sets_text", "fee",
        "field", "legal_basis", "legal_basis[]", "level", "listed", "online", "online_class",
        "online_url", "processing_time", "receipt_hours", "receipt_place", "requirements",
        "requirements[]", "result", "sheet_url", "status", "subjects", "subjects[]", "ways",
        "ways[]",
    ], Own),
    ("page.procedure", &[
        "sheet_steps", "sheet_steps[]", "sheet_steps_shortened", "steps", "steps[]",
    ], Body),
    ("page.procedure", &["field_url"], Frame),
    ("page.question", &[
        "agency", "anonymous", "answered", "asked", "asker", "field", "question",
    ], Own),
    ("page.question", &["agency_url", "field_url"], Frame),
    // An event's facts; `upcoming` also reads the build date, which is `Frame`.
    ("page.event", &[
        "attendees", "date", "end_time", "event_type", "place", "presides", "time", "upcoming",
    ], Own),
    // A survey's or contest's facts; `status` and whether `join_url` is shown also read
    // the build date, which is `Frame`.
    ("page.survey", &[
        "end", "join_url", "participants", "results", "rules", "start", "status", "winners",
    ], Own),
    ("page.survey.rules", FILE, Own),
    ("page.survey.results", FILE, Own),
    ("page.survey.winners[]", &["name", "prize"], Own),
    // A bulletin's number, period and files, all from its front matter and bundle.
    ("page.bulletin", &[
        "attachments", "issue", "label", "period", "series", "year",
    ], Own),
    ("page.bulletin.period", &["end", "start"], Own),
    ("page.bulletin.attachments[]", &["exists", "ext", "name", "size", "size_text", "url"], Own),
    ("page.procedure", &["replaced_by"], Replacement),
    ("page.procedure.replaced_by", &["code", "title", "url"], Replacement),
    ("page.procedure.documents[]", &["copies", "form", "name", "originals"], Own),
    ("page.procedure.documents[].form", FILE, Own),
    // A field's page of posting sheets: each procedure's page, as `page` above.
    ("sheets[]", &["qr_svg"], Procedures),
    ("field", &["name", "url"], Frame),
    // A section list, home and the procedures index.
    ("section", &[
        "content", "description", "extra", "kind", "path", "permalink", "subsections", "title",
        "url",
    ], Frame),
    ("section", &["pages"], Summary),
    ("section.subsections[]", &["count", "kind", "path", "title", "url"], Frame),
    ("home", &["documents", "events", "news", "plans"], Summary),
    ("home", &[
        "documents_url", "events_url", "news_url", "plans_url", "procedures_url",
    ], Frame),
    ("home", &["procedure_fields", "procedures_total"], Procedures),
    ("home.procedure_fields[]", &["name", "url"], Frame),
    ("home", &["open"], Open),
    ("home.open[]", &["end", "kind", "title", "url"], Open),
    ("home.procedure_fields[]", &["procedures"], Procedures),
    ("procedure_fields[]", &["name", "url"], Frame),
    ("procedure_fields[]", &["procedures"], Procedures),
    // The questions index: groups and JSON-LD made of its questions' summaries.
    ("", &["questions_json_ld"], Summary),
    ("question_fields[]", &["name", "questions", "url"], Summary),
    // The events index: its events' summaries, upcoming then past, and its months (which
    // exist is the plan's; a month's count changes with an event's date, in its summary).
    ("event_lists", &["past", "upcoming"], Summary),
    // A survey or contest index: its pages' summaries, open, to come, then closed.
    ("survey_lists", &["closed", "open", "upcoming"], Open),
    ("event_lists", &["months"], Frame),
    ("event_lists.months[]", &["label", "url"], Frame),
    ("event_lists.months[]", &["count"], Summary),
    // A month's page of events: its events' summaries by day; the months around it are
    // the plan's.
    ("event_month", &[
        "label", "month", "url", "permalink", "section_title", "section_url", "prev", "next",
    ], Frame),
    ("event_month.prev", &["label", "url"], Frame),
    ("event_month.next", &["label", "url"], Frame),
    ("event_month", &["days"], Summary),
    ("event_month.days[]", &["date", "events"], Summary),
    // The bulletins' archive: its bulletins' summaries by year.
    ("bulletin_years[]", &["bulletins", "year"], Summary),
    // Taxonomies and terms.
    ("taxonomy", &["name", "title", "url"], Frame),
    ("taxonomy.terms[]", &["count"], TermCount),
    ("taxonomy.terms[]", &["name", "url"], Frame),
    ("term", &["name", "permalink", "url"], Frame),
    ("term", &["pages"], Summary),
    ("term", &["sheets_url"], Procedures),
    // Paginators: how many items a list has is the frame's (pages, sections, terms) or,
    // for an agency, its plans'.
    ("section.paginator", PAGINATOR, Frame),
    ("section.paginator.pages[]", PAGER_LINK, Frame),
    ("term.paginator", PAGINATOR, TermCount),
    ("term.paginator.pages[]", PAGER_LINK, TermCount),
    ("agency.paginator", PAGINATOR, Plans),
    ("agency.paginator.pages[]", PAGER_LINK, Plans),
    ("citations.paginator", PAGINATOR, Documents),
    ("citations.paginator.pages[]", PAGER_LINK, Documents),
    // Agencies.
    ("agencies[]", &["name", "url"], Frame),
    ("agencies[]", &["lead_count", "overdue_count", "partner_count"], Plans),
    ("agency", &["name", "permalink", "url"], Frame),
    ("agency", &["progress", "show_status", "task_count", "tasks"], Plans),
    ("agency.progress", &["done", "total"], Plans),
    ("agency.tasks[]", &[
        "due", "end", "lead", "leads", "leads[]", "name", "ongoing", "overdue", "partners",
        "partners[]", "plan_number", "plan_title", "plan_url", "quantity", "report_url", "result",
        "role", "start", "status", "unreported",
    ], Plans),
    // Cited documents: the index, and one document's list of citing pages.
    ("cited_documents[]", &[
        "cited_by", "cited_count", "cited_list", "date", "doc_type", "issuer", "number", "own_page",
        "title", "url",
    ], Documents),
    ("cited_documents[].cited_by[]", &["title"], Citers),
    ("cited_documents[].cited_by[]", &["url"], Frame),
    ("citations", &["document", "permalink", "url"], Documents),
    ("citations", &["pages"], Summary),
];

const PAGINATOR: &[&str] = &[
    "current",
    "first",
    "last",
    "next",
    "pages",
    "prev",
    "total_items",
    "total_pages",
];
const PAGER_LINK: &[&str] = &["current", "number", "url"];
/// A file of a page's bundle named in front matter (`views::FileView`).
const FILE: &[&str] = &["exists", "ext", "name", "size", "size_text", "url"];

/// The declared key path of every field.
fn declared() -> std::collections::BTreeMap<String, Shows> {
    let mut out = std::collections::BTreeMap::new();
    for (object, fields, shows) in SHOWN {
        for f in *fields {
            let path = if object.is_empty() {
                f.to_string()
            } else {
                format!("{object}.{f}")
            };
            let before = out.insert(path.clone(), *shows);
            assert!(before.is_none(), "{path} is declared twice in SHOWN");
        }
    }
    out
}

mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;
    use crate::build::BuildOptions;
    use crate::build::pipeline::{self, Bodies, Checking, Plan, Texts};
    use crate::render::jobs::{self, Job};

    /// Every key a template context has; the test fails on any other.
    const TOP: &[&str] = &[
        "agencies",
        "agency",
        "cached",
        "cited_documents",
        "citations",
        "feedback",
        "event_lists",
        "event_month",
        "bulletin_years",
        "current_path",
        "current_url",
        "field",
        "home",
        "indexes",
        "language_switch",
        "nav",
        "page",
        "permalink",
        "procedure_fields",
        "qr_svg",
        "question_fields",
        "questions_json_ld",
        "search_fields",
        "search_index",
        "section",
        "sheets",
        "survey_lists",
        "taxonomy",
        "term",
        "translations",
    ];

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            let target = to.join(e.file_name());
            if e.file_type().unwrap().is_dir() {
                copy_dir(&e.path(), &target);
            } else {
                std::fs::copy(e.path(), target).unwrap();
            }
        }
    }

    /// The key paths of `v`'s fields under `at`; an object with exactly a summary's fields
    /// is one path (`at{summary}`), compared whole by serve.
    fn key_paths(
        v: &serde_json::Value,
        at: &str,
        summary: &BTreeSet<String>,
        out: &mut BTreeSet<String>,
    ) {
        match v {
            serde_json::Value::Object(m)
                if m.keys().cloned().collect::<BTreeSet<_>>() == *summary =>
            {
                out.insert(format!("{at}{{summary}}"));
            }
            serde_json::Value::Object(m) if !m.is_empty() => {
                for (k, v) in m {
                    let at = if at.is_empty() {
                        k.clone()
                    } else {
                        format!("{at}.{k}")
                    };
                    key_paths(v, &at, summary, out);
                }
            }
            serde_json::Value::Array(a) if !a.is_empty() => {
                for v in a {
                    key_paths(v, &format!("{at}[]"), summary, out);
                }
            }
            _ => {
                out.insert(at.to_string());
            }
        }
    }

    /// A shown path as it is declared: sheets show pages as `page` does, a summary's items
    /// are declared by their list, and a table of contents nests to any depth.
    fn as_declared(path: &str) -> String {
        let mut p = path.replacen("sheets[].page", "page", 1);
        if let Some(list) = p.strip_suffix("{summary}") {
            p = list.trim_end_matches("[]").to_string();
        }
        while p.contains(".children[].children[]") {
            p = p.replace(".children[].children[]", ".children[]");
        }
        p
    }

    /// Every key path the contexts of the example site's jobs show.
    fn shown_by_the_example_site() -> BTreeSet<String> {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&repo.join("content"), &dir.path().join("content"));
        copy_dir(&repo.join("themes"), &dir.path().join("themes"));
        std::fs::copy(repo.join("site.toml"), dir.path().join("site.toml")).unwrap();
        let opts = BuildOptions {
            root: dir.path().to_path_buf(),
            ..BuildOptions::default()
        };
        let config = pipeline::config(&opts).unwrap();
        let plan = Plan {
            texts: Texts::Disk,
            bodies: Bodies::Render,
            checking: Checking::None,
            earlier: None,
        };
        let model = pipeline::model(&opts, config, plan).unwrap();
        let part = &model.parts[0];
        let views = crate::render::views::Views::bare(&part.site);
        let summary = match serde_json::to_value(views.summary(0)).unwrap() {
            serde_json::Value::Object(m) => m.keys().cloned().collect(),
            other => panic!("a summary is an object, not {other}"),
        };
        let mut out = BTreeSet::new();
        let all: Vec<Job> = jobs::plan(&part.site);
        assert!(all.len() > 50, "the example site has {} jobs", all.len());
        for j in all {
            if !jobs::theme_makes(&model.theme, j) {
                continue;
            }
            let mut ctx = jobs::prepare(&model.theme, &part.site, &part.links, j)
                .unwrap()
                .context;
            for k in TOP {
                if let Some(v) = ctx.remove(k) {
                    let v = serde_json::to_value(&v).unwrap();
                    key_paths(&v, k, &summary, &mut out);
                }
            }
            assert_eq!(
                ctx,
                tera::Context::new(),
                "{j:?} has a context key this test does not know: add it to TOP, and its \
                 fields to SHOWN in src/serve/affected/shown.rs"
            );
        }
        out
    }

    #[test]
    fn every_field_a_view_shows_is_declared() {
        let declared = declared();
        let missing: BTreeSet<String> = shown_by_the_example_site()
            .iter()
            .map(|p| as_declared(p))
            .filter(|p| !declared.contains_key(p))
            .collect();
        assert!(
            missing.is_empty(),
            "these fields are shown by a view (src/render/views/) but not declared in \
             SHOWN in src/serve/affected/shown.rs: {missing:?}. Declare each under what it \
             shows; if it shows another page's data, make sure `affected_jobs` (or the fast \
             path, for a page's body) renders the jobs showing it again when that data \
             changes, and add an edit to tests/serve_incremental.rs that proves it."
        );
    }

    #[test]
    fn a_summary_is_one_declared_field() {
        assert_eq!(as_declared("section.pages[]{summary}"), "section.pages");
        assert_eq!(as_declared("page.newer{summary}"), "page.newer");
        assert_eq!(
            as_declared("sheets[].page.toc[].children[].children[].id"),
            "page.toc[].children[].id"
        );
    }

    #[test]
    fn body_fields_are_only_on_the_pages_the_fast_path_renders() {
        // `page_jobs` renders a page, its posting sheet and its fields' sheets: the views
        // that show a page's own body. A body field anywhere else needs the fast path
        // changed too.
        for (path, shows) in declared() {
            if shows == Body {
                assert!(path.starts_with("page."), "{path} shows a page's body");
            }
        }
    }
}
