//! Rebuilds that reuse an earlier build's work (`serve`, #17) are exactly
//! a clean build: a property test applies random sequences of edits to a
//! fixture site (body text, title, weight, date, tags, draft, slug,
//! aliases, a link that breaks and is fixed, a heading, a new page, a
//! deleted page, a renamed file, a data record and a tree changed) and
//! after every step compares what `serve` holds (`serve::Live` taking in
//! the changed files, the quick way or with its memo, into a
//! `serve::State`) to a clean build of the same files, byte for byte,
//! search index included; a build that fails must fail with the same
//! problems.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use casebook::build::{self, Options};
use casebook::serve::{Live, Rebuilt, State};
use proptest::prelude::*;

use crate::common::TestSite;

/// A page of the `notes/` section the test writes and rewrites.
#[derive(Debug, Clone)]
struct Note {
    title: String,
    weight: i64,
    date: u32,
    tags: Vec<&'static str>,
    draft: bool,
    slug: Option<String>,
    alias: Option<String>,
    /// Words added to the body.
    words: Vec<String>,
    /// Another note this one links to (by its position), if any.
    link: Option<usize>,
    /// The heading other notes link to (`## More`), renamed.
    heading: Option<String>,
    /// A word in the first paragraph, which listings show.
    summary: Option<String>,
    /// A long passage (over 200 words: a longer reading time).
    long: bool,
    /// Whether the link to another note names an anchor it lacks.
    bad_anchor: bool,
}

impl Note {
    fn new(n: usize) -> Note {
        Note {
            title: format!("Note {n}"),
            weight: n as i64,
            date: 1,
            tags: vec!["timing"],
            draft: false,
            slug: None,
            alias: None,
            words: Vec::new(),
            link: None,
            heading: None,
            summary: None,
            long: false,
            bad_anchor: false,
        }
    }

    fn text(&self, names: &[String]) -> String {
        let mut fm = format!(
            "---\ntitle: \"{}\"\nweight: {}\ndate: 2026-03-{:02}\ntags: [{}]\ndraft: {}\n",
            self.title,
            self.weight,
            self.date,
            self.tags.join(", "),
            self.draft
        );
        if let Some(s) = &self.slug {
            fm.push_str(&format!("slug: {s}\n"));
        }
        if let Some(a) = &self.alias {
            fm.push_str(&format!("aliases: [/{a}/]\n"));
        }
        let link = match self.link {
            // A link to a note that is gone stays broken until it is fixed.
            Some(i) => match names.get(i) {
                Some(name) => {
                    let anchor = if self.bad_anchor { "nowhere" } else { "more" };
                    format!("See [the other note](@/notes/{name}.md#{anchor}).\n\n")
                }
                None => "See [a lost note](@/notes/gone.md).\n\n".to_owned(),
            },
            None => String::new(),
        };
        let heading = self.heading.as_deref().unwrap_or("More");
        let summary = self.summary.as_deref().unwrap_or("wording");
        let long = if self.long {
            "word ".repeat(250)
        } else {
            String::new()
        };
        format!(
            "{fm}---\n\nA note about timing and {summary}.\n\n{link}## {heading}\n\n{} {long}\n\nSee [the guide](@/guides/timing.md) and [the case](@case:blank-request).\n",
            self.words.join(" ")
        )
    }
}

