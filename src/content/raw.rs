//! Front matter exactly as the editor typed it: serde structs with `deny_unknown_fields`
//! so a misspelt key is an error, not a silent loss. Dates stay raw TOML values here; the
//! resolver turns them into checked dates with line numbers.

use serde::Deserialize;

/// The front matter of a page of any kind; kind-specific keys are checked by the resolver.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawPage {
    pub title: Option<String>,
    pub description: Option<String>,
    pub date: Option<toml::Value>,
    pub updated: Option<toml::Value>,
    pub draft: Option<bool>,
    pub slug: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub weight: Option<i64>,
    pub template: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub fields: Vec<String>,
    pub image: Option<String>,
    pub image_alt: Option<String>,
    pub extra: Option<toml::Table>,
    // news
    pub author: Option<String>,
    pub source: Option<String>,
    // plans and documents
    pub number: Option<String>,
    pub authority: Option<String>,
    pub parent_authority: Option<String>,
    pub place: Option<String>,
    pub period: Option<RawPeriod>,
    pub signer: Option<RawSigner>,
    pub recipients: Option<Vec<String>>,
    pub attachments: Option<Vec<String>>,
    pub tasks: Option<Vec<RawTask>>,
    pub basis: Option<Vec<String>>,
    // procedures
    pub code: Option<String>,
    pub field: Option<String>,
    pub agency: Option<String>,
    pub level: Option<String>,
    pub online: Option<String>,
    pub online_url: Option<String>,
    pub ways: Option<Vec<String>>,
    pub processing_time: Option<String>,
    pub fee: Option<String>,
    pub subjects: Option<Vec<String>>,
    pub result: Option<String>,
    pub legal_basis: Option<Vec<String>>,
    pub documents: Option<Vec<RawDossierDoc>>,
    pub requirements: Option<Vec<String>>,
    pub dossier_sets: Option<u32>,
    pub receipt_place: Option<String>,
    pub receipt_hours: Option<String>,
    pub decision: Option<String>,
    pub status: Option<String>,
    pub replaced_by: Option<String>,
    // questions
    pub question: Option<String>,
    pub asker: Option<String>,
    pub asked: Option<toml::Value>,
    // events
    // Text ("08:00"), so that the editor's form offers a text box, not a date picker.
    pub time: Option<String>,
    pub end_time: Option<String>,
    pub presides: Option<String>,
    pub attendees: Option<String>,
    pub event_type: Option<String>,
    // bulletins
    pub series: Option<String>,
    // A whole number, so that the editor's form offers a number box, not a date picker
    // (a raw TOML value is read as a date there).
    pub issue: Option<i64>,
    pub year: Option<i64>,
    pub month: Option<String>,
    // surveys and contests
    pub start: Option<toml::Value>,
    pub end: Option<toml::Value>,
    pub participants: Option<String>,
    pub join_url: Option<String>,
    pub rules: Option<String>,
    pub results: Option<String>,
    pub winners: Option<Vec<RawWinner>>,
}

/// A contest's winner written in front matter (`[[winners]]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawWinner {
    pub name: String,
    pub prize: Option<String>,
}

/// A plan's period of effect.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawPeriod {
    pub start: toml::Value,
    pub end: toml::Value,
}

/// Who signs a plan or document.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawSigner {
    pub name: String,
    pub title: Option<String>,
    pub sign_as: Option<String>,
}

/// A task of a plan written in front matter.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawTask {
    pub name: String,
    pub lead: Option<String>,
    #[serde(default)]
    pub partners: Vec<String>,
    pub quantity: Option<String>,
    pub due: Option<String>,
    pub status: Option<String>,
    pub result: Option<String>,
    pub report: Option<String>,
}

/// One paper of a procedure's dossier (thành phần hồ sơ).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawDossierDoc {
    pub name: String,
    pub originals: Option<u32>,
    pub copies: Option<u32>,
    pub form: Option<String>,
}

/// The front matter of a section's `_index.md` (and of the home page).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawSection {
    pub title: Option<String>,
    pub description: Option<String>,
    pub kind: Option<String>,
    pub sort_by: Option<String>,
    pub paginate_by: Option<usize>,
    pub weight: Option<i64>,
    pub template: Option<String>,
    pub page_template: Option<String>,
    pub draft: Option<bool>,
    pub extra: Option<toml::Table>,
}

