//! What a result shows before its page is opened: each record's summary
//! (title, URL, kind, context, snippet text) as JSON, made while the
//! record's text is at hand (phase 1), and phase 7, which cuts the
//! summaries into content-hashed chunks fetched only for the results shown.

use std::borrow::Cow;

use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;

use super::short_hash;
use super::strs::Strs;
use crate::artifact::OutputFile;
use crate::search::records::{SearchRecord, squash, squash_prefix};

/// What the manifest says of the summary chunks.
pub(super) struct SummaryChunks {
    /// Records per chunk.
    pub(super) per: usize,
    /// The chunks' hashes, concatenated.
    pub(super) hashes: String,
}

/// Phase 7: record summaries in chunks of `per` records, each handed to
/// `put` as soon as it is made. The summaries are the largest part of a
/// large site's index (100,000 pages: 248 MB of 252), so they come packed,
/// a buffer per part (`Strs`), and each file goes out at once: the index
/// never holds the summaries and their files side by side (#17).
pub(super) fn summary_chunks(
    summaries: Vec<Strs>,
    records: usize,
    chunk_bytes: usize,
    put: &(dyn Fn(OutputFile) + Sync),
) -> SummaryChunks {
    let avg_summary = summaries.iter().map(Strs::bytes).sum::<usize>() / records.max(1) + 1;
    // At most about 2,000 chunks, so that the manifest stays small.
    let per = (chunk_bytes / avg_summary)
        .max(4)
        .max(records.div_ceil(MAX_CHUNKS));
    let all: Vec<&str> = summaries.iter().flat_map(Strs::iter).collect();
    let hashes: Vec<String> = all
        .par_chunks(per)
        .enumerate()
        .map(|(i, chunk)| {
            let bytes = format!("[{}]", chunk.join(",")).into_bytes();
            let hash = short_hash(&bytes);
            put(OutputFile::new(format!("search/r{i}.{hash}.json"), bytes));
            hash
        })
        .collect();
    SummaryChunks {
        per,
        hashes: hashes.concat(),
    }
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