#[derive(Debug, Clone)]
enum Edit {
    Body(usize, String),
    Title(usize, String),
    Weight(usize, i64),
    Date(usize, u32),
    Tags(usize, Vec<&'static str>),
    Draft(usize, bool),
    Slug(usize, Option<String>),
    Alias(usize, Option<String>),
    Link(usize, Option<usize>),
    Heading(usize, Option<String>),
    Summary(usize, Option<String>),
    Long(usize, bool),
    Anchor(usize, bool),
    New,
    Delete(usize),
    Rename(usize, String),
    Record(String),
    Tree(String),
}

fn word() -> impl Strategy<Value = String> {
    "[a-z]{3,9}"
}

fn edit() -> impl Strategy<Value = Edit> {
    let n = 0..6usize;
    prop_oneof![
        (n.clone(), word()).prop_map(|(i, w)| Edit::Body(i, w)),
        (n.clone(), word()).prop_map(|(i, w)| Edit::Title(i, format!("Note on {w}"))),
        (n.clone(), -3..10i64).prop_map(|(i, w)| Edit::Weight(i, w)),
        (n.clone(), 1..28u32).prop_map(|(i, d)| Edit::Date(i, d)),
        (
            n.clone(),
            prop::sample::subsequence(vec!["timing", "messages", "tone"], 0..3)
        )
            .prop_map(|(i, t)| Edit::Tags(i, t)),
        (n.clone(), any::<bool>()).prop_map(|(i, d)| Edit::Draft(i, d)),
        (n.clone(), prop::option::of(word())).prop_map(|(i, s)| Edit::Slug(i, s)),
        (n.clone(), prop::option::of(word())).prop_map(|(i, a)| Edit::Alias(i, a)),
        (n.clone(), prop::option::of(0..8usize)).prop_map(|(i, l)| Edit::Link(i, l)),
        (n.clone(), prop::option::of(word())).prop_map(|(i, h)| Edit::Heading(i, h)),
        (n.clone(), prop::option::of(word())).prop_map(|(i, w)| Edit::Summary(i, w)),
        (n.clone(), any::<bool>()).prop_map(|(i, l)| Edit::Long(i, l)),
        (n.clone(), any::<bool>()).prop_map(|(i, b)| Edit::Anchor(i, b)),
        (n.clone(), word()).prop_map(|(i, w)| Edit::Body(i, w)),
        Just(Edit::New),
        n.clone().prop_map(Edit::Delete),
        (n, word()).prop_map(|(i, w)| Edit::Rename(i, w)),
        word().prop_map(Edit::Record),
        word().prop_map(Edit::Tree),
    ]
}

/// The `notes/` section: its pages by file name, in the order made.
struct Notes {
    names: Vec<String>,
    notes: Vec<Note>,
    made: usize,
}

impl Notes {
    fn apply(&mut self, site: &TestSite, edit: &Edit) {
        let len = self.notes.len();
        let at = |i: usize| if len == 0 { None } else { Some(i % len) };
        match edit.clone() {
            Edit::New => {
                self.made += 1;
                self.names.push(format!("note-{}", self.made));
                self.notes.push(Note::new(self.made));
            }
            Edit::Record(w) => {
                let title = format!("title: The blank request about {w}\n");
                site.write(
                    "content/data/cases.yaml",
                    &replace_line(
                        site,
                        "content/data/cases.yaml",
                        "  title: ",
                        &format!("  {title}"),
                    ),
                );
            }
            Edit::Tree(w) => {
                let path = "content/decisions/pick.yaml";
                site.write(
                    path,
                    &replace_line(
                        site,
                        path,
                        "    title: Send",
                        &format!("    title: Send a note on {w}\n"),
                    ),
                );
            }
            Edit::Delete(i) | Edit::Rename(i, _) if at(i).is_none() => {}
            Edit::Delete(i) => {
                let i = at(i).unwrap();
                site.remove(&format!("content/notes/{}.md", self.names[i]));
                self.names.remove(i);
                self.notes.remove(i);
            }
            Edit::Rename(i, w) => {
                let i = at(i).unwrap();
                let from = site
                    .root()
                    .join(format!("content/notes/{}.md", self.names[i]));
                self.names[i] = format!("{w}-{}", self.made);
                self.made += 1;
                fs::rename(
                    from,
                    site.root()
                        .join(format!("content/notes/{}.md", self.names[i])),
                )
                .unwrap();
            }
            other => {
                let Some(i) = at(index_of(&other)) else {
                    return;
                };
                let n = &mut self.notes[i];
                match other {
                    Edit::Body(_, w) => n.words.push(w),
                    Edit::Title(_, t) => n.title = t,
                    Edit::Weight(_, w) => n.weight = w,
                    Edit::Date(_, d) => n.date = d,
                    Edit::Tags(_, t) => n.tags = t,
                    Edit::Draft(_, d) => n.draft = d,
                    Edit::Slug(_, s) => n.slug = s,
                    Edit::Alias(_, a) => n.alias = a,
                    Edit::Link(_, l) => n.link = l,
                    Edit::Heading(_, h) => n.heading = h,
                    Edit::Summary(_, w) => n.summary = w,
                    Edit::Long(_, l) => n.long = l,
                    Edit::Anchor(_, b) => n.bad_anchor = b,
                    _ => unreachable!("handled above"),
                }
            }
        }
        self.write(site);
    }

