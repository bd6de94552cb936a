use super::*;
use walk::SourceFile;

fn src(rel: &str, text: &str) -> SourceFile {
    SourceFile {
        rel: PathBuf::from(rel),
        text: text.to_string(),
        nul_line: None,
    }
}

fn parse_files(files: Vec<SourceFile>) -> Result<Content, Diagnostics> {
    parse(
        ContentFiles {
            sources: files,
            assets: vec![],
        },
        ParseOptions::default(),
    )
}

#[test]
fn kinds_come_from_folder_names_and_index_files() {
    let c = parse_files(vec![
        src(
            "content/tin-tuc/a.md",
            "+++\ntitle = \"A\"\ndate = 2024-02-29\n+++\n",
        ),
        src(
            "content/thu-tuc/b.md",
            "+++\ntitle = \"B\"\ncode = \"1.001193\"\n+++\n",
        ),
        src(
            "content/hoat-dong/_index.md",
            "+++\ntitle = \"Hoạt động\"\nkind = \"news\"\n+++\n",
        ),
        src(
            "content/hoat-dong/c.md",
            "+++\ntitle = \"C\"\ndate = \"29/02/2024\"\n+++\n",
        ),
        src(
            "content/gioi-thieu.md",
            "+++\ntitle = \"Giới thiệu\"\n+++\n",
        ),
    ])
    .unwrap();
    let kind = |p: &str| c.pages.iter().find(|x| x.path == p).map(|x| x.kind);
    assert_eq!(kind("/tin-tuc/a/"), Some(Kind::News));
    assert_eq!(kind("/thu-tuc/b/"), Some(Kind::Procedure));
    assert_eq!(kind("/hoat-dong/c/"), Some(Kind::News));
    assert_eq!(kind("/gioi-thieu/"), Some(Kind::Page));
    let keys: Vec<&str> = c.sections.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, vec!["", "hoat-dong", "thu-tuc", "tin-tuc"]);
    assert_eq!(c.sections[2].title, "Thủ tục hành chính");
}

#[test]
fn bundles_and_slugs_make_urls() {
    let mut files = ContentFiles {
        sources: vec![
            src(
                "content/tin-tuc/Lễ ra mắt/index.md",
                "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\n",
            ),
            src(
                "content/tin-tuc/x.md",
                "+++\ntitle = \"X\"\ndate = 2024-01-01\nslug = \"Bài viết Đặc biệt\"\n+++\n",
            ),
        ],
        assets: vec![],
    };
    files.assets.push(walk::AssetFile {
        abs: "/x/anh.jpg".into(),
        rel: "tin-tuc/Lễ ra mắt/anh.jpg".into(),
        size: 3,
    });
    files.assets.push(walk::AssetFile {
        abs: "/x/logo.png".into(),
        rel: "tin-tuc/logo.png".into(),
        size: 3,
    });
    let c = parse(files, ParseOptions::default()).unwrap();
    let paths: Vec<&str> = c.pages.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"/tin-tuc/le-ra-mat/"), "{paths:?}");
    assert!(paths.contains(&"/tin-tuc/bai-viet-dac-biet/"), "{paths:?}");
    let assets: Vec<&str> = c.assets.iter().map(|a| a.path.as_str()).collect();
    assert_eq!(
        assets,
        vec!["/tin-tuc/le-ra-mat/anh.jpg", "/tin-tuc/logo.png"]
    );
}

#[test]
fn drafts_are_left_out_unless_asked() {
    let files = || ContentFiles {
        sources: vec![src(
            "content/a.md",
            "+++\ntitle = \"A\"\ndraft = true\n+++\n",
        )],
        assets: vec![],
    };
    assert!(
        parse(files(), ParseOptions::default())
            .unwrap()
            .pages
            .is_empty()
    );
    assert_eq!(
        parse(
            files(),
            ParseOptions {
                drafts: true,
                ..ParseOptions::default()
            }
        )
        .unwrap()
        .pages
        .len(),
        1
    );
}

#[test]
fn a_draft_section_and_everything_in_it_are_left_out_unless_asked() {
    let files = || ContentFiles {
        sources: vec![
            src(
                "content/tin-tuc/_index.md",
                "+++\ntitle = \"Tin\"\ndraft = true\n+++\n",
            ),
            src(
                "content/tin-tuc/a.md",
                "+++\ntitle = \"A\"\ndate = 2026-01-02\n+++\n",
            ),
            src(
                "content/tin-tuc/xa/b.md",
                "+++\ntitle = \"B\"\ndate = 2026-01-02\n+++\n",
            ),
            src("content/gioi-thieu.md", "+++\ntitle = \"C\"\n+++\n"),
        ],
        assets: vec![],
    };
    let keys = |c: &Content| {
        let sections: Vec<String> = c.sections.iter().map(|s| s.key.clone()).collect();
        let pages: Vec<String> = c.pages.iter().map(|p| p.title.clone()).collect();
        (sections, pages)
    };
    let published = parse(files(), ParseOptions::default()).unwrap();
    assert_eq!(keys(&published), (vec!["".into()], vec!["C".into()]));
    let all = parse(
        files(),
        ParseOptions {
            drafts: true,
            ..ParseOptions::default()
        },
    )
    .unwrap();
    assert_eq!(all.pages.len(), 3);
    assert_eq!(all.sections.len(), 3);
}

#[test]
fn every_error_of_every_file_is_reported() {
    let e = parse_files(vec![
        src("content/a.md", "---\ntitle: A\n---\n"),
        src("content/b.md", "+++\ntitle = \"B\"\ntitel = \"x\"\n+++\n"),
        src(
            "content/tin-tuc/c.md",
            "+++\ntitle = \"C\"\ndate = \"30/02/2024\"\n+++\n",
        ),
        src("content/tin-tuc/d.md", "+++\ntitle = \"D\"\n+++\n"),
        src("content/e.md", "+++\ntitle = \"E\n+++\n"),
        src("content/tin-tuc/_index.md", "+++\nkind = \"tin\"\n+++\n"),
    ])
    .unwrap_err();
    let lines: Vec<String> =
        e.0.iter()
            .map(|d| format!("{}:{}", d.file.display(), d.line))
            .collect();
    assert_eq!(
        lines,
        vec![
            "content/a.md:1",
            "content/b.md:3",
            "content/e.md:2",
            "content/tin-tuc/_index.md:2",
            "content/tin-tuc/c.md:3",
            "content/tin-tuc/d.md:2"
        ]
    );
    assert!(e.0[0].message.contains("YAML"));
    assert!(e.0[1].message.contains("titel"));
}

#[test]
fn two_pages_on_one_url_name_both_files() {
    let e = parse_files(vec![
        src(
            "content/tin-tuc/a.md",
            "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\n",
        ),
        src(
            "content/tin-tuc/b.md",
            "+++\ntitle = \"B\"\ndate = 2024-01-01\nslug = \"a\"\n+++\n",
        ),
    ])
    .unwrap_err();
    assert_eq!(e.0.len(), 1);
    let msg = e.0[0].to_string();
    assert!(
        msg.contains("tin-tuc/a.md") && msg.contains("tin-tuc/b.md") && msg.contains("/tin-tuc/a/"),
        "{msg}"
    );
}
