//! Suggestions in the form from what the site already has: tags, fields, agencies of
//! plans' tasks, authors, issuing authorities, signers. Each is a `<datalist>` tied to its
//! field, so the browser offers them as the editor types and anything else may still be
//! typed; the script makes lists typed with commas offer the next item.

use std::collections::BTreeMap;

use crate::text::html::escape;

/// The site's values, by the name of the list that offers them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suggestions(pub BTreeMap<&'static str, Vec<String>>);

/// Which list a front matter key (or a task grid column) is offered from.
pub(super) fn list_for(key: &str) -> Option<&'static str> {
    Some(match key {
        "tags" => "tags",
        "fields" => "fields",
        "author" => "author",
        "authority" | "parent_authority" => "authority",
        "lead" | "partners" => "agencies",
        "signer" => "signer",
        _ => return None,
    })
}

/// The `list` attribute of a field's input, when the site has values for it.
pub(super) fn list_attr(s: &Suggestions, key: &str) -> String {
    match list_for(key) {
        Some(name) if s.0.get(name).is_some_and(|v| !v.is_empty()) => {
            let comma = if matches!(key, "tags" | "fields" | "partners") {
                " data-phay=\"1\""
            } else {
                ""
            };
            format!(" list=\"goi-y-{name}\"{comma}")
        }
        _ => String::new(),
    }
}

/// Every list as a `<datalist>`.
pub(super) fn datalists(s: &Suggestions) -> String {
    let mut out = String::new();
    for (name, values) in &s.0 {
        if values.is_empty() {
            continue;
        }
        out.push_str(&format!("<datalist id=\"goi-y-{name}\">\n"));
        for v in values {
            out.push_str(&format!("<option value=\"{}\"></option>\n", escape(v)));
        }
        out.push_str("</datalist>\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_offers_its_list_only_when_the_site_has_values() {
        let mut s = Suggestions::default();
        s.0.insert("tags", vec!["Một cửa".into(), "Hộ \"tịch\"".into()]);
        s.0.insert("agencies", Vec::new());
        assert_eq!(
            list_attr(&s, "tags"),
            " list=\"goi-y-tags\" data-phay=\"1\""
        );
        assert_eq!(list_attr(&s, "lead"), "");
        assert_eq!(list_attr(&s, "title"), "");
        let html = datalists(&s);
        assert!(html.contains("<datalist id=\"goi-y-tags\">"), "{html}");
        assert!(html.contains("value=\"Hộ &quot;tịch&quot;\""), "{html}");
        assert!(!html.contains("goi-y-agencies"));
    }
}
