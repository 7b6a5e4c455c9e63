//! Typed data records (sources, cases, quotes, FAQs, templates, checker
//! rules) read from
//! YAML lists, each record remembering the file and line it came from.
//!
//! Each top-level `- ` item is parsed on its own so that one bad record
//! does not hide the problems of the next, and every error names the real
//! line of the file.

mod checks;
mod records;
mod translate;
mod validate;

use std::path::{Path, PathBuf};

pub use checks::js_regex_problem;
pub use records::*;
pub use translate::with_fallbacks;

use crate::diagnostics::{Code, Diagnostic, Pos, did_you_mean};

/// A record with where it came from.
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub rec: T,
    /// The file, relative to the site root.
    pub file: PathBuf,
    /// The line of the record's `- `.
    pub line: usize,
    /// The last line of the record.
    pub end_line: usize,
    /// In a translation: the default language's record, shown because this
    /// language has none for its id yet.
    pub fallback: bool,
}

/// Declares the kinds of data in one place: the [`Kind`] enum, the
/// [`Data`] that holds each kind's records, and the loops over every kind
/// ([`Data::visit`], [`Data::merge`]). A new kind is one line here plus its
/// record type in `records.rs`; everything that works on any kind (parsing,
/// ids, translation fallbacks, validation, tags, schemas) follows.
macro_rules! kinds {
    ($($(#[$doc:meta])* $variant:ident, $field:ident: $ty:ty, $name:literal, $singular:literal;)*) => {
        /// The kinds of data file, known by file or folder name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Kind {
            $($(#[$doc])* $variant,)*
        }

        impl Kind {
            pub const ALL: [Kind; [$(Kind::$variant),*].len()] = [$(Kind::$variant),*];

            /// The file or folder name under `content/data/`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Kind::$variant => $name,)*
                }
            }

            /// The singular used in `@case:id` links and shortcodes.
            pub fn singular(self) -> &'static str {
                match self {
                    $(Kind::$variant => $singular,)*
                }
            }
        }

        /// All records of a site.
        #[derive(Debug, Default, Clone)]
        pub struct Data {
            $(pub $field: Vec<Located<$ty>>,)*
        }

        impl Data {
            /// Calls `v` with each kind's records, in [`Kind::ALL`] order.
            pub fn visit<'d>(&'d self, v: &mut impl Visit<'d>) {
                $(v.visit(Kind::$variant, &self.$field);)*
            }

            /// Each kind's records from `a` and `b`, combined by `m`.
            pub fn merge(a: Data, b: &Data, m: &mut impl Merge) -> Data {
                Data {
                    $($field: m.merge(Kind::$variant, a.$field, &b.$field),)*
                }
            }

            fn parse_into(&mut self, kind: Kind, f: &DataFile, problems: &mut Vec<Diagnostic>) {
                match kind {
                    $(Kind::$variant => parse_file(f, &mut self.$field, problems),)*
                }
            }
        }
    };
}

kinds! {
    Sources, sources: Source, "sources", "source";
    Cases, cases: Case, "cases", "case";
    Quotes, quotes: Quote, "quotes", "quote";
    Faqs, faqs: Faq, "faqs", "faq";
    Templates, templates: Template, "templates", "template";
    /// Message-checker rules (issue #7).
    Checks, checks: Check, "checks", "check";
}

/// Work done on the records of any one kind (see [`Data::visit`]).
pub trait Visit<'d> {
    fn visit<T: Record>(&mut self, kind: Kind, records: &'d [Located<T>]);
}

/// Two lists of one kind's records made one (see [`Data::merge`]).
pub trait Merge {
    fn merge<T: Record>(
        &mut self,
        kind: Kind,
        a: Vec<Located<T>>,
        b: &[Located<T>],
    ) -> Vec<Located<T>>;
}

/// What every record has, whatever its kind (see [`Data::entries`]).
#[derive(Debug, Clone, Copy)]
pub struct Entry<'d> {
    pub kind: Kind,
    pub id: &'d str,
    pub tags: &'d [String],
    pub cites: &'d [String],
    pub file: &'d Path,
    pub line: usize,
    pub end_line: usize,
    pub fallback: bool,
}

struct Entries<'d>(Vec<Entry<'d>>);

