//! Bad input never panics and never loses output (issue #9): each kind of
//! broken input exits 1 with `file:line:column` (where the input has lines)
//! and a hint, and the previous output folder stays byte-for-byte the same.
//! Hostile text in data fields renders as text.

use std::ffi::OsStr;
use std::fs;
use std::time::{Duration, Instant};

use crate::common::{TestSite, snapshot};

/// Builds the good fixture, breaks it with `breakage`, builds again and
/// checks the failure left the first build's output untouched.
fn fails_cleanly(breakage: impl FnOnce(&TestSite)) -> (TestSite, crate::common::Run) {
    let site = TestSite::new("basic");
    site.build(&[]).success();
    let before = snapshot(&site.root().join("public"));
    breakage(&site);
    let run = site.build(&[]).failure();
    assert_eq!(
        before,
        snapshot(&site.root().join("public")),
        "the previous output changed"
    );
    let leftovers: Vec<_> = fs::read_dir(site.root())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".casebook-") && !n.ends_with(".casebook-spare"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left behind: {leftovers:?}"
    );
    (site, run)
}

#[test]
fn file_that_is_not_utf8() {
    let (_, run) = fails_cleanly(|s| {
        fs::write(
            s.root().join("content/guides/latin1.md"),
            b"---\ntitle: Caf\xe9\n---\n",
        )
        .unwrap();
    });
    run.at("content/guides/latin1.md:2:")
        .says("not valid UTF-8")
        .hinted();
}

#[test]
fn empty_markdown_and_data_files() {
    let (_, run) = fails_cleanly(|s| {
        s.write("content/guides/empty.md", "");
        s.write("content/data/faqs/empty.yaml", "\n");
    });
    run.at("content/guides/empty.md:1:1")
        .at("content/data/faqs/empty.yaml:1:1")
        .says("empty")
        .problems(2)
        .hinted();
}

#[test]
fn yaml_value_of_the_wrong_type_and_missing_field() {
    let (_, run) = fails_cleanly(|s| {
        s.write("content/data/faqs/more.yaml", "- id: typed\n  question: [not, text]\n  answer: A.\n- id: partial\n  question: Where is the answer?\n");
    });
    run.at("content/data/faqs/more.yaml:2:")
        .says("invalid type")
        .at("content/data/faqs/more.yaml:4:")
        .says("missing field `answer`")
        .hinted();
}

#[test]
fn misspelled_key_in_a_data_file_suggests_the_field() {
    let (_, run) = fails_cleanly(|s| {
        s.write(
            "content/data/faqs/more.yaml",
            "- id: typo\n  questoin: Where?\n  answer: Here.\n",
        );
    });
    run.at("content/data/faqs/more.yaml:2:3")
        .says("unknown field `questoin`")
        .says("did you mean `question`?");
    assert!(!run.stderr.contains(".[0]"), "{}", run.stderr);
}

