//! Shortcodes in page bodies: `{{ case(id="blank-request") }}` and the like.
//! The Markdown pass leaves a numbered marker for each; here each is
//! rendered by its theme template (`shortcodes/NAME.html`) and put in place.

use std::sync::Arc;

use serde::Serialize;
use tera::Context;

use super::Renderer;
use super::context::TreeStart;
use crate::data::Kind;
use crate::diagnostics::{Code, Diagnostic, Problem, did_you_mean};
use crate::markdown::{ArgValue, SHORTCODE_PREFIX, Shortcode};
use crate::site::{Page, RecordView};

/// What a built-in shortcode embeds.
#[derive(Serialize)]
#[serde(untagged)]
enum Embed<'a> {
    Record(RecordView<'a>),
    Tree(TreeStart<'a>),
}

impl Renderer<'_> {
    /// Renders a page's Markdown body with its shortcodes expanded.
    pub(super) fn page_content(&self, page: &Page) -> Result<Arc<String>, Vec<Diagnostic>> {
        // Each page's body is shown by exactly one job (a section's by its
        // first page), which takes it.
        let i = self.site.by_path.get(&page.path).copied();
        let body = i
            .and_then(|i| self.bodies.0[i].lock().ok()?.take())
            .ok_or_else(|| {
                vec![Diagnostic::new(
                    Code::Internal,
                    &page.file,
                    "internal error: the page's body was rendered twice",
                )]
            })?;
        let i = i.unwrap_or_default();
        let (html, text) = self.body(i, body).map_err(|d| vec![d])?;
        if page.rendered.shortcodes.is_empty() {
            // No markers to replace (only those of extracted shortcodes get
            // through the Markdown pass): the HTML is the content as it is.
            return Ok(html);
        }
        let mut problems = Vec::new();
        // A problem's line and caret come from the file's text: read again
        // if the body was read back without it.
        let cell = std::cell::OnceCell::new();
        let text = || match &text {
            Some(text) => text.as_str(),
            None => cell.get_or_init(|| self.source(i, String::new()).unwrap_or_default()),
        };
        let rendered: Vec<String> = page
            .rendered
            .shortcodes
            .iter()
            .map(|sc| {
                self.shortcode(sc).unwrap_or_else(|problem| {
                    problems.push(problem.in_file(&page.file).at_in(sc.pos, text()));
                    String::new()
                })
            })
            .collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Arc::new(replace_markers(&html, &rendered)))
    }

    fn shortcode(&self, sc: &Shortcode) -> Result<String, Problem> {
        let tera = &self.tera;
        let template = format!("shortcodes/{}.html", sc.name);
        if !tera.contains_template(&template) {
            let known: Vec<&str> = tera
                .get_template_names()
                .filter_map(|n| n.strip_prefix("shortcodes/")?.strip_suffix(".html"))
                .collect();
            let hint = did_you_mean(&sc.name, known.iter().copied())
                .unwrap_or_else(|| format!("the shortcodes are: {}", known.join(", ")));
            return Err(Problem::new(
                Code::ShortcodeUnknown,
                format!("unknown shortcode `{}`", sc.name),
            )
            .hint(hint));
        }
        if sc.name == "checker" && self.site.data.checks.is_empty() {
            return Err(
                Problem::new(Code::ShortcodeNoRules, "the message checker has no rules")
                    .hint("add rules to content/data/checks.yaml (see docs/writing-content.md)"),
            );
        }
        let mut ctx = Context::new();
        match self.embedded(sc)? {
            Some(None) => return Ok(String::new()), // a broken tree, reported where it is defined
            Some(Some(embed)) => ctx.insert("record", &embed),
            None => {}
        }
        let args: serde_json::Map<String, serde_json::Value> = sc
            .args
            .iter()
            .map(|(k, v)| {
                let v = match v {
                    ArgValue::Str(s) => s.as_str().into(),
                    ArgValue::Int(i) => (*i).into(),
                    ArgValue::Bool(b) => (*b).into(),
                };
                (k.clone(), v)
            })
            .collect();
        ctx.insert("args", &args);
        tera.render(&template, &ctx).map_err(|e| {
            Problem::new(
                Code::ShortcodeFailed,
                format!(
                    "shortcode `{}` failed to render: {}",
                    sc.name,
                    super::tera_message(&e)
                ),
            )
        })
    }

    /// What a built-in data shortcode embeds, checked by id: `None` for a
    /// shortcode that embeds nothing, `Some(None)` for a tree that failed
    /// validation (already reported).
    fn embedded(&self, sc: &Shortcode) -> Result<Option<Option<Embed<'_>>>, Problem> {
        let kind = match sc.name.as_str() {
            "tree" => None,
            name => match Kind::from_singular(name) {
                Some(k) => Some(k),
                None => return Ok(None),
            },
        };
        let id = sc.args.get("id").and_then(|v| v.as_str()).ok_or_else(|| {
            Problem::new(
                Code::ShortcodeMissingId,
                format!("shortcode `{}` needs an `id`", sc.name),
            )
            .hint(format!("write {{{{ {}(id=\"...\") }}}}", sc.name))
        })?;
        let Some(k) = kind else {
            return self.embedded_tree(id).map(Some);
        };
        match self.site.views.get(k, id) {
            Some(view) => Ok(Some(Some(Embed::Record(view)))),
            None => Err(Problem::new(
                Code::LinkUnknownRecord,
                format!("there is no {} with the id `{id}`", k.singular()),
            )
            .hint(did_you_mean(id, self.site.data.ids(k)).unwrap_or_else(|| {
                format!("the {} are in content/data/{}.yaml", k.name(), k.name())
            }))),
        }
    }

    fn embedded_tree(&self, id: &str) -> Result<Option<Embed<'_>>, Problem> {
        if self.site.broken_trees.iter().any(|b| b == id) {
            return Ok(None);
        }
        let trees = &self.site.trees;
        match trees.iter().position(|t| t.id == id) {
            Some(t) => Ok(Some(Embed::Tree(self.tree_start(t)))),
            None => Err(Problem::new(
                Code::LinkUnknownTree,
                format!("there is no decision tree `{id}`"),
            )
            .hint(
                did_you_mean(id, trees.iter().map(|t| t.id.as_str()))
                    .unwrap_or_else(|| "trees live in content/decisions/ID.yaml".into()),
            )),
        }
    }
}

/// The body's HTML with marker `n` replaced by `rendered[n]`, in one pass
/// however many shortcodes the page has.
fn replace_markers(html: &str, rendered: &[String]) -> String {
    let mut out =
        String::with_capacity(html.len() + rendered.iter().map(String::len).sum::<usize>());
    let mut rest = html;
    while let Some(start) = rest.find(SHORTCODE_PREFIX) {
        let after = &rest[start + SHORTCODE_PREFIX.len()..];
        let Some(end) = after.find("-->") else { break };
        out.push_str(&rest[..start]);
        match after[..end]
            .parse::<usize>()
            .ok()
            .and_then(|n| rendered.get(n))
        {
            Some(sc) => out.push_str(sc),
            None => out.push_str(&rest[start..start + SHORTCODE_PREFIX.len() + end + 3]),
        }
        rest = &after[end + 3..];
    }
    out.push_str(rest);
    out
}
