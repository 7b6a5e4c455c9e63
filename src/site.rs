//! The site model: pages with URLs, sections, tags and aliases; `@` links
//! resolved and anchors checked; data records turned into views with their
//! Markdown rendered. Pure: built from the loaded texts, no disk access.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde_json::{Value, json};

use crate::config::SiteConfig;
use crate::data::{Data, Kind, is_web_url};
use crate::diagnostics::{Diagnostic, Pos, Problem, did_you_mean};
use crate::frontmatter::{self, Date, FrontMatter};
use crate::load::TextFile;
use crate::locate::Lines;
use crate::markdown::{self, RenderOptions, Rendered, Resolve};
use crate::text::{slugify, truncate_words};
use crate::tree::Tree;

/// URLs the generator writes itself; a page may not take them.
pub const RESERVED: &[&str] = &[
    "/cases/",
    "/quotes/",
    "/faq/",
    "/templates/",
    "/sources/",
    "/tags/",
    "/search/",
    "/decide/",
    "/check/",
    "/assets/",
];

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
    /// The pages (not subsections) before and after this one in its
    /// section, for the previous/next links.
    pub prev: Option<usize>,
    pub next: Option<usize>,
    pub rendered: Rendered,
    /// The day of the last git commit that touched the file, if known.
    pub git_date: Option<Date>,
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
            _ => truncate_words(&self.rendered.summary, 160),
        }
    }
}

#[derive(Debug, Clone)]
pub struct TagInfo {
    pub name: String,
    pub pages: Vec<usize>,
    /// (kind, record id) of data records with this tag.
    pub records: Vec<(Kind, String)>,
}

#[derive(Debug)]
pub struct Site {
    pub config: SiteConfig,
    pub pages: Vec<Page>,
    pub by_path: HashMap<String, usize>,
    pub home: Option<usize>,
    pub data: Data,
    /// Template-ready views of every record, Markdown fields as HTML.
    pub views: HashMap<(Kind, String), Value>,
    pub tags: BTreeMap<String, TagInfo>,
    pub trees: Vec<Tree>,
    /// Per tree: intro, question help and outcome bodies as HTML, and each
    /// outcome's links with titles.
    pub tree_views: HashMap<String, Value>,
    /// Trees that failed validation (already reported).
    pub broken_trees: Vec<String>,
}

pub struct BuildOptions {
    pub drafts: bool,
    /// Trees that failed validation: their own errors are reported, so links
    /// and shortcodes naming them are not reported again.
    pub broken_trees: Vec<String>,
    /// Last-commit days by page file ([`crate::load::Input::git_dates`]).
    pub git_dates: HashMap<PathBuf, String>,
}

