//! The checks on a parsed tree that serde cannot make: unique ids, a
//! `start` that exists, at least two options per question, options that
//! lead somewhere and make distinct URL segments, no cycles, every node
//! reached, and a bounded number of step pages.
//!
//! They run in an order where each check can trust the ones before it: a
//! missing `start` stops everything; while an option dangles or an id is
//! used twice, the graph is not the tree the pages would unfold, so the
//! cycle search waits; and reachability and size are judged only without a
//! cycle, because only then does the unfolding end.

use std::collections::{HashMap, HashSet};

use crate::diagnostics::{Diagnostic, Pos, Problem, did_you_mean};
use crate::locate::Lines;
use crate::text::slugify;

use super::{Choice, MAX_STEPS, Question, RESERVED_SLUGS, Tree, TreeFile};

/// Every problem of `tree`, in the order of the checks and, within one,
/// of the file.
pub(super) fn problems(tree: &Tree) -> Vec<Diagnostic> {
    let mut check = Checker::new(tree);
    let duplicated = check.duplicate_ids();
    if !check.start_exists() {
        return check.problems;
    }
    let mut dangling = false;
    for q in &tree.def.questions {
        dangling |= check.question(q);
    }
    // With an id used twice, the graph below is not the tree the pages
    // would unfold (a cycle through the other node would go unseen).
    if dangling || duplicated {
        return check.problems;
    }
    let walk = Walk::from_start(&tree.def);
    if let Some((from, to)) = walk.back_edge {
        check.cycle(from, to);
        return check.problems;
    }
    check.unreached(&walk);
    check.step_count();
    check.problems
}

/// A tree being checked and the problems found so far.
struct Checker<'t> {
    tree: &'t Tree,
    /// Every question id, then every outcome id, as written (duplicates too).
    ids: Vec<&'t str>,
    problems: Vec<Diagnostic>,
}

impl<'t> Checker<'t> {
    fn new(tree: &'t Tree) -> Self {
        let ids = (tree.def.questions.iter().map(|q| q.id.as_str()))
            .chain(tree.def.outcomes.iter().map(|o| o.id.as_str()))
            .collect();
        Checker {
            tree,
            ids,
            problems: Vec::new(),
        }
    }

    fn report(&mut self, pos: Pos, problem: Problem) {
        let tree = self.tree;
        self.problems
            .push(problem.in_file(&tree.file).at_in(pos, &tree.text));
    }

    /// `did you mean` one of the tree's ids, else `otherwise`.
    fn suggest(&self, given: &str, otherwise: &str) -> String {
        did_you_mean(given, self.ids.iter().copied()).unwrap_or_else(|| otherwise.into())
    }

    /// Where `start:` is written.
    fn start_pos(&self) -> Pos {
        Lines::all(&self.tree.text)
            .find("start:")
            .unwrap_or(Pos::new(1, 1))
    }

    /// The lines of question `id` and after: where its options are written.
    fn lines_of_question(&self, id: &str) -> Lines<'t> {
        Lines::from(&self.tree.text, self.tree.pos_of_id(id).line)
    }

    /// Reports every id written a second time; true if there is one.
    fn duplicate_ids(&mut self) -> bool {
        let mut seen: HashSet<&str> = HashSet::new();
        let mut duplicated = false;
        for id in self.ids.clone() {
            if !seen.insert(id) {
                duplicated = true;
                self.report(
                    self.tree.pos_of_id(id),
                    Problem::new(format!("duplicate node id `{id}`"))
                        .hint("questions and outcomes share one set of ids; rename one"),
                );
            }
        }
        duplicated
    }

    /// Reports a `start` that names no node; true if it names one.
    fn start_exists(&mut self) -> bool {
        let start = &self.tree.def.start;
        if self.tree.node(start).is_some() {
            return true;
        }
        self.report(
            self.start_pos(),
            Problem::new(format!(
                "`start` names `{start}`, which is not a question or outcome"
            ))
            .hint(self.suggest(start, "name the id of the first question")),
        );
        false
    }

    /// Checks a question and its options; true if an option dangles.
    fn question(&mut self, q: &Question) -> bool {
        if q.options.len() < 2 {
            self.report(
                self.tree.pos_of_id(&q.id),
                Problem::new(format!(
                    "question `{}` has {} option(s); a question needs at least two",
                    q.id,
                    q.options.len()
                ))
                .hint("add another option, or make the step an outcome"),
            );
        }
        let lines = self.lines_of_question(&q.id);
        let mut urls = HashSet::new();
        let mut dangling = false;
        for c in &q.options {
            dangling |= self.leads_nowhere(q, c, lines);
            self.option_url(q, c, lines, &mut urls);
        }
        dangling
    }

    /// Reports an option whose `next` names no node; true if so.
    fn leads_nowhere(&mut self, q: &Question, c: &Choice, lines: Lines) -> bool {
        if self.tree.node(&c.next).is_some() {
            return false;
        }
        self.report(
            lines.key_value("next", &c.next).unwrap_or(lines.start()),
            Problem::new(format!(
                "option `{}` of question `{}` leads to `{}`, which does not exist",
                c.label, q.id, c.next
            ))
            .hint(self.suggest(&c.next, "name a question or outcome id")),
        );
        true
    }

    /// Reports the first problem with the URL segment an option makes;
    /// `urls` holds the segments of the question's options before it.
    fn option_url(&mut self, q: &Question, c: &Choice, lines: Lines, urls: &mut HashSet<String>) {
        let first_question = q.id == self.tree.def.start;
        let Some(problem) = url_problem(q, c, first_question, urls) else {
            return;
        };
        let at = match &c.slug {
            Some(s) => lines.key_value("slug", s),
            None => lines.key_value("label", &c.label),
        }
        .unwrap_or(lines.start());
        self.report(at, problem);
    }

    /// Reports the option by which `from` leads back to `to`.
    fn cycle(&mut self, from: &str, to: &str) {
        let lines = self.lines_of_question(from);
        self.report(
            lines.key_value("next", to).unwrap_or(lines.start()),
            Problem::new(format!("the tree has a cycle: `{from}` leads back to `{to}`"))
                .hint("a decision tree must always move forward; point the option at a later question or an outcome"),
        );
    }

    /// Reports every node the walk from the start did not reach.
    fn unreached(&mut self, walk: &Walk) {
        for id in self.ids.clone() {
            if walk.reached(id) {
                continue;
            }
            let kind = if self.tree.question(id).is_some() {
                "question"
            } else {
                "outcome"
            };
            self.report(
                self.tree.pos_of_id(id),
                Problem::new(format!("{kind} `{id}` is never reached from the start"))
                    .hint("point an option at it, or remove it"),
            );
        }
    }

    /// Reports a tree that unfolds into more than [`MAX_STEPS`] pages.
    fn step_count(&mut self) {
        if self.tree.steps().len() > MAX_STEPS {
            self.report(
                self.start_pos(),
                Problem::new(format!(
                    "the tree unfolds into more than {MAX_STEPS} step pages"
                ))
                .hint("each distinct path gets its own pages; split the tree into smaller trees"),
            );
        }
    }
}

