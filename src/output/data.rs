//! Machine-readable open data, written on every build: `/data/plans.json`,
//! `/data/agencies.json`, `/data/procedures.json`, `/data/procedures.csv`,
//! `/data/documents.json`, `/data/tasks.ics`, `/data/tasks.csv`, `/data/hoi-dap.json` and
//! `/data/lich.ics`; and, when the site has `data/chi-so.toml`, `/data/chi-so.json` and
//! `/data/chi-so.csv`; and, when it has surveys or contests, `/data/khao-sat.json` or
//! `/data/cuoc-thi.json`; and, when it has bulletins, `/data/ban-tin.json`. Field names and order are the content format's contract; URLs are
//! absolute permalinks; the order of items never depends on anything but the content. JSON
//! is pretty-printed UTF-8. The CSVs are UTF-8 with a byte order mark (so spreadsheet
//! programs read Vietnamese correctly), every field quoted, CRLF line ends. The calendars
//! follow RFC 5545: CRLF, lines folded at 75 octets, TEXT escaped.

mod bulletins;
mod ics;
mod indexes;
mod questions;
mod surveys;
mod tasks;

use std::collections::HashMap;

use serde::Serialize;

use crate::content::Kind;
use crate::content::page::ProcedureMeta;
use crate::markdown::links::resolver_for;
use crate::output_file::{OutputData, OutputFile};
use crate::site::agencies::{Agency, Role};
use crate::site::documents::{CitedDocument, document_key, page_citations, shown_number};
use crate::site::procedures::{Replacement, replacement};
use crate::site::tasks::Task;
use crate::site::{PageEntry, Site};
use crate::text::date::Date;
pub use ics::{ics_escape, ics_fold};
use tasks::{TaskJson, TaskOutcome, open_view, task_json, tasks_csv};

#[derive(Serialize)]
struct PlanJson<'a> {
    title: &'a str,
    url: String,
    number: Option<&'a str>,
    authority: Option<&'a str>,
    date: Option<Date>,
    tasks: Vec<TaskJson<'a>>,
    citations: Vec<&'a str>,
}

/// An agency: its name in full, and every spelling the plans use for it.
#[derive(Serialize)]
struct AgencyJson<'a> {
    name: &'a str,
    slug: &'a str,
    url: String,
    spellings: Vec<&'a str>,
    tasks: Vec<AgencyTaskJson<'a>>,
}

/// A task of an agency, with the agency's name as that plan spelt it.
#[derive(Serialize)]
struct AgencyTaskJson<'a> {
    plan_url: String,
    name: &'a str,
    role: Role,
    spelling: &'a str,
    due: Option<&'a str>,
    start: Option<Date>,
    end: Option<Date>,
    #[serde(flatten)]
    outcome: TaskOutcome<'a>,
}

/// A procedure: its front matter keys in the contract's order, then `url`.
#[derive(Serialize)]
struct ProcedureJson<'a> {
    title: &'a str,
    code: Option<&'a str>,
    field: Option<&'a str>,
    agency: Option<&'a str>,
    level: Option<&'a str>,
    online: &'a str,
    online_url: Option<&'a str>,
    ways: &'a [String],
    processing_time: Option<&'a str>,
    fee: Option<&'a str>,
    subjects: &'a [String],
    result: Option<&'a str>,
    legal_basis: &'a [String],
    documents: Vec<DossierJson<'a>>,
    requirements: &'a [String],
    dossier_sets: Option<u32>,
    receipt_place: Option<&'a str>,
    receipt_hours: Option<&'a str>,
    decision: Option<&'a str>,
    status: &'static str,
    /// The replacing procedure's absolute URL when it is a page of the site, else as written.
    replaced_by: Option<String>,
    description: Option<&'a str>,
    date: Option<Date>,
    updated: Option<Date>,
    fields: &'a [String],
    tags: &'a [String],
    url: String,
}

/// The CSV header: the fields of [`ProcedureJson`], in order.
const PROCEDURE_COLUMNS: &str = concat!(
    "title,code,field,agency,level,online,online_url,ways,processing_time,fee,subjects,",
    "result,legal_basis,documents,requirements,dossier_sets,receipt_place,receipt_hours,",
    "decision,status,replaced_by,description,date,updated,fields,tags,url"
);