impl<'d> Visit<'d> for Entries<'d> {
    fn visit<T: Record>(&mut self, kind: Kind, records: &'d [Located<T>]) {
        self.0.extend(records.iter().map(|r| Entry {
            kind,
            id: r.rec.id(),
            tags: r.rec.tags(),
            cites: r.rec.cites(),
            file: &r.file,
            line: r.line,
            end_line: r.end_line,
            fallback: r.fallback,
        }));
    }
}

impl Kind {
    pub fn from_singular(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.singular() == s)
    }

    /// The kind of `content/data/<rel>`: by file stem, or by first folder.
    pub fn of_path(rel: &Path) -> Result<Kind, String> {
        let name = match rel.components().count() {
            1 => rel.file_stem().and_then(|s| s.to_str()).unwrap_or(""),
            _ => rel
                .components()
                .next()
                .and_then(|c| c.as_os_str().to_str())
                .unwrap_or(""),
        };
        Kind::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .ok_or_else(|| name.to_owned())
    }
}

impl Data {
    /// Every record, in [`Kind::ALL`] order.
    pub fn entries(&self) -> Vec<Entry<'_>> {
        let mut all = Entries(Vec::new());
        self.visit(&mut all);
        all.0
    }

    pub fn count(&self) -> usize {
        self.entries().len()
    }

    pub fn has(&self, kind: Kind, id: &str) -> bool {
        self.is_fallback(kind, id).is_some()
    }

    /// Whether record `id` of `kind` is the default language's (not
    /// translated yet); none if there is no such record.
    pub fn is_fallback(&self, kind: Kind, id: &str) -> Option<bool> {
        self.entries()
            .into_iter()
            .find(|e| e.kind == kind && e.id == id)
            .map(|e| e.fallback)
    }

    pub fn ids(&self, kind: Kind) -> Vec<&str> {
        self.entries()
            .into_iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.id)
            .collect()
    }
}

/// One data file's text, as `load` read it.
pub struct DataFile<'a> {
    /// Relative to the site root, for messages.
    pub path: &'a Path,
    /// Relative to `content/data/`, for the kind.
    pub rel: &'a Path,
    pub text: &'a str,
}

/// Parses every data file and validates the records across files.
pub fn parse_all(files: &[DataFile]) -> (Data, Vec<Diagnostic>) {
    parse_against(files, None)
}

/// Parses a translation's data files (#18) and validates them as
/// `parse_all` does, except that a record may cite a source, or a rule
/// name a case, that only the default language's `original` has: the
/// original stands in for every record not translated yet.
pub fn parse_translation(files: &[DataFile], original: &Data) -> (Data, Vec<Diagnostic>) {
    parse_against(files, Some(original))
}

fn parse_against(files: &[DataFile], original: Option<&Data>) -> (Data, Vec<Diagnostic>) {
    let mut data = Data::default();
    let mut problems = Vec::new();
    for f in files {
        let kind = match Kind::of_path(f.rel) {
            Ok(k) => k,
            Err(name) => {
                let names = Kind::ALL.map(Kind::name);
                problems.push(
                    Diagnostic::new(
                        Code::DataUnknownKind,
                        f.path,
                        format!("`{name}` is not a kind of data"),
                    )
                    .hint(did_you_mean(&name, names).unwrap_or_else(|| {
                        format!(
                            "name data files after their kind: {}.yaml",
                            names.join(".yaml, ")
                        )
                    })),
                );
                continue;
            }
        };
        data.parse_into(kind, f, &mut problems);
    }
    validate::validate(&data, files, original, &mut problems);
    (data, problems)
}

/// Splits a YAML list into its top-level items: (first line, last line, text).
fn items(text: &str) -> Option<Vec<(usize, usize, String)>> {
    let mut items: Vec<(usize, usize, String)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with("- ") || line == "-" {
            items.push((i + 1, i + 1, String::new()));
        } else if items.is_empty() {
            let t = line.trim();
            if !(t.is_empty() || t.starts_with('#') || t == "---") {
                return None; // not a block list: let the whole-file parse explain
            }
            continue;
        }
        let last = items.last_mut()?;
        last.2.push_str(line);
        last.2.push('\n');
        if !line.trim().is_empty() && !line.trim_start().starts_with('#') {
            last.1 = i + 1;
        }
    }
    Some(items)
}

