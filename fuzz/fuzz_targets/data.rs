//! Data loading: `data::parse_all` over up to eight data files whose kind
//! comes from the path (`cases.yaml`, `faqs/more.yaml`, an unknown name, ...).
//! The input is the files' texts, each after a line `#%% <path below
//! content/data/>` (text before the first such line is `cases.yaml`), so
//! seeds are real data files and the fuzzer can move records between kinds.
//!
//! Asserts: every diagnostic renders, names one of the files and points
//! inside it (the line shown is that line); each record's first and last
//! lines are lines of its file, in order; with no problems reported, ids are
//! valid and unique per kind, cited sources exist and templates fit their
//! channel's limit.
#![no_main]

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use casebook::data::{self, DataFile, Kind, Located, Record};
use common::check_diagnostic;
use libfuzzer_sys::fuzz_target;

const SEPARATOR: &str = "#%% ";

fn check_records<T: Record>(
    recs: &[Located<T>],
    texts: &[(PathBuf, &str)],
    clean: bool,
    kind: Kind,
) {
    let mut ids = HashSet::new();
    for r in recs {
        let text = texts
            .iter()
            .find(|(p, _)| *p == r.file)
            .map(|(_, t)| *t)
            .expect("a record comes from a given file");
        let lines = text.lines().count().max(1);
        assert!(
            1 <= r.line && r.line <= r.end_line && r.end_line <= lines,
            "record `{}` at lines {}..={} of {lines}",
            r.rec.id(),
            r.line,
            r.end_line
        );
        if clean {
            let id = r.rec.id();
            assert!(
                !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "accepted {} id `{id}`",
                kind.singular()
            );
            assert!(
                ids.insert(id.to_owned()),
                "duplicate {} id `{id}` accepted",
                kind.singular()
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let mut chunks: Vec<(&str, &str)> = Vec::new();
    let mut rest: &str = &input;
    let mut rel = "cases.yaml";
    let mut first = true;
    loop {
        let next = if rest.starts_with(SEPARATOR) {
            Some(0)
        } else {
            rest.find(&format!("\n{SEPARATOR}")).map(|i| i + 1)
        };
        let Some(i) = next else {
            chunks.push((rel, rest));
            break;
        };
        if !(first && i == 0) {
            chunks.push((rel, &rest[..i]));
        }
        first = false;
        let header = &rest[i + SEPARATOR.len()..];
        let end = header.find('\n').map_or(header.len(), |e| e + 1);
        rel = header[..end].trim();
        rest = &header[end..];
    }
    if chunks.len() > 8 {
        return;
    }
    let files: Vec<(PathBuf, PathBuf, &str)> = chunks
        .iter()
        .map(|(rel, text)| {
            let rel = PathBuf::from(rel);
            (Path::new("content/data").join(&rel), rel, *text)
        })
        .collect();
    // Two files at one path would be one file on disk.
    let mut paths = HashSet::new();
    if !files.iter().all(|(p, _, _)| paths.insert(p.clone())) {
        return;
    }
    let inputs: Vec<DataFile> = files
        .iter()
        .map(|(path, rel, text)| DataFile { path, rel, text })
        .collect();
    let (d, problems) = data::parse_all(&inputs);
    let texts: Vec<(PathBuf, &str)> = files.iter().map(|(p, _, t)| (p.clone(), *t)).collect();
    for p in &problems {
        let text = texts
            .iter()
            .find(|(path, _)| *path == p.path)
            .map(|(_, t)| *t)
            .unwrap_or_else(|| panic!("a problem names a given file: {p:?}"));
        check_diagnostic(p, Some(text));
    }
    let clean = problems.is_empty();
    check_records(&d.sources, &texts, clean, Kind::Sources);
    check_records(&d.cases, &texts, clean, Kind::Cases);
    check_records(&d.quotes, &texts, clean, Kind::Quotes);
    check_records(&d.faqs, &texts, clean, Kind::Faqs);
    check_records(&d.templates, &texts, clean, Kind::Templates);
    check_records(&d.checks, &texts, clean, Kind::Checks);
    if clean {
        let sources = d.ids(Kind::Sources);
        let cited = d
            .cases
            .iter()
            .flat_map(|r| r.rec.cites())
            .chain(d.faqs.iter().flat_map(|r| r.rec.cites()))
            .chain(d.quotes.iter().flat_map(|r| r.rec.cites()))
            .chain(d.templates.iter().flat_map(|r| r.rec.cites()));
        for s in cited {
            assert!(sources.contains(&s.as_str()), "cites missing source `{s}`");
        }
        for t in &d.templates {
            if let Some(limit) = t.rec.limit() {
                assert!(
                    t.rec.text.chars().count() <= limit,
                    "template `{}` over its limit",
                    t.rec.id
                );
            }
        }
        for c in &d.checks {
            if let Some(p) = &c.rec.pattern {
                assert_eq!(
                    data::js_regex_problem(p),
                    None,
                    "check `{}` accepted",
                    c.rec.id
                );
            }
        }
    }
});
