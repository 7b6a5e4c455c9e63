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

use crate::artifact::{Collect, OutputFile, PageKey, Sink};
use crate::diagnostics::{Code, Diagnostic, io_error};

mod image_cache;
mod link_cache;
mod memo;
mod shared;
pub use image_cache::{image_cache_dir, store_image_cache};
pub use link_cache::write_link_cache;
use memo::{Digest, Memo, Stamp};

/// The marker casebook writes into each output folder it creates.
pub const MARKER: &str = ".casebook-output";
const MARKER_TEXT: &str =
    "This folder was written by casebook. casebook may delete and rewrite it on the next build.\n";

/// A sink that writes over an earlier build's files, and may keep those
/// whose minified bytes it already has.
pub trait Store: Sink {
    /// The memo of what earlier builds' pages minified to, if this store
    /// writes over an earlier build's files.
    fn memo(&self) -> Option<&Memo> {
        None
    }

    /// Keeps, as this build's output, the file an earlier build left at
    /// `path` if its bytes have the digest `minified`; returns its size if
    /// it did.
    fn keep(&self, _path: &str, _minified: &Digest) -> Option<usize> {
        None
    }

    /// How many of the files [`Store::keep`] kept were known unchanged by
    /// their stamp, without reading them.
    fn kept_by_stamp(&self) -> usize {
        0
    }

    /// Where a cache named `name` that the spare keeps is: the file an
    /// earlier build left (it may be missing), and the path this build
    /// writes its own at, which the next spare keeps once the new output
    /// is in place. `None`: nothing is kept between builds.
    fn kept_file(&self, _name: &str) -> Option<(PathBuf, PathBuf)> {
        None
    }
}

/// Memory keeps nothing from an earlier build.
impl Store for Collect {}

/// Minifies HTML (if asked), refuses two files at one path, counts what
/// passes, and hands each file on.
pub struct Tracked<'a> {
    inner: &'a dyn Store,
    minify: Option<minify_html::Cfg>,
    shared: shared::SharedRegions,
    paths: Mutex<HashSet<String>>,
    pub pages: AtomicUsize,
    pub files: AtomicUsize,
    pub bytes: AtomicUsize,
    /// Pages whose minified form an earlier build left in place (the memo).
    pub kept: AtomicUsize,
    /// Of those, the pages kept without running their template
    /// ([`Sink::keep_rendered`]).
    pub unrendered: AtomicUsize,
}

impl<'a> Tracked<'a> {
    pub fn new(inner: &'a dyn Store, minify: bool) -> Self {
        Tracked {
            inner,
            minify: minify.then(minify_config),
            shared: shared::SharedRegions::default(),
            paths: Mutex::new(HashSet::new()),
            pages: AtomicUsize::new(0),
            files: AtomicUsize::new(0),
            bytes: AtomicUsize::new(0),
            kept: AtomicUsize::new(0),
            unrendered: AtomicUsize::new(0),
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
                Code::OutputCollision,
                format!("static/{}", file.path),
                format!("two outputs would be written to `{}`", file.path),
            )
            .hint("a static file has the same path as a generated page; rename or move it"));
        }
        if file.is_html() {
            self.pages.fetch_add(1, Ordering::Relaxed);
            if let Some(cfg) = &self.minify {
                let memo = self.inner.memo().map(|m| (m, m.input_digest(&file.bytes)));
                if let Some((m, input)) = memo
                    && let Some(minified) = m.lookup(&input)
                    && let Some(size) = self.inner.keep(&file.path, &minified)
                {
                    m.record(input, minified);
                    if let Some(key) = file.key {
                        m.record(key, minified);
                    }
                    self.count_kept(size);
                    return Ok(());
                }
                file.bytes = std::sync::Arc::new(self.shared.minify(&file.bytes, cfg));
                if let Some((m, input)) = memo {
                    let minified = memo::digest(&file.bytes);
                    m.record(input, minified);
                    if let Some(key) = file.key {
                        m.record(key, minified);
                    }
                }
            }
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(file.bytes.len(), Ordering::Relaxed);
        self.inner.put(file)
    }

    /// Only minified pages are memoised: a key stands for a page as it
    /// comes out of the template, which the memo maps to its minified
    /// digest like the page's own bytes.
    fn keeps_rendered(&self) -> bool {
        self.minify.is_some() && self.inner.memo().is_some()
    }

    /// Keeps the earlier build's page made from the same `key`, as
    /// [`Store::keep`] keeps a page that minifies to the same bytes: only
    /// if the file there has exactly the minified digest the memo names.
    fn keep_rendered(&self, path: &str, key: &PageKey) -> bool {
        if self.minify.is_none() || !path.ends_with(".html") {
            return false;
        }
        let Some(m) = self.inner.memo() else {
            return false;
        };
        // A path already taken is left to `put`, which reports it.
        let taken = self.paths.lock().map(|p| p.contains(path)).unwrap_or(true);
        if taken {
            return false;
        }
        let Some(minified) = m.lookup(key) else {
            return false;
        };
        let Some(size) = self.inner.keep(path, &minified) else {
            return false;
        };
        let fresh = self
            .paths
            .lock()
            .map(|mut p| p.insert(path.to_owned()))
            .unwrap_or(false);
        m.record(*key, minified);
        self.pages.fetch_add(1, Ordering::Relaxed);
        self.unrendered.fetch_add(1, Ordering::Relaxed);
        self.count_kept(size);
        // Taken meanwhile by another file: `put` of the page reports the
        // collision, as it would have.
        fresh
    }
}

