use std::path::Path;

use super::*;
use crate::markdown::sanitize::HtmlPolicy;
use crate::markdown::{PageRef, render};

fn ctx() -> LinkContext {
    let mut media = MediaFiles::new();
    media.insert(
        "/tin-tuc/a/ban-tin.mp3".into(),
        MediaFile {
            seconds: Some(185),
            poster_ext: None,
        },
    );
    media.insert(
        "/tin-tuc/a/hoi-nghi.mp4".into(),
        MediaFile {
            seconds: Some(3725),
            poster_ext: Some("jpg".into()),
        },
    );
    LinkContext {
        base_path: "/".into(),
        media,
        ..Default::default()
    }
}

fn html_with(md: &str, ctx: &LinkContext) -> String {
    let page = PageRef {
        file: Path::new("content/tin-tuc/a/index.md"),
        content_file: "tin-tuc/a/index.md",
        path: "/tin-tuc/a/",
        body_line: 4,
        plan: false,
    };
    render(md, &page, ctx).unwrap().html
}

fn html(md: &str) -> String {
    html_with(md, &ctx())
}

#[test]
fn a_bundle_audio_link_alone_is_a_player_with_download_and_duration() {
    for md in [
        "[Bản tin loa tuần 12](ban-tin.mp3)\n",
        "![Bản tin loa tuần 12](ban-tin.mp3)\n",
    ] {
        let out = html(md);
        assert!(
            out.contains("<audio controls=\"\" preload=\"none\" src=\"ban-tin.mp3\" aria-label=\"Bản tin loa tuần 12\"></audio>"),
            "{md}: {out}"
        );
        assert!(
            out.contains("<a href=\"ban-tin.mp3\" download=\"\">Tải về: Bản tin loa tuần 12</a>"),
            "{out}"
        );
        assert!(
            out.contains("Thời lượng: <time datetime=\"PT3M5S\">3:05</time>"),
            "{out}"
        );
        assert!(!out.contains("<p>"), "a figure, not in a paragraph: {out}");
    }
}

#[test]
fn audio_whose_length_is_unknown_and_other_formats() {
    for name in ["khac.m4a", "khac.OGG"] {
        let out = html(&format!("[Loa]({name})\n"));
        assert!(out.contains(&format!("src=\"{name}\"")), "{out}");
        assert!(out.contains("<audio"), "{out}");
        assert!(!out.contains("<time"), "no duration known: {out}");
    }
}

#[test]
fn a_link_inside_a_sentence_stays_a_link() {
    let out = html("Nghe [bản tin](ban-tin.mp3) sáng nay.\n");
    assert!(!out.contains("<audio"), "{out}");
    assert!(out.contains("<a href=\"ban-tin.mp3\">bản tin</a>"), "{out}");
}

#[test]
fn a_bundle_video_is_a_player_with_its_same_name_poster() {
    let out = html("[Hội nghị đối thoại](hoi-nghi.mp4)\n");
    assert!(
        out.contains("<video controls=\"\" preload=\"metadata\" src=\"hoi-nghi.mp4\" poster=\"hoi-nghi.jpg\" aria-label=\"Hội nghị đối thoại\"></video>"),
        "{out}"
    );
    // Its length read from its headers, as an audio file's.
    assert!(
        out.contains("Thời lượng: <time datetime=\"PT1H2M5S\">1:02:05</time>"),
        "{out}"
    );
    let out = html("[Clip](khac.webm)\n");
    assert!(out.contains("<video") && !out.contains("poster"), "{out}");
    assert!(!out.contains("<time"), "no duration known: {out}");
}

#[test]
fn youtube_links_alone_are_nocookie_embeds() {
    for md in [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n",
        "<https://youtu.be/dQw4w9WgXcQ>\n",
        "[Hướng dẫn nộp hồ sơ trực tuyến](https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ)\n",
        "https://youtube.com/shorts/dQw4w9WgXcQ\n",
    ] {
        let out = html(md);
        assert!(
            out.contains("<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\""),
            "{md}: {out}"
        );
        assert!(out.contains("loading=\"lazy\""), "{out}");
        assert!(out.contains("title=\""), "{out}");
        assert!(out.contains("class=\"embed-16x9\""), "{out}");
    }
    let out = html("[Hướng dẫn](https://youtu.be/dQw4w9WgXcQ)\n");
    assert!(out.contains("title=\"Hướng dẫn\""), "{out}");
}

#[test]
fn youtube_look_alikes_and_bad_ids_are_not_embedded() {
    for url in [
        "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://evilyoutube.com/watch?v=dQw4w9WgXcQ",
        "https://youtu.be.evil.example/dQw4w9WgXcQ",
        "https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"onload=x",
        "https://www.youtube.com/watch?v=short",
        "javascript:alert(1)//youtu.be/dQw4w9WgXcQ",
    ] {
        assert_eq!(youtube_id(url), None, "{url}");
        let out = html(&format!("<{url}>\n"));
        assert!(!out.contains("<iframe"), "{url}: {out}");
    }
}

#[test]
fn facebook_videos_are_link_cards_without_script() {
    for url in [
        "https://www.facebook.com/ubndxa/videos/1234567890/",
        "https://fb.watch/abcDEF/",
        "https://www.facebook.com/watch/?v=1234567890",
    ] {
        let out = html(&format!("{url}\n"));
        assert!(
            out.contains("class=\"link-card link-card-video\""),
            "{url}: {out}"
        );
        assert!(
            out.contains(&format!("href=\"{}\"", url.replace('&', "&amp;"))),
            "{out}"
        );
        assert!(
            !out.contains("<iframe") && !out.contains("<script"),
            "{out}"
        );
    }
    let out = html("https://www.facebook.com.evil.example/x/videos/1/\n");
    assert!(!out.contains("link-card"), "{out}");
}

