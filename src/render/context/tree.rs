//! Decision trees: one page per step, the map page, the `tree` shortcode's
//! first question, and `tree.json` for the in-place stepper.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Crumb, Ctx, Same, index_file};
use crate::artifact::OutputFile;
use crate::config::SiteConfig;
use crate::render::Renderer;
use crate::site::OutcomeLink;
use crate::site::urls::tree_url;
use crate::tree::{Node, Outcome, Question, Tree, Verdict};

/// An answer to choose: its label and the step it leads to.
#[derive(Serialize)]
struct OptionLink<'a> {
    label: &'a str,
    url: String,
}

/// A question with its options.
#[derive(Serialize)]
struct QuestionView<'a> {
    id: &'a str,
    text: &'a str,
    options: Vec<OptionLink<'a>>,
}

/// A tree's first question, as the `tree` shortcode shows it.
#[derive(Serialize)]
pub(in crate::render) struct TreeStart<'a> {
    id: &'a str,
    title: &'a str,
    url: String,
    intro: &'a str,
    question: Option<QuestionView<'a>>,
    map_url: String,
}

/// The tree a step page belongs to.
#[derive(Serialize)]
struct TreeHead<'a> {
    id: &'a str,
    title: &'a str,
    url: String,
    intro: &'a str,
    map_url: String,
    data_url: String,
}

/// What a step page shows: a question to answer or an outcome.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum StepNode<'a> {
    Question {
        id: &'a str,
        text: &'a str,
        help: Option<&'a str>,
        options: Vec<OptionLink<'a>>,
    },
    Outcome {
        id: &'a str,
        verdict: Verdict,
        verdict_label: &'a str,
        title: &'a str,
        body: Option<&'a str>,
        links: Option<&'a [OutcomeLink]>,
    },
}

/// An answer given on the way to a step, with a link back to change it.
#[derive(Serialize)]
struct Answer<'a> {
    question: &'a str,
    answer: &'a str,
    change_url: String,
}

#[derive(Serialize)]
struct StepView<'a> {
    is_start: bool,
    node: Option<StepNode<'a>>,
    answers: Vec<Answer<'a>>,
    path: &'a str,
    back_url: Option<String>,
}

/// One node of the map page's nested outline; a node reached twice is
/// linked, not repeated.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum OutlineNode<'a> {
    Question {
        id: &'a str,
        text: &'a str,
        url: String,
        options: Vec<OutlineOption<'a>>,
        repeat: bool,
    },
    Outcome {
        id: &'a str,
        text: &'a str,
        verdict: Verdict,
        verdict_label: &'a str,
        url: String,
    },
}

#[derive(Serialize)]
struct OutlineOption<'a> {
    label: &'a str,
    child: Option<OutlineNode<'a>>,
}

#[derive(Serialize)]
struct MapView<'a> {
    id: &'a str,
    title: &'a str,
    url: String,
    outline: Option<OutlineNode<'a>>,
    svg: String,
}

/// `tree.json`. Fields are in the order the file has them (alphabetical);
/// see [`Renderer::tree_data`].
#[derive(Serialize)]
struct TreeData<'a> {
    intro: &'a str,
    map: String,
    nodes: BTreeMap<&'a str, NodeData<'a>>,
    site: &'a str,
    steps: BTreeMap<String, &'a str>,
    title: &'a str,
    url: String,
}

#[derive(Serialize)]
#[serde(untagged)]
enum NodeData<'a> {
    Question {
        #[serde(skip_serializing_if = "Option::is_none")]
        h: Option<&'a str>,
        o: Vec<(&'a str, String)>,
        q: &'a str,
    },
    Outcome {
        b: Option<&'a str>,
        l: Vec<(&'a str, &'a str, &'a str)>,
        t: &'a str,
        v: Verdict,
        vl: &'a str,
    },
}

fn options<'a>(q: &'a Question, c: &SiteConfig, at: &str) -> Vec<OptionLink<'a>> {
    q.options
        .iter()
        .map(|o| OptionLink {
            label: &o.label,
            url: c.link(&format!("{at}{}/", o.slug())),
        })
        .collect()
}