#[test]
fn yaml_alias_bomb_is_refused_quickly() {
    let mut bomb = String::from(
        "- id: bomb\n  title: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n",
    );
    let mut prev = "a".to_owned();
    for n in 0..12 {
        let name = format!("b{n}");
        bomb.push_str(&format!("  k{n}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        prev = name;
    }
    let started = Instant::now();
    let (_, run) = fails_cleanly(|s| {
        s.write("content/data/sources/bomb.yaml", &bomb);
    });
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "refused quickly"
    );
    run.at("content/data/sources/bomb.yaml:").hinted();
}

#[test]
fn huge_markdown_file_is_refused_with_its_limit() {
    let (_, run) = fails_cleanly(|s| {
        let mut text = String::from("---\ntitle: Huge\n---\n");
        let para = "Words upon words, a paragraph that goes on and on. ".repeat(20) + "\n\n";
        while text.len() < 50 * 1024 * 1024 {
            text.push_str(&para);
        }
        s.write("content/guides/huge.md", &text);
    });
    run.at("content/guides/huge.md").says("MiB limit").hinted();
}

#[test]
fn large_markdown_under_the_limit_builds() {
    // 2 MiB of Markdown with 25,000 headings and links. (Its speed is measured
    // by hand, not asserted: see the issue note.)
    let site = TestSite::new("basic");
    let mut text = String::from("---\ntitle: Long\n---\n");
    let mut n = 0;
    while text.len() < 2 * 1024 * 1024 {
        text.push_str(&format!(
            "## Part {n}\n\nSome words with a [link](@/guides/timing.md) and *emphasis*.\n\n"
        ));
        n += 1;
    }
    site.write("content/guides/long.md", &text);
    site.build(&[]).success();
    assert!(site.out().page("/guides/long/").contains("part-1000"));
}

#[cfg(unix)]
#[test]
fn symlink_loop_in_content() {
    let (_, run) = fails_cleanly(|s| {
        std::os::unix::fs::symlink(
            s.root().join("content"),
            s.root().join("content/guides/loop"),
        )
        .unwrap();
    });
    run.at("content/guides/loop").says("points back").hinted();
}

#[cfg(unix)]
/// A file casebook may not read. Root reads anything, so as root the builds
/// run as `nobody` (util-linux `setpriv`), from a copy of the binary that
/// `nobody` may run wherever the repository is, over a site opened up to it.
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let site = TestSite::new("basic");
    let secret = site.root().join("content/guides/secret.md");
    fs::write(&secret, "---\ntitle: Secret\n---\n").unwrap();
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    let privileged = fs::read(&secret).is_ok();
    fs::remove_file(&secret).unwrap();
    let bin_dir = tempfile::tempdir().unwrap();
    let (bin, wrapper): (std::path::PathBuf, &[&str]) = if privileged {
        for entry in walkdir::WalkDir::new(site.root()) {
            let entry = entry.unwrap();
            let mode = if entry.file_type().is_dir() {
                0o777
            } else {
                0o666
            };
            fs::set_permissions(entry.path(), fs::Permissions::from_mode(mode)).unwrap();
        }
        let copy = bin_dir.path().join("casebook");
        fs::copy(env!("CARGO_BIN_EXE_casebook"), &copy).unwrap();
        fs::set_permissions(bin_dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        fs::set_permissions(&copy, fs::Permissions::from_mode(0o755)).unwrap();
        (
            copy,
            &[
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
            ],
        )
    } else {
        (env!("CARGO_BIN_EXE_casebook").into(), &[])
    };
    let build = || {
        crate::common::run_binary(
            &bin,
            wrapper,
            &[
                OsStr::new("build"),
                OsStr::new("--root"),
                site.root().as_os_str(),
            ],
        )
    };
    build().success();
    let before = snapshot(&site.root().join("public"));
    fs::write(&secret, "---\ntitle: Secret\n---\n").unwrap();
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    let run = build().failure();
    run.at("content/guides/secret.md")
        .says("could not read")
        .says("Permission denied")
        .hinted();
    assert_eq!(
        before,
        snapshot(&site.root().join("public")),
        "the previous output changed"
    );
}

#[test]
fn unsafe_slugs_and_aliases() {
    let (_, run) = fails_cleanly(|s| {
        s.write(
            "content/guides/abs.md",
            "---\ntitle: Abs\nslug: /etc/passwd\n---\n",
        );
        s.write(
            "content/guides/drive.md",
            "---\ntitle: Drive\nslug: 'C:\\Windows'\n---\n",
        );
        s.write(
            "content/guides/alias.md",
            "---\ntitle: Alias\naliases: [/../../outside/]\n---\n",
        );
    });
    run.at("content/guides/abs.md:3:")
        .at("content/guides/drive.md:3:")
        .at("content/guides/alias.md:3:")
        .problems(3)
        .hinted();
}

#[test]
fn shortcode_with_a_missing_argument() {
    let (_, run) = fails_cleanly(|s| {
        s.write(
            "content/guides/sc.md",
            "---\ntitle: Shortcode\n---\n\nIntro.\n\n{{ case() }}\n",
        );
    });
    run.at("content/guides/sc.md:7:1")
        .says("needs an `id`")
        .hinted();
}

#[test]
fn data_reference_to_a_missing_record() {
    let (_, run) = fails_cleanly(|s| {
        s.write(
            "content/guides/refs.md",
            "---\ntitle: Refs\n---\n\nSee [this](@faq:no-such-question).\n",
        );
    });
    run.at("content/guides/refs.md:5:")
        .says("no faq with the id `no-such-question`")
        .hinted();
}

#[test]
fn source_url_that_is_not_a_web_address() {
    let (_, run) = fails_cleanly(|s| {
        s.write(
            "content/data/sources/more.yaml",
            "- id: scripted\n  title: T\n  url: javascript:alert(1)\n- id: bare\n  title: U\n  url: www.example.com/post\n",
        );
    });
    run.at("content/data/sources/more.yaml:3:8")
        .at("content/data/sources/more.yaml:6:8")
        .says("is not a web address")
        .says("https://www.example.com/post")
        .problems(2)
        .hinted();
}

#[test]
fn source_title_lang_that_is_not_a_language_code() {
    let (_, run) = fails_cleanly(|s| {
        s.write(
            "content/data/sources/more.yaml",
            "- id: kept\n  title: T\n  title_lang: English (UK)\n- id: fine\n  title: U\n  title_lang: pt-BR\n",
        );
    });
    run.at("content/data/sources/more.yaml:3:15")
        .says("`title_lang` of source `kept` is not a language code")
        .problems(1)
        .hinted();
}

#[test]
fn output_inside_content_or_at_dangerous_places_is_refused() {
    let site = TestSite::new("basic");
    let inside = site.root().join("content/public");
    let run = site
        .build(&["--output-dir", inside.to_str().unwrap()])
        .failure();
    run.says("inside the site's content/ folder").hinted();
    assert!(!inside.exists());
    site.build(&["--output-dir", "/"])
        .failure()
        .says("root")
        .hinted();
    // The home folder, however it is spelled: HOME is a temp folder here, so
    // the check runs wherever the tests do and nothing real is at stake.
    let home = tempfile::tempdir().unwrap();
    fs::write(home.path().join(".profile"), "keep me").unwrap();
    let env_home = format!("HOME={}", home.path().display());
    for spelling in [
        home.path().to_path_buf(),
        home.path().join("."),
        home.path().join("sub/.."),
    ] {
        crate::common::run_wrapped(
            &["env", &env_home],
            &[
                OsStr::new("build"),
                OsStr::new("--root"),
                site.root().as_os_str(),
                OsStr::new("--output-dir"),
                spelling.as_os_str(),
            ],
        )
        .failure()
        .says("home folder")
        .hinted();
    }
    assert_eq!(
        fs::read_dir(home.path()).unwrap().count(),
        1,
        "the home folder gained or lost files"
    );
    assert_eq!(
        fs::read_to_string(home.path().join(".profile")).unwrap(),
        "keep me"
    );
    site.build(&["--output-dir", site.root().to_str().unwrap()])
        .failure()
        .says("contains the site itself");
}

#[test]
fn several_problems_are_all_reported_in_one_run() {
    let (_, run) = fails_cleanly(|s| {
        s.write(
            "content/guides/a.md",
            "---\ntitle: A\ndate: 2026-13-01\n---\n",
        );
        s.write(
            "content/guides/b.md",
            "---\ntitle: B\n---\n\n[x](@/nowhere.md)\n",
        );
        s.write(
            "content/data/cases/extra.yaml",
            "- id: extra\n  title: [x]\n",
        );
    });
    run.problems(3);
}

#[cfg(unix)]
#[test]
fn a_killed_build_leaves_the_previous_output_intact() {
    let site = TestSite::new("basic");
    site.build(&[]).success();
    let mut before = snapshot(&site.root().join("public"));
    // The build must still be running when it is killed: a build that
    // finished first proves nothing, so the site grows until one is caught.
    let mut pages = 0;
    for more in [3000, 9000, 24000] {
        for i in pages..pages + more {
            site.write(
                &format!("content/bulk/p{i}.md"),
                &format!(
                    "---\ntitle: Page {i}\n---\n\n{}\n",
                    "Some words here. ".repeat(200)
                ),
            );
        }
        pages += more;
        if kill_while_writing(&site) {
            assert_eq!(
                before,
                snapshot(&site.root().join("public")),
                "a killed build changed the output"
            );
            // The next build reuses the leftover (the previous output is
            // kept as the spare) and succeeds.
            site.build(&[]).success();
            let leftovers: Vec<String> = fs::read_dir(site.root())
                .unwrap()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.contains(".casebook-"))
                .collect();
            assert_eq!(leftovers, [".public.casebook-spare"]);
            assert!(
                site.out()
                    .exists(&format!("bulk/p{}/index.html", pages - 1))
            );
            return;
        }
        // It finished: its output is now the previous one; try a larger site.
        before = snapshot(&site.root().join("public"));
    }
    panic!("every build finished before it could be killed, even with {pages} pages");
}

