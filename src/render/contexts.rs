//! One Tera context per output page. Each job says which template renders
//! it and where its output goes; every HTML page also gets the breadcrumbs,
//! canonical URL, JSON-LD and edit link the base template needs.

use serde::Serialize;
use serde_json::{Value, json};
use tera::Context;

use super::{Assets, Job, Renderer};
use crate::artifact::OutputFile;
use crate::data::{CheckKind, Kind, Stance};
use crate::diagnostics::Diagnostic;
use crate::markdown::TocEntry;
use crate::site::{Page, Site, alias_path, humanize};
use crate::text::reading_minutes;
use crate::tree::Node;

/// What every template sees: the site's settings and the asset URLs.
pub(super) fn globals(site: &Site, assets: &Assets) -> Value {
    let c = &site.config;
    let menu: Vec<Value> = c
        .menu
        .iter()
        .map(|m| {
            let url = if let Some(path) = m.url.strip_prefix("@/") {
                site.by_path
                    .get(path)
                    .map(|&i| c.link(&site.pages[i].url))
                    .unwrap_or_else(|| c.link("/"))
            } else if m.url.starts_with('/') {
                c.link(&m.url)
            } else {
                m.url.clone()
            };
            json!({"name": m.name, "url": url})
        })
        .collect();
    json!({
        "site": {
            "title": c.title, "description": c.description, "language": c.language, "base_url": c.base_url,
            "base_path": c.base_path(), "author": c.author, "menu": menu, "extra": c.extra, "feed": c.feed,
            "search_url": c.search.then(|| c.link("/search/")), "feed_url": c.link("/atom.xml"),
            "trees": site.trees.iter().map(|t| json!({"id": t.id, "title": t.def.title, "url": c.link(&format!("/decide/{}/", t.id))})).collect::<Vec<_>>(),
            "checker": checker_globals(site),
        },
        "assets": assets.urls,
    })
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

/// The most guides the search page lists for readers without JavaScript;
/// a larger site's search page lists its sections instead.
pub const SEARCH_PAGE_GUIDES: usize = 500;

/// (output path, template name, context)
type Ctx<'a> = (String, &'a str, Context);

// The views of every page are structs, not `json!` values: Tera turns a
// struct into its own values in one pass, where a `json!` value is built,
// then copied, then freed, on each of thousands of pages.

/// A titled link (breadcrumbs, a page's section).
#[derive(Serialize)]
struct Link<'a> {
    title: &'a str,
    url: String,
}

/// A tag on a page.
#[derive(Serialize)]
struct TagLink<'a> {
    name: &'a str,
    url: String,
}

/// A page as listed elsewhere (sections, tags, previous and next).
#[derive(Serialize)]
pub(super) struct Summary<'a> {
    title: &'a str,
    url: String,
    description: String,
    date: Option<&'a str>,
    reading_minutes: usize,
    is_section: bool,
}

/// A section on the home page, with its first pages.
#[derive(Serialize)]
struct SectionSummary<'a> {
    #[serde(flatten)]
    summary: Summary<'a>,
    pages: Vec<Summary<'a>>,
    count: usize,
}

/// A guide, as `page` in its template.
#[derive(Serialize)]
struct PageView<'a> {
    title: &'a str,
    description: String,
    content: String,
    toc: &'a [TocEntry],
    date: Option<&'a str>,
    updated: Option<&'a str>,
    words: usize,
    reading_minutes: usize,
    tags: Vec<TagLink<'a>>,
    sources: Vec<&'a Value>,
    prev: Option<Summary<'a>>,
    next: Option<Summary<'a>>,
    extra: &'a serde_json::Map<String, Value>,
    path: &'a str,
    section: Option<Link<'a>>,
}

