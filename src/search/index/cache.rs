//! Analysed parts of the index kept between builds (#17).
//!
//! Counting the words of every record is a fifth of the CPU of a rebuild
//! of a 10,000-page site, and after one edit all but one part of the
//! records are as they were. A part's analysis ([`Part`]) is a pure
//! function of its records, in order, and of the snippet length: so each
//! part is saved under a digest of exactly that, and a later build that
//! meets the same records reads the part back instead of analysing them.
//! The digest is keyed with casebook's version and the identity of its
//! executable, so no other build of casebook ever reads these parts.
//!
//! Parts are cut where the records say, not every 64 origins: a part ends
//! after each origin whose digest is 0 modulo [`AVERAGE`], so parts are
//! that long on average (content-defined chunking, as in rsync and
//! restic). A page added or deleted then changes the part it falls into,
//! not every part after it.
//! How records fall into parts changes no byte of the index
//! (`how_records_fall_into_parts_changes_no_byte` in `search`).
//!
//! A stale or damaged file costs time, never a byte: a part is used only
//! if its key is the digest of this build's records, its bytes have the
//! checksum saved with it, and it decodes into a consistent part (word ids
//! in the part's dictionary, lengths that add up). Anything else reads as
//! a part not kept.
//!
//! `build` keeps the parts in a file in the spare folder, beside the
//! minify memo and, like it, never deployed. It is the Markdown memo's
//! kind of file ([`crate::markdown::kept`]), an append-only log read a
//! part at a time: a build appends the parts it analysed and a new table,
//! and leaves the parts it read back where they are, where it used to
//! write every part again into a new file (10,000 pages: 39 MB) after an
//! edit that changed one. Like the Markdown memo, it is kept on Unix
//! only. `serve` keeps the parts in memory, in its memo, for the index it
//! makes again after each save.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;

use super::analyse::Part;
use super::strs::Strs;
use super::tfs::{Tfs, put};
use crate::markdown::kept::Kept as Log;
use crate::search::records::{ResultKind, SearchRecord};

/// A 128-bit digest: an origin's records, or a part's.
pub(super) use crate::hash::Digest;
use crate::hash::Hasher;

/// The file's name in the spare folder.
pub const FILE: &str = ".casebook-search-parts";

const MAGIC: &str = "casebook index parts 2";
/// A part ends after an origin whose digest is 0 modulo this.
pub(super) const AVERAGE: u16 = 64;

/// The parts earlier builds analysed: in a file an earlier build saved
/// (`build`), or in memory (`serve`). Shared by the analysis's threads.
pub struct PartCache {
    key: Hasher,
    kept: Kept,
    reused: AtomicUsize,
    analysed: AtomicUsize,
}

enum Kept {
    /// The file earlier builds left, which this build appends to (or
    /// starts again), and where it goes.
    File { log: Box<Log>, new: PathBuf },
    /// `serve`'s: the parts its last two index builds used.
    Memory(Mutex<Memory>),
}

/// Parts by key, as bytes, with the last index build that used each.
/// Shared, so that a part is decoded outside the lock.
#[derive(Default)]
struct Memory {
    parts: FxHashMap<Digest, (Arc<[u8]>, u32)>,
    build: u32,
}

/// Every cache's key: casebook's version and executable, as the log's.
fn salt() -> Hasher {
    crate::markdown::kept::salt(MAGIC)
}

/// `serve`'s cache, in memory.
impl Default for PartCache {
    fn default() -> Self {
        PartCache {
            key: salt(),
            kept: Kept::Memory(Mutex::default()),
            reused: AtomicUsize::new(0),
            analysed: AtomicUsize::new(0),
        }
    }
}