/// Starts a build and kills it once it has started writing its temporary
/// folder; true if it was killed before it finished.
fn kill_while_writing(site: &TestSite) -> bool {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["build", "--quiet", "--root"])
        .arg(site.root())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        let writing = fs::read_dir(site.root())
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().contains(".casebook-new-"));
        if writing || started.elapsed() > Duration::from_secs(20) {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.kill();
    !child.wait().unwrap().success()
}

/// Hostile text in every data field renders as text; `javascript:` links are dropped.
#[test]
fn hostile_text_is_escaped_everywhere() {
    let site = TestSite::new("basic");
    site.overlay("hostile");
    site.build(&[]).success();
    let out = site.root().join("public");
    let mut checked = 0;
    for (path, bytes) in snapshot(&out) {
        if path.ends_with(".json") {
            // Search and tree data hold the text as JSON strings; they must parse.
            serde_json::from_slice::<serde_json::Value>(&bytes)
                .unwrap_or_else(|e| panic!("{path}: {e}"));
            continue;
        }
        if !(path.ends_with(".html") || path.ends_with(".xml")) {
            continue;
        }
        // minify-html rightly leaves `<script>` in a title's raw text unescaped.
        let html = without_title_text(&String::from_utf8_lossy(&bytes).to_lowercase());
        let text = outside_attributes(&html);
        for bad in [
            "<script>alert",
            "<img src=x onerror",
            "</script><script>alert",
        ] {
            assert!(!text.contains(bad), "{path} contains {bad:?}");
        }
        for tag in tags(&html) {
            let squashed: String = tag.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(
                !squashed.contains("=\"javascript:")
                    && !squashed.contains("='javascript:")
                    && !squashed.contains("=javascript:"),
                "{path}: {tag}"
            );
            let names_only: String = outside_attributes(&tag)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            assert!(!names_only.contains("onerror="), "{path}: {tag}");
        }
        checked += 1;
    }
    assert!(checked > 10);
    // The JSON-LD of a guide with a hostile title stays one data block.
    let guide = site.out().page("/guides/hostile/");
    assert_eq!(
        guide.matches("<script type=application/ld+json>").count()
            + guide
                .matches("<script type=\"application/ld+json\">")
                .count(),
        2,
        "{guide}"
    );
    assert!(
        guide.contains("\\u003c/script\\u003e"),
        "JSON-LD escapes </script>"
    );
}

