//! The check stage (`congbo check`, and every `congbo build`): links and anchors that
//! point nowhere, missing images (in the text and the featured `image`), images without alt text, procedure forms and plan
//! attachments missing from the bundle, plan task reports that point nowhere, task statuses
//! it does not know, and citations that link nowhere. It reads what the
//! Markdown stage gathered ([`crate::markdown::refs`]) and the list of files the build
//! makes, so it costs a few lookups per link. `[check] warn` in `site.toml` turns a rule's
//! errors into warnings; citations and unknown statuses are always warnings.

pub mod agencies;
pub mod basis;
pub mod external;
mod featured;
mod files;
mod links;
mod procedures;
pub mod tasks;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::config::check::{CheckConfig, Rule};
use crate::error::{Diagnostic, Diagnostics};
use crate::site::Site;

/// What the check found, before `[check] warn` sorts it into errors and warnings.
#[derive(Clone, Debug, Default)]
pub struct Findings {
    /// Problems, each with the rule that found it.
    pub problems: Vec<(Rule, Diagnostic)>,
    /// Citations that link nowhere: (file, line, column, number), first place per page.
    pub unlinked: Vec<(PathBuf, usize, usize, String)>,
    /// What is always a warning, never an error: what congbo could not apply as written (a
    /// task or procedure status it does not know, a replacing procedure it cannot find …).
    pub warnings: Vec<Diagnostic>,
    /// Local documents (`-UBND`, `-HĐND`, …) cited but not on the site, which no resolver
    /// links: (file, line, column, number), first place per page.
    pub not_on_site: Vec<(PathBuf, usize, usize, String)>,
    /// Citations whose page could not be told: always warnings, in build and check.
    pub doubts: Vec<Diagnostic>,
}

/// Checks every language's pages. `exists` answers whether the build makes a file at an
/// output path (`/tin-tuc/abc/index.html`); `root` is the site folder (for front matter
/// lines of missing files); `theme_ids` are the ids the templates write (see
/// [`template_ids`]), anchors of every page.
pub fn site(
    sites: &[&Site],
    root: &Path,
    exists: &(dyn Fn(&str) -> bool + Sync),
    theme_ids: &HashSet<String>,
) -> Findings {
    let targets = links::Targets::new(sites, exists, theme_ids);
    let mut found = Findings::default();
    for site in sites {
        links::check(site, &targets, &mut found);
        links::menu(site, &targets, &mut found);
        featured::check(site, &targets, &mut found);
        files::check(site, root, &mut found);
        tasks::check(site, root, &mut found);
        procedures::check(site, &mut found);
    }
    found
}

/// How many unlinked citations `congbo check` lists one by one; past this a summary line
/// says how many more (a site without a resolver may have thousands). A build lists none,
/// only the summary line.
pub const LISTED_CITATIONS: usize = 10;

/// Sorts findings into errors (rules not in `warn`) and warning lines, with the first
/// `listed` unlinked citations each on a line.
pub fn report(found: Findings, config: &CheckConfig, listed: usize) -> (Diagnostics, Vec<String>) {
    let mut errors = Diagnostics::default();
    let mut warnings: Vec<Diagnostic> = found.warnings;
    for (rule, d) in found.problems {
        if config.warn.contains(&rule) {
            warnings.push(d);
        } else {
            errors.push(d);
        }
    }
    warnings.extend(found.doubts);
    warnings.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    let mut lines: Vec<String> = warnings.iter().map(warning_line).collect();
    let mut unlinked = found.unlinked;
    unlinked.sort();
    for (file, line, column, number) in unlinked.iter().take(listed) {
        let message = crate::tr!(
            en: "the citation {number} links nowhere: no page of the site has number = \"{number}\" and site.toml has no [legal] resolver; add the document under content/van-ban/, or set resolver = \"https://…?q={{number}}\" under [legal]",
            vi: "trích dẫn {number} không dẫn đến đâu: không trang nào có number = \"{number}\" và site.toml không có [legal] resolver; hãy thêm văn bản vào content/van-ban/, hoặc đặt resolver = \"https://…?q={{number}}\" trong mục [legal]",
        );
        lines.push(warning_line(&Diagnostic::at(file, *line, *column, message)));
    }
    if unlinked.len() > listed {
        let more = unlinked.len() - listed;
        let numbers = {
            let mut n: Vec<&str> = unlinked.iter().map(|u| u.3.as_str()).collect();
            n.sort_unstable();
            n.dedup();
            n.len()
        };
        lines.push(if listed == 0 {
            crate::tr!(
                en: "warning: {more} citations link nowhere ({numbers} document numbers): no page has their number and site.toml has no [legal] resolver, which would link them all; congbo check lists where",
                vi: "cảnh báo: {more} trích dẫn không dẫn đến đâu ({numbers} số hiệu văn bản): không trang nào có số hiệu đó và site.toml không có [legal] resolver, thứ sẽ liên kết tất cả; congbo check cho biết vị trí",
            )
        } else {
            crate::tr!(
                en: "warning: {more} more citations link nowhere ({numbers} document numbers in all); a [legal] resolver in site.toml links them all",
                vi: "cảnh báo: còn {more} trích dẫn khác không dẫn đến đâu ({numbers} số hiệu văn bản); đặt [legal] resolver trong site.toml sẽ liên kết tất cả",
            )
        });
    }
    (errors, lines)
}

