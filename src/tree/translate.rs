//! A translated tree must be its original in other words: the same
//! questions and outcomes, the same options in the same order leading to
//! the same places, the same verdicts (#18). Then its step pages stand for
//! the original's one for one, and a reader who switches language mid-way
//! lands on the same question.

use crate::diagnostics::{Diagnostic, Pos};
use crate::locate::Lines;

use super::Tree;

/// What differs between `translated` and its `original`, each at the
/// place in the translation that differs.
pub fn same_shape(translated: &Tree, original: &Tree) -> Vec<Diagnostic> {
    let t = &translated.def;
    let o = &original.def;
    let text = &translated.text;
    let mut problems = Vec::new();
    let mut differs = |pos: Pos, message: String| {
        problems.push(
            Diagnostic::new(&translated.file, message)
                .at_in(pos, text)
                .hint(format!(
                    "a translated tree has the structure of {}: only its words change",
                    original.file.display()
                )),
        );
    };
    let at_id = |id: &str| {
        Lines::all(text)
            .key_value("id", id)
            .unwrap_or(Pos::new(1, 1))
    };
    if t.start != o.start {
        let pos = Lines::all(text).find("start:").unwrap_or(Pos::new(1, 1));
        differs(
            pos,
            format!(
                "the translation starts at `{}`, the original at `{}`",
                t.start, o.start
            ),
        );
    }
    let t_ids: Vec<&str> = t
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .chain(t.outcomes.iter().map(|x| x.id.as_str()))
        .collect();
    let o_ids: Vec<&str> = o
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .chain(o.outcomes.iter().map(|x| x.id.as_str()))
        .collect();
    for id in o_ids.iter().filter(|id| !t_ids.contains(id)) {
        differs(
            Pos::new(1, 1),
            format!("the translation has no `{id}`, which the original has"),
        );
    }
    for id in t_ids.iter().filter(|id| !o_ids.contains(id)) {
        differs(at_id(id), format!("`{id}` is not in the original tree"));
    }
    for q in &t.questions {
        let Some(oq) = o.questions.iter().find(|x| x.id == q.id) else {
            continue;
        };
        let nexts: Vec<&str> = q.options.iter().map(|c| c.next.as_str()).collect();
        let o_nexts: Vec<&str> = oq.options.iter().map(|c| c.next.as_str()).collect();
        if nexts != o_nexts {
            differs(
                at_id(&q.id),
                format!(
                    "the options of `{}` lead to {} here and to {} in the original",
                    q.id,
                    nexts.join(", "),
                    o_nexts.join(", ")
                ),
            );
        }
    }
    for x in &t.outcomes {
        if let Some(ox) = o.outcomes.iter().find(|y| y.id == x.id)
            && ox.verdict != x.verdict
        {
            differs(
                at_id(&x.id),
                format!("`{}` has another verdict than in the original", x.id),
            );
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::tree::parse;

    const EN: &str = "title: T\nstart: a\nquestions:\n  - id: a\n    text: A?\n    options:\n      - label: \"Yes\"\n        next: go\n      - label: \"No\"\n        next: stop\noutcomes:\n  - id: go\n    verdict: go\n    title: Go\n    body: Do it.\n  - id: stop\n    verdict: dont\n    title: Stop\n    body: Don't.\n";

    fn tree(text: &str) -> Tree {
        let (t, p) = parse("t", Path::new("content/es/decisions/t.yaml"), text);
        assert!(p.is_empty(), "{p:?}");
        t.unwrap()
    }

    #[test]
    fn words_may_change_the_shape_may_not() {
        let en = tree(EN);
        let es = EN
            .replace("A?", "¿A?")
            .replace("\"Yes\"", "\"Sí\"")
            .replace("Do it.", "Hazlo.");
        assert!(same_shape(&tree(&es), &en).is_empty());
        let swapped = EN.replace(
            "next: go\n      - label: \"No\"\n        next: stop",
            "next: stop\n      - label: \"No\"\n        next: go",
        );
        let p = same_shape(&tree(&swapped), &en);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].message
                .contains("lead to stop, go here and to go, stop"),
            "{}",
            p[0].message
        );
        assert_eq!(p[0].pos, Some(Pos::new(4, 9)));
        let verdict = EN.replace("verdict: dont", "verdict: wait");
        assert!(
            same_shape(&tree(&verdict), &en)[0]
                .message
                .contains("another verdict")
        );
    }
}
