//! Integration tests for `casebook build` and `casebook check` (issue 2).
//!
//! Each test copies a small fixture site from `tests/fixtures/` into a temp
//! dir, runs the real binary on it and reads what it wrote. `basic` holds
//! every content kind once; `errors/<case>` folders are overlays that break
//! one thing each (plus `three-problems`, which breaks three). The flagship
//! site at the repository root is built once at the end.

use std::collections::BTreeSet;
use std::fs;

use crate::common::*;

const BASE: &str = "https://fixture.example/";

/// The guides of `basic`, in section order: weight, then title.
const GUIDE_ORDER: [&str; 4] = [
    "/guides/first-steps/",
    "/guides/timing/",
    "/guides/notes/",
    "/guides/follow-up/",
];

fn built(fixture: &str) -> TestSite {
    let site = TestSite::new(fixture);
    site.build(&["--quiet"]).success();
    site
}

// ---------------------------------------------------------------- pages

#[test]
fn every_content_kind_gets_a_page_at_a_pretty_url() {
    let site = built("basic");
    let out = site.out();
    for url in [
        "/",
        "/about/",
        "/guides/",
        "/guides/first-steps/",
        "/guides/timing/",
        "/guides/notes/",
        "/guides/follow-up/",
        "/cases/",
        "/quotes/",
        "/faq/",
        "/templates/",
        "/sources/",
        "/tags/",
        "/tags/timing/",
        "/search/",
        "/decide/pick/",
        "/decide/pick/yes/",
        "/decide/pick/yes/yes/",
        "/decide/pick/yes/no/",
        "/decide/pick/not-yet/",
        "/decide/pick/map/",
        "/404.html",
    ] {
        assert!(
            out.exists(&url_to_file(url)),
            "no page for {url}; built: {:#?}",
            out.files()
        );
        let html = out.page(url);
        assert!(
            html.starts_with("<!doctype html>") || html.starts_with("<!DOCTYPE html>"),
            "{url} is not an HTML page"
        );
    }
    // Pretty URLs only: no `guides/notes.html` next to `guides/notes/index.html`.
    for f in out.files() {
        if f.ends_with(".html") {
            assert!(
                f.ends_with("index.html") || f == "404.html" || f == "legacy/notes.html",
                "unexpected page file {f}"
            );
        }
    }
    // Each page's own title, not a neighbour's.
    assert!(
        out.main("/guides/timing/")
            .contains("After applying: when to reach out")
    );
    assert!(out.main("/about/").contains("outside the guides section"));
    // Static files are copied byte for byte.
    assert_eq!(
        out.read("files/checklist.txt"),
        fs::read_to_string(site.root().join("static/files/checklist.txt")).unwrap()
    );
    assert_eq!(
        out.read("img/logo.svg"),
        fs::read_to_string(site.root().join("static/img/logo.svg")).unwrap()
    );
}

#[test]
fn sections_list_pages_by_weight_then_title_and_paginate() {
    let site = built("basic");
    let out = site.out();
    // paginate_by: 2 in content/guides/_index.md; four published guides.
    let first = listed_pages(&out.main("/guides/"), "/guides/");
    let second = listed_pages(&out.main("/guides/page/2/"), "/guides/");
    assert!(
        first.len() <= 2 && second.len() <= 2,
        "a list page holds more than paginate_by: {first:?} {second:?}"
    );
    let all: Vec<String> = first.iter().chain(&second).cloned().collect();
    assert_eq!(all, GUIDE_ORDER, "weight first, then title (not file name)");
    assert!(
        !out.exists("guides/page/3/index.html"),
        "an empty third page was written"
    );
    assert!(
        !out.exists("guides/page/1/index.html"),
        "page 1 of a section is the section's own URL"
    );
    // The list pages link to each other.
    assert!(hrefs(&out.main("/guides/")).contains(&"/guides/page/2/".to_owned()));
    assert!(hrefs(&out.main("/guides/page/2/")).contains(&"/guides/".to_owned()));
    // Previous/next on a guide follow the same order.
    let rel = |url: &str, rel: &str| {
        tags(&out.main(url))
            .into_iter()
            .find(|t| t.name == "a" && t.attr("rel") == Some(rel))
            .and_then(|t| t.attr("href").map(str::to_owned))
    };
    assert_eq!(
        rel("/guides/notes/", "prev").as_deref(),
        Some("/guides/timing/")
    );
    assert_eq!(
        rel("/guides/notes/", "next").as_deref(),
        Some("/guides/follow-up/")
    );
    assert_eq!(rel("/guides/first-steps/", "prev"), None);
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = built("basic");
    let out = site.out();
    assert!(!out.exists("guides/unfinished/index.html"));
    for (f, bytes) in out.snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("/guides/unfinished/") && !text.contains("An unfinished draft"),
            "{f} mentions the draft"
        );
    }

    site.build(&["--quiet", "--drafts"]).success();
    let out = site.out();
    assert!(
        out.exists("guides/unfinished/index.html"),
        "--drafts did not build the draft"
    );
    // Weight 1 puts it first; five guides now make three list pages.
    let mut all = Vec::new();
    for url in ["/guides/", "/guides/page/2/", "/guides/page/3/"] {
        let listed = listed_pages(&out.main(url), "/guides/");
        assert!(listed.len() <= 2, "{url} lists {listed:?}");
        all.extend(listed);
    }
    let mut expected = vec!["/guides/unfinished/".to_owned()];
    expected.extend(GUIDE_ORDER.iter().map(|s| s.to_string()));
    assert_eq!(all, expected);
}

#[test]
fn a_rebuild_removes_pages_whose_source_is_gone() {
    let site = TestSite::new("basic");
    site.write(
        "content/guides/temporary.md",
        "---\ntitle: Here today\ntags: [fleeting]\n---\n\nGone tomorrow.\n",
    );
    site.build(&["--quiet"]).success();
    assert!(
        site.out().exists("guides/temporary/index.html")
            && site.out().exists("tags/fleeting/index.html")
    );
    site.remove("content/guides/temporary.md");
    site.build(&["--quiet"]).success();
    assert!(
        !site.out().exists("guides/temporary/index.html"),
        "the page of a deleted file is still there"
    );
    assert!(
        !site.out().exists("tags/fleeting/index.html"),
        "the tag only the deleted page used is still there"
    );
}

/// A rebuild writes into the previous output's spare, changing only what
/// changed; the result must be exactly what a build into an empty folder
/// gives, pages added, edited and removed, a static file turned into a
/// folder, stale tags gone.
#[test]
fn a_rebuild_into_the_spare_matches_a_clean_build() {
    let site = TestSite::new("basic");
    site.write(
        "content/guides/temporary.md",
        "---\ntitle: Here today\ntags: [fleeting]\n---\n\nGone tomorrow.\n",
    );
    site.write("static/notes", "a file that becomes a folder");
    site.build(&["--quiet"]).success();
    site.build(&["--quiet"]).success();
    assert!(
        site.root().join(".public.casebook-spare").is_dir(),
        "the second build kept no spare"
    );
    site.remove("content/guides/temporary.md");
    site.remove("static/notes");
    site.write("static/notes/index.txt", "now a folder");
    site.write(
        "content/guides/fresh.md",
        "---\ntitle: Brand new\n---\n\nJust written.\n",
    );
    site.edit(
        "content/guides/follow-up.md",
        "title: Following up",
        "title: Following up, edited",
    );
    site.build(&["--quiet"]).success();
    let fresh = site.root().join("fresh-out");
    site.build(&["--quiet", "--output-dir", fresh.to_str().unwrap()])
        .success();
    let reused = site.out().snapshot();
    assert!(reused.contains_key("guides/fresh/index.html"));
    assert!(!reused.contains_key("guides/temporary/index.html"));
    assert!(!reused.contains_key("tags/fleeting/index.html"));
    assert_eq!(
        reused.keys().collect::<Vec<_>>(),
        snapshot(&fresh).keys().collect::<Vec<_>>(),
        "a rebuild into the spare left different files"
    );
    assert!(
        reused == snapshot(&fresh),
        "a rebuild into the spare differs"
    );
    // The third build kept unchanged pages through the minify memo, which
    // stays in the spare and is never deployed.
    assert!(!site.root().join("public/.casebook-minified").exists());
    assert!(
        site.root()
            .join(".public.casebook-spare/.casebook-minified")
            .is_file()
    );
}