impl Tracked<'_> {
    fn count_kept(&self, size: usize) {
        self.kept.fetch_add(1, Ordering::Relaxed);
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(size, Ordering::Relaxed);
    }
}

/// What `minify_config` sets, and the minify-html version: it salts the
/// minify memo, so a change to either forgets what earlier builds made.
/// A test checks the version against Cargo.lock.
const MINIFY_SETTINGS: &str =
    "minify-html 0.18.1; keep_closing_tags; keep_html_and_head_opening_tags; keep doctype";

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
        f.bytes = std::sync::Arc::new(minify_html::minify(&f.bytes, &cfg));
    });
}

/// A new output being written into a temporary sibling of the real folder;
/// `commit` swaps it in.
///
/// The folder it replaces is not deleted: it is kept beside it as a marked,
/// hidden spare (`.public.casebook-spare`), and the next build writes into
/// that spare. A file that did not change since then is compared and left
/// alone, and a changed one is rewritten in place, so a rebuild creates and
/// deletes almost no files or folders. On the slow disks of CI machines,
/// creating and deleting the 22,000 files and folders of a 10,000-page site
/// cost more than rendering it.
pub struct Staging {
    dir: PathBuf,
    tmp: PathBuf,
    parent: PathBuf,
    name: String,
    /// Folders known to exist in `tmp`.
    dirs: Mutex<HashSet<PathBuf>>,
    /// Whether `tmp` is a reused earlier output (else it started empty).
    reused: bool,
    /// The files a reused folder held, listed by a thread of its own while
    /// the site is built (a walk of a large site takes a tenth of a second).
    listing: Option<std::thread::JoinHandle<Vec<PathBuf>>>,
    /// Every path written (relative, with `/`), to prune the rest at the end.
    written: Mutex<HashSet<String>>,
    /// Files that already held the right bytes.
    pub unchanged: AtomicUsize,
    /// Of the pages kept, those trusted by their stamp without reading.
    pub stamped: AtomicUsize,
    /// What earlier builds' pages minified to; saved with the spare.
    memo: Memo,
    /// Whether the memo can pay: there is an earlier output to keep pages
    /// from, or there will be a spare to save it in. A first build into an
    /// empty folder has neither, and hashing every page would be waste.
    memo_useful: bool,
    /// When this build began, in Unix seconds: a kept file is stamped only
    /// if its times are well before it ([`Stamp::settled`]).
    started: i64,
    /// The caches this build writes for the spare ([`Store::kept_file`]).
    kept_files: Mutex<Vec<String>>,
    committed: bool,
}

/// The hidden sibling that keeps the previous output for reuse.
pub fn spare_name(name: &str) -> String {
    format!(".{name}.casebook-spare")
}

