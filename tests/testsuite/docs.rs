//! The examples in README.md (and docs/writing-content.md) are real: every
//! fenced block preceded by `<!-- file: PATH -->` is written to a temp site,
//! which must build and produce the pages the text promises.

use std::path::Path;
use std::process::Command;

/// (path, contents) of every marked block in `markdown`.
fn marked_files(markdown: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut lines = markdown.lines();
    while let Some(line) = lines.next() {
        let Some(path) = line
            .trim()
            .strip_prefix("<!-- file: ")
            .and_then(|r| r.strip_suffix("-->"))
        else {
            continue;
        };
        let fence = lines.next().unwrap_or_default();
        assert!(
            fence.starts_with("```"),
            "a fenced block must follow <!-- file: {path} -->"
        );
        let mut body = String::new();
        for l in lines.by_ref() {
            if l.starts_with("```") {
                break;
            }
            body.push_str(l);
            body.push('\n');
        }
        files.push((path.trim().to_owned(), body));
    }
    files
}

fn build_example(doc: &str, expect: &[&str]) -> std::path::PathBuf {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(doc)).expect("read doc");
    let files = marked_files(&text);
    assert!(!files.is_empty(), "{doc} has no marked example files");
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, body) in &files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, body).expect("write");
    }
    let out = dir.path().join("out");
    let run = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["build", "--root"])
        .arg(dir.path())
        .arg("--output-dir")
        .arg(&out)
        .output()
        .expect("run casebook");
    assert!(
        run.status.success(),
        "the {doc} example must build:\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for page in expect {
        assert!(out.join(page).is_file(), "{doc} promises {page}");
    }
    let kept = dir.keep();
    kept.join("out")
}

#[test]
fn readme_example_site_builds() {
    let out = build_example(
        "README.md",
        &[
            "index.html",
            "guides/index.html",
            "guides/timing/index.html",
            "cases/index.html",
            "tags/timing/index.html",
            "search/index.html",
            "sitemap.xml",
            "robots.txt",
            "atom.xml",
            "404.html",
        ],
    );
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).expect("sitemap");
    assert!(
        sitemap.contains("<loc>https://example.org/kb/guides/timing/</loc>"),
        "{sitemap}"
    );
    let home = std::fs::read_to_string(out.join("index.html")).expect("home");
    assert!(
        home.contains("href=/kb/guides/>") || home.contains("href=\"/kb/guides/\""),
        "menu links carry the sub-path"
    );
    let _ = std::fs::remove_dir_all(out.parent().expect("temp"));
}

#[test]
fn marked_blocks_are_found() {
    let files = marked_files(
        "<!-- file: a.md -->\n```markdown\nhi\n```\ntext\n<!-- file: b/c.yaml -->\n```yaml\n- x\n```\n",
    );
    assert_eq!(
        files,
        vec![
            ("a.md".to_owned(), "hi\n".to_owned()),
            ("b/c.yaml".to_owned(), "- x\n".to_owned())
        ]
    );
}
