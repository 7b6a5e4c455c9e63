//! Tera rendering: the template environment (embedded theme < theme folder <
//! site templates), one context per output page, shortcodes expanded into
//! page bodies. Produces the list of output files in memory; nothing here
//! touches the disk.

mod contexts;
pub use contexts::SEARCH_PAGE_GUIDES;
mod templates;

use std::collections::BTreeMap;
use std::sync::Mutex;

use rayon::prelude::*;
use serde_json::{Value, json};
use tera::{Context, Tera};

pub use contexts::json_ld_escape;
pub use templates::{Theme, load_templates, tera_diagnostic};

use crate::artifact::{OutputFile, Sink};
use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::markdown::{SHORTCODE_PREFIX, Shortcode};
use crate::site::{Page, Site};

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

/// Puts the site settings and asset URLs into every template's context.
pub fn set_globals(theme: &mut Theme, site: &Site, assets: &Assets) {
    let globals = contexts::globals(site, assets);
    let ctx = theme.tera.global_context();
    ctx.insert("site", &globals["site"]);
    ctx.insert("assets", &globals["assets"]);
}

/// Each page's HTML and source text, taken out of the site model for the
/// render: the one job that shows a page's body takes them and frees them
/// once the page is written, so the model shrinks as the pages go out.
pub struct Bodies(Vec<Mutex<Option<Body>>>);

struct Body {
    html: String,
    /// The whole file, for the line and caret of a shortcode's error.
    text: String,
}

impl Bodies {
    pub fn take(site: &mut Site) -> Bodies {
        Bodies(
            site.pages
                .iter_mut()
                .map(|p| {
                    Mutex::new(Some(Body {
                        html: std::mem::take(&mut p.rendered.html),
                        text: std::mem::take(&mut p.text),
                    }))
                })
                .collect(),
        )
    }
}

/// Renders every page of the site. `bodies` are the pages' HTML and text
/// ([`Bodies::take`]).
pub fn render_site(site: &Site, theme: &Theme, bodies: Bodies, sink: &dyn Sink) -> Vec<Diagnostic> {
    let r = Renderer {
        site,
        tera: &theme.tera,
        theme,
        bodies,
    };
    let jobs = r.jobs();
    jobs.par_iter()
        .filter_map(|job| match r.run(job) {
            Ok(file) => sink.put(file).err().map(|d| vec![d]),
            Err(p) => Some(p),
        })
        .flatten()
        .collect()
}

/// One output page to render.
pub(crate) enum Job {
    Page(usize),
    SectionPage {
        section: usize,
        number: usize,
        total: usize,
    },
    Listing(&'static str),
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
    /// `decide/<id>/tree.json`, what the stepping script needs.
    TreeData(usize),
    /// `check/rules.json`, the message checker's rules (#7).
    CheckRules,
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
    pub site: &'a Site,
    pub tera: &'a Tera,
    pub theme: &'a Theme,
    bodies: Bodies,
}

impl Renderer<'_> {
    fn jobs(&self) -> Vec<Job> {
        let site = self.site;
        let mut jobs = Vec::new();
        for (i, p) in site.pages.iter().enumerate() {
            if p.is_section && p.path != "_index.md" {
                let per = p.fm.paginate_by.unwrap_or(site.config.paginate_by).max(1);
                let total = p.children.len().div_ceil(per).max(1);
                for number in 1..=total {
                    jobs.push(Job::SectionPage {
                        section: i,
                        number,
                        total,
                    });
                }
            } else {
                jobs.push(Job::Page(i));
            }
            // Unsafe aliases are reported by the model and never written.
            for alias in
                p.fm.aliases
                    .iter()
                    .filter(|a| crate::site::alias_path(a).is_some())
            {
                jobs.push(Job::Alias {
                    page: i,
                    alias: alias.clone(),
                });
            }
        }
        for name in [
            "cases",
            "quotes",
            "faq",
            "templates",
            "sources",
            "tags",
            "search",
        ] {
            if name != "search" || site.config.search {
                jobs.push(Job::Listing(name));
            }
        }
        if !site.data.checks.is_empty() {
            jobs.extend([Job::Listing("check"), Job::CheckRules]);
        }
        // A tag's guides paginate like a section's (its records all show on
        // the first page).
        let per = site.config.paginate_by.max(1);
        for (slug, t) in &site.tags {
            let total = t.pages.len().div_ceil(per).max(1);
            jobs.extend((1..=total).map(|number| Job::Tag {
                slug: slug.clone(),
                number,
                total,
            }));
        }
        for (t, tree) in site.trees.iter().enumerate() {
            jobs.extend((0..tree.steps().len()).map(|step| Job::TreeStep { tree: t, step }));
            jobs.push(Job::TreeMap(t));
            jobs.push(Job::TreeData(t));
        }
        jobs.extend([Job::NotFound, Job::Sitemap, Job::Robots]);
        if site.config.feed {
            jobs.push(Job::Feed);
        }
        jobs
    }

    fn run(&self, job: &Job) -> Result<OutputFile, Vec<Diagnostic>> {
        if let Job::TreeData(t) = job {
            return Ok(self.tree_data(*t)); // JSON, not a template
        }
        if let Job::CheckRules = job {
            return Ok(self.check_rules());
        }
        let (path, template, ctx) = self.context(job)?;
        if !self.tera.contains_template(template) {
            let origin = match job {
                Job::Page(i) | Job::SectionPage { section: i, .. } => {
                    self.site.pages[*i].file.clone()
                }
                _ => std::path::PathBuf::from("templates"),
            };
            return Err(vec![
                Diagnostic::new(origin, format!("the template `{template}` does not exist")).hint(
                    format!("create templates/{template}, or use one of the theme's templates"),
                ),
            ]);
        }
        let html = self
            .tera
            .render(template, &ctx)
            .map_err(|e| vec![tera_diagnostic(&e, self.theme)])?;
        Ok(OutputFile::new(path, html))
    }

