//! Helpers for the build tests, after mdBook's `tests/testsuite/book_test.rs`:
//! a fixture site copied into a temp dir (and changed there if a test wants
//! to), the real `casebook` binary run on it, and small readers for what it
//! wrote: a page's `<main>`, its tags and attributes, a snapshot of a whole
//! folder, and a link checker over the built site.
//!
//! The HTML helpers are deliberately tolerant: pages are minified, so
//! attribute values may be unquoted (`href=/guides/`).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Whether the tests run in CI: `CI` is set (GitHub Actions, most CI
/// systems and `.ci/run` set it) to anything but `false` or `0`.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Decides what a test does when something it needs is missing (`missing`
/// says what). In CI, or when the variable `require` is set, it fails: a
/// test must not pass there without testing. Elsewhere it skips with a loud
/// note, but only when `allow` is `None` or names a variable that is set.
/// Returns true when the test should return early.
pub fn skip_without(test: &str, missing: &str, require: Option<&str>, allow: Option<&str>) -> bool {
    let required = in_ci() || require.is_some_and(|v| std::env::var_os(v).is_some());
    let allowed = allow.is_none_or(|v| std::env::var_os(v).is_some());
    if required || !allowed {
        panic!(
            "{test} cannot run: {missing}{}",
            allow
                .map(|v| format!(" (outside CI, set {v}=1 to skip it)"))
                .unwrap_or_default()
        );
    }
    eprintln!("\n*** SKIPPED {test}: {missing} ***\n");
    true
}

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_casebook");

/// `tests/fixtures/`.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Copies every file under `from` into `to`, replacing files of the same name.
pub fn copy_tree(from: &Path, to: &Path) {
    assert!(from.is_dir(), "no fixture folder {}", from.display());
    for entry in fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display())) {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target)
                .unwrap_or_else(|e| panic!("copy {}: {e}", entry.path().display()));
        }
    }
}

/// A fixture site in its own temp dir.
pub struct TestSite {
    dir: tempfile::TempDir,
}

impl TestSite {
    /// Copies `tests/fixtures/<fixture>` into a new temp dir.
    pub fn new(fixture: &str) -> Self {
        let dir = tempfile::Builder::new()
            .prefix("casebook-test-")
            .tempdir()
            .unwrap();
        copy_tree(&fixtures().join(fixture), dir.path());
        TestSite { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The default output folder, `<root>/public`.
    pub fn out(&self) -> Output {
        Output::new(self.root().join("public"))
    }

    /// Writes (or replaces) a file of the site.
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.root().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        self
    }

    /// Replaces `from` with `to` in a file of the site; `from` must be there.
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let path = self.root().join(rel);
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {rel}: {e}"));
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
        self
    }

    pub fn remove(&self, rel: &str) -> &Self {
        fs::remove_file(self.root().join(rel)).unwrap_or_else(|e| panic!("remove {rel}: {e}"));
        self
    }

    /// Copies `tests/fixtures/<fixture>` over the site (its files win).
    pub fn overlay(&self, fixture: &str) -> &Self {
        copy_tree(&fixtures().join(fixture), self.root());
        self
    }

    /// `casebook build --root <root> <args>`.
    pub fn build(&self, args: &[&str]) -> Run {
        let mut all: Vec<&OsStr> = vec![
            OsStr::new("build"),
            OsStr::new("--root"),
            self.root().as_os_str(),
        ];
        all.extend(args.iter().map(OsStr::new));
        run(&all)
    }

