//! An event's own keys (lịch): its start and end time, place, who presides, who may
//! attend and its type from a closed list. The day is the page's `date`, which an event
//! must have (the calendar and the upcoming list are ordered by it).

use super::{Origin, non_empty};
use crate::content::page::{EventMeta, EventType, Time};
use crate::content::raw::RawPage;
use crate::error::Diagnostic;

/// An event's keys, taken out of the raw front matter.
pub(super) fn event_meta(
    raw: &mut RawPage,
    origin: &Origin<'_>,
    errors: &mut Vec<Diagnostic>,
) -> EventMeta {
    if raw.date.is_none() {
        errors.push(origin.at_key(
            "title",
            crate::tr!(
                en: "an event needs a `date`, the day it takes place: add a line like date = 2025-03-20",
                vi: "sự kiện cần có `date`, ngày diễn ra: hãy thêm một dòng như date = 2025-03-20",
            ),
        ));
    }
    let time = read_time(raw.time.take(), "time", origin, errors);
    let end_time = read_time(raw.end_time.take(), "end_time", origin, errors);
    match (time, end_time) {
        (None, Some(_)) => errors.push(origin.at_key(
            "end_time",
            crate::tr!(
                en: "`end_time` is set but `time` (when the event starts) is not: add a line like time = \"08:00\"",
                vi: "có `end_time` mà thiếu `time` (giờ bắt đầu): hãy thêm một dòng như time = \"08:00\"",
            ),
        )),
        (Some(s), Some(e)) if e <= s => {
            let (s, e) = (s.hhmm(), e.hhmm());
            errors.push(origin.at_key(
                "end_time",
                crate::tr!(
                    en: "the event ends before it starts: `time` is {s} but `end_time` is {e}; write an end time after the start",
                    vi: "sự kiện kết thúc trước khi bắt đầu: `time` là {s} mà `end_time` là {e}; hãy ghi giờ kết thúc sau giờ bắt đầu",
                ),
            ));
        }
        _ => {}
    }
    let event_type = non_empty(raw.event_type.take()).and_then(|t| {
        let found = EventType::parse(&t);
        if found.is_none() {
            let known = EventType::ALL.map(|t| format!("\"{}\"", t.label_vi().to_lowercase()));
            let known = known.join(", ");
            errors.push(origin.at_key(
                "event_type",
                crate::tr!(
                    en: "`event_type` = \"{t}\" is not a type of event congbo knows: write one of {known}, or remove the line",
                    vi: "`event_type` = \"{t}\" không phải loại sự kiện congbo biết: hãy viết một trong {known}, hoặc bỏ dòng này",
                ),
            ));
        }
        found
    });
    EventMeta {
        time,
        end_time,
        place: non_empty(raw.place.take()),
        presides: non_empty(raw.presides.take()),
        attendees: non_empty(raw.attendees.take()),
        event_type,
    }
}

/// A `time` or `end_time`, "08:00".
fn read_time(
    v: Option<String>,
    key: &str,
    origin: &Origin<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Time> {
    let v = v?;
    let found = Time::parse(&v);
    if found.is_none() {
        errors.push(origin.at_key(
            key,
            crate::tr!(
                en: "`{key}` = \"{v}\" is not a time of day: write hours and minutes, like {key} = \"08:00\" or \"14:30\"",
                vi: "`{key}` = \"{v}\" không phải giờ trong ngày: hãy viết giờ và phút, như {key} = \"08:00\" hoặc \"14:30\"",
            ),
        ));
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::content::page::Time;

    #[test]
    fn times_are_hours_and_minutes_of_a_day() {
        assert_eq!(Time::parse("08:00"), Some(Time { hour: 8, minute: 0 }));
        assert_eq!(
            Time::parse(" 7:30 "),
            Some(Time {
                hour: 7,
                minute: 30
            })
        );
        for bad in ["24:00", "8h", "08:60", "8:5", "", "08:00:00", "-1:00"] {
            assert_eq!(Time::parse(bad), None, "{bad}");
        }
    }
}
