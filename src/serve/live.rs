//! What `serve` holds between rebuilds, and how it takes in a save (#17).
//!
//! A save that changes only a page's Markdown body, and nothing another
//! page shows of it (see `site::redo_body`), takes the quick way: that file
//! alone is read, its page rendered again and handed over, and its
//! edition's search index made again right after. Any other change
//! (front matter, a new, deleted or renamed file, data, a tree, a template,
//! site.toml, a page with a problem) rebuilds the whole site, reusing
//! what the memo proves unchanged. Either way the files handed over are
//! those a clean build makes: `tests/testsuite/incremental.rs` checks it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::artifact::{Collect, OutputFile};
use crate::build::{self, Kept, Options};
use crate::diagnostics::Diagnostics;
use crate::output::Tracked;
use crate::site::Site;

/// What a rebuild hands over, in order.
pub enum Update {
    /// Every file of the site but its search index (a full rebuild).
    Site(Vec<OutputFile>),
    /// The files a quick rebuild made again; the others stay.
    Files(Vec<OutputFile>),
    /// The search index: the whole site's (`None`), or one edition's, the
    /// files under `<folder>search/` (`Some(folder)`, `""` or `es/`).
    Index(Option<String>, Vec<OutputFile>),
}

impl Update {
    /// Whether open pages should reload: the index changes no page.
    pub fn reloads(&self) -> bool {
        !matches!(self, Update::Index(..))
    }
}

/// How a rebuild went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rebuilt {
    /// HTML pages made (a quick rebuild's, or the whole site's).
    pub pages: usize,
    /// Whether only the saved pages were made again.
    pub quick: bool,
    /// Whether the served search index holds this rebuild's pages (else a
    /// newer save stopped it, and the next rebuild makes it).
    pub indexed: bool,
}

/// The last good build of a site being served, to take the next save in.
pub struct Live {
    opts: Options,
    memo: build::Memo,
    last: Option<Last>,
    /// Set by the watcher when a newer save arrives: a quick rebuild's
    /// search index stops, and the next rebuild makes it.
    stop: Option<Arc<AtomicBool>>,
    /// Editions whose served search index is older than their pages.
    stale: BTreeSet<usize>,
}

/// A good full build's model (every edition, with the pages' text
/// sections) and what rendering a page again needs.
struct Last {
    sites: Vec<Site>,
    kept: Kept,
    images: Arc<crate::images::Cache>,
}

impl Live {
    pub fn new(opts: Options) -> Live {
        Live {
            opts,
            memo: build::Memo::default(),
            last: None,
            stop: None,
            stale: BTreeSet::new(),
        }
    }

    /// A rebuild's search index stops when `flag` is set (a newer save
    /// is waiting); the next rebuild makes it, so a reader sees the new
    /// page at once and the index as soon as the saves pause.
    pub fn stop_index_on(mut self, flag: Arc<AtomicBool>) -> Live {
        self.stop = Some(flag);
        self
    }

    /// Takes in a change to `changed` (paths relative to the site's root,
    /// or under it; empty: build everything), handing each result to
    /// `update` as it is made. After an error, the next rebuild is a full
    /// one.
    pub fn rebuild(
        &mut self,
        changed: &[PathBuf],
        update: &mut dyn FnMut(Update),
    ) -> Result<Rebuilt, Diagnostics> {
        if let Some(done) = self.quick(changed, update) {
            return Ok(done);
        }
        self.full(update)
    }

    fn full(&mut self, update: &mut dyn FnMut(Update)) -> Result<Rebuilt, Diagnostics> {
        // Freeing the last model (10,000 pages: about 40 ms) is no reason
        // to keep a save off the screen: a thread of its own does it.
        if let Some(last) = self.last.take() {
            std::thread::spawn(move || drop(last));
        }
        self.stale.clear();
        let opts = &self.opts;
        let input = build::load(opts)?;
        let (built, index) = build::compile_staged(input, opts, &self.memo, &mut |pages| {
            update(Update::Site(pages));
        })?;
        // Keeps the images this build resized for the next rebuild (#19).
        // Failing to only makes the next rebuild slower.
        let cache = crate::output::image_cache_dir(&opts.output_dir(&built.site.config));
        let _ = crate::output::store_image_cache(&cache, &built.images, true);
        update(Update::Index(None, index));
        let done = Rebuilt {
            pages: built.pages,
            quick: false,
            indexed: true,
        };
        let build::Built {
            site,
            translations,
            kept,
            images,
            ..
        } = built;
        self.last = kept.map(|kept| Last {
            sites: std::iter::once(site).chain(translations).collect(),
            kept,
            images,
        });
        Ok(done)
    }

