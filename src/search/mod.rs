//! Search: records from the site model → a compact, sharded index, built in
//! the same build as the pages, right after they are written (issue #5).
//!
//! Why our own index: Pagefind, measured on this site's 10,000-page corpus,
//! spent about 3 ms of CPU per page and sent about 85 KB (mostly wasm)
//! before the first result, without typo tolerance; elasticlunr sends the
//! whole index. The hard parts come from crates (rust-stemmers,
//! unicode-segmentation, unicode-normalization); what is written here is
//! the part no crate does: records from our model, BM25F impacts, and a
//! file layout a static host can cache forever.
//!
//! Output, all under `search/` in the site:
//!
//! - `manifest.json`: the only fixed name (every page's search form points
//!   at it with `data-search`); it names every other file by content hash.
//! - `t{i}.{hash}.json`: term shards, each a range of the sorted dictionary
//!   (cut between two-letter prefixes) with the postings of the stem groups
//!   of its words. A small site has one or two; a query on a big site
//!   fetches one per query word, plus neighbours for a typo.
//! - `r{i}.{hash}.json`: chunks of record summaries (title, URL, kind,
//!   context, snippet text), fetched only for the results shown.
//!
//! The client (`themes/default/static/search.js`) folds and splits a query
//! as [`text`] does and needs no stemmer: the dictionary maps each word of
//! the site to its stem group. Same input, same bytes: everything is sorted
//! and no hash map's order reaches the output.

mod index;
pub mod language;
mod records;
pub mod text;

use std::sync::{Arc, Mutex};

pub use index::{
    BuiltIndex, HelpLink, IndexStats, Indexed, PARTS_FILE, Params, PartCache, decode_postings,
    encode_postings, js_cmp,
};
pub use records::squash;

use index::Pass;
use records::{Origin, SearchRecord};

use crate::artifact::{Collect, Sink};
use crate::diagnostics::Diagnostic;
use crate::markdown::TextSection;
use crate::site::Site;

/// Where the manifest is, relative to the site root.
pub const MANIFEST: &str = "search/manifest.json";

/// Where [`build_index`] reads each page's text sections: handed over by
/// the build, left in the site model, or analysed already as the render
/// made them.
pub struct PageTexts(Texts);

enum Texts {
    Model,
    Taken(Vec<Mutex<Arc<Vec<TextSection>>>>),
    Analysed(PageAnalysis),
}

/// A large site's pages' records, analysed a run of pages at a time as the
/// render makes each page's text sections (#17): the index then need not
/// render every page's Markdown a third time, which took a tenth of a
/// 100,000-page build. How records fall into parts changes no byte of the
/// index, so the runs may be any length.
pub struct PageAnalysis {
    snippet_chars: usize,
    /// Each run: the position of its first page among the edition's own
    /// pages (its first origin), how many pages, and their analysis.
    runs: Mutex<Vec<(usize, usize, index::Part)>>,
}

impl PageAnalysis {
    /// An analysis for an index made with `params`.
    pub fn new(params: &Params) -> PageAnalysis {
        PageAnalysis {
            snippet_chars: params.snippet_chars,
            runs: Mutex::new(Vec::new()),
        }
    }

    /// Analyses a run of `site`'s own pages, in order, from position
    /// `first` on: each page's index and its text sections. With a
    /// `cache`, a run an earlier build analysed is read back.
    pub fn add(
        &self,
        site: &Site,
        first: usize,
        pages: &[(usize, Vec<TextSection>)],
        cache: Option<&PartCache>,
    ) {
        let records = (pages.iter()).map(|(p, sections)| records::page_records(site, *p, sections));
        let part = match cache {
            Some(cache) => {
                let records: Vec<_> = records.collect();
                index::analyse_run_cached(&records, self.snippet_chars, cache)
            }
            None => index::analyse_run(
                |add| {
                    for r in records {
                        add(&r);
                    }
                },
                self.snippet_chars,
            ),
        };
        let mut runs = self.runs.lock().unwrap_or_else(|e| e.into_inner());
        runs.push((first, pages.len(), part));
    }

