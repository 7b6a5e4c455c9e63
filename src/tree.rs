//! Decision trees: YAML with questions and outcomes, validated at build time
//! (dangling options, unreachable nodes, cycles, too few options, duplicate
//! ids) and unfolded into one static page per step, so each step is a real
//! URL that works with JavaScript off. The answers so far are the URL's path:
//! one segment per answer, the option's `slug` (by default the first four
//! words of its label), so `/decide/should-i-message/yes/not-yet/`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Pos, did_you_mean};
use crate::locate::{Lines, is_valid_id};
use crate::text::slugify;

/// More step pages than this means the tree re-joins so often that its
/// unfolded paths explode; such a tree is refused with a clear message.
pub const MAX_STEPS: usize = 5_000;

/// A decision tree (`content/decisions/<id>.yaml`): questions whose options
/// lead to other questions or to outcomes. Question and outcome ids share one
/// namespace; every node must be reachable and the tree must have no cycles.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TreeFile {
    /// The tree's title, shown on its first page.
    pub title: String,
    /// A sentence or two before the first question, in Markdown.
    #[serde(default)]
    pub intro: String,
    /// The id of the first question.
    pub start: String,
    /// The questions, each with two or more options.
    pub questions: Vec<Question>,
    /// Where the answers lead: a verdict and what to do.
    pub outcomes: Vec<Outcome>,
}

/// One question of a tree.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Unique among the tree's questions and outcomes.
    pub id: String,
    /// The question, as the reader sees it.
    pub text: String,
    /// Optional guidance under the question, in Markdown.
    pub help: Option<String>,
    /// The answers the reader can pick.
    pub options: Vec<Choice>,
}

/// One answer to a question.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The answer's text.
    pub label: String,
    /// The id of the question or outcome this answer leads to.
    pub next: String,
    /// The URL segment this answer adds; see [`Choice::slug`].
    #[serde(default)]
    #[schemars(
        description = "The URL segment this answer adds (lowercase letters, digits, hyphens); by default the first four words of the label.",
        regex(pattern = r"^[a-z0-9-]+$")
    )]
    pub slug: Option<String>,
}

/// How many words of a label make its default slug: enough to tell options
/// apart, few enough that a path of six answers stays a readable URL.
pub const SLUG_WORDS: usize = 4;

impl Choice {
    /// The URL segment for this answer: the `slug:` written in the file, else
    /// the first [`SLUG_WORDS`] words of the label, slugified.
    pub fn slug(&self) -> String {
        match &self.slug {
            Some(s) => s.clone(),
            None => default_slug(&self.label),
        }
    }
}

/// `I want a specific open role` → `i-want-a-specific`.
pub fn default_slug(label: &str) -> String {
    slugify(label)
        .split('-')
        .take(SLUG_WORDS)
        .collect::<Vec<_>>()
        .join("-")
}

/// A segment name that step URLs must not use because a tree's own page has it.
const RESERVED_SLUGS: &[&str] = &["map"];

/// An outcome's verdict: `go`, `wait`, `dont` or `other-route`.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Go,
    Wait,
    Dont,
    OtherRoute,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Go => "Go ahead",
            Verdict::Wait => "Wait",
            Verdict::Dont => "Don't",
            Verdict::OtherRoute => "Try another route",
        }
    }
}

/// Where a path through the tree ends.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Unique among the tree's questions and outcomes.
    pub id: String,
    /// `go`, `wait`, `dont` or `other-route`.
    pub verdict: Verdict,
    /// The answer in a few words, e.g. "Apply first, then reach out".
    pub title: String,
    /// Why, and what to do next, in Markdown.
    pub body: String,
    /// Where to read on: `@/guides/x.md`, `@case:id`, `@template:id`, ...
    #[serde(default)]
    pub links: Vec<String>,
}

/// A node of the tree.
#[derive(Debug, Clone, Copy)]
pub enum Node<'a> {
    Question(&'a Question),
    Outcome(&'a Outcome),
}

/// One step page: the answers that lead to it and the node it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// (question id, option index) pairs from the start.
    pub answers: Vec<(String, usize)>,
    pub node: String,
    /// Site path below the tree: `""` for the start, else `yes/not-yet/`.
    pub rel_url: String,
}

#[derive(Debug, Clone)]
pub struct Tree {
    pub id: String,
    pub file: PathBuf,
    pub text: String,
    pub def: TreeFile,
    /// [`Tree::steps`], unfolded once: every step page's job asks for it.
    steps: OnceLock<Vec<Step>>,
}

