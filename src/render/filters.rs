//! Filters and functions the theme uses beyond Tera's built-ins: Vietnamese dates, slugs,
//! URL encoding and base-path-aware URLs.

use tera::{Error, Kwargs, State, Tera, TeraResult};

use crate::markdown::links::percent_encode;
use crate::text::date::parse_date;
use crate::text::slug::slugify;

/// Registers everything on a fresh Tera instance. `base_path` is the site's (`/xa-thanh-an/`).
pub fn register(tera: &mut Tera, base_path: &str) {
    tera.register_filter(
        "date_doc",
        |v: &str, _: Kwargs, _: &State| -> TeraResult<String> {
            Ok(parse_date(v)
                .map_err(|e| Error::message(format!("date_doc: {e}")))?
                .document())
        },
    );
    tera.register_filter(
        "date_list",
        |v: &str, _: Kwargs, _: &State| -> TeraResult<String> {
            Ok(parse_date(v)
                .map_err(|e| Error::message(format!("date_list: {e}")))?
                .list())
        },
    );
    tera.register_filter("slugify", |v: &str, _: Kwargs, _: &State| slugify(v));
    tera.register_filter("urlencode", |v: &str, _: Kwargs, _: &State| {
        percent_encode(v)
    });
    let base = base_path.to_string();
    tera.register_function(
        "get_url",
        move |kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let path: &str = kwargs.must_get("path")?;
            if path.contains("://") {
                return Ok(path.to_string());
            }
            Ok(format!("{base}{}", path.trim_start_matches('/')))
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Context;

    fn render(tpl: &str) -> String {
        let mut t = Tera::default();
        register(&mut t, "/xa/");
        t.add_raw_template("t.html", tpl).unwrap();
        t.render("t.html", &Context::new()).unwrap()
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
}
