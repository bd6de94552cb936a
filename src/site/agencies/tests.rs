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
    let site = build_site("", files, build_date);
    let tasks = read_all(&site.pages, build_date);
    let agencies = group_agencies(&site.pages, &tasks);
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
            "Ủy ban MTTQ",
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
    let agencies = group_agencies(&site.pages, &tasks);
    assert_eq!(agencies.len(), 1);
    assert_eq!(agencies[0].tasks.len(), 1);
    assert_eq!(serde_json::to_string(&Role::Lead).unwrap(), "\"lead\"");
    assert_eq!(
        serde_json::to_string(&Role::Partner).unwrap(),
        "\"partner\""
    );
}
