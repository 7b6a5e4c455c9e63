//! The site model: pages with URLs, sections, tags and aliases; `@` links
//! resolved and anchors checked; data records and trees turned into typed
//! views with their Markdown rendered. Pure: built from the loaded texts,
//! no disk access.
//!
//! - [`urls`]: every URL, and [`Listing`], the list pages casebook writes;
//! - [`pages`]: front matter, URLs, sections and aliases;
//! - [`links`]: `@` links and anchors;
//! - [`assets`]: files beside the pages, and references to them (#19);
//! - [`views`]: what templates see of records; `tree_view`, of trees;
//! - [`tags`]: tags of pages and records.

pub mod assets;
mod language;
mod links;
mod pages;
pub mod placeholders;
mod quick;
mod tags;
mod tree_view;
pub mod urls;
pub mod views;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use rayon::prelude::*;

pub use assets::Assets;
pub use language::{Language, languages};
pub use links::Links;
pub use quick::redo_body;
pub use tags::TagInfo;
pub use tree_view::{OutcomeLink, TreeView};
pub use urls::{Listing, alias_path, record_url, url_for};
pub use views::{RecordView, RecordViews, SourceTexts};

use crate::config::SiteConfig;
use crate::data::{Data, Kind};
use crate::diagnostics::{Diagnostic, Pos};
use crate::frontmatter::{Date, FrontMatter};
use crate::load::TextFile;
use crate::locate::Lines;
use crate::markdown::{self, RenderOptions, Rendered};
use crate::tree::Tree;

#[derive(Debug, Clone)]
pub struct Page {
    /// Relative to the site root: `content/guides/a.md`.
    pub file: PathBuf,
    /// Relative to `content/`: `guides/a.md`.
    pub path: String,
    pub text: String,
    pub fm: FrontMatter,
    pub body_line: usize,
    pub body_start: usize,
    pub is_section: bool,
    /// Site path, without the base path: `/guides/a/`.
    pub url: String,
    pub parent: Option<usize>,
    /// Sections only: their pages and subsections, in order.
    pub children: Vec<usize>,
    /// Where this page is among its section's `children`.
    pub position: usize,
    /// The pages (not subsections) before and after this one in its
    /// section, for the previous/next links.
    pub prev: Option<usize>,
    pub next: Option<usize>,
    pub rendered: Rendered,
    /// The day of the last git commit that touched the file, if known.
    pub git_date: Option<Date>,
    /// In a translation: the default language's page, standing in because
    /// this language has not translated it yet. It is listed and linked
    /// (to the default language's URL) but not written again.
    pub fallback: bool,
    /// Set when the model let the page's body go ([`Bodies::Remade`]):
    /// `text` keeps only the front matter, and this is the hash of the
    /// whole file as it was read, for the render to read the same text
    /// again (`load::read_again`).
    pub body_hash: Option<crate::hash::Digest>,
}

impl Page {
    pub fn title(&self) -> &str {
        self.fm.title.as_deref().unwrap_or("")
    }

    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// When the page last changed: `updated` from its front matter, else
    /// `date`, else its last git commit (#6).
    pub fn updated(&self) -> Option<&Date> {
        self.fm
            .updated
            .as_ref()
            .or(self.fm.date.as_ref())
            .or(self.git_date.as_ref())
    }

    /// The description, or the first paragraph cut to a sentence-ish length.
    pub fn description(&self) -> String {
        match &self.fm.description {
            Some(d) if !d.trim().is_empty() => d.trim().to_owned(),
            _ => crate::text::truncate_words(&self.rendered.summary, 160),
        }
    }

    /// The line of a front-matter key, for messages about its value.
    fn front_pos(&self, key: &str) -> Pos {
        Lines::all(&self.text[..self.body_start])
            .key(key)
            .unwrap_or(Pos::new(1, 1))
    }
}

/// A link to another website and where it is written: for
/// `casebook check --external`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalUse {
    pub url: String,
    pub file: PathBuf,
    pub pos: Pos,
    /// The line it is on, for the message's caret.
    pub line: String,
}

impl ExternalUse {
    /// The external links `refs` found in `text` (the text of `file`).
    pub fn all_in(
        file: &std::path::Path,
        text: &str,
        refs: &[markdown::ExternalRef],
    ) -> Vec<ExternalUse> {
        refs.iter()
            .map(|r| ExternalUse {
                url: r.url.clone(),
                file: file.to_path_buf(),
                pos: r.pos,
                line: text
                    .lines()
                    .nth(r.pos.line.saturating_sub(1))
                    .unwrap_or("")
                    .to_owned(),
            })
            .collect()
    }

