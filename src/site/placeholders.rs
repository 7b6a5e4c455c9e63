//! `[Placeholder]`s in message templates, for the theme to highlight.

use super::views::TextPart;

/// A template's text split into plain parts and `[Placeholder]` parts, so
/// the theme can highlight placeholders without parsing HTML.
pub fn placeholder_parts(text: &str) -> Vec<TextPart> {
    let part = |text: &str, placeholder| TextPart {
        text: text.to_owned(),
        placeholder,
    };
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        match rest[open..].find(']') {
            Some(close) if close > 1 && !rest[open + 1..open + close].contains('[') => {
                if open > 0 {
                    parts.push(part(&rest[..open], false));
                }
                parts.push(part(&rest[open..open + close + 1], true));
                rest = &rest[open + close + 1..];
            }
            _ => {
                parts.push(part(&rest[..open + 1], false));
                rest = &rest[open + 1..];
            }
        }
    }
    if !rest.is_empty() {
        parts.push(part(rest, false));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_split_out() {
        let parts = placeholder_parts("Hi [Name], see [x] and [ ok");
        let flags: Vec<bool> = parts.iter().map(|p| p.placeholder).collect();
        assert_eq!(flags, vec![false, true, false, true, false, false]);
        assert_eq!(parts[1].text, "[Name]");
    }
}
