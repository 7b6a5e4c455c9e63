//! `casebook check --external` (#21) against servers of the test's own on
//! 127.0.0.1, never the network: a working page, a permanent redirect, a
//! page that is gone, a server error that passes, one too slow to answer,
//! one that turns programs away, and a port where nothing listens. Each
//! problem must be reported at every place its link is written, working
//! links must be cached for the next run, and bad `[external_links]`
//! settings must be errors at their line.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use crate::common::{Run, TestSite};

/// A tiny HTTP server on 127.0.0.1 answering each connection on a thread
/// of its own (so a slow answer holds up no other), counting requests by
/// path. It lives until the test binary ends.
struct Server {
    base: String,
    hits: Arc<Mutex<HashMap<String, usize>>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let hits: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
        let counted = hits.clone();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let hits = counted.clone();
                thread::spawn(move || answer(stream, &hits));
            }
        });
        Server { base, hits }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Requests so far for `path`.
    fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }

    fn total(&self) -> usize {
        self.hits.lock().unwrap().values().sum()
    }
}

/// Reads one request and answers it as its path says; `n` is how many
/// requests the path had before.
fn answer(stream: TcpStream, hits: &Mutex<HashMap<String, usize>>) {
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut reader = BufReader::new(stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line.trim().is_empty() => break,
            Ok(_) => {}
        }
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("")
        .to_owned();
    let n = {
        let mut hits = hits.lock().unwrap();
        let count = hits.entry(path.clone()).or_insert(0);
        *count += 1;
        *count - 1
    };
    let (status, extra) = match path.as_str() {
        "/ok" | "/new" | "/skipped/a" => (200, String::new()),
        "/old" => (301, "Location: /new\r\n".to_owned()),
        "/gone" => (404, String::new()),
        "/flaky" if n == 0 => (500, String::new()),
        "/flaky" => (200, String::new()),
        "/slow" => {
            thread::sleep(Duration::from_secs(4));
            (200, String::new())
        }
        "/blocked" => (403, String::new()),
        _ => (418, String::new()),
    };
    let mut stream = reader.into_inner();
    let _ = write!(
        stream,
        "HTTP/1.1 {status} Whatever\r\n{extra}Content-Length: 0\r\nConnection: close\r\n\r\n"
    );
}

/// A port on 127.0.0.1 where nothing listens (bound, then let go).
fn refused_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// `line:col` of the first `needle` in `text`, as messages write it.
fn pos_of(text: &str, needle: &str) -> String {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in {text}"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    format!("{line}:{col}")
}

const GUIDE: &str = "content/guides/links.md";
const SOURCES: &str = "content/data/sources.yaml";
const TREE: &str = "content/decisions/pick.yaml";

/// The basic fixture with a guide and a source linking to `server`, and
/// `[external_links]` set to `settings` plus a short timeout. Returns the
/// site and the guide's text.
fn site_linking_to(server: &Server, settings: &str) -> (TestSite, String) {
    let site = TestSite::new("basic");
    let guide = format!(
        "+++\ntitle = \"Links\"\ndescription = \"Links to other sites.\"\n+++\n\n\
         Fine: [ok]({ok}) and [moved]({old}#part).\n\n\
         Gone: [here]({gone}), and again [there]({gone}).\n\n\
         Passing fault: [flaky]({flaky}). Slow: [slow]({slow}).\n\n\
         Nobody home: [refused](http://127.0.0.1:{port}/).\n\n\
         Turns programs away: [blocked]({blocked}). Skipped: [skip]({skip}).\n",
        ok = server.url("/ok"),
        old = server.url("/old"),
        gone = server.url("/gone"),
        flaky = server.url("/flaky"),
        slow = server.url("/slow"),
        port = refused_port(),
        blocked = server.url("/blocked"),
        skip = server.url("/skipped/a"),
    );
    site.write(GUIDE, &guide);
    let sources = std::fs::read_to_string(site.root().join(SOURCES)).unwrap();
    site.write(
        SOURCES,
        &format!(
            "{sources}\n- id: src-web\n  title: A page on the web\n  url: \"{}\"\n",
            server.url("/gone")
        ),
    );
    site.edit(
        TREE,
        "body: Keep it under 300 characters.",
        &format!(
            "body: |\n      Keep it short, as [this]({}) says.",
            server.url("/gone")
        ),
    );
    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &format!(
            "{toml}\n[external_links]\ntimeout_secs = 1\nretries = 1\nskip = [\"{}\"]\n{settings}",
            server.url("/skipped/")
        ),
    );
    (site, guide)
}

