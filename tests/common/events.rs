//! The events of a small site around a fixed build date, shared by the tests of events
//! (`tests/events.rs`) and of their month pages and home block (`tests/event_months.rs`).

use super::TestSite;

/// An event page's text: `keys` are its front matter lines after the title.
pub fn event(title: &str, keys: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\n{keys}\n+++\n\n{body}\n")
}

/// Four events around a build date of 20/03/2025: two to come, one that day, one past.
pub fn events_site() -> TestSite {
    let mut site = TestSite::new();
    site.opts.build_date = congbo::text::date::Date::new(2025, 3, 20);
    site.write(
        "content/lich/tiep-dan-thang-4.md",
        &event(
            "Tiếp công dân định kỳ tháng 4",
            "date = 2025-04-15\ntime = \"07:30\"\nend_time = \"11:00\"\n\
             place = \"Phòng tiếp công dân, UBND xã\"\npresides = \"Chủ tịch UBND xã\"\n\
             attendees = \"Mọi người dân\"\nevent_type = \"Tiếp công dân\"",
            "Mang theo **căn cước** và giấy tờ liên quan.",
        ),
    );
    site.write(
        "content/lich/doi-thoai.md",
        &event(
            "Đối thoại với doanh nghiệp",
            "date = 2025-03-25\ntime = \"14:00\"\nevent_type = \"đối thoại\"\nplace = \"Hội trường xã\"",
            "Doanh nghiệp gửi câu hỏi trước.",
        ),
    );
    site.write(
        "content/lich/hom-nay.md",
        &event(
            "Tập huấn dịch vụ công",
            "date = 2025-03-20\nevent_type = \"tập huấn\"",
            "Cả ngày.",
        ),
    );
    site.write(
        "content/lich/hoi-nghi-cu.md",
        &event(
            "Hội nghị sơ kết quý I",
            "date = 2025-03-01\ntime = \"06:30\"\nend_time = \"08:00\"\nevent_type = \"hội nghị\"",
            "Đã họp.",
        ),
    );
    site
}
