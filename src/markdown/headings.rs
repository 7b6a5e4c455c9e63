//! Headings as the site shows them: each gets an id that is unique on its
//! page (the editor's `{#id}`, else the slug of its title, numbered on
//! repeats) and an anchor link after its text. Other pages link to these
//! ids and search results jump to them, so the rule lives in one place.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, TagEnd};

use crate::text::{escape_attr, slugify};

/// The ids given so far on one page.
#[derive(Default)]
pub(super) struct HeadingIds {
    taken: HashSet<String>,
}

/// A heading's id, and whether it is the slug of the heading's title (not
/// one an editor chose, nor one numbered to be unique): search keeps that
/// to know whether the anchor can be derived from the title.
pub(super) struct HeadingId {
    pub id: String,
    pub is_slug: bool,
}

impl HeadingIds {
    /// The id of a heading titled `title`, with the id its editor `chosen`
    /// if any: `section` for a title without a slug, numbered if taken.
    pub(super) fn assign(&mut self, chosen: Option<&str>, title: &str) -> HeadingId {
        let base = chosen.map_or_else(|| slugify(title), str::to_owned);
        let id = self.unique(if base.is_empty() {
            "section".into()
        } else {
            base.clone()
        });
        let is_slug = if chosen.is_some() {
            slugify(title) == id
        } else {
            base == id
        };
        HeadingId { id, is_slug }
    }

    fn unique(&mut self, base: String) -> String {
        if self.taken.insert(base.clone()) {
            return base;
        }
        (1..)
            .map(|n| format!("{base}-{n}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .unwrap_or(base)
    }
}

/// A heading whose closing tag is still to be written.
pub(super) struct OpenHeading {
    pub level: u8,
    pub id: String,
    pub title: String,
}

impl OpenHeading {
    /// The anchor link after the heading's text, and the closing tag.
    pub(super) fn closing_html(&self) -> String {
        format!(
            " <a class=\"heading-anchor\" href=\"#{}\" aria-label=\"Link to this section: {}\">#</a></h{}>\n",
            escape_attr(&self.id),
            escape_attr(&self.title),
            self.level
        )
    }
}

/// The opening tag, with the id and any classes the editor gave (`{.c}`).
pub(super) fn opening_html(level: u8, id: &str, classes: &[CowStr]) -> String {
    let class = if classes.is_empty() {
        String::new()
    } else {
        format!(" class=\"{}\"", escape_attr(&classes.join(" ")))
    };
    format!("<h{level} id=\"{}\"{class}>", escape_attr(id))
}

/// A heading's title: the text of the events up to its end (`following`
/// starts just after the heading's start).
pub(super) fn title(following: &[(Event, Range<usize>)]) -> String {
    following
        .iter()
        .map(|(e, _)| e)
        .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect()
}

pub(super) fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_know_whether_they_are_the_slug() {
        let mut ids = HeadingIds::default();
        let got: Vec<(String, bool)> = [
            (None, "Intro"),
            (None, "Intro"),
            (Some("intro-2"), "Other"),
            (None, "!!"),
            (None, "?"),
            (Some("same"), "Same"),
        ]
        .into_iter()
        .map(|(chosen, title)| {
            let HeadingId { id, is_slug } = ids.assign(chosen, title);
            (id, is_slug)
        })
        .collect();
        let want = [
            ("intro", true),
            ("intro-1", false),
            ("intro-2", false),
            ("section", false),
            ("section-1", false),
            ("same", true),
        ];
        assert_eq!(got, want.map(|(id, s)| (id.to_owned(), s)));
    }
}
