//! Tera rendering: the template environment (embedded theme < theme folder <
//! site templates), one context per output page, shortcodes expanded into
//! page bodies. Each file goes to a [`Sink`] as it is made; nothing here
//! touches the disk.
//!
//! - [`jobs`](Renderer::jobs): every output file of the site, as a [`Job`];
//! - `context/`: the typed context of each kind of page;
//! - `shortcode`: shortcodes in page bodies;
//! - `templates`: loading and compiling the theme.

mod context;
mod digest;
mod host;
mod memo;
mod shortcode;
mod strings;
mod templates;
mod vars;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use tera::Tera;

pub use context::{SEARCH_PAGE_GUIDES, json_ld_escape};
pub use host::CSP;
pub use memo::Memo;
pub use templates::{Theme, load_templates, tera_diagnostic};

use crate::artifact::{OutputFile, PageKey, Prefixed, Sink};
use crate::diagnostics::{Code, Diagnostic};
use crate::hash::{Digest, Hasher};
use crate::markdown::TextSection;
use crate::site::{self, Links, Listing, Site, alias_path};

/// Theme assets with fingerprinted names: `style.css` → `/kb/assets/style.1a2b3c4d.css`.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    pub urls: BTreeMap<String, String>,
    pub files: Vec<OutputFile>,
}

/// Fingerprints CSS and JS (content-hashed names, so hosts can cache them
/// forever) and copies other theme files as they are.
pub fn fingerprint(theme_assets: &[crate::load::BinaryFile], base_path: &str) -> Assets {
    let mut latest: BTreeMap<&str, &[u8]> = BTreeMap::new();
    for a in theme_assets {
        latest.insert(&a.rel, &a.bytes); // later files override earlier ones
    }
    let mut assets = Assets::default();
    for (name, bytes) in latest {
        let out = match name.rsplit_once('.') {
            Some((stem, ext @ ("css" | "js"))) => {
                let hash = blake3::hash(bytes).to_hex();
                format!("assets/{stem}.{}.{ext}", &hash[..10])
            }
            _ => format!("assets/{name}"),
        };
        assets
            .urls
            .insert(name.to_owned(), format!("{base_path}{out}"));
        assets.files.push(OutputFile::new(out, bytes.to_vec()));
    }
    assets
}

/// The theme's templates for one language's edition: what every template
/// sees (`site`, `assets`, the theme's words as `t`) set once, and `tr()`
/// for strings with a count or placeholders.
/// The second value is a digest of the globals and of what `tr()` reads.
fn edition_tera(
    theme: &Theme,
    sites: &[Site],
    e: usize,
    assets: &Assets,
) -> (Tera, Option<Digest>) {
    let mut tera = theme.tera.clone();
    let site = &sites[e];
    let mut globals = vars::Vars::new();
    globals.insert("site", context::SiteGlobals::new(sites, e));
    globals.insert("assets", &assets.urls);
    globals.insert("t", site.lang.strings.all());
    // The globals are strings and maps of strings, which always convert;
    // were one not to, its pages would fail naming the missing variable,
    // and with no digest none would be kept.
    let Ok(global_context) = globals.context() else {
        return (tera, None);
    };
    tera.global_context().extend(global_context);
    strings::register(&mut tera, &site.lang.strings);
    // `tr` reads the strings (in `t`) with the plural rules of the
    // language: its code goes in what a memo compares.
    globals.insert("lang", &site.lang.code);
    (tera, globals.digest())
}

/// Makes the [`PageKey`] of each page of one edition: everything but the
/// page's own path, template and context is hashed once.
struct PageKeys(Hasher);

impl PageKeys {
    /// `None` when the globals have no digest: no page is keyed then.
    fn new(theme: Digest, globals: Option<Digest>, edition: &str) -> Option<Self> {
        let mut h = Hasher::new();
        h.update(b"casebook rendered page 1\0");
        for part in [
            env!("CARGO_PKG_VERSION"),
            crate::artifact::executable_identity(),
            edition,
        ] {
            h.piece(part.as_bytes());
        }
        h.update(&theme).update(&globals?);
        Some(PageKeys(h))
    }

