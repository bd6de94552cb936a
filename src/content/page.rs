//! The resolved content model: typed pages and sections, checked and ready for the
//! Markdown and site stages. Nothing here knows about files on disk.

use std::path::PathBuf;

use serde::Serialize;

use crate::text::date::Date;
pub use crate::text::status::TaskStatus;

/// What a page is, which decides its keys, layout and the indexes it feeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A plan (kế hoạch), laid out as a state document.
    Plan,
    /// A news item (tin tức).
    News,
    /// An administrative procedure guide (thủ tục hành chính).
    Procedure,
    /// A legal document that plans cite (văn bản).
    Document,
    /// A plain page.
    Page,
    /// A citizen's question and the commune's answer (hỏi đáp).
    Question,
    /// A scheduled event (lịch): a citizen reception day, a dialogue, a conference, a training.
    Event,
}

impl Kind {
    /// Every kind, in the order reports and filters list them.
    pub const ALL: [Kind; 7] = [
        Kind::Plan,
        Kind::News,
        Kind::Procedure,
        Kind::Document,
        Kind::Question,
        Kind::Event,
        Kind::Page,
    ];

    /// The top-level folder whose pages are of this kind when its `_index.md` does not
    /// say (the inverse of [`Kind::default_for_folder`]); none for plain pages.
    pub fn default_folder(self) -> Option<&'static str> {
        Some(match self {
            Kind::Plan => "ke-hoach",
            Kind::News => "tin-tuc",
            Kind::Procedure => "thu-tuc",
            Kind::Document => "van-ban",
            Kind::Question => "hoi-dap",
            Kind::Event => "lich",
            Kind::Page => return None,
        })
    }

    /// Reads a `kind = "…"` value.
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "plan" => Kind::Plan,
            "news" => Kind::News,
            "procedure" => Kind::Procedure,
            "document" => Kind::Document,
            "page" => Kind::Page,
            "question" => Kind::Question,
            "event" => Kind::Event,
            _ => return None,
        })
    }

    /// The kind a top-level folder has when its `_index.md` does not say.
    pub fn default_for_folder(folder: &str) -> Kind {
        Kind::ALL
            .into_iter()
            .find(|k| k.default_folder() == Some(folder))
            .unwrap_or(Kind::Page)
    }

    /// The lower-case name used in templates and open data.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Plan => "plan",
            Kind::News => "news",
            Kind::Procedure => "procedure",
            Kind::Document => "document",
            Kind::Page => "page",
            Kind::Question => "question",
            Kind::Event => "event",
        }
    }

    /// What an editor calls it, for error messages and default titles.
    pub fn label_vi(self) -> &'static str {
        match self {
            Kind::Plan => "Kế hoạch",
            Kind::News => "Tin tức",
            Kind::Procedure => "Thủ tục hành chính",
            Kind::Document => "Văn bản",
            Kind::Page => "Trang",
            Kind::Question => "Hỏi đáp",
            Kind::Event => "Lịch",
        }
    }

    /// Whether front matter keys owned by `owner` (as named by `RawPage::kind_keys`) fit this kind.
    pub fn allows(self, owner: &str) -> bool {
        match owner {
            "plans" => self == Kind::Plan,
            "plans and documents" => matches!(self, Kind::Plan | Kind::Document),
            "plans, documents and events" => {
                matches!(self, Kind::Plan | Kind::Document | Kind::Event)
            }
            "events" => self == Kind::Event,
            "procedures" => self == Kind::Procedure,
            "questions" => self == Kind::Question,
            "procedures and questions" => matches!(self, Kind::Procedure | Kind::Question),
            _ => false,
        }
    }
}

/// How a section orders its pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    /// Newest first; undated pages last.
    Date,
    /// Lowest weight first.
    Weight,
    /// Vietnamese alphabetical order of titles.
    Title,
}

/// A template name with the front matter line that asked for it (for "missing template").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateRef {
    /// Template file name, e.g. `plan-dac-biet.html`.
    pub name: String,
    /// Line of the `template` key in the content file.
    pub line: usize,
}

/// A section: a folder of content with its `_index.md` (or an implicit one).
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// The `_index.md` file, if the folder has one.
    pub file: Option<PathBuf>,
    /// Folder path under `content/` with `/` separators, `""` for the home section.
    pub key: String,
    /// Site path (`/tin-tuc/`).
    pub path: String,
    /// Parent section key (none for the home section).
    pub parent: Option<String>,
    /// Title.
    pub title: String,
    /// Whether `title` is the default of its kind (no `title` key): the site model puts it
    /// in the site's language.
    pub default_title: bool,
    /// Description.
    pub description: Option<String>,
    /// The kind of the pages in it.
    pub kind: Kind,
    /// Order of the pages.
    pub sort_by: SortBy,
    /// Items per list page, if set for this section.
    pub paginate_by: Option<usize>,
    /// Order among sibling sections.
    pub weight: i64,
    /// Template for the section list.
    pub template: Option<TemplateRef>,
    /// Template for the pages in it.
    pub page_template: Option<TemplateRef>,
    /// Free-form values for templates.
    pub extra: serde_json::Value,
    /// Markdown shown above the list.
    pub body: String,
    /// File line where the body starts.
    pub body_line: usize,
}

