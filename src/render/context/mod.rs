//! One Tera context per output page. Each job says which template renders
//! it and where its output goes; every HTML page also gets the breadcrumbs,
//! canonical URL, JSON-LD and edit link the base template needs.
//!
//! Views are typed structs (`Serialize`), never `json!` values: a renamed
//! field is a compile error, and Tera turns a struct into its own values in
//! one pass, where a `json!` value is built, then copied, then freed, on
//! each of thousands of pages. JSON-LD stays `json!`: it is schema.org's
//! vocabulary, written once per page, not a view templates read.

mod crumbs;
mod feeds;
mod listing;
mod page;
mod translations;
mod tree;

use std::collections::BTreeMap;

use crate::render::vars::Vars;
use serde::Serialize;
use serde_json::Value;

pub(in crate::render) use crumbs::Crumb;
pub use listing::SEARCH_PAGE_GUIDES;
use translations::Same;
pub(super) use tree::TreeStart;

use super::{PageJob, Renderer};
use crate::config::SiteConfig;
use crate::data::CheckKind;
use crate::diagnostics::Diagnostic;
use crate::site::{Listing, Page, Site, urls};
use crate::text::reading_minutes;

/// (output path, template name, context)
type Ctx<'a> = (String, &'a str, Vars<'a>);

/// A titled link (breadcrumbs, a page's section, the search page's lists).
#[derive(Serialize)]
struct Link<'a> {
    title: &'a str,
    url: String,
}

/// A page as listed elsewhere (sections, tags, previous and next).
#[derive(Serialize)]
struct PageSummary<'a> {
    title: &'a str,
    url: String,
    /// The language of a page not translated yet (it links there).
    lang: Option<&'a str>,
    description: String,
    date: Option<&'a str>,
    reading_minutes: usize,
    is_section: bool,
}

/// Where page `current` of `total` of a paginated list sits among the others.
#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
}

impl Pagination {
    fn new(c: &SiteConfig, first: &str, current: usize, total: usize) -> Self {
        Pagination {
            current,
            total,
            prev: (current > 1).then(|| c.link(&urls::page_url(first, current - 1))),
            next: (current < total).then(|| c.link(&urls::page_url(first, current + 1))),
        }
    }
}

/// `site` in every template: the edition's settings and what every page
/// links to, in its language where it exists, else in the default
/// language (with that language's code, for `hreflang`).
#[derive(Serialize)]
pub(super) struct SiteGlobals<'a> {
    title: &'a str,
    description: &'a str,
    /// The edition's language code (`lang`).
    language: &'a str,
    /// `ltr` or `rtl` (`dir`).
    dir: &'static str,
    base_url: &'a str,
    base_path: &'a str,
    author: Option<&'a str>,
    menu: Vec<SiteLink<'a>>,
    extra: &'a serde_json::Map<String, Value>,
    feed: bool,
    search_url: Option<String>,
    /// The search index's manifest for this language.
    search_manifest: Option<String>,
    feed_url: String,
    trees: Vec<TreeLink<'a>>,
    checker: Option<Checker>,
    /// The list pages, by slug (`site.links.cases`): none for a list the
    /// site does not have.
    links: BTreeMap<&'static str, SiteLink<'a>>,
    /// Every language of the site, for the `<link rel=alternate>` of pages
    /// that have no translation table of their own.
    languages: Vec<LanguageLink<'a>>,
    /// The Content-Security-Policy for the theme's `<meta>` tag.
    csp: &'static str,
}

/// A link that may lead to another language's page.
#[derive(Serialize)]
pub(super) struct SiteLink<'a> {
    name: &'a str,
    url: String,
    /// The language of the page it leads to, when it is not the edition's.
    lang: Option<&'a str>,
}

/// A language of the site: its own name, code and home page.
#[derive(Serialize)]
pub(super) struct LanguageLink<'a> {
    code: &'a str,
    name: &'a str,
    dir: &'static str,
    home: String,
    current: bool,
}

#[derive(Serialize)]
struct TreeLink<'a> {
    id: &'a str,
    title: &'a str,
    url: String,
    /// The default language's code, for a tree not translated yet.
    lang: Option<&'a str>,
}

