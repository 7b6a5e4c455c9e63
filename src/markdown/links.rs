//! What a link in Markdown may point at. `@/page.md#id` and `@case:id`
//! links are resolved by the site model through [`Resolve`], so Markdown
//! needs no knowledge of pages or records; `#id` links and cross-page
//! anchors are recorded as [`AnchorRef`]s, checked once every page is
//! rendered; links whose scheme can run script are dropped.

use std::path::Path;

use super::local::{Local, LocalKind};
use crate::diagnostics::{Code, Pos, Problem};

/// How `@` links and local files become URLs. The site model implements it.
pub trait Resolve: Sync {
    /// `target` is the whole destination (`@/guides/a.md#x`, `@case:id`).
    /// Returns the URL, or what is wrong with the link.
    fn resolve(&self, target: &str) -> Result<String, Problem>;

    /// A local reference (`shot.png`, `../img/a.png`, `/img/a.png`,
    /// `timing.md`; the path percent-decoded, without `?query#fragment`)
    /// written in `file` (relative to the site root, `content/guides/a.md`):
    /// what it points at, or what is wrong with it. `None` (the default):
    /// this resolver does not know the site's files, and the reference is
    /// written as it is.
    fn local(&self, file: &Path, path: &str, kind: LocalKind) -> Option<Result<Local, Problem>> {
        let _ = (file, path, kind);
        None
    }

    /// The theme string `key` in the language of the text (a callout's
    /// label, `callout_warning`), if the resolver knows the edition's
    /// strings; the caller has an English fallback.
    fn string(&self, key: &str) -> Option<&str> {
        let _ = key;
        None
    }
}

/// A resolver that knows no targets (for data fields without links, and tests).
pub struct NoLinks;

impl Resolve for NoLinks {
    fn resolve(&self, target: &str) -> Result<String, Problem> {
        Err(Problem::new(
            Code::LinkMalformed,
            format!("`{target}` cannot be resolved here"),
        ))
    }
}

/// A link to another page's anchor, checked once every page is rendered.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AnchorRef {
    /// The content path (`guides/a.md`), or empty for this page.
    pub page: String,
    pub anchor: String,
    pub pos: Pos,
}

/// A URL whose scheme can run script (`javascript:`, `vbscript:`, `data:`
/// other than images), allowing for the case and whitespace tricks browsers
/// accept (`JaVa\tScript:`).
pub fn is_dangerous_url(url: &str) -> bool {
    // Only the first 14 folded characters can matter (`data:image/svg`):
    // every link of every page comes here, so no more are folded, and
    // nothing is allocated.
    let mut head = ['\0'; 14];
    let folded = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase);
    let mut n = 0;
    for (slot, c) in head.iter_mut().zip(folded) {
        *slot = c;
        n += 1;
    }
    let starts =
        |prefix: &str| prefix.chars().count() <= n && prefix.chars().zip(head).all(|(a, b)| a == b);
    starts("javascript:")
        || starts("vbscript:")
        || (starts("data:") && !starts("data:image/") || starts("data:image/svg"))
}

/// A link the site resolves or checks itself (`@…`, `#…`) rather than
/// passing through.
pub(super) fn is_internal(url: &str) -> bool {
    url.starts_with('@') || url.starts_with('#')
}
