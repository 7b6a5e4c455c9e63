//! The only stage that writes: minifies HTML (minify-html), then writes the
//! site into a temporary sibling folder and swaps it in, so a failed or
//! killed build leaves the previous output exactly as it was.
//!
//! casebook leaves a marker file in every folder it creates and only ever
//! deletes folders that carry it.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, io_error};
use crate::render::OutputFile;

/// The marker casebook writes into each output folder it creates.
pub const MARKER: &str = ".casebook-output";
const MARKER_TEXT: &str =
    "This folder was written by casebook. casebook may delete and rewrite it on the next build.\n";

/// Where rendered files go as they are made: pages are rendered, minified
/// and written one by one in parallel, so a large site is never held in
/// memory whole.
pub trait Sink: Sync {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic>;
}

/// Keeps every file in memory (for `check`, `serve` and tests).
#[derive(Default)]
pub struct Collect(pub Mutex<Vec<OutputFile>>);

impl Sink for Collect {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        self.0
            .lock()
            .map_err(|_| Diagnostic::new(&file.path, "internal error: output lock poisoned"))?
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

/// Minifies HTML (if asked), refuses two files at one path, counts what
/// passes, and hands each file on.
pub struct Tracked<'a> {
    inner: &'a dyn Sink,
    minify: Option<minify_html::Cfg>,
    paths: Mutex<HashSet<String>>,
    pub pages: AtomicUsize,
    pub files: AtomicUsize,
    pub bytes: AtomicUsize,
}

impl<'a> Tracked<'a> {
    pub fn new(inner: &'a dyn Sink, minify: bool) -> Self {
        Tracked {
            inner,
            minify: minify.then(minify_config),
            paths: Mutex::new(HashSet::new()),
            pages: AtomicUsize::new(0),
            files: AtomicUsize::new(0),
            bytes: AtomicUsize::new(0),
        }
    }
}

impl Sink for Tracked<'_> {
    fn put(&self, mut file: OutputFile) -> Result<(), Diagnostic> {
        let fresh = self
            .paths
            .lock()
            .map(|mut p| p.insert(file.path.clone()))
            .unwrap_or(true);
        if !fresh {
            return Err(Diagnostic::new(
                format!("static/{}", file.path),
                format!("two outputs would be written to `{}`", file.path),
            )
            .hint("a static file has the same path as a generated page; rename or move it"));
        }
        if file.is_html() {
            self.pages.fetch_add(1, Ordering::Relaxed);
            if let Some(cfg) = &self.minify {
                file.bytes = minify_html::minify(&file.bytes, cfg);
            }
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(file.bytes.len(), Ordering::Relaxed);
        self.inner.put(file)
    }
}

/// minify-html settings: closing tags and `<html>`/`<head>` kept so the
/// output stays valid, readable HTML. Pages carry no inline CSS or JS.
fn minify_config() -> minify_html::Cfg {
    let mut cfg = minify_html::Cfg::new();
    cfg.keep_closing_tags = true;
    cfg.keep_html_and_head_opening_tags = true;
    cfg.minify_doctype = false;
    cfg
}

/// Minifies every HTML file in place, in parallel.
pub fn minify(files: &mut [OutputFile]) {
    let cfg = minify_config();
    files.par_iter_mut().filter(|f| f.is_html()).for_each(|f| {
        f.bytes = minify_html::minify(&f.bytes, &cfg);
    });
}

/// A new output being written into a temporary sibling of the real folder;
/// `commit` swaps it in, and dropping it uncommitted removes it.
pub struct Staging {
    dir: PathBuf,
    tmp: PathBuf,
    parent: PathBuf,
    name: String,
    dirs: Mutex<HashSet<PathBuf>>,
    committed: bool,
}

impl Staging {
    /// Checks `dir` is safe to replace and creates the temporary folder.
    pub fn begin(dir: &Path, root: &Path) -> Result<Staging, Diagnostic> {
        if let Some(reason) = refuse_reason(dir, root) {
            return Err(
                Diagnostic::new(dir, format!("refusing to write the site here: {reason}"))
                    .hint("pick a new folder with --output-dir, or empty this one yourself"),
            );
        }
        let dir = absolute(dir);
        let parent = dir.parent().map(Path::to_path_buf).unwrap_or_default();
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        fs::create_dir_all(&parent).map_err(|e| io_error(&parent, "create the folder", &e))?;
        clean_stale(&parent, &name);
        let tmp = parent.join(format!(".{name}.casebook-new-{}", std::process::id()));
        fs::create_dir_all(&tmp).map_err(|e| io_error(&tmp, "create the folder", &e))?;
        fs::write(tmp.join(MARKER), MARKER_TEXT)
            .map_err(|e| io_error(&tmp, "write the marker file", &e))?;
        Ok(Staging {
            dir,
            tmp,
            parent,
            name,
            dirs: Mutex::new(HashSet::new()),
            committed: false,
        })
    }