impl Tree {
    pub fn node(&self, id: &str) -> Option<Node<'_>> {
        self.def
            .questions
            .iter()
            .find(|q| q.id == id)
            .map(Node::Question)
            .or_else(|| {
                self.def
                    .outcomes
                    .iter()
                    .find(|o| o.id == id)
                    .map(Node::Outcome)
            })
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.def.questions.iter().find(|q| q.id == id)
    }

    /// Where `id: <id>` is written, for messages.
    pub fn pos_of_id(&self, id: &str) -> Pos {
        Lines::all(&self.text)
            .key_value("id", id)
            .unwrap_or(Pos::new(1, 1))
    }

    /// Every step page, depth first from the start, in a stable order.
    /// Computed once; call it only on a tree without cycles (as [`parse`]
    /// returns it). Unfolding stops as soon as more than [`MAX_STEPS`] steps
    /// are known: a longer list means "too many", not every step.
    pub fn steps(&self) -> &[Step] {
        self.steps.get_or_init(|| self.unfold())
    }

    fn unfold(&self) -> Vec<Step> {
        let mut out = Vec::new();
        let mut stack = vec![Step {
            answers: Vec::new(),
            node: self.def.start.clone(),
            rel_url: String::new(),
        }];
        while let Some(step) = stack.pop() {
            // Every step on the stack is a step too: past the limit, stop
            // before a wide tree fills memory with pending steps.
            if out.len() + stack.len() >= MAX_STEPS {
                out.push(step);
                out.append(&mut stack);
                break;
            }
            if let Some(q) = self.question(&step.node) {
                for (i, choice) in q.options.iter().enumerate().rev() {
                    let mut answers = step.answers.clone();
                    answers.push((q.id.clone(), i));
                    stack.push(Step {
                        answers,
                        node: choice.next.clone(),
                        rel_url: format!("{}{}/", step.rel_url, choice.slug()),
                    });
                }
            }
            out.push(step);
        }
        out
    }

    /// Every path from the start to an end, as node ids.
    pub fn paths(&self) -> Vec<Vec<String>> {
        self.steps()
            .iter()
            .filter(|s| self.question(&s.node).is_none())
            .map(|s| {
                let mut ids: Vec<String> = s.answers.iter().map(|(q, _)| q.clone()).collect();
                ids.push(s.node.clone());
                ids
            })
            .collect()
    }
}

/// Parses and validates a tree file. `id` comes from the file name.
pub fn parse(id: &str, path: &Path, text: &str) -> (Option<Tree>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    if !is_valid_id(id) {
        problems.push(
            Diagnostic::new(path, format!("`{id}` is not a valid tree id"))
                .hint("name the file with lowercase letters, digits and hyphens, e.g. `should-i-message.yaml`"),
        );
        return (None, problems);
    }
    if text.trim().is_empty() {
        problems.push(
            Diagnostic::new(path, "the decision tree file is empty")
                .at(Pos::new(1, 1))
                .hint("see docs/writing-content.md#decision-trees"),
        );
        return (None, problems);
    }
    let def: TreeFile = match crate::yaml::parse(text, path, 1, text) {
        Ok(d) => d,
        Err(e) => return (None, vec![e]),
    };
    let tree = Tree {
        id: id.to_owned(),
        file: path.to_owned(),
        text: text.to_owned(),
        def,
        steps: OnceLock::new(),
    };
    validate(&tree, &mut problems);
    (Some(tree), problems)
}