    /// `casebook check --root <root> <args>`.
    pub fn check(&self, args: &[&str]) -> Run {
        let mut all: Vec<&OsStr> = vec![
            OsStr::new("check"),
            OsStr::new("--root"),
            self.root().as_os_str(),
        ];
        all.extend(args.iter().map(OsStr::new));
        run(&all)
    }
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the binary with `args`, colours off.
pub fn run<S: AsRef<OsStr>>(args: &[S]) -> Run {
    run_wrapped(&[], args)
}

/// Runs the binary with `args` through `wrapper` (a command that runs the
/// rest of its arguments, e.g. `env HOME=…`), colours off.
pub fn run_wrapped<S: AsRef<OsStr>>(wrapper: &[&str], args: &[S]) -> Run {
    run_binary(Path::new(BIN), wrapper, args)
}

/// Runs `bin` (the binary, or a copy of it) with `args` through `wrapper`,
/// colours off.
pub fn run_binary<S: AsRef<OsStr>>(bin: &Path, wrapper: &[&str], args: &[S]) -> Run {
    let mut command = match wrapper.split_first() {
        Some((program, rest)) => {
            let mut c = Command::new(program);
            c.args(rest).arg(bin);
            c
        }
        None => Command::new(bin),
    };
    let out = command
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("run casebook");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

impl Run {
    /// Asserts exit status 0.
    #[track_caller]
    pub fn success(self) -> Self {
        assert_eq!(
            self.code,
            Some(0),
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// Asserts exit status 1 with a report and no panic.
    #[track_caller]
    pub fn failure(self) -> Self {
        assert_eq!(
            self.code,
            Some(1),
            "expected exit status 1\nstdout:\n{}\nstderr:\n{}",
            self.stdout,
            self.stderr
        );
        assert!(
            !self.stderr.contains("panicked"),
            "casebook panicked:\n{}",
            self.stderr
        );
        assert!(
            !self.stderr.contains("RUST_BACKTRACE"),
            "casebook panicked:\n{}",
            self.stderr
        );
        self
    }

    /// Asserts stderr reports a problem at `location` (`path:line:` or
    /// `path:line:col`), as the first thing on a line after `error: `.
    #[track_caller]
    pub fn at(&self, location: &str) -> &Self {
        let found = self.stderr.lines().any(|l| {
            l.trim_start()
                .trim_start_matches("error: ")
                .starts_with(location)
        });
        assert!(
            found,
            "no problem reported at `{location}`; stderr:\n{}",
            self.stderr
        );
        self
    }

    /// Asserts stderr contains `text`.
    #[track_caller]
    pub fn says(&self, text: &str) -> &Self {
        assert!(
            self.stderr.contains(text),
            "stderr does not say {text:?}:\n{}",
            self.stderr
        );
        self
    }

    /// Asserts every problem carries a hint line (`= help: ...`).
    #[track_caller]
    pub fn hinted(&self) -> &Self {
        let problems = self
            .stderr
            .lines()
            .filter(|l| l.starts_with("error: "))
            .count();
        let hints = self.stderr.lines().filter(|l| is_hint(l)).count();
        assert!(problems > 0, "no problem reported:\n{}", self.stderr);
        assert_eq!(
            hints, problems,
            "{problems} problem(s) but {hints} hint line(s):\n{}",
            self.stderr
        );
        self
    }

    /// Asserts the closing count: `N problem(s) found`.
    #[track_caller]
    pub fn problems(&self, n: usize) -> &Self {
        let line = if n == 1 {
            "1 problem found".to_owned()
        } else {
            format!("{n} problems found")
        };
        assert!(
            self.stderr.lines().any(|l| l.trim() == line),
            "expected `{line}`:\n{}",
            self.stderr
        );
        self
    }
}

fn is_hint(line: &str) -> bool {
    let t = line.trim_start().trim_start_matches(['|', '=', ' ']);
    t.starts_with("help: ")
}

/// A built site's folder.
pub struct Output {
    pub dir: PathBuf,
}

impl Output {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Output { dir: dir.into() }
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.dir.join(rel).is_file()
    }

    #[track_caller]
    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.dir.join(rel))
            .unwrap_or_else(|e| panic!("read {rel} of the built site: {e}"))
    }

    /// The HTML of the page at a site path (`/guides/x/` → `guides/x/index.html`).
    #[track_caller]
    pub fn page(&self, url: &str) -> String {
        self.read(&url_to_file(url))
    }

    /// The `<main>` of the page at a site path.
    #[track_caller]
    pub fn main(&self, url: &str) -> String {
        main_of(&self.page(url)).to_owned()
    }

    /// Every file, relative, with `/`.
    pub fn files(&self) -> BTreeSet<String> {
        snapshot(&self.dir).into_keys().collect()
    }

    pub fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        snapshot(&self.dir)
    }
}

/// A site path's file: `/x/` → `x/index.html`, `/x.html` → `x.html`.
pub fn url_to_file(url: &str) -> String {
    let rel = url.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_owned()
    }
}