/// Builds the model. Problems are collected; the model is usable for
/// `check` even when some pages failed.
pub fn build(
    config: SiteConfig,
    page_files: Vec<TextFile>,
    data: Data,
    data_texts: &HashMap<PathBuf, String>,
    trees: Vec<Tree>,
    opts: &BuildOptions,
) -> (Site, Vec<Diagnostic>) {
    let mut problems = Vec::new();

    // Front matter, in parallel.
    let parsed: Vec<Result<Page, Diagnostic>> =
        page_files.into_par_iter().map(parse_page).collect();
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

    // URLs, collisions, reserved paths.
    let mut by_url: HashMap<String, usize> = HashMap::new();
    let mut keep = vec![true; pages.len()];
    for i in 0..pages.len() {
        match url_for(&pages[i].path, pages[i].fm.slug.as_deref()) {
            Ok(url) => pages[i].url = url,
            Err((msg, hint)) => {
                let pos = front_pos(&pages[i], "slug");
                problems.push(
                    Diagnostic::new(&pages[i].file, msg)
                        .at_in(pos, &pages[i].text)
                        .hint(hint),
                );
                keep[i] = false;
                continue;
            }
        }
        let url = pages[i].url.clone();
        if let Some(r) = RESERVED.iter().find(|r| url.starts_with(*r)) {
            problems.push(
                Diagnostic::new(
                    &pages[i].file,
                    format!("the page's URL {url} is under {r}, which casebook writes itself"),
                )
                .at(Pos::new(1, 1))
                .hint("move the file or set another `slug`"),
            );
            keep[i] = false;
        } else if let Some(&j) = by_url.get(&url) {
            problems.push(
                Diagnostic::new(&pages[i].file, format!("two pages map to the URL {url}"))
                    .at(Pos::new(1, 1))
                    .hint(format!(
                        "{} has the same URL; rename one or give it another `slug`",
                        pages[j].file.display()
                    )),
            );
            keep[i] = false;
        } else {
            by_url.insert(url, i);
        }
    }
    let mut k = keep.into_iter();
    pages.retain(|_| k.next().unwrap_or(true));
    let by_path: HashMap<String, usize> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.path.clone(), i))
        .collect();

    link_sections(&mut pages, &by_path);
    check_aliases(&pages, &mut problems);

    let links = Links::new(&config, &pages, &data, &trees, &opts.broken_trees);

    // Markdown, in parallel.
    let escape = config.escape;
    let search = config.search;
    let results: Vec<(Rendered, Vec<Diagnostic>)> = pages
        .par_iter()
        .map(|p| {
            let opts = RenderOptions {
                escape_html: escape,
                anchors: true,
                sections: search,
            };
            markdown::render(p.body(), p.body_line, &p.file, &p.text, opts, &links)
        })
        .collect();
    let views = record_views(&data, data_texts, &links, &mut problems);
    let tree_views = trees
        .iter()
        .map(|t| {
            (
                t.id.clone(),
                tree_view(t, &pages, &by_path, &views, &links, &mut problems),
            )
        })
        .collect();
    drop(links);
    for (page, (rendered, mut probs)) in pages.iter_mut().zip(results) {
        page.rendered = rendered;
        problems.append(&mut probs);
    }
    check_anchors(&pages, &by_path, &mut problems);
    check_page_sources(&pages, &data, &mut problems);
    let tags = collect_tags(&pages, &data);
    let home = by_path.get("_index.md").copied();
    let site = Site {
        config,
        pages,
        by_path,
        home,
        data,
        views,
        tags,
        trees,
        tree_views,
        broken_trees: opts.broken_trees.clone(),
    };
    (site, problems)
}

fn parse_page(f: TextFile) -> Result<Page, Diagnostic> {
    let split = frontmatter::split(&f.text, &f.path)?;
    let fm = frontmatter::parse(&split, &f.path, &f.text)?;
    let body_line = split.body_line;
    let body_start = f.text.len() - split.body.len();
    let is_section = f.rel.rsplit('/').next() == Some("_index.md");
    Ok(Page {
        file: f.path,
        path: f.rel,
        text: f.text,
        fm,
        body_line,
        body_start,
        is_section,
        url: String::new(),
        parent: None,
        children: Vec::new(),
        prev: None,
        next: None,
        rendered: Rendered::default(),
        git_date: None,
    })
}

/// The line of a front-matter key, for messages about its value.
fn front_pos(page: &Page, key: &str) -> Pos {
    Lines::all(&page.text[..page.body_start])
        .key(key)
        .unwrap_or(Pos::new(1, 1))
}