/// Where the message checker and its rules are, and the character limit
/// its counter shows (#7).
#[derive(Serialize)]
struct Checker {
    url: String,
    rules_url: String,
    limit: usize,
}

impl<'a> SiteGlobals<'a> {
    pub(super) fn new(sites: &'a [Site], e: usize) -> Self {
        let site = &sites[e];
        let c = &site.config;
        let menu = c
            .menu
            .iter()
            .map(|m| {
                let (url, lang) = if let Some(path) = m.url.strip_prefix("@/") {
                    site.by_path.get(path).map_or((c.link("/"), None), |&i| {
                        let p = &site.pages[i];
                        (
                            site.page_link(p),
                            p.fallback.then_some(site.lang.default_code.as_str()),
                        )
                    })
                } else if m.url.starts_with('/') {
                    site_path_link(sites, e, &m.url)
                } else {
                    (m.url.clone(), None)
                };
                SiteLink {
                    name: &m.name,
                    url,
                    lang,
                }
            })
            .collect();
        SiteGlobals {
            title: &c.title,
            description: &c.description,
            language: &site.lang.code,
            dir: site.lang.dir.as_str(),
            base_url: &c.base_url,
            base_path: c.base_path(),
            author: c.author.as_deref(),
            menu,
            extra: &c.extra,
            feed: c.feed,
            search_url: c.search.then(|| c.link(&Listing::Search.path())),
            search_manifest: c.search.then(|| c.link("/search/manifest.json")),
            feed_url: c.link("/atom.xml"),
            trees: site
                .trees
                .iter()
                .map(|t| TreeLink {
                    id: &t.id,
                    title: &t.def.title,
                    url: tree_link(site, t),
                    lang: t.fallback.then_some(site.lang.default_code.as_str()),
                })
                .collect(),
            checker: has_listing(site, Listing::Check).then(|| Checker {
                url: c.link(&Listing::Check.path()),
                rules_url: c.link("/check/rules.json"),
                limit: checker_limit(site),
            }),
            links: list_links(sites, e),
            languages: sites
                .iter()
                .enumerate()
                .map(|(i, s)| LanguageLink {
                    code: &s.lang.code,
                    name: &s.lang.name,
                    dir: s.lang.dir.as_str(),
                    home: home_link(s),
                    current: i == e,
                })
                .collect(),
            csp: super::CSP,
        }
    }
}

/// A language's home page; the default language's when it has none.
pub(super) fn home_link(site: &Site) -> String {
    match site.home.map(|h| &site.pages[h]) {
        Some(home) => site.page_link(home),
        None => site.lang.root_path.clone(),
    }
}

/// A tree's first step: in this language, or the default language's.
pub(super) fn tree_link(site: &Site, t: &crate::tree::Tree) -> String {
    if t.fallback {
        format!(
            "{}{}",
            site.lang.root_path,
            urls::tree_url(&t.id).trim_start_matches('/')
        )
    } else {
        site.config.link(&urls::tree_url(&t.id))
    }
}

/// The list pages of edition `e`: its own, else the default language's.
fn list_links(sites: &[Site], e: usize) -> BTreeMap<&'static str, SiteLink<'_>> {
    let site = &sites[e];
    Listing::ALL
        .into_iter()
        .filter_map(|l| {
            let (url, lang) = if has_listing(site, l) {
                (site.config.link(&l.path()), None)
            } else if has_listing(&sites[0], l) {
                (
                    sites[0].config.link(&l.path()),
                    Some(sites[0].lang.code.as_str()),
                )
            } else {
                return None;
            };
            let name = site
                .lang
                .strings
                .get_owned_key(&format!("list_{}_title", l.slug()));
            Some((
                l.slug(),
                SiteLink {
                    name: name.unwrap_or(l.heading().0),
                    url,
                    lang,
                },
            ))
        })
        .collect()
}