    fn page(&self, path: &str, template: &str, context: &Digest) -> PageKey {
        let mut h = self.0.clone();
        h.piece(path.as_bytes()).piece(template.as_bytes());
        h.update(context).finish()
    }
}

/// A hash of the compiled templates' sources, and whether they were
/// compiled for minified pages (which leaves out some whitespace).
fn theme_hash(theme: &Theme, minify: bool) -> Digest {
    let mut names: Vec<&String> = theme.origins.keys().collect();
    names.sort();
    let mut h = Hasher::new();
    h.update(&[u8::from(minify)]);
    for name in names {
        let (file, text) = &theme.origins[name];
        for part in [
            name.as_bytes(),
            file.to_string_lossy().as_bytes(),
            text.as_bytes(),
        ] {
            h.piece(part);
        }
    }
    h.finish()
}

/// Each page's HTML and source text, taken out of the site model for the
/// render: the one job that shows a page's body takes them and frees them
/// once the page is written, so the model shrinks as the pages go out.
pub struct Bodies(Vec<Mutex<Option<Body>>>);

struct Body {
    /// `None` where the model did not keep it (`site::Bodies::Remade`):
    /// the render makes it again from `text`.
    html: Option<Arc<String>>,
    /// The whole file, for the line and caret of a shortcode's error.
    text: String,
}

impl Bodies {
    /// Takes each page's body out of `site`; with `remade`, the model kept
    /// no HTML and the render makes it again.
    pub fn take(site: &mut Site, remade: bool) -> Bodies {
        Bodies(
            site.pages
                .iter_mut()
                .map(|p| {
                    let html = std::mem::take(&mut p.rendered.html);
                    Mutex::new(Some(Body {
                        html: (!remade).then_some(html),
                        text: std::mem::take(&mut p.text),
                    }))
                })
                .collect(),
        )
    }
}

/// What the render needs to make pages' bodies again
/// (`site::Bodies::Remade`): the links of the edition being rendered, and
/// how to read a page's file again.
struct Remake<'a> {
    links: Links<'a>,
    read: &'a ReadAgain<'a>,
    /// The Markdown the spare keeps, to read a body back from.
    memo: Option<&'a crate::markdown::Memo>,
}

/// Reads again the text of a page whose body the model let go (it has a
/// `body_hash`): the same text the model stage read, or a problem.
pub type ReadAgain<'a> = dyn Fn(&site::Page) -> Result<String, Diagnostic> + Sync + 'a;

/// Where the render hands the text sections of the bodies it makes again
/// (`site::Bodies::Remade`), so that the search index analyses them
/// there and need not render every page's Markdown a third time (#17).
pub trait TakeTexts: Sync {
    /// A run of edition `e`'s own pages, in the order of
    /// [`Site::own_pages`] from position `first` on: each page's index and
    /// its body's text sections (`None` if no output was written for it).
    fn take(&self, e: usize, first: usize, pages: Vec<(usize, Option<Vec<TextSection>>)>);
}

/// Own pages a run hands over at once ([`TakeTexts`]), on average: one
/// search index part's worth. A run ends after a page whose path's digest
/// is 0 modulo this, or at four times as many pages, so that a page added
/// or deleted changes the run it falls in, not every run after it (the
/// index keeps each run's analysis, `search::PageAnalysis`).
const RUN: u16 = 64;

/// The runs of `own`, pages of `site` (see [`RUN`]), as ranges of it.
fn runs(site: &Site, own: &[usize]) -> Vec<std::ops::Range<usize>> {
    let digests: Vec<crate::hash::Digest> = (own.iter())
        .map(|&i| crate::hash::digest(site.pages[i].path.as_bytes()))
        .collect();
    crate::hash::cut(&digests, RUN)
}

