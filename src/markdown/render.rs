//! The pass over pulldown-cmark's events. Each event goes on to
//! pulldown-cmark's HTML writer, changed where the site needs it (anchored
//! headings, resolved or dropped links, escaped raw HTML, shortcode markers
//! kept raw), and is counted on the way into the word count, the summary and
//! the search sections.
//!
//! The events are collected first: a heading's id comes from its title, so
//! its start needs the events that follow it.
//!
//! Some constructs are gathered over several events and written whole
//! (#19): a fenced code block (highlighted), an image (its alt text is the
//! events inside it; its URL resolved, its size added) and a raw HTML block
//! (a tag may span its lines). Callouts open and close a box; local
//! references are resolved in `media`.

mod media;

use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};

use self::media::OpenImage;
use super::callout;
use super::code::OpenCode;
use super::headings::{self, HeadingId, HeadingIds, OpenHeading};
use super::links::{AnchorRef, Resolve, is_dangerous_url, is_internal};
use super::local::LocalKind;
use super::shortcode::{Shortcode, is_marker};
use super::{Place, RenderOptions, Rendered, TextSection, TocEntry};
use crate::diagnostics::{Diagnostic, LineIndex, Pos};
use crate::text::count_words;

/// Everything one pass builds up, with one method per kind of event.
pub(super) struct Pass<'a, 'src> {
    opts: RenderOptions,
    resolver: &'a dyn Resolve,
    place: Place<'a>,
    /// Line starts of the text being parsed, for link positions.
    lines: LineIndex<'src>,
    out: Rendered,
    problems: Vec<Diagnostic>,
    /// The events for the HTML writer.
    html: Vec<Event<'src>>,
    heading_ids: HeadingIds,
    /// The heading being rendered: its text is its title, counted once.
    heading: Option<OpenHeading>,
    /// How many links and images are open whose URL was dropped.
    dropped_links: usize,
    summary: Summary,
    sections: Sections,
    /// The fenced code block being read, when its fence names a language.
    code: Option<OpenCode<'src>>,
    /// The image being read: the events inside it are its alt text.
    image: Option<OpenImage<'src>>,
    /// How many images the text has had (the first of a page loads at once).
    images: usize,
    /// The raw HTML block being read, its lines with their offsets.
    html_block: Option<Vec<(CowStr<'src>, usize)>>,
}

impl<'a, 'src> Pass<'a, 'src> {
    /// A pass over events parsed from `source`, which has the lines of the
    /// text at `place` (each shortcode line replaced by one marker line).
    pub(super) fn new(
        source: &'src str,
        place: Place<'a>,
        opts: RenderOptions,
        resolver: &'a dyn Resolve,
        shortcodes: Vec<Shortcode>,
        problems: Vec<Diagnostic>,
    ) -> Self {
        Pass {
            opts,
            resolver,
            place,
            lines: LineIndex::new(source),
            out: Rendered {
                shortcodes,
                ..Rendered::default()
            },
            problems,
            html: Vec::new(),
            heading_ids: HeadingIds::default(),
            heading: None,
            dropped_links: 0,
            summary: Summary::default(),
            sections: Sections::new(opts.sections),
            code: None,
            image: None,
            images: 0,
            html_block: None,
        }
    }