/// The search index's analysed parts are kept in the spare (#17): the
/// third build reads every part back, an edit, a new page and a deleted
/// one make only the parts around them again, a damaged file makes them
/// all again, and every time the site is the one a clean build makes.
/// The file is never deployed.
#[test]
fn a_rebuild_reads_back_unchanged_parts_of_the_search_index() {
    let site = TestSite::new("basic");
    for i in 0..400 {
        site.write(
            &format!("content/guides/note-{i:03}.md"),
            &format!(
                "---\ntitle: Note {i} on reaching out\n---\n\nNote {i}: wait {} days, then write{}.\n",
                i % 9,
                " again".repeat(i % 4)
            ),
        );
    }
    // "  search index: N parts, M of them read back from the last build"
    let parts = |run: Run| timings_pair(&run, "search index: ");
    let clean_matches = |what: &str| assert_clean_build(&site, what);
    site.build(&["--quiet"]).success();
    let first = site.build(&["--timings"]).success();
    let [all, read] = parts(first);
    assert!(all >= 4 && read == 0, "{all} parts, {read} read back");
    assert_eq!(parts(site.build(&["--timings"]).success()), [all, all]);
    clean_matches("unchanged");
    site.edit(
        "content/guides/note-200.md",
        "then write",
        "then write a longer note",
    );
    let [now, read] = parts(site.build(&["--timings"]).success());
    assert!(
        now.abs_diff(all) <= 1 && read + 2 >= now,
        "{now} parts, {read} read back"
    );
    clean_matches("one page edited");
    site.remove("content/guides/note-050.md");
    site.write(
        "content/guides/note-300a.md",
        "---\ntitle: A new note\n---\n\nFreshly written words.\n",
    );
    let [now, read] = parts(site.build(&["--timings"]).success());
    assert!(read + 4 >= now, "{now} parts, {read} read back");
    clean_matches("a page added and one deleted");
    let spare = site.root().join(".public.casebook-spare");
    let kept = spare.join(".casebook-search-parts");
    let mut bytes = fs::read(&kept).expect("the spare keeps the parts");
    // The file is a log: parts no build uses any more stay in it, so one
    // byte flipped might miss every part in use. A byte in every 512 of
    // its first half (past the header, before the last table) hits the
    // parts the first build wrote, most of which this build uses.
    let header = bytes.iter().position(|&b| b == b'\n').expect("header") + 1;
    for at in (header..bytes.len() / 2).step_by(512) {
        bytes[at] ^= 0x55;
    }
    fs::write(&kept, &bytes).unwrap();
    let [now, read] = parts(site.build(&["--timings"]).success());
    assert!(read < now, "a damaged part was read back: {read} of {now}");
    clean_matches("a damaged file");
    let files = site.out().files();
    assert!(
        !files.iter().any(|f| f.contains("casebook-search-parts")),
        "deployed: {files:?}"
    );
    assert!(spare.join(".casebook-search-parts").is_file());
    assert!(!spare.join(".casebook-search-parts.new").exists());
}

/// The first two numbers of the `--timings` line of `run` that starts
/// with `prefix`.
fn timings_pair(run: &Run, prefix: &str) -> [usize; 2] {
    let line = (run.stdout.lines())
        .find_map(|l| l.trim().strip_prefix(prefix))
        .unwrap_or_else(|| panic!("no `{prefix}` line in\n{}", run.stdout));
    let n: Vec<usize> = (line.split(|c: char| !c.is_ascii_digit()))
        .filter_map(|w| w.parse().ok())
        .collect();
    [n[0], n[1]]
}

/// Asserts that `site`'s output is what a clean build into a new folder
/// makes.
fn assert_clean_build(site: &TestSite, what: &str) {
    let fresh = tempfile::tempdir().expect("tempdir");
    let fresh = fresh.path().join("out");
    site.build(&["--quiet", "--output-dir", fresh.to_str().unwrap()])
        .success();
    assert!(
        site.out().snapshot() == snapshot(&fresh),
        "{what}: differs from a clean build"
    );
}

/// A rebuild keeps, without running its template, each page an earlier
/// build made from the same executable, templates, globals and context,
/// when the spare still holds exactly what that build wrote (#17).
/// Whatever changes, the output is a clean build's.
#[test]
fn a_rebuild_keeps_pages_made_from_the_same_context_without_rendering() {
    let site = TestSite::new("basic");
    for i in 0..40 {
        site.write(
            &format!("content/guides/step-{i:02}.md"),
            &format!("---\ntitle: Step {i}\nweight: {i}\n---\n\nStep {i}: write a short note.\n"),
        );
    }
    // "  pages: N, of which M kept from the last build without rendering"
    let pages = |run: Run| timings_pair(&run, "pages: ");
    let clean_matches = |what: &str| assert_clean_build(&site, what);
    let [all, kept] = pages(site.build(&["--timings"]).success());
    assert!(all > 40 && kept == 0, "{all} pages, {kept} kept");
    // The second build is the first to write over an output: it notes
    // what each page was made from. The third keeps them all.
    site.build(&["--quiet"]).success();
    assert_eq!(pages(site.build(&["--timings"]).success()), [all, all]);
    clean_matches("unchanged");

    // A new title shows on the page, its neighbours, its section, the
    // home page, the sitemap...: those are made again, the rest kept.
    site.edit(
        "content/guides/step-20.md",
        "title: Step 20",
        "title: Step twenty",
    );
    let [now, kept] = pages(site.build(&["--timings"]).success());
    assert_eq!(now, all);
    assert!(kept > 0 && kept + 3 < all, "{kept} of {all} kept");
    clean_matches("a title changed");

    // A page the spare holds with other bytes is made again: the key
    // names what the page minified to, and the file must hash to it.
    site.build(&["--quiet"]).success();
    let spare = site.root().join(".public.casebook-spare");
    let page = spare.join("guides/step-05/index.html");
    let mut bytes = fs::read(&page).expect("the spare holds the page");
    let at = bytes.len() / 2;
    bytes[at] ^= 0x20;
    fs::write(&page, &bytes).unwrap();
    let [now, kept] = pages(site.build(&["--timings"]).success());
    assert_eq!([now, kept], [all, all - 1]);
    clean_matches("a page in the spare damaged");

    // Another template: every page is made again.
    let theme = fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/page.html"),
    )
    .unwrap();
    let changed = theme.replace(
        "{% endblock content %}",
        "<p>Changed.</p>{% endblock content %}",
    );
    assert_ne!(changed, theme);
    site.write("templates/page.html", &changed);
    let [now, kept] = pages(site.build(&["--timings"]).success());
    assert_eq!([now, kept], [all, 0]);
    clean_matches("a template changed");
}

