//! Runs the Node browser tests (tests/browser/*.spec.mjs) in Debian Chromium
//! against the flagship site, built fresh into a temp folder.
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
    let status = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["build", "--quiet", "--root"])
        .arg(&root)
        .arg("--output-dir")
        .arg(&site)
        .args(["--base-url", "http://127.0.0.1/"])
        .status()
        .expect("run casebook");
    assert!(status.success(), "the flagship site must build");
    // The hostile fixture: the basic test site with script in every data field.
    let fixtures = root.join("tests/fixtures");
    let hostile_src = out.path().join("hostile-src");
    copy_tree(&fixtures.join("basic"), &hostile_src);
    copy_tree(&fixtures.join("hostile"), &hostile_src);
    let hostile = out.path().join("hostile");
    let status = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["build", "--quiet", "--root"])
        .arg(&hostile_src)
        .arg("--output-dir")
        .arg(&hostile)
        .args(["--base-url", "http://127.0.0.1/"])
        .status()
        .expect("run casebook");
    assert!(status.success(), "the hostile fixture must build");
    // Four languages, for search in each language (search-languages.spec.mjs).
    let multilingual = out.path().join("multilingual");
    let status = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["build", "--quiet", "--root"])
        .arg(fixtures.join("multilingual"))
        .arg("--output-dir")
        .arg(&multilingual)
        .args(["--base-url", "http://127.0.0.1/"])
        .status()
        .expect("run casebook");
    assert!(status.success(), "the multilingual fixture must build");
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
        .env("MULTILINGUAL_SITE_DIR", &multilingual)
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
