//! The overview diagram of a decision tree: an SVG drawn at build time, so
//! the map page needs no JavaScript and no external tool (issue 4).
//!
//! A layered (Sugiyama-style) drawing of the DAG, top to bottom: questions
//! and outcomes are boxes, outcomes coloured by verdict, edges labelled with
//! short option labels.
//! 1. layers: each node's longest distance from the start, so every edge
//!    points down; an edge that skips layers gets a dummy node per layer
//!    crossed, so it is routed around the boxes in between;
//! 2. order within layers: barycenter sweeps, keeping the order with the
//!    fewest crossings, with each option's position as a tie-break so
//!    answers stay in the order they are written;
//! 3. x positions: alternate passes pull each node towards the mean of its
//!    neighbours, and an isotonic regression (pool adjacent violators) keeps
//!    the layer's order and spacing with the least movement;
//! 4. edges are cubic curves through their dummies; labels sit where an
//!    edge crosses the middle of the gap below its question, pushed apart
//!    the same way.
//!
//! Written by hand rather than with a crate: layout-rs draws its own SVG,
//! with no hooks for classes, ARIA or our theme's colours, and rust-sugiyama
//! places points, not boxes of different heights or routed, labelled edges.
//! Trees have tens of nodes, so the simple O(E²) crossing count is fine.
//!
//! Colours come from the theme's CSS through classes; presentation
//! attributes (fill, stroke) are the fallback. No inline `style`, so the
//! page's Content-Security-Policy holds.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use crate::text::escape_attr;
use crate::tree::{Node, Tree};

const BOX_W: f64 = 164.0;
const PAD: f64 = 8.0;
const FONT: f64 = 13.0;
const LINE: f64 = 16.0;
/// Characters per line in a box, for 13 px sans-serif text in 148 px
/// (measured against DejaVu Sans, the widest common fallback).
const CHARS: usize = 21;
const LABEL_FONT: f64 = 11.5;
const LABEL_CHAR: f64 = 6.6;
const LABEL_H: f64 = 16.0;
/// Longest edge label before it is cut at a word and given an ellipsis.
const LABEL_MAX: usize = 22;
const GAP_X: f64 = 18.0;
const GAP_Y: f64 = 62.0;
const DUMMY_W: f64 = 12.0;
const MARGIN: f64 = 10.0;

enum Kind<'a> {
    Node(Node<'a>),
    Dummy,
}

struct Vertex<'a> {
    kind: Kind<'a>,
    layer: usize,
    w: f64,
    h: f64,
    lines: Vec<String>,
    x: f64,
}

/// One option: its chain of vertices from the question to the next node.
struct Edge {
    chain: Vec<usize>,
    label: String,
    full_label: String,
    /// Horizontal offset of the edge's start under its question's box.
    port: f64,
}

/// The tree as an inline SVG with `role="img"`, a `<title>` and a `<desc>`.
/// Call it only on a valid tree (every option leads somewhere, no cycles).
pub fn render(tree: &Tree) -> String {
    let layout = Layout::new(tree);
    layout.svg(tree)
}

struct Layout<'a> {
    v: Vec<Vertex<'a>>,
    edges: Vec<Edge>,
    layers: Vec<Vec<usize>>,
    top: Vec<f64>,
    layer_h: Vec<f64>,
}

