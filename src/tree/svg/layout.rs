//! Where each box of the diagram goes: a layered (Sugiyama-style) layout of
//! the tree's DAG, top to bottom.
//!
//! 1. layers: each node's longest distance from the start, so every edge
//!    points down; an edge that skips layers gets a dummy node per layer
//!    crossed, so it is routed around the boxes in between;
//! 2. order within layers: barycenter sweeps, keeping the order with the
//!    fewest crossings, with each option's position as a tie-break so
//!    answers stay in the order they are written;
//! 3. x positions: alternate passes pull each node towards the mean of its
//!    neighbours, and an isotonic regression (pool adjacent violators) keeps
//!    the layer's order and spacing with the least movement.
//!
//! Trees have tens of nodes, so the simple O(E²) crossing count is fine.

use std::collections::{HashMap, HashSet};

use super::Words;
use crate::tree::{Node, Tree};

pub(super) const BOX_W: f64 = 164.0;
pub(super) const PAD: f64 = 8.0;
pub(super) const FONT: f64 = 13.0;
pub(super) const LINE: f64 = 16.0;
/// Characters per line in a box, for 13 px sans-serif text in 148 px
/// (measured against DejaVu Sans, the widest common fallback).
const CHARS: usize = 21;
/// Longest edge label before it is cut at a word and given an ellipsis.
const LABEL_MAX: usize = 22;
pub(super) const GAP_X: f64 = 18.0;
pub(super) const GAP_Y: f64 = 62.0;
const DUMMY_W: f64 = 12.0;
pub(super) const MARGIN: f64 = 10.0;
/// Barycenter sweeps when ordering the layers.
const ORDER_SWEEPS: usize = 12;
/// Down and up pass pairs when placing the layers.
const PLACE_PASSES: usize = 8;

/// What a vertex of the layout stands for.
pub(super) enum VertexKind<'a> {
    /// A question or outcome, drawn as a box.
    Node(Node<'a>),
    /// The point where an edge that skips layers crosses one.
    Dummy,
}

pub(super) struct Vertex<'a> {
    pub(super) kind: VertexKind<'a>,
    pub(super) layer: usize,
    pub(super) w: f64,
    pub(super) h: f64,
    /// The box's text, wrapped: an outcome's verdict, then its title.
    pub(super) lines: Vec<String>,
    /// The centre.
    pub(super) x: f64,
}

impl<'a> Vertex<'a> {
    fn boxed(node: Node<'a>, layer: usize, words: &Words<'_>) -> Self {
        let lines: Vec<String> = match node {
            Node::Question(q) => wrap(&q.text, CHARS),
            Node::Outcome(o) => std::iter::once(words(o.verdict.key(), None, &[]))
                .chain(wrap(&o.title, CHARS))
                .collect(),
        };
        let h = lines.len() as f64 * LINE + 2.0 * PAD;
        Vertex {
            kind: VertexKind::Node(node),
            layer,
            w: BOX_W,
            h,
            lines,
            x: 0.0,
        }
    }

    fn dummy(layer: usize) -> Self {
        Vertex {
            kind: VertexKind::Dummy,
            layer,
            w: DUMMY_W,
            h: 0.0,
            lines: Vec::new(),
            x: 0.0,
        }
    }
}

/// One option: its chain of vertices from the question to the next node.
pub(super) struct Edge {
    pub(super) chain: Vec<usize>,
    /// The label, cut to fit beside the edge.
    pub(super) label: String,
    pub(super) full_label: String,
    /// Horizontal offset of the edge's start under its question's box.
    pub(super) port: f64,
}

/// The part of an edge between two adjacent layers.
struct Segment {
    upper: usize,
    lower: usize,
    /// The edge's port where `upper` is its question, else 0.
    port: f64,
}

/// The direction of a pass over the layers: each layer is arranged after
/// the one above it (down) or below it (up).
#[derive(Clone, Copy)]
enum Sweep {
    Down,
    Up,
}

impl Sweep {
    /// Even passes go down, odd ones up.
    fn of_pass(pass: usize) -> Self {
        if pass.is_multiple_of(2) {
            Sweep::Down
        } else {
            Sweep::Up
        }
    }

    /// The layers to arrange, in turn, when there are `count`.
    fn layers(self, count: usize) -> Vec<usize> {
        match self {
            Sweep::Down => (1..count).collect(),
            Sweep::Up => (0..count.saturating_sub(1)).rev().collect(),
        }
    }
}

pub(super) struct Layout<'a> {
    /// The boxes, in the order a depth-first walk meets them, then the dummies.
    pub(super) vertices: Vec<Vertex<'a>>,
    pub(super) edges: Vec<Edge>,
    /// Each layer's vertices, left to right.
    pub(super) layers: Vec<Vec<usize>>,
    pub(super) layer_top: Vec<f64>,
    /// The height of the layer's tallest box.
    pub(super) layer_h: Vec<f64>,
}

