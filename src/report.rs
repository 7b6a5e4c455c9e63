//! Problems written for machines: one JSON document, or GitHub Actions
//! workflow commands (which GitHub shows as annotations on the lines of a
//! pull request). The human display is [`Diagnostic::render`]; the command
//! line picks one with `--format`. docs/diagnostics.md describes both
//! formats and every code.

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

use serde::Serialize;

use crate::diagnostics::{Diagnostic, Diagnostics, Pos, Severity};

/// The version of the JSON document's shape; raised only when a field
/// changes meaning or goes away (new fields may come without it).
pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    problems: Vec<JsonProblem<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonProblem<'a> {
    code: &'static str,
    severity: &'static str,
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    end: Option<JsonPos>,
    message: &'a str,
    hint: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonPos {
    line: usize,
    column: usize,
}

/// How many problems of each severity.
#[derive(Serialize, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Summary {
    pub fn of(problems: &Diagnostics) -> Self {
        let count = |s: Severity| problems.iter().filter(|d| d.severity == s).count();
        Summary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            notes: count(Severity::Note),
        }
    }
}

/// The problems as one JSON document: `{"version", "problems": [...],
/// "summary": {"errors", "warnings", "notes"}}`. Each file is named as
/// seen from the working folder: `root` joined with its place in the site.
pub fn json(problems: &Diagnostics, root: &Path) -> String {
    let doc = Document {
        version: JSON_VERSION,
        problems: problems
            .iter()
            .map(|d| JsonProblem {
                code: d.code.as_str(),
                severity: d.severity.as_str(),
                file: file_name(root, &d.path, None),
                line: d.pos.map(|p| p.line),
                column: d.pos.map(|p| p.col),
                end: d.end().map(|p| JsonPos {
                    line: p.line,
                    column: p.col,
                }),
                message: &d.message,
                hint: d.hint.as_deref(),
            })
            .collect(),
        summary: Summary::of(problems),
    };
    // Serialising plain strings and numbers cannot fail.
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

/// The problems as GitHub Actions workflow commands, one line each:
/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`
/// (warnings as `::warning`, notes as `::notice`). Files are named from
/// the repository's root: relative to `workspace` (`GITHUB_WORKSPACE`)
/// when they lie under it, else as seen from the working folder.
pub fn github(problems: &Diagnostics, root: &Path, workspace: Option<&Path>) -> String {
    problems
        .iter()
        .map(|d| github_line(d, &file_name(root, &d.path, workspace)))
        .collect()
}

fn github_line(d: &Diagnostic, file: &str) -> String {
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    };
    let mut props = vec![("file", file.to_owned())];
    if let Some(Pos { line, col }) = d.pos {
        props.push(("line", line.to_string()));
        props.push(("col", col.to_string()));
        if let Some(end) = d.end() {
            props.push(("endLine", end.line.to_string()));
            props.push(("endColumn", end.col.to_string()));
        }
    }
    props.push(("title", d.code.as_str().to_owned()));
    let props: Vec<String> = props
        .iter()
        .map(|(k, v)| format!("{k}={}", escape_property(v)))
        .collect();
    let message = match &d.hint {
        Some(hint) => format!("{}\nhelp: {hint}", d.message),
        None => d.message.clone(),
    };
    format!(
        "::{command} {}::{}\n",
        props.join(","),
        escape_data(&message)
    )
}

/// A workflow command's message escaped as GitHub's toolkit does
/// (`escapeData` in @actions/core): `%`, CR and LF become `%25`, `%0D`
/// and `%0A`, so a message cannot end its command early.
pub fn escape_data(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// A workflow command's property value escaped as GitHub's toolkit does
/// (`escapeProperty`): as [`escape_data`], and `:` and `,` too, which
/// would otherwise end the value.
pub fn escape_property(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

fn escape(s: &str, property: bool) -> Cow<'_, str> {
    let special = |c: char| matches!(c, '%' | '\r' | '\n') || (property && matches!(c, ':' | ','));
    if !s.contains(special) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `path` (relative to the site's root, or absolute) as seen from the
/// working folder, without `./`; relative to `workspace` if under it.
fn file_name(root: &Path, path: &Path, workspace: Option<&Path>) -> String {
    let joined: PathBuf = root
        .join(path)
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect();
    let shown = workspace
        .and_then(|w| joined.strip_prefix(w).ok())
        .unwrap_or(&joined);
    if shown.as_os_str().is_empty() {
        ".".to_owned()
    } else {
        shown.to_string_lossy().into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;

    #[test]
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(escape_data("plain: a, b"), "plain: a, b");
        assert!(matches!(escape_data("plain"), Cow::Borrowed(_)));
        assert_eq!(escape_data("100% done\r\nnext"), "100%25 done%0D%0Anext");
        assert_eq!(escape_data("%0A"), "%250A");
    }

    #[test]
    fn properties_also_escape_colons_and_commas() {
        assert_eq!(escape_property("C:\\a,b%\n"), "C%3A\\a%2Cb%25%0A");
        assert_eq!(escape_property("content/é.md"), "content/é.md");
    }

    #[test]
    fn a_github_line_has_every_known_place_and_the_code_as_title() {
        let d = Diagnostic::new(Code::LinkMissingPage, "content/a,b.md", "no page: `x`")
            .at(Pos::new(3, 5))
            .until(Pos::new(3, 9))
            .hint("did you mean 100%?");
        let problems = Diagnostics::from(d);
        assert_eq!(
            github(&problems, Path::new("."), None),
            "::error file=content/a%2Cb.md,line=3,col=5,endLine=3,endColumn=9,title=link/missing-page::no page: `x`%0Ahelp: did you mean 100%25?\n"
        );
        let note = Diagnostic::new(Code::I18nUntranslated, "/ws/site/content/es", "n").note();
        assert_eq!(
            github(&note.into(), Path::new("site"), Some(Path::new("/ws"))),
            "::notice file=site/content/es,title=i18n/untranslated::n\n"
        );
    }

    #[test]
    fn files_are_named_from_the_working_folder() {
        let p = Path::new("content/a.md");
        assert_eq!(file_name(Path::new("."), p, None), "content/a.md");
        assert_eq!(file_name(Path::new("./docs"), p, None), "docs/content/a.md");
        assert_eq!(
            file_name(Path::new("/w/docs"), p, Some(Path::new("/w"))),
            "docs/content/a.md"
        );
        assert_eq!(
            file_name(Path::new("."), Path::new("/abs/x"), None),
            "/abs/x"
        );
    }
}
