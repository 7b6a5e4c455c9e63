//! Records → an inverted index with BM25F impacts, cut into content-hashed
//! files: a manifest, term shards (a range of the sorted dictionary with the
//! postings of its stem groups) and chunks of record summaries.
//!
//! Scores are computed here, once, so the client only adds numbers: each
//! posting carries the BM25F score of its stem group in that record
//! ("impact"), quantised to an integer. Long posting lists are pruned to
//! their highest impacts (static index pruning) so that a common word never
//! makes a shard large on a big site.
//!
//! [`build`] runs the phases in order, one module each, so that each can
//! be read (and measured) on its own: [`analyse`](mod@analyse) counts the
//! words of the records, [`dictionary`] sorts them and groups them by stem,
//! [`postings`] scores and encodes each group's records, [`shards`] and
//! [`summaries`] cut the files; this module writes the manifest that names
//! them. A phase takes by value what no later phase needs, so it is freed
//! as soon as it can be: the index's peak memory is the peak of a large
//! site's build.

mod analyse;
mod cache;
mod dictionary;
mod postings;
mod shards;
mod strs;
mod summaries;
mod tfs;

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;

use super::records::SearchRecord;
use crate::artifact::{OutputFile, Sink};
use crate::diagnostics::Diagnostic;
use crate::search::text::CJK_SEGMENT;
use analyse::analyse;
use dictionary::Dictionary;
use postings::{encode_groups, gather_postings};
use shards::term_shards;
use summaries::summary_chunks;

pub use analyse::Pass;
pub(super) use analyse::{Part, analyse_run, analyse_run_cached};
pub use cache::{FILE as PARTS_FILE, PartCache};
pub use dictionary::js_cmp;
pub use postings::{decode_postings, encode_postings};

/// Sizes the index aims at. The defaults keep a first query on a small
/// site to one term shard and a few chunks, and on a 10,000-page site to a
/// few files of some kilobytes each.
#[derive(Debug, Clone)]
pub struct Params {
    /// Target JSON bytes per term shard (before compression).
    pub shard_bytes: usize,
    /// Target JSON bytes per chunk of record summaries.
    pub chunk_bytes: usize,
    /// Longest posting list kept; longer ones keep their best impacts.
    pub max_postings: usize,
    /// Snippet source text per record, in characters.
    pub snippet_chars: usize,
    /// Most postings gathered at a time (eight bytes each): a large site's
    /// are gathered and encoded in bands of groups (the output is the
    /// same). Every band reads every part's pairs once, so fewer, larger
    /// bands are quicker: 20 million (160 MB) makes three bands at 100,000
    /// pages, where the index's other phases hold more.
    pub band_postings: usize,
    /// When set, the build stops as soon as it sees it, and makes nothing:
    /// `serve` sets it when a newer save arrives (#17).
    pub stop: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

impl Params {
    fn stopped(&self) -> bool {
        self.stop
            .as_ref()
            .is_some_and(|s| s.load(std::sync::atomic::Ordering::Relaxed))
    }
}

impl Default for Params {
    fn default() -> Self {
        Params {
            shard_bytes: 8_000,
            chunk_bytes: 3_000,
            max_postings: 1_500,
            snippet_chars: 240,
            band_postings: 20_000_000,
            stop: None,
        }
    }
}

/// What went into the index, for `--verbose` and benchmarks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexStats {
    pub records: usize,
    pub words: usize,
    pub groups: usize,
    pub postings: usize,
    pub pruned_groups: usize,
    pub term_shards: usize,
    pub chunks: usize,
    pub bytes: usize,
}

/// The index's files, all under `search/`, and what went into them.
#[derive(Default)]
pub struct BuiltIndex {
    pub files: Vec<OutputFile>,
    pub stats: IndexStats,
}

/// A link the client offers when nothing matches.
#[derive(Debug, Clone, Serialize)]
pub struct HelpLink {
    pub title: String,
    pub url: String,
}

/// The manifest: the one file with a fixed name (`search/manifest.json`).
#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    /// A hash of every other file, so a client can tell builds apart.
    build: String,
    /// The language the index was analysed in (a BCP 47 tag, as given).
    language: &'a str,
    /// The Snowball algorithm that grouped its words (`"spanish"`), or
    /// null: the client never stems, this is for people and tests.
    stemmer: Option<&'static str>,
    /// How Han, kana and Hangul were cut ([`CJK_SEGMENT`]): the client
    /// refuses an index it would not query the same way.
    segment: &'static str,
    records: usize,
    /// Records per summary chunk: record `i` is in chunk `i / per`.
    per: usize,
    /// Characters per hash in `chunks`.
    width: usize,
    /// `[name, label]` per kind index used in the chunks.
    kinds: Vec<[&'a str; 2]>,
    /// The records' kinds as runs of `[kind index, count]`, so results can be
    /// counted and filtered by kind before any summary is fetched.
    runs: Vec<[usize; 2]>,
    /// The first word (or a shorter prefix) of each term shard, sorted by
    /// UTF-16 code units like JavaScript's `<`.
    keys: Vec<String>,
    /// Term shard `i` is `t{i}.{terms[i]}.json`.
    terms: Vec<String>,
    /// Stop words of the site's language that occur: their impacts are
    /// lowered, and the client skips them unless a query has nothing else.
    stop: Vec<&'static str>,
    /// The chunks' hashes, concatenated (the list can be long): chunk `i`
    /// is `r{i}.{chunks[i × width..(i + 1) × width]}.json`.
    chunks: String,
    help: &'a [HelpLink],
}

