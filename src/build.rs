//! The pipeline: config → load → pages/data/trees → site model → render →
//! minify → (write). `compile` is pure over the loaded input; `write` adds
//! the one write at the end.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant, SystemTime};

use crate::artifact::{Collect, OutputFile, Prefixed, Sink};
use crate::config::SiteConfig;
use crate::data::{self, DataFile};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::external::{self, Cache, ExternalConfig};
use crate::i18n::Strings;
use crate::load::{self, Input};
use crate::markdown::TextSection;
use crate::output::{Store, Tracked};
use crate::render;
use crate::search::{self, PageAnalysis, PageTexts, PartCache};
use crate::site::{self, Site, SourceTexts};
use crate::tree;

/// What the command line can change about a build.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub root: PathBuf,
    pub output_dir: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    /// Skip minification (serve and tests that read the HTML).
    pub no_minify: bool,
    /// `check --external`: also ask other websites about the links to
    /// them. Nothing else touches the network.
    pub external: bool,
    /// Bytes of page text above which a build keeps only what other pages
    /// need of each page and renders its Markdown again as it writes it
    /// ([`site::Bodies::Remade`]); `None`: [`REMAKE_ABOVE`]. Tests set 0
    /// to build small sites that way.
    pub remake_above: Option<usize>,
}

/// Page text above which a build remakes bodies (see
/// [`Options::remake_above`]). Rendering each page's Markdown twice cost
/// about a quarter more CPU on 10,000 pages (56 MB of text), whose build
/// keeping every body peaks under 300 MiB; on 100,000 pages (560 MB)
/// keeping them peaked at 2.4 GB, remaking them at about 1 GiB (the render
/// and the index each read the file again).
pub const REMAKE_ABOVE: usize = 128 << 20;

/// What a build made: the model, and the pages, files and bytes handed to
/// the sink, with how long each stage took.
pub struct Built {
    /// The model: the default language's edition. The render and the index
    /// took the pages' text, HTML and text sections; [`model`] keeps them.
    pub site: Site,
    /// The other languages' editions, in the order of `[[languages]]`.
    pub translations: Vec<Site>,
    /// Warnings and notes: the build succeeded despite them.
    pub advice: Diagnostics,
    /// HTML pages.
    pub pages: usize,
    /// Of those, the pages an earlier build made from the same context,
    /// kept without running their template (`Sink::keep_rendered`).
    pub unrendered: usize,
    /// Files an earlier build left that this one kept ([`Store::keep`]),
    /// and how many of them it knew unchanged by their stamp alone.
    pub kept_files: [usize; 2],
    pub files: usize,
    pub bytes: usize,
    /// How long each stage took, for `build --timings`.
    pub stages: Vec<Stage>,
    /// The site's images: how many were shown and how many resized in this
    /// build rather than found in the cache ([`crate::images::Cache::made`]),
    /// and the cache to store.
    pub images: Arc<crate::images::Cache>,
    /// How many parts of the search index were read back from the last
    /// build and how many analysed, when the spare keeps them
    /// ([`crate::search::PartCache`]).
    pub search_parts: Option<[usize; 2]>,
    /// How many pages' Markdown was read back from the last build and how
    /// many rendered, when the spare keeps it (`markdown::Memo::kept`).
    pub markdown: Option<[usize; 2]>,
    /// `check --external`: how many different links to other websites
    /// were checked.
    pub external_links: Option<usize>,
    /// A build with a memo (`serve`): what it takes to render one page
    /// again, the quick way (#17, `serve::Live`).
    pub kept: Option<Kept>,
}

/// What a `serve` build keeps besides the model to render one page again:
/// the compiled theme, the fingerprinted assets' URLs and the copied files
/// pages may name. The model it goes with keeps its pages' text sections
/// for the search index.
pub struct Kept {
    pub theme: render::Theme,
    pub assets: render::Assets,
    pub statics: Vec<load::BinaryFile>,
}

impl Built {
    /// Data records and decision trees (of the default language).
    pub fn records(&self) -> usize {
        self.site.data.count() + self.site.trees.len()
    }

    /// Every language's edition, the default one first.
    pub fn sites(&self) -> impl Iterator<Item = &Site> {
        std::iter::once(&self.site).chain(&self.translations)
    }
}

impl Options {
    /// The command line's overrides of site.toml, applied to its one parse.
    fn apply(&self, config: &mut SiteConfig) {
        if let Some(url) = &self.base_url {
            config.set_base_url(url.clone());
        }
        if self.no_minify {
            config.minify = false;
        }
    }

