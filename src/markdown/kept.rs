//! The file in the spare folder where `build` keeps the Markdown memo
//! between runs (#17): each page's render, under a digest of everything
//! it was made from but the site's answers (which are kept with it and
//! asked again, see `memo`).
//!
//! Rendering the Markdown is the largest piece of a rebuild of a
//! 10,000-page site after one edit, and the renders of all but one page
//! are the ones the last build made. They come to about twice the size of
//! the Markdown (10,000 pages: 80 MB of Markdown), so rewriting them all
//! after each build would cost about what it saves. The file is therefore
//! an append-only log, as in Bitcask: a build appends the renders it made
//! and a new table of the records it used, and leaves the rest where they
//! are. When more than half the file is records no build uses any more,
//! the next build starts a new file and copies over the records it uses.
//!
//! A stale or damaged file costs time, never a byte: a record is used only
//! if its key is the digest of this build's inputs (keyed with casebook's
//! version and executable), its bytes have the checksum saved with it, it
//! decodes, and the site still gives every answer it was rendered with.
//!
//! Layout: a header line naming the salt; the records; after each build's
//! records, its table of `(key, offset, length, checksum)` rows and a
//! footer: the table's offset, its number of rows, the bytes its records
//! take and the table's checksum. Only the last table counts: a build that
//! stopped before writing one leaves a file that reads as empty.
//!
//! Positioned reads and writes (`pread`, `pwrite`) let the render's threads
//! share the file; elsewhere than on Unix nothing is kept.

use std::fs::{self, File, OpenOptions};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rustc_hash::FxHashMap;

/// The file's name in the spare folder.
pub const FILE: &str = ".casebook-markdown";

const MAGIC: &str = "casebook markdown memo 3";

/// A 128-bit digest: a record's key, or its checksum.
pub use crate::hash::Digest;
use crate::hash::Hasher;

/// A table row: key, offset, length, checksum.
const ROW: usize = 16 + 8 + 4 + 16;
/// The footer: the table's offset, rows and live bytes, and its checksum.
const FOOTER: usize = 8 + 8 + 8 + 16;

/// Where a record is, and what its bytes hash to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Row {
    at: u64,
    len: u32,
    check: Digest,
}

/// The records an earlier build saved, and the file this build writes.
pub struct Kept {
    salt: Hasher,
    /// The file records are read from, and its table.
    from: Option<File>,
    table: FxHashMap<Digest, Row>,
    /// The file this build writes: `from` itself, appended to, or a new
    /// file its used records are copied into. `None`: nothing is saved.
    out: Option<File>,
    appending: bool,
    state: Mutex<State>,
    reused: AtomicUsize,
    made: AtomicUsize,
}

struct State {
    /// Where the next record goes.
    end: u64,
    /// This build's table.
    rows: Vec<(Digest, Row)>,
    /// A write failed: the file is not to be trusted.
    broken: bool,
}

fn digest(bytes: &[u8]) -> Digest {
    crate::hash::digest(bytes)
}

/// What keys and headers of a file of kind `magic` are salted with:
/// the kind, casebook's version and its executable, so that no other
/// build of casebook reads the file.
pub(crate) fn salt(magic: &str) -> Hasher {
    let mut h = Hasher::new();
    for part in [
        magic,
        env!("CARGO_PKG_VERSION"),
        crate::artifact::executable_identity(),
    ] {
        h.piece(part.as_bytes());
    }
    h
}

fn header(magic: &str, salt: &Hasher) -> String {
    format!("{magic} {}\n", crate::hash::hex(&salt.finish()))
}

impl Kept {
    /// Opens the file an earlier build left at `old` (anything missing,
    /// foreign or damaged reads as no records) and prepares this build's
    /// at `new`. A build that stopped early leaves its file at `new`,
    /// which then stands in for `old`.
    pub fn open(old: &Path, new: &Path) -> Kept {
        Kept::open_as(MAGIC, old, new)
    }

