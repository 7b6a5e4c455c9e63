//! What each page's Markdown rendered to last time, kept by `serve`
//! between rebuilds (#17), with every question the render asked the site.
//!
//! A page's Markdown is a pure function of its file's text, its path, the
//! render options and the answers of its [`Resolve`]r (where an `@` link
//! or a local file points, a theme string). So a page whose text is
//! unchanged is not rendered again when asking the same questions again
//! gets the same answers: the classic "verifying trace" of build systems
//! (Mokhov, Mitchell and Peyton Jones, *Build systems à la carte*). Asking
//! again costs a few map lookups, far less than parsing, and it catches
//! every change the page depends on, including the ones nobody listed (a
//! page it links to renamed, an image replaced, a string translated):
//! there is no dependency list to forget, so a stale page cannot come out.
//!
//! `serve` keeps the memo in memory. `build` keeps it between runs in a
//! file in the spare folder (`kept`): the same entries, under a key that
//! also names the edition, and only those of pages that rendered without a
//! problem and whose answers were all found (a problem is reported again).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use super::kept::{Digest, Kept};
use super::links::Resolve;
use super::local::{Local, LocalKind};
use super::{RenderOptions, Rendered, render};
use crate::diagnostics::{Diagnostic, Problem};

/// One question a render asked, with the answer it got.
#[derive(Debug, Clone, PartialEq)]
enum Asked {
    Resolve(String, Result<String, Problem>),
    Local(PathBuf, String, LocalKind, Option<Result<Local, Problem>>),
    String(String, Option<String>),
}

impl Asked {
    /// Asks `resolver` the same question: is the answer still the same?
    fn holds(&self, resolver: &dyn Resolve) -> bool {
        match self {
            Asked::Resolve(target, answer) => resolver.resolve(target) == *answer,
            Asked::Local(file, path, kind, answer) => resolver.local(file, path, *kind) == *answer,
            Asked::String(key, answer) => resolver.string(key) == answer.as_deref(),
        }
    }
}

/// An [`Asked`] as the kept file saves it: only questions that were
/// answered, so no [`Problem`] is ever saved.
#[derive(Serialize, Deserialize)]
enum Saved {
    Resolve(String, String),
    Local(PathBuf, String, LocalKind, Option<Local>),
    String(String, Option<String>),
}

impl Asked {
    fn saved(&self) -> Option<Saved> {
        Some(match self {
            Asked::Resolve(target, answer) => {
                Saved::Resolve(target.clone(), answer.as_ref().ok()?.clone())
            }
            Asked::Local(file, path, kind, answer) => {
                let answer = match answer {
                    Some(a) => Some(a.as_ref().ok()?.clone()),
                    None => None,
                };
                Saved::Local(file.clone(), path.clone(), *kind, answer)
            }
            Asked::String(key, answer) => Saved::String(key.clone(), answer.clone()),
        })
    }
}

impl From<Saved> for Asked {
    fn from(s: Saved) -> Asked {
        match s {
            Saved::Resolve(target, url) => Asked::Resolve(target, Ok(url)),
            Saved::Local(file, path, kind, answer) => {
                Asked::Local(file, path, kind, answer.map(Ok))
            }
            Saved::String(key, answer) => Asked::String(key, answer),
        }
    }
}

/// A resolver that writes down every question and answer.
struct Recorder<'a> {
    inner: &'a dyn Resolve,
    asked: Mutex<Vec<Asked>>,
}

impl Recorder<'_> {
    fn note(&self, a: Asked) {
        self.asked.lock().unwrap_or_else(|e| e.into_inner()).push(a);
    }
}

impl Resolve for Recorder<'_> {
    fn resolve(&self, target: &str) -> Result<String, Problem> {
        let answer = self.inner.resolve(target);
        self.note(Asked::Resolve(target.to_owned(), answer.clone()));
        answer
    }

    fn local(&self, file: &Path, path: &str, kind: LocalKind) -> Option<Result<Local, Problem>> {
        let answer = self.inner.local(file, path, kind);
        self.note(Asked::Local(
            file.to_path_buf(),
            path.to_owned(),
            kind,
            answer.clone(),
        ));
        answer
    }

    fn string(&self, key: &str) -> Option<&str> {
        let answer = self.inner.string(key);
        self.note(Asked::String(key.to_owned(), answer.map(str::to_owned)));
        answer
    }
}