    /// Where the site goes: `--output-dir`, else site.toml's `output_dir`,
    /// relative to the root.
    pub fn output_dir(&self, config: &SiteConfig) -> PathBuf {
        self.output_dir
            .clone()
            .unwrap_or_else(|| self.root.join(&config.output_dir))
    }
}

/// Reads the site at `opts.root`: site.toml first (parsed once, with the
/// command line's overrides), then everything it names.
pub fn load(opts: &Options) -> Result<Input, Diagnostics> {
    let (path, text) = load::read_config(&opts.root)?;
    let mut config = SiteConfig::parse(&text, &path)?;
    config.check_prefixes(crate::site::urls::reserved(), &text, &path)?;
    opts.apply(&mut config);
    let cache_dir = crate::output::image_cache_dir(&opts.output_dir(&config));
    let mut input = load::load(&opts.root, config)?;
    input.images = Arc::new(load::read_image_cache(&cache_dir));
    Ok(input)
}

/// The site model, one edition per language (the default language's
/// first), with every problem found on the way: config, data, trees, pages
/// and links. Rendering needs only this (and the theme).
pub fn model(mut input: Input, opts: &Options) -> Result<(Vec<Site>, Diagnostics), Diagnostics> {
    let statics = std::mem::take(&mut input.statics);
    let pictures = crate::images::Pictures::new(Arc::clone(&input.images));
    let mut clock = Clock::new();
    let bodies = site::Bodies::Kept;
    model_timed(
        input,
        (&statics, &pictures),
        opts,
        (None, bodies),
        &mut clock,
    )
}

/// What a build keeps for the next one in the same process (`serve`,
/// #17): each page's Markdown and each rendered page, reused only when
/// everything it was made from is equal (see `markdown::Memo` and
/// `render::Memo`), so a rebuild with a memo writes exactly what a clean
/// build writes.
#[derive(Default)]
pub struct Memo {
    markdown: crate::markdown::Memo,
    render: render::Memo,
    parts: PartCache,
}

impl Memo {
    /// Each page's rendered Markdown, for rendering one page again.
    pub fn markdown(&self) -> &crate::markdown::Memo {
        &self.markdown
    }

    /// The search index's analysed parts, for making the index again.
    pub fn parts(&self) -> &PartCache {
        &self.parts
    }
}

/// The model of `input`, whose copied files (`statics`, taken out of it
/// as the caller writes them) pages may name; `pictures` sizes their
/// images and makes the copies the caller writes.
fn model_timed(
    input: Input,
    (statics, pictures): (&[load::BinaryFile], &crate::images::Pictures),
    opts: &Options,
    (memo, bodies): (Option<&crate::markdown::Memo>, site::Bodies),
    clock: &mut Clock,
) -> Result<(Vec<Site>, Diagnostics), Diagnostics> {
    let assets = site::Assets::with_pictures(statics, pictures);
    let mut problems = Diagnostics::new();
    let strings = |code: &str| match Strings::build(code, &input.strings) {
        Ok(s) => s,
        Err(p) => {
            problems.extend(p);
            Strings::default()
        }
    };
    let mut langs = site::languages(&input.config, strings).into_iter();
    let Some((lang, config)) = langs.next() else {
        return Err(problems);
    };
    let git_dates = input.git_dates;
    let content = input.content;
    let string_files = input.strings;
    let shared = Shared {
        git_dates: &git_dates,
        assets: &assets,
        opts,
        memo,
        bodies,
    };
    let default = edition(config, lang, content, None, &shared, &mut problems);
    clock.lap("default language");
    let mut sites = vec![default];
    for ((lang, config), (_, content)) in langs.zip(input.translations) {
        let ed = edition(
            config,
            lang,
            content,
            Some(&sites[0]),
            &shared,
            &mut problems,
        );
        sites.push(ed);
    }
    if sites.len() > 1 {
        clock.lap("translations");
        problems.extend(translation_notes(&sites, &string_files));
    }
    if let Ok((path, text)) = load::read_config(&opts.root) {
        problems.extend(unused_labels(&sites, &path, &text));
    }
    if bodies == site::Bodies::Remade {
        lines_again(&mut problems, &sites, &opts.root);
    }
    Ok((sites, problems))
}

/// A message about a page whose body the model let go
/// ([`site::Bodies::Remade`]) gets the line it points at from the file
/// read again: the model kept only the front matter's lines.
fn lines_again(problems: &mut Diagnostics, sites: &[Site], root: &Path) {
    for d in problems.0.iter_mut().filter(|d| d.source_line.is_none()) {
        let Some(pos) = d.pos else { continue };
        let mut pages = sites.iter().flat_map(|s| &s.pages);
        let Some(page) = pages.find(|p| p.body_hash.is_some() && p.file == d.path) else {
            continue;
        };
        if let Ok(text) = load::read_again(root, page) {
            *d = d.clone().at_in(pos, &text);
        }
    }
}

