//! `congbo serve`'s incremental rebuilds against tables of edits: each edit (feed entries,
//! aliases, open data, citers of a much-cited decree, abolished procedures, reordered
//! citers) is applied to a running engine, whose files must then equal a clean
//! `build_in_memory` of the same folder byte for byte, and only the files the edit can
//! change may be made again. The random sequences of edits are in `serve_incremental.rs`.

mod common;
mod serve_edits;
use common::*;
use serve_edits::*;

use congbo::serve::classify::{Change, ChangeKind, Layout, Rebuild, classify};
use congbo::serve::engine::Engine;

/// The served bytes at `path`, shared between builds while a rebuild keeps them.
fn bytes_of(engine: &Engine, path: &str) -> std::sync::Arc<Vec<u8>> {
    match engine.files().get(path) {
        Some(congbo::serve::state::Body::Bytes(b)) => b.clone(),
        other => panic!("{path}: {other:?}"),
    }
}

/// A news title edit changes no plan, procedure or document, nor any date: the open data
/// and the sitemap are kept from the last build (the same bytes, not made again), while
/// the feeds and the search index are made again and right.
#[test]
fn a_news_title_edit_keeps_the_open_data_and_the_sitemap() {
    let site = example_site();
    let mut engine = Engine::new(site.opts.clone());
    engine.apply(&Rebuild::Full).unwrap();
    let plans = bytes_of(&engine, "/data/plans.json");
    let sitemap = bytes_of(&engine, "/sitemap.xml");
    let rss = bytes_of(&engine, "/rss.xml");
    let rel = "content/tin-tuc/huong-ung-ngay-chuyen-doi-so-quoc-gia/index.md";
    let text = std::fs::read_to_string(site.root().join(rel)).unwrap();
    site.write(rel, &text.replacen("title = \"", "title = \"Mới ", 1));
    let o = engine
        .apply(&Rebuild::Pages([rel.into()].into_iter().collect()))
        .unwrap();
    assert_eq!(o.how, "content rebuild (affected pages)");
    assert!(std::sync::Arc::ptr_eq(
        &plans,
        &bytes_of(&engine, "/data/plans.json")
    ));
    assert!(std::sync::Arc::ptr_eq(
        &sitemap,
        &bytes_of(&engine, "/sitemap.xml")
    ));
    assert_ne!(rss, bytes_of(&engine, "/rss.xml"));
    check_same(&engine, &site, 1, "news title");
}

/// A page's new text from its old one; `None` deletes it.
type NewText = dyn Fn(&str) -> Option<String>;

/// One edit of a table: what it is, the file, its new text, and at most how many files
/// serve may render again for it (what it can change is known; `None`: any number).
struct Edit {
    what: &'static str,
    file: String,
    change: Box<NewText>,
    at_most: Option<usize>,
}

fn edit_of(
    what: &'static str,
    file: &str,
    change: impl Fn(&str) -> Option<String> + 'static,
) -> Edit {
    Edit {
        what,
        file: file.to_string(),
        change: Box::new(change),
        at_most: None,
    }
}

impl Edit {
    fn rendering_at_most(mut self, n: usize) -> Self {
        self.at_most = Some(n);
        self
    }
}

/// Applies the edits one after another as `congbo serve` sees them (the file written or
/// removed, the change classified, the engine's rebuild); after each, every served file
/// must be a clean build's, byte for byte.
fn apply_edits(site: &TestSite, engine: &mut Engine, edits: &[Edit]) {
    let root = site.root().to_path_buf();
    let layout = Layout {
        root: root.clone(),
        theme: "cong-thong-tin".into(),
    };
    for (step, e) in edits.iter().enumerate() {
        let path = root.join(&e.file);
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let kind = match (e.change)(&text) {
            Some(t) => {
                let kind = if path.exists() {
                    ChangeKind::Modify
                } else {
                    ChangeKind::Create
                };
                site.write(&e.file, &t);
                kind
            }
            None => {
                std::fs::remove_file(&path).unwrap();
                ChangeKind::Remove
            }
        };
        let plan = classify(&layout, &[Change { path, kind }]);
        let o = engine
            .apply(&plan)
            .unwrap_or_else(|err| panic!("{}: {err}", e.what));
        check_same(engine, site, step + 1, e.what);
        if let Some(n) = e.at_most {
            assert!(
                o.rendered <= n,
                "{}: {} files rendered again ({}), at most {n} can change",
                e.what,
                o.rendered,
                o.how
            );
        }
    }
}

fn retitle(t: &str) -> Option<String> {
    Some(t.replacen("title = \"", "title = \"Mới ", 1))
}