    /// The external links `refs` of a data field whose value starts on
    /// line `from` of `text`, in a record that ends on line `end`. The
    /// renderer counts a field's columns from its value, and YAML takes
    /// out quotes, indentation and line breaks, so each link is placed
    /// where its address is written: the first occurrence after the
    /// previous link's.
    pub fn all_in_field(
        file: &std::path::Path,
        text: &str,
        (from, end): (usize, usize),
        refs: &[markdown::ExternalRef],
    ) -> Vec<ExternalUse> {
        let line_start = |n: usize| -> usize {
            text.split_inclusive('\n')
                .take(n.saturating_sub(1))
                .map(str::len)
                .sum()
        };
        let stop = line_start(end.saturating_add(1));
        let mut cursor = line_start(from);
        let mut uses = Self::all_in(file, text, refs);
        for u in &mut uses {
            let found = text.get(cursor..stop).and_then(|t| t.find(&u.url));
            if let Some(i) = found {
                u.pos = crate::diagnostics::Pos::of_offset(text, cursor + i);
                u.line = text.lines().nth(u.pos.line - 1).unwrap_or("").to_owned();
                cursor += i + u.url.len();
            }
        }
        uses
    }
}

/// One language's edition of the site (for a one-language site, the site).
#[derive(Debug)]
pub struct Site {
    /// This edition's settings: `base_url` ends with the language's prefix,
    /// and the title, description and menu are in its language.
    pub config: SiteConfig,
    pub lang: Language,
    pub pages: Vec<Page>,
    pub by_path: HashMap<String, usize>,
    pub home: Option<usize>,
    pub data: Data,
    /// Template-ready views of every record, Markdown fields as HTML.
    pub views: RecordViews,
    pub tags: BTreeMap<String, TagInfo>,
    pub trees: Vec<Tree>,
    /// One per tree, in the same order: its Markdown as HTML and its
    /// outcomes' links with titles.
    pub tree_views: Vec<TreeView>,
    /// Trees that failed validation (already reported).
    pub broken_trees: Vec<String>,
    /// Every link to another website in the edition's pages, records and
    /// trees (not in what stands in from the default language).
    pub external: Vec<ExternalUse>,
}

pub struct BuildOptions<'a> {
    pub drafts: bool,
    /// For a translation: the default language's edition, whose pages stand
    /// in for those not translated yet.
    pub original: Option<&'a Site>,
    /// Trees that failed validation: their own errors are reported, so links
    /// and shortcodes naming them are not reported again.
    pub broken_trees: Vec<String>,
    /// Last-commit days by page file ([`crate::load::Input::git_dates`]).
    pub git_dates: HashMap<PathBuf, String>,
    /// The files copied as they are, which pages' images and links name.
    pub assets: &'a Assets<'a>,
    /// What pages rendered to in an earlier build (`serve`, #17).
    pub memo: Option<&'a markdown::Memo>,
    /// Whether each page's HTML and text sections stay in the model.
    pub bodies: Bodies,
}

/// What the model keeps of each page's rendered Markdown (#17).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bodies {
    /// Its HTML and search text stay in the model: for `serve`, which
    /// renders one page again, and for `check` and the benchmarks.
    Kept,
    /// Only what other pages need stays (table of contents, ids, anchors,
    /// summary, word count); the render makes each page's HTML and text
    /// sections again, with [`remake_body`], as it writes the page, and
    /// hands the text sections to the search index. A build holding every
    /// page's HTML and text at once peaked at 2.4 GB on 100,000 pages;
    /// rendering each body twice costs less than that.
    Remade,
}

