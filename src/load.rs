//! The only stage that reads input files: site.toml, content/, static/,
//! templates and theme files. Everything after it works on the strings and
//! bytes gathered here.

use std::collections::{HashMap, HashSet};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::SiteConfig;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Pos, io_error};
use crate::external::Cache;

mod git;
use git::git_dates;

/// The default theme, compiled in so a new site builds with no theme folder.
pub static EMBEDDED_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Files larger than this are refused: Markdown and YAML this large is a
/// mistake (a pasted log, a binary), and refusing keeps builds predictable.
pub const MAX_TEXT_FILE: u64 = 8 * 1024 * 1024;

/// A text input file.
#[derive(Debug, Clone)]
pub struct TextFile {
    /// Relative to the site root (for messages): `content/guides/a.md`.
    pub path: PathBuf,
    /// Relative to its folder (`content/`, `content/data/`, ...), with `/`.
    pub rel: String,
    pub text: String,
}

/// A file copied to the output as is (or fingerprinted, for theme assets).
#[derive(Debug, Clone)]
pub struct BinaryFile {
    /// Output path relative to the output root, with `/`.
    pub rel: String,
    /// Shared, so a build that keeps the files after writing them (for
    /// the search index of a large site) holds them once.
    pub bytes: std::sync::Arc<Vec<u8>>,
}

/// One language's pages, data files and decision trees.
#[derive(Debug, Clone, Default)]
pub struct Content {
    pub pages: Vec<TextFile>,
    pub data: Vec<TextFile>,
    pub trees: Vec<TextFile>,
}

/// Everything a build reads.
#[derive(Debug, Clone)]
pub struct Input {
    /// site.toml, parsed (the one stage that reads a file before `load`).
    pub config: SiteConfig,
    /// The default language's content: `content/` but the language folders.
    pub content: Content,
    /// Each other language's content (`content/<code>/`), in the order of
    /// `[[languages]]`. Paths are relative to the language's folder, as the
    /// default language's are to `content/`.
    pub translations: Vec<(String, Content)>,
    /// Theme strings files (`i18n/<code>.toml`): the embedded theme's, then a
    /// theme folder's, then the site's; later ones override earlier ones.
    pub strings: Vec<TextFile>,
    /// `static/` and non-Markdown files in `content/`.
    pub statics: Vec<BinaryFile>,
    /// Templates by name, embedded theme first, then theme folder, then the
    /// site's `templates/`; later entries override earlier ones.
    pub templates: Vec<TextFile>,
    /// Theme assets (CSS, JS, images) by name, with the same precedence.
    pub theme_assets: Vec<BinaryFile>,
    /// The day (`YYYY-MM-DD`) of the last git commit that touched each page,
    /// keyed like [`TextFile::path`]; empty without git history (#6).
    pub git_dates: HashMap<PathBuf, String>,
    /// What earlier builds made of the site's images (#19): empty here,
    /// filled by `build::load` with [`read_image_cache`] from the folder
    /// beside the output.
    pub images: std::sync::Arc<crate::images::Cache>,
}

/// Reads `site.toml` at `root`: its text and its path for messages. A
/// missing one is explained for someone new: the folder it looked in, in
/// full, and what to do (make a site with `casebook init`, or point
/// `--root` at one: the site above this folder, if there is one).
pub fn read_config(root: &Path) -> Result<(PathBuf, String), Diagnostic> {
    let path = root.join("site.toml");
    if path.is_file() {
        return read_text(root, &path).map(|text| (rel_to(root, &path), text));
    }
    let full = absolute(root);
    let shown = full.join("site.toml");
    if !root.is_dir() {
        return Err(
            Diagnostic::new(Code::SiteNotFound, &full, "the folder does not exist").hint(format!(
                "check --root, or make a new knowledge base there with `casebook init {}`",
                full.display()
            )),
        );
    }
    let above = full
        .ancestors()
        .skip(1)
        .find(|d| d.join("site.toml").is_file());
    let hint = match above {
        Some(site) => format!(
            "this folder is inside the site at {}: run casebook there, or pass `--root {}`",
            site.display(),
            site.display()
        ),
        None if is_empty_dir(root) => {
            "make a new knowledge base here with `casebook init`".to_owned()
        }
        None => "make a new knowledge base with `casebook init NEW-FOLDER`, or pass `--root DIR` to build the site in DIR".to_owned(),
    };
    Err(Diagnostic::new(
        Code::SiteNotFound,
        &shown,
        format!("not found, so {} is not a casebook site", full.display()),
    )
    .hint(hint))
}

