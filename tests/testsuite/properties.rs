//! Property tests (proptest) for the parsers that take contributor input:
//! whatever the text, they return a value or a diagnostic, never panic, and
//! keep their promises (issue #9).
//!
//! Link resolution too: in a small site built with `site::assemble` whose pages
//! mix random Markdown with `@/page.md#anchor`, `#anchor` and `@kind:id`
//! links, a link to a page, heading id or case that exists is never
//! reported, a broken link is reported exactly once at its `[`, and every
//! diagnostic has a position inside its file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use casebook::config::SiteConfig;
use casebook::data::{self, DataFile};
use casebook::diagnostics::Pos;
use casebook::frontmatter;
use casebook::load::TextFile;
use casebook::markdown::{self, NoLinks, RenderOptions, parse_shortcode};
use casebook::site::{self, BuildOptions, alias_path, url_for};
use casebook::text::{count_words, slugify};
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
        let opts = RenderOptions { escape_html: true, anchors: true, sections: true, html: true };
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
        match parse_shortcode(&text) {
            Ok((name, args)) => {
                prop_assert!(!name.is_empty());
                prop_assert!(args.len() <= 3);
            }
            // A refusal says what is wrong.
            Err(problem) => {
                let message = format!("{problem:?}");
                prop_assert!(!message.trim().is_empty());
            }
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

// Link resolution: a site of five pages and two cases.
const PATHS: &[&str] = &[
    "_index.md",
    "guides/_index.md",
    "guides/a.md",
    "guides/b.md",
    "guides/deep/c.md",
];
const CASES: &[&str] = &["blank", "x1"];
const KINDS: &[&str] = &["case", "quote", "faq", "decide", ""];
const NO_ID: &str = "no-such-id";
/// Links that never resolve (no piece writes them), and the message for each.
#[rustfmt::skip]
const BROKEN: &[(&str, &str)] = &[
    ("@/missing.md", "the link `@/missing.md` points at no page"),
    ("#no-such-id", "this page has no heading with the anchor `#no-such-id`"),
    ("@/guides/a.md#no-such-id", "`guides/a.md` has no heading with the anchor `#no-such-id`"),
    ("@case:no-such-case", "there is no case with the id `no-such-case`"),
    ("@kase:blank", "`kase` in `@kase:blank` is not a kind of record"),
];

#[derive(Clone, Debug)]
enum Piece {
    Text(String),
    Heading(usize, String),
    PageLink(usize, Option<usize>),
    SelfLink(usize),
    RecordLink(usize, usize),
}

fn piece() -> impl Strategy<Value = Piece> {
    let heading = prop_oneof![
        "[A-Za-zé0-9 ,!?_-]{1,12}",
        "[a-z ]{1,6}\\{#[a-z_-]{1,6}\\}",
        any::<String>()
    ];
    prop_oneof![
        any_text().prop_map(Piece::Text),
        (1..7usize, heading).prop_map(|(l, t)| Piece::Heading(l, t)),
        (0..PATHS.len(), proptest::option::of(any::<usize>()))
            .prop_map(|(p, a)| Piece::PageLink(p, a)),
        any::<usize>().prop_map(Piece::SelfLink),
        (0..KINDS.len(), 0..=CASES.len()).prop_map(|(k, i)| Piece::RecordLink(k, i)),
    ]
}

/// Page `own`: front matter, `head` on line 4, then the pieces, each link in
/// a paragraph of its own and to a heading id from `ids` (`nowhere` if none).
/// Also returns the messages that would report a link to something that exists.
fn page_text(
    pieces: &[Piece],
    ids: &[Vec<String>],
    own: usize,
    head: &str,
) -> (String, Vec<String>) {
    let mut text = format!("---\ntitle: P\n---\n{head}\n\n");
    let mut must_not = Vec::new();
    let pick = |page: usize, n: usize| {
        let id = ids[page].get(n % ids[page].len().max(1))?;
        let safe = id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_'));
        safe.then(|| id.clone())
    };
    for piece in pieces {
        let dest = match *piece {
            Piece::Text(ref t) => {
                text.push_str(t);
                continue;
            }
            Piece::Heading(level, ref t) => {
                text.push_str(&format!("\n\n{} {t}\n\n", "#".repeat(level)));
                continue;
            }
            Piece::PageLink(p, anchor) => {
                let (path, dest) = (PATHS[p], format!("@/{}", PATHS[p]));
                must_not.push(format!("the link `{dest}` points at no page"));
                match anchor.map(|n| pick(p, n)) {
                    None => dest,
                    Some(None) => format!("{dest}#nowhere"),
                    Some(Some(id)) => {
                        must_not.push(format!("the link `{dest}#{id}` points at no page"));
                        must_not.push(format!("`{path}` has no heading with the anchor `#{id}`"));
                        format!("{dest}#{id}")
                    }
                }
            }
            Piece::SelfLink(n) => match pick(own, n) {
                None => "#nowhere".to_owned(),
                Some(id) => {
                    must_not.push(format!("this page has no heading with the anchor `#{id}`"));
                    format!("#{id}")
                }
            },
            Piece::RecordLink(k, i) => {
                let id = CASES.get(i).copied().unwrap_or("nope");
                if KINDS[k] == "case" && i < CASES.len() {
                    must_not.push(format!("there is no case with the id `{id}`"));
                }
                format!("@{}:{id}", KINDS[k])
            }
        };
        text.push_str(&format!("\n\n[link]({dest})\n\n"));
    }
    (text, must_not)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn links_to_existing_pages_and_anchors_resolve_and_broken_ones_are_reported(
        escape in any::<bool>(),
        pages in prop::collection::vec((prop::collection::vec(piece(), 0..8), "([a-z]{1,6} ){0,3}", 0..BROKEN.len()), PATHS.len()),
    ) {
        let opts = RenderOptions { escape_html: escape, anchors: true, sections: false, html: true };
        let heads: Vec<String> = pages.iter().map(|(_, pre, b)| format!("{pre}[broken]({})", BROKEN[*b].0)).collect();
        // Each page's heading ids, learnt with every anchored link written to `nowhere`.
        let none = vec![Vec::new(); PATHS.len()];
        let ids: Vec<Vec<String>> = pages.iter().enumerate().map(|(i, (pieces, _, _))| {
            let text = page_text(pieces, &none, i, &heads[i]).0;
            let s = frontmatter::split(&text, Path::new("p.md")).expect("front matter");
            markdown::render(s.body, s.body_line, Path::new("p.md"), &text, opts, &NoLinks).0.ids
        }).collect();
        let built: Vec<(String, Vec<String>)> =
            pages.iter().enumerate().map(|(i, (pieces, _, _))| page_text(pieces, &ids, i, &heads[i])).collect();

        let config = SiteConfig::parse(&format!("title = \"T\"\nbase_url = \"https://e.org/kb/\"\nescape = {escape}\n"), Path::new("site.toml")).expect("config");
        let cases: String = CASES.iter().map(|id| format!("- id: {id}\n  title: A\n  topic: t\n  situation: s\n  dont: {{summary: x, why: y}}\n  do: {{summary: x, why: y}}\n")).collect();
        let cases_path = PathBuf::from("content/data/cases.yaml");
        let (data, data_problems) = data::parse_all(&[DataFile { path: &cases_path, rel: Path::new("cases.yaml"), text: &cases }]);
        prop_assert!(data_problems.is_empty(), "{:?}", data_problems);
        let files = built.iter().zip(PATHS).map(|((text, _), path)| TextFile { path: Path::new("content").join(path), rel: (*path).to_owned(), text: text.clone() }).collect();
        let assets = site::Assets::default();
        let build_opts = BuildOptions { drafts: false, original: None, broken_trees: Vec::new(), git_dates: HashMap::new(), assets: &assets, memo: None, bodies: site::Bodies::Kept };
        let lang = site::Language::plain(&config);
        let (site, problems) = site::assemble(config, lang, files, data, &HashMap::from([(cases_path.as_path(), cases.as_str())]), Vec::new(), &build_opts);

        for page in &site.pages {
            let i = PATHS.iter().position(|p| *p == page.path).expect("a page from PATHS");
            prop_assert_eq!(&page.rendered.ids, &ids[i], "the ids learnt up front for {}", page.path);
        }
        for d in &problems {
            // Every diagnostic names a page and a place inside it; a link's, its `[`.
            let i = PATHS.iter().position(|p| Path::new("content").join(p) == d.path);
            let line = i.zip(d.pos).and_then(|(i, pos)| built[i].0.lines().nth(pos.line.checked_sub(1)?));
            let (Some(line), Some(pos)) = (line, d.pos) else { return Err(TestCaseError::fail(format!("a diagnostic outside its page: {d:?}"))) };
            prop_assert!(pos.col >= 1 && pos.col <= line.chars().count() + 1, "{:?}", d);
            let m = &d.message;
            if m.starts_with("the link `") || m.starts_with("there is no ") || m.contains(" has no heading with the anchor `#") || m.ends_with("is not a kind of record") {
                prop_assert_eq!(line.chars().nth(pos.col - 1), Some('['), "a link problem points at its `[`: {:?}", d);
            }
        }
        for (i, (_, must_not)) in built.iter().enumerate() {
            let mine: Vec<_> = problems.iter().filter(|d| d.path == Path::new("content").join(PATHS[i])).collect();
            for m in must_not {
                prop_assert!(mine.iter().all(|d| &d.message != m), "a valid link reported: {}", m);
            }
            let (_, prefix, b) = &pages[i];
            if ids.iter().flatten().all(|id| id != NO_ID) {
                let at: Vec<_> = mine.iter().filter(|d| d.message == BROKEN[*b].1).map(|d| d.pos).collect();
                prop_assert_eq!(at, vec![Some(Pos::new(4, prefix.len() + 1))], "{} in {}", BROKEN[*b].0, PATHS[i]);
            }
        }
    }
}
