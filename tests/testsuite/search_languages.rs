//! One search index per language (#18), on `tests/fixtures/multilingual`:
//! each edition's index holds its own pages, analysed in its language
//! (Snowball stems for Spanish and Arabic, pairs of letters for Chinese),
//! and the shipped `search.js`, run in Node on each index, finds what the
//! analyser put there.

use serde_json::{Value, json};

use crate::common::{Output, TestSite};
use crate::search::{node_available, run_harness_on};

fn built() -> (TestSite, Output) {
    let site = TestSite::new("multilingual");
    site.build(&["--quiet"]).success();
    let out = site.out();
    (site, out)
}

fn manifest(out: &Output, prefix: &str) -> Value {
    serde_json::from_str(&out.read(&format!("{prefix}search/manifest.json"))).unwrap()
}

#[test]
fn each_edition_records_how_its_index_was_analysed() {
    let (_site, out) = built();
    for (prefix, language, stemmer) in [
        ("", "en", json!("english")),
        ("es/", "es", json!("spanish")),
        ("zh/", "zh", Value::Null),
        ("ar/", "ar", json!("arabic")),
    ] {
        let m = manifest(&out, prefix);
        assert_eq!(m["language"], language, "{prefix}");
        assert_eq!(m["stemmer"], stemmer, "{prefix}");
        assert_eq!(m["segment"], "cjk-bigram", "{prefix}");
        // Each page's search box asks its own language's index.
        let home = out.read(&format!("{prefix}index.html"));
        assert!(
            home.contains(&format!("data-search=/kb/{prefix}search/manifest.json")),
            "{prefix}index.html names its language's manifest"
        );
    }
    // Spanish stop words, folded; none in Chinese.
    let es = manifest(&out, "es/");
    let stop: Vec<&str> = es["stop"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(stop.contains(&"de") && stop.contains(&"el"), "{stop:?}");
    assert!(!stop.contains(&"no"), "a negation is not a stop word");
    assert_eq!(manifest(&out, "zh/")["stop"], json!([]));
    // Result badges and filters in each edition's language.
    assert_eq!(es["kinds"][0], json!(["guide", "Guía"]));
    assert_eq!(es["kinds"][1], json!(["faq", "Pregunta"]));
    assert_eq!(manifest(&out, "")["kinds"][0], json!(["guide", "Guide"]));
}

/// The URLs search.js ranks for each query on the index of the edition
/// under `prefix` (`zh/`), as the results page shows them.
fn results(out: &Output, prefix: &str, queries: &[&str]) -> Vec<Vec<String>> {
    let input = json!({"queries": queries, "words": [], "first": []});
    let out = run_harness_on(&out.dir, &out.dir.join(prefix), &input);
    out["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            row["page"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u.as_str().unwrap().to_owned())
                .collect()
        })
        .collect()
}

fn skip() -> bool {
    !node_available()
        && crate::common::skip_without(
            "the search-by-language test (it runs search.js in Node)",
            "`node` is not on PATH",
            None,
            Some("CASEBOOK_SKIP_NODE"),
        )
}

#[test]
fn chinese_is_found_by_any_pair_of_letters_and_by_phrases() {
    if skip() {
        return;
    }
    let (_site, out) = built();
    // The guide says 人工智能研究团队的招聘经理通常很忙。
    let queries = [
        "智能",
        "招聘经理通常很忙",
        "人工智能 经理",
        "忙",
        "能人",
        "申请",
    ];
    let got = results(&out, "zh/", &queries);
    let guide = "/kb/zh/guides/timing/#applied";
    for (q, urls) in queries.iter().zip(&got) {
        match *q {
            "能人" => assert!(urls.is_empty(), "{q:?}: no text has this pair: {urls:?}"),
            "申请" => assert!(
                urls.iter().any(|u| u.starts_with("/kb/zh/")),
                "{q:?}: {urls:?}"
            ),
            _ => assert_eq!(
                urls.first().map(String::as_str),
                Some(guide),
                "{q:?}: {urls:?}"
            ),
        }
    }
    // The English index has none of it.
    let en = results(&out, "", &["招聘经理"]);
    assert!(
        en[0].iter().all(|u| !u.starts_with("/kb/zh/")),
        "{:?}",
        en[0]
    );
}

#[test]
fn spanish_is_found_by_its_stems() {
    if skip() {
        return;
    }
    let (_site, out) = built();
    // The home page says "detalles" and "cortas" only; the guide
    // "contactar" and "contactan"; a guide list "corta".
    let queries = ["detalle", "contacto", "corta"];
    let got = results(&out, "es/", &queries);
    assert_eq!(
        got[0].first().map(String::as_str),
        Some("/kb/es/"),
        "{:?}",
        got[0]
    );
    assert!(
        got[1]
            .iter()
            .any(|u| u.starts_with("/kb/es/guides/timing/")),
        "{:?}",
        got[1]
    );
    assert!(got[2].contains(&"/kb/es/".to_owned()), "{:?}", got[2]);
    assert!(
        got.iter().flatten().all(|u| u.starts_with("/kb/es/")),
        "{got:?}"
    );
}