/// What earlier runs of `check --external` learned, from
/// [`crate::external::CACHE_FILE`]. No file, or one that is not a cache,
/// is an empty cache; one that cannot be read is too, with a warning: the
/// check works without it, only slower.
pub fn read_link_cache(root: &Path) -> (Cache, Option<Diagnostic>) {
    let path = root.join(crate::external::CACHE_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => (Cache::parse(&text), None),
        Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::InvalidData) => {
            (Cache::default(), None)
        }
        Err(e) => {
            let d = io_error(
                Code::ExternalCache,
                &rel_to(root, &path),
                "read the link cache",
                &e,
            )
            .hint("every link is asked again; delete the file if the problem stays")
            .warning();
            (Cache::default(), Some(d))
        }
    }
}

/// `path` made absolute against the working folder, without resolving
/// links (messages show it as the user would type it).
fn absolute(path: &Path) -> PathBuf {
    let joined = std::env::current_dir()
        .map(|cwd| cwd.join(path))
        .unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// True for a folder with nothing in it but hidden files (as `init` accepts).
fn is_empty_dir(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .all(|e| e.file_name().to_string_lossy().starts_with('.'))
    })
}

/// Reads the site at `root` whose settings are `config`.
pub fn load(root: &Path, config: SiteConfig) -> Result<Input, Diagnostics> {
    let mut problems = Diagnostics::new();
    let translations = config
        .languages
        .iter()
        .map(|l| (l.code.clone(), Content::default()))
        .collect();
    let mut input = Input {
        config,
        content: Content::default(),
        translations,
        strings: Vec::new(),
        statics: Vec::new(),
        templates: Vec::new(),
        theme_assets: Vec::new(),
        git_dates: HashMap::new(),
        images: std::sync::Arc::default(),
    };
    let content = root.join("content");
    if !content.is_dir() {
        problems.push(
            Diagnostic::new(
                Code::SiteNoContent,
                rel_to(root, &content),
                "there is no content folder",
            )
            .hint("create `content/_index.md` for the home page, or run `casebook init`"),
        );
        return Err(problems);
    }
    read_content(root, &content, &mut input, &mut problems);
    let wanted: HashSet<&Path> = std::iter::once(&input.content)
        .chain(input.translations.iter().map(|(_, c)| c))
        .flat_map(|c| c.pages.iter().map(|p| p.path.as_path()))
        .collect();
    input.git_dates = git_dates(root, &wanted);
    let statics = root.join("static");
    if statics.is_dir() {
        for (path, rel) in walk(&statics, root, &mut problems) {
            push_binary(root, &path, rel, &mut input.statics, &mut problems);
        }
    }
    read_theme(root, &mut input, &mut problems);
    for (dir, out) in [
        ("templates", &mut input.templates),
        ("i18n", &mut input.strings),
    ] {
        let site_dir = root.join(dir);
        if site_dir.is_dir() {
            for (path, rel) in walk(&site_dir, root, &mut problems) {
                push_text(root, &path, rel, out, &mut problems);
            }
        }
    }
    problems.into_result(input)
}

/// The image cache an earlier build stored in `dir`
/// (`output::image_cache_dir`): its files, by name, made into the cache.
/// A missing folder, and any file that does not verify, read as nothing:
/// losing the cache costs time, never the build.
pub fn read_image_cache(dir: &Path) -> crate::images::Cache {
    let names: Vec<String> = std::fs::read_dir(dir)
        .map(|listing| {
            listing
                .flatten()
                .map(|f| f.file_name().to_string_lossy().into_owned())
                .filter(|n| {
                    crate::images::is_cache_file(n) && !n.starts_with(crate::images::PARTIAL)
                })
                .collect()
        })
        .unwrap_or_default();
    let files: rustc_hash::FxHashMap<String, Vec<u8>> = names
        .into_par_iter()
        .filter_map(|n| std::fs::read(dir.join(&n)).ok().map(|b| (n, b)))
        .collect();
    crate::images::Cache::from_files(&files)
}

/// Where a file of `content/` goes: data, trees, pages or static files.
enum Bucket {
    Data,
    Tree,
    Page,
    Static,
}

