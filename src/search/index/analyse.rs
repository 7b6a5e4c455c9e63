//! Phase 1: records → their words, counted per field, with each record's
//! summary and kind. The records' text is not kept.
//!
//! Origins are analysed a part at a time, in parallel, each part with its
//! own small dictionary (no lock, no shared table); [`super::dictionary`]
//! merges them.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rayon::prelude::*;
use rustc_hash::FxBuildHasher;

use super::strs::Strs;
use super::summaries::summary_json;
use super::tfs::{Tf, Tfs};
use crate::search::records::SearchRecord;
use crate::search::text::fold_words;

/// Every record of `origins` origins (`each(i, add)` hands origin `i`'s to
/// `add`), analysed in parts of [`ORIGINS_PER_PART`] origins in parallel.
pub(super) fn analyse<F>(
    origins: usize,
    each: &F,
    snippet_chars: usize,
    stop: &(dyn Fn() -> bool + Sync),
) -> Vec<Part>
where
    F: Fn(usize, &mut dyn FnMut(&[SearchRecord])) + Sync,
{
    let ids: Vec<usize> = (0..origins).collect();
    ids.par_chunks(ORIGINS_PER_PART)
        .map(|chunk| {
            let mut analyser = Analyser::new(snippet_chars);
            for &i in chunk {
                if stop() {
                    break;
                }
                each(i, &mut |records| analyser.add(records));
            }
            analyser.finish()
        })
        .collect()
}

/// One part of the records, analysed with its own small dictionary, with
/// the records' summaries and kinds. The records' text is not kept.
pub(super) struct Part {
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

    fn add(&mut self, records: &[SearchRecord]) {
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

    fn finish(mut self) -> Part {
        self.part.tfs.fit();
        self.part.words.fit();
        self.part.summaries.fit();
        super::strs::fit(&mut self.part.docs);
        super::strs::fit(&mut self.part.kinds);
        self.part
    }
}
