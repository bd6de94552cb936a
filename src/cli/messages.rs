//! What the command line says after a build and after `congbo new`, and the stage names of
//! the progress bar, in one place and in both languages (English, or Vietnamese when the
//! locale is `vi_*`, see [`crate::lang`]); every text is made by a plain function of its
//! values.

use std::path::Path;
use std::time::Duration;

use crate::build::{BuildReport, Stage};
use crate::content::Kind;
use crate::lang::{Lang, current};
use crate::tr;

/// "3 plans", "1 news item", … (Vietnamese: "3 kế hoạch"): a count of pages of one kind.
pub fn pages_of_kind(kind: Kind, n: usize) -> String {
    if current() == Lang::Vi {
        return format!("{n} {}", kind.label_vi().to_lowercase());
    }
    let (one, many) = match kind {
        Kind::Plan => ("plan", "plans"),
        Kind::News => ("news item", "news items"),
        Kind::Procedure => ("procedure", "procedures"),
        Kind::Document => ("document", "documents"),
        Kind::Page => ("page", "pages"),
        Kind::Question => ("question", "questions"),
        Kind::Event => ("event", "events"),
        Kind::Survey => ("survey", "surveys"),
        Kind::Contest => ("contest", "contests"),
        Kind::Bulletin => ("bulletin", "bulletins"),
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The line `congbo check` ends with.
pub fn check_summary(r: &crate::build::CheckReport, errors: usize, warnings: usize) -> String {
    let (pages, links) = (r.pages, r.links);
    let count = crate::lang::count;
    let (links_en, pages_en) = (count(links, "link", "links"), count(pages, "page", "pages"));
    let (errors_en, warnings_en) = (
        count(errors, "error", "errors"),
        count(warnings, "warning", "warnings"),
    );
    if errors == 0 {
        tr!(
            en: "Checked {links_en} and images on {pages_en}: no errors, {warnings_en}.",
            vi: "Đã kiểm tra {links} liên kết và ảnh trên {pages} trang: không có lỗi, {warnings} cảnh báo.",
        )
    } else {
        tr!(
            en: "Checked {links_en} and images on {pages_en}: {errors_en}, {warnings_en}.",
            vi: "Đã kiểm tra {links} liên kết và ảnh trên {pages} trang: {errors} lỗi, {warnings} cảnh báo.",
        )
    }
}

/// The line `congbo build` ends with.
pub fn build_summary(r: &BuildReport) -> String {
    let kinds: Vec<String> = r
        .pages_by_kind
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| pages_of_kind(*k, *n))
        .collect();
    let kinds = if kinds.is_empty() {
        tr!(en: "no pages", vi: "không có trang nào")
    } else {
        kinds.join(", ")
    };
    let (files, out, secs) = (r.files, r.output_dir.display(), r.seconds);
    let (written, unchanged, removed) = (r.write.written, r.write.unchanged, r.write.removed);
    let line = tr!(
        en: "Built {files} files ({kinds}) into {out} in {secs:.2} s: {written} written, {unchanged} unchanged, {removed} removed",
        vi: "Đã dựng {files} tệp ({kinds}) vào {out} trong {secs:.2} giây: {written} tệp ghi mới, {unchanged} tệp giữ nguyên, {removed} tệp xoá",
    );
    if r.images_encoded + r.images_reused == 0 {
        return line;
    }
    format!("{line}; {}", images(r.images_encoded, r.images_reused))
}

/// What a failed build says about its output folder (`out`, as the user named it): left
/// as it was, or never made; `existed`/`exists`: whether it was there before and after.
/// The write never touches the folder before the exchange, so a folder there before and
/// after is the previous build, whole.
pub fn output_after_failure(out: &Path, existed: bool, exists: bool) -> String {
    let shown = out.display().to_string();
    let name = format!("{}/", shown.trim_end_matches(['/', '\\']));
    match (existed, exists) {
        (true, true) => tr!(
            en: "{name} was left as it was.",
            vi: "Thư mục {name} được giữ nguyên như cũ.",
        ),
        (true, false) => tr!(
            en: "{name} could not be put back in place; see the error above.",
            vi: "Không đặt lại được thư mục {name}; xem lỗi ở trên.",
        ),
        (false, _) => tr!(
            en: "Nothing was published ({name} was not made).",
            vi: "Chưa có gì được đăng (thư mục {name} chưa được tạo).",
        ),
    }
}

/// What the progress bar says the build is doing.
pub fn stage(s: Stage) -> &'static str {
    let vi = current() == Lang::Vi;
    match s {
        Stage::Reading if vi => "đọc nội dung",
        Stage::Reading => "reading content",
        Stage::Markdown => "Markdown",
        Stage::Model if vi => "danh sách và liên kết",
        Stage::Model => "lists and links",
        Stage::Rendering if vi => "trang",
        Stage::Rendering => "pages",
        Stage::Finishing if vi => "tin, dữ liệu, lưu",
        Stage::Finishing => "feeds, data, saving",
    }
}

/// Elapsed time on the progress bar: `12 s`, `1 min 05 s` (`1 phút 05 giây`).
pub fn elapsed(d: Duration) -> String {
    let (m, s) = (d.as_secs() / 60, d.as_secs() % 60);
    match (m, current()) {
        (0, Lang::Vi) => format!("{s} giây"),
        (0, Lang::En) => format!("{s} s"),
        (_, Lang::Vi) => format!("{m} phút {s:02} giây"),
        (_, Lang::En) => format!("{m} min {s:02} s"),
    }
}

/// An English kind name with its article: "an event", "a news".
fn with_article(name: &str) -> String {
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}