impl<'a> Layout<'a> {
    fn new(tree: &'a Tree) -> Self {
        let ranks = ranks(tree);
        // Real vertices in the order a depth-first walk meets them.
        let mut v: Vec<Vertex<'a>> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for id in dfs_order(tree) {
            let Some(node) = tree.node(id) else { continue };
            let lines = match node {
                Node::Question(q) => wrap(&q.text, CHARS),
                Node::Outcome(o) => std::iter::once(o.verdict.label().to_owned())
                    .chain(wrap(&o.title, CHARS))
                    .collect(),
            };
            let h = lines.len() as f64 * LINE + 2.0 * PAD;
            index.insert(id, v.len());
            v.push(Vertex {
                kind: Kind::Node(node),
                layer: ranks[id],
                w: BOX_W,
                h,
                lines,
                x: 0.0,
            });
        }
        let mut edges = Vec::new();
        for q in &tree.def.questions {
            let Some(&from) = index.get(q.id.as_str()) else {
                continue;
            };
            let n = q.options.len();
            for (i, o) in q.options.iter().enumerate() {
                let Some(&to) = index.get(o.next.as_str()) else {
                    continue;
                };
                let mut chain = vec![from];
                for layer in v[from].layer + 1..v[to].layer {
                    chain.push(v.len());
                    v.push(Vertex {
                        kind: Kind::Dummy,
                        layer,
                        w: DUMMY_W,
                        h: 0.0,
                        lines: Vec::new(),
                        x: 0.0,
                    });
                }
                chain.push(to);
                let spread = BOX_W * 0.6;
                let port = if n < 2 {
                    0.0
                } else {
                    -spread / 2.0 + spread * i as f64 / (n - 1) as f64
                };
                edges.push(Edge {
                    chain,
                    label: short_label(&o.label),
                    full_label: o.label.clone(),
                    port,
                });
            }
        }
        let depth = v.iter().map(|x| x.layer).max().unwrap_or(0) + 1;
        let mut layers = vec![Vec::new(); depth];
        for (i, x) in v.iter().enumerate() {
            layers[x.layer].push(i);
        }
        let layer_h: Vec<f64> = layers
            .iter()
            .map(|l| l.iter().map(|&i| v[i].h).fold(0.0, f64::max))
            .collect();
        let mut top = Vec::with_capacity(depth);
        let mut y = MARGIN;
        for h in &layer_h {
            top.push(y);
            y += h + GAP_Y;
        }
        let mut layout = Layout {
            v,
            edges,
            layers,
            top,
            layer_h,
        };
        layout.order();
        layout.place();
        layout
    }

    /// Segments between adjacent layers: (upper, lower, port of the upper end).
    fn segments(&self) -> Vec<(usize, usize, f64)> {
        let mut out = Vec::new();
        for e in &self.edges {
            for (k, pair) in e.chain.windows(2).enumerate() {
                out.push((pair[0], pair[1], if k == 0 { e.port } else { 0.0 }));
            }
        }
        out
    }

    /// Orders each layer to reduce crossings (barycenter sweeps).
    fn order(&mut self) {
        let segs = self.segments();
        let mut pos = vec![0.0; self.v.len()];
        let set_pos = |layers: &Vec<Vec<usize>>, pos: &mut Vec<f64>| {
            for l in layers {
                for (k, &i) in l.iter().enumerate() {
                    pos[i] = k as f64;
                }
            }
        };
        set_pos(&self.layers, &mut pos);
        let mut best = self.layers.clone();
        let mut best_crossings = crossings(&segs, &pos, &self.v);
        for sweep in 0..12 {
            let down = sweep % 2 == 0;
            let range: Vec<usize> = if down {
                (1..self.layers.len()).collect()
            } else {
                (0..self.layers.len().saturating_sub(1)).rev().collect()
            };
            for r in range {
                let mut keyed: Vec<(f64, usize)> = self.layers[r]
                    .iter()
                    .map(|&i| {
                        // Ports are a fraction of a slot: answers keep their written order.
                        let near: Vec<f64> = if down {
                            segs.iter()
                                .filter(|s| s.1 == i)
                                .map(|s| pos[s.0] + s.2 / BOX_W)
                                .collect()
                        } else {
                            segs.iter()
                                .filter(|s| s.0 == i)
                                .map(|s| pos[s.1] - s.2 / BOX_W)
                                .collect()
                        };
                        let key = if near.is_empty() {
                            pos[i]
                        } else {
                            near.iter().sum::<f64>() / near.len() as f64
                        };
                        (key, i)
                    })
                    .collect();
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
                self.layers[r] = keyed.into_iter().map(|(_, i)| i).collect();
                set_pos(&self.layers, &mut pos);
            }
            let c = crossings(&segs, &pos, &self.v);
            if c < best_crossings {
                best_crossings = c;
                best = self.layers.clone();
            }
        }
        self.layers = best;
    }

    /// Horizontal positions: neighbours pull, the layer's order holds.
    fn place(&mut self) {
        let segs = self.segments();
        for l in &self.layers {
            let mut x = 0.0;
            for &i in l {
                self.v[i].x = x + self.v[i].w / 2.0;
                x += self.v[i].w + GAP_X;
            }
            let shift = x / 2.0;
            for &i in l {
                self.v[i].x -= shift;
            }
        }
        let passes = 8;
        for pass in 0..=passes * 2 {
            // Down passes, up passes, and a last down pass, so children sit under their question.
            let down = pass % 2 == 0;
            let range: Vec<usize> = if down {
                (1..self.layers.len()).collect()
            } else {
                (0..self.layers.len().saturating_sub(1)).rev().collect()
            };
            for r in range {
                let desired: Vec<f64> = self.layers[r]
                    .iter()
                    .map(|&i| {
                        let near: Vec<f64> = if down {
                            segs.iter()
                                .filter(|s| s.1 == i)
                                .map(|s| self.v[s.0].x + s.2)
                                .collect()
                        } else {
                            segs.iter()
                                .filter(|s| s.0 == i)
                                .map(|s| self.v[s.1].x - s.2)
                                .collect()
                        };
                        if near.is_empty() {
                            self.v[i].x
                        } else {
                            near.iter().sum::<f64>() / near.len() as f64
                        }
                    })
                    .collect();
                let widths: Vec<f64> = self.layers[r].iter().map(|&i| self.v[i].w).collect();
                let xs = spread_out(&desired, &widths, GAP_X);
                for (k, &i) in self.layers[r].iter().enumerate() {
                    self.v[i].x = xs[k];
                }
            }
        }
    }

    /// Where an edge leaves vertex `i` (with `port`) and where it enters.
    fn out_point(&self, i: usize, port: f64) -> (f64, f64) {
        let x = &self.v[i];
        let bottom = match x.kind {
            Kind::Dummy => self.top[x.layer] + self.layer_h[x.layer],
            Kind::Node(_) => self.top[x.layer] + x.h,
        };
        (x.x + port, bottom)
    }

    fn in_point(&self, i: usize) -> (f64, f64) {
        (self.v[i].x, self.top[self.v[i].layer])
    }

    fn svg(&self, tree: &Tree) -> String {
        // Edges, and their labels where they cross the middle of the gap.
        let mut paths = Vec::new();
        let mut labels: Vec<(usize, f64, f64, &Edge)> = Vec::new(); // (layer, x, y, edge)
        for e in &self.edges {
            let mut d = String::new();
            let (mut px, mut py) = self.out_point(e.chain[0], e.port);
            let _ = write!(d, "M{} {}", n(px), n(py));
            for (k, &i) in e.chain.iter().enumerate().skip(1) {
                let (qx, qy) = self.in_point(i);
                let dy = (qy - py) / 2.0;
                let _ = write!(
                    d,
                    "C{} {} {} {} {} {}",
                    n(px),
                    n(py + dy),
                    n(qx),
                    n(qy - dy),
                    n(qx),
                    n(qy)
                );
                if k == 1 {
                    let src = &self.v[e.chain[0]];
                    let mid = self.top[src.layer] + self.layer_h[src.layer] + GAP_Y / 2.0;
                    let x = bezier_x_at((px, py), (px, py + dy), (qx, qy - dy), (qx, qy), mid);
                    labels.push((src.layer, x, mid, e));
                }
                if matches!(self.v[i].kind, Kind::Dummy) {
                    let (ox, oy) = self.out_point(i, 0.0);
                    let _ = write!(d, "L{} {}", n(ox), n(oy));
                    (px, py) = (ox, oy);
                } else {
                    (px, py) = (qx, qy);
                }
            }
            paths.push(d);
        }
        let label_w = |e: &Edge| e.label.chars().count() as f64 * LABEL_CHAR + 8.0;
        let mut placed: Vec<(f64, f64, &Edge)> = Vec::new();
        for layer in 0..self.layers.len() {
            let mut row: Vec<&(usize, f64, f64, &Edge)> =
                labels.iter().filter(|l| l.0 == layer).collect();
            row.sort_by(|a, b| a.1.total_cmp(&b.1));
            let desired: Vec<f64> = row.iter().map(|l| l.1).collect();
            let widths: Vec<f64> = row.iter().map(|l| label_w(l.3)).collect();
            let xs = spread_out(&desired, &widths, 10.0);
            placed.extend(row.iter().zip(xs).map(|(l, x)| (x, l.2, l.3)));
        }

        // Bounds of boxes and labels.
        let mut min_x = f64::MAX;
        let mut max_x = f64::MIN;
        for x in self.v.iter().filter(|x| matches!(x.kind, Kind::Node(_))) {
            min_x = min_x.min(x.x - x.w / 2.0);
            max_x = max_x.max(x.x + x.w / 2.0);
        }
        for (x, _, e) in &placed {
            min_x = min_x.min(x - label_w(e) / 2.0);
            max_x = max_x.max(x + label_w(e) / 2.0);
        }
        let last = self.layers.len() - 1;
        let height = self.top[last] + self.layer_h[last] + MARGIN;
        let (vx, width) = (min_x - MARGIN, max_x - min_x + 2.0 * MARGIN);

        let id = escape_attr(&tree.id);
        let questions = tree.def.questions.len();
        let outcomes = tree.def.outcomes.len();
        let mut s = String::with_capacity(16 * 1024);
        let _ = write!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="tree-svg" viewBox="{} 0 {} {}" width="{}" height="{}" role="img" aria-labelledby="tree-svg-{id}-title" aria-describedby="tree-svg-{id}-desc">"#,
            n(vx),
            n(width),
            n(height),
            n(width),
            n(height)
        );
        let _ = write!(
            s,
            r#"<title id="tree-svg-{id}-title">Diagram of “{}”</title><desc id="tree-svg-{id}-desc">{questions} questions, read from the top, whose answers lead to {outcomes} outcomes; each box is a question or an outcome and each arrow an answer. The outline below lists the same tree with links.</desc>"#,
            escape_attr(&tree.def.title)
        );
        let _ = write!(
            s,
            r##"<defs><marker id="tree-svg-{id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path class="arrow" d="M0 0L10 5L0 10z" fill="#6b7280"/></marker></defs>"##
        );
        s.push_str(r#"<g class="edges">"#);
        for d in &paths {
            let _ = write!(
                s,
                r##"<path class="edge" d="{d}" fill="none" stroke="#6b7280" stroke-width="1.5" marker-end="url(#tree-svg-{id}-arrow)"/>"##
            );
        }
        s.push_str("</g><g class=\"edge-labels\">");
        for (x, y, e) in &placed {
            let w = label_w(e);
            let _ = write!(
                s,
                r##"<g class="edge-label"><title>{}</title><rect x="{}" y="{}" width="{}" height="{}" rx="3" fill="#ffffff"/><text x="{}" y="{}" font-size="{LABEL_FONT}" text-anchor="middle" fill="#4a4f57">{}</text></g>"##,
                escape_attr(&e.full_label),
                n(x - w / 2.0),
                n(y - LABEL_H / 2.0),
                n(w),
                n(LABEL_H),
                n(*x),
                n(y + LABEL_FONT * 0.35),
                escape_attr(&e.label)
            );
        }
        s.push_str("</g><g class=\"nodes\">");
        for x in &self.v {
            let Kind::Node(node) = &x.kind else { continue };
            let (class, fill, stroke) = match node {
                Node::Question(_) => ("node-question".to_owned(), "#ffffff", "#1d4ed8"),
                Node::Outcome(o) => {
                    let (fill, stroke) = match o.verdict {
                        crate::tree::Verdict::Go => ("#ecf8f0", "#0f6b3a"),
                        crate::tree::Verdict::Wait => ("#fff6e0", "#8a5a00"),
                        crate::tree::Verdict::Dont => ("#fdf0f0", "#a4161a"),
                        crate::tree::Verdict::OtherRoute => ("#f3f5f8", "#4a4f57"),
                    };
                    (
                        format!("node-outcome verdict-{}", verdict_slug(o.verdict)),
                        fill,
                        stroke,
                    )
                }
            };
            let (left, top) = (x.x - x.w / 2.0, self.top[x.layer]);
            let _ = write!(
                s,
                r##"<g class="node {class}"><rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="{fill}" stroke="{stroke}" stroke-width="2"/>"##,
                n(left),
                n(top),
                n(x.w),
                n(x.h)
            );
            for (k, line) in x.lines.iter().enumerate() {
                let is_verdict = k == 0 && matches!(node, Node::Outcome(_));
                let y = top + PAD + LINE * k as f64 + FONT;
                let (class, weight, fill) = if is_verdict {
                    (r#" class="verdict""#, "700", stroke)
                } else {
                    ("", "400", "#1a1a1a")
                };
                let _ = write!(
                    s,
                    r#"<text{class} x="{}" y="{}" font-size="{FONT}" font-weight="{weight}" fill="{fill}">{}</text>"#,
                    n(left + PAD),
                    n(y - 2.0),
                    escape_attr(line)
                );
            }
            s.push_str("</g>");
        }
        s.push_str("</g></svg>");
        s
    }
}

