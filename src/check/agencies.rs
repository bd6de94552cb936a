//! What the check says about agency names: a lead or partners cell that reads as a list but
//! could not be cut safely is a warning (in `build` and `check`), never a silent guess; and
//! `congbo check` lists, as notes, the spellings it grouped under another name and the
//! names used only once, where a typo hides.

use super::Notes;
use crate::content::Kind;
use crate::error::Diagnostic;
use crate::site::Site;
use crate::text::agency::{split_leads, split_partners};

/// A lead or partners entry kept whole although it reads as a list: one warning at its
/// task's line. The build cut the cells by these same rules ([`split_leads`],
/// [`split_partners`]); a part kept whole because its start is no agency says so again here.
pub fn warnings(site: &Site) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (entry, tasks) in site.pages.iter().zip(&site.tasks) {
        if entry.page.kind != Kind::Plan {
            continue;
        }
        for task in tasks {
            let leads = task.lead.iter().filter(|l| split_leads(l).unsplit_list);
            let partners = task
                .partners
                .iter()
                .filter(|p| split_partners(p).unsplit_list);
            let kept = leads
                .map(|l| (l, crate::tr!(en: "lead", vi: "chủ trì")))
                .chain(partners.map(|p| (p, crate::tr!(en: "partners", vi: "phối hợp"))));
            for (cell, role) in kept {
                found.push(Diagnostic::at(
                    &entry.page.file,
                    task.line,
                    0,
                    crate::tr!(
                        en: "the {role} \"{cell}\" read like a list of agencies, but the first part does not start like an agency's name (Phòng, Ban, Sở, UBND, Văn phòng, Trung tâm, Báo, Đài, Công an, Hội, Đoàn, Mặt trận, các …), so it was kept as one agency; write each agency starting with its kind of organisation, separated by semicolons",
                        vi: "cơ quan {role} \"{cell}\" giống một danh sách cơ quan, nhưng phần đầu không bắt đầu như tên một cơ quan (Phòng, Ban, Sở, UBND, Văn phòng, Trung tâm, Báo, Đài, Công an, Hội, Đoàn, Mặt trận, các …), nên được giữ nguyên là một cơ quan; hãy viết mỗi cơ quan bắt đầu bằng loại tổ chức của nó, ngăn cách bằng dấu chấm phẩy",
                    ),
                ));
            }
        }
    }
    found
}

/// `congbo check`'s notes on agency names, by file and line: each spelling shown under
/// another name (spelling → page), and each agency named in one task only.
pub fn notes(site: &Site) -> Vec<String> {
    let mut notes = Notes::default();
    for a in &site.agencies {
        let url = site.config.url(&a.path);
        let place = |plan: usize| site.pages.get(plan).map(|p| p.page.file.clone());
        for s in a.spellings.iter().filter(|s| s.text != a.name) {
            let Some(file) = place(s.plan) else { continue };
            let (spelling, name) = (&s.text, &a.name);
            notes.add(
                &file,
                s.line,
                crate::tr!(
                    en: "the agency \"{spelling}\" is grouped as \"{name}\" ({url}); if it is another organisation, write its name in full",
                    vi: "cơ quan \"{spelling}\" được gộp vào \"{name}\" ({url}); nếu đó là một tổ chức khác, hãy viết đầy đủ tên của nó",
                ),
            );
        }
        if let ([only], [s]) = (&a.tasks[..], &a.spellings[..])
            && let Some(file) = place(only.plan)
        {
            let name = &a.name;
            notes.add(
                &file,
                s.line,
                crate::tr!(
                    en: "the agency \"{name}\" appears in one task only ({url}); if it is a mistyped name of another agency, correct it, or join the two under [agencies] aliases in site.toml",
                    vi: "cơ quan \"{name}\" chỉ xuất hiện trong một nhiệm vụ ({url}); nếu đó là tên một cơ quan khác bị viết sai, hãy sửa lại, hoặc gộp hai tên trong mục [agencies] aliases của site.toml",
                ),
            );
        }
    }
    notes.sort();
    notes.lines()
}

#[cfg(test)]
mod tests {
    use super::warnings;
    use crate::site::tasks::tests::{build_site, d};

    #[test]
    fn a_lead_or_partners_list_kept_whole_is_a_warning_at_its_row() {
        let plan = "+++\ntitle = \"KH\"\ndate = 2026-01-05\n+++\n\n\
| STT | Nội dung | Chủ trì | Phối hợp | Thời gian |\n\
| --- | --- | --- | --- | --- |\n\
| 1 | Tuyên truyền | thôn, ấp, Công an xã | Phòng Kinh tế | Quý I |\n\
| 2 | Niêm yết | Phòng Kinh tế | thôn, ấp, Công an xã | Quý II |\n\
| 3 | Rà soát | Phòng Kinh tế, Công an xã | Phòng VH-XH | Quý III |\n";
        let site = build_site("", &[("content/ke-hoach/a.md", plan)], d(2026, 1, 1));
        let found = warnings(&site);
        let said: Vec<(usize, String)> =
            found.iter().map(|w| (w.line, w.message.clone())).collect();
        assert_eq!(found.len(), 2, "{said:?}");
        assert!(
            said[0].1.contains("the lead \"thôn, ấp, Công an xã\""),
            "{said:?}"
        );
        assert!(
            said[1].1.contains("the partners \"thôn, ấp, Công an xã\""),
            "{said:?}"
        );
        assert_eq!((said[0].0, said[1].0), (8, 9), "each at its row's line");
    }
}
