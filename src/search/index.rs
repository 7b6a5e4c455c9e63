//! Records → an inverted index with BM25F impacts, cut into content-hashed
//! files: a manifest, term shards (a range of the sorted dictionary with the
//! postings of its stem groups) and chunks of record summaries.
//!
//! Scores are computed here, once, so the client only adds numbers: each
//! posting carries the BM25F score of its stem group in that record
//! ("impact"), quantised to an integer. Long posting lists are pruned to
//! their highest impacts (static index pruning) so that a common word never
//! makes a shard large on a big site.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::hash::BuildHasher;
use std::ops::Range;

use hashbrown::HashTable;
use rayon::prelude::*;
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::records::{Kind, Record, squash, squash_prefix};
use super::text::{Stemmer, fold_words, stop_words};
use crate::artifact::OutputFile;

/// What a stop word's impact and idf are multiplied by.
const STOP: f32 = 0.25;
/// BM25F field weights: title or question, headings, body (issue #5).
const WEIGHTS: [f32; 3] = [4.0, 2.0, 1.0];
/// Length normalisation per field.
const B: [f32; 3] = [0.4, 0.5, 0.75];
const K1: f32 = 2.0;
/// Impacts are stored as one character: `round(LEVELS × ln(1 + score))`,
/// 1 to 63, about 6% apart; the client turns a level back into a score.
const LEVELS: f32 = 16.0;

/// The 64 characters of the posting encoding; none needs escaping in JSON.
pub const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

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
}

impl Default for Params {
    fn default() -> Self {
        Params {
            shard_bytes: 8_000,
            chunk_bytes: 3_000,
            max_postings: 1_500,
            snippet_chars: 240,
        }
    }
}

/// What went into the index, for `--verbose` and benchmarks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub records: usize,
    pub words: usize,
    pub groups: usize,
    pub postings: usize,
    pub pruned_groups: usize,
    pub term_shards: usize,
    pub chunks: usize,
    pub bytes: usize,
}

pub struct Built {
    pub files: Vec<OutputFile>,
    pub stats: Stats,
}

/// A link the client offers when nothing matches.
#[derive(Debug, Clone, Serialize)]
pub struct Help {
    pub title: String,
    pub url: String,
}

/// The manifest: the one file with a fixed name (`search/manifest.json`).
#[derive(Serialize)]
struct Manifest<'a> {
    version: u32,
    /// A hash of every other file, so a client can tell builds apart.
    build: String,
    language: &'a str,
    records: usize,
    /// Records per summary chunk: record `i` is in chunk `i / per`.
    per: usize,
    /// Characters per hash in `chunks`.
    width: usize,
    /// `[name, label]` per kind index used in the chunks.
    kinds: Vec<[&'static str; 2]>,
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
    help: &'a [Help],
}

/// A term shard is a JSON array of stem groups, each
/// `[idf × 10, postings, word, word, …]`, in the order of their first word.
/// Postings are, per record, its delta from the previous record as a
/// base-64 varint and its impact level as one character.
fn shard_json(words: &[String], word_group: &[u32], encoded: &[EncodedGroup]) -> Vec<u8> {
    let mut order: Vec<u32> = Vec::new();
    let mut members: BTreeMap<u32, Vec<&str>> = BTreeMap::new();
    for (w, &g) in words.iter().zip(word_group) {
        let list = members.entry(g).or_default();
        if list.is_empty() {
            order.push(g);
        }
        list.push(w);
    }
    let groups: Vec<serde_json::Value> = order
        .iter()
        .map(|g| {
            let group = &encoded[*g as usize];
            let mut v = vec![
                serde_json::json!(group.idf),
                serde_json::json!(group.postings),
            ];
            v.extend(members[g].iter().map(|w| serde_json::json!(w)));
            serde_json::Value::Array(v)
        })
        .collect();
    serde_json::to_vec(&groups).unwrap_or_default()
}

/// A word of a record (its id in the part's dictionary) and how often it
/// occurs in each field. Eight bytes: a large site has millions.
#[derive(Debug, Clone, Copy)]
struct Tf {
    word: u32,
    body: u16,
    title: u8,
    headings: u8,
}

