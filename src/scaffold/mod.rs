//! `casebook init` and `casebook new` (issue 6): the starter files of a new
//! knowledge base, and a new guide or decision tree with its front matter.
//!
//! The starter site is a folder of real files, `src/scaffold/site/`, compiled
//! into the binary, so it is edited like any site and tested by building it
//! (`tests/workflow.rs`). The `new` templates are `src/scaffold/new/`.
//! They are listed one by one with `include_str!` (rather than `include_dir!`)
//! so that cargo rebuilds when one of them changes; a test checks the list
//! against the folder.
//!
//! These commands make files rather than build a site, so they sit outside
//! the build pipeline (where only `load` reads and only `output` writes).
//! They never overwrite: every file is created with `create_new`, and `init`
//! refuses a folder that already holds anything but hidden files.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Component, Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::diagnostics::{Diagnostic, io_error};
use crate::text::slugify;

/// The starter site that `casebook init` writes: (path, text).
pub const SITE: &[(&str, &str)] = &[
    (".gitignore", include_str!("site/.gitignore")),
    ("site.toml", include_str!("site/site.toml")),
    ("content/_index.md", include_str!("site/content/_index.md")),
    (
        "content/guides/_index.md",
        include_str!("site/content/guides/_index.md"),
    ),
    (
        "content/guides/writing-a-guide.md",
        include_str!("site/content/guides/writing-a-guide.md"),
    ),
    (
        "content/data/sources.yaml",
        include_str!("site/content/data/sources.yaml"),
    ),
    (
        "content/data/cases.yaml",
        include_str!("site/content/data/cases.yaml"),
    ),
    (
        "content/data/quotes.yaml",
        include_str!("site/content/data/quotes.yaml"),
    ),
    (
        "content/data/faqs.yaml",
        include_str!("site/content/data/faqs.yaml"),
    ),
    (
        "content/data/templates.yaml",
        include_str!("site/content/data/templates.yaml"),
    ),
    (
        "content/data/checks.yaml",
        include_str!("site/content/data/checks.yaml"),
    ),
    (
        "content/decisions/what-to-write.yaml",
        include_str!("site/content/decisions/what-to-write.yaml"),
    ),
];

const GUIDE: &str = include_str!("new/guide.md");
const SECTION: &str = include_str!("new/section.md");
const TREE: &str = include_str!("new/tree.yaml");

/// Every file of a new site as (path relative to its folder, with `/`; text):
/// the starter files and the editor schemas they point at.
pub fn site_files() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = SITE
        .iter()
        .map(|(rel, text)| ((*rel).to_owned(), (*text).to_owned()))
        .collect();
    for (name, text) in crate::schema::all() {
        out.push((format!("{}/{name}", crate::schema::DIR), text));
    }
    out.sort();
    out
}

/// What `init` did: the files it wrote and the hidden ones it left alone.
#[derive(Debug, Default)]
pub struct Created {
    /// Relative to the folder, with `/`.
    pub written: Vec<String>,
    /// Files already there (only hidden files can be), kept as they were.
    pub kept: Vec<String>,
}

/// Writes a new site into `dir`, which must be missing, empty, or hold only
/// hidden entries (a fresh `git init` folder).
pub fn init(dir: &Path) -> Result<Created, Diagnostic> {
    if dir.exists() && !dir.is_dir() {
        return Err(Diagnostic::new(dir, "this is a file, not a folder")
            .hint("give `casebook init` the name of a new folder, e.g. `casebook init my-kb`"));
    }
    if dir.is_dir() {
        let entries = fs::read_dir(dir).map_err(|e| io_error(dir, "read the folder", &e))?;
        let mut visible: Vec<String> = entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect();
        if !visible.is_empty() {
            visible.sort();
            let shown = visible.iter().take(3).cloned().collect::<Vec<_>>();
            let more = if visible.len() > 3 { ", ..." } else { "" };
            return Err(Diagnostic::new(
                dir,
                format!(
                    "the folder is not empty (it holds {}{more})",
                    shown.join(", ")
                ),
            )
            .hint(
                "`casebook init` only writes into a new or empty folder, so nothing of yours \
                 is overwritten: give it a new folder's name, e.g. `casebook init my-kb`",
            ));
        }
    }
    let mut created = Created::default();
    for (rel, text) in site_files() {
        if write_new(&dir.join(&rel), &text)? {
            created.written.push(rel);
        } else {
            created.kept.push(rel);
        }
    }
    Ok(created)
}

