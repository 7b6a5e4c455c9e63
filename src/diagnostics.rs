//! Problems found in a site, each tied to a file, line and column, with a hint.
//!
//! Every stage reports into this one type so that `check` and `build` can
//! collect all problems instead of stopping at the first, and `main` can print
//! them once, with the offending line and a caret (annotate-snippets draws it).

use std::fmt;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// A 1-based line and column inside a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
    pub fn new(line: usize, col: usize) -> Self {
        Pos { line, col }
    }

    /// The position of byte `offset` in `text` (1-based; columns count characters).
    pub fn of_offset(text: &str, offset: usize) -> Self {
        let offset = offset.min(text.len());
        let before = &text[..floor_char_boundary(text, offset)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Pos {
            line,
            col: before[line_start..].chars().count() + 1,
        }
    }

    /// This position moved down by `lines` (front matter and body offsets).
    pub fn shifted(self, lines: usize) -> Self {
        Pos {
            line: self.line + lines,
            col: self.col,
        }
    }
}

/// Line starts of a text, for turning many byte offsets into positions in
/// O(log n) each (`Pos::of_offset` scans from the start every time).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    pub fn pos(&self, offset: usize) -> Pos {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        Pos {
            line,
            col: self.text[start..offset].chars().count() + 1,
        }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// What is wrong and how to fix it, before it is placed in a file: what a
/// link resolver, a shortcode or a URL rule returns, and the caller turns
/// into a [`Diagnostic`] at the position it knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    pub fn new(message: impl Into<String>) -> Self {
        Problem {
            message: message.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn maybe_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    /// The problem placed in `path`.
    pub fn in_file(self, path: impl Into<PathBuf>) -> Diagnostic {
        Diagnostic::new(path, self.message).maybe_hint(self.hint)
    }
}

/// How much a problem matters: an error fails the build; a warning is
/// reported and the build goes on; a note is information (`check` prints
/// notes, `build` does not).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    #[default]
    Error,
    Warning,
    Note,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// One problem with the site's input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub path: PathBuf,
    /// Where in the file; `None` for problems with a whole file.
    pub pos: Option<Pos>,
    pub message: String,
    pub hint: Option<String>,
    /// The offending line of the file, for the caret display.
    /// (A `Box<str>`: it is never grown, and it keeps a `Diagnostic` small
    /// enough to return in a `Result` without boxing.)
    pub source_line: Option<Box<str>>,
}

impl Diagnostic {
    pub fn new(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            pos: None,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    pub fn at(mut self, pos: Pos) -> Self {
        self.pos = Some(pos);
        self
    }

    /// Sets the position and keeps the line of `text` it points at for display.
    pub fn at_in(mut self, pos: Pos, text: &str) -> Self {
        self.source_line = text.lines().nth(pos.line.saturating_sub(1)).map(Box::from);
        self.pos = Some(pos);
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn maybe_hint(mut self, hint: Option<String>) -> Self {
        if hint.is_some() {
            self.hint = hint;
        }
        self
    }

    /// The problem as a warning: reported, but the build goes on.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// The problem as information.
    pub fn note(mut self) -> Self {
        self.severity = Severity::Note;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column`, or just the file.
    pub fn location(&self) -> String {
        match self.pos {
            Some(p) => format!("{}:{}:{}", self.path.display(), p.line, p.col),
            None => self.path.display().to_string(),
        }
    }

    /// A multi-line report with the source line and a caret under the column.
    pub fn render(&self, color: bool) -> String {
        let title = format!("{}: {}", self.location(), self.message);
        let path = self.path.display().to_string();
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Note => Level::NOTE,
        };
        let mut group = Group::with_title(level.primary_title(&title));
        if let (Some(pos), Some(line)) = (self.pos, &self.source_line) {
            let start = line
                .char_indices()
                .nth(pos.col.saturating_sub(1))
                .map_or(line.len(), |(i, _)| i);
            let end = line[start..]
                .char_indices()
                .nth(1)
                .map_or(line.len(), |(i, _)| start + i);
            group = group.element(
                Snippet::source(&**line)
                    .line_start(pos.line)
                    .path(&path)
                    .annotation(AnnotationKind::Primary.span(start..end.max(start))),
            );
        }
        if let Some(hint) = &self.hint {
            group = group.element(Level::HELP.message(hint));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&[group]).to_string()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)?;
        if let Some(h) = &self.hint {
            write!(f, " (hint: {h})")?;
        }
        Ok(())
    }
}

/// Every problem a run found; the error type of `check` and `build`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn new() -> Self {
        Diagnostics(Vec::new())
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// How many are errors (not warnings or notes).
    pub fn errors(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    /// Takes out the warnings and notes, leaving the errors.
    pub fn take_advice(&mut self) -> Diagnostics {
        let (errors, advice) = std::mem::take(&mut self.0)
            .into_iter()
            .partition(Diagnostic::is_error);
        self.0 = errors;
        Diagnostics(advice)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Sorted by file and position, duplicates removed: stable output for
    /// people and tests alike.
    pub fn sorted(mut self) -> Self {
        self.0
            .sort_by(|a, b| (&a.path, a.pos, &a.message).cmp(&(&b.path, b.pos, &b.message)));
        self.0.dedup();
        self
    }

    /// `Ok(value)` when nothing was reported.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

/// An I/O failure as a diagnostic that names the path (as mdBook's fs utils do).
pub fn io_error(path: &Path, action: &str, err: &std::io::Error) -> Diagnostic {
    let hint = match err.kind() {
        std::io::ErrorKind::PermissionDenied => Some("check the file's permissions".to_owned()),
        std::io::ErrorKind::NotFound => Some("check the path exists".to_owned()),
        _ => None,
    };
    Diagnostic::new(path, format!("could not {action}: {err}")).maybe_hint(hint)
}

/// The known name closest to `given`, if it is close enough to be a likely typo.
pub fn suggest<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::damerau_levenshtein(given, k), k))
        .filter(|(d, k)| *d <= (k.len().max(given.len()) / 3).max(1))
        .min()
        .map(|(_, k)| k)
}

/// "did you mean `x`?" for use as a hint.
pub fn did_you_mean<'a>(given: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    suggest(given, known).map(|k| format!("did you mean `{k}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns() {
        let text = "ab\ncdé\nf";
        assert_eq!(Pos::of_offset(text, 0), Pos::new(1, 1));
        assert_eq!(Pos::of_offset(text, 3), Pos::new(2, 1));
        assert_eq!(Pos::of_offset(text, 7), Pos::new(2, 4));
        assert_eq!(Pos::of_offset(text, 999), Pos::new(3, 2));
    }

    #[test]
    fn line_index_agrees_with_of_offset() {
        let text = "ab\ncdé\n\nf";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(index.pos(offset), Pos::of_offset(text, offset), "{offset}");
        }
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        let known = ["title", "base_url", "description"];
        assert_eq!(suggest("titel", known), Some("title"));
        assert_eq!(suggest("baseurl", known), Some("base_url"));
        assert_eq!(suggest("zzz", known), None);
    }

    #[test]
    fn render_shows_line_caret_and_hint() {
        let d = Diagnostic::new("content/a.md", "unknown shortcode `cse`")
            .at_in(Pos::new(2, 4), "one\nab {{ cse() }}\n")
            .hint("did you mean `case`?");
        let out = d.render(false);
        assert!(out.contains("content/a.md:2:4: unknown shortcode"), "{out}");
        assert!(out.contains("ab {{ cse() }}"), "{out}");
        assert!(out.contains('^'), "{out}");
        assert!(out.contains("did you mean `case`?"), "{out}");
    }
}