impl PartCache {
    /// Reads the table of the parts earlier builds saved at `old` (if
    /// any: anything missing, foreign or damaged reads as no parts); this
    /// build's file goes to `new` ([`Log::open_as`]).
    pub fn open(old: &Path, new: &Path) -> PartCache {
        PartCache {
            key: salt(),
            kept: Kept::File {
                log: Box::new(Log::open_as(MAGIC, old, new)),
                new: new.to_path_buf(),
            },
            reused: AtomicUsize::new(0),
            analysed: AtomicUsize::new(0),
        }
    }

    /// Ends an index build that finished: writes the new file's table
    /// (until then it reads as damaged), or in memory forgets the parts
    /// neither this build nor the one before used. Returns how many parts
    /// were read back and how many analysed since the last call.
    pub fn finish(&self) -> [usize; 2] {
        match &self.kept {
            Kept::File { log, new } => {
                // A file left without its table reads as no parts: only
                // the next build's speed is at stake.
                log.finish(new);
            }
            Kept::Memory(memory) => {
                let mut m = lock(memory);
                let build = m.build;
                m.parts.retain(|_, (_, used)| *used + 1 >= build);
                m.build += 1;
            }
        }
        [
            self.reused.swap(0, Ordering::Relaxed),
            self.analysed.swap(0, Ordering::Relaxed),
        ]
    }

    /// The digest of one origin's records, which `visit` hands over:
    /// everything of them the analysis reads. The records are written out
    /// and hashed at once: a long input is hashed many blocks at a time,
    /// and field by field (with BLAKE3, before [`crate::hash`]) it took
    /// three times as long.
    pub(super) fn origin_digest(
        &self,
        visit: impl FnOnce(&mut dyn FnMut(&[SearchRecord])),
    ) -> Digest {
        thread_local! {
            static BYTES: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
        }
        BYTES.with_borrow_mut(|bytes| {
            bytes.clear();
            visit(&mut |records| {
                for r in records {
                    bytes.push(r.kind.index() as u8);
                    for text in [&r.url, &r.title, &r.context] {
                        add(bytes, text);
                    }
                    for text in r.fields.iter().chain([&r.snippet]) {
                        add(bytes, text);
                    }
                }
            });
            self.key.clone().update(bytes).finish()
        })
    }

    /// The key of a part: its origins' digests, in order, and the snippet
    /// length.
    pub(super) fn part_key(&self, origins: &[Digest], snippet_chars: usize) -> Digest {
        let mut h = self.key.clone();
        h.update(&(snippet_chars as u64).to_le_bytes());
        for d in origins {
            h.update(d);
        }
        h.finish()
    }

    /// The part saved under `key`, if there is a sound one; it is saved
    /// again for the next build. The locks are held only to read and
    /// write bytes: the checksum and the decoding run in parallel.
    pub(super) fn get(&self, key: &Digest) -> Option<Part> {
        let part = match &self.kept {
            Kept::File { log, .. } => {
                let (row, bytes) = log.read(key)?;
                let part = decode(&bytes)?;
                log.used(*key, row, &bytes);
                part
            }
            Kept::Memory(memory) => {
                let bytes = {
                    let mut m = lock(memory);
                    let build = m.build;
                    let (bytes, used) = m.parts.get_mut(key)?;
                    *used = build;
                    Arc::clone(bytes)
                };
                decode(&bytes)?
            }
        };
        self.reused.fetch_add(1, Ordering::Relaxed);
        Some(part)
    }

