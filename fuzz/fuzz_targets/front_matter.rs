//! Front matter: `frontmatter::split` then `frontmatter::parse` on any text.
//!
//! Asserts: split's `front` and `body` are slices of the input in order, the
//! body is a suffix, the line numbers it reports are the real lines of the
//! file, the fence lines are what it says; a parsed page has a title; every
//! diagnostic renders and points inside the file (a parse error inside the
//! front matter, not in the body).
#![no_main]

mod common;

use std::path::Path;

use casebook::frontmatter::{self, Format};
use common::check_diagnostic;
use libfuzzer_sys::fuzz_target;

fn offset_in(outer: &str, inner: &str) -> usize {
    let start = inner.as_ptr() as usize - outer.as_ptr() as usize;
    assert!(start + inner.len() <= outer.len(), "a slice of the input");
    start
}

fn line_at(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let path = Path::new("content/guides/p.md");
    let split = match frontmatter::split(text, path) {
        Ok(s) => s,
        Err(d) => {
            check_diagnostic(&d, Some(text));
            return;
        }
    };
    let front = offset_in(text, split.front);
    let body = offset_in(text, split.body);
    assert_eq!(
        body + split.body.len(),
        text.len(),
        "the body runs to the end"
    );
    assert!(
        front + split.front.len() <= body,
        "front matter comes first"
    );
    let fence = match split.format {
        Format::Yaml => "---",
        Format::Toml => "+++",
    };
    let first = text.strip_prefix('\u{feff}').unwrap_or(text);
    assert_eq!(first.lines().next().map(str::trim_end), Some(fence));
    assert_eq!(split.front_line, 2);
    assert_eq!(line_at(text, front), 2, "front matter starts on line 2");
    // The closing fence sits between the front matter and the body.
    let closing = &text[front + split.front.len()..body];
    assert_eq!(closing.trim_end(), fence, "the closing fence: {closing:?}");
    assert!(
        !split.front.split('\n').any(|l| l.trim_end() == fence),
        "the front matter ends at the first closing fence"
    );
    if !split.body.is_empty() {
        assert_eq!(
            split.body_line,
            line_at(text, body),
            "the body's first line"
        );
    }

    match frontmatter::parse(&split, path, text) {
        Ok(fm) => {
            assert!(fm.title.is_some_and(|t| !t.trim().is_empty()));
            for d in fm.date.iter().chain(fm.updated.iter()) {
                assert_eq!(d.day().len(), 10);
                let _ = d.rfc3339();
            }
        }
        Err(d) => {
            check_diagnostic(&d, Some(text));
            let pos = d.pos.expect("a front-matter error has a position");
            assert!(
                pos.line < split.body_line,
                "the error points into the front matter (line {}, body at {}): {d:?}",
                pos.line,
                split.body_line
            );
        }
    }
});
