//! The pipeline: load → config → pages/data/trees → site model → render →
//! minify → (write). `compile` is pure over the loaded input; `build` adds
//! the one write at the end.

use std::collections::HashMap;
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
use crate::site::{self, Site};
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

/// The result of a compile: the files and what went into them.
pub struct Compiled {
    /// The model. The render and the index took the pages' text, HTML and
    /// text sections; [`model`] keeps them.
    pub site: Site,
    pub files: Vec<OutputFile>,
    /// How long each stage took, for `build --timings`.
    pub stages: Vec<(&'static str, Duration)>,
}

#[derive(Debug, Clone)]
pub struct Stats {
    pub pages: usize,
    pub records: usize,
    pub files: usize,
    pub bytes: usize,
    pub elapsed: Duration,
    pub stages: Vec<(&'static str, Duration)>,
}

impl Compiled {
    pub fn stats(&self, started: Instant) -> Stats {
        Stats {
            pages: self.files.iter().filter(|f| f.is_html()).count(),
            records: self.site.data.count() + self.site.trees.len(),
            files: self.files.len(),
            bytes: self.files.iter().map(|f| f.bytes.len()).sum(),
            elapsed: started.elapsed(),
            stages: self.stages.clone(),
        }
    }
}

/// Reads the site at `opts.root`.
pub fn load(opts: &Options) -> Result<Input, Diagnostics> {
    load::load(&opts.root, &opts.root.join("site.toml"))
}

/// What a compile made, without the files (they went to the sink).
pub struct Summary {
    /// The model, without the pages' text, HTML and text sections (see
    /// [`Compiled::site`]).
    pub site: Site,
    pub pages: usize,
    pub files: usize,
    pub bytes: usize,
    pub stages: Vec<(&'static str, Duration)>,
}

impl Summary {
    pub fn stats(&self, started: Instant) -> Stats {
        Stats {
            pages: self.pages,
            records: self.site.data.count() + self.site.trees.len(),
            files: self.files,
            bytes: self.bytes,
            elapsed: started.elapsed(),
            stages: self.stages.clone(),
        }
    }
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
    let mut config =
        SiteConfig::parse(&input.config_text, &input.config_path).map_err(Diagnostics::from)?;
    if let Some(url) = &opts.base_url {
        config.base_url = if url.ends_with('/') {
            url.clone()
        } else {
            format!("{url}/")
        };
    }
    if opts.no_minify {
        config.minify = false;
    }

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
    let data_texts: HashMap<PathBuf, String> = input
        .data
        .iter()
        .map(|f| (f.path.clone(), f.text.clone()))
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

    let (site, site_problems) = site::build(
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
) -> Result<Summary, Diagnostics> {
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
    let assets = render::fingerprint(&theme_assets, site.config.base_path());
    render::set_globals(&mut theme, &site, &assets);
    let tracked = Tracked::new(sink, site.config.minify);
    let mut put_all = |files: Vec<OutputFile>| {
        for f in files {
            if let Err(d) = tracked.put(f) {
                problems.push(d);
            }
        }
    };
    put_all(assets.files);
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
    let render_problems = render::render_site(&site, &theme, bodies, &tracked);
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
    Ok(Summary {
        pages: tracked.pages.load(Ordering::Relaxed),
        files: tracked.files.load(Ordering::Relaxed),
        bytes: tracked.bytes.load(Ordering::Relaxed),
        site,
        stages: clock.stages,
    })
}

/// Compiles into memory: every output file, sorted by path.
pub fn compile(input: Input, opts: &Options) -> Result<Compiled, Diagnostics> {
    let collect = Collect::default();
    let summary = compile_into(input, opts, &collect)?;
    Ok(Compiled {
        site: summary.site,
        files: collect.into_sorted(),
        stages: summary.stages,
    })
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

/// Where the site goes: `--output-dir`, else site.toml's `output_dir`, relative to the root.
pub fn output_dir(opts: &Options, config_text: &str) -> PathBuf {
    if let Some(d) = &opts.output_dir {
        return d.clone();
    }
    let configured = toml::from_str::<toml::Table>(config_text)
        .ok()
        .and_then(|t| {
            t.get("output_dir")
                .and_then(|v| v.as_str())
                .map(PathBuf::from)
        })
        .unwrap_or_else(|| PathBuf::from("public"));
    opts.root.join(configured)
}

/// Loads, compiles and writes the site. Returns the stats and where it went.
pub fn build(opts: &Options) -> Result<(Stats, PathBuf), Diagnostics> {
    let started = Instant::now();
    let input = load(opts)?;
    let out = output_dir(opts, &input.config_text);
    let staging = crate::output::Staging::begin(&out, &opts.root)?;
    let mut summary = compile_into(input, opts, &staging)?;
    let swap_started = Instant::now();
    staging.commit()?;
    summary.stages.push(("swap in", swap_started.elapsed()));
    Ok((summary.stats(started), out))
}

/// Runs every check of a build without writing anything.
pub fn check(opts: &Options) -> Result<Stats, Diagnostics> {
    let started = Instant::now();
    let input = load(opts)?;
    let compiled = compile(
        input,
        &Options {
            no_minify: true,
            ..opts.clone()
        },
    )?;
    Ok(compiled.stats(started))
}
