//! What the check says about agency names: a partners cell that reads as a list but could
//! not be cut safely is a warning (in `build` and `check`), never a silent guess; and
//! `congbo check` lists, as notes, the spellings it grouped under another name and the
//! names used only once, where a typo hides.

use super::Notes;
use crate::content::Kind;
use crate::error::Diagnostic;
use crate::site::Site;
use crate::text::agency::split_partners;

/// A partners entry kept whole although it reads as a list: one warning at its task's line.
pub fn warnings(site: &Site) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (entry, tasks) in site.pages.iter().zip(&site.tasks) {
        if entry.page.kind != Kind::Plan {
            continue;
        }
        for task in tasks {
            for partner in &task.partners {
                // The build cut the cell by this same rule; a part it kept whole because its
                // start is no agency says so again here.
                if split_partners(partner).unsplit_list {
                    found.push(Diagnostic::at(
                        &entry.page.file,
                        task.line,
                        0,
                        crate::tr!(
                            en: "the partners \"{partner}\" read like a list of agencies, but the first part does not start like an agency's name (Phòng, Ban, Sở, UBND, Văn phòng, Trung tâm, Báo, Đài, Công an, Hội, Đoàn, Mặt trận, các …), so it was kept as one agency; write each agency starting with its kind of organisation, separated by semicolons",
                            vi: "cơ quan phối hợp \"{partner}\" giống một danh sách cơ quan, nhưng phần đầu không bắt đầu như tên một cơ quan (Phòng, Ban, Sở, UBND, Văn phòng, Trung tâm, Báo, Đài, Công an, Hội, Đoàn, Mặt trận, các …), nên được giữ nguyên là một cơ quan; hãy viết mỗi cơ quan bắt đầu bằng loại tổ chức của nó, ngăn cách bằng dấu chấm phẩy",
                        ),
                    ));
                }
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