/// A URL segment that cannot escape the output folder.
fn safe_segment(s: &str) -> bool {
    !s.is_empty()
        && s != "."
        && s != ".."
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The site path of a content file (`guides/a.md` → `/guides/a/`).
pub fn url_for(path: &str, slug: Option<&str>) -> Result<String, (String, String)> {
    let mut parts: Vec<String> = path.split('/').map(str::to_owned).collect();
    let file = parts.pop().unwrap_or_default();
    let stem = file.strip_suffix(".md").unwrap_or(&file).to_owned();
    let mut segments: Vec<String> = parts
        .iter()
        .map(|p| {
            if safe_segment(p) {
                p.clone()
            } else {
                slugify(p)
            }
        })
        .collect();
    if stem != "_index" && stem != "index" {
        match slug {
            Some(s) if !safe_segment(s) => {
                return Err((
                    format!("the slug `{s}` is not a safe URL segment"),
                    "use letters, digits and hyphens only; a slug cannot contain `/`, `..` or a drive letter".to_owned(),
                ));
            }
            Some(s) => segments.push(s.to_owned()),
            None if safe_segment(&stem) => segments.push(stem),
            None => segments.push(slugify(&stem)),
        }
    } else if let Some(s) = slug {
        return Err((
            format!("`slug: {s}` on a section"),
            "a section's URL comes from its folder; rename the folder".to_owned(),
        ));
    }
    segments.retain(|s| !s.is_empty());
    if segments.is_empty() {
        Ok("/".to_owned())
    } else {
        Ok(format!("/{}/", segments.join("/")))
    }
}

fn link_sections(pages: &mut [Page], by_path: &HashMap<String, usize>) {
    let parents: Vec<Option<usize>> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| nearest_section(i, p, by_path))
        .collect();
    for (page, parent) in pages.iter_mut().zip(parents) {
        page.parent = parent;
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); pages.len()];
    for (i, p) in pages.iter().enumerate() {
        if let Some(parent) = p.parent {
            children[parent].push(i);
        }
    }
    for (i, mut c) in children.into_iter().enumerate() {
        c.sort_by(|&a, &b| {
            let (pa, pb) = (&pages[a], &pages[b]);
            (pa.fm.weight, pa.title(), &pa.path).cmp(&(pb.fm.weight, pb.title(), &pb.path))
        });
        // Neighbours, found once here rather than by a scan of the
        // section for every page (which grows with the square of its size).
        let leaves: Vec<usize> = c
            .iter()
            .copied()
            .filter(|&k| !pages[k].is_section)
            .collect();
        for (n, &k) in leaves.iter().enumerate() {
            pages[k].prev = n.checked_sub(1).map(|m| leaves[m]);
            pages[k].next = leaves.get(n + 1).copied();
        }
        pages[i].children = c;
    }
}

/// The section a file belongs to: the `_index.md` of the nearest folder
/// above it (for a section, above its own folder).
fn nearest_section(i: usize, page: &Page, by_path: &HashMap<String, usize>) -> Option<usize> {
    if page.path == "_index.md" {
        return None;
    }
    let mut dir = Path::new(&page.path)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    if page.is_section {
        dir = dir.parent().map(Path::to_path_buf).unwrap_or_default();
    }
    loop {
        let candidate = if dir.as_os_str().is_empty() {
            "_index.md".to_owned()
        } else {
            format!("{}/_index.md", dir.to_string_lossy().replace('\\', "/"))
        };
        if let Some(&j) = by_path.get(&candidate) {
            return (j != i).then_some(j);
        }
        if dir.as_os_str().is_empty() {
            return None;
        }
        dir.pop();
    }
}

fn check_aliases(pages: &[Page], problems: &mut Vec<Diagnostic>) {
    let urls: HashSet<&str> = pages.iter().map(|p| p.url.as_str()).collect();
    let mut seen: HashMap<String, &Path> = HashMap::new();
    for p in pages {
        for alias in &p.fm.aliases {
            let pos = front_pos(p, "aliases");
            let normal = alias_path(alias);
            match normal {
                None => problems.push(
                    Diagnostic::new(
                        &p.file,
                        format!("the alias `{alias}` is not a safe site path"),
                    )
                    .at_in(pos, &p.text)
                    .hint("write it as a path from the site root, like `/old/path/`, without `..`"),
                ),
                Some(n) if urls.contains(format!("/{n}").as_str()) => problems.push(
                    Diagnostic::new(&p.file, format!("the alias `{alias}` is the URL of a page"))
                        .at_in(pos, &p.text)
                        .hint("remove the alias; a redirect there would hide the page"),
                ),
                Some(n) => {
                    if let Some(other) = seen.insert(n, &p.file) {
                        problems.push(
                            Diagnostic::new(
                                &p.file,
                                format!(
                                    "the alias `{alias}` is also claimed by {}",
                                    other.display()
                                ),
                            )
                            .at_in(pos, &p.text),
                        );
                    }
                }
            }
        }
    }
}

