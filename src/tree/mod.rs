//! Decision trees: YAML with questions and outcomes, validated at build time
//! (dangling options, unreachable nodes, cycles, too few options, duplicate
//! ids) and unfolded into one static page per step, so each step is a real
//! URL that works with JavaScript off. The answers so far are the URL's path:
//! one segment per answer, the option's `slug` (by default the first four
//! words of its label), so `/decide/should-i-message/yes/not-yet/`.
//!
//! This module holds the file's types, [`parse`] and the unfolding into
//! steps; `validate` holds the checks, and [`svg`] draws the tree's map.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Pos};
use crate::locate::{Lines, is_valid_id};
use crate::text::slugify;

pub mod svg;
mod translate;
mod validate;

pub use translate::same_shape;

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
    /// The theme string of its label (`tree_verdict_go`).
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Go => "tree_verdict_go",
            Verdict::Wait => "tree_verdict_wait",
            Verdict::Dont => "tree_verdict_dont",
            Verdict::OtherRoute => "tree_verdict_other_route",
        }
    }

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

/// A parsed tree with what messages about it need: its file and text.
#[derive(Debug, Clone)]
pub struct Tree {
    /// From the file name: the tree's URL is `/decide/<id>/`.
    pub id: String,
    pub file: PathBuf,
    /// The file's text, to place messages.
    pub text: String,
    pub def: TreeFile,
    /// In a translation: the default language's tree, shown because this
    /// language has not translated it yet.
    pub fallback: bool,
    /// [`Tree::steps`], unfolded once: every step page's job asks for it.
    steps: OnceLock<Vec<Step>>,
}

impl Tree {
    /// This tree standing in, in a translation, for the translation it
    /// does not have yet.
    pub fn stand_in(&self) -> Tree {
        Tree {
            fallback: true,
            ..self.clone()
        }
    }

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
    if !is_valid_id(id) {
        let problem = Diagnostic::new(path, format!("`{id}` is not a valid tree id"))
            .hint("name the file with lowercase letters, digits and hyphens, e.g. `should-i-message.yaml`");
        return (None, vec![problem]);
    }
    if text.trim().is_empty() {
        let problem = Diagnostic::new(path, "the decision tree file is empty")
            .at(Pos::new(1, 1))
            .hint("see docs/writing-content.md#decision-trees");
        return (None, vec![problem]);
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
        fallback: false,
        steps: OnceLock::new(),
    };
    let problems = validate::problems(&tree);
    (Some(tree), problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) const OK: &str = "title: T\nstart: a\nquestions:\n  - id: a\n    text: A?\n    options:\n      - label: \"Yes\"\n        next: b\n      - label: \"No\"\n        next: stop\n  - id: b\n    text: B?\n    options:\n      - label: \"Yes\"\n        next: go\n      - label: \"No\"\n        next: stop\noutcomes:\n  - id: go\n    verdict: go\n    title: Go\n    body: Do it.\n  - id: stop\n    verdict: dont\n    title: Stop\n    body: Don't.\n";

    pub(super) fn problems(text: &str) -> Vec<Diagnostic> {
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
    fn bad_start_and_unknown_keys() {
        let p = problems(&OK.replace("start: a", "start: aa"));
        assert!(p[0].message.contains("`start` names `aa`"));
        let p = problems(&OK.replace("title: T", "titel: T"));
        assert_eq!(p[0].hint.as_deref(), Some("did you mean `title`?"));
    }
}
