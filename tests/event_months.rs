//! Issue #30, schedules: a page per month of events (`/lich/2025-03/`, "Lịch tháng
//! 03/2025") listing them by day and time, with links to the nearest months that have
//! events, linked from `/lich/` and in the sitemap; and the next events on the home page
//! (`home_events` of them, none when nothing is coming).

mod common;
use common::events::*;
use common::*;

/// `text`'s position of each of `parts`, which must be in this order.
fn in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for p in parts {
        let at = text[from..]
            .find(p)
            .unwrap_or_else(|| panic!("no {p:?} after byte {from} in {text}"));
        from += at + p.len();
    }
}

#[test]
fn a_month_page_lists_its_events_by_day_then_time() {
    let site = events_site();
    site.write(
        "content/lich/hop-sang.md",
        &event(
            "Họp dân buổi sáng",
            "date = 2025-03-25\ntime = \"08:00\"",
            "Sáng.",
        ),
    );
    site.build_ok();
    let html = site.read("lich/2025-03/index.html");
    assert_has(
        &html,
        &[
            "<title>Lịch tháng 03/2025 – ",
            "<h1>Lịch tháng 03/2025</h1>",
            "<a href=\"/lich/\">",
            "<time datetime=\"2025-03-25T08:00+07:00\">08:00 25/03/2025</time>",
        ],
    );
    in_order(
        &html,
        &[
            "<time datetime=\"2025-03-01\">01/03/2025</time>",
            "Hội nghị sơ kết quý I",
            "<time datetime=\"2025-03-20\">20/03/2025</time>",
            "Tập huấn dịch vụ công",
            "<time datetime=\"2025-03-25\">25/03/2025</time>",
            "Họp dân buổi sáng",
            "Đối thoại với doanh nghiệp",
        ],
    );
    assert!(!html.contains("Tiếp công dân định kỳ tháng 4"), "{html}");
}

#[test]
fn month_pages_link_only_to_months_with_events() {
    let site = events_site();
    site.write(
        "content/lich/thang-6.md",
        &event("Hội nghị tháng 6", "date = 2025-06-10", "Cả ngày."),
    );
    site.build_ok();
    // No page for May, which has no event: April's next month is June.
    assert!(!site.exists("lich/2025-05/index.html"));
    let april = site.read("lich/2025-04/index.html");
    assert_has(
        &april,
        &[
            "<a href=\"/lich/2025-03/\" rel=\"prev\">",
            "<a href=\"/lich/2025-06/\" rel=\"next\">",
        ],
    );
    let march = site.read("lich/2025-03/index.html");
    assert!(!march.contains("rel=\"prev\""), "{march}");
    assert!(
        !site
            .read("lich/2025-06/index.html")
            .contains("rel=\"next\"")
    );
    // The index lists every month with its number of events; the sitemap has them.
    let index = site.read("lich/index.html");
    in_order(
        &index,
        &[
            "<a href=\"/lich/2025-03/\">Lịch tháng 03/2025 <span class=\"count\">3</span>",
            "<a href=\"/lich/2025-04/\">Lịch tháng 04/2025 <span class=\"count\">1</span>",
            "<a href=\"/lich/2025-06/\">Lịch tháng 06/2025 <span class=\"count\">1</span>",
        ],
    );
    let sitemap = site.read("sitemap.xml");
    for m in ["2025-03", "2025-04", "2025-06"] {
        assert!(
            sitemap.contains(&format!("/lich/{m}/</loc>")),
            "{m}: {sitemap}"
        );
    }
    assert!(!sitemap.contains("/lich/2025-05/"));
}

#[test]
fn lists_of_events_show_their_start_time() {
    let site = events_site();
    site.build_ok();
    let html = site.read("lich/index.html");
    assert_has(
        &html,
        &[
            "<time datetime=\"2025-03-25T14:00+07:00\">14:00 25/03/2025</time>",
            // An all-day event has its day alone.
            "<time datetime=\"2025-03-20\">20/03/2025</time>",
        ],
    );
}

#[test]
fn a_page_at_a_month_pages_address_is_an_error_naming_it() {
    let site = events_site();
    site.write(
        "content/lich/2025-03.md",
        "+++\ntitle = \"Tháng ba\"\ndate = 2025-03-02\n+++\n\nTrang.\n",
    );
    let err = site
        .build()
        .expect_err("two files at /lich/2025-03/")
        .to_string();
    assert!(err.contains("content/lich/2025-03.md"), "{err}");
    assert!(err.contains("03/2025"), "{err}");
}

#[test]
fn home_lists_the_next_events_soonest_first() {
    let site = events_site();
    site.build_ok();
    let home = site.read("index.html");
    // Three by default: today's, then the next two; never a past one.
    in_order(
        &home,
        &[
            "<h2 id=\"khoi-lich\">Lịch sắp tới</h2><a class=\"more\" href=\"/lich/\">",
            "<time datetime=\"2025-03-20\">20/03/2025</time>",
            "Tập huấn dịch vụ công",
            "<time datetime=\"2025-03-25T14:00+07:00\">14:00 25/03/2025</time>",
            "Đối thoại với doanh nghiệp",
            "Tiếp công dân định kỳ tháng 4",
        ],
    );
    assert!(!home.contains("Hội nghị sơ kết quý I"), "{home}");

    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write("site.toml", &format!("home_events = 1\n{toml}"));
    site.build_ok();
    let home = site.read("index.html");
    assert!(home.contains("Tập huấn dịch vụ công"), "{home}");
    assert!(!home.contains("Đối thoại với doanh nghiệp"), "{home}");
}

#[test]
fn home_has_no_events_block_when_none_is_coming() {
    let mut site = events_site();
    site.opts.build_date = congbo::text::date::Date::new(2025, 5, 1);
    site.build_ok();
    let home = site.read("index.html");
    assert!(!home.contains("khoi-lich"), "{home}");
    assert!(!home.contains("Lịch sắp tới"), "{home}");
}