    /// Renders `events` (with their byte ranges in the source).
    pub(super) fn run(
        mut self,
        events: &[(Event<'src>, Range<usize>)],
    ) -> (Rendered, Vec<Diagnostic>) {
        self.html.reserve_exact(events.len());
        for (i, (event, range)) in events.iter().enumerate() {
            self.event(event, range, &events[i + 1..]);
        }
        self.finish()
    }

    /// One event at bytes `range`; `following` are the events after it.
    fn event(
        &mut self,
        event: &Event<'src>,
        range: &Range<usize>,
        following: &[(Event<'src>, Range<usize>)],
    ) {
        let offset = range.start;
        if self.gathered(event, offset) {
            return;
        }
        match event {
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) if self.opts.anchors => {
                self.start_heading(*level, id.as_deref(), classes, following)
            }
            Event::End(TagEnd::Heading(_)) if self.heading.is_some() => self.end_heading(),
            // A heading's text is its title: counted once, at its start.
            Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak
                if self.heading.is_some() =>
            {
                self.html.push(event.clone());
            }
            // A `javascript:` (or similar) link or image would run script in
            // the reader's browser: keep the text, drop the link.
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if is_dangerous_url(dest_url) =>
            {
                self.dropped_links += 1;
            }
            Event::End(TagEnd::Link | TagEnd::Image) if self.dropped_links > 0 => {
                self.dropped_links -= 1;
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                self.note_external(dest_url, offset);
                self.image = Some(OpenImage::new(dest_url, title, offset));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => self.start_link(event, *link_type, dest_url, title, id, range),
            Event::InlineHtml(html) if !self.opts.escape_html => {
                self.inline_html(event, html, offset);
            }
            Event::Html(html) | Event::InlineHtml(html) => self.raw_html(event, html),
            Event::Start(Tag::Paragraph) => self.start_paragraph(event),
            Event::End(TagEnd::Paragraph) => self.end_paragraph(event),
            Event::Text(text) | Event::Code(text) => self.text(event, text),
            Event::SoftBreak | Event::HardBreak => self.line_break(event),
            Event::End(TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock) => {
                self.end_block(event);
            }
            _ => self.html.push(event.clone()),
        }
    }

    /// The events of what is gathered and written whole (an image, a
    /// highlighted code block, a raw HTML block) and of callouts; `false`
    /// for any other event.
    fn gathered(&mut self, event: &Event<'src>, offset: usize) -> bool {
        match event {
            _ if self.image.is_some() => self.image_event(event),
            Event::Text(text) if self.code.is_some() => {
                self.account(text);
                if let Some(code) = &mut self.code {
                    code.push(text);
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => match OpenCode::start(kind) {
                Some(code) => self.code = Some(code),
                None => self.html.push(event.clone()),
            },
            Event::End(TagEnd::CodeBlock) if self.code.is_some() => {
                self.sections.push('\n');
                let code = self.code.take();
                self.html
                    .extend(code.into_iter().flat_map(OpenCode::finish));
            }
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let label = self.resolver.string(callout::key(*kind));
                let open = callout::open_html(*kind, label.unwrap_or(callout::label(*kind)));
                self.html.push(Event::Html(open.into()));
            }
            Event::End(TagEnd::BlockQuote(Some(_))) => {
                self.html.push(Event::Html(callout::CLOSE_HTML.into()));
            }
            Event::Start(Tag::HtmlBlock) if !self.opts.escape_html => {
                self.html_block = Some(Vec::new());
                self.html.push(event.clone());
            }
            Event::Html(html) if self.html_block.is_some() => {
                if let Some(lines) = &mut self.html_block {
                    lines.push((html.clone(), offset));
                }
            }
            Event::End(TagEnd::HtmlBlock) if self.html_block.is_some() => {
                self.end_html_block(event);
            }
            _ => return false,
        }
        true
    }

    /// Gives the heading its id, enters it in the TOC and starts its search
    /// section. Its inline events then go through this pass like any
    /// others (links resolved or dropped, raw HTML escaped when asked).
    fn start_heading(
        &mut self,
        level: HeadingLevel,
        chosen_id: Option<&str>,
        classes: &[CowStr<'src>],
        following: &[(Event<'src>, Range<usize>)],
    ) {
        let title = headings::title(following);
        let HeadingId { id, is_slug } = self.heading_ids.assign(chosen_id, &title);
        let level = headings::level_number(level);
        if level <= 3 {
            self.out.toc.push(TocEntry {
                level,
                id: id.clone(),
                title: title.clone(),
            });
        }
        self.out.ids.push(id.clone());
        self.sections.start(&id, is_slug, &title);
        self.html.push(Event::Html(
            headings::opening_html(level, &id, classes).into(),
        ));
        self.out.words += count_words(&title);
        self.heading = Some(OpenHeading { level, id, title });
    }

    fn end_heading(&mut self) {
        if let Some(heading) = self.heading.take() {
            self.html.push(Event::Html(heading.closing_html().into()));
        }
    }

    /// A link to `#anchor` (recorded for checking), `@target` or a local
    /// file (resolved), or to anything else (kept as written).
    fn start_link(
        &mut self,
        event: &Event<'src>,
        link_type: LinkType,
        dest_url: &CowStr<'src>,
        title: &CowStr<'src>,
        id: &CowStr<'src>,
        range: &Range<usize>,
    ) {
        self.note_external(dest_url, range.start);
        let url = if is_internal(dest_url) {
            self.internal_url(dest_url, range)
        } else if let Some((url, _)) =
            self.resolve_local(dest_url, LocalKind::Link, self.pos(range.start))
        {
            url.into()
        } else {
            self.html.push(event.clone());
            return;
        };
        self.html.push(Event::Start(Tag::Link {
            link_type,
            dest_url: url,
            title: title.clone(),
            id: id.clone(),
        }));
    }

    /// The URL for an internal link: an anchor on this page as written, an
    /// `@` target resolved, or `#` (with a diagnostic) if it cannot be.
    fn internal_url(&mut self, dest_url: &CowStr<'src>, range: &Range<usize>) -> CowStr<'src> {
        let offset = range.start;
        if let Some(anchor) = dest_url.strip_prefix('#') {
            self.out.anchors.push(AnchorRef {
                page: String::new(),
                anchor: anchor.to_owned(),
                pos: self.pos(offset),
            });
            return dest_url.clone();
        }
        match self.resolver.resolve(dest_url) {
            Ok(url) => {
                if let Some(rest) = dest_url.strip_prefix("@/")
                    && let Some((page, anchor)) = rest.split_once('#')
                {
                    self.out.anchors.push(AnchorRef {
                        page: page.to_owned(),
                        anchor: anchor.to_owned(),
                        pos: self.pos(offset),
                    });
                }
                url.into()
            }
            Err(problem) => {
                // The link's whole text, `[…](@…)`, for tools that underline it.
                let last = range.end.saturating_sub(1).max(offset);
                let diagnostic = self
                    .place
                    .report(problem, self.pos(offset))
                    .until(self.pos(last));
                self.problems.push(diagnostic);
                CowStr::Borrowed("#")
            }
        }
    }

    /// Raw HTML passes through unless escaping is asked for; shortcode
    /// markers always pass (only real ones: see [`is_marker`]).
    fn raw_html(&mut self, event: &Event<'src>, html: &CowStr<'src>) {
        let trimmed = html.trim();
        if is_marker(trimmed, self.out.shortcodes.len()) {
            self.html.push(Event::Html(trimmed.to_owned().into()));
        } else if self.opts.escape_html {
            self.html.push(Event::Text(html.clone()));
        } else {
            self.html.push(event.clone());
        }
    }

    fn start_paragraph(&mut self, event: &Event<'src>) {
        self.summary.start_paragraph();
        self.html.push(event.clone());
    }

    fn end_paragraph(&mut self, event: &Event<'src>) {
        self.summary.end_paragraph();
        self.sections.push('\n');
        self.html.push(event.clone());
    }

    /// Text outside headings: counted, and kept for the summary and search.
    fn text(&mut self, event: &Event<'src>, text: &str) {
        self.account(text);
        self.html.push(event.clone());
    }

    /// Counts text and keeps it for the summary and search.
    fn account(&mut self, text: &str) {
        self.out.words += count_words(text);
        self.sections.push_str(text);
        self.summary.push_str(text);
    }

    fn line_break(&mut self, event: &Event<'src>) {
        self.sections.push(' ');
        self.summary.push(' ');
        self.html.push(event.clone());
    }

    /// The end of a list item, table cell or code block: a line break in
    /// the search text, so their words do not run together.
    fn end_block(&mut self, event: &Event<'src>) {
        self.sections.push('\n');
        self.html.push(event.clone());
    }

    /// Records a link or image to another website, for `check --external`.
    fn note_external(&mut self, url: &str, offset: usize) {
        if is_web(url) {
            let pos = self.pos(offset);
            self.out.external.push(super::ExternalRef {
                url: url.to_owned(),
                pos,
            });
        }
    }

    /// The position of byte `offset` of the text, in the file.
    fn pos(&self, offset: usize) -> Pos {
        self.lines.pos(offset).shifted(self.place.first_line - 1)
    }

    fn finish(mut self) -> (Rendered, Vec<Diagnostic>) {
        self.out.sections = Arc::new(self.sections.finish());
        self.out.summary = self.summary.text.trim().to_owned();
        // The model keeps every page's HTML until it is rendered: it is
        // written into a buffer each thread reuses, then copied out at its
        // exact size, so the kept HTML has no spare capacity and the
        // allocator is not left with a large freed block beside each page's.
        if !self.opts.html {
            return (self.out, self.problems);
        }
        HTML_BUFFER.with_borrow_mut(|buf| {
            buf.clear();
            pulldown_cmark::html::push_html(buf, self.html.into_iter());
            self.out.html = Arc::new(buf.as_str().to_owned());
        });
        (self.out, self.problems)
    }
}

thread_local! {
    static HTML_BUFFER: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The first paragraph that has text, as plain text.
#[derive(Default)]
struct Summary {
    text: String,
    in_first_paragraph: bool,
    done: bool,
}

impl Summary {
    fn start_paragraph(&mut self) {
        if !self.done {
            self.in_first_paragraph = true;
        }
    }

    fn end_paragraph(&mut self) {
        if self.in_first_paragraph {
            self.in_first_paragraph = false;
            self.done = !self.text.trim().is_empty();
        }
    }

    fn push_str(&mut self, text: &str) {
        if self.in_first_paragraph {
            self.text.push_str(text);
        }
    }

    fn push(&mut self, c: char) {
        if self.in_first_paragraph {
            self.text.push(c);
        }
    }
}

/// The plain text under each heading, for the search index; kept only
/// when asked for ([`RenderOptions::sections`]).
struct Sections {
    keep: bool,
    /// The section being written; its text buffer is reused for the next.
    current: TextSection,
    done: Vec<TextSection>,
}

impl Sections {
    fn new(keep: bool) -> Self {
        Sections {
            keep,
            current: TextSection::default(),
            done: Vec::new(),
        }
    }

    fn push_str(&mut self, text: &str) {
        if self.keep {
            self.current.text.push_str(text);
        }
    }

    fn push(&mut self, c: char) {
        if self.keep {
            self.current.text.push(c);
        }
    }

    /// Ends the current section and starts the one under a heading.
    fn start(&mut self, anchor: &str, anchor_is_slug: bool, heading: &str) {
        if !self.keep {
            return;
        }
        self.end_current();
        self.current.anchor = Some(anchor.to_owned());
        self.current.anchor_is_slug = anchor_is_slug;
        self.current.heading = heading.to_owned();
    }

    /// Keeps the current section if it has text or an anchor, and empties
    /// it for the next one. Its text is copied out at its exact size and
    /// the growing buffer is reused: the model keeps every section until
    /// it is indexed.
    fn end_current(&mut self) {
        let s = &mut self.current;
        if !s.text.trim().is_empty() || s.anchor.is_some() {
            self.done.push(TextSection {
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

    fn finish(mut self) -> Vec<TextSection> {
        if self.keep {
            self.end_current();
        }
        self.done.shrink_to_fit();
        self.done
    }
}

/// A link to another website: what `casebook check --external` asks for.
fn is_web(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}
