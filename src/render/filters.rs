//! Filters, tests and functions the theme uses beyond Tera's built-ins: the theme's strings
//! in the site's language (`t`), dates, slugs, URL encoding, base-path-aware URLs, and
//! where an address points (`is external`, `address_kind`, by [`crate::text::address`]).

use std::sync::Arc;

use tera::{Error, Kwargs, State, Tera, TeraResult};

use crate::config::strings::{Catalogue, fill};
use crate::markdown::links::percent_encode;
use crate::text::address::classify;
use crate::text::date::{Date, parse_date};
use crate::text::slug::slugify;

/// The state form of `date_doc` and `date_list`, which Vietnamese catalogues use: their
/// dates are written by the fast code path of [`Date`] instead of a pattern.
const VI_DATE_DOC: &str = "ngày {day} tháng {month} năm {year}";
const VI_DATE_LIST: &str = "{day}/{mm}/{year}";

/// A date written by a catalogue pattern: `{day}` (two digits), `{d}` (no padding),
/// `{month}` (the state form: two digits for January and February only), `{mm}` (two
/// digits), `{m}`, `{month_name}` (the catalogue's `month_1` … `month_12`) and `{year}`.
pub fn format_date(date: Date, pattern: &str, strings: &Catalogue) -> String {
    match pattern {
        VI_DATE_DOC => return date.document(),
        VI_DATE_LIST => return date.list(),
        _ => {}
    }
    let month_name = strings
        .get(&format!("month_{}", date.month))
        .unwrap_or_default()
        .to_string();
    let state_month = if date.month <= 2 {
        format!("{:02}", date.month)
    } else {
        date.month.to_string()
    };
    fill(
        pattern,
        &[
            ("day", format!("{:02}", date.day)),
            ("d", date.day.to_string()),
            ("month", state_month),
            ("mm", format!("{:02}", date.month)),
            ("m", date.month.to_string()),
            ("month_name", month_name),
            ("year", date.year.to_string()),
        ],
    )
}

/// Registers everything on a fresh Tera instance. `base_path` is the site's (`/xa-thanh-an/`);
/// `strings` are the theme's strings in the language the pages are written in.
pub fn register(tera: &mut Tera, base_path: &str, strings: &Arc<Catalogue>) {
    for (name, key, fallback) in [
        ("date_doc", "date_doc", VI_DATE_DOC),
        ("date_list", "date_list", VI_DATE_LIST),
    ] {
        let strings = Arc::clone(strings);
        let pattern = strings.label(key, fallback);
        tera.register_filter(
            name,
            move |v: &str, _: Kwargs, _: &State| -> TeraResult<String> {
                let date = parse_date(v).map_err(|e| Error::message(format!("{name}: {e}")))?;
                Ok(format_date(date, &pattern, &strings))
            },
        );
    }
    let strings = Arc::clone(strings);
    tera.register_function(
        "t",
        move |kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let key: &str = kwargs.must_get("key")?;
            let text = strings.get(key).ok_or_else(|| {
                Error::message(crate::tr!(
                    en: "the translation key \"{key}\" is not in i18n/{}.toml",
                    vi: "khóa bản dịch \"{key}\" không có trong i18n/{}.toml",
                    strings.lang
                ))
            })?;
            // Arguments by name without formatting keys and string values through
            // `Display`: this runs for every share link and pager of every page.
            let args: Vec<(&str, std::borrow::Cow<'_, str>)> = kwargs
                .iter()
                .filter_map(|(k, v)| {
                    let k = k.as_str()?;
                    (k != "key").then(|| (k, arg_text(v)))
                })
                .collect();
            if args.is_empty() {
                return Ok(text.to_string());
            }
            Ok(fill(text, &args))
        },
    );
    tera.register_filter("slugify", |v: &str, _: Kwargs, _: &State| slugify(v));
    tera.register_filter("urlencode", |v: &str, _: Kwargs, _: &State| {
        percent_encode(v)
    });
    // `{% if page.source is external %}`: another web site (`https://…`, `//host/…`),
    // worth a link with rel="external"; anything that is not text is not one.
    tera.register_test(
        "external",
        |v: &tera::Value, _: Kwargs, _: &State| -> bool {
            v.as_str().is_some_and(|s| classify(s).is_web())
        },
    );
    tera.register_filter(
        "address_kind",
        |v: &str, _: Kwargs, _: &State| -> &'static str { classify(v).name() },
    );
    let base = base_path.to_string();
    tera.register_function(
        "get_url",
        move |kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let path: &str = kwargs.must_get("path")?;
            Ok(url_for(&base, path))
        },
    );
}

/// An argument of `t()` as text. Page numbers and counts are written digit by digit:
/// tera's `Display` for a value formats into a buffer of its own first, and pagers and
/// lists call `t()` with a number for every link.
fn arg_text(v: &tera::Value) -> std::borrow::Cow<'_, str> {
    if let Some(s) = v.as_str() {
        return std::borrow::Cow::Borrowed(s);
    }
    match v.as_u64().and_then(|n| usize::try_from(n).ok()) {
        Some(n) => {
            let mut out = String::with_capacity(4);
            crate::text::push_decimal(&mut out, n);
            std::borrow::Cow::Owned(out)
        }
        _ => std::borrow::Cow::Owned(v.to_string()),
    }
}