/// A site path written in site.toml (a menu link), for edition `e`: its
/// own page when it has one, else the default language's.
fn site_path_link<'a>(sites: &'a [Site], e: usize, path: &str) -> (String, Option<&'a str>) {
    let site = &sites[e];
    let root = || {
        (
            sites[0].config.link(path),
            Some(sites[0].lang.code.as_str()),
        )
    };
    if site.lang.is_default() {
        return (site.config.link(path), None);
    }
    if let Some(l) = Listing::ALL
        .into_iter()
        .find(|l| path.starts_with(&l.path()))
    {
        return if has_listing(site, l) {
            (site.config.link(path), None)
        } else {
            root()
        };
    }
    if let Some(id) = path
        .strip_prefix("/decide/")
        .and_then(|r| r.split('/').next())
    {
        return match site.trees.iter().find(|t| t.id == id) {
            Some(t) if !t.fallback => (site.config.link(path), None),
            _ => root(),
        };
    }
    (site.config.link(path), None)
}

/// Whether the site has this listing page: search only when enabled, the
/// checker only with rules.
///
/// In a translation, a list of records exists when the language has
/// translated at least one of them (the rest show in the default language);
/// with none translated, links go to the default language's list instead of
/// a copy of it.
pub(super) fn has_listing(site: &Site, listing: Listing) -> bool {
    let own = |kind| {
        site.views
            .of_kind(kind)
            .into_iter()
            .any(|v| !v.base().fallback)
    };
    match listing {
        Listing::Search => site.config.search,
        Listing::Tags => {
            site.lang.is_default() || site.tags.values().any(|t| has_own_items(site, t))
        }
        Listing::Cases
        | Listing::Quotes
        | Listing::Faq
        | Listing::Templates
        | Listing::Sources
        | Listing::Check => {
            listing.kind().is_some_and(own) || (site.lang.is_default() && listing != Listing::Check)
        }
    }
}

/// Whether a tag has a page or record of this edition's own (not only
/// the default language's stand-ins): only then does it get a page here.
pub(super) fn has_own_items(site: &Site, tag: &crate::site::TagInfo) -> bool {
    site.lang.is_default()
        || tag.pages.iter().any(|&i| !site.pages[i].fallback)
        || tag
            .records
            .iter()
            .any(|(k, id)| site.data.is_fallback(*k, id) == Some(false))
}

/// The `max` of the first `length` rule, else a connection note's 300.
fn checker_limit(site: &Site) -> usize {
    site.data
        .checks
        .iter()
        .find_map(|r| r.rec.max.filter(|_| r.rec.kind == CheckKind::Length))
        .unwrap_or(300)
}

/// Makes JSON safe inside `<script type="application/ld+json">`.
pub fn json_ld_escape(v: &Value) -> String {
    let json = v.to_string();
    if !json.contains(['<', '>', '&']) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for ch in json.chars() {
        match ch {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            _ => out.push(ch),
        }
    }
    out
}

