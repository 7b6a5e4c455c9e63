//! `@` links: `@/guides/a.md#anchor` to a page, `@case:id` to a record,
//! `@decide:id` to a tree. Resolved while Markdown is rendered; anchors and
//! the sources pages name are checked once every page is rendered.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rustc_hash::FxHashMap;

use super::assets::{self, Assets};
use super::urls::{record_url, tree_url};
use super::{Language, Page};
use crate::config::SiteConfig;
use crate::data::{Data, Kind};
use crate::diagnostics::{Code, Diagnostic, Problem, did_you_mean};
use crate::load::BinaryFile;
use crate::locate::Lines;
use crate::markdown::{Local, LocalKind, Resolve};
use crate::tree::Tree;

/// Resolves `@/path.md#anchor` and `@kind:id` to links with the base path.
pub struct Links<'a> {
    pub config: &'a SiteConfig,
    lang: &'a Language,
    /// Page path → (link, with the base path, title). FxHash: every `@`
    /// link of every page is looked up here, the keys are the site's own
    /// paths, and SipHash was half the time of a lookup.
    urls: FxHashMap<&'a str, (String, &'a str)>,
    data: &'a Data,
    /// Tree id → whether it is the default language's (not translated).
    trees: FxHashMap<&'a str, bool>,
    /// The files pages may show and link to (#19).
    assets: &'a Assets<'a>,
}

impl<'a> Links<'a> {
    pub fn new(
        config: &'a SiteConfig,
        lang: &'a Language,
        pages: &'a [Page],
        data: &'a Data,
        trees: &'a [Tree],
        broken_trees: &'a [String],
        assets: &'a Assets<'a>,
    ) -> Self {
        let link = |p: &Page| {
            if p.fallback {
                format!("{}{}", lang.root_path, p.url.trim_start_matches('/'))
            } else {
                config.link(&p.url)
            }
        };
        Links {
            config,
            lang,
            urls: pages
                .iter()
                .map(|p| (p.path.as_str(), (link(p), p.title())))
                .collect(),
            data,
            trees: trees
                .iter()
                .map(|t| (t.id.as_str(), t.fallback))
                .chain(broken_trees.iter().map(|t| (t.as_str(), false)))
                .collect(),
            assets,
        }
    }

    /// A site path of this edition, or of the default language's when
    /// `fallback` (a record or tree not translated yet).
    fn link_in(&self, path: &str, fallback: bool) -> String {
        if fallback {
            format!("{}{}", self.lang.root_path, path.trim_start_matches('/'))
        } else {
            self.config.link(path)
        }
    }

    /// The language of the edition whose links these are.
    pub fn lang(&self) -> &'a Language {
        self.lang
    }

    /// The title of the page an `@/` link points at, if it exists.
    pub fn page_title(&self, target: &str) -> Option<&'a str> {
        let path = target.strip_prefix("@/")?;
        let (_, title) = self.urls.get(path.split('#').next().unwrap_or(path))?;
        Some(title)
    }

    fn page(&self, target: &str, rest: &str) -> Result<String, Problem> {
        let (path, anchor) = match rest.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (rest, None),
        };
        match self.urls.get(path) {
            Some((url, _)) => Ok(match anchor {
                Some(a) => format!("{url}#{a}"),
                None => url.clone(),
            }),
            None => Err(Problem::new(
                Code::LinkMissingPage,
                format!("the link `{target}` points at no page"),
            )
            .hint(
                did_you_mean(path, self.urls.keys().copied())
                    .map(|s| format!("{s} (paths are relative to content/)"))
                    .unwrap_or_else(|| {
                        "write the path relative to content/, e.g. `@/guides/timing.md`".to_owned()
                    }),
            )),
        }
    }

    fn tree(&self, id: &str) -> Result<String, Problem> {
        match self.trees.get(id) {
            Some(&fallback) => Ok(self.link_in(&tree_url(id), fallback)),
            None => Err(Problem::new(
                Code::LinkUnknownTree,
                format!("there is no decision tree `{id}`"),
            )
            .maybe_hint(did_you_mean(id, self.trees.keys().copied()))),
        }
    }

    fn record(&self, target: &str, kind: &str, id: &str) -> Result<String, Problem> {
        let Some(k) = Kind::from_singular(kind) else {
            let kinds = ["case", "quote", "faq", "template", "source", "decide"];
            return Err(Problem::new(
                Code::LinkUnknownKind,
                format!("`{kind}` in `{target}` is not a kind of record"),
            )
            .maybe_hint(did_you_mean(kind, kinds)));
        };
        if let Some(fallback) = self.data.is_fallback(k, id) {
            return Ok(self.link_in(&record_url(k, id), fallback));
        }
        Err(Problem::new(
            Code::LinkUnknownRecord,
            format!("there is no {kind} with the id `{id}`"),
        )
        .hint(
            did_you_mean(id, self.data.ids(k)).unwrap_or_else(|| {
                format!("the {} are in content/data/{}.yaml", k.name(), k.name())
            }),
        ))
    }
}

