//! Reading a plan's tasks from every shape it writes them in: activity tables (which
//! header cell is which column, and how a row becomes a [`TaskSource`]; header matching
//! ignores case, tone marks and their placement, dash kinds and trailing marks such as
//! `(**)`), appendix tables, and tasks written as text ([`prose`]). [`plan_tasks`] reads
//! them all, with the shape each came from and what looked like a task but was not taken,
//! for the build and for `congbo check`.

mod blocks;
mod dedup;
mod prose;

use std::borrow::Cow;

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
    /// Số lượng, Số lượng/tần suất, Sản phẩm.
    Quantity,
    /// Cơ quan chủ trì, Đơn vị chủ trì, Chủ trì, Cơ quan/Đơn vị/Bộ phận thực hiện.
    Lead,
    /// Cơ quan phối hợp, Đơn vị phối hợp, Phối hợp.
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

/// Which shape of a plan a task was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shape {
    /// A row of an activity table in the body.
    Table,
    /// A row of a table in the appendix ("Phụ lục", "Danh mục nhiệm vụ").
    Appendix,
    /// An activity followed by "- Đơn vị thực hiện: …" lines.
    List,
    /// A "Tổ chức thực hiện" section: an agency heading's bullets, or an agency's sentence.
    Section,
}

impl Shape {
    /// Its name in `congbo check`'s summary.
    pub fn label(self) -> String {
        match self {
            Shape::Table => crate::tr!(en: "table", vi: "bảng"),
            Shape::Appendix => crate::tr!(en: "appendix", vi: "phụ lục"),
            Shape::List => crate::tr!(en: "list", vi: "danh sách"),
            Shape::Section => crate::tr!(en: "\"Tổ chức thực hiện\"", vi: "\"Tổ chức thực hiện\""),
        }
    }
}

/// Text that looked like a task but was not taken as one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missed {
    /// File line.
    pub line: usize,
    /// The text, as written.
    pub text: String,
    /// Why it was not taken, in the user's language.
    pub why: String,
}

/// A plan's tasks, read from every shape.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    /// Each task with the shape it was read from, tables first, then text in file order.
    pub tasks: Vec<(Shape, TaskSource)>,
    /// What looked like a task but was not taken.
    pub missed: Vec<Missed>,
    /// File lines of activity-table rows that say something (an order number, a lead, a
    /// due) but not what is to be done: not tasks, and a warning each.
    pub rows_without_task: Vec<usize>,
}

