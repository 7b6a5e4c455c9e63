//! What the pipeline produces: output files, the sink they are handed to,
//! and the markers of the regions every page shares.
//!
//! A leaf module: it uses nothing else of the crate, so `render` and
//! `search` (which make files) and `output` (which writes them) all depend
//! on it and never on each other.

use std::sync::{Arc, Mutex};

use crate::diagnostics::{Code, Diagnostic};

/// A file of the built site, path relative to the output root with `/`.
/// Its bytes are shared, not copied, between `serve`'s memo of rendered
/// pages and the files it serves (#17).
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Arc<Vec<u8>>,
    /// What the page was made from, when the sink asked for it
    /// ([`Sink::keeps_rendered`]): a later build made from the same may
    /// keep this one's file instead of rendering it again. Not part of
    /// the file: two files are equal when their paths and bytes are.
    pub key: Option<PageKey>,
}

impl PartialEq for OutputFile {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path && self.bytes == other.bytes
    }
}

impl Eq for OutputFile {}

/// A 128-bit digest of everything a rendered page was made from: the
/// executable, the templates, the edition's globals, the page's path,
/// template and context (see `render::vars`).
pub type PageKey = [u8; 16];

impl OutputFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            bytes: Arc::new(bytes.into()),
            key: None,
        }
    }

    /// A file whose bytes are already shared.
    pub fn shared(path: impl Into<String>, bytes: Arc<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            bytes,
            key: None,
        }
    }

    pub fn is_html(&self) -> bool {
        self.path.ends_with(".html")
    }
}

/// Where rendered files go as they are made: pages are rendered, minified
/// and written one by one in parallel, so a large site is never held in
/// memory whole.
pub trait Sink: Sync {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic>;

    /// Whether [`Sink::keep_rendered`] can ever keep a page, so that the
    /// render digests what each page is made from only where it pays.
    fn keeps_rendered(&self) -> bool {
        false
    }

    /// Takes, as the page at `path`, the file an earlier build made from
    /// exactly what `key` digests, if it is still there and unchanged;
    /// whether it did. When it did not, the page is rendered and put.
    fn keep_rendered(&self, _path: &str, _key: &PageKey) -> bool {
        false
    }
}

/// Puts every file under a folder: a language's edition is written as a
/// site of its own under its prefix (`es/…`).
pub struct Prefixed<'a> {
    pub inner: &'a dyn Sink,
    /// `es/`, with its slash.
    pub prefix: String,
}

impl Sink for Prefixed<'_> {
    fn put(&self, mut file: OutputFile) -> Result<(), Diagnostic> {
        file.path.insert_str(0, &self.prefix);
        self.inner.put(file)
    }

    fn keeps_rendered(&self) -> bool {
        self.inner.keeps_rendered()
    }

    fn keep_rendered(&self, path: &str, key: &PageKey) -> bool {
        self.inner
            .keep_rendered(&format!("{}{path}", self.prefix), key)
    }
}

/// What tells this casebook executable from another build of the same
/// version: its size and modification time. Caches kept between builds
/// are keyed with it: a developer's rebuilt binary may analyse words or
/// fill a template differently, and must not take the last one's work.
pub fn executable_identity() -> &'static str {
    static IDENTITY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    IDENTITY.get_or_init(|| {
        let meta = std::env::current_exe().and_then(std::fs::metadata);
        match meta {
            Ok(m) => {
                let modified = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
                format!("{} {:?}", m.len(), modified)
            }
            Err(_) => String::new(),
        }
    })
}

/// Keeps every file in memory (for `check`, `serve` and tests).
#[derive(Default)]
pub struct Collect(pub Mutex<Vec<OutputFile>>);

impl Sink for Collect {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self.0
            .lock()
            .map_err(|_| {
                Diagnostic::new(
                    Code::Internal,
                    &file.path,
                    "internal error: output lock poisoned",
                )
            })?
            .push(file);
        Ok(())
    }
}

impl Collect {
    /// The files, sorted by path.
    pub fn into_sorted(self) -> Vec<OutputFile> {
        let mut files = self.0.into_inner().unwrap_or_default();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

/// Opens a region of a page that is the same on every page (the theme's
/// header, footer and fixed head tags); an HTML comment, so minify-html
/// drops it. `output` minifies each distinct region once.
pub const SHARED_START: &str = "<!--casebook:shared-->";
/// Closes a shared region.
pub const SHARED_END: &str = "<!--casebook:/shared-->";
