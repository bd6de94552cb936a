//! The kind-specific parts of a page's front matter: a plan's (or document's) details and
//! a procedure's, read and checked.

use super::{Origin, clean_list, non_empty, read_date};
use crate::content::page::{
    DossierDoc, PlanMeta, ProcedureMeta, ProcedureStatus, Signer, TaskSource,
};
use crate::content::raw::{RawPage, RawPeriod, RawSigner, RawTask};
use crate::error::Diagnostic;
use crate::text::agency::split_partners;
use crate::text::date::Date;
use crate::text::status::read_status;

/// The raw keys of a plan's (or document's) details, as the front matter gave them.
pub(super) struct PlanKeys {
    pub(super) place: Option<String>,
    pub(super) period: Option<RawPeriod>,
    pub(super) signer: Option<RawSigner>,
    pub(super) recipients: Option<Vec<String>>,
    pub(super) attachments: Option<Vec<String>>,
    pub(super) tasks: Option<Vec<RawTask>>,
    pub(super) basis: Option<Vec<String>>,
}

impl PlanKeys {
    /// A plan's keys, taken out of the raw front matter.
    pub(super) fn of_plan(raw: &mut RawPage) -> Self {
        PlanKeys {
            place: raw.place.take(),
            period: raw.period.take(),
            signer: raw.signer.take(),
            recipients: raw.recipients.take(),
            attachments: raw.attachments.take(),
            tasks: raw.tasks.take(),
            basis: raw.basis.take(),
        }
    }

    /// A document's: a plan's without period, tasks and basis (keys a document may not
    /// have, reported as such before this is read).
    pub(super) fn of_document(raw: &mut RawPage) -> Self {
        PlanKeys {
            period: None,
            tasks: None,
            basis: None,
            ..PlanKeys::of_plan(raw)
        }
    }
}

/// A `period = { start, end }` (a plan's, a bulletin's), its days checked and in order.
pub(super) fn read_period(
    p: &RawPeriod,
    origin: &Origin<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<(Date, Date)> {
    let start = read_date(&p.start, "period", origin)
        .map_err(|e| errors.push(e))
        .ok()?;
    let end = read_date(&p.end, "period", origin)
        .map_err(|e| errors.push(e))
        .ok()?;
    if end < start {
        errors.push(origin.at_key(
            "period",
            crate::tr!(
                en: "the period ends before it starts: check `start` and `end`",
                vi: "thời gian kết thúc trước khi bắt đầu: hãy xem lại `start` và `end`",
            ),
        ));
        return None;
    }
    Some((start, end))
}

/// A plan's (or document's) details, read and checked.
pub(super) fn plan_meta(
    keys: PlanKeys,
    origin: &Origin<'_>,
    errors: &mut Vec<Diagnostic>,
) -> PlanMeta {
    let PlanKeys {
        place,
        period,
        signer,
        recipients,
        attachments,
        tasks,
        basis,
    } = keys;
    let period = period.and_then(|p| read_period(&p, origin, errors));
    PlanMeta {
        place: place.and_then(|p| non_empty(Some(p))),
        period,
        signer: signer.map(|s| Signer {
            name: s.name,
            title: non_empty(s.title),
            sign_as: non_empty(s.sign_as),
        }),
        recipients: clean_list(recipients.unwrap_or_default()),
        attachments: clean_list(attachments.unwrap_or_default()),
        tasks: front_tasks(tasks.unwrap_or_default(), origin),
        basis: clean_list(basis.unwrap_or_default()),
    }
}

/// The `[[tasks]]` of a plan. A status congbo does not know is kept aside for the check
/// stage to warn about (with its line), never guessed and never an error that stops the
/// build: the rest of the plan is still worth publishing.
fn front_tasks(tasks: Vec<RawTask>, origin: &Origin<'_>) -> Vec<TaskSource> {
    let lines: Vec<&str> = origin.front.lines().collect();
    let entry_lines = task_lines(origin);
    // Each task's status is looked for below the previous one's, so that equal values in
    // several tasks get their own lines.
    let mut from = 0;
    tasks
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let status_text = non_empty(t.status);
            let (status, unknown_status, mut result) = match &status_text {
                Some(s) => match read_status(s) {
                    Some((status, rest)) => (Some(status), None, rest),
                    None => (None, Some(s.clone()), None),
                },
                None => (None, None, None),
            };
            if let Some(r) = non_empty(t.result) {
                result = Some(r);
            }
            // The entry's own line, for warnings about its agencies (and its status, when
            // the status key cannot be found).
            let entry_line = entry_lines
                .get(i)
                .copied()
                .unwrap_or(entry_lines.last().copied().unwrap_or(0));
            let line = status_text.as_ref().map_or(entry_line, |s| {
                let found =
                    lines.iter().enumerate().skip(from).find(|(_, l)| {
                        l.trim_start().starts_with("status") && l.contains(s.as_str())
                    });
                match found {
                    Some((i, _)) => {
                        from = i + 1;
                        i + origin.front_line
                    }
                    None => entry_line,
                }
            });
            TaskSource {
                name: t.name.trim().to_string(),
                lead: non_empty(t.lead),
                // The rule of table cells: an entry "Công an xã, Đoàn Thanh niên" is two.
                partners: clean_list(t.partners)
                    .iter()
                    .flat_map(|p| split_partners(p).parts)
                    .collect(),
                quantity: non_empty(t.quantity),
                due: non_empty(t.due),
                status,
                unknown_status,
                result,
                report: non_empty(t.report),
                line,
            }
        })
        .collect()
}