/// A label in site.toml that names no group of records in its edition (a
/// slug misspelt, or a `context` renamed since) would do nothing without a
/// word: a warning at its line, listing the groups there are.
fn unused_labels(sites: &[Site], path: &Path, text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, site) in sites.iter().enumerate() {
        let views = &site.views;
        let groups: std::collections::BTreeSet<&str> = (views.templates.iter())
            .map(|t| t.context.as_str())
            .chain(views.cases.iter().map(|c| c.topic.as_str()))
            .chain(views.quotes.iter().filter_map(|q| q.topic.as_deref()))
            .collect();
        // The table the labels are in: `[labels]`, or the i-th language's
        // `[languages.labels]`.
        let table = if i == 0 {
            crate::locate::Lines::all(text).key("[labels]")
        } else {
            let mut line = 1;
            for _ in 0..i {
                line = crate::locate::Lines::from(text, line)
                    .key("[[languages]]")
                    .map_or(line, |p| p.line + 1);
            }
            crate::locate::Lines::from(text, line).key("[languages.labels]")
        };
        for slug in site.config.labels.keys() {
            if groups.contains(slug.as_str()) {
                continue;
            }
            let in_table = |t: crate::diagnostics::Pos| {
                let lines = crate::locate::Lines::from(text, t.line);
                [
                    format!("{slug} "),
                    format!("{slug}="),
                    format!("\"{slug}\""),
                ]
                .iter()
                .find_map(|k| lines.key(k))
                .unwrap_or(t)
            };
            let pos = table
                .map(in_table)
                .unwrap_or(crate::diagnostics::Pos::new(1, 1));
            let known: Vec<&str> = groups.iter().copied().collect();
            out.push(
                Diagnostic::new(
                    Code::ConfigInvalidValue,
                    path,
                    format!(
                        "the label `{slug}` names no group of records in `{}`",
                        site.lang.code
                    ),
                )
                .at_in(pos, text)
                .hint(if known.is_empty() {
                    "labels name a template's `context` or a case's or quote's `topic`, and this edition has none".to_owned()
                } else {
                    format!(
                        "labels name a template's `context` or a case's or quote's `topic`; this edition has: {}",
                        known.join(", ")
                    )
                })
                .warning(),
            );
        }
    }
    out
}

/// For each translation: theme strings it lacks (a warning: they show in
/// English) and what it has not translated yet (a note).
fn translation_notes(sites: &[Site], strings: &[load::TextFile]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for site in &sites[1..] {
        let code = &site.lang.code;
        let missing = site.lang.strings.missing();
        if !missing.is_empty() {
            let has_file = strings.iter().any(|f| f.rel == format!("{code}.toml"));
            let shown: Vec<&str> = missing.iter().take(8).map(String::as_str).collect();
            out.push(
                Diagnostic::new(Code::I18nMissingStrings,
                    format!("i18n/{code}.toml"),
                    format!("{} theme strings are missing in `{code}` and show in English: {}{}", missing.len(), shown.join(", "), if missing.len() > 8 { ", …" } else { "" }),
                )
                .hint(if has_file {
                    "add them to the site's i18n/<code>.toml (copy the keys from the theme's en.toml)"
                } else {
                    "the theme has no strings for this language: add i18n/<code>.toml to the site, with the keys of the theme's en.toml"
                })
                .warning(),
            );
        }
        let pages: Vec<&str> = site
            .pages
            .iter()
            .filter(|p| p.fallback)
            .map(|p| p.path.as_str())
            .collect();
        let records = site.views.untranslated();
        let trees = site.trees.iter().filter(|t| t.fallback).count();
        if pages.is_empty() && records == 0 && trees == 0 {
            continue;
        }
        let shown: Vec<&str> = pages.iter().take(5).copied().collect();
        out.push(
            Diagnostic::new(Code::I18nUntranslated,
                format!("content/{code}"),
                format!(
                    "`{code}` does not translate {} of {} pages{}, {records} records and {trees} decision trees yet; they show in the default language",
                    pages.len(),
                    sites[0].pages.len(),
                    if shown.is_empty() { String::new() } else { format!(" ({}{})", shown.join(", "), if pages.len() > 5 { ", …" } else { "" }) },
                ),
            )
            .note(),
        );
    }
    out
}