/// Every file under `dir` with its bytes, keyed by `/` path.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let path = e.path();
            if e.file_type().unwrap().is_dir() {
                walk(base, &path, out);
            } else {
                let rel = path
                    .strip_prefix(base)
                    .unwrap()
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Asserts two snapshots are equal, naming the first difference.
#[track_caller]
pub fn assert_same(
    before: &BTreeMap<String, Vec<u8>>,
    after: &BTreeMap<String, Vec<u8>>,
    what: &str,
) {
    let keys_before: BTreeSet<&String> = before.keys().collect();
    let keys_after: BTreeSet<&String> = after.keys().collect();
    let gone: Vec<_> = keys_before.difference(&keys_after).collect();
    let new: Vec<_> = keys_after.difference(&keys_before).collect();
    assert!(
        gone.is_empty() && new.is_empty(),
        "{what} changed: files removed {gone:?}, files added {new:?}"
    );
    for (k, v) in before {
        assert!(after[k] == *v, "{what} changed: {k} has different bytes");
    }
}

/// The inside of the first `<main ...>...</main>`.
#[track_caller]
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("the page has no <main>");
    let open_end = start + html[start..].find('>').expect("unclosed <main") + 1;
    let end = html[open_end..]
        .find("</main>")
        .map(|i| open_end + i)
        .expect("no </main>");
    &html[open_end..end]
}

/// An HTML start tag with its attributes (names lowercased, values decoded).
#[derive(Debug, Clone)]
pub struct Tag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Every start tag of `html`, in order. Comments, closing tags and the
/// contents of `<script>` and `<style>` are skipped.
pub fn tags(html: &str) -> Vec<Tag> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off;
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").map_or(html.len(), |j| i + j + 3);
            continue;
        }
        if i + 1 >= b.len() || !b[i + 1].is_ascii_alphabetic() {
            i = html[i..].find('>').map_or(html.len(), |j| i + j + 1);
            continue;
        }
        // Tag name.
        let mut j = i + 1;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
            j += 1;
        }
        let name = html[i + 1..j].to_ascii_lowercase();
        let mut attrs = Vec::new();
        // Attributes.
        loop {
            while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                j += 1;
                break;
            }
            let start = j;
            while j < b.len() && !b[j].is_ascii_whitespace() && !matches!(b[j], b'=' | b'>') {
                j += 1;
            }
            let attr = html[start..j].to_ascii_lowercase();
            let mut value = String::new();
            if j < b.len() && b[j] == b'=' {
                j += 1;
                if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                    let q = b[j] as char;
                    let end = html[j + 1..].find(q).map_or(html.len(), |k| j + 1 + k);
                    value = decode(&html[j + 1..end]);
                    j = end + 1;
                } else {
                    let start = j;
                    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                        j += 1;
                    }
                    value = decode(&html[start..j]);
                }
            }
            attrs.push((attr, value));
        }
        i = j.min(html.len());
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            i = html[i..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(html.len(), |k| i + k);
        }
        out.push(Tag { name, attrs });
    }
    out
}

