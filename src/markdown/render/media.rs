//! The pass's images, local references and raw HTML (#19): an image is
//! gathered from its events and written whole (alt text, resolved URL,
//! size, lazy loading, smaller copies); a local file or page reference is
//! resolved from the file it is written in; raw HTML has its local URLs
//! resolved and its images completed (`raw_html`).

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::Pass;
use crate::diagnostics::{Pos, Problem};
use crate::markdown::links::AnchorRef;
use crate::markdown::local::{ImageTag, Local, LocalKind, Picture, image_html, local_ref};
use crate::markdown::raw_html::{self, Refs};

/// An image being read: its alt text is the text of the events inside it.
pub(super) struct OpenImage<'src> {
    dest: CowStr<'src>,
    title: CowStr<'src>,
    /// Where it starts (its `!`), for messages.
    offset: usize,
    alt: String,
    /// Images inside its alt text (which Markdown allows), still open.
    nested: usize,
}

impl<'src> OpenImage<'src> {
    pub(super) fn new(dest: &CowStr<'src>, title: &CowStr<'src>, offset: usize) -> Self {
        OpenImage {
            dest: dest.clone(),
            title: title.clone(),
            offset,
            alt: String::new(),
            nested: 0,
        }
    }
}

impl<'src> Pass<'_, 'src> {
    /// An event inside an image: text is its alt text (counted, as it is
    /// read aloud), its end writes it.
    pub(super) fn image_event(&mut self, event: &Event<'src>) {
        let Some(image) = &mut self.image else {
            return;
        };
        match event {
            Event::Start(Tag::Image { .. }) => image.nested += 1,
            Event::End(TagEnd::Image) if image.nested > 0 => image.nested -= 1,
            Event::End(TagEnd::Image) => self.end_image(),
            Event::Text(text) | Event::Code(text) => {
                image.alt.push_str(text);
                self.account(text);
            }
            Event::SoftBreak | Event::HardBreak => image.alt.push(' '),
            _ => {}
        }
    }

    fn end_image(&mut self) {
        let Some(image) = self.image.take() else {
            return;
        };
        let pos = self.pos(image.offset);
        if image.alt.trim().is_empty() {
            let problem = missing_alt(&format!("the image `{}` has no alt text", image.dest));
            self.problems.push(self.place.report(problem, pos));
        }
        let eager = self.next_image_eager();
        let (src, picture) = self
            .resolve_local(&image.dest, LocalKind::Image, pos)
            .unwrap_or_else(|| (image.dest.to_string(), None));
        let html = image_html(&ImageTag {
            src: &src,
            alt: image.alt.trim(),
            title: &image.title,
            picture: picture.as_ref(),
            eager,
        });
        self.html.push(Event::InlineHtml(html.into()));
    }

    /// Whether the next image loads at once: the first of a page (likely
    /// above the fold); never one in a data field.
    fn next_image_eager(&mut self) -> bool {
        self.images += 1;
        self.opts.anchors && self.images == 1
    }

    /// `dest` resolved, if it is a local reference the resolver knows: the
    /// URL to write (with its `?query#fragment`) and, for an image, what
    /// the page needs to show it. A problem is reported at `pos`, and the
    /// reference is then written as it is.
    pub(super) fn resolve_local(
        &mut self,
        dest: &str,
        kind: LocalKind,
        pos: Pos,
    ) -> Option<(String, Option<Picture>)> {
        let r = local_ref(dest, kind)?;
        match self.resolver.local(self.place.path, &r.path, kind)? {
            Ok(Local::File { url, image }) => Some((format!("{url}{}", r.suffix), image)),
            Ok(Local::Page { path, url }) => {
                if let Some(anchor) = r.fragment().filter(|a| !a.is_empty()) {
                    self.out.anchors.push(AnchorRef {
                        page: path,
                        anchor: anchor.to_owned(),
                        pos,
                    });
                }
                Some((format!("{url}{}", r.suffix), None))
            }
            Err(problem) => {
                self.problems.push(self.place.report(problem, pos));
                None
            }
        }
    }

    /// An inline HTML tag, its local URLs resolved.
    pub(super) fn inline_html(&mut self, event: &Event<'src>, html: &CowStr<'src>, offset: usize) {
        let starts = [(0, offset)];
        let mut refs = RawRefs {
            pass: self,
            starts: &starts,
        };
        match raw_html::rewrite(html, &mut refs) {
            Some(new) => self.html.push(Event::InlineHtml(new.into())),
            None => self.raw_html(event, html),
        }
    }

    /// The end of a raw HTML block: its lines as one text (a tag may span
    /// lines), its local URLs resolved; unchanged lines go on as they were.
    pub(super) fn end_html_block(&mut self, end: &Event<'src>) {
        let lines = self.html_block.take().unwrap_or_default();
        let mut text = String::new();
        let mut starts = Vec::with_capacity(lines.len());
        for (line, offset) in &lines {
            starts.push((text.len(), *offset));
            text.push_str(line);
        }
        let mut refs = RawRefs {
            pass: self,
            starts: &starts,
        };
        match raw_html::rewrite(&text, &mut refs) {
            Some(new) => self.html.push(Event::Html(new.into())),
            None => {
                for (line, _) in &lines {
                    self.raw_html(&Event::Html(line.clone()), line);
                }
            }
        }
        self.html.push(end.clone());
    }
}

/// The pass as raw HTML's resolver: positions in the HTML text mapped
/// back to the source through where each of its lines starts.
struct RawRefs<'p, 'a, 'src> {
    pass: &'p mut Pass<'a, 'src>,
    /// `(offset in the HTML text, offset in the source)` of each line.
    starts: &'p [(usize, usize)],
}

impl RawRefs<'_, '_, '_> {
    fn pos(&self, at: usize) -> Pos {
        let line = self.starts.partition_point(|&(s, _)| s <= at).max(1) - 1;
        let (text_start, source_start) = self.starts.get(line).copied().unwrap_or_default();
        self.pass.pos(source_start + (at - text_start))
    }
}

impl Refs for RawRefs<'_, '_, '_> {
    fn url(&mut self, url: &str, kind: LocalKind, at: usize) -> (Option<String>, Option<Picture>) {
        let pos = self.pos(at);
        match self.pass.resolve_local(url, kind, pos) {
            Some((new, picture)) => ((new != url).then_some(new), picture),
            None => (None, None),
        }
    }

    fn missing_alt(&mut self, at: usize) {
        let pos = self.pos(at);
        let problem = missing_alt("the image has no `alt` attribute");
        self.pass
            .problems
            .push(self.pass.place.report(problem, pos));
    }

    fn next_image_eager(&mut self) -> bool {
        self.pass.next_image_eager()
    }
}

/// An image without alt text: what to write instead, for an image that
/// says something and for one that is only decoration.
fn missing_alt(message: &str) -> Problem {
    Problem::new(message).hint(
        "say what the image shows for someone who cannot see it, e.g. \
         `![The note, 182 of 300 characters](note.png)`; for an image that is \
         only decoration, write `<img src=\"note.png\" alt=\"\">`",
    )
}
