//! Turns raw front matter into a resolved [`Page`] or [`Section`]: dates read and checked,
//! kind-specific keys checked against the page's kind, required keys enforced. Every
//! problem becomes a [`Diagnostic`] pointing at the key's line.

mod bulletin;
mod event;
mod meta;
mod question;
mod survey;

use std::path::Path;

use super::page::{KeyLines, Kind, Page, Section, SortBy, TemplateRef};
use super::raw::{RawPage, RawSection};
use crate::config::{key_line, toml_to_json};
use crate::error::Diagnostic;
use crate::text::date::{Date, parse_date};
use crate::text::fold::match_key;
use meta::{PlanKeys, plan_meta, procedure_meta};

/// Where a front matter came from, so errors can point at a key's line.
pub struct Origin<'a> {
    /// The content file, relative to the site root.
    pub file: &'a Path,
    /// The front matter text.
    pub front: &'a str,
    /// File line of the front matter's first line.
    pub front_line: usize,
}

impl Origin<'_> {
    /// A diagnostic on the line of `key` (or the front matter's first line).
    pub fn at_key(&self, key: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(self.file, self.line_of(key), 1, message)
    }

    /// The file line of `key`, or of the front matter's opening `+++` when it is not set.
    pub fn line_of(&self, key: &str) -> usize {
        key_line(self.front, key).map_or(self.front_line.saturating_sub(1), |l| {
            l + self.front_line - 1
        })
    }

    fn template(&self, key: &str, name: Option<String>) -> Option<TemplateRef> {
        name.map(|name| TemplateRef {
            name,
            line: key_line(self.front, key).map_or(1, |l| l + self.front_line - 1),
        })
    }
}

/// Reads a date key given as a TOML date or a `"2024-02-29"` / `"29/02/2024"` string.
pub fn read_date(v: &toml::Value, key: &str, origin: &Origin<'_>) -> Result<Date, Diagnostic> {
    let text = match v {
        toml::Value::Datetime(d) => match (d.date, d.time) {
            (Some(date), _) => {
                return Date::new(i32::from(date.year), date.month, date.day).ok_or_else(|| {
                    origin.at_key(
                        key,
                        crate::tr!(
                            en: "`{key}` = {d} is not a real date",
                            vi: "`{key}` = {d} không phải là một ngày có thật",
                        ),
                    )
                });
            }
            (None, _) => d.to_string(),
        },
        toml::Value::String(s) => s.clone(),
        other => {
            return Err(origin.at_key(
                key,
                crate::tr!(
                    en: "`{key}` must be a date like 2024-02-29 or \"29/02/2024\", not {}",
                    vi: "`{key}` phải là ngày tháng như 2024-02-29 hoặc \"29/02/2024\", không phải {}",
                    other.type_str()
                ),
            ));
        }
    };
    parse_date(&text).map_err(|e| origin.at_key(key, format!("`{key}`: {e}")))
}

/// Whether a document number is a symbol with its number left blank ("/KH-UBND",
/// "Số: /KH-UBND"): no digit before its first slash. Such a number would match every
/// other blank one and cite nothing.
fn number_lacks_digits(number: &str) -> bool {
    number
        .split_once('/')
        .is_some_and(|(before, _)| !before.chars().any(|c| c.is_ascii_digit()))
}