fn cache_file(site: &TestSite) -> std::path::PathBuf {
    site.root().join(".casebook/external-links.json")
}

#[test]
fn every_problem_is_reported_at_every_place_its_link_is_written() {
    let server = Server::start();
    let (site, guide) = site_linking_to(&server, "");
    let run = site.check(&["--external"]).failure();
    let at = |needle: &str| format!("{GUIDE}:{}: ", pos_of(&guide, needle));
    let gone = server.url("/gone");
    run.at(&at("[here]"))
        .at(&at("[there]"))
        .says(&format!(
            "broken link `{gone}`: the server answers 404 Not Found"
        ))
        .at(&format!(
            "{SOURCES}:{}: broken link `{gone}`",
            source_pos(&site)
        ))
        .at(&format!("{TREE}:{}: broken link `{gone}`", tree_pos(&site)))
        .at(&at("[slow]"))
        .says("no answer before the timeout")
        .at(&at("[refused]"))
        .says("connection refused");
    let problems = |word: &str| run.stderr.lines().filter(|l| l.contains(word)).count();
    // Two uses in the guide, one in the source, one in the tree; slow
    // and refused.
    assert_eq!(problems("broken link `"), 6, "{}", run.stderr);
    assert_says(
        &run,
        &format!("warning: {}", at("[blocked]")),
        "403 Forbidden to programs",
    );
    let new = server.url("/new#part");
    assert_says(
        &run,
        &format!("note: {}", at("[moved]")),
        &format!("moved for good to `{new}`"),
    );
    // Only these eight messages: a passing fault is retried and is fine,
    // working and skipped links say nothing.
    let messages = ["error: ", "warning: ", "note: "]
        .iter()
        .map(|start| run.stderr.lines().filter(|l| l.starts_with(start)).count())
        .sum::<usize>();
    assert_eq!(messages, 8, "{}", run.stderr);
    assert_eq!(server.hits("/flaky"), 2);
    assert_eq!(server.hits("/skipped/a"), 0);
    // HEAD then a GET to confirm, once for the four uses.
    assert_eq!(server.hits("/gone"), 2);
}

/// Where the source's `url` value starts, inside its quotes.
fn source_pos(site: &TestSite) -> String {
    let text = std::fs::read_to_string(site.root().join(SOURCES)).unwrap();
    pos_of(&text, "http://")
}

/// Where the tree's link's address is written, in its block of text.
fn tree_pos(site: &TestSite) -> String {
    let text = std::fs::read_to_string(site.root().join(TREE)).unwrap();
    pos_of(&text, "http://")
}

#[track_caller]
fn assert_says(run: &Run, start: &str, text: &str) {
    assert!(
        run.stderr
            .lines()
            .any(|l| l.starts_with(start) && l.contains(text)),
        "no line starting {start:?} saying {text:?}:\n{}",
        run.stderr
    );
}

#[test]
fn a_rerun_within_the_cache_lifetime_asks_only_about_broken_links() {
    let server = Server::start();
    let (site, _) = site_linking_to(&server, "cache_hours = 1\n");
    site.check(&["--external"]).failure();
    let cache = std::fs::read_to_string(cache_file(&site)).unwrap();
    assert!(cache.contains(&server.url("/ok")), "{cache}");
    assert!(
        !cache.contains("/gone"),
        "broken links are not kept: {cache}"
    );
    let asked = |s: &Server| ["/ok", "/old", "/new", "/flaky", "/blocked"].map(|p| s.hits(p));
    let before = asked(&server);
    let gone_before = server.hits("/gone");
    site.check(&["--external"]).failure();
    assert_eq!(asked(&server), before, "working links were asked again");
    assert!(
        server.hits("/gone") > gone_before,
        "broken links are asked again"
    );
    // Past its lifetime, an entry is asked about again.
    let mut json: serde_json::Value = serde_json::from_str(&cache).unwrap();
    for entry in json["entries"].as_object_mut().unwrap().values_mut() {
        entry["checked"] = 0.into();
    }
    std::fs::write(cache_file(&site), json.to_string()).unwrap();
    site.check(&["--external"]).failure();
    assert_eq!(server.hits("/ok"), before[0] + 1);
}