    /// The parts of the first pages, in order, up to the first page no run
    /// holds, and how many pages they hold.
    fn into_parts(self) -> (Vec<index::Part>, usize) {
        let mut runs = self.runs.into_inner().unwrap_or_else(|e| e.into_inner());
        runs.sort_by_key(|r| r.0);
        let mut parts = Vec::with_capacity(runs.len());
        let mut next = 0;
        for (first, count, part) in runs {
            if first != next {
                break;
            }
            parts.push(part);
            next += count;
        }
        (parts, next)
    }
}

impl PageTexts {
    /// Takes every page's text sections out of the site model (the render
    /// does not need them), so that the index frees each page's text as
    /// soon as it is analysed: on a large site the index does not hold the
    /// whole site's text while it grows its own tables.
    pub fn take(site: &mut Site) -> PageTexts {
        PageTexts(Texts::Taken(
            site.pages
                .iter_mut()
                .map(|p| Mutex::new(std::mem::take(&mut p.rendered.sections)))
                .collect(),
        ))
    }

    /// Reads the text sections where they are, in the site model, which
    /// stays whole (benchmarks build the index again and again).
    pub fn in_model() -> PageTexts {
        PageTexts(Texts::Model)
    }

    /// The pages analysed already, as the render made their text.
    pub fn analysed(analysis: PageAnalysis) -> PageTexts {
        PageTexts(Texts::Analysed(analysis))
    }
}

/// The search index of `site`, one language edition of a site (#18): its
/// words analysed in the edition's language (`site.config.language`, a BCP
/// 47 tag; see [`language`] and [`text`]), its files all under `search/`,
/// which the build puts under the language's URL prefix, each handed to
/// `sink` as soon as it is made (#17), and what went into it. The one way to
/// build an index: the build calls it with [`PageTexts::take`], serve and
/// benchmarks with [`PageTexts::in_model`], a large site's build with
/// [`PageTexts::analysed`]. With a `cache`, the parts of the records an
/// earlier build analysed are read back from it. `None` as soon as
/// `params.stop` is set.
pub fn write_index(
    site: &Site,
    texts: PageTexts,
    (params, cache): (&Params, Option<&PartCache>),
    sink: &dyn Sink,
) -> Option<Indexed> {
    let origins = records::origins(site);
    let (texts, known, missed) = known_pages(texts, &origins, params, cache);
    // Hands origin `i`'s records to `add`. A page's text handed over by
    // the build is dropped as soon as its records are analysed.
    let records_of = |i: usize, pass: Pass, add: &mut dyn FnMut(&[SearchRecord])| {
        let origin = origins[i];
        match (origin, &texts) {
            (Origin::Page(p), Texts::Taken(taken)) => {
                let mut slot = taken[p].lock().unwrap_or_else(|e| e.into_inner());
                let last;
                let sections = if pass == Pass::Analyse {
                    last = std::mem::take(&mut *slot);
                    &last
                } else {
                    &*slot
                };
                add(&records::page_records(site, p, sections));
            }
            // Analysed with the render (`known`).
            (Origin::Page(_), Texts::Analysed(_)) => {}
            _ => add(&records::of(site, origin)),
        }
    };
    // The badges and filters in the page's language (#18): the theme's
    // `search_kind_<name>` strings, else the English label.
    let kinds: Vec<[&str; 2]> = records::ResultKind::ALL
        .iter()
        .map(|k| {
            let key = format!("search_kind_{}", k.name());
            let label = site.lang.strings.get_owned_key(&key);
            [k.name(), label.unwrap_or(k.label())]
        })
        .collect();
    let mut indexed = index::build(
        origins.len(),
        records_of,
        &site.config.language,
        (&kinds, &help_links(site)),
        params,
        known,
        sink,
    )?;
    // A page left out is an index that does not match the pages: the
    // build fails with why.
    indexed.problems.extend(missed);
    Some(indexed)
}

