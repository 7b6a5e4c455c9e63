//! Fenced code blocks, highlighted at build time (#19): the block's text
//! is gathered from its events, and [`crate::highlight`] turns it into
//! class spans for the language the fence names. A block it does not
//! highlight (no language, an unknown one, too large) is written as
//! pulldown-cmark writes it: plain, escaped text in `<pre><code>`.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};
use pulldown_cmark_escape::escape_html;

/// A fenced block being read: its info string and its text so far.
pub(super) struct OpenCode<'src> {
    info: CowStr<'src>,
    text: String,
}

impl<'src> OpenCode<'src> {
    /// A block whose fence names a language (`rust`, `yaml title="a"`);
    /// `None` for indented blocks and bare fences, which stay plain.
    pub(super) fn start(kind: &CodeBlockKind<'src>) -> Option<Self> {
        match kind {
            CodeBlockKind::Fenced(info) if !info.trim().is_empty() => Some(OpenCode {
                info: info.clone(),
                text: String::new(),
            }),
            _ => None,
        }
    }

    pub(super) fn push(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// The events that write the block: one HTML event when highlighted,
    /// else pulldown-cmark's own.
    pub(super) fn finish(self) -> Vec<Event<'src>> {
        match crate::highlight::highlight(&self.text, &self.info) {
            Some(inner) => {
                let mut html = String::with_capacity(inner.len() + 48);
                html.push_str("<pre><code class=\"language-");
                // As pulldown-cmark names the language: the info string's first word.
                let lang = self.info.split(' ').next().unwrap_or_default();
                let _ = escape_html(&mut html, lang);
                html.push_str("\">");
                html.push_str(&inner);
                html.push_str("</code></pre>\n");
                vec![Event::Html(html.into())]
            }
            None => vec![
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(self.info))),
                Event::Text(self.text.into()),
                Event::End(TagEnd::CodeBlock),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(info: &str, text: &str) -> String {
        let mut block = OpenCode::start(&CodeBlockKind::Fenced(info.into())).unwrap();
        block.push(text);
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, block.finish().into_iter());
        out
    }

    #[test]
    fn a_known_language_is_highlighted_an_unknown_one_is_plain() {
        let rust = html("rust", "let x = \"<b>\";\n");
        assert!(
            rust.starts_with("<pre><code class=\"language-rust\">"),
            "{rust}"
        );
        assert!(rust.contains("<span class=\"k\">let</span>"), "{rust}");
        assert!(
            rust.contains("&lt;b&gt;") && !rust.contains("<b>"),
            "{rust}"
        );
        assert_eq!(
            html("klingon", "<b>\n"),
            "<pre><code class=\"language-klingon\">&lt;b&gt;\n</code></pre>\n"
        );
        assert!(OpenCode::start(&CodeBlockKind::Fenced("  ".into())).is_none());
        assert!(OpenCode::start(&CodeBlockKind::Indented).is_none());
    }
}
