//! Shortcodes: `{{ name(key="value") }}` alone on a line, for what the
//! render stage draws from the site's data (a case, a quote, a decision
//! tree). They are taken out before the Markdown is parsed, each line
//! replaced by an HTML comment marker that pulldown-cmark passes through,
//! and the render stage puts each call's HTML where its marker is.

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use super::{Place, parser_options};
use crate::diagnostics::{Code, Diagnostic, Pos, Problem};

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ArgValue {
    Str(String),
    Int(i64),
    Bool(bool),
}

impl ArgValue {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            ArgValue::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// `{{ name(key="value") }}` alone on a line.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Shortcode {
    pub name: String,
    pub args: BTreeMap<String, ArgValue>,
    pub pos: Pos,
}

/// The start of the marker left in the HTML for a shortcode.
pub const SHORTCODE_PREFIX: &str = "<!--casebook:shortcode:";

/// The marker left in the HTML for shortcode `n`.
pub fn shortcode_marker(n: usize) -> String {
    format!("{SHORTCODE_PREFIX}{n}-->")
}

/// Whether `s` is exactly the marker of one of `count` shortcodes: only those
/// pass through escaping, not any HTML that starts like one.
pub(super) fn is_marker(s: &str, count: usize) -> bool {
    s.strip_prefix(SHORTCODE_PREFIX)
        .and_then(|rest| rest.strip_suffix("-->"))
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|n| n.parse::<usize>().ok())
        .is_some_and(|n| n < count)
}

/// Replaces each shortcode line of `text` (at `place`) with a marker
/// comment on the same line (so line numbers stay true) and returns the
/// parsed calls. Lines inside code blocks, fenced or indented, are left
/// alone: which lines those are is pulldown-cmark's answer, as the
/// rendering will see them.
pub(super) fn extract(
    text: &str,
    place: Place,
    problems: &mut Vec<Diagnostic>,
) -> (String, Vec<Shortcode>) {
    let mut out = String::with_capacity(text.len());
    let mut calls = Vec::new();
    if !text.contains("{{") {
        out.push_str(text);
        return (out, calls);
    }
    let code = code_blocks(text);
    let mut code = code.iter().peekable();
    let mut offset = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        // In a code block if one overlaps the line (an indented block's
        // range starts after the indentation).
        while code.next_if(|r| r.end <= start).is_some() {}
        let in_code = code.peek().is_some_and(|r| r.start < offset);
        let Some(call) = call_in(line).filter(|_| !in_code) else {
            out.push_str(line);
            continue;
        };
        let indent = &line[..line.len() - line.trim_start().len()];
        let pos = Pos::new(place.first_line + n, indent.chars().count() + 1);
        match parse_shortcode(call) {
            Ok((name, args)) => {
                out.push_str(&shortcode_marker(calls.len()));
                calls.push(Shortcode { name, args, pos });
            }
            Err(problem) => problems.push(place.report(problem, pos)),
        }
        out.push('\n');
    }
    (out, calls)
}

/// The byte ranges of the code blocks of `text`.
fn code_blocks(text: &str) -> Vec<Range<usize>> {
    Parser::new_ext(text, parser_options())
        .into_offset_iter()
        .filter_map(|(e, r)| matches!(e, Event::Start(Tag::CodeBlock(_))).then_some(r))
        .collect()
}

/// What is between `{{` and `}}` if they enclose `line`.
fn call_in(line: &str) -> Option<&str> {
    line.trim()
        .strip_prefix("{{")
        .and_then(|s| s.strip_suffix("}}"))
        .map(str::trim)
}

/// Parses `name(key="value", n=3, flag=true)`.
pub fn parse_shortcode(s: &str) -> Result<(String, BTreeMap<String, ArgValue>), Problem> {
    parse_call(s).map_err(|message| {
        Problem::new(Code::ShortcodeMalformed, message)
            .hint("write it as {{ case(id=\"record-id\") }} alone on its line")
    })
}