impl Tf {
    fn get(self, field: usize) -> u16 {
        match field {
            0 => u16::from(self.title),
            1 => u16::from(self.headings),
            _ => self.body,
        }
    }

    fn add(&mut self, field: usize) {
        match field {
            0 => self.title = self.title.saturating_add(1),
            1 => self.headings = self.headings.saturating_add(1),
            _ => self.body = self.body.saturating_add(1),
        }
    }
}

/// One part of the records, analysed with its own small dictionary, with
/// the records' summaries and kinds. The records' text is not kept.
struct Part {
    words: Vec<String>,
    /// Per record: its field lengths and where its words end in `tfs`.
    docs: Vec<([u32; 3], usize)>,
    /// Every record's words with their counts, one after the other: one
    /// allocation per part rather than one per record, which left the
    /// allocator's pages fragmented.
    tfs: Vec<Tf>,
    summaries: Vec<String>,
    kinds: Vec<usize>,
}

/// A part's records as (stem group, weighted frequency) pairs, record
/// after record (`ends`), and how many of its records each group is in.
struct Weighted {
    pairs: Vec<(u32, f32)>,
    ends: Vec<usize>,
    records: Vec<u32>,
}

/// Sources per part: enough work per task, few records in memory at once.
const SOURCES_PER_PART: usize = 64;

/// Analyses the records of one part as they come, one source at a time.
struct Analyser {
    /// The part's word ids, each found by its word in `part.words`, so a
    /// word is stored once. FxHash: the keys are short words of our own
    /// text, not attacker-chosen input that needs SipHash's protection, and
    /// hashing them was a tenth of the index's time.
    ids: HashTable<u32>,
    part: Part,
    /// Counts per word of the current record, indexed by word id; `seen`
    /// lists the ids touched, so only those are read and reset.
    counts: Vec<Option<Tf>>,
    seen: Vec<u32>,
    snippet_chars: usize,
}

impl Analyser {
    fn new(snippet_chars: usize) -> Self {
        Analyser {
            ids: HashTable::new(),
            part: Part {
                words: Vec::new(),
                docs: Vec::new(),
                tfs: Vec::new(),
                summaries: Vec::new(),
                kinds: Vec::new(),
            },
            counts: Vec::new(),
            seen: Vec::new(),
            snippet_chars,
        }
    }

    fn add(&mut self, records: &[Record]) {
        let Analyser {
            ids,
            part,
            counts,
            seen,
            snippet_chars,
        } = self;
        for r in records {
            part.summaries.push(summary(r, *snippet_chars));
            part.kinds.push(kind_index(r.kind));
            let mut lens = [0u32; 3];
            for (f, text) in r.fields.iter().enumerate() {
                fold_words(text, |w| {
                    lens[f] += 1;
                    let words = &mut part.words;
                    let hash = FxBuildHasher.hash_one(w);
                    let id = match ids.find(hash, |&id| words[id as usize] == w) {
                        Some(&id) => id,
                        None => {
                            let id = words.len() as u32;
                            words.push(w.to_owned());
                            ids.insert_unique(hash, id, |&id| {
                                FxBuildHasher.hash_one(&words[id as usize])
                            });
                            counts.push(None);
                            id
                        }
                    };
                    let slot = &mut counts[id as usize];
                    let tf = slot.get_or_insert_with(|| {
                        seen.push(id);
                        Tf {
                            word: id,
                            body: 0,
                            title: 0,
                            headings: 0,
                        }
                    });
                    tf.add(f);
                });
            }
            part.tfs
                .extend(seen.drain(..).filter_map(|id| counts[id as usize].take()));
            part.docs.push((lens, part.tfs.len()));
        }
    }

    fn finish(mut self) -> Part {
        self.part.tfs.shrink_to_fit();
        self.part
    }
}

