//! Phase 1: records → their words, counted per field, with each record's
//! summary and kind. The records' text is not kept.
//!
//! Origins are analysed a part at a time, in parallel, each part with its
//! own small dictionary (no lock, no shared table); [`super::dictionary`]
//! merges them.
//!
//! A part is a pure function of its records and the snippet length, so
//! `serve` keeps each part with a digest of what it was made from
//! ([`PartsMemo`], #17): after a save, only the parts whose records
//! changed are analysed again. Hashing a part's records is a few times
//! quicker than folding their words, which was most of the index's time.

use std::hash::BuildHasher;
use std::sync::{Arc, Mutex};

use hashbrown::HashTable;
use rayon::prelude::*;
use rustc_hash::FxBuildHasher;

use super::summaries::summary_json;
use crate::search::records::SearchRecord;
use crate::search::text::fold_words;

/// Every record of `origins` origins (`each(i, add)` hands origin `i`'s to
/// `add`), analysed in parts of [`ORIGINS_PER_PART`] origins in parallel.
/// With a `memo`, a part whose records hash as they did last time is taken
/// from it; `each` must then hand the same records each time it is asked.
pub(super) fn analyse<F>(
    origins: usize,
    each: &F,
    snippet_chars: usize,
    stop: &(dyn Fn() -> bool + Sync),
    memo: Option<&PartsMemo>,
) -> (Vec<Part>, usize)
where
    F: Fn(usize, &mut dyn FnMut(&[SearchRecord])) + Sync,
{
    let ids: Vec<usize> = (0..origins).collect();
    let reused = std::sync::atomic::AtomicUsize::new(0);
    let parts: Vec<Part> = ids
        .par_chunks(ORIGINS_PER_PART)
        .enumerate()
        .map(|(n, chunk)| {
            let fresh = || {
                let mut analyser = Analyser::new(snippet_chars);
                for &i in chunk {
                    if stop() {
                        break;
                    }
                    each(i, &mut |records| analyser.add(records));
                }
                analyser.finish()
            };
            let Some(memo) = memo else {
                return fresh();
            };
            let key = digest(chunk, each, snippet_chars);
            if let Some(part) = memo.get(n, &key) {
                reused.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                return Part::clone(&part);
            }
            let part = fresh();
            if !stop() {
                memo.put(n, key, part.clone());
            }
            part
        })
        .collect();
    if let Some(memo) = memo
        && !stop()
    {
        memo.forget_from(parts.len());
    }
    (parts, reused.into_inner())
}

/// A digest of the records of `chunk`'s origins and of the snippet
/// length: everything a part is made from. Each string is hashed with its
/// length, so no two sequences of records hash alike by running together.
fn digest<F>(chunk: &[usize], each: &F, snippet_chars: usize) -> blake3::Hash
where
    F: Fn(usize, &mut dyn FnMut(&[SearchRecord])) + Sync,
{
    let mut h = blake3::Hasher::new();
    h.update(&(snippet_chars as u64).to_le_bytes());
    let mut put = |s: &str| {
        h.update(&(s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    };
    for &i in chunk {
        each(i, &mut |records| {
            for r in records {
                put(r.kind.name());
                put(&r.url);
                put(&r.title);
                put(&r.context);
                for field in &r.fields {
                    put(field);
                }
                put(&r.snippet);
            }
        });
    }
    h.finalize()
}

/// The parts of one index as last analysed, by position, each with the
/// digest of what it was made from (see [`analyse`]). Kept by `serve`
/// between rebuilds; a stale entry is never used, since its digest differs.
#[derive(Default)]
pub struct PartsMemo(Mutex<Vec<Option<Kept>>>);

/// A part, with the digest of the records it was made from.
type Kept = (blake3::Hash, Arc<Part>);

impl std::fmt::Debug for PartsMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kept = self.lock().iter().flatten().count();
        write!(f, "PartsMemo({kept} parts)")
    }
}

impl PartsMemo {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Option<Kept>>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn get(&self, n: usize, key: &blake3::Hash) -> Option<Arc<Part>> {
        match self.lock().get(n) {
            Some(Some((k, part))) if k == key => Some(Arc::clone(part)),
            _ => None,
        }
    }

    fn put(&self, n: usize, key: blake3::Hash, part: Part) {
        let mut parts = self.lock();
        if parts.len() <= n {
            parts.resize_with(n + 1, || None);
        }
        parts[n] = Some((key, Arc::new(part)));
    }

    /// Forgets the parts past the last one the index has now.
    fn forget_from(&self, n: usize) {
        self.lock().truncate(n);
    }

    /// How many parts it keeps (for tests).
    pub fn len(&self) -> usize {
        self.lock().iter().flatten().count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A word of a record (its id in the part's dictionary) and how often it
/// occurs in each field. Eight bytes: a large site has millions.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tf {
    pub(super) word: u32,
    body: u16,
    title: u8,
    headings: u8,
}

impl Tf {
    pub(super) fn get(self, field: usize) -> u16 {
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
#[derive(Clone)]
pub(super) struct Part {
    /// The part's own dictionary, each word once, in the order first
    /// seen: [`Tf::word`] is a position in it.
    pub(super) words: Vec<String>,
    /// Per record: its field lengths and where its words end in `tfs`.
    pub(super) docs: Vec<([u32; 3], usize)>,
    /// Every record's words with their counts, one after the other: one
    /// allocation per part rather than one per record, which left the
    /// allocator's pages fragmented.
    pub(super) tfs: Vec<Tf>,
    /// Per record: its summary, as JSON, and its kind index.
    pub(super) summaries: Vec<String>,
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

    fn add(&mut self, records: &[SearchRecord]) {
        let Analyser {
            ids,
            part,
            counts,
            seen,
            snippet_chars,
        } = self;
        for r in records {
            part.summaries.push(summary_json(r, *snippet_chars));
            part.kinds.push(r.kind.index());
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
