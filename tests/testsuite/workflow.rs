//! Integration tests for the contributors' workflow (issue 6): `init`,
//! `new guide`, `new tree`, `schema`, "last updated" dates from git, and the
//! edit links of pages and records.
//!
//! Each test runs the real binary in its own temp dir.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

/// A fresh temp dir.
fn temp() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("casebook-workflow-")
        .tempdir()
        .unwrap()
}

/// Runs the binary with `args` in `cwd`.
fn run_in(cwd: &Path, args: &[&OsStr]) -> Run {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run casebook");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn os(s: &str) -> &OsStr {
    OsStr::new(s)
}

/// `casebook init <tmp>/kb`, asserted to succeed; returns the temp dir and the site.
fn init_site() -> (tempfile::TempDir, PathBuf) {
    let tmp = temp();
    let root = tmp.path().join("kb");
    run(&[os("init"), root.as_os_str()]).success();
    (tmp, root)
}

/// `casebook build --root <root> --quiet`.
fn build(root: &Path) -> Run {
    run(&[os("build"), os("--root"), root.as_os_str(), os("--quiet")])
}

/// `casebook new <what...> --root <root>`.
fn new(root: &Path, what: &[&str]) -> Run {
    let mut args: Vec<&OsStr> = vec![os("new")];
    args.extend(what.iter().map(|s| os(s)));
    args.extend([os("--root"), root.as_os_str()]);
    run(&args)
}

// ---------------------------------------------------------------- init

#[test]
fn init_then_build_makes_every_kind_of_page() {
    let tmp = temp();
    let root = tmp.path().join("my kb");
    let r = run(&[os("init"), root.as_os_str()]).success();
    for f in [
        "site.toml",
        "content/_index.md",
        "content/guides/_index.md",
        "content/guides/writing-a-guide.md",
        "content/data/sources.yaml",
        "content/data/cases.yaml",
        "content/data/quotes.yaml",
        "content/data/faqs.yaml",
        "content/data/templates.yaml",
        "content/decisions/what-to-write.yaml",
        "schemas/cases.schema.json",
    ] {
        assert!(root.join(f).is_file(), "init did not write {f}");
        assert!(
            r.stdout.contains(f),
            "init does not list {f}:\n{}",
            r.stdout
        );
    }
    assert!(
        !root.join("themes").exists(),
        "the embedded theme is enough"
    );
    assert!(
        r.stdout.contains("Next: cd '") && r.stdout.contains("casebook serve"),
        "no next step:\n{}",
        r.stdout
    );

    build(&root).success();
    let out = Output::new(root.join("public"));
    for url in [
        "/",
        "/guides/",
        "/guides/writing-a-guide/",
        "/cases/",
        "/quotes/",
        "/faq/",
        "/templates/",
        "/sources/",
        "/check/",
        "/search/",
        "/decide/what-to-write/",
        "/decide/what-to-write/yes/",
        "/decide/what-to-write/no-it-depends/no/",
        "/decide/what-to-write/map/",
    ] {
        assert!(
            out.exists(&url_to_file(url)),
            "no page for {url}; built: {:#?}",
            out.files()
        );
    }
    assert!(
        out.main("/cases/")
            .contains("Vague advice or a concrete example")
    );
    assert!(out.main("/").contains("What should I write next?"));
    let broken = broken_links(&out.dir, "https://example.org/");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    run(&[os("check"), os("--root"), root.as_os_str()]).success();
}

#[test]
fn init_with_no_folder_uses_the_current_one() {
    let tmp = temp();
    let r = run_in(tmp.path(), &[os("init")]).success();
    assert!(tmp.path().join("site.toml").is_file());
    assert!(r.stdout.contains("Next: casebook serve"), "{}", r.stdout);
    build(tmp.path()).success();
}

#[test]
fn init_refuses_a_non_empty_folder_and_leaves_it_alone() {
    let tmp = temp();
    fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
    let before = snapshot(tmp.path());
    let r = run(&[os("init"), tmp.path().as_os_str()]).failure();
    r.says("not empty").says("notes.txt").hinted();
    assert_same(&before, &snapshot(tmp.path()), "the folder");
}