fn verdict_slug(v: crate::tree::Verdict) -> &'static str {
    match v {
        crate::tree::Verdict::Go => "go",
        crate::tree::Verdict::Wait => "wait",
        crate::tree::Verdict::Dont => "dont",
        crate::tree::Verdict::OtherRoute => "other-route",
    }
}

/// A number for SVG: one decimal at most.
fn n(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Each node's longest distance from the start (edges then always point down),
/// relaxed in reverse post-order, which is a topological order of a DAG.
fn ranks(tree: &Tree) -> HashMap<&str, usize> {
    fn visit<'t>(
        tree: &'t Tree,
        id: &'t str,
        seen: &mut HashSet<&'t str>,
        post: &mut Vec<&'t str>,
    ) {
        if !seen.insert(id) {
            return;
        }
        for o in tree
            .question(id)
            .map(|q| q.options.as_slice())
            .unwrap_or(&[])
        {
            visit(tree, &o.next, seen, post);
        }
        post.push(id);
    }
    let mut post = Vec::new();
    visit(tree, &tree.def.start, &mut HashSet::new(), &mut post);
    let mut rank: HashMap<&str, usize> = post.iter().map(|&id| (id, 0)).collect();
    for &id in post.iter().rev() {
        let r = rank[id];
        for o in tree
            .question(id)
            .map(|q| q.options.as_slice())
            .unwrap_or(&[])
        {
            let e = rank.entry(o.next.as_str()).or_insert(0);
            *e = (*e).max(r + 1);
        }
    }
    rank
}

