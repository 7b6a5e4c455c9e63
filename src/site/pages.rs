//! Content pages in the model: front matter parsed, URLs given (and
//! checked for collisions and reserved paths), sections linked to their
//! pages in order, aliases checked.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use super::Page;
use super::urls::{alias_path, reserved, url_for};
use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::frontmatter;
use crate::load::TextFile;
use crate::markdown::Rendered;

/// A page file's front matter and body, not yet placed in the site.
pub fn parse_page(f: TextFile) -> Result<Page, Diagnostic> {
    let split = frontmatter::split(&f.text, &f.path)?;
    let fm = frontmatter::parse(&split, &f.path, &f.text)?;
    let body_line = split.body_line;
    let body_start = f.text.len() - split.body.len();
    let is_section = f.rel.rsplit('/').next() == Some("_index.md");
    Ok(Page {
        file: f.path,
        path: f.rel,
        text: f.text,
        fm,
        body_line,
        body_start,
        is_section,
        url: String::new(),
        parent: None,
        children: Vec::new(),
        position: 0,
        prev: None,
        next: None,
        rendered: Rendered::default(),
        git_date: None,
        fallback: false,
        body_hash: None,
    })
}

/// A translation's stand-ins: for every page of the default language's
/// edition this one has not translated, the original's metadata (title,
/// URL, summary, contents) without its text, marked as a fallback. A
/// translated page with no original is reported (it is kept: a language
/// may have pages of its own, but usually the file is misnamed).
pub fn add_stand_ins(
    pages: &mut Vec<Page>,
    original: &super::Site,
    problems: &mut Vec<Diagnostic>,
) {
    for p in pages
        .iter()
        .filter(|p| !original.by_path.contains_key(&p.path))
    {
        let near =
            crate::diagnostics::did_you_mean(&p.path, original.by_path.keys().map(String::as_str));
        problems.push(
            Diagnostic::new(Code::I18nNoOriginal, &p.file, format!("`{}` has no original in the default language", p.path))
                .hint(near.map_or_else(
                    || "a translation has the path of the page it translates, under content/<language>/".to_owned(),
                    |n| format!("{n} (a translation has the path of the page it translates)"),
                ))
                .warning(),
        );
    }
    let have: HashSet<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    let missing: Vec<Page> = original
        .pages
        .iter()
        .filter(|o| !o.fallback && !have.contains(o.path.as_str()))
        .map(|o| Page {
            file: o.file.clone(),
            path: o.path.clone(),
            text: String::new(),
            fm: o.fm.clone(),
            body_start: 0,
            body_line: 1,
            is_section: o.is_section,
            url: o.url.clone(),
            parent: None,
            children: Vec::new(),
            position: 0,
            prev: None,
            next: None,
            rendered: Rendered {
                html: Arc::default(),
                anchors: Vec::new(),
                shortcodes: Vec::new(),
                sections: Arc::default(),
                external: Vec::new(),
                toc: o.rendered.toc.clone(),
                ids: o.rendered.ids.clone(),
                summary: o.rendered.summary.clone(),
                words: o.rendered.words,
            },
            git_date: o.git_date.clone(),
            fallback: true,
            body_hash: None,
        })
        .collect();
    pages.extend(missing);
    pages.sort_by(|a, b| a.path.cmp(&b.path));
}

/// Gives each page its URL. A page with an unsafe slug, a URL under one
/// casebook writes itself, or the URL of an earlier page is reported and
/// dropped.
pub fn assign_urls(pages: &mut Vec<Page>, problems: &mut Vec<Diagnostic>) {
    let reserved: Vec<String> = reserved().collect();
    let mut by_url: HashMap<String, usize> = HashMap::new();
    let mut keep = vec![true; pages.len()];
    for i in 0..pages.len() {
        if pages[i].fallback {
            continue; // keeps its original's URL, in the default language's space
        }
        let problem = match url_for(&pages[i].path, pages[i].fm.slug.as_deref()) {
            Err(p) => {
                let page = &pages[i];
                Some(
                    p.in_file(&page.file)
                        .at_in(page.front_pos("slug"), &page.text),
                )
            }
            Ok(url) => {
                pages[i].url = url;
                url_taken(pages, i, &reserved, &mut by_url)
            }
        };
        if let Some(p) = problem {
            problems.push(p);
            keep[i] = false;
        }
    }
    let mut k = keep.into_iter();
    pages.retain(|_| k.next().unwrap_or(true));
}

