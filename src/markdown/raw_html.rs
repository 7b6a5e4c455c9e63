//! Raw HTML in guides (#19): a guide may write `<img>`, `<a>` and
//! `<picture><source>` itself, and their local URLs are resolved and
//! checked like Markdown's: `src` and `srcset` of `img` and `source`,
//! `href` of `a`. An `<img>` without `alt` is reported (`alt=""`, written
//! on purpose, marks decoration and is allowed), and gets its size, lazy
//! loading and async decoding unless it says otherwise.
//!
//! html5gum (a WHATWG tokenizer, as browsers split tags) finds the tags and
//! where each attribute starts; only the attributes changed are rewritten,
//! so the rest of the author's HTML is kept byte for byte.

use std::ops::Range;

use html5gum::{DefaultEmitter, Token, Tokenizer};
use pulldown_cmark_escape::escape_html;

use super::local::{LocalKind, Picture};

/// What the Markdown pass does with each URL and image of the HTML.
pub(super) trait Refs {
    /// Resolves an attribute's URL written at byte `at` of the HTML,
    /// reporting any problem: the value to write instead (if it changes)
    /// and, for an image, what the page needs to show it.
    fn url(&mut self, url: &str, kind: LocalKind, at: usize) -> (Option<String>, Option<Picture>);
    /// An `<img>` at byte `at` has no `alt` attribute.
    fn missing_alt(&mut self, at: usize);
    /// Whether the next image of the page loads at once (see
    /// [`super::local::image_html`]).
    fn next_image_eager(&mut self) -> bool;
}

/// `html` with its local URLs resolved and its images completed, or `None`
/// when nothing changes (most raw HTML has no such tag).
pub(super) fn rewrite(html: &str, refs: &mut dyn Refs) -> Option<String> {
    if !mentions_a_tag(html) {
        return None;
    }
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for tag in start_tags(html) {
        tag_edits(html, &tag, refs, &mut edits);
    }
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out = String::with_capacity(html.len() + 64 * edits.len());
    let mut at = 0;
    for (range, text) in edits {
        out.push_str(&html[at..range.start]);
        out.push_str(&text);
        at = range.end;
    }
    out.push_str(&html[at..]);
    Some(out)
}

/// A cheap test before tokenizing: raw HTML rarely holds these tags.
fn mentions_a_tag(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    ["<img", "<a", "<source"].iter().any(|t| lower.contains(t))
}

/// A start tag of interest, with its attributes.
struct StartTag {
    name: String,
    span: Range<usize>,
    attrs: Vec<Attr>,
}

/// An attribute as written: `span` runs from its name to the end of its
/// value (closing quote included).
struct Attr {
    name: String,
    value: String,
    span: Range<usize>,
}

impl StartTag {
    fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.iter().find(|a| a.name == name)
    }
}

/// The `img`, `a` and `source` start tags of `html`, in order. The
/// contents of `script`, `style` and the like are not read as tags.
fn start_tags(html: &str) -> Vec<StartTag> {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut tags = Vec::new();
    for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
        let Token::StartTag(tag) = token else {
            continue;
        };
        let name = String::from_utf8_lossy(&tag.name).into_owned();
        if !matches!(name.as_str(), "img" | "a" | "source") {
            continue;
        }
        let attrs = tag
            .attributes
            .iter()
            .map(|(k, v)| {
                let start = v.span.start;
                Attr {
                    name: String::from_utf8_lossy(k).into_owned(),
                    value: String::from_utf8_lossy(&v.value).into_owned(),
                    span: start..attr_end(html, start),
                }
            })
            .collect();
        tags.push(StartTag {
            name,
            span: tag.span.start..tag.span.end,
            attrs,
        });
    }
    tags
}