/// Node ids in depth-first pre-order from the start, options in order.
fn dfs_order(tree: &Tree) -> Vec<&str> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut stack = vec![tree.def.start.as_str()];
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        out.push(id);
        if let Some(q) = tree.question(id) {
            stack.extend(q.options.iter().rev().map(|o| o.next.as_str()));
        }
    }
    out
}

/// Crossings between adjacent layers; ports count as a fraction of a slot.
fn crossings(segs: &[(usize, usize, f64)], pos: &[f64], v: &[Vertex]) -> usize {
    let mut c = 0;
    for (k, a) in segs.iter().enumerate() {
        for b in &segs[k + 1..] {
            if v[a.0].layer != v[b.0].layer {
                continue;
            }
            let top = (pos[a.0] + a.2 / BOX_W) - (pos[b.0] + b.2 / BOX_W);
            let bottom = pos[a.1] - pos[b.1];
            if top * bottom < 0.0 {
                c += 1;
            }
        }
    }
    c
}

/// Positions as close as possible (least squares) to `desired`, keeping
/// the given order and at least `gap` between neighbours of the given
/// widths: isotonic regression by pool-adjacent-violators.
fn spread_out(desired: &[f64], widths: &[f64], gap: f64) -> Vec<f64> {
    let mut offsets = Vec::with_capacity(desired.len());
    let mut o = 0.0;
    for (k, w) in widths.iter().enumerate() {
        if k > 0 {
            o += widths[k - 1] / 2.0 + gap + w / 2.0;
        }
        offsets.push(o);
    }
    // Blocks of (sum, count); each block's mean is its value.
    let mut blocks: Vec<(f64, usize)> = Vec::new();
    for (d, o) in desired.iter().zip(&offsets) {
        blocks.push((d - o, 1));
        while blocks.len() > 1 {
            let (s1, c1) = blocks[blocks.len() - 1];
            let (s0, c0) = blocks[blocks.len() - 2];
            if s0 / c0 as f64 <= s1 / c1 as f64 {
                break;
            }
            blocks.pop();
            *blocks.last_mut().expect("two blocks") = (s0 + s1, c0 + c1);
        }
    }
    let mut out = Vec::with_capacity(desired.len());
    for (s, c) in blocks {
        out.extend(std::iter::repeat_n(s / c as f64, c));
    }
    out.iter().zip(&offsets).map(|(z, o)| z + o).collect()
}

