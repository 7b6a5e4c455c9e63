//! Runs the Node browser tests (tests/browser/*.spec.mjs) in Debian Chromium
//! against the flagship site and the hostile and rich-content fixtures,
//! built fresh into a temp folder.
//!
//! Without Chromium, Node or tests/browser/node_modules the test says so
//! loudly and passes, so `cargo test` works on a fresh machine; in CI (`CI`
//! set) or with CASEBOOK_REQUIRE_BROWSER=1 a missing piece is a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::copy_tree;

fn missing_piece(dir: &Path) -> Option<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!(
            "no Chromium at {chromium} (apt-get install chromium)"
        ));
    }
    if Command::new("node").arg("--version").output().is_err() {
        return Some("no `node` on PATH".into());
    }
    if !dir.join("node_modules/playwright-core").is_dir() {
        return Some("tests/browser/node_modules is missing (cd tests/browser && npm ci)".into());
    }
    None
}

/// Builds the site at `root` into `out` for the local test server.
fn build(root: &Path, out: &Path, what: &str) {
    let status = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["build", "--quiet", "--root"])
        .arg(root)
        .arg("--output-dir")
        .arg(out)
        .args(["--base-url", "http://127.0.0.1/"])
        .status()
        .expect("run casebook");
    assert!(status.success(), "{what} must build");
}

#[test]
fn browser_tests_pass_in_chromium() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("tests/browser");
    if let Some(why) = missing_piece(&dir)
        && crate::common::skip_without(
            "the browser tests",
            &format!("{why}; set up with .ci/run or see README.md"),
            Some("CASEBOOK_REQUIRE_BROWSER"),
            None,
        )
    {
        return;
    }
    let out = tempfile::tempdir().expect("temp dir");
    let site = out.path().join("site");
    build(&root, &site, "the flagship site");
    // The hostile fixture: the basic test site with script in every data field.
    let fixtures = root.join("tests/fixtures");
    let hostile_src = out.path().join("hostile-src");
    copy_tree(&fixtures.join("basic"), &hostile_src);
    copy_tree(&fixtures.join("hostile"), &hostile_src);
    let hostile = out.path().join("hostile");
    build(&hostile_src, &hostile, "the hostile fixture");
    // Code, callouts and page assets (#19).
    let rich = out.path().join("rich");
    build(&fixtures.join("rich"), &rich, "the rich-content fixture");
    let shots = root.join("target/screenshots");
    let mut specs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/browser")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".spec.mjs"))
        .collect();
    specs.sort();
    let output = Command::new("node")
        .arg("--test")
        .arg("--test-concurrency=1")
        .args(&specs)
        .current_dir(&dir)
        .env("SITE_DIR", &site)
        .env("HOSTILE_SITE_DIR", &hostile)
        .env("RICH_SITE_DIR", &rich)
        .env("SCREENSHOT_DIR", &shots)
        .output()
        .expect("run node --test");
    let text = String::from_utf8_lossy(&output.stdout);
    println!("{text}{}", String::from_utf8_lossy(&output.stderr));
    assert!(
        output.status.success(),
        "browser tests failed (screenshots in {})",
        shots.display()
    );
}