/// What is wrong with the URL segment option `c` of `q` makes, if anything:
/// a written `slug:` that is not a segment, a label with nothing to make
/// one from, a segment an earlier option (in `urls`) makes too, or, on the
/// first question, a segment the tree's own pages use.
fn url_problem(
    q: &Question,
    c: &Choice,
    first_question: bool,
    urls: &mut HashSet<String>,
) -> Option<Problem> {
    let slug = c.slug();
    if let Some(s) = &c.slug
        && (s.is_empty() || slugify(s) != *s)
    {
        let better = slugify(s);
        let example = if better.is_empty() {
            "not-yet".to_owned()
        } else {
            better
        };
        Some(
            Problem::new(format!(
                "the slug `{s}` of option `{}` (question `{}`) is not a URL segment",
                c.label, q.id
            ))
            .hint(format!(
                "use lowercase letters, digits and single hyphens, e.g. `slug: {example}`"
            )),
        )
    } else if slug.is_empty() {
        Some(
            Problem::new(format!(
                "the label `{}` of question `{}` has no letters or digits to make its URL from",
                c.label, q.id
            ))
            .hint("add a `slug:` to the option, e.g. `slug: other`"),
        )
    } else if !urls.insert(slug.clone()) {
        Some(
            Problem::new(format!("two options of question `{}` make the same URL `{slug}/`", q.id))
                .hint("an option's URL is its `slug:`, else the first four words of its label; give one of them its own `slug:`"),
        )
    } else if first_question && RESERVED_SLUGS.contains(&slug.as_str()) {
        Some(
            Problem::new(format!("the first question's option `{}` makes the URL `{slug}/`, which the tree's overview page uses", c.label))
                .hint(format!("give the option another `slug:`, e.g. `slug: {slug}-answer`")),
        )
    } else {
        None
    }
}

/// A node's state in the depth-first walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// On the path from the start to the node being visited.
    OnPath,
    /// Visited, with everything below it.
    Done,
}

/// A depth-first walk from the start along the options: the nodes it
/// reaches, and the first option it finds that leads back onto its own
/// path (a cycle).
struct Walk<'t> {
    marks: HashMap<&'t str, Mark>,
    /// (question, node on the path) of the first such option.
    back_edge: Option<(&'t str, &'t str)>,
}

impl<'t> Walk<'t> {
    fn from_start(def: &'t TreeFile) -> Self {
        let next: HashMap<&str, Vec<&str>> = def
            .questions
            .iter()
            .map(|q| {
                (
                    q.id.as_str(),
                    q.options.iter().map(|c| c.next.as_str()).collect(),
                )
            })
            .collect();
        let mut walk = Walk {
            marks: HashMap::new(),
            back_edge: None,
        };
        walk.visit(&def.start, &next);
        walk
    }

    fn visit(&mut self, node: &'t str, next: &HashMap<&'t str, Vec<&'t str>>) {
        self.marks.insert(node, Mark::OnPath);
        for &m in next.get(node).map(Vec::as_slice).unwrap_or(&[]) {
            match self.marks.get(m) {
                Some(Mark::OnPath) => {
                    if self.back_edge.is_none() {
                        self.back_edge = Some((node, m));
                    }
                }
                Some(Mark::Done) => {}
                None => self.visit(m, next),
            }
        }
        self.marks.insert(node, Mark::Done);
    }

    fn reached(&self, id: &str) -> bool {
        self.marks.contains_key(id)
    }
}

#[cfg(test)]
mod tests {
    use crate::tree::tests::{OK, problems};

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
}
