//! Every record's words with their counts, packed into bytes (#17).
//!
//! A 100,000-page site has about 59 million (word, counts) pairs. As
//! eight-byte structs they were 470 MB, the largest thing the index held
//! and a third of the build's peak. A record's words are written in the
//! order of their ids, each as the gap from the previous id and its body
//! count, both LEB128, with the title and heading counts only where one is
//! not zero: about two bytes a pair. Nothing reads them but
//! `postings::group_counts`, once, in order, which is all this layout
//! allows; it packs what it makes of them the same way ([`GroupTfs`]: each
//! record's stem groups with their summed counts). (LEB128 is four lines here; the crates that do it also bring a trait
//! for readers and writers this has no use for.)

/// A word of a record (its id in the part's dictionary) and how often it
/// occurs in each field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tf {
    pub(super) word: u32,
    pub(super) body: u16,
    pub(super) title: u8,
    pub(super) headings: u8,
}

impl Tf {
    pub(super) fn new(word: u32) -> Tf {
        Tf {
            word,
            body: 0,
            title: 0,
            headings: 0,
        }
    }

    pub(super) fn get(self, field: usize) -> u16 {
        match field {
            0 => u16::from(self.title),
            1 => u16::from(self.headings),
            _ => self.body,
        }
    }

    pub(super) fn add(&mut self, field: usize) {
        match field {
            0 => self.title = self.title.saturating_add(1),
            1 => self.headings = self.headings.saturating_add(1),
            _ => self.body = self.body.saturating_add(1),
        }
    }
}

/// The records' [`Tf`]s, one record after the other.
#[derive(Debug, Default)]
pub(super) struct Tfs {
    bytes: Vec<u8>,
}

impl Tfs {
    /// Appends one record's pairs, which must be in increasing order of
    /// word id (each word once); returns where the record ends, for
    /// [`Tfs::record`].
    pub(super) fn push_record(&mut self, tfs: impl IntoIterator<Item = Tf>) -> usize {
        let mut previous = 0u32;
        for tf in tfs {
            debug_assert!(tf.word >= previous, "words out of order");
            let others = tf.title != 0 || tf.headings != 0;
            let gap = u64::from(tf.word - previous);
            put(&mut self.bytes, gap << 1 | u64::from(others));
            put(&mut self.bytes, u64::from(tf.body));
            if others {
                self.bytes.extend([tf.title, tf.headings]);
            }
            previous = tf.word;
        }
        self.bytes.len()
    }

    /// The pairs of the record written between `start` and `end`, two
    /// values [`Tfs::push_record`] returned (`start` 0 for the first).
    pub(super) fn record(&self, start: usize, end: usize) -> impl Iterator<Item = Tf> + '_ {
        let mut bytes = &self.bytes[start..end];
        let mut word = 0u32;
        std::iter::from_fn(move || {
            if bytes.is_empty() {
                return None;
            }
            let head = take(&mut bytes);
            word += (head >> 1) as u32;
            let body = take(&mut bytes) as u16;
            let (title, headings) = match (head & 1, bytes) {
                (1, [t, h, rest @ ..]) => {
                    bytes = rest;
                    (*t, *h)
                }
                _ => (0, 0),
            };
            Some(Tf {
                word,
                body,
                title,
                headings,
            })
        })
    }

    /// Moves the bytes into a buffer of their size ([`super::strs::fit`]).
    pub(super) fn fit(&mut self) {
        super::strs::fit(&mut self.bytes);
    }

    /// The packed pairs, as [`Tfs::from_bytes`] takes them back.
    pub(super) fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Pairs packed by [`Tfs::push_record`] (any bytes read as some pairs).
    pub(super) fn from_bytes(bytes: Vec<u8>) -> Tfs {
        Tfs { bytes }
    }
}

/// Each record's stem groups with their summed counts per field (title,
/// headings, body), packed: what `postings` keeps of a part between
/// grouping it and gathering its postings (#17). A group is named by its
/// place in the part's own list of groups, which is short, so it takes one
/// or two bytes, shifted left one bit: the low bit says the title and
/// heading counts follow the body count. The pairs stay in the order they
/// are pushed. About three bytes a pair where a (group, weight) pair of a
/// `u32` and an `f32` took eight: 470 MB at 100,000 pages.
#[derive(Debug, Default)]
pub(super) struct GroupTfs {
    bytes: Vec<u8>,
}

