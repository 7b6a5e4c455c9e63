//! The quick way to take in a save (#17): most saves while writing change
//! a page's Markdown body and nothing any other page shows of it. Such a
//! page is rendered again alone, and the model takes its new rendering;
//! everything else stays as the last build made it.
//!
//! What other pages see of a page is its front matter (title, dates,
//! tags, weight, slug, aliases, sources…), its URL, its headings (the
//! table of contents and the ids links point at), its summary (listings'
//! descriptions), its reading time, and the files it shows (an image's
//! resized copies are written once for the whole site). [`redo_body`]
//! takes the quick way only when all of these are equal to the last
//! build's and the page renders without a problem; otherwise the caller
//! rebuilds everything. The property test in `tests/testsuite/incremental.rs`
//! holds the result to a clean build, byte for byte.

use super::links::check_anchors_of;
use super::pages::parse_page;
use super::{Assets, ExternalUse, Page, Site, render_options};
use crate::load::TextFile;
use crate::markdown::{self, Rendered};
use crate::text::reading_minutes;

/// Page `i` of `sites[e]`, whose file now reads `text`: when only its
/// Markdown body changed, and nothing another page shows of it, renders
/// it again, updates the model (the edition and the translations whose
/// stand-in it is) and returns the new body's HTML and the file's text
/// for the render. `None`: rebuild everything.
pub fn redo_body(
    sites: &mut [Site],
    e: usize,
    i: usize,
    text: String,
    assets: &Assets,
    memo: &markdown::Memo,
) -> Option<(std::sync::Arc<String>, String)> {
    let site = &sites[e];
    let old = site.pages.get(i).filter(|p| !p.fallback)?;
    let new = same_front(old, text)?;
    let edition = site.lang.code.clone();
    let files_before = memo.files_named(&edition, &old.file)?;
    let rendered = {
        let links = site.links(assets);
        let opts = render_options(&site.config);
        let body = (new.body(), new.body_line);
        let ((rendered, problems), _) =
            memo.render(&edition, body, &new.file, &new.text, opts, &links);
        if !problems.is_empty() {
            return None;
        }
        rendered
    };
    if memo.files_named(&edition, &old.file)? != files_before
        || !same_face(&old.rendered, &rendered)
    {
        return None;
    }
    // Only the text and its rendering change: everything else the page
    // has (URL, section, neighbours, git date) comes of its front matter
    // and path, which are unchanged.
    let site = &mut sites[e];
    let page = &mut site.pages[i];
    let previous = (
        std::mem::replace(&mut page.text, new.text),
        std::mem::replace(&mut page.rendered, rendered),
    );
    let mut problems = Vec::new();
    {
        let pages = &site.pages;
        let has = |t: usize, a: &str| pages[t].rendered.ids.iter().any(|id| id == a);
        check_anchors_of(i, pages, &site.by_path, &has, &mut problems);
    }
    if !problems.is_empty() {
        let page = &mut site.pages[i];
        (page.text, page.rendered) = previous;
        return None;
    }
    // `check --external` reads these, never a serve: their order may differ
    // from a clean build's.
    let page = &mut site.pages[i];
    site.external.retain(|u| u.file != page.file);
    site.external.extend(ExternalUse::all_in(
        &page.file,
        &page.text,
        &page.rendered.external,
    ));
    let html = std::mem::take(&mut page.rendered.html);
    let text = std::mem::take(&mut page.text);
    let (path, words) = (page.path.clone(), page.rendered.words);
    // A translation's stand-in copies what listings show of its original:
    // all equal but the word count, which only rounds to the same time.
    for other in sites.iter_mut().skip(1).filter(|_| e == 0) {
        if let Some(&j) = other.by_path.get(&path)
            && other.pages[j].fallback
        {
            other.pages[j].rendered.words = words;
        }
    }
    Some((html, text))
}

/// The page `old`'s file now reading `text`, if its front matter (and
/// where its body starts) is unchanged.
fn same_front(old: &Page, text: String) -> Option<Page> {
    let new = parse_page(TextFile {
        path: old.file.clone(),
        rel: old.path.clone(),
        text,
    })
    .ok()?;
    let same = new.fm == old.fm
        && new.body_line == old.body_line
        && new.body_start == old.body_start
        && new.is_section == old.is_section;
    same.then_some(new)
}

/// Whether another page would show `new` as it shows `old`: the same
/// headings and ids, summary and reading time.
fn same_face(old: &Rendered, new: &Rendered) -> bool {
    old.toc == new.toc
        && old.ids == new.ids
        && old.summary == new.summary
        && reading_minutes(old.words) == reading_minutes(new.words)
}
