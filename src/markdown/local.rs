//! References to local files (#19): images and links written as paths,
//! `shot.png`, `../img/a.png`, `/img/a.png`, `timing.md#after-applying`,
//! rather than as `@` targets or full URLs.
//!
//! Markdown only tells them apart ([`local_ref`]) and writes the HTML
//! ([`image_html`]); the site resolves each one from the file it is written
//! in ([`super::Resolve::local`]): whether the file exists, the URL it has
//! in the output (with the base path), and for an image its size and
//! smaller copies. A resolver that does not know the site's files (data
//! fields in tests, [`super::NoLinks`]) leaves them as written.

use pulldown_cmark_escape::{escape_href, escape_html};

/// What kind of reference: an image must be a file; a link may also be a
/// Markdown page (`timing.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LocalKind {
    Image,
    Link,
}

/// What a local reference points at, as the site resolves it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Local {
    /// A file copied to the output (an image, a PDF): its URL with the
    /// base path, and for an image what the page needs to show it.
    File { url: String, image: Option<Picture> },
    /// A Markdown page: its path in `content/` (for the anchor check) and
    /// its URL with the base path.
    Page { path: String, url: String },
}

/// What an `<img>` gets from the image file.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Picture {
    /// The size the browser shows it at, when known (no layout shift).
    pub size: Option<(u32, u32)>,
    /// Smaller WebP copies, `(url, width)`, smallest first; none when the
    /// image is no wider than the content column.
    pub sources: Vec<(String, u32)>,
    /// The `sizes` of the copies: how wide the theme shows the image.
    pub sizes: std::borrow::Cow<'static, str>,
}

/// A local reference split for resolving: the path, percent-decoded, and
/// what follows it (`?query#fragment`), kept as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalRef<'a> {
    pub path: String,
    pub suffix: &'a str,
}

impl LocalRef<'_> {
    /// The fragment (`after-applying` of `timing.md#after-applying`).
    pub fn fragment(&self) -> Option<&str> {
        self.suffix.split_once('#').map(|(_, f)| f)
    }
}

/// The reference `url` as a local path, if it is one: not a full URL
/// (`https:`, `mailto:`, `//host`), not an `@` or `#` target. A link is
/// local only when it names a file (its last segment has an extension):
/// `../timing/` is a page URL written by hand, passed through as before.
pub fn local_ref(url: &str, kind: LocalKind) -> Option<LocalRef<'_>> {
    let url = url.trim();
    if url.is_empty() || url.starts_with(['#', '@']) || url.starts_with("//") || has_scheme(url) {
        return None;
    }
    let cut = url.find(['?', '#']).unwrap_or(url.len());
    let (path, suffix) = url.split_at(cut);
    if path.is_empty() || (kind == LocalKind::Link && !names_a_file(path)) {
        return None;
    }
    let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    Some(LocalRef {
        path: path.into_owned(),
        suffix,
    })
}

/// `https:`, `mailto:`, `data:`…: a scheme (RFC 3986: a letter, then
/// letters, digits, `+`, `-`, `.`) before the first `:`, with no `/`, `?`
/// or `#` before it.
fn has_scheme(url: &str) -> bool {
    let Some(colon) = url.find(':') else {
        return false;
    };
    let scheme = &url[..colon];
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Whether the path's last segment has an extension (`a.pdf`, not `a/`,
/// `timing` or `..`) that is not one of the kinds casebook writes itself
/// (`/atom.xml`, `../index.html`, `/check/rules.json`): those are not in
/// the site's files to check against, and pass through as written.
fn names_a_file(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or(path);
    let ext = match last.rfind('.') {
        Some(i) if i > 0 && i + 1 < last.len() => last[i + 1..].to_ascii_lowercase(),
        _ => return false,
    };
    !matches!(ext.as_str(), "html" | "htm" | "xml" | "json")
}

/// An `<img>`, in a `<picture>` with a WebP `<source>` when the image has
/// smaller copies; `src` is the URL to write (escaped here).
pub struct ImageTag<'a> {
    pub src: &'a str,
    pub alt: &'a str,
    pub title: &'a str,
    pub picture: Option<&'a Picture>,
    /// Load at once: likely above the fold (the first image of a page).
    pub eager: bool,
}