/// One language's edition: its data (with the default language's records
/// for ids it has not translated), its trees (likewise) and its pages.
/// What every edition is built with.
struct Shared<'a> {
    git_dates: &'a std::collections::HashMap<PathBuf, String>,
    assets: &'a site::Assets<'a>,
    opts: &'a Options,
    memo: Option<&'a crate::markdown::Memo>,
    bodies: site::Bodies,
}

fn edition(
    config: SiteConfig,
    lang: site::Language,
    content: load::Content,
    original: Option<&Site>,
    shared: &Shared,
    problems: &mut Diagnostics,
) -> Site {
    let files: Vec<DataFile> = content
        .data
        .iter()
        .map(|f| DataFile {
            path: &f.path,
            rel: Path::new(&f.rel),
            text: &f.text,
        })
        .collect();
    let (mut data, data_problems) = match original {
        Some(o) => data::parse_translation(&files, &o.data),
        None => data::parse_all(&files),
    };
    problems.extend(data_problems);
    let data_texts: SourceTexts = content
        .data
        .iter()
        .map(|f| (f.path.as_path(), f.text.as_str()))
        .collect();
    if let Some(o) = original {
        let text_of = |p: &Path| data_texts.get(p).copied().unwrap_or("").to_owned();
        let (merged, p) = data::with_fallbacks(data, &o.data, &text_of);
        problems.extend(p);
        data = merged;
    }
    let (trees, broken_trees) = parse_trees(&content.trees, original, problems);
    let (site, site_problems) = site::assemble(
        config,
        lang,
        content.pages,
        data,
        &data_texts,
        trees,
        &site::BuildOptions {
            drafts: shared.opts.drafts,
            original,
            broken_trees,
            git_dates: shared.git_dates.clone(),
            assets: shared.assets,
            memo: shared.memo,
            bodies: shared.bodies,
        },
    );
    problems.extend(site_problems);
    site
}

/// Every tree file of a language, validated; in a translation, each
/// checked against its original, and the original standing in for each
/// tree not translated. Returns the trees and the ids of broken ones.
fn parse_trees(
    files: &[load::TextFile],
    original: Option<&Site>,
    problems: &mut Diagnostics,
) -> (Vec<tree::Tree>, Vec<String>) {
    let mut trees = Vec::new();
    let mut broken = Vec::new();
    for f in files {
        let id = f.rel.rsplit('/').next().unwrap_or(&f.rel);
        let id = id
            .strip_suffix(".yaml")
            .or_else(|| id.strip_suffix(".yml"))
            .unwrap_or(id);
        let (t, p) = tree::parse(id, &f.path, &f.text);
        let ok = p.is_empty();
        problems.extend(p);
        match (t, original) {
            (Some(t), Some(o)) if ok => match o.trees.iter().find(|x| x.id == t.id) {
                Some(orig) => {
                    problems.extend(tree::same_shape(&t, orig));
                    trees.push(t);
                }
                None => problems.push(
                    Diagnostic::new(
                        Code::I18nNoOriginal,
                        &f.path,
                        format!("there is no tree `{id}` in the default language"),
                    )
                    .hint("a translated tree has the file name of the tree it translates"),
                ),
            },
            (Some(t), None) if ok => trees.push(t),
            _ => broken.push(id.to_owned()),
        }
    }
    if let Some(o) = original {
        let missing: Vec<tree::Tree> = o
            .trees
            .iter()
            .filter(|t| !trees.iter().any(|x: &tree::Tree| x.id == t.id))
            .map(tree::Tree::stand_in)
            .collect();
        trees.extend(missing);
        broken.extend(o.broken_trees.iter().cloned());
    }
    (trees, broken)
}

/// Everything but choosing where files go: parse, validate, render, minify,
/// with each output file handed to `sink`. Collects every problem it can
/// before giving up.
pub fn compile_into(input: Input, opts: &Options, sink: &dyn Store) -> Result<Built, Diagnostics> {
    compile_memo(input, opts, sink, None, &mut || {})
}