/// The x of a cubic Bézier whose y rises monotonically, at height `y`.
fn bezier_x_at(p0: (f64, f64), p1: (f64, f64), p2: (f64, f64), p3: (f64, f64), y: f64) -> f64 {
    let at = |t: f64, a: f64, b: f64, c: f64, d: f64| {
        let u = 1.0 - t;
        u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d
    };
    let (mut lo, mut hi) = (0.0, 1.0);
    for _ in 0..40 {
        let mid = (lo + hi) / 2.0;
        if at(mid, p0.1, p1.1, p2.1, p3.1) < y {
            lo = mid
        } else {
            hi = mid
        }
    }
    at((lo + hi) / 2.0, p0.0, p1.0, p2.0, p3.0)
}

/// Greedy word wrap at `width` characters (a long word gets a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

/// An option label short enough for an edge: cut at a word, with "…".
fn short_label(label: &str) -> String {
    if label.chars().count() <= LABEL_MAX {
        return label.to_owned();
    }
    let mut out = String::new();
    for word in label.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > LABEL_MAX - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = label.chars().take(LABEL_MAX - 1).collect();
    }
    format!("{}…", out.trim_end_matches([',', ';', ':', '.']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const TREE: &str = "title: \"Tom & <Jerry>\"\nstart: a\nquestions:\n  - id: a\n    text: Is it <b>bold</b> & \"quoted\"?\n    options:\n      - label: \"Yes, and a much longer answer than fits on an edge\"\n        next: b\n      - label: \"No\"\n        next: stop\n      - label: Maybe\n        next: go\n  - id: b\n    text: B?\n    options:\n      - label: \"Yes\"\n        next: go\n      - label: \"No\"\n        next: stop\noutcomes:\n  - id: go\n    verdict: go\n    title: Go\n    body: Do it.\n  - id: stop\n    verdict: dont\n    title: Stop\n    body: Don't.\n";

    fn tree() -> Tree {
        let (t, p) = crate::tree::parse("t", Path::new("t.yaml"), TREE);
        assert!(p.is_empty(), "{p:?}");
        t.unwrap()
    }

    #[test]
    fn svg_is_accessible_and_escaped() {
        let svg = render(&tree());
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tree-svg\""));
        assert!(svg.contains(
            r#"role="img" aria-labelledby="tree-svg-t-title" aria-describedby="tree-svg-t-desc""#
        ));
        assert!(svg.contains(
            r#"<title id="tree-svg-t-title">Diagram of “Tom &amp; &lt;Jerry&gt;”</title>"#
        ));
        assert!(svg.contains("2 questions, read from the top, whose answers lead to 2 outcomes"));
        assert!(svg.contains("Is it &lt;b&gt;bold&lt;/b&gt; &amp;"));
        assert!(!svg.contains("<b>") && !svg.contains("style="));
        assert_eq!(svg.matches("class=\"node node-question\"").count(), 2);
        assert!(
            svg.contains("class=\"node node-outcome verdict-go\"")
                && svg.contains("class=\"node node-outcome verdict-dont\"")
        );
        assert_eq!(
            svg.matches("class=\"edge\"").count(),
            5,
            "one edge per option"
        );
        assert!(svg.contains(">Yes, and a much…</text>"), "{svg}");
        assert!(svg.contains("<title>Yes, and a much longer answer than fits on an edge</title>"));
        assert!(svg.ends_with("</g></svg>"));
    }

    #[test]
    fn layers_point_down_and_boxes_do_not_overlap() {
        let t = tree();
        let layout = Layout::new(&t);
        for e in &layout.edges {
            for pair in e.chain.windows(2) {
                assert_eq!(layout.v[pair[0]].layer + 1, layout.v[pair[1]].layer);
            }
        }
        // `go` is reached from a (layer 0) and b (layer 1): it sits on layer 2,
        // and the edge a → go passes a dummy on layer 1.
        assert_eq!(layout.layers.len(), 3);
        assert_eq!(
            layout
                .v
                .iter()
                .filter(|v| matches!(v.kind, Kind::Dummy))
                .count(),
            2
        );
        for l in &layout.layers {
            for w in l.windows(2) {
                let (a, b) = (&layout.v[w[0]], &layout.v[w[1]]);
                assert!(
                    a.x + a.w / 2.0 + GAP_X - 0.01 <= b.x - b.w / 2.0,
                    "{} {}",
                    a.x,
                    b.x
                );
            }
        }
    }

    #[test]
    fn helpers() {
        assert_eq!(wrap("a bb ccc dddd", 6), vec!["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("", 6), vec![""]);
        assert_eq!(short_label("Yes"), "Yes");
        assert_eq!(
            short_label("Small or mid-sized; the manager likely runs"),
            "Small or mid-sized…"
        );
        assert_eq!(n(1.0), "1");
        assert_eq!(n(1.26), "1.3");
        assert_eq!(n(-0.04), "0");
        let xs = spread_out(&[0.0, 0.0, 100.0], &[10.0, 10.0, 10.0], 10.0);
        assert_eq!(xs, vec![-10.0, 10.0, 100.0]);
        let x = bezier_x_at((0.0, 0.0), (0.0, 50.0), (100.0, 50.0), (100.0, 100.0), 50.0);
        assert!((x - 50.0).abs() < 0.01);
    }
}
