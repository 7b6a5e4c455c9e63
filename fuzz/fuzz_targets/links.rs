//! Link resolution: a small site (pages from a fixed set of paths, a few
//! cases) whose page bodies mix fuzzed Markdown with `@/page.md#anchor`,
//! `#anchor` and `@kind:id` links, built with `site::assemble` (which resolves
//! every link and checks every anchor).
//!
//! Links to anchors are written to real heading ids when the input picks
//! one: each page is first rendered on its own to learn its ids.
//!
//! Asserts: a link to a page that exists and a heading id it has, and a link
//! to a case that exists, are never reported; the ids learnt up front are the
//! ids the build finds; a recorded cross-page anchor names a page that
//! exists; every diagnostic renders, and a diagnostic about a link points at
//! the `[` of that link in the file.
#![no_main]

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use arbitrary::Arbitrary;
use casebook::config::SiteConfig;
use casebook::data::{self, DataFile};
use casebook::load::TextFile;
use casebook::markdown::{self, NoLinks, RenderOptions};
use casebook::site::{self, BuildOptions};
use common::check_diagnostic;
use libfuzzer_sys::fuzz_target;

const PATHS: &[&str] = &[
    "_index.md",
    "guides/_index.md",
    "guides/a.md",
    "guides/b.md",
    "about.md",
    "guides/deep/c.md",
];

const CASES: &[&str] = &["blank", "pitch-first", "x1"];
const KINDS: &[&str] = &[
    "case", "quote", "faq", "source", "template", "decide", "cases", "",
];

#[derive(Arbitrary, Debug)]
struct Input {
    escape: bool,
    pages: Vec<PageSpec>,
}

#[derive(Arbitrary, Debug)]
struct PageSpec {
    path: u8,
    pieces: Vec<Piece>,
}

#[derive(Arbitrary, Debug)]
enum Piece {
    Text(String),
    Heading(u8, String),
    Shortcode(String),
    PageLink { page: u8, anchor: Option<u8> },
    SelfLink(u8),
    RecordLink { kind: u8, id: u8 },
    RawLink(String),
}