/// Creates `path` (and its folders) with `text`. Returns false, writing
/// nothing, if the file is already there.
fn write_new(path: &Path, text: &str) -> Result<bool, Diagnostic> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| io_error(parent, "create the folder", &e))?;
    }
    let mut file = match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == ErrorKind::AlreadyExists => return Ok(false),
        Err(e) => return Err(io_error(path, "create the file", &e)),
    };
    file.write_all(text.as_bytes())
        .map_err(|e| io_error(path, "write the file", &e))?;
    Ok(true)
}

/// Writes every schema file into `dir`, replacing older ones; returns their paths.
pub fn write_schemas(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    fs::create_dir_all(dir).map_err(|e| io_error(dir, "create the folder", &e))?;
    let mut out = Vec::new();
    for (name, text) in crate::schema::all() {
        let path = dir.join(name);
        fs::write(&path, text).map_err(|e| io_error(&path, "write the file", &e))?;
        out.push(path);
    }
    Ok(out)
}

/// A title as a YAML scalar: JSON's double-quoted strings are valid YAML.
fn yaml_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// The file name part for `title`, or a message saying why there is none.
fn slug_of(title: &str) -> Result<String, Diagnostic> {
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(Diagnostic::new(
            "(command line)",
            format!("the title `{title}` has no letters or digits to make a file name from"),
        )
        .hint("give a title with words in it, e.g. `casebook new guide \"Following up\"`"));
    }
    Ok(slug)
}

/// The text of a new guide.
pub fn guide_text(title: &str, date: &str, weight: i64) -> String {
    GUIDE
        .replace("__TITLE__", &yaml_string(title))
        .replace("__DATE__", date)
        .replace("__WEIGHT__", &weight.to_string())
}

/// The text of a new decision tree: two questions and three outcomes.
pub fn tree_text(title: &str) -> String {
    TREE.replace("__TITLE__", &yaml_string(title))
}

/// The site root must hold a site.toml: `new` only adds to an existing site.
fn require_site(root: &Path) -> Result<(), Diagnostic> {
    if root.join("site.toml").is_file() {
        return Ok(());
    }
    Err(
        Diagnostic::new(root.join("site.toml"), "there is no site.toml here").hint(
            "run this in your site's folder or pass `--root DIR`; `casebook init` makes a new site",
        ),
    )
}

/// Checks a `--section` value: a relative folder under `content/`, not one
/// of the data folders.
fn section_path(section: &str) -> Result<PathBuf, Diagnostic> {
    let path = Path::new(section.trim_matches('/'));
    let mut parts = Vec::new();
    for c in path.components() {
        match c {
            Component::Normal(s) if !s.to_string_lossy().starts_with('.') => parts.push(s),
            _ => {
                return Err(Diagnostic::new(
                    "(command line)",
                    format!("`{section}` is not a folder under content/"),
                )
                .hint("name a section folder such as `guides` or `guides/advanced`"));
            }
        }
    }
    match parts.first().map(|s| s.to_string_lossy()) {
        None => Err(Diagnostic::new("(command line)", "the section is empty")
            .hint("name a section folder such as `guides`")),
        Some(first) if first == "data" || first == "decisions" => Err(Diagnostic::new(
            "(command line)",
            format!("content/{first}/ holds data, not guides"),
        )
        .hint("pick another section, e.g. `--section guides`; `casebook new tree` writes decision trees")),
        Some(_) => Ok(parts.iter().collect()),
    }
}