    /// The quick way, when every changed path is a page whose body alone
    /// changed; `None`: rebuild everything (the model may be half updated,
    /// which the full rebuild replaces).
    fn quick(&mut self, changed: &[PathBuf], update: &mut dyn FnMut(Update)) -> Option<Rebuilt> {
        let root = &self.opts.root;
        let last = self.last.as_mut()?;
        if changed.is_empty() {
            return None;
        }
        let pictures = crate::images::Pictures::new(Arc::clone(&last.images));
        let assets = crate::site::Assets::with_pictures(&last.kept.statics, &pictures);
        let mut redone = Vec::new();
        for path in changed {
            let rel = site_relative(root, path);
            let (e, i) = page_of(&last.sites, &rel)?;
            let text = crate::load::read_text(root, &root.join(&rel)).ok()?;
            let markdown = self.memo.markdown();
            let body = crate::site::redo_body(&mut last.sites, e, i, text, &assets, markdown)?;
            redone.push(((e, i), body));
        }
        let collect = Collect::default();
        let tracked = Tracked::new(&collect, last.sites[0].config.minify);
        let mut editions = Vec::new();
        for (at, body) in redone {
            let problems = crate::render::render_body(
                &last.sites,
                &last.kept.theme,
                &last.kept.assets,
                at,
                body,
                &tracked,
            );
            if !problems.is_empty() {
                return None;
            }
            editions.push(at.0);
        }
        // The files the pages name were named before: their copies are
        // out already.
        drop(pictures.take_copies());
        let pages = tracked.pages.load(std::sync::atomic::Ordering::Relaxed);
        update(Update::Files(collect.into_sorted()));
        self.stale.extend(editions);
        let params = crate::search::Params {
            stop: self.stop.clone(),
            ..crate::search::Params::default()
        };
        while let Some(&e) = self.stale.first() {
            let site = &last.sites[e];
            if site.config.search {
                let texts = crate::search::PageTexts::in_model();
                let parts = Some(self.memo.parts());
                let Some(index) =
                    crate::search::build_index_unless_stopped(site, texts, (&params, parts))
                else {
                    break;
                };
                let folder = site.lang.folder();
                let files = index
                    .files
                    .into_iter()
                    .map(|mut f| {
                        f.path.insert_str(0, &folder);
                        f
                    })
                    .collect();
                update(Update::Index(Some(folder), files));
            }
            self.stale.remove(&e);
            if self.stale.is_empty() {
                self.memo.parts().finish();
            }
        }
        Some(Rebuilt {
            pages,
            quick: true,
            indexed: self.stale.is_empty(),
        })
    }
}

/// `path` relative to the site's `root`, however the two are written: the
/// watcher reports absolute paths (`/site/./content/a.md`) for a root
/// given as `.`, and the model knows `content/a.md`.
pub fn site_relative(root: &Path, path: &Path) -> PathBuf {
    if path.is_relative() {
        return path.to_path_buf();
    }
    let roots = [
        std::path::absolute(root).ok(),
        std::fs::canonicalize(root).ok(),
    ];
    roots
        .iter()
        .flatten()
        .find_map(|r| path.strip_prefix(r).ok())
        .map_or_else(|| path.to_path_buf(), Path::to_path_buf)
}

/// The edition and page written from the file `rel` (relative to the
/// site's root), if it is one of the pages the last build wrote.
fn page_of(sites: &[Site], rel: &Path) -> Option<(usize, usize)> {
    sites.iter().enumerate().find_map(|(e, site)| {
        site.pages
            .iter()
            .position(|p| !p.fallback && p.file == rel)
            .map(|i| (e, i))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watcher_paths_become_site_relative_however_the_root_is_written() {
        let cwd = std::env::current_dir().unwrap();
        let page = Path::new("content/guides/a.md");
        let reported = cwd.join(".").join(page);
        assert_eq!(site_relative(Path::new("."), &reported), page);
        assert_eq!(site_relative(&cwd, &cwd.join(page)), page);
        assert_eq!(site_relative(Path::new("."), page), page);
        let elsewhere = Path::new("/elsewhere/content/a.md");
        assert_eq!(site_relative(Path::new("."), elsewhere), elsewhere);
    }
}