impl GroupTfs {
    /// Appends a pair to the current record.
    pub(super) fn push(&mut self, place: u32, [title, headings, body]: [u32; 3]) {
        let others = title != 0 || headings != 0;
        put(&mut self.bytes, u64::from(place) << 1 | u64::from(others));
        put(&mut self.bytes, u64::from(body));
        if others {
            put(&mut self.bytes, u64::from(title));
            put(&mut self.bytes, u64::from(headings));
        }
    }

    /// Where the pairs pushed so far end: a record's end, for
    /// [`GroupTfs::record`].
    pub(super) fn end(&self) -> usize {
        self.bytes.len()
    }

    /// The pairs written between `start` and `end`, two values
    /// [`GroupTfs::end`] gave (`start` 0 for the first record).
    pub(super) fn record(
        &self,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = (u32, [u32; 3])> + '_ {
        let mut bytes = &self.bytes[start..end];
        std::iter::from_fn(move || {
            if bytes.is_empty() {
                return None;
            }
            let head = take(&mut bytes);
            let body = take(&mut bytes) as u32;
            let (title, headings) = if head & 1 == 1 {
                (take(&mut bytes) as u32, take(&mut bytes) as u32)
            } else {
                (0, 0)
            };
            Some(((head >> 1) as u32, [title, headings, body]))
        })
    }

    /// Moves the bytes into a buffer of their size ([`super::strs::fit`]).
    pub(super) fn fit(&mut self) {
        super::strs::fit(&mut self.bytes);
    }
}

/// Writes `v` as LEB128: seven bits a byte, low first, the high bit set
/// on every byte but the last.
pub(super) fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads one LEB128 value off the front of `bytes`.
fn take(bytes: &mut &[u8]) -> u64 {
    let mut v = 0u64;
    let mut shift = 0;
    while let Some((&b, rest)) = bytes.split_first() {
        *bytes = rest;
        v |= u64::from(b & 0x7f) << shift;
        shift += 7;
        if b < 0x80 {
            break;
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tf(word: u32, body: u16, title: u8, headings: u8) -> Tf {
        Tf {
            word,
            body,
            title,
            headings,
        }
    }

    #[test]
    fn records_come_back_as_they_were_written() {
        let first = vec![
            tf(0, 1, 0, 0),
            tf(1, 0, 2, 0),
            tf(127, 3, 0, 1),
            tf(128, u16::MAX, u8::MAX, u8::MAX),
            tf(u32::MAX, 300, 0, 0),
        ];
        let second = vec![tf(5, 2, 0, 0)];
        let mut tfs = Tfs::default();
        let a = tfs.push_record(first.iter().copied());
        let empty = tfs.push_record([]);
        let b = tfs.push_record(second.iter().copied());
        assert_eq!(tfs.record(0, a).collect::<Vec<_>>(), first);
        assert_eq!(tfs.record(a, empty).count(), 0);
        assert_eq!(tfs.record(empty, b).collect::<Vec<_>>(), second);
    }

    #[test]
    fn group_counts_come_back_as_they_were_written() {
        let pairs = [
            (5, [0, 0, 1]),
            (0, [1, 2, 3]),
            (64, [0, 1, 0]),
            (u32::MAX, [u32::MAX, u32::MAX, u32::MAX]),
        ];
        let mut g = GroupTfs::default();
        for &(place, freq) in &pairs[..2] {
            g.push(place, freq);
        }
        let a = g.end();
        assert_eq!(a, 2 + 4, "a body count alone takes two bytes");
        for &(place, freq) in &pairs[2..] {
            g.push(place, freq);
        }
        let b = g.end();
        assert_eq!(g.record(0, a).collect::<Vec<_>>(), pairs[..2]);
        assert_eq!(g.record(a, b).collect::<Vec<_>>(), pairs[2..]);
        assert_eq!(g.record(b, b).count(), 0);
    }

    #[test]
    fn a_small_pair_takes_two_bytes() {
        let mut tfs = Tfs::default();
        let end = tfs.push_record((0..100).map(|w| tf(w * 3, 2, 0, 0)));
        assert_eq!(end, 200);
        let end = tfs.push_record([tf(7, 1, 1, 0)]);
        assert_eq!(end - 200, 4, "title and heading counts only when set");
    }
}
