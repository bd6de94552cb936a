//! What each kind of page adds to [`Page`](super::Page): a plan's header, signer and task
//! sources, a question's, an event's and a bulletin's facts, a procedure's sheet; read from front matter
//! by `content::resolve`.

use serde::Serialize;

use crate::text::date::Date;
use crate::text::status::TaskStatus;

/// Who signs, as the state format lays it out.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Signer {
    /// Full name.
    pub name: String,
    /// Position (`Phó Chủ tịch`).
    pub title: Option<String>,
    /// Signing authority line (`KT. CHỦ TỊCH`, `TM. ỦY BAN NHÂN DÂN`).
    pub sign_as: Option<String>,
}

/// A task as the editor wrote it (front matter or a table row), before due text is read.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct TaskSource {
    /// What is to be done.
    pub name: String,
    /// Lead agency.
    pub lead: Option<String>,
    /// Partner agencies.
    pub partners: Vec<String>,
    /// Quantity or frequency.
    pub quantity: Option<String>,
    /// Due text as written.
    pub due: Option<String>,
    /// Status, when the editor gave one congbo knows.
    pub status: Option<TaskStatus>,
    /// A status as written that congbo does not know (a warning names it), else `None`.
    pub unknown_status: Option<String>,
    /// What was achieved, as written.
    pub result: Option<String>,
    /// The report on it (báo cáo kết quả) as written: `@/…md`, a bundle file or a URL.
    pub report: Option<String>,
    /// File line of the task (its table row, or its `[[tasks]]` entry's `status` or `name`
    /// key), 0 when unknown: for the warnings about its status or its agencies.
    #[serde(skip)]
    pub line: usize,
}

/// Plan-only details.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanMeta {
    /// Place name of the date line (địa danh).
    pub place: Option<String>,
    /// Period of effect.
    pub period: Option<(Date, Date)>,
    /// Signature block.
    pub signer: Option<Signer>,
    /// Nơi nhận.
    pub recipients: Vec<String>,
    /// Attached files in the bundle.
    pub attachments: Vec<String>,
    /// Tasks from front matter.
    pub tasks: Vec<TaskSource>,
    /// Legal basis (căn cứ), each a citation.
    pub basis: Vec<String>,
}

/// Question-only details (hỏi đáp); the answer is the page's body, the date answered its
/// `date`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuestionMeta {
    /// The question as the citizen sent it; the title stands for it when not given.
    pub question: Option<String>,
    /// Who asked, as the editor wrote it; none for a citizen who did not give a name.
    pub asker: Option<String>,
    /// The date asked.
    pub asked: Option<Date>,
    /// The field (lĩnh vực) the question is about.
    pub field: Option<String>,
    /// The answering agency, as written.
    pub agency: Option<String>,
}

/// Event-only details (lịch); the day is the page's `date`, what happens its body.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventMeta {
    /// The start time, when the event has one (an all-day event has none).
    pub time: Option<Time>,
    /// The end time, after `time`.
    pub end_time: Option<Time>,
    /// Where it takes place.
    pub place: Option<String>,
    /// Who presides (chủ trì).
    pub presides: Option<String>,
    /// Who may attend.
    pub attendees: Option<String>,
    /// What kind of event it is.
    pub event_type: Option<EventType>,
}

/// Bulletin-only details (bản tin): which issue of which series, the period it covers and
/// its file; the summary is the page's `description`, the date published its `date`, the
/// cover its `image`, and the body is optional.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BulletinMeta {
    /// The series' name ("Bản tin CCHC", the default).
    pub series: String,
    /// The issue's number within its year (số), from 1.
    pub issue: u32,
    /// The year the numbering belongs to: `year`, else the year of `date`.
    pub year: i32,
    /// The days it covers: `period = { start, end }` or a month (`month = "03/2025"`).
    pub period: Option<(Date, Date)>,
    /// The bulletin's own files in the bundle (PDF, Word), as plans' `attachments`.
    pub attachments: Vec<String>,
    /// "Bản tin CCHC số 03/2025" ([`BulletinMeta::label_of`]), made once: lists borrow it.
    pub label: String,
    /// File line of `issue`, for the error naming two bulletins of one number.
    pub issue_line: usize,
}

impl BulletinMeta {
    /// The series a bulletin belongs to when its front matter names none.
    pub const DEFAULT_SERIES: &'static str = "Bản tin CCHC";

    /// The number as printed on a bulletin, two digits at least: "03".
    pub fn issue_text(issue: u32) -> String {
        format!("{issue:02}")
    }

    /// "Bản tin CCHC số 03/2025": how a bulletin names itself, on its page, in lists,
    /// feeds, search and open data (kept in [`BulletinMeta::label`]).
    pub fn label_of(series: &str, issue: u32, year: i32) -> String {
        format!("{series} số {}/{year}", Self::issue_text(issue))
    }
}

/// A time of day, to the minute, in the site's time zone (Vietnam, UTC+7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Time {
    /// 0 to 23.
    pub hour: u8,
    /// 0 to 59.
    pub minute: u8,
}