/// Resolves a page's front matter. `kind` comes from its section.
pub fn page(
    mut raw: RawPage,
    kind: Kind,
    origin: &Origin<'_>,
    body: String,
    body_line: usize,
) -> Result<Page, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    for (key, owner) in raw.kind_keys() {
        if !kind.allows(owner) {
            errors.push(origin.at_key(
                key,
                crate::tr!(
                    en: "`{key}` is a key for {owner}, but this page is a {} page (from its section); remove it, or move it under [extra]",
                    vi: "`{key}` là khóa dành cho {owner}, nhưng trang này thuộc loại {} (theo chuyên mục của nó); hãy bỏ khóa này, hoặc chuyển vào [extra]",
                    kind.name()
                ),
            ));
        }
    }
    let mut warnings = Vec::new();
    let procedure = (kind == Kind::Procedure)
        .then(|| procedure_meta(&mut raw, origin, &mut errors, &mut warnings));
    let plan_keys = match kind {
        Kind::Plan => Some(PlanKeys::of_plan(&mut raw)),
        Kind::Document => Some(PlanKeys::of_document(&mut raw)),
        _ => None,
    };
    if let Some(a) = &raw.authority {
        authority_warnings(a, origin, &mut warnings);
    }
    let title = match raw.title.take().map(|t| t.trim().to_string()) {
        Some(t) if !t.is_empty() => t,
        _ => {
            errors.push(Diagnostic::at(
                origin.file,
                origin.front_line.saturating_sub(1).max(1),
                1,
                crate::tr!(
                    en: "missing required key `title`: add a line like title = \"Tiêu đề trang\"",
                    vi: "thiếu khóa bắt buộc `title`: hãy thêm một dòng như title = \"Tiêu đề trang\"",
                ),
            ));
            String::new()
        }
    };
    let mut date_of = |key: &str, v: &Option<toml::Value>| match v {
        Some(v) => read_date(v, key, origin).map_err(|e| errors.push(e)).ok(),
        None => None,
    };
    let date = date_of("date", &raw.date);
    let updated = date_of("updated", &raw.updated);
    let question = (kind == Kind::Question)
        .then(|| question::question_meta(&mut raw, origin, date, &mut errors));
    let event = (kind == Kind::Event).then(|| event::event_meta(&mut raw, origin, &mut errors));
    let survey = matches!(kind, Kind::Survey | Kind::Contest)
        .then(|| survey::survey_meta(&mut raw, origin, &mut errors))
        .flatten();
    let bulletin = (kind == Kind::Bulletin)
        .then(|| bulletin::bulletin_meta(&mut raw, origin, date, &mut errors));
    if kind == Kind::News && raw.date.is_none() {
        errors.push(origin.at_key(
            "title",
            crate::tr!(
                en: "a news item needs a `date`: add a line like date = 2024-02-29",
                vi: "tin tức cần có `date`: hãy thêm một dòng như date = 2024-02-29",
            ),
        ));
    }
    if raw.image.is_some() && raw.image_alt.as_deref().is_none_or(|a| a.trim().is_empty()) {
        errors.push(origin.at_key(
            "image",
            crate::tr!(
                en: "`image` is set but `image_alt` is missing: describe the picture for people who cannot see it, e.g. image_alt = \"Cán bộ tiếp nhận hồ sơ tại Bộ phận Một cửa\"",
                vi: "có `image` nhưng thiếu `image_alt`: hãy tả bức ảnh cho người không nhìn thấy, ví dụ image_alt = \"Cán bộ tiếp nhận hồ sơ tại Bộ phận Một cửa\"",
            ),
        ));
    }
    if let Some(n) = raw.number.as_deref()
        && number_lacks_digits(n)
    {
        let n = n.trim();
        errors.push(origin.at_key(
            "number",
            crate::tr!(
                en: "`number` = \"{n}\" has no number before the symbol (a number left blank for the office to fill): write the number the document was given, like \"172{n}\", or remove the line until it has one",
                vi: "`number` = \"{n}\" thiếu số trước ký hiệu (số để trống chờ văn thư điền): hãy ghi số văn bản đã được cấp, như \"172{n}\", hoặc bỏ dòng này cho đến khi có số",
            ),
        ));
    }
    let mut aliases = Vec::new();
    for a in raw.aliases {
        match alias_path(&a) {
            Some(p) => aliases.push(p),
            None => errors.push(origin.at_key(
                "aliases",
                crate::tr!(
                    en: "alias \"{a}\" must be a site path such as /tin-tuc/bai-cu/",
                    vi: "địa chỉ cũ (alias) \"{a}\" phải là một đường dẫn trong trang, như /tin-tuc/bai-cu/",
                ),
            )),
        }
    }
    let plan = plan_keys.map(|keys| plan_meta(keys, origin, &mut errors));
    let field = (procedure.as_ref().and_then(|m| m.field.as_deref()))
        .or_else(|| question.as_ref().and_then(|m| m.field.as_deref()));
    let fields = fields_with(field, clean_list(raw.fields));
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Page {
        file: origin.file.to_path_buf(),
        section: String::new(),
        kind,
        path: String::new(),
        bundle_dir: None,
        title,
        description: non_empty(raw.description),
        date,
        updated,
        draft: raw.draft.unwrap_or(false),
        aliases,
        lines: KeyLines {
            slug: origin.line_of("slug"),
            aliases: origin.line_of("aliases"),
            image: origin.line_of("image"),
            decision: origin.line_of("decision"),
            replaced_by: origin.line_of("replaced_by"),
            basis: origin.line_of("basis"),
            legal_basis: origin.line_of("legal_basis"),
        },
        weight: raw.weight,
        template: origin.template("template", raw.template),
        tags: clean_list(raw.tags),
        fields,
        image: non_empty(raw.image),
        image_alt: non_empty(raw.image_alt),
        author: non_empty(raw.author),
        source: non_empty(raw.source),
        number: non_empty(raw.number),
        authority: non_empty(raw.authority),
        parent_authority: non_empty(raw.parent_authority),
        plan,
        procedure,
        question,
        event,
        survey,
        bulletin,
        extra: toml_to_json(&toml::Value::Table(raw.extra.unwrap_or_default())),
        body,
        body_line,
        warnings,
    })
}