#[derive(Serialize)]
struct DossierJson<'a> {
    name: &'a str,
    originals: u32,
    copies: u32,
    /// The form's absolute URL when it is a file of the page bundle, else as written.
    form: Option<String>,
}

#[derive(Serialize)]
struct DocumentJson<'a> {
    number: &'a str,
    #[serde(rename = "type")]
    doc_type: &'a str,
    title: Option<&'a str>,
    url: Option<String>,
    cited_by: Vec<String>,
}

/// The open-data files (eight on every build; see the module doc for those only some sites have). `tasks` holds each page's tasks by page index
/// ([`crate::site::tasks::read_all`]); `agencies` and `documents` are the site's
/// ([`crate::site::agencies::group_agencies`], [`crate::site::documents::collect_documents`]).
pub fn open_data(
    site: &Site,
    tasks: &[Vec<Task>],
    agencies: &[Agency],
    documents: &[CitedDocument],
) -> Vec<OutputFile> {
    let mut files = Vec::new();
    open_data_into(site, tasks, agencies, documents, &mut |f| files.push(f));
    files
}

/// [`open_data`], each file handed to `sink` as soon as it is made, before the next is
/// built: at 100,000 pages the six files (before `tasks.csv`) are 133 MB, and made all at once they were all in
/// memory together, beside the pages rendering on the other threads.
pub fn open_data_into(
    site: &Site,
    tasks: &[Vec<Task>],
    agencies: &[Agency],
    documents: &[CitedDocument],
    sink: &mut dyn FnMut(OutputFile),
) {
    let mut put = |name: &str, data: Vec<u8>| {
        sink(OutputFile {
            path: format!("/data/{name}"),
            data: OutputData::Bytes(data),
        });
    };
    let plans = site.pages_of(Kind::Plan);
    put(
        "plans.json",
        json(&plans_json(site, &plans, tasks, documents)),
    );
    put("agencies.json", json(&agencies_json(site, tasks, agencies)));
    let procedures = procedures(site);
    put("procedures.json", json(&procedures));
    put("procedures.csv", procedures_csv(&procedures).into_bytes());
    drop(procedures);
    put(DOCUMENTS_FILE, documents_bytes(site, documents));
    put("tasks.ics", ics::calendar(site, &plans, tasks).into_bytes());
    put("tasks.csv", tasks_csv(site, &plans, tasks).into_bytes());
    if let Some(results) = &site.config.indexes {
        put("chi-so.json", indexes::indexes_json(results));
        put("chi-so.csv", indexes::indexes_csv(results).into_bytes());
    }
    // Like chi-so.json: a site without questions or bulletins has no such file, rather
    // than an empty list that says the commune publishes some.
    let questions = questions::questions(site);
    if !questions.is_empty() {
        put(questions::QUESTIONS_FILE, json(&questions));
    }
    drop(questions);
    put(
        ics::events::EVENTS_FILE,
        ics::events::calendar(site).into_bytes(),
    );
    for kind in [Kind::Survey, Kind::Contest] {
        let list = surveys::surveys(site, kind);
        if let (Some(name), false) = (surveys::file_name(kind), list.is_empty()) {
            put(name, json(&list));
        }
    }
    let bulletins = bulletins::bulletins(site);
    if !bulletins.is_empty() {
        put(bulletins::BULLETINS_FILE, json(&bulletins));
    }
}

/// `/data/documents.json`: every cited document with its own page and its citers' URLs.
/// Of the open data only this file reads which pages cite a document and in what order
/// (`plans.json` reads each document's key and number), so serve makes it alone when only
/// citers changed.
pub fn documents_file(site: &Site, documents: &[CitedDocument]) -> OutputFile {
    OutputFile {
        path: format!("/data/{DOCUMENTS_FILE}"),
        data: OutputData::Bytes(documents_bytes(site, documents)),
    }
}

/// The name of the open data's file of cited documents.
const DOCUMENTS_FILE: &str = "documents.json";

fn documents_bytes(site: &Site, documents: &[CitedDocument]) -> Vec<u8> {
    json(&documents_json(site, documents))
}

/// Pretty JSON with a final newline.
fn json<T: Serialize>(value: &T) -> Vec<u8> {
    // Plain structs of strings, numbers and dates cannot fail to serialise.
    let mut out = serde_json::to_vec_pretty(value).unwrap_or_else(|_| b"[]".to_vec());
    out.push(b'\n');
    out
}