/// A link whose line cannot change how the lines around it parse.
fn safe_anchor(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

struct Built {
    text: String,
    /// Links that must resolve: (target as written, content path, anchor).
    valid_pages: Vec<(String, String, String)>,
    valid_self: Vec<String>,
    valid_cases: Vec<String>,
}

fn page_text(spec: &PageSpec, ids: &HashMap<&str, Vec<String>>, own: &str) -> Built {
    let mut b = Built {
        text: String::from("---\ntitle: P\n---\n"),
        valid_pages: Vec::new(),
        valid_self: Vec::new(),
        valid_cases: Vec::new(),
    };
    for piece in &spec.pieces {
        let link = |dest: &str| format!("\n\n[link]({dest})\n\n");
        match piece {
            Piece::Text(t) => b.text.push_str(t),
            Piece::Heading(level, t) => {
                let hashes = "#".repeat(*level as usize % 6 + 1);
                b.text.push_str(&format!("\n\n{hashes} {t}\n\n"));
            }
            Piece::Shortcode(s) => b.text.push_str(&format!("\n{{{{ {s} }}}}\n")),
            Piece::PageLink { page, anchor } => {
                let target = PATHS[*page as usize % PATHS.len()];
                let anchor = match (anchor, ids.get(target)) {
                    (Some(a), Some(ids)) if !ids.is_empty() => {
                        Some(ids[*a as usize % ids.len()].clone())
                    }
                    (Some(_), _) => Some("nowhere".to_owned()),
                    (None, _) => None,
                };
                let Some(anchor) = anchor else {
                    b.text.push_str(&link(&format!("@/{target}")));
                    continue;
                };
                if !safe_anchor(&anchor) {
                    continue;
                }
                let dest = format!("@/{target}#{anchor}");
                if ids.get(target).is_some_and(|ids| ids.contains(&anchor)) {
                    b.valid_pages
                        .push((dest.clone(), target.to_owned(), anchor));
                }
                b.text.push_str(&link(&dest));
            }
            Piece::SelfLink(n) => {
                let own_ids = ids.get(own).map(Vec::as_slice).unwrap_or(&[]);
                if own_ids.is_empty() {
                    b.text.push_str(&link("#nowhere"));
                } else {
                    let id = own_ids[*n as usize % own_ids.len()].clone();
                    if safe_anchor(&id) {
                        b.text.push_str(&link(&format!("#{id}")));
                        b.valid_self.push(id);
                    }
                }
            }
            Piece::RecordLink { kind, id } => {
                let kind = KINDS[*kind as usize % KINDS.len()];
                let id = CASES
                    .get(*id as usize % (CASES.len() + 1))
                    .copied()
                    .unwrap_or("nope");
                b.text.push_str(&link(&format!("@{kind}:{id}")));
                if kind == "case" && CASES.contains(&id) {
                    b.valid_cases.push(id.to_owned());
                }
            }
            Piece::RawLink(dest) => b.text.push_str(&format!("[raw]({dest})")),
        }
    }
    b
}

fn body_ids(text: &str) -> Vec<String> {
    let split = casebook::frontmatter::split(text, Path::new("p.md")).expect("front matter");
    let opts = RenderOptions {
        escape_html: false,
        anchors: true,
        ..RenderOptions::default()
    };
    markdown::render(
        split.body,
        split.body_line,
        Path::new("p.md"),
        text,
        opts,
        &NoLinks,
    )
    .0
    .ids
}

fuzz_target!(|input: Input| {
    let mut specs: Vec<(&str, &PageSpec)> = Vec::new();
    for spec in input.pages.iter().take(PATHS.len()) {
        let path = PATHS[spec.path as usize % PATHS.len()];
        if specs.iter().all(|(p, _)| *p != path) {
            specs.push((path, spec));
        }
    }
    // Phase 1: each page's heading ids, with every link written to nowhere.
    let none = HashMap::new();
    let ids: HashMap<&str, Vec<String>> = specs
        .iter()
        .map(|(path, spec)| (*path, body_ids(&page_text(spec, &none, path).text)))
        .collect();
    // Phase 2: the real pages, linking to those ids.
    let built: Vec<(&str, Built)> = specs
        .iter()
        .map(|(path, spec)| (*path, page_text(spec, &ids, path)))
        .collect();

    let config = SiteConfig::parse(
        &format!(
            "title = \"T\"\nbase_url = \"https://e.org/kb/\"\nescape = {}\n",
            input.escape
        ),
        Path::new("site.toml"),
    )
    .expect("config");
    let cases: String = CASES
        .iter()
        .map(|id| format!("- id: {id}\n  title: A\n  topic: t\n  situation: s\n  dont: {{summary: x, why: y}}\n  do: {{summary: x, why: y}}\n"))
        .collect();
    let cases_path = PathBuf::from("content/data/cases.yaml");
    let (data, data_problems) = data::parse_all(&[DataFile {
        path: &cases_path,
        rel: Path::new("cases.yaml"),
        text: &cases,
    }]);
    assert!(data_problems.is_empty(), "{data_problems:?}");
    let texts = HashMap::from([(cases_path.as_path(), cases.as_str())]);
    let files: Vec<TextFile> = built
        .iter()
        .map(|(path, b)| TextFile {
            path: PathBuf::from(format!("content/{path}")),
            rel: (*path).to_owned(),
            text: b.text.clone(),
        })
        .collect();
    let opts = BuildOptions {
        drafts: false,
        original: None,
        broken_trees: Vec::new(),
        git_dates: HashMap::new(),
    };
    let lang = site::Language::plain(&config);
    let (site, problems) = site::assemble(config, lang, files, data, &texts, Vec::new(), &opts);

    let text_of = |file: &Path| -> Option<&str> {
        built
            .iter()
            .find(|(p, _)| Path::new("content").join(p) == file)
            .map(|(_, b)| b.text.as_str())
    };
    for d in &problems {
        let text = text_of(&d.path);
        check_diagnostic(d, text);
        // Link messages by their wording (a shortcode message may quote
        // any text, so those are left out).
        let m = &d.message;
        let about_a_link = !m.contains("shortcode")
            && (m.starts_with("the link `")
                || m.starts_with("there is no ")
                || m.starts_with("this page has no heading with the anchor `#")
                || (m.starts_with('`')
                    && (m.contains("` has no heading with the anchor `#")
                        || m.contains("` is not a kind of record"))));
        if let (true, Some(text), Some(pos)) = (about_a_link, text, d.pos) {
            let line = text.lines().nth(pos.line - 1).unwrap_or("");
            let at: String = line.chars().skip(pos.col - 1).take(1).collect();
            assert_eq!(at, "[", "a link problem points at its `[`: {d:?}\n{line:?}");
        }
    }
    for page in &site.pages {
        assert_eq!(
            ids.get(page.path.as_str()),
            Some(&page.rendered.ids),
            "the ids learnt up front for {}",
            page.path
        );
        for a in &page.rendered.anchors {
            assert!(
                a.page.is_empty() || site.by_path.contains_key(&a.page),
                "{a:?}"
            );
        }
    }
    for (path, b) in &built {
        let file = Path::new("content").join(path);
        let mine = || problems.iter().filter(|d| d.path == file);
        for (dest, target, anchor) in &b.valid_pages {
            // By the message's start: a shortcode message may quote the link.
            let bad = mine().find(|d| {
                d.message.starts_with(&format!("the link `{dest}`"))
                    || d.message == format!("`{target}` has no heading with the anchor `#{anchor}`")
            });
            assert!(bad.is_none(), "valid link {dest} reported: {bad:?}");
        }
        for id in &b.valid_self {
            let msg = format!("this page has no heading with the anchor `#{id}`");
            assert!(mine().all(|d| d.message != msg), "valid #{id} reported");
        }
        for id in &b.valid_cases {
            let msg = format!("there is no case with the id `{id}`");
            assert!(
                mine().all(|d| d.message != msg),
                "valid @case:{id} reported"
            );
        }
    }
});