/// Raw HTML in a guide is the trusted author's by default and text with
/// `escape = true`; raw HTML in a data field is text either way (issue #9).
#[test]
fn raw_html_in_guides_is_switchable_and_never_allowed_in_data() {
    let site = TestSite::new("basic");
    site.write(
        "content/guides/raw.md",
        "---\ntitle: Raw\n---\n\n<aside class=\"callout\">Trusted box</aside>\n\nText with <kbd>Ctrl</kbd> and <script src=\"/x.js\"></script>.\n",
    );
    site.write(
        "content/data/faqs/raw.yaml",
        "- id: raw-faq\n  question: Is <b>bold</b> kept?\n  answer: No, <i>this</i> and <aside class=\"callout\">this</aside> are text.\n",
    );
    site.build(&[]).success();
    let guide = site.out().main("/guides/raw/");
    assert!(
        guide.contains("<aside class=callout>Trusted box</aside>"),
        "{guide}"
    );
    assert!(guide.contains("<kbd>Ctrl</kbd>"), "{guide}");
    let faq = site.out().main("/faq/");
    assert!(
        faq.contains("&lt;aside class=\"callout\">this&lt;/aside>"),
        "{faq}"
    );
    assert!(
        !faq.contains("<b>bold") && !faq.contains("<i>this"),
        "{faq}"
    );

    let toml = fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write("site.toml", &format!("escape = true\n{toml}"));
    site.build(&[]).success();
    let guide = site.out().main("/guides/raw/");
    assert!(
        guide.contains("&lt;aside class=\"callout\">Trusted box&lt;/aside>"),
        "{guide}"
    );
    assert!(guide.contains("&lt;kbd>Ctrl&lt;/kbd>"), "{guide}");
    assert!(!guide.contains("<script"), "{guide}");
    let faq = site.out().main("/faq/");
    assert!(
        faq.contains("&lt;aside class=\"callout\">this&lt;/aside>"),
        "{faq}"
    );
}

