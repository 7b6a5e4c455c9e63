//! The overview diagram of a decision tree: an SVG drawn at build time, so
//! the map page needs no JavaScript and no external tool (issue 4).
//!
//! A layered (Sugiyama-style) drawing of the DAG, top to bottom: questions
//! and outcomes are boxes, outcomes coloured by verdict, edges labelled with
//! short option labels. `layout` places the boxes; this module draws
//! them: edges are cubic curves through their dummies, and labels sit where
//! an edge crosses the middle of the gap below its question, pushed apart
//! the way the layout pushes boxes apart.
//!
//! Written by hand rather than with a crate: layout-rs draws its own SVG,
//! with no hooks for classes, ARIA or our theme's colours, and rust-sugiyama
//! places points, not boxes of different heights or routed, labelled edges.
//!
//! Colours come from the theme's CSS through classes; presentation
//! attributes (fill, stroke) are the fallback. No inline `style`, so the
//! page's Content-Security-Policy holds.

mod layout;

use std::fmt::Write;

use crate::text::escape_attr;
use crate::tree::{Node, Tree, Verdict};
use layout::{Edge, FONT, GAP_Y, LINE, Layout, MARGIN, PAD, Vertex, VertexKind, spread_out};

const LABEL_FONT: f64 = 11.5;
/// The width of a label's character, for 11.5 px sans-serif text.
const LABEL_CHAR: f64 = 6.6;
const LABEL_H: f64 = 16.0;
/// The least space between two labels beside each other.
const LABEL_GAP: f64 = 10.0;

/// The theme's words the diagram writes (its title and description, the
/// verdicts): a key, a count and placeholders to a string in the page's
/// language (`crate::i18n::Strings::format`).
pub type Words<'w> = dyn Fn(&str, Option<u64>, &[(&str, &str)]) -> String + 'w;

/// The tree as an inline SVG with `role="img"`, a `<title>` and a `<desc>`.
/// Call it only on a valid tree (every option leads somewhere, no cycles).
pub fn render(tree: &Tree, words: &Words<'_>) -> String {
    let layout = Layout::new(tree, words);
    let paths: Vec<String> = layout.edges.iter().map(|e| route(&layout, e)).collect();
    let labels = place_labels(&layout);
    let frame = Frame::around(&layout, &labels);
    let id = escape_attr(&tree.id);
    let mut s = String::with_capacity(16 * 1024);
    write_head(&mut s, tree, &id, &frame, words);
    s.push_str(r#"<g class="edges">"#);
    for d in &paths {
        let _ = write!(
            s,
            r##"<path class="edge" d="{d}" fill="none" stroke="#6b7280" stroke-width="1.5" marker-end="url(#tree-svg-{id}-arrow)"/>"##
        );
    }
    s.push_str("</g><g class=\"edge-labels\">");
    for label in &labels {
        write_label(&mut s, label);
    }
    s.push_str("</g><g class=\"nodes\">");
    for v in &layout.vertices {
        if let VertexKind::Node(node) = v.kind {
            write_box(&mut s, &layout, v, node);
        }
    }
    s.push_str("</g></svg>");
    s
}

/// An edge's path: a cubic curve into each vertex of its chain, and a
/// straight line down through each dummy's layer.
fn route(layout: &Layout, e: &Edge) -> String {
    let mut d = String::new();
    let (mut px, mut py) = layout.out_point(e.chain[0], e.port);
    let _ = write!(d, "M{} {}", num(px), num(py));
    for &i in &e.chain[1..] {
        let (qx, qy) = layout.in_point(i);
        let dy = (qy - py) / 2.0;
        let _ = write!(
            d,
            "C{} {} {} {} {} {}",
            num(px),
            num(py + dy),
            num(qx),
            num(qy - dy),
            num(qx),
            num(qy)
        );
        if matches!(layout.vertices[i].kind, VertexKind::Dummy) {
            let (ox, oy) = layout.out_point(i, 0.0);
            let _ = write!(d, "L{} {}", num(ox), num(oy));
            (px, py) = (ox, oy);
        } else {
            (px, py) = (qx, qy);
        }
    }
    d
}

/// An option's label on the diagram: centred at (`x`, `y`), in the gap
/// below its question's layer.
struct EdgeLabel<'l> {
    layer: usize,
    x: f64,
    y: f64,
    edge: &'l Edge,
}