impl<'a> Renderer<'a> {
    pub(super) fn context(&self, job: &PageJob) -> Result<Ctx<'a>, Vec<Diagnostic>> {
        let site: &'a Site = self.site;
        Ok(match job {
            PageJob::Page(i) => self.page(&site.pages[*i])?,
            PageJob::SectionPage {
                section,
                number,
                total,
            } => self.section(&site.pages[*section], *number, *total)?,
            PageJob::Listing(listing) => self.listing(*listing),
            PageJob::Tag {
                slug,
                number,
                total,
            } => self.tag(slug, *number, *total)?,
            PageJob::TreeStep { tree, step } => self.tree_step(*tree, *step),
            PageJob::TreeMap(tree) => self.tree_map(*tree),
            PageJob::Alias { page, alias } => self.alias(&site.pages[*page], alias),
            PageJob::NotFound => self.not_found(),
            PageJob::Feed => self.feed(),
            PageJob::Sitemap => self.sitemap(),
            PageJob::Robots => self.robots(),
        })
    }

    /// The context every HTML page starts from.
    fn base_ctx(
        &self,
        title: &str,
        description: &str,
        path: &str,
        crumbs: Vec<Crumb>,
        key: &Same,
    ) -> Vars<'a> {
        self.base_ctx_with(title, description, path, crumbs, key, None)
    }

    /// `base_ctx`, with a second JSON-LD block after the breadcrumbs.
    fn base_ctx_with(
        &self,
        title: &str,
        description: &str,
        path: &str,
        crumbs: Vec<Crumb>,
        key: &Same,
        more_ld: Option<&Value>,
    ) -> Vars<'a> {
        let c = &self.site.config;
        let mut ctx = Vars::new();
        ctx.insert("title", title.to_owned());
        ctx.insert(
            "description",
            if description.is_empty() {
                c.description.as_str()
            } else {
                description
            }
            .to_owned(),
        );
        ctx.insert("path", path.to_owned());
        ctx.insert("url", c.link(path));
        ctx.insert("permalink", c.absolute(path));
        let crumbs = self.with_home(crumbs);
        ctx.insert("breadcrumbs", self.crumb_links(&crumbs));
        let translations = self.translations(key);
        ctx.insert("alternates", translations.alternates);
        ctx.insert("languages", translations.switcher);
        let mut ld = vec![json_ld_escape(&self.breadcrumb_ld(&crumbs))];
        ld.extend(more_ld.map(json_ld_escape));
        ctx.insert("json_ld", ld);
        ctx
    }

    /// A site path of this edition, or of the default language's for
    /// something not translated yet.
    fn link_path(&self, path: &str, fallback: bool) -> String {
        if fallback {
            format!(
                "{}{}",
                self.site.lang.root_path,
                path.trim_start_matches('/')
            )
        } else {
            self.site.config.link(path)
        }
    }

    /// The absolute URL of [`Renderer::link_path`]'s link.
    fn absolute_path(&self, path: &str, fallback: bool) -> String {
        if fallback {
            format!(
                "{}{}",
                self.site.lang.root_url,
                path.trim_start_matches('/')
            )
        } else {
            self.site.config.absolute(path)
        }
    }

    /// The theme's word for `key` in this edition's language.
    fn word(&self, key: &'a str) -> &'a str {
        let site: &'a Site = self.site;
        site.lang.strings.get(key)
    }

    /// A theme string with a count and placeholders (see
    /// [`crate::i18n::Strings::format`]).
    fn words(&self, key: &str, n: Option<u64>, args: &[(&str, &str)]) -> String {
        self.site.lang.strings.format(key, n, args)
    }

    /// A list page's title and description in this language.
    fn heading(&self, l: Listing) -> (&'a str, &'a str) {
        let site: &'a Site = self.site;
        let s = &site.lang.strings;
        let key = |part: &str| format!("list_{}_{part}", l.slug());
        let title = s.get_owned_key(&key("title"));
        let description = s.get_owned_key(&key("description"));
        (
            title.unwrap_or(l.heading().0),
            description.unwrap_or(l.heading().1),
        )
    }

    /// A paginated list's title on page `number` of `total`.
    fn paged_title(&self, title: &str, number: usize, total: usize) -> String {
        if number == 1 {
            return title.to_owned();
        }
        let (n, t) = (number.to_string(), total.to_string());
        self.words(
            "pagination_title",
            None,
            &[("title", title), ("current", &n), ("total", &t)],
        )
    }

    /// The "Edit this page" link of a source file (relative to the root).
    fn edit_url(&self, file: &std::path::Path) -> Option<String> {
        let file = file.to_string_lossy().replace('\\', "/");
        self.site
            .config
            .edit_link
            .as_ref()
            .map(|l| l.replace("{path}", &file))
    }

    fn summary(&self, p: &'a Page) -> PageSummary<'a> {
        PageSummary {
            title: p.title(),
            url: self.site.page_link(p),
            lang: p.fallback.then_some(self.site.lang.default_code.as_str()),
            description: p.description(),
            date: p.fm.date.as_ref().map(|d| d.day()),
            reading_minutes: reading_minutes(p.rendered.words),
            is_section: p.is_section,
        }
    }
}

/// The output file of an HTML page at site path `path`.
fn index_file(path: &str) -> String {
    format!("{}index.html", path.trim_start_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_ld_cannot_close_its_script_element() {
        let v = json!({"name": "</script><script>alert(1)</script> & <!--"});
        let out = json_ld_escape(&v);
        assert!(!out.contains('<') && !out.contains('>') && !out.contains('&'));
        // Still the same JSON once parsed.
        assert_eq!(serde_json::from_str::<Value>(&out).unwrap(), v);
        // Text without those characters passes through unchanged.
        let plain = json!({"name": "Plain"});
        assert_eq!(json_ld_escape(&plain), plain.to_string());
    }
}