    /// Renders a page's Markdown body with its shortcodes expanded.
    pub(crate) fn page_content(&self, page: &Page) -> Result<String, Vec<Diagnostic>> {
        // Each page's body is shown by exactly one job (a section's by its
        // first page), which takes it.
        let body = self
            .site
            .by_path
            .get(&page.path)
            .and_then(|&i| self.bodies.0[i].lock().ok()?.take())
            .ok_or_else(|| {
                vec![Diagnostic::new(
                    &page.file,
                    "internal error: the page's body was rendered twice",
                )]
            })?;
        if page.rendered.shortcodes.is_empty() {
            // No markers to replace (only those of extracted shortcodes get
            // through the Markdown pass): the HTML is the content as it is.
            return Ok(body.html);
        }
        let mut problems = Vec::new();
        let rendered: Vec<String> = page
            .rendered
            .shortcodes
            .iter()
            .map(|sc| {
                self.shortcode(sc).unwrap_or_else(|(msg, hint)| {
                    problems.push(
                        Diagnostic::new(&page.file, msg)
                            .at_in(sc.pos, &body.text)
                            .maybe_hint(hint),
                    );
                    String::new()
                })
            })
            .collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        // One pass over the HTML, however many shortcodes the page has.
        let html = &body.html;
        let mut out =
            String::with_capacity(html.len() + rendered.iter().map(String::len).sum::<usize>());
        let mut rest = html.as_str();
        while let Some(start) = rest.find(SHORTCODE_PREFIX) {
            let after = &rest[start + SHORTCODE_PREFIX.len()..];
            let Some(end) = after.find("-->") else { break };
            out.push_str(&rest[..start]);
            match after[..end]
                .parse::<usize>()
                .ok()
                .and_then(|n| rendered.get(n))
            {
                Some(sc) => out.push_str(sc),
                None => out.push_str(&rest[start..start + SHORTCODE_PREFIX.len() + end + 3]),
            }
            rest = &after[end + 3..];
        }
        out.push_str(rest);
        Ok(out)
    }

    fn shortcode(&self, sc: &Shortcode) -> Result<String, (String, Option<String>)> {
        let template = format!("shortcodes/{}.html", sc.name);
        if !self.tera.contains_template(&template) {
            let known: Vec<String> = self
                .tera
                .get_template_names()
                .filter_map(|n| {
                    n.strip_prefix("shortcodes/")
                        .and_then(|n| n.strip_suffix(".html"))
                        .map(str::to_owned)
                })
                .collect();
            let hint = did_you_mean(&sc.name, known.iter().map(String::as_str))
                .unwrap_or_else(|| format!("the shortcodes are: {}", known.join(", ")));
            return Err((format!("unknown shortcode `{}`", sc.name), Some(hint)));
        }
        if sc.name == "checker" && self.site.data.checks.is_empty() {
            return Err((
                "the message checker has no rules".into(),
                Some("add rules to content/data/checks.yaml (see docs/writing-content.md)".into()),
            ));
        }
        let mut ctx = Context::new();
        let mut args = serde_json::Map::new();
        for (k, v) in &sc.args {
            let v = match v {
                crate::markdown::ArgValue::Str(s) => json!(s),
                crate::markdown::ArgValue::Int(i) => json!(i),
                crate::markdown::ArgValue::Bool(b) => json!(b),
            };
            args.insert(k.clone(), v);
        }
        let record = self.shortcode_record(sc)?;
        if record == Some(Value::Null) {
            return Ok(String::new()); // a broken tree, reported where it is defined
        }
        if let Some(record) = record {
            ctx.insert("record", &record);
        }
        ctx.insert("args", &args);
        self.tera.render(&template, &ctx).map_err(|e| {
            (
                format!(
                    "shortcode `{}` failed to render: {}",
                    sc.name,
                    tera_message(&e)
                ),
                None,
            )
        })
    }

    /// The record a built-in data shortcode embeds, checked by id.
    fn shortcode_record(&self, sc: &Shortcode) -> Result<Option<Value>, (String, Option<String>)> {
        use crate::data::Kind;
        let kind = match sc.name.as_str() {
            "tree" => None,
            name => match Kind::from_singular(name) {
                Some(k) => Some(k),
                None => return Ok(None),
            },
        };
        let id = sc.args.get("id").and_then(|v| v.as_str()).ok_or_else(|| {
            (
                format!("shortcode `{}` needs an `id`", sc.name),
                Some(format!("write {{{{ {}(id=\"...\") }}}}", sc.name)),
            )
        })?;
        match kind {
            Some(k) => self
                .site
                .views
                .get(&(k, id.to_owned()))
                .cloned()
                .map(Some)
                .ok_or_else(|| {
                    (
                        format!("there is no {} with the id `{id}`", k.singular()),
                        did_you_mean(id, self.site.data.ids(k)).or(Some(format!(
                            "the {} are in content/data/{}.yaml",
                            k.name(),
                            k.name()
                        ))),
                    )
                }),
            None if self.site.broken_trees.iter().any(|b| b == id) => Ok(Some(Value::Null)),
            None => {
                let ids: Vec<&str> = self.site.trees.iter().map(|t| t.id.as_str()).collect();
                let tree = self
                    .site
                    .trees
                    .iter()
                    .position(|t| t.id == id)
                    .ok_or_else(|| {
                        (
                            format!("there is no decision tree `{id}`"),
                            did_you_mean(id, ids)
                                .or(Some("trees live in content/decisions/ID.yaml".into())),
                        )
                    })?;
                Ok(Some(self.tree_start(tree)))
            }
        }
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