/// Reads every file of `content/`, in parallel (rayon): a large site has
/// thousands.
fn read_content(root: &Path, content: &Path, input: &mut Input, problems: &mut Diagnostics) {
    let codes: Vec<String> = input.translations.iter().map(|(c, _)| c.clone()).collect();
    let files: Vec<(Option<usize>, Bucket, PathBuf, String)> = walk(content, root, problems)
        .into_iter()
        .map(|(path, rel)| {
            // `content/<code>/…` is a language's; static files keep their
            // full path, pages and data are matched to their originals.
            let (lang, inner) = language_of(&rel, &codes);
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            let yaml = matches!(ext, "yaml" | "yml");
            if yaml && let Some(r) = inner.strip_prefix("data/") {
                (lang, Bucket::Data, path.clone(), r.to_owned())
            } else if yaml && let Some(r) = inner.strip_prefix("decisions/") {
                (lang, Bucket::Tree, path.clone(), r.to_owned())
            } else if ext == "md" {
                (lang, Bucket::Page, path, inner.to_owned())
            } else {
                (lang, Bucket::Static, path, rel)
            }
        })
        .collect();
    let read: Vec<Result<(Option<usize>, Loaded), Diagnostic>> = files
        .into_par_iter()
        .map(|(lang, into, path, rel)| read_one(root, into, &path, rel).map(|l| (lang, l)))
        .collect();
    for r in read {
        let (lang, loaded) = match r {
            Ok(r) => r,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        let content = match lang {
            Some(i) => &mut input.translations[i].1,
            None => &mut input.content,
        };
        match loaded {
            Loaded::Data(f) => content.data.push(f),
            Loaded::Tree(f) => content.trees.push(f),
            Loaded::Page(f) => content.pages.push(f),
            Loaded::Static(f) => input.statics.push(f),
        }
    }
}

/// The language a path of `content/` belongs to (an index into `codes`,
/// none for the default) and the path inside that language's folder.
fn language_of<'a>(rel: &'a str, codes: &[String]) -> (Option<usize>, &'a str) {
    rel.split_once('/')
        .and_then(|(first, rest)| {
            codes
                .iter()
                .position(|c| c == first)
                .map(|i| (Some(i), rest))
        })
        .unwrap_or((None, rel))
}

fn read_one(root: &Path, into: Bucket, path: &Path, rel: String) -> Result<Loaded, Diagnostic> {
    if let Bucket::Static = into {
        return std::fs::read(path)
            .map(|bytes| {
                Loaded::Static(BinaryFile {
                    rel,
                    bytes: bytes.into(),
                })
            })
            .map_err(|e| {
                io_error(
                    Code::FileUnreadable,
                    &rel_to(root, path),
                    "read the file",
                    &e,
                )
            });
    }
    let text = read_text(root, path)?;
    let file = TextFile {
        path: rel_to(root, path),
        rel,
        text,
    };
    Ok(match into {
        Bucket::Data => Loaded::Data(file),
        Bucket::Tree => Loaded::Tree(file),
        _ => Loaded::Page(file),
    })
}

/// The embedded default theme, then the site's theme folder over it.
fn read_theme(root: &Path, input: &mut Input, problems: &mut Diagnostics) {
    for file in embedded_files(&EMBEDDED_THEME) {
        let rel = file.path().to_string_lossy().replace('\\', "/");
        if let Some(name) = rel.strip_prefix("templates/") {
            input.templates.push(TextFile {
                path: PathBuf::from(format!("(embedded theme)/{rel}")),
                rel: name.to_owned(),
                text: String::from_utf8_lossy(file.contents()).into_owned(),
            });
        } else if let Some(name) = rel.strip_prefix("i18n/") {
            input.strings.push(TextFile {
                path: PathBuf::from(format!("(embedded theme)/{rel}")),
                rel: name.to_owned(),
                text: String::from_utf8_lossy(file.contents()).into_owned(),
            });
        } else if let Some(name) = rel.strip_prefix("static/") {
            input.theme_assets.push(BinaryFile {
                rel: name.to_owned(),
                bytes: file.contents().to_vec().into(),
            });
        }
    }
    let theme = &input.config.theme;
    let theme_dir = root.join("themes").join(theme);
    if theme_dir.is_dir() {
        read_theme_dir(root, &theme_dir, input, problems);
    } else if theme != "default" {
        problems.push(
            Diagnostic::new(
                Code::SiteThemeMissing,
                rel_to(root, &theme_dir),
                format!("the theme `{theme}` named in site.toml does not exist"),
            )
            .hint("create the folder, or remove `theme` to use the built-in default theme"),
        );
    }
}

