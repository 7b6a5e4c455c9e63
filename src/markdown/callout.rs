//! Callouts (#19): GitHub's alert syntax, which contributors already
//! write, as a box a screen reader announces.
//!
//! ```markdown
//! > [!WARNING]
//! > Don't send the request again.
//! ```
//!
//! pulldown-cmark parses it (`Options::ENABLE_GFM`); this module writes it:
//! a `<div role="note">` (a note, not an `<aside>`: every `<aside>` would
//! be a landmark of its own in a screen reader's list) whose first line is
//! its visible label ("Warning"), read first, with an icon that is
//! decoration only (`aria-hidden`). The theme's CSS colours each kind.

use pulldown_cmark::BlockQuoteKind;

/// The five kinds GitHub has, in its order.
pub const KINDS: [BlockQuoteKind; 5] = [
    BlockQuoteKind::Note,
    BlockQuoteKind::Tip,
    BlockQuoteKind::Important,
    BlockQuoteKind::Warning,
    BlockQuoteKind::Caution,
];

/// The class suffix and theme-strings key part: `note`, `tip`, …
pub fn name(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "note",
        BlockQuoteKind::Tip => "tip",
        BlockQuoteKind::Important => "important",
        BlockQuoteKind::Warning => "warning",
        BlockQuoteKind::Caution => "caution",
    }
}

/// The theme-strings key of the kind's label: `callout_note`, …
pub fn key(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "callout_note",
        BlockQuoteKind::Tip => "callout_tip",
        BlockQuoteKind::Important => "callout_important",
        BlockQuoteKind::Warning => "callout_warning",
        BlockQuoteKind::Caution => "callout_caution",
    }
}

/// The English label, as in the theme's `i18n/en.toml` under [`key`]: used
/// when the resolver knows no strings (tests, a theme without the key).
/// A site's pages get the edition's language through
/// [`super::Resolve::string`].
pub fn label(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "Note",
        BlockQuoteKind::Tip => "Tip",
        BlockQuoteKind::Important => "Important",
        BlockQuoteKind::Warning => "Warning",
        BlockQuoteKind::Caution => "Caution",
    }
}

/// A 16-pixel icon drawn in the label's colour: a circled "i", a bulb, a
/// speech bubble with "!", a triangle with "!", an octagon with "!".
fn icon_path(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => {
            "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1ZM7.2 7h1.6v5H7.2ZM7.2 4h1.6v1.6H7.2Z"
        }
        BlockQuoteKind::Tip => "M8 1a5 5 0 0 0-3 9v2.5h6V10a5 5 0 0 0-3-9ZM6 13.5h4V15H6Z",
        BlockQuoteKind::Important => {
            "M2 2h12v9H8.5L5 14v-3H2ZM7.2 3.5h1.6V7.5H7.2ZM7.2 8.5h1.6v1.6H7.2Z"
        }
        BlockQuoteKind::Warning => "M8 1l7 13.5H1ZM7.2 6h1.6v4.5H7.2ZM7.2 11.3h1.6v1.6H7.2Z",
        BlockQuoteKind::Caution => {
            "M5 1h6l4 4v6l-4 4H5l-4-4V5ZM7.2 4h1.6v5H7.2ZM7.2 10.4h1.6V12H7.2Z"
        }
    }
}

/// The callout's opening: the box and its label line, `label` already
/// the reader's language (see [`label`]).
pub fn open_html(kind: BlockQuoteKind, label: &str) -> String {
    let mut out = format!(
        "<div class=\"callout callout-{}\" role=\"note\"><p class=\"callout-title\">\
         <svg class=\"callout-icon\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\">\
         <path fill-rule=\"evenodd\" d=\"{}\"/></svg>",
        name(kind),
        icon_path(kind)
    );
    let _ = pulldown_cmark_escape::escape_html_body_text(&mut out, label);
    out.push_str("</p>\n");
    out
}

/// The callout's closing.
pub const CLOSE_HTML: &str = "</div>\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_class_key_label_and_icon() {
        for kind in KINDS {
            let html = open_html(kind, label(kind));
            assert!(html.contains(&format!("callout-{}", name(kind))), "{html}");
            assert!(html.contains("aria-hidden=\"true\""), "{html}");
            assert!(html.ends_with(&format!("{}</p>\n", label(kind))), "{html}");
            assert_eq!(key(kind), format!("callout_{}", name(kind)));
        }
    }
}
