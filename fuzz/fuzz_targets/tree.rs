//! Decision trees: `tree::parse` (YAML parsing plus validation: dangling
//! options, cycles, reachability, slugs, size) on raw text (first byte even)
//! or on a tree built from structured input (first byte odd), which reaches
//! validation far more often than random YAML does.
//!
//! Asserts: every diagnostic renders and points inside the file; a tree with
//! no problems unfolds into at most MAX_STEPS steps whose URLs are distinct
//! paths of valid slugs, every node is reached, and every path ends on an
//! outcome.
#![no_main]

mod common;

use std::collections::HashSet;
use std::path::Path;

use arbitrary::{Arbitrary, Unstructured};
use casebook::text::slugify;
use casebook::tree::{self, MAX_STEPS, Node};
use common::{check_diagnostic, yaml_quote};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Spec {
    start: u8,
    intro: Option<String>,
    questions: Vec<Q>,
    outcomes: Vec<O>,
}

#[derive(Arbitrary, Debug)]
struct Q {
    id: u8,
    text: String,
    help: Option<String>,
    options: Vec<Opt>,
}

#[derive(Arbitrary, Debug)]
struct Opt {
    label: String,
    next: u8,
    slug: Option<String>,
}

#[derive(Arbitrary, Debug)]
struct O {
    id: u8,
    verdict: u8,
    title: String,
    body: String,
    links: Vec<String>,
}

/// Node ids from a small set, so that options often name real nodes.
fn node_id(n: u8) -> String {
    match n % 16 {
        n @ 0..8 => format!("q{n}"),
        n @ 8..14 => format!("o{}", n - 8),
        14 => "Bad Id".to_owned(),
        _ => String::new(),
    }
}

fn yaml(spec: &Spec) -> String {
    let mut y = String::from("title: T\n");
    if let Some(intro) = &spec.intro {
        y += &format!("intro: {}\n", yaml_quote(intro));
    }
    y += &format!("start: {}\nquestions:\n", yaml_quote(&node_id(spec.start)));
    for q in &spec.questions {
        y += &format!(
            "  - id: {}\n    text: {}\n",
            node_id(q.id),
            yaml_quote(&q.text)
        );
        if let Some(h) = &q.help {
            y += &format!("    help: {}\n", yaml_quote(h));
        }
        y += "    options:\n";
        for o in &q.options {
            y += &format!(
                "      - label: {}\n        next: {}\n",
                yaml_quote(&o.label),
                node_id(o.next)
            );
            if let Some(s) = &o.slug {
                y += &format!("        slug: {}\n", yaml_quote(s));
            }
        }
    }
    y += "outcomes:\n";
    for o in &spec.outcomes {
        let verdict = ["go", "wait", "dont", "other-route", "maybe"][o.verdict as usize % 5];
        y += &format!(
            "  - id: {}\n    verdict: {verdict}\n    title: {}\n    body: {}\n",
            node_id(o.id),
            yaml_quote(&o.title),
            yaml_quote(&o.body)
        );
        if !o.links.is_empty() {
            y += "    links:\n";
            for l in &o.links {
                y += &format!("      - {}\n", yaml_quote(l));
            }
        }
    }
    y
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = if mode & 1 == 0 {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        let Ok(spec) = Spec::arbitrary_take_rest(Unstructured::new(rest)) else {
            return;
        };
        yaml(&spec)
    };
    let path = Path::new("content/decisions/t.yaml");
    let (parsed, problems) = tree::parse("t", path, &text);
    for d in &problems {
        check_diagnostic(d, Some(&text));
    }
    let Some(t) = parsed else {
        assert!(!problems.is_empty(), "no tree means a reason");
        return;
    };
    if !problems.is_empty() {
        return;
    }
    let steps = t.steps();
    assert!(steps.len() <= MAX_STEPS, "{} steps", steps.len());
    let mut urls = HashSet::new();
    let mut reached = HashSet::new();
    for s in steps {
        assert!(
            urls.insert(s.rel_url.as_str()),
            "two steps at `{}`",
            s.rel_url
        );
        assert!(
            t.node(&s.node).is_some(),
            "step at unknown node `{}`",
            s.node
        );
        reached.insert(s.node.as_str());
        if !s.rel_url.is_empty() {
            let segs: Vec<&str> = s
                .rel_url
                .strip_suffix('/')
                .expect("ends in /")
                .split('/')
                .collect();
            assert_eq!(segs.len(), s.answers.len());
            for seg in &segs {
                assert!(
                    !seg.is_empty() && slugify(seg) == *seg,
                    "segment `{seg}` of `{}`",
                    s.rel_url
                );
            }
            assert_ne!(segs[0], "map", "`map/` is the overview page");
        }
    }
    for q in &t.def.questions {
        assert!(
            reached.contains(q.id.as_str()),
            "question `{}` unreached",
            q.id
        );
    }
    for o in &t.def.outcomes {
        assert!(
            reached.contains(o.id.as_str()),
            "outcome `{}` unreached",
            o.id
        );
    }
    for p in t.paths() {
        let last = p.last().expect("a path has a node");
        assert!(matches!(t.node(last), Some(Node::Outcome(_))), "{p:?}");
    }
});