impl<'a> Renderer<'a> {
    pub(super) fn context(&self, job: &Job) -> Result<Ctx<'a>, Vec<Diagnostic>> {
        let site: &'a Site = self.site;
        Ok(match job {
            Job::Page(i) => self.page(&site.pages[*i])?,
            Job::SectionPage {
                section,
                number,
                total,
            } => self.section(&site.pages[*section], *number, *total)?,
            Job::Listing(name) => self.listing(name),
            Job::Tag {
                slug,
                number,
                total,
            } => self.tag(slug, *number, *total),
            Job::TreeStep { tree, step } => self.tree_step(*tree, *step),
            Job::TreeMap(tree) => self.tree_map(*tree),
            Job::TreeData(_) => unreachable!("tree data is JSON, written by Renderer::tree_data"),
            Job::CheckRules => {
                unreachable!("checker rules are JSON, written by Renderer::check_rules")
            }
            Job::Alias { page, alias } => {
                let target = self.site.config.link(&site.pages[*page].url);
                let mut ctx = self.base_ctx("Redirect", "", &site.pages[*page].url, vec![]);
                ctx.insert("target", &target);
                ctx.insert(
                    "permalink",
                    &self.site.config.absolute(&site.pages[*page].url),
                );
                let out = alias_path(alias).unwrap_or_default();
                let out = if out.ends_with('/') {
                    format!("{out}index.html")
                } else {
                    out
                };
                (out, "alias.html", ctx)
            }
            Job::NotFound => {
                let mut ctx = self.base_ctx("Page not found", "", "/404.html", vec![]);
                ctx.insert("noindex", &true);
                ("404.html".into(), "404.html", ctx)
            }
            Job::Feed => self.feed(),
            Job::Sitemap => self.sitemap(),
            Job::Robots => {
                let mut ctx = Context::new();
                ctx.insert("sitemap_url", &self.site.config.absolute("/sitemap.xml"));
                ("robots.txt".into(), "robots.txt", ctx)
            }
        })
    }

    /// The context every HTML page starts from.
    fn base_ctx(
        &self,
        title: &str,
        description: &str,
        path: &str,
        crumbs: Vec<(String, String)>,
    ) -> Context {
        self.base_ctx_with(title, description, path, crumbs, None)
    }

    /// `base_ctx`, with a second JSON-LD block after the breadcrumbs.
    fn base_ctx_with(
        &self,
        title: &str,
        description: &str,
        path: &str,
        crumbs: Vec<(String, String)>,
        more_ld: Option<&Value>,
    ) -> Context {
        let c = &self.site.config;
        let mut ctx = Context::new();
        ctx.insert("title", title);
        ctx.insert(
            "description",
            if description.is_empty() {
                c.description.as_str()
            } else {
                description
            },
        );
        ctx.insert("path", path);
        ctx.insert("url", &c.link(path));
        ctx.insert("permalink", &c.absolute(path));
        let items: Vec<Link> = std::iter::once(Link {
            title: "Home",
            url: c.link("/"),
        })
        .chain(crumbs.iter().map(|(t, p)| Link {
            title: t,
            url: c.link(p),
        }))
        .collect();
        ctx.insert("breadcrumbs", &items);
        let mut ld = vec![json_ld_escape(&breadcrumb_ld(c, crumbs))];
        ld.extend(more_ld.map(json_ld_escape));
        ctx.insert("json_ld", &ld);
        ctx
    }

    fn crumbs_for(&self, page: &Page) -> Vec<(String, String)> {
        let mut chain = Vec::new();
        let mut cur = Some(page);
        while let Some(p) = cur {
            if p.path != "_index.md" {
                chain.push((p.title().to_owned(), p.url.clone()));
            }
            cur = p.parent.map(|i| &self.site.pages[i]);
        }
        chain.reverse();
        chain
    }

    fn edit_url(&self, file: &str) -> Option<String> {
        self.site
            .config
            .edit_link
            .as_ref()
            .map(|l| l.replace("{path}", file))
    }

    pub(super) fn summary(&self, p: &'a Page) -> Summary<'a> {
        Summary {
            title: p.title(),
            url: self.site.config.link(&p.url),
            description: p.description(),
            date: p.fm.date.as_ref().map(|d| d.day()),
            reading_minutes: reading_minutes(p.rendered.words),
            is_section: p.is_section,
        }
    }

    fn page(&self, p: &'a Page) -> Result<Ctx<'a>, Vec<Diagnostic>> {
        let site: &'a Site = self.site;
        let c = &site.config;
        let content = self.page_content(p)?;
        let article = (p.path != "_index.md").then(|| {
            let mut article = json!({
                "@context": "https://schema.org", "@type": "Article", "headline": p.title(), "description": p.description(),
                "mainEntityOfPage": c.absolute(&p.url), "inLanguage": c.language,
            });
            if let Some(d) = &p.fm.date {
                article["datePublished"] = json!(d.rfc3339());
            }
            if let Some(d) = p.updated() {
                article["dateModified"] = json!(d.rfc3339());
            }
            if let Some(a) = &c.author {
                article["author"] = json!({"@type": "Organization", "name": a});
            }
            article
        });
        let mut ctx = self.base_ctx_with(
            p.title(),
            &p.description(),
            &p.url,
            self.crumbs_for(p),
            article.as_ref(),
        );
        let file = p.file.to_string_lossy().replace('\\', "/");
        ctx.insert("edit_url", &self.edit_url(&file));
        let page = PageView {
            title: p.title(),
            description: p.description(),
            content,
            toc: &p.rendered.toc,
            date: p.fm.date.as_ref().map(|d| d.day()),
            updated: p.updated().map(|d| d.day()),
            words: p.rendered.words,
            reading_minutes: reading_minutes(p.rendered.words),
            tags: p
                .fm
                .tags
                .iter()
                .map(|t| TagLink {
                    name: t,
                    url: c.link(&format!("/tags/{}/", crate::text::slugify(t))),
                })
                .collect(),
            sources: p
                .fm
                .sources
                .iter()
                .filter_map(|s| site.views.get(&(Kind::Sources, s.clone())))
                .collect(),
            prev: p.prev.map(|i| self.summary(&site.pages[i])),
            next: p.next.map(|i| self.summary(&site.pages[i])),
            extra: &p.fm.extra,
            path: &p.path,
            section: p.parent.map(|i| Link {
                title: site.pages[i].title(),
                url: c.link(&site.pages[i].url),
            }),
        };
        ctx.insert("page", &page);
        if p.path == "_index.md" {
            let sections: Vec<SectionSummary> = p
                .children
                .iter()
                .map(|&i| &site.pages[i])
                .filter(|s| s.is_section)
                .map(|s| SectionSummary {
                    summary: self.summary(s),
                    pages: s
                        .children
                        .iter()
                        .take(8)
                        .map(|&j| self.summary(&site.pages[j]))
                        .collect(),
                    count: s.children.len(),
                })
                .collect();
            ctx.insert("sections", &sections);
            let pages: Vec<Summary> = p
                .children
                .iter()
                .map(|&i| &site.pages[i])
                .filter(|s| !s.is_section)
                .take(12)
                .map(|s| self.summary(s))
                .collect();
            ctx.insert("pages", &pages);
            ctx.insert("is_home", &true);
            let ld = json!({"@context": "https://schema.org", "@type": "WebSite", "name": c.title, "url": c.base_url, "description": c.description});
            ctx.insert("json_ld", &vec![json_ld_escape(&ld)]);
            return Ok((
                "index.html".into(),
                p.fm.template.as_deref().unwrap_or("index.html"),
                ctx,
            ));
        }
        let out = format!("{}index.html", p.url.trim_start_matches('/'));
        Ok((out, p.fm.template.as_deref().unwrap_or("page.html"), ctx))
    }

    fn section(
        &self,
        s: &'a Page,
        number: usize,
        total: usize,
    ) -> Result<Ctx<'a>, Vec<Diagnostic>> {
        let site = self.site;
        let c = &site.config;
        let per = s.fm.paginate_by.unwrap_or(c.paginate_by).max(1);
        let content = if number == 1 {
            self.page_content(s)?
        } else {
            String::new()
        };
        let path = page_url(&s.url, number);
        let title = paged_title(s.title(), number, total);
        let mut ctx = self.base_ctx(&title, &s.description(), &path, self.crumbs_for(s));
        ctx.insert(
            "edit_url",
            &self.edit_url(&s.file.to_string_lossy().replace('\\', "/")),
        );
        let pages: Vec<Summary> = s
            .children
            .iter()
            .skip((number - 1) * per)
            .take(per)
            .map(|&i| self.summary(&site.pages[i]))
            .collect();
        ctx.insert("section", &json!({"title": s.title(), "description": s.description(), "content": content, "url": c.link(&s.url), "pages": pages, "count": s.children.len(), "extra": s.fm.extra}));
        ctx.insert("pagination", &pagination(c, &s.url, number, total));
        Ok((
            format!("{}index.html", path.trim_start_matches('/')),
            s.fm.template.as_deref().unwrap_or("section.html"),
            ctx,
        ))
    }

    fn views(&self, kind: Kind) -> Vec<&Value> {
        self.site
            .data
            .ids(kind)
            .into_iter()
            .filter_map(|id| self.site.views.get(&(kind, id.to_owned())))
            .collect()
    }

    fn listing(&self, name: &'static str) -> Ctx<'a> {
        let site = self.site;
        let c = &site.config;
        let (title, description) = match name {
            "cases" => (
                "Do and don't",
                "Real situations, what people get wrong, and what works instead.",
            ),
            "quotes" => (
                "What hiring managers say",
                "Hiring managers and recruiters on candidates who connect with them, grouped by stance.",
            ),
            "faq" => (
                "Questions and answers",
                "Short answers to the questions job seekers ask most.",
            ),
            "templates" => (
                "Message templates",
                "Messages to adapt and copy, each within its channel's limit.",
            ),
            "sources" => ("Sources", "The articles this knowledge base draws on."),
            "check" => (
                "Check a message",
                "Paste a LinkedIn note before you send it: see whether it is too long, too generic or asks for too much.",
            ),
            "tags" => ("Tags", "Every topic, with the pages and records about it."),
            _ => ("Search", "Search every guide, case, question and template."),
        };
        let path = format!("/{name}/");
        let mut ctx = self.base_ctx(
            title,
            description,
            &path,
            vec![(title.to_owned(), path.clone())],
        );
        // A record list kept in one data file links to it; records carry
        // their own links either way (#6).
        let kind = match name {
            "cases" => Some(Kind::Cases),
            "quotes" => Some(Kind::Quotes),
            "faq" => Some(Kind::Faqs),
            "templates" => Some(Kind::Templates),
            "sources" => Some(Kind::Sources),
            "check" => Some(Kind::Checks),
            _ => None,
        };
        if let Some(kind) = kind {
            let files: std::collections::BTreeSet<&str> = self
                .views(kind)
                .iter()
                .filter_map(|v| v["file"].as_str())
                .collect();
            if let (1, Some(file)) = (files.len(), files.first()) {
                ctx.insert("edit_url", &self.edit_url(file));
            }
        }
        match name {
            "cases" => ctx.insert(
                "topics",
                &grouped(self.views(Kind::Cases), "topic", "cases"),
            ),
            "quotes" => {
                let stances: Vec<Value> = [Stance::For, Stance::ItDepends, Stance::Against]
                    .into_iter()
                    .map(|s| {
                        let quotes: Vec<&Value> = site
                            .data
                            .quotes
                            .iter()
                            .filter(|q| q.rec.stance == s)
                            .filter_map(|q| site.views.get(&(Kind::Quotes, q.rec.id.clone())))
                            .collect();
                        json!({"stance": s, "label": s.label(), "quotes": quotes})
                    })
                    .filter(|v| v["quotes"].as_array().is_some_and(|a| !a.is_empty()))
                    .collect();
                ctx.insert("stances", &stances);
            }
            "faq" => ctx.insert("faqs", &self.views(Kind::Faqs)),
            "templates" => ctx.insert(
                "groups",
                &grouped(self.views(Kind::Templates), "context", "templates"),
            ),
            "sources" => ctx.insert("sources", &self.views(Kind::Sources)),
            "check" => ctx.insert("rules", &self.views(Kind::Checks)),
            "tags" => {
                let tags: Vec<Value> = site
                    .tags
                    .iter()
                    .map(|(slug, t)| json!({"name": t.name, "slug": slug, "url": c.link(&format!("/tags/{slug}/")), "count": t.pages.len() + t.records.len()}))
                    .collect();
                ctx.insert("tags", &tags);
            }
            _ => {
                let guides = site.pages.iter().filter(|p| p.path != "_index.md");
                // Up to a limit every guide is listed; past it, the sections
                // (whose own lists are paginated), so that this page does
                // not grow with every page of a large site.
                let mut groups = if guides.clone().count() <= SEARCH_PAGE_GUIDES {
                    let guides: Vec<Summary> = guides.map(|p| self.summary(p)).collect();
                    vec![json!({"kind": "guide", "label": "Guides", "items": guides})]
                } else {
                    let sections: Vec<Value> = site
                        .pages
                        .iter()
                        .filter(|p| p.is_section && p.path != "_index.md" && !p.children.is_empty())
                        .map(|s| {
                            let n = s.children.len();
                            let what = if n == 1 { "page" } else { "pages" };
                            json!({"title": format!("{} ({n} {what})", s.title()), "url": c.link(&s.url)})
                        })
                        .collect();
                    vec![
                        json!({"kind": "section", "label": "Guides, by section", "items": sections}),
                    ]
                };
                for (kind, label, field) in [
                    (Kind::Faqs, "Questions", "question"),
                    (Kind::Cases, "Do and don't", "title"),
                    (Kind::Templates, "Templates", "title"),
                    (Kind::Quotes, "Quotes", "speaker"),
                ] {
                    let items: Vec<Value> = self
                        .views(kind)
                        .iter()
                        .map(|v| json!({"title": v[field], "url": v["url"]}))
                        .collect();
                    if !items.is_empty() {
                        groups
                            .push(json!({"kind": kind.singular(), "label": label, "items": items}));
                    }
                }
                ctx.insert("groups", &groups);
                ctx.insert("noindex", &true);
            }
        }
        (format!("{name}/index.html"), leak_template(name), ctx)
    }

    fn tag(&self, slug: &str, number: usize, total: usize) -> Ctx<'a> {
        let site = self.site;
        let c = &site.config;
        let t = &site.tags[slug];
        let first = format!("/tags/{slug}/");
        let path = page_url(&first, number);
        let title = paged_title(&format!("Tagged “{}”", t.name), number, total);
        let mut ctx = self.base_ctx(
            &title,
            &format!("Pages and records tagged {}.", t.name),
            &path,
            vec![
                ("Tags".into(), "/tags/".into()),
                (t.name.clone(), first.clone()),
            ],
        );
        let per = c.paginate_by.max(1);
        let pages: Vec<Summary> = t
            .pages
            .iter()
            .skip((number - 1) * per)
            .take(per)
            .map(|&i| self.summary(&site.pages[i]))
            .collect();
        let records: Vec<Value> = if number == 1 {
            t.records
                .iter()
                .filter_map(|(k, id)| site.views.get(&(*k, id.clone())))
                .map(|v| json!({"kind": v["kind"], "title": v.get("title").or(v.get("question")), "url": v["url"]}))
                .collect()
        } else {
            Vec::new()
        };
        ctx.insert(
            "tag",
            &json!({"name": t.name, "slug": slug, "pages": pages, "records": records}),
        );
        ctx.insert("pagination", &pagination(c, &first, number, total));
        (
            format!("{}index.html", path.trim_start_matches('/')),
            "tag.html",
            ctx,
        )
    }

    /// The first question of a tree, for the `tree` shortcode.
    pub(super) fn tree_start(&self, t: usize) -> Value {
        let tree = &self.site.trees[t];
        let c = &self.site.config;
        let base = format!("/decide/{}/", tree.id);
        let view = &self.site.tree_views[&tree.id];
        let question = tree.question(&tree.def.start).map(|q| {
            let options: Vec<Value> = q
                .options
                .iter()
                .map(|o| json!({"label": o.label, "url": c.link(&format!("{base}{}/", o.slug()))}))
                .collect();
            json!({"id": q.id, "text": q.text, "options": options})
        });
        json!({"id": tree.id, "title": tree.def.title, "url": c.link(&base), "intro": view["intro"], "question": question,
               "map_url": c.link(&format!("{base}map/"))})
    }

    fn tree_step(&self, t: usize, s: usize) -> Ctx<'a> {
        let tree = &self.site.trees[t];
        let c = &self.site.config;
        let steps = tree.steps();
        let step = &steps[s];
        let view = &self.site.tree_views[&tree.id];
        let base = format!("/decide/{}/", tree.id);
        let path = format!("{base}{}", step.rel_url);
        // Answers so far, each with a link back to the step that asked it.
        let segments: Vec<&str> = step.rel_url.split('/').filter(|x| !x.is_empty()).collect();
        let answers: Vec<Value> = step
            .answers
            .iter()
            .enumerate()
            .filter_map(|(k, (qid, opt))| {
                let q = tree.question(qid)?;
                let change = format!("{base}{}", segments[..k].iter().map(|s| format!("{s}/")).collect::<String>());
                Some(json!({"question": q.text, "answer": q.options[*opt].label, "change_url": c.link(&change)}))
            })
            .collect();
        let node = match tree.node(&step.node) {
            Some(Node::Question(q)) => {
                let options: Vec<Value> = q
                    .options
                    .iter()
                    .map(|o| json!({"label": o.label, "url": c.link(&format!("{path}{}/", o.slug()))}))
                    .collect();
                json!({"kind": "question", "id": q.id, "text": q.text, "help": view["help"].get(&q.id), "options": options})
            }
            Some(Node::Outcome(o)) => json!({
                "kind": "outcome", "id": o.id, "verdict": o.verdict, "verdict_label": o.verdict.label(), "title": o.title,
                "body": view["bodies"][&o.id], "links": view["links"][&o.id],
            }),
            None => json!({}),
        };
        let heading = node
            .get("text")
            .or(node.get("title"))
            .and_then(Value::as_str)
            .unwrap_or(&tree.def.title)
            .to_owned();
        let title = if s == 0 {
            tree.def.title.clone()
        } else {
            format!("{heading} – {}", tree.def.title)
        };
        let mut ctx = self.base_ctx(
            &title,
            &format!("{} Answer one question at a time.", tree.def.title),
            &path,
            vec![(tree.def.title.clone(), base.clone())],
        );
        ctx.insert("tree", &json!({"id": tree.id, "title": tree.def.title, "url": c.link(&base), "intro": view["intro"], "map_url": c.link(&format!("{base}map/")), "data_url": c.link(&format!("{base}tree.json"))}));
        ctx.insert(
            "edit_url",
            &self.edit_url(&tree.file.to_string_lossy().replace('\\', "/")),
        );
        let back_url = answers.last().map(|a| a["change_url"].clone());
        ctx.insert("step", &json!({"is_start": s == 0, "node": node, "answers": answers, "path": step.rel_url, "back_url": back_url}));
        if s != 0 {
            ctx.insert("noindex", &true);
        }
        (
            format!("{}index.html", path.trim_start_matches('/')),
            "decide.html",
            ctx,
        )
    }

    /// `decide/<id>/tree.json`: everything tree.js needs to step in place,
    /// kept compact because a reader on a slow phone downloads it.
    ///
    /// - `steps`: each step page's URL (with the site's base path, exactly
    ///   as the static pages) → the id of the node it shows;
    /// - `nodes`: a question is `{"q": text, "h": help HTML, "o": [[label,
    ///   slug], ...]}`, where an option's next step URL is the current step
    ///   URL + slug + `/`; an outcome is `{"v": verdict, "vl": verdict label,
    ///   "t": title, "b": body HTML, "l": [[kind, title, url], ...]}`;
    /// - `title`, `site` (site title), `url` (the start), `map`, `intro` (HTML).
    ///
    /// Texts are inserted by the script as text. The HTML fields (`intro`,
    /// `h`, `b`) come from our own Markdown renderer, which always escapes raw
    /// HTML in data fields (`markdown::render_field`), so the script may set
    /// them with innerHTML.
    pub(super) fn tree_data(&self, t: usize) -> OutputFile {
        let tree = &self.site.trees[t];
        let c = &self.site.config;
        let view = &self.site.tree_views[&tree.id];
        let base = format!("/decide/{}/", tree.id);
        let steps: serde_json::Map<String, Value> = tree
            .steps()
            .iter()
            .map(|s| (c.link(&format!("{base}{}", s.rel_url)), json!(s.node)))
            .collect();
        let mut nodes = serde_json::Map::new();
        for q in &tree.def.questions {
            let mut v = json!({"q": q.text, "o": q.options.iter().map(|o| json!([o.label, o.slug()])).collect::<Vec<_>>()});
            if let Some(h) = view["help"].get(&q.id) {
                v["h"] = h.clone();
            }
            nodes.insert(q.id.clone(), v);
        }
        for o in &tree.def.outcomes {
            let links: Vec<Value> = view["links"][&o.id]
                .as_array()
                .into_iter()
                .flatten()
                .map(|l| json!([l["kind"], l["title"], l["url"]]))
                .collect();
            nodes.insert(
                o.id.clone(),
                json!({"v": o.verdict, "vl": o.verdict.label(), "t": o.title, "b": view["bodies"][&o.id], "l": links}),
            );
        }
        let data = json!({
            "title": tree.def.title, "site": c.title, "url": c.link(&base), "map": c.link(&format!("{base}map/")),
            "intro": view["intro"], "steps": steps, "nodes": nodes,
        });
        OutputFile::new(format!("decide/{}/tree.json", tree.id), data.to_string())
    }

    fn tree_map(&self, t: usize) -> Ctx<'a> {
        let tree = &self.site.trees[t];
        let c = &self.site.config;
        let base = format!("/decide/{}/", tree.id);
        let path = format!("{base}map/");
        let mut ctx = self.base_ctx(
            &format!("Map of “{}”", tree.def.title),
            &format!("Every question and outcome of {}.", tree.def.title),
            &path,
            vec![
                (tree.def.title.clone(), base.clone()),
                ("Map".into(), path.clone()),
            ],
        );
        ctx.insert(
            "edit_url",
            &self.edit_url(&tree.file.to_string_lossy().replace('\\', "/")),
        );
        // A nested outline; a node reached twice is linked, not repeated.
        fn outline(
            tree: &crate::tree::Tree,
            id: &str,
            url: &str,
            c: &crate::config::SiteConfig,
            seen: &mut Vec<String>,
        ) -> Value {
            let first = !seen.contains(&id.to_owned());
            seen.push(id.to_owned());
            match tree.node(id) {
                Some(Node::Question(q)) => {
                    let options: Vec<Value> = if first {
                        q.options
                            .iter()
                            .map(|o| {
                                let next_url = format!("{url}{}/", o.slug());
                                json!({"label": o.label, "child": outline(tree, &o.next, &next_url, c, seen)})
                            })
                            .collect()
                    } else {
                        Vec::new()
                    };
                    json!({"kind": "question", "id": q.id, "text": q.text, "url": c.link(url), "options": options, "repeat": !first})
                }
                Some(Node::Outcome(o)) => {
                    json!({"kind": "outcome", "id": o.id, "text": o.title, "verdict": o.verdict, "verdict_label": o.verdict.label(), "url": c.link(url)})
                }
                None => json!({}),
            }
        }
        let mut seen = Vec::new();
        let root = outline(tree, &tree.def.start, &base, c, &mut seen);
        let svg = crate::tree_svg::render(tree);
        ctx.insert("tree", &json!({"id": tree.id, "title": tree.def.title, "url": c.link(&base), "outline": root, "svg": svg}));
        (
            format!("{}index.html", path.trim_start_matches('/')),
            "decide_map.html",
            ctx,
        )
    }

    fn feed(&self) -> Ctx<'a> {
        let site = self.site;
        let c = &site.config;
        let mut dated: Vec<&Page> = site
            .pages
            .iter()
            .filter(|p| p.fm.date.is_some() && !p.is_section)
            .collect();
        dated.sort_by(|a, b| {
            (b.fm.updated.as_ref().or(b.fm.date.as_ref()), &b.path)
                .cmp(&(a.fm.updated.as_ref().or(a.fm.date.as_ref()), &a.path))
        });
        dated.truncate(50);
        let entries: Vec<Value> = dated
            .iter()
            .map(|p| {
                let updated = p.fm.updated.as_ref().or(p.fm.date.as_ref()).map(|d| d.rfc3339());
                json!({"title": p.title(), "url": c.absolute(&p.url), "summary": p.description(), "updated": updated,
                       "published": p.fm.date.as_ref().map(|d| d.rfc3339())})
            })
            .collect();
        let updated = entries
            .first()
            .and_then(|e| e["updated"].as_str())
            .unwrap_or("1970-01-01T00:00:00Z")
            .to_owned();
        let mut ctx = Context::new();
        ctx.insert("entries", &entries);
        ctx.insert("updated", &updated);
        ctx.insert("feed_url", &c.absolute("/atom.xml"));
        ("atom.xml".into(), "atom.xml", ctx)
    }

    fn sitemap(&self) -> Ctx<'a> {
        let site = self.site;
        let c = &site.config;
        let mut urls: Vec<Value> = site
            .pages
            .iter()
            .map(|p| json!({"loc": c.absolute(&p.url), "lastmod": p.updated().map(|d| d.day())}))
            .collect();
        for name in ["cases", "quotes", "faq", "templates", "sources", "tags"] {
            urls.push(json!({"loc": c.absolute(&format!("/{name}/")), "lastmod": null}));
        }
        if !site.data.checks.is_empty() {
            urls.push(json!({"loc": c.absolute("/check/"), "lastmod": null}));
        }
        urls.extend(
            site.tags
                .keys()
                .map(|t| json!({"loc": c.absolute(&format!("/tags/{t}/")), "lastmod": null})),
        );
        for t in &site.trees {
            urls.push(json!({"loc": c.absolute(&format!("/decide/{}/", t.id)), "lastmod": null}));
            urls.push(
                json!({"loc": c.absolute(&format!("/decide/{}/map/", t.id)), "lastmod": null}),
            );
        }
        let mut ctx = Context::new();
        ctx.insert("urls", &urls);
        ("sitemap.xml".into(), "sitemap.xml", ctx)
    }
}

