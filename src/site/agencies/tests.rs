use super::*;
use crate::site::Site;
use crate::site::tasks::read_all;
use crate::site::tasks::tests::{build_site, d};
use crate::text::date::Date;

/// A plan file whose tasks are `(name, lead, partners, due)`.
fn plan(title: &str, tasks: &[(&str, &str, &[&str], &str)]) -> String {
    let mut s = format!("+++\ntitle = \"{title}\"\ndate = 2025-01-02\n");
    for (name, lead, partners, due) in tasks {
        let partners: Vec<String> = partners.iter().map(|p| format!("\"{p}\"")).collect();
        s.push_str(&format!(
            "[[tasks]]\nname = \"{name}\"\nlead = \"{lead}\"\npartners = [{}]\ndue = \"{due}\"\n",
            partners.join(", ")
        ));
    }
    s.push_str("+++\n");
    s
}

fn group(files: &[(&str, &str)], build_date: Date) -> (Site, Vec<Vec<Task>>, Vec<Agency>) {
    group_with("", files, build_date)
}

fn group_with(
    config: &str,
    files: &[(&str, &str)],
    build_date: Date,
) -> (Site, Vec<Vec<Task>>, Vec<Agency>) {
    let site = build_site(config, files, build_date);
    let tasks = read_all(&site.pages, build_date);
    let agencies = group_agencies(&site.pages, &tasks, &site.config.agency_aliases);
    (site, tasks, agencies)
}

fn names(agencies: &[Agency]) -> Vec<&str> {
    agencies.iter().map(|a| a.name.as_str()).collect()
}

#[test]
fn three_spellings_are_one_agency_shown_in_the_commonest() {
    let a = plan(
        "A",
        &[
            ("Việc 1", "Phòng Văn hoá – Xã hội", &[], "Quý I/2025"),
            ("Việc 2", "phòng Văn hóa - Xã hội", &[], "Quý II/2025"),
        ],
    );
    let b = plan(
        "B",
        &[
            // NFD input, double space, en dash glued on one side.
            (
                "Việc 3",
                "Phòng Văn ho\u{0301}a  –Xã hội",
                &[],
                "Quý III/2025",
            ),
            (
                "Việc 4",
                "Văn phòng",
                &["phòng Văn hóa - Xã hội"],
                "Quý IV/2025",
            ),
        ],
    );
    let (_, _, agencies) = group(
        &[("content/ke-hoach/a.md", &a), ("content/ke-hoach/b.md", &b)],
        d(2025, 1, 1),
    );
    assert_eq!(names(&agencies), ["phòng Văn hóa - Xã hội", "Văn phòng"]);
    let p = &agencies[0];
    assert_eq!(p.slug, "phong-van-hoa-xa-hoi");
    assert_eq!(p.path, "/co-quan/phong-van-hoa-xa-hoi/");
    assert_eq!(p.tasks.len(), 4);
    assert_eq!(p.tasks[3].role, Role::Partner);
}

#[test]
fn spelling_ties_go_to_the_first_met_in_page_order() {
    let a = plan("A", &[("Việc 1", "Uỷ ban nhân dân xã", &[], "")]);
    let b = plan("B", &[("Việc 2", "Ủy ban nhân dân xã", &[], "")]);
    for (first, second, want) in [
        (&a, &b, "Uỷ ban nhân dân xã"),
        (&b, &a, "Ủy ban nhân dân xã"),
    ] {
        let (site, _, agencies) = group(
            &[
                ("content/ke-hoach/a.md", first),
                ("content/ke-hoach/b.md", second),
            ],
            d(2025, 1, 1),
        );
        assert_eq!(site.pages[0].page.path, "/ke-hoach/a/");
        assert_eq!(names(&agencies), [want]);
    }
}

