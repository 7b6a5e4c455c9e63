//! Many short strings in one buffer (#17).
//!
//! The index's analysis keeps, per part, every word of the part's own
//! dictionary and every record's summary until all parts are analysed. At
//! 100,000 pages that is about two million words and 600,000 summaries: as
//! `String`s, each had a 24-byte header and an allocation of its own,
//! rounded up to the allocator's size class. Here they are written one after
//! the other, with where each ends.

/// Strings, one after the other, each found by its position.
#[derive(Debug, Default)]
pub(super) struct Strs {
    text: String,
    ends: Vec<usize>,
}

impl Strs {
    pub(super) fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len());
    }

    /// The `i`th string pushed.
    pub(super) fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The strings' bytes in all.
    pub(super) fn bytes(&self) -> usize {
        self.text.len()
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The strings' text, one after the other.
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// Strings from their text and where each ends, if every end is in
    /// order, on a character boundary, and the last is the text's end.
    pub(super) fn from_parts(text: String, ends: Vec<usize>) -> Option<Strs> {
        let ordered = ends.windows(2).all(|w| w[0] <= w[1]);
        let bounded = ends.iter().all(|&e| text.is_char_boundary(e));
        let whole = ends.last().copied().unwrap_or(0) == text.len();
        (ordered && bounded && whole).then_some(Strs { text, ends })
    }

    /// Moves the strings into buffers of their size: see [`fit`].
    pub(super) fn fit(&mut self) {
        self.text = String::from(self.text.as_str());
        fit(&mut self.ends);
    }
}

/// Moves `v` into an allocation of its length. `Vec::shrink_to_fit` asks
/// the allocator to shrink in place, and mimalloc keeps a block as it is
/// when the new size is at least half of it: a buffer grown by doubling
/// kept up to half of itself spare. The index keeps a few such buffers per
/// part until every part is analysed; at 100,000 pages the spare space
/// was about a tenth of the build's peak.
pub(super) fn fit<T: Copy>(v: &mut Vec<T>) {
    *v = v.as_slice().to_vec();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_come_back_as_they_were_pushed() {
        let mut s = Strs::default();
        for w in ["word", "", "wörter", "x"] {
            s.push(w);
        }
        assert_eq!(s.len(), 4);
        assert_eq!(s.get(2), "wörter");
        assert_eq!(s.iter().collect::<Vec<_>>(), ["word", "", "wörter", "x"]);
        assert_eq!(s.bytes(), 12);
    }
}