/// What [`Memo::files_named`] gives: compared, never read. Two are equal
/// when they name the same files with the same answers, however often.
#[derive(Debug)]
pub struct FilesNamed(Vec<Asked>);

impl PartialEq for FilesNamed {
    fn eq(&self, other: &Self) -> bool {
        let within = |a: &[Asked], b: &[Asked]| a.iter().all(|x| b.contains(x));
        within(&self.0, &other.0) && within(&other.0, &self.0)
    }
}

struct Entry {
    /// A hash of everything but the resolver's answers: text, path, first
    /// line and options.
    key: crate::hash::Digest,
    asked: Vec<Asked>,
    rendered: Rendered,
    problems: Vec<Diagnostic>,
}

/// Rendered pages by edition and file, shared by the render's threads.
#[derive(Default)]
pub struct Memo {
    entries: Mutex<HashMap<(String, PathBuf), Entry>>,
    /// `build`'s file, and where this build writes it; then `entries`
    /// stays empty.
    kept: Option<(Kept, PathBuf)>,
}

fn key_of(
    text: &str,
    first_line: usize,
    path: &Path,
    file_text: &str,
    o: RenderOptions,
) -> crate::hash::Digest {
    // The body is the end of the file's text: where it starts says as much
    // as its bytes, and its bytes need not be hashed twice (10,000 pages:
    // 80 MB fewer).
    let at;
    let body = match body_offset(text, file_text) {
        Some(offset) => {
            at = offset.to_le_bytes();
            &at[..]
        }
        None => text.as_bytes(),
    };
    let file = crate::hash::digest(file_text.as_bytes());
    key_from(path, &file, body, first_line, o)
}

/// [`key_of`] from the digest of the file's text (`file`) and where the
/// body starts in it, or the body's bytes: a key that needs no text, for a
/// render read back without reading the file again.
fn key_from(
    path: &Path,
    file: &crate::hash::Digest,
    body: &[u8],
    first_line: usize,
    o: RenderOptions,
) -> crate::hash::Digest {
    let mut h = crate::hash::Hasher::new();
    for part in [path.to_string_lossy().as_bytes(), &file[..], body] {
        h.piece(part);
    }
    h.update(&(first_line as u64).to_le_bytes());
    h.update(&[
        u8::from(o.escape_html),
        u8::from(o.anchors),
        u8::from(o.sections),
        u8::from(o.html),
    ]);
    h.finish()
}

/// Where `text` starts in `file_text`, if it is the end of it (the same
/// bytes, not a copy).
fn body_offset(text: &str, file_text: &str) -> Option<u64> {
    let at = (text.as_ptr() as usize).checked_sub(file_text.as_ptr() as usize)?;
    (at + text.len() == file_text.len()).then_some(at as u64)
}

impl Memo {
    /// `build`'s memo: the file an earlier build left at `old`, and this
    /// build's written at `new` (see [`Memo::finish`]).
    pub fn kept(old: &Path, new: &Path) -> Memo {
        Memo {
            entries: Mutex::default(),
            kept: Some((Kept::open(old, new), new.to_path_buf())),
        }
    }

    /// Saves `build`'s memo for the next build; returns how many pages
    /// were read back from the last build and how many rendered.
    pub fn finish(&self) -> Option<[usize; 2]> {
        self.kept.as_ref().map(|(k, new)| k.finish(new))
    }