impl<'a> Links<'a> {
    /// A local reference (see [`Resolve::local`]): a page of this edition
    /// (`timing.md`), or a file copied to the output (`shot.png`).
    fn local_target(&self, file: &Path, written: &str, kind: LocalKind) -> Result<Local, Problem> {
        let from = file.to_string_lossy().replace('\\', "/");
        let from = from.strip_prefix("content/").unwrap_or(&from);
        let target = assets::target(from, written);
        if let Ok(rel) = &target {
            if kind == LocalKind::Link && rel.ends_with(".md") {
                return self.local_page(from, written, rel);
            }
            if let Some((rel, f)) = self.find_file(rel) {
                let url = assets::url(&self.lang.root_path, rel);
                return self.file_ref(f, url.clone(), &url, kind);
            }
        }
        // Written from the page's URL rather than its file, as before #19
        // (`../../img/a.png` in `guides/a.md`, whose page is `/guides/a/`):
        // it works as written, so it stays as written.
        if let Some((rel, f)) = self.via_page_url(from, written) {
            let url = assets::url(&self.lang.root_path, &rel);
            return self.file_ref(f, written.to_owned(), &url, kind);
        }
        let rel = target?;
        let problem = assets::missing(from, written, &rel, kind, self.assets.paths());
        Err(self.with_base_path_hint(problem, written))
    }

    /// `/kb/img/a.png` written with the base path of `base_url` in it: say
    /// to leave it out, when the file is there without it.
    fn with_base_path_hint(&self, problem: Problem, written: &str) -> Problem {
        let base = self.lang.root_path.trim_end_matches('/');
        match written.strip_prefix(base).filter(|_| !base.is_empty()) {
            Some(rest) if rest.starts_with('/') && self.assets.get(&rest[1..]).is_some() => {
                problem.hint(format!(
                    "write `{rest}`: a path from the site's root leaves out base_url's `{base}`, which casebook adds"
                ))
            }
            _ => problem,
        }
    }

    /// The file at output path `rel`; in a translation, the default
    /// language's copy of one it has not translated (`content/es/guides/a.md`
    /// naming `shot.png` finds `content/guides/shot.png`).
    fn find_file<'r>(&self, rel: &'r str) -> Option<(&'r str, &'a BinaryFile)> {
        self.assets.get(rel).map(|f| (rel, f)).or_else(|| {
            let shared = self.in_own_folder(rel)?;
            self.assets.get(shared).map(|f| (shared, f))
        })
    }

    /// The file `written` names when read from the URL of the page in
    /// `from`, if that is one.
    fn via_page_url(&self, from: &str, written: &str) -> Option<(String, &'a BinaryFile)> {
        let page = self.in_own_folder(from).unwrap_or(from);
        let (link, _) = self.urls.get(page)?;
        let dir = link.strip_prefix(self.lang.root_path.as_str())?;
        let rel = assets::target(&format!("{dir}index.html"), written).ok()?;
        let f = self.assets.get(&rel)?;
        Some((rel, f))
    }

    /// A link to a Markdown file, `rel` from `content/`: the page it is.
    fn local_page(&self, from: &str, written: &str, rel: &str) -> Result<Local, Problem> {
        let path = self.in_own_folder(rel).unwrap_or(rel);
        if let Some((url, _)) = self.urls.get(path) {
            return Ok(Local::Page {
                path: path.to_owned(),
                url: url.clone(),
            });
        }
        let folder = match self.lang.is_default() {
            true => String::new(),
            false => format!("{}/", self.lang.code),
        };
        let known: Vec<String> = self.urls.keys().map(|k| format!("{folder}{k}")).collect();
        Err(assets::missing(
            from,
            written,
            rel,
            LocalKind::Link,
            known.iter().map(String::as_str),
        ))
    }

    /// `rel` inside this translation's folder (`es/guides/a.md` →
    /// `guides/a.md`); `None` for the default language or another path.
    fn in_own_folder<'r>(&self, rel: &'r str) -> Option<&'r str> {
        if self.lang.is_default() {
            return None;
        }
        rel.strip_prefix(self.lang.code.as_str())?.strip_prefix('/')
    }
}

