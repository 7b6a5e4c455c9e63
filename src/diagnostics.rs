//! Problems found in a site, each tied to a file, line and column, with a hint.
//!
//! Every stage reports into this one type so that `check` and `build` can
//! collect all problems instead of stopping at the first, and `main` can print
//! them once, with the offending line and a caret (annotate-snippets draws it).

use std::fmt;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// A 1-based line and column inside a file.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
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

/// Defines [`Code`] from one list of `Variant = "slug"` pairs, so the
/// variant, its slug and [`Code::ALL`] cannot drift apart. (A dozen lines
/// of macro instead of a crate such as strum: casebook needs only these
/// three things.)
macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $slug:literal,)*) => {
        /// A kind of problem, named by a stable slug (`link/missing-page`)
        /// that machine-readable output carries and docs/diagnostics.md
        /// explains. Every [`Diagnostic`] has one: there is no constructor
        /// without it. A slug is never renamed or given to another kind.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code, in the order of docs/diagnostics.md.
            pub const ALL: &[Code] = &[$(Code::$variant,)*];

            /// The slug: `area/kind`, lowercase, words joined by hyphens.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $slug,)*
                }
            }
        }
    };
}

codes! {
    /// No site where one was expected: no folder, or no site.toml in it.
    SiteNotFound = "site/not-found",
    /// The site has no content/ folder.
    SiteNoContent = "site/no-content",
    /// site.toml names a theme folder that does not exist.
    SiteThemeMissing = "site/theme-missing",
    /// A file or folder could not be read.
    FileUnreadable = "file/unreadable",
    /// A text file is over the size limit.
    FileTooLarge = "file/too-large",
    /// A text file is not UTF-8.
    FileNotUtf8 = "file/not-utf8",
    /// A page, data or tree file is empty.
    FileEmpty = "file/empty",
    /// A page changed between being read and being written, in a build
    /// that reads a large site's pages again as it writes them.
    FileChanged = "file/changed",
    /// A symbolic link leads back to a folder that contains it.
    FileSymlinkLoop = "file/symlink-loop",
    /// YAML or TOML that does not parse.
    ParseSyntax = "parse/syntax",
    /// A key the file's kind does not have.
    ParseUnknownKey = "parse/unknown-key",
    /// A key the file's kind requires is absent.
    ParseMissingKey = "parse/missing-key",
    /// A value of the wrong type (text for a list, a number for text).
    ParseWrongType = "parse/wrong-type",
    /// A date that is not a real YYYY-MM-DD date.
    ParseInvalidDate = "parse/invalid-date",
    /// A site.toml setting with a value it cannot take.
    ConfigInvalidValue = "config/invalid-value",
    /// A `[[languages]]` entry with a bad code or prefix, or declared twice.
    ConfigInvalidLanguage = "config/invalid-language",
    /// A page without front matter.
    PageNoFrontMatter = "page/no-front-matter",
    /// Front matter whose closing fence is missing.
    PageUnclosedFrontMatter = "page/unclosed-front-matter",
    /// A page without a title.
    PageNoTitle = "page/no-title",
    /// A slug that is not a safe URL segment, or a slug on a section.
    PageInvalidSlug = "page/invalid-slug",
    /// Two pages with one URL.
    PageDuplicateUrl = "page/duplicate-url",
    /// A page URL under a path casebook writes itself.
    PageReservedUrl = "page/reserved-url",
    /// An alias that is unsafe, a page's URL, or claimed twice.
    PageInvalidAlias = "page/invalid-alias",
    /// A data file named after no kind of data.
    DataUnknownKind = "data/unknown-kind",
    /// Something other than a record in a data file's list.
    DataNotARecord = "data/not-a-record",
    /// A record id that is not lowercase letters, digits and hyphens.
    DataInvalidId = "data/invalid-id",
    /// Two records of one kind with one id.
    DataDuplicateId = "data/duplicate-id",
    /// A required field left empty.
    DataEmptyField = "data/empty-field",
    /// A source whose `url` is not a web address.
    DataInvalidUrl = "data/invalid-url",
    /// A source whose `title_lang` is not a language code.
    DataInvalidLanguage = "data/invalid-language",
    /// A template longer than its character limit.
    DataOverLimit = "data/over-limit",
    /// A message-checker rule with fields its kind lacks or does not take.
    DataCheckFields = "data/check-fields",
    /// A message-checker rule whose pattern is not a usable regex.
    DataCheckPattern = "data/check-pattern",
    /// An `@/…` link to a page that does not exist.
    LinkMissingPage = "link/missing-page",
    /// A link to a heading anchor that does not exist.
    LinkMissingAnchor = "link/missing-anchor",
    /// A link or shortcode naming a record id that does not exist.
    LinkUnknownRecord = "link/unknown-record",
    /// A link or shortcode naming a decision tree that does not exist.
    LinkUnknownTree = "link/unknown-tree",
    /// A page or record naming a source that does not exist.
    LinkUnknownSource = "link/unknown-source",
    /// A relative link or image naming a file the site does not have.
    AssetMissing = "asset/missing",
    /// A relative reference that climbs out of `content/` with `..`.
    AssetOutside = "asset/outside-content",
    /// An image without alt text.
    ImageNoAlt = "image/no-alt",
    /// An image casebook cannot read: damaged, truncated, or over the size limits.
    ImageUnreadable = "image/unreadable",
    /// A link to another website that answers with an error (`check --external`).
    ExternalBroken = "external/broken",
    /// A link to another website that could not be reached (`check --external`).
    ExternalFailed = "external/failed",
    /// A link to another website whose server refuses programs (`check --external`).
    ExternalUnverifiable = "external/unverifiable",
    /// A link to another website that has moved for good (`check --external`).
    ExternalMoved = "external/moved",
    /// The cache of `check --external` cannot be read.
    ExternalCache = "external/cache",
    /// An `@kind:id` link whose kind is not a kind of record.
    LinkUnknownKind = "link/unknown-kind",
    /// An `@` link casebook cannot read.
    LinkMalformed = "link/malformed",
    /// A shortcode casebook does not have.
    ShortcodeUnknown = "shortcode/unknown",
    /// A shortcode written so casebook cannot read it.
    ShortcodeMalformed = "shortcode/malformed",
    /// A shortcode without the `id` it needs.
    ShortcodeMissingId = "shortcode/missing-id",
    /// A shortcode where shortcodes are not expanded (a data field).
    ShortcodeNotAllowed = "shortcode/not-allowed",
    /// The message checker with no rules to run.
    ShortcodeNoRules = "shortcode/no-rules",
    /// A shortcode's template failed.
    ShortcodeFailed = "shortcode/failed",
    /// A decision tree file whose name is not a valid id.
    TreeInvalidId = "tree/invalid-id",
    /// Two nodes of a tree with one id.
    TreeDuplicateNode = "tree/duplicate-node",
    /// `start` names no node.
    TreeUnknownStart = "tree/unknown-start",
    /// A question with fewer than two options.
    TreeTooFewOptions = "tree/too-few-options",
    /// An option leading to a node that does not exist.
    TreeDanglingOption = "tree/dangling-option",
    /// A path through the tree that comes back to where it was.
    TreeCycle = "tree/cycle",
    /// A node no path from the start reaches.
    TreeUnreachable = "tree/unreachable",
    /// A tree unfolding into too many step pages.
    TreeTooLarge = "tree/too-large",
    /// An option whose URL is unusable or taken.
    TreeOptionUrl = "tree/option-url",
    /// A translated page, record or tree the default language lacks.
    I18nNoOriginal = "i18n/no-original",
    /// A translated tree shaped otherwise than its original.
    I18nShapeMismatch = "i18n/shape-mismatch",
    /// Theme strings a language lacks (they show in the default language).
    I18nMissingStrings = "i18n/missing-strings",
    /// What a language has not translated yet.
    I18nUntranslated = "i18n/untranslated",
    /// A theme string whose value is not text.
    I18nNotText = "i18n/not-text",
    /// A template that does not parse.
    TemplateSyntax = "template/syntax",
    /// A template that failed while rendering a page.
    TemplateRender = "template/render",
    /// A template (or its parent) that does not exist.
    TemplateMissing = "template/missing",
    /// An output folder casebook will not replace.
    OutputRefused = "output/refused",
    /// Writing the output failed.
    OutputWriteFailed = "output/write-failed",
    /// Two output files at one path.
    OutputCollision = "output/collision",
    /// `init` or `new` asked to write where it will not.
    CommandRefused = "command/refused",
    /// A command-line value casebook cannot use.
    CommandInvalidArgument = "command/invalid-argument",
    /// `serve` could not listen on its port or watch the files.
    CommandServeFailed = "command/serve-failed",
    /// A bug in casebook: please report it.
    Internal = "internal/bug",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What is wrong and how to fix it, before it is placed in a file: what a
/// link resolver, a shortcode or a URL rule returns, and the caller turns
/// into a [`Diagnostic`] at the position it knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub code: Code,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Problem {
            code,
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
        Diagnostic::new(self.code, path, self.message).maybe_hint(self.hint)
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
    /// What kind of problem it is.
    pub code: Code,
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub path: PathBuf,
    /// Where in the file; `None` for problems with a whole file.
    pub pos: Option<Pos>,
    /// Where the offending text ends, as (line, column) of its last
    /// character; see [`Diagnostic::end`]. Packed in `u32`s, and `hint`
    /// and `source_line` boxed (they are never grown), to keep a
    /// `Diagnostic` small enough to return in a `Result` without boxing.
    end: Option<(u32, u32)>,
    pub message: String,
    pub hint: Option<Box<str>>,
    /// The offending line of the file, for the caret display.
    pub source_line: Option<Box<str>>,
}