/// What to write for the front matter keys whose shape is a table or a list of tables, for
/// errors that find something else there (see [`crate::config::toml_explain`]).
pub fn front_examples(key: &str) -> Option<String> {
    Some(match key {
        "tasks" => crate::tr!(
            en: "[[tasks]] and name = \"…\" on the line below it, once for each task",
            vi: "[[tasks]] và name = \"…\" ở dòng dưới, mỗi nhiệm vụ một lần",
        ),
        "documents" => crate::tr!(
            en: "[[documents]] and name = \"…\" on the line below it, once for each paper",
            vi: "[[documents]] và name = \"…\" ở dòng dưới, mỗi thành phần hồ sơ một lần",
        ),
        "winners" => crate::tr!(
            en: "[[winners]] and name = \"…\", prize = \"…\" on the lines below it, once for each winner",
            vi: "[[winners]] và name = \"…\", prize = \"…\" ở các dòng dưới, mỗi người đoạt giải một lần",
        ),
        "period" => "period = { start = 2025-01-01, end = 2025-12-31 }".to_string(),
        "signer" => "signer = { name = \"…\", title = \"…\" }".to_string(),
        "extra" => crate::tr!(
            en: "[extra] and your own keys on the lines below it",
            vi: "[extra] và các khóa riêng ở các dòng bên dưới",
        ),
        _ => return None,
    })
}

impl RawPage {
    /// Names of the keys set in this front matter that belong to the given kind only,
    /// paired with the kind they belong to; used to reject e.g. `code` on a news page.
    pub fn kind_keys(&self) -> Vec<(&'static str, &'static str)> {
        let mut keys = Vec::new();
        let mut add = |set: bool, key: &'static str, owner: &'static str| {
            if set {
                keys.push((key, owner));
            }
        };
        const PLAN_DOC: &str = "plans and documents";
        add(self.number.is_some(), "number", PLAN_DOC);
        add(self.authority.is_some(), "authority", PLAN_DOC);
        add(
            self.parent_authority.is_some(),
            "parent_authority",
            PLAN_DOC,
        );
        add(self.place.is_some(), "place", "plans, documents and events");
        add(self.signer.is_some(), "signer", PLAN_DOC);
        add(
            self.attachments.is_some(),
            "attachments",
            "plans, documents and bulletins",
        );
        add(self.period.is_some(), "period", "plans and bulletins");
        add(self.recipients.is_some(), "recipients", PLAN_DOC);
        add(self.tasks.is_some(), "tasks", "plans");
        add(self.basis.is_some(), "basis", "plans");
        const PROC: &str = "procedures";
        add(self.code.is_some(), "code", PROC);
        const PROC_QUESTION: &str = "procedures and questions";
        add(self.field.is_some(), "field", PROC_QUESTION);
        add(self.agency.is_some(), "agency", PROC_QUESTION);
        add(self.level.is_some(), "level", PROC);
        add(self.online.is_some(), "online", PROC);
        add(self.online_url.is_some(), "online_url", PROC);
        add(self.ways.is_some(), "ways", PROC);
        add(self.processing_time.is_some(), "processing_time", PROC);
        add(self.fee.is_some(), "fee", PROC);
        add(self.subjects.is_some(), "subjects", PROC);
        add(self.result.is_some(), "result", PROC);
        add(self.legal_basis.is_some(), "legal_basis", PROC);
        add(self.documents.is_some(), "documents", PROC);
        add(self.requirements.is_some(), "requirements", PROC);
        add(self.dossier_sets.is_some(), "dossier_sets", PROC);
        add(self.receipt_place.is_some(), "receipt_place", PROC);
        add(self.receipt_hours.is_some(), "receipt_hours", PROC);
        add(self.decision.is_some(), "decision", PROC);
        add(self.status.is_some(), "status", PROC);
        add(self.replaced_by.is_some(), "replaced_by", PROC);
        const QUESTION: &str = "questions";
        add(self.question.is_some(), "question", QUESTION);
        add(self.asker.is_some(), "asker", QUESTION);
        add(self.asked.is_some(), "asked", QUESTION);
        const EVENT: &str = "events";
        add(self.time.is_some(), "time", EVENT);
        add(self.end_time.is_some(), "end_time", EVENT);
        add(self.presides.is_some(), "presides", EVENT);
        add(self.attendees.is_some(), "attendees", EVENT);
        add(self.event_type.is_some(), "event_type", EVENT);
        const SURVEY: &str = "surveys and contests";
        add(self.start.is_some(), "start", SURVEY);
        add(self.end.is_some(), "end", SURVEY);
        add(self.participants.is_some(), "participants", SURVEY);
        add(self.join_url.is_some(), "join_url", SURVEY);
        add(self.rules.is_some(), "rules", SURVEY);
        add(self.results.is_some(), "results", SURVEY);
        add(self.winners.is_some(), "winners", "contests");
        const BULLETIN: &str = "bulletins";
        add(self.series.is_some(), "series", BULLETIN);
        add(self.issue.is_some(), "issue", BULLETIN);
        add(self.year.is_some(), "year", BULLETIN);
        add(self.month.is_some(), "month", BULLETIN);
        keys
    }
}
