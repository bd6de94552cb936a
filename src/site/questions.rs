//! Questions and answers (hỏi đáp): which agency answered, written out by the agency
//! rules, and the index's groups by field. The page, its JSON-LD and the open data all
//! call these, so a question reads the same everywhere.

use super::Site;
use super::agencies::Agency;
use crate::content::page::QuestionMeta;
use crate::text::agency::agency_key;
use crate::text::collate;
use crate::text::fold::match_key;

/// The group of the questions (and procedures) that name no field.
pub const NO_FIELD: &str = "Khác";

/// The answering agency written out in full (or as the site's `[agencies]` table names
/// it), and its page among the agencies of plans' tasks when it has one.
pub fn answering_agency<'a>(
    site: &'a Site,
    m: &QuestionMeta,
) -> Option<(String, Option<&'a Agency>)> {
    let written = m.agency.as_deref()?;
    let aliases = &site.config.agency_aliases;
    let name = agency_key(written, aliases);
    let page = site
        .agencies
        .iter()
        .find(|a| agency_key(&a.name, aliases).key == name.key);
    Some((name.full, page))
}

/// `pages` grouped by the field `field_of` gives each (spellings that differ only in case
/// or tone placement are one field, shown as first met; none goes under [`NO_FIELD`]):
/// fields in Vietnamese alphabetical order, each group's pages in the order of `pages`.
pub fn group_by_field<'a>(
    pages: &[usize],
    field_of: impl Fn(usize) -> Option<&'a str>,
) -> Vec<(&'a str, Vec<usize>)> {
    let mut groups: Vec<(String, &'a str, Vec<usize>)> = Vec::new();
    for &i in pages {
        let field = field_of(i).unwrap_or(NO_FIELD);
        let key = match_key(field);
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(g) => g.2.push(i),
            None => groups.push((key, field, vec![i])),
        }
    }
    groups.sort_by(|a, b| collate::compare(a.1, b.1));
    groups
        .into_iter()
        .map(|(_, name, list)| (name, list))
        .collect()
}

/// The questions of `pages` grouped by their field, each group newest answered first
/// when `pages` are (a question section's order).
pub fn question_groups<'a>(site: &'a Site, pages: &[usize]) -> Vec<(&'a str, Vec<usize>)> {
    group_by_field(pages, |i| {
        site.pages[i]
            .page
            .question
            .as_ref()
            .and_then(|q| q.field.as_deref())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_group_in_vietnamese_order_keeping_the_given_order_within() {
        let fields = [
            Some("Hộ tịch"),
            Some("Đất đai"),
            None,
            Some("hộ tịch"),
            Some("Chứng thực"),
        ];
        let groups = group_by_field(&[0, 1, 2, 3, 4], |i| fields[i]);
        assert_eq!(
            groups,
            vec![
                ("Chứng thực", vec![4]),
                ("Đất đai", vec![1]),
                ("Hộ tịch", vec![0, 3]),
                (NO_FIELD, vec![2]),
            ]
        );
    }
}
