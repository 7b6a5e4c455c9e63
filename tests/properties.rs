//! Property tests (proptest) for the parsers that take contributor input:
//! whatever the text, they return a value or a diagnostic, never panic, and
//! keep their promises (issue #9).

use std::path::Path;

use casebook::frontmatter;
use casebook::markdown::{self, NoLinks, RenderOptions, count_words, parse_shortcode, slugify};
use casebook::site::{alias_path, url_for};
use casebook::tree;
use proptest::prelude::*;

fn any_text() -> impl Strategy<Value = String> {
    // Markdown/YAML-ish soup: structure characters are over-represented.
    prop::collection::vec(
        prop_oneof![
            Just("---\n".to_owned()),
            Just("+++\n".to_owned()),
            Just("\n".to_owned()),
            Just("{{ case(id=\"x\") }}\n".to_owned()),
            Just("## ".to_owned()),
            Just("```\n".to_owned()),
            Just("[l](@/a.md#b)".to_owned()),
            Just("title: t\n".to_owned()),
            "[a-z #:\\[\\]\\(\\)\"'{}=,_-]{0,12}",
            any::<String>(),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn front_matter_split_never_panics_and_slices_the_input(text in any_text()) {
        let path = Path::new("content/p.md");
        if let Ok(split) = frontmatter::split(&text, path) {
            prop_assert!(text.contains(split.front));
            prop_assert!(text.ends_with(split.body));
            prop_assert!(split.body_line >= 3);
            let _ = frontmatter::parse(&split, path, &text);
        }
    }

    #[test]
    fn markdown_render_never_panics_and_ids_are_unique(text in any_text()) {
        let opts = RenderOptions { escape_html: true, anchors: true, sections: true };
        let (r, problems) = markdown::render(&text, 1, Path::new("p.md"), &text, opts, &NoLinks);
        let mut ids = r.ids.clone();
        ids.sort();
        ids.dedup();
        prop_assert_eq!(ids.len(), r.ids.len(), "heading ids are unique");
        for id in &r.ids {
            prop_assert!(!id.is_empty());
            prop_assert!(!id.contains(['"', '<', '>', ' ']));
        }
        for p in problems {
            let pos = p.pos.expect("a problem in Markdown has a position");
            prop_assert!(pos.line >= 1 && pos.line <= text.lines().count().max(1) + 1);
        }
        prop_assert!(!r.html.contains("<script"), "escaped mode never passes raw HTML");
    }

    #[test]
    fn word_counts_match_split_whitespace(text in prop::collection::vec(prop_oneof![
        Just(" ".to_owned()), Just("\u{0B}".to_owned()), Just("\u{85}".to_owned()),
        Just("\u{A0}".to_owned()), Just("\u{3000}".to_owned()), Just("\u{200B}".to_owned()),
        "[a-zé\t\n\r\x0c]{0,6}", any::<String>(),
    ], 0..12).prop_map(|p| p.concat())) {
        prop_assert_eq!(count_words(&text), text.split_whitespace().count());
    }

    #[test]
    fn squash_matches_split_whitespace(text in prop::collection::vec(prop_oneof![
        Just(" ".to_owned()), Just("\u{0B}".to_owned()), Just("\u{A0}".to_owned()),
        "[a-z\t\n\r\x0c ]{0,6}", any::<String>(),
    ], 0..12).prop_map(|p| p.concat())) {
        let words: Vec<&str> = text.split_whitespace().collect();
        prop_assert_eq!(casebook::search::squash(&text), words.join(" "));
    }

    #[test]
    fn slugs_are_url_safe(text in any::<String>()) {
        let s = slugify(&text);
        prop_assert!(s.chars().all(|c| c.is_alphanumeric() || c == '-'));
        prop_assert!(!s.starts_with('-') && !s.ends_with('-') && !s.contains("--"));
    }

    #[test]
    fn shortcode_parsing_never_panics(text in "[a-z_]{0,6}\\(([a-z]{1,4}=(\"[^\"]{0,6}\"|[0-9]{1,3}|true|x)(, )?){0,3}\\)?") {
        if let Ok((name, args)) = parse_shortcode(&text) {
            prop_assert!(!name.is_empty());
            prop_assert!(args.len() <= 3);
        }
    }

    #[test]
    fn urls_and_aliases_never_escape_the_output(path in "[a-zA-Z0-9./\\\\:_ -]{1,30}", slug in proptest::option::of("[a-zA-Z0-9./\\\\:_ -]{0,12}")) {
        if let Ok(url) = url_for(&format!("{path}.md"), slug.as_deref()) {
            prop_assert!(url.starts_with('/') && url.ends_with('/'));
            prop_assert!(!url.split('/').any(|seg| seg == ".."), "{url}");
            prop_assert!(!url.contains('\\') && !url.contains(':'), "{url}");
        }
        if let Some(out) = alias_path(&path) {
            prop_assert!(!out.starts_with('/'));
            prop_assert!(!out.split('/').any(|seg| seg == ".." || seg == "."), "{out}");
            prop_assert!(!out.contains(':') && !out.contains('\\'));
        }
    }

    #[test]
    fn tree_validation_never_panics_and_valid_trees_end_on_outcomes(edges in prop::collection::vec((0usize..6, 0usize..9, 0usize..9), 0..14)) {
        // Questions q0..q5 with options pointing at other questions or outcomes o0..o2.
        let node = |n: usize| if n < 6 { format!("q{n}") } else { format!("o{}", n - 6) };
        let mut text = String::from("title: T\nstart: q0\nquestions:\n");
        for q in 0..6 {
            text.push_str(&format!("  - id: q{q}\n    text: Q{q}?\n    options:\n"));
            for (i, (_, a, b)) in edges.iter().enumerate().filter(|(_, (from, _, _))| *from == q) {
                text.push_str(&format!("      - label: A{i}\n        next: {}\n      - label: B{i}\n        next: {}\n", node(*a), node(*b)));
            }
        }
        text.push_str("outcomes:\n");
        for o in 0..3 {
            text.push_str(&format!("  - id: o{o}\n    verdict: go\n    title: O{o}\n    body: B.\n"));
        }
        let (parsed, problems) = tree::parse("t", Path::new("t.yaml"), &text);
        if let (Some(t), true) = (parsed, problems.is_empty()) {
            for p in t.paths() {
                let last = p.last().expect("a path has a node");
                prop_assert!(last.starts_with('o'), "{p:?}");
            }
        }
    }
}