/// JavaScript's string order (UTF-16 code units), so the client's binary
/// searches agree with ours for every character.
pub fn js_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    if a.is_ascii() && b.is_ascii() {
        return a.cmp(b);
    }
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Builds every file of the index from `sources` sources of records:
/// `each(i, add)` hands the records of source `i`, in order, to `add`.
/// Sources are analysed a part at a time, in parallel; a source's records
/// may borrow its text, which it can drop once they are analysed.
///
/// Each phase below takes what it needs by value where it can, so what is
/// no longer needed goes as soon as it can: the index's peak memory is the
/// peak of the whole build on a large site.
pub fn build<F>(sources: usize, each: F, language: &str, help: &[Help], params: &Params) -> Built
where
    F: Fn(usize, &mut dyn FnMut(&[Record])) + Sync,
{
    let mut parts = analyse(sources, &each, params.snippet_chars);
    let records: usize = parts.iter().map(|p| p.docs.len()).sum();
    let summaries: Vec<String> = parts
        .iter_mut()
        .flat_map(|p| std::mem::take(&mut p.summaries))
        .collect();
    let runs = kind_runs(parts.iter().flat_map(|p| p.kinds.iter().copied()));
    let (dictionary, part_groups) = Dictionary::new(&parts, language);
    let postings = gather_postings(parts, &part_groups, dictionary.groups, records);
    drop(part_groups);
    let encoded = encode_groups(
        postings,
        &dictionary.stop_group,
        records,
        params.max_postings,
    );
    let shards = term_shards(&dictionary, &encoded, params.shard_bytes);
    let mut stats = Stats {
        records,
        words: dictionary.words.len(),
        groups: dictionary.groups,
        postings: encoded.iter().map(|g| g.postings.len()).sum(),
        pruned_groups: encoded.iter().filter(|g| g.pruned).count(),
        term_shards: shards.hashes.len(),
        ..Stats::default()
    };
    drop(encoded);
    let chunks = summary_chunks(summaries, records, params.chunk_bytes);
    stats.chunks = chunks.files.len();
    let manifest = Manifest {
        version: 1,
        build: build_hash(&shards.hashes, &chunks.hashes),
        language,
        records,
        per: chunks.per,
        width: HASH_CHARS,
        kinds: Kind::ALL.iter().map(|k| [k.name(), k.label()]).collect(),
        runs,
        keys: shards.keys,
        terms: shards.hashes,
        stop: dictionary.stop_words,
        chunks: chunks.hashes,
        help,
    };
    let mut files = shards.files;
    files.extend(chunks.files);
    files.push(OutputFile::new(
        super::MANIFEST,
        serde_json::to_vec(&manifest).unwrap_or_default(),
    ));
    stats.bytes = files.iter().map(|f| f.bytes.len()).sum();
    Built { files, stats }
}

/// Phase 1: the words of every record, counted per field, in parallel: a
/// part of [`SOURCES_PER_PART`] sources at a time, each part with its own
/// small dictionary.
fn analyse<F>(sources: usize, each: &F, snippet_chars: usize) -> Vec<Part>
where
    F: Fn(usize, &mut dyn FnMut(&[Record])) + Sync,
{
    let ids: Vec<usize> = (0..sources).collect();
    ids.par_chunks(SOURCES_PER_PART)
        .map(|chunk| {
            let mut analyser = Analyser::new(snippet_chars);
            for &i in chunk {
                each(i, &mut |records| analyser.add(records));
            }
            analyser.finish()
        })
        .collect()
}

/// The site's words and their stem groups: what the term shards list.
struct Dictionary {
    /// Every word of the site once, sorted like JavaScript sorts
    /// ([`js_cmp`]), so the client's binary searches agree with ours.
    words: Vec<String>,
    /// The stem group of each word of `words`; groups are numbered in the
    /// order of their stems.
    word_group: Vec<u32>,
    /// How many stem groups there are.
    groups: usize,
    /// Per group: whether every word of it is a stop word.
    stop_group: Vec<bool>,
    /// The stop words of the site's language that occur, in list order.
    stop_words: Vec<&'static str>,
}

