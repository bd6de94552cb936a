//! A survey's or a contest's own keys (khảo sát, cuộc thi): the first and last day one may
//! take part (both required, the last not before the first), who may take part, the
//! address to take part at (another web site, by `text::address`' one rule), the rules
//! and results files, and a contest's winners.

use super::{Origin, non_empty, read_date};
use crate::content::page::{SurveyMeta, Winner};
use crate::content::raw::RawPage;
use crate::error::Diagnostic;
use crate::text::address::{Address, classify};

/// A survey's or a contest's keys, taken out of the raw front matter; none when a date is
/// missing or wrong (each an error at its line).
pub(super) fn survey_meta(
    raw: &mut RawPage,
    origin: &Origin<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<SurveyMeta> {
    let day = |key: &str, v: Option<toml::Value>, errors: &mut Vec<Diagnostic>| {
        let Some(v) = v else {
            let (first, dau) = if key == "start" {
                ("first", "đầu tiên")
            } else {
                ("last", "cuối cùng")
            };
            errors.push(origin.at_key(
                "title",
                crate::tr!(
                    en: "a survey or contest needs `{key}`, the {first} day one may take part: add a line like {key} = 2025-06-30",
                    vi: "khảo sát, cuộc thi cần có `{key}`, ngày {dau} được tham gia: hãy thêm một dòng như {key} = 2025-06-30",
                ),
            ));
            return None;
        };
        read_date(&v, key, origin).map_err(|e| errors.push(e)).ok()
    };
    let start = day("start", raw.start.take(), errors);
    let end = day("end", raw.end.take(), errors);
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        let (s, e) = (s.iso(), e.iso());
        errors.push(origin.at_key(
            "end",
            crate::tr!(
                en: "it closes before it opens: `start` is {s} but `end` is {e}; write an end on or after the start",
                vi: "ngày kết thúc trước ngày bắt đầu: `start` là {s} mà `end` là {e}; hãy ghi ngày kết thúc từ ngày bắt đầu trở đi",
            ),
        ));
    }
    let join_url = non_empty(raw.join_url.take());
    if let Some(url) = &join_url {
        let kind = classify(url);
        if kind != Address::Web {
            let why = if kind == Address::Refused {
                crate::tr!(
                    en: "`join_url` = \"{url}\" has a scheme a browser could run or that leaves the web; congbo never links to it",
                    vi: "`join_url` = \"{url}\" có kiểu địa chỉ có thể chạy mã hoặc không phải trang web; congbo không bao giờ đặt liên kết tới",
                )
            } else {
                crate::tr!(
                    en: "`join_url` = \"{url}\" is not an address of a web site",
                    vi: "`join_url` = \"{url}\" không phải địa chỉ một trang web",
                )
            };
            errors.push(origin.at_key(
                "join_url",
                crate::tr!(
                    en: "{why}: write the full address where people take part, starting with https://",
                    vi: "{why}: hãy ghi đầy đủ địa chỉ nơi người dân tham gia, bắt đầu bằng https://",
                ),
            ));
        }
    }
    let mut winners = Vec::new();
    for w in raw.winners.take().unwrap_or_default() {
        match non_empty(Some(w.name)) {
            Some(name) => winners.push(Winner {
                name,
                prize: non_empty(w.prize),
            }),
            None => errors.push(origin.at_key(
                "winners",
                crate::tr!(
                    en: "a winner has an empty `name`: write who won, or remove the [[winners]] entry",
                    vi: "một người đoạt giải có `name` để trống: hãy ghi tên người đoạt giải, hoặc bỏ mục [[winners]] đó",
                ),
            )),
        }
    }
    Some(SurveyMeta {
        start: start?,
        end: end?,
        participants: non_empty(raw.participants.take()),
        join_url,
        rules: non_empty(raw.rules.take()),
        results: non_empty(raw.results.take()),
        winners,
    })
}