impl Staging {
    /// Checks `dir` is safe to replace and prepares the temporary folder:
    /// the spare of an earlier build if there is one, else a new folder.
    pub fn begin(dir: &Path, root: &Path) -> Result<Staging, Diagnostic> {
        if let Some(reason) = refuse_reason(dir, root) {
            return Err(Diagnostic::new(Code::OutputRefused,
                absolute(dir),
                format!("refusing to write the site here: {reason}"),
            )
            .hint(
                "casebook only replaces folders it made (they hold a .casebook-output file); \
                 pick a new folder with --output-dir or `output_dir` in site.toml, or empty this one yourself",
            ));
        }
        let dir = absolute(dir);
        let parent = dir.parent().map(Path::to_path_buf).unwrap_or_default();
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        fs::create_dir_all(&parent)
            .map_err(|e| io_error(Code::OutputWriteFailed, &parent, "create the folder", &e))?;
        let tmp = parent.join(format!(".{name}.casebook-new-{}", std::process::id()));
        let reused = reuse_leftover(&parent, &name, &tmp);
        if !reused {
            fs::create_dir_all(&tmp)
                .map_err(|e| io_error(Code::OutputWriteFailed, &tmp, "create the folder", &e))?;
            fs::write(tmp.join(MARKER), MARKER_TEXT).map_err(|e| {
                io_error(Code::OutputWriteFailed, &tmp, "write the marker file", &e)
            })?;
        }
        let memo_useful = reused || dir.join(MARKER).is_file();
        let memo = Memo::new(MINIFY_SETTINGS).load(&tmp);
        // The memo is not part of the output.
        let _ = fs::remove_file(tmp.join(memo::FILE));
        let listing = reused.then(|| {
            let tmp = tmp.clone();
            std::thread::spawn(move || list_files(&tmp))
        });
        Ok(Staging {
            dir,
            tmp,
            parent,
            name,
            dirs: Mutex::new(HashSet::new()),
            reused,
            listing,
            written: Mutex::new(HashSet::new()),
            unchanged: AtomicUsize::new(0),
            stamped: AtomicUsize::new(0),
            memo,
            memo_useful,
            started: unix_now(),
            kept_files: Mutex::new(Vec::new()),
            committed: false,
        })
    }

    /// Removes what the reused folder held that this build did not write,
    /// then swaps the new output in for the old one.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        if let Some(listing) = self.listing.take() {
            let written = std::mem::take(&mut *self.written.lock().map_err(|_| {
                Diagnostic::new(
                    Code::Internal,
                    &self.tmp,
                    "internal error: output lock poisoned",
                )
            })?);
            // A listing that failed (it cannot, short of a panic) prunes nothing.
            prune(&self.tmp, listing.join().unwrap_or_default(), &written);
        }
        swap(&self.dir, &self.tmp, &self.parent, &self.name)?;
        self.committed = true;
        let spare = self.parent.join(spare_name(&self.name));
        let has_spare = spare.join(MARKER).is_file();
        if has_spare {
            self.memo.save(&spare, false);
        }
        // The caches go from the new output to the spare at once: they are
        // never deployed, and without a spare there is nowhere to keep them.
        for name in self
            .kept_files
            .get_mut()
            .map(std::mem::take)
            .unwrap_or_default()
        {
            let written = self.dir.join(kept_file_new(&name));
            if !has_spare || fs::rename(&written, spare.join(&name)).is_err() {
                let _ = fs::remove_file(&written);
            }
        }
        Ok(())
    }

    /// Makes sure the folder `dir` (inside `tmp`) exists. In a reused folder
    /// a stale file or a link may stand where a folder is now needed: it
    /// goes first ([`Staging::real_folders`]).
    fn ensure_dir(&self, dir: &Path) -> Result<(), Diagnostic> {
        if self.knows(dir) || (self.reused && self.real_folders(dir)) {
            return Ok(());
        }
        fs::create_dir_all(dir)
            .map_err(|e| io_error(Code::OutputWriteFailed, dir, "create the folder", &e))?;
        self.remember(dir);
        Ok(())
    }

    fn knows(&self, dir: &Path) -> bool {
        self.dirs.lock().map(|d| d.contains(dir)).unwrap_or(false)
    }

    fn remember(&self, dir: &Path) {
        if let Ok(mut d) = self.dirs.lock() {
            d.insert(dir.to_path_buf());
        }
    }

    /// In a reused folder: whether `dir` and each folder above it, up to
    /// `tmp`, is a real folder. A file or a link standing where a folder
    /// goes is removed (it is inside the marked folder casebook made), so
    /// that nothing is ever written through a link; the caller then makes
    /// the missing folders.
    fn real_folders(&self, dir: &Path) -> bool {
        let chain: Vec<&Path> = dir
            .ancestors()
            .take_while(|a| *a != self.tmp && a.starts_with(&self.tmp))
            .collect();
        for folder in chain.into_iter().rev() {
            if self.knows(folder) {
                continue;
            }
            match fs::symlink_metadata(folder) {
                Ok(m) if m.is_dir() => self.remember(folder),
                Ok(_) => {
                    let _ = fs::remove_file(folder);
                    return false;
                }
                Err(_) => return false,
            }
        }
        true
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) -> Result<(), Diagnostic> {
        let path = self.tmp.join(&file.path);
        if let Some(parent) = path.parent() {
            self.ensure_dir(parent)?;
        }
        if self.reused {
            if let Ok(mut w) = self.written.lock() {
                w.insert(file.path.clone());
            }
            match update_in_place(&path, &file.bytes) {
                Ok(true) => {
                    self.unchanged.fetch_add(1, Ordering::Relaxed);
                    return Ok(());
                }
                Ok(false) => return Ok(()),
                // A stale folder, or a link, where the file goes: it is
                // inside the marked folder casebook made, so it may go. A
                // link is removed, never followed.
                Err(_) => match fs::symlink_metadata(&path) {
                    Ok(m) if m.is_dir() => {
                        let _ = fs::remove_dir_all(&path);
                    }
                    Ok(m) if m.file_type().is_symlink() => {
                        let _ = fs::remove_file(&path);
                    }
                    _ => {}
                },
            }
        }
        fs::write(&path, file.bytes.as_slice())
            .map_err(|e| io_error(Code::OutputWriteFailed, &path, "write the file", &e))
    }
}

