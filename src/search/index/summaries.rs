//! What a result shows before its page is opened: each record's summary
//! (title, URL, kind, context, snippet text) as JSON, made while the
//! record's text is at hand (phase 1), and phase 7, which cuts the
//! summaries into content-hashed chunks fetched only for the results shown.

use std::borrow::Cow;

use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;

use super::short_hash;
use crate::artifact::OutputFile;
use crate::search::records::{SearchRecord, squash, squash_prefix};

/// The summary chunk files, with what the manifest says of them.
pub(super) struct SummaryChunks {
    pub(super) files: Vec<OutputFile>,
    /// Records per chunk.
    pub(super) per: usize,
    /// The chunks' hashes, concatenated.
    pub(super) hashes: String,
}

/// Phase 7: record summaries in chunks of `per` records.
pub(super) fn summary_chunks(
    summaries: Vec<String>,
    records: usize,
    chunk_bytes: usize,
) -> SummaryChunks {
    let avg_summary = summaries.iter().map(String::len).sum::<usize>() / records.max(1) + 1;
    // At most about 2,000 chunks, so that the manifest stays small.
    let per = (chunk_bytes / avg_summary)
        .max(4)
        .max(records.div_ceil(MAX_CHUNKS));
    let chunks: Vec<(String, Vec<u8>)> = summaries
        .par_chunks(per)
        .map(|chunk| {
            let bytes = format!("[{}]", chunk.join(",")).into_bytes();
            (short_hash(&bytes), bytes)
        })
        .collect();
    drop(summaries);
    let mut files = Vec::with_capacity(chunks.len());
    let mut hashes = String::new();
    for (i, (hash, bytes)) in chunks.into_iter().enumerate() {
        files.push(OutputFile::new(format!("search/r{i}.{hash}.json"), bytes));
        hashes.push_str(&hash);
    }
    SummaryChunks { files, per, hashes }
}

/// The most summary chunks an index is cut into.
const MAX_CHUNKS: usize = 2_000;

/// `[title, url, kind, context, text]` as JSON, text cut at a word.
pub(super) fn summary_json(r: &SearchRecord, max_chars: usize) -> String {
    let kind = r.kind.index();
    // `cut` reads no further than character `max_chars` of the squashed
    // text, so that is all that is squashed of a long section. NFC can join
    // characters, so text that is not all ASCII is squashed whole.
    let source = if r.snippet.is_ascii() {
        squash_prefix(&r.snippet, max_chars + 1)
    } else {
        squash(&r.snippet)
    };
    let text = cut(&nfc(&source), max_chars);
    let title = nfc(&r.title);
    let context = nfc(&r.context);
    serde_json::to_string(&(title, &r.url, kind, context, text)).unwrap_or_default()
}

/// NFC, so the client's word pattern sees letters, not letters and marks.
fn nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

/// At most `max` characters, cut at a space, with an ellipsis if cut.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_owned(),
        Some((end, _)) => {
            let head = &text[..end];
            let head = head.rfind(' ').map_or(head, |sp| &head[..sp]);
            format!("{}…", head.trim_end_matches(|c: char| !c.is_alphanumeric()))
        }
    }
}