/// What the index has before it analyses: the pages analysed with the
/// render, if they were, and the cache for the other origins. The texts,
/// without the analysis, go on. A
/// problem if the analysis misses a page: the render hands over every page
/// it wrote, so that is a bug, and an index without the page must not go
/// out.
fn known_pages<'c>(
    texts: PageTexts,
    origins: &[Origin],
    params: &Params,
    cache: Option<&'c PartCache>,
) -> (Texts, index::Known<'c>, Option<Diagnostic>) {
    let Texts::Analysed(analysis) = texts.0 else {
        let known = index::Known {
            cache,
            ..index::Known::default()
        };
        return (texts.0, known, None);
    };
    let pages = origins
        .iter()
        .take_while(|o| matches!(o, Origin::Page(_)))
        .count();
    let (parts, analysed) = if analysis.snippet_chars == params.snippet_chars {
        analysis.into_parts()
    } else {
        (Vec::new(), 0)
    };
    let missed = (analysed != pages).then(|| {
        Diagnostic::new(
            crate::diagnostics::Code::Internal,
            "content",
            format!("internal error: the search index has {analysed} of the {pages} pages written"),
        )
    });
    let known = index::Known {
        cache,
        parts: if missed.is_some() { Vec::new() } else { parts },
        origins: if missed.is_some() { 0 } else { pages },
    };
    (Texts::Analysed(PageAnalysis::new(params)), known, missed)
}

/// [`write_index`] into memory, without a stop flag: every file, sorted by
/// path.
pub fn build_index(site: &Site, texts: PageTexts, params: &Params) -> BuiltIndex {
    let params = Params {
        stop: None,
        ..params.clone()
    };
    // Without a stop flag the build always finishes.
    build_index_unless_stopped(site, texts, (&params, None)).unwrap_or_default()
}

/// [`build_index`], or `None` as soon as `params.stop` is set; with a
/// `cache`, the parts an earlier build analysed are read back from it.
pub fn build_index_unless_stopped(
    site: &Site,
    texts: PageTexts,
    (params, cache): (&Params, Option<&PartCache>),
) -> Option<BuiltIndex> {
    in_memory(|files| write_index(site, texts, (params, cache), files))
}

/// The index `make` hands to a sink, kept in memory: every file, sorted by
/// path. (A `Collect` refuses nothing, so there are no problems to keep.)
fn in_memory(make: impl FnOnce(&Collect) -> Option<Indexed>) -> Option<BuiltIndex> {
    let files = Collect::default();
    let indexed = make(&files)?;
    Some(BuiltIndex {
        files: files.into_sorted(),
        stats: indexed.stats,
    })
}