/// A rebuild keeps a page of the spare without reading it when the file's
/// stamp (inode, size, modification and change times) is the one it had
/// when an earlier build read it and found the right bytes; a file written
/// since is read again, even one whose size and modification time were
/// put back (#17). Whatever changes, the output is a clean build's.
#[test]
fn a_rebuild_trusts_a_kept_file_by_its_stamp_until_it_is_written() {
    let site = TestSite::new("basic");
    // "  kept files: N, M of them known unchanged by their stamp"
    let kept = |run: Run| timings_pair(&run, "kept files: ");
    site.build(&["--quiet"]).success();
    site.build(&["--quiet"]).success();
    // A file is stamped only once its times are seconds old.
    std::thread::sleep(std::time::Duration::from_secs(4));
    // Builds 3 and 4 read each folder's files back and stamp them.
    let [all, stamped] = kept(site.build(&["--timings"]).success());
    assert!(all > 10 && stamped == 0, "{all} kept, {stamped} by stamp");
    assert_eq!(kept(site.build(&["--timings"]).success()), [all, 0]);
    // From build 5 on, every kept file is known by its stamp.
    assert_eq!(kept(site.build(&["--timings"]).success()), [all, all]);
    assert_clean_build(&site, "kept by stamp");

    // A write that keeps the size and puts the modification time back.
    let spare = site.root().join(".public.casebook-spare");
    let page = spare.join("index.html");
    let before = fs::metadata(&page).unwrap().modified().unwrap();
    let mut bytes = fs::read(&page).expect("the spare holds the home page");
    let at = bytes.len() / 2;
    bytes[at] ^= 0x20;
    fs::write(&page, &bytes).unwrap();
    let file = fs::File::options().write(true).open(&page).unwrap();
    file.set_modified(before).unwrap();
    drop(file);
    assert_eq!(
        kept(site.build(&["--timings"]).success()),
        [all - 1, all - 1]
    );
    assert_clean_build(&site, "a page in the spare written since its stamp");
}

/// A rebuild reads back each page's rendered Markdown from the spare when
/// its file is unchanged and the site still answers every question its
/// render asked (where an `@/` link goes), and renders the rest (#17).
/// Whatever changes, the output is a clean build's.
#[test]
fn a_rebuild_reads_back_the_markdown_of_unchanged_pages() {
    let site = TestSite::new("basic");
    for i in 0..30 {
        site.write(
            &format!("content/guides/step-{i:02}.md"),
            &format!(
                "---\ntitle: Step {i}\n---\n\nStep {i}: see [the next one](@/guides/step-{:02}.md).\n",
                (i + 1) % 30
            ),
        );
    }
    // "  markdown: N pages, M of them read back from the last build"
    let markdown = |run: Run| timings_pair(&run, "markdown: ");
    let clean_matches = |what: &str| assert_clean_build(&site, what);
    site.build(&["--quiet"]).success();
    let [all, read] = markdown(site.build(&["--timings"]).success());
    assert!(all > 30 && read == 0, "{all} pages, {read} read back");
    assert_eq!(markdown(site.build(&["--timings"]).success()), [all, all]);
    clean_matches("unchanged");

    // One page's text: that page alone is rendered.
    site.edit("content/guides/step-07.md", "see [", "then see [");
    assert_eq!(
        markdown(site.build(&["--timings"]).success()),
        [all, all - 1]
    );
    clean_matches("one page edited");

    // A new slug moves step-12: step-11, whose link now goes elsewhere,
    // is rendered again with it, though its own file did not change.
    site.edit(
        "content/guides/step-12.md",
        "title: Step 12",
        "title: Step 12\nslug: twelve",
    );
    let run = site.build(&["--timings"]).success();
    assert_eq!(markdown(run), [all, all - 2]);
    assert!(
        site.out()
            .read("guides/step-11/index.html")
            .contains("/guides/twelve/")
    );
    clean_matches("a linked page moved");

    // A link broken fails the build, which keeps nothing of it; fixed,
    // the page is rendered and the rest read back.
    site.edit("content/guides/step-03.md", "step-04.md", "step-99.md");
    site.build(&["--quiet"]).failure();
    site.edit("content/guides/step-03.md", "step-99.md", "step-04.md");
    let [now, read] = markdown(site.build(&["--timings"]).success());
    assert!(now == all && read + 1 >= all, "{read} of {now} read back");
    clean_matches("a broken link fixed");

    // A damaged file: what cannot be trusted is rendered again.
    let kept = site
        .root()
        .join(".public.casebook-spare/.casebook-markdown");
    let mut bytes = fs::read(&kept).expect("the spare keeps the Markdown");
    // The footer's first field is where the table starts: the byte before
    // it is the last record the last build rendered (step-03's).
    let footer = bytes.len() - 40;
    let table = u64::from_le_bytes(bytes[footer..footer + 8].try_into().unwrap());
    bytes[table as usize - 1] ^= 0x55;
    fs::write(&kept, &bytes).unwrap();
    let [now, read] = markdown(site.build(&["--timings"]).success());
    assert_eq!(
        [now, read],
        [all, all - 1],
        "a damaged record was read back"
    );
    clean_matches("a damaged record");
    let bytes = fs::read(&kept).unwrap();
    fs::write(&kept, &bytes[..bytes.len() - 1]).unwrap();
    assert_eq!(markdown(site.build(&["--timings"]).success()), [all, 0]);
    clean_matches("a file cut short");
    assert!(
        !site
            .out()
            .files()
            .iter()
            .any(|f| f.contains("casebook-markdown")),
        "the memo is not deployed"
    );
}

/// A tag's guides paginate like a section's, `paginate_by` to a page; its
/// records show once, on the first page.
#[test]
fn tag_pages_paginate() {
    let site = TestSite::new("basic");
    site.edit(
        "site.toml",
        "language = \"en\"",
        "language = \"en\"\npaginate_by = 2",
    );
    for i in 0..3 {
        site.write(
            &format!("content/guides/extra-{i}.md"),
            &format!("---\ntitle: Extra {i}\ntags: [timing]\n---\n\nMore on timing.\n"),
        );
    }
    site.build(&["--quiet"]).success();
    let out = site.out();
    // follow-up, timing and the three extras: five guides, three pages.
    let listed = |url: &str| {
        hrefs(&out.main(url))
            .into_iter()
            .filter(|h| h.starts_with("/guides/") && h != "/guides/")
            .collect::<Vec<_>>()
    };
    let pages: Vec<Vec<String>> = [
        "/tags/timing/",
        "/tags/timing/page/2/",
        "/tags/timing/page/3/",
    ]
    .iter()
    .map(|u| listed(u))
    .collect();
    assert!(
        pages.iter().all(|p| !p.is_empty() && p.len() <= 2),
        "{pages:?}"
    );
    let mut all: Vec<String> = pages.concat();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 5, "every guide once: {pages:?}");
    assert!(!out.exists("tags/timing/page/4/index.html"));
    assert!(!out.exists("tags/timing/page/1/index.html"));
    assert!(hrefs(&out.main("/tags/timing/")).contains(&"/tags/timing/page/2/".to_owned()));
    let last = out.main("/tags/timing/page/3/");
    assert!(
        hrefs(&last).contains(&"/tags/timing/page/2/".to_owned()),
        "{last}"
    );
    assert!(last.contains("Page 3 of 3"), "{last}");
    // A tag with fewer guides than paginate_by has a single page.
    assert!(out.exists("tags/messages/index.html"));
    assert!(!out.exists("tags/messages/page/2/index.html"));
}

/// Without JavaScript the search page lists every guide, up to a limit;
/// past it, the sections, so that the page does not grow with the site.
#[test]
fn the_search_page_lists_sections_once_guides_are_many() {
    let site = TestSite::new("basic");
    let listed = |site: &TestSite| {
        let html = site.out().read("search/index.html");
        let all = html
            .split("class=search-all")
            .nth(1)
            .unwrap_or_default()
            .to_owned();
        (
            all.contains("/guides/follow-up/"),
            all.contains("Guides, by section"),
            all,
        )
    };
    site.build(&["--quiet"]).success();
    let (guide, sections, all) = listed(&site);
    assert!(guide && !sections, "a small site lists every guide: {all}");
    let many = casebook::render::SEARCH_PAGE_GUIDES;
    for i in 0..many {
        site.write(
            &format!("content/bulk/page-{i}.md"),
            &format!("---\ntitle: Bulk page {i}\n---\n\nText {i}.\n"),
        );
    }
    site.write("content/bulk/_index.md", "---\ntitle: Bulk\n---\n");
    site.build(&["--quiet"]).success();
    let (guide, sections, all) = listed(&site);
    assert!(!guide && sections, "{all}");
    assert!(all.contains(&format!("Bulk ({many} pages)")), "{all}");
    assert!(all.contains("/bulk/"), "{all}");
    assert!(
        all.len() < 4_000,
        "the list stays short: {} bytes",
        all.len()
    );
}