impl Store for Staging {
    fn memo(&self) -> Option<&Memo> {
        self.memo_useful.then_some(&self.memo)
    }

    fn keep(&self, path: &str, minified: &Digest) -> Option<usize> {
        if !self.reused {
            return None;
        }
        let path_in = self.tmp.join(path);
        // Read nothing through a link: the folders above must be real too.
        self.ensure_dir(path_in.parent()?).ok()?;
        let meta = fs::symlink_metadata(&path_in).ok()?;
        if !meta.is_file() {
            return None;
        }
        // Taken before the read: a write after it changes the stamp.
        let stamp = Stamp::of(&meta);
        let size = match stamp {
            Some(stamp) if self.memo.unchanged(path, minified, &stamp) => {
                self.stamped.fetch_add(1, Ordering::Relaxed);
                meta.len() as usize
            }
            _ => {
                let bytes = fs::read(&path_in).ok()?;
                if memo::digest(&bytes) != *minified {
                    return None;
                }
                bytes.len()
            }
        };
        if let Some(stamp) = stamp.filter(|s| s.settled(self.started)) {
            self.memo.stamp(path, *minified, stamp);
        }
        if let Ok(mut w) = self.written.lock() {
            w.insert(path.to_owned());
        }
        self.unchanged.fetch_add(1, Ordering::Relaxed);
        Some(size)
    }

    fn kept_by_stamp(&self) -> usize {
        self.stamped.load(Ordering::Relaxed)
    }

    fn kept_file(&self, name: &str) -> Option<(PathBuf, PathBuf)> {
        if !self.memo_useful {
            return None;
        }
        let new = kept_file_new(name);
        // Written, so the pruning leaves it for `commit` to move.
        self.written.lock().ok()?.insert(new.clone());
        self.kept_files.lock().ok()?.push(name.to_owned());
        Some((self.tmp.join(name), self.tmp.join(new)))
    }
}

/// The time now in Unix seconds (0 if the clock is before 1970, which
/// stamps nothing).
fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The name a kept cache is written under in the new output.
fn kept_file_new(name: &str) -> String {
    format!("{name}.new")
}

impl Drop for Staging {
    /// An unfinished build's folder becomes the spare: the next build
    /// reuses what it can of it and prunes the rest.
    fn drop(&mut self) {
        if !self.committed && self.tmp.join(MARKER).is_file() {
            let spare = self.parent.join(spare_name(&self.name));
            if fs::rename(&self.tmp, &spare).is_ok() {
                self.memo.save(&spare, true);
            } else {
                let _ = fs::remove_dir_all(&self.tmp);
            }
        }
    }
}

