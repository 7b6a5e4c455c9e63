//! The message checker (issue #7), tested with what the site ships: the
//! flagship is built, and its own `assets/checker.*.js` and
//! `check/rules.json` run in Node against the flagship's data. Every case's
//! "don't" example must raise at least one flag; every "do" example, and
//! every template with its placeholders filled in, must raise none.
//!
//! Node is required: without it these tests fail, unless outside CI
//! CASEBOOK_SKIP_NODE=1 says to skip them (they then pass with a loud note).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::common::{Output, TestSite, main_of, run, tags};
use casebook::data::{self, Channel, Data, DataFile};
use serde_json::{Value, json};

/// The flagship, built once for this test binary.
pub(super) fn flagship() -> &'static Output {
    static OUT: OnceLock<(tempfile::TempDir, Output)> = OnceLock::new();
    &OUT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("site");
        let root = env!("CARGO_MANIFEST_DIR");
        let mut args = vec!["build", "--quiet", "--root", root, "--output-dir"];
        args.push(out.to_str().expect("utf-8 temp path"));
        run(&args).success();
        (dir, Output::new(out))
    })
    .1
}

/// The YAML files of a data folder of the flagship (`content/data`,
/// `content/es/data`): (path, name, text).
pub(super) fn data_texts(folder: &str) -> Vec<(PathBuf, PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut texts = Vec::new();
    for e in std::fs::read_dir(&dir).expect("the data folder") {
        let path = e.expect("entry").path();
        if path.extension().is_some_and(|x| x == "yaml") {
            let rel = PathBuf::from(path.file_name().expect("name"));
            texts.push((
                path.clone(),
                rel,
                std::fs::read_to_string(&path).expect("read"),
            ));
        }
    }
    texts
}

/// The flagship's data records, parsed by the library as the build does.
pub(super) fn flagship_data() -> Data {
    let texts = data_texts("content/data");
    let files: Vec<DataFile> = texts
        .iter()
        .map(|(path, rel, text)| DataFile { path, rel, text })
        .collect();
    let (data, problems) = data::parse_all(&files);
    assert!(
        problems.is_empty(),
        "the flagship data has problems: {problems:#?}"
    );
    data
}

/// The shipped script: `assets/checker.<hash>.js`.
pub(super) fn shipped_script(out: &Output) -> PathBuf {
    let script = out
        .files()
        .into_iter()
        .find(|f| f.starts_with("assets/checker.") && f.ends_with(".js"))
        .expect("the build ships assets/checker.*.js");
    out.dir.join(script)
}

/// Is Node there? Panics when it is missing, unless CASEBOOK_SKIP_NODE=1.
pub(super) fn node_or_skip() -> bool {
    Command::new("node").arg("--version").output().is_ok()
        || !crate::common::skip_without(
            "the checker tests (they run the shipped checker.js in Node)",
            "there is no `node` on PATH (apt-get install nodejs)",
            None,
            Some("CASEBOOK_SKIP_NODE"),
        )
}

