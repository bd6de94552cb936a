//! `affected_jobs` on small sites built through the real stages: each edit names the jobs
//! whose context can differ, and nothing else.

use super::*;
use crate::site::tasks::tests::{build_site, d};

fn news(title: &str, date: &str, tags: &str) -> String {
    format!("+++\ntitle = \"{title}\"\ndate = {date}\ntags = {tags}\n+++\nTin {title}.\n")
}

const PLAN: &str = "+++\ntitle = \"Kế hoạch A\"\ndate = 2025-03-01\n\
    [[tasks]]\nname = \"Việc\"\nlead = \"Văn phòng\"\ndue = \"Quý III/2025\"\n+++\n\
    Thực hiện Nghị định số 45/2020/NĐ-CP.\n";
const DOCUMENT: &str = "+++\ntitle = \"Nghị định 45\"\nnumber = \"45/2020/NĐ-CP\"\n\
    date = 2020-04-08\n+++\nNội dung.\n";

/// The files of the test site, with `edit` applied to the one named.
fn files(edit: Option<(&str, &str)>) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = vec![
        ("a", "2025-01-01", "[\"Một cửa\"]"),
        ("b", "2025-01-02", "[\"Một cửa\"]"),
        ("c", "2025-01-03", "[\"An ninh\"]"),
        ("d", "2025-01-04", "[]"),
    ]
    .into_iter()
    .map(|(n, date, tags)| (format!("content/tin-tuc/{n}.md"), news(n, date, tags)))
    .collect();
    files.push(("content/ke-hoach/k.md".into(), PLAN.into()));
    files.push(("content/van-ban/nd45.md".into(), DOCUMENT.into()));
    if let Some((name, text)) = edit {
        for f in &mut files {
            if f.0 == name {
                f.1 = text.to_string();
            }
        }
    }
    files
}

fn site(edit: Option<(&str, &str)>) -> Site {
    let files = files(edit);
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    build_site("paginate_by = 2", &refs, d(2025, 6, 1))
}

fn page(s: &Site, path: &str) -> usize {
    s.pages.iter().position(|p| p.page.path == path).unwrap()
}

fn affected(edit: (&str, &str)) -> (Site, Affected) {
    let (old, new) = (site(None), site(Some(edit)));
    let all = jobs::plan(&new);
    let a = affected_jobs(&old, &new, &all);
    (new, a)
}

fn some(a: Affected) -> Vec<Job> {
    match a {
        Affected::Some(v) => v,
        Affected::All => panic!("expected some jobs, got all"),
    }
}

#[test]
fn nothing_changed_renders_nothing() {
    let (old, new) = (site(None), site(None));
    assert_eq!(
        affected_jobs(&old, &new, &jobs::plan(&new)),
        Affected::Some(vec![])
    );
}

#[test]
fn a_title_renders_the_page_its_neighbours_lists_and_terms() {
    let (s, a) = affected((
        "content/tin-tuc/b.md",
        &news("B mới", "2025-01-02", "[\"Một cửa\"]"),
    ));
    let jobs = some(a);
    let (a, b, c, d) = (
        page(&s, "/tin-tuc/a/"),
        page(&s, "/tin-tuc/b/"),
        page(&s, "/tin-tuc/c/"),
        page(&s, "/tin-tuc/d/"),
    );
    for want in [Job::Page(a), Job::Page(b), Job::Page(c)] {
        assert!(jobs.contains(&want), "{want:?} in {jobs:?}");
    }
    assert!(!jobs.contains(&Job::Page(d)), "not a neighbour: {jobs:?}");
    let news = s
        .sections
        .iter()
        .position(|x| x.section.key == "tin-tuc")
        .unwrap();
    // Newest first, two a page: d c | b a.
    assert!(jobs.contains(&Job::Section {
        section: news,
        page: 2
    }));
    assert!(!jobs.contains(&Job::Section {
        section: news,
        page: 1
    }));
    assert!(
        jobs.contains(&Job::Section {
            section: 0,
            page: 1
        }),
        "home"
    );
    let one = s.taxonomies[0].index[&crate::text::fold::match_key("Một cửa")];
    assert!(jobs.contains(&Job::Term {
        taxonomy: 0,
        term: one,
        page: 1
    }));
    assert!(!jobs.iter().any(|j| matches!(
        j,
        Job::TaxonomyList(_) | Job::AgencyList | Job::Agency { .. } | Job::NotFound
    )));
}