/// How to make the bodies the model did not keep (`site::Bodies::Remade`):
/// the copied files pages show, how to read a page's file again, where
/// the bodies' text sections go, if anywhere, and the Markdown memo the
/// spare keeps, if any ([`site::remake_body`]).
pub type RemakeWith<'a> = (
    &'a site::Assets<'a>,
    &'a ReadAgain<'a>,
    Option<&'a dyn TakeTexts>,
    Option<&'a crate::markdown::Memo>,
);

/// Renders every language's edition of the site (`sites`, the default
/// language first), each under its prefix. `bodies` are each edition's
/// pages' HTML and text ([`Bodies::take`]). With `remake`, bodies the model
/// did not keep are rendered again from their file as their page is
/// written, and their text sections handed over a run of pages at a time.
pub fn render_all(
    sites: &[Site],
    (theme, assets): (&Theme, &Assets),
    bodies: Vec<Bodies>,
    sink: &dyn Sink,
    (memo, remake): (Option<&Memo>, Option<RemakeWith>),
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let keyed = sink.keeps_rendered();
    let hash = (memo.is_some() || keyed).then(|| theme_hash(theme, sites[0].config.minify));
    for (e, bodies) in bodies.into_iter().enumerate() {
        let site = &sites[e];
        let (tera, globals) = edition_tera(theme, sites, e, assets);
        let memo = memo.zip(hash).map(|(memo, hash)| {
            memo.begin(&site.lang.folder(), hash, globals);
            memo
        });
        let keys = hash
            .filter(|_| keyed)
            .and_then(|hash| PageKeys::new(hash, globals, &site.lang.folder()));
        let take = remake.and_then(|(_, _, take, _)| take);
        let r = Renderer {
            site,
            sites,
            tera,
            theme,
            assets,
            bodies,
            memo,
            keys,
            remake: remake.map(|(files, read, _, memo)| Remake {
                links: site.links(files),
                read,
                memo,
            }),
            texts: take.map(|_| site.pages.iter().map(|_| Mutex::new(None)).collect()),
        };
        let sink = Prefixed {
            inner: sink,
            prefix: site.lang.folder(),
        };
        let put = |job: &Job| match r.run(job, &sink) {
            Ok(Some(file)) => sink.put(file).err().map(|d| vec![d]),
            Ok(None) => None,
            Err(p) => Some(p),
        };
        let jobs = match take {
            Some(take) => {
                let (bodies, rest) = r.jobs_by_body();
                problems.extend(r.run_pages(e, bodies, take, &put));
                rest
            }
            None => r.jobs(),
        };
        problems.extend(
            jobs.par_iter()
                .filter_map(put)
                .flatten()
                .collect::<Vec<_>>(),
        );
    }
    problems
}

impl Renderer<'_> {
    /// Writes the output that shows each own page's body (`bodies`, in the
    /// order of [`Site::own_pages`]) with `put`, a run of pages at a time
    /// in parallel, and hands each run's text sections to `take`. The
    /// pages' other outputs (a section's further list pages, aliases)
    /// show no body: they go with the rest of the site.
    fn run_pages(
        &self,
        e: usize,
        bodies: Vec<(usize, PageJob)>,
        take: &dyn TakeTexts,
        put: &(dyn Fn(&Job) -> Option<Vec<Diagnostic>> + Sync),
    ) -> Vec<Diagnostic> {
        let (own, jobs): (Vec<usize>, Vec<Job>) = (bodies.into_iter())
            .map(|(i, job)| (i, Job::Page(job)))
            .unzip();
        (runs(self.site, &own).into_par_iter())
            .flat_map_iter(|run| {
                let first = run.start;
                let (own, jobs) = (&own[run.clone()], &jobs[run]);
                let problems: Vec<Diagnostic> = jobs.iter().filter_map(put).flatten().collect();
                let texts = self.texts.as_ref();
                let sections = |i: usize| {
                    let slot = texts.and_then(|t| t.get(i))?;
                    slot.lock().unwrap_or_else(|e| e.into_inner()).take()
                };
                take.take(e, first, own.iter().map(|&i| (i, sections(i))).collect());
                problems
            })
            .collect()
    }
}

