//! The flagship decision tree, checked end to end (issue 4): every path from
//! the start ends on an outcome, every node is reached, every step has its
//! own static page, and tree.json (what tree.js steps through) describes
//! exactly those pages.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use casebook::data::{Located, Template};
use casebook::tree::{Node, Outcome, Step, Tree, Verdict};

const FLAGSHIP: &str = "content/decisions/should-i-message.yaml";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn flagship() -> Tree {
    let path = root().join(FLAGSHIP);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (tree, problems) = casebook::tree::parse("should-i-message", Path::new(FLAGSHIP), &text);
    assert!(
        problems.is_empty(),
        "the flagship tree has problems: {problems:#?}"
    );
    tree.expect("a tree without problems")
}

/// Every path, walked here by recursion rather than taken from
/// `Tree::paths`, so the two can check each other.
fn walk<'t>(tree: &'t Tree, id: &'t str, path: &mut Vec<&'t str>, out: &mut Vec<Vec<&'t str>>) {
    assert!(path.len() < 100, "a path this long means a cycle: {path:?}");
    path.push(id);
    match tree.node(id) {
        Some(Node::Question(q)) => {
            for o in &q.options {
                walk(tree, &o.next, path, out);
            }
        }
        Some(Node::Outcome(_)) => out.push(path.clone()),
        None => panic!("`{id}` is not a node (path {path:?})"),
    }
    path.pop();
}

#[test]
fn every_path_of_the_flagship_tree_ends_on_an_outcome() {
    let tree = flagship();
    let mut paths = Vec::new();
    walk(&tree, &tree.def.start, &mut Vec::new(), &mut paths);
    for p in &paths {
        let last = p.last().expect("a path has a node");
        assert!(
            matches!(tree.node(last), Some(Node::Outcome(_))),
            "path {p:?} does not end on an outcome"
        );
    }
    let from_tree = tree.paths();
    assert_eq!(
        from_tree.len(),
        paths.len(),
        "Tree::paths and the walk disagree"
    );
    for (a, b) in from_tree.iter().zip(&paths) {
        assert_eq!(a, b, "paths come out in the same (written) order");
    }
    let longest = paths.iter().map(Vec::len).max().unwrap_or(0);
    println!(
        "the flagship tree has {} paths from the start to an outcome (longest: {} nodes)",
        paths.len(),
        longest
    );
}

#[test]
fn every_node_of_the_flagship_tree_is_reached() {
    let tree = flagship();
    let mut paths = Vec::new();
    walk(&tree, &tree.def.start, &mut Vec::new(), &mut paths);
    let reached: BTreeSet<&str> = paths.iter().flatten().copied().collect();
    for o in &tree.def.outcomes {
        assert!(
            reached.contains(o.id.as_str()),
            "outcome `{}` is never reached",
            o.id
        );
    }
    for q in &tree.def.questions {
        assert!(
            reached.contains(q.id.as_str()),
            "question `{}` is never reached",
            q.id
        );
    }
    // Every verdict the flagship promises is used at least once.
    let verdicts: BTreeSet<String> = tree
        .def
        .outcomes
        .iter()
        .map(|o| format!("{:?}", o.verdict))
        .collect();
    assert_eq!(verdicts.len(), 4, "{verdicts:?}");
}

#[test]
fn every_step_has_its_own_short_url() {
    let tree = flagship();
    let steps = tree.steps();
    let urls: BTreeSet<&str> = steps.iter().map(|s| s.rel_url.as_str()).collect();
    assert_eq!(urls.len(), steps.len(), "two steps share a URL");
    assert_eq!(
        steps[0].rel_url, "",
        "the first step is the tree's own page"
    );
    for s in steps {
        for segment in s.rel_url.split('/').filter(|x| !x.is_empty()) {
            assert!(
                segment.split('-').count() <= casebook::tree::SLUG_WORDS,
                "`{segment}` is longer than a default slug"
            );
        }
    }
    let ends = steps
        .iter()
        .filter(|s| tree.question(&s.node).is_none())
        .count();
    assert_eq!(ends, tree.paths().len(), "one outcome page per path");
}

/// The flagship site compiled in memory: its output files by path.
fn compiled_flagship() -> BTreeMap<String, Vec<u8>> {
    compiled_at(None)
}

fn compiled_at(base_url: Option<&str>) -> BTreeMap<String, Vec<u8>> {
    use casebook::build::{Options, compile, load};
    let opts = Options {
        root: root(),
        no_minify: true,
        base_url: base_url.map(str::to_owned),
        ..Options::default()
    };
    let input = load(&opts).unwrap_or_else(|e| panic!("load the flagship: {e:?}"));
    let (_, files) =
        compile(input, &opts).unwrap_or_else(|e| panic!("compile the flagship: {e:?}"));
    files
        .into_iter()
        .map(|f| (f.path, f.bytes.to_vec()))
        .collect()
}

