//! Minifying the regions a page shares with every other page only once.
//!
//! The default theme's header, footer and fixed head tags are the same bytes
//! on almost every page, yet minify-html parsed and rewrote them on each,
//! element by element and attribute by attribute: measured on one guide
//! page, the header and footer were a fifth of its time and the fixed head
//! tags a twelfth. When pages are minified, the theme's own `base.html`
//! marks those regions
//! (see `render::templates`) with [`START`] and [`END`]. A marked region is
//! minified on its own, once per distinct content, and the rest of the page
//! around it with an empty placeholder element in its place; the
//! placeholder's minified form is then replaced by the region's.
//!
//! minify-html keeps closing tags here and drops whitespace between the
//! page's top-level blocks, so a region that is whole elements minifies to
//! the same bytes alone as inside the page. Debug builds (every test)
//! check each page against minify-html's output for the whole page, and a
//! page whose placeholder does not come back as expected is minified whole.

use std::sync::{Arc, RwLock};

use rustc_hash::FxHashMap;

use crate::artifact::{SHARED_END as END, SHARED_START as START};

/// How many distinct regions are kept. A region that differs on every page
/// (a footer with each page's edit link) stops being stored after this.
const MAX_KEPT: usize = 64;

/// Regions minified so far: unminified bytes → minified bytes.
type Kept = FxHashMap<Box<[u8]>, Arc<[u8]>>;

/// The regions minified so far in this build.
#[derive(Default)]
pub struct SharedRegions {
    kept: RwLock<Kept>,
}

impl SharedRegions {
    /// `page` minified; the same bytes as `minify_html::minify(page, cfg)`.
    pub fn minify(&self, page: &[u8], cfg: &minify_html::Cfg) -> Vec<u8> {
        let regions = regions(page);
        if regions.is_empty() {
            return minify_html::minify(page, cfg);
        }
        let mut rest = Vec::with_capacity(page.len());
        let mut at = 0;
        for (i, r) in regions.iter().enumerate() {
            rest.extend_from_slice(&page[at..r.start - START.len()]);
            rest.extend_from_slice(placeholder(i).as_bytes());
            at = r.end + END.len();
        }
        rest.extend_from_slice(&page[at..]);
        let rest = minify_html::minify(&rest, cfg);
        let out = self.splice(&rest, page, &regions, cfg);
        debug_assert_eq!(
            String::from_utf8_lossy(&out),
            String::from_utf8_lossy(&minify_html::minify(page, cfg)),
            "a page minified in parts differs from the page minified whole"
        );
        out
    }

    /// The minified page: `rest` with each placeholder replaced by its
    /// region, minified. Falls back to minifying `page` whole.
    fn splice(
        &self,
        rest: &[u8],
        page: &[u8],
        regions: &[std::ops::Range<usize>],
        cfg: &minify_html::Cfg,
    ) -> Vec<u8> {
        let mut out = Vec::with_capacity(rest.len() + page.len() / 4);
        let mut at = 0;
        for (i, r) in regions.iter().enumerate() {
            let mark = placeholder(i);
            let Some(found) = memchr::memmem::find(&rest[at..], mark.as_bytes()) else {
                return minify_html::minify(page, cfg);
            };
            out.extend_from_slice(&rest[at..at + found]);
            out.extend_from_slice(&self.region(&page[r.clone()], cfg));
            at += found + mark.len();
        }
        out.extend_from_slice(&rest[at..]);
        out
    }

    /// One region, minified: from the kept ones, else minified now.
    fn region(&self, bytes: &[u8], cfg: &minify_html::Cfg) -> Arc<[u8]> {
        if let Some(min) = self.kept.read().ok().and_then(|k| k.get(bytes).cloned()) {
            return min;
        }
        let min: Arc<[u8]> = minify_html::minify(bytes, cfg).into();
        if let Ok(mut kept) = self.kept.write()
            && kept.len() < MAX_KEPT
        {
            kept.insert(bytes.into(), min.clone());
        }
        min
    }
}

/// The byte ranges inside each marked region, in order. A start without an
/// end, regions in regions, or a page that already holds a placeholder's
/// name (raw HTML can) mark nothing: the page is minified whole.
fn regions(page: &[u8]) -> Vec<std::ops::Range<usize>> {
    if memchr::memmem::find(page, PLACEHOLDER.as_bytes()).is_some() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(s) = memchr::memmem::find(&page[at..], START.as_bytes()) {
        let start = at + s + START.len();
        let Some(e) = memchr::memmem::find(&page[start..], END.as_bytes()) else {
            return Vec::new();
        };
        let end = start + e;
        if memchr::memmem::find(&page[start..end], START.as_bytes()).is_some() {
            return Vec::new();
        }
        found.push(start..end);
        at = end + END.len();
    }
    found
}

/// The start of a placeholder element's name.
const PLACEHOLDER: &str = "<casebook-shared-";

/// The empty element that stands for region `i` while the rest is minified.
fn placeholder(i: usize) -> String {
    format!("{PLACEHOLDER}{i}></casebook-shared-{i}>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg() -> minify_html::Cfg {
        super::super::minify_config()
    }

    fn marked(header: &str, main: &str) -> String {
        format!(
            "<!doctype html>\n<html lang=en>\n<head>\n<title>T</title>\n</head>\n<body>\n{START}<header class=\"site\">\n  <a href=\"/\">Home</a>\n</header>{END}\n<main>\n{main}\n</main>\n{START}<footer>\n  <p>{header}</p>\n</footer>{END}\n</body>\n</html>\n"
        )
    }

    #[test]
    fn a_page_minified_in_parts_is_the_page_minified_whole() {
        let shared = SharedRegions::default();
        for main in [
            "<p>One  two</p>",
            "<ul>\n<li>a</li>\n</ul>",
            "text <b>bold</b>",
        ] {
            let page = marked("Site &amp; title", main);
            let whole = minify_html::minify(page.as_bytes(), &cfg());
            assert_eq!(
                String::from_utf8(shared.minify(page.as_bytes(), &cfg())).unwrap(),
                String::from_utf8(whole).unwrap()
            );
        }
        // Three pages, two distinct regions: each minified once.
        let kept = shared.kept.read().unwrap();
        assert_eq!(kept.len(), 2);
    }

    #[test]
    fn unbalanced_or_nested_markers_mark_nothing() {
        assert_eq!(regions(format!("a{START}b{END}c").as_bytes()), vec![23..24]);
        assert!(regions(format!("a{START}b").as_bytes()).is_empty());
        assert!(regions(format!("{START}a{START}b{END}{END}").as_bytes()).is_empty());
        assert!(regions(b"<p>no markers</p>").is_empty());
        let spoof = format!("{START}<p>a</p>{END}<casebook-shared-0></casebook-shared-0>");
        assert!(regions(spoof.as_bytes()).is_empty());
        let shared = SharedRegions::default();
        let page = format!("<p>a</p>{START}<p>b");
        assert_eq!(
            shared.minify(page.as_bytes(), &cfg()),
            minify_html::minify(page.as_bytes(), &cfg())
        );
    }

    #[test]
    fn regions_stop_being_kept_past_the_limit() {
        let shared = SharedRegions::default();
        for i in 0..MAX_KEPT + 10 {
            let page = marked(&format!("footer {i}"), "<p>x</p>");
            shared.minify(page.as_bytes(), &cfg());
        }
        let kept = shared.kept.read().unwrap();
        assert_eq!(kept.len(), MAX_KEPT);
    }
}