/// `search = false` leaves out the index, the search page and the box.
#[test]
fn search_can_be_turned_off() {
    let site = TestSite::new("basic");
    site.edit(
        "site.toml",
        "language = \"en\"",
        "language = \"en\"\nsearch = false",
    );
    site.build(&["--quiet"]).success();
    let out = site.out();
    assert!(!out.exists("search/manifest.json"));
    assert!(!out.exists("search/index.html"));
    let home = out.read("index.html");
    assert!(!home.contains("role=search"), "{home}");
    assert!(!out.read("404.html").contains("/search/"));
    // On by default.
    let site = built("basic");
    assert!(site.out().exists("search/manifest.json"));
    assert!(site.out().read("index.html").contains("role=search"));
}

#[test]
fn builds_are_reproducible() {
    let site = TestSite::new("basic");
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let (a, b) = (a.path().join("site"), b.path().join("site"));
    site.build(&["--quiet", "--output-dir", a.to_str().unwrap()])
        .success();
    site.build(&["--quiet", "--output-dir", b.to_str().unwrap()])
        .success();
    assert_same(
        &snapshot(&a),
        &snapshot(&b),
        "a second build of the same input",
    );
}

/// The theme's `base.html` and `page.html` are compiled with the whitespace
/// between their tags folded away when pages are minified (src/render/
/// templates.rs, `FOLDED`). A copy in `templates/` with one harmless edit is
/// compiled as written: every page must come out the same either way.
#[test]
fn folding_the_theme_and_minifying_its_shared_regions_once_change_no_page() {
    let folded = built("basic");
    let as_written = TestSite::new("basic");
    let base = include_str!("../../themes/default/templates/base.html");
    let page = include_str!("../../themes/default/templates/page.html");
    let mark = "{# an edited copy #}";
    as_written.write(
        "templates/base.html",
        &base.replacen("<!doctype html>", &format!("<!doctype html>{mark}"), 1),
    );
    as_written.write(
        "templates/page.html",
        &page.replacen("%}", &format!("%}}{mark}"), 1),
    );
    as_written.build(&["--quiet"]).success();
    let (a, b) = (folded.out().snapshot(), as_written.out().snapshot());
    assert_same(&a, &b, "pages built from the theme's templates as written");
    // The comparison covers guide pages, the ones page.html renders.
    assert!(a.contains_key(&url_to_file("/guides/notes/")));

    // With minify off the templates are compiled as written: the page keeps
    // the theme's line breaks between tags.
    let unminified = built("basic");
    unminified.edit("site.toml", "title", "minify = false\ntitle");
    unminified.build(&["--quiet"]).success();
    assert!(
        unminified
            .out()
            .page("/guides/notes/")
            .contains("<head>\n<meta charset"),
        "minify = false lost the template's line breaks"
    );
    // Neither build leaves a shared-region marker in a page.
    for (path, bytes) in a.iter().chain(&unminified.out().snapshot()) {
        assert!(
            !String::from_utf8_lossy(bytes).contains("casebook:shared"),
            "{path} holds a marker"
        );
    }
}

#[test]
fn the_library_compiles_what_the_binary_writes() {
    use casebook::build::{Options, compile, load};
    let site = built("basic");
    let opts = Options {
        root: site.root().to_path_buf(),
        ..Options::default()
    };
    let input = load(&opts).expect("load the fixture");
    let (_, files) = compile(input, &opts).expect("compile the fixture");
    let mut written = site.out().snapshot();
    written.remove(".casebook-output");
    let compiled: std::collections::BTreeMap<String, Vec<u8>> = files
        .into_iter()
        .map(|f| (f.path, f.bytes.to_vec()))
        .collect();
    assert_same(
        &written,
        &compiled,
        "the library's files compared with the binary's",
    );
}

// ---------------------------------------------------------------- links

#[test]
fn at_links_become_hrefs_with_base_path_and_anchor() {
    let site = built("basic");
    let out = site.out();
    let main = out.main("/guides/notes/");
    let links = hrefs(&main);
    for expected in [
        "/guides/timing/#after-applying",
        "/guides/first-steps/",
        "#custom-anchor",
        "/cases/#blank-request",
        "/faq/#how-long",
        "/templates/#after-applying",
        "/quotes/#ann-expert",
        "/sources/#src-one",
        "/decide/pick/",
        "../../files/checklist.txt",
    ] {
        assert!(
            links.iter().any(|h| h == expected),
            "no link to {expected} in notes; links: {links:#?}"
        );
    }
    assert!(
        !links.iter().any(|h| h.starts_with('@')),
        "an @ link was left unresolved: {links:?}"
    );
    assert!(
        ids(&main).contains("custom-anchor"),
        "`## A custom anchor {{#custom-anchor}}` lost its id"
    );
    assert!(
        ids(&main).contains("keep-it-short"),
        "headings get ids from their text"
    );
    assert!(ids(&out.main("/guides/timing/")).contains("after-applying"));
    assert!(ids(&out.main("/cases/")).contains("blank-request"));
    // Decision-tree outcome links resolve too.
    assert!(
        hrefs(&out.main("/decide/pick/not-yet/"))
            .contains(&"/guides/timing/#after-applying".to_owned())
    );
}

