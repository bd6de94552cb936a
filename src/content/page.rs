//! The resolved content model: typed pages and sections, checked and ready for the
//! Markdown and site stages. Nothing here knows about files on disk.

use std::path::PathBuf;

use serde::Serialize;

use crate::text::date::Date;
pub use crate::text::status::TaskStatus;

mod meta;
mod survey;
pub use meta::*;
pub use survey::*;

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
    /// A survey (khảo sát), open between two dates: the SIPAS satisfaction survey.
    Survey,
    /// A contest (cuộc thi, hội thi), open between two dates, with its winners later.
    Contest,
    /// A numbered bulletin (bản tin) of a series: "Bản tin CCHC số 03/2025".
    Bulletin,
}

impl Kind {
    /// Every kind, in the order reports and filters list them.
    pub const ALL: [Kind; 10] = [
        Kind::Plan,
        Kind::News,
        Kind::Procedure,
        Kind::Document,
        Kind::Question,
        Kind::Event,
        Kind::Survey,
        Kind::Contest,
        Kind::Bulletin,
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
            Kind::Survey => "khao-sat",
            Kind::Contest => "cuoc-thi",
            Kind::Bulletin => "ban-tin",
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
            "survey" => Kind::Survey,
            "contest" => Kind::Contest,
            "bulletin" => Kind::Bulletin,
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
            Kind::Survey => "survey",
            Kind::Contest => "contest",
            Kind::Bulletin => "bulletin",
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
            Kind::Survey => "Khảo sát",
            Kind::Contest => "Cuộc thi",
            Kind::Bulletin => "Bản tin",
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
            "surveys and contests" => matches!(self, Kind::Survey | Kind::Contest),
            "contests" => self == Kind::Contest,
            "bulletins" => self == Kind::Bulletin,
            "plans and bulletins" => matches!(self, Kind::Plan | Kind::Bulletin),
            "plans, documents and bulletins" => {
                matches!(self, Kind::Plan | Kind::Document | Kind::Bulletin)
            }
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
    /// Survey or contest details (both kinds have the same dates and link).
    pub survey: Option<SurveyMeta>,
    /// Bulletin details.
    pub bulletin: Option<BulletinMeta>,
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

impl Page {
    /// Whether this page is a survey or a contest, whose `survey` details say when it opens
    /// and closes.
    pub fn takes_part(&self) -> bool {
        matches!(self.kind, Kind::Survey | Kind::Contest)
    }

    /// Whether this page is a procedure that is no longer in force.
    pub fn is_abolished_procedure(&self) -> bool {
        self.procedure.as_ref().is_some_and(|p| !p.is_listed())
    }
}