#[test]
fn init_accepts_a_folder_holding_only_hidden_files() {
    let tmp = temp();
    fs::create_dir(tmp.path().join(".git")).unwrap();
    fs::write(tmp.path().join(".gitignore"), "mine\n").unwrap();
    let r = run(&[os("init"), tmp.path().as_os_str()]).success();
    assert!(
        r.stdout.contains(".gitignore (already there"),
        "{}",
        r.stdout
    );
    assert_eq!(
        fs::read_to_string(tmp.path().join(".gitignore")).unwrap(),
        "mine\n"
    );
    assert!(tmp.path().join("site.toml").is_file());
}

// ---------------------------------------------------------------- new

#[test]
fn new_guide_is_written_with_front_matter_and_built() {
    let (_tmp, root) = init_site();
    let r = new(&root, &["guide", "Following up: when & how"]).success();
    let rel = "content/guides/following-up-when-how.md";
    assert!(
        r.stdout.contains(&root.join(rel).display().to_string()),
        "does not say where:\n{}",
        r.stdout
    );
    let text = fs::read_to_string(root.join(rel)).unwrap();
    assert!(text.starts_with("---\ntitle: \"Following up: when & how\"\n"));
    assert!(text.contains("\ndescription: "), "{text}");
    assert!(
        text.contains("\nweight: 20\n"),
        "after the starter guide's 10:\n{text}"
    );
    let date = text
        .lines()
        .find_map(|l| l.strip_prefix("date: "))
        .expect("a date");
    assert!(
        date.len() == 10 && date.as_bytes()[4] == b'-' && date.starts_with("20"),
        "{date}"
    );

    build(&root).success();
    let out = Output::new(root.join("public"));
    let main = out.main("/guides/following-up-when-how/");
    assert!(main.contains("Following up: when &"), "{main}");
    assert!(main.contains(date), "the page shows its date");
    let listed = listed_pages(&out.main("/guides/"), "/guides/");
    assert_eq!(
        listed,
        ["/guides/writing-a-guide/", "/guides/following-up-when-how/"]
    );
}

#[test]
fn new_guide_in_a_new_section_writes_the_section_too() {
    let (_tmp, root) = init_site();
    let r = new(
        &root,
        &["guide", "Deep dive", "--section", "advanced/topics"],
    )
    .success();
    assert!(r.stdout.contains("section"), "{}", r.stdout);
    assert!(root.join("content/advanced/topics/deep-dive.md").is_file());
    assert!(root.join("content/advanced/topics/_index.md").is_file());
    build(&root).success();
    let out = Output::new(root.join("public"));
    assert!(out.exists("advanced/topics/deep-dive/index.html"));
    assert!(out.main("/advanced/topics/").contains("Deep dive"));
}

#[test]
fn new_tree_is_a_valid_two_question_tree() {
    let (_tmp, root) = init_site();
    let r = new(&root, &["tree", "Should I follow up?"]).success();
    let rel = "content/decisions/should-i-follow-up.yaml";
    assert!(r.stdout.contains(rel), "{}", r.stdout);
    let text = fs::read_to_string(root.join(rel)).unwrap();
    assert!(
        text.starts_with("# yaml-language-server: $schema=../../schemas/decision.schema.json\n")
    );
    build(&root).success();
    let out = Output::new(root.join("public"));
    for url in [
        "/decide/should-i-follow-up/",
        "/decide/should-i-follow-up/yes/",
        "/decide/should-i-follow-up/yes/yes/",
        "/decide/should-i-follow-up/no/",
    ] {
        assert!(out.exists(&url_to_file(url)), "no {url}");
    }
    assert!(
        out.main("/decide/should-i-follow-up/")
            .contains("Should I follow up?")
    );
}

#[test]
fn new_refuses_to_overwrite() {
    let (_tmp, root) = init_site();
    let guide = root.join("content/guides/writing-a-guide.md");
    let before = fs::read(&guide).unwrap();
    new(&root, &["guide", "Writing a guide"])
        .failure()
        .says("already exists")
        .hinted();
    assert_eq!(fs::read(&guide).unwrap(), before);

    new(&root, &["tree", "Pick one"]).success();
    let tree = root.join("content/decisions/pick-one.yaml");
    fs::write(&tree, "# mine\n").unwrap();
    new(&root, &["tree", "Pick one"])
        .failure()
        .says("already exists");
    assert_eq!(fs::read_to_string(&tree).unwrap(), "# mine\n");
}

