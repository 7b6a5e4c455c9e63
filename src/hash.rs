//! The 128-bit digests by which a rebuild knows an input, a context, a
//! record or a file unchanged (#17): keys and checksums of casebook's own
//! caches, which never leave the machine.
//!
//! XXH3-128, not BLAKE3. These digests guard no secret: whoever can write
//! a site's files can change its pages without forging a digest. What
//! they must do is tell apart inputs that differ by accident, and 128
//! bits of a well-mixed hash do that. A build after one change hashes
//! about 400 MB at 10,000 pages (every page's context, its kept Markdown
//! and its search records); BLAKE3 spent about an eighth of that build's
//! CPU on it, XXH3 a small part of that.
//!
//! BLAKE3 stays where a digest is published or names a file that hosts
//! cache forever: the fingerprints of theme assets, the search index's
//! file names and the image cache.

use xxhash_rust::xxh3::{Xxh3Default, xxh3_128};

/// A 128-bit digest.
pub type Digest = [u8; 16];

/// The digest of `bytes`.
pub fn digest(bytes: &[u8]) -> Digest {
    xxh3_128(bytes).to_le_bytes()
}

/// Items cut into runs by their digests (content-defined chunking, as in
/// rsync and restic): a run ends after each item whose digest is 0 modulo
/// `average`, or at four times `average` items. Where a run ends depends
/// on its own items only, so an item added or removed changes the run it
/// falls in, not every run after it.
pub fn cut(digests: &[Digest], average: u16) -> Vec<std::ops::Range<usize>> {
    let most = 4 * usize::from(average);
    let mut runs = Vec::new();
    let mut start = 0;
    for (i, d) in digests.iter().enumerate() {
        let ends = u16::from_le_bytes([d[0], d[1]]).is_multiple_of(average);
        if ends || i + 1 - start == most {
            runs.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < digests.len() {
        runs.push(start..digests.len());
    }
    runs
}

/// A digest made of many pieces, fed one after another; cloned, it goes
/// on from where the original was.
#[derive(Clone, Default)]
pub struct Hasher(Xxh3Default);

impl Hasher {
    pub fn new() -> Hasher {
        Hasher::default()
    }

    /// Adds `bytes` as they are.
    pub fn update(&mut self, bytes: &[u8]) -> &mut Hasher {
        self.0.update(bytes);
        self
    }

    /// Adds `bytes` after their length, so that where one piece ends and
    /// the next begins is part of the digest.
    pub fn piece(&mut self, bytes: &[u8]) -> &mut Hasher {
        self.update(&(bytes.len() as u64).to_le_bytes());
        self.update(bytes)
    }

    /// The digest of everything added so far.
    pub fn finish(&self) -> Digest {
        self.0.digest128().to_le_bytes()
    }
}

/// A digest in hexadecimal, as file headers name it.
pub fn hex(d: &Digest) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_fed_apart_or_together_make_the_same_digest() {
        let mut h = Hasher::new();
        h.update(b"abc").update(b"def");
        assert_eq!(h.finish(), digest(b"abcdef"));
        assert_ne!(digest(b"abcdef"), digest(b"abcdeg"));
    }

    #[test]
    fn pieces_with_their_lengths_keep_their_boundaries() {
        let one = Hasher::new().piece(b"ab").piece(b"c").finish();
        let other = Hasher::new().piece(b"a").piece(b"bc").finish();
        assert_ne!(one, other);
    }

    #[test]
    fn a_clone_goes_on_from_where_its_original_was() {
        let mut base = Hasher::new();
        base.update(b"salt");
        let mut a = base.clone();
        a.update(b"x");
        let mut b = Hasher::new();
        b.update(b"saltx");
        assert_eq!(a.finish(), b.finish());
        assert_eq!(base.finish(), digest(b"salt"));
    }

    #[test]
    fn hex_writes_two_digits_a_byte() {
        let mut d = [0u8; 16];
        d[0] = 0x0a;
        d[15] = 0xff;
        assert_eq!(hex(&d), format!("0a{}ff", "0".repeat(28)));
    }
}