/// Rewrites the file at `path` in place unless it already holds `bytes`;
/// returns whether it did. Fails if there is no such file, or if `path` is
/// a link, which must not be written through.
fn update_in_place(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    use std::io::{Read, Seek, Write};
    if !fs::symlink_metadata(path)?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let mut f = fs::OpenOptions::new().read(true).write(true).open(path)?;
    if f.metadata()?.len() == bytes.len() as u64 {
        let mut old = Vec::with_capacity(bytes.len());
        f.read_to_end(&mut old)?;
        if old == bytes {
            return Ok(true);
        }
        f.rewind()?;
    }
    f.set_len(0)?;
    f.write_all(bytes)?;
    Ok(false)
}

/// Every file (not folder) under `dir`.
///
/// Walking while the build writes is safe: the build only adds files, or
/// replaces a stale file or folder that stands in its way, and a listed
/// path that is gone by the end is skipped.
fn list_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .map(|e| e.into_path())
        .collect()
}

/// Deletes the `files` under `tmp` that are not in `written`, then the
/// folders that leaves empty. `tmp` is a marked folder casebook made.
fn prune(tmp: &Path, files: Vec<PathBuf>, written: &HashSet<String>) {
    let stale: Vec<PathBuf> = files
        .into_iter()
        .filter(|path| {
            let rel = crate::load::slash_rel(tmp, path);
            rel != MARKER && !written.contains(&rel)
        })
        .collect();
    stale.par_iter().for_each(|f| {
        let _ = fs::remove_file(f);
    });
    // Deepest first, so a folder's empty subfolders are gone before it.
    let mut dirs: Vec<&Path> = stale
        .iter()
        .flat_map(|f| f.ancestors().skip(1).take_while(|d| *d != tmp))
        .collect();
    dirs.sort_by(|a, b| (b.components().count(), b).cmp(&(a.components().count(), a)));
    dirs.dedup();
    for d in dirs {
        // Fails, as it should, while the folder still holds something.
        let _ = fs::remove_dir(d);
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
        fs::rename(dir, &old).map_err(|e| {
            io_error(
                Code::OutputWriteFailed,
                dir,
                "move the previous output aside",
                &e,
            )
        })?;
        if let Err(e) = fs::rename(tmp, dir) {
            let _ = fs::rename(&old, dir); // put the previous site back
            return Err(io_error(
                Code::OutputWriteFailed,
                dir,
                "move the new output into place",
                &e,
            ));
        }
        if old.join(MARKER).is_file() {
            // The previous output is kept as the spare the next build reuses.
            if fs::rename(&old, parent.join(spare_name(name))).is_err() {
                let _ = fs::remove_dir_all(&old);
            }
        } else {
            // An empty folder the user made (refuse_reason allows no other
            // unmarked folder): removing it loses nothing.
            let _ = fs::remove_dir(&old);
        }
        Ok(())
    } else {
        fs::rename(tmp, dir).map_err(|e| {
            io_error(
                Code::OutputWriteFailed,
                dir,
                "move the new output into place",
                &e,
            )
        })
    }
}