    /// [`render`], or what it gave last time for the same page of edition
    /// `edition` when nothing it depends on changed.
    pub fn render(
        &self,
        edition: &str,
        (text, first_line): (&str, usize),
        path: &Path,
        file_text: &str,
        opts: RenderOptions,
        resolver: &dyn Resolve,
    ) -> ((Rendered, Vec<Diagnostic>), bool) {
        let key = key_of(text, first_line, path, file_text, opts);
        if let Some((kept, _)) = &self.kept {
            let key = kept.key(&[edition.as_bytes(), &key]);
            if let Some(rendered) = read_back(kept, &key, resolver) {
                return ((rendered, Vec::new()), true);
            }
            let (asked, rendered, problems) =
                recorded(text, first_line, path, file_text, opts, resolver);
            let saved: Option<Vec<Saved>> = asked.iter().map(Asked::saved).collect();
            let bytes = saved
                .filter(|_| problems.is_empty())
                .and_then(|saved| postcard::to_allocvec(&(saved, &rendered)).ok());
            kept.made(key, bytes.as_deref());
            return ((rendered, problems), false);
        }
        let slot = (edition.to_owned(), path.to_path_buf());
        let last = self.lock().remove(&slot);
        if let Some(e) = last.filter(|e| e.key == key && e.asked.iter().all(|a| a.holds(resolver)))
        {
            let out = (e.rendered.clone(), e.problems.clone());
            self.lock().insert(slot, e);
            return (out, true);
        }
        let (asked, rendered, problems) =
            recorded(text, first_line, path, file_text, opts, resolver);
        let entry = Entry {
            key,
            asked,
            rendered: rendered.clone(),
            problems: problems.clone(),
        };
        self.lock().insert(slot, entry);
        ((rendered, problems), false)
    }

    /// What `build`'s memo kept of page `path` of `edition`, rendered from
    /// a file whose text has the digest `file` and whose body starts at
    /// byte `body_start`, on line `first_line`, if the site still gives
    /// every answer it was rendered with; `None` if it kept nothing sound.
    /// It needs no text: a large site's render gets a page's body without
    /// reading its file again (#17).
    pub fn kept_render(
        &self,
        edition: &str,
        path: &Path,
        (file, body_start, first_line): (&crate::hash::Digest, usize, usize),
        opts: RenderOptions,
        resolver: &dyn Resolve,
    ) -> Option<Rendered> {
        let (kept, _) = self.kept.as_ref()?;
        let at = (body_start as u64).to_le_bytes();
        let key = key_from(path, file, &at, first_line, opts);
        read_back(kept, &kept.key(&[edition.as_bytes(), &key]), resolver)
    }

    /// The local files (images, page assets) the last render of `path` in
    /// `edition` asked about, with the answers: a page whose new render
    /// names the same files shows no image the site did not already show.
    pub fn files_named(&self, edition: &str, path: &Path) -> Option<FilesNamed> {
        let entries = self.lock();
        let e = entries.get(&(edition.to_owned(), path.to_path_buf()))?;
        let named = e
            .asked
            .iter()
            .filter(|a| matches!(a, Asked::Local(..)))
            .cloned()
            .collect();
        Some(FilesNamed(named))
    }

