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
//! for its input. Digests are 128-bit BLAKE3, salted with everything that
//! changes what the minifier makes (casebook's version, minify-html's and
//! the settings).
//!
//! The memo lives in the spare folder (`.casebook-minified`), which is
//! never deployed, and is saved whenever the spare is: it holds the pairs
//! this build used or made and the ones the build before it used.

use std::fs;
use std::path::Path;
use std::sync::Mutex;

use rustc_hash::FxHashMap;

/// A 128-bit digest.
pub type Digest = [u8; 16];

/// The memo's file name inside the spare folder.
pub const FILE: &str = ".casebook-minified";

const MAGIC: &str = "casebook minify memo 1";
/// One record: the unminified digest, the minified digest, the build
/// generation that last used it (little-endian).
const RECORD: usize = 16 + 16 + 4;

pub struct Memo {
    salt: blake3::Hasher,
    /// What the loaded memo knew, with the generation that last used it.
    known: FxHashMap<Digest, (Digest, u32)>,
    /// The generation of the loaded memo; this build is the next one.
    loaded: u32,
    /// The pairs this build used or made.
    used: Mutex<Vec<(Digest, Digest)>>,
}

impl Memo {
    /// An empty memo for minifier settings described by `settings`.
    pub fn new(settings: &str) -> Memo {
        let mut salt = blake3::Hasher::new();
        salt.update(MAGIC.as_bytes());
        salt.update(env!("CARGO_PKG_VERSION").as_bytes());
        salt.update(settings.as_bytes());
        Memo {
            salt,
            known: FxHashMap::default(),
            loaded: 0,
            used: Mutex::new(Vec::new()),
        }
    }

    fn header(&self) -> String {
        format!("{MAGIC} {}\n", self.salt.finalize().to_hex())
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
        let Some((generation, records)) = rest.split_first_chunk::<4>() else {
            return self;
        };
        self.loaded = u32::from_le_bytes(*generation);
        self.known.reserve(records.len() / RECORD);
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

    /// The digest of an unminified page, salted with the settings.
    pub fn input_digest(&self, page: &[u8]) -> Digest {
        let mut h = self.salt.clone();
        h.update(page);
        truncate(h.finalize())
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
    /// folder the next build writes into. Failing to save only costs time.
    pub fn save(&self, dir: &Path) {
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
        for (input, (output, g)) in records {
            bytes.extend_from_slice(&input);
            bytes.extend_from_slice(&output);
            bytes.extend_from_slice(&g.to_le_bytes());
        }
        let _ = fs::write(dir.join(FILE), bytes);
    }
}

/// The 128-bit digest of a file's bytes.
pub fn digest(bytes: &[u8]) -> Digest {
    truncate(blake3::hash(bytes))
}

fn truncate(h: blake3::Hash) -> Digest {
    let mut d = [0; 16];
    d.copy_from_slice(&h.as_bytes()[..16]);
    d
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
        memo.save(dir.path());

        // The next build uses a, not b: b is still kept, as the folder the
        // build after it writes into holds the older output.
        let memo = Memo::new("settings").load(dir.path());
        assert_eq!(memo.lookup(&a), Some(digest(b"a")));
        assert_eq!(memo.lookup(&b), Some(digest(b"b")));
        memo.record(a, digest(b"a"));
        memo.save(dir.path());

        // A build that uses nothing: a (used last build) stays, b goes.
        let memo = Memo::new("settings").load(dir.path());
        assert_eq!(memo.lookup(&b), Some(digest(b"b")));
        memo.save(dir.path());
        let memo = Memo::new("settings").load(dir.path());
        assert_eq!(memo.lookup(&a), Some(digest(b"a")));
        assert_eq!(memo.lookup(&b), None);
    }

    #[test]
    fn other_settings_or_a_damaged_file_read_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let memo = Memo::new("settings");
        let a = memo.input_digest(b"<p>a");
        memo.record(a, digest(b"a"));
        memo.save(dir.path());
        let other = Memo::new("other settings").load(dir.path());
        assert_eq!(other.lookup(&other.input_digest(b"<p>a")), None);
        assert_ne!(
            other.input_digest(b"<p>a"),
            a,
            "the settings salt the digest"
        );

        // A truncated record is dropped, the whole ones are kept.
        let path = dir.path().join(FILE);
        let mut bytes = fs::read(&path).unwrap();
        bytes.extend_from_slice(&[7; RECORD - 1]);
        fs::write(&path, &bytes).unwrap();
        assert_eq!(
            Memo::new("settings").load(dir.path()).lookup(&a),
            Some(digest(b"a"))
        );
        fs::write(&path, b"casebook minify memo 1 nonsense").unwrap();
        assert_eq!(Memo::new("settings").load(dir.path()).lookup(&a), None);
    }
}