fn parse_file<T: Record>(f: &DataFile, out: &mut Vec<Located<T>>, problems: &mut Vec<Diagnostic>) {
    if f.text.trim().is_empty() {
        problems.push(
            Diagnostic::new(Code::FileEmpty, f.path, "the data file is empty")
                .at(Pos::new(1, 1))
                .hint("add records as a YAML list (`- id: ...`), or delete the file"),
        );
        return;
    }
    let Some(items) = items(f.text) else {
        // Not a block list; parse as a whole for serde's own message.
        match crate::yaml::parse::<Vec<T>>(f.text, f.path, 1, f.text) {
            Ok(recs) => out.extend(recs.into_iter().map(|rec| Located {
                rec,
                file: f.path.to_owned(),
                line: 1,
                end_line: 1,
                fallback: false,
            })),
            Err(e) => problems
                .push(e.hint("a data file is a list of records, each starting with `- id: ...`")),
        }
        return;
    };
    for (line, end_line, text) in items {
        match crate::yaml::parse::<Vec<T>>(&text, f.path, line, f.text) {
            Ok(mut v) if v.len() == 1 => {
                let rec = v.remove(0);
                out.push(Located {
                    rec,
                    file: f.path.to_owned(),
                    line,
                    end_line,
                    fallback: false,
                });
            }
            Ok(_) => problems.push(
                Diagnostic::new(Code::DataNotARecord, f.path, "expected one record here")
                    .at_in(Pos::new(line, 1), f.text),
            ),
            Err(e) => problems.push(e),
        }
    }
}