#[test]
fn tree_json_describes_exactly_the_static_step_pages() {
    let tree = flagship();
    let files = compiled_flagship();
    let json = files
        .get("decide/should-i-message/tree.json")
        .expect("tree.json is written");
    let data: serde_json::Value = serde_json::from_slice(json).expect("tree.json is JSON");
    let steps = data["steps"].as_object().expect("steps");
    let nodes = data["nodes"].as_object().expect("nodes");
    assert_eq!(steps.len(), tree.steps().len());
    let base = data["url"].as_str().expect("url");
    for (url, node) in steps {
        let rel = url
            .strip_prefix(base)
            .unwrap_or_else(|| panic!("{url} is not below {base}"));
        let page = format!("decide/should-i-message/{rel}index.html");
        let html = String::from_utf8_lossy(
            files
                .get(&page)
                .unwrap_or_else(|| panic!("no static page {page} for step {url}")),
        );
        let node = &nodes[node.as_str().expect("node id")];
        // The static page shows the node tree.json says it does.
        let heading = node
            .get("q")
            .or(node.get("t"))
            .and_then(|v| v.as_str())
            .expect("a question or an outcome");
        let escaped = heading
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;");
        assert!(
            html.contains(&escaped) || html.contains(heading),
            "{page} does not show “{heading}”"
        );
        // Each option's next URL (step URL + slug + /) is a step too.
        for o in node
            .get("o")
            .and_then(|o| o.as_array())
            .into_iter()
            .flatten()
        {
            let next = format!("{url}{}/", o[1].as_str().expect("slug"));
            assert!(steps.contains_key(&next), "{next} is not a step");
        }
    }
    for q in &tree.def.questions {
        assert!(
            nodes.contains_key(&q.id),
            "question `{}` is missing from tree.json",
            q.id
        );
    }
    for o in &tree.def.outcomes {
        assert!(
            nodes[&o.id]["v"].is_string()
                && nodes[&o.id]["b"]
                    .as_str()
                    .is_some_and(|b| b.starts_with("<p>"))
        );
    }
    assert!(
        json.len() < 64 * 1024,
        "tree.json is {} bytes; keep it compact",
        json.len()
    );
}

#[test]
fn the_map_page_has_an_accessible_diagram_and_outline() {
    let tree = flagship();
    let files = compiled_flagship();
    let html =
        String::from_utf8_lossy(&files["decide/should-i-message/map/index.html"]).into_owned();
    let svg_start = html.find("<svg").expect("an inline SVG");
    let svg = &html[svg_start
        ..html[svg_start..]
            .find("</svg>")
            .map(|e| svg_start + e)
            .expect("closed")];
    assert!(
        svg.contains("role=\"img\"") || svg.contains("role=img"),
        "role=img"
    );
    assert!(svg.contains("aria-labelledby"), "labelled by its title");
    assert!(svg.contains("<title id"), "a title");
    assert!(svg.contains("<desc id"), "a description");
    assert!(!svg.contains("style="), "no inline styles under the CSP");
    let boxes = svg.matches("class=\"node node-").count();
    assert_eq!(
        boxes,
        tree.def.questions.len() + tree.def.outcomes.len(),
        "one box per node"
    );
    let options: usize = tree.def.questions.iter().map(|q| q.options.len()).sum();
    assert_eq!(
        svg.matches("class=\"edge\"").count(),
        options,
        "one edge per option"
    );
    // The outline links every question and outcome.
    let outline = &html[html.find("tree-outline").expect("an outline")..];
    for o in &tree.def.outcomes {
        assert!(
            outline.contains(&o.title.replace('\'', "&#39;")) || outline.contains(&o.title),
            "outline lacks `{}`",
            o.title
        );
    }
}

