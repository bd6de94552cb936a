//! A plan's tasks as rows of a grid, written back as the Markdown activity table the build
//! reads (`TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |
//! Số lượng | Kết quả`). Opening a plan takes its first activity table whose columns the
//! grid has (no column would be lost) out of the body and leaves [`PLACE`] where it was;
//! saving puts the table made from the rows back there (at the end when the line was
//! removed). What the grid writes is read back by the build's own table reader
//! ([`tasks_from_table`]) to the same tasks; a test proves it.
//!
//! Rows are posted as repeated fields (`nv-ten`, `nv-chu-tri` …), in order; each has a
//! number (`nv-tt`) that orders them, so rows can be reordered without JavaScript; a row
//! without task text is dropped.

use super::Form;
use super::front::Values;
use crate::content::Kind;
use crate::markdown::tasks::{Column, classify, tasks_from_table};
use crate::markdown::{self, LinkContext, PageRef, Table};
use crate::text::html::escape;

/// The line that stands for the grid's table in the body.
pub const PLACE: &str = "[[BẢNG NHIỆM VỤ]]";

/// Empty rows offered after the filled ones (and added by "Thêm dòng").
pub const EMPTY_ROWS: usize = 3;

/// One task as the grid shows it: each cell as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    /// What is to be done.
    pub name: String,
    /// Lead agency.
    pub lead: String,
    /// Partner agencies, with `;` between.
    pub partners: String,
    /// When: a date, a period, "Thường xuyên".
    pub due: String,
    /// Quantity or product.
    pub quantity: String,
    /// Status words, maybe with the result after a colon.
    pub status: String,
}

/// The grid's columns: field name, header written in the table, label in the form.
const COLUMNS: [(&str, &str, &str); 6] = [
    ("nv-ten", "Nội dung", "Nhiệm vụ"),
    ("nv-chu-tri", "Cơ quan chủ trì", "Chủ trì"),
    ("nv-phoi-hop", "Cơ quan phối hợp", "Phối hợp"),
    ("nv-thoi-gian", "Thời gian thực hiện", "Thời gian"),
    ("nv-so-luong", "Số lượng", "Số lượng"),
    ("nv-tinh-trang", "Kết quả", "Tình trạng"),
];

impl Row {
    fn cells(&self) -> [&str; 6] {
        [
            &self.name,
            &self.lead,
            &self.partners,
            &self.due,
            &self.quantity,
            &self.status,
        ]
    }

    fn cell_mut(&mut self, i: usize) -> Option<&mut String> {
        Some(match i {
            0 => &mut self.name,
            1 => &mut self.lead,
            2 => &mut self.partners,
            3 => &mut self.due,
            4 => &mut self.quantity,
            5 => &mut self.status,
            _ => return None,
        })
    }
}

/// The values to write a page of `kind` from: a plan's body gets the grid's table.
pub(super) fn for_file(kind: Kind, values: &Values, form: &Form) -> Values {
    let mut values = values.clone();
    if kind == Kind::Plan {
        let body = values.get("body").map_or("", String::as_str);
        let body = body_with(body, &rows_of(form));
        values.insert("body".into(), body);
    }
    values
}

/// The grid of a posted form of a page of `kind` (none but for plans): its rows, and
/// [`EMPTY_ROWS`] more empty ones, or more again after "Thêm dòng".
pub(super) fn posted(kind: Kind, form: &Form) -> Option<(Vec<Row>, usize)> {
    if kind != Kind::Plan {
        return None;
    }
    let rows = rows_of(form);
    let mut extra = EMPTY_ROWS;
    if form.iter().any(|(k, _)| k == "them-dong") {
        let posted = form.iter().filter(|(k, _)| k == "nv-ten").count();
        extra += posted.saturating_sub(rows.len());
    }
    Some((rows, extra))
}

/// Whether a form field belongs to the grid (and not to the page's values).
pub(super) fn is_grid_field(key: &str) -> bool {
    key.starts_with("nv-") || key == "them-dong"
}

/// The rows posted in `form`, in the order of their numbers (then as posted); rows
/// without task text dropped.
pub fn rows_of(form: &Form) -> Vec<Row> {
    let mut rows: Vec<(f64, usize, Row)> = Vec::new();
    let mut at: [usize; 7] = [0; 7];
    for (k, v) in form {
        let v = v.replace("\r\n", " ").replace('\n', " ");
        let col = if k == "nv-tt" {
            6
        } else if let Some(c) = COLUMNS.iter().position(|(name, _, _)| name == k) {
            c
        } else {
            continue;
        };
        let i = at[col];
        at[col] += 1;
        while rows.len() <= i {
            let n = rows.len();
            rows.push((f64::MAX, n, Row::default()));
        }
        if col == 6 {
            rows[i].0 = v.trim().parse().unwrap_or(f64::MAX);
        } else if let Some(cell) = rows[i].2.cell_mut(col) {
            *cell = crate::text::normalize::nfc_owned(v.trim().to_string());
        }
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    rows.into_iter()
        .map(|(_, _, r)| r)
        .filter(|r| !r.name.is_empty())
        .collect()
}

/// A cell as Markdown: one line, `|` escaped.
fn cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\\', "\\\\")
        .replace('|', "\\|")
}

