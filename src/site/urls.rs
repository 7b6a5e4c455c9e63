//! Every URL the site has: pages from their content paths, the listing
//! pages casebook writes itself, records' anchors, tags and trees.
//!
//! [`Listing`] is the one list of generated list pages. The render's jobs,
//! the sitemap, the reserved URLs and record URLs all come from it, so a new
//! listing is a compile error until every `match` on it handles the new one.

use crate::data::Kind;
use crate::diagnostics::Problem;
use crate::text::slugify;

/// A list page casebook writes itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Listing {
    Cases,
    Quotes,
    Faq,
    Templates,
    Sources,
    Tags,
    Search,
    /// The message checker and its rules (#7).
    Check,
}

impl Listing {
    /// Every listing, in the order the sitemap lists them.
    pub const ALL: [Listing; 8] = [
        Listing::Cases,
        Listing::Quotes,
        Listing::Faq,
        Listing::Templates,
        Listing::Sources,
        Listing::Tags,
        Listing::Search,
        Listing::Check,
    ];

    /// The URL segment: `/cases/`, `/faq/`, …
    pub fn slug(self) -> &'static str {
        match self {
            Listing::Cases => "cases",
            Listing::Quotes => "quotes",
            Listing::Faq => "faq",
            Listing::Templates => "templates",
            Listing::Sources => "sources",
            Listing::Tags => "tags",
            Listing::Search => "search",
            Listing::Check => "check",
        }
    }

    /// The site path: `/cases/`.
    pub fn path(self) -> String {
        format!("/{}/", self.slug())
    }

    /// The theme template that renders it.
    pub fn template(self) -> &'static str {
        match self {
            Listing::Cases => "cases.html",
            Listing::Quotes => "quotes.html",
            Listing::Faq => "faq.html",
            Listing::Templates => "templates.html",
            Listing::Sources => "sources.html",
            Listing::Tags => "tags.html",
            Listing::Search => "search.html",
            Listing::Check => "check.html",
        }
    }

    /// The page's title and description.
    pub fn heading(self) -> (&'static str, &'static str) {
        match self {
            Listing::Cases => (
                "Do and don't",
                "Real situations, what people get wrong, and what works instead.",
            ),
            Listing::Quotes => (
                "What hiring managers say",
                "Hiring managers and recruiters on candidates who connect with them, grouped by stance.",
            ),
            Listing::Faq => (
                "Questions and answers",
                "Short answers to the questions job seekers ask most.",
            ),
            Listing::Templates => (
                "Message templates",
                "Messages to adapt and copy, each within its channel's limit.",
            ),
            Listing::Sources => ("Sources", "The articles this knowledge base draws on."),
            Listing::Tags => ("Tags", "Every topic, with the pages and records about it."),
            Listing::Search => ("Search", "Search every guide, case, question and template."),
            Listing::Check => (
                "Check a message",
                "Paste a LinkedIn note before you send it: see whether it is too long, too generic or asks for too much.",
            ),
        }
    }

    /// The record kind the page lists, if it lists one.
    pub fn kind(self) -> Option<Kind> {
        match self {
            Listing::Cases => Some(Kind::Cases),
            Listing::Quotes => Some(Kind::Quotes),
            Listing::Faq => Some(Kind::Faqs),
            Listing::Templates => Some(Kind::Templates),
            Listing::Sources => Some(Kind::Sources),
            Listing::Check => Some(Kind::Checks),
            Listing::Tags | Listing::Search => None,
        }
    }

    /// The page that lists records of `kind`, where each has its anchor.
    pub fn of_kind(kind: Kind) -> Listing {
        match kind {
            Kind::Sources => Listing::Sources,
            Kind::Cases => Listing::Cases,
            Kind::Quotes => Listing::Quotes,
            Kind::Faqs => Listing::Faq,
            Kind::Templates => Listing::Templates,
            Kind::Checks => Listing::Check,
        }
    }

    /// Whether search engines should find it (the search page has no
    /// content of its own).
    pub fn in_sitemap(self) -> bool {
        self != Listing::Search
    }
}

/// Site paths under which casebook writes its own pages: a content page
/// may not take them.
pub fn reserved() -> impl Iterator<Item = String> {
    Listing::ALL
        .into_iter()
        .map(Listing::path)
        .chain(["/decide/".to_owned(), "/assets/".to_owned()])
}