/// Where the attribute whose name starts at byte `start` ends: after its
/// value's closing quote, or its unquoted value. (html5gum's spans give the
/// start exactly; the end of an unquoted value takes one byte too many.)
fn attr_end(html: &str, start: usize) -> usize {
    let b = html.as_bytes();
    let skip = |mut i: usize, f: &dyn Fn(u8) -> bool| {
        while i < b.len() && f(b[i]) {
            i += 1;
        }
        i
    };
    let name_end = skip(start, &|c| {
        !c.is_ascii_whitespace() && !matches!(c, b'=' | b'>' | b'/')
    });
    let i = skip(name_end, &|c| c.is_ascii_whitespace());
    if b.get(i) != Some(&b'=') {
        return name_end;
    }
    let i = skip(i + 1, &|c| c.is_ascii_whitespace());
    match b.get(i) {
        Some(&q @ (b'"' | b'\'')) => skip(i + 1, &|c| c != q).saturating_add(1).min(b.len()),
        _ => skip(i, &|c| !c.is_ascii_whitespace() && c != b'>'),
    }
}

/// The edits one tag needs.
fn tag_edits(
    html: &str,
    tag: &StartTag,
    refs: &mut dyn Refs,
    edits: &mut Vec<(Range<usize>, String)>,
) {
    let mut picture = None;
    for attr in &tag.attrs {
        let kind = match (tag.name.as_str(), attr.name.as_str()) {
            ("a", "href") => LocalKind::Link,
            ("img" | "source", "src") => LocalKind::Image,
            ("img" | "source", "srcset") => {
                if let Some(value) = srcset(&attr.value, attr.span.start, refs) {
                    edits.push((attr.span.clone(), attribute(&attr.name, &value)));
                }
                continue;
            }
            _ => continue,
        };
        let (value, found) = refs.url(&attr.value, kind, attr.span.start);
        if let Some(value) = value {
            edits.push((attr.span.clone(), attribute(&attr.name, &value)));
        }
        picture = picture.or(found);
    }
    if tag.name == "img" {
        image_edits(html, tag, picture.as_ref(), refs, edits);
    }
}

/// An `<img>`'s own checks and additions: `alt` present; the size, when
/// known and neither is given; `loading` and `decoding`, unless given.
fn image_edits(
    html: &str,
    tag: &StartTag,
    picture: Option<&Picture>,
    refs: &mut dyn Refs,
    edits: &mut Vec<(Range<usize>, String)>,
) {
    if tag.attr("alt").is_none() {
        refs.missing_alt(tag.span.start);
    }
    let eager = refs.next_image_eager();
    let mut add = String::new();
    if let Some((w, h)) = picture.and_then(|p| p.size)
        && tag.attr("width").is_none()
        && tag.attr("height").is_none()
    {
        add.push_str(&format!(" width=\"{w}\" height=\"{h}\""));
    }
    if !eager && tag.attr("loading").is_none() {
        add.push_str(" loading=\"lazy\"");
    }
    if tag.attr("decoding").is_none() {
        add.push_str(" decoding=\"async\"");
    }
    if !add.is_empty() {
        edits.push((insertion_point(html, &tag.span), add));
    }
}

/// Where attributes are added to the tag at `span`: after its last
/// attribute, before `>` or a self-closing `/>` (a `/` right after an
/// unquoted value belongs to the value, as a browser reads it).
fn insertion_point(html: &str, span: &Range<usize>) -> Range<usize> {
    let b = html.as_bytes();
    let mut at = span.end.saturating_sub(1).max(span.start);
    if at > span.start + 1
        && b[at - 1] == b'/'
        && matches!(
            b[at - 2],
            b'"' | b'\'' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'
        )
    {
        at -= 1;
    }
    while at > span.start && b[at - 1].is_ascii_whitespace() {
        at -= 1;
    }
    at..at
}

/// A `srcset` with each local URL resolved, if any changes.
fn srcset(value: &str, at: usize, refs: &mut dyn Refs) -> Option<String> {
    let mut changed = false;
    let parts: Vec<String> = value
        .split(',')
        .map(|candidate| {
            let candidate = candidate.trim();
            let (url, descriptor) = candidate
                .split_once(char::is_whitespace)
                .unwrap_or((candidate, ""));
            match refs.url(url, LocalKind::Image, at).0 {
                Some(new) => {
                    changed = true;
                    format!("{new} {}", descriptor.trim()).trim_end().to_owned()
                }
                None => candidate.to_owned(),
            }
        })
        .collect();
    changed.then(|| parts.join(", "))
}

