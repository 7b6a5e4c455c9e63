//! Phases 2 and 3: the parts' words → one dictionary, sorted like
//! JavaScript sorts, and its stem groups.
//!
//! The client never stems: it looks a query's words up in this dictionary,
//! which maps every word of the site to its stem group. The order is
//! JavaScript's (UTF-16 code units) so that the client's binary searches
//! over the shard keys agree with ours for every character.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::analyse::Part;
use crate::search::language::{Stemmer, stop_words};

/// JavaScript's string order (UTF-16 code units), so the client's binary
/// searches agree with ours for every character.
pub fn js_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    if a.is_ascii() && b.is_ascii() {
        return a.cmp(b);
    }
    a.encode_utf16().cmp(b.encode_utf16())
}

/// The site's words and their stem groups: what the term shards list.
pub(super) struct Dictionary {
    /// Every word of the site once, sorted like JavaScript sorts
    /// ([`js_cmp`]), so the client's binary searches agree with ours.
    pub(super) words: Vec<String>,
    /// The stem group of each word of `words`; groups are numbered in the
    /// order of their stems.
    pub(super) word_group: Vec<u32>,
    /// How many stem groups there are.
    pub(super) groups: usize,
    /// Per group: whether every word of it is a stop word.
    pub(super) stop_group: Vec<bool>,
    /// The stop words of the site's language that occur, in list order.
    pub(super) stop_words: Vec<&'static str>,
    /// The Snowball algorithm that grouped the words, if any.
    pub(super) stemmer: Option<&'static str>,
}

impl Dictionary {
    /// Phases 2 and 3: one dictionary from the parts' own, and its stem
    /// groups. Also gives, per part, the stem group of each of its word
    /// ids, which is all the scoring needs of the dictionary.
    pub(super) fn new(parts: &[Part], language: &str) -> (Dictionary, Vec<Vec<u32>>) {
        let words = sorted_words(parts);
        let global_ids = global_ids(parts, &words);
        let stemmer = Stemmer::for_language(language);
        let (word_group, groups) = stem_groups(&words, &stemmer);
        let part_groups = global_ids
            .par_iter()
            .map(|ids| ids.iter().map(|&id| word_group[id as usize]).collect())
            .collect();
        drop(global_ids);
        let stop_list = stop_words(language);
        let stop_group = stop_groups(&words, &word_group, groups, stop_list);
        let stop_words = stop_list
            .iter()
            .map(String::as_str)
            .filter(|w| words.binary_search_by(|x| js_cmp(x, w)).is_ok())
            .collect();
        let dictionary = Dictionary {
            words,
            word_group,
            groups,
            stop_group,
            stop_words,
            stemmer: stemmer.name(),
        };
        (dictionary, part_groups)
    }
}

/// Every part's words once, sorted like JavaScript sorts. The parts'
/// words repeat: a site's vocabulary is a few thousand words however many
/// parts there are, so they are made unique before sorting.
fn sorted_words(parts: &[Part]) -> Vec<String> {
    let unique: FxHashSet<&str> = parts.iter().flat_map(|p| p.words.iter()).collect();
    let mut words: Vec<String> = unique.into_iter().map(str::to_owned).collect();
    words.par_sort_unstable_by(|a, b| js_cmp(a, b));
    words
}

/// Per part: the position in `words` of each of its words.
fn global_ids(parts: &[Part], words: &[String]) -> Vec<Vec<u32>> {
    let global: FxHashMap<&str, u32> = words
        .iter()
        .enumerate()
        .map(|(i, w)| (w.as_str(), i as u32))
        .collect();
    parts
        .par_iter()
        .map(|p| p.words.iter().map(|w| global[w]).collect())
        .collect()
}

/// The stem group of each word, groups numbered in stem order, and how
/// many groups there are.
fn stem_groups(words: &[String], stemmer: &Stemmer) -> (Vec<u32>, usize) {
    let stems: Vec<String> = words.par_iter().map(|w| stemmer.group(w)).collect();
    let mut sorted: Vec<&str> = stems.iter().map(String::as_str).collect();
    sorted.par_sort_unstable();
    sorted.dedup();
    let group_ids: FxHashMap<&str, u32> = sorted
        .iter()
        .enumerate()
        .map(|(i, s)| (*s, i as u32))
        .collect();
    let word_group = stems.iter().map(|s| group_ids[s.as_str()]).collect();
    (word_group, sorted.len())
}

/// Per group: whether it is a stop group, every word of it a stop word.
fn stop_groups(
    words: &[String],
    word_group: &[u32],
    groups: usize,
    stop_list: &[String],
) -> Vec<bool> {
    let is_stop = |w: &str| stop_list.binary_search_by(|x| x.as_str().cmp(w)).is_ok();
    let mut stop_group = vec![true; groups];
    for (w, &g) in words.iter().zip(word_group) {
        if !is_stop(w) {
            stop_group[g as usize] = false;
        }
    }
    stop_group
}