/// The site path of a record's anchor: `/cases/#blank-request`.
pub fn record_url(kind: Kind, id: &str) -> String {
    format!("{}#{id}", Listing::of_kind(kind).path())
}

/// The site path of a tag's page.
pub fn tag_url(slug: &str) -> String {
    format!("/tags/{slug}/")
}

/// The site path of a decision tree's first step.
pub fn tree_url(id: &str) -> String {
    format!("/decide/{id}/")
}

/// The path of page `n` of a paginated list whose first page is `first`.
pub fn page_url(first: &str, n: usize) -> String {
    if n == 1 {
        first.to_owned()
    } else {
        format!("{first}page/{n}/")
    }
}

/// A URL segment that cannot escape the output folder.
fn safe_segment(s: &str) -> bool {
    !s.is_empty()
        && s != "."
        && s != ".."
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The site path of a content file (`guides/a.md` → `/guides/a/`).
pub fn url_for(path: &str, slug: Option<&str>) -> Result<String, Problem> {
    let mut parts: Vec<&str> = path.split('/').collect();
    let file = parts.pop().unwrap_or_default();
    let stem = file.strip_suffix(".md").unwrap_or(file);
    let mut segments: Vec<String> = parts
        .iter()
        .map(|p| {
            if safe_segment(p) {
                (*p).to_owned()
            } else {
                slugify(p)
            }
        })
        .collect();
    if stem != "_index" && stem != "index" {
        match slug {
            Some(s) if !safe_segment(s) => {
                return Err(Problem::new(format!("the slug `{s}` is not a safe URL segment")).hint(
                    "use letters, digits and hyphens only; a slug cannot contain `/`, `..` or a drive letter",
                ));
            }
            Some(s) => segments.push(s.to_owned()),
            None if safe_segment(stem) => segments.push(stem.to_owned()),
            None => segments.push(slugify(stem)),
        }
    } else if let Some(s) = slug {
        return Err(Problem::new(format!("`slug: {s}` on a section"))
            .hint("a section's URL comes from its folder; rename the folder"));
    }
    segments.retain(|s| !s.is_empty());
    if segments.is_empty() {
        Ok("/".to_owned())
    } else {
        Ok(format!("/{}/", segments.join("/")))
    }
}

/// An alias as a relative output path (`/old/` → `old/`), or `None` if unsafe.
pub fn alias_path(alias: &str) -> Option<String> {
    let trimmed = alias.trim();
    if !trimmed.starts_with('/') || trimmed.contains('\\') {
        return None;
    }
    let segments: Vec<&str> = trimmed.split('/').filter(|s| !s.is_empty()).collect();
    if segments.is_empty() || !segments.iter().all(|s| safe_segment(s)) {
        return None;
    }
    let mut out = segments.join("/");
    if !out.ends_with(".html") {
        out.push('/');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_from_paths_and_slugs() {
        assert_eq!(url_for("_index.md", None).unwrap(), "/");
        assert_eq!(url_for("guides/_index.md", None).unwrap(), "/guides/");
        assert_eq!(url_for("guides/a.md", None).unwrap(), "/guides/a/");
        assert_eq!(url_for("guides/a/index.md", None).unwrap(), "/guides/a/");
        assert_eq!(url_for("guides/a.md", Some("b")).unwrap(), "/guides/b/");
        assert_eq!(
            url_for("My Notes/Über uns.md", None).unwrap(),
            "/my-notes/uber-uns/"
        );
    }

    #[test]
    fn unsafe_slugs_and_aliases_are_refused() {
        for bad in ["../x", "/etc", "a/b", "C:\\x", "..", "c:x"] {
            assert!(url_for("a.md", Some(bad)).is_err(), "{bad}");
        }
        assert_eq!(alias_path("/old/page/").as_deref(), Some("old/page/"));
        assert_eq!(alias_path("/old.html").as_deref(), Some("old.html"));
        for bad in ["old/", "/../x/", "/a/../../b", "/", "\\x", "/c:/x"] {
            assert_eq!(alias_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_record_kind_has_its_listing_and_back() {
        for kind in Kind::ALL {
            let listing = Listing::of_kind(kind);
            assert_eq!(listing.kind(), Some(kind));
            assert!(record_url(kind, "x").starts_with(&listing.path()));
        }
        let reserved: Vec<String> = reserved().collect();
        for listing in Listing::ALL {
            assert!(reserved.contains(&listing.path()), "{listing:?}");
        }
    }
}
