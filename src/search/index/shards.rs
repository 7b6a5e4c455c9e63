//! Phase 6: the sorted dictionary → term shards of about `shard_bytes`
//! each, cut between two-letter prefixes, so that a query fetches one shard
//! per word (plus neighbours for a typo), and the keys the manifest uses to
//! find the shard of a word.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use rayon::prelude::*;

use super::dictionary::{Dictionary, js_cmp};
use super::postings::EncodedGroup;
use super::short_hash;
use crate::artifact::OutputFile;

/// What the manifest says of the term shards.
pub(super) struct TermShards {
    /// The first word (or a shorter prefix) of each shard.
    pub(super) keys: Vec<String>,
    /// Each shard's content hash, in shard order.
    pub(super) hashes: Vec<String>,
}

/// Phase 6: term shards, ranges of the dictionary cut between two-letter
/// prefixes, each handed to `put`.
pub(super) fn term_shards(
    dictionary: &Dictionary,
    encoded: &[EncodedGroup],
    target: usize,
    put: &(dyn Fn(OutputFile) + Sync),
) -> TermShards {
    let words = &dictionary.words;
    let word_group = &dictionary.word_group;
    let ranges = cut_shards(words, word_group, encoded, target);
    let hashes: Vec<String> = ranges
        .par_iter()
        .enumerate()
        .map(|(i, r)| {
            let bytes = shard_json(&words[r.clone()], &word_group[r.clone()], encoded);
            let hash = short_hash(&bytes);
            put(OutputFile::new(format!("search/t{i}.{hash}.json"), bytes));
            hash
        })
        .collect();
    let keys = ranges
        .iter()
        .enumerate()
        .map(|(i, r)| {
            if i == 0 {
                String::new()
            } else {
                separator(&words[r.start - 1], &words[r.start])
            }
        })
        .collect();
    TermShards { keys, hashes }
}

/// A term shard is a JSON array of stem groups, each
/// `[idf × 10, postings, word, word, …]`, in the order of their first word.
/// Postings are, per record, its delta from the previous record as a
/// base-64 varint and its impact level as one character.
fn shard_json(words: &[String], word_group: &[u32], encoded: &[EncodedGroup]) -> Vec<u8> {
    let mut order: Vec<u32> = Vec::new();
    let mut members: BTreeMap<u32, Vec<&str>> = BTreeMap::new();
    for (w, &g) in words.iter().zip(word_group) {
        let list = members.entry(g).or_default();
        if list.is_empty() {
            order.push(g);
        }
        list.push(w);
    }
    let groups: Vec<serde_json::Value> = order
        .iter()
        .map(|g| {
            let group = &encoded[*g as usize];
            let mut v = vec![
                serde_json::json!(group.idf),
                serde_json::json!(group.postings),
            ];
            v.extend(members[g].iter().map(|w| serde_json::json!(w)));
            serde_json::Value::Array(v)
        })
        .collect();
    serde_json::to_vec(&groups).unwrap_or_default()
}

/// The first two characters: shards are cut between such blocks when they can.
fn prefix2(w: &str) -> &str {
    w.char_indices().nth(2).map_or(w, |(i, _)| &w[..i])
}

/// Splits the sorted dictionary into ranges of about `target` bytes, cut
/// between blocks of words that share their first two letters unless one
/// block alone is over twice the target.
fn cut_shards(
    words: &[String],
    word_group: &[u32],
    encoded: &[EncodedGroup],
    target: usize,
) -> Vec<Range<usize>> {
    // About what word `k` adds to a shard's JSON: itself, and its group
    // (postings and all) if the shard does not have the group yet.
    let cost = |k: usize, new_group: bool| {
        let group = if new_group {
            encoded[word_group[k] as usize].postings.len() + 14
        } else {
            0
        };
        words[k].len() + 8 + group
    };
    let mut shards = ShardCuts::default();
    let mut i = 0;
    while i < words.len() {
        let p = prefix2(&words[i]);
        let end = i + words[i..].iter().take_while(|w| prefix2(w) == p).count();
        let mut new = HashSet::new();
        let block: usize = (i..end)
            .map(|k| {
                let g = word_group[k];
                cost(k, !shards.groups.contains(&g) && new.insert(g))
            })
            .sum();
        shards.cut_if_over(i, block, target);
        if block > target * 2 {
            // One prefix too big for a shard: cut it between words.
            for (k, &g) in (i..end).zip(&word_group[i..end]) {
                let c = cost(k, !shards.groups.contains(&g));
                shards.cut_if_over(k, c, target);
                shards.groups.insert(g);
                shards.size += c;
            }
        } else {
            shards.groups.extend(word_group[i..end].iter().copied());
            shards.size += block;
        }
        i = end;
    }
    shards.finish(words.len())
}

/// The shards cut so far, and the one being filled.
#[derive(Default)]
struct ShardCuts {
    ranges: Vec<Range<usize>>,
    /// Where the current shard starts, its size and its groups.
    start: usize,
    size: usize,
    groups: HashSet<u32>,
}

impl ShardCuts {
    /// Ends the current shard before word `at` if `cost` more would take a
    /// shard that is not empty over `target`.
    fn cut_if_over(&mut self, at: usize, cost: usize, target: usize) {
        if self.size > 0 && self.size + cost > target {
            self.ranges.push(self.start..at);
            self.start = at;
            self.size = 0;
            self.groups.clear();
        }
    }

    fn finish(mut self, words: usize) -> Vec<Range<usize>> {
        if self.start < words || self.ranges.is_empty() {
            self.ranges.push(self.start..words);
        }
        self.ranges
    }
}

/// The shortest prefix of `next` that sorts after `prev`.
fn separator(prev: &str, next: &str) -> String {
    let mut end = 0;
    for (i, c) in next.char_indices() {
        end = i + c.len_utf8();
        if js_cmp(&next[..end], prev) == std::cmp::Ordering::Greater {
            return next[..end].to_owned();
        }
    }
    next[..end].to_owned()
}
