//! Validation of the message checker's rules (`checks.yaml`, issue #7).
//!
//! The rules run in the reader's browser (themes/default/static/checker.js),
//! as JavaScript regular expressions with the `i` and `u` flags. The build
//! cannot run them there, so it does the next best thing: it compiles every
//! pattern with the `regex` crate and refuses the constructs that `regex`
//! accepts but a browser reads differently or rejects, so that a rule which
//! builds is a rule that works. Every problem points at the rule's line and,
//! for a bad pattern, at the column of the mistake.

use std::path::Path;

use super::{Check, CheckKind, Data, Located};
use crate::diagnostics::{Code, Diagnostic, Pos, did_you_mean};
use crate::locate::Lines;

/// Checks each rule's fields for its kind, its expressions, and its case id.
/// `case_ids` are the cases a rule may name.
pub(super) fn validate<'a>(
    data: &'a Data,
    case_ids: &[&str],
    text_of: &dyn Fn(&Path) -> &'a str,
    problems: &mut Vec<Diagnostic>,
) {
    for r in &data.checks {
        let rule = Rule {
            r,
            text: text_of(&r.file),
        };
        fields_fit_kind(&rule, problems);
        expressions_work(&rule, problems);
        case_exists(&rule, case_ids, problems);
    }
}

/// One rule being checked, with the text of its file for positions.
struct Rule<'a> {
    r: &'a Located<Check>,
    text: &'a str,
}

impl Rule<'_> {
    /// Where `key`'s value is written (the rule's first line if absent).
    fn at(&self, key: &str) -> Pos {
        Lines::between(self.text, self.r.line, self.r.end_line).field(key)
    }

    fn problem(&self, code: Code, pos: Pos, message: String, hint: String) -> Diagnostic {
        Diagnostic::new(code, &self.r.file, message)
            .at_in(pos, self.text)
            .hint(hint)
    }
}

/// Each field a kind takes, and only those: `pattern` for all but
/// `length`, `unless` for `pattern`, `min` for `missing`, `max` (above 0)
/// for `length`.
fn fields_fit_kind(rule: &Rule, problems: &mut Vec<Diagnostic>) {
    let c = &rule.r.rec;
    let (id, kind) = (&c.id, c.kind.name());
    let fields = [
        (
            "pattern",
            c.pattern.is_some(),
            c.kind.takes_pattern(),
            "remove `pattern`; a `length` rule only counts characters (`max`)",
        ),
        (
            "unless",
            c.unless.is_some(),
            c.kind.takes_unless(),
            "`unless` belongs to `kind: pattern` rules, where it excuses a match; remove it",
        ),
        (
            "min",
            c.min.is_some(),
            c.kind == CheckKind::Missing,
            "`min` belongs to `kind: missing` rules; remove it",
        ),
        (
            "max",
            c.max.is_some(),
            c.kind == CheckKind::Length,
            "`max` belongs to `kind: length` rules; remove it",
        ),
    ];
    for (key, given, allowed, hint) in fields {
        if given && !allowed {
            problems.push(rule.problem(
                Code::DataCheckFields,
                rule.at(key),
                format!("check `{id}` of kind `{kind}` takes no `{key}`"),
                hint.into(),
            ));
        }
    }
    let missing = |message: String, hint: &str| {
        rule.problem(Code::DataCheckFields, rule.at("id"), message, hint.into())
    };
    if c.pattern.is_none() && c.kind.takes_pattern() {
        problems.push(missing(
            format!("check `{id}` of kind `{kind}` has no `pattern`"),
            "add `pattern: '...'`, a regular expression matched case-insensitively",
        ));
    }
    match (c.kind, c.max) {
        (CheckKind::Length, None) => problems.push(missing(
            format!("check `{id}` of kind `length` has no `max`"),
            "add `max: 300`, the most characters a note may have",
        )),
        (CheckKind::Length, Some(0)) => problems.push(rule.problem(
            Code::DataCheckFields,
            rule.at("max"),
            format!("check `{id}` has `max: 0`"),
            "give the most characters a note may have, e.g. `max: 300`".into(),
        )),
        _ => {}
    }
}