#[test]
fn every_internal_link_resolves() {
    let site = built("basic");
    let out = site.out();
    let broken = broken_links(&out.dir, BASE);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn the_link_checker_catches_a_broken_link() {
    // The checker itself must be able to fail.
    let site = built("basic");
    let page = site.out().dir.join("about/index.html");
    let html = fs::read_to_string(&page).unwrap();
    fs::write(
        &page,
        html.replacen(
            "</main>",
            "<a href=/nowhere/>x</a><a href=/guides/timing/#nope>y</a></main>",
            1,
        ),
    )
    .unwrap();
    let broken = broken_links(&site.out().dir, BASE);
    assert_eq!(broken.len(), 2, "{broken:#?}");
}

#[test]
fn a_base_url_with_a_sub_path_reaches_every_link_asset_and_feed() {
    let site = TestSite::new("basic");
    site.build(&["--quiet", "--base-url", "https://example.org/kb/"])
        .success();
    let out = site.out();

    let broken = broken_links(&out.dir, "https://example.org/kb/");
    assert!(
        broken.is_empty(),
        "links that miss /kb/ or point nowhere:\n{}",
        broken.join("\n")
    );
    assert_every_url_carries_kb(&out);
    assert_the_notes_page_links_under_kb(&out);
    assert_sitemap_feed_robots_and_redirects_carry_kb(&out);
}

/// Every absolute URL to the host, in every file, and every root-relative
/// URL in an HTML attribute carries the sub-path `/kb/`.
fn assert_every_url_carries_kb(out: &Output) {
    for (file, bytes) in out.snapshot() {
        let text = String::from_utf8_lossy(&bytes);
        for (i, _) in text.match_indices("https://example.org") {
            assert!(
                text[i..].starts_with("https://example.org/kb/"),
                "{file}: {}",
                &text[i..(i + 60).min(text.len())]
            );
        }
        assert!(
            !text.contains("fixture.example"),
            "{file} still names site.toml's base_url"
        );
    }
    // Root-relative URLs in every HTML attribute start with /kb/.
    for f in out.files().into_iter().filter(|f| f.ends_with(".html")) {
        for tag in tags(&out.read(&f)) {
            for (name, value) in &tag.attrs {
                if value.starts_with('/') && !value.starts_with("//") {
                    assert!(
                        value.starts_with("/kb/"),
                        "{f}: <{} {name}={value}> misses /kb/",
                        tag.name
                    );
                }
            }
        }
    }
}

/// One page under `/kb/`: its canonical URL, stylesheet and a link to a
/// heading on another page.
fn assert_the_notes_page_links_under_kb(out: &Output) {
    let notes = out.page("/guides/notes/");
    let canonical = tags(&notes)
        .into_iter()
        .find(|t| t.name == "link" && t.attr("rel") == Some("canonical"))
        .expect("a canonical link");
    assert_eq!(
        canonical.attr("href"),
        Some("https://example.org/kb/guides/notes/")
    );
    let css = tags(&notes)
        .into_iter()
        .find(|t| t.name == "link" && t.attr("rel") == Some("stylesheet"))
        .unwrap();
    assert!(
        css.attr("href").unwrap().starts_with("/kb/assets/style."),
        "{css:?}"
    );
    assert!(hrefs(&notes).contains(&"/kb/guides/timing/#after-applying".to_owned()));
}

/// The files read by machines (sitemap, feed, robots.txt) and the
/// redirect pages point under `/kb/`.
fn assert_sitemap_feed_robots_and_redirects_carry_kb(out: &Output) {
    let locs = sitemap_locs(&out.read("sitemap.xml"));
    assert!(
        locs.contains(&"https://example.org/kb/guides/notes/".to_owned()),
        "{locs:#?}"
    );
    assert!(
        locs.iter()
            .all(|l| l.starts_with("https://example.org/kb/")),
        "{locs:#?}"
    );
    let feed = out.read("atom.xml");
    assert!(
        feed.contains("href=\"https://example.org/kb/atom.xml\""),
        "{feed}"
    );
    assert!(
        feed_ids(&feed)
            .iter()
            .all(|id| id.starts_with("https://example.org/kb/"))
    );
    assert!(
        out.read("robots.txt")
            .contains("Sitemap: https://example.org/kb/sitemap.xml")
    );
    assert_eq!(
        redirect_target(&out.read("old-notes/index.html")).as_deref(),
        Some("/kb/guides/notes/")
    );
}

// ------------------------------------------------ sitemap, feed, robots

fn between<'a>(text: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    text.split(open)
        .skip(1)
        .filter_map(|s| s.split(close).next())
        .collect()
}

fn sitemap_locs(xml: &str) -> Vec<String> {
    between(xml, "<loc>", "</loc>")
        .into_iter()
        .map(|s| decode(s.trim()))
        .collect()
}

/// The `<id>` of each `<entry>`, in order.
fn feed_ids(xml: &str) -> Vec<String> {
    between(xml, "<entry>", "</entry>")
        .into_iter()
        .flat_map(|e| between(e, "<id>", "</id>"))
        .map(|s| decode(s.trim()))
        .collect()
}

/// Asserts start and end tags nest properly (enough to catch a broken template).
#[track_caller]
fn assert_balanced_xml(xml: &str) {
    assert!(xml.trim_start().starts_with("<?xml"), "no XML declaration");
    let mut stack: Vec<String> = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("an unclosed tag");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('?') || tag.starts_with('!') || tag.ends_with('/') {
            continue;
        }
        let name = tag
            .trim_start_matches('/')
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_owned();
        if tag.starts_with('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name.as_str()),
                "mismatched </{name}>"
            );
        } else {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
}

#[test]
fn sitemap_lists_the_pages_and_only_built_ones() {
    let site = built("basic");
    let out = site.out();
    let xml = out.read("sitemap.xml");
    assert_balanced_xml(&xml);
    assert!(xml.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
    let locs = sitemap_locs(&xml);
    let unique: BTreeSet<&String> = locs.iter().collect();
    assert_eq!(unique.len(), locs.len(), "repeated <loc>s: {locs:#?}");
    for path in [
        "",
        "about/",
        "guides/",
        "cases/",
        "quotes/",
        "faq/",
        "templates/",
        "tags/",
        "tags/timing/",
        "decide/pick/",
    ]
    .into_iter()
    .chain(GUIDE_ORDER.iter().map(|g| g.trim_start_matches('/')))
    {
        let url = format!("{BASE}{path}");
        assert!(locs.contains(&url), "the sitemap lacks {url}: {locs:#?}");
    }
    for loc in &locs {
        let path = loc
            .strip_prefix(BASE)
            .unwrap_or_else(|| panic!("{loc} is not under {BASE}"));
        assert!(
            out.exists(&url_to_file(path)),
            "the sitemap lists {loc}, which was not built"
        );
        for never in ["unfinished", "old-notes", "legacy", "404"] {
            assert!(!loc.contains(never), "the sitemap lists {loc}");
        }
    }
    assert!(
        xml.contains(&format!(
            "<loc>{BASE}guides/notes/</loc><lastmod>2026-01-10</lastmod>"
        )),
        "{xml}"
    );
}

#[test]
fn atom_feed_has_the_dated_pages_newest_first() {
    let site = built("basic");
    let out = site.out();
    let feed = out.read("atom.xml");
    assert_balanced_xml(&feed);
    assert!(
        feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""),
        "{feed}"
    );
    assert!(
        feed.contains("<updated>2026-03-05T00:00:00Z</updated>"),
        "the feed's <updated> is its newest entry's"
    );
    // follow-up: updated 2026-03-05; timing: 2026-02-01; notes: 2026-01-10; the rest have no date.
    let expected: Vec<String> = ["guides/follow-up/", "guides/timing/", "guides/notes/"]
        .iter()
        .map(|p| format!("{BASE}{p}"))
        .collect();
    assert_eq!(feed_ids(&feed), expected);
    for entry in between(&feed, "<entry>", "</entry>") {
        for part in ["<title>", "<updated>", "<link rel=\"alternate\""] {
            assert!(entry.contains(part), "an entry without {part}: {entry}");
        }
    }
    // Pages link the feed.
    let feed_link = tags(&out.page("/"))
        .into_iter()
        .find(|t| t.name == "link" && t.attr("type") == Some("application/atom+xml"));
    assert_eq!(
        feed_link
            .and_then(|t| t.attr("href").map(str::to_owned))
            .as_deref(),
        Some("/atom.xml")
    );
}

#[test]
fn robots_txt_names_the_sitemap() {
    let site = built("basic");
    let out = site.out();
    let robots = out.read("robots.txt");
    assert!(
        robots
            .lines()
            .any(|l| l.trim() == format!("Sitemap: {BASE}sitemap.xml")),
        "{robots}"
    );
    assert!(robots.contains("User-agent:"), "{robots}");
}

// -------------------------------------------------------------- aliases

fn redirect_target(html: &str) -> Option<String> {
    let meta = tags(html).into_iter().find(|t| {
        t.name == "meta"
            && t.attr("http-equiv")
                .is_some_and(|v| v.eq_ignore_ascii_case("refresh"))
    })?;
    let content = meta.attr("content")?;
    let (delay, url) = content.split_once(';')?;
    assert_eq!(delay.trim(), "0", "the redirect waits: {content}");
    url.trim().strip_prefix("url=").map(str::to_owned)
}

