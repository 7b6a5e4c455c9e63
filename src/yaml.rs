//! The one place that talks to serde_yaml.
//!
//! serde_yaml is deprecated upstream (0.9.34+deprecated); keeping every use
//! behind this module lets a maintained fork (serde_norway, serde_yaml_ng)
//! replace it in one place. Errors come back as [`Diagnostic`]s whose line is
//! a line of the real file (front matter starts below line 1).

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostics::{Code, Diagnostic, Pos, Problem, did_you_mean};

/// Parses `text`, which starts at line `first_line` of `file_text`.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    first_line: usize,
    file_text: &str,
) -> Result<T, Diagnostic> {
    serde_yaml::from_str(text).map_err(|e| {
        // From the byte index, not libyaml's line and column: libyaml also
        // breaks lines at a lone `\r` (and at NEL, LS and PS), so its lines
        // are not always the lines of the file that messages show.
        let pos = e
            .location()
            .map(|l| Pos::of_offset(text, l.index()))
            .unwrap_or(Pos::new(1, 1))
            .shifted(first_line - 1);
        let problem = explain(&e.to_string());
        let hint = problem.hint.clone().or_else(|| {
            Some("check the YAML: indent with spaces, `key: value` pairs, quote text that contains `: ` or starts with a symbol".to_owned())
        });
        problem.in_file(path).at_in(pos, file_text).maybe_hint(hint)
    })
}

/// Serialises a value (used by `casebook new` and tests).
pub fn to_string<T: serde::Serialize>(value: &T) -> String {
    serde_yaml::to_string(value).unwrap_or_default()
}

/// Turns serde's wording (serde_yaml's or toml's) into a message and a hint
/// a contributor can act on, and the kind of problem it is.
pub(crate) fn explain(raw: &str) -> Problem {
    // serde_yaml appends " at line L column C"; we print the position ourselves.
    let message = match raw.find(" at line ") {
        Some(i) => &raw[..i],
        None => raw,
    };
    let (field, message) = split_item_path(message);
    let code = code_of(message);
    let hint = if let Some(rest) = message.strip_prefix("unknown field `") {
        let given = rest.split('`').next().unwrap_or("");
        let known: Vec<&str> = message
            .split("expected one of ")
            .nth(1)
            .or_else(|| message.split("expected ").nth(1))
            .unwrap_or("")
            .split(", ")
            .flat_map(|s| s.split(" or "))
            .map(|s| s.trim_matches('`'))
            .filter(|s| !s.is_empty())
            .collect();
        did_you_mean(given, known.iter().copied())
            .or_else(|| Some(format!("the known keys are: {}", known.join(", "))))
    } else if message.starts_with("missing field `") {
        Some("add the field; see docs/writing-content.md for each kind's keys".to_owned())
    } else if message.contains("repetition limit exceeded") || message.contains("recursion limit") {
        Some("the file expands YAML aliases too far; write the values out instead".to_owned())
    } else if message.contains("is not a date")
        || message.contains(" has no day ")
        || message.contains(" has no month ")
    {
        Some("write dates as YYYY-MM-DD with a real day, e.g. `2026-11-22`".to_owned())
    } else if message.starts_with("invalid type") {
        Some(
            "check the value's type: quote text, use a list `[a, b]` where a list is expected"
                .to_owned(),
        )
    } else if message.contains("did not find expected")
        || message.contains("mapping values are not allowed")
    {
        Some("check the indentation and put text containing `: ` in quotes".to_owned())
    } else {
        None
    };
    let message = match field {
        Some(f) => format!("`{f}`: {message}"),
        None => message.to_owned(),
    };
    Problem::new(code, message).maybe_hint(hint)
}

/// The kind of a serde error, from its wording (serde_yaml and toml share
/// serde's phrases for everything but syntax).
fn code_of(message: &str) -> Code {
    // `contains`: a nested value's message starts with its field (`tags: …`).
    let has = |phrase: &str| message.contains(phrase);
    if has("is not a date") || has(" has no day ") || has(" has no month ") {
        Code::ParseInvalidDate
    } else if has("unknown field `") || has("unknown variant `") {
        Code::ParseUnknownKey
    } else if has("missing field `") {
        Code::ParseMissingKey
    } else if has("invalid type: ") || has("invalid value: ") || has("invalid length ") {
        Code::ParseWrongType
    } else {
        Code::ParseSyntax
    }
}

