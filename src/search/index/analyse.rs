//! Phase 1: records → their words, counted per field, with each record's
//! summary and kind. The records' text is not kept.
//!
//! Origins are analysed a part at a time, in parallel, each part with its
//! own small dictionary (no lock, no shared table); [`super::dictionary`]
//! merges them.

use std::hash::BuildHasher;
use std::ops::Range;

use hashbrown::HashTable;
use rayon::prelude::*;
use rustc_hash::FxBuildHasher;

use super::cache::{self, Digest, PartCache};
use super::strs::Strs;
use super::summaries::summary_json;
use super::tfs::{Tf, Tfs};
use crate::search::records::SearchRecord;
use crate::search::text::fold_words;

/// The records of origins `ids` (`each(i, pass, add)` hands origin `i`'s
/// to `add`), analysed in parts in parallel. Without a `cache`, a part is
/// [`ORIGINS_PER_PART`] origins. With one, every origin's records are
/// first digested, parts are cut where the digests say
/// ([`cache::AVERAGE`]), and a part the cache holds is read back rather
/// than analysed.
pub(super) fn analyse<F>(
    ids: Range<usize>,
    each: &F,
    snippet_chars: usize,
    stop: &(dyn Fn() -> bool + Sync),
    cache: Option<&PartCache>,
) -> Vec<Part>
where
    F: Fn(usize, Pass, &mut dyn FnMut(&[SearchRecord])) + Sync,
{
    let Range {
        start,
        end: origins,
    } = ids;
    let analysed = |ids: Range<usize>| {
        let mut analyser = Analyser::new(snippet_chars);
        for i in ids {
            if stop() {
                break;
            }
            each(i, Pass::Analyse, &mut |records| analyser.add(records));
        }
        analyser.finish()
    };
    let Some(cache) = cache else {
        let starts: Vec<usize> = (start..origins).step_by(ORIGINS_PER_PART).collect();
        return (starts.into_par_iter())
            .map(|s| analysed(s..origins.min(s + ORIGINS_PER_PART)))
            .collect();
    };
    let digests: Vec<Digest> = (start..origins)
        .into_par_iter()
        .map(|i| cache.origin_digest(|add| each(i, Pass::Digest, add)))
        .collect();
    cut(&digests)
        .into_par_iter()
        .map(|at| {
            let key = cache.part_key(&digests[at.clone()], snippet_chars);
            let ids = at.start + start..at.end + start;
            if let Some(part) = cache.get(&key) {
                return part;
            }
            let part = analysed(ids);
            if !stop() {
                cache.put(&key, &part);
            }
            part
        })
        .collect()
}

/// The records `each(add)` hands to `add`, analysed into one part: a run
/// of origins analysed outside [`analyse`] (a large site's pages, as the
/// render makes their text).
pub(in crate::search) fn analyse_run(
    each: impl FnOnce(&mut dyn FnMut(&[SearchRecord])),
    snippet_chars: usize,
) -> Part {
    let mut analyser = Analyser::new(snippet_chars);
    each(&mut |records| analyser.add(records));
    analyser.finish()
}

/// [`analyse_run`] of a run of origins whose records are `records`, each
/// origin's in order, read back from `cache` if an earlier build analysed
/// the same records: a large site's pages as the render makes their text
/// (#17). The run is a part of its own, so its key is the digest of its
/// origins, as [`analyse`] keys a part it cuts.
pub(in crate::search) fn analyse_run_cached(
    records: &[Vec<SearchRecord>],
    snippet_chars: usize,
    cache: &PartCache,
) -> Part {
    let digests: Vec<Digest> = (records.iter())
        .map(|r| cache.origin_digest(|add| add(r)))
        .collect();
    let key = cache.part_key(&digests, snippet_chars);
    if let Some(part) = cache.get(&key) {
        return part;
    }
    let part = analyse_run(
        |add| {
            for r in records {
                add(r);
            }
        },
        snippet_chars,
    );
    cache.put(&key, &part);
    part
}

/// What the records of an origin are wanted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// Their digest, for the part cache: their text is needed again.
    Digest,
    /// Their analysis: the last use of their text.
    Analyse,
}

/// The origins of each part, cut after every origin whose digest is 0
/// modulo [`cache::AVERAGE`], or that makes a part four times as long:
/// where a part ends depends on its own origins only.
fn cut(digests: &[Digest]) -> Vec<Range<usize>> {
    crate::hash::cut(digests, cache::AVERAGE)
}

