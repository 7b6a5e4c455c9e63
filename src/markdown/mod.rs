//! Markdown → HTML with pulldown-cmark, plus what the site needs around it:
//! unique heading ids with anchor links, a table of contents, `@/` links
//! resolved to URLs, shortcodes left as markers for the render stage, a
//! summary, a word count, and plain-text sections for the search index;
//! and (#19) code highlighted at build time, callouts, and images and other
//! local files resolved from the file that names them.
//!
//! Pure: everything comes from the `&str` and the resolver passed in.
//!
//! Rendering runs in two steps, each in its own module: `shortcode` takes
//! the shortcode lines out of the text before it is parsed, then one pass
//! over pulldown-cmark's events (`render`) writes the HTML and collects the
//! rest, with heading ids from `headings` and link rules from `links`.
//! The public types of those modules are re-exported here.

pub mod callout;
mod code;
mod headings;
pub(crate) mod kept;
mod links;
mod local;
mod memo;
mod raw_html;
mod render;
mod shortcode;

use std::path::Path;
use std::sync::Arc;

use pulldown_cmark::{Options, Parser};
use serde::{Deserialize, Serialize};

pub use self::links::{AnchorRef, NoLinks, Resolve, is_dangerous_url};
pub use self::local::{Local, LocalKind, Picture};
pub use self::shortcode::{
    ArgValue, SHORTCODE_PREFIX, Shortcode, parse_shortcode, shortcode_marker,
};
use crate::diagnostics::{Code, Diagnostic, Pos, Problem};
pub use kept::FILE as KEPT_FILE;
pub use memo::{FilesNamed, Memo};

#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    /// Escape raw HTML instead of passing it through (always on for data fields).
    pub escape_html: bool,
    /// Turn headings into anchored headings and collect the TOC.
    pub anchors: bool,
    /// Keep the plain text under each heading (for the search index).
    pub sections: bool,
    /// Write the HTML. Off where only the rest is wanted: the contents,
    /// summary and links of a large site's model, whose render makes the
    /// HTML again, and the text sections its index makes again (#17).
    pub html: bool,
}

impl Default for RenderOptions {
    /// HTML with raw HTML passed through, no anchors, no text sections.
    fn default() -> Self {
        RenderOptions {
            escape_html: false,
            anchors: false,
            sections: false,
            html: true,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// Plain text under one heading, for search.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSection {
    pub anchor: Option<String>,
    /// Whether the anchor is the heading's slug, not one an editor chose
    /// (`{#id}`) or one made unique with a number.
    pub anchor_is_slug: bool,
    pub heading: String,
    pub text: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Rendered {
    /// HTML with `<!--casebook:shortcode:N-->` markers where shortcodes go.
    /// Shared, with `sections`: serve's memo hands the same render to every
    /// rebuild that does not change the page, and copying each page's HTML
    /// and text was a twentieth of a rebuild.
    pub html: Arc<String>,
    pub toc: Vec<TocEntry>,
    pub ids: Vec<String>,
    pub anchors: Vec<AnchorRef>,
    pub shortcodes: Vec<Shortcode>,
    /// The first paragraph as plain text.
    pub summary: String,
    pub words: usize,
    pub sections: Arc<Vec<TextSection>>,
    /// Links and images to other websites (`http(s)://`), where they are
    /// written, for `casebook check --external`.
    pub external: Vec<ExternalRef>,
}

/// A link to another website and where it is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalRef {
    pub url: String,
    pub pos: Pos,
}

/// Where the text being rendered sits in its file: what positions in
/// diagnostics are counted from.
#[derive(Clone, Copy)]
struct Place<'a> {
    path: &'a Path,
    file_text: &'a str,
    /// The file's line number of the text's first line.
    first_line: usize,
}

impl Place<'_> {
    fn report(&self, problem: Problem, pos: Pos) -> Diagnostic {
        problem.in_file(self.path).at_in(pos, self.file_text)
    }
}

/// Renders `text`, whose first line is line `first_line` of `file_text`.
/// Problems (bad links, malformed shortcodes) come back as diagnostics.
pub fn render(
    text: &str,
    first_line: usize,
    path: &Path,
    file_text: &str,
    opts: RenderOptions,
    resolver: &dyn Resolve,
) -> (Rendered, Vec<Diagnostic>) {
    let place = Place {
        path,
        file_text,
        first_line,
    };
    let mut problems = Vec::new();
    let (source, shortcodes) = shortcode::extract(text, place, &mut problems);
    let events: Vec<_> = Parser::new_ext(&source, parser_options())
        .into_offset_iter()
        .collect();
    render::Pass::new(&source, place, opts, resolver, shortcodes, problems).run(&events)
}

