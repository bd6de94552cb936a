//! Reading a plan's activity table into tasks: which header cell is which column, and how a
//! row becomes a [`TaskSource`]. Header matching ignores case, tone marks and their
//! placement, dash kinds and trailing marks such as `(**)`.

use super::Table;
use crate::content::page::TaskSource;
use crate::text::agency::split_partners;
use crate::text::fold::search_fold;
use crate::text::status::read_status;

/// What a table column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// TT, STT.
    Order,
    /// Nội dung, Nhiệm vụ, Hoạt động, Hình thức tuyên truyền.
    What,
    /// Số lượng, Số lượng/tần suất.
    Quantity,
    /// Cơ quan chủ trì, Đơn vị chủ trì, Đơn vị thực hiện, Cơ quan thực hiện.
    Lead,
    /// Cơ quan phối hợp, Đơn vị phối hợp.
    Partners,
    /// Thời gian thực hiện, Thời gian, Thời hạn.
    Time,
    /// Kết quả, Tình trạng, Tiến độ, Kết quả thực hiện: the task's status, read by
    /// [`read_status`].
    Status,
}

const HEADERS: &[(&str, Column)] = &[
    ("tt", Column::Order),
    ("stt", Column::Order),
    ("noi dung", Column::What),
    ("nhiem vu", Column::What),
    ("hoat dong", Column::What),
    ("hinh thuc tuyen truyen", Column::What),
    ("noi dung cong viec", Column::What),
    ("so luong", Column::Quantity),
    ("so luong tan suat", Column::Quantity),
    ("co quan chu tri", Column::Lead),
    ("don vi chu tri", Column::Lead),
    ("don vi thuc hien", Column::Lead),
    ("co quan thuc hien", Column::Lead),
    ("co quan phoi hop", Column::Partners),
    ("don vi phoi hop", Column::Partners),
    ("thoi gian thuc hien", Column::Time),
    ("thoi gian", Column::Time),
    ("thoi han", Column::Time),
    ("thoi gian hoan thanh", Column::Time),
    ("ket qua", Column::Status),
    ("tinh trang", Column::Status),
    ("tien do", Column::Status),
    ("ket qua thuc hien", Column::Status),
];

