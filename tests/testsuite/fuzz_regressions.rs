//! Inputs found by the cargo-fuzz targets in fuzz/ (issue #9), each kept as
//! a plain test of the entry point it broke. See fuzz/README.md.

use std::path::Path;

use casebook::diagnostics::Diagnostic;
use casebook::markdown::{self, NoLinks, RenderOptions};
use casebook::tree;

fn escaped() -> RenderOptions {
    RenderOptions {
        escape_html: true,
        anchors: true,
        ..RenderOptions::default()
    }
}

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

/// heading_ids: raw HTML inside a heading skipped the escaping that
/// `escape = true` promises (the heading's inline events were copied as is).
#[test]
fn escaping_covers_html_inside_headings() {
    for text in [
        "-<script>\n-",
        "## <img src=x onerror=alert(1)>\n",
        "## [x](javascript:alert(1))\n",
    ] {
        let (r, _) = markdown::render(text, 1, Path::new("p.md"), text, escaped(), &NoLinks);
        let html = r.html.to_ascii_lowercase();
        assert!(
            !html.contains("<script") && !html.contains("<img") && !html.contains("javascript:"),
            "{text:?} -> {}",
            r.html
        );
        assert_eq!(r.ids.len(), 1, "{}", r.html);
    }
}

/// heading_ids (found while writing its oracle): a raw HTML block that only
/// starts like a shortcode marker passed through escaping whole.
#[test]
fn only_real_shortcode_markers_pass_escaping() {
    let text =
        "<!--casebook:shortcode:--><script>alert(1)</script>\n\n<!--casebook:shortcode:7-->\n";
    let (r, _) = markdown::render(text, 1, Path::new("p.md"), text, escaped(), &NoLinks);
    assert!(!r.html.contains("<script"), "{}", r.html);
    assert!(!r.html.contains("<!--"), "{}", r.html);
}

/// links: a link after a shortcode line was reported at the wrong place
/// (offsets in the text with shortcodes replaced were read in the original).
#[test]
fn link_problem_after_a_shortcode_line_points_at_the_link() {
    let text = "{{  }}\n\n[link](@/nope.md)\n\n{{ case(id=\"x\") }}\n[again](@/nope.md)\n";
    let (_, problems) = markdown::render(text, 1, Path::new("p.md"), text, escaped(), &NoLinks);
    let links: Vec<_> = problems
        .iter()
        .filter(|d| d.message.contains("cannot be resolved"))
        .map(|d| d.pos.unwrap())
        .collect();
    assert_eq!(
        links,
        vec![
            casebook::diagnostics::Pos::new(3, 1),
            casebook::diagnostics::Pos::new(6, 1)
        ],
        "{problems:?}"
    );
}

/// shortcodes: a shortcode inside a fenced code block whose closing line is
/// not a closing fence (`~~~-`) was extracted, and its marker showed as
/// text in the code.
#[test]
fn shortcode_inside_code_stays_code() {
    let text = "~~~\n~~~-\n{{r()}}";
    let (r, problems) = markdown::render(text, 1, Path::new("p.md"), text, escaped(), &NoLinks);
    assert!(
        r.shortcodes.is_empty() && problems.is_empty(),
        "{problems:?}"
    );
    assert!(!r.html.contains("casebook:shortcode"), "{}", r.html);
    assert!(r.html.contains("{{r()}}"), "{}", r.html);
}

/// tree (out of memory): with a question id used twice, the cycle check
/// looked at one question and the unfolding at the other, so a self-loop
/// went unseen and the unfolding grew until memory ran out.
#[test]
fn a_duplicate_id_cannot_hide_a_cycle() {
    let text = "title: T\nstart: a\nquestions:\n  - id: a\n    text: A?\n    options:\n      - label: x\n        next: a\n      - label: y\n        next: a\n  - id: a\n    text: B?\n    options: []\noutcomes: []\n";
    let started = std::time::Instant::now();
    let (_, problems) = tree::parse("t", Path::new("t.yaml"), text);
    assert!(started.elapsed().as_secs() < 5);
    assert!(
        problems
            .iter()
            .any(|d| d.message.contains("duplicate node id `a`")),
        "{problems:?}"
    );
    // Not unfolded: the old code went on to unfold the loop to the limit.
    assert!(
        !problems.iter().any(|d| d.message.contains("step pages")),
        "{problems:?}"
    );
    for d in &problems {
        assert_points_into(d, text);
    }
}