    /// [`Kept::open`] for another kind of record, which `magic` names: a
    /// file of one kind reads as no records to another. The search index
    /// keeps its analysed parts this way (`search/index/cache.rs`).
    pub fn open_as(magic: &str, old: &Path, new: &Path) -> Kept {
        let salt = salt(magic);
        let header = header(magic, &salt);
        if !old.exists() && new.is_file() {
            let _ = fs::rename(new, old);
        }
        let found = File::open(old)
            .ok()
            .and_then(|f| read_table(&f, &header).map(|t| (f, t)));
        let (from, table, out, appending, end) = match found {
            // Little waste: append to the same file, under its new name.
            Some((file, (table, live, len))) if live.saturating_mul(2) >= len => {
                drop(file);
                let same = fs::rename(old, new)
                    .and_then(|()| OpenOptions::new().read(true).write(true).open(new));
                match same {
                    Ok(f) => {
                        let from = f.try_clone().ok();
                        let ok = from.is_some();
                        (from, table, ok.then_some(f), true, len)
                    }
                    Err(_) => (None, FxHashMap::default(), None, false, 0),
                }
            }
            found => {
                let (from, table) = match found {
                    Some((file, (table, ..))) => (Some(file), table),
                    None => (None, FxHashMap::default()),
                };
                // Read through the open file from now on. Left in place,
                // the old file would go out with the output: the folder's
                // pruning knows only the files there when the build began,
                // and `old` may have been `new` then (see above).
                let _ = fs::remove_file(old);
                let out = File::create(new)
                    .ok()
                    .filter(|f| write_at(f, header.as_bytes(), 0));
                (from, table, out, false, header.len() as u64)
            }
        };
        Kept {
            salt,
            from,
            table,
            out,
            appending,
            state: Mutex::new(State {
                end,
                rows: Vec::new(),
                broken: false,
            }),
            reused: AtomicUsize::new(0),
            made: AtomicUsize::new(0),
        }
    }

    /// The key of a record: `parts` keyed with the salt.
    pub fn key(&self, parts: &[&[u8]]) -> Digest {
        let mut h = self.salt.clone();
        for p in parts {
            h.piece(p);
        }
        h.finish()
    }

    /// The bytes saved under `key`, if they are intact.
    pub fn read(&self, key: &Digest) -> Option<(Row, Vec<u8>)> {
        let row = *self.table.get(key)?;
        let mut bytes = vec![0; row.len as usize];
        read_at(self.from.as_ref()?, &mut bytes, row.at).then_some(())?;
        (digest(&bytes) == row.check).then_some((row, bytes))
    }

    /// Notes that this build used the record `read` gave for `key`.
    pub fn used(&self, key: Digest, row: Row, bytes: &[u8]) {
        self.reused.fetch_add(1, Ordering::Relaxed);
        if self.appending {
            self.lock().rows.push((key, row));
        } else {
            self.append(key, bytes);
        }
    }

    /// Notes that this build made the record for `key` (rendered the
    /// page), and saves it if there are `bytes` to save.
    pub fn made(&self, key: Digest, bytes: Option<&[u8]>) {
        self.made.fetch_add(1, Ordering::Relaxed);
        if let Some(bytes) = bytes {
            self.append(key, bytes);
        }
    }

    fn append(&self, key: Digest, bytes: &[u8]) {
        let Some(out) = &self.out else { return };
        let Ok(len) = u32::try_from(bytes.len()) else {
            return;
        };
        let at = {
            let mut state = self.lock();
            let at = state.end;
            state.end += u64::from(len);
            let check = digest(bytes);
            state.rows.push((key, Row { at, len, check }));
            at
        };
        // Each record has its own range: the threads write side by side.
        if !write_at(out, bytes, at) {
            self.lock().broken = true;
        }
    }