/// The HTML of an image. Every image is lazy and decoded off the main
/// thread but the first of a page (likely the largest thing above the
/// fold, which lazy loading would delay).
pub fn image_html(tag: &ImageTag) -> String {
    let mut out = String::with_capacity(160);
    let sources = tag.picture.map_or(&[][..], |p| &p.sources[..]);
    if let (Some(p), false) = (tag.picture, sources.is_empty()) {
        out.push_str("<picture><source type=\"image/webp\" srcset=\"");
        for (i, (url, width)) in sources.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            push_href(&mut out, url);
            out.push_str(&format!(" {width}w"));
        }
        out.push_str("\" sizes=\"");
        push_text(&mut out, &p.sizes);
        out.push_str("\">");
    }
    out.push_str("<img src=\"");
    push_href(&mut out, tag.src);
    out.push_str("\" alt=\"");
    push_text(&mut out, tag.alt);
    out.push('"');
    if !tag.title.is_empty() {
        out.push_str(" title=\"");
        push_text(&mut out, tag.title);
        out.push('"');
    }
    if let Some((w, h)) = tag.picture.and_then(|p| p.size) {
        out.push_str(&format!(" width=\"{w}\" height=\"{h}\""));
    }
    if !tag.eager {
        out.push_str(" loading=\"lazy\"");
    }
    out.push_str(" decoding=\"async\">");
    if !sources.is_empty() {
        out.push_str("</picture>");
    }
    out
}

/// A URL for an attribute, as pulldown-cmark writes one.
fn push_href(out: &mut String, url: &str) {
    // Writing to a String cannot fail.
    let _ = escape_href(&mut *out, url);
}

/// Text for an attribute, as pulldown-cmark writes one.
fn push_text(out: &mut String, text: &str) {
    let _ = escape_html(&mut *out, text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_references_are_told_apart() {
        let img = |u| local_ref(u, LocalKind::Image).map(|r| (r.path, r.suffix));
        let link = |u| local_ref(u, LocalKind::Link).map(|r| (r.path, r.suffix));
        assert_eq!(img("shot.png"), Some(("shot.png".into(), "")));
        assert_eq!(
            img("../img/a%20b.png?v=2"),
            Some(("../img/a b.png".into(), "?v=2"))
        );
        assert_eq!(img("/img/a.png"), Some(("/img/a.png".into(), "")));
        for external in [
            "https://e.org/a.png",
            "HTTP://e.org/a.png",
            "//cdn.e.org/a.png",
            "data:image/png;base64,AA",
            "mailto:a@e.org",
            "#top",
            "@/guides/a.md",
            "",
        ] {
            assert_eq!(img(external), None, "{external}");
        }
        assert_eq!(link("timing.md#x"), Some(("timing.md".into(), "#x")));
        assert_eq!(link("files/plan.pdf"), Some(("files/plan.pdf".into(), "")));
        for page_url in [
            "../timing/",
            "timing",
            "/guides/",
            "..",
            ".",
            "a/.hidden",
            "?q=1",
        ] {
            assert_eq!(link(page_url), None, "{page_url}");
        }
        let r = local_ref("timing.md?x=1#after", LocalKind::Link).unwrap();
        assert_eq!(r.fragment(), Some("after"));
    }

    #[test]
    fn images_are_lazy_but_the_first_and_big_ones_get_copies() {
        let picture = Picture {
            size: Some((1600, 900)),
            sources: vec![("/a-480.webp".into(), 480), ("/a-672.webp".into(), 672)],
            sizes: "(min-width: 44rem) 42rem, 100vw".into(),
        };
        let html = image_html(&ImageTag {
            src: "/a b.png",
            alt: "A \"note\" <3",
            title: "",
            picture: Some(&picture),
            eager: false,
        });
        assert_eq!(
            html,
            "<picture><source type=\"image/webp\" srcset=\"/a-480.webp 480w, /a-672.webp 672w\" \
             sizes=\"(min-width: 44rem) 42rem, 100vw\"><img src=\"/a%20b.png\" \
             alt=\"A &quot;note&quot; &lt;3\" width=\"1600\" height=\"900\" loading=\"lazy\" \
             decoding=\"async\"></picture>"
        );
        let html = image_html(&ImageTag {
            src: "https://e.org/x.png",
            alt: "x",
            title: "t",
            picture: None,
            eager: true,
        });
        assert_eq!(
            html,
            "<img src=\"https://e.org/x.png\" alt=\"x\" title=\"t\" decoding=\"async\">"
        );
    }
}
