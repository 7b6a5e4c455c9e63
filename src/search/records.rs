//! What a reader can land on: one search record per guide section (so a
//! result opens at the heading's anchor), FAQ entry, case, quote, template
//! and decision outcome, in a stable order (pages by path; FAQs, cases and
//! templates in file order; decision trees; quotes in file order).

use std::borrow::Cow;

use pulldown_cmark::{Event, Parser, TagEnd};

use crate::data::{Case, Faq, Kind as DataKind, Quote, Side, Template};
use crate::markdown::TextSection;
use crate::site::{Site, record_url};
use crate::tree::Tree;

/// What kind of result a record is, which its badge and the client's
/// filters show; in the order of the filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ResultKind {
    Guide,
    Faq,
    Case,
    Template,
    Decision,
    Quote,
}

impl ResultKind {
    pub const ALL: [ResultKind; 6] = [
        ResultKind::Guide,
        ResultKind::Faq,
        ResultKind::Case,
        ResultKind::Template,
        ResultKind::Decision,
        ResultKind::Quote,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ResultKind::Guide => "guide",
            ResultKind::Faq => "faq",
            ResultKind::Case => "case",
            ResultKind::Template => "template",
            ResultKind::Decision => "decision",
            ResultKind::Quote => "quote",
        }
    }

    /// Its index in [`ResultKind::ALL`]: how the manifest and the summary
    /// chunks name it.
    pub fn index(self) -> usize {
        ResultKind::ALL.iter().position(|k| *k == self).unwrap_or(0)
    }

    /// The badge and filter label.
    pub fn label(self) -> &'static str {
        match self {
            ResultKind::Guide => "Guide",
            ResultKind::Faq => "FAQ",
            ResultKind::Case => "Do & don't",
            ResultKind::Template => "Template",
            ResultKind::Decision => "Decision",
            ResultKind::Quote => "Expert",
        }
    }
}

/// One thing a search can find and open (a guide section, a FAQ entry, a
/// case, a template, a decision outcome or a quote) and the text it is
/// found by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRecord<'a> {
    pub kind: ResultKind,
    /// A link usable from any page (base path included), with `#anchor`.
    pub url: String,
    /// What the result shows as its title.
    pub title: String,
    /// Where it sits: the guide of a section, the tree of an outcome, the
    /// role of a quoted expert. May be empty.
    pub context: String,
    /// Indexed text: title (or question), headings (page title, topic,
    /// tags), body. A guide section's body is its text as the Markdown
    /// left it, borrowed: runs of whitespace do not change its words.
    pub fields: [Cow<'a, str>; 3],
    /// The text the client cuts a snippet from (squashed when it is cut).
    pub snippet: Cow<'a, str>,
}

/// Where records come from: a page, a data record or a decision tree, by
/// its index in the site model. Cheap to list, turned into records one at
/// a time by [`of`], so a big site never holds every record's text at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Page(usize),
    Faq(usize),
    Case(usize),
    Template(usize),
    Tree(usize),
    Quote(usize),
}

/// Where every record comes from, in the order of the records.
pub fn origins(site: &Site) -> Vec<Origin> {
    // A language's index holds what it has translated; the default
    // language's index has the rest (#18).
    let d = &site.data;
    let own = |fallback: bool| !fallback;
    let pages = site.own_pages().map(|(i, _)| Origin::Page(i));
    let faqs = (0..d.faqs.len())
        .filter(|&i| own(d.faqs[i].fallback))
        .map(Origin::Faq);
    let cases = (0..d.cases.len())
        .filter(|&i| own(d.cases[i].fallback))
        .map(Origin::Case);
    let templates = (0..d.templates.len())
        .filter(|&i| own(d.templates[i].fallback))
        .map(Origin::Template);
    let trees = (0..site.trees.len())
        .filter(|&i| own(site.trees[i].fallback))
        .map(Origin::Tree);
    let quotes = (0..d.quotes.len())
        .filter(|&i| own(d.quotes[i].fallback))
        .map(Origin::Quote);
    pages
        .chain(faqs)
        .chain(cases)
        .chain(templates)
        .chain(trees)
        .chain(quotes)
        .collect()
}

/// The records of one origin, a page's from the text kept in the model.
pub fn of(site: &Site, origin: Origin) -> Vec<SearchRecord<'_>> {
    let data = &site.data;
    match origin {
        Origin::Page(i) => page_records(site, i, &site.pages[i].rendered.sections),
        Origin::Faq(i) => vec![faq_record(site, &data.faqs[i].rec)],
        Origin::Case(i) => vec![case_record(site, &data.cases[i].rec)],
        Origin::Template(i) => vec![template_record(site, &data.templates[i].rec)],
        Origin::Tree(i) => outcomes(site, &site.trees[i]),
        Origin::Quote(i) => vec![quote_record(site, &data.quotes[i].rec)],
    }
}

