//! The pages issue #30 adds beside the content, from a site's own settings and data, built
//! whole: the index results of `data/chi-so.toml` with their open data, the page of
//! feedback channels and the footer's social links, and audio in a page bundle.

mod common;
use common::*;

const INDEXES: &str = "[[index]]\nname = \"Chỉ số SIPAS\"\nyear = 2024\nscore = 88.9\nmax = 100\n\n[[index]]\nname = \"Chỉ số SIPAS\"\nyear = 2025\nscore = 91.6\nmax = 100\nrank = 3\nof = 40\n\n[index.components]\n\"Tiếp cận dịch vụ\" = 84.7\n";

#[test]
fn index_results_exist_with_their_file_and_only_then() {
    let site = TestSite::new();
    site.write("content/_index.md", "+++\ntitle = \"Trang chủ\"\n+++\n");
    site.build_ok();
    assert!(!site.exists("chi-so/index.html"));
    assert!(!site.exists("data/chi-so.json"));

    site.write("data/chi-so.toml", INDEXES);
    site.build_ok();
    let html = site.read("chi-so/index.html");
    assert_has(
        &html,
        &[
            "role=\"img\"",
            "2024: 88,9/100; 2025: 91,6/100",
            "2025: hạng 3/40",
            "Tiếp cận dịch vụ: 84,7",
            "<th scope=\"row\">2025</th><td>91,6</td>",
        ],
    );
    let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
    assert!(!main.contains("<script"), "no script for the charts");
    let json: serde_json::Value = serde_json::from_str(&site.read("data/chi-so.json")).unwrap();
    assert_eq!(json[1]["rank"], 3);
    let csv = site.read("data/chi-so.csv");
    assert!(
        csv.contains("\"Chỉ số SIPAS\",\"2025\",\"Tiếp cận dịch vụ\",\"84.7\""),
        "{csv}"
    );
}

#[test]
fn a_wrong_index_file_fails_the_build_at_its_lines() {
    let site = TestSite::new();
    site.write(
        "data/chi-so.toml",
        "[[index]]\nname = \"A\"\nyear = 2025\nscore = 120\nmax = 100\nrank = 9\nof = 4\n",
    );
    let e = site
        .build()
        .expect_err("the numbers contradict each other")
        .to_string();
    assert!(e.contains("data/chi-so.toml:4:"), "{e}");
    assert!(e.contains("data/chi-so.toml:6:"), "{e}");
}

#[test]
fn feedback_channels_and_social_links() {
    let site = TestSite::new();
    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &format!(
            "{toml}\n[social]\nzalo = \"https://zalo.me/123\"\nfacebook = \"https://www.facebook.com/xathu\"\n\n[feedback]\nendpoint = \"https://form.example.gov.vn/pakn\"\n"
        ),
    );
    site.write("content/_index.md", "+++\ntitle = \"Trang chủ\"\n+++\n");
    site.build_ok();
    let page = site.read("phan-anh-kien-nghi/index.html");
    assert_has(
        &page,
        &[
            "https://dichvucong.gov.vn/p/phananhkiennghi/pakn-gui-pakn.html",
            "aria-label=\"Mã QR: https://zalo.me/123\"",
            "<form class=\"feedback-form\" method=\"post\" action=\"https://form.example.gov.vn/pakn\">",
        ],
    );
    let home = site.read("index.html");
    assert_has(
        &home,
        &[
            "<a href=\"https://zalo.me/123\" rel=\"noopener\">Zalo</a>",
            "href=\"/phan-anh-kien-nghi/\"",
        ],
    );
    // A site that wrote its own page there keeps it.
    site.write(
        "content/phan-anh-kien-nghi.md",
        "+++\ntitle = \"Phản ánh của xã\"\n+++\nGọi số 1022.\n",
    );
    site.build_ok();
    assert!(
        site.read("phan-anh-kien-nghi/index.html")
            .contains("Gọi số 1022.")
    );
}

#[test]
fn a_bundle_mp3_plays_with_its_duration() {
    let site = TestSite::new();
    // 250 frames of silence, MPEG-1 Layer III, 32 kbit/s, 32 kHz, mono: 144 bytes and
    // 36 ms each, 9 seconds.
    let mut frame = vec![0xFF, 0xFB, 0x18, 0xC0];
    frame.resize(144, 0);
    let mp3: Vec<u8> = frame.repeat(250);
    std::fs::create_dir_all(site.root().join("content/tin-tuc/loa")).unwrap();
    std::fs::write(site.root().join("content/tin-tuc/loa/ban-tin.mp3"), mp3).unwrap();
    site.write(
        "content/tin-tuc/loa/index.md",
        "+++\ntitle = \"Bản tin loa\"\ndate = 2026-03-02\n+++\n<b>Mới</b>\n\n[Bản tin tuần 9](ban-tin.mp3)\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n",
    );
    site.build_ok();
    let html = site.read("tin-tuc/loa/index.html");
    assert_has(
        &html,
        &[
            "<audio controls=\"\" preload=\"none\" src=\"ban-tin.mp3\"",
            "<time datetime=\"PT9S\">0:09</time>",
            "srcdoc=\"",
        ],
    );
    assert!(site.exists("tin-tuc/loa/ban-tin.mp3"));
}

/// An MP4 box: its size, its type, its body.
fn mp4_box(kind: &[u8], body: &[u8]) -> Vec<u8> {
    let mut b = ((body.len() + 8) as u32).to_be_bytes().to_vec();
    b.extend(kind);
    b.extend(body);
    b
}

#[test]
fn a_bundle_video_plays_with_its_duration_and_a_raw_players_sources_stay() {
    let site = TestSite::new();
    // A movie header of 1,000 units a second and 83,000 units: 1 minute 23 seconds, after
    // the media (a camera writes `moov` last).
    let mut mvhd = vec![0u8; 12];
    mvhd.extend(1000u32.to_be_bytes());
    mvhd.extend(83_000u32.to_be_bytes());
    mvhd.extend([0u8; 80]);
    let mut mp4 = mp4_box(b"ftyp", b"isom\0\0\0\0");
    mp4.extend(mp4_box(b"mdat", &[0u8; 4096]));
    mp4.extend(mp4_box(b"moov", &mp4_box(b"mvhd", &mvhd)));
    std::fs::create_dir_all(site.root().join("content/tin-tuc/doi-thoai")).unwrap();
    std::fs::write(
        site.root().join("content/tin-tuc/doi-thoai/hoi-nghi.mp4"),
        mp4,
    )
    .unwrap();
    site.write(
        "content/tin-tuc/doi-thoai/index.md",
        "+++\ntitle = \"Hội nghị đối thoại\"\ndate = 2026-03-02\n+++\n\
         [Toàn bộ hội nghị](hoi-nghi.mp4)\n\n\
         <video controls><source src=\"hoi-nghi.mp4\" type=\"video/mp4\"><source src=\"https://evil.example/a.mp4\"></video>\n",
    );
    site.build_ok();
    let html = site.read("tin-tuc/doi-thoai/index.html");
    assert_has(
        &html,
        &[
            "<video controls=\"\" preload=\"metadata\" src=\"hoi-nghi.mp4\"",
            "<time datetime=\"PT1M23S\">1:23</time>",
            "<video controls=\"\"><source src=\"hoi-nghi.mp4\" type=\"video/mp4\"></video>",
        ],
    );
    assert!(!html.contains("evil.example"), "{html}");
}
