//! The flagship knowledge base keeps the promises of issue #3: enough of
//! every kind of record, guides of a useful length, and no sentence copied
//! from the source articles outside attributed quotes.

use std::path::Path;
use std::process::Command;

use casebook::build::{Options, compile, load};

fn flagship() -> casebook::build::Built {
    let opts = Options {
        root: Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf(),
        no_minify: true,
        ..Options::default()
    };
    compile(load(&opts).expect("load"), &opts)
        .unwrap_or_else(|e| panic!("the flagship builds without problems:\n{e}"))
        .0
}

#[test]
fn flagship_has_enough_of_every_record_kind() {
    let site = flagship().site;
    let d = &site.data;
    assert!(d.cases.len() >= 24, "cases: {}", d.cases.len());
    assert_eq!(d.quotes.len(), 9, "all nine experts of the round-up");
    assert!(d.faqs.len() >= 24, "faqs: {}", d.faqs.len());
    assert!(d.templates.len() >= 14, "templates: {}", d.templates.len());
    assert_eq!(d.sources.len(), 5, "the five articles");
    let tree = site
        .trees
        .iter()
        .find(|t| t.id == "should-i-message")
        .expect("the flagship tree");
    assert!(tree.def.questions.len() >= 9 && tree.def.outcomes.len() >= 7);
    // Every stance is represented, so readers see the disagreement.
    for stance in ["for", "against", "it-depends"] {
        assert!(
            d.quotes
                .iter()
                .any(|q| serde_json::to_value(q.rec.stance).unwrap() == stance),
            "{stance}"
        );
    }
    // Every connection note fits LinkedIn's 300 characters.
    for t in &d.templates {
        if let Some(limit) = t.rec.limit() {
            assert!(t.rec.text.chars().count() <= limit, "{}", t.rec.id);
        }
    }
    eprintln!(
        "flagship: {} cases, {} quotes, {} faqs, {} templates, {} sources, tree with {} questions and {} outcomes",
        d.cases.len(),
        d.quotes.len(),
        d.faqs.len(),
        d.templates.len(),
        d.sources.len(),
        tree.def.questions.len(),
        tree.def.outcomes.len()
    );
}

#[test]
fn flagship_guides_are_substantial_and_cite_sources() {
    let site = flagship().site;
    let guides: Vec<_> = site
        .pages
        .iter()
        .filter(|p| p.path.starts_with("guides/") && !p.is_section)
        .collect();
    assert!(guides.len() >= 7, "guides: {}", guides.len());
    for g in guides {
        let words = g.rendered.words;
        assert!(
            (600..=1600).contains(&words),
            "{} has {words} words",
            g.path
        );
        assert!(!g.fm.sources.is_empty(), "{} names its sources", g.path);
        let uses_records = !g.rendered.shortcodes.is_empty() || g.body().contains("](@");
        assert!(
            uses_records,
            "{} brings in records with shortcodes or @ links",
            g.path
        );
    }
}

#[test]
fn no_ten_word_run_is_copied_from_the_sources() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = root.join("../shared/seeds");
    if !seeds.is_dir() {
        let missing = format!("the source articles are not at {}", seeds.display());
        if crate::common::skip_without("the copied-sentence check", &missing, None, None) {
            return;
        }
    }
    let out = Command::new("python3")
        .arg(root.join("scripts/overlap.py"))
        .args(["--words", "10", "--seeds"])
        .arg(&seeds)
        .arg(root.join("content"))
        .output()
        .expect("python3 runs scripts/overlap.py");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "runs of 10+ words shared with the articles:\n{text}"
    );
    assert!(text.contains("0 shared run(s)"), "{text}");
}