/// `pattern` and `unless` compile in both `regex` and a browser; a
/// mistake points into its own expression.
fn expressions_work(rule: &Rule, problems: &mut Vec<Diagnostic>) {
    let c = &rule.r.rec;
    let expressions = [
        (
            "pattern",
            "the pattern",
            c.pattern.as_deref().filter(|_| c.kind.takes_pattern()),
        ),
        (
            "unless",
            "the `unless`",
            c.unless.as_deref().filter(|_| c.kind.takes_unless()),
        ),
    ];
    for (key, name, expr) in expressions {
        let Some((expr, (message, offset))) = expr.and_then(|e| Some((e, js_regex_problem(e)?)))
        else {
            continue;
        };
        let hint = if message.contains("beside") {
            "drop the `\\b` on that side (the letter already ends the word), or end a word in a letter outside ASCII with `(?:[\\s.,;:!?)]|$)`"
        } else {
            "patterns use the syntax JavaScript and Rust share: (a|b), [abc], \\b, \\s, ?, *, +, {m,n}; escape ( ) [ ] { } . * + ? | \\ with a backslash"
        };
        problems.push(rule.problem(
            Code::DataCheckPattern,
            pattern_pos(rule.text, rule.at(key), expr, offset),
            format!("{name} of check `{}` {message}", c.id),
            hint.into(),
        ));
    }
}

/// The case a rule links to exists.
fn case_exists(rule: &Rule, case_ids: &[&str], problems: &mut Vec<Diagnostic>) {
    let c = &rule.r.rec;
    if c.case.trim().is_empty() || case_ids.contains(&c.case.as_str()) {
        return;
    }
    problems.push(rule.problem(
        Code::LinkUnknownRecord,
        rule.at("case"),
        format!(
            "check `{}` names case `{}`, which does not exist",
            c.id, c.case
        ),
        did_you_mean(&c.case, case_ids.iter().copied()).unwrap_or_else(|| {
            "name the id of a case in content/data/cases.yaml that explains the rule".to_owned()
        }),
    ));
}

/// Where the mistake at `offset` (bytes into the pattern) is in the file:
/// exact when the pattern is written on one line without YAML escapes,
/// otherwise the start of the value.
fn pattern_pos(text: &str, value: Pos, pattern: &str, offset: Option<usize>) -> Pos {
    let Some(line) = text.lines().nth(value.line - 1) else {
        return value;
    };
    let start = line
        .char_indices()
        .nth(value.col - 1)
        .map_or(line.len(), |(i, _)| i);
    let raw = &line[start..];
    let (quote, raw) = match raw.chars().next() {
        Some('\'' | '"') => (1, &raw[1..]),
        _ => (0, raw),
    };
    match offset {
        Some(o) if raw.starts_with(pattern) => {
            let chars = pattern[..o.min(pattern.len())].chars().count();
            Pos::new(value.line, value.col + quote + chars)
        }
        _ => value,
    }
}

/// Why `pattern` would not work in both the `regex` crate and a browser
/// (as `new RegExp(pattern, "iu")`), with the byte offset of the problem.
pub fn js_regex_problem(pattern: &str) -> Option<(String, Option<usize>)> {
    if pattern.trim().is_empty() {
        return Some(("is empty".into(), None));
    }
    if let Err(e) = regex::RegexBuilder::new(pattern)
        .case_insensitive(true)
        .build()
    {
        // `regex` only gives a formatted message; its parser gives the place.
        let parsed = regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .build()
            .parse(pattern);
        return Some(match parsed {
            Err(regex_syntax::Error::Parse(a)) => (
                format!("does not compile: {}", a.kind()),
                Some(a.span().start.offset),
            ),
            Err(regex_syntax::Error::Translate(t)) => (
                format!("does not compile: {}", t.kind()),
                Some(t.span().start.offset),
            ),
            _ => (
                format!(
                    "does not compile: {}",
                    e.to_string().lines().last().unwrap_or("").trim()
                ),
                None,
            ),
        });
    }
    if let Some((what, at)) = rust_only_syntax(pattern) {
        return Some((
            format!("uses {what}, which browsers read differently"),
            Some(at),
        ));
    }
    ascii_boundary_beside_a_letter(pattern).map(|(letter, at)| {
        (
            format!(
                "has a `\\b` beside `{letter}`, which never matches there in a browser: \
                 JavaScript's `\\b` counts only ASCII letters, digits and `_` as a word"
            ),
            Some(at),
        )
    })
}