/// Every HTML page, of the fixture with hostile records and of the flagship,
/// carries a strict Content-Security-Policy before anything it loads, and
/// needs nothing that policy forbids: no inline script (JSON-LD is data),
/// no `<style>`, no `style=` and no event-handler attributes (issue #9).
#[test]
fn every_page_carries_a_strict_csp_and_needs_no_inline_code() {
    let site = TestSite::new("basic");
    site.overlay("hostile");
    site.build(&[]).success();
    let flagship = tempfile::tempdir().unwrap();
    crate::common::run(&[
        "build",
        "--quiet",
        "--root",
        env!("CARGO_MANIFEST_DIR"),
        "--output-dir",
        flagship.path().join("site").to_str().unwrap(),
    ])
    .success();
    let mut pages = 0;
    for out in [site.root().join("public"), flagship.path().join("site")] {
        for (path, bytes) in snapshot(&out) {
            if !path.ends_with(".html") {
                continue;
            }
            let html = String::from_utf8(bytes).unwrap();
            let tags = crate::common::tags(&without_title_text(&html));
            let csp: Vec<_> = tags
                .iter()
                .enumerate()
                .filter(|(_, t)| {
                    t.name == "meta"
                        && t.attr("http-equiv")
                            .is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy"))
                })
                .collect();
            assert_eq!(csp.len(), 1, "{path}: one CSP meta");
            let (at, meta) = csp[0];
            assert!(
                tags[..at]
                    .iter()
                    .all(|t| matches!(t.name.as_str(), "html" | "head" | "meta")),
                "{path}: the CSP comes before any resource"
            );
            assert_strict(&path, meta.attr("content").unwrap_or_default());
            for t in &tags {
                assert!(
                    t.name != "script"
                        || t.attr("src").is_some()
                        || t.attr("type") == Some("application/ld+json"),
                    "{path}: an inline script"
                );
                assert_ne!(t.name, "style", "{path}: a <style> element");
                for (name, _) in &t.attrs {
                    assert!(
                        name != "style" && !name.starts_with("on"),
                        "{path}: <{} {name}=…>",
                        t.name
                    );
                }
            }
            pages += 1;
        }
    }
    assert!(pages > 100, "only {pages} pages checked");
}

/// Scripts, styles and objects come only from the site itself (or nowhere),
/// and `<base>` cannot point elsewhere.
fn assert_strict(path: &str, policy: &str) {
    let directives: Vec<(&str, Vec<&str>)> = policy
        .split(';')
        .filter_map(|d| {
            let mut words = d.split_whitespace();
            Some((words.next()?, words.collect()))
        })
        .collect();
    let sources = |name: &str| {
        directives
            .iter()
            .find(|(n, _)| *n == name)
            .or_else(|| directives.iter().find(|(n, _)| *n == "default-src"))
            .map(|(_, s)| s.clone())
            .unwrap_or_else(|| panic!("{path}: no {name} or default-src in {policy:?}"))
    };
    for name in ["script-src", "style-src"] {
        let s = sources(name);
        assert!(
            !s.is_empty() && s.iter().all(|w| *w == "'self'" || *w == "'none'"),
            "{path}: {name} {s:?}"
        );
    }
    assert_eq!(sources("object-src"), ["'none'"], "{path}");
    assert!(
        directives
            .iter()
            .any(|(n, s)| *n == "base-uri" && s.iter().all(|w| *w == "'self'" || *w == "'none'")),
        "{path}: base-uri in {policy:?}"
    );
}

/// `<title>` holds raw text: a hostile title's `<script>` there is text.
fn without_title_text(html: &str) -> String {
    match (html.find("<title>"), html.find("</title>")) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &html[..a + 7], &html[b..]),
        _ => html.to_owned(),
    }
}

/// The markup with quoted attribute values blanked: what is left is tags and
/// text, so `<script>` found in it is a real element, not an attribute's text.
fn outside_attributes(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for c in html.chars() {
        match (in_tag, quote) {
            (true, Some(q)) => {
                if c == q {
                    quote = None;
                    out.push(c);
                }
            }
            (true, None) => {
                if (c == '"' || c == '\'') && prev == '=' {
                    quote = Some(c);
                } else if c == '>' {
                    in_tag = false;
                }
                out.push(c);
            }
            (false, _) => {
                if c == '<' {
                    in_tag = true;
                }
                out.push(c);
            }
        }
        prev = c;
    }
    out
}

#[test]
fn attribute_values_are_blanked() {
    assert_eq!(
        outside_attributes("<a title='<script>x' href=\"</b>\">t<script>y"),
        "<a title='' href=\"\">t<script>y"
    );
}

/// Every real tag of the markup (from `<` to `>`, quotes respected).
fn tags(html: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut current: Option<String> = None;
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for c in html.chars() {
        match current.as_mut() {
            None if c == '<' => current = Some(String::from("<")),
            None => {}
            Some(tag) => {
                tag.push(c);
                match quote {
                    Some(q) if c == q => quote = None,
                    Some(_) => {}
                    None if (c == '"' || c == '\'') && prev == '=' => quote = Some(c),
                    None if c == '>' => tags.push(current.take().unwrap_or_default()),
                    None => {}
                }
            }
        }
        prev = c;
    }
    tags
}
