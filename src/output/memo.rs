//! The minify memo: which minified page each unminified page became in the
//! last builds, so a rebuild can keep a page it would minify to the same
//! bytes instead of minifying it again.
//!
//! minify-html is about half the CPU of a build, and on a rebuild almost
//! every page is unchanged. The memo maps a digest of the rendered,
//! unminified page to a digest of its minified form. A page is kept only if
//! the file the previous build left at its path hashes to exactly that
//! minified digest, so a stale or damaged memo can cost time but never
//! change a byte of the output: every page is still minify-html's output
//! for its input. Digests are 128-bit ([`crate::hash`]), salted with
//! everything that changes what the minifier makes (casebook's version,
//! minify-html's and the settings).
//!
//! The memo lives in the spare folder (`.casebook-minified`), which is
//! never deployed, and is saved whenever the spare is: it holds the pairs
//! this build used or made and the ones the build before it used.
//!
//! Reading every kept file back to hash it was a tenth of a rebuild's CPU,
//! so the memo also keeps each checked file's [`Stamp`]: what `stat` said
//! of it when its bytes were last read and found right. A file whose stamp
//! is unchanged (device, inode, size, and the modification and change
//! times to the nanosecond) has not been written since, and is kept
//! without reading it, as git's index and Make trust a file's times. The
//! change time cannot be set back by any tool, so a later write always
//! shows. Only a write in the same clock tick as the stamp could hide,
//! which is why a file is stamped only once its times are well in the
//! past ([`Stamp::settled`]): the racy case git's index guards against
//! the same way. A freshly written file is read and hashed once more, on
//! its next reuse, and stamped then.

use std::fs;
use std::path::Path;
use std::sync::Mutex;

use rustc_hash::FxHashMap;

pub use crate::hash::Digest;
use crate::hash::Hasher;

/// The memo's file name inside the spare folder.
pub const FILE: &str = ".casebook-minified";

const MAGIC: &str = "casebook minify memo 3";
/// One record: the unminified digest, the minified digest, the build
/// generation that last used it (little-endian).
const RECORD: usize = 16 + 16 + 4;

/// What `stat` says of a file that tells whether it was written since:
/// device, inode, size, modification and change times (seconds and
/// nanoseconds). Only Unix has all of them; elsewhere nothing is stamped
/// and every kept file is read and hashed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp([i64; 7]);

/// A stamp's bytes in the file.
const STAMP: usize = 7 * 8;

/// How far in the past a file's times must be before it is stamped:
/// longer than the coarsest clock tick of a file system casebook may
/// write to (FAT's two seconds), so no later write can share its times.
const SETTLE_SECONDS: i64 = 3;

impl Stamp {
    /// The stamp of a file, from its metadata (`None` off Unix).
    pub fn of(meta: &fs::Metadata) -> Option<Stamp> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            // Bits, not values: the fields are only ever compared.
            Some(Stamp([
                meta.dev() as i64,
                meta.ino() as i64,
                meta.size() as i64,
                meta.mtime(),
                meta.mtime_nsec(),
                meta.ctime(),
                meta.ctime_nsec(),
            ]))
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }

    /// Whether the file's times are older than `now` (Unix seconds) by
    /// more than a clock tick, so that a write after this stamp was taken
    /// cannot leave the same times.
    pub fn settled(&self, now: i64) -> bool {
        let [.., mtime, _, ctime, _] = self.0;
        mtime.max(ctime) < now - SETTLE_SECONDS
    }

    fn write(&self, out: &mut Vec<u8>) {
        for n in self.0 {
            out.extend_from_slice(&n.to_le_bytes());
        }
    }

    fn read(bytes: &[u8]) -> Option<Stamp> {
        let mut fields = [0; 7];
        for (f, chunk) in fields.iter_mut().zip(bytes.chunks_exact(8)) {
            *f = i64::from_le_bytes(chunk.try_into().ok()?);
        }
        (bytes.len() == STAMP).then_some(Stamp(fields))
    }
}

/// A checked file: its path in the output, the digest its bytes had, and
/// its stamp when they were read.
type Stamped = (String, Digest, Stamp);

