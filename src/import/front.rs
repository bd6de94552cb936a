//! The front matter of an imported page, in TOML: only the keys the document gave, in the
//! order the guide shows them; the original file in `attachments`.

use super::header::Meta;
use crate::content::Kind;

/// A TOML basic string.
fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The years a plan's title names at its end, which are the plan's period as an editor
/// writes it: "… năm 2025" → (2025, 2025), "… giai đoạn 2021 - 2025" → (2021, 2025). The
/// build reads dues such as "Thường xuyên" within the period, and without one it would take
/// the year of the plan's date, which for a plan signed in December is the year before.
/// `None` when the title does not end so.
pub(crate) fn title_years(title: &str) -> Option<(i32, i32)> {
    let folded = crate::text::fold::search_fold(title);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let year = |w: &str| {
        w.parse::<i32>()
            .ok()
            .filter(|y| w.len() == 4 && (1900..2200).contains(y))
    };
    match words.as_slice() {
        [.., "giai", "doan", a, b] => match (year(a), year(b)) {
            (Some(a), Some(b)) if a <= b => Some((a, b)),
            _ => None,
        },
        [.., "nam", y] => year(y).map(|y| (y, y)),
        _ => None,
    }
}

/// The front matter block, `+++` lines included.
pub(crate) fn front_matter(
    kind: Kind,
    title: &str,
    meta: &Meta,
    attachment: Option<&str>,
) -> String {
    let mut out = String::from("+++\n");
    out.push_str(&format!("title = {}\n", quote(title)));
    // Number, authority, signer… are keys of plans and documents only; the build refuses
    // them on other kinds.
    let official = matches!(kind, Kind::Plan | Kind::Document);
    if official {
        if let Some(n) = &meta.number {
            out.push_str(&format!("number = {}\n", quote(n)));
        }
        if let Some(p) = &meta.parent_authority {
            out.push_str(&format!("parent_authority = {}\n", quote(p)));
        }
        if let Some(a) = &meta.authority {
            out.push_str(&format!("authority = {}\n", quote(a)));
        }
        if let Some(p) = &meta.place {
            out.push_str(&format!("place = {}\n", quote(p)));
        }
    }
    if kind == Kind::Plan
        && let Some((first, last)) = title_years(title)
    {
        out.push_str(&format!(
            "period = {{ start = {first}-01-01, end = {last}-12-31 }}\n"
        ));
    }
    if let Some(d) = meta.date {
        out.push_str(&format!("date = {}\n", d.iso()));
    }
    if official {
        if let Some(s) = &meta.signer {
            let mut parts = vec![format!("name = {}", quote(&s.name))];
            if let Some(t) = &s.title {
                parts.push(format!("title = {}", quote(t)));
            }
            if let Some(a) = &s.sign_as {
                parts.push(format!("sign_as = {}", quote(a)));
            }
            out.push_str(&format!("signer = {{ {} }}\n", parts.join(", ")));
        }
        if !meta.recipients.is_empty() {
            let list: Vec<String> = meta.recipients.iter().map(|r| quote(r)).collect();
            out.push_str(&format!("recipients = [{}]\n", list.join(", ")));
        }
        if let Some(a) = attachment {
            out.push_str(&format!("attachments = [{}]\n", quote(a)));
        }
    }
    out.push_str("+++\n");
    out
}

#[cfg(test)]
mod tests {
    use super::title_years;

    #[test]
    fn a_plan_title_ending_in_its_years_gives_the_period() {
        let t = title_years;
        assert_eq!(
            t("Kế hoạch công tác thông tin, tuyên truyền cải cách hành chính năm 2025"),
            Some((2025, 2025))
        );
        assert_eq!(t("Kế hoạch CCHC giai đoạn 2021 - 2025"), Some((2021, 2025)));
        assert_eq!(t("Kế hoạch CCHC giai đoạn 2021–2025"), Some((2021, 2025)));
        assert_eq!(t("KẾ HOẠCH TUYÊN TRUYỀN NĂM 2026"), Some((2026, 2026)));
        // Nothing is made up: no year at the end, a number that is not a year, a range
        // backwards.
        assert_eq!(t("Kế hoạch năm 2025 về tuyên truyền"), None);
        assert_eq!(t("Kế hoạch số 172"), None);
        assert_eq!(t("Kế hoạch năm 20251"), None);
        assert_eq!(t("Kế hoạch giai đoạn 2025 - 2021"), None);
    }
}