/// [`compile_into`], reusing what an earlier build with the same `memo`
/// made where nothing it was made from changed.
fn compile_memo(
    mut input: Input,
    opts: &Options,
    sink: &dyn Store,
    memo: Option<&Memo>,
    pages_done: &mut dyn FnMut(),
) -> Result<Built, Diagnostics> {
    let mut clock = Clock::new();
    let theme = Theme::take(&mut input);
    let bodies = bodies_for(&input, opts, memo);
    // A build without serve's memo keeps each page's Markdown in the spare.
    let kept = match memo {
        Some(_) => None,
        None => (sink.kept_file(crate::markdown::KEPT_FILE))
            .map(|(old, new)| crate::markdown::Memo::kept(&old, &new)),
    };
    let markdown = memo.map(Memo::markdown).or(kept.as_ref());
    let model = model_timed(
        input,
        (&theme.statics, &theme.pictures),
        opts,
        (markdown, bodies),
        &mut clock,
    );
    let (sites, problems) = match model {
        Ok(model) => model,
        Err(problems) => {
            kept.as_ref().map(crate::markdown::Memo::finish);
            return Err(problems);
        }
    };
    let making = Making {
        memo,
        bodies,
        root: &opts.root,
        // Bodies made again are read back from the spare where they can
        // be: its file stays open until the render is done.
        markdown: kept.as_ref(),
    };
    let built = finish(sites, problems, theme, sink, making, pages_done, clock);
    let markdown = kept.as_ref().and_then(crate::markdown::Memo::finish);
    let mut built = built?;
    built.markdown = markdown;
    Ok(built)
}

/// How [`finish`] makes the pages' bodies.
#[derive(Clone, Copy)]
struct Making<'a> {
    /// `serve`'s memo, if any.
    memo: Option<&'a Memo>,
    /// Whether the model kept the bodies or they are made again.
    bodies: site::Bodies,
    /// The site's root, to read a page's file again.
    root: &'a Path,
    /// The Markdown memo the spare keeps, to read a body made again back
    /// from.
    markdown: Option<&'a crate::markdown::Memo>,
}

/// A large site's build remakes each page's body as it writes it; a small
/// one's, and serve's (a build with a memo, to render one page again),
/// keep them all (#17).
fn bodies_for(input: &Input, opts: &Options, memo: Option<&Memo>) -> site::Bodies {
    let text: usize = std::iter::once(&input.content)
        .chain(input.translations.iter().map(|(_, c)| c))
        .flat_map(|c| &c.pages)
        .map(|f| f.text.len())
        .sum();
    if memo.is_none() && text > opts.remake_above.unwrap_or(REMAKE_ABOVE) {
        site::Bodies::Remade
    } else {
        site::Bodies::Kept
    }
}

/// What the render needs of the input besides the model.
struct Theme {
    templates: Vec<load::TextFile>,
    theme_assets: Vec<load::BinaryFile>,
    statics: Vec<load::BinaryFile>,
    pictures: crate::images::Pictures,
}

impl Theme {
    fn take(input: &mut Input) -> Theme {
        Theme {
            templates: std::mem::take(&mut input.templates),
            theme_assets: std::mem::take(&mut input.theme_assets),
            statics: std::mem::take(&mut input.statics),
            pictures: crate::images::Pictures::new(Arc::clone(&input.images)),
        }
    }
}

/// The model's pages rendered, minified and handed to `sink`, with the
/// search index; `problems` are the model's.
fn finish(
    mut sites: Vec<Site>,
    mut problems: Diagnostics,
    theme: Theme,
    sink: &dyn Store,
    making: Making,
    pages_done: &mut dyn FnMut(),
    mut clock: Clock,
) -> Result<Built, Diagnostics> {
    let memo = making.memo;
    let Theme {
        templates,
        theme_assets,
        statics,
        pictures,
    } = theme;
    let advice = problems.take_advice();
    let model_ok = problems.is_empty();
    let config = &sites[0].config;
    let theme = match render::load_templates(&templates, config.minify) {
        Ok(t) => t,
        Err(p) => {
            problems.extend(p);
            problems.extend(advice);
            return Err(problems.sorted());
        }
    };
    let mut assets = render::fingerprint(&theme_assets, config.base_path());
    // A serve build (one with a memo) keeps what the quick way needs.
    let kept_statics = memo.is_some().then(|| statics.clone());
    let tracked = Tracked::new(sink, config.minify);
    let mut put_all = |files: Vec<OutputFile>| {
        for f in files {
            if let Err(d) = tracked.put(f) {
                problems.push(d);
            }
        }
    };
    put_all(std::mem::take(&mut assets.files));
    // Opened before a render that analyses pages for the index as it
    // writes them, else once there is an index: a failed build leaves it.
    let remade = making.bodies == site::Bodies::Remade;
    let kept = if remade { part_cache(sink, memo) } else { None };
    let (render_problems, texts) = render_pages(
        &mut sites,
        (&theme, &assets),
        (&statics, &pictures),
        &tracked,
        (making, memo.map(Memo::parts).or(kept.as_ref())),
    );
    put_all(copies(statics));
    clock.lap("render, minify, write");
    put_images(&pictures, &tracked, &mut problems);
    // A build with problems writes nothing: no index to make for it.
    let mut search_parts = None;
    if model_ok && render_problems.is_empty() {
        if problems.is_empty() {
            pages_done();
        }
        let kept = if remade { kept } else { part_cache(sink, memo) };
        let cache = memo.map(Memo::parts).or(kept.as_ref());
        problems.extend(put_indexes(&sites, texts, cache, &tracked));
        search_parts = cache.map(PartCache::finish);
        clock.lap("search index");
    } else {
        // What the render analysed is kept all the same.
        kept.as_ref().map(PartCache::finish);
    }
    problems.extend(render_problems);
    if !problems.is_empty() {
        problems.extend(advice);
        return Err(problems.sorted());
    }
    let site = sites.remove(0);
    Ok(Built {
        pages: tracked.pages.load(Ordering::Relaxed),
        unrendered: tracked.unrendered.load(Ordering::Relaxed),
        kept_files: [tracked.kept.load(Ordering::Relaxed), sink.kept_by_stamp()],
        files: tracked.files.load(Ordering::Relaxed),
        bytes: tracked.bytes.load(Ordering::Relaxed),
        site,
        translations: sites,
        advice: advice.sorted(),
        stages: clock.stages,
        images: Arc::clone(pictures.cache()),
        search_parts,
        markdown: None,
        external_links: None,
        kept: kept_statics.map(|statics| Kept {
            theme,
            assets,
            statics,
        }),
    })
}