/// Renders again the output that shows page `i` of edition `sites[e]`,
/// whose Markdown body alone changed (`body`: its HTML and its file's
/// text), with the model otherwise as the last full render had it: the
/// quick way of `serve` (#17, see `site::redo_body`).
pub fn render_body(
    sites: &[Site],
    theme: &Theme,
    assets: &Assets,
    (e, i): (usize, usize),
    (html, text): (Arc<String>, String),
    sink: &dyn Sink,
) -> Vec<Diagnostic> {
    let site = &sites[e];
    let (tera, _) = edition_tera(theme, sites, e, assets);
    let mut bodies: Vec<Mutex<Option<Body>>> =
        site.pages.iter().map(|_| Mutex::new(None)).collect();
    bodies[i] = Mutex::new(Some(Body {
        html: Some(html),
        text,
    }));
    let r = Renderer {
        site,
        sites,
        tera,
        theme,
        assets,
        bodies: Bodies(bodies),
        memo: None,
        keys: None,
        remake: None,
        texts: None,
    };
    let sink = Prefixed {
        inner: sink,
        prefix: site.lang.folder(),
    };
    // The one job that shows the body: a page's, or its section's first.
    let Some(job) = page_jobs(site, i).into_iter().next() else {
        return Vec::new();
    };
    match r.render_page(&job, &sink) {
        Ok(Some(file)) => sink.put(file).err().into_iter().collect(),
        Ok(None) => Vec::new(),
        Err(p) => p,
    }
}

/// The output pages of page `i`: one, or a section's list pages.
fn page_jobs(site: &Site, i: usize) -> Vec<PageJob> {
    let p = &site.pages[i];
    if p.is_section && p.path != "_index.md" {
        let per = p.fm.paginate_by.unwrap_or(site.config.paginate_by).max(1);
        let total = p.children.len().div_ceil(per).max(1);
        (1..=total)
            .map(|number| PageJob::SectionPage {
                section: i,
                number,
                total,
            })
            .collect()
    } else {
        vec![PageJob::Page(i)]
    }
}

/// One output file to make.
pub(crate) enum Job {
    /// A page (or feed, sitemap, robots.txt) made by a template.
    Page(PageJob),
    /// `decide/<id>/tree.json`, what the stepping script needs.
    TreeData(usize),
    /// `check/rules.json`, the message checker's rules (#7).
    CheckRules,
    /// `_headers`, for hosts that read it.
    HostHeaders,
    /// `_redirects`, for hosts that read it.
    HostRedirects,
}

/// An output file made by a template.
pub(crate) enum PageJob {
    Page(usize),
    /// Page `number` of `total` of a section's list.
    SectionPage {
        section: usize,
        number: usize,
        total: usize,
    },
    Listing(Listing),
    /// Page `number` of `total` of a tag's list.
    Tag {
        slug: String,
        number: usize,
        total: usize,
    },
    TreeStep {
        tree: usize,
        step: usize,
    },
    TreeMap(usize),
    Alias {
        page: usize,
        alias: String,
    },
    NotFound,
    Feed,
    Sitemap,
    Robots,
}

pub(crate) struct Renderer<'a> {
    /// The edition being rendered.
    pub site: &'a Site,
    /// Every edition, the default language's first: for links between
    /// translations and the site-wide files (sitemap, robots.txt, 404).
    pub sites: &'a [Site],
    /// The theme's templates with this edition's globals.
    pub tera: Tera,
    pub theme: &'a Theme,
    pub assets: &'a Assets,
    bodies: Bodies,
    /// Last build's pages, when rebuilding in `serve`.
    memo: Option<&'a Memo>,
    /// Each page's key, when the sink may keep an earlier build's page.
    keys: Option<PageKeys>,
    /// How to make bodies the model did not keep.
    remake: Option<Remake<'a>>,
    /// Each page's text sections, when a remade body's go to the search
    /// index ([`TakeTexts`]): kept from the remake until the page's run
    /// is handed over.
    texts: Option<Vec<Mutex<Option<Vec<TextSection>>>>>,
}