#[test]
fn aliases_write_redirect_pages() {
    let site = built("basic");
    let out = site.out();
    for file in ["old-notes/index.html", "legacy/notes.html"] {
        let html = out.read(file);
        assert_eq!(
            redirect_target(&html).as_deref(),
            Some("/guides/notes/"),
            "{file}: {html}"
        );
        assert!(
            hrefs(&html).contains(&"/guides/notes/".to_owned()),
            "{file} has no link for readers without refresh"
        );
        let canonical = tags(&html)
            .into_iter()
            .find(|t| t.name == "link" && t.attr("rel") == Some("canonical"));
        assert_eq!(
            canonical
                .and_then(|t| t.attr("href").map(str::to_owned))
                .as_deref(),
            Some("https://fixture.example/guides/notes/")
        );
    }
}

// ---------------------------------------------------- minify and assets

/// A newline followed by indentation: what minification removes.
fn has_indented_lines(html: &str) -> bool {
    html.contains("\n ") || html.contains("\n\t")
}

#[test]
fn html_is_minified_when_minify_is_on() {
    let site = built("basic");
    for url in ["/", "/guides/notes/", "/cases/", "/decide/pick/"] {
        let html = site.out().page(url);
        assert!(
            !has_indented_lines(&html),
            "{url} is not minified:\n{}",
            &html[..html.len().min(600)]
        );
    }
    // The same pages with `minify = false` keep the templates' indentation,
    // so the check above can tell the difference.
    site.edit(
        "site.toml",
        "author = \"Fixture authors\"",
        "author = \"Fixture authors\"\nminify = false",
    );
    site.build(&["--quiet"]).success();
    assert!(
        has_indented_lines(&site.out().page("/")),
        "minify = false still minified the home page"
    );
}

/// The built `assets/<stem>.<hash>.<ext>` file for `stem` and `ext`, with its hash.
#[track_caller]
fn hashed_asset(out: &Output, stem: &str, ext: &str) -> (String, String) {
    let found: Vec<(String, String)> = out
        .files()
        .into_iter()
        .filter_map(|f| {
            let hash = f
                .strip_prefix(&format!("assets/{stem}."))?
                .strip_suffix(&format!(".{ext}"))?
                .to_owned();
            Some((f, hash))
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one hashed {stem}.{ext}: {found:?}"
    );
    let (file, hash) = found.into_iter().next().unwrap();
    assert!(
        hash.len() >= 8
            && hash
                .chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()),
        "{file}: `{hash}` is not a hex content hash"
    );
    (file, hash)
}

/// Asserts every HTML page (redirects aside) links exactly these asset files.
#[track_caller]
fn pages_reference(out: &Output, css: &str, js: &str) {
    for f in out.files().into_iter().filter(|f| f.ends_with(".html")) {
        let html = out.read(&f);
        if redirect_target(&html).is_some() {
            continue;
        }
        let t = tags(&html);
        let sheets: Vec<&str> = t
            .iter()
            .filter(|t| t.name == "link" && t.attr("rel") == Some("stylesheet"))
            .filter_map(|t| t.attr("href"))
            .collect();
        let scripts: Vec<&str> = t
            .iter()
            .filter(|t| t.name == "script")
            .filter_map(|t| t.attr("src"))
            .collect();
        assert!(
            sheets.contains(&format!("/{css}").as_str()),
            "{f} links {sheets:?}, not /{css}"
        );
        assert!(
            scripts.contains(&format!("/{js}").as_str()),
            "{f} loads {scripts:?}, not /{js}"
        );
    }
}

#[test]
fn css_and_js_get_content_hashed_names_that_follow_their_content() {
    let site = built("basic");
    let out = site.out();
    let (css1, _) = hashed_asset(&out, "style", "css");
    let (js1, _) = hashed_asset(&out, "site", "js");
    assert!(
        !out.exists("assets/style.css") && !out.exists("assets/site.js"),
        "unhashed copies were written"
    );
    pages_reference(&out, &css1, &js1);

    // Same input, same names.
    site.build(&["--quiet"]).success();
    assert_eq!(hashed_asset(&out, "style", "css").0, css1);

    // The site's own theme folder overrides the built-in style.css.
    let css = "body { color: #123456; }\n";
    site.write("themes/default/static/style.css", css);
    site.build(&["--quiet"]).success();
    let (css2, _) = hashed_asset(&out, "style", "css");
    assert_ne!(css2, css1, "new CSS kept the old name");
    assert_eq!(out.read(&css2), css, "the hashed file is not the new CSS");
    assert!(!out.exists(&css1), "the old stylesheet is still there");
    assert_eq!(
        hashed_asset(&out, "site", "js").0,
        js1,
        "the JS did not change, so its name must not"
    );
    pages_reference(&out, &css2, &js1);

    site.write(
        "themes/default/static/style.css",
        "body { color: #654321; }\n",
    );
    site.build(&["--quiet"]).success();
    let (css3, _) = hashed_asset(&out, "style", "css");
    assert!(css3 != css2 && css3 != css1, "{css1} {css2} {css3}");
    pages_reference(&out, &css3, &js1);
}

// ------------------------------------------------------------ templates

const PAGE_OVERRIDE: &str = r#"{% extends "base.html" %}
{% block content %}
<article>
  <h1>{{ page.title }}</h1>
  <p id="override-marker">Rendered by the site's own page.html</p>
  {{ page.content | safe }}
</article>
{% endblock content %}
"#;

#[test]
fn a_site_template_overrides_the_theme_template_of_the_same_name_only() {
    let site = built("basic");
    assert!(
        !site
            .out()
            .main("/guides/notes/")
            .contains("override-marker")
    );

    site.write("templates/page.html", PAGE_OVERRIDE);
    // A per-page `template` picks another template by name.
    site.write("templates/special.html", "{% extends \"base.html\" %}{% block content %}<p id=\"special-marker\">{{ page.title }}</p>{% endblock content %}");
    site.edit(
        "content/guides/first-steps.md",
        "weight: 5\n",
        "weight: 5\ntemplate: special.html\n",
    );
    site.build(&["--quiet"]).success();
    let out = site.out();

    for url in ["/guides/timing/", "/guides/notes/", "/guides/follow-up/"] {
        let main = out.main(url);
        assert!(
            ids(&main).contains("override-marker"),
            "{url} was not rendered by templates/page.html"
        );
    }
    assert!(
        out.main("/guides/notes/")
            .contains("Keep the note short and specific."),
        "the override lost the page's content"
    );
    let special = out.main("/guides/first-steps/");
    assert!(
        ids(&special).contains("special-marker") && special.contains("Zero to a first message"),
        "{special}"
    );
    // Every other template is still the theme's, and the base layout is kept.
    for url in [
        "/",
        "/guides/",
        "/cases/",
        "/faq/",
        "/tags/timing/",
        "/decide/pick/",
        "/404.html",
    ] {
        assert!(
            !out.page(url).contains("override-marker"),
            "{url} used the page.html override"
        );
    }
    assert!(
        out.page("/guides/notes/").contains("rel=stylesheet")
            || out.page("/guides/notes/").contains("rel=\"stylesheet\"")
    );
}

#[test]
fn shortcodes_render_their_records() {
    let site = built("basic");
    let out = site.out();
    let notes = out.main("/guides/notes/");
    for text in [
        "The blank connection request",
        "Click Connect and send the request with no note at all.",
        "A bare request gives a busy manager no reason to accept.",
        "Add a short note that names their recent post on onboarding.",
        "Hi Dana, your post on onboarding stuck with me.",
        "A specific detail shows you did your homework.",
    ] {
        assert!(
            notes.contains(text),
            "the case shortcode lacks {text:?}:\n{notes}"
        );
    }
    assert!(
        !notes.contains("{{") && !notes.contains("casebook:shortcode"),
        "a shortcode was left in the page:\n{notes}"
    );

    let timing = out.main("/guides/timing/");
    assert!(
        timing.contains("Small, specific asks get answered; big vague ones do not.")
            && timing.contains("Ann Expert"),
        "{timing}"
    );

    let first = out.main("/guides/first-steps/");
    assert!(
        first.contains("How long should I wait before following up?")
            && first.contains("About a week."),
        "faq shortcode: {first}"
    );
    assert!(
        first.contains("I just applied for the") && first.contains("[Name]"),
        "template shortcode: {first}"
    );

    let home = out.main("/");
    assert!(
        home.contains("Have you applied through the official channel?"),
        "tree shortcode: {home}"
    );
    let links = hrefs(&home);
    for step in ["/decide/pick/yes/", "/decide/pick/not-yet/"] {
        assert!(
            links.contains(&step.to_owned()),
            "the tree shortcode does not link {step}: {links:?}"
        );
    }
}