/// An alias as a relative output path (`/old/` → `old/`), or `None` if unsafe.
pub fn alias_path(alias: &str) -> Option<String> {
    let trimmed = alias.trim();
    if !trimmed.starts_with('/') || trimmed.contains('\\') {
        return None;
    }
    let segments: Vec<&str> = trimmed.split('/').filter(|s| !s.is_empty()).collect();
    if segments.is_empty() || !segments.iter().all(|s| safe_segment(s)) {
        return None;
    }
    let mut out = segments.join("/");
    if !out.ends_with(".html") {
        out.push('/');
    }
    Some(out)
}

fn check_anchors(pages: &[Page], by_path: &HashMap<String, usize>, problems: &mut Vec<Diagnostic>) {
    // One set of ids per page, so checking is linear in the number of links.
    let ids: Vec<HashSet<&str>> = pages
        .iter()
        .map(|p| p.rendered.ids.iter().map(String::as_str).collect())
        .collect();
    for (n, p) in pages.iter().enumerate() {
        for a in &p.rendered.anchors {
            let target = if a.page.is_empty() {
                Some(n)
            } else {
                by_path.get(&a.page).copied()
            };
            let Some(t) = target else { continue };
            let target = &pages[t];
            if !ids[t].contains(a.anchor.as_str()) {
                let place = if a.page.is_empty() {
                    "this page".to_owned()
                } else {
                    format!("`{}`", a.page)
                };
                problems.push(
                    Diagnostic::new(&p.file, format!("{place} has no heading with the anchor `#{}`", a.anchor))
                        .at_in(a.pos, &p.text)
                        .hint(did_you_mean(&a.anchor, target.rendered.ids.iter().map(String::as_str)).unwrap_or_else(|| {
                            "anchors come from headings: `## After applying` is `#after-applying`".to_owned()
                        })),
                );
            }
        }
    }
}

fn check_page_sources(pages: &[Page], data: &Data, problems: &mut Vec<Diagnostic>) {
    let ids = data.ids(Kind::Sources);
    for p in pages {
        for s in &p.fm.sources {
            if !ids.contains(&s.as_str()) {
                let head = &p.text[..p.body_start];
                let pos = Lines::all(head)
                    .key("sources")
                    .and_then(|key| Lines::from(head, key.line).find(s))
                    .unwrap_or_else(|| front_pos(p, "sources"));
                problems.push(
                    Diagnostic::new(
                        &p.file,
                        format!("the page names source `{s}`, which does not exist"),
                    )
                    .at_in(pos, &p.text)
                    .hint(
                        did_you_mean(s, ids.iter().copied())
                            .unwrap_or_else(|| "add it to content/data/sources.yaml".to_owned()),
                    ),
                );
            }
        }
    }
}

/// Resolves `@/path.md#anchor` and `@kind:id` to links with the base path.
pub struct Links<'a> {
    config: &'a SiteConfig,
    urls: HashMap<&'a str, &'a str>,
    data: &'a Data,
    trees: HashSet<&'a str>,
}

impl<'a> Links<'a> {
    pub fn new(
        config: &'a SiteConfig,
        pages: &'a [Page],
        data: &'a Data,
        trees: &'a [Tree],
        broken_trees: &'a [String],
    ) -> Self {
        Links {
            config,
            urls: pages
                .iter()
                .map(|p| (p.path.as_str(), p.url.as_str()))
                .collect(),
            data,
            trees: trees
                .iter()
                .map(|t| t.id.as_str())
                .chain(broken_trees.iter().map(String::as_str))
                .collect(),
        }
    }
}

