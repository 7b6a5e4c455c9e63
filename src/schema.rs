//! JSON Schema files for editors (issue 6): one for `site.toml`, one per data
//! kind and one for decision trees, generated with schemars from the same
//! structs the build deserialises into, so they cannot drift from what the
//! build accepts. `deny_unknown_fields` becomes `additionalProperties: false`
//! and doc comments become the descriptions editors show on hover.
//!
//! The flagship's YAML files point at them with a first line such as
//! `# yaml-language-server: $schema=../../schemas/cases.schema.json`. The
//! files are written in draft-07, the draft that yaml-language-server,
//! VS Code and Taplo all understand fully.
//!
//! Pure: [`all`] returns the files' names and text; `casebook schema` writes them.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;

use crate::config::SiteConfig;
use crate::data::{self, Kind};
use crate::frontmatter::Date;
use crate::tree::TreeFile;

/// The folder the schemas live in, relative to a site's root.
pub const DIR: &str = "schemas";

/// `YYYY-MM-DD`, with an optional time after it (see [`Date::parse`]).
impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ].*)?$",
            "description": "A date written YYYY-MM-DD, e.g. 2026-11-22."
        })
    }
}

/// The file name of a data kind's schema: `cases.schema.json`.
pub fn file_name(kind: Kind) -> String {
    format!("{}.schema.json", kind.name())
}

/// Every schema file: (file name, pretty JSON with a final newline), in a
/// stable order.
pub fn all() -> Vec<(String, String)> {
    let mut out = vec![(
        "site.schema.json".to_owned(),
        render::<SiteConfig>(
            "casebook site.toml",
            "A casebook site's settings. Unknown keys are an error.",
        ),
    )];
    for kind in Kind::ALL {
        out.push((file_name(kind), data_schema(kind)));
    }
    out.push((
        "decision.schema.json".to_owned(),
        render::<TreeFile>(
            "casebook decision tree",
            "A decision tree in content/decisions/<id>.yaml; the file name is the tree's id.",
        ),
    ));
    out
}

/// A data file is a YAML list of records of one kind.
fn data_schema(kind: Kind) -> String {
    let title = format!("casebook {} file", kind.name());
    let about = format!(
        "A list of {} records: content/data/{}.yaml, or any .yaml file in content/data/{}/.",
        kind.singular(),
        kind.name(),
        kind.name()
    );
    // Every kind's record type, found by visiting an empty `Data`: a new
    // kind has its schema without a line here.
    struct Schemas<'a> {
        want: Kind,
        title: &'a str,
        about: &'a str,
        text: String,
    }
    impl data::Visit<'_> for Schemas<'_> {
        fn visit<T: data::Record>(&mut self, kind: Kind, _: &[data::Located<T>]) {
            if kind == self.want {
                self.text = render::<Vec<T>>(self.title, self.about);
            }
        }
    }
    let mut schemas = Schemas {
        want: kind,
        title: &title,
        about: &about,
        text: String::new(),
    };
    data::Data::default().visit(&mut schemas);
    schemas.text
}

fn render<T: JsonSchema>(title: &str, description: &str) -> String {
    let mut schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<T>();
    schema.insert("title".into(), Value::from(title));
    schema.insert("description".into(), Value::from(description));
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(name: &str) -> Value {
        let (_, text) = all().into_iter().find(|(n, _)| n == name).unwrap();
        serde_json::from_str(&text).unwrap()
    }

    #[test]
    fn one_file_per_kind_plus_site_and_decision() {
        let names: Vec<String> = all().into_iter().map(|(n, _)| n).collect();
        for want in [
            "site.schema.json",
            "sources.schema.json",
            "cases.schema.json",
            "quotes.schema.json",
            "faqs.schema.json",
            "templates.schema.json",
            "decision.schema.json",
        ] {
            assert!(names.iter().any(|n| n == want), "no {want} in {names:?}");
        }
        assert_eq!(names.len(), Kind::ALL.len() + 2);
    }

    #[test]
    fn unknown_keys_are_refused_and_fields_described() {
        let cases = parsed("cases.schema.json");
        assert_eq!(cases["type"], "array");
        let case = &cases["definitions"]["Case"];
        assert_eq!(case["additionalProperties"], false);
        assert!(case["properties"]["do"].is_object(), "serde renames kept");
        assert!(
            case["properties"]["topic"]["description"]
                .as_str()
                .is_some_and(|d| d.contains("groups cases")),
            "{case}"
        );
        let required: Vec<&str> = case["required"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(required.contains(&"situation") && !required.contains(&"tags"));
        let site = parsed("site.schema.json");
        assert_eq!(site["additionalProperties"], false);
        assert_eq!(site["properties"]["language"]["default"], "en");
        let tree = parsed("decision.schema.json");
        assert_eq!(
            tree["definitions"]["Outcome"]["additionalProperties"],
            false
        );
        let verdicts = &tree["definitions"]["Verdict"];
        assert!(verdicts.to_string().contains("other-route"), "{verdicts}");
    }
}