#[test]
fn under_a_sub_path_the_script_and_its_data_use_the_base_path() {
    let files = compiled_at(Some("https://example.org/kb/"));
    let data: serde_json::Value =
        serde_json::from_slice(&files["decide/should-i-message/tree.json"]).expect("JSON");
    assert_eq!(data["url"], "/kb/decide/should-i-message/");
    assert_eq!(data["map"], "/kb/decide/should-i-message/map/");
    for url in data["steps"].as_object().expect("steps").keys() {
        assert!(url.starts_with("/kb/decide/should-i-message/"), "{url}");
    }
    let page = String::from_utf8_lossy(&files["decide/should-i-message/index.html"]).into_owned();
    assert!(
        page.contains(r#"data-tree-url="/kb/decide/should-i-message/""#),
        "the page names its tree's URL"
    );
    assert!(
        page.contains(r#"data-tree-data="/kb/decide/should-i-message/tree.json""#),
        "and its data"
    );
    assert!(
        page.contains(r#"src="/kb/assets/tree."#),
        "the script is loaded from the base path"
    );
    // Only tree pages load the script.
    let guide = String::from_utf8_lossy(&files["guides/index.html"]).into_owned();
    assert!(
        !guide.contains("/assets/tree."),
        "tree.js is loaded only where a tree is stepped through"
    );
}

/// One outcome of the flagship tree as the guides describe it: its verdict,
/// the answers that must lie on every path to it, the answers that must not,
/// and the guide section it rests on (which the outcome must link to).
struct Expect {
    outcome: &'static str,
    verdict: Verdict,
    /// Every inner list is one condition: the path holds at least one of
    /// these (question id, option slug) answers.
    all_of: &'static [&'static [(&'static str, &'static str)]],
    /// No path to the outcome holds any of these answers.
    none_of: &'static [(&'static str, &'static str)],
    guide: &'static str,
}

const WANT_ROLE: &[(&str, &str)] = &[("why-now", "i-want-a-specific")];
const NOT_FORBIDDEN: &[(&str, &str)] = &[("forbids-contact", "no-or-it-doesnt")];
const APPLIED: &[(&str, &str)] = &[("applied", "yes")];
/// when-to-reach-out#timing: not on the day you apply.
const LANDED: &[(&str, &str)] = &[("how-long", "a-day-or-more")];
const NO_WARM_PATH: &[(&str, &str)] = &[("warm-path", "no-one-i-could")];
/// when-to-reach-out#after-applying and #culture: a note is welcome when the
/// listing names the manager, or the company, the field or the manager's
/// own posts suggest it's open (twenty-first read, C3: a manager who posts
/// about hiring is one of the signs, and its answer has to cover it).
const WELCOME: &[(&str, &str)] = &[("welcome", "names-the-manager"), ("welcome", "seems-open")];
/// when-to-reach-out#after-applying: the note is likely to be read when the
/// company is small or mid-sized, OR the manager is active, OR the listing
/// names them (the decision guide's "or", not "and"). On such a path the
/// guides say write the note, so the tree must not send the reader to the
/// recruiter or away from a note instead.
const REACHABLE: &[(&str, &str)] = &[
    ("welcome", "names-the-manager"),
    ("company-size", "small-or-mid-sized"),
    ("manager-active", "yes-they-post-or"),
];
/// Written from the guides, not from the tree: change a route in the tree
/// without the guide it rests on (or the other way round) and
/// `every_outcome_of_the_flagship_tree_agrees_with_the_guides` fails.
const EXPECTATIONS: &[Expect] = &[
    Expect {
        outcome: "respect-the-rules",
        verdict: Verdict::Dont,
        all_of: &[&[("forbids-contact", "yes-it-asks-candidates")]],
        none_of: &[],
        guide: "@/guides/when-to-reach-out.md#asked-not-to",
    },
    Expect {
        outcome: "apply-first",
        verdict: Verdict::Wait,
        all_of: &[WANT_ROLE, NOT_FORBIDDEN, &[("applied", "not-yet")]],
        none_of: &[],
        guide: "@/guides/when-to-reach-out.md#before-applying",
    },
    Expect {
        outcome: "let-it-land",
        verdict: Verdict::Wait,
        all_of: &[WANT_ROLE, NOT_FORBIDDEN, APPLIED, &[("how-long", "today")]],
        none_of: &[],
        guide: "@/guides/when-to-reach-out.md#timing",
    },
    Expect {
        outcome: "connect-with-referral",
        verdict: Verdict::Go,
        all_of: &[
            WANT_ROLE,
            NOT_FORBIDDEN,
            APPLIED,
            LANDED,
            &[("warm-path", "a-current-employee-referred")],
        ],
        none_of: &[],
        guide: "@/guides/when-to-reach-out.md#genuine-link",
    },
    Expect {
        outcome: "warm-introduction",
        verdict: Verdict::OtherRoute,
        all_of: &[
            WANT_ROLE,
            NOT_FORBIDDEN,
            APPLIED,
            LANDED,
            &[("warm-path", "someone-who-knows-us")],
        ],
        none_of: &[],
        guide: "@/guides/alternatives.md#warm-introduction",
    },
    Expect {
        outcome: "send-specific-note",
        verdict: Verdict::Go,
        all_of: &[
            WANT_ROLE,
            NOT_FORBIDDEN,
            APPLIED,
            LANDED,
            NO_WARM_PATH,
            WELCOME,
            REACHABLE,
            // A shared school or employer is a genuine link (#genuine-link).
            &[
                ("specific-hook", "their-work"),
                ("specific-hook", "shared-background"),
            ],
        ],
        none_of: &[],
        guide: "@/guides/when-to-reach-out.md#after-applying",
    },
    Expect {
        outcome: "engage-first",
        verdict: Verdict::Wait,
        all_of: &[
            WANT_ROLE,
            NOT_FORBIDDEN,
            APPLIED,
            LANDED,
            WELCOME,
            REACHABLE,
            &[("specific-hook", "not-yet")],
        ],
        none_of: &[],
        guide: "@/guides/alternatives.md#engage",
    },
    Expect {
        outcome: "contact-recruiter",
        verdict: Verdict::OtherRoute,
        all_of: &[
            WANT_ROLE,
            NOT_FORBIDDEN,
            APPLIED,
            LANDED,
            &[("welcome", "names-a-recruiter"), ("recruiter-named", "yes")],
        ],
        none_of: REACHABLE,
        guide: "@/guides/alternatives.md#recruiter",
    },
    Expect {
        outcome: "polish-application",
        verdict: Verdict::OtherRoute,
        all_of: &[
            WANT_ROLE,
            NOT_FORBIDDEN,
            APPLIED,
            LANDED,
            &[("recruiter-named", "no")],
        ],
        none_of: REACHABLE,
        guide: "@/guides/alternatives.md#application",
    },
    Expect {
        outcome: "pause-frustration",
        verdict: Verdict::Dont,
        all_of: &[&[("why-now", "i-applied-a-while")]],
        none_of: &[],
        guide: "@/guides/when-to-reach-out.md#frustration",
    },
    Expect {
        outcome: "play-long-game",
        verdict: Verdict::Go,
        all_of: &[&[("why-now", "theres-no-opening-but")]],
        none_of: &[],
        guide: "@/guides/when-to-reach-out.md#before-applying",
    },
    Expect {
        outcome: "connect-after-event",
        verdict: Verdict::Go,
        all_of: &[&[("how-you-know-them", "we-met-at-a")]],
        none_of: &[],
        guide: "@/guides/when-to-reach-out.md#met-in-person",
    },
    Expect {
        outcome: "connect-while-talking",
        verdict: Verdict::Go,
        all_of: &[&[("how-you-know-them", "already-talking")]],
        none_of: &[],
        guide: "@/guides/when-to-reach-out.md#in-process",
    },
    Expect {
        outcome: "research-before-interview",
        verdict: Verdict::Wait,
        all_of: &[&[("interview-stage", "an-interview-is-scheduled")]],
        none_of: &[],
        guide: "@/guides/interviews-and-rejection.md#before-interview",
    },
    Expect {
        outcome: "hold-until-decision",
        verdict: Verdict::Wait,
        all_of: &[&[("interview-stage", "ive-just-interviewed-and")]],
        none_of: &[],
        guide: "@/guides/interviews-and-rejection.md#after-interview",
    },
    Expect {
        outcome: "hired-connect",
        verdict: Verdict::Go,
        all_of: &[&[("interview-stage", "they-offered-me-the")]],
        none_of: &[],
        guide: "@/guides/interviews-and-rejection.md#after-hired",
    },
    Expect {
        outcome: "ask-for-feedback",
        verdict: Verdict::Go,
        all_of: &[&[("interview-stage", "i-was-turned-down")]],
        none_of: &[],
        guide: "@/guides/interviews-and-rejection.md#after-rejection",
    },
];

/// Answers after which the guides never say "go ahead": against the
/// employer's instructions, before applying for an open role, on the day
/// you apply, with nothing specific to say, or when you can't tell whether
/// a note is welcome.
const NEVER_GO_AFTER: &[(&str, &str)] = &[
    ("forbids-contact", "yes-it-asks-candidates"),
    ("applied", "not-yet"),
    ("how-long", "today"),
    ("specific-hook", "not-yet"),
    ("welcome", "formal-or-unsure"),
];

/// Issue #20, fifth read (C3): once an interview is booked you wait,
/// however you came to it (interviews-and-rejection.md#interview-booked,
/// and its quick reference). The tree once said so only on the "we've met"
/// branch, so a reader with an interview booked who chose the open role or
/// the event got "go". Now every path to a "go" must have ruled a booked
/// interview out, by one of these answers: one whose label says no
/// interview is booked (its question must then offer the interview as
/// well), no opening at all, or a decision already made.
const NO_INTERVIEW_PENDING: &[(&str, &str, Option<&str>)] = &[
    (
        "why-now",
        "i-want-a-specific",
        Some("no interview is booked"),
    ),
    (
        "how-you-know-them",
        "we-met-at-a",
        Some("no interview is booked"),
    ),
    (
        "how-you-know-them",
        "already-talking",
        Some("no interview is booked"),
    ),
    ("why-now", "theres-no-opening-but", None),
    ("interview-stage", "they-offered-me-the", None),
    ("interview-stage", "i-was-turned-down", None),
];

/// NO_INTERVIEW_PENDING against the tree: every "go" path holds one of its
/// answers, each label says what it must, and each question whose answer
/// rules the interview out by its label also leads to the interview stage.
fn booked_interview_problems(tree: &Tree) -> Vec<String> {
    let mut problems = Vec::new();
    let option = |q: &str, slug: &str| {
        tree.question(q)
            .and_then(|q| q.options.iter().find(|o| o.slug() == slug))
    };
    for (q, slug, words) in NO_INTERVIEW_PENDING {
        let Some(o) = option(q, slug) else {
            problems.push(format!("NO_INTERVIEW_PENDING: no answer `{slug}` to `{q}`"));
            continue;
        };
        let Some(words) = words else { continue };
        if !o.label.to_lowercase().contains(words) {
            problems.push(format!(
                "`{q}` = “{}” leads on towards a go, but does not say “{words}”",
                o.label
            ));
        }
        let offers_interview = tree
            .question(q)
            .is_some_and(|q| q.options.iter().any(|o| o.next == "interview-stage"));
        if !offers_interview {
            problems.push(format!(
                "`{q}` rules out an interview in “{}” but offers no answer for a reader who has one",
                o.label
            ));
        }
    }
    for step in tree.steps() {
        let Some(Node::Outcome(o)) = tree.node(&step.node) else {
            continue;
        };
        if o.verdict != Verdict::Go {
            continue;
        }
        let answers = step_answers(tree, step);
        let ruled_out = answers.iter().any(|(q, s)| {
            NO_INTERVIEW_PENDING
                .iter()
                .any(|(nq, ns, _)| nq == q && ns == s)
        });
        if !ruled_out {
            let path = answers
                .iter()
                .map(|(q, s)| format!("{q}={s}"))
                .collect::<Vec<_>>()
                .join(" → ");
            problems.push(format!(
                "`{}` says go on {path}, which never rules out a booked interview",
                o.id
            ));
        }
    }
    problems
}

#[test]
fn every_outcome_of_the_flagship_tree_agrees_with_the_guides() {
    let tree = flagship();
    let mut problems = table_problems(&tree);
    problems.extend(booked_interview_problems(&tree));
    let mut reached = BTreeSet::new();
    for step in tree.steps() {
        let Some(Node::Outcome(o)) = tree.node(&step.node) else {
            continue;
        };
        reached.insert(o.id.as_str());
        let answers = step_answers(&tree, step);
        let Some(e) = EXPECTATIONS.iter().find(|e| e.outcome == o.id) else {
            continue;
        };
        problems.extend(path_problems(o, e, &answers));
    }
    for e in EXPECTATIONS {
        if !reached.contains(e.outcome) {
            problems.push(format!("`{}` is in the table but never reached", e.outcome));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The tables name only answers the tree has, and EXPECTATIONS has one row
/// for every outcome.
fn table_problems(tree: &Tree) -> Vec<String> {
    let mut problems = Vec::new();
    let has = |q: &str, slug: &str| {
        tree.question(q)
            .is_some_and(|q| q.options.iter().any(|o| o.slug() == slug))
    };
    for e in EXPECTATIONS {
        let named = e.all_of.iter().flat_map(|c| c.iter()).chain(e.none_of);
        for (q, slug) in named {
            if !has(q, slug) {
                problems.push(format!(
                    "`{}`: the tree has no answer `{slug}` to `{q}`",
                    e.outcome
                ));
            }
        }
    }
    for (q, slug) in NEVER_GO_AFTER {
        if !has(q, slug) {
            problems.push(format!(
                "NEVER_GO_AFTER: the tree has no answer `{slug}` to `{q}`"
            ));
        }
    }
    for o in &tree.def.outcomes {
        if EXPECTATIONS.iter().filter(|e| e.outcome == o.id).count() != 1 {
            problems.push(format!(
                "outcome `{}` needs exactly one row in EXPECTATIONS, written from the guides",
                o.id
            ));
        }
    }
    problems
}

/// A step's answers from the start, as (question id, option slug).
fn step_answers<'t>(tree: &'t Tree, step: &Step) -> Vec<(&'t str, String)> {
    step.answers
        .iter()
        .map(|(q, i)| {
            let q = tree.question(q).expect("a question");
            (q.id.as_str(), q.options[*i].slug())
        })
        .collect()
}

/// One path (`answers`) to outcome `o` against its row `e`: the verdict,
/// the answers that must and must not lie on it, no "go" after an answer
/// in NEVER_GO_AFTER, and the link to the guide section.
fn path_problems(o: &Outcome, e: &Expect, answers: &[(&str, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    let on_path = |(q, slug): &(&str, &str)| answers.iter().any(|(a, s)| a == q && s == slug);
    let path = answers
        .iter()
        .map(|(q, s)| format!("{q}={s}"))
        .collect::<Vec<_>>()
        .join(" → ");
    if o.verdict != e.verdict {
        problems.push(format!(
            "`{}` says {:?}, the guides say {:?}",
            o.id, o.verdict, e.verdict
        ));
    }
    for condition in e.all_of {
        if !condition.iter().any(on_path) {
            problems.push(format!(
                "`{}` is reached by {path}, which has none of {condition:?}",
                o.id
            ));
        }
    }
    for answer in e.none_of {
        if on_path(answer) {
            problems.push(format!(
                "`{}` is reached by {path}, which has {answer:?}",
                o.id
            ));
        }
    }
    if o.verdict == Verdict::Go {
        for answer in NEVER_GO_AFTER {
            if on_path(answer) {
                problems.push(format!("`{}` says go after {answer:?} ({path})", o.id));
            }
        }
    }
    if !o.links.iter().any(|l| l == e.guide) {
        problems.push(format!(
            "`{}` does not link to {}, the guide section it rests on",
            o.id, e.guide
        ));
    }
    problems
}

/// Every path to each outcome, as its (question id, option slug) answers.
fn answers_by_outcome(tree: &Tree) -> BTreeMap<String, Vec<Vec<(String, String)>>> {
    let mut out: BTreeMap<String, Vec<Vec<(String, String)>>> = BTreeMap::new();
    for step in tree.steps() {
        let Some(Node::Outcome(o)) = tree.node(&step.node) else {
            continue;
        };
        let answers = step
            .answers
            .iter()
            .map(|(q, i)| {
                let q = tree.question(q).expect("a question");
                (q.id.clone(), q.options[*i].slug())
            })
            .collect();
        out.entry(o.id.clone()).or_default().push(answers);
    }
    out
}

/// Answers that rule out some advice: when every path to an outcome holds
/// the answer, its body must not give advice that needs the opposite.
const RULED_OUT: &[((&str, &str), &[&str])] = &[
    // "No one I could ask": no introduction to look for, in the body or
    // the title (issue #20, third read: polish-application's title still
    // promised "a warm path" its body had dropped).
    (
        ("warm-path", "no-one-i-could"),
        &["introduce", "introduction", "warm path"],
    ),
    // Not applied yet: don't write as if the application were in.
    (
        ("applied", "not-yet"),
        &["you've applied", "mention the application"],
    ),
];

/// Advice that assumes an answer: if the body gives it on a path where the
/// answer was never given, it must also say what to do otherwise (one of
/// the phrases).
const ASSUMES: &[(&str, (&str, &str), &[&str])] = &[
    // Commenting on their posts assumes they post; on the small-firm and
    // "listing names the manager" paths their activity is never asked.
    (
        "their posts",
        ("manager-active", "yes-they-post-or"),
        &["don't post", "rarely or never post", "never post"],
    ),
];

/// Links an outcome must carry beyond its guide section, because its body
/// sends readers in these directions (issue #20: the frustration outcome
/// splits a pending request, an unanswered message and the recruiter, and
/// sends a calm note back through the questions for an open role; the
/// apply-first outcome says to come back once you have applied, so it links
/// the template for then).
const ALSO_LINKS: &[(&str, &[&str])] = &[
    (
        "pause-frustration",
        &[
            "@/guides/alternatives.md#recruiter",
            "@/guides/after-they-accept.md#no-reply",
        ],
    ),
    ("apply-first", &["@template:after-applying"]),
];

/// Words an outcome's body must contain, with the reason: the frustration
/// outcome sends a calm note back through the questions for an open role.
/// The hired outcome keeps each source's word with its source: Craig Rosen
/// waits for the "job offer", Michael Staton connects once "hired" (seed
/// 003:14, 003:17), not the two words used as one.
const MUST_SAY: &[(&str, &[&str], &str)] = &[
    (
        "pause-frustration",
        &["@decide:should-i-message", "specific open role"],
        "a calm note after a wait goes through the open-role questions",
    ),
    (
        "hired-connect",
        &[
            "Rosen",
            "job offer",
            "Staton",
            "hired",
            "accepted the offer, or been hired",
        ],
        "each source's word (offer, hired) with its source; connect once the offer is accepted or you are hired (twenty-sixth read)",
    ),
    // Twenty-fourth read (contradiction 3): while talking directly, a
    // formal or recruiter-run process still means holding the request until
    // a decision, as interviews-and-rejection.md#before-interview and
    // when-to-reach-out.md#in-process say.
    (
        "connect-while-talking",
        &["formal or run by a recruiter", "until a decision"],
        "the exception the guides give for a recruiter-run process",
    ),
    // Issue #20, fourth read (C1): a reader talking directly with the
    // manager who also has an interview booked was told "connect" on one
    // path and "wait" on the other. The interviews guide states the one
    // rule (the interview comes first); both outcomes point to it.
    (
        "connect-while-talking",
        &["interviews-and-rejection.md#interview-booked"],
        "direct talks give way to a booked interview, as the guide states",
    ),
    // Issue #20, fifth read (C3): the event outcome gives way to a booked
    // interview as well.
    (
        "connect-after-event",
        &["interviews-and-rejection.md#interview-booked"],
        "meeting at an event gives way to a booked interview",
    ),
    (
        "research-before-interview",
        &["interviews-and-rejection.md#interview-booked"],
        "a booked interview means wait, even after direct talks",
    ),
    // Twenty-third read (F4): the interviews guide's middle path keeps to
    // the default (request after a decision) when the process is formal or
    // run by a recruiter, even if you are talking with the manager directly.
    (
        "connect-while-talking",
        &[
            "formal or run by a recruiter",
            "interviews-and-rejection.md#before-interview",
        ],
        "a formal or recruiter-run process keeps to the guide's default",
    ),
    // Issue #20, twenty-first read (C1): the event outcome said "One thing
    // comes first" and then named two, where when-to-reach-out.md and the
    // met-at-event FAQ say "Two things come first".
    (
        "connect-after-event",
        &["Two things come first"],
        "a no-contact listing and a booked interview, counted as the guide counts them",
    ),
    // Twenty-first read (C2): the outcome asked for a comment on one post
    // while the engaged-with-post template it links asks for "a post or two".
    (
        "engage-first",
        &["a post or two"],
        "as much engagement as the template it recommends asks for",
    ),
    // Twenty-third read (F7): with no rapport yet, the guides start with
    // likes and pace comments over weeks (alternatives.md#engage).
    (
        "engage-first",
        &["like a few of their updates", "over a few weeks"],
        "lighter signals first, as alternatives.md and the how-often-engage FAQ say",
    ), // Twenty-second read (1b): one position on asking to be considered.
    (
        "apply-first",
        &[
            "how you ask to be considered",
            "never \"please consider me\"",
        ],
        "the application is the ask, and a note after it supports it",
    ),
];

/// Words an outcome must not use, with the reason. The frustration outcome
/// must not close a door the first path opens: someone who applied a while
/// ago and writes calmly about the manager's work reaches `send-specific-note`
/// (go) through "I want a specific open role", and the guide's warning sign
/// is the frustration, not the wait (seed 000:15, 000:33).
const MUST_NOT_SAY: &[(&str, &[&str], &str)] = &[
    (
        "pause-frustration",
        &["don't start now", "don't write to the manager"],
        "the open-role path says go for a calm note after the same wait",
    ),
    // Twenty-second read (1b): "ask to be considered only after" told a
    // reader who has applied to ask, where the site's position is that the
    // application is the ask.
    (
        "apply-first",
        &["ask to be considered only"],
        "the application is the ask; a note after it never says \"please consider me\"",
    ),
    // Twenty-second read (1c): on the large-company path the manager
    // question has just said a note is often redirected.
    (
        "send-specific-note",
        &["likely to read it"],
        "at a large firm a note may still be redirected (seed 000:15)",
    ),
    // Twenty-fourth read (wording 1): the offer is in hand, so say so
    // plainly rather than weigh the two sources' words.
    (
        "hired-connect",
        &[
            "their own word",
            "two voices",
            "either way",
            "You have the offer",
        ],
        "say plainly that with the offer both sources' points are met; an offer not yet accepted is not the point (twenty-sixth read)",
    ),
];

#[test]
fn every_outcomes_advice_fits_every_path_to_it() {
    use casebook::build::{Options, compile, load};
    let tree = flagship();
    let paths = answers_by_outcome(&tree);
    let opts = Options {
        root: root(),
        no_minify: true,
        ..Options::default()
    };
    let built = compile(load(&opts).expect("load"), &opts)
        .expect("compile")
        .0;
    let templates = &built.site.data.templates;
    let mention = regex::Regex::new(
        r"mention(?:s|ing)? (?:that you've applied|the application|your application)",
    )
    .expect("regex");
    let mut problems = Vec::new();
    for o in &tree.def.outcomes {
        let body = o.body.to_lowercase();
        let to_it = paths.get(&o.id).cloned().unwrap_or_default();
        problems.extend(advice_against_the_paths(o, &body, &to_it));
        // An outcome that says to mention the application links only
        // connection-note templates that show where that line goes.
        if mention.is_match(&body) {
            problems.extend(templates_without_the_application(o, templates));
        }
    }
    problems.extend(missing_also_links(&tree));
    problems.extend(wrong_words(&tree));
    problems.extend(links_twice_or_off_the_path(&tree, &paths, templates));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Advice in an outcome's `body` (lowercased) that the paths to it
/// (`to_it`) rule out (RULED_OUT), or that assumes an answer some path
/// never gave without saying what to do otherwise (ASSUMES).
fn advice_against_the_paths(
    o: &Outcome,
    body: &str,
    to_it: &[Vec<(String, String)>],
) -> Vec<String> {
    let mut problems = Vec::new();
    let holds = |(q, slug): (&str, &str), p: &Vec<(String, String)>| {
        p.iter().any(|(a, s)| a == q && s == slug)
    };
    let title = o.title.to_lowercase();
    for (answer, phrases) in RULED_OUT {
        if !to_it.is_empty() && to_it.iter().all(|p| holds(*answer, p)) {
            for w in *phrases {
                if body.contains(w) || title.contains(w) {
                    problems.push(format!(
                        "`{}` is reached only after {answer:?}, yet says “{w}”",
                        o.id
                    ));
                }
            }
        }
    }
    for (advice, answer, otherwise) in ASSUMES {
        if body.contains(advice)
            && to_it.iter().any(|p| !holds(*answer, p))
            && !otherwise.iter().any(|w| body.contains(w))
        {
            problems.push(format!(
                "`{}` advises “{advice}”, which assumes {answer:?}, but some paths never ask; say what to do otherwise",
                o.id
            ));
        }
    }
    problems
}

/// The connection-note templates outcome `o` links that show no line
/// mentioning the application, for an outcome that says to mention it.
fn templates_without_the_application(o: &Outcome, templates: &[Located<Template>]) -> Vec<String> {
    let mut problems = Vec::new();
    for l in &o.links {
        let Some(id) = l.strip_prefix("@template:") else {
            continue;
        };
        let t = &templates
            .iter()
            .find(|t| t.rec.id == id)
            .unwrap_or_else(|| panic!("no template `{id}`"))
            .rec;
        let shown = format!("{}\n{}", t.text, t.notes.as_deref().unwrap_or(""));
        if t.channel == casebook::data::Channel::ConnectionNote && !shown.contains("applied") {
            problems.push(format!(
                "`{}` says to mention the application and links `{id}`, which shows no such line",
                o.id
            ));
        }
    }
    problems
}

/// The links in ALSO_LINKS that their outcome lacks.
fn missing_also_links(tree: &Tree) -> Vec<String> {
    let mut problems = Vec::new();
    for (id, links) in ALSO_LINKS {
        let o = tree
            .def
            .outcomes
            .iter()
            .find(|o| o.id == *id)
            .unwrap_or_else(|| panic!("no outcome `{id}`"));
        for l in *links {
            if !o.links.iter().any(|x| x == l) {
                problems.push(format!("`{id}` does not link {l}"));
            }
        }
    }
    problems
}

/// MUST_NOT_SAY, checked against each outcome's title and body, and the
/// labels of the answers that lead to it; MUST_SAY against its body.
fn wrong_words(tree: &Tree) -> Vec<String> {
    let mut problems = Vec::new();
    for (id, words, why) in MUST_NOT_SAY {
        let o = tree
            .def
            .outcomes
            .iter()
            .find(|o| o.id == *id)
            .unwrap_or_else(|| panic!("no outcome `{id}`"));
        let mut text = format!("{}\n{}", o.title, o.body);
        for q in &tree.def.questions {
            for opt in q.options.iter().filter(|opt| opt.next == *id) {
                text.push('\n');
                text.push_str(&opt.label);
            }
        }
        let text = text.to_lowercase();
        for w in *words {
            if text.contains(w) {
                problems.push(format!("`{id}` says “{w}”: {why}"));
            }
        }
    }
    for (id, words, why) in MUST_SAY {
        let body = tree
            .def
            .outcomes
            .iter()
            .find(|o| o.id == *id)
            .map(|o| o.body.clone())
            .unwrap_or_else(|| panic!("no outcome `{id}`"));
        for w in *words {
            if !body.contains(w) {
                problems.push(format!("`{id}` does not say “{w}”: {why}"));
            }
        }
    }
    problems
}

/// An outcome's "Read next" links each guide page once (issue #20, third
/// read: two sections of one guide showed up as the same title twice), and
/// an outcome reached only by readers who want an open role and have not
/// applied links no long-game template, which is written for when no role
/// is open (issue #20, third read: apply-first linked before-posting).
fn links_twice_or_off_the_path(
    tree: &Tree,
    paths: &BTreeMap<String, Vec<Vec<(String, String)>>>,
    templates: &[Located<Template>],
) -> Vec<String> {
    let mut problems = Vec::new();
    for o in &tree.def.outcomes {
        let mut pages = BTreeSet::new();
        for l in o.links.iter().filter(|l| l.starts_with("@/")) {
            let page = l.split('#').next().unwrap_or(l);
            if !pages.insert(page) {
                problems.push(format!("`{}` links {page} twice in Read next", o.id));
            }
        }
        let to_it = paths.get(&o.id).cloned().unwrap_or_default();
        let holds =
            |p: &Vec<(String, String)>, q: &str, s: &str| p.iter().any(|(a, b)| a == q && b == s);
        let open_role = !to_it.is_empty()
            && to_it.iter().all(|p| {
                holds(p, "why-now", "i-want-a-specific") && holds(p, "applied", "not-yet")
            });
        for id in o.links.iter().filter_map(|l| l.strip_prefix("@template:")) {
            let t = templates.iter().find(|t| t.rec.id == id);
            if open_role && t.is_some_and(|t| t.rec.context == "long-game") {
                problems.push(format!(
                    "`{}` is only for an open role, yet links the long-game template `{id}`",
                    o.id
                ));
            }
        }
    }
    problems
}