/// The site path of a record's anchor.
pub fn record_url(kind: Kind, id: &str) -> String {
    let page = match kind {
        Kind::Sources => "sources",
        Kind::Cases => "cases",
        Kind::Quotes => "quotes",
        Kind::Faqs => "faq",
        Kind::Templates => "templates",
        Kind::Checks => "check",
    };
    format!("/{page}/#{id}")
}

impl Resolve for Links<'_> {
    fn resolve(&self, target: &str) -> Result<String, Problem> {
        if let Some(rest) = target.strip_prefix("@/") {
            let (path, anchor) = match rest.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (rest, None),
            };
            return match self.urls.get(path) {
                Some(url) => Ok(match anchor {
                    Some(a) => format!("{}#{a}", self.config.link(url)),
                    None => self.config.link(url),
                }),
                None => Err(
                    Problem::new(format!("the link `{target}` points at no page")).hint(
                        did_you_mean(path, self.urls.keys().copied())
                            .map(|s| format!("{s} (paths are relative to content/)"))
                            .unwrap_or_else(|| {
                                "write the path relative to content/, e.g. `@/guides/timing.md`"
                                    .to_owned()
                            }),
                    ),
                ),
            };
        }
        let Some((kind, id)) = target[1..].split_once(':') else {
            return Err(Problem::new(format!("the link `{target}` is not understood")).hint(
                "write `@/path/to/page.md` or `@case:id` (case, quote, faq, template, source, decide)",
            ));
        };
        if kind == "decide" {
            return if self.trees.contains(id) {
                Ok(self.config.link(&format!("/decide/{id}/")))
            } else {
                Err(Problem::new(format!("there is no decision tree `{id}`"))
                    .maybe_hint(did_you_mean(id, self.trees.iter().copied())))
            };
        }
        let Some(k) = Kind::from_singular(kind) else {
            let kinds = ["case", "quote", "faq", "template", "source", "decide"];
            return Err(
                Problem::new(format!("`{kind}` in `{target}` is not a kind of record"))
                    .maybe_hint(did_you_mean(kind, kinds)),
            );
        };
        if self.data.has(k, id) {
            Ok(self.config.link(&record_url(k, id)))
        } else {
            Err(
                Problem::new(format!("there is no {kind} with the id `{id}`")).maybe_hint(
                    did_you_mean(id, self.data.ids(k)).or(Some(format!(
                        "the {} are in content/data/{}.yaml",
                        k.name(),
                        k.name()
                    ))),
                ),
            )
        }
    }
}

