//! Guides, the home page and sections.

use std::sync::Arc;

use serde::Serialize;
use serde_json::{Value, json};

use super::{Ctx, Link, PageSummary, Pagination, Same, index_file, json_ld_escape};
use crate::diagnostics::Diagnostic;
use crate::markdown::TocEntry;
use crate::render::Renderer;
use crate::render::vars::Vars;
use crate::site::views::SourceView;
use crate::site::{Page, Site, urls};
use crate::text::{reading_minutes, slugify};

/// A tag on a page.
#[derive(Serialize)]
struct TagLink<'a> {
    name: &'a str,
    url: String,
}

/// A guide, as `page` in its template.
#[derive(Serialize)]
struct PageView<'a> {
    title: &'a str,
    description: String,
    content: Arc<String>,
    toc: &'a [TocEntry],
    date: Option<&'a str>,
    updated: Option<&'a str>,
    /// `updated` as the page's language writes a date ("4 December 2026").
    updated_text: Option<String>,
    words: usize,
    reading_minutes: usize,
    tags: Vec<TagLink<'a>>,
    sources: Vec<&'a SourceView>,
    prev: Option<PageSummary<'a>>,
    next: Option<PageSummary<'a>>,
    extra: &'a serde_json::Map<String, Value>,
    path: &'a str,
    section: Option<Link<'a>>,
    section_nav: Option<SectionNav<'a>>,
}

/// The pages around a guide in its section, for the navigation beside it
/// on wide screens. A window, not the whole section: a section of 10,000
/// guides puts at most [`NAV_WINDOW`] links on each page, so the output
/// stays linear in the number of pages (mdBook's full sidebar made a
/// 10,000-page book 627 MB).
#[derive(Serialize)]
struct SectionNav<'a> {
    title: &'a str,
    url: String,
    /// Pages and subsections in the section, all of them.
    count: usize,
    items: Vec<NavItem<'a>>,
    /// Entries of the section before and after the window.
    before: usize,
    after: usize,
}

#[derive(Serialize)]
struct NavItem<'a> {
    title: &'a str,
    url: String,
    current: bool,
    is_section: bool,
    /// The default language's code, for a page not translated yet.
    lang: Option<&'a str>,
}

/// The most entries a guide's section navigation lists.
pub const NAV_WINDOW: usize = 15;

/// A section on the home page, with its first pages.
#[derive(Serialize)]
struct SectionSummary<'a> {
    #[serde(flatten)]
    summary: PageSummary<'a>,
    pages: Vec<PageSummary<'a>>,
    count: usize,
}

/// A section's page of its list, as `section` in its template.
#[derive(Serialize)]
struct SectionView<'a> {
    title: &'a str,
    description: String,
    content: Arc<String>,
    url: String,
    pages: Vec<PageSummary<'a>>,
    count: usize,
    extra: &'a serde_json::Map<String, Value>,
}