#[test]
fn a_date_reorders_the_section_lists() {
    let (s, a) = affected((
        "content/tin-tuc/a.md",
        &news("a", "2025-02-01", "[\"Một cửa\"]"),
    ));
    let jobs = some(a);
    let news = s
        .sections
        .iter()
        .position(|x| x.section.key == "tin-tuc")
        .unwrap();
    for page in [1, 2] {
        assert!(
            jobs.contains(&Job::Section {
                section: news,
                page
            }),
            "{jobs:?}"
        );
    }
    // d was newest with no newer neighbour; now a is.
    assert!(jobs.contains(&Job::Page(page(&s, "/tin-tuc/d/"))));
}

#[test]
fn a_tag_moved_between_terms_renders_the_taxonomy_and_the_terms_pages() {
    let (s, a) = affected((
        "content/tin-tuc/a.md",
        &news("a", "2025-01-01", "[\"An ninh\"]"),
    ));
    let jobs = some(a);
    assert!(jobs.contains(&Job::TaxonomyList(0)));
    assert!(!jobs.contains(&Job::TaxonomyList(1)));
    // b's and c's own tag counts changed.
    for p in ["/tin-tuc/b/", "/tin-tuc/c/"] {
        assert!(jobs.contains(&Job::Page(page(&s, p))), "{p}");
    }

    // Two a list page: "Một cửa" (a, b) gets a second list page, which is new to the plan.
    let (s, a) = affected((
        "content/tin-tuc/c.md",
        &news("c", "2025-01-03", "[\"An ninh\", \"Một cửa\"]"),
    ));
    let one = s.taxonomies[0].index[&crate::text::fold::match_key("Một cửa")];
    let jobs = some(a);
    for page in [1, 2] {
        let want = Job::Term {
            taxonomy: 0,
            term: one,
            page,
        };
        assert!(jobs.contains(&want), "{want:?} in {jobs:?}");
    }
}

#[test]
fn a_new_term_or_a_new_page_renders_all() {
    let (_, a) = affected((
        "content/tin-tuc/a.md",
        &news("a", "2025-01-01", "[\"Mới\"]"),
    ));
    assert_eq!(a, Affected::All);
    let old = site(None);
    let mut more = files(None);
    more.push(("content/tin-tuc/e.md".into(), news("e", "2025-01-05", "[]")));
    let refs: Vec<(&str, &str)> = more.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let new = build_site("paginate_by = 2", &refs, d(2025, 6, 1));
    assert_eq!(affected_jobs(&old, &new, &jobs::plan(&new)), Affected::All);
}

#[test]
fn a_plan_renders_agencies_and_its_citations_render_the_documents() {
    // A new agency name would change the agency pages' paths: that renders all.
    let (s, a) = affected(("content/ke-hoach/k.md", &PLAN.replace("Quý III", "Quý IV")));
    let jobs = some(a);
    assert!(jobs.contains(&Job::AgencyList));
    assert!(jobs.contains(&Job::Agency { agency: 0, page: 1 }));
    let doc = page(&s, "/van-ban/nd45/");
    assert!(
        !jobs.contains(&Job::Page(doc)),
        "citations unchanged: {jobs:?}"
    );
    assert!(
        !jobs.contains(&Job::Section {
            section: 0,
            page: 1
        }),
        "home shows no tasks: {jobs:?}"
    );

    let (s, a) = affected((
        "content/ke-hoach/k.md",
        &PLAN.replace("Thực hiện Nghị định số 45/2020/NĐ-CP.", "Không căn cứ."),
    ));
    let jobs = some(a);
    let docs = s
        .sections
        .iter()
        .position(|x| x.section.key == "van-ban")
        .unwrap();
    assert!(
        jobs.contains(&Job::Page(doc)),
        "its cited-by list: {jobs:?}"
    );
    assert!(
        jobs.contains(&Job::Section {
            section: docs,
            page: 1
        }),
        "the index"
    );
}

