//! The schema of each record kind. `deny_unknown_fields` turns a misspelled
//! key into an error that suggests the right one.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::frontmatter::Date;

/// What every record can tell the validator.
pub trait Record:
    Clone + std::fmt::Debug + Serialize + serde::de::DeserializeOwned + JsonSchema
{
    fn id(&self) -> &str;
    /// Text fields that must not be blank, as (name, value).
    fn required(&self) -> Vec<(&'static str, String)>;
    /// Ids of the sources the record cites.
    fn cites(&self) -> &[String] {
        &[]
    }
    /// The tags the record files itself under (none by default).
    fn tags(&self) -> &[String] {
        &[]
    }
}

/// An article the knowledge base draws on (`sources.yaml`). Guides and
/// records name it in their `sources`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// A stable id: lowercase letters, digits and hyphens, unique among sources.
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    pub id: String,
    /// The article's title.
    pub title: String,
    /// The language of `title` when it is not the site's (a BCP 47 code):
    /// a headline kept as the article gives it, e.g. `en` in a Spanish
    /// edition. Marks it up with `lang`, so a screen reader speaks it in
    /// its own language (WCAG 3.1.2).
    #[schemars(regex(pattern = r"^[A-Za-z0-9-]+$"))]
    pub title_lang: Option<String>,
    /// Who published it (a site, a company, a magazine).
    pub publisher: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// Where to read it: a full web address (`https://...`).
    #[schemars(regex(pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s]+$"))]
    pub url: Option<String>,
    /// When it was published.
    pub date: Option<Date>,
    /// One or two sentences on what it covers.
    pub summary: Option<String>,
}

/// One side of a case: what the reader does, and why it fails or works.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Side {
    /// What they do, in one sentence (Markdown).
    pub summary: String,
    /// The message as sent, plain text.
    pub example: Option<String>,
    /// Why it fails (for `dont`) or works (for `do`), in Markdown.
    pub why: String,
}

/// A do/don't case (`cases.yaml`): one situation, what not to do and what
/// to do instead.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// A stable id: lowercase letters, digits and hyphens, unique among cases.
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    pub id: String,
    /// A short name for the case.
    pub title: String,
    /// A slug that groups cases on the cases page, e.g. `connection-request`.
    pub topic: String,
    /// Tag slugs; each tag gets a page listing what carries it.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Where the reader stands, in Markdown.
    pub situation: String,
    /// The mistake.
    pub dont: Side,
    /// What to do instead.
    #[serde(rename = "do")]
    pub do_: Side,
    /// Ids from `sources.yaml`.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Where a quote stands on contacting the hiring manager.
#[derive(
    Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord,
)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    For,
    ItDepends,
    Against,
}

impl Stance {
    /// The theme string of its label (`quote_stance_for`).
    pub fn key(self) -> &'static str {
        match self {
            Stance::For => "quote_stance_for",
            Stance::ItDepends => "quote_stance_it_depends",
            Stance::Against => "quote_stance_against",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Stance::For => "For connecting",
            Stance::ItDepends => "It depends",
            Stance::Against => "Against connecting",
        }
    }
}

/// A short verbatim quote from an expert (`quotes.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// A stable id: lowercase letters, digits and hyphens, unique among quotes.
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    pub id: String,
    /// The words exactly as published, plain text.
    pub text: String,
    /// Who said it.
    pub speaker: String,
    /// Their job title.
    pub role: Option<String>,
    /// Where they work.
    pub organisation: Option<String>,
    /// `for`, `against` or `it-depends`: groups quotes on the quotes page.
    pub stance: Stance,
    /// What the quote is about, in a few words.
    pub topic: Option<String>,
    /// The id of the source (from `sources.yaml`) it was published in.
    pub source: String,
}

/// A question and its answer (`faqs.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    /// A stable id: lowercase letters, digits and hyphens; the question's anchor on the FAQ page.
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    pub id: String,
    /// The question, as a reader would ask it.
    pub question: String,
    /// The answer, in Markdown. Short answer first.
    pub answer: String,
    /// Tag slugs; each tag gets a page listing what carries it.
    #[serde(default)]
    pub tags: Vec<String>,
    /// `@/` paths of guides that go deeper.
    #[serde(default)]
    pub related: Vec<String>,
    /// Ids from `sources.yaml`.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Where a template is sent; a connection note defaults to a 300-character limit.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    ConnectionNote,
    Inmail,
    Message,
    Email,
}

impl Channel {
    /// The theme string of its label (`template_channel_email`).
    pub fn key(self) -> &'static str {
        match self {
            Channel::ConnectionNote => "template_channel_connection_note",
            Channel::Inmail => "template_channel_inmail",
            Channel::Message => "template_channel_message",
            Channel::Email => "template_channel_email",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Channel::ConnectionNote => "LinkedIn connection note",
            Channel::Inmail => "LinkedIn InMail",
            Channel::Message => "LinkedIn message",
            Channel::Email => "Email",
        }
    }

    /// LinkedIn's limit for a connection request note.
    pub fn default_limit(self) -> Option<usize> {
        match self {
            Channel::ConnectionNote => Some(300),
            _ => None,
        }
    }
}