/// The file lines of front matter keys whose values are checked after the content stage
/// (the URL a page takes, its aliases, its image): the line of the opening `+++` for a key
/// that is not set, where the value it stands for comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyLines {
    /// `slug` (else the URL comes from the file name).
    pub slug: usize,
    /// `aliases`.
    pub aliases: usize,
    /// `image`.
    pub image: usize,
    /// `decision` (a procedure's announcing decision).
    pub decision: usize,
    /// `replaced_by` (what replaces an abolished procedure).
    pub replaced_by: usize,
    /// `basis` (a plan's legal basis).
    pub basis: usize,
    /// `legal_basis` (a procedure's).
    pub legal_basis: usize,
}

/// A resolved page of any kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// The content file, relative to the site root (`content/tin-tuc/abc/index.md`).
    pub file: PathBuf,
    /// Key of the section it is in.
    pub section: String,
    /// Its kind.
    pub kind: Kind,
    /// Site path (`/tin-tuc/abc/`).
    pub path: String,
    /// The folder of a page bundle (`content/tin-tuc/abc`), whose files go with the page.
    pub bundle_dir: Option<PathBuf>,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Date (of issue for plans and documents, of publication for news).
    pub date: Option<Date>,
    /// Last update.
    pub updated: Option<Date>,
    /// Drafts are left out unless `--drafts`.
    pub draft: bool,
    /// Old site paths that redirect here.
    pub aliases: Vec<String>,
    /// Lines of the front matter keys that later stages report errors at.
    pub lines: KeyLines,
    /// Order key for `sort_by = "weight"`.
    pub weight: Option<i64>,
    /// Template asked for in front matter.
    pub template: Option<TemplateRef>,
    /// Tags, as written.
    pub tags: Vec<String>,
    /// Fields (lĩnh vực), as written.
    pub fields: Vec<String>,
    /// Featured image (a bundle file name or a site path).
    pub image: Option<String>,
    /// The image's text alternative.
    pub image_alt: Option<String>,
    /// Author (news).
    pub author: Option<String>,
    /// Source (news).
    pub source: Option<String>,
    /// Number and symbol (số, ký hiệu) of a plan or document.
    pub number: Option<String>,
    /// Issuing authority of a plan or document.
    pub authority: Option<String>,
    /// The authority above the issuer, first line of a plan's header ("UBND thành phố Cần
    /// Thơ" over "UBND xã Thanh An").
    pub parent_authority: Option<String>,
    /// Plan details.
    pub plan: Option<PlanMeta>,
    /// Procedure details.
    pub procedure: Option<ProcedureMeta>,
    /// Question details.
    pub question: Option<QuestionMeta>,
    /// Event details.
    pub event: Option<EventMeta>,
    /// Free-form values for templates.
    pub extra: serde_json::Value,
    /// Markdown body.
    pub body: String,
    /// File line where the body starts.
    pub body_line: usize,
    /// What congbo could not apply as written and did its best with (an unknown status,
    /// an abbreviation it cannot write in full): warnings with their lines, reported by
    /// `build` and `check`, never silent.
    pub warnings: Vec<crate::error::Diagnostic>,
}

/// Where a page's featured `image` is: one reading for the page, its lists, `og:image`,
/// JSON-LD and the check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImageRef<'a> {
    /// An address on another site (`https://…`), used as written.
    External(&'a str),
    /// A file of the site, by its site path (`/tin-tuc/abc/anh.jpg`): a name is read from
    /// the page's address (its bundle), `/…` from the site root.
    Site(String),
    /// Neither: above the site root (`../../../x.jpg`), `//host/…`, another scheme.
    Outside,
}

impl Page {
    /// Where the featured `image` is, if the page has one.
    pub fn image_ref(&self) -> Option<ImageRef<'_>> {
        let img = self.image.as_deref()?;
        let kind = crate::text::address::classify(img);
        if kind == crate::text::address::Address::Web {
            return Some(ImageRef::External(img));
        }
        if kind.leaves_site() || img.contains('\\') {
            return Some(ImageRef::Outside);
        }
        let path = match img.strip_prefix('/') {
            Some(rest) => super::urls::join("/", rest),
            None => super::urls::join(&self.path, img),
        };
        Some(path.map_or(ImageRef::Outside, ImageRef::Site))
    }
}

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

impl Page {
    /// Whether this page is a procedure that is no longer in force.
    pub fn is_abolished_procedure(&self) -> bool {
        self.procedure.as_ref().is_some_and(|p| !p.is_listed())
    }
}