fn validate(tree: &Tree, problems: &mut Vec<Diagnostic>) {
    let path = &tree.file;
    let text = &tree.text;
    let def = &tree.def;
    let err = |pos: Pos, msg: String, hint: String| {
        Diagnostic::new(path, msg).at_in(pos, text).hint(hint)
    };

    let mut ids: HashSet<&str> = HashSet::new();
    let mut duplicated = false;
    let all_ids: Vec<&str> = def
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .chain(def.outcomes.iter().map(|o| o.id.as_str()))
        .collect();
    for id in &all_ids {
        if !ids.insert(id) {
            duplicated = true;
            problems.push(err(
                tree.pos_of_id(id),
                format!("duplicate node id `{id}`"),
                "questions and outcomes share one set of ids; rename one".into(),
            ));
        }
    }
    if tree.node(&def.start).is_none() {
        problems.push(err(
            Lines::all(text).find("start:").unwrap_or(Pos::new(1, 1)),
            format!(
                "`start` names `{}`, which is not a question or outcome",
                def.start
            ),
            did_you_mean(&def.start, all_ids.iter().copied())
                .unwrap_or_else(|| "name the id of the first question".into()),
        ));
        return;
    }
    let mut dangling = false;
    for q in &def.questions {
        if q.options.len() < 2 {
            problems.push(err(
                tree.pos_of_id(&q.id),
                format!(
                    "question `{}` has {} option(s); a question needs at least two",
                    q.id,
                    q.options.len()
                ),
                "add another option, or make the step an outcome".into(),
            ));
        }
        let mut slugs = HashSet::new();
        let q_line = tree.pos_of_id(&q.id).line;
        for c in &q.options {
            if tree.node(&c.next).is_none() {
                dangling = true;
                problems.push(err(
                    Lines::from(text, q_line)
                        .key_value("next", &c.next)
                        .unwrap_or(Pos::new(q_line, 1)),
                    format!(
                        "option `{}` of question `{}` leads to `{}`, which does not exist",
                        c.label, q.id, c.next
                    ),
                    did_you_mean(&c.next, all_ids.iter().copied())
                        .unwrap_or_else(|| "name a question or outcome id".into()),
                ));
            }
            let slug = c.slug();
            let at = match &c.slug {
                Some(s) => Lines::from(text, q_line).key_value("slug", s),
                None => Lines::from(text, q_line).key_value("label", &c.label),
            }
            .unwrap_or(Pos::new(q_line, 1));
            if let Some(s) = &c.slug
                && (s.is_empty() || slugify(s) != *s)
            {
                let better = slugify(s);
                let example = if better.is_empty() {
                    "not-yet".to_owned()
                } else {
                    better
                };
                problems.push(err(
                    at,
                    format!(
                        "the slug `{s}` of option `{}` (question `{}`) is not a URL segment",
                        c.label, q.id
                    ),
                    format!(
                        "use lowercase letters, digits and single hyphens, e.g. `slug: {example}`"
                    ),
                ));
            } else if slug.is_empty() {
                problems.push(err(
                    at,
                    format!("the label `{}` of question `{}` has no letters or digits to make its URL from", c.label, q.id),
                    "add a `slug:` to the option, e.g. `slug: other`".into(),
                ));
            } else if !slugs.insert(slug.clone()) {
                problems.push(err(
                    at,
                    format!("two options of question `{}` make the same URL `{slug}/`", q.id),
                    "an option's URL is its `slug:`, else the first four words of its label; give one of them its own `slug:`".into(),
                ));
            } else if q.id == def.start && RESERVED_SLUGS.contains(&slug.as_str()) {
                problems.push(err(
                    at,
                    format!("the first question's option `{}` makes the URL `{slug}/`, which the tree's overview page uses", c.label),
                    format!("give the option another `slug:`, e.g. `slug: {slug}-answer`"),
                ));
            }
        }
    }
    // With an id used twice, the graph below is not the tree the pages
    // would unfold (a cycle through the other node would go unseen).
    if dangling || duplicated {
        return;
    }
    // Cycles: depth-first search with colours.
    let edges: HashMap<&str, Vec<&str>> = def
        .questions
        .iter()
        .map(|q| {
            (
                q.id.as_str(),
                q.options.iter().map(|c| c.next.as_str()).collect(),
            )
        })
        .collect();
    let mut state: HashMap<&str, u8> = HashMap::new();
    let mut cycle_at: Option<(&str, &str)> = None;
    fn visit<'a>(
        n: &'a str,
        edges: &HashMap<&'a str, Vec<&'a str>>,
        state: &mut HashMap<&'a str, u8>,
        cycle: &mut Option<(&'a str, &'a str)>,
    ) {
        state.insert(n, 1);
        for &m in edges.get(n).map(Vec::as_slice).unwrap_or(&[]) {
            match state.get(m) {
                Some(1) => {
                    if cycle.is_none() {
                        *cycle = Some((n, m));
                    }
                }
                Some(_) => {}
                None => visit(m, edges, state, cycle),
            }
        }
        state.insert(n, 2);
    }
    visit(&def.start, &edges, &mut state, &mut cycle_at);
    if let Some((from, to)) = cycle_at {
        problems.push(err(
            {
                let line = tree.pos_of_id(from).line;
                Lines::from(text, line)
                    .key_value("next", to)
                    .unwrap_or(Pos::new(line, 1))
            },
            format!("the tree has a cycle: `{from}` leads back to `{to}`"),
            "a decision tree must always move forward; point the option at a later question or an outcome".into(),
        ));
        return;
    }
    for id in &all_ids {
        if !state.contains_key(id) {
            let kind = if tree.question(id).is_some() {
                "question"
            } else {
                "outcome"
            };
            problems.push(err(
                tree.pos_of_id(id),
                format!("{kind} `{id}` is never reached from the start"),
                "point an option at it, or remove it".into(),
            ));
        }
    }
    let steps = tree.steps();
    if steps.len() > MAX_STEPS {
        problems.push(err(
            Lines::all(text).find("start:").unwrap_or(Pos::new(1, 1)),
            format!("the tree unfolds into more than {MAX_STEPS} step pages"),
            "each distinct path gets its own pages; split the tree into smaller trees".into(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = "title: T\nstart: a\nquestions:\n  - id: a\n    text: A?\n    options:\n      - label: \"Yes\"\n        next: b\n      - label: \"No\"\n        next: stop\n  - id: b\n    text: B?\n    options:\n      - label: \"Yes\"\n        next: go\n      - label: \"No\"\n        next: stop\noutcomes:\n  - id: go\n    verdict: go\n    title: Go\n    body: Do it.\n  - id: stop\n    verdict: dont\n    title: Stop\n    body: Don't.\n";

    fn problems(text: &str) -> Vec<Diagnostic> {
        parse("t", Path::new("content/decisions/t.yaml"), text).1
    }

    #[test]
    fn a_valid_tree_unfolds_into_steps_and_paths() {
        let (tree, p) = parse("t", Path::new("t.yaml"), OK);
        assert!(p.is_empty(), "{p:?}");
        let tree = tree.unwrap();
        let steps = tree.steps();
        let urls: Vec<&str> = steps.iter().map(|s| s.rel_url.as_str()).collect();
        assert_eq!(urls, vec!["", "yes/", "yes/yes/", "yes/no/", "no/"]);
        let paths = tree.paths();
        assert_eq!(paths.len(), 3);
        for p in &paths {
            assert!(matches!(
                tree.node(p.last().unwrap()),
                Some(Node::Outcome(_))
            ));
        }
    }

    #[test]
    fn dangling_option_names_line() {
        let p = problems(&OK.replace("next: go", "next: goo"));
        assert_eq!(p.len(), 1, "{p:?}"); // reachability is not judged while an option dangles
        assert!(p[0].message.contains("leads to `goo`"));
        assert_eq!(p[0].pos.unwrap().line, 15);
        assert_eq!(p[0].hint.as_deref(), Some("did you mean `go`?"));
    }

    #[test]
    fn cycle_is_reported() {
        let p = problems(&OK.replace("next: go", "next: a"));
        assert!(
            p.iter()
                .any(|d| d.message.contains("cycle: `b` leads back to `a`")),
            "{p:?}"
        );
    }

    #[test]
    fn unreachable_and_too_few_options_and_duplicates() {
        let text = OK.replace(
            "      - label: \"No\"\n        next: stop\n  - id: b",
            "  - id: b",
        );
        let p = problems(&text);
        assert!(
            p.iter().any(|d| d.message.contains("has 1 option(s)")),
            "{p:?}"
        );
        let text = format!("{OK}  - id: spare\n    verdict: go\n    title: S\n    body: x\n");
        let p = problems(&text);
        assert!(
            p.iter()
                .any(|d| d.message.contains("outcome `spare` is never reached")
                    && d.pos.unwrap().line == 27),
            "{p:?}"
        );
        let text = format!("{OK}  - id: go\n    verdict: go\n    title: S\n    body: x\n");
        assert!(
            problems(&text)
                .iter()
                .any(|d| d.message.contains("duplicate node id `go`"))
        );
    }

    #[test]
    fn unreachable_question_is_reported() {
        let text = OK.replace("outcomes:", "  - id: lonely\n    text: L?\n    options:\n      - label: A\n        next: go\n      - label: B\n        next: stop\noutcomes:");
        let p = problems(&text);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].message.contains("question `lonely` is never reached"),
            "{p:?}"
        );
        assert_eq!(p[0].pos.unwrap().line, 18);
    }

    #[test]
    fn empty_file_bad_id_and_yaml_errors() {
        assert!(problems("  \n")[0].message.contains("empty"));
        let (t, p) = parse("Bad Id", Path::new("x.yaml"), OK);
        assert!(
            t.is_none() && p[0].message.contains("not a valid tree id"),
            "{p:?}"
        );
        let p = problems("title: [unclosed\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].pos.is_some());
    }

    #[test]
    fn too_many_steps_is_refused() {
        // A chain of questions whose two answers both lead on: 2^13 paths.
        let mut text = String::from("title: T\nstart: q0\nquestions:\n");
        for i in 0..13 {
            let next = if i == 12 {
                "end".to_owned()
            } else {
                format!("q{}", i + 1)
            };
            text += &format!(
                "  - id: q{i}\n    text: Q?\n    options:\n      - label: A\n        next: {next}\n      - label: B\n        next: {next}\n"
            );
        }
        text += "outcomes:\n  - id: end\n    verdict: go\n    title: E\n    body: x\n";
        let p = problems(&text);
        assert!(
            p.iter()
                .any(|d| d.message.contains("more than 5000 step pages")),
            "{p:?}"
        );
    }

    #[test]
    fn default_slug_is_the_first_four_words() {
        assert_eq!(
            default_slug("I want a specific open role on their team"),
            "i-want-a-specific"
        );
        assert_eq!(
            default_slug("We've met, or I'm already in"),
            "weve-met-or-im"
        );
        assert_eq!(default_slug("Yes"), "yes");
        assert_eq!(default_slug("Not yet"), "not-yet");
        assert_eq!(default_slug("— ?"), "");
    }

    #[test]
    fn explicit_slugs_shape_the_urls() {
        let text = OK.replacen(
            "      - label: \"Yes\"\n        next: b\n",
            "      - label: \"Yes\"\n        next: b\n        slug: y\n",
            1,
        );
        let (tree, p) = parse("t", Path::new("t.yaml"), &text);
        assert!(p.is_empty(), "{p:?}");
        let urls: Vec<String> = tree
            .unwrap()
            .steps()
            .iter()
            .map(|s| s.rel_url.clone())
            .collect();
        assert_eq!(urls, vec!["", "y/", "y/yes/", "y/no/", "no/"]);
    }

    #[test]
    fn clashing_default_slugs_point_at_the_label() {
        let text = OK.replace(
            "label: \"No\"\n        next: stop\n  - id: b",
            "label: \"Yes, but only a little\"\n        next: stop\n  - id: b",
        );
        assert!(problems(&text).is_empty(), "different first words");
        let text = OK.replace(
            "label: \"No\"\n        next: stop\n  - id: b",
            "label: \"Yes!\"\n        next: stop\n  - id: b",
        );
        let p = problems(&text);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].message
                .contains("two options of question `a` make the same URL `yes/`"),
            "{p:?}"
        );
        assert_eq!((p[0].pos.unwrap().line, p[0].pos.unwrap().col), (9, 16));
        assert!(p[0].hint.as_deref().unwrap().contains("slug:"));
        // Four equal first words clash too, and an explicit slug fixes it.
        let long = OK
            .replace(
                "\"Yes\"\n        next: b",
                "I am not sure yet\n        next: b",
            )
            .replace(
                "\"No\"\n        next: stop\n  - id: b",
                "I am not sure at all\n        next: stop\n  - id: b",
            );
        assert!(
            problems(&long)
                .iter()
                .any(|d| d.message.contains("same URL `i-am-not-sure/`"))
        );
        let fixed = long.replace(
            "I am not sure at all\n        next: stop\n",
            "I am not sure at all\n        next: stop\n        slug: unsure\n",
        );
        assert!(problems(&fixed).is_empty());
    }

    #[test]
    fn bad_explicit_slugs_and_labels() {
        let with_slug = |slug: &str| {
            OK.replacen(
                "        next: b\n",
                &format!("        next: b\n        slug: \"{slug}\"\n"),
                1,
            )
        };
        let p = problems(&with_slug("Not Yet"));
        assert!(
            p[0].message.contains("the slug `Not Yet`") && p[0].pos.unwrap().line == 9,
            "{p:?}"
        );
        assert_eq!(
            p[0].hint.as_deref(),
            Some("use lowercase letters, digits and single hyphens, e.g. `slug: not-yet`")
        );
        assert!(
            problems(&with_slug(""))
                .iter()
                .any(|d| d.message.contains("is not a URL segment"))
        );
        assert!(
            problems(&with_slug("no"))
                .iter()
                .any(|d| d.message.contains("same URL `no/`"))
        );
        let p = problems(&with_slug("map"));
        assert!(
            p[0].message
                .contains("makes the URL `map/`, which the tree's overview page uses"),
            "{p:?}"
        );
        // `map` is only reserved on the first question.
        assert!(
            problems(&OK.replacen(
                "        next: go\n",
                "        next: go\n        slug: map\n",
                1
            ))
            .is_empty()
        );
        let p = problems(&OK.replacen("label: \"Yes\"", "label: \"?!\"", 1));
        assert!(p[0].message.contains("has no letters or digits"), "{p:?}");
    }

    #[test]
    fn bad_start_and_unknown_keys() {
        let p = problems(&OK.replace("start: a", "start: aa"));
        assert!(p[0].message.contains("`start` names `aa`"));
        let p = problems(&OK.replace("title: T", "titel: T"));
        assert_eq!(p[0].hint.as_deref(), Some("did you mean `title`?"));
    }
}