/// How many of the numbers [`not_on_site_line`] names.
const NAMED_NOT_ON_SITE: usize = 8;

/// `congbo check`'s count of local documents cited but not on the site, a note on its
/// own line (not a warning: the national database does not hold them, so nothing links
/// them), which an editor may act on by adding the commune's own.
pub fn not_on_site_line(found: &Findings) -> Option<String> {
    let cited = &found.not_on_site;
    if cited.is_empty() {
        return None;
    }
    let places = cited.len();
    let mut numbers: Vec<&str> = cited.iter().map(|c| c.3.as_str()).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let count = numbers.len();
    let mut named = numbers[..count.min(NAMED_NOT_ON_SITE)].join(", ");
    if count > NAMED_NOT_ON_SITE {
        named.push_str(", …");
    }
    let docs = crate::lang::count(count, "document", "documents");
    let at = crate::lang::count(places, "place", "places");
    let (are, them) = if count == 1 {
        ("is", "it")
    } else {
        ("are", "them")
    };
    Some(crate::tr!(
        en: "cited, not on the site: {docs} of local bodies ({named}), cited in {at}, {are} not linked: the national legal database does not hold {them}, so no resolver is asked; to link one, add it under content/van-ban/ with its number, date and authority",
        vi: "được trích dẫn, không có trên trang: {count} văn bản của cơ quan địa phương ({named}), trích dẫn ở {places} chỗ, không có liên kết: cơ sở dữ liệu quốc gia về văn bản pháp luật không có các văn bản này nên không dùng resolver; muốn có liên kết, hãy thêm văn bản vào content/van-ban/ với số hiệu, ngày ban hành và cơ quan ban hành",
    ))
}

/// The fixed ids the templates write (`id="thanh-phan-ho-so"`, not `id="{{ … }}"`): a link
/// to `@/thu-tuc/abc.md#thanh-phan-ho-so` is good. Read from the template files (a few
/// dozen small files), not from the pages made with them.
pub fn template_ids(theme: &crate::render::Theme, root: &Path) -> HashSet<String> {
    let mut ids = HashSet::new();
    for file in theme.files.values() {
        let Ok(text) = std::fs::read_to_string(root.join(file)) else {
            continue;
        };
        for part in text.split("id=\"").skip(1) {
            if let Some(id) = part.split('"').next()
                && !id.is_empty()
                && !id.contains(['{', '}', '<', ' '])
            {
                ids.insert(id.to_string());
            }
        }
    }
    ids
}

/// A problem shown as a warning: like an error line, with "warning" for "error".
pub fn warning_line(d: &Diagnostic) -> String {
    shown(d, &crate::tr!(en: "warning", vi: "cảnh báo"))
}

/// `d` as a line "file:line:column: word: message" (line and column when known).
fn shown(d: &Diagnostic, word: &str) -> String {
    let mut s = d.file.display().to_string();
    if d.line > 0 {
        s.push_str(&format!(":{}", d.line));
        if d.column > 0 {
            s.push_str(&format!(":{}", d.column));
        }
    }
    format!("{s}: {word}: {}", d.message)
}

/// Notes, which only `congbo check` shows (on plans' tasks and on agency names): each at a
/// file's line (0: the whole file), shown as a warning is, with "note" for "warning".
#[derive(Default)]
pub(crate) struct Notes(Vec<Diagnostic>);

impl Notes {
    /// A note on `line` of `file`.
    pub(crate) fn add(&mut self, file: &Path, line: usize, message: String) {
        self.0.push(Diagnostic::at(file, line, 0, message));
    }

    /// The notes in file and line order.
    pub(crate) fn sort(&mut self) {
        self.0
            .sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    }

    /// The notes' lines, in the order they were added (or sorted).
    pub(crate) fn lines(&self) -> Vec<String> {
        let word = crate::tr!(en: "note", vi: "ghi chú");
        self.0.iter().map(|d| shown(d, &word)).collect()
    }
}

#[cfg(test)]
mod tests;
