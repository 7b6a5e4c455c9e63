//! Inputs found by the cargo-fuzz targets in fuzz/ (issue #9), each kept as
//! a plain test of the entry point it broke. See fuzz/README.md.

use std::path::Path;

use casebook::diagnostics::Diagnostic;
use casebook::tree;

/// The checks every target makes of a diagnostic: it renders, and its
/// position is a line of the file, shown as that line.
fn assert_points_into(d: &Diagnostic, text: &str) {
    let _ = d.render(false);
    let pos = d.pos.expect("a position");
    let lines: Vec<&str> = text.lines().collect();
    assert!(pos.line >= 1 && pos.line <= lines.len() + 1, "{d:?}");
    if let Some(shown) = &d.source_line {
        let bom = |s: &str| s.trim_start_matches('\u{feff}').to_owned();
        assert_eq!(
            Some(bom(shown)),
            lines.get(pos.line - 1).map(|l| bom(l)),
            "{d:?}"
        );
    }
}

/// tree: YAML error positions counted a lone `\r` (and a byte-order mark)
/// as lines, so they pointed past the end of the file.
#[test]
fn yaml_error_lines_are_lines_of_the_file() {
    for text in ["\u{feff}", "title: T\rstart: a\rquestions: [\n"] {
        let (_, problems) = tree::parse("t", Path::new("t.yaml"), text);
        assert!(!problems.is_empty());
        for d in &problems {
            assert_points_into(d, text);
        }
    }
}
