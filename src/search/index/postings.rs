//! Phases 4 and 5: each stem group's postings, scored and encoded.
//!
//! A posting is a record and the BM25F score of the group in it (its
//! "impact"), quantised to one of 63 levels and written as one character
//! after the record's delta from the previous one. Posting lists longer
//! than `max_postings` keep their best impacts (static index pruning).

use std::ops::Range;

use rayon::prelude::*;

use super::analyse::Part;
use super::tfs::GroupTfs;

/// What a stop word's impact and idf are multiplied by.
const STOP: f32 = 0.25;

/// BM25F field weights: title or question, headings, body (issue #5).
const WEIGHTS: [f32; 3] = [4.0, 2.0, 1.0];

/// Length normalisation per field.
const B: [f32; 3] = [0.4, 0.5, 0.75];

/// BM25 term frequency saturation: how soon more occurrences stop counting.
const K1: f32 = 2.0;

/// Impacts are stored as one character: `round(LEVELS × ln(1 + score))`,
/// 1 to 63, about 6% apart; the client turns a level back into a score.
const LEVELS: f32 = 16.0;

/// The 64 characters of the posting encoding; none needs escaping in JSON.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// A part's records as (stem group, frequency per field) pairs, packed,
/// with what weighing a pair needs of its record. A pair's weight is
/// worked out where it is gathered, with the same arithmetic as before, so
/// nothing changes in the output but the memory: the weighed pairs of a
/// 100,000-page site were 470 MB as (`u32`, `f32`) pairs (#17).
struct GroupedPart {
    /// The stem groups of the part's records, each once, in increasing
    /// order: `tfs` names a group by its place here.
    groups: Vec<u32>,
    /// How many of the part's records each of `groups` is in.
    df: Vec<u32>,
    tfs: GroupTfs,
    /// Per record: its fields' length norms, and where its pairs end in
    /// `tfs`.
    docs: Vec<([f32; 3], usize)>,
}

/// Every stem group's postings before scoring, not yet gathered: each
/// part's pairs, and where each group's postings start in the list of all
/// of them, group after group (group `g`'s are `starts[g]..starts[g + 1]`).
pub(super) struct Postings {
    parts: Vec<GroupedPart>,
    starts: Vec<usize>,
}