/// Takes over a marked folder left by an earlier build as `tmp`: the spare
/// if there is one, else the folder of a killed build. Other leftovers
/// (several killed builds) are removed. Returns whether one was taken.
fn reuse_leftover(parent: &Path, name: &str, tmp: &Path) -> bool {
    let Ok(entries) = fs::read_dir(parent) else {
        return false;
    };
    let spare = spare_name(name);
    let prefixes = [
        format!(".{name}.casebook-new-"),
        format!(".{name}.casebook-old-"),
    ];
    let mut found: Vec<PathBuf> = Vec::new();
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if !(n == spare || prefixes.iter().any(|p| n.starts_with(p.as_str()))) {
            continue;
        }
        if e.path().join(MARKER).is_file() {
            found.push(e.path());
        } else {
            // A build killed between making its folder and writing the
            // marker leaves it empty; removing an empty folder loses
            // nothing, and remove_dir refuses any other.
            let _ = fs::remove_dir(e.path());
        }
    }
    // The spare first: it is a whole earlier output.
    found.sort_by_key(|p| p.file_name().is_none_or(|n| n != spare.as_str()));
    let mut taken = false;
    for path in found {
        if !taken && fs::rename(&path, tmp).is_ok() {
            taken = true;
        } else {
            let _ = fs::remove_dir_all(&path);
        }
    }
    taken
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One build of `pages` through `Tracked` (minifying) into `out`;
    /// returns how many pages the memo kept.
    fn build_minified(out: &Path, root: &Path, pages: &[(&str, String)]) -> usize {
        build_later(out, root, pages, 0)[0]
    }

    /// [`build_minified`] in a build that takes its start to be `later`
    /// seconds from now, so that files written just before have settled
    /// times; returns how many pages were kept, and how many of them by
    /// their stamp.
    fn build_later(out: &Path, root: &Path, pages: &[(&str, String)], later: i64) -> [usize; 2] {
        let mut staging = Staging::begin(out, root).unwrap();
        staging.started += later;
        let tracked = Tracked::new(&staging, true);
        pages
            .par_iter()
            .try_for_each(|(path, html)| tracked.put(OutputFile::new(*path, html.clone())))
            .unwrap();
        let kept = tracked.kept.load(Ordering::Relaxed);
        let stamped = staging.stamped.load(Ordering::Relaxed);
        staging.commit().unwrap();
        [kept, stamped]
    }

    #[test]
    fn a_kept_file_is_trusted_by_its_stamp_only_until_it_is_written() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let out = root.join("public");
        let pages: Vec<(&str, String)> = (0..3)
            .map(|n| {
                let path = ["index.html", "a/index.html", "b/index.html"][n];
                (
                    path,
                    format!("<!doctype html><title>Page {n}</title><p>Text   {n}"),
                )
            })
            .collect();
        // Builds 1 and 2 write two folders. Build 3 reads build 1's files
        // back, but they were just written: none is stamped.
        build_minified(&out, root, &pages);
        build_minified(&out, root, &pages);
        assert_eq!(build_minified(&out, root, &pages), 3);
        // Build 4 reads build 2's files and, its start taken as a minute
        // on, stamps them; build 5 reads build 1's and stamps them too.
        assert_eq!(build_later(&out, root, &pages, 60), [3, 0]);
        assert_eq!(build_later(&out, root, &pages, 60), [3, 0]);
        // From build 6 on, the stamps are trusted: no file is read.
        assert_eq!(build_later(&out, root, &pages, 60), [3, 3]);
        assert_eq!(build_later(&out, root, &pages, 60), [3, 3]);

        // A write that keeps the size and puts the modification time back
        // still changes the change time: the file is read, and replaced.
        let spare = root.join(".public.casebook-spare");
        let file = spare.join("a/index.html");
        let before = fs::metadata(&file).unwrap().modified().unwrap();
        let bytes = fs::read(&file).unwrap();
        fs::write(&file, bytes.to_ascii_uppercase()).unwrap();
        fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(before)
            .unwrap();
        assert_eq!(build_later(&out, root, &pages, 60), [2, 2]);
        assert_eq!(fs::read(out.join("a/index.html")).unwrap(), bytes);
        // The page written again is read, not trusted, on its next reuse.
        assert_eq!(build_later(&out, root, &pages, 60), [3, 3]);
        assert_eq!(build_later(&out, root, &pages, 60), [3, 2]);
        assert_eq!(build_later(&out, root, &pages, 60), [3, 3]);
    }

    #[test]
    fn the_minify_memo_keeps_unchanged_pages_and_never_trusts_a_changed_file() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let out = root.join("public");
        let page = |n: usize| {
            format!(
                "<!doctype html><html><head><title>Page {n}</title></head><body>\n  <p class=\"x\">Text   {n}</p>\n</body></html>"
            )
        };
        let mut pages: Vec<(&str, String)> = vec![
            ("index.html", page(0)),
            ("a/index.html", page(1)),
            ("b/index.html", page(2)),
        ];
        let fresh = |pages: &[(&str, String)]| {
            let d = tempfile::tempdir().unwrap();
            let o = d.path().join("o");
            build_minified(&o, d.path(), pages);
            pages
                .iter()
                .map(|(p, _)| fs::read(o.join(p)).unwrap())
                .collect::<Vec<_>>()
        };
        let files = |pages: &[(&str, String)]| {
            pages
                .iter()
                .map(|(p, _)| fs::read(out.join(p)).unwrap())
                .collect::<Vec<_>>()
        };
        // Builds 1 and 2 write fresh folders; from build 3 on, the build
        // writes into the spare, where the memo knows every page.
        assert_eq!(build_minified(&out, root, &pages), 0);
        assert_eq!(build_minified(&out, root, &pages), 0);
        assert!(!out.join(memo::FILE).exists(), "the memo is not deployed");
        assert!(
            root.join(".public.casebook-spare")
                .join(memo::FILE)
                .is_file()
        );
        assert_eq!(build_minified(&out, root, &pages), 3);
        assert_eq!(files(&pages), fresh(&pages));
        assert!(!out.join(memo::FILE).exists());

        // An edited page is minified again; a file changed by hand in the
        // spare is not trusted, though the memo knows its page.
        pages[1].1 = page(11);
        let spare = root.join(".public.casebook-spare");
        fs::write(spare.join("b/index.html"), "tampered").unwrap();
        assert_eq!(build_minified(&out, root, &pages), 1);
        assert_eq!(files(&pages), fresh(&pages));
        assert_eq!(build_minified(&out, root, &pages), 2, "index and b");
        assert_eq!(files(&pages), fresh(&pages));
    }

    #[test]
    fn the_memo_salt_names_the_minify_html_version_in_cargo_lock() {
        let lock = include_str!("../Cargo.lock");
        let version = lock
            .split("[[package]]")
            .find(|p| p.contains("name = \"minify-html\"\n"))
            .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = ")))
            .map(|v| v.trim_matches('"'))
            .expect("minify-html in Cargo.lock");
        assert!(
            MINIFY_SETTINGS.starts_with(&format!("minify-html {version};")),
            "update MINIFY_SETTINGS for minify-html {version}"
        );
    }

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
        let mut leftovers: Vec<_> = fs::read_dir(root)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        leftovers.sort();
        assert_eq!(leftovers, [".public.casebook-spare", "public"]);
        assert!(root.join(".public.casebook-spare").join(MARKER).is_file());

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

    /// A rebuild reuses the spare: unchanged files keep their inode and
    /// bytes, stale files and folders go, and a file may replace a folder
    /// (or the other way round) between builds.
    #[cfg(unix)]
    #[test]
    fn rebuilds_reuse_the_spare_and_prune_it() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let out = root.join("public");
        let inode = |p: &str| fs::metadata(out.join(p)).unwrap().ino();
        let v1 = [
            OutputFile::new("index.html", "home"),
            OutputFile::new("a/index.html", "a"),
            OutputFile::new("gone/deep/index.html", "stale"),
            OutputFile::new("x", "a file that becomes a folder"),
            OutputFile::new("y/index.html", "a folder that becomes a file"),
        ];
        write(&out, root, &v1).unwrap();
        // The second build has no spare yet; the third reuses the first's folder.
        write(&out, root, &v1).unwrap();
        let home = inode("index.html");
        let v2 = [
            OutputFile::new("index.html", "home"),
            OutputFile::new("a/index.html", "a, changed"),
            OutputFile::new("x/index.html", "now a folder"),
            OutputFile::new("y", "now a file"),
        ];
        write(&out, root, &v2).unwrap();
        write(&out, root, &v2).unwrap();
        assert_eq!(inode("index.html"), home, "an unchanged file was recreated");
        let mut files: Vec<String> = walkdir::WalkDir::new(&out)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(&out).unwrap().to_string_lossy();
                format!("{rel}={}", fs::read_to_string(e.path()).unwrap())
            })
            .collect();
        files.sort();
        assert_eq!(
            files,
            [
                format!("{MARKER}={MARKER_TEXT}"),
                "a/index.html=a, changed".into(),
                "index.html=home".into(),
                "x/index.html=now a folder".into(),
                "y=now a file".into(),
            ]
        );
        assert!(!out.join("gone").exists(), "a stale folder was kept");
    }

    /// A failed build's folder becomes the spare; the output is untouched.
    #[test]
    fn an_unfinished_build_leaves_the_output_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let out = root.join("public");
        write(&out, root, &[OutputFile::new("index.html", "one")]).unwrap();
        {
            let staging = Staging::begin(&out, root).unwrap();
            staging.put(OutputFile::new("index.html", "half")).unwrap();
            // Dropped without commit, as when a build fails.
        }
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "one");
        assert!(root.join(".public.casebook-spare").join(MARKER).is_file());
        write(&out, root, &[OutputFile::new("index.html", "two")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "two");
    }

    /// A build killed between making its folder and writing the marker
    /// leaves an empty folder: the next build removes it. One that holds
    /// anything, without the marker, is not casebook's to remove.
    #[test]
    fn an_empty_unmarked_leftover_is_removed_a_full_one_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let out = root.join("public");
        write(&out, root, &[OutputFile::new("index.html", "one")]).unwrap();
        let empty = root.join(".public.casebook-new-4242");
        let full = root.join(".public.casebook-new-4343");
        fs::create_dir(&empty).unwrap();
        fs::create_dir(&full).unwrap();
        fs::write(full.join("notes.txt"), "mine").unwrap();
        write(&out, root, &[OutputFile::new("index.html", "two")]).unwrap();
        assert!(!empty.exists(), "the empty leftover is gone");
        assert_eq!(fs::read_to_string(full.join("notes.txt")).unwrap(), "mine");
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
        assert_eq!(&*files[1].bytes, b"<a>\n  <b/>\n</a>\n");
    }

    /// A link left in the spare is replaced by the file, never written
    /// through, whether the page is rewritten or kept through the memo.
    #[cfg(unix)]
    #[test]
    fn a_link_in_the_spare_is_replaced_not_followed() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let out = root.join("public");
        let pages = vec![
            ("index.html", "<p>home".to_owned()),
            ("a.html", "<p>a".to_owned()),
        ];
        for _ in 0..2 {
            build_minified(&out, root, &pages);
        }
        let spare = root.join(".public.casebook-spare");
        // Each link points at a file outside holding what the page would be.
        for name in ["index.html", "a.html"] {
            let outside = root.join(format!("outside-{name}"));
            fs::copy(spare.join(name), &outside).unwrap();
            fs::remove_file(spare.join(name)).unwrap();
            std::os::unix::fs::symlink(&outside, spare.join(name)).unwrap();
        }
        let mut changed = pages.clone();
        changed[1].1 = "<p>b".to_owned();
        assert_eq!(build_minified(&out, root, &changed), 0, "no link is kept");
        assert_eq!(
            fs::read(root.join("outside-index.html")).unwrap(),
            b"<p>home"
        );
        assert_eq!(
            fs::read(root.join("outside-a.html")).unwrap(),
            b"<p>a",
            "nothing written through"
        );
        for name in ["index.html", "a.html"] {
            assert!(fs::symlink_metadata(out.join(name)).unwrap().is_file());
        }
        assert_eq!(fs::read(out.join("a.html")).unwrap(), b"<p>b");

        // A link standing where a folder goes: replaced by a real folder,
        // with nothing read or written through it.
        let pages = vec![("d/index.html", "<p>d".to_owned())];
        for _ in 0..2 {
            build_minified(&out, root, &pages);
        }
        let outside = root.join("outside-d");
        fs::create_dir(&outside).unwrap();
        fs::copy(spare.join("d/index.html"), outside.join("index.html")).unwrap();
        fs::remove_dir_all(spare.join("d")).unwrap();
        std::os::unix::fs::symlink(&outside, spare.join("d")).unwrap();
        let changed = vec![("d/index.html", "<p>e".to_owned())];
        assert_eq!(build_minified(&out, root, &changed), 0);
        assert_eq!(fs::read(outside.join("index.html")).unwrap(), b"<p>d");
        assert!(fs::symlink_metadata(out.join("d")).unwrap().is_dir());
        assert_eq!(fs::read(out.join("d/index.html")).unwrap(), b"<p>e");
    }

    /// The minify memo trusts MINIFY_SETTINGS to change whenever the
    /// settings do: this pins what the settings make of a page that shows
    /// each one.
    #[test]
    fn the_minify_settings_are_the_ones_the_memo_salt_names() {
        let page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>T</title>\n</head>\n<body>\n<p class=\"a\">One</p>\n<ul><li>x</li></ul>\n</body>\n</html>\n";
        let out = minify_html::minify(page.as_bytes(), &minify_config());
        assert_eq!(
            String::from_utf8_lossy(&out),
            "<!doctype html><html lang=en><head><title>T</title></head><body><p class=a>One</p><ul><li>x</li></ul></body></html>",
            "minify_config changed: update MINIFY_SETTINGS so earlier builds' memos are not trusted"
        );
    }
}