/// Every edition's pages rendered, minified and handed to `sink` one by
/// one; returns the problems and each edition's text sections for the
/// search index, which is built next (#5). The pages' bodies go to the
/// render and their text sections to the index, which free them page by
/// page. Both are parallel inside; run side by side they took no less time
/// on two cores, and the index's working memory came on top of the pages'
/// HTML (10,000 pages: 432 MiB peak RSS side by side, 346 MiB in turn).
/// A remade body's text sections are analysed for the index as the render
/// makes them (`search::PageAnalysis`), a run of pages at a time.
fn render_pages(
    sites: &mut [Site],
    theme: (&render::Theme, &render::Assets),
    (statics, pictures): (&[load::BinaryFile], &crate::images::Pictures),
    sink: &dyn Sink,
    (making, parts): (Making, Option<&PartCache>),
) -> (Vec<Diagnostic>, Vec<PageTexts>) {
    let Making {
        memo,
        bodies,
        root,
        markdown,
    } = making;
    let remade = bodies == site::Bodies::Remade;
    let bodies: Vec<render::Bodies> = (sites.iter_mut())
        .map(|s| render::Bodies::take(s, remade))
        .collect();
    if memo.is_some() {
        let problems =
            render::render_all(sites, theme, bodies, sink, (memo.map(|m| &m.render), None));
        return (
            problems,
            sites.iter().map(|_| PageTexts::in_model()).collect(),
        );
    }
    if !remade {
        let texts = sites.iter_mut().map(PageTexts::take).collect();
        let problems = render::render_all(sites, theme, bodies, sink, (None, None));
        return (problems, texts);
    }
    // Remade bodies show the copied files' images again, as the model
    // stage did: the caller writes the files after the render.
    let files = site::Assets::with_pictures(statics, pictures);
    let read = |page: &site::Page| load::read_again(root, page);
    let sites: &[Site] = sites;
    let analyse = AnalyseAsRendered {
        sites,
        parts,
        analyses: sites
            .iter()
            .map(|_| PageAnalysis::new(&search::Params::default()))
            .collect(),
    };
    let remake = (
        &files,
        &read as &render::ReadAgain,
        Some(&analyse as &dyn render::TakeTexts),
        markdown,
    );
    let problems = render::render_all(sites, theme, bodies, sink, (None, Some(remake)));
    (
        problems,
        analyse
            .analyses
            .into_iter()
            .map(PageTexts::analysed)
            .collect(),
    )
}

/// The search index's analysis of each edition's pages, made from their
/// text sections as the render makes their bodies again.
struct AnalyseAsRendered<'a> {
    sites: &'a [Site],
    /// The parts earlier builds analysed.
    parts: Option<&'a PartCache>,
    analyses: Vec<PageAnalysis>,
}

impl render::TakeTexts for AnalyseAsRendered<'_> {
    fn take(&self, e: usize, first: usize, pages: Vec<(usize, Option<Vec<TextSection>>)>) {
        let site = &self.sites[e];
        // A page whose output was not written failed the render: the
        // build writes no index, and the run is left out.
        let pages: Option<Vec<(usize, Vec<TextSection>)>> = (pages.into_iter())
            .map(|(i, sections)| Some((i, sections?)))
            .collect();
        if let Some(pages) = pages.filter(|_| site.config.search) {
            self.analyses[e].add(site, first, &pages, self.parts);
        }
    }
}