/// Why page `i` cannot have its URL, if it cannot; else claims the URL.
fn url_taken(
    pages: &[Page],
    i: usize,
    reserved: &[String],
    by_url: &mut HashMap<String, usize>,
) -> Option<Diagnostic> {
    let page = &pages[i];
    let url = &page.url;
    if let Some(r) = reserved.iter().find(|r| url.starts_with(r.as_str())) {
        return Some(
            Diagnostic::new(
                Code::PageReservedUrl,
                &page.file,
                format!("the page's URL {url} is under {r}, which casebook writes itself"),
            )
            .at(Pos::new(1, 1))
            .hint("move the file or set another `slug`"),
        );
    }
    if let Some(&j) = by_url.get(url) {
        return Some(
            Diagnostic::new(
                Code::PageDuplicateUrl,
                &page.file,
                format!("two pages map to the URL {url}"),
            )
            .at(Pos::new(1, 1))
            .hint(format!(
                "{} has the same URL; rename one or give it another `slug`",
                pages[j].file.display()
            )),
        );
    }
    by_url.insert(url.clone(), i);
    None
}

/// Links every page to its section, and each section to its pages and
/// subsections in order (weight, title, path), with each page's previous
/// and next page.
pub fn link_sections(pages: &mut [Page], by_path: &HashMap<String, usize>) {
    let parents: Vec<Option<usize>> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| nearest_section(i, p, by_path))
        .collect();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); pages.len()];
    for (i, (page, parent)) in pages.iter_mut().zip(parents).enumerate() {
        page.parent = parent;
        if let Some(parent) = parent {
            children[parent].push(i);
        }
    }
    for (i, mut c) in children.into_iter().enumerate() {
        c.sort_by(|&a, &b| {
            let (pa, pb) = (&pages[a], &pages[b]);
            (pa.fm.weight, pa.title(), &pa.path).cmp(&(pb.fm.weight, pb.title(), &pb.path))
        });
        // Neighbours, found once here rather than by a scan of the
        // section for every page (which grows with the square of its size).
        let leaves: Vec<usize> = c
            .iter()
            .copied()
            .filter(|&k| !pages[k].is_section)
            .collect();
        for (n, &k) in leaves.iter().enumerate() {
            pages[k].prev = n.checked_sub(1).map(|m| leaves[m]);
            pages[k].next = leaves.get(n + 1).copied();
        }
        for (n, &k) in c.iter().enumerate() {
            pages[k].position = n;
        }
        pages[i].children = c;
    }
}

/// The section a file belongs to: the `_index.md` of the nearest folder
/// above it (for a section, above its own folder).
fn nearest_section(i: usize, page: &Page, by_path: &HashMap<String, usize>) -> Option<usize> {
    if page.path == "_index.md" {
        return None;
    }
    let mut dir = Path::new(&page.path)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    if page.is_section {
        dir = dir.parent().map(Path::to_path_buf).unwrap_or_default();
    }
    loop {
        let candidate = if dir.as_os_str().is_empty() {
            "_index.md".to_owned()
        } else {
            format!("{}/_index.md", dir.to_string_lossy().replace('\\', "/"))
        };
        if let Some(&j) = by_path.get(&candidate) {
            return (j != i).then_some(j);
        }
        if dir.as_os_str().is_empty() {
            return None;
        }
        dir.pop();
    }
}

/// Every alias is a safe site path that no page and no other alias has.
pub fn check_aliases(pages: &[Page], problems: &mut Vec<Diagnostic>) {
    let urls: HashSet<&str> = pages
        .iter()
        .filter(|p| !p.fallback)
        .map(|p| p.url.as_str())
        .collect();
    let mut seen: HashMap<String, &Path> = HashMap::new();
    for p in pages.iter().filter(|p| !p.fallback) {
        for alias in &p.fm.aliases {
            let at = |message: String| {
                Diagnostic::new(Code::PageInvalidAlias, &p.file, message)
                    .at_in(p.front_pos("aliases"), &p.text)
            };
            match alias_path(alias) {
                None => problems.push(
                    at(format!("the alias `{alias}` is not a safe site path")).hint(
                        "write it as a path from the site root, like `/old/path/`, without `..`",
                    ),
                ),
                Some(n) if urls.contains(format!("/{n}").as_str()) => problems.push(
                    at(format!("the alias `{alias}` is the URL of a page"))
                        .hint("remove the alias; a redirect there would hide the page"),
                ),
                Some(n) => {
                    if let Some(other) = seen.insert(n, &p.file) {
                        problems.push(at(format!(
                            "the alias `{alias}` is also claimed by {}",
                            other.display()
                        )));
                    }
                }
            }
        }
    }
}
