//! The list pages casebook writes itself ([`Listing`]) and tag pages.

use std::borrow::Cow;
use std::collections::BTreeSet;

use serde::Serialize;

use super::{Crumb, Ctx, PageSummary, Pagination, Same, index_file};
use crate::data::{Kind, Stance};
use crate::diagnostics::{Code, Diagnostic};
use crate::render::Renderer;
use crate::site::views::{CaseView, QuoteView, TemplateView};
use crate::site::{Listing, RecordView, Site, urls};
use crate::text::slugify;

/// The most guides the search page lists for readers without JavaScript;
/// a larger site's search page lists its sections instead.
pub const SEARCH_PAGE_GUIDES: usize = 500;

/// Cases under one topic.
#[derive(Serialize)]
struct Topic<'a> {
    slug: String,
    title: String,
    cases: Vec<&'a CaseView>,
}

/// Templates for one situation.
#[derive(Serialize)]
struct Situation<'a> {
    slug: String,
    title: String,
    templates: Vec<&'a TemplateView>,
}

/// Quotes of one stance.
#[derive(Serialize)]
struct StanceGroup<'a> {
    stance: Stance,
    label: &'a str,
    quotes: Vec<&'a QuoteView>,
}

/// A tag in the list of tags.
#[derive(Serialize)]
struct TagSummary<'a> {
    name: &'a str,
    slug: &'a str,
    url: String,
    count: usize,
    /// The default language's code, for a tag that has no page in this
    /// language (only stand-ins carry it): it links to that language's.
    lang: Option<&'a str>,
}

/// One kind of thing on the search page, for readers without JavaScript.
#[derive(Serialize)]
struct SearchGroup<'a> {
    kind: &'static str,
    label: &'a str,
    items: Vec<SearchItem<'a>>,
}

/// A link on the search page.
#[derive(Serialize)]
struct SearchItem<'a> {
    title: Cow<'a, str>,
    url: String,
    /// The default language's code, for what is not translated yet.
    lang: Option<&'a str>,
}

/// A record listed on a tag page.
#[derive(Serialize)]
struct TaggedRecord<'a> {
    kind: &'static str,
    title: &'a str,
    url: &'a str,
    /// The default language's code, for a record not translated yet.
    lang: Option<&'a str>,
}

/// A tag's page of its list, as `tag` in its template.
#[derive(Serialize)]
struct TagView<'a> {
    name: &'a str,
    slug: &'a str,
    pages: Vec<PageSummary<'a>>,
    records: Vec<TaggedRecord<'a>>,
}

/// Groups `items` by `key`, groups in order of first appearance.
fn grouped<'a, T>(
    items: impl Iterator<Item = &'a T>,
    key: impl Fn(&T) -> &str,
) -> Vec<(String, Vec<&'a T>)> {
    let mut groups: Vec<(String, Vec<&T>)> = Vec::new();
    for item in items {
        let k = key(item);
        match groups.iter_mut().find(|(g, _)| g == k) {
            Some((_, list)) => list.push(item),
            None => groups.push((k.to_owned(), vec![item])),
        }
    }
    groups
}