impl<'l> EdgeLabel<'l> {
    /// Where the edge's first curve crosses the middle of the gap below
    /// its question.
    fn on(layout: &Layout, edge: &'l Edge) -> Self {
        let (px, py) = layout.out_point(edge.chain[0], edge.port);
        let (qx, qy) = layout.in_point(edge.chain[1]);
        let dy = (qy - py) / 2.0;
        let layer = layout.vertices[edge.chain[0]].layer;
        let y = layout.layer_bottom(layer) + GAP_Y / 2.0;
        let x = bezier_x_at((px, py), (px, py + dy), (qx, qy - dy), (qx, qy), y);
        EdgeLabel { layer, x, y, edge }
    }

    fn width(&self) -> f64 {
        self.edge.label.chars().count() as f64 * LABEL_CHAR + 8.0
    }
}

/// Every edge's label, each gap's row pushed apart so that none overlap:
/// by layer, and left to right within one.
fn place_labels<'l>(layout: &'l Layout) -> Vec<EdgeLabel<'l>> {
    let mut spots: Vec<EdgeLabel> = layout
        .edges
        .iter()
        .map(|e| EdgeLabel::on(layout, e))
        .collect();
    let mut placed = Vec::with_capacity(spots.len());
    for layer in 0..layout.layers.len() {
        let mut row: Vec<EdgeLabel> = Vec::new();
        let mut rest = Vec::with_capacity(spots.len());
        for spot in spots {
            if spot.layer == layer {
                row.push(spot);
            } else {
                rest.push(spot);
            }
        }
        spots = rest;
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        let desired: Vec<f64> = row.iter().map(|l| l.x).collect();
        let widths: Vec<f64> = row.iter().map(EdgeLabel::width).collect();
        let xs = spread_out(&desired, &widths, LABEL_GAP);
        placed.extend(row.into_iter().zip(xs).map(|(l, x)| EdgeLabel { x, ..l }));
    }
    placed
}

/// The drawing's extent: the `viewBox` is `x 0 width height`.
struct Frame {
    x: f64,
    width: f64,
    height: f64,
}

impl Frame {
    /// Around every box and label, with a margin.
    fn around(layout: &Layout, labels: &[EdgeLabel]) -> Self {
        let mut min_x = f64::MAX;
        let mut max_x = f64::MIN;
        for v in layout
            .vertices
            .iter()
            .filter(|v| matches!(v.kind, VertexKind::Node(_)))
        {
            min_x = min_x.min(v.x - v.w / 2.0);
            max_x = max_x.max(v.x + v.w / 2.0);
        }
        for l in labels {
            min_x = min_x.min(l.x - l.width() / 2.0);
            max_x = max_x.max(l.x + l.width() / 2.0);
        }
        let last = layout.layers.len() - 1;
        Frame {
            x: min_x - MARGIN,
            width: max_x - min_x + 2.0 * MARGIN,
            height: layout.layer_bottom(last) + MARGIN,
        }
    }
}

/// The `<svg>` tag, its title and description, and the arrowhead.
fn write_head(s: &mut String, tree: &Tree, id: &str, frame: &Frame, words: &Words<'_>) {
    let questions = words(
        "tree_svg_questions",
        Some(tree.def.questions.len() as u64),
        &[],
    );
    let outcomes = words(
        "tree_svg_outcomes",
        Some(tree.def.outcomes.len() as u64),
        &[],
    );
    let title = words("tree_svg_title", None, &[("title", &tree.def.title)]);
    let desc = words(
        "tree_svg_desc",
        None,
        &[("questions", &questions), ("outcomes", &outcomes)],
    );
    let (width, height) = (num(frame.width), num(frame.height));
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="tree-svg" viewBox="{} 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="tree-svg-{id}-title" aria-describedby="tree-svg-{id}-desc">"#,
        num(frame.x),
    );
    let _ = write!(
        s,
        r#"<title id="tree-svg-{id}-title">{}</title><desc id="tree-svg-{id}-desc">{}</desc>"#,
        escape_attr(&title),
        escape_attr(&desc)
    );
    let _ = write!(
        s,
        r##"<defs><marker id="tree-svg-{id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path class="arrow" d="M0 0L10 5L0 10z" fill="#6b7280"/></marker></defs>"##
    );
}

