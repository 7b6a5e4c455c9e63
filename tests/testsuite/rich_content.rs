//! Rich content (#19) on `tests/fixtures/rich`, built under the sub-path
//! `https://example.org/docs/`: a guide in a folder with its files, an
//! image beside a plain guide, a file in `static/`; code in Rust, YAML and
//! an unknown language; one callout of each kind. A Spanish page, added by
//! its test, shows the English guide's image.

use crate::common::{Output, TestSite, assert_same, broken_links, hrefs, tags};

const BASE: &str = "https://example.org/docs/";

fn built() -> (TestSite, Output) {
    let site = TestSite::new("rich");
    site.build(&["--quiet"]).success();
    let out = site.out();
    (site, out)
}

/// The `src` (with `alt`) of every `<img>` in the `<main>` of `url`.
fn images(out: &Output, url: &str) -> Vec<(String, Option<String>)> {
    tags(&out.main(url))
        .into_iter()
        .filter(|t| t.name == "img")
        .map(|t| {
            (
                t.attr("src").unwrap_or("").to_owned(),
                t.attr("alt").map(str::to_owned),
            )
        })
        .collect()
}

#[test]
fn page_assets_resolve_from_their_markdown_file_under_a_sub_path() {
    let (_site, out) = built();
    let img = |src: &str, alt: &str| (src.to_owned(), Some(alt.to_owned()));
    assert_eq!(
        images(&out, "/guides/first-note/"),
        [
            img(
                "/docs/guides/first-note/note.png",
                "A short note of 182 characters"
            ),
            img("/docs/guides/first-note/diagram.svg", ""),
        ]
    );
    let links = hrefs(&out.main("/guides/first-note/"));
    for expected in [
        "/docs/guides/first-note/plan.txt",
        "/docs/guides/timing/#after-applying",
        "/docs/guides/first-note/note.png",
    ] {
        assert!(links.iter().any(|h| h == expected), "{expected}: {links:?}");
    }
    assert_eq!(
        images(&out, "/guides/timing/"),
        [
            img(
                "/docs/guides/timing-chart.png",
                "Replies by day of the week"
            ),
            img("/docs/guides/timing-chart.png", ""),
        ]
    );
    assert!(hrefs(&out.main("/guides/timing/")).contains(&"/docs/guides/first-note/".to_owned()));
    assert_eq!(
        images(&out, "/"),
        [img("/docs/img/logo.svg", "The site’s logo")]
    );
    for file in [
        "guides/first-note/note.png",
        "guides/first-note/diagram.svg",
        "guides/first-note/plan.txt",
        "guides/timing-chart.png",
        "img/logo.svg",
    ] {
        assert!(out.exists(file), "{file} was not copied");
    }
    let broken = broken_links(&out.dir, BASE);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn a_missing_image_fails_the_build_at_its_place_and_keeps_the_last_output() {
    let (site, out) = built();
    let before = out.snapshot();
    site.edit(
        "content/guides/first-note/index.md",
        "(note.png)",
        "(note.pgn)",
    );
    let run = site.build(&[]).failure();
    run.at("content/guides/first-note/index.md:7:1")
        .says("the image `note.pgn` points at no file")
        .says("did you mean `note.png`?")
        .problems(1);
    assert_same(&before, &out.snapshot(), "the output after a failed build");
}

#[test]
fn raw_html_and_links_are_checked_too_and_images_need_alt_text() {
    let site = TestSite::new("rich");
    site.write(
        "content/guides/broken.md",
        "---\ntitle: Broken\n---\n\n![](../timing-chart.png)\n\nSee [the plan](first-note/plan.text).\n\n<p>\n  <img src=\"first-note/nte.png\">\n</p>\n\n![Up](../../../secret.png)\n",
    );
    site.build(&[])
        .failure()
        .at("content/guides/broken.md:5:1")
        .says("the image `../timing-chart.png` has no alt text")
        .at("content/guides/broken.md:7:5")
        .says("did you mean `first-note/plan.txt`?")
        .at("content/guides/broken.md:10:8")
        .says("did you mean `first-note/note.png`?")
        .at("content/guides/broken.md:10:3")
        .says("the image has no `alt` attribute")
        .at("content/guides/broken.md:13:1")
        .says("climbs out of content/")
        .hinted()
        .problems(5);
}

#[test]
fn code_is_highlighted_by_its_fence_language_and_an_unknown_one_stays_plain() {
    let (_site, out) = built();
    let main = out.main("/guides/code/");
    let classes = |lang: &str| {
        let start = main
            .find(&format!("language-{lang}"))
            .unwrap_or_else(|| panic!("no {lang} block: {main}"));
        let block = &main[start..start + main[start..].find("</pre>").unwrap()];
        tags(block)
            .into_iter()
            .filter(|t| t.name == "span")
            .filter_map(|t| t.attr("class").map(str::to_owned))
            .collect::<Vec<_>>()
    };
    let rust = classes("rust");
    for class in ["k", "f", "s", "c"] {
        assert!(
            rust.iter().any(|c| c == class),
            "rust has no .{class}: {rust:?}"
        );
    }
    let yaml = classes("yaml");
    assert!(
        yaml.iter().any(|c| c == "p") && yaml.iter().any(|c| c == "n"),
        "{yaml:?}"
    );
    assert!(
        classes("klingon").is_empty(),
        "an unknown language stays plain"
    );
    assert!(main.contains("Qapla' &lt;b>not bold&lt;/b>"), "{main}");
    assert!(!main.contains("style="), "no inline colours (strict CSP)");
}

#[test]
fn each_alert_kind_is_a_callout_with_its_label_in_the_page_s_language() {
    let (_site, out) = built();
    let main = out.main("/guides/code/");
    let notes: Vec<_> = tags(&main)
        .into_iter()
        .filter(|t| t.attr("role") == Some("note"))
        .map(|t| t.attr("class").unwrap_or("").to_owned())
        .collect();
    assert_eq!(
        notes,
        [
            "callout callout-note",
            "callout callout-tip",
            "callout callout-important",
            "callout callout-warning",
            "callout callout-caution"
        ]
    );
    for label in ["Note", "Tip", "Important", "Warning", "Caution"] {
        assert!(
            main.contains(&format!("</svg>{label}</p>")),
            "{label}: {main}"
        );
    }
    assert!(!main.contains("[!"), "an alert marker was left in the text");
    let icons = tags(&main)
        .into_iter()
        .filter(|t| t.name == "svg")
        .filter(|t| t.attr("aria-hidden") == Some("true"))
        .count();
    assert_eq!(icons, 5, "every icon is decoration");
}

#[test]
fn a_translation_shows_the_default_language_s_files_and_its_own_labels() {
    let site = TestSite::new("rich");
    let config = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &format!("{config}\n[[languages]]\ncode = \"es\"\ntitle = \"Contenido rico\"\n"),
    );
    site.write(
        "content/es/guides/timing.md",
        "---\ntitle: Cuándo escribir\n---\n\n![Respuestas por día](timing-chart.png)\n\n> [!TIP]\n> Un consejo.\n",
    );
    site.build(&["--quiet"]).success();
    let out = site.out();
    assert_eq!(
        images(&out, "/es/guides/timing/"),
        [(
            "/docs/guides/timing-chart.png".to_owned(),
            Some("Respuestas por día".to_owned())
        )]
    );
    assert!(!out.exists("es/guides/timing-chart.png"), "no copy is made");
    assert!(out.main("/es/guides/timing/").contains("</svg>Consejo</p>"));
}