/// Renders a data field (an answer, a "why") with raw HTML always escaped.
pub fn render_field(
    text: &str,
    path: &Path,
    pos: Pos,
    file_text: &str,
    resolver: &dyn Resolve,
) -> (String, Vec<Diagnostic>, Vec<ExternalRef>) {
    let opts = RenderOptions {
        escape_html: true,
        anchors: false,
        sections: false,
        html: true,
    };
    let (r, mut problems) = render(text, pos.line, path, file_text, opts, resolver);
    // Shortcodes are not expanded inside data fields; say so rather than drop them.
    for sc in &r.shortcodes {
        problems.push(
            Diagnostic::new(
                Code::ShortcodeNotAllowed,
                path,
                format!("shortcode `{}` cannot be used inside a data field", sc.name),
            )
            .at_in(sc.pos, file_text)
            .hint("link to the record instead, e.g. `[the case](@case:ID)`"),
        );
    }
    (Arc::unwrap_or_clone(r.html), problems, r.external)
}

fn parser_options() -> Options {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TASKLISTS);
    options.insert(Options::ENABLE_SMART_PUNCTUATION);
    options.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    // GitHub's alerts, `> [!NOTE]`, as callouts (#19).
    options.insert(Options::ENABLE_GFM);
    options
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Problem;

    struct Fake;
    impl Resolve for Fake {
        fn resolve(&self, target: &str) -> Result<String, Problem> {
            match target {
                "@/guides/a.md" => Ok("/guides/a/".into()),
                "@/guides/a.md#x" => Ok("/guides/a/#x".into()),
                "@case:blank" => Ok("/cases/#blank".into()),
                _ => Err(
                    Problem::new(Code::LinkMissingPage, format!("no page `{target}`"))
                        .hint("check the path"),
                ),
            }
        }
    }

    #[test]
    fn without_html_everything_else_is_the_same() {
        let text = "Intro with a [link](@/guides/a.md#x).\n\n## Part one\n\nBody `code`.\n";
        let with = md(text).0;
        let opts = RenderOptions {
            escape_html: false,
            anchors: true,
            sections: true,
            html: false,
        };
        let path = Path::new("a.md");
        let without = render(text, 1, path, text, opts, &Fake).0;
        assert!(with.html.contains("<h2"), "{}", with.html);
        assert_eq!(without.html.as_str(), "");
        // Everything but the HTML.
        let rest = |r: &Rendered| {
            format!(
                "{:?} {:?} {:?} {:?} {} {:?}",
                r.toc, r.ids, r.anchors, r.summary, r.words, r.sections
            )
        };
        assert_eq!(rest(&with), rest(&without));
    }

    fn md(text: &str) -> (Rendered, Vec<Diagnostic>) {
        let opts = RenderOptions {
            escape_html: false,
            anchors: true,
            sections: true,
            html: true,
        };
        render(text, 1, Path::new("a.md"), text, opts, &Fake)
    }

    #[test]
    fn headings_get_unique_ids_toc_and_anchor_links() {
        let (r, p) = md("## Hello, World!\n\n## Hello World\n\n### Custom {#mine}\n");
        assert!(p.is_empty());
        assert_eq!(r.ids, vec!["hello-world", "hello-world-1", "mine"]);
        assert_eq!(r.toc.len(), 3);
        assert!(r.html.contains("<h2 id=\"hello-world\">Hello, World! <a class=\"heading-anchor\" href=\"#hello-world\""), "{}", r.html);
    }

    #[test]
    fn at_links_resolve_and_bad_ones_name_line() {
        let (r, p) =
            md("See [a](@/guides/a.md#x) and [c](@case:blank).\n\nThen [b](@/guides/nope.md).\n");
        assert!(r.html.contains("href=\"/guides/a/#x\""));
        assert!(r.html.contains("href=\"/cases/#blank\""));
        assert_eq!(
            r.anchors,
            vec![AnchorRef {
                page: "guides/a.md".into(),
                anchor: "x".into(),
                pos: Pos::new(1, 5)
            }]
        );
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].pos, Some(Pos::new(3, 6)));
        assert_eq!(p[0].hint.as_deref(), Some("check the path"));
    }

    #[test]
    fn shortcodes_become_markers_with_positions() {
        let (r, p) =
            md("Intro\n{{ case(id=\"blank\") }}\n\n```\n{{ case(id=\"in-code\") }}\n```\n");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(r.shortcodes.len(), 1);
        assert_eq!(r.shortcodes[0].name, "case");
        assert_eq!(r.shortcodes[0].pos, Pos::new(2, 1));
        assert!(r.html.contains(&shortcode_marker(0)));
        assert!(r.html.contains("{{ case(id=\"in-code\") }}"), "{}", r.html);
    }

    #[test]
    fn shortcodes_in_any_code_block_are_left_alone() {
        for text in [
            "~~~\n~~~-\n{{ case(id=\"x\") }}\n",
            "````\n```\n{{ case(id=\"x\") }}\n````\n",
            "Text\n\n    {{ case(id=\"x\") }}\n",
            "- item\n\n  ```\n  {{ case(id=\"x\") }}\n  ```\n",
        ] {
            let (r, p) = md(text);
            assert!(r.shortcodes.is_empty() && p.is_empty(), "{text:?}: {p:?}");
            assert!(r.html.contains("{{ case(id="), "{}", r.html);
        }
        let (r, _) = md("```\ncode\n```\n{{ case(id=\"x\") }}\n\u{3000}{{ case(id=\"y\") }}\n");
        assert_eq!(r.shortcodes.len(), 2);
        assert_eq!(
            r.shortcodes[1].pos,
            Pos::new(5, 2),
            "columns count characters"
        );
    }

    #[test]
    fn script_links_keep_their_text_only() {
        let (r, _) = md(
            "[click](javascript:alert(1)) and [x](JaVa\tScript:alert(2)) ![i](data:text/html,hi) [ok](https://e.org)",
        );
        let lower = r.html.to_lowercase();
        assert!(
            !lower.contains("href=\"javascript") && !lower.contains("href=\"java\tscript"),
            "{}",
            r.html
        );
        assert!(!r.html.contains("data:text"), "{}", r.html);
        assert!(
            r.html.contains("click") && r.html.contains("href=\"https://e.org\""),
            "{}",
            r.html
        );
        assert!(is_dangerous_url(" javascript:x") && is_dangerous_url("data:image/svg+xml,<svg>"));
        assert!(!is_dangerous_url("data:image/png;base64,AAAA") && !is_dangerous_url("/guides/"));
        // Only the scheme is folded: case, spaces and controls inside it.
        assert!(is_dangerous_url("JaVa\tScRiPt:alert(1)") && is_dangerous_url("\u{1}vbscript:x"));
        assert!(is_dangerous_url("DATA:text/html,x") && is_dangerous_url("data:"));
        assert!(
            !is_dangerous_url("javascript") && !is_dangerous_url("data") && !is_dangerous_url("")
        );
        assert!(!is_dangerous_url("https://e.org/javascript:"));
    }

    #[test]
    fn raw_html_escaped_on_request() {
        let text = "<script>alert(1)</script>\n\nHi <b>x</b>";
        let (r, _) = render(
            text,
            1,
            Path::new("a"),
            text,
            RenderOptions {
                escape_html: true,
                anchors: true,
                sections: true,
                html: true,
            },
            &NoLinks,
        );
        assert!(!r.html.contains("<script>"), "{}", r.html);
        assert!(r.html.contains("&lt;b&gt;"));
        let (r, _) = md(text);
        assert!(r.html.contains("<b>x</b>"));
    }

    #[test]
    fn summary_words_and_sections() {
        let (r, _) = md("First *para* here.\n\nSecond.\n\n## Next\n\nBody text.\n");
        assert_eq!(r.summary, "First para here.");
        assert_eq!(r.words, 7);
        assert_eq!(r.sections.len(), 2);
        assert_eq!(r.sections[1].anchor.as_deref(), Some("next"));
        assert_eq!(r.sections[1].text.trim(), "Body text.");
        assert_eq!(crate::text::reading_minutes(r.words), 1);
    }

    #[test]
    fn sections_know_whether_their_anchor_is_the_heading_slug() {
        let (r, _) = md(
            "## Next\n\nA.\n\n## Next\n\nB.\n\n## Other {#mine}\n\nC.\n\n## Same {#same}\n\nD.\n",
        );
        let got: Vec<(Option<&str>, bool)> = r
            .sections
            .iter()
            .map(|s| (s.anchor.as_deref(), s.anchor_is_slug))
            .collect();
        assert_eq!(
            got,
            [
                (Some("next"), true),
                (Some("next-1"), false),
                (Some("mine"), false),
                (Some("same"), true)
            ]
        );
    }

    #[test]
    fn same_page_anchor_is_recorded() {
        let (r, _) = md("[x](#there)\n");
        assert_eq!(r.anchors[0].page, "");
        assert_eq!(r.anchors[0].anchor, "there");
    }
}
