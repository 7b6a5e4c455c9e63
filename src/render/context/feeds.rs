//! The files around the pages: the Atom feed, the sitemap, robots.txt,
//! 404.html, alias redirects, and the checker's `rules.json`.

use crate::render::vars::Vars;
use serde::Serialize;

use super::translations::{Alternate, alternates, find_all};
use super::{Ctx, Same, checker_limit, has_listing, has_own_items};
use crate::artifact::OutputFile;
use crate::data::CheckKind;
use crate::render::Renderer;
use crate::site::urls::{tag_url, tree_url};
use crate::site::{Listing, Page, Site, alias_path};

#[derive(Serialize)]
struct FeedEntry<'a> {
    title: &'a str,
    url: String,
    summary: String,
    updated: Option<String>,
    published: Option<String>,
}

#[derive(Serialize)]
struct SitemapUrl<'a> {
    loc: String,
    lastmod: Option<&'a str>,
    alternates: Vec<Alternate<'a>>,
}

/// `rules.json`. Fields are in the order the file has them (alphabetical);
/// see [`Renderer::check_rules`].
#[derive(Serialize)]
struct CheckRules<'a> {
    limit: usize,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
struct Rule<'a> {
    case: RuleCase<'a>,
    id: &'a str,
    kind: CheckKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<usize>,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pattern: Option<&'a str>,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    unless: Option<&'a str>,
}

#[derive(Serialize)]
struct RuleCase<'a> {
    title: Option<&'a str>,
    url: Option<&'a str>,
}

impl<'a> Renderer<'a> {
    pub(super) fn feed(&self) -> Ctx<'a> {
        let site = self.site;
        let c = &site.config;
        // This language's own pages: a feed is in one language.
        let mut dated: Vec<&Page> = site
            .own_pages()
            .map(|(_, p)| p)
            .filter(|p| p.fm.date.is_some() && !p.is_section)
            .collect();
        dated.sort_by(|a, b| {
            (b.fm.updated.as_ref().or(b.fm.date.as_ref()), &b.path)
                .cmp(&(a.fm.updated.as_ref().or(a.fm.date.as_ref()), &a.path))
        });
        dated.truncate(50);
        let entries: Vec<FeedEntry> = dated
            .iter()
            .map(|p| FeedEntry {
                title: p.title(),
                url: c.absolute(&p.url),
                summary: p.description(),
                updated: p
                    .fm
                    .updated
                    .as_ref()
                    .or(p.fm.date.as_ref())
                    .map(|d| d.rfc3339()),
                published: p.fm.date.as_ref().map(|d| d.rfc3339()),
            })
            .collect();
        let updated = entries
            .first()
            .and_then(|e| e.updated.clone())
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned());
        let mut ctx = Vars::new();
        ctx.insert("entries", entries);
        ctx.insert("updated", updated);
        ctx.insert("feed_url", c.absolute("/atom.xml"));
        ("atom.xml".into(), "atom.xml", ctx)
    }

    /// `sitemap.xml`, one for the whole site: every page of every
    /// language, each with its translations (`xhtml:link` alternates).
    pub(super) fn sitemap(&self) -> Ctx<'a> {
        let sites: &'a [Site] = self.sites;
        let mut urls: Vec<SitemapUrl> = Vec::new();
        for site in sites {
            let c = &site.config;
            let entry = |path: &str, lastmod: Option<&'a str>, key: Same| SitemapUrl {
                loc: c.absolute(path),
                lastmod,
                alternates: alternates(sites, &find_all(sites, &key)),
            };
            for (_, p) in site.own_pages() {
                urls.push(entry(
                    &p.url,
                    p.updated().map(|d| d.day()),
                    Same::Page(&p.path),
                ));
            }
            for listing in Listing::ALL {
                if listing.in_sitemap() && has_listing(site, listing) {
                    urls.push(entry(&listing.path(), None, Same::Listing(listing)));
                }
            }
            for (slug, t) in &site.tags {
                if has_own_items(site, t) {
                    urls.push(entry(&tag_url(slug), None, Same::Nothing));
                }
            }
            for t in site.trees.iter().filter(|t| !t.fallback) {
                let base = tree_url(&t.id);
                urls.push(entry(&base, None, Same::TreeStep(&t.id, 0)));
                urls.push(entry(&format!("{base}map/"), None, Same::TreeMap(&t.id)));
            }
        }
        let mut ctx = Vars::new();
        ctx.insert("urls", urls);
        ctx.insert("multilingual", sites.len() > 1);
        ("sitemap.xml".into(), "sitemap.xml", ctx)
    }

    pub(super) fn robots(&self) -> Ctx<'a> {
        let mut ctx = Vars::new();
        ctx.insert("sitemap_url", self.site.config.absolute("/sitemap.xml"));
        ("robots.txt".into(), "robots.txt", ctx)
    }

    pub(super) fn not_found(&self) -> Ctx<'a> {
        let mut ctx = self.base_ctx(
            self.word("notfound_title"),
            "",
            "/404.html",
            vec![],
            &Same::Nothing,
        );
        ctx.insert("noindex", true);
        ("404.html".into(), "404.html", ctx)
    }

    /// A redirect from `alias` to page `p`.
    pub(super) fn alias(&self, p: &Page, alias: &str) -> Ctx<'a> {
        let c = &self.site.config;
        let mut ctx = self.base_ctx("Redirect", "", &p.url, vec![], &Same::Nothing);
        ctx.insert("target", c.link(&p.url));
        ctx.insert("permalink", c.absolute(&p.url));
        let out = alias_path(alias).unwrap_or_default();
        let out = if out.ends_with('/') {
            format!("{out}index.html")
        } else {
            out
        };
        (out, "alias.html", ctx)
    }

    /// `check/rules.json`, what checker.js runs: `limit` for the counter and
    /// `rules`, each with `id`, `title`, `kind` (pattern | missing | length),
    /// `pattern` (a RegExp source, used with the `iu` flags), `unless` (a
    /// second one that excuses a pattern rule's match), `min`/`max`
    /// where the kind has them, `message`, and `case` (`title`, `url`).
    /// The script inserts every text as text, never as markup.
    pub(in crate::render) fn check_rules(&self) -> OutputFile {
        let rules = self
            .site
            .views
            .checks
            .iter()
            .map(|v| Rule {
                case: RuleCase {
                    title: v.case.title.as_deref(),
                    url: v.case.url.as_deref(),
                },
                id: &v.base.id,
                kind: v.rule,
                max: v.max,
                message: &v.message,
                min: v.min,
                pattern: v.pattern.as_deref(),
                title: &v.title,
                unless: v.unless.as_deref(),
            })
            .collect();
        let data = CheckRules {
            limit: checker_limit(self.site),
            rules,
        };
        let json = serde_json::to_string(&data).unwrap_or_default();
        OutputFile::new("check/rules.json", json)
    }
}