/// Edits of news that change which entries the feeds hold (a short feed: a date that
/// moves a page in or out of it, a new page, a page deleted), an alias, tags and a plan's
/// and a document's title, one after another: after each, every file is a clean build's.
#[test]
fn edits_that_change_feed_entries_aliases_and_open_data_give_a_clean_build() {
    let site = example_site();
    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write("site.toml", &format!("feed_limit = 2\n{toml}"));
    let mut engine = Engine::new(site.opts.clone());
    engine.apply(&Rebuild::Full).unwrap();
    check_same(&engine, &site, 0, "first build");
    let root = site.root().to_path_buf();
    let news = "content/tin-tuc/to-cong-nghe-so-cong-dong-ve-tung-ap/index.md";
    let added = "content/tin-tuc/tin-moi-nhat.md";
    let plan = files_under(&root, "content/ke-hoach", |n| {
        n.ends_with(".md") && !n.contains("_index")
    });
    let doc = files_under(&root, "content/van-ban", |n| {
        n.ends_with(".md") && !n.contains("_index")
    });
    let first = |v: &[String]| v.first().cloned().expect("a page of this kind");
    let edits = [
        edit_of("date: newest", news, |t| {
            Some(set_key(t, "date", "2030-01-01"))
        }),
        edit_of("title of a feed entry", news, retitle),
        edit_of("tags", news, |t| {
            Some(set_key(t, "tags", "[\"Chủ đề riêng\"]"))
        }),
        edit_of("alias", news, |t| {
            Some(set_key(t, "aliases", "[\"/tin-cu/to-cong-nghe/\"]"))
        }),
        edit_of("date: oldest", news, |t| {
            Some(set_key(t, "date", "2001-01-01"))
        }),
        edit_of("alias gone", news, |t| Some(set_key(t, "aliases", "[]"))),
        edit_of("new newest page", added, |_| {
            Some("+++\ntitle = \"Tin mới nhất\"\ndate = 2031-01-01\n+++\n\nNội dung.\n".into())
        }),
        edit_of("plan title", &first(&plan), retitle),
        edit_of("document title", &first(&doc), retitle),
        edit_of("newest page deleted", added, |_| None),
    ];
    apply_edits(&site, &mut engine, &edits);
}

/// How many news items cite one decree in [`edits_of_citers_of_a_much_cited_decree`]: more
/// than a list page of citing pages (50) holds.
const CITERS: usize = 64;

/// News item `i` citing Nghị định 61/2018, four a day (so a title decides their order
/// among the others of its day, as on a large site).
fn citer(i: usize) -> String {
    format!(
        "+++\ntitle = \"Tin trích dẫn {i:02}\"\ndate = 2024-{:02}-{:02}\n+++\n\n\
         Thực hiện Nghị định số 61/2018/NĐ-CP về một cửa.\n",
        1 + i / 4 / 28,
        1 + (i / 4) % 28
    )
}

/// On a large site most pages cite the same few decrees, whose lists of citing pages run
/// to hundreds of pages; a citer's title shows only on its slice of them and, among the
/// first few, on the documents index and the decree's own page. Title edits past and in
/// that preview, a title that moves a citer among those of its day, a date that moves it
/// to another list page, and a citation removed from a body: each renders only what can
/// change, and every file is a clean build's.
#[test]
fn edits_of_citers_of_a_much_cited_decree() {
    let site = example_site();
    for i in 0..CITERS {
        site.write(&format!("content/tin-tuc/trich-dan-{i:02}.md"), &citer(i));
    }
    let mut engine = Engine::new(site.opts.clone());
    engine.apply(&Rebuild::Full).unwrap();
    check_same(&engine, &site, 0, "first build");
    let oldest = "content/tin-tuc/trich-dan-00.md";
    let newest = format!("content/tin-tuc/trich-dan-{:02}.md", CITERS - 1);
    let edits = [
        // The page, its neighbours, its slice of the news list and of the decree's list
        // of citing pages: not the documents index, nor the decree's other list page.
        edit_of("oldest citer's title", oldest, retitle).rendering_at_most(5),
        edit_of("title moving it last among its day's", oldest, |t| {
            Some(t.replacen("title = \"", "title = \"Xa ", 1))
        }),
        edit_of("newest citer's title (in the preview)", &newest, retitle),
        edit_of("date moving it to the first list page", oldest, |t| {
            Some(set_key(t, "date", "2024-12-30"))
        }),
        edit_of("citation removed", "content/tin-tuc/trich-dan-10.md", |t| {
            Some(t.replace("Nghị định số 61/2018/NĐ-CP", "nghị định"))
        }),
        edit_of("citer deleted", "content/tin-tuc/trich-dan-11.md", |_| None),
    ];
    apply_edits(&site, &mut engine, &edits);
}

/// An abolished procedure leaves the posting sheets of its field, and with the last one
/// of its field the field's term page loses its link to them (`term.sheets_url`), while
/// its summary on that term page may stay the same: each step gives a clean build's files.
#[test]
fn abolishing_procedures_gives_a_clean_build() {
    let site = example_site();
    let mut engine = Engine::new(site.opts.clone());
    engine.apply(&Rebuild::Full).unwrap();
    let abolish = |t: &str| Some(set_key(t, "status", "\"abolished\""));
    let edits = [
        edit_of(
            "one of its field's two abolished",
            "content/thu-tuc/chung-thuc-chu-ky.md",
            abolish,
        ),
        edit_of(
            "the last of its field abolished",
            "content/thu-tuc/chung-thuc-ban-sao-tu-ban-chinh.md",
            abolish,
        ),
        edit_of(
            "in force again",
            "content/thu-tuc/chung-thuc-chu-ky.md",
            |t| Some(set_key(t, "status", "\"current\"")),
        ),
    ];
    apply_edits(&site, &mut engine, &edits);
}