/// `site.checker` for templates: where the checker and its rules are, and
/// the character limit its counter shows (#7); null without rules.
fn checker_globals(site: &Site) -> Value {
    if site.data.checks.is_empty() {
        return Value::Null;
    }
    let c = &site.config;
    json!({"url": c.link("/check/"), "rules_url": c.link("/check/rules.json"), "limit": checker_limit(site)})
}

/// The `max` of the first `length` rule, else a connection note's 300.
fn checker_limit(site: &Site) -> usize {
    site.data
        .checks
        .iter()
        .find_map(|r| r.rec.max.filter(|_| r.rec.kind == CheckKind::Length))
        .unwrap_or(300)
}

impl Renderer<'_> {
    /// `check/rules.json`, what checker.js runs: `limit` for the counter and
    /// `rules`, each with `id`, `title`, `kind` (pattern | missing | length),
    /// `pattern` (a RegExp source, used with the `iu` flags), `min`/`max`
    /// where the kind has them, `message`, and `case` (`title`, `url`).
    /// The script inserts every text as text, never as markup.
    pub(super) fn check_rules(&self) -> OutputFile {
        let rules: Vec<Value> = self
            .views(Kind::Checks)
            .into_iter()
            .map(|v| {
                let mut r = json!({"id": v["id"], "title": v["title"], "kind": v["rule"], "message": v["message"],
                    "case": {"title": v["case"]["title"], "url": v["case"]["url"]}});
                for key in ["pattern", "min", "max"] {
                    if !v[key].is_null() {
                        r[key] = v[key].clone();
                    }
                }
                r
            })
            .collect();
        let data = json!({"limit": checker_limit(self.site), "rules": rules});
        OutputFile::new("check/rules.json", data.to_string())
    }
}