#[test]
fn a_citers_title_renders_the_cited_page() {
    let (s, a) = affected((
        "content/ke-hoach/k.md",
        &PLAN.replace("Kế hoạch A", "Kế hoạch B"),
    ));
    let jobs = some(a);
    assert!(jobs.contains(&Job::Page(page(&s, "/van-ban/nd45/"))));
    assert!(!jobs.contains(&Job::Page(page(&s, "/tin-tuc/a/"))));
}

/// `n` news items citing Nghị định 45 (more than `CITED_PREVIEW`: enough for its own
/// list of citing pages) and one that does not, `t1` the oldest, with `edit` applied.
fn cited(n: usize, edit: Option<(&str, &str)>) -> Site {
    let mut files: Vec<(String, String)> = (1..=n + 1)
        .map(|i| {
            (
                format!("content/tin-tuc/t{i}.md"),
                citer(n, i, &format!("Tin {i}")),
            )
        })
        .collect();
    files.push(("content/van-ban/nd45.md".into(), DOCUMENT.into()));
    if let Some((name, text)) = edit {
        files
            .iter_mut()
            .filter(|f| f.0 == name)
            .for_each(|f| f.1 = text.into());
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    build_site("", &refs, d(2025, 6, 1))
}

/// News item `i` of [`cited`]'s `n` citers, titled `title`: a day apart, newest last.
fn citer(n: usize, i: usize, title: &str) -> String {
    let cites = if i <= n {
        "Theo Nghị định số 45/2020/NĐ-CP."
    } else {
        "Tin."
    };
    let date = format!("2025-{:02}-{:02}", 1 + (i - 1) / 28, 1 + (i - 1) % 28);
    format!("+++\ntitle = \"{title}\"\ndate = {date}\n+++\n{cites}\n")
}

/// The jobs [`cited`]'s site renders again when news item `i` is retitled.
fn retitled_citer(n: usize, i: usize) -> Vec<Job> {
    let old = cited(n, None);
    let edit = citer(n, i, "Tin mới");
    let new = cited(n, Some((&format!("content/tin-tuc/t{i}.md"), &edit)));
    some(affected_jobs(&old, &new, &jobs::plan(&new)))
}

fn much_cited(edit: Option<(&str, &str)>) -> Site {
    cited(6, edit)
}

#[test]
fn a_citers_title_renders_the_documents_list_of_citing_pages() {
    let old = much_cited(None);
    let list = Job::Citations {
        document: 0,
        page: 1,
    };
    assert!(jobs::plan(&old).contains(&list));
    assert!(retitled_citer(6, 3).contains(&list), "a citer");
    assert!(
        !retitled_citer(6, 7).contains(&list),
        "a page that cites nothing"
    );
}

/// Most pages of a large site cite the same few decrees: a citer's title shows on the
/// documents index and the decree's own page only among the first few citers, and on
/// its list of citing pages only on its slice. Rendering every list of every document it
/// cites made a news title edit render ~560 pages at 10,000.
#[test]
fn a_citers_title_past_the_preview_renders_only_its_slice_of_the_list() {
    let n = jobs::CITATIONS_PER_PAGE + 10;
    let old = cited(n, None);
    let doc = page(&old, "/van-ban/nd45/");
    let [first, second] = [1, 2].map(|page| Job::Citations { document: 0, page });
    let plan = jobs::plan(&old);
    assert!(plan.contains(&second), "two list pages: {plan:?}");
    // t1 is the oldest: last on the second list page, past the preview.
    let jobs = retitled_citer(n, 1);
    assert!(jobs.contains(&second), "its slice: {jobs:?}");
    for not in [first, Job::Page(doc)] {
        assert!(!jobs.contains(&not), "{not:?} does not show it: {jobs:?}");
    }
    let index = match old.document_section() {
        Some(section) => Job::Section { section, page: 1 },
        None => Job::DocumentsIndex,
    };
    assert!(plan.contains(&index));
    assert!(!jobs.contains(&index), "the index shows the first few only");
    // The newest is in the preview: the index, the own page and every list page show it.
    let jobs = retitled_citer(n, n);
    for want in [first, second, Job::Page(doc), index] {
        assert!(jobs.contains(&want), "{want:?} shows it: {jobs:?}");
    }
}