fn plans_json<'a>(
    site: &'a Site,
    plans: &[usize],
    tasks: &'a [Vec<Task>],
    documents: &'a [CitedDocument],
) -> Vec<PlanJson<'a>> {
    let by_key: HashMap<&str, &str> = documents
        .iter()
        .map(|d| (d.key.as_str(), shown_number(d)))
        .collect();
    plans
        .iter()
        .map(|&i| {
            let page = &site.pages[i].page;
            // In the order cited; the page's own number is no document of the index,
            // and the lookup below leaves it out.
            let mut keys: Vec<String> = Vec::new();
            for c in page_citations(&site.pages[i]) {
                let key = document_key(&c);
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            PlanJson {
                title: &page.title,
                url: site.config.permalink(&page.path),
                number: page.number.as_deref(),
                authority: page.authority.as_deref(),
                date: page.date,
                tasks: (tasks.get(i).into_iter().flatten())
                    .map(|t| task_json(site, t))
                    .collect(),
                citations: keys
                    .iter()
                    .filter_map(|k| by_key.get(k.as_str()).copied())
                    .collect(),
            }
        })
        .collect()
}

fn agencies_json<'a>(
    site: &'a Site,
    tasks: &'a [Vec<Task>],
    agencies: &'a [Agency],
) -> Vec<AgencyJson<'a>> {
    let agency_task = |a: &'a Agency, t: &crate::site::agencies::AgencyTask| {
        let task = open_view(site, tasks.get(t.plan)?.get(t.task)?);
        Some(AgencyTaskJson {
            plan_url: site.config.permalink(&site.pages.get(t.plan)?.page.path),
            name: task.name,
            role: t.role,
            spelling: &a.spellings.get(t.spelling)?.text,
            due: task.due,
            start: task.start,
            end: task.end,
            outcome: task.into(),
        })
    };
    agencies
        .iter()
        .map(|a| AgencyJson {
            name: &a.name,
            slug: &a.slug,
            url: site.config.permalink(&a.path),
            spellings: a.spellings.iter().map(|s| s.text.as_str()).collect(),
            tasks: a.tasks.iter().filter_map(|t| agency_task(a, t)).collect(),
        })
        .collect()
}

/// Every procedure, in Vietnamese order of title (then path).
fn procedures(site: &Site) -> Vec<ProcedureJson<'_>> {
    let mut list: Vec<(usize, &PageEntry, &ProcedureMeta)> = (site.pages.iter().enumerate())
        .filter(|(_, e)| e.page.kind == Kind::Procedure)
        .filter_map(|(i, e)| Some((i, e, e.page.procedure.as_ref()?)))
        .collect();
    list.sort_by(|(_, a, _), (_, b, _)| {
        // The model's precomputed keys order as collate::compare does.
        (a.title_key.cmp(&b.title_key)).then_with(|| a.page.path.cmp(&b.page.path))
    });
    (list.into_iter())
        .map(|(i, e, p)| procedure_json(site, i, e, p))
        .collect()
}

fn procedure_json<'a>(
    site: &'a Site,
    index: usize,
    entry: &'a PageEntry,
    p: &'a ProcedureMeta,
) -> ProcedureJson<'a> {
    let page = &entry.page;
    let form_url = |form: &str| {
        entry
            .files
            .iter()
            .find(|(name, _, _)| name == form)
            .map_or_else(
                || form.to_string(),
                |(_, path, _)| site.config.permalink(path),
            )
    };
    ProcedureJson {
        title: &page.title,
        code: p.code.as_deref(),
        field: p.field.as_deref(),
        agency: p.agency.as_deref(),
        level: p.level.as_deref(),
        online: &p.online,
        online_url: p.online_url.as_deref(),
        ways: &p.ways,
        processing_time: p.processing_time.as_deref(),
        fee: p.fee.as_deref(),
        subjects: &p.subjects,
        result: p.result.as_deref(),
        legal_basis: &p.legal_basis,
        documents: p
            .documents
            .iter()
            .map(|d| DossierJson {
                name: &d.name,
                originals: d.originals,
                copies: d.copies,
                form: d.form.as_deref().map(form_url),
            })
            .collect(),
        requirements: &p.requirements,
        dossier_sets: p.dossier_sets,
        receipt_place: p.receipt_place.as_deref(),
        receipt_hours: p.receipt_hours.as_deref(),
        decision: p.decision.as_deref(),
        status: p.status.name(),
        replaced_by: match replacement(site, index) {
            Replacement::Page(j) => Some(site.config.permalink(&site.pages[j].page.path)),
            Replacement::Missing => p.replaced_by.clone(),
            Replacement::None => None,
        },
        description: page.description.as_deref(),
        date: page.date,
        updated: page.updated,
        fields: &page.fields,
        tags: &page.tags,
        url: site.config.permalink(&page.path),
    }
}