/// The copied files as output files, which share their bytes.
fn copies(statics: Vec<load::BinaryFile>) -> Vec<OutputFile> {
    (statics.iter())
        .map(|s| OutputFile::shared(s.rel.clone(), Arc::clone(&s.bytes)))
        .collect()
}

/// The parts of the search index an earlier build analysed, which the
/// spare keeps; `None` for `serve`, which keeps them in its `memo`. A
/// large site's render reads back each run of pages it hands to the index
/// (see [`PageAnalysis::add`]).
fn part_cache(sink: &dyn Store, memo: Option<&Memo>) -> Option<PartCache> {
    if memo.is_some() {
        return None;
    }
    let (old, new) = sink.kept_file(crate::search::PARTS_FILE)?;
    Some(PartCache::open(&old, &new))
}

/// Makes the search index of every edition that has one.
fn put_indexes(
    sites: &[Site],
    texts: Vec<PageTexts>,
    cache: Option<&PartCache>,
    sink: &dyn Sink,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for (site, texts) in sites.iter().zip(texts).filter(|(s, _)| s.config.search) {
        problems.extend(put_index(site, texts, cache, sink));
    }
    problems
}

/// Makes the search index of one edition and hands it to `sink`, under
/// the edition's folder.
pub fn put_index(
    site: &Site,
    texts: PageTexts,
    cache: Option<&PartCache>,
    sink: &dyn Sink,
) -> Vec<Diagnostic> {
    let sink = Prefixed {
        inner: sink,
        prefix: site.lang.folder(),
    };
    // Each file is written as it is made, from the index's parallel phases,
    // so a large site's index is never held whole (#17).
    let params = crate::search::Params::default();
    crate::search::write_index(site, texts, (&params, cache), &sink)
        .map_or_else(Vec::new, |i| i.problems)
}

/// Hands the WebP copies of the site's images to the sink (#19).
fn put_images(pictures: &crate::images::Pictures, sink: &dyn Sink, problems: &mut Diagnostics) {
    for f in pictures.take_copies() {
        if let Err(d) = sink.put(f) {
            problems.push(d);
        }
    }
}

/// Compiles into memory: what was built and every output file, sorted by
/// path.
pub fn compile(input: Input, opts: &Options) -> Result<(Built, Vec<OutputFile>), Diagnostics> {
    let collect = Collect::default();
    let built = compile_into(input, opts, &collect)?;
    Ok((built, collect.into_sorted()))
}

/// [`compile`] for a rebuild: what did not change since the last build
/// with the same `memo` is taken from it rather than made again.
pub fn compile_with(
    input: Input,
    opts: &Options,
    memo: &Memo,
) -> Result<(Built, Vec<OutputFile>), Diagnostics> {
    let mut early = Vec::new();
    let (built, mut files) = compile_staged(input, opts, memo, &mut |pages| early = pages)?;
    files.append(&mut early);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((built, files))
}

/// [`compile_with`] in two steps, for `serve`: once every page, asset and
/// copied file is made (and the build cannot fail any more for what they
/// hold), `pages` gets them, so they can be shown before the search index
/// is made (#17: the index was half of a 10,000-page rebuild). What it
/// returns is the rest: the search index. A build with problems never
/// calls `pages`.
pub fn compile_staged(
    input: Input,
    opts: &Options,
    memo: &Memo,
    pages: &mut dyn FnMut(Vec<OutputFile>),
) -> Result<(Built, Vec<OutputFile>), Diagnostics> {
    let collect = Collect::default();
    let mut hand_over = || {
        let done = match collect.0.lock() {
            Ok(mut files) => std::mem::take(&mut *files),
            Err(e) => std::mem::take(&mut *e.into_inner()),
        };
        pages(done);
    };
    let built = compile_memo(input, opts, &collect, Some(memo), &mut hand_over)?;
    Ok((built, collect.into_sorted()))
}

/// One stage of a build: how long it took, and the process's peak
/// resident memory when it ended (#17: which stage makes the peak).
#[derive(Debug, Clone)]
pub struct Stage {
    pub name: &'static str,
    pub took: Duration,
    /// KiB; `None` where the system does not say (only Linux does here).
    pub peak_kib: Option<u64>,
}

/// Stage timings.
struct Clock {
    last: Instant,
    stages: Vec<Stage>,
}