/// Assembles the model from parsed input. Problems are collected; the model is usable for
/// `check` even when some pages failed.
pub fn assemble(
    config: SiteConfig,
    lang: Language,
    page_files: Vec<TextFile>,
    data: Data,
    data_texts: &SourceTexts,
    trees: Vec<Tree>,
    opts: &BuildOptions,
) -> (Site, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut pages = parse_pages(page_files, opts, &mut problems);
    if let Some(original) = opts.original {
        pages::add_stand_ins(&mut pages, original, &mut problems);
    }
    pages::assign_urls(&mut pages, &mut problems);
    let by_path: HashMap<String, usize> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.path.clone(), i))
        .collect();
    pages::link_sections(&mut pages, &by_path);
    pages::check_aliases(&pages, &mut problems);

    // The pages' texts go to the render one by one, so that a model that
    // keeps no bodies lets each go once it is rendered (#17).
    let texts: Vec<String> = pages
        .iter_mut()
        .map(|p| std::mem::take(&mut p.text))
        .collect();
    let links = Links::new(
        &config,
        &lang,
        &pages,
        &data,
        &trees,
        &opts.broken_trees,
        opts.assets,
    );
    let rendered = render_pages(&pages, texts, &config, &links, opts);
    let mut external = Vec::new();
    let views = views::record_views(&data, data_texts, &links, &mut problems, &mut external);
    let titles = |target: &str| link_title(target, &pages, &by_path, &views);
    let tree_views = trees
        .iter()
        .map(|t| tree_view::tree_view(t, &links, &titles, &mut problems, &mut external))
        .collect();
    drop(links);
    for (page, made) in pages.iter_mut().zip(rendered) {
        let Made {
            rendered,
            problems: mut probs,
            external: uses,
            text,
            body_hash,
        } = made;
        external.extend(uses);
        page.rendered = rendered;
        page.text = text;
        page.body_hash = body_hash;
        problems.append(&mut probs);
    }
    links::check_anchors(&pages, &by_path, &mut problems);
    links::check_page_sources(&pages, &data, &mut problems);
    let tags = tags::collect_tags(&pages, &data);
    let home = by_path.get("_index.md").copied();
    let site = Site {
        config,
        lang,
        pages,
        by_path,
        home,
        data,
        views,
        tags,
        trees,
        tree_views,
        broken_trees: opts.broken_trees.clone(),
        external,
    };
    (site, problems)
}

/// Front matter of every page, in parallel; drafts left out unless asked
/// for; sorted by path.
fn parse_pages(
    files: Vec<TextFile>,
    opts: &BuildOptions,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Page> {
    let parsed: Vec<Result<Page, Diagnostic>> =
        files.into_par_iter().map(pages::parse_page).collect();
    let mut pages: Vec<Page> = Vec::with_capacity(parsed.len());
    for p in parsed {
        match p {
            Ok(p) if p.fm.draft && !opts.drafts => {}
            Ok(mut p) => {
                p.git_date = opts
                    .git_dates
                    .get(&p.file)
                    .and_then(|d| Date::parse(d).ok());
                pages.push(p);
            }
            Err(d) => problems.push(d),
        }
    }
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    pages
}

/// What the model stage made of one page's Markdown, with the page's
/// text handed back: whole, or only its front matter where the model keeps
/// no bodies.
struct Made {
    rendered: Rendered,
    problems: Vec<Diagnostic>,
    external: Vec<ExternalUse>,
    text: String,
    body_hash: Option<crate::hash::Digest>,
}

/// Every page's Markdown, in parallel (`texts[i]` is page `i`'s file);
/// with a memo, only the pages whose text or links changed since the
/// memo's build. With [`Bodies::Remade`], each page's body is let go as
/// soon as it is rendered: a large site never holds its text and its
/// model at once.
fn render_pages(
    pages: &[Page],
    texts: Vec<String>,
    config: &SiteConfig,
    links: &Links,
    build: &BuildOptions,
) -> Vec<Made> {
    let opts = render_options(config);
    // A remade body's HTML and text sections are made again later.
    let model_opts = if build.bodies == Bodies::Remade {
        RenderOptions {
            sections: false,
            html: false,
            ..opts
        }
    } else {
        opts
    };
    texts
        .into_par_iter()
        .zip(pages)
        .map(|(text, p)| {
            let body = (text.get(p.body_start..).unwrap_or(""), p.body_line);
            let (rendered, problems) = if p.fallback {
                // A stand-in keeps what its original rendered.
                (p.rendered.clone(), Vec::new())
            } else if let Some(memo) = build.memo {
                memo.render(&links.lang().code, body, &p.file, &text, model_opts, links)
                    .0
            } else {
                markdown::render(body.0, body.1, &p.file, &text, model_opts, links)
            };
            let external = if p.fallback {
                Vec::new()
            } else {
                ExternalUse::all_in(&p.file, &text, &rendered.external)
            };
            let (text, body_hash) = if build.bodies == Bodies::Remade && !p.fallback {
                let hash = crate::hash::digest(text.as_bytes());
                (
                    text.get(..p.body_start).unwrap_or("").to_owned(),
                    Some(hash),
                )
            } else {
                (text, None)
            };
            Made {
                rendered,
                problems,
                external,
                text,
                body_hash,
            }
        })
        .collect()
}

/// Page `p`'s Markdown rendered again from `text`, its file's text, as the
/// model stage rendered it: for [`Bodies::Remade`], whose model keeps
/// neither the HTML nor the text sections, the parts of it in `want`. Its
/// problems were reported by the model stage. With the `memo` the spare
/// keeps, what an earlier build made of the same text with the same
/// answers is read back instead (#17: at 100,000 pages, rendering every
/// body again was most of a rebuild after one change).
pub fn remake_body(
    site: &Site,
    p: &Page,
    text: &str,
    (links, memo): (&Links, Option<&markdown::Memo>),
    want: Remake,
) -> Rendered {
    let body = (text.get(p.body_start..).unwrap_or(""), p.body_line);
    let opts = remake_options(site, want);
    match memo {
        Some(memo) => {
            let edition = &links.lang().code;
            (memo.render(edition, body, &p.file, text, opts, links).0).0
        }
        None => markdown::render(body.0, body.1, &p.file, text, opts, links).0,
    }
}

/// [`remake_body`] without the file's text: what the spare's `memo` kept
/// of the render of page `p`'s file as the model stage read it (its
/// `body_hash`), if it kept it; `None` otherwise, and the caller reads the
/// file again. A large site's render then reads no page's file twice.
pub fn kept_body(
    site: &Site,
    p: &Page,
    (links, memo): (&Links, &markdown::Memo),
    want: Remake,
) -> Option<Rendered> {
    let file = p.body_hash.as_ref()?;
    let opts = remake_options(site, want);
    let at = (file, p.body_start, p.body_line);
    memo.kept_render(&links.lang().code, &p.file, at, opts, links)
}

/// How [`remake_body`] renders what it is asked for.
fn remake_options(site: &Site, want: Remake) -> RenderOptions {
    RenderOptions {
        sections: want != Remake::Html && site.config.search,
        html: want != Remake::Sections,
        ..render_options(&site.config)
    }
}

/// What [`remake_body`] makes of a page's Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remake {
    /// Its HTML, for the render.
    Html,
    /// Its text sections, for the search index.
    Sections,
    /// Both, for a render that hands the text sections to the index.
    Both,
}