impl Extraction {
    /// How many tasks each shape gave, in the order `congbo check` and `congbo import`
    /// list them; shapes that gave none are left out.
    pub fn by_shape(&self) -> Vec<(Shape, usize)> {
        [Shape::Table, Shape::Appendix, Shape::List, Shape::Section]
            .into_iter()
            .map(|shape| {
                (
                    shape,
                    self.tasks.iter().filter(|(s, _)| *s == shape).count(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}

/// A plan's tasks written as text, read while its body is rendered (the build keeps no
/// Markdown after that).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextTasks {
    /// Each task with its shape, in file order.
    pub tasks: Vec<(Shape, TaskSource)>,
    /// What looked like a task but was not taken.
    pub missed: Vec<Missed>,
    /// File line where the appendix starts ("PHỤ LỤC", "DANH MỤC NHIỆM VỤ"), if any.
    pub appendix: Option<usize>,
    /// File lines where text other than a table starts (headings, paragraphs, list
    /// items), in order: what tells two tables apart from one broken across pages.
    pub text_lines: Vec<usize>,
}

/// Reads a plan body (whose first line is file line `body_line`) for its tasks written as
/// text and where its appendix starts.
pub fn read_text(body: &str, body_line: usize) -> TextTasks {
    // Cut once: both readers walk the same blocks.
    let blocks = blocks::blocks(body, body_line);
    let mut missed = Vec::new();
    let tasks = prose::tasks_from_text(&blocks, &mut missed);
    TextTasks {
        tasks,
        missed,
        appendix: prose::appendix_line(&blocks),
        text_lines: blocks.iter().map(|b| b.line).collect(),
    }
}

/// The tables as Word means them: a table that repeats the header of the table just before
/// it, with no text between them, is that table going on after a page break (a plan pasted
/// as text, or converted page by page, repeats the header atop each page); its rows are
/// joined to the first table's, where [`word_rows`] reads them as Word's repeated header
/// rows and broken rows.
fn page_joined<'t>(tables: &'t [Table], text_lines: &[usize]) -> Vec<Cow<'t, Table>> {
    let mut out: Vec<Cow<'t, Table>> = Vec::new();
    for table in tables {
        let same_header = |a: &Table| {
            a.header.len() == table.header.len()
                && a.header
                    .iter()
                    .zip(&table.header)
                    .all(|(x, y)| header_key(x) == header_key(y))
        };
        let next_to = |a: &Table| match (a.row_lines.last(), table.row_lines.first()) {
            (Some(&end), Some(&start)) if end > 0 && start > end => {
                !text_lines.iter().any(|&l| end < l && l < start)
            }
            _ => false,
        };
        match out.last_mut() {
            Some(above) if same_header(above) && next_to(above) => {
                let above = above.to_mut();
                above.rows.push(table.header.clone());
                above
                    .row_lines
                    .push(table.row_lines.first().map_or(0, |l| l - 1));
                above.rows.extend(table.rows.iter().cloned());
                above.row_lines.extend(&table.row_lines);
            }
            _ => out.push(Cow::Borrowed(table)),
        }
    }
    out
}

/// Every task of a plan found in its body: its tables' rows (`tables`, from the rendered
/// body; a table after the appendix's start is the appendix's), then its tasks written as
/// text; a task that repeats one of `front` (its `[[tasks]]`, written by hand) or, written
/// as text, a table's row, is left out (see [`dedup`]).
pub fn plan_tasks(text: &TextTasks, tables: &[Table], front: &[TaskSource]) -> Extraction {
    let mut tasks: Vec<(Shape, TaskSource)> = Vec::new();
    let mut rows_without_task = Vec::new();
    for table in page_joined(tables, &text.text_lines) {
        let in_appendix = text
            .appendix
            .is_some_and(|a| table.row_lines.first().is_some_and(|&l| l > a));
        let shape = if in_appendix {
            Shape::Appendix
        } else {
            Shape::Table
        };
        if let Some(read) = read_table(&table) {
            tasks.extend(read.tasks.into_iter().map(|t| (shape, t)));
            rows_without_task.extend(read.rows_without_task);
        }
    }
    tasks.extend(text.tasks.iter().cloned());
    Extraction {
        tasks: dedup::without_repeats(front, tasks),
        missed: text.missed.clone(),
        rows_without_task,
    }
}

/// Which column a header cell names, if any: a known wording, else a rule on its words
/// ("… chủ trì …" leads, "… phối hợp" partners, "Cơ quan/Đơn vị/Bộ phận … thực hiện"
/// leads), so that the many wordings plans use ("Chủ trì", "Cơ quan, đơn vị chủ trì",
/// "Đơn vị chủ trì thực hiện", "Bộ phận thực hiện") need no entry each.
pub fn classify(cell: &str) -> Option<Column> {
    let key = header_key(cell);
    if let Some((_, c)) = HEADERS.iter().find(|(h, _)| *h == key) {
        return Some(*c);
    }
    let padded = format!(" {key} ");
    let has = |words: &str| padded.contains(&format!(" {words} "));
    let starts = |words: &[&str]| words.iter().any(|w| padded.starts_with(&format!(" {w} ")));
    if has("chu tri") {
        Some(Column::Lead)
    } else if has("phoi hop") {
        Some(Column::Partners)
    } else if starts(&["co quan", "don vi", "bo phan"]) && key.ends_with(" thuc hien") {
        Some(Column::Lead)
    } else if starts(&["san pham"]) {
        Some(Column::Quantity)
    } else {
        None
    }
}

/// Whether a cell is a ditto mark: "the same as the cell above", as Word tables write it.
fn is_ditto(cell: &str) -> bool {
    matches!(cell.trim(), "〃" | "\"" | "”" | "''")
        || may_be_ditto_word(cell) && matches!(header_key(cell).as_str(), "nt" | "n t" | "nhu tren")
}

/// Whether [`header_key`] of `cell` may start with `n`, as every ditto word does, judged
/// by its first character that is not ASCII punctuation or space: an ASCII letter or digit
/// folds to itself in lower case (a mark after it is stripped), so any other one settles
/// it without folding the cell. Every cell of every task table is asked, and most are
/// task text that [`header_key`] would fold whole.
fn may_be_ditto_word(cell: &str) -> bool {
    match cell
        .chars()
        .find(|c| !c.is_ascii_punctuation() && *c != ' ')
    {
        Some(c) if c.is_ascii_alphanumeric() => c.eq_ignore_ascii_case(&'n'),
        Some(_) => true,
        None => false,
    }
}

/// Whether a body row only repeats the header (Word repeats it atop each page) or numbers
/// the columns ("(1) | (2) | …"); `header_keys` are the header's cells as [`header_key`]s, folded
/// once per table rather than once per row.
fn is_header_again(row: &[String], header_keys: &[String]) -> bool {
    let filled: Vec<(usize, &str)> = row
        .iter()
        .map(|c| c.trim())
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .collect();
    let numbering = filled.iter().all(|(_, c)| {
        let n = c.trim_start_matches('(').trim_end_matches(')');
        !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())
    }) && filled.iter().any(|(_, c)| c.starts_with('('));
    let repeated = filled
        .iter()
        .all(|(i, c)| header_keys.get(*i).is_some_and(|h| *h == header_key(c)));
    !filled.is_empty() && (numbering || repeated)
}

/// Whether the cell is a Roman numeral ("I", "II.", "IV"): a row numbered so is a group
/// heading of the table, not a task.
fn is_roman(cell: &str) -> bool {
    let t = cell.trim().trim_end_matches('.');
    !t.is_empty() && t.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// The body rows as Word means them, with their lines: header rows repeated at page breaks
/// and group headings ("I | Tuyên truyền" and nothing else) dropped; a row without an
/// order number of its own (the tail of a row broken across pages) joined to the row
/// above, cell by cell; a ditto mark ("nt", "〃", "như trên"), or an empty lead under a
/// vertically merged cell, replaced by the value above.
fn word_rows(table: &Table, columns: &[Option<Column>]) -> Vec<(Vec<String>, usize)> {
    let find = |c: Column| columns.iter().position(|x| *x == Some(c));
    let (order, what, lead) = (find(Column::Order), find(Column::What), find(Column::Lead));
    let blank = |row: &[String], i: Option<usize>| {
        i.is_none_or(|i| row.get(i).is_none_or(|c| c.trim().is_empty()))
    };
    let header_keys: Vec<String> = table.header.iter().map(|h| header_key(h)).collect();
    let mut rows: Vec<(Vec<String>, usize)> = Vec::new();
    // After a group heading, a merged lead or a ditto has nothing above it to repeat.
    let mut above_ok = false;
    let lines = table.row_lines.iter().copied().chain(std::iter::repeat(0));
    for (row, line) in table.rows.iter().zip(lines) {
        if is_header_again(row, &header_keys) {
            continue;
        }
        let only_order_and_what = row
            .iter()
            .enumerate()
            .all(|(i, c)| c.trim().is_empty() || Some(i) == order || Some(i) == what);
        if order.and_then(|o| row.get(o)).is_some_and(|o| is_roman(o)) && only_order_and_what {
            above_ok = false;
            continue;
        }
        let mut row = row.clone();
        // A row of its own has an order number where the rows above have one, or (with
        // no order column) task text.
        let numbered_above = rows.last().is_some_and(|(above, _)| !blank(above, order));
        let tail = match order {
            Some(_) => blank(&row, order) && numbered_above,
            None => what.is_some() && blank(&row, what),
        };
        if let Some((above, _)) = rows.last_mut().filter(|_| above_ok) {
            // Each cell beside the one above it: the tail of a broken row goes on at the
            // end of the cell above; a ditto mark, or an empty merged lead, takes it.
            for (i, (cell, up)) in row.iter_mut().zip(above.iter_mut()).enumerate() {
                if tail {
                    let cell = cell.trim();
                    if !cell.is_empty() && !is_ditto(cell) {
                        if !up.trim().is_empty() {
                            up.push(' ');
                        }
                        up.push_str(cell);
                    }
                } else if is_ditto(cell) || Some(i) == lead && cell.trim().is_empty() {
                    cell.clone_from(up);
                }
            }
            if tail {
                continue;
            }
        }
        above_ok = true;
        rows.push((row, line));
    }
    rows
}

/// Reads a table as tasks, or `None` when its header has no lead column.
pub fn tasks_from_table(table: &Table) -> Option<Vec<TaskSource>> {
    read_table(table).map(|r| r.tasks)
}

/// An activity table read.
struct TableTasks {
    /// Its rows' tasks.
    tasks: Vec<TaskSource>,
    /// File lines of the rows with something written but no task text.
    rows_without_task: Vec<usize>,
}

/// Reads a table as tasks, and which rows had no task text, or `None` when its header has
/// no lead column.
fn read_table(table: &Table) -> Option<TableTasks> {
    let columns: Vec<Option<Column>> = table.header.iter().map(|h| classify(h)).collect();
    let find = |c: Column| columns.iter().position(|x| *x == Some(c));
    let lead = find(Column::Lead)?;
    let what = find(Column::What);
    let cell = |row: &[String], i: Option<usize>| {
        i.and_then(|i| row.get(i))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty() && s != "-")
    };
    let mut rows_without_task = Vec::new();
    let tasks = word_rows(table, &columns)
        .into_iter()
        .filter_map(|(row, line)| {
            let row = row.as_slice();
            let said = row.iter().any(|c| !matches!(c.trim(), "" | "-"));
            let name = cell(row, what).or_else(|| {
                // Without a "what" column, the first non-order, non-lead text cell names the task.
                row.iter()
                    .enumerate()
                    .find(|(i, c)| {
                        !c.trim().is_empty() && columns.get(*i).copied().flatten().is_none()
                    })
                    .map(|(_, c)| c.trim().to_string())
            });
            let Some(name) = name else {
                if said {
                    rows_without_task.push(line);
                }
                return None;
            };
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
    Some(TableTasks {
        tasks,
        rows_without_task,
    })
}

#[cfg(test)]
mod tests;
