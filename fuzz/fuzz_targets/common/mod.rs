//! Checks shared by the targets: every diagnostic renders (plain and in
//! colour) without panicking, and its position agrees with its file.

#![allow(dead_code)]

use casebook::diagnostics::Diagnostic;

/// Renders `d` every way the CLI does and checks its position against
/// `file_text`, the text of the file it names (when the caller knows it).
pub fn check_diagnostic(d: &Diagnostic, file_text: Option<&str>) {
    let _ = d.render(false);
    let _ = d.render(true);
    let _ = d.to_string();
    let _ = d.location();
    if let Some(pos) = d.pos {
        assert!(
            pos.line >= 1 && pos.col >= 1,
            "positions are 1-based: {d:?}"
        );
    }
    if d.source_line.is_some() {
        assert!(
            d.pos.is_some(),
            "a source line comes with a position: {d:?}"
        );
    }
    if let (Some(text), Some(pos)) = (file_text, d.pos) {
        let lines = text.lines().count();
        assert!(
            pos.line <= lines + 1,
            "line {} is past the end of a {lines}-line file: {d:?}",
            pos.line
        );
        if let Some(line) = &d.source_line {
            // With or without a byte-order mark on the first line.
            let bom = |s: &str| s.trim_start_matches('\u{feff}').to_owned();
            assert_eq!(
                Some(bom(line)),
                text.lines().nth(pos.line - 1).map(bom),
                "the shown line is the line the position names: {d:?}"
            );
        }
    }
}

/// `s` as a YAML double-quoted scalar.
pub fn yaml_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}') => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
