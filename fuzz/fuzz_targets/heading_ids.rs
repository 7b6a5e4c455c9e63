//! Heading ids: `markdown::render` with anchors on, as a page body below
//! front matter, raw HTML escaped or not (first byte).
//!
//! Asserts: ids are unique and non-empty; each id is on exactly one heading
//! in the HTML with its anchor link; the TOC and the search sections only use
//! those ids; slugs are URL-safe; with HTML escaping on, no raw tag or
//! comment other than casebook's own gets through; every diagnostic renders
//! and points at a line of the body.
#![no_main]

mod common;

use std::collections::HashSet;
use std::path::Path;

use casebook::markdown::{self, NoLinks, RenderOptions, shortcode_marker};
use casebook::text::{escape_attr, slugify};
use common::check_diagnostic;
use libfuzzer_sys::fuzz_target;

const FRONT: &str = "---\ntitle: T\n---\n";

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let body = String::from_utf8_lossy(rest);
    let file = format!("{FRONT}{body}");
    let body = &file[FRONT.len()..];
    let opts = RenderOptions {
        escape_html: flags & 1 == 1,
        anchors: true,
        ..RenderOptions::default()
    };
    let path = Path::new("content/guides/p.md");
    let (r, problems) = markdown::render(body, 4, path, &file, opts, &NoLinks);

    let mut seen = HashSet::new();
    for id in &r.ids {
        assert!(!id.is_empty(), "empty heading id");
        assert!(seen.insert(id.as_str()), "duplicate heading id `{id}`");
        let anchor = format!("<a class=\"heading-anchor\" href=\"#{}\"", escape_attr(id));
        assert!(
            r.html.contains(&anchor),
            "heading `{id}` has its anchor link: {}",
            r.html
        );
    }
    for t in &r.toc {
        assert!((1..=3).contains(&t.level));
        assert!(
            seen.contains(t.id.as_str()),
            "TOC id `{}` is a heading id",
            t.id
        );
    }
    for s in &r.sections {
        if let Some(a) = &s.anchor {
            assert!(
                seen.contains(a.as_str()),
                "section anchor `{a}` is a heading id"
            );
        }
    }

    if opts.escape_html {
        // Every real tag is pulldown-cmark's or casebook's; these two markers
        // appear once per heading, and nothing raw from the input survives.
        assert_eq!(
            r.html.matches("<a class=\"heading-anchor\"").count(),
            r.ids.len(),
            "one anchor link per heading: {}",
            r.html
        );
        let mut rest = r.html.as_str();
        while let Some(i) = rest.find("<!--") {
            let after = &rest[i..];
            assert!(
                (0..r.shortcodes.len()).any(|n| after.starts_with(&shortcode_marker(n))),
                "a raw comment got through escaping: {}",
                r.html
            );
            rest = &after[4..];
        }
        let lower = r.html.to_ascii_lowercase();
        for tag in ["<script", "<iframe", "<svg", "<style", "<object"] {
            assert!(
                !lower.contains(tag),
                "raw `{tag}` got through escaping: {}",
                r.html
            );
        }
    }

    let slug = slugify(body);
    assert!(
        slug.chars().all(|c| c.is_alphanumeric() || c == '-'),
        "{slug}"
    );
    assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));

    for d in &problems {
        check_diagnostic(d, Some(&file));
        let pos = d.pos.expect("a Markdown problem has a position");
        assert!(pos.line >= 4, "the problem is in the body: {d:?}");
    }
});