/// Every record as a JSON value for templates, with Markdown fields rendered.
fn record_views(
    data: &Data,
    texts: &HashMap<PathBuf, String>,
    links: &Links,
    problems: &mut Vec<Diagnostic>,
) -> HashMap<(Kind, String), Value> {
    let mut views = HashMap::new();
    let empty = String::new();
    let mut field_problems = Vec::new();
    let mut md = |file: &Path, line: usize, end: usize, key: &str, text: &str| -> String {
        let file_text = texts.get(file).unwrap_or(&empty);
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
        let (html, mut probs) = markdown::render_field(text, file, start, file_text, links);
        field_problems.append(&mut probs);
        html
    };
    let sources_of = |ids: &[String]| -> Vec<Value> {
        ids.iter()
            .filter_map(|id| data.sources.iter().find(|s| &s.rec.id == id))
            .map(|s| json!({"id": s.rec.id, "title": s.rec.title, "publisher": s.rec.publisher, "url": links.config.link(&record_url(Kind::Sources, &s.rec.id))}))
            .collect()
    };
    let base = |kind: Kind, id: &str, file: &Path, line: usize| {
        let file = file.to_string_lossy().replace('\\', "/");
        // The record's own "Edit" link: its data file (#6).
        let edit_url = links
            .config
            .edit_link
            .as_ref()
            .map(|l| l.replace("{path}", &file));
        json!({"id": id, "kind": kind.singular(), "url": links.config.link(&record_url(kind, id)), "file": file, "line": line, "edit_url": edit_url})
    };
    for r in &data.sources {
        let mut v = base(Kind::Sources, &r.rec.id, &r.file, r.line);
        merge(
            &mut v,
            json!({"title": r.rec.title, "publisher": r.rec.publisher, "author": r.rec.author,
            "external_url": r.rec.url.as_deref().filter(|u| is_web_url(u)),
            "date": r.rec.date, "summary": r.rec.summary}),
        );
        views.insert((Kind::Sources, r.rec.id.clone()), v);
    }
    for r in &data.cases {
        let c = &r.rec;
        let (f, l, e) = (&r.file, r.line, r.end_line);
        let mut v = base(Kind::Cases, &c.id, f, l);
        let dont_summary = md(f, l, e, "summary", &c.dont.summary);
        merge(
            &mut v,
            json!({
                "title": c.title, "topic": c.topic, "topic_title": humanize(&c.topic), "tags": c.tags,
                "situation": md(f, l, e, "situation", &c.situation),
                "dont": {"summary": dont_summary, "example": c.dont.example, "why": md(f, l, e, "why", &c.dont.why)},
                "do": {"summary": md(f, l, e, "summary", &c.do_.summary), "example": c.do_.example, "why": md(f, l, e, "why", &c.do_.why)},
                "sources": sources_of(&c.sources),
            }),
        );
        views.insert((Kind::Cases, c.id.clone()), v);
    }
    for r in &data.quotes {
        let q = &r.rec;
        let mut v = base(Kind::Quotes, &q.id, &r.file, r.line);
        merge(
            &mut v,
            json!({"text": q.text, "speaker": q.speaker, "role": q.role, "organisation": q.organisation,
            "stance": q.stance, "stance_label": q.stance.label(), "topic": q.topic, "sources": sources_of(std::slice::from_ref(&q.source))}),
        );
        views.insert((Kind::Quotes, q.id.clone()), v);
    }
    for r in &data.faqs {
        let q = &r.rec;
        let mut v = base(Kind::Faqs, &q.id, &r.file, r.line);
        let file_text = texts.get(&r.file).unwrap_or(&empty);
        let related: Vec<Value> = q
            .related
            .iter()
            .filter_map(|target| match links.resolve(target) {
                Ok(url) => {
                    let title = target
                        .strip_prefix("@/")
                        .and_then(|p| links.urls.get(p.split('#').next().unwrap_or(p)))
                        .map(|_| target.clone());
                    Some(json!({"url": url, "target": title}))
                }
                Err(problem) => {
                    problems.push(
                        problem.in_file(&r.file).at_in(
                            Lines::between(file_text, r.line, r.end_line)
                                .find(target)
                                .unwrap_or(Pos::new(r.line, 1)),
                            file_text,
                        ),
                    );
                    None
                }
            })
            .collect();
        merge(
            &mut v,
            json!({"question": q.question, "answer": md(&r.file, r.line, r.end_line, "answer", &q.answer),
            "tags": q.tags, "related": related, "sources": sources_of(&q.sources)}),
        );
        views.insert((Kind::Faqs, q.id.clone()), v);
    }
    for r in &data.templates {
        let t = &r.rec;
        let mut v = base(Kind::Templates, &t.id, &r.file, r.line);
        let notes = t
            .notes
            .as_deref()
            .map(|n| md(&r.file, r.line, r.end_line, "notes", n));
        merge(
            &mut v,
            json!({"title": t.title, "context": t.context, "context_title": humanize(&t.context),
            "channel": t.channel, "channel_label": t.channel.label(), "limit": t.limit(), "text": t.text,
            "length": t.text.chars().count(), "parts": placeholder_parts(&t.text), "notes": notes, "tags": t.tags,
            "sources": sources_of(&t.sources)}),
        );
        views.insert((Kind::Templates, t.id.clone()), v);
    }
    // Checker rules with the case that explains each (issue #7).
    for r in &data.checks {
        let c = &r.rec;
        let mut v = base(Kind::Checks, &c.id, &r.file, r.line);
        let case = views.get(&(Kind::Cases, c.case.clone()));
        merge(
            &mut v,
            json!({"title": c.title, "rule": c.kind, "pattern": c.pattern, "min": c.min, "max": c.max,
            "message": c.message, "case": {"id": c.case, "title": case.map(|v| &v["title"]), "url": case.map(|v| &v["url"])}}),
        );
        views.insert((Kind::Checks, c.id.clone()), v);
    }
    problems.append(&mut field_problems);
    views
}

