//! A page in the site's other languages (#18): the `<link rel=alternate
//! hreflang>` of its head (every translation that exists, and `x-default`)
//! and the language switcher, which leads to the same page in each language
//! where there is one, else to that language's home page.

use serde::Serialize;

use super::{has_listing, home_link};
use crate::render::Renderer;
use crate::site::urls::tree_url;
use crate::site::{Listing, Site};

/// What a page is, so that its translations can be found: the same key in
/// another edition is the same page in another language.
pub(in crate::render) enum Same<'a> {
    /// A content page, by its path under `content/`.
    Page(&'a str),
    Listing(Listing),
    /// Step `n` of a tree (steps correspond one for one: a translated tree
    /// has its original's shape).
    TreeStep(&'a str, usize),
    TreeMap(&'a str),
    /// A page with no counterpart elsewhere (a tag, the 404 page).
    Nothing,
}

/// One `<link rel="alternate" hreflang>`.
#[derive(Serialize)]
pub(super) struct Alternate<'a> {
    hreflang: &'a str,
    url: String,
}

/// One language in the switcher.
#[derive(Serialize)]
pub(super) struct SwitcherLink<'a> {
    code: &'a str,
    name: &'a str,
    dir: &'static str,
    url: String,
    current: bool,
    /// Whether `url` is this page in that language (else its home page).
    same_page: bool,
}

pub(super) struct Translations<'a> {
    pub alternates: Vec<Alternate<'a>>,
    pub switcher: Vec<SwitcherLink<'a>>,
}

/// Where `key` is in `site`, as a site path, if it exists there.
fn path_in(site: &Site, key: &Same) -> Option<String> {
    match *key {
        Same::Page(path) => {
            let p = &site.pages[*site.by_path.get(path)?];
            (!p.fallback).then(|| p.url.clone())
        }
        Same::Listing(l) => has_listing(site, l).then(|| l.path()),
        Same::TreeStep(id, n) => {
            let tree = site.trees.iter().find(|t| t.id == id && !t.fallback)?;
            let step = tree.steps().get(n)?;
            Some(format!("{}{}", tree_url(id), step.rel_url))
        }
        Same::TreeMap(id) => site
            .trees
            .iter()
            .any(|t| t.id == id && !t.fallback)
            .then(|| format!("{}map/", tree_url(id))),
        Same::Nothing => None,
    }
}

/// `key` in every language where it exists (absolute URLs), with
/// `x-default` for the default language's; empty when it exists in one
/// language only (there is nothing to announce).
pub(super) fn alternates<'s>(sites: &'s [Site], found: &[Option<String>]) -> Vec<Alternate<'s>> {
    let mut alternates: Vec<Alternate<'s>> = sites
        .iter()
        .zip(found)
        .filter_map(|(s, p)| {
            p.as_ref().map(|p| Alternate {
                hreflang: &s.lang.code,
                url: s.config.absolute(p),
            })
        })
        .collect();
    if alternates.len() < 2 {
        return Vec::new();
    }
    if let Some(p) = &found[0] {
        alternates.push(Alternate {
            hreflang: "x-default",
            url: sites[0].config.absolute(p),
        });
    }
    alternates
}

/// Where `key` is in each language (a site path), or not.
pub(super) fn find_all(sites: &[Site], key: &Same) -> Vec<Option<String>> {
    sites.iter().map(|s| path_in(s, key)).collect()
}

impl<'a> Renderer<'a> {
    /// `key`'s translations, for the head and the language switcher. A
    /// one-language site has neither.
    pub(super) fn translations(&self, key: &Same) -> Translations<'a> {
        let sites: &'a [Site] = self.sites;
        if sites.len() < 2 {
            return Translations {
                alternates: Vec::new(),
                switcher: Vec::new(),
            };
        }
        let found = find_all(sites, key);
        let alternates = alternates(sites, &found);
        let switcher = sites
            .iter()
            .zip(&found)
            .map(|(s, p)| SwitcherLink {
                code: &s.lang.code,
                name: &s.lang.name,
                dir: s.lang.dir.as_str(),
                url: p
                    .as_ref()
                    .map_or_else(|| home_link(s), |p| s.config.link(p)),
                current: std::ptr::eq(s, self.site),
                same_page: p.is_some(),
            })
            .collect();
        Translations {
            alternates,
            switcher,
        }
    }
}
