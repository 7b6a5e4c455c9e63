//! Where a key or a value is written in a source file, for messages.
//!
//! serde_yaml and toml give a position only for syntax errors; a problem
//! found after parsing (an unknown id, a missing page, a bad slug) is placed
//! by finding its text again. Every such search goes through [`Lines`], so
//! front matter, data records, trees and `site.toml` place their messages by
//! one set of rules:
//!
//! - [`Lines::key`]: the line that starts with `key`, column 1;
//! - [`Lines::value_of`]: the value after `key:` (`- key:` too);
//! - [`Lines::key_value`]: the value of a `key: value` line whose value,
//!   unquoted, is `value`;
//! - [`Lines::find`]: the first occurrence of a text.
//!
//! Each returns `None` when nothing matches, and the caller says where the
//! message goes instead (usually the record's first line).

use crate::diagnostics::Pos;

/// A range of lines of a text: the whole file, a record, or the lines from
/// a question on. Lines are numbered from 1, as in messages.
#[derive(Debug, Clone, Copy)]
pub struct Lines<'a> {
    text: &'a str,
    first: usize,
    last: usize,
}

impl<'a> Lines<'a> {
    /// Every line of `text`.
    pub fn all(text: &'a str) -> Self {
        Lines {
            text,
            first: 1,
            last: usize::MAX,
        }
    }

    /// Lines `first` to `last` of `text`, both included.
    pub fn between(text: &'a str, first: usize, last: usize) -> Self {
        Lines {
            text,
            first: first.max(1),
            last,
        }
    }

    /// Line `first` and every line after it.
    pub fn from(text: &'a str, first: usize) -> Self {
        Self::between(text, first, usize::MAX)
    }

    /// The first line of the range, column 1: where a message goes when
    /// the text it is about is not found.
    pub fn start(self) -> Pos {
        Pos::new(self.first, 1)
    }

    /// The lines in range with their numbers.
    fn iter(self) -> impl Iterator<Item = (usize, &'a str)> {
        let take = self.last.saturating_sub(self.first).saturating_add(1);
        self.text
            .lines()
            .enumerate()
            .skip(self.first - 1)
            .take(take)
            .map(|(i, l)| (i + 1, l))
    }

    /// The first line that starts with `key` (after indentation), column 1.
    pub fn key(self, key: &str) -> Option<Pos> {
        self.iter()
            .find(|(_, l)| l.trim_start().starts_with(key))
            .map(|(n, _)| Pos::new(n, 1))
    }

    /// The value written after `key:` on a line that starts with it (a list
    /// item's `- key:` too): its first non-space character.
    pub fn value_of(self, key: &str) -> Option<Pos> {
        let pattern = format!("{key}:");
        self.iter().find_map(|(n, l)| {
            let t = l.trim_start().trim_start_matches("- ");
            if !t.starts_with(&pattern) {
                return None;
            }
            let col = l.find(&pattern).unwrap_or(0) + pattern.len();
            let value_col = col + l[col..].len() - l[col..].trim_start().len();
            Some(column(n, l, value_col))
        })
    }

    /// [`Lines::value_of`], or the range's start when `key` is not written
    /// (a field left to its default).
    pub fn field(self, key: &str) -> Pos {
        self.value_of(key).unwrap_or(self.start())
    }

    /// The value of the first `key: value` line whose value is `value`,
    /// quoted or not.
    pub fn key_value(self, key: &str, value: &str) -> Option<Pos> {
        let prefix = format!("{key}:");
        self.iter().find_map(|(n, l)| {
            let rest = l
                .trim_start()
                .trim_start_matches("- ")
                .strip_prefix(&prefix)?;
            if rest.trim().trim_matches(|c| c == '"' || c == '\'') != value {
                return None;
            }
            Some(column(n, l, l.len() - rest.trim_start().len()))
        })
    }

    /// The first occurrence of `needle`.
    pub fn find(self, needle: &str) -> Option<Pos> {
        self.iter()
            .find_map(|(n, l)| Some(column(n, l, l.find(needle)?)))
    }
}

/// Line `n`'s position at byte `byte` of the line, counted in characters.
fn column(n: usize, line: &str, byte: usize) -> Pos {
    Pos::new(n, line[..byte].chars().count() + 1)
}

/// Ids of records and trees: lowercase ASCII letters, digits and hyphens,
/// so they work unchanged in URLs, anchors and file names.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECORD: &str = "- id: blank\n  title: \"Blank\"\n  dont:\n    summary: Sent   nothing\n- id: next\n  title: Next\n";

    #[test]
    fn a_key_s_line_and_its_value() {
        let all = Lines::all(RECORD);
        assert_eq!(all.key("title"), Some(Pos::new(2, 1)));
        assert_eq!(all.value_of("id"), Some(Pos::new(1, 7)));
        assert_eq!(all.value_of("summary"), Some(Pos::new(4, 14)));
        assert_eq!(all.value_of("missing"), None);
    }

    #[test]
    fn ranges_bound_the_search() {
        assert_eq!(
            Lines::between(RECORD, 1, 4).value_of("title"),
            Some(Pos::new(2, 10))
        );
        assert_eq!(Lines::between(RECORD, 1, 4).find("Next"), None);
        assert_eq!(
            Lines::from(RECORD, 5).value_of("title"),
            Some(Pos::new(6, 10))
        );
        // A record that ends before it starts is empty, not a panic.
        assert_eq!(Lines::between(RECORD, 5, 2).key("id"), None);
        assert_eq!(
            Lines::between(RECORD, 0, 0).key("- id"),
            Some(Pos::new(1, 1))
        );
    }

    #[test]
    fn a_value_is_matched_quoted_or_not() {
        let all = Lines::all(RECORD);
        assert_eq!(all.key_value("title", "Blank"), Some(Pos::new(2, 10)));
        assert_eq!(all.key_value("title", "Next"), Some(Pos::new(6, 10)));
        assert_eq!(all.key_value("title", "Other"), None);
    }

    #[test]
    fn a_text_is_found_where_it_first_occurs() {
        let all = Lines::all(RECORD);
        assert_eq!(all.find("id: next"), Some(Pos::new(5, 3)));
        assert_eq!(all.find("nothing"), Some(Pos::new(4, 21)));
        // Columns count characters, not bytes.
        assert_eq!(Lines::all("é: x\nné: y").find("y"), Some(Pos::new(2, 5)));
    }

    #[test]
    fn ids() {
        assert!(is_valid_id("blank-request-2"));
        for bad in ["", "Blank", "a_b", "a b", "é"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
