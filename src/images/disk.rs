//! The image cache as files: what a build keeps between runs, as names and
//! bytes. `load.rs` reads the folder into [`Cache::from_files`]; `output`
//! writes what [`Cache::to_store`] says (casebook reads input only in
//! `load` and writes only in `output`), so this is pure.
//!
//! One folder, two kinds of file, both named by a hash so nothing else in
//! the folder is mistaken for them:
//! - `{key}.entry`: one image's result, a header line
//!   `casebook image cache 1 {check}` then JSON (the probe result and its
//!   copies' sizes and hashes), where `check` is BLAKE3 of the key and the
//!   JSON, so an entry renamed, cut short or edited does not verify;
//! - `{blake3}.webp`: a copy, named by the hash of its bytes, so copies
//!   shared by several entries are stored once.
//!
//! `from_files` keeps only entries that verify, with every copy they name,
//! and ignores everything else, so a stale, damaged or foreign file costs a
//! re-encode at worst, never a wrong byte in the output.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::cache::{Cache, Key, lock, read};
use super::{ImageInfo, Processed, Variant};

const MAGIC: &str = "casebook image cache 1 ";
const ENTRY: &str = ".entry";
const WEBP: &str = ".webp";
/// Prefix of files being written (`output` writes under it, then renames).
pub const PARTIAL: &str = ".partial-";

#[derive(Serialize, Deserialize)]
struct DiskEntry {
    info: ImageInfo,
    variants: Vec<DiskVariant>,
}

#[derive(Serialize, Deserialize)]
struct DiskVariant {
    width: u32,
    height: u32,
    blake3: String,
}

/// What to write to the cache folder after a build.
#[derive(Debug, Default)]
pub struct Stored {
    /// Files the folder lacks, by name.
    pub write: Vec<(String, Arc<[u8]>)>,
    /// Every cache file the folder should hold; other cache files
    /// ([`is_cache_file`]) may be removed. Foreign files are left alone.
    pub keep: FxHashSet<String>,
}

impl Cache {
    /// The cache a previous build stored: `files` by name. Every file that
    /// does not verify reads as nothing.
    pub fn from_files(files: &FxHashMap<String, Vec<u8>>) -> Cache {
        let mut cache = Cache::new();
        let mut verified = Vec::new();
        for name in files.keys() {
            let Some(key) = name.strip_suffix(ENTRY).and_then(parse_key) else {
                continue;
            };
            if let Some((processed, names)) = read_entry(files, key) {
                verified.extend(names);
                cache.insert_loaded(key, processed);
            }
        }
        lock(&cache.on_disk).extend(verified);
        cache
    }

    /// The files that keep the results this cache was asked for since it
    /// was made or loaded: those the folder lacks, and the names of all.
    /// After a build that stopped early, write them but remove nothing:
    /// the build did not ask for every image the site still has.
    pub fn to_store(&self) -> Stored {
        let used: Vec<Key> = lock(&self.used).iter().copied().collect();
        let on_disk = lock(&self.on_disk).clone();
        let mut stored = Stored::default();
        let done = read(&self.done);
        for key in used {
            // Not stored: an image that failed, and one without copies
            // (its header is read again in microseconds), so a site
            // without wide images has no cache folder.
            let Some(processed) = done.get(&key).filter(|p| !p.variants.is_empty()) else {
                continue;
            };
            for v in &processed.variants {
                let name = format!("{}{WEBP}", v.digest.to_hex());
                if !on_disk.contains(&name) && !stored.keep.contains(&name) {
                    stored.write.push((name.clone(), Arc::clone(&v.webp)));
                }
                stored.keep.insert(name);
            }
            let name = format!("{}{ENTRY}", key.to_hex());
            if !on_disk.contains(&name) {
                stored
                    .write
                    .push((name.clone(), entry_bytes(key, processed).into()));
            }
            stored.keep.insert(name);
        }
        stored
    }

    /// Records that the folder now holds `names` (after `output` wrote
    /// them), so storing this cache again does not rewrite them.
    pub fn stored(&self, names: impl IntoIterator<Item = String>) {
        lock(&self.on_disk).extend(names);
    }

    /// Records that the folder no longer holds `name`.
    pub fn removed(&self, name: &str) {
        lock(&self.on_disk).remove(name);
    }
}

/// The entry file for `key`: header line with the check, then JSON.
fn entry_bytes(key: Key, processed: &Processed) -> Vec<u8> {
    let entry = DiskEntry {
        info: processed.info.clone(),
        variants: processed
            .variants
            .iter()
            .map(|v| DiskVariant {
                width: v.width,
                height: v.height,
                blake3: v.digest.to_hex().to_string(),
            })
            .collect(),
    };
    // Plain data with string keys: serialising cannot fail.
    let json = serde_json::to_vec(&entry).unwrap_or_default();
    let mut bytes = format!("{MAGIC}{}\n", check(key, &json).to_hex()).into_bytes();
    bytes.extend_from_slice(&json);
    bytes
}

fn check(key: Key, json: &[u8]) -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    h.update(key.as_bytes());
    h.update(json);
    h.finalize()
}

/// The entry for `key` and the names of the files it was read from, if it
/// and every copy it names verify.
fn read_entry(files: &FxHashMap<String, Vec<u8>>, key: Key) -> Option<(Processed, Vec<String>)> {
    let entry_name = format!("{}{ENTRY}", key.to_hex());
    let bytes = files.get(&entry_name)?;
    let rest = bytes.strip_prefix(MAGIC.as_bytes())?;
    let newline = rest.iter().position(|&b| b == b'\n')?;
    let (stated, json) = (&rest[..newline], &rest[newline + 1..]);
    if stated != check(key, json).to_hex().as_bytes() {
        return None;
    }
    let entry: DiskEntry = serde_json::from_slice(json).ok()?;
    let mut names = vec![entry_name];
    let mut variants = Vec::with_capacity(entry.variants.len());
    for v in entry.variants {
        let name = format!("{}{WEBP}", v.blake3);
        let webp = files.get(&name)?;
        let variant = Variant::new(v.width, v.height, webp.clone());
        if variant.digest.to_hex().as_str() != v.blake3 {
            return None;
        }
        variants.push(variant);
        names.push(name);
    }
    let processed = Processed {
        info: entry.info,
        variants,
    };
    Some((processed, names))
}

fn parse_key(hex: &str) -> Option<Key> {
    blake3::Hash::from_hex(hex).ok()
}

/// Whether `name` is a file the cache folder holds for casebook: a hash
/// with one of its extensions, or a partial write.
pub fn is_cache_file(name: &str) -> bool {
    let hashed = |ext: &str| name.strip_suffix(ext).and_then(parse_key).is_some();
    hashed(ENTRY) || hashed(WEBP) || name.starts_with(PARTIAL)
}