/// A tree's Markdown rendered and its outcome links resolved with titles.
fn tree_view(
    tree: &Tree,
    pages: &[Page],
    by_path: &HashMap<String, usize>,
    views: &HashMap<(Kind, String), Value>,
    links: &Links,
    problems: &mut Vec<Diagnostic>,
) -> Value {
    let text = &tree.text;
    let mut field_problems = Vec::new();
    let mut md = |source: &str, near: &str| -> String {
        let pos = Lines::all(text).find(near).unwrap_or(Pos::new(1, 1));
        let (html, mut probs) = markdown::render_field(source, &tree.file, pos, text, links);
        field_problems.append(&mut probs);
        html
    };
    let intro = md(
        &tree.def.intro,
        tree.def.intro.lines().next().unwrap_or("").trim(),
    );
    let help: serde_json::Map<String, Value> = tree
        .def
        .questions
        .iter()
        .filter_map(|q| {
            q.help.as_ref().map(|h| {
                (
                    q.id.clone(),
                    Value::String(md(h, h.lines().next().unwrap_or("").trim())),
                )
            })
        })
        .collect();
    let mut bodies = serde_json::Map::new();
    let mut outcome_links = serde_json::Map::new();
    for o in &tree.def.outcomes {
        bodies.insert(
            o.id.clone(),
            Value::String(md(&o.body, o.body.lines().next().unwrap_or("").trim())),
        );
        let mut resolved = Vec::new();
        for target in &o.links {
            match links.resolve(target) {
                Ok(url) => {
                    let title =
                        link_title(target, pages, by_path, views).unwrap_or_else(|| target.clone());
                    resolved.push(json!({"title": title, "url": url, "kind": link_kind(target)}));
                }
                Err(problem) => {
                    let pos = Lines::all(text).find(target).unwrap_or(Pos::new(1, 1));
                    problems.push(problem.in_file(&tree.file).at_in(pos, text));
                }
            }
        }
        outcome_links.insert(o.id.clone(), Value::Array(resolved));
    }
    problems.append(&mut field_problems);
    json!({"intro": intro, "help": help, "bodies": bodies, "links": outcome_links})
}

/// The human title of an `@` link's target.
fn link_title(
    target: &str,
    pages: &[Page],
    by_path: &HashMap<String, usize>,
    views: &HashMap<(Kind, String), Value>,
) -> Option<String> {
    if let Some(rest) = target.strip_prefix("@/") {
        let path = rest.split('#').next().unwrap_or(rest);
        return by_path.get(path).map(|&i| pages[i].title().to_owned());
    }
    let (kind, id) = target.get(1..)?.split_once(':')?;
    let view = views.get(&(Kind::from_singular(kind)?, id.to_owned()))?;
    ["title", "question", "speaker"]
        .iter()
        .find_map(|k| view.get(*k).and_then(Value::as_str))
        .map(str::to_owned)
}

fn link_kind(target: &str) -> &str {
    if target.starts_with("@/") {
        "guide"
    } else {
        target
            .get(1..)
            .and_then(|t| t.split_once(':'))
            .map_or("page", |(k, _)| k)
    }
}

fn merge(into: &mut Value, from: Value) {
    if let (Value::Object(a), Value::Object(b)) = (into, from) {
        a.extend(b);
    }
}