    /// Writes this build's table, which makes the file readable; returns
    /// how many records were reused and how many made. A file a write
    /// failed on is removed: it would only read as damaged.
    pub fn finish(&self, new: &Path) -> [usize; 2] {
        let counts = [
            self.reused.load(Ordering::Relaxed),
            self.made.load(Ordering::Relaxed),
        ];
        let Some(out) = &self.out else {
            return counts;
        };
        let state = self.lock();
        let mut table = Vec::with_capacity(state.rows.len() * ROW + FOOTER);
        let mut live = 0u64;
        for (key, row) in &state.rows {
            table.extend_from_slice(key);
            table.extend_from_slice(&row.at.to_le_bytes());
            table.extend_from_slice(&row.len.to_le_bytes());
            table.extend_from_slice(&row.check);
            live += u64::from(row.len);
        }
        let check = digest(&table);
        table.extend_from_slice(&state.end.to_le_bytes());
        table.extend_from_slice(&(state.rows.len() as u64).to_le_bytes());
        table.extend_from_slice(&live.to_le_bytes());
        table.extend_from_slice(&check);
        let ok = !state.broken
            && write_at(out, &table, state.end)
            && out.set_len(state.end + table.len() as u64).is_ok();
        if !ok {
            let _ = fs::remove_file(new);
        }
        counts
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The last table of `file`, the bytes its records take and the file's
/// length; `None` if the file is not one of ours with this salt, or is
/// damaged.
fn read_table(file: &File, header: &str) -> Option<(FxHashMap<Digest, Row>, u64, u64)> {
    let len = file.metadata().ok()?.len();
    let mut head = vec![0; header.len()];
    (read_at(file, &mut head, 0) && head == header.as_bytes()).then_some(())?;
    let mut footer = [0; FOOTER];
    read_at(file, &mut footer, len.checked_sub(FOOTER as u64)?).then_some(())?;
    let (at, rest) = footer.split_first_chunk::<8>()?;
    let (rows, rest) = rest.split_first_chunk::<8>()?;
    let (live, check) = rest.split_first_chunk::<8>()?;
    let (at, rows, live) = (
        u64::from_le_bytes(*at),
        usize::try_from(u64::from_le_bytes(*rows)).ok()?,
        u64::from_le_bytes(*live),
    );
    let size = rows.checked_mul(ROW)?;
    (at.checked_add(size as u64)? == len - FOOTER as u64 && at >= header.len() as u64)
        .then_some(())?;
    let mut bytes = vec![0; size];
    read_at(file, &mut bytes, at).then_some(())?;
    (digest(&bytes) == check).then_some(())?;
    let mut table = FxHashMap::default();
    table.reserve(rows);
    for r in bytes.chunks_exact(ROW) {
        let (key, r) = r.split_first_chunk::<16>()?;
        let (at, r) = r.split_first_chunk::<8>()?;
        let (len, check) = r.split_first_chunk::<4>()?;
        let row = Row {
            at: u64::from_le_bytes(*at),
            len: u32::from_le_bytes(*len),
            check: check.try_into().ok()?,
        };
        table.insert(*key, row);
    }
    Some((table, live, len))
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> bool {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at).is_ok()
}

#[cfg(unix)]
fn write_at(file: &File, buf: &[u8], at: u64) -> bool {
    std::os::unix::fs::FileExt::write_all_at(file, buf, at).is_ok()
}

#[cfg(not(unix))]
fn read_at(_: &File, _: &mut [u8], _: u64) -> bool {
    false
}

#[cfg(not(unix))]
fn write_at(_: &File, _: &[u8], _: u64) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &Kept, name: &str) -> Digest {
        k.key(&[name.as_bytes()])
    }

    /// One build: reads what it finds under each name, uses it if it is
    /// there, else saves `name` again; returns what it read.
    fn build(dir: &Path, names: &[&str]) -> (Vec<Option<Vec<u8>>>, [usize; 2]) {
        let (old, new) = (dir.join(FILE), dir.join("new"));
        let kept = Kept::open(&old, &new);
        let mut found = Vec::new();
        for name in names {
            let k = key(&kept, name);
            match kept.read(&k) {
                Some((row, bytes)) => {
                    kept.used(k, row, &bytes);
                    found.push(Some(bytes));
                }
                None => {
                    kept.made(k, Some(name.repeat(400).as_bytes()));
                    found.push(None);
                }
            }
        }
        let counts = kept.finish(&new);
        drop(kept);
        // What the spare does after a build.
        fs::rename(&new, &old).unwrap();
        (found, counts)
    }

