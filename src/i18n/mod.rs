//! The words the theme writes itself (navigation, search, the tree and the
//! checker, dates, "min read", notices), in the reader's language (#18).
//!
//! Strings come from TOML files of flat `key = "value"` pairs, one per
//! language: the embedded default theme's (`themes/default/i18n/`), then a
//! theme folder's, then the site's own `i18n/`, each overriding the one
//! before key by key. English is complete; a key missing in another
//! language falls back to English, and [`Strings::missing`] lists it for
//! `casebook check`.
//!
//! Why not Fluent or gettext: the theme needs plain lookups, `{name}`
//! placeholders and CLDR plural categories for whole numbers, which
//! [`plural`] covers in a page of code; a Fluent bundle would add a runtime
//! and a syntax contributors do not know, for features the theme does not
//! use.

mod plural;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

pub use plural::category;

use crate::diagnostics::{Diagnostic, Pos};
use crate::frontmatter::Date;
use crate::load::TextFile;

/// The language whose strings every other falls back to.
pub const FALLBACK: &str = "en";

/// One language's strings, overrides applied and gaps filled from English.
#[derive(Debug, Clone, Default)]
pub struct Strings {
    code: String,
    map: HashMap<String, String>,
    /// English keys this language's own files do not have, sorted.
    missing: Vec<String>,
}

impl Strings {
    /// The strings of language `code` from `files` (`i18n/<code>.toml` files,
    /// in precedence order: later ones override earlier ones).
    pub fn build(code: &str, files: &[TextFile]) -> Result<Strings, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let mut layer = |lang: &str| -> HashMap<String, String> {
            let mut map = HashMap::new();
            for f in files.iter().filter(|f| file_code(&f.rel) == Some(lang)) {
                match parse(&f.text, &f.path) {
                    Ok(pairs) => map.extend(pairs),
                    Err(d) => problems.push(d),
                }
            }
            map
        };
        let english = layer(FALLBACK);
        let own = if code == FALLBACK {
            HashMap::new()
        } else {
            layer(&base_code(code))
        };
        let exact = if base_code(code) != code {
            layer(code)
        } else {
            HashMap::new()
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut missing: Vec<String> = if code == FALLBACK {
            Vec::new()
        } else {
            english
                .keys()
                .filter(|k| {
                    !own.contains_key(*k)
                        && !exact.contains_key(*k)
                        && !plural::is_form_of_other(k, &own, &exact)
                })
                .cloned()
                .collect()
        };
        missing.sort();
        let mut map = english;
        map.extend(own);
        map.extend(exact);
        Ok(Strings {
            code: code.to_owned(),
            map,
            missing,
        })
    }

    /// The language's code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Keys this language lacks (they show in English).
    pub fn missing(&self) -> &[String] {
        &self.missing
    }

    /// The string `key`, or the key itself if no language has it (a theme
    /// asking for a string nobody wrote shows the key, not nothing).
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.map.get(key).map_or(key, String::as_str)
    }

    /// The string `key` if any language has it (for keys made at run time,
    /// where the caller has its own fallback).
    pub fn get_owned_key(&self, key: &str) -> Option<&str> {
        self.map.get(key).map(String::as_str)
    }

    /// Every string, for templates (`t.key`).
    pub fn all(&self) -> BTreeMap<&str, &str> {
        self.map
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }

    /// `key` with its `{name}` placeholders filled from `args`. With `n`,
    /// `key` names a plural family and the form for `n` is chosen
    /// (`page_reading_time` → `page_reading_time_one` for 1 in English),
    /// falling back to `_other`; `{n}` is filled with the number.
    pub fn format(&self, key: &str, n: Option<u64>, args: &[(&str, &str)]) -> String {
        let template = match n {
            Some(n) => {
                let form = format!("{key}_{}", category(&self.code, n));
                self.map
                    .get(&form)
                    .or_else(|| self.map.get(&format!("{key}_other")))
                    .map_or(key, String::as_str)
            }
            None => self.get(key),
        };
        let number = n.map(|n| n.to_string());
        let number = number.as_deref().map(|n| ("n", n));
        fill(template, number.iter().copied().chain(args.iter().copied()))
    }

    /// A date as the language writes it (`date_format`), e.g. "4 December
    /// 2026" or "2026年12月4日"; the ISO day if the date is malformed.
    pub fn date(&self, date: &Date) -> String {
        let day = date.day();
        let mut parts = day.split('-').map(|p| p.parse::<u32>().ok());
        let (Some(Some(year)), Some(Some(month)), Some(Some(d))) =
            (parts.next(), parts.next(), parts.next())
        else {
            return day.to_owned();
        };
        let first = self.get("date_day_first");
        let day_text = if d == 1 && first != "date_day_first" {
            first.to_owned()
        } else {
            d.to_string()
        };
        let month_name = self.get(&format!("date_month_{month}")).to_owned();
        let month_short = self.get(&format!("date_month_short_{month}")).to_owned();
        fill(
            self.get("date_format"),
            [
                ("year", year.to_string().as_str()),
                ("month", month_name.as_str()),
                ("month_short", month_short.as_str()),
                ("month_num", month.to_string().as_str()),
                ("day", day_text.as_str()),
            ]
            .into_iter(),
        )
    }
}

