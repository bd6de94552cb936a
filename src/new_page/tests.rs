use super::*;
use crate::content::raw::RawPage;

fn raw(text: &str) -> RawPage {
    let split = frontmatter::split(text).unwrap();
    toml::from_str(split.front).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn day() -> Date {
    Date::new(2026, 5, 4).unwrap()
}

#[test]
fn every_kind_gets_front_matter_the_build_reads() {
    for kind in Kind::ALL {
        let text = front_matter(
            kind,
            "Lễ ra mắt \"Tổ công nghệ\"",
            day(),
            false,
            Some("UBND xã A"),
        );
        let r = raw(&text);
        assert_eq!(r.title.as_deref(), Some("Lễ ra mắt \"Tổ công nghệ\""));
        assert_eq!(
            r.date.as_ref().map(|d| d.to_string()).as_deref(),
            Some("2026-05-04")
        );
        assert_eq!(r.draft, None);
        // Only keys congbo knows are set; the rest are comments.
        let keys = r.kind_keys();
        match kind {
            Kind::Plan => assert_eq!(keys, [("authority", "plans and documents")]),
            // A survey or contest cannot build without its days: the date and a month on.
            Kind::Survey | Kind::Contest => assert_eq!(
                keys,
                [
                    ("start", "surveys and contests"),
                    ("end", "surveys and contests")
                ]
            ),
            // A bulletin without its number is an error: the number is written out.
            Kind::Bulletin => assert_eq!(keys, [("issue", "bulletins")]),
            _ => assert!(keys.is_empty(), "{kind:?}: {keys:?}"),
        }
        assert!(text.contains("\n# "), "{kind:?} shows the keys to fill in");
    }
    let plan = front_matter(Kind::Plan, "KH", day(), true, None);
    assert!(plan.contains("# number = \"01/KH-UBND\""));
    assert!(plan.contains("# period = { start = 2026-01-01, end = 2026-12-31 }"));
    assert_eq!(raw(&plan).draft, Some(true));
    assert!(raw(&plan).authority.is_none());
    let proc_ = front_matter(Kind::Procedure, "TT", day(), false, None);
    assert!(proc_.contains("# [[documents]]") && proc_.contains("# code = "));
    let question = front_matter(Kind::Question, "Hỏi", day(), false, None);
    for key in [
        "# question = ",
        "# asker = ",
        "# asked = ",
        "# field = ",
        "# agency = ",
    ] {
        assert!(question.contains(key), "{key} in {question}");
    }
    assert!(question.contains("# ngày trả lời"));
    let event = front_matter(Kind::Event, "Tiếp dân", day(), false, None);
    for key in [
        "# time = ",
        "# end_time = ",
        "# place = ",
        "# presides = ",
        "# attendees = ",
        "# event_type = ",
    ] {
        assert!(event.contains(key), "{key} in {event}");
    }
    assert!(event.contains("# ngày diễn ra"));
    let survey = front_matter(Kind::Survey, "SIPAS", day(), false, None);
    let r = raw(&survey);
    assert_eq!(
        r.start.map(|d| d.to_string()).as_deref(),
        Some("2026-05-04")
    );
    assert_eq!(r.end.map(|d| d.to_string()).as_deref(), Some("2026-06-03"));
    for key in [
        "# participants = ",
        "# join_url = ",
        "# rules = ",
        "# results = ",
    ] {
        assert!(survey.contains(key), "{key} in {survey}");
    }
    assert!(!survey.contains("winners"), "a survey has no winners");
    let contest = front_matter(Kind::Contest, "Hội thi", day(), false, None);
    assert!(contest.contains("# [[winners]]") && contest.contains("# prize = "));
    assert!(question.contains("câu trả lời"));
    // A bulletin's number is written out (a bulletin without one is an error), its other
    // keys offered; it reads as a bulletin of the scaffold's year.
    let bulletin = front_matter(Kind::Bulletin, "Bản tin", day(), false, None);
    for key in [
        "\nissue = 1 ",
        "# series = ",
        "# year = 2026",
        "# month = ",
        "# description = ",
        "# image = ",
        "# attachments = ",
    ] {
        assert!(bulletin.contains(key), "{key} in {bulletin}");
    }
    assert!(bulletin.contains("# ngày phát hành"));
    assert_eq!(raw(&bulletin).issue, Some(1));
}

fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let w = |rel: &str, text: &str| {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    w(
        "site.toml",
        "title = \"X\"\nbase_url = \"https://x.vn/\"\nauthority = \"UBND xã Mới\"\n",
    );
    w(
        "content/tin-tuc/_index.md",
        "+++\ntitle = \"Tin tức\"\n+++\n",
    );
    w(
        "content/su-kien/_index.md",
        "+++\ntitle = \"Sự kiện\"\nkind = \"news\"\n+++\n",
    );
    w(
        "content/su-kien/le-hoi/_index.md",
        "+++\ntitle = \"Lễ hội\"\n+++\n",
    );
    w(
        "content/thu-tuc/_index.md",
        "+++\ntitle = \"TTHC\"\nkind = \"page\"\n+++\n",
    );
    w(
        "content/gioi-thieu/index.md",
        "+++\ntitle = \"Giới thiệu\"\n+++\n",
    );
    dir
}

fn opts(root: &Path, place: &str, title: &str) -> NewOptions {
    NewOptions {
        root: root.to_path_buf(),
        place: place.into(),
        title: title.into(),
        today: Some(day()),
        ..Default::default()
    }
}

#[test]
fn sections_and_kinds_are_found_as_the_build_finds_them() {
    let dir = site();
    let root = dir.path();
    let s = |place: &str| section_of(root, place).map_err(|e| e.to_string());
    assert_eq!(s("tin-tuc"), Ok(("tin-tuc".into(), Kind::News)));
    assert_eq!(s("content/tin-tuc/"), Ok(("tin-tuc".into(), Kind::News)));
    assert_eq!(s("su-kien"), Ok(("su-kien".into(), Kind::News)));
    assert_eq!(
        s("su-kien/le-hoi"),
        Ok(("su-kien/le-hoi".into(), Kind::News))
    );
    assert_eq!(s("thu-tuc"), Ok(("thu-tuc".into(), Kind::Page)));
    assert_eq!(s("."), Ok((String::new(), Kind::Page)));
    assert_eq!(s("page"), Ok((String::new(), Kind::Page)));
    // A folder that does not exist yet but is a kind's default name is made.
    assert_eq!(s("ke-hoach"), Ok(("ke-hoach".into(), Kind::Plan)));
    assert_eq!(s("plan"), Ok(("ke-hoach".into(), Kind::Plan)));
    assert_eq!(s("document"), Ok(("van-ban".into(), Kind::Document)));
    assert_eq!(s("question"), Ok(("hoi-dap".into(), Kind::Question)));
    assert_eq!(s("hoi-dap"), Ok(("hoi-dap".into(), Kind::Question)));
    assert_eq!(s("event"), Ok(("lich".into(), Kind::Event)));
    assert_eq!(s("survey"), Ok(("khao-sat".into(), Kind::Survey)));
    assert_eq!(s("contest"), Ok(("cuoc-thi".into(), Kind::Contest)));
    assert_eq!(s("bulletin"), Ok(("ban-tin".into(), Kind::Bulletin)));
    // Two sections hold news: the one with the default name wins.
    assert_eq!(s("news"), Ok(("tin-tuc".into(), Kind::News)));
    // thu-tuc holds plain pages here, so "procedure" has no home.
    assert!(
        s("procedure")
            .unwrap_err()
            .contains("name the section folder")
    );
    assert!(
        s("khong-co")
            .unwrap_err()
            .contains("su-kien, thu-tuc, tin-tuc")
    );
    assert!(
        s("gioi-thieu")
            .unwrap_err()
            .contains("is a page (a bundle)")
    );
    assert!(s("../x").is_err());
}

#[test]
fn writes_once_and_never_replaces() {
    let dir = site();
    let root = dir.path();
    let made = create(&opts(root, "news", "Lễ ra mắt Trung tâm")).unwrap();
    assert_eq!(
        made.file,
        Path::new("content/tin-tuc/le-ra-mat-trung-tam.md")
    );
    assert_eq!(made.kind, Kind::News);
    let text = std::fs::read_to_string(root.join(&made.file)).unwrap();
    assert!(text.starts_with("+++\ntitle = \"Lễ ra mắt Trung tâm\"\ndate = 2026-05-04\n"));
    let again = create(&opts(root, "tin-tuc", "Lễ ra mắt trung tâm")).unwrap_err();
    assert!(again.to_string().contains("already exists"), "{again}");
    // Nor beside it as a bundle, which would take the same address.
    let mut b = opts(root, "tin-tuc", "Lễ ra mắt Trung tâm");
    b.bundle = true;
    assert!(create(&b).is_err());
    b.title = "Hội nghị".into();
    b.date = Some("29/02/2024".into());
    b.draft = true;
    let made = create(&b).unwrap();
    assert_eq!(made.file, Path::new("content/tin-tuc/hoi-nghi/index.md"));
    let text = std::fs::read_to_string(root.join(&made.file)).unwrap();
    assert!(text.contains("date = 2024-02-29\ndraft = true"), "{text}");
}

#[test]
fn bad_titles_and_dates_are_plain_errors() {
    let dir = site();
    let root = dir.path();
    let e = |o: NewOptions| create(&o).unwrap_err().to_string();
    assert!(e(opts(root, "news", "!!! ???")).contains("no letters or digits"));
    assert!(e(opts(root, "news", "Con")).contains("device name"));
    let mut o = opts(root, "news", "Họp");
    o.date = Some("30/02/2024".into());
    let said = e(o);
    assert!(said.starts_with("error: --date: "), "{said}");
    assert!(said.contains("30/02/2024"), "{said}");
    // No file is wrong here: the message is not blamed on a file named `content`.
    assert!(!e(opts(root, "news", "!!!")).starts_with("content"));
    let mut o = opts(root, "news", "Họp");
    o.date = Some("hôm nay".into());
    let said = e(o);
    assert_eq!(
        said.matches("write it").count(),
        1,
        "the advice once: {said}"
    );
}

#[test]
fn a_folder_without_site_toml_gets_no_page() {
    let dir = tempfile::tempdir().unwrap();
    let said = create(&opts(dir.path(), "page", "Giới thiệu"))
        .unwrap_err()
        .to_string();
    assert!(
        said.starts_with("site.toml: error: could not read site.toml"),
        "{said}"
    );
    assert!(!dir.path().join("content").exists());
}
