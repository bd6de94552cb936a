//! Tests of the kept search index: edits applied to it give a whole merge's files.

use super::*;
use crate::output_file::OutputData;
use crate::site::tasks::tests::{build_site, d};

/// A site of 60 news items, item `k`'s body from `body(k)`, its title from `title(k)`.
fn site(title: &dyn Fn(usize) -> String, body: &dyn Fn(usize) -> String) -> Site {
    dated(title, body, &|k| format!("2025-01-{:02}", 1 + k % 28))
}

/// [`site`] with item `k` dated `date(k)`.
fn dated(
    title: &dyn Fn(usize) -> String,
    body: &dyn Fn(usize) -> String,
    date: &dyn Fn(usize) -> String,
) -> Site {
    let files: Vec<(String, String)> = (0..60)
        .map(|k| {
            (
                format!("content/tin-tuc/tin-{k:02}.md"),
                format!(
                    "+++\ntitle = \"{}\"\ndate = {}\n+++\n{}\n",
                    title(k),
                    date(k),
                    body(k)
                ),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = (files.iter())
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    build_site("", &refs, d(2025, 6, 1))
}

/// Many distinct words a page, shared with its neighbours, so the index has shards.
fn body(k: usize) -> String {
    let words: Vec<String> = (0..80)
        .map(|w| format!("chữ{}thứ{}", (k * 7 + w) % 150, w % 9))
        .collect();
    format!(
        "Khai sinh tại xã; đăng ký kết hôn; chứng thực bản sao mới. {}",
        words.join(" ")
    )
}

fn title(k: usize) -> String {
    format!("Tin số {k}")
}

fn bytes(f: OutputFile) -> (String, Vec<u8>) {
    match f.data {
        OutputData::Bytes(b) => (f.path, b),
        OutputData::Copy(p) => (f.path, p.to_string_lossy().as_bytes().to_vec()),
    }
}

fn whole(site: &Site) -> BTreeMap<String, Vec<u8>> {
    super::super::index_files(site)
        .into_iter()
        .map(bytes)
        .collect()
}

/// Edits one after another (a body's words, a title, a word gone from the whole
/// site, words new to it, two pages at once), each applied to the kept index: the
/// files are a whole merge's, byte for byte, and only some shards are made again.
#[test]
fn page_edits_give_the_files_of_a_whole_merge() {
    type Text = Box<dyn Fn(usize) -> String>;
    let added = |k: usize, at: usize, words: &str| {
        if k == at {
            format!("{} {words}", body(k))
        } else {
            body(k)
        }
    };
    let steps: Vec<(&str, Text, Text)> = vec![
        ("as it was", Box::new(title), Box::new(body)),
        (
            "a body's words",
            Box::new(title),
            Box::new(move |k| added(k, 7, "Đăng ký kết hôn.")),
        ),
        (
            "a title",
            Box::new(|k| {
                if k == 7 {
                    "Tin số 7 mới".into()
                } else {
                    title(k)
                }
            }),
            Box::new(move |k| added(k, 7, "Đăng ký kết hôn.")),
        ),
        (
            "back, and a word new to the site",
            Box::new(title),
            Box::new(move |k| added(k, 30, "Từmớitinh")),
        ),
        (
            "that word gone, and two pages",
            Box::new(title),
            Box::new(move |k| match k {
                0 => added(k, 0, "Chứng thực"),
                _ => added(k, 59, "bản sao"),
            }),
        ),
        (
            "two pages' words",
            Box::new(title),
            Box::new(move |k| match k {
                0 => added(k, 0, "Khai sinh"),
                _ => added(k, 59, "tại xã"),
            }),
        ),
    ];
    let first = site(&steps[0].1, &steps[0].2);
    let mut words = PageWordsCache::new(&first);
    let (mut live, files) = LiveIndex::new(&first, &words);
    let mut kept: BTreeMap<String, Vec<u8>> = files.into_iter().map(bytes).collect();
    assert_eq!(kept, whole(&first));
    let shards = kept.keys().filter(|p| p.starts_with("/search/s/")).count();
    assert!(shards > 10, "{shards} shards");
    let mut old = first;
    for (what, title, body) in &steps[1..] {
        let new = site(title, body);
        let same = |i: usize| {
            let (a, b) = (&old.pages[i], &new.pages[i]);
            (a.page == b.page && a.same_body(b)).then_some(i)
        };
        words = PageWordsCache::carried(&new, &words, &same);
        let update = live.update(&new, &words).expect(what);
        let made = update.files.len();
        for g in update.gone {
            kept.remove(&g);
        }
        kept.extend(update.files.into_iter().map(bytes));
        assert_eq!(kept, whole(&new), "{what}");
        // A word new to the site (or gone from it) may cut the shards anew.
        if !what.contains("new to the site") && !what.contains("gone") {
            assert!(made < shards / 2, "{what}: {made} files made of {shards}");
        }
        old = new;
    }
}

/// A date that moves a page among the others numbers the pages anew: no update.
#[test]
fn reordered_pages_are_merged_again_whole() {
    let first = site(&title, &body);
    let words = PageWordsCache::new(&first);
    let (mut live, _) = LiveIndex::new(&first, &words);
    let new = dated(&title, &body, &|k| {
        if k == 3 {
            "2025-03-01".into()
        } else {
            format!("2025-01-{:02}", 1 + k % 28)
        }
    });
    let words = PageWordsCache::carried(&new, &words, &|i| Some(i));
    assert!(live.update(&new, &words).is_none());
}
