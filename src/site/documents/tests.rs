use super::*;
use crate::markdown::citation::number_key;
use crate::site::Site;
use crate::site::tasks::tests::{build_site, d};

/// A small site citing documents from front matter and bodies, pages in path order.
pub(crate) fn citing_site(extra_config: &str) -> Site {
    build_site(
        extra_config,
        &[
            (
                "content/ke-hoach/a.md",
                "+++\ntitle = \"Kế hoạch A\"\nnumber = \"12/KH-UBND\"\ndate = 2025-01-02\n\
                 basis = [\"Nghị định số 45/2020/NĐ- CP\", \"Luật Tổ chức chính quyền địa phương\"]\n\
                 +++\nThực hiện Nghị định 61/2018/NĐ-CP và Nghị định số 45/2020/NĐ-CP ngày 08 \
                 tháng 4 năm 2020; Chỉ thị số 23/CT-TTg. Kế hoạch này (Kế hoạch số 12/KH-UBND).\n",
            ),
            (
                "content/thu-tuc/b.md",
                "+++\ntitle = \"Đăng ký khai tử\"\n\
                 legal_basis = [\"Nghị định số 45/2020/NĐ–CP\", \"Luật Hộ tịch số 60/2014/QH13\"]\n\
                 +++\nTheo Nghị định 123/2015/NĐ-CP.\n",
            ),
            (
                "content/tin-tuc/c.md",
                "+++\ntitle = \"Tin C\"\ndate = 2025-02-03\n+++\nNghị định 45/2020/NĐ-CP \
                 và lại Nghị định 45/2020/NĐ-CP.\n",
            ),
            (
                "content/van-ban/nd-61.md",
                "+++\ntitle = \"Nghị định về cơ chế một cửa\"\nnumber = \"61/2018/NĐ-CP\"\n\
                 date = 2018-04-23\n+++\nNghị định số 61/2018/NĐ-CP quy định…\n",
            ),
        ],
        d(2025, 6, 1),
    )
}

#[test]
fn citations_group_by_number_key_and_sort_by_type_then_number() {
    let site = citing_site("");
    let paths: Vec<&str> = site.pages.iter().map(|p| p.page.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/ke-hoach/a/",
            "/thu-tuc/b/",
            "/tin-tuc/c/",
            "/van-ban/nd-61/"
        ]
    );
    let docs = collect_documents(&site.pages, &site.config.authority);
    let shown: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d.doc_type.as_str(), d.number.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            ("Chỉ thị", "23/CT-TTg"),
            // Cited by its name alone, in the plan's basis.
            ("Luật", ""),
            ("Luật", "60/2014/QH13"),
            ("Nghị định", "45/2020/NĐ-CP"),
            ("Nghị định", "61/2018/NĐ-CP"),
            ("Nghị định", "123/2015/NĐ-CP"),
        ]
    );
    let nd45 = &docs[3];
    assert_eq!(nd45.key, format!("{}@2020", number_key("45/2020/NĐ- CP")));
    assert_eq!(
        nd45.cited_by,
        [2, 0, 1],
        "body twice, basis, legal_basis (en dash): newest first, the undated procedure last"
    );
    assert_eq!(
        nd45.date,
        Some(d(2020, 4, 8)),
        "first date given, from the body"
    );
    assert_eq!(nd45.page, None);
}

#[test]
fn own_pages_are_found_and_do_not_cite_themselves() {
    let site = citing_site("");
    let docs = collect_documents(&site.pages, &site.config.authority);
    let nd61 = docs.iter().find(|d| d.number == "61/2018/NĐ-CP").unwrap();
    assert_eq!(nd61.page, Some(3));
    assert_eq!(nd61.cited_by, [0], "the document's own page is not a citer");
    assert_eq!(
        nd61.date,
        Some(d(2018, 4, 23)),
        "no date cited: the page's date"
    );
    assert!(
        docs.iter().all(|d| d.number != "12/KH-UBND"),
        "a plan naming its own number cites nothing"
    );
}

#[test]
fn page_citations_put_front_matter_first() {
    let site = citing_site("");
    let numbers: Vec<String> = page_citations(&site.pages[1])
        .into_iter()
        .map(|c| c.number)
        .collect();
    assert_eq!(numbers, ["45/2020/NĐ–CP", "60/2014/QH13", "123/2015/NĐ-CP"]);
    assert!(collect_documents(&[], "").is_empty());
}

/// A document numbered `number`, cited by `n` pages.
fn cited(number: &str, n: usize) -> CitedDocument {
    CitedDocument {
        key: number_key(number),
        number: number.to_string(),
        name: None,
        doc_type: "Nghị định".to_string(),
        date: None,
        year: None,
        issuer: None,
        central: true,
        query: number.to_string(),
        page: None,
        cited_by: (0..n).collect(),
        list: None,
    }
}

#[test]
fn only_much_cited_documents_get_a_list_at_a_free_path() {
    let mut docs = [
        cited("61/2018/NĐ-CP", CITED_PREVIEW + 1),
        cited("45/2020/NĐ-CP", CITED_PREVIEW),
        // Another key with the same slug as the first.
        cited("61-2018-NĐ-CP", 40),
        cited("107/2021/NĐ-CP", 9),
    ];
    let taken = |p: &str| p == "/van-ban/trich-dan/107-2021-nd-cp/";
    place_lists(&mut docs, Some("/van-ban/"), &taken);
    let lists: Vec<Option<&str>> = docs.iter().map(|d| d.list.as_deref()).collect();
    assert_eq!(
        lists,
        [
            Some("/van-ban/trich-dan/61-2018-nd-cp/"),
            None,
            Some("/van-ban/trich-dan/61-2018-nd-cp-2/"),
            Some("/van-ban/trich-dan/107-2021-nd-cp-2/"),
        ]
    );
    let mut no_index = [cited("61/2018/NĐ-CP", 40)];
    place_lists(&mut no_index, None, &|_| false);
    assert_eq!(
        no_index[0].list, None,
        "no documents index, no lists under it"
    );
}