/// A title decides the order of the pages of its day, and so of a decree's citers: the
/// open data's `documents.json` changes, its other files are kept (the same bytes, not
/// made again), and every file is a clean build's.
#[test]
fn a_title_reordering_a_decrees_citers_makes_only_documents_json_again() {
    let site = example_site();
    for i in 0..CITERS {
        site.write(&format!("content/tin-tuc/trich-dan-{i:02}.md"), &citer(i));
    }
    let mut engine = Engine::new(site.opts.clone());
    engine.apply(&Rebuild::Full).unwrap();
    let kept = [
        "/data/plans.json",
        "/data/procedures.json",
        "/data/tasks.csv",
    ]
    .map(|p| (p, bytes_of(&engine, p)));
    let documents = bytes_of(&engine, "/data/documents.json");
    let edits = [edit_of(
        "title moving it last among its day's",
        "content/tin-tuc/trich-dan-00.md",
        |t| Some(t.replacen("title = \"", "title = \"Xa ", 1)),
    )];
    apply_edits(&site, &mut engine, &edits);
    for (p, bytes) in kept {
        assert!(std::sync::Arc::ptr_eq(&bytes, &bytes_of(&engine, p)), "{p}");
    }
    assert_ne!(documents, bytes_of(&engine, "/data/documents.json"));
}

/// The home page lists the surveys and contests open on the build date, by their days,
/// which no summary holds: a survey closed by its `end`, opened again, a closed contest
/// opened by new days, and a survey's body (the open data holds it whole): after each,
/// every file is a clean build's.
#[test]
fn edits_of_a_survey_s_days_change_the_home_page_s_open_block() {
    let mut site = example_site();
    site.opts.build_date = congbo::text::date::Date::new(2026, 11, 23);
    let mut engine = Engine::new(site.opts.clone());
    engine.apply(&Rebuild::Full).unwrap();
    check_same(&engine, &site, 0, "first build");
    let survey = "content/khao-sat/sipas-2026.md";
    let contest = "content/cuoc-thi/tim-hieu-cai-cach-hanh-chinh-2026/index.md";
    let edits = [
        edit_of("survey closed", survey, |t| {
            Some(set_key(t, "end", "2026-11-20"))
        }),
        edit_of("survey open again", survey, |t| {
            Some(set_key(t, "end", "2026-12-31"))
        }),
        edit_of("contest open", contest, |t| {
            Some(set_key(t, "end", "2026-12-01"))
        }),
        edit_of("survey body", survey, |t| {
            Some(t.replacen("22 câu hỏi", "25 câu hỏi", 1))
        }),
    ];
    apply_edits(&site, &mut engine, &edits);
    let home = String::from_utf8(bytes_of(&engine, "/index.html").to_vec()).unwrap();
    assert!(home.contains("Cuộc thi trực tuyến tìm hiểu cải cách hành chính"));
}

/// Event `title` on `day` at `time`, in the example site's `lich/`.
fn event(title: &str, day: &str, time: &str) -> String {
    format!(
        "+++\ntitle = \"{title}\"\ndate = {day}\ntime = \"{time}\"\nplace = \"Hội trường UBND xã\"\n+++\n\nNội dung.\n"
    )
}

/// Two events of one day are listed by their start time, which their summaries (what
/// serve compares of a page in lists) did not hold: a time-only edit that swaps them must
/// render the events index (and their month's page) again, and every file is a clean
/// build's. A date edit moving one into another month with events, and one removed, too.
#[test]
fn a_time_edit_reorders_the_events_of_a_day() {
    let site = example_site();
    let early = "content/lich/hop-dau-gio.md";
    let late = "content/lich/hop-cuoi-gio.md";
    site.write(early, &event("Họp đầu giờ", "2026-12-15", "07:00"));
    site.write(late, &event("Họp cuối giờ", "2026-12-15", "15:00"));
    let mut engine = Engine::new(site.opts.clone());
    engine.apply(&Rebuild::Full).unwrap();
    check_same(&engine, &site, 0, "first build");
    let edits = [
        edit_of("time moving it last of its day", early, |t| {
            Some(set_key(t, "time", "\"16:00\""))
        }),
        edit_of("time moving it first again", early, |t| {
            Some(set_key(t, "time", "\"06:30\""))
        }),
        edit_of("date moving it to another month with events", late, |t| {
            Some(set_key(t, "date", "2026-10-20"))
        }),
        edit_of("event removed", early, |_| None),
    ];
    apply_edits(&site, &mut engine, &edits);
}