/// `name="value"`, the value escaped.
fn attribute(name: &str, value: &str) -> String {
    let mut out = format!("{name}=\"");
    let _ = escape_html(&mut out, value);
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Turns `x.png` into `/base/x.png`, reports `missing.png`, knows the
    /// size of every `.png`.
    #[derive(Default)]
    struct Fake {
        log: Vec<String>,
        images: usize,
    }

    impl Refs for Fake {
        fn url(&mut self, url: &str, _: LocalKind, at: usize) -> (Option<String>, Option<Picture>) {
            if url.starts_with("missing") {
                self.log.push(format!("missing {url} at {at}"));
                return (None, None);
            }
            if url.starts_with("http") {
                return (None, None);
            }
            let picture = url.ends_with(".png").then(|| Picture {
                size: Some((800, 600)),
                ..Picture::default()
            });
            (Some(format!("/base/{url}")), picture)
        }
        fn missing_alt(&mut self, at: usize) {
            self.log.push(format!("no alt at {at}"));
        }
        fn next_image_eager(&mut self) -> bool {
            self.images += 1;
            self.images == 1
        }
    }

    fn run(html: &str) -> (Option<String>, Vec<String>) {
        let mut refs = Fake::default();
        let out = rewrite(html, &mut refs);
        (out, refs.log)
    }

    #[test]
    fn local_urls_are_rewritten_and_the_rest_kept() {
        let (out, log) = run(
            "<p class=x>See <a href=\"plan.pdf\" title=t>the plan</a>, <a href=\"https://e.org\">x</a></p>",
        );
        assert_eq!(
            out.as_deref(),
            Some(
                "<p class=x>See <a href=\"/base/plan.pdf\" title=t>the plan</a>, <a href=\"https://e.org\">x</a></p>"
            )
        );
        assert!(log.is_empty(), "{log:?}");
        assert_eq!(run("<p>No tags of interest</p>").0, None);
    }

    #[test]
    fn images_get_their_size_and_loading_unless_given() {
        let (out, log) =
            run("<img src=a.png alt=\"\">\n<img\n  src='b.png' alt=\"B\" loading=eager />");
        assert_eq!(
            out.as_deref(),
            Some(
                "<img src=\"/base/a.png\" alt=\"\" width=\"800\" height=\"600\" decoding=\"async\">\n\
                 <img\n  src=\"/base/b.png\" alt=\"B\" loading=eager width=\"800\" height=\"600\" decoding=\"async\" />"
            )
        );
        assert!(log.is_empty(), "{log:?}");
        let (out, _) = run("<img src=a.png><img src=b.svg alt=b width=10>");
        let out = out.unwrap();
        assert!(
            out.contains(
                "<img src=\"/base/b.svg\" alt=b width=10 loading=\"lazy\" decoding=\"async\">"
            ),
            "{out}"
        );
    }

    #[test]
    fn problems_name_the_attribute_and_a_missing_alt_the_tag() {
        let html = "<p>x</p><img src=\"missing.png\">";
        let (_, log) = run(html);
        assert_eq!(log, ["missing missing.png at 13", "no alt at 8"]);
        assert_eq!(&html[13..16], "src");
    }

    #[test]
    fn srcset_and_source_and_script_contents() {
        let (out, _) = run(
            "<picture><source srcset=\"a.png 1x, https://e.org/b.png 2x\"><img src=a.png alt=a></picture>",
        );
        assert!(
            out.unwrap()
                .starts_with("<picture><source srcset=\"/base/a.png 1x, https://e.org/b.png 2x\">"),
        );
        let (out, log) = run("<script>let s = '<img src=missing.png>';</script>");
        assert_eq!(out, None);
        assert!(log.is_empty(), "{log:?}");
    }
}
