//! Checks across records, once every data file is parsed: ids valid and
//! unique per kind, required text not empty, cited sources present, source
//! links that are web addresses, templates within their limit, and the
//! checker's rules (`checks`).

use std::collections::HashMap;
use std::path::Path;

use super::{Data, DataFile, Kind, Located, Record, Visit, checks, is_web_url};
use crate::diagnostics::{Code, Diagnostic, did_you_mean};
use crate::locate::{Lines, is_valid_id};

/// Data files' texts by path, to place messages.
struct Texts<'a>(HashMap<&'a Path, &'a str>);

impl Texts<'_> {
    fn of(&self, path: &Path) -> &str {
        self.0.get(path).copied().unwrap_or("")
    }

    /// The lines of record `r`.
    fn record<T>(&self, r: &Located<T>) -> (Lines<'_>, &str) {
        let text = self.of(&r.file);
        (Lines::between(text, r.line, r.end_line), text)
    }
}

/// `original` is the default language's data when `data` is a
/// translation: the sources and cases it cites may be the original's.
pub(super) fn validate(
    data: &Data,
    files: &[DataFile],
    original: Option<&Data>,
    problems: &mut Vec<Diagnostic>,
) {
    let texts = Texts(files.iter().map(|f| (f.path, f.text)).collect());
    data.visit(&mut EachKind {
        texts: &texts,
        problems: &mut *problems,
    });
    let known = |kind: Kind| {
        let mut ids = data.ids(kind);
        ids.extend(original.map(|o| o.ids(kind)).unwrap_or_default());
        ids
    };
    checks::validate(data, &known(Kind::Cases), &|p: &Path| texts.of(p), problems);
    let sources = known(Kind::Sources);
    check_citations(data, &sources, &texts, problems);
    check_source_urls(data, &texts, problems);
    check_source_title_langs(data, &texts, problems);
    check_template_limits(data, &texts, problems);
}

/// The checks every kind of record gets.
struct EachKind<'a, 't> {
    texts: &'a Texts<'t>,
    problems: &'a mut Vec<Diagnostic>,
}

impl Visit<'_> for EachKind<'_, '_> {
    fn visit<T: Record>(&mut self, kind: Kind, records: &[Located<T>]) {
        check_kind(kind, records, self.texts, self.problems);
    }
}

/// Ids valid and unique among the records of `kind`; required text written.
fn check_kind<T: Record>(
    kind: Kind,
    records: &[Located<T>],
    texts: &Texts,
    problems: &mut Vec<Diagnostic>,
) {
    let mut seen: HashMap<&str, (&Path, usize)> = HashMap::new();
    for r in records {
        let id = r.rec.id();
        let (lines, text) = texts.record(r);
        let at_id = |code: Code, message: String| {
            Diagnostic::new(code, &r.file, message).at_in(lines.field("id"), text)
        };
        if !is_valid_id(id) {
            problems.push(
                at_id(
                    Code::DataInvalidId,
                    format!("`{id}` is not a valid {} id", kind.singular()),
                )
                .hint("use lowercase letters, digits and hyphens, e.g. `blank-request`"),
            );
        }
        if let Some((first_file, first_line)) = seen.insert(id, (&r.file, r.line)) {
            problems.push(
                at_id(
                    Code::DataDuplicateId,
                    format!("duplicate {} id `{id}`", kind.singular()),
                )
                .hint(format!(
                    "`{id}` is already used at {}:{first_line}; ids must be unique",
                    first_file.display()
                )),
            );
        }
        for (field, value) in r.rec.required() {
            if value.trim().is_empty() {
                let key = field.rsplit('.').next().unwrap_or(field);
                problems.push(
                    Diagnostic::new(
                        Code::DataEmptyField,
                        &r.file,
                        format!("`{field}` of {} `{id}` is empty", kind.singular()),
                    )
                    .at_in(lines.field(key), text)
                    .hint("write the text, or remove the record"),
                );
            }
        }
    }
}

/// Every source a record cites exists.
fn check_citations(data: &Data, sources: &[&str], texts: &Texts, problems: &mut Vec<Diagnostic>) {
    for r in data.entries() {
        for id in r.cites.iter().filter(|id| !sources.contains(&id.as_str())) {
            let text = texts.of(r.file);
            let lines = Lines::between(text, r.line, r.end_line);
            let owner = format!("{} `{}`", r.kind.singular(), r.id);
            problems.push(
                Diagnostic::new(
                    Code::LinkUnknownSource,
                    r.file,
                    format!("{owner} names source `{id}`, which does not exist"),
                )
                .at_in(lines.find(id).unwrap_or(lines.start()), text)
                .hint(
                    did_you_mean(id, sources.iter().copied())
                        .unwrap_or_else(|| "add it to content/data/sources.yaml".to_owned()),
                ),
            );
        }
    }
}

/// A source's link is a web address.
fn check_source_urls(data: &Data, texts: &Texts, problems: &mut Vec<Diagnostic>) {
    for r in &data.sources {
        let Some(url) = r.rec.url.as_deref().filter(|u| !is_web_url(u)) else {
            continue;
        };
        let (lines, text) = texts.record(r);
        let hint = if url.trim().starts_with("www.") {
            format!("write it in full: `https://{}`", url.trim())
        } else {
            "write the article's full address, starting with `https://`".to_owned()
        };
        problems.push(
            Diagnostic::new(
                Code::DataInvalidUrl,
                &r.file,
                format!("the `url` of source `{}` is not a web address", r.rec.id),
            )
            .at_in(lines.find(url).unwrap_or(lines.start()), text)
            .hint(hint),
        );
    }
}

/// A source's `title_lang` is a language code (letters, digits, hyphens,
/// as `site.toml`'s codes): it becomes a `lang` attribute.
fn check_source_title_langs(data: &Data, texts: &Texts, problems: &mut Vec<Diagnostic>) {
    for r in &data.sources {
        let Some(code) = r.rec.title_lang.as_deref() else {
            continue;
        };
        if crate::config::is_language_code(code) {
            continue;
        }
        let (lines, text) = texts.record(r);
        problems.push(
            Diagnostic::new(
                Code::DataInvalidLanguage,
                &r.file,
                format!(
                    "the `title_lang` of source `{}` is not a language code",
                    r.rec.id
                ),
            )
            .at_in(lines.field("title_lang"), text)
            .hint("write a BCP 47 code such as `en`, `pt-BR` or `zh-Hans`"),
        );
    }
}

/// Templates stay within their channel's limit, counted in characters.
fn check_template_limits(data: &Data, texts: &Texts, problems: &mut Vec<Diagnostic>) {
    for r in &data.templates {
        let Some(limit) = r.rec.limit() else { continue };
        let count = r.rec.text.chars().count();
        if count <= limit {
            continue;
        }
        let (lines, text) = texts.record(r);
        problems.push(
            Diagnostic::new(
                Code::DataOverLimit,
                &r.file,
                format!(
                    "template `{}` is {count} characters, over its limit of {limit}",
                    r.rec.id
                ),
            )
            .at_in(lines.field("text"), text)
            .hint(format!(
                "cut {} characters, or raise `limit` if the channel allows more",
                count - limit
            )),
        );
    }
}