/// [`parse_shortcode`], with what is wrong as a message.
fn parse_call(s: &str) -> Result<(String, BTreeMap<String, ArgValue>), String> {
    let open = s
        .find('(')
        .ok_or_else(|| format!("malformed shortcode `{{{{ {s} }}}}`: no `(`"))?;
    let name = s[..open].trim();
    if !is_name(name) {
        return Err(format!("malformed shortcode name `{name}`"));
    }
    let body = s[open + 1..]
        .strip_suffix(')')
        .ok_or_else(|| format!("malformed shortcode `{name}`: no closing `)`"))?;
    let mut args = BTreeMap::new();
    let mut rest = body.trim();
    while !rest.is_empty() {
        let eq = rest
            .find('=')
            .ok_or_else(|| format!("shortcode `{name}`: expected `key=value` in `{rest}`"))?;
        let key = rest[..eq].trim();
        if !is_name(key) {
            return Err(format!("shortcode `{name}`: bad argument name `{key}`"));
        }
        let (value, after) = parse_value(rest[eq + 1..].trim_start(), name, key)?;
        if args.insert(key.to_owned(), value).is_some() {
            return Err(format!("shortcode `{name}`: argument `{key}` given twice"));
        }
        rest = after.trim_start();
        if let Some(r) = rest.strip_prefix(',') {
            rest = r.trim_start();
        } else if !rest.is_empty() {
            return Err(format!(
                "shortcode `{name}`: expected `,` between arguments"
            ));
        }
    }
    Ok((name.to_owned(), args))
}

/// A shortcode or argument name: ASCII letters, digits and `_`.
fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The value at the start of `rest` (argument `key` of shortcode `name`),
/// and what follows it: a string in `"` or `'`, `true`, `false`, or an
/// integer.
fn parse_value<'s>(rest: &'s str, name: &str, key: &str) -> Result<(ArgValue, &'s str), String> {
    if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let end = rest[1..]
            .find(q)
            .ok_or_else(|| format!("shortcode `{name}`: unterminated string for `{key}`"))?;
        return Ok((ArgValue::Str(rest[1..1 + end].to_owned()), &rest[end + 2..]));
    }
    let end = rest.find(',').unwrap_or(rest.len());
    let raw = rest[..end].trim();
    let value = match raw {
        "true" => ArgValue::Bool(true),
        "false" => ArgValue::Bool(false),
        _ => ArgValue::Int(raw.parse().map_err(|_| {
            format!("shortcode `{name}`: `{key}` needs a quoted string, a number or true/false")
        })?),
    };
    Ok((value, &rest[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcode_arguments() {
        let (name, args) = parse_shortcode("quote(id=\"a, b\", n=3, open=true)").unwrap();
        assert_eq!(name, "quote");
        assert_eq!(args["id"], ArgValue::Str("a, b".into()));
        assert_eq!(args["n"], ArgValue::Int(3));
        assert_eq!(args["open"], ArgValue::Bool(true));
        assert!(parse_shortcode("case(id=\"x)").is_err());
        assert!(parse_shortcode("case id").is_err());
        assert!(parse_shortcode("case(id=x)").is_err());
        assert!(parse_shortcode("case(id=\"a\" b=\"c\")").is_err());
    }

    #[test]
    fn a_malformed_call_says_what_and_how_to_write_it() {
        let problem = parse_shortcode("case id").unwrap_err();
        assert_eq!(
            problem.message,
            "malformed shortcode `{{ case id }}`: no `(`"
        );
        assert_eq!(
            problem.hint.as_deref(),
            Some("write it as {{ case(id=\"record-id\") }} alone on its line")
        );
        let problem = parse_shortcode("quote(n=x)").unwrap_err();
        assert_eq!(
            problem.message,
            "shortcode `quote`: `n` needs a quoted string, a number or true/false"
        );
    }
}