#[test]
fn tags_get_pages_listing_pages_and_records() {
    let site = built("basic");
    let out = site.out();
    let index = hrefs(&out.main("/tags/"));
    for tag in ["cold-outreach", "messages", "meta", "timing"] {
        assert!(
            index.contains(&format!("/tags/{tag}/")),
            "/tags/ does not link {tag}: {index:?}"
        );
    }
    let cold = hrefs(&out.main("/tags/cold-outreach/"));
    assert!(cold.contains(&"/guides/notes/".to_owned()), "{cold:?}");
    let timing = hrefs(&out.main("/tags/timing/"));
    for url in ["/guides/timing/", "/guides/follow-up/", "/faq/#how-long"] {
        assert!(
            timing.contains(&url.to_owned()),
            "/tags/timing/ lacks {url}: {timing:?}"
        );
    }
    assert!(!timing.contains(&"/guides/notes/".to_owned()));
    assert!(hrefs(&out.main("/tags/messages/")).contains(&"/cases/#blank-request".to_owned()));
    let notes = hrefs(&out.main("/guides/notes/"));
    assert!(
        notes.contains(&"/tags/cold-outreach/".to_owned())
            && notes.contains(&"/tags/messages/".to_owned()),
        "{notes:?}"
    );
}

// --------------------------------------------------------------- errors

/// Builds `basic`, breaks it with `tests/fixtures/errors/<case>` and builds
/// again: exit status 1, no panic, and the first build's output is
/// byte-for-byte what it was, with no temporary folders left next to it.
fn broken_build(case: &str) -> Run {
    let site = built("basic");
    let before = site.out().snapshot();
    assert!(
        before.len() > 20,
        "the good build wrote too little: {:?}",
        before.keys()
    );
    site.overlay(&format!("errors/{case}"));
    let run = site.build(&[]).failure();
    assert!(
        !run.stdout.contains("Built"),
        "a failed build claims success: {}",
        run.stdout
    );
    assert_same(
        &before,
        &site.out().snapshot(),
        "the previous build's output",
    );
    let leftovers: Vec<String> = fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public") && n != ".public.casebook-spare")
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left behind: {leftovers:?}"
    );
    run
}

#[test]
fn error_invalid_toml_in_site_toml() {
    broken_build("invalid-toml").at("site.toml:3:").problems(1);
}

#[test]
fn error_invalid_toml_in_site_toml_has_a_hint() {
    broken_build("invalid-toml").hinted();
}

#[test]
fn error_unknown_key_in_site_toml_suggests_the_near_key() {
    broken_build("unknown-config-key")
        .at("site.toml:7:1")
        .says("paginate_bye")
        .says("did you mean `paginate_by`?")
        .hinted()
        .problems(1);
}

#[test]
fn error_unknown_front_matter_key() {
    broken_build("unknown-front-matter-key")
        .at("content/guides/broken.md:5:1")
        .says("tgas")
        .says("did you mean `tags`?")
        .hinted()
        .problems(1);
}

#[test]
fn error_invalid_date() {
    broken_build("invalid-date")
        .at("content/guides/broken.md:5:")
        .says("2026-02-30")
        .problems(1);
}

#[test]
fn error_invalid_date_has_a_hint() {
    broken_build("invalid-date").hinted();
}

#[test]
fn error_unterminated_front_matter() {
    broken_build("unterminated-front-matter")
        .at("content/guides/broken.md:1:")
        .says("never closed")
        .hinted()
        .problems(1);
}

#[test]
fn error_bad_yaml_in_a_data_file_names_the_line_of_the_file() {
    // The broken record is the second of the file: line 18, not line 4 of the record.
    broken_build("bad-yaml")
        .at("content/data/cases.yaml:18:")
        .hinted()
        .problems(1);
}

#[test]
fn error_duplicate_id_across_two_data_files_names_both() {
    let run = broken_build("duplicate-id");
    run.says("duplicate faq id `how-long`")
        .says("content/data/faqs.yaml:1")
        .says("content/data/faqs/more.yaml:2")
        .hinted()
        .problems(1);
    let at_either = run.stderr.lines().any(|l| {
        l.starts_with("error: content/data/faqs.yaml:1:")
            || l.starts_with("error: content/data/faqs/more.yaml:2:")
    });
    assert!(at_either, "{}", run.stderr);
}

#[test]
fn error_link_to_a_missing_page() {
    broken_build("missing-page")
        .at("content/guides/broken.md:6:")
        .says("@/guides/nope.md")
        .hinted()
        .problems(1);
}

#[test]
fn error_link_to_a_missing_anchor() {
    broken_build("missing-anchor")
        .at("content/guides/broken.md:8:")
        .says("#after-aplying")
        .says("did you mean `after-applying`?")
        .hinted()
        .problems(1);
}

#[test]
fn error_unknown_shortcode() {
    broken_build("unknown-shortcode")
        .at("content/guides/broken.md:8:1")
        .says("unknown shortcode `cse`")
        .says("did you mean `case`?")
        .hinted()
        .problems(1);
}

#[test]
fn error_unknown_case_id_in_a_shortcode() {
    broken_build("unknown-case-id")
        .at("content/guides/broken.md:8:1")
        .says("blank-requets")
        .says("did you mean `blank-request`?")
        .hinted()
        .problems(1);
}

#[test]
fn error_template_over_its_character_limit() {
    broken_build("template-over-limit")
        .at("content/data/templates.yaml:5:")
        .says("336 characters")
        .says("300")
        .hinted()
        .problems(1);
}

#[test]
fn error_tree_with_a_cycle() {
    broken_build("tree-cycle")
        .at("content/decisions/pick.yaml:18:")
        .says("cycle")
        .says("help: a decision tree must always move forward");
}

#[test]
fn error_tree_with_a_cycle_is_reported_once() {
    broken_build("tree-cycle").hinted().problems(1);
}

#[test]
fn error_template_syntax_in_a_site_override_names_the_template_and_line() {
    broken_build("template-syntax")
        .at("templates/page.html:3:")
        .says("syntax")
        .hinted()
        .problems(1);
}

#[test]
fn error_two_pages_with_one_url_names_both_files() {
    broken_build("duplicate-url")
        .at("content/guides/notes/index.md:1:")
        .says("/guides/notes/")
        .says("content/guides/notes.md")
        .hinted()
        .problems(1);
}

#[test]
fn error_slug_that_climbs_out_of_the_output_folder() {
    let site_run = broken_build("unsafe-slug");
    site_run
        .at("content/guides/broken.md:4:")
        .says("../escape")
        .hinted()
        .problems(1);
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    broken_build("three-problems")
        .at("content/guides/broken.md:6:")
        .at("content/data/templates.yaml:5:")
        .at("content/data/quotes.yaml:14:")
        .hinted()
        .problems(3);
}