/// Decodes the few entities minified attributes use.
pub fn decode(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Every `href` of the `<a>` tags in `html`.
pub fn hrefs(html: &str) -> Vec<String> {
    tags(html)
        .into_iter()
        .filter(|t| t.name == "a")
        .filter_map(|t| t.attr("href").map(str::to_owned))
        .collect()
}

/// The `id`s of `html`'s elements.
pub fn ids(html: &str) -> BTreeSet<String> {
    tags(html)
        .into_iter()
        .filter_map(|t| t.attr("id").map(str::to_owned))
        .collect()
}

/// The site path of a built HTML file (`guides/x/index.html` → `/guides/x/`).
pub fn file_to_url(rel: &str) -> String {
    match rel.strip_suffix("index.html") {
        Some(dir) if dir.is_empty() || dir.ends_with('/') => format!("/{dir}"),
        _ => format!("/{rel}"),
    }
}

/// Checks every internal `href`, `src`, form `action` and meta-refresh URL
/// of every HTML file under `out`: it must stay under the base path,
/// resolve to a built file (`/x/` → `x/index.html`), and its `#anchor`
/// must be an id of the target page. Returns one line per broken link.
pub fn broken_links(out: &Path, base_url: &str) -> Vec<String> {
    let base_url = if base_url.ends_with('/') {
        base_url.to_owned()
    } else {
        format!("{base_url}/")
    };
    let base_path = match base_url.find("://") {
        Some(i) => base_url[i + 3..]
            .find('/')
            .map_or("/".to_owned(), |j| base_url[i + 3 + j..].to_owned()),
        None => base_url.clone(),
    };
    let files = snapshot(out);
    let html: BTreeMap<&str, String> = files
        .iter()
        .filter(|(k, _)| k.ends_with(".html"))
        .map(|(k, v)| (k.as_str(), String::from_utf8_lossy(v).into_owned()))
        .collect();
    let mut id_cache: HashMap<&str, BTreeSet<String>> = HashMap::new();
    let mut broken = Vec::new();
    for (file, text) in &html {
        let page_url = format!("{}{}", base_path.trim_end_matches('/'), file_to_url(file));
        for tag in tags(text) {
            let mut urls: Vec<&str> = Vec::new();
            for attr in ["href", "src", "action"] {
                if let Some(v) = tag.attr(attr) {
                    urls.push(v);
                }
            }
            let refresh;
            if tag.name == "meta"
                && tag
                    .attr("http-equiv")
                    .is_some_and(|v| v.eq_ignore_ascii_case("refresh"))
            {
                let content = tag.attr("content").unwrap_or("");
                refresh = content
                    .split_once("url=")
                    .map(|(_, u)| u.trim().to_owned())
                    .unwrap_or_default();
                urls.push(&refresh);
            }
            for url in urls {
                if let Some(problem) = check_link(
                    url,
                    &page_url,
                    &base_url,
                    &base_path,
                    &files,
                    &html,
                    &mut id_cache,
                ) {
                    broken.push(format!("{file}: <{} {url}>: {problem}", tag.name));
                }
            }
        }
    }
    broken
}

fn check_link<'a>(
    url: &str,
    page_url: &str,
    base_url: &str,
    base_path: &str,
    files: &BTreeMap<String, Vec<u8>>,
    html: &'a BTreeMap<&'a str, String>,
    id_cache: &mut HashMap<&'a str, BTreeSet<String>>,
) -> Option<String> {
    let url = url.trim();
    // Absolute URLs: internal only if under the base URL.
    let path = if let Some(rest) = url.strip_prefix(base_url) {
        format!("{base_path}{rest}")
    } else if url.starts_with("//")
        || url.contains("://")
        || url.starts_with("mailto:")
        || url.starts_with("data:")
        || url.starts_with("tel:")
    {
        if url.contains("://") && !url.starts_with(base_url) {
            let host = |u: &str| {
                u.split("://")
                    .nth(1)
                    .and_then(|r| r.split('/').next())
                    .map(str::to_owned)
            };
            if host(url) == host(base_url) {
                return Some(format!(
                    "points at the site's host outside the base URL {base_url}"
                ));
            }
        }
        return None;
    } else if url.starts_with('/') {
        url.to_owned()
    } else if let Some(frag) = url.strip_prefix('#') {
        format!("{page_url}#{frag}")
    } else {
        // Relative to the page's folder.
        let dir = &page_url[..=page_url.rfind('/').unwrap_or(0)];
        format!("{dir}{url}")
    };
    let path = path
        .split_once('?')
        .map_or(path.as_str(), |(p, _)| p)
        .to_owned();
    let (path, frag) = match path.split_once('#') {
        Some((p, f)) => (p.to_owned(), Some(f.to_owned())),
        None => (path, None),
    };
    if frag.as_deref() == Some("") {
        return Some("empty `#` fragment".into());
    }
    let Some(rel) = path.strip_prefix(base_path) else {
        return Some(format!("is outside the base path {base_path}"));
    };
    // Resolve `.` and `..`.
    let mut segs: Vec<&str> = Vec::new();
    for s in rel.split('/') {
        match s {
            "." => {}
            ".." => {
                if segs.pop().is_none() {
                    return Some("climbs above the site root".into());
                }
            }
            s => segs.push(s),
        }
    }
    let rel = segs.join("/");
    let target = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel
    };
    if !files.contains_key(&target) {
        return Some(format!("no file {target} was built"));
    }
    if let Some(frag) = frag
        && target.ends_with(".html")
    {
        let key = html.get_key_value(target.as_str()).map(|(k, _)| *k)?;
        let ids = id_cache.entry(key).or_insert_with(|| ids(&html[key]));
        if !ids.contains(&frag) {
            return Some(format!("{target} has no id `{frag}`"));
        }
    }
    None
}

/// The `href`s of `<main>` links to pages under `prefix` (e.g. `/guides/`),
/// pagination pages excluded, in order and without repeats.
pub fn listed_pages(main: &str, prefix: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for h in hrefs(main) {
        let h = h.split('#').next().unwrap_or("").to_owned();
        if h.starts_with(prefix)
            && h != prefix
            && !h[prefix.len()..].starts_with("page/")
            && !out.contains(&h)
        {
            out.push(h);
        }
    }
    out
}