impl Diagnostic {
    pub fn new(code: Code, path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            path: path.into(),
            pos: None,
            end: None,
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

    /// Where the offending text ends (the last character's position), for
    /// machine-readable output; the caret display does not use it.
    pub fn until(mut self, end: Pos) -> Self {
        self.end = u32::try_from(end.line)
            .ok()
            .zip(u32::try_from(end.col).ok());
        self
    }

    /// Where the offending text ends (its last character), when known.
    pub fn end(&self) -> Option<Pos> {
        self.end
            .map(|(line, col)| Pos::new(line as usize, col as usize))
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into().into_boxed_str());
        self
    }

    pub fn maybe_hint(mut self, hint: Option<String>) -> Self {
        if hint.is_some() {
            self.hint = hint.map(String::into_boxed_str);
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
            group = group.element(Level::HELP.message(&**hint));
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

    /// What a report shows: errors, then warnings, then notes (if `notes`),
    /// each in file order.
    pub fn for_report(mut self, notes: bool) -> Self {
        self = self.sorted();
        self.0.retain(|d| notes || d.severity != Severity::Note);
        self.0.sort_by_key(|d| d.severity);
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
pub fn io_error(code: Code, path: &Path, action: &str, err: &std::io::Error) -> Diagnostic {
    let hint = match err.kind() {
        std::io::ErrorKind::PermissionDenied => Some("check the file's permissions".to_owned()),
        std::io::ErrorKind::NotFound => Some("check the path exists".to_owned()),
        _ => None,
    };
    Diagnostic::new(code, path, format!("could not {action}: {err}")).maybe_hint(hint)
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

    /// The codes of docs/diagnostics.md's tables, with each row's cells
    /// (split at each `|` that is not escaped as `\|`).
    fn documented_codes() -> Vec<(String, Vec<String>)> {
        include_str!("../docs/diagnostics.md")
            .lines()
            .filter(|l| l.starts_with("| `"))
            .map(|row| {
                let mut cells = vec![String::new()];
                let mut escaped = false;
                for c in row.trim().trim_matches('|').chars() {
                    match c {
                        '|' if !escaped => cells.push(String::new()),
                        c => cells.last_mut().unwrap().push(c),
                    }
                    escaped = c == '\\';
                }
                let cells: Vec<String> = cells.iter().map(|c| c.trim().to_owned()).collect();
                (cells[0].trim_matches('`').to_owned(), cells)
            })
            .collect()
    }

    #[test]
    fn every_code_is_documented_once_and_every_documented_code_exists() {
        let documented = documented_codes();
        let names: Vec<&str> = documented.iter().map(|(c, _)| c.as_str()).collect();
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        for code in &codes {
            let rows = names.iter().filter(|n| *n == code).count();
            assert_eq!(rows, 1, "`{code}` has {rows} rows in docs/diagnostics.md");
        }
        for name in &names {
            assert!(
                codes.contains(name),
                "docs/diagnostics.md documents `{name}`, which is no code"
            );
        }
        for (code, cells) in &documented {
            // `| code | meaning | example | fix |`: the first cell is the code.
            assert_eq!(
                cells.len(),
                4,
                "the row of `{code}` has {} cells",
                cells.len()
            );
            assert!(
                !cells[1].is_empty() && !cells[3].is_empty(),
                "the row of `{code}` says too little"
            );
        }
    }

    #[test]
    fn codes_are_unique_slugs() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "`{s}` twice");
            let (area, kind) = s.split_once('/').expect("area/kind");
            for part in [area, kind] {
                assert!(
                    !part.is_empty()
                        && part
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                    "`{s}` is not a lowercase slug"
                );
            }
        }
    }

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
        let d = Diagnostic::new(
            Code::ShortcodeUnknown,
            "content/a.md",
            "unknown shortcode `cse`",
        )
        .at_in(Pos::new(2, 4), "one\nab {{ cse() }}\n")
        .hint("did you mean `case`?");
        let out = d.render(false);
        assert!(out.contains("content/a.md:2:4: unknown shortcode"), "{out}");
        assert!(out.contains("ab {{ cse() }}"), "{out}");
        assert!(out.contains('^'), "{out}");
        assert!(out.contains("did you mean `case`?"), "{out}");
    }
}
