//! The pass's images, local references and raw HTML (#19): an image is
//! gathered from its events and written whole (alt text, resolved URL,
//! size, lazy loading, smaller copies); a local file or page reference is
//! resolved from the file it is written in; raw HTML has its local URLs
//! resolved and its images completed (`raw_html`).

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::Pass;
use crate::diagnostics::{Code, Pos, Problem};
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
    Problem::new(Code::ImageNoAlt, message).hint(
        "say what the image shows for someone who cannot see it, e.g. \
         `![The note, 182 of 300 characters](note.png)`; for an image that is \
         only decoration, write `<img src=\"note.png\" alt=\"\">`",
    )
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::diagnostics::{Code, Diagnostic, Pos, Problem};
    use crate::markdown::{
        AnchorRef, Local, LocalKind, Picture, RenderOptions, Rendered, Resolve, render,
    };

    /// A guide `content/guides/a.md` with `shot.png` (800×600) and
    /// `plan.pdf` beside it, a page `timing.md`, and Spanish strings.
    struct Site;

    impl Resolve for Site {
        fn resolve(&self, target: &str) -> Result<String, Problem> {
            Err(Problem::new(Code::LinkMalformed, target))
        }

        fn local(
            &self,
            file: &Path,
            path: &str,
            kind: LocalKind,
        ) -> Option<Result<Local, Problem>> {
            assert_eq!(file, Path::new("content/guides/a.md"));
            let image = (kind == LocalKind::Image).then(|| Picture {
                size: Some((800, 600)),
                ..Picture::default()
            });
            Some(match path {
                "shot.png" => Ok(Local::File {
                    url: "/kb/guides/shot.png".into(),
                    image,
                }),
                "plan.pdf" => Ok(Local::File {
                    url: "/kb/guides/plan.pdf".into(),
                    image: None,
                }),
                "timing.md" => Ok(Local::Page {
                    path: "guides/timing.md".into(),
                    url: "/kb/guides/timing/".into(),
                }),
                _ => Err(
                    Problem::new(Code::AssetMissing, format!("no file `{path}`"))
                        .hint("did you mean `shot.png`?"),
                ),
            })
        }

        fn string(&self, key: &str) -> Option<&str> {
            (key == "callout_tip").then_some("Consejo")
        }
    }

    fn md(text: &str) -> (Rendered, Vec<Diagnostic>) {
        let opts = RenderOptions {
            escape_html: false,
            anchors: true,
            sections: true,
            html: true,
        };
        render(text, 1, Path::new("content/guides/a.md"), text, opts, &Site)
    }

    #[test]
    fn images_resolve_and_only_the_first_loads_at_once() {
        let (r, p) = md("![A shot](shot.png)\n\n![Again](shot.png?v=2 \"T\")\n");
        assert!(p.is_empty(), "{p:?}");
        assert!(
            r.html.contains(
                "<img src=\"/kb/guides/shot.png\" alt=\"A shot\" width=\"800\" height=\"600\" decoding=\"async\">"
            ),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(
                "<img src=\"/kb/guides/shot.png?v=2\" alt=\"Again\" title=\"T\" width=\"800\" height=\"600\" loading=\"lazy\" decoding=\"async\">"
            ),
            "{}",
            r.html
        );
        assert_eq!(r.words, 3, "alt text is read, so counted");
    }

    #[test]
    fn links_to_files_and_pages_resolve_and_page_anchors_are_recorded() {
        let (r, p) =
            md("The [plan](plan.pdf), [timing](timing.md#after), [web](https://e.org/a.pdf).\n");
        assert!(p.is_empty(), "{p:?}");
        assert!(
            r.html.contains("href=\"/kb/guides/plan.pdf\""),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("href=\"/kb/guides/timing/#after\""),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("href=\"https://e.org/a.pdf\""),
            "{}",
            r.html
        );
        assert_eq!(
            r.anchors,
            [AnchorRef {
                page: "guides/timing.md".into(),
                anchor: "after".into(),
                pos: Pos::new(1, 23),
            }]
        );
        assert_eq!(r.external.len(), 1);
        let (r, p) = md("[![Small](shot.png)](shot.png)\n");
        assert!(p.is_empty(), "{p:?}");
        assert!(
            r.html.contains(
                "<a href=\"/kb/guides/shot.png\"><img src=\"/kb/guides/shot.png\" alt=\"Small\""
            ),
            "{}",
            r.html
        );
    }

    #[test]
    fn a_missing_file_and_a_missing_alt_are_reported_where_written() {
        let (r, p) = md("Intro.\n\n  See ![x](nope.png) and ![](shot.png).\n");
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].pos, Some(Pos::new(3, 7)));
        assert_eq!(p[0].message, "no file `nope.png`");
        assert_eq!(p[0].hint.as_deref(), Some("did you mean `shot.png`?"));
        assert_eq!(p[1].pos, Some(Pos::new(3, 26)));
        assert!(p[1].message.contains("no alt text"), "{}", p[1].message);
        assert!(r.html.contains("src=\"nope.png\""), "left as written");
    }

    #[test]
    fn raw_html_in_a_block_is_resolved_and_reported_at_its_line() {
        let text = "Text.\n\n<figure>\n  <img\n    src=\"nope.png\">\n  <img src=\"shot.png\" alt=\"\">\n</figure>\n";
        let (r, p) = md(text);
        let at: Vec<_> = p.iter().map(|d| (d.pos, d.message.as_str())).collect();
        assert_eq!(
            at,
            [
                (Some(Pos::new(5, 5)), "no file `nope.png`"),
                (Some(Pos::new(4, 3)), "the image has no `alt` attribute"),
            ]
        );
        assert!(
            r.html.contains("<img src=\"/kb/guides/shot.png\" alt=\"\" width=\"800\" height=\"600\" loading=\"lazy\" decoding=\"async\">"),
            "{}",
            r.html
        );
    }

    #[test]
    fn callouts_take_the_edition_s_label_and_code_its_language() {
        let (r, p) = md("> [!TIP]\n> Go.\n\n> [!CAUTION]\n> Stop.\n\n```rust\nlet x = 1;\n```\n");
        assert!(p.is_empty(), "{p:?}");
        assert!(r.html.contains("role=\"note\""), "{}", r.html);
        assert!(r.html.contains("Consejo</p>\n<p>Go.</p>"), "{}", r.html);
        assert!(
            r.html.contains("Caution</p>"),
            "the English fallback: {}",
            r.html
        );
        assert!(
            r.html.contains("<span class=\"k\">let</span>"),
            "{}",
            r.html
        );
        let (r, _) = md("> [!NOTE]\n> Note.\n\n> Just a quote.\n");
        assert!(
            r.html.contains("<blockquote>\n<p>Just a quote.</p>"),
            "{}",
            r.html
        );
    }
}