    /// Writes every note whose text changed.
    fn write(&self, site: &TestSite) {
        for (name, note) in self.names.iter().zip(&self.notes) {
            let rel = format!("content/notes/{name}.md");
            let text = note.text(&self.names);
            if fs::read_to_string(site.root().join(&rel)).ok().as_deref() != Some(text.as_str()) {
                site.write(&rel, &text);
            }
        }
    }
}

fn index_of(edit: &Edit) -> usize {
    match edit {
        Edit::Body(i, _)
        | Edit::Title(i, _)
        | Edit::Weight(i, _)
        | Edit::Date(i, _)
        | Edit::Tags(i, _)
        | Edit::Draft(i, _)
        | Edit::Slug(i, _)
        | Edit::Alias(i, _)
        | Edit::Link(i, _)
        | Edit::Heading(i, _)
        | Edit::Summary(i, _)
        | Edit::Long(i, _)
        | Edit::Anchor(i, _)
        | Edit::Delete(i)
        | Edit::Rename(i, _) => *i,
        Edit::New | Edit::Record(_) | Edit::Tree(_) => 0,
    }
}

/// The text of `rel` with its first line starting with `prefix` replaced.
fn replace_line(site: &TestSite, rel: &str, prefix: &str, line: &str) -> String {
    let text = fs::read_to_string(site.root().join(rel)).unwrap();
    let mut done = false;
    text.split_inclusive('\n')
        .map(|l| {
            if !done && l.starts_with(prefix) {
                done = true;
                line.to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect()
}

/// A build's files by path, or its problems as text.
type Outcome = Result<BTreeMap<String, Vec<u8>>, String>;

/// What a clean build gave: its files, or its problems as text.
fn outcome(
    built: Result<
        (build::Built, Vec<casebook::artifact::OutputFile>),
        casebook::diagnostics::Diagnostics,
    >,
) -> Result<BTreeMap<String, Vec<u8>>, String> {
    built
        .map(|(_, files)| {
            files
                .into_iter()
                .map(|f| (f.path, f.bytes.to_vec()))
                .collect()
        })
        .map_err(|p| format!("{p:?}"))
}

/// A clean build of the site at `opts.root`.
fn clean(opts: &Options) -> Outcome {
    outcome(build::load(opts).and_then(|input| build::compile(input, opts)))
}

/// What `serve` holds after taking in a change to `changed`: its files, or
/// the rebuild's problems as text; and how the rebuild went.
fn serve_rebuild(
    live: &mut Live,
    state: &mut State,
    changed: &[PathBuf],
) -> (Outcome, Option<Rebuilt>) {
    match live.rebuild(changed, &mut |u| state.apply(u)) {
        Ok(done) => {
            let files = state
                .files
                .iter()
                .map(|(k, v)| (k.clone(), v.to_vec()))
                .collect();
            (Ok(files), Some(done))
        }
        Err(p) => (Err(format!("{p:?}")), None),
    }
}

/// Every file of the site's sources, by path from its root.
fn sources(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(root).unwrap().to_path_buf();
            (rel, fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The paths whose file is new, changed or gone: what the watcher reports.
fn changed(
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
) -> Vec<PathBuf> {
    before
        .keys()
        .chain(after.keys())
        .filter(|p| before.get(*p) != after.get(*p))
        .cloned()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// Options for serve and for the clean builds it is held to. The clean
/// builds remake every page's body (as a large site's build does) while
/// serve keeps them, so the property test holds the two ways to the same
/// bytes.
fn options(root: &Path) -> Options {
    Options {
        root: root.to_path_buf(),
        base_url: Some("http://127.0.0.1:4000/".to_owned()),
        no_minify: true,
        remake_above: Some(0),
        ..Options::default()
    }
}

#[test]
fn remaking_bodies_as_pages_are_written_changes_no_byte() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sites = [
        "",
        "tests/fixtures/basic",
        "tests/fixtures/multilingual",
        "tests/fixtures/rich",
    ];
    for dir in sites {
        let remade = Options {
            no_minify: false,
            ..options(&root.join(dir))
        };
        let kept = Options {
            remake_above: Some(usize::MAX),
            ..remade.clone()
        };
        let (a, b) = (clean(&remade), clean(&kept));
        let files = a.as_ref().map_or(0, BTreeMap::len);
        assert!(files > 10, "{dir}: {:?}", a.as_ref().err());
        assert!(a == b, "{dir}: {}", first_difference(&a, &b));
    }
}

/// Both kinds of build keep the search index's parts in the spare: one
/// that keeps its bodies analyses the records after the render, one that
/// remakes them (a large site's) a run of pages at a time as the render
/// writes them (#17). After one page's edit, or a page added, only the
/// part that holds it is analysed again, and the output is a clean
/// build's.
#[test]
fn both_kinds_of_build_keep_index_parts() {
    for remake_above in [Some(0), Some(usize::MAX)] {
        let site = TestSite::new("basic");
        // Parts are 64 pages long, or as long on average.
        for i in 0..200 {
            let page = format!("---\ntitle: Note {i}\n---\n\nWrite after {i} days.\n");
            site.write(&format!("content/guides/note-{i:03}.md"), &page);
        }
        let opts = Options {
            root: site.root().to_path_buf(),
            remake_above,
            ..Options::default()
        };
        let parts = || build::write(&opts).map(|(built, _)| built.search_parts);
        assert_eq!(parts().ok(), Some(None), "a first build has no spare");
        let Some([0, all]) = parts().ok().flatten() else {
            panic!("{remake_above:?}: the second build keeps its parts");
        };
        assert_eq!(parts().ok().flatten(), Some([all, 0]), "{remake_above:?}");
        site.edit(
            "content/guides/note-100.md",
            "Write after",
            "Write back after",
        );
        let [read, made] = parts().ok().flatten().expect("kept");
        let what = format!("{remake_above:?}: {read} read back, {made} made of {all}");
        if remake_above == Some(0) {
            // The render's runs are 64 pages each: the edited page's alone.
            assert_eq!((read, made), (all - 1, 1), "{what}");
        } else {
            // Cut where the digests say, the edited page's part may merge
            // with the next or split in two (the digests are salted with
            // the executable, so where they fall differs from build to
            // build of casebook); the parts after it are the same.
            assert!((1..=3).contains(&made) && read + 3 >= all, "{what}");
        }
        // A page added before most others: the parts after it stay.
        site.write(
            "content/guides/aaa.md",
            "---\ntitle: First\n---\n\nWrite first.\n",
        );
        let [read, made] = parts().ok().flatten().expect("kept");
        let what = format!("{remake_above:?}: {read} read back, {made} made of {all}");
        assert!((1..=3).contains(&made) && read + 3 >= all, "{what}");
        let fresh = tempfile::tempdir().unwrap();
        let fresh_opts = Options {
            output_dir: Some(fresh.path().join("out")),
            ..opts.clone()
        };
        build::write(&fresh_opts).unwrap();
        assert!(
            crate::common::snapshot(&site.root().join("public"))
                == crate::common::snapshot(&fresh.path().join("out")),
            "{remake_above:?}: differs from a clean build"
        );
    }
}

/// A large site's render hands its pages' text to the search index a run
/// of 64 pages at a time: with several runs, in two languages, the site is
/// the one a build that keeps every body makes.
#[test]
fn pages_analysed_as_they_are_rendered_change_no_byte() {
    let site = TestSite::new("multilingual");
    for i in 0..150 {
        let page = format!("---\ntitle: Note {i}\n---\n\nWrite to the manager after {i} days.\n");
        site.write(&format!("content/guides/note-{i:03}.md"), &page);
        if i % 3 == 0 {
            let es = page.replace("Write to the manager", "Escribe al responsable");
            site.write(&format!("content/es/guides/note-{i:03}.md"), &es);
        }
    }
    let remade = options(site.root());
    let kept = Options {
        remake_above: Some(usize::MAX),
        ..remade.clone()
    };
    let (a, b) = (clean(&remade), clean(&kept));
    let files = a.as_ref().map(BTreeMap::len);
    assert!(files.as_ref().is_ok_and(|&n| n > 200), "{files:?}");
    assert!(a == b, "{}", first_difference(&a, &b));
}

/// The first difference between two builds, for the failure message.
fn first_difference(
    a: &Result<BTreeMap<String, Vec<u8>>, String>,
    b: &Result<BTreeMap<String, Vec<u8>>, String>,
) -> String {
    match (a, b) {
        (Ok(a), Ok(b)) => {
            let paths: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for p in paths {
                if a.get(p) != b.get(p) {
                    let show = |f: Option<&Vec<u8>>| {
                        f.map_or("(missing)".to_owned(), |b| {
                            String::from_utf8_lossy(b).chars().take(3000).collect()
                        })
                    };
                    return format!(
                        "{p} differs:\nrebuild: {}\nclean:   {}",
                        show(a.get(p)),
                        show(b.get(p))
                    );
                }
            }
            "same".to_owned()
        }
        (a, b) => format!("rebuild: {a:?}\nclean: {b:?}")
            .chars()
            .take(4000)
            .collect(),
    }
}

/// The basic fixture with a paginated `notes/` section of three notes,
/// the first linking to the second.
fn notes_site() -> (TestSite, Notes) {
    let site = TestSite::new("basic");
    site.write(
        "content/notes/_index.md",
        "---\ntitle: Notes\npaginate_by: 2\n---\n\nShort notes.\n",
    );
    let mut notes = Notes {
        names: Vec::new(),
        notes: Vec::new(),
        made: 0,
    };
    for _ in 0..3 {
        notes.apply(&site, &Edit::New);
    }
    notes.apply(&site, &Edit::Link(0, Some(1)));
    (site, notes)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn what_serve_holds_after_each_save_equals_a_clean_build(edits in prop::collection::vec(edit(), 1..7)) {
        let (site, mut notes) = notes_site();
        let opts = options(site.root());
        let mut live = Live::new(opts.clone());
        let mut state = State::default();
        let _ = serve_rebuild(&mut live, &mut state, &[]);
        for edit in &edits {
            let before = sources(site.root());
            notes.apply(&site, edit);
            let paths = changed(&before, &sources(site.root()));
            let (served, _) = serve_rebuild(&mut live, &mut state, &paths);
            let clean = clean(&opts);
            prop_assert!(served == clean, "after {:?}: {}", edit, first_difference(&served, &clean));
        }
    }
}

/// A save that changes a page's body and nothing another page shows of it
/// takes the quick way, and serve still holds a clean build's files; a
/// renamed heading (its anchor), a new summary or a longer reading time,
/// which other pages show, rebuild everything.
#[test]
fn a_body_edit_is_quick_and_a_heading_is_not() {
    let (site, mut notes) = notes_site();
    let opts = options(site.root());
    let mut live = Live::new(opts.clone());
    let mut state = State::default();
    let (_, first) = serve_rebuild(&mut live, &mut state, &[]);
    assert_eq!(
        first.map(|r| r.quick),
        Some(false),
        "the first build is whole"
    );
    // What each save gives: a quick rebuild, a full one, or an error.
    let steps = [
        (Edit::Body(1, "quokkaword".into()), Some(true)),
        (Edit::Link(2, Some(0)), Some(true)),
        // The first note links to `#more` of this one.
        (Edit::Heading(1, Some("lastly".into())), None),
        (Edit::Heading(1, None), Some(false)),
        (Edit::Body(1, "again".into()), Some(true)),
        (Edit::Summary(2, Some("tone".into())), Some(false)),
        (Edit::Long(2, true), Some(false)),
        (Edit::Body(2, "more".into()), Some(true)),
        (Edit::Title(0, "Renamed".into()), Some(false)),
        // A body edit that breaks a link's anchor is an error, as in a
        // clean build, and the fix rebuilds everything.
        (Edit::Anchor(0, true), None),
        (Edit::Anchor(0, false), Some(false)),
    ];
    for (edit, quick) in steps {
        let before = sources(site.root());
        notes.apply(&site, &edit);
        let paths = changed(&before, &sources(site.root()));
        assert_eq!(paths.len(), 1, "{paths:?}");
        let (served, done) = serve_rebuild(&mut live, &mut state, &paths);
        let clean = clean(&opts);
        assert!(
            served == clean,
            "after {edit:?}: {}",
            first_difference(&served, &clean)
        );
        assert_eq!(done.map(|d| d.quick), quick, "after {edit:?}");
    }
    let page = String::from_utf8(state.files["notes/note-2/index.html"].to_vec()).unwrap();
    assert!(
        page.contains("quokkaword") && page.contains("again"),
        "{page}"
    );
    let index: String = state
        .files
        .iter()
        .filter(|(p, _)| p.starts_with("search/"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    assert!(
        index.contains("quokkaword"),
        "the quick way made the search index again"
    );
}

/// In every language and with page bundles, images and code: a paragraph
/// added at the end of any page's body is taken in the quick way, and the
/// result is a clean build's; a second reference to an image the page
/// already shows is too, and a new image is not (its copies are made by a
/// full rebuild).
#[test]
fn body_edits_in_every_edition_and_bundle_are_quick_and_clean() {
    for fixture in ["multilingual", "rich"] {
        let site = TestSite::new(fixture);
        let opts = options(site.root());
        let mut live = Live::new(opts.clone());
        let mut state = State::default();
        let (_, first) = serve_rebuild(&mut live, &mut state, &[]);
        assert!(first.is_some(), "{fixture} builds");
        let pages: Vec<PathBuf> = sources(site.root())
            .into_keys()
            .filter(|p| p.starts_with("content") && p.extension().is_some_and(|e| e == "md"))
            .collect();
        for (n, page) in pages.iter().enumerate() {
            let text = fs::read_to_string(site.root().join(page)).unwrap();
            let word = format!("zqxclosing{n}");
            site.write(
                &page.to_string_lossy(),
                &format!("{text}\n\nA closing line with {word}.\n"),
            );
            let (served, done) = serve_rebuild(&mut live, &mut state, std::slice::from_ref(page));
            let clean = clean(&opts);
            assert!(
                served == clean,
                "{fixture}, {}: {}",
                page.display(),
                first_difference(&served, &clean)
            );
            assert_eq!(
                done.map(|d| d.quick),
                Some(true),
                "{fixture}, {}",
                page.display()
            );
        }
    }
    let site = TestSite::new("rich");
    let opts = options(site.root());
    let mut live = Live::new(opts.clone());
    let mut state = State::default();
    let _ = serve_rebuild(&mut live, &mut state, &[]);
    let page = PathBuf::from("content/guides/first-note/index.md");
    let text = fs::read_to_string(site.root().join(&page)).unwrap();
    // An image no page showed yet: its resized copies come with a full
    // rebuild.
    let wide = PathBuf::from("content/guides/first-note/wide.png");
    fs::write(
        site.root().join(&wide),
        crate::images::screenshot(1600, 400, 7),
    )
    .unwrap();
    let (_, done) = serve_rebuild(&mut live, &mut state, &[wide]);
    assert_eq!(done.map(|d| d.quick), Some(false));
    for (added, quick) in [
        ("![The same note again](note.png)", true),
        ("![Replies by day](../timing-chart.png)", false),
        ("![The whole window](wide.png)", false),
    ] {
        site.write(
            "content/guides/first-note/index.md",
            &format!("{text}\n\n{added}\n"),
        );
        let (served, done) = serve_rebuild(&mut live, &mut state, std::slice::from_ref(&page));
        let clean = clean(&opts);
        assert!(
            served == clean,
            "{added}: {}",
            first_difference(&served, &clean)
        );
        assert_eq!(done.map(|d| d.quick), Some(quick), "{added}");
    }
}

/// A quick rebuild's search index gives way to a newer save (serve sets
/// the flag when one arrives): the pages are served at once, and the next
/// rebuild makes the index that was left behind, so it ends as a clean
/// build's.
#[test]
fn an_index_stopped_by_a_newer_save_is_made_by_the_next_rebuild() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let (site, mut notes) = notes_site();
    let opts = options(site.root());
    let newer = Arc::new(AtomicBool::new(false));
    let mut live = Live::new(opts.clone()).stop_index_on(Arc::clone(&newer));
    let mut state = State::default();
    let _ = serve_rebuild(&mut live, &mut state, &[]);
    let index_has = |state: &State, word: &str| {
        state
            .files
            .iter()
            .any(|(p, b)| p.starts_with("search/") && String::from_utf8_lossy(b).contains(word))
    };
    let save = |notes: &mut Notes, live: &mut Live, state: &mut State, word: &str| {
        let before = sources(site.root());
        notes.apply(&site, &Edit::Body(0, word.to_owned()));
        let paths = changed(&before, &sources(site.root()));
        serve_rebuild(live, state, &paths)
    };
    newer.store(true, Ordering::Relaxed);
    let (served, done) = save(&mut notes, &mut live, &mut state, "firstqz");
    assert_eq!(done.map(|d| (d.quick, d.indexed)), Some((true, false)));
    let page = served.unwrap()["notes/note-1/index.html"].clone();
    assert!(String::from_utf8_lossy(&page).contains("firstqz"));
    assert!(!index_has(&state, "firstqz"), "the index gave way");
    newer.store(false, Ordering::Relaxed);
    let (served, done) = save(&mut notes, &mut live, &mut state, "secondqz");
    assert_eq!(done.map(|d| d.indexed), Some(true));
    assert!(index_has(&state, "firstqz") && index_has(&state, "secondqz"));
    let clean = clean(&opts);
    assert!(served == clean, "{}", first_difference(&served, &clean));
}

/// A build that lets each page's body go after the model stage (as a
/// large site's does) reports a missing anchor in the body as a build
/// that keeps them: same message, with the line it is on, read again.
#[test]
fn a_remade_build_shows_the_line_of_a_problem_in_a_body() {
    let site = TestSite::new("basic");
    site.write(
        "content/guides/anchors.md",
        "---\ntitle: Anchors\n---\n\nSome text.\n\nSee [the missing part](#no-such-part) below.\n",
    );
    let remade = options(site.root());
    let kept = Options {
        remake_above: Some(usize::MAX),
        ..remade.clone()
    };
    let (a, b) = (clean(&remade), clean(&kept));
    let message = a.expect_err("a missing anchor fails the build");
    assert_eq!(Some(&message), b.as_ref().err());
    assert!(
        message.contains("See [the missing part](#no-such-part) below."),
        "{message}"
    );
}

/// A page saved again between the model stage and the render of a build
/// that reads it again is `file/changed`, not a page made from two texts.
#[test]
fn a_page_changed_before_it_is_read_again_fails_the_build() {
    let site = TestSite::new("basic");
    let opts = options(site.root());
    let input = build::load(&opts).expect("the fixture loads");
    let (_, unchanged) = build::compile(input, &opts).expect("the fixture builds");
    assert!(unchanged.len() > 10);
    let input = build::load(&opts).expect("the fixture loads");
    site.edit("content/about.md", "outside the guides", "outside every");
    let Err(problems) = build::compile(input, &opts) else {
        panic!("a page changed between its two reads, and the build went on");
    };
    let text = format!("{problems:?}");
    assert!(
        text.contains("file/changed") || text.contains("FileChanged"),
        "{text}"
    );
    assert!(text.contains("about.md"), "{text}");
}

/// A build that remakes its pages' bodies (a large site's) keeps each
/// page's Markdown in the spare twice: the model's, without the HTML and
/// text sections it lets go, and the render's, with them. The render
/// reads its bodies back rather than rendering them again, and what it
/// reads back changes no byte of the output (#17).
#[test]
fn a_build_that_remakes_bodies_reads_back_the_markdown_of_unchanged_pages() {
    let site = TestSite::new("basic");
    for i in 0..12 {
        site.write(
            &format!("content/guides/ring-{i:02}.md"),
            &format!(
                "---\ntitle: Ring {i}\n---\n\nRing {i}: on to [the next](@/guides/ring-{:02}.md).\n",
                (i + 1) % 12
            ),
        );
    }
    let opts = Options {
        root: site.root().to_path_buf(),
        remake_above: Some(0),
        ..Options::default()
    };
    let counts = || build::write(&opts).map(|(b, _)| b.markdown).unwrap();
    // The first build has nowhere to keep it, the second saves it.
    counts();
    // Counted as [read back, rendered]: each page twice.
    let [read, all] = counts().expect("the spare keeps the Markdown");
    assert!(all > 24 && read == 0, "{all} renders, {read} read back");
    assert_eq!(counts(), Some([all, 0]));
    site.edit(
        "content/guides/ring-05.md",
        "title: Ring 5",
        "title: Ring 5\nslug: five",
    );
    // ring-05 and ring-04, whose link goes elsewhere now: twice each.
    assert_eq!(counts(), Some([all - 4, 4]));
    let fresh = tempfile::tempdir().unwrap();
    let fresh_opts = Options {
        output_dir: Some(fresh.path().join("out")),
        ..opts.clone()
    };
    build::write(&fresh_opts).unwrap();
    let out = site.root().join("public");
    assert!(
        crate::common::snapshot(&out) == crate::common::snapshot(&fresh.path().join("out")),
        "differs from a clean build"
    );
    assert!(
        fs::read_to_string(out.join("guides/ring-04/index.html"))
            .unwrap()
            .contains("/guides/five/")
    );
}

/// A large site's render reads a page's body back from the spare without
/// reading its file again; a problem with a shortcode in that body still
/// shows its line, read from the file then (#17).
#[test]
fn a_shortcode_problem_in_a_body_read_back_shows_its_line() {
    let site = TestSite::new("basic");
    let opts = Options {
        root: site.root().to_path_buf(),
        remake_above: Some(0),
        ..Options::default()
    };
    build::write(&opts).expect("the fixture builds");
    build::write(&opts).expect("the fixture builds again");
    let line = "{{ case(id=\"blank-requets\") }}";
    site.write(
        "content/guides/broken.md",
        &format!("---\ntitle: Broken\n---\n\nThe case:\n\n{line}\n"),
    );
    // Rendered, then read back: the same problem, at the same place.
    for build in ["rendered", "read back"] {
        let Err(problems) = build::write(&opts) else {
            panic!("{build}: a missing case in a shortcode fails the build");
        };
        let text = format!("{problems:?}");
        assert!(text.contains("blank-requets"), "{build}: {text}");
        assert!(text.contains("broken.md"), "{build}: {text}");
        assert!(text.contains("line: 7"), "{build}: {text}");
        assert!(text.contains(&format!("{line:?}")), "{build}: {text}");
    }
}