#[test]
fn hostile_media_addresses_are_not_players() {
    let out = html("[nghe](javascript:alert(1)//a.mp3)\n");
    assert!(!out.contains("javascript:"), "{out}");
    let out = html("![x](data:audio/mp3;base64,AAAA)\n");
    assert!(!out.contains("data:"), "{out}");
    let out = html("[x](\"onerror=alert(1).mp3)\n");
    assert!(!out.contains("\"onerror"), "{out}");
}

#[test]
fn players_survive_the_sanitiser_when_the_page_has_raw_html() {
    let out = html(
        "<b>Chú ý</b>\n\n[Bản tin](ban-tin.mp3)\n\n[Clip](hoi-nghi.mp4)\n\nhttps://youtu.be/dQw4w9WgXcQ\n",
    );
    for keep in [
        "<audio controls=\"\" preload=\"none\" src=\"ban-tin.mp3\"",
        "download=\"\"",
        "<time datetime=\"PT3M5S\">",
        "poster=\"hoi-nghi.jpg\"",
        "<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"",
        "loading=\"lazy\"",
        "class=\"embed-16x9\"",
        "srcdoc=\"",
    ] {
        assert!(out.contains(keep), "{keep} lost: {out}");
    }
}

#[test]
fn nothing_comes_from_youtube_until_the_reader_asks() {
    let out = html("https://youtu.be/dQw4w9WgXcQ\n");
    let doc = facade("dQw4w9WgXcQ", "Xem video").unwrap();
    assert!(is_facade(&doc));
    assert!(
        out.contains("srcdoc=\"&lt;style&gt;"),
        "the frame shows its own page first: {out}"
    );
    assert!(
        doc.contains("href=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1\""),
        "{doc}"
    );
    assert!(!doc.contains("<img") && !doc.contains("<script"), "{doc}");
    assert_eq!(facade("dQw4w9WgXcQ", "<b>x</b>"), None);
}

#[test]
fn an_editors_srcdoc_is_dropped() {
    for raw in [
        "<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
        "<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" srcdoc=\"&lt;style&gt;&lt;/style&gt;&lt;a href=&quot;https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&quot;&gt;&lt;span&gt;&amp;#9654; x&lt;/span&gt;&lt;/a&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
    ] {
        let out = html(&format!("{raw}\n"));
        assert!(!out.contains("srcdoc"), "{raw}: {out}");
        // Not congbo's own frame, and the host is not listed: no frame at all.
        assert!(!out.contains("<iframe"), "{out}");
    }
}

#[test]
fn raw_players_keep_local_files_and_listed_hosts_only() {
    let mut c = ctx();
    c.html = HtmlPolicy {
        unsafe_html: false,
        iframe_hosts: vec!["media.tinh.gov.vn".into()],
    };
    let out = html_with(
        "<audio controls src=\"ban-tin.mp3\" onplay=\"x()\"></audio>\n\n<video controls src=\"/video/a.webm\" poster=\"javascript:alert(1)\"></video>\n\n<audio src=\"https://evil.example/a.mp3\"></audio>\n\n<video src=\"https://media.tinh.gov.vn/a.mp4\"><source src=\"http://media.tinh.gov.vn/b.mp4\" type=\"video/mp4\"></video>\n",
        &c,
    );
    assert!(out.contains("src=\"ban-tin.mp3\""), "{out}");
    assert!(out.contains("src=\"/video/a.webm\""), "{out}");
    assert!(
        out.contains("src=\"https://media.tinh.gov.vn/a.mp4\""),
        "{out}"
    );
    for gone in ["onplay", "javascript:", "evil.example", "http://media"] {
        assert!(!out.contains(gone), "{gone} kept: {out}");
    }
}

#[test]
fn raw_players_keep_their_sources_by_the_same_rule_as_their_src() {
    let mut c = ctx();
    c.html = HtmlPolicy {
        unsafe_html: false,
        iframe_hosts: vec!["media.tinh.gov.vn".into()],
    };
    let out = html_with(
        "<video controls><source src=\"hoi-nghi.webm\" type=\"video/webm\" onerror=\"x()\"><source src=\"/video/hoi-nghi.mp4\" type=\"video/mp4\"><source src=\"https://evil.example/a.mp4\"><source src=\"https://media.tinh.gov.vn/b.mp4\" type=\"video/mp4\"><source srcset=\"x.jpg\"></video>\n\n<audio controls><source src=\"ban-tin.ogg\" type=\"audio/ogg\"></audio>\n\n<p>Ảnh: <source src=\"lac.mp4\"></p>\n",
        &c,
    );
    for kept in [
        "<source src=\"hoi-nghi.webm\" type=\"video/webm\">",
        "<source src=\"/video/hoi-nghi.mp4\" type=\"video/mp4\">",
        "<source src=\"https://media.tinh.gov.vn/b.mp4\" type=\"video/mp4\">",
        "<source src=\"ban-tin.ogg\" type=\"audio/ogg\">",
    ] {
        assert!(out.contains(kept), "{kept} lost: {out}");
    }
    // A remote file of another host, a srcset, and a source outside a player are dropped
    // whole: no empty <source> is left.
    assert_eq!(out.matches("<source").count(), 4, "{out}");
    for gone in ["evil.example", "onerror", "srcset", "lac.mp4"] {
        assert!(!out.contains(gone), "{gone} kept: {out}");
    }
}