/// A page's `fields` with its `field` (a procedure's, a question's) among them, first when
/// the editor did not write it there: the one rule by which every kind's field feeds the
/// field pages (`/linh-vuc/…/`), so no editor has to write the field twice. A spelling
/// with other capitals or tone marks is the same field ([`match_key`]), not added again.
fn fields_with(field: Option<&str>, mut fields: Vec<String>) -> Vec<String> {
    if let Some(f) = field
        && !fields.iter().any(|x| match_key(x) == match_key(f))
    {
        fields.insert(0, f.to_string());
    }
    fields
}

/// Warns about the abbreviations of an `authority` that the state-document header cannot
/// write in full (ND 30 wants the issuing organ in full): they are printed as written.
fn authority_warnings(authority: &str, origin: &Origin<'_>, warnings: &mut Vec<Diagnostic>) {
    for word in crate::text::authority::header(authority).unknown {
        let said = crate::text::authority::unknown_abbreviation(&word);
        warnings.push(origin.at_key("authority", said));
    }
}

/// Resolves a section's front matter. `default_kind` is the kind its folder implies.
pub fn section(
    raw: RawSection,
    default_kind: Kind,
    origin: &Origin<'_>,
    body: String,
    body_line: usize,
) -> Result<Section, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let kind = match raw.kind.as_deref() {
        None => default_kind,
        Some(k) => Kind::parse(k).unwrap_or_else(|| {
            errors.push(origin.at_key("kind", crate::tr!(
                en: "`kind` = \"{k}\" is not a kind congbo knows: write \"plan\", \"news\", \"procedure\", \"document\", \"question\", \"event\", \"survey\", \"contest\", \"bulletin\" or \"page\"",
                vi: "`kind` = \"{k}\" không phải loại trang congbo biết: hãy viết \"plan\" (kế hoạch), \"news\" (tin tức), \"procedure\" (thủ tục), \"document\" (văn bản), \"question\" (hỏi đáp), \"event\" (lịch), \"survey\" (khảo sát), \"contest\" (cuộc thi), \"bulletin\" (bản tin) hoặc \"page\" (trang)",
            )));
            default_kind
        }),
    };
    let default_sort = match kind {
        Kind::Procedure => SortBy::Title,
        Kind::Page => SortBy::Weight,
        _ => SortBy::Date,
    };
    let sort_by = match raw.sort_by.as_deref() {
        None => default_sort,
        Some("date") => SortBy::Date,
        Some("weight") => SortBy::Weight,
        Some("title") => SortBy::Title,
        Some(s) => {
            errors.push(origin.at_key(
                "sort_by",
                crate::tr!(
                    en: "`sort_by` = \"{s}\": write \"date\", \"weight\" or \"title\"",
                    vi: "`sort_by` = \"{s}\": hãy viết \"date\" (theo ngày), \"weight\" (theo thứ tự đặt) hoặc \"title\" (theo tên)",
                ),
            ));
            default_sort
        }
    };
    if raw.paginate_by == Some(0) {
        errors.push(origin.at_key(
            "paginate_by",
            crate::tr!(
                en: "`paginate_by` must be 1 or more",
                vi: "`paginate_by` phải từ 1 trở lên",
            ),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let title = non_empty(raw.title);
    Ok(Section {
        file: Some(origin.file.to_path_buf()),
        key: String::new(),
        path: String::new(),
        parent: None,
        default_title: title.is_none(),
        title: title.unwrap_or_else(|| kind.label_vi().to_string()),
        description: non_empty(raw.description),
        kind,
        sort_by,
        paginate_by: raw.paginate_by,
        weight: raw.weight.unwrap_or(0),
        template: origin.template("template", raw.template),
        page_template: origin.template("page_template", raw.page_template),
        extra: toml_to_json(&toml::Value::Table(raw.extra.unwrap_or_default())),
        body,
        body_line,
    })
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

fn clean_list(v: Vec<String>) -> Vec<String> {
    v.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Normalises an alias to a site path: `tin-tuc/cu` or `/tin-tuc/cu` → `/tin-tuc/cu/`; a path
/// ending in `.html` is kept as a file. Rejects addresses that leave the site (another
/// host, `mailto:`, any scheme), backslashes and `..`.
fn alias_path(a: &str) -> Option<String> {
    let a = a.trim();
    if a.is_empty() || crate::text::address::classify(a).leaves_site() || a.contains('\\') {
        return None;
    }
    let parts: Vec<&str> = a.split('/').filter(|p| !p.is_empty()).collect();
    if parts.iter().any(|p| *p == ".." || *p == ".") || parts.is_empty() {
        return None;
    }
    let joined = parts.join("/");
    if joined.ends_with(".html") || joined.ends_with(".htm") {
        Some(format!("/{joined}"))
    } else {
        Some(format!("/{joined}/"))
    }
}

#[cfg(test)]
mod tests;
