//! The pipeline: config → load → pages/data/trees → site model → render →
//! minify → (write). `compile` is pure over the loaded input; `write` adds
//! the one write at the end.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::artifact::{Collect, OutputFile, Sink};
use crate::config::SiteConfig;
use crate::data::{self, DataFile};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::{self, Input};
use crate::output::{Store, Tracked};
use crate::render;
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
}

/// What a build made: the model, and the pages, files and bytes handed to
/// the sink, with how long each stage took.
pub struct Built {
    /// The model. The render and the index took the pages' text, HTML and
    /// text sections; [`model`] keeps them.
    pub site: Site,
    /// HTML pages.
    pub pages: usize,
    pub files: usize,
    pub bytes: usize,
    /// How long each stage took, for `build --timings`.
    pub stages: Vec<(&'static str, Duration)>,
}

impl Built {
    /// Data records and decision trees.
    pub fn records(&self) -> usize {
        self.site.data.count() + self.site.trees.len()
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
    opts.apply(&mut config);
    load::load(&opts.root, config)
}

/// The site model with every problem found on the way: config, data,
/// trees, pages and links. Rendering needs only this (and the theme).
pub fn model(input: Input, opts: &Options) -> Result<(Site, Diagnostics), Diagnostics> {
    model_timed(input, opts, &mut Clock::new())
}

fn model_timed(
    input: Input,
    opts: &Options,
    clock: &mut Clock,
) -> Result<(Site, Diagnostics), Diagnostics> {
    let mut problems = Diagnostics::new();
    let config = input.config;

    let files: Vec<DataFile> = input
        .data
        .iter()
        .map(|f| DataFile {
            path: &f.path,
            rel: Path::new(&f.rel),
            text: &f.text,
        })
        .collect();
    let (data, data_problems) = data::parse_all(&files);
    clock.lap("data");
    problems.extend(data_problems);
    let data_texts: SourceTexts = input
        .data
        .iter()
        .map(|f| (f.path.as_path(), f.text.as_str()))
        .collect();

    let mut trees = Vec::new();
    let mut broken_trees = Vec::new();
    for f in &input.trees {
        let id = f.rel.rsplit('/').next().unwrap_or(&f.rel);
        let id = id
            .strip_suffix(".yaml")
            .or_else(|| id.strip_suffix(".yml"))
            .unwrap_or(id);
        let (t, p) = tree::parse(id, &f.path, &f.text);
        match t {
            Some(t) if p.is_empty() => trees.push(t),
            _ => broken_trees.push(id.to_owned()),
        }
        problems.extend(p);
    }
    clock.lap("trees");

    let (site, site_problems) = site::assemble(
        config,
        input.pages,
        data,
        &data_texts,
        trees,
        &site::BuildOptions {
            drafts: opts.drafts,
            broken_trees,
            git_dates: input.git_dates,
        },
    );
    problems.extend(site_problems);
    clock.lap("pages and model");
    Ok((site, problems))
}

/// Everything but choosing where files go: parse, validate, render, minify,
/// with each output file handed to `sink`. Collects every problem it can
/// before giving up.
pub fn compile_into(
    mut input: Input,
    opts: &Options,
    sink: &dyn Store,
) -> Result<Built, Diagnostics> {
    let mut clock = Clock::new();
    let templates = std::mem::take(&mut input.templates);
    let theme_assets = std::mem::take(&mut input.theme_assets);
    let statics = std::mem::take(&mut input.statics);
    let (mut site, mut problems) = model_timed(input, opts, &mut clock)?;
    let model_ok = problems.is_empty();

    let mut theme = match render::load_templates(&templates, site.config.minify) {
        Ok(t) => t,
        Err(p) => {
            problems.extend(p);
            return Err(problems.sorted());
        }
    };
    let mut assets = render::fingerprint(&theme_assets, site.config.base_path());
    render::set_globals(&mut theme, &site, &assets);
    let tracked = Tracked::new(sink, site.config.minify);
    let mut put_all = |files: Vec<OutputFile>| {
        for f in files {
            if let Err(d) = tracked.put(f) {
                problems.push(d);
            }
        }
    };
    put_all(std::mem::take(&mut assets.files));
    put_all(
        statics
            .into_iter()
            .map(|s| OutputFile::new(s.rel, s.bytes))
            .collect(),
    );
    // Pages are rendered, minified and handed to the sink one by one, then
    // the search index is built (#5). The pages' bodies go to the render
    // and their text sections to the index, which free them page by page.
    // Both are parallel inside; run side by side they took no less time on
    // two cores, and the index's working memory came on top of the pages'
    // HTML (10,000 pages: 432 MiB peak RSS side by side, 346 MiB in turn).
    let bodies = render::Bodies::take(&mut site);
    let texts = crate::search::PageTexts::take(&mut site);
    let render_problems = render::render_site(&site, &theme, &assets, bodies, &tracked);
    clock.lap("render, minify, write");
    // A build with problems writes nothing: no index to make for it.
    let search_files = if site.config.search && model_ok && render_problems.is_empty() {
        let files =
            crate::search::build_index(&site, texts, &crate::search::Params::default()).files;
        clock.lap("search index");
        files
    } else {
        Vec::new()
    };
    // A large site's index is a few thousand files: written in parallel.
    let search_problems: Vec<Diagnostic> = search_files
        .into_par_iter()
        .filter_map(|f| tracked.put(f).err())
        .collect();
    problems.extend(search_problems);
    problems.extend(render_problems);
    if !problems.is_empty() {
        return Err(problems.sorted());
    }
    Ok(Built {
        pages: tracked.pages.load(Ordering::Relaxed),
        files: tracked.files.load(Ordering::Relaxed),
        bytes: tracked.bytes.load(Ordering::Relaxed),
        site,
        stages: clock.stages,
    })
}

/// Compiles into memory: what was built and every output file, sorted by
/// path.
pub fn compile(input: Input, opts: &Options) -> Result<(Built, Vec<OutputFile>), Diagnostics> {
    let collect = Collect::default();
    let built = compile_into(input, opts, &collect)?;
    Ok((built, collect.into_sorted()))
}

/// Stage timings.
struct Clock {
    last: Instant,
    stages: Vec<(&'static str, Duration)>,
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
        self.stages.push((stage, now - self.last));
        self.last = now;
    }
}

/// Loads, compiles and writes the site; returns what was built and where
/// it went.
pub fn write(opts: &Options) -> Result<(Built, PathBuf), Diagnostics> {
    let input = load(opts)?;
    let out = opts.output_dir(&input.config);
    let staging = crate::output::Staging::begin(&out, &opts.root)?;
    let mut built = compile_into(input, opts, &staging)?;
    let swap_started = Instant::now();
    staging.commit()?;
    built.stages.push(("swap in", swap_started.elapsed()));
    Ok((built, out))
}

/// Runs every check of a build without writing anything.
pub fn check(opts: &Options) -> Result<Built, Diagnostics> {
    let input = load(opts)?;
    let opts = Options {
        no_minify: true,
        ..opts.clone()
    };
    Ok(compile(input, &opts)?.0)
}
