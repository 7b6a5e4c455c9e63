//! Sites in several languages (#18), on `tests/fixtures/multilingual`:
//! English by default, Spanish translating the home page, one of two
//! guides, one FAQ and the tree, Chinese and Arabic a page each.

use crate::common::{Output, TestSite, broken_links, tags};

const BASE: &str = "https://example.org/kb/";

fn built() -> (TestSite, Output) {
    let site = TestSite::new("multilingual");
    site.build(&[]).success();
    let out = site.out();
    (site, out)
}

/// The `href` of every `<link rel=alternate hreflang>` of a page, by language.
fn alternates(html: &str) -> Vec<(String, String)> {
    tags(html)
        .into_iter()
        .filter(|t| {
            t.name == "link" && t.attr("rel") == Some("alternate") && t.attr("hreflang").is_some()
        })
        .map(|t| {
            (
                t.attr("hreflang").unwrap().to_owned(),
                t.attr("href").unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[test]
fn each_language_writes_what_it_translated_under_its_prefix_and_nothing_else() {
    let (_site, out) = built();
    for page in [
        "es/index.html",
        "es/guides/timing/index.html",
        "es/faq/index.html",
        "zh/guides/timing/index.html",
        "ar/guides/timing/index.html",
    ] {
        assert!(out.exists(page), "{page}");
    }
    // Not translated: not written again.
    for page in [
        "es/guides/tone/index.html",
        "zh/guides/index.html",
        "es/cases/index.html",
        "zh/decide/pick/index.html",
    ] {
        assert!(
            !out.exists(page),
            "{page} is a copy of the default language's page"
        );
    }
    // A translated tree's steps follow its own labels.
    assert!(out.exists("es/decide/pick/si/si/index.html"));
    // Every link of every language resolves.
    let broken = broken_links(&out.dir, BASE);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn lists_and_links_send_readers_to_the_default_language_for_what_is_not_translated() {
    let (_site, out) = built();
    let guides = out.page("/es/guides/");
    let hrefs = crate::common::hrefs(&guides);
    assert!(
        hrefs.contains(&"/kb/es/guides/timing/".to_owned()),
        "{hrefs:?}"
    );
    assert!(
        hrefs.contains(&"/kb/guides/tone/".to_owned()),
        "the untranslated guide is listed, in English: {hrefs:?}"
    );
    // Links written in a translation lead to the same language's page when
    // there is one, else to the original.
    let timing = out.page("/es/guides/timing/");
    let links = crate::common::hrefs(&timing);
    assert!(
        links.contains(&"/kb/es/faq/#how-long".to_owned()),
        "{links:?}"
    );
    assert!(links.contains(&"/kb/guides/tone/".to_owned()), "{links:?}");
    // The Chinese edition has no guides section: its menu leads to English.
    let zh = out.page("/zh/guides/timing/");
    assert!(crate::common::hrefs(&zh).contains(&"/kb/guides/".to_owned()));
}

#[test]
fn translations_announce_each_other_in_the_head_and_the_sitemap() {
    let (_site, out) = built();
    let en = alternates(&out.page("/guides/timing/"));
    let expected = [
        ("en", "https://example.org/kb/guides/timing/"),
        ("es", "https://example.org/kb/es/guides/timing/"),
        ("zh", "https://example.org/kb/zh/guides/timing/"),
        ("ar", "https://example.org/kb/ar/guides/timing/"),
        ("x-default", "https://example.org/kb/guides/timing/"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
    assert_eq!(en, expected);
    // Each translation lists the same set, its canonical URL is its own.
    let es = out.page("/es/guides/timing/");
    assert_eq!(alternates(&es), expected);
    assert!(
        es.contains("rel=canonical href=https://example.org/kb/es/guides/timing/"),
        "canonical"
    );
    // A page with no translation announces none.
    assert!(alternates(&out.page("/guides/tone/")).is_empty());
    let sitemap = out.read("sitemap.xml");
    assert!(sitemap.contains(r#"xmlns:xhtml="http://www.w3.org/1999/xhtml""#));
    assert!(sitemap.contains(r#"<loc>https://example.org/kb/es/guides/timing/</loc>"#));
    assert!(sitemap.contains(r#"<xhtml:link rel="alternate" hreflang="ar" href="https://example.org/kb/ar/guides/timing/"/>"#));
    assert!(
        !sitemap.contains("/kb/es/guides/tone/"),
        "no page that does not exist"
    );
}

#[test]
fn each_language_has_its_own_feed_and_search_index() {
    let (_site, out) = built();
    let es = out.read("es/atom.xml");
    assert!(
        es.contains("Cuándo enviarlo") && !es.contains("What to write"),
        "{es}"
    );
    assert!(out.read("atom.xml").contains("What to write"));
    for prefix in ["", "es/", "zh/", "ar/"] {
        assert!(
            out.exists(&format!("{prefix}search/manifest.json")),
            "{prefix}"
        );
    }
}

#[test]
fn pages_carry_their_language_and_direction() {
    let (_site, out) = built();
    let html_tag = |url: &str| {
        tags(&out.page(url))
            .into_iter()
            .find(|t| t.name == "html")
            .map(|t| {
                (
                    t.attr("lang").unwrap_or("").to_owned(),
                    t.attr("dir").unwrap_or("").to_owned(),
                )
            })
            .unwrap()
    };
    assert_eq!(html_tag("/"), ("en".to_owned(), "ltr".to_owned()));
    assert_eq!(
        html_tag("/es/guides/timing/"),
        ("es".to_owned(), "ltr".to_owned())
    );
    assert_eq!(
        html_tag("/ar/guides/timing/"),
        ("ar".to_owned(), "rtl".to_owned())
    );
    assert_eq!(html_tag("/zh/"), ("zh".to_owned(), "ltr".to_owned()));
}

#[test]
fn a_translation_must_match_its_original() {
    // A record whose id the default language lacks, and a tree whose
    // options lead elsewhere than the original's, are errors.
    let site = TestSite::new("multilingual");
    site.write("content/es/data/faqs.yaml", "- id: how-long\n  question: ¿Cuánto?\n  answer: Poco.\n- id: nueva\n  question: ¿Nueva?\n  answer: Sí.\n");
    site.edit(
        "content/es/decisions/pick.yaml",
        "        next: specific\n      - label: \"Todavía no\"\n        next: wait",
        "        next: wait\n      - label: \"Todavía no\"\n        next: specific",
    );
    let run = site.check(&[]).failure();
    run.at("content/es/data/faqs.yaml:4:7")
        .says("no faq has the id `nueva` in the default language")
        .at("content/es/decisions/pick.yaml:5:9")
        .says("the options of `applied` lead to wait, specific here and to specific, wait in the original")
        .problems(2);
}

#[test]
fn check_tells_what_each_language_still_lacks() {
    let site = TestSite::new("multilingual");
    // A page whose original does not exist is kept and reported.
    site.write(
        "content/es/guides/solo.md",
        "---\ntitle: Solo en español\n---\n\nTexto.\n",
    );
    let run = site.check(&[]).success();
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(
        all.contains("`guides/solo.md` has no original in the default language"),
        "{all}"
    );
    assert!(
        all.contains("`zh` does not translate 3 of 4 pages"),
        "{all}"
    );
}