/// Phase 4: each part's records as stem groups with their counts, each
/// part in parallel, counted per group.
pub(super) fn gather_postings(
    parts: Vec<Part>,
    part_groups: &[Vec<u32>],
    groups: usize,
    records: usize,
) -> Postings {
    let avg = average_lengths(&parts, records);
    let grouped: Vec<GroupedPart> = parts
        .into_par_iter()
        .zip(part_groups)
        .map(|(part, word_group)| group_counts(part, word_group, &avg))
        .collect();
    // How many records each group is in, from each part's own counts.
    let mut starts = vec![0usize; groups + 1];
    for w in &grouped {
        for (&g, &n) in w.groups.iter().zip(&w.df) {
            starts[g as usize + 1] += n as usize;
        }
    }
    for g in 0..groups {
        starts[g + 1] += starts[g];
    }
    Postings {
        parts: grouped,
        starts,
    }
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

/// A part's records as (group, counts per field) pairs. A group's
/// frequency in a field is the sum of its words' (BM25F weighs the stem
/// group, not each word), added up in integers: the order of a record's
/// words does not matter. `word_group` is the stem group of each of the
/// part's word ids.
fn group_counts(part: Part, word_group: &[u32], avg: &[f32; 3]) -> GroupedPart {
    let mut groups = word_group.to_vec();
    groups.sort_unstable();
    groups.dedup();
    let place: Vec<u32> = word_group
        .iter()
        .map(|g| groups.partition_point(|x| x < g) as u32)
        .collect();
    let mut df = vec![0u32; groups.len()];
    let mut tfs = GroupTfs::default();
    let mut docs = Vec::with_capacity(part.docs.len());
    // The current record's groups (places) with their counts, and where
    // each place is among them if it is in the current record.
    let mut record: Vec<(u32, [u32; 3])> = Vec::new();
    let mut at = vec![u32::MAX; groups.len()];
    let mut start = 0;
    for (lens, end) in part.docs {
        record.clear();
        for tf in part.tfs.record(start, end) {
            let p = place[tf.word as usize];
            let i = match at[p as usize] as usize {
                i if i < record.len() && record[i].0 == p => i,
                _ => {
                    at[p as usize] = record.len() as u32;
                    record.push((p, [0; 3]));
                    record.len() - 1
                }
            };
            for (f, n) in record[i].1.iter_mut().enumerate() {
                *n += u32::from(tf.get(f));
            }
        }
        for &(p, freq) in &record {
            tfs.push(p, freq);
            df[p as usize] += 1;
        }
        let norm: [f32; 3] = std::array::from_fn(|f| 1.0 - B[f] + B[f] * lens[f] as f32 / avg[f]);
        docs.push((norm, tfs.end()));
        start = end;
    }
    tfs.fit();
    GroupedPart {
        groups,
        df,
        tfs,
        docs,
    }
}

/// A group's BM25F weighted frequency in a record whose fields have the
/// length norms `norm`.
fn weight(freq: [u32; 3], norm: &[f32; 3]) -> f32 {
    (0..3).map(|f| WEIGHTS[f] * freq[f] as f32 / norm[f]).sum()
}

/// A record and a group's weighted frequency in it.
type Posting = (u32, f32);

/// The postings of some groups from a run of parts, in one array, group
/// after group (a counting sort: no list grows and copies itself over and
/// over), with where each group's postings start.
struct Gathered {
    list: Vec<Posting>,
    starts: Vec<usize>,
}

impl Gathered {
    /// The postings of the `i`th group gathered.
    fn group(&self, i: usize) -> &[Posting] {
        &self.list[self.starts[i]..self.starts[i + 1]]
    }
}

/// The postings of the groups in `band`, gathered from the two halves of
/// the parts side by side: a group's are the first half's, then the
/// second's. Each half reads only its own parts' pairs, once a band.
fn band_postings(
    postings: &Postings,
    band: Range<usize>,
    halt: &(dyn Fn() -> bool + Sync),
) -> [Gathered; 2] {
    let parts = &postings.parts;
    let (low, high) = parts.split_at(parts.len() / 2);
    let first_doc = low.iter().map(|p| p.docs.len() as u32).sum();
    let (a, b) = rayon::join(
        || gather(low, 0, band.clone(), halt),
        || gather(high, first_doc, band.clone(), halt),
    );
    [a, b]
}

/// The places in `part.groups` of the groups in `range` (a part's groups
/// are in increasing order).
fn places(part: &GroupedPart, range: &Range<usize>) -> Range<u32> {
    let at = |g: usize| part.groups.partition_point(|&x| (x as usize) < g) as u32;
    at(range.start)..at(range.end)
}

/// The postings of the groups in `range` from `parts`, whose first record
/// is record `doc`, weighing each pair; left part filled once `halt()`
/// says so (the caller then drops it).
fn gather(
    parts: &[GroupedPart],
    mut doc: u32,
    range: Range<usize>,
    halt: &(dyn Fn() -> bool + Sync),
) -> Gathered {
    let mut starts = vec![0usize; range.len() + 1];
    for part in parts {
        for p in places(part, &range) {
            let g = part.groups[p as usize] as usize;
            starts[g - range.start + 1] += part.df[p as usize] as usize;
        }
    }
    for i in 0..range.len() {
        starts[i + 1] += starts[i];
    }
    let mut next = starts[..range.len()].to_vec();
    let mut list = vec![(0, 0.0); starts[range.len()]];
    for part in parts {
        if halt() {
            break;
        }
        let places = places(part, &range);
        if places.is_empty() {
            doc += part.docs.len() as u32;
            continue;
        }
        let mut start = 0;
        for (norm, end) in &part.docs {
            for (p, freq) in part.tfs.record(start, *end) {
                if places.contains(&p) {
                    let k = &mut next[part.groups[p as usize] as usize - range.start];
                    list[*k] = (doc, weight(freq, norm));
                    *k += 1;
                }
            }
            start = *end;
            doc += 1;
        }
    }
    Gathered { list, starts }
}

/// A stem group's postings as its term shard lists them.
#[derive(Default)]
pub(super) struct EncodedGroup {
    /// The group's idf × 10, rounded.
    pub(super) idf: u32,
    /// Its (record, impact level) pairs, [`encode_postings`]-encoded.
    pub(super) postings: String,
    /// Whether the list was cut to its best `max_postings`.
    pub(super) pruned: bool,
}

/// Phase 5: impacts (idf × saturated tf) per group, pruned and encoded.
/// The postings are gathered and encoded a band of groups at a time, each
/// band at most `band` postings (or one group), so the whole site's
/// postings are never in one array beside the parts they came from: at
/// 100,000 pages that array was about 400 MB. `None` as soon as `halt()`
/// says so (serve: a newer save is waiting): checked per band, per part
/// gathered and per group, so a save waits a few milliseconds, not the
/// whole phase.
pub(super) fn encode_groups(
    postings: Postings,
    stop_group: &[bool],
    records: usize,
    (max_postings, band): (usize, usize),
    halt: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<EncodedGroup>> {
    let max = max_postings.max(1);
    let starts = &postings.starts;
    let groups = starts.len() - 1;
    let mut encoded = Vec::with_capacity(groups);
    let mut first = 0;
    while first < groups {
        // The last group whose postings end within `band` of the first's.
        let limit = starts[first].saturating_add(band);
        let end = (starts.partition_point(|&s| s <= limit) - 1).clamp(first + 1, groups);
        let [a, b] = band_postings(&postings, first..end, halt);
        encoded.par_extend((first..end).into_par_iter().map(|g| {
            if halt() {
                return EncodedGroup::default();
            }
            let i = g - first;
            encode_group((a.group(i), b.group(i)), stop_group[g], records, max)
        }));
        if halt() {
            return None;
        }
        first = end;
    }
    Some(encoded)
}

/// One group's postings (in two runs, one after the other) scored and
/// encoded, at most `max` of them.
fn encode_group(
    (a, b): (&[Posting], &[Posting]),
    stop: bool,
    records: usize,
    max: usize,
) -> EncodedGroup {
    let df = (a.len() + b.len()) as f32;
    let idf = (1.0 + (records as f32 - df + 0.5) / (df + 0.5)).ln() * if stop { STOP } else { 1.0 };
    let mut impacts: Vec<(u32, u32)> = (a.iter().chain(b))
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

/// A score as an impact level, 1 to 63.
fn level(score: f32) -> u32 {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Encoding halts partway through when told to: serve's next save
    /// waits for a check, not for the whole phase (about 100 ms at 10,000
    /// pages).
    #[test]
    fn encoding_gives_way_as_soon_as_it_is_halted() {
        use crate::search::records::{ResultKind, SearchRecord};
        use std::sync::atomic::{AtomicUsize, Ordering};
        let records: Vec<SearchRecord> = (0..40)
            .map(|i| SearchRecord {
                kind: ResultKind::Guide,
                url: format!("/p{i}/"),
                title: format!("Page {i}"),
                context: String::new(),
                fields: [
                    format!("page {i}").into(),
                    "".into(),
                    format!("word{i} shared text {i}").into(),
                ],
                snippet: "".into(),
            })
            .collect();
        let each = |i: usize, _, add: &mut dyn FnMut(&[SearchRecord])| {
            add(std::slice::from_ref(&records[i]));
        };
        let run = |halt_after: usize| {
            let parts =
                super::super::analyse::analyse(0..records.len(), &each, 240, &|| false, None);
            let (dictionary, part_groups) = super::super::dictionary::Dictionary::new(&parts, "en");
            let postings = gather_postings(parts, &part_groups, dictionary.groups, records.len());
            let checks = AtomicUsize::new(0);
            let halt = || checks.fetch_add(1, Ordering::Relaxed) >= halt_after;
            let encoded = encode_groups(
                postings,
                &dictionary.stop_group,
                records.len(),
                (100, 50),
                &halt,
            );
            (
                encoded.map(|e| e.len()),
                checks.into_inner(),
                dictionary.groups,
            )
        };
        let (whole, checks, groups) = run(usize::MAX);
        assert_eq!(whole, Some(groups));
        // Halted at every point it checks: nothing comes out.
        for after in [0, 1, checks / 2, checks - 1] {
            assert_eq!(
                run(after).0,
                None,
                "halted after {after} of {checks} checks"
            );
        }
    }

    #[test]
    fn postings_round_trip() {
        let p = vec![(0, 1), (1, 31), (2, 32), (40, 63), (100_000, 5)];
        assert_eq!(decode_postings(&encode_postings(&p)), p);
        assert_eq!(encode_postings(&[(0, 1), (33, 2)]), "ABhBC");
        assert_eq!(level(0.0), 1);
        assert!(level(1.0) < level(1.2));
        assert_eq!(level(1e9), 63);
    }

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