/// `after-applying` → `After applying`.
pub fn humanize(slug: &str) -> String {
    let s = slug.replace(['-', '_'], " ");
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// A template's text split into plain parts and `[Placeholder]` parts, so
/// the theme can highlight placeholders without parsing HTML.
pub fn placeholder_parts(text: &str) -> Vec<Value> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        match rest[open..].find(']') {
            Some(close) if close > 1 && !rest[open + 1..open + close].contains('[') => {
                if open > 0 {
                    parts.push(json!({"text": &rest[..open], "placeholder": false}));
                }
                parts.push(json!({"text": &rest[open..open + close + 1], "placeholder": true}));
                rest = &rest[open + close + 1..];
            }
            _ => {
                parts.push(json!({"text": &rest[..open + 1], "placeholder": false}));
                rest = &rest[open + 1..];
            }
        }
    }
    if !rest.is_empty() {
        parts.push(json!({"text": rest, "placeholder": false}));
    }
    parts
}

fn collect_tags(pages: &[Page], data: &Data) -> BTreeMap<String, TagInfo> {
    let mut page_tags: Vec<(String, String, usize)> = Vec::new();
    for (i, p) in pages.iter().enumerate() {
        for t in &p.fm.tags {
            page_tags.push((slugify(t), t.clone(), i));
        }
    }
    let mut rec_tags: Vec<(String, String, Kind, String)> = Vec::new();
    for r in &data.cases {
        for t in &r.rec.tags {
            rec_tags.push((slugify(t), t.clone(), Kind::Cases, r.rec.id.clone()));
        }
    }
    for r in &data.faqs {
        for t in &r.rec.tags {
            rec_tags.push((slugify(t), t.clone(), Kind::Faqs, r.rec.id.clone()));
        }
    }
    for r in &data.templates {
        for t in &r.rec.tags {
            rec_tags.push((slugify(t), t.clone(), Kind::Templates, r.rec.id.clone()));
        }
    }
    let mut tags: BTreeMap<String, TagInfo> = BTreeMap::new();
    for (slug, name, i) in page_tags {
        if slug.is_empty() {
            continue;
        }
        let t = tags.entry(slug).or_insert_with(|| TagInfo {
            name,
            pages: Vec::new(),
            records: Vec::new(),
        });
        if !t.pages.contains(&i) {
            t.pages.push(i);
        }
    }
    for (slug, name, kind, id) in rec_tags {
        if slug.is_empty() {
            continue;
        }
        tags.entry(slug)
            .or_insert_with(|| TagInfo {
                name,
                pages: Vec::new(),
                records: Vec::new(),
            })
            .records
            .push((kind, id));
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_from_paths_and_slugs() {
        assert_eq!(url_for("_index.md", None).unwrap(), "/");
        assert_eq!(url_for("guides/_index.md", None).unwrap(), "/guides/");
        assert_eq!(url_for("guides/a.md", None).unwrap(), "/guides/a/");
        assert_eq!(url_for("guides/a/index.md", None).unwrap(), "/guides/a/");
        assert_eq!(url_for("guides/a.md", Some("b")).unwrap(), "/guides/b/");
        assert_eq!(
            url_for("My Notes/Über uns.md", None).unwrap(),
            "/my-notes/uber-uns/"
        );
    }

    #[test]
    fn unsafe_slugs_and_aliases_are_refused() {
        for bad in ["../x", "/etc", "a/b", "C:\\x", "..", "c:x"] {
            assert!(url_for("a.md", Some(bad)).is_err(), "{bad}");
        }
        assert_eq!(alias_path("/old/page/").as_deref(), Some("old/page/"));
        assert_eq!(alias_path("/old.html").as_deref(), Some("old.html"));
        for bad in ["old/", "/../x/", "/a/../../b", "/", "\\x", "/c:/x"] {
            assert_eq!(alias_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn placeholders_are_split_out() {
        let parts = placeholder_parts("Hi [Name], see [x] and [ ok");
        let flags: Vec<bool> = parts
            .iter()
            .map(|p| p["placeholder"].as_bool().unwrap())
            .collect();
        assert_eq!(flags, vec![false, true, false, true, false, false]);
        assert_eq!(parts[1]["text"], "[Name]");
    }

    #[test]
    fn humanize_slugs() {
        assert_eq!(humanize("after-applying"), "After applying");
    }
}
