//! Small text helpers that every stage uses: slugs for URLs and ids, HTML
//! escaping where Tera is not involved, word counts and reading time, short
//! descriptions.
//!
//! They live apart from the Markdown renderer because most callers (the
//! site model, templates' contexts, decision trees, search, the scaffold,
//! the dev server) need one of them and nothing of Markdown. Pure functions
//! of their arguments.

use std::fmt::Write as _;

use unicode_normalization::UnicodeNormalization;

/// A URL-safe id from text: accents folded, lowercase, runs of other
/// characters become one hyphen (`"Résumé: the basics"` → `resume-the-basics`).
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut dash = false;
    for c in text
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
    {
        if c.is_alphanumeric() {
            if dash && !slug.is_empty() {
                slug.push('-');
            }
            dash = false;
            slug.extend(c.to_lowercase());
        } else if c != '\'' && c != '’' {
            dash = true;
        }
    }
    slug
}

/// Escape for HTML attribute values (double- or single-quoted).
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escape for HTML text nodes (used where Tera is not involved); the
/// attribute escape is a safe superset.
pub fn escape_text(s: &str) -> String {
    escape_attr(s)
}

/// `text.split_whitespace().count()`, without decoding each character:
/// ASCII bytes, nearly all of any page, are classed directly. Word counts
/// run over every word of every page (reading time), and decoding was a
/// measurable part of the Markdown pass.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    if bytes.is_ascii() {
        // Word starts: a non-space byte after a space (or at the start).
        let (mut words, mut after_space) = (0, true);
        for &b in bytes {
            let space = is_ascii_space(b);
            words += usize::from(after_space & !space);
            after_space = space;
        }
        return words;
    }
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() {
        let (space, len) = if bytes[i].is_ascii() {
            (is_ascii_space(bytes[i]), 1)
        } else {
            text[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8()))
        };
        words += usize::from(!space && !in_word);
        in_word = !space;
        i += len;
    }
    words
}

/// `char::is_whitespace` for an ASCII byte: tab to carriage return, or
/// space (`u8::is_ascii_whitespace` leaves out U+000B).
pub fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (0x09..=0x0D).contains(&b)
}

/// Reading time in whole minutes at 200 words a minute, at least one.
pub fn reading_minutes(words: usize) -> usize {
    words.div_ceil(200).max(1)
}

/// Makes a short plain-text description from a summary.
pub fn truncate_words(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > max_chars {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let _ = write!(out, "…");
    out
}

/// `after-applying` → `After applying`.
pub fn humanize(slug: &str) -> String {
    let s = slug.replace(['-', '_'], " ");
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn humanize_slugs() {
        assert_eq!(humanize("after-applying"), "After applying");
    }

    #[test]
    fn slugs_fold_accents_and_punctuation() {
        assert_eq!(slugify("Résumé: the basics"), "resume-the-basics");
        assert_eq!(slugify("Don’t pitch"), "dont-pitch");
        assert_eq!(slugify("  300 characters  "), "300-characters");
    }

    #[test]
    fn reading_time_is_at_least_a_minute() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(7), 1);
        assert_eq!(reading_minutes(201), 2);
    }
}