fn read_theme_dir(root: &Path, dir: &Path, input: &mut Input, problems: &mut Diagnostics) {
    for (sub, out) in [
        ("templates", &mut input.templates),
        ("i18n", &mut input.strings),
    ] {
        let folder = dir.join(sub);
        if folder.is_dir() {
            for (path, rel) in walk(&folder, root, problems) {
                push_text(root, &path, rel, out, problems);
            }
        }
    }
    let statics = dir.join("static");
    if statics.is_dir() {
        for (path, rel) in walk(&statics, root, problems) {
            push_binary(root, &path, rel, &mut input.theme_assets, problems);
        }
    }
}

fn embedded_files(dir: &'static Dir<'static>) -> Vec<&'static include_dir::File<'static>> {
    let mut out: Vec<_> = dir.files().collect();
    for d in dir.dirs() {
        out.extend(embedded_files(d));
    }
    out.sort_by_key(|f| f.path());
    out
}

/// Files under `dir` (hidden ones skipped), sorted, with their `/` paths relative to `dir`.
fn walk(dir: &Path, root: &Path, problems: &mut Diagnostics) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                out.push((e.path().to_owned(), slash_rel(dir, e.path())));
            }
            Ok(_) => {}
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| rel_to(root, p))
                    .unwrap_or_else(|| rel_to(root, dir));
                let d = if err.loop_ancestor().is_some() {
                    Diagnostic::new(
                        Code::FileSymlinkLoop,
                        path,
                        "this symbolic link points back to a folder that contains it",
                    )
                    .hint("remove the link or point it somewhere outside the loop")
                } else {
                    let msg = err
                        .io_error()
                        .map_or_else(|| err.to_string(), ToString::to_string);
                    Diagnostic::new(Code::FileUnreadable, path, format!("could not read: {msg}"))
                        .hint("check the file's permissions")
                };
                problems.push(d);
            }
        }
    }
    out
}

enum Loaded {
    Data(TextFile),
    Tree(TextFile),
    Page(TextFile),
    Static(BinaryFile),
}

fn push_text(
    root: &Path,
    path: &Path,
    rel: String,
    out: &mut Vec<TextFile>,
    problems: &mut Diagnostics,
) {
    match read_text(root, path) {
        Ok(text) => out.push(TextFile {
            path: rel_to(root, path),
            rel,
            text,
        }),
        Err(d) => problems.push(d),
    }
}

fn push_binary(
    root: &Path,
    path: &Path,
    rel: String,
    out: &mut Vec<BinaryFile>,
    problems: &mut Diagnostics,
) {
    match std::fs::read(path) {
        Ok(bytes) => out.push(BinaryFile {
            rel,
            bytes: bytes.into(),
        }),
        Err(e) => problems.push(io_error(
            Code::FileUnreadable,
            &rel_to(root, path),
            "read the file",
            &e,
        )),
    }
}

/// Reads a UTF-8 text file, refusing huge and non-UTF-8 files with a clear message.
pub fn read_text(root: &Path, path: &Path) -> Result<String, Diagnostic> {
    let shown = rel_to(root, path);
    let meta = std::fs::metadata(path)
        .map_err(|e| io_error(Code::FileUnreadable, &shown, "read the file", &e))?;
    if meta.len() > MAX_TEXT_FILE {
        return Err(Diagnostic::new(
            Code::FileTooLarge,
            shown,
            format!(
                "the file is {:.1} MiB, over the {} MiB limit for text files",
                meta.len() as f64 / 1048576.0,
                MAX_TEXT_FILE / 1048576
            ),
        )
        .hint("split it into several pages, or move large files to static/"));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| io_error(Code::FileUnreadable, &shown, "read the file", &e))?;
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(good);
        Diagnostic::new(Code::FileNotUtf8, shown, "the file is not valid UTF-8 text")
            .at(Pos::of_offset(&text, text.len()))
            .hint("save the file as UTF-8 in your editor")
    })
}

/// Page `page`'s file read again, for a build whose model let the page's
/// body go (`site::Bodies::Remade`, #17): exactly the text the model was
/// made from, checked by its hash, or a problem if it changed since.
pub fn read_again(root: &Path, page: &crate::site::Page) -> Result<String, Diagnostic> {
    let text = read_text(root, &root.join(&page.file))?;
    if page.body_hash == Some(crate::hash::digest(text.as_bytes())) {
        return Ok(text);
    }
    Err(Diagnostic::new(
        Code::FileChanged,
        &page.file,
        "the page changed while the site was being built",
    )
    .hint("build again once the file is saved; the previous output is left as it was"))
}

/// `path` relative to `base`, with `/` between its parts on every system
/// (the form output paths and content paths take).
pub fn slash_rel(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// `path` relative to `root` for messages (unchanged if outside it).
pub fn rel_to(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}