impl<'a> Renderer<'a> {
    /// The first question of a tree, for the `tree` shortcode.
    pub(in crate::render) fn tree_start(&self, t: usize) -> TreeStart<'a> {
        let tree: &'a Tree = &self.site.trees[t];
        let c = &self.site.config;
        let base = tree_url(&tree.id);
        TreeStart {
            id: &tree.id,
            title: &tree.def.title,
            url: c.link(&base),
            intro: &self.site.tree_views[t].intro,
            question: tree.question(&tree.def.start).map(|q| QuestionView {
                id: &q.id,
                text: &q.text,
                options: options(q, c, &base),
            }),
            map_url: c.link(&format!("{base}map/")),
        }
    }

    fn step_node(&self, t: usize, id: &str, path: &str) -> Option<StepNode<'a>> {
        let tree: &'a Tree = &self.site.trees[t];
        let view = &self.site.tree_views[t];
        Some(match tree.node(id)? {
            Node::Question(q) => StepNode::Question {
                id: &q.id,
                text: &q.text,
                help: view.help.get(&q.id).map(String::as_str),
                options: options(q, &self.site.config, path),
            },
            Node::Outcome(o) => StepNode::Outcome {
                id: &o.id,
                verdict: o.verdict,
                verdict_label: self.word(o.verdict.key()),
                title: &o.title,
                body: view.bodies.get(&o.id).map(String::as_str),
                links: view.links.get(&o.id).map(Vec::as_slice),
            },
        })
    }

    pub(super) fn tree_step(&self, t: usize, s: usize) -> Ctx<'a> {
        let tree: &'a Tree = &self.site.trees[t];
        let c = &self.site.config;
        let step = &tree.steps()[s];
        let base = tree_url(&tree.id);
        let path = format!("{base}{}", step.rel_url);
        // Answers so far, each with a link back to the step that asked it.
        let segments: Vec<&str> = step.rel_url.split('/').filter(|x| !x.is_empty()).collect();
        let answers: Vec<Answer> = step
            .answers
            .iter()
            .enumerate()
            .filter_map(|(k, (qid, opt))| {
                let q = tree.question(qid)?;
                let change: String = segments[..k].iter().map(|s| format!("{s}/")).collect();
                Some(Answer {
                    question: &q.text,
                    answer: &q.options[*opt].label,
                    change_url: c.link(&format!("{base}{change}")),
                })
            })
            .collect();
        let node = self.step_node(t, &step.node, &path);
        let heading = match &node {
            Some(StepNode::Question { text, .. }) => text,
            Some(StepNode::Outcome { title, .. }) => title,
            None => tree.def.title.as_str(),
        };
        let title = if s == 0 {
            tree.def.title.clone()
        } else {
            format!("{heading} – {}", tree.def.title)
        };
        let mut ctx = self.base_ctx(
            &title,
            &self.words("tree_step_description", None, &[("title", &tree.def.title)]),
            &path,
            vec![Crumb::here(tree.def.title.clone(), base.clone())],
            &Same::TreeStep(&tree.id, s),
        );
        ctx.insert("tree", self.tree_head(t));
        ctx.insert("edit_url", self.edit_url(&tree.file));
        let back_url = answers.last().map(|a| a.change_url.clone());
        let view = StepView {
            is_start: s == 0,
            node,
            answers,
            path: &step.rel_url,
            back_url,
        };
        ctx.insert("step", view);
        if s != 0 {
            ctx.insert("noindex", true);
        }
        (index_file(&path), "decide.html", ctx)
    }

    fn tree_head(&self, t: usize) -> TreeHead<'a> {
        let tree: &'a Tree = &self.site.trees[t];
        let c = &self.site.config;
        let base = tree_url(&tree.id);
        TreeHead {
            id: &tree.id,
            title: &tree.def.title,
            url: c.link(&base),
            intro: &self.site.tree_views[t].intro,
            map_url: c.link(&format!("{base}map/")),
            data_url: c.link(&format!("{base}tree.json")),
        }
    }

    /// `decide/<id>/tree.json`: everything tree.js needs to step in place,
    /// kept compact because a reader on a slow phone downloads it.
    ///
    /// - `steps`: each step page's URL (with the site's base path, exactly
    ///   as the static pages) → the id of the node it shows;
    /// - `nodes`: a question is `{"q": text, "h": help HTML, "o": [[label,
    ///   slug], ...]}`, where an option's next step URL is the current step
    ///   URL + slug + `/`; an outcome is `{"v": verdict, "vl": verdict label,
    ///   "t": title, "b": body HTML, "l": [[kind, title, url], ...]}`;
    /// - `title`, `site` (site title), `url` (the start), `map`, `intro` (HTML).
    ///
    /// Texts are inserted by the script as text. The HTML fields (`intro`,
    /// `h`, `b`) come from our own Markdown renderer, which always escapes raw
    /// HTML in data fields (`markdown::render_field`), so the script may set
    /// them with innerHTML.
    pub(in crate::render) fn tree_data(&self, t: usize) -> OutputFile {
        let tree: &'a Tree = &self.site.trees[t];
        let c = &self.site.config;
        let view = &self.site.tree_views[t];
        let base = tree_url(&tree.id);
        let mut nodes = BTreeMap::new();
        for q in &tree.def.questions {
            let o = q
                .options
                .iter()
                .map(|o| (o.label.as_str(), o.slug()))
                .collect();
            let h = view.help.get(&q.id).map(String::as_str);
            nodes.insert(q.id.as_str(), NodeData::Question { h, o, q: &q.text });
        }
        for o in &tree.def.outcomes {
            nodes.insert(
                o.id.as_str(),
                outcome_data(o, view, self.word(o.verdict.key())),
            );
        }
        let data = TreeData {
            intro: &view.intro,
            map: c.link(&format!("{base}map/")),
            nodes,
            site: &c.title,
            steps: tree
                .steps()
                .iter()
                .map(|s| (c.link(&format!("{base}{}", s.rel_url)), s.node.as_str()))
                .collect(),
            title: &tree.def.title,
            url: c.link(&base),
        };
        let json = serde_json::to_string(&data).unwrap_or_default();
        OutputFile::new(format!("decide/{}/tree.json", tree.id), json)
    }

    pub(super) fn tree_map(&self, t: usize) -> Ctx<'a> {
        let site: &'a crate::site::Site = self.site;
        let tree: &'a Tree = &site.trees[t];
        let c = &self.site.config;
        let base = tree_url(&tree.id);
        let path = format!("{base}map/");
        let mut ctx = self.base_ctx(
            &self.words("tree_map_title", None, &[("title", &tree.def.title)]),
            &self.words("tree_map_description", None, &[("title", &tree.def.title)]),
            &path,
            vec![
                Crumb::here(tree.def.title.clone(), base.clone()),
                Crumb::here(self.word("tree_map_crumb"), path.clone()),
            ],
            &Same::TreeMap(&tree.id),
        );
        ctx.insert("edit_url", self.edit_url(&tree.file));
        let mut seen = Vec::new();
        let view = MapView {
            id: &tree.id,
            title: &tree.def.title,
            url: c.link(&base),
            outline: outline(
                tree,
                &tree.def.start,
                &base,
                c,
                &site.lang.strings,
                &mut seen,
            ),
            svg: crate::tree::svg::render(tree, &|k, n, a| self.words(k, n, a)),
        };
        ctx.insert("tree", view);
        (index_file(&path), "decide_map.html", ctx)
    }
}

