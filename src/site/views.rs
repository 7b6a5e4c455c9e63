//! What templates see of data records and decision trees: typed views with
//! their Markdown fields rendered and their links resolved, built once per
//! build. A field renamed here is renamed for every template at once, and a
//! field the render reads is checked by the compiler.
//!
//! Each view serializes with the keys the theme's templates use
//! (`case.dont.summary`, `template.parts`, …): they are part of the theme
//! contract documented in docs/theming.md.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use super::Links;
use super::urls::record_url;
use crate::data::{Channel, CheckKind, Data, Kind, Located, Stance, is_web_url};
use crate::diagnostics::{Diagnostic, Pos};
use crate::frontmatter::Date;
use crate::locate::Lines;
use crate::markdown::{self, Resolve};

/// The text of each data file, by its path, to place messages about a
/// record's Markdown fields.
pub type SourceTexts<'a> = HashMap<&'a Path, &'a str>;

/// What every record view has.
#[derive(Debug, Clone, Serialize)]
pub struct RecordBase {
    pub id: String,
    /// The kind's singular: `case`, `faq`, …
    pub kind: &'static str,
    /// The record's anchor on its listing page, with the base path.
    pub url: String,
    /// Its data file, relative to the site root, with `/`.
    pub file: String,
    pub line: usize,
    /// The record's own "Edit" link: its data file (#6).
    pub edit_url: Option<String>,
    /// In a translation: the record is the default language's, not yet
    /// translated; its language, for `lang` on its markup.
    pub fallback: bool,
    pub lang: Option<String>,
}

/// A source as other records cite it.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRef {
    pub id: String,
    pub title: String,
    /// The title's language when it may not be the page's: its
    /// `title_lang`, or the default language's for a source not yet
    /// translated.
    pub title_lang: Option<String>,
    pub publisher: Option<String>,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    #[serde(flatten)]
    pub base: RecordBase,
    pub title: String,
    /// The title's language when it may not be the page's: its
    /// `title_lang`, or the default language's for a source not yet
    /// translated.
    pub title_lang: Option<String>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    /// The article's address, if it is a web address.
    pub external_url: Option<String>,
    pub date: Option<Date>,
    pub summary: Option<String>,
}

/// A case's "don't" or "do", Markdown as HTML.
#[derive(Debug, Clone, Serialize)]
pub struct SideView {
    pub summary: String,
    pub example: Option<String>,
    pub why: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseView {
    #[serde(flatten)]
    pub base: RecordBase,
    pub title: String,
    pub topic: String,
    pub topic_title: String,
    pub tags: Vec<String>,
    pub situation: String,
    pub dont: SideView,
    #[serde(rename = "do")]
    pub do_: SideView,
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    #[serde(flatten)]
    pub base: RecordBase,
    pub text: String,
    pub speaker: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub stance: Stance,
    pub stance_label: String,
    pub topic: Option<String>,
    pub sources: Vec<SourceRef>,
}

/// An FAQ's "read more" link, with the title of the page it names.
#[derive(Debug, Clone, Serialize)]
pub struct RelatedLink {
    pub url: String,
    pub title: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FaqView {
    #[serde(flatten)]
    pub base: RecordBase,
    pub question: String,
    pub answer: String,
    pub tags: Vec<String>,
    pub related: Vec<RelatedLink>,
    pub sources: Vec<SourceRef>,
}

/// A piece of a template's text: plain, or a `[Placeholder]` to fill in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextPart {
    pub text: String,
    pub placeholder: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct TemplateView {
    #[serde(flatten)]
    pub base: RecordBase,
    pub title: String,
    pub context: String,
    pub context_title: String,
    pub channel: Channel,
    pub channel_label: String,
    pub limit: Option<usize>,
    pub text: String,
    /// In characters (code points).
    pub length: usize,
    pub parts: Vec<TextPart>,
    pub notes: Option<String>,
    pub tags: Vec<String>,
    pub sources: Vec<SourceRef>,
}

/// The case a checker rule points to, if it exists.
#[derive(Debug, Clone, Serialize)]
pub struct CaseRef {
    pub id: String,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// A message-checker rule with the case that explains it (#7).
#[derive(Debug, Clone, Serialize)]
pub struct CheckView {
    #[serde(flatten)]
    pub base: RecordBase,
    pub title: String,
    pub rule: CheckKind,
    pub pattern: Option<String>,
    pub unless: Option<String>,
    pub min: Option<usize>,
    pub max: Option<usize>,
    pub message: String,
    pub case: CaseRef,
}

/// The views of one kind, in the data's order, found by id.
#[derive(Debug, Clone)]
pub struct Views<T> {
    list: Vec<T>,
    by_id: HashMap<String, usize>,
}

impl<T> Default for Views<T> {
    fn default() -> Self {
        Views {
            list: Vec::new(),
            by_id: HashMap::new(),
        }
    }
}

impl<T> Views<T> {
    fn push(&mut self, id: &str, view: T) {
        self.by_id.insert(id.to_owned(), self.list.len());
        self.list.push(view);
    }