/// How every page's Markdown is rendered in an edition with `config`.
fn render_options(config: &SiteConfig) -> RenderOptions {
    RenderOptions {
        escape_html: config.escape,
        anchors: true,
        sections: config.search,
        html: true,
    }
}

impl Site {
    /// How this edition's Markdown links resolve, as the model stage
    /// resolved them: for rendering a page's body again.
    pub fn links<'a>(&'a self, assets: &'a Assets<'a>) -> Links<'a> {
        Links::new(
            &self.config,
            &self.lang,
            &self.pages,
            &self.data,
            &self.trees,
            &self.broken_trees,
            assets,
        )
    }

    /// A link to page `p` from this edition: the default language's URL
    /// for a page not translated yet.
    pub fn page_link(&self, p: &Page) -> String {
        if p.fallback {
            format!("{}{}", self.lang.root_path, p.url.trim_start_matches('/'))
        } else {
            self.config.link(&p.url)
        }
    }

    /// The absolute URL of page `p` (see [`Site::page_link`]).
    pub fn page_absolute(&self, p: &Page) -> String {
        if p.fallback {
            format!("{}{}", self.lang.root_url, p.url.trim_start_matches('/'))
        } else {
            self.config.absolute(&p.url)
        }
    }

    /// The pages this edition writes: not the stand-ins of a translation.
    pub fn own_pages(&self) -> impl Iterator<Item = (usize, &Page)> {
        self.pages.iter().enumerate().filter(|(_, p)| !p.fallback)
    }
}

/// The human title of an `@` link's target.
fn link_title(
    target: &str,
    pages: &[Page],
    by_path: &HashMap<String, usize>,
    views: &RecordViews,
) -> Option<String> {
    if let Some(rest) = target.strip_prefix("@/") {
        let path = rest.split('#').next().unwrap_or(rest);
        return by_path.get(path).map(|&i| pages[i].title().to_owned());
    }
    let (kind, id) = target.get(1..)?.split_once(':')?;
    let view = views.get(Kind::from_singular(kind)?, id)?;
    Some(view.title().to_owned())
}