/// Whether `url` is a web address a source may link to: `https://` or
/// `http://` and a host. Anything else (`www.x.org` without its scheme,
/// `javascript:`) is reported rather than dropped from the page unseen.
pub fn is_web_url(url: &str) -> bool {
    ["https://", "http://"].iter().any(|scheme| {
        url.get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
            && url[scheme.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '[')
    }) && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(name: &str, text: &str) -> (Data, Vec<Diagnostic>) {
        let path = PathBuf::from(format!("content/data/{name}"));
        let rel = PathBuf::from(name);
        parse_all(&[DataFile {
            path: &path,
            rel: &rel,
            text,
        }])
    }

    const SOURCES: &str = "- id: s1\n  title: Source one\n";

    #[test]
    fn kinds_from_names_and_folders() {
        assert_eq!(Kind::of_path(Path::new("cases.yaml")), Ok(Kind::Cases));
        assert_eq!(Kind::of_path(Path::new("faqs/more.yaml")), Ok(Kind::Faqs));
        assert_eq!(Kind::of_path(Path::new("case.yaml")), Err("case".into()));
    }

    #[test]
    fn each_bad_record_is_reported_with_its_line() {
        let text = "# cases\n- id: a\n  title: A\n  topic: t\n  situation: s\n  dont: {summary: x, why: y}\n  do: {summary: x, why: y}\n  colour: red\n- id: b\n  title: [not, text]\n";
        let (data, problems) = parse("cases.yaml", text);
        assert_eq!(data.cases.len(), 0);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].pos.unwrap().line, 8);
        assert!(problems[0].message.contains("unknown field `colour`"));
        assert_eq!(problems[1].pos.unwrap().line, 10);
    }

    #[test]
    fn duplicate_ids_across_files_name_both() {
        let a = PathBuf::from("content/data/faqs.yaml");
        let b = PathBuf::from("content/data/faqs/more.yaml");
        let rec = "- id: same\n  question: Q?\n  answer: A.\n";
        let (_, problems) = parse_all(&[
            DataFile {
                path: &a,
                rel: Path::new("faqs.yaml"),
                text: rec,
            },
            DataFile {
                path: &b,
                rel: Path::new("faqs/more.yaml"),
                text: rec,
            },
        ]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, b);
        assert!(
            problems[0]
                .hint
                .as_ref()
                .unwrap()
                .contains("content/data/faqs.yaml:1")
        );
    }

    #[test]
    fn template_over_limit_and_missing_source() {
        let long = "x".repeat(301);
        let text = format!(
            "- id: t\n  title: T\n  context: c\n  channel: connection-note\n  text: {long}\n  sources: [s2]\n"
        );
        let path = PathBuf::from("content/data/templates.yaml");
        let spath = PathBuf::from("content/data/sources.yaml");
        let (_, problems) = parse_all(&[
            DataFile {
                path: &spath,
                rel: Path::new("sources.yaml"),
                text: SOURCES,
            },
            DataFile {
                path: &path,
                rel: Path::new("templates.yaml"),
                text: &text,
            },
        ]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems.iter().any(
            |p| p.message.contains("301 characters, over its limit of 300")
                && p.pos == Some(Pos::new(5, 9))
        ));
        assert!(problems.iter().any(|p| p.message.contains("source `s2`")
            && p.pos.unwrap().line == 6
            && p.hint.as_deref() == Some("did you mean `s1`?")));
    }

    #[test]
    fn a_translation_may_cite_what_only_the_original_has() {
        let (original, problems) = parse("sources.yaml", SOURCES);
        assert!(problems.is_empty(), "{problems:?}");
        let path = PathBuf::from("content/es/data/faqs.yaml");
        let rel = PathBuf::from("faqs.yaml");
        let faq = |source: &str| {
            format!("- id: q\n  question: ¿Q?\n  answer: R.\n  sources: [{source}]\n")
        };
        let file = |text: &str| {
            parse_translation(
                &[DataFile {
                    path: &path,
                    rel: &rel,
                    text,
                }],
                &original,
            )
        };
        let (_, problems) = file(&faq("s1"));
        assert!(problems.is_empty(), "{problems:?}");
        // Alone, the translation has no source `s1`; nor has either `s2`.
        let (_, problems) = parse("faqs.yaml", &faq("s1"));
        assert_eq!(problems.len(), 1, "{problems:?}");
        let (_, problems) = file(&faq("s2"));
        assert!(problems[0].message.contains("source `s2`"), "{problems:?}");
    }

    #[test]
    fn a_source_url_must_be_a_web_address() {
        for good in ["https://example.com/a", "HTTP://x.org", "https://[::1]/"] {
            assert!(is_web_url(good), "{good}");
        }
        for bad in [
            "www.example.com",
            "javascript:alert(1)",
            "https://",
            "https:// x",
            "/guides/",
            "ftp://x",
            "https://x\ny",
        ] {
            assert!(!is_web_url(bad), "{bad:?}");
        }
        let (_, problems) = parse(
            "sources.yaml",
            "- id: s1\n  title: T\n  url: www.example.com/post\n- id: s2\n  title: U\n  url: \"javascript:alert(1)\"\n",
        );
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].pos, Some(Pos::new(3, 8)));
        assert_eq!(
            problems[0].hint.as_deref(),
            Some("write it in full: `https://www.example.com/post`")
        );
        assert!(problems[1].message.contains("source `s2`"));
        assert_eq!(problems[1].pos.map(|p| p.line), Some(6));
    }

    #[test]
    fn characters_not_bytes() {
        let text = format!(
            "- id: t\n  title: T\n  context: c\n  channel: connection-note\n  text: {}\n",
            "é".repeat(300)
        );
        let (_, problems) = parse("templates.yaml", &text);
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn empty_file_and_bad_ids() {
        let (_, p) = parse("quotes.yaml", "\n");
        assert!(p[0].message.contains("empty"));
        let (_, p) = parse("sources.yaml", "- id: Bad Id\n  title: x\n");
        assert!(p[0].message.contains("not a valid source id"));
        let (_, p) = parse("sources.yaml", "- id: ok\n  title: \"  \"\n");
        assert!(
            p[0].message.contains("`title` of source `ok` is empty"),
            "{p:?}"
        );
    }

    const CASES: &str = "- id: blank-request\n  title: A\n  topic: t\n  situation: s\n  dont: {summary: x, why: y}\n  do: {summary: x, why: y}\n";

    fn parse_checks(checks: &str) -> Vec<Diagnostic> {
        let cpath = PathBuf::from("content/data/cases.yaml");
        let path = PathBuf::from("content/data/checks.yaml");
        let (data, problems) = parse_all(&[
            DataFile {
                path: &cpath,
                rel: Path::new("cases.yaml"),
                text: CASES,
            },
            DataFile {
                path: &path,
                rel: Path::new("checks.yaml"),
                text: checks,
            },
        ]);
        if problems.is_empty() {
            assert!(!data.checks.is_empty());
        }
        problems
    }

    #[test]
    fn checks_parse_with_a_default_kind() {
        let p = parse_checks(
            "- id: blank\n  title: Blank\n  pattern: '^\\s*$'\n  message: Say why.\n  case: blank-request\n- id: long\n  title: Long\n  kind: length\n  max: 300\n  message: Too long.\n  case: blank-request\n",
        );
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn check_with_a_bad_regex_names_its_line_and_column() {
        let text = "- id: ok\n  title: T\n  pattern: 'fine'\n  message: M.\n  case: blank-request\n- id: bad\n  title: T\n  pattern: 'pick (your brain'\n  message: M.\n  case: blank-request\n";
        let p = parse_checks(text);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].message
                .contains("pattern of check `bad` does not compile"),
            "{p:?}"
        );
        assert!(p[0].message.contains("unclosed group"), "{p:?}");
        assert_eq!(p[0].pos, Some(Pos::new(8, 18)));
        assert!(p[0].hint.is_some());
    }

    #[test]
    fn check_with_rust_only_syntax_is_refused() {
        let p = parse_checks(
            "- id: x\n  title: T\n  pattern: '(?i)hello'\n  message: M.\n  case: blank-request\n",
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].message.contains("browsers read differently"), "{p:?}");
        assert_eq!(p[0].pos, Some(Pos::new(3, 13)));
    }

    #[test]
    fn check_with_an_unknown_case_suggests_the_near_id() {
        let p = parse_checks(
            "- id: x\n  title: T\n  pattern: hello\n  message: M.\n  case: blank-requests\n",
        );
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].message
                .contains("names case `blank-requests`, which does not exist"),
            "{p:?}"
        );
        assert_eq!(p[0].pos, Some(Pos::new(5, 9)));
        assert_eq!(p[0].hint.as_deref(), Some("did you mean `blank-request`?"));
    }

    #[test]
    fn check_fields_must_fit_the_kind() {
        let p = parse_checks(
            "- id: a\n  title: T\n  kind: length\n  pattern: x\n  message: M.\n  case: blank-request\n- id: b\n  title: T\n  message: M.\n  case: blank-request\n- id: c\n  title: T\n  kind: missing\n  pattern: x\n  max: 3\n  message: M.\n  case: blank-request\n- id: d\n  title: T\n  kind: lenght\n  message: M.\n  case: blank-request\n",
        );
        let messages: Vec<&str> = p.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(p.len(), 5, "{messages:#?}");
        assert!(
            messages
                .iter()
                .any(|m| m.contains("`a` of kind `length` takes no `pattern`"))
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("`a` of kind `length` has no `max`"))
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("`b` of kind `pattern` has no `pattern`"))
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("`c` of kind `missing` takes no `max`"))
        );
        assert!(p.iter().any(|d| d.pos.unwrap().line == 20), "{p:?}");
    }

    #[test]
    fn unless_belongs_to_pattern_rules_and_is_checked_like_a_pattern() {
        let p = parse_checks(
            "- id: a\n  title: T\n  pattern: x\n  unless: '(?i)y'\n  message: M.\n  case: blank-request\n- id: b\n  title: T\n  kind: missing\n  pattern: x\n  unless: y\n  message: M.\n  case: blank-request\n- id: c\n  title: T\n  pattern: x\n  unless: y\n  message: M.\n  case: blank-request\n",
        );
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].message.contains("the `unless` of check `a`"), "{p:?}");
        assert_eq!(p[0].pos, Some(Pos::new(4, 12)));
        assert!(
            p[1].message
                .contains("`b` of kind `missing` takes no `unless`"),
            "{p:?}"
        );
        assert_eq!(p[1].pos.map(|p| p.line), Some(11));
    }

    #[test]
    fn unknown_kind_suggests() {
        let (_, p) = parse("case.yaml", SOURCES);
        assert_eq!(p[0].hint.as_deref(), Some("did you mean `cases`?"));
    }
}