#[test]
fn working_links_pass_and_no_check_without_the_flag_asks_anything() {
    let server = Server::start();
    let site = TestSite::new("basic");
    site.write(
        "content/guides/fine.md",
        &format!(
            "+++\ntitle = \"Fine\"\ndescription = \"d\"\n+++\n\n[a]({}) [b]({}#x)\n",
            server.url("/ok"),
            server.url("/ok")
        ),
    );
    site.check(&[]).success();
    site.build(&["--quiet"]).success();
    assert_eq!(server.total(), 0, "only --external may use the network");
    assert!(!cache_file(&site).exists());
    let run = site.check(&["--external"]).success();
    assert!(
        run.stdout.contains("and 2 links to other websites checked"),
        "{}",
        run.stdout
    );
    assert_eq!(server.hits("/ok"), 1, "one request for both spellings");
    assert!(cache_file(&site).is_file());
    assert!(site.root().join(".casebook/.gitignore").is_file());
}

#[test]
fn zero_cache_hours_keeps_no_cache() {
    let server = Server::start();
    let site = TestSite::new("basic");
    site.write(
        "content/guides/fine.md",
        &format!(
            "+++\ntitle = \"Fine\"\ndescription = \"d\"\n+++\n\n[a]({})\n",
            server.url("/ok")
        ),
    );
    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &format!("{toml}\n[external_links]\ncache_hours = 0\n"),
    );
    site.check(&["--external"]).success();
    site.check(&["--external"]).success();
    assert_eq!(server.hits("/ok"), 2);
    assert!(!site.root().join(".casebook").exists());
}

#[test]
fn a_link_seen_by_several_languages_is_reported_once() {
    let server = Server::start();
    let site = TestSite::new("multilingual");
    let gone = server.url("/gone");
    // Spanish has neither this source nor the `tone` guide: both stand in
    // from English in the Spanish edition.
    site.write(
        SOURCES,
        &format!("- id: src-web\n  title: A page\n  url: {gone}\n"),
    );
    let tone = std::fs::read_to_string(site.root().join("content/guides/tone.md")).unwrap();
    site.write(
        "content/guides/tone.md",
        &format!("{tone}\n[gone]({gone})\n"),
    );
    // Nor the `follow-up` FAQ, whose answer is Markdown.
    let faqs = "content/data/faqs.yaml";
    site.edit(
        faqs,
        "after about a week,",
        &format!("after about a week ([why]({gone})),"),
    );
    let faqs_text = std::fs::read_to_string(site.root().join(faqs)).unwrap();
    let run = site.check(&["--external"]).failure();
    let reports: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("broken link `"))
        .collect();
    assert_eq!(reports.len(), 3, "{}", run.stderr);
    run.at(&format!("{SOURCES}:3:8: broken link")).at(&format!(
        "{faqs}:{}: broken link",
        pos_of(&faqs_text, "http://")
    ));
    assert!(
        reports
            .iter()
            .any(|l| l.contains("content/guides/tone.md:")),
        "{reports:?}"
    );
}

#[test]
fn bad_external_links_settings_are_errors_at_their_line() {
    let site = TestSite::new("basic");
    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    let table = toml.lines().count() + 2;
    for (bad, says, col) in [
        ("concurrency = 0", "nonzero", 15),
        ("timeot_secs = 5", "did you mean `timeout_secs`?", 1),
        ("timeout_secs = 100000", "over the 300 seconds allowed", 1),
        ("skip = [\"twitter.com\"]", "can never match a link", 9),
        ("cache_hours = \"a day\"", "invalid type", 15),
    ] {
        site.write("site.toml", &format!("{toml}\n[external_links]\n{bad}\n"));
        let run = site.check(&[]).failure();
        run.at(&format!("site.toml:{}:{col}", table + 1)).says(says);
    }
}