/// The built-in theme's strings of language `code` (English where it has
/// none): for a model built without a site's files (tests, benchmarks).
pub fn builtin(code: &str) -> Strings {
    Strings::build(code, &embedded_files()).unwrap_or_default()
}

/// The embedded default theme's strings files.
fn embedded_files() -> Vec<TextFile> {
    let Some(dir) = crate::load::EMBEDDED_THEME.get_dir("i18n") else {
        return Vec::new();
    };
    dir.files()
        .filter_map(|f| {
            let rel = f.path().file_name()?.to_string_lossy().into_owned();
            Some(TextFile {
                path: std::path::PathBuf::from(format!("(embedded theme)/i18n/{rel}")),
                rel,
                text: f.contents_utf8()?.to_owned(),
            })
        })
        .collect()
}

/// `pt-BR` → `pt`.
fn base_code(code: &str) -> String {
    code.split(['-', '_'])
        .next()
        .unwrap_or(code)
        .to_ascii_lowercase()
}

/// The language of an `i18n/<code>.toml` file, by its name.
fn file_code(rel: &str) -> Option<&str> {
    Path::new(rel).file_name()?.to_str()?.strip_suffix(".toml")
}

/// `{name}` replaced by its value; an unknown placeholder is left as it is.
fn fill<'a>(template: &str, args: impl Iterator<Item = (&'a str, &'a str)> + Clone) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.clone().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// A strings file's pairs; every value must be text.
fn parse(text: &str, path: &Path) -> Result<HashMap<String, String>, Diagnostic> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let pos = e
            .span()
            .map_or(Pos::new(1, 1), |s| Pos::of_offset(text, s.start));
        Diagnostic::new(path, e.message().to_owned())
            .at_in(pos, text)
            .hint(crate::config::TOML_HINT)
    })?;
    let mut out = HashMap::with_capacity(table.len());
    for (key, value) in table {
        match value {
            toml::Value::String(s) => {
                out.insert(key, s);
            }
            _ => {
                let pos = crate::locate::Lines::all(text)
                    .key(&key)
                    .unwrap_or(Pos::new(1, 1));
                return Err(
                    Diagnostic::new(path, format!("the string `{key}` is not text"))
                        .at_in(pos, text)
                        .hint("write every value in quotes: `key = \"text\"`"),
                );
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn file(rel: &str, text: &str) -> TextFile {
        TextFile {
            path: PathBuf::from(format!("i18n/{rel}")),
            rel: rel.to_owned(),
            text: text.to_owned(),
        }
    }

    fn strings(code: &str) -> Strings {
        let files = [
            file(
                "en.toml",
                "a = \"Home\"\nb = \"Search\"\nr_one = \"{n} min\"\nr_other = \"{n} mins\"\ndate_format = \"{month} {day}, {year}\"\ndate_month_12 = \"December\"\n",
            ),
            file(
                "es.toml",
                "a = \"Inicio\"\nr_one = \"{n} min\"\nr_other = \"{n} min\"\ndate_format = \"{day} de {month} de {year}\"\ndate_month_12 = \"diciembre\"\n",
            ),
            file("es.toml", "a = \"Portada\"\n"),
        ];
        Strings::build(code, &files).unwrap()
    }

    #[test]
    fn later_files_override_and_english_fills_gaps() {
        let es = strings("es");
        assert_eq!(es.get("a"), "Portada");
        assert_eq!(es.get("b"), "Search");
        assert_eq!(es.missing(), ["b"]);
        assert_eq!(es.get("nope"), "nope");
        // A regional code falls back to its language, then English.
        assert_eq!(strings("es-MX").get("a"), "Portada");
        assert!(strings("en").missing().is_empty());
    }

    #[test]
    fn plurals_placeholders_and_dates() {
        let en = strings("en");
        assert_eq!(en.format("r", Some(1), &[]), "1 min");
        assert_eq!(en.format("r", Some(3), &[]), "3 mins");
        assert_eq!(
            fill("{a} and {b} {c", [("a", "x"), ("b", "y")].into_iter()),
            "x and y {c"
        );
        let day = Date::parse("2026-12-04").unwrap();
        assert_eq!(en.date(&day), "December 4, 2026");
        assert_eq!(strings("es").date(&day), "4 de diciembre de 2026");
    }

    #[test]
    fn a_value_that_is_not_text_is_reported_at_its_line() {
        let files = [file("en.toml", "a = \"x\"\nb = 3\n")];
        let problems = Strings::build("en", &files).unwrap_err();
        assert_eq!(problems[0].pos, Some(Pos::new(2, 1)));
    }

    #[test]
    fn the_built_in_languages_are_complete() {
        let files = embedded_files();
        for code in ["en", "es", "fr", "de", "pt", "zh", "ja", "ar"] {
            let s = Strings::build(code, &files).unwrap_or_else(|e| panic!("{code}: {e:?}"));
            assert!(s.missing().is_empty(), "{code} lacks {:?}", s.missing());
            assert_ne!(s.get("lang_name"), "lang_name", "{code}");
        }
        let ar = Strings::build("ar", &files).unwrap();
        assert_eq!(ar.get("lang_dir"), "rtl");
        assert_eq!(
            ar.format("page_reading_time", Some(2), &[]),
            ar.get("page_reading_time_two")
        );
    }
}