/// Folds a header cell to bare words: no marks, no case, no punctuation or `(**)`.
fn header_key(cell: &str) -> String {
    let folded = search_fold(cell);
    let mut s = folded.as_str();
    // Drop trailing notes: "(**)", "(*)", "*", "(1)".
    loop {
        let t = s.trim_end();
        if let Some(open) = t.ends_with(')').then(|| t.rfind('(')).flatten() {
            s = &t[..open];
        } else if let Some(rest) = t.strip_suffix('*') {
            s = rest;
        } else {
            s = t;
            break;
        }
    }
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Which column a header cell names, if any.
pub fn classify(cell: &str) -> Option<Column> {
    let key = header_key(cell);
    HEADERS.iter().find(|(h, _)| *h == key).map(|(_, c)| *c)
}

/// Reads a table as tasks, or `None` when its header has no lead column.
pub fn tasks_from_table(table: &Table) -> Option<Vec<TaskSource>> {
    let columns: Vec<Option<Column>> = table.header.iter().map(|h| classify(h)).collect();
    let find = |c: Column| columns.iter().position(|x| *x == Some(c));
    let lead = find(Column::Lead)?;
    let what = find(Column::What);
    let cell = |row: &[String], i: Option<usize>| {
        i.and_then(|i| row.get(i))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty() && s != "-")
    };
    let tasks = table
        .rows
        .iter()
        .zip(table.row_lines.iter().copied().chain(std::iter::repeat(0)))
        .filter_map(|(row, line)| {
            let name = cell(row, what).or_else(|| {
                // Without a "what" column, the first non-order, non-lead text cell names the task.
                row.iter()
                    .enumerate()
                    .find(|(i, c)| {
                        !c.trim().is_empty() && columns.get(*i).copied().flatten().is_none()
                    })
                    .map(|(_, c)| c.trim().to_string())
            })?;
            let written = cell(row, find(Column::Status));
            let read = written.as_deref().map(read_status);
            let (status, result) = match read.clone().flatten() {
                Some((status, result)) => (Some(status), result),
                None => (None, None),
            };
            Some(TaskSource {
                name,
                lead: cell(row, Some(lead)),
                partners: cell(row, find(Column::Partners))
                    .map(|p| split_partners(&p).parts)
                    .unwrap_or_default(),
                quantity: cell(row, find(Column::Quantity)),
                due: cell(row, find(Column::Time)),
                status,
                // A cell that is not a status is named in a warning, never taken as one.
                unknown_status: written.filter(|_| read == Some(None)),
                result,
                report: None,
                line,
            })
        })
        .collect();
    Some(tasks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_variants() {
        let cases = [
            ("TT", Some(Column::Order)),
            ("STT", Some(Column::Order)),
            ("Hình thức tuyên truyền", Some(Column::What)),
            ("NỘI DUNG", Some(Column::What)),
            ("Số lượng/tần suất", Some(Column::Quantity)),
            ("Số lượng / Tần suất", Some(Column::Quantity)),
            ("Cơ quan chủ trì (**)", Some(Column::Lead)),
            ("Cơ quan chủ trì(*)", Some(Column::Lead)),
            ("Đơn vị thực hiện *", Some(Column::Lead)),
            ("co quan chu tri", Some(Column::Lead)),
            ("Cơ quan phối hợp", Some(Column::Partners)),
            ("Đơn vị phối hợp", Some(Column::Partners)),
            ("Thời gian thực hiện", Some(Column::Time)),
            ("Thời hạn", Some(Column::Time)),
            ("Ghi chú", None),
            ("", None),
        ];
        for (h, want) in cases {
            assert_eq!(classify(h), want, "{h}");
        }
    }

    fn table(header: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            row_lines: (0..rows.len()).map(|r| 10 + r).collect(),
            header: header.iter().map(|s| s.to_string()).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect(),
        }
    }

    #[test]
    fn rows_become_tasks() {
        let t = table(
            &[
                "STT",
                "Nhiệm vụ",
                "Đơn vị chủ trì",
                "Đơn vị phối hợp",
                "Thời hạn",
            ],
            &[
                &[
                    "1",
                    "Tuyên truyền",
                    "Phòng Văn hoá – Xã hội",
                    "Văn phòng UBND; Đoàn Thanh niên",
                    "Quý I/2026",
                ],
                &["2", "", "X", "", ""],
            ],
        );
        let tasks = tasks_from_table(&t).unwrap();
        assert_eq!(tasks.len(), 1, "a row with no task text is skipped");
        assert_eq!(tasks[0].name, "Tuyên truyền");
        assert_eq!(tasks[0].lead.as_deref(), Some("Phòng Văn hoá – Xã hội"));
        assert_eq!(tasks[0].partners, vec!["Văn phòng UBND", "Đoàn Thanh niên"]);
        assert_eq!(tasks[0].due.as_deref(), Some("Quý I/2026"));
    }

    #[test]
    fn a_status_column_gives_each_row_its_status_or_a_warning() {
        for h in ["Kết quả", "Tình trạng", "TIẾN ĐỘ", "Kết quả thực hiện"] {
            assert_eq!(classify(h), Some(Column::Status), "{h}");
        }
        let t = table(
            &["TT", "Nội dung", "Cơ quan chủ trì", "Kết quả"],
            &[
                &["1", "Tuyên truyền", "UBND xã", "hoan thanh: 3 hội nghị"],
                &["2", "Rà soát", "UBND xã", "Đang thực hiện"],
                &["3", "Niêm yết", "UBND xã", "Xong rồi"],
                &["4", "Báo cáo", "UBND xã", ""],
            ],
        );
        let tasks = tasks_from_table(&t).unwrap();
        let got: Vec<_> = tasks
            .iter()
            .map(|t| {
                (
                    t.status,
                    t.result.as_deref(),
                    t.unknown_status.as_deref(),
                    t.line,
                )
            })
            .collect();
        use crate::text::status::TaskStatus::*;
        assert_eq!(
            got,
            vec![
                (Some(Done), Some("3 hội nghị"), None, 10),
                (Some(InProgress), None, None, 11),
                (None, None, Some("Xong rồi"), 12),
                (None, None, None, 13),
            ]
        );
    }

    #[test]
    fn tables_without_lead_are_not_tasks() {
        assert!(tasks_from_table(&table(&["Họ và tên", "Chức vụ"], &[&["A", "B"]])).is_none());
    }

    #[test]
    fn a_partner_with_a_comma_in_its_name_stays_one() {
        let t = table(
            &["Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"],
            &[&[
                "Tuyên truyền",
                "UBND xã",
                "Báo và Phát thanh, Truyền hình Thái Nguyên; Công an xã",
            ]],
        );
        let tasks = tasks_from_table(&t).unwrap();
        assert_eq!(
            tasks[0].partners,
            vec!["Báo và Phát thanh, Truyền hình Thái Nguyên", "Công an xã"]
        );
    }
}
