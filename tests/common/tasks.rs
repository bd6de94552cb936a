//! Plans' tasks as the open data gives them: the rows of `/data/tasks.csv` of a fixture
//! site built from one plan, for the tests of the shapes tasks are read from.

use super::TestSite;

/// One row of `tasks.csv`: name, lead, partners, quantity, due.
#[derive(Debug, PartialEq, Eq)]
pub struct Row {
    pub name: String,
    pub lead: String,
    pub partners: String,
    pub quantity: String,
    pub due: String,
}

/// The rows of `tasks.csv` (every field quoted, `""` for a quote, CRLF).
pub fn rows(csv: &str) -> Vec<Row> {
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = csv.trim_start_matches('\u{FEFF}').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                fields.push(std::mem::take(&mut field));
                out.push(std::mem::take(&mut fields));
            }
            c => field.push(c),
        }
    }
    out.into_iter()
        .skip(1)
        .map(|f| Row {
            name: f[2].clone(),
            lead: f[3].clone(),
            partners: f[4].clone(),
            quantity: f[5].clone(),
            due: f[6].clone(),
        })
        .collect()
}

pub fn row(name: &str, lead: &str, partners: &str, quantity: &str, due: &str) -> Row {
    Row {
        name: name.into(),
        lead: lead.into(),
        partners: partners.into(),
        quantity: quantity.into(),
        due: due.into(),
    }
}

pub fn plan(body: &str) -> String {
    format!(
        "+++\ntitle = \"Kế hoạch thử năm 2026\"\ndate = 2026-01-10\n\
         period = {{ start = 2026-01-01, end = 2026-12-31 }}\n+++\n{body}"
    )
}

/// A site whose only page is the plan `content/ke-hoach/thu.md` with `body`.
pub fn plan_site(body: &str) -> TestSite {
    let site = TestSite::new();
    site.write("content/ke-hoach/thu.md", &plan(body));
    site
}

pub fn built(body: &str) -> Vec<Row> {
    let site = plan_site(body);
    site.build_ok();
    rows(&site.read("/data/tasks.csv"))
}
