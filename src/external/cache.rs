//! What earlier runs learned, so that a rerun does not ask again.
//!
//! Only lasting answers are kept: working links, and the pages a server
//! will not show a program (401, 403, codes such as 999), which is its
//! policy and would only be asked again to the same end. Broken and failed
//! links, and rate limits (429), are never kept: they may be fixed by the
//! next run. The text is JSON with a version number; a cache that does not
//! parse, or of another version, is an empty one: losing it costs one slower
//! run, while refusing to run would cost the user a manual deletion.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::Outcome;

/// The format's version; an older or newer cache is ignored.
const VERSION: u32 = 1;

/// The answers of earlier runs, by normalised URL (no `#fragment`).
/// Read one with [`Cache::parse`], or start from `Cache::default()`;
/// [`super::check`] updates it; store [`Cache::to_json`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cache {
    /// Sorted, so the stored text is stable and diffs well.
    entries: BTreeMap<String, Entry>,
}

/// One page's answer and when it was asked (seconds since 1970).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    checked: u64,
    outcome: Outcome,
}

#[derive(Deserialize)]
struct CacheFile {
    version: u32,
    entries: BTreeMap<String, Entry>,
}

#[derive(Serialize)]
struct CacheFileRef<'a> {
    version: u32,
    entries: &'a BTreeMap<String, Entry>,
}

impl Cache {
    /// Reads a cache from [`Cache::to_json`]'s text. Never fails: text that
    /// is not such a cache (corrupt, truncated, another version) gives an
    /// empty cache, and entries that should not have been kept are dropped.
    pub fn parse(text: &str) -> Cache {
        match serde_json::from_str::<CacheFile>(text) {
            Ok(file) if file.version == VERSION => Cache {
                entries: file
                    .entries
                    .into_iter()
                    .filter(|(_, entry)| is_lasting(&entry.outcome))
                    .collect(),
            },
            _ => Cache::default(),
        }
    }

    /// The cache as JSON text, for the caller to store.
    pub fn to_json(&self) -> String {
        let file = CacheFileRef {
            version: VERSION,
            entries: &self.entries,
        };
        // Cannot fail: string keys and plain data. An empty text would
        // read back as an empty cache anyway.
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }

    /// Drops the entries older than `lifetime` at `now`, and those dated
    /// after `now` (a clock set back): what is left can be trusted.
    pub(super) fn prune(&mut self, now: SystemTime, lifetime: Duration) {
        let now = unix_seconds(now);
        let lifetime = lifetime.as_secs();
        self.entries
            .retain(|_, entry| entry.checked <= now && now - entry.checked < lifetime);
    }

    /// The kept answer for a normalised URL.
    pub(super) fn get(&self, key: &str) -> Option<&Outcome> {
        self.entries.get(key).map(|entry| &entry.outcome)
    }

    /// Keeps a fresh answer if it is lasting; forgets the page otherwise.
    pub(super) fn record(&mut self, key: &str, outcome: &Outcome, now: SystemTime) {
        if is_lasting(outcome) {
            let entry = Entry {
                checked: unix_seconds(now),
                outcome: outcome.clone(),
            };
            self.entries.insert(key.to_owned(), entry);
        } else {
            self.entries.remove(key);
        }
    }
}

/// Whether an answer is worth keeping (see the module's doc).
fn is_lasting(outcome: &Outcome) -> bool {
    match outcome {
        Outcome::Ok { .. } => true,
        Outcome::Unverifiable { status } => *status != 429,
        Outcome::Broken { .. } | Outcome::Failed { .. } | Outcome::Skipped => false,
    }
}

fn unix_seconds(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs())
}
