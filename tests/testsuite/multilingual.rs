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
    // (The minifier writes attributes in its own order: read the tag.)
    let canonical: Vec<String> = tags(&es)
        .into_iter()
        .filter(|t| t.name == "link" && t.attr("rel") == Some("canonical"))
        .map(|t| t.attr("href").unwrap_or("").to_owned())
        .collect();
    assert_eq!(canonical, ["https://example.org/kb/es/guides/timing/"]);
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
        all.contains("`zh` does not translate 2 of 4 pages (guides/_index.md, guides/tone.md)"),
        "{all}"
    );
}

/// The language switcher of a page: (hreflang, href, lang, current) of each
/// link, in order.
fn switcher(html: &str) -> Vec<(String, String, String, bool)> {
    let start = html.find("lang-switch").expect("a language switcher");
    let end = start + html[start..].find("</nav>").expect("the switcher's end");
    tags(&html[start..end])
        .into_iter()
        .filter(|t| t.name == "a")
        .map(|t| {
            (
                t.attr("hreflang").unwrap_or("").to_owned(),
                t.attr("href").unwrap_or("").to_owned(),
                t.attr("lang").unwrap_or("").to_owned(),
                t.attr("aria-current") == Some("page"),
            )
        })
        .collect()
}

fn owned(links: &[(&str, &str, bool)]) -> Vec<(String, String, String, bool)> {
    links
        .iter()
        .map(|(code, href, current)| {
            (
                (*code).to_owned(),
                (*href).to_owned(),
                (*code).to_owned(),
                *current,
            )
        })
        .collect()
}

#[test]
fn the_switcher_leads_to_the_same_page_in_each_language_else_to_its_home() {
    let (_site, out) = built();
    assert_eq!(
        switcher(&out.page("/es/guides/timing/")),
        owned(&[
            ("en", "/kb/guides/timing/", false),
            ("es", "/kb/es/guides/timing/", true),
            ("zh", "/kb/zh/guides/timing/", false),
            ("ar", "/kb/ar/guides/timing/", false),
        ])
    );
    // Not translated: each other language's home page.
    assert_eq!(
        switcher(&out.page("/guides/tone/")),
        owned(&[
            ("en", "/kb/guides/tone/", true),
            ("es", "/kb/es/", false),
            ("zh", "/kb/zh/", false),
            ("ar", "/kb/ar/", false),
        ])
    );
    // Each language is named in its own words, Arabic marked right to left.
    let ar = out.page("/ar/");
    assert!(ar.contains(">Español<") && ar.contains(">العربية<"), "{ar}");
    let arabic = tags(&ar)
        .into_iter()
        .find(|t| t.name == "a" && t.attr("hreflang") == Some("ar") && t.attr("lang").is_some())
        .expect("the switcher's Arabic link");
    assert_eq!(arabic.attr("dir"), None, "the page is already rtl");
    let en = out.page("/");
    let arabic = tags(&en)
        .into_iter()
        .find(|t| t.name == "a" && t.attr("hreflang") == Some("ar") && t.attr("lang").is_some())
        .expect("the switcher's Arabic link");
    assert_eq!(arabic.attr("dir"), Some("rtl"));
}

#[test]
fn a_site_in_one_language_has_no_switcher_and_no_alternates() {
    let site = TestSite::new("basic");
    site.build(&[]).success();
    let home = site.out().page("/");
    assert!(!home.contains("lang-switch"), "{home}");
    assert!(alternates(&home).is_empty());
}

#[test]
fn what_is_not_translated_is_marked_with_its_language_and_a_note_in_the_readers() {
    let (_site, out) = built();
    let guides = out.page("/es/guides/");
    let tone = tags(&guides)
        .into_iter()
        .find(|t| t.name == "a" && t.attr("href") == Some("/kb/guides/tone/"))
        .expect("the English guide is listed");
    assert_eq!(
        (tone.attr("hreflang"), tone.attr("lang")),
        (Some("en"), Some("en"))
    );
    assert!(guides.contains("aún sin traducir"), "{guides}");
    // A question shown in English on the Spanish list says so in Spanish,
    // and its text carries English.
    let faq = out.page("/es/faq/");
    let follow_up = tags(&faq)
        .into_iter()
        .find(|t| t.attr("id") == Some("follow-up"))
        .expect("the untranslated question");
    assert_eq!(follow_up.attr("lang"), Some("en"));
    assert!(
        faq.contains("Aún no está disponible en español; se muestra en inglés."),
        "{faq}"
    );
    // The translated one is the reader's and has no note.
    let how_long = tags(&faq)
        .into_iter()
        .find(|t| t.attr("id") == Some("how-long"))
        .expect("the translated question");
    assert_eq!(how_long.attr("lang"), None);
    // A tree Arabic lacks leads to the English one, marked.
    let ar = out.page("/ar/");
    let tree = tags(&ar)
        .into_iter()
        .find(|t| t.name == "a" && t.attr("href") == Some("/kb/decide/pick/"))
        .expect("the tree, in English");
    assert_eq!(tree.attr("hreflang"), Some("en"));
}