/// A `\b` written next to a letter outside ASCII (`r[eé]sum[eé]\b`,
/// `\b(?:él|ella)`): `regex` matches it, a browser never does where that
/// letter is the one beside it. Returns the letter and the `\b`'s offset.
/// (regex-syntax's AST: the browser's reading is not in any crate.)
fn ascii_boundary_beside_a_letter(pattern: &str) -> Option<(char, usize)> {
    use regex_syntax::ast::{AssertionKind, Ast};
    let ast = regex_syntax::ast::parse::Parser::new()
        .parse(pattern)
        .ok()?;
    let mut stack = vec![&ast];
    while let Some(node) = stack.pop() {
        match node {
            Ast::Concat(c) => {
                for (i, item) in c.asts.iter().enumerate() {
                    let Ast::Assertion(a) = item else { continue };
                    if !matches!(a.kind, AssertionKind::WordBoundary) {
                        continue;
                    }
                    let before = i.checked_sub(1).and_then(|j| edge_letter(&c.asts[j], true));
                    let after = c.asts.get(i + 1).and_then(|n| edge_letter(n, false));
                    if let Some(letter) = before.or(after) {
                        return Some((letter, a.span.start.offset));
                    }
                }
                stack.extend(c.asts.iter());
            }
            Ast::Alternation(a) => stack.extend(a.asts.iter()),
            Ast::Group(g) => stack.push(&g.ast),
            Ast::Repetition(r) => stack.push(&r.ast),
            _ => {}
        }
    }
    None
}

/// A letter outside ASCII that `ast` can end with (`end`) or start with.
fn edge_letter(ast: &regex_syntax::ast::Ast, end: bool) -> Option<char> {
    use regex_syntax::ast::{Ast, ClassSet, ClassSetItem};
    let wide = |c: char| (!c.is_ascii() && c.is_alphabetic()).then_some(c);
    fn items(set: &ClassSet) -> Vec<&ClassSetItem> {
        match set {
            ClassSet::Item(ClassSetItem::Union(u)) => u.items.iter().collect(),
            ClassSet::Item(item) => vec![item],
            ClassSet::BinaryOp(_) => Vec::new(),
        }
    }
    match ast {
        Ast::Literal(l) => wide(l.c),
        Ast::ClassBracketed(c) if !c.negated => items(&c.kind).into_iter().find_map(|i| match i {
            ClassSetItem::Literal(l) => wide(l.c),
            ClassSetItem::Range(r) => (r.end.c as u32 > 0x7f).then_some(r.end.c),
            _ => None,
        }),
        Ast::Group(g) => edge_letter(&g.ast, end),
        Ast::Repetition(r) => edge_letter(&r.ast, end),
        Ast::Alternation(a) => a.asts.iter().find_map(|x| edge_letter(x, end)),
        Ast::Concat(c) => {
            let edge = if end { c.asts.last() } else { c.asts.first() };
            edge.and_then(|x| edge_letter(x, end))
        }
        _ => None,
    }
}