/// Loads `script` without a DOM (as Node's `vm` does, with only `module`
/// defined) and runs `check(text, rules)` on every text; also compiles
/// every pattern the way the browser does. Returns (pattern errors, flags
/// per text as [rule id, rule kind, match]).
pub(super) fn run_checker(
    script: &Path,
    rules: &Value,
    texts: &[String],
) -> (Vec<String>, Vec<Vec<Value>>) {
    const HARNESS: &str = r#"
const fs = require("fs"), vm = require("vm");
const [script, input] = process.argv.slice(2);
const sandbox = { module: { exports: {} } };
vm.runInNewContext(fs.readFileSync(script, "utf8"), sandbox, { filename: script });
const { check, count } = sandbox.module.exports;
const { rules, texts } = JSON.parse(fs.readFileSync(input, "utf8"));
const errors = [];
for (const r of rules.rules) {
  if (r.pattern === undefined) continue;
  try { new RegExp(r.pattern, "iu"); } catch (e) { errors.push(`${r.id}: ${e.message}`); }
}
if (typeof count !== "function") errors.push("checker.js exports no count()");
const flags = texts.map((t) => check(t, rules.rules).map((f) => [f.rule.id, f.rule.kind, f.match]));
process.stdout.write(JSON.stringify({ errors, flags, counts: texts.map(count) }));
"#;
    let dir = tempfile::tempdir().expect("temp dir");
    let harness = dir.path().join("harness.cjs");
    let input = dir.path().join("input.json");
    std::fs::write(&harness, HARNESS).expect("write harness");
    std::fs::write(&input, json!({"rules": rules, "texts": texts}).to_string())
        .expect("write input");
    let out = Command::new("node")
        .arg(&harness)
        .arg(script)
        .arg(&input)
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "node failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("harness output is JSON");
    let errors = v["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e.as_str().unwrap_or_default().to_owned())
        .collect();
    let flags = v["flags"]
        .as_array()
        .expect("flags")
        .iter()
        .map(|f| f.as_array().cloned().unwrap_or_default())
        .collect();
    (errors, flags)
}

/// A plausible value for each placeholder of the flagship's templates.
/// Each placeholder reads as the words that replace it, so a filled-in
/// template is a sentence a reader would send.
const FILL: &[(&str, &str)] = &[
    ("Name", "Dana"),
    ("Your Name", "Alex Kim"),
    ("topic", "async code reviews"),
    (
        "one point they made",
        "the rule that every review gets a reply within a day",
    ),
    ("something you do at work", "run reviews for my QA team"),
    ("Role", "Senior QA Engineer role"),
    (
        "how your team does X",
        "how your team decides which tests to automate first",
    ),
    ("how you did X", "how you got the whole team to stick to it"),
    ("Referrer", "Sam Patel"),
    ("Mutual Contact", "Sam Patel"),
    ("project", "the checkout redesign"),
    ("Current Company", "Tallis"),
    ("Former Company", "Tallis"),
    ("Company", "Lumen"),
    (
        "one result you're proud of",
        "cut release testing from three days to one",
    ),
    ("day", "Tuesday"),
    ("post or talk", "talk"),
    ("your question", "how much of the role is hands-on testing"),
    ("Phone", "555 0100"),
    ("LinkedIn URL", "linkedin.com/in/alexkim"),
    ("part of your work", "our own review process"),
    ("your field", "QA engineering"),
    ("School", "Ohio State"),
    ("earlier role", "support engineer"),
    ("current role", "engineering manager"),
    ("something personal", "the move to Leeds"),
    ("Hiring Manager", "Dana Reyes"),
    (
        "your reason",
        "I've led test automation at Tallis for years",
    ),
    ("Event", "TestBash"),
    (
        "One detail about it",
        "The rule that every review gets a reply within a day",
    ),
    ("number", "six"),
    (
        "your latest relevant work",
        "leading test automation at Tallis",
    ),
    ("something you can offer", "triaging flaky tests"),
    ("related subject", "flaky tests"),
    ("link", "https://example.org/flaky-tests"),
    (
        "one point in the piece",
        "quarantining a flaky test within a day",
    ),
    ("type of role", "QA lead"),
    ("part of the job", "building the test platform"),
    (
        "One thing you didn't get to say.",
        "I also ran our accessibility testing, which I didn't get to mention.",
    ),
];

/// `text` with every `[Placeholder]` replaced from FILL; unknown ones are
/// returned so the test can name them.
fn fill(text: &str) -> Result<String, Vec<String>> {
    let values: HashMap<&str, &str> = FILL.iter().copied().collect();
    let mut out = String::new();
    let mut missing = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        out.push_str(&rest[..open]);
        let name = &rest[open + 1..open + close];
        match values.get(name) {
            Some(v) => out.push_str(v),
            None => missing.push(name.to_owned()),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    if missing.is_empty() {
        Ok(out)
    } else {
        Err(missing)
    }
}

fn rules(out: &Output) -> Value {
    serde_json::from_str(&out.read("check/rules.json")).expect("check/rules.json is JSON")
}

#[test]
fn every_dont_example_is_flagged_and_every_do_example_and_filled_template_is_not() {
    if !node_or_skip() {
        return;
    }
    let out = flagship();
    let data = flagship_data();
    let rules = rules(out);
    // (label, text, should it be flagged, flags of these kinds don't count)
    let mut notes: Vec<(String, String, bool, &[&str])> = Vec::new();
    for c in &data.cases {
        let c = &c.rec;
        if let Some(t) = c.dont.example.as_ref().filter(|t| !t.trim().is_empty()) {
            notes.push((
                format!("case `{}` dont.example", c.id),
                t.clone(),
                true,
                &[],
            ));
        }
        if let Some(t) = c.do_.example.as_ref().filter(|t| !t.trim().is_empty()) {
            notes.push((format!("case `{}` do.example", c.id), t.clone(), false, &[]));
        }
    }
    let mut unfilled = BTreeMap::new();
    for t in &data.templates {
        let t = &t.rec;
        match fill(&t.text) {
            // The checker's 300 characters hold for what a reader pastes
            // into it (notes and messages); an InMail or an email has its
            // own limit, which the build checks.
            Ok(text) => {
                let skip: &[&str] = if pasted_into_checker(t.channel) {
                    &[]
                } else {
                    &["length"]
                };
                notes.push((
                    format!("template `{}` (filled in)", t.id),
                    text,
                    false,
                    skip,
                ));
            }
            Err(names) => {
                unfilled.insert(t.id.clone(), names);
            }
        }
    }
    assert!(
        unfilled.is_empty(),
        "add a value to FILL for these placeholders: {unfilled:?}"
    );
    assert!(
        notes.iter().filter(|n| n.2).count() >= 20 && notes.iter().filter(|n| !n.2).count() >= 40,
        "the flagship should have many examples and templates to test against"
    );
    let texts: Vec<String> = notes.iter().map(|n| n.1.clone()).collect();
    let (errors, flags) = run_checker(&shipped_script(out), &rules, &texts);
    assert!(
        errors.is_empty(),
        "patterns a browser cannot compile: {errors:#?}"
    );
    let mut wrong = Vec::new();
    for ((label, text, should_flag, skip), got) in notes.iter().zip(&flags) {
        let got: Vec<&Value> = got
            .iter()
            .filter(|f| !skip.contains(&f[1].as_str().unwrap_or_default()))
            .collect();
        match (should_flag, got.is_empty()) {
            (true, true) => wrong.push(format!("{label} raises no flag:\n    {text}")),
            (false, false) => wrong.push(format!(
                "{label} is flagged by {}:\n    {text}",
                got.iter()
                    .map(|f| format!("`{}` ({:?})", f[0].as_str().unwrap_or_default(), f[2]))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            _ => {}
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Lines the five articles give as models, placeholders filled in (and
/// the longer ones paraphrased), each with the seed line it rests on, and
/// lines the site's own guides and tree recommend on the strength of those
/// articles, each with the guide section and seed line. The checker must
/// raise no flag on any of them: a rule that did would tell the reader the
/// opposite of a source, or of the guide that sent them to the checker.
///
/// Left out on purpose, because the sources contradict each other here and
/// the site sides with Careery's stated advice (the cases and
/// connection-request guide say so): the sample note of the untitled
/// connection article (001:39-42), built on lines Careery lists as ignored;
/// and both of Careery's own after-applying templates (002:57-58), which
/// open with the bare "I (just) applied" its best-practice list (002:110)
/// and FAQ (002:11) advise against.
const RECOMMENDED: &[(&str, &str)] = &[
    (
        "Careery, an accepted request (002:37)",
        "Your thread on product prioritization changed how I run my backlog. Would love to follow your thinking.",
    ),
    (
        "Careery, an accepted request that mentions applying (002:38)",
        "I applied for the PM role—your point about 'outcome over output' in the JD is exactly my philosophy. Curious how that shows up day-to-day.",
    ),
    // Issue #20, fifth read (C1): the same accepted line typed with the
    // punctuation people use on a keyboard in place of the dash.
    (
        "Careery, the accepted 002:38 line with a comma in place of the dash",
        "Hi Dana, I applied for the PM role, and your point about 'outcome over output' in the JD is exactly my philosophy. Curious how that shows up day-to-day.",
    ),
    (
        "Careery, the accepted 002:38 line with a colon in place of the dash",
        "Hi Dana, I applied for the PM role: your point about 'outcome over output' in the JD is exactly my philosophy. Curious how that shows up day-to-day.",
    ),
    (
        "Careery, the accepted 002:38 line with a semicolon in place of the dash",
        "Hi Dana, I applied for the PM role; your point about 'outcome over output' in the JD is exactly my philosophy. Curious how that shows up day-to-day.",
    ),
    (
        "Careery, the accepted 002:38 line with a spaced hyphen in place of the dash",
        "Hi Dana, I applied for the PM role - your point about 'outcome over output' in the JD is exactly my philosophy. Curious how that shows up day-to-day.",
    ),
    (
        "Careery, the accepted 002:38 line with a hyphen typed for the dash",
        "I applied for the PM role-your point about 'outcome over output' in the JD is exactly my philosophy. Curious how that shows up day-to-day.",
    ),
    // Issue #20, fifth read (C2): recruiter notes written as
    // alternatives.md#recruiter and Careery's recipe (002:118) say, naming
    // the role by its title or as the recruiter's own posting.
    (
        "Careery's recruiter recipe (002:118): the role by its title",
        "Hi Jordan, I'm interested in the Senior QA Engineer role at Lumen. I have six years in QA automation, most recently leading test automation at Tallis. Would you be open to connecting?",
    ),
    (
        "Careery's recruiter recipe (002:118): their posting",
        "Hi Jordan, I saw your posting for the Senior QA Engineer role at Lumen. I have six years in QA automation, most recently at Tallis. Would you be open to connecting?",
    ),
    (
        "Careery's recruiter recipe (002:118): their listing",
        "Hi Jordan, I noticed your listing for a Senior QA Engineer at Lumen. I have six years in QA automation, most recently leading test automation at Tallis. Would you be open to connecting?",
    ),
    (
        "Tree pause-frustration, the short question to a named recruiter (000:37)",
        "Hi Jordan, I saw your posting for the Senior QA Engineer role at Lumen and applied on May 2. Is there a rough timeline for first interviews?",
    ),
    // Issue #20, fifth read (C4): a referral already given, mentioned as
    // the guides and 001:28 say.
    (
        "Untitled article, mention the referral (001:28): agreed to refer",
        "Hi Dana, Sam Patel at Lumen kindly agreed to refer me for the Senior QA Engineer role on your team. I've applied and I'm curious how you chose which tests to automate.",
    ),
    (
        "Untitled article, mention the referral (001:28): kind enough to recommend",
        "Hi Dana, Sam Patel was kind enough to recommend me for the Senior QA Engineer role on your team. I'm curious how your team chose which checkout tests to automate.",
    ),
    (
        "Untitled article, mention the referral (001:28): a good word",
        "Hi Dana, Sam Patel put in a good word for me for the Senior QA Engineer role on your team. I'm curious how your team chose which checkout tests to automate.",
    ),
    // Issue #20, fifth read (L8): edges a reader hits.
    (
        "Guide after-they-accept#coffee, one call ask without a date (003:5)",
        "Thanks again for our exchange on night-shift staffing, Omar. Would you have 15 minutes for a call sometime this month? No worries if it's busy.",
    ),
    (
        "Guide alternatives#recruiter, asking for the right contact",
        "Hi Dana, your post on async reviews was great. Could you point me to the right person for questions about the QA role?",
    ),
    (
        "Terkel, Michael Staton: a gracious note after a no (003:17)",
        "Hi Elena, I was disappointed not to get the analytics role, but I enjoyed our conversation about churn modeling. If you have a minute, what would have made my application stronger?",
    ),
    (
        "Tree hired-connect, a note once hired (003:17)",
        "Hi Dana, I'm thrilled to be joining the QA team next month and looking forward to working together. See you on the first day!",
    ),
    (
        "Careery, a specific opening then a plain wish to connect (002:63)",
        "Hi Dana, your post on async code reviews changed how I run ours. I'd like to connect and follow what your team shares. How did you get everyone to stick to the one-day rule?",
    ),
    (
        "Careery, an accepted alumni request (002:39)",
        "Fellow Ohio State alum here—your transition from engineering to product leadership is something I'm navigating now.",
    ),
    (
        "Careery, a specific opener (002:44)",
        "Your post on hiring for potential over credentials really resonated.",
    ),
    (
        "Careery, a specific opener (002:45)",
        "I saw your team just shipped the new checkout—congrats.",
    ),
    (
        "Careery, a specific opener that counts mutual connections (002:46)",
        "We have 4 mutual connections at Lumen—thought we might have overlapping circles.",
    ),
    (
        "Careery, the same opener in a full Specific + Curious note (002:46, 49, 54)",
        "Hi Dana, we have 4 mutual connections at Lumen, so I thought our circles might overlap. I'm curious how you approach flaky tests. I just applied for the QA role on your team and I'm excited about the mission.",
    ),
    (
        "Careery, a reason that isn't a job ask (002:32)",
        "I'm exploring test automation and would love to follow your perspective.",
    ),
    (
        "Careery, a shared connection (002:33)",
        "We share a connection with Sam Patel, so I thought we might find common ground.",
    ),
    (
        "Careery, curiosity about the team (002:34)",
        "Your team's work on the checkout redesign is fascinating, and I'm curious to learn more about the approach.",
    ),
    (
        "Careery, the long game (002:61, paraphrased)",
        "Hi Dana, your post on async code reviews hit home. I've been wrestling with review backlogs and your view changed mine. Would love to follow along. Alex",
    ),
    (
        "Careery, a career path (002:63, paraphrased)",
        "Hi Dana, I noticed you moved from support into engineering management, a path I'm exploring too. Would be great to connect. Alex",
    ),
    (
        "Careery, through a mutual connection (002:65, paraphrased)",
        "Hi Dana, we're both connected with Sam Patel. I've been following your work on async reviews, especially the one-day reply rule. Our interests seem to overlap. Alex",
    ),
    (
        "Careery, a former employer in common (002:69, paraphrased)",
        "Hi Dana, I see you spent time at Tallis; I was there too, on the payments team in 2019. Always good to meet a former colleague. Alex",
    ),
    (
        "Careery, cold outreach after a talk (002:73, paraphrased)",
        "Hi Dana, I caught your talk at TestBash on flaky tests. The idea of quarantining a failing test within a day stuck with me. Would be great to connect. Alex",
    ),
    (
        "Careery, the week-two share (002:89)",
        "Saw this and thought of your point about async reviews.",
    ),
    (
        "Careery, the week-three question (002:91)",
        "I'm curious how your team approaches flaky tests.",
    ),
    (
        "Careery, mentioning interest after real rapport (002:93, paraphrased)",
        "I've really enjoyed these exchanges. If a role on your team ever fits my background, I'd be glad to be considered. Either way, thanks for the connection.",
    ),
    (
        "Careery, the one polite bump (002:122)",
        "Just wanted to make sure this didn't get buried, no worries if you're busy!",
    ),
    // Issue #20, fourth read (C2): the bump as a reader sends it, with a
    // greeting, and as the guide's #no-reply section describes it. Both run
    // past the 80 characters at which `nothing-specific` starts to look.
    (
        "Careery, the one polite bump with a greeting, as a reader sends it (002:122)",
        "Hi Dana, just wanted to make sure this didn't get buried—no worries if you're busy!",
    ),
    (
        "Guide after-they-accept#no-reply, the nudge it describes (002:122, paraphrased)",
        "Hi Dana, I just want to make sure my message didn't get buried. No worries at all if you're swamped!",
    ),
    (
        "Careery, a note to a recruiter (002:118, paraphrased)",
        "Hi Jordan, I saw you posted the Senior QA Engineer role at Lumen. I've spent six years in test automation, most recently at Tallis. Would you be open to connecting?",
    ),
    (
        "Decision guide, a parallel with the team's launch (000:10, paraphrased)",
        "Hi Dana, I built the returns flow at Tallis, which looks a lot like the checkout your team just launched. I'd enjoy comparing notes on how you tested it.",
    ),
    (
        "Networking Etiquette, a casual approach that builds your network (004:11, paraphrased)",
        "Hi Dana, I'm interested in applying to Lumen in the future and would like to build my network with people on your team. What do you look for in a new tester?",
    ),
    (
        "Networking Etiquette, a brief conversation about the role (004:7, paraphrased)",
        "Would you have time for a brief conversation about the role?",
    ),
    (
        "Terkel, Zack McCarty's small ask (003:5, paraphrased)",
        "Could I buy you a coffee sometime to learn more about Lumen?",
    ),
    (
        "Terkel, Deborah Bubis's 15-minute call (003:23, paraphrased)",
        "Would you have 15 minutes for a call about what you love about working at Lumen, and how I might add value to the QA team?",
    ),
    (
        "Terkel, Michael Staton after a rejection (003:17, paraphrased)",
        "Thanks again for the interview. What could I have done better? Please reach out if another opening comes up in the future.",
    ),
    (
        "Untitled connection article, after an event (001:24, paraphrased)",
        "Hi Dana, great meeting you at TestBash yesterday. Your point about flaky tests stuck with me, and I'd be glad to stay in touch.",
    ),
    (
        "Untitled connection article, after a referral (001:28, paraphrased)",
        "Hi Dana, Sam Patel referred me for the QA role on your team, and I wanted to say hello and thank you for considering me.",
    ),
    // After an event, a note recalls the meeting; it may name the day or the
    // week without asking for a meeting (001:24, paraphrased). The site's
    // after-event template and case do the same.
    (
        "Untitled connection article, an after-event opener without \"your\" (001:24, paraphrased)",
        "Hi Dana, it was great to meet you at TestBash on Tuesday. The idea of quarantining a flaky test within a day stuck with me, and my team is trying it now.",
    ),
    (
        "Untitled connection article, talking after a panel (001:24, paraphrased)",
        "Hi Dana, I enjoyed talking with you after the panel at TestBash. The idea of quarantining a flaky test within a day stuck with me, and we are trying it.",
    ),
    (
        "Untitled connection article, a chat earlier the same day (001:24, paraphrased)",
        "Hi Dana, I loved today's chat after your panel at TestBash. Your point on quarantining flaky tests stuck with me, and we're trying it next week.",
    ),
    (
        "Untitled connection article, meeting this week (001:24, paraphrased)",
        "Hi Dana, good to meet this week at TestBash. Your idea of a quiet week after each on-call rotation stuck with me.",
    ),
    (
        "Untitled connection article, a panel on on-call work (001:24, paraphrased; \"on-call\" is not a call)",
        "Hi Carla, your DevOpsDays panel on on-call burnout this week stuck with me. How did you pitch quiet weeks to leadership?",
    ),
    (
        "Decision guide, a parallel with a launch, named in the third person (000:10, paraphrased)",
        "Hi Dana, at Tallis I built a returns flow much like the one Lumen just launched, and I'd enjoy comparing notes on how it was tested before release.",
    ),
    (
        "Decision guide, a listing that names a direct contact (000:9, paraphrased)",
        "Hi Dana, the listing asks candidates to contact you directly, so here is my question: how does your team split testing between manual and automated?",
    ),
    // Issue #20, third read: a question before applying, notes to a
    // recruiter and a thank-you once hired are what the guides recommend.
    (
        "Guide when-to-reach-out#before-applying, a question the posting doesn't answer (004:7, 004:14)",
        "Before I apply, could you tell me whether the role is open to remote candidates?",
    ),
    (
        "Guide when-to-reach-out#before-applying, the same question after reading the posting (004:14); not going around the process",
        "Hi Dana, I see the posting for the QA role doesn't mention location, but before I apply, could you tell me whether the role is open to remote candidates?",
    ),
    (
        "Guide alternatives#recruiter, direct with a recruiter: the role they posted first (002:118)",
        "Hi Jordan, I applied for the Senior QA Engineer role you posted. I have six years in test automation, most recently at Tallis. Would you be open to connecting?",
    ),
    (
        "Guide alternatives#recruiter, a recruiter the posting names as the contact (000:37, 002:118)",
        "Hi Jordan, the posting names you as the contact for the Senior QA Engineer role. I've applied and have six years in test automation. Would you be open to connecting?",
    ),
    (
        "Tree pause-frustration, a short, polite question to the recruiter (000:37)",
        "Hi Jordan, I applied for the Senior QA Engineer role you're recruiting for two weeks ago. Is there a rough timeline for the next step?",
    ),
    (
        "Guide interviews-and-rejection#after-hired and tree hired-connect, a thank-you once hired (003:17)",
        "Hi Dana, thank you for the offer. I'm delighted to accept and looking forward to working with you and the team.",
    ),
    (
        "Guide interviews-and-rejection#after-hired, the same thank-you naming the role (003:17)",
        "Hi Dana, thank you for offering me the Senior QA Engineer role. I'm really looking forward to working with you and the team from March.",
    ),
    // Issue #20, sixth read (C3): a recruiter note that names the role they
    // posted by a one-word title, as the rule's own message allows.
    (
        "Guide alternatives#recruiter, a recruiter note naming the role by a one-word title (002:118)",
        "Hi Jordan, I saw the analyst role at Lumen. I have six years in data analysis, most recently at Tallis. I've applied and would welcome connecting in case questions come up. Are you open to that?",
    ),
    (
        "Guide alternatives#recruiter, the same with a short title and no verb of seeing (002:118)",
        "Hi Jordan, I'm writing about the QA role at Lumen. I have six years in test automation, most recently at Tallis. Would you be open to connecting?",
    ),
    (
        "Guide alternatives#recruiter, the same with an opening in place of a role (002:118)",
        "Hi Jordan, I saw the designer opening at Lumen. I have five years in product design, most recently at Tallis. Would you be open to connecting?",
    ),
    // Issue #20, ninth read: after a rejection, asking to be kept in mind,
    // as the interviews guide and the tree's ask-for-feedback outcome say.
    (
        "Guide interviews-and-rejection and FAQ after-rejection, keep me in mind (003:17)",
        "Hi Dana, thank you for letting me know about the Senior QA Engineer role. I enjoyed our discussion of flaky tests, and I'd appreciate it if you kept me in mind in case anything comes up in the future.",
    ),
    (
        "The same, with the time left out (003:17)",
        "Hi Dana, thanks for telling me about the Senior QA Engineer role, and for your time. Please keep me in mind in case something opens up.",
    ),
    // Issue #20, sixth read (C4): the later message that mentions your
    // interest once there is rapport, worded the ways readers word it.
    (
        "Guide after-they-accept#mention-interest and template mention-interest, in other words (002:92-93)",
        "Hi Dana, I've really enjoyed our exchanges about async code reviews. I'm now looking for a new role, and I'd be glad to be considered in case something opens up on your team. Either way, thanks for the conversations.",
    ),
    (
        "Guide after-they-accept#mention-interest, the same naming the role you want (002:92-93)",
        "Hi Dana, I've really valued our talks about test automation. I'm actively looking for my next QA lead role, and your team's checkout work is the kind I'd like to do. If something fits, I'd be glad to be considered.",
    ), // Issue #20, seventh read (contradiction 2): a note to a recruiter that
    // names the role by its title, with no company after it or after "I
    // applied to", as the message-recruiter FAQ says to write it.
    (
        "FAQ message-recruiter, the role named by its title and nothing after it (002:118)",
        "Hi Jordan, I'm interested in the senior QA role. I have six years of test automation experience at Tallis. Would you be open to connecting?",
    ),
    (
        "FAQ message-recruiter, the role named after \"I applied to\" (002:118)",
        "Hi Jordan, I have six years of test automation experience at Tallis, and last week I applied to the senior QA role at Lumen. Would you be open to connecting?",
    ),
    // Issue #20, tenth read: the tree's outcomes, written as readers word
    // them. After the offer, a thank-you that looks forward to working
    // together (hired-connect); a note about a call already arranged that
    // asks something else (the interviews guide's "keep the note about the
    // conversation ahead"); a status question to the recruiter, question
    // first, as the pause-frustration outcome now words it.
    (
        "Tree outcome hired-connect and guide interviews-and-rejection#after-hired, thanks after the offer (003:17)",
        "Hi Dana, thank you so much for everything during the process. I'm really looking forward to working together!",
    ),
    (
        "Guide interviews-and-rejection#interview-booked, a call already arranged, a dash before the question",
        "Looking forward to our call next Tuesday—should I prepare anything?",
    ),
    (
        "The same with a comma before the question",
        "Hi Dana, looking forward to our chat tomorrow, is there anything I should read first?",
    ),
    (
        "Tree outcome pause-frustration, a status question to the recruiter (000:37)",
        "Hi Jordan, could you tell me where my application for the Senior QA Engineer role stands? I applied three weeks ago.",
    ),
    // Issue #20, eleventh read: notes the tree's later outcomes ask for,
    // worded as readers word them, which `nothing-specific` flagged.
    (
        "Tree outcome ask-for-feedback and guide interviews-and-rejection#after-rejection (003:17)",
        "Hi Dana, thank you for your time and the chance to interview. What could I have done better? Please keep me in mind if a future role fits.",
    ),
    (
        "FAQ after-rejection, asking what would have strengthened the application (003:17)",
        "Hi Dana, thank you for letting me know. Could you share briefly what would have strengthened my application? I'd welcome hearing about future openings.",
    ),
    (
        "Tree outcome after-event and template after-event, where you met and what you talked about (004:7)",
        "Hi Dana, it was great chatting at the Berlin QA meetup last night about flaky tests and quarantine lanes. Good to stay in touch!",
    ),
    (
        "The same, met at a conference (004:7)",
        "Hi Dana, great meeting at TestCon yesterday; your point about quarantine lanes for flaky tests has stuck with me. Good to stay in touch!",
    ),
    (
        "Tree outcome hired-connect, in other words (003:17)",
        "Thanks so much for everything, Dana. I can't wait to start in March and to work with you and the rest of the team.",
    ),
    (
        "Guide interviews-and-rejection, a call already arranged, a typed hyphen before the question",
        "Hi Dana, thanks for reaching out about the QA Lead role. Looking forward to our call tomorrow - anything I should prepare?",
    ),
    (
        "The same with a semicolon",
        "Hi Dana, looking forward to our call tomorrow; anything you'd like me to prepare?",
    ),
    // Issue #20, twelfth read: a shared school or employer named in plain
    // words, and a line from the posting, the details the tree's
    // specific-hook question and engage-first outcome count.
    (
        "Tree question specific-hook, a school you share (alternatives#shared-background)",
        "Hi Dana, I also went to Ohio State, a few years after you. I'm moving into QA leadership and would be glad to connect.",
    ),
    (
        "Tree question specific-hook, a past employer you share (alternatives#shared-background)",
        "Hi Dana, we both worked at Deloitte, though a few years apart. I'm now in QA automation and would be glad to connect.",
    ),
    (
        "The same, as the same company",
        "Hi Dana, it turns out we worked at the same company, Deloitte, a few years apart. I'm in QA automation now and would be glad to connect.",
    ),
    (
        "Tree outcome engage-first, a line in the posting itself",
        "Hi Dana, the line in the Senior QA Engineer posting about owning test strategy end to end caught my eye; it's what I do today.",
    ),
    (
        "The same, worded another way",
        "Hi Dana, one line in the Senior QA Engineer posting stood out: owning test strategy end to end. That is the work I enjoy most.",
    ),
    (
        "A conversation already had, named as the exchange",
        "Hi Dana, thanks again for the exchange on flaky tests last week. I tried the quarantine lane you described and it worked well.",
    ),
    // Issue #20, thirteenth read: natural wordings of notes the tree,
    // templates and guides ask for, which four rules flagged.
    (
        "Tree question specific-hook, their work named without a keyword (thirteenth read)",
        "Hi Dana, the talk you gave at TestBash on flaky tests changed how I triage. I've applied for a role on the team and I'm curious how you decide when to quarantine a test.",
    ),
    (
        "The same, a project they led",
        "Hi Dana, the checkout migration you led last year is the cleanest I've seen. I did a similar one at Tallis and have applied for a role there. How did you handle test data?",
    ),
    (
        "Tree question specific-hook, a shared school in other words",
        "Hi Dana, I went to Ohio State too and I'm moving from support into QA, like you did. I've applied for a QA job there. What helped most when you made the switch?",
    ),
    (
        "Tree question specific-hook, a shared employer in other words",
        "Hi Dana, I worked at Deloitte too (2015-2018). I'm moving into QA leadership now and have applied for a role there. What made the biggest difference for you?",
    ),
    (
        "Careery, connections in common (002:31), counted",
        "Hi Dana, we have four connections in common at Lumen. I'm in QA engineering and I'm curious how the team keeps code reviews that fast across time zones.",
    ),
    (
        "Tree outcome engage-first, a line in the job posting",
        "Hi Dana, the job posting says QA owns the release calendar, which is what I do at Tallis now. I've applied and I'm curious how that works day to day.",
    ),
    (
        "Tree outcome engage-first, something their team launched",
        "Hi Dana, I saw the team shipped the new checkout flow last month. I tested a similar rollout at Tallis, and I've applied. What was hardest to test?",
    ),
    (
        "Tree outcome after-event, where you met in other words (004:7)",
        "Hi Dana, good to chat at TestBash yesterday about flaky tests. I'm trying the quarantine idea on my team now. Would be good to stay in touch.",
    ),
    (
        "Tree outcome connect-while-talking, a conversation already under way",
        "Hi Dana, thanks for reaching out last week about the opening. Looking forward to continuing the conversation, and happy to connect here in the meantime.",
    ),
    (
        "Tree outcome pause-frustration, the status question as readers word it",
        "Hi Jordan, have you had a chance to review my application for the Senior QA Engineer role? I applied three weeks ago.",
    ),
    (
        "Tree outcome warm-introduction and alternatives.md#referral, asking the contact",
        "Hi Sam, hope Leeds is treating you well! Since you know Dana Reyes, would you be willing to introduce us or put in a good word? I'm applying for the Senior QA Engineer role on her team.",
    ),
    (
        "The same, vouching, the word alternatives.md uses",
        "Hi Sam, since you know Dana Reyes, could you vouch for me? I'm applying for the QA role on her team.",
    ),
    (
        "The same, a recommendation to the manager",
        "Hi Sam, could you recommend me to Dana Reyes? I'm applying for the Senior QA Engineer role on her team.",
    ),
    (
        "Template mention-interest and Careery's later message (002:92-93), in other words",
        "Hi Dana, I've really valued our exchanges about code reviews. I'm now looking for new roles, and if something opens up on your team, I'd be glad to be considered.",
    ),
    (
        "The same, open to opportunities on their team",
        "Hi Dana, I've really enjoyed our exchanges about code reviews. I'm open to new opportunities on your team if anything fits my background. Either way, thanks for the conversations.",
    ),
    (
        "The same, a fit as a condition, not a claim",
        "Hi Dana, I've really valued our exchanges about code reviews. If a role on your team ever looks like the right fit for my background, I'd be glad to be considered. Either way, thanks for the conversations.",
    ),
    (
        "Tree outcome ask-for-feedback and Michael Staton (003:17), connecting in case something comes up",
        "Hi Dana, thanks again for the interview. What would have made my application stronger? Happy to connect in case anything comes up in the future.",
    ),
    (
        "The same, in other words (003:17)",
        "Hi Dana, thanks again for the interview for the QA role. If you have a moment, what could I have done better? I'd like to connect in case something opens up later.",
    ),
    // Issue #20, fourteenth read.
    (
        "Tree outcome contact-recruiter, the role named as an opportunity",
        "Hi Jordan, I'm very interested in the Senior QA opportunity at Lumen. I've spent five years automating tests with Cypress and cut release testing from three days to one.",
    ),
    // Issue #20, fifteenth read.
    (
        "alternatives.md#recruiter and Careery (002:118): to a recruiter, the role, your experience, open to connecting",
        "Hi Jordan, I applied for the QA Engineer job at Lumen. Six years in QA automation here. Would you be open to connecting?",
    ),
    (
        "Tree outcome contact-recruiter, the role named after \"open position\"",
        "Hi Jordan, I saw you have an open position for a Senior QA Engineer at Lumen. I have six years in test automation. Would you be open to connecting?",
    ),
    // Issue #20, sixteenth read: natural wordings of the tree's advice.
    // Issue #20, eighteenth read.
    (
        "love-to-connect's own message: say what you would like to learn",
        "Hi Dana, I'd love to connect and learn how it's working for your team.",
    ),
    (
        "Careery's alumni line (002:68) with \"love\"",
        "Hi Dana, fellow Ohio State grad here. Your path into management is the one I'm planning. Would love to connect.",
    ),
    (
        "Tree send-specific-note: a school you share, said plainly",
        "Hi Dana, I went to Ohio State too. I've applied for a role at your company. Looking forward to hearing from you.",
    ),
    (
        "FAQ when-to-mention-job: \"would welcome being considered\"",
        "Hi Dana, I've really valued our talks. I'm looking for new roles and would welcome being considered if something opens up on your team.",
    ),
    (
        "Tree warm-introduction: asking a contact to speak to the hiring manager",
        "Hi Sam, could you put in a good word for me with the hiring manager, Dana Reyes?",
    ),
    (
        "Case after-networking-event do: where you met, then the closing line",
        "Hi Carla, it was great meeting you at DevOpsDays Denver after your panel on on-call burnout! I'd love to connect.",
    ),
    (
        "Tree connect-while-talking: the conversation named, then the closing line",
        "Hi Dana, great talking with you about the QA role on Monday. Looking forward to continuing the conversation. Would love to connect.",
    ),
    (
        "Tree hired-connect: after accepting the offer",
        "Hi Dana, thank you for the offer - I'm delighted to accept! I'd love to connect.",
    ),
    (
        "FAQ send-resume: a resume they asked for",
        "Hi Dana, as you asked, here's my resume. Thanks for the quick chat after your talk on flaky tests.",
    ),
    (
        "FAQ send-resume: a CV they requested",
        "Hi Dana, as requested, I've attached my CV. Thanks again for the conversation at TestBash.",
    ),
    (
        "Tree hired-connect: eager to start the job just offered",
        "Hi Dana, thank you so much for the offer! I'm excited to start as soon as possible.",
    ),
    (
        "alternatives.md#recruiter: \"mind if we connect?\"",
        "Hi Jordan, I applied for the Senior QA Engineer role at Lumen. Six years in QA automation. Mind if we connect?",
    ),
    (
        "Tree send-specific-note, a school you share, the role unnamed",
        "Hi Dana, another Ohio State grad here! I applied for the open role on your team and would love to know what made you move from support into management.",
    ),
    (
        "Tree send-specific-note, a school you share said \"like you\"",
        "Hi Dana, Ohio State grad like you. I've applied for the open role on your team. What made you move from support into management?",
    ),
    (
        "Tree send-specific-note, an employer you share",
        "Hi Dana, we were both at Tallis. I've applied for the open position on your team. What was the biggest change moving to Lumen?",
    ),
    (
        "Tree send-specific-note, an employer you share, overlapping years",
        "Hi Dana, we overlapped at Tallis in 2019. I applied for the new role on your team. What was the biggest change moving to Lumen?",
    ),
    (
        "Tree send-specific-note, their thoughts on a topic",
        "Hi Dana, your thoughts on flaky tests were spot on. I've applied for the open role on your team. How do you decide when to quarantine a test?",
    ),
    (
        "Tree apply-first and when-to-reach-out: before applying, a question the posting does not answer",
        "Hi Dana, I'm considering applying for the new position on your team. One question the posting doesn't answer: is it remote-friendly?",
    ),
    (
        "Tree connect-with-referral, the role unnamed",
        "Hi Dana, thanks to Sam Patel's referral, I've applied for the open position on your team. He said great things about the checkout redesign. How did you test it?",
    ),
    (
        "after-they-accept.md: refer back to your note, keen on the role once more",
        "Thanks for connecting, Dana! Following up on my note: how do you decide when a flaky test gets quarantined? And I'm still excited about the opportunity.",
    ),
    (
        "alternatives.md#recruiter: asking to connect in other words",
        "Hi Jordan, I've applied for the Senior QA Engineer role at Lumen. Six years in test automation, most recently at Tallis. Would you like to connect?",
    ),
    (
        "Tree respect-the-rules: writing to the recruiter the posting names",
        "Hi Jordan, I applied for the Platform Engineer role. The posting names you for questions: is the team hybrid or remote?",
    ),
    (
        "Tree respect-the-rules: the instruction acknowledged, to the contact it names",
        "Hi Jordan, I see the posting asks candidates to send questions to you, but I couldn't find whether the Platform Engineer role is remote. Could you tell me?",
    ),
    (
        "after-they-accept.md: ask once, leave the timing to them",
        "Hi Dana, thanks for the exchange on flaky tests. Would you be open to a 15-minute call about how you set up quarantine? Just let me know what time works for you, if at all.",
    ),
    (
        "Tree ask-for-feedback, thanks for the update and a feedback question",
        "Hi Dana, thanks for the update and for your consideration. Is there anything that would have made my application stronger? I'd like to connect in case anything comes up.",
    ),
    (
        "Tree ask-for-feedback and Staton (003:17), thanks for considering me",
        "Hi Dana, thanks so much for considering me for the QA Lead role. Any feedback would help. Happy to connect in case anything comes up down the line.",
    ),
    (
        "Case vague-interest do: a piece of the company's work, said with a possessive",
        "Hi Dana, I keep coming back to your company's checkout redesign. I test payment flows at Tallis. How did you approach regression testing?",
    ),
    (
        "Case vague-interest do: praise for a piece of their work, not the company",
        "Hi Priya, I love your company's accessibility audit for the Harbor app, especially the screen-reader findings. I test mobile apps for a living. How do you fit audits into release cycles?",
    ),
    (
        "Tree hold-until-decision: the thank-you after an interview",
        "Hi Dana, thanks for taking the time to interview me today. I enjoyed discussing flaky tests. Looking forward to hearing from you.",
    ),
    (
        "Tree hold-until-decision: the thank-you, the template's own close",
        "Hi Dana, thanks again for this afternoon. Talking through the test platform was great, and I'm even more excited about the role. Looking forward to hearing about next steps.",
    ),
    // Issue #20, seventeenth read: a detail the list does not know, next to
    // ordinary words ("a role at your company", "an opportunity", "looking
    // forward to hearing").
    (
        "Tree send-specific-note, a school you share, the application as \"a role at your company\"",
        "Hi Dana, I studied at Ohio State too. I've applied for a role at your company and I'm curious how you made the switch to management.",
    ),
    (
        "Template fellow-alumni, British: the same graduate programme",
        "Hi Dana, we were on the same graduate programme at Tallis. I've applied for a role at your company - how did you find the move?",
    ),
    (
        "Template fellow-alumni, British: read a subject at the same university",
        "Hi Dana, I read Computer Science at Leeds too. I've applied for a position at your organisation and wondered how you found the switch into management.",
    ),
    (
        "Template fellow-alumni, a shared former employer said tersely",
        "Hi Dana, ex-Tallis here too! I've applied for a position at your company and would love to know how the QA culture compares.",
    ),
    (
        "Tree connect-after-event, where you met and a detail, a courteous close",
        "Hi Dana, nice to chat at TestBash yesterday about flaky tests. Looking forward to hearing how the company's quarantine experiment goes.",
    ),
    (
        "when-to-reach-out.md: their team's work, and the same switch on yours",
        "Hi Dana, I noticed your team moved to trunk-based development this year. We're halfway through the same switch. I've applied for a position at your company - how did testers adapt?",
    ),
    (
        "alternatives.md#warm-introduction: one person you both know",
        "Hi Dana, we share a few connections at Lumen, including Sam Patel. I've applied for a role at your company and I'm curious how QA works there.",
    ),
    (
        "when-to-reach-out.md#before-applying: a question the posting doesn't answer",
        "Hi Dana, I'm thinking of applying for a QA position at your company - is the role remote-friendly? The posting doesn't say.",
    ),
    (
        "when-to-reach-out.md#before-applying: a question about the team, before applying",
        "Hi Dana, I'm considering applying to your company and wanted to ask: does the QA team work on mobile as well as web?",
    ),
    (
        "Staton (003:17) and tree ask-for-feedback, nearly in his words",
        "Hi Dana, sorry it didn't work out this time. Could you tell me what I could've done better? And please reach out if there's an opportunity that comes around in the future.",
    ),
    (
        "Tree ask-for-feedback, an opportunity \"in future\"",
        "Hi Dana, disappointed not to get the role, but I'd love to know what I could have done better. Please let me know if there's an opportunity in future.",
    ),
    (
        "Tree connect-with-referral, \"I was referred by\", a courteous close",
        "Hi Dana, I was referred by Sam Patel at Lumen. I'm grateful to him and I've applied through the careers site. Looking forward to hearing more about the team.",
    ),
    (
        "Tree connect-with-referral, \"put me forward\"",
        "Hi Dana, Sam Patel put me forward for a role at your company. I've applied and I'm really grateful for his help. I'm curious how QA is organised there.",
    ),
    (
        "Template mention-interest and Careery (002:93), after \"the back-and-forth\"",
        "Hi Dana, thanks for all the back-and-forth on flaky tests. I'm now looking for my next QA lead role. If an opportunity opens up on your team, I'd be glad to be considered.",
    ),
    // Issue #20, seventeenth read: to a recruiter, the specific role and your
    // experience (tree contact-recruiter), however the note closes.
    (
        "Tree contact-recruiter: the role and your most relevant experience, no ask",
        "Hi Jordan, I've applied for the Senior QA Engineer role at Lumen. I have six years in QA engineering, most recently leading test automation for a payments team at Tallis.",
    ),
    (
        "FAQ message-recruiter, closing with Careery's \"Would be great to connect\" (002:58)",
        "Hi Jordan, I recently applied for the Senior QA Engineer role at Lumen. I've spent six years in QA engineering, most recently at Tallis. Would be great to connect.",
    ),
    (
        "Tree contact-recruiter, offering to answer questions",
        "Hello Jordan, I have just applied for the Data Analyst role at Finch. I have four years in SQL and dashboarding for retail clients. Happy to answer any questions.",
    ),
    (
        "Tree contact-recruiter, introducing yourself",
        "Hi Jordan, I applied for the Senior QA Engineer role and wanted to introduce myself. I have six years in QA engineering. Let me know if you have any questions.",
    ),
    // Issue #20, seventeenth read: "I'd love to connect" and what you want to follow.
    (
        "Tree connect-after-event: where you met, then the conversation to keep going",
        "Hi Dana, great chatting at TestBash about flaky tests. Would love to connect and keep the conversation going.",
    ),
    (
        "Tree connect-while-talking: the note about the conversation ahead",
        "Hi Dana, good to talk earlier about the QA position. I'd love to connect here ahead of our follow-up - I've been reading up on your team's release process.",
    ),
    (
        "Case after-networking-event do, in other words",
        "Hi Carla, great meeting you at DevOpsDays Denver yesterday - I'd love to connect and keep chatting about on-call rotas.",
    ),
    // Issue #20, seventeenth read: asking a contact to vouch for you with the
    // manager (tree warm-introduction).
    (
        "Tree warm-introduction: a good word with the manager, named",
        "Hi Sam, could you put in a good word for me with Dana Reyes? I've applied for the Senior QA Engineer role on her team. Happy to send a blurb.",
    ),
    (
        "Tree warm-introduction: a good word, the manager named first",
        "Hey Sam, would you be willing to put in a good word with Dana for me? I'm applying for the QA lead role on her team. No worries if it's awkward.",
    ),
    // Issue #20, seventeenth read: the channel the posting names and the status
    // question still pass under the narrower excuses.
    (
        "Tree respect-the-rules: asking the recruiting team for the right contact",
        "Hi Jordan, I know the posting says questions go to the recruiting team, but it doesn't list an address - could you point me to the right contact for the QA role?",
    ),
    (
        "Tree pause-frustration: asking the recruiter about the application's status, with a sign-off",
        "Hi Jordan, I applied three weeks ago - could you check my application status? Thank you for your time.",
    ),
    (
        "Tree pause-frustration: a nudge to the recruiter that asks where the application stands",
        "Hi Jordan, just a quick nudge on my application for the analyst role - could you tell me where it stands?",
    ),
    // Issue #20, nineteenth read (A1): "I'd love to connect" closing a note with a real detail about them.
    (
        "connection-request.md#specific-curious: a talk they gave, a question about their team, then the closing line",
        "Hi Dana, your keynote at TestBash on flaky tests was brilliant. How does your team decide when to quarantine a test? I'd love to connect.",
    ),
    (
        "connection-request.md#specific-curious: a project their team shipped, congratulations and a question",
        "Hi Dana, saw your team just shipped the new checkout—congrats. I test payment flows at Tallis and I'm curious how you handled the address form. Would love to connect.",
    ),
    (
        "connection-request.md#specific-curious: a count of shared connections, then their case study",
        "Hi Ana, we have 4 mutual connections at Lumen, so I thought we might have overlapping circles. Your case study on the address step was a great read. I'd love to connect.",
    ),
    (
        "connection-request.md#specific-curious: their team's work and a question",
        "Hi Dana, your team's work on the checkout redesign is the example I point colleagues to. I'm curious how you chose which browsers to test on. I'd love to connect!",
    ),
    (
        "connection-request.md#specific-curious: their project and a question",
        "Hi Dana, I'm in QA at Tallis and keep coming back to your project on checkout test automation. How did you choose which browsers to cover? Would love to connect.",
    ),
    (
        "connection-request.md#specific-curious: a person you are both connected with, their work and a question",
        "Hi Dana, we're both connected with Sam Patel, and I've followed your work on async reviews. I'm curious how your team keeps to the one-day rule. Would love to connect.",
    ),
    // Issue #20, nineteenth read (A2): a referrer who already agreed to vouch for you.
    (
        "when-to-reach-out.md#genuine-link and FAQ referral: a referral already given, said as vouching",
        "Hi Dana, Sam Patel from your team referred me for the Senior QA Engineer role, and I've applied through the careers site. Sam was kind enough to vouch for me. How does your team split manual and automated testing?",
    ),
    (
        "The same, \"she has agreed to vouch for me\"",
        "Hi Dana, Sam Patel on your team referred me for the QA role, and she has agreed to vouch for me. I've applied, and I'm curious how your team picks tests to automate.",
    ),
    (
        "The same, \"said she'd happily vouch for me\"",
        "Hi Dana, Sam Patel at Lumen referred me and said she'd happily vouch for me. I've applied for the Senior QA Engineer role and I'm curious how your team splits manual and automated testing.",
    ),
    // Issue #20, nineteenth read (A3): to a recruiter, the role they posted named by its title in other words.
    (
        "alternatives.md#recruiter and tree contact-recruiter: the company's opening, named by its title",
        "Hi Jordan, I applied to Lumen's Senior QA Engineer opening last week. I have six years in QA, most recently test automation at Tallis. Would you be open to connecting?",
    ),
    (
        "alternatives.md#recruiter: \"your Senior QA Engineer opening\", the one they posted",
        "Hi Jordan, I've applied for your Senior QA Engineer opening. I have six years in QA, most recently test automation at Tallis. Would you be open to connecting?",
    ),
    (
        "alternatives.md#recruiter: \"the role of Senior QA Engineer\"",
        "Hi Jordan, I've applied for the role of Senior QA Engineer at Lumen. I have six years in QA, most recently test automation at Tallis. Would you be open to connecting?",
    ),
    (
        "alternatives.md#recruiter: the title with no article",
        "Hi Jordan, I applied for Senior QA Engineer at Lumen. I have six years in QA, most recently test automation at Tallis. Would you be open to connecting?",
    ),
    (
        "alternatives.md#recruiter and Careery (002:118): \"I just applied\", then the ask to connect",
        "Hi Jordan, I just applied for the Senior QA Engineer role at Lumen. Six years in QA automation. Would you be open to connecting?",
    ),
    // Issue #20, nineteenth read (A4): building your network as an aside next to real interest in their work.
    (
        "Case expand-my-network why (Networking Etiquette): growing your network as an aside, after their post and before a question",
        "Hi Dana, your post on embedded payments testing was the best I've read. I may apply to Lumen in the future, and I'm keen to grow my network in payments QA. How does your team test partner integrations?",
    ),
    // Issue #20, twentieth read (A1-A7): lines the site recommends that were flagged.
    (
        "when-to-reach-out.md, the closing after where you met (\"great to meet you at\")",
        "Hi Carla, great to meet you at DevOpsDays Denver yesterday! Your tip about a quiet week after on-call stuck with me. Would love to connect.",
    ),
    (
        "case love-to-connect, the closing after what you talked about where you met",
        "Hi Carla, thanks for chatting with me at DevOpsDays Denver about on-call burnout. I'd love to connect.",
    ),
    (
        "connection-request.md, the closing after a person you share",
        "Hi Dana, we share a connection with Sam Patel, so I thought we might find common ground. Your team's checkout redesign is fascinating. I'd love to connect.",
    ),
    (
        "case pick-your-brain do, the closing after a question to them",
        "Hi Marcus, your move from nursing into clinical informatics is the path I'm exploring now. What made the switch feel real for you? I'd love to connect.",
    ),
    (
        "interviews-and-rejection.md, Staton's close after an interview, with a request for advice",
        "Hi Elena, thank you for interviewing me for the analytics role. Any advice on how I could improve? Let me know if anything opens up in the future.",
    ),
    (
        "tree ask-for-feedback, Staton's close after asking what could've been done better",
        "Hi Elena, I'd love to know what I could've done better in the process. Please reach out if anything comes up in the future!",
    ),
    (
        "templates.yaml, a gracious line after a rejection (\"the right candidate\")",
        "Hi Elena, thanks for letting me know. I'm sure you found the right candidate. What would have made my application stronger?",
    ),
    (
        "templates.yaml, a gracious line after a rejection (\"the best candidate\")",
        "Hi Elena, thanks for letting me know. I hope the best candidate won. What would have made my application stronger?",
    ),
    (
        "interviews-and-rejection.md, thanks for considering the application",
        "Hi Elena, thank you for taking the time to consider my application and to interview me. What would have made it stronger? I'd be glad to hear about future openings.",
    ),
    (
        "interviews-and-rejection.md, a question about a call already arranged",
        "Hi Dana, thanks for reaching out about the QA lead role. Is there anything I should prepare for our call on Thursday?",
    ),
    (
        "tree hired-connect, eager to start after being hired",
        "Hi Dana, thank you so much for hiring me! I can't wait to start and I'm ready to begin as soon as possible.",
    ),
    (
        "when-to-reach-out.md, a before-applying question about the posting",
        "Hi Dana, I'm planning to apply for the QA role. I saw the posting says the job involves client calls, but not how often. Roughly what share of the week is that?",
    ),
    // Issue #20, twenty-first read (F1-F5): lines the site recommends that were flagged.
    (
        "interviews-and-rejection.md, leaves the door open: thanks for the update, then Staton's ask (003:17)",
        "Hi Mia, thanks for your time and the update on the Robotics Engineer role. Please reach out if something opens up.",
    ),
    (
        "tree ask-for-feedback, thanks after the decision, then Staton's ask",
        "Hi Mia, thank you for the kind note about the decision. I enjoyed every conversation with your team. Please let me know if anything opens up later on.",
    ),
    (
        "tree ask-for-feedback, thanks for the decision, then Staton's ask",
        "Hi Mia, thank you for the decision and your kindness throughout. Please get in touch if something opens up down the line.",
    ),
    (
        "interviews-and-rejection.md, not selected, then asking to hear about future openings",
        "Hi Mia, although I wasn't selected, I enjoyed every conversation with you. I'd love to hear about future openings, and please let me know if anything comes up.",
    ),
    (
        "tree pause-frustration, a status question to the recruiter (\"still considering\")",
        "Hi Jordan, could you let me know whether the team is still considering my application for the Senior QA Engineer role?",
    ),
    (
        "tree pause-frustration, a status question to the recruiter (\"has had a chance\")",
        "Hi Jordan, could you tell me if the hiring team has had a chance to look at my application for the Data Analyst role?",
    ),
    (
        "tree pause-frustration, a status question to the recruiter (\"did the team get a chance\")",
        "Hi Jordan, did the team get a chance to see my application for the QA Engineer role? I applied three weeks ago.",
    ),
    (
        "connection-request.md, the closing after their blog",
        "Hi Ravi, your blog on golden paths convinced my team to try them. I'd love to connect.",
    ),
    (
        "connection-request.md, the closing after their book",
        "Hi Ravi, I read your book on incident response cover to cover. Would love to connect!",
    ),
    (
        "connection-request.md, the closing after their podcast interview",
        "Hi Ravi, your interview on the Platform Engineering podcast was great. I'd love to connect.",
    ),
    (
        "connection-request.md, the closing after their team's project",
        "Hi Ravi, your team's migration to Kubernetes is impressive. I'd love to connect.",
    ),
    (
        "connection-request.md, the closing after a turn in their career",
        "Hi Ravi, your recent promotion to Head of Platform is well deserved. Would love to connect.",
    ),
    (
        "Careery's alumni template (002:69), its close in other words",
        "Hi Dana, I saw you spent time at Tallis—I was there too (2016-2020, payments QA). Would love to connect.",
    ),
    (
        "connection-request.md, the closing after a shared employer (\"at Tallis too\")",
        "Hi Dana, I was at Tallis too, 2016 to 2020 in payments QA. I'd love to connect.",
    ),
    (
        "connection-request.md, the closing after a shared employer (\"I also spent\")",
        "Hi Dana, I also spent five years at Tallis, on the payments side. Would love to connect.",
    ),
    (
        "when-to-reach-out.md, the closing after a shared school",
        "Hi Dana, Michigan grad here too, class of 2015, now in QA automation. Would love to connect.",
    ),
    (
        "alternatives.md, the closing after a named contact who suggested the note",
        "Hi Dana, Sam Patel, my former manager at Tallis, suggested I reach out. I'd love to connect.",
    ),
    (
        "alternatives.md, the closing after a named contact's recommendation",
        "Hi Dana, Sam Patel, my old teammate at Tallis, said you'd be a great person to talk to about test automation. I'd love to connect.",
    ),
    (
        "connection-request.md, the closing after a named contact you worked with",
        "Hi Dana, Sam Patel speaks highly of you; we worked together at Tallis. I'm in QA too and would love to connect.",
    ),
    (
        "tree connect-while-talking, the note about the conversation ahead",
        "Hi Dana, thanks for reaching out about the QA lead role. Looking forward to our conversation on Thursday. Would love to connect here.",
    ),
    (
        "after-they-accept.md and Careery (002:92-93), mentioning interest after a back-and-forth",
        "Hi Ana, I've enjoyed our back-and-forth about data contracts. I'm job hunting at the moment, so if anything opens up on your team, I'd love to be in the running. Thanks either way!",
    ),
    (
        "after-they-accept.md and Careery (002:92-93), mentioning interest after their advice",
        "Hi Ana, thanks for all your advice on lineage over the past month. I'm looking for new roles now, and your team is at the top of my list. If anything comes up, I'd love to hear about it.",
    ),
    (
        "after-they-accept.md, asking to be considered after real exchanges",
        "Hi Ana, I've loved our exchanges. If a role opens up on your team, please consider me.",
    ),
    (
        "tree connect-after-event (twenty-second read, 2a): where you met and what you talked about",
        "Hi Nina, I enjoyed our conversation at DevOpsDays about on-call rotations. I'd love to connect.",
    ),
    (
        "tree connect-after-event (twenty-second read, 2a): where you met and what you talked about",
        "Hi Carla, enjoyed our chat at DevOpsDays about on-call burnout. I'd love to connect.",
    ),
    (
        "tree connect-after-event (twenty-second read, 2a): where you met and what you talked about",
        "Hi Carla, lovely chatting at DevOpsDays Denver about on-call burnout. I'd love to connect.",
    ),
    (
        "tree connect-after-event (twenty-second read, 2a): where you met and what you talked about",
        "Hi Carla, it was great to talk at DevOpsDays about on-call burnout. I'd love to connect.",
    ),
    (
        "tree connect-after-event (twenty-second read, 2a): where you met and what you talked about",
        "Hi Nina, it was nice to chat at the Georgia Tech career fair about your robotics team. I'd love to connect.",
    ),
    (
        "tree connect-after-event (twenty-second read, 2a): where you met and what you talked about",
        "Hi Nina, thanks for the chat at the career fair about your robotics team. I'd like to connect.",
    ),
    (
        "tree connect-after-event (twenty-second read, 2a): where you met and what you talked about",
        "Hi Nina, great conversation at the career fair yesterday about your robotics team. I'd love to connect.",
    ),
    (
        "tree connect-after-event (twenty-second read, 2a): where you met and what you talked about",
        "Hi Nina, thanks for taking the time to chat at the career fair. I enjoyed hearing about your team's move to event-driven services, and I'd like to connect.",
    ),
    (
        "tree connect-after-event (twenty-second read, 2a): where you met and what you talked about",
        "Hi Nina, thanks for stopping by our booth at the job fair and talking about robotics. I'd love to connect.",
    ),
    (
        "connection-request.md and Careery's templates (twenty-second read, 2b): a specific detail, then the closing",
        "Hi Dana, I use your open-source library for contract testing every day, and the new retry API saved us hours. I'd love to connect.",
    ),
    (
        "connection-request.md and Careery's templates (twenty-second read, 2b): a specific detail, then the closing",
        "Hi Dana, your Coursera course on test automation got me my first QA job. I'd love to connect.",
    ),
    (
        "connection-request.md and Careery's templates (twenty-second read, 2b): a specific detail, then the closing",
        "Hi Dana, your YouTube series on Playwright taught me most of what I know about UI tests. I'd love to connect.",
    ),
    (
        "connection-request.md and Careery's templates (twenty-second read, 2b): a specific detail, then the closing",
        "Hi Dana, your team's move to event-driven testing is something I'm trying at Tallis now. I'd love to connect.",
    ),
    (
        "connection-request.md and Careery's templates (twenty-second read, 2b): a specific detail, then the closing",
        "Hi Dana, I loved the Lumen engineering blog entry you wrote on flaky tests. I'd love to connect.",
    ),
    (
        "connection-request.md and Careery's templates (twenty-second read, 2b): a specific detail, then the closing",
        "Hi Dana, your GitHub repo of test heuristics is my go-to checklist. I'd love to connect.",
    ),
    (
        "connection-request.md and Careery's templates (twenty-second read, 2b): a specific detail, then the closing",
        "Hi Dana, your slides from TestBash on risk-based testing are pinned on my desk. I'd love to connect.",
    ),
    (
        "connection-request.md and Careery's templates (twenty-second read, 2b): a specific detail, then the closing",
        "Hi Dana, your quote in the Wired piece on software quality stuck with me. I'd love to connect.",
    ),
    (
        "connection-request.md and Careery's templates (twenty-second read, 2b): a specific detail, then the closing",
        "Hi Dana, your answer on the QA subreddit about test data saved my sprint. I'd like to connect.",
    ),
    (
        "tree connect-with-referral and the untitled article (001:28) (twenty-second read, 2c): the referral is the reason",
        "Hi Leo, Priya Shah at Finch referred me for the Data Engineer role. I've applied and I'm grateful for her recommendation. I'd love to connect.",
    ),
    (
        "tree connect-with-referral and the untitled article (001:28) (twenty-second read, 2c): the referral is the reason",
        "Hi Leo, Priya Shah referred me for the data engineering role on your team. I've applied and would love to connect.",
    ),
    (
        "tree connect-while-talking (twenty-second read, 2d): the manager is already talking with you",
        "Hi Paul, thanks for reaching out about the Solutions Architect role. I'd love to connect.",
    ),
    (
        "tree connect-while-talking (twenty-second read, 2d): the manager is already talking with you",
        "Hi Paul, thanks for the chat about the Solutions Architect role. I'd love to connect.",
    ),
    (
        "tree connect-while-talking (twenty-second read, 2d): the manager is already talking with you",
        "Hi Paul, I enjoyed our call about the Solutions Architect role. Looking forward to the next step, and I'd love to connect.",
    ),
    (
        "tree ask-for-feedback and Michael Staton (003:17) (twenty-second read, 2e): what I could improve",
        "Hi Elena, thanks for the call today. I'm disappointed but grateful. Could you share what I could improve for next time? Let me know if anything comes up on your team.",
    ),
    (
        "learn-from-experience's own comment (twenty-second read, 2f): the ask names a topic",
        "Hi Grace, your talk on grid storage was excellent. I manage solar installs and would love to learn from your experience with battery sites.",
    ),
    // Twenty-fourth read: lines near the new patterns of that read, which
    // the guides recommend, must stay clean.
    (
        "alternatives.md#engage and Careery's Specific + Curious (002:40) (twenty-fourth read): \"I'd love to learn how\"",
        "Hi Dana, your talk on contract testing was great. I'd love to learn how your team decides which tests to automate first.",
    ),
    (
        "tree pause-frustration: the status question to a recruiter (twenty-fourth read)",
        "Hi Jordan, I applied for the Senior QA Engineer role three weeks ago. Could you tell me where my application stands?",
    ),
    (
        "tree connect-while-talking (twenty-fourth read): a call already held",
        "Hi Paul, after our call on Friday I'd love to connect here. Looking forward to the next step.",
    ),
    (
        "interviews-and-rejection.md#before-interview (twenty-fourth read): a call already arranged",
        "Hi Paul, looking forward to our call on Friday. Should I prepare anything?",
    ),
    (
        "tree connect-with-referral (001:28) (twenty-fourth read): thanks for the referral",
        "Hi Priya, thanks for the referral for the Data Engineer role. I've applied and will let you know how it goes.",
    ),
    (
        "tree hired-connect (twenty-fourth read): glad to join, after the offer",
        "Hi Dana, thanks for the offer! I'd love to be part of the team and can't wait to start.",
    ),
    (
        "after-they-accept.md#thank-you (twenty-fourth read): saying once that you applied and are keen",
        "Thanks for connecting, Dana. I applied for the Senior QA Engineer role on your team last week and I'm keen on it. I'm curious how your team handles reviews when someone is on leave.",
    ),
    (
        "alternatives.md#warm-introduction (twenty-fourth read): the contact passes your name to the manager",
        "Hi Sam, since you know Dana, would you mind passing my name along to her?",
    ),
    (
        "interviews-and-rejection.md#after-rejection and Michael Staton (003:17) (twenty-fourth read): keep me in mind after the decision",
        "Hi Dana, thanks for the update. Would you keep me in mind for future openings on your team?",
    ),
    (
        "Careery's one polite bump (002:122) (twenty-fourth read): once, not again",
        "Hi Sam, just bumping my message from last week in case it got buried. No worries if you're busy.",
    ),
    (
        "after-they-accept.md#asking-for-a-call (twenty-fourth read): a call, timing left to them",
        "Hi Dana, if you're ever open to a 15-minute call, I'd be glad to; no rush at all.",
    ),
];

/// Lines the articles say get declined or ignored, each with the rule that
/// must flag it (one rule per line, so every rule is proved to fire).
const DECLINED: &[(&str, &str, &str)] = &[
    (
        "Careery, the line 42 declined requests shared (002:2)",
        "learn-from-experience",
        "Hi Dana, I'd love to connect and learn from your experience.",
    ),
    (
        "Careery, a stock line (002:18)",
        "came-across-profile",
        "I came across your profile and would love to connect.",
    ),
    (
        "Careery, a stock line (002:19)",
        "expand-network",
        "I'm expanding my network with professionals in fintech.",
    ),
    (
        "Careery, a stock line (002:20)",
        "love-to-connect",
        "Let's connect and see if we can help each other.",
    ),
    (
        "Careery, a declined request (002:37)",
        "love-to-connect",
        "Would love to connect and learn more.",
    ),
    (
        "Careery, the perfect candidate (002:22)",
        "selling-yourself",
        "I applied for the QA role and I'm the perfect candidate because I have six years of experience.",
    ),
    (
        "Careery, why you should hire me (002:23)",
        "selling-yourself",
        "I'd love to work for Lumen. Here's why you should hire me.",
    ),
    (
        "Careery, please consider my application (002:24)",
        "review-my-application",
        "I noticed you're hiring. Please consider my application.",
    ),
    (
        "Careery, a bare application opener (002:38)",
        "leading-with-i-applied",
        "Hi Dana, I applied for a role on your team.",
    ),
    (
        "Careery, a bare application opener (002:38) with a hyphenated role",
        "leading-with-i-applied",
        "Hi Dana - I applied for the full-stack role on your team.",
    ),
    (
        "Careery, a note that could go to anyone (002:107), naming no role",
        "nothing-specific",
        "Hi, I'm very interested in the open role at your company and believe I could add real value. Looking forward to hearing from you.",
    ),
    (
        "Careery, asking a favor before any relationship (002:25): a good word",
        "asking-a-favor",
        "Hi Dana, would you put in a good word for me with the hiring team?",
    ),
    (
        "Careery, asking a favor before any relationship (002:25): willing to recommend",
        "asking-a-favor",
        "Would you be willing to recommend me for the QA role on your team?",
    ),
    (
        "Careery, the perfect candidate (002:22), as the right person",
        "selling-yourself",
        "Hi Dana, I'm the right person for this role.",
    ),
    (
        "Careery, pick your brain (002:5)",
        "pick-your-brain",
        "Hi Dana, I'd love to pick your brain sometime.",
    ),
    (
        "Careery, open to opportunities in the note (002:98)",
        "open-to-opportunities",
        "Hi Dana, I'm open to opportunities in QA if anything fits.",
    ),
    (
        "Careery, asking them to review your application (002:102)",
        "review-my-application",
        "Thanks for connecting! Could you review my application for the QA role?",
    ),
    (
        "Careery, the unsolicited resume (002:103)",
        "resume-attached",
        "Thanks for connecting. I've attached my resume so you can see my experience.",
    ),
    (
        "Careery, following up repeatedly (002:104)",
        "repeated-follow-ups",
        "Following up again on my last three messages.",
    ),
    (
        "Careery, pushy about setting up calls (002:105)",
        "pressing-for-a-meeting",
        "Thanks for accepting! Can we set up a call this week?",
    ),
    (
        "Careery, too formal (002:100)",
        "too-formal",
        "Dear Sir or Madam, I am writing to request a connection.",
    ),
    (
        "Careery, plain praise for the company (002:28)",
        "love-your-company",
        "I love your company!",
    ),
    (
        "Careery, over the 300-character limit (002:99)",
        "too-long",
        "Hi Grace, I hope this message finds you well. I wanted to reach out because I've been following Norrland Energy for a long time and I really admire the work your team is doing in battery storage. I have a background in electrical engineering and project management and I think I could add real value. I'd be grateful for any time you could spare.",
    ),
    (
        "Careery, a note that could go to anyone (002:107)",
        "nothing-specific",
        "Hi, I am very interested in opportunities at your organization and believe I could add value. Looking forward to hearing from you.",
    ),
    (
        "Careery, every word counts (002:9)",
        "finds-you-well",
        "I hope this message finds you well.",
    ),
    // Issue #20, fourth read (L8): the job ask Careery sets against a real
    // question, and the favor it names outright.
    (
        "Careery, a job ask in place of a question (002:91)",
        "asking-a-favor",
        "Hi Dana, can I interview for a job on your team?",
    ),
    (
        "Careery, expediting your candidacy (002:25, 002:59)",
        "asking-a-favor",
        "Could you expedite my candidacy for the QA role?",
    ),
    (
        "Careery, expediting your candidacy, with the résumé accented (the rule's \\b after é never matched in JavaScript)",
        "asking-a-favor",
        "Could you expedite my résumé for the QA role?",
    ),
    (
        "Careery, asking a favor before any relationship (002:25)",
        "asking-a-favor",
        "We haven't met, but could you refer me for the open role?",
    ),
    (
        "Decision guide, minutes after applying (000:15)",
        "minutes-after-applying",
        "I applied for your QA opening ten minutes ago.",
    ),
    (
        "Decision guide, a note that demands a response (000:15)",
        "frustration",
        "I still haven't heard back and would appreciate a reply as soon as possible.",
    ),
    (
        "Decision guide, a resume rehash (000:15)",
        "buzzwords",
        "I am a hard worker, a fast learner and a team player.",
    ),
    (
        "Decision guide, ignoring a no-contact instruction (000:14)",
        "going-around-process",
        "I know the posting says to send questions to the recruiting team, but I wanted to reach you directly.",
    ),
    (
        "Networking Etiquette, an immediate coffee invitation (004:7)",
        "pressing-for-a-meeting",
        "Thanks for connecting! Can I buy you a coffee next week to talk about jobs?",
    ),
    (
        "Careery, pushy about setting up calls (002:105): a date named after the call",
        "pressing-for-a-meeting",
        "Are you free for a quick call tomorrow?",
    ),
    (
        "Careery, a template left unfilled (002:55)",
        "placeholder",
        "Hi [Name], your post on [topic] stood out to me.",
    ),
    (
        "Terkel, Michael Staton: ask what you could have done better, not why (003:17)",
        "arguing-a-rejection",
        "I was disappointed not to get the role. Why did you choose someone else?",
    ),
    // Issue #20, sixth read: what the loosened rules must still flag.
    (
        "Careery, a generic note naming no role (002:107): an empty word before \"role\" is not a title",
        "nothing-specific",
        "Hi, I saw the new role at your company and believe I could add real value there. Looking forward to hearing from you.",
    ),
    (
        "Careery, a generic note (002:107): \"the job posting\" names no line of it",
        "nothing-specific",
        "Hi, I read the job posting at your company and believe I could add real value there. Looking forward to hearing from you.",
    ),
    // Issue #20, fifteenth read: "your team" alone names nothing about them;
    // only their team's work, or a question about how it works, does.
    (
        "Careery, a generic note (002:107): \"your team\" with nothing of theirs",
        "nothing-specific",
        "Hi Dana, I'm a QA engineer with six years of experience and I'd love to add value to your team.",
    ),
    (
        "Careery, a generic note (002:107): opportunities \"on your team\"",
        "nothing-specific",
        "Hi Dana, I'm very interested in opportunities on your amazing team and would like to connect.",
    ),
    (
        "Case ignoring-no-contact and when-to-reach-out#asked-not-to, the instruction named without \"I know\"",
        "going-around-process",
        "Hi Chris, the posting says to send questions through the recruiting team, but I wanted to reach you directly about the Platform Engineer role.",
    ),
    (
        "The same, apologising for it",
        "going-around-process",
        "Hi Chris, sorry to message you directly when the posting says to go through the recruiter. I have a question about the role.",
    ),
    (
        "Guide short-answer, no \"please consider me\"",
        "review-my-application",
        "Hi Chris, your talk on Kubernetes upgrades was great. I've applied for the Platform Engineer role, please consider me!",
    ),
    (
        "Guide when-to-reach-out, a note that demands a reply",
        "frustration",
        "Hi Dana, your post on async reviews was great. I need to hear back about the Senior QA Engineer role this week, so please let me know.",
    ),
    (
        "Case repeated-follow-ups, counting the messages",
        "repeated-follow-ups",
        "Hi Dana, I've messaged you twice now about the Senior QA Engineer role. Please respond when you can.",
    ),
    (
        "FAQ before-or-after-applying: the application is how you ask to be considered",
        "review-my-application",
        "Hi Dana, I'm planning to apply for the Senior QA role; would you consider me?",
    ),
    (
        "The annotated note in connection-request, not \"I'm perfect for it\"",
        "selling-yourself",
        "Hi Dana, your post on flaky tests was great. I'm perfect for it: I've spent six years on exactly that.",
    ),
    (
        "Careery, a generic \"I'm looking for opportunities\" message (002:118)",
        "open-to-opportunities",
        "Hi Jordan, I'm currently looking for new opportunities. It would be great to hear if you have anything.",
    ),
    (
        "Careery, the job search in the connection note, with nothing after it (002:98)",
        "open-to-opportunities",
        "Hi Kevin, I'm a product designer in healthcare and would be glad to connect in case anything comes up.",
    ),
    // Issue #20, sixteenth read: what the loosened rules must still flag.
    (
        "The tree's own example of what does not count: \"I like your company\"",
        "love-your-company",
        "Hi Dana, I like your company and want to work there.",
    ),
    (
        "Case after-networking-event don't: no reminder of where you met",
        "love-to-connect",
        "Hi Carla, it was great meeting you! I'd love to connect.",
    ),
    (
        "Careery, a stock line (002:18-20): \"love to connect and pick your brain\" (the browser test's generic note)",
        "love-to-connect",
        "Hi Tara, I'd love to connect and pick your brain!",
    ),
    (
        "Case frustrated-follow-up: a demand, even with a start date in it",
        "frustration",
        "Hi Dana, I need an answer about the role ASAP so I can start as soon as possible.",
    ),
    (
        "Case unsolicited-resume: a resume nobody asked for",
        "resume-attached",
        "Hi Dana, I've attached my resume so you can see my experience.",
    ),
    (
        "connection-request.md and case open-to-opportunities: \"on your team\" does not make it a later message",
        "open-to-opportunities",
        "Hi Dana, your post on flaky tests was great. I'm open to opportunities on your team and would welcome connecting.",
    ),
    (
        "Case coffee-too-soon: a time asked for, with a date",
        "pressing-for-a-meeting",
        "Would you be free for a call? What time works tomorrow?",
    ),
    (
        "Careery, a generic note (002:107): an unnamed role at \"your company\"",
        "nothing-specific",
        "Hi, I saw the open role at your company and I'm very interested. Looking forward to hearing from you.",
    ),
    // Issue #20, seventeenth read: what the narrowed rules must still flag, and
    // the site's own declined lines that passed with a sign-off or a connect-ask.
    (
        "Careery, a generic note (002:107): interest in a role at \"your firm\", nothing else",
        "nothing-specific",
        "Hi Dana, I'm interested in the open role at your firm.",
    ),
    (
        "Careery, a generic note (002:107): a generic search for opportunities",
        "nothing-specific",
        "Hi Dana, are there any opportunities on your team for a QA engineer?",
    ),
    (
        "Careery, a stock line (002:18): \"I'd love to connect\" with a tail that could go to anyone",
        "love-to-connect",
        "Hi Dana, I'd love to connect with professionals in QA.",
    ),
    (
        "Tree pause-frustration and case frustrated-follow-up: don't chase the application, even as a nudge",
        "frustration",
        "Hi Sam, just bumping my application for the analyst role in case it got buried. No worries at all if things are busy.",
    ),
    (
        "The same, a quick nudge on the application",
        "frustration",
        "Hi Sam, a quick nudge on my application for the Senior Analyst opening in case it got buried. No worries if you're busy.",
    ),
    (
        "The same, a friendly nudge that says when you applied",
        "frustration",
        "Hi Sam, a friendly nudge: I applied for the Senior Analyst opening three weeks ago and wanted to make sure it didn't get lost. No worries if you're busy.",
    ),
    (
        "Case review-my-application don't, with a sign-off",
        "review-my-application",
        "Thanks for connecting, Lena! Could you review my application for the UX Researcher role and let me know if I'm a fit? Thanks for your time.",
    ),
    (
        "Guide short-answer, no \"please consider me\", with a sign-off",
        "review-my-application",
        "Hi Dana, please consider me for the Senior QA Engineer role. Thanks for your time.",
    ),
    (
        "Case open-to-opportunities and connection-request.md: \"I'm open to opportunities\", with a sign-off",
        "open-to-opportunities",
        "Hi Kevin, I'm open to opportunities in product design. Thank you for your time.",
    ),
    (
        "The same, thanking them for the chance to connect",
        "open-to-opportunities",
        "Hi Dana, I'm actively looking for new roles in QA - thanks for the chance to connect.",
    ),
    (
        "Careery, a bare application opener (002:38), with an ask to connect",
        "leading-with-i-applied",
        "Hi Dana, I applied for a role on your team. Would you be open to connecting?",
    ),
    (
        "Case leading-with-i-applied don't, the role on your team, with an ask to connect",
        "leading-with-i-applied",
        "Hi Dana, I applied for the Product Manager role on your team. Happy to connect!",
    ),
    (
        "Case engage-before-asking don't: a referral asked of a stranger, to their recruiter",
        "asking-a-favor",
        "Hi Rosa, we haven't met but could you refer me to your recruiter for the open role on your team?",
    ),
    (
        "Careery, asking a favor before any relationship (002:25): recommend me to the panel",
        "asking-a-favor",
        "Hi Rosa, could you recommend me to the hiring panel for the analyst job?",
    ),
    (
        "Case ignoring-no-contact don't, calling the manager the right person to ask",
        "going-around-process",
        "Hi Dana, I know the posting says to send questions to the recruiter, but I wanted to ask you directly as you're the right person to ask.",
    ),
    (
        "connection-request.md#tone: \"I wish to express my interest…\"",
        "too-formal",
        "Dear Ms Reyes, I wish to express my interest in the position advertised. Kind regards, Alex Kim",
    ),
    // Issue #20, nineteenth read (A3, A4).
    (
        "FAQ mention-application (\"not as the first words\") and Careery's after-applying opener (002:57): \"I just applied\" and nothing a recruiter note has",
        "leading-with-i-applied",
        "Hi Dev, I just applied for the Product Manager role at Finch. I have 6 years of product experience in fintech.",
    ),
    (
        "Case expand-my-network don't, \"building\" for \"expanding\"",
        "expand-network",
        "Hi Tara, I'm building my network with leaders in fintech and I'd like to connect.",
    ),
    // Issue #20, nineteenth read (B): a case's don't in other words.
    (
        "Tree pause-frustration and case frustrated-follow-up: \"still haven't heard\", even before asking where it stands",
        "frustration",
        "Hi Sam, it's been three weeks since I applied for the analyst role and I still haven't heard anything. Could you tell me where my application stands?",
    ),
    (
        "The same, \"never heard back\"",
        "frustration",
        "Hi Sam, I applied for the analyst role a month ago and never heard back. I'd really appreciate an update.",
    ),
    (
        "when-to-reach-out.md rule of thumb and FAQ right-after-applying: the application \"sent in\" minutes ago",
        "minutes-after-applying",
        "Hi Sam, I sent in my application for your Senior Analyst opening about ten minutes ago. Have you had a chance to look at it yet?",
    ),
    (
        "The same, submitted \"earlier today\"",
        "minutes-after-applying",
        "Hi Sam, your post on weekly summaries was great. I submitted my application for the analyst role earlier today. Have you had a chance to look at it?",
    ),
    (
        "Case review-my-application don't, \"reviewing my application\"",
        "review-my-application",
        "Thanks for connecting, Lena! Would you mind reviewing my application for the UX Researcher role and letting me know if I'm a fit?",
    ),
    (
        "connection-request.md#mention-applied: asking them to take a look",
        "review-my-application",
        "Hi Dev, just applied to the Product Manager opening at Finch - would be great if you could take a look!",
    ),
    (
        "Case fellow-alumnus don't, \"help me get an interview\"",
        "asking-a-favor",
        "Hi Ben, we went to the same school! Could you help me get an interview at your company?",
    ),
    (
        "Case engage-before-asking don't, \"would you mind referring me\"",
        "asking-a-favor",
        "Hi Rosa, would you mind referring me for the open analyst role?",
    ),
    (
        "The same, \"can you put me forward\"",
        "asking-a-favor",
        "Hi Rosa, can you put me forward for the open role on your team? I've included my resume.",
    ),
    (
        "Case coffee-too-soon don't, a weekday after \"on\"",
        "pressing-for-a-meeting",
        "Hi Omar, thanks for connecting! Can I buy you a coffee on Thursday so we can talk about jobs at your company?",
    ),
    (
        "The same, proposing the day",
        "pressing-for-a-meeting",
        "Hi Omar, thanks for connecting! I'd love to buy you a coffee next week, does Tuesday work?",
    ),
    (
        "Case ignoring-no-contact don't, recruiting set aside to reach the manager directly",
        "going-around-process",
        "Hi Chris, I know recruiting is handling questions for this one, but I wanted to reach you directly about the Platform Engineer role.",
    ),
    (
        "The same, \"I saw the posting says no direct messages, but\"",
        "going-around-process",
        "Hi Chris, I saw the posting says no direct messages, but I figured it couldn't hurt to reach out.",
    ),
    (
        "Case vague-interest don't, \"a great place to work\"",
        "love-your-company",
        "Hi Priya, I love Lumen and think it would be a great place to work. Let's chat sometime!",
    ),
    (
        "The same, \"would love to be a part of it\"",
        "love-your-company",
        "Hi Priya, I love what Lumen is doing and would love to be a part of it!",
    ),
    (
        "connection-request.md, selling yourself: \"the perfect match\"",
        "selling-yourself",
        "Hi Dev, I believe my skills make me the perfect match for this role.",
    ),
    (
        "The same, \"a great candidate\"",
        "selling-yourself",
        "Hi Dev, I think I'm a great candidate for the PM role on your team.",
    ),
    (
        "The same, \"an excellent fit\"",
        "selling-yourself",
        "Hi Dev, I'd be an excellent fit for your team.",
    ),
    (
        "Case open-to-opportunities don't: asking to be told if their team is hiring",
        "open-to-opportunities",
        "Hi Kevin, I'm currently looking for a new role in product design. Let me know if your team is hiring!",
    ),
    (
        "The same: \"reach out if anything comes up\"",
        "open-to-opportunities",
        "Hi Kevin, I'm looking for my next product design role. Feel free to reach out if anything comes up!",
    ),
    (
        "Case after-rejection don't, \"why someone else got it\"",
        "arguing-a-rejection",
        "Hi Elena, thanks for letting me know. Can you tell me why someone else got it? I thought I was a great candidate.",
    ),
    (
        "The same, \"why I wasn't selected\"",
        "arguing-a-rejection",
        "Hi Elena, could you tell me why I wasn't selected? I thought the interviews went well.",
    ),
    (
        "Case pick-your-brain don't, \"learn from you\" and \"your career journey\"",
        "learn-from-experience",
        "Hi Marcus, I'd love to learn from you and hear about your career journey!",
    ),
    (
        "The same, \"tap into your expertise\"",
        "learn-from-experience",
        "I'd love to tap into your expertise sometime!",
    ),
    (
        "connection-request.md#tone and FAQ: cover-letter language in other words",
        "too-formal",
        "Dear Ms. Reyes, I am reaching out to express my sincere interest in the position advertised. I would be honoured to connect. Respectfully, Daniel Okafor",
    ),
    (
        "connection-request.md: a placeholder left in angle brackets",
        "placeholder",
        "Hi <Name>, I saw the <Role> opening on your team and just sent in my application.",
    ),
    (
        "Case repeated-follow-ups don't, \"circling back again on my previous messages\"",
        "repeated-follow-ups",
        "Hi Sam, just circling back again on my previous messages. Hope to hear from you soon.",
    ),
    (
        "Case unsolicited-resume don't, a link to the resume \"included\"",
        "resume-attached",
        "Hi Omar, thanks for connecting. I've included a link to my resume so you can see my experience. How does your team run onboarding?",
    ),
    // Issue #20, nineteenth read (B20): the accented spelling (JavaScript's \b ends no word after an é).
    (
        "Case unsolicited-resume don't, \"résumé\" included",
        "resume-attached",
        "Hi Omar, thanks for connecting. I've included my résumé so you can see my experience. How does your team run onboarding?",
    ),
    // Issue #20, twentieth read (B8-B12): lines the checker missed.
    (
        "Case pick-your-brain don't, \"learn from your experiences\"",
        "learn-from-experience",
        "Would love to connect and learn from your experiences",
    ),
    (
        "Case pick-your-brain don't, \"learn from your experiences\" after a vague wish",
        "learn-from-experience",
        "Hi Marcus, I'd love to hear about your career and learn from your experiences!",
    ),
    (
        "Case minutes-after-applying don't, \"mins ago\"",
        "minutes-after-applying",
        "Hi Sam, I applied for your Senior Analyst opening about ten mins ago. Have you had a chance to look at it yet?",
    ),
    (
        "Case minutes-after-applying don't, \"min ago\"",
        "minutes-after-applying",
        "Hi Sam, I applied for your Senior Analyst opening about 10 min ago. Have you had a chance to look at it yet?",
    ),
    (
        "Case unsolicited-resume don't, \"Resume attached\"",
        "resume-attached",
        "Hi Omar, thanks for connecting. Resume attached so you can see my experience. Let me know if there's a fit!",
    ),
    (
        "Case unsolicited-resume don't, \"find my resume attached\"",
        "resume-attached",
        "Hi Omar, thanks for connecting. Please find my resume attached so you can see my experience. Let me know if there's a fit!",
    ),
    (
        "Case unsolicited-resume don't, \"attached a copy of my resume\"",
        "resume-attached",
        "Hi Omar, thanks for connecting. I've attached a copy of my resume so you can see my experience. Let me know if there's a fit!",
    ),
    (
        "Case coffee-too-soon don't, a bare weekday",
        "pressing-for-a-meeting",
        "Hi Omar, thanks for connecting! Can I buy you a coffee Friday so we can talk about jobs at your company?",
    ),
    (
        "Case coffee-too-soon don't, lunch next week",
        "pressing-for-a-meeting",
        "Hi Omar, thanks for connecting! Can I buy you lunch next week so we can talk about jobs at your company?",
    ),
    (
        "Case coffee-too-soon don't, \"Let's grab a coffee next week\"",
        "pressing-for-a-meeting",
        "Hi Omar, thanks for connecting! Let's grab a coffee next week so we can talk about jobs at your company.",
    ),
    (
        "Case mutual-connection don't, \"I'd like to connect\"",
        "love-to-connect",
        "Hi Ana, we have 12 mutual connections so I figured I'd add you. I'd like to connect!",
    ),
    (
        "Case expand-my-network don't, \"I'd like to connect\"",
        "love-to-connect",
        "Hi Carla, it was great meeting you! I'd like to connect.",
    ),
    // Twenty-first read (section 3): close paraphrases of declined lines that passed.
    (
        "Case minutes-after-applying, on the day you apply (when-to-reach-out.md#timing)",
        "minutes-after-applying",
        "Hi Dana, I applied for your analyst opening today. Looking forward to hearing from you!",
    ),
    (
        "Case leading-with-i-applied, \"a great addition\" (Careery 002:22)",
        "selling-yourself",
        "Hi Dev, I've applied for the Product Manager role at Finch. I have six years of experience and would be a great addition to the team.",
    ),
    (
        "Case leading-with-i-applied, \"an ideal hire\" (Careery 002:22)",
        "selling-yourself",
        "Hi Dev, I've applied for the Product Manager role at Finch and think my background makes me an ideal hire.",
    ),
    (
        "Careery, selling yourself (002:22): \"an excellent addition\"",
        "selling-yourself",
        "Hi Dana, I'm excited about the QA role and think I'd be an excellent addition to your team.",
    ),
    (
        "Case repeated-follow-ups, \"once more\"",
        "repeated-follow-ups",
        "Hi Sam, just following up once more on my earlier message.",
    ),
    (
        "Case repeated-follow-ups, \"several messages\"",
        "repeated-follow-ups",
        "Hi Dana, I've sent you several messages now and haven't had a reply.",
    ),
    (
        "Case repeated-follow-ups, \"a few times\"",
        "repeated-follow-ups",
        "Hi Dana, I've reached out a few times already and would appreciate a quick reply.",
    ),
    (
        "Case ignoring-no-contact, going around the recruiter",
        "going-around-process",
        "Hi Chris, apologies for going around the recruiter, but I wanted to reach you about the Platform Engineer role.",
    ),
    (
        "Case expand-my-network don't, a day but no place",
        "love-to-connect",
        "Hi Dana, nice meeting you yesterday! Would love to connect.",
    ),
    // Twenty-fourth read (checker misses): ordinary wordings of lines the
    // cases already decline.
    (
        "Case open-to-opportunities, the search in the singular (twenty-fourth read, misses 1)",
        "open-to-opportunities",
        "Hi Dana, I'm reaching out because I'm looking for a job in QA.",
    ),
    (
        "Case open-to-opportunities, \"a new position\" (twenty-fourth read, misses 1)",
        "open-to-opportunities",
        "Hi Dana, I'm looking for a new position in QA. Would you keep me in mind?",
    ),
    (
        "Case open-to-opportunities, \"seeking\" with no \"I'm\" (twenty-fourth read, misses 1)",
        "open-to-opportunities",
        "Hi Kim, seeking a new position in UX. Any openings on your team?",
    ),
    (
        "Case open-to-opportunities, asking about openings (twenty-fourth read, misses 2)",
        "open-to-opportunities",
        "Hi Dana, please let me know if there are any openings on your team.",
    ),
    (
        "Case engage-before-asking, the CV passed on (Careery 002:25) (twenty-fourth read, misses 3)",
        "asking-a-favor",
        "Hi Rosa, would you mind passing my CV along to the hiring team?",
    ),
    (
        "Case engage-before-asking, the name passed on (Careery 002:25) (twenty-fourth read, misses 3)",
        "asking-a-favor",
        "Hi Dana, would you mind passing my name along to the hiring team?",
    ),
    (
        "Case engage-before-asking, a referral asked of a stranger (twenty-fourth read, misses 3)",
        "asking-a-favor",
        "Hi Dana, could you give me a referral for the QA role?",
    ),
    (
        "Case coffee-too-soon, a call with a date, said as a wish (Careery, pushy about calls) (twenty-fourth read, misses 4)",
        "pressing-for-a-meeting",
        "Hi Dana, I'd love to hop on a call this Friday to chat about the role.",
    ),
    (
        "Case coffee-too-soon, \"when you're free\" next week (twenty-fourth read, misses 4)",
        "pressing-for-a-meeting",
        "Hi Dana, let me know when you're free for a call next week.",
    ),
    (
        "Case frustrated-follow-up, demanding an answer (decision guide 000:33) (twenty-fourth read, misses 5)",
        "frustration",
        "Hi Tom, I know you're busy but I really need an answer about my application this week.",
    ),
    (
        "Case frustrated-follow-up, \"I really need to hear back\" (twenty-fourth read, misses 5)",
        "frustration",
        "Hi Dana, I really need to hear back soon as I have another offer.",
    ),
    (
        "Guide short-answer, no \"consider me\" (Careery 002:24) (twenty-fourth read, misses 6)",
        "review-my-application",
        "Hi Dana, I'm writing to ask you to consider me for the QA role.",
    ),
    (
        "Guide short-answer, \"keep me in mind\" in a cold note (twenty-fourth read, misses 6)",
        "review-my-application",
        "Hi Dana, I'm a QA engineer with six years of experience. Would you keep me in mind?",
    ),
    (
        "Case repeated-follow-ups, a bump again (Careery 002:122) (twenty-fourth read, misses 7)",
        "repeated-follow-ups",
        "Hi Sam, just bumping my last message again.",
    ),
    (
        "Case vague-interest, praise for the company in other words (twenty-fourth read, misses 10)",
        "love-your-company",
        "Hi, I'm a passionate engineer who would love to join your amazing company.",
    ),
    (
        "Case vague-interest, \"be part of the team\" (twenty-fourth read, misses 10)",
        "love-your-company",
        "Hey Dana, big fan of Lumen! Would love to be part of the team.",
    ),
    (
        "Case leading-with-i-applied, \"an asset\" (Careery 002:22) (twenty-fourth read, misses 10)",
        "selling-yourself",
        "Hi Dana, I think I'd be an asset to your team. Could we talk?",
    ),
];

#[test]
fn what_the_sources_recommend_passes_clean_and_what_they_say_gets_declined_is_flagged() {
    if !node_or_skip() {
        return;
    }
    let out = flagship();
    let rules = rules(out);
    let ids: Vec<&str> = rules["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    let mut texts: Vec<String> = RECOMMENDED.iter().map(|r| r.1.to_owned()).collect();
    texts.extend(DECLINED.iter().map(|d| d.2.to_owned()));
    let (errors, flags) = run_checker(&shipped_script(out), &rules, &texts);
    assert!(errors.is_empty(), "{errors:?}");
    let flagged = |i: usize| -> Vec<String> {
        flags[i]
            .iter()
            .map(|f| format!("`{}` ({})", f[0].as_str().unwrap_or_default(), f[2]))
            .collect()
    };
    let mut wrong = Vec::new();
    for (i, (source, text)) in RECOMMENDED.iter().enumerate() {
        if !flags[i].is_empty() {
            wrong.push(format!(
                "recommended by {source}, but flagged by {}:\n    {text}",
                flagged(i).join(", ")
            ));
        }
    }
    for (k, (source, rule, text)) in DECLINED.iter().enumerate() {
        if !ids.contains(rule) {
            wrong.push(format!(
                "no rule `{rule}` in rules.json (declined per {source})"
            ));
            continue;
        }
        let i = RECOMMENDED.len() + k;
        if !flags[i].iter().any(|f| f[0].as_str() == Some(*rule)) {
            wrong.push(format!(
                "declined per {source}, but `{rule}` does not flag it (flags: {:?}):\n    {text}",
                flagged(i)
            ));
        }
    }
    // Every rule is shown to fire on a line some source says gets declined.
    for id in &ids {
        if !DECLINED.iter().any(|d| d.1 == *id) {
            wrong.push(format!("rule `{id}` has no declined line from a source"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// What each rule's message tells the reader to do instead, written as a
/// line that does it: (rule, words of its message, the line). A message
/// must never promise a way out its own pattern flags, so whenever a
/// message contains the words, the line must not raise that rule. Every
/// rule's message is covered by at least one row. Rows whose words a
/// message no longer contains are kept as guards: they fail again if the
/// promise returns while the pattern still flags it.
const ADVICE: &[(&str, &str, &str)] = &[
    (
        "placeholder",
        "fill in every slot",
        "Hi Dana, your post on async code reviews stuck with me. How do you keep them that fast?",
    ),
    (
        "too-long",
        "300 characters",
        "Hi Grace, your post on Norrland's storage site explained grid balancing well. What surprised your team most?",
    ),
    (
        "nothing-specific",
        "name a post, project, talk, or a person or school you share",
        "Hi Dana, your post on quarantining flaky tests within a day changed how my team triages failures. How did you get developers to agree to it?",
    ),
    (
        "nothing-specific",
        "name a post, project, talk, or a person or school you share",
        "Hi Dana, Sam Patel suggested I get in touch; we worked together at Tallis for three years. I'm curious how the QA team is organized.",
    ),
    (
        "nothing-specific",
        "name a post, project, talk, or a person or school you share",
        "Hi Ben, fellow Ohio State engineering grad here. The switch from civil engineering into software is the one I'm making now. What helped most?",
    ),
    (
        "nothing-specific",
        "to a recruiter, the role they posted",
        "Hi Jordan, I saw you're recruiting for the Senior QA Engineer role at Lumen. I've spent six years in test automation. Would you be open to connecting?",
    ),
    (
        "nothing-specific",
        "to a recruiter, the role they posted",
        "Hi Jordan, I applied to the senior QA role at Lumen. I have six years of test automation experience at Tallis. Would you be open to connecting?",
    ),
    (
        "nothing-specific",
        "before you apply, your question about the role",
        "Hi Dana, before I apply for the QA role, could you tell me whether it is open to remote candidates?",
    ),
    (
        "nothing-specific",
        "in Careery's one nudge, that your earlier message may have got buried",
        "Hi Dana, just making sure my earlier message didn't get lost in a busy week. No worries at all if you haven't had time!",
    ),
    (
        "love-to-connect",
        "say instead what you would like to learn or follow",
        "I'd like to follow your thinking on flaky tests.",
    ),
    (
        "expand-network",
        "say what about their work draws you",
        "Your write-up on quarantining flaky tests is what draws me to your team's work.",
    ),
    (
        "came-across-profile",
        "say what you found in their work",
        "I found your write-up on flaky tests while researching test quarantine, and it answered questions I'd had for months.",
    ),
    (
        "pick-your-brain",
        "ask one narrow question",
        "How do you decide when a flaky test gets quarantined?",
    ),
    (
        "learn-from-experience",
        "ask one narrow question",
        "What made the biggest difference when you moved from support into engineering management?",
    ),
    (
        "finds-you-well",
        "open with one specific detail about them",
        "Your post on async reviews changed how my team works.",
    ),
    (
        "love-your-company",
        "point to a piece of their team's work instead",
        "The accessibility audit your team published for the Harbor app was thorough.",
    ),
    (
        "too-formal",
        "LinkedIn is conversational",
        "Hi Helen, your thread on training warehouse staff with short videos was great. How did you get supervisors on board?",
    ),
    (
        "open-to-opportunities",
        "saving your job search for later",
        "I've really enjoyed these exchanges. If a role on your team ever fits my background, I'd be glad to be considered.",
    ),
    (
        "open-to-opportunities",
        "tie it to their team or the role you want",
        "Hi Dana, I've really valued our talks. I'm now looking for my next QA lead role, and I'd be glad to be considered if something opens up on your team.",
    ),
    (
        "leading-with-i-applied",
        "open with something about them and mention the application after",
        "Hi Dev, your line in the posting about shipping weekly matches how I ran my last roadmap. I just applied for the PM role.",
    ),
    // A way out the message once offered; the pattern flags it.
    (
        "leading-with-i-applied",
        "tie the application to their work in the same breath",
        "Hi Dev, I just applied for the PM role because your line about shipping weekly is how I ran my last roadmap.",
    ),
    (
        "selling-yourself",
        "show the match with one concrete parallel from your work instead",
        "At Tallis I cut release testing from three days to one, much like your team's push for weekly releases.",
    ),
    (
        "buzzwords",
        "pick one experience that links to their work",
        "I set up cross-dock routing for a site the size of your new Leeds hub.",
    ),
    (
        "review-my-application",
        "your application reaches them anyway",
        "Thanks for connecting, Lena. How does your team decide when a project needs a diary study?",
    ),
    (
        "resume-attached",
        "it duplicates your application",
        "Thanks for connecting, Omar. This case study on pausing subscriptions made me think of your post on churn.",
    ),
    (
        "asking-a-favor",
        "engage with their work first",
        "Your point about pairing every new hire with a buddy matches what I saw at my last job.",
    ),
    (
        "pressing-for-a-meeting",
        "ask once and leave the timing to them",
        "If you ever have 15 minutes for a call, I'd like to hear how you planned the rota. No worries if it's a busy month.",
    ),
    (
        "minutes-after-applying",
        "let the application land first",
        "I applied for the analyst role last week, and I'm curious which metric your team argues about most.",
    ),
    (
        "frustration",
        "send one friendly nudge",
        "Just bumping my message from last week in case it got buried. No worries if you're busy.",
    ),
    (
        "repeated-follow-ups",
        "one polite nudge after about a week",
        "Hi Sam, a quick nudge on my question from last week, in case it slipped past.",
    ),
    (
        "going-around-process",
        "use the channel the posting names",
        "Hi Jordan, the posting says to contact you directly with questions, so here is mine: what does the team value that the posting doesn't mention?",
    ),
    (
        "arguing-a-rejection",
        "ask what you could have done better",
        "Thanks again for the interview. What could I have done better?",
    ),
    // Issue #20, seventeenth read: the reworded messages.
    (
        "frustration",
        "ask the recruiter where it stands",
        "Hi Jordan, could you tell me where my application for the Senior Analyst role stands?",
    ),
    (
        "frustration",
        "the one friendly nudge for a message of yours",
        "Hi Sam, just bumping my message from last week about your forecasting post in case it got buried. No worries if you're busy.",
    ),
    (
        "leading-with-i-applied",
        "name the role they posted by its title",
        "Hi Jordan, I've applied for the Senior QA Engineer role at Lumen. I have six years in QA engineering.",
    ),
];

#[test]
fn every_rules_advice_passes_that_rule() {
    if !node_or_skip() {
        return;
    }
    let out = flagship();
    let rules = rules(out);
    let list = rules["rules"].as_array().expect("rules");
    let message = |id: &str| -> Option<String> {
        list.iter()
            .find(|r| r["id"] == id)
            .and_then(|r| r["message"].as_str())
            .map(str::to_owned)
    };
    let mut wrong = Vec::new();
    for r in list {
        let id = r["id"].as_str().unwrap_or_default();
        let m = r["message"].as_str().unwrap_or_default();
        if !ADVICE.iter().any(|a| a.0 == id && m.contains(a.1)) {
            wrong.push(format!(
                "rule `{id}`: no row in ADVICE writes out what its message advises:\n    {m}"
            ));
        }
    }
    let texts: Vec<String> = ADVICE.iter().map(|a| a.2.to_owned()).collect();
    let (errors, flags) = run_checker(&shipped_script(out), &rules, &texts);
    assert!(errors.is_empty(), "{errors:?}");
    for ((id, words, text), got) in ADVICE.iter().zip(&flags) {
        let Some(m) = message(id) else {
            wrong.push(format!("no rule `{id}` in rules.json"));
            continue;
        };
        if !m.contains(words) {
            continue;
        }
        if got.iter().any(|f| f[0].as_str() == Some(*id)) {
            wrong.push(format!(
                "`{id}` says \"{words}\", but flags a line that does just that:\n    {text}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Channels whose text a reader pastes into the checker, which counts
/// against a connection note's 300 characters: notes, and the messages
/// sent once the manager has accepted.
pub(super) fn pasted_into_checker(channel: Channel) -> bool {
    matches!(channel, Channel::ConnectionNote | Channel::Message)
}

/// The examples in a template's notes: each "**Label** (N characters):"
/// line and the blockquote after it, as (label, stated count, text). The
/// first is the template filled in ("**Filled in**"); later ones show a
/// variant the notes describe.
fn examples_in(notes: &str) -> Vec<(String, usize, String)> {
    let lines: Vec<&str> = notes.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let l = l.trim_start();
        let Some(rest) = l.strip_prefix("**") else {
            continue;
        };
        let Some((label, tail)) = rest.split_once("** (") else {
            continue;
        };
        let Some(count) = tail
            .strip_suffix(" characters):")
            .and_then(|n| n.parse().ok())
        else {
            continue;
        };
        let quoted: Vec<String> = lines[i + 1..]
            .iter()
            .skip_while(|l| l.trim().is_empty())
            .take_while(|l| l.trim_start().starts_with('>'))
            .map(|l| {
                let l = l.trim_start().trim_start_matches('>');
                let l = l.strip_prefix(' ').unwrap_or(l);
                // A trailing backslash is a Markdown line break inside a paragraph.
                l.strip_suffix('\\').unwrap_or(l).to_owned()
            })
            .collect();
        if !quoted.is_empty() {
            out.push((label.to_owned(), count, quoted.join("\n")));
        }
    }
    out
}

/// Words that read wrong once a placeholder is filled in: "[Role] opening"
/// becomes "Senior QA Engineer role opening".
fn reads_wrong(text: &str) -> Option<String> {
    let doubled = regex::Regex::new(
        r"(?i)\b(?:role|opening|position|job|vacancy)\s+(?:role|opening|position|job|vacancy)\b",
    )
    .expect("regex");
    doubled.find(text).map(|m| m.as_str().to_owned())
}

/// A template's example, for the checker: which template and example it is,
/// whether a reader pastes it into the checker (where its length counts),
/// and its text.
type Example = (String, bool, String);

#[test]
fn every_template_shows_a_filled_in_example_with_its_true_count() {
    if !node_or_skip() {
        return;
    }
    let out = flagship();
    let data = flagship_data();
    let rules = rules(out);
    let checker_limit = rules["limit"].as_u64().expect("limit") as usize;
    let placeholder = regex::Regex::new(r"\[[^\[\]]+\]").expect("regex");
    let mut problems = Vec::new();
    let mut examples = Vec::new();
    for t in &data.templates {
        let t = &t.rec;
        let found = t.notes.as_deref().map(examples_in).unwrap_or_default();
        let Some((first, _, filled)) = found.first() else {
            problems.push(format!(
                "template `{}` has no \"**Filled in** (N characters):\" example in its notes",
                t.id
            ));
            continue;
        };
        problems.extend(first_example_problems(t, first, filled, &placeholder));
        for (label, stated, example) in &found {
            let what = format!("template `{}`, example \"{label}\"", t.id);
            problems.extend(example_problems(
                t,
                &what,
                *stated,
                example,
                &placeholder,
                checker_limit,
            ));
            examples.push((what, pasted_into_checker(t.channel), example.clone()));
        }
    }
    problems.extend(checker_flags(out, &rules, &examples));
    // Every template filled in from FILL reads right too.
    for t in &data.templates {
        if let Ok(text) = fill(&t.rec.text)
            && let Some(words) = reads_wrong(&text)
        {
            problems.push(format!(
                "template `{}` reads \"{words}\" once filled in",
                t.rec.id
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A template's first example is labelled "Filled in" and is the template
/// with each placeholder filled in.
fn first_example_problems(
    t: &data::Template,
    first: &str,
    filled: &str,
    placeholder: &regex::Regex,
) -> Vec<String> {
    let mut problems = Vec::new();
    if first != "Filled in" {
        problems.push(format!(
            "template `{}`: the first example is \"{first}\", not \"Filled in\"",
            t.id
        ));
    }
    // The first example is this template with each placeholder filled in.
    let mut pattern = String::from("(?s)^");
    let mut last = 0;
    for m in placeholder.find_iter(&t.text) {
        pattern.push_str(&regex::escape(&t.text[last..m.start()]));
        pattern.push_str(".+?");
        last = m.end();
    }
    pattern.push_str(&regex::escape(&t.text[last..]));
    pattern.push('$');
    if !regex::Regex::new(&pattern)
        .expect("pattern")
        .is_match(filled)
    {
        problems.push(format!(
            "template `{}`: the example is not the template filled in:\n    {filled}",
            t.id
        ));
    }
    problems
}

/// One example in a template's notes (`what` names it): no placeholder
/// left, nothing that reads wrong, its stated count true, within the
/// template's limit and, if pasted into the checker, within the checker's.
fn example_problems(
    t: &data::Template,
    what: &str,
    stated: usize,
    example: &str,
    placeholder: &regex::Regex,
    checker_limit: usize,
) -> Vec<String> {
    let mut problems = Vec::new();
    if placeholder.is_match(example) {
        problems.push(format!("{what} still has a placeholder"));
    }
    if let Some(words) = reads_wrong(example) {
        problems.push(format!("{what} reads \"{words}\" once filled in"));
    }
    // Counted as the build counts: code points.
    let count = example.chars().count();
    if count != stated {
        problems.push(format!(
            "{what}: the notes say {stated} characters, the example has {count}"
        ));
    }
    if let Some(limit) = t.limit()
        && count > limit
    {
        problems.push(format!(
            "{what} has {count} characters, over its limit of {limit}"
        ));
    }
    // A reader pastes notes and messages into the checker, whose
    // counter is the connection note's: there the example must fit.
    if pasted_into_checker(t.channel) && count > checker_limit {
        problems.push(format!(
            "{what} has {count} characters; pasted into the checker it is over its {checker_limit}"
        ));
    }
    problems
}

/// The shipped checker raises no flag on any example; its length flag
/// counts only for examples a reader pastes into it.
fn checker_flags(out: &Output, rules: &Value, examples: &[Example]) -> Vec<String> {
    let texts: Vec<String> = examples.iter().map(|e| e.2.clone()).collect();
    let (errors, flags) = run_checker(&shipped_script(out), rules, &texts);
    assert!(errors.is_empty(), "{errors:?}");
    let mut problems = Vec::new();
    for ((what, pasted, text), got) in examples.iter().zip(&flags) {
        let got: Vec<&Value> = got
            .iter()
            .filter(|f| *pasted || f[1].as_str() != Some("length"))
            .collect();
        if !got.is_empty() {
            problems.push(format!(
                "{what}: the checker flags it with {got:?}:\n    {text}"
            ));
        }
    }
    problems
}

#[test]
fn characters_are_counted_as_linkedin_counts_them() {
    if !node_or_skip() {
        return;
    }
    let out = flagship();
    let rules = rules(out);
    let specific =
        "Hi Dana, your post on async code reviews was useful. How do you keep reviews short?";
    let texts: Vec<String> = vec![
        "é".repeat(300),
        "é".repeat(301),
        "👋".repeat(300),
        "👋".repeat(301),
        specific.into(),
        format!("{specific} [Name]"),
        String::new(),
        "   \n".into(),
    ];
    let (errors, flags) = run_checker(&shipped_script(out), &rules, &texts);
    assert!(errors.is_empty(), "{errors:?}");
    let ids = |i: usize| -> Vec<&str> { flags[i].iter().filter_map(|f| f[0].as_str()).collect() };
    assert!(
        !ids(0).contains(&"too-long"),
        "300 characters fit: {:?}",
        ids(0)
    );
    assert!(
        ids(1).contains(&"too-long"),
        "301 accented letters are over"
    );
    assert!(
        !ids(2).contains(&"too-long"),
        "an emoji is one character, not two UTF-16 units"
    );
    assert!(ids(3).contains(&"too-long"));
    assert_eq!(ids(4), Vec::<&str>::new(), "a specific note raises no flag");
    assert_eq!(ids(5), vec!["placeholder"]);
    assert_eq!(flags[5][0][2], "[Name]", "a flag carries what matched");
    assert!(
        ids(6).is_empty() && ids(7).is_empty(),
        "an empty box raises no flag"
    );
}

#[test]
fn rules_json_has_every_rule_with_its_case() {
    let out = flagship();
    let data = flagship_data();
    let rules = rules(out);
    assert_eq!(rules["limit"], 300);
    let list = rules["rules"].as_array().expect("rules");
    assert_eq!(list.len(), data.checks.len());
    assert!(
        list.len() >= 20,
        "the flagship has the rules the articles name"
    );
    for r in list {
        let case = r["case"]["url"].as_str().expect("case url");
        let id = case.rsplit('#').next().unwrap_or_default();
        assert!(case.starts_with("/cases/#"), "{r}");
        assert!(
            crate::common::ids(&out.page("/cases/")).contains(id),
            "{case} is an anchor of the cases page"
        );
        assert!(
            r["message"].as_str().is_some_and(|m| m.ends_with('.')),
            "{r}"
        );
        assert!(r["title"].is_string(), "{r}");
    }
}

#[test]
fn the_check_page_lists_every_rule_without_javascript() {
    let out = flagship();
    let data = flagship_data();
    let page = out.page("/check/");
    let main = main_of(&page);
    assert!(
        main.contains("never sent anywhere or saved"),
        "the page says the note stays private"
    );
    for r in &data.checks {
        let c = &r.rec;
        let message = c.message.replace('\'', "&#39;").replace('"', "&quot;");
        assert!(
            main.contains(&c.message) || main.contains(&message),
            "the rule list lacks `{}`'s message",
            c.id
        );
        assert!(
            crate::common::ids(main).contains(&c.id),
            "the rule `{}` has an anchor for @check: links",
            c.id
        );
    }
    let all = tags(&page);
    let scripts: Vec<_> = all.iter().filter(|t| t.name == "script").collect();
    for s in &scripts {
        assert!(
            s.attr("src").is_some() || s.attr("type") == Some("application/ld+json"),
            "no inline script: {s:?}"
        );
    }
    assert!(
        scripts.iter().any(|s| s
            .attr("src")
            .is_some_and(|src| src.contains("/assets/checker."))),
        "the page loads checker.js"
    );
    let form = all
        .iter()
        .find(|t| t.attr("data-checker-form").is_some())
        .expect("the checker's form");
    assert!(
        form.attr("hidden").is_some(),
        "the form waits for JavaScript"
    );
    let textarea = all
        .iter()
        .find(|t| t.name == "textarea")
        .expect("a text box");
    let id = textarea.attr("id").expect("the text box has an id");
    assert!(
        all.iter()
            .any(|t| t.name == "label" && t.attr("for") == Some(id)),
        "the text box has a label"
    );
    assert!(
        all.iter().any(|t| t.attr("aria-live") == Some("polite")),
        "a polite live region"
    );
    // Linked from the menu and from the browse list on the home page.
    assert!(
        crate::common::hrefs(&out.page("/"))
            .iter()
            .any(|h| h == "/check/")
    );
    // Other pages do not load the script.
    for other in ["/", "/cases/", "/templates/"] {
        assert!(
            !out.page(other).contains("/assets/checker."),
            "{other} loads checker.js"
        );
    }
}

#[test]
fn the_checker_shortcode_embeds_the_checker_and_loads_its_script() {
    let site = TestSite::new("basic");
    site.write(
        "content/data/checks.yaml",
        "- id: stock-line\n  title: A stock line\n  pattern: 'love to connect'\n  message: It could go to anyone.\n  case: blank-request\n",
    )
    .write(
        "content/guides/check-it.md",
        "---\ntitle: Check it\n---\n\nBefore you send:\n\n{{ checker() }}\n",
    );
    site.build(&["--quiet"]).success();
    let out = site.out();
    let page = out.page("/guides/check-it/");
    let main = main_of(&page);
    let all = tags(main);
    let root = all
        .iter()
        .find(|t| t.attr("data-checker").is_some())
        .expect("the shortcode renders the checker");
    assert_eq!(root.attr("data-checker"), Some("/check/rules.json"));
    assert!(out.exists("check/rules.json") && out.exists("check/index.html"));
    assert!(
        crate::common::hrefs(main)
            .iter()
            .any(|h| h == "/check/#rules"),
        "without JavaScript the shortcode links to the list of rules"
    );
    assert!(
        all.iter().any(|t| t.name == "script"
            && t.attr("src")
                .is_some_and(|s| s.contains("/assets/checker."))),
        "the page with the shortcode loads checker.js"
    );
    assert!(crate::common::broken_links(&out.dir, "https://fixture.example/").is_empty());
}

#[test]
fn a_site_without_rules_has_no_check_page_and_refuses_the_shortcode() {
    let site = TestSite::new("basic");
    site.build(&["--quiet"]).success();
    assert!(!site.out().exists("check/index.html"));
    assert!(!site.out().read("sitemap.xml").contains("/check/"));
    site.write(
        "content/guides/check-it.md",
        "---\ntitle: Check it\n---\n\n{{ checker() }}\n",
    );
    site.build(&["--quiet"])
        .failure()
        .at("content/guides/check-it.md:5:")
        .says("the message checker has no rules")
        .hinted();
}

#[test]
fn a_bad_rule_is_reported_with_file_line_and_column() {
    let site = TestSite::new("basic");
    site.write(
        "content/data/checks.yaml",
        "- id: ok\n  title: Fine\n  pattern: 'fine'\n  message: M.\n  case: blank-request\n\n- id: broken\n  title: Broken\n  pattern: 'pick (your brain'\n  message: M.\n  case: blank-requests\n",
    );
    site.check(&[])
        .failure()
        .at("content/data/checks.yaml:9:18")
        .says("the pattern of check `broken` does not compile: unclosed group")
        .at("content/data/checks.yaml:11:9")
        .says("did you mean `blank-request`?")
        .hinted()
        .problems(2);
}

/// What the connection-request guide says the checker does (issue #20,
/// third read: it once said the checker flagged every phrase in its list,
/// and one it never flagged). Every line of its "Phrases to cut" list links
/// to a rule, and each phrase the line quotes is flagged by that rule.
#[test]
fn the_phrases_the_guide_says_the_checker_flags_are_flagged_by_their_rule() {
    if !node_or_skip() {
        return;
    }
    let out = flagship();
    let problems =
        phrases_to_cut_problems(out, &rules(out), "content/guides/connection-request.md");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The claims of a connection-request guide's "Phrases to cut" list (at
/// `guide`, from the crate root) that `rules` does not keep: every line
/// links a rule, quotes a phrase, and that rule flags the phrase.
pub(super) fn phrases_to_cut_problems(out: &Output, rules: &Value, guide: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(guide);
    let text = std::fs::read_to_string(&path).expect("read the guide");
    let start = text
        .find("{#phrases-to-cut}")
        .expect("the guide has a #phrases-to-cut section");
    let section = &text[start..];
    let section = &section[..section[1..].find("\n## ").map_or(section.len(), |e| e + 1)];
    let rule = regex::Regex::new(r"@check:([a-z0-9-]+)").expect("regex");
    let quoted = regex::Regex::new(r#""([^"]+)""#).expect("regex");
    let mut claims: Vec<(String, String)> = Vec::new();
    let mut problems = Vec::new();
    for line in section.lines().filter(|l| l.starts_with("- ")) {
        let Some(id) = rule.captures(line).map(|c| c[1].to_owned()) else {
            problems.push(format!(
                "a line names no rule it is flagged by:\n    {line}"
            ));
            continue;
        };
        let phrases: Vec<String> = quoted
            .captures_iter(line)
            .map(|c| c[1].to_owned())
            .collect();
        if phrases.is_empty() {
            problems.push(format!("a line quotes no phrase for `{id}`:\n    {line}"));
        }
        claims.extend(phrases.into_iter().map(|p| (id.clone(), p)));
    }
    assert!(claims.len() >= 5, "the list has its phrases: {claims:?}");
    let texts: Vec<String> = claims.iter().map(|c| c.1.clone()).collect();
    let (errors, flags) = run_checker(&shipped_script(out), rules, &texts);
    assert!(errors.is_empty(), "{errors:?}");
    for ((id, phrase), got) in claims.iter().zip(&flags) {
        if !got.iter().any(|f| f[0].as_str() == Some(id.as_str())) {
            problems.push(format!(
                "the guide says `{id}` flags “{phrase}”, but it raises {got:?}"
            ));
        }
    }
    problems
}