/// Which folder a saved stamp describes: the spare it is saved in, which
/// the next build reuses, or the output, which the build after it reuses.
const IN_SPARE: u8 = 0;
const IN_OUTPUT: u8 = 1;

pub struct Memo {
    salt: Hasher,
    /// What the loaded memo knew, with the generation that last used it.
    known: FxHashMap<Digest, (Digest, u32)>,
    /// The generation of the loaded memo; this build is the next one.
    loaded: u32,
    /// The pairs this build used or made.
    used: Mutex<Vec<(Digest, Digest)>>,
    /// Stamps of the files of the folder this build writes into, by path.
    stamps: FxHashMap<String, (Digest, Stamp)>,
    /// Stamps of the files of the current output, which the build after
    /// this one writes into.
    output_stamps: Vec<Stamped>,
    /// Stamps of the files this build checked and kept.
    stamped: Mutex<Vec<Stamped>>,
}

impl Memo {
    /// An empty memo for minifier settings described by `settings`.
    pub fn new(settings: &str) -> Memo {
        let mut salt = Hasher::new();
        salt.piece(MAGIC.as_bytes())
            .piece(env!("CARGO_PKG_VERSION").as_bytes())
            .piece(settings.as_bytes());
        Memo {
            salt,
            known: FxHashMap::default(),
            loaded: 0,
            used: Mutex::new(Vec::new()),
            stamps: FxHashMap::default(),
            output_stamps: Vec::new(),
            stamped: Mutex::new(Vec::new()),
        }
    }

    fn header(&self) -> String {
        format!("{MAGIC} {}\n", crate::hash::hex(&self.salt.finish()))
    }

    /// Reads the memo a previous build saved in `dir`; anything missing,
    /// foreign or damaged reads as an empty memo.
    pub fn load(mut self, dir: &Path) -> Memo {
        let Ok(bytes) = fs::read(dir.join(FILE)) else {
            return self;
        };
        let header = self.header();
        let Some(rest) = bytes.strip_prefix(header.as_bytes()) else {
            return self;
        };
        let Some((generation, rest)) = rest.split_first_chunk::<4>() else {
            return self;
        };
        let Some((count, rest)) = rest.split_first_chunk::<4>() else {
            return self;
        };
        let count = u32::from_le_bytes(*count) as usize;
        let Some((records, stamps)) = rest.split_at_checked(count.saturating_mul(RECORD)) else {
            return self;
        };
        self.loaded = u32::from_le_bytes(*generation);
        self.read_stamps(stamps);
        self.known.reserve(count);
        for r in records.chunks_exact(RECORD) {
            let (input, rest) = r.split_at(16);
            let (output, generation) = rest.split_at(16);
            let (Ok(input), Ok(output), Ok(generation)) = (
                Digest::try_from(input),
                Digest::try_from(output),
                <[u8; 4]>::try_from(generation),
            ) else {
                continue;
            };
            self.known
                .insert(input, (output, u32::from_le_bytes(generation)));
        }
        self
    }

    /// Reads the stamps after the records; a damaged entry ends them.
    fn read_stamps(&mut self, mut bytes: &[u8]) {
        while let Some((&[set], rest)) = bytes.split_first_chunk::<1>()
            && let Some((len, rest)) = rest.split_first_chunk::<4>()
            && let Some((path, rest)) = rest.split_at_checked(u32::from_le_bytes(*len) as usize)
            && let Ok(path) = std::str::from_utf8(path)
            && let Some((digest, rest)) = rest.split_first_chunk::<16>()
            && let Some((stamp, rest)) = rest.split_at_checked(STAMP)
            && let Some(stamp) = Stamp::read(stamp)
        {
            bytes = rest;
            match set {
                IN_SPARE => {
                    self.stamps.insert(path.to_owned(), (*digest, stamp));
                }
                IN_OUTPUT => self.output_stamps.push((path.to_owned(), *digest, stamp)),
                _ => return,
            }
        }
    }

    /// Whether the file at `path` of the folder this build writes into
    /// was read and found to have the digest `minified` when it had the
    /// stamp it has now.
    pub fn unchanged(&self, path: &str, minified: &Digest, now: &Stamp) -> bool {
        self.stamps
            .get(path)
            .is_some_and(|(digest, stamp)| digest == minified && stamp == now)
    }