/// The first construct `regex` accepts that a browser's `RegExp` with the
/// `u` flag rejects or reads differently: (what, byte offset).
fn rust_only_syntax(p: &str) -> Option<(&'static str, usize)> {
    let b = p.as_bytes();
    let mut in_class = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        match c {
            b'\\' => {
                let n = next?;
                let bad = match n {
                    b'A' | b'z' => Some("`\\A` or `\\z` (write `^` or `$`)"),
                    b'p' | b'P' => Some("a Unicode class `\\p`"),
                    b'<' | b'>' => Some("a word-start or word-end `\\<` `\\>` (write `\\b`)"),
                    b'b' | b'B' if b.get(i + 2) == Some(&b'{') => Some("`\\b{...}`"),
                    b'x' if b.get(i + 2) == Some(&b'{') => {
                        Some("`\\x{...}` (write `\\u` with four hex digits)")
                    }
                    b'-' if in_class => None,
                    n if n.is_ascii_punctuation() && !b"^$\\.*+?()[]{}|/".contains(&n) => Some(
                        "an escape browsers do not allow (only ^ $ \\ . * + ? ( ) [ ] { } | / may be escaped)",
                    ),
                    _ => None,
                };
                if let Some(what) = bad {
                    return Some((what, i));
                }
                i += 2;
                continue;
            }
            b'(' if next == Some(b'?') => {
                let after = b.get(i + 2).copied();
                let ok = matches!(after, Some(b':'))
                    || (after == Some(b'<') && b.get(i + 3).is_some_and(u8::is_ascii_alphabetic));
                if !ok {
                    return Some(("an inline flag or `(?P<name>` group", i));
                }
            }
            b'[' if in_class => {
                return Some(match next {
                    Some(b':') => ("a POSIX class like `[[:alpha:]]`", i),
                    _ => ("a `[` inside a class (escape it as `\\[`)", i),
                });
            }
            b'[' => {
                in_class = true;
                let mut j = i + 1;
                if b.get(j) == Some(&b'^') {
                    j += 1;
                }
                if b.get(j) == Some(&b']') {
                    return Some(("a class that starts with `]` (escape it as `\\]`)", j));
                }
                i = j;
                continue;
            }
            b']' if in_class => in_class = false,
            b']' => return Some(("a lone `]` (escape it as `\\]`)", i)),
            b'&' | b'-' | b'~' if in_class && next == Some(c) => {
                return Some(("a class operation (`&&`, `--` or `~~`)", i));
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_syntax_passes() {
        for ok in [
            r"\bpick (your|ur) brain\b",
            r"\[[^\]\n]{1,40}\]",
            r"r[eé]sum[eé]",
            r"(?:expand|grow)ing my network",
            r"[a-z\-]+",
            r"^i (just )?applied",
            r"(?<who>you)",
            r"(?:application\b|r[eé]sum[eé]|cv\b)",
            r"\bni[nñ]o",
            r"[^é]\b",
        ] {
            assert_eq!(js_regex_problem(ok), None, "{ok}");
        }
    }

    #[test]
    fn rust_errors_and_rust_only_syntax_are_refused() {
        let cases = [
            (r"(unclosed", "does not compile", 0),
            (r"a{2,1}", "does not compile", 1),
            (r"(?i)abc", "inline flag", 0),
            (r"(?P<x>a)", "inline flag", 0),
            (r"\Aabc", "`\\A`", 0),
            (r"\pL", "Unicode class", 0),
            (r"[[:alpha:]]", "POSIX", 1),
            (r"[a&&b]", "class operation", 2),
            (r"a\'b", "escape browsers", 1),
            (r"x{,3}", "does not compile", 2),
            (r"[]a]", "starts with `]`", 1),
            ("", "is empty", 0),
            (r"my r[eé]sum[eé]\b", "beside `é`", 17),
            (r"(?:fundaste|cre[oó])\b", "beside `ó`", 21),
            (r"x|\b(?:él|ella)", "beside `é`", 2),
            (r"caf\u00e9|café\b", "beside `é`", 15),
        ];
        for (pattern, says, at) in cases {
            let (message, offset) =
                js_regex_problem(pattern).unwrap_or_else(|| panic!("{pattern}"));
            assert!(message.contains(says), "{pattern}: {message}");
            if !pattern.is_empty() {
                assert_eq!(offset, Some(at), "{pattern}: {message}");
            }
        }
    }

    #[test]
    fn the_column_of_a_mistake_inside_a_quoted_pattern() {
        let text = "- id: x\n  pattern: '\\bab(c'\n";
        let value = Lines::between(text, 1, 2).field("pattern");
        assert_eq!(value, Pos::new(2, 12));
        assert_eq!(
            pattern_pos(text, value, r"\bab(c", Some(4)),
            Pos::new(2, 17)
        );
        assert_eq!(pattern_pos(text, value, "other", Some(4)), value);
    }
}
