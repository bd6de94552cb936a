//! `[agencies]` in `site.toml`: the site's own spellings of its agencies, for the names
//! the built-in abbreviation table cannot join (`aliases = { "Phòng VH-XH-TT" = "Phòng
//! Văn hóa - Xã hội" }`). Each bad entry is an error at its own line.

use std::path::Path;

use serde::Deserialize;

use crate::error::Diagnostic;
use crate::text::agency::{AliasProblem, Aliases};

/// `[agencies]` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAgencies {
    /// Spelling → the agency's full name.
    #[serde(default)]
    aliases: toml::Table,
}

/// The line of an alias entry: the first line after `[agencies` that names the spelling in
/// quotes (or bare), else the `aliases` key's, else 0.
fn entry_line(text: &str, spelling: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let from = lines
        .iter()
        .position(|l| l.trim_start().starts_with("[agencies"))
        .unwrap_or(0);
    let quoted = format!("\"{spelling}\"");
    let bare = |l: &str| {
        l.trim_start()
            .strip_prefix(spelling)
            .is_some_and(|r| r.trim_start().starts_with('='))
    };
    (lines.iter().enumerate().skip(from))
        .find(|(_, l)| l.contains(&quoted) || bare(l))
        .map(|(i, _)| i + 1)
        .or_else(|| super::key_line(text, "aliases"))
        .unwrap_or(0)
}

/// Reads the table into [`Aliases`], or the error of the first bad entry at its line.
pub(super) fn resolve(raw: RawAgencies, text: &str, file: &Path) -> Result<Aliases, Diagnostic> {
    let mut aliases = Aliases::default();
    // In the file's order, so that of two clashing lines the second is blamed.
    let mut entries: Vec<(usize, &String, &toml::Value)> = (raw.aliases.iter())
        .map(|(spelling, value)| (entry_line(text, spelling), spelling, value))
        .collect();
    entries.sort_by_key(|(line, _, _)| *line);
    for (line, spelling, value) in entries {
        let at = |message: String| Diagnostic::at(file, line, 1, message);
        let Some(name) = value.as_str() else {
            return Err(at(crate::tr!(
                en: "[agencies] aliases: \"{spelling}\" must be given the agency's full name in quotes, like \"{spelling}\" = \"Phòng Văn hóa - Xã hội\"",
                vi: "[agencies] aliases: \"{spelling}\" phải đi kèm tên đầy đủ của cơ quan trong ngoặc kép, ví dụ \"{spelling}\" = \"Phòng Văn hóa - Xã hội\"",
            )));
        };
        aliases.insert(spelling, name).map_err(|problem| {
            at(match problem {
                AliasProblem::Blank => crate::tr!(
                    en: "[agencies] aliases: \"{spelling}\" = \"{name}\" has a blank side; write the spelling the plans use = the agency's full name",
                    vi: "[agencies] aliases: \"{spelling}\" = \"{name}\" có một vế để trống; hãy viết cách viết trong kế hoạch = tên đầy đủ của cơ quan",
                ),
                AliasProblem::Chain(next) => crate::tr!(
                    en: "[agencies] aliases: \"{spelling}\" = \"{name}\" leads to another entry of the table (for \"{next}\"); give each spelling the final name: \"{spelling}\" = \"{next}\"",
                    vi: "[agencies] aliases: \"{spelling}\" = \"{name}\" dẫn tới một dòng khác của bảng (ứng với \"{next}\"); hãy ghi thẳng tên cuối cùng cho mỗi cách viết: \"{spelling}\" = \"{next}\"",
                ),
                AliasProblem::Conflict(other) => crate::tr!(
                    en: "[agencies] aliases: \"{spelling}\" already stands for \"{other}\" in this table (a spelling that differs only in case, tone marks, dashes or abbreviations); one spelling can name one agency only: keep one of the two lines",
                    vi: "[agencies] aliases: \"{spelling}\" đã ứng với \"{other}\" trong bảng này (một cách viết chỉ khác về chữ hoa, dấu thanh, gạch nối hoặc viết tắt); mỗi cách viết chỉ ứng với một cơ quan: hãy giữ một trong hai dòng",
                ),
            })
        })?;
    }
    Ok(aliases)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Overrides, parse};

    const HEAD: &str = "title = \"X\"\nbase_url = \"https://x.example/\"\n";

    fn error(toml: &str) -> Diagnostic {
        parse(
            &format!("{HEAD}{toml}"),
            Path::new("site.toml"),
            &Overrides::default(),
        )
        .unwrap_err()
    }

    #[test]
    fn aliases_are_read_inline_or_as_a_table() {
        for toml in [
            "[agencies]\naliases = { \"Phòng VHXH-TT\" = \"Phòng Văn hóa - Xã hội\" }\n",
            "[agencies.aliases]\n\"Phòng VHXH-TT\" = \"Phòng Văn hóa - Xã hội\"\n",
        ] {
            let c = parse(
                &format!("{HEAD}{toml}"),
                Path::new("site.toml"),
                &Overrides::default(),
            )
            .unwrap();
            let a = crate::text::agency::agency_key("Phòng VHXH - TT", &c.agency_aliases);
            assert_eq!(a.full, "Phòng Văn hóa - Xã hội");
        }
    }

    #[test]
    fn a_bad_entry_is_an_error_at_its_line() {
        let e = error(
            "[agencies.aliases]\n\"Phòng A\" = \"Phòng Văn hóa\"\n\"Phòng B\" = \"Phòng A\"\n",
        );
        assert_eq!(e.line, 5, "{e}");
        assert!(e.message.contains("Phòng Văn hóa"), "{e}");
        let e = error("[agencies.aliases]\n\"Phòng A\" = \"  \"\n");
        assert_eq!(e.line, 4, "{e}");
        let e = error("[agencies.aliases]\n\n\"Phòng A\" = 3\n");
        assert_eq!(e.line, 5, "{e}");
        let e = error(
            "[agencies.aliases]\n\"Phòng A\" = \"Phòng Văn hóa\"\n\"PHÒNG A\" = \"Công an xã\"\n",
        );
        assert_eq!(e.line, 5, "{e}");
        assert!(e.message.contains("Phòng Văn hóa"), "{e}");
        let e = error("[agencies]\nalias = {}\n");
        assert_eq!(e.line, 4, "{e}");
    }
}