impl<'a> Layout<'a> {
    pub(super) fn new(tree: &'a Tree, words: &Words<'_>) -> Self {
        let (mut vertices, index) = boxes(tree, words);
        let edges = edges(tree, &index, &mut vertices);
        let depth = vertices.iter().map(|x| x.layer).max().unwrap_or(0) + 1;
        let mut layers = vec![Vec::new(); depth];
        for (i, x) in vertices.iter().enumerate() {
            layers[x.layer].push(i);
        }
        let layer_h: Vec<f64> = layers
            .iter()
            .map(|l| l.iter().map(|&i| vertices[i].h).fold(0.0, f64::max))
            .collect();
        let mut layer_top = Vec::with_capacity(depth);
        let mut y = MARGIN;
        for h in &layer_h {
            layer_top.push(y);
            y += h + GAP_Y;
        }
        let mut layout = Layout {
            vertices,
            edges,
            layers,
            layer_top,
            layer_h,
        };
        layout.order();
        layout.place();
        layout
    }

    fn segments(&self) -> Vec<Segment> {
        let mut out = Vec::new();
        for e in &self.edges {
            for (k, pair) in e.chain.windows(2).enumerate() {
                out.push(Segment {
                    upper: pair[0],
                    lower: pair[1],
                    port: if k == 0 { e.port } else { 0.0 },
                });
            }
        }
        out
    }

    /// Orders each layer to reduce crossings (barycenter sweeps).
    fn order(&mut self) {
        let segs = self.segments();
        let mut slot = vec![0.0; self.vertices.len()];
        number_slots(&self.layers, &mut slot);
        let mut best = self.layers.clone();
        let mut best_crossings = crossings(&segs, &slot, &self.vertices);
        for sweep in 0..ORDER_SWEEPS {
            let sweep = Sweep::of_pass(sweep);
            for r in sweep.layers(self.layers.len()) {
                let mut keyed: Vec<(f64, usize)> = self.layers[r]
                    .iter()
                    .map(|&i| {
                        // Ports are a fraction of a slot: answers keep their written order.
                        let key = neighbour_mean(&segs, i, sweep, |j, port| slot[j] + port / BOX_W);
                        (key.unwrap_or(slot[i]), i)
                    })
                    .collect();
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
                self.layers[r] = keyed.into_iter().map(|(_, i)| i).collect();
                number_slots(&self.layers, &mut slot);
            }
            let c = crossings(&segs, &slot, &self.vertices);
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
                self.vertices[i].x = x + self.vertices[i].w / 2.0;
                x += self.vertices[i].w + GAP_X;
            }
            let shift = x / 2.0;
            for &i in l {
                self.vertices[i].x -= shift;
            }
        }
        // Down passes, up passes, and a last down pass, so children sit under their question.
        for pass in 0..=PLACE_PASSES * 2 {
            let sweep = Sweep::of_pass(pass);
            for r in sweep.layers(self.layers.len()) {
                self.pull(r, sweep, &segs);
            }
        }
    }

    /// Moves layer `r` towards its neighbours in the layer the sweep came from.
    fn pull(&mut self, r: usize, sweep: Sweep, segs: &[Segment]) {
        let v = &self.vertices;
        let desired: Vec<f64> = self.layers[r]
            .iter()
            .map(|&i| neighbour_mean(segs, i, sweep, |j, port| v[j].x + port).unwrap_or(v[i].x))
            .collect();
        let widths: Vec<f64> = self.layers[r].iter().map(|&i| v[i].w).collect();
        let xs = spread_out(&desired, &widths, GAP_X);
        for (k, &i) in self.layers[r].iter().enumerate() {
            self.vertices[i].x = xs[k];
        }
    }

    /// The bottom of layer `layer`'s tallest box.
    pub(super) fn layer_bottom(&self, layer: usize) -> f64 {
        self.layer_top[layer] + self.layer_h[layer]
    }

    /// Where an edge leaves vertex `i` (with `port`).
    pub(super) fn out_point(&self, i: usize, port: f64) -> (f64, f64) {
        let x = &self.vertices[i];
        let bottom = match x.kind {
            VertexKind::Dummy => self.layer_bottom(x.layer),
            VertexKind::Node(_) => self.layer_top[x.layer] + x.h,
        };
        (x.x + port, bottom)
    }

    /// Where an edge enters vertex `i`.
    pub(super) fn in_point(&self, i: usize) -> (f64, f64) {
        (self.vertices[i].x, self.layer_top[self.vertices[i].layer])
    }
}