/// Record views grouped by one of their fields, groups in order of first
/// appearance: `[{slug, title, <items>: [...]}]`.
fn grouped(views: Vec<&Value>, field: &str, items: &str) -> Vec<Value> {
    let mut groups: Vec<(String, Vec<&Value>)> = Vec::new();
    for v in views {
        let key = v[field].as_str().unwrap_or("").to_owned();
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(v),
            None => groups.push((key, vec![v])),
        }
    }
    groups
        .into_iter()
        .map(|(k, list)| json!({"slug": crate::text::slugify(&k), "title": humanize(&k), items: list}))
        .collect()
}

/// Where page `number` of `total` of a paginated list sits among the others.
fn pagination(c: &crate::config::SiteConfig, first: &str, number: usize, total: usize) -> Value {
    json!({
        "current": number, "total": total,
        "prev": (number > 1).then(|| c.link(&page_url(first, number - 1))),
        "next": (number < total).then(|| c.link(&page_url(first, number + 1))),
    })
}

/// The path of page `n` of a paginated list whose first page is `first`.
fn page_url(first: &str, n: usize) -> String {
    if n == 1 {
        first.to_owned()
    } else {
        format!("{first}page/{n}/")
    }
}

/// A paginated list's title on page `number` of `total`.
fn paged_title(title: &str, number: usize, total: usize) -> String {
    if number == 1 {
        title.to_owned()
    } else {
        format!("{title} (page {number} of {total})")
    }
}

/// schema.org BreadcrumbList for Home > crumbs.
fn breadcrumb_ld(c: &crate::config::SiteConfig, crumbs: Vec<(String, String)>) -> Value {
    let list: Vec<Value> = std::iter::once(("Home".to_owned(), "/".to_owned()))
        .chain(crumbs)
        .enumerate()
        .map(|(n, (t, p))| json!({"@type": "ListItem", "position": n + 1, "name": t, "item": c.absolute(&p)}))
        .collect();
    json!({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": list})
}

/// Listing template names (`cases` → `cases.html`) as static strings.
fn leak_template(name: &str) -> &'static str {
    match name {
        "cases" => "cases.html",
        "quotes" => "quotes.html",
        "faq" => "faq.html",
        "templates" => "templates.html",
        "sources" => "sources.html",
        "tags" => "tags.html",
        "check" => "check.html",
        _ => "search.html",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