/// The process's peak resident memory so far, in KiB: `VmHWM` in
/// /proc/self/status. Read by hand: it is one line of one file, and the
/// crates that report it (procfs, sysinfo) bring far more than that.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    parse_vm_hwm(&status)
}

fn parse_vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.trim_start_matches("VmHWM:")
        .trim()
        .strip_suffix("kB")?
        .trim()
        .parse()
        .ok()
}

impl Clock {
    fn new() -> Self {
        Clock {
            last: Instant::now(),
            stages: Vec::new(),
        }
    }

    fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.stages.push(Stage {
            name: stage,
            took: now - self.last,
            peak_kib: peak_rss_kib(),
        });
        self.last = now;
    }
}

/// Loads, compiles and writes the site; returns what was built and where
/// it went.
pub fn write(opts: &Options) -> Result<(Built, PathBuf), Diagnostics> {
    let mut clock = Clock::new();
    let input = load(opts)?;
    clock.lap("read the files");
    let out = opts.output_dir(&input.config);
    let images = Arc::clone(&input.images);
    let cache_dir = crate::output::image_cache_dir(&out);
    let staging = crate::output::Staging::begin(&out, &opts.root)?;
    let mut built = match compile_into(input, opts, &staging) {
        Ok(built) => built,
        Err(problems) => {
            // What the build made of its good images is kept: the next
            // build need not make it again. Nothing is removed, as the
            // build may not have asked for every image.
            let _ = crate::output::store_image_cache(&cache_dir, &images, false);
            return Err(problems);
        }
    };
    clock.last = Instant::now();
    staging.commit()?;
    clock.lap("swap in");
    let mut stages = clock.stages;
    let swap = stages.pop();
    stages.append(&mut built.stages);
    stages.extend(swap);
    built.stages = stages;
    if let Err(d) = crate::output::store_image_cache(&cache_dir, &images, true) {
        // The site is written; only the next build's speed is at stake.
        built.advice.push(d.warning());
    }
    Ok((built, out))
}

/// Runs every check of a build without writing the site; with
/// `opts.external`, checks the links to other websites too, and keeps what
/// it learned in the link cache (the one file it writes).
pub fn check(opts: &Options) -> Result<Built, Diagnostics> {
    let mut input = load(opts)?;
    let opts = Options {
        no_minify: true,
        ..opts.clone()
    };
    if !opts.external {
        return Ok(compile(input, &opts)?.0);
    }
    let mut clock = Clock::new();
    let theme = Theme::take(&mut input);
    let config = input.config.external_links.clone();
    let bodies = bodies_for(&input, &opts, None);
    let (sites, mut problems) = model_timed(
        input,
        (&theme.statics, &theme.pictures),
        &opts,
        (None, bodies),
        &mut clock,
    )?;
    let report = check_external(&sites, &config, &opts.root, &mut problems);
    clock.lap("external links");
    let collect = Collect::default();
    let mut built = finish(
        sites,
        problems,
        theme,
        &collect,
        Making {
            memo: None,
            bodies,
            root: &opts.root,
            markdown: None,
        },
        &mut || {},
        clock,
    )?;
    built.external_links = Some(report);
    Ok(built)
}

/// Asks about every link to another website of `sites`, with the cache of
/// earlier runs (unless `cache_hours` is 0), and adds what it found to
/// `problems`. Returns how many different links there were.
fn check_external(
    sites: &[Site],
    config: &ExternalConfig,
    root: &Path,
    problems: &mut Diagnostics,
) -> usize {
    let use_cache = config.cache_hours > 0;
    let mut cache = Cache::default();
    if use_cache {
        let (read, trouble) = load::read_link_cache(root);
        cache = read;
        problems.extend(trouble);
    }
    let report = external::check_sites(sites, config, &mut cache, SystemTime::now());
    problems.extend(report.problems);
    if use_cache && let Err(d) = crate::output::write_link_cache(root, &cache) {
        problems.push(d.hint("the next run asks every link again").warning());
    }
    report.links
}

#[cfg(test)]
mod tests {
    use super::parse_vm_hwm;

    #[test]
    fn the_peak_is_read_from_the_vm_hwm_line() {
        let status =
            "Name:\tcasebook\nVmPeak:\t  900000 kB\nVmHWM:\t  287584 kB\nVmRSS:\t  1000 kB\n";
        assert_eq!(parse_vm_hwm(status), Some(287_584));
        assert_eq!(parse_vm_hwm("VmRSS:\t1000 kB\n"), None);
        assert_eq!(parse_vm_hwm("VmHWM:\tlots\n"), None);
    }
}