    /// Swaps the new output in for the old one.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        swap(&self.dir, &self.tmp, &self.parent, &self.name)?;
        self.committed = true;
        Ok(())
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        let path = self.tmp.join(&file.path);
        if let Some(parent) = path.parent() {
            let known = self
                .dirs
                .lock()
                .map(|d| d.contains(parent))
                .unwrap_or(false);
            if !known {
                fs::create_dir_all(parent)
                    .map_err(|e| io_error(parent, "create the folder", &e))?;
                if let Ok(mut d) = self.dirs.lock() {
                    d.insert(parent.to_path_buf());
                }
            }
        }
        fs::write(&path, &file.bytes).map_err(|e| io_error(&path, "write the file", &e))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed && self.tmp.join(MARKER).is_file() {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

/// Why `dir` must not be used as an output folder, if it must not.
pub fn refuse_reason(dir: &Path, root: &Path) -> Option<String> {
    let abs = absolute(dir);
    let root = absolute(root);
    if abs.parent().is_none() {
        return Some("it is the file system's root".into());
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
        && abs == absolute(&home)
    {
        return Some("it is your home folder".into());
    }
    if root.starts_with(&abs) {
        return Some("it contains the site itself".into());
    }
    for input in ["content", "static", "templates", "themes"] {
        if abs.starts_with(root.join(input)) {
            return Some(format!("it is inside the site's {input}/ folder"));
        }
    }
    if abs.is_dir() && !abs.join(MARKER).is_file() {
        let empty = fs::read_dir(&abs)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Some("it is not empty and casebook did not create it".into());
        }
    }
    if abs.exists() && !abs.is_dir() {
        return Some("it is a file, not a folder".into());
    }
    None
}

/// Lexically absolute (no symlink resolution needed for these checks).
fn absolute(p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Writes `files` to `dir` atomically: a temporary sibling is filled, then
/// swapped in.
pub fn write(dir: &Path, root: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
    let staging = Staging::begin(dir, root)?;
    files.par_iter().try_for_each(|f| staging.put(f.clone()))?;
    staging.commit()
}

fn swap(dir: &Path, tmp: &Path, parent: &Path, name: &str) -> Result<(), Diagnostic> {
    if dir.exists() {
        let old = parent.join(format!(".{name}.casebook-old-{}", std::process::id()));
        fs::rename(dir, &old).map_err(|e| io_error(dir, "move the previous output aside", &e))?;
        if let Err(e) = fs::rename(tmp, dir) {
            let _ = fs::rename(&old, dir); // put the previous site back
            return Err(io_error(dir, "move the new output into place", &e));
        }
        if old.join(MARKER).is_file() {
            let _ = fs::remove_dir_all(&old);
        }
        Ok(())
    } else {
        fs::rename(tmp, dir).map_err(|e| io_error(dir, "move the new output into place", &e))
    }
}

/// Removes leftovers of killed builds (they carry the marker).
fn clean_stale(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefixes = [
        format!(".{name}.casebook-new-"),
        format!(".{name}.casebook-old-"),
    ];
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if prefixes.iter().any(|p| n.starts_with(p.as_str())) && e.path().join(MARKER).is_file() {
            let _ = fs::remove_dir_all(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_swaps_and_never_touches_foreign_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let out = root.join("public");
        write(
            &out,
            root,
            &[
                OutputFile::new("index.html", "one"),
                OutputFile::new("a/b/index.html", "two"),
            ],
        )
        .unwrap();
        assert_eq!(
            fs::read_to_string(out.join("a/b/index.html")).unwrap(),
            "two"
        );
        assert!(out.join(MARKER).is_file());
        write(&out, root, &[OutputFile::new("index.html", "three")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "three");
        assert!(
            !out.join("a").exists(),
            "stale files are gone after a rebuild"
        );
        let leftovers: Vec<_> = fs::read_dir(root)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");

        let foreign = root.join("mine");
        fs::create_dir(&foreign).unwrap();
        fs::write(foreign.join("notes.txt"), "keep").unwrap();
        let err = write(&foreign, root, &[OutputFile::new("index.html", "x")]).unwrap_err();
        assert!(err.message.contains("did not create"), "{err}");
        assert_eq!(
            fs::read_to_string(foreign.join("notes.txt")).unwrap(),
            "keep"
        );
    }

    #[test]
    fn dangerous_folders_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        assert!(refuse_reason(Path::new("/"), root).is_some());
        assert!(
            refuse_reason(root, root)
                .unwrap()
                .contains("contains the site")
        );
        assert!(
            refuse_reason(&root.join("content/out"), root)
                .unwrap()
                .contains("content/")
        );
        assert!(refuse_reason(&root.join("public"), root).is_none());
        if let Some(home) = std::env::var_os("HOME") {
            assert!(refuse_reason(Path::new(&home), Path::new("/nonexistent/site")).is_some());
        }
    }

    #[test]
    fn minify_shrinks_html_only() {
        let mut files = vec![
            OutputFile::new(
                "a.html",
                "<!doctype html>\n<html>\n  <body>\n    <p>  Hi  </p>\n  </body>\n</html>\n",
            ),
            OutputFile::new("a.xml", "<a>\n  <b/>\n</a>\n"),
        ];
        minify(&mut files);
        assert!(
            files[0].bytes.len() < 60,
            "{}",
            String::from_utf8_lossy(&files[0].bytes)
        );
        assert_eq!(files[1].bytes, b"<a>\n  <b/>\n</a>\n");
    }
}