    /// Notes that the file at `path` holds bytes with the digest
    /// `minified`, read while it had `stamp`.
    pub fn stamp(&self, path: &str, minified: Digest, stamp: Stamp) {
        if let Ok(mut stamped) = self.stamped.lock() {
            stamped.push((path.to_owned(), minified, stamp));
        }
    }

    /// The digest of an unminified page, salted with the settings.
    pub fn input_digest(&self, page: &[u8]) -> Digest {
        self.salt.clone().update(page).finish()
    }

    /// What a page with this input digest minified to, if known.
    pub fn lookup(&self, input: &Digest) -> Option<Digest> {
        self.known.get(input).map(|(output, _)| *output)
    }

    /// Notes that `input` minifies to `output` in this build.
    pub fn record(&self, input: Digest, output: Digest) {
        if let Ok(mut used) = self.used.lock() {
            used.push((input, output));
        }
    }

    /// Writes the memo into `dir`: the pairs this build used or made, and
    /// the pairs the previous build used, which describe the files of the
    /// folder the next build writes into. `dir` is the folder the previous
    /// output was in, or, if this build `failed`, the one it wrote into;
    /// the stamps are saved for the folder each describes. Failing to save
    /// only costs time.
    pub fn save(&self, dir: &Path, failed: bool) {
        let generation = self.loaded.wrapping_add(1);
        let mut records: FxHashMap<Digest, (Digest, u32)> = self
            .known
            .iter()
            .filter(|(_, (_, g))| *g == self.loaded)
            .map(|(k, v)| (*k, *v))
            .collect();
        if let Ok(used) = self.used.lock() {
            records.extend(used.iter().map(|&(i, o)| (i, (o, generation))));
        }
        let header = self.header();
        let mut bytes = Vec::with_capacity(header.len() + 4 + records.len() * RECORD);
        bytes.extend_from_slice(header.as_bytes());
        bytes.extend_from_slice(&generation.to_le_bytes());
        bytes.extend_from_slice(&(records.len() as u32).to_le_bytes());
        for (input, (output, g)) in records {
            bytes.extend_from_slice(&input);
            bytes.extend_from_slice(&output);
            bytes.extend_from_slice(&g.to_le_bytes());
        }
        let stamped = self.stamped.lock().ok();
        let stamped: &[Stamped] = stamped.as_deref().map_or(&[], Vec::as_slice);
        let (spare, output) = if failed {
            (stamped, self.output_stamps.as_slice())
        } else {
            (self.output_stamps.as_slice(), stamped)
        };
        for (set, stamps) in [(IN_SPARE, spare), (IN_OUTPUT, output)] {
            for (path, digest, stamp) in stamps {
                bytes.push(set);
                bytes.extend_from_slice(&(path.len() as u32).to_le_bytes());
                bytes.extend_from_slice(path.as_bytes());
                bytes.extend_from_slice(digest);
                stamp.write(&mut bytes);
            }
        }
        let _ = fs::write(dir.join(FILE), bytes);
    }
}