    pub fn get(&self, id: &str) -> Option<&T> {
        self.by_id.get(id).map(|&i| &self.list[i])
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.list.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// Every record's view.
#[derive(Debug, Clone, Default)]
pub struct RecordViews {
    pub sources: Views<SourceView>,
    pub cases: Views<CaseView>,
    pub quotes: Views<QuoteView>,
    pub faqs: Views<FaqView>,
    pub templates: Views<TemplateView>,
    pub checks: Views<CheckView>,
}

/// One record's view, whatever its kind: what a shortcode embeds and a tag
/// page lists. Serializes as the view itself.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(untagged)]
pub enum RecordView<'a> {
    Source(&'a SourceView),
    Case(&'a CaseView),
    Quote(&'a QuoteView),
    Faq(&'a FaqView),
    Template(&'a TemplateView),
    Check(&'a CheckView),
}

impl<'a> RecordView<'a> {
    pub fn base(self) -> &'a RecordBase {
        match self {
            RecordView::Source(v) => &v.base,
            RecordView::Case(v) => &v.base,
            RecordView::Quote(v) => &v.base,
            RecordView::Faq(v) => &v.base,
            RecordView::Template(v) => &v.base,
            RecordView::Check(v) => &v.base,
        }
    }

    /// What names the record in a list: its title, question or speaker.
    pub fn title(self) -> &'a str {
        match self {
            RecordView::Source(v) => &v.title,
            RecordView::Case(v) => &v.title,
            RecordView::Quote(v) => &v.speaker,
            RecordView::Faq(v) => &v.question,
            RecordView::Template(v) => &v.title,
            RecordView::Check(v) => &v.title,
        }
    }
}

impl RecordViews {
    /// The view of record `id` of `kind`.
    pub fn get(&self, kind: Kind, id: &str) -> Option<RecordView<'_>> {
        match kind {
            Kind::Sources => self.sources.get(id).map(RecordView::Source),
            Kind::Cases => self.cases.get(id).map(RecordView::Case),
            Kind::Quotes => self.quotes.get(id).map(RecordView::Quote),
            Kind::Faqs => self.faqs.get(id).map(RecordView::Faq),
            Kind::Templates => self.templates.get(id).map(RecordView::Template),
            Kind::Checks => self.checks.get(id).map(RecordView::Check),
        }
    }

    /// How many records are the default language's (not translated yet).
    pub fn untranslated(&self) -> usize {
        Kind::ALL
            .into_iter()
            .map(|k| {
                self.of_kind(k)
                    .into_iter()
                    .filter(|v| v.base().fallback)
                    .count()
            })
            .sum()
    }

    /// Every view of `kind`, in the data's order.
    pub fn of_kind(&self, kind: Kind) -> Vec<RecordView<'_>> {
        match kind {
            Kind::Sources => self.sources.iter().map(RecordView::Source).collect(),
            Kind::Cases => self.cases.iter().map(RecordView::Case).collect(),
            Kind::Quotes => self.quotes.iter().map(RecordView::Quote).collect(),
            Kind::Faqs => self.faqs.iter().map(RecordView::Faq).collect(),
            Kind::Templates => self.templates.iter().map(RecordView::Template).collect(),
            Kind::Checks => self.checks.iter().map(RecordView::Check).collect(),
        }
    }
}

/// Renders records' Markdown fields, collecting the problems they have.
struct Fields<'a> {
    texts: &'a SourceTexts<'a>,
    links: &'a Links<'a>,
    problems: Vec<Diagnostic>,
    external: Vec<super::ExternalUse>,
}

impl Fields<'_> {
    /// The field `key` of the record on lines `line..=end` of `file`, as HTML.
    fn markdown(
        &mut self,
        file: &Path,
        (line, end): (usize, usize),
        key: &str,
        text: &str,
    ) -> String {
        let file_text = self.texts.get(file).copied().unwrap_or("");
        let pos = Lines::between(file_text, line, end).field(key);
        // A block scalar (`|`, `>`) starts on the next line.
        let start = if file_text
            .lines()
            .nth(pos.line - 1)
            .is_some_and(|l| l.trim_end().ends_with(['|', '>', '-']))
        {
            Pos::new(pos.line + 1, 1)
        } else {
            pos
        };
        let (html, mut probs, refs) =
            markdown::render_field(text, file, start, file_text, self.links);
        self.problems.append(&mut probs);
        // A record standing in from the default language is not in this
        // edition's texts: its links are that edition's.
        if self.texts.contains_key(file) {
            self.external.extend(super::ExternalUse::all_in_field(
                file,
                file_text,
                (start.line, end),
                &refs,
            ));
        }
        html
    }

    /// A source's `url`, where it is written, when it is a web address of
    /// this edition's own record.
    fn source_url(&mut self, r: &Located<crate::data::Source>) {
        let (Some(url), Some(text)) = (r.rec.url.as_deref(), self.texts.get(r.file.as_path()))
        else {
            return;
        };
        if !is_web_url(url) {
            return; // reported by the data's validation
        }
        // The `url:` line's first occurrence of the address (after any
        // quote), not an earlier mention of it in the record.
        let lines = Lines::between(text, r.line, r.end_line);
        let pos = lines
            .value_of("url")
            .and_then(|at| Lines::between(text, at.line, at.line).find(url))
            .or_else(|| lines.find(url))
            .unwrap_or(lines.start());
        self.external.push(super::ExternalUse {
            url: url.to_owned(),
            file: r.file.clone(),
            pos,
            line: text.lines().nth(pos.line - 1).unwrap_or("").to_owned(),
        });
    }

    fn base<T>(&self, kind: Kind, id: &str, r: &Located<T>) -> RecordBase {
        let file = r.file.to_string_lossy().replace('\\', "/");
        let config = self.links.config;
        let lang = self.links.lang();
        let url = self.record_link(kind, id, r.fallback);
        RecordBase {
            id: id.to_owned(),
            kind: kind.singular(),
            url,
            fallback: r.fallback,
            lang: r.fallback.then(|| lang.default_code.clone()),
            edit_url: config
                .edit_link
                .as_ref()
                .map(|l| l.replace("{path}", &file)),
            file,
            line: r.line,
        }
    }

    /// Where record `id` of `kind` is listed. A record not translated yet
    /// is where its original lives, in the default language.
    fn record_link(&self, kind: Kind, id: &str, fallback: bool) -> String {
        if fallback {
            format!(
                "{}{}",
                self.links.lang().root_path,
                record_url(kind, id).trim_start_matches('/')
            )
        } else {
            self.links.config.link(&record_url(kind, id))
        }
    }

    /// A source title's language when it may not be the page's: its
    /// `title_lang`, or the default language's for a source not yet
    /// translated.
    fn title_lang(&self, s: &Located<crate::data::Source>) -> Option<String> {
        s.rec
            .title_lang
            .clone()
            .or_else(|| s.fallback.then(|| self.links.lang().default_code.clone()))
    }

    fn sources(&self, data: &Data, ids: &[String]) -> Vec<SourceRef> {
        ids.iter()
            .filter_map(|id| data.sources.iter().find(|s| &s.rec.id == id))
            .map(|s| SourceRef {
                id: s.rec.id.clone(),
                title: s.rec.title.clone(),
                title_lang: self.title_lang(s),
                publisher: s.rec.publisher.clone(),
                url: self.record_link(Kind::Sources, &s.rec.id, s.fallback),
            })
            .collect()
    }
}

/// Every record's view, with Markdown fields rendered; problems in those
/// fields and in FAQs' related links go to `problems`.
pub fn record_views(
    data: &Data,
    texts: &SourceTexts,
    links: &Links,
    problems: &mut Vec<Diagnostic>,
    external: &mut Vec<super::ExternalUse>,
) -> RecordViews {
    let mut f = Fields {
        texts,
        links,
        problems: Vec::new(),
        external: Vec::new(),
    };
    let mut views = RecordViews::default();
    for r in &data.sources {
        f.source_url(r);
        views.sources.push(&r.rec.id, source_view(&f, r));
    }
    for r in &data.cases {
        let view = case_view(&mut f, data, r);
        views.cases.push(&r.rec.id, view);
    }
    for r in &data.quotes {
        views.quotes.push(&r.rec.id, quote_view(&f, data, r));
    }
    for r in &data.faqs {
        let view = faq_view(&mut f, data, r, problems);
        views.faqs.push(&r.rec.id, view);
    }
    for r in &data.templates {
        let view = template_view(&mut f, data, r);
        views.templates.push(&r.rec.id, view);
    }
    for r in &data.checks {
        let view = check_view(&f, &views.cases, r);
        views.checks.push(&r.rec.id, view);
    }
    problems.append(&mut f.problems);
    external.append(&mut f.external);
    views
}

fn source_view(f: &Fields, r: &Located<crate::data::Source>) -> SourceView {
    let s = &r.rec;
    SourceView {
        title_lang: f.title_lang(r),
        base: f.base(Kind::Sources, &s.id, r),
        title: s.title.clone(),
        publisher: s.publisher.clone(),
        author: s.author.clone(),
        external_url: s.url.clone().filter(|u| is_web_url(u)),
        date: s.date.clone(),
        summary: s.summary.clone(),
    }
}

fn case_view(f: &mut Fields, data: &Data, r: &Located<crate::data::Case>) -> CaseView {
    let c = &r.rec;
    let (file, lines) = (r.file.as_path(), (r.line, r.end_line));
    let mut side = |s: &crate::data::Side| SideView {
        summary: f.markdown(file, lines, "summary", &s.summary),
        example: s.example.clone(),
        why: f.markdown(file, lines, "why", &s.why),
    };
    let (dont, do_) = (side(&c.dont), side(&c.do_));
    CaseView {
        base: f.base(Kind::Cases, &c.id, r),
        title: c.title.clone(),
        topic: c.topic.clone(),
        topic_title: f.links.config.label(&c.topic),
        tags: c.tags.clone(),
        situation: f.markdown(file, lines, "situation", &c.situation),
        dont,
        do_,
        sources: f.sources(data, &c.sources),
    }
}

fn quote_view(f: &Fields, data: &Data, r: &Located<crate::data::Quote>) -> QuoteView {
    let q = &r.rec;
    QuoteView {
        base: f.base(Kind::Quotes, &q.id, r),
        text: q.text.clone(),
        speaker: q.speaker.clone(),
        role: q.role.clone(),
        organisation: q.organisation.clone(),
        stance: q.stance,
        stance_label: f.links.lang().strings.get(q.stance.key()).to_owned(),
        topic: q.topic.clone(),
        sources: f.sources(data, std::slice::from_ref(&q.source)),
    }
}

fn faq_view(
    f: &mut Fields,
    data: &Data,
    r: &Located<crate::data::Faq>,
    problems: &mut Vec<Diagnostic>,
) -> FaqView {
    let q = &r.rec;
    let file_text = f.texts.get(r.file.as_path()).copied().unwrap_or("");
    let record = Lines::between(file_text, r.line, r.end_line);
    let related = q
        .related
        .iter()
        .filter_map(|target| match f.links.resolve(target) {
            Ok(url) => Some(RelatedLink {
                url,
                title: f.links.page_title(target).map(str::to_owned),
            }),
            Err(problem) => {
                let pos = record.find(target).unwrap_or(record.start());
                problems.push(problem.in_file(&r.file).at_in(pos, file_text));
                None
            }
        })
        .collect();
    FaqView {
        base: f.base(Kind::Faqs, &q.id, r),
        question: q.question.clone(),
        answer: f.markdown(&r.file, (r.line, r.end_line), "answer", &q.answer),
        tags: q.tags.clone(),
        related,
        sources: f.sources(data, &q.sources),
    }
}

fn template_view(f: &mut Fields, data: &Data, r: &Located<crate::data::Template>) -> TemplateView {
    let t = &r.rec;
    let notes = t
        .notes
        .as_deref()
        .map(|n| f.markdown(&r.file, (r.line, r.end_line), "notes", n));
    TemplateView {
        base: f.base(Kind::Templates, &t.id, r),
        title: t.title.clone(),
        context: t.context.clone(),
        context_title: f.links.config.label(&t.context),
        channel: t.channel,
        channel_label: f.links.lang().strings.get(t.channel.key()).to_owned(),
        limit: t.limit(),
        text: t.text.clone(),
        length: t.text.chars().count(),
        parts: super::placeholders::placeholder_parts(&t.text),
        notes,
        tags: t.tags.clone(),
        sources: f.sources(data, &t.sources),
    }
}

fn check_view(f: &Fields, cases: &Views<CaseView>, r: &Located<crate::data::Check>) -> CheckView {
    let c = &r.rec;
    let case = cases.get(&c.case);
    CheckView {
        base: f.base(Kind::Checks, &c.id, r),
        title: c.title.clone(),
        rule: c.kind,
        pattern: c.pattern.clone(),
        unless: c.unless.clone(),
        min: c.min,
        max: c.max,
        message: c.message.clone(),
        case: CaseRef {
            id: c.case.clone(),
            title: case.map(|v| v.title.clone()),
            url: case.map(|v| v.base.url.clone()),
        },
    }
}