#[test]
fn tasks_are_nearest_due_first_with_overdue_flags() {
    let a = plan(
        "A",
        &[
            ("Không hạn", "Công an xã", &[], "Khi có yêu cầu"),
            ("Cuối năm", "Công an xã", &[], "Quý IV/2025"),
            (
                "Đầu năm",
                "Đoàn Thanh niên",
                &["Công an xã"],
                "Tháng 1/2025",
            ),
            ("Cả hai vai", "Công an xã", &["Công an xã"], "Quý II/2025"),
        ],
    );
    let (_, tasks, agencies) = group(&[("content/ke-hoach/a.md", &a)], d(2025, 6, 1));
    let ca = &agencies[0];
    assert_eq!(ca.name, "Công an xã");
    let order: Vec<(&str, Role, bool)> = ca
        .tasks
        .iter()
        .map(|t| (tasks[t.plan][t.task].name.as_str(), t.role, t.overdue))
        .collect();
    assert_eq!(
        order,
        [
            ("Đầu năm", Role::Partner, true),
            ("Cả hai vai", Role::Lead, false),
            ("Cuối năm", Role::Lead, false),
            ("Không hạn", Role::Lead, false),
        ]
    );
    assert_eq!(ca.tasks[0].plan, 0);
}

#[test]
fn agencies_are_in_vietnamese_order_with_unique_slugs() {
    let a = plan(
        "A",
        &[
            ("1", "Văn phòng", &["Ủy ban MTTQ", "Đoàn Thanh niên"], ""),
            ("2", "Phòng Văn hóa", &["Phòng Văn hoa", "  "], ""),
            ("3", "Công an xã", &["Hội Phụ nữ"], ""),
        ],
    );
    let (_, _, agencies) = group(&[("content/ke-hoach/a.md", &a)], d(2025, 1, 1));
    assert_eq!(
        names(&agencies),
        [
            "Công an xã",
            "Đoàn Thanh niên",
            "Hội Phụ nữ",
            "Phòng Văn hoa",
            "Phòng Văn hóa",
            // Shown in full: "MTTQ" is Mặt trận Tổ quốc.
            "Ủy ban Mặt trận Tổ quốc",
            "Văn phòng"
        ]
    );
    let slugs: Vec<&str> = agencies.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs[3..5], ["phong-van-hoa", "phong-van-hoa-1"]);
}

#[test]
fn only_plans_count_and_roles_serialise_in_lower_case() {
    let a = plan("A", &[("1", "Văn phòng", &[], "")]);
    let site = build_site(
        "",
        &[
            ("content/ke-hoach/a.md", &a),
            (
                "content/gioi-thieu.md",
                "+++\ntitle = \"Giới thiệu\"\n+++\n",
            ),
        ],
        d(2025, 1, 1),
    );
    let mut tasks = read_all(&site.pages, d(2025, 1, 1));
    // A stray task list on a plain page is ignored.
    let plain = site
        .pages
        .iter()
        .position(|p| p.page.kind != Kind::Plan)
        .unwrap();
    tasks[plain] = tasks[1 - plain].clone();
    let agencies = group_agencies(&site.pages, &tasks, &Default::default());
    assert_eq!(agencies.len(), 1);
    assert_eq!(agencies[0].tasks.len(), 1);
    assert_eq!(serde_json::to_string(&Role::Lead).unwrap(), "\"lead\"");
    assert_eq!(
        serde_json::to_string(&Role::Partner).unwrap(),
        "\"partner\""
    );
}

#[test]
fn the_usual_spellings_of_one_organisation_make_one_page_in_full() {
    // Spellings met in real plans (issue #25), each pair two pages before.
    let a = plan(
        "A",
        &[
            ("1", "UBND xã", &["VP HĐND & UBND xã"], ""),
            ("2", "Phòng Văn hoá-Xã hội", &["Trung tâm PVHCC xã"], ""),
            ("3", "UBND xã", &[], ""),
        ],
    );
    let b = plan(
        "B",
        &[
            (
                "4",
                "Ủy ban nhân dân xã",
                &["Văn phòng HĐND và UBND xã"],
                "",
            ),
            (
                "5",
                "Phòng Văn hóa - Xã hội",
                &["Trung tâm Phục vụ hành chính công xã"],
                "",
            ),
        ],
    );
    let (_, _, agencies) = group(
        &[("content/ke-hoach/a.md", &a), ("content/ke-hoach/b.md", &b)],
        d(2025, 1, 1),
    );
    assert_eq!(
        names(&agencies),
        [
            "Phòng Văn hoá - Xã hội",
            "Trung tâm Phục vụ hành chính công xã",
            "Ủy ban nhân dân xã",
            "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
        ]
    );
    let slugs: Vec<&str> = agencies.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(
        slugs,
        [
            "phong-van-hoa-xa-hoi",
            "trung-tam-phuc-vu-hanh-chinh-cong-xa",
            "uy-ban-nhan-dan-xa",
            "van-phong-hoi-dong-nhan-dan-va-uy-ban-nhan-dan-xa",
        ]
    );
    // The paths the abbreviated spellings had as pages of their own lead to the page.
    assert_eq!(agencies[2].redirects, ["/co-quan/ubnd-xa/"]);
    assert_eq!(
        agencies[3].redirects,
        [
            "/co-quan/vp-hdnd-ubnd-xa/",
            "/co-quan/van-phong-hdnd-va-ubnd-xa/"
        ]
    );
    // Every spelling is kept, with how often and where it was first used.
    let ubnd = &agencies[2];
    let spellings: Vec<(&str, usize, usize)> = ubnd
        .spellings
        .iter()
        .map(|s| (s.text.as_str(), s.count, s.plan))
        .collect();
    assert_eq!(spellings, [("UBND xã", 2, 0), ("Ủy ban nhân dân xã", 1, 1)]);
    assert!(
        ubnd.spellings[0].line > 0,
        "the line of its [[tasks]] entry"
    );
    let written: Vec<&str> = (ubnd.tasks.iter())
        .map(|t| ubnd.spellings[t.spelling].text.as_str())
        .collect();
    assert_eq!(written, ["UBND xã", "UBND xã", "Ủy ban nhân dân xã"]);
}

