//! Breadcrumbs: the chain from the home page to the page, as links for the
//! theme and as a schema.org BreadcrumbList.

use serde::Serialize;
use serde_json::{Value, json};

use super::super::Renderer;
use crate::site::Page;

/// A step of the breadcrumbs: a title and a site path, of this edition or
/// (for a page not translated yet) of the default language.
pub(in crate::render) struct Crumb {
    pub title: String,
    pub path: String,
    pub fallback: bool,
}

impl Crumb {
    pub fn here(title: impl Into<String>, path: impl Into<String>) -> Crumb {
        Crumb {
            title: title.into(),
            path: path.into(),
            fallback: false,
        }
    }
}

#[derive(Serialize)]
pub(super) struct CrumbLink<'a> {
    title: String,
    url: String,
    lang: Option<&'a str>,
}

impl<'a> Renderer<'a> {
    /// `crumbs` after the home page.
    pub(super) fn with_home(&self, crumbs: Vec<Crumb>) -> Vec<Crumb> {
        let home = Crumb {
            title: self.site.lang.strings.get("nav_home").to_owned(),
            path: "/".to_owned(),
            fallback: self.site.home.is_none_or(|h| self.site.pages[h].fallback),
        };
        std::iter::once(home).chain(crumbs).collect()
    }

    /// What the theme shows of `crumbs`.
    pub(super) fn crumb_links(&self, crumbs: &[Crumb]) -> Vec<CrumbLink<'a>> {
        crumbs
            .iter()
            .map(|k| CrumbLink {
                title: k.title.clone(),
                url: self.link_path(&k.path, k.fallback),
                lang: k.fallback.then_some(self.site.lang.default_code.as_str()),
            })
            .collect()
    }

    /// schema.org BreadcrumbList for the crumbs, Home first.
    pub(super) fn breadcrumb_ld(&self, crumbs: &[Crumb]) -> Value {
        let list: Vec<Value> = crumbs
            .iter()
            .enumerate()
            .map(|(n, k)| json!({"@type": "ListItem", "position": n + 1, "name": k.title, "item": self.absolute_path(&k.path, k.fallback)}))
            .collect();
        json!({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": list})
    }

    pub(super) fn crumbs_for(&self, page: &Page) -> Vec<Crumb> {
        let mut chain = Vec::new();
        let mut cur = Some(page);
        while let Some(p) = cur {
            if p.path != "_index.md" {
                chain.push(Crumb {
                    title: p.title().to_owned(),
                    path: p.url.clone(),
                    fallback: p.fallback,
                });
            }
            cur = p.parent.map(|i| &self.site.pages[i]);
        }
        chain.reverse();
        chain
    }
}
