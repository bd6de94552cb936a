//! A lead cell that names more than one agency ("Phòng VH-XH, Công an xã", "Văn phòng HĐND
//! và UBND xã và Phòng Kinh tế"): each is a lead of the task, so the task is shown on each
//! one's page and no agency is made of the whole cell.

use super::{Split, reads_as_agency, split_partners};
use crate::text::fold::search_fold;

/// Whether `before` ends a name that "và" goes on inside: the joint office of the council
/// and the committee ("Văn phòng HĐND và UBND xã") is one agency, though "UBND xã" after
/// the "và" reads as an agency of its own.
fn joins_on(before: &str) -> bool {
    let key = search_fold(before);
    let key = key.trim_end();
    ["hdnd", "hoi dong nhan dan"]
        .iter()
        .any(|k| key == *k || key.ends_with(&format!(" {k}")))
}

/// Cuts `part` at each " và " followed by text that reads as an agency, unless the "và" is
/// inside a name ([`joins_on`]).
fn cut_at_and(part: &str, out: &mut Vec<String>) {
    let mut start = 0;
    let mut from = 0;
    while let Some(at) = part[from..].find(" và ").map(|i| from + i) {
        let rest = &part[at + " và ".len()..];
        if reads_as_agency(rest) && !joins_on(&part[..at]) {
            out.push(part[start..at].trim().to_string());
            start = at + " và ".len();
        }
        from = at + " và ".len();
    }
    out.push(part[start..].trim().to_string());
}

/// The agencies of a lead cell: cut as a partners cell is ([`split_partners`]), then at
/// each "và" that starts another agency.
pub fn split_leads(cell: &str) -> Split {
    let split = split_partners(cell);
    let mut parts = Vec::new();
    for part in &split.parts {
        cut_at_and(part, &mut parts);
    }
    parts.retain(|p| !p.is_empty());
    Split {
        parts,
        unsplit_list: split.unsplit_list,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_cell_is_cut_into_its_agencies() {
        let cases: &[(&str, &[&str])] = &[
            ("Phòng VH-XH, Công an xã", &["Phòng VH-XH", "Công an xã"]),
            (
                "Văn phòng HĐND và UBND xã và Phòng Kinh tế",
                &["Văn phòng HĐND và UBND xã", "Phòng Kinh tế"],
            ),
            ("Văn phòng HĐND và UBND xã", &["Văn phòng HĐND và UBND xã"]),
            (
                "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
                &["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"],
            ),
            (
                "Đài Phát thanh và Truyền hình thành phố",
                &["Đài Phát thanh và Truyền hình thành phố"],
            ),
            (
                "Ban Chỉ huy Quân sự xã và Công an xã",
                &["Ban Chỉ huy Quân sự xã", "Công an xã"],
            ),
            ("Phòng Kinh tế", &["Phòng Kinh tế"]),
        ];
        for (cell, want) in cases {
            assert_eq!(split_leads(cell).parts, *want, "{cell}");
        }
    }
}