/// A box for every node reached, in the order a depth-first walk meets
/// them, on its layer; and each node id's vertex.
fn boxes<'t>(tree: &'t Tree, words: &Words<'_>) -> (Vec<Vertex<'t>>, HashMap<&'t str, usize>) {
    let ranks = ranks(tree);
    let mut vertices = Vec::new();
    let mut index = HashMap::new();
    for id in dfs_order(tree) {
        let Some(node) = tree.node(id) else { continue };
        index.insert(id, vertices.len());
        vertices.push(Vertex::boxed(node, ranks[id], words));
    }
    (vertices, index)
}

/// An edge for every option, with a dummy vertex (added to `vertices`) for
/// each layer it crosses.
fn edges(tree: &Tree, index: &HashMap<&str, usize>, vertices: &mut Vec<Vertex>) -> Vec<Edge> {
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
            for layer in vertices[from].layer + 1..vertices[to].layer {
                chain.push(vertices.len());
                vertices.push(Vertex::dummy(layer));
            }
            chain.push(to);
            edges.push(Edge {
                chain,
                label: short_label(&o.label),
                full_label: o.label.clone(),
                port: port(i, n),
            });
        }
    }
    edges
}

/// Where option `i` of `n` leaves its question's box: spread evenly over
/// the middle of its bottom side, in the order written.
fn port(i: usize, n: usize) -> f64 {
    let spread = BOX_W * 0.6;
    if n < 2 {
        0.0
    } else {
        -spread / 2.0 + spread * i as f64 / (n - 1) as f64
    }
}

/// Sets `slot[i]` to vertex `i`'s index within its layer.
fn number_slots(layers: &[Vec<usize>], slot: &mut [f64]) {
    for l in layers {
        for (k, &i) in l.iter().enumerate() {
            slot[i] = k as f64;
        }
    }
}

/// The mean of `at(neighbour, port)` over vertex `i`'s neighbours in the
/// layer the sweep came from, the port as seen from `i` (negated when the
/// neighbour is below); `None` when it has none there.
fn neighbour_mean(
    segs: &[Segment],
    i: usize,
    sweep: Sweep,
    at: impl Fn(usize, f64) -> f64,
) -> Option<f64> {
    let near: Vec<f64> = match sweep {
        Sweep::Down => segs
            .iter()
            .filter(|s| s.lower == i)
            .map(|s| at(s.upper, s.port))
            .collect(),
        Sweep::Up => segs
            .iter()
            .filter(|s| s.upper == i)
            .map(|s| at(s.lower, -s.port))
            .collect(),
    };
    if near.is_empty() {
        None
    } else {
        Some(near.iter().sum::<f64>() / near.len() as f64)
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
fn crossings(segs: &[Segment], slot: &[f64], v: &[Vertex]) -> usize {
    let mut c = 0;
    for (k, a) in segs.iter().enumerate() {
        for b in &segs[k + 1..] {
            if v[a.upper].layer != v[b.upper].layer {
                continue;
            }
            let top = (slot[a.upper] + a.port / BOX_W) - (slot[b.upper] + b.port / BOX_W);
            let bottom = slot[a.lower] - slot[b.lower];
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
pub(super) fn spread_out(desired: &[f64], widths: &[f64], gap: f64) -> Vec<f64> {
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

/// Greedy word wrap at `width` characters (a long word gets a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    // A "word" longer than a line (Chinese and Japanese have no spaces) is
    // cut into lines of `width` characters.
    let pieces = text.split_whitespace().flat_map(|w| {
        let chars: Vec<char> = w.chars().collect();
        chars
            .chunks(width.max(1))
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
    });
    for word in pieces {
        let word = word.as_str();
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
    use crate::tree::svg::tests::tree;

    #[test]
    fn layers_point_down_and_boxes_do_not_overlap() {
        let t = tree();
        let layout = Layout::new(&t, &crate::tree::svg::english);
        for e in &layout.edges {
            for pair in e.chain.windows(2) {
                assert_eq!(
                    layout.vertices[pair[0]].layer + 1,
                    layout.vertices[pair[1]].layer
                );
            }
        }
        // `go` is reached from a (layer 0) and b (layer 1): it sits on layer 2,
        // and the edge a → go passes a dummy on layer 1.
        assert_eq!(layout.layers.len(), 3);
        assert_eq!(
            layout
                .vertices
                .iter()
                .filter(|v| matches!(v.kind, VertexKind::Dummy))
                .count(),
            2
        );
        for l in &layout.layers {
            for w in l.windows(2) {
                let (a, b) = (&layout.vertices[w[0]], &layout.vertices[w[1]]);
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
        let xs = spread_out(&[0.0, 0.0, 100.0], &[10.0, 10.0, 10.0], 10.0);
        assert_eq!(xs, vec![-10.0, 10.0, 100.0]);
    }
}