impl Time {
    /// Reads "08:00" or "8:00"; none for anything else.
    pub fn parse(s: &str) -> Option<Time> {
        let (h, m) = s.trim().split_once(':')?;
        let ok =
            |p: &str, n: usize| (1..=n).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
        if !ok(h, 2) || m.len() != 2 || !ok(m, 2) {
            return None;
        }
        let (hour, minute) = (h.parse().ok()?, m.parse().ok()?);
        (hour < 24 && minute < 60).then_some(Time { hour, minute })
    }

    /// "08:00".
    pub fn hhmm(self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }
}

/// The kinds of event the plans name; a closed list so the index and calendar can say
/// which is which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventType {
    /// Tiếp công dân: a citizen reception day.
    Reception,
    /// Đối thoại: leaders meet people or businesses.
    Dialogue,
    /// Hội nghị: a conference.
    Conference,
    /// Tập huấn: a training.
    Training,
}

impl EventType {
    /// Every type, in the order the error message lists them.
    pub const ALL: [EventType; 4] = [
        EventType::Reception,
        EventType::Dialogue,
        EventType::Conference,
        EventType::Training,
    ];

    /// The words an editor writes (`event_type = "tiếp công dân"`), also shown on pages.
    pub fn label_vi(self) -> &'static str {
        match self {
            EventType::Reception => "Tiếp công dân",
            EventType::Dialogue => "Đối thoại",
            EventType::Conference => "Hội nghị",
            EventType::Training => "Tập huấn",
        }
    }

    /// Reads the editor's words, whatever their capitals.
    pub fn parse(s: &str) -> Option<EventType> {
        let s = s.trim().to_lowercase();
        EventType::ALL
            .into_iter()
            .find(|t| t.label_vi().to_lowercase() == s)
    }
}

/// One paper of a procedure's dossier.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DossierDoc {
    /// What the paper is.
    pub name: String,
    /// Originals required.
    pub originals: u32,
    /// Copies required.
    pub copies: u32,
    /// A form to download, a file in the page bundle.
    pub form: Option<String>,
}

/// Procedure-only details.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ProcedureMeta {
    /// Mã thủ tục (`1.001193`).
    pub code: Option<String>,
    /// Lĩnh vực.
    pub field: Option<String>,
    /// Cơ quan thực hiện.
    pub agency: Option<String>,
    /// Cấp thực hiện.
    pub level: Option<String>,
    /// `toàn trình`, `một phần` or empty.
    pub online: String,
    /// Link to the online service.
    pub online_url: Option<String>,
    /// Cách thức thực hiện.
    pub ways: Vec<String>,
    /// Thời hạn giải quyết.
    pub processing_time: Option<String>,
    /// Phí, lệ phí.
    pub fee: Option<String>,
    /// Đối tượng thực hiện.
    pub subjects: Vec<String>,
    /// Kết quả.
    pub result: Option<String>,
    /// Căn cứ pháp lý, each a citation.
    pub legal_basis: Vec<String>,
    /// Thành phần hồ sơ.
    pub documents: Vec<DossierDoc>,
    /// Yêu cầu, điều kiện thực hiện.
    pub requirements: Vec<String>,
    /// Số lượng hồ sơ (bộ).
    pub dossier_sets: Option<u32>,
    /// Địa điểm tiếp nhận hồ sơ.
    pub receipt_place: Option<String>,
    /// Thời gian tiếp nhận hồ sơ.
    pub receipt_hours: Option<String>,
    /// Quyết định công bố thủ tục, a citation.
    pub decision: Option<String>,
    /// Whether the procedure is in force.
    pub status: ProcedureStatus,
    /// What replaces an abolished procedure, as written: `@/thu-tuc/….md` or a code.
    pub replaced_by: Option<String>,
}

/// Whether a procedure is in force (tình trạng hiệu lực), as the national database says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ProcedureStatus {
    /// In force as published.
    #[default]
    Current,
    /// In force, amended or supplemented by a later decision.
    Amended,
    /// No longer in force: its page stays, marked, out of the lists and posting sheets.
    Abolished,
}

impl ProcedureStatus {
    /// Reads a `status` value: the English word or the Vietnamese, with or without tone
    /// marks, any case. `None` for a value congbo does not know.
    pub fn parse(s: &str) -> Option<ProcedureStatus> {
        let key = crate::text::fold::search_fold(s);
        Some(match key.as_str() {
            "" | "current" | "hien hanh" | "con hieu luc" | "dang thuc hien" => {
                ProcedureStatus::Current
            }
            "amended" | "sua doi" | "da sua doi" | "sua doi, bo sung" | "da sua doi, bo sung" => {
                ProcedureStatus::Amended
            }
            "abolished" | "bai bo" | "da bai bo" | "het hieu luc" => ProcedureStatus::Abolished,
            _ => return None,
        })
    }

    /// The lower-case name used in templates and open data.
    pub fn name(self) -> &'static str {
        match self {
            ProcedureStatus::Current => "current",
            ProcedureStatus::Amended => "amended",
            ProcedureStatus::Abolished => "abolished",
        }
    }
}

impl ProcedureMeta {
    /// Whether the procedure belongs in the procedure lists, field pages and posting
    /// sheets: every status but abolished. The one rule every list calls.
    pub fn is_listed(&self) -> bool {
        self.status != ProcedureStatus::Abolished
    }
}