#[test]
fn new_outside_a_site_or_into_data_is_refused() {
    let tmp = temp();
    new(tmp.path(), &["guide", "Anything"])
        .failure()
        .says("no site.toml")
        .hinted();
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);
    let (_tmp, root) = init_site();
    new(&root, &["guide", "Anything", "--section", "data"])
        .failure()
        .says("holds data");
    new(&root, &["guide", "Anything", "--section", "../outside"])
        .failure()
        .says("not a folder under content/");
    new(&root, &["guide", "???"]).failure().says("no letters");
}

// ---------------------------------------------------------------- schema

#[test]
fn committed_schemas_match_what_casebook_schema_writes() {
    let tmp = temp();
    let out = tmp.path().join("schemas");
    run(&[os("schema"), os("--out"), out.as_os_str()]).success();
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let names = |dir: &Path| -> BTreeSet<String> {
        fs::read_dir(dir)
            .map(|d| {
                d.filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    let fresh = names(&out);
    for want in [
        "site.schema.json",
        "sources.schema.json",
        "cases.schema.json",
        "quotes.schema.json",
        "faqs.schema.json",
        "templates.schema.json",
        "decision.schema.json",
    ] {
        assert!(fresh.contains(want), "`casebook schema` wrote no {want}");
    }
    assert_eq!(
        names(&committed),
        fresh,
        "schemas/ is out of date: run `cargo run -- schema` and commit schemas/"
    );
    for name in &fresh {
        let text = fs::read_to_string(out.join(name)).unwrap();
        let json: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name} is not valid JSON: {e}"));
        assert_eq!(
            json["$schema"], "http://json-schema.org/draft-07/schema#",
            "{name}"
        );
        assert_eq!(
            fs::read_to_string(committed.join(name)).unwrap(),
            text,
            "schemas/{name} is out of date: run `cargo run -- schema` and commit schemas/"
        );
    }
}

#[test]
fn flagship_data_files_point_at_existing_schemas() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["content/data", "content/decisions"] {
        for e in fs::read_dir(repo.join(dir)).unwrap().filter_map(Result::ok) {
            let path = e.path();
            if path.extension() != Some(OsStr::new("yaml")) {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            let first = text.lines().next().unwrap_or("");
            let target = first
                .strip_prefix("# yaml-language-server: $schema=")
                .unwrap_or_else(|| panic!("{} has no schema line", path.display()));
            assert!(
                path.parent().unwrap().join(target).is_file(),
                "{} points at a missing {target}",
                path.display()
            );
        }
    }
}

// ---------------------------------------------------------------- git dates

/// Runs git in `dir` with a clean configuration; false if git is missing.
fn git(dir: &Path, args: &[&str], date: Option<&str>) -> bool {
    let mut cmd = Command::new("git");
    cmd.args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE");
    if let Some(d) = date {
        cmd.env("GIT_AUTHOR_DATE", d).env("GIT_COMMITTER_DATE", d);
    }
    match cmd.output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "git {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            true
        }
        Err(_) => false,
    }
}

/// The "Updated" date a built page shows, if any.
fn updated(out: &Output, url: &str) -> Option<String> {
    let main = out.main(url);
    let i = main.find("Updated <time")?;
    let time = tags(&main[i..]).into_iter().find(|t| t.name == "time")?;
    time.attr("datetime").map(str::to_owned)
}