    /// Forgets the pages of `edition` not in `keep` (deleted or renamed
    /// files), so the memo does not grow with every rename.
    pub fn retain(&self, edition: &str, keep: &dyn Fn(&Path) -> bool) {
        self.lock()
            .retain(|(e, path), _| e != edition || keep(path));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(String, PathBuf), Entry>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The render `kept` holds under `key`, if it decodes and `resolver` still
/// gives every answer it was rendered with; it is then kept for the next
/// build.
fn read_back(kept: &Kept, key: &Digest, resolver: &dyn Resolve) -> Option<Rendered> {
    let (row, bytes) = kept.read(key)?;
    let (asked, rendered): (Vec<Saved>, Rendered) = postcard::from_bytes(&bytes).ok()?;
    if !asked.into_iter().all(|a| Asked::from(a).holds(resolver)) {
        return None;
    }
    kept.used(*key, row, &bytes);
    Some(rendered)
}

/// [`render`], with every question it asked and the answer it got.
fn recorded(
    text: &str,
    first_line: usize,
    path: &Path,
    file_text: &str,
    opts: RenderOptions,
    resolver: &dyn Resolve,
) -> (Vec<Asked>, Rendered, Vec<Diagnostic>) {
    let recorder = Recorder {
        inner: resolver,
        asked: Mutex::new(Vec::new()),
    };
    let (rendered, problems) = render(text, first_line, path, file_text, opts, &recorder);
    let asked = recorder
        .asked
        .into_inner()
        .unwrap_or_else(|e| e.into_inner());
    (asked, rendered, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;

    /// Resolves `@/a.md` to `url`, and counts nothing else.
    struct One {
        url: &'static str,
    }

    impl Resolve for One {
        fn resolve(&self, target: &str) -> Result<String, Problem> {
            if target == "@/a.md" {
                Ok(self.url.to_owned())
            } else {
                Err(Problem::new(Code::LinkMissingPage, "no such page"))
            }
        }
    }

    fn render_with(memo: &Memo, text: &str, url: &'static str) -> (String, bool) {
        let ((r, _), reused) = memo.render(
            "en",
            (text, 1),
            Path::new("content/b.md"),
            text,
            RenderOptions::default(),
            &One { url },
        );
        (String::clone(&r.html), reused)
    }

    #[test]
    fn the_same_text_and_answers_are_not_rendered_again() {
        let memo = Memo::default();
        let (first, reused) = render_with(&memo, "See [a](@/a.md).", "/a/");
        assert!(!reused);
        let (second, reused) = render_with(&memo, "See [a](@/a.md).", "/a/");
        assert!(reused);
        assert_eq!(first, second);
    }

    #[test]
    fn a_changed_answer_renders_again() {
        let memo = Memo::default();
        render_with(&memo, "See [a](@/a.md).", "/a/");
        let (html, reused) = render_with(&memo, "See [a](@/a.md).", "/renamed/");
        assert!(!reused);
        assert!(html.contains("/renamed/"), "{html}");
    }

    #[test]
    fn a_body_is_known_by_where_it_starts_only_when_it_ends_the_file() {
        let file = "---\ntitle: A\n---\nBody.";
        let at = file.find("Body").unwrap();
        assert_eq!(body_offset(&file[at..], file), Some(at as u64));
        // A copy, or a piece that stops short, is hashed by its bytes.
        let copy = String::from(&file[at..]);
        assert_eq!(body_offset(&copy, file), None);
        assert_eq!(body_offset(&file[at..file.len() - 1], file), None);
        assert_ne!(
            key_of(
                &file[at..],
                1,
                Path::new("a.md"),
                file,
                RenderOptions::default()
            ),
            key_of(
                &file[at + 1..],
                1,
                Path::new("a.md"),
                file,
                RenderOptions::default()
            ),
        );
    }

    /// One `build`: renders `text` with the memo kept in `dir`.
    fn build_with(dir: &Path, text: &str, url: &'static str) -> (String, bool, [usize; 2]) {
        let (old, new) = (dir.join("kept"), dir.join("kept.new"));
        let memo = Memo::kept(&old, &new);
        let (html, reused) = render_with(&memo, text, url);
        let counts = memo.finish().unwrap();
        std::fs::rename(&new, &old).unwrap();
        (html, reused, counts)
    }

    #[test]
    fn a_kept_render_is_read_back_while_its_answers_hold() {
        let dir = tempfile::tempdir().unwrap();
        let text = "See [a](@/a.md).";
        let (first, reused, counts) = build_with(dir.path(), text, "/a/");
        assert!(!reused);
        assert_eq!(counts, [0, 1]);
        let (second, reused, counts) = build_with(dir.path(), text, "/a/");
        assert!(reused);
        assert_eq!(counts, [1, 0]);
        assert_eq!(first, second);
        let (moved, reused, _) = build_with(dir.path(), text, "/moved/");
        assert!(!reused);
        assert!(moved.contains("/moved/"), "{moved}");
    }

    #[test]
    fn a_render_with_a_problem_is_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let text = "See [b](@/missing.md).";
        build_with(dir.path(), text, "/a/");
        let (_, reused, counts) = build_with(dir.path(), text, "/a/");
        assert!(!reused, "its problem must be reported again");
        assert_eq!(counts, [0, 1]);
    }

    #[test]
    fn a_changed_text_renders_again() {
        let memo = Memo::default();
        render_with(&memo, "One.", "/a/");
        let (html, reused) = render_with(&memo, "Two.", "/a/");
        assert!(!reused);
        assert!(html.contains("Two."), "{html}");
    }
}