/// The records of page `i` from its text sections (which the build hands
/// over to the index rather than keeping them in the site model): one for
/// the page itself and one per section under a heading.
pub fn page_records<'a>(
    site: &'a Site,
    i: usize,
    sections: &'a [TextSection],
) -> Vec<SearchRecord<'a>> {
    let page = &site.pages[i];
    let guide = GuidePage {
        title: page.title().trim(),
        tags: page.fm.tags.join(" "),
        url: site.config.link(&page.url),
        description: page.fm.description.clone().unwrap_or_default(),
    };
    let mut out = Vec::new();
    let has_intro = sections.first().is_some_and(|s| s.anchor.is_none());
    if !has_intro {
        // A page whose body starts with a heading still gets a record of
        // its own, so its title and description find it.
        out.push(guide.whole(guide.description.clone().into(), page.description().into()));
    }
    for s in sections {
        out.push(match &s.anchor {
            None => guide.intro(&s.text),
            Some(anchor) => guide.section(s, anchor),
        });
    }
    out
}

/// What every record of a guide page shares.
struct GuidePage<'a> {
    /// The page's title, trimmed.
    title: &'a str,
    /// Its tags, space-separated.
    tags: String,
    url: String,
    /// Its front matter's description, or nothing.
    description: String,
}

impl<'a> GuidePage<'a> {
    /// The record of the page itself.
    fn whole(&self, body: Cow<'a, str>, snippet: Cow<'a, str>) -> SearchRecord<'a> {
        SearchRecord {
            kind: ResultKind::Guide,
            url: self.url.clone(),
            title: self.title.to_owned(),
            context: String::new(),
            fields: [self.title.into(), self.tags.clone().into(), body],
            snippet,
        }
    }

    /// The record of the page itself from its text before any heading.
    fn intro(&self, text: &'a str) -> SearchRecord<'a> {
        let description = &self.description;
        let snippet = if description.trim().is_empty() {
            text.into()
        } else {
            format!("{} {text}", description.trim()).into()
        };
        self.whole(format!("{description} {text}").into(), snippet)
    }

    /// The record of a section under a heading, opened at its anchor.
    fn section(&self, s: &'a TextSection, anchor: &str) -> SearchRecord<'a> {
        // An anchor an editor chose (`{#swamped}`) says what the section is about.
        let chosen = if s.anchor_is_slug { "" } else { anchor };
        let (title, tags) = (self.title, &self.tags);
        SearchRecord {
            kind: ResultKind::Guide,
            url: format!("{}#{anchor}", self.url),
            title: squash(&s.heading),
            context: title.to_owned(),
            fields: [
                squash(&s.heading).into(),
                format!("{title} {tags} {}", words_of(chosen)).into(),
                s.text.as_str().into(),
            ],
            snippet: s.text.as_str().into(),
        }
    }
}

fn faq_record<'a>(site: &'a Site, f: &'a Faq) -> SearchRecord<'a> {
    let answer = plain(&f.answer);
    SearchRecord {
        kind: ResultKind::Faq,
        url: site.config.link(&record_url(DataKind::Faqs, &f.id)),
        title: squash(&f.question),
        context: String::new(),
        fields: [
            squash(&f.question).into(),
            format!("{} {}", words_of(&f.id), f.tags.join(" ")).into(),
            answer.clone().into(),
        ],
        snippet: answer.into(),
    }
}

fn case_record<'a>(site: &'a Site, k: &'a Case) -> SearchRecord<'a> {
    let side = |s: &Side| {
        format!(
            "{} {} {}",
            plain(&s.summary),
            s.example.as_deref().unwrap_or(""),
            plain(&s.why)
        )
    };
    let situation = plain(&k.situation);
    SearchRecord {
        kind: ResultKind::Case,
        url: site.config.link(&record_url(DataKind::Cases, &k.id)),
        title: squash(&k.title),
        context: site.config.label(&k.topic),
        fields: [
            squash(&k.title).into(),
            format!(
                "{} {} {}",
                words_of(&k.id),
                site.config.label(&k.topic),
                k.tags.join(" ")
            )
            .into(),
            squash(&format!("{situation} {} {}", side(&k.dont), side(&k.do_))).into(),
        ],
        snippet: format!("{situation} Do: {}", plain(&k.do_.summary)).into(),
    }
}

fn template_record<'a>(site: &'a Site, t: &'a Template) -> SearchRecord<'a> {
    let notes = t.notes.as_deref().map(plain).unwrap_or_default();
    SearchRecord {
        kind: ResultKind::Template,
        url: site.config.link(&record_url(DataKind::Templates, &t.id)),
        title: squash(&t.title),
        // Shown under the title, in the page's language (#18).
        context: site.lang.strings.get(t.channel.key()).to_owned(),
        fields: [
            squash(&t.title).into(),
            format!(
                "{} {} {} {}",
                words_of(&t.id),
                site.config.label(&t.context),
                t.channel.label(),
                t.tags.join(" ")
            )
            .into(),
            squash(&format!("{} {notes}", t.text)).into(),
        ],
        snippet: squash(&t.text).into(),
    }
}

fn quote_record<'a>(site: &'a Site, q: &'a Quote) -> SearchRecord<'a> {
    let role: Vec<&str> = [q.role.as_deref(), q.organisation.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    SearchRecord {
        kind: ResultKind::Quote,
        url: site.config.link(&record_url(DataKind::Quotes, &q.id)),
        title: q.speaker.trim().to_owned(),
        context: role.join(", "),
        fields: [
            q.speaker.as_str().into(),
            format!(
                "{} {} {}",
                role.join(" "),
                q.topic
                    .as_deref()
                    .map(|t| site.config.label(t))
                    .unwrap_or_default(),
                q.stance.label()
            )
            .into(),
            q.text.as_str().into(),
        ],
        snippet: q.text.as_str().into(),
    }
}

/// A tree's outcomes, each at the static page of the first path that
/// reaches it (`Tree::steps` is depth first from the start, so stable).
fn outcomes<'a>(site: &'a Site, tree: &Tree) -> Vec<SearchRecord<'a>> {
    let steps = tree.steps();
    tree.def
        .outcomes
        .iter()
        .filter_map(|o| {
            let step = steps.iter().find(|s| s.node == o.id)?;
            let body = plain(&o.body);
            // The answers that lead here describe the reader's situation.
            let answers: Vec<&str> = step
                .answers
                .iter()
                .filter_map(|(q, i)| {
                    tree.question(q)
                        .and_then(|q| q.options.get(*i))
                        .map(|o| o.label.as_str())
                })
                .collect();
            Some(SearchRecord {
                kind: ResultKind::Decision,
                url: site
                    .config
                    .link(&format!("/decide/{}/{}", tree.id, step.rel_url)),
                title: squash(&o.title),
                context: tree.def.title.trim().to_owned(),
                fields: [
                    squash(&o.title).into(),
                    format!(
                        "{} {} {}",
                        words_of(&o.id),
                        o.verdict.label(),
                        answers.join(" ")
                    )
                    .into(),
                    format!("{} {body}", tree.def.title).into(),
                ],
                snippet: body.into(),
            })
        })
        .collect()
}