/// A source title kept in the article's language, or a source not yet
/// translated, is marked with its language wherever a Spanish page shows
/// it (WCAG 3.1.2), and nowhere on the English pages.
#[test]
fn a_source_title_in_another_language_carries_its_lang() {
    let site = TestSite::new("multilingual");
    site.write(
        "content/data/sources.yaml",
        "- id: headline\n  title: Should I Message a Hiring Manager?\n- id: untranslated\n  title: A Field Guide to Follow-ups\n",
    )
    .write(
        "content/es/data/sources.yaml",
        "- id: headline\n  title: Should I Message a Hiring Manager?\n  title_lang: en\n",
    )
    .edit(
        "content/guides/timing.md",
        "tags: [timing]\n",
        "tags: [timing]\nsources: [headline, untranslated]\n",
    )
    .edit(
        "content/es/guides/timing.md",
        "tags: [momento]\n",
        "tags: [momento]\nsources: [headline, untranslated]\n",
    );
    site.build(&[]).success();
    let out = site.out();
    let cited = |url: &str| -> Vec<(String, Option<String>)> {
        tags(&out.page(url))
            .into_iter()
            .filter(|t| t.name == "a" && t.attr("href").is_some_and(|h| h.contains("sources/#")))
            .map(|t| {
                (
                    t.attr("href").unwrap().to_owned(),
                    t.attr("lang").map(str::to_owned),
                )
            })
            .collect()
    };
    let en = Some("en".to_owned());
    assert_eq!(
        cited("/es/guides/timing/"),
        [
            ("/kb/es/sources/#headline".to_owned(), en.clone()),
            ("/kb/sources/#untranslated".to_owned(), en.clone()),
        ]
    );
    assert!(
        cited("/guides/timing/")
            .iter()
            .all(|(_, lang)| lang.is_none()),
        "{:?}",
        cited("/guides/timing/")
    );
    let list = out.page("/es/sources/");
    let title = tags(&list)
        .into_iter()
        .find(|t| t.attr("class") == Some("source-title"))
        .expect("the source's title");
    assert_eq!(title.attr("lang"), Some("en"));
    let english = out.page("/sources/");
    assert!(
        tags(&english)
            .iter()
            .filter(|t| t.attr("class") == Some("source-title"))
            .all(|t| t.attr("lang").is_none()),
        "{english}"
    );
}

#[test]
fn the_theme_speaks_the_readers_language() {
    let (_site, out) = built();
    let es = out.page("/es/guides/timing/");
    for words in [
        "Saltar al contenido principal",
        "min de lectura",
        ">Buscar<",
        "Feed Atom",
    ] {
        assert!(es.contains(words), "{words} in {es}");
    }
    let feed = out.read("es/atom.xml");
    assert!(
        feed.contains("<title>Escribir a quien contrata (Español)</title>"),
        "{feed}"
    );
    for url in ["/ar/", "/ar/guides/timing/", "/ar/faq/", "/ar/search/"] {
        let ar = out.page(url);
        assert!(ar.contains("الانتقال إلى المحتوى الرئيسي"), "{url}");
        for english in [
            "Skip to main content",
            "min read",
            "Search the site",
            "Atom feed",
            "not yet translated",
            "Updated ",
            "aria-label=Main",
            "aria-label=Breadcrumb",
            "aria-label=Language",
            ">Previous<",
            ">Next<",
            "Everything on this site",
        ] {
            assert!(!ar.contains(english), "{english} in {url}");
        }
    }
}