/// The file line of each `[[tasks]]` entry of the front matter, in order; when the tasks
/// are written inline (`tasks = [{ … }]`), the line of the `tasks` key alone.
fn task_lines(origin: &Origin<'_>) -> Vec<usize> {
    let headers: Vec<usize> = origin
        .front
        .lines()
        .enumerate()
        .filter(|(_, l)| l.split('#').next().unwrap_or("").trim() == "[[tasks]]")
        .map(|(i, _)| origin.front_line + i)
        .collect();
    if headers.is_empty() {
        vec![origin.at_key("tasks", "").line]
    } else {
        headers
    }
}

/// A procedure's keys, taken out of the raw front matter. What it cannot apply as written
/// (an unknown `status`, a `replaced_by` of a procedure in force) goes to `warnings`, with
/// the key's line.
pub(super) fn procedure_meta(
    raw: &mut RawPage,
    origin: &Origin<'_>,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> ProcedureMeta {
    let online = raw.online.take();
    let online_url = raw.online_url.take();
    let online = online.unwrap_or_default().trim().to_string();
    let folded = crate::text::fold::match_key(&online);
    if !online.is_empty()
        && folded != crate::text::fold::match_key("toàn trình")
        && folded != crate::text::fold::match_key("một phần")
    {
        errors.push(origin.at_key(
            "online",
            crate::tr!(
                en: "`online` = \"{online}\" is not a level congbo knows: write \"toàn trình\", \"một phần\" or \"\"",
                vi: "`online` = \"{online}\" không phải mức congbo biết: hãy viết \"toàn trình\", \"một phần\" hoặc \"\"",
            ),
        ));
    }
    if let Some(url) = &online_url
        && crate::text::address::classify(url) != crate::text::address::Address::Web
    {
        errors.push(origin.at_key(
            "online_url",
            crate::tr!(
                en: "`online_url` must be a full address starting with https://",
                vi: "`online_url` phải là địa chỉ đầy đủ, bắt đầu bằng https://",
            ),
        ));
    }
    let status = status_of(raw.status.take(), origin, warnings);
    let replaced_by = non_empty(raw.replaced_by.take());
    if replaced_by.is_some() && status != ProcedureStatus::Abolished {
        warnings.push(origin.at_key(
            "replaced_by",
            crate::tr!(
                en: "`replaced_by` is only read for an abolished procedure, and this one is {}: it is not shown; write status = \"abolished\", or remove `replaced_by`",
                vi: "`replaced_by` chỉ dùng cho thủ tục đã bãi bỏ, mà thủ tục này {}: dòng này không được hiển thị; hãy viết status = \"abolished\", hoặc bỏ `replaced_by`",
                status_words(status)
            ),
        ));
    }
    ProcedureMeta {
        code: non_empty(raw.code.take()),
        field: non_empty(raw.field.take()),
        agency: non_empty(raw.agency.take()),
        level: non_empty(raw.level.take()),
        online,
        online_url: non_empty(online_url),
        ways: clean_list(raw.ways.take().unwrap_or_default()),
        processing_time: non_empty(raw.processing_time.take()),
        fee: non_empty(raw.fee.take()),
        subjects: clean_list(raw.subjects.take().unwrap_or_default()),
        result: non_empty(raw.result.take()),
        legal_basis: clean_list(raw.legal_basis.take().unwrap_or_default()),
        requirements: clean_list(raw.requirements.take().unwrap_or_default()),
        dossier_sets: raw.dossier_sets.take(),
        receipt_place: non_empty(raw.receipt_place.take()),
        receipt_hours: non_empty(raw.receipt_hours.take()),
        decision: non_empty(raw.decision.take()),
        status,
        replaced_by,
        documents: raw
            .documents
            .take()
            .unwrap_or_default()
            .into_iter()
            .map(|d| DossierDoc {
                name: d.name.trim().to_string(),
                originals: d.originals.unwrap_or(0),
                copies: d.copies.unwrap_or(0),
                form: non_empty(d.form),
            })
            .collect(),
    }
}

/// The `status` of a procedure; a value congbo does not know is a warning, and the
/// procedure is treated as in force (shown and listed, as it was before the key existed).
fn status_of(
    value: Option<String>,
    origin: &Origin<'_>,
    warnings: &mut Vec<Diagnostic>,
) -> ProcedureStatus {
    let Some(value) = value else {
        return ProcedureStatus::Current;
    };
    ProcedureStatus::parse(&value).unwrap_or_else(|| {
        warnings.push(origin.at_key(
            "status",
            crate::tr!(
                en: "`status` = \"{value}\" is not a status congbo knows, so the procedure is shown as in force: write \"current\" (in force), \"amended\" (amended) or \"abolished\" (abolished)",
                vi: "`status` = \"{value}\" không phải tình trạng congbo biết, nên thủ tục vẫn được hiển thị như còn hiệu lực: hãy viết \"current\" (còn hiệu lực), \"amended\" (đã sửa đổi, bổ sung) hoặc \"abolished\" (đã bãi bỏ)",
            ),
        ));
        ProcedureStatus::Current
    })
}

/// A status in words, for messages.
fn status_words(s: ProcedureStatus) -> String {
    match s {
        ProcedureStatus::Current => crate::tr!(en: "in force", vi: "còn hiệu lực"),
        ProcedureStatus::Amended => crate::tr!(en: "amended", vi: "đã sửa đổi, bổ sung"),
        ProcedureStatus::Abolished => crate::tr!(en: "abolished", vi: "đã bãi bỏ"),
    }
}
