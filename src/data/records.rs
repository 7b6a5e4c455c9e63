//! The schema of each record kind. `deny_unknown_fields` turns a misspelled
//! key into an error that suggests the right one.

use serde::{Deserialize, Serialize};

use crate::frontmatter::Date;

/// What every record can tell the validator.
pub trait Record {
    fn id(&self) -> &str;
    /// Text fields that must not be blank, as (name, value).
    fn required(&self) -> Vec<(&'static str, String)>;
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub date: Option<Date>,
    pub summary: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Side {
    pub summary: String,
    /// The message as sent, plain text.
    pub example: Option<String>,
    pub why: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    pub title: String,
    pub topic: String,
    #[serde(default)]
    pub tags: Vec<String>,
    pub situation: String,
    pub dont: Side,
    #[serde(rename = "do")]
    pub do_: Side,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    For,
    ItDepends,
    Against,
}

impl Stance {
    pub fn label(self) -> &'static str {
        match self {
            Stance::For => "For connecting",
            Stance::ItDepends => "It depends",
            Stance::Against => "Against connecting",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub id: String,
    pub text: String,
    pub speaker: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub stance: Stance,
    pub topic: Option<String>,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Faq {
    pub id: String,
    pub question: String,
    pub answer: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// `@/` paths of guides that go deeper.
    #[serde(default)]
    pub related: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    ConnectionNote,
    Inmail,
    Message,
    Email,
}

impl Channel {
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

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub id: String,
    pub title: String,
    pub context: String,
    pub channel: Channel,
    pub limit: Option<usize>,
    pub text: String,
    pub notes: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

impl Template {
    pub fn limit(&self) -> Option<usize> {
        self.limit.or(self.channel.default_limit())
    }
}

macro_rules! record {
    ($t:ty, $($field:ident),*) => {
        impl Record for $t {
            fn id(&self) -> &str {
                &self.id
            }
            fn required(&self) -> Vec<(&'static str, String)> {
                vec![$((stringify!($field), self.$field.clone())),*]
            }
        }
    };
}

record!(Source, title);
record!(Quote, text, speaker);
record!(Faq, question, answer);
record!(Template, title, context, text);

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
}