/// What `congbo new` says once it has written a page.
pub fn created(file: &Path, kind: Kind) -> String {
    let file = file.display();
    // "a page page" / "trang trang" said nothing: a plain page is named as such.
    let what = match (kind, current()) {
        (Kind::Page, Lang::Vi) => "trang thông thường".to_string(),
        (Kind::Page, Lang::En) => "a plain page".to_string(),
        (_, Lang::Vi) => format!("trang {}", kind.label_vi().to_lowercase()),
        (_, Lang::En) => format!("{} page", with_article(kind.name())),
    };
    tr!(
        en: "Created {file} ({what}). Open it, fill in the lines starting with #, then run congbo build.",
        vi: "Đã tạo {file} ({what}). Mở tệp, điền các dòng bắt đầu bằng #, rồi chạy congbo build.",
    )
}

/// What `congbo import` says for each file it read.
pub fn imported(source: &Path, page: &Path, dry_run: bool) -> String {
    let (source, page) = (source.display(), page.display());
    if dry_run {
        tr!(
            en: "{source} → {page} (dry run: nothing written)",
            vi: "{source} → {page} (chạy thử: chưa ghi gì)",
        )
    } else {
        tr!(
            en: "{source} → {page}: check the page, then run congbo build",
            vi: "{source} → {page}: hãy xem lại trang, rồi chạy congbo build",
        )
    }
}

/// What a build says when it resized images.
pub fn images(made: usize, reused: usize) -> String {
    let cache = crate::images::CACHE_DIR;
    tr!(
        en: "images: {made} resized copies made, {reused} reused from {cache}",
        vi: "ảnh: {made} bản thu nhỏ mới tạo, {reused} bản dùng lại từ {cache}",
    )
}

/// What `congbo init` says once it has made a site.
pub fn initialised(dir: &Path) -> String {
    initialised_for(dir, cfg!(windows))
}

/// [`initialised`] for one platform's shell, so that its command can be pasted as it is:
/// Windows' Command Prompt changes drives only with `cd /d` (`cd D:\xa` from C: stays on
/// C:), and a folder with spaces or quotes needs each shell's own quoting.
fn initialised_for(dir: &Path, windows: bool) -> String {
    let d = dir.display();
    let cd = cd_command(&d.to_string(), windows);
    tr!(
        en: "Created a new site in {d}. Next: {cd} && congbo build",
        vi: "Đã tạo trang mới trong {d}. Tiếp theo: {cd} && congbo build",
    )
}

fn cd_command(dir: &str, windows: bool) -> String {
    let plain = dir.chars().all(|c| {
        !(c.is_whitespace() || c.is_ascii_punctuation())
            || matches!(c, '/' | '\\' | ':' | '.' | '_' | '-')
    });
    match (windows, plain) {
        (true, true) => format!("cd /d {dir}"),
        // Windows names cannot hold `"`.
        (true, false) => format!("cd /d \"{dir}\""),
        (false, true) => format!("cd {dir}"),
        (false, false) => format!("cd '{}'", dir.replace('\'', r"'\''")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::WriteReport;

    fn report(pages: [usize; 5], seconds: f64) -> BuildReport {
        let kinds = [
            Kind::Plan,
            Kind::News,
            Kind::Procedure,
            Kind::Document,
            Kind::Page,
        ];
        BuildReport {
            pages_by_kind: kinds.into_iter().zip(pages).collect(),
            files: 120,
            write: WriteReport {
                written: 7,
                unchanged: 113,
                removed: 2,
            },
            output_dir: "public".into(),
            seconds,
            warnings: Vec::new(),
            images_encoded: 0,
            images_reused: 0,
        }
    }

    #[test]
    fn the_summary_line() {
        assert_eq!(
            build_summary(&report([3, 1, 6, 0, 2], 1.234)),
            "Built 120 files (3 plans, 1 news item, 6 procedures, 2 pages) into public in 1.23 s: \
             7 written, 113 unchanged, 2 removed"
        );
        assert_eq!(
            build_summary(&report([0; 5], 0.0)),
            "Built 120 files (no pages) into public in 0.00 s: 7 written, 113 unchanged, 2 removed"
        );
    }

    #[test]
    fn the_init_hint_is_a_line_each_shell_takes_as_it_is() {
        // Command Prompt stays on its drive without /d; spaces need quotes in both shells.
        assert_eq!(
            initialised_for(Path::new(r"D:\cong-thong-tin"), true),
            r"Created a new site in D:\cong-thong-tin. Next: cd /d D:\cong-thong-tin && congbo build"
        );
        assert_eq!(
            initialised_for(Path::new(r"D:\Trang xã"), true),
            r#"Created a new site in D:\Trang xã. Next: cd /d "D:\Trang xã" && congbo build"#
        );
        assert_eq!(
            initialised_for(Path::new("/srv/xã-an"), false),
            "Created a new site in /srv/xã-an. Next: cd /srv/xã-an && congbo build"
        );
        assert_eq!(
            initialised_for(Path::new("/srv/Bà Rịa's"), false),
            r"Created a new site in /srv/Bà Rịa's. Next: cd '/srv/Bà Rịa'\''s' && congbo build"
        );
    }

    #[test]
    fn times_and_counts() {
        assert_eq!(elapsed(Duration::from_millis(12_400)), "12 s");
        assert_eq!(elapsed(Duration::from_secs(65)), "1 min 05 s");
        assert_eq!(pages_of_kind(Kind::Document, 1), "1 document");
        assert_eq!(pages_of_kind(Kind::News, 0), "0 news items");
    }
}

#[cfg(test)]
mod created_tests {
    use super::*;

    #[test]
    fn an_event_page_takes_an() {
        assert_eq!(with_article(Kind::Event.name()), "an event");
        assert_eq!(with_article(Kind::News.name()), "a news");
        assert_eq!(with_article(Kind::Question.name()), "a question");
    }
}