/// What "No results" suggests: the decision trees and the FAQ.
fn help_links(site: &Site) -> Vec<HelpLink> {
    let c = &site.config;
    let mut help: Vec<HelpLink> = site
        .trees
        .iter()
        .map(|t| HelpLink {
            title: t.def.title.trim().to_owned(),
            url: c.link(&format!("/decide/{}/", t.id)),
        })
        .collect();
    if !site.data.faqs.is_empty() {
        help.push(HelpLink {
            title: "Frequently asked questions".into(),
            url: c.link("/faq/"),
        });
    }
    help
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::artifact::OutputFile;
    use records::ResultKind;
    use serde_json::Value;

    /// An index from records alone, without a site.
    fn build_records(
        records: Vec<SearchRecord>,
        language: &str,
        help: &[HelpLink],
        params: &Params,
    ) -> BuiltIndex {
        build_each(
            records.len(),
            |i, _, add| add(std::slice::from_ref(&records[i])),
            language,
            help,
            params,
        )
        .expect("no stop flag")
    }

    /// [`index::build`] into memory, as [`build_index_unless_stopped`] does.
    fn build_each(
        origins: usize,
        each: impl Fn(usize, Pass, &mut dyn FnMut(&[SearchRecord])) + Sync,
        language: &str,
        help: &[HelpLink],
        params: &Params,
    ) -> Option<BuiltIndex> {
        build_cached(origins, each, (language, help), params, None)
    }

    /// [`build_each`] with a part cache.
    fn build_cached(
        origins: usize,
        each: impl Fn(usize, Pass, &mut dyn FnMut(&[SearchRecord])) + Sync,
        (language, help): (&str, &[HelpLink]),
        params: &Params,
        cache: Option<&PartCache>,
    ) -> Option<BuiltIndex> {
        let kinds = ResultKind::ALL.map(|k| [k.name(), k.label()]);
        in_memory(|files| {
            let about = (&kinds[..], help);
            let known = index::Known {
                cache,
                ..index::Known::default()
            };
            index::build(origins, each, language, about, params, known, files)
        })
    }

    #[test]
    fn a_set_stop_flag_makes_no_index_and_a_clear_one_the_whole_index() {
        let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
        let params = Params {
            stop: Some(std::sync::Arc::clone(&flag)),
            ..Params::default()
        };
        let records = sample();
        let each = |i: usize, _: Pass, add: &mut dyn FnMut(&[SearchRecord])| {
            add(std::slice::from_ref(&records[i]))
        };
        let stopped = build_each(records.len(), each, "en", &[], &params);
        assert!(stopped.is_none());
        flag.store(false, std::sync::atomic::Ordering::Relaxed);
        let whole = build_each(records.len(), each, "en", &[], &params);
        let plain = build_records(records.clone(), "en", &[], &Params::default());
        let names = |b: &BuiltIndex| b.files.iter().map(|f| f.path.clone()).collect::<Vec<_>>();
        assert_eq!(whole.as_ref().map(names), Some(names(&plain)));
    }

    #[test]
    fn postings_gathered_in_bands_make_the_same_index() {
        let files = |b: BuiltIndex| {
            (b.files.into_iter())
                .map(|f| (f.path.clone(), f.bytes.to_vec()))
                .collect::<Vec<_>>()
        };
        let whole = build_records(sample(), "en", &[], &Params::default());
        let postings = whole.stats.postings;
        let whole = files(whole);
        for band in [1, 3] {
            let params = Params {
                band_postings: band,
                ..Params::default()
            };
            let banded = build_records(sample(), "en", &[], &params);
            assert_eq!(banded.stats.postings, postings);
            assert!(
                postings > 3 * band,
                "{postings} postings make several bands"
            );
            assert_eq!(files(banded), whole, "bands of {band}");
        }
    }

    /// The index does not depend on how the records fall into parts: 200
    /// origins make four parts, gathered in two halves side by side (a
    /// group's postings are the first half's, then the second's), and one
    /// origin holding all 200 records makes one part.
    #[test]
    fn how_records_fall_into_parts_changes_no_byte() {
        let records: Vec<SearchRecord> = (0..200)
            .map(|i| {
                let title = format!("Follow up {i} with the hiring manager");
                let body = format!(
                    "word{} shared text {i}, following up after {} days{}",
                    i % 7,
                    i % 13,
                    " and again".repeat(i % 5)
                );
                rec(ResultKind::Guide, &title, &body)
            })
            .collect();
        let files = |b: BuiltIndex| {
            (b.files.into_iter())
                .map(|f| (f.path.clone(), f.bytes.to_vec()))
                .collect::<Vec<_>>()
        };
        for band in [Params::default().band_postings, 5] {
            let params = Params {
                band_postings: band,
                ..Params::default()
            };
            let parts = build_records(records.clone(), "en", &[], &params);
            assert_eq!(parts.stats.records, 200);
            let one =
                build_each(1, |_, _, add| add(&records), "en", &[], &params).expect("no stop");
            assert_eq!(files(parts), files(one), "bands of {band}");
        }
    }

    /// A part cache changes no byte: whatever it holds, the index is the
    /// one made without it. A second build of the same records reads every
    /// part back; after an edit, an insertion or a deletion, only the
    /// parts around it are analysed again.
    #[test]
    fn parts_read_back_from_the_cache_change_no_byte() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (old, new) = (dir.path().join(PARTS_FILE), dir.path().join("new"));
        let record = |i: usize, text: &str| {
            let title = format!("Message {i} to a hiring manager");
            rec(
                ResultKind::Guide,
                &title,
                &format!("{text} word{} {i}", i % 11),
            )
        };
        let base: Vec<SearchRecord> = (0..600).map(|i| record(i, "short note")).collect();
        let files = |b: BuiltIndex| {
            (b.files.into_iter())
                .map(|f| (f.path.clone(), f.bytes.to_vec()))
                .collect::<Vec<_>>()
        };
        let params = Params::default();
        // Builds `records` with the cache, checks the bytes against a build
        // without it, and returns how many parts were read back and how
        // many analysed.
        let build = |records: &[SearchRecord]| {
            let each = |i: usize, _: Pass, add: &mut dyn FnMut(&[SearchRecord])| {
                add(std::slice::from_ref(&records[i]))
            };
            let cache = PartCache::open(&old, &new);
            let cached = build_cached(records.len(), each, ("en", &[]), &params, Some(&cache));
            let plain = build_each(records.len(), each, "en", &[], &params);
            assert_eq!(
                files(cached.expect("no stop")),
                files(plain.expect("no stop"))
            );
            let counts = cache.finish();
            std::fs::rename(&new, &old).expect("keep the new file");
            counts
        };
        let [reused, parts] = build(&base);
        assert_eq!(reused, 0);
        assert!((5..=20).contains(&parts), "{parts} parts of 600 records");
        assert_eq!(build(&base), [parts, 0], "all read back");
        let mut edited = base.clone();
        edited[300] = record(300, "a longer, edited note");
        let [reused, analysed] = build(&edited);
        assert!(
            analysed <= 2 && reused + 2 >= parts,
            "{reused} kept, {analysed} made"
        );
        let mut inserted = edited.clone();
        inserted.insert(100, record(1000, "a new page"));
        inserted.remove(500);
        let [reused, analysed] = build(&inserted);
        assert!(
            analysed <= 4 && reused + 4 >= parts,
            "{reused} kept, {analysed} made"
        );
        // A damaged file makes the same index, from scratch.
        std::fs::write(&old, b"casebook index parts 1 damaged").expect("write");
        assert_eq!(build(&inserted)[0], 0);
    }

    /// The pages analysed with the render count up to the first page no
    /// run holds, however the runs arrived.
    #[test]
    fn runs_analysed_with_the_render_count_up_to_the_first_gap() {
        let run = |first: usize, count: usize| {
            let records: Vec<SearchRecord> = (first..first + count)
                .map(|i| rec(ResultKind::Guide, &format!("Page {i}"), "text"))
                .collect();
            (first, count, index::analyse_run(|add| add(&records), 240))
        };
        let analysis = PageAnalysis::new(&Params::default());
        *analysis.runs.lock().unwrap() = vec![run(64, 64), run(0, 64), run(128, 10)];
        let (parts, pages) = analysis.into_parts();
        assert_eq!((parts.len(), pages), (3, 138));
        let analysis = PageAnalysis::new(&Params::default());
        *analysis.runs.lock().unwrap() = vec![run(0, 64), run(100, 5)];
        let (parts, pages) = analysis.into_parts();
        assert_eq!((parts.len(), pages), (1, 64), "pages 64 to 99 are missing");
    }

    fn rec(kind: ResultKind, title: &str, body: &str) -> SearchRecord<'static> {
        SearchRecord {
            kind,
            url: format!("/x/#{}", crate::text::slugify(title)),
            title: title.into(),
            context: String::new(),
            fields: [title.to_owned().into(), "".into(), body.to_owned().into()],
            snippet: body.to_owned().into(),
        }
    }

    fn sample() -> Vec<SearchRecord<'static>> {
        vec![
            rec(
                ResultKind::Faq,
                "How long should I wait before following up?",
                "Give it a week after you apply, then follow up once.",
            ),
            rec(
                ResultKind::Guide,
                "Connection requests",
                "A connection note has a 300-character limit. Keep it short.",
            ),
            rec(
                ResultKind::Case,
                "The blank request",
                "Sending a connection request with no note at all.",
            ),
            rec(
                ResultKind::Template,
                "Note to a recruiter",
                "Hi [Name], I applied for the role and would value a word with the recruiter.",
            ),
            rec(
                ResultKind::Quote,
                "Résumé advice",
                "Recruiters read a résumé in seconds.",
            ),
        ]
    }

    fn file<'a>(b: &'a BuiltIndex, prefix: &str) -> Vec<&'a OutputFile> {
        b.files
            .iter()
            .filter(|f| f.path.starts_with(prefix))
            .collect()
    }

    fn json(f: &OutputFile) -> Value {
        serde_json::from_slice(&f.bytes).unwrap()
    }

    /// Every word of a shard with its group's postings.
    fn shard_words(shard: &Value) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for g in shard.as_array().unwrap() {
            let g = g.as_array().unwrap();
            for w in &g[2..] {
                out.push((
                    w.as_str().unwrap().to_owned(),
                    g[1].as_str().unwrap().to_owned(),
                ));
            }
        }
        out.sort_by(|a, b| js_cmp(&a.0, &b.0));
        out
    }

    /// Every (word, group) pair across the term shards, a group named by
    /// its postings.
    fn dictionary(b: &BuiltIndex) -> Vec<(String, String)> {
        file(b, "search/t")
            .into_iter()
            .flat_map(|f| shard_words(&json(f)))
            .collect()
    }

    #[test]
    fn same_input_same_bytes() {
        let a = build_records(sample(), "en", &[], &Params::default());
        let b = build_records(sample(), "en", &[], &Params::default());
        assert_eq!(a.files, b.files);
        assert_eq!(a.stats, b.stats);
        // A change in one record changes the manifest's build hash.
        let mut changed = sample();
        changed[0].fields[2].to_mut().push_str(" Patience.");
        let c = build_records(changed, "en", &[], &Params::default());
        let m = |b: &BuiltIndex| {
            json(file(b, MANIFEST)[0])["build"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        assert_ne!(m(&a), m(&c));
    }

    #[test]
    fn a_small_site_is_one_shard_and_one_chunk() {
        let b = build_records(
            sample(),
            "en",
            &[HelpLink {
                title: "Decide".into(),
                url: "/decide/x/".into(),
            }],
            &Params::default(),
        );
        assert_eq!(file(&b, "search/t").len(), 1);
        assert_eq!(file(&b, "search/r").len(), 1);
        let m = json(file(&b, MANIFEST)[0]);
        assert_eq!(m["records"], 5);
        assert_eq!(m["keys"], serde_json::json!([""]));
        assert_eq!(m["help"][0]["url"], "/decide/x/");
        let t = &m["terms"][0].as_str().unwrap();
        assert!(
            b.files
                .iter()
                .any(|f| f.path == format!("search/t0.{t}.json")),
            "term shards are named by their hash"
        );
        assert_eq!(m["chunks"].as_str().unwrap().len(), 8);
        let chunk = json(file(&b, "search/r")[0]);
        assert_eq!(chunk[1][0], "Connection requests");
        assert_eq!(chunk[1][2], 0, "kind index of a guide");
        assert_eq!(chunk[4][4], "Recruiters read a résumé in seconds.");
    }

    #[test]
    fn words_map_to_stem_groups_and_fold_accents() {
        let b = build_records(sample(), "en", &[], &Params::default());
        let dict = dictionary(&b);
        let group = |w: &str| {
            dict.iter()
                .find(|(x, _)| x == w)
                .map(|(_, g)| g.clone())
                .unwrap_or_else(|| panic!("{w} missing"))
        };
        assert_eq!(group("requests"), group("request"));
        assert_eq!(group("recruiter"), group("recruiters"));
        assert_eq!(group("following"), group("follow"));
        assert_ne!(group("recruiter"), group("request"));
        assert!(
            dict.iter().any(|(w, _)| w == "resume"),
            "accents are folded"
        );
        assert!(!dict.iter().any(|(w, _)| w == "résumé"));
        let words: Vec<&str> = dict.iter().map(|(w, _)| w.as_str()).collect();
        let mut sorted = words.clone();
        sorted.sort_by(|a, b| js_cmp(a, b));
        assert_eq!(words, sorted, "the dictionary is sorted");
    }

    #[test]
    fn titles_outweigh_bodies() {
        // "recruiter" is in the title of the template and in the body of the quote.
        let b = build_records(sample(), "en", &[], &Params::default());
        let dict = dictionary(&b);
        let postings = decode_postings(&dict.iter().find(|(w, _)| w == "recruiter").unwrap().1);
        let impact = |doc: u32| postings.iter().find(|p| p.0 == doc).map(|p| p.1).unwrap();
        assert!(impact(3) > impact(4), "{postings:?}");
    }

    #[test]
    fn shards_split_by_prefix_and_keys_find_words() {
        // Many distinct words: about 2,000 records of made-up words.
        let syllables = ["ka", "lo", "mi", "ne", "pu", "ra", "si", "to", "ve", "zu"];
        let records: Vec<SearchRecord> = (0..2000)
            .map(|i| {
                let word = |k: usize| {
                    format!(
                        "{}{}{}",
                        syllables[(i / 100 + k) % 10],
                        syllables[(i / 10 + k) % 10],
                        syllables[(i + k) % 10]
                    )
                };
                rec(
                    ResultKind::Guide,
                    &word(0),
                    &format!("{} {} {} common", word(1), word(2), word(3)),
                )
            })
            .collect();
        let params = Params {
            shard_bytes: 4_000,
            chunk_bytes: 2_000,
            max_postings: 100,
            snippet_chars: 40,
            ..Params::default()
        };
        let b = build_records(records, "xx", &[], &params);
        let m = json(file(&b, MANIFEST)[0]);
        let keys: Vec<String> = m["keys"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap().to_owned())
            .collect();
        assert!(keys.len() > 3, "{keys:?}");
        assert_eq!(keys[0], "");
        assert!(
            b.stats.pruned_groups >= 1,
            "`common` is in every record and gets pruned"
        );
        // The shard a key lookup names holds the word, for every word.
        let shards: Vec<Value> = (0..keys.len())
            .map(|i| {
                json(
                    b.files
                        .iter()
                        .find(|f| f.path.starts_with(&format!("search/t{i}.")))
                        .unwrap(),
                )
            })
            .collect();
        for (i, s) in shards.iter().enumerate() {
            for (w, postings) in shard_words(s) {
                let found = keys
                    .iter()
                    .rposition(|k| js_cmp(k, &w) != std::cmp::Ordering::Greater)
                    .unwrap();
                assert_eq!(found, i, "{w}");
                if w == "common" {
                    assert_eq!(decode_postings(&postings).len(), 100);
                }
            }
        }
        // Chunks hold `per` records each.
        let per = m["per"].as_u64().unwrap() as usize;
        assert_eq!(
            m["chunks"].as_str().unwrap().len() / 8,
            2000usize.div_ceil(per)
        );
    }
}
