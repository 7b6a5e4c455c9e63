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

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

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
    key: blake3::Hash,
    asked: Vec<Asked>,
    rendered: Rendered,
    problems: Vec<Diagnostic>,
}

/// Rendered pages by edition and file, shared by the render's threads.
#[derive(Default)]
pub struct Memo {
    entries: Mutex<HashMap<(String, PathBuf), Entry>>,
}

fn key_of(
    text: &str,
    first_line: usize,
    path: &Path,
    file_text: &str,
    o: RenderOptions,
) -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    for part in [
        path.to_string_lossy().as_bytes(),
        file_text.as_bytes(),
        text.as_bytes(),
    ] {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part);
    }
    h.update(&(first_line as u64).to_le_bytes());
    h.update(&[
        u8::from(o.escape_html),
        u8::from(o.anchors),
        u8::from(o.sections),
    ]);
    h.finalize()
}

impl Memo {
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
        let slot = (edition.to_owned(), path.to_path_buf());
        let last = self.lock().remove(&slot);
        if let Some(e) = last.filter(|e| e.key == key && e.asked.iter().all(|a| a.holds(resolver)))
        {
            let out = (e.rendered.clone(), e.problems.clone());
            self.lock().insert(slot, e);
            return (out, true);
        }
        let recorder = Recorder {
            inner: resolver,
            asked: Mutex::new(Vec::new()),
        };
        let (rendered, problems) = render(text, first_line, path, file_text, opts, &recorder);
        let entry = Entry {
            key,
            asked: recorder
                .asked
                .into_inner()
                .unwrap_or_else(|e| e.into_inner()),
            rendered: rendered.clone(),
            problems: problems.clone(),
        };
        self.lock().insert(slot, entry);
        ((rendered, problems), false)
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
        (r.html, reused)
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
    fn a_changed_text_renders_again() {
        let memo = Memo::default();
        render_with(&memo, "One.", "/a/");
        let (html, reused) = render_with(&memo, "Two.", "/a/");
        assert!(!reused);
        assert!(html.contains("Two."), "{html}");
    }
}