/// The weight after the highest one in the section's guides, in steps of 10,
/// so a new guide lands at the end of the list.
fn next_weight(dir: &Path) -> i64 {
    let Ok(entries) = fs::read_dir(dir) else {
        return 10;
    };
    let mut max = 0;
    for e in entries.filter_map(Result::ok) {
        let path = e.path();
        if path.extension().is_none_or(|x| x != "md") || e.file_name() == "_index.md" {
            continue;
        }
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        // Front matter only: the lines before the second fence.
        for line in text
            .lines()
            .skip(1)
            .take_while(|l| !matches!(l.trim(), "---" | "+++"))
        {
            let value = line
                .strip_prefix("weight:")
                .or_else(|| line.strip_prefix("weight ="))
                .or_else(|| line.strip_prefix("weight="));
            if let Some(w) = value.and_then(|v| v.trim().parse::<i64>().ok()) {
                max = max.max(w);
            }
        }
    }
    (max / 10 + 1) * 10
}

/// `casebook new guide`: writes `content/<section>/<slug>.md`, and the
/// section's `_index.md` if the section is new. Returns the paths written,
/// relative to `root`.
pub fn new_guide(root: &Path, section: &str, title: &str) -> Result<Vec<PathBuf>, Diagnostic> {
    require_site(root)?;
    let section = section_path(section)?;
    let slug = slug_of(title)?;
    let dir = Path::new("content").join(&section);
    let rel = dir.join(format!("{slug}.md"));
    let mut written = Vec::new();
    let text = guide_text(title, &today_utc(), next_weight(&root.join(&dir)));
    if !write_new(&root.join(&rel), &text)? {
        return Err(exists(&rel));
    }
    written.push(rel);
    let index = dir.join("_index.md");
    let name = section
        .file_name()
        .map(|s| crate::text::humanize(&s.to_string_lossy()))
        .unwrap_or_default();
    if write_new(
        &root.join(&index),
        &SECTION.replace("__TITLE__", &yaml_string(&name)),
    )? {
        written.push(index);
    }
    Ok(written)
}

/// `casebook new tree`: writes `content/decisions/<slug>.yaml`. Returns its
/// path relative to `root`.
pub fn new_tree(root: &Path, title: &str) -> Result<PathBuf, Diagnostic> {
    require_site(root)?;
    let slug = slug_of(title)?;
    let rel = Path::new("content/decisions").join(format!("{slug}.yaml"));
    if !write_new(&root.join(&rel), &tree_text(title))? {
        return Err(exists(&rel));
    }
    Ok(rel)
}

fn exists(rel: &Path) -> Diagnostic {
    Diagnostic::new(rel, "the file already exists; casebook leaves it as it is")
        .hint("edit that file, or pick another title")
}