    #[test]
    fn a_second_build_reads_back_what_the_first_saved() {
        let dir = tempfile::tempdir().unwrap();
        let (found, counts) = build(dir.path(), &["a", "b"]);
        assert_eq!(found, vec![None, None]);
        assert_eq!(counts, [0, 2]);
        let (found, counts) = build(dir.path(), &["a", "b", "c"]);
        assert_eq!(found[0].as_deref(), Some("a".repeat(400).as_bytes()));
        assert_eq!(found[1].as_deref(), Some("b".repeat(400).as_bytes()));
        assert_eq!(found[2], None);
        assert_eq!(counts, [2, 1]);
    }

    #[test]
    fn records_no_build_uses_any_more_are_dropped_when_they_are_most_of_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        build(dir.path(), &["a", "b", "c", "d"]);
        let first = fs::metadata(&path).unwrap().len();
        // Appended: "e" goes after the four records, which stay.
        build(dir.path(), &["e"]);
        let appended = fs::metadata(&path).unwrap().len();
        assert!(appended > first, "{appended} after {first}");
        // Now most of the file is records nobody uses: a new file.
        let (found, _) = build(dir.path(), &["e"]);
        assert_eq!(found[0].as_deref(), Some("e".repeat(400).as_bytes()));
        assert!(fs::metadata(&path).unwrap().len() < first);
        // And what it copied reads back.
        let (found, counts) = build(dir.path(), &["e"]);
        assert_eq!(found[0].as_deref(), Some("e".repeat(400).as_bytes()));
        assert_eq!(counts, [1, 0]);
    }

    #[test]
    fn a_new_file_leaves_no_old_one_behind() {
        let dir = tempfile::tempdir().unwrap();
        let (old, new) = (dir.path().join(FILE), dir.path().join("new"));
        build(dir.path(), &["a", "b", "c", "d"]);
        build(dir.path(), &["e"]);
        // Most of the file is records nobody uses: this build starts a new
        // file, and reads the records it copies over from the old one.
        let kept = Kept::open(&old, &new);
        assert!(!old.exists(), "the old file is gone");
        let k = key(&kept, "e");
        let (row, bytes) = kept.read(&k).expect("read through the open file");
        kept.used(k, row, &bytes);
        kept.finish(&new);
        drop(kept);
        fs::rename(&new, &old).unwrap();
        let (found, counts) = build(dir.path(), &["e"]);
        assert_eq!(found[0].as_deref(), Some("e".repeat(400).as_bytes()));
        assert_eq!(counts, [1, 0]);
    }

    #[test]
    fn a_damaged_record_or_table_reads_as_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        build(dir.path(), &["a", "b"]);
        // Flip a byte of the first record ("a" * 400 right after the header).
        let mut bytes = fs::read(&path).unwrap();
        let at = header(MAGIC, &salt(MAGIC)).len();
        bytes[at] ^= 1;
        fs::write(&path, &bytes).unwrap();
        let (found, _) = build(dir.path(), &["a", "b"]);
        assert_eq!(found[0], None, "a damaged record is not used");
        assert!(found[1].is_some(), "the intact one still is");
        // Cut the file short: no table, nothing kept.
        let len = fs::metadata(&path).unwrap().len();
        let f = OpenOptions::new().write(true).open(&path).unwrap();
        f.set_len(len - 1).unwrap();
        drop(f);
        let (found, _) = build(dir.path(), &["a", "b"]);
        assert_eq!(found, vec![None, None]);
    }

    #[test]
    fn another_salt_reads_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        build(dir.path(), &["a"]);
        let mut bytes = fs::read(&path).unwrap();
        bytes[MAGIC.len() + 1] ^= 1;
        fs::write(&path, &bytes).unwrap();
        let (found, _) = build(dir.path(), &["a"]);
        assert_eq!(found, vec![None]);
    }

    #[test]
    fn a_file_left_by_a_build_that_stopped_stands_in() {
        let dir = tempfile::tempdir().unwrap();
        let (old, new) = (dir.path().join(FILE), dir.path().join("new"));
        build(dir.path(), &["a"]);
        // A failed build leaves its file under the new name.
        fs::rename(&old, &new).unwrap();
        let (found, _) = build(dir.path(), &["a"]);
        assert!(found[0].is_some());
    }
}
