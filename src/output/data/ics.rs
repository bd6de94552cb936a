//! `/data/tasks.ics`: plan tasks as an iCalendar file (RFC 5545), one all-day event per
//! task with a readable period; its status, result and report are in its description, and
//! a cancelled task is `STATUS:CANCELLED`. Lines end in CRLF and are folded at 75 octets without
//! splitting a character; TEXT values are escaped. Event UIDs are a hash of the plan's path
//! and the task's index, so they stay the same from one build to the next.

pub(super) mod events;

use crate::site::Site;
use crate::site::tasks::Task;
use crate::text::date::Date;
use crate::text::due::recurrence;
use crate::text::status::TaskStatus;

/// The calendar: one all-day event per task with a readable period, plans in `plans` order.
/// Each line is folded straight into the one output string: at 10,000 pages the file is
/// 3.6 MB, and a list of its 100,000 lines held beside it doubled the memory it took.
pub(super) fn calendar(site: &Site, plans: &[usize], tasks: &[Vec<Task>]) -> String {
    let c = &site.config;
    let host = host_of(&c.base_url);
    let compact = |d: Date| format!("{:04}{:02}{:02}", d.year, d.month, d.day);
    let stamp = compact(site.build_date);
    let events: usize = plans
        .iter()
        .filter_map(|&i| tasks.get(i))
        .map(Vec::len)
        .sum();
    let mut out = String::with_capacity(256 + 512 * events);
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//congbo//congbo//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        line(&mut out, l);
    }
    line(&mut out, &format!("X-WR-CALNAME:{}", ics_escape(&c.title)));
    for &i in plans {
        let page = &site.pages[i].page;
        for (n, t) in tasks.get(i).into_iter().flatten().enumerate() {
            // What the event says of its task is what the pages and the other open data say.
            let t = super::tasks::open_view(site, t);
            let (Some(mut start), Some(mut end)) = (t.start, t.end) else {
                continue;
            };
            // Recurring work ("Hằng quý", "Trước ngày 05 tháng cuối quý") is one day that
            // repeats until the period's end, not one event spanning the whole period.
            let mut rrule = None;
            if let Some(r) = t.due.and_then(recurrence)
                && let Some(first) = r.first_on_or_after(start).filter(|f| *f <= end)
            {
                rrule = Some(r.rrule(end));
                (start, end) = (first, first);
            }
            // DTEND is exclusive: the day after the last day.
            let Some(after) = end.checked_add_days(1) else {
                continue;
            };
            let mut about = Vec::new();
            about.extend(t.lead.map(|l| format!("Chủ trì: {l}")));
            if !t.partners.is_empty() {
                about.push(format!("Phối hợp: {}", t.partners.join("; ")));
            }
            about.extend(t.quantity.map(|q| format!("Số lượng: {q}")));
            about.extend(t.due.map(|d| format!("Thời gian: {d}")));
            // The status in the editor's words; late only by the one rule the pages use.
            about.extend(t.status.map(|s| format!("Tình trạng: {}", s.label_vi())));
            if t.overdue {
                about.push("Quá hạn".to_string());
            }
            about.extend(t.result.map(|r| format!("Kết quả: {r}")));
            about.extend(t.report_url.map(|r| format!("Báo cáo: {r}")));
            about.push(format!("Kế hoạch: {}", page.title));
            line(&mut out, "BEGIN:VEVENT");
            let uid = fnv1a(&format!("{}#{n}", page.path));
            line(&mut out, &format!("UID:{uid:016x}@{host}"));
            line(&mut out, &format!("DTSTAMP:{stamp}T000000Z"));
            line(&mut out, &format!("DTSTART;VALUE=DATE:{}", compact(start)));
            line(&mut out, &format!("DTEND;VALUE=DATE:{}", compact(after)));
            if let Some(rule) = &rrule {
                line(&mut out, &format!("RRULE:{rule}"));
            }
            line(&mut out, &format!("SUMMARY:{}", ics_escape(t.name)));
            if t.status == Some(TaskStatus::Cancelled) {
                line(&mut out, "STATUS:CANCELLED");
            }
            let description = ics_escape(&about.join("\n"));
            line(&mut out, &format!("DESCRIPTION:{description}"));
            line(&mut out, &format!("URL:{}", c.permalink(&page.path)));
            line(&mut out, "END:VEVENT");
        }
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// Appends one content line to `out`, folded (see [`ics_fold`]), with its CRLF.
fn line(out: &mut String, l: &str) {
    push_folded(out, l);
    out.push_str("\r\n");
}

/// The host of a base URL, for event UIDs; a made-up one when the base URL is a bare path.
fn host_of(base_url: &str) -> &str {
    crate::text::address::web_parts(base_url)
        .map(|p| p.host)
        .filter(|h| !h.is_empty())
        .unwrap_or("congbo.invalid")
}

/// 64-bit FNV-1a: a hash that stays the same across builds, platforms and Rust versions.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Escapes an iCalendar TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma get a
/// backslash, every line break (LF, CRLF or CR) becomes `\n`, other control characters
/// (not allowed in TEXT) are dropped; tabs are kept.
pub fn ics_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' | '\n' => {
                if c == '\r' {
                    chars.next_if_eq(&'\n');
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line (without its CRLF) so that no physical line is longer than 75
/// octets (RFC 5545 §3.1): a CRLF and a space are put before the character that would not
/// fit, never inside a UTF-8 sequence. The space counts towards the next line's 75.
pub fn ics_fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 24);
    push_folded(&mut out, line);
    out
}

/// [`ics_fold`] into the end of `out`.
fn push_folded(out: &mut String, line: &str) {
    // Whole runs at a time, cut at the last character boundary that fits (a character
    // at a time was most of the calendar's cost).
    let mut rest = line;
    let mut room = 75;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = 74;
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests;