/// The 128-bit digest of a file's bytes.
pub fn digest(bytes: &[u8]) -> Digest {
    crate::hash::digest(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_memo_loads_back_and_forgets_pairs_two_builds_old() {
        let dir = tempfile::tempdir().unwrap();
        let memo = Memo::new("settings").load(dir.path());
        assert_eq!(memo.lookup(&memo.input_digest(b"<p>a")), None);
        let (a, b) = (memo.input_digest(b"<p>a"), memo.input_digest(b"<p>b"));
        memo.record(a, digest(b"a"));
        memo.record(b, digest(b"b"));
        memo.save(dir.path(), false);

        // The next build uses a, not b: b is still kept, as the folder the
        // build after it writes into holds the older output.
        let memo = Memo::new("settings").load(dir.path());
        assert_eq!(memo.lookup(&a), Some(digest(b"a")));
        assert_eq!(memo.lookup(&b), Some(digest(b"b")));
        memo.record(a, digest(b"a"));
        memo.save(dir.path(), false);

        // A build that uses nothing: a (used last build) stays, b goes.
        let memo = Memo::new("settings").load(dir.path());
        assert_eq!(memo.lookup(&b), Some(digest(b"b")));
        memo.save(dir.path(), false);
        let memo = Memo::new("settings").load(dir.path());
        assert_eq!(memo.lookup(&a), Some(digest(b"a")));
        assert_eq!(memo.lookup(&b), None);
    }

    #[test]
    fn stamps_are_saved_for_the_folder_they_describe() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("page.html");
        fs::write(&file, "x").unwrap();
        let Some(stamp) = Stamp::of(&fs::metadata(&file).unwrap()) else {
            return; // Nothing is stamped off Unix.
        };
        let (a, b) = (digest(b"a"), digest(b"b"));
        // A build stamps a file of its output: the build after next, which
        // writes into that folder, trusts it; the next build does not.
        let memo = Memo::new("s");
        memo.stamp("page.html", a, stamp);
        memo.save(dir.path(), false);
        let next = Memo::new("s").load(dir.path());
        assert!(!next.unchanged("page.html", &a, &stamp));
        next.save(dir.path(), false);
        let after = Memo::new("s").load(dir.path());
        assert!(after.unchanged("page.html", &a, &stamp));
        assert!(!after.unchanged("page.html", &b, &stamp), "another digest");
        assert!(!after.unchanged("other.html", &a, &stamp), "another path");
        let mut moved = stamp;
        moved.0[6] += 1;
        assert!(!after.unchanged("page.html", &a, &moved), "another stamp");

        // A failed build's folder is the spare: its stamps are the next
        // build's at once.
        let memo = Memo::new("s");
        memo.stamp("page.html", b, stamp);
        memo.save(dir.path(), true);
        assert!(
            Memo::new("s")
                .load(dir.path())
                .unchanged("page.html", &b, &stamp)
        );

        // A damaged stamp ends the stamps; the records before are kept.
        let record = memo.input_digest(b"<p>a");
        memo.record(record, a);
        memo.save(dir.path(), true);
        let path = dir.path().join(FILE);
        let mut bytes = fs::read(&path).unwrap();
        bytes.truncate(bytes.len() - 1);
        fs::write(&path, &bytes).unwrap();
        let damaged = Memo::new("s").load(dir.path());
        assert!(!damaged.unchanged("page.html", &b, &stamp));
        assert_eq!(damaged.lookup(&record), Some(a));
    }

    #[test]
    fn a_stamp_is_settled_once_its_times_are_seconds_old() {
        let stamp = Stamp([1, 2, 3, 1000, 5, 1001, 7]);
        assert!(!stamp.settled(1001));
        assert!(!stamp.settled(1001 + SETTLE_SECONDS));
        assert!(stamp.settled(1002 + SETTLE_SECONDS));
        let later_write = Stamp([1, 2, 3, 1010, 0, 1001, 7]);
        assert!(
            !later_write.settled(1002 + SETTLE_SECONDS),
            "mtime counts too"
        );
    }

    #[test]
    fn other_settings_or_a_damaged_file_read_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let memo = Memo::new("settings");
        let a = memo.input_digest(b"<p>a");
        memo.record(a, digest(b"a"));
        memo.save(dir.path(), false);
        let other = Memo::new("other settings").load(dir.path());
        assert_eq!(other.lookup(&other.input_digest(b"<p>a")), None);
        assert_ne!(
            other.input_digest(b"<p>a"),
            a,
            "the settings salt the digest"
        );

        // Bytes after the records that are no stamp are ignored.
        let path = dir.path().join(FILE);
        let mut bytes = fs::read(&path).unwrap();
        bytes.extend_from_slice(&[7; RECORD - 1]);
        fs::write(&path, &bytes).unwrap();
        assert_eq!(
            Memo::new("settings").load(dir.path()).lookup(&a),
            Some(digest(b"a"))
        );
        // Records cut short read as none.
        let header = Memo::new("settings").header();
        bytes.truncate(header.len() + 8 + RECORD - 1);
        fs::write(&path, &bytes).unwrap();
        assert_eq!(Memo::new("settings").load(dir.path()).lookup(&a), None);
        fs::write(&path, b"casebook minify memo 2 nonsense").unwrap();
        assert_eq!(Memo::new("settings").load(dir.path()).lookup(&a), None);
    }
}