/// What `get_url(path=…)` gives: the path under the base path, or an address that leaves
/// the site (`https://…`, `mailto:…`) as it is.
pub(crate) fn url_for(base: &str, path: &str) -> String {
    if classify(path).leaves_site() {
        return path.to_string();
    }
    format!("{base}{}", path.trim_start_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Context;

    fn render_with(tpl: &str, strings: Catalogue) -> Result<String, tera::Error> {
        let mut t = Tera::default();
        register(&mut t, "/xa/", &Arc::new(strings));
        t.add_raw_template("t.html", tpl).unwrap();
        t.render("t.html", &Context::new())
    }

    fn render(tpl: &str) -> String {
        render_with(tpl, Catalogue::default()).unwrap()
    }

    #[test]
    fn translations_fill_arguments_and_are_escaped() {
        let en = Catalogue::from_pairs(
            "en",
            &[
                ("home", "Home"),
                ("page_n", "Page {n} of {total}"),
                ("amp", "Q&A"),
            ],
        );
        let out = render_with(
            "{{ t(key='home') }}|{{ t(key='page_n', n=2, total=9) }}|{{ t(key='amp') }}",
            en.clone(),
        )
        .unwrap();
        assert_eq!(out, "Home|Page 2 of 9|Q&amp;A");
        let e = render_with("{{ t(key='nope') }}", en).unwrap_err();
        let msg = format!("{e:?}");
        assert!(
            msg.contains("nope") && msg.contains("i18n/en.toml"),
            "{msg}"
        );
    }

    /// Numbers are written without `Display`; every kind must read as before.
    #[test]
    fn translation_arguments_of_every_kind_read_as_tera_writes_them() {
        let en = Catalogue::from_pairs("en", &[("x", "[{a}]")]);
        for arg in [
            "7",
            "0",
            "-3",
            "2.5",
            "true",
            "'chữ'",
            "9223372036854775807",
        ] {
            let ours = render_with(&format!("{{{{ t(key='x', a={arg}) }}}}"), en.clone()).unwrap();
            let tera = render_with(&format!("[{{{{ {arg} }}}}]"), en.clone()).unwrap();
            assert_eq!(ours, tera, "argument {arg}");
        }
    }

    #[test]
    fn dates_follow_the_catalogue() {
        let en = Catalogue::from_pairs(
            "en",
            &[
                ("date_doc", "{d} {month_name} {year}"),
                ("date_list", "{day}/{mm}/{year}"),
                ("month_2", "February"),
                ("month_7", "July"),
            ],
        );
        let out = render_with(
            "{{ '2024-02-09' | date_doc }}|{{ '2021-07-15' | date_doc }}|{{ '2024-02-09' | date_list }}",
            en,
        )
        .unwrap();
        assert_eq!(out, "9 February 2024|15 July 2021|09/02/2024");
        // A pattern other than the two fast ones still writes the state form.
        let vi =
            Catalogue::from_pairs("vi", &[("date_doc", "Ngày {day} tháng {month} năm {year}")]);
        let d = crate::text::date::Date::new(2021, 7, 5).unwrap();
        assert_eq!(
            format_date(d, "Ngày {day} tháng {month} năm {year}", &vi),
            "Ngày 05 tháng 7 năm 2021"
        );
    }

    #[test]
    fn vietnamese_dates() {
        assert_eq!(
            render("{{ '2024-02-29' | date_doc }}"),
            "ngày 29 tháng 02 năm 2024"
        );
        assert_eq!(
            render("{{ '2021-07-15' | date_doc }}"),
            "ngày 15 tháng 7 năm 2021"
        );
        assert_eq!(render("{{ '2024-02-29' | date_list }}"), "29/02/2024");
    }

    #[test]
    fn urls_slugs_encoding() {
        assert_eq!(
            render("{{ get_url(path='/css/style.css') }}"),
            "/xa/css/style.css"
        );
        assert_eq!(
            render("{{ 'Đăng ký khai sinh' | slugify }}"),
            "dang-ky-khai-sinh"
        );
        assert_eq!(render("{{ 'a b' | urlencode }}"), "a%20b");
    }

    #[test]
    fn templates_ask_where_an_address_points_by_the_one_rule() {
        for (url, external, kind) in [
            ("https://x.vn/", true, "web"),
            ("HTTP://X.VN", true, "web"),
            ("//cdn.x.vn/a", true, "other_host"),
            ("mailto:a@b.vn", false, "contact"),
            (" javascript:x", false, "refused"),
            ("/tin-tuc/", false, "site_path"),
            ("Báo Nhân Dân", false, "relative"),
            ("@/a.md", false, "content"),
        ] {
            let tpl = format!(
                "{{% set u = {} %}}{{% if u is external %}}yes{{% else %}}no{{% endif %}} {{{{ u | address_kind }}}}",
                serde_json::Value::String(url.into())
            );
            let want = format!("{} {kind}", if external { "yes" } else { "no" });
            assert_eq!(render(&tpl), want, "{url}");
        }
        // Not text: not an address of another site.
        assert_eq!(
            render("{% if none is external %}yes{% else %}no{% endif %}"),
            "no"
        );
    }

    #[test]
    fn get_url_leaves_every_address_elsewhere_as_it_is() {
        for url in [
            "https://x.vn/a",
            "HTTPS://x.vn",
            "//x.vn/a",
            "mailto:a@b.vn",
            "tel:1",
        ] {
            assert_eq!(url_for("/xa/", url), url);
        }
        assert_eq!(url_for("/xa/", "/a?u=https://x"), "/xa/a?u=https://x");
        assert_eq!(url_for("/xa/", "a"), "/xa/a");
    }
}