impl Dictionary {
    /// Phases 2 and 3: one dictionary from the parts' own, and its stem
    /// groups. Also gives, per part, the stem group of each of its word
    /// ids, which is all the scoring needs of the dictionary.
    fn new(parts: &[Part], language: &str) -> (Dictionary, Vec<Vec<u32>>) {
        let words = sorted_words(parts);
        let global_ids = global_ids(parts, &words);
        let (word_group, groups) = stem_groups(&words, language);
        let part_groups = global_ids
            .par_iter()
            .map(|ids| ids.iter().map(|&id| word_group[id as usize]).collect())
            .collect();
        drop(global_ids);
        let stop_list = stop_words(language);
        let stop_group = stop_groups(&words, &word_group, groups, stop_list);
        let stop_words = stop_list
            .iter()
            .copied()
            .filter(|w| words.binary_search_by(|x| js_cmp(x, w)).is_ok())
            .collect();
        let dictionary = Dictionary {
            words,
            word_group,
            groups,
            stop_group,
            stop_words,
        };
        (dictionary, part_groups)
    }
}

/// Every part's words once, sorted like JavaScript sorts. The parts'
/// words repeat: a site's vocabulary is a few thousand words however many
/// parts there are, so they are made unique before sorting.
fn sorted_words(parts: &[Part]) -> Vec<String> {
    let unique: FxHashSet<&str> = parts
        .iter()
        .flat_map(|p| p.words.iter().map(String::as_str))
        .collect();
    let mut words: Vec<String> = unique.into_iter().map(str::to_owned).collect();
    words.par_sort_unstable_by(|a, b| js_cmp(a, b));
    words
}

/// Per part: the position in `words` of each of its words.
fn global_ids(parts: &[Part], words: &[String]) -> Vec<Vec<u32>> {
    let global: FxHashMap<&str, u32> = words
        .iter()
        .enumerate()
        .map(|(i, w)| (w.as_str(), i as u32))
        .collect();
    parts
        .par_iter()
        .map(|p| p.words.iter().map(|w| global[w.as_str()]).collect())
        .collect()
}

/// The stem group of each word, groups numbered in stem order, and how
/// many groups there are.
fn stem_groups(words: &[String], language: &str) -> (Vec<u32>, usize) {
    let stemmer = Stemmer::for_language(language);
    let stems: Vec<String> = words.par_iter().map(|w| stemmer.group(w)).collect();
    let mut sorted: Vec<&str> = stems.iter().map(String::as_str).collect();
    sorted.par_sort_unstable();
    sorted.dedup();
    let group_ids: FxHashMap<&str, u32> = sorted
        .iter()
        .enumerate()
        .map(|(i, s)| (*s, i as u32))
        .collect();
    let word_group = stems.iter().map(|s| group_ids[s.as_str()]).collect();
    (word_group, sorted.len())
}

/// Per group: whether it is a stop group, every word of it a stop word.
fn stop_groups(
    words: &[String],
    word_group: &[u32],
    groups: usize,
    stop_list: &[&str],
) -> Vec<bool> {
    let is_stop = |w: &str| stop_list.binary_search(&w).is_ok();
    let mut stop_group = vec![true; groups];
    for (w, &g) in words.iter().zip(word_group) {
        if !is_stop(w) {
            stop_group[g as usize] = false;
        }
    }
    stop_group
}

/// Every stem group's postings before scoring, in one array, group after
/// group: group `g`'s are `list[starts[g]..starts[g + 1]]`, each a record
/// (in record order) and the group's weighted term frequency in it.
struct Postings {
    starts: Vec<usize>,
    list: Vec<(u32, f32)>,
}

/// Phase 4: the BM25F term frequency part per (group, record), each part
/// in parallel, gathered into every group's postings.
fn gather_postings(
    parts: Vec<Part>,
    part_groups: &[Vec<u32>],
    groups: usize,
    records: usize,
) -> Postings {
    let avg = average_lengths(&parts, records);
    let weighted: Vec<Weighted> = parts
        .into_par_iter()
        .zip(part_groups)
        .map(|(part, word_group)| weigh(part, word_group, groups, &avg))
        .collect();
    group_postings(&weighted, groups)
}