/// Today's date in UTC, `YYYY-MM-DD`.
pub fn today_utc() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The proleptic Gregorian date of a day count since 1970-01-01: Howard
/// Hinnant's `civil_from_days`. A dozen lines of well-known arithmetic are
/// simpler than a time crate for the one date `new` writes.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // day of era, 0..=146096
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // year of era
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of year, from March 1
    let mp = (5 * doy + 2) / 153; // month from March, 0..=11
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::config::SiteConfig;
    use crate::data::{self, DataFile};
    use crate::frontmatter;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_779), (2026, 11, 22));
        let today = today_utc();
        assert!(frontmatter::Date::parse(&today).is_ok(), "{today}");
    }

    #[test]
    fn starter_list_matches_the_folder() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/scaffold/site");
        let mut on_disk: Vec<String> = walkdir::WalkDir::new(&dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(&dir).unwrap();
                rel.to_string_lossy().replace('\\', "/")
            })
            .collect();
        on_disk.sort();
        let mut listed: Vec<String> = SITE.iter().map(|(r, _)| (*r).to_owned()).collect();
        listed.sort();
        assert_eq!(
            listed, on_disk,
            "list every file of src/scaffold/site in SITE"
        );
        for (rel, text) in SITE {
            assert_eq!(fs::read_to_string(dir.join(rel)).unwrap(), *text);
        }
    }

    #[test]
    fn starter_site_has_every_kind_and_valid_files() {
        let files: HashMap<String, String> = site_files().into_iter().collect();
        for want in [
            "site.toml",
            ".gitignore",
            "content/_index.md",
            "content/guides/_index.md",
            "schemas/cases.schema.json",
            "schemas/decision.schema.json",
        ] {
            assert!(files.contains_key(want), "no {want}: {:?}", files.keys());
        }
        SiteConfig::parse(&files["site.toml"], Path::new("site.toml")).unwrap();
        // One data file per kind, each parsing without a problem.
        let data_files: Vec<(PathBuf, PathBuf, &str)> = files
            .iter()
            .filter_map(|(rel, text)| {
                let name = rel.strip_prefix("content/data/")?;
                Some((PathBuf::from(rel), PathBuf::from(name), text.as_str()))
            })
            .collect();
        let views: Vec<DataFile> = data_files
            .iter()
            .map(|(path, rel, text)| DataFile { path, rel, text })
            .collect();
        let (parsed, problems) = data::parse_all(&views);
        assert!(problems.is_empty(), "{problems:?}");
        for kind in data::Kind::ALL {
            assert_eq!(parsed.ids(kind).len(), 1, "one {} record", kind.singular());
            let rel = format!("content/data/{}.yaml", kind.name());
            let first = files[&rel].lines().next().unwrap_or("");
            assert_eq!(
                first,
                format!(
                    "# yaml-language-server: $schema=../../schemas/{}",
                    crate::schema::file_name(kind)
                ),
                "{rel} points at its schema"
            );
        }
        let trees: Vec<_> = files
            .iter()
            .filter(|(rel, _)| rel.starts_with("content/decisions/"))
            .collect();
        assert_eq!(trees.len(), 1);
        let (tree, problems) = crate::tree::parse("t", Path::new(trees[0].0), trees[0].1);
        assert!(tree.is_some() && problems.is_empty(), "{problems:?}");
        for (rel, text) in files.iter().filter(|(r, _)| r.ends_with(".md")) {
            let split = frontmatter::split(text, Path::new(rel)).unwrap();
            frontmatter::parse(&split, Path::new(rel), text).unwrap();
        }
    }

    #[test]
    fn new_templates_are_valid() {
        let text = guide_text("Following up: \"when\" & how", "2026-11-22", 30);
        let split = frontmatter::split(&text, Path::new("a.md")).unwrap();
        let fm = frontmatter::parse(&split, Path::new("a.md"), &text).unwrap();
        assert_eq!(fm.title.as_deref(), Some("Following up: \"when\" & how"));
        assert_eq!(fm.date.unwrap().day(), "2026-11-22");
        assert_eq!(fm.weight, 30);
        let text = SECTION.replace("__TITLE__", &yaml_string("Advanced"));
        let split = frontmatter::split(&text, Path::new("_index.md")).unwrap();
        frontmatter::parse(&split, Path::new("_index.md"), &text).unwrap();
        let text = tree_text("Should I: follow up?");
        let (tree, problems) = crate::tree::parse("t", Path::new("t.yaml"), &text);
        assert!(problems.is_empty(), "{problems:?}");
        let tree = tree.unwrap();
        assert_eq!(tree.def.title, "Should I: follow up?");
        assert_eq!(tree.def.questions.len(), 2);
    }

    #[test]
    fn sections_are_checked() {
        assert_eq!(section_path("guides/").unwrap(), Path::new("guides"));
        assert_eq!(
            section_path("guides/advanced").unwrap(),
            Path::new("guides/advanced")
        );
        for bad in ["", "../x", "data", "decisions/x", ".hidden"] {
            assert!(section_path(bad).is_err(), "{bad} accepted");
        }
        assert!(slug_of("!!!").is_err());
        assert_eq!(
            slug_of("Café: the first note").unwrap(),
            "cafe-the-first-note"
        );
    }
}