/// A message to copy (`templates.yaml`), with `[Placeholders]` in square
/// brackets.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// A stable id: lowercase letters, digits and hyphens, unique among templates.
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    pub id: String,
    /// A short name for the template.
    pub title: String,
    /// A slug that groups templates on the templates page, e.g. `after-applying`.
    pub context: String,
    /// Where it is sent: `connection-note`, `inmail`, `message` or `email`.
    pub channel: Channel,
    /// The most characters the text may have; connection notes default to 300.
    pub limit: Option<usize>,
    /// The message, plain text, placeholders in `[Square brackets]`.
    pub text: String,
    /// When and how to use it, in Markdown.
    pub notes: Option<String>,
    /// Tag slugs; each tag gets a page listing what carries it.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Ids from `sources.yaml`.
    #[serde(default)]
    pub sources: Vec<String>,
}

impl Template {
    pub fn limit(&self) -> Option<usize> {
        self.limit.or(self.channel.default_limit())
    }
}

/// How a message-checker rule decides to flag a note.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum CheckKind {
    /// Flags a note that matches `pattern`.
    #[default]
    Pattern,
    /// Flags a note of at least `min` characters that does not match
    /// `pattern` (e.g. no reference to the person's work).
    Missing,
    /// Flags a note longer than `max` characters (code points, as LinkedIn
    /// counts).
    Length,
}

impl CheckKind {
    pub fn name(self) -> &'static str {
        match self {
            CheckKind::Pattern => "pattern",
            CheckKind::Missing => "missing",
            CheckKind::Length => "length",
        }
    }

    /// Whether rules of this kind have a `pattern` (all but `length`).
    pub fn takes_pattern(self) -> bool {
        self != CheckKind::Length
    }

    /// Whether rules of this kind may have an `unless` (only `pattern`).
    pub fn takes_unless(self) -> bool {
        self == CheckKind::Pattern
    }
}

/// A message-checker rule (`checks.yaml`): run in the reader's browser by
/// checker.js, validated here. Issue #7.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// A stable id: lowercase letters, digits and hyphens, unique among checks.
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    pub id: String,
    /// A short name for the rule, shown on its flag and in the list of rules.
    pub title: String,
    /// How the rule decides: `pattern` (the default), `missing` or `length`.
    #[serde(default)]
    pub kind: CheckKind,
    /// A regular expression in the common subset of JavaScript and Rust
    /// syntax, matched case-insensitively.
    pub pattern: Option<String>,
    /// `pattern` only: a second expression, in the same syntax; a note that
    /// also matches it is not flagged (a generic phrase is fine in a note
    /// that names something specific elsewhere).
    pub unless: Option<String>,
    /// `missing` only: judge notes of at least this many characters.
    pub min: Option<usize>,
    /// `length` only: the most characters a note may have.
    pub max: Option<usize>,
    /// One sentence: why a flagged note is a problem.
    pub message: String,
    /// The id of the case that explains it.
    pub case: String,
}

macro_rules! record {
    ($t:ty, [$($field:ident),*] $(, cites: |$r:ident| $cites:expr)? $(, tags: $tags:ident)?) => {
        impl Record for $t {
            fn id(&self) -> &str {
                &self.id
            }
            fn required(&self) -> Vec<(&'static str, String)> {
                vec![$((stringify!($field), self.$field.clone())),*]
            }
            $(fn cites(&self) -> &[String] {
                let $r = self;
                $cites
            })?
            $(fn tags(&self) -> &[String] {
                &self.$tags
            })?
        }
    };
}

record!(Source, [title]);
record!(Quote, [text, speaker], cites: |q| std::slice::from_ref(&q.source));
record!(Faq, [question, answer], cites: |f| &f.sources, tags: tags);
record!(Template, [title, context, text], cites: |t| &t.sources, tags: tags);
record!(Check, [title, message, case]);

impl Record for Case {
    fn id(&self) -> &str {
        &self.id
    }
    fn required(&self) -> Vec<(&'static str, String)> {
        vec![
            ("title", self.title.clone()),
            ("situation", self.situation.clone()),
            ("dont.summary", self.dont.summary.clone()),
            ("dont.why", self.dont.why.clone()),
            ("do.summary", self.do_.summary.clone()),
            ("do.why", self.do_.why.clone()),
        ]
    }
    fn cites(&self) -> &[String] {
        &self.sources
    }
    fn tags(&self) -> &[String] {
        &self.tags
    }
}