#[test]
fn a_new_rare_spelling_does_not_move_a_page_to_dash_one() {
    let a = plan(
        "A",
        &[
            ("1", "Phòng Văn hóa", &[], ""),
            ("2", "Phòng Văn hóa", &[], ""),
        ],
    );
    let (_, _, before) = group(&[("content/ke-hoach/a.md", &a)], d(2025, 1, 1));
    assert_eq!(before[0].slug, "phong-van-hoa");
    // A typo that sorts first ("hoa" before "hóa") and slugifies the same.
    let b = plan("B", &[("3", "Phòng Văn hoa", &[], "")]);
    let (_, _, after) = group(
        &[("content/ke-hoach/a.md", &a), ("content/ke-hoach/b.md", &b)],
        d(2025, 1, 1),
    );
    let slug_of = |name: &str| {
        let a = after.iter().find(|a| a.name == name).unwrap();
        a.slug.clone()
    };
    assert_eq!(slug_of("Phòng Văn hóa"), "phong-van-hoa");
    assert_eq!(slug_of("Phòng Văn hoa"), "phong-van-hoa-1");
}

#[test]
fn the_site_aliases_join_names_and_name_the_page() {
    let a = plan(
        "A",
        &[
            ("1", "Phòng VHXH-TT", &[], ""),
            ("2", "Phòng VHXH-TT", &[], ""),
            ("3", "phòng Văn hóa - Xã hội", &[], ""),
        ],
    );
    let files = [("content/ke-hoach/a.md", a.as_str())];
    let (_, _, apart) = group(&files, d(2025, 1, 1));
    assert_eq!(apart.len(), 2);
    let (_, _, joined) = group_with(
        "[agencies]\naliases = { \"Phòng VHXH-TT\" = \"Phòng Văn hóa - Xã hội\" }\n",
        &files,
        d(2025, 1, 1),
    );
    assert_eq!(names(&joined), ["Phòng Văn hóa - Xã hội"]);
    assert_eq!(joined[0].tasks.len(), 3);
    assert_eq!(joined[0].spellings.len(), 2);
}

#[test]
fn table_rows_keep_their_line_and_split_partners_safely() {
    let md = "+++\ntitle = \"A\"\ndate = 2025-01-02\n+++\nMở đầu.\n\n\
| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp |\n\
|---|---|---|---|\n\
| 1 | Việc một | UBND xã | Báo và Phát thanh, Truyền hình Thái Nguyên |\n\
| 2 | Việc hai | UBND xã | Công an xã, Đoàn TN xã |\n";
    let (_, tasks, agencies) = group(&[("content/ke-hoach/a.md", md)], d(2025, 1, 1));
    assert_eq!(tasks[0][0].line, 9);
    assert_eq!(tasks[0][1].line, 10);
    assert_eq!(
        names(&agencies),
        [
            "Báo và Phát thanh, Truyền hình Thái Nguyên",
            "Công an xã",
            "Đoàn Thanh niên xã",
            "Ủy ban nhân dân xã"
        ]
    );
}
