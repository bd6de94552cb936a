use super::*;

/// The first syntax error of `text`, explained, with its 1-based line.
fn syntax(text: &str, first_line: usize) -> (usize, String) {
    let (_, errors) = DeTable::parse_recoverable(text);
    let e = errors.first().expect("a syntax error");
    let lines = LineIndex::new(text);
    let ex = explain_syntax(text, &lines, first_line, e.message(), e.span());
    (lines.line(ex.offset), ex.message)
}

/// The serde error of `text` read as a small front matter, explained.
fn data(text: &str) -> (usize, String) {
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: Option<String>,
        tags: Option<Vec<String>>,
        draft: Option<bool>,
        copies: Option<u32>,
        extra: Option<toml::Table>,
    }
    let e = toml::from_str::<Doc>(text).expect_err("a serde error");
    assert!(is_data_error(e.message()), "{}", e.message());
    let (table, _) = DeTable::parse_recoverable(text);
    let path = e.span().map(|s| path_in(table.get_ref(), &s)).unwrap();
    let ex = explain_data(text, &path, e.message(), e.span(), no_examples);
    (LineIndex::new(text).line(ex.offset), ex.message)
}

#[test]
fn a_repeated_key_names_both_lines() {
    let (line, m) = syntax("title = \"A\"\ndraft = true\ntitle = \"B\"\n", 2);
    assert_eq!(line, 3);
    assert_eq!(m, "`title` is written twice (lines 2 and 4): keep one");
    let (_, m) = syntax("[extra]\na = 1\n[extra]\nb = 2\n", 1);
    assert_eq!(m, "`extra` is written twice (lines 1 and 3): keep one");
}

#[test]
fn unquoted_text_and_dates_say_how_to_write_them() {
    let (_, m) = syntax("title = Tin tuc\n", 1);
    assert_eq!(
        m,
        "`title`: text must be in quotes: write title = \"Tin tuc\""
    );
    let (line, m) = syntax("tags = [\"a\",\n  mot,\n]\n", 1);
    assert_eq!(line, 2);
    assert_eq!(m, "`tags`: text must be in quotes: write \"mot\"");
    let (_, m) = syntax("date = 29/02/2024\n", 1);
    assert!(
        m.contains("2024-02-29") && m.contains("date = \"29/02/2024\""),
        "{m}"
    );
}

#[test]
fn unclosed_quotes_and_missing_equals() {
    let (line, m) = syntax("title = \"A\ndraft = true\n", 1);
    assert_eq!(line, 1);
    assert!(
        m.starts_with("`title`: the text opened with \"") && m.contains("end it with \""),
        "{m}"
    );
    let (_, m) = syntax("title \"A\"\n", 1);
    assert_eq!(m, "`title` has no `=`: write title = \"A\"");
    let (_, m) = syntax("date = 2024-02-30\n", 1);
    assert!(
        m.starts_with("`date` = 2024-02-30 is not a real date"),
        "{m}"
    );
}

#[test]
fn wrong_shapes_name_the_key_and_the_fix() {
    assert_eq!(
        data("title = \"A\"\ntags = \"mot\"\n"),
        (
            2,
            "`tags` must be a list in square brackets: write tags = [\"mot\"]".to_string()
        )
    );
    assert_eq!(
        data("title = 5\n").1,
        "`title` must be text in quotes: write title = \"5\""
    );
    assert!(
        data("draft = \"yes\"\n")
            .1
            .contains("draft = true or draft = false")
    );
    assert!(data("copies = -1\n").1.contains("from 0 up"));
    assert!(data("copies = \"2\"\n").1.ends_with("write copies = 2"));
    assert!(data("extra = 5\n").1.contains("[extra]"));
    assert_eq!(
        data("title = \"A\"\n\ntitel = \"B\"\n").0,
        3,
        "unknown keys point at the key"
    );
}

#[test]
fn nested_problems_name_their_place() {
    let text = "a = [{ b = 1 }, { c = 2 }]";
    let (table, _) = DeTable::parse_recoverable(text);
    let at = text.find("c =").unwrap();
    let path = path_in(table.get_ref(), &(at..at + 1));
    assert_eq!(subject(&path), "`c` (in item 2 of `a`)");
}