/// The Markdown activity table of `rows` (empty text when there are none).
pub fn table_of(rows: &[Row]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let mut out = String::from("| TT |");
    for (_, header, _) in COLUMNS {
        out.push_str(&format!(" {header} |"));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(COLUMNS.len()));
    out.push('\n');
    for (n, r) in rows.iter().enumerate() {
        out.push_str(&format!("| {} |", n + 1));
        for c in r.cells() {
            out.push_str(&format!(" {} |", cell(c)));
        }
        out.push('\n');
    }
    out
}

/// The body with the rows' table in place of [`PLACE`] (or after the text when the line
/// was removed); with no rows, the line goes away.
pub fn body_with(body: &str, rows: &[Row]) -> String {
    let table = table_of(rows);
    let mut out = String::with_capacity(body.len() + table.len());
    let mut placed = false;
    for line in body.split_inclusive('\n') {
        if line.trim() == PLACE && !placed {
            placed = true;
            out.push_str(&table);
            continue;
        }
        out.push_str(line);
    }
    if !placed && !table.is_empty() {
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
        }
        out.push_str(&table);
    }
    out
}

/// Takes the grid's table out of a plan's body: the body with [`PLACE`] in its stead and
/// the rows; the body as it is and no rows when it has no table the grid can show whole.
pub fn take_table(body: &str) -> (String, Vec<Row>) {
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    let mut i = 0;
    while i < lines.len() {
        let is_row = |l: &str| l.trim_start().starts_with('|');
        if !is_row(lines[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && is_row(lines[i]) {
            i += 1;
        }
        let block: String = lines[start..i].concat();
        if let Some(rows) = grid_rows(&block) {
            let mut out: String = lines[..start].concat();
            out.push_str(PLACE);
            out.push('\n');
            out.push_str(&lines[i..].concat());
            return (out, rows);
        }
    }
    (body.to_string(), Vec::new())
}

/// The rows of a block of table lines, read by the build's own Markdown and task table
/// readers; `None` when it is no activity table, or has a column the grid lacks.
fn grid_rows(block: &str) -> Option<Vec<Row>> {
    let table = first_table(block)?;
    let columns: Vec<Column> = table
        .header
        .iter()
        .map(|h| classify(h))
        .collect::<Option<_>>()?;
    if !columns.contains(&Column::Lead) || !columns.contains(&Column::What) {
        return None;
    }
    let mut seen = columns.clone();
    seen.sort_by_key(|c| *c as u8);
    seen.dedup();
    if seen.len() != columns.len() {
        return None;
    }
    // Only the rows the build takes as tasks are kept: that is what the grid shows.
    let tasks = tasks_from_table(&table)?;
    if tasks.len() != table.rows.len() {
        return None;
    }
    let at = |row: &[String], c: Column| {
        columns
            .iter()
            .position(|x| *x == c)
            .and_then(|i| row.get(i))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    Some(
        table
            .rows
            .iter()
            .map(|row| Row {
                name: at(row, Column::What),
                lead: at(row, Column::Lead),
                partners: at(row, Column::Partners),
                due: at(row, Column::Time),
                quantity: at(row, Column::Quantity),
                status: at(row, Column::Status),
            })
            .collect(),
    )
}

/// The first table of a Markdown text, as the build's Markdown stage reads it.
pub(super) fn first_table(text: &str) -> Option<Table> {
    let page = PageRef {
        file: std::path::Path::new("content/bang.md"),
        content_file: "bang.md",
        path: "/bang/",
        body_line: 1,
        plan: false,
    };
    let rendered = markdown::render(text, &page, &LinkContext::default()).ok()?;
    rendered.tables.into_iter().next()
}

/// The grid in the form: the rows, then [`EMPTY_ROWS`] empty ones, and "Thêm dòng".
pub(super) fn grid(
    rows: &[Row],
    extra: usize,
    lists: &super::suggest::Suggestions,
    add_action: &str,
) -> String {
    let agencies = super::suggest::list_attr(lists, "lead");
    let partners = super::suggest::list_attr(lists, "partners");
    let mut out = String::from(
        "<fieldset class=\"luoi-nhiem-vu\" id=\"luoi-nhiem-vu\">\n<legend>Nhiệm vụ của kế hoạch</legend>\n\
         <p class=\"goi-y\" id=\"h-nhiem-vu\">Mỗi dòng một nhiệm vụ. Dòng không có nội dung bị bỏ. \
         Đổi thứ tự bằng ô <b>TT</b>. Trong nội dung, dòng <code>[[BẢNG NHIỆM VỤ]]</code> là chỗ đặt bảng này. \
         Tình trạng: Hoàn thành, Đang thực hiện, Chưa thực hiện, Không thực hiện (có thể viết thêm kết quả sau dấu hai chấm).</p>\n\
         <div class=\"cuon\"><table>\n<thead><tr><th scope=\"col\">TT</th>",
    );
    for (_, _, label) in COLUMNS {
        out.push_str(&format!("<th scope=\"col\">{label}</th>"));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let empty = Row::default();
    let all = rows.iter().chain(std::iter::repeat_n(&empty, extra));
    for (n, r) in all.enumerate() {
        let n = n + 1;
        out.push_str(&format!(
            "<tr><td><input type=\"text\" inputmode=\"numeric\" name=\"nv-tt\" value=\"{n}\" \
             size=\"2\" aria-label=\"Thứ tự dòng {n}\"></td>"
        ));
        for (i, ((name, _, label), value)) in COLUMNS.iter().zip(r.cells()).enumerate() {
            let list = match i {
                1 => agencies.as_str(),
                2 => partners.as_str(),
                5 => " list=\"goi-y-tinh-trang\"",
                _ => "",
            };
            out.push_str(&format!(
                "<td><input type=\"text\" name=\"{name}\" value=\"{}\" aria-label=\"{label} dòng {n}\"{list}></td>",
                escape(value)
            ));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n<datalist id=\"goi-y-tinh-trang\">");
    for s in [
        "Hoàn thành",
        "Đang thực hiện",
        "Chưa thực hiện",
        "Không thực hiện",
    ] {
        out.push_str(&format!("<option value=\"{s}\"></option>"));
    }
    out.push_str(&format!(
        "</datalist>\n<p><button type=\"submit\" name=\"them-dong\" value=\"1\" formaction=\"{}\">Thêm dòng</button></p>\n</fieldset>\n",
        escape(add_action)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::page::TaskSource;

    fn row(name: &str, lead: &str, partners: &str, due: &str, status: &str) -> Row {
        Row {
            name: name.into(),
            lead: lead.into(),
            partners: partners.into(),
            due: due.into(),
            quantity: String::new(),
            status: status.into(),
        }
    }

    fn tasks(markdown: &str) -> Vec<TaskSource> {
        let mut t = tasks_from_table(&first_table(markdown).unwrap()).unwrap();
        for x in &mut t {
            x.line = 0;
        }
        t
    }

    #[test]
    fn the_grids_table_reads_back_to_the_same_tasks() {
        let rows = vec![
            row(
                "Tuyên truyền | niêm yết TTHC",
                "Văn phòng HĐND và UBND xã",
                "Công an xã; Đoàn Thanh niên xã",
                "Quý II/2026",
                "Đang thực hiện",
            ),
            row(
                "Rà soát thủ tục",
                "Phòng Văn hóa - Xã hội",
                "",
                "30/6/2026",
                "Hoàn thành: đã rà 12 thủ tục",
            ),
        ];
        let table = table_of(&rows);
        let read = tasks(&table);
        assert_eq!(read.len(), 2, "{table}");
        assert_eq!(read[0].name, "Tuyên truyền | niêm yết TTHC");
        assert_eq!(read[0].lead.as_deref(), Some("Văn phòng HĐND và UBND xã"));
        assert_eq!(read[0].partners, ["Công an xã", "Đoàn Thanh niên xã"]);
        assert_eq!(read[0].due.as_deref(), Some("Quý II/2026"));
        assert_eq!(read[1].result.as_deref(), Some("đã rà 12 thủ tục"));
        // And the grid reads its own table back to the same rows.
        let (body, again) = take_table(&format!("Mở đầu.\n\n{table}\nKết.\n"));
        assert_eq!(again, rows);
        assert_eq!(body, format!("Mở đầu.\n\n{PLACE}\n\nKết.\n"));
        assert_eq!(
            body_with(&body, &rows),
            format!("Mở đầu.\n\n{table}\nKết.\n")
        );
    }

    #[test]
    fn a_table_with_a_column_the_grid_lacks_stays_in_the_body() {
        let body =
            "| TT | Nội dung | Chủ trì | Ghi chú |\n|---|---|---|---|\n| 1 | A | B | giữ |\n";
        assert_eq!(take_table(body), (body.to_string(), Vec::new()));
        let plain = "| a | b |\n|---|---|\n| 1 | 2 |\n";
        assert_eq!(take_table(plain).1, Vec::new());
    }

    #[test]
    fn rows_come_in_their_numbers_order_and_empty_ones_go() {
        let form: Vec<(String, String)> = [
            ("nv-tt", "2"),
            ("nv-ten", "Hai"),
            ("nv-chu-tri", "X"),
            ("nv-tt", "1"),
            ("nv-ten", "Một"),
            ("nv-chu-tri", "Y"),
            ("nv-tt", "3"),
            ("nv-ten", ""),
            ("nv-chu-tri", "Z"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let rows = rows_of(&form);
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Một", "Hai"]);
        assert_eq!(rows[0].lead, "Y");
        // No rows: the place line goes, and nothing is added.
        assert_eq!(body_with(&format!("A\n{PLACE}\nB\n"), &[]), "A\nB\n");
        assert_eq!(
            body_with("A\n", &rows[..1]),
            format!("A\n\n{}", table_of(&rows[..1]))
        );
    }
}