/// The average length of each field over all records (at least 1).
fn average_lengths(parts: &[Part], records: usize) -> [f32; 3] {
    let mut total = [0f64; 3];
    for p in parts {
        for (lens, _) in &p.docs {
            for f in 0..3 {
                total[f] += f64::from(lens[f]);
            }
        }
    }
    total.map(|t| ((t / records.max(1) as f64) as f32).max(1.0))
}

/// A part's records as (group, weighted tf) pairs, and how many of its
/// records each group is in. A group's frequency in a field is the sum of
/// its words' (BM25F weighs the stem group, not each word), added up in
/// integers: the order of a record's words does not matter. `word_group`
/// is the stem group of each of the part's word ids.
fn weigh(part: Part, word_group: &[u32], groups: usize, avg: &[f32; 3]) -> Weighted {
    let mut out: Vec<(u32, f32)> = Vec::with_capacity(part.tfs.len());
    let mut ends = Vec::with_capacity(part.docs.len());
    let mut records = vec![0u32; groups];
    // Where each group's pair is in `out`, if in the current record, and
    // its frequency per field there.
    let mut at: Vec<usize> = vec![usize::MAX; groups];
    let mut freq: Vec<[u32; 3]> = Vec::new();
    let mut start = 0;
    for (lens, end) in part.docs {
        let first = out.len();
        freq.clear();
        for tf in &part.tfs[start..end] {
            let g = word_group[tf.word as usize] as usize;
            let i = match at[g] {
                i if i != usize::MAX && i >= first => i,
                _ => {
                    at[g] = out.len();
                    out.push((g as u32, 0.0));
                    freq.push([0; 3]);
                    out.len() - 1
                }
            };
            for (f, n) in freq[i - first].iter_mut().enumerate() {
                *n += u32::from(tf.get(f));
            }
        }
        let norm: [f32; 3] = std::array::from_fn(|f| 1.0 - B[f] + B[f] * lens[f] as f32 / avg[f]);
        for (pair, freq) in out[first..].iter_mut().zip(&freq) {
            pair.1 = (0..3).map(|f| WEIGHTS[f] * freq[f] as f32 / norm[f]).sum();
            records[pair.0 as usize] += 1;
        }
        ends.push(out.len());
        start = end;
    }
    Weighted {
        pairs: out,
        ends,
        records,
    }
}

/// Every group's postings in one array, group after group (a counting
/// sort): no list grows and copies itself over and over. Two halves of the
/// groups are filled side by side.
fn group_postings(weighted: &[Weighted], groups: usize) -> Postings {
    let mut starts = vec![0usize; groups + 1];
    for w in weighted {
        for (g, &n) in w.records.iter().enumerate() {
            starts[g + 1] += n as usize;
        }
    }
    for g in 0..groups {
        starts[g + 1] += starts[g];
    }
    let mut list: Vec<(u32, f32)> = vec![(0, 0.0); starts[groups]];
    let mid = groups / 2;
    let (low, high) = list.split_at_mut(starts[mid]);
    rayon::join(
        || fill_postings(low, &starts, 0..mid, weighted),
        || fill_postings(high, &starts, mid..groups, weighted),
    );
    Postings { starts, list }
}

/// Fills `into`, the postings of the groups in `range`, from every part's
/// pairs, record after record.
fn fill_postings(
    into: &mut [(u32, f32)],
    starts: &[usize],
    range: Range<usize>,
    weighted: &[Weighted],
) {
    let base = starts[range.start];
    let mut next: Vec<usize> = starts[range.clone()].iter().map(|s| s - base).collect();
    let mut doc = 0u32;
    for part in weighted {
        let mut start = 0;
        for &end in &part.ends {
            for &(g, w) in &part.pairs[start..end] {
                if let Some(k) = next.get_mut((g as usize).wrapping_sub(range.start)) {
                    into[*k] = (doc, w);
                    *k += 1;
                }
            }
            start = end;
            doc += 1;
        }
    }
}

