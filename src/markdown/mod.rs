//! Markdown → HTML with pulldown-cmark, plus what the site needs around it:
//! unique heading ids with anchor links, a table of contents, `@/` links
//! resolved to URLs, shortcodes left as markers for the render stage, a
//! summary, a word count, and plain-text sections for the search index.
//!
//! Pure: everything comes from the `&str` and the resolver passed in.

mod links;
mod shortcode;

use std::collections::HashSet;
use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

pub use self::links::{AnchorRef, NoLinks, Resolve, is_dangerous_url};
pub use self::shortcode::{
    ArgValue, SHORTCODE_PREFIX, Shortcode, parse_shortcode, shortcode_marker,
};
use self::shortcode::{extract_shortcodes, is_marker};
use crate::diagnostics::{Diagnostic, LineIndex, Pos};
use crate::text::{count_words, escape_attr, slugify};

#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// Escape raw HTML instead of passing it through (always on for data fields).
    pub escape_html: bool,
    /// Turn headings into anchored headings and collect the TOC.
    pub anchors: bool,
    /// Keep the plain text under each heading (for the search index).
    pub sections: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// Plain text under one heading, for search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextSection {
    pub anchor: Option<String>,
    /// Whether the anchor is the heading's slug, not one an editor chose
    /// (`{#id}`) or one made unique with a number.
    pub anchor_is_slug: bool,
    pub heading: String,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// HTML with `<!--casebook:shortcode:N-->` markers where shortcodes go.
    pub html: String,
    pub toc: Vec<TocEntry>,
    pub ids: Vec<String>,
    pub anchors: Vec<AnchorRef>,
    pub shortcodes: Vec<Shortcode>,
    /// The first paragraph as plain text.
    pub summary: String,
    pub words: usize,
    pub sections: Vec<TextSection>,
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
    let mut problems = Vec::new();
    let (source, shortcodes) = extract_shortcodes(text, first_line, path, file_text, &mut problems);
    // Offsets are into `source`, which has the lines of `text` (each
    // shortcode line replaced by one marker line).
    let lines = LineIndex::new(&source);
    let at = |offset: usize| lines.pos(offset).shifted(first_line - 1);

    let events: Vec<(Event, std::ops::Range<usize>)> = Parser::new_ext(&source, parser_options())
        .into_offset_iter()
        .collect();

    let mut out = Rendered {
        shortcodes,
        ..Rendered::default()
    };
    let mut seen_ids: HashSet<String> = HashSet::new();
    let mut html_events: Vec<Event> = Vec::with_capacity(events.len());
    let mut section = TextSection::default();
    let mut in_first_para = false;
    let mut summary_done = false;
    let mut dropped_links = 0usize;
    // The heading being rendered: (level, id, title).
    let mut heading: Option<(u8, String, String)> = None;
    let mut i = 0;
    while i < events.len() {
        let (event, range) = &events[i];
        match event {
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) if opts.anchors => {
                // The heading's text first, for its id. Its inline events
                // then go through this loop like any others (links resolved
                // or dropped, raw HTML escaped when asked).
                let title: String = events[i + 1..]
                    .iter()
                    .map(|(e, _)| e)
                    .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
                    .filter_map(|e| match e {
                        Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                let base = id
                    .as_ref()
                    .map_or_else(|| slugify(&title), |s| s.to_string());
                let chosen = id.is_some();
                let id = unique_id(
                    if base.is_empty() {
                        "section".into()
                    } else {
                        base.clone()
                    },
                    &mut seen_ids,
                );
                let anchor_is_slug = if chosen {
                    slugify(&title) == id
                } else {
                    base == id
                };
                let lvl = heading_level(*level);
                if lvl <= 3 {
                    out.toc.push(TocEntry {
                        level: lvl,
                        id: id.clone(),
                        title: title.clone(),
                    });
                }
                out.ids.push(id.clone());
                if opts.sections {
                    push_section(&mut out.sections, &mut section);
                }
                section.anchor = Some(id.clone());
                section.anchor_is_slug = anchor_is_slug;
                section.heading = title.clone();
                let class = if classes.is_empty() {
                    String::new()
                } else {
                    format!(" class=\"{}\"", escape_attr(&classes.join(" ")))
                };
                html_events.push(Event::Html(
                    format!("<h{lvl} id=\"{}\"{class}>", escape_attr(&id)).into(),
                ));
                out.words += count_words(&title);
                heading = Some((lvl, id, title));
            }
            Event::End(TagEnd::Heading(_)) if heading.is_some() => {
                if let Some((lvl, id, title)) = heading.take() {
                    html_events.push(Event::Html(
                        format!(
                            " <a class=\"heading-anchor\" href=\"#{}\" aria-label=\"Link to this section: {}\">#</a></h{lvl}>\n",
                            escape_attr(&id),
                            escape_attr(&title)
                        )
                        .into(),
                    ));
                }
            }
            // A heading's text is its title: counted once, above.
            Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak
                if heading.is_some() =>
            {
                html_events.push(event.clone());
            }
            // A `javascript:` (or similar) link or image would run script in
            // the reader's browser: keep the text, drop the link.
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if is_dangerous_url(dest_url) =>
            {
                dropped_links += 1;
            }
            Event::End(TagEnd::Link | TagEnd::Image) if dropped_links > 0 => {
                dropped_links -= 1;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if dest_url.starts_with('@') || dest_url.starts_with('#') => {
                let url = if let Some(anchor) = dest_url.strip_prefix('#') {
                    out.anchors.push(AnchorRef {
                        page: String::new(),
                        anchor: anchor.to_owned(),
                        pos: at(range.start),
                    });
                    dest_url.to_string()
                } else {
                    match resolver.resolve(dest_url) {
                        Ok(url) => {
                            if let Some(rest) = dest_url.strip_prefix("@/")
                                && let Some((page, anchor)) = rest.split_once('#')
                            {
                                out.anchors.push(AnchorRef {
                                    page: page.to_owned(),
                                    anchor: anchor.to_owned(),
                                    pos: at(range.start),
                                });
                            }
                            url
                        }
                        Err(problem) => {
                            problems.push(problem.in_file(path).at_in(at(range.start), file_text));
                            "#".to_owned()
                        }
                    }
                };
                html_events.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: url.into(),
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                let trimmed = h.trim();
                if is_marker(trimmed, out.shortcodes.len()) {
                    html_events.push(Event::Html(trimmed.to_owned().into()));
                } else if opts.escape_html {
                    html_events.push(Event::Text(h.clone()));
                } else {
                    html_events.push(event.clone());
                }
            }
            Event::Start(Tag::Paragraph) => {
                if !summary_done {
                    in_first_para = true;
                }
                html_events.push(event.clone());
            }
            Event::End(TagEnd::Paragraph) => {
                if in_first_para {
                    in_first_para = false;
                    summary_done = !out.summary.trim().is_empty();
                }
                if opts.sections {
                    section.text.push('\n');
                }
                html_events.push(event.clone());
            }
            Event::Text(t) | Event::Code(t) => {
                out.words += count_words(t);
                if opts.sections {
                    section.text.push_str(t);
                }
                if in_first_para {
                    out.summary.push_str(t);
                }
                html_events.push(event.clone());
            }
            Event::SoftBreak | Event::HardBreak => {
                if opts.sections {
                    section.text.push(' ');
                }
                if in_first_para {
                    out.summary.push(' ');
                }
                html_events.push(event.clone());
            }
            Event::End(TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock) => {
                if opts.sections {
                    section.text.push('\n');
                }
                html_events.push(event.clone());
            }
            _ => html_events.push(event.clone()),
        }
        i += 1;
    }
    if opts.sections {
        push_section(&mut out.sections, &mut section);
    }
    out.summary = out.summary.trim().to_owned();
    // The model keeps every page's HTML until it is rendered: it is written
    // into a buffer each thread reuses, then copied out at its exact size,
    // so the kept HTML has no spare capacity and the allocator is not left
    // with a large freed block beside each page's.
    HTML_BUFFER.with_borrow_mut(|buf| {
        buf.clear();
        pulldown_cmark::html::push_html(buf, html_events.into_iter());
        out.html.push_str(buf);
    });
    out.sections.shrink_to_fit();
    (out, problems)
}

thread_local! {
    static HTML_BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Renders a data field (an answer, a "why") with raw HTML always escaped.
pub fn render_field(
    text: &str,
    path: &Path,
    pos: Pos,
    file_text: &str,
    resolver: &dyn Resolve,
) -> (String, Vec<Diagnostic>) {
    let opts = RenderOptions {
        escape_html: true,
        anchors: false,
        sections: false,
    };
    let (r, mut problems) = render(text, pos.line, path, file_text, opts, resolver);
    // Shortcodes are not expanded inside data fields; say so rather than drop them.
    for sc in &r.shortcodes {
        problems.push(
            Diagnostic::new(
                path,
                format!("shortcode `{}` cannot be used inside a data field", sc.name),
            )
            .at_in(sc.pos, file_text)
            .hint("link to the record instead, e.g. `[the case](@case:ID)`"),
        );
    }
    (r.html, problems)
}

/// Keeps the section `s` if it has text or an anchor, and empties it for
/// the next one. Its text is copied out at its exact size and the growing
/// buffer is reused: the model keeps every section until it is indexed.
fn push_section(sections: &mut Vec<TextSection>, s: &mut TextSection) {
    if !s.text.trim().is_empty() || s.anchor.is_some() {
        sections.push(TextSection {
            anchor: s.anchor.take(),
            anchor_is_slug: s.anchor_is_slug,
            heading: std::mem::take(&mut s.heading),
            text: s.text.as_str().to_owned(),
        });
    }
    s.anchor = None;
    s.heading.clear();
    s.text.clear();
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn unique_id(base: String, seen: &mut HashSet<String>) -> String {
    if seen.insert(base.clone()) {
        return base;
    }
    (1..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| seen.insert(candidate.clone()))
        .unwrap_or(base)
}

fn parser_options() -> Options {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TASKLISTS);
    options.insert(Options::ENABLE_SMART_PUNCTUATION);
    options.insert(Options::ENABLE_HEADING_ATTRIBUTES);
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
                _ => Err(Problem::new(format!("no page `{target}`")).hint("check the path")),
            }
        }
    }

    fn md(text: &str) -> (Rendered, Vec<Diagnostic>) {
        let opts = RenderOptions {
            escape_html: false,
            anchors: true,
            sections: true,
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
