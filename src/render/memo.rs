//! The pages `serve` rendered last time, to skip the ones whose input is
//! unchanged (#17).
//!
//! A page made by a template is a pure function of the compiled templates,
//! the edition's globals (`site`, `assets`, `t` and the `tr` strings) and
//! the page's own context. Building a context is cheap next to running
//! the template through it, so every context is built as before and
//! compared with last time's: when the theme, the globals and the context
//! are all equal, last time's bytes are the page. Equality of the whole
//! context, not a list of what a page depends on, is what makes this safe:
//! a page listing another sees its changed title, because the title is in
//! its context. The memo keeps a 128-bit digest of each context
//! ([`Vars::digest`](super::vars::Vars::digest)), not the context itself.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::hash::Digest;

/// One edition's rendered pages and what they were rendered from.
#[derive(Default)]
struct Edition {
    /// The templates' hash and the globals' digest of the build that made
    /// `pages`.
    theme: Option<(Digest, Digest)>,
    /// What the last build made, which this one may take.
    last: HashMap<String, Page>,
    /// What this build made: the next build's `last`. A page deleted is
    /// not made, so it is forgotten.
    pages: HashMap<String, Page>,
}

struct Page {
    template: String,
    /// A digest of the context, not the context: a 10,000-page site's
    /// contexts held whole took about as much memory as everything else
    /// `serve` keeps.
    context: Digest,
    bytes: Arc<Vec<u8>>,
}

/// Rendered pages by edition (its output folder, `""` or `es/`) and path.
#[derive(Default)]
pub struct Memo {
    editions: Mutex<HashMap<String, Edition>>,
}

impl Memo {
    /// Starts an edition's render: last time's pages are kept only if the
    /// templates (`theme`, a hash of their sources) and the `globals` are
    /// the same (`globals` is their digest; `None`, they had none).
    pub(crate) fn begin(&self, edition: &str, theme: Digest, globals: Option<Digest>) {
        let mut editions = self.lock();
        let e = editions.entry(edition.to_owned()).or_default();
        let now = globals.map(|g| (theme, g));
        let same = now.is_some() && e.theme == now;
        e.last = std::mem::take(&mut e.pages);
        if !same {
            e.last.clear();
            e.theme = now;
        }
    }

    /// Last time's bytes for `path`, if it was made from `template` and a
    /// context with the same digest.
    pub(crate) fn get(
        &self,
        edition: &str,
        path: &str,
        template: &str,
        context: Digest,
    ) -> Option<Arc<Vec<u8>>> {
        let editions = self.lock();
        let page = editions.get(edition)?.last.get(path)?;
        (page.template == template && page.context == context).then(|| Arc::clone(&page.bytes))
    }

    /// Keeps what `path` was rendered to.
    pub(crate) fn put(
        &self,
        edition: &str,
        path: String,
        template: &str,
        context: Digest,
        bytes: Arc<Vec<u8>>,
    ) {
        let mut editions = self.lock();
        let e = editions.entry(edition.to_owned()).or_default();
        let page = Page {
            template: template.to_owned(),
            context,
            bytes,
        };
        e.pages.insert(path, page);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Edition>> {
        self.editions.lock().unwrap_or_else(|e| e.into_inner())
    }
}