impl Resolve for Links<'_> {
    fn local(&self, file: &Path, path: &str, kind: LocalKind) -> Option<Result<Local, Problem>> {
        Some(self.local_target(file, path, kind))
    }

    fn string(&self, key: &str) -> Option<&str> {
        self.lang.strings.get_owned_key(key)
    }

    fn resolve(&self, target: &str) -> Result<String, Problem> {
        if let Some(rest) = target.strip_prefix("@/") {
            return self.page(target, rest);
        }
        match target[1..].split_once(':') {
            Some(("decide", id)) => self.tree(id),
            Some((kind, id)) => self.record(target, kind, id),
            None => Err(
                Problem::new(Code::LinkMalformed, format!("the link `{target}` is not understood")).hint(
                    "write `@/path/to/page.md` or `@case:id` (case, quote, faq, template, source, decide)",
                ),
            ),
        }
    }
}

impl Links<'_> {
    /// A reference to the copied file `f`: `src` is what to write, `url` its
    /// URL from the site's root (what image processing is given). An image
    /// that cannot be shown (damaged, over the limits) is a problem of the
    /// reference.
    fn file_ref(
        &self,
        f: &BinaryFile,
        src: String,
        url: &str,
        kind: LocalKind,
    ) -> Result<Local, Problem> {
        let image = match kind {
            LocalKind::Image => self.assets.image_attributes(f, url)?,
            LocalKind::Link => None,
        };
        Ok(Local::File { url: src, image })
    }
}

/// Every `#anchor` a page links to exists on its target page.
pub fn check_anchors(
    pages: &[Page],
    by_path: &HashMap<String, usize>,
    problems: &mut Vec<Diagnostic>,
) {
    // One set of ids per page, so checking is linear in the number of links.
    let ids: Vec<HashSet<&str>> = pages
        .iter()
        .map(|p| p.rendered.ids.iter().map(String::as_str).collect())
        .collect();
    for n in 0..pages.len() {
        check_anchors_of(n, pages, by_path, &|t, a| ids[t].contains(a), problems);
    }
}

/// Every `#anchor` page `n` links to exists on its target page; `has(t,
/// anchor)` says whether page `t` has that id.
pub fn check_anchors_of(
    n: usize,
    pages: &[Page],
    by_path: &HashMap<String, usize>,
    has: &dyn Fn(usize, &str) -> bool,
    problems: &mut Vec<Diagnostic>,
) {
    let p = &pages[n];
    for a in &p.rendered.anchors {
        let target = if a.page.is_empty() {
            Some(n)
        } else {
            by_path.get(&a.page).copied()
        };
        let Some(t) = target else { continue };
        if has(t, a.anchor.as_str()) {
            continue;
        }
        let place = if a.page.is_empty() {
            "this page".to_owned()
        } else {
            format!("`{}`", a.page)
        };
        let near = did_you_mean(&a.anchor, pages[t].rendered.ids.iter().map(String::as_str));
        problems.push(
            Diagnostic::new(
                Code::LinkMissingAnchor,
                &p.file,
                format!("{place} has no heading with the anchor `#{}`", a.anchor),
            )
            .at_in(a.pos, &p.text)
            .hint(near.unwrap_or_else(|| {
                "anchors come from headings: `## After applying` is `#after-applying`".to_owned()
            })),
        );
    }
}

/// Every source a page's front matter names exists.
pub fn check_page_sources(pages: &[Page], data: &Data, problems: &mut Vec<Diagnostic>) {
    let ids = data.ids(Kind::Sources);
    for p in pages {
        for s in p.fm.sources.iter().filter(|s| !ids.contains(&s.as_str())) {
            let head = &p.text[..p.body_start];
            let pos = Lines::all(head)
                .key("sources")
                .and_then(|key| Lines::from(head, key.line).find(s))
                .unwrap_or_else(|| p.front_pos("sources"));
            problems.push(
                Diagnostic::new(
                    Code::LinkUnknownSource,
                    &p.file,
                    format!("the page names source `{s}`, which does not exist"),
                )
                .at_in(pos, &p.text)
                .hint(
                    did_you_mean(s, ids.iter().copied())
                        .unwrap_or_else(|| "add it to content/data/sources.yaml".to_owned()),
                ),
            );
        }
    }
}
