//! Search (issue #5) on the flagship site: the index files a build writes,
//! and relevance measured with the shipped `search.js` itself, run in Node
//! against the built index, so the test exercises what readers get.
//!
//! Without `node` on PATH these tests fail loudly; set CASEBOOK_SKIP_NODE=1
//! to skip the Node part on a machine that cannot have it.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::{Value, json};

/// Builds the flagship site into a temp dir with the real binary.
fn build_flagship(base_url: &str) -> (tempfile::TempDir, PathBuf) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::Builder::new()
        .prefix("casebook-search-")
        .tempdir()
        .unwrap();
    let out = tmp.path().join("site");
    let run = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["build", "--quiet", "--root"])
        .arg(&root)
        .arg("--output-dir")
        .arg(&out)
        .args(["--base-url", base_url])
        .output()
        .expect("run casebook");
    assert!(
        run.status.success(),
        "the flagship site must build:\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    (tmp, out)
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(
        &fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display())),
    )
    .unwrap()
}

/// The manifest names every shard and chunk, and they exist.
#[test]
fn a_build_writes_a_manifest_and_the_files_it_names() {
    let (_tmp, site) = build_flagship("https://example.org/kb/");
    let m = read_json(&site.join("search/manifest.json"));
    let terms = m["terms"].as_array().unwrap();
    assert_eq!(terms.len(), m["keys"].as_array().unwrap().len());
    for (i, h) in terms.iter().enumerate() {
        assert!(
            site.join(format!("search/t{i}.{}.json", h.as_str().unwrap()))
                .is_file()
        );
    }
    let width = m["width"].as_u64().unwrap() as usize;
    let chunks = m["chunks"].as_str().unwrap();
    let records = m["records"].as_u64().unwrap() as usize;
    let per = m["per"].as_u64().unwrap() as usize;
    assert_eq!(chunks.len() / width, records.div_ceil(per));
    let mut seen = 0;
    for i in 0..chunks.len() / width {
        let chunk = read_json(&site.join(format!(
            "search/r{i}.{}.json",
            &chunks[i * width..(i + 1) * width]
        )));
        for r in chunk.as_array().unwrap() {
            let url = r[1].as_str().unwrap();
            assert!(
                url.starts_with("/kb/"),
                "record URLs carry the base path: {url}"
            );
            seen += 1;
        }
    }
    assert_eq!(seen, records);
    let runs: u64 = m["runs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[1].as_u64().unwrap())
        .sum();
    assert_eq!(runs as usize, records);
    assert_eq!(m["help"][0]["url"], "/kb/decide/should-i-message/");
    // Every page's search form says where the manifest is, and loads the script.
    let home = fs::read_to_string(site.join("index.html")).unwrap();
    assert!(
        home.contains("data-search=/kb/search/manifest.json")
            || home.contains("data-search=\"/kb/search/manifest.json\""),
        "{home}"
    );
    assert!(
        home.contains("/kb/assets/search."),
        "the page loads search.js"
    );
    // Without JavaScript the search page still lists everything, trees included.
    let search = fs::read_to_string(site.join("search/index.html")).unwrap();
    assert!(
        search.contains("/kb/faq/#how-long-to-wait")
            && search.contains("/kb/decide/should-i-message/")
    );
}

#[test]
fn two_builds_write_the_same_index() {
    let (_a, one) = build_flagship("https://example.org/");
    let (_b, two) = build_flagship("https://example.org/");
    let list = |d: &Path| {
        let mut v: Vec<(String, Vec<u8>)> = fs::read_dir(d.join("search"))
            .unwrap()
            .flatten()
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(list(&one), list(&two));
}

/// Reader questions and the records that answer them (any one of the URLs
/// counts). Some are misspelt, some use other words than the page does.
const QUESTIONS: &[(&str, &[&str])] = &[
    (
        "how long should I wait before following up",
        &["/faq/#how-long-to-wait"],
    ),
    (
        "character limit for a connection note",
        &["/faq/#character-limit", "/guides/connection-request/#limit"],
    ),
    (
        "recruter",
        &[
            "/faq/#message-recruiter",
            "/guides/alternatives/#recruiter",
            "/guides/channels/#recruiter",
            "/templates/#recruiter",
        ],
    ),
    (
        "messaging a recruter instead",
        &[
            "/faq/#message-recruiter",
            "/guides/alternatives/#recruiter",
            "/decide/should-i-message/i-want-a-specific/no-or-it-doesnt/yes/a-day-or-more/no-one-i-could/names-a-recruiter/",
        ],
    ),
    (
        "conection request ignored",
        &[
            "/faq/#why-ignored",
            "/guides/connection-request/#why-requests-fail",
        ],
    ),
    (
        "should I message the hiring manager on linkedin",
        &[
            "/faq/#should-i-message",
            "/",
            "/guides/short-answer/#short-answer",
        ],
    ),
    (
        "is it rude to contact the hiring manager directly",
        &["/faq/#is-it-unprofessional"],
    ),
    (
        "job posting says do not contact",
        &[
            "/faq/#posting-says-no-contact",
            "/cases/#ignoring-no-contact",
            "/guides/when-to-reach-out/#asked-not-to",
        ],
    ),
    (
        "connect before or after applying",
        &["/faq/#before-or-after-applying"],
    ),
    (
        "message right after I submit my application",
        &[
            "/faq/#right-after-applying",
            "/cases/#minutes-after-applying",
        ],
    ),
    (
        "is it worth it at a huge company",
        &[
            "/faq/#large-company",
            "/guides/when-to-reach-out/#large-company",
            "/cases/#large-company-manager",
        ],
    ),
    (
        "what do I write in the note",
        &[
            "/faq/#what-to-write",
            "/guides/connection-request/",
            "/guides/connection-request/#specific-curious",
        ],
    ),
    (
        "send request without a note",
        &["/faq/#send-without-note", "/cases/#blank-request"],
    ),
    (
        "mention that I already applied",
        &[
            "/faq/#mention-application",
            "/guides/connection-request/#mention-applied",
            "/cases/#leading-with-i-applied",
        ],
    ),
    (
        "copy paste the same message to many managers",
        &["/faq/#reuse-template"],
    ),
    (
        "how formal should my tone be",
        &["/faq/#how-formal", "/guides/connection-request/#tone"],
    ),
    (
        "an employee refered me",
        &[
            "/faq/#was-referred",
            "/templates/#referred-by-employee",
            "/decide/should-i-message/i-want-a-specific/no-or-it-doesnt/yes/a-day-or-more/a-current-employee-referred/",
        ],
    ),
    (
        "warm intro from a mutual contact",
        &[
            "/faq/#warm-introduction",
            "/guides/alternatives/#warm-introduction",
            "/cases/#mutual-connection",
            "/templates/#mutual-connection",
            "/templates/#referral-request",
        ],
    ),
    (
        "we met at a networking event",
        &[
            "/faq/#met-at-event",
            "/cases/#after-networking-event",
            "/templates/#after-event",
        ],
    ),
    (
        "is premium inmail worth paying for",
        &["/faq/#inmail-or-note", "/cases/#inmail-vs-note"],
    ),
    (
        "should I phone or email them instead",
        &["/faq/#email-or-phone"],
    ),
    (
        "they didnt accept my connection",
        &[
            "/faq/#not-accepted",
            "/guides/connection-request/#not-accepted",
        ],
    ),
    (
        "what to send once they accept",
        &[
            "/faq/#after-they-accept",
            "/guides/after-they-accept/#thank-you",
            "/templates/#thank-you-after-accept",
        ],
    ),
    (
        "attach my résumé to the message",
        &["/faq/#send-resume", "/cases/#unsolicited-resume"],
    ),
    (
        "ask them out for coffee",
        &["/faq/#ask-for-a-call", "/cases/#coffee-too-soon"],
    ),
    (
        "got rejected is it too late",
        &[
            "/faq/#after-rejection",
            "/guides/interviews-and-rejection/#after-rejection",
            "/cases/#after-rejection",
        ],
    ),
    ("pick your brain", &["/cases/#pick-your-brain"]),
    (
        "forgot to fill in the placeholder",
        &["/cases/#unfilled-placeholder"],
    ),
    (
        "thank you note after the interview",
        &[
            "/templates/#after-interview",
            "/decide/should-i-message/weve-met-or-im/im-interviewing-with-them/ive-just-interviewed-and/",
        ],
    ),
    (
        "asking for feedback after being turned down",
        &[
            "/templates/#feedback-after-rejection",
            "/decide/should-i-message/weve-met-or-im/im-interviewing-with-them/i-was-turned-down/",
        ],
    ),
    (
        "cold message to a complete stranger",
        &["/faq/#cold-message-stranger", "/templates/#cold-outreach"],
    ),
    (
        "fellow alumni",
        &["/templates/#fellow-alumni", "/cases/#fellow-alumnus"],
    ),
    (
        "following up again and again",
        &["/cases/#repeated-follow-ups"],
    ),
    (
        "inmial or connection note",
        &[
            "/faq/#inmail-or-note",
            "/cases/#inmail-vs-note",
            "/guides/channels/#inmail",
        ],
    ),
    (
        "connect before my interveiw",
        &[
            "/faq/#connect-around-interview",
            "/cases/#around-interview",
            "/guides/interviews-and-rejection/#before-interview",
        ],
    ),
    (
        "can it hurt my chances",
        &["/faq/#can-it-backfire", "/guides/short-answer/#risks"],
    ),
    (
        "will connecting guarantee me the job",
        &["/faq/#guarantee-job"],
    ),
    (
        "how often should I comment on their posts",
        &[
            "/faq/#how-often-engage",
            "/guides/after-they-accept/#how-often",
        ],
    ),
    (
        "announcing I am open to opportunites",
        &["/cases/#open-to-opportunities"],
    ),
    ("does viewing their profile help", &["/faq/#view-profile"]),
    (
        "they offered me the job",
        &["/decide/should-i-message/weve-met-or-im/im-interviewing-with-them/they-offered-me-the/"],
    ),
    (
        "hiring manager is too busy",
        &["/guides/when-to-reach-out/#swamped"],
    ),
    (
        "professional headshot for my profile",
        &["/guides/profile-first/#a-professional-photo"],
    ),
    (
        "annoyed nobody answered my application",
        &[
            "/cases/#frustrated-follow-up",
            "/guides/when-to-reach-out/#frustration",
            "/decide/should-i-message/i-applied-a-while/",
            "/faq/#no-reply",
        ],
    ),
];

/// Strings whose words the client must split exactly like the index does.
const WORDS: &[&str] = &[
    "Don't message the manager's inbox!",
    "A 300-character note, v3.5 e.g. snake_case",
    "It’s the recruiters’ call",
    "Résumé, NAÏVE café, ﬁle, Ångström, ΟΔΟΣ",
    "LinkedIn® InMail: 2,000 chars",
    "x™y ab·cd a:b l'été",
    "日本語のテキストです ภาษาไทย 한국어 Привет مرحبا",
    "新幹線 手段简单。联系，招聘 经理LinkedIn上3天 字",
    "東京へ行く ｶﾞｲﾄﾞ ガイド か\u{3099} \u{1112}\u{1161}\u{11AB} linkedin에서 연락",
    "Ｌｉｎｋｅｄ　Ｉｎ 𠀀𠀁 々〆 ㄅㄆ",
];

const HARNESS: &str = r#"
const fs = require("fs"), path = require("path"), zlib = require("zlib");
const [site, script] = process.argv.slice(2);
const { Engine, words } = require(script);
const input = JSON.parse(fs.readFileSync(0, "utf8"));
let fetched = [];
const load = (u) => {
  const p = decodeURIComponent(new URL(u).pathname);
  fetched.push(p);
  return Promise.resolve(JSON.parse(fs.readFileSync(path.join(site, p), "utf8")));
};
const gz = (p) => zlib.gzipSync(fs.readFileSync(p), { level: 9 }).length;
(async () => {
  const out = { results: [], words: input.words.map(words), first: {} };
  for (const q of input.queries) {
    const row = { q };
    for (const typing of [true, false]) {
      const e = new Engine("http://site.test/search/manifest.json", load);
      const r = await e.search(q, typing);
      const recs = await e.records(r.hits.slice(0, 10).map((h) => h[0]));
      row[typing ? "typing" : "page"] = recs.map((x) => x.url);
    }
    out.results.push(row);
  }
  // Bytes a reader fetches for a first query in the dropdown: the script,
  // the manifest, the term shards and the chunks of the six results shown.
  for (const q of input.first) {
    fetched = [];
    const e = new Engine("http://site.test/search/manifest.json", load);
    const t0 = process.hrtime.bigint();
    const r = await e.search(q, true);
    await e.records(r.hits.slice(0, 6).map((h) => h[0]));
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const files = [...new Set(fetched)];
    out.first[q] = { files: files.length, gz: gz(script) + files.reduce((n, f) => n + gz(path.join(site, f)), 0), script_gz: gz(script), ms };
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
"#;

pub(crate) fn node_available() -> bool {
    Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs the shipped search.js in Node over the built site.
fn run_harness(site: &Path, input: &Value) -> Value {
    run_harness_on(site, site, input)
}

/// Runs the shipped search.js of the site built in `site` in Node, with
/// `/search/…` served from `edition` (a language's folder of the site).
pub(crate) fn run_harness_on(site: &Path, edition: &Path, input: &Value) -> Value {
    let assets = site.join("assets");
    let script = fs::read_dir(&assets)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("search.")
        })
        .expect("the build ships assets/search.<hash>.js");
    let harness = site.parent().unwrap().join("harness.cjs");
    fs::write(&harness, HARNESS).unwrap();
    let mut child = Command::new("node")
        .arg(&harness)
        .arg(edition)
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn node");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "the Node harness failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("harness output is JSON")
}

fn rank(urls: &Value, expected: &[&str]) -> Option<usize> {
    urls.as_array()
        .unwrap()
        .iter()
        .position(|u| expected.contains(&u.as_str().unwrap()))
        .map(|i| i + 1)
}

#[test]
fn reader_questions_find_their_answer_in_the_top_three() {
    if !node_available()
        && crate::common::skip_without(
            "the search relevance test (it runs search.js in Node)",
            "`node` is not on PATH",
            None,
            Some("CASEBOOK_SKIP_NODE"),
        )
    {
        return;
    }
    assert!(QUESTIONS.len() >= 30);
    let (_tmp, site) = build_flagship("http://site.test/");
    let queries: Vec<&str> = QUESTIONS.iter().map(|q| q.0).collect();
    let first = [
        "recruter",
        "how long should I wait before following up",
        "character limit for a connection note",
    ];
    let out = run_harness(
        &site,
        &json!({"queries": queries, "words": WORDS, "first": first}),
    );

    // The client splits a query exactly as the index's analyser does.
    for (text, got) in WORDS.iter().zip(out["words"].as_array().unwrap()) {
        let want = casebook::search::text::query_words(text);
        let got: Vec<String> = got
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap().to_owned())
            .collect();
        assert_eq!(got, want, "words of {text:?}");
    }

    let mut failures = Vec::new();
    let mut rr = [0.0f64; 2];
    println!("\n{:<55} {:>7} {:>5}", "question", "typing", "page");
    for ((q, expected), row) in QUESTIONS.iter().zip(out["results"].as_array().unwrap()) {
        let ranks = [rank(&row["typing"], expected), rank(&row["page"], expected)];
        for (k, r) in ranks.iter().enumerate() {
            rr[k] += r.map_or(0.0, |r| 1.0 / r as f64);
            if r.is_none_or(|r| r > 3) {
                let mode = if k == 0 {
                    "as you type"
                } else {
                    "on the results page"
                };
                failures.push(format!(
                    "{q:?} {mode}: rank {r:?}, top: {}",
                    row[if k == 0 { "typing" } else { "page" }]
                ));
            }
        }
        let show = |r: Option<usize>| r.map_or("-".to_owned(), |r| r.to_string());
        println!("{q:<55} {:>7} {:>5}", show(ranks[0]), show(ranks[1]));
    }
    let n = QUESTIONS.len() as f64;
    println!(
        "mean reciprocal rank over {} questions: {:.3} as you type, {:.3} on the results page",
        QUESTIONS.len(),
        rr[0] / n,
        rr[1] / n
    );
    for (q, f) in out["first"].as_object().unwrap() {
        println!(
            "first query {q:?}: {} files, {:.1} KB gzipped with the script ({:.1} KB of it), {:.1} ms in Node",
            f["files"],
            f["gz"].as_f64().unwrap() / 1024.0,
            f["script_gz"].as_f64().unwrap() / 1024.0,
            f["ms"].as_f64().unwrap()
        );
        assert!(
            f["gz"].as_u64().unwrap() < 30 * 1024,
            "first query {q:?} fetches {} bytes, over 30 KB",
            f["gz"]
        );
    }
    assert!(
        failures.is_empty(),
        "answers not in the top 3:\n{}",
        failures.join("\n")
    );
}
