//! The exact text of a few error messages, caret display included, so a
//! change of wording or layout is a deliberate one: the expected output of
//! `casebook check` on a broken fixture is in `messages/<case>.txt`, and
//! of `--format json` and `--format github` in `messages/several-kinds.*`.
//! After a deliberate change, `SNAPSHOTS=overwrite cargo test messages`
//! rewrites them; review the diff before committing.

use std::process::Command;

use snapbox::{assert_data_eq, file};

use crate::common::{BIN, Run, TestSite};

/// What `casebook check` prints (without colour) for the basic site with
/// the overlay `errors/<case>`.
fn check_output(case: &str) -> String {
    let site = TestSite::new("basic");
    site.overlay(&format!("errors/{case}"));
    site.check(&[]).failure().stderr
}

#[test]
fn an_unknown_site_toml_key() {
    assert_data_eq!(
        check_output("unknown-config-key"),
        file!["messages/unknown-config-key.txt"]
    );
}

#[test]
fn a_link_to_a_missing_page() {
    assert_data_eq!(
        check_output("missing-page"),
        file!["messages/missing-page.txt"]
    );
}

#[test]
fn bad_yaml_in_a_data_file() {
    assert_data_eq!(check_output("bad-yaml"), file!["messages/bad-yaml.txt"]);
}

#[test]
fn a_cycle_in_a_decision_tree() {
    assert_data_eq!(check_output("tree-cycle"), file!["messages/tree-cycle.txt"]);
}

#[test]
fn three_problems_in_one_run() {
    assert_data_eq!(
        check_output("three-problems"),
        file!["messages/three-problems.txt"]
    );
}

/// The multilingual site with errors, a warning and notes of several
/// kinds: a record and a page without originals, front matter that does
/// not parse in a file whose name holds a comma, a link to a missing page
/// whose path holds a `%`, a link to a missing case.
fn several_kinds() -> TestSite {
    let site = TestSite::new("multilingual");
    site.write(
        "content/es/data/faqs.yaml",
        "- id: how-long\n  question: ¿Cuánto?\n  answer: Poco.\n- id: nueva\n  question: ¿Nueva?\n  answer: Sí.\n",
    );
    site.write(
        "content/es/guides/solo.md",
        "---\ntitle: Solo en español\n---\n\nTexto.\n",
    );
    site.write(
        "content/guides/a,b.md",
        "---\ntitle: Notes\ntags: [a\n---\n\nText.\n",
    );
    site.write(
        "content/guides/extra.md",
        "---\ntitle: Extra\n---\n\nSee [the full guide](@/guides/100%.md) and [a case](@case:nope).\n",
    );
    site
}

/// `casebook <args>` run in the site's folder (so files are named as from
/// a repository's root), colours off, outside GitHub Actions.
fn run_in(site: &TestSite, args: &[&str]) -> Run {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(site.root())
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_WORKSPACE")
        .output()
        .expect("run casebook");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn json_output_of_several_kinds_of_problem() {
    let run = run_in(&several_kinds(), &["check", "--format", "json"]).failure();
    assert_data_eq!(run.stdout.as_str(), file!["messages/several-kinds.json"]);
    // Nothing else on stdout: it parses as one document.
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    assert_eq!(doc["summary"]["errors"], 4, "{doc}");
}

#[test]
fn github_output_of_several_kinds_of_problem() {
    let run = run_in(&several_kinds(), &["check", "--format", "github"]).failure();
    assert_data_eq!(run.stdout, file!["messages/several-kinds.github.txt"]);
    assert_eq!(run.stderr, "4 problems found\n");
}

#[test]
fn github_files_are_named_from_the_workspace() {
    // In GitHub Actions, casebook may run in a folder of the repository:
    // annotations name files from the repository's root all the same.
    let site = several_kinds();
    let root = site.root().canonicalize().unwrap();
    let name = root.file_name().unwrap().to_str().unwrap();
    let out = Command::new(BIN)
        .args(["check", "--format", "github"])
        .current_dir(&root)
        .env("GITHUB_WORKSPACE", root.parent().unwrap())
        .output()
        .expect("run casebook");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 8, "{stdout}");
    let file = format!(" file={name}/content/");
    assert!(stdout.lines().all(|l| l.contains(&file)), "{stdout}");
}

#[test]
fn human_output_puts_warnings_and_notes_after_errors() {
    let run = run_in(&several_kinds(), &["check"]).failure();
    assert_eq!(run.stdout, "");
    assert_data_eq!(run.stderr, file!["messages/several-kinds.txt"]);
}

#[test]
fn warnings_and_notes_do_not_fail_a_run() {
    let site = TestSite::new("multilingual");
    site.write(
        "content/es/guides/solo.md",
        "---\ntitle: Solo en español\n---\n\nTexto.\n",
    );
    // `build` reports the warning, not the notes; the document is all of stdout.
    let run = run_in(&site, &["build", "--format", "json"]).success();
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    let codes: Vec<&str> = doc["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["i18n/no-original"], "{doc}");
    assert_eq!(doc["problems"][0]["severity"], "warning");
    assert!(run.stderr.starts_with("Built "), "{}", run.stderr);
    // `check` adds the notes; people read them on stderr.
    let run = run_in(&site, &["check"]).success();
    assert!(
        run.stderr.contains("warning: content/es/guides/solo.md: "),
        "{}",
        run.stderr
    );
    let notes = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("note: content/"));
    assert_eq!(notes.count(), 3, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("No errors: ") && run.stdout.contains("with 1 warning and 3 notes"),
        "{}",
        run.stdout
    );
    // Nothing to say is still a document.
    let site = TestSite::new("basic");
    let run = run_in(&site, &["check", "--format", "json"]).success();
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    assert_eq!(doc["problems"], serde_json::json!([]));
    assert_eq!(
        doc["summary"],
        serde_json::json!({"errors": 0, "warnings": 0, "notes": 0})
    );
}