/// The words of an id: `how-long-to-wait` → `how long to wait`.
fn words_of(id: &str) -> String {
    id.replace(['-', '_'], " ")
}

/// Markdown to plain text: the text of every block, one space between.
pub fn plain(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => out.push(' '),
            _ => {}
        }
    }
    squash(&out)
}

/// The first `n` characters of [`squash`]`(text)`, reading no more of
/// `text` than they need.
pub fn squash_prefix(text: &str, n: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for w in text.split_whitespace() {
        if !out.is_empty() {
            if count == n {
                break;
            }
            out.push(' ');
            count += 1;
        }
        for c in w.chars() {
            if count == n {
                return out;
            }
            out.push(c);
            count += 1;
        }
    }
    out
}

/// Runs of whitespace to one space, trimmed.
pub fn squash(text: &str) -> String {
    if text.is_ascii() {
        // On bytes: split_whitespace decodes every character, and this
        // runs over all the text of the site (a tenth of the index's time).
        let mut out = Vec::with_capacity(text.len());
        let words = text
            .as_bytes()
            .split(|&b| crate::text::is_ascii_space(b))
            .filter(|w| !w.is_empty());
        for w in words {
            if !out.is_empty() {
                out.push(b' ');
            }
            out.extend_from_slice(w);
        }
        // ASCII in, ASCII out: always valid UTF-8.
        return String::from_utf8(out).unwrap_or_default();
    }
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_plain_text() {
        assert_eq!(
            plain("Read **the** [guide](@/a.md).\n\n- one\n- two `code`"),
            "Read the guide. one two code"
        );
        assert_eq!(squash("  a \n\t b  "), "a b");
    }

    #[test]
    fn kinds_have_names_and_labels() {
        let names: Vec<&str> = ResultKind::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(
            names,
            ["guide", "faq", "case", "template", "decision", "quote"]
        );
        assert_eq!(ResultKind::Case.label(), "Do & don't");
    }
}