    /// Saves a part this build analysed.
    pub(super) fn put(&self, key: &Digest, part: &Part) {
        self.analysed.fetch_add(1, Ordering::Relaxed);
        match &self.kept {
            Kept::File { log, .. } => log.made(*key, Some(&encode(part))),
            Kept::Memory(memory) => {
                let bytes: Arc<[u8]> = encode(part).into();
                let mut m = lock(memory);
                let build = m.build;
                m.parts.insert(*key, (bytes, build));
            }
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// `text` with its length first, so that no two lists of texts write the
/// same bytes.
fn add(bytes: &mut Vec<u8>, text: &str) {
    bytes.extend_from_slice(&(text.len() as u64).to_le_bytes());
    bytes.extend_from_slice(text.as_bytes());
}

/// A part's bytes: its words, its records' lengths and ends, its packed
/// counts, its summaries and its kinds, each list with its length first,
/// every number LEB128.
fn encode(part: &Part) -> Vec<u8> {
    let mut out = Vec::with_capacity(part.tfs.bytes().len() + part.summaries.bytes() * 2);
    put_strs(&mut out, &part.words);
    put(&mut out, part.docs.len() as u64);
    let mut previous = 0;
    for &(lens, end) in &part.docs {
        for l in lens {
            put(&mut out, u64::from(l));
        }
        put(&mut out, (end - previous) as u64);
        previous = end;
    }
    put(&mut out, part.tfs.bytes().len() as u64);
    out.extend_from_slice(part.tfs.bytes());
    put_strs(&mut out, &part.summaries);
    for &k in &part.kinds {
        put(&mut out, k as u64);
    }
    out
}

fn put_strs(out: &mut Vec<u8>, strs: &Strs) {
    put(out, strs.len() as u64);
    for s in strs.iter() {
        put(out, s.len() as u64);
    }
    out.extend_from_slice(strs.text().as_bytes());
}

/// [`encode`] undone, or `None` if the bytes are not a consistent part.
fn decode(bytes: &[u8]) -> Option<Part> {
    let mut r = Reader(bytes);
    let words = r.strs()?;
    // Every record takes bytes of its own: a count larger than the bytes
    // left is damage, not a reason to reserve memory for it.
    let records = r.len().filter(|&n| n <= bytes.len())?;
    let mut docs = Vec::with_capacity(records);
    let mut end = 0usize;
    for _ in 0..records {
        let mut lens = [0u32; 3];
        for l in &mut lens {
            *l = u32::try_from(r.num()?).ok()?;
        }
        end = end.checked_add(r.len()?)?;
        docs.push((lens, end));
    }
    let tfs_len = r.len()?;
    let tfs = Tfs::from_bytes(r.take(tfs_len)?.to_vec());
    if end != tfs_len {
        return None;
    }
    let summaries = r.strs()?;
    let mut kinds = Vec::with_capacity(records);
    for _ in 0..records {
        kinds.push(r.len().filter(|&k| k < ResultKind::ALL.len())?);
    }
    if !r.0.is_empty() || summaries.len() != records {
        return None;
    }
    let mut start = 0;
    for &(_, end) in &docs {
        if tfs
            .record(start, end)
            .any(|tf| tf.word as usize >= words.len())
        {
            return None;
        }
        start = end;
    }
    Some(Part {
        words,
        docs,
        tfs,
        summaries,
        kinds,
    })
}

/// Reads what [`encode`] wrote, failing at the end of the bytes.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    /// One LEB128 number (at most ten bytes).
    fn num(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let (&b, rest) = self.0.split_first()?;
            self.0 = rest;
            v |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    fn len(&mut self) -> Option<usize> {
        usize::try_from(self.num()?).ok()
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = (n <= self.0.len()).then(|| self.0.split_at(n))?;
        self.0 = rest;
        Some(head)
    }

    fn strs(&mut self) -> Option<Strs> {
        let count = self.len()?;
        let mut ends = Vec::with_capacity(count.min(self.0.len()));
        let mut end = 0usize;
        for _ in 0..count {
            end = end.checked_add(self.len()?)?;
            ends.push(end);
        }
        let text = std::str::from_utf8(self.take(end)?).ok()?;
        Strs::from_parts(text.to_owned(), ends)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::records::ResultKind;
    use std::borrow::Cow;
    use std::fs;

    fn record(title: &str, body: &str) -> SearchRecord<'static> {
        SearchRecord {
            kind: ResultKind::Guide,
            url: format!("/{}/", title.to_lowercase()),
            title: title.to_owned(),
            context: String::new(),
            fields: [
                Cow::Owned(title.to_owned()),
                Cow::Borrowed(""),
                Cow::Owned(body.to_owned()),
            ],
            snippet: Cow::Owned(body.to_owned()),
        }
    }

    fn part_of(records: &[SearchRecord]) -> Part {
        let mut a = super::super::analyse::Analyser::new(240);
        a.add(records);
        a.finish()
    }

    fn same(a: &Part, b: &Part) -> bool {
        let all = |p: &Part| {
            let records: Vec<Vec<_>> = (0..p.docs.len())
                .map(|i| {
                    let start = if i == 0 { 0 } else { p.docs[i - 1].1 };
                    p.tfs.record(start, p.docs[i].1).collect()
                })
                .collect();
            (
                p.words.iter().map(str::to_owned).collect::<Vec<_>>(),
                p.docs.clone(),
                records,
                p.summaries.iter().map(str::to_owned).collect::<Vec<_>>(),
                p.kinds.clone(),
            )
        };
        all(a) == all(b)
    }

    #[test]
    fn a_part_comes_back_as_it_was_analysed() {
        let part = part_of(&[
            record("Wörter", "Ein Satz mit Wörtern, wörter."),
            record("Empty", ""),
            record("Second", "Reach out to the hiring manager 3 times."),
        ]);
        let back = decode(&encode(&part)).expect("decodes");
        assert!(same(&part, &back));
    }

    #[test]
    fn damaged_or_inconsistent_bytes_are_no_part() {
        let part = part_of(&[record("One", "alpha beta"), record("Two", "gamma")]);
        let bytes = encode(&part);
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_none());
        // No words, then a count of 2^40 records: refused, nothing reserved.
        let mut huge = vec![0];
        put(&mut huge, 1 << 40);
        assert!(decode(&huge).is_none());
        // A word id outside the part's dictionary: the first record's
        // first pair is a gap of 1000 (doubled, no other counts) and a
        // body count of 1.
        let mut summaries = Strs::default();
        summaries.push("[]");
        let mut forged = Part {
            words: part.words,
            docs: vec![([1, 0, 1], 3)],
            tfs: Tfs::from_bytes(vec![0xd0, 0x0f, 1]),
            summaries,
            kinds: vec![0],
        };
        assert!(decode(&encode(&forged)).is_none());
        // Word 1 (a gap of 1, doubled) is in it.
        forged.tfs = Tfs::from_bytes(vec![0x02, 1]);
        forged.docs = vec![([1, 0, 1], 2)];
        assert!(decode(&encode(&forged)).is_some());
    }

    fn cache_in(dir: &Path) -> PartCache {
        PartCache::open(&dir.join(FILE), &dir.join("new"))
    }

    /// Saves `parts` in a new file at `dir`/FILE, as a build would;
    /// returns how many were read back and how many analysed.
    fn save(dir: &Path, parts: &[(Digest, &Part)]) -> [usize; 2] {
        let cache = cache_in(dir);
        for (key, part) in parts {
            if cache.get(key).is_none() {
                cache.put(key, part);
            }
        }
        let counts = cache.finish();
        fs::rename(dir.join("new"), dir.join(FILE)).expect("rename");
        counts
    }

    #[test]
    fn parts_saved_by_one_build_are_read_back_by_the_next() {
        let dir = tempfile::tempdir().expect("tempdir");
        let one = part_of(&[record("One", "alpha beta")]);
        let two = part_of(&[record("Two", "gamma delta")]);
        let cache = cache_in(dir.path());
        let k1 = cache.part_key(
            &[cache.origin_digest(|add| add(&[record("One", "alpha beta")]))],
            240,
        );
        let k2 = cache.part_key(
            &[cache.origin_digest(|add| add(&[record("Two", "gamma delta")]))],
            240,
        );
        assert_ne!(k1, k2);
        assert_ne!(
            k1,
            cache.part_key(
                &[cache.origin_digest(|add| add(&[record("One", "alpha beta")]))],
                10
            )
        );
        drop(cache);
        assert_eq!(save(dir.path(), &[(k1, &one), (k2, &two)]), [0, 2]);
        // The next build finds both, and saves them again.
        assert_eq!(save(dir.path(), &[(k2, &two), (k1, &one)]), [2, 0]);
        assert_eq!(save(dir.path(), &[(k1, &one)]), [1, 0]);
        let cache = cache_in(dir.path());
        assert!(same(&cache.get(&k1).expect("kept"), &one));
        assert!(cache.get(&[7; 16]).is_none());
    }

    /// The file is a log: a build that reads every part back writes only
    /// its table, not the parts again.
    #[test]
    fn a_build_that_reads_every_part_back_appends_only_its_table() {
        let dir = tempfile::tempdir().expect("tempdir");
        let body: Vec<String> = (0..500).map(|i| format!("word{i}")).collect();
        let body = body.join(" ");
        let one = part_of(&[record("One", &body)]);
        let size = encode(&one).len();
        let path = dir.path().join(FILE);
        assert_eq!(save(dir.path(), &[([1; 16], &one)]), [0, 1]);
        let first = fs::metadata(&path).expect("saved").len();
        assert_eq!(save(dir.path(), &[([1; 16], &one)]), [1, 0]);
        let second = fs::metadata(&path).expect("saved").len();
        // Written again, the file would be as long as before.
        assert!(
            second > first && second - first < size as u64 / 4,
            "{first} then {second} bytes for a part of {size}"
        );
        assert_eq!(save(dir.path(), &[([1; 16], &one)]), [1, 0]);
    }

    /// `serve`'s cache keeps the parts its last two index builds used,
    /// so that an edit undone finds its parts, and forgets older ones.
    #[test]
    fn in_memory_the_last_two_builds_parts_are_kept() {
        let cache = PartCache::default();
        let one = part_of(&[record("One", "alpha beta")]);
        let two = part_of(&[record("Two", "gamma delta")]);
        cache.put(&[1; 16], &one);
        assert_eq!(cache.finish(), [0, 1]);
        assert!(same(&cache.get(&[1; 16]).expect("kept"), &one));
        cache.put(&[2; 16], &two);
        assert_eq!(cache.finish(), [1, 1]);
        // A build that uses only part 2: part 1 was used by the one before.
        assert!(cache.get(&[2; 16]).is_some());
        cache.finish();
        assert!(cache.get(&[2; 16]).is_some());
        cache.finish();
        assert!(cache.get(&[1; 16]).is_none(), "unused for two builds");
        assert!(same(&cache.get(&[2; 16]).expect("kept"), &two));
    }

    #[test]
    fn a_damaged_file_costs_parts_never_bytes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let one = part_of(&[record("One", "alpha beta")]);
        let two = part_of(&[record("Two", "gamma delta")]);
        save(dir.path(), &[([1; 16], &one), ([2; 16], &two)]);
        let path = dir.path().join(FILE);
        let good = fs::read(&path).expect("read");
        // A byte of the first part flipped: that part is not read back,
        // the other is.
        let header_len = good.iter().position(|&b| b == b'\n').expect("header") + 1;
        let mut bad = good.clone();
        bad[header_len + 2] ^= 0x40;
        fs::write(&path, &bad).expect("write");
        let cache = cache_in(dir.path());
        assert!(cache.get(&[1; 16]).is_none());
        assert!(same(&cache.get(&[2; 16]).expect("kept"), &two));
        // Cut short, or another version's: no parts at all.
        for damaged in [&good[..good.len() - 1], &good[1..]] {
            fs::write(&path, damaged).expect("write");
            let cache = cache_in(dir.path());
            assert!(cache.get(&[1; 16]).is_none() && cache.get(&[2; 16]).is_none());
        }
    }
}