fn outcome_data<'a>(
    o: &'a Outcome,
    view: &'a crate::site::TreeView,
    verdict_label: &'a str,
) -> NodeData<'a> {
    let l = view
        .links
        .get(&o.id)
        .into_iter()
        .flatten()
        .map(|l| (l.kind.as_str(), l.title.as_str(), l.url.as_str()))
        .collect();
    NodeData::Outcome {
        b: view.bodies.get(&o.id).map(String::as_str),
        l,
        t: &o.title,
        v: o.verdict,
        vl: verdict_label,
    }
}

/// The outline from node `id`, whose step is at `url`.
fn outline<'a>(
    tree: &'a Tree,
    id: &str,
    url: &str,
    c: &SiteConfig,
    words: &'a crate::i18n::Strings,
    seen: &mut Vec<String>,
) -> Option<OutlineNode<'a>> {
    let first = !seen.iter().any(|s| s == id);
    seen.push(id.to_owned());
    Some(match tree.node(id)? {
        Node::Question(q) => OutlineNode::Question {
            id: &q.id,
            text: &q.text,
            url: c.link(url),
            options: if first {
                q.options
                    .iter()
                    .map(|o| OutlineOption {
                        label: &o.label,
                        child: outline(
                            tree,
                            &o.next,
                            &format!("{url}{}/", o.slug()),
                            c,
                            words,
                            seen,
                        ),
                    })
                    .collect()
            } else {
                Vec::new()
            },
            repeat: !first,
        },
        Node::Outcome(o) => OutlineNode::Outcome {
            id: &o.id,
            text: &o.title,
            verdict: o.verdict,
            verdict_label: words.get(o.verdict.key()),
            url: c.link(url),
        },
    })
}