#[test]
fn output_dir_casebook_did_not_create_is_refused() {
    let site = TestSite::new("basic");
    let elsewhere = tempfile::tempdir().unwrap();
    let foreign = elsewhere.path().join("mine");
    fs::create_dir(&foreign).unwrap();
    fs::write(foreign.join("notes.txt"), "my own notes").unwrap();
    let before = snapshot(elsewhere.path());
    let site_before = snapshot(site.root());

    let run = site
        .build(&["--output-dir", foreign.to_str().unwrap()])
        .failure();
    run.says("not empty").hinted().problems(1);
    assert_same(
        &before,
        &snapshot(elsewhere.path()),
        "the folder casebook did not create",
    );

    // The site itself and its input folders are refused too.
    for target in [
        site.root().to_path_buf(),
        site.root().join("content"),
        site.root().join("static/out"),
    ] {
        site.build(&["--output-dir", target.to_str().unwrap()])
            .failure()
            .hinted();
    }
    assert_same(&site_before, &snapshot(site.root()), "the site folder");
}

#[test]
fn check_reports_problems_and_writes_nothing() {
    let site = TestSite::new("basic");
    site.overlay("errors/three-problems");
    let before = snapshot(site.root());
    site.check(&[])
        .failure()
        .at("content/guides/broken.md:6:")
        .problems(3);
    assert_same(
        &before,
        &snapshot(site.root()),
        "the site folder after `check`",
    );
    assert!(
        !site.root().join("public").exists(),
        "`check` created the output folder"
    );

    let good = TestSite::new("basic");
    let before = snapshot(good.root());
    let run = good.check(&[]).success();
    assert!(run.stderr.trim().is_empty(), "{}", run.stderr);
    assert_same(
        &before,
        &snapshot(good.root()),
        "the site folder after a clean `check`",
    );
}

#[test]
fn usage_errors_exit_with_status_2() {
    for args in [
        &["build", "--no-such-flag"][..],
        &["frobnicate"][..],
        &[][..],
    ] {
        let run = run(args);
        assert_eq!(run.code, Some(2), "casebook {args:?}:\n{}", run.stderr);
        assert!(
            run.stderr.contains("Usage"),
            "casebook {args:?}:\n{}",
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"));
    }
}

// ------------------------------------------------------------- flagship

#[test]
fn the_flagship_site_builds_cleanly_with_every_page() {
    let root = env!("CARGO_MANIFEST_DIR");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site");
    let run = crate::common::run(&[
        "build",
        "--root",
        root,
        "--output-dir",
        dir.to_str().unwrap(),
    ])
    .success();
    assert!(
        run.stderr.trim().is_empty(),
        "the flagship build reported:\n{}",
        run.stderr
    );
    let out = Output::new(&dir);

    let mut urls: Vec<String> = [
        "/",
        "/guides/",
        "/cases/",
        "/quotes/",
        "/faq/",
        "/templates/",
        "/decide/should-i-message/",
        "/search/",
        "/tags/",
        "/404.html",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for entry in fs::read_dir(std::path::Path::new(root).join("content/guides"))
        .unwrap()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        // Only the Markdown: a guide's images sit beside it.
        let Some(stem) = name.strip_suffix(".md") else {
            continue;
        };
        let text = fs::read_to_string(entry.path()).unwrap();
        if stem != "_index" && !text.contains("\ndraft: true") {
            urls.push(format!("/guides/{stem}/"));
        }
    }
    assert!(urls.len() > 12, "the flagship has no guides?");
    for url in &urls {
        assert!(
            out.exists(&url_to_file(url)),
            "the flagship has no page for {url}"
        );
        assert!(
            main_of(&out.page(url)).len() > 100,
            "{url} has an empty <main>"
        );
    }
    for f in ["sitemap.xml", "atom.xml", "robots.txt"] {
        assert!(out.exists(f), "the flagship has no {f}");
    }

    let base = fs::read_to_string(std::path::Path::new(root).join("site.toml")).unwrap();
    let base = base
        .lines()
        .find_map(|l| l.strip_prefix("base_url = \""))
        .and_then(|l| l.split('"').next())
        .expect("base_url in site.toml")
        .to_owned();
    let broken = broken_links(&dir, &base);
    assert!(
        broken.is_empty(),
        "broken links in the flagship:\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_flagship_site_works_under_a_sub_path() {
    let root = env!("CARGO_MANIFEST_DIR");
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site");
    crate::common::run(&[
        "build",
        "--root",
        root,
        "--output-dir",
        dir.to_str().unwrap(),
        "--base-url",
        "https://example.org/kb/",
    ])
    .success();
    let broken = broken_links(&dir, "https://example.org/kb/");
    assert!(
        broken.is_empty(),
        "broken links in the flagship under /kb/:\n{}",
        broken.join("\n")
    );
}

/// A newcomer in the wrong folder learns where casebook looked, in full,
/// and what to do (#21).
#[test]
fn a_folder_without_a_site_is_explained() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().canonicalize().unwrap();
    let shown = root.display().to_string();
    // An empty folder: make a site here.
    crate::common::run(&["build", "--root", &shown])
        .failure()
        .says(&format!(
            "{shown}/site.toml: not found, so {shown} is not a casebook site"
        ))
        .says("make a new knowledge base here with `casebook init`");
    // A folder inside a site: go to the site.
    let site = TestSite::new("basic");
    let inner = site.root().canonicalize().unwrap();
    let guides = inner.join("content/guides");
    crate::common::run(&["check", "--root", guides.to_str().unwrap()])
        .failure()
        .says(&format!("pass `--root {}`", inner.display()));
    // A folder that does not exist.
    let missing = root.join("nope");
    crate::common::run(&["build", "--root", missing.to_str().unwrap()])
        .failure()
        .says(&format!("{}: the folder does not exist", missing.display()))
        .says(&format!("`casebook init {}`", missing.display()));
}

/// `--timings` names each stage in order, with how long it took and, on
/// Linux, the peak memory when it ended, which only grows.
#[test]
fn timings_list_every_stage_with_its_peak_memory() {
    let site = TestSite::new("basic");
    let run = site.build(&["--timings"]).success();
    let stages: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("  ") && (l.ends_with("MiB") || l.ends_with(" ms")))
        .collect();
    let names: Vec<&str> = stages
        .iter()
        .filter_map(|l| l.split("  ").map(str::trim).find(|s| !s.is_empty()))
        .collect();
    assert_eq!(
        names,
        [
            "read the files",
            "default language",
            "render, minify, write",
            "search index",
            "swap in"
        ],
        "{}",
        run.stdout
    );
    if cfg!(target_os = "linux") {
        let peaks: Vec<u64> = stages
            .iter()
            .map(|l| {
                let mib = l.split("peak").nth(1).expect("a peak on every stage");
                mib.trim().trim_end_matches("MiB").trim().parse().unwrap()
            })
            .collect();
        assert!(peaks[0] > 0, "{}", run.stdout);
        assert!(peaks.windows(2).all(|w| w[0] <= w[1]), "{}", run.stdout);
    }
}

/// `[labels]` names the groups of the templates and cases pages (#20: the
/// Spanish flagship headed its groups "Warm path"); a label that names no
/// group is a warning at its line in site.toml, and the build goes on.
#[test]
fn labels_name_record_groups_and_a_label_for_no_group_is_a_warning() {
    let site = TestSite::new("basic");
    site.edit(
        "site.toml",
        "author = \"Fixture authors\"\n",
        "author = \"Fixture authors\"\n\n[labels]\nafter-applying = \"Right after you apply\"\nconnection-request = \"The first note\"\nafter-aplying = \"Misspelt\"\n",
    );
    let run = site.build(&[]).success();
    run.says(
        "warning: site.toml:11:1: the label `after-aplying` names no group of records in `en`",
    )
    .says("= help: labels name a template's `context` or a case's or quote's `topic`; this edition has: Small asks, after-applying, connection-request");
    let out = site.out();
    assert!(out.page("/templates/").contains("Right after you apply"));
    assert!(!out.page("/templates/").contains(">After applying<"));
    assert!(out.page("/cases/").contains("The first note"));
}