/// A label: its text on a white ground, the full label as its tooltip.
fn write_label(s: &mut String, l: &EdgeLabel) {
    let w = l.width();
    let _ = write!(
        s,
        r##"<g class="edge-label"><title>{}</title><rect x="{}" y="{}" width="{}" height="{}" rx="3" fill="#ffffff"/><text x="{}" y="{}" font-size="{LABEL_FONT}" text-anchor="middle" fill="#4a4f57">{}</text></g>"##,
        escape_attr(&l.edge.full_label),
        num(l.x - w / 2.0),
        num(l.y - LABEL_H / 2.0),
        num(w),
        num(LABEL_H),
        num(l.x),
        num(l.y + LABEL_FONT * 0.35),
        escape_attr(&l.edge.label)
    );
}

/// A question's or outcome's box with its lines of text; an outcome's
/// first line, its verdict, in bold and the verdict's colour.
fn write_box(s: &mut String, layout: &Layout, v: &Vertex, node: Node) {
    let (class, fill, stroke) = match node {
        Node::Question(_) => ("node-question".to_owned(), "#ffffff", "#1d4ed8"),
        Node::Outcome(o) => {
            let (fill, stroke) = verdict_colours(o.verdict);
            let class = format!("node-outcome verdict-{}", verdict_name(o.verdict));
            (class, fill, stroke)
        }
    };
    let (left, top) = (v.x - v.w / 2.0, layout.layer_top[v.layer]);
    let _ = write!(
        s,
        r##"<g class="node {class}"><rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="{fill}" stroke="{stroke}" stroke-width="2"/>"##,
        num(left),
        num(top),
        num(v.w),
        num(v.h)
    );
    for (k, line) in v.lines.iter().enumerate() {
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
            num(left + PAD),
            num(y - 2.0),
            escape_attr(line)
        );
    }
    s.push_str("</g>");
}

/// An outcome box's (fill, stroke) when the theme's CSS does not apply.
fn verdict_colours(v: Verdict) -> (&'static str, &'static str) {
    match v {
        Verdict::Go => ("#ecf8f0", "#0f6b3a"),
        Verdict::Wait => ("#fff6e0", "#8a5a00"),
        Verdict::Dont => ("#fdf0f0", "#a4161a"),
        Verdict::OtherRoute => ("#f3f5f8", "#4a4f57"),
    }
}

/// The verdict as written in a tree file, for its box's class.
fn verdict_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Go => "go",
        Verdict::Wait => "wait",
        Verdict::Dont => "dont",
        Verdict::OtherRoute => "other-route",
    }
}

/// A number for SVG: one decimal at most.
fn num(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
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

/// The built-in English words, for tests.
#[cfg(test)]
pub(super) fn english(key: &str, n: Option<u64>, args: &[(&str, &str)]) -> String {
    use std::sync::LazyLock;
    static EN: LazyLock<crate::i18n::Strings> = LazyLock::new(|| crate::i18n::builtin("en"));
    EN.format(key, n, args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const TREE: &str = "title: \"Tom & <Jerry>\"\nstart: a\nquestions:\n  - id: a\n    text: Is it <b>bold</b> & \"quoted\"?\n    options:\n      - label: \"Yes, and a much longer answer than fits on an edge\"\n        next: b\n      - label: \"No\"\n        next: stop\n      - label: Maybe\n        next: go\n  - id: b\n    text: B?\n    options:\n      - label: \"Yes\"\n        next: go\n      - label: \"No\"\n        next: stop\noutcomes:\n  - id: go\n    verdict: go\n    title: Go\n    body: Do it.\n  - id: stop\n    verdict: dont\n    title: Stop\n    body: Don't.\n";

    pub(super) fn tree() -> Tree {
        let (t, p) = crate::tree::parse("t", Path::new("t.yaml"), TREE);
        assert!(p.is_empty(), "{p:?}");
        t.unwrap()
    }

    #[test]
    fn svg_is_accessible_and_escaped() {
        let svg = render(&tree(), &english);
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
    fn helpers() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.26), "1.3");
        assert_eq!(num(-0.04), "0");
        let x = bezier_x_at((0.0, 0.0), (0.0, 50.0), (100.0, 50.0), (100.0, 100.0), 50.0);
        assert!((x - 50.0).abs() < 0.01);
    }
}