impl<'a> Renderer<'a> {
    pub(super) fn listing(&self, listing: Listing) -> Ctx<'a> {
        let site: &'a Site = self.site;
        let (title, description) = self.heading(listing);
        let path = listing.path();
        let mut ctx = self.base_ctx(
            title,
            description,
            &path,
            vec![Crumb::here(title, path.clone())],
            &Same::Listing(listing),
        );
        // A record list kept in one data file links to it; records carry
        // their own links either way (#6).
        if let Some(kind) = listing.kind() {
            let files: BTreeSet<&str> = site
                .views
                .of_kind(kind)
                .into_iter()
                .map(|v| v.base().file.as_str())
                .collect();
            if let (1, Some(file)) = (files.len(), files.first()) {
                ctx.insert("edit_url", self.edit_url(std::path::Path::new(file)));
            }
        }
        let views = &site.views;
        match listing {
            Listing::Cases => {
                let topics: Vec<Topic> = grouped(views.cases.iter(), |c| &c.topic)
                    .into_iter()
                    .map(|(k, cases)| Topic {
                        slug: slugify(&k),
                        title: site.config.label(&k),
                        cases,
                    })
                    .collect();
                ctx.insert("topics", topics);
            }
            Listing::Quotes => ctx.insert("stances", self.stances()),
            Listing::Faq => ctx.insert("faqs", views.faqs.iter().collect::<Vec<_>>()),
            Listing::Templates => {
                let groups: Vec<Situation> = grouped(views.templates.iter(), |t| &t.context)
                    .into_iter()
                    .map(|(k, templates)| Situation {
                        slug: slugify(&k),
                        title: site.config.label(&k),
                        templates,
                    })
                    .collect();
                ctx.insert("groups", groups);
            }
            Listing::Sources => ctx.insert("sources", views.sources.iter().collect::<Vec<_>>()),
            Listing::Check => ctx.insert("rules", views.checks.iter().collect::<Vec<_>>()),
            Listing::Tags => {
                let tags: Vec<TagSummary> = site
                    .tags
                    .iter()
                    .map(|(slug, t)| {
                        let own = super::has_own_items(site, t);
                        TagSummary {
                            name: &t.name,
                            slug,
                            url: self.link_path(&urls::tag_url(slug), !own),
                            count: t.pages.len() + t.records.len(),
                            lang: (!own).then_some(site.lang.default_code.as_str()),
                        }
                    })
                    .collect();
                ctx.insert("tags", tags);
            }
            Listing::Search => {
                ctx.insert("groups", self.search_groups());
                ctx.insert("noindex", true);
            }
        }
        (index_file(&path), listing.template(), ctx)
    }

    fn stances(&self) -> Vec<StanceGroup<'a>> {
        let quotes = &self.site.views.quotes;
        [Stance::For, Stance::ItDepends, Stance::Against]
            .into_iter()
            .map(|stance| StanceGroup {
                stance,
                label: self.word(stance.key()),
                quotes: quotes.iter().filter(|q| q.stance == stance).collect(),
            })
            .filter(|g| !g.quotes.is_empty())
            .collect()
    }

    /// Everything on the site by kind: up to a limit every guide, past it
    /// the sections (whose own lists are paginated), so that this page does
    /// not grow with every page of a large site.
    fn search_groups(&self) -> Vec<SearchGroup<'a>> {
        let site: &'a Site = self.site;
        let c = &site.config;
        let item = |title: Cow<'a, str>, url: &str| SearchItem {
            title,
            url: c.link(url),
            lang: None,
        };
        let guides = site.pages.iter().filter(|p| p.path != "_index.md");
        let mut groups = vec![if guides.clone().count() <= SEARCH_PAGE_GUIDES {
            let items = guides
                .map(|p| SearchItem {
                    title: p.title().into(),
                    url: site.page_link(p),
                    lang: p.fallback.then_some(site.lang.default_code.as_str()),
                })
                .collect();
            SearchGroup {
                kind: "guide",
                label: self.word("search_group_guides"),
                items,
            }
        } else {
            let items = site
                .pages
                .iter()
                .filter(|p| p.is_section && p.path != "_index.md" && !p.children.is_empty())
                .map(|s| {
                    let n = s.children.len();
                    let title = self.words(
                        "search_section_pages",
                        Some(n as u64),
                        &[("title", s.title())],
                    );
                    item(title.into(), &s.url)
                })
                .collect();
            SearchGroup {
                kind: "section",
                label: self.word("search_group_sections"),
                items,
            }
        }];
        for (kind, label) in [
            (Kind::Faqs, self.word("search_group_faqs")),
            (Kind::Cases, self.word("search_group_cases")),
            (Kind::Templates, self.word("search_group_templates")),
            (Kind::Quotes, self.word("search_group_quotes")),
        ] {
            let items: Vec<SearchItem> = site
                .views
                .of_kind(kind)
                .into_iter()
                .map(|v| SearchItem {
                    title: v.title().into(),
                    url: v.base().url.clone(),
                    lang: v.base().lang.as_deref(),
                })
                .collect();
            if !items.is_empty() {
                groups.push(SearchGroup {
                    kind: kind.singular(),
                    label,
                    items,
                });
            }
        }
        groups
    }

    pub(super) fn tag(
        &self,
        slug: &str,
        number: usize,
        total: usize,
    ) -> Result<Ctx<'a>, Vec<Diagnostic>> {
        let site: &'a Site = self.site;
        let c = &site.config;
        let Some((slug, t)) = site.tags.get_key_value(slug) else {
            return Err(vec![Diagnostic::new(
                Code::Internal,
                "content",
                format!("internal error: no tag `{slug}`"),
            )]);
        };
        let first = urls::tag_url(slug);
        let path = urls::page_url(&first, number);
        let title = self.paged_title(
            &self.words("tag_title", None, &[("tag", &t.name)]),
            number,
            total,
        );
        let mut ctx = self.base_ctx(
            &title,
            &self.words("tag_description", None, &[("tag", &t.name)]),
            &path,
            vec![
                Crumb::here(self.heading(Listing::Tags).0, Listing::Tags.path()),
                Crumb::here(t.name.clone(), first.clone()),
            ],
            &Same::Nothing,
        );
        let per = c.paginate_by.max(1);
        let pages = t
            .pages
            .iter()
            .skip((number - 1) * per)
            .take(per)
            .map(|&i| self.summary(&site.pages[i]))
            .collect();
        let records = if number == 1 {
            t.records
                .iter()
                .filter_map(|(k, id)| site.views.get(*k, id))
                .map(|v: RecordView<'a>| TaggedRecord {
                    kind: v.base().kind,
                    title: v.title(),
                    url: &v.base().url,
                    lang: v.base().lang.as_deref(),
                })
                .collect()
        } else {
            Vec::new()
        };
        ctx.insert(
            "tag",
            TagView {
                name: &t.name,
                slug,
                pages,
                records,
            },
        );
        ctx.insert("pagination", Pagination::new(c, &first, number, total));
        Ok((index_file(&path), "tag.html", ctx))
    }
}