impl Renderer<'_> {
    /// Page `i`'s body HTML and, where it was needed for it, the page's
    /// file text: as the model kept them, read back from the spare, or
    /// made again from the file read again.
    fn body(&self, i: usize, body: Body) -> Result<(Arc<String>, Option<String>), Diagnostic> {
        if let Some(html) = body.html {
            return Ok((html, Some(body.text)));
        }
        let Some(remake) = &self.remake else {
            return Ok((Arc::default(), Some(body.text)));
        };
        let page = &self.site.pages[i];
        let want = match self.texts {
            Some(_) => site::Remake::Both,
            None => site::Remake::Html,
        };
        let kept = (remake.memo)
            .and_then(|memo| site::kept_body(self.site, page, (&remake.links, memo), want));
        let (made, text) = match kept {
            Some(made) => (made, None),
            None => {
                let text = self.source(i, body.text)?;
                let with = (&remake.links, remake.memo);
                (
                    site::remake_body(self.site, page, &text, with, want),
                    Some(text),
                )
            }
        };
        if let Some(slot) = self.texts.as_ref().and_then(|t| t.get(i)) {
            *slot.lock().unwrap_or_else(|e| e.into_inner()) =
                Some(Arc::unwrap_or_clone(made.sections));
        }
        Ok((made.html, text))
    }

    /// Page `i`'s file text: `text`, as the model handed it over, or read
    /// again where the model let it go.
    fn source(&self, i: usize, text: String) -> Result<String, Diagnostic> {
        let page = &self.site.pages[i];
        match (&self.remake, page.body_hash) {
            (Some(remake), Some(_)) => (remake.read)(page),
            _ => Ok(text),
        }
    }

    /// Every output file of the edition to make.
    fn jobs(&self) -> Vec<Job> {
        let (bodies, mut rest) = self.jobs_by_body();
        let mut all: Vec<Job> = bodies.into_iter().map(|(_, job)| Job::Page(job)).collect();
        all.append(&mut rest);
        all
    }

    /// The output file that shows each own page's body (in the order of
    /// [`Site::own_pages`]: a page's, or its section's first list page),
    /// with the page, and every other.
    fn jobs_by_body(&self) -> (Vec<(usize, PageJob)>, Vec<Job>) {
        let site = self.site;
        let mut bodies = Vec::new();
        let mut jobs: Vec<PageJob> = Vec::new();
        // A translation writes only its own pages; the default language's
        // stand in for the rest where they already are.
        for (i, p) in site.own_pages() {
            let mut own = page_jobs(site, i).into_iter();
            bodies.extend(own.next().map(|job| (i, job)));
            jobs.extend(own);
            // Unsafe aliases are reported by the model and never written;
            // with `_redirects`, the host redirects instead.
            let pages = !site.config.deploy.redirects;
            jobs.extend(
                p.fm.aliases
                    .iter()
                    .filter(|a| pages && alias_path(a).is_some())
                    .map(|alias| PageJob::Alias {
                        page: i,
                        alias: alias.clone(),
                    }),
            );
        }
        jobs.extend(
            Listing::ALL
                .into_iter()
                .filter(|&l| context::has_listing(site, l))
                .map(PageJob::Listing),
        );
        // A tag's guides paginate like a section's (its records all show on
        // the first page).
        let per = site.config.paginate_by.max(1);
        for (slug, t) in site
            .tags
            .iter()
            .filter(|(_, t)| context::has_own_items(site, t))
        {
            let total = t.pages.len().div_ceil(per).max(1);
            jobs.extend((1..=total).map(|number| PageJob::Tag {
                slug: slug.clone(),
                number,
                total,
            }));
        }
        let own_trees = site.trees.iter().enumerate().filter(|(_, t)| !t.fallback);
        for (t, tree) in own_trees.clone() {
            jobs.extend((0..tree.steps().len()).map(|step| PageJob::TreeStep { tree: t, step }));
            jobs.push(PageJob::TreeMap(t));
        }
        // One 404 page, sitemap and robots.txt for the whole site.
        let whole_site = site.lang.is_default();
        if whole_site {
            jobs.extend([PageJob::NotFound, PageJob::Sitemap, PageJob::Robots]);
        }
        if site.config.feed {
            jobs.push(PageJob::Feed);
        }
        let mut all: Vec<Job> = jobs.into_iter().map(Job::Page).collect();
        all.extend(own_trees.map(|(t, _)| Job::TreeData(t)));
        if context::has_listing(site, Listing::Check) {
            all.push(Job::CheckRules);
        }
        if whole_site && site.config.deploy.headers {
            all.push(Job::HostHeaders);
        }
        if whole_site && site.config.deploy.redirects {
            all.push(Job::HostRedirects);
        }
        (bodies, all)
    }

    /// The file `job` makes, or `None` if `sink` kept an earlier build's.
    fn run(&self, job: &Job, sink: &dyn Sink) -> Result<Option<OutputFile>, Vec<Diagnostic>> {
        let file = match job {
            Job::Page(page) => return self.render_page(page, sink),
            Job::TreeData(t) => self.tree_data(*t),
            Job::CheckRules => self.check_rules(),
            Job::HostHeaders => OutputFile::new("_headers", host::headers(self.sites, self.assets)),
            Job::HostRedirects => OutputFile::new("_redirects", host::redirects(self.sites)),
        };
        Ok(Some(file))
    }

    /// The page `job` makes, or `None` if `sink` kept the one an earlier
    /// build made from the same context.
    fn render_page(
        &self,
        job: &PageJob,
        sink: &dyn Sink,
    ) -> Result<Option<OutputFile>, Vec<Diagnostic>> {
        let (path, template, vars) = self.context(job)?;
        let tera = &self.tera;
        if !tera.contains_template(template) {
            let origin = match job {
                PageJob::Page(i) | PageJob::SectionPage { section: i, .. } => {
                    self.site.pages[*i].file.clone()
                }
                _ => std::path::PathBuf::from("templates"),
            };
            return Err(vec![
                Diagnostic::new(
                    Code::TemplateMissing,
                    origin,
                    format!("the template `{template}` does not exist"),
                )
                .hint(format!(
                    "create templates/{template}, or use one of the theme's templates"
                )),
            ]);
        }
        let edition = &self.site.lang.folder();
        let digest = (self.memo.is_some() || self.keys.is_some())
            .then(|| vars.digest())
            .flatten();
        let memo = self.memo.zip(digest);
        if let Some((memo, digest)) = memo
            && let Some(bytes) = memo.get(edition, &path, template, digest)
        {
            let file = OutputFile::shared(path.clone(), std::sync::Arc::clone(&bytes));
            memo.put(edition, path, template, digest, bytes);
            return Ok(Some(file));
        }
        let key = (self.keys.as_ref().zip(digest)).map(|(k, d)| k.page(&path, template, &d));
        if key.is_some_and(|key| sink.keep_rendered(&path, &key)) {
            return Ok(None);
        }
        let context = vars.context().map_err(|why| {
            vec![
                Diagnostic::new(Code::Internal, &path, format!("internal error: {why}"))
                    .hint("this is a bug in casebook; please report it with the page's file"),
            ]
        })?;
        let html = tera
            .render(template, &context)
            .map_err(|e| vec![tera_diagnostic(&e, self.theme)])?;
        let mut file = OutputFile::new(path, html);
        file.key = key;
        if let Some((memo, digest)) = memo {
            let bytes = std::sync::Arc::clone(&file.bytes);
            memo.put(edition, file.path.clone(), template, digest, bytes);
        }
        Ok(Some(file))
    }
}

/// A Tera error's message without its report decoration.
pub fn tera_message(e: &tera::Error) -> String {
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            r.message().to_owned()
        }
        other => other.to_string(),
    }
}