impl<'a> Renderer<'a> {
    pub(super) fn page(&self, p: &'a Page) -> Result<Ctx<'a>, Vec<Diagnostic>> {
        let article = (p.path != "_index.md").then(|| self.article_ld(p));
        let mut ctx = self.base_ctx_with(
            p.title(),
            &p.description(),
            &p.url,
            self.crumbs_for(p),
            &Same::Page(&p.path),
            article.as_ref(),
        );
        ctx.insert("edit_url", self.edit_url(&p.file));
        ctx.insert("page", self.page_view(p)?);
        if p.path == "_index.md" {
            self.home(p, &mut ctx);
            return Ok((
                "index.html".into(),
                p.fm.template.as_deref().unwrap_or("index.html"),
                ctx,
            ));
        }
        Ok((
            index_file(&p.url),
            p.fm.template.as_deref().unwrap_or("page.html"),
            ctx,
        ))
    }

    fn page_view(&self, p: &'a Page) -> Result<PageView<'a>, Vec<Diagnostic>> {
        let site: &'a Site = self.site;
        let c = &site.config;
        Ok(PageView {
            title: p.title(),
            description: p.description(),
            content: self.page_content(p)?,
            toc: &p.rendered.toc,
            date: p.fm.date.as_ref().map(|d| d.day()),
            updated: p.updated().map(|d| d.day()),
            updated_text: p.updated().map(|d| site.lang.strings.date(d)),
            words: p.rendered.words,
            reading_minutes: reading_minutes(p.rendered.words),
            tags: p
                .fm
                .tags
                .iter()
                .map(|t| TagLink {
                    name: t,
                    url: c.link(&urls::tag_url(&slugify(t))),
                })
                .collect(),
            sources: p
                .fm
                .sources
                .iter()
                .filter_map(|s| site.views.sources.get(s))
                .collect(),
            prev: p.prev.map(|i| self.summary(&site.pages[i])),
            next: p.next.map(|i| self.summary(&site.pages[i])),
            extra: &p.fm.extra,
            path: &p.path,
            section: p.parent.map(|i| Link {
                title: site.pages[i].title(),
                url: site.page_link(&site.pages[i]),
            }),
            section_nav: self.section_nav(p),
        })
    }

    /// The window of `p`'s section around `p`: [`NAV_WINDOW`] entries,
    /// `p` as near the middle as the section's ends allow.
    fn section_nav(&self, p: &'a Page) -> Option<SectionNav<'a>> {
        let site: &'a Site = self.site;
        let section = &site.pages[p.parent?];
        if section.path == "_index.md" {
            return None; // the home page's children are the site's menu
        }
        let children = &section.children;
        let at = p.position;
        let start = at
            .saturating_sub(NAV_WINDOW / 2)
            .min(children.len().saturating_sub(NAV_WINDOW));
        let end = (start + NAV_WINDOW).min(children.len());
        Some(SectionNav {
            title: section.title(),
            url: site.page_link(section),
            count: children.len(),
            items: children[start..end]
                .iter()
                .map(|&i| NavItem {
                    title: site.pages[i].title(),
                    url: site.page_link(&site.pages[i]),
                    current: site.pages[i].path == p.path,
                    is_section: site.pages[i].is_section,
                    lang: site.pages[i]
                        .fallback
                        .then_some(site.lang.default_code.as_str()),
                })
                .collect(),
            before: start,
            after: children.len() - end,
        })
    }

    /// schema.org Article for a guide.
    fn article_ld(&self, p: &Page) -> Value {
        let c = &self.site.config;
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
    }

    /// The home page's sections, each with its first pages, and its own
    /// first pages.
    fn home(&self, p: &'a Page, ctx: &mut Vars<'a>) {
        let site: &'a Site = self.site;
        let c = &site.config;
        let children = p.children.iter().map(|&i| &site.pages[i]);
        let sections: Vec<SectionSummary> = children
            .clone()
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
        ctx.insert("sections", sections);
        let pages: Vec<PageSummary> = children
            .filter(|s| !s.is_section)
            .take(12)
            .map(|s| self.summary(s))
            .collect();
        ctx.insert("pages", pages);
        ctx.insert("is_home", true);
        let ld = json!({"@context": "https://schema.org", "@type": "WebSite", "name": c.title, "url": c.base_url, "description": c.description});
        ctx.insert("json_ld", vec![json_ld_escape(&ld)]);
    }

    pub(super) fn section(
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
            Arc::default()
        };
        let path = urls::page_url(&s.url, number);
        let title = self.paged_title(s.title(), number, total);
        let key = if number == 1 {
            Same::Page(&s.path)
        } else {
            Same::Nothing
        };
        let mut ctx = self.base_ctx(&title, &s.description(), &path, self.crumbs_for(s), &key);
        ctx.insert("edit_url", self.edit_url(&s.file));
        let pages: Vec<PageSummary> = s
            .children
            .iter()
            .skip((number - 1) * per)
            .take(per)
            .map(|&i| self.summary(&site.pages[i]))
            .collect();
        let view = SectionView {
            title: s.title(),
            description: s.description(),
            content,
            url: c.link(&s.url),
            pages,
            count: s.children.len(),
            extra: &s.fm.extra,
        };
        ctx.insert("section", view);
        ctx.insert("pagination", Pagination::new(c, &s.url, number, total));
        Ok((
            index_file(&path),
            s.fm.template.as_deref().unwrap_or("section.html"),
            ctx,
        ))
    }
}
