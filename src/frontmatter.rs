//! Splitting a Markdown file into front matter and body, and parsing the
//! front matter (YAML between `---` lines or TOML between `+++` lines).

use std::path::Path;

use serde::{Deserialize, Deserializer};

use crate::diagnostics::{Code, Diagnostic, Pos, did_you_mean};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
}

/// The pieces of a page file. Lines are 1-based lines of the whole file.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub format: Format,
    pub front: &'a str,
    pub front_line: usize,
    pub body: &'a str,
    pub body_line: usize,
}

/// Splits `text` at its front-matter fences.
pub fn split<'a>(text: &'a str, path: &Path) -> Result<Split<'a>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Diagnostic::new(Code::FileEmpty, path, "the file is empty")
            .at(Pos::new(1, 1))
            .hint("a page starts with front matter: `---`, then `title: ...`, then `---`"));
    }
    let first_line = text.lines().next().unwrap_or("").trim_end();
    let (format, fence) = match first_line {
        "---" => (Format::Yaml, "---"),
        "+++" => (Format::Toml, "+++"),
        _ => {
            return Err(Diagnostic::new(
                Code::PageNoFrontMatter,
                path,
                "the page has no front matter",
            )
            .at_in(Pos::new(1, 1), text)
            .hint("start the file with a `---` line, `title: ...`, and a closing `---` line"));
        }
    };
    let front_start = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = front_start;
    for (line_no, line) in (2..).zip(text[front_start..].split_inclusive('\n')) {
        if line.trim_end() == fence {
            let body_start = offset + line.len();
            return Ok(Split {
                format,
                front: &text[front_start..offset],
                front_line: 2,
                body: &text[body_start..],
                body_line: line_no + 1,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::new(
        Code::PageUnclosedFrontMatter,
        path,
        format!("the front matter is never closed: no second `{fence}` line"),
    )
    .at_in(Pos::new(1, 1), text)
    .hint(format!(
        "add a line with just `{fence}` after the last front-matter key"
    )))
}

/// A calendar date written `YYYY-MM-DD` (a time after it is allowed and kept).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct Date(pub String);

impl Date {
    pub fn parse(s: &str) -> Result<Date, String> {
        let s = s.trim();
        let day = s.get(..10).ok_or_else(|| format!("`{s}` is not a date"))?;
        let b = day.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
            return Err(format!("`{s}` is not a date in the form YYYY-MM-DD"));
        }
        let year: u32 = day[..4].parse().unwrap_or(0);
        let month: u32 = day[5..7].parse().unwrap_or(0);
        let dom: u32 = day[8..10].parse().unwrap_or(0);
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(format!("`{s}` has no month {month}")),
        };
        if dom == 0 || dom > days {
            return Err(format!("`{s}` has no day {dom} in month {month}"));
        }
        let rest = &s[10..];
        if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
            return Err(format!("`{s}` is not a date in the form YYYY-MM-DD"));
        }
        Ok(Date(s.to_owned()))
    }

    /// The `YYYY-MM-DD` part.
    pub fn day(&self) -> &str {
        &self.0[..10]
    }

    /// RFC 3339, as feeds and sitemaps want it.
    pub fn rfc3339(&self) -> String {
        if self.0.len() > 10 && self.0.contains(['+', 'Z']) {
            self.0.replacen(' ', "T", 1)
        } else {
            format!("{}T00:00:00Z", self.day())
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Date;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date like 2026-11-22")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).map_err(E::custom)
            }
            // TOML dates arrive as a one-entry map holding the date's text.
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
                let (_, v): (String, String) = map
                    .next_entry()?
                    .ok_or_else(|| serde::de::Error::custom("empty date"))?;
                Date::parse(&v).map_err(serde::de::Error::custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// Everything a page's front matter may say. Unknown keys are errors.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub description: Option<String>,
    #[serde(default)]
    pub weight: i64,
    #[serde(default)]
    pub tags: Vec<String>,
    pub date: Option<Date>,
    pub updated: Option<Date>,
    #[serde(default)]
    pub draft: bool,
    pub slug: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    pub template: Option<String>,
    /// Sections only: how many pages one list page shows.
    pub paginate_by: Option<usize>,
    #[serde(default)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Parses the front matter of `split`, reporting lines of the whole file.
pub fn parse(split: &Split, path: &Path, file_text: &str) -> Result<FrontMatter, Diagnostic> {
    let fm: FrontMatter = match split.format {
        Format::Yaml => {
            if split.front.trim().is_empty() {
                FrontMatter::default()
            } else {
                crate::yaml::parse(split.front, path, split.front_line, file_text)?
            }
        }
        Format::Toml => toml::from_str(split.front).map_err(|e| {
            let pos = e
                .span()
                .map(|s| Pos::of_offset(split.front, s.start))
                .unwrap_or(Pos::new(1, 1))
                .shifted(split.front_line - 1);
            let problem = crate::yaml::explain(e.message());
            let hint = problem
                .hint
                .clone()
                .or_else(|| Some(crate::config::TOML_HINT.to_owned()));
            problem.in_file(path).at_in(pos, file_text).maybe_hint(hint)
        })?,
    };
    if fm.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        return Err(
            Diagnostic::new(Code::PageNoTitle, path, "the page has no `title`")
                .at_in(
                    Pos::new(split.front_line.saturating_sub(1).max(1), 1),
                    file_text,
                )
                .hint("add `title: Your title` to the front matter"),
        );
    }
    Ok(fm)
}

/// Front-matter keys, for suggestions in other places.
pub const KEYS: &[&str] = &[
    "title",
    "description",
    "weight",
    "tags",
    "date",
    "updated",
    "draft",
    "slug",
    "aliases",
    "sources",
    "template",
    "paginate_by",
    "extra",
];

/// A hint for a misspelled front-matter key.
pub fn key_hint(given: &str) -> Option<String> {
    did_you_mean(given, KEYS.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("content/a.md")
    }

    #[test]
    fn splits_yaml_and_toml() {
        let s = split("---\ntitle: A\n---\nBody\n", p()).unwrap();
        assert_eq!(
            (s.format, s.front, s.body, s.body_line),
            (Format::Yaml, "title: A\n", "Body\n", 4)
        );
        let s = split("+++\ntitle = \"A\"\n+++\n\nBody", p()).unwrap();
        assert_eq!((s.format, s.body, s.body_line), (Format::Toml, "\nBody", 4));
        let s = split("---\r\ntitle: A\r\n---\r\nB", p()).unwrap();
        assert_eq!(s.body, "B");
    }

    #[test]
    fn split_errors() {
        assert!(split("", p()).unwrap_err().message.contains("empty"));
        assert!(
            split("# Hi", p())
                .unwrap_err()
                .message
                .contains("no front matter")
        );
        let e = split("---\ntitle: A\nbody", p()).unwrap_err();
        assert!(e.message.contains("never closed"), "{e}");
    }

    #[test]
    fn parses_dates_and_reports_bad_ones_with_file_lines() {
        let text = "---\ntitle: A\ndate: 2026-02-30\n---\n";
        let s = split(text, p()).unwrap();
        let e = parse(&s, p(), text).unwrap_err();
        assert_eq!(e.pos.unwrap().line, 3, "{e}");
        assert!(e.message.contains("no day 30"), "{e}");
        let text = "+++\ntitle = \"A\"\ndate = 2026-02-03\ntags = [\"x\"]\n+++\n";
        let fm = parse(&split(text, p()).unwrap(), p(), text).unwrap();
        assert_eq!(fm.date.unwrap().day(), "2026-02-03");
        assert_eq!(fm.tags, vec!["x"]);
    }

    #[test]
    fn toml_unknown_key_points_at_line() {
        let text = "+++\ntitle = \"A\"\ntgas = []\n+++\n";
        let e = parse(&split(text, p()).unwrap(), p(), text).unwrap_err();
        assert_eq!(e.pos.unwrap().line, 3, "{e}");
        assert_eq!(e.hint.as_deref(), Some("did you mean `tags`?"));
    }

    #[test]
    fn title_is_required() {
        let text = "---\ndescription: x\n---\n";
        let e = parse(&split(text, p()).unwrap(), p(), text).unwrap_err();
        assert!(e.message.contains("title"));
    }

    #[test]
    fn date_validation() {
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("2023-13-01").is_err());
        assert!(Date::parse("22/11/2026").is_err());
        assert_eq!(
            Date::parse("2026-11-22").unwrap().rfc3339(),
            "2026-11-22T00:00:00Z"
        );
    }
}