/// One part of the records, analysed with its own small dictionary, with
/// the records' summaries and kinds. The records' text is not kept.
pub(in crate::search) struct Part {
    /// The part's own dictionary, each word once, in the order first
    /// seen: [`Tf::word`] is a position in it.
    pub(super) words: Strs,
    /// Per record: its field lengths and where its words end in `tfs`.
    pub(super) docs: Vec<([u32; 3], usize)>,
    /// Every record's words with their counts, one after the other: one
    /// allocation per part rather than one per record, which left the
    /// allocator's pages fragmented.
    pub(super) tfs: Tfs,
    /// Per record: its summary, as JSON, and its kind index.
    pub(super) summaries: Strs,
    pub(super) kinds: Vec<usize>,
}

/// Origins per part: enough work per task, few records in memory at once.
const ORIGINS_PER_PART: usize = 64;

/// Analyses the records of one part as they come, one origin at a time.
pub(super) struct Analyser {
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
    pub(super) fn new(snippet_chars: usize) -> Self {
        Analyser {
            ids: HashTable::new(),
            part: Part {
                words: Strs::default(),
                docs: Vec::new(),
                tfs: Tfs::default(),
                summaries: Strs::default(),
                kinds: Vec::new(),
            },
            counts: Vec::new(),
            seen: Vec::new(),
            snippet_chars,
        }
    }

    pub(super) fn add(&mut self, records: &[SearchRecord]) {
        let Analyser {
            ids,
            part,
            counts,
            seen,
            snippet_chars,
        } = self;
        for r in records {
            part.summaries.push(&summary_json(r, *snippet_chars));
            part.kinds.push(r.kind.index());
            let mut lens = [0u32; 3];
            for (f, text) in r.fields.iter().enumerate() {
                fold_words(text, |w| {
                    lens[f] += 1;
                    let words = &mut part.words;
                    let hash = FxBuildHasher.hash_one(w);
                    let id = match ids.find(hash, |&id| words.get(id as usize) == w) {
                        Some(&id) => id,
                        None => {
                            let id = words.len() as u32;
                            words.push(w);
                            ids.insert_unique(hash, id, |&id| {
                                FxBuildHasher.hash_one(words.get(id as usize))
                            });
                            counts.push(None);
                            id
                        }
                    };
                    let slot = &mut counts[id as usize];
                    let tf = slot.get_or_insert_with(|| {
                        seen.push(id);
                        Tf::new(id)
                    });
                    tf.add(f);
                });
            }
            // In the order of their ids, as `Tfs` packs them.
            seen.sort_unstable();
            let end =
                (part.tfs).push_record(seen.drain(..).filter_map(|id| counts[id as usize].take()));
            part.docs.push((lens, end));
        }
    }

    pub(super) fn finish(mut self) -> Part {
        self.part.tfs.fit();
        self.part.words.fit();
        self.part.summaries.fit();
        super::strs::fit(&mut self.part.docs);
        super::strs::fit(&mut self.part.kinds);
        self.part
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A digest that ends a part (its first two bytes 0 modulo 64) or not.
    fn digest(ends: bool, n: u8) -> Digest {
        let mut d = [n; 16];
        d[..2].copy_from_slice(&(if ends { 128u16 } else { 129 }).to_le_bytes());
        d
    }

    #[test]
    fn parts_end_where_the_digests_say_and_are_never_too_long() {
        let mut digests: Vec<Digest> = (0..10).map(|n| digest(n == 3 || n == 7, n)).collect();
        assert_eq!(cut(&digests), [0..4, 4..8, 8..10]);
        // An origin added at the front moves every part's origins by one,
        // and changes no part but the first.
        digests.insert(0, digest(false, 99));
        assert_eq!(cut(&digests), [0..5, 5..9, 9..11]);
        let none: Vec<Digest> = (0..600).map(|n| digest(false, n as u8)).collect();
        let parts = cut(&none);
        assert_eq!(parts.len(), 3);
        assert!(
            parts
                .iter()
                .all(|p| p.len() <= 4 * usize::from(cache::AVERAGE))
        );
        assert_eq!(parts.last(), Some(&(512..600)));
        assert!(cut(&[]).is_empty());
    }
}