#[test]
fn a_guide_without_dates_shows_its_last_commit_day() {
    let (_tmp, root) = init_site();
    if !git(&root, &["init", "-q"], None)
        && skip_without("the git dates test", "git is not installed", None, None)
    {
        return;
    }
    new(&root, &["guide", "Dated"]).success();
    git(&root, &["add", "."], None);
    git(
        &root,
        &["commit", "-qm", "start"],
        Some("2024-03-05T10:00:00+00:00"),
    );
    // A later commit touching only one file moves only its date.
    fs::write(
        root.join("content/guides/later.md"),
        "---\ntitle: Later\n---\nText.\n",
    )
    .unwrap();
    git(&root, &["add", "."], None);
    git(
        &root,
        &["commit", "-qm", "later"],
        Some("2025-06-07T10:00:00+00:00"),
    );
    // Not committed: no git date.
    fs::write(
        root.join("content/guides/draft.md"),
        "---\ntitle: Uncommitted\n---\nText.\n",
    )
    .unwrap();

    build(&root).success();
    let out = Output::new(root.join("public"));
    assert_eq!(
        updated(&out, "/guides/writing-a-guide/").as_deref(),
        Some("2024-03-05")
    );
    assert_eq!(
        updated(&out, "/guides/later/").as_deref(),
        Some("2025-06-07")
    );
    assert_eq!(updated(&out, "/guides/draft/"), None);
    // Front matter wins over git.
    let dated = fs::read_to_string(root.join("content/guides/dated.md")).unwrap();
    let date = dated
        .lines()
        .find_map(|l| l.strip_prefix("date: "))
        .unwrap();
    assert_eq!(updated(&out, "/guides/dated/").as_deref(), Some(date));
    assert!(
        out.read("sitemap.xml")
            .contains("<lastmod>2024-03-05</lastmod>"),
        "the sitemap uses the git date too"
    );

    // A shallow clone's history is cut short, so it gives no dates at all.
    let clone = root.parent().unwrap().join("shallow");
    let url = format!("file://{}", root.display());
    git(
        root.parent().unwrap(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
        None,
    );
    build(&clone).success();
    let out = Output::new(clone.join("public"));
    assert_eq!(updated(&out, "/guides/writing-a-guide/"), None);
}

#[test]
fn no_repository_or_no_git_still_builds() {
    let (tmp, root) = init_site();
    // No repository: git finds none above the temp dir either.
    let out = Command::new(BIN)
        .args([os("build"), os("--quiet"), os("--root"), root.as_os_str()])
        .env("GIT_CEILING_DIRECTORIES", tmp.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let built = Output::new(root.join("public"));
    assert_eq!(updated(&built, "/guides/writing-a-guide/"), None);
    // No git at all.
    let out = Command::new(BIN)
        .args([os("build"), os("--quiet"), os("--root"), root.as_os_str()])
        .env("PATH", "")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

// ---------------------------------------------------------------- edit links

#[test]
fn pages_and_records_link_to_their_files() {
    let (_tmp, root) = init_site();
    let toml = root.join("site.toml");
    let text = fs::read_to_string(&toml).unwrap();
    let text = text.replace("# edit_link = ", "edit_link = ");
    assert!(text.contains("\nedit_link = "));
    fs::write(&toml, text).unwrap();
    build(&root).success();
    let out = Output::new(root.join("public"));
    let edit = "https://github.com/you/your-kb/edit/main/";
    let links = |url: &str| -> Vec<String> {
        hrefs(&out.page(url))
            .into_iter()
            .filter(|h| h.starts_with(edit))
            .map(|h| h[edit.len()..].to_owned())
            .collect()
    };
    assert!(
        links("/guides/writing-a-guide/").contains(&"content/guides/writing-a-guide.md".into())
    );
    assert!(
        links("/decide/what-to-write/").contains(&"content/decisions/what-to-write.yaml".into())
    );
    assert!(links("/check/").contains(&"content/data/checks.yaml".into()));
    for (url, file) in [
        ("/cases/", "content/data/cases.yaml"),
        ("/quotes/", "content/data/quotes.yaml"),
        ("/faq/", "content/data/faqs.yaml"),
        ("/templates/", "content/data/templates.yaml"),
        ("/sources/", "content/data/sources.yaml"),
    ] {
        let main_links: Vec<String> = hrefs(&out.main(url))
            .into_iter()
            .filter(|h| h.starts_with(edit))
            .collect();
        assert_eq!(
            main_links,
            [format!("{edit}{file}")],
            "{url}: one Edit link per record, to its file"
        );
    }
    // Embedded records carry no edit link of their own.
    let guide = out.main("/guides/writing-a-guide/");
    assert!(!guide.contains("content/data/cases.yaml"), "{guide}");
}