/// The procedures as CSV: BOM, header, one row each, every field quoted, CRLF.
fn procedures_csv(procedures: &[ProcedureJson<'_>]) -> String {
    let opt = |s: Option<&str>| s.unwrap_or_default().to_string();
    let date = |d: Option<Date>| d.map(|d| d.iso()).unwrap_or_default();
    let list = |l: &[String]| l.join("; ");
    let mut out = String::from("\u{FEFF}");
    let mut row = |fields: &[String]| push_csv_row(&mut out, fields.iter().map(String::as_str));
    row(&PROCEDURE_COLUMNS
        .split(',')
        .map(String::from)
        .collect::<Vec<_>>());
    for p in procedures {
        let documents: Vec<String> = p
            .documents
            .iter()
            .map(|d| {
                format!(
                    "{} ({} bản chính, {} bản sao)",
                    d.name, d.originals, d.copies
                )
            })
            .collect();
        row(&[
            p.title.to_string(),
            opt(p.code),
            opt(p.field),
            opt(p.agency),
            opt(p.level),
            p.online.to_string(),
            opt(p.online_url),
            list(p.ways),
            opt(p.processing_time),
            opt(p.fee),
            list(p.subjects),
            opt(p.result),
            list(p.legal_basis),
            documents.join("; "),
            list(p.requirements),
            p.dossier_sets.map(|n| n.to_string()).unwrap_or_default(),
            opt(p.receipt_place),
            opt(p.receipt_hours),
            opt(p.decision),
            p.status.to_string(),
            p.replaced_by.clone().unwrap_or_default(),
            opt(p.description),
            date(p.date),
            date(p.updated),
            list(p.fields),
            list(p.tags),
            p.url.clone(),
        ]);
    }
    out
}

fn documents_json<'a>(site: &'a Site, documents: &'a [CitedDocument]) -> Vec<DocumentJson<'a>> {
    let page_of = |d: &CitedDocument| d.page.and_then(|i| site.pages.get(i));
    documents
        .iter()
        .map(|d| DocumentJson {
            number: shown_number(d),
            doc_type: &d.doc_type,
            title: page_of(d).map(|p| p.page.title.as_str()),
            url: match page_of(d) {
                Some(p) => Some(site.config.permalink(&p.page.path)),
                None => resolver_for(site.config.legal.resolver.as_deref(), d.central, &d.query),
            },
            cited_by: (d.cited_by.iter())
                .filter_map(|&i| site.pages.get(i))
                .map(|p| site.config.permalink(&p.page.path))
                .collect(),
        })
        .collect()
}

/// One CSV field, always quoted, inner quotes doubled (RFC 4180). A field that a spreadsheet
/// would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return)
/// gets a leading `'`, so that opening the open data in Excel or LibreOffice never runs
/// what an editor or a pasted document wrote (CSV injection, OWASP).
pub fn csv_field(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 3);
    push_csv_field(&mut out, s);
    out
}

/// Appends [`csv_field`] of `s` to `out`: the open data's CSV files write thousands of
/// fields, and a `format!` and a `replace` for each were most of their cost.
fn push_csv_field(out: &mut String, s: &str) {
    out.push('"');
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        out.push('\'');
    }
    let mut rest = s;
    while let Some(i) = rest.find('"') {
        out.push_str(&rest[..=i]);
        out.push('"');
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
    out.push('"');
}

/// Appends one CSV row to `out`: the fields as [`csv_field`], separated by commas, then
/// CRLF.
fn push_csv_row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (k, f) in fields.into_iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        push_csv_field(out, f);
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests;
