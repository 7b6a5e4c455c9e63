//! What templates see of a decision tree beyond its YAML: the intro,
//! questions' help and outcomes' bodies as HTML, and each outcome's links
//! resolved, with the title of what they point at.

use std::collections::HashMap;

use serde::Serialize;

use super::Links;
use crate::diagnostics::{Diagnostic, Pos};
use crate::locate::Lines;
use crate::markdown::{self, Resolve};
use crate::tree::Tree;

/// A link from a tree's outcome, with the title of what it points at.
#[derive(Debug, Clone, Serialize)]
pub struct OutcomeLink {
    pub title: String,
    pub url: String,
    /// `guide`, or the record kind's singular (`case`, `template`, …).
    pub kind: String,
}

/// A tree's Markdown as HTML and its outcomes' links resolved.
#[derive(Debug, Clone, Default)]
pub struct TreeView {
    pub intro: String,
    /// Question id → help.
    pub help: HashMap<String, String>,
    /// Outcome id → body.
    pub bodies: HashMap<String, String>,
    /// Outcome id → links.
    pub links: HashMap<String, Vec<OutcomeLink>>,
}

/// Renders a tree's Markdown fields and resolves its outcomes' links.
pub fn tree_view(
    tree: &Tree,
    links: &Links,
    titles: &dyn Fn(&str) -> Option<String>,
    problems: &mut Vec<Diagnostic>,
    external: &mut Vec<super::ExternalUse>,
) -> TreeView {
    let text = &tree.text;
    let mut md = |source: &str| -> String {
        let near = source.lines().next().unwrap_or("").trim();
        let pos = Lines::all(text).find(near).unwrap_or(Pos::new(1, 1));
        let (html, mut probs, refs) = markdown::render_field(source, &tree.file, pos, text, links);
        problems.append(&mut probs);
        if !tree.fallback {
            let lines = (pos.line, usize::MAX);
            external.extend(super::ExternalUse::all_in_field(
                &tree.file, text, lines, &refs,
            ));
        }
        html
    };
    let mut view = TreeView {
        intro: md(&tree.def.intro),
        ..TreeView::default()
    };
    for q in &tree.def.questions {
        if let Some(h) = &q.help {
            view.help.insert(q.id.clone(), md(h));
        }
    }
    for o in &tree.def.outcomes {
        view.bodies.insert(o.id.clone(), md(&o.body));
    }
    for o in &tree.def.outcomes {
        let mut resolved = Vec::new();
        for target in &o.links {
            match links.resolve(target) {
                Ok(url) => resolved.push(OutcomeLink {
                    title: titles(target).unwrap_or_else(|| target.clone()),
                    url,
                    kind: link_kind(target).to_owned(),
                }),
                Err(problem) => {
                    let pos = Lines::all(text).find(target).unwrap_or(Pos::new(1, 1));
                    problems.push(problem.in_file(&tree.file).at_in(pos, text));
                }
            }
        }
        view.links.insert(o.id.clone(), resolved);
    }
    view
}

/// What an `@` link points at: `guide` for a page, else the record kind.
fn link_kind(target: &str) -> &str {
    if target.starts_with("@/") {
        "guide"
    } else {
        target
            .get(1..)
            .and_then(|t| t.split_once(':'))
            .map_or("page", |(k, _)| k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_kinds() {
        assert_eq!(link_kind("@/guides/a.md#x"), "guide");
        assert_eq!(link_kind("@case:blank"), "case");
        assert_eq!(link_kind("@nothing"), "page");
    }
}