/// A stem group's postings as its term shard lists them.
struct EncodedGroup {
    /// The group's idf × 10, rounded.
    idf: u32,
    /// Its (record, impact level) pairs, [`encode_postings`]-encoded.
    postings: String,
    /// Whether the list was cut to its best `max_postings`.
    pruned: bool,
}

/// Phase 5: impacts (idf × saturated tf) per group, pruned and encoded.
fn encode_groups(
    postings: Postings,
    stop_group: &[bool],
    records: usize,
    max_postings: usize,
) -> Vec<EncodedGroup> {
    let max = max_postings.max(1);
    postings
        .starts
        .par_windows(2)
        .zip(stop_group.par_iter())
        .map(|(range, &stop)| encode_group(&postings.list[range[0]..range[1]], stop, records, max))
        .collect()
}

/// One group's postings scored and encoded, at most `max` of them.
fn encode_group(list: &[(u32, f32)], stop: bool, records: usize, max: usize) -> EncodedGroup {
    let df = list.len() as f32;
    let idf = (1.0 + (records as f32 - df + 0.5) / (df + 0.5)).ln() * if stop { STOP } else { 1.0 };
    let mut impacts: Vec<(u32, u32)> = list
        .iter()
        .map(|&(d, t)| (d, fast_level(idf * t * (K1 + 1.0) / (t + K1))))
        .collect();
    let pruned = impacts.len() > max;
    if pruned {
        // The best `max` (highest level, then first record), found
        // without sorting a list that can hold every record.
        impacts.select_nth_unstable_by(max - 1, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        impacts.truncate(max);
        impacts.sort_unstable_by_key(|p| p.0);
    }
    EncodedGroup {
        idf: (idf * 10.0).round() as u32,
        postings: encode_postings(&impacts),
        pruned,
    }
}

/// The term shard files, with what the manifest says of them.
struct TermShards {
    files: Vec<OutputFile>,
    /// The first word (or a shorter prefix) of each shard.
    keys: Vec<String>,
    /// Each shard's content hash, in shard order.
    hashes: Vec<String>,
}

/// Phase 6: term shards, ranges of the dictionary cut between two-letter
/// prefixes.
fn term_shards(dictionary: &Dictionary, encoded: &[EncodedGroup], target: usize) -> TermShards {
    let words = &dictionary.words;
    let word_group = &dictionary.word_group;
    let ranges = cut_shards(words, word_group, encoded, target);
    let shard_files: Vec<(String, Vec<u8>)> = ranges
        .par_iter()
        .map(|r| {
            let bytes = shard_json(&words[r.clone()], &word_group[r.clone()], encoded);
            (short_hash(&bytes), bytes)
        })
        .collect();
    let mut shards = TermShards {
        files: Vec::new(),
        keys: Vec::new(),
        hashes: Vec::new(),
    };
    for (i, (r, (hash, bytes))) in ranges.iter().zip(shard_files).enumerate() {
        shards.keys.push(if i == 0 {
            String::new()
        } else {
            separator(&words[r.start - 1], &words[r.start])
        });
        shards
            .files
            .push(OutputFile::new(format!("search/t{i}.{hash}.json"), bytes));
        shards.hashes.push(hash);
    }
    shards
}

/// The summary chunk files, with what the manifest says of them.
struct SummaryChunks {
    files: Vec<OutputFile>,
    /// Records per chunk.
    per: usize,
    /// The chunks' hashes, concatenated.
    hashes: String,
}

/// Phase 7: record summaries in chunks of `per` records.
fn summary_chunks(summaries: Vec<String>, records: usize, chunk_bytes: usize) -> SummaryChunks {
    let avg_summary = summaries.iter().map(String::len).sum::<usize>() / records.max(1) + 1;
    // At most about 2,000 chunks, so that the manifest stays small.
    let per = (chunk_bytes / avg_summary)
        .max(4)
        .max(records.div_ceil(MAX_CHUNKS));
    let chunks: Vec<(String, Vec<u8>)> = summaries
        .par_chunks(per)
        .map(|chunk| {
            let bytes = format!("[{}]", chunk.join(",")).into_bytes();
            (short_hash(&bytes), bytes)
        })
        .collect();
    drop(summaries);
    let mut files = Vec::with_capacity(chunks.len());
    let mut hashes = String::new();
    for (i, (hash, bytes)) in chunks.into_iter().enumerate() {
        files.push(OutputFile::new(format!("search/r{i}.{hash}.json"), bytes));
        hashes.push_str(&hash);
    }
    SummaryChunks { files, per, hashes }
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

/// A score as an impact level, 1 to 63.
pub fn level(score: f32) -> u32 {
    (LEVELS * score.max(0.0).ln_1p()).round().clamp(1.0, 63.0) as u32
}

/// [`level`] without a logarithm: a search among the scores where the level
/// steps up. A large site has millions of postings, and a logarithm each
/// was a twentieth of the index's time. `level` never decreases as the
/// score grows, so the steps found with it give it back exactly (a test
/// checks around every step).
fn fast_level(score: f32) -> u32 {
    1 + LEVEL_STEPS.partition_point(|&step| step <= score) as u32
}

/// `LEVEL_STEPS[k]`: the least score of level `k + 2`, found by bisecting
/// the non-negative floats, which order like their bits.
static LEVEL_STEPS: std::sync::LazyLock<[f32; 62]> = std::sync::LazyLock::new(|| {
    std::array::from_fn(|k| {
        let want = k as u32 + 2;
        let (mut lo, mut hi) = (0u32, f32::MAX.to_bits());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if level(f32::from_bits(mid)) >= want {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        f32::from_bits(lo)
    })
});

/// Doc deltas as little-endian base-32 digits (the high bit of each 6-bit
/// character says "more digits follow"), each followed by its impact level
/// as one character.
pub fn encode_postings(postings: &[(u32, u32)]) -> String {
    let mut out = String::with_capacity(postings.len() * 2);
    let mut prev = 0;
    for &(doc, impact) in postings {
        push_varint(&mut out, doc - prev);
        out.push(ALPHABET[impact.min(63) as usize] as char);
        prev = doc;
    }
    out
}

fn push_varint(out: &mut String, mut v: u32) {
    loop {
        let digit = (v & 31) as usize;
        v >>= 5;
        if v == 0 {
            out.push(ALPHABET[digit] as char);
            return;
        }
        out.push(ALPHABET[digit | 32] as char);
    }
}

/// Decodes [`encode_postings`] (for tests; the client has its own).
pub fn decode_postings(s: &str) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let (mut v, mut shift, mut doc, mut pending) = (0u32, 0, 0u32, None);
    for c in s.bytes() {
        let d = ALPHABET.iter().position(|&a| a == c).unwrap_or(0) as u32;
        if let Some(doc) = pending.take() {
            out.push((doc, d));
            continue;
        }
        v |= (d & 31) << shift;
        if d & 32 != 0 {
            shift += 5;
            continue;
        }
        doc += v;
        pending = Some(doc);
        v = 0;
        shift = 0;
    }
    out
}

/// The first two characters: shards are cut between such blocks when they can.
fn prefix2(w: &str) -> &str {
    w.char_indices().nth(2).map_or(w, |(i, _)| &w[..i])
}

/// Splits the sorted dictionary into ranges of about `target` bytes, cut
/// between blocks of words that share their first two letters unless one
/// block alone is over twice the target.
fn cut_shards(
    words: &[String],
    word_group: &[u32],
    encoded: &[EncodedGroup],
    target: usize,
) -> Vec<Range<usize>> {
    // About what word `k` adds to a shard's JSON: itself, and its group
    // (postings and all) if the shard does not have the group yet.
    let cost = |k: usize, new_group: bool| {
        let group = if new_group {
            encoded[word_group[k] as usize].postings.len() + 14
        } else {
            0
        };
        words[k].len() + 8 + group
    };
    let mut shards = ShardCuts::default();
    let mut i = 0;
    while i < words.len() {
        let p = prefix2(&words[i]);
        let end = i + words[i..].iter().take_while(|w| prefix2(w) == p).count();
        let mut new = HashSet::new();
        let block: usize = (i..end)
            .map(|k| {
                let g = word_group[k];
                cost(k, !shards.groups.contains(&g) && new.insert(g))
            })
            .sum();
        shards.cut_if_over(i, block, target);
        if block > target * 2 {
            // One prefix too big for a shard: cut it between words.
            for (k, &g) in (i..end).zip(&word_group[i..end]) {
                let c = cost(k, !shards.groups.contains(&g));
                shards.cut_if_over(k, c, target);
                shards.groups.insert(g);
                shards.size += c;
            }
        } else {
            shards.groups.extend(word_group[i..end].iter().copied());
            shards.size += block;
        }
        i = end;
    }
    shards.finish(words.len())
}

/// The shards cut so far, and the one being filled.
#[derive(Default)]
struct ShardCuts {
    ranges: Vec<Range<usize>>,
    /// Where the current shard starts, its size and its groups.
    start: usize,
    size: usize,
    groups: HashSet<u32>,
}

impl ShardCuts {
    /// Ends the current shard before word `at` if `cost` more would take a
    /// shard that is not empty over `target`.
    fn cut_if_over(&mut self, at: usize, cost: usize, target: usize) {
        if self.size > 0 && self.size + cost > target {
            self.ranges.push(self.start..at);
            self.start = at;
            self.size = 0;
            self.groups.clear();
        }
    }

    fn finish(mut self, words: usize) -> Vec<Range<usize>> {
        if self.start < words || self.ranges.is_empty() {
            self.ranges.push(self.start..words);
        }
        self.ranges
    }
}

/// The shortest prefix of `next` that sorts after `prev`.
fn separator(prev: &str, next: &str) -> String {
    let mut end = 0;
    for (i, c) in next.char_indices() {
        end = i + c.len_utf8();
        if js_cmp(&next[..end], prev) == std::cmp::Ordering::Greater {
            return next[..end].to_owned();
        }
    }
    next[..end].to_owned()
}

fn kind_index(kind: Kind) -> usize {
    Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

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

/// `[title, url, kind, context, text]` as JSON, text cut at a word.
fn summary(r: &Record, max_chars: usize) -> String {
    let kind = kind_index(r.kind);
    // `cut` reads no further than character `max_chars` of the squashed
    // text, so that is all that is squashed of a long section. NFC can join
    // characters, so text that is not all ASCII is squashed whole.
    let source = if r.snippet.is_ascii() {
        squash_prefix(&r.snippet, max_chars + 1)
    } else {
        squash(&r.snippet)
    };
    let text = cut(&nfc(&source), max_chars);
    let title = nfc(&r.title);
    let context = nfc(&r.context);
    serde_json::to_string(&(title, &r.url, kind, context, text)).unwrap_or_default()
}

/// NFC, so the client's word pattern sees letters, not letters and marks.
fn nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

/// At most `max` characters, cut at a space, with an ellipsis if cut.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_owned(),
        Some((end, _)) => {
            let head = &text[..end];
            let head = head.rfind(' ').map_or(head, |sp| &head[..sp]);
            format!("{}…", head.trim_end_matches(|c: char| !c.is_alphanumeric()))
        }
    }
}

/// Hex digits of a content hash in file names.
const HASH_CHARS: usize = 8;
/// The most summary chunks an index is cut into.
const MAX_CHUNKS: usize = 2_000;

fn short_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..HASH_CHARS].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_level_is_level() {
        let mut scores: Vec<f32> = vec![0.0, -1.0, 1e-30, 1.0, 1e9, f32::MAX];
        for &step in LEVEL_STEPS.iter() {
            let bits = step.to_bits();
            scores.extend((bits.saturating_sub(64)..bits + 64).map(f32::from_bits));
        }
        // And a sweep of ordinary scores.
        scores.extend((0..200_000).map(|i| i as f32 * 0.0005));
        for x in scores {
            assert_eq!(fast_level(x), level(x), "score {x:e}");
        }
        assert!(LEVEL_STEPS.windows(2).all(|w| w[0] < w[1]));
    }
}