/// Builds every file of the index from `origins` origins of records and
/// hands each to `sink` as soon as it is made: `each(i, pass, add)` hands
/// the records of origin `i`, in order, to `add`. Origins are analysed a
/// part at a time, in parallel; an origin's records may borrow its text,
/// which it can drop once they are analysed ([`Pass::Analyse`]). With a
/// `cache`, parts an earlier build analysed are read back from it. The
/// first origins may come analysed already (`known`). `None`:
/// `params.stop` was set (some files may have gone to `sink` already).
pub(super) fn build<F>(
    origins: usize,
    each: F,
    language: &str,
    (kinds, help): (&[[&str; 2]], &[HelpLink]),
    params: &Params,
    known: Known,
    sink: &dyn Sink,
) -> Option<Indexed>
where
    F: Fn(usize, Pass, &mut dyn FnMut(&[SearchRecord])) + Sync,
{
    let stop = || params.stopped();
    let out = Out::new(sink);
    let put = |f: OutputFile| out.put(f);
    let Known {
        cache,
        mut parts,
        origins: first,
    } = known;
    let rest = first.min(origins)..origins;
    parts.extend(analyse(rest, &each, params.snippet_chars, &stop, cache));
    if stop() {
        return None;
    }
    let records: usize = parts.iter().map(|p| p.docs.len()).sum();
    let runs = kind_runs(parts.iter().flat_map(|p| p.kinds.iter().copied()));
    // The summaries go out first, so the postings' working memory never
    // comes on top of them.
    let summaries: Vec<strs::Strs> = parts
        .iter_mut()
        .map(|p| std::mem::take(&mut p.summaries))
        .collect();
    let chunks = summary_chunks(summaries, records, params.chunk_bytes, &put);
    let (dictionary, part_groups) = Dictionary::new(&parts, language);
    if stop() {
        return None;
    }
    let postings = gather_postings(parts, &part_groups, dictionary.groups, records);
    drop(part_groups);
    if stop() {
        return None;
    }
    let encoded = encode_groups(
        postings,
        &dictionary.stop_group,
        records,
        (params.max_postings, params.band_postings),
        &stop,
    )?;
    let shards = term_shards(&dictionary, &encoded, params.shard_bytes, &put);
    let mut stats = IndexStats {
        records,
        words: dictionary.words.len(),
        groups: dictionary.groups,
        postings: encoded.iter().map(|g| g.postings.len()).sum(),
        pruned_groups: encoded.iter().filter(|g| g.pruned).count(),
        term_shards: shards.hashes.len(),
        chunks: chunks.hashes.len() / HASH_CHARS,
        ..IndexStats::default()
    };
    drop(encoded);
    let manifest = Manifest {
        version: 1,
        build: build_hash(&shards.hashes, &chunks.hashes),
        language,
        stemmer: dictionary.stemmer,
        segment: CJK_SEGMENT,
        records,
        per: chunks.per,
        width: HASH_CHARS,
        kinds: kinds.to_vec(),
        runs,
        keys: shards.keys,
        terms: shards.hashes,
        stop: dictionary.stop_words,
        chunks: chunks.hashes,
        help,
    };
    put(OutputFile::new(
        super::MANIFEST,
        serde_json::to_vec(&manifest).unwrap_or_default(),
    ));
    let (bytes, problems) = out.finish();
    stats.bytes = bytes;
    Some(Indexed { stats, problems })
}

/// What [`build`] has before it analyses: a cache of parts earlier builds
/// analysed, and the parts of the first `origins` origins, analysed
/// already (a large site's pages, as the render made their text).
#[derive(Default)]
pub(super) struct Known<'a> {
    pub(super) cache: Option<&'a PartCache>,
    pub(super) parts: Vec<Part>,
    pub(super) origins: usize,
}

/// What [`build`] made, besides the files it handed on.
pub struct Indexed {
    pub stats: IndexStats,
    /// The files the sink refused.
    pub problems: Vec<Diagnostic>,
}

/// The sink the index's files go to, with their bytes counted and its
/// refusals kept.
struct Out<'a> {
    sink: &'a dyn Sink,
    bytes: AtomicUsize,
    problems: Mutex<Vec<Diagnostic>>,
}

impl<'a> Out<'a> {
    fn new(sink: &'a dyn Sink) -> Self {
        Out {
            sink,
            bytes: AtomicUsize::new(0),
            problems: Mutex::new(Vec::new()),
        }
    }

    fn put(&self, file: OutputFile) {
        self.bytes.fetch_add(file.bytes.len(), Ordering::Relaxed);
        if let Err(d) = self.sink.put(file)
            && let Ok(mut problems) = self.problems.lock()
        {
            problems.push(d);
        }
    }

    fn finish(self) -> (usize, Vec<Diagnostic>) {
        let problems = self.problems.into_inner().unwrap_or_default();
        (self.bytes.into_inner(), problems)
    }
}

/// The records' kind indexes as runs of `[kind index, count]`.
fn kind_runs(kinds: impl Iterator<Item = usize>) -> Vec<[usize; 2]> {
    let mut runs: Vec<[usize; 2]> = Vec::new();
    for k in kinds {
        match runs.last_mut() {
            Some(last) if last[0] == k => last[1] += 1,
            _ => runs.push([k, 1]),
        }
    }
    runs
}

/// The manifest's `build`: a hash of every other file's hash.
fn build_hash(term_hashes: &[String], chunk_hashes: &str) -> String {
    let mut all = blake3::Hasher::new();
    for h in term_hashes {
        all.update(h.as_bytes());
    }
    all.update(chunk_hashes.as_bytes());
    all.finalize().to_hex()[..12].to_owned()
}

/// Hex digits of a content hash in file names.
const HASH_CHARS: usize = 8;

/// The content hash that names a file.
fn short_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..HASH_CHARS].to_owned()
}
