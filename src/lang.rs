//! The language of congbo's own messages (the build summary, serve's lines, errors): what
//! `--lang` or `CONGBO_LANG` asks for; else Vietnamese for a Vietnamese site (editors run
//! Vietnamese and English Windows alike, and read the site's language); else the locale's
//! (on Windows, without locale variables, the user's Windows locale).
//! It is chosen once, when the command line starts, and fixed for the process in a
//! [`OnceLock`]; everything else only reads it. Each message is written in both languages
//! at the place it is made, with [`tr!`](crate::tr).

use std::sync::OnceLock;

/// A language of congbo's messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// English: the default, and what tests see.
    #[default]
    En,
    /// Vietnamese.
    Vi,
}

static CURRENT: OnceLock<Lang> = OnceLock::new();

impl Lang {
    /// The language the locale variables ask for, in POSIX precedence: `LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`; the first one set to something non-empty decides.
    /// `vi`, `vi_VN.UTF-8`, `vi-VN` give Vietnamese; anything else (`C`, `en_US.UTF-8`) English.
    pub fn from_locale(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        let chosen = [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|v| !v.is_empty());
        match chosen {
            Some(v) if is_vietnamese(v) => Lang::Vi,
            _ => Lang::En,
        }
    }

    /// `vi`, `vi_VN.UTF-8` … and `en`, `en_GB` …: a language asked for by name (`--lang`,
    /// `CONGBO_LANG`); `None` for anything else.
    pub fn parse(value: &str) -> Option<Lang> {
        let value = value.trim();
        if is_vietnamese(value) {
            Some(Lang::Vi)
        } else if value.split(['_', '-', '.', '@']).next() == Some("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The messages' language: the one asked for by name, else Vietnamese when the site's
    /// language is (`site` is `site.toml`'s `language`, `None` without a site), else the
    /// locale's.
    pub fn choose(asked: Option<Lang>, site: Option<&str>, locale: Lang) -> Lang {
        match (asked, site) {
            (Some(lang), _) => lang,
            (None, Some(site)) if is_vietnamese(site) => Lang::Vi,
            _ => locale,
        }
    }

    /// [`Lang::from_locale`], but when none of the variables is set, the operating system's
    /// own locale (`system`, asked only then) decides: Windows has no `LANG`, and an office
    /// whose Windows is set to Vietnamese should get Vietnamese messages.
    pub fn from_locale_or_system(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
        system: impl FnOnce() -> Option<String>,
    ) -> Lang {
        let set = |v: Option<&str>| v.is_some_and(|v| !v.trim().is_empty());
        if set(lc_all) || set(lc_messages) || set(lang) {
            return Lang::from_locale(lc_all, lc_messages, lang);
        }
        Lang::from_locale(None, None, system().as_deref())
    }

    /// The language of this process's environment.
    pub fn from_env() -> Lang {
        let var = |n: &str| std::env::var(n).ok();
        Lang::from_locale_or_system(
            var("LC_ALL").as_deref(),
            var("LC_MESSAGES").as_deref(),
            var("LANG").as_deref(),
            system_locale,
        )
    }
}

/// The user's locale name as Windows gives it (`vi-VN`, `en-US`): the "Region" setting.
#[cfg(windows)]
fn system_locale() -> Option<String> {
    unsafe extern "system" {
        fn GetUserDefaultLocaleName(name: *mut u16, len: i32) -> i32;
    }
    // LOCALE_NAME_MAX_LENGTH, counting the closing NUL.
    let mut buf = [0u16; 85];
    // SAFETY: the pointer and length describe `buf`, which Windows fills with at most
    // `len` UTF-16 units and a NUL; it returns the count with the NUL, or 0 on failure.
    let n = unsafe { GetUserDefaultLocaleName(buf.as_mut_ptr(), buf.len() as i32) };
    let n = usize::try_from(n).ok()?.checked_sub(1)?;
    buf.get(..n).map(String::from_utf16_lossy)
}

/// Elsewhere the locale variables are the system's locale: nothing more to ask.
#[cfg(not(windows))]
fn system_locale() -> Option<String> {
    None
}

fn is_vietnamese(locale: &str) -> bool {
    let code = locale.split(['_', '-', '.', '@']).next().unwrap_or("");
    code.eq_ignore_ascii_case("vi")
}

/// Fixes the messages' language for the whole process; only `main` calls it, once. A second
/// call changes nothing.
pub fn init(lang: Lang) {
    let _ = CURRENT.set(lang);
}

/// The messages' language: what [`init`] set, else English.
pub fn current() -> Lang {
    CURRENT.get().copied().unwrap_or_default()
}

/// "1 warning", "2 warnings": a count with its English noun. Only for the English text of
/// a [`tr!`](crate::tr) message; Vietnamese nouns have no plural ("1 cảnh báo", "2 cảnh báo").
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A message in both languages, formatted in the current one:
/// `tr!(en: "could not read {file}", vi: "không đọc được {file}")`. Extra arguments are
/// positional arguments of both texts.
#[macro_export]
macro_rules! tr {
    (en: $en:literal, vi: $vi:literal $(, $arg:expr)* $(,)?) => {
        if $crate::lang::current() == $crate::lang::Lang::Vi {
            format!($vi $(, $arg)*)
        } else {
            format!($en $(, $arg)*)
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_counts_have_a_singular() {
        assert_eq!(count(1, "warning", "warnings"), "1 warning");
        assert_eq!(count(0, "warning", "warnings"), "0 warnings");
        assert_eq!(count(2, "document is", "documents are"), "2 documents are");
    }

    #[test]
    fn locale_precedence_and_values() {
        let l = Lang::from_locale;
        assert_eq!(l(None, None, Some("vi_VN.UTF-8")), Lang::Vi);
        assert_eq!(l(None, None, Some("vi")), Lang::Vi);
        assert_eq!(l(None, None, Some("VI-vn")), Lang::Vi);
        assert_eq!(l(None, None, Some("C")), Lang::En);
        assert_eq!(l(None, None, Some("en_US.UTF-8")), Lang::En);
        assert_eq!(l(None, None, None), Lang::En);
        assert_eq!(l(None, None, Some("vie")), Lang::En, "only the code vi");
        // LC_ALL wins over everything, LC_MESSAGES over LANG; empty values are skipped.
        assert_eq!(l(Some("C"), Some("vi_VN"), Some("vi_VN")), Lang::En);
        assert_eq!(l(Some(""), Some("vi_VN.UTF-8"), Some("C")), Lang::Vi);
        assert_eq!(l(None, Some("en_GB"), Some("vi_VN")), Lang::En);
        assert_eq!(l(Some("vi_VN@latin"), None, Some("C")), Lang::Vi);
    }

    #[test]
    fn asked_beats_the_site_which_beats_the_locale() {
        use Lang::{En, Vi};
        assert_eq!(Lang::choose(None, Some("vi"), En), Vi, "a Vietnamese site");
        assert_eq!(Lang::choose(Some(En), Some("vi"), Vi), En, "--lang en");
        assert_eq!(
            Lang::choose(None, Some("en"), Vi),
            Vi,
            "an English site: the locale"
        );
        assert_eq!(Lang::choose(None, Some("en"), En), En);
        assert_eq!(Lang::choose(None, None, En), En, "no site: the locale");
        assert_eq!(Lang::parse("vi"), Some(Vi));
        assert_eq!(Lang::parse(" en_US.UTF-8"), Some(En));
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn without_locale_variables_the_system_locale_decides() {
        // Windows has no LC_ALL or LANG: its own locale ("vi-VN") decides there.
        assert_eq!(
            Lang::from_locale_or_system(None, None, None, || Some("vi-VN".into())),
            Lang::Vi
        );
        assert_eq!(
            Lang::from_locale_or_system(None, None, Some(""), || Some("vi-VN".into())),
            Lang::Vi
        );
        assert_eq!(
            Lang::from_locale_or_system(None, None, None, || Some("en-US".into())),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale_or_system(None, None, None, || None),
            Lang::En
        );
        // A variable that is set wins, and the system is not even asked.
        let never = || -> Option<String> { panic!("asked the system") };
        assert_eq!(
            Lang::from_locale_or_system(None, None, Some("C"), never),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale_or_system(Some("vi_VN.UTF-8"), None, None, never),
            Lang::Vi
        );
    }

    #[test]
    fn unset_language_is_english() {
        // Tests never call `init`, so messages are in English here.
        assert_eq!(current(), Lang::En);
        let n = 2;
        assert_eq!(tr!(en: "{n} files", vi: "{n} tệp"), "2 files");
    }
}