/// serde_yaml puts the path of a nested value first (`.[0].dont: unknown
/// field …`). Records are parsed one at a time, so the `[0]` says nothing;
/// the name of a field below it is worth keeping: (that field, the rest).
fn split_item_path(message: &str) -> (Option<&str>, &str) {
    let Some((path, rest)) = message.split_once(": ") else {
        return (None, message);
    };
    let is_path = path.starts_with(['.', '['])
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '[' | ']' | '_' | '-'));
    if !is_path {
        return (None, message);
    }
    let path = path.trim_start_matches('.');
    let field = match path.strip_prefix('[') {
        Some(r) if r.starts_with(|c: char| c.is_ascii_digit()) => {
            r.split_once(']').map_or("", |(_, after)| after)
        }
        _ => path,
    };
    let field = field.trim_start_matches('.');
    ((!field.is_empty()).then_some(field), rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Rec {
        id: String,
        title: String,
    }

    #[test]
    fn unknown_key_names_line_and_suggests() {
        let file = "---\nid: a\ntitel: b\n";
        let err = parse::<Rec>(&file[4..], Path::new("x.yaml"), 2, file).unwrap_err();
        assert_eq!(err.pos.unwrap().line, 3, "{err}");
        assert!(err.message.contains("unknown field `titel`"), "{err}");
        assert_eq!(err.hint.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn a_record_s_list_index_is_dropped_and_a_nested_field_kept() {
        let Problem {
            code,
            message: m,
            hint,
        } = explain(
            ".[0]: unknown field `questoin`, expected one of `id`, `question`, `answer` at line 2 column 3",
        );
        assert_eq!(
            m,
            "unknown field `questoin`, expected one of `id`, `question`, `answer`"
        );
        assert_eq!(hint.as_deref(), Some("did you mean `question`?"));
        assert_eq!(code, Code::ParseUnknownKey);
        let Problem {
            message: m, hint, ..
        } = explain(
            ".[0].dont: unknown field `sumary`, expected one of `summary`, `example`, `why`",
        );
        assert_eq!(
            m,
            "`dont`: unknown field `sumary`, expected one of `summary`, `example`, `why`"
        );
        assert_eq!(hint.as_deref(), Some("did you mean `summary`?"));
        let p = explain("[2].tags: invalid type: map, expected a sequence");
        assert_eq!(p.message, "`tags`: invalid type: map, expected a sequence");
        assert_eq!(p.code, Code::ParseWrongType);
        let p = explain("mapping values are not allowed in this context at line 1 column 7");
        assert_eq!(p.message, "mapping values are not allowed in this context");
        assert_eq!(p.code, Code::ParseSyntax);
        let p = explain("title: text: with a colon");
        assert_eq!(p.message, "title: text: with a colon");
        assert_eq!(p.code, Code::ParseSyntax);
        let p = explain("tags: invalid type: string \"timing\", expected a sequence");
        assert_eq!(p.code, Code::ParseWrongType);
        let p = explain("date: `2026-02-30` has no day 30 in month 2");
        assert_eq!(p.code, Code::ParseInvalidDate);
        assert_eq!(
            explain("missing field `answer`").code,
            Code::ParseMissingKey
        );
    }

    #[test]
    fn positions_are_lines_of_the_file_despite_a_lone_cr() {
        // A lone `\r` is not a line break for us (nor for `str::lines`).
        let text = "id: a\rtitel: b\n";
        let err = parse::<Rec>(text, Path::new("x.yaml"), 1, text).unwrap_err();
        assert_eq!(err.pos, Some(Pos::new(1, 7)), "{err}");
        assert_eq!(err.source_line.as_deref(), Some("id: a\rtitel: b"));
        let text = "id: a\u{2028}title: [1]\n";
        let err = parse::<Rec>(text, Path::new("x.yaml"), 1, text).unwrap_err();
        assert_eq!(err.pos, Some(Pos::new(1, 14)), "{err}");
    }

    #[test]
    fn wrong_type_and_missing_field() {
        let err = parse::<Rec>("id: [1]\ntitle: x\n", Path::new("x"), 1, "").unwrap_err();
        assert!(
            err.message.starts_with("id: invalid type") || err.message.contains("invalid type"),
            "{err}"
        );
        let err = parse::<Rec>("id: a\n", Path::new("x"), 1, "").unwrap_err();
        assert!(err.message.contains("missing field `title`"), "{err}");
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut bomb = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        let mut prev = 'a';
        for name in 'b'..='j' {
            bomb.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
            prev = name;
        }
        let started = std::time::Instant::now();
        let res = parse::<serde_json::Value>(&bomb, Path::new("bomb.yaml"), 1, &bomb);
        assert!(res.is_err());
        assert!(started.elapsed().as_secs() < 5);
    }
}
